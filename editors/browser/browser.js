// The one place Chromium and Firefox differ for this extension. Both have the promise-based
// WebExtension APIs under a different global (chrome.* / browser.*); they word a missing native
// host differently; and only Chromium persists registered content scripts without being asked.
"use strict";

globalThis.reviewlintBrowser = (() => {
  const api = typeof globalThis.browser !== "undefined" ? globalThis.browser : globalThis.chrome;
  const firefox = typeof globalThis.browser !== "undefined";
  return {
    api,
    firefox,
    // The native messaging host's name, as `reviewlint native-host --install` registers it.
    hostName: "com.reviewlint.host",
    // Extra fields of scripting.registerContentScripts that one browser needs.
    registerOptions: firefox ? { persistAcrossSessions: true } : {},
    // Is this disconnect error the browser saying the host is not installed (or not allowed)?
    hostMissing(message) {
      return /not found|No such native application|forbidden|not allowed|Access to the specified native messaging host/i.test(
        message || "");
    },
  };
})();
