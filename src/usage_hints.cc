#include "usage_hints.h"

#include <filesystem>

#include "edit_distance.h"

namespace reviewlint::cli {
namespace {

// The subcommand the command line went into, or null for the top level.
const CLI::App* GivenSubcommand(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->parsed()) return sub;
  return nullptr;
}

// "--format", "-j", ... of one command.
std::vector<std::string> FlagNames(const CLI::App& cmd) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : cmd.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

std::vector<std::string> SubcommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// "unknown option --formt (did you mean "--format"?)" for each flag of argv `cmd` does not know.
std::string UnknownFlags(const CLI::App& cmd, int argc, char** argv) {
  std::vector<std::string> known = FlagNames(cmd);
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-') continue;
    std::string flag = arg.substr(0, arg.find('='));
    bool is_short_cluster = flag[1] != '-';  // "-q", "-j2"
    if (is_short_cluster) flag = flag.substr(0, 2);
    if (std::find(known.begin(), known.end(), flag) != known.end()) continue;
    // One letter is too little to guess from.
    out += (out.empty() ? "" : "; ") + std::string("unknown option ") + flag +
           (is_short_cluster ? "" : DidYouMean(flag, known));
  }
  return out;
}

}  // namespace

std::string ParseErrorMessage(const CLI::App& app, const CLI::ParseError& e, int argc,
                              char** argv) {
  const CLI::App* sub = GivenSubcommand(app);
  const CLI::App& cmd = sub ? *sub : app;
  std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    std::string flags = UnknownFlags(cmd, argc, argv);
    if (!flags.empty()) what = flags;
  }
  std::string help = sub ? "reviewlint " + sub->get_name() + " --help" : "reviewlint --help";
  return "reviewlint: error: " + what + "\nRun `" + help + "` for usage.\n";
}

std::string NoSuchSubcommand(const CLI::App& app, const std::vector<std::string>& paths, int argc,
                             char** argv) {
  if (paths.empty()) return "";
  const std::string& word = paths.front();
  std::error_code ec;
  bool bare_word = word.find_first_of("./\\") == std::string::npos && word != "-" &&
                   !word.empty() && word[0] != '-';
  if (!bare_word || std::filesystem::exists(word, ec)) return "";
  std::vector<std::string> subcommands = SubcommandNames(app);
  std::string typo = DidYouMean(word, subcommands);
  // Alone, a bare word is a missing file, unless it is a verb people type for linting.
  bool verb = word == "lint" || word == "check";
  if (paths.size() == 1 && typo.empty() && !verb) return "";
  std::string message = "reviewlint: error: there is no \"" + word + "\" subcommand" + typo +
                        ", and no file or folder of that name";
  if (typo.empty()) {
    // The command without the word: linting is what reviewlint does without a subcommand.
    std::string rest;
    bool dropped = false;
    for (int i = 1; i < argc; ++i) {
      if (!dropped && argv[i] == word) {
        dropped = true;
        continue;
      }
      rest += std::string(" ") + argv[i];
    }
    message += "; reviewlint lints the files it is given, so run: reviewlint" +
               (rest.empty() ? " FILE..." : rest);
  }
  std::string list;
  for (const std::string& s : subcommands) list += (list.empty() ? "" : ", ") + s;
  return message + "\n(subcommands: " + list + "; see `reviewlint --help`)\n";
}

}  // namespace reviewlint::cli
