// One line for several messages of one rule that share a form, as the text output's note on the
// whole review prints them:
//
//   "The review never covers Delivery (10% of the backend-developer rubric)"
//   "The review never covers Security (10% of the backend-developer rubric)"
//     → "The review never covers Delivery (10%), Security (10%) of the backend-developer rubric"
//
// The words every message starts with and ends with are said once, what differs is listed; a
// bracket the list would cut is closed in each item. Messages without a common start stay apart.
#pragma once

#include <string>
#include <vector>

namespace reviewlint {

/// The messages merged into lines: one line when they share a form, else each on its own.
std::vector<std::string> MergeMessages(const std::vector<std::string>& messages);

}  // namespace reviewlint
