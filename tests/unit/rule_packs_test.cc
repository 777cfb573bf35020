// Every default pack loads against rules/schema.json and every rule's examples behave; broken
// packs give located errors, tested word for word.
#include <gtest/gtest.h>

#include "examples.h"
#include "json_schema.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::DefaultEngine;

TEST(RulePacks, DefaultPacksLoadAndHaveTheFixedNames) {
  std::vector<std::string> names;
  for (const auto& p : DefaultEngine().packs()) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "vagueness"), names.end());
  for (const RuleSpec* r : DefaultEngine().rules()) {
    EXPECT_EQ(r->id, r->pack + "." + r->name);
    EXPECT_FALSE(r->bad.empty()) << r->id;
    EXPECT_FALSE(r->good.empty()) << r->id;
  }
}

// The embedded packs skip the schema check at start-up (ParsePack's `validate`), so it happens
// here, for every one of them.
TEST(RulePacks, EmbeddedPacksMatchTheSchema) {
  DataStore store;
  size_t packs = 0;
  for (const std::string& file : DataStore::EmbeddedPackFiles()) {
    std::vector<std::string> errors;
    EXPECT_TRUE(ParsePack(file, *DataStore::Embedded(file), store, &errors, /*validate=*/true))
        << file;
    for (const auto& e : errors) ADD_FAILURE() << e;
    ++packs;
  }
  EXPECT_GE(packs, 6u);
}

TEST(RulePacks, EveryExampleOfEveryRule) {
  ExampleReport report = RunExamples(DefaultEngine());
  EXPECT_GT(report.examples, 10u);
  for (const auto& f : report.failures)
    ADD_FAILURE() << f.where << ": " << f.rule << ": " << f.problem << ": " << f.text;
}

std::vector<std::string> Errors(const std::string& json) {
  DataStore store;
  std::vector<std::string> errors;
  auto pack = ParsePack("rules/hedging.json", json, store, &errors);
  if (pack && errors.empty()) {
    std::vector<RulePack> packs;
    packs.push_back(std::move(*pack));
    Engine::Build(std::move(packs), {}, RuleSettings{}, &errors);
  }
  return errors;
}

std::string Rule(const std::string& extra) {
  return R"({"pack": "hedging", "rules": [{"id": "r", "kind": "phrase", "severity": "info", "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["a"], "good": ["b"]})" +
         extra + "}]}";
}

TEST(RulePackErrors, UnknownKeySuggestsTheRightOne) {
  EXPECT_EQ(
      Errors(Rule(R"(, "phrase": ["x"])")),
      (std::vector<std::string>{
          "rules/hedging.json: /rules/0: unknown key \"phrase\" (did you mean \"phrases\"?)"}));
}

TEST(RulePackErrors, BadEnumNamesThePointer) {
  std::string j = Rule(R"(, "phrases": ["x"])");
  j.replace(j.find("\"info\""), 6, "\"warn\"");
  EXPECT_EQ(
      Errors(j),
      (std::vector<std::string>{
          "rules/hedging.json: /rules/0/severity: \"warn\" is not one of: error, warning, info "
          "(did you mean \"warning\"?)"}));
}

TEST(RulePackErrors, SyntaxErrorHasLineAndColumn) {
  auto e = Errors("{\n  \"pack\": \"hedging\",\n  \"rules\": [,]\n}");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].substr(0, 28), "rules/hedging.json:3:13: inv");
}

TEST(RulePackErrors, TruncatedJson) {
  auto e = Errors("{\"pack\": \"hedging\", \"rules\": [");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].rfind("rules/hedging.json:1:", 0), 0u) << e[0];
}

TEST(RulePackErrors, WrongTypes) {
  EXPECT_EQ(Errors(R"({"pack": 3, "rules": []})"),
            (std::vector<std::string>{"rules/hedging.json: /pack: expected string, found integer",
                                      "rules/hedging.json: /rules: needs at least 1 item"}));
}

TEST(RulePackErrors, InvalidRegexGivesRe2sMessage) {
  std::string j = Rule(R"(, "pattern": "(unclosed")");
  j.replace(j.find("\"phrase\""), 8, "\"pattern\"");
  EXPECT_EQ(Errors(j), (std::vector<std::string>{"rules/hedging.json: /rules/0/pattern: invalid "
                                                 "regular expression: missing ): (unclosed"}));
}

TEST(RulePackErrors, UnknownDictionaryAndEvidence) {
  EXPECT_EQ(Errors(Rule(R"(, "dictionaries": ["en/hedge"])")),
            (std::vector<std::string>{"rules/hedging.json: /rules/0/dictionaries/0: unknown "
                                      "dictionary \"en/hedge\" (did you mean \"en/hedges\"?)"}));
  EXPECT_EQ(Errors(Rule(R"(, "phrases": ["x"], "unless": {"sentence_has": ["quantty"]})")),
            (std::vector<std::string>{"rules/hedging.json: /rules/0/unless/sentence_has/0: unknown "
                                      "evidence \"quantty\" (did you mean \"quantity\"?)"}));
}

TEST(RulePackErrors, KindNeedsItsFields) {
  EXPECT_EQ(
      Errors(Rule("")),
      (std::vector<std::string>{
          "rules/hedging.json: /rules/0: a phrase rule needs \"phrases\" or \"dictionaries\""}));
}

// The embedded packs skip the schema (validate=false): an unknown kind is still an error, not a
// phrase rule.
TEST(RulePackErrors, UnknownKindIsAnErrorWithoutTheSchemaToo) {
  std::string j = Rule(R"(, "phrases": ["x"])");
  j.replace(j.find("\"phrase\""), 8, "\"phrses\"");
  DataStore store;
  std::vector<std::string> errors;
  EXPECT_FALSE(ParsePack("rules/hedging.json", j, store, &errors, /*validate=*/false));
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "rules/hedging.json: /rules/0/kind: unknown rule kind \"phrses\" (did you "
                        "mean \"phrase\"?); the kinds are phrase, pattern, conditional, document, "
                        "predicate"}));
  EXPECT_EQ(Errors(j),
            (std::vector<std::string>{
                "rules/hedging.json: /rules/0/kind: \"phrses\" is not one of: phrase, "
                "pattern, conditional, document, predicate (did you mean \"phrase\"?)"}));
}

std::string PredicateRule(const std::string& when) {
  std::string j = Rule(R"(, "when": )" + when);
  j.replace(j.find("\"phrase\""), 8, "\"predicate\"");
  return j;
}

TEST(RulePackErrors, PredicateIsCheckedWordForWord) {
  EXPECT_EQ(Errors(PredicateRule(R"({"cue": "evaluative", "targt": "person"})")),
            (std::vector<std::string>{"rules/hedging.json: /rules/0/when: unknown key "
                                      "\"targt\" (did you mean \"target\"?)"}));
  EXPECT_EQ(Errors(PredicateRule(R"({"cue": "evaluatve"})")),
            (std::vector<std::string>{
                "rules/hedging.json: /rules/0/when/cue: unknown value \"evaluatve\" (did you mean "
                "\"evaluative\"?) (known: evaluative, trait, faint, demeanour, achievement, "
                "deficit)"}));
  EXPECT_EQ(Errors(PredicateRule(R"({"lacks": ["quantty"]})")),
            (std::vector<std::string>{"rules/hedging.json: /rules/0/when/lacks/0: unknown "
                                      "evidence \"quantty\" (did you mean \"quantity\"?)"}));
  EXPECT_EQ(Errors(PredicateRule(R"({"polarity": "negative"})")),
            (std::vector<std::string>{"rules/hedging.json: /rules/0/when: \"polarity\", \"target\" "
                                      "and \"time\" describe a cue; add \"cue\""}));
  EXPECT_EQ(Errors(PredicateRule(R"({"any_of": [{"cue": "trait"}, {"has": ["artefact"]}]})")),
            std::vector<std::string>{});
}

TEST(RulePackErrors, PredicateRulesTakeNoWords) {
  std::string j = PredicateRule(R"({"cue": "trait"})");
  j.replace(j.find("\"when\""), 6, "\"phrases\": [\"x\"], \"when\"");
  EXPECT_EQ(Errors(j), (std::vector<std::string>{
                           "rules/hedging.json: /rules/0: a predicate rule takes no words; its "
                           "\"when\" tests the sentence's features"}));
  EXPECT_EQ(Errors(Rule(R"(, "phrases": ["x"], "when": {"cue": "trait"})")),
            (std::vector<std::string>{
                "rules/hedging.json: /rules/0: \"when\" belongs to predicate rules"}));
}

TEST(RulePackErrors, DuplicateRuleIds) {
  std::string rule =
      R"({"id": "r", "kind": "phrase", "severity": "info", "phrases": ["x"], "message": "m", "why": "w", "instead": "i", "examples": {"bad": ["x"], "good": ["y"]}})";
  EXPECT_EQ(Errors(R"({"pack": "hedging", "rules": [)" + rule + "," + rule + "]}"),
            (std::vector<std::string>{"rules/hedging.json: /rules/1/id: duplicate rule id \"r\""}));
}

TEST(RulePackErrors, PathologicalPatternRunsInLinearTime) {
  std::string j = Rule(R"(, "pattern": "(a+)+$")");
  j.replace(j.find("\"phrase\""), 8, "\"pattern\"");
  DataStore store;
  std::vector<std::string> errors;
  auto pack = ParsePack("p.json", j, store, &errors);
  ASSERT_TRUE(pack);
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  auto engine = Engine::Build(std::move(packs), {}, RuleSettings{}, &errors);
  ASSERT_TRUE(engine);
  std::string text(100000, 'a');
  // RE2 guarantees linear time; a backtracking engine would never finish this.
  auto found = testing::Lint(text, "markdown", engine.get());
  EXPECT_EQ(found.size(), 1u);
}

TEST(JsonSchema, AnyOfReportsTheClosestAlternative) {
  nlohmann::json schema = nlohmann::json::parse(
      R"({"anyOf": [{"type": "array"}, {"type": "object", "additionalProperties": false, "properties": {"phrases": {}}}]})");
  auto errors = ValidateSchema(schema, nlohmann::json::parse(R"({"phrase": 1})"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "unknown key \"phrase\" (did you mean \"phrases\"?)");
}

}  // namespace
}  // namespace reviewlint
