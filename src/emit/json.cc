// The JSON contract (README "JSON output"): version 1, one object per file, byte spans plus
// 1-based code-point ranges. Streams one file at a time.
#include <charconv>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "emitter.h"

namespace reviewlint {
namespace {

using json = nlohmann::ordered_json;

// The JSON is written as it goes, byte for byte what nlohmann's compact dump (invalid UTF-8
// replaced) of the same document gives, without building the document first. Each file's JSON
// is put together in one string and written at once.

// The length of the valid UTF-8 sequence at s[i] (a lead byte of 0x80 or more), or 0: no
// overlong forms, no surrogates, nothing past U+10FFFF (what nlohmann's decoder accepts).
size_t Utf8Length(std::string_view s, size_t i) {
  auto cont = [&](size_t k, unsigned lo, unsigned hi) {
    if (i + k >= s.size()) return false;
    auto c = static_cast<unsigned char>(s[i + k]);
    return c >= lo && c <= hi;
  };
  auto b = static_cast<unsigned char>(s[i]);
  if (b >= 0xC2 && b <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// A string as nlohmann writes it (ensure_ascii off): quote, backslash and control characters
// escaped, valid UTF-8 as it is. A string with invalid UTF-8 goes through nlohmann's own
// replacement.
void WriteString(std::string_view s, std::string& out) {
  const size_t mark = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8Length(s, i);
      if (n == 0) {
        out.resize(mark);
        out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s, run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default: {
        char u[8];
        std::snprintf(u, sizeof u, "\\u%04x", c);
        out += u;
      }
    }
    run = ++i;
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

void WriteNumber(uint64_t n, std::string& out) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// {"a":1,"b":2}
void WritePair(const char* a, uint64_t x, const char* b, uint64_t y, std::string& out) {
  out += "{\"";
  out += a;
  out += "\":";
  WriteNumber(x, out);
  out += ",\"";
  out += b;
  out += "\":";
  WriteNumber(y, out);
  out += '}';
}

void WriteSpan(Span span, std::string& out) {
  WritePair("start", span.begin, "end", span.end, out);
}

void WritePosition(Position p, std::string& out) {
  WritePair("line", p.line, "column", p.column, out);
}

void WriteRange(const SourceFile& src, Span span, std::string& out) {
  out += "{\"start\":";
  WritePosition(src.lines().CodePointPosition(span.begin), out);
  out += ",\"end\":";
  WritePosition(src.lines().CodePointPosition(span.end), out);
  out += '}';
}

void WriteFixes(const std::vector<Fix>& fixes, std::string& out) {
  out += '[';
  for (size_t i = 0; i < fixes.size(); ++i) {
    out += i ? ",{\"span\":" : "{\"span\":";
    WriteSpan(fixes[i].span, out);
    out += ",\"replacement\":";
    WriteString(fixes[i].replacement, out);
    out += fixes[i].safe ? ",\"safe\":true}" : ",\"safe\":false}";
  }
  out += ']';
}

// One diagnostic; its data's keys in the order nlohmann's (sorted) object keeps them.
void WriteDiagnostic(const FileResult& f, const Diagnostic& d, std::string& out) {
  out += "{\"rule\":";
  WriteString(d.rule, out);
  out += ",\"severity\":";
  WriteString(SeverityName(d.severity), out);
  out += ",\"message\":";
  WriteString(d.message, out);
  out += ",\"span\":";
  WriteSpan(d.span, out);
  out += ",\"range\":";
  WriteRange(*f.source, d.span, out);
  out += ",\"excerpt\":";
  WriteString(Excerpt(f, d.span), out);
  out += d.scope == Scope::kDocument ? ",\"scope\":\"document\"" : ",\"scope\":\"span\"";
  out += ",\"fixes\":";
  WriteFixes(d.fixes, out);
  out += ",\"data\":";
  out += d.data.dump();
  out += '}';
}

class JsonEmitter : public Emitter {
 public:
  explicit JsonEmitter(const EmitOptions& o) : options_(o) {}

  void Begin(std::ostream& out) override {
    json tool = {{"name", "reviewlint"}, {"version", options_.tool_version}};
    out << "{\"version\":1,\"tool\":" << tool.dump() << ",\"files\":[";
  }

  void File(const FileResult& f, std::ostream& out) override {
    std::string& o = buffer_;
    o.clear();
    o += first_ ? "{\"path\":" : ",{\"path\":";
    first_ = false;
    WriteString(f.path, o);
    o += ",\"diagnostics\":[";
    for (size_t i = 0; i < f.diagnostics.size(); ++i) {
      if (i) o += ',';
      WriteDiagnostic(f, f.diagnostics[i], o);
      if (o.size() >= kFlushAt) Flush(out);
    }
    o += "],\"findings_not_shown\":";
    WriteNumber(f.not_shown, o);
    o += ",\"error\":";
    if (f.error.empty())
      o += "null";
    else
      WriteString(f.error, o);
    if (f.source) {
      o += ",\"kind\":";
      o += KindJson(f.scorecard.kind).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    if (options_.summary && f.source) {
      o += ",\"summary\":";
      o += ScorecardJson(f.scorecard).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    o += '}';
    Flush(out);
  }

  void End(const Summary&, std::ostream& out) override { out << "]}\n"; }

 private:
  EmitOptions options_;
  bool first_ = true;
  static constexpr size_t kFlushAt = 1 << 20;
  void Flush(std::ostream& out) {
    out.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  std::string buffer_;  // JSON not yet written, reused from file to file
};

}  // namespace

std::unique_ptr<Emitter> MakeJsonEmitter(const EmitOptions& options) {
  return std::make_unique<JsonEmitter>(options);
}

}  // namespace reviewlint
