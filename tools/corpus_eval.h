// Precision and recall of the default packs on the labeled corpus (tests/corpus/README.md).
// Used by `reviewlint-eval` (prints the table) and by the test suite (enforces the floor).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine.h"

namespace reviewlint::eval {

struct Label {
  std::string pack;
  Span span;  // in the draft with the markers removed
};

struct Draft {
  std::string path;
  std::string text;  // markers removed
  std::vector<Label> labels;
  std::vector<std::string> uncovered;  // document label, rubric categories
  std::string balance;  // document label: ok | missing-constructive | missing-positive
  std::string kind;     // document label: review | self-review | improvement-plan | peer-feedback
  bool has_document_labels = false;
};

/// Parses a labelled draft; on a malformed marker returns false with a message in *error.
bool ParseDraft(const std::string& path, const std::string& labelled, Draft* out,
                std::string* error);

struct PackScore {
  size_t labels = 0, labels_found = 0;            // recall = labels_found / labels
  size_t diagnostics = 0, diagnostics_right = 0;  // precision = diagnostics_right / diagnostics
  double precision() const { return diagnostics ? double(diagnostics_right) / diagnostics : 1.0; }
  double recall() const { return labels ? double(labels_found) / labels : 1.0; }
};

struct Miss {
  std::string path;
  std::string pack;
  uint32_t line = 0;
  std::string text;
  std::string kind;  // "missed" (false negative) or "false alarm" (false positive)
  std::string rule;
};

struct Report {
  size_t drafts = 0, words = 0;
  std::map<std::string, PackScore> packs;
  size_t clean_drafts = 0, clean_drafts_with_findings = 0;
  size_t document_drafts = 0, uncovered_right = 0, balance_right = 0;
  // Rubric categories, one (draft, category) pair per category of each draft that is not a plan:
  // right, and what saying nothing (all covered) and flagging everything would get right.
  size_t category_pairs = 0, categories_right = 0, silent_right = 0, flag_all_right = 0;
  size_t plans = 0, rubric_findings_on_plans = 0;  // plans and peer feedback
  size_t kinds_labelled = 0, kinds_right = 0;
  std::vector<Miss> misses;
};

/// Lints every `*.md` draft under `folder` and scores it.
Report Evaluate(const Engine& engine, const std::string& folder, std::string* error);

/// The table, as `reviewlint-eval` prints it.
std::string FormatReport(const Report& r, bool verbose);

/// The packs the corpus labels, in table order.
const std::vector<std::string>& LabelledPacks();

}  // namespace reviewlint::eval
