// What kind of draft a file is, so the report compares like with like: a review of someone, a
// self-review, or a performance improvement plan. The first rule that applies decides:
//
//   1. front matter `type:` — contains "self": self-review; "pip" or "improvement":
//      improvement-plan; any other value: review;
//   2. a Performance Improvement Plan section (the heading the `document.pip-*` checks find):
//      improvement-plan;
//   3. `employee:` and `reviewer:` name the same person: self-review;
//   4. first person: "I", "me", "my", "mine", "myself" make up at least 3% of the words and
//      outnumber "he", "she", "him", "her", "his", "hers", "himself", "herself" two to one:
//      self-review;
//   5. otherwise: review.
#pragma once

#include <string>
#include <string_view>

namespace reviewlint::report {

inline constexpr const char* kReview = "review";
inline constexpr const char* kSelfReview = "self-review";
inline constexpr const char* kImprovementPlan = "improvement-plan";

struct KindSignals {
  std::string_view type;  // front matter `type:`, unquoted
  bool pip_section = false;
  std::string_view employee, reviewer;
  std::string_view prose;  // the draft's prose (markup removed)
  size_t words = 0;        // words in the prose
};

/// kReview, kSelfReview or kImprovementPlan.
std::string DraftKind(const KindSignals& signals);

/// "reviews", "self-reviews", "improvement plans".
std::string KindPlural(std::string_view kind);

}  // namespace reviewlint::report
