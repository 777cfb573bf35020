// The text output as people read it: one snippet per source line with a labelled underline per
// finding, a note for the review as a whole, line order, spans across lines, help lines.
#include <gtest/gtest.h>

#include "emit/merge_messages.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::Contains;
using testing::Count;
using testing::RunCli;

TEST(TextOutput, FindingsOnOneLineShareOneSnippet) {
  CliResult r = RunCli("--color never examples/vague-review.md");
  EXPECT_EQ(Count(r.out, "  11 | José is a good communicator"), 1u) << r.out;
  EXPECT_TRUE(Contains(
      r.out,
      "  11 | José is a good communicator and a real team player. He always goes above and "
      "beyond,\n"
      "     |           ^~~~~~~~~~~~~~~~~ vagueness.generic-praise\n"
      "     |                                        ^~~~~~~~~~~ vagueness.generic-praise\n"
      "     |                                                               ^~~~~~~~~~~~~~~~~~~~~ "
      "vagueness.generic-praise\n"))
      << r.out;
  // Every finding keeps its own located header line.
  EXPECT_TRUE(Contains(r.out, "examples/vague-review.md:11:40: warning: \"team player\"")) << r.out;
}

// A short draft: five rubric categories uncovered, once printed as five carets after its last
// character with the same excerpt.
const char* kShortDraft =
    "---\nrubric: engineering-manager\n---\nShe joined in March. She did the work this year and "
    "the team "
    "liked it a lot and the project went well overall in the end and everyone was happy with how "
    "it all turned out for the group this time around, really.\n";

TEST(TextOutput, WholeReviewFindingsAreOneNote) {
  // (balance off: the draft is all praise, and one kind of whole-review finding is enough here)
  CliResult r = RunCli("--color never --rule balance=off --stdin-filename a.md -", kShortDraft);
  EXPECT_EQ(r.out,
            "a.md: warning: The review never covers People Development (25%), Team Delivery "
            "(20%), Hiring and Team Building (15%), Technical Direction (15%), Cross-team "
            "Collaboration (15%) of the engineering-manager rubric [rubric.uncovered]\n"
            "a.md: info: The review never covers Process and Operations (10% of the "
            "engineering-manager rubric) [rubric.uncovered]\n"
            "    = help: Add a sentence with evidence for the category: what the person did in "
            "it, and what came of it. [rubric.uncovered]\n"
            "5 warnings, 1 info in 1 file.\n");
  // -q: the note's lines, no help.
  CliResult q = RunCli("-q --color never --rule balance=off --stdin-filename a.md -", kShortDraft);
  EXPECT_EQ(Count(q.out, "\n"), 2u) << q.out;
  EXPECT_FALSE(Contains(q.out, "help:")) << q.out;
}

TEST(TextOutput, FindingsComeInLineOrder) {
  // The empty System Design section is a whole-review rule's finding at line 3; the findings at
  // lines 1 and 10 come from span rules.
  const char* draft =
      "He is a good communicator.\n\n## System Design\n\n## Delivery\n\n"
      "She cut the p99 latency of the checkout API from 480 ms to 210 ms in March, shipped the "
      "refund\nexport two weeks early, fixed the flaky billing tests, reviewed forty pull\n"
      "requests with clear notes, and mentored two new engineers through their first on-call "
      "shifts.\nHer code reviews are somewhat slow.\n";
  CliResult r = RunCli("-q --color never --stdin-filename a.md -", draft);
  size_t one = r.out.find("a.md:1:9:"), three = r.out.find("a.md:3:4:"),
         ten = r.out.find("a.md:10:22:");
  ASSERT_NE(three, std::string::npos) << r.out;
  EXPECT_LT(one, three) << r.out;
  EXPECT_LT(three, ten) << r.out;
}

TEST(TextOutput, SpansAcrossLinesAreDrawnOverTheirLines) {
  CliResult r = RunCli("--color never --stdin-filename a.md -",
                       "She reduced latency\non the checkout service. He is a good\n"
                       "communicator and a team player.\n");
  EXPECT_TRUE(Contains(r.out,
                       "  1 | She reduced latency\n"
                       "    |     ^~~~~~~~~~~~~~~\n"
                       "  2 | on the checkout service. He is a good\n"
                       "    | ~~~~~~~~~~~~~~~ metrics.unmeasured-impact\n"
                       "    |                                  ^~~~\n"
                       "  3 | communicator and a team player.\n"
                       "    | ~~~~~~~~~~~~ vagueness.generic-praise\n"
                       "    |                    ^~~~~~~~~~~ vagueness.generic-praise\n"))
      << r.out;
}

TEST(TextOutput, HelpOncePerRulePerFileAndNotWithQuiet) {
  CliResult r = RunCli("--color never examples/vague-review.md");
  EXPECT_EQ(Count(r.out, "= help: "), 8u) << r.out;  // one per rule found
  EXPECT_EQ(Count(r.out, " vagueness.generic-praise\n     = help: Name one piece of work"), 1u)
      << r.out;
  EXPECT_EQ(Count(r.out, "= help: State the observation"), 1u) << r.out;
  CliResult q = RunCli("-q --color never examples/vague-review.md");
  EXPECT_FALSE(Contains(q.out, "help:")) << q.out;
}

TEST(MergeMessages, OneLineWhenTheyShareAForm) {
  EXPECT_EQ(MergeMessages({"The review never covers Delivery (10% of the x rubric)",
                           "The review never covers Continuous Improvement (10% of the x rubric)"}),
            std::vector<std::string>{
                "The review never covers Delivery (10%), Continuous Improvement (10%) of the x "
                "rubric"});
  EXPECT_EQ(MergeMessages({"The plan has no Goal field", "The plan has no Timeline field"}),
            std::vector<std::string>{"The plan has no Goal, Timeline field"});
  std::vector<std::string> apart = {"Goal is missing", "A timeline needs dates"};
  EXPECT_EQ(MergeMessages(apart), apart);
  // A message that says more than the others does not share their form.
  std::vector<std::string> more = {
      "The review never covers Delivery (10% of the x rubric)",
      "The review never covers Design (10% of the x rubric); line 3 mentions \"design\" but only "
      "as a plan or a wish, not as work done"};
  EXPECT_EQ(MergeMessages(more), more);
  std::vector<std::string> one = {"Only one"};
  EXPECT_EQ(MergeMessages(one), one);
}

}  // namespace
}  // namespace reviewlint
