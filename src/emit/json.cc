// The JSON contract (README "JSON output"): version 1, one object per file, byte spans plus
// 1-based code-point ranges. Streams one file at a time.
#include <nlohmann/json.hpp>

#include "emitter.h"

namespace reviewlint {
namespace {

using json = nlohmann::ordered_json;

// The JSON is written as it goes, byte for byte what nlohmann's compact dump (invalid UTF-8
// replaced) of the same document gives, without building the document first.

// A string as nlohmann writes it. Printable ASCII with no quote or backslash is written as it
// is; anything else goes through nlohmann's own escaping.
void WriteString(std::string_view s, std::ostream& out) {
  bool plain = true;
  for (char c : s)
    if (c < 0x20 || c == '"' || c == '\\' || static_cast<unsigned char>(c) >= 0x80) plain = false;
  if (plain)
    out << '"' << s << '"';
  else
    out << json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

void WriteSpan(Span span, std::ostream& out) {
  out << "{\"start\":" << span.begin << ",\"end\":" << span.end << '}';
}

void WritePosition(Position p, std::ostream& out) {
  out << "{\"line\":" << p.line << ",\"column\":" << p.column << '}';
}

void WriteRange(const SourceFile& src, Span span, std::ostream& out) {
  out << "{\"start\":";
  WritePosition(src.lines().CodePointPosition(span.begin), out);
  out << ",\"end\":";
  WritePosition(src.lines().CodePointPosition(span.end), out);
  out << '}';
}

void WriteFixes(const std::vector<Fix>& fixes, std::ostream& out) {
  out << '[';
  for (size_t i = 0; i < fixes.size(); ++i) {
    out << (i ? ",{\"span\":" : "{\"span\":");
    WriteSpan(fixes[i].span, out);
    out << ",\"replacement\":";
    WriteString(fixes[i].replacement, out);
    out << ",\"safe\":" << (fixes[i].safe ? "true" : "false") << '}';
  }
  out << ']';
}

// One diagnostic; its data's keys in the order nlohmann's (sorted) object keeps them.
void WriteDiagnostic(const FileResult& f, const Diagnostic& d, std::ostream& out) {
  out << "{\"rule\":";
  WriteString(d.rule, out);
  out << ",\"severity\":";
  WriteString(SeverityName(d.severity), out);
  out << ",\"message\":";
  WriteString(d.message, out);
  out << ",\"span\":";
  WriteSpan(d.span, out);
  out << ",\"range\":";
  WriteRange(*f.source, d.span, out);
  out << ",\"excerpt\":";
  WriteString(Excerpt(f, d.span), out);
  out << ",\"scope\":" << (d.scope == Scope::kDocument ? "\"document\"" : "\"span\"");
  out << ",\"fixes\":";
  WriteFixes(d.fixes, out);
  out << ",\"data\":" << d.data.dump() << '}';
}

class JsonEmitter : public Emitter {
 public:
  explicit JsonEmitter(const EmitOptions& o) : options_(o) {}

  void Begin(std::ostream& out) override {
    json tool = {{"name", "reviewlint"}, {"version", options_.tool_version}};
    out << "{\"version\":1,\"tool\":" << tool.dump() << ",\"files\":[";
  }

  void File(const FileResult& f, std::ostream& out) override {
    out << (first_ ? "{\"path\":" : ",{\"path\":");
    first_ = false;
    WriteString(f.path, out);
    out << ",\"diagnostics\":[";
    for (size_t i = 0; i < f.diagnostics.size(); ++i) {
      if (i) out << ',';
      WriteDiagnostic(f, f.diagnostics[i], out);
    }
    out << "],\"findings_not_shown\":" << f.not_shown << ",\"error\":";
    if (f.error.empty())
      out << "null";
    else
      WriteString(f.error, out);
    if (f.source)
      out << ",\"kind\":"
          << KindJson(f.scorecard.kind).dump(-1, ' ', false, json::error_handler_t::replace);
    if (options_.summary && f.source)
      out << ",\"summary\":"
          << ScorecardJson(f.scorecard).dump(-1, ' ', false, json::error_handler_t::replace);
    out << '}';
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
