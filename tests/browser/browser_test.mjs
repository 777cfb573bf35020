// The browser extension in real headless Chromium (see run.sh): a temporary HOME whose
// ~/.config/chromium is both the profile and where `reviewlint native-host --install --user` put
// the host manifest, fixture review forms from a loopback server, and a user's steps: turn
// reviewlint on from the toolbar popup, type, see the underline, open the card, apply a fix.
// Checks Chromium's net log for any request but the fixtures' (with a control request that must
// trip the check), prints the latency from the last keystroke to the underline on a 5 KB draft,
// saves a screenshot, and checks the popup's words when the host is not installed.
//
// Prints "N passed, M failed" and exits non-zero on any failure.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const { default: puppeteer } = await import(args.puppeteer);
const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, "../../editors/browser");
const fixtures = path.join(here, "fixtures");
const EXTENSION_ID = "bfdmjgbndmphdbigkojaldjcabhffgfg";
const work = path.resolve(args.work);
const started = Date.now();

// ---- Reporting ------------------------------------------------------------------------------

let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++; else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- The loopback server: fixtures, and the control URL the net-log check must catch --------

const requested = new Set();
const server = http.createServer((req, res) => {
  const file = path.join(fixtures, path.normalize(req.url.split("?")[0]).replace(/^(\.\.[/\\])+/, ""));
  if (req.url === "/control" || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(req.url === "/control" ? 204 : 404);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html" });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const url = (name) => { requested.add(`${origin}/${name}`); return `${origin}/${name}`; };

// ---- Chromium with the extension --------------------------------------------------------------

// A fresh HOME; with `install`, the host registered there as a user would.
function freshHome(name, install) {
  const home = path.join(work, name);
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });
  const env = { ...process.env, HOME: home };
  delete env.XDG_CONFIG_HOME;
  delete env.XDG_DATA_HOME;
  if (install) execFileSync(args.binary, ["native-host", "--install", "--user"], { env });
  return { home, env };
}

async function launch({ home, env }, netlog) {
  return puppeteer.launch({
    executablePath: args.chromium,
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir: path.join(home, ".config", "chromium"),  // where the manifest is, as for a user
    env,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--window-size=1000,800", ...(netlog ? [`--log-net-log=${netlog}`] : [])],
    defaultViewport: { width: 1000, height: 800 },
  });
}

// Clicks the toolbar button on `page` and returns the popup's page.
async function openPopup(browser, page) {
  const extension = (await browser.extensions()).get(EXTENSION_ID);
  await page.bringToFront();
  await page.triggerExtensionAction(extension);
  const target = await browser.waitForTarget((t) => t.url().includes(`${EXTENSION_ID}/popup.html`),
                                             { timeout: 5000 });
  const popup = await target.asPage();
  await popup.waitForFunction(() => !document.getElementById("host").textContent.includes("Checking"));
  return popup;
}

// Turns reviewlint on for the page's site from the popup, as a user does. Headless Chromium
// sometimes closes a popup as it opens (focus moves to the permission prompt of the scenario
// before): then the click never lands, and, like a user, the test opens the popup again.
async function turnOn(browser, page) {
  for (let attempt = 1; ; attempt++) {
    const popup = await openPopup(browser, page);
    await popup.waitForSelector("#toggle");
    let closed = false;
    await popup.click("#toggle").catch((e) => {
      if (!/Target closed|detached/i.test(e.message)) throw e;
      closed = true;
    });
    try {
      for (const frame of page.frames())
        await frame.waitForSelector("reviewlint-overlay", { timeout: closed ? 2000 : 5000 });
    } catch (e) {
      if (attempt >= 3) throw e;
      console.log(`note: the popup closed before the click landed; opening it again`);
      continue;
    } finally {
      // The browser's permission prompt is still up (headless cannot answer it; the tab was
      // turned on through the toolbar click's access): close the popup before using the page.
      if (!popup.isClosed()) await popup.close().catch(() => {});
    }
    await page.bringToFront();
    return;
  }
}

// ---- Reading the overlay ----------------------------------------------------------------------

// The underlines (viewport rects) in a frame, with their rule and text range.
const marks = (frame) => frame.evaluate(() => {
  const root = document.querySelector("reviewlint-overlay")?.shadowRoot;
  return Array.from(root ? root.querySelectorAll(".mark") : []).map((m) => {
    const r = m.getBoundingClientRect();
    return { rule: m.dataset.rule, from: +m.dataset.from, to: +m.dataset.to,
             left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
  });
});

async function waitForMark(frame, test, timeout = 5000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const found = (await marks(frame)).find(test);
    if (found) return found;
    await sleep(20);
  }
  return null;
}

// The frame's offset in the page, to click on a frame's rects with page.mouse.
async function frameOffset(frame) {
  if (!frame.parentFrame()) return { x: 0, y: 0 };
  const el = await frame.frameElement();
  const box = await el.boundingBox();
  const border = await el.evaluate((f) => ({ x: f.clientLeft, y: f.clientTop }));
  return { x: box.x + border.x, y: box.y + border.y };
}

// Where the browser's own caret lands when the user clicks at (x, y): a text offset in the
// field, found without the extension's geometry (the independent check of an underline).
async function caretAt(page, frame, selector, x, y) {
  const off = await frameOffset(frame);
  await page.mouse.click(off.x + x, off.y + y);
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (el instanceof HTMLTextAreaElement) return el.selectionStart;
    const s = getSelection();
    const r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(s.anchorNode, s.anchorOffset);
    return r.toString().length;
  }, selector);
}

// Checks that an underline covers `words` of the field: clicks just inside its two ends and
// reads where the caret went.
async function checkCovers(name, page, frame, selector, mark, words) {
  const text = await frame.$eval(selector, (el) => el.value ?? el.textContent);
  const start = text.indexOf(words), end = start + words.length;
  const y = (mark.top + mark.bottom) / 2;
  const a = await caretAt(page, frame, selector, mark.left + 2, y);
  const b = await caretAt(page, frame, selector, mark.right - 2, y);
  check(`${name}: the underline covers "${words}"`,
        start >= 0 && Math.abs(a - start) <= 1 && Math.abs(b - end) <= 1,
        `caret at ${a}..${b}, words at ${start}..${end}`);
}

// Hovers the mark, waits for its card and returns the card's text and fix buttons.
async function openCard(page, frame, mark) {
  const off = await frameOffset(frame);
  await page.mouse.move(off.x + mark.left + mark.width / 2, off.y + (mark.top + mark.bottom) / 2);
  await frame.waitForFunction(() =>
    document.querySelector("reviewlint-overlay").shadowRoot.querySelector(".card"), { timeout: 3000 });
  return frame.evaluate(() => {
    const card = document.querySelector("reviewlint-overlay").shadowRoot.querySelector(".card");
    return { text: card.innerText, fixes: Array.from(card.querySelectorAll("button.fix")).map((b) => {
      const r = b.getBoundingClientRect();
      return { label: b.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }) };
  });
}

async function applyFix(page, frame, fix) {
  const off = await frameOffset(frame);
  await page.mouse.move(off.x + fix.x, off.y + fix.y);
  await page.mouse.click(off.x + fix.x, off.y + fix.y);
}

// Types `text` at the end of the field.
async function typeAtEnd(frame, selector, text) {
  await frame.focus(selector);
  await frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (el instanceof HTMLTextAreaElement) { el.setSelectionRange(el.value.length, el.value.length); return; }
    const r = document.createRange();
    r.selectNodeContents(el);
    r.collapse(false);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  }, selector);
  await frame.type(selector, text);
}

// ---- The scenarios ------------------------------------------------------------------------

const DRAFT = "She is a great team player. Her handover notes were somewhat late.";

async function textareaForm(browser) {
  const page = await browser.newPage();
  await page.goto(url("textarea.html"));
  await turnOn(browser, page);
  await typeAtEnd(page.mainFrame(), "#draft", DRAFT);
  const praise = await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.generic-praise");
  check("textarea: an underline appears for the vague sentence", !!praise);
  if (!praise) return page;
  await checkCovers("textarea", page, page.mainFrame(), "#draft", praise, "great team player");

  const hedge = await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.hedge");
  check("textarea: the hedge is underlined", !!hedge);
  const card = await openCard(page, page.mainFrame(), hedge);
  check("textarea: the card has the message, why and instead",
        /somewhat/.test(card.text) && /Instead:/.test(card.text) && card.text.split("\n").length >= 4,
        JSON.stringify(card.text.slice(0, 120)));
  const before = await page.evaluate(() => window.inputEvents.length);
  const remove = card.fixes.find((f) => /Remove/.test(f.label));
  check("textarea: the card offers the rule's fix", !!remove, card.fixes.map((f) => f.label).join(", "));
  if (!remove) return page;
  await applyFix(page, page.mainFrame(), remove);
  const after = await page.evaluate(() => ({ value: document.getElementById("draft").value,
                                              events: window.inputEvents.slice() }));
  check("textarea: the fix edits the field",
        after.value === "She is a great team player. Her handover notes were late.", after.value);
  check("textarea: the page saw the edit's input event", after.events.length > before,
        JSON.stringify(after.events.slice(before)));
  await page.keyboard.down("Control");
  await page.keyboard.press("z");
  await page.keyboard.up("Control");
  check("textarea: undo takes the fix back",
        (await page.$eval("#draft", (t) => t.value)) === DRAFT);

  // The count: the in-page badge and the toolbar's badge for this tab.
  await sleep(300);
  const count = await page.evaluate(() =>
    document.querySelector("reviewlint-overlay").shadowRoot.querySelector(".badge")?.textContent);
  const worker = await (await browser.waitForTarget((t) => t.type() === "service_worker" &&
                                                          t.url().includes(EXTENSION_ID))).worker();
  const toolbar = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
  const shown = (await marks(page.mainFrame())).length;
  check("textarea: the badge counts the findings", count === toolbar && +count >= 2,
        `page badge ${count}, toolbar ${toolbar}, ${shown} underlines`);

  // What a user sees: the underlines, the badge and the card of the vague sentence.
  const again = await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.generic-praise");
  if (again) await openCard(page, page.mainFrame(), again);
  const screenshot = path.join(work, "browser-test.png");
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
  return page;
}

async function richEditor(browser) {
  const page = await browser.newPage();
  await page.goto(url("rich.html"));
  await turnOn(browser, page);
  await typeAtEnd(page.mainFrame(), "#editor", " She is a great team player and somewhat quiet.");
  const praise = await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.generic-praise");
  check("rich editor: an underline appears", !!praise);
  if (!praise) return;
  await checkCovers("rich editor", page, page.mainFrame(), "#editor", praise, "great team player");
  const hedge = await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.hedge");
  const card = hedge && await openCard(page, page.mainFrame(), hedge);
  const remove = card && card.fixes.find((f) => /Remove/.test(f.label));
  check("rich editor: the card offers the fix", !!remove);
  if (!remove) return;
  const before = await page.evaluate(() => window.inputEvents.length);
  await applyFix(page, page.mainFrame(), remove);
  const after = await page.evaluate(() => ({
    text: document.getElementById("editor").textContent, bold: document.querySelector("#editor b")?.textContent,
    events: window.inputEvents.length }));
  check("rich editor: the fix edits the text and keeps the formatting",
        !after.text.includes("somewhat") && after.text.includes("great team player and quiet") &&
        after.bold === "led", JSON.stringify(after));
  check("rich editor: the page saw an input event", after.events > before);
}

async function formInFrame(browser) {
  const page = await browser.newPage();
  await page.goto(url("iframe.html"));
  requested.add(`${origin}/textarea.html`);
  const frame = await (await page.waitForSelector("#frame")).contentFrame();
  await frame.waitForSelector("#draft");
  await turnOn(browser, page);
  await typeAtEnd(frame, "#draft", DRAFT);
  const praise = await waitForMark(frame, (m) => m.rule === "vagueness.generic-praise");
  check("form in an iframe: an underline appears", !!praise);
  if (praise) await checkCovers("form in an iframe", page, frame, "#draft", praise, "great team player");
}

async function rerenderedField(browser) {
  const page = await browser.newPage();
  await page.goto(url("rerender.html"));
  await turnOn(browser, page);
  await typeAtEnd(page.mainFrame(), "#draft", DRAFT);
  check("re-rendered field: underlined before",
        !!(await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.generic-praise")));
  await page.evaluate(() => window.rerender());
  await sleep(100);
  const praise = await waitForMark(page.mainFrame(), (m) => m.rule === "vagueness.generic-praise");
  const all = await marks(page.mainFrame());
  check("re-rendered field: the new field's underlines, and no stale ones",
        !!praise && all.filter((m) => m.rule === "vagueness.generic-praise").length === 1,
        `${all.length} underlines`);
  if (praise) await checkCovers("re-rendered field", page, page.mainFrame(), "#draft", praise, "great team player");
}

// From the last keystroke to the underline of what it completed, on a 5 KB draft.
async function latency(browser) {
  const page = await browser.newPage();
  await page.goto(url("textarea.html"));
  await turnOn(browser, page);
  const sentences = [
    "In the third quarter she cut the build time from 14 to 6 minutes by caching the test images.",
    "She wrote the runbook for the billing service and trained 4 engineers on it before the launch.",
    "Her review of the ledger schema found 3 race conditions that we fixed before the migration.",
    "She led the weekly incident review and closed 12 of the 15 follow-up actions within the month.",
  ];
  let draft = "";
  for (let i = 0; draft.length < 5000; i++) draft += sentences[i % sentences.length] + (i % 4 === 3 ? "\n\n" : " ");
  await page.evaluate((text) => {
    const t = document.getElementById("draft");
    t.focus();
    t.value = text;
    t.setSelectionRange(text.length, text.length);
    t.dispatchEvent(new InputEvent("input", { bubbles: true }));
    window.lastKey = 0;
    document.addEventListener("keydown", () => { window.lastKey = performance.now(); }, true);
  }, draft);
  await sleep(500);
  const phrase = "She is a great team player.";
  const at = draft.length + phrase.indexOf("great");
  const watch = page.evaluate((from) => new Promise((resolve) => {
    const root = document.querySelector("reviewlint-overlay").shadowRoot;
    const seen = () => Array.from(root.querySelectorAll(".mark")).some((m) => +m.dataset.from === from);
    new MutationObserver(() => { if (seen()) resolve(performance.now()); })
      .observe(root, { childList: true, subtree: true });
  }), at);
  await page.type("#draft", phrase);
  const shown = await Promise.race([watch, sleep(5000).then(() => null)]);
  const lastKey = await page.evaluate(() => window.lastKey);
  const ms = shown === null ? Infinity : Math.round(shown - lastKey);
  console.log(`latency: last keystroke to underline on a ${Buffer.byteLength(draft + phrase)}-byte draft: ${ms} ms (target <= 150 ms)`);
  check("latency: the underline appears within 150 ms of the last keystroke", ms <= 150, `${ms} ms`);

  // The panel, from the badge: this field's findings, and the whole review's (an all-praise
  // draft) listed there rather than underlined.
  const badge = await page.evaluate(() => {
    const r = document.querySelector("reviewlint-overlay").shadowRoot.querySelector(".badge")
      .getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(badge.x, badge.y);
  const panel = await page.evaluate(() =>
    document.querySelector("reviewlint-overlay").shadowRoot.querySelector(".panel")?.innerText || "");
  check("panel: lists the field's findings and the whole-review ones",
        /In this field \(\d+\)/i.test(panel) && /Whole review \([1-9]/i.test(panel) &&
        panel.includes("balance.missing-constructive"), JSON.stringify(panel.slice(0, 300)));
}

// A request that the net-log check must catch: the page fetches a URL the test never loaded.
async function controlRequest(browser) {
  const page = await browser.newPage();
  await page.goto(url("textarea.html"));
  const control = `http://localhost:${server.address().port}/control`;
  await page.evaluate((u) => fetch(u, { mode: "no-cors" }).catch(() => {}), control);
  return control;
}

// The requests in the net log that a page or an extension started (an initiator that is an
// origin) other than the fixtures and the page's favicon. Chromium's own service requests
// (initiator "not an origin": time, update and autofill servers) are counted, not judged: the
// extension has no way to start one.
function unexpectedRequests(netlog) {
  const text = fs.readFileSync(netlog, "utf8");
  let log;
  try {
    log = JSON.parse(text);
  } catch {  // a log cut off at the browser's exit: close its event list
    log = JSON.parse(text.replace(/,?\s*$/, "") + "]}");
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const urls = new Set();
  let browserOwn = 0;
  for (const e of log.events || []) {
    if (e.type !== start || !e.params) continue;
    const { url: u, initiator } = e.params;
    if (!initiator || initiator === "not an origin") { browserOwn++; continue; }
    const fixture = requested.has(u) || u === `${origin}/favicon.ico` || u === `${origin}/common.js`;
    if (initiator.startsWith("chrome-extension:") || !fixture) urls.add(u);
  }
  console.log(`net log: ${browserOwn} requests of Chromium's own services (not judged)`);
  return [...urls];
}

// The popup's words with `home`'s host: what it says must match `expected`.
async function popupSays(name, home, expected) {
  const browser = await launch(home);
  try {
    const page = await browser.newPage();
    await page.goto(url("textarea.html"));
    const popup = await openPopup(browser, page);
    const text = await popup.$eval("#host", (el) => el.innerText);
    check(name, expected.every((e) => e.test(text)), JSON.stringify(text));
  } finally {
    await browser.close();
  }
}

async function hostMissingOrOld() {
  await popupSays("host missing: the popup says exactly what to run",
                  freshHome("home-without-host", false),
                  [/not installed/, /^reviewlint native-host --install --user$/m]);
  // A host manifest whose program answers the handshake with protocol 0.
  const old = freshHome("home-old-host", false);
  const dir = path.join(old.home, ".config", "chromium", "NativeMessagingHosts");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "com.reviewlint.host.json"), JSON.stringify({
    name: "com.reviewlint.host", description: "an old reviewlint", type: "stdio",
    path: path.join(here, "old_host.mjs"),
    allowed_origins: [`chrome-extension://${EXTENSION_ID}/`] }));
  await popupSays("host too old: the popup names its version and what to run", old,
                  [/reviewlint 0\.0\.9 is too old/, /^reviewlint native-host --install --user$/m]);
}

// ---- Run ----------------------------------------------------------------------------------

const netlog = path.join(work, "netlog.json");
fs.rmSync(netlog, { force: true });
const browser = await launch(freshHome("home", true), netlog);
let control = "";
try {
  for (const scenario of [textareaForm, richEditor, formInFrame, rerenderedField, latency]) {
    try {
      await scenario(browser);
    } catch (e) {
      check(`${scenario.name}: ran`, false, e.stack);
    }
  }
  control = await controlRequest(browser);
} finally {
  await browser.close();
}
const unexpected = unexpectedRequests(netlog);
check("network: the control request trips the net-log check", unexpected.includes(control),
      `control ${control}`);
const others = unexpected.filter((u) => u !== control);
check("network: no other request at all", others.length === 0, others.join(" ") || "none");
await hostMissingOrOld();
server.close();
console.log(`browser test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
