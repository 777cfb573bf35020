// Plain text: every byte is prose; paragraphs are separated by blank lines. URLs and e-mail
// addresses are still not words.
#include "inline.h"
#include "markup.h"

namespace reviewlint {

MarkupResult ScanPlainText(std::string_view text, uint32_t content_begin) {
  MarkupResult r;
  r.prose.assign(text.data(), text.size());
  for (uint32_t i = 0; i < content_begin; ++i) r.prose[i] = ' ';
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t p = content_begin;
  uint32_t para_begin = 0, para_end = 0;
  bool open = false;
  while (p < n) {
    uint32_t e = p;
    while (e < n && text[e] != '\n' && text[e] != '\r') ++e;
    bool blank = true;
    for (uint32_t i = p; i < e; ++i)
      if (text[i] != ' ' && text[i] != '\t') blank = false;
    if (blank) {
      if (open) r.blocks.push_back(Block{BlockKind::kParagraph, Span{para_begin, para_end}});
      open = false;
    } else if (open) {
      para_end = e;
    } else {
      para_begin = p;
      para_end = e;
      open = true;
    }
    p = e;
    if (p < n && text[p] == '\r') ++p;
    if (p < n && text[p] == '\n') ++p;
  }
  if (open) r.blocks.push_back(Block{BlockKind::kParagraph, Span{para_begin, para_end}});
  for (const Block& b : r.blocks) {
    MaskBareUrls(text, b.span, &r.prose);
    JoinLines(b.span, &r.prose);
  }
  return r;
}

}  // namespace reviewlint
