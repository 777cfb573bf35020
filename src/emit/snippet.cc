#include "snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace reviewlint {
namespace {

const char* kReset = "\033[0m";

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

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One line as shown: its text, and the bytes of it [from, to) that fit the window.
struct ShownLine {
  std::string_view text;
  size_t begin = 0;  // its first byte in the shown text
  size_t from = 0, to = 0;
};

// A label's underline on one line: bytes [begin, end) of the line; `head`: it starts here.
struct Mark {
  size_t begin = 0, end = 0;
  bool head = false, last_line = false;
};

Mark MarkOn(const FileResult& f, const ShownLine& line, uint32_t index, const Label& label) {
  auto [first, last] = SpanLines(f.source->lines(), label.span);
  Mark m;
  m.head = index == first;
  m.last_line = index == last;
  if (m.head) {
    m.begin = ShownOffset(f, label.span.begin, false) - line.begin;
  } else {  // a continuation: from the line's first non-blank
    while (m.begin < line.text.size() && (line.text[m.begin] == ' ' || line.text[m.begin] == '\t'))
      ++m.begin;
  }
  m.end = m.last_line ? ShownOffset(f, label.span.end, true) - line.begin : line.text.size();
  m.end = std::min(m.end, line.text.size());
  if (label.span.size() == 0 || m.end < m.begin) m.end = m.begin;  // a point: one caret
  return m;
}

ShownLine ShowLine(const FileResult& f, uint32_t index, size_t first_mark) {
  ShownLine l;
  Span span = f.source->lines().LineSpan(index);
  l.text = ShownSlice(f, span);
  l.begin = ShownOffset(f, span.begin, false);
  // Keep very long lines readable: a window around the first mark.
  if (l.text.size() > kSnippetWindow && first_mark > 80) {
    l.from = first_mark - 60;
    while (l.from < l.text.size() && IsContinuation(l.text[l.from])) ++l.from;
  }
  l.to = std::min(l.text.size(), l.from + kSnippetWindow);
  while (l.to < l.text.size() && IsContinuation(l.text[l.to])) ++l.to;
  return l;
}

// The lines to print: all of a short range; of a long one, the lines where labels start or end
// (a gap is shown as "...").
std::vector<uint32_t> LinesToShow(const LineIndex& lines, const std::vector<Label>& labels) {
  std::vector<uint32_t> ends;
  uint32_t lo = UINT32_MAX, hi = 0;
  for (const Label& l : labels) {
    auto [first, last] = SpanLines(lines, l.span);
    ends.push_back(first);
    ends.push_back(last);
    lo = std::min(lo, first);
    hi = std::max(hi, last);
  }
  std::vector<uint32_t> shown;
  if (hi - lo < 6) {
    for (uint32_t i = lo; i <= hi; ++i) shown.push_back(i);
    return shown;
  }
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  return ends;
}

// The underlines of the labels that cover line `index` (probe: the whole line).
std::vector<std::pair<const Label*, Mark>> MarksOn(const FileResult& f, const ShownLine& probe,
                                                   uint32_t index,
                                                   const std::vector<Label>& labels) {
  std::vector<std::pair<const Label*, Mark>> marks;
  for (const Label& l : labels) {
    auto [first, last] = SpanLines(f.source->lines(), l.span);
    if (index >= first && index <= last) marks.push_back({&l, MarkOn(f, probe, index, l)});
  }
  return marks;
}

// Prints the window of the line, tabs as four spaces; returns the display cells of each of its
// bytes (-1 for a byte inside a code point).
std::vector<int> PrintLineText(const ShownLine& line, const std::string& gutter,
                               std::ostream& out) {
  std::string text;
  std::vector<int> cells;
  for (size_t i = line.from; i < line.to;) {
    size_t at = i;
    int n = Cells(line.text, &i);
    text += line.text[at] == '\t' ? std::string("    ") : std::string(line.text.substr(at, i - at));
    cells.push_back(n);
    cells.resize(cells.size() + (i - at - 1), -1);
  }
  out << "  " << gutter << " | " << (line.from ? "..." : "") << text
      << (line.to < line.text.size() ? "..." : "") << "\n";
  return cells;
}

// "^~~~" under the span's part on this line: '^' where it starts, '~' for the rest.
std::string Underline(const ShownLine& line, const std::vector<int>& cells, const Mark& m) {
  std::string row;
  for (size_t i = line.from; i < line.to; ++i) {
    int n = cells[i - line.from];
    if (n < 0) continue;
    char c = (i == m.begin && m.head) ? '^' : (i >= m.begin && i < m.end) ? '~' : ' ';
    row.append(static_cast<size_t>(n), c);
  }
  if (m.head && m.begin >= line.to) row += '^';  // at the end of the line, or past the window
  while (!row.empty() && row.back() == ' ') row.pop_back();
  return row;
}

// One source line and an underline for each label on it, labelled on the label's last line.
void DrawLine(const FileResult& f, uint32_t index, const std::vector<Label>& labels, size_t width,
              bool color, std::ostream& out) {
  Span span = f.source->lines().LineSpan(index);
  ShownLine probe;
  probe.text = ShownSlice(f, span);
  probe.begin = ShownOffset(f, span.begin, false);
  auto marks = MarksOn(f, probe, index, labels);
  size_t first_mark = probe.text.size();
  for (const auto& [label, m] : marks) first_mark = std::min(first_mark, m.begin);
  ShownLine line = ShowLine(f, index, first_mark);
  std::string gutter = std::to_string(index + 1);
  gutter.insert(0, width - gutter.size(), ' ');
  std::vector<int> cells = PrintLineText(line, gutter, out);
  for (const auto& [label, m] : marks) {
    out << "  " << std::string(width, ' ') << " | " << (line.from ? "   " : "")
        << (color ? SeverityColor(label->severity) : "") << Underline(line, cells, m);
    if (m.last_line && !label->text.empty()) out << " " << label->text;
    out << (color ? kReset : "") << "\n";
  }
}

}  // namespace

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

std::pair<uint32_t, uint32_t> SpanLines(const LineIndex& lines, Span span) {
  uint32_t first = lines.LineOf(span.begin);
  uint32_t last = span.size() == 0 ? first : lines.LineOf(span.end - 1);
  return {first, std::max(first, last)};
}

size_t DrawSnippet(const FileResult& f, const std::vector<Label>& labels, bool color,
                   std::ostream& out) {
  std::vector<uint32_t> shown = LinesToShow(f.source->lines(), labels);
  const size_t width = std::to_string(shown.back() + 1).size();
  for (size_t k = 0; k < shown.size(); ++k) {
    if (k > 0 && shown[k] > shown[k - 1] + 1) out << "  " << std::string(width, ' ') << " | ...\n";
    DrawLine(f, shown[k], labels, width, color, out);
  }
  return width + 3;
}

}  // namespace reviewlint
