// The extension's background: the one connection to the native host (`reviewlint native-host`),
// the sites the user turned reviewlint on for, and the toolbar badge. Content scripts and the
// popup talk to it with runtime messages; it talks to nothing but the host.
"use strict";

if (typeof importScripts === "function") importScripts("browser.js");  // Chromium's worker
const { api, hostName, hostMissing, registerOptions } = globalThis.reviewlintBrowser;

// The oldest host protocol this extension speaks, and the command that fixes a missing host.
const REQUIRED_PROTOCOL = 1;
const INSTALL_COMMAND = "reviewlint native-host --install --user";

// ---- The native host ----------------------------------------------------------------------

let port = null;
let nextId = 1;
const pending = new Map();  // id -> {resolve, reject}
let lastError = "";

function connect() {
  if (port) return port;
  lastError = "";
  port = api.runtime.connectNative(hostName);
  port.onMessage.addListener((reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    waiter.resolve(reply);
  });
  port.onDisconnect.addListener((p) => {
    lastError = (api.runtime.lastError && api.runtime.lastError.message) ||
                (p && p.error && p.error.message) || "the host closed the connection";
    port = null;
    for (const waiter of pending.values()) waiter.reject(new Error(lastError));
    pending.clear();
  });
  return port;
}

function ask(message) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      connect().postMessage({ ...message, id });
    } catch (e) {
      pending.delete(id);
      reject(e);
    }
  });
}

// The handshake, as the popup shows it: {state: "ok" | "missing" | "old" | "broken", ...}.
async function hostStatus() {
  try {
    const hello = await ask({ type: "hello" });
    if (hello.type !== "hello" || !(hello.protocol >= REQUIRED_PROTOCOL))
      return { state: "old", version: hello.version || "unknown", command: INSTALL_COMMAND,
               required: REQUIRED_PROTOCOL };
    return { state: "ok", version: hello.version, protocol: hello.protocol,
             packs: hello.packs || [], rubrics: hello.rubrics || [] };
  } catch (e) {
    const message = String(e.message || e);
    return { state: hostMissing(message) ? "missing" : "broken", error: message,
             command: INSTALL_COMMAND };
  }
}

async function settings() {
  const stored = await api.storage.local.get("settings");
  return stored.settings || { rubric: "", rules: {} };
}

async function lint(sender, request) {
  const where = `${sender.tab ? sender.tab.id : "x"}/${sender.frameId || 0}/${request.uri}`;
  const reply = await ask({ type: "lint", uri: where, text: request.text,
                            settings: await settings() });
  return { ...reply, uri: request.uri };
}

// ---- Sites --------------------------------------------------------------------------------

function scriptId(pattern) {
  return "reviewlint:" + pattern;
}

async function enabledSites() {
  const scripts = await api.scripting.getRegisteredContentScripts();
  return scripts.filter((s) => s.id.startsWith("reviewlint:")).map((s) => s.matches[0]);
}

// Called by the popup once the user granted the site's permission: every page of the site from
// now on.
async function enableSite(pattern) {
  if (!(await enabledSites()).includes(pattern))
    await api.scripting.registerContentScripts([{
      id: scriptId(pattern), matches: [pattern], js: ["browser.js", "content.js"],
      allFrames: true, runAt: "document_idle", ...registerOptions,
    }]);
}

// The tab the user turned reviewlint on in, at once: the toolbar click gave access to it.
const injectedTabs = new Set();
async function injectTab(tabId) {
  await api.scripting.executeScript({ target: { tabId, allFrames: true },
                                      files: ["browser.js", "content.js"] });
  injectedTabs.add(tabId);
}
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading") injectedTabs.delete(tabId);
});

async function disableSite(pattern) {
  if ((await enabledSites()).includes(pattern))
    await api.scripting.unregisterContentScripts({ ids: [scriptId(pattern)] });
  await api.permissions.remove({ origins: [pattern] });
}

// A permission taken back in the browser's own settings turns the site off too.
api.permissions.onRemoved.addListener(async (removed) => {
  for (const pattern of removed.origins || [])
    if ((await enabledSites()).includes(pattern))
      await api.scripting.unregisterContentScripts({ ids: [scriptId(pattern)] });
});

// ---- Messages -----------------------------------------------------------------------------

const handlers = {
  lint: (request, sender) => lint(sender, request),
  count: async (request, sender) => {
    if (!sender.tab) return {};
    const text = request.count > 0 ? String(request.count) : "";
    await api.action.setBadgeText({ tabId: sender.tab.id, text });
    await api.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: "#b45309" });
    return {};
  },
  status: () => hostStatus(),
  sites: async () => ({ sites: await enabledSites(), tabs: [...injectedTabs] }),
  inject: (request) => injectTab(request.tabId).then(() => ({ ok: true })),
  enable: (request) => enableSite(request.pattern).then(() => ({ ok: true })),
  disable: (request) => disableSite(request.pattern).then(() => ({ ok: true })),
  settings: () => settings(),
  saveSettings: (request) => api.storage.local.set({ settings: request.settings }).then(() => ({})),
};

api.runtime.onMessage.addListener((request, sender, sendResponse) => {
  const handle = handlers[request && request.kind];
  if (!handle) return false;
  Promise.resolve()
    .then(() => handle(request, sender))
    .then(sendResponse, (e) => sendResponse({ type: "error", error: String(e.message || e) }));
  return true;  // the answer comes asynchronously
});
