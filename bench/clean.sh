#!/bin/sh
# bench/clean.sh — text-mode cleaning benchmark (issue 6). Never run by `make test`.
#
# Renders each page of ../shared/data/extraction/trafilatura/ to the text a user
# would copy from a browser (`w3m -dump`, cached under build/bench/w3m/), runs
# `precis clean` on each rendered text, and scores both the rendered text itself
# (the keep-everything baseline) and precis's output with trafilatura's segment
# method (bench/segscore.c). Prints P/R/F1/accuracy for both, and ms/page.
#
# Usage: bench/clean.sh [extra precis clean options]
#   BENCH_LIST=file   score only the pages named in file (one file name a line)
#   SEGSCORE_MISSES=1 print every missed/extra segment to stderr
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/extraction/trafilatura}
B=$ROOT/build/bench
PRECIS=$ROOT/build/precis
if [ ! -f "$DATA/evaldata.json" ]; then
    echo "skip - bench/clean.sh (no $DATA)"; exit 0
fi
for tool in w3m jq; do
    if ! command -v $tool >/dev/null 2>&1; then
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
        $SUDO apt-get install -y -qq $tool >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $tool >/dev/null; }
    fi
done
[ -x "$PRECIS" ] || make -C "$ROOT" -j2 >/dev/null
mkdir -p "$B/w3m" "$B/clean"
cc -O2 -o "$B/segscore" "$ROOT/bench/segscore.c" $(pkg-config --cflags --libs jansson)
# the cleaner alone on texts in memory (bench/clean_timer.c): MB/s of CPU time
make -C "$ROOT" -j2 build/libprecis.a >/dev/null
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -I"$ROOT/include" -I"$ROOT/src" "$ROOT/bench/clean_timer.c" \
    "$ROOT/build/libprecis.a" $(pkg-config --libs $(sed -n 's/^PKGS := //p' "$ROOT/Makefile")) \
    -lstemmer -lm -o "$B/clean_timer"

# 1. render (cached)
jq -r 'to_entries[] | .value.file' "$DATA/evaldata.json" > "$B/files.txt"
rendered=0
while IFS= read -r f; do
    out="$B/w3m/$f.txt"
    [ -f "$out" ] && continue
    src="$DATA/eval/$f.gz"; [ -f "$src" ] || src="$DATA/cache/$f.gz"
    [ -f "$src" ] || continue
    gzip -dc "$src" | w3m -dump -T text/html -O UTF-8 > "$out" 2>/dev/null || true
    rendered=$((rendered + 1))
done < "$B/files.txt"
[ $rendered -gt 0 ] && echo "rendered $rendered pages with w3m -dump -T text/html -O UTF-8 into $B/w3m"

LIST=""
if [ -n "$BENCH_LIST" ]; then
    { echo; cat "$BENCH_LIST"; echo; } > "$B/list.txt"; LIST="$B/list.txt"
fi

# 2. clean each rendered page on its own
rm -f "$B/clean/"*.txt
start=$(date +%s%N)
pages=0
while IFS= read -r f; do
    [ -f "$B/w3m/$f.txt" ] || continue
    "$PRECIS" clean "$@" "$B/w3m/$f.txt" > "$B/clean/$f.txt" 2>/dev/null || true
    pages=$((pages + 1))
done < "$B/files.txt"
end=$(date +%s%N)
bytes=$(cat "$B/w3m/"*.txt | wc -c)

# 3. the same pages in one process (no per-process start-up): throughput
start2=$(date +%s%N)
"$PRECIS" clean "$@" --format jsonl "$B/w3m" > "$B/batch.jsonl" 2>/dev/null || true
end2=$(date +%s%N)

# 4. peer in the same run: precis extract on the HTML itself (when built)
EXTRACT=""
rm -f "$B/extract.jsonl.tmp"
if "$PRECIS" extract --help >/dev/null 2>&1; then
    : > "$B/extract_names.txt"
    while IFS= read -r f; do
        src="$DATA/eval/$f.gz"; [ -f "$src" ] || src="$DATA/cache/$f.gz"
        [ -f "$src" ] || continue
        echo "$f" >> "$B/extract_names.txt"
        # one page at a time: a page without an article still gets its (empty) line
        "$PRECIS" extract --no-progress -f json "$src" 2>/dev/null | tr -d '\n' >> "$B/extract.jsonl.tmp" || true
        echo >> "$B/extract.jsonl.tmp"
    done < "$B/files.txt"
    mv "$B/extract.jsonl.tmp" "$B/extract.jsonl"
    EXTRACT=1
fi

echo "command: bench/clean.sh $*   (data: $DATA/evaldata.json, $pages pages, $bytes bytes of rendered text)"
printf 'keep everything (w3m -dump text):  '; "$B/segscore" "$DATA/evaldata.json" "$B/w3m" $LIST
printf 'precis clean (one process a page): '; "$B/segscore" "$DATA/evaldata.json" "$B/clean" $LIST
printf 'precis clean DIR (batch, learns boilerplate across pages): '; "$B/segscore" "$DATA/evaldata.json" --jsonl "$B/batch.jsonl" $LIST
[ -n "$EXTRACT" ] && { printf 'precis extract on the HTML (peer):  '; SEGSCORE_NAMES="$B/extract_names.txt" "$B/segscore" "$DATA/evaldata.json" --jsonl "$B/extract.jsonl" $LIST; }
awk -v ns=$((end - start)) -v p=$pages 'BEGIN { printf "time: %.2f ms/page including process start-up\n", ns / 1e6 / p }'
awk -v ns=$((end2 - start2)) -v p=$pages -v b=$bytes 'BEGIN { printf "time: %.3f ms/page, %.1f MB/s wall clock in one batch process (precis clean --format jsonl DIR: reading, cleaning, learning, JSON)\n", ns / 1e6 / p, b / (ns / 1e9) / 1e6 }'
printf 'cleaner alone (bench/clean_timer, pcl_clean on the texts in memory, CPU time): '
find "$B/w3m" -name '*.txt' -print0 | xargs -0 "$B/clean_timer"
