// The language server (src/lsp/), driven in-process over pipes through its real stdio framing:
// lifecycle, position encodings, incremental edits, diagnostics per version, code actions,
// hover, configuration, and every kind of malformed input. Also: framing, the document's line
// table and UTF-8 clean-up on their own, a timing report for re-linting a 10 KB review, and real
// Neovim through ../shared/harness when it is there.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "lsp/convert.h"
#include "lsp/framing.h"
#include "lsp/jsonrpc.h"
#include "lsp/server.h"
#include "lsp/text_document.h"
#include "markup/markup.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using json = nlohmann::json;
using lsp::LspPosition;
using lsp::PositionEncoding;
using lsp::TextDocument;
using testing::TempDir;
using testing::WriteFile;
using Clock = std::chrono::steady_clock;

// ---- The real binary as a child process ---------------------------------------------------

// Starts `reviewlint lsp` with `in` as its stdin and `out` as its stdout (stderr stays the test's).
// SIGPIPE goes back to its default disposition first, so the server is only safe from a vanished
// reader if it ignores SIGPIPE itself.
pid_t SpawnServer(int in, int out) {
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGPIPE, SIG_DFL);
    if (dup2(in, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0) _exit(126);
    execl(REVIEWLINT_BINARY, REVIEWLINT_BINARY, "lsp", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// The real server on two fresh pipes; the client's ends are returned, the server's closed here.
struct ServerPipes {
  pid_t pid = -1;
  int to_server = -1;    // the server's stdin
  int from_server = -1;  // the server's stdout
};

ServerPipes StartServer() {
  int to_server[2], from_server[2];
  ServerPipes p;
  if (pipe2(to_server, O_CLOEXEC) != 0 || pipe2(from_server, O_CLOEXEC) != 0) return p;
  p.pid = SpawnServer(to_server[0], from_server[1]);
  close(to_server[0]);
  close(from_server[1]);
  p.to_server = to_server[1];
  p.from_server = from_server[0];
  return p;
}

struct Reaped {
  bool reaped = false;  // waitpid returned the pid within the timeout: it ended on its own
  int exit_code = -1;   // -1 when it ended by a signal
  int signal = 0;
  double seconds = 0;  // how long it took to end
};

// Waits for `pid` to end and reaps it. One still running after `timeout` is killed and reaped
// too, so a test never leaves a server (or a zombie) behind.
Reaped Reap(pid_t pid, std::chrono::milliseconds timeout) {
  Reaped r;
  const auto start = Clock::now();
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      r.reaped = true;
      break;
    }
    if (done < 0 || Clock::now() - start > timeout) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

// A framed didChange notification; bursts of them are written in one go.
std::string FramedChange(const std::string& uri, int version, json changes) {
  return lsp::Frame(json({{"jsonrpc", "2.0"},
                          {"method", "textDocument/didChange"},
                          {"params",
                           {{"textDocument", {{"uri", uri}, {"version", version}}},
                            {"contentChanges", std::move(changes)}}}})
                        .dump());
}

// ---- A client that talks to the server over two pipes ------------------------------------

// The server runs on a thread of this process, or (Client::Binary) as the real binary.
class Client {
 public:
  struct Binary {};

  explicit Client(lsp::ServerOptions options = {}) {
    int to_server[2], from_server[2];
    EXPECT_EQ(pipe(to_server), 0);
    EXPECT_EQ(pipe(from_server), 0);
    write_fd_ = to_server[1];
    read_fd_ = from_server[0];
    server_ = std::thread([=, this] {
      int code = lsp::RunLanguageServer(to_server[0], from_server[1], options);
      close(to_server[0]);
      close(from_server[1]);
      std::lock_guard<std::mutex> lock(mu_);
      exit_code_ = code;
      exited_ = true;
      cv_.notify_all();
    });
    reader_ = std::thread([this] { ReadLoop(); });
  }

  explicit Client(Binary) {
    ServerPipes p = StartServer();
    EXPECT_GT(p.pid, 0);
    pid_ = p.pid;
    write_fd_ = p.to_server;
    read_fd_ = p.from_server;
    reader_ = std::thread([this] { ReadLoop(); });
  }

  ~Client() {
    CloseInput();
    if (server_.joinable()) server_.join();
    if (pid_ > 0) Wait(std::chrono::seconds(20));
    reader_.join();
    close(read_fd_);
  }

  /// Binary: the server's process id, and waiting for it to end.
  pid_t pid() const { return pid_; }
  Reaped Wait(std::chrono::milliseconds timeout) {
    Reaped r = Reap(pid_, timeout);
    pid_ = -1;
    return r;
  }

  void SendRaw(std::string_view bytes) {
    ASSERT_TRUE(lsp::WriteAll(write_fd_, bytes)) << "the server stopped reading";
  }
  void Send(const json& message) { SendRaw(lsp::Frame(message.dump())); }
  void Notify(const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  int SendRequest(const std::string& method, json params) {
    int id = next_id_++;
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return id;
  }
  /// Sends a request and waits for its response (the whole message, result or error).
  json Call(const std::string& method, json params = json::object()) {
    int id = SendRequest(method, std::move(params));
    return WaitFor([id](const json& m) { return m.value("id", json()) == id; });
  }

  /// The first message (not yet taken) that matches, waiting up to `timeout` for it.
  json WaitFor(const std::function<bool(const json&)>& match,
               std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::unique_lock<std::mutex> lock(mu_);
    auto deadline = Clock::now() + timeout;
    for (;;) {
      for (auto it = inbox_.begin(); it != inbox_.end(); ++it) {
        if (match(*it)) {
          json m = std::move(*it);
          inbox_.erase(it);
          return m;
        }
      }
      if (reader_done_ || cv_.wait_until(lock, deadline) == std::cv_status::timeout) {
        // One last look: the reader may have delivered just now.
        for (auto it = inbox_.begin(); it != inbox_.end(); ++it)
          if (match(*it)) {
            json m = std::move(*it);
            inbox_.erase(it);
            return m;
          }
        ADD_FAILURE() << "no matching message; inbox has " << inbox_.size();
        return json();
      }
    }
  }

  /// The next publishDiagnostics for `uri` (with `version`, when given).
  json WaitForPublish(const std::string& uri, std::optional<int64_t> version = std::nullopt) {
    json m = WaitFor([&](const json& m) {
      if (m.value("method", "") != "textDocument/publishDiagnostics") return false;
      const json& p = m["params"];
      if (p["uri"] != uri) return false;
      return !version || p.value("version", json()) == *version;
    });
    return m.is_null() ? json() : m["params"];
  }

  /// Every message received so far and not taken, without waiting.
  std::vector<json> Drain() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<json> out(inbox_.begin(), inbox_.end());
    inbox_.clear();
    return out;
  }

  /// Waits a little and reports whether nothing arrived.
  bool Quiet(std::chrono::milliseconds wait = std::chrono::milliseconds(200)) {
    std::this_thread::sleep_for(wait);
    std::lock_guard<std::mutex> lock(mu_);
    return inbox_.empty();
  }

  void CloseInput() {
    if (write_fd_ >= 0) close(write_fd_);
    write_fd_ = -1;
  }

  /// In-process: the server's exit code, waiting for it to end; -1 if it does not within the
  /// timeout.
  int ExitCode(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, timeout, [this] { return exited_; });
    return exited_ ? exit_code_ : -1;
  }

  /// Bytes on the server's output that were not a well-framed JSON message.
  std::vector<std::string> stray_output() {
    std::lock_guard<std::mutex> lock(mu_);
    return stray_;
  }

  json Initialize(json capabilities = json::object(), json options = nullptr) {
    json params = {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}};
    if (!options.is_null()) params["initializationOptions"] = options;
    json r = Call("initialize", params);
    Notify("initialized", json::object());
    return r;
  }

  void Open(const std::string& uri, const std::string& text, int version = 1,
            const std::string& language = "markdown") {
    Notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", language}, {"version", version}, {"text", text}}}});
  }

  void Change(const std::string& uri, int version, json changes) {
    SendRaw(FramedChange(uri, version, std::move(changes)));
  }

 private:
  void ReadLoop() {
    lsp::MessageReader reader(size_t{1} << 30);
    char buf[65536];
    for (;;) {
      ssize_t n = read(read_fd_, buf, sizeof buf);
      if (n <= 0) break;
      reader.Feed(std::string_view(buf, static_cast<size_t>(n)));
      while (auto e = reader.Next()) {
        std::lock_guard<std::mutex> lock(mu_);
        if (e->kind == lsp::FrameEvent::kError) {
          stray_.push_back(e->error);
          continue;
        }
        json m = json::parse(e->body, nullptr, false);
        if (m.is_discarded())
          stray_.push_back(e->body);
        else
          inbox_.push_back(std::move(m));
        cv_.notify_all();
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    reader_done_ = true;
    cv_.notify_all();
  }

  int write_fd_ = -1, read_fd_ = -1;
  pid_t pid_ = -1;
  int next_id_ = 1;
  std::thread server_, reader_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<json> inbox_;
  std::vector<std::string> stray_;
  bool reader_done_ = false, exited_ = false;
  int exit_code_ = -1;
};

// The text a range covers, with the range counted in `encoding` (checked independently of the
// server: UTF-16 units are counted from the code points).
std::string Covered(const std::string& text, const json& range, PositionEncoding encoding) {
  TextDocument doc(text);
  auto pos = [&](const json& p) {
    return doc.OffsetAt(LspPosition{p["line"], p["character"]}, encoding);
  };
  uint32_t b = pos(range["start"]), e = pos(range["end"]);
  return text.substr(b, e - b);
}

// Applies LSP TextEdits (non-overlapping) to `text`.
std::string ApplyEdits(const std::string& text, const json& edits, PositionEncoding encoding) {
  TextDocument doc(text);
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> list;
  for (const json& e : edits)
    list.emplace_back(
        doc.OffsetAt(LspPosition{e["range"]["start"]["line"], e["range"]["start"]["character"]},
                     encoding),
        doc.OffsetAt(LspPosition{e["range"]["end"]["line"], e["range"]["end"]["character"]},
                     encoding),
        e["newText"].get<std::string>());
  std::sort(list.begin(), list.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::string out = text;
  for (const auto& [b, e, t] : list) out.replace(b, e - b, t);
  return out;
}

// Edits of a WorkspaceEdit for `uri`, whichever form it has.
json EditsOf(const json& workspace_edit, const std::string& uri) {
  if (workspace_edit.contains("documentChanges"))
    return workspace_edit["documentChanges"][0]["edits"];
  return workspace_edit["changes"][uri];
}

const json* FindDiagnostic(const json& publish, const std::string& rule) {
  for (const json& d : publish["diagnostics"])
    if (d["code"] == rule) return &d;
  return nullptr;
}

const char* kUri = "file:///tmp/reviewlint-lsp-test/review.md";
// "Zoë", "José" and an emoji before the match: 1 + 2 + 4 bytes more than code points, and the
// emoji is 2 UTF-16 units.
const char* kText =
    "# Review\n"
    "\n"
    "Zoë and José 🎉 agree she is a good communicator.\n"
    "His tests are somewhat flaky.\n";

// ---- Framing ------------------------------------------------------------------------------

std::vector<lsp::FrameEvent> ReadAllEvents(lsp::MessageReader& reader, std::string_view bytes,
                                           size_t chunk) {
  std::vector<lsp::FrameEvent> out;
  for (size_t i = 0; i < bytes.size(); i += chunk) {
    reader.Feed(bytes.substr(i, chunk));
    while (auto e = reader.Next()) out.push_back(*e);
  }
  return out;
}

TEST(LspFraming, SplitsMessagesFedOneByteAtATime) {
  std::string stream = lsp::Frame("{\"a\":1}") + "\r\n" + lsp::Frame("{\"b\":\"Zoë\"}") +
                       "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; "
                       "charset=utf-8\r\n\r\n{}";
  for (size_t chunk : {size_t{1}, size_t{3}, stream.size()}) {
    lsp::MessageReader reader(1000);
    auto events = ReadAllEvents(reader, stream, chunk);
    ASSERT_EQ(events.size(), 3u) << chunk;
    EXPECT_EQ(events[0].body, "{\"a\":1}");
    EXPECT_EQ(events[1].body, "{\"b\":\"Zoë\"}");
    EXPECT_EQ(events[2].body, "{}");
    for (const auto& e : events) EXPECT_EQ(e.kind, lsp::FrameEvent::kMessage);
  }
}

TEST(LspFraming, ResynchronisesAfterBadHeaders) {
  lsp::MessageReader reader(1000);
  std::string stream = "garbage without a header\r\n" + lsp::Frame("{\"a\":1}") +
                       "Content-Length: twelve\r\n\r\n{}" + lsp::Frame("{\"b\":2}") +
                       "X-Other: 1\r\n\r\n{\"no\":\"length\"}" + lsp::Frame("{\"c\":3}");
  auto events = ReadAllEvents(reader, stream, 7);
  std::vector<std::string> bodies, errors;
  for (const auto& e : events)
    (e.kind == lsp::FrameEvent::kMessage ? bodies : errors)
        .push_back(e.kind == lsp::FrameEvent::kMessage ? e.body : e.error);
  EXPECT_EQ(bodies, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"}));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("expected a message header"), std::string::npos) << errors[0];
  EXPECT_EQ(errors[1], "invalid Content-Length \"twelve\"");
  EXPECT_EQ(errors[2], "message header without Content-Length");
}

TEST(LspFraming, SkipsABodyOverTheLimitWithoutBufferingIt) {
  lsp::MessageReader reader(100);
  std::string big(5000, 'x');
  auto events = ReadAllEvents(reader, lsp::Frame(big) + lsp::Frame("{}"), 512);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, lsp::FrameEvent::kError);
  EXPECT_EQ(events[0].error, "message of 5000 bytes is over the limit of 100 bytes; skipped");
  EXPECT_EQ(events[1].body, "{}");
}

TEST(LspJson, InvalidUtf8AndLoneSurrogatesBecomeReplacementCharacters) {
  std::string out;
  EXPECT_EQ(lsp::SanitizeJsonText("{\"t\":\"Zo\xC3\xAB \xC0\xAF ok\"}", &out), 1u);
  EXPECT_EQ(out, "{\"t\":\"Zo\xC3\xAB \xEF\xBF\xBD ok\"}");
  EXPECT_EQ(lsp::SanitizeJsonText(R"({"t":"a\ud800b\ud83d\ude00c\\ud800"})", &out), 1u);
  EXPECT_EQ(out, R"({"t":"a\uFFFDb\ud83d\ude00c\\ud800"})");
  lsp::ParsedMessage m = lsp::ParseMessage("{\"t\":\"\xFF\"}");
  EXPECT_TRUE(m.error.empty());
  EXPECT_TRUE(m.lossy);
  EXPECT_EQ(m.value["t"], "\xEF\xBF\xBD");
  EXPECT_FALSE(lsp::ParseMessage("{\"t\":").error.empty());
}

// ---- The document's line table and positions ----------------------------------------------

TEST(LspTextDocument, PositionsAgreeWithLineIndex) {
  std::string text = "Zoë\r\nJosé 🎉 x\rthird\n\nlast 🎉";
  TextDocument doc(text);
  SourceFile src("t.md", text);
  for (uint32_t off = 0; off <= text.size(); ++off) {
    if (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) continue;
    Position u16 = src.lines().Utf16Position(off), b = src.lines().BytePosition(off);
    EXPECT_EQ(doc.PositionAt(off, PositionEncoding::kUtf16),
              (LspPosition{u16.line - 1, u16.column - 1}))
        << off;
    EXPECT_EQ(doc.PositionAt(off, PositionEncoding::kUtf8), (LspPosition{b.line - 1, b.column - 1}))
        << off;
    if (text[off] == '\r' || text[off] == '\n') continue;  // inside a line break: clamped
    EXPECT_EQ(doc.OffsetAt(LspPosition{u16.line - 1, u16.column - 1}, PositionEncoding::kUtf16),
              off);
    EXPECT_EQ(src.lines().OffsetOfUtf16(u16.line - 1, u16.column - 1), off);
  }
  // Past the end of a line: its end; past the last line: the end of the text; inside the emoji's
  // surrogate pair: after the emoji, as LineIndex does.
  EXPECT_EQ(doc.OffsetAt({0, 99}, PositionEncoding::kUtf16), 4u);
  EXPECT_EQ(doc.OffsetAt({99, 0}, PositionEncoding::kUtf16), text.size());
  EXPECT_EQ(doc.OffsetAt({1, 6}, PositionEncoding::kUtf16), src.lines().OffsetOfUtf16(1, 6));
  EXPECT_EQ(doc.OffsetAt({1, 4}, PositionEncoding::kUtf8), 11u);  // inside "é": after it
}

TEST(LspTextDocument, IncrementalEditsKeepTheLineTableExact) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a", "é", "🎉", "\n", "\r", "\r\n", "", "xy\nz", "\r\r"};
  TextDocument doc("start\r\nZoë\rJosé\n");
  for (int i = 0; i < 3000; ++i) {
    uint32_t size = static_cast<uint32_t>(doc.text().size());
    uint32_t b = rng() % (size + 1), e = b + rng() % 4;
    // Keep edits on character boundaries, as position conversion does.
    auto boundary = [&](uint32_t p) {
      p = std::min(p, size);
      while (p < size && (static_cast<unsigned char>(doc.text()[p]) & 0xC0) == 0x80) ++p;
      return p;
    };
    b = boundary(b);
    e = boundary(e);
    doc.Replace(b, e, pieces[rng() % pieces.size()]);
    TextDocument fresh(doc.text());
    ASSERT_EQ(doc.line_count(), fresh.line_count()) << i;
    for (uint32_t l = 0; l < doc.line_count(); ++l) {
      ASSERT_EQ(doc.LineStart(l), fresh.LineStart(l)) << i;
      ASSERT_EQ(doc.LineEnd(l), fresh.LineEnd(l)) << i;
    }
  }
}

// ---- Lifecycle --------------------------------------------------------------------------

TEST(Lsp, InitializeNegotiatesUtf8OnlyWhenOffered) {
  {
    Client c;
    json r = c.Initialize();
    const json& caps = r["result"]["capabilities"];
    EXPECT_EQ(caps["positionEncoding"], "utf-16");
    EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
    EXPECT_EQ(caps["textDocumentSync"]["openClose"], true);
    EXPECT_EQ(caps["hoverProvider"], true);
    EXPECT_EQ(caps["codeActionProvider"]["codeActionKinds"],
              json({"quickfix", "source.fixAll.reviewlint"}));
    EXPECT_EQ(r["result"]["serverInfo"]["name"], "reviewlint");
  }
  {
    Client c;
    json r = c.Initialize({{"general", {{"positionEncodings", {"utf-32", "utf-8", "utf-16"}}}}});
    EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-8");
  }
  {
    Client c;
    json r = c.Initialize({{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}});
    EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-16");
  }
}

TEST(Lsp, RequestsBeforeInitializeAreRefused) {
  Client c;
  json r = c.Call("textDocument/hover", {{"textDocument", {{"uri", kUri}}},
                                         {"position", {{"line", 0}, {"character", 0}}}});
  EXPECT_EQ(r["error"]["code"], -32002);
  c.Open(kUri, kText);  // a notification before initialize is dropped
  EXPECT_TRUE(c.Quiet());
  EXPECT_TRUE(c.Initialize()["result"].is_object());
  EXPECT_EQ(c.Call("initialize", {{"capabilities", json::object()}})["error"]["code"], -32600);
}

TEST(Lsp, ShutdownThenExitIsZero) {
  Client c;
  c.Initialize();
  json r = c.Call("shutdown");
  EXPECT_TRUE(r.contains("result"));
  EXPECT_TRUE(r["result"].is_null());
  EXPECT_EQ(c.Call("textDocument/hover", json::object())["error"]["code"], -32600);
  c.Notify("exit", nullptr);
  EXPECT_EQ(c.ExitCode(), 0);
  EXPECT_TRUE(c.stray_output().empty());
}

TEST(Lsp, ExitWithoutShutdownIsOne) {
  Client c;
  c.Initialize();
  c.Notify("exit", nullptr);
  EXPECT_EQ(c.ExitCode(), 1);
}

TEST(Lsp, EndOfInputWithoutExitEndsTheServer) {
  Client a;
  a.Initialize();
  a.CloseInput();
  EXPECT_EQ(a.ExitCode(), 1);
  Client b;
  b.Initialize();
  b.Call("shutdown");
  b.CloseInput();
  EXPECT_EQ(b.ExitCode(), 0);
}

TEST(Lsp, UnknownMethods) {
  Client c;
  c.Initialize();
  json r = c.Call("textDocument/semanticTokens/full", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(r["error"]["code"], -32601);
  c.Notify("workspace/somethingNew", json::object());
  c.Notify("$/progress", json::object());
  json log = c.WaitFor([](const json& m) { return m.value("method", "") == "window/logMessage"; });
  EXPECT_NE(log["params"]["message"].get<std::string>().find("workspace/somethingNew"),
            std::string::npos);
  EXPECT_TRUE(c.Quiet());  // nothing for $/progress
  EXPECT_TRUE(c.Call("shutdown").contains("result"));
}

// ---- Diagnostics ------------------------------------------------------------------------

TEST(Lsp, PublishesDiagnosticsWithUtf16Columns) {
  Client c;
  c.Initialize();
  c.Open(kUri, kText, 7);
  json p = c.WaitForPublish(kUri, 7);
  ASSERT_FALSE(p.is_null());
  const json* praise = FindDiagnostic(p, "vagueness.generic-praise");
  ASSERT_TRUE(praise);
  // "Zoë and José 🎉 agree she is a " is 30 code points, 31 UTF-16 units.
  EXPECT_EQ((*praise)["range"],
            json::parse(R"({"start":{"line":2,"character":31},"end":{"line":2,"character":48}})"));
  EXPECT_EQ(Covered(kText, (*praise)["range"], PositionEncoding::kUtf16), "good communicator");
  EXPECT_EQ((*praise)["severity"], 2);
  EXPECT_EQ((*praise)["source"], "reviewlint");
  EXPECT_EQ((*praise)["codeDescription"]["href"],
            "https://github.com/reviewlint/reviewlint/blob/main/rules/vagueness.json");
  EXPECT_EQ((*praise)["data"]["rule"], "vagueness.generic-praise");
  EXPECT_EQ((*praise)["data"]["scope"], "span");
  const json* hedge = FindDiagnostic(p, "vagueness.hedge");
  ASSERT_TRUE(hedge);
  EXPECT_EQ((*hedge)["severity"], 3);  // info
  EXPECT_EQ(Covered(kText, (*hedge)["range"], PositionEncoding::kUtf16), "somewhat");
  ASSERT_EQ((*hedge)["data"]["fixes"].size(), 1u);
  EXPECT_EQ((*hedge)["data"]["fixes"][0]["safe"], false);
  EXPECT_TRUE(c.stray_output().empty());
}

TEST(Lsp, PublishesDiagnosticsWithUtf8Columns) {
  Client c;
  c.Initialize({{"general", {{"positionEncodings", json::array({"utf-8"})}}}});
  c.Open(kUri, kText, 1);
  json p = c.WaitForPublish(kUri, 1);
  const json* praise = FindDiagnostic(p, "vagueness.generic-praise");
  ASSERT_TRUE(praise);
  // 30 code points, 35 bytes.
  EXPECT_EQ((*praise)["range"]["start"]["character"], 35);
  EXPECT_EQ(Covered(kText, (*praise)["range"], PositionEncoding::kUtf8), "good communicator");
}

TEST(Lsp, IncrementalAndFullChangesPublishForEachVersion) {
  for (PositionEncoding encoding : {PositionEncoding::kUtf16, PositionEncoding::kUtf8}) {
    bool utf8 = encoding == PositionEncoding::kUtf8;
    Client c;
    c.Initialize(utf8 ? json{{"general", {{"positionEncodings", json::array({"utf-8"})}}}}
                      : json::object());
    std::string text = kText;
    c.Open(kUri, text, 1);
    c.WaitForPublish(kUri, 1);

    // Version 2: replace "somewhat" on line 3 with "kind of", and insert an emoji line in front
    // of the praise line: two changes in one notification, positions in the negotiated unit.
    TextDocument doc(text);
    uint32_t b = static_cast<uint32_t>(text.find("somewhat"));
    LspPosition s = doc.PositionAt(b, encoding), e = doc.PositionAt(b + 8, encoding);
    json changes = json::array();
    changes.push_back({{"range",
                        {{"start", {{"line", s.line}, {"character", s.character}}},
                         {"end", {{"line", e.line}, {"character", e.character}}}}},
                       {"text", "kind of"}});
    changes.push_back(
        {{"range",
          {{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}},
         {"text", "🎉 Zoë\n"}});
    c.Change(kUri, 2, changes);
    text.replace(b, 8, "kind of");
    text.insert(text.find("Zoë and"), "🎉 Zoë\n");
    json p = c.WaitForPublish(kUri, 2);
    const json* hedge = FindDiagnostic(p, "vagueness.hedge");
    ASSERT_TRUE(hedge);
    EXPECT_EQ((*hedge)["range"]["start"]["line"], 4);
    EXPECT_EQ(Covered(text, (*hedge)["range"], encoding), "kind of");
    const json* praise = FindDiagnostic(p, "vagueness.generic-praise");
    ASSERT_TRUE(praise);
    EXPECT_EQ((*praise)["range"]["start"]["line"], 3);
    EXPECT_EQ(Covered(text, (*praise)["range"], encoding), "good communicator");

    // Version 3: delete "good " in the praise line → the praise finding goes.
    size_t g = text.find("good communicator");
    LspPosition gs = TextDocument(text).PositionAt(static_cast<uint32_t>(g), encoding);
    c.Change(kUri, 3,
             json::array({{{"range",
                            {{"start", {{"line", gs.line}, {"character", gs.character}}},
                             {"end", {{"line", gs.line}, {"character", gs.character + 5}}}}},
                           {"text", ""}}}));
    p = c.WaitForPublish(kUri, 3);
    EXPECT_FALSE(FindDiagnostic(p, "vagueness.generic-praise"));
    EXPECT_TRUE(FindDiagnostic(p, "vagueness.hedge"));

    // Version 4: a full-text change.
    c.Change(kUri, 4, json::array({{{"text", "She is a good communicator.\n"}}}));
    p = c.WaitForPublish(kUri, 4);
    ASSERT_EQ(p["diagnostics"].size(), 1u);
    EXPECT_EQ(p["diagnostics"][0]["range"]["start"], json::parse(R"({"line":0,"character":9})"));

    // didClose clears the document's diagnostics.
    c.Notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
    p = c.WaitForPublish(kUri);
    EXPECT_TRUE(p["diagnostics"].empty());
    EXPECT_FALSE(p.contains("version"));
  }
}

TEST(Lsp, DebouncesABurstAndLintsOnlyTheLatestVersion) {
  Client c;
  c.Initialize();
  c.Open(kUri, "Start.\n", 1);
  c.WaitForPublish(kUri, 1);
  // 10,000 one-character edits as fast as the pipe takes them, then one that adds a finding.
  std::string burst;
  for (int v = 2; v <= 10001; ++v) {
    json change = {
        {"range",
         {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
        {"text", "x"}};
    burst += FramedChange(kUri, v, json::array({change}));
  }
  auto start = Clock::now();
  c.SendRaw(burst);
  c.Change(kUri, 10002,
           json::array({{{"range",
                          {{"start", {{"line", 0}, {"character", 0}}},
                           {"end", {{"line", 0}, {"character", 0}}}}},
                         {"text", "He is a team player. "}}}));
  // Still answering requests right away.
  json hover = c.Call("textDocument/hover", {{"textDocument", {{"uri", kUri}}},
                                             {"position", {{"line", 0}, {"character", 10}}}});
  ASSERT_TRUE(hover.contains("result"));
  EXPECT_NE(hover["result"]["contents"]["value"].get<std::string>().find("team player"),
            std::string::npos);
  json p = c.WaitForPublish(kUri, 10002);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  std::printf("[ burst    ] 10,000 edits applied and the last version published in %lld ms\n",
              static_cast<long long>(ms));
  ASSERT_TRUE(FindDiagnostic(p, "vagueness.generic-praise"));
  EXPECT_EQ(
      Covered("He is a team player. " + std::string(10000, 'x') + "Start.\n",
              (*FindDiagnostic(p, "vagueness.generic-praise"))["range"], PositionEncoding::kUtf16),
      "team player");
  // Debounced: far fewer lints than edits.
  size_t publishes = 0;
  for (const json& m : c.Drain())
    if (m.value("method", "") == "textDocument/publishDiagnostics") ++publishes;
  EXPECT_LT(publishes, 200u);
}

TEST(Lsp, DocumentFindingsShowAtTheirAnchor) {
  // A long enough review with praise only: balance.missing-constructive, anchored at the end.
  std::string text =
      "# Review\n\n"
      "She rewrote the billing export, which cut its run time from 40 to 6 minutes. She led the\n"
      "migration of 14 services to the new queue with no downtime, and she mentored two new\n"
      "engineers through their first on-call rotations in March and April. Her design review for\n"
      "the ledger cut the number of reconciliation errors from 30 a week to 2.\n";
  Client c;
  c.Initialize();
  c.Open(kUri, text, 1);
  json p = c.WaitForPublish(kUri, 1);
  bool any = false;
  for (const json& d : p["diagnostics"]) {
    if (d["data"]["scope"] != "document") continue;
    any = true;
    // Shown on the review's last line, from its first character to the anchor (its end).
    EXPECT_EQ(d["range"]["start"], json::parse(R"({"line":5,"character":0})")) << d.dump();
    EXPECT_EQ(Covered(text, d["range"], PositionEncoding::kUtf16),
              "the ledger cut the number of reconciliation errors from 30 a week to 2.");
  }
  EXPECT_TRUE(any) << p.dump();
}

// ---- Code actions and hover -------------------------------------------------------------

json CodeActions(Client& c, const std::string& uri, json range, json only = nullptr) {
  json context = {{"diagnostics", json::array()}};
  if (!only.is_null()) context["only"] = only;
  json r = c.Call("textDocument/codeAction",
                  {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", context}});
  EXPECT_TRUE(r.contains("result")) << r.dump();
  return r["result"];
}

json Range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

TEST(Lsp, CodeActionsApplyTheFixAndDisableTheRuleForTheLine) {
  Client c;
  c.Initialize();
  std::string text = "# Review\r\n\r\n  His tests run somewhat longer.\r\n";
  c.Open(kUri, text, 1);
  c.WaitForPublish(kUri, 1);
  json actions = CodeActions(c, kUri, Range(2, 20, 2, 20));
  ASSERT_EQ(actions.size(), 2u) << actions.dump();
  EXPECT_EQ(actions[0]["title"], "Remove \"somewhat\" (vagueness.hedge)");
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["diagnostics"][0]["code"], "vagueness.hedge");
  EXPECT_EQ(ApplyEdits(text, EditsOf(actions[0]["edit"], kUri), PositionEncoding::kUtf16),
            "# Review\r\n\r\n  His tests run longer.\r\n");
  EXPECT_EQ(actions[1]["title"], "Disable vagueness.hedge for this line");
  std::string disabled =
      ApplyEdits(text, EditsOf(actions[1]["edit"], kUri), PositionEncoding::kUtf16);
  EXPECT_EQ(disabled,
            "# Review\r\n\r\n  His tests run somewhat longer. <!-- reviewlint-disable-line "
            "vagueness.hedge -->\r\n");

  // The inserted comment silences the finding (the engine honours it), and a second rule on the
  // same line is added to the same comment.
  c.Change(kUri, 2,
           json::array({{{"text", disabled + "  She is a good communicator, somewhat.\r\n"}}}));
  json p = c.WaitForPublish(kUri, 2);
  for (const json& d : p["diagnostics"]) EXPECT_NE(d["range"]["start"]["line"], 2) << d.dump();
  std::string two = disabled + "  She is a good communicator, somewhat.\r\n";
  json again = CodeActions(c, kUri, Range(3, 30, 3, 30));
  ASSERT_EQ(again.size(), 2u) << again.dump();
  two = ApplyEdits(two, EditsOf(again[1]["edit"], kUri), PositionEncoding::kUtf16);
  EXPECT_EQ(two.substr(disabled.size()),
            "  She is a good communicator, somewhat. <!-- reviewlint-disable-line "
            "vagueness.hedge -->\r\n");
  c.Change(kUri, 3, json::array({{{"text", two}}}));
  c.WaitForPublish(kUri, 3);
  again = CodeActions(c, kUri, Range(3, 12, 3, 12));
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(ApplyEdits(two, EditsOf(again.back()["edit"], kUri), PositionEncoding::kUtf16)
                .substr(disabled.size()),
            "  She is a good communicator, somewhat. <!-- reviewlint-disable-line "
            "vagueness.hedge vagueness.generic-praise -->\r\n");
  // Actions for a range with nothing in it: none.
  EXPECT_TRUE(CodeActions(c, kUri, Range(0, 0, 0, 3)).empty());
  // Only source actions asked for: no quickfixes (and there are no safe fixes to apply).
  EXPECT_TRUE(CodeActions(c, kUri, Range(3, 0, 3, 10), json::array({"source.fixAll"})).empty());
}

TEST(Lsp, DisableActionAddsToAnExistingCommentAbove) {
  Client c;
  c.Initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  std::string text =
      "<!-- reviewlint-disable-next-line vagueness.generic-praise -->\n"
      "She is somewhat a good communicator.\n";
  c.Open(kUri, text, 5);
  json p = c.WaitForPublish(kUri, 5);
  ASSERT_TRUE(FindDiagnostic(p, "vagueness.hedge"));
  EXPECT_FALSE(FindDiagnostic(p, "vagueness.generic-praise"));
  json actions = CodeActions(c, kUri, Range(1, 9, 1, 9), json::array({"quickfix"}));
  ASSERT_EQ(actions.size(), 2u);
  // documentChanges carry the version the edit was computed for.
  EXPECT_EQ(actions[1]["edit"]["documentChanges"][0]["textDocument"]["version"], 5);
  EXPECT_EQ(ApplyEdits(text, EditsOf(actions[1]["edit"], kUri), PositionEncoding::kUtf16),
            "<!-- reviewlint-disable-next-line vagueness.generic-praise vagueness.hedge -->\n"
            "She is somewhat a good communicator.\n");
}

// "Disable RULE for this line" must not change how the review renders: cmark renders the draft
// before and after the edit to the same HTML, apart from the comment itself. Paragraph lines
// (hard-wrapped, hard breaks), list items (bulleted, ordered), a table row, headings.
TEST(Lsp, DisableForLineKeepsTheRenderedReview) {
  using testing::RenderCommonMark;
  if (RenderCommonMark("x").empty()) GTEST_SKIP() << "cmark is not installed";
  const std::vector<std::string> drafts = {
      "The rollout went out on time and was careful and\nwell planned, but somewhat slow.\n"
      "It shipped in May.\n",
      "She is somewhat slow.  \nHe is fast.\n",
      "She is somewhat slow.\\\nHe is fast.\n",
      "- one\n- She is somewhat slow\n  and careful.\n- three\n",
      "1. one\n2. She is somewhat slow.\n3. three\n",
      "| who | note |\n| --- | --- |\n| Ana | somewhat slow |\n| Bo | fast |\n",
      "## A somewhat slow quarter\n\nText.\n",
      "## A somewhat slow quarter ##\n\nText.\n",
      "A somewhat slow quarter\n=======================\n\nText.\n",
      "> She is somewhat slow `and\n> this` is code.\n"};
  const std::regex comment(" ?<!-- reviewlint-disable-line [^>]*-->");
  std::vector<std::string> renderers = {"cmark --unsafe"};
  if (!RenderCommonMark("x", "cmark-gfm").empty())
    renderers.push_back("cmark-gfm --unsafe -e table");
  for (const std::string& draft : drafts) {
    // The action's edit for a finding on "somewhat" (headings get no hedge finding today, but
    // the edit must be right for any rule that flags one).
    SourceFile source("d.md", draft);
    Diagnostic d;
    d.rule = "vagueness.hedge";
    d.span.begin = static_cast<uint32_t>(draft.find("somewhat"));
    d.span.end = d.span.begin + 8;
    std::string fixed = ApplyEdits(
        draft, json::array({lsp::DisableForLineEdit(source, d, PositionEncoding::kUtf16)}),
        PositionEncoding::kUtf16);
    for (const std::string& renderer : renderers) {
      std::string before = RenderCommonMark(draft, renderer);
      std::string after = RenderCommonMark(fixed, renderer);
      EXPECT_NE(after.find("<!-- reviewlint-disable-line"), std::string::npos)
          << renderer << ": the comment is not raw HTML in\n"
          << fixed << "\n"
          << after;
      EXPECT_EQ(std::regex_replace(after, comment, ""), before) << renderer << " renders\n"
                                                                << fixed << "differently from\n"
                                                                << draft;
    }
    // And the engine honours it.
    EXPECT_FALSE(testing::HasRule(testing::Lint(fixed), "vagueness.hedge")) << fixed;
    if (draft[0] != '#' && draft.find("===") == std::string::npos) {
      EXPECT_TRUE(testing::HasRule(testing::Lint(draft), "vagueness.hedge")) << draft;
    }
  }
}

// Rewrites a reviewer wants: a template placeholder becomes a snippet tab stop (the editor
// selects it, typing replaces it) when the client takes snippet edits; a booster can be
// dropped; and fix-all says why it has nothing to do when the client shows disabled actions.
TEST(Lsp, PlaceholderSnippetBoosterRewriteAndNothingToFix) {
  Client c;
  c.Initialize({{"workspace",
                 {{"workspaceEdit", {{"documentChanges", true}, {"snippetEditSupport", true}}}}},
                {"textDocument", {{"codeAction", {{"disabledSupport", true}}}}}});
  std::string text = "Goals: cut $X} by X% and [specific example]. Really great work.\n";
  c.Open(kUri, text, 1);
  c.WaitForPublish(kUri, 1);
  json actions = CodeActions(c, kUri, Range(0, 12, 0, 12));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0]["edit"]["documentChanges"][0]["edits"][0]["snippet"]["value"], "${1:\\$X}");
  actions = CodeActions(c, kUri, Range(0, 19, 0, 19));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0]["title"], "Fill in \"X%\" (template.placeholder-number)");
  json edit = actions[0]["edit"]["documentChanges"][0]["edits"][0];
  EXPECT_EQ(edit["snippet"], json({{"kind", "snippet"}, {"value", "${1:X%}"}}));
  EXPECT_EQ(Covered(text, edit["range"], PositionEncoding::kUtf16), "X%");
  actions = CodeActions(c, kUri, Range(0, 30, 0, 30));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0]["edit"]["documentChanges"][0]["edits"][0]["snippet"]["value"],
            "${1:[specific example]}");
  actions = CodeActions(c, kUri, Range(0, 47, 0, 47));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0]["title"], "Remove \"Really\" (vagueness.empty-booster)");
  EXPECT_EQ(ApplyEdits(text, EditsOf(actions[0]["edit"], kUri), PositionEncoding::kUtf16),
            "Goals: cut $X} by X% and [specific example]. Great work.\n");
  json all = CodeActions(c, kUri, Range(0, 0, 0, 0), json::array({"source.fixAll"}));
  ASSERT_EQ(all.size(), 1u) << all.dump();
  EXPECT_EQ(all[0]["disabled"]["reason"],
            "Nothing to fix: none of the 4 findings has a safe fix; 1 can be fixed one by one "
            "(the fix changes what the review says)");
  EXPECT_FALSE(all[0].contains("edit"));
}

// Without snippet edits but with window/showDocument, the placeholder is selected instead: the
// action runs a command, and the server asks the editor to show it selected.
TEST(Lsp, PlaceholderSelectedWhenTheClientHasNoSnippets) {
  Client c;
  c.Initialize({{"window", {{"showDocument", {{"support", true}}}}}});
  std::string text = "Goals: cut latency by X% this year.\n";
  c.Open(kUri, text, 1);
  c.WaitForPublish(kUri, 1);
  json actions = CodeActions(c, kUri, Range(0, 23, 0, 23));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0]["title"], "Select \"X%\" to fill in (template.placeholder-number)");
  json command = actions[0]["command"];
  ASSERT_EQ(command["command"], "reviewlint.selectPlaceholder") << actions.dump();
  json r = c.Call("workspace/executeCommand",
                  {{"command", command["command"]}, {"arguments", command["arguments"]}});
  EXPECT_TRUE(r.contains("result")) << r.dump();
  json show =
      c.WaitFor([](const json& m) { return m.value("method", "") == "window/showDocument"; });
  EXPECT_EQ(show["params"]["uri"], kUri);
  EXPECT_EQ(show["params"]["takeFocus"], true);
  EXPECT_EQ(Covered(text, show["params"]["selection"], PositionEncoding::kUtf16), "X%");
  EXPECT_EQ(c.Call("workspace/executeCommand", {{"command", "nope"}})["error"]["code"], -32602);
}

TEST(Lsp, FixAllAppliesOnlySafeFixes) {
  // A pack with a safe fix, loaded through the editor's settings.
  std::string dir = TempDir() + "/lsp-packs";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/plain.json", R"({
  "pack": "plain",
  "description": "Plain words.",
  "rules": [{
    "id": "utilize", "kind": "phrase", "severity": "warning", "exact": true,
    "phrases": ["utilize", "utilizes"],
    "fix": {"replacement": "use", "safe": true},
    "message": "\"{match}\": say \"use\"", "why": "Plain words read faster.",
    "instead": "use",
    "examples": {"bad": ["We utilize caches."], "good": ["We use caches."]}
  }]
})");
  Client c;
  c.Initialize({}, {{"reviewlint", {{"rulesDirs", json::array({dir})}}}});
  std::string text = "We utilize caches. She is somewhat slow.\nThey utilize queues.\n";
  c.Open(kUri, text, 1);
  json p = c.WaitForPublish(kUri, 1);
  ASSERT_TRUE(FindDiagnostic(p, "plain.utilize")) << p.dump();
  json actions = CodeActions(c, kUri, Range(0, 0, 0, 0), json::array({"source.fixAll"}));
  ASSERT_EQ(actions.size(), 1u) << actions.dump();
  EXPECT_EQ(actions[0]["kind"], "source.fixAll.reviewlint");
  // Both "utilize"s, not the unsafe removal of "somewhat".
  EXPECT_EQ(ApplyEdits(text, EditsOf(actions[0]["edit"], kUri), PositionEncoding::kUtf16),
            "We use caches. She is somewhat slow.\nThey use queues.\n");
  // The quickfix for one of them is preferred (it is safe).
  json quick = CodeActions(c, kUri, Range(0, 4, 0, 4), json::array({"quickfix"}));
  ASSERT_FALSE(quick.empty());
  EXPECT_EQ(quick[0]["title"], "Replace with \"use\" (plain.utilize)");
  EXPECT_EQ(quick[0]["isPreferred"], true);
}

TEST(Lsp, HoverExplainsTheRule) {
  Client c;
  c.Initialize();
  c.Open(kUri, kText, 1);
  c.WaitForPublish(kUri, 1);
  json r = c.Call("textDocument/hover", {{"textDocument", {{"uri", kUri}}},
                                         {"position", {{"line", 2}, {"character", 35}}}});
  const json& h = r["result"];
  ASSERT_TRUE(h.is_object()) << r.dump();
  EXPECT_EQ(h["contents"]["kind"], "markdown");
  std::string value = h["contents"]["value"];
  const RuleSpec* rule = testing::DefaultEngine().FindRule("vagueness.generic-praise");
  ASSERT_TRUE(rule);
  EXPECT_EQ(value.rfind("**vagueness.generic-praise** (warning)", 0), 0u) << value;
  EXPECT_NE(value.find(rule->why), std::string::npos);
  EXPECT_NE(value.find("**Write instead:** " + rule->instead), std::string::npos);
  EXPECT_EQ(h["range"],
            json::parse(R"({"start":{"line":2,"character":31},"end":{"line":2,"character":48}})"));
  // Nothing under the cursor: null.
  r = c.Call("textDocument/hover",
             {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 1}}}});
  EXPECT_TRUE(r.contains("result") && r["result"].is_null()) << r.dump();
  // A hover on a document that is not open is an error, not a crash.
  r = c.Call("textDocument/hover", {{"textDocument", {{"uri", "file:///nope.md"}}},
                                    {"position", {{"line", 0}, {"character", 1}}}});
  EXPECT_EQ(r["error"]["code"], -32602);
}

TEST(Lsp, HoverInPlainTextWhenTheClientHasNoMarkdown) {
  Client c;
  c.Initialize({{"textDocument", {{"hover", {{"contentFormat", json::array({"plaintext"})}}}}}});
  c.Open(kUri, kText, 1);
  c.WaitForPublish(kUri, 1);
  json r = c.Call("textDocument/hover", {{"textDocument", {{"uri", kUri}}},
                                         {"position", {{"line", 3}, {"character", 16}}}});
  EXPECT_EQ(r["result"]["contents"]["kind"], "plaintext");
  EXPECT_EQ(r["result"]["contents"]["value"].get<std::string>().find("**"), std::string::npos);
}

// ---- Configuration ----------------------------------------------------------------------

TEST(Lsp, EditorSettingsChangeRuleLevels) {
  Client c;
  c.Initialize({}, {{"reviewlint", {{"rules", {{"vagueness.hedge", "error"}}}}}});
  c.Open(kUri, kText, 1);
  json p = c.WaitForPublish(kUri, 1);
  ASSERT_TRUE(FindDiagnostic(p, "vagueness.hedge"));
  EXPECT_EQ((*FindDiagnostic(p, "vagueness.hedge"))["severity"], 1);
  // didChangeConfiguration re-lints every open document with the new settings.
  c.Notify("workspace/didChangeConfiguration",
           {{"settings", {{"reviewlint", {{"rules", {{"vagueness", "off"}}}}}}}});
  p = c.WaitForPublish(kUri, 1);
  for (const json& d : p["diagnostics"])
    EXPECT_NE(d["code"].get<std::string>().rfind("vagueness.", 0), 0u) << p.dump();
  // With the hedge gone, "His tests are somewhat flaky." is a criticism with no next step.
  EXPECT_TRUE(FindDiagnostic(p, "balance.no-next-step")) << p.dump();
  // A bad level and an unknown rule are reported, not fatal.
  c.Notify(
      "workspace/didChangeConfiguration",
      {{"settings",
        {{"reviewlint", {{"rules", {{"vagueness.hedge", "loud"}, {"vagueness.hedg", "off"}}}}}}}});
  json m1 = c.WaitFor([](const json& m) {
    return m.value("method", "") == "window/showMessage" &&
           m["params"]["message"].get<std::string>().find("\"loud\"") != std::string::npos;
  });
  EXPECT_FALSE(m1.is_null());
  json m2 = c.WaitFor([](const json& m) {
    return m.value("method", "") == "window/showMessage" &&
           m["params"]["message"].get<std::string>().find("did you mean \"vagueness.hedge\"") !=
               std::string::npos;
  });
  EXPECT_FALSE(m2.is_null());
  p = c.WaitForPublish(kUri, 1);
  EXPECT_TRUE(FindDiagnostic(p, "vagueness.hedge"));
}

TEST(Lsp, SettingsPulledWithWorkspaceConfiguration) {
  Client c;
  c.Initialize({{"workspace", {{"configuration", true}}}});
  c.Open(kUri, kText, 1);
  EXPECT_TRUE(FindDiagnostic(c.WaitForPublish(kUri, 1), "vagueness.hedge"));
  // A client that pushes no settings is asked for them.
  c.Notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  json request =
      c.WaitFor([](const json& m) { return m.value("method", "") == "workspace/configuration"; });
  ASSERT_TRUE(request.contains("id"));
  EXPECT_EQ(request["params"]["items"][0]["section"], "reviewlint");
  c.Send({{"jsonrpc", "2.0"},
          {"id", request["id"]},
          {"result", json::array({{{"rules", {{"vagueness.hedge", "off"}}}}})}});
  json p = c.WaitForPublish(kUri, 1);
  EXPECT_FALSE(FindDiagnostic(p, "vagueness.hedge"));
  EXPECT_TRUE(FindDiagnostic(p, "vagueness.generic-praise"));
}

TEST(Lsp, ConfigFileForTheDocumentIsUsedAndReloaded) {
  std::string dir = TempDir() + "/lsp-config";
  std::filesystem::create_directories(dir + "/.git");
  std::string path = dir + "/review.md", uri = "file://" + dir + "/review.md";
  WriteFile(dir + "/.reviewlint.json", R"({"rules": {"vagueness.hedge": "off"}})");
  Client c;
  c.Initialize();
  c.Open(uri, kText, 1);
  json p = c.WaitForPublish(uri, 1);
  EXPECT_FALSE(FindDiagnostic(p, "vagueness.hedge"));
  EXPECT_TRUE(FindDiagnostic(p, "vagueness.generic-praise"));
  // The file changes on disk; the client says so.
  WriteFile(dir + "/.reviewlint.json", R"({"rules": {"vagueness.generic-praise": "off"}})");
  c.Notify(
      "workspace/didChangeWatchedFiles",
      {{"changes", json::array({{{"uri", "file://" + dir + "/.reviewlint.json"}, {"type", 2}}})}});
  p = c.WaitForPublish(uri, 1);
  EXPECT_TRUE(FindDiagnostic(p, "vagueness.hedge"));
  EXPECT_FALSE(FindDiagnostic(p, "vagueness.generic-praise"));
  // A broken config is reported and the document is still linted.
  WriteFile(dir + "/.reviewlint.json", R"({"rulez": {}})");
  c.Change(uri, 2, json::array({{{"text", kText}}}));
  json shown =
      c.WaitFor([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  EXPECT_NE(shown["params"]["message"].get<std::string>().find("rulez"), std::string::npos)
      << shown.dump();
  p = c.WaitForPublish(uri, 2);
  EXPECT_TRUE(FindDiagnostic(p, "vagueness.hedge"));
  EXPECT_TRUE(FindDiagnostic(p, "vagueness.generic-praise"));
}

// The names a config file gets wrong are shown where they are written, as the CLI reports them.
TEST(Lsp, ConfigNamesAreCheckedLikeTheCli) {
  std::string dir = TempDir() + "/lsp-config-names";
  std::filesystem::create_directories(dir + "/.git");
  std::string uri = "file://" + dir + "/review.md";
  WriteFile(dir + "/.reviewlint.json",
            R"({"packs": {"pipp": false}, "thresholds": {"rubric.uncovered": {"min_wordz": 3}}})");
  Client c;
  c.Initialize();
  c.Open(uri, kText, 1);
  auto shown = [&](const std::string& text) {
    return c.WaitFor([&](const json& m) {
      return m.value("method", "") == "window/showMessage" &&
             m["params"]["message"].get<std::string>().find(text) != std::string::npos;
    });
  };
  EXPECT_FALSE(shown("/packs/pipp: unknown pack \"pipp\" (did you mean \"pip\"?)").is_null());
  EXPECT_FALSE(shown("unknown threshold \"min_wordz\"").is_null());
  EXPECT_TRUE(FindDiagnostic(c.WaitForPublish(uri, 1), "vagueness.hedge"));
}

// ---- Malformed input --------------------------------------------------------------------

json NextError(Client& c) {
  return c.WaitFor([](const json& m) { return m.contains("error"); });
}

TEST(Lsp, MalformedJsonGetsAParseErrorAndTheServerCarriesOn) {
  Client c;
  c.Initialize();
  c.SendRaw(lsp::Frame("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"));
  json e = NextError(c);
  EXPECT_EQ(e["error"]["code"], -32700);
  EXPECT_TRUE(e["id"].is_null());
  c.SendRaw(lsp::Frame("[1,2]"));
  EXPECT_EQ(NextError(c)["error"]["code"], -32600);
  c.SendRaw(lsp::Frame("42"));
  EXPECT_EQ(NextError(c)["error"]["code"], -32600);
  c.SendRaw(lsp::Frame(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})"));
  EXPECT_EQ(NextError(c)["error"]["code"], -32600);
  c.SendRaw(lsp::Frame(R"({"jsonrpc":"2.0","id":9,"method":7})"));
  EXPECT_EQ(NextError(c)["error"]["code"], -32600);
  // Params of the wrong shape: InvalidParams naming the field.
  json r = c.Call("textDocument/hover", {{"textDocument", {{"uri", 5}}}});
  EXPECT_EQ(r["error"]["code"], -32602);
  EXPECT_NE(r["error"]["message"].get<std::string>().find("textDocument.uri"), std::string::npos);
  // Deep nesting does not overflow anything.
  c.SendRaw(lsp::Frame(std::string(100000, '[') + std::string(100000, ']')));
  EXPECT_EQ(NextError(c)["error"]["code"], -32600);
  // A didChange for a document that is not open is logged.
  c.Change("file:///not-open.md", 2, json::array({{{"text", "x"}}}));
  json log = c.WaitFor([](const json& m) {
    return m.value("method", "") == "window/logMessage" &&
           m["params"]["message"].get<std::string>().find("not open") != std::string::npos;
  });
  EXPECT_EQ(log["params"]["message"],
            "textDocument/didChange: document not open: file:///not-open.md (didChange before "
            "didOpen?)");
  // Still alive.
  c.Open(kUri, kText, 1);
  EXPECT_FALSE(c.WaitForPublish(kUri, 1)["diagnostics"].empty());
  EXPECT_TRUE(c.Call("shutdown").contains("result"));
  c.Notify("exit", nullptr);
  EXPECT_EQ(c.ExitCode(), 0);
}

TEST(Lsp, WrongContentLengths) {
  lsp::ServerOptions options;
  options.stall_ms = 300;
  Client c(options);
  c.Initialize();
  auto shutdown_body = [](int id) {
    return json({{"jsonrpc", "2.0"},
                 {"id", id},
                 {"method", "textDocument/hover"},
                 {"params",
                  {{"textDocument", {{"uri", "file:///x.md"}}},
                   {"position", {{"line", 0}, {"character", 0}}}}}})
        .dump();
  };
  // Not a number; a missing header: errors, then the next message is read.
  c.SendRaw("Content-Type: x\r\n\r\n{}");
  EXPECT_EQ(NextError(c)["error"]["message"], "message header without Content-Length");
  c.SendRaw("Content-Length: -5\r\n\r\n{}");
  EXPECT_EQ(NextError(c)["error"]["message"], "invalid Content-Length \"-5\"");
  c.SendRaw(lsp::Frame(shutdown_body(101)));
  EXPECT_EQ(c.WaitFor([](const json& m) { return m.value("id", json()) == 101; })["error"]["code"],
            -32602);

  // Too short: the body is cut, a parse error; the rest is skipped up to the next header.
  std::string body = shutdown_body(102);
  c.SendRaw("Content-Length: " + std::to_string(body.size() - 10) + "\r\n\r\n" + body +
            lsp::Frame(shutdown_body(103)));
  EXPECT_EQ(NextError(c)["error"]["code"], -32700);
  EXPECT_FALSE(c.WaitFor([](const json& m) { return m.value("id", json()) == 103; }).is_null());

  // Too long, followed by another message: both are answered.
  body = shutdown_body(104);
  c.SendRaw("Content-Length: " + std::to_string(body.size() + 30) + "\r\n\r\n" + body +
            lsp::Frame(shutdown_body(105)));
  EXPECT_FALSE(c.WaitFor([](const json& m) { return m.value("id", json()) == 104; }).is_null());
  EXPECT_FALSE(c.WaitFor([](const json& m) { return m.value("id", json()) == 105; }).is_null());

  // Too long with nothing after it: answered once the sender has gone quiet.
  body = shutdown_body(106);
  c.SendRaw("Content-Length: " + std::to_string(body.size() + 30) + "\r\n\r\n" + body);
  EXPECT_FALSE(c.WaitFor([](const json& m) { return m.value("id", json()) == 106; }).is_null());
  c.SendRaw(lsp::Frame(shutdown_body(107)));
  EXPECT_FALSE(c.WaitFor([](const json& m) { return m.value("id", json()) == 107; }).is_null());
  EXPECT_TRUE(c.stray_output().empty());
}

TEST(Lsp, HugeMessages) {
  {
    // Over the limit: skipped without being held in memory, then business as usual.
    lsp::ServerOptions options;
    options.max_message_bytes = 1 << 20;
    Client c(options);
    c.Initialize();
    std::string text(3 << 20, 'a');
    c.Open(kUri, text, 1);
    json e = NextError(c);
    EXPECT_EQ(e["error"]["code"], -32700);
    EXPECT_NE(e["error"]["message"].get<std::string>().find("over the limit"), std::string::npos);
    c.Open(kUri, kText, 2);
    EXPECT_FALSE(c.WaitForPublish(kUri, 2)["diagnostics"].empty());
  }
  {
    // Under the default limit: a 2 MB review is linted.
    Client c;
    c.Initialize();
    std::string text;
    while (text.size() < (2u << 20))
      text += "She rewrote the export job, which cut its run time from 40 to 6 minutes.\n";
    size_t lines = std::count(text.begin(), text.end(), '\n');
    text += "Zoë is a good communicator.\n";
    c.Open(kUri, text, 1);
    json p = c.WaitForPublish(kUri, 1);
    const json* praise = FindDiagnostic(p, "vagueness.generic-praise");
    ASSERT_TRUE(praise);
    EXPECT_EQ((*praise)["range"]["start"]["line"], lines);
  }
}

TEST(Lsp, TextThatIsNotUtf8IsReportedNotLinted) {
  Client c;
  c.Initialize();
  // Raw bytes that are not UTF-8 (what a client that sends Latin-1 does).
  std::string body = json({{"jsonrpc", "2.0"},
                           {"method", "textDocument/didOpen"},
                           {"params",
                            {{"textDocument",
                              {{"uri", kUri},
                               {"languageId", "markdown"},
                               {"version", 1},
                               {"text", "PLACEHOLDER"}}}}}})
                         .dump();
  body.replace(body.find("PLACEHOLDER"), 11, "Jos\xE9 is a good communicator.");
  c.SendRaw(lsp::Frame(body));
  json log = c.WaitFor([](const json& m) { return m.value("method", "") == "window/logMessage"; });
  EXPECT_NE(log["params"]["message"].get<std::string>().find("not valid UTF-8"), std::string::npos)
      << log.dump();
  EXPECT_TRUE(c.WaitForPublish(kUri, 1)["diagnostics"].empty());
  // An edit to it keeps it unlinted; a whole new valid text is linted again.
  c.Change(kUri, 2, json::array({{{"range", Range(0, 0, 0, 0)}, {"text", "x"}}}));
  EXPECT_TRUE(c.WaitForPublish(kUri, 2)["diagnostics"].empty());
  c.Change(kUri, 3, json::array({{{"text", "José is a good communicator."}}}));
  EXPECT_FALSE(c.WaitForPublish(kUri, 3)["diagnostics"].empty());
  // A lone surrogate escape (what JSON.stringify makes of a broken JS string).
  c.SendRaw(lsp::Frame(
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":")" +
      std::string(kUri) +
      R"(","version":4},"contentChanges":[{"text":"She is a good \udc00 communicator."}]}})"));
  EXPECT_TRUE(c.WaitForPublish(kUri, 4)["diagnostics"].empty());
  // A NUL character: a binary file.
  c.Change(kUri, 5, json::array({{{"text", std::string("good communicator\0", 18)}}}));
  log = c.WaitFor([](const json& m) {
    return m.value("method", "") == "window/logMessage" &&
           m["params"]["message"].get<std::string>().find("binary") != std::string::npos;
  });
  EXPECT_FALSE(log.is_null());
  EXPECT_TRUE(c.WaitForPublish(kUri, 5)["diagnostics"].empty());
  EXPECT_TRUE(c.Call("shutdown").contains("result"));
}

// ---- Speed: re-linting a 10 KB review ----------------------------------------------------

// The corpus marks expected findings as ⟦pack|text⟧; keep the text.
std::string StripAnnotations(const std::string& t) {
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t.compare(i, 3, "⟦") == 0) {
      size_t bar = t.find('|', i);
      i = bar == std::string::npos ? i + 3 : bar + 1;
    } else if (t.compare(i, 3, "⟧") == 0) {
      i += 3;
    } else {
      out += t[i++];
    }
  }
  return out;
}

// About 10 KB of review text from the labeled corpus, annotations removed.
std::string TenKilobyteReview() {
  std::vector<std::filesystem::path> drafts;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(REVIEWLINT_SOURCE_DIR) +
                                                               "/tests/corpus/drafts"))
    drafts.push_back(entry.path());
  std::sort(drafts.begin(), drafts.end());
  std::string text;
  for (const auto& path : drafts) {
    std::string t = StripAnnotations(testing::ReadAll(path.string()));
    size_t body = t.find("\n# ");  // after the front matter and the corpus comment
    text += t.substr(body == std::string::npos ? 0 : body + 1);
    if (text.size() >= 12000) break;
  }
  return text.substr(0, text.find('\n', 10240) + 1);
}

TEST(LspSpeed, RelintTenKilobyteReview) {
  const std::string review = TenKilobyteReview();
  ASSERT_GT(review.size(), 9000u);
  // In-process: apply a one-character edit, lint, turn the findings into LSP JSON.
  const Engine& engine = testing::DefaultEngine();
  Workspace ws(engine);
  TextDocument doc(review);
  std::vector<double> ms, cpu;
  size_t findings = 0;
  auto thread_cpu_ms = [] {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
  };
  for (int i = 0; i < 200; ++i) {
    auto start = Clock::now();
    double cpu_start = thread_cpu_ms();
    uint32_t at = static_cast<uint32_t>(review.size() / 2);
    if (i % 2 == 0)
      doc.Replace(at, at, "x");
    else
      doc.Replace(at, at + 1, "");
    SourceFile src("review.md", doc.text());
    LintResult r = engine.Lint(src, *MarkupByName("markdown"), ws);
    json diagnostics = json::array();
    for (const Diagnostic& d : r.diagnostics)
      diagnostics.push_back(
          lsp::LspDiagnostic(src, d, engine.FindRule(d.rule), PositionEncoding::kUtf16));
    std::string out = lsp::Frame(diagnostics.dump());
    cpu.push_back(thread_cpu_ms() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    findings = r.diagnostics.size();
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf(
      "[ relint   ] %zu-byte review, %zu findings: edit + lint + LSP JSON: CPU median %.2f ms, "
      "p90 %.2f ms; wall median %.2f ms, p90 %.2f ms (200 runs)\n",
      review.size(), findings, cpu[cpu.size() / 2], cpu[cpu.size() * 9 / 10], ms[ms.size() / 2],
      ms[ms.size() * 9 / 10]);
  RecordProperty("relint_10kb_cpu_median_ms", std::to_string(cpu[cpu.size() / 2]));
  EXPECT_GT(findings, 0u);

  // Through the server, debounce off: didChange written → publishDiagnostics read.
  lsp::ServerOptions options;
  options.debounce_ms = 0;
  Client c(options);
  c.Initialize();
  c.Open(kUri, review, 1);
  c.WaitForPublish(kUri, 1);
  std::vector<double> round;
  for (int v = 2; v < 52; ++v) {
    auto start = Clock::now();
    c.Change(kUri, v,
             json::array({{{"range", v % 2 ? Range(3, 0, 3, 1) : Range(3, 0, 3, 0)},
                           {"text", v % 2 ? "" : "x"}}}));
    c.WaitForPublish(kUri, v);
    round.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(round.begin(), round.end());
  std::printf(
      "[ relint   ] through the server (pipes, framing, JSON), debounce off: median %.2f "
      "ms, p90 %.2f ms (50 edits); the default debounce adds 50 ms\n",
      round[round.size() / 2], round[round.size() * 9 / 10]);
}

// ---- The real binary: hostile clients (issue 9) -------------------------------------------

// A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or -1.
long StatusKb(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

json Hover(Client& c, const std::string& uri, int line, int character,
           std::chrono::milliseconds timeout) {
  int id = c.SendRequest(
      "textDocument/hover",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}});
  return c.WaitFor([id](const json& m) { return m.value("id", json()) == id; }, timeout);
}

TEST(LspProcess, TenThousandEditBurstStaysResponsiveAndFlat) {
  Client c{Client::Binary{}};
  c.Initialize();
  std::string text = TenKilobyteReview();
  text = text.substr(0, text.find('\n', 2048) + 1);
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  c.Open(kUri, text, 1);
  ASSERT_FALSE(c.WaitForPublish(kUri, 1).is_null());
  const long rss_before = StatusKb(c.pid(), "VmRSS"), hwm_before = StatusKb(c.pid(), "VmHWM");

  // Typing at the end of the review, one character per edit; every tenth edit replaces the
  // character just typed with itself, so the ranges are not all empty.
  const std::string sentence = "His tests are somewhat flaky.\n";
  std::string burst, typed;
  int line = lines, column = 0;
  for (int v = 2; v <= 10001; ++v) {
    json change;
    if (v % 10 == 0 && column > 0) {
      change = {{"range", Range(line, column - 1, line, column)},
                {"text", typed.substr(typed.size() - 1)}};
    } else {
      char ch = sentence[typed.size() % sentence.size()];
      change = {{"range", Range(line, column, line, column)}, {"text", std::string(1, ch)}};
      typed += ch;
      if (ch == '\n') {
        ++line;
        column = 0;
      } else {
        ++column;
      }
    }
    burst += FramedChange(kUri, v, json::array({change}));
  }
  const auto start = Clock::now();
  c.SendRaw(burst);
  const auto sent = Clock::now();
  // Still answering: a request right after the burst is answered (a hang is a failure, not a
  // slow run: the bound is generous).
  json hover = Hover(c, kUri, 2, 0, std::chrono::seconds(5 * testing::kSlow));
  const auto answered = Clock::now();
  ASSERT_TRUE(hover.contains("result")) << hover;
  // The final version is linted and published, with the findings a fresh open of the same text
  // gets.
  json last = c.WaitForPublish(kUri, 10001);
  ASSERT_FALSE(last.is_null());
  const std::string other = "file:///tmp/reviewlint-lsp-test/fresh.md";
  c.Open(other, text + typed, 1);
  json fresh = c.WaitForPublish(other, 1);
  ASSERT_FALSE(fresh.is_null());
  EXPECT_EQ(last["diagnostics"], fresh["diagnostics"]);
  EXPECT_GT(last["diagnostics"].size(), 100u);  // the typed hedges
  const long rss_after = StatusKb(c.pid(), "VmRSS"), hwm_after = StatusKb(c.pid(), "VmHWM");
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::printf(
      "[ burst    ] real binary: %zu-byte review + 10,000 edits (%zu bytes of messages) written in "
      "%.0f ms, hover answered %.0f ms after; VmRSS %ld -> %ld kB, VmHWM %ld -> %ld kB\n",
      text.size(), burst.size(), ms(sent - start), ms(answered - sent), rss_before, rss_after,
      hwm_before, hwm_after);
  ASSERT_GT(rss_before, 0);
  if (testing::kCheckMemory) {
    EXPECT_LT(rss_after - rss_before, 50 * 1024);
    EXPECT_LT(hwm_after - hwm_before, 50 * 1024);
  }
  EXPECT_TRUE(c.Call("shutdown").contains("result"));
  c.Notify("exit", nullptr);
  Reaped r = c.Wait(std::chrono::seconds(5));
  EXPECT_TRUE(r.reaped);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(c.stray_output().empty());
}

// The client closes the server's stdin without shutdown or exit: right after initialize, with a
// lint pending (an edit inside the debounce window), and in the middle of a message. The server
// ends by itself, with 1 (end of input without shutdown, server.h), and is reaped.
TEST(LspProcess, ServerEndsWhenTheClientClosesItsInput) {
  enum Case { kIdle, kLintPending, kMidMessage };
  for (Case when : {kIdle, kLintPending, kMidMessage}) {
    Client c{Client::Binary{}};
    c.Initialize();
    if (when != kIdle) {
      c.Open(kUri, kText, 1);
      c.Change(kUri, 2, json::array({{{"text", std::string(kText) + "It is somewhat slow.\n"}}}));
    }
    if (when == kMidMessage) c.SendRaw("Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",");
    c.CloseInput();
    Reaped r = c.Wait(std::chrono::seconds(2 * testing::kSlow));
    std::printf("[ vanish   ] stdin closed (case %d): exit %d after %.0f ms\n", when, r.exit_code,
                r.seconds * 1000);
    EXPECT_TRUE(r.reaped) << when;
    EXPECT_EQ(r.signal, 0) << when;
    EXPECT_EQ(r.exit_code, 1) << when;
  }
}

// The client is killed: mid-burst (its edits stop in the middle of a message and nobody reads
// the server's output any more), and while a lint is pending with half a message sent. The
// client is a real process, so the kernel closes its ends of both pipes.
TEST(LspProcess, ServerEndsWhenTheClientIsKilled) {
  signal(SIGPIPE, SIG_IGN);  // this process writes nothing to the server; be sure it lives
  for (bool mid_burst : {true, false}) {
    const ServerPipes server = StartServer();
    ASSERT_GT(server.pid, 0);
    int ready[2];
    ASSERT_EQ(pipe2(ready, O_CLOEXEC), 0);

    // Everything the client writes is built before it forks (a child of a threaded process
    // should only make system calls).
    auto message = [](const std::string& method, json params, json id = nullptr) {
      json m = {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
      if (!id.is_null()) m["id"] = id;
      return lsp::Frame(m.dump());
    };
    const std::string opening =
        message("initialize", {{"capabilities", json::object()}}, 1) +
        message("initialized", json::object()) +
        message("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", kUri}, {"languageId", "markdown"}, {"version", 1}, {"text", kText}}}});
    std::string edits;
    for (int v = 2; v < 1002; ++v)
      edits += FramedChange(kUri, v, json::array({{{"range", Range(0, 0, 0, 0)}, {"text", "x"}}}));
    const std::string half = edits.substr(0, edits.size() / 2 + 7);

    const pid_t client = fork();
    ASSERT_GE(client, 0);
    if (client == 0) {
      close(ready[0]);
      // It keeps the read end of the server's output and never reads: mid-burst, the server
      // blocks writing once the pipe is full.
      lsp::WriteAll(server.to_server, opening);
      if (mid_burst) {
        lsp::WriteAll(ready[1], "r");
        for (;;) lsp::WriteAll(server.to_server, edits);
      }
      lsp::WriteAll(server.to_server, half);
      lsp::WriteAll(ready[1], "r");
      for (;;) pause();
    }
    close(server.to_server);
    close(server.from_server);
    close(ready[1]);
    char byte;
    pollfd p{ready[0], POLLIN, 0};
    ASSERT_EQ(poll(&p, 1, 10000 * testing::kSlow), 1);
    ASSERT_EQ(read(ready[0], &byte, 1), 1);
    close(ready[0]);
    if (mid_burst) std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(client, SIGKILL);
    ASSERT_EQ(waitpid(client, nullptr, 0), client);
    Reaped r = Reap(server.pid, std::chrono::seconds(2 * testing::kSlow));
    std::printf("[ vanish   ] client killed (%s): server exit %d after %.0f ms\n",
                mid_burst ? "mid-burst" : "lint pending", r.exit_code, r.seconds * 1000);
    EXPECT_TRUE(r.reaped) << mid_burst;
    EXPECT_EQ(r.signal, 0) << mid_burst;
    EXPECT_EQ(r.exit_code, 1) << mid_burst;
  }
}

// The client closes the server's stdout (it stopped reading): the server's next write fails with
// EPIPE, which must not kill it with SIGPIPE; it ends with 1, with its stdin still open.
TEST(LspProcess, ServerEndsWhenTheClientStopsReading) {
  signal(SIGPIPE, SIG_IGN);
  const ServerPipes server = StartServer();
  ASSERT_GT(server.pid, 0);
  close(server.from_server);
  lsp::WriteAll(server.to_server, lsp::Frame(json({{"jsonrpc", "2.0"},
                                                   {"id", 1},
                                                   {"method", "initialize"},
                                                   {"params", {{"capabilities", json::object()}}}})
                                                 .dump()));
  Reaped r = Reap(server.pid, std::chrono::seconds(2 * testing::kSlow));
  close(server.to_server);
  std::printf("[ vanish   ] stdout closed: server exit %d (signal %d) after %.0f ms\n", r.exit_code,
              r.signal, r.seconds * 1000);
  EXPECT_TRUE(r.reaped);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 1);
}

// ---- Real Neovim ------------------------------------------------------------------------

TEST(LspNeovim, DiagnosticsLandOnTheRightColumnsBeforeAndAfterAnEdit) {
  std::string harness =
      std::string(REVIEWLINT_SOURCE_DIR) + "/../shared/harness/nvim-lsp-diagnostics.sh";
  if (!std::filesystem::exists(harness)) GTEST_SKIP() << "no " << harness;
  if (std::system("command -v nvim > /dev/null 2>&1") != 0) GTEST_SKIP() << "nvim not installed";

  std::string dir = TempDir() + "/nvim dir";  // a space: URIs percent-encode it
  std::filesystem::create_directories(dir);
  std::string file = dir + "/zoë.md";
  WriteFile(file,
            "# Review: Zoë Martin\n"
            "\n"
            "Zoë, José and 🎉 the team agree she is a good communicator.\n"
            "His tests are somewhat flaky.\n");
  std::string out = TempDir() + "/nvim.out", err = TempDir() + "/nvim.err";
  std::string cmd = "'" + harness + "' --strict-exit --timeout 20 --edit " +
                    "'4:Zoë 🎉 José: his tests are kind of flaky, a team player.' \"'" +
                    REVIEWLINT_BINARY + "' lsp\" '" + file + "' > '" + out + "' 2> '" + err + "'";
  int status = std::system(cmd.c_str());
  std::string log = testing::ReadAll(err);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << log;

  std::map<int, std::vector<json>> rounds;
  std::istringstream lines(testing::ReadAll(out));
  for (std::string line; std::getline(lines, line);) {
    json r = json::parse(line);
    rounds[r["round"]].push_back(r);
    // Every diagnostic that quotes words covers exactly them, so its columns are right (a
    // whole-sentence finding such as balance.no-next-step quotes nothing).
    std::string message = r["message"], quoted = "\"";
    quoted += r["text"].get<std::string>();
    quoted += '"';
    if (message.find('"') != std::string::npos) {
      EXPECT_NE(message.find(quoted), std::string::npos) << line;
    }
    EXPECT_EQ(r["source"], "reviewlint");
  }
  auto find = [&](int round, const std::string& code) -> const json* {
    for (const json& r : rounds[round])
      if (r["code"] == code) return &r;
    return nullptr;
  };
  const json* praise = find(0, "vagueness.generic-praise");
  ASSERT_TRUE(praise) << testing::ReadAll(out) << log;
  // Byte column in Neovim's buffer: "Zoë, José and 🎉 the team agree she is a " is 45 bytes,
  // 41 UTF-16 units.
  EXPECT_EQ((*praise)["lnum"], 2);
  EXPECT_EQ((*praise)["col"], 45);
  EXPECT_EQ((*praise)["text"], "good communicator");
  EXPECT_EQ((*praise)["lsp_range"]["start"]["character"], 41);
  const json* hedge = find(0, "vagueness.hedge");
  ASSERT_TRUE(hedge);
  EXPECT_EQ((*hedge)["text"], "somewhat");
  // After the edit: the hedge moved behind the emoji and the names, and a new finding appeared.
  hedge = find(1, "vagueness.hedge");
  ASSERT_TRUE(hedge) << testing::ReadAll(out);
  EXPECT_EQ((*hedge)["lnum"], 3);
  EXPECT_EQ((*hedge)["text"], "kind of");
  EXPECT_EQ((*hedge)["col"], 31);  // "Zoë 🎉 José: his tests are " is 31 bytes
  const json* player = find(1, "vagueness.generic-praise");
  ASSERT_TRUE(player);
  EXPECT_TRUE((*player)["text"] == "team player" || (*player)["text"] == "good communicator");
  EXPECT_NE(log.find("sync=incremental"), std::string::npos) << log;
  EXPECT_NE(log.find("code=0"), std::string::npos) << log;
}

// ---- The editor integrations in editors/, in the real editors when they are installed -------

// A review with "Zoë", "José" and an emoji before the first finding, in a folder with a space.
std::string EditorReview(const std::string& name) {
  std::string dir = TempDir() + "/editor dir";
  std::filesystem::create_directories(dir);
  std::string file = dir + "/" + name;
  WriteFile(file,
            "# Review\n"
            "\n"
            "Zoë, José and 🎉 the team agree she is a good communicator.\n"
            "His tests are somewhat flaky.\n");
  return file;
}

bool Installed(const std::string& command) {
  return std::system(("command -v " + command + " > /dev/null 2>&1").c_str()) == 0;
}

// Runs a shell command with the given environment; returns what it wrote to `out`.
std::string RunEditor(const std::string& env, const std::string& command, const std::string& out) {
  std::filesystem::remove(out);
  std::string cmd = env + " timeout 60 " + command + " > '" + TempDir() + "/editor.log' 2>&1";
  int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << cmd << "\n"
      << testing::ReadAll(TempDir() + "/editor.log");
  return testing::ReadAll(out);
}

std::string Env(const std::string& file, const std::string& out) {
  return std::string("RL_SRC='") + REVIEWLINT_SOURCE_DIR + "' RL_BIN='" + REVIEWLINT_BINARY +
         "' RL_FILE='" + file + "' RL_OUT='" + out + "'";
}

TEST(LspEditors, NeovimPluginAttachesWithSettings) {
  if (!Installed("nvim")) GTEST_SKIP() << "nvim not installed";
  std::string file = EditorReview("zoë.md"), out = TempDir() + "/nvim-plugin.out";
  std::string script = TempDir() + "/nvim-plugin.lua";
  WriteFile(script, R"(
vim.opt.runtimepath:prepend(os.getenv('RL_SRC') .. '/editors/nvim')
require('reviewlint').setup({ cmd = { os.getenv('RL_BIN'), 'lsp' },
  settings = { reviewlint = { rules = { ['vagueness.hedge'] = 'error' } } } })
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('RL_FILE')))
local buf = vim.api.nvim_get_current_buf()
vim.wait(10000, function() return #vim.diagnostic.get(buf) >= 2 end, 20)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local text = vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {})
  table.insert(lines, string.format('%d:%d:%d:%s', d.lnum, d.col, d.severity, table.concat(text, '\n')))
end
table.sort(lines)
local f = io.open(os.getenv('RL_OUT'), 'w')
f:write(table.concat(lines, '\n') .. '\n')
f:close()
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd('qall!')
)");
  std::string got = RunEditor(
      Env(file, out), "nvim --headless --clean -n -i NONE -c 'luafile " + script + "'", out);
  // Byte columns in Neovim's buffer; the hedge is an error, as the settings say, and the
  // criticism with no next step a warning.
  EXPECT_EQ(got,
            "2:45:2:good communicator\n3:0:2:His tests are somewhat flaky.\n3:14:1:somewhat\n");
}

TEST(LspEditors, VimAleLinterConvertsColumns) {
  if (!Installed("vim") || !std::filesystem::exists("/usr/share/vim-ale/plugin/ale.vim"))
    GTEST_SKIP() << "vim or Debian's vim-ale not installed";
  std::string script = TempDir() + "/ale.vim";
  WriteFile(script, R"(
set nocompatible
let &runtimepath = $RL_SRC . '/editors/vim,/usr/share/vim-ale,' . &runtimepath
filetype plugin on
let g:ale_linters = {'markdown': ['reviewlint'], 'text': ['reviewlint']}
let g:ale_linters_explicit = 1
let g:ale_reviewlint_executable = $RL_BIN
runtime plugin/ale.vim
execute 'edit ' . fnameescape($RL_FILE)
ALELint
let s:n = 0
while s:n < 200 && (ale#engine#IsCheckingBuffer(bufnr('')) || empty(ale#engine#GetLoclist(bufnr(''))))
  sleep 50m
  let s:n += 1
endwhile
let s:out = []
for s:i in ale#engine#GetLoclist(bufnr(''))
  call add(s:out, printf('%d:%d:%s:%s:%s', s:i.lnum, s:i.col, s:i.type, s:i.code,
  \ strpart(getline(s:i.lnum), s:i.col - 1, get(s:i, 'end_col', s:i.col) - s:i.col + 1)))
endfor
call writefile(s:out, $RL_OUT)
qall!
)");
  for (const char* name : {"zoë.md", "zoë.txt"}) {
    std::string out = TempDir() + "/ale.out";
    std::string got = RunEditor(Env(EditorReview(name), out),
                                "vim -N -u NONE -i NONE -n --not-a-term -S '" + script + "'", out);
    EXPECT_EQ(got,
              "3:46:W:vagueness.generic-praise:good communicator\n"
              "4:15:I:vagueness.hedge:somewhat\n")
        << name;
  }
}

bool EmacsWithFlycheck() {
  return Installed("emacs") &&
         std::system("ls -d /usr/share/emacs/site-lisp/elpa/flycheck-* > /dev/null 2>&1") == 0;
}

// An Emacs batch script: Debian's elpa packages as its site start-up would load them (-Q skips
// it), then `setup`, then it visits $RL_FILE, runs `in_buffer` there, checks it with Flycheck
// and writes to $RL_OUT the major mode and checker, then each error as
// LINE:COL:LEVEL:ID:the text Flycheck underlines.
std::string EmacsFlycheckScript(const std::string& name, const std::string& setup,
                                const std::string& in_buffer) {
  std::string script = TempDir() + "/" + name + ".el";
  WriteFile(script, R"(
(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
)" + setup + R"(
(let (lines)
  (with-current-buffer (find-file-noselect (getenv "RL_FILE"))
)" + in_buffer + R"(
    (push (format "%s %s" major-mode (flycheck-get-checker-for-buffer)) lines)
    (let ((deadline (+ (float-time) 20)))
      (flycheck-buffer)
      (while (and (flycheck-running-p) (< (float-time) deadline))
        (accept-process-output nil 0.05)))
    (dolist (err flycheck-current-errors)
      (let ((region (flycheck-error-region-for-mode err 'symbols)))
        (push (format "%d:%d:%s:%s:%s" (flycheck-error-line err) (flycheck-error-column err)
                      (flycheck-error-level err) (flycheck-error-id err)
                      (buffer-substring-no-properties (car region) (cdr region)))
              lines))))
  (with-temp-file (getenv "RL_OUT")
    (insert (mapconcat #'identity (nreverse lines) "\n") "\n")))
(kill-emacs 0)
)");
  return script;
}

TEST(LspEditors, EmacsFlycheckChecker) {
  if (!EmacsWithFlycheck()) GTEST_SKIP() << "emacs or Debian's elpa-flycheck not installed";
  std::string script = EmacsFlycheckScript("flycheck", R"(
(add-to-list 'load-path (concat (getenv "RL_SRC") "/editors/emacs"))
(setq reviewlint-executable (getenv "RL_BIN"))
(require 'reviewlint)
(require 'flycheck)
)",
                                           "(text-mode) (flycheck-mode 1)");
  std::string out = TempDir() + "/flycheck.out";
  std::string got =
      RunEditor(Env(EditorReview("zoë.txt"), out), "emacs --batch -Q -l '" + script + "'", out);
  // Character columns, as Flycheck counts them, and the whole span underlined.
  EXPECT_EQ(got,
            "text-mode reviewlint\n"
            "3:41:warning:vagueness.generic-praise:good communicator\n"
            "4:1:warning:balance.no-next-step:His tests are somewhat flaky.\n"
            "4:15:info:vagueness.hedge:somewhat\n");
}

// The set-up editors/emacs/README.md documents, on a stock Debian Emacs with elpa-flycheck and
// elpa-markdown-mode: a `.md` file opens in markdown-mode, Flycheck picks reviewlint even when
// another Markdown checker is installed (a stand-in `proselint` on PATH), and each finding is
// underlined over exactly its words (Flycheck gets the end column).
TEST(LspEditors, EmacsDocumentedSetUpInMarkdownMode) {
  if (!EmacsWithFlycheck() ||
      std::system("ls -d /usr/share/emacs/site-lisp/elpa/markdown-mode-* > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "emacs, Debian's elpa-flycheck or elpa-markdown-mode not installed";
  std::string bin = TempDir() + "/fake-proselint";
  std::filesystem::create_directories(bin);
  WriteFile(bin + "/proselint", "#!/bin/sh\nexit 0\n");
  std::filesystem::permissions(bin + "/proselint", std::filesystem::perms::owner_all);
  // editors/emacs/README.md, "Set up":
  std::string script = EmacsFlycheckScript("flycheck-markdown", R"(
(add-to-list 'load-path (concat (getenv "RL_SRC") "/editors/emacs"))
(require 'reviewlint)
(setq reviewlint-executable (getenv "RL_BIN"))
(add-hook 'markdown-mode-hook #'flycheck-mode)
(add-hook 'text-mode-hook #'flycheck-mode)
)",
                                           "");
  std::string out = TempDir() + "/flycheck-markdown.out";
  std::string got = RunEditor("PATH='" + bin + "':\"$PATH\" " + Env(EditorReview("zoë.md"), out),
                              "emacs --batch -Q -l '" + script + "'", out);
  EXPECT_EQ(got,
            "markdown-mode reviewlint\n"
            "3:41:warning:vagueness.generic-praise:good communicator\n"
            "4:1:warning:balance.no-next-step:His tests are somewhat flaky.\n"
            "4:15:info:vagueness.hedge:somewhat\n");
}

}  // namespace
}  // namespace reviewlint
