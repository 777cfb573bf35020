#include "rule_pack.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checks/check.h"
#include "edit_distance.h"
#include "embedded.h"
#include "json_schema.h"
#include "predicate.h"

namespace reviewlint {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::optional<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Strings(const json& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& x : v) out.push_back(x.get<std::string>());
  return out;
}

TermList ParseTerms(const json& v, const std::string& pointer) {
  TermList t;
  t.pointer = pointer;
  if (v.is_array()) {
    t.phrases = Strings(v);
    return t;
  }
  if (v.contains("phrases")) t.phrases = Strings(v["phrases"]);
  if (v.contains("dictionaries")) t.dictionaries = Strings(v["dictionaries"]);
  if (v.contains("patterns")) t.patterns = Strings(v["patterns"]);
  if (v.contains("evidence")) t.evidence = Strings(v["evidence"]);
  t.exact = v.value("exact", false);
  return t;
}

BlockKind ParseScope(const std::string& s) {
  if (s == "heading") return BlockKind::kHeading;
  if (s == "list-item") return BlockKind::kListItem;
  if (s == "table-cell") return BlockKind::kTableCell;
  return BlockKind::kParagraph;
}

const json& PackSchema() {
  static const json schema = json::parse(*DataStore::Embedded("rules/schema.json"));
  return schema;
}

const std::vector<std::string> kBuiltinEvidence = {"quantity", "number", "date"};

}  // namespace

void DataStore::AddFolder(const std::string& folder) { folders_.push_back(folder); }

std::vector<std::string> DataStore::EmbeddedFiles(const std::string& folder,
                                                  const std::string& suffix) {
  std::vector<std::string> out;
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    std::string p = kEmbeddedFiles[i].path;
    if (p.rfind(folder, 0) == 0 && p.find('/', folder.size()) == std::string::npos &&
        p.size() > folder.size() + suffix.size() &&
        p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> DataStore::EmbeddedPackFiles() {
  std::vector<std::string> out;
  for (const std::string& p : EmbeddedFiles("rules/", ".json"))
    if (p != "rules/schema.json") out.push_back(p);
  return out;
}

std::optional<std::string> DataStore::Embedded(const std::string& path) {
  for (size_t i = 0; i < kEmbeddedFileCount; ++i)
    if (path == kEmbeddedFiles[i].path)
      return std::string(kEmbeddedFiles[i].data, kEmbeddedFiles[i].size);
  return std::nullopt;
}

std::optional<std::vector<std::string>> DataStore::Dictionary(const std::string& name) const {
  for (auto it = folders_.rbegin(); it != folders_.rend(); ++it) {
    for (const fs::path& dir :
         {fs::path(*it) / "dictionaries", fs::path(*it).parent_path() / "dictionaries"}) {
      if (auto text = ReadFile(dir / (name + ".txt"))) return ParseDictionary(*text);
    }
  }
  if (auto text = Embedded("dictionaries/" + name + ".txt")) return ParseDictionary(*text);
  return std::nullopt;
}

std::vector<std::string> DataStore::DictionaryNames() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    std::string p = kEmbeddedFiles[i].path;
    if (p.rfind("dictionaries/", 0) == 0 && p.size() > 4 && p.compare(p.size() - 4, 4, ".txt") == 0)
      out.push_back(p.substr(13, p.size() - 17));
  }
  for (const std::string& f : folders_) {
    for (const fs::path& dir :
         {fs::path(f) / "dictionaries", fs::path(f).parent_path() / "dictionaries"}) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) continue;
      for (auto it = fs::recursive_directory_iterator(dir, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".txt")
          out.push_back(fs::relative(it->path(), dir, ec).replace_extension("").generic_string());
      }
    }
  }
  return out;
}

std::vector<std::string> ParseDictionary(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    size_t e = line.find_last_not_of(" \t\r");
    out.push_back(line.substr(b, e - b + 1));
  }
  return out;
}

std::optional<RulePack> ParsePack(const std::string& file, const std::string& text,
                                  const DataStore& store, std::vector<std::string>* errors,
                                  bool validate) {
  json doc;
  if (validate) {
    if (!ParseAndValidate(file, text, PackSchema(), &doc, errors)) return std::nullopt;
  } else {
    std::string error;
    if (!ParseJsonLocated(file, text, &doc, &error, /*allow_comments=*/false)) {
      errors->push_back(error);
      return std::nullopt;
    }
  }
  size_t before = errors->size();
  auto fail = [&](const std::string& pointer, const std::string& message) {
    errors->push_back(FormatSchemaError(file, SchemaError{pointer, message}));
  };

  RulePack pack;
  pack.name = doc["pack"];
  pack.file = file;
  pack.description = doc.value("description", "");
  std::vector<std::string> evidence_names = kBuiltinEvidence;
  if (doc.contains("evidence")) {
    for (auto it = doc["evidence"].begin(); it != doc["evidence"].end(); ++it) {
      pack.evidence.push_back({it.key(), ParseTerms(it.value(), "/evidence/" + it.key())});
      evidence_names.push_back(it.key());
    }
  }

  std::vector<std::string> seen;
  const json& rules = doc["rules"];
  for (size_t i = 0; i < rules.size(); ++i) {
    const json& r = rules[i];
    std::string ptr = "/rules/" + std::to_string(i);
    RuleSpec spec;
    spec.pack = pack.name;
    spec.name = r["id"];
    spec.id = pack.name + "." + spec.name;
    spec.file = file;
    spec.pointer = ptr;
    if (std::find(seen.begin(), seen.end(), spec.name) != seen.end()) {
      fail(ptr + "/id", "duplicate rule id \"" + spec.name + "\"");
      continue;
    }
    seen.push_back(spec.name);
    std::string kind = r["kind"];
    spec.kind = kind == "pattern"       ? RuleKind::kPattern
                : kind == "conditional" ? RuleKind::kConditional
                : kind == "document"    ? RuleKind::kDocument
                : kind == "predicate"   ? RuleKind::kPredicate
                                        : RuleKind::kPhrase;
    ParseSeverity(r["severity"].get<std::string>(), &spec.severity);
    spec.message = r["message"];
    spec.why = r["why"];
    spec.instead = r["instead"];
    spec.sources = Strings(r.value("sources", json::array()));
    spec.case_sensitive = r.value("case_sensitive", false);
    spec.in_quotes = r.value("in_quotes", false);
    spec.report_sentence = r.value("report", "match") == "sentence";
    spec.sections = r.value("sections", "");
    spec.not_sections = r.value("not_sections", "");
    spec.requires_front_matter = Strings(r.value("requires_front_matter", json::array()));
    spec.next_sentence_counts = r.value("next_sentence_counts", false);

    switch (spec.kind) {
      case RuleKind::kPhrase:
        spec.trigger = ParseTerms(r, ptr);
        spec.trigger.patterns.clear();
        if (spec.trigger.phrases.empty() && spec.trigger.dictionaries.empty())
          fail(ptr, "a phrase rule needs \"phrases\" or \"dictionaries\"");
        if (r.contains("pattern") || r.contains("patterns") || r.contains("trigger") ||
            r.contains("requires"))
          fail(ptr,
               "a phrase rule takes \"phrases\" and \"dictionaries\"; \"pattern\", \"trigger\" and "
               "\"requires\" belong to other kinds");
        break;
      case RuleKind::kPattern:
        spec.trigger.pointer = ptr;
        if (r.contains("pattern")) spec.trigger.patterns.push_back(r["pattern"]);
        for (const auto& p : Strings(r.value("patterns", json::array())))
          spec.trigger.patterns.push_back(p);
        if (spec.trigger.patterns.empty())
          fail(ptr, "a pattern rule needs \"pattern\" or \"patterns\"");
        if (r.contains("phrases") || r.contains("dictionaries") || r.contains("trigger") ||
            r.contains("requires"))
          fail(ptr,
               "a pattern rule takes \"pattern\"; use kind \"phrase\" or \"conditional\" for "
               "phrase lists");
        break;
      case RuleKind::kConditional:
        if (!r.contains("trigger") || !r.contains("requires")) {
          fail(ptr, "a conditional rule needs \"trigger\" and \"requires\"");
          break;
        }
        spec.trigger = ParseTerms(r["trigger"], ptr + "/trigger");
        spec.requires_evidence = Strings(r["requires"]);
        if (spec.requires_evidence.empty()) fail(ptr + "/requires", "needs at least 1 item");
        if (spec.trigger.phrases.empty() && spec.trigger.dictionaries.empty() &&
            spec.trigger.patterns.empty() && spec.trigger.evidence.empty())
          fail(ptr + "/trigger",
               "needs \"phrases\", \"dictionaries\", \"patterns\" or \"evidence\"");
        if (r.contains("phrases") || r.contains("dictionaries") || r.contains("pattern"))
          fail(ptr, "a conditional rule takes its words in \"trigger\"");
        break;
      case RuleKind::kDocument: {
        if (!r.contains("check")) {
          fail(ptr, "a document rule needs \"check\"");
          break;
        }
        spec.check = r["check"];
        spec.options = r.value("options", json::object());
        if (!FindCheck(spec.check)) {
          std::vector<std::string> names;
          for (const CheckKind& k : CheckKinds()) names.emplace_back(k.name);
          fail(ptr + "/check",
               "unknown check \"" + spec.check + "\"" + DidYouMean(spec.check, names));
        }
        if (r.contains("phrases") || r.contains("dictionaries") || r.contains("pattern") ||
            r.contains("trigger"))
          fail(ptr, "a document rule takes no words; its check reads the whole review");
        break;
      }
      case RuleKind::kPredicate: {
        if (!r.contains("when")) {
          fail(ptr, "a predicate rule needs \"when\"");
          break;
        }
        spec.when = r["when"];
        std::vector<std::string> errs;
        auto lookup = [&](const std::string& name) {
          return std::find(evidence_names.begin(), evidence_names.end(), name) ==
                         evidence_names.end()
                     ? -1
                     : 0;
        };
        ParsePredicate(spec.when, ptr + "/when", lookup, evidence_names, &errs);
        for (const std::string& e : errs) errors->push_back(file + ": " + e);
        if (r.contains("phrases") || r.contains("dictionaries") || r.contains("pattern") ||
            r.contains("trigger") || r.contains("requires"))
          fail(ptr, "a predicate rule takes no words; its \"when\" tests the sentence's features");
        break;
      }
    }
    if (spec.kind != RuleKind::kPredicate && r.contains("when"))
      fail(ptr, "\"when\" belongs to predicate rules");
    if (spec.kind != RuleKind::kDocument && (r.contains("check") || r.contains("options")))
      fail(ptr, "\"check\" and \"options\" belong to document rules");
    if (r.contains("exact") && spec.kind == RuleKind::kPhrase) spec.trigger.exact = r["exact"];

    if (r.contains("unless")) {
      const json& u = r["unless"];
      if (u.contains("preceded_by"))
        spec.preceded_by = ParseTerms(u["preceded_by"], ptr + "/unless/preceded_by");
      if (u.contains("followed_by"))
        spec.followed_by = ParseTerms(u["followed_by"], ptr + "/unless/followed_by");
      spec.window = u.value("window", 3);
      spec.unless = Strings(u.value("sentence_has", json::array()));
      spec.unless_in_front_matter = u.value("in_front_matter", false);
    }
    for (size_t k = 0; k < spec.unless.size(); ++k)
      if (std::find(evidence_names.begin(), evidence_names.end(), spec.unless[k]) ==
          evidence_names.end())
        fail(ptr + "/unless/sentence_has/" + std::to_string(k),
             "unknown evidence \"" + spec.unless[k] + "\"" +
                 DidYouMean(spec.unless[k], evidence_names));
    for (size_t k = 0; k < spec.requires_evidence.size(); ++k)
      if (std::find(evidence_names.begin(), evidence_names.end(), spec.requires_evidence[k]) ==
          evidence_names.end())
        fail(ptr + "/requires/" + std::to_string(k),
             "unknown evidence \"" + spec.requires_evidence[k] + "\"" +
                 DidYouMean(spec.requires_evidence[k], evidence_names));

    if (r.contains("scopes")) {
      for (const auto& s : r["scopes"]) spec.scopes.push_back(ParseScope(s));
    } else {
      spec.scopes = {BlockKind::kParagraph, BlockKind::kListItem, BlockKind::kTableCell};
    }
    if (r.contains("fix")) {
      Fix f;
      f.replacement = r["fix"]["replacement"];
      f.safe = r["fix"]["safe"];
      spec.fix = f;
    }
    spec.bad = Strings(r["examples"]["bad"]);
    spec.good = Strings(r["examples"]["good"]);
    pack.rules.push_back(std::move(spec));
  }

  // Evidence sets named inside terms must exist in this pack.
  auto check_refs = [&](const TermList& t) {
    std::vector<std::string> own;
    for (const auto& e : pack.evidence) own.push_back(e.name);
    for (size_t k = 0; k < t.evidence.size(); ++k)
      if (std::find(own.begin(), own.end(), t.evidence[k]) == own.end())
        fail(t.pointer + "/evidence/" + std::to_string(k),
             "unknown evidence \"" + t.evidence[k] + "\"" + DidYouMean(t.evidence[k], own));
  };
  for (const auto& r : pack.rules) check_refs(r.trigger);
  for (const auto& e : pack.evidence) check_refs(e.terms);

  // Resolve every dictionary the pack names, once.
  std::vector<std::string> known_dictionaries;
  auto resolve = [&](const TermList& t) {
    for (size_t k = 0; k < t.dictionaries.size(); ++k) {
      const std::string& name = t.dictionaries[k];
      if (pack.dictionaries.count(name)) continue;
      if (auto entries = store.Dictionary(name)) {
        pack.dictionaries[name] = std::move(*entries);
      } else {
        if (known_dictionaries.empty()) known_dictionaries = store.DictionaryNames();
        fail(t.pointer + "/dictionaries/" + std::to_string(k),
             "unknown dictionary \"" + name + "\"" + DidYouMean(name, known_dictionaries));
      }
    }
  };
  for (const auto& e : pack.evidence) resolve(e.terms);
  for (const auto& r : pack.rules) {
    resolve(r.trigger);
    resolve(r.preceded_by);
    resolve(r.followed_by);
  }
  if (errors->size() > before) return std::nullopt;
  return pack;
}

std::vector<RulePack> LoadPacks(const DataStore& store, std::vector<std::string>* errors) {
  struct PackFile {
    std::string shown;  // the name errors use
    std::string text;
    bool embedded;
  };
  std::map<std::string, PackFile> files;  // by file name: a folder's pack replaces an embedded one
  for (const std::string& p : DataStore::EmbeddedPackFiles())
    files[fs::path(p).filename().string()] = {p, *DataStore::Embedded(p), true};
  for (const std::string& folder : store.folders()) {
    std::error_code ec;
    std::vector<fs::path> found;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
      if (it->path().extension() == ".json" && it->path().filename() != "schema.json")
        found.push_back(it->path());
    if (ec) {
      errors->push_back(folder + ": cannot read rule folder: " + ec.message());
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& p : found) {
      auto text = ReadFile(p);
      if (!text) {
        errors->push_back(p.string() + ": cannot read file");
        continue;
      }
      files[p.filename().string()] = {p.string(), *text, false};
    }
  }
  std::vector<RulePack> packs;
  for (const auto& [name, entry] : files) {
    if (auto pack = ParsePack(entry.shown, entry.text, store, errors, !entry.embedded))
      packs.push_back(std::move(*pack));
  }
  // Two files may not declare the same pack.
  for (size_t i = 0; i < packs.size(); ++i)
    for (size_t j = i + 1; j < packs.size(); ++j)
      if (packs[i].name == packs[j].name)
        errors->push_back(packs[j].file + ": /pack: pack \"" + packs[j].name +
                          "\" is already defined in " + packs[i].file);
  return packs;
}

}  // namespace reviewlint
