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

}  // namespace reviewlint
