// The matcher's word forms: inflections and {a|b} alternatives (src/matcher.h).
#include <gtest/gtest.h>

#include "matcher.h"

namespace reviewlint {
namespace {

TEST(Inflection, SameWordDifferentForms) {
  EXPECT_TRUE(SameInflectedWord("communicate", "communicated"));
  EXPECT_TRUE(SameInflectedWord("communicates", "communicating"));
  EXPECT_TRUE(SameInflectedWord("stop", "stopped"));
  EXPECT_TRUE(SameInflectedWord("goes", "going"));
  EXPECT_TRUE(SameInflectedWord("player", "players"));
  EXPECT_TRUE(SameInflectedWord("reply", "replied"));
  EXPECT_FALSE(SameInflectedWord("reliable", "reliability"));
  EXPECT_FALSE(SameInflectedWord("fair", "fairly"));
  EXPECT_FALSE(SameInflectedWord("depend", "dependable"));
}

TEST(Inflection, AlternativesExpand) {
  EXPECT_EQ(ExpandAlternatives("work on {his|her} code {a|b}"),
            (std::vector<std::string>{"work on his code a", "work on his code b",
                                      "work on her code a", "work on her code b"}));
  EXPECT_EQ(ExpandAlternatives("plain"), (std::vector<std::string>{"plain"}));
}

}  // namespace
}  // namespace reviewlint
