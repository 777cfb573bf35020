// The rubric loader: ParseRubric on any bytes, and when a rubric is accepted, an engine with it
// (and no packs, so each input stays cheap) that lints sample reviews against it. A rubric is
// either rejected with located messages or works.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"

namespace {

using namespace reviewlint;

const char* kSamples[] = {
    ("# Code Quality\n\nShe rewrote the export job and added tests; review turnaround fell from 3 "
     "days to 1.\n\n# Collaboration\n\nPairs with new hires every week.\n"),
    "## System Design\n\n## Delivery\n\nShipped the billing migration two weeks early.\n",
    "",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const DataStore store;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> errors;
  std::optional<Rubric> rubric = ParseRubric("fuzz.json", text, store, &errors);
  FUZZ_CHECK(rubric.has_value() == errors.empty());
  for (const std::string& e : errors) FUZZ_CHECK(e.rfind("fuzz.json", 0) == 0);
  if (!rubric) return 0;

  RuleSettings settings;
  settings.rubric = rubric->name;
  std::vector<Rubric> rubrics;
  rubrics.push_back(std::move(*rubric));
  std::unique_ptr<Engine> engine = Engine::Build({}, std::move(rubrics), settings, &errors);
  FUZZ_CHECK((engine != nullptr) == errors.empty());
  if (!engine) return 0;
  Workspace ws(*engine);
  for (const char* sample : kSamples) {
    SourceFile source("sample.md", sample);
    LintResult r = engine->Lint(source, *MarkupByName("markdown"), ws);
    FUZZ_CHECK(r.error.empty());
  }
  return 0;
}
