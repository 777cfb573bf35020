// `reviewlint report` as a readable table (the default format).
#include "format.h"
#include "report.h"

namespace reviewlint::report {
namespace {

// Display width in code points (good enough for names with accents).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string Pad(const std::string& s, size_t width, bool right = false) {
  size_t w = Width(s);
  if (w >= width) return s;
  std::string fill(width - w, ' ');
  return right ? fill + s : s + fill;
}

void Table(const std::vector<std::vector<std::string>>& rows, size_t first_right, size_t last_right,
           std::ostream& out) {
  std::vector<size_t> widths;
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], Width(row[c]));
    }
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c) {
      line += ' ';
      line += Pad(row[c], widths[c], c >= first_right && c <= last_right);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

}  // namespace

void RenderReportText(const Report& report, std::ostream& out) {
  size_t linted = 0;
  for (const auto& r : report.reviews) linted += r.error.empty();
  out << "reviewlint report: " << Counted(report.reviews.size(), "review") << " (" << linted
      << " linted), " << Counted(report.reviewers.size(), "reviewer")
      << (report.redacted ? ", names redacted" : "") << "\n";
  out << kNotice << "\n\n";

  out << "Reviews\n";
  // The kind of each draft, when they are not all reviews.
  bool kinds = report.groups.size() > 1;
  std::vector<std::vector<std::string>> rows = {
      {"review", "reviewer", "rating", "coverage", "strengths/constructive", "specificity", "words",
       "traits/1k", "hedges/1k", "standout/grindstone", "findings per pack"}};
  if (kinds) rows[0].push_back("kind");
  for (const ReviewReport& r : report.reviews) {
    if (!r.error.empty()) {
      rows.push_back({r.path, "error: " + r.error});
      continue;
    }
    const Scorecard& sc = r.scorecard;
    std::string packs;
    for (const auto& [pack, n] : sc.findings_per_pack)
      if (n > 0) packs += (packs.empty() ? "" : " ") + pack + " " + std::to_string(n);
    rows.push_back(
        {r.path, r.reviewer.empty() ? "-" : r.reviewer,
         r.rating_value ? std::to_string(*r.rating_value) : (r.rating.empty() ? "-" : "?"),
         Fixed(sc.weighted_coverage, 0) + "%",
         std::to_string(sc.positive) + "/" + std::to_string(sc.constructive),
         Share(sc.specific, sc.evaluative), std::to_string(sc.words),
         Fixed(r.PerThousand(r.trait_words), 1), Fixed(r.PerThousand(r.hedges), 1),
         std::to_string(r.standout) + "/" + std::to_string(r.grindstone),
         packs.empty() ? "-" : packs});
    if (kinds) rows.back().push_back(r.kind);
  }
  Table(rows, 3, 9, out);

  for (const Group& g : report.groups) {
    out << "\nDistributions across " << KindPlural(g.kind)
        << " (median, quartiles Q1-Q3, range)\n";
    rows = {{"metric", "median", "Q1", "Q3", "min", "max"}};
    for (const auto& [name, s] : g.distributions) {
      int digits =
          name == "words" || name == "rubric_coverage" ? 0 : (name == "specificity" ? 2 : 1);
      rows.push_back({name});
      for (std::string& cell : StatsCells(s, digits)) rows.back().push_back(std::move(cell));
    }
    Table(rows, 1, 5, out);
  }

  out << "\nOutliers (" << report.outliers.size() << ")\n";
  if (report.outliers.empty()) out << "  none\n";
  for (const Outlier& o : report.outliers)
    out << "  outlier " << o.path << " [" << o.metric << "]: " << o.reason << "\n";

  out << "\nRating alignment (" << report.mismatches.size() << ")\n";
  if (report.mismatches.empty()) out << "  no mismatches\n";
  for (const RatingMismatch& m : report.mismatches)
    out << "  mismatch " << m.path << " [" << m.kind << "]: " << m.reason << "\n";

  out << "\nReviewers (averages per review)\n";
  if (report.reviewers.empty()) out << "  no review names a reviewer in its front matter\n";
  for (const ReviewerSummary& rv : report.reviewers) {
    out << "  " << rv.name << ": " << Counted(rv.reviews.size(), "review") << ", coverage "
        << Fixed(rv.coverage, 0) << "%, specificity " << Fixed(100 * rv.specificity, 0) << "%, "
        << Fixed(rv.words, 0) << " words, trait words " << Fixed(rv.trait_per_1000, 1)
        << "/1k, hedges " << Fixed(rv.hedges_per_1000, 1) << "/1k, standout/grindstone "
        << rv.standout << "/" << rv.grindstone << "\n";
    for (const std::string& f : rv.flags) out << "    flag: " << f << "\n";
  }
}

}  // namespace reviewlint::report
