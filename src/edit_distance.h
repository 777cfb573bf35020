// Edit distance and "did you mean" suggestions for unknown keys, rule ids, formats and rubrics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reviewlint {

/// Levenshtein distance between `a` and `b`.
int EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo, else "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean \"x\"?)" or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

/// DidYouMean over rule ids ("vagueness.hedge") and pack names that also matches a rule by its
/// short name: "hedge" and "hedg" suggest "vagueness.hedge".
std::string DidYouMeanRule(std::string_view word, const std::vector<std::string>& ids);

}  // namespace reviewlint
