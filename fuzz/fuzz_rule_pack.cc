// The rule-pack loader: ParsePack on any bytes (truncated JSON, wrong types, odd regexes), and
// when a pack is accepted, an engine built from it that runs the pack's own examples (what
// `reviewlint test-rules` does) and lints a sample review. A pack is either rejected with located
// messages or works; it never crashes or hangs the linter.
#include <cstdint>
#include <string>
#include <vector>

#include "examples.h"
#include "fuzz_util.h"

namespace {

using namespace reviewlint;

const char* kSample =
    "---\nname: Zoë\n---\n# Strengths\n\nShe is a good communicator and cut p99 latency from 900 "
    "to 120 ms.\n\n## Areas for growth\n\n- Needs to work on communication.\n\n| a | b "
    "|\n|---|---|\n"
    "| quite good | 3x faster |\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const DataStore store;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> errors;
  std::optional<RulePack> pack = ParsePack("fuzz.json", text, store, &errors);
  FUZZ_CHECK(pack.has_value() == errors.empty());
  for (const std::string& e : errors) FUZZ_CHECK(e.rfind("fuzz.json", 0) == 0);
  if (!pack) return 0;

  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  std::unique_ptr<Engine> engine = Engine::Build(std::move(packs), {}, RuleSettings{}, &errors);
  FUZZ_CHECK((engine != nullptr) == errors.empty());
  if (!engine) return 0;
  RunExamples(*engine);
  Workspace ws(*engine);
  SourceFile source("sample.md", kSample);
  engine->Lint(source, *MarkupByName("markdown"), ws);
  return 0;
}
