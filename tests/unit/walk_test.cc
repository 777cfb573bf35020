// Folder walks skip what is not a review: ignore files, dependency folders, the team's README
// and template (reviewlint init), as ripgrep and ruff do; a file named on the command line is
// always linted unless --force-exclude (pre-commit).
#include <gtest/gtest.h>

#include <filesystem>

#include "files.h"
#include "glob.h"
#include "test_util.h"

namespace reviewlint {
namespace {
namespace fs = std::filesystem;
using testing::CliResult;
using testing::RunCli;
using testing::WriteFile;

// Writes `files` (path relative to `root`, content) below root, creating folders.
void Tree(const std::string& root, const std::vector<std::pair<std::string, std::string>>& files) {
  fs::remove_all(root);
  for (const auto& [path, text] : files) {
    fs::create_directories(fs::path(root + "/" + path).parent_path());
    WriteFile(root + "/" + path, text);
  }
}

// The paths a walk of `root` finds, relative to it.
std::vector<std::string> Walked(const std::string& root, const std::string& sub = "") {
  std::vector<std::string> out;
  for (const InputFile& f : CollectFiles({root + sub})) {
    EXPECT_EQ(f.error, "") << f.path;
    out.push_back(fs::path(f.path).lexically_relative(root).generic_string());
  }
  return out;
}

const char* kDraft = "She is a good communicator.\n";

TEST(Walk, HonoursGitignoreInsideARepository) {
  std::string root = testing::TempDir() + "/walk-git";
  Tree(root,
       {{".git/HEAD", "ref: refs/heads/main\n"},
        {".gitignore", "# comment\n/drafts/\n*.tmp.md\n!keep.tmp.md\nbuild/\nnotes/**/old.md\n"},
        {"a.md", kDraft},
        {"drafts/x.md", kDraft},       // anchored folder
        {"team/drafts/y.md", kDraft},  // "/drafts/" is anchored: not this one
        {"team/z.tmp.md", kDraft},     // name anywhere
        {"team/keep.tmp.md", kDraft},  // negation
        {"team/build.md", kDraft},     // "build/" is for folders only
        {"team/build/b.md", kDraft},
        {"notes/2025/q1/old.md", kDraft},  // "**"
        {"notes/new.md", kDraft},
        {"team/.gitignore", "y.md\n"},  // nested file, relative to its folder
        {"team/drafts/w.md", kDraft},
        {"team/.ignore", "!y.md\n"},  // .ignore beats .gitignore in the same folder
        {"node_modules/pkg/LICENSE.txt", kDraft},
        {"team/vendor/v.md", kDraft}});
  EXPECT_EQ(Walked(root),
            (std::vector<std::string>{"a.md", "notes/new.md", "team/build.md", "team/drafts/w.md",
                                      "team/drafts/y.md", "team/keep.tmp.md"}));
  // Walking a subfolder still reads the ignore files above it, up to the repository's top.
  EXPECT_EQ(Walked(root, "/team"),
            (std::vector<std::string>{"team/build.md", "team/drafts/w.md", "team/drafts/y.md",
                                      "team/keep.tmp.md"}));
}

TEST(Walk, GitignoreCountsOnlyInARepositoryButIgnoreAlways) {
  std::string root = testing::TempDir() + "/walk-nogit";
  Tree(root, {{".gitignore", "a.md\n"},
              {".ignore", "b.md\n"},
              {"a.md", kDraft},
              {"b.md", kDraft},
              {"node_modules/c.md", kDraft}});
  EXPECT_EQ(Walked(root), (std::vector<std::string>{"a.md"}));
}

TEST(Walk, AFileNamedOnTheCommandLineIsAlwaysLinted) {
  std::string root = testing::TempDir() + "/walk-explicit";
  Tree(root, {{".ignore", "*.md\n"}, {"node_modules/a.md", kDraft}, {"b.md", kDraft}});
  auto files = CollectFiles({root + "/node_modules/a.md", root + "/b.md", root});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_TRUE(files[0].explicit_arg && files[1].explicit_arg);
}

TEST(Glob, BracketClasses) {
  EXPECT_TRUE(GlobMatch("LICEN[CS]E*", "a/LICENSE.txt"));
  EXPECT_TRUE(GlobMatch("LICEN[CS]E*", "LICENCE"));
  EXPECT_FALSE(GlobMatch("LICEN[CS]E*", "LICENZE"));
  EXPECT_TRUE(GlobMatch("[!a-c]x", "dx"));
  EXPECT_FALSE(GlobMatch("[!a-c]x", "bx"));
  EXPECT_TRUE(GlobMatchWhole("a/**/b.md", "a/b.md"));
  EXPECT_FALSE(GlobMatchWhole("*.md", "a/b.md"));
}

// A team's repository: README explaining the template, the template itself, a draft. After
// `reviewlint init`, a walk lints the draft only.
TEST(Walk, InitIgnoresTheTeamReadmeAndTemplates) {
  std::string root = testing::TempDir() + "/walk-init";
  const char* templ = "Impact: cut latency by X%. Example: [specific example]\n";
  Tree(root, {{"README.md", templ},
              {"templates/review.md", templ},
              {"review-template.md", templ},
              {"reviews/ana.md", "Goals: X% more\n"}});
  ASSERT_EQ(RunCli("init '" + root + "'").exit_code, 0);
  CliResult r = RunCli("-q --format line '" + root + "'");
  EXPECT_EQ(r.out.find("README.md"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("templates/"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("review-template"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reviews/ana.md"), std::string::npos) << r.out;
}

// pre-commit names every file: --force-exclude drops those a walk would skip.
TEST(Walk, ForceExcludeAppliesTheWalkRulesToNamedFiles) {
  std::string root = testing::TempDir() + "/walk-force";
  Tree(root, {{".ignore", "skip.md\n"},
              {"skip.md", kDraft},
              {"node_modules/n.md", kDraft},
              {"README.md", kDraft},
              {".reviewlint.json", R"({"ignore": ["README.md"]})"},
              {"keep.md", kDraft}});
  std::string cd = "cd '" + root + "' && '" + std::string(REVIEWLINT_BINARY) + "' -q ";
  std::string out = testing::TempDir() + "/walk-force.out";
  std::system(
      (cd + "--force-exclude skip.md node_modules/n.md README.md keep.md > '" + out + "'").c_str());
  std::string text = testing::ReadAll(out);
  EXPECT_NE(text.find("keep.md"), std::string::npos) << text;
  EXPECT_EQ(text.find("skip.md"), std::string::npos) << text;
  EXPECT_EQ(text.find("n.md"), std::string::npos) << text;
  EXPECT_EQ(text.find("README"), std::string::npos) << text;
  std::system((cd + "skip.md node_modules/n.md README.md > '" + out + "'").c_str());
  text = testing::ReadAll(out);
  EXPECT_NE(text.find("skip.md"), std::string::npos) << text;
  EXPECT_NE(text.find("n.md"), std::string::npos) << text;
  EXPECT_NE(text.find("README.md"), std::string::npos) << text;
}

}  // namespace
}  // namespace reviewlint
