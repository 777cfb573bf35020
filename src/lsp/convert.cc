#include "convert.h"

#include <algorithm>

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

// The line break that ends 0-based `line`, or the document's first one, or "\n".
std::string LineBreakAfter(const SourceFile& source, uint32_t line) {
  std::string_view text = source.text();
  uint32_t end = source.lines().LineSpan(line).end;
  auto at = [&](uint32_t p) -> std::string {
    if (p >= text.size()) return "";
    if (text[p] == '\r') return p + 1 < text.size() && text[p + 1] == '\n' ? "\r\n" : "\r";
    return text[p] == '\n' ? "\n" : "";
  };
  std::string own = at(end);
  if (!own.empty()) return own;
  size_t first = text.find_first_of("\r\n");
  return first == std::string_view::npos ? "\n" : at(static_cast<uint32_t>(first));
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string DisableNextLineComment(const std::string& rule) {
  return "<!-- reviewlint-disable-next-line " + rule + " -->";
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

json DisableForLineEdit(const SourceFile& source, const Diagnostic& d, PositionEncoding encoding) {
  std::string_view text = source.text();
  const LineIndex& lines = source.lines();
  uint32_t line = lines.LineOf(d.span.begin);
  if (line > 0) {
    // Add the rule to a reason-less disable-next-line comment right above.
    Span prev = lines.LineSpan(line - 1);
    std::string_view above = TrimSpaces(text.substr(prev.begin, prev.size()));
    constexpr std::string_view kOpen = "<!--", kClose = "-->";
    if (above.size() > kOpen.size() + kClose.size() && above.substr(0, 4) == kOpen &&
        above.substr(above.size() - 3) == kClose) {
      std::string_view inner = TrimSpaces(above.substr(4, above.size() - 7));
      if (inner.rfind("reviewlint-disable-next-line", 0) == 0 &&
          inner.find("--") == std::string_view::npos) {
        // Insert just after the last target, before the spaces that precede "-->".
        auto close = static_cast<uint32_t>(text.substr(prev.begin, prev.size()).rfind(kClose));
        uint32_t at = prev.begin + close;
        while (at > prev.begin && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
        return TextEditJson(source, Span{at, at}, " " + d.rule, encoding);
      }
    }
  }
  Span own = lines.LineSpan(line);
  uint32_t begin = std::max(own.begin, line == 0 ? source.content_begin() : own.begin);
  uint32_t indent_end = begin;
  while (indent_end < own.end && (text[indent_end] == ' ' || text[indent_end] == '\t'))
    ++indent_end;
  std::string insert(text.substr(begin, indent_end - begin));
  insert += DisableNextLineComment(d.rule);
  insert += LineBreakAfter(source, line);
  return TextEditJson(source, Span{begin, begin}, insert, encoding);
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
