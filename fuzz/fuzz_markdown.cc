// The Markdown scanner (and the plain-text one) over any bytes: no crash, no hang, and the markup
// contract of markup.h: `prose` has the buffer's length, every byte is the original, a space or
// kOpaque, every span lies inside the buffer, and valid UTF-8 stays valid UTF-8 (masking never
// splits a code point, so ICU sees the same characters the user wrote).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "markup/markup.h"

namespace {

using namespace reviewlint;

void CheckSpan(Span s, uint32_t n) { FUZZ_CHECK(s.begin <= s.end && s.end <= n); }

void CheckResult(std::string_view text, uint32_t content_begin, const MarkupResult& r,
                 bool valid_utf8) {
  const auto n = static_cast<uint32_t>(text.size());
  FUZZ_CHECK(r.prose.size() == text.size());
  for (uint32_t i = 0; i < n; ++i) {
    char p = r.prose[i];
    FUZZ_CHECK(p == text[i] || p == ' ' || p == kOpaque);
  }
  for (uint32_t i = 0; i < content_begin; ++i) FUZZ_CHECK(r.prose[i] == ' ');
  if (valid_utf8) FUZZ_CHECK(!FindInvalidUtf8(r.prose).has_value());
  for (const Block& b : r.blocks) {
    CheckSpan(b.span, n);
    FUZZ_CHECK(b.span.begin >= content_begin);
    FUZZ_CHECK(b.section >= -1 && b.section < static_cast<int>(r.sections.size()));
    // A scope is one run of prose: line breaks inside it are joined.
    for (uint32_t i = b.span.begin; i < b.span.end; ++i)
      FUZZ_CHECK(r.prose[i] != '\n' && r.prose[i] != '\r');
  }
  for (size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    CheckSpan(s.title, n);
    CheckSpan(s.extent, n);
    FUZZ_CHECK(s.level >= 1 && s.level <= 6);
    FUZZ_CHECK(s.parent >= -1 && s.parent < static_cast<int>(i));
  }
  for (Span c : r.comments) CheckSpan(c, n);
  CheckSpan(r.front_matter, n);
  for (const FrontMatterEntry& e : r.front_matter_entries) {
    CheckSpan(e.value_span, n);
    FUZZ_CHECK(text.substr(e.value_span.begin, e.value_span.size()) == e.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  uint32_t content_begin = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool valid = !FindInvalidUtf8(text).has_value();
  for (const Markup& m : Markups())
    CheckResult(text, content_begin, m.scan(text, content_begin), valid);
  return 0;
}
