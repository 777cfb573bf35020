// Output identity: the JSON the binary writes for the benchmark generator's corpus and for every
// draft of the labelled corpus (labels stripped), byte for byte against committed goldens. Speed
// work must not change a byte of it; a deliberate change of the rules regenerates the goldens
// with UPDATE_GOLDEN=1, like the other goldens.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "corpus.h"
#include "corpus_eval.h"
#include "test_util.h"

namespace reviewlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadAll;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

// An empty folder under the test's temporary folder.
std::string FreshDir(const std::string& name) {
  std::string dir = TempDir() + "/" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// `reviewlint --format json` on the files of `dir`, with `dir` written as its name relative to
// the temporary folder so the output is the same on every machine.
std::string LintJson(const std::string& dir) {
  testing::CliResult r = RunCli("-j 1 --fail-on never --format json '" + dir + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string prefix = TempDir() + "/", out;
  for (size_t at = 0;;) {
    size_t next = r.out.find(prefix, at);
    out += r.out.substr(at, next - at);
    if (next == std::string::npos) return out;
    at = next + prefix.size();
  }
}

// Where two outputs first differ, with some bytes of each around it (the goldens are one line).
std::string FirstDifference(const std::string& got, const std::string& want) {
  size_t at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
  size_t from = at < 200 ? 0 : at - 200;
  return "first difference at byte " + std::to_string(at) + "\n  got:  " + got.substr(from, 400) +
         "\n  want: " + want.substr(from, 400);
}

void ExpectGolden(const std::string& name, const std::string& got) {
  std::string path = std::string(REVIEWLINT_SOURCE_DIR) + "/tests/golden/" + name;
  if (std::getenv("UPDATE_GOLDEN")) WriteFile(path, got);
  std::string want = ReadAll(path);
  EXPECT_TRUE(got == want) << "golden " << name << " differs; UPDATE_GOLDEN=1 to accept\n"
                           << FirstDifference(got, want);
}

// The generator's drafts as the benchmark writes them (bench/gen_corpus.cc): a folder of 2 KB
// drafts and a few whole 6 KB reviews.
TEST(OutputIdentity, BenchCorpus) {
  std::string dir = FreshDir("bench-corpus");
  for (uint64_t i = 0; i < 12; ++i)
    WriteFile(dir + "/review-" + std::to_string(i) + ".md",
              bench::GenerateReview(2 * 1000003 + i, 2048));
  for (uint64_t i = 0; i < 3; ++i)
    WriteFile(dir + "/long-" + std::to_string(i) + ".md", bench::GenerateReview(1000003 + i, 6000));
  ExpectGolden("bench-corpus.json", LintJson(dir));
}

// Every draft of tests/corpus, its labels removed (what reviewlint-eval lints).
TEST(OutputIdentity, LabelledCorpus) {
  std::string dir = FreshDir("labelled-corpus");
  std::string drafts = std::string(REVIEWLINT_SOURCE_DIR) + "/tests/corpus/drafts";
  for (const auto& entry : fs::directory_iterator(drafts)) {
    if (entry.path().extension() != ".md") continue;
    eval::Draft d;
    std::string error;
    ASSERT_TRUE(eval::ParseDraft(entry.path().string(), ReadAll(entry.path().string()), &d, &error))
        << error;
    WriteFile(dir + "/" + entry.path().filename().string(), d.text);
  }
  ExpectGolden("labelled-corpus.json", LintJson(dir));
}

}  // namespace
}  // namespace reviewlint
