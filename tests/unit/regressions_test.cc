// Inputs that once crashed or hung reviewlint, found by the fuzz targets in fuzz/ and the hostile
// matrix (hostile_test.cc), kept so the bugs stay fixed. Each test names the bug. The inputs the
// fuzzers saved live in tests/fuzz/regressions/<target>/ and are replayed here through the same
// entry point as the target (and by `sh dev.sh fuzz-smoke`, under the sanitizers).
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "config.h"
#include "emit/emitter.h"
#include "examples.h"
#include "files.h"
#include "json_schema.h"
#include "lsp/framing.h"
#include "lsp/server.h"
#include "matcher.h"
#include "test_util.h"

namespace reviewlint {
namespace {

namespace fs = std::filesystem;
using testing::DefaultEngine;
using testing::ReadAll;
using testing::WriteFile;

// ---- Found by fuzz_rule_pack and fuzz_rubric ----------------------------------------------------

// A number nlohmann cannot hold (1e400 overflows a double) threw json::out_of_range, which nothing
// caught: a pack, rubric or config file with one terminated the program.
TEST(Regressions, NumberOverflowIsAJsonErrorNotACrash) {
  DataStore store;
  std::vector<std::string> errors;
  EXPECT_FALSE(ParsePack("p.json", R"({"pack": 1e400})", store, &errors));
  EXPECT_FALSE(
      ParseRubric("r.json", R"({"rubric": "x", "thresholds": {"error": -1e999}})", store, &errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "p.json: invalid JSON: number overflow parsing '1e400'");
  EXPECT_EQ(errors[1], "r.json: invalid JSON: number overflow parsing '-1e999'");
  nlohmann::json out;
  std::string error;
  EXPECT_FALSE(ParseJsonLocated("c.json", "// config\n[1e309]", &out, &error, true));
  EXPECT_EQ(error, "c.json: invalid JSON: number overflow parsing '1e309'");
}

// ---- Found by the hostile matrix ---------------------------------------------------------------

// 100,000 nested arrays parse (nlohmann's parser does not recurse) but printing the value in an
// error message recursed once per level and overflowed the stack.
TEST(Regressions, DeeplyNestedJsonIsRefusedBeforeItCanOverflowTheStack) {
  DataStore store;
  std::vector<std::string> errors;
  std::string deep = R"({"pack": "p", "rules": [{"id": "x", "severity": )" +
                     std::string(100000, '[') + std::string(100000, ']') + "}]}";
  EXPECT_FALSE(ParsePack("p.json", deep, store, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "p.json:1:174: invalid JSON: nested more than 128 levels deep");
  // The limit is far above anything real; brackets in strings and comments do not count.
  nlohmann::json out;
  std::string error;
  std::string ok = "// [[[[\n{\"a\": \"" + std::string(500, '[') +
                   "\", \"b\": " + std::string(127, '[') + std::string(127, ']') + "}";
  EXPECT_TRUE(ParseJsonLocated("c.json", ok, &out, &error, true)) << error;
}

// Reading a file whole before looking at it never finished on /dev/zero (or a symlink to it) and
// ate all memory; now reading stops at the first NUL byte, which makes the file binary anyway.
TEST(Regressions, EndlessDeviceIsReadOnlyUpToItsFirstNul) {
  std::string bytes, error;
  ASSERT_TRUE(ReadInput("/dev/zero", &bytes, &error)) << error;
  EXPECT_LE(bytes.size(), 1u << 16);
  auto bad = CheckInput(bytes);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "binary file (NUL byte at byte offset 0); skipped");
  // A regular file is still read whole.
  std::string path = testing::TempDir() + "/regressions-big.md";
  WriteFile(path, std::string(300000, 'a') + "\n");
  ASSERT_TRUE(ReadInput(path, &bytes, &error));
  EXPECT_EQ(bytes.size(), 300001u);
}

// A symlink loop named on the command line was reported as "no such file or folder".
TEST(Regressions, SymlinkLoopOnTheCommandLineSaysSo) {
  std::string dir = testing::TempDir() + "/regressions-loop";
  fs::create_directories(dir);
  fs::remove(dir + "/self.md");
  fs::create_symlink(dir + "/self.md", dir + "/self.md");
  auto files = CollectFiles({dir + "/self.md", dir + "/missing.md"});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].error, "cannot read file: Too many levels of symbolic links");
  EXPECT_EQ(files[1].error, "no such file or folder");
}

// One sentence of a few hundred kilobytes (a long line with no full stop) took seconds to minutes:
// the quotation-mark check and the preceded_by / followed_by guards rescanned the sentence for
// every match, and each pattern match searched for its first word from the sentence's start.
// Now each is linear; the findings must be the same as when each piece is its own sentence.
TEST(Regressions, LongSentenceFindsWhatShortOnesDo) {
  const char* pack = R"({
    "pack": "custom",
    "rules": [
      {"id": "phrase", "kind": "phrase", "severity": "warning", "phrases": ["communicate clearly"],
       "unless": {"preceded_by": ["not"], "followed_by": ["protocol"], "window": 2},
       "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["x"], "good": ["y"]}},
      {"id": "pattern", "kind": "pattern", "severity": "error", "pattern": "\\bX%",
       "case_sensitive": true, "message": "m", "why": "w", "instead": "i",
       "examples": {"bad": ["X%"], "good": ["x%"]}}
    ]})";
  DataStore store;
  std::vector<std::string> errors;
  auto parsed = ParsePack("custom.json", pack, store, &errors);
  ASSERT_TRUE(parsed) << errors[0];
  std::vector<RulePack> packs;
  packs.push_back(std::move(*parsed));
  auto engine = Engine::Build(std::move(packs), {}, RuleSettings{}, &errors);
  ASSERT_TRUE(engine) << errors[0];
  // Per piece: 1 quoted (not flagged), 1 after "not" (guarded), 1 before "protocol" (guarded),
  // 1 after an inch mark (flagged), X% twice (flagged), 1 plain (flagged).
  const std::string piece =
      "they \"communicate clearly\" and do not communicate clearly and communicate clearly "
      "protocol, a 12\" screen, we communicate clearly, X% and X% and communicate clearly";
  auto count = [&](const std::string& text) {
    Workspace ws(*engine);
    SourceFile src("t.md", text);
    return engine->Lint(src, *MarkupByName("markdown"), ws).diagnostics.size();
  };
  size_t one = count(piece + ".\n");
  EXPECT_EQ(one, 4u);
  const int n = 3000;  // ~400 KB in one sentence
  std::string joined;
  for (int i = 0; i < n; ++i) joined += piece + (i + 1 < n ? " and " : ".\n");
  EXPECT_EQ(count(joined), one * n);
}

// A CR-only file was split into lines by searching for the next LF from every line: to the end
// of the file each time. (The LF-only case was fixed the same way earlier.)
// A phrase's {a|b} groups multiply: forty of them in a pack meant 2^40 phrases to add, which ran
// out of memory after minutes. Now a phrase may expand to at most 1,000.
TEST(Regressions, ExplodingAlternativesAreAnErrorNotAHang) {
  EXPECT_EQ(CountAlternatives("work on {his|her} code {a|b|c}", 1000), 6u);
  EXPECT_EQ(CountAlternatives("work on {his|her} code {a|b|c}", 1000),
            ExpandAlternatives("work on {his|her} code {a|b|c}").size());
  EXPECT_EQ(CountAlternatives("plain {unclosed", 1000), 1u);
  std::string groups;
  for (int i = 0; i < 40; ++i) groups += "{a|b}";
  EXPECT_EQ(CountAlternatives(groups, 1000), 1001u);
  DataStore store;
  std::vector<std::string> errors;
  auto pack = ParsePack("p.json",
                        R"({"pack": "p", "rules": [{"id": "x", "kind": "phrase", "phrases": [")" +
                            groups + R"("], "severity": "info", "message": "m", "why": "w",
                            "instead": "i", "examples": {"bad": ["a"], "good": ["b"]}}]})",
                        store, &errors);
  ASSERT_TRUE(pack) << errors[0];
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  EXPECT_FALSE(Engine::Build(std::move(packs), {}, RuleSettings{}, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "p.json: /rules/0/phrases/0: phrase \"" + groups +
                           "\" expands to more than 1000 alternatives");
}

TEST(Regressions, CrOnlyLinesSplitInLinearTime) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "Ok.\r\r";
  MarkupResult r = ScanMarkdown(text, 0);
  EXPECT_EQ(r.blocks.size(), 200000u);
  EXPECT_EQ(r.blocks.back().span.begin, text.size() - 5);
}

// ---- Saved fuzz inputs, replayed ---------------------------------------------------------------

class NullBuf : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// What each fuzz target does with one input (fuzz/fuzz_<target>.cc), minus its invariant checks.
void Replay(const std::string& target, const std::string& bytes) {
  DataStore store;
  std::vector<std::string> errors;
  if (target == "utf8") {
    FindInvalidUtf8(bytes);
    CheckInput(bytes);
    LineIndex index(bytes);
    for (uint32_t o = 0; o <= bytes.size(); ++o) index.Utf16Position(o);
  } else if (target == "markdown") {
    for (const Markup& m : Markups()) m.scan(bytes, 0);
  } else if (target == "segmenter") {
    Segmenter segmenter;
    std::vector<Span> out;
    segmenter.Sentences(bytes, Span{0, static_cast<uint32_t>(bytes.size())}, &out);
    segmenter.Words(bytes, Span{0, static_cast<uint32_t>(bytes.size())}, &out);
  } else if (target == "engine") {
    if (CheckInput(bytes)) return;
    SourceFile source("fuzz.md", bytes);
    Workspace ws(DefaultEngine());
    NullBuf buf;
    std::ostream out(&buf);
    for (const char* markup : {"markdown", "text"}) {
      FileResult f;
      f.path = "fuzz.md";
      f.source = &source;
      f.diagnostics = DefaultEngine().Lint(source, *MarkupByName(markup), ws).diagnostics;
      for (const EmitterInfo& info : Emitters()) {
        EmitOptions o;
        o.engine = &DefaultEngine();
        auto e = info.make(o);
        e->Begin(out);
        e->File(f, out);
        e->End(Summary{}, out);
      }
    }
  } else if (target == "rule_pack") {
    if (auto pack = ParsePack("fuzz.json", bytes, store, &errors)) {
      std::vector<RulePack> packs;
      packs.push_back(std::move(*pack));
      if (auto engine = Engine::Build(std::move(packs), {}, RuleSettings{}, &errors))
        RunExamples(*engine);
    }
  } else if (target == "rubric") {
    if (auto rubric = ParseRubric("fuzz.json", bytes, store, &errors)) {
      RuleSettings settings;
      settings.rubric = rubric->name;
      std::vector<Rubric> rubrics;
      rubrics.push_back(std::move(*rubric));
      if (auto engine = Engine::Build({}, std::move(rubrics), settings, &errors)) {
        Workspace ws(*engine);
        SourceFile source("sample.md", "# Code Quality\n\nShe added tests.\n");
        engine->Lint(source, *MarkupByName("markdown"), ws);
      }
    }
  } else if (target == "config") {
    std::string dir = testing::TempDir() + "/regressions-config";
    fs::create_directories(dir);
    WriteFile(dir + "/.reviewlint.json", bytes);
    Config config;
    if (LoadConfig(dir + "/.reviewlint.json", &config, &errors)) {
      PolicyFor(config, dir + "/drafts/a.md");
      IsIgnored(config, dir + "/drafts/a.md");
    }
  } else if (target == "lsp") {
    // The server over in-memory files, as fuzz/fuzz_lsp.cc runs it.
    std::string stream = !bytes.empty() && bytes[0] == '{' ? lsp::FrameLines(bytes) : bytes;
    int in = memfd_create("lsp-in", 0), out = memfd_create("lsp-out", 0);
    ASSERT_TRUE(in >= 0 && out >= 0);
    ASSERT_EQ(write(in, stream.data(), stream.size()), static_cast<ssize_t>(stream.size()));
    lseek(in, 0, SEEK_SET);
    lsp::ServerOptions options;
    options.debounce_ms = 0;
    options.max_delay_ms = 0;
    options.max_message_bytes = 1 << 14;
    int code = lsp::RunLanguageServer(in, out, options);
    EXPECT_TRUE(code == 0 || code == 1) << code;
    close(in);
    close(out);
  } else {
    ADD_FAILURE() << "no replay for fuzz target \"" << target << "\"";
  }
}

// The LSP target's seeds (whole sessions, bad headers, huge lengths, truncation) through the same
// replay: the server ends with 0 or 1 on each, in-process, so the sanitizer suite checks them too.
TEST(Regressions, LspFuzzSeedsReplay) {
  fs::path seeds = fs::path(REVIEWLINT_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / "lsp";
  size_t replayed = 0;
  for (const auto& input : fs::directory_iterator(seeds)) {
    SCOPED_TRACE(input.path().string());
    Replay("lsp", ReadAll(input.path().string()));
    ++replayed;
  }
  EXPECT_GE(replayed, 5u);
}

TEST(Regressions, SavedFuzzInputsReplay) {
  fs::path root = fs::path(REVIEWLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& input : fs::directory_iterator(dir.path())) {
      SCOPED_TRACE(input.path().string());
      Replay(dir.path().filename().string(), ReadAll(input.path().string()));
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u);
}

}  // namespace
}  // namespace reviewlint
