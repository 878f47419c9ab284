#!/bin/sh
# The story reader's throughput (src/story/input.c, pc_source_fd in
# src/core/io.c): `precis cluster --online` over Multi-News train_10k
# (39 MB of JSON Lines, 10,000 clusters' documents as articles), as a
# regular file, as gzip, and both on a pipe; CPU seconds (user + sys) and
# wall, best of RUNS. The reader gives each read what has come (a slow feed's
# lines are read as they arrive, docs/cli.md "Input pass 24"): bulk reading
# must not get slower for it. Compare two builds: bench/reader.sh BUILD [BUILD2]
#
#   bench/reader.sh [BUILD_DIR...]   (e.g. nice -n 10 sh bench/reader.sh build /tmp/old/build)
set -e
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
GZ=$SHARED/data/multinews/train_10k.jsonl.gz
RUNS=${RUNS:-3}
[ -f "$GZ" ] || { echo "no $GZ"; exit 1; }
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
zcat "$GZ" > "$TMPD/train.jsonl"
[ $# -gt 0 ] || set -- build
for b in "$@"; do
    P=$(cd "$b" && pwd)/precis
    for how in file gz pipe pipe-gz; do
        best=""
        for i in $(seq "$RUNS"); do
            case $how in
            file) cmd="'$P' cluster --online --no-progress '$TMPD/train.jsonl'" ;;
            gz) cmd="'$P' cluster --online --no-progress '$GZ'" ;;
            pipe) cmd="cat '$TMPD/train.jsonl' | '$P' cluster --online --no-progress -" ;;
            pipe-gz) cmd="cat '$GZ' | '$P' cluster --online --no-progress -" ;;
            esac
            /usr/bin/time -f '%U %S %e' -o "$TMPD/t" sh -c "$cmd > '$TMPD/out' 2>/dev/null"
            t=$(awk '{printf "%.2f %.2f", $1 + $2, $3}' "$TMPD/t")
            cpu=${t% *}
            if [ -z "$best" ] || awk "BEGIN{exit !($cpu < ${best% *})}"; then best="$cpu ${t#* }"; fi
        done
        echo "$b $how: cpu ${best% *} s, wall ${best#* } s ($(wc -l < "$TMPD/out") lines)  [$cmd]"
    done
done
