#include <algorithm>
#include <cctype>

#include "markup.h"

namespace reviewlint {

const std::vector<Markup>& Markups() {
  static const std::vector<Markup> kMarkups = {
      {"markdown", {".md", ".markdown", ".mdown", ".mkd"}, &ScanMarkdown},
      {"text", {".txt", ".text"}, &ScanPlainText},
  };
  return kMarkups;
}

const Markup* MarkupForPath(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return nullptr;
  std::string ext(base.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const Markup& m : Markups())
    for (std::string_view e : m.extensions)
      if (e == ext) return &m;
  return nullptr;
}

const Markup* MarkupByName(std::string_view name) {
  for (const Markup& m : Markups())
    if (m.name == name) return &m;
  return nullptr;
}

}  // namespace reviewlint
