#include "files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "ignore.h"
#include "markup/markup.h"

namespace reviewlint {
namespace fs = std::filesystem;

namespace {

// `dir` as the user spelled it (for the paths shown), `abs` absolute (for the ignore files).
void Walk(const fs::path& dir, const fs::path& abs, IgnoreRules* ignore,
          std::vector<InputFile>* out) {
  std::error_code ec;
  // Only what the walk needs of each entry: a folder of 50,000 drafts is held in memory while
  // it is sorted, and a directory_entry (a parsed path) costs several times more.
  struct Entry {
    std::string name;
    bool folder;
  };
  std::vector<Entry> entries;
  // A folder that cannot be read is reported, not skipped: its drafts would go unlinted unseen.
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out->push_back({dir.string(), false, "cannot read folder: " + ec.message()});
    return;
  }
  size_t mark = ignore->Enter(abs);
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code sec;
    bool is_link = it->is_symlink(sec);
    if (it->is_directory(sec)) {
      if (is_link || IsDependencyFolder(name) || ignore->Ignored(abs / name, true)) continue;
      entries.push_back({std::move(name), true});  // no symlinked folders
    } else if (MarkupForPath(name) && (it->is_regular_file(sec) || is_link) &&
               !ignore->Ignored(abs / name, false)) {
      entries.push_back({std::move(name), false});
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  for (const Entry& e : entries) {
    if (e.folder)
      Walk(dir / e.name, abs / e.name, ignore, out);
    else
      out->push_back({(dir / e.name).string(), false, ""});
  }
  ignore->Leave(mark);
}

void WalkFolder(const fs::path& dir, std::vector<InputFile>* out) {
  std::error_code ec;
  fs::path abs = fs::absolute(dir, ec).lexically_normal();
  if (abs.filename().empty()) abs = abs.parent_path();  // "reviews/"
  IgnoreRules ignore(abs);
  Walk(dir, abs, &ignore, out);
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
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
      out.push_back({p, true, "cannot read file: " + ec.message()});  // a symlink loop, EACCES
    } else if (ec || !fs::exists(st)) {
      out.push_back({p, true, "no such file or folder"});
    } else if (fs::is_directory(st)) {
      WalkFolder(p, &out);
    } else {
      out.push_back({p, true, ""});
    }
  }
  return out;
}

bool ReadInput(const std::string& path, std::string* bytes, std::string* error) {
  std::istream* in = &std::cin;
  std::ifstream file;
  bytes->clear();
  if (path != "-") {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      *error = "is a folder";
      return false;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      *error = std::string("cannot read file: ") + std::strerror(errno);
      return false;
    }
    if (fs::is_regular_file(path, ec)) bytes->reserve(fs::file_size(path, ec) + 1);
    in = &file;
  }
  // In pieces, stopping at the first NUL byte: the file is binary and CheckInput says where, and
  // a device or an endless stream (/dev/zero, /dev/urandom) is not read forever. Past 4 GiB
  // CheckInput refuses the file anyway.
  char buf[1 << 16];
  while (in->read(buf, sizeof buf) || in->gcount() > 0) {
    auto n = static_cast<size_t>(in->gcount());
    bytes->append(buf, n);
    if (std::memchr(buf, 0, n) || bytes->size() >= 0xFFFFFFF0u) break;
  }
  if (in->bad()) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  return true;
}

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace reviewlint
