#include "predicate.h"

#include <algorithm>

#include "edit_distance.h"
#include "lexicon.h"

namespace reviewlint {
namespace {

using nlohmann::json;

const std::vector<std::string> kKeys = {"cue", "polarity", "target",       "time",  "negated",
                                        "has", "lacks",    "lacks_nearby", "any_of"};
const std::vector<std::string> kPolarities = {"positive", "negative", "neither"};
const std::vector<std::string> kTargets = {"person", "work", "thing"};
const std::vector<std::string> kTimes = {"past", "present", "future"};
struct FeatureName {
  const char* name;
  uint8_t bit;
};
constexpr FeatureName kFeatureEvidence[] = {{"artefact", kArtefactEvidence},
                                            {"elaboration", kElaborationEvidence},
                                            {"negative-tone", kNegativeToneEvidence},
                                            {"positive-tone", kPositiveToneEvidence},
                                            {"turned-around", kTurnedAroundEvidence}};

uint8_t FeatureBit(const std::string& name) {
  for (const FeatureName& f : kFeatureEvidence)
    if (name == f.name) return f.bit;
  return 0;
}

uint8_t FeaturesOf(const SentenceFeatures& f) {
  return static_cast<uint8_t>((f.artefact ? kArtefactEvidence : 0) |
                              (f.elaborated ? kElaborationEvidence : 0) |
                              (SoundsNegative(f) ? kNegativeToneEvidence : 0) |
                              (SoundsPositive(f) ? kPositiveToneEvidence : 0) |
                              (f.turned_around ? kTurnedAroundEvidence : 0));
}

// Reads a string or a list of strings, each one of `allowed`, as bits (1 << index).
uint32_t Choices(const json& v, const std::string& ptr, const std::vector<std::string>& allowed,
                 std::vector<std::string>* errors) {
  std::vector<std::string> items;
  if (v.is_string()) items.push_back(v.get<std::string>());
  if (v.is_array())
    for (const json& x : v)
      if (x.is_string()) items.push_back(x.get<std::string>());
  if (items.empty() || (v.is_array() && items.size() != v.size())) {
    errors->push_back(ptr + ": expected a string or a list of strings");
    return 0;
  }
  uint32_t bits = 0;
  for (const std::string& item : items) {
    auto it = std::find(allowed.begin(), allowed.end(), item);
    if (it == allowed.end()) {
      std::string known;
      for (const std::string& a : allowed) known += (known.empty() ? "" : ", ") + a;
      errors->push_back(ptr + ": unknown value \"" + item + "\"" + DidYouMean(item, allowed) +
                        " (known: " + known + ")");
      continue;
    }
    bits |= 1u << (it - allowed.begin());
  }
  return bits;
}

std::vector<int> EvidenceList(const json& v, const std::string& ptr, const EvidenceLookup& lookup,
                              const std::vector<std::string>& names, uint8_t* features,
                              std::vector<std::string>* errors) {
  std::vector<int> out;
  if (!v.is_array()) {
    errors->push_back(ptr + ": expected a list of evidence names");
    return out;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    std::string name = v[i].is_string() ? v[i].get<std::string>() : "";
    if (uint8_t bit = FeatureBit(name)) {
      *features |= bit;
      continue;
    }
    int index = lookup(name);
    if (index < 0) {
      std::vector<std::string> known = names;
      for (const FeatureName& f : kFeatureEvidence) known.push_back(f.name);
      errors->push_back(ptr + "/" + std::to_string(i) + ": unknown evidence \"" + name + "\"" +
                        DidYouMean(name, known));
      continue;
    }
    out.push_back(index);
  }
  return out;
}

bool AnyIn(const std::vector<int>& evidence, const PredicateContext& ctx, size_t sentence) {
  for (int e : evidence)
    if (ctx.evidence.Has(sentence, e)) return true;
  return false;
}

// Long words that say nothing about a topic, as their first five letters.
constexpr std::string_view kNotTopics[] = {
    "about", "above", "after", "again", "among", "becau", "befor", "being", "below", "betwe",
    "could", "durin", "every", "first", "other", "their", "there", "these", "those", "throu",
    "under", "until", "where", "which", "while", "would", "shoul", "still", "alway", "never",
    "often", "reall", "since", "witho", "withi", "anyon", "someo", "somet", "nothi", "every",
    "usual", "maybe", "might", "think", "thing", "going", "today", "quart", "month"};

// Content words of a sentence, cut to five letters ("estimate", "estimates" and "estimating"
// meet as "estim"), for telling whether two sentences are about the same thing.
std::vector<std::string> Topic(const Document& doc, size_t sentence) {
  std::vector<std::string> out;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.tokens_begin; t < s.tokens_end; ++t) {
    std::string_view w = doc.Text(doc.tokens[t].span);
    if (w.size() < 5) continue;
    std::string key = FoldCase(w.substr(0, 5));
    if (std::find(std::begin(kNotTopics), std::end(kNotTopics), key) != std::end(kNotTopics))
      continue;
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  }
  return out;
}

// Does a content word of `sentence` meet `topic`? The same as intersecting the two sentences'
// Topic, without building the second: a key in `topic` is never one of kNotTopics.
bool SharesTopic(const std::vector<std::string>& topic, const Document& doc, size_t sentence) {
  if (topic.empty()) return false;
  const Sentence& s = doc.sentences[sentence];
  std::string key;
  for (uint32_t t = s.tokens_begin; t < s.tokens_end; ++t) {
    std::string_view w = doc.Text(doc.tokens[t].span);
    if (w.size() < 5) continue;
    FoldCaseInto(w.substr(0, 5), &key);
    if (std::find(topic.begin(), topic.end(), key) != topic.end()) return true;
  }
  return false;
}

// Where people write the step for a criticism: in the same sentence or later in its paragraph
// (or list item), or in the next one when that is about the same thing ("His estimates run
// long." ... next paragraph: "Before estimating he will break each project into two-day
// tasks"). A step written before a criticism is the step for something else.
bool AnyNearby(const std::vector<int>& evidence, const PredicateContext& ctx) {
  const BlockEvidence& blocks = ctx.evidence;
  uint32_t block = ctx.doc.sentences[ctx.sentence].block;
  for (int e : evidence)
    if (blocks.LastIn(block, e) >= static_cast<int64_t>(ctx.sentence)) return true;
  uint32_t next = block + 1;
  while (next < blocks.blocks() && blocks.First(next) == blocks.End(next)) ++next;
  if (next >= blocks.blocks()) return false;
  bool any = false;
  for (int e : evidence) any = any || blocks.BlockHas(next, e);
  if (!any) return false;
  // Only the first sentences of the next paragraph are read: a step comes early, and a huge
  // paragraph must not make every criticism before it read all of it.
  constexpr size_t kLookAhead = 20;
  std::vector<std::string> topic = Topic(ctx.doc, ctx.sentence);
  size_t end = std::min(blocks.End(next), blocks.First(next) + kLookAhead);
  for (size_t s = blocks.First(next); s < end; ++s)
    if (AnyIn(evidence, ctx, s) && SharesTopic(topic, ctx.doc, s)) return true;
  return false;
}

bool CueMatches(const Predicate& p, const Cue& cue) {
  if (!(p.cue_kinds & cue.kind)) return false;
  uint8_t polarity = cue.polarity > 0 ? 1 : cue.polarity < 0 ? 2 : 4;
  if (p.polarities && !(p.polarities & polarity)) return false;
  uint8_t targets = p.targets ? p.targets : 0b011;
  if (cue.target == CueTarget::kUnknown || !(targets & (1u << (static_cast<int>(cue.target) - 1))))
    return false;
  if (p.time >= 0 && static_cast<int>(cue.future) != p.time) return false;
  if (!p.negated && cue.negated) return false;
  return true;
}

}  // namespace

BlockEvidence::BlockEvidence(const Document& doc, Lookup has) : has_(std::move(has)) {
  uint32_t blocks = static_cast<uint32_t>(doc.markup.blocks.size());
  first_.assign(blocks + 1, doc.sentences.size());
  for (size_t s = doc.sentences.size(); s-- > 0;) first_[doc.sentences[s].block] = s;
  // A block without sentences starts (and ends) where the next one starts.
  for (uint32_t b = blocks; b-- > 0;)
    if (b + 1 <= blocks && first_[b] > first_[b + 1]) first_[b] = first_[b + 1];
}

int64_t BlockEvidence::LastIn(uint32_t block, int evidence) const {
  size_t e = static_cast<size_t>(evidence);
  if (e >= evidence_count_) {
    // Grow the cache to cover this evidence index for every block.
    size_t count = e + 1;
    std::vector<int64_t> grown(blocks() * count, kUnknown);
    for (uint32_t b = 0; b < blocks(); ++b)
      for (size_t k = 0; k < evidence_count_; ++k)
        grown[b * count + k] = cache_[b * evidence_count_ + k];
    cache_ = std::move(grown);
    evidence_count_ = count;
  }
  int64_t& last = cache_[block * evidence_count_ + e];
  if (last == kUnknown) {
    last = -1;
    for (size_t s = End(block); s-- > First(block);)
      if (has_(s, evidence)) {
        last = static_cast<int64_t>(s);
        break;
      }
  }
  return last;
}

Predicate ParsePredicate(const json& when, const std::string& ptr, const EvidenceLookup& evidence,
                         const std::vector<std::string>& names, std::vector<std::string>* errors) {
  Predicate p;
  if (!when.is_object()) {
    errors->push_back(ptr + ": expected an object");
    return p;
  }
  for (const auto& [key, v] : when.items()) {
    std::string at = ptr + "/" + key;
    if (key == "cue") {
      const std::vector<std::string>& kinds = CueKindNames();
      uint32_t bits = Choices(v, at, kinds, errors);
      for (size_t i = 0; i < kinds.size(); ++i)
        if (bits & (1u << i)) p.cue_kinds |= CueKindBit(kinds[i]);
    } else if (key == "polarity") {
      p.polarities = static_cast<uint8_t>(Choices(v, at, kPolarities, errors));
    } else if (key == "target") {
      p.targets = static_cast<uint8_t>(Choices(v, at, kTargets, errors));
    } else if (key == "time") {
      uint32_t bits = Choices(v, at, kTimes, errors);
      p.time = bits == 4 ? 1 : (bits & 4) ? -1 : 0;
    } else if (key == "negated") {
      if (!v.is_boolean()) errors->push_back(at + ": expected true or false");
      p.negated = v.is_boolean() && v.get<bool>();
    } else if (key == "has") {
      p.has = EvidenceList(v, at, evidence, names, &p.has_features, errors);
    } else if (key == "lacks") {
      p.lacks = EvidenceList(v, at, evidence, names, &p.lacks_features, errors);
    } else if (key == "lacks_nearby") {
      uint8_t features = 0;
      p.lacks_nearby = EvidenceList(v, at, evidence, names, &features, errors);
      if (features)
        errors->push_back(at +
                          ": \"artefact\" and \"elaboration\" are about one sentence; use lacks");
    } else if (key == "any_of") {
      if (!v.is_array() || v.empty()) errors->push_back(at + ": expected a list of conditions");
      for (size_t i = 0; v.is_array() && i < v.size(); ++i)
        p.any_of.push_back(
            ParsePredicate(v[i], at + "/" + std::to_string(i), evidence, names, errors));
    } else {
      errors->push_back(at + ": unknown key \"" + key + "\"" + DidYouMean(key, kKeys));
    }
  }
  if ((p.polarities || p.targets || p.time >= 0) && !p.cue_kinds)
    errors->push_back(ptr + ": \"polarity\", \"target\" and \"time\" describe a cue; add \"cue\"");
  return p;
}

bool Holds(const Predicate& p, const PredicateContext& ctx, const Cue** cue) {
  const SentenceFeatures& f = ctx.features.sentences[ctx.sentence];
  uint8_t features = FeaturesOf(f);
  if (p.lacks_features & features) return false;
  if ((p.has_features & features) != p.has_features) return false;
  if (AnyIn(p.lacks, ctx, ctx.sentence)) return false;
  if (!p.has.empty() && !AnyIn(p.has, ctx, ctx.sentence)) return false;
  if (!p.lacks_nearby.empty() && AnyNearby(p.lacks_nearby, ctx)) return false;
  if (p.cue_kinds) {
    const Cue* found = nullptr;
    for (uint32_t c = f.cues_begin; c < f.cues_end && !found; ++c)
      if (CueMatches(p, ctx.features.cues[c])) found = &ctx.features.cues[c];
    if (!found) return false;
    if (!*cue) *cue = found;
  }
  if (p.any_of.empty()) return true;
  for (const Predicate& alt : p.any_of)
    if (Holds(alt, ctx, cue)) return true;
  return false;
}

json Explain(const Predicate& p, const PredicateContext& ctx, const Cue* cue,
             const std::vector<std::string>& evidence_names) {
  json out = json::object();
  const SentenceFeatures& f = ctx.features.sentences[ctx.sentence];
  out["subject"] = SubjectName(f.subject);
  if (cue) {
    Span w = ctx.doc.tokens[cue->word].span;
    out["cue"] = {{"kind", CueKindName(cue->kind)},
                  {"word", std::string(ctx.doc.Text(w))},
                  {"polarity", cue->polarity > 0   ? "positive"
                               : cue->polarity < 0 ? "negative"
                                                   : "neither"},
                  {"target", CueTargetName(cue->target)},
                  {"negated", cue->negated},
                  {"future", cue->future}};
  }
  json absent = json::array();
  auto name_of = [&](int e) {
    return e >= 0 && static_cast<size_t>(e) < evidence_names.size() ? evidence_names[e]
                                                                    : std::string("?");
  };
  for (int e : p.lacks) absent.push_back(name_of(e));
  for (const FeatureName& fe : kFeatureEvidence)
    if (p.lacks_features & fe.bit) absent.push_back(fe.name);
  if (!absent.empty()) out["absent"] = absent;
  json not_nearby = json::array();
  for (int e : p.lacks_nearby) not_nearby.push_back(name_of(e));
  if (!not_nearby.empty()) out["absent_nearby"] = not_nearby;
  return out;
}

}  // namespace reviewlint
