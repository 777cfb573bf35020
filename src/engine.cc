#include "engine.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <thread>

#include "checks/check.h"
#include "fix.h"
#include "suppression.h"

namespace reviewlint {
namespace {

// Word attributes come from these embedded dictionaries.
struct AttrDictionary {
  const char* name;
  uint8_t attr;
};
constexpr AttrDictionary kAttrDictionaries[] = {
    {"en/units", kUnitWord},          {"en/duration-units", kUnitWord | kDurationUnit},
    {"en/number-words", kNumberWord}, {"en/multiplier-words", kMultiplierWord},
    {"en/months", kMonthWord},        {"en/clause-breaks", kClauseBreak},
};

// Is a span inside quotation marks within its sentence? The marks of a sentence are found once
// and looked up by position: rescanning the sentence from its start for every match is quadratic
// in a long one (a 10 MB line with no full stop is one sentence).
class QuoteIndex {
 public:
  bool InQuotes(std::string_view prose, size_t sentence_index, Span sentence, Span span) {
    if (sentence_index != sentence_) {
      sentence_ = sentence_index;
      marks_.clear();
      int straight = 0, curly = 0;
      for (uint32_t p = sentence.begin; p < sentence.end; ++p) {
        char c = prose[p];
        // A straight quote right after a digit is an inch mark (12"), not a quotation.
        if (c == '"' && !(p > sentence.begin && prose[p - 1] >= '0' && prose[p - 1] <= '9'))
          ++straight;
        else if (c == '\xE2' && p + 2 < prose.size() && prose[p + 1] == '\x80' &&
                 (prose[p + 2] == '\x9C' || prose[p + 2] == '\x9D'))
          curly += prose[p + 2] == '\x9C' ? 1 : -1;  // “ opens, ” closes
        else
          continue;
        marks_.push_back({p, straight, curly});
      }
    }
    // The state after the last mark before the span.
    auto after = std::lower_bound(marks_.begin(), marks_.end(), span.begin,
                                  [](const Mark& m, uint32_t at) { return m.at < at; });
    if (after == marks_.begin()) return false;
    const Mark& m = *(after - 1);
    return m.straight % 2 == 1 || m.curly > 0;
  }

 private:
  struct Mark {
    uint32_t at;
    int straight, curly;  // counts up to and including this mark
  };
  std::vector<Mark> marks_;
  size_t sentence_ = SIZE_MAX;
};

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

// Can the words [from, to) stand between a word and the noun it modifies?
bool ModifiedNoun(const Document& doc, const Lexicon& lexicon, uint32_t from, uint32_t to) {
  int modifiers = 0;
  for (uint32_t t = from; t < to; ++t) {
    const Token& tok = doc.tokens[t];
    uint8_t attr = lexicon.Attr(tok.exact);
    if (attr & kClauseBreak) return false;
    if ((tok.flags & kTokenNumeric) || (attr & kUnitWord)) continue;
    if (++modifiers > 1) return false;
  }
  return true;
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

// Does `span` overlap one of `sorted` (sorted by start)? Findings of one pack rarely overlap
// each other, so the two that start last before `span` ends are the only candidates.
bool OverlapsAny(const std::vector<Span>& sorted, Span span) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), span.end,
                             [](Span s, uint32_t end) { return s.begin < end; });
  for (int back = 0; back < 2 && it != sorted.begin(); ++back)
    if ((--it)->Overlaps(span)) return true;
  return false;
}

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

}  // namespace

Workspace::Workspace(const Engine& engine) : keyer(&engine.lexicon()) {}

bool RuleSettings::Enabled(const RuleSpec& r) const {
  auto it = levels.find(r.id);
  if (it == levels.end()) it = levels.find(r.pack);
  return it == levels.end() || it->second != "off";
}

bool RuleSettings::HasLevel(const RuleSpec& r) const {
  auto it = levels.find(r.id);
  if (it == levels.end() || it->second == "off") it = levels.find(r.pack);
  return it != levels.end() && it->second != "off";
}

Severity RuleSettings::SeverityOf(const RuleSpec& r) const {
  auto it = levels.find(r.id);
  if (it == levels.end() || it->second == "off") it = levels.find(r.pack);
  Severity s = r.severity;
  if (it != levels.end()) ParseSeverity(it->second, &s);
  return s;
}

std::unique_ptr<Engine> Engine::Build(std::vector<RulePack> packs, std::vector<Rubric> rubrics,
                                      const RuleSettings& settings,
                                      std::vector<std::string>* errors) {
  std::unique_ptr<Engine> e(new Engine());
  e->packs_ = std::move(packs);
  e->rubrics_ = std::move(rubrics);
  if (!e->Compile(settings, errors)) return nullptr;
  return e;
}

std::unique_ptr<Engine> BuildEngine(const DataStore& store, const RuleSettings& settings,
                                    std::vector<std::string>* errors,
                                    const std::vector<std::string>& rubric_files) {
  std::vector<RulePack> packs = LoadPacks(store, errors);
  std::vector<Rubric> rubrics = LoadRubrics(store, rubric_files, errors);
  if (!errors->empty()) return nullptr;
  return Engine::Build(std::move(packs), std::move(rubrics), settings, errors);
}

const RuleSpec* Engine::FindRule(const std::string& id) const {
  for (const RuleSpec* r : rules_)
    if (r->id == id) return r;
  return nullptr;
}

bool Engine::Compile(const RuleSettings& settings, std::vector<std::string>* errors) {
  size_t before = errors->size();
  Segmenter segmenter;
  WordKeyer keyer(&matcher_.lexicon());
  CollectedTerms collected;
  DataStore embedded;

  for (const AttrDictionary& d : kAttrDictionaries) {
    auto entries = embedded.Dictionary(d.name);
    if (!entries) continue;
    for (const std::string& w : *entries) {
      uint32_t id = matcher_.lexicon().AddExact(FoldCase(w));
      matcher_.lexicon().SetAttr(id, d.attr);
    }
  }

  evidence_count_ = 3;
  evidence_names_ = {"quantity", "number", "date"};
  word_classes_.Load(&matcher_.lexicon(), errors);
  for (const RulePack& pack : packs_) {
    std::map<std::string, uint32_t> evidence = {
        {"quantity", kEvidenceQuantity}, {"number", kEvidenceNumber}, {"date", kEvidenceDate}};
    std::function<void(const TermList&, Target, bool)> add_terms = [&](const TermList& terms,
                                                                       Target target,
                                                                       bool case_sensitive) {
      CollectTerms(pack.file, pack.dictionaries, terms, target, case_sensitive, &collected, errors);
      for (const std::string& name : terms.evidence)
        for (const EvidenceSpec& ev : pack.evidence)
          if (ev.name == name)
            CollectTerms(pack.file, pack.dictionaries, ev.terms, target, case_sensitive, &collected,
                         errors);
    };
    for (const EvidenceSpec& ev : pack.evidence) {
      uint32_t index = static_cast<uint32_t>(evidence_count_++);
      evidence[ev.name] = index;
      evidence_names_.push_back(ev.name);
      evidence_index_[pack.name + "/" + ev.name] = static_cast<int>(index);
      add_terms(ev.terms, Target{Target::kEvidence, index}, false);
    }
    for (const RuleSpec& r : pack.rules) {
      uint32_t index = static_cast<uint32_t>(rules_.size());
      rules_.push_back(&r);
      bool on = settings.Enabled(r);
      enabled_.push_back(on);
      severity_.push_back(settings.SeverityOf(r));
      severity_set_.push_back(settings.HasLevel(r));
      std::vector<uint32_t> unless, needed;
      for (const auto& n : r.unless) unless.push_back(evidence.at(n));
      for (const auto& n : r.requires_evidence) needed.push_back(evidence.at(n));
      unless_.push_back(unless);
      requires_.push_back(needed);
      uint32_t mask = 0;
      for (BlockKind k : r.scopes) mask |= ScopeBit(k);
      scope_mask_.push_back(mask);
      has_preceded_.push_back(!r.preceded_by.phrases.empty() ||
                              !r.preceded_by.dictionaries.empty());
      has_followed_.push_back(!r.followed_by.phrases.empty() ||
                              !r.followed_by.dictionaries.empty());
      auto section_re = [&](const std::string& pattern, const char* key) -> std::unique_ptr<RE2> {
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
      };
      sections_.push_back(section_re(r.sections, "sections"));
      not_sections_.push_back(section_re(r.not_sections, "not_sections"));
      if (r.kind == RuleKind::kPredicate) {
        std::vector<std::string> names;
        for (const auto& [name, i] : evidence) names.push_back(name);
        auto lookup = [&](const std::string& name) {
          auto it = evidence.find(name);
          return it == evidence.end() ? -1 : static_cast<int>(it->second);
        };
        std::vector<std::string> errs;
        Predicate p = ParsePredicate(r.when, r.pointer + "/when", lookup, names, &errs);
        for (const std::string& e : errs) errors->push_back(pack.file + ": " + e);
        if (on) predicate_rules_.emplace_back(index, std::move(p));
        continue;
      }
      if (r.kind == RuleKind::kDocument) {
        if (on) document_rules_.push_back(index);
        continue;
      }
      if (!on) continue;
      add_terms(r.trigger, Target{Target::kTrigger, index}, r.case_sensitive);
      add_terms(r.preceded_by, Target{Target::kPreceded, index}, false);
      add_terms(r.followed_by, Target{Target::kFollowed, index}, false);
    }
  }
  // Every rubric's categories become evidence too, so coverage costs no extra pass.
  for (const Rubric& rubric : rubrics_) {
    std::vector<int> ids;
    for (const RubricCategory& c : rubric.categories) {
      uint32_t index = static_cast<uint32_t>(evidence_count_++);
      evidence_names_.push_back(rubric.name + "/" + c.name);
      ids.push_back(static_cast<int>(index));
      CollectTerms(rubric.file, rubric.dictionaries, c.evidence, Target{Target::kEvidence, index},
                   false, &collected, errors);
    }
    rubric_evidence_.push_back(std::move(ids));
  }
  if (!settings.rubric.empty() && !FindRubric(settings.rubric))
    errors->push_back("--rubric " + settings.rubric + ": unknown rubric; known: " + RubricNames());
  forced_rubric_ = settings.rubric;
  for (const RulePack& pack : packs_) {
    known_ids_.push_back(pack.name);
    for (const RuleSpec& r : pack.rules) known_ids_.push_back(r.id);
  }
  for (size_t i = 0; i < rules_.size(); ++i) rule_index_[rules_[i]->id] = i;
  default_rubric_ = settings.default_rubric.empty() ? kDefaultRubric : settings.default_rubric;
  // The patterns compile on a second thread while this one builds the phrase trie: together they
  // are most of start-up.
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
    if (!matcher_.AddPhrase(p.phrase, p.exact, p.target, segmenter, keyer))
      errors->push_back(p.where + ": phrase \"" + p.phrase + "\" has no words");
  }
  patterns.join();
  errors->insert(errors->end(), pattern_errors.begin(), pattern_errors.end());
  return errors->size() == before;
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
  std::vector<uint8_t> evidence;
  result.diagnostics = SpanFindings(doc, ws, &evidence);
  DocumentFindings(doc, evidence, ws.features, policy, &result);
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
    // Rule levels from the config file; a level given on the command line wins.
    std::vector<Diagnostic> kept;
    for (Diagnostic& d : all) {
      auto idx = rule_index_.find(d.rule);
      if (idx != rule_index_.end() && severity_set_[idx->second]) {
        kept.push_back(std::move(d));
        continue;
      }
      auto level = policy->levels.find(d.rule);
      if (level == policy->levels.end())
        level = policy->levels.find(d.rule.substr(0, d.rule.find('.')));
      if (level != policy->levels.end()) {
        if (level->second == "off") continue;
        ParseSeverity(level->second, &d.severity);
      }
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
                              const DocumentFeatures& features, const FilePolicy* policy,
                              LintResult* result) const {
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
  AnalysePip(doc, view, PipEvidence{EvidenceIndex("pip", "pip-heading")}, result->diagnostics, &sc);
  if (rubric) AnalyseRubric(doc, view, *rubric, rubric_evidence_[rubric - rubrics_.data()], &sc);
  BalanceEvidence balance{EvidenceIndex("balance", "praise"), EvidenceIndex("balance", "criticism"),
                          EvidenceIndex("balance", "strengths-heading"),
                          EvidenceIndex("balance", "growth-heading"),
                          EvidenceIndex("vagueness", "specific-detail"),
                          EvidenceIndex("balance", "demand"),
                          EvidenceIndex("balance", "suggestion")};
  AnalyseBalance(doc, view, balance, features, result->diagnostics, &sc);

  // A rubric the user did not name applies only to a draft about the work it describes, and
  // never to an improvement plan: a plan is not a review.
  bool named = !forced_rubric_.empty() || !doc.markup.FrontMatter("rubric").empty() ||
               (policy && !policy->rubric.empty());
  bool rubric_applies = rubric && !sc.pip.present && (named || AboutEngineering(doc));
  std::vector<Diagnostic> found;
  for (uint32_t r : document_rules_) {
    const RuleSpec& rule = *rules_[r];
    if (rule.check == "rubric-uncovered" && !rubric_applies) continue;
    // A snippet is not a review: whole-review checks wait for enough text to judge.
    int min_words = rule.options.value("min_words", 0);
    if (policy && policy->thresholds.contains(rule.id))
      min_words = policy->thresholds[rule.id].value("min_words", min_words);
    if (static_cast<int>(doc.tokens.size()) < min_words) continue;
    const CheckKind* kind = FindCheck(rule.check);
    RuleSpec tuned;  // the rule with the config's thresholds merged into its options
    const RuleSpec* spec = &rule;
    if (policy && policy->thresholds.contains(rule.id)) {
      tuned = rule;
      tuned.options.update(policy->thresholds[rule.id]);
      spec = &tuned;
    }
    CheckContext ctx{doc, *spec, severity_[r], severity_set_[r], sc, result->diagnostics};
    size_t first = found.size();
    kind->run(ctx, &found);
    for (size_t i = first; i < found.size(); ++i) found[i].rule = rule.id;
  }
  for (Diagnostic& d : found) result->diagnostics.push_back(std::move(d));
  std::stable_sort(result->diagnostics.begin(), result->diagnostics.end(), DiagnosticLess);
  for (const Diagnostic& d : result->diagnostics)
    ++sc.findings_per_pack[d.rule.substr(0, d.rule.find('.'))];
}

bool Engine::LooksHere(uint32_t r, const Document& doc, const Block& block) const {
  const RuleSpec& rule = *rules_[r];
  if (!(scope_mask_[r] & ScopeBit(block.kind))) return false;
  if (sections_[r] && !(block.section >= 0 && SectionMatches(doc, block.section, *sections_[r])))
    return false;
  if (not_sections_[r] && block.section >= 0 &&
      SectionMatches(doc, block.section, *not_sections_[r]))
    return false;
  if (!rule.requires_front_matter.empty()) {
    bool has = false;
    for (const auto& k : rule.requires_front_matter) has = has || !doc.markup.FrontMatter(k).empty();
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
  BlockEvidence blocks(doc, [&](size_t s, int e) {
    return evidence[s * E + static_cast<size_t>(e)] != 0;
  });
  QuoteIndex quotes;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    PredicateContext ctx{doc, ws.features, blocks, s};
    for (const auto& [r, predicate] : predicate_rules_) {
      const RuleSpec& rule = *rules_[r];
      // The features first: most sentences fail them, and the section test runs RE2.
      const Cue* cue = nullptr;
      if (!Holds(predicate, ctx, &cue) || !LooksHere(r, doc, doc.BlockOf(sent))) continue;
      Span words = sent.span;
      if (cue)
        words = Span{doc.tokens[cue->first].span.begin, doc.tokens[cue->last].span.end};
      if (!rule.in_quotes && quotes.InQuotes(doc.prose(), s, sent.span, words)) continue;
      Diagnostic d;
      d.rule = rule.id;
      d.severity = severity_[r];
      d.span = rule.report_sentence ? sent.span : words;
      d.message = FillMessage(rule.message, {{"match", OneLine(doc.Text(words))}});
      d.data["features"] = Explain(predicate, ctx, cue, evidence_names_);
      if (rule.report_sentence) d.data["trigger"] = std::string(doc.Text(words));
      (rule.report_sentence ? at_sentence : at_cue)->push_back(std::move(d));
    }
  }
}

std::vector<Diagnostic> Engine::SpanFindings(const Document& doc, Workspace& ws,
                                             std::vector<uint8_t>* evidence_out) const {
  std::vector<Diagnostic> out;
  const size_t n = doc.sentences.size();
  const size_t E = evidence_count_;
  std::vector<uint8_t>& evidence = *evidence_out;
  evidence.assign(n * E, 0);
  std::vector<Hit>& hits = ws.hits;
  hits.clear();
  std::vector<uint32_t> sentence_of_hit;
  std::vector<uint32_t> hit_begin(n + 1, 0);  // hits of sentence s: [hit_begin[s], hit_begin[s+1])

  // Pass 1: every hit and every sentence's evidence.
  for (size_t s = 0; s < n; ++s) {
    const Sentence& sent = doc.sentences[s];
    size_t first = hits.size();
    hit_begin[s] = static_cast<uint32_t>(first);
    matcher_.Match(doc, sent, &hits, &ws.scratch);
    uint8_t* ev = &evidence[s * E];
    for (uint32_t q = sent.quantities_begin; q < sent.quantities_end; ++q) {
      ev[kEvidenceNumber] = 1;
      if (doc.quantities[q].measures())
        ev[kEvidenceQuantity] = 1;
      else
        ev[kEvidenceDate] = 1;
    }
    for (size_t h = first; h < hits.size(); ++h) {
      if (hits[h].target.type == Target::kEvidence) ev[hits[h].target.index] = 1;
      sentence_of_hit.push_back(static_cast<uint32_t>(s));
    }
  }

  hit_begin[n] = static_cast<uint32_t>(hits.size());

  // Pass 2: triggers that survive their guardrails become diagnostics. Findings that cover a whole
  // sentence are kept apart: they give way to the more specific findings inside them.
  std::vector<Diagnostic> sentence_level;
  std::string_view prose = doc.prose();
  QuoteIndex quotes;
  // The preceded_by / followed_by hits of the current sentence, by rule and position, so that a
  // trigger looks only at its own rule's guards near it (looking at every hit of the sentence for
  // every trigger is quadratic in a long sentence).
  std::vector<uint32_t> guards;
  uint32_t longest_guard = 0;  // in words
  size_t guards_sentence = SIZE_MAX;
  auto guard_less = [&](uint32_t a, std::pair<uint32_t, uint32_t> key) {
    return std::pair(hits[a].target.index, hits[a].token_begin) < key;
  };
  auto guarded = [&](size_t s, uint32_t r, const Hit& hit, uint32_t window) {
    if (guards_sentence != s) {
      guards_sentence = s;
      guards.clear();
      longest_guard = 0;
      for (uint32_t g = hit_begin[s]; g < hit_begin[s + 1]; ++g) {
        if (hits[g].target.type != Target::kPreceded && hits[g].target.type != Target::kFollowed)
          continue;
        guards.push_back(g);
        longest_guard = std::max(longest_guard, hits[g].token_end - hits[g].token_begin);
      }
      std::sort(guards.begin(), guards.end(), [&](uint32_t a, uint32_t b) {
        return std::pair(hits[a].target.index, hits[a].token_begin) <
               std::pair(hits[b].target.index, hits[b].token_begin);
      });
    }
    // preceded_by: one ends fewer than `window` words before the match.
    uint32_t from =
        hit.token_begin > window + longest_guard ? hit.token_begin - window - longest_guard : 0;
    for (auto it = std::lower_bound(guards.begin(), guards.end(), std::pair(r, from), guard_less);
         it != guards.end() && hits[*it].target.index == r &&
         hits[*it].token_begin < hit.token_begin;
         ++it) {
      const Hit& o = hits[*it];
      if (o.target.type == Target::kPreceded && o.token_end <= hit.token_begin &&
          hit.token_begin - o.token_end < window)
        return true;
    }
    // followed_by is about the noun the match modifies ("aggressive 200 ms client timeout"):
    // numbers and units may stand between, and one more modifier, but not a clause break
    // ("shrill when a deadline slips" is about a person). Once that fails, it fails for every
    // guard further on.
    for (auto it = std::lower_bound(guards.begin(), guards.end(), std::pair(r, hit.token_end),
                                    guard_less);
         it != guards.end() && hits[*it].target.index == r; ++it) {
      const Hit& o = hits[*it];
      if (!ModifiedNoun(doc, matcher_.lexicon(), hit.token_end, o.token_begin)) break;
      if (o.target.type == Target::kFollowed) return true;
    }
    return false;
  };
  for (size_t h = 0; h < hits.size(); ++h) {
    const Hit& hit = hits[h];
    if (hit.target.type != Target::kTrigger || hit.span.empty()) continue;
    uint32_t r = hit.target.index;
    if (!enabled_[r]) continue;
    const RuleSpec& rule = *rules_[r];
    uint32_t s = sentence_of_hit[h];
    const Sentence& sent = doc.sentences[s];
    if (!LooksHere(r, doc, doc.BlockOf(sent))) continue;
    if (!rule.in_quotes && quotes.InQuotes(prose, s, sent.span, hit.span)) continue;
    if (rule.unless_in_front_matter && InFrontMatter(doc, doc.Text(hit.span))) continue;
    const uint8_t* ev = &evidence[s * E];
    const uint8_t* next_ev = nullptr;
    if (s + 1 < n && doc.sentences[s + 1].block == sent.block) next_ev = &evidence[(s + 1) * E];
    bool silenced = false;
    for (uint32_t e : unless_[r]) silenced = silenced || ev[e];
    if (silenced) continue;
    if (!requires_[r].empty()) {
      bool found = false;
      for (uint32_t e : requires_[r]) {
        found = found || ev[e] || (rule.next_sentence_counts && next_ev && next_ev[e]);
      }
      if (found) continue;
    }
    if ((has_preceded_[r] || has_followed_[r]) &&
        guarded(s, r, hit, static_cast<uint32_t>(rule.window)))
      continue;
    Diagnostic d;
    d.rule = rule.id;
    d.severity = severity_[r];
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
    (rule.report_sentence ? sentence_level : out).push_back(std::move(d));
  }

  std::vector<Diagnostic> at_cue;
  PredicateFindings(doc, ws, evidence, &at_cue, &sentence_level);

  // One finding per pack per place: where two rules of a pack match overlapping words ("really
  // great work" is both a booster and stock praise), the longer match says it best.
  auto pack_of = [](const std::string& id) { return std::string_view(id).substr(0, id.find('.')); };
  std::sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    if (pack_of(a.rule) != pack_of(b.rule)) return pack_of(a.rule) < pack_of(b.rule);
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.rule < b.rule;
  });
  std::vector<Diagnostic> kept;
  uint32_t pack_end = 0;  // furthest end among the kept findings of the current pack
  for (auto& d : out) {
    bool same_pack = !kept.empty() && pack_of(kept.back().rule) == pack_of(d.rule);
    if (same_pack && d.span.begin < pack_end) continue;
    pack_end = same_pack ? std::max(pack_end, d.span.end) : d.span.end;
    kept.push_back(std::move(d));
  }
  // A sentence-level finding is one per scope (a paragraph or list item makes one point), and it
  // gives way when a more specific finding already sits in the sentence ("needs to work on
  // communication" is flagged as vague; saying it also lacks a next step repeats the point).
  std::sort(sentence_level.begin(), sentence_level.end(), DiagnosticLess);
  {
    std::sort(kept.begin(), kept.end(), DiagnosticLess);
    int last_block = -1;
    std::string last_rule;
    for (Diagnostic& d : sentence_level) {
      auto first =
          std::lower_bound(kept.begin(), kept.end(), d.span.begin,
                           [](const Diagnostic& k, uint32_t b) { return k.span.begin < b; });
      // A predicate finding reads the whole sentence: a list finding inside it names another problem.
      bool inside = first != kept.end() && first->span.begin < d.span.end && !d.data.contains("features");
      auto sent = std::lower_bound(doc.sentences.begin(), doc.sentences.end(), d.span.begin,
                                   [](const Sentence& x, uint32_t b) { return x.span.begin < b; });
      int block = sent == doc.sentences.end() ? -1 : static_cast<int>(sent->block);
      // A predicate rule reads each sentence on its own, but a measured sentence right after one
      // it flagged is the evidence for that criticism, not a second one ("His PRs sit in draft
      // for days. The sharding change stayed in draft for nine days.").
      bool again = block == last_block && d.rule == last_rule;
      if (inside || (again && (!d.data.contains("features") || doc.HasMeasure(*sent)))) continue;
      last_block = block;
      last_rule = d.rule;
      kept.push_back(std::move(d));
    }
  }

  // A predicate finding gives way to a list rule of its pack on the same words: the list rule
  // knows the phrase and says it better.
  {
    std::map<std::string_view, std::vector<Span>> listed;  // by pack, sorted by start
    std::sort(kept.begin(), kept.end(), DiagnosticLess);
    for (const Diagnostic& k : kept) listed[pack_of(k.rule)].push_back(k.span);
    for (Diagnostic& d : at_cue)
      if (!OverlapsAny(listed[pack_of(d.rule)], d.span)) kept.push_back(std::move(d));
  }

  // An info-level finding inside a more serious one of another pack adds noise, not information
  // ("a bit" in "a bit too intense", which bias flags as a whole). A whole-sentence finding
  // covers nothing: it makes its own point about the sentence. Decided for every finding before
  // any is moved out.
  std::sort(kept.begin(), kept.end(), DiagnosticLess);
  auto covers = [&](size_t j, size_t i) {
    return kept[j].severity > Severity::kInfo && !kept[j].data.contains("trigger") &&
           kept[j].span.begin <= kept[i].span.begin && kept[j].span.end >= kept[i].span.end;
  };
  std::vector<bool> covered(kept.size(), false);
  for (size_t i = 0; i < kept.size(); ++i) {
    if (kept[i].severity != Severity::kInfo) continue;
    // Sorted by start: a cover starts at or before this one, and span findings are short.
    for (size_t j = i; j-- > 0 && !covered[i] && kept[i].span.begin - kept[j].span.begin < 4096;)
      covered[i] = covers(j, i);
    for (size_t j = i + 1;
         j < kept.size() && !covered[i] && kept[j].span.begin == kept[i].span.begin; ++j)
      covered[i] = covers(j, i);
  }
  std::vector<Diagnostic> result;
  for (size_t i = 0; i < kept.size(); ++i)
    if (!covered[i]) result.push_back(std::move(kept[i]));
  return result;
}

}  // namespace reviewlint
