// Pieces of the HTML report shared by its files: escaping, and the charts of a large report
// (html_distributions.cc), which show distributions instead of one bar per review.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report.h"

namespace reviewlint::report {

/// Above this many linted drafts the page shows distributions, not one bar or point per draft,
/// and the full text only of the drafts flagged as outliers or mismatches.
inline constexpr size_t kPerReviewChartsUpTo = 40;
/// At most this many drafts' full text in a large report, in at most this many bytes.
inline constexpr size_t kLargeReportTexts = 30;
inline constexpr size_t kLargeReportTextBytes = 300 * 1024;
/// At most this many outliers, and as many rating mismatches, listed in a large report (the
/// JSON and text reports list them all).
inline constexpr size_t kLargeReportFlags = 200;

std::string Esc(std::string_view s);

/// For each group and measure, a histogram and a box plot with the flagged outliers marked;
/// `labels[i]` names review i.
void DistributionCharts(const Report& report, const std::vector<std::string>& labels,
                        std::ostream& out);

/// Findings per rule pack over all drafts, one bar per pack.
void PackTotalsChart(const Report& report, std::ostream& out);

}  // namespace reviewlint::report
