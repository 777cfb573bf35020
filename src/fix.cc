#include "fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace reviewlint {

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
