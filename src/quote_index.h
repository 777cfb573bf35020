// QuoteIndex: is a span inside quotation marks within its sentence? The marks of a sentence are
// found once and looked up by position: rescanning the sentence from its start for every match is
// quadratic in a long one (a 10 MB line with no full stop is one sentence).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "span.h"

namespace reviewlint {

class QuoteIndex {
 public:
  bool InQuotes(std::string_view prose, size_t sentence_index, Span sentence, Span span) {
    if (sentence_index != sentence_) {
      sentence_ = sentence_index;
      marks_.clear();
      int straight = 0, curly = 0;
      for (uint32_t p = sentence.begin; p < sentence.end; ++p) {
        char c = prose[p];
        // A straight quote right after a digit is an inch mark (12"), not a quotation.
        if (c == '"' && !(p > sentence.begin && prose[p - 1] >= '0' && prose[p - 1] <= '9'))
          ++straight;
        else if (c == '\xE2' && p + 2 < prose.size() && prose[p + 1] == '\x80' &&
                 (prose[p + 2] == '\x9C' || prose[p + 2] == '\x9D'))
          curly += prose[p + 2] == '\x9C' ? 1 : -1;  // “ opens, ” closes
        else
          continue;
        marks_.push_back({p, straight, curly});
      }
    }
    // The state after the last mark before the span.
    auto after = std::lower_bound(marks_.begin(), marks_.end(), span.begin,
                                  [](const Mark& m, uint32_t at) { return m.at < at; });
    if (after == marks_.begin()) return false;
    const Mark& m = *(after - 1);
    return m.straight % 2 == 1 || m.curly > 0;
  }

 private:
  struct Mark {
    uint32_t at;
    int straight, curly;  // counts up to and including this mark
  };
  std::vector<Mark> marks_;
  size_t sentence_ = SIZE_MAX;
};

}  // namespace reviewlint
