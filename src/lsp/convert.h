// From reviewlint's world (byte spans, Diagnostic, RuleSpec) to LSP's (ranges in the negotiated
// position encoding, Diagnostic objects, text edits, hover text). Positions on the way out come
// from the linted SourceFile's LineIndex, the one place offsets become columns.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../diagnostic.h"
#include "../rule_pack.h"
#include "../source.h"
#include "text_document.h"

namespace reviewlint::lsp {

using json = nlohmann::json;

/// The suppression comment the "disable for this line" action appends to a finding's line.
std::string DisableLineComment(const std::string& rule);

/// {"line": L, "character": C} of a byte offset.
json LspPositionJson(const SourceFile& source, uint32_t offset, PositionEncoding encoding);
json LspRange(const SourceFile& source, Span span, PositionEncoding encoding);

/// Where a diagnostic shows in the editor. Span findings: their span. Document findings point
/// at an empty anchor (the end of the review, or an empty section's heading); a zero-width range
/// is easy to miss, so it widens back to the start of the anchor's line (the line's content).
Span DisplaySpan(const SourceFile& source, const Diagnostic& d);

/// Where a rule is documented (codeDescription.href).
std::string RuleHref(const RuleSpec* rule);

/// An LSP Diagnostic. `data` carries the rule id, the scope and the fixes as text edits, so a
/// client can offer them without asking again.
json LspDiagnostic(const SourceFile& source, const Diagnostic& d, const RuleSpec* rule,
                   PositionEncoding encoding);

/// A TextEdit replacing `span` by `text`.
json TextEditJson(const SourceFile& source, Span span, const std::string& text,
                  PositionEncoding encoding);

/// The edit that silences `d` on its line without changing how the review renders: a trailing
/// ` <!-- reviewlint-disable-line RULE -->` on the same line (an inline HTML comment; a comment
/// line above would split a paragraph or a list), placed before a hard break, a table row's
/// closing pipe or a heading's closing hashes. When the line already ends with such a comment,
/// or the line above is a disable-next-line comment, without a reason, the rule is added to it.
json DisableForLineEdit(const SourceFile& source, const Diagnostic& d, PositionEncoding encoding);

/// A snippet edit (LSP 3.18 SnippetTextEdit) that turns a template placeholder into a tab stop:
/// the editor selects it, and what the writer types replaces it.
json PlaceholderSnippetEdit(const SourceFile& source, Span span, PositionEncoding encoding);

/// Why fix-all has nothing to do: no findings, or none with a safe fix.
std::string NothingToFixReason(const std::vector<Diagnostic>& diagnostics);

/// The safe fixes of `diagnostics` that do not overlap each other, in document order.
std::vector<Fix> SafeFixes(const std::vector<Diagnostic>& diagnostics);

/// Hover text for findings under the cursor: the message, why the rule exists, what to write
/// instead, and a link. Markdown, or plain text when the client cannot render it.
std::string HoverText(const std::vector<const Diagnostic*>& findings,
                      const std::vector<const RuleSpec*>& rules, bool markdown);

}  // namespace reviewlint::lsp
