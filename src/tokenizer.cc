#include "tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <vector>

namespace reviewlint {
namespace {

inline bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Trims ASCII white space and the no-break space that ICU leaves in a sentence.
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

// UAX #29 word-break classes of ASCII characters, as CLDR tailors them (the colon is not
// MidLetter; "@" is a letter, so handles and e-mail addresses stay whole). White space never joins
// a word, so it only ends chunks.
enum WordClass : uint8_t {
  kOther,
  kLetter,      // ALetter
  kDigit,       // Numeric
  kUnderscore,  // ExtendNumLet
  kMidLetter,   // MidNumLet and Single_Quote: between letters or between digits (. ')
  kMidNum,      // MidNum: between digits only (, ;)
};

// Bytes of 0x80 and above are letters here: a chunk reaches AsciiWords with such bytes only
// when every one of them belongs to a two-byte letter (TwoByteLetter).
struct ByteWordClasses {
  uint8_t c[256];
  constexpr ByteWordClasses() : c{} {
    for (int i = 0x80; i < 0x100; ++i) c[i] = kLetter;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kLetter;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kLetter;
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigit;
    c[static_cast<int>('@')] = kLetter;
    c[static_cast<int>('_')] = kUnderscore;
    c[static_cast<int>('.')] = kMidLetter;
    c[static_cast<int>('\'')] = kMidLetter;
    c[static_cast<int>(',')] = kMidNum;
    c[static_cast<int>(';')] = kMidNum;
  }
};
constexpr ByteWordClasses kByteWordClasses;

inline bool Joins(uint8_t c) { return c == kLetter || c == kDigit || c == kUnderscore; }

// Is the two-byte UTF-8 sequence at s[0], s[1] a letter to the word rules (Word_Break=ALetter:
// "é", "ğ", "ø")? Then it joins words as an ASCII letter does. Marks, digits and punctuation
// outside ASCII are left to ICU.
bool TwoByteLetter(unsigned char lead, unsigned char next) {
  static const std::vector<bool> letters = [] {
    std::vector<bool> v(0x800);
    for (UChar32 c = 0x80; c < 0x800; ++c)
      v[c] = u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_ALETTER;
    return v;
  }();
  if (lead < 0xC2 || lead > 0xDF || (next & 0xC0) != 0x80) return false;
  return letters[((lead & 0x1Fu) << 6) | (next & 0x3Fu)];
}

// Words of an all-ASCII chunk with no white space, by WB5-WB13b: letters, digits and
// underscores join; . and ' join two letters or two digits; , and ; join two digits. A lone
// underscore is not a word (ICU gives it no word status).
void AsciiWords(std::string_view t, uint32_t begin, uint32_t end, std::vector<Span>* out) {
  auto cls = [&](uint32_t p) { return kByteWordClasses.c[static_cast<unsigned char>(t[p])]; };
  uint32_t p = begin;
  while (p < end) {
    if (!Joins(cls(p))) {
      ++p;
      continue;
    }
    uint32_t start = p;
    bool wordy = cls(p) != kUnderscore;
    ++p;
    while (p < end) {
      uint8_t here = cls(p);
      if (Joins(here)) {
        wordy = wordy || here != kUnderscore;
        ++p;
        continue;
      }
      uint8_t before = cls(p - 1);
      if (p + 1 < end && (here == kMidLetter || here == kMidNum) && before != kUnderscore &&
          cls(p + 1) == before && (here == kMidLetter || before == kDigit)) {
        p += 2;
        continue;
      }
      break;
    }
    if (wordy || p - start > 1) out->push_back(Span{start, p});
  }
}

// Sentence-break classes that matter for finding where a sentence may end (UAX #29 SB4, SB5,
// SB11): terminators, closing marks, spaces, separators, and the extend/format characters that
// rules see through.
enum SentenceClass : uint8_t { kSbOther, kSbTerm, kSbClose, kSbSp, kSbSep, kSbExtend };

SentenceClass SentenceClassOf(UChar32 c) {
  if (c < 0) return kSbOther;
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
    case U_SB_STERM:
      return kSbTerm;
    case U_SB_CLOSE:
      return kSbClose;
    case U_SB_SP:
      return kSbSp;
    case U_SB_SEP:
    case U_SB_CR:
    case U_SB_LF:
      return kSbSep;
    case U_SB_EXTEND:
    case U_SB_FORMAT:
      return kSbExtend;
    default:
      return kSbOther;
  }
}

struct AsciiSentenceClasses {
  uint8_t c[128];
  AsciiSentenceClasses() {
    for (int i = 0; i < 128; ++i) c[i] = SentenceClassOf(i);
  }
};

}  // namespace

Segmenter::Segmenter(Mode mode) : mode_(mode) {
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

// Every place in `text[span]` where a sentence may end, by UAX #29: after a line or paragraph
// separator (SB4), and after a terminator with the closing marks, spaces and further terminators
// that follow it (SB8a-SB11). A superset: ICU decides which of them are boundaries.
void Segmenter::CandidateBoundaries(std::string_view text, Span span,
                                    std::vector<uint32_t>* out) const {
  static const AsciiSentenceClasses ascii;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  bool after_term = false;
  int32_t i = static_cast<int32_t>(span.begin);
  const auto end = static_cast<int32_t>(span.end);
  while (i < end) {
    // The common case: letters, digits and ordinary punctuation, passed over in a tight loop.
    if (s[i] < 0x80 && ascii.c[s[i]] == kSbOther) {
      do ++i;
      while (i < end && s[i] < 0x80 && ascii.c[s[i]] == kSbOther);
      after_term = false;
      continue;
    }
    uint8_t cls;
    if (s[i] < 0x80) {
      cls = ascii.c[s[i]];
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(s, i, end, c);
      cls = SentenceClassOf(c);
    }
    switch (cls) {
      case kSbTerm:
        after_term = true;
        out->push_back(static_cast<uint32_t>(i));
        break;
      case kSbSep:
        after_term = false;
        out->push_back(static_cast<uint32_t>(i));
        break;
      case kSbClose:
      case kSbSp:
      case kSbExtend:
        if (after_term) out->push_back(static_cast<uint32_t>(i));
        break;
      default:
        after_term = false;
    }
  }
}

bool Segmenter::SetSentenceText(std::string_view text, Span span) {
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text.data() + span.begin, span.size(), &status);
  if (U_FAILURE(status)) return false;
  sentence_->setText(utext_, status);
  return U_SUCCESS(status);
}

void Segmenter::Sentences(std::string_view text, Span span, std::vector<Span>* out) {
  uint32_t prev = span.begin;  // the last boundary
  auto emit = [&](uint32_t b) {
    Span s = Trim(text, Span{prev, b});
    if (!s.empty()) out->push_back(s);
    prev = b;
  };
  // ICU's iteration from `prev` to the end of the span.
  auto iterate = [&] {
    if (!SetSentenceText(text, Span{prev, span.end})) return;
    const uint32_t base = prev;
    sentence_->first();
    for (int32_t b = sentence_->next(); b != icu::BreakIterator::DONE; b = sentence_->next())
      emit(base + static_cast<uint32_t>(b));
  };
  if (mode_ == Mode::kIcu) return iterate();
  candidates_.clear();
  CandidateBoundaries(text, span, &candidates_);
  // ICU's text starts at the last boundary, where ICU's own iteration starts its rules afresh,
  // and ICU's next boundary after it answers for every candidate before that boundary: reading
  // forward only, never backing up to a safe point as isBoundary does. A sentence with many
  // places that are not boundaries ("e.g. this, i.e. that", or lower case after every full stop)
  // is iterated instead.
  uint32_t window = UINT32_MAX, misses = 0;
  int32_t next = 0;  // ICU's next boundary in the window, relative to it; DONE at its end
  for (uint32_t c : candidates_) {
    if (c >= span.end) break;
    if (misses >= 8 || c - prev > 2048) return iterate();
    if (window != prev) {
      if (!SetSentenceText(text, Span{prev, span.end})) return;
      window = prev;
      next = sentence_->first();
    }
    const int32_t at = static_cast<int32_t>(c - window);
    while (next != icu::BreakIterator::DONE && next < at) next = sentence_->next();
    if (next == at) {
      emit(c);
      misses = 0;
    } else {
      ++misses;
    }
  }
  if (prev < span.end) emit(span.end);
}

void Segmenter::IcuWords(std::string_view text, Span span, std::vector<Span>* out) {
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

void Segmenter::Words(std::string_view text, Span span, std::vector<Span>* out) {
  if (mode_ == Mode::kIcu) return IcuWords(text, span, out);
  // Chunks between ASCII white space: white space always breaks words (UAX #29 joins it only to
  // itself), so each chunk can be split on its own. A chunk with a non-ASCII byte goes to ICU
  // with the white space byte before it, which is all the context ICU's rules look at there (an
  // extending mark after a space attaches to the space).
  uint32_t p = span.begin;
  while (p < span.end) {
    while (p < span.end && IsSpaceByte(text[p])) ++p;
    uint32_t start = p;
    bool ascii = true;  // or letters of two bytes
    while (p < span.end && !IsSpaceByte(text[p])) {
      auto c = static_cast<unsigned char>(text[p]);
      if (c >= 0x80 && ascii) {
        ascii = p + 1 < span.end && TwoByteLetter(c, static_cast<unsigned char>(text[p + 1]));
        if (ascii) ++p;
      }
      ++p;
    }
    if (start == p) break;
    if (ascii)
      AsciiWords(text, start, p, out);
    else
      IcuWords(text, Span{start > span.begin ? start - 1 : start, p}, out);
  }
}

}  // namespace reviewlint
