// The mistakes a user makes on the first day, and what reviewlint says about them: mistyped flags,
// rule names and subcommands, config files that are almost right, unreadable files.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::Contains;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

TEST(UserErrors, UnreadableFileIsLocatedLikeACompilerError) {
  std::string dir = TempDir() + "/located";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/bad.md", "Fine line.\nZo\xC3\xAB \xC0\xAF here\n");
  const std::string bad = dir + "/bad.md";
  CliResult text = RunCli("--color never '" + bad + "'");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_TRUE(Contains(text.out, bad + ":2:5: error: invalid UTF-8 (byte 0xC0 at byte offset 16)"))
      << text.out;
  CliResult line = RunCli("--format line '" + bad + "'");
  EXPECT_TRUE(Contains(line.out, bad + ":2:5: error: invalid UTF-8")) << line.out;
  EXPECT_TRUE(Contains(line.err, bad + ":2:5: error: invalid UTF-8")) << line.err;
  CliResult github = RunCli("--format github '" + bad + "'");
  EXPECT_TRUE(Contains(github.out, ",line=2,col=5,title=reviewlint::invalid UTF-8")) << github.out;
  // The JSON contract keeps the error as it was.
  CliResult json = RunCli("--format json '" + bad + "'");
  EXPECT_TRUE(Contains(json.out, "\"error\":\"2:5: invalid UTF-8")) << json.out;
  // Errors without a position keep "path: error: ...".
  CliResult missing = RunCli("--color never no-such-file.md");
  EXPECT_TRUE(Contains(missing.out, "no-such-file.md: error: no such file or folder"))
      << missing.out;
}

TEST(UserErrors, OneSummaryForm) {
  CliResult clean = RunCli("--stdin-filename a.md -", "She cut the build from 40 to 6 minutes.\n");
  EXPECT_EQ(clean.out, "No findings in 1 file.\n");
  std::string dir = TempDir() + "/summary-form";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/a.md", std::string("binary\0", 7));
  WriteFile(dir + "/b.md", "She cut the build from 40 to 6 minutes.\n");
  CliResult some = RunCli("--color never '" + dir + "'");
  EXPECT_TRUE(Contains(some.out, "\nNo findings in 2 files (1 could not be linted).\n"))
      << some.out;
}

TEST(UserErrors, MistypedFlagsGetTheClosestFlag) {
  CliResult format = RunCli("--formt json -", "x\n");
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_TRUE(Contains(format.err, "unknown option --formt (did you mean \"--format\"?)"))
      << format.err;
  EXPECT_TRUE(Contains(RunCli("--sumary -", "x\n").err, "(did you mean \"--summary\"?)"));
  // Flags of the report subcommand, and its own --help.
  CliResult report = RunCli("report --htm out.html .");
  EXPECT_TRUE(Contains(report.err, "unknown option --htm (did you mean \"--html\"?)"))
      << report.err;
  EXPECT_TRUE(Contains(report.err, "Run `reviewlint report --help` for usage.")) << report.err;
  CliResult xml = RunCli("report --format xml .");
  EXPECT_EQ(xml.exit_code, 2);
  EXPECT_TRUE(Contains(xml.err, "Run `reviewlint report --help` for usage.")) << xml.err;
  EXPECT_TRUE(Contains(RunCli("--format xml -", "x\n").err, "Run `reviewlint --help` for usage."));
}

TEST(UserErrors, RulesAreSuggestedByTheirShortNames) {
  CliResult explain = RunCli("--explain hedge");
  EXPECT_EQ(explain.exit_code, 2);
  EXPECT_TRUE(Contains(explain.err, "unknown rule \"hedge\" (did you mean \"vagueness.hedge\"?)"))
      << explain.err;
  EXPECT_TRUE(Contains(RunCli("--explain hedg").err, "(did you mean \"vagueness.hedge\"?)"));
  EXPECT_TRUE(Contains(RunCli("--rule hedge=off -", "x\n").err,
                       "unknown rule or pack \"hedge\" (did you mean \"vagueness.hedge\"?)"));
}

TEST(UserErrors, ThereIsNoLintSubcommand) {
  CliResult r = RunCli("lint --format line examples/vague-review.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "") << "nothing is linted";
  EXPECT_TRUE(Contains(r.err, "there is no \"lint\" subcommand")) << r.err;
  EXPECT_TRUE(Contains(r.err, "run: reviewlint --format line examples/vague-review.md")) << r.err;
  EXPECT_TRUE(Contains(RunCli("lint").err, "there is no \"lint\" subcommand")) << "alone too";
  CliResult typo = RunCli("reprot .");
  EXPECT_TRUE(Contains(typo.err, "there is no \"reprot\" subcommand (did you mean \"report\"?)"))
      << typo.err;
  // A missing file is still a missing file.
  CliResult missing = RunCli("--color never notes");
  EXPECT_TRUE(Contains(missing.out, "notes: error: no such file or folder")) << missing.out;
}

TEST(UserErrors, UnreadableConfigSaysWhy) {
  CliResult r = RunCli("--config nothere.json -", "x\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "nothere.json: cannot read config file: No such file or directory"))
      << r.err;
}

// A config file for a test, in a folder of its own that looks like a repository; returns what
// reviewlint says about a draft there.
CliResult LintWithConfig(const std::string& name, const std::string& config) {
  std::string repo = TempDir() + "/config-" + name;
  std::filesystem::remove_all(repo);
  std::filesystem::create_directories(repo + "/.git");
  WriteFile(repo + "/a.md", "She is somewhat abrasive. He is a team player.\n");
  WriteFile(repo + "/.reviewlint.json", config);
  return RunCli("-q --color never '" + repo + "/a.md'");
}

TEST(UserErrors, ConfigAcceptsTrailingCommasAsJsoncDoes) {
  CliResult r = LintWithConfig("trailing", R"({
  // the team's settings
  "rules": {"vagueness.hedge": "off", /* for now */},
  "allow": ["team player", "a, ]",],
})");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(Contains(r.out, "vagueness.hedge")) << r.out;
  EXPECT_FALSE(Contains(r.out, "team player")) << r.out;
  EXPECT_TRUE(Contains(r.out, "[bias.personality]")) << r.out;
  // A real syntax error keeps its position.
  CliResult bad = LintWithConfig("trailing-bad", "{\"rules\": {\n  \"x\": 3\n  \"y\": 4,}}");
  EXPECT_TRUE(Contains(bad.err, ".reviewlint.json:3:5: invalid JSON: unexpected string literal"))
      << bad.err;
}

TEST(UserErrors, PacksAreReportedWhereTheyAreWritten) {
  CliResult r = LintWithConfig("pipp", R"({"packs": {"pipp": false}})");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err,
                       ".reviewlint.json: /packs/pipp: unknown pack \"pipp\" (did you mean "
                       "\"pip\"?)"))
      << r.err;
  CliResult rule = LintWithConfig("pack-rule", R"({"packs": {"vagueness.hedge": "off"}})");
  EXPECT_TRUE(
      Contains(rule.err, "/packs/vagueness.hedge: \"vagueness.hedge\" is a rule, not a pack"))
      << rule.err;
}

TEST(UserErrors, PacksTakeTheLevelsRulesTake) {
  CliResult off = LintWithConfig("pack-off", R"({"packs": {"vagueness": "off"}})");
  EXPECT_EQ(off.err, "");
  EXPECT_FALSE(Contains(off.out, "[vagueness.")) << off.out;
  EXPECT_TRUE(Contains(off.out, "[bias.personality]")) << off.out;
  CliResult error = LintWithConfig("pack-error", R"({"packs": {"vagueness": "error"}})");
  EXPECT_TRUE(Contains(error.out, "error: \"somewhat\"")) << error.out;
  CliResult boolean = LintWithConfig("pack-bool", R"({"packs": {"vagueness": false}})");
  EXPECT_EQ(boolean.err, "");
  EXPECT_FALSE(Contains(boolean.out, "[vagueness.")) << boolean.out;
}

TEST(UserErrors, UnknownThresholdKeysAreRefused) {
  CliResult r =
      LintWithConfig("min-wordz", R"({"thresholds": {"rubric.uncovered": {"min_wordz": 3}}})");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err,
                       ".reviewlint.json: /thresholds/rubric.uncovered/min_wordz: unknown "
                       "threshold \"min_wordz\" for rubric.uncovered (did you mean "
                       "\"min_words\"?); it takes: min_words"))
      << r.err;
  CliResult ratio = LintWithConfig(
      "ratio",
      R"({"thresholds": {"balance.missing-constructive": {"min_constructive_ration": 1}}})");
  EXPECT_TRUE(Contains(ratio.err, "(did you mean \"min_constructive_ratio\"?)")) << ratio.err;
  CliResult rule = LintWithConfig("threshold-rule", R"({"thresholds": {"uncovered": {}}})");
  EXPECT_TRUE(Contains(rule.err,
                       "/thresholds/uncovered: unknown rule \"uncovered\" (did you mean "
                       "\"rubric.uncovered\"?)"))
      << rule.err;
  CliResult known = LintWithConfig(
      "known",
      R"({"thresholds": {"balance.missing-constructive": {"min_constructive_ratio": 0.2}}})");
  EXPECT_EQ(known.err, "");
}

// A team replaces balance.json through --rules-dir and renames the "praise" evidence: the balance
// analysis would read "never praised" for every draft. It is refused, where the pack is written.
TEST(UserErrors, AReplacedPackWithoutANameTheAnalysesNeedIsALocatedError) {
  std::string dir = TempDir() + "/balance-without-praise";
  std::filesystem::create_directories(dir);
  std::string pack = testing::ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/rules/balance.json");
  size_t at = pack.find("\"praise\": {");
  ASSERT_NE(at, std::string::npos);
  pack.replace(at, 8, "\"compliments\"");
  WriteFile(dir + "/balance.json", pack);
  CliResult r = RunCli("--rules-dir '" + dir + "' -", "Great work this year.\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, dir + "/balance.json: evidence \"praise\" is missing; the balance "
                                    "analysis (balance.missing-positive, "
                                    "balance.missing-constructive and the scorecard's strengths "
                                    "and constructive counts) needs it"))
      << r.err;
}

}  // namespace
}  // namespace reviewlint
