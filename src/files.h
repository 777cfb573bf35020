// Finding the files to lint and reading them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reviewlint {

struct InputFile {
  std::string path;   // as shown to the user
  bool explicit_arg;  // named on the command line (any extension), not found in a folder
  std::string error;  // a problem found while walking ("permission denied"), or ""
};

/// Expands the command line's paths: files as given, folders recursively (skipping hidden
/// folders and symlinked folders, so loops cannot happen, dependency folders and what
/// .gitignore/.ignore files exclude: see ignore.h) into files with a markup extension, in sorted
/// order; "-" stays "-". Missing paths become entries with an error.
std::vector<InputFile> CollectFiles(const std::vector<std::string>& paths);

/// Reads a whole file, or stdin for "-". Returns false and sets *error on failure.
bool ReadInput(const std::string& path, std::string* bytes, std::string* error);

/// Reads a whole data file (a pack, config, rubric or dictionary; "-" is a file name here), or
/// nullopt when it cannot be opened (errno says why). Drafts go through ReadInput instead.
std::optional<std::string> ReadWholeFile(const std::string& path);

}  // namespace reviewlint
