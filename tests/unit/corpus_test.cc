// The default packs on the labeled corpus (tests/corpus): the floor every change must keep.
#include <gtest/gtest.h>

#include "corpus_eval.h"
#include "test_util.h"

namespace reviewlint {
namespace {

const eval::Report& CorpusReport() {
  static const eval::Report report = [] {
    std::string error;
    eval::Report r =
        eval::Evaluate(testing::DefaultEngine(),
                       std::string(REVIEWLINT_SOURCE_DIR) + "/tests/corpus/drafts", &error);
    EXPECT_EQ(error, "");
    return r;
  }();
  return report;
}

TEST(Corpus, IsLargeEnough) {
  const eval::Report& r = CorpusReport();
  EXPECT_GE(r.drafts, 40u);
  EXPECT_GE(r.words, 15000u);
  EXPECT_GE(r.clean_drafts, 10u);
}

TEST(Corpus, EveryPackMeetsThePrecisionAndRecallFloor) {
  const eval::Report& r = CorpusReport();
  for (const std::string& pack : eval::LabelledPacks()) {
    auto it = r.packs.find(pack);
    ASSERT_NE(it, r.packs.end()) << pack;
    EXPECT_GE(it->second.labels, 10u) << pack;
    EXPECT_GE(it->second.precision(), 0.85) << pack << "\n" << eval::FormatReport(r, true);
    EXPECT_GE(it->second.recall(), 0.80) << pack << "\n" << eval::FormatReport(r, true);
  }
}

TEST(Corpus, CleanDraftsHaveNoSpanFindings) {
  const eval::Report& r = CorpusReport();
  EXPECT_EQ(r.clean_drafts_with_findings, 0u) << eval::FormatReport(r, true);
}

TEST(CorpusFormat, LabelsAreStrippedToByteSpans) {
  eval::Draft d;
  std::string error;
  ASSERT_TRUE(eval::ParseDraft("x.md",
                               "<!-- corpus: uncovered=Delivery, System Design; balance=ok "
                               "-->\nZoë is ⟦vagueness|a team player⟧.\n",
                               &d, &error));
  ASSERT_EQ(d.labels.size(), 1u);
  EXPECT_EQ(d.text.substr(d.labels[0].span.begin, d.labels[0].span.size()), "a team player");
  EXPECT_EQ(d.uncovered, (std::vector<std::string>{"Delivery", "System Design"}));
  EXPECT_EQ(d.balance, "ok");
  EXPECT_FALSE(eval::ParseDraft("x.md", "⟦vagueness|open\n⟧", &d, &error));
  EXPECT_EQ(error, "x.md: byte 0: malformed label (want ⟦pack|words⟧ on one line)");
  EXPECT_FALSE(eval::ParseDraft("x.md", "⟦vague|x⟧", &d, &error));
}

}  // namespace
}  // namespace reviewlint

namespace reviewlint {
namespace {

TEST(Corpus, BalanceVerdictsAreRightInNineOfTenDrafts) {
  const eval::Report& r = CorpusReport();
  ASSERT_GE(r.document_drafts, 40u);
  EXPECT_GE(r.balance_right * 10, r.document_drafts * 9) << eval::FormatReport(r, true);
}

}  // namespace
}  // namespace reviewlint

namespace reviewlint {
namespace {

TEST(Corpus, RubricCoverageIsRightInNineOfTenDrafts) {
  const eval::Report& r = CorpusReport();
  EXPECT_GE(r.uncovered_right * 10, r.document_drafts * 9) << eval::FormatReport(r, true);
}

TEST(Corpus, RubricCategoriesAreRightInNineOfTenPairsAndPlansHaveNone) {
  const eval::Report& r = CorpusReport();
  ASSERT_GE(r.category_pairs, 200u);
  EXPECT_GE(r.categories_right * 10, r.category_pairs * 9) << eval::FormatReport(r, true);
  EXPECT_GT(r.categories_right, r.silent_right) << "better than saying nothing";
  EXPECT_GE(r.plans, 6u);  // improvement plans and peer feedback
  EXPECT_EQ(r.rubric_findings_on_plans, 0u) << eval::FormatReport(r, true);
}

TEST(Corpus, EveryDraftIsTheKindItsLabelSays) {
  const eval::Report& r = CorpusReport();
  ASSERT_GE(r.kinds_labelled, 40u);
  EXPECT_EQ(r.kinds_right, r.kinds_labelled) << eval::FormatReport(r, true);
}

}  // namespace
}  // namespace reviewlint
