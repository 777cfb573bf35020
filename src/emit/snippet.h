// Source snippets for the text output, in the style of rustc and ruff: the lines a set of
// findings cover, each line printed once, and under it one caret line per finding on it, labelled
// with its rule where the finding ends:
//
//     11 | José is a good communicator and a real team player.
//        |           ^~~~~~~~~~~~~~~~~ vagueness.generic-praise
//        |                                        ^~~~~~~~~~~ vagueness.generic-praise
//
// A span across a line break is underlined on each of its lines. Columns are drawn in display
// cells, so wide characters (CJK, emoji) and tabs line up in a terminal; a long line shows a
// window of it around the first finding.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "emitter.h"

namespace reviewlint {

/// ANSI color of a severity's name and underline.
const char* SeverityColor(Severity s);

struct Label {
  Span span;  // of the source; empty: a point
  Severity severity = Severity::kWarning;
  std::string text;  // shown after the underline on the span's last line
};

/// 0-based first and last line of a span (an empty span is on the line of its offset).
std::pair<uint32_t, uint32_t> SpanLines(const LineIndex& lines, Span span);

/// Draws the lines `labels` cover with their underlines (labels in the order given); returns the
/// column of the gutter's bar, for lines that follow the snippet ("= help: ...").
size_t DrawSnippet(const FileResult& f, const std::vector<Label>& labels, bool color,
                   std::ostream& out);

/// A long line is shown as a window of this many bytes around the first finding on it.
inline constexpr size_t kSnippetWindow = 240;

}  // namespace reviewlint
