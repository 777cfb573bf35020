#include "source.h"

#include <gtest/gtest.h>

namespace reviewlint {
namespace {

TEST(LineIndex, AsciiLinesAndColumns) {
  LineIndex idx("ab\ncd\n");
  EXPECT_EQ(idx.line_count(), 3u);
  Position p = idx.CodePointPosition(4);
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 2u);
  EXPECT_EQ(idx.CodePointPosition(0).column, 1u);
}

TEST(LineIndex, MultiByteColumnsCountCodePointsAndUtf16Units) {
  // "Zoë 😀 x": Z o ë(2 bytes) space 😀(4 bytes, 2 UTF-16 units) space x
  std::string s = "Zo\xC3\xAB \xF0\x9F\x98\x80 x";
  LineIndex idx(s);
  uint32_t x = static_cast<uint32_t>(s.find('x'));
  EXPECT_EQ(x, 10u);
  EXPECT_EQ(idx.CodePointPosition(x).column, 7u);
  EXPECT_EQ(idx.Utf16Position(x).column, 8u);
  EXPECT_EQ(idx.BytePosition(x).column, 11u);
  EXPECT_EQ(idx.OffsetOfUtf16(0, 7), x);
  EXPECT_EQ(idx.OffsetOfCodePoint(0, 6), x);
}

TEST(LineIndex, CrlfAndLoneCrEndLinesAndAreNeverCounted) {
  std::string s = "a\r\nbb\rccc\n";
  LineIndex idx(s);
  EXPECT_EQ(idx.line_count(), 4u);
  EXPECT_EQ(idx.CodePointPosition(3).line, 2u);  // 'b'
  EXPECT_EQ(idx.CodePointPosition(6).line, 3u);  // 'c'
  // The CR of a CRLF belongs to line 1 and sits at its end.
  EXPECT_EQ(idx.CodePointPosition(1).column, 2u);
  EXPECT_EQ(idx.CodePointPosition(2).column, 2u);
  Span l2 = idx.LineSpan(1);
  EXPECT_EQ(s.substr(l2.begin, l2.size()), "bb");
}

TEST(LineIndex, LongSingleLineUsesBlocks) {
  std::string s(100000, 'a');
  s += "\xC3\xA9z";
  LineIndex idx(s);
  EXPECT_EQ(idx.CodePointPosition(100002).column, 100002u);
  EXPECT_EQ(idx.Utf16Position(100002).column, 100002u);
}

TEST(SourceFile, BomIsSkippedButKept) {
  SourceFile f("a.md", "\xEF\xBB\xBFhello");
  EXPECT_EQ(f.content_begin(), 3u);
  EXPECT_EQ(f.text().size(), 8u);
  EXPECT_EQ(f.lines().CodePointPosition(3).column, 2u);  // the BOM is one code point
}

TEST(Utf8, ValidTextPasses) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii text that is long enough for the fast path"));
  EXPECT_FALSE(FindInvalidUtf8("Zo\xC3\xAB \xE6\x9D\x8E \xF0\x9F\x98\x80"));
}

TEST(Utf8, InvalidSequencesAreFoundAtTheirFirstByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\x80"), 2u);            // lone continuation
  EXPECT_EQ(FindInvalidUtf8("a\xC0\xAF"), 1u);         // overlong
  EXPECT_EQ(FindInvalidUtf8("a\xE0\x80\xAF"), 1u);     // overlong 3-byte
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);     // encoded surrogate
  EXPECT_EQ(FindInvalidUtf8("abc\xE2\x82"), 3u);       // truncated
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("12345678\xFF"), 8u);      // after the fast path
}

TEST(CheckInput, NamesLineColumnAndOffset) {
  auto e = CheckInput("ok\nZo\xC3\xAB \xFF!");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "2:5: invalid UTF-8 (byte 0xFF at byte offset 8); skipped");
}

TEST(CheckInput, BinaryFilesAreSkipped) {
  auto e = CheckInput(std::string("PK\x03\x04\0\0", 6));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "binary file (NUL byte at byte offset 4); skipped");
  EXPECT_FALSE(CheckInput(""));
}

}  // namespace
}  // namespace reviewlint
