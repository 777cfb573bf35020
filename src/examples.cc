#include "examples.h"

#include <algorithm>

#include "engine.h"

namespace reviewlint {

ExampleReport RunExamples(const Engine& engine, const std::vector<std::string>& packs) {
  ExampleReport report;
  Workspace ws(engine);
  const Markup& markdown = *MarkupByName("markdown");
  for (size_t i = 0; i < engine.rules().size(); ++i) {
    const RuleSpec& rule = *engine.rules()[i];
    if (!packs.empty() && std::find(packs.begin(), packs.end(), rule.pack) == packs.end()) continue;
    if (!engine.enabled(i)) continue;
    ++report.rules;
    auto run = [&](const std::vector<std::string>& texts, bool must_fire, const char* key) {
      for (size_t k = 0; k < texts.size(); ++k) {
        ++report.examples;
        SourceFile src("<example>", texts[k]);
        std::vector<Diagnostic> found;
        for (Diagnostic& d : engine.Lint(src, markdown, ws).diagnostics)
          if (d.rule == rule.id) found.push_back(std::move(d));
        std::string where =
            rule.file + ": " + rule.pointer + "/examples/" + key + "/" + std::to_string(k);
        if (must_fire && found.empty()) {
          report.failures.push_back({rule.id, where, texts[k], "not flagged"});
        } else if (!must_fire && !found.empty()) {
          const Diagnostic& d = found.front();
          Position p = src.lines().CodePointPosition(d.span.begin);
          report.failures.push_back({rule.id, where, texts[k],
                                     "flagged \"" + std::string(src.Slice(d.span)) + "\" at " +
                                         std::to_string(p.line) + ":" + std::to_string(p.column)});
        }
      }
    };
    run(rule.bad, true, "bad");
    run(rule.good, false, "good");
  }
  return report;
}

}  // namespace reviewlint
