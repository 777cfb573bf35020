#include "sentence_features.h"

#include <algorithm>

namespace reviewlint {
namespace {

constexpr uint32_t kJudgingWord = kEvaluative | kTraitWord | kFaintWord;
constexpr uint32_t kVerbLike = kCopula | kGenericVerb | kAchievementVerb | kModal;

// Reads one sentence: word classes by position, then the subject, then the cues.
class SentenceReader {
 public:
  SentenceReader(const Document& doc, const WordClasses& classes, const Sentence& s)
      : doc_(doc), classes_(classes), b_(s.tokens_begin), e_(s.tokens_end), first_modal_(e_) {
    for (uint32_t t = b_; t < e_ && first_modal_ == e_; ++t)
      if (Is(t, kModal)) first_modal_ = t;
  }

  Subject FindSubject() const;
  uint32_t AfterOpeningPhrase() const;
  uint32_t AfterPrepositionalOpener() const;
  uint32_t AfterStance(uint32_t from) const;
  uint32_t AfterComma(uint32_t t) const;
  void FindCues(Subject subject, std::vector<Cue>* out) const;
  bool NamesArtefact() const;
  bool NamesPerson() const;
  bool Elaborates() const;
  bool HasModal() const { return first_modal_ < e_; }
  uint32_t FirstModal() const { return first_modal_; }

 private:
  uint32_t Classes(uint32_t t) const { return classes_.Info(doc_.tokens[t].exact).classes; }
  bool Is(uint32_t t, uint32_t bits) const { return (Classes(t) & bits) != 0; }
  std::string_view Text(uint32_t t) const {
    Span s = doc_.tokens[t].span;
    return doc_.prose().substr(s.begin, s.size());
  }
  bool Capitalized(uint32_t t) const { return doc_.tokens[t].flags & kTokenCapitalized; }
  bool Known(uint32_t t) const { return doc_.tokens[t].exact != Lexicon::kNone; }
  // Only spaces or a hyphen between two words: no punctuation ends the phrase.
  bool Joined(uint32_t a, uint32_t b) const {
    std::string_view prose = doc_.prose();
    for (uint32_t p = doc_.tokens[a].span.end; p < doc_.tokens[b].span.begin; ++p)
      if (prose[p] != ' ' && prose[p] != '-') return false;
    return true;
  }
  bool IsWriter(uint32_t t) const {
    std::string_view w = Text(t);
    return w == "I" || w == "We" || w == "we" || w == "i";
  }
  bool IsDeterminer(uint32_t t) const;
  // Does the noun at `t` only modify a word right after it ("quality issues", "performance
  // rating"): joined to it, and that word not a function word, verb, pronoun, negation or modal?
  bool ModifiesNext(uint32_t t) const {
    return t + 1 < e_ && Joined(t, t + 1) && !Capitalized(t + 1) &&
           !Is(t + 1, kFunctionWord | kVerbLike | kPronoun | kNegation | kModal);
  }
  // Nothing but degree and judging words after `t`: "Excellent.", "Very reliable indeed." (not
  // "Fine text.").
  bool OnlyDegreeAfter(uint32_t t) const {
    for (uint32_t k = t + 1; k < e_; ++k)
      if (!Is(k, kIntensifier | kJudgingWord)) return false;
    return true;
  }
  bool PluralOpener(uint32_t t) const {
    std::string_view w = Text(t);
    return t == b_ && w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
           w[w.size() - 2] != '\'' && t + 1 < e_ && !Capitalized(t + 1);
  }
  // A lower-case word no list knows, other than an -ly adverb: most likely a noun naming a
  // thing ("the deploy failed", "p95 latency dropped").
  bool UnknownNoun(uint32_t t) const {
    std::string_view w = Text(t);
    bool adverb = w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0;
    return !Known(t) && !Capitalized(t) && !adverb && !doc_.tokens[t].flags;
  }
  CueTarget NounTarget(uint32_t t) const;
  Subject NounPhraseAfter(uint32_t t, Subject fallback) const;
  bool Attributive(uint32_t t, uint32_t* head, CueTarget* target) const;
  bool AfterLink(uint32_t t, uint32_t bits) const;
  static CueTarget TargetOf(Subject s);
  Subject LocalSubject(uint32_t t, Subject sentence) const;
  Subject DeficitSubject(uint32_t t, Subject sentence) const;
  void Negate(Cue* cue) const;
  bool FutureBefore(uint32_t t) const { return first_modal_ < t; }
  void AddJudgingCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;
  void AddDemeanourCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;
  void AddAchievementCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;
  void AddComparisonCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;
  void AddGrowthCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;
  void AddShortfallDegreeCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;
  void AddResultSubjectCue(Subject subject, std::vector<Cue>* out) const;
  bool EffortBefore(uint32_t to) const;
  void AddDeficitCue(uint32_t t, Subject subject, std::vector<Cue>* out) const;

  const Document& doc_;
  const WordClasses& classes_;
  uint32_t b_, e_;
  uint32_t first_modal_;  // the first modal, wish or condition; e_ when there is none
};

bool SentenceReader::IsDeterminer(uint32_t t) const {
  std::string_view w = Text(t);
  for (std::string_view d : {"the", "The", "this", "This", "that", "That", "these", "These",
                             "those", "Those", "a", "A", "an", "An"})
    if (w == d) return true;
  return false;
}

CueTarget SentenceReader::NounTarget(uint32_t t) const {
  uint32_t c = Classes(t);
  if (c & kRoleNoun) return CueTarget::kPerson;
  if (c & (kWorkNoun | kOutcomeNoun)) return CueTarget::kWork;
  return CueTarget::kUnknown;
}

// The subject named by the noun phrase after a determiner or possessive at `t`: its head (the
// last noun before the verb; "the test coverage" is coverage, "the quality of your work" is
// work) decides, else `fallback`.
Subject SentenceReader::NounPhraseAfter(uint32_t t, Subject fallback) const {
  Subject found = fallback;
  for (uint32_t k = t + 1; k < e_ && k <= t + 6; ++k) {
    if (Is(k, kVerbLike | kNegation)) break;
    std::string_view w = Text(k);
    if (w == "of") continue;
    if (Is(k, kFunctionWord | kPronoun) && !Is(k, kPossessive)) break;
    if (Is(k, kDemeanourNoun))
      found = Subject::kPerson;
    else if (NounTarget(k) == CueTarget::kPerson)
      found = Subject::kPerson;
    else if (NounTarget(k) == CueTarget::kWork)
      found = Subject::kWork;
    else if (!Is(k, kPossessive | kIntensifier | kJudgingWord))
      found = fallback;
  }
  return found;
}

// "During the review period, she ...": an opening prepositional phrase up to its comma is not
// the subject. Returns the first word after it, or `b_`.
// A person other than the writer after the sentence's first word: "I love his enthusiasm",
// "we can count on Joe".
bool SentenceReader::NamesPerson() const {
  for (uint32_t t = b_ + 1; t < e_; ++t) {
    if (Is(t, kPronoun | kPossessive)) {
      std::string_view w = Text(t);
      if (!IsWriter(t) && w != "my" && w != "our" && w != "its" && w != "you" && w != "your")
        return true;
    } else if (Capitalized(t) && !Known(t)) {
      return true;
    }
  }
  return false;
}

uint32_t SentenceReader::AfterOpeningPhrase() const {
  if (b_ >= e_) return b_;  // a sentence without words (an empty heading)
  return AfterStance(AfterPrepositionalOpener());
}

// "During the migration, she ..." -> "she ...".
uint32_t SentenceReader::AfterPrepositionalOpener() const {
  std::string_view w = Text(b_);
  static constexpr std::string_view kOpeners[] = {
      "During",     "In",    "After",   "Before",     "Since", "For",    "Over",
      "Throughout", "With",  "Despite", "Regardless", "As",    "At",     "From",
      "On",         "Given", "Beyond",  "Besides",    "Apart", "Outside"};
  if (std::find(std::begin(kOpeners), std::end(kOpeners), w) == std::end(kOpeners)) return b_;
  uint32_t after = AfterComma(b_);
  return after < e_ ? after : b_;
}

// The word after the first comma within twelve words from `t`, or the sentence's end.
uint32_t SentenceReader::AfterComma(uint32_t t) const {
  std::string_view prose = doc_.prose();
  for (uint32_t k = t; k + 1 < e_ && k < t + 12; ++k)
    for (uint32_t p = doc_.tokens[k].span.end; p < doc_.tokens[k + 1].span.begin; ++p)
      if (prose[p] == ',') return k + 1;
  return e_;
}

// "I think (that) he ...", "I'm confident that Joe ...", "We really believe she ..." -> the clause
// after the writer's stance, when a person or their work opens it (not "I hope to see ...").
uint32_t SentenceReader::AfterStance(uint32_t from) const {
  if (from >= e_ || !IsWriter(from)) return from;
  uint32_t t = from + 1;
  while (t < e_ && t < from + 4 && !Is(t, kStanceWord) &&
         Is(t, kModal | kIntensifier | kCopula | kFunctionWord | kAdverb))
    ++t;
  if (t >= e_ || !Is(t, kStanceWord)) return from;
  ++t;
  if (t < e_ && (Text(t) == "that" || Text(t) == "like")) ++t;
  if (t >= e_) return from;
  auto opens_clause = [&](uint32_t k) {
    return k < e_ &&
           (Is(k, kPronoun | kPossessive) || IsDeterminer(k) || (Capitalized(k) && !Known(k)));
  };
  if (opens_clause(t)) return t;
  // "I think that with a bit more focus, he could ...": the clause after the comma.
  uint32_t after = AfterComma(t);
  return opens_clause(after) ? after : from;
}

Subject SentenceReader::FindSubject() const {
  uint32_t from = AfterOpeningPhrase();
  for (uint32_t t = from; t < e_ && t < from + 8; ++t) {
    uint32_t c = Classes(t);
    if (c & kPronoun) return IsWriter(t) ? Subject::kWriter : Subject::kPerson;
    if (c & kPossessive) {
      std::string_view w = Text(t);
      bool writer = w == "my" || w == "My" || w == "our" || w == "Our";
      return NounPhraseAfter(t, writer ? Subject::kThing : Subject::kWork);
    }
    if (IsDeterminer(t)) return NounPhraseAfter(t, Subject::kThing);
    std::string_view w = Text(t);
    if (w == "It" || w == "it" || w == "There" || w == "there") return Subject::kThing;
    if (c & kFunctionWord) continue;  // "If", "Overall", "In addition"
    if (t == from && (c & (kVerbLike | kJudgingWord))) return Subject::kNone;  // elliptical
    if (c & kRoleNoun) return Subject::kPerson;
    if (c & (kWorkNoun | kOutcomeNoun)) return Subject::kWork;
    // A capitalised word that no list knows is a name ("George", "Libby's"), unless it opens
    // the sentence as a plural ("Queries now hit 4 shards", "Customers noticed").
    if (Capitalized(t) && !Known(t)) return PluralOpener(t) ? Subject::kThing : Subject::kPerson;
    if (c & kVerbLike) break;  // past the verb: no subject before it
  }
  return Subject::kNone;
}

CueTarget SentenceReader::TargetOf(Subject s) {
  switch (s) {
    case Subject::kNone:
    case Subject::kPerson:
      return CueTarget::kPerson;
    case Subject::kWork:
      return CueTarget::kWork;
    case Subject::kThing:
      return CueTarget::kThing;
    case Subject::kWriter:
      return CueTarget::kUnknown;
  }
  return CueTarget::kUnknown;
}

// "good worker", "strong team member", "high quality work product": the judging word at `t`
// modifies a role or work noun at most two words on.
bool SentenceReader::Attributive(uint32_t t, uint32_t* head, CueTarget* target) const {
  for (uint32_t k = t + 1; k < e_ && k <= t + 3; ++k) {
    CueTarget n = NounTarget(k);
    if (n != CueTarget::kUnknown) {
      *head = k;
      // "work product", "team member": take the whole compound.
      while (*head + 1 < e_ && NounTarget(*head + 1) != CueTarget::kUnknown) ++*head;
      // "four-person rotation": an unknown noun after it is the compound's real head.
      if (*head + 1 < e_ && Joined(*head, *head + 1) && !Known(*head + 1) &&
          !Capitalized(*head + 1))
        return false;
      *target = NounTarget(*head);
      return true;
    }
    if (Is(k, kFunctionWord | kVerbLike | kPronoun | kPossessive | kNegation) &&
        !Is(k, kIntensifier))
      return false;
  }
  return false;
}

// Does a word of class `bits` stand just before `t`, with only degree words and negations
// between ("is not very good", "works really hard")?
bool SentenceReader::AfterLink(uint32_t t, uint32_t bits) const {
  for (uint32_t k = t; k > b_ && k + 4 > t;) {
    --k;
    if (Is(k, bits)) return true;
    if (!Is(k, kIntensifier | kNegation)) return false;
  }
  return false;
}

void SentenceReader::Negate(Cue* cue) const {
  uint32_t from = cue->first > b_ + 3 ? cue->first - 3 : b_;
  // (a shortfall is not turned around by a degree of shortfall: "little to no desire")
  for (uint32_t k = from; k < cue->first; ++k)
    if (cue->kind == kDeficitWord ? Is(k, kNegation)
                                  : TurnsAround(doc_, classes_, b_, k, cue->first))
      cue->negated = true;
  if (cue->negated) cue->polarity = static_cast<int8_t>(cue->polarity == 0 ? -1 : -cue->polarity);
}

// The subject of the linking verb before `t` when a noun stands right before it ("... that
// results look more sensible"), else the sentence's subject.
Subject SentenceReader::LocalSubject(uint32_t t, Subject sentence) const {
  uint32_t link = t;
  while (link > b_ && !Is(link, kCopula)) --link;
  if (link == b_ || link + 4 < t) return sentence;
  uint32_t k = link - 1;
  while (k > b_ && Is(k, kNegation | kModal) && !Is(k, kPronoun)) --k;
  if (Is(k, kPronoun)) return IsWriter(k) ? Subject::kWriter : Subject::kPerson;
  if (Is(k, kDemeanourNoun)) return Subject::kPerson;
  CueTarget n = NounTarget(k);
  if (n == CueTarget::kPerson) return Subject::kPerson;
  if (n == CueTarget::kWork) return Subject::kWork;
  std::string_view w = Text(k);
  if (w == "it" || w == "It" || w == "there" || w == "There") return Subject::kThing;
  return sentence;
}

// Who falls short at `t`: the word before it, past auxiliaries and degree words. "He is
// always late" is about him, "her numbers dropped" about her work, "a request fails" and "p95
// latency dropped" about things; anything else is about the sentence's subject.
Subject SentenceReader::DeficitSubject(uint32_t t, Subject sentence) const {
  uint32_t k = t;
  while (k > b_) {
    --k;
    std::string_view w = Text(k);
    bool auxiliary = w == "has" || w == "have" || w == "had" || w == "does" || w == "do" ||
                     w == "did" || w == "been";
    if (!Is(k, kIntensifier | kNegation | kCopula | kModal) && !auxiliary &&
        !(w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0))
      break;
  }
  if (Is(k, kPronoun)) return IsWriter(k) ? Subject::kWriter : Subject::kPerson;
  if (Is(k, kRoleNoun)) return Subject::kPerson;
  if (Capitalized(k) && !Known(k)) return PluralOpener(k) ? Subject::kThing : Subject::kPerson;
  bool noun = !Capitalized(k) && !(doc_.tokens[k].flags & kTokenNumeric) &&
              !Is(k, kFunctionWord | kVerbLike | kPronoun | kNegation | kIntensifier |
                         kJudgingWord | kDeficitWord);
  if (noun) {
    // The words before the noun: "his docs", "the old cache", "p95 latency".
    for (uint32_t j = k; j > b_ && j + 3 > k;) {
      --j;
      if (Is(j, kPossessive)) return Subject::kWork;
      if (IsDeterminer(j) || (doc_.tokens[j].flags & kTokenNumeric)) return Subject::kThing;
      if (Is(j, kFunctionWord | kVerbLike | kPronoun | kNegation)) break;
    }
    if (UnknownNoun(k) && k > b_ && UnknownNoun(k - 1)) return Subject::kThing;
  }
  return sentence;
}

void SentenceReader::AddJudgingCue(uint32_t t, Subject subject, std::vector<Cue>* out) const {
  // "kind of", "sort of" are hedges, not judgements.
  if (t + 1 < e_ && Text(t + 1) == "of" && Is(t, kNoun)) return;
  const WordInfo& info = classes_.Info(doc_.tokens[t].exact);
  uint32_t c = info.classes;
  Cue cue{t, t, t, 0, info.polarity, CueTarget::kUnknown, false, FutureBefore(t)};
  cue.kind = (c & kFaintWord) ? kFaintWord : (c & kTraitWord) ? kTraitWord : kEvaluative;
  if (cue.kind == kFaintWord) cue.polarity = 1;  // praise, however faint
  uint32_t head;
  CueTarget target;
  bool outcome = false;  // "great results", "terrific improvement": also an achievement claim
  std::string_view w = Text(t);
  bool adverb =
      (c & (kAdverb | kMannerAdverb)) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0);
  if ((c & kRoleNoun) && (c & kJudgingWord)) {
    // A judging role noun ("an asset", "a rockstar") is about a person wherever it stands.
    cue.target = CueTarget::kPerson;
  } else if (Attributive(t, &head, &target)) {
    cue.last = head;
    cue.target = target;
    // Not "a great deal of", nor a noun that only modifies the next ("reasonable client
    // deadlines").
    bool modifies = ModifiesNext(head);
    // ("a good margin of profits" is a result; "a great deal of", "a good number of" are
    // amounts; "a more reasonable client" is a wish, not a result)
    std::string_view h = Text(head);
    bool amount = head + 1 < e_ && Text(head + 1) == "of" && (h == "deal" || h == "number");
    bool comparative = t > b_ && (Text(t - 1) == "more" || Text(t - 1) == "less");
    outcome = Is(head, kResultNoun) && !modifies && !amount && !comparative;
  } else if (cue.kind == kFaintWord && t + 1 < e_ && Is(t + 1, kEffortNoun) &&
             Text(t + 1) != "potential" && TargetOf(subject) != CueTarget::kThing &&
             subject != Subject::kWriter) {
    // "of decent quality", "reasonable effort": faint praise of what the reviewee puts in
    // ("moderate potential" rates a prospect, as a nine-box grid does; it is not praise).
    cue.last = t + 1;
    cue.target = CueTarget::kWork;
  } else if (AfterLink(t, kCopula)) {
    cue.target = TargetOf(LocalSubject(t, subject));
  } else if (adverb && AfterLink(t, kGenericVerb)) {
    cue.first = t;
    while (cue.first > b_ && !Is(cue.first, kGenericVerb)) --cue.first;
    cue.target = TargetOf(subject);
  } else if (t <= b_ + 1 && e_ - b_ <= 4 && !(e_ - b_ == 1 && cue.kind == kFaintWord) &&
             OnlyDegreeAfter(t)) {
    // "Excellent.", "Very reliable." (but a lone "Ok." or "Fine." is a reply, not a verdict)
    cue.target = CueTarget::kPerson;
  }
  if (cue.target == CueTarget::kUnknown) return;
  if (!(c & kJudgingWord)) cue.polarity = 0;  // a manner word alone ("works hard") only grades
  Negate(&cue);
  out->push_back(cue);
  // (unless an achievement verb already claims it: "delivers good results")
  for (size_t i = out->size() - 1; outcome && i-- > 0 && (*out)[i].word >= b_;)
    outcome = !((*out)[i].kind == kAchievementVerb && (*out)[i].last == head);
  if (outcome && cue.polarity > 0 && cue.kind != kFaintWord) {  // not "average results"
    Cue claim = cue;
    claim.kind = kAchievementVerb;
    claim.polarity = 0;
    out->push_back(claim);
  }
}

void SentenceReader::AddDemeanourCue(uint32_t t, Subject subject, std::vector<Cue>* out) const {
  bool owned = false;
  for (uint32_t k = t > b_ + 3 ? t - 3 : b_; k < t; ++k) {
    std::string_view w = Text(k);
    owned = owned || (Is(k, kPossessive) && w != "my" && w != "My" && w != "our" && w != "Our") ||
            (Capitalized(k) && !Known(k));
  }
  if (!owned && subject != Subject::kPerson && subject != Subject::kNone) return;
  Cue cue{t, t, t, kDemeanourNoun, 0, CueTarget::kPerson, false, FutureBefore(t)};
  // The evaluative word before it gives the polarity ("a pleasant attitude").
  for (uint32_t k = t > b_ + 2 ? t - 2 : b_; k < t; ++k)
    if (Is(k, kEvaluative | kTraitWord)) {
      cue.first = k;
      cue.polarity = classes_.Info(doc_.tokens[k].exact).polarity;
    }
  Negate(&cue);  // "little enthusiasm or motivation", "doesn't have a good attitude"
  out->push_back(cue);
}

void SentenceReader::AddAchievementCue(uint32_t t, Subject subject, std::vector<Cue>* out) const {
  if (subject != Subject::kPerson && subject != Subject::kNone && subject != Subject::kWork) return;
  for (uint32_t k = t + 1; k < e_ && k <= t + 5; ++k) {
    // "earned the star performance rating": the outcome noun only modifies a noun that is not
    // an outcome, so the claim is about that (a rating), not a result.
    bool modifies = ModifiesNext(k) && (Is(k + 1, kNoun) || UnknownNoun(k + 1)) &&
                    !Is(k + 1, kOutcomeNoun | kIntensifier);
    if (Is(k, kOutcomeNoun) && modifies) return;
    if (Is(k, kOutcomeNoun)) {
      // "to achieve the goal" is a purpose or a demand, not a claim, unless an effort verb
      // leads to it ("tries to meet her goals", "went above and beyond to meet them").
      bool purpose = t > b_ && Text(t - 1) == "to" && !EffortBefore(t - 1);
      Cue cue{t, t, k, kAchievementVerb, 0, TargetOf(subject), false, FutureBefore(t) || purpose};
      Negate(&cue);
      // "unable to complete", "failed to meet": a shortfall, not a claim.
      for (uint32_t j = t > b_ + 3 ? t - 3 : b_; j < t; ++j)
        if (Is(j, kDeficitWord)) cue.negated = true, cue.polarity = -1;
      out->push_back(cue);
      return;
    }
    if (Is(k, kVerbLike)) return;
  }
}

// "tries to", "went above and beyond to", "worked hard to": the reviewee's effort, in the past or
// present, leads to the infinitive at `to`; a modal before it makes the whole a plan.
bool SentenceReader::EffortBefore(uint32_t to) const {
  if (FutureBefore(to)) return false;
  for (uint32_t k = to > b_ + 3 ? to - 3 : b_; k < to; ++k)
    if (Is(k, kEffortWord)) return true;
  return false;
}

// "His numbers speak for themselves", "her results show it": the reviewee's results as the
// subject of a sentence that does not fault them claim an achievement as surely as a verb does.
void SentenceReader::AddResultSubjectCue(Subject subject, std::vector<Cue>* out) const {
  if (subject == Subject::kWriter || subject == Subject::kThing) return;
  uint32_t from = AfterOpeningPhrase();
  for (uint32_t k = from + 1; k < e_; ++k) {
    if (!Is(k, kResultNoun) || !Is(k - 1, kPossessive) || IsWriter(k - 1)) continue;
    // At the start of the sentence, or of a clause after "and", "but", "so": "he works hard
    // and his numbers show it".
    std::string_view before = k - 1 > b_ ? Text(k - 2) : "";
    bool clause = before == "and" || before == "but" || before == "so";
    if (!(k <= from + 2 && subject == Subject::kWork) && !clause) continue;
    for (uint32_t j = k + 1; j < e_; ++j)
      if (Is(j, kNegation | kDeficitWord)) return;
    Cue cue{k - 1, k - 1, k, kAchievementVerb, 0, CueTarget::kWork, false, FutureBefore(k)};
    out->push_back(cue);
    return;
  }
}

// "above his peers", "outshines most of her co-workers", "ranks higher than other associates":
// a claim of standing among peers, which only a figure would size. Read as an achievement claim.
void SentenceReader::AddComparisonCue(uint32_t t, Subject subject, std::vector<Cue>* out) const {
  if (subject == Subject::kThing || subject == Subject::kWriter) return;
  for (uint32_t k = t + 1; k < e_ && k <= t + 5; ++k) {
    if (Is(k, kPeerNoun)) {
      Cue cue{t, t, k, kAchievementVerb, 0, TargetOf(subject), false, FutureBefore(t)};
      Negate(&cue);
      out->push_back(cue);
      return;
    }
    if (Is(k, kVerbLike | kNegation)) return;
  }
}

// "Isaac has shown growth", "has improved on his abilities", "there has been improvement on her
// part", "has come far": a change in the reviewee claimed in the past or present, which only a
// before and after would size. Read as an achievement claim.
void SentenceReader::AddGrowthCue(uint32_t t, Subject subject, std::vector<Cue>* out) const {
  bool about = subject == Subject::kPerson || subject == Subject::kNone ||
               (subject == Subject::kThing && NamesPerson());
  if (!about || t == b_ || (!out->empty() && out->back().word == t)) return;
  // A noun ("growth") needs a verb that shows it ("has shown growth"); after a bare "has" it is
  // a gap ("has room for improvement", "has improvement to make").
  std::string_view word = Text(t);
  bool noun = word == "growth" || word == "progress" || word == "strides" ||
              (word.size() > 4 && word.substr(word.size() - 4) == "ment") ||
              (word.size() > 5 && word.substr(word.size() - 5) == "ments");
  for (uint32_t k = t > b_ + 3 ? t - 3 : b_; k < t; ++k) {
    std::string_view w = Text(k);
    bool perfect = w == "has" || w == "have" || w == "had";
    if ((perfect && !noun) || w == "been" || w == "shown" || w == "made" || w == "seen" ||
        w == "shows" || w == "showing") {
      Cue cue{t, t, t, kAchievementVerb, 0, CueTarget::kPerson, false, FutureBefore(t)};
      Negate(&cue);
      out->push_back(cue);
      return;
    }
  }
}

// "low performance", "very little effort", "no interest", "a lack of motivation": a degree of
// shortfall before what the reviewee puts in or produces, or before anything good (a word of
// positive tone: "no improvement", "little enthusiasm"), is a shortfall. Not "a little more",
// "low latency", "minimal supervision", "no problems" or "no quality issues" (the noun only
// modifies the next).
void SentenceReader::AddShortfallDegreeCue(uint32_t t, Subject subject,
                                           std::vector<Cue>* out) const {
  if (ALittle(doc_, b_, t)) return;
  // "with little support", "with no help": how the work was done, not what it lacked.
  if (t > b_ && (Text(t - 1) == "with" || Text(t - 1) == "With")) return;
  if (!out->empty() && out->back().word == t) return;  // "lacks": a deficit cue already
  // "His performance is (really) low": the reviewee's work, then a copula.
  if (subject == Subject::kWork) {
    for (uint32_t k = t > b_ + 2 ? t - 2 : b_; k < t; ++k)
      if (Is(k, kCopula)) {
        Cue cue{t, t, t, kDeficitWord, -1, CueTarget::kWork, false, FutureBefore(t)};
        Negate(&cue);
        out->push_back(cue);
        return;
      }
  }
  uint32_t from = t + 1;
  if (from < e_ && Text(from) == "of") ++from;  // "a lack of"
  constexpr uint32_t kInput = kOutcomeNoun | kResultNoun | kWorkNoun | kDemeanourNoun | kEffortNoun;
  for (uint32_t k = from; k < e_ && k <= from + 1; ++k) {
    bool good = classes_.Info(doc_.tokens[k].exact).tone > 0 && !Is(k, kIntensifier | kAdjective);
    if (Is(k, kInput) || good) {
      if (ModifiesNext(k) && !IsDeterminer(k + 1) && !Is(k + 1, kInput)) return;
      CueTarget target = subject == Subject::kWriter || subject == Subject::kThing
                             ? CueTarget::kUnknown
                             : CueTarget::kWork;
      if (target == CueTarget::kUnknown && NamesPerson()) target = CueTarget::kWork;
      if (target == CueTarget::kUnknown) return;
      Cue cue{t, t, k, kDeficitWord, -1, target, false, FutureBefore(t)};
      Negate(&cue);
      out->push_back(cue);
      return;
    }
    if (!Is(k, kIntensifier | kAdjective)) return;
  }
}

// "He is always late", "his numbers dropped", "rarely delivers on time": a shortfall in a
// sentence about the reviewee or their work. After a determiner it names a thing ("the failed
// deploy") and is not a cue.
void SentenceReader::AddDeficitCue(uint32_t t, Subject subject, std::vector<Cue>* out) const {
  if (t > b_ && (IsDeterminer(t - 1) || Is(t - 1, kPossessive))) return;
  // "rarely makes mistakes", "seldom late": a negating shortfall before a shortfall or a word
  // of negative tone turns it around (the later word's cue is negated), and is no cue itself.
  if (Is(t, kNegation))
    for (uint32_t k = t + 1; k < e_ && k <= t + 3 && Joined(k - 1, k); ++k)
      if (Is(k, kDeficitWord) || classes_.Info(doc_.tokens[k].exact).tone < 0) return;
  CueTarget target = TargetOf(DeficitSubject(t, subject));
  if (target != CueTarget::kPerson && target != CueTarget::kWork) return;
  Cue cue{t, t, t, kDeficitWord, -1, target, false, FutureBefore(t)};
  Negate(&cue);
  out->push_back(cue);
}

void SentenceReader::FindCues(Subject subject, std::vector<Cue>* out) const {
  int64_t judged_to = -1;  // the last word of the last judging cue
  for (uint32_t t = b_; t < e_; ++t) {
    uint32_t c = Classes(t);
    // A word already inside a cue ("asset" in "invaluable asset") is not a cue of its own.
    if ((c & (kJudgingWord | kMannerAdverb | kFaintWord)) && static_cast<int64_t>(t) > judged_to) {
      size_t before = out->size();
      AddJudgingCue(t, subject, out);
      if (out->size() > before) judged_to = out->back().last;
    }
    if (c & kDemeanourNoun) AddDemeanourCue(t, subject, out);
    if (c & kAchievementVerb) AddAchievementCue(t, subject, out);
    if (c & kComparisonWord) AddComparisonCue(t, subject, out);
    if (c & kGrowthWord) AddGrowthCue(t, subject, out);
    if (c & kDeficitWord) AddDeficitCue(t, subject, out);
    if (c & kShortfallDegree) AddShortfallDegreeCue(t, subject, out);
  }
  AddResultSubjectCue(subject, out);
}

// "PAY-412", "#381", "checkout_v2", "p99", "retryPolicy", "SLO": things with a name a reader can
// look up.
bool SentenceReader::NamesArtefact() const {
  std::string_view prose = doc_.prose();
  for (uint32_t t = b_; t < e_; ++t) {
    std::string_view w = Text(t);
    Span s = doc_.tokens[t].span;
    if (s.begin > 0 && prose[s.begin - 1] == '#') return true;
    bool digit = false, alpha = false, upper_inside = false, underscore = false;
    size_t upper = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      char ch = w[i];
      digit = digit || (ch >= '0' && ch <= '9');
      alpha = alpha || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
      underscore = underscore || ch == '_';
      if (ch >= 'A' && ch <= 'Z') {
        ++upper;
        if (i > 0 && w[i - 1] >= 'a' && w[i - 1] <= 'z') upper_inside = true;
      }
    }
    if ((digit && alpha) || underscore || upper_inside || (upper >= 2 && upper == w.size()))
      return true;
  }
  return false;
}

// "Ayşe is a great mentor: both engineers she mentored passed their promotion reviews": a
// colon, semicolon or dash followed by at least eight words says what lies behind a verdict.
bool SentenceReader::Elaborates() const {
  std::string_view prose = doc_.prose();
  for (uint32_t t = b_; t + 8 < e_; ++t) {
    for (uint32_t p = doc_.tokens[t].span.end; p < doc_.tokens[t + 1].span.begin; ++p) {
      char c = prose[p];
      if (c == ':' || c == ';' || (c == '-' && prose[p - 1] == ' ') ||
          (c == '\xE2' && p + 2 < prose.size() && prose[p + 1] == '\x80' &&
           (prose[p + 2] == '\x93' || prose[p + 2] == '\x94')))  // – —
        return true;
    }
  }
  return false;
}

// In a sentence about the reviewee, a negated shortfall cue or negative words a negation turns
// around, and no cue or tone that criticises the reviewee or their work.
bool TurnedAround(const SentenceFeatures& f, const std::vector<Cue>& cues) {
  bool negated_shortfall = false;
  for (uint32_t c = f.cues_begin; c < f.cues_end; ++c) {
    const Cue& cue = cues[c];
    if (CriticisesReviewee(cue)) return false;
    negated_shortfall = negated_shortfall || (cue.kind == kDeficitWord && cue.negated);
  }
  return AboutReviewee(f) && (negated_shortfall || f.tone.reversed >= kTurnedTone) &&
         f.tone.criticism < kFaintTone;
}

}  // namespace

void AnalyseSentences(const Document& doc, const WordClasses& classes, DocumentFeatures* out) {
  out->sentences.assign(doc.sentences.size(), SentenceFeatures{});
  out->cues.clear();
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    SentenceReader reader(doc, classes, doc.sentences[i]);
    SentenceFeatures& f = out->sentences[i];
    f.subject = reader.FindSubject();
    f.cues_begin = static_cast<uint32_t>(out->cues.size());
    reader.FindCues(f.subject, &out->cues);
    f.cues_end = static_cast<uint32_t>(out->cues.size());
    f.artefact = reader.NamesArtefact();
    f.names_person = reader.NamesPerson();
    f.elaborated = reader.Elaborates();
    f.future = reader.HasModal();
    f.tone = ReadTone(doc, classes, doc.sentences[i], reader.FirstModal());
    f.turned_around = TurnedAround(f, out->cues);
  }
}

const char* SubjectName(Subject s) {
  static constexpr const char* kNames[] = {"none", "person", "writer", "work", "thing"};
  return kNames[static_cast<int>(s)];
}

const char* CueTargetName(CueTarget t) {
  static constexpr const char* kNames[] = {"unknown", "person", "work", "thing"};
  return kNames[static_cast<int>(t)];
}

namespace {
struct CueKindRow {
  const char* name;
  uint32_t bit;
};
constexpr CueKindRow kCueKinds[] = {
    {"evaluative", kEvaluative},
    {"trait", kTraitWord},
    {"faint", kFaintWord},
    {"demeanour", kDemeanourNoun},
    {"achievement", kAchievementVerb},
    {"deficit", kDeficitWord},
};
}  // namespace

const char* CueKindName(uint32_t kind) {
  for (const CueKindRow& r : kCueKinds)
    if (r.bit == kind) return r.name;
  return "";
}

uint32_t CueKindBit(std::string_view name) {
  for (const CueKindRow& r : kCueKinds)
    if (name == r.name) return r.bit;
  return 0;
}

const std::vector<std::string>& CueKindNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const CueKindRow& r : kCueKinds) v.emplace_back(r.name);
    return v;
  }();
  return names;
}

}  // namespace reviewlint
