// Emitters: turn final diagnostics into one output format. They only format: severity,
// suppression and the exit code are decided before a diagnostic reaches them.
//
// Every emitter receives the files in the order the user gave them, one at a time, so output is
// deterministic and memory stays bounded however many files there are:
//
//   auto emitter = MakeEmitter("json", options);   // nullptr for an unknown name
//   emitter->Begin(out);
//   for (const FileResult& f : results) emitter->File(f, out);
//   emitter->End(summary, out);
//
// Positions: a Diagnostic carries a byte span; an emitter converts it with the file's LineIndex
// (code-point columns for people and JSON, UTF-16 for SARIF and LSP).
//
// Redaction (--redact): RedactFile replaces names in a FileResult's strings and gives it a
// redacted copy of the text. Emitters take text from the file only through ShownSlice/ShownText
// (never source->Slice), and positions from `source`, so positions stay the original file's.
//
// To add a format: write `src/emit/<format>.cc` with a class deriving from Emitter, and add a row
// to the table in `src/emit/emitters.cc`. Nothing else changes.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "../diagnostic.h"
#include "../redact.h"
#include "../scorecard.h"
#include "../source.h"

namespace reviewlint {

class Engine;

/// A file's text with names replaced by tokens (--redact), and where each name was.
struct RedactedText {
  std::string text;
  std::vector<Redactor::Edit> edits;
};

/// One linted (or unlintable) file.
struct FileResult {
  std::string path;                     // as the user gave it
  const SourceFile* source = nullptr;   // null when the file could not be read
  std::vector<Diagnostic> diagnostics;  // sorted
  std::string error;                    // why the file was skipped or is incomplete, or ""
  Scorecard scorecard;
  const RedactedText* redacted = nullptr;  // --redact: the text to show instead of source's
  size_t not_shown = 0;  // findings left out by --max-findings (diagnostics holds the first ones)
};

struct Summary {
  size_t files = 0;
  size_t files_with_errors = 0;                // unreadable / invalid input
  size_t errors = 0, warnings = 0, infos = 0;  // all findings, shown or not
  size_t not_shown = 0;                        // left out by --max-findings
};

/// Findings shown per file unless --max-findings says otherwise, as compilers cap errors.
inline constexpr size_t kDefaultMaxFindings = 100;

struct EmitOptions {
  bool color = false;
  bool quiet = false;
  bool summary = false;            // print / include each file's scorecard
  const Engine* engine = nullptr;  // rule metadata (SARIF rules, explanations)
  std::string tool_version;
  std::string sarif_root;          // artifact URIs are relative to it (default: the current folder)
  bool sarif_no_snippets = false;  // leave the reviewed text out of SARIF
  size_t sarif_max_results = 25000;
  const Redactor* redactor = nullptr;         // --redact: files come through RedactFile
  size_t max_findings = kDefaultMaxFindings;  // per file; 0: all
};

/// Where reviewlint lives; SARIF's informationUri and the base of rule help links.
inline constexpr const char* kHomepage = "https://github.com/reviewlint/reviewlint";

class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual void Begin(std::ostream& out) { (void)out; }
  virtual void File(const FileResult& file, std::ostream& out) = 0;
  virtual void End(const Summary& summary, std::ostream& out) { (void)summary, (void)out; }
};

struct EmitterInfo {
  std::string_view name;
  std::string_view description;
  std::unique_ptr<Emitter> (*make)(const EmitOptions& options);
};

/// The table of output formats (emitters.cc).
const std::vector<EmitterInfo>& Emitters();
std::unique_ptr<Emitter> MakeEmitter(std::string_view name, const EmitOptions& options);

std::unique_ptr<Emitter> MakeTextEmitter(const EmitOptions& options);
std::unique_ptr<Emitter> MakeJsonEmitter(const EmitOptions& options);
std::unique_ptr<Emitter> MakeSarifEmitter(const EmitOptions& options);
std::unique_ptr<Emitter> MakeGithubEmitter(const EmitOptions& options);
std::unique_ptr<Emitter> MakeLineEmitter(const EmitOptions& options);

/// Hands `file` to `emitter` with at most `max` findings (0: all), the first in the file's order;
/// returns how many were left out (the emitter sees them in FileResult::not_shown).
size_t EmitFile(Emitter& emitter, const FileResult& file, size_t max, std::ostream& out);

/// "39900 more findings not shown (--max-findings 100; 0 shows all)", for every format.
std::string NotShownMessage(size_t not_shown, size_t max);

/// The text emitters show of a file with a source: the source's, or the redacted copy.
std::string_view ShownText(const FileResult& file);
/// Where an offset of the source is in ShownText (inside a name: its token's start or `end`).
size_t ShownOffset(const FileResult& file, size_t offset, bool end);
/// ShownText over a span of the source.
std::string_view ShownSlice(const FileResult& file, Span span);
/// ShownSlice on one line, for excerpts.
std::string Excerpt(const FileResult& file, Span span);

/// A file's error as compilers print it: `where` is "path:LINE:COL" when the error starts with a
/// position ("2:5: invalid UTF-8 ..."), else "path"; `message` is the rest.
struct FileError {
  std::string where, message;
};
FileError SplitFileError(const std::string& path, const std::string& error);

/// "where: error: message", the one form of a file's error on stdout and stderr.
std::string FileErrorLine(const std::string& path, const std::string& error);

/// `file` with names replaced in every string an emitter prints (path, messages, fixes, data,
/// error, scorecard) and `text` filled with the redacted source, which the result points to.
FileResult RedactFile(const FileResult& file, const Redactor& redactor, RedactedText* text);

}  // namespace reviewlint
