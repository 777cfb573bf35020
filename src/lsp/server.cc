#include "server.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "../edit_distance.h"
#include "../engine.h"
#include "../lint_setup.h"
#include "../markup/markup.h"
#include "../source.h"
#include "convert.h"
#include "framing.h"
#include "jsonrpc.h"
#include "settings.h"
#include "text_document.h"
#include "version.h"

namespace reviewlint::lsp {
namespace {

using Clock = std::chrono::steady_clock;

// LSP MessageType.
enum MessageType : int { kLogError = 1, kLogWarning = 2, kLogInfo = 3, kLogLog = 4 };

// The command of the "Select ... to fill in" action: the server asks the editor to show the
// document with the placeholder selected (window/showDocument), for clients without snippets.
constexpr const char* kSelectCommand = "reviewlint.selectPlaceholder";

// A request that fails with a specific JSON-RPC error.
struct RequestError : std::runtime_error {
  RequestError(int c, const std::string& m) : std::runtime_error(m), code(c) {}
  int code;
};

// Reading params: a missing or mistyped field is an InvalidParams error that names it.
const json& Get(const json& obj, const char* key, const std::string& where) {
  if (!obj.is_object()) throw RequestError(kInvalidParams, where + ": expected an object");
  auto it = obj.find(key);
  if (it == obj.end()) throw RequestError(kInvalidParams, where + "." + key + " is missing");
  return *it;
}

std::string GetString(const json& obj, const char* key, const std::string& where) {
  const json& v = Get(obj, key, where);
  if (!v.is_string()) throw RequestError(kInvalidParams, where + "." + key + ": expected a string");
  return v.get<std::string>();
}

uint32_t GetUint(const json& obj, const char* key, const std::string& where) {
  const json& v = Get(obj, key, where);
  if (!v.is_number_integer() || v.get<int64_t>() < 0)
    throw RequestError(kInvalidParams, where + "." + key + ": expected a non-negative integer");
  return static_cast<uint32_t>(std::min<int64_t>(v.get<int64_t>(), UINT32_MAX));
}

LspPosition GetPosition(const json& obj, const char* key, const std::string& where) {
  const json& p = Get(obj, key, where);
  std::string at = where + "." + key;
  return LspPosition{GetUint(p, "line", at), GetUint(p, "character", at)};
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// file:///a/b%20c.md → /a/b c.md. Other schemes (untitled:) stay as they are: they name the
// buffer in messages and give the markup by extension.
std::string UriToPath(const std::string& uri) {
  constexpr std::string_view kFile = "file://";
  if (uri.rfind(kFile, 0) != 0) return uri;
  std::string_view rest = std::string_view(uri).substr(kFile.size());
  // file://host/path: keep only the path.
  size_t slash = rest.find('/');
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && HexDigit(rest[i + 1]) >= 0 &&
        HexDigit(rest[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(rest[i + 1]) * 16 + HexDigit(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

// Does a code action of `kind` answer a request for `only`? ("source" asks for
// "source.fixAll.reviewlint" too.)
bool KindRequested(const json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  for (const json& k : only) {
    if (!k.is_string()) continue;
    std::string_view want = k.get_ref<const std::string&>();
    if (want.empty() || kind == want ||
        (kind.size() > want.size() && kind.substr(0, want.size()) == want &&
         kind[want.size()] == '.'))
      return true;
  }
  return false;
}

std::string Shorten(std::string_view s, size_t max = 40) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

// What a fix takes out when it only removes words: all of `slice` when the replacement is
// blank (a kept line break), or its start when the replacement is its end with another case
// ("Really g" -> "G": a removal that capitalises the next word). Else "".
std::string_view RemovedWords(std::string_view slice, std::string_view replacement) {
  if (replacement.find_first_not_of(" \t\r\n>") == std::string_view::npos) return slice;
  if (replacement.size() >= slice.size()) return {};
  std::string_view tail = slice.substr(slice.size() - replacement.size());
  for (size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(tail[i])) !=
        std::tolower(static_cast<unsigned char>(replacement[i])))
      return {};
  return slice.substr(0, slice.size() - replacement.size());
}

// The first "Content-Length:" (any case) in `s` that follows the "}" ending a message (and
// perhaps line breaks), or npos.
size_t FindHeaderInside(std::string_view s) {
  constexpr std::string_view kHeader = "content-length:";
  for (size_t i = 1; i + kHeader.size() <= s.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < kHeader.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(s[i + k])) == kHeader[k];
    if (!match) continue;
    size_t before = s.find_last_not_of(" \t\r\n", i - 1);
    if (before != std::string_view::npos && s[before] == '}') return i;
  }
  return std::string_view::npos;
}

// Engines built from the embedded packs, by settings key, shared across the servers of one
// process. Bounded: a process that sees many settings keeps the last few.
class EngineCache {
 public:
  std::shared_ptr<const Engine> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [k, engine] : entries_)
      if (k == key) return engine;
    return nullptr;
  }
  void Keep(const std::string& key, std::shared_ptr<const Engine> engine) {
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.size() >= 4) entries_.erase(entries_.begin());
    entries_.emplace_back(key, std::move(engine));
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<std::string, std::shared_ptr<const Engine>>> entries_;
};

EngineCache& SharedEngines() {
  static EngineCache* cache = new EngineCache();  // never destroyed: servers may outlive main
  return *cache;
}

struct EngineEntry {
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<Workspace> workspace;
};

struct OpenDocument {
  std::string uri, path, language_id;
  TextDocument text;
  json version;        // as the client numbers it (an integer; null if it sent none)
  bool lossy = false;  // the client's text was not UTF-8: ours has U+FFFD in its place
  bool dirty = true;   // changed since the last lint
  Clock::time_point first_change, due;
  // The last lint: the text it saw, its findings, the engine it used.
  std::unique_ptr<SourceFile> linted;
  json linted_version;
  std::vector<Diagnostic> diagnostics;
  const Engine* engine = nullptr;
  std::string problem;  // the last problem logged for this document, so it is logged once
};

class Server {
 public:
  Server(int in_fd, int out_fd, const ServerOptions& options)
      : in_(in_fd), out_(out_fd), options_(options), reader_(options.max_message_bytes) {}

  int Run();

  // Requests, one function per method.
  json Initialize(const json& params);
  json Shutdown(const json& params);
  json CodeAction(const json& params);
  json ExecuteCommand(const json& params);
  json Hover(const json& params);

  // Notifications.
  void Initialized(const json& params);
  void Exit(const json& params);
  void DidOpen(const json& params);
  void DidChange(const json& params);
  void DidSave(const json& params);
  void DidClose(const json& params);
  void DidChangeConfiguration(const json& params);
  void DidChangeWatchedFiles(const json& params);
  void Ignore(const json&) {}

 private:
  struct RequestHandler {
    std::string_view method;
    json (Server::*handle)(const json& params);
  };
  struct NotificationHandler {
    std::string_view method;
    void (Server::*handle)(const json& params);
  };
  static const RequestHandler kRequests[];
  static const NotificationHandler kNotifications[];

  // Transport.
  void Send(const json& message);
  void Log(int type, const std::string& message);
  void ShowMessage(int type, const std::string& message);
  void HandleBody(const std::string& body);
  void HandleMessage(const json& message);
  void Dispatch(const json& id, bool has_id, const std::string& method, const json& params);
  void HandleResponse(const json& message);
  void CheckStalledBody();
  void HandleFramedInput();  // every whole message (or framing error) the reader holds

  // Documents and linting.
  OpenDocument& Find(const json& params, const char* method);
  void Schedule(OpenDocument& doc, bool debounce);
  void LintDue();
  void Lint(OpenDocument& doc);
  void Flush(OpenDocument& doc) {
    if (doc.dirty) Lint(doc);
  }
  void Publish(const OpenDocument& doc);
  const EngineEntry* EngineFor(const DocumentSettings& settings);
  // Shows a message once until the settings change (every lint would repeat it).
  void ShowOnce(int type, const std::string& message);
  void ApplySettings(const json& settings);
  void Rebuild();
  json WorkspaceEdit(const OpenDocument& doc, json edits) const;

  int in_, out_;
  ServerOptions options_;
  MessageReader reader_;
  Clock::time_point last_read_;
  bool stall_checked_ = false;

  bool running_ = true;
  bool broken_ = false;  // writing to the client failed
  int exit_code_ = 1;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool lossy_message_ = false;  // the message being handled was not valid UTF-8

  // What the client can do.
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  bool hover_markdown_ = true;
  bool document_changes_ = false;
  bool snippet_edits_ = false;     // LSP 3.18 SnippetTextEdit in workspace edits
  bool disabled_actions_ = false;  // code actions may be sent disabled, with a reason
  bool show_document_ = false;     // window/showDocument (with a selection)
  bool watch_dynamic_ = false;
  bool configuration_pull_ = false;

  ClientSettings client_settings_;
  SettingsResolver resolver_;
  std::set<std::string> shown_;
  std::map<std::string, std::unique_ptr<EngineEntry>> engines_;  // by DocumentSettings::key
  std::map<std::string, OpenDocument> documents_;                // by URI
  int64_t next_request_id_ = 1;
  std::map<int64_t, std::string> pending_requests_;  // our requests to the client: id → method
};

const Server::RequestHandler Server::kRequests[] = {
    {"initialize", &Server::Initialize},
    {"shutdown", &Server::Shutdown},
    {"textDocument/codeAction", &Server::CodeAction},
    {"textDocument/hover", &Server::Hover},
    {"workspace/executeCommand", &Server::ExecuteCommand},
};

const Server::NotificationHandler Server::kNotifications[] = {
    {"initialized", &Server::Initialized},
    {"exit", &Server::Exit},
    {"textDocument/didOpen", &Server::DidOpen},
    {"textDocument/didChange", &Server::DidChange},
    {"textDocument/didSave", &Server::DidSave},
    {"textDocument/didClose", &Server::DidClose},
    {"workspace/didChangeConfiguration", &Server::DidChangeConfiguration},
    {"workspace/didChangeWatchedFiles", &Server::DidChangeWatchedFiles},
    {"$/cancelRequest", &Server::Ignore},  // every request is answered before the next is read
    {"$/setTrace", &Server::Ignore},
};

// ---- Transport ----------------------------------------------------------------------------

void Server::Send(const json& message) {
  if (broken_) return;
  if (!WriteAll(out_, Frame(Serialize(message)))) {
    // The client stopped reading: nobody is left to talk to.
    broken_ = true;
    running_ = false;
    exit_code_ = 1;
  }
}

void Server::Log(int type, const std::string& message) {
  if (initialized_) {
    Send(Notification("window/logMessage", {{"type", type}, {"message", message}}));
  } else {
    std::fprintf(stderr, "reviewlint lsp: %s\n", message.c_str());
  }
}

void Server::ShowMessage(int type, const std::string& message) {
  if (initialized_) {
    Send(Notification("window/showMessage", {{"type", type}, {"message", message}}));
  } else {
    std::fprintf(stderr, "reviewlint lsp: %s\n", message.c_str());
  }
}

void Server::HandleBody(const std::string& body) {
  ParsedMessage m = ParseMessage(body);
  if (!m.error.empty()) {
    // A Content-Length larger than the body swallows the next message's header: read this
    // message up to that header and put the rest back.
    size_t next = FindHeaderInside(body);
    if (next != std::string::npos) {
      reader_.Unread(std::string_view(body).substr(next));
      ParsedMessage first = ParseMessage(std::string_view(body).substr(0, next));
      if (first.error.empty()) {
        Log(kLogWarning,
            "a message was shorter than its Content-Length; read it up to the next "
            "header");
        m = std::move(first);
      }
    }
  }
  if (!m.error.empty()) {
    Log(kLogError, "malformed message: " + m.error);
    Send(ErrorResponse(nullptr, kParseError, "parse error: " + m.error));
    return;
  }
  lossy_message_ = m.lossy;
  HandleMessage(m.value);
  lossy_message_ = false;
}

void Server::HandleMessage(const json& message) {
  if (!message.is_object()) {
    Send(ErrorResponse(nullptr, kInvalidRequest,
                       message.is_array() ? "batch messages are not supported"
                                          : "a message must be a JSON object"));
    return;
  }
  auto method_it = message.find("method");
  auto id_it = message.find("id");
  const bool has_id = id_it != message.end();
  if (has_id && !id_it->is_number_integer() && !id_it->is_string() && !id_it->is_null()) {
    Send(ErrorResponse(nullptr, kInvalidRequest, "\"id\" must be an integer or a string"));
    return;
  }
  const json id = has_id ? *id_it : json(nullptr);
  if (method_it == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) {
      HandleResponse(message);
    } else {
      Send(ErrorResponse(id, kInvalidRequest, "a message needs a \"method\""));
    }
    return;
  }
  if (!method_it->is_string()) {
    Send(ErrorResponse(id, kInvalidRequest, "\"method\" must be a string"));
    return;
  }
  const std::string& method = method_it->get_ref<const std::string&>();
  json params = message.value("params", json::object());
  if (!params.is_object() && !params.is_array() && !params.is_null()) {
    if (has_id) Send(ErrorResponse(id, kInvalidParams, "\"params\" must be an object or array"));
    return;
  }

  // Lifecycle: nothing but initialize (and exit) before initialize; nothing but exit after
  // shutdown.
  if (!initialized_ && method != "initialize" && method != "exit") {
    if (has_id)
      Send(ErrorResponse(id, kServerNotInitialized,
                         "the server is not initialized; send \"initialize\" first"));
    return;
  }
  if (shutdown_ && method != "exit") {
    if (has_id) Send(ErrorResponse(id, kInvalidRequest, "the server is shutting down"));
    return;
  }

  Dispatch(id, has_id, method, params);
}

// Runs the handler the method tables (kRequests, kNotifications) name for the method; a request
// answers with its result or an error, a notification's failure is logged.
void Server::Dispatch(const json& id, bool has_id, const std::string& method, const json& params) {
  try {
    if (has_id) {
      for (const RequestHandler& h : kRequests) {
        if (h.method != method) continue;
        json result = (this->*h.handle)(params);
        Send(Response(id, std::move(result)));
        return;
      }
      Send(ErrorResponse(id, kMethodNotFound, "unknown method \"" + method + "\""));
      return;
    }
    for (const NotificationHandler& h : kNotifications) {
      if (h.method != method) continue;
      (this->*h.handle)(params);
      return;
    }
    // Unknown notifications are ignored, as the protocol says; "$/" ones silently.
    if (method.rfind("$/", 0) != 0) Log(kLogLog, "ignoring notification \"" + method + "\"");
  } catch (const RequestError& e) {
    if (has_id)
      Send(ErrorResponse(id, e.code, method + ": " + e.what()));
    else
      Log(kLogError, method + ": " + e.what());
  } catch (const json::exception& e) {
    if (has_id)
      Send(ErrorResponse(id, kInvalidParams, method + ": " + e.what()));
    else
      Log(kLogError, method + ": " + e.what());
  } catch (const std::exception& e) {
    if (has_id)
      Send(ErrorResponse(id, kInternalError, method + ": " + e.what()));
    else
      Log(kLogError, method + ": " + e.what());
  }
}

void Server::HandleResponse(const json& message) {
  const json& id = message["id"];
  if (!id.is_number_integer()) return;
  auto it = pending_requests_.find(id.get<int64_t>());
  if (it == pending_requests_.end()) return;
  std::string method = it->second;
  pending_requests_.erase(it);
  if (message.contains("error")) {
    Log(kLogLog, method + " failed: " + Serialize(message["error"]));
    return;
  }
  const json& result = message["result"];
  if (method == "workspace/configuration" && result.is_array() && !result.empty())
    ApplySettings(result[0]);
}

void Server::CheckStalledBody() {
  // A body shorter than its Content-Length would wait forever; once the sender has been quiet
  // a while and what came is a whole JSON message, take it.
  if (!reader_.InBody() || stall_checked_) return;
  if (Clock::now() - last_read_ < std::chrono::milliseconds(options_.stall_ms)) return;
  stall_checked_ = true;
  ParsedMessage m = ParseMessage(reader_.PartialBody());
  if (!m.error.empty()) return;
  size_t promised = reader_.expected_body_size();
  std::string body = reader_.TakePartialBody();
  Log(kLogWarning, "a message's Content-Length was " + std::to_string(promised) + " but only " +
                       std::to_string(body.size()) + " bytes came; read them as the message");
  HandleBody(body);
}

void Server::HandleFramedInput() {
  while (running_) {
    std::optional<FrameEvent> event = reader_.Next();
    if (!event) return;
    if (event->kind == FrameEvent::kError) {
      Log(kLogError, "malformed message: " + event->error);
      Send(ErrorResponse(nullptr, kParseError, event->error));
    } else {
      HandleBody(event->body);
    }
  }
}

int Server::Run() {
  std::vector<char> buffer(1 << 16);
  last_read_ = Clock::now();
  while (running_) {
    int timeout = -1;
    Clock::time_point now = Clock::now();
    for (const auto& [uri, doc] : documents_) {
      if (!doc.dirty) continue;
      auto wait = std::chrono::ceil<std::chrono::milliseconds>(doc.due - now).count();
      int ms = static_cast<int>(std::max<int64_t>(0, wait));
      timeout = timeout < 0 ? ms : std::min(timeout, ms);
    }
    if (reader_.InBody() && !stall_checked_) {
      auto wait = std::chrono::ceil<std::chrono::milliseconds>(
                      last_read_ + std::chrono::milliseconds(options_.stall_ms) - now)
                      .count();
      int ms = static_cast<int>(std::max<int64_t>(0, wait));
      timeout = timeout < 0 ? ms : std::min(timeout, ms);
    }
    pollfd p{in_, POLLIN, 0};
    int ready = poll(&p, 1, timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      Log(kLogError, std::string("poll failed: ") + strerror(errno));
      return 1;
    }
    if (ready > 0) {
      ssize_t n = read(in_, buffer.data(), buffer.size());
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        std::fprintf(stderr, "reviewlint lsp: reading input failed: %s\n", strerror(errno));
        return 1;
      }
      if (n == 0) {
        // The client went away without "exit": clean only if it had asked to shut down.
        return shutdown_ ? 0 : 1;
      }
      last_read_ = Clock::now();
      stall_checked_ = false;
      reader_.Feed(std::string_view(buffer.data(), static_cast<size_t>(n)));
    } else {
      CheckStalledBody();
    }
    HandleFramedInput();
    if (running_) LintDue();
  }
  return exit_code_;
}

// ---- Lifecycle ----------------------------------------------------------------------------

json Server::Initialize(const json& params) {
  if (initialized_) throw RequestError(kInvalidRequest, "the server is already initialized");
  const json caps = params.is_object() ? params.value("capabilities", json::object()) : json();
  auto at = [&](std::initializer_list<const char*> path) -> json {
    const json* j = &caps;
    for (const char* key : path) {
      if (!j->is_object() || !j->contains(key)) return nullptr;
      j = &(*j)[key];
    }
    return *j;
  };
  auto offers = [](const json& list, const char* what) {
    if (!list.is_array()) return false;
    return std::any_of(list.begin(), list.end(), [&](const json& e) { return e == what; });
  };
  json result_extra = json::object();
  if (offers(at({"general", "positionEncodings"}), "utf-8")) {
    encoding_ = PositionEncoding::kUtf8;
  } else if (!at({"general", "positionEncodings"}).is_array() &&
             offers(at({"offsetEncoding"}), "utf-8")) {
    // clangd's pre-3.17 extension, still sent by some clients.
    encoding_ = PositionEncoding::kUtf8;
    result_extra["offsetEncoding"] = "utf-8";
  }
  json formats = at({"textDocument", "hover", "contentFormat"});
  hover_markdown_ = !formats.is_array() || offers(formats, "markdown");
  document_changes_ = at({"workspace", "workspaceEdit", "documentChanges"}) == true;
  snippet_edits_ =
      document_changes_ && at({"workspace", "workspaceEdit", "snippetEditSupport"}) == true;
  disabled_actions_ = at({"textDocument", "codeAction", "disabledSupport"}) == true;
  show_document_ = at({"window", "showDocument", "support"}) == true;
  watch_dynamic_ = at({"workspace", "didChangeWatchedFiles", "dynamicRegistration"}) == true;
  configuration_pull_ = at({"workspace", "configuration"}) == true;

  initialized_ = true;
  if (params.is_object() && params.contains("initializationOptions"))
    ApplySettings(params["initializationOptions"]);

  json result = {{"capabilities",
                  {{"positionEncoding", EncodingName(encoding_)},
                   {"textDocumentSync",
                    {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
                   {"codeActionProvider",
                    {{"codeActionKinds", {"quickfix", "source.fixAll.reviewlint"}},
                     {"resolveProvider", false}}},
                   {"executeCommandProvider", {{"commands", {kSelectCommand}}}},
                   {"hoverProvider", true}}},
                 {"serverInfo", {{"name", "reviewlint"}, {"version", kVersion}}}};
  result.update(result_extra);
  return result;
}

void Server::Initialized(const json&) {
  if (!watch_dynamic_) return;
  // Re-lint when a configuration file (or one it extends: base.reviewlint.json) changes.
  int64_t id = next_request_id_++;
  pending_requests_[id] = "client/registerCapability";
  json watcher = {{"globPattern", "**/*reviewlint*.json"}};
  json registration = {{"id", "reviewlint-config-files"},
                       {"method", "workspace/didChangeWatchedFiles"},
                       {"registerOptions", {{"watchers", json::array({watcher})}}}};
  Send(Request(id, "client/registerCapability", {{"registrations", json::array({registration})}}));
}

json Server::Shutdown(const json&) {
  shutdown_ = true;
  return nullptr;
}

void Server::Exit(const json&) {
  exit_code_ = shutdown_ ? 0 : 1;
  running_ = false;
}

// ---- Configuration ------------------------------------------------------------------------

void Server::ApplySettings(const json& settings) {
  std::vector<std::string> warnings;
  client_settings_ = ParseClientSettings(settings, &warnings);
  for (const std::string& w : warnings) ShowMessage(kLogWarning, "reviewlint: " + w);
  // Every document is re-linted with engines built for the new settings.
  Rebuild();
}

void Server::DidChangeConfiguration(const json& params) {
  json settings = params.is_object() ? params.value("settings", json()) : json();
  bool empty = settings.is_null() || (settings.is_object() && settings.empty());
  if (empty && configuration_pull_) {
    // A client that pushes no settings wants us to ask.
    int64_t id = next_request_id_++;
    pending_requests_[id] = "workspace/configuration";
    json item = {{"section", "reviewlint"}};
    Send(Request(id, "workspace/configuration", {{"items", json::array({item})}}));
    return;
  }
  ApplySettings(settings);
}

void Server::DidChangeWatchedFiles(const json&) {
  // A configuration file changed: rebuild the engines and re-lint.
  Rebuild();
}

void Server::Rebuild() {
  resolver_.Invalidate();
  shown_.clear();
  engines_.clear();
  for (auto& [uri, doc] : documents_) {
    doc.engine = nullptr;
    Schedule(doc, false);
  }
}

const EngineEntry* Server::EngineFor(const DocumentSettings& settings) {
  if (auto it = engines_.find(settings.engine_key); it != engines_.end()) return it->second.get();

  auto build = [](const std::vector<std::string>& dirs,
                  const std::vector<std::string>& rubric_files, const RuleSettings& rules,
                  std::vector<std::string>* errors) {
    DataStore store;
    for (const std::string& d : dirs) store.AddFolder(d);
    return Engine::FromStore(store, rules, errors, rubric_files);
  };
  // An engine of the embedded packs alone depends on nothing but its settings, so one built for a
  // key serves every server this process starts (the LSP fuzz target starts one per input).
  const bool embedded_only = settings.rules_dirs.empty() && settings.rubric_files.empty();
  std::vector<std::string> errors;
  std::shared_ptr<const Engine> engine;
  if (embedded_only) engine = SharedEngines().Find(settings.engine_key);
  if (!engine) {
    engine = build(settings.rules_dirs, settings.rubric_files, settings.rules, &errors);
    if (engine && embedded_only) SharedEngines().Keep(settings.engine_key, engine);
  }
  if (!engine && !settings.rules.rubric.empty()) {
    // An unknown rubric in the editor's settings: lint with the draft's own, and say so.
    for (const std::string& e : errors) ShowOnce(kLogWarning, "reviewlint: settings: " + e);
    errors.clear();
    RuleSettings without = settings.rules;
    without.rubric.clear();
    engine = build(settings.rules_dirs, settings.rubric_files, without, &errors);
  }
  if (!engine) {
    // Broken extra rule packs or rubrics: the embedded ones still work.
    for (const std::string& e : errors) ShowOnce(kLogError, "reviewlint: " + e);
    errors.clear();
    RuleSettings plain;
    plain.levels = settings.rules.levels;
    engine = build({}, {}, plain, &errors);
  }
  if (!engine) {
    for (const std::string& e : errors) ShowOnce(kLogError, "reviewlint: " + e);
    return nullptr;
  }
  // The engine ignores levels for rules that do not exist; tell the user.
  const std::vector<std::string>& known = engine->known_ids();
  for (const auto& [key, level] : settings.rules.levels)
    if (std::find(known.begin(), known.end(), key) == known.end())
      ShowOnce(kLogWarning, "reviewlint: settings: rules." + key + ": unknown rule or pack" +
                                DidYouMean(key, known));

  auto entry = std::make_unique<EngineEntry>();
  entry->engine = std::move(engine);
  entry->workspace = std::make_unique<Workspace>(*entry->engine);
  const EngineEntry* out = entry.get();
  engines_[settings.engine_key] = std::move(entry);
  return out;
}

void Server::ShowOnce(int type, const std::string& message) {
  if (shown_.insert(message).second) ShowMessage(type, message);
}

// ---- Documents ----------------------------------------------------------------------------

OpenDocument& Server::Find(const json& params, const char* method) {
  std::string uri = GetString(Get(params, "textDocument", "params"), "uri", "textDocument");
  auto it = documents_.find(uri);
  if (it == documents_.end())
    throw RequestError(kInvalidParams, std::string("document not open: ") + uri + " (" + method +
                                           " before didOpen?)");
  return it->second;
}

void Server::Schedule(OpenDocument& doc, bool debounce) {
  Clock::time_point now = Clock::now();
  if (!doc.dirty) doc.first_change = now;
  doc.dirty = true;
  if (!debounce) {
    doc.due = now;
    return;
  }
  doc.due = std::min(now + std::chrono::milliseconds(options_.debounce_ms),
                     doc.first_change + std::chrono::milliseconds(options_.max_delay_ms));
}

void Server::DidOpen(const json& params) {
  const json& td = Get(params, "textDocument", "params");
  std::string uri = GetString(td, "uri", "textDocument");
  OpenDocument doc;
  doc.uri = uri;
  doc.path = UriToPath(uri);
  doc.language_id = td.value("languageId", "");
  doc.version = td.value("version", json());
  doc.text.SetText(GetString(td, "text", "textDocument"));
  doc.lossy = lossy_message_;
  documents_[uri] = std::move(doc);
  Schedule(documents_[uri], false);
}

void Server::DidChange(const json& params) {
  OpenDocument& doc = Find(params, "didChange");
  const json& changes = Get(params, "contentChanges", "params");
  if (!changes.is_array())
    throw RequestError(kInvalidParams, "params.contentChanges: expected an array");
  for (const json& change : changes) {
    std::string text = GetString(change, "text", "contentChanges[]");
    if (change.contains("range")) {
      const json& range = change["range"];
      uint32_t begin = doc.text.OffsetAt(GetPosition(range, "start", "range"), encoding_);
      uint32_t end = doc.text.OffsetAt(GetPosition(range, "end", "range"), encoding_);
      if (end < begin) std::swap(begin, end);
      doc.text.Replace(begin, end, text);
    } else {
      doc.text.SetText(std::move(text));
      doc.lossy = false;  // a whole new text: judge it afresh
    }
  }
  if (lossy_message_) doc.lossy = true;
  doc.version = params.at("textDocument").value("version", json());
  Schedule(doc, true);
}

void Server::DidSave(const json& params) {
  OpenDocument& doc = Find(params, "didSave");
  if (doc.path.size() >= std::string_view(kConfigFileName).size() &&
      doc.path.compare(doc.path.size() - std::string_view(kConfigFileName).size(),
                       std::string::npos, kConfigFileName) == 0) {
    Rebuild();  // a configuration file open in the editor was saved
    return;
  }
  if (doc.dirty) doc.due = Clock::now();
}

void Server::DidClose(const json& params) {
  std::string uri = GetString(Get(params, "textDocument", "params"), "uri", "textDocument");
  if (documents_.erase(uri) == 0) return;
  Send(Notification("textDocument/publishDiagnostics",
                    {{"uri", uri}, {"diagnostics", json::array()}}));
}

void Server::LintDue() {
  Clock::time_point now = Clock::now();
  for (auto& [uri, doc] : documents_)
    if (running_ && doc.dirty && doc.due <= now) Lint(doc);
}

void Server::Lint(OpenDocument& doc) {
  doc.dirty = false;
  doc.linted_version = doc.version;
  doc.diagnostics.clear();
  doc.linted = std::make_unique<SourceFile>(doc.path, doc.text.text());
  std::string problem;
  if (doc.lossy) {
    problem = doc.path + ": not valid UTF-8 (the bad bytes were read as U+FFFD); reviewlint " +
              "lints UTF-8 text only, so it shows no findings for this document";
  } else if (std::optional<InputError> bad = CheckInput(doc.text.text())) {
    problem = doc.path + ": " + bad->message;
  } else {
    DocumentSettings settings = resolver_.For(doc.path, client_settings_);
    for (const std::string& e : settings.errors)
      ShowOnce(kLogError, "reviewlint: " + e + " (linting without it)");
    const EngineEntry* entry = settings.ignored ? nullptr : EngineFor(settings);
    if (settings.ignored) {
      problem = doc.path + ": ignored by " + settings.config->path;
    } else if (entry) {
      if (settings.config) {
        std::vector<std::string> problems;
        CheckConfigNames(*entry->engine, settings.config->path, *settings.config, &problems);
        for (const std::string& p : problems) ShowOnce(kLogWarning, "reviewlint: " + p);
      }
      const Markup* markup = MarkupForPath(doc.path);
      if (!markup)
        markup = MarkupByName(
            doc.language_id == "plaintext" || doc.language_id == "text" ? "text" : "markdown");
      LintResult result = entry->engine->Lint(*doc.linted, *markup, *entry->workspace,
                                              settings.config ? &settings.policy : nullptr);
      doc.diagnostics = std::move(result.diagnostics);
      doc.engine = entry->engine.get();
      if (!result.error.empty()) problem = doc.path + ": " + result.error;
    }
  }
  if (!problem.empty() && problem != doc.problem) Log(kLogWarning, problem);
  doc.problem = problem;
  Publish(doc);
}

void Server::Publish(const OpenDocument& doc) {
  json diagnostics = json::array();
  for (const Diagnostic& d : doc.diagnostics)
    diagnostics.push_back(LspDiagnostic(
        *doc.linted, d, doc.engine ? doc.engine->FindRule(d.rule) : nullptr, encoding_));
  json params = {{"uri", doc.uri}, {"diagnostics", std::move(diagnostics)}};
  if (doc.linted_version.is_number_integer()) params["version"] = doc.linted_version;
  Send(Notification("textDocument/publishDiagnostics", std::move(params)));
}

// ---- Code actions and hover ---------------------------------------------------------------

json Server::WorkspaceEdit(const OpenDocument& doc, json edits) const {
  if (document_changes_) {
    json change = {{"textDocument", {{"uri", doc.uri}, {"version", doc.linted_version}}},
                   {"edits", std::move(edits)}};
    return json{{"documentChanges", json::array({std::move(change)})}};
  }
  return json{{"changes", {{doc.uri, std::move(edits)}}}};
}

json Server::CodeAction(const json& params) {
  OpenDocument& doc = Find(params, "codeAction");
  Flush(doc);
  const json& range = Get(params, "range", "params");
  uint32_t from = doc.text.OffsetAt(GetPosition(range, "start", "range"), encoding_);
  uint32_t to = doc.text.OffsetAt(GetPosition(range, "end", "range"), encoding_);
  if (to < from) std::swap(from, to);
  json only = nullptr;
  if (params.contains("context") && params["context"].is_object())
    only = params["context"].value("only", json());
  const SourceFile& source = *doc.linted;
  const bool quickfix = KindRequested(only, "quickfix");

  json actions = json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    Span shown = DisplaySpan(source, d);
    if (!quickfix || shown.begin > to || from > shown.end) continue;
    const RuleSpec* rule = doc.engine ? doc.engine->FindRule(d.rule) : nullptr;
    json lsp_diagnostic = LspDiagnostic(source, d, rule, encoding_);
    for (const Fix& f : d.fixes) {
      std::string_view removed = RemovedWords(source.Slice(f.span), f.replacement);
      std::string title = !removed.empty() ? "Remove \"" + Shorten(removed) + "\""
                                           : "Replace with \"" + Shorten(f.replacement) + "\"";
      actions.push_back(
          {{"title", title + " (" + d.rule + ")"},
           {"kind", "quickfix"},
           {"diagnostics", json::array({lsp_diagnostic})},
           {"isPreferred", f.safe},
           {"edit", WorkspaceEdit(doc, json::array({TextEditJson(source, f.span, f.replacement,
                                                                 encoding_)}))}});
    }
    const bool placeholder = d.scope == Scope::kSpan && d.rule.rfind("template.", 0) == 0;
    if (placeholder && !snippet_edits_ && show_document_)  // select it, so typing replaces it
      actions.push_back(
          {{"title",
            "Select \"" + Shorten(source.Slice(d.span)) + "\" to fill in (" + d.rule + ")"},
           {"kind", "quickfix"},
           {"diagnostics", json::array({lsp_diagnostic})},
           {"command",
            {{"title", "Select the placeholder"},
             {"command", kSelectCommand},
             {"arguments", json::array({doc.uri, LspRange(source, d.span, encoding_)})}}}});
    if (placeholder && snippet_edits_)
      actions.push_back(
          {{"title", "Fill in \"" + Shorten(source.Slice(d.span)) + "\" (" + d.rule + ")"},
           {"kind", "quickfix"},
           {"diagnostics", json::array({lsp_diagnostic})},
           {"isPreferred", true},
           {"edit",
            WorkspaceEdit(doc, json::array({PlaceholderSnippetEdit(source, d.span, encoding_)}))}});
    if (d.scope == Scope::kSpan)
      actions.push_back(
          {{"title", "Disable " + d.rule + " for this line"},
           {"kind", "quickfix"},
           {"diagnostics", json::array({lsp_diagnostic})},
           {"edit", WorkspaceEdit(doc, json::array({DisableForLineEdit(source, d, encoding_)}))}});
  }
  if (KindRequested(only, "source.fixAll.reviewlint")) {
    json edits = json::array();
    for (const Fix& f : SafeFixes(doc.diagnostics))
      edits.push_back(TextEditJson(source, f.span, f.replacement, encoding_));
    if (!edits.empty())
      actions.push_back({{"title", "Fix all safe reviewlint problems"},
                         {"kind", "source.fixAll.reviewlint"},
                         {"edit", WorkspaceEdit(doc, std::move(edits))}});
    else if (disabled_actions_)  // say why, rather than offer nothing
      actions.push_back({{"title", "Fix all safe reviewlint problems"},
                         {"kind", "source.fixAll.reviewlint"},
                         {"disabled", {{"reason", NothingToFixReason(doc.diagnostics)}}}});
  }
  return actions;
}

json Server::ExecuteCommand(const json& params) {
  std::string command = GetString(params, "command", "params");
  const json args = params.value("arguments", json::array());
  if (command != kSelectCommand || !args.is_array() || args.size() != 2 || !args[0].is_string())
    throw RequestError(kInvalidParams, "unknown command or arguments: " + command);
  int64_t id = next_request_id_++;
  pending_requests_[id] = "window/showDocument";
  Send(Request(id, "window/showDocument",
               {{"uri", args[0]}, {"takeFocus", true}, {"selection", args[1]}}));
  return nullptr;
}

json Server::Hover(const json& params) {
  OpenDocument& doc = Find(params, "hover");
  Flush(doc);
  uint32_t at = doc.text.OffsetAt(GetPosition(params, "position", "params"), encoding_);
  const SourceFile& source = *doc.linted;
  std::vector<const Diagnostic*> found;
  std::vector<const RuleSpec*> rules;
  Span first;
  for (const Diagnostic& d : doc.diagnostics) {
    Span shown = DisplaySpan(source, d);
    if (!(shown.Contains(at) || (shown.empty() && at == shown.begin))) continue;
    if (found.empty()) first = shown;
    found.push_back(&d);
    rules.push_back(doc.engine ? doc.engine->FindRule(d.rule) : nullptr);
  }
  if (found.empty()) return nullptr;
  return json{{"contents",
               {{"kind", hover_markdown_ ? "markdown" : "plaintext"},
                {"value", HoverText(found, rules, hover_markdown_)}}},
              {"range", LspRange(source, first, encoding_)}};
}

}  // namespace

int RunLanguageServer(int in_fd, int out_fd, const ServerOptions& options) {
  // A client that closes its end mid-write must not kill us with SIGPIPE; the write fails and
  // the server stops.
  signal(SIGPIPE, SIG_IGN);
  Server server(in_fd, out_fd, options);
  return server.Run();
}

}  // namespace reviewlint::lsp
