// What kind of draft a file is (rules in kind.h).
#include "kind.h"

#include "format.h"

namespace reviewlint::report {
namespace {

bool Contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

struct PersonCounts {
  size_t first = 0, third = 0;
};

// Counts the singular personal pronouns, word by word (letters; other bytes end a word, so
// "I'm" counts its "I").
PersonCounts CountPronouns(std::string_view prose) {
  static const char* const kFirst[] = {"i", "me", "my", "mine", "myself"};
  static const char* const kThird[] = {"he",  "she",  "him",     "her",
                                       "his", "hers", "himself", "herself"};
  PersonCounts n;
  std::string word;
  auto count = [&] {
    for (const char* w : kFirst) n.first += word == w;
    for (const char* w : kThird) n.third += word == w;
    word.clear();
  };
  for (char c : prose) {
    bool letter =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0x80);
    if (letter && word.size() < 16)
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (!letter && !word.empty())
      count();
  }
  if (!word.empty()) count();
  return n;
}

bool WrittenInFirstPerson(std::string_view prose, size_t words) {
  if (words == 0) return false;
  PersonCounts n = CountPronouns(prose);
  return double(n.first) >= 0.03 * double(words) && n.first > 2 * n.third;
}

}  // namespace

std::string DraftKind(const KindSignals& s) {
  std::string type = AsciiLower(s.type);
  if (!type.empty()) {
    if (Contains(type, "self")) return kSelfReview;
    if (Contains(type, "pip") || Contains(type, "improvement")) return kImprovementPlan;
    return kReview;
  }
  if (s.pip_section) return kImprovementPlan;
  if (!s.employee.empty() && AsciiLower(s.employee) == AsciiLower(s.reviewer)) return kSelfReview;
  if (WrittenInFirstPerson(s.prose, s.words)) return kSelfReview;
  return kReview;
}

std::string KindPlural(std::string_view kind) {
  if (kind == kImprovementPlan) return "improvement plans";
  return std::string(kind) + "s";
}

}  // namespace reviewlint::report
