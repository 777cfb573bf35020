// Predicates: the `when` of a predicate rule (rules/README.md), a test over one sentence's
// features (features.h) and the evidence the packs' lists found in it.
//
//   "when": {"cue": "evaluative", "polarity": ["positive", "negative"],
//            "target": ["person", "work"], "lacks": ["quantity", "specific-detail", "artefact"]}
//
// reads "an evaluation of the person or their work, with no number, detail or named artefact in
// the sentence". Every key narrows the test; `any_of` lists alternatives.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sentence_features.h"

namespace reviewlint {

/// Evidence the sentence features find themselves, named like the packs' evidence.
enum FeatureEvidence : uint8_t {
  kArtefactEvidence = 1,
  kElaborationEvidence = 2,
  kNegativeToneEvidence = 4,   // SoundsNegative (sentence_features.h)
  kPositiveToneEvidence = 8,   // SoundsPositive
  kTurnedAroundEvidence = 16,  // SentenceFeatures::turned_around ("never late")
};

struct Predicate {
  uint32_t cue_kinds = 0;         // a cue of one of these kinds must hold; 0: no cue needed
  uint8_t polarities = 0;         // bits: 1 positive, 2 negative, 4 neither; 0 = any
  uint8_t targets = 0;            // bits: 1 << CueTarget; 0 = person or work
  int8_t time = -1;               // -1 any; 0 past or present (no modal before the cue); 1 future
  bool negated = true;            // a negated cue counts ("not a good worker")
  std::vector<int> has;           // evidence indexes: at least one in the sentence
  std::vector<int> lacks;         // none in the sentence
  std::vector<int> lacks_nearby;  // none in its paragraph, nor in the next one on its topic
  uint8_t has_features = 0, lacks_features = 0;  // bits of FeatureEvidence
  std::vector<Predicate> any_of;                 // at least one holds
};

/// Evidence indexes (quantity, a pack's "next-step") by name; -1 for an unknown name.
using EvidenceLookup = std::function<int(const std::string& name)>;

/// Parses a rule's `when`. Errors name `pointer` (the rule's JSON pointer + "/when/...").
Predicate ParsePredicate(const nlohmann::json& when, const std::string& pointer,
                         const EvidenceLookup& evidence, const std::vector<std::string>& names,
                         std::vector<std::string>* errors);

/// Where each paragraph's sentences are and which evidence a paragraph holds, built once per
/// document so that `lacks_nearby` costs the same for the thousandth sentence of a paragraph as
/// for the first.
class BlockEvidence {
 public:
  using Lookup = std::function<bool(size_t sentence, int evidence)>;
  BlockEvidence(const Document& doc, Lookup has);
  bool Has(size_t sentence, int evidence) const { return has_(sentence, evidence); }
  /// Does any sentence of the block hold the evidence?
  bool BlockHas(uint32_t block, int evidence) const { return LastIn(block, evidence) >= 0; }
  /// The last sentence of the block that holds the evidence, or -1.
  int64_t LastIn(uint32_t block, int evidence) const;
  /// Sentence indexes of a block: [First, End).
  size_t First(uint32_t block) const { return first_[block]; }
  size_t End(uint32_t block) const { return first_[block + 1]; }
  uint32_t blocks() const { return static_cast<uint32_t>(first_.size() - 1); }

 private:
  Lookup has_;
  std::vector<size_t> first_;  // per block, its first sentence; one more at the end
  static constexpr int64_t kUnknown = -2;
  mutable std::vector<int64_t> cache_;  // per (block, evidence): LastIn, or kUnknown
  mutable size_t evidence_count_ = 0;
};

/// What a predicate is tested against: one sentence of a linted document.
struct PredicateContext {
  const Document& doc;
  const DocumentFeatures& features;
  const BlockEvidence& evidence;
  size_t sentence;
};

/// Does the predicate hold for the sentence? `cue` is set to the cue that decided, if any.
bool Holds(const Predicate& p, const PredicateContext& ctx, const Cue** cue);

/// Why a finding fired, for its JSON `data.features`: the cue, its target and polarity, the
/// sentence's subject, and the evidence kinds it looked for and did not find.
nlohmann::json Explain(const Predicate& p, const PredicateContext& ctx, const Cue* cue,
                       const std::vector<std::string>& evidence_names);

}  // namespace reviewlint
