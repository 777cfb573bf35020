#!/bin/sh
# The project's one entry point for people and CI. Works on a fresh Debian 12 (bookworm) machine,
# even a minimal one with no compiler: it installs what it needs with apt-get first.
#
#   sh dev.sh run      install, build (Release), lint examples/ with the embedded default rules
#   sh dev.sh test     install, build, run the whole test suite
#   sh dev.sh build    install and build only
#   sh dev.sh bench    install, build, run the benchmarks (prints MB/s, start-up, re-lint, RSS)
#   sh dev.sh deps     install the build dependencies only
#
# Environment: BUILD_DIR (default build), JOBS (default: the number of cores).
set -eu

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

PACKAGES="g++ cmake ninja-build pkg-config libre2-dev nlohmann-json3-dev libcli11-dev libicu-dev libgtest-dev libstemmer-dev libbenchmark-dev"

deps() {
  missing=""
  for p in $PACKAGES; do
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

build() {
  deps
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
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
    build -DREVIEWLINT_BUILD_BENCH=ON
    sh bench/run.sh "$BUILD_DIR"
    ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
