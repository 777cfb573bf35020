// `reviewlint report`: the analysis, the three formats agreeing, the planted findings in
// tests/report/reviews, redaction and a self-contained HTML page.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "report/report.h"
#include "test_util.h"

namespace reviewlint {
namespace {

using testing::ReadAll;
using testing::RunCli;
using testing::TempDir;

constexpr const char* kReviews = "tests/report/reviews";

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

struct Outputs {
  std::string text, html;
  nlohmann::json json;
};

Outputs RunReport(const std::string& extra, const std::string& name) {
  std::string html = TempDir() + "/" + name + ".html";
  Outputs o;
  auto text = RunCli(std::string("report ") + kReviews + " " + extra);
  EXPECT_EQ(text.exit_code, 0) << text.err;
  o.text = text.out;
  auto json =
      RunCli(std::string("report ") + kReviews + " --format json --html '" + html + "' " + extra);
  EXPECT_EQ(json.exit_code, 0) << json.err;
  o.json = nlohmann::json::parse(json.out);
  o.html = ReadAll(html);
  return o;
}

const Outputs& Plain() {
  static Outputs o = RunReport("", "plain");
  return o;
}

bool HasOutlier(const nlohmann::json& j, const std::string& file, const std::string& metric) {
  for (const auto& o : j["outliers"])
    if (o["path"].get<std::string>().ends_with(file) && o["metric"] == metric) return true;
  return false;
}

bool HasMismatch(const nlohmann::json& j, const std::string& file, const std::string& kind) {
  for (const auto& m : j["rating_mismatches"])
    if (m["path"].get<std::string>().ends_with(file) && m["kind"] == kind) return true;
  return false;
}

TEST(Report, ParseRating) {
  EXPECT_EQ(report::ParseRating("5"), 5);
  EXPECT_EQ(report::ParseRating("4/5"), 4);
  EXPECT_EQ(report::ParseRating("\"Exceeds expectations\""), 4);
  EXPECT_EQ(report::ParseRating("meets"), 3);
  EXPECT_EQ(report::ParseRating("below expectations"), 2);
  EXPECT_EQ(report::ParseRating("Outstanding"), 5);
  EXPECT_EQ(report::ParseRating("unsatisfactory"), 1);
  EXPECT_EQ(report::ParseRating("9"), std::nullopt);
  EXPECT_EQ(report::ParseRating("great"), std::nullopt);
}

TEST(Report, Quartiles) {
  report::Stats s = report::Describe({4, 1, 3, 2, 5});
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.q1, 2);
  EXPECT_DOUBLE_EQ(s.q3, 4);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 5);
  EXPECT_DOUBLE_EQ(report::Describe({1, 2}).median, 1.5);
}

TEST(Report, RedactorIsCaseInsensitiveWholeWordAndUnicodeSafe) {
  Redactor r;
  r.Add("Zoë Lindqvist", "Person-1");
  r.Add("Hannah Brooks", "Reviewer-1");
  EXPECT_EQ(r.Apply("ZOË LINDQVIST met zoë; Zoë's plan. Zoëy and Hannahs stay. brooks!"),
            "Person-1 met Person-1; Person-1's plan. Zoëy and Hannahs stay. Reviewer-1!");
  EXPECT_EQ(r.TokenFor("zoë lindqvist"), "Person-1");
}

// The report sets up like the lint command: a rubric file named on the command line or in the
// folder's .reviewlint.json is found, and so are the config's rule levels.
TEST(Report, UsesRubricFilesAndConfigLikeTheLintCommand) {
  const std::string draft = "tests/fixtures/document/french.md";  // rubric: team-rubric
  auto without = RunCli("report --format json " + draft);
  EXPECT_EQ(without.exit_code, 2) << "unknown rubric without the file: " << without.out;

  auto flag = RunCli(
      "report --format json --rubric-file tests/fixtures/document/team-rubric.json " + draft);
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  auto j = nlohmann::json::parse(flag.out);
  EXPECT_EQ(j["reviews"][0]["rubric"], "team-rubric");
  EXPECT_EQ(j["reviews"][0]["categories_uncovered"], nlohmann::json::array({"On-call"}));

  std::string dir = TempDir() + "/report-config";
  std::filesystem::create_directories(dir);
  const std::string src = std::string(REVIEWLINT_SOURCE_DIR) + "/";
  std::filesystem::copy_file(src + draft, dir + "/french.md",
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(src + "tests/fixtures/document/team-rubric.json",
                             dir + "/team-rubric.json",
                             std::filesystem::copy_options::overwrite_existing);
  testing::WriteFile(dir + "/.reviewlint.json",
                     R"({"rubrics": ["team-rubric.json"], "rules": {"rubric": "off"}})");
  auto config = RunCli("report --format json '" + dir + "'");
  ASSERT_EQ(config.exit_code, 0) << config.err;
  auto c = nlohmann::json::parse(config.out);
  EXPECT_EQ(c["reviews"][0]["rubric"], "team-rubric");
  EXPECT_EQ(c["reviews"][0]["findings_per_pack"].value("rubric", 0), 0) << "rubric pack is off";
}

// Reviews are linted in parallel; every output is the same as with one thread.
TEST(Report, ParallelOutputIsIdenticalToOneThread) {
  for (const char* format : {"text", "json"}) {
    auto one = RunCli(std::string("report -j 1 --format ") + format + " " + kReviews);
    auto four = RunCli(std::string("report -j 4 --format ") + format + " " + kReviews);
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.out, four.out) << format;
    auto redacted = RunCli(std::string("report -j 4 --redact --format ") + format + " " + kReviews);
    auto redacted_one =
        RunCli(std::string("report -j 1 --redact --format ") + format + " " + kReviews);
    EXPECT_EQ(redacted.out, redacted_one.out) << format;
  }
}

TEST(Report, FormatsAgree) {
  const Outputs& o = Plain();
  const auto& outliers = o.json["outliers"];
  const auto& mismatches = o.json["rating_mismatches"];
  ASSERT_FALSE(outliers.empty());
  ASSERT_FALSE(mismatches.empty());
  EXPECT_EQ(Count(o.text, "\n  outlier "), outliers.size());
  EXPECT_EQ(Count(o.html, "data-outlier="), outliers.size());
  for (const auto& x : outliers) {
    std::string path = x["path"], metric = x["metric"];
    EXPECT_NE(o.text.find("outlier " + path + " [" + metric + "]"), std::string::npos) << path;
    EXPECT_NE(o.html.find("data-outlier='" + path + "|" + metric + "'"), std::string::npos) << path;
  }
  EXPECT_EQ(Count(o.text, "\n  mismatch "), mismatches.size());
  EXPECT_EQ(Count(o.html, "data-mismatch="), mismatches.size());
  for (const auto& x : mismatches) {
    std::string path = x["path"], kind = x["kind"];
    EXPECT_NE(o.text.find("mismatch " + path + " [" + kind + "]"), std::string::npos) << path;
    EXPECT_NE(o.html.find("data-mismatch='" + path + "|" + kind + "'"), std::string::npos) << path;
  }
  EXPECT_EQ(o.json["reviews"].size(), 23u);
  // Every output says what the report is not.
  EXPECT_NE(o.text.find("compares language, not people"), std::string::npos);
  EXPECT_NE(o.html.find("compares language, not people"), std::string::npos);
  EXPECT_NE(o.json["notice"].get<std::string>().find("infers no demographics"), std::string::npos);
}

TEST(Report, FindsThePlantedOutliersAndMismatches) {
  const nlohmann::json& j = Plain().json;
  EXPECT_TRUE(HasOutlier(j, "ana-costa.md", "length")) << j["outliers"].dump(1);
  EXPECT_TRUE(HasOutlier(j, "maya-lindgren.md", "trait-words")) << j["outliers"].dump(1);
  EXPECT_TRUE(HasOutlier(j, "grace-nakamura.md", "trait-words")) << j["outliers"].dump(1);
  EXPECT_TRUE(HasOutlier(j, "leo-marsh.md", "hedges")) << j["outliers"].dump(1);
  EXPECT_TRUE(HasOutlier(j, "paula-reyes.md", "grindstone")) << j["outliers"].dump(1);
  EXPECT_FALSE(HasOutlier(j, "ben-adeyemi.md", "trait-words"));
  EXPECT_TRUE(HasMismatch(j, "leo-marsh.md", "top-rating-vague")) << j["rating_mismatches"].dump(1);
  EXPECT_TRUE(HasMismatch(j, "nadia-petrov.md", "low-rating-no-constructive"))
      << j["rating_mismatches"].dump(1);
  EXPECT_FALSE(HasMismatch(j, "ana-costa.md", "top-rating-vague"));
  // The reviewer who uses trait words for some people and not others.
  bool flagged = false;
  for (const auto& r : j["reviewers"]) {
    bool trait_flag = false;
    for (const auto& f : r["flags"])
      if (f.get<std::string>().find("trait words") != std::string::npos) trait_flag = true;
    if (r["name"] == "Dmitri Volkov") {
      flagged = trait_flag;
    } else {
      EXPECT_FALSE(trait_flag) << r["name"];
    }
  }
  EXPECT_TRUE(flagged);
  EXPECT_EQ(j["reviewers"].size(), 4u);
  // Ratings given as words are understood.
  for (const auto& r : j["reviews"])
    if (r["path"].get<std::string>().ends_with("xavier-boateng.md")) {
      EXPECT_EQ(r["rating_value"], 3);
    }
}

TEST(Report, RedactedOutputsNameNobody) {
  // Every name the front matter gives, and each part of it.
  std::set<std::string> names = {"Hannah"};
  for (const auto& r : Plain().json["reviews"])
    for (const char* key : {"employee", "reviewer"}) {
      std::string name = r[key];
      names.insert(name);
      std::string part;
      for (char c : name + " ") {
        if (c == ' ') {
          if (!part.empty()) names.insert(part);
          part.clear();
        } else {
          part += c;
        }
      }
    }
  std::vector<std::u32string> folded;
  for (const auto& n : names) folded.push_back(Fold(n));
  Outputs o = RunReport("--redact --redact-name Hannah", "redacted");
  std::string json = o.json.dump();
  for (const std::string* out : {&o.text, &json, &o.html}) {
    auto found = FindWholeWords(*out, folded);
    EXPECT_TRUE(found.empty()) << out->substr(found.empty() ? 0 : found[0].begin, 40);
  }
  EXPECT_NE(o.html.find("Person-1"), std::string::npos);
  EXPECT_NE(o.text.find("Reviewer-1"), std::string::npos);
  // Redaction changes names, not findings.
  EXPECT_EQ(o.json["outliers"].size(), Plain().json["outliers"].size());
  EXPECT_EQ(o.json["rating_mismatches"].size(), Plain().json["rating_mismatches"].size());
}

TEST(Report, HtmlIsSelfContained) {
  const std::string& html = Plain().html;
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<mark tabindex='0' title='"), std::string::npos);
  EXPECT_NE(html.find("aria-describedby='r1-f"), std::string::npos);
  EXPECT_NE(html.find("<h1>"), std::string::npos);
}

TEST(Report, HtmlEscapesReviewText) {
  std::string dir = TempDir() + "/escape";
  std::filesystem::create_directories(dir);
  testing::WriteFile(dir + "/a.md",
                     "---\nemployee: <b>Bob</b>\nreviewer: Al & \"Co\"\n---\nBob wrote "
                     "<script>alert(1)</script> and was somewhat helpful.\n");
  std::string html = dir + "/out.html";
  auto r = RunCli("report '" + dir + "' --html '" + html + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string page = ReadAll(html);
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_EQ(page.find("<b>Bob"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(page.find("Al &amp; &quot;Co&quot;"), std::string::npos);
}

// One draft with no evaluative sentence: singular nouns, and "-" where there is nothing to divide.
TEST(Report, OneReviewSingularsAndNothingToDivide) {
  std::string dir = TempDir() + "/one-review";
  std::filesystem::create_directories(dir);
  testing::WriteFile(dir + "/a.md",
                     "---\nemployee: Bo\nreviewer: Al\n---\nThe project started in March.\n");
  std::string html = dir + ".html";
  auto r = RunCli("report '" + dir + "' --html '" + html + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("reviewlint report: 1 review (1 linted), 1 reviewer\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  Al: 1 review, coverage"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  specificity               -   -   -   -   -\n"), std::string::npos)
      << r.out;
  std::string page = ReadAll(html);
  EXPECT_NE(page.find("<p>1 review (1 linted), 1 reviewer.</p>"), std::string::npos);
  EXPECT_NE(page.find("<th scope='row'>specificity</th><td>-</td>"), std::string::npos);
  EXPECT_EQ(page.find("0 of 0 evaluative"), std::string::npos);
  EXPECT_NE(page.find("5 words, 1 sentence<"), std::string::npos);
}

// Self-reviews and improvement plans are told apart from reviews (front matter `type:`, a PIP
// section, first-person text) and get their own distributions.
TEST(Report, SelfReviewsAndImprovementPlansAreReportedApart) {
  std::string dir = TempDir() + "/kinds";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string src = std::string(REVIEWLINT_SOURCE_DIR) + "/" + kReviews + "/";
  for (const char* name : {"ben-adeyemi.md", "carl-jensen.md", "farid-haddad.md", "ines-duarte.md"})
    std::filesystem::copy_file(src + name, dir + "/" + name);
  testing::WriteFile(dir + "/self.md",
                     "---\nemployee: Ana Costa\ntype: self-review\n---\nI led the ledger move.\n");
  testing::WriteFile(dir + "/me.md",
                     "---\nemployee: Bo Lind\n---\nThis year I rewrote the export job. I cut its "
                     "run time from 40 to 12 minutes and I wrote my first design doc.\n");
  testing::WriteFile(dir + "/pip.md",
                     "---\nemployee: Cy Ng\ntype: PIP\n---\nGoal: ship the export fix by May.\n");
  auto json = RunCli("report --format json '" + dir + "'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  std::map<std::string, std::string> kinds;
  for (const auto& r : j["reviews"])
    kinds[std::filesystem::path(r["path"].get<std::string>()).filename()] = r["kind"];
  EXPECT_EQ(kinds["self.md"], "self-review");
  EXPECT_EQ(kinds["me.md"], "self-review");
  EXPECT_EQ(kinds["pip.md"], "improvement-plan");
  EXPECT_EQ(kinds["ben-adeyemi.md"], "review");
  EXPECT_EQ(j["distributions"]["words"]["n"], 4) << "only the reviews";
  EXPECT_EQ(j["distributions_by_kind"]["self-review"]["words"]["n"], 2);
  EXPECT_EQ(j["distributions_by_kind"]["improvement-plan"]["words"]["n"], 1);
  auto text = RunCli("report '" + dir + "'");
  EXPECT_NE(text.out.find("Distributions across self-reviews"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Distributions across improvement plans"), std::string::npos);
}

// What headless Chromium did with a page: its console messages, the requests the page itself made
// (Chromium's own background requests carry no file:// isolation key), and a screenshot.
struct BrowserRun {
  int console_messages = 0;
  int page_requests = 0;
  bool screenshot = false;
};

BrowserRun OpenInChromium(const char* chromium, const std::string& html, const std::string& png) {
  std::string dir = TempDir() + "/chromium";
  std::filesystem::create_directories(dir + "/profile");
  std::string netlog = dir + "/netlog.json", log = dir + "/stderr.log";
  std::filesystem::remove(png);
  std::filesystem::remove(netlog);
  // No name resolves, so even a request that slipped through could not leave the machine.
  std::string cmd = std::string("timeout 120 ") + chromium +
                    " --headless --no-sandbox --disable-gpu --disable-background-networking"
                    " --disable-component-update --disable-sync --no-first-run"
                    " --disable-dev-shm-usage --window-size=1280,2000 --user-data-dir='" +
                    dir + "/profile' --host-resolver-rules='MAP * ~NOTFOUND' --log-net-log='" +
                    netlog + "' --enable-logging=stderr --v=0 --screenshot='" + png + "' 'file://" +
                    html + "' > /dev/null 2> '" + log + "'";
  std::system(cmd.c_str());
  BrowserRun run;
  run.screenshot = std::filesystem::exists(png) && std::filesystem::file_size(png) > 1000u;
  std::string err = ReadAll(log);
  for (size_t at = 0; (at = err.find(":CONSOLE", at)) != std::string::npos; ++at)
    ++run.console_messages;
  nlohmann::json net = nlohmann::json::parse(ReadAll(netlog), nullptr, false);
  if (net.is_discarded()) return run;
  int start_job = net["constants"]["logEventTypes"].value("URL_REQUEST_START_JOB", -1);
  for (const auto& e : net["events"]) {
    if (e.value("type", -2) != start_job || !e.contains("params")) continue;
    std::string key = e["params"].value("network_isolation_key", "");
    if (key.find("file://") != std::string::npos) ++run.page_requests;
  }
  return run;
}

TEST(Report, HeadlessChromiumRendersTheHtml) {
  const char* chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(chromium)) GTEST_SKIP() << "no " << chromium;
  // The detector first: a page that logs to the console and fetches a URL is caught.
  std::string bad = std::filesystem::absolute(TempDir() + "/bad.html").string();
  testing::WriteFile(bad,
                     "<!doctype html><title>t</title><p>x<script>console.error('boom');"
                     "fetch('http://example.invalid/x')</script>");
  BrowserRun control = OpenInChromium(chromium, bad, TempDir() + "/bad.png");
  EXPECT_GE(control.console_messages, 1);
  EXPECT_GE(control.page_requests, 1);

  const Outputs& o = Plain();
  ASSERT_FALSE(o.html.empty());
  std::string html = std::filesystem::absolute(TempDir() + "/plain.html").string();
  std::string png = TempDir() + "/report.png";
  BrowserRun run = OpenInChromium(chromium, html, png);
  EXPECT_TRUE(run.screenshot);
  EXPECT_EQ(run.console_messages, 0) << "console errors or logs from the report's script";
  EXPECT_EQ(run.page_requests, 0) << "the report must make no network request";
  std::cout << "[ chromium ] screenshot " << png << "\n";
}

// 5,000 drafts of about 2 KB in five folders, each folder with a review.md.
std::string FiveThousandDrafts() {
  std::string dir = TempDir() + "/five-thousand";
  if (std::filesystem::exists(dir + "/team-4/review-4999.md")) return dir;
  const char* sentences[] = {
      "She is a good communicator and a real team player. ",
      "He rewrote the checkout service, which cut p99 latency from 900 ms to 210 ms. ",
      "His tests are somewhat flaky and the docs are kind of thin. ",
      "She is hardworking and diligent. ",
      "During the June outage she traced the root cause and shipped the fix within 3 hours. ",
      "Overall she meets expectations and had a solid year. ",
      "He can be abrasive in planning meetings. ",
  };
  for (int i = 0; i < 5000; ++i) {
    std::string folder = dir + "/team-" + std::to_string(i % 5);
    std::filesystem::create_directories(folder);
    std::string text = "---\nemployee: Person " + std::to_string(i) + "\nreviewer: Lead " +
                       std::to_string(i % 12) + "\nrating: " + std::to_string(1 + i % 5) +
                       "\n---\n# Review\n\n";
    uint64_t x = 0x9E3779B97F4A7C15ULL * uint64_t(i + 1);
    while (text.size() < 2048) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;  // xorshift
      text += sentences[x % std::size(sentences)];
    }
    std::string name = i < 5 ? "/review.md" : "/review-" + std::to_string(i) + ".md";
    testing::WriteFile(folder + name, text + "\n");
  }
  return dir;
}

TEST(Report, HeadlessChromiumRendersAFiveThousandDraftPage) {
  const char* chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(chromium)) GTEST_SKIP() << "no " << chromium;
  std::string html = std::filesystem::absolute(TempDir() + "/five-thousand.html").string();
  auto r = RunCli("report -j 2 '" + FiveThousandDrafts() + "' --html '" + html + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string page = ReadAll(html);
  EXPECT_LT(page.size(), 2u * 1024 * 1024);
  EXPECT_NE(page.find("Length (words) across reviews (5000 drafts)"), std::string::npos);
  EXPECT_NE(page.find("team-3/review.md"), std::string::npos);
  std::string png = TempDir() + "/five-thousand.png";
  BrowserRun run = OpenInChromium(chromium, html, png);
  EXPECT_TRUE(run.screenshot);
  EXPECT_EQ(run.console_messages, 0);
  EXPECT_EQ(run.page_requests, 0);
  std::cout << "[ chromium ] screenshot " << png << " (" << page.size() << " bytes of HTML)\n";
}

}  // namespace
}  // namespace reviewlint
