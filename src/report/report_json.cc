// `reviewlint report --format json`: one object with reviews[], reviewers[], distributions,
// outliers[] and rating_mismatches[].
#include <cmath>

#include "report.h"

namespace reviewlint::report {
namespace {

double Round(double v, int digits) {
  double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

nlohmann::ordered_json DistributionsJson(const Distributions& distributions) {
  nlohmann::ordered_json dist = nlohmann::ordered_json::object();
  for (const auto& [name, s] : distributions)
    dist[name] = {{"n", s.n},
                  {"min", Round(s.min, 3)},
                  {"q1", Round(s.q1, 3)},
                  {"median", Round(s.median, 3)},
                  {"q3", Round(s.q3, 3)},
                  {"max", Round(s.max, 3)}};
  return dist;
}

}  // namespace

// A data table: the report's JSON contract, field by field in output order.
nlohmann::ordered_json ReportJson(const Report& report) {
  using J = nlohmann::ordered_json;
  J out = J::object();
  out["version"] = 1;
  out["notice"] = kNotice;
  out["redacted"] = report.redacted;
  J reviews = J::array();
  for (const ReviewReport& r : report.reviews) {
    J j = J::object();
    j["path"] = r.path;
    j["error"] = r.error.empty() ? J(nullptr) : J(r.error);
    j["kind"] = r.kind;
    j["employee"] = r.employee;
    j["reviewer"] = r.reviewer;
    j["rating"] = r.rating;
    j["rating_value"] = r.rating_value ? J(*r.rating_value) : J(nullptr);
    const Scorecard& sc = r.scorecard;
    j["rubric"] = sc.rubric;
    j["rubric_coverage"] = Round(sc.weighted_coverage, 1);
    J covered = J::array(), uncovered = J::array();
    for (const auto& c : sc.categories) (c.covered ? covered : uncovered).push_back(c.name);
    j["categories_covered"] = covered;
    j["categories_uncovered"] = uncovered;
    j["strengths"] = sc.positive;
    j["constructive"] = sc.constructive;
    j["evaluative"] = sc.evaluative;
    j["specific"] = sc.specific;
    j["specificity"] = Round(sc.specificity(), 3);
    J packs = J::object();
    for (const auto& [pack, n] : sc.findings_per_pack) packs[pack] = n;
    j["findings_per_pack"] = packs;
    j["findings"] = r.diagnostics.size();
    j["words"] = sc.words;
    j["sentences"] = sc.sentences;
    j["trait_words"] = r.trait_words;
    j["trait_words_per_1000"] = Round(r.PerThousand(r.trait_words), 2);
    j["hedges"] = r.hedges;
    j["hedges_per_1000"] = Round(r.PerThousand(r.hedges), 2);
    j["standout_words"] = r.standout;
    j["grindstone_words"] = r.grindstone;
    reviews.push_back(std::move(j));
  }
  out["reviews"] = std::move(reviews);

  J reviewers = J::array();
  for (const ReviewerSummary& rv : report.reviewers) {
    J j = J::object();
    j["name"] = rv.name;
    J paths = J::array();
    for (size_t i : rv.reviews) paths.push_back(report.reviews[i].path);
    j["reviews"] = paths;
    j["average"] = {{"rubric_coverage", Round(rv.coverage, 1)},
                    {"specificity", Round(rv.specificity, 3)},
                    {"words", Round(rv.words, 1)},
                    {"trait_words_per_1000", Round(rv.trait_per_1000, 2)},
                    {"hedges_per_1000", Round(rv.hedges_per_1000, 2)}};
    j["trait_words"] = rv.trait_words;
    j["standout_words"] = rv.standout;
    j["grindstone_words"] = rv.grindstone;
    j["flags"] = rv.flags;
    reviewers.push_back(std::move(j));
  }
  out["reviewers"] = std::move(reviewers);

  // Reviews' distributions, then those of every kind present (reviews included).
  out["distributions"] = DistributionsJson(report.groups.front().distributions);
  J by_kind = J::object();
  for (const Group& g : report.groups) by_kind[g.kind] = DistributionsJson(g.distributions);
  out["distributions_by_kind"] = std::move(by_kind);

  J outliers = J::array();
  for (const Outlier& o : report.outliers)
    outliers.push_back({{"path", o.path},
                        {"metric", o.metric},
                        {"value", Round(o.value, 3)},
                        {"reason", o.reason}});
  out["outliers"] = std::move(outliers);

  J mismatches = J::array();
  for (const RatingMismatch& m : report.mismatches)
    mismatches.push_back({{"path", m.path},
                          {"rating", m.rating},
                          {"rating_value", m.rating_value},
                          {"kind", m.kind},
                          {"reason", m.reason}});
  out["rating_mismatches"] = std::move(mismatches);
  return out;
}

}  // namespace reviewlint::report
