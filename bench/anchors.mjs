// The JavaScript anchors of the benchmark (bench/run.sh --anchors): runs one tool over a file and
// prints how many findings it made, so the whole process can be timed against reviewlint's.
//   node anchors.mjs write-good|retext-intensify FILE
// Run from the npm prefix the tools were installed into.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [tool, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const require = createRequire(import.meta.url);

async function run() {
  if (tool === "write-good") return require("write-good")(text).length;
  if (tool === "retext-intensify") {
    const { retext } = await import("retext");
    const { default: intensify } = await import("retext-intensify");
    const file = await retext().use(intensify).process(text);
    return file.messages.length;
  }
  throw new Error(`unknown tool ${tool}`);
}

console.log(`${tool}: ${await run()} findings`);
