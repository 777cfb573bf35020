#include "config.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "files.h"
#include "glob.h"
#include "json_schema.h"
#include "rule_pack.h"

namespace reviewlint {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const json& ConfigSchema() {
  static const json schema = json::parse(*DataStore::Embedded("schemas/config.schema.json"));
  return schema;
}

std::string Resolve(const std::string& dir, const std::string& p) {
  fs::path path(p);
  return (path.is_absolute() ? path : fs::path(dir) / path).lexically_normal().string();
}

// Path of `file` relative to `dir`, '/'-separated, or "" when it is outside.
std::string RelativeTo(const std::string& dir, const std::string& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec).lexically_normal();
  fs::path base = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return "";
  return rel.generic_string();
}

// A level the schema has checked: "off" | "on" | "info" | "warning" | "error", or true / false.
Level LevelOf(const json& v) {
  if (v.is_boolean()) return v.get<bool>() ? Level::kOn : Level::kOff;
  Level level = Level::kOn;
  ParseLevel(v.get<std::string>(), &level);
  return level;
}

// The text of the config file at `path`; nullopt when it cannot be read or was met before in
// this chain of "extends" (a cycle).
std::optional<std::string> ReadConfigOnce(const std::string& path, std::vector<std::string>* seen,
                                          std::vector<std::string>* errors) {
  std::error_code ec;
  std::string canonical = fs::weakly_canonical(path, ec).string();
  if (std::find(seen->begin(), seen->end(), canonical) != seen->end()) {
    std::string cycle;
    for (const auto& s : *seen) cycle += s + " -> ";
    errors->push_back(path + ": cyclic \"extends\": " + cycle + canonical);
    return std::nullopt;
  }
  seen->push_back(canonical);
  std::optional<std::string> text = ReadWholeFile(path);
  if (!text || fs::is_directory(path, ec)) {
    std::string why = text ? "it is a folder" : std::strerror(errno);
    errors->push_back(path + ": cannot read config file: " + why);
    return std::nullopt;
  }
  return text;
}

bool LoadOne(const std::string& path, Config* out, std::vector<std::string>* seen,
             std::vector<std::string>* errors) {
  std::error_code ec;
  std::optional<std::string> text = ReadConfigOnce(path, seen, errors);
  if (!text) return false;
  json doc;
  if (!ParseAndValidate(path, *text, ConfigSchema(), &doc, errors, /*allow_comments=*/true))
    return false;
  std::string dir = fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  if (doc.contains("extends")) {
    std::string base = Resolve(dir, doc["extends"]);
    if (!LoadOne(base, out, seen, errors)) {
      errors->push_back(path + ": /extends: could not load \"" + doc["extends"].get<std::string>() +
                        "\"");
      return false;
    }
  }
  out->chain.push_back(path);
  out->path = path;
  out->dir = dir;
  // Packs take the levels rules take; true and false (the first form) mean "on" and "off".
  if (doc.contains("packs"))
    for (auto it = doc["packs"].begin(); it != doc["packs"].end(); ++it) {
      const json& v = it.value();
      out->rules[it.key()] = LevelOf(v);
      out->set_at[it.key()] = "/packs/" + it.key();
    }
  if (doc.contains("rules"))
    for (auto it = doc["rules"].begin(); it != doc["rules"].end(); ++it) {
      out->rules[it.key()] = LevelOf(it.value());
      out->set_at[it.key()] = "/rules/" + it.key();
    }
  if (doc.contains("rubric")) {
    std::string r = doc["rubric"];
    bool is_file =
        r.find('/') != std::string::npos || (r.size() > 5 && r.substr(r.size() - 5) == ".json");
    out->rubric = is_file ? Resolve(dir, r) : r;
    if (out->rubric != r) out->rubric_files.push_back(out->rubric);
  }
  for (const auto& r : doc.value("rubrics", json::array()))
    out->rubric_files.push_back(Resolve(dir, r));
  for (const auto& r : doc.value("rule_dirs", json::array()))
    out->rule_dirs.push_back(Resolve(dir, r));
  for (const auto& a : doc.value("allow", json::array())) out->allow.push_back(a);
  // Globs are relative to the file that names them: rebase them onto the final folder.
  auto rebase = [&](const std::string& g) {
    std::string abs_dir = fs::absolute(dir, ec).lexically_normal().generic_string();
    return std::make_pair(abs_dir, g);
  };
  for (const auto& g : doc.value("ignore", json::array())) {
    auto [d, pattern] = rebase(g);
    out->ignore.push_back(d + "\n" + pattern);
  }
  if (doc.contains("thresholds"))
    for (auto it = doc["thresholds"].begin(); it != doc["thresholds"].end(); ++it)
      out->thresholds[it.key()] = it.value();
  out->report_unused_disables = doc.value("report_unused_disables", out->report_unused_disables);
  for (const auto& o : doc.value("overrides", json::array())) {
    ConfigOverride ov;
    std::string abs_dir = fs::absolute(dir, ec).lexically_normal().generic_string();
    for (const auto& f : o["files"]) ov.files.push_back(abs_dir + "\n" + f.get<std::string>());
    if (o.contains("rules"))
      for (auto it = o["rules"].begin(); it != o["rules"].end(); ++it)
        ov.rules[it.key()] = LevelOf(it.value());
    ov.rubric = o.value("rubric", "");
    out->overrides.push_back(std::move(ov));
  }
  return true;
}

// Globs are stored as "folder\npattern".
bool GlobMatches(const std::string& stored, const std::string& file) {
  size_t nl = stored.find('\n');
  std::string rel = RelativeTo(stored.substr(0, nl), file);
  return !rel.empty() && GlobMatch(stored.substr(nl + 1), rel);
}

}  // namespace

bool LoadConfig(const std::string& path, Config* out, std::vector<std::string>* errors) {
  std::vector<std::string> seen;
  size_t before = errors->size();
  LoadOne(path, out, &seen, errors);
  return errors->size() == before;
}

std::string FindConfig(const std::string& file) {
  std::error_code ec;
  fs::path p = fs::absolute(file == "-" ? "." : file, ec).lexically_normal();
  if (!fs::is_directory(p, ec)) p = p.parent_path();
  for (; !p.empty(); p = p.parent_path()) {
    fs::path candidate = p / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(p / ".git", ec) || p == p.root_path()) break;
  }
  return "";
}

FilePolicy PolicyFor(const Config& config, const std::string& file) {
  FilePolicy p;
  p.levels = config.rules;
  p.rubric = config.rubric;
  p.allow = config.allow;
  p.thresholds = config.thresholds;
  p.report_unused_disables = config.report_unused_disables;
  for (const ConfigOverride& o : config.overrides) {
    bool match = false;
    for (const std::string& g : o.files) match = match || GlobMatches(g, file);
    if (!match) continue;
    for (const auto& [k, v] : o.rules) p.levels[k] = v;
    if (!o.rubric.empty()) p.rubric = o.rubric;
  }
  return p;
}

bool IsIgnored(const Config& config, const std::string& file) {
  for (const std::string& g : config.ignore)
    if (GlobMatches(g, file)) return true;
  return false;
}

nlohmann::ordered_json DescribePolicy(const Config& config, const FilePolicy& policy) {
  nlohmann::ordered_json j;
  j["config_files"] = config.chain;
  j["rules"] = nlohmann::ordered_json::object();
  for (const auto& [id, level] : policy.levels) j["rules"][id] = LevelName(level);
  j["rubric"] = policy.rubric.empty() ? "(front matter, else backend-developer)" : policy.rubric;
  j["rubric_files"] = config.rubric_files;
  j["rule_dirs"] = config.rule_dirs;
  j["allow"] = policy.allow;
  j["thresholds"] = policy.thresholds;
  j["report_unused_disables"] = policy.report_unused_disables;
  std::vector<std::string> ignore;
  for (const auto& g : config.ignore) ignore.push_back(g.substr(g.find('\n') + 1));
  j["ignore"] = ignore;
  return j;
}

std::string StarterConfig() {
  return R"({
  // reviewlint configuration. JSON with comments; the schema lets editors complete and check it.
  "$schema": "https://raw.githubusercontent.com/reviewlint/reviewlint/main/schemas/config.schema.json",

  // Set a pack or a rule to "off", "on", "info", "warning" or "error".
  // `reviewlint --list-rules` lists them.
  "packs": {"pip": "on"},
  "rules": {
    "vagueness.hedge": "info"
  },

  // The rubric for drafts that do not name one in front matter (rubric: ...).
  "rubric": "backend-developer",

  // Words or phrases never flagged, such as product names.
  "allow": [],

  // Files not to lint, relative to this file.
  "ignore": ["archive/**"],

  // Different rules for some files.
  "overrides": [
    {"files": ["self-reviews/**"], "rules": {"balance.missing-positive": "off"}}
  ]
}
)";
}

}  // namespace reviewlint
