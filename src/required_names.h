// The names of packs, evidence sets and rules that C++ code relies on, in one table. The packs are
// data (rules/*.json, or a team's through --rules-dir), but the whole-review analyses read a few
// of their names: the balance analysis counts sentences with "balance/praise" evidence, the PIP
// checks skip words that "template" rules flagged, the team report counts "vagueness.hedge". The
// engine resolves this table when it is built:
//
//   - A pack that is loaded but lacks a name the table gives it is an error, located at the pack's
//     file: "rules/balance.json: evidence \"praise\" is missing; the balance analysis needs it
//     (...)". Without the check, the analysis would silently read "never present".
//   - A pack that is not loaded at all (its file was replaced by a team pack of another name) is
//     an error when the pack whose checks need it is loaded (balance needs vagueness), and only
//     turns off what needs it otherwise: the checks that read the balance analysis are rules of
//     the balance pack, so they are gone with it. Engine::unresolved_names() says what is off.
//
// To make C++ depend on a new name: add a Needed value and its row in required_names.cc, and read
// it through Required() or the engine's RequiredEvidence().
#pragma once

#include <string>
#include <vector>

namespace reviewlint {

struct RulePack;

enum class Needed : unsigned char {
  kPipHeading,        // evidence pip/pip-heading
  kPraise,            // evidence balance/praise
  kCriticism,         // evidence balance/criticism
  kStrengthsHeading,  // evidence balance/strengths-heading
  kGrowthHeading,     // evidence balance/growth-heading
  kDemand,            // evidence balance/demand
  kSuggestion,        // evidence balance/suggestion
  kCeiling,           // evidence balance/ceiling
  kNotAProblem,       // evidence balance/not-a-problem
  kAdvice,            // evidence balance/advice
  kProblemSignal,     // evidence balance/problem-signal
  kSpecificDetail,    // evidence vagueness/specific-detail
  kVagueFindings,     // the findings of pack vagueness
  kTemplateFindings,  // the findings of pack template
  kTraitRule,         // rule bias.personality
  kHedgeRule,         // rule vagueness.hedge
  kCount
};

struct RequiredName {
  enum Kind : unsigned char { kEvidence, kPack, kRule };
  Needed id;
  Kind kind;
  const char* pack;
  const char* name;       // the evidence set or the rule's name in the pack; "" for a pack
  const char* user;       // the pack whose checks read it; "" when only the team report does
  const char* needed_by;  // who needs it and for what, for errors
};

/// The table, one row per Needed value, in that order.
const std::vector<RequiredName>& RequiredNames();
const RequiredName& Required(Needed id);
/// "vagueness.hedge" for a rule, "vagueness." (the prefix of its rule ids) for a pack.
std::string RuleIdOf(Needed id);

/// Checks the table against the loaded packs (see above): appends located errors, and to
/// `unresolved` one line per name that is off because its pack is not loaded.
void CheckRequiredNames(const std::vector<RulePack>& packs, std::vector<std::string>* errors,
                        std::vector<std::string>* unresolved);

}  // namespace reviewlint
