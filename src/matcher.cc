#include "matcher.h"

#include <algorithm>

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

namespace {

// A base form of a word: its first `keep` bytes, then `add` if not 0 ("studied" → "stud" + 'y').
struct Base {
  size_t keep;
  char add;
};

// The word itself and what is left after removing one English inflection from it. No more than
// 12 of them; nothing is allocated (this runs for every candidate phrase in every sentence).
size_t Bases(std::string_view w, Base* out) {
  size_t n = 0;
  const size_t len = w.size();
  out[n++] = {len, 0};
  auto ends = [&](std::string_view suffix) {
    return len > suffix.size() + 1 && w.compare(len - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("'s")) out[n++] = {len - 2, 0};
  if (ends("s")) out[n++] = {len - 1, 0};
  if (ends("es")) out[n++] = {len - 2, 0};
  if (ends("ies")) out[n++] = {len - 3, 'y'};
  if (ends("ied")) out[n++] = {len - 3, 'y'};
  if (ends("d")) out[n++] = {len - 1, 0};
  if (ends("ed")) {
    out[n++] = {len - 2, 0};
    if (len > 4 && w[len - 3] == w[len - 4]) out[n++] = {len - 3, 0};  // stopped
  }
  if (ends("ing")) {
    out[n++] = {len - 3, 0};
    out[n++] = {len - 3, 'e'};                                         // communicating
    if (len > 5 && w[len - 4] == w[len - 5]) out[n++] = {len - 4, 0};  // stopping
  }
  return n;
}

bool SameBase(std::string_view a, Base x, std::string_view b, Base y) {
  size_t la = x.keep + (x.add != 0), lb = y.keep + (y.add != 0);
  if (la != lb) return false;
  size_t common = std::min(x.keep, y.keep);
  if (a.compare(0, common, b, 0, common) != 0) return false;
  // The rest: one side's kept bytes against the other's added letter (or both added letters).
  for (size_t i = common; i < la; ++i) {
    char ca = i < x.keep ? a[i] : x.add, cb = i < y.keep ? b[i] : y.add;
    if (ca != cb) return false;
  }
  return true;
}

}  // namespace

bool SameInflectedWord(std::string_view a, std::string_view b) {
  if (a == b) return true;
  Base x[12], y[12];
  size_t nx = Bases(a, x), ny = Bases(b, y);
  for (size_t i = 0; i < nx; ++i)
    for (size_t j = 0; j < ny; ++j)
      if (SameBase(a, x[i], b, y[j])) return true;
  return false;
}

std::vector<std::string> ExpandAlternatives(const std::string& phrase) {
  size_t open = phrase.find('{');
  size_t close = open == std::string::npos ? std::string::npos : phrase.find('}', open);
  if (close == std::string::npos) return {phrase};
  std::vector<std::string> out;
  std::string head = phrase.substr(0, open), tail = phrase.substr(close + 1);
  std::string body = phrase.substr(open + 1, close - open - 1);
  size_t p = 0;
  for (;;) {
    size_t bar = body.find('|', p);
    std::string alt = body.substr(p, bar == std::string::npos ? std::string::npos : bar - p);
    for (std::string& rest : ExpandAlternatives(tail)) out.push_back(head + alt + rest);
    if (bar == std::string::npos) break;
    p = bar + 1;
  }
  return out;
}

size_t CountAlternatives(const std::string& phrase, size_t cap) {
  size_t count = 1;
  for (size_t from = 0;;) {
    size_t open = phrase.find('{', from);
    size_t close = open == std::string::npos ? std::string::npos : phrase.find('}', open);
    if (close == std::string::npos) return count;
    size_t alternatives = 1 + static_cast<size_t>(std::count(
                                  phrase.begin() + static_cast<std::ptrdiff_t>(open),
                                  phrase.begin() + static_cast<std::ptrdiff_t>(close), '|'));
    if (count > cap / alternatives) return cap + 1;
    count *= alternatives;
    from = close + 1;
  }
}

std::vector<std::pair<std::string, std::string>> PhraseWords(const std::string& phrase,
                                                             Segmenter& segmenter,
                                                             WordKeyer& keyer) {
  std::vector<Span> spans;
  segmenter.Words(phrase, Span{0, static_cast<uint32_t>(phrase.size())}, &spans);
  std::vector<std::pair<std::string, std::string>> words;
  for (Span w : spans) {
    std::string folded = FoldCase(std::string_view(phrase).substr(w.begin, w.size()));
    std::string stem = keyer.Stem(folded);
    words.emplace_back(std::move(folded), std::move(stem));
  }
  return words;
}

namespace {

// The words of an embedded phrase, from the rule image; false when the image does not hold it.
bool ImagePhraseWords(const std::string& phrase,
                      std::vector<std::pair<std::string, std::string>>* out) {
  const RuleImage* image = BuiltRuleImage();
  if (!image) return false;
  uint32_t found =
      ImageFind(image->phrase_table, image->phrase_table_size, phrase,
                [&](uint32_t i) { return std::string_view(image->phrases[i - 1].phrase); });
  if (!found) return false;
  const ImagePhrase& p = image->phrases[found - 1];
  for (uint32_t w = 0; w < p.word_count; ++w)
    out->emplace_back(image->phrase_words[2 * (p.first_word + w)],
                      image->phrase_words[2 * (p.first_word + w) + 1]);
  return true;
}

}  // namespace

bool Matcher::AddPhrase(const std::string& phrase, bool exact, Target target,
                        const std::function<Segmenter&()>& segmenter, WordKeyer& keyer) {
  bool ok = true;
  for (const std::string& one : ExpandAlternatives(phrase))
    ok = AddOne(one, exact, target, segmenter, keyer) && ok;
  return ok;
}

bool Matcher::AddOne(const std::string& phrase, bool exact, Target target,
                     const std::function<Segmenter&()>& segmenter, WordKeyer& keyer) {
  std::vector<std::pair<std::string, std::string>> words;
  if (!ImagePhraseWords(phrase, &words)) words = PhraseWords(phrase, segmenter(), keyer);
  if (words.empty()) return false;
  uint32_t node = 0;
  std::vector<std::string> folded_words;
  for (auto& [folded, stem] : words) {
    uint32_t id = exact ? lexicon_.AddExact(folded) : lexicon_.AddStem(stem);
    folded_words.push_back(std::move(folded));
    uint64_t key = EdgeKey(node, !exact, id);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      nodes_.push_back(Node{});
      uint32_t child = static_cast<uint32_t>(nodes_.size() - 1);
      edges_.emplace(key, child);
      if (node == 0) {
        auto& root = root_children_[!exact];
        if (root.size() <= id) root.resize(id + 1, 0);
        root[id] = child;
      }
      node = child;
    } else {
      node = it->second;
    }
  }
  uint32_t words_index = UINT32_MAX;
  if (!exact) {
    auto [it, added] = entry_words_index_.emplace(std::move(folded_words),
                                                  static_cast<uint32_t>(entry_words_.size()));
    if (added) entry_words_.push_back(it->first);
    words_index = it->second;
  }
  // The same phrase twice for one target (in two lists of a rule) is one entry.
  auto& entries = nodes_[node].entries;
  for (const Entry& e : entries)
    if (e.target == target && e.words == words_index) return true;
  entries.push_back(Entry{target, words_index});
  return true;
}

const std::string& Matcher::FoldedWords::Of(const Document& doc, uint32_t token) {
  const uint32_t k = token - first;
  std::string& word = scratch.folded[k];
  if (!scratch.done[k]) {
    const Span w = doc.tokens[token].span;
    FoldCaseInto(doc.prose().substr(w.begin, w.size()), &word);
    scratch.done[k] = 1;
  }
  return word;
}

// Are the words from token `first` on inflections of entry_words_[words]?
bool Matcher::Inflected(const Document& doc, uint32_t first, uint32_t words,
                        FoldedWords* folded) const {
  const auto& want = entry_words_[words];
  for (size_t k = 0; k < want.size(); ++k) {
    const uint32_t token = first + static_cast<uint32_t>(k);
    // A word written as the phrase has it (folded already: folding it again changes nothing).
    const Span w = doc.tokens[token].span;
    if (doc.prose().substr(w.begin, w.size()) == want[k]) continue;
    if (!SameInflectedWord(folded->Of(doc, token), want[k])) return false;
  }
  return true;
}

void Matcher::Report(const Document& doc, uint32_t node, uint32_t first, uint32_t last,
                     FoldedWords* folded, std::vector<Hit>* out) const {
  const auto& entries = nodes_[node].entries;
  const Token* tokens = doc.tokens.data();
  // Entries of one node often share their words: each word list is checked once.
  uint32_t checked[4], results = 0;
  bool result[4];
  for (const Entry& e : entries) {
    if (e.words != UINT32_MAX) {
      // Stems matched; the words must also be inflections of the phrase's words.
      uint32_t r = 0;
      while (r < results && checked[r] != e.words) ++r;
      bool same;
      if (r < results) {
        same = result[r];
      } else {
        same = Inflected(doc, first, e.words, folded);
        if (results < 4) checked[results] = e.words, result[results++] = same;
      }
      if (!same) continue;
    }
    bool dup = false;
    for (size_t h = out->size(); h-- > 0 && !dup;) {
      const Hit& o = (*out)[h];
      if (o.token_begin != first) break;
      dup = o.target == e.target && o.token_end == last + 1;
    }
    if (!dup)
      out->push_back(
          Hit{e.target, Span{tokens[first].span.begin, tokens[last].span.end}, first, last + 1});
  }
}

std::string Matcher::AddPattern(const std::string& pattern, bool case_sensitive, Target target) {
  std::string err = patterns_.Add(pattern, case_sensitive);
  if (err.empty()) pattern_targets_.push_back(target);
  return err;
}

std::vector<Matcher::PatternError> Matcher::Compile() { return patterns_.Compile(); }

void Matcher::Match(const Document& doc, const Sentence& s, std::vector<Hit>* out,
                    Scratch* scratch_in) const {
  std::string_view prose = doc.prose();
  const Token* tokens = doc.tokens.data();
  // Phrases: from each word, follow the trie as far as the words allow, once by stems and once
  // by exact spellings.
  const size_t words = s.tokens_end - s.tokens_begin;
  if (scratch_in->folded.size() < words) scratch_in->folded.resize(words);
  scratch_in->done.assign(words, 0);
  FoldedWords folded{s.tokens_begin, *scratch_in};
  for (uint32_t i = s.tokens_begin; i < s.tokens_end; ++i) {
    for (bool stem : {true, false}) {
      uint32_t node = 0;
      for (uint32_t j = i; j < s.tokens_end; ++j) {
        const Token& t = tokens[j];
        if (j > i && !PhraseGap(prose, tokens[j - 1].span.end, t.span.begin)) break;
        node = Child(node, stem, stem ? t.stem : t.exact);
        if (!node) break;
        if (!nodes_[node].entries.empty()) Report(doc, node, i, j, &folded, out);
      }
    }
  }
  std::vector<int>* scratch = &scratch_in->patterns;
  std::string_view text = prose.substr(s.span.begin, s.span.size());
  patterns_.Matching(text, scratch);
  for (int p : *scratch) {
    if (pattern_targets_[p].type == Target::kEvidence) {
      // Evidence is a fact about the sentence: where in it the pattern matched does not matter.
      out->push_back(Hit{pattern_targets_[p], s.span, s.tokens_begin, s.tokens_end});
      continue;
    }
    const RE2& re = patterns_.Get(p);
    if (!re.ok()) continue;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    // Token range covered by each match, for the guardrails that count words. Matches come in
    // order, so the search for the first token goes on from the previous match's (starting over
    // from the sentence's first word each time is quadratic in a long sentence).
    uint32_t tb = s.tokens_begin, te;
    while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      uint32_t b = s.span.begin + static_cast<uint32_t>(m.data() - text.data());
      uint32_t e = b + static_cast<uint32_t>(m.size());
      const uint32_t match_end = e;
      while (tb < s.tokens_end && tokens[tb].span.end <= b) ++tb;
      te = tb;
      while (te < s.tokens_end && tokens[te].span.begin < e) ++te;
      // A match that runs on into "and", "to", "of"... ends before them.
      while (te > tb + 1 && tokens[te - 1].span.end <= e &&
             (lexicon_.Attr(tokens[te - 1].exact) & kClauseBreak)) {
        --te;
        e = tokens[te - 1].span.end;
      }
      out->push_back(Hit{pattern_targets_[p], Span{b, e}, tb, te});
      size_t next = match_end - s.span.begin;
      pos = m.empty() ? next + 1 : next;
    }
  }
}

}  // namespace reviewlint
