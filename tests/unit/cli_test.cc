// End-to-end tests of the reviewlint binary: exit codes, input errors, output formats (golden).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "emit/emitter.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

const char* kClean = "She rewrote the export job, which cut its run time from 40 to 6 minutes.\n";
const char* kVague = "She is a good communicator.\n";

TEST(Cli, ExitCodes) {
  EXPECT_EQ(RunCli("--stdin-filename a.md -", kClean).exit_code, 0);
  EXPECT_EQ(RunCli("-", kVague).exit_code, 1);
  EXPECT_EQ(RunCli("--fail-on never -", kVague).exit_code, 0);
  EXPECT_EQ(RunCli("--fail-on error -", kVague).exit_code, 0);
  EXPECT_EQ(RunCli("--fail-on info -", "It is somewhat slow.\n").exit_code, 1);
  EXPECT_EQ(RunCli("--fail-on warning -", "It is somewhat slow.\n").exit_code, 0);
  CliResult bad = RunCli("--format nope -", kVague);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--format"), std::string::npos) << bad.err;
}

// --format offers exactly the rows of the emitter table (src/emit/emitters.cc), in its order.
TEST(Cli, FormatChoicesAreTheRowsOfTheEmitterTable) {
  std::string choices;
  for (const EmitterInfo& e : Emitters()) {
    choices += (choices.empty() ? "{" : ",") + std::string(e.name);
    EXPECT_EQ(RunCli("--format " + std::string(e.name) + " --fail-on never -", kVague).exit_code, 0)
        << e.name;
  }
  EXPECT_NE(RunCli("--help").out.find("--format TEXT:" + choices + "}"), std::string::npos)
      << RunCli("--help").out;
}

TEST(Cli, TextOutputLooksLikeACompiler) {
  CliResult r = RunCli("--stdin-filename draft.md --color never -", kVague);
  EXPECT_EQ(r.out,
            "draft.md:1:10: warning: \"good communicator\" is stock praise that could describe "
            "anyone; say what "
            "they did and what came of it [vagueness.generic-praise]\n"
            "  1 | She is a good communicator.\n"
            "    |          ^~~~~~~~~~~~~~~~~ vagueness.generic-praise\n"
            "    = help: Name one piece of work, what the person did in it and what it changed, "
            "with a size: \"Her write-up of the March outage became the template for all 14 "
            "teams' postmortems.\" [vagueness.generic-praise]\n"
            "1 warning in 1 file.\n");
  CliResult q = RunCli("--quiet --stdin-filename draft.md -", kVague);
  EXPECT_EQ(q.out.find("  1 |"), std::string::npos);
  EXPECT_EQ(RunCli("--stdin-filename a.md -", kClean).out, "No findings in 1 file.\n");
}

TEST(Cli, InvalidUtf8IsSkippedAndOthersStillLinted) {
  std::string dir = TempDir() + "/mixed";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/a-bad.md", "Fine line.\nZo\xC3\xAB \xC0\xAF here\n");
  WriteFile(dir + "/b-good.md", kVague);
  CliResult r = RunCli("--color never '" + dir + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find(
                dir + "/a-bad.md:2:5: error: invalid UTF-8 (byte 0xC0 at byte offset 16); skipped"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(dir + "/b-good.md:1:10: warning:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(1 could not be linted)"), std::string::npos);
}

TEST(Cli, MissingFileAndBinaryFile) {
  CliResult r = RunCli("--color never no-such-file.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("no-such-file.md: error: no such file or folder"), std::string::npos)
      << r.out;
  std::string bin = TempDir() + "/image.md";
  WriteFile(bin, std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  CliResult b = RunCli("--color never '" + bin + "'");
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.out.find("binary file (NUL byte at byte offset 8); skipped"), std::string::npos)
      << b.out;
}

TEST(Cli, EmptyAndWhitespaceFilesAreClean) {
  EXPECT_EQ(RunCli("-", "").exit_code, 0);
  EXPECT_EQ(RunCli("-", "  \n\n\t\n").exit_code, 0);
  EXPECT_EQ(RunCli("--stdin-filename x.md -", "---\nrubric: frontend-engineer\n---\n").exit_code,
            0);
}

TEST(Cli, FoldersRecurseSkippingHiddenOnesInSortedOrder) {
  std::string dir = TempDir() + "/tree";
  std::filesystem::create_directories(dir + "/b/.hidden");
  std::filesystem::create_directories(dir + "/a");
  WriteFile(dir + "/b/.hidden/x.md", kVague);
  WriteFile(dir + "/b/z.md", kVague);
  WriteFile(dir + "/a/y.markdown", kVague);
  WriteFile(dir + "/a/notes.txt", kVague);
  WriteFile(dir + "/a/image.png", kVague);
  CliResult r = RunCli("-q --color never '" + dir + "'");
  EXPECT_EQ(
      r.out,
      dir +
          "/a/notes.txt:1:10: warning: \"good communicator\" is stock praise that could describe "
          "anyone; say what they did and what came of it [vagueness.generic-praise]\n" +
          dir +
          "/a/y.markdown:1:10: warning: \"good communicator\" is stock praise that could describe "
          "anyone; say what they did and what came of it [vagueness.generic-praise]\n" +
          dir +
          "/b/z.md:1:10: warning: \"good communicator\" is stock praise that could describe "
          "anyone; say what they did and what came of it [vagueness.generic-praise]\n");
}

TEST(Cli, JsonFollowsTheContract) {
  CliResult r = RunCli("--format json tests/fixtures/crlf-emoji.md");
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["tool"]["name"], "reviewlint");
  ASSERT_EQ(j["files"].size(), 1u);
  const auto& f = j["files"][0];
  EXPECT_EQ(f["path"], "tests/fixtures/crlf-emoji.md");
  EXPECT_TRUE(f["error"].is_null());
  const auto& d = f["diagnostics"][0];
  EXPECT_EQ(d["rule"], "vagueness.generic-praise");
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["excerpt"], "good communicator");
  EXPECT_EQ(d["scope"], "span");
  // Line 3 is "Zoë 😀 is a good communicator.": the match starts at code point 12.
  EXPECT_EQ(d["range"]["start"]["line"], 3);
  EXPECT_EQ(d["range"]["start"]["column"], 12);
  EXPECT_EQ(d["range"]["end"]["column"], 29);
  std::string text =
      testing::ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/tests/fixtures/crlf-emoji.md");
  EXPECT_EQ(text.substr(d["span"]["start"].get<size_t>(), 17), "good communicator");
  EXPECT_TRUE(d["fixes"].is_array());
  EXPECT_TRUE(d["data"].is_object());
  // The hedge on line 4 offers an (unsafe) fix that removes the word and one space.
  nlohmann::json h;
  for (const auto& x : f["diagnostics"])
    if (x["rule"] == "vagueness.hedge") h = x;
  ASSERT_TRUE(h.is_object()) << r.out;
  EXPECT_EQ(h["fixes"][0]["replacement"], "");
  EXPECT_EQ(h["fixes"][0]["safe"], false);
}

TEST(Cli, JsonNamesUnreadableFiles) {
  CliResult r = RunCli("--format json missing.md");
  EXPECT_EQ(r.exit_code, 2);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files"][0]["error"], "no such file or folder");
}

TEST(Cli, ListExplainVersion) {
  CliResult l = RunCli("--list-rules");
  EXPECT_EQ(l.exit_code, 0);
  EXPECT_NE(l.out.find("vagueness.generic-praise"), std::string::npos);
  CliResult e = RunCli("--explain vagueness.generic-praise");
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_NE(e.out.find("Why it matters"), std::string::npos);
  EXPECT_NE(e.out.find("Correll"), std::string::npos);
  CliResult u = RunCli("--explain vagueness.generic-prase");
  EXPECT_EQ(u.exit_code, 2);
  EXPECT_NE(
      u.err.find(
          "unknown rule \"vagueness.generic-prase\" (did you mean \"vagueness.generic-praise\"?)"),
      std::string::npos)
      << u.err;
  CliResult v = RunCli("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("reviewlint ", 0), 0u);
}

TEST(Cli, RuleLevels) {
  EXPECT_EQ(RunCli("--rule vagueness=off -", kVague).exit_code, 0);
  CliResult r = RunCli("--rule vagueness.generic-praise=nope -", kVague);
  EXPECT_EQ(r.exit_code, 2);
  CliResult t = RunCli("--rule vagness=off -", kVague);
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("(did you mean \"vagueness\"?)"), std::string::npos) << t.err;
}

TEST(Cli, BrokenCustomPackIsALocatedError) {
  std::string dir = TempDir() + "/packs";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/team.json",
            R"({"pack": "team", "rules": [{"id": "x", "kind": "phrase", "phrase": ["y"]}]})");
  CliResult r = RunCli("--rules-dir '" + dir + "' -", kVague);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(
      r.err.find(dir + "/team.json: /rules/0: unknown key \"phrase\" (did you mean \"phrases\"?)"),
      std::string::npos)
      << r.err;
}

TEST(Cli, TestRulesRunsAPacksExamples) {
  std::string dir = TempDir() + "/good-pack";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/team.json",
            R"({"pack": "team", "rules": [{"id": "synergy", "kind": "phrase", "severity": "info",
    "phrases": ["synergy"], "message": "m", "why": "w", "instead": "i",
    "examples": {"bad": ["Great synergy."], "good": ["Great sync.", "More synergy here."]}}]})");
  CliResult r = RunCli("test-rules '" + dir + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("/team.json: /rules/0/examples/good/1: team.synergy: flagged \"synergy\" at "
                       "1:6: More synergy here."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 rules, 2 passed, 1 failed"), std::string::npos) << r.out;
  EXPECT_EQ(RunCli("test-rules").exit_code, 0);
}

// Golden files: every format on the shared fixtures. UPDATE_GOLDEN=1 rewrites them.
void Golden(const std::string& name, const std::string& args) {
  CliResult r = RunCli(args);
  std::string path = std::string(REVIEWLINT_SOURCE_DIR) + "/tests/golden/" + name;
  if (std::getenv("UPDATE_GOLDEN")) WriteFile(path, r.out);
  EXPECT_EQ(r.out, testing::ReadAll(path))
      << "golden " << name << " differs; UPDATE_GOLDEN=1 to accept";
}

TEST(Cli, GoldenText) {
  Golden("examples.txt", "--color never examples/ tests/fixtures/crlf-emoji.md");
}
TEST(Cli, GoldenJson) {
  Golden("examples.json", "--format json examples/ tests/fixtures/crlf-emoji.md");
}

// `cmake --install` puts the binary and a man page made from --help (with the exit codes) under
// the prefix.
TEST(Cli, InstallsTheBinaryAndTheManPage) {
  namespace fs = std::filesystem;
  std::string build = fs::path(REVIEWLINT_BINARY).parent_path().string();
  std::string prefix = testing::TempDir() + "/prefix";
  std::string log = testing::TempDir() + "/install.log";
  ASSERT_EQ(
      std::system(("cmake --install '" + build + "' --prefix '" + prefix + "' >'" + log + "' 2>&1")
                      .c_str()),
      0)
      << testing::ReadAll(log);
  EXPECT_TRUE(fs::exists(prefix + "/bin/reviewlint"));
  std::string page = testing::ReadAll(prefix + "/share/man/man1/reviewlint.1");
  EXPECT_NE(page.find(".TH REVIEWLINT 1"), std::string::npos);
  EXPECT_NE(page.find("--fail-on"), std::string::npos) << "options come from --help";
  EXPECT_NE(page.find("Exit status"), std::string::npos);
  fs::remove_all(prefix);
}

}  // namespace
}  // namespace reviewlint
