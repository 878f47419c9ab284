#!/bin/sh
# Timeline placements of precis stories against hand-labelled invented stories
# that have only timeline gold (tests/fixtures/timeline/*/gold.tsv, the event
# lines of tests/fixtures/entities/README.md), scored as bench/entities.py
# scores the timeline. DETAILS=1 lists the wrong and missed placements.
# Usage: sh bench/timeline.sh  (after make)
set -e
cd "$(dirname "$0")/.."
[ -f build/libprecis.a ] || { echo "build first: make" >&2; exit 1; }
OUT=${TMPDIR:-/tmp}/precis_timeline_bench.$$
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
PKGS=$(sed -n 's/^PKGS := //p' Makefile)
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(pkg-config --cflags $PKGS) \
    bench/entities_dump.c build/libprecis.a $(pkg-config --libs $PKGS) -lstemmer -lm -o "$OUT/dump"
echo "command: sh bench/timeline.sh  ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
FIX=$(ls -d tests/fixtures/timeline/*/)
# shellcheck disable=SC2086
"$OUT/dump" $(for d in $FIX; do printf '%sarticles ' "$d"; done) > "$OUT/dump.tsv"
# shellcheck disable=SC2086
python3 bench/timeline.py "$OUT/dump.tsv" $FIX ${DETAILS:+--details}
