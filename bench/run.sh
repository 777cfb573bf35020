#!/bin/sh
# The whole-binary benchmark: generates a deterministic corpus, then prints every target of the
# speed issue with its figure and the target beside it: throughput (with `wc -w` on the same file
# in the same run and the ratio), start-up to the first diagnostic on a 2 KB draft (embedded rules
# and a user pack from --rules-dir), LSP re-lint of a 10 KB draft, peak memory, -j 2 against -j 1
# on a folder of drafts (output checked byte for byte), and the team report's HTML size.
#   sh bench/run.sh BUILD_DIR [--full] [--anchors]      (sh dev.sh bench [--full] [--anchors])
#   --full     also the memory bounds on 100 MB: 50,000 drafts of 2 KB and one 100 MB file
#              (each takes tens of seconds)
#   --anchors  installs write-good and retext-intensify (with retext) from npm into a temporary
#              prefix and times them on the throughput corpus in the same run; skips when node
#              or npm is missing
# Environment: BENCH_MB (default 12), BENCH_FILES (default 5000), BENCH_DIR (default
# /tmp/reviewlint-bench).
set -eu
B=${1:-build}
[ $# -gt 0 ] && shift
FULL=no
ANCHORS=no
for a in "$@"; do
  case "$a" in
    --full) FULL=yes ;;
    --anchors) ANCHORS=yes ;;
    *) echo "bench/run.sh: unknown option $a (want --full, --anchors)" >&2; exit 2 ;;
  esac
done
BIN=$B/reviewlint
GEN=$B/bench/reviewlint-gen-corpus
HERE=$(dirname "$0")
MB=${BENCH_MB:-12}
FILES=${BENCH_FILES:-5000}
D=${BENCH_DIR:-/tmp/reviewlint-bench}
mkdir -p "$D"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f", (b / 1048576) / (ns / 1e9) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# best_ns CMD...: the fastest of three runs of CMD (output discarded), in nanoseconds.
best_ns() {
  best=0
  for _ in 1 2 3; do
    t0=$(now); "$@" > /dev/null 2>&1; t1=$(now)
    d=$((t1 - t0)); if [ $best -eq 0 ] || [ $d -lt $best ]; then best=$d; fi
  done
  echo $best
}
# median_ms CMD...: the median of 21 runs of CMD (whole process), in milliseconds. A first run
# outside the timing stops the benchmark if CMD fails.
median_ms() {
  "$@" > /dev/null
  for _ in $(seq 1 21); do
    t0=$(now); "$@" > /dev/null; t1=$(now); echo $(( (t1 - t0) / 1000 ))
  done | sort -n | sed -n 11p | awk '{ printf "%.1f", $1 / 1000 }'
}
# peak_kb CMD...: the peak resident set of CMD, in KB.
peak_kb() {
  /usr/bin/time -f "%M" -o "$D/time.out" "$@" > /dev/null || true
  tail -n 1 "$D/time.out"
}

corpus() {
  [ -f "$D/corpus-$MB.md" ] || "$GEN" file "$D/corpus-$MB.md" "$MB" 1
  [ -d "$D/folder-$FILES" ] || "$GEN" folder "$D/folder-$FILES" "$FILES" 2048 2
  "$GEN" folder "$D/one" 1 2048 3
  mkdir -p "$D/pack"
  # A user pack for the --rules-dir start-up: one phrase rule and one pattern rule.
  cat > "$D/pack/team.json" <<'EOF'
{"pack": "team", "rules": [
  {"id": "synergy", "kind": "phrase", "severity": "info", "phrases": ["synergy", "circle back"],
   "message": "m", "why": "w", "instead": "i",
   "examples": {"bad": ["Great synergy."], "good": ["Great sync."]}},
  {"id": "ticket", "kind": "pattern", "severity": "info", "patterns": ["\\bJIRA-[0-9]+\\b"],
   "message": "m", "why": "w", "instead": "i",
   "examples": {"bad": ["See JIRA-12."], "good": ["See the ticket."]}}]}
EOF
  BYTES=$(wc -c < "$D/corpus-$MB.md")
  echo "corpus: $D/corpus-$MB.md, $BYTES bytes; folder: $FILES drafts of 2 KB"
}

throughput() {
  f="$D/corpus-$MB.md"
  rl=$(best_ns "$BIN" -j 1 --fail-on never --max-findings 0 -q "$f")
  js=$(best_ns "$BIN" -j 1 --fail-on never --max-findings 0 --format json "$f")
  wc=$(best_ns wc -w "$f")
  RL=$(mbps "$BYTES" "$rl"); JS=$(mbps "$BYTES" "$js"); WC=$(mbps "$BYTES" "$wc")
  echo "throughput (-j 1, all packs, best of 3): reviewlint $RL MB/s (target >= 50), --format json $JS MB/s; wc -w $WC MB/s; wc -w / reviewlint $(ratio "$WC" "$RL")x"
  RL_NS=$rl
}

startup() {
  f="$D/one/review-00000.md"
  e=$(median_ms "$BIN" --fail-on never -q "$f")
  u=$(median_ms "$BIN" --fail-on never -q --rules-dir "$D/pack" "$f")
  echo "start-up to first diagnostic, 2 KB draft (median of 21, whole process): embedded rules $e ms (target <= 10); with --rules-dir user pack $u ms (target <= 15)"
}

relint() {
  "$B/bench/reviewlint_bench" --benchmark_filter='Relint10KB' --benchmark_format=csv 2>/dev/null |
    awk -F, '/Relint10KB/ { printf "LSP re-lint of a 10 KB draft: %.3f ms (target <= 0.3)\n", $3 }'
}

memory() {
  if [ ! -x /usr/bin/time ]; then echo "peak RSS: skipped (/usr/bin/time is missing)"; return; fi
  echo "peak RSS: $(peak_kb "$BIN" -j 1 --fail-on never -q "$D/corpus-$MB.md") KB for one $MB MB file; $(peak_kb "$BIN" -j 2 --fail-on never -q "$D/folder-$FILES") KB for $FILES drafts (-j 2)"
  if [ "$FULL" = no ]; then
    echo "peak RSS on 100 MB: skipped (--full runs it: 50,000 drafts, target <= 50 MB; one 100 MB file, target <= 500 MB)"
    return
  fi
  [ -d "$D/folder-50000" ] || "$GEN" folder "$D/folder-50000" 50000 2048 2
  [ -f "$D/corpus-100.md" ] || "$GEN" file "$D/corpus-100.md" 100 1
  kb=$(peak_kb "$BIN" -j 2 --fail-on never -q "$D/folder-50000")
  echo "peak RSS, 50,000 drafts ($(find "$D/folder-50000" -type f -exec cat {} + | wc -c) bytes, -j 2): $((kb / 1024)) MB (target <= 50)"
  kb=$(peak_kb "$BIN" -j 1 --fail-on never -q "$D/corpus-100.md")
  echo "peak RSS, one 100 MB file: $((kb / 1024)) MB (target <= 500)"
}

scaling() {
  t0=$(now); "$BIN" -j 1 --fail-on never --format json "$D/folder-$FILES" > "$D/j1.out"; t1=$(now)
  t2=$(now); "$BIN" -j 2 --fail-on never --format json "$D/folder-$FILES" > "$D/j2.out"; t3=$(now)
  same=no; cmp -s "$D/j1.out" "$D/j2.out" && same=yes
  echo "folder of $FILES drafts: -j 1 $(ms "$t0" "$t1") ms, -j 2 $(ms "$t2" "$t3") ms, speed-up $(ratio $((t1 - t0)) $((t3 - t2)))x (target >= 1.8), output byte-identical: $same"
}

# The team report over the folder: time, and the size of its HTML page.
report() {
  t0=$(now); "$BIN" report -j 2 --html "$D/report.html" "$D/folder-$FILES" > /dev/null; t1=$(now)
  echo "report of $FILES drafts: $(ms "$t0" "$t1") ms with -j 2, HTML $(wc -c < "$D/report.html") bytes (target < 2 MB)"
}

# The JavaScript anchors of the issue on the same corpus, whole process, best of three.
anchors() {
  [ "$ANCHORS" = yes ] || return 0
  if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1; then
    echo "anchors: skipped (node or npm is missing)"
    return 0
  fi
  prefix=$(mktemp -d /tmp/reviewlint-anchors-XXXXXX)
  if ! npm install --prefix "$prefix" --no-audit --no-fund --silent write-good retext \
    retext-intensify > "$prefix/npm.log" 2>&1; then
    echo "anchors: skipped (npm install failed, see $prefix/npm.log)"
    return 0
  fi
  cp "$HERE/anchors.mjs" "$prefix/"
  for tool in write-good retext-intensify; do
    ns=$(best_ns node "$prefix/anchors.mjs" "$tool" "$D/corpus-$MB.md")
    echo "anchor $tool: $(mbps "$BYTES" "$ns") MB/s; reviewlint is $(ratio "$ns" "$RL_NS")x faster"
  done
  rm -rf "$prefix"
}

corpus
throughput
anchors
startup
relint
memory
scaling
report
