// The VS Code extension (editors/vscode) as a user builds it: `npm ci`, its own tests (`npm
// test`, the protocol tests against the real server), and `vsce package`, whose package must be
// bundled (one JavaScript file, no node_modules) and carry the icon. Needs Node.js 20+ and npm,
// and the npm registry for `npm ci`; skips without them.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::ReadAll;
using testing::TempDir;

struct Extension {
  std::string dir;      // a copy of editors/vscode with its dependencies installed
  std::string skipped;  // why not, or ""
};

int Shell(const std::string& command, const std::string& log) {
  int status = std::system((command + " > '" + log + "' 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Copies the extension's sources (not a developer's node_modules, out/ or dist/) and runs
// `npm ci` once for every test here.
const Extension& Installed() {
  static Extension e = [] {
    Extension x;
    if (std::system("command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1") != 0) {
      x.skipped = "node or npm is not installed";
      return x;
    }
    // @vscode/vsce 3 needs Node.js 20 or later.
    if (std::system("node -e 'process.exit(+process.versions.node.split(\".\")[0] >= 20 ? 0 : 1)'"
                    " >/dev/null 2>&1") != 0) {
      x.skipped = "Node.js is older than 20";
      return x;
    }
    x.dir = TempDir() + "/vscode-extension";
    std::filesystem::remove_all(x.dir);
    std::filesystem::create_directories(x.dir);
    std::string src = std::string(REVIEWLINT_SOURCE_DIR) + "/editors/vscode";
    std::string log = x.dir + ".npm-ci.log";
    if (Shell("cd '" + src +
                  "' && tar cf - --exclude=./node_modules --exclude=./out --exclude=./dist"
                  " --exclude='*.vsix' . | (cd '" + x.dir + "' && tar xf -)",
              log) != 0 ||
        Shell("cd '" + x.dir + "' && timeout 600 npm ci --no-audit --no-fund", log) != 0)
      x.skipped = "npm ci failed (offline?): " + ReadAll(log);
    return x;
  }();
  return e;
}

TEST(VsCodeExtension, OwnTestsPass) {
  const Extension& e = Installed();
  if (!e.skipped.empty()) GTEST_SKIP() << e.skipped;
  std::string log = e.dir + ".npm-test.log";
  int code = Shell("cd '" + e.dir + "' && REVIEWLINT_BINARY='" + REVIEWLINT_BINARY +
                       "' timeout 300 npm test",
                   log);
  EXPECT_EQ(code, 0) << ReadAll(log);
  EXPECT_NE(ReadAll(log).find("# fail 0"), std::string::npos) << ReadAll(log);
}

TEST(VsCodeExtension, PackageIsBundledWithAnIcon) {
  const Extension& e = Installed();
  if (!e.skipped.empty()) GTEST_SKIP() << e.skipped;
  std::string log = e.dir + ".vsce.log";
  ASSERT_EQ(Shell("cd '" + e.dir + "' && timeout 300 npx vsce package --out '" + e.dir +
                      "/reviewlint.vsix'",
                  log),
            0)
      << ReadAll(log);
  EXPECT_EQ(ReadAll(log).find("should bundle"), std::string::npos) << "vsce warns: " << ReadAll(log);
  ASSERT_EQ(Shell("cd '" + e.dir + "' && timeout 120 npx vsce ls", log), 0) << ReadAll(log);
  std::vector<std::string> js;
  bool icon = false, modules = false;
  std::istringstream lines(ReadAll(log));
  for (std::string line; std::getline(lines, line);) {
    if (line.ends_with(".js")) js.push_back(line);
    if (line == "images/icon.png") icon = true;
    if (line.starts_with("node_modules/")) modules = true;
  }
  EXPECT_EQ(js, std::vector<std::string>{"dist/extension.js"}) << ReadAll(log);
  EXPECT_TRUE(icon) << ReadAll(log);
  EXPECT_FALSE(modules) << ReadAll(log);
}

}  // namespace
}  // namespace reviewlint
