// Markup: turns a file's bytes into prose scopes. A new markup is one file in this folder plus a
// row in markups.cc; nothing else in the program knows about Markdown syntax.
//
// The contract: `prose` is a copy of the buffer, byte for byte the same length, in which every
// byte that is not prose has been replaced. Markup syntax that a reader does not see (heading
// hashes, list markers, quote markers, table pipes, emphasis, comments, front matter, code
// fences) becomes a space or a newline; content that is not prose but stands in the sentence
// (inline code, URLs, images) becomes kOpaque, which no word matches and which breaks a phrase.
// Because offsets are unchanged, every span found in `prose` is a span of the original buffer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../span.h"

namespace reviewlint {

inline constexpr char kOpaque = '\x1A';

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kTableCell };

/// A prose scope: a paragraph, heading, list item or table cell.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span span;              // over the buffer; its bytes in `prose` are the scope's text
  bool in_quote = false;  // inside a block quote
  int section = -1;       // index into MarkupResult::sections, -1 before the first heading
};

/// A heading and the part of the document it rules (until the next heading of the same or a
/// higher level).
struct Section {
  int level = 1;
  Span title;       // the heading's text, without markers
  Span extent;      // from the heading line to the end of the section
  int parent = -1;  // enclosing section
};

struct FrontMatterEntry {
  std::string key;
  std::string value;
  Span value_span;
};

struct MarkupResult {
  std::string prose;
  std::vector<Block> blocks;
  std::vector<Section> sections;
  std::vector<Span> comments;  // HTML comments, `<!--` to `-->` inclusive
  Span front_matter;           // the whole front matter, fences included; empty if none
  std::vector<FrontMatterEntry> front_matter_entries;

  /// The front matter value for `key`, or empty.
  std::string_view FrontMatter(std::string_view key) const {
    for (const auto& e : front_matter_entries)
      if (e.key == key) return e.value;
    return {};
  }
};

/// One markup: a name, the file extensions it claims, and its scanner.
struct Markup {
  std::string_view name;
  std::vector<std::string_view> extensions;  // with the dot, lower case
  MarkupResult (*scan)(std::string_view text, uint32_t content_begin);
};

/// The table of markups (markups.cc).
const std::vector<Markup>& Markups();
/// The markup for a file name by its extension, or nullptr when none claims it.
const Markup* MarkupForPath(std::string_view path);
/// The markup called `name` ("markdown", "text"), or nullptr.
const Markup* MarkupByName(std::string_view name);

MarkupResult ScanMarkdown(std::string_view text, uint32_t content_begin);
MarkupResult ScanPlainText(std::string_view text, uint32_t content_begin);

}  // namespace reviewlint
