#include "rule_image.h"

namespace reviewlint {

bool ImageJsonFile(const std::string& path, nlohmann::json* out) {
  const RuleImage* image = BuiltRuleImage();
  if (!image) return false;
  for (uint32_t i = 0; i < image->json_file_count; ++i) {
    const ImageJson& f = image->json_files[i];
    if (path != f.path) continue;
    *out = nlohmann::json::from_cbor(f.cbor, f.cbor + f.size);
    return true;
  }
  return false;
}

}  // namespace reviewlint
