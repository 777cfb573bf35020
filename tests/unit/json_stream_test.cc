// The JSON emitter writes as it goes (src/emit/json.cc); its bytes must be what nlohmann's compact
// dump of the same document gives, for any strings a draft or a path can hold.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "emit/emitter.h"
#include "scorecard.h"

namespace reviewlint {
namespace {

using ojson = nlohmann::ordered_json;

// The document the emitter used to build, dumped as it used to dump it.
std::string Reference(const FileResult& f, bool summary) {
  ojson file = {{"path", f.path}, {"diagnostics", ojson::array()}};
  for (const Diagnostic& d : f.diagnostics) {
    auto pos = [&](uint32_t at) {
      Position p = f.source->lines().CodePointPosition(at);
      return ojson{{"line", p.line}, {"column", p.column}};
    };
    ojson j = {{"rule", d.rule},
               {"severity", SeverityName(d.severity)},
               {"message", d.message},
               {"span", {{"start", d.span.begin}, {"end", d.span.end}}},
               {"range", {{"start", pos(d.span.begin)}, {"end", pos(d.span.end)}}},
               {"excerpt", Excerpt(f, d.span)},
               {"scope", d.scope == Scope::kDocument ? "document" : "span"}};
    ojson fixes = ojson::array();
    for (const Fix& x : d.fixes)
      fixes.push_back({{"span", {{"start", x.span.begin}, {"end", x.span.end}}},
                       {"replacement", x.replacement},
                       {"safe", x.safe}});
    j["fixes"] = fixes;
    j["data"] = ojson::parse(d.data.dump());
    file["diagnostics"].push_back(std::move(j));
  }
  file["findings_not_shown"] = f.not_shown;
  file["error"] = f.error.empty() ? ojson(nullptr) : ojson(f.error);
  if (f.source) file["kind"] = KindJson(f.scorecard.kind);
  if (summary) file["summary"] = ScorecardJson(f.scorecard);
  return file.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string Emitted(const FileResult& f, bool summary) {
  EmitOptions o;
  o.summary = summary;
  o.tool_version = "t";
  std::ostringstream out;
  auto e = MakeEmitter("json", o);
  e->Begin(out);
  e->File(f, out);
  e->End(Summary{}, out);
  std::string s = out.str();
  std::string head =
      "{\"version\":1,\"tool\":{\"name\":\"reviewlint\",\"version\":\"t\"},\"files\":[";
  EXPECT_EQ(s.substr(0, head.size()), head);
  EXPECT_EQ(s.substr(s.size() - 3), "]}\n");
  return s.substr(head.size(), s.size() - head.size() - 3);
}

TEST(JsonStream, SameBytesAsTheDocumentDump) {
  const std::string text =
      "Zo\xC3\xAB said \"great\" \\ work\ttoday.\r\nBad \xFF\xFE bytes \x01 and \x7F here. "
      "\xF0\x9F\x8E\x89 done \xE2\x80\x94 ok.\n";
  SourceFile src("dir/we\"ird\\name \xC3\xA9\xFF.md", text);
  FileResult f;
  f.path = src.path();
  f.source = &src;
  auto add = [&](uint32_t b, uint32_t e, std::string message) {
    Diagnostic d;
    d.rule = "pack.rule";
    d.span = {b, e};
    d.message = std::move(message);
    d.data["trigger"] = "a \"quoted\" \\ thing\n";
    d.data["score"] = 0.1 + 0.2;
    d.data["count"] = -3;
    d.data["nested"] = {{"z", {1, 2, 3}}, {"a", nullptr}, {"m", true}};
    f.diagnostics.push_back(std::move(d));
  };
  add(0, 4, "plain message");
  add(4, 20, "tab\there \"q\" \\ \x01\x1F \xC3\xA9 \xFF end");
  add(20, 25, "say \"hi\" plainly");
  add(25, 30, "a c:\\path plainly");
  add(30, 45, "");
  f.diagnostics.back().scope = Scope::kDocument;
  f.diagnostics.back().severity = Severity::kInfo;
  f.diagnostics.back().fixes.push_back(Fix{{30, 33}, "r\"e\\p\n\xC3\xA9", true});
  f.diagnostics.back().fixes.push_back(Fix{{40, 45}, "", false});
  f.not_shown = 7;
  for (bool summary : {false, true}) {
    EXPECT_EQ(Emitted(f, summary), Reference(f, summary)) << summary;
    f.error = "an \"error\" \xFF";
    EXPECT_EQ(Emitted(f, summary), Reference(f, summary)) << summary;
    f.error.clear();
  }
  FileResult empty;
  empty.path = "plain.md";
  EXPECT_EQ(Emitted(empty, false), Reference(empty, false));
}

// Strings with every kind of byte: each control character, quote and backslash, valid UTF-8 of
// each length, and invalid UTF-8 (stray continuation bytes, overlong forms, surrogates, code
// points past U+10FFFF, sequences cut short), alone and between plain text.
TEST(JsonStream, EveryKindOfByteInAString) {
  std::vector<std::string> pieces = {"\x7F",
                                     "\"",
                                     "\\",
                                     "\xC3\xA9",
                                     "\xE2\x80\x94",
                                     "\xF0\x9F\x8E\x89",
                                     "\xEF\xBF\xBD",
                                     "\x80",
                                     "\xBF",
                                     "\xC0\xAF",
                                     "\xC1\xBF",
                                     "\xE0\x80\xAF",
                                     "\xED\xA0\x80",
                                     "\xED\x9F\xBF",
                                     "\xF4\x90\x80\x80",
                                     "\xF4\x8F\xBF\xBF",
                                     "\xF0\x8F\xBF\xBF",
                                     "\xF5\x80\x80\x80",
                                     "\xC3",
                                     "\xE2\x80",
                                     "\xF0\x9F\x8E",
                                     "\xFF"};
  for (int c = 0; c < 0x20; ++c) pieces.push_back(std::string(1, static_cast<char>(c)));
  SourceFile src("x.md", "Some text here.\n");
  for (const std::string& piece : pieces)
    for (const std::string& s : {piece, "ab" + piece + "cd", piece + piece + "e"}) {
      FileResult f;
      f.path = s;
      f.source = &src;
      Diagnostic d;
      d.rule = "pack.rule";
      d.span = {0, 4};
      d.message = s;
      d.fixes.push_back(Fix{{0, 4}, s, true});
      f.diagnostics.push_back(std::move(d));
      f.error = s;
      EXPECT_EQ(Emitted(f, false), Reference(f, false)) << ::testing::PrintToString(s);
    }
}

}  // namespace
}  // namespace reviewlint
