#include "rubric.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "edit_distance.h"
#include "files.h"
#include "json_schema.h"
#include "rule_image.h"

namespace reviewlint {
using nlohmann::json;

namespace {

const json& RubricSchema() {
  static const json schema = json::parse(*DataStore::Embedded("rules/rubrics/schema.json"));
  return schema;
}

}  // namespace

std::optional<Rubric> ParseRubric(const std::string& file, const std::string& text,
                                  const DataStore& store, std::vector<std::string>* errors,
                                  bool embedded) {
  json doc;
  if (!(embedded && ImageJsonFile(file, &doc)) &&
      !ParseAndValidate(file, text, RubricSchema(), &doc, errors))
    return std::nullopt;
  size_t before = errors->size();
  Rubric r;
  r.name = doc["rubric"];
  r.title = doc["title"];
  r.file = file;
  if (doc.contains("thresholds")) {
    r.error_at = doc["thresholds"].value("error", r.error_at);
    r.warning_at = doc["thresholds"].value("warning", r.warning_at);
  }
  std::vector<std::string> ids;
  const json& cats = doc["categories"];
  for (size_t i = 0; i < cats.size(); ++i) {
    const json& c = cats[i];
    std::string ptr = "/categories/" + std::to_string(i);
    RubricCategory cat;
    cat.id = c["id"];
    cat.name = c["name"];
    cat.weight = c["weight"];
    cat.description = c["description"];
    cat.headings = StringsOf(c.value("headings", json::array()));
    cat.headings.push_back(cat.name);
    const json& ev = c["evidence"];
    cat.evidence.pointer = ptr + "/evidence";
    cat.evidence.phrases = StringsOf(ev.value("phrases", json::array()));
    cat.evidence.dictionaries = StringsOf(ev.value("dictionaries", json::array()));
    cat.evidence.patterns = StringsOf(ev.value("patterns", json::array()));
    cat.evidence.exact = ev.value("exact", false);
    if (std::find(ids.begin(), ids.end(), cat.id) != ids.end())
      errors->push_back(
          FormatSchemaError(file, {ptr + "/id", "duplicate category id \"" + cat.id + "\""}));
    ids.push_back(cat.id);
    if (cat.evidence.phrases.empty() && cat.evidence.dictionaries.empty() &&
        cat.evidence.patterns.empty())
      errors->push_back(FormatSchemaError(
          file, {ptr + "/evidence", "needs \"phrases\", \"dictionaries\" or \"patterns\""}));
    for (size_t k = 0; k < cat.evidence.dictionaries.size(); ++k) {
      const std::string& name = cat.evidence.dictionaries[k];
      if (r.dictionaries.count(name)) continue;
      if (auto entries = store.Dictionary(name))
        r.dictionaries[name] = std::move(*entries);
      else
        errors->push_back(FormatSchemaError(
            file,
            {ptr + "/evidence/dictionaries/" + std::to_string(k),
             "unknown dictionary \"" + name + "\"" + DidYouMean(name, store.DictionaryNames())}));
    }
    r.categories.push_back(std::move(cat));
  }
  if (errors->size() > before) return std::nullopt;
  return r;
}

std::vector<Rubric> LoadRubrics(const DataStore& store, const std::vector<std::string>& extra,
                                std::vector<std::string>* errors) {
  std::vector<Rubric> out;
  auto add = [&](Rubric r) {
    for (Rubric& existing : out)
      if (existing.name == r.name) {
        existing = std::move(r);
        return;
      }
    out.push_back(std::move(r));
  };
  std::vector<std::string> embedded;
  for (const std::string& p : DataStore::EmbeddedFiles("rules/rubrics/", ".json"))
    if (p != "rules/rubrics/schema.json") embedded.push_back(p);
  for (const std::string& p : embedded)
    if (auto r = ParseRubric(p, *DataStore::Embedded(p), store, errors, /*embedded=*/true))
      add(std::move(*r));
  for (const std::string& path : extra) {
    std::optional<std::string> text = ReadWholeFile(path);
    if (!text) {
      errors->push_back(path + ": cannot read rubric file");
      continue;
    }
    if (auto r = ParseRubric(path, *text, store, errors)) add(std::move(*r));
  }
  return out;
}

}  // namespace reviewlint
