#!/bin/sh
# Does a summary depend on the order its articles are given in? (issue #4)
# For each seed, every DUC 2004 docset's files are linked into a temporary
# directory under names that put them in a shuffled order (NN-<name>; the
# directory is walked in natural order), and the batch is run on it:
#   precis summarize --batch -w 100 -o SUMS DOCS      (one sentence per line)
#   precis summarize --batch -w 100 DOCS              (JSON Lines: attribution)
# Prints, per order, ROUGE-1/2/SU4 recall as bench/summarize.sh scores DUC
# (stem_l100), then how many of the 50 summaries differ from the given
# (natural) order's: the text byte by byte, the JSON with each sentence's
# document and also_in set (the NN- prefixes taken off), and the JSON of
#   precis summarize --format json -w 100 FILE...   (the files in the seed's order)
# Usage: sh bench/order.sh [SEED...]   (default seeds 1 2 3 4 5; PRECIS=path
# to another build). Never run by `make test`.
set -e
cd "$(dirname "$0")/.."
DATA=${SHARED:-../shared}/data
[ -d "$DATA/duc2004/docs" ] || { echo "skip: no $DATA/duc2004"; exit 0; }
if [ -z "$PRECIS" ]; then make -s -j2 >/dev/null; fi
P=${PRECIS:-./build/precis}
SEEDS=${*:-1 2 3 4 5}
OUT=$(mktemp -d /tmp/precis-order.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
DOCS=$(cd "$DATA/duc2004/docs" && pwd)

# Summaries of one order: text into $OUT/txt/NAME, JSON Lines into $OUT/NAME.jsonl,
# ROUGE peers (d30001t -> d30001.txt, as bench/summarize.sh) into $OUT/peers/NAME.
run_order() { # name docs-dir
    $P summarize --batch -w 100 -o "$OUT/txt/$1" "$2"
    $P summarize --batch -w 100 "$2" > "$OUT/$1.jsonl"
    mkdir -p "$OUT/peers/$1"
    for f in "$OUT/txt/$1"/*.txt; do b=$(basename "$f" .txt); cp "$f" "$OUT/peers/$1/${b%t}.txt"; done
}

mkdir -p "$OUT/txt"
echo "\$ $P summarize --batch -w 100 -o SUMS $DATA/duc2004/docs   (given order)"
run_order given "$DOCS"
for seed in $SEEDS; do
    python3 - "$DOCS" "$OUT/docs$seed" "$seed" <<'PY'
import os, random, sys
src, dst, seed = sys.argv[1:]
for d in sorted(os.listdir(src)):
    files = sorted(os.listdir(os.path.join(src, d)))
    random.Random('%s:%s' % (seed, d)).shuffle(files)
    os.makedirs(os.path.join(dst, d))
    for k, f in enumerate(files):
        os.symlink(os.path.join(src, d, f), os.path.join(dst, d, '%02d-%s' % (k, f)))
PY
    echo "\$ $P summarize --batch -w 100 -o SUMS shuffled-docs   (seed $seed)"
    run_order "seed$seed" "$OUT/docs$seed"
done

EVAL="$P eval rouge -n 4 -2 4 -u -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a --models $DATA/duc2004/models --peers $OUT/peers"
echo "\$ $EVAL"
echo "order            R-1      R-2    R-SU4   (stem_l100, recall)"
$EVAL 2>&1 | awk '$3 == "Average_R:" && ($2 == "ROUGE-1" || $2 == "ROUGE-2" || $2 == "ROUGE-SU4") {v[$1, $2] = $4; s[$1] = 1}
    END {for (x in s) printf "%-12s %8.5f %8.5f %8.5f\n", x, v[x, "ROUGE-1"], v[x, "ROUGE-2"], v[x, "ROUGE-SU4"]}' | sort

# The JSON with prefixes cut: per cluster, each sentence's text, document and
# sorted also_in (the display order of also_in may follow the input).
canon() {
    python3 - "$1" <<'PY'
import json, re, sys
cut = lambda i: re.sub(r'^[0-9]{2}-', '', i)
for line in open(sys.argv[1]):
    o = json.loads(line)
    print(json.dumps([o['id'], [[s['text'], cut(s['doc']), sorted(map(cut, s['also_in']))] for s in o['sentences']]]))
PY
}
# What a user sees who names the same files in another order: each docset's
# files as arguments, in the seed's order, under their own names (the batch's
# NN- names differ per order, and DUC docsets hold byte-identical files, of
# which the one shown is then chosen by name).
by_args() { # seed ("given": natural order) -> one canonical JSON line per docset
    seed_=$1
    for d in "$DOCS"/*/; do
        set -- $(python3 -c "
import os, random, sys
d, seed = sys.argv[1:]
f = sorted(os.listdir(d), key=lambda x: (len(x), x))
if seed != 'given': random.Random('%s:%s' % (seed, os.path.basename(d.rstrip('/')))).shuffle(f)
print(' '.join(os.path.join(d, x) for x in f))" "$d" "$seed_")
        $P summarize --format json -w 100 "$@" | python3 -c "
import json, sys
o = json.load(sys.stdin)
print(json.dumps([[s['text'], s['doc'], sorted(s['also_in'])] for s in o['sentences']]))"
    done
}
canon "$OUT/given.jsonl" > "$OUT/given.canon"
by_args given > "$OUT/given.args"
n=$(ls "$OUT/txt/given" | wc -l)
differ() { paste -d '\n' "$1" "$2" | awk 'NR % 2 {a = $0; next} $0 != a {d++} END {print d + 0}'; }
for seed in $SEEDS; do
    t=0
    for f in "$OUT/txt/given"/*.txt; do cmp -s "$f" "$OUT/txt/seed$seed/$(basename "$f")" || t=$((t + 1)); done
    canon "$OUT/seed$seed.jsonl" > "$OUT/seed$seed.canon"
    by_args "$seed" > "$OUT/seed$seed.args"
    echo "seed $seed: of $n summaries, $t differ from the given order's in text (batch), $(differ "$OUT/given.canon" "$OUT/seed$seed.canon") in text or attribution (batch, NN- names), $(differ "$OUT/given.args" "$OUT/seed$seed.args") in text or attribution (files as arguments)"
done
