// Linting with several threads (ParallelFor in src/parallel.h, LintAll in src/cli.cc).
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::RunCli;
using testing::WriteFile;

// -j N prints the same bytes as -j 1, in the order the files were given; more files than the
// window of finished files the threads may run ahead by (64), so the ring of slots wraps.
TEST(Parallel, OutputIsIdenticalToOneThread) {
  std::string dir = testing::TempDir() + "/parallel";
  std::filesystem::create_directories(dir);
  for (int i = 0; i < 300; ++i) {
    std::string text = i % 3 == 0   ? "She is a team player and somewhat slow.\n"
                       : i % 3 == 1 ? "Fine.\n"
                                    : "Goals: TBD\n";
    WriteFile(dir + "/d" + std::to_string(1000 + i) + ".md", text);
  }
  WriteFile(dir + "/bad.md", "\xff\xfe");
  for (const char* format : {"text", "json", "sarif", "line"}) {
    CliResult one = RunCli(std::string("--color never -j 1 --format ") + format + " '" + dir + "'");
    CliResult four =
        RunCli(std::string("--color never -j 4 --format ") + format + " '" + dir + "'");
    EXPECT_EQ(one.out, four.out) << format;
    EXPECT_EQ(one.exit_code, four.exit_code);
    EXPECT_EQ(one.exit_code, 2);
  }
}

}  // namespace
}  // namespace reviewlint
