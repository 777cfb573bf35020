// reviewlint-eval: precision and recall of the default packs on labelled text.
//   reviewlint-eval [--verbose] [--per-rule] [FOLDER]    own drafts (default tests/corpus/drafts),
//                                                        then the dev sets when ../shared is there
//   reviewlint-eval --labels FILE[,FILE...] [--csv PATH] [--verdicts FILE] [--per-rule] [--verbose]
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "corpus_eval.h"
#include "dev_eval.h"
#include "feature_dump.h"

namespace {
namespace fs = std::filesystem;
using namespace reviewlint;

constexpr int kExitError = 2;

const char kUsage[] =
    "usage: reviewlint-eval [--verbose] [--per-rule] [FOLDER]\n"
    "       reviewlint-eval --labels FILE[,FILE...] [--csv PATH] [--verdicts FILE] [--per-rule] "
    "[--verbose]\n"
    "Scores the default rule packs.\n"
    "Without --labels: on the labelled drafts in FOLDER (default tests/corpus/drafts): precision "
    "and\n"
    "recall per pack, clean drafts, rubric and balance verdicts; then, when ../shared/research is\n"
    "found (beside the current folder or the source tree), on each sentence-labelled dev set\n"
    "(kaggle-v10, kaggle-extra-a, kaggle-extra-b and their union).\n"
    "--labels      score these sentence-label files (JSON lines, one set) against the review "
    "texts\n"
    "              of --csv (default: the Kaggle v10 CSV in ../shared/research/corpora)\n"
    "--verdicts    also score whole-review balance verdicts from this JSON-lines file\n"
    "--per-rule    also print tp, fp and P per rule, and the should-flag sentences each reaches\n"
    "--verbose     list every miss and false positive (dev sets: and every wrong verdict)\n"
    "--features FILE  print what the sentence feature layer reads in FILE (balance side, "
    "subject,\n"
    "              tone, cues), one sentence per line, and exit\n"
    "Dev-set P and R count as ../shared/research/dev-labels/score_dev.py does (see "
    "tests/devlabels/README.md).\n"
    "Exit status: 0; 2 on a usage error or bad data.\n";

struct Args {
  bool verbose = false, per_rule = false;
  std::string folder = "tests/corpus/drafts";
  std::vector<std::string> labels;
  std::string csv, verdicts, features;
};

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

// Returns -1 to go on, else the exit status.
int ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string list;
    if (arg == "--verbose" || arg == "-v") {
      a->verbose = true;
    } else if (arg == "--per-rule") {
      a->per_rule = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--labels" || arg == "--csv" || arg == "--verdicts" || arg == "--features") {
      std::string* out = arg == "--csv"        ? &a->csv
                         : arg == "--verdicts" ? &a->verdicts
                         : arg == "--features" ? &a->features
                                               : &list;
      if (!value(out)) {
        std::cerr << "reviewlint-eval: " << arg << " needs a value\n" << kUsage;
        return kExitError;
      }
      for (const std::string& f : SplitCommas(list)) a->labels.push_back(f);
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << "reviewlint-eval: unknown option " << arg << "\n" << kUsage;
      return kExitError;
    } else {
      a->folder = arg;
    }
  }
  if (a->labels.empty() && (!a->csv.empty() || !a->verdicts.empty())) {
    std::cerr << "reviewlint-eval: --csv and --verdicts go with --labels\n" << kUsage;
    return kExitError;
  }
  return -1;
}

// `relative` under the current folder, else under the source tree; "" when in neither.
std::string Find(const std::string& relative) {
  std::vector<fs::path> roots = {fs::current_path()};
#ifdef REVIEWLINT_SOURCE_DIR
  roots.push_back(REVIEWLINT_SOURCE_DIR);
#endif
  std::error_code ec;
  for (const fs::path& root : roots)
    if (fs::exists(root / relative, ec)) return (root / relative).lexically_normal().string();
  return "";
}

const char kSharedCsv[] =
    "../shared/research/corpora/kaggle-employee-review-mturk/"
    "employee_review_mturk_dataset_v10_kaggle.csv";
const char kSharedLabels[] = "../shared/research/dev-labels/kaggle-v10-labels.jsonl";
const char kSharedVerdicts[] = "../shared/research/dev-labels/kaggle-v10-verdicts.jsonl";

struct SetSpec {
  std::string name;
  std::vector<std::string> labels;
  std::string verdicts;
};

bool ScoreSet(const Engine& engine, const std::map<std::string, std::string>& feedback,
              const SetSpec& spec, const Args& a, std::string* error) {
  eval::DevSet set;
  if (!eval::LoadDevSet(spec.name, spec.labels, feedback, &set, error)) return false;
  if (!spec.verdicts.empty() && !eval::LoadVerdicts(spec.verdicts, &set, error)) return false;
  eval::DevScore score = eval::ScoreDevSet(set, eval::LintDevSet(engine, set));
  eval::DevScore every = eval::ScoreDevSet(set, eval::EverySentenceFindings(set));
  std::cout << "\n" << eval::FormatDevScore(set, score, every, {a.per_rule, a.verbose});
  return true;
}

bool ScoreSets(const Engine& engine, const std::string& csv, const std::vector<SetSpec>& specs,
               const Args& a, std::string* error) {
  std::map<std::string, std::string> feedback;
  if (!eval::ReadFeedbackCsv(csv, &feedback, error)) return false;
  for (const SetSpec& spec : specs)
    if (!ScoreSet(engine, feedback, spec, a, error)) return false;
  return true;
}

// The label files' names without folder and extension, joined by "+".
std::string NameOf(const std::vector<std::string>& files) {
  std::string name;
  for (const std::string& f : files)
    name += (name.empty() ? "" : "+") + fs::path(f).stem().string();
  return name;
}

bool DevSetsOnRequest(const Engine& engine, const Args& a, std::string* error) {
  std::string csv = a.csv.empty() ? Find(kSharedCsv) : a.csv;
  if (csv.empty()) {
    *error = std::string("no review CSV: pass --csv (looked for ") + kSharedCsv + ")";
    return false;
  }
  return ScoreSets(engine, csv, {{NameOf(a.labels), a.labels, a.verdicts}}, a, error);
}

bool DefaultDevSets(const Engine& engine, const Args& a, std::string* error) {
  std::string csv = Find(kSharedCsv), labels = Find(kSharedLabels);
  if (csv.empty() || labels.empty()) {
    std::cout << "\ndev sets skipped: ../shared/research (labels and CSV) not found beside the "
                 "current folder or the source tree\n";
    return true;
  }
  std::string verdicts = Find(kSharedVerdicts);
  std::vector<SetSpec> specs = {{"kaggle-v10", {labels}, verdicts}};
  std::vector<std::string> all = {labels};
  std::string names = "kaggle-v10";
  for (const char* extra : {"kaggle-extra-a", "kaggle-extra-b"}) {
    std::string file = Find(std::string("tests/devlabels/") + extra + ".jsonl");
    if (file.empty()) continue;
    specs.push_back({extra, {file}, ""});
    all.push_back(file);
    names += std::string(" + ") + extra;
  }
  if (all.size() > 1) specs.push_back({"union (" + names + ")", all, verdicts});
  return ScoreSets(engine, csv, specs, a, error);
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (int status = ParseArgs(argc, argv, &a); status >= 0) return status;
  DataStore store;
  std::vector<std::string> errors;
  auto engine = Engine::FromStore(store, RuleSettings{}, &errors);
  if (!engine) {
    for (const auto& e : errors) std::cerr << "reviewlint-eval: " << e << "\n";
    return kExitError;
  }
  std::string error;
  if (!a.features.empty()) {
    if (eval::DumpFeatures(*engine, a.features, std::cout, &error)) return 0;
    std::cerr << "reviewlint-eval: " << error << "\n";
    return kExitError;
  }
  if (!a.labels.empty()) {
    if (!DevSetsOnRequest(*engine, a, &error)) {
      std::cerr << "reviewlint-eval: " << error << "\n";
      return kExitError;
    }
    return 0;
  }
  eval::Report r = eval::Evaluate(*engine, a.folder, &error);
  if (!error.empty()) {
    std::cerr << "reviewlint-eval: " << error << "\n";
    return kExitError;
  }
  std::cout << eval::FormatReport(r, a.verbose);
  if (!DefaultDevSets(*engine, a, &error)) {
    std::cerr << "reviewlint-eval: " << error << "\n";
    return kExitError;
  }
  return 0;
}
