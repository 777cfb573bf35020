// `reviewlint --redact`: in every lint output format no name from the front matter (or
// --redact-name) is left, the tokens are those `reviewlint report --redact` gives, positions are
// the original file's, SARIF lists its run.redactionTokens, and fixes are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "emit/emitter.h"
#include "redact.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::ReadAll;
using testing::RunCli;
using testing::WriteFile;

// Two drafts with names in their paths, possessives, capitals and a non-ASCII name, and two
// drafts of the report's set; Priya Raman reviews both fixtures (one token across files).
const char* kFiles =
    "tests/fixtures/redact/2026_lindqvist.md tests/fixtures/redact/jane-doe.md "
    "tests/report/reviews/ana-costa.md tests/report/reviews/leo-marsh.md";
const char* kRedact = "--redact --redact-name John ";

// Every name the drafts give, and each part of it.
const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {
      "Zoë Lindqvist", "Zoë",          "Lindqvist", "Jane Doe", "Jane",  "Doe",       "Priya Raman",
      "Priya",         "Raman",        "Ana Costa", "Ana",      "Costa", "Leo Marsh", "Leo",
      "Marsh",         "Helen Brooks", "Helen",     "Brooks",   "John"};
  return names;
}

// The first name found in `out` as a word, case-insensitive, where digits and '_' also end a
// word (so "2026_lindqvist" and "Jane's" count), or "".
std::string LeakedName(const std::string& out) {
  std::vector<std::u32string> folded;
  for (const std::string& n : Names()) folded.push_back(Fold(n));
  auto found = FindWholeWords(out, folded, /*letters_only=*/true);
  if (found.empty()) return "";
  size_t from = found[0].begin > 30 ? found[0].begin - 30 : 0;
  return Names()[found[0].term] + " in: " + out.substr(from, 80);
}

CliResult Lint(const std::string& format, bool redact) {
  CliResult r = RunCli("--format " + format + " " + (redact ? kRedact : "") + kFiles);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // findings, no errors
  return r;
}

// path:line:col: severity (text and line) or the github annotation's position properties.
std::vector<std::string> Positions(const std::string& out, const std::string& format) {
  std::vector<std::string> got;
  std::regex re(format == "github" ? "^::(\\w+) file=[^,]*,(line=\\d+,col=\\d+,endLine=\\d+,"
                                     "endColumn=\\d+),title=([^:]+)::"
                                   : "^[^ ]+?:(\\d+:\\d+): (\\w+): .*\\[([a-z.-]+)\\]$");
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, re))
      got.push_back(m[1].str() + " " + m[2].str() + " " + m[3].str());
  }
  return got;
}

TEST(Redact, RedactorJoinsNamePartsAndRedactsPaths) {
  Redactor r;
  r.Add("Jane Doe", "Person-1");
  EXPECT_EQ(r.Apply("JaneDoe, jane_doe and Jane-Doe met Jane"),
            "Person-1, Person-1 and Person-1 met Person-1");
  EXPECT_EQ(r.ApplyToPath("reviews/jane-doe.md"), "reviews/Person-1.md");
  EXPECT_EQ(r.ApplyToPath("reviews/2026_jane/doe2.md"), "reviews/2026_Person-1/Person-12.md");
  EXPECT_EQ(r.Apply("jane_2026 and Janet"), "jane_2026 and Janet");  // prose: whole words only
  EXPECT_EQ(r.Tokens(), std::vector<std::string>{"Person-1"});
}

TEST(Redact, NoNameLeftInAnyFormat) {
  for (const EmitterInfo& e : Emitters()) {
    const std::string format(e.name);
    CliResult plain = Lint(format, false);
    ASSERT_NE(LeakedName(plain.out), "") << format << ": the fixtures should name people";
    CliResult r = Lint(format, true);
    EXPECT_EQ(LeakedName(r.out), "") << format;
    EXPECT_EQ(LeakedName(r.err), "") << format;
    for (const char* token : {"Person-1", "Person-2", "Person-5"})
      EXPECT_NE(r.out.find(token), std::string::npos) << format << " lacks " << token;
    // The reviewer is named only in review text, which github and line do not show.
    if (format != "github" && format != "line") {
      EXPECT_NE(r.out.find("Reviewer-1"), std::string::npos) << format;
    }
  }
}

TEST(Redact, SnippetsSummariesAndColorAreRedactedToo) {
  CliResult text = RunCli(std::string("--color always --summary ") + kRedact + kFiles);
  EXPECT_EQ(LeakedName(text.out), "");
  EXPECT_NE(text.out.find("2026_Person-1.md"), std::string::npos) << text.out;
  CliResult json = RunCli(std::string("--format json --summary ") + kRedact + kFiles);
  EXPECT_EQ(LeakedName(json.out), "");
}

TEST(Redact, PositionsAreTheOriginalFiles) {
  for (const char* format : {"text", "line", "github"}) {
    std::vector<std::string> plain = Positions(Lint(format, false).out, format);
    ASSERT_GT(plain.size(), 5u) << format;
    EXPECT_EQ(Positions(Lint(format, true).out, format), plain) << format;
  }
  auto plain = nlohmann::json::parse(Lint("json", false).out);
  auto redacted = nlohmann::json::parse(Lint("json", true).out);
  ASSERT_EQ(plain["files"].size(), redacted["files"].size());
  for (size_t i = 0; i < plain["files"].size(); ++i) {
    const auto& a = plain["files"][i]["diagnostics"];
    const auto& b = redacted["files"][i]["diagnostics"];
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k]["span"], b[k]["span"]);
      EXPECT_EQ(a[k]["range"], b[k]["range"]);
      EXPECT_EQ(a[k]["rule"], b[k]["rule"]);
      for (size_t f = 0; f < a[k]["fixes"].size(); ++f)
        EXPECT_EQ(a[k]["fixes"][f]["span"], b[k]["fixes"][f]["span"]);
    }
  }
  auto sarif_plain = nlohmann::json::parse(Lint("sarif", false).out)["runs"][0]["results"];
  auto sarif = nlohmann::json::parse(Lint("sarif", true).out)["runs"][0]["results"];
  ASSERT_EQ(sarif_plain.size(), sarif.size());
  for (size_t i = 0; i < sarif.size(); ++i) {
    auto region = [](nlohmann::json r) {
      r = r["locations"][0]["physicalLocation"]["region"];
      r.erase("snippet");
      return r;
    };
    EXPECT_EQ(region(sarif_plain[i]), region(sarif[i]));
  }
}

TEST(Redact, TokensAreThoseOfTheReport) {
  auto lint = nlohmann::json::parse(Lint("json", true).out);
  CliResult report = RunCli(std::string("report --format json ") + kRedact + kFiles);
  ASSERT_EQ(report.exit_code, 0) << report.err;
  auto reviews = nlohmann::json::parse(report.out)["reviews"];
  ASSERT_EQ(reviews.size(), lint["files"].size());
  std::set<std::string> tokens;
  for (size_t i = 0; i < reviews.size(); ++i) {
    EXPECT_EQ(reviews[i]["path"], lint["files"][i]["path"]);
    tokens.insert(reviews[i]["employee"].get<std::string>());
    tokens.insert(reviews[i]["reviewer"].get<std::string>());
  }
  EXPECT_EQ(lint["files"][1]["path"], "tests/fixtures/redact/Person-2.md");
  // The same reviewer in two files is one token; the report's tokens are the SARIF ones.
  auto run = nlohmann::json::parse(Lint("sarif", true).out)["runs"][0];
  ASSERT_TRUE(run.contains("redactionTokens"));
  std::set<std::string> sarif_tokens;
  for (const auto& t : run["redactionTokens"]) sarif_tokens.insert(t.get<std::string>());
  EXPECT_EQ(sarif_tokens.size(), run["redactionTokens"].size());  // unique
  for (const std::string& t : tokens) EXPECT_TRUE(sarif_tokens.count(t)) << t;
  EXPECT_TRUE(sarif_tokens.count("Reviewer-1"));
  EXPECT_FALSE(sarif_tokens.count("Reviewer-4"));
  EXPECT_TRUE(sarif_tokens.count("Person-5"));  // --redact-name John, after the four reviewees
  EXPECT_FALSE(
      nlohmann::json::parse(Lint("sarif", false).out)["runs"][0].contains("redactionTokens"));
}

TEST(Redact, StdinIsReadOnce) {
  std::string draft =
      ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/tests/fixtures/redact/jane-doe.md");
  CliResult r =
      RunCli("--format line --redact-name John --stdin-filename reviews/jane-doe.md -", draft);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(LeakedName(r.out), "");
  EXPECT_EQ(r.out.rfind("reviews/Person-1.md:", 0), 0u) << r.out;
  EXPECT_EQ(
      Positions(r.out, "line"),
      Positions(RunCli("--format line --stdin-filename reviews/jane-doe.md -", draft).out, "line"));
}

TEST(Redact, FixesAreRefused) {
  std::string dir = testing::TempDir() + "/redact-fix";
  std::filesystem::create_directories(dir);
  std::string file = dir + "/jane-doe.md";
  std::string draft =
      ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/tests/fixtures/redact/jane-doe.md");
  WriteFile(file, draft);
  for (const char* flags :
       {"--fix --redact", "--fix-unsafe --redact-name Sam", "--diff --redact"}) {
    CliResult r = RunCli(std::string(flags) + " '" + file + "'");
    EXPECT_EQ(r.exit_code, 2) << flags;
    EXPECT_NE(r.err.find("--redact cannot be combined with --fix"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(ReadAll(file), draft) << flags;
  }
}

TEST(Redact, SarifPassesTheValidators) {
  auto check = testing::CheckSarif(Lint("sarif", true).out, "redacted");
  if (!check.skipped.empty()) GTEST_SKIP() << check.skipped;
  EXPECT_EQ(check.code, 0) << check.log;
}

}  // namespace
}  // namespace reviewlint
