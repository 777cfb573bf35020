// .reviewlint.json discovery, merging and errors; inline suppression comments; glob patterns.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>
#include "config.h"
#include "glob.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::RunCli;
using testing::WriteFile;
namespace fs = std::filesystem;

const char* kText = "She is somewhat abrasive. He is a team player.\n";

// A fresh repository-like folder per test.
std::string Repo(const std::string& name) {
  std::string dir = testing::TempDir() + "/cfg-" + name;
  fs::remove_all(dir);
  fs::create_directories(dir + "/.git");
  return dir;
}

// The config and suppression tests are about where settings and comments apply, not about which
// packs flag a sentence ("He is abrasive." is also a criticism with no next step, which balance
// reports): they run the list rules only.
const std::string kListRulesOnly =
    "--rule balance.no-next-step=off --rule vagueness.unsupported-evaluation=off "
    "--rule bias.trait-judgement=off --rule bias.faint-evaluation=off "
    "--rule metrics.unmeasured-achievement=off";

TEST(Glob, Patterns) {
  EXPECT_TRUE(GlobMatch("self-reviews/**", "self-reviews/2026/ana.md"));
  EXPECT_TRUE(GlobMatch("**/*.md", "a/b/c.md"));
  EXPECT_TRUE(GlobMatch("**/*.md", "c.md"));
  EXPECT_TRUE(GlobMatch("*.txt", "deep/folder/notes.txt"));
  EXPECT_FALSE(GlobMatch("drafts/*.md", "drafts/old/a.md"));
  EXPECT_TRUE(GlobMatch("drafts/", "drafts/old/a.md"));
  EXPECT_TRUE(GlobMatch("a?c.md", "abc.md"));
  EXPECT_FALSE(GlobMatch("archive/**", "archived/x.md"));
}

TEST(Config, NearestConfigOverridesAndAllowList) {
  std::string repo = Repo("nearest");
  fs::create_directories(repo + "/team/self");
  WriteFile(repo + "/.reviewlint.json", R"({"rules": {"bias": "error"}})");
  WriteFile(repo + "/team/.reviewlint.json",
            "{\n  // comments are allowed\n  \"extends\": \"../.reviewlint.json\",\n"
            "  \"rules\": {\"vagueness.hedge\": \"off\"},\n  \"allow\": [\"team player\"],\n"
            "  \"overrides\": [{\"files\": [\"self/**\"], \"rules\": {\"bias\": \"off\"}}]\n}\n");
  WriteFile(repo + "/top.md", kText);
  WriteFile(repo + "/team/a.md", kText);
  WriteFile(repo + "/team/self/b.md", kText);
  CliResult r = RunCli("-q --color never " + kListRulesOnly + " '" + repo + "'");
  EXPECT_EQ(r.out, repo +
                       "/team/a.md:1:17: error: \"abrasive\" judges personality, not behaviour; "
                       "describe what happened [bias.personality]\n" +
                       repo +
                       "/top.md:1:8: info: \"somewhat\" softens the judgement; say it plainly or "
                       "give the evidence [vagueness.hedge]\n" +
                       repo +
                       "/top.md:1:17: error: \"abrasive\" judges personality, not behaviour; "
                       "describe what happened [bias.personality]\n" +
                       repo +
                       "/top.md:1:35: warning: \"team player\" is stock praise that could describe "
                       "anyone; say what they did and what came of it [vagueness.generic-praise]\n")
      << r.out;
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Config, ExplicitAndNoConfig) {
  std::string repo = Repo("explicit");
  WriteFile(repo + "/.reviewlint.json", R"({"packs": {"vagueness": false, "bias": false, "balance": false}})");
  WriteFile(repo + "/a.md", kText);
  WriteFile(repo + "/other.json", R"({"rules": {"bias": "off"}})");
  EXPECT_EQ(RunCli("'" + repo + "/a.md'").exit_code, 0);
  EXPECT_EQ(RunCli("--no-config '" + repo + "/a.md'").exit_code, 1);
  CliResult c = RunCli("-q --color never --config '" + repo + "/other.json' '" + repo + "/a.md'");
  EXPECT_NE(c.out.find("vagueness.generic-praise"), std::string::npos);
  EXPECT_EQ(c.out.find("bias."), std::string::npos);
}

TEST(Config, IgnoreGlobsSkipFoundFilesButNotNamedOnes) {
  std::string repo = Repo("ignore");
  fs::create_directories(repo + "/archive");
  WriteFile(repo + "/.reviewlint.json", R"({"ignore": ["archive/**"]})");
  WriteFile(repo + "/archive/old.md", kText);
  WriteFile(repo + "/new.md", "Fine text.\n");
  EXPECT_EQ(RunCli("'" + repo + "'").exit_code, 0);
  EXPECT_EQ(RunCli("'" + repo + "/archive/old.md'").exit_code, 1);
}

TEST(Config, ErrorsAreLocatedWordForWord) {
  std::string repo = Repo("errors");
  WriteFile(repo + "/a.md", kText);
  auto err = [&](const std::string& json) {
    WriteFile(repo + "/.reviewlint.json", json);
    CliResult r = RunCli("'" + repo + "/a.md'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");  // nothing is linted
    return r.err;
  };
  std::string file = repo + "/.reviewlint.json";
  EXPECT_EQ(err("{\"rules\": {\n  \"x\": 3\n  \"y\": 4}}"),
            "reviewlint: error: " + file +
                ":3:5: invalid JSON: unexpected string literal; expected '}'\n");
  EXPECT_EQ(err(R"({"rulez": {}})"),
            "reviewlint: error: " + file + ": unknown key \"rulez\" (did you mean \"rules\"?)\n");
  EXPECT_EQ(err(R"({"rules": {"vagueness.hedg": "off"}})"),
            "reviewlint: error: " + file +
                ": /rules/vagueness.hedg: unknown rule or pack \"vagueness.hedg\" (did you mean "
                "\"vagueness.hedge\"?)\n");
  EXPECT_EQ(err(R"({"rules": {"bias": "loud"}})"),
            "reviewlint: error: " + file +
                ": /rules/bias: \"loud\" is not one of: off, on, info, warning, error\n");
  EXPECT_EQ(err(R"({"overrides": [{"rules": {}}]})"),
            "reviewlint: error: " + file + ": /overrides/0: missing required key \"files\"\n");
  EXPECT_EQ(err(R"({"rubric": "backend"})"),
            "reviewlint: error: " + file +
                ": /rubric: unknown rubric \"backend\"; known: backend-developer, "
                "engineering-manager, frontend-engineer\n");
}

TEST(Config, CyclicExtends) {
  std::string repo = Repo("cycle");
  WriteFile(repo + "/a.md", kText);
  WriteFile(repo + "/.reviewlint.json", R"({"extends": "base.json"})");
  WriteFile(repo + "/base.json", R"({"extends": ".reviewlint.json"})");
  CliResult r = RunCli("'" + repo + "/a.md'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cyclic \"extends\""), std::string::npos) << r.err;
}

TEST(Config, InitWritesOnceAndPrintConfigShowsTheMerge) {
  std::string repo = Repo("init");
  CliResult a = RunCli("init '" + repo + "'");
  EXPECT_EQ(a.exit_code, 0) << a.err;
  CliResult b = RunCli("init '" + repo + "'");
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find("already exists; not overwriting it"), std::string::npos);
  WriteFile(repo + "/self-reviews/x.md", "");
  CliResult p = RunCli("--print-config '" + repo + "/self-reviews/x.md'");
  EXPECT_EQ(p.exit_code, 0) << p.err;
  auto j = nlohmann::json::parse(p.out);
  EXPECT_EQ(j["rules"]["balance.missing-positive"], "off");  // from the starter's override
  EXPECT_EQ(j["rubric"], "backend-developer");
}

TEST(Config, ThresholdsTuneDocumentRules) {
  std::string repo = Repo("thresholds");
  std::string text = testing::ReadAll(std::string(REVIEWLINT_SOURCE_DIR) +
                                      "/tests/fixtures/document/no-design.md");
  WriteFile(repo + "/a.md", text);
  EXPECT_EQ(RunCli("'" + repo + "/a.md'").exit_code, 1);
  WriteFile(repo + "/.reviewlint.json",
            R"({"thresholds": {"rubric.uncovered": {"min_words": 100000}}})");
  EXPECT_EQ(RunCli("'" + repo + "/a.md'").exit_code, 0);
}

// Suppression comments.


std::vector<std::string> Rules(const std::string& text, const std::string& args = kListRulesOnly) {
  CliResult r = RunCli("--format json --stdin-filename s.md " + args + " -", text);
  std::vector<std::string> out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  for (const auto& d : j["files"][0]["diagnostics"])
    out.push_back(d["rule"].get<std::string>() + "@" +
                  std::to_string(d["range"]["start"]["line"].get<int>()));
  return out;
}

TEST(Suppression, EveryForm) {
  EXPECT_EQ(
      Rules("<!-- reviewlint-disable vagueness -- quoting last year's review -->\n"
            "He is a team player.\n<!-- reviewlint-enable vagueness -->\nShe is a team player.\n"),
      (std::vector<std::string>{"vagueness.generic-praise@4"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line vagueness.generic-praise -->\n\nHe is a team "
                  "player.\nShe is a team player.\n"),
            (std::vector<std::string>{"vagueness.generic-praise@4"}));
  EXPECT_EQ(Rules("He is a team player. <!-- reviewlint-disable-line vagueness.generic-praise "
                  "-->\nShe is a team player.\n"),
            (std::vector<std::string>{"vagueness.generic-praise@2"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable -->\nHe is abrasive, a team player.\n"),
            (std::vector<std::string>{}));
}

TEST(Suppression, InsideListsAndAfterCrlfLines) {
  EXPECT_EQ(Rules("- one\r\n- <!-- reviewlint-disable-line bias -->He is abrasive.\r\n- She is "
                  "abrasive.\r\n"),
            (std::vector<std::string>{"bias.personality@3"}));
  EXPECT_EQ(Rules("- item\r\n  <!-- reviewlint-disable-next-line bias -->\r\n  He is "
                  "abrasive.\r\n- She is abrasive.\r\n"),
            (std::vector<std::string>{"bias.personality@4"}));
}

// A next-line comment above a hard-wrapped paragraph covers its first line only; the next-block
// form covers the whole paragraph, list item (continuation lines included) or table row.
TEST(Suppression, NextBlockCoversTheWrappedParagraph) {
  const std::string wrapped =
      "The release went out on time and the rollout was careful and\nwell planned. She is a "
      "team player.\n\nHe is a team player.\n";
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line vagueness.generic-praise -->\n" + wrapped),
            (std::vector<std::string>{"vagueness.generic-praise@3", "vagueness.generic-praise@5"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-block vagueness.generic-praise -->\n" + wrapped),
            (std::vector<std::string>{"vagueness.generic-praise@5"}));
  EXPECT_EQ(Rules("- one\n<!-- reviewlint-disable-next-block bias -->\n- The release went out on "
                  "time,\n  but he is abrasive.\n- She is abrasive.\n"),
            (std::vector<std::string>{"bias.personality@5"}));
  EXPECT_EQ(Rules("| who | note |\n| --- | --- |\n<!-- reviewlint-disable-next-block bias -->\n"
                  "| Ana | abrasive |\n| Bo | abrasive |\n"),
            (std::vector<std::string>{"bias.personality@5"}));
}

// The unused-disable message says when a next-line comment missed its finding by a line.
TEST(Suppression, UnusedNextLineSaysWhenItMissedByALine) {
  CliResult r = RunCli(
      "--format json --report-unused-disables --stdin-filename s.md -",
      "<!-- reviewlint-disable-next-line vagueness.generic-praise -->\nThe release went out on "
      "time and the rollout was careful and\nwell planned. She is a team player.\n");
  std::string message;
  nlohmann::json j = nlohmann::json::parse(r.out);
  for (const auto& d : j["files"][0]["diagnostics"])
    if (d["rule"] == "reviewlint.unused-disable") message = d["message"].get<std::string>();
  EXPECT_EQ(message,
            "this reviewlint-disable comment suppresses nothing (vagueness.generic-praise); it "
            "covers line 2 only, and the vagueness.generic-praise finding is on line 3 of the "
            "same paragraph: use reviewlint-disable-next-block");
}

TEST(Suppression, UnusedAndUnknown) {
  EXPECT_EQ(
      Rules("<!-- reviewlint-disable-next-line bias -->\nFine text.\n", kListRulesOnly + " --report-unused-disables"),
      (std::vector<std::string>{"reviewlint.unused-disable@1"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line bias -->\nFine text.\n"),
            (std::vector<std::string>{}));
  CliResult r = RunCli("--format json --stdin-filename s.md -",
                       "<!-- reviewlint-disable-line vagueness.hedgee -->\n");
  auto d = nlohmann::json::parse(r.out)["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["rule"], "reviewlint.unknown-rule");
  EXPECT_EQ(d["message"],
            "unknown rule or pack \"vagueness.hedgee\" in a reviewlint comment (did you mean "
            "\"vagueness.hedge\"?)");
}

}  // namespace
}  // namespace reviewlint
