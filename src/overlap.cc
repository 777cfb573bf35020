#include "overlap.h"

#include <algorithm>
#include <map>

namespace reviewlint {
namespace {

// Does `span` overlap one of `sorted` (sorted by start)? Findings of one pack rarely overlap
// each other, so the two that start last before `span` ends are the only candidates.
bool OverlapsAny(const std::vector<Span>& sorted, Span span) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), span.end,
                             [](Span s, uint32_t end) { return s.begin < end; });
  for (int back = 0; back < 2 && it != sorted.begin(); ++back)
    if ((--it)->Overlaps(span)) return true;
  return false;
}

// Is findings[i] inside a finding above info? Sorted by start: a cover starts at or before it,
// and span findings are short. A whole-sentence finding covers nothing: it makes its own point
// about the sentence ("He is kind of slow." lacks a next step, and "kind of" is a hedge).
bool CoveredByStronger(const std::vector<Diagnostic>& findings, size_t i) {
  const Span inner = findings[i].span;
  auto covers = [&](size_t j) {
    return findings[j].severity > Severity::kInfo && !findings[j].data.contains("trigger") &&
           findings[j].span.begin <= inner.begin && findings[j].span.end >= inner.end;
  };
  for (size_t j = i; j-- > 0 && inner.begin - findings[j].span.begin < 4096;)
    if (covers(j)) return true;
  for (size_t j = i + 1; j < findings.size() && findings[j].span.begin == inner.begin; ++j)
    if (covers(j)) return true;
  return false;
}

// std::sort(all, DiagnosticLess) without moving a finding more than once: the sort runs over
// small keys that compare as DiagnosticLess does, then the findings are put in their order.
// std::sort makes the same comparisons either way, so the order (ties included) is the same.
void SortFindings(std::vector<Diagnostic>* findings) {
  struct Key {
    Scope scope;
    Span span;
    const std::string* rule;
    uint32_t index;
  };
  std::vector<Diagnostic>& all = *findings;
  std::vector<Key> keys;
  keys.reserve(all.size());
  for (uint32_t i = 0; i < all.size(); ++i)
    keys.push_back({all[i].scope, all[i].span, &all[i].rule, i});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.scope != b.scope) return a.scope < b.scope;
    if (a.span != b.span) return a.span < b.span;
    return *a.rule < *b.rule;
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(all.size());
  for (const Key& k : keys) sorted.push_back(std::move(all[k.index]));
  all = std::move(sorted);
}

}  // namespace

std::string_view PackOf(std::string_view rule_id) { return rule_id.substr(0, rule_id.find('.')); }

namespace {

// What KeepLongestPerPack orders a finding by, read once: the pack is a search of the rule id,
// and sorting these rather than the findings moves no strings. std::sort makes the same
// comparisons either way, so the order (ties included) is the same.
struct PackOrder {
  std::string_view pack;
  Span span;
  Severity severity;
  const std::string* rule;
  uint32_t index;  // into the findings
};

bool PackOrderLess(const PackOrder& a, const PackOrder& b) {
  if (a.pack != b.pack) return a.pack < b.pack;
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  if (a.span.end != b.span.end) return a.span.end > b.span.end;
  if (a.severity != b.severity) return a.severity > b.severity;
  return *a.rule < *b.rule;
}

}  // namespace

void KeepLongestPerPack(std::vector<Diagnostic>* findings) {
  std::vector<Diagnostic>& all = *findings;
  std::vector<PackOrder> order;
  order.reserve(all.size());
  for (uint32_t i = 0; i < all.size(); ++i)
    order.push_back({PackOf(all[i].rule), all[i].span, all[i].severity, &all[i].rule, i});
  std::sort(order.begin(), order.end(), PackOrderLess);
  // Decided before any finding is moved: the pack names are views into the findings' rule ids.
  std::vector<uint32_t> keep;
  const PackOrder* last = nullptr;  // the last one kept
  uint32_t pack_end = 0;            // furthest end among the kept findings of the current pack
  for (const PackOrder& o : order) {
    bool same_pack = last && last->pack == o.pack;
    if (same_pack && o.span.begin < pack_end) continue;
    pack_end = same_pack ? std::max(pack_end, o.span.end) : o.span.end;
    last = &o;
    keep.push_back(o.index);
  }
  std::vector<Diagnostic> kept;
  kept.reserve(keep.size());
  for (uint32_t i : keep) kept.push_back(std::move(all[i]));
  all = std::move(kept);
}

void MergeSentenceFindings(std::vector<Diagnostic> sentence_level, const PlaceOfSentence& place_of,
                           std::vector<Diagnostic>* kept_out) {
  std::vector<Diagnostic>& kept = *kept_out;
  SortFindings(&sentence_level);
  SortFindings(&kept);
  int last_block = -1;
  std::string last_rule;
  for (Diagnostic& d : sentence_level) {
    auto first = std::lower_bound(kept.begin(), kept.end(), d.span.begin,
                                  [](const Diagnostic& k, uint32_t b) { return k.span.begin < b; });
    // A predicate finding reads the whole sentence: a list finding inside it names another
    // problem, so both are reported.
    bool inside =
        first != kept.end() && first->span.begin < d.span.end && !d.data.contains("features");
    SentencePlace place = place_of(d.span.begin);
    bool again = place.block == last_block && d.rule == last_rule;
    if (inside || (again && (!d.data.contains("features") || place.measured))) continue;
    last_block = place.block;
    last_rule = d.rule;
    kept.push_back(std::move(d));
  }
}

void GiveWayToListFindings(std::vector<Diagnostic> at_cue, std::vector<Diagnostic>* kept) {
  // Keyed by copies of the pack names: `kept` grows below, and a view into a short rule id
  // stored inline in a moved Diagnostic would dangle.
  std::map<std::string, std::vector<Span>, std::less<>> listed;  // by pack, sorted by start
  SortFindings(kept);
  for (const Diagnostic& k : *kept) listed[std::string(PackOf(k.rule))].push_back(k.span);
  for (Diagnostic& d : at_cue)
    if (!OverlapsAny(listed[std::string(PackOf(d.rule))], d.span)) kept->push_back(std::move(d));
}

void DropInfoInsideStronger(std::vector<Diagnostic>* findings) {
  std::vector<Diagnostic>& all = *findings;
  SortFindings(&all);
  // Decided for every finding before any is moved out: a moved-from finding has lost its data.
  std::vector<bool> covered(all.size());
  for (size_t i = 0; i < all.size(); ++i)
    covered[i] = all[i].severity == Severity::kInfo && CoveredByStronger(all, i);
  std::vector<Diagnostic> result;
  for (size_t i = 0; i < all.size(); ++i)
    if (!covered[i]) result.push_back(std::move(all[i]));
  all = std::move(result);
}

}  // namespace reviewlint
