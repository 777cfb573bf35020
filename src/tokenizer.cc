#include "tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace reviewlint {
namespace {

inline bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Trims ASCII white space and the no-break space / ideographic space that ICU leaves in a
// sentence.
Span Trim(std::string_view t, Span s) {
  while (s.begin < s.end) {
    if (IsSpaceByte(t[s.begin]))
      ++s.begin;
    else if (s.end - s.begin >= 2 && t.compare(s.begin, 2, "\xC2\xA0") == 0)
      s.begin += 2;
    else
      break;
  }
  while (s.end > s.begin) {
    if (IsSpaceByte(t[s.end - 1]))
      --s.end;
    else if (s.end - s.begin >= 2 && t.compare(s.end - 2, 2, "\xC2\xA0") == 0)
      s.end -= 2;
    else
      break;
  }
  return s;
}

}  // namespace

Segmenter::Segmenter() {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" suppresses sentence breaks after common abbreviations ("e.g.", "Dr.").
  sentence_.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    sentence_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }
  UErrorCode wstatus = U_ZERO_ERROR;
  word_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), wstatus));
  if (U_FAILURE(status) || U_FAILURE(wstatus) || !sentence_ || !word_) {
    throw std::runtime_error("ICU break iterators are unavailable (ICU data missing?)");
  }
}

Segmenter::~Segmenter() {
  if (utext_) utext_close(utext_);
}

void Segmenter::Sentences(std::string_view text, Span span, std::vector<Span>* out) {
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text.data() + span.begin, span.size(), &status);
  if (U_FAILURE(status)) return;
  sentence_->setText(utext_, status);
  if (U_FAILURE(status)) return;
  int32_t prev = sentence_->first();
  for (int32_t b = sentence_->next(); b != icu::BreakIterator::DONE; b = sentence_->next()) {
    Span s = Trim(text, Span{span.begin + static_cast<uint32_t>(prev),
                             span.begin + static_cast<uint32_t>(b)});
    if (!s.empty()) out->push_back(s);
    prev = b;
  }
}

void Segmenter::Words(std::string_view text, Span span, std::vector<Span>* out) {
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text.data() + span.begin, span.size(), &status);
  if (U_FAILURE(status)) return;
  word_->setText(utext_, status);
  if (U_FAILURE(status)) return;
  int32_t prev = word_->first();
  for (int32_t b = word_->next(); b != icu::BreakIterator::DONE; b = word_->next()) {
    if (word_->getRuleStatus() != UBRK_WORD_NONE) {
      out->push_back(
          Span{span.begin + static_cast<uint32_t>(prev), span.begin + static_cast<uint32_t>(b)});
    }
    prev = b;
  }
}

}  // namespace reviewlint
