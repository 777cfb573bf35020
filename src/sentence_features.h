// Sentence features: a deterministic reading of each sentence that predicate rules
// (rules/README.md, kind "predicate") test, instead of listing every phrasing.
//
// For every sentence the layer finds
//  - its subject: a person (a pronoun, a name, "the employee"), the writer ("I", "we"), a
//    person's work ("his code", "the plans"), a thing ("the cache"), or none (an elliptical list
//    item such as "Works very well." or "Excellent.", read as being about the reviewee);
//  - its cues: each word that judges, with the words that carry the judgement and what it is
//    about. A cue is an evaluative word ("superb troubleshooter", "performed nicely", "the plans
//    are sloppy"), a trait word ("she is abrasive"), a faint word ("a decent worker"), a
//    demeanour noun ("her attitude"), an achievement verb with the outcome it claims
//    ("exceeded all his targets"), or a shortfall ("is always late", "his numbers dropped"). Each
//    cue has a polarity (after negation: "not a good worker" is criticism), a target (person, work,
//    thing) and whether it is future or conditional
//    ("could be a great asset if ...");
//  - whether it names a code-like artefact (a ticket, an identifier, an acronym), and whether
//    it elaborates (a colon or dash followed by a clause of eight words or more).
// Everything comes from word classes (word_classes.h) and word order; there is no parser, so
// a cue whose target cannot be told is left out rather than guessed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "tone.h"
#include "word_classes.h"

namespace reviewlint {

enum class Subject : uint8_t { kNone, kPerson, kWriter, kWork, kThing };
enum class CueTarget : uint8_t { kUnknown, kPerson, kWork, kThing };

/// One judging word and what it judges.
struct Cue {
  uint32_t word;         // absolute token index of the judging word
  uint32_t first, last;  // the tokens that carry the judgement ("good worker"), inclusive
  uint32_t kind;         // the WordClassBit that made it a cue (kEvaluative, kTraitWord, ...)
  int8_t polarity;       // +1 praise, -1 criticism, after negation; 0 for achievement claims
  CueTarget target;
  bool negated;
  bool future;  // a modal, a wish or a condition stands before it ("could", "if", "needs to")
};

struct SentenceFeatures {
  Subject subject = Subject::kNone;
  uint32_t cues_begin = 0, cues_end = 0;  // into DocumentFeatures::cues
  bool artefact = false;                  // names a ticket, identifier or acronym
  bool elaborated = false;                // a colon or dash, then eight words or more
  bool names_person = false;              // a person other than the writer after the first word
  bool future = false;                    // any modal, wish or condition in the sentence
  Tone tone;                              // how positive and how negative it sounds
  // A shortfall turned around and nothing else critical: "never late", "doesn't make mistakes",
  // "did not disappoint", "nor does he waste time". Praise, not criticism.
  bool turned_around = false;
};

struct DocumentFeatures {
  std::vector<SentenceFeatures> sentences;  // one per Document::sentences
  std::vector<Cue> cues;
};

/// Does the cue criticise the reviewee or their work, as a fact and not a plan ("his reports are
/// sloppy", not "could be late")?
inline bool CriticisesReviewee(const Cue& c) {
  return (c.target == CueTarget::kPerson || c.target == CueTarget::kWork) && !c.future &&
         c.polarity < 0;
}

/// Is the sentence about the reviewee or their work, as far as its subject tells (a person,
/// their work, or an elliptical list item)?
inline bool AboutReviewee(const SentenceFeatures& f) {
  return f.subject == Subject::kPerson || f.subject == Subject::kNone ||
         f.subject == Subject::kWork;
}
/// The writer's feeling about the reviewee: "I love his enthusiasm", "I appreciate her care".
inline bool WriterAboutReviewee(const SentenceFeatures& f) {
  return f.subject == Subject::kWriter && f.names_person;
}
/// A sentence about the reviewee that sounds clearly negative (or positive), and more so than
/// the other way: "Her numbers are dismal", "Isaac was very tough to work with".
inline bool SoundsNegative(const SentenceFeatures& f) {
  return AboutReviewee(f) && f.tone.criticism >= kCriticalTone && f.tone.criticism > f.tone.praise;
}
inline bool SoundsPositive(const SentenceFeatures& f) {
  return AboutReviewee(f) && f.tone.praise >= kClearTone && f.tone.praise > f.tone.criticism;
}

/// Reads every sentence of `doc`.
void AnalyseSentences(const Document& doc, const WordClasses& classes, DocumentFeatures* out);

const char* SubjectName(Subject s);
const char* CueTargetName(CueTarget t);
/// "evaluative", "trait", "faint", "demeanour", "achievement", "deficit"; "" for other bits.
const char* CueKindName(uint32_t kind);
/// The class bit of a cue kind name, or 0.
uint32_t CueKindBit(std::string_view name);
/// Every cue kind name, in the order above (what a predicate's "cue" may name).
const std::vector<std::string>& CueKindNames();

}  // namespace reviewlint
