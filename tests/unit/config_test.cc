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
  CliResult r = RunCli("-q --color never " + testing::kListRulesOnly + " '" + repo + "'");
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

}  // namespace
}  // namespace reviewlint
