// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, the SARIF Multitool).
//   - tool.driver.rules lists every enabled rule, with help from its message, why and instead;
//   - columns are UTF-16 code units (run.columnKind says so);
//   - artifact URIs are relative to %SRCROOT% (--sarif-root, default the current folder);
//   - partialFingerprints.primaryLocationLineHash hashes the rule and the line's text, so it
//     survives lines added above;
//   - with --redact, run.redactionTokens lists the tokens that replaced names;
//   - past GitHub's 25,000 results per run the most severe are kept and a notification says
//     how many were dropped; a file's findings past --max-findings are left out with a
//     notification too.
#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "../engine.h"
#include "emitter.h"

namespace reviewlint {
namespace {

using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

// RFC 3986 percent-encoding of a path, keeping '/' and unreserved characters.
std::string EncodeUriPath(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string CamelName(const std::string& id) {
  std::string out;
  bool up = true;
  for (char c : id) {
    if (c == '.' || c == '-') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

json Region(const FileResult& f, Span span, bool snippet) {
  Position a = f.source->lines().Utf16Position(span.begin);
  Position b = f.source->lines().Utf16Position(span.end);
  json r = {{"startLine", a.line},
            {"startColumn", a.column},
            {"endLine", b.line},
            {"endColumn", b.column}};
  if (snippet) r["snippet"] = {{"text", std::string(ShownSlice(f, span))}};
  return r;
}

class SarifEmitter : public Emitter {
 public:
  explicit SarifEmitter(const EmitOptions& o) : options_(o) {
    std::error_code ec;
    root_ = fs::absolute(o.sarif_root.empty() ? fs::current_path(ec) : fs::path(o.sarif_root), ec)
                .lexically_normal();
  }

  void File(const FileResult& f, std::ostream&) override {
    if (!f.error.empty()) {
      notifications_.push_back(
          {{"level", "error"},
           {"message", {{"text", f.path + ": " + f.error}}},
           {"locations",
            json::array({{{"physicalLocation", {{"artifactLocation", Artifact(f.path)}}}}})}});
    }
    if (f.not_shown)
      notifications_.push_back(
          {{"level", "note"},
           {"message",
            {{"text", f.path + ": " + NotShownMessage(f.not_shown, options_.max_findings)}}},
           {"locations",
            json::array({{{"physicalLocation", {{"artifactLocation", Artifact(f.path)}}}}})}});
    if (!f.source) return;
    std::map<std::string, int> occurrences;
    for (const Diagnostic& d : f.diagnostics) {
      json result = {{"ruleId", d.rule}};
      auto idx = rule_index_.find(d.rule);
      if (idx != rule_index_.end()) result["ruleIndex"] = idx->second;
      result["level"] = Level(d.severity);
      result["message"] = {{"text", d.message}};
      json physical = {{"artifactLocation", Artifact(f.path)},
                       {"region", Region(f, d.span, !options_.sarif_no_snippets)}};
      result["locations"] = json::array({{{"physicalLocation", physical}}});
      // Fingerprint: the rule and the trimmed text of the line, plus the occurrence number.
      // Redacted, the line is hashed as shown, so a hash cannot confirm a guessed name.
      uint32_t line = f.source->lines().LineOf(d.span.begin);
      Span ls = f.source->lines().LineSpan(line);
      std::string_view text = ShownSlice(f, ls);
      while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
      char hash[32];
      std::snprintf(hash, sizeof hash, "%016llx",
                    static_cast<unsigned long long>(Fnv1a(d.rule + "\n" + std::string(text))));
      int n = ++occurrences[hash];
      result["partialFingerprints"] = {
          {"primaryLocationLineHash", std::string(hash) + ":" + std::to_string(n)}};
      if (!d.fixes.empty()) {
        json fixes = json::array();
        for (const Fix& x : d.fixes) {
          fixes.push_back(
              {{"description",
                {{"text", x.replacement.empty()
                              ? "Remove \"" + std::string(ShownSlice(f, x.span)) + "\""
                              : "Replace with \"" + x.replacement + "\""}}},
               {"artifactChanges",
                json::array(
                    {{{"artifactLocation", Artifact(f.path)},
                      {"replacements",
                       json::array({{{"deletedRegion", Region(f, x.span, false)},
                                     {"insertedContent", {{"text", x.replacement}}}}})}}})}});
        }
        result["fixes"] = fixes;
      }
      if (!d.data.empty()) result["properties"] = json::parse(d.data.dump());
      results_.push_back({d.severity, std::move(result)});
    }
  }

  void Begin(std::ostream&) override {
    const Engine* engine = options_.engine;
    if (!engine) return;
    for (size_t i = 0; i < engine->rules().size(); ++i) {
      if (!engine->enabled(i)) continue;
      const RuleSpec& r = *engine->rules()[i];
      std::string short_text = r.message;
      for (size_t at; (at = short_text.find("{")) != std::string::npos;) {
        size_t close = short_text.find('}', at);
        if (close == std::string::npos) break;
        short_text.replace(at, close - at + 1, "…");
      }
      // Rule examples use stand-in names ("John"); redacted, no listed name appears anywhere.
      auto shown = [&](const std::string& text) {
        return options_.redactor ? options_.redactor->Apply(text) : text;
      };
      std::string markdown = "**" + r.id + "**\n\n" + r.why + "\n\n**Write instead:** " + r.instead;
      if (!r.bad.empty()) markdown += "\n\n**Flagged:** " + r.bad.front();
      json rule = {{"id", r.id},
                   {"name", CamelName(r.id)},
                   {"shortDescription", {{"text", shown(short_text)}}},
                   {"fullDescription", {{"text", shown(r.why)}}},
                   {"help",
                    {{"text", shown(r.why + "\n\nWrite instead: " + r.instead)},
                     {"markdown", shown(markdown)}}},
                   {"helpUri", std::string(kHomepage) + "/blob/main/" +
                                   (r.file.rfind("rules/", 0) == 0 ? r.file : "rules/README.md")},
                   {"defaultConfiguration", {{"level", Level(r.severity)}}},
                   {"properties", {{"tags", json::array({r.pack})}}}};
      rule_index_[r.id] = static_cast<int>(rules_.size());
      rules_.push_back(std::move(rule));
    }
  }

  void End(const Summary&, std::ostream& out) override {
    const size_t limit = options_.sarif_max_results;
    if (results_.size() > limit) {
      std::stable_sort(results_.begin(), results_.end(),
                       [](const Pending& a, const Pending& b) { return a.severity > b.severity; });
      size_t dropped = results_.size() - limit;
      Severity worst_dropped = results_[limit].severity;
      results_.resize(limit);
      notifications_.push_back(
          {{"level", "warning"},
           {"message",
            {{"text",
              std::to_string(dropped) + " results over the limit of " + std::to_string(limit) +
                  " per run were left out, the least severe first (the most severe left out was " +
                  Level(worst_dropped) + "); lint fewer files per run to see them"}}}});
    }
    json results = json::array();
    for (Pending& p : results_) results.push_back(std::move(p.result));
    std::string root_uri = "file://" + EncodeUriPath(root_.generic_string());
    if (root_uri.back() != '/') root_uri += '/';
    json run = {{"tool",
                 {{"driver",
                   {{"name", "reviewlint"},
                    {"version", options_.tool_version},
                    {"semanticVersion", options_.tool_version},
                    {"informationUri", kHomepage},
                    {"rules", rules_}}}}},
                {"invocations", json::array({{{"executionSuccessful", true},
                                              {"toolExecutionNotifications", notifications_}}})},
                {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", root_uri}}}}},
                {"columnKind", "utf16CodeUnits"},
                {"results", results}};
    // Says which strings are tokens standing in for names (SARIF 2.1.0 §3.14.28).
    if (options_.redactor) run["redactionTokens"] = options_.redactor->Tokens();
    json log = {{"$schema",
                 "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                 "sarif-schema-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({run})}};
    out << log.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  }

 private:
  struct Pending {
    Severity severity;
    json result;
  };

  json Artifact(const std::string& path) const {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(root_);
    if (!rel.empty() && *rel.begin() != "..")
      return {{"uri", EncodeUriPath(rel.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", "file://" + EncodeUriPath(abs.generic_string())}};
  }

  EmitOptions options_;
  fs::path root_;
  json rules_ = json::array();
  std::map<std::string, int> rule_index_;
  std::vector<Pending> results_;
  json notifications_ = json::array();
};

}  // namespace

std::unique_ptr<Emitter> MakeSarifEmitter(const EmitOptions& options) {
  return std::make_unique<SarifEmitter>(options);
}

}  // namespace reviewlint
