// Word keys. Every word that a rule or an evidence list mentions gets an id at build time, in two
// forms: its case-folded spelling and its stem. Document words are only looked up, never added,
// so the Lexicon is immutable while linting and shared by all threads; each thread keeps a
// WordKeyer that caches what a spelling maps to.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace reviewlint {

struct RuleImage;

/// Case folding (ICU full case folding; ASCII done inline) and apostrophe normalisation.
std::string FoldCase(std::string_view word);
/// FoldCase into `out`, reusing its storage.
void FoldCaseInto(std::string_view word, std::string* out);

/// Attributes of a folded spelling that the quantity recogniser needs (dictionaries/en/units.txt
/// and friends).
enum WordAttr : uint8_t {
  kUnitWord = 1,        // "ms", "weeks", "requests": a number before it is a measurement
  kNumberWord = 2,      // "two", "dozen", "hundred"
  kMultiplierWord = 4,  // "twice", "halved", "doubled"
  kMonthWord = 8,       // "March", "Sept"
  kDurationUnit = 16,   // "weeks", "ms": a unit of time
  kClauseBreak = 32,    // "when", "about": ends the phrase a word modifies
};

class Lexicon {
 public:
  static constexpr uint32_t kNone = 0;
  uint32_t AddExact(const std::string& folded);
  uint32_t AddStem(const std::string& stem);
  uint32_t FindExact(std::string_view folded) const;
  uint32_t FindStem(std::string_view stem) const;
  void SetAttr(uint32_t exact, uint8_t attr);
  uint8_t Attr(uint32_t exact) const { return exact < attrs_.size() ? attrs_[exact] : 0; }
  /// Starts an empty lexicon from the rule image's words (rule_image.h): ids 1..word_count are
  /// theirs, found through the image's table; words added later get the ids after them.
  void LoadImage(const RuleImage& image);
  /// The folded spellings by id - 1.
  std::vector<std::string> ExactWords() const;

 private:
  uint32_t FindImageWord(std::string_view folded) const;
  const RuleImage* image_ = nullptr;
  uint32_t image_words_ = 0;
  std::unordered_map<std::string, uint32_t> exact_, stem_;
  std::vector<uint8_t> attrs_;
};

/// Per thread: folds and stems document words and caches the resulting keys.
class WordKeyer {
 public:
  struct Keys {
    uint32_t exact = Lexicon::kNone;
    uint32_t stem = Lexicon::kNone;
  };
  explicit WordKeyer(const Lexicon* lexicon);
  ~WordKeyer();
  WordKeyer(const WordKeyer&) = delete;
  WordKeyer& operator=(const WordKeyer&) = delete;

  Keys Lookup(std::string_view surface);
  /// The Snowball English stem of an already folded word.
  std::string Stem(std::string_view folded);

 private:
  const Lexicon* lexicon_;
  sb_stemmer* stemmer_ = nullptr;
  // Looked up by the document's bytes without copying them into a string first.
  struct Hash {
    using is_transparent = void;
    // FNV-1a: a document's words are short, and std::hash's byte hash costs more than the
    // lookup it serves.
    size_t operator()(std::string_view s) const {
      uint64_t h = 14695981039346656037ull;
      for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      return static_cast<size_t>(h);
    }
  };
  std::unordered_map<std::string, Keys, Hash, std::equal_to<>> cache_;
};

}  // namespace reviewlint
