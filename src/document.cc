#include "document.h"

#include "tokenizer.h"

namespace reviewlint {

Document BuildDocument(const SourceFile& source, const Markup& markup, Segmenter& segmenter,
                       WordKeyer& keyer, const Lexicon& lexicon) {
  Document doc{source, markup.scan(source.text(), source.content_begin()), {}, {}, {}};
  std::string_view prose = doc.prose();
  // About one word per six bytes of prose, and seldom more than one per four: reserving that
  // once spares a large file the copies of doubling, which for a 100 MB draft held both the old
  // and the new token array at once (untouched reserved pages cost nothing).
  doc.tokens.reserve(prose.size() / 4 + 16);
  doc.sentences.reserve(prose.size() / 80 + 4);
  std::vector<Span> sentences, words;
  for (uint32_t b = 0; b < doc.markup.blocks.size(); ++b) {
    const Block& block = doc.markup.blocks[b];
    sentences.clear();
    words.clear();
    segmenter.Sentences(prose, block.span, &sentences);
    segmenter.Words(prose, block.span, &words);
    size_t w = 0;
    for (Span s : sentences) {
      Sentence sent;
      sent.span = s;
      sent.block = b;
      sent.tokens_begin = static_cast<uint32_t>(doc.tokens.size());
      while (w < words.size() && words[w].begin < s.begin) ++w;
      for (; w < words.size() && words[w].end <= s.end; ++w) {
        Token t;
        t.span = words[w];
        std::string_view text = prose.substr(t.span.begin, t.span.size());
        WordKeyer::Keys k = keyer.Lookup(text);
        t.exact = k.exact;
        t.stem = k.stem;
        char c = text[0];
        if (c >= '0' && c <= '9') t.flags |= kTokenNumeric;
        if (c >= 'A' && c <= 'Z') t.flags |= kTokenCapitalized;
        doc.tokens.push_back(t);
      }
      sent.tokens_end = static_cast<uint32_t>(doc.tokens.size());
      sent.quantities_begin = static_cast<uint32_t>(doc.quantities.size());
      FindQuantities(prose, doc.tokens.data() + sent.tokens_begin,
                     sent.tokens_end - sent.tokens_begin, lexicon, &doc.quantities);
      sent.quantities_end = static_cast<uint32_t>(doc.quantities.size());
      doc.sentences.push_back(sent);
    }
  }
  return doc;
}

}  // namespace reviewlint
