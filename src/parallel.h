// Runs independent per-file work on several threads, each with its own Workspace (ICU iterators
// and word cache are per thread). The caller is one of the threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "engine.h"

namespace reviewlint {

/// Calls f(workspace, i) for every i in [0, n), on up to `jobs` threads (0: the hardware
/// threads). Each i is done exactly once; f must only touch what belongs to i.
template <typename F>
void ParallelFor(const Engine& engine, size_t n, unsigned jobs, F f) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    Workspace ws(engine);
    for (size_t i; (i = next.fetch_add(1)) < n;) f(ws, i);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<size_t>(jobs, n); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

}  // namespace reviewlint
