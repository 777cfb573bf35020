// FixStage: the --fix, --fix-unsafe and --diff stage of a lint run, between the engine and the
// emitter. For each file it applies the fixes, then writes the file atomically, prints the diff,
// or (for stdin) prints the fixed text, and hands on what the fixes leave for the emitter. At the
// end it prints the one-line summary (FixSummary in fix.h).
#pragma once

#include <ostream>
#include <string>

#include "emit/emitter.h"

namespace reviewlint {

struct FixMode {
  bool fix = false, unsafe = false, diff = false;
  bool active() const { return fix || unsafe || diff; }
};

class FixStage {
 public:
  /// `stdin_name` is the name stdin's text is shown by when stdin is among the inputs, else "".
  /// `out` receives diffs and stdin's fixed text.
  FixStage(FixMode mode, std::string stdin_name, std::ostream& out);

  bool active() const { return mode_.active(); }
  /// Where findings go: stderr when the diff or stdin's fixed text is the output.
  std::ostream& findings_out() const;
  /// The findings to show for `original`: itself when not fixing, else those the fixes leave
  /// (valid until the next call). A file that could not be read is reported as not fixed.
  const FileResult& Apply(const FileResult& original);
  /// The last line of the run, to stderr; `left` counts the findings shown.
  void PrintSummary(size_t left) const;
  /// A fixed file could not be written.
  bool failed() const { return failed_; }

 private:
  void Output(const FileResult& original, const std::string& text, size_t n);

  FixMode mode_;
  std::string stdin_name_;
  std::ostream& out_;
  FileResult remaining_;
  size_t fixed_total_ = 0, fixed_files_ = 0;
  size_t unsafe_left_ = 0;  // findings left whose fix only --fix-unsafe applies
  bool failed_ = false;
};

}  // namespace reviewlint
