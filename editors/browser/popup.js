// The toolbar popup: is the host installed (and new enough)? Is reviewlint on for this site?
// Which rubric and packs? Turning a site on asks the browser for that site's permission only.
"use strict";

const { api } = globalThis.reviewlintBrowser;
const ask = (request) => api.runtime.sendMessage(request);

function showHost(status) {
  const box = document.getElementById("host");
  box.textContent = "";
  if (status.state === "ok") {
    box.textContent = `reviewlint ${status.version} is connected (runs on this computer).`;
    return;
  }
  box.className = "bad";
  const say = (text) => box.appendChild(document.createElement("div")).append(text);
  if (status.state === "missing") {
    say("The reviewlint native host is not installed. Install reviewlint, then run:");
  } else if (status.state === "old") {
    say(`reviewlint ${status.version} is too old for this extension (it needs host protocol ` +
        `${status.required}). Install a newer reviewlint, then run:`);
  } else {
    say(`The reviewlint host did not answer: ${status.error}. Run:`);
  }
  box.appendChild(document.createElement("code")).textContent = status.command;
  say("and reopen this popup.");
}

// "https://example.com/*" for the active tab, or null on pages no extension may read.
async function activeTab() {
  const override = new URLSearchParams(location.search).get("tab");  // the popup opened as a page
  const [tab] = override
    ? [await api.tabs.get(Number(override))]
    : await api.tabs.query({ active: true, currentWindow: true });
  if (!tab || !/^https?:/.test(tab.url || "")) return { tab, pattern: null };
  const url = new URL(tab.url);
  return { tab, pattern: `${url.protocol}//${url.hostname}/*`, host: url.hostname };
}

async function showSite() {
  const box = document.getElementById("site");
  const { tab, pattern, host } = await activeTab();
  if (!pattern) {
    box.textContent = "reviewlint works on web pages (http and https).";
    return;
  }
  const { sites, tabs } = await ask({ kind: "sites" });
  const on = sites.includes(pattern);
  box.textContent = on ? `On for ${host}. `
    : tabs.includes(tab.id) ? `On in this tab; not yet for ${host}. ` : `Off for ${host}. `;
  const button = box.appendChild(document.createElement("button"));
  button.id = "toggle";
  button.textContent = on ? `Turn off for ${host}` : `Turn on for ${host}`;
  button.addEventListener("click", () => {
    if (on) {
      ask({ kind: "disable", pattern }).then(showSite);
      return;
    }
    // The browser's prompt for this site only, asked in the click. Meanwhile the background
    // starts on this tab with the access the toolbar click gave (activeTab), so the field is
    // linted even if the prompt closes this popup.
    ask({ kind: "inject", tabId: tab.id });
    const granted = api.permissions.request({ origins: [pattern] });
    granted.then((yes) => yes && ask({ kind: "enable", pattern })).then(showSite, showSite);
  });
}

async function showSettings(status) {
  if (status.state !== "ok") return;
  const settings = await ask({ kind: "settings" });
  const save = () => ask({ kind: "saveSettings", settings });
  const rubric = document.getElementById("rubric");
  for (const r of status.rubrics) rubric.add(new Option(r.title || r.name, r.name));
  rubric.value = settings.rubric || "";
  rubric.addEventListener("change", () => { settings.rubric = rubric.value; save(); });
  const packs = document.getElementById("packs");
  for (const p of status.packs) {
    const label = packs.appendChild(document.createElement("label"));
    const box = label.appendChild(document.createElement("input"));
    box.type = "checkbox";
    box.checked = (settings.rules || {})[p.name] !== "off";
    box.addEventListener("change", () => {
      settings.rules = settings.rules || {};
      if (box.checked) delete settings.rules[p.name]; else settings.rules[p.name] = "off";
      save();
    });
    label.append(" " + p.name);
    label.title = p.description || "";
  }
  document.getElementById("settings").hidden = false;
}

(async () => {
  const status = await ask({ kind: "status" });
  showHost(status);
  await showSite();
  await showSettings(status);
})();
