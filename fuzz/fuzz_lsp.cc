// The language server end to end: the input is what an editor writes to `reviewlint lsp`'s stdin,
// run through the real framing, JSON-RPC dispatch and handlers (initialize, didOpen, didChange,
// codeAction, hover, settings, shutdown, exit) on this thread. Input and output are in-memory
// files (memfd), so the server's poll() always finds input ready and ends at its end; with no
// debounce every edit is linted when it is read, so a run does not depend on timing.
//
// Two input forms, so that mutations need not keep Content-Length right:
//   - starting with '{': JSON lines, each line framed here with its exact length;
//   - anything else: the raw byte stream, headers and all (bad headers, wrong or huge lengths).
//
// Invariants: the server returns 0 or 1, and everything it writes is well-framed JSON-RPC.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "lsp/framing.h"
#include "lsp/jsonrpc.h"
#include "lsp/server.h"

namespace {

using namespace reviewlint;

std::string Stream(std::string_view input) {
  return input.empty() || input.front() != '{' ? std::string(input) : lsp::FrameLines(input);
}

void Rewind(int fd, std::string_view content) {
  FUZZ_CHECK(ftruncate(fd, 0) == 0);
  FUZZ_CHECK(pwrite(fd, content.data(), content.size(), 0) == static_cast<ssize_t>(content.size()));
  FUZZ_CHECK(lseek(fd, 0, SEEK_SET) == 0);
}

std::string ReadBack(int fd) {
  std::string out;
  char buf[65536];
  for (off_t at = 0;;) {
    ssize_t n = pread(fd, buf, sizeof buf, at);
    FUZZ_CHECK(n >= 0);
    if (n == 0) return out;
    out.append(buf, static_cast<size_t>(n));
    at += n;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int in = memfd_create("lsp-in", 0);
  static const int out = memfd_create("lsp-out", 0);
  FUZZ_CHECK(in >= 0 && out >= 0);
  Rewind(in, Stream(std::string_view(reinterpret_cast<const char*>(data), size)));
  Rewind(out, "");

  lsp::ServerOptions options;
  options.debounce_ms = 0;
  options.max_delay_ms = 0;
  options.max_message_bytes = 1 << 14;  // small enough for the fuzzer to go over it
  int code = lsp::RunLanguageServer(in, out, options);
  FUZZ_CHECK(code == 0 || code == 1);

  // Nothing but protocol messages on the output: each one framed, a JSON-RPC 2.0 object, UTF-8.
  lsp::MessageReader reader(SIZE_MAX);
  reader.Feed(ReadBack(out));
  while (std::optional<lsp::FrameEvent> e = reader.Next()) {
    FUZZ_CHECK(e->kind == lsp::FrameEvent::kMessage);
    lsp::ParsedMessage m = lsp::ParseMessage(e->body);
    FUZZ_CHECK(m.error.empty() && !m.lossy);
    FUZZ_CHECK(m.value.is_object() && m.value.value("jsonrpc", "") == "2.0");
  }
  FUZZ_CHECK(!reader.InBody());
  return 0;
}
