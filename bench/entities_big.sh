#!/bin/sh
# Cost of key-entity merging on one invented long article of random names and
# acronyms (bench/entities_big.py): wall and user seconds of `precis digest` for
# 10,000 and 40,000 sentences (780 KB, 3.1 MB), and the same with companies named by legal
# suffixes ("legal": the suffix merge pass). Say the machine's load when quoting.
# Usage: sh bench/entities_big.sh  (after make)
set -e
cd "$(dirname "$0")/.."
[ -x build/precis ] || { echo "build first: make" >&2; exit 1; }
OUT=${TMPDIR:-/tmp}/precis_entities_big.$$
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
echo "command: sh bench/entities_big.sh  ($(git rev-parse --short HEAD 2>/dev/null || echo '?')); load: $(cut -d' ' -f1-3 /proc/loadavg)"
PRECIS=${PRECIS:-build/precis}
for mode in names legal; do
    for n in 10000 40000; do
        python3 bench/entities_big.py "$n" 7 "$mode" > "$OUT/a.txt"
        /usr/bin/time -f "$mode, $n sentences, $(wc -c < "$OUT/a.txt") bytes: %e s wall, %U s user, %M KB" \
            nice -n 10 "$PRECIS" digest --no-progress "$OUT/a.txt" > /dev/null 2>"$OUT/err" || { cat "$OUT/err"; exit 1; }
        grep -v 'have no date' "$OUT/err" >&2 || true
    done
done
