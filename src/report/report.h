// Team report (`reviewlint report PATH...`): lints a folder of reviews and compares their
// language: each review's scorecard, the distributions across drafts of the same kind (reviews,
// self-reviews, improvement plans: kind.h), outliers (outliers.h), per-reviewer averages and
// ratings that the narrative does not support. It compares language, not people, and infers no
// demographics. Numbers and names are written by format.h; the HTML page by report_html.cc and,
// above a few dozen drafts, html_distributions.cc.
//
//   ReportOptions options;                 // from the command line
//   Report report;
//   if (!BuildReport(options, &report, &errors)) ...
//   RenderReportText(report, std::cout);   // or RenderReportJson / RenderReportHtml
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../diagnostic.h"
#include "../kind.h"
#include "../lint_setup.h"
#include "../redact.h"
#include "../scorecard.h"

namespace reviewlint::report {

/// The sentence every output states.
inline constexpr const char* kNotice =
    "reviewlint compares language, not people: it counts words and findings in the text and "
    "infers no demographics. Use it to ask questions about a review, not to judge a person.";

struct ReportOptions {
  std::vector<std::string> paths;
  bool redact = false;
  std::vector<std::string> redact_names;  // --redact-name
  SetupOptions setup;  // --rubric, --rubric-file, --rules-dir, --rule, --config, --no-config
  unsigned jobs = 0;   // -j: reviews linted in parallel (0: the hardware threads)
};

/// One review, linted and measured. With --redact every string here is already redacted.
struct ReviewReport {
  std::string path;
  std::string error;  // why the file could not be linted, or ""
  std::string kind =
      kReview;  // kReview, kSelfReview, kImprovementPlan or kPeerFeedback (../kind.h)
  std::string employee, reviewer, rating;
  std::optional<int> rating_value;  // 1..5
  Scorecard scorecard;
  std::vector<Diagnostic> diagnostics;
  std::string text;  // the review's bytes (redacted)
  int trait_words = 0, hedges = 0, standout = 0, grindstone = 0;
  double PerThousand(int n) const {
    return scorecard.words ? 1000.0 * n / double(scorecard.words) : 0;
  }
};

struct Stats {
  size_t n = 0;
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
  double iqr() const { return q3 - q1; }
};

using Distributions = std::vector<std::pair<std::string, Stats>>;  // metric → stats, in order

/// The linted drafts of one kind, compared with each other and not with the other kinds.
struct Group {
  std::string kind;
  std::vector<size_t> reviews;  // indexes into Report::reviews
  Distributions distributions;
  const Stats& Of(std::string_view metric) const;  // an empty Stats for an unknown metric
};

struct Outlier {
  std::string path;
  std::string metric;  // length | specificity | trait-words | hedges | grindstone
  double value = 0;
  std::string reason;
};

struct RatingMismatch {
  std::string path;
  std::string rating;
  int rating_value = 0;
  std::string
      kind;  // top-rating-mostly-constructive | top-rating-vague | low-rating-no-constructive
  std::string reason;
};

struct ReviewerSummary {
  std::string name;
  std::vector<size_t> reviews;  // indexes into Report::reviews
  double coverage = 0, specificity = 0, words = 0, trait_per_1000 = 0, hedges_per_1000 = 0;
  int trait_words = 0, standout = 0, grindstone = 0;
  std::vector<std::string> flags;
};

struct Report {
  std::vector<ReviewReport> reviews;
  std::vector<ReviewerSummary> reviewers;
  std::vector<Group> groups;  // reviews (always), then self-reviews and improvement plans if any
  std::vector<Outlier> outliers;
  std::vector<RatingMismatch> mismatches;
  std::vector<std::string> packs;  // every pack with findings, sorted
  bool redacted = false;
};

/// Lints and analyses. Returns false (with messages) when nothing could be linted at all or the
/// engine could not be built; unreadable files are kept as reviews with an error.
bool BuildReport(const ReportOptions& options, Report* report, std::vector<std::string>* errors);

/// Analysis only, over reviews already filled in (path, kind, scorecard, counts, ratings):
/// packs, groups by kind with their distributions, outliers, rating alignment, reviewers.
void Analyse(Report* report);

/// A review's value of a distribution's measure ("words", "specificity", ...); nothing for
/// specificity without evaluative sentences, or an unknown measure.
std::optional<double> MetricValue(const ReviewReport& r, std::string_view metric);

/// The group of `kind`, or nullptr.
const Group* FindGroup(const Report& report, std::string_view kind);

/// "4", "exceeds expectations" → 4, ...; nullopt when the rating is not recognised.
std::optional<int> ParseRating(std::string_view rating);

/// Quartiles by linear interpolation between closest ranks.
Stats Describe(std::vector<double> values);

void RenderReportText(const Report& report, std::ostream& out);
nlohmann::ordered_json ReportJson(const Report& report);
void RenderReportHtml(const Report& report, std::ostream& out);

/// The `reviewlint report` subcommand: returns the exit code (0, or 2 on errors).
int RunReport(const ReportOptions& options, const std::string& format,
              const std::string& html_path);

}  // namespace reviewlint::report
