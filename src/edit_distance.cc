#include "edit_distance.h"

#include <algorithm>
#include <numeric>

namespace reviewlint {

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  int best_distance = 0;
  for (const std::string& c : candidates) {
    int d = EditDistance(word, c);
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A prefix is a likely abbreviation ("warn" for "warning").
  if (word.size() >= 3) {
    for (const std::string& c : candidates)
      if (c.size() > word.size() && c.compare(0, word.size(), word) == 0) return c;
  }
  // A suggestion is useful only when most of the word survives.
  int limit = std::max<int>(1, static_cast<int>(word.size()) / 3);
  if (best.empty() || best_distance > limit) return "";
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string m = ClosestMatch(word, candidates);
  return m.empty() ? "" : " (did you mean \"" + m + "\"?)";
}

std::string DidYouMeanRule(std::string_view word, const std::vector<std::string>& ids) {
  if (std::string full = DidYouMean(word, ids); !full.empty()) return full;
  // The short names, in the order of `ids`; a short name two packs share suggests the first.
  std::vector<std::string> short_names;
  for (const std::string& id : ids)
    short_names.push_back(id.find('.') == std::string::npos ? "" : id.substr(id.find('.') + 1));
  std::string name = ClosestMatch(word, short_names);
  if (name.empty()) return "";
  size_t i = static_cast<size_t>(std::find(short_names.begin(), short_names.end(), name) -
                                 short_names.begin());
  return " (did you mean \"" + ids[i] + "\"?)";
}

}  // namespace reviewlint
