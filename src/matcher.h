// Matcher: every phrase of every enabled rule and evidence list, compiled once into one token
// trie, and every pattern into one PatternSet. Matching a sentence is one walk over its words and
// one pass of the pattern set over its text, however many rules there are.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "document.h"
#include "lexicon.h"
#include "pattern_set.h"
#include "rule_image.h"

namespace reviewlint {

class Segmenter;

/// What a phrase or pattern stands for.
struct Target {
  enum Type : uint8_t { kTrigger, kEvidence, kPreceded, kFollowed };
  Type type;
  uint32_t index;  // rule index (kTrigger, kPreceded, kFollowed) or evidence index
  friend bool operator==(Target a, Target b) { return a.type == b.type && a.index == b.index; }
};

struct Hit {
  Target target;
  Span span;
  uint32_t token_begin;  // absolute token indexes into Document::tokens
  uint32_t token_end;
};

class Matcher {
 public:
  /// Adds a phrase ("good communicator"); it is split into words with the same segmenter as
  /// documents, so "hard-working" matches "hard working" too. `{a|b|c}` alternatives expand
  /// ("needs to work on {his|her|their} communication"). Unless `exact`, each word also matches
  /// its inflections ("communicate", "communicates", "communicated", "communicating") but not its
  /// derivations ("reliable" does not match "reliability"). Returns false if it has no words.
  /// `segmenter` is asked only for a phrase the rule image does not hold.
  bool AddPhrase(const std::string& phrase, bool exact, Target target,
                 const std::function<Segmenter&()>& segmenter, WordKeyer& keyer);
  /// Adds an RE2 pattern, matched against a sentence's prose text. Returns RE2's syntax error,
  /// or "". Patterns are numbered from 0 in the order added.
  std::string AddPattern(const std::string& pattern, bool case_sensitive, Target target);
  using PatternError = PatternSet::Error;
  /// Compiles the pattern set. When it is too large, finds the patterns that are too large on
  /// their own.
  std::vector<PatternError> Compile();

  Lexicon& lexicon() { return lexicon_; }
  const Lexicon& lexicon() const { return lexicon_; }

  /// What Match reuses from sentence to sentence (one per thread): nothing is allocated once it
  /// has grown to the longest sentence.
  struct Scratch {
    std::vector<int> patterns;
    std::vector<std::string> folded;  // the sentence's words, case-folded when first asked for
    std::vector<uint8_t> done;
  };
  /// Appends the hits in sentence `s` of `doc`.
  void Match(const Document& doc, const Sentence& s, std::vector<Hit>* out, Scratch* scratch) const;

 private:
  // A phrase ending at a trie node: its target and, for stem matches, the folded words that the
  // document's words must be inflections of (phrases with the same words share them).
  struct Entry {
    Target target;
    uint32_t words;  // index into entry_words_, or UINT32_MAX for exact phrases
  };
  struct Node {
    std::vector<Entry> entries;
  };
  bool AddOne(const std::string& phrase, bool exact, Target target,
              const std::function<Segmenter&()>& segmenter, WordKeyer& keyer);
  // The case-folded spellings of a sentence's words, each folded when first asked for.
  struct FoldedWords {
    uint32_t first;  // the sentence's first token
    Scratch& scratch;
    const std::string& Of(const Document& doc, uint32_t token);
  };
  bool Inflected(const Document& doc, uint32_t first, uint32_t words, FoldedWords* folded) const;
  void Report(const Document& doc, uint32_t node, uint32_t first, uint32_t last,
              FoldedWords* folded, std::vector<Hit>* out) const;
  static uint64_t EdgeKey(uint32_t node, bool stem, uint32_t id) {
    return (static_cast<uint64_t>(node) << 33) | (static_cast<uint64_t>(stem) << 32) | id;
  }
  uint32_t Child(uint32_t node, bool stem, uint32_t id) const {
    if (id == Lexicon::kNone) return 0;
    // Every word of every sentence asks the root; most walks end there.
    if (node == 0) {
      const auto& root = root_children_[stem];
      return id < root.size() ? root[id] : 0;
    }
    auto it = edges_.find(EdgeKey(node, stem, id));
    return it == edges_.end() ? 0 : it->second;
  }

  Lexicon lexicon_;
  std::vector<Node> nodes_{Node{}};
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<uint32_t> root_children_[2];  // the root's edges by word id: [exact], [stem]
  std::vector<std::vector<std::string>> entry_words_;
  std::map<std::vector<std::string>, uint32_t> entry_words_index_;  // while phrases are added
  // The patterns: which match a sentence, and each compiled when a sentence needs its match
  // positions (most never are, which keeps start-up short).
  PatternSet patterns_{BuiltRuleImage()};
  std::vector<Target> pattern_targets_;
};

/// True when `a` and `b` (folded) are forms of one word by English inflection: the same after
/// removing at most one of -s, -es, -ies, -ed, -ied, -d, -ing, -'s from each.
bool SameInflectedWord(std::string_view a, std::string_view b);

/// The words of a phrase as the segmenter splits it: each folded, with its Snowball stem.
std::vector<std::pair<std::string, std::string>> PhraseWords(const std::string& phrase,
                                                             Segmenter& segmenter,
                                                             WordKeyer& keyer);

/// Expands `{a|b}` alternatives in a phrase.
std::vector<std::string> ExpandAlternatives(const std::string& phrase);

/// How many phrases ExpandAlternatives would make, counted without making them; stops counting
/// past `cap` (groups multiply: thirty `{a|b}` are a billion phrases).
size_t CountAlternatives(const std::string& phrase, size_t cap);

/// True when only spaces, hyphens or a line break separate two words of a phrase.
bool PhraseGap(std::string_view prose, uint32_t from, uint32_t to);

}  // namespace reviewlint
