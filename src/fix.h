// Fixes: applying rules' replacements to a file, showing them as a diff, and writing the result
// atomically (a temporary file in the same folder, then rename), so a crash or a full disk never
// leaves a truncated review.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"

namespace reviewlint {

/// Shapes a fix that removes words (`fix->replacement` empty) so that the text stays a sentence
/// and keeps its lines: one neighbouring space goes with the words; a removal that spans a line
/// break keeps the break (and a block quote's `>`); when the removed words began a sentence with
/// a capital letter, the next word gets one ("Maybe she could" -> "She could").
void ShapeRemoval(std::string_view text, Fix* fix);

/// Adds the mechanical rewrite of a finding whose rule has no fix of its own, where one exists:
/// an empty booster loses its intensifier ("really great work" -> "great work"; unsafe: it
/// changes what the review says).
void AddRewrite(std::string_view text, Diagnostic* d);

/// `text` with the fixes of `diagnostics` applied: safe ones, or all when `unsafe`. Overlapping
/// fixes after the first are left out (a second run applies them). `fixed[i]` tells whether
/// diagnostic i was fixed.
std::string ApplyFixes(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                       bool unsafe, std::vector<bool>* fixed);

/// The last line of --fix and --diff: how many findings were fixed (or are fixed by the diff) in
/// how many files and how many are `left`; when none, why: no findings, none with a fix, or
/// `unsafe_left` of them with a fix that only --fix-unsafe applies.
std::string FixSummary(bool diff, bool unsafe, size_t fixed, size_t files, size_t left,
                       size_t unsafe_left);

/// A unified diff of two versions of `path`, or "" when they are equal.
std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after);

/// Replaces the file at `path` with `content`, keeping its permissions. On failure the file is
/// unchanged, no temporary is left behind, and *error says why.
bool WriteAtomically(const std::string& path, std::string_view content, std::string* error);

}  // namespace reviewlint
