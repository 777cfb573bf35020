garbage before any header
Content-Length: 75

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}Content-Type: application/vscode-jsonrpc

{}Content-Length: twelve

{}content-length:   18  
Content-Type: application/vscode-jsonrpc; charset=utf-8

{"jsonrpc": "2.0",


Content-Length: 200

{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {}}Content-Length: 9

{not jsonContent-Length: 5

[1,2]Content-Length: 38

{"jsonrpc":"2.0","id":{},"method":"x"}Content-Length: 67

{"jsonrpc":"2.0","id":4,"method":"textDocument/didOpen","params":7}Content-Length: 5
XContent-Length: 5
XContent-Length: 5
XContent-Length: 33

{"jsonrpc":"2.0","method":"exit"}