#include "install.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace reviewlint::native_host {
namespace {

namespace fs = std::filesystem;

struct Target {
  fs::path file;  // where it is written
  std::string text;
  bool executable = false;
};

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// 'it''s' quoting for sh.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Launcher(const std::string& binary) {
  return "#!/bin/sh\n"
         "# Written by `reviewlint native-host --install`: the browser starts this with its own\n"
         "# arguments (the caller's origin); reviewlint native-host ignores them.\n"
         "exec " +
         ShellQuote(binary) + " native-host \"$@\"\n";
}

std::string ThisExecutable() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "reviewlint" : self.string();
}

// The launcher's final path and the manifest folders, as the browsers will see them.
struct Layout {
  fs::path launcher;
  std::vector<fs::path> chromium_dirs;  // Chromium, Chrome
  fs::path firefox_dir;
};

Layout UserLayout(const InstallOptions& o) {
  fs::path home = o.home.empty() ? Env("HOME") : o.home;
  fs::path config =
      Env("XDG_CONFIG_HOME").empty() ? home / ".config" : fs::path(Env("XDG_CONFIG_HOME"));
  fs::path data =
      Env("XDG_DATA_HOME").empty() ? home / ".local" / "share" : fs::path(Env("XDG_DATA_HOME"));
  return {data / "reviewlint" / "native-host",
          {config / "chromium" / "NativeMessagingHosts",
           config / "google-chrome" / "NativeMessagingHosts"},
          home / ".mozilla" / "native-messaging-hosts"};
}

Layout SystemLayout(const std::string& binary) {
  fs::path prefix = fs::path(binary).parent_path().parent_path();
  return {prefix / "lib" / "reviewlint" / "native-host",
          {"/etc/chromium/native-messaging-hosts", "/etc/opt/chrome/native-messaging-hosts"},
          "/usr/lib/mozilla/native-messaging-hosts"};
}

// `path` under the staging root (system installs); user paths are written where they are.
fs::path Staged(const InstallOptions& o, const fs::path& path) {
  if (o.user || o.root.empty() || o.root == "/") return path;
  return fs::path(o.root) / path.relative_path();
}

bool Write(const Target& t, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(t.file.parent_path(), ec);
  std::ofstream f(t.file, std::ios::binary | std::ios::trunc);
  f << t.text;
  f.close();
  if (!f) {
    err << "reviewlint native-host: error: cannot write " << t.file.string()
        << (ec ? ": " + ec.message() : std::string()) << "\n";
    return false;
  }
  if (t.executable && chmod(t.file.c_str(), 0755) != 0) {
    err << "reviewlint native-host: error: cannot make " << t.file.string() << " executable\n";
    return false;
  }
  return true;
}

}  // namespace

std::string HostManifest(bool firefox, const std::string& launcher) {
  nlohmann::ordered_json m = {
      {"name", kHostName},
      {"description", "reviewlint: lints performance-review drafts in the browser, offline"},
      {"path", launcher},
      {"type", "stdio"}};
  if (firefox)
    m["allowed_extensions"] = {kFirefoxExtensionId};
  else
    m["allowed_origins"] = {std::string("chrome-extension://") + kChromiumExtensionId + "/"};
  return m.dump(2) + "\n";
}

int InstallNativeHost(const InstallOptions& options, std::ostream& out, std::ostream& err) {
  const std::string binary = options.binary.empty() ? ThisExecutable() : options.binary;
  const Layout layout = options.user ? UserLayout(options) : SystemLayout(binary);
  const std::string manifest = std::string(kHostName) + ".json";
  std::vector<Target> targets = {{Staged(options, layout.launcher), Launcher(binary), true}};
  for (const fs::path& dir : layout.chromium_dirs)
    targets.push_back({Staged(options, dir / manifest), HostManifest(false, layout.launcher)});
  targets.push_back(
      {Staged(options, layout.firefox_dir / manifest), HostManifest(true, layout.launcher)});
  bool ok = true;
  for (const Target& t : targets) {
    if (!Write(t, err)) {
      ok = false;
      continue;
    }
    out << "wrote " << t.file.string() << "\n";
  }
  if (!ok && !options.user)
    err << "reviewlint native-host: system folders need root; for this user only, run:\n"
           "  reviewlint native-host --install --user\n";
  return ok ? 0 : 2;
}

}  // namespace reviewlint::native_host
