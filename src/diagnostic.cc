#include "diagnostic.h"

#include <algorithm>

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

std::string FillMessage(std::string_view tmpl,
                        const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  size_t p = 0;
  for (size_t at; (at = tmpl.find('{', p)) != std::string_view::npos;) {
    out.append(tmpl.substr(p, at - p));
    std::string_view rest = tmpl.substr(at + 1);
    auto filled = std::find_if(values.begin(), values.end(), [&](const auto& kv) {
      const std::string& key = kv.first;
      return rest.size() > key.size() && rest.compare(0, key.size(), key) == 0 &&
             rest[key.size()] == '}';
    });
    if (filled == values.end()) {
      out += '{';
      p = at + 1;
    } else {
      out += filled->second;
      p = at + filled->first.size() + 2;
    }
  }
  out.append(tmpl.substr(p));
  return out;
}

std::string OneLine(std::string_view text) {
  std::string s(text);
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace reviewlint
