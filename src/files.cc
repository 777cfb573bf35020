#include "files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "markup/markup.h"

namespace reviewlint {
namespace fs = std::filesystem;

namespace {

void Walk(const fs::path& dir, std::vector<InputFile>* out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->push_back({dir.string(), false, "cannot read folder: " + ec.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path() < b.path();
            });
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    std::error_code sec;
    bool is_link = e.is_symlink(sec);
    if (e.is_directory(sec)) {
      if (name.empty() || name[0] == '.' || is_link) continue;
      Walk(e.path(), out);
    } else if (MarkupForPath(name) && (e.is_regular_file(sec) || is_link)) {
      if (name[0] == '.') continue;
      out->push_back({e.path().string(), false, ""});
    }
  }
}

}  // namespace

std::vector<InputFile> CollectFiles(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back({p, true, ""});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({p, true, "no such file or folder"});
    } else if (fs::is_directory(st)) {
      Walk(p, &out);
    } else {
      out.push_back({p, true, ""});
    }
  }
  return out;
}

bool ReadInput(const std::string& path, std::string* bytes, std::string* error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *bytes = ss.str();
    return true;
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *error = "is a folder";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  *bytes = ss.str();
  return true;
}

}  // namespace reviewlint
