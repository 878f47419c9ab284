#!/bin/sh
# bench/feed.sh — reading speed of news feeds (src/html/feed.c): a generated
# invented RSS 2.0 feed (content:encoded HTML in CDATA) and an Atom feed
# (escaped HTML), read by precis_articles_read with a counting callback:
# items/s and MB/s. Peer in the same run: the same articles as JSON Lines
# {"html"} through the JSONL path (same HTML extraction), and xmllint --stream
# (libxml2 parsing alone, no extraction) as the floor. Max RSS at two sizes
# shows memory does not grow with the feed. Never run by `make test`.
#   usage: sh bench/feed.sh [ITEMS]    (default 20000)
set -e
cd "$(dirname "$0")/.."
N=${1:-20000}
make -s -j2 build/libprecis.a
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PK=$(sed -n 's/^PKGS := //p' Makefile)
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc bench/feed_timer.c build/libprecis.a \
    $(pkg-config --libs $PK) -lstemmer -lm -o "$T/feed_timer"
rate() { # label file: runs the timer, prints the figures (per wall and per CPU second) and max RSS
    /usr/bin/time -f '%M %U %S' -o "$T/rss" "$T/feed_timer" "$2" > "$T/line"
    read -r f items bytes secs text st < "$T/line"
    read -r rss usr sys < "$T/rss"
    echo "$1: $items articles from $(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MiB in ${secs} s wall, $usr s user:" \
        "$(awk "BEGIN{printf \"%.0f items/s, %.1f MB/s wall; %.0f items/s, %.1f MB/s per CPU second\", $items/$secs, $bytes/1e6/$secs, $items/($usr+$sys), $bytes/1e6/($usr+$sys)}")," \
        "max RSS $((rss / 1024)) MiB (status $st)"
}
python3 bench/feed_make.py "$N" "$T/big.rss" "$T/big.jsonl"
python3 bench/feed_make.py "$N" "$T/big.atom" "$T/big2.jsonl" --atom
python3 bench/feed_make.py $((N / 4)) "$T/quarter.rss" "$T/quarter.jsonl"
rate "RSS 2.0, $N items" "$T/big.rss"
rate "Atom 1.0, $N entries" "$T/big.atom"
rate "peer: the same articles as JSONL {html}" "$T/big.jsonl"
rate "RSS 2.0, $((N / 4)) items (memory check)" "$T/quarter.rss"
if command -v xmllint > /dev/null; then
    /usr/bin/time -f '%e s wall, %U s user' -o "$T/x" xmllint --stream --noout "$T/big.rss"
    echo "floor: xmllint --stream --noout on the RSS (parse only): $(cat "$T/x")"
fi
echo "command: sh bench/feed.sh $N   ($(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg); 2 shared cores)"
