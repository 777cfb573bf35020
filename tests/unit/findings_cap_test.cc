// --max-findings: at most N findings per file in every format (100 by default, 0 for all), a
// note saying how many were left out, and an exit code and summary that count them all.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::Contains;
using testing::Count;
using testing::RunCli;

// 150 findings of one rule on one line, and whole-review ones after them.
std::string ManyFindings() {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "He is a good communicator. ";
  return text + "\n";
}

size_t AllFindings() {
  CliResult all = RunCli("--format json --max-findings 0 --stdin-filename a.md -", ManyFindings());
  return nlohmann::json::parse(all.out)["files"][0]["diagnostics"].size();
}

TEST(FindingsCap, TextShowsTheFirstHundredAndSaysHowManyMore) {
  const size_t all = AllFindings();
  ASSERT_GT(all, 150u);
  const std::string more = std::to_string(all - 100);
  CliResult r = RunCli("--color never --stdin-filename a.md -", ManyFindings());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Count(r.out, "\na.md:1:"), 99u);  // the first header starts the output
  EXPECT_TRUE(Contains(r.out, "a.md: " + more +
                                  " more findings not shown (--max-findings 100; 0 "
                                  "shows all)\n"))
      << r.out.substr(r.out.size() - 400);
  EXPECT_TRUE(Contains(r.out, " in 1 file (" + more + " not shown).\n"))
      << r.out.substr(r.out.size() - 400);
  CliResult q = RunCli("-q --max-findings 0 --stdin-filename a.md -", ManyFindings());
  EXPECT_FALSE(Contains(q.out, "not shown")) << q.out.substr(q.out.size() - 400);
}

TEST(FindingsCap, EveryFormatCapsAndSaysSo) {
  const size_t all = AllFindings();
  const std::string args = " --max-findings 3 --stdin-filename a.md -";
  const std::string note = "a.md: " + std::to_string(all - 3) +
                           " more findings not shown (--max-findings 3; 0 shows all)";
  CliResult json = RunCli("--format json" + args, ManyFindings());
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["files"][0]["diagnostics"].size(), 3u);
  EXPECT_EQ(j["files"][0]["findings_not_shown"], all - 3);
  EXPECT_TRUE(Contains(json.err, note)) << json.err;
  CliResult sarif = RunCli("--format sarif" + args, ManyFindings());
  auto s = nlohmann::json::parse(sarif.out)["runs"][0];
  EXPECT_EQ(s["results"].size(), 3u);
  EXPECT_EQ(s["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"], note);
  CliResult github = RunCli("--format github" + args, ManyFindings());
  EXPECT_EQ(Count(github.out, "::warning "), 3u) << github.out;
  EXPECT_TRUE(Contains(github.out, "::notice file=a.md,title=reviewlint::" + note.substr(6)))
      << github.out;
  CliResult line = RunCli("--format line" + args, ManyFindings());
  EXPECT_EQ(Count(line.out, "\n"), 3u) << line.out;
  EXPECT_TRUE(Contains(line.err, note)) << line.err;
  EXPECT_EQ(nlohmann::json::parse(RunCli("--format json --stdin-filename a.md -", "x\n")
                                      .out)["files"][0]["findings_not_shown"],
            0);
}

TEST(FindingsCap, TheExitCodeCountsWhatIsNotShown) {
  // The first finding is an info; the error after it is not shown.
  const char* draft = "It is somewhat slow. The rollout date is TBD.\n";
  CliResult r = RunCli("--max-findings 1 --fail-on error --stdin-filename a.md -", draft);
  EXPECT_FALSE(Contains(r.out, "TBD\" marks")) << r.out;
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(RunCli("--max-findings -1 -", draft).exit_code, 2);
}

}  // namespace
}  // namespace reviewlint
