#include <gtest/gtest.h>

#include "test_util.h"

namespace reviewlint {
namespace {

using testing::DefaultEngine;

struct Parsed {
  std::unique_ptr<SourceFile> src;
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<Document> doc;
};

Parsed Parse(const std::string& text) {
  Parsed p;
  p.src = std::make_unique<SourceFile>("t.md", text);
  p.ws = std::make_unique<Workspace>(DefaultEngine());
  p.doc =
      std::make_unique<Document>(DefaultEngine().Parse(*p.src, *MarkupByName("markdown"), *p.ws));
  return p;
}

std::vector<std::string> Sentences(const Parsed& p) {
  std::vector<std::string> out;
  for (const Sentence& s : p.doc->sentences) out.emplace_back(p.src->Slice(s.span));
  return out;
}

std::vector<std::string> Words(const Parsed& p) {
  std::vector<std::string> out;
  for (const Token& t : p.doc->tokens) out.emplace_back(p.src->Slice(t.span));
  return out;
}

std::vector<std::string> Quantities(const std::string& text) {
  Parsed p = Parse(text);
  std::vector<std::string> out;
  for (const Quantity& q : p.doc->quantities)
    out.push_back(std::string(p.src->Slice(q.span)) + "=" + QuantityKindName(q.kind));
  return out;
}

TEST(Segmentation, SentencesWithAbbreviationsAndLists) {
  Parsed p = Parse(
      "She led the launch, e.g. the API work. Then Lee joined.\n\n- No period here\n- Two. "
      "Sentences.\n");
  EXPECT_EQ(Sentences(p),
            (std::vector<std::string>{"She led the launch, e.g. the API work.", "Then Lee joined.",
                                      "No period here", "Two.", "Sentences."}));
}

TEST(Segmentation, WordsAreByteSpansOfNonAsciiText) {
  Parsed p = Parse("Zoë's 李伟 p99 don't 3.5x hard-working");
  EXPECT_EQ(Words(p), (std::vector<std::string>{"Zoë's", "李", "伟", "p99", "don't", "3.5x", "hard",
                                                "working"}));
}

TEST(Segmentation, CodeAndUrlsHaveNoWords) {
  Parsed p = Parse("Run `make test` at https://ci.test now");
  EXPECT_EQ(Words(p), (std::vector<std::string>{"Run", "at", "now"}));
}

TEST(Quantities, RecognisesMeasurements) {
  EXPECT_EQ(Quantities("Cut latency by 35% to 480 ms."),
            (std::vector<std::string>{"35%=percent", "480 ms=duration"}));
  EXPECT_EQ(Quantities("Saved $1.2M and €300 a month."),
            (std::vector<std::string>{"$1.2M=money", "€300=money"}));
  EXPECT_EQ(Quantities("It is 3x faster at p99 and took two weeks."),
            (std::vector<std::string>{"3x=multiplier", "p99=percentile", "two weeks=duration"}));
  EXPECT_EQ(Quantities("Handled 1,200 requests and halved the build."),
            (std::vector<std::string>{"1,200 requests=count", "halved=multiplier"}));
  EXPECT_EQ(Quantities("Took 480ms, 2GB and 12 services."),
            (std::vector<std::string>{"480ms=duration", "2GB=count", "12 services=count"}));
}

TEST(Quantities, DatesDoNotMeasure) {
  EXPECT_EQ(Quantities("In 2024 and by Q3, from March 3."),
            (std::vector<std::string>{"2024=date", "Q3=date", "March 3=date"}));
  Parsed p = Parse("Improved the API in 2024.");
  EXPECT_FALSE(p.doc->HasMeasure(p.doc->sentences[0]));
  Parsed q = Parse("Improved the API by 20%.");
  EXPECT_TRUE(q.doc->HasMeasure(q.doc->sentences[0]));
}

TEST(Quantities, NumberWordsNeedAUnit) {
  EXPECT_EQ(Quantities("One of the best, with three engineers."),
            (std::vector<std::string>{"three engineers=count"}));
}

}  // namespace
}  // namespace reviewlint
