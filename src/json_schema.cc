#include "json_schema.h"

#include <re2/re2.h>

#include <map>
#include <memory>
#include <mutex>

#include "edit_distance.h"
#include "source.h"

namespace reviewlint {
namespace {

using nlohmann::json;

std::string TypeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    default:
      return "value";
  }
}

bool HasType(const json& v, const std::string& t) {
  if (t == "number") return v.is_number();
  if (t == "integer") {
    if (v.is_number_integer()) return true;
    if (v.is_number_float()) {
      double d = v.get<double>();
      return d == static_cast<double>(static_cast<long long>(d));
    }
    return false;
  }
  return TypeName(v) == t;
}

std::string Escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

class Validator {
 public:
  Validator(const json& root, size_t max_errors) : root_(root), max_(max_errors) {}

  void Check(const json& schema, const json& v, const std::string& ptr,
             std::vector<SchemaError>* out) {
    if (out->size() >= max_) return;
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) out->push_back({ptr, "not allowed here"});
      return;
    }
    if (!schema.is_object()) return;
    if (auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
      const json* target = Resolve(ref->get<std::string>());
      if (target) Check(*target, v, ptr, out);
      return;
    }
    if (auto t = schema.find("type"); t != schema.end()) {
      std::vector<std::string> types;
      if (t->is_string())
        types.push_back(*t);
      else if (t->is_array())
        for (const auto& x : *t) types.push_back(x);
      bool ok = false;
      for (const auto& x : types) ok = ok || HasType(v, x);
      if (!ok) {
        std::string want;
        for (size_t i = 0; i < types.size(); ++i) want += (i ? " or " : "") + types[i];
        out->push_back({ptr, "expected " + want + ", found " + TypeName(v)});
        return;
      }
    }
    if (auto c = schema.find("const"); c != schema.end() && *c != v) {
      out->push_back({ptr, "must be " + c->dump()});
      return;
    }
    if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
      bool found = false;
      std::vector<std::string> names;
      for (const auto& x : *e) {
        if (x == v) found = true;
        names.push_back(x.is_string() ? x.get<std::string>() : x.dump());
      }
      if (!found) {
        std::string list;
        for (size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
        std::string got = v.is_string() ? v.get<std::string>() : v.dump();
        out->push_back({ptr, "\"" + got + "\" is not one of: " + list + DidYouMean(got, names)});
        return;
      }
    }
    if (v.is_string()) CheckString(schema, v.get<std::string>(), ptr, out);
    if (v.is_number()) CheckNumber(schema, v.get<double>(), ptr, out);
    if (v.is_array()) CheckArray(schema, v, ptr, out);
    if (v.is_object()) CheckObject(schema, v, ptr, out);
    if (auto any = schema.find("anyOf"); any != schema.end())
      CheckAlternatives(*any, v, ptr, out, false);
    if (auto one = schema.find("oneOf"); one != schema.end())
      CheckAlternatives(*one, v, ptr, out, true);
  }

 private:
  const json* Resolve(const std::string& ref) {
    if (ref.rfind("#", 0) != 0) return nullptr;
    try {
      const json& target = root_.at(json::json_pointer(ref.substr(1)));
      return &target;
    } catch (const json::exception&) {
      return nullptr;
    }
  }

  void CheckString(const json& s, const std::string& v, const std::string& ptr,
                   std::vector<SchemaError>* out) {
    if (auto m = s.find("minLength"); m != s.end() && v.size() < m->get<size_t>()) {
      out->push_back({ptr, v.empty() ? "must not be empty" : "is too short"});
    }
    if (auto p = s.find("pattern"); p != s.end() && p->is_string()) {
      const RE2& re = Pattern(p->get<std::string>());
      if (re.ok() && !RE2::PartialMatch(v, re)) {
        std::string hint = s.contains("patternDescription")
                               ? s["patternDescription"].get<std::string>()
                               : "must match " + p->get<std::string>();
        out->push_back({ptr, "\"" + v + "\" " + hint});
      }
    }
  }

  void CheckNumber(const json& s, double v, const std::string& ptr, std::vector<SchemaError>* out) {
    if (auto m = s.find("minimum"); m != s.end() && v < m->get<double>())
      out->push_back({ptr, "must be at least " + m->dump()});
    if (auto m = s.find("maximum"); m != s.end() && v > m->get<double>())
      out->push_back({ptr, "must be at most " + m->dump()});
  }

  void CheckArray(const json& s, const json& v, const std::string& ptr,
                  std::vector<SchemaError>* out) {
    if (auto m = s.find("minItems"); m != s.end() && v.size() < m->get<size_t>())
      out->push_back(
          {ptr, "needs at least " + m->dump() + " item" + (m->get<size_t>() == 1 ? "" : "s")});
    if (auto items = s.find("items"); items != s.end()) {
      for (size_t i = 0; i < v.size(); ++i) Check(*items, v[i], ptr + "/" + std::to_string(i), out);
    }
  }

  void CheckObject(const json& s, const json& v, const std::string& ptr,
                   std::vector<SchemaError>* out) {
    const json* props = nullptr;
    if (auto p = s.find("properties"); p != s.end() && p->is_object()) props = &*p;
    std::vector<std::string> known;
    if (props)
      for (auto it = props->begin(); it != props->end(); ++it) known.push_back(it.key());
    bool closed = false;
    const json* extra = nullptr;
    if (auto a = s.find("additionalProperties"); a != s.end()) {
      if (a->is_boolean())
        closed = !a->get<bool>();
      else
        extra = &*a;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string child = ptr + "/" + Escape(it.key());
      if (props && props->contains(it.key())) {
        Check((*props)[it.key()], it.value(), child, out);
      } else if (extra) {
        Check(*extra, it.value(), child, out);
      } else if (closed) {
        out->push_back({ptr, "unknown key \"" + it.key() + "\"" + DidYouMean(it.key(), known)});
      }
    }
    if (auto r = s.find("required"); r != s.end() && r->is_array()) {
      for (const auto& k : *r)
        if (!v.contains(k.get<std::string>()))
          out->push_back({ptr, "missing required key \"" + k.get<std::string>() + "\""});
    }
  }

  void CheckAlternatives(const json& alts, const json& v, const std::string& ptr,
                         std::vector<SchemaError>* out, bool exactly_one) {
    std::vector<SchemaError> best;
    size_t passed = 0;
    bool first = true;
    for (const auto& alt : alts) {
      std::vector<SchemaError> errs;
      Check(alt, v, ptr, &errs);
      if (errs.empty()) ++passed;
      // The alternative that got furthest (deepest pointer) explains the failure best.
      else if (first || Depth(errs) > Depth(best))
        best = errs;
      first = false;
    }
    if (passed == 0) {
      for (auto& e : best) out->push_back(e);
      if (best.empty()) out->push_back({ptr, "does not match any allowed form"});
    } else if (exactly_one && passed > 1) {
      out->push_back({ptr, "matches more than one allowed form"});
    }
  }

  // How far an alternative got before failing: one whose type did not even match explains the
  // least; otherwise the deeper the error, the closer the value came to that form.
  static size_t Depth(const std::vector<SchemaError>& errs) {
    size_t d = 0;
    for (const auto& e : errs) {
      bool type_mismatch = e.message.rfind("expected ", 0) == 0;
      d = std::max(d, (type_mismatch ? 0 : 1000000) + e.pointer.size());
    }
    return errs.empty() ? 0 : d + 1;
  }

  const RE2& Pattern(const std::string& p) {
    auto& slot = patterns_[p];
    if (!slot) slot = std::make_unique<RE2>(p);
    return *slot;
  }

  const json& root_;
  size_t max_;
  std::map<std::string, std::unique_ptr<RE2>> patterns_;
};

// nlohmann parses any depth without recursion, but copying, comparing and printing a value
// recurse: a file of 100,000 '[' parses, then overflows the stack when an error message prints
// it. Nothing reviewlint reads nests more than a few levels, so deeper input is refused up front.
constexpr int kMaxJsonDepth = 128;

// Offset of the bracket that first nests deeper than kMaxJsonDepth, or npos. Skips strings and
// comments; anything else malformed is left for the parser to report.
size_t TooDeep(const std::string& text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      if (end == std::string::npos) break;
      i = end + 1;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string::npos;
}

// The end of the comment or string starting at text[i], or i when none starts there.
size_t SkipCommentOrString(std::string_view text, size_t i) {
  if (text.compare(i, 2, "//") == 0) {
    size_t nl = text.find('\n', i);
    return nl == std::string_view::npos ? text.size() : nl;
  }
  if (text.compare(i, 2, "/*") == 0) {
    size_t end = text.find("*/", i + 2);
    return end == std::string_view::npos ? text.size() : end + 2;
  }
  if (text[i] != '"') return i;
  for (size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] == '\\')
      ++j;
    else if (text[j] == '"' || text[j] == '\n')
      return j + 1;
  }
  return text.size();
}

// JSONC's trailing commas ("[1, 2,]", "{"a": 1,}") blanked out; every other byte stays where it
// was, so errors keep their positions.
std::string BlankTrailingCommas(std::string_view text) {
  std::string out(text);
  size_t pending = std::string::npos;  // the last comma, while only blanks and comments follow it
  for (size_t i = 0; i < text.size();) {
    if (size_t end = SkipCommentOrString(text, i); end != i) {
      if (text[i] == '"') pending = std::string::npos;
      i = end;
      continue;
    }
    char c = text[i];
    if ((c == '}' || c == ']') && pending != std::string::npos) out[pending] = ' ';
    if (c == ',')
      pending = i;
    else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      pending = std::string::npos;
    ++i;
  }
  return out;
}

}  // namespace

std::vector<SchemaError> ValidateSchema(const json& schema, const json& value, size_t max_errors) {
  std::vector<SchemaError> out;
  Validator(schema, max_errors).Check(schema, value, "", &out);
  return out;
}

bool ParseAndValidate(const std::string& file, const std::string& text, const json& schema,
                      json* out, std::vector<std::string>* errors, bool allow_comments) {
  std::string parse_error;
  if (!ParseJsonLocated(file, text, out, &parse_error, allow_comments)) {
    errors->push_back(parse_error);
    return false;
  }
  auto schema_errors = ValidateSchema(schema, *out);
  for (const auto& e : schema_errors) errors->push_back(FormatSchemaError(file, e));
  return schema_errors.empty();
}

std::string FormatSchemaError(const std::string& file, const SchemaError& e) {
  return file + ": " + (e.pointer.empty() ? "" : e.pointer + ": ") + e.message;
}

bool ParseJsonLocated(const std::string& file, const std::string& text, json* out,
                      std::string* error, bool allow_comments) {
  if (size_t at = TooDeep(text); at != std::string::npos) {
    Position pos = LineIndex(text).CodePointPosition(static_cast<uint32_t>(at));
    *error = file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
             ": invalid JSON: nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
    return false;
  }
  try {
    *out = allow_comments ? json::parse(BlankTrailingCommas(text), nullptr, true, true)
                          : json::parse(text, nullptr, true, false);
    return true;
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    uint32_t at =
        e.byte == 0 ? 0 : static_cast<uint32_t>(std::min<size_t>(e.byte - 1, text.size()));
    LineIndex lines(text);
    Position pos = lines.CodePointPosition(at);
    std::string what = e.what();
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
    // error while parsing value - invalid literal; last read: 'x'". Keep what follows "- " or ": ".
    size_t dash = what.find(" - ");
    std::string detail = dash == std::string::npos ? what : what.substr(dash + 3);
    if (dash == std::string::npos) {
      size_t colon = what.find(": ");
      if (colon != std::string::npos) detail = what.substr(colon + 2);
    }
    *error = file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
             ": invalid JSON: " + detail;
    return false;
  } catch (const json::exception& e) {
    // Well-formed, but a value nlohmann cannot hold: a number such as 1e400 overflows a double
    // (out_of_range.406). Unlike a parse_error it carries no position; the message names the token.
    std::string what = e.what();
    size_t bracket = what.find("] ");
    *error = file +
             ": invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
    return false;
  }
}

std::vector<std::string> StringsOf(const nlohmann::json& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& x : v) out.push_back(x.get<std::string>());
  return out;
}

}  // namespace reviewlint
