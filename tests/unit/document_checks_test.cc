// Whole-review checks: rubric coverage, balance, Performance Improvement Plans, the scorecard.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::ReadAll;
using testing::RunCli;

std::string Fixture(const std::string& name) {
  return ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/tests/fixtures/document/" + name);
}

LintResult LintDoc(const std::string& text) {
  const Engine& e = testing::DefaultEngine();
  static Workspace* ws = new Workspace(e);
  SourceFile src("t.md", text);
  LintResult r = e.Lint(src, *MarkupByName("markdown"), *ws);
  return r;
}

std::vector<const Diagnostic*> DocumentFindings(const LintResult& r) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics)
    if (d.scope == Scope::kDocument) out.push_back(&d);
  return out;
}

TEST(Rubric, CompleteBalancedReviewHasNoDocumentFindings) {
  LintResult r = LintDoc(Fixture("complete.md"));
  EXPECT_TRUE(DocumentFindings(r).empty());
  EXPECT_EQ(r.scorecard.rubric, "backend-developer");
  EXPECT_DOUBLE_EQ(r.scorecard.weighted_coverage, 100.0);
  EXPECT_GT(r.scorecard.positive, 3);
  EXPECT_GE(r.scorecard.constructive, 1);
}

TEST(Rubric, NeverMentioningDesignGivesExactlyOneFinding) {
  LintResult r = LintDoc(Fixture("no-design.md"));
  auto found = DocumentFindings(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->rule, "rubric.uncovered");
  EXPECT_EQ(found[0]->data["category"], "System Design");
  EXPECT_EQ(found[0]->data["weight"], 20);
  EXPECT_EQ(found[0]->severity, Severity::kWarning);
  EXPECT_EQ(found[0]->message,
            "The review never covers System Design (20% of the backend-developer rubric)");
  // It points at the end of the review, where the reviewer would add it.
  std::string text = Fixture("no-design.md");
  size_t end = text.find_last_not_of("\n") + 1;
  EXPECT_EQ(found[0]->span.begin, end);
}

TEST(Rubric, AHeadingAloneIsNotCoverage) {
  LintResult r = LintDoc(Fixture("empty-section.md"));
  auto found = DocumentFindings(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->data["category"], "System Design");
  std::string text = Fixture("empty-section.md");
  EXPECT_EQ(text.substr(found[0]->span.begin, found[0]->span.size()), "System Design");
  EXPECT_NE(found[0]->message.find("its section is empty"), std::string::npos);
}

TEST(Rubric, SeverityFollowsTheWeight) {
  LintResult r = LintDoc(
      "---\nrubric: backend-developer\n---\n" + std::string(60, ' ') +
      "She wrote unit tests for each handler, and coverage rose from 52% to 81% this half. "
      "She paired with two new engineers every week and reviewed their pull requests the same day. "
      "During the outage she traced the root cause in an hour.");
  for (const Diagnostic* d : DocumentFindings(r)) {
    if (d->rule != "rubric.uncovered") continue;
    double w = d->data["weight"];
    EXPECT_EQ(d->severity, w >= 15 ? Severity::kWarning : Severity::kInfo) << d->message;
  }
}

TEST(Rubric, FrontMatterSelectsTheRubric) {
  LintResult r =
      LintDoc("---\nrubric: engineering-manager\n---\n" + Fixture("complete.md").substr(60));
  EXPECT_EQ(r.scorecard.rubric, "engineering-manager");
  bool hiring = false;
  for (const Diagnostic* d : DocumentFindings(r))
    hiring = hiring || d->data.value("category", "") == "Hiring and Team Building";
  EXPECT_TRUE(hiring);
}

TEST(Rubric, UnknownRubricIsAnErrorListingTheKnownOnes) {
  CliResult r = RunCli("--rubric nope -", "text");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--rubric nope: unknown rubric; known: backend-developer, "
                       "engineering-manager, frontend-engineer"),
            std::string::npos)
      << r.err;
  CliResult fm =
      RunCli("--color never --stdin-filename d.md -", "---\nrubric: backend-dev\n---\nText.\n");
  EXPECT_EQ(fm.exit_code, 2);
  EXPECT_NE(fm.out.find("d.md: error: unknown rubric \"backend-dev\" in the front matter; known: "
                        "backend-developer,"),
            std::string::npos)
      << fm.out;
}

TEST(Rubric, CustomRubricFileAndNonEnglishHeadings) {
  CliResult r = RunCli(
      "--format json --rubric-file tests/fixtures/document/team-rubric.json "
      "tests/fixtures/document/french.md");
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> uncovered;
  for (const auto& d : j["files"][0]["diagnostics"])
    if (d["rule"] == "rubric.uncovered") uncovered.push_back(d["data"]["category"]);
  EXPECT_EQ(uncovered, std::vector<std::string>{"On-call"});
  // The rubric's own thresholds: weight 40 is a warning (>= 20), not an error (>= 50).
  for (const auto& d : j["files"][0]["diagnostics"]) {
    if (d["rule"] == "rubric.uncovered") {
      EXPECT_EQ(d["severity"], "warning");
    }
  }
  CliResult path = RunCli(
      "--format json --rubric tests/fixtures/document/team-rubric.json "
      "tests/fixtures/document/complete.md");
  auto p = nlohmann::json::parse(path.out);
  int testing_gap = 0;
  for (const auto& d : p["files"][0]["diagnostics"])
    if (d["rule"] == "rubric.uncovered") testing_gap++;
  EXPECT_EQ(testing_gap, 1);  // complete.md mentions coverage but no incidents under that name
}

TEST(Rubric, BrokenRubricFileIsALocatedError) {
  std::string dir = testing::TempDir();
  testing::WriteFile(
      dir + "/bad-rubric.json",
      R"({"rubric": "x", "title": "X", "categories": [{"id": "a", "name": "A", "weight": 120, "description": "d", "evidence": {"phrase": ["x"]}}]})");
  CliResult r = RunCli("--rubric-file '" + dir + "/bad-rubric.json' -", "x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad-rubric.json: /categories/0/weight: must be at most 100"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad-rubric.json: /categories/0/evidence: unknown key \"phrase\" (did you "
                       "mean \"phrases\"?)"),
            std::string::npos)
      << r.err;
}

TEST(Rubric, CrlfFilesWorkTheSame) {
  std::string text = Fixture("no-design.md");
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  LintResult r = LintDoc(crlf);
  auto found = DocumentFindings(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->data["category"], "System Design");
}

TEST(Balance, PraiseOnlyAndCriticismOnly) {
  std::string praise =
      "## Strengths\n\n- She rebuilt the retry scheduler, which cut failed deliveries from 3% to "
      "0.2%.\n"
      "- She led the design review for the ledger schema and wrote the migration plan.\n"
      "- She mentored two new engineers through their first on-call shifts.\n"
      "- She shipped the export API on 3 June, on the agreed date, with tests for every "
      "endpoint.\n";
  LintResult p = LintDoc(praise);
  bool mc = false;
  for (const Diagnostic* d : DocumentFindings(p))
    if (d->rule == "balance.missing-constructive") {
      mc = true;
      EXPECT_EQ(d->data["constructive"], 0);
      EXPECT_EQ(d->data["positive"], 4);
    }
  EXPECT_TRUE(mc);
  std::string criticism =
      "## Concerns\n\n- His pull requests often arrive without tests, and two were reverted in "
      "May.\n"
      "- The export job missed its deadline by three weeks.\n"
      "- He needs to improve his estimates, which were too low for every project this half.\n"
      "- He does not take part in retrospectives.\n";
  LintResult c = LintDoc(criticism);
  bool mp = false;
  for (const Diagnostic* d : DocumentFindings(c)) mp = mp || d->rule == "balance.missing-positive";
  EXPECT_TRUE(mp);
}

TEST(Pip, CompleteUnfilledAndUndated) {
  std::string ok =
      "## Performance Improvement Plan\n\n"
      "- **Goal:** Every pull request he opens has tests and a description.\n"
      "- **Actions:** Add tests before review; use the PR template; pair with Ana weekly.\n"
      "- **Timeline:** From 1 March to 30 April, reviewed every Friday.\n"
      "- **Support:** Weekly pairing with Ana and a one-hour 1:1 with me each week.\n"
      "- **Metrics:** 90% of his merged pull requests have tests; zero reverts in April.\n";
  LintResult r = LintDoc(ok);
  for (const Diagnostic& d : r.diagnostics) EXPECT_NE(d.rule.substr(0, 4), "pip.") << d.message;
  ASSERT_TRUE(r.scorecard.pip.present);
  EXPECT_TRUE(r.scorecard.pip.timeline_has_dates);
  EXPECT_TRUE(r.scorecard.pip.metrics_measurable);

  std::string broken = ok;
  broken.replace(broken.find("From 1 March to 30 April, reviewed every Friday."), 48,
                 "[Dates for completing each action]");
  broken.replace(
      broken.find("- **Support:**"),
      std::string("- **Support:** Weekly pairing with Ana and a one-hour 1:1 with me each week.\n")
          .size(),
      "");
  broken.replace(broken.find("90% of his merged pull requests have tests; zero reverts in April."),
                 66, "Better code and fewer problems.");
  LintResult b = LintDoc(broken);
  std::vector<std::string> got;
  for (const Diagnostic& d : b.diagnostics)
    if (d.rule.rfind("pip.", 0) == 0) got.push_back(d.rule + ":" + d.data.value("field", ""));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got,
            (std::vector<std::string>{"pip.missing-field:Support", "pip.unfilled-field:Timeline",
                                      "pip.unmeasurable-metrics:Metrics"}));
}

TEST(Scorecard, SummaryInTextAndJson) {
  CliResult t = RunCli("--summary --color never tests/fixtures/document/no-design.md");
  EXPECT_NE(t.out.find("rubric backend-developer: 80% of the weight covered"), std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("[ ] System Design"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("balance:"), std::string::npos);
  CliResult j = RunCli("--format json --summary tests/fixtures/document/no-design.md");
  auto s = nlohmann::json::parse(j.out)["files"][0]["summary"];
  EXPECT_EQ(s["rubric"], "backend-developer");
  EXPECT_DOUBLE_EQ(s["weighted_coverage"].get<double>(), 80.0);
  EXPECT_EQ(s["categories"].size(), 6u);
  EXPECT_FALSE(s["categories"][1]["covered"]);
  EXPECT_GT(s["balance"]["positive"].get<int>(), 0);
  EXPECT_TRUE(s["specificity"]["ratio"].is_number());
  EXPECT_EQ(s["findings_per_pack"]["rubric"], 1);
  CliResult none = RunCli("--format json tests/fixtures/document/no-design.md");
  EXPECT_FALSE(nlohmann::json::parse(none.out)["files"][0].contains("summary"));
}

}  // namespace
}  // namespace reviewlint
