// Segmentation of prose scopes into sentences and words, by ICU's rules (UAX #29 with CLDR's
// tailoring and English abbreviation suppression), over the UTF-8 text directly, so every boundary
// is already a byte offset.
//
// Two fast paths give ICU's answers without running ICU over every byte:
//  - Words: text is cut at ASCII white space (which always breaks words); a chunk that is all
//    ASCII, or ASCII and two-byte letters ("Zoë", "Doğan"), is split by the UAX #29 word rules
//    for ASCII in a few instructions per byte, any other chunk goes to ICU's word iterator.
//  - Sentences: a sentence can only end after a terminator (. ! ? and the other STerm/ATerm
//    characters) and the closing marks and spaces after it, or after a line or paragraph
//    separator. Only those places are put to ICU's sentence iterator (isBoundary), which keeps
//    its abbreviation rules ("e.g.", "Dr.") exact.
// Mode::kIcu runs ICU over everything; tests and the segmenter fuzz target check that both modes
// agree.
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
  enum class Mode { kFast, kIcu };
  explicit Segmenter(Mode mode = Mode::kFast);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// Sentence spans of `text[span]`, trimmed of surrounding white space, in order.
  void Sentences(std::string_view text, Span span, std::vector<Span>* out);
  /// Word spans (letters, numbers, ideographs; not punctuation or spaces) of `text[span]`.
  void Words(std::string_view text, Span span, std::vector<Span>* out);

 private:
  void IcuWords(std::string_view text, Span span, std::vector<Span>* out);
  bool SetSentenceText(std::string_view text, Span span);
  void CandidateBoundaries(std::string_view text, Span span, std::vector<uint32_t>* out) const;

  Mode mode_;
  std::unique_ptr<icu::BreakIterator> sentence_;
  std::unique_ptr<icu::BreakIterator> word_;
  UText* utext_ = nullptr;
  std::vector<uint32_t> candidates_;
};

}  // namespace reviewlint
