// Rubric coverage: a category is covered by evidence, not by its name. A prose sentence covers
// it when it names the category's terms and tells of the reviewee's work done, with something
// specific: a number or a date, a named artefact, an example, an elaboration, or a concrete
// action ("she traced", "he rewrote the retry logic"). These do not cover:
//   - a heading or a title ("UX Engineer" is a job, not user-experience work);
//   - a plan or a wish ("next half she will pair with the mobile team"), or a sentence in a
//     goals section;
//   - a verdict the vagueness pack flags ("Alex is a great team player");
//   - in a review of someone else, the writer's own work ("I asked his peers for feedback");
//   - a mention with nothing specific ("he fixes bugs").
// A heading that is a category's name ("## Collaboration", "## Teamwork and mentoring") covers
// it when its section holds such a sentence, whatever its words. An uncovered category names the
// sentence that came nearest and what it lacks.
#include <algorithm>

#include <re2/re2.h>

#include "../engine.h"
#include "../lexicon.h"
#include "../matcher.h"
#include "../rubric.h"
#include "../rule_pack.h"
#include "../word_classes.h"
#include "check.h"

namespace reviewlint {
namespace {

// What keeps a sentence from being evidence, best first: the nearest miss is the one whose lack
// comes first.
enum class Lack { kNone, kDetail, kVerdict, kWriter, kPlan, kHeading };

const char* LackName(Lack l) {
  switch (l) {
    case Lack::kDetail:
      return "detail";
    case Lack::kVerdict:
      return "verdict";
    case Lack::kWriter:
      return "writer";
    case Lack::kPlan:
      return "plan";
    case Lack::kHeading:
      return "heading";
    case Lack::kNone:
      break;
  }
  return "";
}

// What a sentence under a category's heading lacks: "is only a verdict, ...".
const char* LackUnderHeading(const std::string& lack) {
  if (lack == "verdict") return "is only a verdict, with no example of the work";
  if (lack == "writer") return "is about the writer's own work, not the reviewee's";
  if (lack == "plan") return "is only a plan or a wish, not work done";
  return "says nothing of what was done: no example, size or outcome";
}

const char* LackText(const std::string& lack) {
  if (lack == "detail") return "says nothing of what was done: no example, size or outcome";
  if (lack == "verdict") return "only as a verdict, with no example of the work";
  if (lack == "writer") return "about the writer's own work, not the reviewee's";
  if (lack == "plan") return "only as a plan or a wish, not as work done";
  return "only in a heading or a title";
}

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

// Is the folded heading a category's name, possibly with others and joining words
// ("Collaboration & Mentoring", "3. Delivery and execution"), rather than a title that happens to
// contain one ("Sam Lee, UX Engineer")?
// The rubric's category headings, case-folded, by category.
using FoldedHeadings = std::vector<std::vector<std::string>>;

FoldedHeadings FoldHeadings(const Rubric& rubric) {
  FoldedHeadings out;
  for (const RubricCategory& c : rubric.categories) {
    out.emplace_back();
    for (const std::string& h : c.headings) out.back().push_back(FoldCase(h));
  }
  return out;
}

bool IsCategoryHeading(std::string heading, const FoldedHeadings& folded) {
  for (const std::vector<std::string>& category : folded)
    for (const std::string& phrase : category) {
      if (phrase.empty()) continue;
      for (size_t at = heading.find(phrase); at != std::string::npos; at = heading.find(phrase))
        heading.replace(at, phrase.size(), " ");
    }
  static const RE2 joiners(
      R"((?i)^(?:[\s\d.,:;&/()#*+-]|\b(?:and|or|the|of|in|on|team|others|people|skills?)\b)*$)");
  return RE2::FullMatch(heading, joiners);
}

// A past-tense or achievement verb: the sentence tells of something done.
bool TellsOfAction(const Document& doc, const Sentence& sent, const WordClasses& classes) {
  static constexpr std::string_view kIrregular[] = {
      "led",   "wrote",   "built",   "ran",   "found", "took",    "made",  "drove",   "caught",
      "kept",  "brought", "taught",  "gave",  "sent",  "spent",   "held",  "met",     "began",
      "broke", "chose",   "shipped", "owns",  "owned", "rewrote", "split", "set",     "cut",
      "fixes", "reviews", "writes",  "leads", "runs",  "mentors", "pairs", "handles", "maintains"};
  std::string w;
  constexpr uint32_t kNotAction =
      kCopula | kGenericVerb | kModal | kFunctionWord | kEvaluative | kTraitWord | kFaintWord;
  for (uint32_t t = sent.tokens_begin; t < sent.tokens_end; ++t) {
    const Token& tok = doc.tokens[t];
    if (classes.Has(tok.exact, kNotAction)) continue;
    if (classes.Has(tok.exact, kAchievementVerb)) return true;
    FoldCaseInto(doc.Text(tok.span), &w);
    if (w.size() >= 5 && w.compare(w.size() - 2, 2, "ed") == 0) return true;
    for (std::string_view v : kIrregular)
      if (w == v) return true;
  }
  return false;
}

// The sentences a vagueness finding (other than a hedge) lies in: verdicts, not evidence.
std::vector<bool> FlaggedSentences(const Document& doc, const std::vector<Diagnostic>& findings) {
  std::vector<bool> flagged(doc.sentences.size(), false);
  for (const Diagnostic& d : findings) {
    if (d.scope != Scope::kSpan || d.rule.rfind("vagueness.", 0) != 0 ||
        d.rule == "vagueness.hedge")
      continue;
    auto first = std::lower_bound(doc.sentences.begin(), doc.sentences.end(), d.span.begin,
                                  [](const Sentence& x, uint32_t b) { return x.span.end <= b; });
    for (auto it = first; it != doc.sentences.end() && it->span.begin < d.span.end; ++it)
      if (it->span.Overlaps(d.span) || d.span.empty())
        flagged[static_cast<size_t>(it - doc.sentences.begin())] = true;
  }
  return flagged;
}

struct Judge {
  const RubricInputs& in;
  std::vector<bool> flagged = FlaggedSentences(in.doc, in.findings);
  // Per section: whether its own title is about what comes next; -1 until asked.
  mutable std::vector<int8_t> goals_title = std::vector<int8_t>(in.doc.markup.sections.size(), -1);
  // A section about what comes next: "## Goals", "## Goals for 2027", "## Next year".
  bool InGoalsSection(int section) const {
    static const RE2 goals(
        R"((?i)^\W*(?:goals?|objectives?)\s*(?:for\b.*)?$|\bnext (?:year|half|quarter|cycle|steps?)\b|\blooking ahead\b|\b(?:development|growth) plan\b|\bfocus areas?\b)");
    const Document& doc = in.doc;
    for (int s = section; s >= 0; s = doc.markup.sections[s].parent) {
      int8_t& known = goals_title[static_cast<size_t>(s)];
      if (known < 0) known = RE2::PartialMatch(doc.Text(doc.markup.sections[s].title), goals);
      if (known) return true;
    }
    return false;
  }
  // A plan or a wish: "will", "should", "needs to", "I want him to", "next quarter". (The
  // features' modals also count "can" and "May", which tell of work done as well.)
  bool Planned(const Sentence& sent) const {
    static const RE2 plan(
        R"((?i)\b(?:will|won't|shall|should|would like|'ll|going to|needs? to|plans? to|aims? to|wants? (?:\w+ )?to|hopes? to|next (?:year|half|quarter|cycle|sprint|project))\b)");
    return RE2::PartialMatch(in.doc.Text(sent.span), plan);
  }
  // In a review of someone else, "I asked four of his peers for feedback" tells of the writer's
  // work ("we shipped" may be the reviewee's too).
  bool AboutTheWriter(size_t s) const {
    if (in.writer_is_reviewee || in.features.sentences[s].subject != Subject::kWriter) return false;
    static const RE2 we(R"((?i)\b(?:we|us|our)\b)");
    return !RE2::PartialMatch(in.doc.Text(in.doc.sentences[s].span), we);
  }

  bool Specific(size_t s) const {
    const SentenceFeatures& f = in.features.sentences[s];
    const Sentence& sent = in.doc.sentences[s];
    if (in.evidence.Has(s, kEvidenceNumber) || f.artefact || f.elaborated ||
        in.evidence.Has(s, in.specific))
      return true;
    // "Her pull requests come with tests": the work itself, described without a verdict.
    if (f.subject == Subject::kWork && f.cues_begin == f.cues_end) return true;
    return sent.tokens_end - sent.tokens_begin >= 5 && TellsOfAction(in.doc, sent, in.classes);
  }
  // Why sentence `s` is not evidence of work done, or kNone.
  Lack Of(size_t s) const {
    const Sentence& sent = in.doc.sentences[s];
    const Block& block = in.doc.BlockOf(sent);
    if (block.kind == BlockKind::kHeading) return Lack::kHeading;
    if (Planned(sent) || InGoalsSection(block.section)) return Lack::kPlan;
    if (flagged[s]) return Lack::kVerdict;
    if (AboutTheWriter(s)) return Lack::kWriter;
    return Specific(s) ? Lack::kNone : Lack::kDetail;
  }
};

// A mention with no detail is evidence when the detail follows it: the next sentence of its
// paragraph or list item ("I handled the March billing incident. I found the flag change in the
// audit log and rolled it back within 25 minutes."), or another cell of its table row ("Mentor a
// junior engineer | Done | Amira took her first solo on-call shift in October"). A plan is not
// backed so: what came before it is other work.
void BackMentions(const Document& doc, std::vector<Lack>* lacks) {
  std::vector<Lack>& l = *lacks;
  const LineIndex& lines = doc.source.lines();
  for (size_t s = 0; s < l.size(); ++s) {
    if (l[s] != Lack::kDetail) continue;
    const Sentence& sent = doc.sentences[s];
    if (s + 1 < l.size() && doc.sentences[s + 1].block == sent.block && l[s + 1] == Lack::kNone)
      l[s] = Lack::kNone;
    if (doc.BlockOf(sent).kind != BlockKind::kTableCell) continue;
    uint32_t row = lines.LineOf(sent.span.begin);
    auto in_row = [&](size_t o) {
      return doc.BlockOf(doc.sentences[o]).kind == BlockKind::kTableCell &&
             lines.LineOf(doc.sentences[o].span.begin) == row;
    };
    for (size_t o = s; o > 0 && in_row(o - 1) && l[s] != Lack::kNone; --o)
      if (l[o - 1] == Lack::kNone) l[s] = Lack::kNone;
    for (size_t o = s + 1; o < l.size() && in_row(o) && l[s] != Lack::kNone; ++o)
      if (l[o] == Lack::kNone) l[s] = Lack::kNone;
  }
}

// The best sentence of section `sec` (or a section inside it): kNone when one is evidence;
// *at is that sentence, or -1 when the section holds no prose.
Lack BestInSection(const Document& doc, const std::vector<Lack>& lacks, int sec, int* at) {
  *at = -1;
  Lack best = Lack::kHeading;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Block& b = doc.BlockOf(doc.sentences[s]);
    if (b.kind == BlockKind::kHeading || !doc.InSection(b.section, sec)) continue;
    if (*at < 0 || lacks[s] < best) {
      best = lacks[s];
      *at = static_cast<int>(s);
    }
  }
  return best;
}

void CoverBySentences(const RubricInputs& in, const std::vector<Lack>& lacks, int e,
                      CategoryCoverage* cov) {
  const Document& doc = in.doc;
  Lack nearest = Lack::kNone;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (!in.evidence.Has(s, e)) continue;
    uint32_t line = doc.source.lines().LineOf(doc.sentences[s].span.begin) + 1;
    if (lacks[s] == Lack::kNone) {
      cov->covered = true;
      if (cov->evidence_lines.empty() || cov->evidence_lines.back() != line)
        cov->evidence_lines.push_back(line);
    } else if (nearest == Lack::kNone || lacks[s] < nearest) {
      nearest = lacks[s];
      cov->nearest_line = line;
      cov->nearest_term = in.term_of(s, e);
      cov->nearest_lack = LackName(nearest);
    }
  }
}

void CoverByHeading(const RubricInputs& in, const FoldedHeadings& folded,
                    const std::vector<std::string>& headings, const std::vector<Lack>& lacks,
                    size_t category, CategoryCoverage* cov) {
  const Document& doc = in.doc;
  for (size_t s = 0; s < headings.size() && cov->heading_section < 0; ++s) {
    for (const std::string& h : folded[category]) {
      if (!NamesWithWholeWords(headings[s], h)) continue;
      uint32_t line = doc.source.lines().LineOf(doc.markup.sections[s].title.begin) + 1;
      if (!IsCategoryHeading(headings[s], folded)) {
        if (cov->nearest_line == 0) {
          cov->nearest_line = line;
          cov->nearest_term = std::string(doc.Text(doc.markup.sections[s].title));
          cov->nearest_lack = LackName(Lack::kHeading);
        }
        break;
      }
      cov->heading_section = static_cast<int>(s);
      int at = -1;
      Lack best = BestInSection(doc, lacks, static_cast<int>(s), &at);
      if (at < 0) {
        cov->heading_without_content = true;
      } else if (best == Lack::kNone) {
        cov->covered = true;
      } else if (cov->nearest_line == 0 || cov->nearest_lack == LackName(Lack::kHeading)) {
        // "## Teamwork" over "Alex is a great team player.": the section is the nearest.
        cov->nearest_line = doc.source.lines().LineOf(doc.sentences[at].span.begin) + 1;
        cov->nearest_lack = LackName(best);
        cov->nearest_under = std::string(doc.Text(doc.markup.sections[s].title));
        cov->nearest_term.clear();
      }
      break;
    }
  }
}

}  // namespace

void AnalyseRubric(const RubricInputs& in, const Rubric& rubric, Scorecard* out) {
  const Document& doc = in.doc;
  out->rubric = rubric.name;
  out->categories.clear();
  Judge judge{in};
  std::vector<Lack> lacks;
  for (size_t s = 0; s < doc.sentences.size(); ++s) lacks.push_back(judge.Of(s));
  BackMentions(doc, &lacks);
  std::vector<std::string> headings;
  for (const Section& s : doc.markup.sections) headings.push_back(FoldCase(doc.Text(s.title)));
  const FoldedHeadings folded = FoldHeadings(rubric);
  double total = 0, covered = 0;
  for (size_t c = 0; c < rubric.categories.size(); ++c) {
    const RubricCategory& cat = rubric.categories[c];
    CategoryCoverage cov;
    cov.id = cat.id;
    cov.name = cat.name;
    cov.weight = cat.weight;
    CoverBySentences(in, lacks, in.category_evidence[c], &cov);
    CoverByHeading(in, folded, headings, lacks, c, &cov);
    if (cov.covered) {
      cov.nearest_line = 0;
      cov.nearest_term.clear();
      cov.nearest_lack.clear();
      cov.nearest_under.clear();
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
    if (c.nearest_line > 0) {
      // "...; line 12 mentions "bug" but says nothing of what was done: ...", or
      // "...; line 10 under "Teamwork" is only a verdict, ...".
      std::string line = "; line " + std::to_string(c.nearest_line);
      if (c.nearest_under.empty())
        d.message +=
            line + " mentions \"" + OneLine(c.nearest_term) + "\" but " + LackText(c.nearest_lack);
      else
        d.message += line + " under \"" + OneLine(c.nearest_under) + "\" " +
                     LackUnderHeading(c.nearest_lack);
      d.data["nearest"] = {{"line", c.nearest_line},
                           {"term", c.nearest_under.empty() ? c.nearest_term : c.nearest_under},
                           {"lacks", c.nearest_lack}};
    }
    d.data["category"] = c.name;
    d.data["weight"] = c.weight;
    d.data["rubric"] = sc.rubric;
    out->push_back(std::move(d));
  }
}

}  // namespace reviewlint
