#include <gtest/gtest.h>

#include "markup/markup.h"

namespace reviewlint {
namespace {

// The prose text of every block, joined with " | ", with opaque bytes shown as '#'.
std::string Prose(const std::string& md, MarkupResult* out = nullptr) {
  MarkupResult r = ScanMarkdown(md, 0);
  EXPECT_EQ(r.prose.size(), md.size());
  std::string joined;
  for (const Block& b : r.blocks) {
    std::string t = r.prose.substr(b.span.begin, b.span.size());
    for (char& c : t) {
      if (c == kOpaque) c = '#';
      if (c == '\n') c = ' ';
    }
    // Collapse runs of spaces so the expectations stay readable.
    std::string squeezed;
    for (char c : t)
      if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
    while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
    while (!squeezed.empty() && squeezed.front() == ' ') squeezed.erase(0, 1);
    if (!joined.empty()) joined += " | ";
    joined += squeezed;
  }
  if (out) *out = std::move(r);
  return joined;
}

TEST(Markdown, HeadingsParagraphsAndLists) {
  MarkupResult r;
  EXPECT_EQ(Prose("# Title\n\nSome *good* text\nwraps here.\n\n- item one\n- item two\n", &r),
            "Title | Some good text wraps here. | item one | item two");
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].level, 1);
  EXPECT_EQ(r.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(r.blocks[2].kind, BlockKind::kListItem);
}

TEST(Markdown, CodeIsNeverProse) {
  EXPECT_EQ(Prose("Run `great job` now.\n\n```\ngreat job\n```\n\n    indented code\n\nAfter."),
            "Run ########### now. | After.");
}

TEST(Markdown, UnterminatedFenceRunsToTheEnd) {
  EXPECT_EQ(Prose("Before.\n\n```python\nnever closed\nstill code"), "Before.");
}

TEST(Markdown, LinksKeepTheirTextAndDropTheDestination) {
  EXPECT_EQ(Prose("See [the design doc](https://x.test/a_b) and <https://y.test>."),
            "See the design doc and ################.");
  EXPECT_EQ(Prose("Bare https://example.com/path, and mail a@b.io."),
            "Bare ########################, and mail ######.");
}

TEST(Markdown, TemplatePlaceholdersStayProse) {
  EXPECT_EQ(Prose("Dear <name>, see [specific example] and {{employee}}."),
            "Dear <name>, see [specific example] and {{employee}}.");
}

TEST(Markdown, HtmlTagsAndCommentsAreMasked) {
  MarkupResult r;
  EXPECT_EQ(
      Prose("A <b>bold</b> claim <!-- reviewlint-disable x --> here.\n\n<!--\nhidden\n-->\nShown.",
            &r),
      "A bold claim here. | Shown.");
  ASSERT_EQ(r.comments.size(), 2u);
}

TEST(Markdown, FrontMatterIsParsedAndMasked) {
  MarkupResult r;
  EXPECT_EQ(Prose("---\nemployee: \"Zoë\"\nrubric: backend-developer\n---\nBody.\n", &r), "Body.");
  EXPECT_EQ(r.FrontMatter("employee"), "Zoë");
  EXPECT_EQ(r.FrontMatter("rubric"), "backend-developer");
}

TEST(Markdown, UnterminatedFrontMatterIsText) {
  MarkupResult r;
  EXPECT_EQ(Prose("---\nemployee: x\n", &r), "employee: x");
  EXPECT_TRUE(r.front_matter.empty());
}

TEST(Markdown, QuotesAndTables) {
  MarkupResult r;
  EXPECT_EQ(
      Prose("> quoted text\n> more\n\n| Area | Note |\n|---|---|\n| Delivery | on time |\n", &r),
      "quoted text more | Area | Note | Delivery | on time");
  EXPECT_TRUE(r.blocks[0].in_quote);
  EXPECT_EQ(r.blocks[1].kind, BlockKind::kTableCell);
}

TEST(Markdown, SetextHeadingsMakeSections) {
  MarkupResult r;
  EXPECT_EQ(Prose("Strengths\n=========\n\nText.\n\nGrowth\n------\nMore.\n", &r),
            "Strengths | Text. | Growth | More.");
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[1].level, 2);
  EXPECT_EQ(r.blocks[3].section, 1);
}

TEST(Markdown, SectionsNest) {
  MarkupResult r;
  Prose("# Review\n## Strengths\nA.\n## Growth\nB.\n# Other\nC.\n", &r);
  ASSERT_EQ(r.sections.size(), 4u);
  EXPECT_EQ(r.sections[1].parent, 0);
  EXPECT_EQ(r.sections[2].parent, 0);
  EXPECT_EQ(r.sections[3].parent, -1);
}

TEST(Markdown, DeepNestingDoesNotRecurse) {
  std::string md(10000, '>');
  md += " deep text\n";
  for (int i = 0; i < 10000; ++i) md += std::string(static_cast<size_t>(i % 40), ' ') + "- x\n";
  MarkupResult r = ScanMarkdown(md, 0);
  EXPECT_GT(r.blocks.size(), 1000u);
}

TEST(Markdown, CrlfLines) {
  EXPECT_EQ(Prose("# H\r\n\r\nLine one\r\nline two.\r\n"), "H | Line one line two.");
}

// One case per step of Scanner::Line (src/markup/markdown.cc), in the order Line tries them:
// the markdown, and the prose of its blocks.
struct StepCase {
  const char* step;
  const char* markdown;
  const char* prose;
};

const StepCase kStepCases[] = {
    {"ContinueCommentBlanksUntilItCloses", "Before.\n\n<!-- open\nstill hidden --> After it.\n",
     "Before. | After it."},
    {"ContinueFenceNeedsAFenceAsLongAsTheOpening", "````\ncode\n```\nstill code\n````\nText.\n",
     "Text."},
    {"BlankLineEndsAParagraph", "One.\n\nTwo.\n", "One. | Two."},
    {"LeaveListsKeepsALazyContinuationInTheItem", "- item\nlazy line\n\nafter\n",
     "item lazy line | after"},
    {"TryFenceOpensOnlyBelowFourColumns", "Text.\n\n    ```\n    code\n\n~~~\nfenced\n~~~\n",
     "Text."},
    {"TryIndentedCodeNeverInterruptsAParagraph", "A paragraph\n    continues here.\n\n    code\n",
     "A paragraph continues here."},
    {"TryHtmlCommentLeavesTheTextAfterIt", "<!-- note --> # Heading after\n", "Heading after"},
    {"TryAtxHeadingNeedsASpaceAndAtMostSixMarks", "#5 is text\n\n####### seven\n\n###### six\n",
     "#5 is text | ####### seven | six"},
    {"TrySetextUnderlineNotUnderATable", "| a | b |\n|---|---|\n| c | d |\n---\n", "a | b | c | d"},
    {"TryThematicBreakIsNotProse", "Above.\n\n* * *\n\nBelow.\n", "Above. | Below."},
    {"TryListItemBlanksTheMarkerAndTaskBox", "1. first\n- [x] done\n+ plus\n",
     "first | done | plus"},
    {"TryLinkDefinitionIsMasked", "[ref]: https://x.test/a\n\nText [ref].\n", "Text [ref]."},
    {"TryTableInAQuote", "> | a | b |\n> |---|---|\n> | c | d |\n", "a | b | c | d"},
    {"ContinueParagraphJoinsLines", "one\ntwo\nthree\n", "one two three"},
};

class MarkdownStep : public ::testing::TestWithParam<StepCase> {};

TEST_P(MarkdownStep, Prose) { EXPECT_EQ(Prose(GetParam().markdown), GetParam().prose); }

INSTANTIATE_TEST_SUITE_P(Line, MarkdownStep, ::testing::ValuesIn(kStepCases),
                         [](const ::testing::TestParamInfo<StepCase>& info) {
                           return std::string(info.param.step);
                         });

// One case per step of MaskInline (src/markup/inline.cc).
const StepCase kInlineCases[] = {
    {"MaskEscapeKeepsThePunctuation", "Not \\*bold\\* here.", "Not *bold * here."},
    {"MaskCodeSpanNeedsARunOfTheSameLength", "A ``code ` span`` and ``` three.",
     "A ############### and ``` three."},
    {"MaskCommentRecordsClosedOnes", "Kept <!-- gone --> kept.", "Kept kept."},
    {"MaskAutolinkOrTagLeavesPlaceholders", "<https://x.test> <em>yes</em> <name> </span >.",
     "################ yes <name> ."},
    {"MaskImageWhenWellFormed", "An ![alt](a.png) image and ![not one.",
     "An ############# image and ![not one."},
    {"MaskLinkTailKeepsTheLinkText", "[text](dest (x)) and [ref text][ref] and [lone].",
     "text and ref text and [lone]."},
    {"MaskEmphasisKeepsSnakeCase", "*a* ~~b~~ _c_ snake_case_name.", "a b c snake_case_name."},
    {"MaskUrlOrEmail", "www.x.test/p and ftp://f.test and me@x.io then hello.",
     "############ and ############ and ####### then hello."},
};

class InlineStep : public ::testing::TestWithParam<StepCase> {};

TEST_P(InlineStep, Prose) { EXPECT_EQ(Prose(GetParam().markdown), GetParam().prose); }

INSTANTIATE_TEST_SUITE_P(MaskInline, InlineStep, ::testing::ValuesIn(kInlineCases),
                         [](const ::testing::TestParamInfo<StepCase>& info) {
                           return std::string(info.param.step);
                         });

TEST(PlainText, ParagraphsAndUrls) {
  MarkupResult r = ScanPlainText("First para\nline.\n\nSecond https://x.test ok.\n", 0);
  ASSERT_EQ(r.blocks.size(), 2u);
  EXPECT_EQ(r.prose.substr(r.blocks[1].span.begin, r.blocks[1].span.size()),
            "Second \x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A ok.");
}

TEST(Markups, ChosenByExtension) {
  EXPECT_EQ(MarkupForPath("a/b/Review.MD")->name, "markdown");
  EXPECT_EQ(MarkupForPath("notes.txt")->name, "text");
  EXPECT_EQ(MarkupForPath("x.markdown")->name, "markdown");
  EXPECT_EQ(MarkupForPath("image.png"), nullptr);
  EXPECT_EQ(MarkupForPath(".md"), nullptr);
}

}  // namespace
}  // namespace reviewlint
