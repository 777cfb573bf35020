// Glob patterns for config `ignore`, `overrides[].files` and .gitignore files: `*` and `?` stay
// within a path segment, `**` spans segments, `[a-z]` and `[!x]` match one character of a class;
// for GlobMatch, a pattern without `/` matches the file name anywhere.
#pragma once

#include <string_view>

namespace reviewlint {

/// Matches `path` (relative, '/'-separated) against `pattern`.
bool GlobMatch(std::string_view pattern, std::string_view path);

/// Matches the whole of `path` against `pattern`, with no name-only or folder-prefix shorthand
/// (the building block of .gitignore patterns).
bool GlobMatchWhole(std::string_view pattern, std::string_view path);

}  // namespace reviewlint
