# GET /api/search snippets (src/store/store.c ps_snippet): a 4 MB article with
# 50,000 hits answers with a bounded snippet (FTS5's snippet() is quadratic in
# the hits of a row: 13 s there), a rare term far into it is still what the
# snippet shows, and on ordinary articles the snippets are byte for byte those
# of SQLite's snippet(articles_fts, 1, '', '', '…', 24). No timing asserted.
. tests/cli/lib.sh
if ! command -v curl >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1; then
    skip "search tests need curl and jq (tools/install-deps.sh)"
    exit 0
fi
EX=${PRECIS_ROOT:-.}/examples/story
PIDS=""
trap 'for p in $PIDS; do kill -9 $p 2>/dev/null; done; rm -rf "$TMP"' EXIT
stop() { serve_stop; }
req() { code=$(curl -s -o "$TMP/body" -w '%{http_code}' -G "$BASE/api/search" --data-urlencode "q=$1"); }

python3 - "$TMP/big.txt" <<'EOF'
import sys
s = "The ferry left the harbour at dawn with many passengers aboard on the grey morning.\n"
body = s * 50000
cut = len(body) * 9 // 10
body = body[:cut] + "A zebra crossing was painted by the quay.\n" + body[cut:]
open(sys.argv[1], "w").write("Ferry news from Velmora\n\n" + body)
EOF
p ingest --db "$TMP/big.db" "$TMP/big.txt" "$EX"
check big_ingested test "$rc" -eq 0
serve_start big --db "$TMP/big.db"
check big_server_up test "$?" -eq 0
req ferry
check big_search_200 test "$code" = 200
check big_search_finds_it jq -e '.articles | length == 6' "$TMP/body"
# 24 tokens: a few hundred bytes, not the 4 MB row
check big_snippet_bounded jq -e '[.articles[].snippet | length] | max < 400' "$TMP/body"
check big_snippet_has_hit jq -e 'all(.articles[].snippet; test("ferry"; "i"))' "$TMP/body"
req "zebra ferry"
check rare_term_found jq -e '.articles | length == 1' "$TMP/body"
check rare_term_in_snippet jq -e '.articles[0].snippet | test("zebra crossing") and startswith("…") and endswith("…")' "$TMP/body"
stop

# Same output as SQLite's snippet() where that one is fast.
if command -v sqlite3 >/dev/null 2>&1; then
    p ingest --db "$TMP/ex.db" "$EX" "${PRECIS_ROOT:-.}/tests/fixtures/story"
    serve_start ex --db "$TMP/ex.db"
    check ex_server_up test "$?" -eq 0
    for q in ferry fog "coast guard" passengers Velmora harbour "fishing boats" said the "harb*" "pass* fog"; do
        c=$(curl -s -o "$TMP/body" -w '%{http_code}' -G "$BASE/api/search" --data-urlencode "q=$q" \
            --data-urlencode limit=100)
        [ "$c" = 200 ] || echo "search '$q': HTTP $c" >&2
        jq -r '.articles[] | "\(.id)\t\(.snippet | @json)"' "$TMP/body" | sort >> "$TMP/api.txt"
        fq=$(echo "$q" | sed 's/\([^ *]*\)\(\**\)/"\1"\2/g')
        sqlite3 "$TMP/ex.db" "SELECT rowid, json_quote(snippet(articles_fts, 1, '', '', '…', 24)) FROM articles_fts
                              WHERE articles_fts MATCH '$fq' ORDER BY rank LIMIT 100" | tr '|' '\t' | sort >> "$TMP/sq.txt"
    done
    stop
    check snippets_compared test "$(wc -l < "$TMP/api.txt")" -gt 100
    check snippets_as_sqlite cmp -s "$TMP/api.txt" "$TMP/sq.txt"
else
    skip "snippets_as_sqlite: no sqlite3 command"
fi
finish
