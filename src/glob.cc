#include "glob.h"

namespace reviewlint {
namespace {

// Whether `c` is in the bracket class starting at p[pi] == '['; sets *end past its ']'. A class
// without a closing ']' is not a class: false, and *end stays put.
bool ClassMatch(std::string_view p, size_t pi, char c, size_t* end) {
  size_t i = pi + 1;
  bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
  if (negate) ++i;
  bool in = false;
  for (size_t first = i; i < p.size() && (p[i] != ']' || i == first); ++i) {
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      in = in || (p[i] <= c && c <= p[i + 2]);
      i += 2;
    } else {
      in = in || p[i] == c;
    }
  }
  if (i >= p.size()) return false;
  *end = i + 1;
  return c != '/' && in != negate;
}

// Iterative matcher with one level of backtracking per kind of star.
bool Match(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0;
  size_t star_p = std::string_view::npos, star_s = 0;    // last '*' (within a segment)
  size_t dstar_p = std::string_view::npos, dstar_s = 0;  // last '**' (across segments)
  while (si < s.size()) {
    if (pi + 1 < p.size() && p[pi] == '*' && p[pi + 1] == '*') {
      pi += 2;
      if (pi < p.size() && p[pi] == '/') ++pi;  // "**/" also matches zero folders
      dstar_p = pi;
      dstar_s = si;
      star_p = std::string_view::npos;
      continue;
    }
    if (pi < p.size() && p[pi] == '*') {
      star_p = ++pi;
      star_s = si;
      continue;
    }
    size_t class_end = pi;
    if (pi < p.size() && p[pi] == '[' && ClassMatch(p, pi, s[si], &class_end)) {
      pi = class_end;
      ++si;
      continue;
    }
    if (pi < p.size() && (p[pi] == '?' ? s[si] != '/' : p[pi] == s[si])) {
      ++pi;
      ++si;
      continue;
    }
    if (star_p != std::string_view::npos && s[star_s] != '/') {
      pi = star_p;
      si = ++star_s;
      continue;
    }
    if (dstar_p != std::string_view::npos) {
      pi = dstar_p;
      si = ++dstar_s;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace

bool GlobMatchWhole(std::string_view pattern, std::string_view path) {
  return Match(pattern, path);
}

bool GlobMatch(std::string_view pattern, std::string_view path) {
  if (pattern.size() >= 2 && pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  if (!pattern.empty() && pattern.back() == '/') {
    // "drafts/" means everything below drafts.
    std::string_view dir = pattern.substr(0, pattern.size() - 1);
    return path.substr(0, dir.size()) == dir && path.size() > dir.size() && path[dir.size()] == '/';
  }
  if (pattern.find('/') == std::string_view::npos) {
    size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return Match(pattern, name);
  }
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  return Match(pattern, path);
}

}  // namespace reviewlint
