// `reviewlint report --html FILE`: one self-contained page. Inline CSS and inline SVG, no
// scripts and no external requests; every chart has a text equivalent, and colour is never the
// only signal (patterns, labels and numbers carry the same information).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "../source.h"
#include "format.h"
#include "html.h"
#include "report.h"

namespace reviewlint::report {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::string Num(double v) { return Fixed(v, 1); }

constexpr const char* kCss = R"(
:root{color-scheme:light}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:72rem;padding:1rem 1.5rem}
h1,h2,h3,h4{line-height:1.25}
.notice{border-left:4px solid #1f4e79;background:#eef4fa;padding:.5rem 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #8a8a8a;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.n,.cards td{text-align:right;font-variant-numeric:tabular-nums}
.cards td.l{text-align:left}
figure{margin:1rem 0}
svg{max-width:100%;height:auto}
.scroll{overflow-x:auto}
.scroll:focus{outline:3px solid #0b57d0}
figcaption{font-size:.9rem;color:#333}
svg text{font:12px system-ui,sans-serif;fill:#1a1a1a}
.review-text{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;border:1px solid #8a8a8a;padding:.75rem;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace}
mark{background:#fff0a8;color:#1a1a1a;border-bottom:2px dashed #6b4f00;padding:0 1px}
mark:focus{outline:3px solid #0b57d0;outline-offset:1px}
sup.ref{font-size:.7rem;color:#5a3d00;font-weight:bold}
.flag{font-weight:bold}
.flag::before{content:"\26A0  "}
a{color:#0b4fa8}
ul.flags li,ul.outliers li{margin:.25rem 0}
.muted{color:#444}
)";

struct PackStyle {
  const char* color;
  const char* pattern;  // SVG for the pattern's marks over the colour
};

// Distinct colours with distinct patterns, so a pack is told apart without colour.
constexpr PackStyle kPackStyles[] = {
    {"#1f77b4", ""},
    {"#ff7f0e", "<path d='M0,8 L8,0' stroke='#1a1a1a' stroke-width='1.2'/>"},
    {"#2ca02c", "<circle cx='4' cy='4' r='1.5' fill='#1a1a1a'/>"},
    {"#d62728", "<path d='M0,4 H8' stroke='#fff' stroke-width='1.5'/>"},
    {"#9467bd", "<path d='M4,0 V8' stroke='#fff' stroke-width='1.5'/>"},
    {"#8c564b", "<path d='M0,0 L8,8 M0,8 L8,0' stroke='#fff' stroke-width='1'/>"},
    {"#e377c2", "<rect x='2' y='2' width='3' height='3' fill='#1a1a1a'/>"},
    {"#7f7f7f", "<path d='M0,0 L8,8' stroke='#fff' stroke-width='1.2'/>"},
};

void CoverageChart(const Report& report, const std::vector<std::string>& labels,
                   std::ostream& out) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < report.reviews.size(); ++i)
    if (report.reviews[i].error.empty()) rows.push_back(i);
  const int row_h = 22, label_w = 260, bar_w = 380, top = 24;
  int h = top + int(rows.size()) * row_h + 10;
  out << "<figure><svg role='img' aria-labelledby='c1-t c1-d' width='720' height='" << h
      << "' viewBox='0 0 720 " << h << "'>"
      << "<title id='c1-t'>Rubric coverage per review</title>"
      << "<desc id='c1-d'>Horizontal bars: the percent of the rubric's weight each review gives "
         "evidence for, 0 to 100. The number is written after each bar.</desc>";
  for (int t = 0; t <= 100; t += 25) {
    int x = label_w + bar_w * t / 100;
    out << "<line x1='" << x << "' y1='" << top - 4 << "' x2='" << x << "' y2='" << h - 10
        << "' stroke='#bbb'/><text x='" << x << "' y='" << top - 8 << "' text-anchor='middle'>" << t
        << "%</text>";
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const ReviewReport& r = report.reviews[rows[i]];
    int y = top + int(i) * row_h;
    double c = std::clamp(r.scorecard.weighted_coverage, 0.0, 100.0);
    out << "<g><title>" << Esc(r.path) << ": " << Fixed(c, 0) << "% covered</title>"
        << "<text x='" << label_w - 6 << "' y='" << y + 15 << "' text-anchor='end'>"
        << Esc(labels[rows[i]]) << "</text><rect x='" << label_w << "' y='" << y + 3 << "' width='"
        << Fixed(bar_w * c / 100, 1) << "' height='" << row_h - 6 << "' fill='#1f4e79'/><text x='"
        << Fixed(label_w + bar_w * c / 100 + 4, 1) << "' y='" << y + 15 << "'>" << Fixed(c, 0)
        << "%</text></g>";
  }
  out << "</svg><figcaption>Rubric coverage per review (percent of the rubric's weight with "
         "evidence). The same numbers are in the table under \"Reviews\".</figcaption></figure>\n";
}

void PacksChart(const Report& report, const std::vector<std::string>& labels,
                std::ostream& out) {
  std::vector<size_t> rows;
  int max_total = 1;
  for (size_t i = 0; i < report.reviews.size(); ++i) {
    const ReviewReport& r = report.reviews[i];
    if (!r.error.empty()) continue;
    rows.push_back(i);
    int total = 0;
    for (const auto& p : report.packs) {
      auto it = r.scorecard.findings_per_pack.find(p);
      if (it != r.scorecard.findings_per_pack.end()) total += it->second;
    }
    max_total = std::max(max_total, total);
  }
  const int row_h = 22, label_w = 260, bar_w = 380,
            legend_h = 24 + 20 * int((report.packs.size() + 3) / 4);
  int h = legend_h + int(rows.size()) * row_h + 10;
  out << "<figure><svg role='img' aria-labelledby='c2-t c2-d' width='720' height='" << h
      << "' viewBox='0 0 720 " << h << "'><title id='c2-t'>Findings per pack per review</title>"
      << "<desc id='c2-d'>Stacked horizontal bars, one segment per rule pack, each pack with its "
         "own fill pattern shown in the legend; the total is written after each bar.</desc><defs>";
  for (size_t k = 0; k < report.packs.size(); ++k) {
    const PackStyle& s = kPackStyles[k % std::size(kPackStyles)];
    out << "<pattern id='pat" << k << "' width='8' height='8' patternUnits='userSpaceOnUse'>"
        << "<rect width='8' height='8' fill='" << s.color << "'/>" << s.pattern << "</pattern>";
  }
  out << "</defs>";
  for (size_t k = 0; k < report.packs.size(); ++k) {
    int x = 10 + int(k % 4) * 175, y = 8 + int(k / 4) * 20;
    out << "<rect x='" << x << "' y='" << y << "' width='16' height='14' fill='url(#pat" << k
        << ")' stroke='#1a1a1a'/><text x='" << x + 22 << "' y='" << y + 12 << "'>"
        << Esc(report.packs[k]) << "</text>";
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const ReviewReport& r = report.reviews[rows[i]];
    const std::string& label = labels[rows[i]];
    int y = legend_h + int(i) * row_h;
    out << "<g><text x='" << label_w - 6 << "' y='" << y + 15 << "' text-anchor='end'>"
        << Esc(label) << "</text>";
    double x = label_w;
    int total = 0;
    for (size_t k = 0; k < report.packs.size(); ++k) {
      auto it = r.scorecard.findings_per_pack.find(report.packs[k]);
      int n = it == r.scorecard.findings_per_pack.end() ? 0 : it->second;
      if (n <= 0) continue;
      double w = double(bar_w) * n / max_total;
      out << "<rect x='" << Fixed(x, 1) << "' y='" << y + 3 << "' width='" << Fixed(w, 1)
          << "' height='" << row_h - 6 << "' fill='url(#pat" << k
          << ")' stroke='#1a1a1a' stroke-width='.5'><title>" << Esc(label) << ": "
          << Esc(report.packs[k]) << " " << n << "</title></rect>";
      x += w;
      total += n;
    }
    out << "<text x='" << Fixed(x + 4, 1) << "' y='" << y + 15 << "'>" << total << "</text></g>";
  }
  out << "</svg><figcaption>Findings per rule pack (stacked). Per-pack counts are in the table "
         "under \"Reviews\".</figcaption></figure>\n";
}

void ScatterChart(const Report& report, std::ostream& out) {
  double max_words = 1;
  for (const auto& r : report.reviews)
    if (r.error.empty()) max_words = std::max(max_words, double(r.scorecard.words));
  max_words *= 1.08;
  const int left = 60, top = 20, w = 620, h = 300;
  out << "<figure><svg role='img' aria-labelledby='c3-t c3-d' width='720' height='" << h + 70
      << "' viewBox='0 0 720 " << h + 70 << "'><title id='c3-t'>Specificity against length</title>"
      << "<desc id='c3-d'>Scatter plot: each numbered point is a review (numbers as in the "
         "Reviews table); across, its length in words; up, the share of evaluative sentences "
         "with a concrete example or number.</desc>";
  out << "<rect x='" << left << "' y='" << top << "' width='" << w << "' height='" << h
      << "' fill='none' stroke='#555'/>";
  for (int t = 0; t <= 100; t += 25) {
    int y = top + h - h * t / 100;
    out << "<line x1='" << left << "' y1='" << y << "' x2='" << left + w << "' y2='" << y
        << "' stroke='#ddd'/><text x='" << left - 6 << "' y='" << y + 4 << "' text-anchor='end'>"
        << t << "%</text>";
  }
  for (int t = 0; t <= 4; ++t) {
    double v = max_words * t / 4;
    int x = left + w * t / 4;
    out << "<text x='" << x << "' y='" << top + h + 16 << "' text-anchor='middle'>" << Fixed(v, 0)
        << "</text>";
  }
  out << "<text x='" << left + w / 2 << "' y='" << top + h + 36
      << "' text-anchor='middle'>length (words)</text><text transform='translate(14," << top + h / 2
      << ") rotate(-90)' text-anchor='middle'>specificity</text>";
  for (size_t i = 0; i < report.reviews.size(); ++i) {
    const ReviewReport& r = report.reviews[i];
    if (!r.error.empty()) continue;
    double x = left + w * double(r.scorecard.words) / max_words;
    double y = top + h - h * r.scorecard.specificity();
    out << "<g><title>#" << i + 1 << " " << Esc(r.path) << ": " << r.scorecard.words
        << " words, specificity " << Share(r.scorecard.specific, r.scorecard.evaluative)
        << "</title><circle cx='" << Fixed(x, 1) << "' cy='" << Fixed(y, 1)
        << "' r='4' fill='#1f4e79'/><text x='" << Fixed(x + 6, 1) << "' y='" << Fixed(y - 4, 1)
        << "'>" << i + 1 << "</text></g>";
  }
  out << "</svg><figcaption>Specificity against length; numbers are review numbers."
         "</figcaption></figure>\n";
}

void ReviewText(const ReviewReport& r, size_t index, std::ostream& out) {
  LineIndex lines(r.text);
  std::vector<size_t> order;
  for (size_t k = 0; k < r.diagnostics.size(); ++k) order.push_back(k);
  // Highlights: span findings in order, skipping any that overlap one already highlighted.
  std::vector<size_t> marks;
  uint32_t reached = 0;
  for (size_t k : order) {
    const Diagnostic& d = r.diagnostics[k];
    if (d.scope != Scope::kSpan || d.span.begin >= d.span.end || d.span.end > r.text.size())
      continue;
    if (d.span.begin < reached) continue;
    marks.push_back(k);
    reached = d.span.end;
  }
  std::sort(marks.begin(), marks.end(), [&](size_t a, size_t b) {
    return r.diagnostics[a].span.begin < r.diagnostics[b].span.begin;
  });
  std::string id = std::to_string(index + 1);
  id.insert(0, 1, 'r');
  out << "<pre class='review-text' aria-label='Text of " << Esc(r.path) << "'>";
  size_t at = 0;
  for (size_t k : marks) {
    const Diagnostic& d = r.diagnostics[k];
    out << Esc(std::string_view(r.text).substr(at, d.span.begin - at));
    out << "<mark tabindex='0' title='" << Esc(d.rule + ": " + d.message) << "' aria-describedby='"
        << id << "-f" << k + 1 << "'>"
        << Esc(std::string_view(r.text).substr(d.span.begin, d.span.end - d.span.begin))
        << "</mark><sup class='ref'>[" << k + 1 << "]</sup>";
    at = d.span.end;
  }
  out << Esc(std::string_view(r.text).substr(at)) << "</pre>\n";
  out << "<h4>Findings (" << r.diagnostics.size() << ")</h4>\n";
  if (r.diagnostics.empty()) {
    out << "<p>None.</p>\n";
    return;
  }
  out << "<ol class='findings'>\n";
  for (size_t k = 0; k < r.diagnostics.size(); ++k) {
    const Diagnostic& d = r.diagnostics[k];
    Position p = lines.CodePointPosition(std::min<uint32_t>(d.span.begin, r.text.size()));
    out << "<li id='" << id << "-f" << k + 1 << "'>[" << k + 1 << "] <strong>"
        << SeverityName(d.severity) << "</strong> <code>" << Esc(d.rule) << "</code>"
        << (d.scope == Scope::kDocument ? " (whole review)"
                                        : " (line " + std::to_string(p.line) + ")")
        << ": " << Esc(d.message) << "</li>\n";
  }
  out << "</ol>\n";
}


void Header(const Report& report, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
         "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
         "<title>reviewlint team report</title>\n<style>"
      << kCss << "</style>\n</head>\n<body>\n<header>\n<h1>Team report</h1>\n";
  out << "<p class='notice'><strong>Note:</strong> " << Esc(kNotice) << "</p>\n";
  size_t linted = 0;
  for (const auto& r : report.reviews) linted += r.error.empty();
  out << "<p>" << Counted(report.reviews.size(), "review") << " (" << linted << " linted), "
      << Counted(report.reviewers.size(), "reviewer")
      << (report.redacted ? "; names redacted" : "") << ".</p>\n</header>\n<main>\n";
  out << "<nav aria-label='Contents'><ul><li><a href='#charts'>Charts</a></li>"
         "<li><a href='#outliers'>Outliers</a></li><li><a href='#ratings'>Rating alignment</a>"
         "</li><li><a href='#reviewers'>Reviewers</a></li><li><a href='#distributions'>"
         "Distributions</a></li><li><a href='#reviews'>Reviews</a></li></ul></nav>\n";
}

// One bar or point per draft for a few dozen drafts; distributions above that.
void Charts(const Report& report, size_t linted, const std::vector<std::string>& labels,
            std::ostream& out) {
  out << "<section aria-labelledby='charts'>\n<h2 id='charts'>Charts</h2>\n";
  if (linted <= kPerReviewChartsUpTo) {
    CoverageChart(report, labels, out);
    PacksChart(report, labels, out);
    ScatterChart(report, out);
  } else {
    out << "<p>" << linted << " drafts: each measure as a distribution, with the outliers "
        << "marked.</p>\n";
    DistributionCharts(report, labels, out);
    PackTotalsChart(report, out);
  }
  out << "</section>\n";
}

// A list of flagged drafts, at most `most` items, then how many more there are.
template <typename Item, typename Render>
void FlagList(const std::vector<Item>& items, size_t most, const char* none, Render render,
              std::ostream& out) {
  if (items.empty()) {
    out << "<p>" << none << "</p>\n";
    return;
  }
  out << "<ul class='outliers'>\n";
  for (size_t k = 0; k < items.size() && k < most; ++k) render(items[k]);
  out << "</ul>\n";
  if (items.size() > most)
    out << "<p>" << items.size() - most << " more: <code>reviewlint report --format json</code> "
        << "lists them all.</p>\n";
}

void Flags(const Report& report, size_t linted, std::ostream& out) {
  size_t most = linted <= kPerReviewChartsUpTo ? SIZE_MAX : kLargeReportFlags;
  out << "<section aria-labelledby='outliers'>\n<h2 id='outliers'>Outliers ("
      << report.outliers.size() << ")</h2>\n";
  FlagList(report.outliers, most, "None.", [&](const Outlier& o) {
    out << "<li class='flag' data-outlier='" << Esc(o.path + "|" + o.metric) << "'>"
        << Esc(o.path) << " <code>[" << Esc(o.metric) << "]</code>: " << Esc(o.reason)
        << "</li>\n";
  }, out);
  out << "</section>\n";

  out << "<section aria-labelledby='ratings'>\n<h2 id='ratings'>Rating alignment ("
      << report.mismatches.size() << ")</h2>\n";
  FlagList(report.mismatches, most, "No mismatches.", [&](const RatingMismatch& m) {
    out << "<li class='flag' data-mismatch='" << Esc(m.path + "|" + m.kind) << "'>" << Esc(m.path)
        << " <code>[" << Esc(m.kind) << "]</code>: " << Esc(m.reason) << "</li>\n";
  }, out);
  out << "</section>\n";
}

void Reviewers(const Report& report, std::ostream& out) {
  out << "<section aria-labelledby='reviewers'>\n<h2 id='reviewers'>Reviewers</h2>\n";
  if (report.reviewers.empty()) {
    out << "<p>No review names a reviewer in its front matter.</p>\n";
  } else {
    out << "<table><caption>Averages per review, by reviewer</caption><thead><tr>"
           "<th scope='col'>reviewer</th><th scope='col'>reviews</th><th scope='col'>coverage</th>"
           "<th scope='col'>specificity</th><th scope='col'>words</th><th scope='col'>trait words "
           "/1k</th><th scope='col'>hedges /1k</th><th scope='col'>standout / grindstone</th>"
           "<th scope='col'>flags</th></tr></thead><tbody>\n";
    for (const ReviewerSummary& rv : report.reviewers) {
      out << "<tr><th scope='row'>" << Esc(rv.name) << "</th><td class='n'>" << rv.reviews.size()
          << "</td><td class='n'>" << Fixed(rv.coverage, 0) << "%</td><td class='n'>"
          << Fixed(100 * rv.specificity, 0) << "%</td><td class='n'>" << Fixed(rv.words, 0)
          << "</td><td class='n'>" << Num(rv.trait_per_1000) << "</td><td class='n'>"
          << Num(rv.hedges_per_1000) << "</td><td class='n'>" << rv.standout << " / "
          << rv.grindstone << "</td><td>";
      if (rv.flags.empty())
        out << "none";
      else {
        out << "<ul class='flags'>";
        for (const auto& f : rv.flags) out << "<li class='flag'>" << Esc(f) << "</li>";
        out << "</ul>";
      }
      out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }
  out << "</section>\n";
}

void DistributionTables(const Report& report, std::ostream& out) {
  out << "<section aria-labelledby='distributions'>\n<h2 id='distributions'>Distributions</h2>\n";
  for (const Group& g : report.groups) {
    out << "<table><caption>Across " << KindPlural(g.kind)
        << "</caption><thead><tr><th scope='col'>metric</th>"
           "<th scope='col'>median</th><th scope='col'>Q1</th><th scope='col'>Q3</th>"
           "<th scope='col'>min</th><th scope='col'>max</th></tr></thead><tbody>\n";
    for (const auto& [name, s] : g.distributions) {
      int digits = name == "words" || name == "rubric_coverage" ? 0 : 2;
      out << "<tr><th scope='row'>" << Esc(name) << "</th>";
      for (const std::string& cell : StatsCells(s, digits)) out << "<td class='n'>" << cell << "</td>";
      out << "</tr>\n";
    }
    out << "</tbody></table>\n";
  }
  out << "</section>\n";
}

// One row per draft; the name links to its text when the page has it.
void ScorecardTable(const Report& report, const std::map<size_t, std::string>& texts,
                    const std::vector<std::string>& names, std::ostream& out) {
  bool kinds = report.groups.size() > 1;
  out << "<div class='scroll' role='region' aria-label='Scorecards' tabindex='0'>"
         "<table class='cards'><caption>Scorecards</caption><thead><tr><th scope='col'>#</th>"
         "<th scope='col'>review</th>"
      << (kinds ? "<th scope='col'>kind</th>" : "")
      << "<th scope='col'>reviewer</th><th scope='col'>rating</th>"
         "<th scope='col'>coverage</th><th scope='col'>strengths / constructive</th>"
         "<th scope='col'>specificity</th><th scope='col'>words</th><th scope='col'>trait words"
         "</th><th scope='col'>hedges</th><th scope='col'>standout / grindstone</th>"
         "<th scope='col'>findings per pack</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < report.reviews.size(); ++i) {
    const ReviewReport& r = report.reviews[i];
    out << "<tr><td>" << i + 1 << "</td><th scope='row'>";
    if (texts.count(i))
      out << "<a href='#r" << i + 1 << "'>" << Esc(names[i]) << "</a></th>";
    else
      out << Esc(names[i]) << "</th>";
    if (kinds) out << "<td class='l'>" << Esc(r.kind) << "</td>";
    if (!r.error.empty()) {
      out << "<td class='l' colspan='10'>error: " << Esc(r.error) << "</td></tr>\n";
      continue;
    }
    const Scorecard& sc = r.scorecard;
    std::string packs;
    for (const auto& [pack, n] : sc.findings_per_pack)
      if (n > 0) packs += (packs.empty() ? "" : ", ") + pack + " " + std::to_string(n);
    out << "<td class='l'>" << Esc(r.reviewer.empty() ? "-" : r.reviewer) << "</td><td class='l'>"
        << Esc(r.rating.empty() ? "-" : r.rating) << "</td><td>" << Fixed(sc.weighted_coverage, 0)
        << "%</td><td>" << sc.positive << " / " << sc.constructive << "</td><td>"
        << Share(sc.specific, sc.evaluative) << "</td><td>" << sc.words << "</td><td>"
        << r.trait_words << "</td><td>" << r.hedges << "</td><td>" << r.standout << " / "
        << r.grindstone << "</td><td class='l'>" << Esc(packs.empty() ? "none" : packs)
        << "</td></tr>\n";
  }
  out << "</tbody></table></div>\n";
}

void Article(const ReviewReport& r, size_t i, std::ostream& out) {
  out << "<article aria-labelledby='r" << i + 1 << "'>\n<h3 id='r" << i + 1 << "'>" << i + 1
      << ". " << Esc(r.path) << "</h3>\n";
  if (!r.error.empty()) {
    out << "<p>Not linted: " << Esc(r.error) << "</p>\n</article>\n";
    return;
  }
  const Scorecard& sc = r.scorecard;
  out << "<table><caption>Scorecard</caption><tbody>"
      << "<tr><th scope='row'>employee</th><td>" << Esc(r.employee.empty() ? "-" : r.employee)
      << "</td></tr><tr><th scope='row'>reviewer</th><td>"
      << Esc(r.reviewer.empty() ? "-" : r.reviewer)
      << "</td></tr><tr><th scope='row'>rating</th><td>" << Esc(r.rating.empty() ? "-" : r.rating)
      << "</td></tr><tr><th scope='row'>rubric " << Esc(sc.rubric) << "</th><td>"
      << Fixed(sc.weighted_coverage, 0) << "% of the weight covered";
  for (const auto& c : sc.categories)
    out << "<br>" << (c.covered ? "[x] covered: " : "[ ] no evidence: ") << Esc(c.name) << " ("
        << Fixed(c.weight, 0) << "%)";
  out << "</td></tr><tr><th scope='row'>balance</th><td>" << Counted(sc.positive, "strength")
      << ", " << sc.constructive << " constructive</td></tr><tr><th scope='row'>specificity</th>"
      << "<td>"
      << (sc.evaluative == 0 ? "-"
                             : std::to_string(sc.specific) + " of " +
                                   Counted(sc.evaluative, "evaluative sentence") + " concrete (" +
                                   Share(sc.specific, sc.evaluative) + ")")
      << "</td></tr><tr><th scope='row'>length</th><td>" << Counted(sc.words, "word") << ", "
      << Counted(sc.sentences, "sentence") << "</td></tr>"
      << "<tr><th scope='row'>word counts</th><td>" << Counted(r.trait_words, "trait word")
      << ", " << Counted(r.hedges, "hedge") << ", " << r.standout << " standout, "
      << r.grindstone << " grindstone</td></tr></tbody></table>\n";
  ReviewText(r, i, out);
  out << "</article>\n";
}

// The text of each draft the page shows, by index: all of a few dozen; above that, of the
// drafts flagged as outliers or rating mismatches, in order, the first kLargeReportTexts that
// fit in kLargeReportTextBytes.
std::map<size_t, std::string> Texts(const Report& report, size_t linted) {
  bool large = linted > kPerReviewChartsUpTo;
  std::set<std::string> flagged;
  for (const Outlier& o : report.outliers) flagged.insert(o.path);
  for (const RatingMismatch& m : report.mismatches) flagged.insert(m.path);
  std::map<size_t, std::string> texts;
  size_t bytes = 0;
  for (size_t i = 0; i < report.reviews.size(); ++i) {
    if (large && !flagged.count(report.reviews[i].path)) continue;
    std::ostringstream article;
    Article(report.reviews[i], i, article);
    std::string text = article.str();
    if (large && (texts.size() == kLargeReportTexts || bytes + text.size() > kLargeReportTextBytes))
      break;
    bytes += text.size();
    texts.emplace(i, std::move(text));
  }
  return texts;
}

// The scorecards, then the texts; a large report names drafts by their shortest unique path.
void Reviews(const Report& report, size_t linted, const std::vector<std::string>& labels,
             std::ostream& out) {
  out << "<section aria-labelledby='reviews'>\n<h2 id='reviews'>Reviews</h2>\n";
  std::map<size_t, std::string> texts = Texts(report, linted);
  std::vector<std::string> paths;
  for (const ReviewReport& r : report.reviews) paths.push_back(r.path);
  ScorecardTable(report, texts, linted <= kPerReviewChartsUpTo ? paths : labels, out);
  if (texts.size() < report.reviews.size())
    out << "<p>The text of " << Counted(texts.size(), "draft") << " flagged above (of "
        << report.reviews.size() << "); <code>reviewlint FILE</code> shows any other.</p>\n";
  for (const auto& [i, text] : texts) out << text;
  out << "</section>\n";
}

}  // namespace

void RenderReportHtml(const Report& report, std::ostream& out) {
  size_t linted = 0;
  std::vector<std::string> paths;
  for (const auto& r : report.reviews) {
    linted += r.error.empty();
    paths.push_back(r.path);
  }
  std::vector<std::string> labels = ShortestUniqueSuffixes(paths);
  Header(report, out);
  Charts(report, linted, labels, out);
  Flags(report, linted, out);
  Reviewers(report, out);
  DistributionTables(report, out);
  Reviews(report, linted, labels, out);
  out << "</main>\n<footer><p class='muted'>Generated by reviewlint. " << Esc(kNotice)
      << "</p></footer>\n</body>\n</html>\n";
}

}  // namespace reviewlint::report
