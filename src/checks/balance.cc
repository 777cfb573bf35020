// Balance: classifies evaluative sentences as strengths or growth, from the section they sit in
// ("## Strengths", "## Areas for growth") and from praise and criticism lexicons, and reports
// reviews that are all praise or all criticism.
#include <algorithm>

#include "../required_names.h"
#include "../rule_pack.h"
#include "check.h"

namespace reviewlint {
namespace {

enum class SectionKind { kNeutral, kStrengths, kGrowth };

// Is there a finding of `pack_prefix` in `sentence`? Sentences come in order and findings are
// sorted by position, so *cursor only moves forward.
bool FindingIn(const std::vector<Diagnostic>& findings, Span sentence, const char* pack_prefix,
               size_t* cursor) {
  while (*cursor < findings.size() && findings[*cursor].scope == Scope::kSpan &&
         findings[*cursor].span.end <= sentence.begin)
    ++*cursor;
  for (size_t i = *cursor; i < findings.size() && findings[i].scope == Scope::kSpan &&
                           findings[i].span.begin < sentence.end;
       ++i)
    if (findings[i].rule.rfind(pack_prefix, 0) == 0 && sentence.Overlaps(findings[i].span))
      return true;
  return false;
}

// What the sentence's cues say about the reviewee or their work: +1 praise, -1 criticism (both
// bits can be set). Faint praise ("a decent worker") and plans ("could be a great asset") are
// neither.
struct CueVerdict {
  bool praise = false, criticism = false;
};
CueVerdict VerdictOf(const DocumentFeatures& features, size_t sentence) {
  CueVerdict v;
  if (sentence >= features.sentences.size()) return v;
  const SentenceFeatures& f = features.sentences[sentence];
  for (uint32_t c = f.cues_begin; c < f.cues_end; ++c) {
    const Cue& cue = features.cues[c];
    if (CriticisesReviewee(cue)) v.criticism = true;
    if (cue.target != CueTarget::kPerson && cue.target != CueTarget::kWork) continue;
    if (cue.future) continue;  // "could be a great asset", "would have been unable to"
    if (cue.kind == kFaintWord) continue;
    bool achieved = cue.kind == kAchievementVerb && !cue.negated;
    if (cue.polarity > 0 || achieved) v.praise = true;
  }
  return v;
}

// Which sides of the balance a sentence is on. With `weigh_tone` (no heading decides), its tone
// weighs in: a sentence about the reviewee that sounds clearly positive or negative (VADER's
// 2.5, e.g. "great" or "love") praises or criticises in words no cue frame reads; praise in a
// sentence that sounds more negative than positive is backhanded ("tried to be a good team
// player but ..."); a criticism word in one that sounds positive is not criticism ("never
// spotted an error").
CueVerdict SidesOf(const EvidenceView& evidence, const BalanceEvidence& ids,
                   const DocumentFeatures& features, size_t s, bool weigh_tone) {
  CueVerdict cues = VerdictOf(features, s);
  SentenceFeatures f = s < features.sentences.size() ? features.sentences[s] : SentenceFeatures{};
  bool faint = false, future_praise = false;
  for (uint32_t c = f.cues_begin; c < f.cues_end; ++c) {
    faint = faint || features.cues[c].kind == kFaintWord;
    future_praise = future_praise || (features.cues[c].polarity > 0 && features.cues[c].future);
  }
  bool by_writer = f.subject == Subject::kWriter && !ids.self_review;
  // Praise words under a modal or a wish are a hope, not a strength ("if she were more
  // motivated, she would be an exceptional employee"; "I hope this issue is resolved soon").
  bool hoped_for = (future_praise && !cues.praise) || (f.future && by_writer);
  CueVerdict v;
  v.praise = (evidence.Has(s, ids.praise) && !faint && !hoped_for) || cues.praise;
  // Constructive feedback is a criticism, a gap or a suggestion to do something differently; a
  // ceiling remark alone ("has maxed out her potential") gives nothing to act on. What the
  // writer means to do ("we need to understand", "we should give him more scope") is not
  // something the reviewee can act on, unless it names them ("we need him to").
  bool asks = ((evidence.Has(s, ids.demand) || evidence.Has(s, ids.advice)) && !by_writer) ||
              evidence.Has(s, ids.suggestion);
  // A criticism word negated ("with no problems") is not criticism, nor are the writer's own
  // needs ("everything he needs to succeed") unless they name a problem or sound critical.
  bool writers_needs = by_writer && !evidence.Has(s, ids.problem) && !cues.criticism &&
                       f.tone.criticism < kCriticalTone;
  // A shortfall turned around ("doesn't make mistakes", "did not disappoint") is praise; the
  // negation the criticism lists see in it is not criticism.
  if (f.turned_around) v.praise = true;
  bool listed = evidence.Has(s, ids.criticism) && !evidence.Has(s, ids.not_a_problem) &&
                !writers_needs && !f.turned_around;
  if (weigh_tone) {
    const Tone& tone = f.tone;
    bool about = AboutReviewee(f) || WriterAboutReviewee(f);
    // (a faint negative word, "works very hard", does not make praise backhanded)
    bool backhanded = tone.criticism > tone.praise && tone.criticism >= kFaintTone;
    // (a sentence whose cues criticise is not praise for its tone alone: "shows little
    // enthusiasm for learning new things or improving the process")
    v.praise = (v.praise && !backhanded) || (about && tone.praise >= kClearTone && !cues.criticism);
    // (nor is a list's word in a sentence that only sounds positive and whose cues do not
    // criticise: "her attitude and outlook lift the team's morale")
    bool sounds_fine = (tone.praise > tone.criticism && tone.praise >= kCriticalTone) ||
                       (tone.criticism == 0 && tone.praise >= kFaintTone && !cues.criticism);
    listed = (listed && !sounds_fine) || (about && tone.criticism >= kClearTone);
  }
  v.criticism = listed || asks || cues.criticism;
  // ("no room for growth" reads as a demand's words; the ceiling decides)
  if (evidence.Has(s, ids.ceiling))
    v.criticism = evidence.Has(s, ids.suggestion) || evidence.Has(s, ids.advice) || cues.criticism;
  return v;
}

}  // namespace

void AnalyseBalance(const Document& doc, const EvidenceView& evidence, const BalanceEvidence& ids,
                    const DocumentFeatures& features, const std::vector<Diagnostic>& findings,
                    Scorecard* out) {
  // Each section's kind comes from its heading, or else from the section around it.
  std::vector<SectionKind> kind(doc.markup.sections.size(), SectionKind::kNeutral);
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Block& b = doc.BlockOf(doc.sentences[s]);
    if (b.kind != BlockKind::kHeading || b.section < 0) continue;
    if (evidence.Has(s, ids.growth_heading))
      kind[b.section] = SectionKind::kGrowth;
    else if (evidence.Has(s, ids.strengths_heading))
      kind[b.section] = SectionKind::kStrengths;
  }
  for (size_t s = 0; s < kind.size(); ++s)
    if (kind[s] == SectionKind::kNeutral && doc.markup.sections[s].parent >= 0)
      kind[s] = kind[doc.markup.sections[s].parent];  // parents come first

  out->positive = out->constructive = out->evaluative = out->specific = 0;
  out->positive_lines.clear();
  out->constructive_lines.clear();
  out->sentences = doc.sentences.size();
  const std::string vague = RuleIdOf(Needed::kVagueFindings);  // "vagueness."
  size_t cursor = 0;
  out->words = doc.tokens.size();
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    const Block& b = doc.BlockOf(sent);
    if (b.kind == BlockKind::kHeading) continue;
    // A plan's fields are neither praise nor criticism.
    if (out->pip.present && doc.InSection(b.section, out->pip.section)) continue;
    SectionKind k = b.section >= 0 ? kind[b.section] : SectionKind::kNeutral;
    // Under a heading the heading says which side a sentence is on; elsewhere its tone weighs in.
    CueVerdict sides = SidesOf(evidence, ids, features, s, k == SectionKind::kNeutral);
    bool praise = sides.praise, criticism = sides.criticism;
    bool words_enough = sent.tokens_end - sent.tokens_begin >= 3;
    bool pos = false, con = false;
    switch (k) {
      case SectionKind::kGrowth:
        con = words_enough && (criticism || !praise);
        pos = !con && praise;
        break;
      case SectionKind::kStrengths:
        pos = words_enough && (praise || !criticism);
        con = !pos && criticism;
        break;
      case SectionKind::kNeutral:
        pos = praise;
        con = criticism;
        break;
    }
    if (!pos && !con) continue;
    out->positive += pos;
    out->constructive += con;
    uint32_t line = doc.source.lines().LineOf(sent.span.begin) + 1;
    if (pos) out->positive_lines.push_back(line);
    if (con) out->constructive_lines.push_back(line);
    ++out->evaluative;
    bool concrete = doc.HasMeasure(sent) || evidence.Has(s, ids.specific);
    if (concrete && !FindingIn(findings, sent.span, vague.c_str(), &cursor)) ++out->specific;
  }
}

namespace {

// One side of the balance is missing, or below `min_ratio` of the evaluative sentences, while
// the other has at least `min_other`.
void ReportImbalance(const CheckContext& ctx, int side, int other, int min_other, double min_ratio,
                     std::vector<Diagnostic>* out) {
  const Scorecard& sc = ctx.scorecard;
  if (other < min_other) return;
  double ratio = double(side) / (side + other);
  if (side > 0 && ratio >= min_ratio) return;
  Diagnostic d;
  d.scope = Scope::kDocument;
  d.severity = ctx.severity;
  d.span = EndOfReview(ctx.doc);
  d.message = FillMessage(ctx.rule.message, {{"positive", std::to_string(sc.positive)},
                                             {"constructive", std::to_string(sc.constructive)}});
  d.data["positive"] = sc.positive;
  d.data["constructive"] = sc.constructive;
  out->push_back(std::move(d));
}

}  // namespace

void CheckMissingConstructive(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const auto& o = ctx.rule.options;
  ReportImbalance(ctx, ctx.scorecard.constructive, ctx.scorecard.positive,
                  o.value("min_positive", 2), o.value("min_constructive_ratio", 0.0), out);
}

void CheckMissingPositive(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const auto& o = ctx.rule.options;
  ReportImbalance(ctx, ctx.scorecard.positive, ctx.scorecard.constructive,
                  o.value("min_constructive", 2), o.value("min_positive_ratio", 0.0), out);
}

}  // namespace reviewlint
