// What to say when a command line is wrong: CLI11's parse errors with "did you mean" for a
// mistyped flag and the right `--help` to read, and a subcommand that does not exist
// (`reviewlint lint file.md`).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace reviewlint::cli {

/// The message for a ParseError of `app`: each unknown flag with the closest flag of the command
/// it was given to, then "Run `reviewlint [SUBCOMMAND] --help` for usage.". Ends with a newline.
std::string ParseErrorMessage(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv);

/// When the first path is no file or folder but reads as a subcommand (`lint`, or a typo of
/// one), the message saying so and what to run instead; else "".
std::string NoSuchSubcommand(const CLI::App& app, const std::vector<std::string>& paths, int argc,
                             char** argv);

}  // namespace reviewlint::cli
