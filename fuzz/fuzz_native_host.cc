// The browser extension's native host end to end: the input is what a browser writes to
// `reviewlint native-host`'s stdin, fed in pieces through the real framing, message dispatch and
// linting (hello, configure, lint, close), then the end of input.
//
// Two input forms, so that mutations need not keep the length prefixes right:
//   - starting with '{': JSON lines, each line framed here with its exact length;
//   - anything else: the raw byte stream, length prefixes and all (huge, short, cut off).
//
// Invariants: every reply is a framed JSON object with a "type", UTF-8, under the 1 MiB cap.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "lsp/jsonrpc.h"
#include "native_host/framing.h"
#include "native_host/host.h"

namespace {

using namespace reviewlint;

std::string Stream(std::string_view input) {
  if (input.empty() || input.front() != '{') return std::string(input);
  std::string out;
  for (size_t at = 0; at <= input.size();) {
    size_t end = input.find('\n', at);
    if (end == std::string_view::npos) end = input.size();
    if (end > at) out += native_host::EncodeNativeFrame(input.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string stream = Stream(std::string_view(reinterpret_cast<const char*>(data), size));
  native_host::NativeHost host;
  native_host::NativeReader reader(1 << 14);  // small enough for the fuzzer to go over it
  std::string out;
  // In uneven pieces, as a pipe delivers them.
  for (size_t at = 0, piece = 1; at < stream.size(); at += piece, piece = piece * 3 % 61 + 1)
    out += host.Serve(reader, std::string_view(stream).substr(at, piece));
  out += host.End(reader);

  native_host::NativeReader replies(SIZE_MAX);
  replies.Feed(out);
  while (std::optional<native_host::NativeFrame> f = replies.Next()) {
    FUZZ_CHECK(f->kind == native_host::NativeFrame::kMessage);
    FUZZ_CHECK(f->body.size() <= native_host::kMaxMessageBytes);
    lsp::ParsedMessage m = lsp::ParseMessage(f->body);
    FUZZ_CHECK(m.error.empty() && !m.lossy);
    FUZZ_CHECK(m.value.is_object() && m.value.contains("type"));
  }
  FUZZ_CHECK(!replies.Truncated());
  return 0;
}
