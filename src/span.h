// Span: the one position type. A half-open byte range [begin, end) into a file's original
// buffer. Lines and columns exist only at the edges (emitters, LSP), converted by LineIndex.
#pragma once

#include <cstdint>

namespace reviewlint {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool Overlaps(Span other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(Span a, Span b) { return !(a == b); }
  friend bool operator<(Span a, Span b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

}  // namespace reviewlint
