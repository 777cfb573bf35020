#include "fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace reviewlint {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool In(const char* set, char c) { return c != '\0' && std::strchr(set, c); }

// Whether a sentence starts at `pos`: after . ! or ?, at the start of the text, of a paragraph
// (after a blank line), of a list item or of a heading. Quotes, brackets and emphasis before
// `pos` do not count.
bool StartsSentence(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && (IsSpace(text[i - 1]) || In("\"'(*_", text[i - 1]))) --i;
  if (i == 0) return true;
  char c = text[i - 1];
  if (c == '.' || c == '!' || c == '?') return true;
  // A list or heading marker alone before it on its line.
  size_t line = text.find_last_of("\r\n", i - 1);
  line = line == std::string_view::npos ? 0 : line + 1;
  std::string_view prefix = text.substr(line, i - line);
  if (!prefix.empty() &&
      prefix.find_first_not_of(" \t>-*+#0123456789.)") == std::string_view::npos &&
      prefix.find_first_of("-*+#.)") != std::string_view::npos)
    return true;
  if (!IsBreak(c) && c != '>') return false;
  // The line's start: a new paragraph when the line before is blank, or the line before ends a
  // sentence.
  size_t j = line;
  if (j > 0 && text[j - 1] == '\n') --j;
  if (j > 0 && text[j - 1] == '\r') --j;
  while (j > 0 && (IsSpace(text[j - 1]) || In(">\"')*_", text[j - 1]))) --j;
  return j == 0 || IsBreak(text[j - 1]) || In(".!?", text[j - 1]);
}

// Whether only list or quote markers and indentation precede `pos` on its line.
bool OnlyMarkersBefore(std::string_view text, size_t pos) {
  size_t line = pos == 0 ? std::string_view::npos : text.find_last_of("\r\n", pos - 1);
  line = line == std::string_view::npos ? 0 : line + 1;
  size_t i = line;
  while (i < pos && (IsSpace(text[i]) || text[i] == '>')) ++i;
  if (i < pos && In("-*+", text[i])) {
    ++i;
  } else {
    size_t digits = i;
    while (i < pos && text[i] >= '0' && text[i] <= '9') ++i;
    if (i > digits && i < pos && In(".)", text[i]))
      ++i;
    else
      i = digits;
  }
  while (i < pos && IsSpace(text[i])) ++i;
  return i == pos;
}

}  // namespace

void ShapeRemoval(std::string_view text, Fix* fix) {
  uint32_t b = fix->span.begin, e = fix->span.end;
  std::string_view removed = text.substr(b, e - b);
  std::string keep;  // the line breaks the words spanned, with the last line's quote markers
  size_t first_break = removed.find_first_of("\r\n");
  if (first_break != std::string_view::npos) {
    size_t k = removed.find_last_of("\r\n") + 1;
    while (k < removed.size() && (IsSpace(removed[k]) || removed[k] == '>')) ++k;
    keep = removed.substr(first_break, k - first_break);
    if (b > 1 && IsSpace(text[b - 1]) && !IsSpace(text[b - 2]) && !IsBreak(text[b - 2]) &&
        text[b - 2] != '>')
      --b;
    while (e < text.size() && IsSpace(text[e])) ++e;
  } else if (e < text.size() && IsBreak(text[e]) && OnlyMarkersBefore(text, b)) {
    // The words were all of the line's text: the line break goes, so no blank line splits the
    // paragraph; after a list or quote marker the next line's text moves up to the marker.
    uint32_t next = e + (text.compare(e, 2, "\r\n") == 0 ? 2 : 1);
    uint32_t content = next;
    while (content < text.size() && (IsSpace(text[content]) || text[content] == '>')) ++content;
    if (b == 0 || IsBreak(text[b - 1]))
      e = next;
    else if (content < text.size() && !IsBreak(text[content]))
      e = content;
  } else if (e < text.size() && text[e] == ' ') {
    ++e;  // removing a word takes one neighbouring space with it, never a line break
  } else if (b > 0 && text[b - 1] == ' ') {
    --b;
  }
  if (!removed.empty() && IsUpper(removed[0]) && StartsSentence(text, fix->span.begin)) {
    size_t w = e;
    while (w < text.size() && (IsSpace(text[w]) || IsBreak(text[w]) || text[w] == '>')) ++w;
    if (w < text.size() && IsLower(text[w])) {
      keep += text.substr(e, w - e);
      keep += static_cast<char>(text[w] - 'a' + 'A');
      e = static_cast<uint32_t>(w + 1);
    }
  }
  fix->span = Span{b, e};
  fix->replacement = keep;
}

void AddRewrite(std::string_view text, Diagnostic* d) {
  if (d->rule != "vagueness.empty-booster" || !d->fixes.empty()) return;
  std::string_view match = text.substr(d->span.begin, d->span.size());
  size_t word = match.find_first_of(" \t\r\n");
  if (word == std::string_view::npos) return;
  Fix f{Span{d->span.begin, d->span.begin + static_cast<uint32_t>(word)}, "", false};
  ShapeRemoval(text, &f);
  d->fixes.push_back(std::move(f));
}

std::string FixSummary(bool diff, bool unsafe, size_t fixed, size_t files, size_t left,
                       size_t unsafe_left) {
  auto n = [](size_t k, const char* one, const char* many) {
    return std::to_string(k) + " " + (k == 1 ? one : many);
  };
  if (fixed == 0) {
    if (left == 0) return "Nothing to fix: no findings.\n";
    std::string why = unsafe_left == 0 || unsafe
                          ? "none of the " + n(left, "finding", "findings") + " has a fix"
                          : "none of the " + n(left, "finding", "findings") + " has a safe fix; " +
                                n(unsafe_left, "has a fix", "have a fix") +
                                " that changes what the review says (--fix-unsafe)";
    return "Nothing to fix: " + why + ".\n";
  }
  return std::string(diff ? "The diff fixes " : "Fixed ") + n(fixed, "finding", "findings") +
         " in " + n(files, "file", "files") + "; " + std::to_string(left) + " left.\n";
}

std::string ApplyFixes(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                       bool unsafe, std::vector<bool>* fixed) {
  struct Candidate {
    const Fix* fix;
    size_t diagnostic;
  };
  std::vector<Candidate> fixes;
  for (size_t i = 0; i < diagnostics.size(); ++i)
    for (const Fix& f : diagnostics[i].fixes)
      if ((f.safe || unsafe) && f.span.end <= text.size()) fixes.push_back({&f, i});
  std::stable_sort(fixes.begin(), fixes.end(), [](const Candidate& a, const Candidate& b) {
    return a.fix->span < b.fix->span;
  });
  fixed->assign(diagnostics.size(), false);
  std::string out;
  uint32_t at = 0;
  for (const Candidate& c : fixes) {
    if (c.fix->span.begin < at || (*fixed)[c.diagnostic]) continue;  // overlaps the previous fix
    out.append(text.substr(at, c.fix->span.begin - at));
    out += c.fix->replacement;
    at = c.fix->span.end;
    (*fixed)[c.diagnostic] = true;
  }
  out.append(text.substr(at));
  return out;
}

namespace {

std::vector<std::string_view> Lines(std::string_view t) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b < t.size()) {
    size_t e = t.find('\n', b);
    if (e == std::string_view::npos) e = t.size() - 1;
    out.push_back(t.substr(b, e - b + 1));
    b = e + 1;
  }
  return out;
}

}  // namespace

std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  // Fixes change text inside lines and may remove whole lines; a common prefix/suffix per hunk
  // is enough: walk both line lists and emit runs that differ, with one line of context.
  std::vector<std::string_view> a = Lines(before), b = Lines(after);
  std::string shown = path;
  while (!shown.empty() && shown[0] == '/') shown.erase(0, 1);
  std::string out = "--- a/" + shown + "\n+++ b/" + shown + "\n";
  size_t i = 0, j = 0;
  auto show = [](std::string_view line) {
    std::string s(line);
    if (s.empty() || s.back() != '\n') s += "\n\\ No newline at end of file\n";
    return s;
  };
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j;
      continue;
    }
    // Find where the two line lists meet again.
    size_t ei = i, ej = j;
    bool found = false;
    for (size_t span = 1; span <= 8 && !found; ++span)
      for (size_t x = 0; x <= span && !found; ++x) {
        size_t ii = i + x, jj = j + span - x;
        if (ii < a.size() && jj < b.size() && a[ii] == b[jj]) ei = ii, ej = jj, found = true;
      }
    if (!found) ei = a.size(), ej = b.size();
    size_t ctx = i > 0 ? 1 : 0;
    out += "@@ -" + std::to_string(i + 1 - ctx) + "," + std::to_string(ei - i + ctx) + " +" +
           std::to_string(j + 1 - ctx) + "," + std::to_string(ej - j + ctx) + " @@\n";
    if (ctx) {
      out += ' ';
      out += show(a[i - 1]);
    }
    for (size_t k = i; k < ei; ++k) {
      out += '-';
      out += show(a[k]);
    }
    for (size_t k = j; k < ej; ++k) {
      out += '+';
      out += show(b[k]);
    }
    i = ei, j = ej;
  }
  return out;
}

bool WriteAtomically(const std::string& path, std::string_view content, std::string* error) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  std::string tmp = path + ".reviewlint-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) {
    *error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    *error = std::string(what) + ": " + std::strerror(errno);
    close(fd);
    unlink(tmp.c_str());
    return false;
  };
  // For tests: fail after writing half, as a full disk or a kill would.
  bool simulate_failure = std::getenv("REVIEWLINT_TEST_FAIL_WRITE") != nullptr;
  size_t total = simulate_failure ? content.size() / 2 : content.size();
  for (size_t done = 0; done < total;) {
    ssize_t n = write(fd, content.data() + done, total - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the fixed file");
    }
    done += static_cast<size_t>(n);
  }
  if (simulate_failure) {
    errno = ENOSPC;
    return fail("cannot write the fixed file");
  }
  if (fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file's permissions");
  if (fsync(fd) != 0) return fail("cannot flush the fixed file");
  if (close(fd) != 0) {
    *error = std::string("cannot write the fixed file: ") + std::strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    *error = std::string("cannot replace the file: ") + std::strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace reviewlint
