// `reviewlint native-host --install [--user]`: registers the native host with the browsers.
//
// A browser starts a native host by the absolute path in its manifest, with arguments of its own
// (the caller's origin), so the manifests point at a two-line launcher script that runs
// `reviewlint native-host`. Written:
//
//   --user (per user, no root needed)
//     ~/.config/chromium/NativeMessagingHosts/com.reviewlint.host.json        Chromium
//     ~/.config/google-chrome/NativeMessagingHosts/com.reviewlint.host.json   Chrome
//     ~/.mozilla/native-messaging-hosts/com.reviewlint.host.json              Firefox
//     ~/.local/share/reviewlint/native-host                                   the launcher
//   (XDG_CONFIG_HOME and XDG_DATA_HOME are honoured as Chromium does)
//
//   system (the default; `cmake --install` and the Debian package run it with --root)
//     /etc/chromium/native-messaging-hosts/com.reviewlint.host.json
//     /etc/opt/chrome/native-messaging-hosts/com.reviewlint.host.json
//     /usr/lib/mozilla/native-messaging-hosts/com.reviewlint.host.json
//     PREFIX/lib/reviewlint/native-host   (PREFIX: the folder above the binary's bin/)
//
// Only the extension with the fixed ids below may start the host.
#pragma once

#include <ostream>
#include <string>

namespace reviewlint::native_host {

inline constexpr const char* kHostName = "com.reviewlint.host";
/// The Chromium extension id, fixed by the "key" in editors/browser/manifest.json.
inline constexpr const char* kChromiumExtensionId = "bfdmjgbndmphdbigkojaldjcabhffgfg";
/// The Firefox add-on id (browser_specific_settings.gecko.id).
inline constexpr const char* kFirefoxExtensionId = "reviewlint@reviewlint.github.io";

struct InstallOptions {
  bool user = false;
  std::string root = "/";  // system install: write under this folder (a staging DESTDIR)
  std::string binary;      // the reviewlint the launcher runs (default: this executable)
  std::string home;        // --user: the home folder (default: $HOME)
};

/// The manifest for Chromium and Chrome ("allowed_origins") or Firefox ("allowed_extensions").
std::string HostManifest(bool firefox, const std::string& launcher);

/// Writes the launcher and the three manifests; prints each path to `out`, problems to `err`.
/// Returns the exit code: 0, or 2 when a file could not be written.
int InstallNativeHost(const InstallOptions& options, std::ostream& out, std::ostream& err);

}  // namespace reviewlint::native_host
