// Shared by the fuzz targets: invariant checks that abort (so libFuzzer saves the input) and the
// default engine, built once per process from the embedded packs.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "engine.h"
#include "source.h"

#define FUZZ_CHECK(cond)                                                                \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

namespace reviewlint::fuzz {

inline const Engine& DefaultEngine() {
  static std::unique_ptr<Engine> engine = [] {
    DataStore store;
    std::vector<std::string> errors;
    auto e = Engine::FromStore(store, RuleSettings{}, &errors);
    for (const auto& m : errors) std::fprintf(stderr, "%s\n", m.c_str());
    if (!e) std::abort();
    return e;
  }();
  return *engine;
}

/// Input the CLI would accept: what CheckInput lets through (no NUL, valid UTF-8).
inline bool Lintable(const std::string& bytes) { return !CheckInput(bytes).has_value(); }

}  // namespace reviewlint::fuzz
