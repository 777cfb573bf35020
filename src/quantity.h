// Quantities in a sentence: numbers, percentages, money, durations, multipliers, percentiles and
// counts ("35%", "$1.2M", "3x", "480 ms", "two weeks", "p99", "halved"), and dates, which are
// numbers that do not measure anything ("2024", "Q3", "March 3"). The metrics pack depends on
// telling them apart.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "span.h"

namespace reviewlint {

enum class QuantityKind : uint8_t {
  kNumber,
  kPercent,
  kMoney,
  kDuration,
  kMultiplier,
  kPercentile,
  kCount,
  kDate,
};

const char* QuantityKindName(QuantityKind k);

struct Quantity {
  Span span;
  QuantityKind kind;
  bool measures() const { return kind != QuantityKind::kDate; }
};

struct Token;
class Lexicon;

/// Appends the quantities among `tokens` (one sentence's words, in order) to `out`.
void FindQuantities(std::string_view text, const Token* tokens, size_t count,
                    const Lexicon& lexicon, std::vector<Quantity>* out);

}  // namespace reviewlint
