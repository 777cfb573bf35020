#include "emitter.h"

#include <algorithm>

namespace reviewlint {

const std::vector<EmitterInfo>& Emitters() {
  static const std::vector<EmitterInfo> kEmitters = {
      {"text", "for people: location, message, the source lines with labelled underlines, help",
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

size_t EmitFile(Emitter& emitter, const FileResult& file, size_t max, std::ostream& out) {
  if (max == 0 || file.diagnostics.size() <= max) {
    emitter.File(file, out);
    return 0;
  }
  FileResult first;
  first.path = file.path;
  first.source = file.source;
  first.diagnostics.assign(file.diagnostics.begin(), file.diagnostics.begin() + max);
  first.error = file.error;
  first.scorecard = file.scorecard;
  first.redacted = file.redacted;
  first.not_shown = file.diagnostics.size() - max;
  emitter.File(first, out);
  return first.not_shown;
}

std::string NotShownMessage(size_t not_shown, size_t max) {
  return std::to_string(not_shown) + (not_shown == 1 ? " more finding" : " more findings") +
         " not shown (--max-findings " + std::to_string(max) + "; 0 shows all)";
}

std::string_view ShownText(const FileResult& file) {
  return file.redacted ? std::string_view(file.redacted->text) : file.source->text();
}

size_t ShownOffset(const FileResult& file, size_t offset, bool end) {
  return file.redacted ? Redactor::MapOffset(file.redacted->edits, offset, end) : offset;
}

std::string_view ShownSlice(const FileResult& file, Span span) {
  size_t begin = ShownOffset(file, span.begin, false);
  if (span.size() == 0) return ShownText(file).substr(begin, 0);
  size_t end = std::max(begin, ShownOffset(file, span.end, true));
  return ShownText(file).substr(begin, end - begin);
}

std::string Excerpt(const FileResult& file, Span span) { return OneLine(ShownSlice(file, span)); }

FileError SplitFileError(const std::string& path, const std::string& error) {
  // "LINE:COL: " at the start: digits, a colon, digits, a colon and a space.
  size_t i = 0;
  auto digits = [&] {
    size_t from = i;
    while (i < error.size() && error[i] >= '0' && error[i] <= '9') ++i;
    return i > from;
  };
  bool located = digits() && i < error.size() && error[i++] == ':' && digits() &&
                 error.compare(i, 2, ": ") == 0;
  if (!located) return {path, error};
  return {path + ":" + error.substr(0, i), error.substr(i + 2)};
}

std::string FileErrorLine(const std::string& path, const std::string& error) {
  FileError e = SplitFileError(path, error);
  return e.where + ": error: " + e.message;
}

}  // namespace reviewlint
