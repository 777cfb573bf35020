#include "cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "config.h"
#include "edit_distance.h"
#include "emit/emitter.h"
#include "engine.h"
#include "examples.h"
#include "files.h"
#include "fix.h"
#include "fix_stage.h"
#include "lint_setup.h"
#include "lsp/server.h"
#include "native_host/host.h"
#include "native_host/install.h"
#include "parallel.h"
#include "people.h"
#include "report/report.h"
#include "usage_hints.h"
#include "version.h"

namespace reviewlint::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "warning";
  std::string color = "auto";
  bool quiet = false;
  bool list_rules = false;
  std::string explain;
  std::string stdin_filename;
  SetupOptions setup;  // --config, --no-config, --rules-dir, --rubric-file, --rule, --rubric
  bool summary = false;
  std::string sarif_root;
  bool sarif_no_snippets = false;
  std::string print_config;
  bool report_unused_disables = false;
  FixMode fix;  // --fix, --fix-unsafe, --diff
  bool force_exclude = false;
  bool redact = false;
  std::vector<std::string> redact_names;
  unsigned jobs = 0;
  size_t max_findings = kDefaultMaxFindings;
};

int ListRules(const Engine& engine) {
  size_t width = 0;
  for (const RuleSpec* r : engine.rules()) width = std::max(width, r->id.size());
  for (size_t i = 0; i < engine.rules().size(); ++i) {
    const RuleSpec& r = *engine.rules()[i];
    std::string id = r.id;
    id.resize(width, ' ');
    std::string sev = SeverityName(r.severity);
    sev.resize(7, ' ');
    std::cout << id << "  " << sev << "  " << (engine.enabled(i) ? "" : "(off) ")
              << r.why.substr(
                     0, r.why.find(". ") == std::string::npos ? r.why.size() : r.why.find(". ") + 1)
              << "\n";
  }
  return kExitClean;
}

int Explain(const Engine& engine, const std::string& id) {
  const RuleSpec* r = engine.FindRule(id);
  if (!r) {
    std::vector<std::string> ids;
    for (const RuleSpec* x : engine.rules()) ids.push_back(x->id);
    std::cerr << "reviewlint: error: unknown rule \"" << id << "\"" << DidYouMeanRule(id, ids)
              << "; `reviewlint --list-rules` lists them\n";
    return kExitError;
  }
  std::cout << r->id << " (" << SeverityName(r->severity) << ", pack " << r->pack << ")\n\n"
            << "What it flags\n  " << r->message << "\n\n"
            << "Why it matters\n  " << r->why << "\n\n"
            << "Write instead\n  " << r->instead << "\n";
  std::cout << "\nFlagged\n";
  for (const auto& e : r->bad) std::cout << "  - " << e << "\n";
  std::cout << "\nNot flagged\n";
  for (const auto& e : r->good) std::cout << "  - " << e << "\n";
  if (!r->sources.empty()) {
    std::cout << "\nSources\n";
    for (const auto& s : r->sources) std::cout << "  - " << s << "\n";
  }
  if (r->fix) std::cout << "\nFix: " << (r->fix->safe ? "safe" : "unsafe (--fix-unsafe)") << "\n";
  return kExitClean;
}

// The starter config, ignoring what a review repository holds besides reviews: the team's
// README and guides, and the review template.
std::string InitConfig() {
  std::string text = StarterConfig();
  size_t at = text.find("\"ignore\": [");
  size_t end = at == std::string::npos ? at : text.find(']', at);
  if (end != std::string::npos)
    text.replace(at, end + 1 - at,
                 "\"ignore\": [\"README.md\", \"CONTRIBUTING.md\", \"templates/\", "
                 "\"*template*\", \"archive/**\"]");
  return text;
}

int Init(const std::string& dir) {
  std::filesystem::path path = std::filesystem::path(dir) / kConfigFileName;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    std::cerr << "reviewlint: error: " << path.string() << " already exists; not overwriting it\n";
    return kExitError;
  }
  std::ofstream out(path, std::ios::binary);
  out << InitConfig();
  out.close();
  if (!out) {
    std::cerr << "reviewlint: error: " << path.string() << ": cannot write\n";
    return kExitError;
  }
  std::cout << "Wrote " << path.string() << "\n";
  return kExitClean;
}

// Prints a run's set-up errors; false if there were any.
bool PrintErrors(const std::vector<std::string>& errors) {
  for (const auto& e : errors) std::cerr << "reviewlint: error: " << e << "\n";
  return errors.empty();
}

int TestRules(const std::vector<std::string>& dirs) {
  SetupOptions o;
  LintSetup setup;
  setup.rules_dirs = dirs;
  std::vector<std::string> errors;
  auto engine = BuildEngine(o, setup, &errors);
  if (!PrintErrors(errors)) return kExitError;
  std::vector<std::string> packs;
  if (!dirs.empty()) {
    // Only the packs that come from the given folders.
    for (const auto& p : engine->packs())
      for (const auto& d : dirs)
        if (p.file.rfind(d, 0) == 0) packs.push_back(p.name);
    if (packs.empty()) {
      std::cerr << "reviewlint: error: no rule packs (*.json) in " << dirs.front() << "\n";
      return kExitError;
    }
  }
  ExampleReport report = RunExamples(*engine, packs);
  for (const auto& f : report.failures)
    std::cout << f.where << ": " << f.rule << ": " << f.problem << ": " << f.text << "\n";
  std::cout << report.rules << " rules, " << (report.examples - report.failures.size())
            << " passed, " << report.failures.size() << " failed\n";
  return report.failures.empty() ? kExitClean : kExitFindings;
}

// The name stdin's text is shown (and its markup picked) by.
std::string StdinName(const Options& o) {
  return o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename;
}

// The name a file is shown (and its markup picked) by.
std::string ShownName(const Options& o, const InputFile& in) {
  return in.path == "-" ? StdinName(o) : in.path;
}

// The --format choices: the rows of the emitter table.
std::vector<std::string> FormatNames() {
  std::vector<std::string> names;
  for (const EmitterInfo& e : Emitters()) names.emplace_back(e.name);
  return names;
}

const Markup& MarkupFor(const std::string& shown, const InputFile& in) {
  const Markup* markup = MarkupForPath(shown);
  return markup ? *markup : *MarkupByName(in.path == "-" ? "markdown" : "text");
}

// Stdin, when it had to be read before linting (for --redact's names).
struct ReadAhead {
  bool done = false;
  std::string bytes, error;
};

// The people the files' front matter names, in file order; reads stdin into `ahead`.
std::vector<People> FilesPeople(const Options& o, const std::vector<InputFile>& inputs,
                                ReadAhead* ahead) {
  std::vector<People> out;
  for (const InputFile& in : inputs) {
    std::string bytes, error = in.error;
    if (!error.empty()) continue;
    if (in.path == "-") {
      if (!ahead->done) {
        ahead->done = true;
        ReadInput(in.path, &ahead->bytes, &ahead->error);
      }
      bytes = ahead->bytes;
      error = ahead->error;
    } else {
      ReadInput(in.path, &bytes, &error);
    }
    if (!error.empty() || CheckInput(bytes)) continue;
    std::string shown = ShownName(o, in);
    SourceFile source(shown, std::move(bytes));
    out.push_back(
        FrontMatterPeople(MarkupFor(shown, in).scan(source.text(), source.content_begin())));
  }
  return out;
}

// Lints the files with `jobs` threads; hands results to `sink` in input order, holding at most a
// small window of finished files in memory.
template <typename Sink>
void LintAll(const Engine& engine, const Options& o, const std::vector<InputFile>& inputs,
             const std::vector<const Config*>& configs, unsigned jobs, const ReadAhead& ahead,
             Sink sink) {
  struct Slot {
    std::unique_ptr<SourceFile> source;
    FileResult result;
  };
  const size_t n = inputs.size();
  const size_t window = std::max<size_t>(64, jobs * 16);
  // A ring of `window` slots: file i goes to slot i % window, which file i - window has left
  // (a worker waits until it has been emitted), so memory does not grow with the file count.
  std::vector<std::optional<Slot>> slots;
  std::mutex mu;
  std::condition_variable room;
  size_t emitted = 0;

  auto lint_one = [&](Workspace& ws, size_t i) {
    Slot slot;
    const InputFile& in = inputs[i];
    std::string shown = ShownName(o, in);
    slot.result.path = shown;
    std::string bytes, error = in.error;
    bool read = false;
    if (error.empty() && in.path == "-" && ahead.done) {
      bytes = ahead.bytes, error = ahead.error;
      read = error.empty();
    } else if (error.empty()) {
      read = ReadInput(in.path, &bytes, &error);
    }
    if (read) {
      if (auto bad = CheckInput(bytes)) error = bad->message;
    }
    if (!error.empty()) {
      slot.result.error = error;
    } else {
      const Markup* markup = &MarkupFor(shown, in);
      slot.source = std::make_unique<SourceFile>(shown, std::move(bytes));
      slot.result.source = slot.source.get();
      FilePolicy policy;
      const Config* config = configs[i];
      if (config) policy = PolicyFor(*config, in.path == "-" ? shown : in.path);
      if (o.report_unused_disables) policy.report_unused_disables = true;
      LintResult lint = engine.Lint(*slot.source, *markup, ws, &policy);
      slot.result.diagnostics = std::move(lint.diagnostics);
      slot.result.scorecard = std::move(lint.scorecard);
      slot.result.error = std::move(lint.error);
    }
    return slot;
  };

  // No thread only waits to print: each worker, the calling thread among them, hands its result
  // in, and whichever finds the next file in order ready prints it and every ready one after it
  // (one at a time: `flushing`). With -j 2 that is two threads on two cores, not three.
  bool flushing = false;
  slots.resize(std::min(n, window));
  ParallelFor(engine, n, jobs, [&](Workspace& ws, size_t i) {
    {
      std::unique_lock<std::mutex> lock(mu);
      room.wait(lock, [&] { return i < emitted + window; });
    }
    Slot slot = lint_one(ws, i);
    std::unique_lock<std::mutex> lock(mu);
    slots[i % window] = std::move(slot);
    if (flushing) return;  // the thread printing will come to it
    flushing = true;
    while (emitted < n && slots[emitted % window].has_value()) {
      Slot ready = std::move(*slots[emitted % window]);
      slots[emitted % window].reset();
      lock.unlock();
      sink(ready.result);
      lock.lock();
      ++emitted;
      room.notify_all();
    }
    flushing = false;
  });
}

// The flags that choose rules and configuration, shared by the lint command and `report`.
void AddSetupFlags(CLI::App* cmd, SetupOptions* setup) {
  cmd->add_option("--rules-dir", setup->rules_dirs,
                  "Also load the rule packs (*.json) in this folder")
      ->type_name("DIR")
      ->allow_extra_args(false);
  cmd->add_option("--rule", setup->rule_levels,
                  "Set a rule or pack to off|info|warning|error, e.g. --rule bias=error")
      ->type_name("ID=LEVEL")
      ->allow_extra_args(false);
  cmd->add_option("--rubric", setup->rubric,
                  "Rubric for every draft: a name (backend-developer) or a rubric file")
      ->type_name("NAME|PATH");
  cmd->add_option("--rubric-file", setup->rubric_files,
                  "Also load this rubric file (drafts pick it with `rubric:` in front matter)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  cmd->add_option("--config", setup->config,
                  "Use this config file for every file (instead of the nearest .reviewlint.json)")
      ->type_name("FILE");
  cmd->add_flag("--no-config", setup->no_config, "Ignore .reviewlint.json files");
}

// The lint command's flags, in the order --help lists them.
void AddInputFlags(CLI::App* app, Options* o) {
  app->add_option("paths", o->paths, "Files and folders to lint; - reads stdin (default: .)");
  app->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember(FormatNames()))
      ->default_str("text");
  app->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at least this severe")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->default_str("warning");
  app->add_option("--color", o->color, "Color the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  app->add_flag("-q,--quiet", o->quiet,
                "Print findings only: no source lines, no help lines, no summary");
  app->add_flag("--list-rules", o->list_rules, "List every rule with its severity and exit");
  app->add_option("--explain", o->explain,
                  "Explain a rule (why it matters, what to write instead) and exit");
  app->add_option("--stdin-filename", o->stdin_filename,
                  "Name (and markup, by extension) of the text read from -");
}

void AddOutputFlags(CLI::App* app, Options* o) {
  app->add_option("--sarif-root", o->sarif_root,
                  "SARIF artifact URIs are relative to this folder (default: the current one)")
      ->type_name("DIR");
  app->add_flag("--sarif-no-snippets", o->sarif_no_snippets,
                "Leave the reviewed text out of SARIF output (reviews are personal)");
  app->add_option("--print-config", o->print_config,
                  "Print the merged configuration that applies to FILE and exit")
      ->type_name("FILE");
  app->add_flag("--force-exclude", o->force_exclude,
                "Skip files named on the command line too when the config ignores them or a "
                "folder walk would (.gitignore, node_modules); for pre-commit");
  app->add_flag("--report-unused-disables", o->report_unused_disables,
                "Report reviewlint-disable comments that suppress nothing");
  app->add_flag("--fix", o->fix.fix,
                "Apply safe fixes to the files (written atomically); stdin: print the fixed text");
  app->add_flag("--fix-unsafe", o->fix.unsafe,
                "Apply every fix, including ones that change what the review says");
  app->add_flag("--diff", o->fix.diff, "Show the fixes as a unified diff; change nothing");
  app->add_flag("--summary", o->summary,
                "After the findings, print each draft's scorecard (JSON: files[].summary)");
}

void AddRunFlags(CLI::App* app, Options* o) {
  app->add_flag("--redact", o->redact,
                "Replace reviewee and reviewer names (front matter) with stable tokens in the "
                "output; positions stay those of the original files");
  app->add_option("--redact-name", o->redact_names,
                  "Also redact this name (repeatable; implies --redact)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  app->add_option("-j,--jobs", o->jobs, "Files linted in parallel (default: the hardware threads)");
  app->add_option("--max-findings", o->max_findings,
                  "Show at most N findings per file (0: all); the exit code and the summary count "
                  "them all")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& v) {
            bool digits = !v.empty() && std::all_of(v.begin(), v.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
            return digits ? std::string() : "\"" + v + "\" is not a number of findings (0: all)";
          },
          "N"))
      ->default_str(std::to_string(kDefaultMaxFindings));
}

void AddLintFlags(CLI::App* app, Options* o) {
  AddInputFlags(app, o);
  AddSetupFlags(app, &o->setup);
  AddOutputFlags(app, o);
  AddRunFlags(app, o);
}

// The subcommands: their arguments, flags and what they run.
struct SubcommandArgs {
  std::string init_dir = ".";
  std::vector<std::string> test_dirs;
  report::ReportOptions report;
  std::string report_format = "text", report_html;
  bool host_install = false;
  native_host::InstallOptions host;
};

void AddInitFlags(CLI::App* cmd, SubcommandArgs* a) {
  cmd->add_option("dir", a->init_dir, "Folder to write it in (default: .)");
}

void AddTestRulesFlags(CLI::App* cmd, SubcommandArgs* a) {
  cmd->add_option("dirs", a->test_dirs, "Folders of rule packs");
}

void AddLspFlags(CLI::App* cmd, SubcommandArgs*) {
  cmd->add_flag("--stdio")->description("Talk over stdin/stdout (the default and only transport)");
}

void AddNativeHostFlags(CLI::App* cmd, SubcommandArgs* a) {
  cmd->add_flag("--install", a->host_install,
                "Register the host with Chromium, Chrome and Firefox (system folders; see --user)");
  cmd->add_flag("--user", a->host.user, "With --install: for this user only (no root needed)");
  cmd->add_option("--root", a->host.root,
                  "With --install: write the system files under this folder (packaging)")
      ->type_name("DIR");
  cmd->add_option("--binary", a->host.binary,
                  "With --install: the reviewlint the browsers start (default: this one)")
      ->type_name("FILE");
  cmd->allow_extras();  // the browser passes the caller's origin (and Firefox a manifest path)
}

int RunNativeHost(SubcommandArgs& a) {
  if (a.host_install) return native_host::InstallNativeHost(a.host, std::cout, std::cerr);
  return native_host::RunNativeHost(STDIN_FILENO, STDOUT_FILENO);
}

void AddReportFlags(CLI::App* cmd, SubcommandArgs* a) {
  cmd->add_option("paths", a->report.paths, "Files and folders of reviews");
  cmd->add_option("--format", a->report_format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--html", a->report_html, "Also write a self-contained HTML report")
      ->type_name("FILE");
  cmd->add_flag("--redact", a->report.redact,
                "Replace reviewee and reviewer names with stable tokens everywhere");
  cmd->add_option("--redact-name", a->report.redact_names,
                  "Also redact this name (repeatable; implies --redact)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  AddSetupFlags(cmd, &a->report.setup);
  cmd->add_option("-j,--jobs", a->report.jobs,
                  "Reviews linted in parallel (default: the hardware threads)");
}

int RunReport(SubcommandArgs& a) {
  if (!a.report.redact_names.empty()) a.report.redact = true;
  return report::RunReport(a.report, a.report_format, a.report_html);
}

struct Subcommand {
  const char* name;
  const char* help;
  void (*add_flags)(CLI::App*, SubcommandArgs*);
  int (*run)(SubcommandArgs&);
};

// The table of subcommands, in the order --help lists them.
constexpr Subcommand kSubcommands[] = {
    {"init", "Write a commented starter .reviewlint.json (never overwrites one)", &AddInitFlags,
     [](SubcommandArgs& a) { return Init(a.init_dir); }},
    {"test-rules", "Run every rule's examples (in the default packs, or in the given pack folders)",
     &AddTestRulesFlags, [](SubcommandArgs& a) { return TestRules(a.test_dirs); }},
    {"lsp", "Run the language server (LSP over stdin/stdout) for editors; see editors/",
     &AddLspFlags,
     [](SubcommandArgs&) { return lsp::RunLanguageServer(STDIN_FILENO, STDOUT_FILENO); }},
    {"native-host",
     "Lint for the browser extension (native messaging over stdin/stdout); see editors/browser/",
     &AddNativeHostFlags, &RunNativeHost},
    {"report", "Calibration report across a folder of reviews (language, not people)",
     &AddReportFlags, &RunReport},
};

std::vector<CLI::App*> AddSubcommands(CLI::App* app, SubcommandArgs* args) {
  std::vector<CLI::App*> cmds;
  for (const Subcommand& s : kSubcommands) {
    cmds.push_back(app->add_subcommand(s.name, s.help));
    s.add_flags(cmds.back(), args);
  }
  return cmds;
}

void DescribeApp(CLI::App* app) {
  app->set_version_flag("--version", std::string("reviewlint ") + kVersion);
  app->footer(
      "Exit status:\n"
      "  0  no finding at or above --fail-on\n"
      "  1  findings at or above --fail-on\n"
      "  2  usage error, broken rule pack or config, or a file that could not be linted\n"
      "     (missing, unreadable, binary, invalid UTF-8); the other files are still linted\n"
      "\n"
      "Configuration: the nearest .reviewlint.json (reviewlint init writes one).\n"
      "Rules: reviewlint --list-rules; reviewlint --explain RULE.");
}

// Parses the command line; the exit code when the run ends here (help, version, a usage error).
std::optional<int> Parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << ParseErrorMessage(app, e, argc, argv);
    return kExitError;
  }
  return std::nullopt;
}

// Usage errors of the lint command that CLI11 cannot see; "" when there are none.
std::string LintUsageError(const CLI::App& app, Options* o, int argc, char** argv) {
  if (!o->redact_names.empty()) o->redact = true;
  // Fixes are written to (or diffed against) the original text, names and all.
  if (o->redact && o->fix.active())
    return "reviewlint: error: --redact cannot be combined with --fix, --fix-unsafe or "
           "--diff: fixes change the original files, names and all\n";
  return NoSuchSubcommand(app, o->paths, argc, argv);
}

int PrintConfig(const LintSetup& setup, const std::string& file) {
  Config none;
  const Config* config = setup.configs[0];
  FilePolicy policy = config ? PolicyFor(*config, file) : FilePolicy{};
  std::cout << DescribePolicy(config ? *config : none, policy).dump(2) << "\n";
  return kExitClean;
}

EmitOptions MakeEmitOptions(const Options& o, const Engine& engine, const Redactor* redactor) {
  EmitOptions eo;
  eo.engine = &engine;
  if (o.redact) eo.redactor = redactor;
  eo.quiet = o.quiet;
  eo.summary = o.summary;
  eo.sarif_root = o.sarif_root;
  eo.sarif_no_snippets = o.sarif_no_snippets;
  eo.max_findings = o.max_findings;
  if (const char* max = std::getenv("REVIEWLINT_SARIF_MAX_RESULTS"))
    eo.sarif_max_results = std::strtoul(max, nullptr, 10);
  eo.tool_version = kVersion;
  eo.color = o.color == "always" || (o.color == "auto" && o.format == "text" &&
                                     isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  return eo;
}

// Adds one shown file's findings to the summary.
void Tally(const FileResult& f, Summary* summary) {
  ++summary->files;
  if (!f.error.empty()) ++summary->files_with_errors;
  for (const Diagnostic& d : f.diagnostics) {
    if (d.severity == Severity::kError)
      ++summary->errors;
    else if (d.severity == Severity::kWarning)
      ++summary->warnings;
    else
      ++summary->infos;
  }
}

// The one decision of the exit status of a lint run.
enum class ExitStatus { kClean = kExitClean, kFindings = kExitFindings, kError = kExitError };

ExitStatus Decide(const Summary& summary, const std::string& fail_on, const FixStage& fixes) {
  if (fixes.failed() || summary.files_with_errors) return ExitStatus::kError;
  Severity threshold = Severity::kWarning;
  if (fail_on == "never") return ExitStatus::kClean;
  ParseSeverity(fail_on, &threshold);
  size_t at_or_above = summary.errors;
  if (threshold <= Severity::kWarning) at_or_above += summary.warnings;
  if (threshold <= Severity::kInfo) at_or_above += summary.infos;
  return at_or_above ? ExitStatus::kFindings : ExitStatus::kClean;
}

// Lints the files and emits what the fix stage and --redact leave; the exit status.
int LintFiles(const Engine& engine, const Options& o, const LintSetup& setup) {
  // Tokens are numbered over the whole run, in file order, as `reviewlint report --redact` does.
  ReadAhead ahead;
  Redactor redactor;
  if (o.redact) redactor = PeopleRedactor(FilesPeople(o, setup.inputs, &ahead), o.redact_names);
  std::unique_ptr<Emitter> emitter = MakeEmitter(o.format, MakeEmitOptions(o, engine, &redactor));
  const bool stdin_input = std::any_of(setup.inputs.begin(), setup.inputs.end(),
                                       [](const InputFile& i) { return i.path == "-"; });
  FixStage fixes(o.fix, stdin_input ? StdinName(o) : "", std::cout);
  std::ostream& findings_out = fixes.findings_out();
  Summary summary;
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  emitter->Begin(findings_out);
  LintAll(engine, o, setup.inputs, setup.configs, jobs, ahead, [&](const FileResult& original) {
    const FileResult* shown = &fixes.Apply(original);
    FileResult redacted;
    RedactedText redacted_text;
    if (o.redact) {
      redacted = RedactFile(*shown, redactor, &redacted_text);
      shown = &redacted;
    }
    Tally(*shown, &summary);
    size_t not_shown = EmitFile(*emitter, *shown, o.max_findings, findings_out);
    summary.not_shown += not_shown;
    if (!shown->error.empty() && o.format != "text")
      std::cerr << FileErrorLine(shown->path, shown->error) << "\n";
    if (not_shown && o.format != "text")
      std::cerr << shown->path << ": " << NotShownMessage(not_shown, o.max_findings) << "\n";
  });
  emitter->End(summary, findings_out);
  fixes.PrintSummary(summary.errors + summary.warnings + summary.infos);
  ExitStatus status = Decide(summary, o.fail_on, fixes);
  if (!fixes.failed()) std::cout.flush();
  return static_cast<int>(status);
}

// The lint command: check the flags, load the configs and packs, answer a query or lint.
int RunLint(const CLI::App& app, Options& o, int argc, char** argv) {
  if (std::string error = LintUsageError(app, &o, argc, argv); !error.empty()) {
    std::cerr << error;
    return kExitError;
  }
  if (o.paths.empty()) o.paths.push_back(".");
  // Configuration: every file's nearest .reviewlint.json (or --config), loaded before anything
  // is linted so that a broken one stops the run.
  LintSetup setup;
  setup.inputs = o.print_config.empty() ? CollectFiles(o.paths)
                                        : std::vector<InputFile>{{o.print_config, true, ""}};
  std::vector<std::string> errors;
  auto engine =
      LoadConfigs(o.setup, &setup, &errors) ? BuildEngine(o.setup, setup, &errors) : nullptr;
  if (!PrintErrors(errors)) return kExitError;
  if (o.list_rules) return ListRules(*engine);
  if (!o.explain.empty()) return Explain(*engine, o.explain);
  if (!o.print_config.empty()) return PrintConfig(setup, o.print_config);
  DropIgnored(&setup, o.force_exclude);
  return LintFiles(*engine, o, setup);
}

}  // namespace

int Run(int argc, char** argv) {
  Options o;
  SubcommandArgs args;
  CLI::App app{
      "reviewlint: a linter for performance-review drafts.\n"
      "Flags vague praise, unmeasured impact claims, template leftovers, biased wording and\n"
      "unbalanced feedback in Markdown and plain-text reviews.",
      "reviewlint"};
  DescribeApp(&app);
  AddLintFlags(&app, &o);
  std::vector<CLI::App*> subcommands = AddSubcommands(&app, &args);
  if (std::optional<int> exit = Parse(app, argc, argv)) return *exit;
  for (size_t i = 0; i < subcommands.size(); ++i)
    if (subcommands[i]->parsed()) return kSubcommands[i].run(args);
  return RunLint(app, o, argc, argv);
}

}  // namespace reviewlint::cli
