#!/bin/sh
# The project's one entry point for people and CI. Works on a fresh Debian 12 (bookworm) machine,
# even a minimal one with no compiler: it installs what it needs with apt-get first.
#
#   sh dev.sh run      install, build (Release), lint examples/ with the embedded default rules
#   sh dev.sh test     install, build, run the whole test suite
#   sh dev.sh build    install and build only
#   sh dev.sh bench [--full] [--anchors]
#                      install, build, run the benchmarks: every speed target with its figure
#                      (bench/run.sh: --full adds the 100 MB memory runs, --anchors the npm tools)
#   sh dev.sh deps     install the build dependencies only
#   sh dev.sh asan     install clang too, build with ASan + UBSan (and the fuzzers) into
#                      build-asan/, run the whole test suite; fails on any sanitizer report
#   sh dev.sh fuzz-smoke [SECONDS] [TARGET...]
#                      the same build, then each libFuzzer target (fuzz/) for SECONDS (default 60)
#                      after replaying tests/fuzz/regressions/; prints executions, coverage, corpus
#
# Environment: BUILD_DIR (default build), ASAN_BUILD_DIR (default build-asan),
# JOBS (default: the number of cores), UNITY_BUILD (default ON; OFF builds file by file).
set -eu

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

PACKAGES="g++ cmake ninja-build pkg-config libre2-dev nlohmann-json3-dev libcli11-dev libicu-dev libgtest-dev libstemmer-dev libbenchmark-dev"
# Only for `asan` and `fuzz-smoke`: clang with its sanitizer and libFuzzer runtimes.
CLANG_PACKAGES="clang-14 libclang-rt-14-dev"
ASAN_BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}

deps() {
  missing=""
  for p in $PACKAGES ${EXTRA_PACKAGES:-}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "dev.sh: installing:$missing" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Unity builds: a fresh build compiles the sources in batches, each header parsed once per
# batch, which halves a clean build on two cores. (Plain `cmake` without this flag builds file by
# file, which suits editing: a change recompiles one file.)
UNITY="-DCMAKE_UNITY_BUILD=${UNITY_BUILD:-ON}"

build() {
  deps
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$UNITY" "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

# One sanitizer build serves both the test suite and the fuzzers: clang, -O1, ASan + UBSan with
# no recovery, libstdc++ assertions, and libFuzzer's coverage instrumentation of the library.
asan_build() {
  EXTRA_PACKAGES=$CLANG_PACKAGES deps
  cmake -S . -B "$ASAN_BUILD_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -D_GLIBCXX_ASSERTIONS" \
    -DREVIEWLINT_SANITIZE=ON -DREVIEWLINT_FUZZ=ON "$UNITY" >/dev/null
  cmake --build "$ASAN_BUILD_DIR" -j "$JOBS"
}

# Runs the test suite of the sanitizer build. Every process it starts (the tests and each
# reviewlint they run) writes its sanitizer reports to $logs; any report fails the run, even one
# from a child whose exit code a test did not look at. Left out: the tests whose subject is
# JavaScript in Node.js or Chromium (the VS Code extension's own tests and package, the HTML
# report rendered in Chromium); `dev.sh test` runs them, and nothing of ours runs differently.
ASAN_SKIP='^(VsCodeExtension[.]|Report[.]HeadlessChromium)'

asan_test() {
  logs="$(pwd)/$ASAN_BUILD_DIR/sanitizer-logs"
  rm -rf "$logs" && mkdir -p "$logs"
  status=0
  ASAN_OPTIONS="log_path=$logs/asan:exitcode=99:detect_leaks=1:check_initialization_order=1:strict_string_checks=1" \
  UBSAN_OPTIONS="log_path=$logs/ubsan:exitcode=98:print_stacktrace=1:halt_on_error=1" \
    ctest --test-dir "$ASAN_BUILD_DIR" --output-on-failure -j "$JOBS" -E "$ASAN_SKIP" || status=$?
  if [ -n "$(ls "$logs")" ]; then
    echo "dev.sh asan: sanitizer reports:" >&2
    cat "$logs"/* >&2
    status=1
  fi
  [ "$status" -eq 0 ] && echo "dev.sh asan: all tests passed, no sanitizer reports"
  return "$status"
}

# Runs each fuzz target for $1 seconds (the others: target names, default all). New inputs go to
# $ASAN_BUILD_DIR/fuzz-corpus/<target>/ (kept between runs); the seeds in tests/fuzz/corpus/ are
# read only. A crash, hang (-timeout), leak or out-of-memory fails the run and leaves the input in
# $ASAN_BUILD_DIR/fuzz-artifacts/<target>/: add it to tests/fuzz/regressions/<target>/.
fuzz_smoke() {
  seconds=${1:-60}
  if [ $# -gt 0 ]; then shift; fi
  out="$ASAN_BUILD_DIR/fuzz-logs"
  mkdir -p "$out"
  failed=""
  summary=""
  for exe in "$ASAN_BUILD_DIR"/fuzz/fuzz_*; do
    if [ ! -f "$exe" ] || [ ! -x "$exe" ]; then continue; fi
    name=${exe##*/fuzz_}
    if [ $# -gt 0 ]; then
      case " $* " in *" $name "*) ;; *) continue ;; esac
    fi
    corpus="$ASAN_BUILD_DIR/fuzz-corpus/$name"
    artifacts="$ASAN_BUILD_DIR/fuzz-artifacts/$name"
    mkdir -p "$corpus" "$artifacts"
    dict=""
    [ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
    seeds=""
    [ -d "tests/fuzz/corpus/$name" ] && seeds="tests/fuzz/corpus/$name"
    # Every input that ever crashed a target runs first.
    if [ -d "tests/fuzz/regressions/$name" ] && [ -n "$(ls "tests/fuzz/regressions/$name")" ]; then
      if ! "$exe" "tests/fuzz/regressions/$name"/* >"$out/$name-regressions.log" 2>&1; then
        echo "dev.sh fuzz-smoke: $name: a regression input fails again (see $out/$name-regressions.log)" >&2
        failed="$failed $name"
        continue
      fi
    fi
    echo "== fuzz $name: ${seconds}s =="
    status=0
    # shellcheck disable=SC2086
    "$exe" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" $dict "$corpus" $seeds >"$out/$name.log" 2>&1 || status=$?
    done_line=$(grep -E '^#[0-9]+' "$out/$name.log" | tail -n 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$out/$name.log")
    cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    corp=$(echo "$done_line" | sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p')
    line=$(printf '%-10s %5ss %10s execs  cov %6s  corpus %12s  rss %5s MB' \
      "$name" "$seconds" "${execs:-?}" "${cov:-?}" "${corp:-?}" "${rss:-?}")
    if [ "$status" -ne 0 ]; then
      line="$line  FAILED (exit $status)"
      failed="$failed $name"
      grep -E 'ERROR|SUMMARY|Test unit written|runtime error' "$out/$name.log" | head -n 20 >&2
    fi
    echo "$line"
    summary="$summary$line
"
  done
  echo "== fuzz-smoke summary (logs in $out) =="
  printf '%s' "$summary"
  if [ -n "$failed" ]; then
    echo "dev.sh fuzz-smoke: failed:$failed" >&2
    return 1
  fi
}

case "${1:-}" in
  deps) deps ;;
  build) shift; build "$@" ;;
  run)
    build
    echo "== reviewlint examples/ (embedded default rules) =="
    # Exit status 1 only means "findings": the examples are meant to have some.
    "$BUILD_DIR/reviewlint" examples/ || [ $? -eq 1 ]
    ;;
  test)
    build
    cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS"
    ;;
  bench)
    shift
    build -DREVIEWLINT_BUILD_BENCH=ON
    sh bench/run.sh "$BUILD_DIR" "$@"
    ;;
  asan)
    asan_build
    asan_test
    ;;
  fuzz-smoke)
    shift
    asan_build
    fuzz_smoke "$@"
    ;;
  *)
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
