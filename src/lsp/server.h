// `reviewlint lsp`: a language server (LSP 3.17, JSON-RPC 2.0 over a pair of file descriptors,
// normally stdin and stdout).
//
//   int code = reviewlint::lsp::RunLanguageServer(STDIN_FILENO, STDOUT_FILENO);
//
// It lints the editor's in-memory text (not the file on disk) with the embedded rule packs and
// pushes textDocument/publishDiagnostics with the document version; didChange is debounced and
// only the latest version is linted. It answers textDocument/codeAction (a rule's replacement,
// "disable for this line", fix-all of safe fixes as source.fixAll.reviewlint) and
// textDocument/hover (the rule's why and what to write instead). Positions are UTF-16 unless the
// client offers UTF-8 (general.positionEncodings).
//
// Nothing but protocol messages is written to `out_fd`; problems go to window/logMessage once
// the client is initialized, to stderr before. Malformed input (bad framing, bad JSON, text that
// is not UTF-8, unknown methods, requests before initialize) gets a JSON-RPC error or a log line
// and the server carries on. Returns the process exit code: 0 after shutdown + exit, 1 when exit
// (or the end of input) comes without shutdown.
#pragma once

#include <cstddef>

namespace reviewlint::lsp {

struct ServerOptions {
  int debounce_ms = 50;    // quiet time after a didChange before re-linting
  int max_delay_ms = 300;  // a continuous stream of edits still re-lints at least this often
  size_t max_message_bytes = size_t{64} << 20;  // larger messages are skipped with an error
  int stall_ms = 1000;  // a body shorter than its Content-Length is taken as it is after this
};

int RunLanguageServer(int in_fd, int out_fd, const ServerOptions& options = {});

}  // namespace reviewlint::lsp
