// Performance Improvement Plan: when a draft has a PIP section, its Goal, Actions, Timeline,
// Support and Metrics must all be there and filled in; the timeline needs dates and the metrics
// something measurable.
#include <re2/re2.h>

#include <algorithm>

#include "../lexicon.h"
#include "../required_names.h"
#include "../rule_pack.h"
#include "check.h"

namespace reviewlint {
namespace {

struct FieldDef {
  const char* name;
  const char* label;  // RE2 over the start of a block's text, case-insensitive
};

const FieldDef kFields[] = {
    {"Goal", R"(^\s*(?:goals?|objectives?|targets?)\b)"},
    {"Actions", R"(^\s*(?:actions?|action plan|action items|steps|activities|tasks)\b)"},
    {"Timeline",
     R"(^\s*(?:timeline|timeframe|time frame|dates?|deadlines?|schedule|duration|milestones)\b)"},
    {"Support", R"(^\s*(?:support|resources|help|assistance)\b)"},
    {"Metrics",
     R"(^\s*(?:metrics?|measures?|measurement|success criteria|success measures|kpis?|how (?:progress|success) will be measured)\b)"},
};
constexpr size_t kFieldCount = sizeof(kFields) / sizeof(kFields[0]);

const std::vector<std::unique_ptr<RE2>>& FieldPatterns() {
  static const std::vector<std::unique_ptr<RE2>> patterns = [] {
    std::vector<std::unique_ptr<RE2>> v;
    RE2::Options o;
    o.set_case_sensitive(false);
    for (const FieldDef& f : kFields) v.push_back(std::make_unique<RE2>(f.label, o));
    return v;
  }();
  return patterns;
}

// Could a field's label start `text`? Every label starts, after white space, with one of these
// letters (or, case-insensitively, a non-ASCII one: the Kelvin sign is a "k", the long s an
// "s"); most blocks start with none of them and are not put to the patterns.
bool MayStartWithLabel(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
                             text[i] == '\r' || text[i] == '\f'))
    ++i;
  if (i == text.size()) return false;
  auto c = static_cast<unsigned char>(text[i]);
  if (c >= 0x80) return true;
  c = static_cast<unsigned char>(c | 0x20);
  return std::string_view("adghkmorst").find(static_cast<char>(c)) != std::string_view::npos;
}

// Words of `content` that are not part of a template finding.
// Does the field hold at least two words that are not placeholders (a template rule's finding,
// "n/a", "none")? Stops at the second: a field without a PIP heading may run to the end of a
// long draft.
bool FilledIn(const Document& doc, Span content, const std::vector<Diagnostic>& findings) {
  const std::string placeholders = RuleIdOf(Needed::kTemplateFindings);  // "template."
  std::vector<Span> stand_ins;
  for (const Diagnostic& d : findings)
    if (d.rule.rfind(placeholders, 0) == 0 && d.span.Overlaps(content)) stand_ins.push_back(d.span);
  auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), content.begin,
                                [](const Token& t, uint32_t at) { return t.span.begin < at; });
  int words = 0;
  for (auto t = first; t != doc.tokens.end() && t->span.end <= content.end && words < 2; ++t) {
    bool placeholder = false;
    for (const Span& s : stand_ins) placeholder = placeholder || s.Overlaps(t->span);
    std::string w = FoldCase(doc.Text(t->span));
    if (w == "n" || w == "a" || w == "na" || w == "none") placeholder = true;
    if (!placeholder) ++words;
  }
  return words >= 2;
}

}  // namespace

void AnalysePip(const Document& doc, const EvidenceView& evidence, const PipEvidence& ids,
                const std::vector<Diagnostic>& findings, Scorecard* out) {
  PipAnalysis& pip = out->pip;
  pip = PipAnalysis{};
  for (size_t s = 0; s < doc.sentences.size() && !pip.present; ++s) {
    const Block& b = doc.BlockOf(doc.sentences[s]);
    if (b.kind == BlockKind::kHeading && b.section >= 0 && evidence.Has(s, ids.heading)) {
      pip.present = true;
      pip.section = b.section;
      pip.heading = doc.markup.sections[b.section].title;
    }
  }
  // Without a PIP heading the fields are looked for in the whole draft: a plan may be just its
  // fields (kind.h decides whether they make one).
  for (const FieldDef& f : kFields) {
    PipField field;
    field.name = f.name;
    pip.fields.push_back(field);
  }

  // Walk the section's blocks: a block that starts with a field's label opens that field; the
  // blocks after it, up to the next label, are its content.
  std::string_view prose = doc.prose();
  int current = -1;
  for (const Block& b : doc.markup.blocks) {
    if (pip.present && (b.section < 0 || !doc.InSection(b.section, pip.section))) continue;
    if (pip.present && b.kind == BlockKind::kHeading && b.section == pip.section) continue;
    re2::StringPiece text(prose.data() + b.span.begin, b.span.size());
    int field = -1;
    re2::StringPiece m;
    const bool may = MayStartWithLabel(std::string_view(text.data(), text.size()));
    for (size_t f = 0; may && f < kFieldCount && field < 0; ++f) {
      if (FieldPatterns()[f]->Match(text, 0, text.size(), RE2::ANCHOR_START, &m, 1))
        field = static_cast<int>(f);
    }
    if (field >= 0 && !pip.fields[field].present) {
      PipField& pf = pip.fields[field];
      pf.present = true;
      uint32_t label_end = b.span.begin + static_cast<uint32_t>(m.size());
      pf.label = Span{b.span.begin + static_cast<uint32_t>(m.data() - text.data()), label_end};
      // Skip the separator after the label (":", "-", "—").
      uint32_t c = label_end;
      while (c < b.span.end &&
             (prose[c] == ' ' || prose[c] == ':' || prose[c] == '-' || prose[c] == '\t'))
        ++c;
      if (c + 3 <= b.span.end && prose.compare(c, 3, "\xE2\x80\x94") == 0) c += 3;
      pf.content = Span{c, b.span.end};
      current = field;
      continue;
    }
    if (current >= 0) {
      PipField& pf = pip.fields[current];
      if (pf.content.empty())
        pf.content = b.span;
      else
        pf.content.end = b.span.end;
    }
  }
  for (PipField& pf : pip.fields)
    if (pf.present) pf.filled = FilledIn(doc, pf.content, findings);

  const PipField& timeline = pip.fields[2];
  const PipField& metrics = pip.fields[4];
  for (const Quantity& q : doc.quantities) {
    if (timeline.present && q.span.begin >= timeline.content.begin &&
        q.span.end <= timeline.content.end &&
        q.kind == QuantityKind::kDate)  // "60 days" is a length, not a date to check against
      pip.timeline_has_dates = true;
    if (metrics.present && q.span.begin >= metrics.content.begin &&
        q.span.end <= metrics.content.end && q.measures())
      pip.metrics_measurable = true;
  }
  // "by 15 March", "week 4", "30/06": dates that are not quantities on their own.
  if (timeline.present && !pip.timeline_has_dates) {
    static const RE2 date_words(
        R"((?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|week \d+|day \d+|\d{1,2}/\d{1,2}|\d{4}-\d{2}-\d{2})\b)");
    pip.timeline_has_dates = RE2::PartialMatch(
        re2::StringPiece(prose.data() + timeline.content.begin, timeline.content.size()),
        date_words);
  }
}

namespace {

Diagnostic PipFinding(const CheckContext& ctx, Span span, const std::string& field) {
  Diagnostic d;
  d.scope = Scope::kDocument;
  d.severity = ctx.severity;
  d.span = span;
  d.message = FillMessage(ctx.rule.message, {{"field", field}});
  d.data["field"] = field;
  return d;
}

}  // namespace

void CheckPipMissingField(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const PipAnalysis& pip = ctx.scorecard.pip;
  if (!pip.present) return;
  for (const PipField& f : pip.fields)
    if (!f.present) out->push_back(PipFinding(ctx, pip.heading, f.name));
}

void CheckPipUnfilledField(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const PipAnalysis& pip = ctx.scorecard.pip;
  if (!pip.present) return;
  for (const PipField& f : pip.fields)
    if (f.present && !f.filled) out->push_back(PipFinding(ctx, f.label, f.name));
}

void CheckPipTimelineDates(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const PipAnalysis& pip = ctx.scorecard.pip;
  const PipField& t = pip.present ? pip.fields[2] : PipField{};
  if (!pip.present || !t.present || !t.filled || pip.timeline_has_dates) return;
  out->push_back(PipFinding(ctx, t.content, t.name));
}

void CheckPipMeasurableMetrics(const CheckContext& ctx, std::vector<Diagnostic>* out) {
  const PipAnalysis& pip = ctx.scorecard.pip;
  const PipField& m = pip.present ? pip.fields[4] : PipField{};
  if (!pip.present || !m.present || !m.filled || pip.metrics_measurable) return;
  out->push_back(PipFinding(ctx, m.content, m.name));
}

}  // namespace reviewlint

namespace reviewlint {

// A plan's Goal says what is expected, not what was done: "Kevin consistently delivers the
// sprint work he commits to" is neither stock praise nor an achievement without its size. The
// rules that read praise or claims give way there; vague or trait-laden wording still counts.
void DropPraiseOnPlanGoal(const Scorecard& sc, std::vector<Diagnostic>* findings) {
  static const char* const kPraiseRules[] = {
      "vagueness.generic-praise", "vagueness.empty-booster", "vagueness.non-statement",
      "metrics.unmeasured-achievement", "metrics.unmeasured-impact"};
  if (!sc.pip.present || sc.kind.name != "improvement-plan") return;
  const PipField& goal = sc.pip.fields[0];
  if (!goal.present || goal.content.empty()) return;
  auto praise = [&](const Diagnostic& d) {
    if (d.scope != Scope::kSpan ||
        !(goal.content.begin <= d.span.begin && d.span.end <= goal.content.end))
      return false;
    for (const char* r : kPraiseRules)
      if (d.rule == r) return true;
    auto features = d.data.find("features");
    if (features == d.data.end() || !features->contains("cue")) return false;
    return (*features)["cue"].value("polarity", "") == "positive";
  };
  findings->erase(std::remove_if(findings->begin(), findings->end(), praise), findings->end());
}

}  // namespace reviewlint
