// What a document is linted with, from two sources:
//
//  - the editor's settings, sent as `initializationOptions` and `workspace/didChangeConfiguration`
//    in the shape
//
//      {"reviewlint": {"rules": {"vagueness.hedge": "off", "bias": "error"},
//                      "rubric": "engineering-manager",
//                      "rulesDirs": ["/path/to/packs"]}}
//
//    (the "reviewlint" wrapper may be left out). Like `--rule` and `--rubric` on the command
//    line, they beat the configuration file;
//  - the `.reviewlint.json` that applies to the document's path (config.h), found and loaded as
//    the CLI does, and loaded again when it (or a file it extends) changes on disk.
//
// SettingsResolver::For() is the one place a document's settings are decided.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../config.h"
#include "../engine.h"

namespace reviewlint::lsp {

/// The editor's settings, checked for shape (not yet against the rule packs).
struct ClientSettings {
  LevelMap rules;  // rule id or pack → off|info|warning|error
  std::string rubric;
  std::vector<std::string> rules_dirs;
};

/// Reads the settings object; a malformed entry is left out with a message in `warnings`.
ClientSettings ParseClientSettings(const nlohmann::json& settings,
                                   std::vector<std::string>* warnings);

/// Settings for one document.
struct DocumentSettings {
  RuleSettings rules;                     // the editor's levels and rubric (they win)
  std::vector<std::string> rules_dirs;    // the editor's, then the config's
  std::vector<std::string> rubric_files;  // the config's
  FilePolicy policy;                      // the config's levels, rubric, allow list, ...
  std::shared_ptr<const Config> config;   // null when no config file applies
  bool ignored = false;                   // the config's `ignore` globs match the document
  std::vector<std::string> errors;        // why the config file could not be used, located
  std::string engine_key;                 // documents with equal keys can share one engine
};

class SettingsResolver {
 public:
  /// The settings for the document at `path`: an absolute file path, or the URI of a buffer that
  /// has no file (which gets the editor's settings only).
  DocumentSettings For(const std::string& path, const ClientSettings& client);
  /// Forget every loaded config file (one changed, or the editor says so).
  void Invalidate() { configs_.clear(); }

 private:
  struct Loaded {
    std::shared_ptr<const Config> config;
    std::vector<std::string> errors;
    std::vector<std::pair<std::string, std::string>> stamps;  // file → size:mtime when loaded
  };
  static std::string Stamp(const std::string& file);
  std::map<std::string, Loaded> configs_;  // by config path
};

}  // namespace reviewlint::lsp
