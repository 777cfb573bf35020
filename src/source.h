// SourceFile and LineIndex: a file's bytes, validated as UTF-8, and the only place where a byte
// offset becomes a line and a column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "span.h"

namespace reviewlint {

/// A 1-based line and a 1-based column. The column counts code points or UTF-16 units, as
/// asked; neither ever counts the CR or LF of a line ending.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
};

/// Maps byte offsets to (line, column) in code points, in UTF-16 units, or in bytes.
/// Built once per buffer in one pass; a lookup is a binary search over line starts plus a scan of
/// at most kBlock bytes, so a 10 MB single line costs no more per lookup than a short one.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// 0-based line holding `offset` (offsets inside a line ending belong to that line).
  uint32_t LineOf(uint32_t offset) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Byte span of 0-based `line`, without its line ending.
  Span LineSpan(uint32_t line) const;

  Position CodePointPosition(uint32_t offset) const;
  Position Utf16Position(uint32_t offset) const;
  Position BytePosition(uint32_t offset) const;
  /// Inverse of Utf16Position / CodePointPosition for LSP: 0-based line, 0-based column in the
  /// given unit; clamps to the line's end.
  uint32_t OffsetOfUtf16(uint32_t line, uint32_t utf16_column) const;
  uint32_t OffsetOfCodePoint(uint32_t line, uint32_t cp_column) const;

 private:
  static constexpr uint32_t kBlock = 512;
  // Code points and UTF-16 units in text_[0, offset).
  void CountBefore(uint32_t offset, uint64_t* cps, uint64_t* u16) const;
  uint64_t CodePointsBefore(uint32_t offset) const;
  uint64_t Utf16Before(uint32_t offset) const;

  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> line_ends_;     // end of content, before CR/LF
  std::vector<uint64_t> cp_at_block_;   // code points before block i
  std::vector<uint64_t> u16_at_block_;  // UTF-16 units before block i
};

/// Where a buffer first fails to be UTF-8, or nullopt when it is valid.
std::optional<uint32_t> FindInvalidUtf8(std::string_view text);

/// A file to lint: its name as the user gave it, its bytes, and its line index.
/// The buffer is never modified; a UTF-8 BOM stays in it and `content_begin` skips it.
class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  uint32_t content_begin() const { return content_begin_; }
  const LineIndex& lines() const { return lines_; }
  std::string_view Slice(Span span) const {
    return std::string_view(text_).substr(span.begin, span.size());
  }

 private:
  std::string path_;
  std::string text_;
  uint32_t content_begin_ = 0;
  LineIndex lines_;
};

/// Why a file could not be read as a review: a message ready to print after "path: ".
struct InputError {
  std::string message;
};

/// Checks bytes before linting: binary content (a NUL byte), invalid UTF-8, size over 4 GiB.
/// The message names line, column and byte offset of the first bad byte.
std::optional<InputError> CheckInput(std::string_view bytes);

}  // namespace reviewlint
