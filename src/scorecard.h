// Scorecard: what the whole-review analyses found in one draft. Document checks report from it,
// `--summary` prints it, JSON carries it as files[].summary, and `reviewlint report` compares it
// across reviews.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "span.h"

namespace reviewlint {

struct CategoryCoverage {
  std::string id;
  std::string name;
  double weight = 0;
  bool covered = false;
  std::vector<uint32_t> evidence_lines;  // 1-based lines of the sentences that cover it
  int heading_section = -1;              // a section whose heading names the category
  bool heading_without_content = false;  // that section is empty
  // When it is not covered: the sentence nearest to covering it, and what that sentence lacks
  // (rubric_coverage.cc): nearest_line 0 when no sentence mentions the category.
  uint32_t nearest_line = 0;
  std::string nearest_term;   // the words that name the category ("bug")
  std::string nearest_lack;   // "detail", "verdict", "writer", "plan", "heading"
  std::string nearest_under;  // the category heading it is under, when it names no term
};

struct PipField {
  std::string name;  // "Goal"
  bool present = false;
  bool filled = false;
  Span label;    // where the field's label is
  Span content;  // its content
};

struct PipAnalysis {
  bool present = false;
  int section = -1;
  Span heading;
  std::vector<PipField> fields;
  bool timeline_has_dates = false;
  bool metrics_measurable = false;
};

/// What kind of document the draft is, and why (kind.h).
struct KindVerdict {
  std::string name = "review";
  std::string why;
};

struct Scorecard {
  KindVerdict kind;
  std::string rubric;  // name of the rubric used
  std::vector<CategoryCoverage> categories;
  double weighted_coverage = 0;  // percent of the rubric's weight that is covered
  double rubric_error_at = 101,
         rubric_warning_at = 15;  // severity of an uncovered category by weight
  int positive = 0;               // evaluative sentences that are strengths
  int constructive = 0;           // evaluative sentences that are growth or criticism
  int evaluative = 0;
  std::vector<uint32_t> positive_lines, constructive_lines;  // 1-based lines of those sentences
  int specific = 0;  // evaluative sentences with a concrete example or a quantity
  double specificity() const { return evaluative ? double(specific) / evaluative : 0; }
  std::map<std::string, int> findings_per_pack;
  size_t words = 0, sentences = 0;
  PipAnalysis pip;
};

/// The scorecard as JSON (files[].summary) and as indented text lines (--summary).
nlohmann::ordered_json ScorecardJson(const Scorecard& sc);
/// {"name": "self-review", "why": "first person: ..."} (files[].kind).
nlohmann::ordered_json KindJson(const KindVerdict& kind);
std::string ScorecardText(const Scorecard& sc);

}  // namespace reviewlint
