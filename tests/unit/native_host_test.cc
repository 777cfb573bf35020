// The browser extension's native host (src/native_host/): the native-messaging framing, the
// messages (hello, lint, configure, close) and their replies, bad input of every kind (malformed
// JSON, oversized and truncated messages, a closed pipe), and the manifests --install writes.
// Driven without a browser: through the stream function over pipes and through the real binary.
// tests/browser/ drives it from real Chromium.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "native_host/framing.h"
#include "native_host/host.h"
#include "native_host/install.h"
#include "test_util.h"
#include "version.h"

namespace reviewlint {
namespace {

using json = nlohmann::json;
using native_host::EncodeNativeFrame;
using native_host::NativeFrame;
using native_host::NativeHost;
using native_host::NativeReader;
using testing::Contains;
using testing::ReadAll;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

// A review of praise only, long enough for the whole-review balance check.
const char* kAllPraise =
    "## Strengths\n\n"
    "She rebuilt the retry scheduler, which cut failed webhook deliveries from 3% to 0.2%.\n\n"
    "She led the design review for the ledger schema and wrote the migration plan.\n\n"
    "She mentored two new engineers through their first on-call shifts.\n";

std::string Frames(const std::vector<std::string>& bodies) {
  std::string out;
  for (const std::string& b : bodies) out += EncodeNativeFrame(b);
  return out;
}

// Every reply in a host's output, parsed; a framing problem fails the test.
std::vector<json> Replies(const std::string& output) {
  NativeReader reader(SIZE_MAX);
  reader.Feed(output);
  std::vector<json> out;
  while (std::optional<NativeFrame> f = reader.Next()) {
    EXPECT_EQ(f->kind, NativeFrame::kMessage);
    out.push_back(json::parse(f->body));
  }
  EXPECT_FALSE(reader.Truncated()) << "the host's output ends inside a message";
  return out;
}

// Runs the stream function with `input` on a pipe (written by a thread, then closed) and returns
// what it wrote and its exit code.
std::pair<std::string, int> Serve(const std::string& input) {
  int in[2], out[2];
  EXPECT_EQ(pipe(in), 0);
  EXPECT_EQ(pipe(out), 0);
  std::thread writer([&] {
    size_t at = 0;
    while (at < input.size()) {
      ssize_t n = write(in[1], input.data() + at, std::min<size_t>(input.size() - at, 4096));
      if (n <= 0) break;
      at += static_cast<size_t>(n);
    }
    close(in[1]);
  });
  std::string output;
  std::thread reader([&] {
    char buf[65536];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) output.append(buf, n);
  });
  int code = native_host::RunNativeHost(in[0], out[1]);
  close(out[1]);
  writer.join();
  reader.join();
  close(in[0]);
  close(out[0]);
  return {output, code};
}

json Ask(NativeHost& host, const json& message) { return json::parse(host.Handle(message.dump())); }

// ---- Framing ------------------------------------------------------------------------------

TEST(NativeHostFraming, ReadsMessagesFedOneByteAtATime) {
  std::string stream = Frames({R"({"type":"hello"})", "{}", R"({"a":"é"})"});
  NativeReader reader;
  std::vector<std::string> bodies;
  for (char c : stream) {
    reader.Feed(std::string_view(&c, 1));
    while (std::optional<NativeFrame> f = reader.Next()) bodies.push_back(f->body);
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{R"({"type":"hello"})", "{}", R"({"a":"é"})"}));
  EXPECT_FALSE(reader.Truncated());
}

TEST(NativeHostFraming, LengthIsNativeEndian) {
  std::string frame = EncodeNativeFrame("{}");
  uint32_t length = 0;
  std::memcpy(&length, frame.data(), 4);
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(frame.substr(4), "{}");
}

TEST(NativeHostFraming, SkipsAnOversizedBodyArrivingInPiecesThenReadsTheNext) {
  NativeReader reader(100);
  uint32_t big = 1000;
  std::string header(4, '\0');
  std::memcpy(header.data(), &big, 4);
  reader.Feed(header + std::string(300, 'x'));
  std::optional<NativeFrame> f = reader.Next();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, NativeFrame::kOversized);
  EXPECT_EQ(f->declared, 1000u);
  reader.Feed(std::string(700, 'y') + EncodeNativeFrame("{}"));
  f = reader.Next();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, NativeFrame::kMessage);
  EXPECT_EQ(f->body, "{}");
}

TEST(NativeHostFraming, AStreamEndingInsideAMessageIsTruncated) {
  NativeReader reader;
  reader.Feed(EncodeNativeFrame(R"({"type":"hello"})").substr(0, 9));
  EXPECT_FALSE(reader.Next());
  EXPECT_TRUE(reader.Truncated());
  NativeReader header_only;
  header_only.Feed(std::string(2, '\1'));
  EXPECT_TRUE(header_only.Truncated());
}

// ---- Messages -----------------------------------------------------------------------------

TEST(NativeHost, HelloGivesTheVersionsAndWhatSettingsCanName) {
  NativeHost host;
  json hello = Ask(host, {{"type", "hello"}, {"id", 7}});
  EXPECT_EQ(hello["type"], "hello");
  EXPECT_EQ(hello["id"], 7);
  EXPECT_EQ(hello["version"], kVersion);
  EXPECT_EQ(hello["protocol"], native_host::kProtocolVersion);
  EXPECT_EQ(hello["max_message_bytes"], native_host::kMaxMessageBytes);
  bool vagueness = false;
  for (const json& p : hello["packs"]) vagueness = vagueness || p["name"] == "vagueness";
  EXPECT_TRUE(vagueness) << hello.dump();
  EXPECT_FALSE(hello["rubrics"].empty());
}

// The findings are the JSON contract's diagnostic objects: exactly what `--format json` prints
// for the same text in a Markdown file (a field's markup unless the message names another).
TEST(NativeHost, LintRepliesWithTheIdAndTheJsonContractDiagnostics) {
  const std::string text = "Her work was somewhat good and she is a great team player.\n";
  NativeHost host;
  json reply = Ask(host, {{"type", "lint"}, {"id", 1}, {"uri", "field-1"}, {"text", text}});
  EXPECT_EQ(reply["type"], "findings");
  EXPECT_EQ(reply["id"], 1);
  EXPECT_EQ(reply["uri"], "field-1");
  ASSERT_FALSE(reply["diagnostics"].empty());

  std::string file = TempDir() + "/native-host-contract.md";
  WriteFile(file, text);
  testing::CliResult cli = RunCli("--format json '" + file + "'");
  json expected = json::parse(cli.out)["files"][0]["diagnostics"];
  EXPECT_EQ(reply["diagnostics"], expected);
  // The card's notes for each rule found.
  for (const json& d : reply["diagnostics"]) {
    ASSERT_TRUE(reply["rules"].contains(d["rule"])) << d["rule"];
    EXPECT_FALSE(reply["rules"][d["rule"].get<std::string>()]["why"].get<std::string>().empty());
  }
}

TEST(NativeHost, WholeReviewFindingsComeWithDocumentScope) {
  NativeHost host;
  json reply = Ask(host, {{"type", "lint"}, {"id", 2}, {"uri", "f"}, {"text", kAllPraise}});
  bool whole = false;
  for (const json& d : reply["diagnostics"])
    whole = whole || (d["rule"] == "balance.missing-constructive" && d["scope"] == "document");
  EXPECT_TRUE(whole) << reply.dump();
}

TEST(NativeHost, SettingsTurnAPackOffAndReportUnknownNames) {
  NativeHost host;
  const std::string text = "She is a great team player.\n";
  json on = Ask(host, {{"type", "lint"}, {"id", 1}, {"uri", "f"}, {"text", text}});
  ASSERT_TRUE(Contains(on.dump(), "vagueness.generic-praise"));
  json configured =
      Ask(host, {{"type", "configure"},
                 {"settings", {{"rules", {{"vagueness", "off"}, {"nosuch", "off"}}}}}});
  EXPECT_EQ(configured["type"], "configured");
  EXPECT_TRUE(Contains(configured["warnings"].dump(), "nosuch")) << configured.dump();
  json off = Ask(host, {{"type", "lint"}, {"id", 2}, {"uri", "f"}, {"text", text}});
  EXPECT_FALSE(Contains(off.dump(), "vagueness.")) << off.dump();
  json rubric = Ask(host, {{"type", "lint"},
                           {"id", 3},
                           {"uri", "f"},
                           {"text", text},
                           {"settings", {{"rubric", "no-such-rubric"}}}});
  EXPECT_EQ(rubric["type"], "findings");
  EXPECT_TRUE(Contains(rubric["warnings"].dump(), "no-such-rubric")) << rubric.dump();
}

TEST(NativeHost, EachFieldIsItsOwnDocument) {
  NativeHost host;
  json a = Ask(
      host, {{"type", "lint"}, {"id", 1}, {"uri", "a"}, {"text", "She is a great team player.\n"}});
  json b = Ask(host, {{"type", "lint"}, {"id", 2}, {"uri", "b"}, {"text", "She shipped it.\n"}});
  json again = Ask(
      host, {{"type", "lint"}, {"id", 3}, {"uri", "a"}, {"text", "She is a great team player.\n"}});
  EXPECT_FALSE(a["diagnostics"].empty());
  EXPECT_EQ(again["diagnostics"], a["diagnostics"]);
  EXPECT_EQ(Ask(host, {{"type", "close"}, {"id", 4}, {"uri", "a"}})["type"], "closed");
  (void)b;
}

TEST(NativeHost, BadMessagesGetAnErrorNamingTheProblem) {
  NativeHost host;
  struct Case {
    std::string body, error;
  } cases[] = {
      {"{\"type\": \"lint\", \"id\": 1, ", "malformed message"},
      {"[1, 2]", "must be a JSON object"},
      {R"({"id": 5})", "\"type\" must be a string"},
      {R"({"type": "fly", "id": 6})", "unknown message type \"fly\""},
      {R"({"type": "lint", "id": 7, "uri": "f"})", "\"text\" must be a string"},
      {R"({"type": "lint", "id": 8, "uri": "f", "text": "x", "markup": "rtf"})", "unknown markup"},
      {"{\"type\": \"lint\", \"id\": 9, \"uri\": \"f\", \"text\": \"caf\xe9\"}", "not valid UTF-8"},
  };
  for (const Case& c : cases) {
    json reply = json::parse(host.Handle(c.body));
    EXPECT_EQ(reply["type"], "error") << c.body;
    EXPECT_TRUE(Contains(reply["error"].get<std::string>(), c.error)) << reply.dump();
  }
  EXPECT_EQ(json::parse(host.Handle(R"({"type":"fly","id":6})"))["id"], 6);
}

// ---- The stream: the host carries on after bad input and ends cleanly -----------------------

TEST(NativeHostStream, AnswersEveryMessageInOrderAndCarriesOnAfterBadOnes) {
  uint32_t huge = 5u << 20;
  std::string oversized(4, '\0');
  std::memcpy(oversized.data(), &huge, 4);
  oversized += std::string(huge, 'x');
  std::string input =
      Frames({R"({"type":"hello","id":1})", "not json"}) + oversized +
      Frames({R"({"type":"lint","id":2,"uri":"f","text":"She is a great team player."})"});
  auto [output, code] = Serve(input);
  EXPECT_EQ(code, 0);
  std::vector<json> replies = Replies(output);
  ASSERT_EQ(replies.size(), 4u) << output;
  EXPECT_EQ(replies[0]["type"], "hello");
  EXPECT_EQ(replies[1]["type"], "error");
  EXPECT_EQ(replies[2]["type"], "error");
  EXPECT_TRUE(Contains(replies[2]["error"].get<std::string>(), "5242880 bytes skipped"));
  EXPECT_EQ(replies[3]["type"], "findings");
  EXPECT_EQ(replies[3]["id"], 2);
}

TEST(NativeHostStream, ATruncatedLastMessageGetsAnErrorAndExitZero) {
  std::string input = Frames({R"({"type":"hello","id":1})"}) +
                      EncodeNativeFrame(R"({"type":"hello","id":2})").substr(0, 10);
  auto [output, code] = Serve(input);
  EXPECT_EQ(code, 0);
  std::vector<json> replies = Replies(output);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[1]["type"], "error");
  EXPECT_TRUE(Contains(replies[1]["error"].get<std::string>(), "ended inside a message"));
}

TEST(NativeHostStream, EndOfInputExitsZeroWithoutAWord) {
  auto [output, code] = Serve("");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(output, "");
}

// The browser goes away while the host is answering: no SIGPIPE death, exit 0.
TEST(NativeHostStream, AClosedOutputPipeEndsTheHostWithExitZero) {
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  close(out[0]);  // nobody reads the replies
  std::string input;
  for (int i = 0; i < 50; ++i) input += Frames({R"({"type":"hello","id":1})"});
  ASSERT_EQ(write(in[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
  int code = native_host::RunNativeHost(in[0], out[1]);  // input stays open: ends by the pipe
  EXPECT_EQ(code, 0);
  close(in[0]);
  close(in[1]);
  close(out[1]);
  signal(SIGPIPE, SIG_DFL);
}

// The real binary, as a browser starts it: through the launcher's arguments (the origin).
TEST(NativeHostBinary, AnswersALintMessageOnStdout) {
  testing::CliResult r = RunCli(
      "native-host chrome-extension://bfdmjgbndmphdbigkojaldjcabhffgfg/",
      Frames({R"({"type":"lint","id":1,"uri":"field-1","text":"She is a great team player."})",
              "{oops"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> replies = Replies(r.out);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0]["id"], 1);
  EXPECT_TRUE(Contains(replies[0]["diagnostics"].dump(), "vagueness.generic-praise"));
  EXPECT_EQ(replies[1]["type"], "error");
}

// ---- --install ----------------------------------------------------------------------------

TEST(NativeHostInstall, UserInstallWritesALauncherAndAManifestPerBrowser) {
  std::string home = TempDir() + "/native-home";
  unsetenv("XDG_CONFIG_HOME");
  unsetenv("XDG_DATA_HOME");
  native_host::InstallOptions o;
  o.user = true;
  o.home = home;
  o.binary = "/opt/it's here/reviewlint";
  std::ostringstream out, err;
  ASSERT_EQ(native_host::InstallNativeHost(o, out, err), 0) << err.str();
  std::string launcher = home + "/.local/share/reviewlint/native-host";
  EXPECT_TRUE(
      Contains(ReadAll(launcher), "exec '/opt/it'\\''s here/reviewlint' native-host \"$@\""));
  EXPECT_EQ(std::filesystem::status(launcher).permissions() & std::filesystem::perms::owner_exec,
            std::filesystem::perms::owner_exec);
  for (const char* dir : {"/.config/chromium/NativeMessagingHosts/",
                          "/.config/google-chrome/NativeMessagingHosts/"}) {
    json m = json::parse(ReadAll(home + dir + "com.reviewlint.host.json"));
    EXPECT_EQ(m["name"], "com.reviewlint.host");
    EXPECT_EQ(m["path"], launcher);
    EXPECT_EQ(m["type"], "stdio");
    EXPECT_EQ(m["allowed_origins"],
              json::array({"chrome-extension://bfdmjgbndmphdbigkojaldjcabhffgfg/"}));
  }
  json firefox =
      json::parse(ReadAll(home + "/.mozilla/native-messaging-hosts/com.reviewlint.host.json"));
  EXPECT_EQ(firefox["allowed_extensions"], json::array({"reviewlint@reviewlint.github.io"}));
  EXPECT_TRUE(Contains(out.str(), "wrote " + launcher));
}

// The extension's manifest fixes the ids the host manifests allow.
TEST(NativeHostInstall, TheExtensionManifestHasTheAllowedIds) {
  json m =
      json::parse(ReadAll(std::string(REVIEWLINT_SOURCE_DIR) + "/editors/browser/manifest.json"));
  EXPECT_EQ(m["browser_specific_settings"]["gecko"]["id"], native_host::kFirefoxExtensionId);
  // A Chromium id is the first 128 bits of the key's SHA-256, in the letters a-p; see the
  // browser test, which loads the extension and finds it under this id.
  EXPECT_FALSE(m["key"].get<std::string>().empty());
  EXPECT_EQ(std::string(native_host::kChromiumExtensionId).size(), 32u);
}

TEST(NativeHostInstall, SystemInstallUnderAStagingRoot) {
  std::string root = TempDir() + "/native-root";
  testing::CliResult r =
      RunCli("native-host --install --root '" + root + "' --binary /usr/bin/reviewlint");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json m =
      json::parse(ReadAll(root + "/etc/chromium/native-messaging-hosts/com.reviewlint.host.json"));
  EXPECT_EQ(m["path"], "/usr/lib/reviewlint/native-host");
  EXPECT_TRUE(std::filesystem::exists(
      root + "/etc/opt/chrome/native-messaging-hosts/com.reviewlint.host.json"));
  EXPECT_TRUE(std::filesystem::exists(
      root + "/usr/lib/mozilla/native-messaging-hosts/com.reviewlint.host.json"));
  EXPECT_TRUE(Contains(ReadAll(root + "/usr/lib/reviewlint/native-host"), "'/usr/bin/reviewlint'"));
}

// `cmake --install` (and the Debian package, which stages with DESTDIR) places the system
// manifests for the installed binary; a private prefix gets none, and is told what to run.
TEST(NativeHostInstall, CmakeInstallPlacesTheSystemManifests) {
  namespace fs = std::filesystem;
  std::string build = fs::path(REVIEWLINT_BINARY).parent_path().string();
  std::string stage = TempDir() + "/native-destdir";
  std::string log = TempDir() + "/native-install.log";
  ASSERT_EQ(std::system(("DESTDIR='" + stage + "' cmake --install '" + build +
                         "' --prefix /usr >'" + log + "' 2>&1")
                            .c_str()),
            0)
      << ReadAll(log);
  json m =
      json::parse(ReadAll(stage + "/etc/chromium/native-messaging-hosts/com.reviewlint.host.json"));
  EXPECT_EQ(m["path"], "/usr/lib/reviewlint/native-host");
  EXPECT_TRUE(
      fs::exists(stage + "/usr/lib/mozilla/native-messaging-hosts/com.reviewlint.host.json"));
  EXPECT_TRUE(Contains(ReadAll(stage + "/usr/lib/reviewlint/native-host"),
                       "exec '/usr/bin/reviewlint' native-host"));

  std::string prefix = TempDir() + "/native-prefix";
  ASSERT_EQ(
      std::system(("cmake --install '" + build + "' --prefix '" + prefix + "' >'" + log + "' 2>&1")
                      .c_str()),
      0)
      << ReadAll(log);
  EXPECT_TRUE(Contains(ReadAll(log), "reviewlint native-host --install --user")) << ReadAll(log);
  EXPECT_FALSE(fs::exists(prefix + "/lib/reviewlint/native-host"));
  fs::remove_all(stage);
  fs::remove_all(prefix);
}

TEST(NativeHostInstall, AFolderThatCannotBeWrittenIsAnErrorWithTheUserAlternative) {
  std::string file = TempDir() + "/native-not-a-dir";
  WriteFile(file, "x");
  testing::CliResult r = RunCli("native-host --install --root '" + file + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "cannot write")) << r.err;
  EXPECT_TRUE(Contains(r.err, "reviewlint native-host --install --user")) << r.err;
}

}  // namespace
}  // namespace reviewlint
