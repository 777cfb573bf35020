// The hostile-input matrix (issue 9), end to end: each test runs the real binary on input that is
// generated here (never committed), and checks the exit code, the message, and that the run
// finished within a time and memory bound. The bounds are several times what a Release build
// needs on a 2-core machine; sanitizer and unoptimized builds get more time, smaller big inputs
// and no memory bound (ASan's shadow memory and quarantine dwarf what is being measured).
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_util.h"

namespace reviewlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadAll;
using testing::WriteFile;

using testing::kCheckMemory;
using testing::kSlow;

const char* kVague = "She is a good communicator.\n";
const char* kClean = "She rewrote the export job, which cut its run time from 40 to 6 minutes.\n";
constexpr const char* kVagueFinding =
    ":1:10: warning: \"good communicator\" is stock praise that could describe anyone";

struct Outcome {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  bool timed_out = false;
  double seconds = 0;
  long max_rss_mb = 0;
  std::string out, err;
};

std::ostream& operator<<(std::ostream& os, const Outcome& r) {
  return os << "exit " << r.exit_code << (r.signal ? ", signal " + std::to_string(r.signal) : "")
            << (r.timed_out ? ", TIMED OUT" : "") << ", " << r.seconds << " s, " << r.max_rss_mb
            << " MB\nstdout: " << r.out.substr(0, 2000) << "\nstderr: " << r.err.substr(0, 2000);
}

// Removes a test's folder when the test ends, pass or fail: the big inputs are generated anew
// each run and must not pile up in /tmp.
struct RemoveWhenDone {
  std::string dir;
  ~RemoveWhenDone() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// Runs reviewlint with `args` (no shell: any bytes in a file name), stdin from `in`, in the source
// folder like RunCli. Kills it after `timeout_s` seconds (times kSlow) and measures its wall time
// and peak RSS. With `uid` set, the child drops to that user first (needs root).
Outcome RunBounded(const std::vector<std::string>& args, double timeout_s,
                   const std::string& in = "/dev/null", uid_t uid = 0) {
  static int counter = 0;
  std::string base = testing::TempDir() + "/hostile-run" + std::to_string(counter++);
  std::string out_path = base + ".out", err_path = base + ".err";
  std::vector<std::string> argv_s = {REVIEWLINT_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int fd_in = open(in.c_str(), O_RDONLY);
    int fd_out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int fd_err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd_in < 0 || fd_out < 0 || fd_err < 0 || chdir(REVIEWLINT_SOURCE_DIR) != 0) _exit(126);
    dup2(fd_in, 0), dup2(fd_out, 1), dup2(fd_err, 2);
    if (uid != 0 && (setgroups(0, nullptr) != 0 || setgid(uid) != 0 || setuid(uid) != 0))
      _exit(125);
    execv(argv[0], argv.data());
    perror("execv");
    _exit(127);
  }
  Outcome r;
  int status = 0;
  struct rusage usage {};
  const auto deadline = start + std::chrono::duration<double>(timeout_s * kSlow);
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_mb = usage.ru_maxrss / 1024;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = ReadAll(out_path);
  r.err = ReadAll(err_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return r;
}

// The run finished on its own, with `code`, within `mb` of peak memory.
void ExpectBounded(const Outcome& r, int code, long mb) {
  EXPECT_FALSE(r.timed_out) << r;
  EXPECT_EQ(r.signal, 0) << r;
  EXPECT_EQ(r.exit_code, code) << r;
  if (kCheckMemory) {
    EXPECT_LT(r.max_rss_mb, mb) << r;
  }
}

using testing::Contains;

// `bytes` repeated to `size` bytes, written in 1 MB pieces.
void WriteRepeated(const std::string& path, const std::string& unit, size_t size) {
  std::string chunk;
  while (chunk.size() < (1u << 20)) chunk += unit;
  std::ofstream out(path, std::ios::binary);
  for (size_t written = 0; written < size;) {
    size_t n = std::min(chunk.size(), size - written);
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    written += n;
  }
}

// ---- Files ------------------------------------------------------------------------------------

TEST(Hostile, InvalidUtf8OfEveryKindIsSkippedWithItsPosition) {
  std::string d = testing::FreshDir("hostile-utf8");
  struct Case {
    const char* name;
    std::string bytes;
    const char* message;
  } cases[] = {
      {"continuation.md", "ab\x80 c\n", "1:3: invalid UTF-8 (byte 0x80 at byte offset 2)"},
      {"overlong2.md", "x\n\xC0\xAF\n", "2:1: invalid UTF-8 (byte 0xC0 at byte offset 2)"},
      {"overlong3.md", "Zo\xC3\xAB \xE0\x80\xAF",
       "1:5: invalid UTF-8 (byte 0xE0 at byte offset 5)"},
      {"surrogate.md", "a\xED\xA0\x80z", "1:2: invalid UTF-8 (byte 0xED at byte offset 1)"},
      {"truncated-end.md", "fine\r\nend \xE2\x82",
       "2:5: invalid UTF-8 (byte 0xE2 at byte offset 10)"},
      {"truncated-mid.md", "\xF0\x9F\x98 x", "1:1: invalid UTF-8 (byte 0xF0 at byte offset 0)"},
      {"above-max.md", "\xF4\x90\x80\x80", "1:1: invalid UTF-8 (byte 0xF4 at byte offset 0)"},
      {"ff.md", "ok \xFF", "1:4: invalid UTF-8 (byte 0xFF at byte offset 3)"},
  };
  for (const Case& c : cases) WriteFile(d + "/" + c.name, c.bytes);
  WriteFile(d + "/zz-good.md", kVague);
  Outcome r = RunBounded({"--color", "never", d}, 10);
  ExpectBounded(r, 2, 300);
  for (const Case& c : cases) {
    // "path:LINE:COL: error: invalid UTF-8 ...", the position where compilers put it.
    std::string m = c.message;
    size_t after = m.find(": ");
    std::string expected =
        d + "/" + c.name + ":" + m.substr(0, after) + ": error: " + m.substr(after + 2);
    EXPECT_TRUE(Contains(r.out, expected + "; skipped\n")) << c.name << "\n" << r.out;
  }
  EXPECT_TRUE(Contains(r.out, d + "/zz-good.md" + kVagueFinding)) << r.out;
  EXPECT_TRUE(Contains(r.out, "(8 could not be linted)")) << r.out;
}

TEST(Hostile, NulBytesAndBinaryFilesAreSkippedLikeRipgrep) {
  std::string d = testing::FreshDir("hostile-binary");
  WriteFile(d + "/nul.md", std::string("text\0more\n", 10));
  // A real binary with a review's extension: the reviewlint executable itself.
  fs::copy_file(REVIEWLINT_BINARY, d + "/program.md");
  const size_t first_nul = ReadAll(REVIEWLINT_BINARY).find('\0');
  WriteFile(d + "/zz-good.md", kVague);
  Outcome r = RunBounded({"--color", "never", d}, 10);
  ExpectBounded(r, 2, 300);
  EXPECT_TRUE(
      Contains(r.out, d + "/nul.md: error: binary file (NUL byte at byte offset 4); skipped"))
      << r.out;
  EXPECT_TRUE(Contains(r.out, d + "/program.md: error: binary file (NUL byte at byte offset " +
                                  std::to_string(first_nul) + "); skipped"))
      << r.out;
  EXPECT_TRUE(Contains(r.out, d + "/zz-good.md" + kVagueFinding)) << r.out;
  // Machine formats carry the error in the file's entry, and say it on stderr too.
  Outcome j = RunBounded({"--format", "json", d}, 10);
  ExpectBounded(j, 2, 300);
  auto doc = nlohmann::json::parse(j.out);
  ASSERT_EQ(doc["files"].size(), 3u);
  EXPECT_EQ(doc["files"][0]["error"], "binary file (NUL byte at byte offset 4); skipped");
  EXPECT_EQ(doc["files"][2]["error"], nullptr);
  EXPECT_TRUE(Contains(j.err, d + "/nul.md: error: binary file")) << j.err;
}

TEST(Hostile, DevicesAndEndlessStreamsAreSkippedAsBinaryAtOnce) {
  // /dev/zero never ends: reading it whole would never finish. Its first byte is a NUL.
  Outcome r = RunBounded({"--color", "never", "/dev/zero", "/dev/urandom"}, 10);
  ExpectBounded(r, 2, 300);
  EXPECT_TRUE(Contains(r.out, "/dev/zero: error: binary file (NUL byte at byte offset 0); skipped"))
      << r;
  EXPECT_TRUE(Contains(r.out, "/dev/urandom: error: ")) << r;
}

TEST(Hostile, EmptyWhitespaceOnlyAndFrontMatterOnlyFilesAreClean) {
  std::string d = testing::FreshDir("hostile-empty");
  WriteFile(d + "/empty.md", "");
  WriteFile(d + "/spaces.md", "  \n\t\n\r\n \r \n");
  WriteFile(d + "/front-matter.md", "---\nemployee: Zoë\nrubric: frontend-engineer\n---\n");
  WriteFile(d + "/front-matter-no-newline.md", "---\ntitle: x\n---");
  WriteFile(d + "/bom-only.md", "\xEF\xBB\xBF");
  WriteFile(d + "/empty.txt", "");
  Outcome r = RunBounded({"--color", "never", d}, 10);
  ExpectBounded(r, 0, 300);
  EXPECT_EQ(r.out, "No findings in 6 files.\n") << r;
}

TEST(Hostile, HundredMegabyteFile) {
  std::string d = testing::FreshDir("hostile-big");
  RemoveWhenDone cleanup{d};
  const size_t size = 100'000'000 / kSlow;
  WriteRepeated(d + "/big.md", std::string(kClean) + kClean + "\n", size);
  Outcome r = RunBounded({"-q", "--color", "never", "--fail-on", "never", d + "/big.md"}, 30);
  // The whole-review checks report a few things once; no span finding, no error.
  ExpectBounded(r, 0, 2500);
  EXPECT_FALSE(Contains(r.out, "error:")) << r;
  EXPECT_LT(std::count(r.out.begin(), r.out.end(), '\n'), 20) << r;
  std::cout << "[ 100 MB file ] " << size / 1000000 << " MB: " << r.seconds << " s, "
            << r.max_rss_mb << " MB peak\n";
}

TEST(Hostile, TenMegabyteSingleLine) {
  std::string d = testing::FreshDir("hostile-line");
  RemoveWhenDone cleanup{d};
  const size_t size = 10'000'000 / kSlow;
  std::string sentence = kClean;
  sentence.back() = ' ';
  WriteRepeated(d + "/line.md", sentence, size);
  Outcome r = RunBounded({"-q", "--color", "never", "--fail-on", "never", d + "/line.md"}, 20);
  ExpectBounded(r, 0, 1000);
  EXPECT_FALSE(Contains(r.out, "error:")) << r;
  std::cout << "[ 10 MB line ] " << r.seconds << " s, " << r.max_rss_mb << " MB peak\n";

  // One 10 MB "sentence" of words with no sentence end, where a rule matches every few words:
  // every finding is reported (--max-findings 0), in time linear in the input.
  WriteRepeated(d + "/words.txt", "she is a good communicator and ", size / 10);
  Outcome w = RunBounded(
      {"-q", "--format", "line", "--fail-on", "never", "--max-findings", "0", d + "/words.txt"},
      20);
  ExpectBounded(w, 0, 1000);
  size_t found = 0;
  for (size_t at = 0; (at = w.out.find("[vagueness.generic-praise]\n", at)) != std::string::npos;
       ++at)
    ++found;
  EXPECT_EQ(found, size / 10 / 31 + (size / 10 % 31 >= 26)) << w.out.substr(0, 500);
  std::cout << "[ 1 MB sentence ] " << w.seconds << " s, " << w.max_rss_mb << " MB peak\n";
}

TEST(Hostile, MillionShortLines) {
  std::string d = testing::FreshDir("hostile-lines");
  RemoveWhenDone cleanup{d};
  const size_t lines = 1'000'000 / kSlow;
  // One paragraph of a million lines, a million one-line paragraphs, CR-only endings, plain text.
  WriteRepeated(d + "/one-paragraph.md", "Ok.\n", lines * 4);
  WriteRepeated(d + "/paragraphs.md", "Ok.\n\n", lines * 5);
  WriteRepeated(d + "/cr-only.md", "Ok.\r", lines * 4);
  WriteRepeated(d + "/plain.txt", "Ok.\n", lines * 4);
  for (const char* f : {"one-paragraph.md", "paragraphs.md", "cr-only.md", "plain.txt"}) {
    Outcome r = RunBounded({"-q", "--color", "never", "--fail-on", "never", d + "/" + f}, 15);
    ExpectBounded(r, 0, 1000);
    EXPECT_FALSE(Contains(r.out, "error:")) << f << r;
    std::cout << "[ 1M lines ] " << f << ": " << r.seconds << " s, " << r.max_rss_mb
              << " MB peak\n";
  }
}

TEST(Hostile, DeeplyNestedMarkdownDoesNotOverflowTheStack) {
  std::string d = testing::FreshDir("hostile-nested");
  // 10,000 quote levels on one line, then on 10,000 lines; 10,000 list levels on one line, then
  // 1,000 indented list levels (10,000 would be 100 MB of indentation); 10,000 nested brackets.
  std::string quotes(10000, '>');
  WriteFile(d + "/quotes.md", quotes + " She is a good communicator.\n");
  std::string ladder;
  for (int i = 1; i <= 10000; ++i) ladder += std::string(i % 200 + 1, '>') + " line\n";
  WriteFile(d + "/quote-lines.md", ladder);
  std::string dashes;
  for (int i = 0; i < 10000; ++i) dashes += "- ";
  WriteFile(d + "/lists.md", dashes + "She is a good communicator.\n");
  std::string indented;
  for (int i = 0; i < 1000; ++i) indented += std::string(2 * i, ' ') + "- level\n";
  WriteFile(d + "/indented.md", indented);
  WriteFile(d + "/brackets.md", std::string(10000, '[') + "x" + std::string(10000, ']') + "(" +
                                    std::string(10000, '(') + "\n" + std::string(10000, '`') +
                                    "\n" + std::string(10000, '*') + "a" + std::string(10000, '_'));
  std::string mixed;
  for (int i = 0; i < 5000; ++i) mixed += "> - ";
  WriteFile(d + "/mixed.md", mixed + "text\n");
  Outcome r = RunBounded({"--color", "never", "-q", d}, 10);
  ExpectBounded(r, 1, 300);
  EXPECT_TRUE(Contains(r.out, d + "/lists.md:1:20010: warning: \"good communicator\"")) << r;
  EXPECT_TRUE(Contains(r.out, d + "/quotes.md:1:10011: warning: \"good communicator\"")) << r;
  EXPECT_FALSE(Contains(r.out, "error:")) << r;
}

TEST(Hostile, UnterminatedFencesAndFrontMatter) {
  std::string d = testing::FreshDir("hostile-unterminated");
  // An open fence runs to the end of the file: nothing after it is prose.
  WriteFile(d + "/fence.md", "Intro.\n\n```\nShe is a good communicator.\n");
  WriteFile(d + "/tilde.md", "~~~~\nShe is a good communicator.\n~~~\n");
  // An open front matter is not front matter: `---` is a thematic break, the rest is prose.
  WriteFile(d + "/front-matter.md", "---\nemployee: Zoë\nShe is a good communicator.\n");
  WriteFile(d + "/comment.md", "<!-- open comment\nShe is a good communicator.\n");
  Outcome r = RunBounded({"--color", "never", "-q", d}, 10);
  ExpectBounded(r, 1, 300);
  EXPECT_EQ(r.out, d + "/front-matter.md:3:10: warning: \"good communicator\" is stock praise "
                       "that could describe anyone; say what they did and what came of it "
                       "[vagueness.generic-praise]\n")
      << r;
}

TEST(Hostile, CrOnlyLineEndings) {
  std::string d = testing::FreshDir("hostile-cr");
  WriteFile(d + "/cr.md", "# Review\r\rLine one.\rShe is a good communicator.\r");
  Outcome r = RunBounded({"--color", "never", d + "/cr.md"}, 10);
  ExpectBounded(r, 1, 300);
  EXPECT_TRUE(Contains(r.out, d + "/cr.md:4:10: warning: \"good communicator\"")) << r;
  EXPECT_TRUE(Contains(r.out, "  4 | She is a good communicator.\n")) << r;
}

TEST(Hostile, UnreadableFilesAndFoldersAreReportedOthersStillLinted) {
  std::string d = testing::FreshDir("hostile-unreadable");
  WriteFile(d + "/a-secret.md", kVague);
  chmod((d + "/a-secret.md").c_str(), 0);
  fs::create_directories(d + "/b-locked");
  WriteFile(d + "/b-locked/inside.md", kVague);
  chmod((d + "/b-locked").c_str(), 0);
  WriteFile(d + "/c-good.md", kVague);
  // Root reads anything: run as nobody then, if nobody can run the binary where it was built.
  uid_t uid = geteuid() == 0 ? 65534 : 0;
  if (uid && RunBounded({"--version"}, 10, "/dev/null", uid).exit_code != 0) {
    chmod((d + "/b-locked").c_str(), 0755);
    GTEST_SKIP() << "running as root, and user nobody cannot run " << REVIEWLINT_BINARY;
  }
  Outcome r = RunBounded({"--color", "never", "-q", d}, 10, "/dev/null", uid);
  chmod((d + "/b-locked").c_str(), 0755);
  ExpectBounded(r, 2, 300);
  EXPECT_TRUE(Contains(r.out, d + "/a-secret.md: error: cannot read file: Permission denied\n"))
      << r;
  EXPECT_TRUE(Contains(r.out, d + "/b-locked: error: cannot read folder: Permission denied\n"))
      << r;
  EXPECT_TRUE(Contains(r.out, d + "/c-good.md" + kVagueFinding)) << r;
  // Named on the command line, too.
  Outcome e = RunBounded({"--color", "never", "-q", d + "/a-secret.md", d + "/c-good.md"}, 10,
                         "/dev/null", uid);
  ExpectBounded(e, 2, 300);
  EXPECT_TRUE(Contains(e.out, d + "/a-secret.md: error: cannot read file: Permission denied\n"))
      << e;
  EXPECT_TRUE(Contains(e.out, d + "/c-good.md" + kVagueFinding)) << e;
}

TEST(Hostile, FilesThatDisappearMidRunAreReportedOthersStillLinted) {
  std::string d = testing::FreshDir("hostile-vanish");
  RemoveWhenDone cleanup{d};
  // Deterministic: a file found while walking the folder is gone by the time it is read (a
  // dangling symlink is exactly that).
  fs::create_symlink(d + "/never-there.md", d + "/a-gone.md");
  WriteFile(d + "/b-good.md", kVague);
  Outcome r = RunBounded({"--color", "never", "-q", d}, 10);
  ExpectBounded(r, 2, 300);
  EXPECT_TRUE(
      Contains(r.out, d + "/a-gone.md: error: cannot read file: No such file or directory\n"))
      << r;
  EXPECT_TRUE(Contains(r.out, d + "/b-good.md" + kVagueFinding)) << r;

  // Racy: files deleted while reviewlint is linting them. Whatever it saw, every file is either
  // linted or reported, and nothing crashes.
  std::string many = d + "/many";
  fs::create_directories(many);
  const int n = 2000;
  for (int i = 0; i < n; ++i) WriteFile(many + "/f" + std::to_string(10000 + i) + ".md", kVague);
  std::thread remover([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    for (int i = n - 1; i >= 0; i -= 2) fs::remove(many + "/f" + std::to_string(10000 + i) + ".md");
  });
  Outcome m = RunBounded({"--color", "never", "-q", "-j", "2", many}, 30);
  remover.join();
  EXPECT_FALSE(m.timed_out) << m;
  EXPECT_EQ(m.signal, 0) << m;
  EXPECT_TRUE(m.exit_code == 1 || m.exit_code == 2) << m;
  size_t linted = 0, gone = 0;
  std::istringstream lines(m.out);
  for (std::string line; std::getline(lines, line);) {
    if (Contains(line, ": error: cannot read file: No such file or directory"))
      ++gone;
    else if (Contains(line, kVagueFinding))
      ++linted;
    else
      ADD_FAILURE() << "unexpected line: " << line;
  }
  // Files deleted before the walk are simply not there; the rest are all accounted for.
  EXPECT_GE(linted + gone, static_cast<size_t>(n / 2));
  EXPECT_LE(linted + gone, static_cast<size_t>(n));
  EXPECT_EQ(m.exit_code, gone ? 2 : 1) << m;
}

TEST(Hostile, SymlinkLoopsInFolders) {
  std::string d = testing::FreshDir("hostile-loops");
  fs::create_directories(d + "/sub");
  WriteFile(d + "/sub/x.md", kVague);
  fs::create_directory_symlink(d, d + "/sub/up");    // a folder that contains itself
  fs::create_directory_symlink(d + "/b", d + "/a");  // a -> b -> a
  fs::create_directory_symlink(d + "/a", d + "/b");
  fs::create_symlink(d + "/self.md", d + "/self.md");  // a file that points at itself
  Outcome r = RunBounded({"--color", "never", "-q", d}, 10);
  ExpectBounded(r, 2, 300);
  EXPECT_EQ(r.out, d + "/self.md: error: cannot read file: Too many levels of symbolic links\n" +
                       d + "/sub/x.md" + kVagueFinding +
                       "; say what they did and what came of it [vagueness.generic-praise]\n")
      << r;
  // Named on the command line.
  Outcome e = RunBounded({"--color", "never", "-q", d + "/self.md", d + "/a"}, 10);
  ExpectBounded(e, 2, 300);
  EXPECT_TRUE(Contains(e.out, d + "/self.md: error: cannot read file: Too many levels of symbolic "
                                  "links\n"))
      << e;
  EXPECT_TRUE(Contains(e.out, d + "/a: error: cannot read file: Too many levels of symbolic "
                                  "links\n"))
      << e;
}

TEST(Hostile, NonUtf8FileNames) {
  std::string d = testing::FreshDir("hostile-names");
  const std::string name = d + "/caf\xE9-review.md";  // Latin-1 "café"
  WriteFile(name, kVague);
  Outcome t = RunBounded({"--color", "never", "-q", d}, 10);
  ExpectBounded(t, 1, 300);
  EXPECT_TRUE(Contains(t.out, name + kVagueFinding)) << t;  // the bytes as they are
  // JSON must stay valid UTF-8: the bad byte becomes U+FFFD.
  Outcome j = RunBounded({"--format", "json", d}, 10);
  ExpectBounded(j, 1, 300);
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["files"][0]["path"], d + "/caf\xEF\xBF\xBD-review.md");
  // SARIF percent-encodes the bytes, so the URI still names the file exactly.
  Outcome s = RunBounded({"--format", "sarif", d}, 10);
  ExpectBounded(s, 1, 300);
  EXPECT_TRUE(Contains(s.out, "caf%E9-review.md")) << s;
  Outcome g = RunBounded({"--format", "github", d}, 10);
  ExpectBounded(g, 1, 300);
  Outcome l = RunBounded({"--format", "line", d}, 10);
  ExpectBounded(l, 1, 300);
}

// ---- Rule packs, rubrics, config --------------------------------------------------------------

// A folder with one pack file.
std::string PackDir(const std::string& name, const std::string& json) {
  std::string d = testing::FreshDir("hostile-pack-" + name);
  WriteFile(d + "/team.json", json);
  return d;
}

std::string Rule(const std::string& id, const std::string& body) {
  return R"({"id": ")" + id + R"(", "severity": "warning", "message": "m", "why": "w",
             "instead": "i", "examples": {"bad": ["aaaa"], "good": ["b"]}, )" +
         body + "}";
}

std::string Pack(const std::string& rules) {
  return R"({"pack": "team", "description": "d", "rules": [)" + rules + "]}";
}

TEST(Hostile, BrokenPacksAreLocatedErrors) {
  struct Case {
    const char* name;
    std::string json;
    std::string message;
  } cases[] = {
      {"truncated", Pack(Rule("p", R"("kind": "phrase", "phrases": ["x"])")).substr(0, 120),
       "/team.json:2:11: invalid JSON: unexpected end of input; expected string literal"},
      {"wrong-types", R"({"pack": 7, "description": "d", "rules": {}})",
       "/team.json: /pack: expected string, found integer"},
      {"duplicate-ids",
       Pack(Rule("p", R"("kind": "phrase", "phrases": ["x"])") + "," +
            Rule("p", R"("kind": "phrase", "phrases": ["y"])")),
       "/team.json: /rules/1/id: duplicate rule id \"p\""},
      {"number-overflow", R"({"pack": "team", "rules": [{"id": "x", "window": 1e400}]})",
       "/team.json: invalid JSON: number overflow parsing '1e400'"},
      {"deep-nesting",
       R"({"pack": "team", "rules": [{"id": "x", "severity": )" + std::string(100000, '[') +
           std::string(100000, ']') + "}]}",
       "/team.json:1:177: invalid JSON: nested more than 128 levels deep"},
      {"bad-regex", Pack(Rule("r", R"("kind": "pattern", "pattern": "(unclosed")")),
       "/team.json: /rules/0/pattern: invalid regular expression: missing ): (unclosed"},
      {"not-utf8", "{\"pack\": \"t\xE9\"}", "/team.json:1:"},
      {"empty", "", "/team.json:1:1: invalid JSON:"},
      {"exploding-alternatives",
       Pack(Rule(
           "p", R"("kind": "phrase", "phrases": [")" +
                    [] {
                      std::string groups;
                      for (int i = 0; i < 40; ++i) groups += "{a|b}";
                      return groups;
                    }() +
                    "\"]")),
       "/team.json: /rules/0/phrases/0: phrase \"{a|b}{a|b}"},
  };
  for (const Case& c : cases) {
    std::string d = PackDir(c.name, c.json);
    Outcome r = RunBounded({"--rules-dir", d, "-"}, 10);
    ExpectBounded(r, 2, 300);
    EXPECT_TRUE(Contains(r.err, "reviewlint: error: " + d + c.message)) << c.name << "\n" << r;
    EXPECT_EQ(r.out, "") << c.name;
  }
}

TEST(Hostile, MegabyteRegexWorksOrIsALocatedErrorNeverAHang) {
  // 1 MB of alternatives fits RE2's memory budget: the pack loads and lints.
  std::string alternatives;
  for (int i = 0; alternatives.size() < 1'000'000; ++i) {
    if (i) alternatives += "|";
    alternatives += "word";
    alternatives += std::to_string(i);
  }
  std::string d = PackDir(
      "huge-regex", Pack(Rule("r", R"("kind": "pattern", "pattern": ")" + alternatives + "\"")));
  WriteFile(d + "/draft.md", "She said word99999 twice.\n");
  Outcome r = RunBounded({"--rules-dir", d, "-q", "--format", "line", d + "/draft.md"}, 20);
  ExpectBounded(r, 1, 1000);
  EXPECT_EQ(r.out, d + "/draft.md:1:10: warning: m [team.r]\n") << r;
  // 1 MB of \w{20}: far over the budget, refused with the rule's location.
  std::string repeats;
  while (repeats.size() < 1'000'000) repeats += "\\\\w{20}";
  std::string big = PackDir("too-big-regex",
                            Pack(Rule("r", R"("kind": "pattern", "pattern": ")" + repeats + "\"")));
  Outcome b = RunBounded({"--rules-dir", big, "-"}, 20);
  ExpectBounded(b, 2, 1000);
  EXPECT_TRUE(Contains(b.err, big + "/team.json: /rules/0/pattern: invalid regular expression: "
                                    "pattern too large - compile failed"))
      << b;
  std::cout << "[ 1 MB regex ] alternatives: " << r.seconds << " s, " << r.max_rss_mb
            << " MB; too large: " << b.seconds << " s, " << b.max_rss_mb << " MB\n";
}

TEST(Hostile, PathologicalRegexStaysLinear) {
  // (a+)+$ backtracks exponentially in a backtracking engine; RE2 is linear. Show it: 10x the
  // text takes about 10x the time, and 1 MB of 'a' is done in well under a second.
  std::string d = PackDir("redos", Pack(Rule("r", R"("kind": "pattern", "pattern": "(a+)+$")")));
  double seconds[2];
  for (int k = 0; k < 2; ++k) {
    size_t n = k == 0 ? 100'000 : 1'000'000;
    std::string input = d + "/a" + std::to_string(n) + ".txt";
    WriteFile(input, std::string(n, 'a') + "b\n" + std::string(n, 'a'));
    Outcome r = RunBounded({"--rules-dir", d, "-q", "--format", "line", input}, 10);
    ExpectBounded(r, 1, 500);
    EXPECT_TRUE(Contains(r.out, input + ":2:1: warning: m [team.r]\n")) << r;
    seconds[k] = r.seconds;
  }
  std::cout << "[ (a+)+$ ] 100 KB: " << seconds[0] << " s, 1 MB: " << seconds[1] << " s\n";
  EXPECT_LT(seconds[1], 3.0 * kSlow);
}

TEST(Hostile, BrokenRubricsAreLocatedErrors) {
  const std::string category =
      R"({"id": "a", "name": "A", "weight": 50, "description": "d", "evidence": {"phrases": ["x"]}})";
  auto rubric = [](const std::string& cats) {
    return R"({"rubric": "team", "title": "T", "description": "d", "categories": [)" + cats + "]}";
  };
  struct Case {
    const char* name;
    std::string json;
    std::string message;
  } cases[] = {
      {"truncated", rubric(category).substr(0, 60), "/r.json:1:"},
      {"wrong-types", R"({"rubric": "team", "title": 3, "description": "d", "categories": []})",
       "/r.json: /title: expected string, found integer"},
      {"duplicate-category", rubric(category + "," + category),
       "/r.json: /categories/1/id: duplicate category id \"a\""},
      {"unknown-dictionary", rubric(R"({"id": "a", "name": "A", "weight": 5, "description": "d",
                  "evidence": {"dictionaries": ["en/nope"]}})"),
       "/r.json: /categories/0/evidence/dictionaries/0: unknown dictionary \"en/nope\""},
      {"number-overflow", R"({"rubric": "team", "thresholds": {"error": -1e400}})",
       "/r.json: invalid JSON: number overflow parsing '-1e400'"},
  };
  for (const Case& c : cases) {
    std::string d = testing::FreshDir(std::string("hostile-rubric-") + c.name);
    WriteFile(d + "/r.json", c.json);
    Outcome r = RunBounded({"--rubric-file", d + "/r.json", "-"}, 10);
    ExpectBounded(r, 2, 300);
    EXPECT_TRUE(Contains(r.err, "reviewlint: error: " + d + c.message)) << c.name << "\n" << r;
  }
}

TEST(Hostile, CyclicConfigExtends) {
  std::string d = testing::FreshDir("hostile-config-cycle");
  WriteFile(d + "/.reviewlint.json", R"({"extends": "base.json"})");
  WriteFile(d + "/base.json", R"({"extends": ".reviewlint.json", "rules": {"bias": "off"}})");
  WriteFile(d + "/a.md", kVague);
  Outcome r = RunBounded({"--color", "never", d + "/a.md"}, 10);
  ExpectBounded(r, 2, 300);
  EXPECT_TRUE(Contains(r.err, "cyclic \"extends\"")) << r;
  WriteFile(d + "/.reviewlint.json", R"({"extends": ".reviewlint.json"})");
  Outcome s = RunBounded({"--color", "never", d + "/a.md"}, 10);
  ExpectBounded(s, 2, 300);
  EXPECT_TRUE(Contains(s.err, "cyclic \"extends\"")) << s;
}

}  // namespace
}  // namespace reviewlint
