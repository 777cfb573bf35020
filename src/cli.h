// The command line: flags → rule packs → Engine → Emitter. The one place that picks the exit code:
//   0  nothing at or above --fail-on
//   1  findings at or above --fail-on
//   2  usage error, a file that could not be linted, or a broken rule pack
#pragma once

namespace reviewlint::cli {

int Run(int argc, char** argv);

}  // namespace reviewlint::cli
