#include "dev_set.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus_eval.h"
#include "sha1.h"

namespace reviewlint::eval {
namespace {

bool ReadBytes(const std::string& path, std::string* bytes, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *bytes = ss.str();
  return true;
}

// Calls `each` with every non-blank line of a JSON-lines file parsed as an object, and the
// line's "path:line: " for messages; stops at the first problem.
bool ForEachJsonLine(const std::string& path, std::string* error,
                     const std::function<bool(const nlohmann::json&, const std::string&)>& each) {
  std::string bytes;
  if (!ReadBytes(path, &bytes, error)) return false;
  std::istringstream in(bytes);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(n) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id")) {
      *error = where + "not a JSON object with an id";
      return false;
    }
    if (!each(j, where)) return false;
  }
  return true;
}

// CSV records as Python's csv module reads them (excel dialect): "" is a quote inside a quoted
// field, text after a closing quote joins the field, \r\n, \n or \r ends a record outside quotes.
std::vector<std::vector<std::string>> CsvRecords(const std::string& s, bool* unterminated) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  auto end_record = [&] {
    if (any || !field.empty()) record.push_back(field);
    if (!record.empty()) records.push_back(record);
    record.clear(), field.clear(), any = false;
  };
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < s.size() && s[i + 1] == '"')
        field += '"', ++i;
      else
        quoted = false;
    } else if (c == '"' && field.empty()) {
      quoted = any = true;
    } else if (c == ',') {
      record.push_back(field), field.clear(), any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      end_record();
    } else {
      field += c, any = true;
    }
  }
  *unterminated = quoted;
  end_record();
  return records;
}

bool KnownPacks(const nlohmann::json& list, std::set<std::string>* out) {
  const auto& packs = LabelledPacks();
  if (!list.is_array()) return false;
  for (const auto& p : list) {
    if (!p.is_string() ||
        std::find(packs.begin(), packs.end(), p.get<std::string>()) == packs.end())
      return false;
    out->insert(p.get<std::string>());
  }
  return true;
}

std::string IdOf(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// One label line into `s`, checked against the review's feedback.
bool ParseLabel(const nlohmann::json& j, const std::string& feedback, DevSentence* s,
                std::string* problem) {
  if (!j.contains("start") || !j.contains("end") || !j["start"].is_number_integer() ||
      !j["end"].is_number_integer()) {
    *problem = "start and end must be integers";
    return false;
  }
  long long a = j["start"], b = j["end"];
  if (a < 0 || a >= b || b > static_cast<long long>(feedback.size())) {
    *problem = "bad offsets " + std::to_string(a) + ":" + std::to_string(b);
    return false;
  }
  s->start = static_cast<uint32_t>(a), s->end = static_cast<uint32_t>(b);
  std::string sha = j.value("sha1", "");
  if (Sha1Hex(std::string_view(feedback).substr(a, b - a)).substr(0, 12) != sha) {
    *problem = "bytes " + std::to_string(a) + ":" + std::to_string(b) + " do not match sha1 " + sha;
    return false;
  }
  if (!KnownPacks(j.value("packs", nlohmann::json::array()), &s->packs) ||
      !KnownPacks(j.value("also", nlohmann::json::array()), &s->also)) {
    *problem = "packs and also must list known packs";
    return false;
  }
  s->why = j.value("why", "");
  return true;
}

bool LoadLabelFile(const std::string& path, const std::map<std::string, std::string>& feedback,
                   std::vector<DevReview>* reviews, std::map<std::string, size_t>* index,
                   std::string* error) {
  return ForEachJsonLine(path, error, [&](const nlohmann::json& j, const std::string& where) {
    std::string id = IdOf(j["id"]);
    auto text = feedback.find(id);
    if (text == feedback.end()) {
      *error = where + "review id " + id + " not in the CSV";
      return false;
    }
    DevSentence s;
    std::string problem;
    if (!ParseLabel(j, text->second, &s, &problem)) {
      *error = where + "review " + id + ": " + problem;
      return false;
    }
    auto [it, added] = index->emplace(id, reviews->size());
    if (added) reviews->push_back({id, text->second + "\n", {}});
    (*reviews)[it->second].sentences.push_back(s);
    return true;
  });
}

bool SortAndCheck(std::vector<DevReview>* reviews, std::string* error) {
  for (DevReview& r : *reviews) {
    std::stable_sort(r.sentences.begin(), r.sentences.end(),
                     [](const DevSentence& a, const DevSentence& b) { return a.start < b.start; });
    for (size_t i = 1; i < r.sentences.size(); ++i) {
      const DevSentence &x = r.sentences[i - 1], &y = r.sentences[i];
      if (y.start < x.end) {
        *error = "review " + r.id + ": overlapping sentences at bytes " + std::to_string(x.start) +
                 ":" + std::to_string(x.end) + " and " + std::to_string(y.start) + ":" +
                 std::to_string(y.end);
        return false;
      }
    }
  }
  return true;
}

}  // namespace

size_t DevSet::sentences() const {
  size_t n = 0;
  for (const DevReview& r : reviews) n += r.sentences.size();
  return n;
}

bool ParseFeedbackCsv(const std::string& bytes, const std::string& path,
                      std::map<std::string, std::string>* feedback, std::string* error) {
  bool unterminated = false;
  auto records = CsvRecords(bytes, &unterminated);
  if (unterminated) {
    *error = path + ": a quoted field is not closed";
    return false;
  }
  if (records.empty()) {
    *error = path + ": empty CSV";
    return false;
  }
  const auto& header = records[0];
  auto id_col = std::find(header.begin(), header.end(), "id") - header.begin();
  auto text_col = std::find(header.begin(), header.end(), "feedback") - header.begin();
  if (id_col == static_cast<long>(header.size()) || text_col == static_cast<long>(header.size())) {
    *error = path + ":1: the header has no id or no feedback column";
    return false;
  }
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (static_cast<size_t>(std::max(id_col, text_col)) < r.size())
      (*feedback)[r[id_col]] = r[text_col];
  }
  return true;
}

bool ReadFeedbackCsv(const std::string& path, std::map<std::string, std::string>* feedback,
                     std::string* error) {
  std::string bytes;
  return ReadBytes(path, &bytes, error) && ParseFeedbackCsv(bytes, path, feedback, error);
}

bool LoadDevSet(const std::string& name, const std::vector<std::string>& label_files,
                const std::map<std::string, std::string>& feedback, DevSet* out,
                std::string* error) {
  out->name = name;
  std::map<std::string, size_t> index;
  for (const std::string& f : label_files)
    if (!LoadLabelFile(f, feedback, &out->reviews, &index, error)) return false;
  return SortAndCheck(&out->reviews, error);
}

bool LoadVerdicts(const std::string& path, DevSet* set, std::string* error) {
  return ForEachJsonLine(path, error, [&](const nlohmann::json& j, const std::string& where) {
    if (!j.contains("balance") || !j["balance"].is_string()) {
      *error = where + "a verdict needs a balance string";
      return false;
    }
    std::string v = j["balance"];
    set->verdicts[IdOf(j["id"])] = v == "neither" ? "ok" : v;
    return true;
  });
}

}  // namespace reviewlint::eval
