#include "scorecard.h"

#include <cstdio>

namespace reviewlint {

nlohmann::ordered_json KindJson(const KindVerdict& kind) {
  return {{"name", kind.name}, {"why", kind.why}};
}

nlohmann::ordered_json ScorecardJson(const Scorecard& sc) {
  using json = nlohmann::ordered_json;
  json cats = json::array();
  for (const CategoryCoverage& c : sc.categories)
    cats.push_back({{"id", c.id},
                    {"name", c.name},
                    {"weight", c.weight},
                    {"covered", c.covered},
                    {"evidence_lines", c.evidence_lines}});
  json packs = json::object();
  for (const auto& [pack, n] : sc.findings_per_pack) packs[pack] = n;
  json out = {
      {"kind", KindJson(sc.kind)},
      {"rubric", sc.rubric},
      {"weighted_coverage", sc.weighted_coverage},
      {"categories", cats},
      {"balance",
       {{"positive", sc.positive},
        {"constructive", sc.constructive},
        {"positive_lines", sc.positive_lines},
        {"constructive_lines", sc.constructive_lines}}},
      {"specificity",
       {{"evaluative", sc.evaluative}, {"specific", sc.specific}, {"ratio", sc.specificity()}}},
      {"findings_per_pack", packs},
      {"words", sc.words},
      {"sentences", sc.sentences}};
  if (sc.pip.present) {
    json fields = json::array();
    for (const PipField& f : sc.pip.fields)
      fields.push_back({{"name", f.name}, {"present", f.present}, {"filled", f.filled}});
    out["pip"] = {{"fields", fields},
                  {"timeline_has_dates", sc.pip.timeline_has_dates},
                  {"metrics_measurable", sc.pip.metrics_measurable}};
  }
  return out;
}

namespace {

std::string NearestNote(const std::string& lack) {
  if (lack == "detail") return "no detail";
  if (lack == "writer") return "the writer's work";
  return "a " + lack;  // a heading, a verdict, a plan
}

// "lines 10, 12", "(by its heading)", "no evidence (nearest: line 12, a verdict)".
std::string CoverageNote(const CategoryCoverage& c) {
  if (c.covered) {
    std::string lines;
    for (size_t i = 0; i < c.evidence_lines.size() && i < 8; ++i)
      lines += (i ? ", " : "") + std::to_string(c.evidence_lines[i]);
    if (c.evidence_lines.size() > 8) lines += ", ...";
    return lines.empty() ? "(by its heading)" : "lines " + lines;
  }
  if (c.heading_without_content) return "heading with an empty section";
  if (c.nearest_line == 0) return "no evidence";
  return "no evidence (nearest: line " + std::to_string(c.nearest_line) + ", " +
         NearestNote(c.nearest_lack) + ")";
}

}  // namespace

std::string ScorecardText(const Scorecard& sc) {
  std::string out = "  kind: " + sc.kind.name + " (" + sc.kind.why + ")\n";
  char buf[512];
  if (!sc.rubric.empty()) {
    std::snprintf(buf, sizeof buf, "  rubric %s: %.0f%% of the weight covered\n", sc.rubric.c_str(),
                  sc.weighted_coverage);
    out += buf;
    for (const CategoryCoverage& c : sc.categories) {
      std::snprintf(buf, sizeof buf, "    %-3s %-26s %3g%%  %s\n", c.covered ? "[x]" : "[ ]",
                    c.name.c_str(), c.weight, CoverageNote(c).c_str());
      out += buf;
    }
  }
  std::snprintf(buf, sizeof buf, "  balance: %d strengths, %d constructive\n", sc.positive,
                sc.constructive);
  out += buf;
  std::snprintf(buf, sizeof buf, "  specificity: %d of %d evaluative sentences concrete (%.0f%%)\n",
                sc.specific, sc.evaluative, 100 * sc.specificity());
  out += buf;
  std::string packs;
  for (const auto& [pack, n] : sc.findings_per_pack)
    packs += (packs.empty() ? "" : ", ") + pack + " " + std::to_string(n);
  out += "  findings: " + (packs.empty() ? std::string("none") : packs) + "\n";
  if (sc.pip.present) {
    std::string fields;
    for (const PipField& f : sc.pip.fields)
      fields += (fields.empty() ? "" : ", ") + f.name +
                (f.present ? (f.filled ? "" : " (empty)") : " (missing)");
    out += "  improvement plan: " + fields + "\n";
  }
  return out;
}

}  // namespace reviewlint
