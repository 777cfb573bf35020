// Google Benchmark of the pipeline's stages on generated reviews: markup, segmentation, the whole
// lint of a parsed document (matching + document checks), re-lint of a 10 KB draft (the editor
// path), and the emitters. Throughput is reported as bytes/second.
#include <benchmark/benchmark.h>

#include <sstream>

#include "corpus.h"
#include "emit/emitter.h"
#include "engine.h"

namespace reviewlint {
namespace {

const Engine& TheEngine() {
  static std::unique_ptr<Engine> engine = [] {
    DataStore store;
    std::vector<std::string> errors;
    return Engine::FromStore(store, RuleSettings{}, &errors);
  }();
  return *engine;
}

const std::string& Text(size_t bytes) {
  static std::map<size_t, std::string> cache;
  auto& t = cache[bytes];
  if (t.empty())
    for (uint64_t i = 0; t.size() < bytes; ++i) t += bench::GenerateReview(i, 6000) + "\n";
  return t;
}

void BM_Markdown(benchmark::State& state) {
  const std::string& text = Text(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ScanMarkdown(text, 0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Markdown)->Arg(1 << 20);

void BM_Segmentation(benchmark::State& state) {
  const std::string& text = Text(static_cast<size_t>(state.range(0)));
  Segmenter seg;
  std::vector<Span> out;
  MarkupResult m = ScanMarkdown(text, 0);
  for (auto _ : state) {
    for (const Block& b : m.blocks) {
      out.clear();
      seg.Sentences(m.prose, b.span, &out);
      seg.Words(m.prose, b.span, &out);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Segmentation)->Arg(1 << 20);

void BM_Parse(benchmark::State& state) {
  const std::string& text = Text(static_cast<size_t>(state.range(0)));
  Workspace ws(TheEngine());
  SourceFile src("b.md", text);
  for (auto _ : state)
    benchmark::DoNotOptimize(TheEngine().Parse(src, *MarkupByName("markdown"), ws));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Parse)->Arg(1 << 20);

void BM_LintParsed(benchmark::State& state) {
  const std::string& text = Text(static_cast<size_t>(state.range(0)));
  Workspace ws(TheEngine());
  SourceFile src("b.md", text);
  Document doc = TheEngine().Parse(src, *MarkupByName("markdown"), ws);
  for (auto _ : state) benchmark::DoNotOptimize(TheEngine().Lint(doc, ws));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LintParsed)->Arg(1 << 20);

// The LSP path: the text is in memory and the engine is built; one edit means one full re-lint.
void BM_Relint10KB(benchmark::State& state) {
  std::string text = bench::GenerateReview(42, 10 * 1024);
  Workspace ws(TheEngine());
  for (auto _ : state) {
    SourceFile src("b.md", text);
    benchmark::DoNotOptimize(TheEngine().Lint(src, *MarkupByName("markdown"), ws));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Relint10KB)->Unit(benchmark::kMillisecond);

void BM_Emit(benchmark::State& state, const char* format) {
  const std::string& text = Text(1 << 20);
  Workspace ws(TheEngine());
  SourceFile src("b.md", text);
  FileResult f;
  f.path = "b.md";
  f.source = &src;
  f.diagnostics = TheEngine().Lint(src, *MarkupByName("markdown"), ws).diagnostics;
  EmitOptions o;
  o.engine = &TheEngine();
  for (auto _ : state) {
    std::ostringstream out;
    auto e = MakeEmitter(format, o);
    e->Begin(out);
    e->File(f, out);
    e->End(Summary{}, out);
    benchmark::DoNotOptimize(out.str().size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.diagnostics.size()));
}
BENCHMARK_CAPTURE(BM_Emit, text, "text");
BENCHMARK_CAPTURE(BM_Emit, json, "json");
BENCHMARK_CAPTURE(BM_Emit, sarif, "sarif");

}  // namespace
}  // namespace reviewlint

BENCHMARK_MAIN();
