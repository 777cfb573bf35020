// What kind of document a draft is: a review of someone, a self-review, an improvement plan or
// peer feedback. The lint picks each kind's checks by it (a plan gets the plan checks and no
// rubric, a self-review is spoken to as "you"), `--summary` and JSON show it with the reason,
// and `reviewlint report` compares like with like. The first rule that applies decides:
//
//   1. front matter `type:` — contains "self": self-review; "pip", "improvement" or "plan":
//      improvement-plan; "peer": peer-feedback; any other value: review;
//   2. a Performance Improvement Plan heading (the one the `pip.*` checks find):
//      improvement-plan;
//   3. a plan's structure: three or more of the plan's fields (Goal, Actions, Timeline, Support,
//      Metrics) open a heading or a block, Goal or Actions among them: improvement-plan;
//   4. `employee:` and `reviewer:` name the same person: self-review;
//   5. peer wording: a heading or sentence says "peer feedback", "as a peer", "as her
//      teammate" ...: peer-feedback;
//   6. first person: "I", "me", "my", "mine", "myself" make up at least 3% of the words and
//      outnumber "he", "she", "him", "her", "his", "hers", "himself", "herself", "you",
//      "your", "yours", "yourself" (a review written to the reviewee) two to one:
//      self-review;
//   7. otherwise: review.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reviewlint {

struct Document;
struct Scorecard;

inline constexpr const char* kReview = "review";
inline constexpr const char* kSelfReview = "self-review";
inline constexpr const char* kImprovementPlan = "improvement-plan";
inline constexpr const char* kPeerFeedback = "peer-feedback";

struct KindSignals {
  std::string_view type;                 // front matter `type:`, unquoted
  bool plan_heading = false;             // a Performance Improvement Plan heading
  std::vector<std::string> plan_fields;  // plan fields found by their labels, by structure
  bool plan_fields_are_headings = true;  // each of them is a heading, not a "Goal:" label
  std::string_view employee, reviewer;
  std::string_view prose;  // the draft's prose (markup removed)
  size_t words = 0;        // words in the prose
};

struct DocumentKind {
  std::string name = kReview;  // kReview, kSelfReview, kImprovementPlan or kPeerFeedback
  std::string why;  // "front matter type: self-review", "headings Goal, Timeline, Support"
};

DocumentKind DraftKind(const KindSignals& signals);

/// The draft's kind into sc->kind, from its front matter, people, prose and the plan fields
/// AnalysePip found (sc->pip); a plan found by its structure or its type gets the plan checks
/// (sc->pip.present).
void ReadKind(const Document& doc, Scorecard* sc);

/// Rubric coverage is asked of reviews and self-reviews: a plan is not a review, and peer
/// feedback covers what the peer saw.
bool RubricFits(std::string_view kind);

/// "reviews", "self-reviews", "improvement plans", "peer feedback".
std::string KindPlural(std::string_view kind);

/// A finding's message as said to the writer of a self-review: "say what they did" becomes
/// "say what you did", "The review" becomes "The self-review".
std::string ToTheWriter(std::string_view message);

}  // namespace reviewlint
