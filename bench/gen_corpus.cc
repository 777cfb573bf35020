// reviewlint-gen-corpus: writes the benchmark corpus.
//   reviewlint-gen-corpus file OUT.md MEGABYTES [SEED]     one file of reviews
//   reviewlint-gen-corpus folder OUT_DIR COUNT BYTES [SEED]  COUNT drafts of about BYTES each
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus.h"

int main(int argc, char** argv) {
  using reviewlint::bench::GenerateReview;
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "file" && argc >= 4) {
    size_t bytes = static_cast<size_t>(std::atof(argv[3]) * 1024 * 1024);
    uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
    std::ofstream out(argv[2], std::ios::binary);
    size_t written = 0;
    for (uint64_t i = 0; written < bytes; ++i) {
      std::string r = GenerateReview(seed * 1000003 + i, 6000) + "\n";
      out << r;
      written += r.size();
    }
    return out ? 0 : 1;
  }
  if (mode == "folder" && argc >= 5) {
    std::filesystem::create_directories(argv[2]);
    int count = std::atoi(argv[3]);
    size_t bytes = static_cast<size_t>(std::atol(argv[4]));
    uint64_t seed = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 1;
    for (int i = 0; i < count; ++i) {
      char name[64];
      std::snprintf(name, sizeof name, "/review-%05d.md", i);
      std::ofstream out(std::string(argv[2]) + name, std::ios::binary);
      out << GenerateReview(seed * 1000003 + static_cast<uint64_t>(i), bytes);
    }
    return 0;
  }
  std::fprintf(stderr,
               "usage: reviewlint-gen-corpus file OUT.md MEGABYTES [SEED]\n"
               "       reviewlint-gen-corpus folder OUT_DIR COUNT BYTES [SEED]\n");
  return 2;
}
