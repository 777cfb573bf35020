// Diagnostic: what a check reports. Emitters format it; the engine and the CLI decide severity
// and exit codes; nothing else changes it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "span.h"

namespace reviewlint {

enum class Severity : uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity s);
/// Parses "info" | "warning" | "error".
bool ParseSeverity(std::string_view name, Severity* out);

/// A rule's or a pack's level, as the user sets it: off, on (at the rule's own severity: a
/// config's `"packs": {"x": true}`), or a severity. Parsed where the user writes it (--rule, the
/// config, the editor's settings); the engine never compares level strings.
enum class Level : uint8_t { kOff, kOn, kInfo, kWarning, kError };
/// Parses "off" | "on" | "info" | "warning" | "error".
bool ParseLevel(std::string_view name, Level* out);
const char* LevelName(Level level);
/// The severity a level sets, or false for off and on.
bool SeverityOfLevel(Level level, Severity* out);
/// Levels by rule id or pack name.
using LevelMap = std::map<std::string, Level, std::less<>>;
/// The level `levels` sets for a rule: by its id, else by its pack; nullopt when neither is set.
std::optional<Level> LevelFor(const LevelMap& levels, std::string_view rule_id);
/// The one answer to "at what level does this rule run?": the command line's (or the editor's)
/// level for the rule or its pack wins; else the file's config (`file`, may be null); else
/// nullopt, the rule's own severity.
std::optional<Level> EffectiveLevel(std::string_view rule_id, const LevelMap& command_line,
                                    const LevelMap* file);

enum class Scope : uint8_t { kSpan, kDocument };

/// A replacement of `span` by `replacement`. Safe fixes are mechanical and may be applied
/// without asking; unsafe ones change what the review says.
struct Fix {
  Span span;
  std::string replacement;
  bool safe = false;
};

struct Diagnostic {
  std::string rule;  // "<pack>.<rule>"
  Severity severity = Severity::kWarning;
  Span span;
  std::string message;
  Scope scope = Scope::kSpan;
  std::vector<Fix> fixes;
  nlohmann::json data = nlohmann::json::object();
};

/// A message template with each {key} replaced by its value, in one pass: a value's own braces are
/// left as they are. Rule messages use {match}; document checks their own keys ({field}, …).
std::string FillMessage(std::string_view tmpl,
                        const std::vector<std::pair<std::string, std::string>>& values);

/// `text` on one line: line breaks and tabs become spaces (a {match} or an excerpt in a message).
std::string OneLine(std::string_view text);

/// Orders by position, then rule id, so output is deterministic.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace reviewlint
