// Outliers: one small test per measure (outliers.h).
#include "outliers.h"

#include "format.h"

namespace reviewlint::report {

std::optional<Outlier> LengthOutlier(const ReviewReport& r, const Group& g) {
  const Stats& words = g.Of("words");
  double w = double(r.scorecard.words);
  std::string median = Fixed(words.median, 0);
  if (words.median > 0 && w > 2 * words.median)
    return Outlier{r.path, "length", w,
                   Fixed(w, 0) + " words, over twice the median (" + median + "); " +
                       Fixed(w / words.median, 1) + "x"};
  if (words.median > 0 && w < 0.5 * words.median)
    return Outlier{r.path, "length", w,
                   Fixed(w, 0) + " words, under half the median (" + median + ")"};
  if (w > words.q3 + 1.5 * words.iqr() || w < words.q1 - 1.5 * words.iqr())
    return Outlier{r.path, "length", w,
                   Fixed(w, 0) + " words, beyond 1.5 IQR of the quartiles (" + Fixed(words.q1, 0) +
                       "-" + Fixed(words.q3, 0) + ")"};
  return std::nullopt;
}

std::optional<Outlier> SpecificityOutlier(const ReviewReport& r, const Group& g) {
  const Stats& spec = g.Of("specificity");
  const Scorecard& sc = r.scorecard;
  if (sc.evaluative == 0) return std::nullopt;
  double s = sc.specificity();
  if (!(s < spec.q1 - 1.5 * spec.iqr() || (spec.median > 0 && s < 0.5 * spec.median)))
    return std::nullopt;
  return Outlier{r.path, "specificity", s,
                 "specificity " + Fixed(100 * s, 0) + "% (" + std::to_string(sc.specific) + " of " +
                     Counted(sc.evaluative, "evaluative sentence") +
                     " concrete), well below the median " + Fixed(100 * spec.median, 0) + "%"};
}

std::optional<Outlier> TraitWordsOutlier(const ReviewReport& r, const Group& g) {
  const Stats& traits = g.Of("trait_words_per_1000");
  double t = r.PerThousand(r.trait_words);
  if (r.trait_words == 0 || t <= traits.q3 + 1.5 * traits.iqr()) return std::nullopt;
  return Outlier{r.path, "trait-words", t,
                 Counted(r.trait_words, "personality/trait word") + " (" + Fixed(t, 1) +
                     " per 1,000 words; median " + Fixed(traits.median, 1) + ")"};
}

std::optional<Outlier> HedgesOutlier(const ReviewReport& r, const Group& g) {
  const Stats& hedges = g.Of("hedges_per_1000");
  double h = r.PerThousand(r.hedges);
  if (r.hedges < 2 || h <= hedges.q3 + 1.5 * hedges.iqr()) return std::nullopt;
  return Outlier{r.path, "hedges", h,
                 Counted(r.hedges, "hedge") + " (" + Fixed(h, 1) + " per 1,000 words; median " +
                     Fixed(hedges.median, 1) + ")"};
}

std::optional<Outlier> GrindstoneOutlier(const ReviewReport& r, const Group&) {
  if (r.grindstone < 2 || r.grindstone <= 2 * r.standout) return std::nullopt;
  return Outlier{r.path, "grindstone", double(r.grindstone),
                 Counted(r.grindstone, "grindstone word") + " (hardworking, diligent...) against " +
                     Counted(r.standout, "standout word") + " (exceptional, brilliant...)"};
}

}  // namespace reviewlint::report
