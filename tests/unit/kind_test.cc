// Kinds of document (src/kind.h): what decides the kind, why it says so, and the checks each
// kind gets.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kind.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::HasRule;
using testing::RunCli;

LintResult LintDoc(const std::string& text) {
  const Engine& e = testing::DefaultEngine();
  Workspace ws(e);
  SourceFile src("t.md", text);
  return e.Lint(src, *MarkupByName("markdown"), ws);
}

TEST(Kind, FrontMatterTypeNamesEveryKind) {
  EXPECT_EQ(DraftKind({.type = "peer"}).name, kPeerFeedback);
  EXPECT_EQ(DraftKind({.type = "Peer feedback"}).why, "front matter type: Peer feedback");
  EXPECT_EQ(DraftKind({.type = "improvement plan"}).name, kImprovementPlan);
  EXPECT_EQ(DraftKind({.type = "self-review"}).why, "front matter type: self-review");
  EXPECT_EQ(KindPlural(kPeerFeedback), "peer feedback");
}

TEST(Kind, APlanByItsFields) {
  DocumentKind k = DraftKind({.plan_fields = {"Goal", "Timeline", "Support"}});
  EXPECT_EQ(k.name, kImprovementPlan);
  EXPECT_EQ(k.why, "headings Goal, Timeline, Support");
  // Two fields, or three without a goal or actions, are a review that has a timeline.
  EXPECT_EQ(DraftKind({.plan_fields = {"Goal", "Timeline"}}).name, kReview);
  EXPECT_EQ(DraftKind({.plan_fields = {"Timeline", "Support", "Metrics"}}).name, kReview);
}

TEST(Kind, PeerWording) {
  DocumentKind k = DraftKind(
      {.prose = "As her teammate on the payments squad, I saw Mia rebuild the retry logic.",
       .words = 15});
  EXPECT_EQ(k.name, kPeerFeedback);
  EXPECT_EQ(k.why, "wording \"as her teammate\"");
}

// The peer wording is looked for only where a stem of it is, in one of the cases it is listed
// in: at the very start and end of the draft, in capitals, and not in mixed case.
TEST(Kind, PeerWordingNeedsAStemInOneOfItsCases) {
  auto kind = [](const char* prose) { return DraftKind({.prose = prose, .words = 12}).name; };
  EXPECT_EQ(kind("Peer feedback on the payments work"), kPeerFeedback);
  EXPECT_EQ(kind("The payments work, as a fellow engineer"), kPeerFeedback);
  EXPECT_EQ(kind("AS A TEAMMATE ON THE PAYMENTS WORK"), kPeerFeedback);
  EXPECT_EQ(kind("As a teaMMate on the payments work"), kReview);
  EXPECT_EQ(kind("pEEr feedback on the payments work"), kReview);
  EXPECT_EQ(kind("A yellow feedback board and fellows"), kReview);
}

TEST(Kind, AReviewWrittenToTheReviewee) {
  // "I" now and then, "you" throughout: a manager writing to the reviewee.
  EXPECT_EQ(DraftKind({.prose = "Great job! You've been a great contributor, I know it's been "
                                "hard. I hope you come to me with your questions about your work.",
                       .words = 24})
                .name,
            kReview);
}

TEST(Kind, TheLintKnowsThePlanAndSaysWhy) {
  const std::string plan =
      "# Kevin Doyle\n\n## Goal\n\nKevin delivers the sprint work he commits to.\n\n## Actions\n\n"
      "Kevin splits each story into tasks of two days.\n\n## Timeline\n\nCheck-ins on 16 March "
      "and 30 March.\n";
  LintResult r = LintDoc(plan + "\n## Support\n\nWeekly planning with his manager.\n");
  EXPECT_EQ(r.scorecard.kind.name, "improvement-plan");
  EXPECT_EQ(r.scorecard.kind.why, "headings Goal, Actions, Timeline, Support");
  EXPECT_TRUE(HasRule(testing::Lint(plan), "pip.missing-field"))
      << "a plan without its Support and Metrics";
}

TEST(Kind, PeerFeedbackGetsNoRubric) {
  const std::string text =
      "Mia rebuilt the retry logic in the payments client and cut failed webhooks from 3% to "
      "0.2%. She wrote unit tests for every handler she touched and reviewed my pull requests "
      "the same day. She explained the deploy pipeline to me when I joined.\n";
  EXPECT_TRUE(HasRule(testing::Lint(text), "rubric.uncovered"));
  LintResult r = LintDoc("---\ntype: peer\n---\n" + text);
  EXPECT_EQ(r.scorecard.kind.name, "peer-feedback");
  EXPECT_FALSE(HasRule(testing::Lint("---\ntype: peer\n---\n" + text), "rubric."));
}

TEST(Kind, ASelfReviewIsSpokenToAsYou) {
  LintResult r = LintDoc(
      "This year I led the billing migration and my plan cut costs by 20%. I'm a hard worker and "
      "I always give my best. I wrote the runbook for the refunds service and I ran the on-call "
      "rota for the team.\n");
  EXPECT_EQ(r.scorecard.kind.name, "self-review");
  EXPECT_EQ(r.scorecard.kind.why.rfind("first person: ", 0), 0u) << r.scorecard.kind.why;
  bool praise = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule != "vagueness.generic-praise") continue;
    praise = true;
    EXPECT_NE(d.message.find("say what you did"), std::string::npos) << d.message;
  }
  EXPECT_TRUE(praise);
  EXPECT_EQ(ToTheWriter("what did they do, and what changed?"),
            "what did you do, and what changed?");
  EXPECT_EQ(ToTheWriter("The review is all praise"), "The self-review is all praise");
}

TEST(Kind, SummaryAndJsonSayTheKindAndWhy) {
  const std::string text = "---\ntype: self-review\n---\nI wrote the runbook.\n";
  auto json = nlohmann::json::parse(RunCli("--format json --stdin-filename d.md -", text).out);
  EXPECT_EQ(json["files"][0]["kind"]["name"], "self-review");
  EXPECT_EQ(json["files"][0]["kind"]["why"], "front matter type: self-review");
  auto text_out = RunCli("--color never --summary --stdin-filename d.md -", text).out;
  EXPECT_NE(text_out.find("kind: self-review (front matter type: self-review)"), std::string::npos)
      << text_out;
}

}  // namespace
}  // namespace reviewlint
