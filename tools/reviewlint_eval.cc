// reviewlint-eval: precision and recall of the default packs on a labeled corpus.
//   reviewlint-eval [--verbose] [FOLDER]     (default tests/corpus/drafts)
#include <cstring>
#include <iostream>

#include "corpus_eval.h"

int main(int argc, char** argv) {
  bool verbose = false;
  std::string folder = "tests/corpus/drafts";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--verbose") || !std::strcmp(argv[i], "-v"))
      verbose = true;
    else if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::cout << "usage: reviewlint-eval [--verbose] [FOLDER]\n"
                   "Scores the default rule packs on the labeled drafts in FOLDER (default "
                   "tests/corpus/drafts):\n"
                   "precision and recall per pack, clean drafts, rubric and balance verdicts.\n"
                   "--verbose lists every missed label and every false alarm.\n";
      return 0;
    } else
      folder = argv[i];
  }
  using namespace reviewlint;
  DataStore store;
  std::vector<std::string> errors;
  auto engine = Engine::FromStore(store, RuleSettings{}, &errors);
  if (!engine) {
    for (const auto& e : errors) std::cerr << "reviewlint-eval: " << e << "\n";
    return 2;
  }
  std::string error;
  eval::Report r = eval::Evaluate(*engine, folder, &error);
  if (!error.empty()) {
    std::cerr << "reviewlint-eval: " << error << "\n";
    return 2;
  }
  std::cout << eval::FormatReport(r, verbose);
  return 0;
}
