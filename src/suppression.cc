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
                  (what.empty() ? "" : " (" + what + ")");
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
