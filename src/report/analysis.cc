// Team report analysis: comparing the measures of the linted drafts. Analyse reads like its
// table of contents; each step is one function below.
#include <algorithm>
#include <set>

#include "format.h"
#include "outliers.h"
#include "report.h"

namespace reviewlint::report {
namespace {

std::vector<size_t> Linted(const std::vector<ReviewReport>& reviews) {
  std::vector<size_t> ok;
  for (size_t i = 0; i < reviews.size(); ++i)
    if (reviews[i].error.empty()) ok.push_back(i);
  return ok;
}

std::vector<std::string> PacksWithFindings(const std::vector<ReviewReport>& reviews,
                                           const std::vector<size_t>& ok) {
  std::set<std::string> packs;
  for (size_t i : ok)
    for (const auto& [pack, n] : reviews[i].scorecard.findings_per_pack)
      if (n > 0) packs.insert(pack);
  return {packs.begin(), packs.end()};
}

struct Metric {
  const char* name;
  double (*get)(const ReviewReport&);
};

constexpr Metric kMetrics[] = {
    {"words", [](const ReviewReport& r) { return double(r.scorecard.words); }},
    {"rubric_coverage", [](const ReviewReport& r) { return r.scorecard.weighted_coverage; }},
    {"specificity", [](const ReviewReport& r) { return r.scorecard.specificity(); }},
    {"trait_words_per_1000", [](const ReviewReport& r) { return r.PerThousand(r.trait_words); }},
    {"hedges_per_1000", [](const ReviewReport& r) { return r.PerThousand(r.hedges); }},
    {"standout_words", [](const ReviewReport& r) { return double(r.standout); }},
    {"grindstone_words", [](const ReviewReport& r) { return double(r.grindstone); }},
};

// Each measure over the group's drafts; specificity only over drafts with evaluative sentences.
Distributions Distribute(const std::vector<ReviewReport>& reviews,
                         const std::vector<size_t>& members) {
  Distributions out;
  for (const Metric& m : kMetrics) {
    std::vector<double> values;
    for (size_t i : members)
      if (auto v = MetricValue(reviews[i], m.name)) values.push_back(*v);
    out.emplace_back(m.name, Describe(values));
  }
  return out;
}

// Reviews always (the report's main comparison, even when empty), then each other kind present.
std::vector<Group> GroupByKind(const std::vector<ReviewReport>& reviews,
                               const std::vector<size_t>& ok) {
  std::vector<Group> groups;
  for (const char* kind : {kReview, kSelfReview, kImprovementPlan, kPeerFeedback}) {
    Group g;
    g.kind = kind;
    for (size_t i : ok)
      if (reviews[i].kind == kind) g.reviews.push_back(i);
    if (g.reviews.empty() && kind != std::string_view(kReview)) continue;
    g.distributions = Distribute(reviews, g.reviews);
    groups.push_back(std::move(g));
  }
  return groups;
}

std::vector<Outlier> FindOutliers(const std::vector<ReviewReport>& reviews,
                                  const std::vector<Group>& groups) {
  std::vector<Outlier> out;
  for (const Group& g : groups) {
    if (g.reviews.size() < kMinForOutliers) continue;
    for (size_t i : g.reviews)
      for (OutlierTest test : kOutlierTests)
        if (auto o = test(reviews[i], g)) out.push_back(std::move(*o));
  }
  return out;
}

std::vector<RatingMismatch> RatingMismatches(const std::vector<ReviewReport>& reviews,
                                             const std::vector<size_t>& ok) {
  std::vector<RatingMismatch> out;
  for (size_t i : ok) {
    const ReviewReport& r = reviews[i];
    if (!r.rating_value) continue;
    int v = *r.rating_value;
    const Scorecard& sc = r.scorecard;
    std::string rating = "rating " + std::to_string(v);
    if (v >= 4 && sc.constructive > sc.positive)
      out.push_back({r.path, r.rating, v, "top-rating-mostly-constructive",
                     rating + " but the narrative is mostly constructive (" +
                         std::to_string(sc.constructive) + " constructive, " +
                         Counted(sc.positive, "strength") + ")"});
    if (v >= 4 && sc.specificity() < 0.3)
      out.push_back({r.path, r.rating, v, "top-rating-vague",
                     rating + " but the narrative is mostly vague (specificity " +
                         Share(sc.specific, sc.evaluative) + ", " + Counted(r.hedges, "hedge") +
                         ")"});
    if (v <= 2 && sc.constructive == 0)
      out.push_back({r.path, r.rating, v, "low-rating-no-constructive",
                     rating + " but the review gives no constructive feedback to act on"});
  }
  return out;
}

// "Ana, Ben and Carl"-style list of at most `shown` names, then how many more.
std::string NameList(const std::vector<std::string>& names, size_t shown = 10) {
  std::string out;
  for (size_t k = 0; k < names.size() && k < shown; ++k) out += (k ? ", " : "") + names[k];
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

void SummariseReviewer(const std::vector<ReviewReport>& reviews, ReviewerSummary* rv) {
  double n = double(rv->reviews.size());
  double min_spec = 1, max_spec = 0;
  std::vector<std::string> with_traits;
  for (size_t i : rv->reviews) {
    const ReviewReport& r = reviews[i];
    rv->coverage += r.scorecard.weighted_coverage / n;
    rv->specificity += r.scorecard.specificity() / n;
    rv->words += double(r.scorecard.words) / n;
    rv->trait_per_1000 += r.PerThousand(r.trait_words) / n;
    rv->hedges_per_1000 += r.PerThousand(r.hedges) / n;
    rv->trait_words += r.trait_words;
    rv->standout += r.standout;
    rv->grindstone += r.grindstone;
    if (r.trait_words > 0) with_traits.push_back(r.employee.empty() ? r.path : r.employee);
    if (r.scorecard.evaluative > 0) {
      min_spec = std::min(min_spec, r.scorecard.specificity());
      max_spec = std::max(max_spec, r.scorecard.specificity());
    }
  }
  size_t count = rv->reviews.size();
  if (count >= 2 && !with_traits.empty() && with_traits.size() < count)
    rv->flags.push_back("uses personality/trait words in " + std::to_string(with_traits.size()) +
                        " of " + std::to_string(count) + " reviews (" + NameList(with_traits) +
                        ") and none in the others");
  if (count >= 2 && max_spec - min_spec >= 0.5)
    rv->flags.push_back("specificity varies from " + Fixed(100 * min_spec, 0) + "% to " +
                        Fixed(100 * max_spec, 0) + "% between reviews");
}

// Per `reviewer:`, over the reviews they wrote (not self-reviews or improvement plans).
std::vector<ReviewerSummary> SummariseReviewers(const std::vector<ReviewReport>& reviews,
                                                const Group& group) {
  std::vector<ReviewerSummary> out;
  std::map<std::string, size_t> by_name;
  for (size_t i : group.reviews) {
    const std::string& name = reviews[i].reviewer;
    if (name.empty()) continue;
    auto [it, fresh] = by_name.emplace(name, out.size());
    if (fresh) out.push_back(ReviewerSummary{name, {}, 0, 0, 0, 0, 0, 0, 0, 0, {}});
    out[it->second].reviews.push_back(i);
  }
  for (ReviewerSummary& rv : out) SummariseReviewer(reviews, &rv);
  return out;
}

}  // namespace

std::optional<double> MetricValue(const ReviewReport& r, std::string_view metric) {
  if (metric == "specificity" && r.scorecard.evaluative == 0) return std::nullopt;
  for (const Metric& m : kMetrics)
    if (m.name == metric) return m.get(r);
  return std::nullopt;
}

const Stats& Group::Of(std::string_view metric) const {
  static const Stats kNone;
  for (const auto& [name, s] : distributions)
    if (name == metric) return s;
  return kNone;
}

const Group* FindGroup(const Report& report, std::string_view kind) {
  for (const Group& g : report.groups)
    if (g.kind == kind) return &g;
  return nullptr;
}

void Analyse(Report* report) {
  const std::vector<ReviewReport>& reviews = report->reviews;
  std::vector<size_t> ok = Linted(reviews);
  report->packs = PacksWithFindings(reviews, ok);
  report->groups = GroupByKind(reviews, ok);
  report->outliers = FindOutliers(reviews, report->groups);
  report->mismatches = RatingMismatches(reviews, ok);
  report->reviewers = SummariseReviewers(reviews, report->groups.front());
}

}  // namespace reviewlint::report
