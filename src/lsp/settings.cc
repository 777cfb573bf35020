#include "settings.h"

#include <filesystem>

namespace reviewlint::lsp {

using nlohmann::json;
namespace fs = std::filesystem;

ClientSettings ParseClientSettings(const json& settings, std::vector<std::string>* warnings) {
  ClientSettings out;
  if (settings.is_null()) return out;
  const json* s = &settings;
  if (s->is_object() && s->contains("reviewlint")) s = &(*s)["reviewlint"];
  if (s->is_null()) return out;
  if (!s->is_object()) {
    warnings->push_back("settings: expected an object, got " + s->dump());
    return out;
  }
  if (auto it = s->find("rules"); it != s->end() && !it->is_null()) {
    if (!it->is_object()) {
      warnings->push_back("settings: \"rules\" must be an object of rule id → level");
    } else {
      for (const auto& [key, level] : it->items()) {
        Level parsed;
        if (!level.is_string() || !ParseLevel(level.get<std::string>(), &parsed) ||
            parsed == Level::kOn) {
          warnings->push_back("settings: rules." + key + ": the level must be off, info, " +
                              "warning or error, not " + level.dump());
          continue;
        }
        out.rules[key] = parsed;
      }
    }
  }
  if (auto it = s->find("rubric"); it != s->end() && !it->is_null()) {
    if (it->is_string())
      out.rubric = it->get<std::string>();
    else
      warnings->push_back("settings: \"rubric\" must be a string");
  }
  if (auto it = s->find("rulesDirs"); it != s->end() && !it->is_null()) {
    bool ok = it->is_array();
    if (ok)
      for (const json& d : *it) ok = ok && d.is_string();
    if (ok)
      out.rules_dirs = it->get<std::vector<std::string>>();
    else
      warnings->push_back("settings: \"rulesDirs\" must be a list of folders");
  }
  return out;
}

std::string SettingsResolver::Stamp(const std::string& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) return "missing";
  auto time = fs::last_write_time(file, ec);
  return std::to_string(size) + ":" + std::to_string(time.time_since_epoch().count());
}

DocumentSettings SettingsResolver::For(const std::string& path, const ClientSettings& client) {
  DocumentSettings out;
  out.rules.levels = client.rules;
  out.rules.rubric = client.rubric;
  out.rules_dirs = client.rules_dirs;

  // Only documents that are files have a config; looked up on every lint (a few stat calls),
  // so a config created, edited or deleted on disk applies from the next lint on.
  std::string config_path = fs::path(path).is_absolute() ? FindConfig(path) : "";
  if (!config_path.empty()) {
    Loaded& loaded = configs_[config_path];
    bool fresh = loaded.config || !loaded.errors.empty();
    for (const auto& [file, stamp] : loaded.stamps) fresh = fresh && Stamp(file) == stamp;
    if (!fresh) {
      auto config = std::make_shared<Config>();
      loaded.errors.clear();
      loaded.config.reset();
      if (LoadConfig(config_path, config.get(), &loaded.errors)) loaded.config = config;
      loaded.stamps.clear();
      std::vector<std::string> files = config->chain;
      if (files.empty()) files.push_back(config_path);
      for (const std::string& f : files) loaded.stamps.emplace_back(f, Stamp(f));
    }
    out.errors = loaded.errors;
    out.config = loaded.config;
  }
  if (out.config) {
    out.policy = PolicyFor(*out.config, path);
    out.ignored = IsIgnored(*out.config, path);
    for (const std::string& d : out.config->rule_dirs) out.rules_dirs.push_back(d);
    out.rubric_files = out.config->rubric_files;
  }
  json key = {{"levels", out.rules.levels},
              {"rubric", out.rules.rubric},
              {"dirs", out.rules_dirs},
              {"rubrics", out.rubric_files}};
  out.engine_key = key.dump();
  return out;
}

}  // namespace reviewlint::lsp
