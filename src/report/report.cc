// Team report: linting every review, measuring it, and comparing the measures across reviews.
#include "report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "../config.h"
#include "../emit/emitter.h"
#include "../engine.h"
#include "../files.h"
#include "../markup/markup.h"
#include "../parallel.h"
#include "../people.h"
#include "../rule_pack.h"
#include "../source.h"

namespace reviewlint::report {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::u32string> FoldedDictionary(const std::string& name) {
  std::vector<std::u32string> out;
  if (auto text = DataStore::Embedded("dictionaries/" + name + ".txt"))
    for (const std::string& entry : ParseDictionary(*text)) out.push_back(Fold(entry));
  return out;
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::optional<int> ParseRating(std::string_view rating) {
  std::string r = Lower(Unquote(rating));
  if (r.empty()) return std::nullopt;
  if (r[0] >= '0' && r[0] <= '9') {
    double v = std::atof(r.c_str());
    int rounded = static_cast<int>(std::lround(v));
    if (rounded >= 1 && rounded <= 5) return rounded;
    return std::nullopt;
  }
  static const std::pair<const char*, int> kWords[] = {
      {"unsatisfactory", 1}, {"does not meet", 2}, {"needs improvement", 2}, {"below", 2},
      {"exceeds", 4},        {"meets", 3},         {"outstanding", 5},       {"exceptional", 5},
  };
  for (const auto& [word, value] : kWords)
    if (r.find(word) != std::string::npos) return value;
  return std::nullopt;
}

Stats Describe(std::vector<double> values) {
  Stats s;
  s.n = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    double pos = q * double(values.size() - 1);
    size_t lo = static_cast<size_t>(std::floor(pos));
    size_t hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - double(lo));
  };
  s.min = values.front();
  s.max = values.back();
  s.q1 = at(0.25);
  s.median = at(0.5);
  s.q3 = at(0.75);
  return s;
}

void Analyse(Report* report) {
  auto& reviews = report->reviews;
  std::vector<size_t> ok;
  for (size_t i = 0; i < reviews.size(); ++i)
    if (reviews[i].error.empty()) ok.push_back(i);

  std::set<std::string> packs;
  for (size_t i : ok)
    for (const auto& [pack, n] : reviews[i].scorecard.findings_per_pack)
      if (n > 0) packs.insert(pack);
  report->packs.assign(packs.begin(), packs.end());

  // Distributions.
  struct Metric {
    const char* name;
    double (*get)(const ReviewReport&);
  };
  static const Metric kMetrics[] = {
      {"words", [](const ReviewReport& r) { return double(r.scorecard.words); }},
      {"rubric_coverage", [](const ReviewReport& r) { return r.scorecard.weighted_coverage; }},
      {"specificity", [](const ReviewReport& r) { return r.scorecard.specificity(); }},
      {"trait_words_per_1000", [](const ReviewReport& r) { return r.PerThousand(r.trait_words); }},
      {"hedges_per_1000", [](const ReviewReport& r) { return r.PerThousand(r.hedges); }},
      {"standout_words", [](const ReviewReport& r) { return double(r.standout); }},
      {"grindstone_words", [](const ReviewReport& r) { return double(r.grindstone); }},
  };
  report->distributions.clear();
  for (const Metric& m : kMetrics) {
    std::vector<double> values;
    for (size_t i : ok)
      if (std::string_view(m.name) != "specificity" || reviews[i].scorecard.evaluative > 0)
        values.push_back(m.get(reviews[i]));
    report->distributions.emplace_back(m.name, Describe(values));
  }
  auto stats = [&](std::string_view name) -> const Stats& {
    for (const auto& [n, s] : report->distributions)
      if (n == name) return s;
    return report->distributions.front().second;
  };

  // Outliers: only meaningful with a handful of reviews to compare.
  report->outliers.clear();
  if (ok.size() >= 4) {
    const Stats& words = stats("words");
    const Stats& spec = stats("specificity");
    const Stats& traits = stats("trait_words_per_1000");
    const Stats& hedges = stats("hedges_per_1000");
    for (size_t i : ok) {
      const ReviewReport& r = reviews[i];
      double w = double(r.scorecard.words);
      std::string median = Fixed(words.median, 0);
      if (words.median > 0 && w > 2 * words.median)
        report->outliers.push_back({r.path, "length", w,
                                    Fixed(w, 0) + " words, over twice the median (" + median +
                                        "); " + Fixed(w / words.median, 1) + "x"});
      else if (words.median > 0 && w < 0.5 * words.median)
        report->outliers.push_back(
            {r.path, "length", w, Fixed(w, 0) + " words, under half the median (" + median + ")"});
      else if (w > words.q3 + 1.5 * words.iqr() || w < words.q1 - 1.5 * words.iqr())
        report->outliers.push_back({r.path, "length", w,
                                    Fixed(w, 0) + " words, beyond 1.5 IQR of the quartiles (" +
                                        Fixed(words.q1, 0) + "-" + Fixed(words.q3, 0) + ")"});
      if (r.scorecard.evaluative > 0) {
        double s = r.scorecard.specificity();
        if (s < spec.q1 - 1.5 * spec.iqr() || (spec.median > 0 && s < 0.5 * spec.median))
          report->outliers.push_back(
              {r.path, "specificity", s,
               "specificity " + Fixed(100 * s, 0) + "% (" + std::to_string(r.scorecard.specific) +
                   " of " + std::to_string(r.scorecard.evaluative) +
                   " evaluative sentences concrete), well below the median " +
                   Fixed(100 * spec.median, 0) + "%"});
      }
      double t = r.PerThousand(r.trait_words);
      if (r.trait_words > 0 && t > traits.q3 + 1.5 * traits.iqr())
        report->outliers.push_back({r.path, "trait-words", t,
                                    std::to_string(r.trait_words) + " personality/trait words (" +
                                        Fixed(t, 1) + " per 1,000 words; median " +
                                        Fixed(traits.median, 1) + ")"});
      double h = r.PerThousand(r.hedges);
      if (r.hedges >= 2 && h > hedges.q3 + 1.5 * hedges.iqr())
        report->outliers.push_back({r.path, "hedges", h,
                                    std::to_string(r.hedges) + " hedges (" + Fixed(h, 1) +
                                        " per 1,000 words; median " + Fixed(hedges.median, 1) +
                                        ")"});
      if (r.grindstone >= 2 && r.grindstone > 2 * r.standout)
        report->outliers.push_back({r.path, "grindstone", double(r.grindstone),
                                    std::to_string(r.grindstone) +
                                        " grindstone words (hardworking, diligent...) against " +
                                        std::to_string(r.standout) +
                                        " standout words (exceptional, brilliant...)"});
    }
  }

  // Rating alignment.
  report->mismatches.clear();
  for (size_t i : ok) {
    const ReviewReport& r = reviews[i];
    if (!r.rating_value) continue;
    int v = *r.rating_value;
    const Scorecard& sc = r.scorecard;
    if (v >= 4 && sc.constructive > sc.positive)
      report->mismatches.push_back({r.path, r.rating, v, "top-rating-mostly-constructive",
                                    "rating " + std::to_string(v) +
                                        " but the narrative is mostly constructive (" +
                                        std::to_string(sc.constructive) + " constructive, " +
                                        std::to_string(sc.positive) + " strengths)"});
    if (v >= 4 && sc.specificity() < 0.3)
      report->mismatches.push_back(
          {r.path, r.rating, v, "top-rating-vague",
           "rating " + std::to_string(v) + " but the narrative is mostly vague (specificity " +
               Fixed(100 * sc.specificity(), 0) + "%, " + std::to_string(r.hedges) + " hedges)"});
    if (v <= 2 && sc.constructive == 0)
      report->mismatches.push_back(
          {r.path, r.rating, v, "low-rating-no-constructive",
           "rating " + std::to_string(v) +
               " but the review gives no constructive feedback to act on"});
  }

  // Reviewers.
  report->reviewers.clear();
  std::map<std::string, size_t> by_name;
  for (size_t i : ok) {
    const std::string& name = reviews[i].reviewer;
    if (name.empty()) continue;
    auto [it, fresh] = by_name.emplace(name, report->reviewers.size());
    if (fresh) report->reviewers.push_back(ReviewerSummary{name, {}, 0, 0, 0, 0, 0, 0, 0, 0, {}});
    report->reviewers[it->second].reviews.push_back(i);
  }
  for (ReviewerSummary& rv : report->reviewers) {
    double n = double(rv.reviews.size());
    int with_traits = 0;
    double min_spec = 1, max_spec = 0;
    std::vector<std::string> trait_names;
    for (size_t i : rv.reviews) {
      const ReviewReport& r = reviews[i];
      rv.coverage += r.scorecard.weighted_coverage / n;
      rv.specificity += r.scorecard.specificity() / n;
      rv.words += double(r.scorecard.words) / n;
      rv.trait_per_1000 += r.PerThousand(r.trait_words) / n;
      rv.hedges_per_1000 += r.PerThousand(r.hedges) / n;
      rv.trait_words += r.trait_words;
      rv.standout += r.standout;
      rv.grindstone += r.grindstone;
      if (r.trait_words > 0) {
        ++with_traits;
        trait_names.push_back(r.employee.empty() ? r.path : r.employee);
      }
      if (r.scorecard.evaluative > 0) {
        min_spec = std::min(min_spec, r.scorecard.specificity());
        max_spec = std::max(max_spec, r.scorecard.specificity());
      }
    }
    if (rv.reviews.size() >= 2 && with_traits > 0 && with_traits < int(rv.reviews.size())) {
      std::string who;
      for (const auto& t : trait_names) who += (who.empty() ? "" : ", ") + t;
      rv.flags.push_back("uses personality/trait words in " + std::to_string(with_traits) + " of " +
                         std::to_string(rv.reviews.size()) + " reviews (" + who +
                         ") and none in the others");
    }
    if (rv.reviews.size() >= 2 && max_spec - min_spec >= 0.5)
      rv.flags.push_back("specificity varies from " + Fixed(100 * min_spec, 0) + "% to " +
                         Fixed(100 * max_spec, 0) + "% between reviews");
  }
}

bool BuildReport(const ReportOptions& options, Report* report, std::vector<std::string>* errors) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(".");
  // Files, configuration and engine exactly as the lint command sets them up, so a team's
  // packs, rubric files and rule levels apply here too.
  LintSetup setup;
  setup.inputs = CollectFiles(paths);
  std::unique_ptr<Engine> engine;
  if (LoadConfigs(options.setup, &setup, errors))
    engine = BuildEngine(options.setup, setup, errors);
  if (!engine) return false;
  DropIgnored(&setup);
  const std::vector<InputFile>& inputs = setup.inputs;
  const std::vector<const Config*>& configs = setup.configs;

  struct Input {
    std::string path, bytes, error;
    const Markup* markup = nullptr;
    const Config* config = nullptr;
    People people;
  };
  std::vector<Input> files;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Input in;
    in.path = inputs[i].path;
    in.config = configs[i];
    in.error = inputs[i].error;
    if (in.error.empty() && ReadInput(in.path, &in.bytes, &in.error)) {
      if (auto bad = CheckInput(in.bytes)) in.error = bad->message;
    }
    in.markup = MarkupForPath(in.path);
    if (!in.markup) in.markup = MarkupByName(in.path == "-" ? "markdown" : "text");
    if (in.error.empty()) {
      SourceFile probe(in.path, in.bytes);
      MarkupResult m = in.markup->scan(probe.text(), probe.content_begin());
      in.people = FrontMatterPeople(m);
    }
    files.push_back(std::move(in));
  }
  if (files.empty()) {
    errors->push_back("no reviews found in " + paths.front());
    return false;
  }

  // Stable tokens: people in the order the files name them.
  Redactor redactor;
  if (options.redact) {
    std::vector<People> people;
    for (const Input& in : files) people.push_back(in.people);
    redactor = PeopleRedactor(people, options.redact_names);
  }
  report->redacted = options.redact;

  const std::vector<std::u32string> standout = FoldedDictionary("en/standout-words");
  const std::vector<std::u32string> grindstone = FoldedDictionary("en/grindstone-words");
  // Each review is linted and measured on its own, so they run in parallel; the results land in
  // file order.
  report->reviews.resize(files.size());
  ParallelFor(*engine, files.size(), options.jobs, [&](Workspace& ws, size_t i) {
    Input& in = files[i];
    ReviewReport& r = report->reviews[i];
    r.path = options.redact ? redactor.ApplyToPath(in.path) : in.path;
    if (!in.error.empty()) {
      r.error = options.redact ? redactor.Apply(in.error) : in.error;
      return;
    }
    // Lint the original text, so that a token ("Person-1") never counts as a number; then
    // redact the text, the spans and the messages.
    SourceFile source(in.path, std::move(in.bytes));
    FilePolicy policy;
    if (in.config) policy = PolicyFor(*in.config, in.path);
    // The parsed document's markup gives the front matter and prose: no second scan.
    Document doc = engine->Parse(source, *in.markup, ws);
    LintResult lint = engine->Lint(doc, ws, &policy);
    const MarkupResult& m = doc.markup;
    r.employee = in.people.reviewee;
    r.reviewer = in.people.reviewer;
    r.rating = Unquote(m.FrontMatter("rating"));
    r.rating_value = ParseRating(r.rating);
    r.error = lint.error;
    r.scorecard = std::move(lint.scorecard);
    r.diagnostics = std::move(lint.diagnostics);
    for (const Diagnostic& d : r.diagnostics) {
      if (d.rule == "bias.personality") ++r.trait_words;
      if (d.rule == "vagueness.hedge") ++r.hedges;
    }
    r.standout = static_cast<int>(FindWholeWords(m.prose, standout).size());
    r.grindstone = static_cast<int>(FindWholeWords(m.prose, grindstone).size());
    if (options.redact) {
      std::vector<Redactor::Edit> edits;
      r.text = redactor.Apply(source.text(), &edits);
      r.employee = redactor.Apply(r.employee);
      r.reviewer = redactor.Apply(r.reviewer);
      r.rating = redactor.Apply(r.rating);
      r.error = redactor.Apply(r.error);
      for (Diagnostic& d : r.diagnostics) {
        d.message = redactor.Apply(d.message);
        d.span.begin = static_cast<uint32_t>(Redactor::MapOffset(edits, d.span.begin, false));
        d.span.end = static_cast<uint32_t>(Redactor::MapOffset(edits, d.span.end, true));
        d.fixes.clear();
        d.data = nlohmann::json::object();
      }
    } else {
      r.text = std::string(source.text());
    }
  });
  Analyse(report);
  return true;
}

int RunReport(const ReportOptions& options, const std::string& format,
              const std::string& html_path) {
  Report report;
  std::vector<std::string> errors;
  if (!BuildReport(options, &report, &errors)) {
    for (const auto& e : errors) std::cerr << "reviewlint: error: " << e << "\n";
    return 2;
  }
  if (format == "json")
    std::cout << ReportJson(report).dump(2) << "\n";
  else
    RenderReportText(report, std::cout);
  bool failed = false;
  if (!html_path.empty()) {
    std::ofstream out(html_path, std::ios::binary);
    RenderReportHtml(report, out);
    out.close();
    if (!out) {
      std::cerr << "reviewlint: error: " << html_path << ": cannot write\n";
      failed = true;
    }
  }
  for (const ReviewReport& r : report.reviews)
    if (!r.error.empty()) {
      std::cerr << r.path << ": error: " << r.error << "\n";
      failed = true;
    }
  return failed ? 2 : 0;
}

}  // namespace reviewlint::report
