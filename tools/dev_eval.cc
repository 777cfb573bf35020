#include "dev_eval.h"

#include <cstdio>
#include <set>

#include "corpus_eval.h"
#include "markup/markup.h"

namespace reviewlint::eval {
namespace {

std::string PackOf(const std::string& rule) { return rule.substr(0, rule.find('.')); }

bool IsLabelledPack(const std::string& pack) {
  for (const auto& p : LabelledPacks())
    if (p == pack) return true;
  return false;
}

// The sentences a finding belongs to: those it overlaps, else the next one, else the last one.
std::vector<size_t> SentencesOf(const DevFinding& f, const std::vector<DevSentence>& sents) {
  uint32_t a = f.begin, b = std::max(f.end, f.begin + 1);
  std::vector<size_t> idx;
  for (size_t i = 0; i < sents.size(); ++i)
    if (a < sents[i].end && sents[i].start < b) idx.push_back(i);
  if (!idx.empty()) return idx;
  for (size_t i = 0; i < sents.size(); ++i)
    if (sents[i].start >= b) return {i};
  if (!sents.empty()) return {sents.size() - 1};
  return {};
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string SentenceText(const DevReview& r, const DevSentence& s) {
  return r.text.substr(s.start, s.end - s.start);
}

// One span finding of a labelled pack: tp, fp or neither, and the sentences it reaches.
void CountFinding(const DevReview& r, const DevFinding& f, const std::string& pack, DevScore* t,
                  std::vector<std::set<std::string>>* fired) {
  std::vector<size_t> idx = SentencesOf(f, r.sentences);
  bool should = false, may = false;
  for (size_t i : idx) {
    (*fired)[i].insert(f.rule);
    should |= r.sentences[i].packs.count(pack) > 0;
    may |= r.sentences[i].also.count(pack) > 0;
  }
  DevRuleScore& rule = t->rules[f.rule];
  if (should) {
    ++t->packs[pack].tp, ++rule.tp;
  } else if (may) {
    ++rule.neutral;
  } else {
    ++t->packs[pack].fp, ++rule.fp;
    std::string where = idx.empty() ? "" : " in " + Quote(SentenceText(r, r.sentences[idx[0]]));
    t->false_positives[pack].push_back(
        r.id + ": " + f.rule + " on " +
        Quote(std::string_view(r.text).substr(f.begin, f.end - f.begin)) + where);
  }
}

// Hits and misses: every sentence that should be flagged for a pack, and what fired there.
void CountSentences(const DevReview& r, const std::vector<std::set<std::string>>& fired,
                    DevScore* t) {
  for (size_t i = 0; i < r.sentences.size(); ++i) {
    const DevSentence& s = r.sentences[i];
    for (const std::string& pack : s.packs) {
      bool hit = false;
      for (const std::string& rule : fired[i]) {
        if (PackOf(rule) != pack) continue;
        hit = true;
        ++t->rules[rule].hits;
      }
      if (hit) {
        ++t->packs[pack].hit;
        continue;
      }
      ++t->packs[pack].miss;
      std::string got;
      for (const std::string& rule : fired[i]) got += (got.empty() ? "" : ", ") + rule;
      t->misses[pack].push_back(r.id + ": " + Quote(SentenceText(r, s)) + "  [why: " + s.why +
                                "; got: " + (got.empty() ? "nothing" : got) + "]");
    }
  }
}

void CountVerdict(const DevSet& set, const DevReview& r, const ReviewFindings& findings,
                  DevScore* t) {
  std::set<std::string> rules;
  for (const DevFinding& f : findings)
    if (f.document) ++t->document_rules[f.rule], rules.insert(f.rule);
  auto want = set.verdicts.find(r.id);
  if (want == set.verdicts.end()) return;
  std::string got = rules.count("balance.missing-constructive") ? "missing-constructive"
                    : rules.count("balance.missing-positive")   ? "missing-positive"
                                                                : "ok";
  DevVerdicts& v = t->verdicts;
  ++v.reviews, ++v.wanted[want->second];
  if (got == want->second)
    ++v.right;
  else
    v.wrong.push_back("review " + r.id + ": want " + want->second + ", got " + got);
}

void ScoreReview(const DevSet& set, const DevReview& r, const ReviewFindings& findings,
                 DevScore* t) {
  std::vector<std::set<std::string>> fired(r.sentences.size());
  for (const DevFinding& f : findings) {
    std::string pack = PackOf(f.rule);
    if (f.document)
      ++t->ignored["document-scope"];
    else if (!IsLabelledPack(pack))
      ++t->ignored["pack '" + pack + "'"];
    else
      CountFinding(r, f, pack, t, &fired);
  }
  CountSentences(r, fired, t);
  CountVerdict(set, r, findings, t);
}

std::string Ratio(std::optional<double> x) {
  char buf[16];
  if (!x) return "     -";
  std::snprintf(buf, sizeof buf, "%6.2f", *x);
  return buf;
}

std::optional<double> Divide(size_t a, size_t n) {
  return n ? std::optional<double>(double(a) / n) : std::nullopt;
}

std::string PackTable(const DevScore& s, const DevScore& every) {
  std::string out =
      "                  reviewlint                               | every sentence  | nothing\n"
      "pack       |      P |      R |   tp |   fp |  hit | miss |      P |      R |      P |      "
      "R\n" +
      std::string(92, '-') + "\n";
  char line[256];
  for (const std::string& pack : LabelledPacks()) {
    DevPackScore p = s.packs.count(pack) ? s.packs.at(pack) : DevPackScore{};
    DevPackScore e = every.packs.count(pack) ? every.packs.at(pack) : DevPackScore{};
    std::optional<double> none_r = e.hit + e.miss ? std::optional<double>(0.0) : std::nullopt;
    std::snprintf(line, sizeof line,
                  "%-10s | %s | %s | %4zu | %4zu | %4zu | %4zu | %s | %s | %s | %s\n", pack.c_str(),
                  Ratio(p.precision()).c_str(), Ratio(p.recall()).c_str(), p.tp, p.fp, p.hit,
                  p.miss, Ratio(e.precision()).c_str(), Ratio(e.recall()).c_str(),
                  Ratio(std::nullopt).c_str(), Ratio(none_r).c_str());
    out += line;
  }
  return out;
}

std::string RuleTable(const DevScore& s, const DevScore& every) {
  std::string out =
      "\nrule                                     |   tp |   fp | also |      P | reaches (of its "
      "pack's should-flag sentences)\n";
  char line[256];
  for (const auto& [rule, r] : s.rules) {
    std::string pack = PackOf(rule);
    const DevPackScore& e = every.packs.count(pack) ? every.packs.at(pack) : DevPackScore{};
    std::snprintf(line, sizeof line, "%-40s | %4zu | %4zu | %4zu | %s | %4zu of %zu\n",
                  rule.c_str(), r.tp, r.fp, r.neutral, Ratio(r.precision()).c_str(), r.hits,
                  e.hit + e.miss);
    out += line;
  }
  return out;
}

std::string Counts(const std::map<std::string, size_t>& m, const char* sep) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k + sep + std::to_string(v);
  return out;
}

std::string VerdictLines(const DevSet& set, const DevScore& s, bool verbose) {
  std::string out;
  const DevVerdicts& v = s.verdicts;
  if (!set.verdicts.empty() && !v.reviews)
    out += "balance verdicts: none of these reviews has a verdict\n";
  if (v.reviews) {
    auto of = [&](const char* verdict) {
      auto it = v.wanted.find(verdict);
      return std::to_string(it == v.wanted.end() ? 0 : it->second) + "/" +
             std::to_string(v.reviews);
    };
    out += "balance verdicts: " + std::to_string(v.right) + "/" + std::to_string(v.reviews) +
           " right; say nothing (every review ok) " + of("ok") +
           "; flag everything (every review missing-constructive) " + of("missing-constructive") +
           ", (every review missing-positive) " + of("missing-positive") + "\n";
  }
  out +=
      "document findings: " + (s.document_rules.empty() ? "none" : Counts(s.document_rules, " ")) +
      "\n";
  if (verbose && !v.wrong.empty()) {
    out += "\nWRONG balance verdicts (" + std::to_string(v.wrong.size()) + "):\n";
    for (const std::string& w : v.wrong) out += "  " + w + "\n";
  }
  return out;
}

std::string Listing(const char* title,
                    const std::map<std::string, std::vector<std::string>>& by_pack) {
  std::string out;
  for (const std::string& pack : LabelledPacks()) {
    auto it = by_pack.find(pack);
    if (it == by_pack.end()) continue;
    out +=
        "\n" + std::string(title) + " " + pack + " (" + std::to_string(it->second.size()) + "):\n";
    for (const std::string& m : it->second) out += "  " + m + "\n";
  }
  return out;
}

}  // namespace

std::optional<double> DevPackScore::precision() const { return Divide(tp, tp + fp); }
std::optional<double> DevPackScore::recall() const { return Divide(hit, hit + miss); }
std::optional<double> DevRuleScore::precision() const { return Divide(tp, tp + fp); }

std::vector<ReviewFindings> LintDevSet(const Engine& engine, const DevSet& set) {
  std::vector<ReviewFindings> out;
  Workspace ws(engine);
  for (const DevReview& r : set.reviews) {
    std::string path = "review-" + r.id + ".txt";
    const Markup* markup = MarkupForPath(path);
    SourceFile src(path, r.text);
    ReviewFindings found;
    for (const Diagnostic& d : engine.Lint(src, *markup, ws).diagnostics)
      found.push_back({d.rule, d.span.begin, d.span.end, d.scope == Scope::kDocument});
    out.push_back(std::move(found));
  }
  return out;
}

std::vector<ReviewFindings> EverySentenceFindings(const DevSet& set) {
  std::vector<ReviewFindings> out;
  for (const DevReview& r : set.reviews) {
    ReviewFindings found;
    for (const DevSentence& s : r.sentences)
      for (const std::string& pack : LabelledPacks())
        found.push_back({pack + ".every-sentence", s.start, s.end, false});
    out.push_back(std::move(found));
  }
  return out;
}

DevScore ScoreDevSet(const DevSet& set, const std::vector<ReviewFindings>& findings) {
  DevScore t;
  for (size_t i = 0; i < set.reviews.size() && i < findings.size(); ++i)
    ScoreReview(set, set.reviews[i], findings[i], &t);
  return t;
}

std::string FormatDevScore(const DevSet& set, const DevScore& score, const DevScore& every,
                           const DevTableOptions& options) {
  std::string out = set.name + ": " + std::to_string(set.reviews.size()) + " reviews, " +
                    std::to_string(set.sentences()) + " sentences\n";
  out += PackTable(score, every);
  out +=
      "(every sentence: one finding of each pack on every labelled sentence; nothing: no "
      "finding, so P is undefined and R is 0)\n";
  if (!score.ignored.empty()) out += "ignored findings: " + Counts(score.ignored, ": ") + "\n";
  out += VerdictLines(set, score, options.verbose);
  if (options.per_rule) out += RuleTable(score, every);
  if (options.verbose) {
    out += Listing("MISS", score.misses);
    out += Listing("FP", score.false_positives);
  }
  return out;
}

}  // namespace reviewlint::eval
