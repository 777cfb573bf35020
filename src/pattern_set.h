// PatternSet: the RE2 patterns of the matcher, answering which of them match a sentence. A
// pattern of the embedded packs comes with its literal prefilter from the rule image
// (rule_image.h): it is compiled only when a sentence holds one of its literals (or, having none,
// on first use), and asked alone. That keeps start-up and short drafts cheap; once a process has
// read kBulkSentences sentences (a large file, a folder, an editor's many re-lints) those
// patterns also go into one RE2::Set, and a sentence is one pass of the set's DFA instead of a
// prefilter pass and a pass per candidate. Other patterns (user packs) go into one RE2::Set
// compiled at start-up, as all patterns once did; that also checks their syntax and size.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace reviewlint {

struct RuleImage;

class PatternSet {
 public:
  explicit PatternSet(const RuleImage* image);
  /// Adds a pattern; returns RE2's syntax error, or "". Patterns are numbered from 0 in the order
  /// added.
  std::string Add(const std::string& pattern, bool case_sensitive);
  struct Error {
    size_t pattern;  // SIZE_MAX: the patterns together, not one of them
    std::string error;
  };
  /// Compiles the set of patterns the image does not hold. When it is too large, finds the
  /// patterns that are too large on their own.
  std::vector<Error> Compile();
  size_t size() const { return patterns_.size(); }
  /// Pattern `p`, compiled on first use; thread-safe. Check ok(): it can be too large alone.
  const RE2& Get(size_t p) const { return patterns_[p]->Get(); }
  /// The patterns that match somewhere in `text`, in increasing order, into `out` (cleared).
  void Matching(std::string_view text, std::vector<int>* out) const;
  /// Whether sentences now go through the bulk set (see above); for tests, on the thread that
  /// called Matching.
  bool UsesBulkSet() const { return bulk_ != nullptr; }

 private:
  class LazyPattern {
   public:
    LazyPattern(std::string pattern, bool case_sensitive)
        : pattern_(std::move(pattern)), case_sensitive_(case_sensitive) {}
    const RE2& Get() const;

   private:
    std::string pattern_;
    bool case_sensitive_;
    mutable std::once_flag once_;
    mutable std::unique_ptr<RE2> re_;
  };
  void ImageCandidates(std::string_view text, std::vector<int>* out) const;
  const RE2::Set* Bulk() const;
  void BulkMatches(const RE2::Set& bulk, std::string_view text, std::vector<int>* out) const;
  void IndexClauses();
  struct Scratch;
  void SetMatches(std::string_view text, std::vector<int>* out) const;

  const RuleImage* image_;
  std::vector<std::shared_ptr<LazyPattern>> patterns_;  // one for a pattern added twice
  // Patterns from the image: their number here and their image entry, in the order added.
  struct Filtered {
    int pattern;
    uint32_t image;
  };
  std::vector<Filtered> filtered_;
  std::vector<std::vector<int>> numbers_;  // by image pattern: its numbers here (empty: not added)
  std::vector<uint32_t> added_, unfiltered_;  // the image patterns added; those without clauses
  // The image's prefilter clauses, indexed by literal: a sentence's literals mark their clauses,
  // and a pattern passes when all of its clauses are marked.
  std::vector<uint32_t> clause_pattern_;                     // by clause: its image pattern
  std::vector<uint32_t> clause_count_;                       // by image pattern
  std::vector<uint32_t> atom_clauses_begin_, atom_clauses_;  // by atom: its clauses
  // The image patterns added, in one set once the process has read enough sentences: the set's
  // numbers are positions in bulk_image_. Null before then, and when it does not compile.
  mutable std::atomic<uint32_t> sentences_{0};
  mutable std::once_flag bulk_once_;
  mutable std::unique_ptr<RE2::Set> bulk_;
  mutable std::vector<uint32_t> bulk_image_;
  // The others, in one set: the set's numbers are positions in set_patterns_.
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> set_patterns_;
};

}  // namespace reviewlint
