Content-Length: 107

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 382

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/reviewlint-fuzz/review.md","languageId":"markdown","version":1,"text":"# Review\n\nZoë and José 🎉 agree she is a good communicator.\nHis tests are somewhat flaky.\n\n- Always goes above and beyond.\n<!-- reviewlint-disable-next-line bias -->\nShe is very emotional in meetings.\n"}}}Content-Length: 244

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/reviewlint-fuzz/review.md","version":2},"contentChanges":[{"range":{"start":{"line":3,"character":14},"end":{"line":3,"character":23}},"text":""}]}}Content-Length: 380

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/reviewlint-fuzz/review.md","version":3},"contentChanges":[{"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":0}},"text":"It is kind of slow. "},{"range":{"start":{"line":9,"character":0},"end":{"line":9,"character":0}},"text":"\nZoë 😀 is basically fine.\n"}]}}Content-Length: 165

{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/reviewlint-fuzz/review.md"},"position":{"line":2,"character":50}}}Content-Length: 237

{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/reviewlint-fuzz/review.md"},"range":{"start":{"line":3,"character":0},"end":{"line":3,"character":40}},"context":{"diagnostics":[]}}}Content-Length: 254

{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/reviewlint-fuzz/review.md"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[],"only":["source"]}}}Content-Length: 45

{"jsonrpc":"2.0","id":99,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}