// How the team report writes numbers, counts and review names, shared by its three formats.
//
//   Fixed(7.25, 1)                  "7.3"    (printf rounding)
//   Counted(1, "review")            "1 review";  Counted(2, "review") "2 reviews"
//   Share(3, 4)                     "75%";       Share(0, 0) "-" (nothing to divide)
//   ShortestUniqueSuffixes({"a/x/review.md", "b/x/review.md", "c/notes.md"})
//                                   {"a/x/review.md", "b/x/review.md", "notes.md"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reviewlint::report {

struct Stats;

/// `v` with `digits` decimals.
std::string Fixed(double v, int digits);

/// "1 review", "3 reviews"; `plural` when adding "s" is wrong.
std::string Counted(long long n, const std::string& singular, const std::string& plural = "");

/// `part` of `whole` as a whole percent, or "-" when `whole` is 0.
std::string Share(long long part, long long whole);

/// A distribution's median, Q1, Q3, min and max with `digits` decimals; "-" each when it is
/// over no values.
std::vector<std::string> StatsCells(const Stats& s, int digits);

/// `s` with ASCII letters in lower case, for comparing front matter values.
std::string AsciiLower(std::string_view s);

/// For each path, its shortest tail of whole path components that no other path ends with
/// (the file name when it is unique). Identical paths keep their whole path.
std::vector<std::string> ShortestUniqueSuffixes(const std::vector<std::string>& paths);

}  // namespace reviewlint::report
