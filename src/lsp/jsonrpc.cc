#include "jsonrpc.h"

#include "../source.h"

namespace reviewlint::lsp {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a \uXXXX escape at `s[i]` (s[i] == '\\'), or -1.
int EscapedUnit(std::string_view s, size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  int v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    int h = HexValue(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

}  // namespace

size_t SanitizeJsonText(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  size_t replaced = 0;
  size_t i = 0;
  while (i < in.size()) {
    std::optional<uint32_t> bad = FindInvalidUtf8(in.substr(i));
    size_t stop = bad ? i + *bad : in.size();
    // Copy the valid run, fixing lone surrogate escapes in it.
    for (size_t k = i; k < stop;) {
      if (in[k] != '\\') {
        out->push_back(in[k++]);
        continue;
      }
      int unit = EscapedUnit(in.substr(0, stop), k);
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        int low = EscapedUnit(in.substr(0, stop), k + 6);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          out->append(in.substr(k, 12));
          k += 12;
          continue;
        }
      }
      if (unit >= 0xD800 && unit <= 0xDFFF) {
        out->append("\\uFFFD");
        ++replaced;
        k += 6;
        continue;
      }
      // Any other escape: copy the backslash and the escaped character together, so "\\u..."
      // (an escaped backslash, then "u") is not taken for an escape.
      out->push_back(in[k++]);
      if (k < stop) out->push_back(in[k++]);
    }
    if (!bad) break;
    out->append(kReplacement);
    ++replaced;
    // Skip the bad byte and any continuation bytes after it.
    i = stop + 1;
    while (i < in.size() && (static_cast<unsigned char>(in[i]) & 0xC0) == 0x80) ++i;
  }
  return replaced;
}

ParsedMessage ParseMessage(std::string_view body) {
  ParsedMessage m;
  m.value = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!m.value.is_discarded()) return m;
  std::string clean;
  if (SanitizeJsonText(body, &clean) > 0) {
    m.value = json::parse(clean, nullptr, false);
    if (!m.value.is_discarded()) {
      m.lossy = true;
      return m;
    }
  }
  // Run the parser again with exceptions only to get its located message.
  try {
    json again = json::parse(body);
    (void)again;
    m.error = "invalid JSON";
  } catch (const json::exception& e) {
    m.error = e.what();
  }
  return m;
}

json Response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json ErrorResponse(const json& id, int code, std::string message) {
  return json{
      {"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", std::move(message)}}}};
}

json Notification(std::string method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

json Request(const json& id, std::string method, json params) {
  return json{
      {"jsonrpc", "2.0"}, {"id", id}, {"method", std::move(method)}, {"params", std::move(params)}};
}

std::string Serialize(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace reviewlint::lsp
