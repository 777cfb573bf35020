#include "required_names.h"

#include "rule_pack.h"

namespace reviewlint {
namespace {

constexpr const char* kBalance =
    "the balance analysis (balance.missing-positive, balance.missing-constructive and the "
    "scorecard's strengths and constructive counts)";
constexpr const char* kSpecificity = "the balance analysis (the scorecard's specificity)";
constexpr const char* kPip = "the PIP checks (pip.missing-field and the other pip rules)";
constexpr const char* kReport = "the team report (its trait-word and hedge columns)";

const RulePack* FindPack(const std::vector<RulePack>& packs, const std::string& name) {
  for (const RulePack& p : packs)
    if (p.name == name) return &p;
  return nullptr;
}

bool Defines(const RulePack& pack, const RequiredName& n) {
  if (n.kind == RequiredName::kPack) return true;
  if (n.kind == RequiredName::kRule) {
    for (const RuleSpec& r : pack.rules)
      if (r.id == RuleIdOf(n.id)) return true;
    return false;
  }
  for (const EvidenceSpec& ev : pack.evidence)
    if (ev.name == n.name) return true;
  return false;
}

std::string Describe(const RequiredName& n) {
  switch (n.kind) {
    case RequiredName::kEvidence:
      return std::string("evidence \"") + n.name + "\"";
    case RequiredName::kRule:
      return "rule \"" + RuleIdOf(n.id) + "\"";
    case RequiredName::kPack:
      break;
  }
  return std::string("pack \"") + n.pack + "\"";
}

}  // namespace

const std::vector<RequiredName>& RequiredNames() {
  using R = RequiredName;
  static const std::vector<RequiredName> kNames = {
      {Needed::kPipHeading, R::kEvidence, "pip", "pip-heading", "pip", kPip},
      {Needed::kPraise, R::kEvidence, "balance", "praise", "balance", kBalance},
      {Needed::kCriticism, R::kEvidence, "balance", "criticism", "balance", kBalance},
      {Needed::kStrengthsHeading, R::kEvidence, "balance", "strengths-heading", "balance",
       kBalance},
      {Needed::kGrowthHeading, R::kEvidence, "balance", "growth-heading", "balance", kBalance},
      {Needed::kDemand, R::kEvidence, "balance", "demand", "balance", kBalance},
      {Needed::kSuggestion, R::kEvidence, "balance", "suggestion", "balance", kBalance},
      {Needed::kCeiling, R::kEvidence, "balance", "ceiling", "balance", kBalance},
      {Needed::kNotAProblem, R::kEvidence, "balance", "not-a-problem", "balance", kBalance},
      {Needed::kAdvice, R::kEvidence, "balance", "advice", "balance", kBalance},
      {Needed::kProblemSignal, R::kEvidence, "balance", "problem-signal", "balance", kBalance},
      {Needed::kSpecificDetail, R::kEvidence, "vagueness", "specific-detail", "balance",
       kSpecificity},
      {Needed::kVagueFindings, R::kPack, "vagueness", "", "balance", kSpecificity},
      {Needed::kTemplateFindings, R::kPack, "template", "", "pip",
       "the PIP checks (pip.unfilled-field: words a template rule flagged are not content)"},
      {Needed::kTraitRule, R::kRule, "bias", "personality", "", kReport},
      {Needed::kHedgeRule, R::kRule, "vagueness", "hedge", "", kReport},
  };
  return kNames;
}

const RequiredName& Required(Needed id) { return RequiredNames()[static_cast<size_t>(id)]; }

std::string RuleIdOf(Needed id) {
  const RequiredName& n = Required(id);
  return std::string(n.pack) + "." + n.name;
}

void CheckRequiredNames(const std::vector<RulePack>& packs, std::vector<std::string>* errors,
                        std::vector<std::string>* unresolved) {
  for (const RequiredName& n : RequiredNames()) {
    const RulePack* pack = FindPack(packs, n.pack);
    if (pack && !Defines(*pack, n)) {
      errors->push_back(pack->file + ": " + Describe(n) + " is missing; " + n.needed_by +
                        " needs it");
    } else if (!pack && *n.user && FindPack(packs, n.user)) {
      errors->push_back(std::string("pack \"") + n.pack + "\" is not loaded (a rules folder " +
                        "replaced its file with a pack of another name?); " + n.needed_by +
                        " needs its " + Describe(n));
    } else if (!pack) {
      unresolved->push_back(std::string("pack \"") + n.pack + "\" is not loaded: " + n.needed_by +
                            " is off");
    }
  }
}

}  // namespace reviewlint
