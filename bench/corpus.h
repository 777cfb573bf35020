// A deterministic generator of review-like text for the benchmarks: Markdown reviews with front
// matter, headings, lists, specific and vague sentences, quantities, non-ASCII names and the
// occasional placeholder. The same seed gives the same bytes on every machine.
#pragma once

#include <cstdint>
#include <string>

namespace reviewlint::bench {

/// One review of about `bytes` bytes.
std::string GenerateReview(uint64_t seed, size_t bytes);

}  // namespace reviewlint::bench
