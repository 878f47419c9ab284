#!/bin/sh
# Counts summary sentences with an odd number of quotation marks (" “ ” `` '')
# — a quote opened in another sentence, or left open — in what users read,
# and those starting in lower case (Multi-News re-cases the word after '. "'):
#  1. Multi-News val, first 400 clusters, `precis summarize --batch -w 250`;
#  2. DUC 2004, `precis summarize --batch -w 100`.
# The same counts for the build of BASE (default c1462ba, main before quote
# tracking in the splitter; built from `git archive` in a temporary directory)
# are printed in the same run. Never run by `make test`.
# Usage: sh bench/quotes.sh [BASE]     (SHOW=N prints N odd sentences per row)
set -e
cd "$(dirname "$0")/.."
DATA=${SHARED:-../shared}/data
[ -d "$DATA" ] || { echo "skip: no $DATA"; exit 0; }
BASE=${1:-c1462ba}
make -s -j2 >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
mkdir "$OUT/base"
git archive "$BASE" | tar -x -C "$OUT/base"
make -s -j2 -C "$OUT/base" build/precis >/dev/null 2>&1 || make -s -j2 -C "$OUT/base" >/dev/null
head -400 "$DATA/multinews/val.jsonl" > "$OUT/mn400.jsonl"
count() { # label file
    python3 - "$1" "$2" "${SHOW:-0}" <<'PY'
import json, re, sys
Q = re.compile(r'``|\'\'|"|\u201c|\u201d')
n = odd = low = 0
shown = []
for line in open(sys.argv[2]):
    for s in json.loads(line)['sentences']:
        n += 1
        low += s['text'][:1].islower()
        if len(Q.findall(s['text'])) % 2:
            odd += 1
            shown.append(s['text'])
print('%-34s %5d sentences %4d odd-quote (%.1f %%) %4d lower-case starts' % (sys.argv[1], n, odd, 100.0 * odd / max(n, 1), low))
for t in shown[:int(sys.argv[3])]: print('    ' + t[:200])
PY
}
for sys_name in base head; do
    if [ $sys_name = base ]; then P=$OUT/base/build/precis; else P=./build/precis; fi
    label="$sys_name ($(if [ $sys_name = base ]; then echo "$BASE"; else git rev-parse --short HEAD; fi))"
    echo "\$ $P summarize --batch -w 250 val.jsonl[first 400]"
    $P summarize --batch -w 250 "$OUT/mn400.jsonl" > "$OUT/mn.jsonl" 2>/dev/null || true
    count "$label Multi-News val 400, 250w" "$OUT/mn.jsonl"
    echo "\$ $P summarize --batch -w 100 $DATA/duc2004/docs"
    $P summarize --batch -w 100 "$DATA/duc2004/docs" > "$OUT/duc.jsonl" 2>/dev/null || true
    count "$label DUC 2004, 100w" "$OUT/duc.jsonl"
done
