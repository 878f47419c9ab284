#!/bin/sh
# Measures `precis summarize` (never run by `make test`):
#  1. DUC 2004 task 2, 100 words, scored by `precis eval rouge` in the stem_l100
#     setting, side by side with the 13 published systems' outputs (peers/) in
#     the same run;
#  2. Multi-News val, 250 words, ROUGE-1/2/SU4 F, against baselines computed in
#     the same run (Lead-250-words, First-k-per-document, LexRank:
#     bench/mn_baselines.py);
#  3. speed: ms per cluster (CLI batch, in-process per cluster with
#     bench/summarize_timer.c, per invocation), words/s, and Debian's `ots` on the
#     same DUC inputs.
# Usage: sh bench/summarize.sh [duc|multinews|speed]...   (default: all three)
# Needs ../shared/data; installs ots with apt-get when missing (speed part).
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DATA=$SHARED/data
P=./build/precis
[ -d "$DATA" ] || { echo "skip: no $DATA"; exit 0; }
make -s -j2 >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
PARTS=${*:-duc multinews speed}
now_ms() { date +%s%3N; }

# Prints "system R1 R2" rows (recall or F) from eval rouge's text output, best R-2 first.
table() { # stat (R or F)
    awk -v stat="Average_$1:" '$3 == stat && ($2 == "ROUGE-1" || $2 == "ROUGE-2" || $2 == "ROUGE-SU4") {v[$1, $2] = $4; s[$1] = 1}
        END {for (x in s) printf "%-12s %8.5f %8.5f %8.5f\n", x, v[x, "ROUGE-1"], v[x, "ROUGE-2"], v[x, "ROUGE-SU4"]}' |
        sort -k3,3nr
}

for part in $PARTS; do case $part in
duc)
    echo "== DUC 2004 task 2: 50 clusters x 10 articles, 100 words, recall"
    CMD="$P summarize --batch -w 100 -o $OUT/duc_raw $DATA/duc2004/docs"
    echo "\$ $CMD"
    t0=$(now_ms); $CMD; t1=$(now_ms)
    # the same with sentence compression (--compress), as its own system
    echo "\$ $CMD --compress (precis_compress)"
    $CMD --compress -o "$OUT/duc_raw_c" > /dev/null
    mkdir -p "$OUT/duc/precis" "$OUT/duc/precis_compress"
    for f in "$OUT"/duc_raw/*.txt; do b=$(basename "$f" .txt); cp "$f" "$OUT/duc/precis/${b%t}.txt"; done
    for f in "$OUT"/duc_raw_c/*.txt; do b=$(basename "$f" .txt); cp "$f" "$OUT/duc/precis_compress/${b%t}.txt"; done
    EVAL="$P eval rouge -n 4 -2 4 -u -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a --models $DATA/duc2004/models --peers $OUT/duc --peers $DATA/duc2004/peers"
    echo "\$ $EVAL"
    echo "system           R-1      R-2    R-SU4   (stem_l100, recall)"
    $EVAL 2>&1 | table R
    echo "summarize wall time for 50 clusters (incl. reading): $((t1 - t0)) ms"
    ;;
multinews)
    echo "== Multi-News val: 5,622 clusters, 250 words, F (-n 2 -2 4 -u -m -f A -p 0.5 -t 0)"
    CMD="$P summarize --batch -w 250 $DATA/multinews/val.jsonl"
    echo "\$ $CMD > precis.jsonl"
    # clusters with no usable sentence are named on stderr (not an error); exit 2 if an input was refused
    t0=$(now_ms); $CMD > "$OUT/precis_raw.jsonl" || echo "(precis exit $?: see the clusters named above)"; t1=$(now_ms)
    echo "\$ $CMD --compress > precis_compress.jsonl"
    $CMD --compress > "$OUT/precis_compress_raw.jsonl" 2> /dev/null || true
    # eval reads one sentence per line from "summary": rebuild it from "sentences";
    # a cluster precis declined (no usable sentence: only debris) scores as an
    # empty summary, not skipped, so the average covers all 5,622 like the baselines'
    for sys_name in precis precis_compress; do python3 -c "
import json, sys
got = {}
for l in open('$OUT/${sys_name}_raw.jsonl'):
    o = json.loads(l)
    got[str(o['id'])] = '\n'.join(s['text'] for s in o['sentences'])
empty = 0
with open('$OUT/$sys_name.jsonl', 'w') as f:
    for l in open('$DATA/multinews/val.jsonl'):
        i = json.loads(l)['id']
        empty += str(i) not in got
        f.write(json.dumps({'id': i, 'summary': got.get(str(i), '')}) + '\n')
print('$sys_name declined %d clusters (scored as empty summaries)' % empty)"; done
    echo "\$ python3 bench/mn_baselines.py $DATA/multinews/val.jsonl 250 OUT"
    python3 bench/mn_baselines.py "$DATA/multinews/val.jsonl" 250 "$OUT"
    EVAL="$P eval rouge -n 2 -2 4 -u -m -f A -p 0.5 -t 0 -r 100 --refs $DATA/multinews/val.jsonl --summaries $OUT/precis.jsonl --summaries $OUT/precis_compress.jsonl --summaries $OUT/lead_words.jsonl --summaries $OUT/first_k.jsonl --summaries $OUT/lexrank.jsonl"
    echo "\$ $EVAL"
    echo "system           R-1      R-2    R-SU4   (F)"
    $EVAL 2>&1 | table F
    echo "summarize wall time for 5,622 clusters: $((t1 - t0)) ms"
    ;;
speed)
    echo "== Speed on DUC 2004 (50 clusters, 500 articles)"
    WORDS=$(cat "$DATA"/duc2004/docs/*/* | wc -w)
    # best of 3 (the machine may be shared); CPU time from /usr/bin/time when present
    for i in 1 2 3; do
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%e %U %S" -o "$OUT/time.$i" $P summarize --batch -w 100 -o "$OUT/speed" "$DATA/duc2004/docs"
        else
            t0=$(now_ms); $P summarize --batch -w 100 -o "$OUT/speed" "$DATA/duc2004/docs"; t1=$(now_ms)
            echo "$(awk "BEGIN{print ($t1 - $t0) / 1000}") 0 0" > "$OUT/time.$i"
        fi
    done
    sort -n "$OUT"/time.* | head -1 | awk -v w="$WORDS" '{printf "precis summarize --batch -w 100 docs, best of 3: %.3f s wall (%.3f s user+sys) for 50 clusters = %.2f ms/cluster, %d words/s (%d input words)\n", $1, $2 + $3, $1 * 1000 / 50, w / $1, w}'
    # in-process time per cluster (read + summarize, no process start): bench/summarize_timer.c
    cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc bench/summarize_timer.c build/libprecis.a \
        $(pkg-config --libs $(sed -n 's/^PKGS := //p' Makefile)) -lstemmer -lm -o "$OUT/summarize_timer"
    echo "\$ summarize_timer $DATA/duc2004/docs/*/   (best of 3 runs by median CPU)"
    for i in 1 2 3; do "$OUT/summarize_timer" "$DATA"/duc2004/docs/*/ | tail -1; done |
        sort -k7,7n | head -1 | sed 's/^/precis in-process, /'
    echo "\$ summarize_timer --compress $DATA/duc2004/docs/*/   (best of 3 runs by median CPU)"
    for i in 1 2 3; do "$OUT/summarize_timer" --compress "$DATA"/duc2004/docs/*/ | tail -1; done |
        sort -k7,7n | head -1 | sed 's/^/precis --compress in-process, /'
    # per-cluster invocations (includes process start) for the median
    for d in "$DATA"/duc2004/docs/*/; do
        t0=$(date +%s%N); $P summarize -w 100 "$d" > /dev/null; t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000 ))
    done | sort -n | awk '{a[NR] = $1} END {printf "precis per-cluster invocation (incl. process start): median %.2f ms\n", a[int((NR + 1) / 2)] / 1000}'
    if ! command -v ots > /dev/null; then
        echo "(installing ots for the comparison)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ots > /dev/null 2>&1 || true
    fi
    if command -v ots > /dev/null; then
        # ots summarizes one text: give it each cluster's articles concatenated.
        for d in "$DATA"/duc2004/docs/*/; do cat "$d"/* > "$OUT/ots_$(basename "$d").txt"; done
        t0=$(now_ms)
        for f in "$OUT"/ots_*.txt; do ots -r 5 "$f" > /dev/null; done
        t1=$(now_ms)
        echo "ots -r 5 on the same 50 concatenated clusters: $((t1 - t0)) ms = $(awk "BEGIN{printf \"%d\", $WORDS / (($t1 - $t0) / 1000.0)}") words/s"
    else
        echo "ots not available: no comparison"
    fi
    ;;
*) echo "unknown part '$part' (duc, multinews, speed)"; exit 1 ;;
esac; done
