// The JSON contract (README "JSON output"): version 1, one object per file, byte spans plus
// 1-based code-point ranges. Streams one file at a time.
#include <nlohmann/json.hpp>

#include "emitter.h"

namespace reviewlint {
namespace {

using json = nlohmann::ordered_json;

json RangeJson(const SourceFile& src, Span span) {
  Position a = src.lines().CodePointPosition(span.begin);
  Position b = src.lines().CodePointPosition(span.end);
  return {{"start", {{"line", a.line}, {"column", a.column}}},
          {"end", {{"line", b.line}, {"column", b.column}}}};
}

class JsonEmitter : public Emitter {
 public:
  explicit JsonEmitter(const EmitOptions& o) : options_(o) {}

  void Begin(std::ostream& out) override {
    json tool = {{"name", "reviewlint"}, {"version", options_.tool_version}};
    out << "{\"version\":1,\"tool\":" << tool.dump() << ",\"files\":[";
  }

  void File(const FileResult& f, std::ostream& out) override {
    json file = {{"path", f.path}, {"diagnostics", json::array()}};
    for (const Diagnostic& d : f.diagnostics) {
      json j = {{"rule", d.rule},
                {"severity", SeverityName(d.severity)},
                {"message", d.message},
                {"span", {{"start", d.span.begin}, {"end", d.span.end}}},
                {"range", RangeJson(*f.source, d.span)},
                {"excerpt", Excerpt(f, d.span)},
                {"scope", d.scope == Scope::kDocument ? "document" : "span"}};
      json fixes = json::array();
      for (const Fix& x : d.fixes)
        fixes.push_back({{"span", {{"start", x.span.begin}, {"end", x.span.end}}},
                         {"replacement", x.replacement},
                         {"safe", x.safe}});
      j["fixes"] = fixes;
      j["data"] = json::parse(d.data.dump());
      file["diagnostics"].push_back(std::move(j));
    }
    file["findings_not_shown"] = f.not_shown;
    file["error"] = f.error.empty() ? json(nullptr) : json(f.error);
    if (f.source) file["kind"] = KindJson(f.scorecard.kind);
    if (options_.summary && f.source) file["summary"] = ScorecardJson(f.scorecard);
    out << (first_ ? "" : ",") << file.dump(-1, ' ', false, json::error_handler_t::replace);
    first_ = false;
  }

  void End(const Summary&, std::ostream& out) override { out << "]}\n"; }

 private:
  EmitOptions options_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Emitter> MakeJsonEmitter(const EmitOptions& options) {
  return std::make_unique<JsonEmitter>(options);
}

}  // namespace reviewlint
