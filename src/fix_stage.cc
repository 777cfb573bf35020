#include "fix_stage.h"

#include <algorithm>
#include <iostream>

#include "fix.h"

namespace reviewlint {

FixStage::FixStage(FixMode mode, std::string stdin_name, std::ostream& out)
    : mode_(mode), stdin_name_(std::move(stdin_name)), out_(out) {}

std::ostream& FixStage::findings_out() const {
  return active() && (mode_.diff || !stdin_name_.empty()) ? std::cerr : out_;
}

const FileResult& FixStage::Apply(const FileResult& original) {
  if (!active()) return original;
  if (!original.error.empty()) {
    std::cerr << FileErrorLine(original.path, original.error) << "; not fixed\n";
    return original;
  }
  if (!original.source) return original;
  std::vector<bool> fixed;
  std::string text =
      ApplyFixes(original.source->text(), original.diagnostics, mode_.unsafe, &fixed);
  size_t n = static_cast<size_t>(std::count(fixed.begin(), fixed.end(), true));
  Output(original, text, n);
  if (n) fixed_total_ += n, ++fixed_files_;
  remaining_ = FileResult{};
  remaining_.path = original.path;
  remaining_.source = original.source;
  remaining_.scorecard = original.scorecard;
  for (size_t i = 0; i < original.diagnostics.size(); ++i) {
    if (fixed[i]) continue;
    remaining_.diagnostics.push_back(original.diagnostics[i]);
    if (!original.diagnostics[i].fixes.empty()) ++unsafe_left_;
  }
  return remaining_;
}

// The diff, stdin's fixed text, or the file rewritten when something was fixed.
void FixStage::Output(const FileResult& original, const std::string& text, size_t n) {
  if (mode_.diff) {
    out_ << UnifiedDiff(original.path, original.source->text(), text);
  } else if (!stdin_name_.empty() && original.path == stdin_name_) {
    out_ << text;
  } else if (n > 0) {
    std::string error;
    if (!WriteAtomically(original.path, text, &error)) {
      std::cerr << FileErrorLine(original.path, error) << "; the file is unchanged\n";
      failed_ = true;
    }
  }
}

void FixStage::PrintSummary(size_t left) const {
  if (!active()) return;
  std::cerr << FixSummary(mode_.diff, mode_.unsafe, fixed_total_, fixed_files_, left, unsafe_left_);
}

}  // namespace reviewlint
