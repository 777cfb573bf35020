#include <algorithm>

#include "check.h"

namespace reviewlint {

const std::vector<CheckKind>& CheckKinds() {
  static const std::vector<CheckKind> kKinds = {
      {"rubric-uncovered", "one finding per rubric category the review gives no evidence for",
       &CheckRubricUncovered, /*needs_rubric=*/true},
      {"balance-missing-constructive",
       "praise but no constructive feedback (or below options.min_constructive_ratio)",
       &CheckMissingConstructive},
      {"balance-missing-positive", "criticism but no genuine strength", &CheckMissingPositive},
      {"pip-missing-field", "a Performance Improvement Plan without one of its fields",
       &CheckPipMissingField},
      {"pip-unfilled-field", "a PIP field left empty or as a template prompt",
       &CheckPipUnfilledField},
      {"pip-timeline-dates", "a PIP timeline with no dates", &CheckPipTimelineDates},
      {"pip-measurable-metrics", "PIP metrics with nothing measurable", &CheckPipMeasurableMetrics},
  };
  return kKinds;
}

const CheckKind* FindCheck(std::string_view name) {
  for (const CheckKind& k : CheckKinds())
    if (k.name == name) return &k;
  return nullptr;
}

Span EndOfReview(const Document& doc) {
  std::string_view text = doc.source.text();
  uint32_t end = static_cast<uint32_t>(text.size());
  while (end > doc.source.content_begin() && (text[end - 1] == '\n' || text[end - 1] == '\r' ||
                                              text[end - 1] == ' ' || text[end - 1] == '\t'))
    --end;
  return Span{end, end};
}

}  // namespace reviewlint
