// The sentence feature layer (src/sentence_features.h): subjects and cues of sentences quoted in
// the judgement issue and the packs' own examples.
#include <gtest/gtest.h>

#include "markup/markup.h"
#include "sentence_features.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::DefaultEngine;

// "subject=person | evaluative+person[good worker] | ..." for the first sentence of `text`.
std::string Describe(const std::string& text) {
  const Engine& engine = DefaultEngine();
  Workspace ws(engine);
  SourceFile source("t.md", text);
  Document doc = engine.Parse(source, *MarkupByName("markdown"), ws);
  DocumentFeatures f;
  AnalyseSentences(doc, engine.word_classes(), &f);
  if (f.sentences.empty()) return "no sentence";
  const SentenceFeatures& s = f.sentences[0];
  std::string out = std::string("subject=") + SubjectName(s.subject);
  for (uint32_t c = s.cues_begin; c < s.cues_end; ++c) {
    const Cue& cue = f.cues[c];
    Span words{doc.tokens[cue.first].span.begin, doc.tokens[cue.last].span.end};
    out += std::string(" | ") + CueKindName(cue.kind) +
           (cue.polarity > 0   ? "+"
            : cue.polarity < 0 ? "-"
                               : "0") +
           CueTargetName(cue.target) + "[" + std::string(doc.Text(words)) + "]" +
           (cue.future ? " future" : "");
  }
  if (s.artefact) out += " | artefact";
  if (s.turned_around) out += " | turned-around";
  return out;
}

TEST(SentenceFeatures, EvaluativeWordsInNewFrames) {
  EXPECT_EQ(Describe("Leo is a superb troubleshooter."),
            "subject=person | evaluative+person[superb troubleshooter]");
  EXPECT_EQ(Describe("Excellent."), "subject=none | evaluative+person[Excellent]");
  EXPECT_EQ(Describe("He performed nicely."),
            "subject=person | evaluative+person[performed nicely]");
  EXPECT_EQ(Describe("The plans are sloppy."), "subject=work | evaluative-work[sloppy]");
  EXPECT_EQ(Describe("Works very well."), "subject=none | evaluative+person[Works very well]");
}

TEST(SentenceFeatures, NegationTurnsTheEvaluationAround) {
  EXPECT_EQ(Describe("Libby Parker has never been a good worker."),
            "subject=person | evaluative-person[good worker]");
  EXPECT_EQ(Describe("He does not work well with others."),
            "subject=person | evaluative-person[work well]");
}

TEST(SentenceFeatures, ThingsAreNotPeople) {
  // An evaluative word about a thing is not a judgement of the reviewee: its target says so.
  EXPECT_EQ(Describe("The cache was slow before the rewrite."), "subject=thing");
  EXPECT_EQ(Describe("The retry policy was too aggressive for the payments API."),
            "subject=thing | trait-thing[aggressive] | artefact");
}

TEST(SentenceFeatures, TraitsAndDemeanour) {
  EXPECT_EQ(Describe("She is naïve about deadlines."), "subject=person | trait-person[naïve]");
  EXPECT_EQ(Describe("Her attitude needs to improve."),
            "subject=person | demeanour0person[attitude]");
  EXPECT_EQ(Describe("He shows a great attitude."),
            "subject=person | demeanour+person[great attitude]");
}

TEST(SentenceFeatures, FaintPraiseAndConditions) {
  EXPECT_EQ(Describe("Bailey is only a decent worker."),
            "subject=person | faint+person[decent worker]");
  EXPECT_EQ(Describe("If he improves, he could become an invaluable asset."),
            "subject=person | evaluative+person[invaluable asset] future");
}

TEST(SentenceFeatures, AchievementClaims) {
  EXPECT_EQ(Describe("He completed all his goals before time."),
            "subject=person | achievement0person[completed all his goals]");
  EXPECT_EQ(
      Describe("She consistently delivers good results."),
      "subject=person | achievement0person[delivers good results] | evaluative+work[good results]");
}

// Achievement claims without an achievement verb: a ranking against peers, praise of a result,
// the reviewee's results as the subject, an effort that reaches its goal.
TEST(SentenceFeatures, ClaimsInOtherWords) {
  EXPECT_EQ(Describe("His timeliness and efficiency are all above his peers."),
            "subject=work | achievement0work[above his peers]");
  EXPECT_EQ(Describe("She outshines most of her co-workers."),
            "subject=person | achievement0person[outshines most of her co-workers]");
  EXPECT_EQ(Describe("This worker always turns in great results."),
            "subject=person | evaluative+work[great results] | achievement0work[great results]");
  EXPECT_EQ(Describe("His numbers continue to impress."),
            "subject=work | achievement0work[His numbers]");
  EXPECT_EQ(Describe("Esmeralda tries to meet her goals."),
            "subject=person | achievement0person[meet her goals]");
  // Not claims: a plan, a shortfall, an idiom, a ranking in a criticism of nobody.
  EXPECT_EQ(Describe("She needs to meet her goals."),
            "subject=person | achievement0person[meet her goals] future");
  EXPECT_EQ(Describe("His numbers dropped in May."), "subject=work | deficit-work[dropped]");
  EXPECT_EQ(Describe("He displays a great deal of skill."),
            "subject=person | evaluative+work[great deal]");
}

// Tone: VADER's valences summed with its negation and "but" rules; praise under a modal is not
// praise.
TEST(SentenceFeatures, Tone) {
  const Engine& engine = DefaultEngine();
  auto tone = [&](const std::string& text) {
    Workspace ws(engine);
    SourceFile source("t.md", text);
    Document doc = engine.Parse(source, *MarkupByName("markdown"), ws);
    DocumentFeatures f;
    AnalyseSentences(doc, engine.word_classes(), &f);
    return f.sentences.at(0).tone;
  };
  Tone loved = tone("I love that he is self-motivated and confident.");
  EXPECT_GE(loved.praise, kClearTone);
  EXPECT_EQ(loved.criticism, 0);
  Tone dismal = tone("Her numbers are dismal.");
  EXPECT_GE(dismal.criticism, kClearTone);
  Tone negated = tone("She is not good at this.");
  EXPECT_EQ(negated.praise, 0);
  EXPECT_GT(negated.criticism, 0);
  // After "but" the words weigh more than before it.
  Tone but = tone("He is good but lazy.");
  EXPECT_GT(but.criticism, tone("He is lazy.").criticism);
  EXPECT_LT(but.praise, tone("He is good.").praise);
  EXPECT_EQ(tone("He could be a great asset.").praise, 0);
  // Engineering words carry no tone.
  EXPECT_EQ(tone("She fixed the crash in the bug tracker.").criticism, 0);
}

// The writer's stance ("I think that", "I'm confident that") stands before the real subject.
TEST(SentenceFeatures, TheSubjectAfterTheWritersStance) {
  EXPECT_EQ(Describe("I think that Jalen should be trained more.").substr(0, 14), "subject=person");
  EXPECT_EQ(Describe("I believe he has grown a lot this year.").substr(0, 14), "subject=person");
  EXPECT_EQ(Describe("I think that with a bit more focus, she could lead it.").substr(0, 14),
            "subject=person");
  EXPECT_EQ(Describe("I hope to see the new tool soon."), "subject=writer");
  EXPECT_EQ(Describe("We need to understand the budget first."), "subject=writer");
}

// A change in the reviewee told without its size is an achievement claim; a gap is not.
TEST(SentenceFeatures, GrowthWithoutItsSize) {
  EXPECT_EQ(Describe("Priya has improved on her estimates since the spring."),
            "subject=person | achievement0person[improved]");
  EXPECT_EQ(Describe("Omar has shown real growth this half."),
            "subject=person | achievement0person[growth]");
  EXPECT_EQ(Describe("There has been clear improvement on his part."),
            "subject=thing | achievement0person[improvement]");
  EXPECT_EQ(Describe("Omar has room for improvement."), "subject=person");
  EXPECT_EQ(Describe("The team has grown to twelve people."), "subject=thing");
}

TEST(SentenceFeatures, ADegreeOfShortfallBeforeWhatTheyPutIn) {
  EXPECT_EQ(Describe("Noor shows very little interest in code review."),
            "subject=person | deficit-work[little interest]");
  EXPECT_EQ(Describe("He has shown low commitment this half."),
            "subject=person | deficit-work[low commitment]");
  EXPECT_EQ(Describe("She has made no progress on the roadmap."),
            "subject=person | deficit-work[no progress] | achievement-person[progress]");
  EXPECT_EQ(Describe("He has demonstrated a lack of focus in planning."),
            "subject=person | deficit-work[lack of focus]");
  // Not a shortfall of the reviewee's: a thing kept low, a small amount, a negated problem.
  EXPECT_EQ(Describe("He kept the error rate low."), "subject=person");
  EXPECT_EQ(Describe("She needs a little more time."), "subject=person");
  EXPECT_EQ(Describe("He works with minimal supervision."), "subject=person");
  EXPECT_EQ(Describe("She shipped the migration with little help from the team."),
            "subject=person");
  EXPECT_EQ(Describe("He shipped it with no quality issues."), "subject=person");
}

TEST(SentenceFeatures, FaintPraiseOfWhatTheyPutIn) {
  EXPECT_EQ(Describe("His reports are of decent quality."),
            "subject=work | faint+work[decent quality]");
  // A rating of potential is not praise, and a thing's quality is not the reviewee's.
  EXPECT_EQ(Describe("He has moderate potential."), "subject=person");
  EXPECT_EQ(Describe("The vendor library has decent quality."), "subject=thing");
}

TEST(SentenceFeatures, AShortfallTurnedAroundIsPraise) {
  EXPECT_EQ(Describe("Tariq seldom misses a review request."),
            "subject=person | deficit+person[misses] | turned-around");
  EXPECT_EQ(Describe("He did not disappoint on the launch."), "subject=person | turned-around");
  // A negated praise word, or a negated word too faint to count, is not.
  EXPECT_EQ(Describe("He is not a careful reviewer."),
            "subject=person | evaluative-person[careful reviewer]");
  EXPECT_EQ(Describe("She does not pay attention to the alerts."), "subject=person");
}

TEST(SentenceFeatures, ResultsAsAClaim) {
  // A praised result is an achievement claim, as is the reviewee's results as a clause's subject.
  EXPECT_EQ(Describe("He brought in a strong margin of profit."),
            "subject=person | evaluative+work[strong margin] | achievement0work[strong margin]");
  EXPECT_EQ(Describe("She works steadily and her numbers prove it."),
            "subject=person | achievement0work[her numbers]");
  // A rating is not a result, and a wish for a better client is not a claim.
  EXPECT_EQ(Describe("Omar earned the top performance rating."), "subject=person");
}

TEST(SentenceFeatures, ArtefactsAreNamedThings) {
  EXPECT_EQ(Describe("She fixed PAY-412."), "subject=person | artefact");
  EXPECT_EQ(Describe("He wrote retry_policy for #381."), "subject=person | artefact");
}

}  // namespace
}  // namespace reviewlint
