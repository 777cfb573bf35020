// What the sentence feature layer reads in a draft, sentence by sentence: for people tuning
// rules (reviewlint-eval --features FILE).
#pragma once

#include <ostream>
#include <string>

#include "engine.h"

namespace reviewlint::eval {

/// Lints `path` and prints, for each sentence, its balance side (from the scorecard's lines:
/// "+" praise, "-" constructive), subject, tone and cues. Returns false (with `error`) when the
/// file cannot be read.
bool DumpFeatures(const Engine& engine, const std::string& path, std::ostream& out,
                  std::string* error);

}  // namespace reviewlint::eval
