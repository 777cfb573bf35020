#include "rule_pack.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "checks/check.h"
#include "edit_distance.h"
#include "embedded.h"
#include "files.h"
#include "json_schema.h"
#include "predicate.h"
#include "rule_image.h"

namespace reviewlint {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

TermList ParseTerms(const json& v, const std::string& pointer) {
  TermList t;
  t.pointer = pointer;
  if (v.is_array()) {
    t.phrases = StringsOf(v);
    return t;
  }
  if (v.contains("phrases")) t.phrases = StringsOf(v["phrases"]);
  if (v.contains("dictionaries")) t.dictionaries = StringsOf(v["dictionaries"]);
  if (v.contains("patterns")) t.patterns = StringsOf(v["patterns"]);
  if (v.contains("evidence")) t.evidence = StringsOf(v["evidence"]);
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
      if (auto text = ReadWholeFile((dir / (name + ".txt")).string()))
        return ParseDictionary(*text);
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

namespace {

using Fail = std::function<void(const std::string& pointer, const std::string& message)>;

// What a rule's parser needs from its pack.
struct PackContext {
  const std::string& file;
  const std::vector<std::string>& evidence_names;  // built in and the pack's own
  std::vector<std::string>* errors;
  const Fail& fail;
};

bool HasAny(const json& r, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (r.contains(k)) return true;
  return false;
}

// One parser per rule kind: it reads the kind's own keys and rejects the keys of other kinds.
void ParsePhraseRule(const json& r, const std::string& ptr, const PackContext& pc, RuleSpec* spec) {
  spec->trigger = ParseTerms(r, ptr);
  spec->trigger.patterns.clear();
  if (spec->trigger.phrases.empty() && spec->trigger.dictionaries.empty())
    pc.fail(ptr, "a phrase rule needs \"phrases\" or \"dictionaries\"");
  if (HasAny(r, {"pattern", "patterns", "trigger", "requires"}))
    pc.fail(ptr,
            "a phrase rule takes \"phrases\" and \"dictionaries\"; \"pattern\", \"trigger\" and "
            "\"requires\" belong to other kinds");
}

void ParsePatternRule(const json& r, const std::string& ptr, const PackContext& pc,
                      RuleSpec* spec) {
  spec->trigger.pointer = ptr;
  if (r.contains("pattern")) spec->trigger.patterns.push_back(r["pattern"]);
  for (const auto& p : StringsOf(r.value("patterns", json::array())))
    spec->trigger.patterns.push_back(p);
  if (spec->trigger.patterns.empty())
    pc.fail(ptr, "a pattern rule needs \"pattern\" or \"patterns\"");
  if (HasAny(r, {"phrases", "dictionaries", "trigger", "requires"}))
    pc.fail(ptr,
            "a pattern rule takes \"pattern\"; use kind \"phrase\" or \"conditional\" for "
            "phrase lists");
}

void ParseConditionalRule(const json& r, const std::string& ptr, const PackContext& pc,
                          RuleSpec* spec) {
  if (!r.contains("trigger") || !r.contains("requires")) {
    pc.fail(ptr, "a conditional rule needs \"trigger\" and \"requires\"");
    return;
  }
  spec->trigger = ParseTerms(r["trigger"], ptr + "/trigger");
  spec->requires_evidence = StringsOf(r["requires"]);
  if (spec->requires_evidence.empty()) pc.fail(ptr + "/requires", "needs at least 1 item");
  const TermList& t = spec->trigger;
  if (t.phrases.empty() && t.dictionaries.empty() && t.patterns.empty() && t.evidence.empty())
    pc.fail(ptr + "/trigger", "needs \"phrases\", \"dictionaries\", \"patterns\" or \"evidence\"");
  if (HasAny(r, {"phrases", "dictionaries", "pattern"}))
    pc.fail(ptr, "a conditional rule takes its words in \"trigger\"");
}

void ParseDocumentRule(const json& r, const std::string& ptr, const PackContext& pc,
                       RuleSpec* spec) {
  if (!r.contains("check")) {
    pc.fail(ptr, "a document rule needs \"check\"");
    return;
  }
  spec->check = r["check"];
  spec->options = r.value("options", json::object());
  if (!FindCheck(spec->check)) {
    std::vector<std::string> names;
    for (const CheckKind& k : CheckKinds()) names.emplace_back(k.name);
    pc.fail(ptr + "/check",
            "unknown check \"" + spec->check + "\"" + DidYouMean(spec->check, names));
  }
  if (HasAny(r, {"phrases", "dictionaries", "pattern", "trigger"}))
    pc.fail(ptr, "a document rule takes no words; its check reads the whole review");
}

void ParsePredicateRule(const json& r, const std::string& ptr, const PackContext& pc,
                        RuleSpec* spec) {
  if (!r.contains("when")) {
    pc.fail(ptr, "a predicate rule needs \"when\"");
    return;
  }
  spec->when = r["when"];
  const std::vector<std::string>& names = pc.evidence_names;
  auto lookup = [&](const std::string& name) {
    return std::find(names.begin(), names.end(), name) == names.end() ? -1 : 0;
  };
  std::vector<std::string> errs;
  ParsePredicate(spec->when, ptr + "/when", lookup, names, &errs);
  for (const std::string& e : errs) pc.errors->push_back(pc.file + ": " + e);
  if (HasAny(r, {"phrases", "dictionaries", "pattern", "trigger", "requires"}))
    pc.fail(ptr, "a predicate rule takes no words; its \"when\" tests the sentence's features");
}

struct KindSpec {
  std::string_view name;
  RuleKind kind;
  void (*parse)(const json& r, const std::string& ptr, const PackContext&, RuleSpec*);
};

// The table of rule kinds (rules/README.md teaches each; rules/schema.json lists their names).
constexpr KindSpec kKinds[] = {
    {"phrase", RuleKind::kPhrase, &ParsePhraseRule},
    {"pattern", RuleKind::kPattern, &ParsePatternRule},
    {"conditional", RuleKind::kConditional, &ParseConditionalRule},
    {"document", RuleKind::kDocument, &ParseDocumentRule},
    {"predicate", RuleKind::kPredicate, &ParsePredicateRule},
};

const KindSpec* FindKind(const std::string& name) {
  for (const KindSpec& k : kKinds)
    if (k.name == name) return &k;
  return nullptr;
}

// Packs that skip the schema (the embedded ones) meet an unknown kind here.
std::string UnknownKind(const std::string& name) {
  std::vector<std::string> names;
  std::string list;
  for (const KindSpec& k : kKinds) {
    names.emplace_back(k.name);
    list += (list.empty() ? "" : ", ") + std::string(k.name);
  }
  return "unknown rule kind \"" + name + "\"" + DidYouMean(name, names) + "; the kinds are " + list;
}

// The fields every kind shares.
void ParseCommonFields(const json& r, RuleSpec* spec) {
  ParseSeverity(r["severity"].get<std::string>(), &spec->severity);
  spec->message = r["message"];
  spec->why = r["why"];
  spec->instead = r["instead"];
  spec->sources = StringsOf(r.value("sources", json::array()));
  spec->case_sensitive = r.value("case_sensitive", false);
  spec->in_quotes = r.value("in_quotes", false);
  spec->report_sentence = r.value("report", "match") == "sentence";
  spec->sections = r.value("sections", "");
  spec->not_sections = r.value("not_sections", "");
  spec->requires_front_matter = StringsOf(r.value("requires_front_matter", json::array()));
  spec->next_sentence_counts = r.value("next_sentence_counts", false);
}

// Keys that belong to one kind, met on a rule of another.
void RejectOtherKindsKeys(const json& r, const std::string& ptr, const Fail& fail, RuleSpec* spec) {
  if (spec->kind != RuleKind::kPredicate && r.contains("when"))
    fail(ptr, "\"when\" belongs to predicate rules");
  if (spec->kind != RuleKind::kDocument && (r.contains("check") || r.contains("options")))
    fail(ptr, "\"check\" and \"options\" belong to document rules");
  if (r.contains("exact") && spec->kind == RuleKind::kPhrase) spec->trigger.exact = r["exact"];
}

// "unless": the words around a match, or the sentence or front matter, that excuse it.
void ParseGuardrails(const json& u, const std::string& ptr, RuleSpec* spec) {
  if (u.contains("preceded_by"))
    spec->preceded_by = ParseTerms(u["preceded_by"], ptr + "/preceded_by");
  if (u.contains("followed_by"))
    spec->followed_by = ParseTerms(u["followed_by"], ptr + "/followed_by");
  spec->window = u.value("window", 3);
  spec->unless = StringsOf(u.value("sentence_has", json::array()));
  spec->unless_in_front_matter = u.value("in_front_matter", false);
}

// Every name in `names` (at `ptr`/k) must be a known evidence set.
void CheckEvidenceNames(const std::vector<std::string>& names, const std::string& ptr,
                        const std::vector<std::string>& known, const Fail& fail) {
  for (size_t k = 0; k < names.size(); ++k)
    if (std::find(known.begin(), known.end(), names[k]) == known.end())
      fail(ptr + "/" + std::to_string(k),
           "unknown evidence \"" + names[k] + "\"" + DidYouMean(names[k], known));
}

// Scopes, fix and examples.
void ParseWhereFixAndExamples(const json& r, RuleSpec* spec) {
  if (r.contains("scopes")) {
    for (const auto& s : r["scopes"]) spec->scopes.push_back(ParseScope(s));
  } else {
    spec->scopes = {BlockKind::kParagraph, BlockKind::kListItem, BlockKind::kTableCell};
  }
  if (r.contains("fix")) {
    Fix f;
    f.replacement = r["fix"]["replacement"];
    f.safe = r["fix"]["safe"];
    spec->fix = f;
  }
  spec->bad = StringsOf(r["examples"]["bad"]);
  spec->good = StringsOf(r["examples"]["good"]);
}

// One rule of a pack; nullopt when it cannot be parsed at all (errors say why).
std::optional<RuleSpec> ParseRule(const json& r, const std::string& ptr, const RulePack& pack,
                                  const PackContext& pc) {
  RuleSpec spec;
  spec.pack = pack.name;
  spec.name = r["id"];
  spec.id = pack.name + "." + spec.name;
  spec.file = pc.file;
  spec.pointer = ptr;
  const std::string kind_name = r["kind"];
  const KindSpec* kind = FindKind(kind_name);
  if (!kind) {
    pc.fail(ptr + "/kind", UnknownKind(kind_name));
    return std::nullopt;
  }
  spec.kind = kind->kind;
  ParseCommonFields(r, &spec);
  kind->parse(r, ptr, pc, &spec);
  RejectOtherKindsKeys(r, ptr, pc.fail, &spec);
  if (r.contains("unless")) ParseGuardrails(r["unless"], ptr + "/unless", &spec);
  CheckEvidenceNames(spec.unless, ptr + "/unless/sentence_has", pc.evidence_names, pc.fail);
  CheckEvidenceNames(spec.requires_evidence, ptr + "/requires", pc.evidence_names, pc.fail);
  ParseWhereFixAndExamples(r, &spec);
  return spec;
}

// Evidence sets named inside terms must exist in this pack.
void CheckEvidenceRefs(const RulePack& pack, const Fail& fail) {
  std::vector<std::string> own;
  for (const auto& e : pack.evidence) own.push_back(e.name);
  auto check_refs = [&](const TermList& t) {
    CheckEvidenceNames(t.evidence, t.pointer + "/evidence", own, fail);
  };
  for (const auto& r : pack.rules) check_refs(r.trigger);
  for (const auto& e : pack.evidence) check_refs(e.terms);
}

// Resolves every dictionary the pack names, once.
void ResolveDictionaries(const DataStore& store, RulePack* pack, const Fail& fail) {
  std::vector<std::string> known_dictionaries;
  auto resolve = [&](const TermList& t) {
    for (size_t k = 0; k < t.dictionaries.size(); ++k) {
      const std::string& name = t.dictionaries[k];
      if (pack->dictionaries.count(name)) continue;
      if (auto entries = store.Dictionary(name)) {
        pack->dictionaries[name] = std::move(*entries);
      } else {
        if (known_dictionaries.empty()) known_dictionaries = store.DictionaryNames();
        fail(t.pointer + "/dictionaries/" + std::to_string(k),
             "unknown dictionary \"" + name + "\"" + DidYouMean(name, known_dictionaries));
      }
    }
  };
  for (const auto& e : pack->evidence) resolve(e.terms);
  for (const auto& r : pack->rules) {
    resolve(r.trigger);
    resolve(r.preceded_by);
    resolve(r.followed_by);
  }
}

// The pack's JSON, checked against rules/schema.json when `validate`.
bool ReadPackJson(const std::string& file, const std::string& text, bool validate, json* doc,
                  std::vector<std::string>* errors) {
  if (validate) return ParseAndValidate(file, text, PackSchema(), doc, errors);
  if (ImageJsonFile(file, doc)) return true;  // an embedded pack, parsed at build time
  std::string error;
  if (ParseJsonLocated(file, text, doc, &error, /*allow_comments=*/false)) return true;
  errors->push_back(error);
  return false;
}

// The pack's name, description and evidence sets; `evidence_names` gets the built-in ones too.
RulePack ParsePackHeader(const json& doc, const std::string& file,
                         std::vector<std::string>* evidence_names) {
  RulePack pack;
  pack.name = doc["pack"];
  pack.file = file;
  pack.description = doc.value("description", "");
  *evidence_names = kBuiltinEvidence;
  if (doc.contains("evidence")) {
    for (auto it = doc["evidence"].begin(); it != doc["evidence"].end(); ++it) {
      pack.evidence.push_back({it.key(), ParseTerms(it.value(), "/evidence/" + it.key())});
      evidence_names->push_back(it.key());
    }
  }
  return pack;
}

}  // namespace

std::optional<RulePack> ParsePack(const std::string& file, const std::string& text,
                                  const DataStore& store, std::vector<std::string>* errors,
                                  bool validate) {
  json doc;
  if (!ReadPackJson(file, text, validate, &doc, errors)) return std::nullopt;
  size_t before = errors->size();
  Fail fail = [&](const std::string& pointer, const std::string& message) {
    errors->push_back(FormatSchemaError(file, SchemaError{pointer, message}));
  };
  std::vector<std::string> evidence_names;
  RulePack pack = ParsePackHeader(doc, file, &evidence_names);
  PackContext pc{file, evidence_names, errors, fail};
  std::vector<std::string> seen;
  const json& rules = doc["rules"];
  for (size_t i = 0; i < rules.size(); ++i) {
    std::string ptr = "/rules/" + std::to_string(i);
    std::string name = rules[i]["id"];
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      fail(ptr + "/id", "duplicate rule id \"" + name + "\"");
      continue;
    }
    seen.push_back(name);
    if (auto spec = ParseRule(rules[i], ptr, pack, pc)) pack.rules.push_back(std::move(*spec));
  }
  CheckEvidenceRefs(pack, fail);
  ResolveDictionaries(store, &pack, fail);
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
      auto text = ReadWholeFile(p.string());
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
