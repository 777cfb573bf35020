// The whole pipeline over random text with the default (embedded) packs and rubrics, the way the
// CLI runs it: CheckInput, then Markdown and plain text, then every output format. Diagnostics
// stay inside the buffer, come sorted, name real rules, and every emitter copes.
#include <cstdint>
#include <sstream>
#include <string>

#include "emit/emitter.h"
#include "fuzz_util.h"

namespace {

using namespace reviewlint;

class NullBuf : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// Every format, as the CLI would print it. SARIF's rule catalog (the engine's metadata, the same
// for every input and most of an emitter's cost) is written for the first input only.
void Emit(const Engine& engine, const FileResult& f) {
  static NullBuf buf;
  static std::ostream out(&buf);
  static bool first = true;
  EmitOptions o;
  o.engine = first ? &engine : nullptr;
  first = false;
  o.summary = true;
  o.tool_version = "fuzz";
  for (const EmitterInfo& info : Emitters()) {
    std::unique_ptr<Emitter> e = info.make(o);
    Summary s;
    s.files = 1;
    e->Begin(out);
    e->File(f, out);
    e->End(s, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Engine& engine = fuzz::DefaultEngine();
  static Workspace* ws = new Workspace(engine);
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (auto bad = CheckInput(bytes)) {
    FileResult f;
    f.path = "bad.md";
    f.error = bad->message;
    Emit(engine, f);
    return 0;
  }
  SourceFile source("fuzz.md", bytes);
  const auto n = static_cast<uint32_t>(bytes.size());
  for (const char* markup : {"markdown", "text"}) {
    LintResult r = engine.Lint(source, *MarkupByName(markup), *ws);
    for (size_t i = 0; i < r.diagnostics.size(); ++i) {
      const Diagnostic& d = r.diagnostics[i];
      FUZZ_CHECK(d.span.begin <= d.span.end && d.span.end <= n);
      FUZZ_CHECK(engine.FindRule(d.rule) != nullptr);
      FUZZ_CHECK(!d.message.empty());
      for (const Fix& x : d.fixes) FUZZ_CHECK(x.span.begin <= x.span.end && x.span.end <= n);
      if (i) FUZZ_CHECK(!DiagnosticLess(d, r.diagnostics[i - 1]));
    }
    FileResult f;
    f.path = "fuzz.md";
    f.source = &source;
    f.diagnostics = std::move(r.diagnostics);
    f.scorecard = std::move(r.scorecard);
    f.error = r.error;
    Emit(engine, f);
  }
  return 0;
}
