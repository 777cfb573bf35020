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

bool ParseLevel(std::string_view name, Level* out) {
  Severity s;
  if (name == "off")
    *out = Level::kOff;
  else if (name == "on")
    *out = Level::kOn;
  else if (ParseSeverity(name, &s))
    *out = static_cast<Level>(static_cast<int>(Level::kInfo) + static_cast<int>(s));
  else
    return false;
  return true;
}

const char* LevelName(Level level) {
  Severity s;
  if (SeverityOfLevel(level, &s)) return SeverityName(s);
  return level == Level::kOff ? "off" : "on";
}

bool SeverityOfLevel(Level level, Severity* out) {
  if (level < Level::kInfo) return false;
  *out = static_cast<Severity>(static_cast<int>(level) - static_cast<int>(Level::kInfo));
  return true;
}

std::optional<Level> LevelFor(const LevelMap& levels, std::string_view rule_id) {
  auto it = levels.find(rule_id);
  if (it == levels.end()) it = levels.find(rule_id.substr(0, rule_id.find('.')));
  if (it == levels.end()) return std::nullopt;
  return it->second;
}

std::optional<Level> EffectiveLevel(std::string_view rule_id, const LevelMap& command_line,
                                    const LevelMap* file) {
  if (auto level = LevelFor(command_line, rule_id)) return level;
  return file ? LevelFor(*file, rule_id) : std::nullopt;
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
