// The overlap policies of src/overlap.h, each a table: hand-made findings in, the survivors out.
#include "overlap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace reviewlint {
namespace {

// One finding, written "rule@begin-end:severity" (severity i, w or e); a trailing "+f" marks a
// predicate finding (one with data.features).
Diagnostic F(const std::string& spec) {
  Diagnostic d;
  size_t at = spec.find('@'), dash = spec.find('-', at), colon = spec.find(':', dash);
  d.rule = spec.substr(0, at);
  d.span = Span{static_cast<uint32_t>(std::stoul(spec.substr(at + 1, dash - at - 1))),
                static_cast<uint32_t>(std::stoul(spec.substr(dash + 1, colon - dash - 1)))};
  char sev = spec[colon + 1];
  d.severity = sev == 'i' ? Severity::kInfo : sev == 'e' ? Severity::kError : Severity::kWarning;
  if (spec.find("+f") != std::string::npos) d.data["features"] = "x";
  return d;
}

std::vector<Diagnostic> Fs(const std::vector<std::string>& specs) {
  std::vector<Diagnostic> out;
  for (const std::string& s : specs) out.push_back(F(s));
  return out;
}

// The survivors, as "rule@begin-end", in their order.
std::vector<std::string> Names(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds)
    out.push_back(d.rule + "@" + std::to_string(d.span.begin) + "-" + std::to_string(d.span.end));
  return out;
}

struct Row {
  const char* name;
  std::vector<std::string> in;
  std::vector<std::string> out;
};

TEST(Overlap, KeepLongestPerPack) {
  const std::vector<Row> rows = {
      {"the longer match of a pack wins", {"v.a@0-5:w", "v.b@0-11:w"}, {"v.b@0-11"}},
      {"a match that starts inside a kept one goes", {"v.a@0-10:w", "v.b@4-20:e"}, {"v.a@0-10"}},
      {"same words: the more severe wins", {"v.a@0-5:i", "v.b@0-5:e"}, {"v.b@0-5"}},
      {"same words, same severity: the first rule id", {"v.b@0-5:w", "v.a@0-5:w"}, {"v.a@0-5"}},
      {"different packs both stay", {"v.a@0-5:w", "b.a@0-5:w"}, {"b.a@0-5", "v.a@0-5"}},
      {"touching spans both stay", {"v.a@0-5:w", "v.b@5-9:w"}, {"v.a@0-5", "v.b@5-9"}},
  };
  for (const Row& row : rows) {
    std::vector<Diagnostic> ds = Fs(row.in);
    KeepLongestPerPack(&ds);
    EXPECT_EQ(Names(ds), row.out) << row.name;
  }
}

TEST(Overlap, SentenceFindingsGiveWayAndComeOncePerBlock) {
  // Sentences start at 0, 100 and 200 (block 0) and 300 (block 1); the one at 200 is measured.
  PlaceOfSentence place = [](uint32_t begin) {
    return SentencePlace{begin >= 300 ? 1 : 0, begin == 200};
  };
  struct SentenceRow {
    const char* name;
    std::vector<std::string> kept, sentence_level, out;
  };
  const std::vector<SentenceRow> rows = {
      {"a sentence finding with a finding inside gives way",
       {"v.vague@10-20:w"},
       {"b.no-step@0-50:w"},
       {"v.vague@10-20"}},
      {"one per block for a list rule",
       {},
       {"b.no-step@0-50:w", "b.no-step@100-150:w", "b.no-step@300-350:w"},
       {"b.no-step@0-50", "b.no-step@300-350"}},
      {"a predicate finding repeats in its block on an unmeasured sentence",
       {},
       {"b.trait@0-50:w:+f", "b.trait@100-150:w:+f"},
       {"b.trait@0-50", "b.trait@100-150"}},
      {"but not on a measured one (the evidence for it)",
       {},
       {"b.trait@100-150:w:+f", "b.trait@200-250:w:+f"},
       {"b.trait@100-150"}},
      {"other rules in the same block both stay",
       {},
       {"b.a@0-50:w", "b.b@100-150:w"},
       {"b.a@0-50", "b.b@100-150"}},
      {"a finding just after the sentence does not count as inside",
       {"v.vague@50-60:w"},
       {"b.no-step@0-50:w"},
       {"b.no-step@0-50", "v.vague@50-60"}},
  };
  for (const SentenceRow& row : rows) {
    std::vector<Diagnostic> kept = Fs(row.kept);
    MergeSentenceFindings(Fs(row.sentence_level), place, &kept);
    std::sort(kept.begin(), kept.end(), DiagnosticLess);
    EXPECT_EQ(Names(kept), row.out) << row.name;
  }
}

TEST(Overlap, PredicateFindingsGiveWayToListFindingsOfTheirPack) {
  struct CueRow {
    const char* name;
    std::vector<std::string> kept, at_cue, out;
  };
  const std::vector<CueRow> rows = {
      {"same pack, overlapping words: the list finding stays",
       {"bias.personality@0-10:w"},
       {"bias.trait@5-15:w"},
       {"bias.personality@0-10"}},
      {"another pack's list finding does not count",
       {"vagueness.hedge@0-10:w"},
       {"bias.trait@5-15:w"},
       {"vagueness.hedge@0-10", "bias.trait@5-15"}},
      {"same pack, apart: both stay",
       {"bias.personality@0-10:w"},
       {"bias.trait@10-15:w"},
       {"bias.personality@0-10", "bias.trait@10-15"}},
  };
  for (const CueRow& row : rows) {
    std::vector<Diagnostic> kept = Fs(row.kept);
    GiveWayToListFindings(Fs(row.at_cue), &kept);
    EXPECT_EQ(Names(kept), row.out) << row.name;
  }
}

TEST(Overlap, InfoFindingsInsideStrongerOnesAreDropped) {
  const std::vector<Row> rows = {
      {"info inside a warning of another pack goes ('a bit' in 'a bit too intense')",
       {"vagueness.hedge@0-5:i", "bias.tone@0-17:w"},
       {"bias.tone@0-17"}},
      {"info only partly covered stays",
       {"vagueness.hedge@0-5:i", "bias.tone@2-17:w"},
       {"vagueness.hedge@0-5", "bias.tone@2-17"}},
      {"info inside info stays", {"a.x@2-4:i", "b.y@0-10:i"}, {"b.y@0-10", "a.x@2-4"}},
      {"a warning inside an error stays", {"a.x@2-4:w", "b.y@0-10:e"}, {"b.y@0-10", "a.x@2-4"}},
      {"info with a cover that starts with it", {"a.x@0-4:i", "b.y@0-10:e"}, {"b.y@0-10"}},
  };
  for (const Row& row : rows) {
    std::vector<Diagnostic> ds = Fs(row.in);
    DropInfoInsideStronger(&ds);
    EXPECT_EQ(Names(ds), row.out) << row.name;
  }
}

}  // namespace
}  // namespace reviewlint
