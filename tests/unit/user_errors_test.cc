// The mistakes a user makes on the first day, and what reviewlint says about them: mistyped flags,
// rule names and subcommands, config files that are almost right, unreadable files.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

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
  EXPECT_TRUE(Contains(missing.out, "no-such-file.md: error: no such file or folder")) << missing.out;
}

TEST(UserErrors, OneSummaryForm) {
  CliResult clean = RunCli("--stdin-filename a.md -", "She cut the build from 40 to 6 minutes.\n");
  EXPECT_EQ(clean.out, "No findings in 1 file.\n");
  std::string dir = TempDir() + "/summary-form";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/a.md", std::string("binary\0", 7));
  WriteFile(dir + "/b.md", "She cut the build from 40 to 6 minutes.\n");
  CliResult some = RunCli("--color never '" + dir + "'");
  EXPECT_TRUE(Contains(some.out, "\nNo findings in 2 files (1 could not be linted).\n")) << some.out;
}

}  // namespace
}  // namespace reviewlint
