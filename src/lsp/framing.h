// Base-protocol framing for the language server: `Content-Length: N\r\n\r\n` + N bytes of JSON.
// The reader never trusts its input: a bad header, a length that does not match the body, or a
// body over the size limit each become an error event, after which it resynchronises on the next
// `Content-Length:` header, so one broken message never takes down the ones after it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reviewlint::lsp {

/// What the reader found in the byte stream.
struct FrameEvent {
  enum Kind { kMessage, kError } kind = kMessage;
  std::string body;   // kMessage: the JSON text
  std::string error;  // kError: what was wrong, for a log line or a JSON-RPC error
};

/// Splits a byte stream into message bodies. Feed it bytes as they arrive; call Next() until it
/// returns nullopt (it needs more bytes).
class MessageReader {
 public:
  explicit MessageReader(size_t max_body_bytes) : max_body_(max_body_bytes) {}

  void Feed(std::string_view bytes);
  /// Puts bytes back in front of the unread input (the tail of a body whose Content-Length was
  /// too large turned out to hold the next message).
  void Unread(std::string_view bytes);
  std::optional<FrameEvent> Next();

  /// Waiting for the rest of a body whose header has been read.
  bool InBody() const { return state_ == State::kBody; }
  /// The part of the current body that has arrived so far, and the size the header promised.
  std::string_view PartialBody() const { return std::string_view(buf_).substr(pos_); }
  size_t expected_body_size() const { return body_size_; }
  /// The part of the current body that has arrived, taken as the whole body: for a sender whose
  /// Content-Length promised more bytes than it sent. Returns to reading headers.
  std::string TakePartialBody();

 private:
  enum class State { kHeader, kBody, kSkip };
  std::optional<FrameEvent> Resync(std::string error);
  void Compact();

  size_t max_body_;
  std::string buf_;
  size_t pos_ = 0;  // first unread byte of buf_
  State state_ = State::kHeader;
  size_t body_size_ = 0;  // kBody: bytes to read; kSkip: bytes left to discard
};

/// `Content-Length: N\r\n\r\n` + body.
std::string Frame(std::string_view body);

/// A session written as one JSON message per line, framed: what the LSP fuzz target and the
/// replay of its saved inputs feed the server when an input starts with '{' (so that mutations
/// need not keep Content-Length right). Empty lines are skipped.
std::string FrameLines(std::string_view lines);

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR. False when the reader is
/// gone (EPIPE) or another error happened.
bool WriteAll(int fd, std::string_view bytes);

}  // namespace reviewlint::lsp
