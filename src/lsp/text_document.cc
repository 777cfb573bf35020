#include "text_document.h"

#include <algorithm>

namespace reviewlint::lsp {
namespace {

inline bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Line starts found in text[from, last], a byte at or past `last` ending the scan.
void ScanLineStarts(const std::string& text, size_t from, size_t last,
                    std::vector<uint32_t>* starts) {
  const size_t n = text.size();
  for (size_t i = from; i < n && i <= last; ++i) {
    char c = text[i];
    if (c == '\n') {
      starts->push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < n && text[i + 1] == '\n') ++i;
      starts->push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

}  // namespace

const char* EncodingName(PositionEncoding encoding) {
  return encoding == PositionEncoding::kUtf8 ? "utf-8" : "utf-16";
}

TextDocument::TextDocument(std::string text) { SetText(std::move(text)); }

void TextDocument::SetText(std::string text) {
  text_ = std::move(text);
  starts_.assign(1, 0);
  ScanLineStarts(text_, 0, text_.size(), &starts_);
}

uint32_t TextDocument::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin()) - 1;
}

uint32_t TextDocument::LineStart(uint32_t line) const {
  return line < starts_.size() ? starts_[line] : static_cast<uint32_t>(text_.size());
}

uint32_t TextDocument::LineEnd(uint32_t line) const {
  if (line + 1 >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = starts_[line + 1];
  // The next line starts after LF, CR or CRLF.
  if (end > starts_[line] && text_[end - 1] == '\n') --end;
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

uint32_t TextDocument::OffsetAt(LspPosition p, PositionEncoding encoding) const {
  if (p.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t at = starts_[p.line], end = LineEnd(p.line);
  if (encoding == PositionEncoding::kUtf8) {
    at += std::min(p.character, end - at);
    while (at < end && IsContinuation(text_[at])) ++at;
    return at;
  }
  uint32_t units = 0;
  while (at < end && units < p.character) {
    units += static_cast<unsigned char>(text_[at]) >= 0xF0 ? 2 : 1;
    ++at;
    while (at < end && IsContinuation(text_[at])) ++at;
  }
  return at;
}

LspPosition TextDocument::PositionAt(uint32_t offset, PositionEncoding encoding) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t line = LineOf(offset);
  uint32_t start = starts_[line], at = std::min(offset, LineEnd(line));
  if (encoding == PositionEncoding::kUtf8) return LspPosition{line, at - start};
  uint32_t units = 0;
  for (uint32_t i = start; i < at; ++i) {
    unsigned char b = static_cast<unsigned char>(text_[i]);
    if (!IsContinuation(static_cast<char>(b))) units += b >= 0xF0 ? 2 : 1;
  }
  return LspPosition{line, units};
}

void TextDocument::Replace(uint32_t begin, uint32_t end, std::string_view replacement) {
  const auto size = static_cast<uint32_t>(text_.size());
  end = std::min(end, size);
  begin = std::min(begin, end);
  // The edit can change whether the line break just before it is a CR or a CRLF, so re-scan
  // from the start of the line holding the byte before the edit.
  uint32_t first = LineOf(begin > 0 ? begin - 1 : 0);
  uint32_t from = starts_[first];
  const int64_t delta = static_cast<int64_t>(replacement.size()) - (end - begin);
  std::vector<uint32_t> tail;
  for (auto it = std::upper_bound(starts_.begin(), starts_.end(), end); it != starts_.end(); ++it)
    tail.push_back(static_cast<uint32_t>(*it + delta));
  text_.replace(begin, end - begin, replacement);
  starts_.resize(first + 1);
  // Up to and including the first byte after the replacement: it may pair with a CR before it.
  ScanLineStarts(text_, from, begin + replacement.size(), &starts_);
  for (uint32_t t : tail)
    if (t > starts_.back()) starts_.push_back(t);
}

}  // namespace reviewlint::lsp
