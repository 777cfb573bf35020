// Unit tests of src/diagnostic.h: message templates and one-line excerpts.
#include "diagnostic.h"

#include <gtest/gtest.h>

namespace reviewlint {
namespace {

TEST(FillMessage, ReplacesEveryPlaceholderOfEveryKey) {
  EXPECT_EQ(FillMessage("\"{match}\" is vague; {match} again", {{"match", "good"}}),
            "\"good\" is vague; good again");
  EXPECT_EQ(FillMessage("{positive} praise, {negative} criticism",
                        {{"positive", "3"}, {"negative", "0"}}),
            "3 praise, 0 criticism");
}

TEST(FillMessage, LeavesOtherBracesAlone) {
  EXPECT_EQ(FillMessage("{ {x} {match", {{"match", "m"}}), "{ {x} {match");
  EXPECT_EQ(FillMessage("", {{"match", "m"}}), "");
}

// One pass: a value that holds a placeholder is not filled again (it used to loop forever when a
// value held its own key).
TEST(FillMessage, AValueIsNotFilledAgain) {
  EXPECT_EQ(FillMessage("no {field}", {{"field", "{field}"}}), "no {field}");
  EXPECT_EQ(FillMessage("{a}{b}", {{"a", "{b}"}, {"b", "x"}}), "{b}x");
}

TEST(OneLine, LineBreaksAndTabsBecomeSpaces) { EXPECT_EQ(OneLine("a\r\nb\tc"), "a  b c"); }

}  // namespace
}  // namespace reviewlint
