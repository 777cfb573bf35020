// How the team report writes numbers, counts and review names.
#include "format.h"

#include <cstdio>
#include <unordered_map>

#include "report.h"

namespace reviewlint::report {

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Counted(long long n, const std::string& singular, const std::string& plural) {
  const std::string& word = n == 1 ? singular : plural.empty() ? singular + "s" : plural;
  return std::to_string(n) + " " + word;
}

std::string Share(long long part, long long whole) {
  if (whole == 0) return "-";
  return Fixed(100.0 * double(part) / double(whole), 0) + "%";
}

std::vector<std::string> StatsCells(const Stats& s, int digits) {
  if (s.n == 0) return {"-", "-", "-", "-", "-"};
  return {Fixed(s.median, digits), Fixed(s.q1, digits), Fixed(s.q3, digits), Fixed(s.min, digits),
          Fixed(s.max, digits)};
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

// Where the tail of `path` made of its last `components` components starts (0: the whole path).
size_t TailStart(const std::string& path, size_t components) {
  size_t at = path.size();
  for (size_t k = 0; k < components; ++k) {
    size_t slash = at == 0 ? std::string::npos : path.rfind('/', at - 1);
    if (slash == std::string::npos) return 0;
    at = slash;
  }
  return at == path.size() ? 0 : at + 1;
}

}  // namespace

std::vector<std::string> ShortestUniqueSuffixes(const std::vector<std::string>& paths) {
  std::vector<std::string> out(paths.size());
  std::vector<size_t> pending;
  for (size_t i = 0; i < paths.size(); ++i) pending.push_back(i);
  // One more component each round, for the paths whose tail is still shared.
  for (size_t components = 1; !pending.empty(); ++components) {
    std::unordered_map<std::string, size_t> uses;
    for (size_t i = 0; i < paths.size(); ++i)
      ++uses[paths[i].substr(TailStart(paths[i], components))];
    std::vector<size_t> still;
    for (size_t i : pending) {
      size_t start = TailStart(paths[i], components);
      std::string tail = paths[i].substr(start);
      if (uses[tail] == 1 || start == 0)
        out[i] = start == 0 ? paths[i] : tail;
      else
        still.push_back(i);
    }
    pending.swap(still);
  }
  return out;
}

}  // namespace reviewlint::report
