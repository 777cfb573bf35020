// Redaction: replacing people's names by stable tokens ("Person-1") in any text, whole words and
// case-insensitive over UTF-8. The team report (`reviewlint report --redact`) and the lint
// command (`reviewlint --redact`) share it; src/people.h decides which names get which token.
//
//   Redactor r;
//   r.Add("Jane Doe", "Person-1");          // also "Jane", "Doe", "jane-doe", "jane_doe", ...
//   r.Apply("Jane's plan");                  // "Person-1's plan"
//   r.ApplyToPath("reviews/jane-doe.md");    // "reviews/Person-1.md"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reviewlint {

/// Replaces names by stable tokens: case-insensitive, whole words, UTF-8 aware.
class Redactor {
 public:
  /// Adds a name, each of its parts and the parts joined ("janedoe", "jane-doe", "jane_doe",
  /// "jane.doe", as file names spell them) for `token`; earlier names win over later ones.
  void Add(const std::string& name, const std::string& token);
  /// The token for a full name already added, or "".
  std::string TokenFor(const std::string& name) const;
  /// One replaced name: [begin, end) in the original text, [new_begin, new_end) in the result.
  struct Edit {
    size_t begin, end, new_begin, new_end;
  };
  std::string Apply(std::string_view text, std::vector<Edit>* edits = nullptr) const;
  /// Apply for file paths, where digits and '_' also end a word ("jane_2024.md").
  std::string ApplyToPath(std::string_view path) const;
  /// Where an offset of the original text is in the redacted one; an offset inside a name maps
  /// to the start (or, with `end`, the end) of its token.
  static size_t MapOffset(const std::vector<Edit>& edits, size_t offset, bool end);
  /// Every token, once each, in the order they were first added.
  std::vector<std::string> Tokens() const;
  bool empty() const { return terms_.empty(); }

 private:
  struct Term {
    std::u32string folded;
    std::string token;
  };
  std::string Replace(std::string_view text, bool letters_only, std::vector<Edit>* edits) const;
  std::vector<Term> terms_;
};

/// Case-insensitive whole-word occurrences of any term in `text` (UTF-8): [begin, end) byte
/// offsets and the term index; a longer term wins at the same start; matches never overlap.
/// With `letters_only`, only letters and combining marks make up words (for paths).
struct WordMatch {
  size_t begin, end, term;
};
std::vector<WordMatch> FindWholeWords(std::string_view text,
                                      const std::vector<std::u32string>& folded_terms,
                                      bool letters_only = false);
/// Case-folds UTF-8 text into code points.
std::u32string Fold(std::string_view text);

}  // namespace reviewlint
