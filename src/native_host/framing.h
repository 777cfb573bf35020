// Native-messaging framing (Chromium and Firefox): each message is a 32-bit length in the
// machine's byte order followed by that many bytes of UTF-8 JSON, in both directions.
//
// The reader never trusts its input. A length over the cap becomes an error event and its bytes
// are skipped as they arrive, so the next message is read normally; a stream that ends inside a
// length or a body leaves a truncated message behind (Truncated()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reviewlint::native_host {

/// The largest message either side sends: Chromium's limit for a host's messages to the browser
/// (1 MiB). The host holds incoming messages to the same cap; a review field is far smaller.
inline constexpr size_t kMaxMessageBytes = size_t{1} << 20;

struct NativeFrame {
  enum Kind { kMessage, kOversized } kind = kMessage;
  std::string body;       // kMessage: the JSON text
  uint64_t declared = 0;  // kOversized: the length the sender declared
};

/// Splits a byte stream into message bodies: Feed() bytes as they arrive, then call Next() until
/// it returns nullopt (it needs more bytes).
class NativeReader {
 public:
  explicit NativeReader(size_t max_body_bytes = kMaxMessageBytes) : max_body_(max_body_bytes) {}

  void Feed(std::string_view bytes);
  std::optional<NativeFrame> Next();
  /// Bytes of an unfinished message are waiting: at the end of input, a truncated message.
  bool Truncated() const { return buf_.size() > pos_ || skip_ > 0; }

 private:
  size_t max_body_;
  std::string buf_;
  size_t pos_ = 0;     // first unread byte of buf_
  uint64_t skip_ = 0;  // bytes of an oversized body still to discard
};

/// The 4-byte native-endian length + `body`.
std::string EncodeNativeFrame(std::string_view body);

}  // namespace reviewlint::native_host
