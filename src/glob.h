// Glob patterns for config `ignore` and `overrides[].files`: `*` and `?` stay within a path
// segment, `**` spans segments, a pattern without `/` matches the file name anywhere.
#pragma once

#include <string_view>

namespace reviewlint {

/// Matches `path` (relative, '/'-separated) against `pattern`.
bool GlobMatch(std::string_view pattern, std::string_view path);

}  // namespace reviewlint
