#include "lexicon.h"

#include <libstemmer.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "rule_image.h"

namespace reviewlint {

std::string FoldCase(std::string_view word) {
  std::string out;
  FoldCaseInto(word, &out);
  return out;
}

void FoldCaseInto(std::string_view word, std::string* folded) {
  bool ascii = true;
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  std::string& out = *folded;
  out.clear();
  if (ascii) {
    out.resize(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      char c = word[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)),
                   icu::UnicodeString(static_cast<UChar>('\'')));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2018)),
                   icu::UnicodeString(static_cast<UChar>('\'')));
  u.toUTF8String(out);
}

uint32_t Lexicon::AddExact(const std::string& folded) {
  if (uint32_t id = FindImageWord(folded)) return id;
  auto [it, inserted] =
      exact_.emplace(folded, static_cast<uint32_t>(image_words_ + exact_.size() + 1));
  return it->second;
}

void Lexicon::LoadImage(const RuleImage& image) {
  image_ = &image;
  image_words_ = image.word_count;
  attrs_.assign(1, 0);
  attrs_.insert(attrs_.end(), image.word_attrs, image.word_attrs + image.word_count);
}

uint32_t Lexicon::FindImageWord(std::string_view folded) const {
  if (!image_) return kNone;
  return ImageFind(image_->word_table, image_->word_table_size, folded,
                   [this](uint32_t id) { return std::string_view(image_->words[id - 1]); });
}

std::vector<std::string> Lexicon::ExactWords() const {
  std::vector<std::string> out(image_words_ + exact_.size());
  for (uint32_t id = 1; id <= image_words_; ++id) out[id - 1] = image_->words[id - 1];
  for (const auto& [word, id] : exact_) out[id - 1] = word;
  return out;
}

uint32_t Lexicon::AddStem(const std::string& stem) {
  auto [it, inserted] = stem_.emplace(stem, static_cast<uint32_t>(stem_.size() + 1));
  return it->second;
}

void Lexicon::SetAttr(uint32_t exact, uint8_t attr) {
  if (attrs_.size() <= exact) attrs_.resize(exact + 1);
  attrs_[exact] |= attr;
}

uint32_t Lexicon::FindExact(std::string_view folded) const {
  if (uint32_t id = FindImageWord(folded)) return id;
  auto it = exact_.find(std::string(folded));
  return it == exact_.end() ? kNone : it->second;
}

uint32_t Lexicon::FindStem(std::string_view stem) const {
  auto it = stem_.find(std::string(stem));
  return it == stem_.end() ? kNone : it->second;
}

WordKeyer::WordKeyer(const Lexicon* lexicon) : lexicon_(lexicon) {
  stemmer_ = sb_stemmer_new("english", "UTF_8");
  if (!stemmer_) throw std::runtime_error("the Snowball English stemmer is unavailable");
}

WordKeyer::~WordKeyer() { sb_stemmer_delete(stemmer_); }

std::string WordKeyer::Stem(std::string_view folded) {
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()),
                                       static_cast<int>(folded.size()));
  if (!s) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer_));
}

WordKeyer::Keys WordKeyer::Lookup(std::string_view surface) {
  auto it = cache_.find(surface);
  if (it != cache_.end()) return it->second;
  // A document has a few thousand distinct words; a hostile one could have millions.
  if (cache_.size() > 200000) cache_.clear();
  std::string folded = FoldCase(surface);
  Keys k;
  k.exact = lexicon_->FindExact(folded);
  k.stem = lexicon_->FindStem(Stem(folded));
  cache_.emplace(std::string(surface), k);
  return k;
}

}  // namespace reviewlint
