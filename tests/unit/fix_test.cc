// --fix, --fix-unsafe and --diff: content, line endings and permissions kept; a file that could
// not be linted is never touched; a failed write leaves the original intact.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <regex>

#include "fix.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::ReadAll;
using testing::RunCli;
using testing::WriteFile;

const std::string kCrlf =
    "# Review\r\n\r\n<!-- reviewlint-disable-next-line bias -->\r\nHis tests are somewhat "
    "flaky.\r\nZoë 😀 is kind of slow.\r\n";

TEST(Fix, SafeFixesOnlyByDefaultAndLineEndingsKept) {
  std::string d = testing::FreshDir("fix-safe");
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
  std::string d = testing::FreshDir("fix-diff");
  std::string f = d + "/a.md";
  WriteFile(f, kCrlf);
  CliResult r = RunCli("--diff --fix-unsafe --color never '" + f + "'");
  // Exit as a plain run would on the fixed text: "His tests are flaky." is still a criticism
  // with no next step.
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadAll(f), kCrlf);
  EXPECT_NE(r.out.find("\n-His tests are somewhat flaky.\r\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n+His tests are flaky.\r\n"), std::string::npos) << r.out;
  EXPECT_EQ(RunCli("--diff '" + f + "'").out, "");  // no safe fixes without unused-disable reports
}

// A deleted sentence-initial hedge keeps the sentence's capital; a removal never joins lines;
// a booster loses its intensifier.
TEST(Fix, UnsafeFixesKeepCapitalsAndLines) {
  CliResult r = RunCli("--fix-unsafe -",
                       "I gave that feedback to her. Maybe she could try to be a\nbit more "
                       "collaborative. Her work was really great.\n");
  EXPECT_EQ(r.out,
            "I gave that feedback to her. She could try to be\nmore collaborative. Her work was "
            "great.\n");
  auto shaped = [](const std::string& text, const std::string& word) {
    Fix f{Span{static_cast<uint32_t>(text.find(word)),
               static_cast<uint32_t>(text.find(word) + word.size())},
          "", false};
    ShapeRemoval(text, &f);
    return text.substr(0, f.span.begin) + f.replacement + text.substr(f.span.end);
  };
  EXPECT_EQ(shaped("- Maybe she is slow.\n", "Maybe"), "- She is slow.\n");
  EXPECT_EQ(shaped("Done.\n\nMaybe she is slow.\n", "Maybe"), "Done.\n\nShe is slow.\n");
  EXPECT_EQ(shaped("It was done. \"Maybe she is slow.\"\n", "Maybe"),
            "It was done. \"She is slow.\"\n");
  EXPECT_EQ(shaped("She is slow.\nMaybe\nshe is not.\n", "Maybe"), "She is slow.\nShe is not.\n");
  EXPECT_EQ(shaped("Yesterday I think she won.\n", "I think"), "Yesterday she won.\n");
  EXPECT_EQ(shaped("> try to be a\r\n> bit more.\r\n", "a\r\n> bit"), "> try to be\r\n> more.\r\n");
  EXPECT_EQ(shaped("try to be a\nbit more.\n", "a\nbit"), "try to be\nmore.\n");
  EXPECT_EQ(shaped("She was kind of\nslow.\n", "kind of"), "She was\nslow.\n");
  EXPECT_EQ(shaped("## Maybe slow\n", "Maybe"), "## Slow\n");
  EXPECT_EQ(shaped("- Maybe\n  she is slow.\n", "Maybe"), "- She is slow.\n");
  EXPECT_EQ(shaped("> Maybe\n> she is slow.\n", "Maybe"), "> She is slow.\n");
}

// Fixed drafts stay valid Markdown with the same blocks: cmark renders the same block structure
// (paragraphs, list items, quotes, headings) before and after --fix-unsafe.
TEST(Fix, FixedDraftKeepsItsMarkdownBlocks) {
  if (testing::RenderCommonMark("x").empty()) GTEST_SKIP() << "cmark is not installed";
  const std::string draft =
      "# Review\n\nMaybe she could try to be a\nbit more collaborative. Really great work.\n\n"
      "- Maybe\n  she is slow.\n- He is somewhat\n  careful.\n\n1. Kind of slow.\n\n"
      "> Maybe she could try to be a\n> bit faster.\n\n## Sort of done\n\nIt was very good.  \n"
      "Perhaps she is slow.\n";
  CliResult r = RunCli("--fix-unsafe -", draft);
  ASSERT_NE(r.out, draft);
  auto blocks = [](const std::string& html) {
    std::string tags;
    std::regex tag("</?(p|li|ul|ol|blockquote|h[1-6]|br)[ />]");
    for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it)
      tags += it->str();
    return tags;
  };
  EXPECT_EQ(blocks(testing::RenderCommonMark(r.out)), blocks(testing::RenderCommonMark(draft)))
      << r.out;
  for (const auto& hedge : testing::Lint(r.out)) EXPECT_NE(hedge.rule, "vagueness.hedge") << r.out;
}

// --fix and --diff say when there is nothing to fix, list what is left and exit as a plain
// run would.
TEST(Fix, NothingToFixIsSaidAndWhatIsLeftListed) {
  std::string f = testing::FreshDir("fix-nothing") + "/a.md";
  // Three findings: the placeholder, the hedge, and "somewhat slow" as criticism with no step.
  const std::string text = "Goals: X% faster. She is somewhat slow.\n";
  WriteFile(f, text);
  CliResult plain = RunCli("--color never '" + f + "'");
  ASSERT_EQ(plain.exit_code, 1);
  CliResult diff = RunCli("--diff --color never '" + f + "'");
  EXPECT_EQ(diff.out, "");
  EXPECT_EQ(diff.exit_code, plain.exit_code);
  EXPECT_NE(diff.err.find("[template.placeholder-number]"), std::string::npos) << diff.err;
  EXPECT_NE(diff.err.find("Nothing to fix: none of the 3 findings has a safe fix; 1 has a fix "
                          "that changes what the review says (--fix-unsafe)."),
            std::string::npos)
      << diff.err;
  CliResult fix = RunCli("--fix --color never '" + f + "'");
  EXPECT_EQ(fix.out, plain.out);
  EXPECT_EQ(fix.exit_code, plain.exit_code);
  EXPECT_EQ(ReadAll(f), text);
  CliResult unsafe = RunCli("--fix-unsafe --color never --fail-on error '" + f + "'");
  EXPECT_EQ(unsafe.exit_code, 1);  // the placeholder is left, and it is an error
  EXPECT_NE(unsafe.out.find("[template.placeholder-number]"), std::string::npos) << unsafe.out;
  EXPECT_NE(unsafe.err.find("Fixed 1 finding in 1 file; 2 left."), std::string::npos) << unsafe.err;
  WriteFile(f, "The p95 latency fell from 480 ms to 210 ms.\n");
  CliResult clean = RunCli("--fix '" + f + "'");
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_NE(clean.err.find("Nothing to fix: no findings."), std::string::npos) << clean.err;
}

TEST(Fix, StdinPrintsTheFixedText) {
  CliResult r = RunCli("--fix-unsafe -", "It is somewhat slow.\n");
  EXPECT_EQ(r.out, "It is slow.\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Fix, UnlintableFilesAreNeverTouched) {
  std::string d = testing::FreshDir("fix-bad");
  std::string f = d + "/bad.md";
  std::string bytes = "It is somewhat slow. \xC0\xAF\n";
  WriteFile(f, bytes);
  CliResult r = RunCli("--fix-unsafe '" + f + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(ReadAll(f), bytes);
  EXPECT_NE(r.err.find("not fixed"), std::string::npos) << r.err;
}

TEST(Fix, AFailedWriteLeavesTheOriginal) {
  std::string d = testing::FreshDir("fix-fail");
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
  std::string d = testing::FreshDir("fix-modes");
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
