#include "feature_dump.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "markup/markup.h"

namespace reviewlint::eval {
namespace {

bool Contains(const std::vector<uint32_t>& lines, uint32_t line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

void PrintCue(const Document& doc, const Cue& cue, std::ostream& out) {
  std::string words;
  for (uint32_t t = cue.first; t <= cue.last; ++t)
    words += (t > cue.first ? " " : "") + std::string(doc.Text(doc.tokens[t].span));
  out << " [" << CueKindName(cue.kind) << " '" << words << "' " << (cue.polarity > 0 ? "+" : "")
      << int(cue.polarity) << " " << CueTargetName(cue.target) << (cue.negated ? " negated" : "")
      << (cue.future ? " future" : "") << "]";
}

}  // namespace

bool DumpFeatures(const Engine& engine, const std::string& path, std::ostream& out,
                  std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  SourceFile source(path, bytes.str());
  Workspace ws(engine);
  Document doc = engine.Parse(source, *MarkupForPath(path), ws);
  LintResult result = engine.Lint(doc, ws);
  const Scorecard& sc = result.scorecard;
  const DocumentFeatures& features = ws.features;
  for (size_t s = 0; s < doc.sentences.size() && s < features.sentences.size(); ++s) {
    const SentenceFeatures& f = features.sentences[s];
    uint32_t line = source.lines().LineOf(doc.sentences[s].span.begin) + 1;
    out << (Contains(sc.positive_lines, line) ? '+' : ' ')
        << (Contains(sc.constructive_lines, line) ? '-' : ' ') << " " << line << ": "
        << doc.Text(doc.sentences[s].span).substr(0, 110) << "\n      subject "
        << SubjectName(f.subject) << ", tone +" << f.tone.praise << "/-" << f.tone.criticism;
    if (f.tone.reversed > 0) out << " (+" << f.tone.reversed << " turned around)";
    out << (f.future ? ", future" : "");
    for (uint32_t c = f.cues_begin; c < f.cues_end; ++c) PrintCue(doc, features.cues[c], out);
    const std::vector<std::string>& names = engine.evidence_names();
    for (size_t e = 0; e < names.size(); ++e)
      if (ws.evidence[s * names.size() + e]) out << " {" << names[e] << "}";
    out << "\n";
  }
  for (const Diagnostic& d : result.diagnostics)
    if (d.scope == Scope::kDocument) out << "document: " << d.rule << "\n";
  return true;
}

}  // namespace reviewlint::eval
