// UTF-8 validation (FindInvalidUtf8, CheckInput) and the line index (LineIndex), checked against
// slow reference implementations written from the Unicode standard's table of well-formed byte
// sequences (Table 3-7).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_util.h"

namespace {

using reviewlint::LineIndex;
using reviewlint::Position;

// Length of the well-formed sequence at s[i], or 0.
size_t WellFormed(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  size_t n = s.size() - i;
  unsigned char c = b(0);
  if (c <= 0x7F) return 1;
  if (in(c, 0xC2, 0xDF)) return n >= 2 && in(b(1), 0x80, 0xBF) ? 2 : 0;
  if (n < 3) return 0;
  if (c == 0xE0) return in(b(1), 0xA0, 0xBF) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF))
    return in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (c == 0xED) return in(b(1), 0x80, 0x9F) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (n < 4) return 0;
  if (c == 0xF0)
    return in(b(1), 0x90, 0xBF) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  if (in(c, 0xF1, 0xF3))
    return in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  if (c == 0xF4)
    return in(b(1), 0x80, 0x8F) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  return 0;
}

std::optional<uint32_t> ReferenceInvalid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = WellFormed(s, i);
    if (!len) return static_cast<uint32_t>(i);
    i += len;
  }
  return std::nullopt;
}

bool IsBreak(char c) { return c == '\n' || c == '\r'; }

// 0-based line of `offset` and the start / content end of that line, the slow way.
void ReferenceLine(std::string_view s, uint32_t offset, uint32_t* line, uint32_t* start,
                   uint32_t* end) {
  uint32_t l = 0, b = 0;
  for (uint32_t i = 0; i < s.size() && i < offset; ++i) {
    if (!IsBreak(s[i])) continue;
    uint32_t next = i + 1;
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') next = i + 2;
    if (next > offset) break;  // offset inside this line ending
    ++l;
    b = next;
    i = next - 1;
  }
  uint32_t e = b;
  while (e < s.size() && !IsBreak(s[e])) ++e;
  *line = l;
  *start = b;
  *end = e;
}

void CheckOffset(std::string_view s, const LineIndex& index, uint32_t offset, bool valid) {
  uint32_t line, start, end;
  ReferenceLine(s, offset, &line, &start, &end);
  FUZZ_CHECK(index.LineOf(offset) == line);
  reviewlint::Span span = index.LineSpan(line);
  FUZZ_CHECK(span.begin == start && span.end == end);
  uint32_t at = std::min(offset, end);
  uint32_t cps = 0, u16 = 0;
  for (uint32_t i = start; i < at; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      ++cps;
      u16 += c >= 0xF0 ? 2 : 1;
    }
  }
  Position cp = index.CodePointPosition(offset);
  Position w = index.Utf16Position(offset);
  Position by = index.BytePosition(offset);
  FUZZ_CHECK(cp.line == line + 1 && w.line == line + 1 && by.line == line + 1);
  FUZZ_CHECK(cp.column == cps + 1);
  FUZZ_CHECK(w.column == u16 + 1);
  FUZZ_CHECK(by.column == at - start + 1);
  // The inverse (LSP) lands back on the same offset when it is a code point boundary.
  bool boundary = at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
  if (valid && boundary) {
    FUZZ_CHECK(index.OffsetOfCodePoint(line, cp.column - 1) == at);
    FUZZ_CHECK(index.OffsetOfUtf16(line, w.column - 1) == at);
  }
  // Columns past the end clamp to the line's end.
  FUZZ_CHECK(index.OffsetOfCodePoint(line, UINT32_MAX) == end);
  FUZZ_CHECK(index.OffsetOfUtf16(line, UINT32_MAX) == end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);

  std::optional<uint32_t> bad = reviewlint::FindInvalidUtf8(s);
  std::optional<uint32_t> expected = ReferenceInvalid(s);
  FUZZ_CHECK(bad == expected);

  auto error = reviewlint::CheckInput(s);
  bool has_nul = s.find('\0') != std::string_view::npos;
  FUZZ_CHECK(error.has_value() == (has_nul || expected.has_value()));
  if (error) {
    FUZZ_CHECK(error->message.size() >= 9);
    FUZZ_CHECK(error->message.compare(error->message.size() - 9, 9, "; skipped") == 0);
  }

  LineIndex index(s);
  uint32_t lines = 1;
  for (size_t i = 0; i < s.size(); ++i)
    if (IsBreak(s[i]) && !(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) ++lines;
  FUZZ_CHECK(index.line_count() == lines);
  FUZZ_CHECK(index.LineSpan(lines).begin == s.size());  // past the last line

  // Every offset of a small input; a sample of a large one (the references are quadratic).
  const auto n = static_cast<uint32_t>(s.size());
  const bool valid = !expected;
  if (n <= 256) {
    for (uint32_t o = 0; o <= n + 1; ++o) CheckOffset(s, index, o, valid);
  } else {
    for (uint32_t k = 0; k < 64; ++k) CheckOffset(s, index, (k * 2654435761u) % (n + 1), valid);
    CheckOffset(s, index, n, valid);
  }
  return 0;
}
