#!/bin/sh
# Regenerates src/summarize/common_stems.inc (tools/gen_common_stems.c) from
# Multi-News TRAIN text. Usage: sh tools/gen_common_stems.sh [TRAIN.jsonl.gz]
set -e
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/multinews/train_10k.jsonl.gz}
PKGS="zlib libdeflate libutf8proc jansson libxxhash gumbo uchardet sqlite3 libmicrohttpd"
make -s -j2 build/libprecis.a
cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
    tools/gen_common_stems.c build/libprecis.a $(pkg-config --libs $PKGS) -lstemmer -lm -o build/gen_common_stems
build/gen_common_stems "$DATA" > src/summarize/common_stems.inc
echo "wrote src/summarize/common_stems.inc ($(wc -c < src/summarize/common_stems.inc) bytes)"
