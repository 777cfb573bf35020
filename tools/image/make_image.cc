// Makes the rule image (src/rule_image.h) at build time: loads the embedded packs, rubrics,
// dictionaries and lexicons with the same code start-up uses, and writes what start-up would
// compute from them as C++ tables.
//   reviewlint-image OUT.cc
// A pack, dictionary or lexicon that does not load fails the build with its located errors.
#include <re2/filtered_re2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <queue>
#include <set>
#include <sstream>

#include "lexicon.h"
#include "matcher.h"
#include "rubric.h"
#include "rule_image.h"
#include "rule_pack.h"
#include "tokenizer.h"
#include "word_classes.h"

namespace reviewlint {

// The generator itself runs without an image: everything goes the slow way.
const RuleImage* BuiltRuleImage() { return nullptr; }

namespace {

// A C++ string literal; octal escapes keep every byte as it is.
std::string Literal(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c >= 0x7f || c == '?') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

template <typename T>
std::string Numbers(const std::vector<T>& v) {
  std::ostringstream out;
  for (size_t i = 0; i < v.size(); ++i) out << (i % 16 == 0 ? "\n    " : " ") << v[i] << ",";
  return out.str();
}

std::string Strings(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "\n    " + Literal(s) + ",";
  return out;
}

// An open addressing table of 1-based indexes of `keys`, by ImageHash.
std::vector<uint32_t> HashTable(const std::vector<std::string>& keys) {
  uint32_t size = 16;
  while (size < keys.size() * 2) size *= 2;
  std::vector<uint32_t> table(size, 0);
  for (uint32_t i = 0; i < keys.size(); ++i) {
    uint32_t slot = ImageHash(keys[i]) & (size - 1);
    while (table[slot] != 0) slot = (slot + 1) & (size - 1);
    table[slot] = i + 1;
  }
  return table;
}

// ---- Words: the lexicon and word classes as loading leaves them.

struct Words {
  std::vector<std::string> words;  // by id - 1
  std::vector<uint32_t> attrs;
  std::vector<std::string> infos;
};

Words MakeWords(std::vector<std::string>* errors) {
  Lexicon lexicon;
  WordClasses classes;
  LoadWordTables(nullptr, &lexicon, &classes, errors);
  Words w;
  w.words = lexicon.ExactWords();
  for (uint32_t id = 1; id <= w.words.size(); ++id) {
    w.attrs.push_back(lexicon.Attr(id));
    const WordInfo& i = classes.Info(id);
    w.infos.push_back("{" + std::to_string(i.classes) + "u, " + std::to_string(i.polarity) + ", " +
                      std::to_string(i.strength) + ", " + std::to_string(i.tone) + "}");
  }
  return w;
}

// ---- Phrases: every phrase of the packs and rubrics, split, folded and stemmed.

void AddTermPhrases(const TermList& t, const std::map<std::string, std::vector<std::string>>& dicts,
                    std::set<std::string>* out) {
  for (const std::string& p : t.phrases) out->insert(p);
  for (const std::string& d : t.dictionaries) {
    auto it = dicts.find(d);
    if (it != dicts.end()) out->insert(it->second.begin(), it->second.end());
  }
}

struct Terms {
  std::set<std::string> phrases;
  std::set<std::pair<std::string, bool>> patterns;  // pattern, case sensitive
};

// Every phrase and pattern of the packs and rubrics. A pattern may be asked case-sensitively or
// not (a rule's case_sensitive reaches the evidence sets its trigger names), so both go in.
Terms CollectAll(const std::vector<RulePack>& packs, const std::vector<Rubric>& rubrics) {
  Terms t;
  auto add = [&](const TermList& terms, const auto& dicts) {
    AddTermPhrases(terms, dicts, &t.phrases);
    for (const std::string& p : terms.patterns)
      for (bool case_sensitive : {false, true}) t.patterns.insert({p, case_sensitive});
  };
  for (const RulePack& pack : packs) {
    for (const EvidenceSpec& e : pack.evidence) add(e.terms, pack.dictionaries);
    for (const RuleSpec& r : pack.rules)
      for (const TermList* terms : {&r.trigger, &r.preceded_by, &r.followed_by})
        add(*terms, pack.dictionaries);
  }
  for (const Rubric& rubric : rubrics)
    for (const RubricCategory& c : rubric.categories) add(c.evidence, rubric.dictionaries);
  return t;
}

struct Phrases {
  std::vector<std::string> phrases;
  std::vector<std::string> entries;  // ImagePhrase initialisers
  std::vector<std::string> words;    // folded, stem pairs
};

Phrases MakePhrases(const std::set<std::string>& collected) {
  Lexicon lexicon;
  WordKeyer keyer(&lexicon);
  Segmenter segmenter;
  std::set<std::string> expanded;
  for (const std::string& p : collected) {
    if (CountAlternatives(p, 1000) > 1000) continue;  // an error at start-up, as before
    for (const std::string& one : ExpandAlternatives(p)) expanded.insert(one);
  }
  Phrases out;
  for (const std::string& phrase : expanded) {
    std::vector<std::pair<std::string, std::string>> words = PhraseWords(phrase, segmenter, keyer);
    out.entries.push_back("{" + Literal(phrase) + ", " + std::to_string(out.words.size() / 2) +
                          ", " + std::to_string(words.size()) + "}");
    out.phrases.push_back(phrase);
    for (auto& [folded, stem] : words) {
      out.words.push_back(folded);
      out.words.push_back(stem);
    }
  }
  return out;
}

// ---- Patterns: RE2's prefilter literals, and their automaton.

struct Patterns {
  std::vector<std::string> entries;  // ImagePattern initialisers
  std::vector<uint32_t> pattern_atoms;
  std::vector<std::string> atoms;
};

// RE2's prefilter of one pattern: its literals (lower-case), and whether a set of them found in
// a text lets the pattern through. The filter is monotone: more literals found never stop it.
class Prefilter {
 public:
  Prefilter(const std::string& pattern, bool case_sensitive, std::string* error) : filter_(1) {
    RE2::Options o;
    o.set_case_sensitive(case_sensitive);
    o.set_log_errors(false);
    int id = 0;
    if (filter_.Add(pattern, o, &id) != RE2::NoError) {
      *error = "invalid regular expression: " + pattern;
      return;
    }
    filter_.Compile(&atoms_);
  }
  const std::vector<std::string>& atoms() const { return atoms_; }
  bool Passes(const std::vector<bool>& found) const {
    std::vector<int> found_ids, passes;
    for (size_t i = 0; i < found.size(); ++i)
      if (found[i]) found_ids.push_back(static_cast<int>(i));
    filter_.AllPotentials(found_ids, &passes);
    return !passes.empty();
  }

 private:
  re2::FilteredRE2 filter_;
  std::vector<std::string> atoms_;
};

// A literal the automaton can look for byte by byte: lower-case ASCII, and outside ASCII only
// characters without case (a dash, a curly quote).
bool Caseless(const std::string& atom) {
  bool ascii = true;
  for (char c : atom) {
    if (c >= 'A' && c <= 'Z') return false;
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) return true;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(atom);
  icu::UnicodeString upper = u, lower = u, folded = u;
  upper.toUpper();
  lower.toLower();
  folded.foldCase();
  return upper == u && lower == u && folded == u;
}

// The filter as clauses over its literals, each a set one of whose literals any match holds:
// a clause is a set whose absence stops the filter, made minimal by dropping literals while the
// rest still stops it; starting the dropping at each literal in turn finds the other clauses.
// Empty when the filter lets a text with no literal through, or a literal is not ASCII (the
// automaton folds ASCII only).
std::vector<std::vector<uint32_t>> Clauses(const Prefilter& f) {
  const size_t n = f.atoms().size();
  if (n == 0 || f.Passes(std::vector<bool>(n, false))) return {};
  for (const std::string& a : f.atoms())
    if (!Caseless(a)) return {};
  std::set<std::vector<uint32_t>> clauses;
  const size_t starts = std::min<size_t>(n, 64);
  for (size_t start = 0; start < starts; ++start) {
    std::vector<bool> in_clause(n, true);
    for (size_t k = 0; k < n; ++k) {
      size_t a = (start + k) % n;
      in_clause[a] = false;
      std::vector<bool> found(n);
      for (size_t i = 0; i < n; ++i) found[i] = !in_clause[i];
      if (f.Passes(found)) in_clause[a] = true;
    }
    std::vector<uint32_t> clause;
    for (uint32_t i = 0; i < n; ++i)
      if (in_clause[i]) clause.push_back(i);
    clauses.insert(clause);
  }
  return {clauses.begin(), clauses.end()};
}

Patterns MakePatterns(const std::set<std::pair<std::string, bool>>& collected,
                      std::vector<std::string>* errors) {
  Patterns out;
  std::map<std::string, uint32_t> atom_ids;
  for (const auto& [pattern, case_sensitive] : collected) {
    std::string error;
    Prefilter filter(pattern, case_sensitive, &error);
    if (!error.empty()) errors->push_back(error);
    std::vector<std::vector<uint32_t>> clauses = Clauses(filter);
    // A clause with a one-letter literal holds in nearly every sentence: it would cost the
    // automaton a match at nearly every byte and filter nothing. Dropping a clause only lets
    // more sentences through to the pattern itself.
    clauses.erase(
        std::remove_if(clauses.begin(), clauses.end(),
                       [&](const std::vector<uint32_t>& clause) {
                         for (uint32_t i : clause) {
                           const std::string& a = filter.atoms()[i];
                           if (a.size() == 1 && std::isalnum(static_cast<unsigned char>(a[0])))
                             return true;
                         }
                         return false;
                       }),
        clauses.end());
    uint32_t first = static_cast<uint32_t>(out.pattern_atoms.size());
    for (const std::vector<uint32_t>& clause : clauses) {
      out.pattern_atoms.push_back(static_cast<uint32_t>(clause.size()));
      for (uint32_t i : clause) {
        const std::string& a = filter.atoms()[i];
        auto [it, added] = atom_ids.emplace(a, static_cast<uint32_t>(out.atoms.size()));
        if (added) out.atoms.push_back(a);
        out.pattern_atoms.push_back(it->second);
      }
    }
    uint32_t count = static_cast<uint32_t>(out.pattern_atoms.size()) - first;
    out.entries.push_back("{" + Literal(pattern) + ", " + (case_sensitive ? "true" : "false") +
                          ", " + (clauses.empty() ? "false" : "true") + ", " +
                          std::to_string(first) + ", " + std::to_string(count) + "}");
  }
  return out;
}

// Aho-Corasick over the atoms, as a DFA over byte classes (upper-case ASCII letters share their
// lower-case letter's class, so the text needs no folding).
struct Automaton {
  std::vector<uint32_t> byte_class = std::vector<uint32_t>(256, 0);
  uint32_t class_count = 1;
  std::vector<uint32_t> transitions, output_begin, outputs;
};

Automaton MakeAutomaton(const std::vector<std::string>& atoms) {
  Automaton a;
  for (const std::string& atom : atoms)
    for (char ch : atom) {
      auto c = static_cast<unsigned char>(ch);
      if (a.byte_class[c] == 0) a.byte_class[c] = a.class_count++;
    }
  for (int c = 'A'; c <= 'Z'; ++c) a.byte_class[c] = a.byte_class[c + 32];
  const uint32_t C = a.class_count;
  // The trie; 0 in `go` is "no edge" except from the root.
  std::vector<std::vector<uint32_t>> go(1, std::vector<uint32_t>(C, 0));
  std::vector<std::vector<uint32_t>> out(1);
  for (uint32_t i = 0; i < atoms.size(); ++i) {
    uint32_t s = 0;
    for (char ch : atoms[i]) {
      uint32_t c = a.byte_class[static_cast<unsigned char>(ch)];
      if (go[s][c] == 0) {
        go[s][c] = static_cast<uint32_t>(go.size());
        go.emplace_back(C, 0);
        out.emplace_back();
      }
      s = go[s][c];
    }
    out[s].push_back(i);
  }
  // Breadth first: failure links, completing `go` into the DFA and merging outputs.
  std::vector<uint32_t> fail(go.size(), 0);
  std::queue<uint32_t> queue;
  for (uint32_t c = 0; c < C; ++c)
    if (go[0][c] != 0) queue.push(go[0][c]);
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop();
    const std::vector<uint32_t>& inherited = out[fail[s]];
    out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    for (uint32_t c = 0; c < C; ++c) {
      uint32_t t = go[s][c];
      if (t != 0) {
        fail[t] = go[fail[s]][c];
        queue.push(t);
      } else {
        go[s][c] = go[fail[s]][c];
      }
    }
  }
  for (uint32_t s = 0; s < go.size(); ++s) {
    a.transitions.insert(a.transitions.end(), go[s].begin(), go[s].end());
    a.output_begin.push_back(static_cast<uint32_t>(a.outputs.size()));
    std::sort(out[s].begin(), out[s].end());
    a.outputs.insert(a.outputs.end(), out[s].begin(), out[s].end());
  }
  a.output_begin.push_back(static_cast<uint32_t>(a.outputs.size()));
  return a;
}

// ---- The embedded packs and rubrics: validated against their schemas, then stored as CBOR.

struct JsonFiles {
  std::vector<std::string> entries;  // ImageJson initialisers
  std::string arrays;                // their bytes
};

JsonFiles MakeJsonFiles(std::vector<std::string>* errors) {
  JsonFiles out;
  DataStore store;
  std::vector<std::string> files = DataStore::EmbeddedPackFiles();
  for (const std::string& f : DataStore::EmbeddedFiles("rules/rubrics/", ".json"))
    if (f != "rules/rubrics/schema.json") files.push_back(f);
  for (const std::string& f : files) {
    std::string text = *DataStore::Embedded(f);
    bool ok = f.rfind("rules/rubrics/", 0) == 0
                  ? ParseRubric(f, text, store, errors).has_value()
                  : ParsePack(f, text, store, errors, /*validate=*/true).has_value();
    if (!ok) continue;
    std::vector<std::uint8_t> cbor = nlohmann::json::to_cbor(nlohmann::json::parse(text));
    std::string name = "kJson" + std::to_string(out.entries.size());
    out.arrays += "const uint8_t " + name + "[] = {" +
                  Numbers(std::vector<uint32_t>(cbor.begin(), cbor.end())) + "};\n";
    out.entries.push_back("{" + Literal(f) + ", " + name + ", " + std::to_string(cbor.size()) +
                          "}");
  }
  return out;
}

// ---- The output.

std::string Write(const Words& w, const Phrases& p, const Patterns& pt, const Automaton& a,
                  const JsonFiles& j) {
  std::ostringstream o;
  auto array = [&](const char* type, const char* name, const std::string& body) {
    o << "const " << type << " " << name << "[] = {" << body << "\n    {}};\n";
  };
  o << "// Generated by tools/image/make_image.cc. Do not edit.\n"
       "#include \"rule_image.h\"\n\nnamespace reviewlint {\nnamespace {\n\n";
  array("char* const", "kWords", Strings(w.words));
  array("uint8_t", "kWordAttrs", Numbers(w.attrs));
  std::string infos;
  for (const std::string& i : w.infos) infos += "\n    " + i + ",";
  array("WordInfo", "kWordInfos", infos);
  array("uint32_t", "kWordTable", Numbers(HashTable(w.words)));
  std::string phrases;
  for (const std::string& e : p.entries) phrases += "\n    " + e + ",";
  array("ImagePhrase", "kPhrases", phrases);
  array("char* const", "kPhraseWords", Strings(p.words));
  array("uint32_t", "kPhraseTable", Numbers(HashTable(p.phrases)));
  std::string patterns;
  for (const std::string& e : pt.entries) patterns += "\n    " + e + ",";
  array("ImagePattern", "kPatterns", patterns);
  array("uint32_t", "kPatternAtoms", Numbers(pt.pattern_atoms));
  std::vector<uint32_t> classes(a.byte_class.begin(), a.byte_class.end());
  array("uint8_t", "kByteClass", Numbers(classes));
  array("uint32_t", "kTransitions", Numbers(a.transitions));
  array("uint32_t", "kOutputBegin", Numbers(a.output_begin));
  array("uint32_t", "kOutputs", Numbers(a.outputs));
  o << j.arrays;
  std::string json_files;
  for (const std::string& e : j.entries) json_files += "\n    " + e + ",";
  array("ImageJson", "kJsonFiles", json_files);
  o << "\nconst RuleImage kImage = {\n"
    << "    kWords, kWordAttrs, kWordInfos, " << w.words.size() << ",\n"
    << "    kWordTable, " << HashTable(w.words).size() << ",\n"
    << "    kPhrases, " << p.phrases.size() << ", kPhraseWords, kPhraseTable, "
    << HashTable(p.phrases).size() << ",\n"
    << "    kPatterns, " << pt.entries.size() << ", kPatternAtoms, " << pt.atoms.size() << ",\n"
    << "    kByteClass, " << a.class_count << ", kTransitions, kOutputBegin, kOutputs,\n"
    << "    kJsonFiles, " << j.entries.size() << "};\n\n"
    << "}  // namespace\n\nconst RuleImage* BuiltRuleImage() { return &kImage; }\n\n"
    << "}  // namespace reviewlint\n";
  return o.str();
}

}  // namespace
}  // namespace reviewlint

int main(int argc, char** argv) {
  using namespace reviewlint;
  if (argc != 2) {
    std::cerr << "usage: reviewlint-image OUT.cc\n";
    return 2;
  }
  std::vector<std::string> errors;
  DataStore embedded;
  std::vector<RulePack> packs = LoadPacks(embedded, &errors);
  std::vector<Rubric> rubrics = LoadRubrics(embedded, {}, &errors);
  Words words = MakeWords(&errors);
  Terms terms = CollectAll(packs, rubrics);
  Phrases phrases = MakePhrases(terms.phrases);
  Patterns patterns = MakePatterns(terms.patterns, &errors);
  Automaton automaton = MakeAutomaton(patterns.atoms);
  JsonFiles json_files = MakeJsonFiles(&errors);
  for (const std::string& e : errors) std::cerr << "reviewlint-image: " << e << "\n";
  if (!errors.empty()) return 1;
  std::string text = Write(words, phrases, patterns, automaton, json_files);
  std::ifstream old(argv[1], std::ios::binary);
  std::stringstream was;
  was << old.rdbuf();
  if (was.str() == text) return 0;  // unchanged: nothing downstream rebuilds
  std::ofstream(argv[1], std::ios::binary) << text;
  return 0;
}
