#include "word_classes.h"

#include <cstdlib>
#include <sstream>

#include "lexicon.h"
#include "rule_image.h"
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
    {"en/features/result-nouns", kOutcomeNoun | kResultNoun},
    {"en/features/demeanour-nouns", kDemeanourNoun},
    {"en/features/function-words", kFunctionWord},
    {"en/features/negations", kNegation},
    {"en/features/faint-words", kFaintWord},
    {"en/features/deficit-words", kDeficitWord},
    {"en/features/engineering-words", kEngineeringWord},
    {"en/features/peer-nouns", kPeerNoun},
    {"en/features/comparison-words", kComparisonWord},
    {"en/features/effort-words", kEffortWord},
    {"en/features/stance-words", kStanceWord},
    {"en/features/growth-words", kGrowthWord},
    {"en/features/shortfall-degrees", kShortfallDegree},
    {"en/features/effort-nouns", kEffortNoun},
    {"en/lexicon/role-nouns", kRoleNoun},
    {"en/lexicon/work-nouns", kWorkNoun},
};
constexpr Source kTables[] = {
    {"en/lexicon/evaluative", kEvaluative},
    {"en/lexicon/traits", kTraitWord},
};

// Word attributes come from these embedded dictionaries.
struct AttrDictionary {
  const char* name;
  uint8_t attr;
};
constexpr AttrDictionary kAttrDictionaries[] = {
    {"en/units", kUnitWord},          {"en/duration-units", kUnitWord | kDurationUnit},
    {"en/number-words", kNumberWord}, {"en/multiplier-words", kMultiplierWord},
    {"en/months", kMonthWord},        {"en/clause-breaks", kClauseBreak},
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

// Calls `row(line, number)` for each line of an embedded table that is not blank or a comment;
// `row` returns false for a malformed line, which gets a located error saying `expected`.
template <typename Row>
void ForEachRow(const std::string& file, const char* expected, std::vector<std::string>* errors,
                Row row) {
  auto text = DataStore::Embedded(file);
  if (!text) {
    errors->push_back(file + ": missing from the build");
    return;
  }
  std::istringstream in(*text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    if (!row(line))
      errors->push_back(file + ":" + std::to_string(number) + ": expected " + expected);
  }
}

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
      for (const std::string& plural : Plurals(folded))
        At(lexicon->AddExact(plural)).classes |= bits;
  }
}

void WordClasses::LoadTable(const std::string& name, uint32_t bits, Lexicon* lexicon,
                            std::vector<std::string>* errors) {
  ForEachRow("dictionaries/" + name + ".tsv", "WORD<TAB>+|-|0[<TAB>STRENGTH][<TAB>POS]", errors,
             [&](const std::string& line) {
               std::vector<std::string> cols;
               std::istringstream fields(line);
               for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
               if (cols.size() < 2 || !SingleWord(cols[0]) ||
                   (cols[1] != "+" && cols[1] != "-" && cols[1] != "0"))
                 return false;
               WordInfo& info = At(lexicon->AddExact(FoldCase(cols[0])));
               info.classes |= bits;
               info.polarity = cols[1] == "+" ? 1 : cols[1] == "-" ? -1 : 0;
               for (size_t c = 2; c < cols.size(); ++c) {
                 if (cols[c].size() == 1 && cols[c][0] >= '1' && cols[c][0] <= '4')
                   info.strength = static_cast<uint8_t>(cols[c][0] - '0');
                 else
                   info.classes |= PartsOfSpeech(cols[c]);
               }
               return true;
             });
}

// tone.tsv: word<TAB>valence (VADER's scale, -4 .. +4, one decimal).
void WordClasses::LoadTone(Lexicon* lexicon, std::vector<std::string>* errors) {
  ForEachRow("dictionaries/en/lexicon/tone.tsv", "WORD<TAB>VALENCE (-4 .. 4)", errors,
             [&](const std::string& line) {
               size_t tab = line.find('\t');
               if (tab == std::string::npos || !SingleWord(line.substr(0, tab))) return false;
               char* end = nullptr;
               double valence = std::strtod(line.c_str() + tab + 1, &end);
               if (end == line.c_str() + tab + 1 || *end != '\0' || valence < -4 || valence > 4)
                 return false;
               At(lexicon->AddExact(FoldCase(line.substr(0, tab)))).tone =
                   static_cast<int8_t>(valence * 10 + (valence < 0 ? -0.5 : 0.5));
               return true;
             });
}

void WordClasses::Load(Lexicon* lexicon, std::vector<std::string>* errors) {
  LoadTone(lexicon, errors);
  for (const Source& t : kTables) LoadTable(t.dictionary, t.bits, lexicon, errors);
  for (const Source& l : kLists) LoadList(l.dictionary, l.bits, lexicon, errors);
}

void WordClasses::LoadImage(const RuleImage& image) {
  info_.assign(1, WordInfo{});
  info_.insert(info_.end(), image.word_infos, image.word_infos + image.word_count);
}

void LoadWordTables(const RuleImage* image, Lexicon* lexicon, WordClasses* classes,
                    std::vector<std::string>* errors) {
  if (image) {
    lexicon->LoadImage(*image);
    classes->LoadImage(*image);
    return;
  }
  DataStore embedded;
  for (const AttrDictionary& d : kAttrDictionaries) {
    auto entries = embedded.Dictionary(d.name);
    if (!entries) continue;
    for (const std::string& w : *entries) lexicon->SetAttr(lexicon->AddExact(FoldCase(w)), d.attr);
  }
  classes->Load(lexicon, errors);
}

}  // namespace reviewlint
