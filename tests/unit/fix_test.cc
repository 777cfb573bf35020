// --fix, --fix-unsafe and --diff: content, line endings and permissions kept; a file that could
// not be linted is never touched; a failed write leaves the original intact.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "fix.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::ReadAll;
using testing::RunCli;
using testing::WriteFile;

std::string Dir(const std::string& name) {
  std::string d = testing::TempDir() + "/fix-" + name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

const std::string kCrlf =
    "# Review\r\n\r\n<!-- reviewlint-disable-next-line bias -->\r\nHis tests are somewhat "
    "flaky.\r\nZoë 😀 is kind of slow.\r\n";

TEST(Fix, SafeFixesOnlyByDefaultAndLineEndingsKept) {
  std::string d = Dir("safe");
  std::string f = d + "/a.md";
  WriteFile(f, kCrlf);
  chmod(f.c_str(), 0640);
  CliResult r = RunCli("--fix --report-unused-disables '" + f + "'");
  EXPECT_EQ(ReadAll(f),
            "# Review\r\n\r\nHis tests are somewhat flaky.\r\nZoë 😀 is kind of slow.\r\n");
  struct stat st;
  stat(f.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_NE(r.err.find("Fixed 1 finding in 1 file"), std::string::npos) << r.err;
  // Unsafe fixes change what the review says: only with --fix-unsafe.
  RunCli("--fix-unsafe '" + f + "'");
  EXPECT_EQ(ReadAll(f), "# Review\r\n\r\nHis tests are flaky.\r\nZoë 😀 is slow.\r\n");
  EXPECT_EQ(std::filesystem::directory_iterator(d)->path().filename(),
            "a.md");  // no temporary left
}

TEST(Fix, DiffChangesNothing) {
  std::string d = Dir("diff");
  std::string f = d + "/a.md";
  WriteFile(f, kCrlf);
  CliResult r = RunCli("--diff --fix-unsafe --color never '" + f + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadAll(f), kCrlf);
  EXPECT_NE(r.out.find("\n-His tests are somewhat flaky.\r\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n+His tests are flaky.\r\n"), std::string::npos) << r.out;
  EXPECT_EQ(RunCli("--diff '" + f + "'").out, "");  // no safe fixes without unused-disable reports
}

TEST(Fix, StdinPrintsTheFixedText) {
  CliResult r = RunCli("--fix-unsafe -", "It is somewhat slow.\n");
  EXPECT_EQ(r.out, "It is slow.\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Fix, UnlintableFilesAreNeverTouched) {
  std::string d = Dir("bad");
  std::string f = d + "/bad.md";
  std::string bytes = "It is somewhat slow. \xC0\xAF\n";
  WriteFile(f, bytes);
  CliResult r = RunCli("--fix-unsafe '" + f + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(ReadAll(f), bytes);
  EXPECT_NE(r.err.find("not fixed"), std::string::npos) << r.err;
}

TEST(Fix, AFailedWriteLeavesTheOriginal) {
  std::string d = Dir("fail");
  std::string f = d + "/a.md";
  WriteFile(f, "It is somewhat slow.\n");
  setenv("REVIEWLINT_TEST_FAIL_WRITE", "1", 1);
  CliResult r = RunCli("--fix-unsafe '" + f + "'");
  unsetenv("REVIEWLINT_TEST_FAIL_WRITE");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(ReadAll(f), "It is somewhat slow.\n");
  EXPECT_NE(
      r.err.find("cannot write the fixed file: No space left on device; the file is unchanged"),
      std::string::npos)
      << r.err;
  size_t files = 0;
  for (auto it = std::filesystem::directory_iterator(d);
       it != std::filesystem::directory_iterator(); ++it)
    ++files;
  EXPECT_EQ(files, 1u);  // the temporary is gone
}

// Permission bits other than the usual 0644 (private, executable) survive the temporary file
// and the rename, and so do CRLF line endings; a failed write changes neither bytes nor mode.
TEST(Fix, PermissionsAndLineEndingsKeptAndAFailedWriteChangesNothing) {
  std::string d = Dir("modes");
  const std::string fixed =
      "# Review\r\n\r\n<!-- reviewlint-disable-next-line bias -->\r\nHis "
      "tests are flaky.\r\nZoë 😀 is slow.\r\n";
  auto mode = [](const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0u;
  };
  for (mode_t m : {0600u, 0640u, 0755u}) {
    std::string f = d + "/a.md";
    WriteFile(f, kCrlf);
    ASSERT_EQ(chmod(f.c_str(), m), 0);
    setenv("REVIEWLINT_TEST_FAIL_WRITE", "1", 1);
    CliResult failed = RunCli("--fix-unsafe '" + f + "'");
    unsetenv("REVIEWLINT_TEST_FAIL_WRITE");
    EXPECT_EQ(failed.exit_code, 2) << failed.err;
    EXPECT_EQ(ReadAll(f), kCrlf);
    EXPECT_EQ(mode(f), m);
    RunCli("--fix-unsafe '" + f + "'");
    EXPECT_EQ(ReadAll(f), fixed);
    EXPECT_EQ(mode(f), m) << std::oct << m;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(d))
      names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"a.md"});  // no temporary left, either time
    std::filesystem::remove(f);
  }
}

TEST(Fix, OverlappingFixesApplyOnce) {
  Diagnostic a, b;
  a.fixes.push_back(Fix{Span{0, 5}, "X", true});
  b.fixes.push_back(Fix{Span{3, 8}, "Y", true});
  std::vector<bool> fixed;
  EXPECT_EQ(ApplyFixes("0123456789", {a, b}, false, &fixed), "X56789");
  EXPECT_EQ(fixed, (std::vector<bool>{true, false}));
}

}  // namespace
}  // namespace reviewlint
