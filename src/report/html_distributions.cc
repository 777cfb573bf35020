// The charts of a large report: per group of drafts and per measure, a histogram and a box plot
// with the flagged outliers marked, and the findings per pack in total. Their size does not grow
// with the number of drafts (only with the number of flagged outliers).
#include <algorithm>
#include <map>

#include "format.h"
#include "html.h"

namespace reviewlint::report {
namespace {

struct Measure {
  const char* metric;   // the distribution's name
  const char* outlier;  // the Outlier::metric that flags it, or ""
  const char* title;
  double scale;  // shown value = value * scale
  int digits;
  const char* unit;
};

constexpr Measure kMeasures[] = {
    {"words", "length", "Length (words)", 1, 0, ""},
    {"rubric_coverage", "", "Rubric coverage", 1, 0, "%"},
    {"specificity", "specificity", "Specificity", 100, 0, "%"},
    {"trait_words_per_1000", "trait-words", "Trait words per 1,000 words", 1, 1, ""},
    {"hedges_per_1000", "hedges", "Hedges per 1,000 words", 1, 1, ""},
};

constexpr int kLeft = 60, kWidth = 620, kHistHeight = 120, kBins = 24;

struct Axis {
  double lo, hi;
  double X(double v) const { return kLeft + kWidth * (v - lo) / (hi - lo); }
};

std::string Shown(const Measure& m, double v) { return Fixed(v * m.scale, m.digits) + m.unit; }

void Histogram(const std::vector<double>& values, const Measure& m, const Axis& axis,
               std::ostream& out) {
  std::vector<int> bins(kBins, 0);
  for (double v : values) {
    int b = static_cast<int>((v - axis.lo) / (axis.hi - axis.lo) * kBins);
    ++bins[std::clamp(b, 0, kBins - 1)];
  }
  int most = std::max(1, *std::max_element(bins.begin(), bins.end()));
  out << "<text x='" << kLeft - 6 << "' y='16' text-anchor='end'>" << most << "</text><text x='"
      << kLeft - 6 << "' y='" << 10 + kHistHeight << "' text-anchor='end'>0</text>";
  double bw = double(kWidth) / kBins;
  for (int b = 0; b < kBins; ++b) {
    if (bins[b] == 0) continue;
    double h = double(kHistHeight) * bins[b] / most;
    double from = axis.lo + (axis.hi - axis.lo) * b / kBins;
    double to = axis.lo + (axis.hi - axis.lo) * (b + 1) / kBins;
    out << "<rect x='" << Fixed(kLeft + b * bw, 1) << "' y='" << Fixed(10 + kHistHeight - h, 1)
        << "' width='" << Fixed(bw - 1, 1) << "' height='" << Fixed(h, 1)
        << "' fill='#1f4e79'><title>" << Shown(m, from) << " to " << Shown(m, to) << ": "
        << Counted(bins[b], "draft") << "</title></rect>";
  }
}

// Whiskers reach the furthest values within 1.5 IQR of the quartiles.
void BoxPlot(const std::vector<double>& values, const Stats& s, const Axis& axis, int y,
             std::ostream& out) {
  double low = s.max, high = s.min;
  for (double v : values) {
    if (v >= s.q1 - 1.5 * s.iqr()) low = std::min(low, v);
    if (v <= s.q3 + 1.5 * s.iqr()) high = std::max(high, v);
  }
  auto x = [&](double v) { return Fixed(axis.X(v), 1); };
  out << "<line x1='" << x(low) << "' y1='" << y << "' x2='" << x(high) << "' y2='" << y
      << "' stroke='#1a1a1a'/><rect x='" << x(s.q1) << "' y='" << y - 10 << "' width='"
      << Fixed(std::max(1.0, axis.X(s.q3) - axis.X(s.q1)), 1)
      << "' height='20' fill='#eef4fa' stroke='#1a1a1a'/><line x1='" << x(s.median) << "' y1='"
      << y - 10 << "' x2='" << x(s.median) << "' y2='" << y + 10
      << "' stroke='#1a1a1a' stroke-width='3'/>";
}

void AxisTicks(const Measure& m, const Axis& axis, int y, std::ostream& out) {
  for (int t = 0; t <= 4; ++t) {
    double v = axis.lo + (axis.hi - axis.lo) * t / 4;
    out << "<text x='" << Fixed(axis.X(v), 1) << "' y='" << y << "' text-anchor='middle'>"
        << Shown(m, v) << "</text>";
  }
}

struct Flagged {
  double value;
  std::string title;
};

void MeasureChart(const Group& g, const Measure& m, const std::vector<double>& values,
                  const std::vector<Flagged>& flagged, int number, std::ostream& out) {
  const Stats& s = g.Of(m.metric);
  Axis axis{s.min, s.max > s.min ? s.max : s.min + 1};
  const int box_y = kHistHeight + 40, h = kHistHeight + 90;
  std::string id = "d" + std::to_string(number);
  std::string what = std::string(m.title) + " across " + KindPlural(g.kind);
  out << "<figure><svg role='img' aria-labelledby='" << id << "-t " << id
      << "-d' width='720' height='" << h << "' viewBox='0 0 720 " << h << "'><title id='" << id
      << "-t'>" << Esc(what) << "</title><desc id='" << id
      << "-d'>Histogram of the drafts' values in " << kBins
      << " equal ranges, and below it a box plot: the box spans the quartiles, the thick line "
         "is the median, the whiskers reach the furthest values within 1.5 IQR, and each dot "
         "is a draft flagged as an outlier for this measure.</desc>";
  Histogram(values, m, axis, out);
  BoxPlot(values, s, axis, box_y, out);
  for (const Flagged& f : flagged)
    out << "<circle cx='" << Fixed(axis.X(f.value), 1) << "' cy='" << box_y
        << "' r='4' fill='#d62728' stroke='#1a1a1a'><title>" << Esc(f.title) << "</title></circle>";
  AxisTicks(m, axis, box_y + 34, out);
  out << "</svg><figcaption>" << Esc(what) << " (" << Counted(values.size(), "draft")
      << "): median " << Shown(m, s.median) << ", quartiles " << Shown(m, s.q1) << " to "
      << Shown(m, s.q3) << ", range " << Shown(m, s.min) << " to " << Shown(m, s.max);
  if (*m.outlier)
    out << "; " << Counted(flagged.size(), "outlier") << " marked (listed under "
        << "\"Outliers\")";
  out << ".</figcaption></figure>\n";
}

}  // namespace

void DistributionCharts(const Report& report, const std::vector<std::string>& labels,
                        std::ostream& out) {
  int figures = 0;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < report.reviews.size(); ++i) index.emplace(report.reviews[i].path, i);
  for (const Group& g : report.groups) {
    if (g.reviews.empty()) continue;
    out << "<h3>" << Esc(KindPlural(g.kind)) << " (" << g.reviews.size() << ")</h3>\n";
    for (const Measure& m : kMeasures) {
      std::vector<double> values;
      for (size_t i : g.reviews)
        if (auto v = MetricValue(report.reviews[i], m.metric)) values.push_back(*v);
      if (values.empty()) continue;
      std::vector<Flagged> flagged;
      for (const Outlier& o : report.outliers) {
        auto at = index.find(o.path);
        if (o.metric != m.outlier || at == index.end() || report.reviews[at->second].kind != g.kind)
          continue;
        flagged.push_back({o.value, labels[at->second] + ": " + o.reason});
      }
      MeasureChart(g, m, values, flagged, ++figures, out);
    }
  }
}

void PackTotalsChart(const Report& report, std::ostream& out) {
  std::vector<long long> findings(report.packs.size(), 0), drafts(report.packs.size(), 0);
  for (const ReviewReport& r : report.reviews) {
    if (!r.error.empty()) continue;
    for (size_t k = 0; k < report.packs.size(); ++k) {
      auto it = r.scorecard.findings_per_pack.find(report.packs[k]);
      if (it == r.scorecard.findings_per_pack.end() || it->second <= 0) continue;
      findings[k] += it->second;
      ++drafts[k];
    }
  }
  long long most = 1;
  for (long long n : findings) most = std::max(most, n);
  const int row_h = 22, label_w = 160, bar_w = 380, h = 10 + int(report.packs.size()) * row_h;
  out << "<figure><svg role='img' aria-labelledby='p-t p-d' width='720' height='" << h
      << "' viewBox='0 0 720 " << h << "'><title id='p-t'>Findings per pack, all drafts</title>"
      << "<desc id='p-d'>Horizontal bars, one per rule pack: its findings over all drafts; the "
         "number and how many drafts have any are written after each bar.</desc>";
  for (size_t k = 0; k < report.packs.size(); ++k) {
    int y = 5 + int(k) * row_h;
    double w = double(bar_w) * double(findings[k]) / double(most);
    out << "<text x='" << label_w - 6 << "' y='" << y + 15 << "' text-anchor='end'>"
        << Esc(report.packs[k]) << "</text><rect x='" << label_w << "' y='" << y + 3 << "' width='"
        << Fixed(w, 1) << "' height='" << row_h - 6 << "' fill='#1f4e79'/><text x='"
        << Fixed(label_w + w + 4, 1) << "' y='" << y + 15 << "'>" << findings[k] << " in "
        << Counted(drafts[k], "draft") << "</text>";
  }
  out << "</svg><figcaption>Findings per rule pack over all drafts.</figcaption></figure>\n";
}

}  // namespace reviewlint::report
