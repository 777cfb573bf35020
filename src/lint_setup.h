// What a run lints and with what: the files of the command line (folders walked), the
// .reviewlint.json that applies to each, and the engine built from the packs, rubrics and rule
// levels that the flags and those configs name. The lint command and the team report set up
// the same way, so a team's custom packs and rubrics work in both.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config.h"
#include "engine.h"
#include "files.h"

namespace reviewlint {

/// The flags that choose rules and configuration.
struct SetupOptions {
  std::string config;                     // --config: this file for every input
  bool no_config = false;                 // --no-config
  std::vector<std::string> rules_dirs;    // --rules-dir
  std::vector<std::string> rubric_files;  // --rubric-file
  std::vector<std::string> rule_levels;   // --rule ID=LEVEL
  std::string rubric;                     // --rubric NAME|PATH
};

struct LintSetup {
  std::vector<InputFile> inputs;
  std::vector<const Config*> configs;                     // per input; nullptr: none applies
  std::map<std::string, std::unique_ptr<Config>> loaded;  // by path
  std::vector<std::string> rules_dirs, rubric_files;      // flags + configs; sorted, unique
};

/// Loads the config of every input of `setup` (the nearest .reviewlint.json, or --config) and
/// gathers the rule folders and rubric files they name. Appends located errors; false if any.
bool LoadConfigs(const SetupOptions& options, LintSetup* setup, std::vector<std::string>* errors);

/// The engine of the embedded packs plus the setup's folders and rubric files, with the --rule
/// levels and --rubric; then checks that the configs' rule ids and rubrics exist. Appends errors
/// and returns nullptr on failure.
std::unique_ptr<Engine> BuildEngine(const SetupOptions& options, const LintSetup& setup,
                                    std::vector<std::string>* errors);

/// Appends an error for each name in `config` (at `path`) that `engine` does not know: rules and
/// packs (at the pointer they are written at, "/packs/pipp", with did-you-mean), the rubric, and
/// thresholds (rule ids, and the options each rule takes). The lint command refuses such a
/// config; the language server warns.
void CheckConfigNames(const Engine& engine, const std::string& path, const Config& config,
                      std::vector<std::string>* errors);

/// Drops the files found in folders that their config ignores; files named on the command line
/// are always linted, unless `force_exclude` (--force-exclude, for pre-commit, which names every
/// file): then they are dropped too when the config ignores them or a folder walk would skip them.
void DropIgnored(LintSetup* setup, bool force_exclude = false);

}  // namespace reviewlint
