#include "pattern_set.h"

#include <algorithm>
#include <cstring>

#include "rule_image.h"

namespace reviewlint {
namespace {

RE2::Options PatternOptions(bool case_sensitive, int64_t max_mem) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

constexpr int64_t kPatternMemory = 64 << 20, kSetMemory = 256 << 20;
// Sentences read before the image's patterns go into one set as well: past a few drafts, so
// that start-up and a short draft never pay for compiling it.
constexpr uint32_t kBulkSentences = 2000;

// RE2 ignores case by Unicode's simple folding, where two characters outside ASCII fold to ASCII
// letters: the Kelvin sign to k and the long s to s. The prefilter looks for ASCII literals, so a
// sentence with either one tries every pattern.
bool FoldsIntoAscii(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

}  // namespace

const RE2& PatternSet::LazyPattern::Get() const {
  std::call_once(once_, [this] {
    re_ = std::make_unique<RE2>(pattern_, PatternOptions(case_sensitive_, kPatternMemory));
  });
  return *re_;
}

PatternSet::PatternSet(const RuleImage* image) : image_(image) {
  if (image_) {
    IndexClauses();
    numbers_.resize(image_->pattern_count);
  }
}

void PatternSet::IndexClauses() {
  const RuleImage& im = *image_;
  clause_count_.assign(im.pattern_count, 0);
  std::vector<std::vector<uint32_t>> by_atom(im.atom_count);
  for (uint32_t p = 0; p < im.pattern_count; ++p) {
    const uint32_t* at = im.pattern_atoms + im.patterns[p].first_atom;
    const uint32_t* end = at + im.patterns[p].atom_count;
    while (at < end) {
      const uint32_t clause = static_cast<uint32_t>(clause_pattern_.size());
      clause_pattern_.push_back(p);
      ++clause_count_[p];
      const uint32_t* clause_end = at + 1 + *at;
      for (++at; at < clause_end; ++at) by_atom[*at].push_back(clause);
    }
  }
  for (const std::vector<uint32_t>& clauses : by_atom) {
    atom_clauses_begin_.push_back(static_cast<uint32_t>(atom_clauses_.size()));
    atom_clauses_.insert(atom_clauses_.end(), clauses.begin(), clauses.end());
  }
  atom_clauses_begin_.push_back(static_cast<uint32_t>(atom_clauses_.size()));
}

// Per thread: what one sentence has shown so far, stamped with the sentence's number so that
// nothing is cleared between sentences.
struct PatternSet::Scratch {
  uint32_t sentence = 0;
  std::vector<uint32_t> atom_seen, clause_seen, pattern_seen;  // stamps
  std::vector<uint32_t> clauses_met;                           // by image pattern
  std::vector<uint32_t> passed;  // the image patterns whose clauses all hold
};

std::string PatternSet::Add(const std::string& pattern, bool case_sensitive) {
  const int number = static_cast<int>(patterns_.size());
  if (image_) {
    for (uint32_t i = 0; i < image_->pattern_count; ++i) {
      const ImagePattern& p = image_->patterns[i];
      if (p.case_sensitive != case_sensitive || pattern != p.pattern) continue;
      std::shared_ptr<LazyPattern> re;
      for (const Filtered& f : filtered_)
        if (f.image == i) re = patterns_[f.pattern];
      patterns_.push_back(re ? re : std::make_shared<LazyPattern>(pattern, case_sensitive));
      filtered_.push_back({number, i});
      if (numbers_[i].empty()) {
        added_.push_back(i);
        if (!p.filtered) unfiltered_.push_back(i);
      }
      numbers_[i].push_back(number);
      return "";
    }
  }
  if (!set_) set_ = std::make_unique<RE2::Set>(PatternOptions(true, kSetMemory), RE2::UNANCHORED);
  // A flag prefix, not a group around the pattern: "a)|(b" must stay the error it is.
  std::string in_set = case_sensitive ? pattern : "(?i)" + pattern;
  std::string err;
  if (set_->Add(in_set, &err) < 0) {
    // Quote the pattern as its author wrote it.
    for (size_t at; !case_sensitive && (at = err.find(in_set)) != std::string::npos;)
      err.replace(at, in_set.size(), pattern);
    return err;
  }
  patterns_.push_back(std::make_shared<LazyPattern>(pattern, case_sensitive));
  set_patterns_.push_back(number);
  return "";
}

std::vector<PatternSet::Error> PatternSet::Compile() {
  if (set_patterns_.empty()) {
    set_.reset();
    return {};
  }
  if (set_->Compile()) return {};
  set_.reset();
  // Too large together: name the patterns that are too large alone.
  std::vector<Error> errors;
  for (int p : set_patterns_)
    if (!Get(p).ok()) errors.push_back({static_cast<size_t>(p), Get(p).error()});
  if (errors.empty())
    errors.push_back({SIZE_MAX, "the patterns together are too large to compile"});
  return errors;
}

void PatternSet::Matching(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!filtered_.empty()) {
    if (const RE2::Set* bulk = Bulk())
      BulkMatches(*bulk, text, out);
    else
      ImageCandidates(text, out);
  }
  if (!set_) return;
  const size_t from_image = out->size();
  SetMatches(text, out);
  if (from_image > 0 && out->size() > from_image) std::sort(out->begin(), out->end());
}

// The image's patterns whose literals the text holds, each then asked alone.
void PatternSet::ImageCandidates(std::string_view text, std::vector<int>* out) const {
  const RuleImage& im = *image_;
  thread_local Scratch scratch;
  Scratch& sc = scratch;
  if (sc.atom_seen.size() != im.atom_count || sc.pattern_seen.size() != im.pattern_count ||
      sc.sentence == UINT32_MAX) {
    sc = Scratch{};
    sc.atom_seen.assign(im.atom_count, 0);
    sc.clause_seen.assign(clause_pattern_.size(), 0);
    sc.pattern_seen.assign(im.pattern_count, 0);
    sc.clauses_met.assign(im.pattern_count, 0);
  }
  const uint32_t now = ++sc.sentence;
  const bool every = FoldsIntoAscii(text);
  std::vector<uint32_t>& passed = sc.passed;
  passed.assign(every ? added_.begin() : unfiltered_.begin(),
                every ? added_.end() : unfiltered_.end());
  if (!every) {
    uint32_t state = 0;
    for (char c : text) {
      state = im.transitions[state * im.class_count + im.byte_class[static_cast<uint8_t>(c)]];
      for (uint32_t o = im.output_begin[state]; o < im.output_begin[state + 1]; ++o) {
        const uint32_t atom = im.outputs[o];
        if (sc.atom_seen[atom] == now) continue;
        sc.atom_seen[atom] = now;
        for (uint32_t k = atom_clauses_begin_[atom]; k < atom_clauses_begin_[atom + 1]; ++k) {
          const uint32_t clause = atom_clauses_[k];
          if (sc.clause_seen[clause] == now) continue;
          sc.clause_seen[clause] = now;
          const uint32_t p = clause_pattern_[clause];
          if (sc.pattern_seen[p] != now) {
            sc.pattern_seen[p] = now;
            sc.clauses_met[p] = 0;
          }
          if (++sc.clauses_met[p] == clause_count_[p] && !numbers_[p].empty()) passed.push_back(p);
        }
      }
    }
  }
  // A pattern added twice (two rules, or a rule and an evidence set) is asked once.
  const re2::StringPiece input(text.data(), text.size());
  const size_t first = out->size();
  for (uint32_t p : passed)
    if (RE2::PartialMatch(input, Get(numbers_[p][0])))
      out->insert(out->end(), numbers_[p].begin(), numbers_[p].end());
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
}

// The set of the image's patterns once enough sentences have been read, else null.
const RE2::Set* PatternSet::Bulk() const {
  if (sentences_.load(std::memory_order_relaxed) < kBulkSentences) {
    sentences_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  std::call_once(bulk_once_, [this] {
    auto set = std::make_unique<RE2::Set>(PatternOptions(true, kSetMemory), RE2::UNANCHORED);
    for (uint32_t i : added_) {
      const ImagePattern& p = image_->patterns[i];
      std::string in_set = p.case_sensitive ? p.pattern : std::string("(?i)") + p.pattern;
      if (set->Add(in_set, nullptr) < 0) return;  // (the image checked them: never)
      bulk_image_.push_back(i);
    }
    if (set->Compile()) bulk_ = std::move(set);
  });
  return bulk_.get();
}

// The image's patterns that match, from one pass of the bulk set; when its DFA runs out of
// memory on this text, the prefilter and single patterns answer instead.
void PatternSet::BulkMatches(const RE2::Set& bulk, std::string_view text,
                             std::vector<int>* out) const {
  thread_local std::vector<int> in_set;
  in_set.clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!bulk.Match(re2::StringPiece(text.data(), text.size()), &in_set, &info)) {
    if (info.kind != RE2::Set::kNoError) ImageCandidates(text, out);
    return;
  }
  const size_t first = out->size();
  for (int s : in_set) {
    const std::vector<int>& numbers = numbers_[bulk_image_[static_cast<size_t>(s)]];
    out->insert(out->end(), numbers.begin(), numbers.end());
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
}

// The set's matches, as pattern numbers.
void PatternSet::SetMatches(std::string_view text, std::vector<int>* out) const {
  std::vector<int> in_set;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  const re2::StringPiece input(text.data(), text.size());
  if (!set_->Match(input, &in_set, &info)) {
    if (info.kind == RE2::Set::kNoError || info.kind == RE2::Set::kNotCompiled) return;
    // The set's DFA ran out of memory on this text: ask each pattern instead, so that a
    // pathological pattern costs time, never a missed finding.
    for (int p : set_patterns_)
      if (RE2::PartialMatch(input, Get(p))) out->push_back(p);
    return;
  }
  for (int s : in_set) out->push_back(set_patterns_[s]);
}

}  // namespace reviewlint
