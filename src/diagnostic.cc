#include "diagnostic.h"

namespace reviewlint {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

bool ParseSeverity(std::string_view name, Severity* out) {
  if (name == "info")
    *out = Severity::kInfo;
  else if (name == "warning")
    *out = Severity::kWarning;
  else if (name == "error")
    *out = Severity::kError;
  else
    return false;
  return true;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  if (a.scope != b.scope) return a.scope < b.scope;  // span findings first, then the document's
  if (a.span != b.span) return a.span < b.span;
  return a.rule < b.rule;
}

}  // namespace reviewlint
