#!/usr/bin/env bash
# One big ingest of many stories: the cost of `precis ingest` on N invented
# short articles in S stories (bench/ingest_many_make.py, seed 1), into a new
# store. Prints CPU seconds (user+sys) and wall seconds of the ingest, best of
# RUNS, and with CALLGRIND=1 the instructions of the whole ingest and of the
# touched-story bookkeeping (ingest.c touch(), inlined into store_article)
# under valgrind's callgrind.
#
#   N=20000 S=20000 RUNS=3 bash bench/ingest_many.sh [PRECIS_BINARY]
#   CALLGRIND=1 N=20000 S=20000 bash bench/ingest_many.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}
S=${S:-20000}
RUNS=${RUNS:-3}
P=${1:-build/precis}
[ -n "${1:-}" ] || make -j2 >/dev/null
echo "command: N=$N S=$S RUNS=$RUNS CALLGRIND=${CALLGRIND:-0} bash bench/ingest_many.sh $P"
echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); git $(git rev-parse --short HEAD 2>/dev/null || echo '?'); shared load, nice -n 10: wall times are noisy"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 bench/ingest_many_make.py "$N" "$S" 1 > "$TMP/in.jsonl"
for r in $(seq "$RUNS"); do
    rm -f "$TMP"/s.db*
    /usr/bin/time -f "%U %S %e" -o "$TMP/time" nice -n 10 "$P" ingest --db "$TMP/s.db" "$TMP/in.jsonl" > "$TMP/out"
    read -r u s e < "$TMP/time"
    printf 'run %d: cpu %.2f s (user %.2f, sys %.2f), wall %.2f s   %s\n' "$r" "$(awk "BEGIN{print $u + $s}")" "$u" "$s" "$e" "$(cat "$TMP/out")"
done
if [ "${CALLGRIND:-0}" = 1 ]; then
    rm -f "$TMP"/s.db*
    nice -n 10 valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" "$P" ingest --db "$TMP/s.db" "$TMP/in.jsonl" >/dev/null 2>"$TMP/vg"
    # (no awk `exit`: callgrind_annotate's SIGPIPE would end the script under pipefail)
    total=$(callgrind_annotate "$TMP/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
    # touch() is static and inlined into store_article: that function's self
    # cost holds its loop (or its hash lookup), plus a little bookkeeping
    sa=$(callgrind_annotate "$TMP/cg" 2>/dev/null | awk '/ingest.c:store_article/ && !done {gsub(",", "", $1); print $1; done = 1}')
    tch=$(callgrind_annotate --inclusive=yes "$TMP/cg" 2>/dev/null | awk '/ingest.c:touch/ && !done {gsub(",", "", $1); print $1; done = 1}')
    echo "callgrind: total Ir ${total:-?}; store_article self Ir (touch inlined) ${sa:-?}; touch() inclusive Ir (when not inlined) ${tch:-inlined}"
fi
