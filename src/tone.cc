#include "tone.h"

#include <string_view>

#include "document.h"
#include "word_classes.h"

namespace reviewlint {
namespace {

// VADER's constants: a negated word keeps 74% of its valence with the sign flipped; words before
// a contrast count half, words after it one and a half times.
constexpr int kNegatedPercent = 74;
constexpr int kBeforeContrastPercent = 50, kAfterContrastPercent = 150;
constexpr uint32_t kNegationReach = 3;

bool IsContrast(std::string_view w) {
  return w == "but" || w == "But" || w == "however" || w == "However";
}

int16_t Clamp(int v) { return static_cast<int16_t>(v > 32767 ? 32767 : v); }

}  // namespace

bool ALittle(const Document& doc, uint32_t first, uint32_t k) {
  auto text = [&](uint32_t i) { return doc.Text(doc.tokens[i].span); };
  return k > first && text(k) == "little" && (text(k - 1) == "a" || text(k - 1) == "A");
}

bool TurnsAround(const Document& doc, const WordClasses& classes, uint32_t first, uint32_t k,
                 uint32_t t) {
  uint32_t exact = doc.tokens[k].exact;
  if (classes.Has(exact, kNegation)) return true;
  return classes.Has(exact, kShortfallDegree) && k + 1 == t && !ALittle(doc, first, k);
}

Tone ReadTone(const Document& doc, const WordClasses& classes, const Sentence& sentence,
              uint32_t first_modal) {
  const uint32_t b = sentence.tokens_begin, e = sentence.tokens_end;
  std::string_view prose = doc.prose();
  auto text = [&](uint32_t t) {
    Span s = doc.tokens[t].span;
    return prose.substr(s.begin, s.size());
  };
  uint32_t contrast = e;
  for (uint32_t t = b; t < e; ++t)
    if (IsContrast(text(t))) contrast = t;

  int praise = 0, criticism = 0, reversed = 0;
  for (uint32_t t = b; t < e; ++t) {
    const WordInfo& info = classes.Info(doc.tokens[t].exact);
    int v = info.tone;
    if (v == 0 || (info.classes & kFaintWord)) continue;
    bool negated = false;
    for (uint32_t k = t > b + kNegationReach ? t - kNegationReach : b; k < t && !negated; ++k)
      negated = TurnsAround(doc, classes, b, k, t);
    if (negated) v = -v * kNegatedPercent / 100;
    if (contrast < e) v = v * (t < contrast ? kBeforeContrastPercent : kAfterContrastPercent) / 100;
    if (v > 0 && t > first_modal) continue;               // "could be great if ...": not praise
    if (v > 0 && t > b && text(t - 1) == "at") continue;  // "a C at best": a limit, not praise
    if (v > 0)
      praise += v;
    else
      criticism -= v;
    if (v > 0 && negated) reversed += v;
  }
  return Tone{Clamp(praise), Clamp(criticism), Clamp(reversed)};
}

}  // namespace reviewlint
