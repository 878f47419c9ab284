#!/bin/sh
# bench/search.sh — GET /api/search on a row with many hits. Never run by `make test`.
#
# Builds a 4.2 MB pasted article where "ferry" occurs 50,000 times (plus the five
# example articles), ingests it, and times GET /api/search?q=ferry through
# `precis serve` (ps_snippet, src/store/store.c) against the peer measured in the
# same run: the same query with SQLite's own snippet(articles_fts, 1, '', '',
# '…', 24) through the sqlite3 command on the same store. Prints both times and
# whether the two snippets of the big article are the same text.
#
# Usage: bench/search.sh            RUNS=N (default 3) requests to precis
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRECIS=$ROOT/build/precis
RUNS=${RUNS:-3}
for tool in curl jq sqlite3 python3; do
    command -v $tool >/dev/null 2>&1 || { echo "skip - bench/search.sh needs $tool"; exit 0; }
done
[ -x "$PRECIS" ] || make -C "$ROOT" -j2 >/dev/null
B=$(mktemp -d)
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$B"' EXIT
python3 - "$B/big.txt" <<'EOF'
import sys
s = "The ferry left the harbour at dawn with many passengers aboard on the grey morning.\n"
open(sys.argv[1], "w").write("Ferry news from Velmora\n\n" + s * 50000)
EOF
"$PRECIS" ingest -q --db "$B/s.db" "$B/big.txt" "$ROOT/examples/story"
echo "store: $(sqlite3 "$B/s.db" 'SELECT count(*), max(length(text)) FROM articles' | tr '|' ' ') (articles, longest text in bytes)"
: > "$B/serve.out" # the shell creates it in the child: the loop below may read it first (set -e)
"$PRECIS" serve --port 0 --db "$B/s.db" > "$B/serve.out" 2> "$B/serve.err" &
PID=$!
for i in $(seq 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$B/serve.out")
    [ -n "$port" ] && break
    sleep 0.1
done
for i in $(seq "$RUNS"); do
    t=$(curl -s -o "$B/body" -w '%{time_total}' "http://127.0.0.1:$port/api/search?q=ferry")
    echo "precis   GET /api/search?q=ferry: ${t} s (run $i, $(jq '.articles | length' "$B/body") articles)"
done
kill $PID; wait $PID 2>/dev/null || true; PID=""
start=$(date +%s.%N)
sqlite3 "$B/s.db" "SELECT rowid, json_quote(snippet(articles_fts, 1, '', '', '…', 24)) FROM articles_fts
                   WHERE articles_fts MATCH '\"ferry\"' ORDER BY rank LIMIT 20" > "$B/sq.txt"
end=$(date +%s.%N)
echo "sqlite3  snippet() same query:       $(echo "$end - $start" | bc 2>/dev/null || python3 -c "print($end - $start)") s"
big=$(sqlite3 "$B/s.db" "SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1")
ours=$(jq -r ".articles[] | select(.id == \"$big\") | .snippet | @json" "$B/body")
theirs=$(sed -n "s/^$big|//p" "$B/sq.txt")
[ "$ours" = "$theirs" ] && echo "snippet of the big article: identical" || echo "snippet of the big article: DIFFERENT"
echo "command: bench/search.sh (load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
