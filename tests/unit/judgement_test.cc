// The sentences and drafts quoted in the judgement issues, each behaving as a careful reviewer
// would with the default packs: paraphrases the lists never named are caught by the feature
// layer, and what is not a problem stays quiet.
#include <gtest/gtest.h>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::Has;
using testing::HasRule;
using testing::Lint;

TEST(Judgement, EvaluativeWordsInFramesNoListNames) {
  EXPECT_TRUE(Has(Lint("Leo is a superb troubleshooter."), "vagueness.unsupported-evaluation",
                  "superb troubleshooter"));
  EXPECT_TRUE(Has(Lint("Excellent."), "vagueness.unsupported-evaluation", "Excellent"));
  EXPECT_TRUE(Has(Lint("He performed nicely this quarter."), "vagueness.unsupported-evaluation",
                  "performed nicely"));
  EXPECT_TRUE(Has(Lint("He had a strong year."), "vagueness.unsupported-evaluation", "strong year"));
  // The same words with what lies behind them are fine.
  EXPECT_FALSE(HasRule(
      Lint("Leo is a superb troubleshooter: he traced the March ledger drift to a clock skew in 40 "
           "minutes."),
      "vagueness."));
}

TEST(Judgement, CriticismOfTheWorkWithNoNextStep) {
  EXPECT_TRUE(HasRule(Lint("He often ships without docs."), "balance.no-next-step"));
  EXPECT_TRUE(HasRule(Lint("The plans are sloppy."), "vagueness."));
  EXPECT_TRUE(HasRule(Lint("The plans are sloppy."), "balance.no-next-step"));
  // A step in the same paragraph, or in the next one on the same topic, answers it.
  EXPECT_FALSE(HasRule(
      Lint("His estimates run long.\n\nBefore estimating, he will break each project into tasks "
           "of two days and go through the estimates with me weekly.\n"),
      "balance.no-next-step"));
  // A thing that failed is not a criticism of the person.
  EXPECT_FALSE(HasRule(Lint("The integration is live, and the old cache was slow."),
                       "balance.no-next-step"));
}

TEST(Judgement, AchievementsWithAVagueSize) {
  EXPECT_TRUE(HasRule(Lint("Support tickets went down a lot."), "metrics.vague-degree"));
  EXPECT_TRUE(HasRule(Lint("He completed all his goals before time."),
                      "metrics.unmeasured-achievement"));
  EXPECT_FALSE(HasRule(Lint("She will deliver the results by Q3."), "metrics."));
  EXPECT_FALSE(HasRule(Lint("However, she has been unable to complete assignments on time."),
                       "metrics.unmeasured-achievement"));
}

TEST(Judgement, PersonalityAndCodedWording) {
  EXPECT_TRUE(HasRule(Lint("She is returning from maternity leave."), "bias.coded-wording"));
  EXPECT_TRUE(HasRule(Lint("She is naïve."), "bias."));
  EXPECT_TRUE(HasRule(Lint("He needs a better attitude."), "bias.trait-judgement"));
  EXPECT_TRUE(HasRule(Lint("He lacks executive presence."), "bias.coded-wording"));
  EXPECT_TRUE(HasRule(Lint("She is a great culture fit."), "bias.coded-wording"));
  EXPECT_TRUE(HasRule(Lint("He brings youthful energy."), "bias.coded-wording"));
  // A trait word about a thing is not about the person.
  EXPECT_FALSE(HasRule(Lint("The retry policy was too aggressive for the payments API."), "bias."));
}

TEST(Judgement, HedgesAndDemandsWithoutAStep) {
  EXPECT_TRUE(Has(Lint("I think she did well."), "vagueness.hedge", "I think"));
  EXPECT_TRUE(Has(Lint("Her design was pretty good."), "vagueness.hedge", "pretty"));
  EXPECT_TRUE(HasRule(Lint("She needs to show more ownership."), "vagueness.vague-step"));
  EXPECT_TRUE(HasRule(Lint("He could maybe be a bit more proactive."), "vagueness."));
  // "110%" is a figure of speech: it does not make stock praise specific.
  EXPECT_TRUE(Has(Lint("I'm a hard worker and I always give 110%."), "vagueness.generic-praise",
                  "hard worker"));
}

TEST(Judgement, ASelfReviewWhoseStepFollows) {
  auto found = Lint(
      "I didn't do enough on career development. Two people asked me for a promotion path and I "
      "still haven't written one. I'll have a written path for both by the end of July.\n");
  EXPECT_FALSE(HasRule(found, "balance.no-next-step"));
}

TEST(Judgement, ConstructiveFeedbackIsNotMissing) {
  auto found = Lint(
      "---\nemployee: Chloé Martin\n---\nChloé rebuilt the export pipeline this year, which cut "
      "the nightly run from 3 hours to 40 minutes. She led the schema review for the ledger and "
      "her design was adopted by two other teams. She mentored two new engineers through their "
      "first on-call shifts.\n\nChloé should write design docs before starting work; from Q2 we "
      "will review each one together.\n");
  EXPECT_FALSE(HasRule(found, "balance.missing-constructive"));
}

TEST(Judgement, AnImprovementPlanIsNotAReview) {
  auto found = Lint(
      "---\nemployee: Kevin Doyle\n---\n# Performance Improvement Plan: Kevin Doyle\n\n"
      "## Background\n\nKevin missed three of the last four sprint commitments.\n\n"
      "## Goal\n\nKevin consistently delivers the sprint work he commits to.\n\n"
      "## Actions\n\n- Kevin needs to show more ownership and a better attitude toward the team.\n"
      "- Kevin will break each story into tasks of two days or less before sprint planning.\n\n"
      "## Timeline\n\n60 days, with weekly check-ins.\n\n"
      "## Support\n\nHis manager will review his sprint plan with him every Monday.\n\n"
      "## Metrics\n\nAt least 9 of 10 committed stories delivered in each sprint.\n");
  EXPECT_FALSE(HasRule(found, "rubric.")) << "a plan gets no rubric coverage findings";
  EXPECT_FALSE(HasRule(found, "vagueness.generic-praise")) << "a Goal is not praise";
  EXPECT_FALSE(Has(found, "balance.no-next-step",
                   "Kevin missed three of the last four sprint commitments."))
      << "the plan below is the background's next step";
  EXPECT_TRUE(HasRule(found, "vagueness.vague-step"));
  EXPECT_TRUE(HasRule(found, "bias.trait-judgement"));
  EXPECT_TRUE(HasRule(found, "pip.timeline-without-dates")) << "60 days is a length, not a date";
}

TEST(Judgement, TemplateLeftovers) {
  auto colleagues = Lint(
      "---\nemployee: Priya Raman\n---\nShe paired with John on the migration. She mentored Jane "
      "and Omar.\n");
  EXPECT_FALSE(HasRule(colleagues, "template.leftover-name"));
  auto stand_in = Lint("---\nemployee: Priya Raman\n---\nJohn is a good communicator.\n");
  EXPECT_TRUE(HasRule(stand_in, "template.leftover-name"));
  auto headings = Lint("# Review: {{employee}}\n\n### X% growth\n\n# TODO: title\n");
  EXPECT_TRUE(HasRule(headings, "template.merge-field"));
  EXPECT_TRUE(HasRule(headings, "template.placeholder-number"));
  EXPECT_TRUE(HasRule(headings, "template.todo-marker"));
}

TEST(Judgement, NoRubricForReviewsOfOtherRoles) {
  auto found = Lint(
      "Dana closed more deals than anyone on the sales team this quarter. She is a great "
      "salesperson and her clients trust her. She should delegate more of the paperwork.\n");
  EXPECT_FALSE(HasRule(found, "rubric.uncovered"));
}

}  // namespace
}  // namespace reviewlint
