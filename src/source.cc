#include "source.h"

#include <algorithm>
#include <cstring>

namespace reviewlint {
namespace {

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Code points and UTF-16 units in [begin, end): every non-continuation byte starts a code point;
// a 4-byte lead (>= 0xF0) needs a surrogate pair.
// Without branches, so that the compiler can count many bytes at once.
inline void Count(const char* begin, const char* end, uint64_t* cps, uint64_t* u16) {
  uint64_t c = 0, w = 0;
  for (const char* p = begin; p < end; ++p) {
    unsigned char b = static_cast<unsigned char>(*p);
    uint64_t starts = !IsContinuation(b);
    c += starts;
    w += starts + (b >= 0xF0);
  }
  *cps = c;
  *u16 = w;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  const size_t n = text.size();
  line_starts_.push_back(0);
  // Most texts have no carriage return: then memchr finds each line feed.
  const bool has_cr = std::memchr(text.data(), '\r', n) != nullptr;
  for (size_t i = 0; i < n; ++i) {
    if (!has_cr) {
      const void* lf = std::memchr(text.data() + i, '\n', n - i);
      if (!lf) break;
      i = static_cast<size_t>(static_cast<const char*>(lf) - text.data());
    }
    char c = text[i];
    if (c != '\n' && c != '\r') continue;
    line_ends_.push_back(static_cast<uint32_t>(i));
    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  line_ends_.push_back(static_cast<uint32_t>(n));

  const size_t blocks = n / kBlock + 1;
  cp_at_block_.resize(blocks + 1);
  u16_at_block_.resize(blocks + 1);
  uint64_t cps = 0, u16 = 0;
  for (size_t b = 0; b < blocks; ++b) {
    cp_at_block_[b] = cps;
    u16_at_block_[b] = u16;
    size_t from = b * kBlock, to = std::min(n, from + kBlock);
    uint64_t c, w;
    Count(text.data() + from, text.data() + to, &c, &w);
    cps += c;
    u16 += w;
  }
  cp_at_block_[blocks] = cps;
  u16_at_block_[blocks] = u16;
}

uint32_t LineIndex::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin()) - 1;
}

Span LineIndex::LineSpan(uint32_t line) const {
  if (line >= line_starts_.size())
    return Span{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text_.size())};
  return Span{line_starts_[line], line_ends_[line]};
}

void LineIndex::CountBefore(uint32_t offset, uint64_t* cps, uint64_t* u16) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  size_t b = offset / kBlock;
  Count(text_.data() + b * kBlock, text_.data() + offset, cps, u16);
  *cps += cp_at_block_[b];
  *u16 += u16_at_block_[b];
}

uint64_t LineIndex::CodePointsBefore(uint32_t offset) const {
  uint64_t c, w;
  CountBefore(offset, &c, &w);
  return c;
}

uint64_t LineIndex::Utf16Before(uint32_t offset) const {
  uint64_t c, w;
  CountBefore(offset, &c, &w);
  return w;
}

Position LineIndex::CodePointPosition(uint32_t offset) const {
  uint32_t line = LineOf(offset);
  // An offset inside a CRLF counts as the end of the line's content.
  uint32_t at = std::min(offset, line_ends_[line]);
  uint64_t col = CodePointsBefore(at) - CodePointsBefore(line_starts_[line]);
  return Position{line + 1, static_cast<uint32_t>(col + 1)};
}

Position LineIndex::Utf16Position(uint32_t offset) const {
  uint32_t line = LineOf(offset);
  uint32_t at = std::min(offset, line_ends_[line]);
  uint64_t col = Utf16Before(at) - Utf16Before(line_starts_[line]);
  return Position{line + 1, static_cast<uint32_t>(col + 1)};
}

Position LineIndex::BytePosition(uint32_t offset) const {
  uint32_t line = LineOf(offset);
  uint32_t at = std::min(offset, line_ends_[line]);
  return Position{line + 1, at - line_starts_[line] + 1};
}

uint32_t LineIndex::OffsetOfUtf16(uint32_t line, uint32_t utf16_column) const {
  if (line >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t p = line_starts_[line], end = line_ends_[line];
  uint32_t units = 0;
  while (p < end && units < utf16_column) {
    unsigned char b = static_cast<unsigned char>(text_[p]);
    units += b >= 0xF0 ? 2 : 1;
    ++p;
    while (p < end && IsContinuation(static_cast<unsigned char>(text_[p]))) ++p;
  }
  return p;
}

uint32_t LineIndex::OffsetOfCodePoint(uint32_t line, uint32_t cp_column) const {
  if (line >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t p = line_starts_[line], end = line_ends_[line];
  for (uint32_t i = 0; p < end && i < cp_column; ++i) {
    ++p;
    while (p < end && IsContinuation(static_cast<unsigned char>(text_[p]))) ++p;
  }
  return p;
}

std::optional<uint32_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return static_cast<uint32_t>(i);  // continuation byte, overlong C0/C1, or F5..FF
    }
    if (i + len > n) return static_cast<uint32_t>(i);
    for (size_t k = 1; k < len; ++k) {
      if (!IsContinuation(s[i + k])) return static_cast<uint32_t>(i);
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return static_cast<uint32_t>(i);
    }
    i += len;
  }
  return std::nullopt;
}

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), text_(std::move(bytes)), lines_(text_) {
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) content_begin_ = 3;
}

std::optional<InputError> CheckInput(std::string_view bytes) {
  if (bytes.size() >= 0xFFFFFFF0u) {
    return InputError{"file is larger than 4 GiB; skipped"};
  }
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    auto at = static_cast<uint32_t>(static_cast<const char*>(nul) - bytes.data());
    return InputError{"binary file (NUL byte at byte offset " + std::to_string(at) + "); skipped"};
  }
  if (auto bad = FindInvalidUtf8(bytes)) {
    LineIndex index(bytes);
    Position pos = index.CodePointPosition(*bad);
    return InputError{std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                      ": invalid UTF-8 (byte 0x" +
                      [](unsigned char b) {
                        const char* hex = "0123456789ABCDEF";
                        return std::string{hex[b >> 4], hex[b & 15]};
                      }(static_cast<unsigned char>(bytes[*bad])) +
                      " at byte offset " + std::to_string(*bad) + "); skipped"};
  }
  return std::nullopt;
}

}  // namespace reviewlint
