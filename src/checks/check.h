// Document checks: whole-review rules (kind "document" in a pack) that see the entire draft.
//
// Span rules (phrase, pattern, conditional) look at one sentence at a time. A document check
// runs once per draft, after every span rule, and reads the Scorecard that the analyses in this
// folder fill in: rubric coverage (rubric_coverage.cc), the balance of strengths and growth
// (balance.cc), and the completeness of a Performance Improvement Plan (pip.cc).
//
// A rule in a pack names its check and may pass options:
//
//   {"id": "missing-constructive", "kind": "document", "check": "balance-missing-constructive",
//    "options": {"min_constructive_ratio": 0.0}, "severity": "warning", "message": "...", ...}
//
// To add a check: write a function with the CheckFn signature in the file of its analysis (or a
// new file here), and add a row to the table in checks.cc. The rule's message may use
// placeholders that the check fills ({category}, {weight}, {field}, {positive}, ...).
#pragma once

#include <functional>

#include <string>
#include <string_view>
#include <vector>

#include "../diagnostic.h"
#include "../document.h"
#include "../scorecard.h"
#include "../sentence_features.h"

namespace reviewlint {

struct RuleSpec;
struct Rubric;
struct Hit;
class WordClasses;

/// Sentence evidence computed by the engine's first pass, looked up by pack and name.
class EvidenceView {
 public:
  EvidenceView(const std::vector<uint8_t>* flags, size_t stride) : flags_(flags), stride_(stride) {}
  bool Has(size_t sentence, int index) const {
    return index >= 0 && (*flags_)[sentence * stride_ + static_cast<size_t>(index)] != 0;
  }

 private:
  const std::vector<uint8_t>* flags_;
  size_t stride_;
};

struct CheckContext {
  const Document& doc;
  const RuleSpec& rule;
  Severity severity;
  bool severity_overridden;  // the user set this rule's level: use it as is
  const Scorecard& scorecard;
  const std::vector<Diagnostic>& findings;  // the span findings
};

using CheckFn = void (*)(const CheckContext& ctx, std::vector<Diagnostic>* out);

struct CheckKind {
  std::string_view name;
  std::string_view description;
  CheckFn run;
  bool needs_rubric = false;  // runs only when the draft has a rubric
};

/// The table of document checks (checks.cc).
const std::vector<CheckKind>& CheckKinds();
const CheckKind* FindCheck(std::string_view name);

/// Where a document-level finding about "something missing" points: the end of the last line
/// with content.
Span EndOfReview(const Document& doc);

// Analyses (each fills its part of the scorecard).

/// What the rubric analysis reads (rubric_coverage.cc says what counts as evidence).
struct RubricInputs {
  const Document& doc;
  const EvidenceView& evidence;
  const std::vector<int>& category_evidence;  // evidence index of each category of the rubric
  const DocumentFeatures& features;
  const WordClasses& classes;
  const std::vector<Diagnostic>& findings;  // the span findings: a flagged verdict is no evidence
  // The words of sentence s that gave it evidence e (a category's evidence), or "".
  const std::function<std::string(size_t s, int e)>& term_of;
  int specific = -1;                // evidence vagueness/specific-detail
  bool writer_is_reviewee = false;  // a self-review: "I" is the reviewee
};
void AnalyseRubric(const RubricInputs& in, const Rubric& rubric, Scorecard* out);

/// Evidence indexes for the balance analysis (-1 when a pack does not define them).
struct BalanceEvidence {
  int praise = -1, criticism = -1, strengths_heading = -1, growth_heading = -1, specific = -1;
  int demand = -1, suggestion = -1;  // "needs to improve", "should write design docs first"
  int ceiling = -1;                  // "has reached her potential": not something to act on
  int not_a_problem = -1;            // "completes it with no problems": a criticism word negated
  int advice = -1;   // "should seek harder projects", "with a bit more focus she could": when the
                     // reviewee is the one to act (not "we should give him more scope")
  int problem = -1;  // "often ships without tests", "struggles"
  bool self_review = false;  // the writer is the reviewee
};
/// Strengths and growth points are read from the section headings, the pack's praise and
/// criticism evidence and the sentence features: a cue that praises the person or their work is
/// a strength (faint praise is not), one that criticises them is a growth point.
void AnalyseBalance(const Document& doc, const EvidenceView& evidence, const BalanceEvidence& ids,
                    const DocumentFeatures& features, const std::vector<Diagnostic>& findings,
                    Scorecard* out);

struct PipEvidence {
  int heading = -1;
};
void AnalysePip(const Document& doc, const EvidenceView& evidence, const PipEvidence& ids,
                const std::vector<Diagnostic>& findings, Scorecard* out);

/// In an improvement plan, drops the praise and achievement findings inside its Goal.
void DropPraiseOnPlanGoal(const Scorecard& sc, std::vector<Diagnostic>* findings);

// Checks.
void CheckRubricUncovered(const CheckContext& ctx, std::vector<Diagnostic>* out);
void CheckMissingConstructive(const CheckContext& ctx, std::vector<Diagnostic>* out);
void CheckMissingPositive(const CheckContext& ctx, std::vector<Diagnostic>* out);
void CheckPipMissingField(const CheckContext& ctx, std::vector<Diagnostic>* out);
void CheckPipUnfilledField(const CheckContext& ctx, std::vector<Diagnostic>* out);
void CheckPipTimelineDates(const CheckContext& ctx, std::vector<Diagnostic>* out);
void CheckPipMeasurableMetrics(const CheckContext& ctx, std::vector<Diagnostic>* out);

}  // namespace reviewlint
