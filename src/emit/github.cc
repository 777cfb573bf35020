// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
//   ::warning
//   file=reviews/ana.md,line=5,col=9,endLine=5,endColumn=26,title=vagueness.generic-praise::message
#include "emitter.h"

namespace reviewlint {
namespace {

// Escaping from the Actions toolkit: data escapes % CR LF; property values also : and ,.
std::string EscapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string EscapeProperty(const std::string& s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* Command(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "warning";
}

class GithubEmitter : public Emitter {
 public:
  explicit GithubEmitter(size_t max_findings) : max_findings_(max_findings) {}
  void File(const FileResult& f, std::ostream& out) override {
    if (!f.error.empty()) {
      // A located error ("2:5: invalid UTF-8 ...") is annotated at its line and column.
      FileError e = SplitFileError(f.path, f.error);
      std::string position;
      if (e.where != f.path) {
        std::string at = e.where.substr(f.path.size() + 1);
        position = ",line=" + at.substr(0, at.find(':')) + ",col=" + at.substr(at.find(':') + 1);
      }
      out << "::error file=" << EscapeProperty(f.path) << position
          << ",title=reviewlint::" << EscapeData(e.message) << "\n";
    }
    if (!f.source) return;
    for (const Diagnostic& d : f.diagnostics) {
      Position a = f.source->lines().CodePointPosition(d.span.begin);
      Position b = f.source->lines().CodePointPosition(d.span.end);
      out << "::" << Command(d.severity) << " file=" << EscapeProperty(f.path) << ",line=" << a.line
          << ",col=" << a.column << ",endLine=" << b.line << ",endColumn=" << b.column
          << ",title=" << EscapeProperty(d.rule) << "::" << EscapeData(d.message) << "\n";
    }
    if (f.not_shown)
      out << "::notice file=" << EscapeProperty(f.path)
          << ",title=reviewlint::" << EscapeData(NotShownMessage(f.not_shown, max_findings_))
          << "\n";
  }

 private:
  size_t max_findings_;
};

}  // namespace

std::unique_ptr<Emitter> MakeGithubEmitter(const EmitOptions& options) {
  return std::make_unique<GithubEmitter>(options.max_findings);
}

}  // namespace reviewlint
