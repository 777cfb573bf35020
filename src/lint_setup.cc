#include "lint_setup.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "edit_distance.h"
#include "files.h"
#include "ignore.h"

namespace reviewlint {
namespace {

// The option names a rule takes in `thresholds`: its options (the keys its check reads, with
// their defaults in the pack) and min_words, which the engine reads for every document rule.
std::vector<std::string> ThresholdKeys(const RuleSpec& rule) {
  if (rule.kind != RuleKind::kDocument) return {};
  std::vector<std::string> keys = {"min_words"};
  for (auto it = rule.options.begin(); it != rule.options.end(); ++it)
    if (it.key() != "min_words") keys.push_back(it.key());
  return keys;
}

// Each threshold names a rule and options that rule takes.
bool CheckThresholds(const Engine& engine, const std::string& path, const Config& config,
                     std::vector<std::string>* errors) {
  std::vector<std::string> ids;
  for (const RuleSpec* r : engine.rules()) ids.push_back(r->id);
  const size_t before = errors->size();
  for (auto it = config.thresholds.begin(); it != config.thresholds.end(); ++it) {
    std::string where = path + ": /thresholds/" + it.key();
    const RuleSpec* rule = engine.FindRule(it.key());
    if (!rule) {
      errors->push_back(where + ": unknown rule \"" + it.key() + "\"" +
                        DidYouMeanRule(it.key(), ids));
      continue;
    }
    std::vector<std::string> keys = ThresholdKeys(*rule);
    std::string list;
    for (const std::string& k : keys) list += (list.empty() ? "" : ", ") + k;
    for (auto option = it.value().begin(); option != it.value().end(); ++option) {
      if (std::find(keys.begin(), keys.end(), option.key()) != keys.end()) continue;
      errors->push_back(
          where + "/" + option.key() + ": unknown threshold \"" + option.key() + "\" for " +
          rule->id + DidYouMean(option.key(), keys) +
          (keys.empty() ? "; it takes none (only whole-review rules do)" : "; it takes: " + list));
    }
  }
  return errors->size() == before;
}

// Every config's names must exist.
bool CheckConfigIds(const Engine& engine,
                    const std::map<std::string, std::unique_ptr<Config>>& configs,
                    std::vector<std::string>* errors) {
  const size_t before = errors->size();
  for (const auto& [path, config] : configs)
    if (config) CheckConfigNames(engine, path, *config, errors);
  return errors->size() == before;
}

}  // namespace

// A key under "packs" names a pack, one under "rules" a rule or a pack.
void CheckConfigNames(const Engine& engine, const std::string& path, const Config& config,
                      std::vector<std::string>* errors) {
  const auto& known = engine.known_ids();
  std::vector<std::string> packs;
  for (const RulePack& p : engine.packs()) packs.push_back(p.name);
  auto check = [&](const std::string& where, const std::string& id) {
    bool in_packs = where.rfind("/packs/", 0) == 0;
    const std::vector<std::string>& names = in_packs ? packs : known;
    if (std::find(names.begin(), names.end(), id) != names.end()) return;
    if (in_packs && engine.FindRule(id)) {
      errors->push_back(path + ": " + where + ": \"" + id +
                        "\" is a rule, not a pack; set it under \"rules\"");
      return;
    }
    errors->push_back(path + ": " + where + ": unknown " + (in_packs ? "pack" : "rule or pack") +
                      " \"" + id + "\"" +
                      (in_packs ? DidYouMean(id, names) : DidYouMeanRule(id, names)));
  };
  for (const auto& [id, level] : config.rules) {
    auto at = config.set_at.find(id);
    check(at == config.set_at.end() ? "/rules/" + id : at->second, id);
  }
  for (size_t i = 0; i < config.overrides.size(); ++i)
    for (const auto& [id, level] : config.overrides[i].rules)
      check("/overrides/" + std::to_string(i) + "/rules/" + id, id);
  if (!config.rubric.empty() && !engine.FindRubric(config.rubric))
    errors->push_back(path + ": /rubric: unknown rubric \"" + config.rubric +
                      "\"; known: " + engine.RubricNames());
  CheckThresholds(engine, path, config, errors);
}

bool LoadConfigs(const SetupOptions& o, LintSetup* s, std::vector<std::string>* errors) {
  const size_t before = errors->size();
  s->configs.assign(s->inputs.size(), nullptr);
  s->rules_dirs = o.rules_dirs;
  s->rubric_files = o.rubric_files;
  std::map<std::string, std::string> found_in;  // folder → config path
  for (size_t i = 0; i < s->inputs.size() && !o.no_config; ++i) {
    std::string path = o.config;
    if (path.empty()) {
      std::string where = s->inputs[i].path == "-" ? "." : s->inputs[i].path;
      std::string dir = std::filesystem::path(where).parent_path().string();
      auto it = found_in.find(dir);
      path = it != found_in.end() ? it->second : (found_in[dir] = FindConfig(where));
    }
    if (path.empty()) continue;
    auto& slot = s->loaded[path];
    if (!slot) {
      slot = std::make_unique<Config>();
      if (!LoadConfig(path, slot.get(), errors)) continue;
      for (const auto& d : slot->rule_dirs) s->rules_dirs.push_back(d);
      for (const auto& r : slot->rubric_files) s->rubric_files.push_back(r);
    }
    s->configs[i] = slot.get();
  }
  for (auto* list : {&s->rules_dirs, &s->rubric_files}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return errors->size() == before;
}

std::unique_ptr<Engine> BuildEngine(const SetupOptions& o, const LintSetup& setup,
                                    std::vector<std::string>* errors_out) {
  DataStore store;
  for (const auto& d : setup.rules_dirs) store.AddFolder(d);
  std::vector<std::string>& errors = *errors_out;
  const size_t before = errors.size();
  std::vector<RulePack> packs = LoadPacks(store, &errors);
  std::vector<Rubric> rubrics = LoadRubrics(store, setup.rubric_files, &errors);
  RuleSettings settings;
  std::vector<std::string> known;
  for (const auto& p : packs) {
    known.push_back(p.name);
    for (const auto& r : p.rules) known.push_back(r.id);
  }
  for (const std::string& kv : o.rule_levels) {
    size_t eq = kv.find('=');
    std::string key = kv.substr(0, eq), level = eq == std::string::npos ? "" : kv.substr(eq + 1);
    Level parsed;
    if (!ParseLevel(level, &parsed) || parsed == Level::kOn) {
      errors.push_back("--rule " + kv + ": the level must be off, info, warning or error");
    } else if (std::find(known.begin(), known.end(), key) == known.end()) {
      errors.push_back("--rule " + kv + ": unknown rule or pack \"" + key + "\"" +
                       DidYouMeanRule(key, known));
    } else {
      settings.levels[key] = parsed;
    }
  }
  std::unique_ptr<Engine> engine;
  settings.rubric = o.rubric;
  if (!o.rubric.empty() && o.rubric.find('/') != std::string::npos) {
    // A path: load it like an extra rubric file and use it by name.
    std::vector<std::string> one_error;
    std::optional<std::string> text = ReadWholeFile(o.rubric);
    if (!text)
      errors.push_back("--rubric " + o.rubric + ": cannot read file");
    else if (auto r = ParseRubric(o.rubric, *text, store, &errors)) {
      settings.rubric = r->name;
      rubrics.erase(std::remove_if(rubrics.begin(), rubrics.end(),
                                   [&](const Rubric& x) { return x.name == r->name; }),
                    rubrics.end());
      rubrics.push_back(std::move(*r));
    }
  }
  if (errors.size() == before)
    engine = Engine::Build(std::move(packs), std::move(rubrics), settings, &errors);
  if (errors.size() != before || !CheckConfigIds(*engine, setup.loaded, &errors)) return nullptr;
  return engine;
}

void DropIgnored(LintSetup* s, bool force_exclude) {
  size_t kept = 0;  // compacted in place: a copy would double the list of a huge folder
  for (size_t i = 0; i < s->inputs.size(); ++i) {
    const InputFile& in = s->inputs[i];
    bool stdin_input = in.path == "-";
    if ((!in.explicit_arg || (force_exclude && !stdin_input)) && s->configs[i] &&
        IsIgnored(*s->configs[i], in.path))
      continue;
    if (in.explicit_arg && force_exclude && !stdin_input && WalkWouldSkip(in.path)) continue;
    if (kept != i) s->inputs[kept] = std::move(s->inputs[i]);  // never move a string onto itself
    s->configs[kept++] = s->configs[i];
  }
  s->inputs.resize(kept);
  s->configs.resize(kept);
}

}  // namespace reviewlint
