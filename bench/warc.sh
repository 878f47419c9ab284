#!/bin/sh
# bench/warc.sh — `precis extract` streaming a WARC.gz: time and peak memory for
# a small and a ~1 GB file built from the trafilatura benchmark pages (5 and 36
# copies, one gzip member per record), to show memory does not grow with the
# file. Needs ../shared/data and python3; never run by `make test`.
#   usage: sh bench/warc.sh
set -e
cd "$(dirname "$0")/.."
PAGES=${PRECIS_SHARED:-../shared}/data/extraction/trafilatura/eval
[ -d "$PAGES" ] || { echo "no $PAGES (skipping)"; exit 0; }
make -s -j2 build/precis
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for reps in 5 36; do
    python3 bench/warc_make.py "$PAGES" "$T/pages.warc.gz" "$reps"
    size=$(stat -c %s "$T/pages.warc.gz")
    /usr/bin/time -f '%e %U %M' -o "$T/time" build/precis extract --no-progress "$T/pages.warc.gz" > "$T/out.jsonl"
    read -r wall user rss < "$T/time"
    echo "$(wc -l < "$T/out.jsonl") pages from $((size / 1048576)) MiB WARC.gz: ${wall} s wall, ${user} s user, max RSS $((rss / 1024)) MiB"
    rm -f "$T/pages.warc.gz"
done
echo "command: sh bench/warc.sh   ($(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
