// Overlap policies: which of two findings on the same words survives. The engine applies them in
// this order after matching; each is a free function so that it can be read and tested alone
// (tests/unit/overlap_test.cc).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "diagnostic.h"

namespace reviewlint {

/// The pack of a rule id: "vagueness" for "vagueness.hedge".
std::string_view PackOf(std::string_view rule_id);

/// One finding per pack per place: where two rules of a pack match overlapping words ("really
/// great work" is both a booster and stock praise), the longer match says it best (then the more
/// severe, then the first rule id). Leaves `findings` sorted by pack, then start.
void KeepLongestPerPack(std::vector<Diagnostic>* findings);

/// Where a sentence-level finding sits: its block (paragraph or list item; -1 if none) and
/// whether its sentence holds a measure.
struct SentencePlace {
  int block = -1;
  bool measured = false;
};
using PlaceOfSentence = std::function<SentencePlace(uint32_t sentence_begin)>;

/// A sentence-level finding is one per block (a paragraph or list item makes one point), and it
/// gives way when a more specific finding already sits in the sentence ("needs to work on
/// communication" is flagged as vague; saying it also lacks a next step repeats the point). A
/// predicate finding (one with data.features) repeats in its block only on a sentence with no
/// measure: a measured sentence right after one it flagged is the evidence for that criticism
/// ("His PRs sit in draft for days. The sharding change stayed in draft for nine days."). The
/// survivors are appended to `kept`, which is left sorted by DiagnosticLess.
void MergeSentenceFindings(std::vector<Diagnostic> sentence_level, const PlaceOfSentence& place_of,
                           std::vector<Diagnostic>* kept);

/// A predicate finding gives way to a list rule of its pack on the same words: the list rule
/// knows the phrase and says it better. The survivors of `at_cue` are appended to `kept`.
void GiveWayToListFindings(std::vector<Diagnostic> at_cue, std::vector<Diagnostic>* kept);

/// An info-level finding inside a more serious one of another pack adds noise, not information
/// ("a bit" in "a bit too intense", which bias flags as a whole). Leaves `findings` sorted by
/// DiagnosticLess.
void DropInfoInsideStronger(std::vector<Diagnostic>* findings);

}  // namespace reviewlint
