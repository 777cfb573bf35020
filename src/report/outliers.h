// Outliers: each test looks at one draft against the distributions of the drafts of its kind
// and returns the outlier it finds, or nothing. A group needs kMinForOutliers drafts to compare.
//
//   for (OutlierTest test : kOutlierTests)
//     if (auto o = test(review, group)) outliers.push_back(*o);
#pragma once

#include <optional>

#include "report.h"

namespace reviewlint::report {

inline constexpr size_t kMinForOutliers = 4;

using OutlierTest = std::optional<Outlier> (*)(const ReviewReport& r, const Group& g);

/// Over twice or under half the median length, else beyond 1.5 IQR of the quartiles.
std::optional<Outlier> LengthOutlier(const ReviewReport& r, const Group& g);
/// Specificity 1.5 IQR below the first quartile or under half the median (evaluative drafts).
std::optional<Outlier> SpecificityOutlier(const ReviewReport& r, const Group& g);
/// Trait words per 1,000 words 1.5 IQR above the third quartile.
std::optional<Outlier> TraitWordsOutlier(const ReviewReport& r, const Group& g);
/// Two or more hedges, per 1,000 words 1.5 IQR above the third quartile.
std::optional<Outlier> HedgesOutlier(const ReviewReport& r, const Group& g);
/// Two or more grindstone words, over twice the standout words.
std::optional<Outlier> GrindstoneOutlier(const ReviewReport& r, const Group& g);

inline constexpr OutlierTest kOutlierTests[] = {
    LengthOutlier, SpecificityOutlier, TraitWordsOutlier, HedgesOutlier, GrindstoneOutlier};

}  // namespace reviewlint::report
