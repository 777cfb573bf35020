#include "guard_index.h"

#include <algorithm>

namespace reviewlint {
namespace {

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

}  // namespace

bool GuardIndex::Guarded(size_t sentence, uint32_t rule, const Hit& hit, uint32_t window) {
  if (sentence_ != sentence) Load(sentence);
  return Preceded(rule, hit, window) || Followed(rule, hit);
}

void GuardIndex::Load(size_t sentence) {
  sentence_ = sentence;
  guards_.clear();
  longest_guard_ = 0;
  for (uint32_t g = hit_begin_[sentence]; g < hit_begin_[sentence + 1]; ++g) {
    const Hit& h = hits_[g];
    if (h.target.type != Target::kPreceded && h.target.type != Target::kFollowed) continue;
    guards_.push_back(g);
    longest_guard_ = std::max(longest_guard_, h.token_end - h.token_begin);
  }
  std::sort(guards_.begin(), guards_.end(), [&](uint32_t a, uint32_t b) {
    return std::pair(hits_[a].target.index, hits_[a].token_begin) <
           std::pair(hits_[b].target.index, hits_[b].token_begin);
  });
}

std::vector<uint32_t>::const_iterator GuardIndex::From(uint32_t rule, uint32_t token) const {
  return std::lower_bound(guards_.begin(), guards_.end(), std::pair(rule, token),
                          [&](uint32_t a, std::pair<uint32_t, uint32_t> key) {
                            return std::pair(hits_[a].target.index, hits_[a].token_begin) < key;
                          });
}

bool GuardIndex::Preceded(uint32_t rule, const Hit& hit, uint32_t window) const {
  uint32_t from =
      hit.token_begin > window + longest_guard_ ? hit.token_begin - window - longest_guard_ : 0;
  for (auto it = From(rule, from); it != guards_.end() && hits_[*it].target.index == rule &&
                                   hits_[*it].token_begin < hit.token_begin;
       ++it) {
    const Hit& o = hits_[*it];
    if (o.target.type == Target::kPreceded && o.token_end <= hit.token_begin &&
        hit.token_begin - o.token_end < window)
      return true;
  }
  return false;
}

// followed_by is about the noun the match modifies ("aggressive 200 ms client timeout"): numbers
// and units may stand between, and one more modifier, but not a clause break ("shrill when a
// deadline slips" is about a person). Once that fails, it fails for every guard further on.
bool GuardIndex::Followed(uint32_t rule, const Hit& hit) const {
  for (auto it = From(rule, hit.token_end); it != guards_.end() && hits_[*it].target.index == rule;
       ++it) {
    const Hit& o = hits_[*it];
    if (!ModifiedNoun(doc_, lexicon_, hit.token_end, o.token_begin)) break;
    if (o.target.type == Target::kFollowed) return true;
  }
  return false;
}

}  // namespace reviewlint
