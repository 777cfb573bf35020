// Human output in the style of rustc, clippy and ruff:
//
//   review.md:5:11: warning: "good communicator" is stock praise ... [vagueness.generic-praise]
//   review.md:5:36: warning: "team player" is stock praise ... [vagueness.generic-praise]
//     5 | John is a good communicator and a team player.
//       |           ^~~~~~~~~~~~~~~~~ vagueness.generic-praise
//       |                                   ^~~~~~~~~~~ vagueness.generic-praise
//       = help: Say what they did and what came of it ... [vagueness.generic-praise]
//   review.md: warning: The review never covers Delivery (10%), Security (10%) of the ...
//   [rubric.uncovered]
//       = help: Add a sentence with evidence for the category ... [rubric.uncovered]
//
// Findings come in line order. Findings whose lines touch share one snippet (snippet.cc). A
// rule's "instead" advice is a help line the first time the rule appears in a file. Whole-review
// findings (document scope, pinned to no text) close the file as one note, a rule's messages of
// one severity merged into a line (merge_messages.cc). -q prints the header lines only.
// Columns are 1-based code points.
#include <algorithm>
#include <set>

#include "../engine.h"
#include "merge_messages.h"
#include "snippet.h"

namespace reviewlint {
namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

// A finding about the review as a whole: document scope, at no text of its own.
bool WholeReview(const Diagnostic& d) { return d.scope == Scope::kDocument && d.span.size() == 0; }

// Findings that share a snippet: each starts on a line the ones before it cover, and (on a long
// line) within the window the first one opens.
std::vector<std::vector<const Diagnostic*>> Snippets(const FileResult& f,
                                                     std::vector<const Diagnostic*> located) {
  std::stable_sort(located.begin(), located.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return a->span.begin < b->span.begin;
  });
  const LineIndex& lines = f.source->lines();
  std::vector<std::vector<const Diagnostic*>> groups;
  uint32_t last_line = 0;
  for (const Diagnostic* d : located) {
    auto [first, last] = SpanLines(lines, d->span);
    bool joins = !groups.empty() && first <= last_line &&
                 d->span.begin < groups.back().front()->span.begin + kSnippetWindow / 2;
    if (!joins) groups.emplace_back();
    groups.back().push_back(d);
    last_line = joins ? std::max(last_line, last) : last;
  }
  return groups;
}

class TextEmitter : public Emitter {
 public:
  explicit TextEmitter(const EmitOptions& o) : options_(o) {}

  void File(const FileResult& f, std::ostream& out) override {
    if (!f.error.empty()) {
      FileError e = SplitFileError(f.path, f.error);
      out << Style(kBold) << e.where << ":" << Style(kReset) << " "
          << Style(SeverityColor(Severity::kError)) << "error:" << Style(kReset) << " " << e.message
          << "\n";
    }
    if (!f.source) return;
    std::vector<const Diagnostic*> located, whole;
    for (const Diagnostic& d : f.diagnostics) (WholeReview(d) ? whole : located).push_back(&d);
    std::set<std::string> helped;  // rules whose help this file has shown
    for (const auto& group : Snippets(f, located)) PrintSnippet(f, group, &helped, out);
    PrintWholeReview(f, whole, &helped, out);
    if (f.not_shown)
      out << Style(kBold) << f.path << ":" << Style(kReset) << " "
          << NotShownMessage(f.not_shown, options_.max_findings) << "\n";
    if (options_.summary)
      out << Style(kBold) << f.path << ": summary" << Style(kReset) << "\n"
          << ScorecardText(f.scorecard);
  }

  // One form: "13 warnings, 4 infos in 2 files (1 could not be linted; 3 not shown)." or
  // "No findings in 1 file.".
  void End(const Summary& s, std::ostream& out) override {
    if (options_.quiet) return;
    std::string line;
    auto part = [&](size_t n, const char* one, const char* many) {
      if (!n) return;
      if (!line.empty()) line += ", ";
      line += std::to_string(n) + " " + (n == 1 ? one : many);
    };
    part(s.errors, "error", "errors");
    part(s.warnings, "warning", "warnings");
    part(s.infos, "info", "infos");
    if (line.empty()) line = "No findings";
    line += " in " + std::to_string(s.files) + (s.files == 1 ? " file" : " files");
    std::string notes;
    if (s.files_with_errors) notes = std::to_string(s.files_with_errors) + " could not be linted";
    if (s.not_shown)
      notes += (notes.empty() ? "" : "; ") + std::to_string(s.not_shown) + " not shown";
    if (!notes.empty()) line += " (" + notes + ")";
    out << Style(kBold) << line << "." << Style(kReset) << "\n";
  }

 private:
  std::string Style(const char* code) const { return options_.color ? code : ""; }

  // "where: severity: message [rule]"
  void PrintHeader(const std::string& where, Severity severity, const std::string& message,
                   const std::string& rule, std::ostream& out) const {
    out << Style(kBold) << where << ":" << Style(kReset) << " " << Style(SeverityColor(severity))
        << SeverityName(severity) << ":" << Style(kReset) << " " << message << " [" << rule
        << "]\n";
  }

  void PrintSnippet(const FileResult& f, const std::vector<const Diagnostic*>& group,
                    std::set<std::string>* helped, std::ostream& out) const {
    std::vector<Label> labels;
    std::vector<std::string> rules;
    for (const Diagnostic* d : group) {
      Position pos = f.source->lines().CodePointPosition(d->span.begin);
      PrintHeader(f.path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column),
                  d->severity, d->message, d->rule, out);
      labels.push_back({d->span, d->severity, d->rule});
      rules.push_back(d->rule);
    }
    if (options_.quiet) return;
    size_t bar = DrawSnippet(f, labels, options_.color, out);
    PrintHelp(rules, bar, helped, out);
  }

  // The note on the whole review: per rule and severity (most severe first), one line of merged
  // messages when they share a form.
  void PrintWholeReview(const FileResult& f, std::vector<const Diagnostic*> whole,
                        std::set<std::string>* helped, std::ostream& out) const {
    std::stable_sort(whole.begin(), whole.end(), [](const Diagnostic* a, const Diagnostic* b) {
      return a->rule != b->rule ? a->rule < b->rule : a->severity > b->severity;
    });
    std::vector<std::string> rules;
    for (size_t i = 0; i < whole.size();) {
      size_t j = i;
      std::vector<std::string> messages;
      for (; j < whole.size() && whole[j]->rule == whole[i]->rule &&
             whole[j]->severity == whole[i]->severity;
           ++j)
        if (std::find(messages.begin(), messages.end(), whole[j]->message) == messages.end())
          messages.push_back(whole[j]->message);
      for (const std::string& line : MergeMessages(messages))
        PrintHeader(f.path, whole[i]->severity, line, whole[i]->rule, out);
      rules.push_back(whole[i]->rule);
      i = j;
    }
    if (!options_.quiet) PrintHelp(rules, 4, helped, out);
  }

  // "= help: <what to write instead> [rule]", once per rule per file.
  void PrintHelp(const std::vector<std::string>& rules, size_t indent,
                 std::set<std::string>* helped, std::ostream& out) const {
    if (!options_.engine) return;
    for (const std::string& id : rules) {
      const RuleSpec* rule = options_.engine->FindRule(id);
      if (!rule || rule->instead.empty() || !helped->insert(id).second) continue;
      // Rule advice quotes stand-in names ("John"); redacted output shows none.
      std::string help =
          options_.redactor ? options_.redactor->Apply(rule->instead) : rule->instead;
      out << std::string(indent, ' ') << Style(kBold) << "= help:" << Style(kReset) << " " << help
          << " [" << id << "]\n";
    }
  }

  EmitOptions options_;
};

}  // namespace

std::unique_ptr<Emitter> MakeTextEmitter(const EmitOptions& options) {
  return std::make_unique<TextEmitter>(options);
}

}  // namespace reviewlint
