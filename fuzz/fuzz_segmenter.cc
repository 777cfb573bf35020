// Sentence and word segmentation (ICU over UTF-8) of any span of any bytes. One Segmenter serves
// every input, as one does a worker thread. Spans stay inside the span asked for, in order,
// non-empty and non-overlapping; sentences are trimmed; and the fast paths give exactly ICU's
// answers (Segmenter::Mode::kIcu).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "tokenizer.h"

namespace {

using namespace reviewlint;

void CheckSpans(const std::vector<Span>& spans, Span within) {
  uint32_t last = within.begin;
  for (Span s : spans) {
    FUZZ_CHECK(!s.empty());
    FUZZ_CHECK(s.begin >= last && s.end <= within.end);
    last = s.end;
  }
}

bool Space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Segmenter* segmenter = new Segmenter();
  static Segmenter* icu = new Segmenter(Segmenter::Mode::kIcu);
  // The first two bytes pick a sub-span; the rest is the text.
  if (size < 2) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t a = n ? data[0] % (n + 1) : 0, b = n ? data[1] % (n + 1) : 0;
  if (a > b) std::swap(a, b);
  std::vector<Span> out, want;
  auto same = [&] {
    FUZZ_CHECK(out.size() == want.size());
    for (size_t i = 0; i < out.size(); ++i)
      FUZZ_CHECK(out[i].begin == want[i].begin && out[i].end == want[i].end);
  };
  for (Span span : {Span{0, n}, Span{a, b}}) {
    out.clear();
    want.clear();
    segmenter->Sentences(text, span, &out);
    CheckSpans(out, span);
    for (Span s : out) FUZZ_CHECK(!Space(text[s.begin]) && !Space(text[s.end - 1]));
    icu->Sentences(text, span, &want);
    same();
    out.clear();
    want.clear();
    segmenter->Words(text, span, &out);
    CheckSpans(out, span);
    icu->Words(text, span, &want);
    same();
  }
  return 0;
}
