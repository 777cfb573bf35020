// A JSON Schema validator for the subset our schemas use (rules/schema.json, the rubric and config
// schemas): type, properties, required, additionalProperties, enum, const, items, minItems,
// minLength, minimum, maximum, pattern (RE2), $ref to local definitions, anyOf, oneOf.
// Schemas are the single source of truth for a file's shape: the same file editors use to
// validate on save gives the CLI its located errors.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace reviewlint {

struct SchemaError {
  std::string pointer;  // JSON pointer of the offending value ("" for the root)
  std::string message;  // e.g. unknown key "phrase" (did you mean "phrases"?)
};

/// Validates `value` against `schema`; returns the errors found, first error first. Stops after
/// `max_errors`.
std::vector<SchemaError> ValidateSchema(const nlohmann::json& schema, const nlohmann::json& value,
                                        size_t max_errors = 20);

/// Parses `text` and validates it against `schema`; on failure appends located messages to
/// `errors` and returns false. Packs, rubrics and config files all load through this.
bool ParseAndValidate(const std::string& file, const std::string& text,
                      const nlohmann::json& schema, nlohmann::json* out,
                      std::vector<std::string>* errors, bool allow_comments = false);

/// The strings of an array a schema has checked ("phrases": [...]); empty when `v` is not an
/// array (an optional key that is absent).
std::vector<std::string> StringsOf(const nlohmann::json& v);

/// "file: /pointer: message", or "file: message" at the root.
std::string FormatSchemaError(const std::string& file, const SchemaError& e);

/// Parses JSON; on a syntax error returns false and sets `*error` to "file:line:col: message".
/// `allow_comments` reads JSON with comments as JSONC does: `//` and `/* */` comments, and a
/// trailing comma before `}` or `]`.
bool ParseJsonLocated(const std::string& file, const std::string& text, nlohmann::json* out,
                      std::string* error, bool allow_comments = false);

}  // namespace reviewlint
