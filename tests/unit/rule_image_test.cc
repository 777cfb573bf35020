// The rule image (src/rule_image.h) holds what start-up would compute from the embedded packs,
// dictionaries and lexicons: each table must be what the slow path computes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "files.h"
#include "lexicon.h"
#include "matcher.h"
#include "pattern_set.h"
#include "rule_image.h"
#include "rule_pack.h"
#include "tokenizer.h"
#include "word_classes.h"

namespace reviewlint {
namespace {

const RuleImage& Image() {
  const RuleImage* image = BuiltRuleImage();
  if (!image) throw std::runtime_error("the binary has no rule image");
  return *image;
}

TEST(RuleImage, WordsAreWhatLoadingTheListsGives) {
  Lexicon parsed, imaged;
  WordClasses parsed_classes, imaged_classes;
  std::vector<std::string> errors;
  LoadWordTables(nullptr, &parsed, &parsed_classes, &errors);
  LoadWordTables(&Image(), &imaged, &imaged_classes, &errors);
  EXPECT_TRUE(errors.empty());
  std::vector<std::string> words = parsed.ExactWords();
  ASSERT_GT(words.size(), 5000u);  // tone.tsv alone has thousands
  ASSERT_EQ(words, imaged.ExactWords());
  for (uint32_t id = 1; id <= words.size(); ++id) {
    EXPECT_EQ(imaged.FindExact(words[id - 1]), id) << words[id - 1];
    EXPECT_EQ(parsed.Attr(id), imaged.Attr(id)) << words[id - 1];
    const WordInfo &a = parsed_classes.Info(id), &b = imaged_classes.Info(id);
    EXPECT_TRUE(a.classes == b.classes && a.polarity == b.polarity && a.strength == b.strength &&
                a.tone == b.tone)
        << words[id - 1];
  }
  // A word added after the image's gets the next id, as it would after parsing.
  EXPECT_EQ(imaged.AddExact("zzyzx-not-a-word"), parsed.AddExact("zzyzx-not-a-word"));
  EXPECT_EQ(imaged.FindExact("zzyzx-not-a-word"), words.size() + 1);
}

TEST(RuleImage, PhraseWordsAreWhatSegmentingGives) {
  const RuleImage& image = Image();
  ASSERT_GT(image.phrase_count, 500u);
  Lexicon lexicon;
  WordKeyer keyer(&lexicon);
  Segmenter segmenter;
  for (uint32_t i = 0; i < image.phrase_count; ++i) {
    const ImagePhrase& p = image.phrases[i];
    std::vector<std::pair<std::string, std::string>> stored;
    for (uint32_t w = 0; w < p.word_count; ++w)
      stored.emplace_back(image.phrase_words[2 * (p.first_word + w)],
                          image.phrase_words[2 * (p.first_word + w) + 1]);
    EXPECT_EQ(stored, PhraseWords(p.phrase, segmenter, keyer)) << p.phrase;
  }
}

TEST(RuleImage, EmbeddedPacksAndRubricsAreTheirFilesParsed) {
  std::vector<std::string> files = DataStore::EmbeddedPackFiles();
  for (const std::string& f : DataStore::EmbeddedFiles("rules/rubrics/", ".json"))
    if (f != "rules/rubrics/schema.json") files.push_back(f);
  ASSERT_GE(files.size(), 6u);
  for (const std::string& f : files) {
    nlohmann::json from_image;
    ASSERT_TRUE(ImageJsonFile(f, &from_image)) << f;
    EXPECT_EQ(from_image, nlohmann::json::parse(*DataStore::Embedded(f))) << f;
  }
  nlohmann::json none;
  EXPECT_FALSE(ImageJsonFile("team/team.json", &none));
}

// Lines of prose to ask the patterns about: the corpus drafts and the examples, and text where
// case folding reaches ASCII from outside it (the Kelvin sign, the long s).
std::vector<std::string> Texts() {
  std::vector<std::string> texts = {
      "The \xE2\x84\xAA"
      "PI TBD",
      "Improved \xC5\xBF"
      "ignificantly",
      "she is XX% faster — she fixed it",
      "[Employee Name] did <Project> in {{ quarter }}",
      "Needs to improve. Room for growth.",
      ""};
  namespace fs = std::filesystem;
  for (const char* dir : {"tests/corpus/drafts", "examples"}) {
    for (const auto& entry :
         fs::directory_iterator(std::string(REVIEWLINT_SOURCE_DIR) + "/" + dir)) {
      auto text = ReadWholeFile(entry.path().string());
      if (!text) continue;
      size_t from = 0;
      for (size_t nl; (nl = text->find('\n', from)) != std::string::npos; from = nl + 1)
        texts.push_back(text->substr(from, nl - from));
    }
  }
  return texts;
}

TEST(RuleImage, PrefilteredPatternsMatchWhatOneSetMatches) {
  const RuleImage& image = Image();
  ASSERT_GT(image.pattern_count, 50u);
  PatternSet filtered(&image), one_set(nullptr);
  for (uint32_t i = 0; i < image.pattern_count; ++i) {
    ASSERT_EQ(filtered.Add(image.patterns[i].pattern, image.patterns[i].case_sensitive), "");
    ASSERT_EQ(one_set.Add(image.patterns[i].pattern, image.patterns[i].case_sensitive), "");
  }
  ASSERT_TRUE(filtered.Compile().empty());
  ASSERT_TRUE(one_set.Compile().empty());
  std::vector<std::string> texts = Texts();
  ASSERT_GT(texts.size(), 500u);
  size_t matches = 0;
  std::vector<int> a, b;
  // Round after round until the image's patterns have gone into the bulk set, and once more:
  // the prefilter with single patterns and the bulk set each answer as one set does.
  bool bulk_seen = false;
  for (int round = 0; round < 20 && !(bulk_seen && round > 1); ++round) {
    bulk_seen = filtered.UsesBulkSet();
    for (const std::string& text : texts) {
      filtered.Matching(text, &a);
      one_set.Matching(text, &b);
      std::sort(b.begin(), b.end());
      EXPECT_EQ(a, b) << text;
      matches += a.size();
    }
  }
  EXPECT_TRUE(filtered.UsesBulkSet());
  EXPECT_GT(matches, 100u);
}

}  // namespace
}  // namespace reviewlint
