// Suppression comments (reviewlint-disable and friends, src/suppression.h), end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::CliResult;
using testing::RunCli;

// Suppression comments.

std::vector<std::string> Rules(const std::string& text,
                               const std::string& args = testing::kListRulesOnly) {
  CliResult r = RunCli("--format json --stdin-filename s.md " + args + " -", text);
  std::vector<std::string> out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  for (const auto& d : j["files"][0]["diagnostics"])
    out.push_back(d["rule"].get<std::string>() + "@" +
                  std::to_string(d["range"]["start"]["line"].get<int>()));
  return out;
}

TEST(Suppression, EveryForm) {
  EXPECT_EQ(
      Rules("<!-- reviewlint-disable vagueness -- quoting last year's review -->\n"
            "He is a team player.\n<!-- reviewlint-enable vagueness -->\nShe is a team player.\n"),
      (std::vector<std::string>{"vagueness.generic-praise@4"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line vagueness.generic-praise -->\n\nHe is a team "
                  "player.\nShe is a team player.\n"),
            (std::vector<std::string>{"vagueness.generic-praise@4"}));
  EXPECT_EQ(Rules("He is a team player. <!-- reviewlint-disable-line vagueness.generic-praise "
                  "-->\nShe is a team player.\n"),
            (std::vector<std::string>{"vagueness.generic-praise@2"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable -->\nHe is abrasive, a team player.\n"),
            (std::vector<std::string>{}));
}

TEST(Suppression, InsideListsAndAfterCrlfLines) {
  EXPECT_EQ(Rules("- one\r\n- <!-- reviewlint-disable-line bias -->He is abrasive.\r\n- She is "
                  "abrasive.\r\n"),
            (std::vector<std::string>{"bias.personality@3"}));
  EXPECT_EQ(Rules("- item\r\n  <!-- reviewlint-disable-next-line bias -->\r\n  He is "
                  "abrasive.\r\n- She is abrasive.\r\n"),
            (std::vector<std::string>{"bias.personality@4"}));
}

// A next-line comment above a hard-wrapped paragraph covers its first line only; the next-block
// form covers the whole paragraph, list item (continuation lines included) or table row.
TEST(Suppression, NextBlockCoversTheWrappedParagraph) {
  const std::string wrapped =
      "The release went out on time and the rollout was careful and\nwell planned. She is a "
      "team player.\n\nHe is a team player.\n";
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line vagueness.generic-praise -->\n" + wrapped),
            (std::vector<std::string>{"vagueness.generic-praise@3", "vagueness.generic-praise@5",
                                      "balance.missing-constructive@5"}));
  EXPECT_EQ(
      Rules("<!-- reviewlint-disable-next-block vagueness.generic-praise -->\n" + wrapped),
      (std::vector<std::string>{"vagueness.generic-praise@5", "balance.missing-constructive@5"}));
  EXPECT_EQ(Rules("- one\n<!-- reviewlint-disable-next-block bias -->\n- The release went out on "
                  "time,\n  but he is abrasive.\n- She is abrasive.\n"),
            (std::vector<std::string>{"bias.personality@5"}));
  EXPECT_EQ(Rules("| who | note |\n| --- | --- |\n<!-- reviewlint-disable-next-block bias -->\n"
                  "| Ana | abrasive |\n| Bo | abrasive |\n"),
            (std::vector<std::string>{"bias.personality@5"}));
}

// The unused-disable message says when a next-line comment missed its finding by a line.
TEST(Suppression, UnusedNextLineSaysWhenItMissedByALine) {
  CliResult r = RunCli(
      "--format json --report-unused-disables --stdin-filename s.md -",
      "<!-- reviewlint-disable-next-line vagueness.generic-praise -->\nThe release went out on "
      "time and the rollout was careful and\nwell planned. She is a team player.\n");
  std::string message;
  nlohmann::json j = nlohmann::json::parse(r.out);
  for (const auto& d : j["files"][0]["diagnostics"])
    if (d["rule"] == "reviewlint.unused-disable") message = d["message"].get<std::string>();
  EXPECT_EQ(message,
            "this reviewlint-disable comment suppresses nothing (vagueness.generic-praise); it "
            "covers line 2 only, and the vagueness.generic-praise finding is on line 3 of the "
            "same paragraph: use reviewlint-disable-next-block");
}

TEST(Suppression, UnusedAndUnknown) {
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line bias -->\nFine text.\n",
                  testing::kListRulesOnly + " --report-unused-disables"),
            (std::vector<std::string>{"reviewlint.unused-disable@1"}));
  EXPECT_EQ(Rules("<!-- reviewlint-disable-next-line bias -->\nFine text.\n"),
            (std::vector<std::string>{}));
  CliResult r = RunCli("--format json --stdin-filename s.md -",
                       "<!-- reviewlint-disable-line vagueness.hedgee -->\n");
  auto d = nlohmann::json::parse(r.out)["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["rule"], "reviewlint.unknown-rule");
  EXPECT_EQ(d["message"],
            "unknown rule or pack \"vagueness.hedgee\" in a reviewlint comment (did you mean "
            "\"vagueness.hedge\"?)");
}

}  // namespace
}  // namespace reviewlint
