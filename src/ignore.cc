#include "ignore.h"

#include <fstream>

#include "glob.h"

namespace reviewlint {
namespace fs = std::filesystem;

namespace {

// The top of the git repository holding `dir` (absolute), or an empty path.
fs::path GitTop(const fs::path& dir) {
  std::error_code ec;
  for (fs::path p = dir;; p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.parent_path()) return {};
  }
}

std::string Generic(const fs::path& p) {
  std::string s = p.generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// A line of an ignore file without its comment, escapes and unescaped trailing spaces.
std::string PatternOf(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\'))
    line.pop_back();
  if (line.empty() || line[0] == '#') return "";
  return line;
}

}  // namespace

bool IsDependencyFolder(std::string_view name) {
  return name == "node_modules" || name == "vendor" || name == "bower_components";
}

IgnoreRules::IgnoreRules(const fs::path& dir) {
  fs::path top = GitTop(dir);
  in_git_ = !top.empty();
  if (!in_git_) return;
  AddFile(top / ".git" / "info" / "exclude", Generic(top));
  std::vector<fs::path> chain;
  for (fs::path p = dir.parent_path(); p.string().size() >= top.string().size();
       p = p.parent_path()) {
    chain.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) Enter(*it);
}

size_t IgnoreRules::Enter(const fs::path& dir) {
  size_t mark = rules_.size();
  std::string base = Generic(dir);
  if (in_git_) AddFile(dir / ".gitignore", base);
  AddFile(dir / ".ignore", base);  // read after .gitignore, so it wins, as in ripgrep
  return mark;
}

void IgnoreRules::AddFile(const fs::path& file, const std::string& base) {
  std::ifstream in(file, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    std::string p = PatternOf(line);
    if (p.empty()) continue;
    Rule r{base, "", false, false, false};
    if (p[0] == '!')
      r.negate = true, p.erase(0, 1);
    else if (p[0] == '\\')
      p.erase(0, 1);  // "\#" and "\!" are literal
    if (!p.empty() && p.back() == '/') r.dir_only = true, p.pop_back();
    r.anchored = p.find('/') != std::string::npos;
    if (!p.empty() && p[0] == '/') p.erase(0, 1);
    if (p.empty()) continue;
    r.pattern = std::move(p);
    rules_.push_back(std::move(r));
  }
}

bool IgnoreRules::Ignored(const fs::path& path, bool is_dir) const {
  std::string s = Generic(path);
  std::string_view name = std::string_view(s).substr(s.rfind('/') + 1);
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    const Rule& r = *it;
    if (r.dir_only && !is_dir) continue;
    size_t b = r.base == "/" ? 0 : r.base.size();
    if (s.size() <= b + 1 || s.compare(0, b, r.base, 0, b) != 0 || s[b] != '/') continue;
    std::string_view rel = std::string_view(s).substr(b + 1);
    if (GlobMatchWhole(r.pattern, r.anchored ? rel : name)) return !r.negate;
  }
  return false;
}

bool WalkWouldSkip(const std::string& file) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path abs = fs::absolute(file, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") return false;  // not below the folder a walk starts in
  IgnoreRules rules(cwd);
  fs::path dir = cwd;
  rules.Enter(dir);
  for (auto it = rel.begin(); it != rel.end(); ++it) {
    fs::path next = dir / *it;
    bool last = std::next(it) == rel.end();
    if (!last && IsDependencyFolder(it->string())) return true;
    if (rules.Ignored(next, !last)) return true;
    if (!last) rules.Enter(next);
    dir = next;
  }
  return false;
}

}  // namespace reviewlint
