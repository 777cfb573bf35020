// The segmenter's fast paths against ICU run over every byte: the same sentences and the same
// words on every short string of an alphabet chosen to exercise the word and sentence rules, on
// random text, and on every draft of the labeled corpus and the report reviews.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tokenizer.h"

namespace reviewlint {
namespace {

struct Segments {
  std::vector<Span> sentences, words;
};

Segments Segment(Segmenter& s, const std::string& text) {
  Segments out;
  Span all{0, static_cast<uint32_t>(text.size())};
  s.Sentences(text, all, &out.sentences);
  s.Words(text, all, &out.words);
  return out;
}

std::string Show(const std::string& text, const std::vector<Span>& spans) {
  std::string out;
  for (Span s : spans) out += "[" + text.substr(s.begin, s.size()) + "]";
  return out;
}

class SegmenterAgreement : public ::testing::Test {
 protected:
  Segmenter fast_{Segmenter::Mode::kFast};
  Segmenter icu_{Segmenter::Mode::kIcu};

  // Returns true when both modes agree; reports the first few disagreements.
  bool Agree(const std::string& text) {
    Segments a = Segment(fast_, text), b = Segment(icu_, text);
    bool same = a.sentences == b.sentences && a.words == b.words;
    if (!same && ++failures_ <= 5) {
      ADD_FAILURE() << "text: \"" << text << "\"\n fast sentences " << Show(text, a.sentences)
                    << "\n  icu sentences " << Show(text, b.sentences) << "\n fast words "
                    << Show(text, a.words) << "\n  icu words " << Show(text, b.words);
    }
    return same;
  }
  int failures_ = 0;
};

// Every string of up to `max_len` characters of `alphabet`; returns how many.
template <typename F>
size_t EveryString(const std::string& alphabet, size_t max_len, F&& f) {
  const size_t n = alphabet.size();
  std::string s;
  size_t count = 0;
  for (size_t len = 1; len <= max_len; ++len) {
    std::vector<size_t> digits(len, 0);
    for (;;) {
      s.clear();
      for (size_t d : digits) s += alphabet[d];
      f(s);
      ++count;
      size_t k = 0;
      while (k < len && ++digits[k] == n) digits[k++] = 0;
      if (k == len) break;
    }
  }
  return count;
}

TEST_F(SegmenterAgreement, EveryShortStringOfTheTrickyAlphabet) {
  // Letters of both cases, digits, every joiner, "@", terminators, closing marks, spaces, a line
  // break: long enough for the rules that look two characters ahead.
  size_t count = EveryString("aB1._',;:@!?\") \n", 5, [&](const std::string& s) { Agree(s); });
  EXPECT_GT(count, 800000u);
  EXPECT_EQ(failures_, 0);
}

TEST_F(SegmenterAgreement, EveryAsciiTriple) {
  // Every printable ASCII character and the white space ones, in every context of three.
  std::string ascii = "\t\n\r\v\f";
  for (char c = ' '; c < 127; ++c) ascii += c;
  size_t count = EveryString(ascii, 3, [&](const std::string& s) { Agree(s); });
  EXPECT_GT(count, 900000u);
  EXPECT_EQ(failures_, 0);
}

TEST_F(SegmenterAgreement, RandomSentencesWithAbbreviationsAndUnicode) {
  const std::vector<std::string> pieces = {
      "Dr.",    "e.g.",     "i.e.",  "U.S.",     "Mr.",     "etc.",    "vs.",  "p99",
      "3.5",    "1,000",    "can't", "O'Neil",   "café",    "naïve",   "—",    "“quoted”",
      "…",      "。",       "ﬁx",    "a\u0301",  " ",       "  ",      "\n",   "\r\n",
      ".",      "!",        "?",     "?!",       ")",       "(",       "\"",   "'",
      "_",      "__init__", "x_y",   "A.B.",     "42%",     "$5",      "1:2",  "a:b",
      "e-mail", "co-op",    "\t",    "\xC2\xA0", "Ünïcode", "日本語",  "🙂", "👍🏽",
      "\u2029", "Hello",    "world", "the",      "She",     "shipped", "it"};
  std::mt19937 rng(20261128);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    // Mostly short strings; every tenth a long one, where many full stops are not sentence ends
    // and the segmenter changes strategy.
    int len = 1 + static_cast<int>(rng() % (i % 10 == 0 ? 300 : 12));
    for (int k = 0; k < len; ++k) {
      s += pieces[rng() % pieces.size()];
      if (rng() % 2) s += ' ';
    }
    Agree(s);
  }
  EXPECT_EQ(failures_, 0);
}

TEST_F(SegmenterAgreement, EveryCorpusDraft) {
  size_t files = 0;
  for (const char* dir : {"/tests/corpus/drafts", "/tests/report/reviews", "/examples"}) {
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(std::string(REVIEWLINT_SOURCE_DIR) + dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      // Whole files and each paragraph, as the document builder asks for them.
      Agree(text);
      size_t from = 0;
      for (size_t at; (at = text.find("\n\n", from)) != std::string::npos; from = at + 2)
        Agree(text.substr(from, at - from));
      ++files;
    }
  }
  EXPECT_GT(files, 60u);
  EXPECT_EQ(failures_, 0);
}

// Two-byte letters take the ASCII path: every string of up to four of these characters, letters
// of two bytes beside ASCII joiners and beside two-byte characters that are not letters (a
// combining mark, a soft hyphen, a middle dot, a no-break space, Hebrew letters and
// punctuation, an Arabic-Indic digit, the multiplication sign).
TEST_F(SegmenterAgreement, EveryShortStringWithTwoByteLetters) {
  const std::vector<std::string> chars = {
      "a",        "1",        ".",        "'",        ",",        "_",        " ",
      "\xC3\xA9", "\xC4\x9F", "\xCA\xBC", "\xC2\xAA", "\xC3\x97", "\xCC\x81", "\xC2\xAD",
      "\xC2\xB7", "\xC2\xA0", "\xD7\x90", "\xD7\xB4", "\xD9\xA3", "!"};
  size_t count = 0;
  std::vector<size_t> digits;
  for (size_t len = 1; len <= 4; ++len) {
    digits.assign(len, 0);
    for (;;) {
      std::string s;
      for (size_t d : digits) s += chars[d];
      Agree(s);
      ++count;
      size_t k = 0;
      while (k < len && ++digits[k] == chars.size()) digits[k++] = 0;
      if (k == len) break;
    }
  }
  EXPECT_GT(count, 160000u);
  EXPECT_EQ(failures_, 0);
}

}  // namespace
}  // namespace reviewlint
