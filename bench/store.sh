#!/usr/bin/env bash
# The store's costs on a real corpus, next to the same work without a store.
#
#   bash bench/store.sh          (DUC 2004 docs from ../shared/data; examples/story when absent)
#
# Measures, each under `nice -n 10` (the machine is shared; wall times):
#   baseline  precis digest --format json INPUT     the same reading, clustering and story
#                                                    building, no store
#   ingest    precis ingest --db DB INPUT           + SQLite (WAL, synchronous=FULL), FTS5,
#                                                    one transaction per input file
#   again     precis ingest --db DB INPUT           every article a duplicate: hashing only
#   reopen    precis ingest --db DB --check         open (replays the clusterer over every
#                                                    stored article) + integrity checks
#   post      N POST /api/articles, one at a time   each: parse, commit (fsync), story rebuilt
# and the store's size on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${PRECIS_SHARED:-../shared}
N_POST=${N_POST:-50}
make -j2 >/dev/null
P=build/precis
if [ -d "$SHARED/data/duc2004/docs" ]; then SRC=$SHARED/data/duc2004/docs; else SRC=examples/story; fi
echo "command: N_POST=$N_POST bash bench/store.sh"
echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); git $(git rev-parse --short HEAD 2>/dev/null || echo '?'); shared load, nice -n 10"
echo "input: $SRC ($(find "$SRC" -type f | wc -l) files, $(du -sh "$SRC" | cut -f1))"
TMP=$(mktemp -d)
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$TMP"' EXIT
DB=$TMP/b.db
t() { # label, command...: prints wall seconds
    local label=$1; shift
    local t0 t1
    t0=$(date +%s.%N)
    nice -n 10 "$@" >"$TMP/out" 2>"$TMP/err" || true
    t1=$(date +%s.%N)
    printf '%-9s %7.2f s   %s\n' "$label" "$(awk "BEGIN{print $t1 - $t0}")" "$(tail -1 "$TMP/out" | cut -c1-110)"
}
t baseline "$P" digest --format json "$SRC"
t ingest "$P" ingest --db "$DB" "$SRC"
t again "$P" ingest --db "$DB" "$SRC"
t reopen "$P" ingest --db "$DB" --check
echo "store size: $(du -ch "$DB"* | tail -1 | cut -f1) (database + WAL) for $(du -sh "$SRC" | cut -f1) of input"

# POSTs one after another: the latency a single client sees (fsync per commit).
nice -n 10 "$P" serve --db "$DB" --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
PID=$!
BASE=""
for _ in $(seq 100); do
    BASE=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$TMP/serve.out")
    [ -n "$BASE" ] && break
    sleep 0.1
done
for _ in $(seq 100); do curl -sf "$BASE/api/health" >/dev/null && break; sleep 0.1; done
: > "$TMP/lat"
for i in $(seq "$N_POST"); do
    body="{\"title\":\"Bench article $i on the Tarrow canal locks\",\"date\":\"2031-05-$(printf '%02d' $(( (i % 28) + 1 )))\",\"text\":\"Engineers at the Tarrow canal replaced lock gate number $i on Monday. Boats waited for three hours while the gate was lowered into place, the canal trust said. Work on gate $((i+1)) starts next week.\"}"
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
        --data-binary "$body" "$BASE/api/articles" >> "$TMP/lat"
done
ok=$(grep -c '^201 ' "$TMP/lat" || true)
sort -k2 -n "$TMP/lat" | awk -v ok="$ok" -v n="$N_POST" '{ t[NR] = $2 } END {
    printf "post      %d/%d answered 201; latency p50 %.1f ms, p90 %.1f ms, max %.1f ms\n",
        ok, n, 1000 * t[int(NR * 0.5 + 0.5)], 1000 * t[int(NR * 0.9 + 0.5)], 1000 * t[NR] }'
curl -s "$BASE/api/health"; echo
sid=$(curl -s "$BASE/api/stories?sort=biggest&limit=1" | jq -r '.stories[0].id')
echo "biggest story: $(curl -s "$BASE/api/stories/$sid" | jq -c '{id, n_sources, headline}')"
