#!/usr/bin/env bash
# The "Bad input" lists of issues 4 and 7 at full size, for summarize, digest
# (text/json/jsonl/md, --online), cluster (and --batch). Prints one row per
# case: exit code, wall seconds, peak RSS (MB), stdout bytes, first stderr line.
#
#   nice -n 10 bash bench/bad_input.sh [BUILD_DIR] [DATA_DIR] [BIG_MB]
#
# Inputs are invented (bench/bad_input_make.py) and written to DATA_DIR
# (default /tmp/precis-bad-input); BIG_MB (default 50) sizes the big
# articles; a second set just under the 5 MiB article cap (4.9 MB) is made in
# DATA_DIR/mid so the big articles are also measured being processed, not
# only refused. Each run is cut at 600 s (exit 124 = timeout).
set -u
# "&" in a ${x/IN/...} replacement would stand for the match (bash 5.2).
shopt -u patsub_replacement 2>/dev/null
BUILD=${1:-build}
D=${2:-/tmp/precis-bad-input}
BIG=${3:-50}
P=$(cd "$BUILD" && pwd)/precis
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -f "$D/stream.jsonl" ] || python3 "$HERE/bad_input_make.py" "$D" --big "$BIG" || exit 1
[ -f "$D/mid/named.txt" ] || python3 "$HERE/bad_input_make.py" "$D/mid" --big 4.9 --tiny 10 --copies 10 --stream 10 || exit 1
mkdir -p "$D/empty"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export P D

# row CMD CASE SHELL-SNIPPET: the snippet runs under bash with $P, $D set; a
# pipeline's exit code is precis's (PIPESTATUS[0]).
row() {
    cmd=$1 case=$2 snip=$3
    /usr/bin/time -v -o "$T/time" timeout 600 bash -c "$snip"' ; exit ${PIPESTATUS[0]}' >"$T/out" 2>"$T/err"
    rc=$?
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T/time" |
           awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(awk '/Maximum resident set size/ { printf "%.0f", $6 / 1024 }' "$T/time")
    out=$(wc -c < "$T/out")
    msg=$(grep -v '^\s*Command exited with non-zero status' "$T/err" | head -1 | cut -c1-110)
    nerr=$(grep -vc '^\s*Command exited with non-zero status' "$T/err")
    printf '%-22s %-20s %4s %8s %6s %10s %5s  %s\n' "$cmd" "$case" "$rc" "$wall" "$rss" "$out" "$nerr" "$msg"
}

# The commands, as a snippet prefix each; IN is replaced by the input.
CMDS=(
  "summarize|\$P summarize IN"
  "summarize-json|\$P summarize --format json IN"
  "digest-text|\$P digest IN"
  "digest-json|\$P digest --format json IN"
  "digest-jsonl|\$P digest --format jsonl IN"
  "digest-md|\$P digest --format md IN"
  "digest-online|\$P digest --online --format json IN"
  "cluster|\$P cluster IN"
  "cluster-batch|\$P cluster --batch --format json IN"
)
CASES=(
  "zero-articles|\$D/empty"
  "empty-stdin|- </dev/null"
  "one-article|\$D/one.txt"
  "one-word|\$D/oneword"
  "no-sentence|\$D/nosent"
  "big-${BIG}MB|\$D/big.txt"
  "bigline-${BIG}MB|\$D/bigline.txt"
  "bigrep-${BIG}MB|\$D/bigrep.txt"
  "big-4.9MB|\$D/mid/big.txt"
  "bigline-4.9MB|\$D/mid/bigline.txt"
  "bigrep-4.9MB|\$D/mid/bigrep.txt"
  "speakers-4.9MB|\$D/mid/speakers.txt"
  "named-4.9MB|\$D/mid/named.txt"
  "tiny-10k-files|\$D/tiny"
  "tiny-10k-jsonl|\$D/tiny.jsonl"
  "copies-1000|\$D/copies.jsonl"
  "urandom-1MiB|\$D/junk.bin"
  "invalid-utf8|\$D/badutf8.txt"
  "nul-bytes|\$D/nul.txt"
  "no-date|\$D/nodate.jsonl"
  "absurd-dates|\$D/dates.jsonl"
  "stream-100k-stdin|- < \$D/stream.jsonl"
  "stdin-closed|- <&-"
  "to-dev-full|\$D/one.txt \$D/copies.jsonl >/dev/full"
  "sigpipe-head-1|\$D/copies.jsonl | head -1"
)
printf '%-22s %-20s %4s %8s %6s %10s %5s  %s\n' command case exit wall_s rss_MB out_bytes nerr first-stderr-line
# ONLY / SKIP: extended regexes on "command case" to run a part of the table.
for c in "${CMDS[@]}"; do
    for k in "${CASES[@]}"; do
        snip=${c#*|}; in=${k#*|}
        [ -n "${ONLY:-}" ] && ! echo "${c%%|*} ${k%%|*}" | grep -Eq "$ONLY" && continue
        [ -n "${SKIP:-}" ] && echo "${c%%|*} ${k%%|*}" | grep -Eq "$SKIP" && continue
        row "${c%%|*}" "${k%%|*}" "${snip/IN/$in}"
    done
done
# Budgets smaller than any sentence.
row summarize "-w 1" "\$P summarize -w 1 \$D/one.txt"
row summarize "-b 5" "\$P summarize -b 5 \$D/one.txt"
row digest-json "-w 1" "\$P digest -w 1 --format json \$D/copies.jsonl"
row digest-text "-w 1" "\$P digest -w 1 \$D/one.txt"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
