// The team report's parts on their own: number and name formatting, the kind of a draft, each
// outlier test, drafts of different kinds kept apart, and a page for 5,000 drafts.
#include <gtest/gtest.h>

#include <sstream>

#include "kind.h"
#include "report/format.h"
#include "report/html.h"
#include "report/outliers.h"
#include "report/report.h"
#include "test_util.h"

namespace reviewlint::report {
namespace {

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST(ReportFormat, FixedCountedShare) {
  EXPECT_EQ(Fixed(7.25, 1), "7.2");
  EXPECT_EQ(Fixed(3, 0), "3");
  EXPECT_EQ(Counted(1, "review"), "1 review");
  EXPECT_EQ(Counted(0, "review"), "0 reviews");
  EXPECT_EQ(Counted(2, "personality/trait word"), "2 personality/trait words");
  EXPECT_EQ(Counted(1, "personality/trait word"), "1 personality/trait word");
  EXPECT_EQ(Counted(3, "analysis", "analyses"), "3 analyses");
  EXPECT_EQ(Share(3, 4), "75%");
  EXPECT_EQ(Share(0, 4), "0%");
  EXPECT_EQ(Share(0, 0), "-");
  EXPECT_EQ(AsciiLower("Self-Review Ë"), "self-review Ë");
}

TEST(ReportFormat, ShortestUniqueSuffixes) {
  EXPECT_EQ(ShortestUniqueSuffixes({"team-a/review.md", "team-b/review.md", "reviews/ana.md"}),
            (std::vector<std::string>{"team-a/review.md", "team-b/review.md", "ana.md"}));
  EXPECT_EQ(ShortestUniqueSuffixes({"x/a/2026/review.md", "y/b/2026/review.md", "z/c.md"}),
            (std::vector<std::string>{"a/2026/review.md", "b/2026/review.md", "c.md"}));
  // A path that is the tail of another, and identical paths, keep their whole path.
  EXPECT_EQ(ShortestUniqueSuffixes({"review.md", "old/review.md", "a.md", "a.md"}),
            (std::vector<std::string>{"review.md", "old/review.md", "a.md", "a.md"}));
  EXPECT_EQ(ShortestUniqueSuffixes({"/abs/x.md", "/other/abs/x.md"}),
            (std::vector<std::string>{"/abs/x.md", "other/abs/x.md"}));
  EXPECT_TRUE(ShortestUniqueSuffixes({}).empty());
}

TEST(ReportKind, FrontMatterTypeDecidesFirst) {
  EXPECT_EQ(DraftKind({.type = "self-review"}).name, kSelfReview);
  EXPECT_EQ(DraftKind({.type = "Self assessment"}).name, kSelfReview);
  EXPECT_EQ(DraftKind({.type = "PIP"}).name, kImprovementPlan);
  EXPECT_EQ(DraftKind({.type = "performance improvement plan"}).name, kImprovementPlan);
  // An explicit review stays a review, whatever the text.
  EXPECT_EQ(
      DraftKind({.type = "annual review", .plan_heading = true, .prose = "I did it.", .words = 3})
          .name,
      kReview);
}

TEST(ReportKind, PipSectionSameNamesAndFirstPerson) {
  EXPECT_EQ(DraftKind({.plan_heading = true}).name, kImprovementPlan);
  EXPECT_EQ(DraftKind({.employee = "Ana Costa", .reviewer = "ana costa"}).name, kSelfReview);
  EXPECT_EQ(DraftKind({.employee = "Ana Costa", .reviewer = "Ben Adeyemi"}).name, kReview);
  std::string self =
      "This year I led the billing migration. My plan cut costs by 20%. I'm proud of it, and "
      "I would like to mentor more.";
  EXPECT_EQ(DraftKind({.prose = self, .words = 23}).name, kSelfReview);
  // A manager who writes "I" now and then, about someone else, writes a review.
  std::string manager =
      "She led the billing migration and her plan cut costs by 20%. I will review her next plan "
      "each sprint. He and she paired on it; his tests caught two bugs.";
  EXPECT_EQ(DraftKind({.prose = manager, .words = 30}).name, kReview);
  EXPECT_EQ(DraftKind({}).name, kReview);
  EXPECT_EQ(KindPlural(kImprovementPlan), "improvement plans");
  EXPECT_EQ(KindPlural(kSelfReview), "self-reviews");
}

ReviewReport Draft(const std::string& path, size_t words, int evaluative = 10, int specific = 5) {
  ReviewReport r;
  r.path = path;
  r.scorecard.words = words;
  r.scorecard.evaluative = evaluative;
  r.scorecard.specific = specific;
  r.scorecard.weighted_coverage = 60;
  return r;
}

// A group of ten 200-word drafts, half their evaluative sentences concrete, no trait words or
// hedges, plus `extra`.
Group Baseline(std::vector<ReviewReport>* reviews, const ReviewReport& extra) {
  reviews->clear();
  for (int i = 0; i < 10; ++i) reviews->push_back(Draft("r" + std::to_string(i), 200));
  reviews->push_back(extra);
  Report report;
  report.reviews = *reviews;
  Analyse(&report);
  return report.groups.front();
}

TEST(ReportOutliers, Length) {
  std::vector<ReviewReport> rs;
  ReviewReport long_one = Draft("long.md", 500);
  Group g = Baseline(&rs, long_one);
  auto o = LengthOutlier(long_one, g);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->reason, "500 words, over twice the median (200); 2.5x");
  EXPECT_EQ(LengthOutlier(Draft("short.md", 90), g)->reason,
            "90 words, under half the median (200)");
  EXPECT_FALSE(LengthOutlier(Draft("ok.md", 200), g));
}

TEST(ReportOutliers, Specificity) {
  std::vector<ReviewReport> rs;
  ReviewReport vague = Draft("vague.md", 200, 1, 0);
  Group g = Baseline(&rs, vague);
  auto o = SpecificityOutlier(vague, g);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->reason,
            "specificity 0% (0 of 1 evaluative sentence concrete), well below the median 50%");
  EXPECT_FALSE(SpecificityOutlier(Draft("none.md", 200, 0, 0), g)) << "nothing evaluative";
  EXPECT_FALSE(SpecificityOutlier(Draft("ok.md", 200, 10, 5), g));
}

TEST(ReportOutliers, TraitWords) {
  std::vector<ReviewReport> rs;
  ReviewReport traits = Draft("traits.md", 200);
  traits.trait_words = 1;
  Group g = Baseline(&rs, traits);
  auto o = TraitWordsOutlier(traits, g);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->reason, "1 personality/trait word (5.0 per 1,000 words; median 0.0)");
  EXPECT_FALSE(TraitWordsOutlier(Draft("none.md", 200), g));
}

TEST(ReportOutliers, Hedges) {
  std::vector<ReviewReport> rs;
  ReviewReport hedgy = Draft("hedgy.md", 200);
  hedgy.hedges = 3;
  Group g = Baseline(&rs, hedgy);
  auto o = HedgesOutlier(hedgy, g);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->reason, "3 hedges (15.0 per 1,000 words; median 0.0)");
  ReviewReport one = Draft("one.md", 200);
  one.hedges = 1;
  EXPECT_FALSE(HedgesOutlier(one, g)) << "one hedge is not a pattern";
}

TEST(ReportOutliers, Grindstone) {
  ReviewReport r = Draft("g.md", 200);
  r.grindstone = 3;
  r.standout = 1;
  auto o = GrindstoneOutlier(r, Group{});
  ASSERT_TRUE(o);
  EXPECT_EQ(o->reason,
            "3 grindstone words (hardworking, diligent...) against 1 standout word "
            "(exceptional, brilliant...)");
  r.standout = 2;
  EXPECT_FALSE(GrindstoneOutlier(r, Group{}));
}

// Self-reviews and improvement plans have their own distributions and outliers: a short PIP
// among long reviews is not a length outlier, and it does not move the reviews' median.
TEST(ReportAnalyse, KindsAreComparedApart) {
  Report report;
  for (int i = 0; i < 6; ++i) report.reviews.push_back(Draft("r" + std::to_string(i), 400));
  for (int i = 0; i < 6; ++i) {
    ReviewReport pip = Draft("pip" + std::to_string(i), 100);
    pip.kind = kImprovementPlan;
    report.reviews.push_back(pip);
  }
  ReviewReport self = Draft("self.md", 50);
  self.kind = kSelfReview;
  self.reviewer = "Ana";
  report.reviews.push_back(self);
  Analyse(&report);
  ASSERT_EQ(report.groups.size(), 3u);
  EXPECT_EQ(report.groups[0].kind, kReview);
  EXPECT_EQ(report.groups[0].Of("words").median, 400);
  EXPECT_EQ(report.groups[0].Of("words").n, 6u);
  EXPECT_EQ(report.groups[1].kind, kSelfReview);
  EXPECT_EQ(report.groups[2].kind, kImprovementPlan);
  EXPECT_EQ(report.groups[2].Of("words").median, 100);
  EXPECT_TRUE(report.outliers.empty()) << report.outliers.front().reason;
  EXPECT_TRUE(report.reviewers.empty()) << "a self-review's reviewer is not a reviewer";
  std::ostringstream text;
  RenderReportText(report, text);
  EXPECT_NE(text.str().find("Distributions across improvement plans"), std::string::npos);
  EXPECT_NE(text.str().find("Distributions across self-reviews"), std::string::npos);
  auto json = ReportJson(report);
  EXPECT_EQ(json["distributions"]["words"]["n"], 6);
  EXPECT_EQ(json["distributions_by_kind"]["improvement-plan"]["words"]["n"], 6);
  EXPECT_EQ(json["reviews"][12]["kind"], "self-review");
}

// 5,000 drafts of about 2 KB with findings: the page shows distributions, not a bar or a point
// per draft, and stays under 2 MB.
Report LargeReport(size_t n) {
  Report report;
  std::string text;
  while (text.size() < 2000) text += "She is a good communicator and somewhat reliable. ";
  for (size_t i = 0; i < n; ++i) {
    ReviewReport r = Draft("team-" + std::to_string(i % 7) + "/review-" + std::to_string(i) + ".md",
                           300 + (i * 37) % 200, 10, int(i % 11));
    r.reviewer = "Reviewer " + std::to_string(i % 9);
    r.trait_words = i % 13 == 0 ? 4 : 0;
    r.hedges = int(i % 5);
    r.text = text;
    r.scorecard.findings_per_pack = {{"vagueness", int(i % 6)}, {"bias", int(i % 3)}};
    for (int k = 0; k < 4; ++k) {
      Diagnostic d;
      d.rule = "vagueness.generic-praise";
      d.message = "stock praise";
      d.span = {uint32_t(4 + 50 * k), uint32_t(21 + 50 * k)};
      r.diagnostics.push_back(d);
    }
    report.reviews.push_back(std::move(r));
  }
  Analyse(&report);
  return report;
}

TEST(ReportHtml, FiveThousandDraftsAsDistributionsUnderTwoMegabytes) {
  Report report = LargeReport(5000);
  ASSERT_FALSE(report.outliers.empty());
  std::ostringstream out;
  RenderReportHtml(report, out);
  std::string html = out.str();
  EXPECT_LT(html.size(), 2u * 1024 * 1024);
  EXPECT_EQ(Count(html, "<circle"), [&] {
    size_t marked = 0;
    for (const Outlier& o : report.outliers) marked += o.metric != "grindstone";
    return marked;
  }()) << "one dot per flagged outlier, none per draft";
  EXPECT_EQ(Count(html, "<figure>"), 6u) << "five measures and the packs";
  EXPECT_EQ(Count(html, "<article "), kLargeReportTexts);
  EXPECT_NE(html.find("The text of 30 drafts flagged above (of 5000)"), std::string::npos);
  EXPECT_EQ(Count(html, "<tr><td>"), 5000u) << "every draft keeps its scorecard row";
}

// A few dozen drafts keep one bar per draft, labelled by the shortest unique tail of the path.
TEST(ReportHtml, SmallReportLabelsBarsByUniquePathTail) {
  Report report = LargeReport(20);
  std::ostringstream out;
  RenderReportHtml(report, out);
  std::string html = out.str();
  EXPECT_EQ(Count(html, "text-anchor='end'>review-3.md</text>"), 2u) << "coverage and packs";
  EXPECT_NE(html.find("<title>review-4.md: bias"), std::string::npos);
  EXPECT_EQ(Count(html, "<article "), 20u);
  // Two drafts named review.md in two folders are told apart.
  report.reviews[0].path = "team-a/review.md";
  report.reviews[1].path = "team-b/review.md";
  std::ostringstream again;
  RenderReportHtml(report, again);
  EXPECT_NE(again.str().find(">team-a/review.md</text>"), std::string::npos);
  EXPECT_NE(again.str().find(">team-b/review.md</text>"), std::string::npos);
}

}  // namespace
}  // namespace reviewlint::report
