// One finding per line, `path:line:col: severity: message [rule-id]`, columns in code points:
// what Vim's errorformat (%f:%l:%c: %t%*[^:]: %m) and Emacs Flycheck read. Past --max-findings
// nothing more is printed here: the note saying how many were left out goes to stderr (cli.cc),
// where no errorformat takes it for a finding.
#include "emitter.h"

namespace reviewlint {
namespace {

class LineEmitter : public Emitter {
 public:
  void File(const FileResult& f, std::ostream& out) override {
    if (!f.error.empty()) {
      FileError e = SplitFileError(f.path, f.error);
      out << (e.where == f.path ? f.path + ":1:1" : e.where) << ": error: " << e.message
          << " [input]\n";
    }
    if (!f.source) return;
    for (const Diagnostic& d : f.diagnostics) {
      Position p = f.source->lines().CodePointPosition(d.span.begin);
      std::string message = d.message;
      for (char& c : message)
        if (c == '\n' || c == '\r') c = ' ';
      out << f.path << ":" << p.line << ":" << p.column << ": " << SeverityName(d.severity) << ": "
          << message << " [" << d.rule << "]\n";
    }
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeLineEmitter(const EmitOptions&) {
  return std::make_unique<LineEmitter>();
}

}  // namespace reviewlint
