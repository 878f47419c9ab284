#!/bin/sh
# Paired comparison of two `precis summarize` settings on large Multi-News
# *training* sets, the way summarizer changes are chosen (never DUC 2004 or
# val); never run by `make test`. Sets, from train_10k: S100 = the clusters
# with 4+ documents (2,230) and T100 = those with 3 (2,859), both at 100 words
# (recall, -l 100); S250 = clusters 6000-9999 (4,000) at 250 words (F). Each
# cluster is scored alone (eval rouge -d); a declined cluster scores 0. Prints
# per set the mean R-1 / R-2 of setting A and of setting B, and the mean
# per-cluster difference B - A with its standard error (about 0.0003 R-1 at
# 100 words and 0.0001-0.0002 at 250 for small changes: docs/summarize.md).
# Usage: sh bench/summarize_paired.sh [FLAGS...]
#   A = the build as is, or the binary A_PRECIS names (e.g. main's build kept
#   aside, to compare two builds); B = the build with FLAGS and with the
#   environment in B_ENV (e.g. B_ENV="SOME_KNOB=1" for a temporary knob in a
#   local build).
. "$(dirname "$0")/summarize_sets.sh"
train_sets S100 T100 S250 <<'EOF'
def pick(o):
    n = len(o['documents'])
    return [s for s, take in (('S100', n >= 4), ('T100', n == 3), ('S250', 6000 <= o['id'] < 10000)) if take]
EOF
score() { # side set words [env and flags of B]
    side=$1 set=$2 w=$3
    shift 3
    if [ "$side" = B ]; then
        # shellcheck disable=SC2086
        env $B_ENV $P summarize --batch -w "$w" "$@" "$OUT/$set.jsonl" > "$OUT/raw.jsonl" 2> /dev/null || true
    else
        ${A_PRECIS:-$P} summarize --batch -w "$w" "$OUT/$set.jsonl" > "$OUT/raw.jsonl" 2> /dev/null || true
    fi
    python3 - "$OUT" "$set" <<'EOF'
import json, sys
out, s = sys.argv[1], sys.argv[2]
got = {}
for l in open('%s/raw.jsonl' % out):
    o = json.loads(l)
    got[str(o['id'])] = '\n'.join(x['text'] for x in o['sentences'])
with open('%s/sys.jsonl' % out, 'w') as f:
    for l in open('%s/%s.jsonl' % (out, s)):
        i = json.loads(l)['id']
        f.write(json.dumps({'id': i, 'summary': got.get(str(i), '')}) + '\n')
EOF
    if [ "$w" = 100 ]; then cut="-l 100" col=5; else cut="" col=7; fi
    $P eval rouge -n 2 -2 4 -u -m -x $cut -f A -p 0.5 -t 0 -d --refs "$OUT/$set.jsonl" --summaries "$OUT/sys.jsonl" 2>&1 |
        awk -v c=$col '$3 == "Eval" && ($2 == "ROUGE-1" || $2 == "ROUGE-2") {split($c, v, ":"); print $2, $4, v[2]}' > "$OUT/$set.$side"
}
echo "A = ${A_PRECIS:-precis} summarize; B = ${B_ENV:+$B_ENV }precis summarize $*"
echo "set   words stat | A R-1 R-2 | B R-1 R-2 | B - A R-1, R-2 (mean ± standard error over clusters)"
for row in S100:100:R T100:100:R S250:250:F; do
    set=${row%%:*} rest=${row#*:} w=${rest%%:*} stat=${row##*:}
    score A "$set" "$w"
    score B "$set" "$w" "$@"
    python3 - "$OUT/$set.A" "$OUT/$set.B" "$set" "$w" "$stat" <<'EOF'
import math, sys
def load(p):
    d = {}
    for line in open(p):
        m, i, v = line.split()
        d[(m, i)] = float(v)
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
cols = []
for m in ('ROUGE-1', 'ROUGE-2'):
    ks = sorted(k for k in a if k[0] == m)
    ds = [b.get(k, 0) - a[k] for k in ks]
    md = sum(ds) / len(ds)
    se = math.sqrt(sum((x - md) ** 2 for x in ds) / (len(ds) - 1) / len(ds))
    cols.append((sum(a[k] for k in ks) / len(ks), sum(b.get(k, 0) for k in ks) / len(ks), md, se))
print('%s  %s  %s | %.5f %.5f | %.5f %.5f | %+.5f ± %.5f, %+.5f ± %.5f' % (
    sys.argv[3], sys.argv[4], sys.argv[5], cols[0][0], cols[1][0], cols[0][1], cols[1][1],
    cols[0][2], cols[0][3], cols[1][2], cols[1][3]))
EOF
done
echo "(\$ precis summarize --batch -w N [FLAGS] SET.jsonl; precis eval rouge -n 2 -2 4 -u -m -x [-l 100] -f A -p 0.5 -t 0 -d)"
