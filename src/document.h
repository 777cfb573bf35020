// Document: a SourceFile with its prose scopes, sentences, words and quantities. Built once per
// lint and read-only afterwards; every check reads the same Document.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "markup/markup.h"
#include "quantity.h"
#include "source.h"
#include "span.h"

namespace reviewlint {

enum TokenFlag : uint8_t {
  kTokenNumeric = 1,      // starts with a digit
  kTokenCapitalized = 2,  // starts with an upper-case ASCII letter
};

struct Token {
  Span span;
  uint32_t exact = Lexicon::kNone;  // key of the folded spelling, if any rule knows it
  uint32_t stem = Lexicon::kNone;   // key of the stem, if any rule knows it
  uint8_t flags = 0;
};

struct Sentence {
  Span span;
  uint32_t block = 0;
  uint32_t tokens_begin = 0, tokens_end = 0;
  uint32_t quantities_begin = 0, quantities_end = 0;
};

class Segmenter;

class Document {
 public:
  const SourceFile& source;
  MarkupResult markup;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Quantity> quantities;

  /// The masked text (see markup.h): the same offsets as the source, prose only.
  std::string_view prose() const { return markup.prose; }
  std::string_view Text(Span s) const { return source.Slice(s); }
  const Block& BlockOf(const Sentence& s) const { return markup.blocks[s.block]; }
  /// Is `section` the section `ancestor` or one nested inside it? (-1 is in no section.)
  bool InSection(int section, int ancestor) const {
    for (int x = section; x >= 0; x = markup.sections[x].parent)
      if (x == ancestor) return true;
    return false;
  }
  bool HasMeasure(const Sentence& s) const {
    for (uint32_t q = s.quantities_begin; q < s.quantities_end; ++q)
      if (quantities[q].measures()) return true;
    return false;
  }
};

/// Runs markup, segmentation, word keys and quantities over `source`.
Document BuildDocument(const SourceFile& source, const Markup& markup, Segmenter& segmenter,
                       WordKeyer& keyer, const Lexicon& lexicon);

}  // namespace reviewlint
