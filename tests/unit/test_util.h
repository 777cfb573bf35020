// Helpers shared by the unit tests: the default engine, linting a string, running the CLI.
#pragma once

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine.h"

namespace reviewlint::testing {

// Sanitizer and unoptimized builds are several times slower and use more memory (ASan's shadow
// memory and quarantine dwarf what a memory bound measures): time bounds are multiplied by kSlow,
// big inputs divided by it, and memory bounds apply to optimized, unsanitized builds only.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif
#if defined(__OPTIMIZE__)
constexpr bool kSlowBuild = kSanitized;
#else
constexpr bool kSlowBuild = true;
#endif
constexpr int kSlow = kSlowBuild ? 10 : 1;
constexpr bool kCheckMemory = !kSlowBuild;

// The config and suppression tests are about where settings and comments apply, not about which
// packs flag a sentence ("He is abrasive." is also a criticism with no next step, which balance
// reports): they run the list rules only.
inline const std::string kListRulesOnly =
    "--rule balance.no-next-step=off --rule vagueness.unsupported-evaluation=off "
    "--rule bias.trait-judgement=off --rule bias.faint-evaluation=off "
    "--rule metrics.unmeasured-achievement=off";

inline const Engine& DefaultEngine() {
  static std::unique_ptr<Engine> engine = [] {
    DataStore store;
    std::vector<std::string> errors;
    auto e = Engine::FromStore(store, RuleSettings{}, &errors);
    if (!errors.empty()) {
      for (auto& m : errors) fprintf(stderr, "%s\n", m.c_str());
      abort();
    }
    return e;
  }();
  return *engine;
}

struct Found {
  std::string rule;
  std::string text;
};

/// Lints `text` as Markdown (or the named markup) and returns (rule, matched text) pairs.
inline std::vector<Found> Lint(const std::string& text, const char* markup = "markdown",
                               const Engine* engine = nullptr) {
  const Engine& e = engine ? *engine : DefaultEngine();
  Workspace ws(e);
  SourceFile src("t.md", text);
  std::vector<Found> out;
  for (const Diagnostic& d : e.Lint(src, *MarkupByName(markup), ws).diagnostics)
    out.push_back({d.rule, std::string(src.Slice(d.span))});
  return out;
}

inline bool Has(const std::vector<Found>& found, const std::string& rule, const std::string& text) {
  for (const auto& f : found)
    if (f.rule == rule && f.text == text) return true;
  return false;
}

inline bool HasRule(const std::vector<Found>& found, const std::string& rule_prefix) {
  for (const auto& f : found)
    if (f.rule.rfind(rule_prefix, 0) == 0) return true;
  return false;
}

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string TempDir() {
  static std::string dir = [] {
    char tmpl[] = "/tmp/reviewlint-test-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  return dir;
}

/// An empty folder of its own under TempDir() for one test, readable by everyone (a test that
/// runs the binary as another user, when the tests run as root, needs to reach it).
inline std::string FreshDir(const std::string& name) {
  std::string d = TempDir() + "/" + name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  chmod(TempDir().c_str(), 0755);
  return d;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// How many times `needle` occurs in `haystack` (overlapping).
inline size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

/// Runs the reviewlint binary with `args` (a shell-quoted string), feeding `input` on stdin.
inline CliResult RunCli(const std::string& args, const std::string& input = "") {
  static int counter = 0;
  std::string base = TempDir() + "/cli" + std::to_string(counter++);
  WriteFile(base + ".in", input);
  std::string cmd = std::string("cd '") + REVIEWLINT_SOURCE_DIR + "' && '" + REVIEWLINT_BINARY +
                    "' " + args + " < '" + base + ".in' > '" + base + ".out' 2> '" + base + ".err'";
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadAll(base + ".out");
  r.err = ReadAll(base + ".err");
  return r;
}

/// `markdown` rendered to HTML, raw HTML kept, by a real CommonMark implementation: Debian's cmark,
/// or e.g. "cmark-gfm --unsafe -e table". Empty when it is not installed (tests then skip).
inline std::string RenderCommonMark(const std::string& markdown,
                                    const std::string& command = "cmark --unsafe") {
  std::string tool = command.substr(0, command.find(' '));
  if (std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) != 0) return "";
  static int counter = 0;
  std::string base = TempDir() + "/commonmark" + std::to_string(counter++);
  WriteFile(base + ".md", markdown);
  std::system((command + " '" + base + ".md' > '" + base + ".html'").c_str());
  return ReadAll(base + ".html");
}

/// The SARIF validators (../shared/harness/check-sarif.sh --warnings-fail) on `sarif`. The
/// harness lives beside the project; a user's clone does not have it, so `skipped` says why it
/// did not run, else `code` is its exit code and `log` its output.
struct SarifCheck {
  std::string skipped;
  int code = -1;
  std::string log;
};

inline SarifCheck CheckSarif(const std::string& sarif, const std::string& name) {
  SarifCheck c;
  std::string harness = std::string(REVIEWLINT_SOURCE_DIR) + "/../shared/harness/check-sarif.sh";
  if (!std::filesystem::exists(harness)) {
    c.skipped = "no ../shared/harness (not part of a user's clone)";
    return c;
  }
  if (std::system("command -v npm >/dev/null 2>&1") != 0) {
    c.skipped = "npm is not installed";
    return c;
  }
  std::string out = TempDir() + "/" + name + ".sarif";
  WriteFile(out, sarif);
  std::string cmd =
      "timeout 600 bash '" + harness + "' --warnings-fail '" + out + "' > '" + out + ".log' 2>&1";
  int status = std::system(cmd.c_str());
  c.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  c.log = ReadAll(out + ".log");
  if (c.code == 3) c.skipped = "a validator could not be installed: " + c.log;
  return c;
}

}  // namespace reviewlint::testing
