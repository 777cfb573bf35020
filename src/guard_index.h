// GuardIndex: is a trigger guarded by its rule's preceded_by / followed_by words? The guard hits
// of the current sentence are sorted once by rule and position, so that a trigger looks only at
// its own rule's guards near it (looking at every hit of the sentence for every trigger is
// quadratic in a long sentence). Shaped like QuoteIndex: one sentence at a time, in order.
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"
#include "matcher.h"

namespace reviewlint {

class GuardIndex {
 public:
  /// `hits` of the whole document; the hits of sentence s are [hit_begin[s], hit_begin[s + 1]).
  GuardIndex(const Document& doc, const Lexicon& lexicon, const std::vector<Hit>& hits,
             const std::vector<uint32_t>& hit_begin)
      : doc_(doc), lexicon_(lexicon), hits_(hits), hit_begin_(hit_begin) {}

  /// Is `hit` (a trigger of `rule` in sentence `sentence`) guarded? preceded_by: a guard ends
  /// fewer than `window` words before it. followed_by: a guard names the noun it modifies.
  bool Guarded(size_t sentence, uint32_t rule, const Hit& hit, uint32_t window);

 private:
  void Load(size_t sentence);
  bool Preceded(uint32_t rule, const Hit& hit, uint32_t window) const;
  bool Followed(uint32_t rule, const Hit& hit) const;
  // The first guard of `rule` that starts at or after `token`.
  std::vector<uint32_t>::const_iterator From(uint32_t rule, uint32_t token) const;

  const Document& doc_;
  const Lexicon& lexicon_;
  const std::vector<Hit>& hits_;
  const std::vector<uint32_t>& hit_begin_;
  std::vector<uint32_t> guards_;  // hit indexes, by rule then first word
  uint32_t longest_guard_ = 0;    // in words
  size_t sentence_ = SIZE_MAX;
};

}  // namespace reviewlint
