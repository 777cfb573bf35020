// Inline suppression comments in a draft (HTML comments, so they never render):
//
//   <!-- reviewlint-disable bias.personality vagueness -- quoting the old review -->
//   ...
//   <!-- reviewlint-enable bias.personality vagueness -->
//   <!-- reviewlint-disable-next-line metrics -- the number is in the table below -->
//   <!-- reviewlint-disable-next-block vagueness -- the next paragraph, list item or table row -->
//   A sentence that would be flagged.   <!-- reviewlint-disable-line vagueness.hedge -->
//
// Each names rule ids or pack names (none means every rule) and may end with `-- reason`.
// A directive that suppresses nothing is reported with --report-unused-disables, as ESLint does.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.h"
#include "document.h"

namespace reviewlint {

struct Directive {
  enum Kind { kDisable, kEnable, kDisableNextLine, kDisableLine, kDisableNextBlock } kind;
  std::vector<std::string> targets;  // rule ids or pack names; empty: all
  std::string reason;
  Span span;          // the comment
  uint32_t line = 0;  // 0-based line the directive applies to (line kinds)
  Span block;         // the bytes a next-block directive covers
  bool used = false;
};

/// The directives in the document's HTML comments, in order.
std::vector<Directive> ParseDirectives(const Document& doc);

/// Removes suppressed diagnostics. Marks the directives that suppressed something; when
/// `report_unused`, adds a `reviewlint.unused-disable` finding for each that did not, and always
/// a `reviewlint.unknown-rule` finding for a target that names no known rule or pack.
void ApplySuppressions(const Document& doc, std::vector<Directive>& directives,
                       const std::vector<std::string>& known_ids, bool report_unused,
                       std::vector<Diagnostic>* diagnostics);

}  // namespace reviewlint
