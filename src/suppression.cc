#include "suppression.h"

#include <algorithm>
#include <sstream>

#include "edit_distance.h"

namespace reviewlint {
namespace {

bool Targets(const Directive& d, const std::string& rule) {
  if (d.targets.empty()) return true;
  std::string pack = rule.substr(0, rule.find('.'));
  for (const std::string& t : d.targets)
    if (t == rule || t == pack) return true;
  return false;
}

// The innermost prose block holding `offset`, or nullptr.
const Block* BlockHolding(const Document& doc, uint32_t offset) {
  const Block* best = nullptr;
  for (const Block& b : doc.markup.blocks)
    if (b.span.begin <= offset && offset < b.span.end &&
        (!best || b.span.end - b.span.begin < best->span.end - best->span.begin))
      best = &b;
  return best;
}

// What a next-block directive ending at `after` covers: the first prose block that starts after
// it (a paragraph, heading or list item, continuation lines included), or a whole table row.
Span NextBlock(const Document& doc, uint32_t after) {
  const Block* next = nullptr;
  for (const Block& b : doc.markup.blocks)
    if (b.span.begin >= after && (!next || b.span.begin < next->span.begin)) next = &b;
  if (!next) return {after, after};
  Span s = next->span;
  if (next->kind == BlockKind::kTableCell) {
    const LineIndex& lines = doc.source.lines();
    s.end = std::max(s.end, lines.LineSpan(lines.LineOf(s.begin)).end);
  }
  return s;
}

const char* BlockName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kListItem:
      return "list item";
    case BlockKind::kTableCell:
      return "table row";
    default:
      return "paragraph";
  }
}

// For a next-line directive that suppressed nothing: " ; a finding of RULE is on line N of the
// same paragraph ..." when one of its rules fires elsewhere in the block of the line it covers.
std::string MissedByALine(const Document& doc, const Directive& d,
                          const std::vector<Diagnostic>& findings) {
  const LineIndex& lines = doc.source.lines();
  if (d.kind != Directive::kDisableNextLine || d.line >= lines.line_count()) return "";
  Span covered = lines.LineSpan(d.line);
  const Block* block = BlockHolding(doc, covered.begin);
  for (uint32_t o = covered.begin; !block && o < covered.end; ++o) block = BlockHolding(doc, o);
  if (!block) return "";
  for (const Diagnostic& f : findings) {
    if (!Targets(d, f.rule) || f.span.begin < block->span.begin || f.span.begin >= block->span.end)
      continue;
    uint32_t line = lines.LineOf(f.span.begin);
    if (line == d.line) continue;
    return std::string("; it covers line ") + std::to_string(d.line + 1) + " only, and the " +
           f.rule + " finding is on line " + std::to_string(line + 1) + " of the same " +
           BlockName(block->kind) + ": use reviewlint-disable-next-block";
  }
  return "";
}

}  // namespace

std::vector<Directive> ParseDirectives(const Document& doc) {
  std::vector<Directive> out;
  const LineIndex& lines = doc.source.lines();
  for (Span c : doc.markup.comments) {
    std::string body(doc.Text(c));
    if (body.size() < 7) continue;
    body = body.substr(4, body.size() - 7);  // inside <!-- and -->
    std::istringstream words(body);
    std::string keyword;
    words >> keyword;
    Directive d;
    if (keyword == "reviewlint-disable")
      d.kind = Directive::kDisable;
    else if (keyword == "reviewlint-enable")
      d.kind = Directive::kEnable;
    else if (keyword == "reviewlint-disable-next-line")
      d.kind = Directive::kDisableNextLine;
    else if (keyword == "reviewlint-disable-line")
      d.kind = Directive::kDisableLine;
    else if (keyword == "reviewlint-disable-next-block")
      d.kind = Directive::kDisableNextBlock;
    else
      continue;
    d.span = c;
    for (std::string w; words >> w;) {
      if (w == "--") {
        std::string rest;
        std::getline(words, rest);
        size_t b = rest.find_first_not_of(" \t");
        d.reason = b == std::string::npos ? "" : rest.substr(b);
        break;
      }
      while (!w.empty() && w.back() == ',') w.pop_back();
      if (!w.empty()) d.targets.push_back(w);
    }
    uint32_t end_line = lines.LineOf(c.end > c.begin ? c.end - 1 : c.end);
    if (d.kind == Directive::kDisableLine) {
      d.line = lines.LineOf(c.begin);
    } else if (d.kind == Directive::kDisableNextLine) {
      // The next line with text: in Markdown a blank line often separates the two.
      uint32_t l = end_line + 1;
      while (l < lines.line_count()) {
        Span s = lines.LineSpan(l);
        std::string_view t = doc.source.Slice(s);
        if (t.find_first_not_of(" \t") != std::string_view::npos) break;
        ++l;
      }
      d.line = l;
    } else if (d.kind == Directive::kDisableNextBlock) {
      d.block = NextBlock(doc, c.end);
    }
    out.push_back(std::move(d));
  }
  return out;
}

void ApplySuppressions(const Document& doc, std::vector<Directive>& directives,
                       const std::vector<std::string>& known_ids, bool report_unused,
                       std::vector<Diagnostic>* diagnostics) {
  const LineIndex& lines = doc.source.lines();
  std::vector<Diagnostic> kept;
  for (Diagnostic& diag : *diagnostics) {
    uint32_t line = lines.LineOf(diag.span.begin);
    bool suppressed = false;
    // Ranges: the last disable/enable before the finding that targets its rule decides.
    int range_owner = -1;
    for (size_t i = 0; i < directives.size(); ++i) {
      Directive& d = directives[i];
      if (d.span.begin > diag.span.begin) break;
      if ((d.kind == Directive::kDisable || d.kind == Directive::kEnable) && Targets(d, diag.rule))
        range_owner = d.kind == Directive::kDisable ? static_cast<int>(i) : -1;
    }
    if (range_owner >= 0) {
      directives[range_owner].used = true;
      suppressed = true;
    }
    for (Directive& d : directives) {
      if ((d.kind == Directive::kDisableLine || d.kind == Directive::kDisableNextLine) &&
          d.line == line && Targets(d, diag.rule)) {
        d.used = true;
        suppressed = true;
      }
      if (d.kind == Directive::kDisableNextBlock && d.block.begin <= diag.span.begin &&
          diag.span.begin < d.block.end && Targets(d, diag.rule)) {
        d.used = true;
        suppressed = true;
      }
    }
    if (!suppressed) kept.push_back(std::move(diag));
  }
  for (const Directive& d : directives) {
    for (const std::string& t : d.targets) {
      if (std::find(known_ids.begin(), known_ids.end(), t) != known_ids.end()) continue;
      Diagnostic u;
      u.rule = "reviewlint.unknown-rule";
      u.severity = Severity::kWarning;
      u.span = d.span;
      u.message =
          "unknown rule or pack \"" + t + "\" in a reviewlint comment" + DidYouMean(t, known_ids);
      kept.push_back(std::move(u));
    }
    if (report_unused && !d.used && d.kind != Directive::kEnable) {
      Diagnostic u;
      u.rule = "reviewlint.unused-disable";
      u.severity = Severity::kWarning;
      u.span = d.span;
      std::string what;
      for (const std::string& t : d.targets) what += (what.empty() ? "" : ", ") + t;
      u.message = "this reviewlint-disable comment suppresses nothing" +
                  (what.empty() ? "" : " (" + what + ")") + MissedByALine(doc, d, kept);
      // Removing it is safe: it changes nothing the review says. A comment alone on its line
      // takes the line with it.
      Fix remove{d.span, "", true};
      std::string_view text = doc.source.text();
      Span line = lines.LineSpan(lines.LineOf(d.span.begin));
      auto blank = [&](uint32_t b, uint32_t e) {
        return e <= b || text.substr(b, e - b).find_first_not_of(" \t") == std::string_view::npos;
      };
      if (blank(line.begin, d.span.begin) && blank(d.span.end, line.end) &&
          line.end < text.size()) {
        remove.span.begin = line.begin;
        remove.span.end = line.end + (text.compare(line.end, 2, "\r\n") == 0 ? 2 : 1);
      }
      u.fixes.push_back(remove);
      kept.push_back(std::move(u));
    }
  }
  std::stable_sort(kept.begin(), kept.end(), DiagnosticLess);
  *diagnostics = std::move(kept);
}

}  // namespace reviewlint
