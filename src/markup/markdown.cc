// A line-oriented Markdown scanner (CommonMark blocks, approximately) that keeps prose and masks
// the rest. It never recurses, so deeply nested quotes or lists cannot overflow the stack.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "inline.h"
#include "markup.h"

namespace reviewlint {
namespace {

struct LineRef {
  uint32_t begin;
  uint32_t end;   // content end, before CR/LF
  uint32_t next;  // start of the next line
};

std::vector<LineRef> SplitLines(std::string_view t, uint32_t from) {
  std::vector<LineRef> lines;
  uint32_t n = static_cast<uint32_t>(t.size());
  uint32_t b = from;
  // The next LF and the next CR at or after b (n when there is none), each searched for again
  // only once b has passed it: a file with one kind of line ending (LF, or CR only) would
  // otherwise have the rest of the file rescanned for the other kind on every line.
  auto find = [&](char c, uint32_t at) {
    const void* p = std::memchr(t.data() + at, c, n - at);
    return p ? static_cast<uint32_t>(static_cast<const char*>(p) - t.data()) : n;
  };
  uint32_t nl = 0, cr = 0;
  bool first = true;
  while (b < n) {
    if (first || nl < b) nl = find('\n', b);
    if (first || cr < b) cr = find('\r', b);
    first = false;
    uint32_t e = std::min(nl, cr);
    uint32_t next = e;
    if (e < n) next = (t[e] == '\r' && e + 1 < n && t[e + 1] == '\n') ? e + 2 : e + 1;
    lines.push_back({b, e, next});
    b = next;
  }
  return lines;
}

inline void Blank(std::string& prose, uint32_t b, uint32_t e) {
  for (uint32_t i = b; i < e; ++i)
    if (prose[i] != '\n' && prose[i] != '\r') prose[i] = ' ';
}

inline bool IsBlank(std::string_view t, uint32_t b, uint32_t e) {
  for (uint32_t i = b; i < e; ++i)
    if (t[i] != ' ' && t[i] != '\t') return false;
  return true;
}

// Skips spaces and tabs; returns the position and adds the visual width to *indent.
uint32_t SkipIndent(std::string_view t, uint32_t p, uint32_t e, uint32_t* indent) {
  while (p < e && (t[p] == ' ' || t[p] == '\t')) {
    *indent += t[p] == '\t' ? 4 - (*indent % 4) : 1;
    ++p;
  }
  return p;
}

// A run of 3+ fence characters: returns its length, 0 if none.
uint32_t FenceRun(std::string_view t, uint32_t p, uint32_t e, char* ch) {
  if (p >= e || (t[p] != '`' && t[p] != '~')) return 0;
  char c = t[p];
  uint32_t q = p;
  while (q < e && t[q] == c) ++q;
  if (q - p < 3) return 0;
  if (c == '`' && std::memchr(t.data() + q, '`', e - q)) return 0;  // info string has a backtick
  *ch = c;
  return q - p;
}

bool IsThematicBreak(std::string_view t, uint32_t p, uint32_t e) {
  if (p >= e) return false;
  char c = t[p];
  if (c != '-' && c != '*' && c != '_') return false;
  int count = 0;
  for (uint32_t i = p; i < e; ++i) {
    if (t[i] == c)
      ++count;
    else if (t[i] != ' ' && t[i] != '\t')
      return false;
  }
  return count >= 3;
}

// Setext underline: only '=' or only '-' (then spaces).
int SetextLevel(std::string_view t, uint32_t p, uint32_t e) {
  if (p >= e || (t[p] != '=' && t[p] != '-')) return 0;
  char c = t[p];
  uint32_t q = p;
  while (q < e && t[q] == c) ++q;
  if (!IsBlank(t, q, e)) return 0;
  return c == '=' ? 1 : 2;
}

// List marker at p: returns the byte length of the marker (without the following space), 0 if
// none.
uint32_t ListMarker(std::string_view t, uint32_t p, uint32_t e) {
  if (p >= e) return 0;
  uint32_t m = 0;
  if (t[p] == '-' || t[p] == '*' || t[p] == '+') {
    m = 1;
  } else {
    uint32_t q = p;
    while (q < e && q - p < 9 && std::isdigit(static_cast<unsigned char>(t[q]))) ++q;
    if (q == p || q >= e || (t[q] != '.' && t[q] != ')')) return 0;
    m = q - p + 1;
  }
  if (p + m < e && t[p + m] != ' ' && t[p + m] != '\t') return 0;
  return m;
}

bool IsTableDelimiterRow(std::string_view t, uint32_t p, uint32_t e) {
  bool dash = false, pipe = false;
  for (uint32_t i = p; i < e; ++i) {
    char c = t[i];
    if (c == '-')
      dash = true;
    else if (c == '|')
      pipe = true;
    else if (c != ':' && c != ' ' && c != '\t')
      return false;
  }
  return dash && pipe;
}

bool HasPipe(std::string_view t, uint32_t p, uint32_t e) {
  return std::memchr(t.data() + p, '|', e - p) != nullptr;
}

class Scanner {
 public:
  Scanner(std::string_view text, uint32_t content_begin) : text_(text), from_(content_begin) {
    result_.prose.assign(text.data(), text.size());
    Blank(result_.prose, 0, content_begin);
  }

  MarkupResult Run() {
    lines_ = SplitLines(text_, from_);
    size_t i = ScanFrontMatter();
    for (; i < lines_.size(); ++i) Line(i);
    ClosePara();
    FinishSections();
    for (Block& b : result_.blocks) {
      MaskInline(text_, b.span, &result_.prose, &result_.comments);
      JoinLines(b.span, &result_.prose);
    }
    std::sort(result_.comments.begin(), result_.comments.end());
    return std::move(result_);
  }

 private:
  size_t ScanFrontMatter() {
    if (lines_.empty()) return 0;
    const LineRef& first = lines_[0];
    if (text_.substr(first.begin, first.end - first.begin) != "---") return 0;
    for (size_t i = 1; i < lines_.size(); ++i) {
      std::string_view l = text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
      while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
      if (l == "---" || l == "...") {
        result_.front_matter = Span{first.begin, lines_[i].end};
        for (size_t k = 1; k < i; ++k) ParseFrontMatterLine(lines_[k]);
        Blank(result_.prose, first.begin, lines_[i].end);
        return i + 1;
      }
    }
    return 0;  // unterminated: not front matter; `---` is then a thematic break
  }

  void ParseFrontMatterLine(const LineRef& l) {
    std::string_view s = text_.substr(l.begin, l.end - l.begin);
    if (s.empty() || s[0] == ' ' || s[0] == '#' || s[0] == '-') return;
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0) return;
    std::string_view key = s.substr(0, colon);
    uint32_t vb = l.begin + static_cast<uint32_t>(colon) + 1, ve = l.end;
    while (vb < ve && (text_[vb] == ' ' || text_[vb] == '\t')) ++vb;
    while (ve > vb && (text_[ve - 1] == ' ' || text_[ve - 1] == '\t')) --ve;
    if (ve - vb >= 2 && (text_[vb] == '"' || text_[vb] == '\'') && text_[ve - 1] == text_[vb])
      ++vb, --ve;
    result_.front_matter_entries.push_back(
        {std::string(key), std::string(text_.substr(vb, ve - vb)), Span{vb, ve}});
  }

  void ClosePara() {
    if (para_open_) {
      result_.blocks.push_back(para_);
      para_open_ = false;
    }
  }

  void OpenBlock(BlockKind kind, uint32_t b, uint32_t e, bool quote) {
    ClosePara();
    para_ = Block{kind, Span{b, e}, quote, current_section_};
    para_open_ = true;
  }

  void AddHeading(int level, uint32_t b, uint32_t e, uint32_t line_begin, bool quote) {
    ClosePara();
    // Trim a closing run of '#'.
    uint32_t te = e;
    while (te > b && (text_[te - 1] == ' ' || text_[te - 1] == '\t')) --te;
    uint32_t h = te;
    while (h > b && text_[h - 1] == '#') --h;
    if (h < te && (h == b || text_[h - 1] == ' ' || text_[h - 1] == '\t')) {
      Blank(result_.prose, h, te);
      te = h;
      while (te > b && (text_[te - 1] == ' ' || text_[te - 1] == '\t')) --te;
    }
    StartSection(level, Span{b, te}, line_begin);
    result_.blocks.push_back(Block{BlockKind::kHeading, Span{b, te}, quote, current_section_});
  }

  void StartSection(int level, Span title, uint32_t line_begin) {
    // Close sections of the same or a deeper level.
    while (!open_sections_.empty() && result_.sections[open_sections_.back()].level >= level) {
      result_.sections[open_sections_.back()].extent.end = line_begin;
      open_sections_.pop_back();
    }
    Section s;
    s.level = level;
    s.title = title;
    s.extent = Span{line_begin, static_cast<uint32_t>(text_.size())};
    s.parent = open_sections_.empty() ? -1 : open_sections_.back();
    result_.sections.push_back(s);
    current_section_ = static_cast<int>(result_.sections.size()) - 1;
    open_sections_.push_back(current_section_);
  }

  void FinishSections() {
    for (int s : open_sections_)
      result_.sections[s].extent.end = static_cast<uint32_t>(text_.size());
  }

  void AddTableRow(uint32_t b, uint32_t e, bool quote) {
    ClosePara();
    uint32_t cell = b;
    for (uint32_t i = b; i <= e; ++i) {
      bool end = i == e;
      if (!end && text_[i] == '\\' && i + 1 < e) {
        ++i;
        continue;
      }
      if (end || text_[i] == '|') {
        if (!end) result_.prose[i] = ' ';
        if (!IsBlank(text_, cell, i)) {
          result_.blocks.push_back(
              Block{BlockKind::kTableCell, Span{cell, i}, quote, current_section_});
        }
        cell = i + 1;
      }
    }
  }

  // One line's state, computed once and read by every step of Line.
  struct LineCtx {
    size_t li;
    uint32_t begin;          // the line's first byte
    uint32_t p;              // where the line's blocks start (after a comment that closed on it)
    uint32_t e;              // content end, before CR/LF
    uint32_t q = 0;          // first byte after the quote markers and the indent
    uint32_t indent = 0;     // visual width of that indent
    uint32_t rel = 0;        // the indent relative to the innermost open list item
    int quote_depth = 0;     // block quote markers
    bool quote = false;      // inside a block quote
    bool was_blank = false;  // the line before was blank (or there was none)
  };

  // One line: a dispatcher over the block steps in CommonMark's order of precedence. Continued
  // constructs (an open comment, an open fence, a blank line) come first; then each Try step
  // either takes the line (true) or leaves it to the next; what none takes is paragraph text.
  void Line(size_t li) {
    if (li == pending_skip_) return;
    LineCtx c{li, lines_[li].begin, lines_[li].begin, lines_[li].end};
    if (ContinueComment(&c)) return;
    ReadQuotePrefix(&c);
    if (ContinueFence(c) || BlankLine(c)) return;
    LeaveLists(&c);
    if (TryFence(c) || TryIndentedCode(c) || TryHtmlComment(&c) || TryAtxHeading(c) ||
        TrySetextUnderline(c) || TryThematicBreak(c) || TryListItem(c) || TryLinkDefinition(c) ||
        TryTable(c))
      return;
    ContinueParagraph(c);
  }

  // An HTML comment left open by an earlier line: blank up to its end; true if nothing follows.
  bool ContinueComment(LineCtx* c) {
    if (!in_comment_) return false;
    const char* close = Find(c->p, c->e, "-->");
    uint32_t stop = close ? static_cast<uint32_t>(close - text_.data()) + 3 : c->e;
    Blank(result_.prose, c->p, stop);
    if (!close) return true;
    result_.comments.push_back(Span{comment_begin_, stop});
    in_comment_ = false;
    if (IsBlank(text_, stop, c->e)) return true;
    c->p = stop;
    return false;
  }

  // Container prefix: block quote markers, then the indent.
  void ReadQuotePrefix(LineCtx* c) {
    uint32_t p = c->p;
    for (;;) {
      uint32_t ind = 0;
      uint32_t q = SkipIndent(text_, p, c->e, &ind);
      if (ind > 3 || q >= c->e || text_[q] != '>') break;
      result_.prose[q] = ' ';
      p = q + 1;
      if (p < c->e && text_[p] == ' ') ++p;
      ++c->quote_depth;
    }
    c->quote = c->quote_depth > 0;
    c->q = SkipIndent(text_, p, c->e, &c->indent);
  }

  // Inside a fenced code block: blank the line; a closing fence ends the block.
  bool ContinueFence(const LineCtx& c) {
    if (!in_fence_) return false;
    char ch = 0;
    uint32_t run = FenceRun(text_, c.q, c.e, &ch);
    if (run >= fence_len_ && ch == fence_char_ && IsBlank(text_, c.q + run, c.e)) in_fence_ = false;
    Blank(result_.prose, c.begin, c.e);
    return true;
  }

  bool BlankLine(const LineCtx& c) {
    if (!IsBlank(text_, c.q, c.e)) return false;
    ClosePara();
    in_table_ = false;
    blank_before_ = true;
    return true;
  }

  // Drops the lists this line has left (a lazy paragraph continuation leaves none).
  void LeaveLists(LineCtx* c) {
    while (!list_cols_.empty() && c->indent < list_cols_.back() && !(para_open_ && !blank_before_))
      list_cols_.pop_back();
    uint32_t base = list_cols_.empty() ? 0 : list_cols_.back();
    c->rel = c->indent >= base ? c->indent - base : 0;
    c->was_blank = blank_before_;
    blank_before_ = false;
  }

  bool TryFence(const LineCtx& c) {
    char ch = 0;
    uint32_t run = c.rel < 4 ? FenceRun(text_, c.q, c.e, &ch) : 0;
    if (!run) return false;
    ClosePara();
    in_fence_ = true;
    fence_char_ = ch;
    fence_len_ = run;
    Blank(result_.prose, c.begin, c.e);
    return true;
  }

  // Indented code: four columns in, unless it continues a paragraph.
  bool TryIndentedCode(const LineCtx& c) {
    if (c.rel < 4 || (para_open_ && !c.was_blank)) return false;
    ClosePara();
    Blank(result_.prose, c.begin, c.e);
    return true;
  }

  // An HTML comment: blanked; it may stay open, or close with text after it (then the steps
  // after this one read that text).
  bool TryHtmlComment(LineCtx* c) {
    uint32_t q = c->q, e = c->e;
    if (e - q < 4 || text_.compare(q, 4, "<!--") != 0) return false;
    ClosePara();
    const char* close = Find(q + 4, e, "-->");
    if (!close) {
      in_comment_ = true;
      comment_begin_ = q;
      Blank(result_.prose, q, e);
      return true;
    }
    uint32_t stop = static_cast<uint32_t>(close - text_.data()) + 3;
    result_.comments.push_back(Span{q, stop});
    Blank(result_.prose, q, stop);
    if (IsBlank(text_, stop, e)) return true;
    q = stop;
    while (q < e && (text_[q] == ' ' || text_[q] == '\t')) ++q;
    c->q = q;
    return false;
  }

  bool TryAtxHeading(const LineCtx& c) {
    uint32_t q = c.q, e = c.e;
    if (text_[q] != '#') return false;
    uint32_t h = q;
    while (h < e && text_[h] == '#') ++h;
    int level = static_cast<int>(h - q);
    if (level > 6 || (h != e && text_[h] != ' ' && text_[h] != '\t')) return false;
    Blank(result_.prose, q, h);
    uint32_t tb = h;
    while (tb < e && (text_[tb] == ' ' || text_[tb] == '\t')) ++tb;
    AddHeading(level, tb, e, c.begin, c.quote);
    in_table_ = false;
    return true;
  }

  // A setext underline turns the open paragraph into a heading.
  bool TrySetextUnderline(const LineCtx& c) {
    if (!para_open_ || para_.kind == BlockKind::kTableCell || in_table_) return false;
    int level = SetextLevel(text_, c.q, c.e);
    if (!level) return false;
    Blank(result_.prose, c.q, c.e);
    Block b = para_;
    para_open_ = false;
    uint32_t heading_line_begin = b.span.begin;
    // The section starts at the heading's first line.
    StartSection(level, b.span, heading_line_begin);
    b.kind = BlockKind::kHeading;
    b.section = current_section_;
    result_.blocks.push_back(b);
    return true;
  }

  bool TryThematicBreak(const LineCtx& c) {
    if (!IsThematicBreak(text_, c.q, c.e)) return false;
    ClosePara();
    Blank(result_.prose, c.q, c.e);
    return true;
  }

  bool TryListItem(const LineCtx& c) {
    uint32_t q = c.q, e = c.e, indent = c.indent;
    uint32_t m = ListMarker(text_, q, e);
    if (!m) return false;
    Blank(result_.prose, q, q + m);
    uint32_t b = q + m;
    uint32_t w = indent + m;
    while (b < e && (text_[b] == ' ' || text_[b] == '\t') && w - indent - m < 4) ++b, ++w;
    // Task list box.
    if (e - b >= 3 && text_[b] == '[' &&
        (text_[b + 1] == ' ' || text_[b + 1] == 'x' || text_[b + 1] == 'X') &&
        text_[b + 2] == ']') {
      Blank(result_.prose, b, b + 3);
    }
    while (!list_cols_.empty() && list_cols_.back() > indent) list_cols_.pop_back();
    list_cols_.push_back(w);
    in_table_ = false;
    OpenBlock(BlockKind::kListItem, b, e, c.quote);
    return true;
  }

  // Link reference definition: [label]: destination
  bool TryLinkDefinition(const LineCtx& c) {
    uint32_t q = c.q, e = c.e;
    if (text_[q] != '[' || para_open_) return false;
    const char* close = Find(q, e, "]:");
    if (!close ||
        std::memchr(text_.data() + q + 1, '[', static_cast<uint32_t>(close - text_.data()) - q - 1))
      return false;
    Blank(result_.prose, q, e);
    return true;
  }

  // A row of an open table, or a table's header row (with its delimiter row on the next line).
  bool TryTable(const LineCtx& c) {
    uint32_t q = c.q, e = c.e;
    if (!HasPipe(text_, q, e)) return false;
    if (in_table_) {
      AddTableRow(q, e, c.quote);
      return true;
    }
    if (c.li + 1 >= lines_.size() || para_open_) return false;
    const LineRef& n = lines_[c.li + 1];
    uint32_t ni = 0;
    uint32_t nq = n.begin;
    // Allow the same quote prefix on the delimiter row.
    for (int d = 0; d < c.quote_depth; ++d) {
      uint32_t x = SkipIndent(text_, nq, n.end, &ni);
      if (x < n.end && text_[x] == '>') nq = x + 1;
    }
    nq = SkipIndent(text_, nq, n.end, &ni);
    if (!IsTableDelimiterRow(text_, nq, n.end)) return false;
    AddTableRow(q, e, c.quote);
    Blank(result_.prose, n.begin, n.end);
    in_table_ = true;
    pending_skip_ = c.li + 1;  // the delimiter row is consumed here
    return true;
  }

  void ContinueParagraph(const LineCtx& c) {
    if (para_open_) {
      para_.span.end = c.e;
    } else {
      OpenBlock(BlockKind::kParagraph, c.q, c.e, c.quote);
    }
  }

  const char* Find(uint32_t p, uint32_t e, const char* needle) const {
    std::string_view hay = text_.substr(p, e - p);
    size_t at = hay.find(needle);
    return at == std::string_view::npos ? nullptr : text_.data() + p + at;
  }

  std::string_view text_;
  uint32_t from_;
  MarkupResult result_;
  std::vector<LineRef> lines_;
  Block para_;
  bool para_open_ = false;
  bool blank_before_ = true;
  bool in_fence_ = false;
  char fence_char_ = 0;
  uint32_t fence_len_ = 0;
  bool in_comment_ = false;
  uint32_t comment_begin_ = 0;
  bool in_table_ = false;
  size_t pending_skip_ = SIZE_MAX;
  std::vector<uint32_t> list_cols_;
  std::vector<int> open_sections_;
  int current_section_ = -1;
};

}  // namespace

MarkupResult ScanMarkdown(std::string_view text, uint32_t content_begin) {
  return Scanner(text, content_begin).Run();
}

}  // namespace reviewlint
