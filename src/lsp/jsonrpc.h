// JSON-RPC 2.0 messages for the language server: parsing a body without ever throwing, error
// codes, and the shapes of responses and notifications.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace reviewlint::lsp {

using json = nlohmann::json;

/// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

struct ParsedMessage {
  json value;          // discarded on failure
  bool lossy = false;  // the body was not valid UTF-8 (or held lone surrogate escapes); the bad
                       // parts were replaced by U+FFFD to read the rest
  std::string error;   // why the body is not JSON, or ""
};

/// Parses a message body. Text that is not UTF-8 is read with U+FFFD in place of the bad bytes
/// and flagged `lossy`, so a document with a stray Latin-1 byte is reported, not dropped.
ParsedMessage ParseMessage(std::string_view body);

/// Replaces invalid UTF-8 sequences by U+FFFD and \uD800-\uDFFF escapes that are not a valid
/// surrogate pair by \uFFFD. Returns how many replacements were made.
size_t SanitizeJsonText(std::string_view in, std::string* out);

json Response(const json& id, json result);
json ErrorResponse(const json& id, int code, std::string message);
json Notification(std::string method, json params);
json Request(const json& id, std::string method, json params);

/// Serialises a message; never throws (invalid UTF-8 in strings is replaced).
std::string Serialize(const json& message);

}  // namespace reviewlint::lsp
