// The sentence-labelled dev-set scorer (tools/dev_eval.h): the counting rules of
// ../shared/research/dev-labels/score_dev.py on a hand-made case, and the same numbers as that
// script on the real sets when ../shared is present.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "dev_eval.h"
#include "sha1.h"
#include "test_util.h"

namespace reviewlint {
namespace {
namespace fs = std::filesystem;
using eval::DevFinding;

TEST(DevEval, Sha1MatchesKnownDigests) {
  EXPECT_EQ(eval::Sha1Hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(eval::Sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(eval::Sha1Hex(std::string(1000, 'a')), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
}

TEST(DevEval, CsvReadsQuotedMultiLineFieldsAsPythonDoes) {
  std::map<std::string, std::string> fb;
  std::string error;
  ASSERT_TRUE(eval::ParseFeedbackCsv(
      "\xEF\xBB\xBFid,feedback,x\r\n1,\"a \"\"b\"\",\r\nc\",y\r\n2,plain,z\n3,\"q\"tail,w\n",
      "t.csv", &fb, &error))
      << error;
  EXPECT_EQ(fb["1"], "a \"b\",\r\nc");
  EXPECT_EQ(fb["2"], "plain");
  EXPECT_EQ(fb["3"], "qtail");
  EXPECT_FALSE(eval::ParseFeedbackCsv("id,feedback\n1,\"open\n", "t.csv", &fb, &error));
  EXPECT_NE(error.find("not closed"), std::string::npos);
}

// Two synthetic reviews written to a temp folder as CSV + labels + verdicts.
const std::string kReview1 = "Alpha \"beta\" gamma. Delta epsilon.  Zeta eta theta.";
const std::string kReview2 = "One two.\nThree four.";

std::string LabelLine(const std::string& id, const std::string& text, const std::string& sentence,
                      const std::string& packs, const std::string& also) {
  size_t at = text.find(sentence);
  return "{\"id\": \"" + id + "\", \"start\": " + std::to_string(at) +
         ", \"end\": " + std::to_string(at + sentence.size()) + ", \"sha1\": \"" +
         eval::Sha1Hex(sentence).substr(0, 12) + "\", \"packs\": [" + packs + "], \"also\": [" +
         also + "], \"why\": \"test\"}\n";
}

std::string WriteCase(const std::string& labels) {
  std::string dir = testing::TempDir() + "/devcase";
  fs::create_directories(dir);
  testing::WriteFile(dir + "/reviews.csv",
                     "id,person_name,feedback\r\n1,Ann,\"Alpha \"\"beta\"\" gamma. Delta epsilon.  "
                     "Zeta eta theta.\"\r\n2,Bo,\"One two.\nThree four.\"\r\n");
  testing::WriteFile(dir + "/labels.jsonl", labels);
  testing::WriteFile(dir + "/verdicts.jsonl",
                     "{\"id\": \"1\", \"balance\": \"missing-positive\"}\n"
                     "{\"id\": \"2\", \"balance\": \"missing-constructive\"}\n"
                     "{\"id\": \"9\", \"balance\": \"neither\"}\n");
  return dir;
}

eval::DevSet LoadCase() {
  std::string labels = LabelLine("1", kReview1, "Alpha \"beta\" gamma.", "\"vagueness\"", "") +
                       LabelLine("1", kReview1, "Zeta eta theta.", "\"balance\"", "") +
                       LabelLine("1", kReview1, "Delta epsilon.", "\"bias\"", "\"vagueness\"") +
                       "\n" + LabelLine("2", kReview2, "One two.", "\"vagueness\"", "") +
                       LabelLine("2", kReview2, "Three four.", "\"metrics\"", "");
  std::string dir = WriteCase(labels);
  std::map<std::string, std::string> fb;
  std::string error;
  eval::DevSet set;
  EXPECT_TRUE(eval::ReadFeedbackCsv(dir + "/reviews.csv", &fb, &error)) << error;
  EXPECT_TRUE(eval::LoadDevSet("case", {dir + "/labels.jsonl"}, fb, &set, &error)) << error;
  EXPECT_TRUE(eval::LoadVerdicts(dir + "/verdicts.jsonl", &set, &error)) << error;
  return set;
}

uint32_t At(const std::string& text, const std::string& what) {
  return static_cast<uint32_t>(text.find(what));
}

std::vector<eval::ReviewFindings> CaseFindings() {
  const std::string& t = kReview1;
  uint32_t s1 = At(t, "Delta"), s2 = At(t, "Zeta");
  eval::ReviewFindings r1 = {
      {"vagueness.a", At(t, "beta"), At(t, "beta") + 4, false},        // tp
      {"vagueness.b", At(t, "gamma"), At(t, "Delta") + 3, false},      // two sentences, one tp
      {"vagueness.a", At(t, "epsilon"), At(t, "epsilon") + 3, false},  // also only: neither
      {"vagueness.b", s2 + 4, s2 + 4, false},                          // zero width: fp
      {"bias.x", s1, s1, false},         // zero width at a sentence start: tp
      {"balance.y", s2 - 2, s2, false},  // only the spaces: belongs to Zeta, tp
      {"metrics.z", 0, 5, false},        // fp
      {"bias.x", 0, 5, false},           // fp, and no vagueness hit for sentence 0
      {"balance.missing-positive", 0, uint32_t(t.size()), true},  // document: ignored
      {"rubric.uncovered", 0, 5, false},                          // other pack: ignored
  };
  eval::ReviewFindings r2 = {
      {"bias.x", 0, 3, false},  // other pack on a vagueness sentence: fp, vagueness miss
      {"metrics.z", uint32_t(kReview2.size()), uint32_t(kReview2.size()) + 1, false},  // newline
  };
  return {r1, r2};
}

void ExpectPack(const eval::DevScore& s, const std::string& pack, size_t tp, size_t fp, size_t hit,
                size_t miss) {
  eval::DevPackScore p = s.packs.count(pack) ? s.packs.at(pack) : eval::DevPackScore{};
  EXPECT_EQ(p.tp, tp) << pack;
  EXPECT_EQ(p.fp, fp) << pack;
  EXPECT_EQ(p.hit, hit) << pack;
  EXPECT_EQ(p.miss, miss) << pack;
}

TEST(DevEval, CountsFindingsAsTheReferenceScorerDoes) {
  eval::DevSet set = LoadCase();
  ASSERT_EQ(set.reviews.size(), 2u);
  EXPECT_EQ(set.sentences(), 5u);
  EXPECT_EQ(set.reviews[0].text, kReview1 + "\n");
  EXPECT_EQ(set.reviews[0].sentences[1].also.count("vagueness"), 1u);  // sorted by offset
  eval::DevScore s = eval::ScoreDevSet(set, CaseFindings());
  ExpectPack(s, "vagueness", 2, 1, 1, 1);
  ExpectPack(s, "metrics", 1, 1, 1, 0);
  ExpectPack(s, "bias", 1, 2, 1, 0);
  ExpectPack(s, "balance", 1, 0, 1, 0);
  ExpectPack(s, "template", 0, 0, 0, 0);
  EXPECT_EQ(s.ignored["document-scope"], 1u);
  EXPECT_EQ(s.ignored["pack 'rubric'"], 1u);
  EXPECT_EQ(s.rules["vagueness.a"].tp, 1u);
  EXPECT_EQ(s.rules["vagueness.a"].neutral, 1u);
  EXPECT_EQ(s.rules["vagueness.a"].hits, 1u);
  EXPECT_EQ(s.rules["vagueness.b"].fp, 1u);
  EXPECT_EQ(s.rules["bias.x"].fp, 2u);
  EXPECT_EQ(s.verdicts.reviews, 2u);
  EXPECT_EQ(s.verdicts.right, 1u);
  EXPECT_EQ(s.document_rules["balance.missing-positive"], 1u);
  EXPECT_FALSE(s.packs["template"].precision().has_value());
  EXPECT_DOUBLE_EQ(*s.packs["vagueness"].precision(), 2.0 / 3);
}

TEST(DevEval, EverySentenceBaselineFlagsEachSentenceOncePerPack) {
  eval::DevSet set = LoadCase();
  eval::DevScore every = eval::ScoreDevSet(set, eval::EverySentenceFindings(set));
  ExpectPack(every, "vagueness", 2, 2, 2, 0);  // the also sentence counts neither way
  ExpectPack(every, "template", 0, 5, 0, 0);
  EXPECT_DOUBLE_EQ(*every.packs["vagueness"].recall(), 1.0);
  std::string table =
      eval::FormatDevScore(set, eval::ScoreDevSet(set, CaseFindings()), every, {true, false});
  EXPECT_NE(table.find("every sentence"), std::string::npos) << table;
  EXPECT_NE(table.find("balance verdicts: 1/2 right; say nothing (every review ok) 0/2"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("vagueness.a"), std::string::npos) << table;
}

TEST(DevEval, BadLabelsGiveLocatedErrors) {
  std::string dir = WriteCase(LabelLine("1", kReview1, "Zeta eta theta.", "", "") +
                              "{\"id\": \"1\", \"start\": 0, \"end\": 5, \"sha1\": "
                              "\"000000000000\", \"packs\": [], \"also\": []}\n");
  std::map<std::string, std::string> fb;
  std::string error;
  ASSERT_TRUE(eval::ReadFeedbackCsv(dir + "/reviews.csv", &fb, &error)) << error;
  eval::DevSet set;
  EXPECT_FALSE(eval::LoadDevSet("bad", {dir + "/labels.jsonl"}, fb, &set, &error));
  EXPECT_NE(error.find("labels.jsonl:2: review 1: bytes 0:5 do not match sha1"), std::string::npos)
      << error;
  testing::WriteFile(dir + "/labels.jsonl", "{\"id\": \"7\", \"start\": 0, \"end\": 1}\n");
  EXPECT_FALSE(eval::LoadDevSet("bad", {dir + "/labels.jsonl"}, fb, &set, &error));
  EXPECT_NE(error.find("labels.jsonl:1: review id 7 not in the CSV"), std::string::npos) << error;
}

// --- The same numbers as score_dev.py on the real sets (only where ../shared is) ---

const std::string kShared = std::string(REVIEWLINT_SOURCE_DIR) + "/../shared/research";

struct PyRow {
  size_t tp, fp, hit, miss;
};

// score_dev.py's table: `pack | P | R | tp | fp | hit | miss`, and its verdict line.
std::map<std::string, PyRow> RunScoreDev(const std::string& labels, std::string* verdict_line) {
  std::string out = testing::TempDir() + "/score_dev.out";
  std::string cmd = "python3 '" + kShared + "/dev-labels/score_dev.py' --bin '" +
                    REVIEWLINT_BINARY + "' --labels '" + labels + "' > '" + out + "' 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << testing::ReadAll(out);
  std::map<std::string, PyRow> rows;
  std::regex row(R"(^(\w+)\s*\|[^|]*\|[^|]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*$)");
  std::istringstream in(testing::ReadAll(out));
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, row))
      rows[m[1]] = {std::stoul(m[2]), std::stoul(m[3]), std::stoul(m[4]), std::stoul(m[5])};
    if (line.rfind("balance verdicts: ", 0) == 0) *verdict_line = line;
  }
  return rows;
}

TEST(DevEval, SameNumbersAsScoreDevOnTheSharedSets) {
  if (!fs::exists(kShared + "/dev-labels/score_dev.py"))
    GTEST_SKIP() << "no ../shared/research (not part of a user's clone)";
  if (std::system("python3 -c pass > /dev/null 2>&1") != 0) GTEST_SKIP() << "no python3";
  std::map<std::string, std::string> fb;
  std::string error;
  ASSERT_TRUE(eval::ReadFeedbackCsv(kShared + "/corpora/kaggle-employee-review-mturk/"
                                              "employee_review_mturk_dataset_v10_kaggle.csv",
                                    &fb, &error))
      << error;
  const std::string src = REVIEWLINT_SOURCE_DIR;
  for (const std::string& labels : {kShared + "/dev-labels/kaggle-v10-labels.jsonl",
                                    src + "/tests/devlabels/kaggle-extra-a.jsonl",
                                    src + "/tests/devlabels/kaggle-extra-b.jsonl"}) {
    SCOPED_TRACE(labels);
    eval::DevSet set;
    ASSERT_TRUE(eval::LoadDevSet("set", {labels}, fb, &set, &error)) << error;
    ASSERT_TRUE(
        eval::LoadVerdicts(kShared + "/dev-labels/kaggle-v10-verdicts.jsonl", &set, &error));
    eval::DevScore s = eval::ScoreDevSet(set, eval::LintDevSet(testing::DefaultEngine(), set));
    std::string verdict_line;
    std::map<std::string, PyRow> py = RunScoreDev(labels, &verdict_line);
    ASSERT_EQ(py.size(), 5u);
    for (const auto& [pack, row] : py) ExpectPack(s, pack, row.tp, row.fp, row.hit, row.miss);
    std::string mine = "balance verdicts: " + std::to_string(s.verdicts.right) + "/" +
                       std::to_string(s.verdicts.reviews) + " right";
    EXPECT_EQ(verdict_line.substr(0, mine.size()), mine) << verdict_line;
  }
}

}  // namespace
}  // namespace reviewlint
