#include "merge_messages.h"

#include <algorithm>

namespace reviewlint {
namespace {

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> words;
  size_t at = 0;
  while (at <= s.size()) {
    size_t space = s.find(' ', at);
    if (space == std::string::npos) space = s.size();
    words.push_back(s.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (i > from ? " " : "") + words[i];
  return out;
}

// Opening brackets in `s` not closed in it.
int OpenBrackets(const std::string& s) {
  int open = 0;
  for (char c : s) {
    if (c == '(' || c == '[') ++open;
    if ((c == ')' || c == ']') && open > 0) --open;
  }
  return open;
}

}  // namespace

std::vector<std::string> MergeMessages(const std::vector<std::string>& messages) {
  if (messages.size() < 2) return messages;
  std::vector<std::vector<std::string>> words;
  size_t shortest = SIZE_MAX;
  for (const std::string& m : messages) {
    words.push_back(Words(m));
    shortest = std::min(shortest, words.back().size());
  }
  // Common leading and trailing words, leaving each message at least one word of its own.
  auto same_at = [&](auto index) {
    for (const auto& w : words)
      if (w[index(w)] != words[0][index(words[0])]) return false;
    return true;
  };
  size_t prefix = 0;
  while (prefix + 1 < shortest && same_at([&](const auto&) { return prefix; })) ++prefix;
  if (prefix == 0) return messages;  // no common form
  size_t suffix = 0;
  while (prefix + suffix + 1 < shortest &&
         same_at([&](const auto& w) { return w.size() - 1 - suffix; }))
    ++suffix;
  if (suffix == 0) return messages;  // one says more than the others ("...; line 12 ...")
  // A bracketed remark belongs to the item before it: "Delivery (10%)" is not shared.
  auto opens = [](const std::string& w) { return !w.empty() && (w[0] == '(' || w[0] == '['); };
  for (size_t k = suffix; k > 0; --k)
    if (opens(words[0][words[0].size() - k])) {
      suffix = k - 1;
      break;
    }
  // The differing middles; a bracket opened in one and closed in the common end is closed in
  // each item, and its closing dropped from the end ("(10%" + "of the rubric)").
  std::vector<std::string> middles;
  for (const auto& w : words) middles.push_back(Join(w, prefix, w.size() - suffix));
  int open = OpenBrackets(middles[0]);
  for (const std::string& m : middles)
    if (OpenBrackets(m) != open) return messages;
  std::string end = Join(words[0], words[0].size() - suffix, words[0].size());
  for (int k = 0; k < open; ++k) {
    size_t close = end.find_first_of(")]");
    if (close == std::string::npos) return messages;
    for (std::string& m : middles) m += end[close];
    end.erase(close, 1);
  }
  std::string line = Join(words[0], 0, prefix) + " ";
  for (size_t i = 0; i < middles.size(); ++i) line += (i ? ", " : "") + middles[i];
  if (!end.empty()) line += " " + end;
  return {line};
}

}  // namespace reviewlint
