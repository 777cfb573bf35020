#!/bin/sh
# The whole-binary benchmark: generates a deterministic corpus, then prints throughput (MB/s,
# with `wc -w` on the same file in the same run for the ratio), start-up time on a 2 KB draft,
# re-lint time of a 10 KB draft, peak memory, -j scaling on a folder of drafts, and the size of
# the team report's HTML page for that folder.
#   sh bench/run.sh BUILD_DIR        (sh dev.sh bench runs it)
# Environment: BENCH_MB (default 12), BENCH_FILES (default 5000), BENCH_BIG_FILES (default 50000:
# about 100 MB in 2 KB drafts, for the memory bound; 0 skips it), BENCH_DIR (default
# /tmp/reviewlint-bench).
set -eu
B=${1:-build}
BIN=$B/reviewlint
GEN=$B/bench/reviewlint-gen-corpus
MB=${BENCH_MB:-12}
FILES=${BENCH_FILES:-5000}
BIG=${BENCH_BIG_FILES:-50000}
D=${BENCH_DIR:-/tmp/reviewlint-bench}
mkdir -p "$D"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f", (b / 1048576) / (ns / 1e9) }'; }

[ -f "$D/corpus-$MB.md" ] || "$GEN" file "$D/corpus-$MB.md" "$MB" 1
[ -d "$D/folder-$FILES" ] || "$GEN" folder "$D/folder-$FILES" "$FILES" 2048 2
"$GEN" folder "$D/one" 1 2048 3
BYTES=$(wc -c < "$D/corpus-$MB.md")
echo "corpus: $D/corpus-$MB.md, $BYTES bytes; folder: $FILES drafts of 2 KB"

# Throughput, one thread, all default packs and document checks. Best of three.
best=0
for i in 1 2 3; do
  t0=$(now); "$BIN" -j 1 --fail-on never -q "$D/corpus-$MB.md" > /dev/null; t1=$(now)
  d=$((t1 - t0)); if [ $best -eq 0 ] || [ $d -lt $best ]; then best=$d; fi
done
wbest=0
for i in 1 2 3; do
  t0=$(now); wc -w "$D/corpus-$MB.md" > /dev/null; t1=$(now)
  d=$((t1 - t0)); if [ $wbest -eq 0 ] || [ $d -lt $wbest ]; then wbest=$d; fi
done
RL=$(mbps "$BYTES" "$best"); WC=$(mbps "$BYTES" "$wbest")
echo "throughput: reviewlint $RL MB/s, wc -w $WC MB/s, ratio $(awk -v a="$RL" -v b="$WC" 'BEGIN { printf "%.2f", a / b }') (target >= 50 MB/s)"

# Start-up to first diagnostic on a 2 KB draft: median of 21 runs.
for i in $(seq 1 21); do
  t0=$(now); "$BIN" --fail-on never -q "$D/one/review-00000.md" > /dev/null; t1=$(now); echo $(( (t1 - t0) / 1000 ))
done | sort -n | sed -n 11p | awk '{ printf "start-up: %.1f ms (2 KB draft, median of 21; target < 15 ms)\n", $1 / 1000 }'

# Peak memory.
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak RSS: %M KB for one $MB MB file" "$BIN" -j 1 --fail-on never -q "$D/corpus-$MB.md" > /dev/null
  /usr/bin/time -f "peak RSS: %M KB for $FILES files (-j 2)" "$BIN" -j 2 --fail-on never -q "$D/folder-$FILES" > /dev/null
  if [ "$BIG" -gt 0 ]; then
    [ -d "$D/folder-$BIG" ] || "$GEN" folder "$D/folder-$BIG" "$BIG" 2048 2
    BIGBYTES=$(find "$D/folder-$BIG" -type f -exec cat {} + | wc -c)
    t0=$(now)
    /usr/bin/time -f "peak RSS: %M KB for $BIG files, $BIGBYTES bytes (-j 2; target < 50 MB)" \
      "$BIN" -j 2 --fail-on never -q "$D/folder-$BIG" > /dev/null
    t1=$(now)
    echo "folder of $BIG: $(mbps "$BIGBYTES" $((t1 - t0))) MB/s with -j 2"
  fi
fi

# Folders: -j 1 against -j 2, and the output must be identical.
t0=$(now); "$BIN" -j 1 --fail-on never --format line "$D/folder-$FILES" > "$D/j1.out"; t1=$(now)
t2=$(now); "$BIN" -j 2 --fail-on never --format line "$D/folder-$FILES" > "$D/j2.out"; t3=$(now)
same=no; cmp -s "$D/j1.out" "$D/j2.out" && same=yes
echo "folder of $FILES: -j 1 $(ms "$t0" "$t1") ms, -j 2 $(ms "$t2" "$t3") ms, speed-up $(awk -v a=$((t1 - t0)) -v b=$((t3 - t2)) 'BEGIN { printf "%.2f", a / b }'), output identical: $same"

# The team report over the folder: time, and the size of its HTML page (distributions, not one
# bar per draft, above a few dozen drafts).
t0=$(now); "$BIN" report -j 2 --html "$D/report.html" "$D/folder-$FILES" > /dev/null; t1=$(now)
echo "report of $FILES drafts: $(ms "$t0" "$t1") ms with -j 2, HTML $(wc -c < "$D/report.html") bytes (target < 2 MB)"

# Re-lint of a 10 KB draft already in memory (the LSP path), and the stages.
"$B/bench/reviewlint_bench" --benchmark_filter='Relint10KB|Markdown|Segmentation|Parse|LintParsed|Emit' 2>/dev/null
