#include <gtest/gtest.h>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::Has;
using testing::HasRule;
using testing::Lint;

std::unique_ptr<Engine> EngineFor(const std::string& pack_json, std::vector<std::string>* errors) {
  DataStore store;
  auto pack = ParsePack("custom.json", pack_json, store, errors);
  if (!pack) return nullptr;
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  return Engine::Build(std::move(packs), {}, RuleSettings{}, errors);
}

const char* kPack = R"({
  "pack": "custom",
  "evidence": {"why": {"phrases": ["because"]}},
  "rules": [
    {"id": "phrase", "kind": "phrase", "severity": "warning", "phrases": ["communicate clearly"],
     "unless": {"preceded_by": ["not"], "sentence_has": ["why"]},
     "message": "m {match}", "why": "w", "instead": "i",
     "examples": {"bad": ["x communicate clearly"], "good": ["y"]}},
    {"id": "exact", "kind": "phrase", "severity": "info", "phrases": ["Rock"], "exact": true,
     "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["rock"], "good": ["rocks"]}},
    {"id": "pattern", "kind": "pattern", "severity": "error", "pattern": "\\bX%", "case_sensitive": true,
     "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["X%"], "good": ["x%"]}},
    {"id": "cond", "kind": "conditional", "severity": "warning",
     "trigger": {"phrases": ["reduce latency"]}, "requires": ["quantity"], "next_sentence_counts": true,
     "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["Reduced latency."], "good": ["Reduced latency by 5%."]}}
  ]})";

TEST(Engine, PhrasesMatchInflections) {
  std::vector<std::string> errors;
  auto e = EngineFor(kPack, &errors);
  ASSERT_TRUE(e) << errors[0];
  auto f = Lint("She communicates clearly. He communicated clearly.", "markdown", e.get());
  EXPECT_TRUE(Has(f, "custom.phrase", "communicates clearly"));
  EXPECT_TRUE(Has(f, "custom.phrase", "communicated clearly"));
}

TEST(Engine, GuardrailsSilenceMatches) {
  std::vector<std::string> errors;
  auto e = EngineFor(kPack, &errors);
  ASSERT_TRUE(e);
  EXPECT_TRUE(Lint("She does not communicate clearly.", "markdown", e.get()).empty());
  EXPECT_TRUE(
      Lint("She communicates clearly because she writes notes.", "markdown", e.get()).empty());
  EXPECT_TRUE(Lint("He said \"communicate clearly\" twice.", "markdown", e.get()).empty());
  EXPECT_TRUE(Lint("## Communicate clearly\n", "markdown", e.get()).empty());
  EXPECT_TRUE(Lint("Use `communicate clearly` here.", "markdown", e.get()).empty());
}

TEST(Engine, ExactAndCaseSensitive) {
  std::vector<std::string> errors;
  auto e = EngineFor(kPack, &errors);
  ASSERT_TRUE(e);
  EXPECT_TRUE(Has(Lint("A ROCK here.", "markdown", e.get()), "custom.exact", "ROCK"));
  EXPECT_FALSE(HasRule(Lint("Two rocks.", "markdown", e.get()), "custom.exact"));
  EXPECT_TRUE(Has(Lint("Grew X% and x%.", "markdown", e.get()), "custom.pattern", "X%"));
  EXPECT_EQ(Lint("Grew X% and x%.", "markdown", e.get()).size(), 1u);
}

TEST(Engine, ConditionalLooksAtTheNextSentence) {
  std::vector<std::string> errors;
  auto e = EngineFor(kPack, &errors);
  ASSERT_TRUE(e);
  EXPECT_TRUE(
      HasRule(Lint("Reduced latency. Everyone was happy.", "markdown", e.get()), "custom.cond"));
  EXPECT_FALSE(HasRule(Lint("Reduced latency. It went from 480 ms to 210 ms.", "markdown", e.get()),
                       "custom.cond"));
  // The next sentence must be in the same scope.
  EXPECT_TRUE(
      HasRule(Lint("- Reduced latency.\n- It went from 480 ms to 210 ms.\n", "markdown", e.get()),
              "custom.cond"));
}

TEST(Engine, MessagesQuoteTheMatch) {
  std::vector<std::string> errors;
  auto e = EngineFor(kPack, &errors);
  ASSERT_TRUE(e);
  Workspace ws(*e);
  SourceFile src("t.md", "We communicate\nclearly.");
  auto d = e->Lint(src, *MarkupByName("markdown"), ws).diagnostics;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "m communicate clearly");
  EXPECT_EQ(d[0].span.begin, 3u);
  EXPECT_EQ(d[0].span.end, 22u);
}

// A long draft keeps only the hits that are read after its sentences' evidence is noted: guard
// words without their rule's trigger and repeated evidence are dropped, so the draft's hits do
// not grow with every "not" and "because" in it. The findings stay the same.
TEST(Engine, HitsKeptAreOnlyThoseReadLater) {
  std::vector<std::string> errors;
  auto e = EngineFor(kPack, &errors);
  ASSERT_TRUE(e);
  Workspace ws(*e);
  std::string text;
  for (int i = 0; i < 200; ++i) text += "It is not so, not at all, because because. ";
  text += "We do not communicate clearly. They communicate clearly.";
  SourceFile src("t.md", text);
  auto d = e->Lint(src, *MarkupByName("markdown"), ws).diagnostics;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span.begin, text.size() - 20);
  // The two triggers and the guard before the first; nothing of the 200 sentences before them.
  EXPECT_EQ(ws.hits.size(), 3u);
}

TEST(Engine, RuleSettingsTurnRulesOffAndChangeSeverity) {
  DataStore store;
  std::vector<std::string> errors;
  RuleSettings settings;
  settings.levels["vagueness"] = Level::kError;
  settings.levels["vagueness.hedge"] = Level::kOff;
  auto e = Engine::FromStore(store, settings, &errors);
  ASSERT_TRUE(e);
  Workspace ws(*e);
  SourceFile src("t.md", "She is somewhat of a team player.");
  auto d = e->Lint(src, *MarkupByName("markdown"), ws).diagnostics;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "vagueness.generic-praise");
  EXPECT_EQ(d[0].severity, Severity::kError);
}

TEST(Engine, OverlappingFindingsOfOnePackCollapse) {
  auto f = Lint("Really great work this year.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "vagueness.empty-booster");
}

TEST(Engine, ManyPhrasesStillOneMatcher) {
  std::string phrases;
  for (int i = 0; i < 2000; ++i) {
    if (i) phrases += ",";
    phrases += "\"word";
    phrases += std::to_string(i);
    phrases += " thing\"";
  }
  std::string pack =
      R"({"pack": "big", "rules": [{"id": "many", "kind": "phrase", "severity": "info", "phrases": [)" +
      phrases +
      R"(], "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["word7 thing"], "good": ["word7"]}}]})";
  std::vector<std::string> errors;
  auto e = EngineFor(pack, &errors);
  ASSERT_TRUE(e);
  EXPECT_TRUE(Has(Lint("a word1999 things b", "markdown", e.get()), "big.many", "word1999 things"));
}

std::vector<RulePack> DefaultPacksWithout(const std::string& pack) {
  std::vector<std::string> errors;
  std::vector<RulePack> packs = LoadPacks(DataStore(), &errors);
  EXPECT_TRUE(errors.empty());
  std::erase_if(packs, [&](const RulePack& p) { return p.name == pack; });
  return packs;
}

TEST(RequiredNames, APackThatIsNotLoadedTurnsOffOnlyWhatNeedsIt) {
  std::vector<std::string> errors;
  auto e = Engine::Build(DefaultPacksWithout("balance"), {}, RuleSettings{}, &errors);
  ASSERT_TRUE(e) << errors[0];
  EXPECT_EQ(e->RequiredEvidence(Needed::kPraise), -1);
  ASSERT_FALSE(e->unresolved_names().empty());
  EXPECT_EQ(e->unresolved_names()[0],
            "pack \"balance\" is not loaded: the balance analysis (balance.missing-positive, "
            "balance.missing-constructive and the scorecard's strengths and constructive counts) "
            "is off");
}

TEST(RequiredNames, APackThatALoadedPackNeedsMustBeLoaded) {
  std::vector<std::string> errors;
  EXPECT_FALSE(Engine::Build(DefaultPacksWithout("vagueness"), {}, RuleSettings{}, &errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0],
            "pack \"vagueness\" is not loaded (a rules folder replaced its file with a pack of "
            "another name?); the balance analysis (the scorecard's specificity) needs its "
            "evidence \"specific-detail\"");
}

TEST(RequiredNames, EveryDefaultNameResolves) {
  const Engine* e = &testing::DefaultEngine();
  EXPECT_TRUE(e->unresolved_names().empty());
  for (const RequiredName& n : RequiredNames()) {
    EXPECT_EQ(&Required(n.id), &n);
    if (n.kind == RequiredName::kEvidence) {
      EXPECT_GE(e->RequiredEvidence(n.id), 0) << n.name;
    }
    if (n.kind == RequiredName::kRule) {
      EXPECT_TRUE(e->FindRule(RuleIdOf(n.id))) << n.name;
    }
  }
}

}  // namespace
}  // namespace reviewlint
