// Rule packs: rules/<pack>.json parsed into RuleSpecs, validated against rules/schema.json, with
// every error naming the file and the JSON pointer. rules/README.md teaches the format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.h"
#include "markup/markup.h"

namespace reviewlint {

/// Words and phrases (from an inline list and named dictionaries) and/or RE2 patterns.
struct TermList {
  std::vector<std::string> phrases;
  std::vector<std::string> dictionaries;  // "en/stock-praise" → dictionaries/en/stock-praise.txt
  std::vector<std::string> patterns;
  std::vector<std::string> evidence;  // the pack's evidence sets whose terms are included too
  bool exact = false;                 // match spellings, not stems
  std::string pointer;                // JSON pointer of the object that holds them
};

enum class RuleKind { kPhrase, kPattern, kConditional, kDocument, kPredicate };

struct RuleSpec {
  std::string pack;
  std::string name;  // "generic-praise"
  std::string id;    // "vagueness.generic-praise"
  RuleKind kind = RuleKind::kPhrase;
  Severity severity = Severity::kWarning;
  std::string message;  // may hold {match}
  std::string why;
  std::string instead;
  std::vector<std::string> sources;
  TermList trigger;
  bool case_sensitive = false;
  // Guardrails: the match is ignored when ...
  TermList preceded_by;  // ... one of these ends within `window` words before it
  TermList followed_by;  // ... one of these starts within `window` words after it
  int window = 3;
  std::vector<std::string> unless;  // ... the sentence has one of these evidence kinds
  // Conditional rules: the trigger fires only when none of these evidence kinds is present.
  std::vector<std::string> requires_evidence;
  bool next_sentence_counts = false;  // evidence in the next sentence of the scope counts too
  std::vector<BlockKind> scopes;      // where the rule looks (default: all but headings)
  bool in_quotes = false;             // also match inside quotation marks
  bool report_sentence = false;       // the finding covers the whole sentence, not the match
  std::string sections;               // RE2: only in sections whose heading (or a parent's) matches
  std::string not_sections;  // RE2: never in sections whose heading (or a parent's) matches
  bool unless_in_front_matter = false;  // ignore a match that appears in a front-matter value
  std::vector<std::string>
      requires_front_matter;  // only when the front matter has one of these keys
  std::optional<Fix> fix;     // span unused; replacement may hold {match}
  nlohmann::json when;        // predicate rules: the test over sentence features (predicate.h)
  std::string check;          // document rules: the check to run (src/checks/checks.cc)
  nlohmann::json options = nlohmann::json::object();  // document rules: its options
  std::vector<std::string> bad, good;                 // examples: must fire, must not fire
  std::string file, pointer;
};

/// A named kind of evidence a rule can require or be silenced by ("specific-detail").
struct EvidenceSpec {
  std::string name;
  TermList terms;
};

struct RulePack {
  std::string name;
  std::string file;  // as shown in messages: "rules/vagueness.json"
  std::string description;
  std::vector<EvidenceSpec> evidence;
  std::vector<RuleSpec> rules;
  std::map<std::string, std::vector<std::string>> dictionaries;  // name → entries, resolved
};

/// Where packs and dictionaries come from: the copies embedded in the binary, and folders.
class DataStore {
 public:
  /// Adds a folder that holds `<pack>.json` files and a `dictionaries/` folder (or whose parent
  /// does). Its files shadow embedded ones of the same name.
  void AddFolder(const std::string& folder);
  /// The embedded default packs' names, sorted.
  static std::vector<std::string> EmbeddedPackFiles();
  /// Embedded files directly in `folder` ("rules/rubrics/") ending in `suffix`, sorted.
  static std::vector<std::string> EmbeddedFiles(const std::string& folder,
                                                const std::string& suffix);
  /// Text of an embedded file ("rules/schema.json"), or nullopt.
  static std::optional<std::string> Embedded(const std::string& path);
  /// Entries of dictionary `name`, looked up in the folders first, then the embedded ones.
  std::optional<std::vector<std::string>> Dictionary(const std::string& name) const;
  /// Names of all known dictionaries (for "did you mean").
  std::vector<std::string> DictionaryNames() const;
  const std::vector<std::string>& folders() const { return folders_; }

 private:
  std::vector<std::string> folders_;
};

/// Parses one dictionary file: one entry per line, `#` starts a comment, blank lines ignored.
std::vector<std::string> ParseDictionary(const std::string& text);

/// Parses and validates a pack. On failure returns nullopt and appends located messages to
/// `errors`. `validate` false skips the schema check, for the embedded packs, which the test
/// suite validates (EmbeddedPacksMatchTheSchema): it saves start-up time on every run.
std::optional<RulePack> ParsePack(const std::string& file, const std::string& text,
                                  const DataStore& store, std::vector<std::string>* errors,
                                  bool validate = true);

/// Loads the embedded default packs, then the `*.json` packs of each folder of `store`.
std::vector<RulePack> LoadPacks(const DataStore& store, std::vector<std::string>* errors);

}  // namespace reviewlint
