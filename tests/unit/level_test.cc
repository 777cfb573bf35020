// Rule levels: parsed once where the user writes them, and one function that says which applies.
#include <gtest/gtest.h>

#include "diagnostic.h"

namespace reviewlint {
namespace {

TEST(Level, ParsesTheFiveNamesAndPrintsThemBack) {
  for (const char* name : {"off", "on", "info", "warning", "error"}) {
    Level level;
    ASSERT_TRUE(ParseLevel(name, &level)) << name;
    EXPECT_STREQ(LevelName(level), name);
  }
  Level level;
  EXPECT_FALSE(ParseLevel("loud", &level));
  EXPECT_FALSE(ParseLevel("Off", &level));
  Severity s = Severity::kInfo;
  EXPECT_FALSE(SeverityOfLevel(Level::kOn, &s));
  EXPECT_TRUE(SeverityOfLevel(Level::kError, &s));
  EXPECT_EQ(s, Severity::kError);
}

TEST(Level, EffectiveLevelCommandLineThenFileRuleThenPack) {
  const LevelMap cli = {{"vagueness", Level::kError}, {"bias.personality", Level::kOff}};
  const LevelMap file = {{"vagueness.hedge", Level::kInfo},
                         {"bias", Level::kWarning},
                         {"balance", Level::kOff},
                         {"balance.missing-positive", Level::kOn}};
  struct Row {
    const char* rule;
    const LevelMap* file;
    std::optional<Level> want;
  } rows[] = {
      {"vagueness.hedge", &file, Level::kError},  // the command line's pack beats the file's rule
      {"bias.personality", &file, Level::kOff},   // the command line's rule
      {"bias.tone", &file, Level::kWarning},      // the file's pack
      {"balance.missing-positive", &file, Level::kOn},  // the file's rule beats its pack
      {"balance.no-next-step", &file, Level::kOff},
      {"metrics.vague-degree", &file, std::nullopt},  // nobody set it: its own severity
      {"bias.tone", nullptr, std::nullopt},
  };
  for (const Row& row : rows)
    EXPECT_EQ(EffectiveLevel(row.rule, cli, row.file), row.want) << row.rule;
}

}  // namespace
}  // namespace reviewlint
