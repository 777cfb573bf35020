// What kind of document a draft is (rules in kind.h).
#include "kind.h"

#include "document.h"
#include "lexicon.h"
#include "people.h"
#include "scorecard.h"

namespace reviewlint {
namespace {

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

struct PersonCounts {
  size_t first = 0, third = 0;
};

// Counts the singular personal pronouns, word by word (letters; other bytes end a word, so
// "I'm" counts its "I").
PersonCounts CountPronouns(std::string_view prose) {
  using namespace std::string_view_literals;
  static constexpr std::string_view kFirst[] = {"i"sv, "me"sv, "my"sv, "mine"sv, "myself"sv};
  // The reviewee as someone else: "she", or "you" in a review written to them.
  static constexpr std::string_view kThird[] = {"he"sv,  "she"sv,  "him"sv,     "her"sv,
                                                "his"sv, "hers"sv, "himself"sv, "herself"sv,
                                                "you"sv, "your"sv, "yours"sv,   "yourself"sv};
  PersonCounts n;
  char word[9];  // the word's first letters, lower case; longer words are no pronoun
  size_t letters = 0;
  auto count = [&] {
    // Every pronoun starts with i, m, h, s or y: most words are passed over at their first letter.
    const char c = word[0];
    if (letters <= 8 && (c == 'i' || c == 'm' || c == 'h' || c == 's' || c == 'y')) {
      std::string_view w(word, letters);
      for (std::string_view p : kFirst) n.first += w == p;
      for (std::string_view p : kThird) n.third += w == p;
    }
    letters = 0;
  };
  // Each byte as the word keeps it: a letter in lower case, a byte of 0x80 or more as it is, 0
  // for what ends a word.
  static constexpr struct Letters {
    char c[256];
    constexpr Letters() : c{} {
      for (int i = 'a'; i <= 'z'; ++i) c[i] = static_cast<char>(i);
      for (int i = 'A'; i <= 'Z'; ++i) c[i] = static_cast<char>(i - 'A' + 'a');
      for (int i = 0x80; i < 0x100; ++i) c[i] = static_cast<char>(i);
    }
  } kLetters;
  for (char byte : prose) {
    const char c = kLetters.c[static_cast<unsigned char>(byte)];
    if (c) {
      if (letters < 8) word[letters] = c;
      ++letters;
    } else if (letters) {
      count();
    }
  }
  if (letters) count();
  return n;
}

// "first person: 9 of 120 words are I, me, my", or "" when the draft is not in the first person.
std::string FirstPerson(std::string_view prose, size_t words) {
  if (words == 0) return "";
  PersonCounts n = CountPronouns(prose);
  if (double(n.first) < 0.03 * double(words) || n.first <= 2 * n.third) return "";
  return "first person: " + std::to_string(n.first) + " of " + std::to_string(words) +
         " words are I, me, my";
}

// The peer wording in the folded prose, or "".
std::string PeerWording(const std::string& folded) {
  static const char* const kPhrases[] = {
      "peer feedback",   "feedback from a peer", "as a peer",         "as his peer",
      "as her peer",     "as their peer",        "as your peer",      "as a teammate",
      "as his teammate", "as her teammate",      "as their teammate", "as a fellow engineer",
  };
  for (const char* p : kPhrases)
    if (Contains(folded, p)) return p;
  return "";
}

DocumentKind ByType(std::string_view type) {
  std::string t = FoldCase(type);
  std::string why = "front matter type: " + std::string(type);
  if (Contains(t, "self")) return {kSelfReview, why};
  if (Contains(t, "pip") || Contains(t, "improvement") || Contains(t, "plan"))
    return {kImprovementPlan, why};
  if (Contains(t, "peer")) return {kPeerFeedback, why};
  return {kReview, why};
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool HasPlanStructure(const std::vector<std::string>& fields) {
  bool core = false;
  for (const std::string& f : fields) core = core || f == "Goal" || f == "Actions";
  return core && fields.size() >= 3;
}

bool IsHeadingAt(const Document& doc, uint32_t at) {
  for (const Block& b : doc.markup.blocks)
    if (b.span.begin <= at && at < b.span.end) return b.kind == BlockKind::kHeading;
  return false;
}

// The plan fields found outside a PIP section, and whether all of them are headings.
std::vector<std::string> PlanFields(const Document& doc, const PipAnalysis& pip, bool* headings) {
  std::vector<std::string> names;
  *headings = true;
  if (pip.present) return names;
  for (const PipField& f : pip.fields) {
    if (!f.present) continue;
    names.push_back(f.name);
    *headings = *headings && IsHeadingAt(doc, f.label.begin);
  }
  return names;
}

// Does the prose hold one of the stems every peer phrase holds ("peer", "Peer", "PEER",
// "eammate", "EAMMATE", "ellow", "ELLOW")? Each has a doubled letter, so one pass looks for
// doubled letters and checks the stems around them: a long draft is read once, not seven times.
bool HasPeerStem(std::string_view prose) {
  struct Stem {
    std::string_view text;
    size_t doubled;  // where its doubled letter starts
  };
  static constexpr Stem kStems[] = {{"peer", 1},    {"Peer", 1},  {"PEER", 1}, {"eammate", 2},
                                    {"EAMMATE", 2}, {"ellow", 1}, {"ELLOW", 1}};
  for (size_t i = 0; i + 1 < prose.size(); ++i) {
    const char c = prose[i];
    if (c != prose[i + 1]) continue;
    if (c != 'e' && c != 'E' && c != 'm' && c != 'M' && c != 'l' && c != 'L') continue;
    for (const Stem& stem : kStems)
      if (i >= stem.doubled && prose.substr(i - stem.doubled, stem.text.size()) == stem.text)
        return true;
  }
  return false;
}

}  // namespace

DocumentKind DraftKind(const KindSignals& s) {
  if (!s.type.empty()) return ByType(s.type);
  if (s.plan_heading) return {kImprovementPlan, "a Performance Improvement Plan heading"};
  if (HasPlanStructure(s.plan_fields))
    return {kImprovementPlan,
            (s.plan_fields_are_headings ? "headings " : "labels ") + Joined(s.plan_fields)};
  if (!s.employee.empty() && FoldCase(s.employee) == FoldCase(s.reviewer))
    return {kSelfReview, "employee and reviewer are the same person"};
  // Most drafts hold no peer stem, and then the whole draft is not folded.
  std::string peer = HasPeerStem(s.prose) ? PeerWording(FoldCase(s.prose)) : "";
  if (!peer.empty()) return {kPeerFeedback, "wording \"" + peer + "\""};
  std::string first = FirstPerson(s.prose, s.words);
  if (!first.empty()) return {kSelfReview, first};
  return {kReview, "no sign of another kind"};
}

void ReadKind(const Document& doc, Scorecard* sc) {
  const MarkupResult& m = doc.markup;
  std::string type = Unquote(m.FrontMatter("type"));
  People people = FrontMatterPeople(m);
  KindSignals s;
  s.type = type;
  s.plan_heading = sc->pip.present;
  s.plan_fields = PlanFields(doc, sc->pip, &s.plan_fields_are_headings);
  s.employee = people.reviewee;
  s.reviewer = people.reviewer;
  s.prose = doc.prose();
  s.words = doc.tokens.size();
  DocumentKind kind = DraftKind(s);
  sc->kind = {kind.name, kind.why};
  if (kind.name != kImprovementPlan || sc->pip.present) return;
  // A plan without a PIP heading: its findings about the whole plan point at its first field.
  sc->pip.present = true;
  for (const PipField& f : sc->pip.fields)
    if (f.present) {
      sc->pip.heading = f.label;
      break;
    }
}

bool RubricFits(std::string_view kind) { return kind == kReview || kind == kSelfReview; }

std::string KindPlural(std::string_view kind) {
  if (kind == kImprovementPlan) return "improvement plans";
  if (kind == kPeerFeedback) return "peer feedback";
  return std::string(kind) + "s";
}

std::string ToTheWriter(std::string_view message) {
  // Longest first: "the person's" before "the person".
  static const std::pair<const char*, const char*> kWords[] = {
      {"what should they grow next?", "what do you want to grow next?"},
      {"what should they keep doing?", "what should you keep doing?"},
      {"the person's", "your"},
      {"the person", "you"},
      {"did they do", "did you do"},
      {"they did", "you did"},
      {"they performed", "you performed"},
      {"The review", "The self-review"},
  };
  std::string out(message);
  for (const auto& [from, to] : kWords) {
    std::string_view f = from;
    for (size_t at = out.find(f); at != std::string::npos; at = out.find(f, at + 1))
      out.replace(at, f.size(), to);
  }
  return out;
}

}  // namespace reviewlint
