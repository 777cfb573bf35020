// Rubric coverage: a category is covered when a prose sentence gives evidence for it, or when a
// heading names it and its section has content. A heading alone is not coverage.
#include <algorithm>

#include "../lexicon.h"
#include "../rubric.h"
#include "../rule_pack.h"
#include "check.h"

namespace reviewlint {
namespace {

bool NamesWithWholeWords(const std::string& heading, const std::string& phrase) {
  size_t at = heading.find(phrase);
  while (at != std::string::npos) {
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(heading[at - 1]));
    size_t end = at + phrase.size();
    bool right = end >= heading.size() || !std::isalnum(static_cast<unsigned char>(heading[end]));
    if (left && right) return true;
    at = heading.find(phrase, at + 1);
  }
  return false;
}

// Does section `s`, or a section inside it, hold a prose block?
bool SectionHasContent(const Document& doc, int s) {
  for (const Block& b : doc.markup.blocks) {
    if (b.kind == BlockKind::kHeading) continue;
    for (int x = b.section; x >= 0; x = doc.markup.sections[x].parent)
      if (x == s) return true;
  }
  return false;
}

}  // namespace

void AnalyseRubric(const Document& doc, const EvidenceView& evidence, const Rubric& rubric,
                   const std::vector<int>& category_evidence, Scorecard* out) {
  out->rubric = rubric.name;
  out->categories.clear();
  double total = 0, covered = 0;
  std::vector<std::string> headings;
  for (const Section& s : doc.markup.sections) headings.push_back(FoldCase(doc.Text(s.title)));
  for (size_t c = 0; c < rubric.categories.size(); ++c) {
    const RubricCategory& cat = rubric.categories[c];
    CategoryCoverage cov;
    cov.id = cat.id;
    cov.name = cat.name;
    cov.weight = cat.weight;
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& sent = doc.sentences[s];
      if (doc.BlockOf(sent).kind == BlockKind::kHeading) continue;
      if (!evidence.Has(s, category_evidence[c])) continue;
      cov.covered = true;
      uint32_t line = doc.source.lines().LineOf(sent.span.begin) + 1;
      if (cov.evidence_lines.empty() || cov.evidence_lines.back() != line)
        cov.evidence_lines.push_back(line);
    }
    for (size_t s = 0; s < headings.size() && cov.heading_section < 0; ++s) {
      for (const std::string& h : cat.headings) {
        if (!NamesWithWholeWords(headings[s], FoldCase(h))) continue;
        cov.heading_section = static_cast<int>(s);
        if (SectionHasContent(doc, static_cast<int>(s)))
          cov.covered = true;
        else
          cov.heading_without_content = true;
        break;
      }
    }
    total += cat.weight;
    if (cov.covered) covered += cat.weight;
    out->categories.push_back(std::move(cov));
  }
  out->rubric_error_at = rubric.error_at;
  out->rubric_warning_at = rubric.warning_at;
  out->weighted_coverage = total > 0 ? 100.0 * covered / total : 100.0;
}

void CheckRubricUncovered(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const Scorecard& sc = ctx.scorecard;
  for (const CategoryCoverage& c : sc.categories) {
    if (c.covered) continue;
    Diagnostic d;
    d.scope = Scope::kDocument;
    d.severity = ctx.severity;
    if (!ctx.severity_overridden)
      d.severity = c.weight >= sc.rubric_error_at     ? Severity::kError
                   : c.weight >= sc.rubric_warning_at ? Severity::kWarning
                                                      : Severity::kInfo;
    if (c.heading_without_content) {
      d.span = ctx.doc.markup.sections[c.heading_section].title;
    } else {
      d.span = EndOfReview(ctx.doc);
    }
    char weight[32];
    std::snprintf(weight, sizeof weight, "%g", c.weight);
    d.message = FillMessage(ctx.rule.message,
                            {{"category", c.name}, {"weight", weight}, {"rubric", sc.rubric}});
    if (c.heading_without_content) d.message += " (its section is empty)";
    d.data["category"] = c.name;
    d.data["weight"] = c.weight;
    d.data["rubric"] = sc.rubric;
    out->push_back(std::move(d));
  }
}

}  // namespace reviewlint
