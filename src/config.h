// Configuration: .reviewlint.json files, found from each linted file's folder upward to the
// repository root (the folder with .git), merged through `extends`, validated against
// schemas/config.schema.json with located errors. The per-file result is a FilePolicy.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.h"

namespace reviewlint {

inline constexpr const char* kConfigFileName = ".reviewlint.json";

struct ConfigOverride {
  std::vector<std::string> files;  // globs relative to the config's folder
  LevelMap rules;
  std::string rubric;
};

struct Config {
  std::string path;                           // the file that was asked for ("" when there is none)
  std::string dir;                            // its folder: globs and relative paths start here
  LevelMap rules;                             // rule id or pack → its level
  std::map<std::string, std::string> set_at;  // rule id or pack → where it was set ("/packs/pip")
  std::string rubric;
  std::vector<std::string> rubric_files;  // resolved paths
  std::vector<std::string> rule_dirs;     // resolved paths
  std::vector<std::string> allow;
  std::vector<std::string> ignore;
  nlohmann::json thresholds = nlohmann::json::object();  // rule id → options
  bool report_unused_disables = false;
  std::vector<ConfigOverride> overrides;
  std::vector<std::string> chain;  // every file merged, the base first
};

/// Loads `path` and what it extends. On failure returns false with located messages in `errors`
/// ("file:line:col: ..." for syntax, "file: /pointer: ..." for shape, cyclic extends).
bool LoadConfig(const std::string& path, Config* out, std::vector<std::string>* errors);

/// The nearest .reviewlint.json for `file` (a file or folder path), or "" if none: the file's
/// folder and its parents, stopping after the first folder that holds .git.
std::string FindConfig(const std::string& file);

/// What applies to one file.
struct FilePolicy {
  LevelMap levels;  // config rules, then matching overrides
  std::string rubric;
  std::vector<std::string> allow;
  nlohmann::json thresholds = nlohmann::json::object();
  bool report_unused_disables = false;
};

FilePolicy PolicyFor(const Config& config, const std::string& file);
bool IsIgnored(const Config& config, const std::string& file);

/// The merged configuration that applies to `file`, as JSON (--print-config).
nlohmann::ordered_json DescribePolicy(const Config& config, const FilePolicy& policy);

/// The starter config that `reviewlint init` writes.
std::string StarterConfig();

}  // namespace reviewlint
