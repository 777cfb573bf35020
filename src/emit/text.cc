// Human output in the style of clang and rustc:
//
//   review.md:5:11: warning: "good communicator" is stock praise [vagueness.generic-praise]
//       5 | John is a good communicator.
//         |           ^~~~~~~~~~~~~~~~~
//
// Columns are 1-based code points. The underline is drawn in display cells, so wide characters
// (CJK, emoji) and tabs line up in a terminal.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "emitter.h"

namespace reviewlint {
namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;33m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return "";
}

// Display cells of the code point starting at text[i]; advances i.
int Cells(std::string_view text, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(text.data(), pos, static_cast<int32_t>(text.size()), c);
  *i = static_cast<size_t>(pos);
  if (c == '\t') return 4;
  if (c < 0x20) return 0;
  if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) &
      (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK))
    return 0;
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

class TextEmitter : public Emitter {
 public:
  explicit TextEmitter(const EmitOptions& o) : options_(o) {}

  void File(const FileResult& f, std::ostream& out) override {
    if (!f.error.empty()) {
      FileError e = SplitFileError(f.path, f.error);
      out << Style(kBold) << e.where << ":" << Style(kReset) << " "
          << Style(SeverityColor(Severity::kError)) << "error:" << Style(kReset) << " " << e.message
          << "\n";
    }
    if (!f.source) return;
    for (const Diagnostic& d : f.diagnostics) Print(f, d, out);
    if (options_.summary)
      out << Style(kBold) << f.path << ": summary" << Style(kReset) << "\n"
          << ScorecardText(f.scorecard);
  }

  // One form: "13 warnings, 4 infos in 2 files (1 could not be linted)." or
  // "No findings in 1 file.".
  void End(const Summary& s, std::ostream& out) override {
    if (options_.quiet) return;
    std::string line;
    auto part = [&](size_t n, const char* one, const char* many) {
      if (!n) return;
      if (!line.empty()) line += ", ";
      line += std::to_string(n) + " " + (n == 1 ? one : many);
    };
    part(s.errors, "error", "errors");
    part(s.warnings, "warning", "warnings");
    part(s.infos, "info", "infos");
    if (line.empty()) line = "No findings";
    line += " in " + std::to_string(s.files) + (s.files == 1 ? " file" : " files");
    if (s.files_with_errors)
      line += " (" + std::to_string(s.files_with_errors) + " could not be linted)";
    out << Style(kBold) << line << "." << Style(kReset) << "\n";
  }

 private:
  std::string Style(const char* code) const { return options_.color ? code : ""; }

  void Print(const FileResult& f, const Diagnostic& d, std::ostream& out) {
    const SourceFile& src = *f.source;
    Position pos = src.lines().CodePointPosition(d.span.begin);
    out << Style(kBold) << f.path << ":" << pos.line << ":" << pos.column << ":" << Style(kReset)
        << " " << Style(SeverityColor(d.severity)) << SeverityName(d.severity) << ":"
        << Style(kReset) << " " << d.message << " [" << d.rule << "]\n";
    if (options_.quiet) return;
    // The line as shown (redacted or not), with the span's offsets in it.
    uint32_t line = pos.line - 1;
    Span ls = src.lines().LineSpan(line);
    std::string_view text = ShownSlice(f, ls);
    const size_t line_begin = ShownOffset(f, ls.begin, false);
    const size_t span_begin = ShownOffset(f, d.span.begin, false) - line_begin;
    const size_t span_end = ShownOffset(f, d.span.end, true) - line_begin;
    // Keep very long lines readable: show at most 200 bytes around the match.
    size_t from = 0;
    if (text.size() > 240 && span_begin > 80) {
      from = span_begin - 60;
      while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    }
    size_t to = std::min(text.size(), from + 240);
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    std::string gutter = std::to_string(pos.line);
    std::string pad(gutter.size(), ' ');
    std::string shown, marks;
    size_t mb = span_begin, me = std::min(span_end, text.size());
    if (d.scope == Scope::kDocument || me <= mb) me = mb;  // a point: one caret
    for (size_t i = from; i < to;) {
      size_t at = i;
      int cells = Cells(text, &i);
      if (text[at] == '\t')
        shown += "    ";
      else
        shown.append(text.substr(at, i - at));
      char mark = at == mb ? '^' : (at > mb && at < me) ? '~' : ' ';
      marks.append(static_cast<size_t>(cells), mark);
    }
    if (mb >= to) marks += '^';  // a point at the end of the line
    while (!marks.empty() && marks.back() == ' ') marks.pop_back();
    out << "  " << gutter << " | " << (from ? "..." : "") << shown
        << (to < text.size() ? "..." : "") << "\n";
    out << "  " << pad << " | " << (from ? "   " : "") << Style(SeverityColor(d.severity)) << marks
        << Style(kReset) << "\n";
  }

  EmitOptions options_;
};

}  // namespace

std::unique_ptr<Emitter> MakeTextEmitter(const EmitOptions& options) {
  return std::make_unique<TextEmitter>(options);
}

}  // namespace reviewlint
