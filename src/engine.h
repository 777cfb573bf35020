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
#include "matcher.h"
#include "predicate.h"
#include "required_names.h"
#include "rubric.h"
#include "rule_pack.h"
#include "scorecard.h"
#include "sentence_features.h"
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
  Matcher::Scratch scratch;
  DocumentFeatures features;
  std::vector<uint8_t> evidence;  // the last draft's evidence flags: sentence x evidence set
};

/// Which rules run and how severe they are (--rule, the editor's settings): a level by rule id
/// or pack name. A rule id setting beats its pack's (EffectiveLevel).
struct RuleSettings {
  LevelMap levels;
  std::string rubric;  // use this rubric for every draft (--rubric), else:
  std::string
      default_rubric;  // the draft's front matter `rubric:`, else this (else backend-developer)
};

/// What linting one draft produced.
struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted; span findings first, then document findings
  Scorecard scorecard;
  std::string error;  // a problem that makes the result incomplete (an unknown rubric), or ""
};

/// Everything matching needs to know about one rule, built and checked once by Engine::Compile;
/// matching only reads it.
struct CompiledRule {
  const RuleSpec* spec = nullptr;
  bool enabled = true;
  Severity severity = Severity::kWarning;
  bool severity_from_user = false;              // a --rule or editor level set it
  uint32_t scope_mask = 0;                      // 1 << BlockKind of each scope it looks in
  std::vector<uint32_t> unless, required;       // evidence indexes
  std::unique_ptr<RE2> sections, not_sections;  // null when the rule has none
  bool has_guards = false;                      // it has preceded_by or followed_by terms
  Predicate predicate;                          // "kind": "predicate" only
};

struct CollectedTerms;
struct HitTable;
class GuardIndex;
class QuoteIndex;

class Engine {
 public:
  /// Builds the engine; on failure returns nullptr and appends located errors.
  static std::unique_ptr<Engine> Build(std::vector<RulePack> packs, std::vector<Rubric> rubrics,
                                       const RuleSettings& settings,
                                       std::vector<std::string>* errors);

  /// The engine of the packs and rubrics in `store` (the embedded ones and its folders), plus
  /// the rubric files given. (The lint command and the report build theirs with BuildEngine in
  /// lint_setup.h, which adds the --rule levels, --rubric and the configs' checks.)
  static std::unique_ptr<Engine> FromStore(const DataStore& store, const RuleSettings& settings,
                                           std::vector<std::string>* errors,
                                           const std::vector<std::string>& rubric_files = {});

  /// Parses and lints one file. `policy` (from the file's .reviewlint.json) sets rule levels,
  /// the rubric, the allow list and thresholds for this file; --rule settings still win.
  LintResult Lint(const SourceFile& source, const Markup& markup, Workspace& ws,
                  const FilePolicy* policy = nullptr) const;
  /// Lints an already built document.
  LintResult Lint(const Document& doc, Workspace& ws, const FilePolicy* policy = nullptr) const;
  /// Every rule id and pack name, for suppression comments and "did you mean".
  const std::vector<std::string>& known_ids() const { return known_ids_; }
  Document Parse(const SourceFile& source, const Markup& markup, Workspace& ws) const;
  /// The names of the packs' evidence sets, by the index Workspace::evidence uses.
  const std::vector<std::string>& evidence_names() const { return evidence_names_; }

  const std::vector<RulePack>& packs() const { return packs_; }
  /// All rules of all packs, enabled or not, in pack order.
  const std::vector<const RuleSpec*>& rules() const { return rules_; }
  const RuleSpec* FindRule(const std::string& id) const;
  bool enabled(size_t rule) const { return compiled_[rule].enabled; }
  const Lexicon& lexicon() const { return matcher_.lexicon(); }
  const WordClasses& word_classes() const { return word_classes_; }
  const std::vector<Rubric>& rubrics() const { return rubrics_; }
  /// A rubric by name or by the file it was loaded from, or nullptr.
  const Rubric* FindRubric(const std::string& name) const;
  std::string RubricNames() const;
  /// Index of a pack's evidence set, or -1.
  int EvidenceIndex(const std::string& pack, const std::string& name) const;
  /// Index of an evidence set the analyses read (src/required_names.h), or -1 when its pack is
  /// not loaded (then what needs it is off: see unresolved_names()).
  int RequiredEvidence(Needed id) const;
  /// What is off because a pack it needs is not loaded, one line each (src/required_names.h).
  const std::vector<std::string>& unresolved_names() const { return unresolved_names_; }

 private:
  Engine() = default;
  using EvidenceNumbers = std::map<std::string, uint32_t>;  // a pack's evidence sets by name
  // Compile, in steps.
  bool Compile(const RuleSettings& settings, std::vector<std::string>* errors);
  void LoadWordAttributes(std::vector<std::string>* errors);
  EvidenceNumbers NumberEvidence(const RulePack& pack, CollectedTerms* collected,
                                 std::vector<std::string>* errors);
  void CompileRule(const RulePack& pack, const RuleSpec& rule, const EvidenceNumbers& evidence,
                   const RuleSettings& settings, CollectedTerms* collected,
                   std::vector<std::string>* errors);
  void AddTerms(const RulePack& pack, const TermList& terms, Target target, bool case_sensitive,
                CollectedTerms* collected, std::vector<std::string>* errors) const;
  void NumberRubricEvidence(CollectedTerms* collected, std::vector<std::string>* errors);
  void BuildMatcher(const CollectedTerms& collected, std::vector<std::string>* errors);
  // Lint, in steps.
  std::vector<Diagnostic> SpanFindings(const Document& doc, Workspace& ws,
                                       std::vector<uint8_t>* evidence) const;
  HitTable CollectHits(const Document& doc, Workspace& ws, std::vector<uint8_t>* evidence) const;
  void TriggerFindings(const Document& doc, const std::vector<Hit>& hits, const HitTable& table,
                       const std::vector<uint8_t>& evidence, std::vector<Diagnostic>* at_words,
                       std::vector<Diagnostic>* at_sentence) const;
  bool Admits(const Hit& hit, uint32_t sentence, const Document& doc,
              const std::vector<uint8_t>& evidence, QuoteIndex& quotes, GuardIndex& guards) const;
  bool LooksHere(uint32_t rule, const Document& doc, const Block& block) const;
  bool AboutEngineering(const Document& doc) const;
  void PredicateFindings(const Document& doc, Workspace& ws, const std::vector<uint8_t>& evidence,
                         std::vector<Diagnostic>* at_cue,
                         std::vector<Diagnostic>* at_sentence) const;
  void DocumentFindings(const Document& doc, const std::vector<uint8_t>& evidence,
                        const Workspace& ws, const FilePolicy* policy, LintResult* result) const;
  void ApplyPolicy(const Document& doc, const FilePolicy* policy,
                   std::vector<Diagnostic>* diagnostics) const;

  std::vector<RulePack> packs_;
  std::vector<const RuleSpec*> rules_;
  std::vector<CompiledRule> compiled_;  // by rule index, like rules_
  std::vector<uint32_t> document_rules_;
  std::vector<uint32_t> predicate_rules_;    // the enabled predicate rules
  std::vector<std::string> evidence_names_;  // by evidence index
  WordClasses word_classes_;
  size_t evidence_count_ = 0;
  std::map<std::string, int> evidence_index_;  // "pack/name" → evidence index
  std::vector<Rubric> rubrics_;
  std::vector<std::vector<int>> rubric_evidence_;  // per rubric, per category
  std::string forced_rubric_, default_rubric_;
  std::vector<std::string> known_ids_;
  LevelMap command_line_levels_;  // RuleSettings::levels
  std::vector<std::string> unresolved_names_;
  std::map<std::string, size_t> rule_index_;
  Matcher matcher_;
};

/// Evidence indexes every pack shares.
enum BuiltinEvidence : uint32_t { kEvidenceQuantity = 0, kEvidenceNumber = 1, kEvidenceDate = 2 };

}  // namespace reviewlint
