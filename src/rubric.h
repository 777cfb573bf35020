// Rubrics: the categories a review is expected to cover, with weights and evidence terms.
// rules/rubrics/<name>.json, validated against rules/rubrics/schema.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rule_pack.h"

namespace reviewlint {

struct RubricCategory {
  std::string id;
  std::string name;  // display name
  double weight = 0;
  std::string description;
  std::vector<std::string> headings;  // the name is always one
  TermList evidence;
};

struct Rubric {
  std::string name;
  std::string title;
  std::string file;                        // where it came from, for messages
  double error_at = 101, warning_at = 15;  // severity by weight
  std::vector<RubricCategory> categories;
  std::map<std::string, std::vector<std::string>> dictionaries;  // resolved
};

inline constexpr const char* kDefaultRubric = "backend-developer";

/// Parses and validates a rubric; on failure returns nullopt and appends located messages.
/// `embedded` takes an embedded rubric from the rule image, parsed and validated at build time.
std::optional<Rubric> ParseRubric(const std::string& file, const std::string& text,
                                  const DataStore& store, std::vector<std::string>* errors,
                                  bool embedded = false);

/// The embedded rubrics, then each file in `extra` (a rubric named like an embedded one replaces
/// it).
std::vector<Rubric> LoadRubrics(const DataStore& store, const std::vector<std::string>& extra,
                                std::vector<std::string>* errors);

}  // namespace reviewlint
