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

// RE2 ignores case by Unicode's simple folding, where two characters outside ASCII fold to ASCII
// letters: the Kelvin sign to k and the long s to s. The prefilter looks for ASCII literals, so a
// sentence with either one tries every pattern.
bool FoldsIntoAscii(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

// Does every clause of the pattern's prefilter have a literal in the text?
bool Passes(const RuleImage& im, const ImagePattern& p, const std::vector<uint8_t>& found) {
  const uint32_t* at = im.pattern_atoms + p.first_atom;
  const uint32_t* end = at + p.atom_count;
  while (at < end) {
    const uint32_t* clause_end = at + 1 + *at;
    bool any = false;
    for (++at; at < clause_end && !any; ++at) any = found[*at] != 0;
    if (!any) return false;
    at = clause_end;
  }
  return true;
}

}  // namespace

const RE2& PatternSet::LazyPattern::Get() const {
  std::call_once(once_, [this] {
    re_ = std::make_unique<RE2>(pattern_, PatternOptions(case_sensitive_, kPatternMemory));
  });
  return *re_;
}

PatternSet::PatternSet(const RuleImage* image) : image_(image) {}

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
  if (!filtered_.empty()) ImageCandidates(text, out);
  if (!set_) return;
  const size_t from_image = out->size();
  SetMatches(text, out);
  if (from_image > 0 && out->size() > from_image) std::sort(out->begin(), out->end());
}

// The image's patterns whose literals the text holds, each then asked alone.
void PatternSet::ImageCandidates(std::string_view text, std::vector<int>* out) const {
  const RuleImage& im = *image_;
  thread_local std::vector<uint8_t> found;
  found.assign(im.atom_count, 0);
  const bool every = FoldsIntoAscii(text);
  if (!every) {
    uint32_t state = 0;
    for (char c : text) {
      state = im.transitions[state * im.class_count + im.byte_class[static_cast<uint8_t>(c)]];
      for (uint32_t o = im.output_begin[state]; o < im.output_begin[state + 1]; ++o)
        found[im.outputs[o]] = 1;
    }
  }
  // A pattern added twice (two rules, or a rule and an evidence set) is asked once.
  thread_local std::vector<int8_t> matched;
  matched.assign(im.pattern_count, -1);
  const re2::StringPiece input(text.data(), text.size());
  for (const Filtered& f : filtered_) {
    int8_t& m = matched[f.image];
    if (m < 0) {
      const ImagePattern& p = im.patterns[f.image];
      m = (every || Passes(im, p, found)) && RE2::PartialMatch(input, Get(f.pattern));
    }
    if (m) out->push_back(f.pattern);
  }
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
