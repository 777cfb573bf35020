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
  EXPECT_TRUE(
      Has(Lint("He had a strong year."), "vagueness.unsupported-evaluation", "strong year"));
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
  EXPECT_TRUE(
      HasRule(Lint("He completed all his goals before time."), "metrics.unmeasured-achievement"));
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
  EXPECT_FALSE(
      Has(found, "balance.no-next-step", "Kevin missed three of the last four sprint commitments."))
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

namespace reviewlint {
namespace {

LintResult LintFull(const std::string& text) {
  const Engine& e = testing::DefaultEngine();
  Workspace ws(e);
  SourceFile src("t.md", text);
  return e.Lint(src, *MarkupByName("markdown"), ws);
}

const Diagnostic* Uncovered(const LintResult& r, const std::string& category) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule == "rubric.uncovered" && d.data.value("category", "") == category) return &d;
  return nullptr;
}

// The plan of issue 15, as its fields alone: no "Performance Improvement Plan" heading.
const char* const kKevinsPlan =
    "---\nemployee: Kevin Doyle\n---\n# Kevin Doyle: the next 60 days\n\n"
    "**Goal:** Kevin consistently delivers the sprint work he commits to.\n\n"
    "**Actions:** Kevin will break each story into tasks of two days or less before sprint "
    "planning, open a pull request for each task, and ask for a code review before each deploy.\n\n"
    "**Timeline:** From 2 March, with check-ins on 16 March, 30 March and 13 April.\n\n"
    "**Support:** His manager will review his sprint plan with him every Monday, and Priya will "
    "pair with him on the on-call handover.\n\n"
    "**Metrics:** At least 9 of 10 committed stories delivered in each sprint.\n";

TEST(Judgement, APlanKnownByItsFieldsIsNotAReview) {
  auto found = Lint(kKevinsPlan);
  EXPECT_FALSE(HasRule(found, "rubric.")) << "a plan gets no rubric coverage findings";
  EXPECT_FALSE(HasRule(found, "vagueness.generic-praise")) << "a Goal is not praise";
  EXPECT_FALSE(HasRule(found, "metrics.")) << "a Goal is not an achievement claim";
  // The plan checks read it: without dates its timeline is flagged.
  std::string undated = kKevinsPlan;
  undated.replace(undated.find("From 2 March, with check-ins on 16 March, 30 March and 13 April"),
                  62, "60 days, with weekly check-ins");
  EXPECT_TRUE(HasRule(Lint(undated), "pip.timeline-without-dates"));
}

// Evidence of Code Quality, Problem Solving and Delivery.
const char* const kTestsAndOutage =
    "She wrote unit tests for each handler, and coverage rose from 52% to 81% this half. During "
    "the May outage she traced the root cause to a pool leak in an hour and shipped the fix the "
    "same day.";

TEST(Judgement, StockPraiseUnderACategoryHeadingIsNotCoverage) {
  LintResult r =
      LintFull("---\nrubric: backend-developer\n---\n## Code quality\n\n" +
               std::string(kTestsAndOutage) + "\n\n## Teamwork\n\nAlex is a great team player.\n");
  const Diagnostic* d = Uncovered(r, "Collaboration");
  ASSERT_NE(d, nullptr) << "\"a great team player\" is not evidence of collaboration";
  EXPECT_NE(d->message.find("line 10 under \"Teamwork\" is only a verdict"), std::string::npos)
      << d->message;
  EXPECT_EQ(Uncovered(r, "Code Quality"), nullptr);
  EXPECT_EQ(Uncovered(r, "Problem Solving"), nullptr);
}

TEST(Judgement, AJobTitleIsNotCoverage) {
  LintResult r = LintFull(
      "---\nrubric: frontend-engineer\n---\n# Sam Lee, UX Engineer\n\nSam rebuilt the settings "
      "page in React and cut its bundle from 410 KB to 180 KB. He wrote component tests for every "
      "settings panel and paired with the backend team on the release. In March he moved the "
      "settings calls behind a cache, and the page now loads in 1.2 seconds, down from 3.4.\n");
  const Diagnostic* d = Uncovered(r, "User Experience");
  ASSERT_NE(d, nullptr) << "\"UX Engineer\" in a title is not user-experience work";
  EXPECT_NE(d->message.find("only in a heading or a title"), std::string::npos) << d->message;
}

TEST(Judgement, APlanForNextYearIsNotCoverage) {
  LintResult r = LintFull(
      "---\nrubric: backend-developer\n---\n" + std::string(kTestsAndOutage) +
      " She designed the ledger schema and wrote the RFC for its sharding. She automated the "
      "release checklist, which saved 40 minutes a release.\n\nNext half she will mentor the two "
      "new hires on the payments team.\n");
  const Diagnostic* d = Uncovered(r, "Collaboration");
  ASSERT_NE(d, nullptr) << "a plan is not evidence";
  EXPECT_NE(d->message.find("only as a plan"), std::string::npos) << d->message;
  // The same work, done, covers it.
  LintResult done = LintFull(
      "---\nrubric: backend-developer\n---\nShe paired with the mobile team every week on the "
      "payments rollout and onboarded two of their engineers.\n");
  EXPECT_EQ(Uncovered(done, "Collaboration"), nullptr);
}

using testing::HasRule;
using testing::Lint;

// Claims sized by nothing, in words no achievement verb names (metrics).
TEST(Judgement, ClaimsWithoutAnAchievementVerb) {
  EXPECT_TRUE(HasRule(Lint("His timeliness and efficiency are all above his peers."),
                      "metrics.unmeasured-achievement"));
  EXPECT_TRUE(HasRule(Lint("His numbers continue to impress."), "metrics.unmeasured-achievement"));
  EXPECT_TRUE(HasRule(Lint("This worker always turns in great results."),
                      "metrics.unmeasured-achievement"));
  // A figure sizes it; a ranking inside a plan is not a claim.
  EXPECT_FALSE(HasRule(Lint("His close rate is 12 points above his peers."),
                       "metrics.unmeasured-achievement"));
  EXPECT_FALSE(HasRule(Lint("He will need to rank above his peers by June."),
                       "metrics.unmeasured-achievement"));
}

// A criticism in words no cue knows is still a criticism when the sentence sounds negative; a
// counted incident is not (it is specific).
TEST(Judgement, CriticismByItsTone) {
  EXPECT_TRUE(HasRule(Lint("Isaac was very tough to work with and frustrating in meetings."),
                      "balance.no-next-step"));
  EXPECT_TRUE(HasRule(Lint("Alecia has difficulty locating the information she needs."),
                      "balance.no-next-step"));
  EXPECT_FALSE(
      HasRule(Lint("Export job: zero silent failures; every failure alerts within one hour."),
              "balance.no-next-step"));
}

// The whole-review balance: praise that sounds backhanded is not a strength, and a ceiling
// remark is not something to improve.
TEST(Judgement, BalanceVerdictsReadTheTone) {
  const std::string praise_and_ceiling =
      "Eloise was an absolute pleasure to work with. She did great work and met all of her "
      "deadlines this year. Unfortunately I did not see any room for growth.\n";
  EXPECT_TRUE(HasRule(Lint(praise_and_ceiling), "balance.missing-constructive"));
  const std::string backhanded =
      "George is not a reliable member of our team since he frequently skirts assignments and "
      "relies on others to draft major portions. He is a good worker on paper but lazy and "
      "careless in practice. His reports are careless and riddled with errors.\n";
  EXPECT_TRUE(HasRule(Lint(backhanded), "balance.missing-positive"));
}

// A step written before a criticism is the step for something else, and a request made in the
// past ("I asked her to ...") is not a step.
TEST(Judgement, TheStepComesAfterTheCriticism) {
  EXPECT_TRUE(HasRule(Lint("Sana wants to move into analytics, and she has booked a SQL course for "
                           "next month. Her sales reports are often late and full of errors.\n"),
                      "balance.no-next-step"));
  EXPECT_TRUE(HasRule(Lint("Her sales reports are often late and full of errors. I asked her to "
                           "be more careful twice.\n"),
                      "balance.no-next-step"));
  EXPECT_FALSE(HasRule(Lint("Her sales reports are often late and full of errors. From next "
                            "month she will send each one to Omar for a check by Thursday.\n"),
                       "balance.no-next-step"));
}

// What counts as a strength: the writer's warmth about the reviewee ("I love his ..."), praise
// of potential ("very high potential"), praise with a faint negative word ("works very hard");
// and one criticism with no strength at all is missing the positive side.
TEST(Judgement, WhatCountsAsAStrength) {
  EXPECT_FALSE(HasRule(Lint("Marco has struggled to find his way around the billing code and "
                            "his first reports had errors. I love his curiosity about the domain "
                            "and he signed up for the finance course next month.\n"),
                       "balance.missing-positive"));
  EXPECT_FALSE(HasRule(Lint("Marco often misses the Monday deadline for the sales summary. I can "
                            "see him having very high potential, as he does work very hard.\n"),
                       "balance.missing-positive"));
  EXPECT_TRUE(HasRule(Lint("Over the last quarter Marco has often missed the Monday deadline for "
                           "the weekly sales summary.\n"),
                      "balance.missing-positive"));
  // A limit is not praise ("at best"), nor is praise the reviewee is said to lack.
  EXPECT_TRUE(HasRule(Lint("Marco's forecasts are average at best. He shows little enthusiasm "
                           "for learning the new tools, improving the process or sharing ideas.\n"),
                      "balance.missing-positive"));
  // A shortfall turned around is a strength.
  EXPECT_FALSE(HasRule(Lint("Marco often misses the Monday deadline for the sales summary. He "
                            "rarely makes mistakes in the figures themselves.\n"),
                       "balance.missing-positive"));
}

// What counts as constructive: a criticism word that is negated is not one; the writer's own
// plans ("we need to understand", "we should keep him") are not something the reviewee can act
// on; a ceiling remark in any wording is not one; advice to the reviewee in words no list names
// is one, even after "I think that ...".
TEST(Judgement, WhatCountsAsConstructive) {
  EXPECT_TRUE(HasRule(Lint("Priyanka writes careful release notes. She closes every ticket with no "
                           "problems and I have never spotted a mistake in her reports.\n"),
                      "balance.missing-constructive"));
  EXPECT_TRUE(HasRule(Lint("Omar is a dependable analyst who turns in clean reports. We need to "
                           "understand how to keep him, and we should do everything we can to "
                           "make sure he has what he needs to succeed.\n"),
                      "balance.missing-constructive"));
  EXPECT_TRUE(HasRule(Lint("Lena is a dependable analyst and her reports are excellent. She "
                           "doesn't show any room for improvement. We are not sure we see her "
                           "moving much further in the company.\n"),
                      "balance.missing-constructive"));
  // A word of a criticism list in a sentence that only sounds positive is not criticism.
  EXPECT_TRUE(HasRule(Lint("Priya closes her tickets on time and her reports are thorough. Her "
                           "attitude and outlook improve the mood of the whole team.\n"),
                      "balance.missing-constructive"));
  EXPECT_FALSE(HasRule(Lint("Lena is a dependable analyst and her reports are excellent. Lena "
                            "should seek out harder projects to gain exposure.\n"),
                       "balance.missing-constructive"));
  EXPECT_FALSE(HasRule(Lint("Lena is a dependable analyst and her reports are excellent. I think "
                            "that with a bit more structure in her week, she could take on a "
                            "larger account.\n"),
                       "balance.missing-constructive"));
  EXPECT_FALSE(HasRule(Lint("Lena is a dependable analyst and her reports are excellent. Some "
                            "extra training in the new ledger tool is needed.\n"),
                       "balance.missing-constructive"));
}

}  // namespace
}  // namespace reviewlint
