// `reviewlint native-host`: the browser extension's linter (editors/browser/), spoken to over the
// browser's native-messaging protocol (framing.h) on stdin/stdout.
//
//   int code = reviewlint::native_host::RunNativeHost(STDIN_FILENO, STDOUT_FILENO);
//
// Each message is a JSON object with a "type"; a reply carries the request's "id" (when it had
// one) and is written in the same framing. editors/browser/README.md documents the protocol:
//
//   {"type":"hello"}                    -> {"type":"hello","version":"0.1.0","protocol":1,...}
//   {"type":"configure","settings":S}   -> {"type":"configured","warnings":[...]}
//   {"type":"lint","id":1,"uri":"field-1","text":"..."}
//                                       -> {"type":"findings","id":1,"uri":"field-1",
//                                           "diagnostics":[...],"rules":{...},"error":null}
//   {"type":"close","uri":"field-1"}    -> {"type":"closed","uri":"field-1"}
//
// A lint message may name the field's "markup" ("markdown", the default, or "text").
// "diagnostics" holds the JSON contract's diagnostic objects, made by the `--format json`
// emitter; whole-review findings (rubric, balance, PIP) have "scope":"document". S is the
// language server's settings shape ({"rules": {"bias": "off"}, "rubric": "..."}).
//
// Like the language server it keeps one document per field ("uri") and one engine per set of
// settings, and it never writes a file. A malformed, oversized or truncated message gets a
// {"type":"error"} reply and the host carries on; the end of input (the browser closed the pipe)
// or a closed output ends it with exit code 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "../lsp/settings.h"
#include "framing.h"

namespace reviewlint::native_host {

/// The protocol's version: the extension refuses a host older than the one it was written for.
inline constexpr int kProtocolVersion = 1;

/// The host's state between messages, independent of the transport: one reply per message.
class NativeHost {
 public:
  NativeHost();
  ~NativeHost();

  /// The reply (a JSON text, at most kMaxMessageBytes) to one message body.
  std::string Handle(std::string_view body);
  /// The reply to a message whose declared length is over the cap.
  std::string Oversized(uint64_t declared) const;
  /// The reply to a message cut off by the end of input.
  std::string Truncated() const;

  /// The stream level: `bytes` as they arrive go through `reader`; returns the framed replies to
  /// every message they complete. At the end of input, End() gives the framed reply to a
  /// truncated message, or "".
  std::string Serve(NativeReader& reader, std::string_view bytes);
  std::string End(const NativeReader& reader) const;

 private:
  struct Field;
  struct EngineEntry;
  using json = nlohmann::json;
  struct Handler {
    std::string_view type;
    json (NativeHost::*handle)(const json& message);
  };
  static const Handler kHandlers[];

  json Hello(const json& message);
  json Configure(const json& message);
  json Lint(const json& message);
  json Close(const json& message);

  json ApplySettings(const json& settings);
  const EngineEntry* EngineFor(std::vector<std::string>* warnings);
  json Findings(Field& field, const EngineEntry& engine, const std::string& markup);

  lsp::ClientSettings settings_;
  lsp::SettingsResolver resolver_;
  std::map<std::string, std::unique_ptr<EngineEntry>> engines_;  // by settings key
  std::map<std::string, std::unique_ptr<Field>> fields_;         // by uri
};

/// Reads messages from `in_fd` and writes replies to `out_fd` until the input ends or the output
/// is closed. Returns the process exit code (0).
int RunNativeHost(int in_fd, int out_fd);

}  // namespace reviewlint::native_host
