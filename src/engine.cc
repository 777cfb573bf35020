#include "engine.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <thread>

#include "checks/check.h"
#include "fix.h"
#include "guard_index.h"
#include "kind.h"
#include "overlap.h"
#include "quote_index.h"
#include "required_names.h"
#include "rule_image.h"
#include "suppression.h"

namespace reviewlint {
namespace {

uint32_t ScopeBit(BlockKind k) { return 1u << static_cast<uint32_t>(k); }

// Does the heading of `section`, or of a section around it, match `re`?
bool SectionMatches(const Document& doc, int section, const RE2& re) {
  std::string_view prose = doc.prose();
  for (int s = section; s >= 0; s = doc.markup.sections[s].parent) {
    Span t = doc.markup.sections[s].title;
    if (RE2::PartialMatch(re2::StringPiece(prose.data() + t.begin, t.size()), re)) return true;
  }
  return false;
}

// Is `match` (a name) part of a front-matter value?
bool InFrontMatter(const Document& doc, std::string_view match) {
  std::string m = FoldCase(match);
  for (const auto& e : doc.markup.front_matter_entries) {
    std::string v = FoldCase(e.value);
    size_t at = v.find(m);
    while (at != std::string::npos) {
      bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(v[at - 1]));
      bool right =
          at + m.size() >= v.size() || !std::isalnum(static_cast<unsigned char>(v[at + m.size()]));
      if (left && right) return true;
      at = v.find(m, at + 1);
    }
  }
  return false;
}

}  // namespace

// The phrases and patterns of every pack, collected first so that Compile can add the patterns
// on a second thread while this one builds the phrase trie.
struct CollectedTerms {
  struct Phrase {
    std::string phrase;
    bool exact;
    Target target;
    std::string where;  // file and JSON pointer, for errors
  };
  struct Pattern {
    std::string pattern;
    bool case_sensitive;
    Target target;
    std::string where;
  };
  std::vector<Phrase> phrases;
  std::vector<Pattern> patterns;
};

// The hits of a document, by sentence.
struct HitTable {
  std::vector<uint32_t> begin;  // the hits of sentence s: [begin[s], begin[s + 1])
};

namespace {

void CollectTerms(const std::string& file,
                  const std::map<std::string, std::vector<std::string>>& dictionaries,
                  const TermList& terms, Target target, bool case_sensitive, CollectedTerms* out,
                  std::vector<std::string>* errors) {
  auto add = [&](const std::string& phrase, const std::string& where) {
    // Each {a|b} group multiplies the phrases: a few dozen would exhaust memory, then time.
    constexpr size_t kMaxAlternatives = 1000;
    if (CountAlternatives(phrase, kMaxAlternatives) > kMaxAlternatives) {
      errors->push_back(where + ": phrase \"" + phrase + "\" expands to more than " +
                        std::to_string(kMaxAlternatives) + " alternatives");
      return;
    }
    out->phrases.push_back({phrase, terms.exact, target, where});
  };
  for (size_t k = 0; k < terms.phrases.size(); ++k)
    add(terms.phrases[k], file + ": " + terms.pointer + "/phrases/" + std::to_string(k));
  for (const std::string& d : terms.dictionaries) {
    auto it = dictionaries.find(d);
    if (it == dictionaries.end()) continue;
    for (const std::string& phrase : it->second) add(phrase, file + ": dictionary " + d);
  }
  for (size_t k = 0; k < terms.patterns.size(); ++k) {
    bool listed = terms.pointer.find("/trigger") != std::string::npos ||
                  terms.pointer.find("/evidence") != std::string::npos;
    std::string where =
        file + ": " + terms.pointer + (listed ? "/patterns/" + std::to_string(k) : "/pattern");
    out->patterns.push_back({terms.patterns[k], case_sensitive, target, where});
  }
}

// A trigger that passed its rule's gates, as a finding: the words it matched (or its sentence,
// for `"report": "sentence"`), the message, and the rule's fix.
Diagnostic MakeFinding(const CompiledRule& compiled, const Hit& hit, const Sentence& sent,
                       const Document& doc) {
  const RuleSpec& rule = *compiled.spec;
  Diagnostic d;
  d.rule = rule.id;
  d.severity = compiled.severity;
  d.span = rule.report_sentence ? sent.span : hit.span;
  d.message = FillMessage(rule.message, {{"match", OneLine(doc.Text(hit.span))}});
  if (rule.report_sentence) d.data["trigger"] = std::string(doc.Text(hit.span));
  if (rule.fix) {
    Fix f = *rule.fix;
    f.span = hit.span;
    f.replacement = FillMessage(f.replacement, {{"match", OneLine(doc.Text(hit.span))}});
    if (f.replacement.empty()) ShapeRemoval(doc.source.text(), &f);
    d.fixes.push_back(f);
  }
  if (!rule.report_sentence) AddRewrite(doc.source.text(), &d);
  return d;
}

// Where a sentence-level finding sits, for MergeSentenceFindings.
PlaceOfSentence PlacesIn(const Document& doc) {
  return [&doc](uint32_t begin) {
    auto sent = std::lower_bound(doc.sentences.begin(), doc.sentences.end(), begin,
                                 [](const Sentence& x, uint32_t b) { return x.span.begin < b; });
    if (sent == doc.sentences.end()) return SentencePlace{};
    return SentencePlace{static_cast<int>(sent->block), doc.HasMeasure(*sent)};
  };
}

std::unique_ptr<RE2> SectionRegex(const RulePack& pack, const RuleSpec& r,
                                  const std::string& pattern, const char* key,
                                  std::vector<std::string>* errors) {
  if (pattern.empty()) return nullptr;
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, o);
  if (!re->ok()) {
    errors->push_back(pack.file + ": " + r.pointer + "/" + key +
                      ": invalid regular expression: " + re->error());
    return nullptr;
  }
  return re;
}

}  // namespace

Workspace::Workspace(const Engine& engine) : keyer(&engine.lexicon()) {}

std::unique_ptr<Engine> Engine::Build(std::vector<RulePack> packs, std::vector<Rubric> rubrics,
                                      const RuleSettings& settings,
                                      std::vector<std::string>* errors) {
  std::unique_ptr<Engine> e(new Engine());
  e->packs_ = std::move(packs);
  e->rubrics_ = std::move(rubrics);
  if (!e->Compile(settings, errors)) return nullptr;
  return e;
}

std::unique_ptr<Engine> Engine::FromStore(const DataStore& store, const RuleSettings& settings,
                                          std::vector<std::string>* errors,
                                          const std::vector<std::string>& rubric_files) {
  std::vector<RulePack> packs = LoadPacks(store, errors);
  std::vector<Rubric> rubrics = LoadRubrics(store, rubric_files, errors);
  if (!errors->empty()) return nullptr;
  return Engine::Build(std::move(packs), std::move(rubrics), settings, errors);
}

const RuleSpec* Engine::FindRule(const std::string& id) const {
  auto it = rule_index_.find(id);
  return it == rule_index_.end() ? nullptr : rules_[it->second];
}

// Compile is Add → Compile in re2's sense: everything matching needs is built and checked here,
// so that matching only reads it.
bool Engine::Compile(const RuleSettings& settings, std::vector<std::string>* errors) {
  size_t before = errors->size();
  CollectedTerms collected;
  LoadWordAttributes(errors);
  for (const RulePack& pack : packs_) {
    EvidenceNumbers evidence = NumberEvidence(pack, &collected, errors);
    for (const RuleSpec& r : pack.rules)
      CompileRule(pack, r, evidence, settings, &collected, errors);
  }
  NumberRubricEvidence(&collected, errors);
  if (!settings.rubric.empty() && !FindRubric(settings.rubric))
    errors->push_back("--rubric " + settings.rubric + ": unknown rubric; known: " + RubricNames());
  forced_rubric_ = settings.rubric;
  command_line_levels_ = settings.levels;
  default_rubric_ = settings.default_rubric.empty() ? kDefaultRubric : settings.default_rubric;
  for (const RulePack& pack : packs_) {
    known_ids_.push_back(pack.name);
    for (const RuleSpec& r : pack.rules) known_ids_.push_back(r.id);
  }
  for (size_t i = 0; i < rules_.size(); ++i) rule_index_[rules_[i]->id] = i;
  CheckRequiredNames(packs_, errors, &unresolved_names_);
  BuildMatcher(collected, errors);
  return errors->size() == before;
}

// Word attributes (units, number words, months, clause breaks) and the word classes of the
// sentence features, into the lexicon.
void Engine::LoadWordAttributes(std::vector<std::string>* errors) {
  evidence_count_ = 3;
  evidence_names_ = {"quantity", "number", "date"};
  LoadWordTables(BuiltRuleImage(), &matcher_.lexicon(), &word_classes_, errors);
}

// A rule's terms, plus the terms of the evidence sets it names, for the matcher.
void Engine::AddTerms(const RulePack& pack, const TermList& terms, Target target,
                      bool case_sensitive, CollectedTerms* collected,
                      std::vector<std::string>* errors) const {
  CollectTerms(pack.file, pack.dictionaries, terms, target, case_sensitive, collected, errors);
  for (const std::string& name : terms.evidence)
    for (const EvidenceSpec& ev : pack.evidence)
      if (ev.name == name)
        CollectTerms(pack.file, pack.dictionaries, ev.terms, target, case_sensitive, collected,
                     errors);
}

// Numbers the pack's evidence sets after the shared ones; returns the numbers by name.
Engine::EvidenceNumbers Engine::NumberEvidence(const RulePack& pack, CollectedTerms* collected,
                                               std::vector<std::string>* errors) {
  EvidenceNumbers evidence = {
      {"quantity", kEvidenceQuantity}, {"number", kEvidenceNumber}, {"date", kEvidenceDate}};
  for (const EvidenceSpec& ev : pack.evidence) {
    uint32_t index = static_cast<uint32_t>(evidence_count_++);
    evidence[ev.name] = index;
    evidence_names_.push_back(ev.name);
    evidence_index_[pack.name + "/" + ev.name] = static_cast<int>(index);
    AddTerms(pack, ev.terms, Target{Target::kEvidence, index}, false, collected, errors);
  }
  return evidence;
}

// One rule into one CompiledRule; an enabled rule's terms go to the matcher.
void Engine::CompileRule(const RulePack& pack, const RuleSpec& r, const EvidenceNumbers& evidence,
                         const RuleSettings& settings, CollectedTerms* collected,
                         std::vector<std::string>* errors) {
  uint32_t index = static_cast<uint32_t>(rules_.size());
  rules_.push_back(&r);
  CompiledRule& c = compiled_.emplace_back();
  c.spec = &r;
  std::optional<Level> level = EffectiveLevel(r.id, settings.levels, nullptr);
  c.enabled = level != Level::kOff;
  c.severity = r.severity;
  c.severity_from_user = level && SeverityOfLevel(*level, &c.severity);
  for (const auto& n : r.unless) c.unless.push_back(evidence.at(n));
  for (const auto& n : r.requires_evidence) c.required.push_back(evidence.at(n));
  for (BlockKind k : r.scopes) c.scope_mask |= ScopeBit(k);
  c.has_guards = !r.preceded_by.phrases.empty() || !r.preceded_by.dictionaries.empty() ||
                 !r.followed_by.phrases.empty() || !r.followed_by.dictionaries.empty();
  c.sections = SectionRegex(pack, r, r.sections, "sections", errors);
  c.not_sections = SectionRegex(pack, r, r.not_sections, "not_sections", errors);
  if (r.kind == RuleKind::kPredicate) {
    std::vector<std::string> names;
    for (const auto& [name, i] : evidence) names.push_back(name);
    auto lookup = [&](const std::string& name) {
      auto it = evidence.find(name);
      return it == evidence.end() ? -1 : static_cast<int>(it->second);
    };
    std::vector<std::string> errs;
    c.predicate = ParsePredicate(r.when, r.pointer + "/when", lookup, names, &errs);
    for (const std::string& e : errs) errors->push_back(pack.file + ": " + e);
    if (c.enabled) predicate_rules_.push_back(index);
    return;
  }
  if (r.kind == RuleKind::kDocument) {
    if (c.enabled) document_rules_.push_back(index);
    return;
  }
  if (!c.enabled) return;
  AddTerms(pack, r.trigger, Target{Target::kTrigger, index}, r.case_sensitive, collected, errors);
  AddTerms(pack, r.preceded_by, Target{Target::kPreceded, index}, false, collected, errors);
  AddTerms(pack, r.followed_by, Target{Target::kFollowed, index}, false, collected, errors);
}

// Every rubric's categories become evidence too, so coverage costs no extra pass.
void Engine::NumberRubricEvidence(CollectedTerms* collected, std::vector<std::string>* errors) {
  for (const Rubric& rubric : rubrics_) {
    std::vector<int> ids;
    for (const RubricCategory& c : rubric.categories) {
      uint32_t index = static_cast<uint32_t>(evidence_count_++);
      evidence_names_.push_back(rubric.name + "/" + c.name);
      ids.push_back(static_cast<int>(index));
      CollectTerms(rubric.file, rubric.dictionaries, c.evidence, Target{Target::kEvidence, index},
                   false, collected, errors);
    }
    rubric_evidence_.push_back(std::move(ids));
  }
}

// The patterns compile on a second thread while this one builds the phrase trie: together they
// are most of start-up.
void Engine::BuildMatcher(const CollectedTerms& collected, std::vector<std::string>* errors) {
  std::unique_ptr<Segmenter> segmenter;  // only for phrases the rule image does not hold
  auto split = [&]() -> Segmenter& {
    if (!segmenter) segmenter = std::make_unique<Segmenter>();
    return *segmenter;
  };
  WordKeyer keyer(&matcher_.lexicon());
  std::vector<std::string> pattern_errors;
  std::thread patterns([&] {
    std::vector<std::string> where;
    for (const CollectedTerms::Pattern& p : collected.patterns) {
      std::string err = matcher_.AddPattern(p.pattern, p.case_sensitive, p.target);
      if (!err.empty())
        pattern_errors.push_back(p.where + ": invalid regular expression: " + err);
      else
        where.push_back(p.where);
    }
    for (const Matcher::PatternError& e : matcher_.Compile())
      pattern_errors.push_back((e.pattern < where.size() ? where[e.pattern] : "rule patterns") +
                               ": invalid regular expression: " + e.error);
  });
  for (const CollectedTerms::Phrase& p : collected.phrases) {
    if (!matcher_.AddPhrase(p.phrase, p.exact, p.target, split, keyer))
      errors->push_back(p.where + ": phrase \"" + p.phrase + "\" has no words");
  }
  patterns.join();
  errors->insert(errors->end(), pattern_errors.begin(), pattern_errors.end());
}

const Rubric* Engine::FindRubric(const std::string& name) const {
  for (const Rubric& r : rubrics_)
    if (r.name == name || r.file == name) return &r;
  return nullptr;
}

std::string Engine::RubricNames() const {
  std::string out;
  for (const Rubric& r : rubrics_) out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

int Engine::RequiredEvidence(Needed id) const {
  const RequiredName& n = Required(id);
  return EvidenceIndex(n.pack, n.name);
}

int Engine::EvidenceIndex(const std::string& pack, const std::string& name) const {
  auto it = evidence_index_.find(pack + "/" + name);
  return it == evidence_index_.end() ? -1 : it->second;
}

Document Engine::Parse(const SourceFile& source, const Markup& markup, Workspace& ws) const {
  return BuildDocument(source, markup, ws.segmenter, ws.keyer, matcher_.lexicon());
}

LintResult Engine::Lint(const SourceFile& source, const Markup& markup, Workspace& ws,
                        const FilePolicy* policy) const {
  return Lint(Parse(source, markup, ws), ws, policy);
}

LintResult Engine::Lint(const Document& doc, Workspace& ws, const FilePolicy* policy) const {
  LintResult result;
  result.diagnostics = SpanFindings(doc, ws, &ws.evidence);
  DocumentFindings(doc, ws.evidence, ws, policy, &result);
  ApplyPolicy(doc, policy, &result.diagnostics);
  result.scorecard.findings_per_pack.clear();
  for (const Diagnostic& d : result.diagnostics)
    ++result.scorecard.findings_per_pack[d.rule.substr(0, d.rule.find('.'))];
  return result;
}

void Engine::ApplyPolicy(const Document& doc, const FilePolicy* policy,
                         std::vector<Diagnostic>* diagnostics) const {
  std::vector<Diagnostic>& all = *diagnostics;
  if (policy) {
    // Rule levels from the config file; a level given on the command line wins, and was
    // applied when the rule was compiled.
    std::vector<Diagnostic> kept;
    for (Diagnostic& d : all) {
      std::optional<Level> level = EffectiveLevel(d.rule, command_line_levels_, &policy->levels);
      if (level == Level::kOff) continue;
      if (level && !LevelFor(command_line_levels_, d.rule)) SeverityOfLevel(*level, &d.severity);
      kept.push_back(std::move(d));
    }
    all = std::move(kept);
    // The allow list: a phrase the team uses on purpose is never flagged.
    if (!policy->allow.empty()) {
      std::string folded = FoldCase(doc.source.text());
      bool same_length = folded.size() == doc.source.text().size();
      std::vector<Span> allowed;
      for (const std::string& phrase : policy->allow) {
        std::string needle = same_length ? FoldCase(phrase) : phrase;
        std::string_view hay = same_length ? std::string_view(folded) : doc.source.text();
        for (size_t at = hay.find(needle); at != std::string::npos && !needle.empty();
             at = hay.find(needle, at + 1))
          allowed.push_back(
              Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
      }
      all.erase(std::remove_if(all.begin(), all.end(),
                               [&](const Diagnostic& d) {
                                 if (d.scope != Scope::kSpan) return false;
                                 for (Span a : allowed)
                                   if (a.Overlaps(d.span)) return true;
                                 return false;
                               }),
                all.end());
    }
  }
  std::vector<Directive> directives = ParseDirectives(doc);
  if (!directives.empty() || (policy && policy->report_unused_disables))
    ApplySuppressions(doc, directives, known_ids_, policy && policy->report_unused_disables, &all);
}

// Does the draft name at least three different words of software engineering work?
bool Engine::AboutEngineering(const Document& doc) const {
  constexpr size_t kEnough = 3;
  std::vector<uint32_t> seen;
  for (const Token& t : doc.tokens) {
    if (!word_classes_.Has(t.exact, kEngineeringWord)) continue;
    if (std::find(seen.begin(), seen.end(), t.exact) == seen.end()) seen.push_back(t.exact);
    if (seen.size() >= kEnough) return true;
  }
  return false;
}

void Engine::DocumentFindings(const Document& doc, const std::vector<uint8_t>& evidence,
                              const Workspace& ws, const FilePolicy* policy,
                              LintResult* result) const {
  const DocumentFeatures& features = ws.features;
  Scorecard& sc = result->scorecard;
  EvidenceView view(&evidence, evidence_count_);
  // The rubric: --rubric, else the draft's front matter, else the configured default.
  std::string name = forced_rubric_;
  if (name.empty()) name = std::string(doc.markup.FrontMatter("rubric"));
  if (name.empty() && policy) name = policy->rubric;
  if (name.empty()) name = default_rubric_;
  const Rubric* rubric = FindRubric(name);
  if (!rubric && forced_rubric_.empty() && !doc.markup.FrontMatter("rubric").empty()) {
    result->error = "unknown rubric \"" + name + "\" in the front matter; known: " + RubricNames();
  }
  AnalysePip(doc, view, PipEvidence{RequiredEvidence(Needed::kPipHeading)}, result->diagnostics,
             &sc);
  // Evidence hits are not kept (KeepHitsInUse): the few sentences whose words rubric coverage
  // quotes are matched again.
  const std::function<std::string(size_t, int)> term_of = [&](size_t s, int e) {
    std::vector<Hit> hits;
    Matcher::Scratch scratch;
    matcher_.Match(doc, doc.sentences[s], &hits, &scratch);
    for (const Hit& h : hits)
      if (h.target == Target{Target::kEvidence, static_cast<uint32_t>(e)})
        return std::string(doc.Text(h.span));
    return std::string();
  };
  ReadKind(doc, &sc);
  DropPraiseOnPlanGoal(sc, &result->diagnostics);
  if (rubric)
    AnalyseRubric({doc, view, rubric_evidence_[rubric - rubrics_.data()], features, word_classes_,
                   result->diagnostics, term_of, RequiredEvidence(Needed::kSpecificDetail),
                   sc.kind.name == kSelfReview},
                  *rubric, &sc);
  BalanceEvidence balance{
      RequiredEvidence(Needed::kPraise),           RequiredEvidence(Needed::kCriticism),
      RequiredEvidence(Needed::kStrengthsHeading), RequiredEvidence(Needed::kGrowthHeading),
      RequiredEvidence(Needed::kSpecificDetail),   RequiredEvidence(Needed::kDemand),
      RequiredEvidence(Needed::kSuggestion),       RequiredEvidence(Needed::kCeiling),
      RequiredEvidence(Needed::kNotAProblem),      RequiredEvidence(Needed::kAdvice),
      RequiredEvidence(Needed::kProblemSignal),    sc.kind.name == kSelfReview};
  AnalyseBalance(doc, view, balance, features, result->diagnostics, &sc);

  // A rubric the user did not name applies only to a draft about the work it describes, and
  // only to reviews and self-reviews: a plan is not a review (kind.h).
  bool named = !forced_rubric_.empty() || !doc.markup.FrontMatter("rubric").empty() ||
               (policy && !policy->rubric.empty());
  bool rubric_applies =
      rubric && RubricFits(sc.kind.name) && !sc.pip.present && (named || AboutEngineering(doc));
  std::vector<Diagnostic> found;
  for (uint32_t r : document_rules_) {
    const RuleSpec& rule = *rules_[r];
    const CheckKind* kind = FindCheck(rule.check);
    if (kind->needs_rubric && !rubric_applies) continue;
    // A snippet is not a review: whole-review checks wait for enough text to judge.
    int min_words = rule.options.value("min_words", 0);
    if (policy && policy->thresholds.contains(rule.id))
      min_words = policy->thresholds[rule.id].value("min_words", min_words);
    if (static_cast<int>(doc.tokens.size()) < min_words) continue;
    RuleSpec tuned;  // the rule with the config's thresholds merged into its options
    const RuleSpec* spec = &rule;
    if (policy && policy->thresholds.contains(rule.id)) {
      tuned = rule;
      tuned.options.update(policy->thresholds[rule.id]);
      spec = &tuned;
    }
    CheckContext ctx{doc,
                     *spec,
                     compiled_[r].severity,
                     compiled_[r].severity_from_user,
                     sc,
                     result->diagnostics};
    size_t first = found.size();
    kind->run(ctx, &found);
    for (size_t i = first; i < found.size(); ++i) found[i].rule = rule.id;
  }
  for (Diagnostic& d : found) result->diagnostics.push_back(std::move(d));
  if (sc.kind.name == kSelfReview)
    for (Diagnostic& d : result->diagnostics) d.message = ToTheWriter(d.message);
  std::stable_sort(result->diagnostics.begin(), result->diagnostics.end(), DiagnosticLess);
  for (const Diagnostic& d : result->diagnostics)
    ++sc.findings_per_pack[d.rule.substr(0, d.rule.find('.'))];
}

bool Engine::LooksHere(uint32_t r, const Document& doc, const Block& block) const {
  const CompiledRule& c = compiled_[r];
  if (!(c.scope_mask & ScopeBit(block.kind))) return false;
  if (c.sections && !(block.section >= 0 && SectionMatches(doc, block.section, *c.sections)))
    return false;
  if (c.not_sections && block.section >= 0 && SectionMatches(doc, block.section, *c.not_sections))
    return false;
  if (!c.spec->requires_front_matter.empty()) {
    bool has = false;
    for (const auto& k : c.spec->requires_front_matter)
      has = has || !doc.markup.FrontMatter(k).empty();
    if (!has) return false;
  }
  return true;
}

// Predicate rules read the sentence features: each sentence is read once, then every enabled
// predicate rule is tested against it. A finding underlines the words of the cue that decided
// (or the sentence, for `"report": "sentence"`) and says in `data.features` what decided.
void Engine::PredicateFindings(const Document& doc, Workspace& ws,
                               const std::vector<uint8_t>& evidence,
                               std::vector<Diagnostic>* at_cue,
                               std::vector<Diagnostic>* at_sentence) const {
  AnalyseSentences(doc, word_classes_, &ws.features);  // the balance analysis reads them too
  if (predicate_rules_.empty()) return;
  const size_t E = evidence_count_;
  BlockEvidence blocks(
      doc, [&](size_t s, int e) { return evidence[s * E + static_cast<size_t>(e)] != 0; });
  QuoteIndex quotes;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    PredicateContext ctx{doc, ws.features, blocks, s};
    for (uint32_t r : predicate_rules_) {
      const CompiledRule& compiled = compiled_[r];
      const RuleSpec& rule = *compiled.spec;
      // The features first: most sentences fail them, and the section test runs RE2.
      const Cue* cue = nullptr;
      if (!Holds(compiled.predicate, ctx, &cue) || !LooksHere(r, doc, doc.BlockOf(sent))) continue;
      Span words = sent.span;
      if (cue) words = Span{doc.tokens[cue->first].span.begin, doc.tokens[cue->last].span.end};
      if (!rule.in_quotes && quotes.InQuotes(doc.prose(), s, sent.span, words)) continue;
      Diagnostic d;
      d.rule = rule.id;
      d.severity = compiled.severity;
      d.span = rule.report_sentence ? sent.span : words;
      d.message = FillMessage(rule.message, {{"match", OneLine(doc.Text(words))}});
      d.data["features"] = Explain(compiled.predicate, ctx, cue, evidence_names_);
      if (rule.report_sentence) d.data["trigger"] = std::string(doc.Text(words));
      (rule.report_sentence ? at_sentence : at_cue)->push_back(std::move(d));
    }
  }
}

// Span findings: match, gate, make findings, then settle overlaps (src/overlap.h).
std::vector<Diagnostic> Engine::SpanFindings(const Document& doc, Workspace& ws,
                                             std::vector<uint8_t>* evidence) const {
  HitTable table = CollectHits(doc, ws, evidence);
  std::vector<Diagnostic> findings, sentence_level, at_cue;
  TriggerFindings(doc, ws.hits, table, *evidence, &findings, &sentence_level);
  PredicateFindings(doc, ws, *evidence, &at_cue, &sentence_level);
  KeepLongestPerPack(&findings);
  MergeSentenceFindings(std::move(sentence_level), PlacesIn(doc), &findings);
  GiveWayToListFindings(std::move(at_cue), &findings);
  DropInfoInsideStronger(&findings);
  return findings;
}

namespace {

// Drops the hits of one sentence, from `first` on, that nothing reads once the sentence's
// evidence is noted: the evidence hits, and the guards (preceded_by / followed_by) without their
// rule's trigger in the sentence. A long draft's hits stay a few per sentence. `rules` is
// scratch.
void KeepHitsInUse(size_t first, std::vector<uint32_t>* rules, std::vector<Hit>* hits_io) {
  std::vector<Hit>& hits = *hits_io;
  rules->clear();
  for (size_t h = first; h < hits.size(); ++h)
    if (hits[h].target.type == Target::kTrigger) rules->push_back(hits[h].target.index);
  std::sort(rules->begin(), rules->end());
  size_t kept = first;
  for (size_t h = first; h < hits.size(); ++h) {
    const Target t = hits[h].target;
    bool keep =
        t.type == Target::kTrigger ||
        (t.type != Target::kEvidence && std::binary_search(rules->begin(), rules->end(), t.index));
    if (keep) hits[kept++] = hits[h];
  }
  hits.resize(kept);
}

}  // namespace

// Pass 1: every hit of every sentence, and every sentence's evidence (numbers, quantities and
// dates from the tokenizer; the packs' evidence sets from the matcher).
HitTable Engine::CollectHits(const Document& doc, Workspace& ws,
                             std::vector<uint8_t>* evidence_out) const {
  const size_t n = doc.sentences.size();
  const size_t E = evidence_count_;
  std::vector<uint8_t>& evidence = *evidence_out;
  evidence.assign(n * E, 0);
  std::vector<Hit>& hits = ws.hits;
  hits.clear();
  HitTable table;
  table.begin.assign(n + 1, 0);
  std::vector<uint32_t> rules;
  for (size_t s = 0; s < n; ++s) {
    const Sentence& sent = doc.sentences[s];
    size_t first = hits.size();
    table.begin[s] = static_cast<uint32_t>(first);
    matcher_.Match(doc, sent, &hits, &ws.scratch);
    uint8_t* ev = &evidence[s * E];
    for (uint32_t q = sent.quantities_begin; q < sent.quantities_end; ++q) {
      ev[kEvidenceNumber] = 1;
      if (doc.quantities[q].measures())
        ev[kEvidenceQuantity] = 1;
      else
        ev[kEvidenceDate] = 1;
    }
    for (size_t h = first; h < hits.size(); ++h)
      if (hits[h].target.type == Target::kEvidence) ev[hits[h].target.index] = 1;
    KeepHitsInUse(first, &rules, &hits);
  }
  table.begin[n] = static_cast<uint32_t>(hits.size());
  return table;
}

// Pass 2: triggers that pass their rule's gates become findings. Findings that cover a whole
// sentence are kept apart: they give way to the more specific findings inside them.
void Engine::TriggerFindings(const Document& doc, const std::vector<Hit>& hits,
                             const HitTable& table, const std::vector<uint8_t>& evidence,
                             std::vector<Diagnostic>* at_words,
                             std::vector<Diagnostic>* at_sentence) const {
  QuoteIndex quotes;
  GuardIndex guards(doc, matcher_.lexicon(), hits, table.begin);
  uint32_t s = 0;
  for (size_t h = 0; h < hits.size(); ++h) {
    const Hit& hit = hits[h];
    while (table.begin[s + 1] <= h) ++s;
    if (hit.target.type != Target::kTrigger || hit.span.empty()) continue;
    if (!Admits(hit, s, doc, evidence, quotes, guards)) continue;
    const CompiledRule& rule = compiled_[hit.target.index];
    Diagnostic d = MakeFinding(rule, hit, doc.sentences[s], doc);
    (rule.spec->report_sentence ? at_sentence : at_words)->push_back(std::move(d));
  }
}

// The gates of a trigger, in the order rules/README.md lists them: the rule is on; its scope,
// sections and front-matter keys; not in quotes; not a front-matter name; no `unless` evidence
// in the sentence; no `requires` evidence in it (or the next, with next_sentence_counts); not
// guarded by preceded_by / followed_by.
bool Engine::Admits(const Hit& hit, uint32_t s, const Document& doc,
                    const std::vector<uint8_t>& evidence, QuoteIndex& quotes,
                    GuardIndex& guards) const {
  const uint32_t r = hit.target.index;
  const CompiledRule& c = compiled_[r];
  const RuleSpec& rule = *c.spec;
  if (!c.enabled) return false;
  const Sentence& sent = doc.sentences[s];
  if (!LooksHere(r, doc, doc.BlockOf(sent))) return false;
  if (!rule.in_quotes && quotes.InQuotes(doc.prose(), s, sent.span, hit.span)) return false;
  if (rule.unless_in_front_matter && InFrontMatter(doc, doc.Text(hit.span))) return false;
  const size_t E = evidence_count_;
  const uint8_t* ev = &evidence[s * E];
  for (uint32_t e : c.unless)
    if (ev[e]) return false;
  if (!c.required.empty()) {
    const uint8_t* next_ev = nullptr;
    if (rule.next_sentence_counts && s + 1 < doc.sentences.size() &&
        doc.sentences[s + 1].block == sent.block)
      next_ev = &evidence[(s + 1) * E];
    for (uint32_t e : c.required)
      if (ev[e] || (next_ev && next_ev[e])) return false;
  }
  return !(c.has_guards && guards.Guarded(s, r, hit, static_cast<uint32_t>(rule.window)));
}

}  // namespace reviewlint
