#!/usr/bin/env node
// A native host from before the protocol's version 1, for the browser test's "too old" check:
// answers every message with the hello of reviewlint 0.0.9, protocol 0.
let buf = Buffer.alloc(0);
process.stdin.on("data", (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
    const message = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString());
    buf = buf.subarray(4 + buf.readUInt32LE(0));
    const reply = Buffer.from(JSON.stringify({ type: "hello", id: message.id, version: "0.0.9", protocol: 0 }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(reply.length, 0);
    process.stdout.write(Buffer.concat([length, reply]));
  }
});
