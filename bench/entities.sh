#!/bin/sh
# Key entities and timeline dates of precis stories against hand-labelled
# invented stories (tests/fixtures/entities/*/gold.tsv: half "tune", half
# "heldout"), scored by bench/entities.py. Details (errors) are printed for the
# tuning half only unless DETAILS=all. SKIP="name ..." leaves those fixtures out
# (a held-out story not to be run until the rules are done).
# Usage: sh bench/entities.sh  (after make)
set -e
cd "$(dirname "$0")/.."
[ -f build/libprecis.a ] || { echo "build first: make" >&2; exit 1; }
OUT=${TMPDIR:-/tmp}/precis_entities_bench.$$
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
# the library's own link line (the PKGS of the Makefile)
PKGS=$(sed -n 's/^PKGS := //p' Makefile)
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(pkg-config --cflags $PKGS) \
    bench/entities_dump.c build/libprecis.a $(pkg-config --libs $PKGS) -lstemmer -lm -o "$OUT/dump"
echo "command: sh bench/entities.sh  ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
FIX=
for d in tests/fixtures/entities/*/; do
    n=$(basename "$d")
    case " ${SKIP:-} " in *" $n "*) echo "skipped: $n" ;; *) FIX="$FIX $d" ;; esac
done
# shellcheck disable=SC2086
"$OUT/dump" $(for d in $FIX; do printf '%sarticles ' "$d"; done) > "$OUT/dump.tsv"
# shellcheck disable=SC2086
python3 bench/entities.py "$OUT/dump.tsv" $FIX --details "${DETAILS:-tune}"
