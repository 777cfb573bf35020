// Scores the default packs on a sentence-labelled development set (dev_set.h), counting exactly
// as ../shared/research/dev-labels/score_dev.py does:
//   a finding of pack P belongs to every labelled sentence its byte span overlaps (a zero-width
//   span counts one byte; a finding that overlaps no sentence belongs to the next sentence, or
//   the last one); tp = findings of P touching a sentence with P in `packs`; fp = findings of P
//   none of whose sentences has P in `packs` or `also` (an `also`-only finding counts neither
//   way); hit / miss = sentences with P in `packs` with / without a finding of P.
//   Document-scope findings and other packs are left out of P and R (counted as ignored);
//   document findings decide the balance verdict of a review.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dev_set.h"
#include "engine.h"

namespace reviewlint::eval {

struct DevFinding {
  std::string rule;  // "<pack>.<rule>"
  uint32_t begin = 0, end = 0;
  bool document = false;
};
using ReviewFindings = std::vector<DevFinding>;  // one review's

struct DevPackScore {
  size_t tp = 0, fp = 0, hit = 0, miss = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
};

struct DevRuleScore {
  size_t tp = 0, fp = 0, neutral = 0;  // neutral: touches only `also` sentences
  size_t hits = 0;  // sentences with the rule's pack in `packs` that this rule reaches
  std::optional<double> precision() const;
};

struct DevVerdicts {
  size_t reviews = 0, right = 0;         // labelled reviews that have a verdict
  std::map<std::string, size_t> wanted;  // verdict -> reviews, for the baselines
  std::vector<std::string> wrong;        // "review 12: want ok, got missing-positive"
};

struct DevScore {
  std::map<std::string, DevPackScore> packs;
  std::map<std::string, DevRuleScore> rules;
  std::map<std::string, size_t> ignored;         // "document-scope", "pack 'rubric'"
  std::map<std::string, size_t> document_rules;  // document findings per rule
  DevVerdicts verdicts;
  std::map<std::string, std::vector<std::string>> misses,
      false_positives;  // by pack, for --verbose
};

/// Lints each review as the binary lints review-<id>.txt (plain-text markup), in-process.
std::vector<ReviewFindings> LintDevSet(const Engine& engine, const DevSet& set);

/// The "flag every sentence" baseline: one finding of every pack on every labelled sentence.
std::vector<ReviewFindings> EverySentenceFindings(const DevSet& set);

/// Counts `findings` (one entry per review of `set`, same order) against the labels.
DevScore ScoreDevSet(const DevSet& set, const std::vector<ReviewFindings>& findings);

struct DevTableOptions {
  bool per_rule = false, verbose = false;
};

/// The table `reviewlint-eval` prints for one set: per pack the score, with the "flag every
/// sentence" and "flag nothing" baselines beside it; verdicts when the set has them.
std::string FormatDevScore(const DevSet& set, const DevScore& score, const DevScore& every,
                           const DevTableOptions& options);

}  // namespace reviewlint::eval
