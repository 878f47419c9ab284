#!/bin/sh
# Times `precis eval rouge` on the whole DUC 2004 task 2 set (13 systems x 50
# topics, 4 references each) in the two settings of rouge_official/, with the
# 1000-resample bootstrap, and prints the milliseconds next to the commands.
# Usage: bench/rouge.sh [REPEATS]   (from the repository root, after `make`)
set -eu
REPEATS=${1:-5}
PRECIS=${PRECIS:-build/precis}
DUC=${DUC:-../shared/data/duc2004}
[ -x "$PRECIS" ] || { echo "bench/rouge.sh: build first (make)" >&2; exit 1; }
[ -d "$DUC/peers" ] || { echo "bench/rouge.sh: no DUC 2004 data at $DUC" >&2; exit 1; }

TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT

# "WALL CPU": medians over REPEATS runs of the command, in ms (CPU = user +
# system, which a busy shared machine inflates less than the wall time).
time_ms() {
    i=0
    : > "$TIMES"
    while [ "$i" -lt "$REPEATS" ]; do
        /usr/bin/time -f '%e %U %S' -a -o "$TIMES" "$@" > /dev/null
        i=$((i + 1))
    done
    med() { sort -n | awk '{ v[NR] = $1 } END { printf "%d", v[int((NR + 1) / 2)] }'; }
    w=$(awk '{ print $1 * 1000 }' "$TIMES" | med)
    c=$(awk '{ print ($2 + $3) * 1000 }' "$TIMES" | med)
    echo "$w $c"
}

STEM="-n 4 -2 4 -u -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d"
STOP="-n 2 -2 4 -u -s -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d"
echo "precis eval rouge on DUC 2004 (13 systems x 50 topics, 4 references), median of $REPEATS runs"
# shellcheck disable=SC2086
set -- $(time_ms "$PRECIS" eval rouge $STEM --models "$DUC/models" --peers "$DUC/peers")
a=$1 ac=$2
echo "  wall ${a} ms, cpu ${ac} ms  $PRECIS eval rouge $STEM --models $DUC/models --peers $DUC/peers"
# shellcheck disable=SC2086
set -- $(time_ms "$PRECIS" eval rouge $STOP --models "$DUC/models" --peers "$DUC/peers")
b=$1 bc=$2
echo "  wall ${b} ms, cpu ${bc} ms  $PRECIS eval rouge $STOP --models $DUC/models --peers $DUC/peers"
total=$((a + b))
echo "  wall ${total} ms, cpu $((ac + bc)) ms  both settings (goal: under 300 ms)"
echo "  machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "Reference: the issue reports ~30 s for one such run of the official ROUGE-1.5.5 Perl"
echo "script on these machines. That script (it needs XML::DOM, DB_File and a WordNet DB)"
echo "cannot be installed here, so it was NOT measured in this run; the figure is the issue's."
awk -v a="$a" 'BEGIN { if (a > 0) printf "Speed-up implied by that figure: about %.0fx for one run (30000 ms / %d ms wall)\n", 30000 / a, a }'
