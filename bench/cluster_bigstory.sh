#!/bin/sh
# Big-story check for `precis cluster --batch` (docs/stories.md, "Round 4").
#
#   bench/cluster_bigstory.sh [BUILD_DIR]      (e.g. nice -n 10 bench/cluster_bigstory.sh)
#
# Seven inputs from Multi-News TRAIN (bench/cluster_bigstory.py: one to three
# clusters rewritten as hundreds of pseudo-reports of a few random sentences,
# mixed with the documents of 300-500 other train clusters, shuffled), each
# run with --batch and online (defaults); per input the B3 of the whole input
# and, per big story, the groups holding its reports (cluster_score.py big).
# A story of hundreds of varied reports should be one group, its purity 1.
# About a minute. Needs python3 (no packages) and the shared data.
set -e
BUILD=${1:-build}
PRECIS=$(cd "$BUILD" && pwd)/precis
HERE=$(cd "$(dirname "$0")" && pwd)
export SHARED="${SHARED:-$(cd "$HERE/../.." && pwd)/shared}"
[ -x "$PRECIS" ] || { echo "no $PRECIS: run make first" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "command: bench/cluster_bigstory.sh $*   ($(date -u +%Y-%m-%dT%H:%MZ), precis $("$PRECIS" --version | cut -d' ' -f2))"
n=0
while read -r opts; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    python3 "$HERE/cluster_bigstory.py" "$T/in.jsonl" "$T/truth.tsv" $opts
    echo
    echo "== big$n: cluster_bigstory.py ${opts:-(defaults)}: $(wc -l < "$T/in.jsonl") articles"
    for mode in --batch ""; do
        # shellcheck disable=SC2086
        "$PRECIS" cluster --no-progress $mode "$T/in.jsonl" > "$T/pred.tsv" 2> /dev/null || true
        echo "-- precis cluster ${mode:-(online)}"
        python3 "$HERE/cluster_score.py" b3 "$T/truth.tsv" "$T/pred.tsv" | sed -n 's/^B3/   B3/p'
        python3 "$HERE/cluster_score.py" big "$T/truth.tsv" "$T/pred.tsv" | sed 's/^/   /'
    done
done <<'LIST'

--seed 2 --big 2 --reports 500
--seed 3 --reports 1000 --others 500
--seed 4 --kmin 2 --kmax 3 --minsent 40
--seed 5 --big 2 --kmin 2 --kmax 3 --minsent 36
--seed 6 --big 3 --reports 200 --kmin 3 --kmax 5
--seed 7 --reports 600 --kmin 2 --kmax 4 --minsent 40
LIST
