#!/bin/sh
# bench/extract.sh — main-text extraction quality and speed on the trafilatura
# benchmark (../shared/data/extraction/trafilatura: 990 pages + evaldata.json),
# precis next to Mozilla Readability (jsdom) measured in the same run, plus the
# --all-text "keep everything" baseline. One core: each system runs alone,
# pinned with taskset when available. Timing per page includes reading the
# gzip file, decoding, parsing and extraction (readability: gunzip excluded,
# jsdom parse + Readability included).
#   usage: bench/extract.sh [--no-readability]
set -e
cd "$(dirname "$0")/.."
DATA=${PRECIS_SHARED:-../shared}/data/extraction/trafilatura
[ -f "$DATA/evaldata.json" ] || { echo "no $DATA (skipping)"; exit 0; }
OUT=build/bench-extract
mkdir -p "$OUT"
make -s build/libprecis.a
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc bench/extract_timer.c build/libprecis.a \
    $(pkg-config --libs $(sed -n 's/^PKGS := //p' Makefile)) -lstemmer -lm \
    -o "$OUT/extract_timer"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
# the page list: every evaluated file, in sorted order
python3 -c "
import json,os,sys
ev=json.load(open('$DATA/evaldata.json',encoding='utf-8'))
for v in sorted(ev.values(), key=lambda v: v['file']):
    for d in ('eval','cache'):
        p=os.path.join('$DATA',d,v['file']+'.gz')
        if os.path.exists(p): print(p); break
" > "$OUT/pages.txt"
echo "pages: $(wc -l < "$OUT/pages.txt")"
tr '\n' '\0' < "$OUT/pages.txt" | xargs -0 $PIN "$OUT/extract_timer" > "$OUT/precis.jsonl"
tr '\n' '\0' < "$OUT/pages.txt" | xargs -0 $PIN "$OUT/extract_timer" --all-text > "$OUT/alltext.jsonl"
RESULTS="precis=$OUT/precis.jsonl all-text=$OUT/alltext.jsonl"
if [ "$1" != "--no-readability" ] && command -v node >/dev/null && command -v npm >/dev/null; then
    if [ ! -d bench/readability/node_modules/@mozilla/readability ]; then
        (cd bench/readability && npm install --no-audit --no-fund --silent) || true
    fi
    if [ -d bench/readability/node_modules/@mozilla/readability ]; then
        tr '\n' '\0' < "$OUT/pages.txt" | xargs -0 $PIN node bench/readability/run.js > "$OUT/readability.jsonl"
        RESULTS="$RESULTS readability.js=$OUT/readability.jsonl"
    fi
fi
echo "command: bench/extract.sh $*   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, one used)"
python3 bench/score.py "$DATA/evaldata.json" $RESULTS
echo "published (trafilatura's own run): trafilatura F1 0.924, jusText 0.862, readability-lxml 0.826, boilerpipe 0.807"
