#include "convert.h"

#include <algorithm>
#include <optional>

#include "../emit/emitter.h"

namespace reviewlint::lsp {
namespace {

int LspSeverity(Severity s) {
  switch (s) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 2;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// When `line` ends with a `<!-- KEYWORD ... -->` comment that gives no reason: the offset just
// after its last target, where another rule can be added.
std::optional<uint32_t> AddTargetAt(std::string_view line, std::string_view keyword) {
  std::string_view trimmed = TrimSpaces(line);
  constexpr std::string_view kOpen = "<!--", kClose = "-->";
  if (trimmed.size() < kOpen.size() + kClose.size() ||
      trimmed.substr(trimmed.size() - kClose.size()) != kClose)
    return std::nullopt;
  size_t open = line.rfind(kOpen);
  if (open == std::string_view::npos) return std::nullopt;
  size_t close = line.rfind(kClose);
  std::string_view inner = TrimSpaces(line.substr(open + 4, close - open - 4));
  if (inner.substr(0, keyword.size()) != keyword ||
      (inner.size() > keyword.size() && inner[keyword.size()] != ' ') ||
      inner.find("--") != std::string_view::npos)
    return std::nullopt;
  // Whole-line comments only for disable-next-line: text before it is another form.
  if (keyword == "reviewlint-disable-next-line" && TrimSpaces(line.substr(0, open)).size() > 0)
    return std::nullopt;
  size_t at = close;
  while (at > open && (line[at - 1] == ' ' || line[at - 1] == '\t')) --at;
  return static_cast<uint32_t>(at);
}

}  // namespace

std::string DisableLineComment(const std::string& rule) {
  return "<!-- reviewlint-disable-line " + rule + " -->";
}

json LspPositionJson(const SourceFile& source, uint32_t offset, PositionEncoding encoding) {
  Position p = encoding == PositionEncoding::kUtf8 ? source.lines().BytePosition(offset)
                                                   : source.lines().Utf16Position(offset);
  return json{{"line", p.line - 1}, {"character", p.column - 1}};
}

json LspRange(const SourceFile& source, Span span, PositionEncoding encoding) {
  return json{{"start", LspPositionJson(source, span.begin, encoding)},
              {"end", LspPositionJson(source, span.end, encoding)}};
}

Span DisplaySpan(const SourceFile& source, const Diagnostic& d) {
  Span s = d.span;
  if (d.scope != Scope::kDocument || !s.empty()) return s;
  Span line = source.lines().LineSpan(source.lines().LineOf(s.begin));
  std::string_view text = source.text();
  uint32_t from = std::max(line.begin, source.content_begin());
  while (from < s.begin && (text[from] == ' ' || text[from] == '\t')) ++from;
  return Span{std::min(from, s.begin), s.begin};
}

std::string RuleHref(const RuleSpec* rule) {
  std::string file =
      rule && rule->file.rfind("rules/", 0) == 0 ? rule->file : std::string("rules/README.md");
  return std::string(kHomepage) + "/blob/main/" + file;
}

json TextEditJson(const SourceFile& source, Span span, const std::string& text,
                  PositionEncoding encoding) {
  return json{{"range", LspRange(source, span, encoding)}, {"newText", text}};
}

json LspDiagnostic(const SourceFile& source, const Diagnostic& d, const RuleSpec* rule,
                   PositionEncoding encoding) {
  json fixes = json::array();
  for (const Fix& f : d.fixes) {
    json edit = TextEditJson(source, f.span, f.replacement, encoding);
    edit["safe"] = f.safe;
    fixes.push_back(std::move(edit));
  }
  json data = {{"rule", d.rule},
               {"scope", d.scope == Scope::kDocument ? "document" : "span"},
               {"fixes", std::move(fixes)}};
  if (!d.data.empty()) data["details"] = d.data;
  return json{{"range", LspRange(source, DisplaySpan(source, d), encoding)},
              {"severity", LspSeverity(d.severity)},
              {"code", d.rule},
              {"codeDescription", {{"href", RuleHref(rule)}}},
              {"source", "reviewlint"},
              {"message", d.message},
              {"data", std::move(data)}};
}

namespace {

// Where on `line` (its text, without the line break) a trailing comment goes so that the line
// renders as before: before trailing spaces (a hard break stays one), a backslash hard break, a
// table row's closing pipe and a heading's closing hashes; after `finding_end` when the line
// ends inside an inline code span (the comment would show as text there).
size_t TrailingCommentAt(std::string_view line, size_t finding_end) {
  size_t at = line.size();
  while (at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t')) --at;
  size_t slashes = 0;
  while (slashes < at && line[at - 1 - slashes] == '\\') ++slashes;
  if (slashes % 2 == 1) {
    --at;
  } else if (at > 0 && line[at - 1] == '|') {
    --at;
  } else if (std::string_view t = TrimSpaces(line); !t.empty() && t[0] == '#') {
    size_t hashes = at;
    while (hashes > 0 && line[hashes - 1] == '#') --hashes;
    if (hashes < at && hashes > 0 && (line[hashes - 1] == ' ' || line[hashes - 1] == '\t'))
      at = hashes;
  }
  while (at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t')) --at;
  if (std::count(line.begin(), line.begin() + at, '`') % 2 == 1) at = finding_end;
  return at;
}

}  // namespace

json DisableForLineEdit(const SourceFile& source, const Diagnostic& d, PositionEncoding encoding) {
  std::string_view text = source.text();
  const LineIndex& lines = source.lines();
  uint32_t line = lines.LineOf(d.span.begin);
  if (line > 0) {
    // Add the rule to a reason-less disable-next-line comment right above.
    Span prev = lines.LineSpan(line - 1);
    if (auto at = AddTargetAt(text.substr(prev.begin, prev.size()), "reviewlint-disable-next-line"))
      return TextEditJson(source, Span{prev.begin + *at, prev.begin + *at}, " " + d.rule, encoding);
  }
  Span own = lines.LineSpan(line);
  std::string_view own_text = text.substr(own.begin, own.size());
  // Or to a reason-less disable-line comment at the end of the line.
  if (auto at = AddTargetAt(own_text, "reviewlint-disable-line"))
    return TextEditJson(source, Span{own.begin + *at, own.begin + *at}, " " + d.rule, encoding);
  size_t finding_end = std::min<size_t>(d.span.end, own.end) - own.begin;
  auto at = static_cast<uint32_t>(own.begin + TrailingCommentAt(own_text, finding_end));
  return TextEditJson(source, Span{at, at}, " " + DisableLineComment(d.rule), encoding);
}

json PlaceholderSnippetEdit(const SourceFile& source, Span span, PositionEncoding encoding) {
  std::string value = "${1:";
  for (char c : source.Slice(span)) {
    if (c == '$' || c == '}' || c == '\\') value += '\\';
    value += c;
  }
  value += "}";
  return json{{"range", LspRange(source, span, encoding)},
              {"snippet", {{"kind", "snippet"}, {"value", value}}}};
}

std::string NothingToFixReason(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "Nothing to fix: no findings";
  size_t unsafe = 0;
  for (const Diagnostic& d : diagnostics) unsafe += d.fixes.empty() ? 0 : 1;
  std::string n = diagnostics.size() == 1
                      ? "the finding"
                      : "the " + std::to_string(diagnostics.size()) + " findings";
  if (unsafe == 0) return "Nothing to fix: none of " + n + " has a fix";
  return "Nothing to fix: none of " + n + " has a safe fix; " + std::to_string(unsafe) +
         " can be fixed one by one (the fix changes what the review says)";
}

std::vector<Fix> SafeFixes(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Fix> all;
  for (const Diagnostic& d : diagnostics)
    for (const Fix& f : d.fixes)
      if (f.safe) all.push_back(f);
  std::stable_sort(all.begin(), all.end(),
                   [](const Fix& a, const Fix& b) { return a.span < b.span; });
  std::vector<Fix> kept;
  for (Fix& f : all) {
    if (!kept.empty()) {
      const Fix& last = kept.back();
      // Edits may touch but not overlap, and two insertions at one point have no defined order.
      if (f.span.begin < last.span.end || f.span.begin == last.span.begin) continue;
    }
    kept.push_back(std::move(f));
  }
  return kept;
}

std::string HoverText(const std::vector<const Diagnostic*>& findings,
                      const std::vector<const RuleSpec*>& rules, bool markdown) {
  std::string out;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Diagnostic& d = *findings[i];
    const RuleSpec* r = i < rules.size() ? rules[i] : nullptr;
    if (i > 0) out += markdown ? "\n\n---\n\n" : "\n\n";
    std::string severity = SeverityName(d.severity);
    out +=
        markdown ? "**" + d.rule + "** (" + severity + ")\n\n" : d.rule + " (" + severity + ")\n";
    out += d.message;
    if (r && !r->why.empty()) out += "\n\n" + r->why;
    if (r && !r->instead.empty())
      out += (markdown ? "\n\n**Write instead:** " : "\n\nWrite instead: ") + r->instead;
    if (markdown && r) out += "\n\n[" + d.rule + "](" + RuleHref(r) + ")";
  }
  return out;
}

}  // namespace reviewlint::lsp
