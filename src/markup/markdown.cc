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
  Scanner(std::string_view text, uint32_t content_begin) : t_(text), from_(content_begin) {
    r_.prose.assign(text.data(), text.size());
    Blank(r_.prose, 0, content_begin);
  }

  MarkupResult Run() {
    lines_ = SplitLines(t_, from_);
    size_t i = ScanFrontMatter();
    for (; i < lines_.size(); ++i) Line(i);
    ClosePara();
    FinishSections();
    for (Block& b : r_.blocks) {
      MaskInline(t_, b.span, &r_.prose, &r_.comments);
      JoinLines(b.span, &r_.prose);
    }
    std::sort(r_.comments.begin(), r_.comments.end());
    return std::move(r_);
  }

 private:
  size_t ScanFrontMatter() {
    if (lines_.empty()) return 0;
    const LineRef& first = lines_[0];
    if (t_.substr(first.begin, first.end - first.begin) != "---") return 0;
    for (size_t i = 1; i < lines_.size(); ++i) {
      std::string_view l = t_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
      while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
      if (l == "---" || l == "...") {
        r_.front_matter = Span{first.begin, lines_[i].end};
        for (size_t k = 1; k < i; ++k) ParseFrontMatterLine(lines_[k]);
        Blank(r_.prose, first.begin, lines_[i].end);
        return i + 1;
      }
    }
    return 0;  // unterminated: not front matter; `---` is then a thematic break
  }

  void ParseFrontMatterLine(const LineRef& l) {
    std::string_view s = t_.substr(l.begin, l.end - l.begin);
    if (s.empty() || s[0] == ' ' || s[0] == '#' || s[0] == '-') return;
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0) return;
    std::string_view key = s.substr(0, colon);
    uint32_t vb = l.begin + static_cast<uint32_t>(colon) + 1, ve = l.end;
    while (vb < ve && (t_[vb] == ' ' || t_[vb] == '\t')) ++vb;
    while (ve > vb && (t_[ve - 1] == ' ' || t_[ve - 1] == '\t')) --ve;
    if (ve - vb >= 2 && (t_[vb] == '"' || t_[vb] == '\'') && t_[ve - 1] == t_[vb]) ++vb, --ve;
    r_.front_matter_entries.push_back(
        {std::string(key), std::string(t_.substr(vb, ve - vb)), Span{vb, ve}});
  }

  void ClosePara() {
    if (para_open_) {
      r_.blocks.push_back(para_);
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
    while (te > b && (t_[te - 1] == ' ' || t_[te - 1] == '\t')) --te;
    uint32_t h = te;
    while (h > b && t_[h - 1] == '#') --h;
    if (h < te && (h == b || t_[h - 1] == ' ' || t_[h - 1] == '\t')) {
      Blank(r_.prose, h, te);
      te = h;
      while (te > b && (t_[te - 1] == ' ' || t_[te - 1] == '\t')) --te;
    }
    StartSection(level, Span{b, te}, line_begin);
    r_.blocks.push_back(Block{BlockKind::kHeading, Span{b, te}, quote, current_section_});
  }

  void StartSection(int level, Span title, uint32_t line_begin) {
    // Close sections of the same or a deeper level.
    while (!open_sections_.empty() && r_.sections[open_sections_.back()].level >= level) {
      r_.sections[open_sections_.back()].extent.end = line_begin;
      open_sections_.pop_back();
    }
    Section s;
    s.level = level;
    s.title = title;
    s.extent = Span{line_begin, static_cast<uint32_t>(t_.size())};
    s.parent = open_sections_.empty() ? -1 : open_sections_.back();
    r_.sections.push_back(s);
    current_section_ = static_cast<int>(r_.sections.size()) - 1;
    open_sections_.push_back(current_section_);
  }

  void FinishSections() {
    for (int s : open_sections_) r_.sections[s].extent.end = static_cast<uint32_t>(t_.size());
  }

  void AddTableRow(uint32_t b, uint32_t e, bool quote) {
    ClosePara();
    uint32_t cell = b;
    for (uint32_t i = b; i <= e; ++i) {
      bool end = i == e;
      if (!end && t_[i] == '\\' && i + 1 < e) {
        ++i;
        continue;
      }
      if (end || t_[i] == '|') {
        if (!end) r_.prose[i] = ' ';
        if (!IsBlank(t_, cell, i)) {
          r_.blocks.push_back(Block{BlockKind::kTableCell, Span{cell, i}, quote, current_section_});
        }
        cell = i + 1;
      }
    }
  }

  void Line(size_t li) {
    if (li == pending_skip_) return;
    const LineRef& l = lines_[li];
    uint32_t p = l.begin, e = l.end;

    if (in_comment_) {
      const char* close = Find(p, e, "-->");
      uint32_t stop = close ? static_cast<uint32_t>(close - t_.data()) + 3 : e;
      Blank(r_.prose, p, stop);
      if (!close) return;
      r_.comments.push_back(Span{comment_begin_, stop});
      in_comment_ = false;
      if (IsBlank(t_, stop, e)) return;
      p = stop;
    }

    // Container prefix: block quote markers.
    uint32_t indent = 0;
    int quote_depth = 0;
    for (;;) {
      uint32_t ind = 0;
      uint32_t q = SkipIndent(t_, p, e, &ind);
      if (ind <= 3 && q < e && t_[q] == '>') {
        r_.prose[q] = ' ';
        p = q + 1;
        if (p < e && t_[p] == ' ') ++p;
        ++quote_depth;
        continue;
      }
      break;
    }
    bool quote = quote_depth > 0;
    uint32_t q = SkipIndent(t_, p, e, &indent);

    if (in_fence_) {
      char ch = 0;
      uint32_t run = FenceRun(t_, q, e, &ch);
      if (run >= fence_len_ && ch == fence_char_ && IsBlank(t_, q + run, e)) in_fence_ = false;
      Blank(r_.prose, l.begin, e);
      return;
    }

    if (IsBlank(t_, q, e)) {
      ClosePara();
      in_table_ = false;
      blank_before_ = true;
      return;
    }

    // Lists: drop the ones this line has left.
    while (!list_cols_.empty() && indent < list_cols_.back() && !(para_open_ && !blank_before_)) {
      list_cols_.pop_back();
    }
    uint32_t base = list_cols_.empty() ? 0 : list_cols_.back();
    uint32_t rel = indent >= base ? indent - base : 0;
    bool was_blank = blank_before_;
    blank_before_ = false;

    char ch = 0;
    if (rel < 4) {
      if (uint32_t run = FenceRun(t_, q, e, &ch)) {
        ClosePara();
        in_fence_ = true;
        fence_char_ = ch;
        fence_len_ = run;
        Blank(r_.prose, l.begin, e);
        return;
      }
    } else if (!para_open_ || was_blank) {
      ClosePara();  // indented code
      Blank(r_.prose, l.begin, e);
      return;
    }

    if (e - q >= 4 && t_.compare(q, 4, "<!--") == 0) {
      ClosePara();
      const char* close = Find(q + 4, e, "-->");
      if (close) {
        uint32_t stop = static_cast<uint32_t>(close - t_.data()) + 3;
        r_.comments.push_back(Span{q, stop});
        Blank(r_.prose, q, stop);
        if (IsBlank(t_, stop, e)) return;
        q = stop;
        while (q < e && (t_[q] == ' ' || t_[q] == '\t')) ++q;
      } else {
        in_comment_ = true;
        comment_begin_ = q;
        Blank(r_.prose, q, e);
        return;
      }
    }

    if (t_[q] == '#') {
      uint32_t h = q;
      while (h < e && t_[h] == '#') ++h;
      int level = static_cast<int>(h - q);
      if (level <= 6 && (h == e || t_[h] == ' ' || t_[h] == '\t')) {
        Blank(r_.prose, q, h);
        uint32_t tb = h;
        while (tb < e && (t_[tb] == ' ' || t_[tb] == '\t')) ++tb;
        AddHeading(level, tb, e, l.begin, quote);
        in_table_ = false;
        return;
      }
    }

    if (para_open_ && para_.kind != BlockKind::kTableCell && !in_table_) {
      if (int level = SetextLevel(t_, q, e)) {
        Blank(r_.prose, q, e);
        Block b = para_;
        para_open_ = false;
        uint32_t heading_line_begin = b.span.begin;
        // The section starts at the heading's first line.
        StartSection(level, b.span, heading_line_begin);
        b.kind = BlockKind::kHeading;
        b.section = current_section_;
        r_.blocks.push_back(b);
        return;
      }
    }

    if (IsThematicBreak(t_, q, e)) {
      ClosePara();
      Blank(r_.prose, q, e);
      return;
    }

    if (uint32_t m = ListMarker(t_, q, e)) {
      Blank(r_.prose, q, q + m);
      uint32_t c = q + m;
      uint32_t w = indent + m;
      while (c < e && (t_[c] == ' ' || t_[c] == '\t') && w - indent - m < 4) ++c, ++w;
      // Task list box.
      if (e - c >= 3 && t_[c] == '[' &&
          (t_[c + 1] == ' ' || t_[c + 1] == 'x' || t_[c + 1] == 'X') && t_[c + 2] == ']') {
        Blank(r_.prose, c, c + 3);
      }
      while (!list_cols_.empty() && list_cols_.back() > indent) list_cols_.pop_back();
      list_cols_.push_back(w);
      in_table_ = false;
      OpenBlock(BlockKind::kListItem, c, e, quote);
      return;
    }

    // Link reference definition: [label]: destination
    if (t_[q] == '[' && !para_open_) {
      const char* close = Find(q, e, "]:");
      if (close &&
          !std::memchr(t_.data() + q + 1, '[', static_cast<uint32_t>(close - t_.data()) - q - 1)) {
        Blank(r_.prose, q, e);
        return;
      }
    }

    if (in_table_ && HasPipe(t_, q, e)) {
      AddTableRow(q, e, quote);
      return;
    }
    if (HasPipe(t_, q, e) && li + 1 < lines_.size() && !para_open_) {
      const LineRef& n = lines_[li + 1];
      uint32_t ni = 0;
      uint32_t nq = n.begin;
      // Allow the same quote prefix on the delimiter row.
      for (int d = 0; d < quote_depth; ++d) {
        uint32_t x = SkipIndent(t_, nq, n.end, &ni);
        if (x < n.end && t_[x] == '>') nq = x + 1;
      }
      nq = SkipIndent(t_, nq, n.end, &ni);
      if (IsTableDelimiterRow(t_, nq, n.end)) {
        AddTableRow(q, e, quote);
        Blank(r_.prose, n.begin, n.end);
        in_table_ = true;
        pending_skip_ = li + 1;  // the delimiter row is consumed here
        return;
      }
    }

    if (para_open_) {
      para_.span.end = e;
    } else {
      OpenBlock(BlockKind::kParagraph, q, e, quote);
    }
  }

  const char* Find(uint32_t p, uint32_t e, const char* needle) const {
    std::string_view hay = t_.substr(p, e - p);
    size_t at = hay.find(needle);
    return at == std::string_view::npos ? nullptr : t_.data() + p + at;
  }

  std::string_view t_;
  uint32_t from_;
  MarkupResult r_;
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
