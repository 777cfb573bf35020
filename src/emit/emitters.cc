#include "emitter.h"

namespace reviewlint {

const std::vector<EmitterInfo>& Emitters() {
  static const std::vector<EmitterInfo> kEmitters = {
      {"text", "for people: location, message, the source line and a caret underline",
       &MakeTextEmitter},
      {"json", "the stable JSON contract (see README)", &MakeJsonEmitter},
      {"sarif", "SARIF 2.1.0 for code scanning (GitHub, Azure DevOps)", &MakeSarifEmitter},
      {"github", "GitHub Actions annotations (::warning file=...)", &MakeGithubEmitter},
      {"line", "path:line:col: severity: message [rule], for Vim and Emacs", &MakeLineEmitter},
  };
  return kEmitters;
}

std::unique_ptr<Emitter> MakeEmitter(std::string_view name, const EmitOptions& options) {
  for (const EmitterInfo& e : Emitters())
    if (e.name == name) return e.make(options);
  return nullptr;
}

std::string Excerpt(const SourceFile& source, Span span) {
  std::string s(source.Slice(span));
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace reviewlint
