#include "quantity.h"

#include "document.h"
#include "lexicon.h"

namespace reviewlint {
namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Byte length of a currency sign right before `at` ($, £, ¥, €, ₹), or 0.
uint32_t CurrencyBefore(std::string_view t, uint32_t at) {
  if (at >= 1 && t[at - 1] == '$') return 1;
  if (at >= 2 && (t.compare(at - 2, 2, "\xC2\xA3") == 0 || t.compare(at - 2, 2, "\xC2\xA5") == 0))
    return 2;
  if (at >= 3 &&
      (t.compare(at - 3, 3, "\xE2\x82\xAC") == 0 || t.compare(at - 3, 3, "\xE2\x82\xB9") == 0))
    return 3;
  return 0;
}

bool IsPercentAfter(std::string_view t, uint32_t at) {
  while (at < t.size() && t[at] == ' ') ++at;
  return at < t.size() && t[at] == '%';
}

// A 4-digit year between 1900 and 2099, alone.
bool IsYear(std::string_view w) {
  return w.size() == 4 && (w.compare(0, 2, "19") == 0 || w.compare(0, 2, "20") == 0) &&
         IsDigit(w[2]) && IsDigit(w[3]);
}

}  // namespace

const char* QuantityKindName(QuantityKind k) {
  switch (k) {
    case QuantityKind::kNumber:
      return "number";
    case QuantityKind::kPercent:
      return "percent";
    case QuantityKind::kMoney:
      return "money";
    case QuantityKind::kDuration:
      return "duration";
    case QuantityKind::kMultiplier:
      return "multiplier";
    case QuantityKind::kPercentile:
      return "percentile";
    case QuantityKind::kCount:
      return "count";
    case QuantityKind::kDate:
      return "date";
  }
  return "number";
}

// "give 110%", "giving 200%": a percentage of 100 or more after a form of "give".
static bool EffortIdiom(std::string_view t, const Token& before, std::string_view number) {
  std::string verb = FoldCase(t.substr(before.span.begin, before.span.size()));
  if (verb != "give" && verb != "gives" && verb != "gave" && verb != "giving" && verb != "given")
    return false;
  int value = 0;
  for (char c : number) {
    if (!IsDigit(c)) break;
    value = value * 10 + (c - '0');
    if (value > 100000) break;
  }
  return value >= 100;
}

// One algorithm: a left-to-right recogniser that reads each token once and decides its kind
// from the token, its neighbours and the word attributes (money, percent, multiplier, glued or
// following unit, year, month date, percentile, quarter, number word with a unit).
void FindQuantities(std::string_view t, const Token* tokens, size_t n, const Lexicon& lexicon,
                    std::vector<Quantity>* out) {
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = tokens[i];
    std::string_view w = t.substr(tok.span.begin, tok.span.size());
    uint8_t attr = lexicon.Attr(tok.exact);
    const Token* next = i + 1 < n ? &tokens[i + 1] : nullptr;
    uint8_t next_attr = next ? lexicon.Attr(next->exact) : 0;
    // The unit may stand right after the number, separated only by spaces ("480 ms").
    auto unit_follows = [&]() {
      if (!next || !(next_attr & kUnitWord)) return false;
      for (uint32_t p = tok.span.end; p < next->span.begin; ++p)
        if (t[p] != ' ' && t[p] != '-' && t[p] != '\xC2' && t[p] != '\xA0') return false;
      return true;
    };

    if (tok.flags & kTokenNumeric) {
      Quantity q{tok.span, QuantityKind::kNumber};
      size_t digits = 0;
      while (digits < w.size() && (IsDigit(w[digits]) || w[digits] == '.' || w[digits] == ','))
        ++digits;
      std::string_view suffix = w.substr(digits);
      if (uint32_t sign = CurrencyBefore(t, tok.span.begin)) {
        q.kind = QuantityKind::kMoney;
        q.span.begin -= sign;
      } else if (IsPercentAfter(t, tok.span.end)) {
        // "gives 110%" is a figure of speech about effort, not a measurement.
        if (i > 0 && EffortIdiom(t, tokens[i - 1], w)) continue;
        q.kind = QuantityKind::kPercent;
        uint32_t p = tok.span.end;
        while (t[p] == ' ') ++p;
        q.span.end = p + 1;
      } else if (suffix == "x" || suffix == "X") {
        q.kind = QuantityKind::kMultiplier;
      } else if (!suffix.empty()) {
        // "480ms", "2GB", "5k", "10th": a number with its unit glued on.
        uint32_t sx = lexicon.FindExact(FoldCase(suffix));
        q.kind =
            (lexicon.Attr(sx) & kDurationUnit) ? QuantityKind::kDuration : QuantityKind::kCount;
        if (suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd")
          q.kind = QuantityKind::kNumber;
      } else if (unit_follows()) {
        q.kind = (next_attr & kDurationUnit) ? QuantityKind::kDuration : QuantityKind::kCount;
        q.span.end = next->span.end;
        ++i;
      } else if (IsYear(w)) {
        q.kind = QuantityKind::kDate;
      } else if (i > 0 && (lexicon.Attr(tokens[i - 1].exact) & kMonthWord)) {
        q.kind = QuantityKind::kDate;  // "March 3"
        q.span.begin = tokens[i - 1].span.begin;
      }
      out->push_back(q);
      continue;
    }
    // "p99", "P95", "p99.9"
    if (w.size() >= 2 && (w[0] == 'p' || w[0] == 'P') && IsDigit(w[1])) {
      bool all = true;
      for (size_t k = 1; k < w.size(); ++k) all = all && (IsDigit(w[k]) || w[k] == '.');
      if (all) {
        out->push_back({tok.span, QuantityKind::kPercentile});
        continue;
      }
    }
    // "Q3", "H2": quarters and halves are dates.
    if (w.size() == 2 && (w[0] == 'Q' || w[0] == 'q' || w[0] == 'H') && w[1] >= '1' &&
        w[1] <= '4') {
      out->push_back({tok.span, QuantityKind::kDate});
      continue;
    }
    if (attr & kMultiplierWord) {
      out->push_back({tok.span, QuantityKind::kMultiplier});
      continue;
    }
    if ((attr & kNumberWord) && unit_follows()) {
      out->push_back({Span{tok.span.begin, next->span.end}, (next_attr & kDurationUnit)
                                                                ? QuantityKind::kDuration
                                                                : QuantityKind::kCount});
      ++i;
      continue;
    }
  }
}

}  // namespace reviewlint
