// Segmentation of prose scopes into sentences and words with ICU break iterators, run over the
// UTF-8 text directly (UText), so every boundary is already a byte offset.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "span.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace reviewlint {

/// One per thread: ICU iterators are not shareable. Cheap to reuse across documents.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// Sentence spans of `text[span]`, trimmed of surrounding white space, in order.
  void Sentences(std::string_view text, Span span, std::vector<Span>* out);
  /// Word spans (letters, numbers, ideographs; not punctuation or spaces) of `text[span]`.
  void Words(std::string_view text, Span span, std::vector<Span>* out);

 private:
  std::unique_ptr<icu::BreakIterator> sentence_;
  std::unique_ptr<icu::BreakIterator> word_;
  UText* utext_ = nullptr;
};

}  // namespace reviewlint
