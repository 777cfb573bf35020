Content-Length: 162

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"configuration":true,"didChangeWatchedFiles":{"dynamicRegistration":true}}}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 38

{"jsonrpc":"2.0","id":1,"result":null}Content-Length: 176

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:Untitled-1","languageId":"plaintext","version":7,"text":"Honestly, he is a ninja."}}}Content-Length: 88

{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":null}}Content-Length: 103

{"jsonrpc":"2.0","id":2,"result":[{"rules":{"bias":"off","nope":"loud"},"rulesDirs":["/nonexistent"]}]}Content-Length: 131

{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"file:///tmp/.reviewlint.json","type":2}]}}Content-Length: 59

{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"no"}}Content-Length: 62

{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}