#include "corpus_eval.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kind.h"

namespace reviewlint::eval {
namespace fs = std::filesystem;

namespace {

const std::string kOpen = "\xE2\x9F\xA6";   // ⟦
const std::string kClose = "\xE2\x9F\xA7";  // ⟧

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

void ParseDocumentLabels(const std::string& text, Draft* d) {
  size_t at = text.find("<!-- corpus:");
  if (at == std::string::npos) return;
  size_t end = text.find("-->", at);
  if (end == std::string::npos) return;
  std::string body = text.substr(at + 12, end - at - 12);
  std::stringstream ss(body);
  std::string part;
  while (std::getline(ss, part, ';')) {
    size_t eq = part.find('=');
    if (eq == std::string::npos) continue;
    std::string key = Trim(part.substr(0, eq)), value = Trim(part.substr(eq + 1));
    if (key == "uncovered") {
      d->has_document_labels = true;
      if (value == "none") continue;
      std::stringstream vs(value);
      std::string cat;
      while (std::getline(vs, cat, ',')) d->uncovered.push_back(Trim(cat));
    } else if (key == "balance") {
      d->balance = value;
    } else if (key == "kind") {
      d->kind = value;
    }
  }
}

// Rubric categories of one labelled draft: each category of its rubric is a pair, right when
// the draft's uncovered findings and its label agree on it. A plan or peer feedback has no pairs:
// it counts its rubric findings, which should be none.
void ScoreCategories(const Draft& d, const Scorecard& sc, const std::set<std::string>& expected,
                     const std::set<std::string>& got, Report* r) {
  if (d.kind == "improvement-plan" || d.kind == "peer-feedback" || !RubricFits(sc.kind.name)) {
    ++r->plans;
    r->rubric_findings_on_plans += got.size();
    return;
  }
  for (const CategoryCoverage& c : sc.categories) {
    bool want = expected.count(c.name) > 0;
    ++r->category_pairs;
    r->categories_right += want == (got.count(c.name) > 0);
    r->silent_right += !want;
    r->flag_all_right += want;
  }
}

}  // namespace

const std::vector<std::string>& LabelledPacks() {
  static const std::vector<std::string> kPacks = {"vagueness", "metrics", "template", "bias",
                                                  "balance"};
  return kPacks;
}

bool ParseDraft(const std::string& path, const std::string& labelled, Draft* out,
                std::string* error) {
  out->path = path;
  out->text.clear();
  out->labels.clear();
  size_t p = 0;
  while (p < labelled.size()) {
    size_t open = labelled.find(kOpen, p);
    if (open == std::string::npos) {
      out->text.append(labelled, p, std::string::npos);
      break;
    }
    out->text.append(labelled, p, open - p);
    size_t bar = labelled.find('|', open);
    size_t close = labelled.find(kClose, open);
    size_t newline = labelled.find('\n', open);
    if (bar == std::string::npos || close == std::string::npos || bar > close || close > newline) {
      *error = path + ": byte " + std::to_string(open) +
               ": malformed label (want ⟦pack|words⟧ on one line)";
      return false;
    }
    // "vagueness+bias": the words carry both problems.
    std::vector<std::string> names;
    std::stringstream list(labelled.substr(open + kOpen.size(), bar - open - kOpen.size()));
    for (std::string pack; std::getline(list, pack, '+');) names.push_back(pack);
    const auto& packs = LabelledPacks();
    for (const std::string& pack : names) {
      if (std::find(packs.begin(), packs.end(), pack) == packs.end()) {
        *error =
            path + ": byte " + std::to_string(open) + ": unknown pack \"" + pack + "\" in a label";
        return false;
      }
    }
    std::string words = labelled.substr(bar + 1, close - bar - 1);
    if (words.find(kOpen) != std::string::npos) {
      *error = path + ": byte " + std::to_string(open) + ": labels cannot nest";
      return false;
    }
    Label l;
    l.span.begin = static_cast<uint32_t>(out->text.size());
    out->text += words;
    l.span.end = static_cast<uint32_t>(out->text.size());
    for (const std::string& pack : names) {
      l.pack = pack;
      out->labels.push_back(l);
    }
    p = close + kClose.size();
  }
  ParseDocumentLabels(out->text, out);
  return true;
}

Report Evaluate(const Engine& engine, const std::string& folder, std::string* error) {
  Report r;
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".md") files.push_back(it->path());
  if (ec) {
    *error = folder + ": " + ec.message();
    return r;
  }
  std::sort(files.begin(), files.end());
  Workspace ws(engine);
  const Markup& markdown = *MarkupByName("markdown");
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Draft d;
    if (!ParseDraft(f.string(), ss.str(), &d, error)) return r;
    ++r.drafts;
    SourceFile src(d.path, d.text);
    Document doc = engine.Parse(src, markdown, ws);
    r.words += doc.tokens.size();
    LintResult lint = engine.Lint(doc, ws);
    const std::vector<Diagnostic>& diags = lint.diagnostics;

    bool clean = d.labels.empty();
    if (clean) ++r.clean_drafts;
    bool clean_failed = false;
    for (const auto& pack : LabelledPacks()) {
      PackScore& score = r.packs[pack];
      for (const Label& l : d.labels) {
        if (l.pack != pack) continue;
        ++score.labels;
        bool found = false;
        for (const Diagnostic& g : diags)
          if (g.scope == Scope::kSpan && g.rule.rfind(pack + ".", 0) == 0 &&
              g.span.Overlaps(l.span))
            found = true;
        if (found)
          ++score.labels_found;
        else
          r.misses.push_back({d.path, pack, src.lines().CodePointPosition(l.span.begin).line,
                              std::string(src.Slice(l.span)), "missed", ""});
      }
      for (const Diagnostic& g : diags) {
        if (g.scope != Scope::kSpan || g.rule.rfind(pack + ".", 0) != 0) continue;
        ++score.diagnostics;
        bool right = false;
        for (const Label& l : d.labels)
          if (l.pack == pack && g.span.Overlaps(l.span)) right = true;
        if (right)
          ++score.diagnostics_right;
        else
          r.misses.push_back({d.path, pack, src.lines().CodePointPosition(g.span.begin).line,
                              std::string(src.Slice(g.span)), "false alarm", g.rule});
        if (clean) clean_failed = true;
      }
    }
    if (clean_failed) ++r.clean_drafts_with_findings;

    if (d.has_document_labels) {
      ++r.document_drafts;
      std::set<std::string> expected(d.uncovered.begin(), d.uncovered.end()), got;
      bool missing_constructive = false, missing_positive = false;
      for (const Diagnostic& g : diags) {
        if (g.rule == "rubric.uncovered" && g.data.contains("category"))
          got.insert(g.data["category"].get<std::string>());
        if (g.rule == "balance.missing-constructive") missing_constructive = true;
        if (g.rule == "balance.missing-positive") missing_positive = true;
      }
      auto join = [](const std::set<std::string>& s) {
        std::string out;
        for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
        return out.empty() ? std::string("none") : out;
      };
      ScoreCategories(d, lint.scorecard, expected, got, &r);
      if (!d.kind.empty()) {
        ++r.kinds_labelled;
        if (d.kind == lint.scorecard.kind.name)
          ++r.kinds_right;
        else
          r.misses.push_back({d.path, "kind", 0,
                              "expected " + d.kind + "; found " + lint.scorecard.kind.name + " (" +
                                  lint.scorecard.kind.why + ")",
                              "wrong kind", ""});
      }
      if (expected == got)
        ++r.uncovered_right;
      else
        r.misses.push_back({d.path, "rubric", 0,
                            "expected uncovered: " + join(expected) + "; found: " + join(got),
                            "wrong coverage", ""});
      std::string verdict = missing_constructive ? "missing-constructive"
                            : missing_positive   ? "missing-positive"
                                                 : "ok";
      std::string want = d.balance.empty() ? "ok" : d.balance;
      if (verdict == want)
        ++r.balance_right;
      else
        r.misses.push_back(
            {d.path, "balance", 0, "expected " + want + "; found " + verdict, "wrong verdict", ""});
    }
  }
  return r;
}

std::string FormatReport(const Report& r, bool verbose) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%zu drafts, %zu words\n\n", r.drafts, r.words);
  out += line;
  out += "pack        labels  found  recall  diagnostics  right  precision\n";
  for (const auto& pack : LabelledPacks()) {
    auto it = r.packs.find(pack);
    if (it == r.packs.end()) continue;
    const PackScore& s = it->second;
    std::snprintf(line, sizeof line, "%-10s  %6zu  %5zu  %6.3f  %11zu  %5zu  %9.3f\n", pack.c_str(),
                  s.labels, s.labels_found, s.recall(), s.diagnostics, s.diagnostics_right,
                  s.precision());
    out += line;
  }
  std::snprintf(line, sizeof line, "\nclean drafts with span findings: %zu of %zu\n",
                r.clean_drafts_with_findings, r.clean_drafts);
  out += line;
  if (r.document_drafts) {
    std::snprintf(line, sizeof line, "rubric coverage right: %zu of %zu drafts (%.1f%%)\n",
                  r.uncovered_right, r.document_drafts,
                  100.0 * r.uncovered_right / r.document_drafts);
    out += line;
    if (r.category_pairs) {
      auto pct = [&](size_t n) { return 100.0 * double(n) / double(r.category_pairs); };
      std::snprintf(line, sizeof line,
                    "rubric categories right: %zu of %zu (draft, category) pairs (%.1f%%); saying "
                    "nothing: %.1f%%, flagging everything: %.1f%%\n",
                    r.categories_right, r.category_pairs, pct(r.categories_right),
                    pct(r.silent_right), pct(r.flag_all_right));
      out += line;
    }
    std::snprintf(line, sizeof line,
                  "rubric findings on %zu improvement plans and peer feedback: %zu\n", r.plans,
                  r.rubric_findings_on_plans);
    out += line;
    if (r.kinds_labelled) {
      std::snprintf(line, sizeof line, "kind right: %zu of %zu drafts\n", r.kinds_right,
                    r.kinds_labelled);
      out += line;
    }
    std::snprintf(line, sizeof line, "balance verdict right: %zu of %zu drafts (%.1f%%)\n",
                  r.balance_right, r.document_drafts, 100.0 * r.balance_right / r.document_drafts);
    out += line;
  }
  if (verbose) {
    out += "\n";
    for (const Miss& m : r.misses)
      out += m.path + ":" + std::to_string(m.line) + ": " + m.kind + " [" + m.pack + "] \"" +
             m.text + "\"" + (m.rule.empty() ? "" : " (" + m.rule + ")") + "\n";
  }
  return out;
}

}  // namespace reviewlint::eval
