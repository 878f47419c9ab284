#!/bin/sh
# Regenerates the tables learned from Multi-News TRAIN text (tools/train_df.h):
#   src/story/wordstats_table.inc   (tools/gen_wordstats.c: how ordinary a word is, for coverage)
#   src/summarize/common_stems.inc  (tools/gen_common_stems.c: stems common in news, for spelling variants)
# Usage: sh tools/gen_train_tables.sh [TRAIN.jsonl.gz]
set -e
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/multinews/train_10k.jsonl.gz}
PKGS=$(sed -n 's/^PKGS := //p' Makefile)
make -s -j2 build/libprecis.a
for gen in gen_wordstats:src/story/wordstats_table.inc gen_common_stems:src/summarize/common_stems.inc; do
    tool=${gen%%:*} out=${gen#*:}
    cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
        $(pkg-config --cflags $PKGS) tools/$tool.c build/libprecis.a $(pkg-config --libs $PKGS) -lstemmer -lm \
        -o build/$tool
    build/$tool "$DATA" > "$out"
    echo "wrote $out ($(wc -c < "$out") bytes)"
done
