#include "matcher.h"

#include "tokenizer.h"

namespace reviewlint {

bool PhraseGap(std::string_view prose, uint32_t from, uint32_t to) {
  if (to - from > 8) return false;
  for (uint32_t p = from; p < to; ++p) {
    char c = prose[p];
    if (c != ' ' && c != '-' && c != '\n' && c != '\r' && c != '\t') return false;
  }
  return true;
}

bool Matcher::AddPhrase(const std::string& phrase, bool exact, Target target, Segmenter& segmenter,
                        WordKeyer& keyer) {
  std::vector<Span> words;
  segmenter.Words(phrase, Span{0, static_cast<uint32_t>(phrase.size())}, &words);
  if (words.empty()) return false;
  uint32_t node = 0;
  for (Span w : words) {
    std::string folded = FoldCase(std::string_view(phrase).substr(w.begin, w.size()));
    uint32_t id = exact ? lexicon_.AddExact(folded) : lexicon_.AddStem(keyer.Stem(folded));
    if (exact)
      lexicon_.AddStem(keyer.Stem(folded));  // keeps lookups symmetric; harmless
    else
      lexicon_.AddExact(folded);
    uint64_t key = EdgeKey(node, !exact, id);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      nodes_.push_back(Node{});
      uint32_t child = static_cast<uint32_t>(nodes_.size() - 1);
      edges_.emplace(key, child);
      node = child;
    } else {
      node = it->second;
    }
  }
  auto& targets = nodes_[node].targets;
  bool dup = false;
  for (Target t : targets) dup = dup || t == target;
  if (!dup) targets.push_back(target);
  return true;
}

std::string Matcher::AddPattern(const std::string& pattern, bool case_sensitive, Target target) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) return re->error();
  patterns_.push_back(std::move(re));
  pattern_targets_.push_back(target);
  return "";
}

std::string Matcher::Compile() {
  if (patterns_.empty()) return "";
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(256 << 20);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (size_t i = 0; i < patterns_.size(); ++i) {
    std::string err;
    std::string p = patterns_[i]->options().case_sensitive()
                        ? patterns_[i]->pattern()
                        : "(?i:" + patterns_[i]->pattern() + ")";
    if (set_->Add(p, &err) < 0) return err;
  }
  if (!set_->Compile()) return "the patterns together are too large to compile";
  return "";
}

void Matcher::Match(const Document& doc, const Sentence& s, std::vector<Hit>* out,
                    std::vector<int>* scratch) const {
  std::string_view prose = doc.prose();
  const Token* tokens = doc.tokens.data();
  // Phrases: from each word, follow the trie as far as the words allow.
  for (uint32_t i = s.tokens_begin; i < s.tokens_end; ++i) {
    uint32_t node = 0;
    for (uint32_t j = i; j < s.tokens_end; ++j) {
      const Token& t = tokens[j];
      if (j > i && !PhraseGap(prose, tokens[j - 1].span.end, t.span.begin)) break;
      uint32_t by_stem = Child(node, true, t.stem);
      uint32_t by_exact = Child(node, false, t.exact);
      // Both a stem edge and an exact edge may lead on; follow the stem edge and report the
      // exact path's targets when they end here (phrases rarely differ only in mode).
      if (by_exact && by_exact != by_stem) {
        for (Target target : nodes_[by_exact].targets)
          out->push_back(Hit{target, Span{tokens[i].span.begin, t.span.end}, i, j + 1});
        if (!by_stem) {
          node = by_exact;
          continue;
        }
      }
      if (!by_stem) break;
      node = by_stem;
      for (Target target : nodes_[node].targets)
        out->push_back(Hit{target, Span{tokens[i].span.begin, t.span.end}, i, j + 1});
    }
  }
  if (!set_) return;
  std::string_view text = prose.substr(s.span.begin, s.span.size());
  scratch->clear();
  if (!set_->Match(text, scratch)) return;
  for (int p : *scratch) {
    const RE2& re = *patterns_[p];
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      uint32_t b = s.span.begin + static_cast<uint32_t>(m.data() - text.data());
      uint32_t e = b + static_cast<uint32_t>(m.size());
      // Token range covered by the match, for the guardrails that count words.
      uint32_t tb = s.tokens_begin, te;
      while (tb < s.tokens_end && tokens[tb].span.end <= b) ++tb;
      te = tb;
      while (te < s.tokens_end && tokens[te].span.begin < e) ++te;
      out->push_back(Hit{pattern_targets_[p], Span{b, e}, tb, te});
      size_t next = static_cast<size_t>(m.data() - text.data()) + m.size();
      pos = m.empty() ? next + 1 : next;
    }
  }
}

}  // namespace reviewlint
