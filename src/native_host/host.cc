#include "host.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <sstream>
#include <vector>

#include "../emit/emitter.h"
#include "../engine.h"
#include "../lsp/framing.h"
#include "../lsp/jsonrpc.h"
#include "../markup/markup.h"
#include "../rubric.h"
#include "../rule_pack.h"
#include "../source.h"
#include "version.h"

namespace reviewlint::native_host {
namespace {

using json = nlohmann::json;

// Fields kept at once; a page that makes more loses its oldest (it sends their text again).
constexpr size_t kMaxFields = 256;

// A message that cannot be answered as asked: the error reply says why.
struct MessageError {
  std::string message;
};

json ErrorReply(const json& id, const std::string& message) {
  return {{"type", "error"}, {"id", id}, {"error", message}};
}

std::string Text(const json& message, const char* key) {
  auto it = message.find(key);
  if (it == message.end() || !it->is_string())
    throw MessageError{std::string("\"") + key + "\" must be a string"};
  return it->get<std::string>();
}

// The diagnostics of one linted field as the JSON contract has them: the `--format json`
// emitter's file object, at most `max` findings (0: all).
json ContractFile(const FileResult& file, size_t max) {
  EmitOptions options;
  options.tool_version = kVersion;
  std::unique_ptr<Emitter> emitter = MakeJsonEmitter(options);
  std::ostringstream out;
  emitter->Begin(out);
  EmitFile(*emitter, file, max, out);
  emitter->End(Summary{}, out);
  return json::parse(out.str())["files"][0];
}

// What the card shows besides the message: why the rule exists and what to write instead.
json RuleNotes(const Engine& engine, const std::vector<Diagnostic>& diagnostics) {
  json rules = json::object();
  for (const Diagnostic& d : diagnostics) {
    const RuleSpec* rule = engine.FindRule(d.rule);
    if (rule && !rules.contains(d.rule))
      rules[d.rule] = {{"why", rule->why}, {"instead", rule->instead}};
  }
  return rules;
}

// Engines by settings key, shared by the hosts of one process (the fuzz target starts one per
// input) and built at most once per key. Bounded: the last few keys.
std::shared_ptr<const Engine> SharedEngine(const std::string& key, const RuleSettings& rules,
                                           std::vector<std::string>* errors) {
  static std::mutex mu;
  static auto* cache = new std::vector<std::pair<std::string, std::shared_ptr<const Engine>>>();
  std::lock_guard<std::mutex> lock(mu);
  for (const auto& [k, engine] : *cache)
    if (k == key) return engine;
  std::shared_ptr<const Engine> engine = Engine::FromStore(DataStore(), rules, errors);
  if (!engine) return nullptr;
  if (cache->size() >= 4) cache->erase(cache->begin());
  cache->emplace_back(key, engine);
  return engine;
}

}  // namespace

struct NativeHost::EngineEntry {
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<Workspace> workspace;
  std::string key;
};

struct NativeHost::Field {
  std::string text, engine_key, markup;
  std::unique_ptr<SourceFile> linted;
  json findings;  // the reply's fields for this text, settings and markup
};

const NativeHost::Handler NativeHost::kHandlers[] = {
    {"hello", &NativeHost::Hello},
    {"configure", &NativeHost::Configure},
    {"lint", &NativeHost::Lint},
    {"close", &NativeHost::Close},
};

NativeHost::NativeHost() = default;
NativeHost::~NativeHost() = default;

std::string NativeHost::Handle(std::string_view body) {
  lsp::ParsedMessage parsed = lsp::ParseMessage(body);
  json id = nullptr;
  json reply;
  if (!parsed.error.empty()) {
    reply = ErrorReply(id, "malformed message: " + parsed.error);
  } else if (!parsed.value.is_object()) {
    reply = ErrorReply(id, "a message must be a JSON object");
  } else if (parsed.lossy) {
    id = parsed.value.value("id", json());
    reply = ErrorReply(id, "the message is not valid UTF-8");
  } else {
    id = parsed.value.value("id", json());
    try {
      const std::string type = Text(parsed.value, "type");
      const Handler* handler = nullptr;
      for (const Handler& h : kHandlers)
        if (h.type == type) handler = &h;
      if (!handler) throw MessageError{"unknown message type \"" + type + "\""};
      reply = (this->*handler->handle)(parsed.value);
      if (!id.is_null()) reply["id"] = id;
    } catch (const MessageError& e) {
      reply = ErrorReply(id, e.message);
    }
  }
  std::string out = lsp::Serialize(reply);
  if (out.size() > kMaxMessageBytes)
    out = lsp::Serialize(ErrorReply(id, "the reply would be over the 1 MiB message limit"));
  return out;
}

std::string NativeHost::Oversized(uint64_t declared) const {
  return lsp::Serialize(ErrorReply(nullptr, "message of " + std::to_string(declared) +
                                                " bytes skipped: the limit is " +
                                                std::to_string(kMaxMessageBytes) + " bytes"));
}

std::string NativeHost::Truncated() const {
  return lsp::Serialize(ErrorReply(nullptr, "the input ended inside a message"));
}

// The version handshake, with what the extension's settings can name: the packs (each can be
// turned off) and the rubrics.
json NativeHost::Hello(const json&) {
  std::vector<std::string> warnings;
  const Engine& engine = *EngineFor(&warnings)->engine;
  json packs = json::array(), rubrics = json::array();
  for (const RulePack& p : engine.packs())
    packs.push_back({{"name", p.name}, {"description", p.description}});
  for (const Rubric& r : engine.rubrics())
    rubrics.push_back({{"name", r.name}, {"title", r.title}});
  return {{"type", "hello"},
          {"name", "reviewlint"},
          {"version", kVersion},
          {"protocol", kProtocolVersion},
          {"max_message_bytes", kMaxMessageBytes},
          {"packs", packs},
          {"rubrics", rubrics}};
}

json NativeHost::Configure(const json& message) {
  auto it = message.find("settings");
  if (it == message.end()) throw MessageError{"\"settings\" is missing"};
  return {{"type", "configured"}, {"warnings", ApplySettings(*it)}};
}

// Takes the extension's settings: rule and pack levels and the rubric. Folders of extra rule
// packs come from the command line or a config file, never from a web page's extension.
json NativeHost::ApplySettings(const json& settings) {
  std::vector<std::string> warnings;
  settings_ = lsp::ParseClientSettings(settings, &warnings);
  settings_.rules_dirs.clear();
  std::vector<std::string> engine_warnings;
  EngineFor(&engine_warnings);
  warnings.insert(warnings.end(), engine_warnings.begin(), engine_warnings.end());
  return warnings;
}

// The engine of the current settings, built on first use. An unknown rubric is reported and left
// out rather than leaving the field unlinted.
const NativeHost::EngineEntry* NativeHost::EngineFor(std::vector<std::string>* warnings) {
  lsp::DocumentSettings settings = resolver_.For("", settings_);
  if (auto it = engines_.find(settings.engine_key); it != engines_.end()) return it->second.get();
  std::vector<std::string> errors;
  std::shared_ptr<const Engine> engine = SharedEngine(settings.engine_key, settings.rules, &errors);
  if (!engine && !settings.rules.rubric.empty()) {
    warnings->insert(warnings->end(), errors.begin(), errors.end());
    errors.clear();
    RuleSettings without = settings.rules;
    without.rubric.clear();
    engine = SharedEngine(settings.engine_key + " without the rubric", without, &errors);
  }
  if (!engine) throw MessageError{errors.empty() ? "no engine" : errors.front()};
  for (const auto& [key, level] : settings.rules.levels) {
    const std::vector<std::string>& known = engine->known_ids();
    if (std::find(known.begin(), known.end(), key) == known.end())
      warnings->push_back("settings: rules." + key + ": unknown rule or pack");
  }
  auto entry = std::make_unique<EngineEntry>();
  entry->workspace = std::make_unique<Workspace>(*engine);
  entry->engine = std::move(engine);
  entry->key = settings.engine_key;
  if (engines_.size() >= 4) engines_.erase(engines_.begin());
  return (engines_[settings.engine_key] = std::move(entry)).get();
}

json NativeHost::Lint(const json& message) {
  const std::string uri = Text(message, "uri");
  std::string text = Text(message, "text");
  std::string markup = message.contains("markup") ? Text(message, "markup") : "markdown";
  if (!MarkupByName(markup)) throw MessageError{"unknown markup \"" + markup + "\""};
  std::vector<std::string> warnings;
  if (message.contains("settings")) {
    json applied = ApplySettings(message["settings"]);
    warnings = applied.get<std::vector<std::string>>();
  }
  const EngineEntry* engine = EngineFor(&warnings);

  auto it = fields_.find(uri);
  if (it == fields_.end()) {
    if (fields_.size() >= kMaxFields) fields_.erase(fields_.begin());
    it = fields_.emplace(uri, std::make_unique<Field>()).first;
  }
  Field& field = *it->second;
  // The same text with the same settings (a focus change, a second frame asking): the last lint.
  if (!field.linted || field.text != text || field.engine_key != engine->key ||
      field.markup != markup) {
    field.text = std::move(text);
    field.engine_key = engine->key;
    field.markup = markup;
    field.findings = Findings(field, *engine, markup);
  }
  json reply = field.findings;
  reply["type"] = "findings";
  reply["uri"] = uri;
  if (!warnings.empty()) reply["warnings"] = warnings;
  return reply;
}

json NativeHost::Findings(Field& field, const EngineEntry& engine, const std::string& markup) {
  field.linted = std::make_unique<SourceFile>("field", field.text);
  FileResult file;
  file.path = "field";
  file.source = field.linted.get();
  if (std::optional<InputError> bad = CheckInput(field.text)) {
    file.error = bad->message;
  } else {
    LintResult result =
        engine.engine->Lint(*field.linted, *MarkupByName(markup), *engine.workspace);
    file.diagnostics = std::move(result.diagnostics);
    file.error = result.error;
  }
  // A reply must fit the browser's limit: a pathological field shows its first findings.
  json contract;
  for (size_t max : {size_t{0}, size_t{200}, size_t{20}}) {
    contract = ContractFile(file, max);
    if (contract.dump().size() < kMaxMessageBytes / 2) break;
  }
  return {{"diagnostics", contract["diagnostics"]},
          {"findings_not_shown", contract["findings_not_shown"]},
          {"error", contract["error"]},
          {"rules", RuleNotes(*engine.engine, file.diagnostics)}};
}

json NativeHost::Close(const json& message) {
  const std::string uri = Text(message, "uri");
  fields_.erase(uri);
  return {{"type", "closed"}, {"uri", uri}};
}

std::string NativeHost::Serve(NativeReader& reader, std::string_view bytes) {
  reader.Feed(bytes);
  std::string out;
  while (std::optional<NativeFrame> frame = reader.Next())
    out += EncodeNativeFrame(frame->kind == NativeFrame::kMessage ? Handle(frame->body)
                                                                  : Oversized(frame->declared));
  return out;
}

std::string NativeHost::End(const NativeReader& reader) const {
  return reader.Truncated() ? EncodeNativeFrame(Truncated()) : "";
}

int RunNativeHost(int in_fd, int out_fd) {
  // A browser that closes its end mid-write must not kill the host: the write fails instead.
  signal(SIGPIPE, SIG_IGN);
  NativeHost host;
  NativeReader reader;
  char buf[65536];
  for (;;) {
    ssize_t n = read(in_fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      lsp::WriteAll(out_fd, host.End(reader));
      return 0;
    }
    std::string replies = host.Serve(reader, std::string_view(buf, static_cast<size_t>(n)));
    if (!replies.empty() && !lsp::WriteAll(out_fd, replies)) return 0;  // the browser is gone
  }
}

}  // namespace reviewlint::native_host
