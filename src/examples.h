// Rule examples: every rule carries text it must flag ("bad") and text it must leave alone
// ("good"). RunExamples lints each one as a Markdown draft; the test suite and
// `reviewlint test-rules` both call it, so a team tests its own packs the way we test ours.
#pragma once

#include <string>
#include <vector>

namespace reviewlint {

class Engine;
struct RuleSpec;

struct ExampleFailure {
  std::string rule;     // "vagueness.generic-praise"
  std::string where;    // "rules/vagueness.json: /rules/0/examples/bad/2"
  std::string text;     // the example
  std::string problem;  // "not flagged" / "flagged: \"great job\" (1:5)"
};

struct ExampleReport {
  size_t rules = 0, examples = 0;
  std::vector<ExampleFailure> failures;
};

/// Runs the examples of every rule of `engine` whose pack is in `packs` (all when empty).
ExampleReport RunExamples(const Engine& engine, const std::vector<std::string>& packs = {});

}  // namespace reviewlint
