// Whole-word, case-insensitive matching over UTF-8 (for names and word lists) and redaction.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "redact.h"

#include <algorithm>

namespace reviewlint {
namespace {

struct CodePoint {
  char32_t folded;
  size_t begin, end;  // bytes
};

std::vector<CodePoint> Decode(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    out.push_back(
        {static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)), size_t(start), size_t(i)});
  }
  return out;
}

bool IsWordChar(char32_t c, bool letters_only = false) {
  if (!letters_only && (c == '_' || u_isdigit(static_cast<UChar32>(c)))) return true;
  if (u_isalpha(static_cast<UChar32>(c))) return true;
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

}  // namespace

std::u32string Fold(std::string_view text) {
  std::u32string out;
  for (const CodePoint& cp : Decode(text)) out.push_back(cp.folded);
  return out;
}

std::vector<WordMatch> FindWholeWords(std::string_view text,
                                      const std::vector<std::u32string>& folded_terms,
                                      bool letters_only) {
  std::vector<WordMatch> out;
  std::vector<CodePoint> cps = Decode(text);
  const size_t n = cps.size();
  for (size_t i = 0; i < n;) {
    if ((i > 0 && IsWordChar(cps[i - 1].folded, letters_only)) ||
        !IsWordChar(cps[i].folded, letters_only)) {
      ++i;
      continue;
    }
    size_t best = folded_terms.size(), best_len = 0;
    for (size_t t = 0; t < folded_terms.size(); ++t) {
      const std::u32string& term = folded_terms[t];
      size_t len = term.size();
      if (len == 0 || len <= best_len || i + len > n) continue;
      bool same = true;
      for (size_t k = 0; k < len && same; ++k) same = cps[i + k].folded == term[k];
      if (!same) continue;
      if (i + len < n && IsWordChar(cps[i + len].folded, letters_only)) continue;
      best = t, best_len = len;
    }
    if (best_len) {
      out.push_back({cps[i].begin, cps[i + best_len - 1].end, best});
      i += best_len;
    } else {
      ++i;
    }
  }
  return out;
}

void Redactor::Add(const std::string& name, const std::string& token) {
  auto add = [&](std::string_view part) {
    std::u32string folded = Fold(part);
    // Trim spaces and punctuation around the part.
    while (!folded.empty() && !IsWordChar(folded.back())) folded.pop_back();
    size_t lead = 0;
    while (lead < folded.size() && !IsWordChar(folded[lead])) ++lead;
    folded.erase(0, lead);
    if (folded.size() < 2) return;  // an initial would redact every "A"
    for (const Term& t : terms_)
      if (t.folded == folded) return;
    terms_.push_back({folded, token});
  };
  add(name);
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == ' ' || name[i] == '\t' || name[i] == '-') {
      if (i > start) parts.push_back(std::string_view(name).substr(start, i - start));
      start = i + 1;
    }
  }
  for (std::string_view part : parts) add(part);
  // File names join the parts ("reviews/jane_doe.md"); "_" is a word character, so a joined
  // name is only found whole.
  if (parts.size() < 2) return;
  for (const char* glue : {"", "-", "_", "."}) {
    std::string joined;
    for (std::string_view part : parts) joined += (joined.empty() ? "" : glue) + std::string(part);
    add(joined);
  }
}

std::string Redactor::TokenFor(const std::string& name) const {
  std::u32string folded = Fold(name);
  for (const Term& t : terms_)
    if (t.folded == folded) return t.token;
  return "";
}

std::string Redactor::Apply(std::string_view text, std::vector<Edit>* edits) const {
  return Replace(text, false, edits);
}

std::string Redactor::ApplyToPath(std::string_view path) const {
  return Replace(path, true, nullptr);
}

std::string Redactor::Replace(std::string_view text, bool letters_only,
                              std::vector<Edit>* edits) const {
  if (terms_.empty()) return std::string(text);
  std::vector<std::u32string> folded;
  for (const Term& t : terms_) folded.push_back(t.folded);
  std::string out;
  size_t at = 0;
  for (const WordMatch& m : FindWholeWords(text, folded, letters_only)) {
    out.append(text.substr(at, m.begin - at));
    size_t new_begin = out.size();
    out.append(terms_[m.term].token);
    if (edits) edits->push_back({m.begin, m.end, new_begin, out.size()});
    at = m.end;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<std::string> Redactor::Tokens() const {
  std::vector<std::string> out;
  for (const Term& t : terms_)
    if (std::find(out.begin(), out.end(), t.token) == out.end()) out.push_back(t.token);
  return out;
}

size_t Redactor::MapOffset(const std::vector<Edit>& edits, size_t offset, bool end) {
  // Edits are in order; before the first edit at or after `offset`, the shift is constant.
  long long shift = 0;
  for (const Edit& e : edits) {
    if (offset <= e.begin) break;
    if (offset < e.end) return end ? e.new_end : e.new_begin;
    shift = static_cast<long long>(e.new_end) - static_cast<long long>(e.end);
  }
  return static_cast<size_t>(static_cast<long long>(offset) + shift);
}

}  // namespace reviewlint
