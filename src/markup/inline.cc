#include "inline.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "markup.h"

namespace reviewlint {
namespace {

inline bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
inline bool IsWordByte(char c) { return IsAlnum(c) || (c & 0x80); }

void Fill(std::string* prose, uint32_t b, uint32_t e, char with) {
  for (uint32_t i = b; i < e; ++i) {
    char& c = (*prose)[i];
    if (c == '\n' || c == '\r') continue;
    c = with;
  }
}

// HTML elements whose tags are markup; anything else in angle brackets ("<name>") is text a
// writer typed, which the template pack needs to see.
bool IsHtmlTagName(std::string_view name) {
  static const char* const kTags[] = {
      "a",       "abbr",  "b",      "br",     "blockquote", "center",  "code",  "dd",      "del",
      "details", "div",   "dl",     "dt",     "em",         "font",    "h1",    "h2",      "h3",
      "h4",      "h5",    "h6",     "hr",     "i",          "img",     "input", "ins",     "kbd",
      "li",      "mark",  "ol",     "p",      "picture",    "pre",     "q",     "s",       "samp",
      "section", "small", "source", "span",   "strike",     "strong",  "sub",   "summary", "sup",
      "table",   "tbody", "td",     "th",     "thead",      "tr",      "tt",    "u",       "ul",
      "var",     "video", "wbr",    "figure", "figcaption", "article", "aside", "nav",     "header",
      "footer",  "main"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* t : kTags)
    if (lower == t) return true;
  return false;
}

// Length of a URL starting at p (scheme or www.), trailing punctuation excluded; 0 if none.
uint32_t UrlLength(std::string_view t, uint32_t p, uint32_t e) {
  auto starts = [&](const char* s) {
    size_t n = std::strlen(s);
    if (p + n > e) return false;
    for (size_t i = 0; i < n; ++i)
      if (std::tolower(static_cast<unsigned char>(t[p + i])) != s[i]) return false;
    return true;
  };
  if (!(starts("http://") || starts("https://") || starts("www.") || starts("ftp://") ||
        starts("mailto:")))
    return 0;
  uint32_t q = p;
  int parens = 0;
  while (q < e) {
    char c = t[q];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '"' ||
        c == '`')
      break;
    if (c == '(') ++parens;
    if (c == ')') {
      if (parens == 0) break;
      --parens;
    }
    ++q;
  }
  while (q > p && std::strchr(".,;:!?*_~'", t[q - 1])) --q;
  return q - p;
}

// e-mail address around an '@' at `at`: returns [b, e) or b == e if none.
void EmailAt(std::string_view t, uint32_t lo, uint32_t hi, uint32_t at, uint32_t* b, uint32_t* e) {
  uint32_t s = at;
  while (s > lo && (IsAlnum(t[s - 1]) || std::strchr("._%+-", t[s - 1]))) --s;
  uint32_t f = at + 1;
  bool dot = false;
  while (f < hi && (IsAlnum(t[f]) || t[f] == '.' || t[f] == '-')) {
    if (t[f] == '.') dot = true;
    ++f;
  }
  while (f > at + 1 && t[f - 1] == '.') --f;
  if (s == at || f == at + 1 || !dot) {
    *b = *e = at;
    return;
  }
  *b = s;
  *e = f;
}

// Masks a URL or an e-mail address at p; returns where scanning resumes (p when there is none).
uint32_t MaskUrlOrEmailAt(std::string_view t, Span span, uint32_t p, std::string* prose) {
  char c = t[p];
  if (c == '@') {
    uint32_t b, f;
    EmailAt(t, span.begin, span.end, p, &b, &f);
    if (f > b) {
      Fill(prose, b, f, kOpaque);
      return f;
    }
    return p;
  }
  if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'm') &&
      (p == span.begin || !IsWordByte(t[p - 1]))) {
    if (uint32_t n = UrlLength(t, p, span.end)) {
      Fill(prose, p, p + n, kOpaque);
      return p + n;
    }
  }
  return p;
}

}  // namespace

void JoinLines(Span span, std::string* prose) {
  char* p = prose->data();
  // Every byte is written back, so that the loop runs on whole vectors.
  for (uint32_t i = span.begin; i < span.end; ++i) {
    const char c = p[i];
    p[i] = c == '\n' || c == '\r' ? ' ' : c;
  }
}

void MaskBareUrls(std::string_view t, Span span, std::string* prose) {
  for (uint32_t p = span.begin; p < span.end;) {
    uint32_t next = MaskUrlOrEmailAt(t, span, p, prose);
    p = next > p ? next : p + 1;
  }
}

namespace {

// What the inline steps read and write: the text, the block's span, the prose copy being masked
// and the comments found.
struct InlineCtx {
  std::string_view t;
  Span span;
  std::string* prose;
  std::vector<Span>* comments;
};

// Each step masks the construct that starts at p and returns the position after it, or 0 when
// there is none there (the character stays, and the scan moves on by one).

// A backslash escape: the backslash goes, the punctuation stays.
uint32_t MaskEscape(const InlineCtx& c, uint32_t p) {
  if (p + 1 >= c.span.end || !std::ispunct(static_cast<unsigned char>(c.t[p + 1]))) return 0;
  (*c.prose)[p] = ' ';
  return p + 2;
}

// A code span: a run of n backticks up to the next run of exactly n. Unmatched, the run is
// literal backticks.
uint32_t MaskCodeSpan(const InlineCtx& c, uint32_t p) {
  std::string_view t = c.t;
  uint32_t e = c.span.end;
  uint32_t run = p;
  while (run < e && t[run] == '`') ++run;
  uint32_t n = run - p;
  for (uint32_t q = run; q < e;) {
    if (t[q] != '`') {
      ++q;
      continue;
    }
    uint32_t r = q;
    while (r < e && t[r] == '`') ++r;
    if (r - q == n) {
      Fill(c.prose, p, r, kOpaque);
      return r;
    }
    q = r;
  }
  return run;
}

// An HTML comment, to its end or the block's; a closed one is recorded (suppressions live there).
uint32_t MaskComment(const InlineCtx& c, uint32_t p) {
  std::string_view t = c.t;
  uint32_t e = c.span.end;
  if (p + 4 > e || t.compare(p, 4, "<!--") != 0) return 0;
  size_t close = t.substr(p + 4, e - p - 4).find("-->");
  uint32_t stop = close == std::string_view::npos ? e : p + 4 + static_cast<uint32_t>(close) + 3;
  if (close != std::string_view::npos) c.comments->push_back(Span{p, stop});
  Fill(c.prose, p, stop, ' ');
  return stop;
}

// <https://…> is opaque; an HTML tag (<b>, </span >) is blanked; anything else in angle brackets
// (<name>, a template placeholder) stays prose.
uint32_t MaskAutolinkOrTag(const InlineCtx& c, uint32_t p) {
  std::string_view t = c.t;
  uint32_t e = c.span.end;
  uint32_t q = p + 1;
  if (q < e && t[q] == '/') ++q;
  uint32_t name_begin = q;
  while (q < e && (IsAlnum(t[q]) || t[q] == '-')) ++q;
  std::string_view name = t.substr(name_begin, q - name_begin);
  const void* gt = std::memchr(t.data() + p, '>', e - p);
  if (!gt) return 0;
  uint32_t close = static_cast<uint32_t>(static_cast<const char*>(gt) - t.data()) + 1;
  if (uint32_t n = UrlLength(t, p + 1, close - 1); n && p + 1 + n == close - 1) {
    Fill(c.prose, p, close, kOpaque);
    return close;
  }
  if (!name.empty() && IsHtmlTagName(name) &&
      (q == close - 1 || t[q] == ' ' || t[q] == '/' || t[q] == '\t' || t[q] == '\n')) {
    Fill(c.prose, p, close, ' ');
    return close;
  }
  return 0;
}

uint32_t MaskAngle(const InlineCtx& c, uint32_t p) {
  if (uint32_t next = MaskComment(c, p)) return next;
  return MaskAutolinkOrTag(c, p);
}

// An image, ![alt](src): the whole of it, when it is well formed.
uint32_t MaskImage(const InlineCtx& c, uint32_t p) {
  std::string_view t = c.t;
  uint32_t e = c.span.end;
  if (p + 1 >= e || t[p + 1] != '[') return 0;
  const void* rb = std::memchr(t.data() + p, ']', e - p);
  if (!rb) return 0;
  uint32_t r = static_cast<uint32_t>(static_cast<const char*>(rb) - t.data());
  if (r + 1 >= e || t[r + 1] != '(') return 0;
  const void* rp = std::memchr(t.data() + r, ')', e - r);
  if (!rp) return 0;
  uint32_t stop = static_cast<uint32_t>(static_cast<const char*>(rp) - t.data()) + 1;
  Fill(c.prose, p, stop, kOpaque);
  return stop;
}

// The end of a link's text, ](dest) or ][ref]: the brackets and the destination or reference
// go; the link text stays prose.
uint32_t MaskLinkTail(const InlineCtx& c, uint32_t p) {
  std::string_view t = c.t;
  uint32_t e = c.span.end;
  if (p + 1 >= e || (t[p + 1] != '(' && t[p + 1] != '[')) return 0;
  char open = t[p + 1], closer = open == '(' ? ')' : ']';
  int depth = 0;
  uint32_t q = p + 1;
  for (; q < e; ++q) {
    if (t[q] == open)
      ++depth;
    else if (t[q] == closer && --depth == 0)
      break;
  }
  if (q >= e) return 0;
  // Mask the matching '[' of the link text too.
  for (uint32_t b = p; b > c.span.begin;) {
    --b;
    if (t[b] == '[') {
      (*c.prose)[b] = ' ';
      break;
    }
  }
  Fill(c.prose, p, q + 1, ' ');
  return q + 1;
}

// Emphasis marks go; an underscore inside a word (snake_case) stays.
uint32_t MaskEmphasis(const InlineCtx& c, uint32_t p) {
  if (c.t[p] == '_') {
    bool left_word = p > c.span.begin && IsWordByte(c.t[p - 1]);
    bool right_word = p + 1 < c.span.end && IsWordByte(c.t[p + 1]);
    if (left_word && right_word) return 0;
  }
  (*c.prose)[p] = ' ';
  return 0;
}

uint32_t MaskUrlOrEmail(const InlineCtx& c, uint32_t p) {
  uint32_t next = MaskUrlOrEmailAt(c.t, c.span, p, c.prose);
  return next > p ? next : 0;
}

// The dispatcher: the step for the character at p.
uint32_t MaskAt(const InlineCtx& c, uint32_t p) {
  switch (c.t[p]) {
    case '\\':
      return MaskEscape(c, p);
    case '`':
      return MaskCodeSpan(c, p);
    case '<':
      return MaskAngle(c, p);
    case '!':
      return MaskImage(c, p);
    case ']':
      return MaskLinkTail(c, p);
    case '*':
    case '~':
    case '_':
      return MaskEmphasis(c, p);
    case '@':  // where MaskUrlOrEmailAt may find a URL or an e-mail address
    case 'h':
    case 'H':
    case 'w':
    case 'W':
    case 'f':
    case 'm':
      return MaskUrlOrEmail(c, p);
    default:
      return 0;
  }
}

}  // namespace

void MaskInline(std::string_view t, Span span, std::string* prose, std::vector<Span>* comments) {
  // The bytes MaskAt has a step for; the others are passed over in a tight loop.
  static constexpr struct Starts {
    bool c[256];
    constexpr Starts() : c{} {
      for (char s : {'\\', '`', '<', '!', ']', '*', '~', '_', '@', 'h', 'H', 'w', 'W', 'f', 'm'})
        c[static_cast<unsigned char>(s)] = true;
    }
  } kStarts;
  const InlineCtx c{t, span, prose, comments};
  for (uint32_t p = span.begin; p < span.end;) {
    while (p < span.end && !kStarts.c[static_cast<unsigned char>(t[p])]) ++p;
    if (p == span.end) break;
    uint32_t next = MaskAt(c, p);
    p = next ? next : p + 1;
  }
}

}  // namespace reviewlint
