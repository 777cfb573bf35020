// Team report: linting every review, measuring it, and comparing the measures across reviews.
#include "report.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "../config.h"
#include "../emit/emitter.h"
#include "../engine.h"
#include "../files.h"
#include "../markup/markup.h"
#include "../parallel.h"
#include "../people.h"
#include "../required_names.h"
#include "../rule_pack.h"
#include "../source.h"
#include "format.h"

namespace reviewlint::report {
namespace {

std::vector<std::u32string> FoldedDictionary(const std::string& name) {
  std::vector<std::u32string> out;
  if (auto text = DataStore::Embedded("dictionaries/" + name + ".txt"))
    for (const std::string& entry : ParseDictionary(*text)) out.push_back(Fold(entry));
  return out;
}

}  // namespace

std::optional<int> ParseRating(std::string_view rating) {
  std::string r = AsciiLower(Unquote(rating));
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

namespace {

// One review file as read: its bytes (or why it could not be read), markup, config and people.
struct Input {
  std::string path, bytes, error;
  const Markup* markup = nullptr;
  const Config* config = nullptr;
  People people;
};

// Files, configuration and engine exactly as the lint command sets them up, so a team's
// packs, rubric files and rule levels apply here too.
std::unique_ptr<Engine> SetUpLint(const ReportOptions& options,
                                  const std::vector<std::string>& paths, LintSetup* setup,
                                  std::vector<std::string>* errors) {
  setup->inputs = CollectFiles(paths);
  std::unique_ptr<Engine> engine;
  if (LoadConfigs(options.setup, setup, errors))
    engine = BuildEngine(options.setup, *setup, errors);
  if (!engine) return nullptr;
  DropIgnored(setup);
  return engine;
}

// Reads every input and its front matter's people; a file that cannot be read keeps its error.
std::vector<Input> ReadInputs(const LintSetup& setup) {
  const std::vector<InputFile>& inputs = setup.inputs;
  const std::vector<const Config*>& configs = setup.configs;
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
  return files;
}

// Stable tokens: people in the order the files name them.
Redactor MakeRedactor(const ReportOptions& options, const std::vector<Input>& files) {
  Redactor redactor;
  if (!options.redact) return redactor;
  std::vector<People> people;
  for (const Input& in : files) people.push_back(in.people);
  return PeopleRedactor(people, options.redact_names);
}

// Redacts the review's text, people, rating, error and diagnostics (spans mapped onto the
// redacted text; fixes and data dropped, since they quote the original).
void RedactReview(const Redactor& redactor, std::string_view text, ReviewReport* r) {
  std::vector<Redactor::Edit> edits;
  r->text = redactor.Apply(text, &edits);
  r->employee = redactor.Apply(r->employee);
  r->reviewer = redactor.Apply(r->reviewer);
  r->rating = redactor.Apply(r->rating);
  r->error = redactor.Apply(r->error);
  for (Diagnostic& d : r->diagnostics) {
    d.message = redactor.Apply(d.message);
    d.span.begin = static_cast<uint32_t>(Redactor::MapOffset(edits, d.span.begin, false));
    d.span.end = static_cast<uint32_t>(Redactor::MapOffset(edits, d.span.end, true));
    d.fixes.clear();
    d.data = nlohmann::json::object();
  }
}

struct WordLists {
  std::vector<std::u32string> standout, grindstone;
};

// Lints one review and measures it: people, rating, kind, scorecard, trait words, hedges and
// word-list counts.
void LintAndMeasure(const Engine& engine, Workspace& ws, const ReportOptions& options,
                    const Redactor& redactor, const WordLists& words, Input& in, ReviewReport* r) {
  r->path = options.redact ? redactor.ApplyToPath(in.path) : in.path;
  if (!in.error.empty()) {
    r->error = options.redact ? redactor.Apply(in.error) : in.error;
    return;
  }
  // Lint the original text, so that a token ("Person-1") never counts as a number; then
  // redact the text, the spans and the messages.
  SourceFile source(in.path, std::move(in.bytes));
  FilePolicy policy;
  if (in.config) policy = PolicyFor(*in.config, in.path);
  // The parsed document's markup gives the front matter and prose: no second scan.
  Document doc = engine.Parse(source, *in.markup, ws);
  LintResult lint = engine.Lint(doc, ws, &policy);
  const MarkupResult& m = doc.markup;
  r->employee = in.people.reviewee;
  r->reviewer = in.people.reviewer;
  r->rating = Unquote(m.FrontMatter("rating"));
  r->rating_value = ParseRating(r->rating);
  r->error = lint.error;
  r->scorecard = std::move(lint.scorecard);
  r->kind = r->scorecard.kind.name;  // the lint decided it (../kind.h)
  r->diagnostics = std::move(lint.diagnostics);
  for (const Diagnostic& d : r->diagnostics) {
    if (d.rule == RuleIdOf(Needed::kTraitRule)) ++r->trait_words;
    if (d.rule == RuleIdOf(Needed::kHedgeRule)) ++r->hedges;
  }
  r->standout = static_cast<int>(FindWholeWords(m.prose, words.standout).size());
  r->grindstone = static_cast<int>(FindWholeWords(m.prose, words.grindstone).size());
  if (options.redact)
    RedactReview(redactor, source.text(), r);
  else
    r->text = std::string(source.text());
}

}  // namespace

bool BuildReport(const ReportOptions& options, Report* report, std::vector<std::string>* errors) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(".");
  LintSetup setup;
  std::unique_ptr<Engine> engine = SetUpLint(options, paths, &setup, errors);
  if (!engine) return false;
  std::vector<Input> files = ReadInputs(setup);
  if (files.empty()) {
    errors->push_back("no reviews found in " + paths.front());
    return false;
  }
  const Redactor redactor = MakeRedactor(options, files);
  report->redacted = options.redact;
  const WordLists words{FoldedDictionary("en/standout-words"),
                        FoldedDictionary("en/grindstone-words")};
  // Each review is linted and measured on its own, so they run in parallel; the results land in
  // file order.
  report->reviews.resize(files.size());
  ParallelFor(*engine, files.size(), options.jobs, [&](Workspace& ws, size_t i) {
    LintAndMeasure(*engine, ws, options, redactor, words, files[i], &report->reviews[i]);
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
