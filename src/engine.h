// Engine: builds every check once from the rule packs, then lints documents. Rule selection and
// severity overrides are applied here, once, so emitters and the CLI see final diagnostics.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config.h"
#include "diagnostic.h"
#include "document.h"
#include "sentence_features.h"
#include "matcher.h"
#include "predicate.h"
#include "rubric.h"
#include "rule_pack.h"
#include "scorecard.h"
#include "tokenizer.h"
#include "word_classes.h"

namespace reviewlint {

class Engine;

/// Per-thread state: ICU iterators and the word-key cache. Create one per worker thread.
class Workspace {
 public:
  explicit Workspace(const Engine& engine);
  Segmenter segmenter;
  WordKeyer keyer;
  std::vector<Hit> hits;
  std::vector<int> scratch;
  DocumentFeatures features;
};

/// Which rules run and how severe they are: "off" or a severity, by rule id or pack name.
/// A rule id setting beats its pack's.
struct RuleSettings {
  std::map<std::string, std::string> levels;
  std::string rubric;  // use this rubric for every draft (--rubric), else:
  std::string
      default_rubric;  // the draft's front matter `rubric:`, else this (else backend-developer)
  bool Enabled(const RuleSpec& r) const;
  Severity SeverityOf(const RuleSpec& r) const;
  bool HasLevel(const RuleSpec& r) const;  // the user set a level for this rule or its pack
};

/// What linting one draft produced.
struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted; span findings first, then document findings
  Scorecard scorecard;
  std::string error;  // a problem that makes the result incomplete (an unknown rubric), or ""
};

class Engine {
 public:
  /// Builds the engine; on failure returns nullptr and appends located errors.
  static std::unique_ptr<Engine> Build(std::vector<RulePack> packs, std::vector<Rubric> rubrics,
                                       const RuleSettings& settings,
                                       std::vector<std::string>* errors);

  /// Parses and lints one file. `policy` (from the file's .reviewlint.json) sets rule levels,
  /// the rubric, the allow list and thresholds for this file; --rule settings still win.
  LintResult Lint(const SourceFile& source, const Markup& markup, Workspace& ws,
                  const FilePolicy* policy = nullptr) const;
  /// Lints an already built document.
  LintResult Lint(const Document& doc, Workspace& ws, const FilePolicy* policy = nullptr) const;
  /// Every rule id and pack name, for suppression comments and "did you mean".
  const std::vector<std::string>& known_ids() const { return known_ids_; }
  Document Parse(const SourceFile& source, const Markup& markup, Workspace& ws) const;

  const std::vector<RulePack>& packs() const { return packs_; }
  /// All rules of all packs, enabled or not, in pack order.
  const std::vector<const RuleSpec*>& rules() const { return rules_; }
  const RuleSpec* FindRule(const std::string& id) const;
  bool enabled(size_t rule) const { return enabled_[rule]; }
  const Lexicon& lexicon() const { return matcher_.lexicon(); }
  const WordClasses& word_classes() const { return word_classes_; }
  const std::vector<Rubric>& rubrics() const { return rubrics_; }
  /// A rubric by name or by the file it was loaded from, or nullptr.
  const Rubric* FindRubric(const std::string& name) const;
  std::string RubricNames() const;
  /// Index of a pack's evidence set, or -1.
  int EvidenceIndex(const std::string& pack, const std::string& name) const;

 private:
  Engine() = default;
  bool Compile(const RuleSettings& settings, std::vector<std::string>* errors);
  std::vector<Diagnostic> SpanFindings(const Document& doc, Workspace& ws,
                                       std::vector<uint8_t>* evidence) const;
  bool LooksHere(uint32_t rule, const Document& doc, const Block& block) const;
  bool AboutEngineering(const Document& doc) const;
  void PredicateFindings(const Document& doc, Workspace& ws, const std::vector<uint8_t>& evidence,
                         std::vector<Diagnostic>* at_cue,
                         std::vector<Diagnostic>* at_sentence) const;
  void DocumentFindings(const Document& doc, const std::vector<uint8_t>& evidence,
                        const DocumentFeatures& features, const FilePolicy* policy,
                        LintResult* result) const;
  void ApplyPolicy(const Document& doc, const FilePolicy* policy,
                   std::vector<Diagnostic>* diagnostics) const;

  std::vector<RulePack> packs_;
  std::vector<const RuleSpec*> rules_;
  std::vector<bool> enabled_;
  std::vector<Severity> severity_;
  std::vector<std::vector<uint32_t>> unless_, requires_;  // evidence indexes per rule
  std::vector<uint32_t> scope_mask_;
  std::vector<bool> has_preceded_, has_followed_;
  std::vector<std::unique_ptr<RE2>> sections_, not_sections_;  // per rule, may be null
  std::vector<bool> severity_set_;
  std::vector<uint32_t> document_rules_;
  std::vector<std::pair<uint32_t, Predicate>> predicate_rules_;  // rule index, its test
  std::vector<std::string> evidence_names_;                      // by evidence index
  WordClasses word_classes_;
  size_t evidence_count_ = 0;
  std::map<std::string, int> evidence_index_;  // "pack/name" → evidence index
  std::vector<Rubric> rubrics_;
  std::vector<std::vector<int>> rubric_evidence_;  // per rubric, per category
  std::string forced_rubric_, default_rubric_;
  std::vector<std::string> known_ids_;
  std::map<std::string, size_t> rule_index_;
  Matcher matcher_;
};

/// The engine of the packs and rubrics in `store` (the embedded ones and its folders), plus the
/// rubric files given.
std::unique_ptr<Engine> BuildEngine(const DataStore& store, const RuleSettings& settings,
                                    std::vector<std::string>* errors,
                                    const std::vector<std::string>& rubric_files = {});

/// Evidence indexes every pack shares.
enum BuiltinEvidence : uint32_t { kEvidenceQuantity = 0, kEvidenceNumber = 1, kEvidenceDate = 2 };

}  // namespace reviewlint
