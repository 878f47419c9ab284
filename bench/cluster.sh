#!/bin/sh
# Story clustering and near-duplicate bench for `precis cluster` (issue 7).
#
#   bench/cluster.sh [--quality] [BUILD_DIR]   (e.g. nice -n 10 bench/cluster.sh)
#
# --quality: part 1 only (precis online and --batch, and the peer at 0.2):
# about 15 s, for trying a change; the full run is what is reported.
#
# 1. Quality: DUC 2004 (50 stories x 10) + Multi-News val clusters with >= 3
#    documents, pooled and shuffled with a fixed seed (bench/cluster_data.py);
#    no source has dates, so time is arrival order. B-cubed P/R/F1 and stories
#    found vs true (bench/cluster_score.py), for precis cluster at its defaults
#    (the batch regrouping, digest's grouping), online (--online) at its default
#    and other thresholds, and for a plain online TF-IDF centroid clusterer
#    (bench/cluster_baseline.py) in the same run. A second view leaves out the
#    articles whose text recurs in several true stories (crawl notices).
# 2. Near-duplicates: the pool (its own near-copies removed) plus perturbed
#    copies of 20 % of it; precision/recall of copy detection (dup_of).
# 3. Scale: the pool repeated with light perturbation to 50,000 and 100,000
#    articles; articles/s of CPU time (one core, single-threaded) and peak RSS
#    (/usr/bin/time -v) at both lengths: online (--online) and the default (the
#    regrouping over a window of 16,384 articles): memory should not grow with
#    the stream in either (docs/cluster.md "Round 7"; speed: "Round 8").
# Needs python3 (no packages) and the shared data (SHARED, default ../shared).
set -e
ARGS="$*"
QUALITY=0
if [ "$1" = "--quality" ]; then QUALITY=1; shift; fi
BUILD=${1:-build}
PRECIS=$(cd "$BUILD" && pwd)/precis
HERE=$(cd "$(dirname "$0")" && pwd)
export SHARED="${SHARED:-$(cd "$HERE/../.." && pwd)/shared}"
[ -x "$PRECIS" ] || { echo "no $PRECIS: run make first" >&2; exit 1; }
[ -d "$SHARED/data/duc2004" ] || { echo "no $SHARED/data: set SHARED" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "command: bench/cluster.sh $ARGS   ($(date -u +%Y-%m-%dT%H:%MZ), precis $("$PRECIS" --version | cut -d' ' -f2))"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  (timings are CPU seconds of one process)"

echo
echo "== 1. story clustering: DUC 2004 + Multi-News val (>= 3 documents), shuffled =="
python3 "$HERE/cluster_data.py" pool "$T/pool.jsonl" "$T/truth.tsv"
grep '^duc-' "$T/truth.tsv" > "$T/truth_duc.tsv"
# --window 4000: the regrouping window under the pool's size (the pool is
# shuffled: no time locality, the worst case for a window).
OPTS='"--online" "" "--window 4000" "--online --threshold 0.3" "--online --threshold 0.2"'
THRS="0.2 0.3"
[ $QUALITY = 1 ] && OPTS='"--online" ""' && THRS="0.2"
eval "set -- $OPTS"
for opt in "$@"; do
    echo "-- precis cluster ${opt:-(defaults)}"
    # shellcheck disable=SC2086
    "$PRECIS" cluster --no-progress $opt "$T/pool.jsonl" > "$T/pred.tsv" 2> "$T/err" || true
    echo "   rejected as not an article (page furniture; scored as singletons): $(grep -c 'not an article' "$T/err" || true)"
    python3 "$HERE/cluster_score.py" b3 "$T/truth.tsv" "$T/pred.tsv"
    python3 "$HERE/cluster_score.py" b3 "$T/truth.tsv" "$T/pred.tsv" "$T/pool.jsonl" | sed 's/^/   /'
    echo "   the DUC articles alone (their stories restricted to DUC members):"
    python3 "$HERE/cluster_score.py" b3 "$T/truth_duc.tsv" "$T/pred.tsv" | sed 's/^/   /'
done
for thr in $THRS; do
    echo "-- baseline: plain online TF-IDF centroid clusterer, threshold $thr (bench/cluster_baseline.py)"
    python3 "$HERE/cluster_baseline.py" "$T/pool.jsonl" "$thr" > "$T/base.tsv"
    python3 "$HERE/cluster_score.py" b3 "$T/truth.tsv" "$T/base.tsv"
    python3 "$HERE/cluster_score.py" b3 "$T/truth.tsv" "$T/base.tsv" "$T/pool.jsonl" | sed 's/^/   /'
    echo "   the DUC articles alone:"
    python3 "$HERE/cluster_score.py" b3 "$T/truth_duc.tsv" "$T/base.tsv" | sed 's/^/   /'
done
[ $QUALITY = 1 ] && exit 0

echo
echo "== 2. near-duplicates: perturbed copies of 20 % of the (de-duplicated) pool =="
python3 "$HERE/cluster_data.py" dups "$T/dups.jsonl" "$T/dups_truth.tsv"
"$PRECIS" cluster --no-progress --online --format jsonl "$T/dups.jsonl" > "$T/dpred.jsonl" 2> "$T/derr" || true
echo "articles rejected by the reader (nothing left after cleaning): $(grep -c 'after cleaning' "$T/derr" || true); as page furniture: $(grep -c 'not an article' "$T/derr" || true)"
python3 "$HERE/cluster_score.py" dups "$T/dups_truth.tsv" "$T/dpred.jsonl"

echo
echo "== 3. scale: the pool repeated with light perturbation =="
python3 "$HERE/cluster_data.py" scale "$T/scale.jsonl" 100000
head -n 50000 "$T/scale.jsonl" > "$T/scale50k.jsonl"
# The rounds are light copies of each other, so most articles after the first
# round take the copy shortcut; the second pair of lines turns it off
# (--dup-threshold 1: only identical signatures) to time the clustering path.
for run in "scale50k --online" "scale --online" "scale50k --online --dup-threshold 1" "scale --online --dup-threshold 1" "scale50k" "scale"; do
    f=${run%% *}
    opt=${run#"$f"}
    n=$(wc -l < "$T/$f.jsonl")
    # shellcheck disable=SC2086
    /usr/bin/time -v "$PRECIS" cluster --no-progress $opt --format jsonl "$T/$f.jsonl" > "$T/$f.jl" 2> "$T/$f.time" || true
    cut -d'"' -f4,8 "$T/$f.jl" | tr '"' '\t' > "$T/$f.out"
    dups=$(grep -vc '"dup_of":null' "$T/$f.jl" || true)
    user=$(sed -n 's/.*User time (seconds): //p' "$T/$f.time")
    sys=$(sed -n 's/.*System time (seconds): //p' "$T/$f.time")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T/$f.time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/$f.time")
    stories=$(cut -f2 "$T/$f.out" | sort -u | wc -l)
    python3 -c "
n, u, s = $n, $user, $sys
print('%7d articles%s: %6.2f s user + %.2f s sys = %6.0f articles/s of CPU; wall %s; peak RSS %.1f MiB; %d stories; %d copies; %d lines out'
      % (n, '$opt', u, s, n / (u + s), '$wall', $rss / 1024, $stories, $dups, $(wc -l < "$T/$f.out")))"
done
