#!/usr/bin/env bash
# Load test of `precis serve`, on loopback only, bounded by request count.
#
#   bash bench/serve.sh            (REQUESTS=20000 CONCURRENCY=64 INGEST=0.05 by default)
#
# Ingests DUC 2004 (500 newswire articles, ../shared/data; examples/story when
# absent) into a fresh database, starts `precis serve` on a free 127.0.0.1
# port and drives it with bench/serve_load.js (Node, no dependencies):
#   1. peer/baseline: GET /api/health       (the server's floor: routing + JSON)
#   2. peer/baseline: GET /                 (the embedded page, no database)
#   3. service time: the reads below one at a time over one connection (2000)
#   4. reads:  story list (sorts, entity filter, cursors), story, article, search
#   5. mixed:  the same reads plus INGEST share of POST /api/articles
#              (Multi-News validation documents, each sent once with a new id)
# Each phase sends exactly REQUESTS requests over CONCURRENCY keep-alive
# connections and stops. Prints per-kind p50/p99/max latency, errors and
# throughput. Everything runs under `nice -n 10` (the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-64}
INGEST=${INGEST:-0.05}
SHARED=${PRECIS_SHARED:-../shared}
command -v node >/dev/null || { echo "bench/serve.sh: needs node" >&2; exit 1; }
echo "command: REQUESTS=$REQUESTS CONCURRENCY=$CONCURRENCY INGEST=$INGEST bash bench/serve.sh"
echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); git $(git rev-parse --short HEAD 2>/dev/null || echo '?'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
make -j2 >/dev/null
PRECIS=build/precis

TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
DB=$TMP/bench.db

if [ -d "$SHARED/data/duc2004/docs" ]; then SRC=$SHARED/data/duc2004/docs; else SRC=examples/story; fi
n_files=$(find "$SRC" -type f | wc -l)
t0=$(date +%s.%N)
nice -n 10 "$PRECIS" ingest --db "$DB" "$SRC" >"$TMP/ingest.out" 2>"$TMP/ingest.err" || {
    echo "ingest failed:"; tail -5 "$TMP/ingest.err"; exit 1; }
t1=$(date +%s.%N)
printf 'ingest: %s files from %s in %.2f s (%s)\n' "$n_files" "$SRC" "$(awk "BEGIN{print $t1 - $t0}")" \
    "$(cat "$TMP/ingest.out" "$TMP/ingest.err" | grep -m1 '^added' | tr -d '\n')"

# POST bodies: one article object a line.
POSTS=$TMP/posts.jsonl
MN=$SHARED/data/multinews/val.jsonl
if [ -f "$MN" ]; then
    node -e '
      const fs = require("fs"); const out = [];
      for (const l of fs.readFileSync(process.argv[1], "utf8").split("\n").slice(0, 400)) {
        if (!l) continue; const d = JSON.parse(l);
        d.documents.forEach((t, j) => { if (t.length > 200) out.push(JSON.stringify({ id: "mn" + d.id + "-" + j, title: t.split(/[.!?]/)[0].slice(0, 120), text: t })); });
      }
      fs.writeFileSync(process.argv[2], out.join("\n") + "\n");' "$MN" "$POSTS"
else
    for f in examples/story/*.txt; do node -e 'const fs=require("fs");console.log(JSON.stringify({id:"x",text:fs.readFileSync(process.argv[1],"utf8")}))' "$f"; done >"$POSTS"
fi
# A dry-run ingest into a scratch store finds the bodies precis rightly rejects
# (e.g. a page that is only a "Tweet with a location" notice: 422 no_article);
# they are left out so that every POST of the load is a real article.
nice -n 10 "$PRECIS" ingest --db "$TMP/scratch.db" "$POSTS" >/dev/null 2>"$TMP/scratch.err" || true
grep '(skipped)$' "$TMP/scratch.err" | sed 's/^precis: \([^:]*\): .*/\1/' | sort -u >"$TMP/rejected"
node -e '
  const fs = require("fs");
  const bad = new Set(fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean));
  const keep = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l && !bad.has(JSON.parse(l).id));
  fs.writeFileSync(process.argv[2], keep.join("\n") + "\n");' "$TMP/rejected" "$POSTS"
echo "post bodies: $(wc -l <"$POSTS") articles ($( [ -f "$MN" ] && echo "Multi-News val" || echo "examples/story"); $(wc -l <"$TMP/rejected") rejected by a dry-run ingest left out)"

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
nice -n 10 "$PRECIS" serve --db "$DB" --port "$PORT" --bind 127.0.0.1 2>"$TMP/serve.err" &
SERVER_PID=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "precis serve exited:"; cat "$TMP/serve.err"; exit 1; }
    sleep 0.1
done
echo "server: $PRECIS serve --db DB --port $PORT --bind 127.0.0.1 (pid $SERVER_PID)"

status=0
phase() { # title, serve_load args...
    echo
    echo "== $1"
    shift
    echo "\$ node bench/serve_load.js --base http://127.0.0.1:$PORT --requests $REQUESTS --concurrency $CONCURRENCY $*"
    nice -n 10 node bench/serve_load.js --base "http://127.0.0.1:$PORT" --requests "$REQUESTS" \
        --concurrency "$CONCURRENCY" "$@" || status=1
}
phase "baseline: GET /api/health" --mix health
phase "baseline: GET / (embedded page)" --mix page
# Service time per kind: the same reads one at a time (no queueing).
echo
echo "== service time: reads over 1 connection, 2000 requests"
echo "\$ node bench/serve_load.js --base http://127.0.0.1:$PORT --requests 2000 --concurrency 1 --mix reads --ingest 0"
nice -n 10 node bench/serve_load.js --base "http://127.0.0.1:$PORT" --requests 2000 --concurrency 1 --mix reads --ingest 0 || status=1
phase "reads: list, story, article, search" --mix reads --ingest 0
phase "mixed: reads + ${INGEST} POST /api/articles" --mix reads --ingest "$INGEST" --posts "$POSTS"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -0 "$SERVER_PID" 2>/dev/null && echo "server still up after the load" || { echo "server died"; status=1; }
grep -ci 'error' "$TMP/serve.err" >/dev/null && { echo "server stderr:"; tail -5 "$TMP/serve.err"; }
exit $status
