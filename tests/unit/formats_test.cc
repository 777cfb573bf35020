// Every output format on one shared fixture set (non-ASCII names, emoji, CRLF, a document-scope
// finding, a fix), plus SARIF's fingerprints and the SARIF validators when ../shared has them.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::ReadAll;
using testing::RunCli;
using testing::WriteFile;

const char* kFixtures =
    "tests/fixtures/crlf-emoji.md tests/fixtures/document/no-design.md examples/vague-review.md";

// The SARIF root is the absolute path of the checkout: make it the same everywhere.
std::string Portable(std::string out) {
  std::string root = "file://" + std::string(REVIEWLINT_SOURCE_DIR) + "/";
  for (size_t at; (at = out.find(root)) != std::string::npos;)
    out.replace(at, root.size(), "file:///SRCROOT/");
  return out;
}

void Golden(const std::string& name, const std::string& args) {
  CliResult r = RunCli(args);
  std::string path = std::string(REVIEWLINT_SOURCE_DIR) + "/tests/golden/" + name;
  std::string got = Portable(r.out);
  if (std::getenv("UPDATE_GOLDEN")) WriteFile(path, got);
  EXPECT_EQ(got, ReadAll(path)) << "golden " << name << " differs; UPDATE_GOLDEN=1 to accept";
}

TEST(Formats, GoldenSarif) { Golden("formats.sarif", std::string("--format sarif ") + kFixtures); }
TEST(Formats, GoldenGithub) {
  Golden("formats.github", std::string("--format github ") + kFixtures);
}
TEST(Formats, GoldenLine) { Golden("formats.line", std::string("--format line ") + kFixtures); }
TEST(Formats, GoldenJsonSummary) {
  Golden("formats.json", std::string("--format json --summary ") + kFixtures);
}

TEST(Sarif, ColumnsAreUtf16AndLineColumnsAreCodePoints) {
  // "Zoë 😀 is a good communicator.": 'good' is code point 12 and UTF-16 unit 13.
  CliResult s = RunCli("--format sarif tests/fixtures/crlf-emoji.md");
  auto j = nlohmann::json::parse(s.out);
  EXPECT_EQ(j["runs"][0]["columnKind"], "utf16CodeUnits");
  const auto& region = j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 3);
  EXPECT_EQ(region["startColumn"], 13);
  EXPECT_EQ(region["endColumn"], 30);
  EXPECT_EQ(region["snippet"]["text"], "good communicator");
  CliResult l = RunCli("--format line tests/fixtures/crlf-emoji.md");
  EXPECT_EQ(l.out.substr(0, 35), "tests/fixtures/crlf-emoji.md:3:12: ");
}

TEST(Sarif, RulesResultsAndLocations) {
  CliResult s = RunCli(
      "--format sarif --sarif-root tests tests/fixtures/crlf-emoji.md "
      "tests/fixtures/document/no-design.md");
  auto run = nlohmann::json::parse(s.out)["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_GT(rules.size(), 20u);
  for (const auto& r : rules) {
    for (const char* key : {"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
                            "defaultConfiguration", "properties"})
      EXPECT_TRUE(r.contains(key)) << r["id"] << " lacks " << key;
    EXPECT_TRUE(r["help"].contains("markdown"));
  }
  for (const auto& res : run["results"]) {
    int idx = res["ruleIndex"];
    EXPECT_EQ(rules[idx]["id"], res["ruleId"]);
    const auto& loc = res["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(loc["uriBaseId"], "%SRCROOT%");
    EXPECT_EQ(loc["uri"].get<std::string>().rfind("fixtures/", 0), 0u) << loc["uri"];
  }
  bool document_finding = false, fix = false;
  for (const auto& res : run["results"]) {
    if (res["ruleId"] == "rubric.uncovered")
      document_finding = res["locations"][0]["physicalLocation"].contains("region");
    if (res.contains("fixes"))
      fix = res["fixes"][0]["artifactChanges"][0]["replacements"][0].contains("deletedRegion");
  }
  EXPECT_TRUE(document_finding);
  EXPECT_TRUE(fix);
  CliResult ns = RunCli("--format sarif --sarif-no-snippets tests/fixtures/crlf-emoji.md");
  EXPECT_EQ(ns.out.find("\"snippet\""), std::string::npos);
  EXPECT_EQ(ns.out.find("good communicator\""), std::string::npos);
}

TEST(Sarif, FingerprintSurvivesLinesInsertedAbove) {
  std::string dir = testing::TempDir() + "/fingerprint";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/a.md", "Intro.\n\nShe is a good communicator.\n");
  WriteFile(dir + "/b.md",
            "Intro.\n\nA new paragraph.\n\nAnother one.\n\nShe is a good communicator.\n");
  auto fp = [&](const std::string& file) {
    auto j = nlohmann::json::parse(
        RunCli("--format sarif --sarif-root '" + dir + "' '" + dir + "/" + file + "'").out);
    const auto& res = j["runs"][0]["results"][0];
    return std::make_pair(
        res["partialFingerprints"]["primaryLocationLineHash"].get<std::string>(),
        res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
  };
  auto a = fp("a.md"), b = fp("b.md");
  EXPECT_EQ(a.first, b.first);
  EXPECT_NE(a.second, b.second);
}

TEST(Sarif, ResultsOverTheLimitKeepTheMostSevere) {
  // Many findings in one file; REVIEWLINT_SARIF_MAX_RESULTS lowers the limit for the test.
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Goals: TBD. It is somewhat slow.\n\n";
  CliResult r =
      RunCli("--format sarif --rule rubric=off --rule balance=off --stdin-filename x.md -", text);
  auto run = nlohmann::json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["results"].size(), 60u);
  setenv("REVIEWLINT_SARIF_MAX_RESULTS", "40", 1);
  CliResult c =
      RunCli("--format sarif --rule rubric=off --rule balance=off --stdin-filename x.md -", text);
  unsetenv("REVIEWLINT_SARIF_MAX_RESULTS");
  auto capped = nlohmann::json::parse(c.out)["runs"][0];
  ASSERT_EQ(capped["results"].size(), 40u);
  for (int i = 0; i < 30; ++i) EXPECT_EQ(capped["results"][i]["level"], "error");
  std::string note = capped["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"];
  EXPECT_EQ(note.rfind("20 results over the limit of 40", 0), 0u) << note;
}

TEST(Github, EscapesPropertiesAndData) {
  CliResult r =
      RunCli("--format github --stdin-filename 'a,b:c.md' -", "She is a good communicator.\n");
  EXPECT_EQ(
      r.out.rfind(
          "::warning "
          "file=a%2Cb%3Ac.md,line=1,col=10,endLine=1,endColumn=27,title=vagueness.generic-praise::",
          0),
      0u)
      << r.out;
}

TEST(Sarif, ValidatorHarnessAcceptsTheExamples) {
  auto check =
      testing::CheckSarif(RunCli("--format sarif examples/ tests/fixtures/").out, "examples");
  if (!check.skipped.empty()) GTEST_SKIP() << check.skipped;
  EXPECT_EQ(check.code, 0) << check.log;
}

}  // namespace
}  // namespace reviewlint

namespace reviewlint {
namespace {

// Emacs + Flycheck parse --format line and must land on the flagged words (harness in ../shared).
TEST(Line, FlycheckPlacesFindingsOnTheWords) {
  std::string harness =
      std::string(REVIEWLINT_SOURCE_DIR) + "/../shared/harness/emacs-flycheck-check.sh";
  if (!std::filesystem::exists(harness))
    GTEST_SKIP() << "no ../shared/harness (not part of a user's clone)";
  if (std::system("command -v emacs >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "emacs is not installed";
  std::string file = testing::TempDir() + "/flycheck.md";
  WriteFile(file,
            "# Zoë's review\n\nZoë 😀 is a good communicator.\nJosé's tests are somewhat flaky.\n");
  // In text-mode, and in markdown-mode where a `.md` opens once elpa-markdown-mode is installed.
  std::vector<std::string> modes = {"text-mode"};
  if (std::system("ls -d /usr/share/emacs/site-lisp/elpa/markdown-mode-* >/dev/null 2>&1") == 0)
    modes.push_back("markdown-mode");
  for (const std::string& mode : modes) {
    std::string out = file + "." + mode + ".out";
    std::string cmd = "timeout 120 bash '" + harness + "' --mode " + mode + " '" +
                      REVIEWLINT_BINARY + " --format line --fail-on never' '" + file + "' > '" +
                      out + "' 2>&1";
    int status = std::system(cmd.c_str());
    ASSERT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0) << ReadAll(out);
    std::vector<std::string> texts;
    std::istringstream lines(ReadAll(out));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] != '{') continue;
      auto j = nlohmann::json::parse(line);
      texts.push_back(j["text"]);
    }
    // The harness reports the word at LINE:COL: the first word of each match ("José's" opens
    // the criticism with no next step).
    EXPECT_EQ(texts, (std::vector<std::string>{"good", "José's", "somewhat"}))
        << mode << ReadAll(out);
  }
}

}  // namespace
}  // namespace reviewlint

namespace reviewlint {
namespace {

// The pre-commit framework refuses a commit with a vague review and lets a clean one through.
TEST(PreCommit, HookRefusesVagueAndPassesClean) {
  std::string harness =
      std::string(REVIEWLINT_SOURCE_DIR) + "/../shared/harness/precommit-check.sh";
  if (!std::filesystem::exists(harness))
    GTEST_SKIP() << "no ../shared/harness (not part of a user's clone)";
  if (std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pre-commit or git is not installed";
  std::string bin_dir = std::filesystem::path(REVIEWLINT_BINARY).parent_path().string();
  std::string fixtures = std::string(REVIEWLINT_SOURCE_DIR) + "/tests/fixtures/precommit/";
  auto run = [&](const char* expect, const char* files, const char* mode) {
    std::string log = testing::TempDir() + "/precommit-" + files + "-" + mode + ".log";
    std::string cmd = "PATH='" + bin_dir + "':\"$PATH\" timeout 300 bash '" + harness +
                      "' --mode " + mode + " --expect " + expect + " --files '" + fixtures + files +
                      "' '" + REVIEWLINT_SOURCE_DIR + "' reviewlint > '" + log + "' 2>&1";
    int status = std::system(cmd.c_str());
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadAll(log));
  };
  auto vague = run("fail", "vague", "try-repo");
  EXPECT_EQ(vague.first, 0) << vague.second;
  EXPECT_NE(vague.second.find("vagueness.generic-praise"), std::string::npos) << vague.second;
  auto clean = run("pass", "clean", "try-repo");
  EXPECT_EQ(clean.first, 0) << clean.second;
  // A team's first commit: the config (a YAML file), a licence and a vague draft, through the
  // installed git hook at this repository's committed revision. Only the draft is reported.
  auto first_day = run("fail", "first-day", "commit");
  EXPECT_EQ(first_day.first, 0) << first_day.second;
  EXPECT_NE(first_day.second.find("vague-review.md:"), std::string::npos) << first_day.second;
  EXPECT_EQ(first_day.second.find("LICENSE.md:"), std::string::npos) << first_day.second;
  EXPECT_EQ(first_day.second.find(".pre-commit-config.yaml:"), std::string::npos)
      << first_day.second;
}

// The `.pre-commit-config.yaml` of the README (its first yaml block under "## pre-commit"),
// committed with a YAML file, a LICENSE and 60 drafts in one first commit, with the reviewlint
// being tested first on PATH: the commit is refused for the drafts only, and the hook's output
// holds no summary line (pre-commit runs it in several processes).
TEST(PreCommit, ReadmeConfigLintsOnlyTheReviews) {
  if (std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pre-commit or git is not installed";
  std::string readme = ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/README.md");
  size_t section = readme.find("\n## pre-commit\n");
  ASSERT_NE(section, std::string::npos);
  size_t begin = readme.find("```yaml\n", section);
  ASSERT_NE(begin, std::string::npos);
  begin += 8;
  std::string config = readme.substr(begin, readme.find("```", begin) - begin);
  ASSERT_NE(config.find("repo: local"), std::string::npos) << config;

  std::string repo = testing::TempDir() + "/precommit-first-day";
  std::filesystem::remove_all(repo);
  std::filesystem::create_directories(repo + "/reviews");
  WriteFile(repo + "/.pre-commit-config.yaml", config);
  WriteFile(repo + "/team.yaml", "team: platform\nreviewers: [hannah, josé]\n");
  WriteFile(repo + "/LICENSE", ReadAll(std::string(REVIEWLINT_SOURCE_DIR) +
                                       "/tests/fixtures/precommit/first-day/LICENSE.md"));
  std::string draft = ReadAll(std::string(REVIEWLINT_SOURCE_DIR) +
                              "/tests/fixtures/precommit/vague/vague-review.md");
  for (int i = 0; i < 60; ++i) WriteFile(repo + "/reviews/d" + std::to_string(i) + ".md", draft);
  std::string bin_dir = std::filesystem::path(REVIEWLINT_BINARY).parent_path().string();
  std::string log = repo + ".log";
  std::string cmd =
      "cd '" + repo + "' && export PATH='" + bin_dir + "':\"$PATH\" PRE_COMMIT_HOME='" + repo +
      ".home' PRE_COMMIT_COLOR=never GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid "
      "GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid && git init -q . && "
      "git config commit.gpgsign false && pre-commit install >/dev/null && git add -A && "
      "timeout 300 git commit -q -m 'first day' > '" +
      log + "' 2>&1";
  int status = std::system(cmd.c_str());
  std::string out = ReadAll(log);
  EXPECT_NE(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0) << "the commit went through\n" << out;
  EXPECT_NE(out.find("reviews/d59.md:"), std::string::npos) << out;
  EXPECT_EQ(out.find("LICENSE:"), std::string::npos) << out;
  EXPECT_EQ(out.find("team.yaml:"), std::string::npos) << out;
  EXPECT_EQ(out.find(".pre-commit-config.yaml:"), std::string::npos) << out;
  EXPECT_EQ(out.find(" in 60 files"), std::string::npos) << out;
  EXPECT_EQ(out.find(" files."), std::string::npos) << out;  // no per-process summaries either
}

}  // namespace
}  // namespace reviewlint
