#include "corpus.h"

#include <vector>

namespace reviewlint::bench {
namespace {

struct Rng {
  uint64_t s;
  uint64_t Next() {  // splitmix64
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Next() % v.size()];
  }
  int Int(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
};

const std::vector<std::string> kNames = {"Ana",    "Zoë",   "José",   "Björn", "Ngozi",
                                         "李伟",   "Søren", "Chloé",  "Priya", "Marcus",
                                         "Aiyana", "Oğuz",  "Hannah", "Dmitri"};
const std::vector<std::string> kSystems = {
    "checkout service", "ledger job",         "search API",   "billing worker",
    "export pipeline",  "notification queue", "auth gateway", "report builder"};
const std::vector<std::string> kSpecific = {
    "{n} rewrote the {s}, which cut p99 latency from {a} ms to {b} ms.",
    "During the {m} outage {n} traced the root cause to a connection-pool leak and shipped the fix "
    "within {c} hours.",
    "{n} designed the schema for the {s} and led the design review with {c} teams.",
    "{n} paired with {c} new engineers for their first {c} weeks; both shipped in their second "
    "week.",
    "{n} added contract tests for the {s}, raising coverage from {a}% to {b}%.",
    "{n} shipped the {s} migration on {c} {m}, the date agreed in the roadmap.",
    "{n} automated the release checklist, saving about {a} minutes per release.",
};
const std::vector<std::string> kVague = {
    "{n} is a good communicator and a real team player.",
    "{n} always goes above and beyond.",
    "{n} improved the stability of the {s}.",
    "{n} reduced latency on the {s}.",
    "His tests are somewhat flaky and the docs are kind of thin.",
    "{n} needs to be more proactive.",
    "Overall {n} meets expectations and had a solid year.",
    "Her code reviews are often too short to be useful.",
    "{n} can be abrasive in planning meetings.",
    "Really great work this year.",
};
const std::vector<std::string> kGrowth = {
    "From next quarter {n} will split work into tasks of two days or less, and I will review the "
    "plan each sprint.",
    "{n} should share a one-page design draft before writing code; I will set aside {c} minutes "
    "each week to review it.",
    "Her estimates ran {a}% over on the two largest projects.",
};
const std::vector<std::string> kMonths = {"March", "June", "September", "November"};

std::string Fill(const std::string& t, Rng& r, const std::string& name) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}') {
      switch (t[i + 1]) {
        case 'n':
          out += name;
          break;
        case 's':
          out += r.Pick(kSystems);
          break;
        case 'a':
          out += std::to_string(r.Int(20, 900));
          break;
        case 'b':
          out += std::to_string(r.Int(5, 200));
          break;
        case 'c':
          out += std::to_string(r.Int(2, 12));
          break;
        case 'm':
          out += r.Pick(kMonths);
          break;
      }
      i += 2;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace

std::string GenerateReview(uint64_t seed, size_t bytes) {
  Rng r{seed * 0x2545F4914F6CDD1DULL + 1};
  std::string name = r.Pick(kNames);
  std::string out =
      "---\nemployee: " + name + "\nreviewer: Hannah\nrubric: backend-developer\n---\n";
  out += "# 2026 review: " + name + "\n\n## Strengths\n\n";
  bool growth = false;
  while (out.size() < bytes) {
    if (!growth && out.size() > bytes * 2 / 3) {
      out += "\n## Areas for growth\n\n";
      growth = true;
    }
    int kind = r.Int(0, 9);
    const std::string& t = growth ? r.Pick(kGrowth) : kind < 6 ? r.Pick(kSpecific) : r.Pick(kVague);
    if (r.Int(0, 3) == 0) {
      // One call a statement: the order of operands of + is unspecified, and gcc and clang
      // differ, so the corpus would depend on the compiler.
      std::string first = Fill(t, r, name);
      std::string second = Fill(r.Pick(kSpecific), r, name);
      out += first + " " + second + "\n\n";
    } else {
      out += "- " + Fill(t, r, name) + "\n";
      if (r.Int(0, 5) == 0) out += "\n";
    }
    if (r.Int(0, 60) == 0)
      out += "\nGoal: reduce errors by X% (TBD). See `retry_policy` in https://wiki.example/x.\n\n";
  }
  return out;
}

}  // namespace reviewlint::bench
