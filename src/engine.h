// Engine: builds every check once from the rule packs, then lints documents. Rule selection and
// severity overrides are applied here, once, so emitters and the CLI see final diagnostics.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "document.h"
#include "matcher.h"
#include "rule_pack.h"
#include "tokenizer.h"

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
};

/// Which rules run and how severe they are: "off" or a severity, by rule id or pack name.
/// A rule id setting beats its pack's.
struct RuleSettings {
  std::map<std::string, std::string> levels;
  bool Enabled(const RuleSpec& r) const;
  Severity SeverityOf(const RuleSpec& r) const;
};

class Engine {
 public:
  /// Builds the engine; on failure returns nullptr and appends located errors.
  static std::unique_ptr<Engine> Build(std::vector<RulePack> packs, const RuleSettings& settings,
                                       std::vector<std::string>* errors);

  /// Parses and lints one file.
  std::vector<Diagnostic> Lint(const SourceFile& source, const Markup& markup, Workspace& ws) const;
  /// Lints an already built document.
  std::vector<Diagnostic> Lint(const Document& doc, Workspace& ws) const;
  Document Parse(const SourceFile& source, const Markup& markup, Workspace& ws) const;

  const std::vector<RulePack>& packs() const { return packs_; }
  /// All rules of all packs, enabled or not, in pack order.
  const std::vector<const RuleSpec*>& rules() const { return rules_; }
  const RuleSpec* FindRule(const std::string& id) const;
  bool enabled(size_t rule) const { return enabled_[rule]; }
  const Lexicon& lexicon() const { return matcher_.lexicon(); }

 private:
  Engine() = default;
  bool Compile(const RuleSettings& settings, std::vector<std::string>* errors);

  std::vector<RulePack> packs_;
  std::vector<const RuleSpec*> rules_;
  std::vector<bool> enabled_;
  std::vector<Severity> severity_;
  std::vector<std::vector<uint32_t>> unless_, requires_;  // evidence indexes per rule
  std::vector<uint32_t> scope_mask_;
  std::vector<bool> has_preceded_, has_followed_;
  std::vector<std::unique_ptr<RE2>> sections_, not_sections_;  // per rule, may be null
  size_t evidence_count_ = 0;
  Matcher matcher_;
};

/// Evidence indexes every pack shares.
enum BuiltinEvidence : uint32_t { kEvidenceQuantity = 0, kEvidenceNumber = 1, kEvidenceDate = 2 };

}  // namespace reviewlint
