// Inline Markdown inside one prose scope: code spans, links, autolinks, bare URLs, HTML tags and
// comments, emphasis. Shared by the Markdown scanner; plain text has no inline syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../span.h"

namespace reviewlint {

/// Masks the inline syntax of `text[span]` in `prose` (see markup.h) and appends the HTML
/// comments it finds to `comments`.
void MaskInline(std::string_view text, Span span, std::string* prose, std::vector<Span>* comments);

/// Replaces line breaks inside a prose scope with spaces: a wrapped line is not a sentence break
/// (ICU treats CR and LF as paragraph separators).
void JoinLines(Span span, std::string* prose);

/// Masks bare URLs and e-mail addresses only (for plain text).
void MaskBareUrls(std::string_view text, Span span, std::string* prose);

}  // namespace reviewlint
