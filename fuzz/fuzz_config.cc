// The config loader: LoadConfig on any bytes as a .reviewlint.json (JSON with comments, `extends`,
// globs), then the policy and the ignore list for a few paths, which runs every glob. A config is
// either rejected with messages that name the file or works.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  static const std::string dir = [] {
    std::string d =
        (fs::temp_directory_path() / ("reviewlint-fuzz-config-" + std::to_string(getpid())))
            .string();
    fs::create_directories(d + "/drafts/2026");
    return d;
  }();
  const std::string path = dir + "/.reviewlint.json";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  reviewlint::Config config;
  std::vector<std::string> errors;
  bool ok = reviewlint::LoadConfig(path, &config, &errors);
  FUZZ_CHECK(ok == errors.empty());
  if (!ok) return 0;
  for (const char* file :
       {"/a.md", "/drafts/2026/zo\xC3\xAB.md", "/drafts/notes.txt", "/x/y/z/w.markdown"}) {
    reviewlint::FilePolicy policy = reviewlint::PolicyFor(config, dir + file);
    reviewlint::IsIgnored(config, dir + file);
    reviewlint::DescribePolicy(config, policy).dump();
  }
  return 0;
}
