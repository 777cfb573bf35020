// Which files a folder walk skips, the way ripgrep and ruff decide: .gitignore files (inside a
// git repository only), .ignore files (always), and dependency folders such as node_modules.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace reviewlint {

/// Folders never walked, whatever the ignore files say: node_modules, vendor, bower_components.
bool IsDependencyFolder(std::string_view name);

/// The ignore files that apply while walking a folder tree. Patterns follow gitignore(5): last
/// match wins and deeper files win over shallower ones, `!` re-includes, a leading or inner `/`
/// anchors to the file's folder, a trailing `/` matches folders only, `**` spans folders.
class IgnoreRules {
 public:
  /// The rules of `dir`'s ancestors: in a git repository, the .gitignore and .ignore files from
  /// its top down to dir's parent (and .git/info/exclude); outside one, none.
  explicit IgnoreRules(const std::filesystem::path& dir);

  /// Adds the ignore files of `dir` (absolute); returns a mark for Leave.
  size_t Enter(const std::filesystem::path& dir);
  /// Drops the rules added since `mark`.
  void Leave(size_t mark) { rules_.resize(mark); }

  /// Whether `path` (absolute, lexically normal) is ignored by the rules entered so far.
  bool Ignored(const std::filesystem::path& path, bool is_dir) const;

 private:
  struct Rule {
    std::string base;     // the ignore file's folder, absolute, '/'-separated, no trailing '/'
    std::string pattern;  // without '!', the anchoring '/' and the trailing '/'
    bool negate, dir_only, anchored;
  };
  void AddFile(const std::filesystem::path& file, const std::string& base);

  bool in_git_ = false;
  std::vector<Rule> rules_;
};

/// Whether a folder walk from the current folder would skip `file` (a dependency folder on its
/// way, or ignore files). For `--force-exclude`.
bool WalkWouldSkip(const std::string& file);

}  // namespace reviewlint
