// An open document's text as the editor has it, kept up to date by incremental edits, and the
// conversion between LSP positions (0-based line, column in the negotiated unit) and byte
// offsets.
//
// Why not LineIndex (source.h)? It indexes an immutable buffer in one pass; an editor sends an
// edit per keystroke, thousands in a burst, so the document keeps its line table incrementally
// and re-scans only the lines an edit touches. Columns are counted exactly as LineIndex counts
// them (lsp_test.cc checks the two agree); diagnostics on the way out use the linted
// SourceFile's LineIndex.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reviewlint::lsp {

/// The unit of LSP `character` offsets, negotiated at initialize (LSP 3.17 positionEncoding).
enum class PositionEncoding { kUtf16, kUtf8 };

/// "utf-16" or "utf-8".
const char* EncodingName(PositionEncoding encoding);

/// A 0-based LSP position.
struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(LspPosition a, LspPosition b) {
    return a.line == b.line && a.character == b.character;
  }
};

class TextDocument {
 public:
  explicit TextDocument(std::string text = "");

  const std::string& text() const { return text_; }
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  /// 0-based line holding `offset`.
  uint32_t LineOf(uint32_t offset) const;
  /// First byte of `line`, and the end of its content (before CR, LF or CRLF).
  uint32_t LineStart(uint32_t line) const;
  uint32_t LineEnd(uint32_t line) const;

  /// The byte offset of `p`. A column past the end of its line means the line's end; a line past
  /// the last means the end of the text; a column inside a character (half a surrogate pair, a
  /// byte inside a UTF-8 sequence) moves to the character's end, as LineIndex does.
  uint32_t OffsetAt(LspPosition p, PositionEncoding encoding) const;
  LspPosition PositionAt(uint32_t offset, PositionEncoding encoding) const;

  /// Replaces bytes [begin, end) (clamped to the text) and updates the line table.
  void Replace(uint32_t begin, uint32_t end, std::string_view replacement);
  void SetText(std::string text);

 private:
  std::string text_;
  std::vector<uint32_t> starts_;  // first byte of each line; starts_[0] == 0
};

}  // namespace reviewlint::lsp
