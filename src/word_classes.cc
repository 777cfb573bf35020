#include "word_classes.h"

#include <sstream>

#include "lexicon.h"
#include "rule_pack.h"

namespace reviewlint {
namespace {

// Where the records come from. Lists (.txt): one word a line, every word gets the class.
// Tables (.tsv): word, polarity (+, - or 0 for a trait that is neither), then optional columns:
// a strength digit and the WordNet parts of speech as letters (a r n v).
struct Source {
  const char* dictionary;
  uint32_t bits;
};
constexpr Source kLists[] = {
    {"en/features/pronouns", kPronoun},
    {"en/features/possessives", kPossessive},
    {"en/features/copulas", kCopula},
    {"en/features/intensifiers", kIntensifier},
    {"en/features/generic-verbs", kGenericVerb},
    {"en/features/manner-adverbs", kMannerAdverb},
    {"en/features/modals", kModal},
    {"en/features/achievement-verbs", kAchievementVerb},
    {"en/features/outcome-nouns", kOutcomeNoun},
    {"en/features/demeanour-nouns", kDemeanourNoun},
    {"en/features/function-words", kFunctionWord},
    {"en/features/negations", kNegation},
    {"en/features/faint-words", kFaintWord},
    {"en/features/deficit-words", kDeficitWord},
    {"en/features/engineering-words", kEngineeringWord},
    {"en/lexicon/role-nouns", kRoleNoun},
    {"en/lexicon/work-nouns", kWorkNoun},
};
constexpr Source kTables[] = {
    {"en/lexicon/evaluative", kEvaluative},
    {"en/lexicon/traits", kTraitWord},
};

uint32_t PartsOfSpeech(const std::string& letters) {
  uint32_t bits = 0;
  for (char c : letters) {
    if (c == 'a' || c == 's') bits |= kAdjective;
    if (c == 'r') bits |= kAdverb;
    if (c == 'n') bits |= kNoun;
    if (c == 'v') bits |= kVerb;
  }
  return bits;
}

// Noun lists name the singular; documents say "workers" and "deliverables" as often.
constexpr uint32_t kNounClasses = kRoleNoun | kWorkNoun | kOutcomeNoun | kDemeanourNoun;

std::vector<std::string> Plurals(const std::string& w) {
  auto ends = [&](const char* tail) {
    size_t n = std::char_traits<char>::length(tail);
    return w.size() > n && w.compare(w.size() - n, n, tail) == 0;
  };
  if (ends("s") || ends("x") || ends("ch") || ends("sh")) return {w + "es"};
  if (ends("y") && w.size() > 2 && std::string("aeiou").find(w[w.size() - 2]) == std::string::npos)
    return {w.substr(0, w.size() - 1) + "ies"};
  return {w + "s"};
}

bool SingleWord(const std::string& w) { return !w.empty() && w.find(' ') == std::string::npos; }

}  // namespace

WordInfo& WordClasses::At(uint32_t exact) {
  if (info_.size() <= exact) info_.resize(exact + 1);
  return info_[exact];
}

void WordClasses::LoadList(const std::string& name, uint32_t bits, Lexicon* lexicon,
                           std::vector<std::string>* errors) {
  auto entries = DataStore().Dictionary(name);  // the embedded copy
  if (!entries) {
    errors->push_back("dictionaries/" + name + ".txt: missing from the build");
    return;
  }
  for (const std::string& w : *entries) {
    if (!SingleWord(w)) continue;
    std::string folded = FoldCase(w);
    At(lexicon->AddExact(folded)).classes |= bits;
    if (bits & kNounClasses)
      for (const std::string& plural : Plurals(folded)) At(lexicon->AddExact(plural)).classes |= bits;
  }
}

void WordClasses::LoadTable(const std::string& name, uint32_t bits, Lexicon* lexicon,
                            std::vector<std::string>* errors) {
  std::string file = "dictionaries/" + name + ".tsv";
  auto text = DataStore::Embedded(file);
  if (!text) {
    errors->push_back(file + ": missing from the build");
    return;
  }
  std::istringstream in(*text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    if (cols.size() < 2 || !SingleWord(cols[0]) || (cols[1] != "+" && cols[1] != "-" && cols[1] != "0")) {
      errors->push_back(file + ":" + std::to_string(number) +
                        ": expected WORD<TAB>+|-|0[<TAB>STRENGTH][<TAB>POS]");
      continue;
    }
    WordInfo& info = At(lexicon->AddExact(FoldCase(cols[0])));
    info.classes |= bits;
    info.polarity = cols[1] == "+" ? 1 : cols[1] == "-" ? -1 : 0;
    for (size_t c = 2; c < cols.size(); ++c) {
      if (cols[c].size() == 1 && cols[c][0] >= '1' && cols[c][0] <= '4')
        info.strength = static_cast<uint8_t>(cols[c][0] - '0');
      else
        info.classes |= PartsOfSpeech(cols[c]);
    }
  }
}

void WordClasses::Load(Lexicon* lexicon, std::vector<std::string>* errors) {
  for (const Source& t : kTables) LoadTable(t.dictionary, t.bits, lexicon, errors);
  for (const Source& l : kLists) LoadList(l.dictionary, l.bits, lexicon, errors);
}

}  // namespace reviewlint
