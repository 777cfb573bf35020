// Word classes: what the sentence feature layer knows about a word, one packed record per word
// id. The records come from word lists (dictionaries/en/features/*.txt) and the curated lexicons
// (dictionaries/en/lexicon/, see its ATTRIBUTION.md), loaded once when the engine is built and
// reached through the ids the Lexicon already gives document words, so the layer costs no extra
// hashing per token.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reviewlint {

class Lexicon;
class DataStore;
struct RuleImage;

/// Classes a word may belong to (several at once: "work" is a generic verb and a work noun).
enum WordClassBit : uint32_t {
  kEvaluative = 1u << 0,        // evaluates someone or something ("superb", "sloppy", "nicely")
  kTraitWord = 1u << 1,         // judges personality or character ("abrasive", "charming")
  kRoleNoun = 1u << 2,          // a person in a work role ("engineer", "performer", "asset")
  kWorkNoun = 1u << 3,          // a person's work or its product ("work", "code", "plans")
  kPronoun = 1u << 4,           // "he", "she", "they", "you", "i", "we"
  kPossessive = 1u << 5,        // "his", "her", "their"
  kCopula = 1u << 6,            // "is", "seems", "looks"
  kIntensifier = 1u << 7,       // "very", "really", "a bit"
  kGenericVerb = 1u << 8,       // "works", "performs", "did"
  kMannerAdverb = 1u << 9,      // "well", "hard", "nicely" (after a generic verb)
  kModal = 1u << 10,            // "will", "should", "needs", "if"
  kAchievementVerb = 1u << 11,  // "exceeded", "delivered", "completed"
  kOutcomeNoun = 1u << 12,      // "goals", "results", "deliverables"
  kDemeanourNoun = 1u << 13,    // "attitude", "confidence", "demeanor"
  kFunctionWord = 1u << 14,     // closed-class words: never a name
  kNegation = 1u << 15,         // "not", "never", "doesn't"
  kFaintWord = 1u << 16,        // "adequate", "decent", "average"
  kAdjective = 1u << 17,        // WordNet lists it as an adjective (evaluative and trait words)
  kAdverb = 1u << 18,           // WordNet lists it as an adverb
  kNoun = 1u << 19,             // WordNet lists it as a noun
  kVerb = 1u << 20,             // WordNet lists it as a verb
  kDeficitWord = 1u << 21,      // states a shortfall ("late", "rarely", "dropped")
  kEngineeringWord = 1u << 22,  // names software engineering work ("deploy", "schema", "on-call")
  kPeerNoun = 1u << 23,         // the people a reviewee is ranked against ("peers", "coworkers")
  kComparisonWord = 1u << 24,   // ranks against others ("above", "higher", "outshines")
  kResultNoun = 1u << 25,       // a sizeable result ("results", "sales", "improvement")
  kEffortWord = 1u << 26,       // effort leading to an infinitive ("tries", "beyond", "hard")
  kStanceWord = 1u << 27,       // the writer's stance before a clause ("think", "confident")
  kGrowthWord = 1u << 28,       // a change told without its size ("improved", "growth")
  kShortfallDegree = 1u << 29,  // "low", "little": criticism before what the reviewee puts in
  kEffortNoun = 1u << 30,       // what a reviewee puts in ("effort", "consistency", "quality")
};

/// The classes of nouns. Noun lists name the singular; documents say "workers" and
/// "deliverables" as often, so their plurals get the class too.
constexpr uint32_t kNounClasses =
    kRoleNoun | kWorkNoun | kOutcomeNoun | kDemeanourNoun | kPeerNoun | kResultNoun;

/// What the feature layer knows about one word.
struct WordInfo {
  uint32_t classes = 0;
  int8_t polarity = 0;   // evaluative or trait words: +1 praise, -1 criticism
  uint8_t strength = 0;  // evaluative words: 1 (mild) .. 4 (strong)
  int8_t tone = 0;       // valence x 10 in a sentence's tone (tone.h), -40 .. +40
};

/// The per-word records, indexed by the Lexicon's exact word ids.
class WordClasses {
 public:
  /// Loads the embedded feature lists and lexicons, adding their words to `lexicon`.
  /// Appends a located error for a malformed lexicon line.
  void Load(Lexicon* lexicon, std::vector<std::string>* errors);
  const WordInfo& Info(uint32_t exact) const {
    static const WordInfo kNoInfo;
    return exact < info_.size() ? info_[exact] : kNoInfo;
  }
  bool Has(uint32_t exact, uint32_t bits) const { return (Info(exact).classes & bits) != 0; }
  /// The records of the image's words (rule_image.h), which `lexicon` already holds.
  void LoadImage(const RuleImage& image);

 private:
  WordInfo& At(uint32_t exact);
  void LoadList(const std::string& name, uint32_t bits, Lexicon* lexicon,
                std::vector<std::string>* errors);
  void LoadTable(const std::string& name, uint32_t bits, Lexicon* lexicon,
                 std::vector<std::string>* errors);
  void LoadTone(Lexicon* lexicon, std::vector<std::string>* errors);
  std::vector<WordInfo> info_;
};

/// The word attributes (units, number words, months, clause breaks: lexicon.h) and the word
/// classes, into an empty `lexicon` and `classes`: from `image` when there is one (the same words
/// with the same ids), else from the embedded lists and lexicons.
void LoadWordTables(const RuleImage* image, Lexicon* lexicon, WordClasses* classes,
                    std::vector<std::string>* errors);

}  // namespace reviewlint
