// The rule image: what start-up would otherwise compute from the embedded packs, dictionaries and
// lexicons, computed once at build time by tools/image/make_image.cc (run by CMake) and compiled
// into the binary as tables. Start-up reads these tables instead of parsing TSV, folding,
// stemming and segmenting words, or compiling the embedded regular expressions:
//  - words: the lexicon's first ids (the word attributes and word classes, in the order loading
//    gives them ids), with their attributes and records, and a hash table to find them;
//  - phrases: every embedded phrase's words, folded and stemmed, as the segmenter splits them;
//  - patterns: for every embedded pattern, the literals one of which any match must contain
//    (RE2's prefilter, lower-case), and an automaton that finds those literals in a sentence, so
//    a pattern is compiled only when a sentence could match it.
// Anything the image does not hold (a user pack's words, phrases and patterns) goes the slow way
// through the same code, so the results are the same either way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "word_classes.h"

namespace reviewlint {

/// An embedded pattern and its prefilter: clauses over literals (atoms), each a set one of whose
/// literals every match contains. In RuleImage::pattern_atoms a clause is its size, then its
/// atom ids. `filtered` false means there are no such clauses: the pattern is tried on every
/// sentence.
struct ImagePattern {
  const char* pattern;
  bool case_sensitive;
  bool filtered;
  uint32_t first_atom, atom_count;  // the clauses, in RuleImage::pattern_atoms
};

/// An embedded phrase (after `{a|b}` expansion) and its words: for each word the folded spelling
/// and its Snowball stem, from RuleImage::phrase_words.
struct ImagePhrase {
  const char* phrase;
  uint32_t first_word, word_count;  // into RuleImage::phrase_words (folded, stem) pairs
};

/// An embedded pack or rubric, parsed and checked against its schema at build time, as CBOR.
struct ImageJson {
  const char* path;  // "rules/vagueness.json"
  const uint8_t* cbor;
  uint32_t size;
};

struct RuleImage {
  // Words: ids 1..word_count in order, their WordAttr bits and WordInfo records.
  const char* const* words;
  const uint8_t* word_attrs;
  const WordInfo* word_infos;
  uint32_t word_count;
  // Open addressing table of word ids by ImageHash of the word (0: empty); size a power of 2.
  const uint32_t* word_table;
  uint32_t word_table_size;
  // Phrases, with an open addressing table of phrase index + 1 by ImageHash of the phrase.
  const ImagePhrase* phrases;
  uint32_t phrase_count;
  const char* const* phrase_words;  // pairs: folded spelling, stem
  const uint32_t* phrase_table;
  uint32_t phrase_table_size;
  // Patterns and their prefilter literals (atoms).
  const ImagePattern* patterns;
  uint32_t pattern_count;
  const uint32_t* pattern_atoms;
  uint32_t atom_count;
  // The atoms' automaton (Aho-Corasick, as a DFA over byte classes): start state 0; the next
  // state is transitions[state * class_count + byte_class[byte]]; entering `state` finds the
  // atoms outputs[output_begin[state] .. output_begin[state + 1]).
  const uint8_t* byte_class;  // 256 entries
  uint32_t class_count;
  const uint32_t* transitions;
  const uint32_t* output_begin;
  const uint32_t* outputs;
  // The embedded packs and rubrics.
  const ImageJson* json_files;
  uint32_t json_file_count;
};

/// The embedded pack or rubric `path` from the image, parsed; false when the image does not
/// hold it.
bool ImageJsonFile(const std::string& path, nlohmann::json* out);

/// The image compiled into this binary, or nullptr (in the generator that makes it).
const RuleImage* BuiltRuleImage();

/// The hash the image's tables use (FNV-1a, 32 bits).
inline uint32_t ImageHash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
  return h;
}

/// Finds `key` in an open addressing table of 1-based indexes whose entries' strings `at(i)` give;
/// returns the 1-based index or 0.
template <typename At>
uint32_t ImageFind(const uint32_t* table, uint32_t size, std::string_view key, At at) {
  if (size == 0) return 0;
  for (uint32_t slot = ImageHash(key) & (size - 1);; slot = (slot + 1) & (size - 1)) {
    uint32_t v = table[slot];
    if (v == 0 || at(v) == key) return v;
  }
}

}  // namespace reviewlint
