// Tone: how positive and how negative a sentence sounds, summed from the signed valence of its
// words (dictionaries/en/lexicon/tone.tsv, from VADER) the way VADER sums them: a negation in the
// three words before a word flips it and weakens it, and after "but" or "however" the words
// count more than before it. Praise after a modal or a condition ("could be a great asset if")
// is not praise, nor is a limit ("average at best"). The balance verdicts read it: a review with no
// praising sentence is missing its strengths even when no stock phrase names one.
#pragma once

#include <cstdint>

namespace reviewlint {

class Document;
class WordClasses;
struct Sentence;

/// Sums of valence x 10 (VADER's -4..+4 scale): praise from positive words, criticism from
/// negative ones (as a positive number). `reversed` is the part of the praise that comes from
/// negative words a negation turns around ("did not disappoint", "nor does he waste time").
struct Tone {
  int16_t praise = 0, criticism = 0, reversed = 0;
};

/// A sum that sounds clear: VADER's 2.5, one "great" or "love", or "poor" with "late".
constexpr int kClearTone = 25;
/// Below 1.0 a sentence's negative words are too faint to turn its praise backhanded ("does
/// work very hard": "hard" is VADER's -0.4).
constexpr int kFaintTone = 10;
/// Negative words a negation turns around count from VADER's -1.0 (x 0.74 once negated): "did
/// not disappoint" (-2.0), not "does not pay attention" ("pay" is -0.4).
constexpr int kTurnedTone = 7;
/// A sentence about the reviewee is a criticism from 2.0 ("poor", "tough to work with"): set on
/// the development set, where 1.5 let too many mild words through (balance P 0.84) and 2.5 missed
/// plain criticisms.
constexpr int kCriticalTone = 20;

/// Is token `k` (of a sentence that starts at token `first`) the "little" of "a little": an
/// amount ("a little more"), not a shortfall ("little interest")?
bool ALittle(const Document& doc, uint32_t first, uint32_t k);

/// Does token `k` (of a sentence that starts at token `first`) turn the evaluation of the word
/// `t` after it around: a negation up to three words before ("not really great"), or a degree of
/// shortfall right before ("little enthusiasm", "limited success"), but not "a little" ("a
/// little better") and not a word further on ("low risk, high reward")?
bool TurnsAround(const Document& doc, const WordClasses& classes, uint32_t first, uint32_t k,
                 uint32_t t);

/// The tone of `sentence`; `first_modal` is the token index of its first modal, wish or
/// condition (the sentence's end when it has none).
Tone ReadTone(const Document& doc, const WordClasses& classes, const Sentence& sentence,
              uint32_t first_modal);

}  // namespace reviewlint
