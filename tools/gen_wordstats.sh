#!/bin/sh
# Regenerates src/story/wordstats_table.inc (tools/gen_wordstats.c) from
# Multi-News TRAIN text. Usage: sh tools/gen_wordstats.sh [TRAIN.jsonl.gz]
set -e
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/multinews/train_10k.jsonl.gz}
PKGS="zlib libdeflate libutf8proc jansson libxxhash gumbo uchardet sqlite3 libmicrohttpd"
make -s -j2 build/libprecis.a
cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
    tools/gen_wordstats.c build/libprecis.a $(pkg-config --libs $PKGS) -lstemmer -lm -o build/gen_wordstats
build/gen_wordstats "$DATA" > src/story/wordstats_table.inc
echo "wrote src/story/wordstats_table.inc ($(wc -c < src/story/wordstats_table.inc) bytes)"
