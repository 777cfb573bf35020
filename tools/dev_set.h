// A sentence-labelled development set (tests/devlabels/README.md and
// ../shared/research/dev-labels/README.md): review texts from a CSV, one JSON label per sentence
// (byte offsets into the review's `feedback`, checked by SHA-1), and optional whole-review
// balance verdicts. The texts are read at run time only; nothing here copies them anywhere.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace reviewlint::eval {

struct DevSentence {
  uint32_t start = 0, end = 0;  // bytes of the feedback, end exclusive
  std::set<std::string> packs;  // should flag
  std::set<std::string> also;   // may flag
  std::string why;
};

struct DevReview {
  std::string id;
  std::string text;  // the feedback bytes plus one "\n", as review-<id>.txt holds them
  std::vector<DevSentence> sentences;  // by start
};

struct DevSet {
  std::string name;
  std::vector<DevReview> reviews;  // in the order the label files first name them
  std::map<std::string, std::string>
      verdicts;  // id -> ok | missing-constructive | missing-positive
  size_t sentences() const;
};

/// id -> feedback of every row of a CSV with `id` and `feedback` columns (quoted fields may span
/// lines; a UTF-8 byte-order mark is skipped). `path` is only used in messages.
bool ParseFeedbackCsv(const std::string& bytes, const std::string& path,
                      std::map<std::string, std::string>* feedback, std::string* error);
bool ReadFeedbackCsv(const std::string& path, std::map<std::string, std::string>* feedback,
                     std::string* error);

/// Loads the label files (JSON lines) into one set over `feedback`; a review named by several
/// files gets all their sentences. Errors are located (file:line) and end the load.
bool LoadDevSet(const std::string& name, const std::vector<std::string>& label_files,
                const std::map<std::string, std::string>& feedback, DevSet* out,
                std::string* error);

/// Adds the `balance` verdicts of a JSON-lines file ("neither" counts as "ok").
bool LoadVerdicts(const std::string& path, DevSet* set, std::string* error);

}  // namespace reviewlint::eval
