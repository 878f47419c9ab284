#!/bin/sh
# Scores `precis summarize` on Multi-News *training* clusters, the sets on
# which summarizer options are chosen (never DUC 2004 or val); never run by
# `make test`. Set A: the first 500 clusters of train_10k with 5+ documents at
# 100 words (recall, -l 100) and clusters 8000-8399 at 250 words (F); set B:
# the next 5+-document clusters (501st-1000th, outside 8000-8799; 333) and
# clusters 8400-8799. Each row is run twice: as is and with the extra flags.
# Usage: sh bench/summarize_train.sh [FLAGS...]   (default FLAGS: --compress)
. "$(dirname "$0")/summarize_sets.sh"
FLAGS=${*:---compress}
train_sets -v A100 A250 B100 B250 <<'EOF'
seen = 0
def pick(o):
    global seen
    got = []
    if len(o['documents']) >= 5:
        seen += 1
        if seen <= 500: got.append('A100')
        elif seen <= 1000 and not 8000 <= o['id'] < 8800: got.append('B100')
    if 8000 <= o['id'] < 8400: got.append('A250')
    if 8400 <= o['id'] < 8800: got.append('B250')
    return got
EOF
score() { # set words flags...
    set=$1 w=$2
    shift 2
    $P summarize --batch -w "$w" "$@" "$OUT/$set.jsonl" > "$OUT/raw.jsonl" 2> /dev/null || true
    python3 -c "
import json
with open('$OUT/sys.jsonl', 'w') as f:
    for l in open('$OUT/raw.jsonl'):
        o = json.loads(l)
        f.write(json.dumps({'id': o['id'], 'summary': '\n'.join(s['text'] for s in o['sentences'])}) + '\n')"
    if [ "$w" = 100 ]; then cut="-l 100" stat=R; else cut="" stat=F; fi
    $P eval rouge -n 2 -2 4 -u -m $cut -f A -p 0.5 -t 0 -r 10 --refs "$OUT/$set.jsonl" --summaries "$OUT/sys.jsonl" 2>&1 |
        awk -v st="Average_$stat:" '$3 == st && ($2 == "ROUGE-1" || $2 == "ROUGE-2" || $2 == "ROUGE-SU4") {printf " %s", $4}'
}
echo "set   words stat | precis R-1 R-2 SU4 | precis $FLAGS R-1 R-2 SU4"
for row in A100:100:R B100:100:R A250:250:F B250:250:F; do
    set=${row%%:*} rest=${row#*:} w=${rest%%:*} stat=${row##*:}
    # shellcheck disable=SC2086
    echo "$set  $w  $stat |$(score "$set" "$w") |$(score "$set" "$w" $FLAGS)"
done
echo "(\$ precis summarize --batch -w N [FLAGS] SET.jsonl; precis eval rouge -n 2 -2 4 -u -m [-l 100] -f A -p 0.5 -t 0 -r 10)"
