# precis serve: the HTTP API over curl on a free loopback port (the server
# picks it: --port 0), errors and limits, escaping, auth, and a kill -9 fault
# test. Every server started here is killed at exit, also on failure.
. tests/cli/lib.sh
if ! command -v curl >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1; then
    skip "serve tests need curl and jq (tools/install-deps.sh)"
    exit 0
fi
EX=${PRECIS_ROOT:-.}/examples/story
PIDS=""
trap 'for p in $PIDS; do kill -9 $p 2>/dev/null; done; rm -rf "$TMP"' EXIT

start() { serve_start "$@"; }
stop() { serve_stop; }
# req ARGS...: curl; body in $TMP/body, headers in $TMP/hdr, status in $code.
req() { code=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' "$@"); }
body_has() { grep -q -- "$1" "$TMP/body"; }
is_error() { jq -e ".error.code and .error.message" "$TMP/body"; }
# raw_status OUT < PYTHON: runs the Python read from stdin, with status(raw)
# defined (sends raw bytes on a new connection to the server under test,
# returns its status line), its output in OUT.
raw_status() {
    { cat <<'PY'
import socket, sys
def status(raw):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    s.settimeout(10)
    s.sendall(raw)
    got = b""
    while b"\r\n" not in got:
        b = s.recv(4096)
        if not b: break
        got += b
    s.close()
    return got.split(b"\r\n")[0].decode("latin-1")
PY
      cat; } | python3 - "${BASE##*:}" > "$1"
}

DB=$TMP/api.db
check ingest_for_api sh -c "'$PRECIS' ingest --db '$DB' '$EX' >/dev/null"
if ! start api --db "$DB"; then
    echo "not ok - server_starts"; cat "$TMP/api.err" >&2; exit 1
fi
echo "ok - server_starts"
n_ex=$(ls "$EX" | wc -l)

req "$BASE/api/health"
check health_200 test "$code" = 200
check health_counts jq -e ".status == \"ok\" and .articles == $n_ex and .stories >= 1" "$TMP/body"
req "$BASE/api/version"
check version_200 sh -c "test $code = 200 && jq -e '.precis and .schema == 1' '$TMP/body'"
# Session 25: the limits a client (the add page) checks a body against before sending it
check version_limits jq -e '.limits.body_bytes == 16777216 and .limits.gunzip_bytes == 67108864 and .limits.articles_per_post == 1000' "$TMP/body"

# The page and its headers.
req "$BASE/"
check page_200 test "$code" = 200
check page_html grep -qi '^content-type: text/html' "$TMP/hdr"
check page_csp grep -qi "^content-security-policy: default-src 'self'" "$TMP/hdr"
check page_nosniff grep -qi '^x-content-type-options: nosniff' "$TMP/hdr"
req "$BASE/api/stories"
check api_json_type grep -qi '^content-type: application/json' "$TMP/hdr"
check api_nosniff grep -qi '^x-content-type-options: nosniff' "$TMP/hdr"

# Stories: list, pages by cursor, sorts, filters, one story.
check list_200 sh -c "test $code = 200 && jq -e '.stories | length >= 1' '$TMP/body'"
n_stories=$(jq '.stories | length' "$TMP/body")
total=$(curl -s "$BASE/api/health" | jq .stories)
check list_all_on_first_page test "$n_stories" -eq "$total"
: > "$TMP/seen"
url="$BASE/api/stories?limit=1"
pages=0
while [ -n "$url" ] && [ $pages -lt 50 ]; do
    curl -s "$url" > "$TMP/page"
    jq -r '.stories[].id' "$TMP/page" >> "$TMP/seen"
    next=$(jq -r '.next // empty' "$TMP/page")
    url=""; [ -n "$next" ] && url="$BASE/api/stories?limit=1&cursor=$next"
    pages=$((pages+1))
done
check pages_cover_all test "$(sort -u "$TMP/seen" | wc -l)" -eq "$total"
check pages_no_repeat test "$(wc -l < "$TMP/seen")" -eq "$total"
req "$BASE/api/stories?sort=biggest"
check biggest_sorted jq -e '[.stories[].n_sources] as $n | $n == ($n | sort | reverse)' "$TMP/body"
req "$BASE/api/stories?sort=newest"
check newest_sorted jq -e '[.stories[].last_date // ""] as $d | $d == ($d | sort | reverse)' "$TMP/body"
sid=$(jq -r '.stories[0].id' "$TMP/body")
ent=$(jq -r '[.stories[].entities[]?.name][0] // empty' "$TMP/body")
if [ -n "$ent" ]; then
    req -G "$BASE/api/stories" --data-urlencode "entity=$ent"
    check entity_filter jq -e --arg e "$ent" '(.stories | length >= 1) and all(.stories[]; any(.entities[]; (.name | ascii_downcase) == ($e | ascii_downcase)))' "$TMP/body"
else
    skip entity_filter
fi
req -G "$BASE/api/stories" --data-urlencode "entity=Nobody Anywhere Zzyzx"
check entity_filter_none jq -e '.stories == [] and .next == null' "$TMP/body"
req "$BASE/api/stories?from=2999-01-01"
check date_filter_future jq -e '.stories == []' "$TMP/body"
req "$BASE/api/stories?from=2000-01-01&to=2999-12-31"
check date_filter_all_dated test "$code" = 200
req "$BASE/api/stories/$sid"
check story_200 test "$code" = 200
check story_shape jq -e --arg id "$sid" '.id == $id and (.sources | length >= 1) and has("summary") and has("timeline") and has("entities")' "$TMP/body"
aid=$(jq -r '.sources[0].id' "$TMP/body")
# The page polls a story with If-None-Match: 304 without a body until the
# story changes, then 200 with a new ETag (before: no ETag, always 200).
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(".*"\).*/\1/p' "$TMP/hdr" | tr -d '\r')
check story_etag test -n "$etag"
rm -f "$TMP/body" # curl writes no file for an empty body
req -H "If-None-Match: $etag" "$BASE/api/stories/$sid"
check story_304_unchanged sh -c "test $code = 304 && test ! -s '$TMP/body' && grep -qi '^etag: $etag' '$TMP/hdr'"
n_src=$(curl -s "$BASE/api/stories/$sid" | jq '.sources | length')
sed '1s/.*/Velmora ferry grounding: all passengers safe/' "$EX/01_harbour_courier.txt" > "$TMP/edition.txt"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/edition.txt" "$BASE/api/articles"
check edition_joins_story sh -c "test $code = 201 && jq -e --arg s '$sid' '.story == \$s' '$TMP/body'"
req -H "If-None-Match: $etag" "$BASE/api/stories/$sid"
check story_200_after_change sh -c "test $code = 200 && ! grep -qi '^etag: $etag' '$TMP/hdr' && jq -e '.sources | length == $n_src + 1' '$TMP/body'"
req "$BASE/api/articles/$aid"
check article_200 sh -c "test $code = 200 && jq -e '.text | length > 0' '$TMP/body'"
req "$BASE/api/articles/$aid/raw"
check article_raw_kept sh -c "test $code = 200 && grep -qi '^content-type: text/plain' '$TMP/hdr'"

# Search.
req "$BASE/api/search?q=ferry"
check search_200 sh -c "test $code = 200 && jq -e '(.articles | length >= 1) and (.stories | length >= 1)' '$TMP/body'"
req -G "$BASE/api/search" --data-urlencode 'q=ferry AND ("fog'
check search_fts_syntax_is_not_500 test "$code" = 200
req -G "$BASE/api/search" --data-urlencode 'q=")(*'
check search_no_term_400 sh -c "test $code = 400 && jq -e '.error.code == \"bad_request\"' '$TMP/body'"
req "$BASE/api/search"
check search_missing_q_400 test "$code" = 400

# Ingest over HTTP: JSON, raw text, raw HTML; idempotent.
cat > "$TMP/a.json" <<'J'
{"title":"Bridge reopens over the Sallow river","date":"2031-08-09","site":"Sallow Valley Times","text":"The Sallow river bridge reopened to traffic on Saturday after eight months of repairs. Engineers replaced the cables and the deck. The mayor of Brinmoor, Edda Lusk, cut the ribbon."}
J
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/a.json" "$BASE/api/articles"
check post_json_201 test "$code" = 201
check post_json_shape jq -e '(.id | test("^[0-9]+$")) and (.story | test("^[0-9]+$")) and .duplicate == false' "$TMP/body"
new=$(jq -r .id "$TMP/body")
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/a.json" "$BASE/api/articles"
check post_again_duplicate sh -c "test $code = 200 && jq -e '.duplicate == true and .id == \"$new\"' '$TMP/body'"
req "$BASE/api/articles/$new"
check posted_article_stored jq -e '.title == "Bridge reopens over the Sallow river" and .site == "Sallow Valley Times"' "$TMP/body"
printf 'Dockworkers end strike in Harlow Bay\n\nDockworkers in Harlow Bay ended a nine-day strike on Monday after the port authority agreed to a new shift schedule. Cranes were running again by the afternoon.\n\nThe union said members voted by a wide margin.\n' > "$TMP/a.txt"
req -X POST -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$TMP/a.txt" "$BASE/api/articles"
check post_text_201 test "$code" = 201
printf '<!doctype html><html><head><title>Observatory finds comet | Kestrel Post</title></head><body><nav>Home | News</nav><article><h1>Observatory finds comet</h1><p>Astronomers at the Kestrel Ridge observatory found a new comet on Thursday night. It will be visible through binoculars in October, they said.</p><p>The comet was named after the observatory.</p></article></body></html>' > "$TMP/a.html"
req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/a.html" "$BASE/api/articles"
check post_html_201 test "$code" = 201
# a weekday that contradicts the printed date: the CLI's warning, in text and HTML posts alike
printf 'Crane falls at Orlen docks\n\nPublished: Tuesday, May 30, 2018\n\nA crane collapsed at the Orlen docks on Monday, injuring two dock workers, the port authority said in a statement.\n\nThe port authority said the crane had been inspected in April and was found safe.\n' > "$TMP/wk.txt"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/wk.txt" "$BASE/api/articles"
check post_text_weekday_warning sh -c "test $code = 201 && jq -e '.warnings | any(test(\"does not match 2018-05-30\"))' '$TMP/body'"
printf '<html><head><title>Crane collapses at Orlen</title></head><body><article><h1>Crane collapses at Orlen</h1><p>Tuesday, May 30, 2018</p><p>A crane collapsed at the Orlen docks on Monday, injuring two dock workers, the port authority said in a statement on its website.</p><p>The port authority said the crane had been inspected in April and was found safe to use by its engineers.</p></article></body></html>' > "$TMP/wk.html"
req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/wk.html" "$BASE/api/articles"
check post_html_weekday_warning sh -c "test $code = 201 && jq -e '.warnings | any(test(\"does not match 2018-05-30\"))' '$TMP/body'"

# Errors.
req -X POST -H 'Content-Type: application/json' --data-binary '{"title": "x", "text": ' "$BASE/api/articles"
check malformed_json_400 sh -c "test $code = 400 && jq -e '.error.code == \"bad_request\"' '$TMP/body'"
req -X POST -H 'Content-Type: application/json' --data-binary '{"title": "no text"}' "$BASE/api/articles"
check json_without_text_400 test "$code" = 400
req -X POST -H 'Content-Type: image/png' --data-binary 'x' "$BASE/api/articles"
check wrong_type_415 sh -c "test $code = 415 && jq -e '.error.code' '$TMP/body'"
req -X POST -H 'Content-Type: multipart/form-data; boundary=zz' --data-binary 'x' "$BASE/api/articles"
check multipart_415 sh -c "test $code = 415 && jq -e '.error.code == \"unsupported_media_type\"' '$TMP/body'"
# no type (before: 415): the body decides, here pasted text
req -X POST --data-binary @"$TMP/a.txt" -H 'Content-Type:' "$BASE/api/articles"
check missing_type_sniffed sh -c "test $code = 200 && jq -e '.detected == \"text\" and .duplicate == true' '$TMP/body'"
head -c 17000000 /dev/zero | tr '\0' 'a' > "$TMP/huge"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/huge" "$BASE/api/articles"
check huge_body_413 test "$code" = 413
req -X POST -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/huge" "$BASE/api/articles"
check huge_chunked_body_413 test "$code" = 413
# An HTML page (or a JSON "html" field) with more text than the 5 MiB article limit: 413
# before gumbo parses it, whichever way it is posted.
python3 -c '
import json, sys
p = "<p>The harbour council of Brinmoor met on Tuesday to discuss the ferry timetable.</p>"
page = "<html><body><article>" + p * (6 * 1024 * 1024 // len(p)) + "</article></body></html>"
open(sys.argv[1] + "/big.html", "w").write(page)
open(sys.argv[1] + "/big.json", "w").write(json.dumps({"title": "x", "html": page}))' "$TMP"
req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/big.html" "$BASE/api/articles"
check big_html_page_413_before_parsing sh -c "test $code = 413 && jq -e '.error.message | test(\"refused before parsing\")' '$TMP/body'"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/big.json" "$BASE/api/articles"
check big_json_html_413_before_parsing sh -c "test $code = 413 && jq -e '.error.message | test(\"refused before parsing\")' '$TMP/body'"
# A limit is told by the reader's status, not by the word "limit" in its message: a page
# nested past 512 elements is 413 (was 422: its message has no "limit"), and a page without
# an article whose id holds "limit" is 422 (was 413).
python3 -c '
import json, sys
page = "<html><body>" + "<div>" * 100000 + "<p>Brinmoor ferry.</p>" + "</div>" * 100000 + "</body></html>"
open(sys.argv[1] + "/nested.json", "w").write(json.dumps({"title": "x", "html": page}))' "$TMP"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/nested.json" "$BASE/api/articles"
check nested_json_html_413 sh -c "test $code = 413 && jq -e '.error.message | test(\"nested deeper than 512\")' '$TMP/body'"
req -X POST -H 'Content-Type: application/json' --data-binary '{"id": "limit-7", "html": "<html><body><nav>Home</nav></body></html>"}' "$BASE/api/articles"
check id_with_limit_word_422 test "$code" = 422
big=$(head -c 100000 /dev/zero | tr '\0' 'h')
req -H "X-Big: $big" "$BASE/api/health"
check huge_header_4xx sh -c "test $code -ge 400 && test $code -lt 500"
# A request line or header block over our 32 KiB caps (but under
# libmicrohttpd's own limit, twice that) is answered in JSON like every
# other error (before: libmicrohttpd's HTML page). Past twice the cap
# libmicrohttpd still answers itself (docs/api.md "Limits").
long=$(head -c 40000 /dev/zero | tr '\0' 'q')
req "$BASE/api/search?q=$long"
check long_uri_414_json sh -c "test $code = 414 && grep -qi '^content-type: application/json' '$TMP/hdr' && jq -e '.error.code == \"uri_too_long\"' '$TMP/body'"
req -H "X-Big: $long" "$BASE/api/health"
check big_header_431_json sh -c "test $code = 431 && grep -qi '^content-type: application/json' '$TMP/hdr' && jq -e '.error.code == \"headers_too_large\"' '$TMP/body'"
req -X POST -H "X-Big: $long" -H 'Content-Type: text/plain' --data-binary 'Tarn Ferry: a post with big headers.' "$BASE/api/articles"
check big_header_post_431_json sh -c "test $code = 431 && jq -e '.error.code == \"headers_too_large\"' '$TMP/body'"
short=$(head -c 30000 /dev/zero | tr '\0' 'q')
req -H "X-Big: $short" "$BASE/api/health"
check header_under_cap_200 test "$code" = 200
# What libmicrohttpd answers itself, before any of our code runs: status
# only (its bodies are HTML or empty): a malformed request line or header
# line 400, a Content-Length that is not a number 400 or past 2^64 413, an
# unknown major version 505, a header block past twice the cap 431.
raw_status "$TMP/mhd.res" <<'PY'
H = b"Host: 127.0.0.1\r\n"
print(status(b"GET /api/health\r\n\r\n"))
print(status(b"GET /api/health HTTP/1.1\r\n" + H + b"NoColonHere\r\n\r\n"))
print(status(b"POST /api/articles HTTP/1.1\r\n" + H + b"Content-Length: abc\r\n\r\n"))
print(status(b"GET /api/health HTTP/2.0\r\n" + H + b"\r\n"))
print(status(b"GET /api/health HTTP/1.1\r\n" + H + b"X-Big: " + b"h" * 70000 + b"\r\n\r\n"))
PY
check mhd_no_version_400 sh -c "sed -n 1p '$TMP/mhd.res' | grep -q ' 400 '"
check mhd_bad_header_line_400 sh -c "sed -n 2p '$TMP/mhd.res' | grep -q ' 400 '"
check mhd_bad_length_400 sh -c "sed -n 3p '$TMP/mhd.res' | grep -q ' 400 '"
check mhd_http2_505 sh -c "sed -n 4p '$TMP/mhd.res' | grep -q ' 505 '"
check mhd_header_past_twice_cap_431 sh -c "sed -n 5p '$TMP/mhd.res' | grep -q ' 431 '"
req --path-as-is "$BASE/../../etc/passwd"
check traversal_404 test "$code" = 404
req --path-as-is "$BASE/%2e%2e/%2e%2e/etc/passwd"
check traversal_encoded_404 test "$code" = 404
req --path-as-is "$BASE/api/../../etc/passwd"
check traversal_api_404 test "$code" = 404
req "$BASE/index.html/../../etc/passwd"
check traversal_after_asset_404 test "$code" = 404
req "$BASE/api/stories/99999"
check unknown_story_404 sh -c "test $code = 404 && jq -e '.error.code == \"not_found\"' '$TMP/body'"
req "$BASE/api/articles/99999"
check unknown_article_404 test "$code" = 404
req "$BASE/api/stories/1x"
check bad_id_404 test "$code" = 404
req "$BASE/api/articles/1%00"
check nul_in_id_404 test "$code" = 404
# Session 22: a NUL (%00) in a query value is refused as not UTF-8 text (before:
# kept as the three characters "%00" and searched for, 200 with nothing found);
# a literal "%00" (%2500) is still searched for.
req "$BASE/api/search?q=ferry%00"
check nul_in_query_400 sh -c "test $code = 400 && jq -e '.error.message | test(\"NUL\")' '$TMP/body'"
req "$BASE/api/stories?entity=Brinmoor%00x"
check nul_in_entity_400 test "$code" = 400
req "$BASE/api/search?q=%2500"
check literal_percent00_searched sh -c "test $code = 200 && jq -e '.query == \"%00\"' '$TMP/body'"
req "$BASE/api/stories?from=0000-00-00"
check impossible_date_400 test "$code" = 400
req "$BASE/api/stories?to=2023-02-29"
check not_a_leap_day_400 test "$code" = 400
req "$BASE/api/nothing"
check unknown_route_404 test "$code" = 404
req "$BASE/nothing.js"
check unknown_asset_404 test "$code" = 404
req -X DELETE "$BASE/api/stories/$sid"
check delete_405 sh -c "test $code = 405 && grep -qi '^allow:' '$TMP/hdr'"
req "$BASE/api/stories?sort=oldest"
check bad_sort_400 test "$code" = 400
req "$BASE/api/stories?cursor=not-a-cursor"
check bad_cursor_400 test "$code" = 400
req "$BASE/api/stories?from=yesterday"
check bad_date_400 test "$code" = 400
req "$BASE/api/health"
check alive_after_errors test "$code" = 200
# Session 22. A page of another origin may not write: a text/plain POST is a
# "simple" request a browser sends cross-site without a preflight (before:
# 201, any web page could add articles to the user's store). A request for a
# name other than loopback's (DNS rebinding: evil.example pointed at
# 127.0.0.1) is refused whole; the page's own same-origin POST still works.
printf 'Forged: Harlow Bay port closes\n\nThe port of Harlow Bay closed for good on Monday, a page on another site said. Dockworkers were sent home.\n' > "$TMP/csrf.txt"
before=$(curl -s "$BASE/api/health" | jq .articles)
req -X POST -H 'Origin: http://evil.example' -H 'Sec-Fetch-Site: cross-site' -H 'Content-Type: text/plain' --data-binary @"$TMP/csrf.txt" "$BASE/api/articles"
check cross_origin_post_403 sh -c "test $code = 403 && jq -e '.error.code == \"cross_origin\"' '$TMP/body'"
req -X POST -H 'Origin: null' -H 'Content-Type: text/plain' --data-binary @"$TMP/csrf.txt" "$BASE/api/articles"
check null_origin_post_403 test "$code" = 403
check cross_origin_nothing_stored test "$(curl -s "$BASE/api/health" | jq .articles)" = "$before"
req -H "Host: evil.example:${BASE##*:}" "$BASE/api/stories"
check rebinding_host_403 sh -c "test $code = 403 && jq -e '.error.code == \"forbidden_host\"' '$TMP/body'"
req -H "Host: evil.example:${BASE##*:}" "$BASE/"
check rebinding_host_page_403 test "$code" = 403
req -H "Host: localhost:${BASE##*:}" "$BASE/api/health"
check localhost_host_200 test "$code" = 200
req -X POST -H "Origin: $BASE" -H 'Sec-Fetch-Site: same-origin' -H 'Content-Type: text/plain' --data-binary @"$TMP/csrf.txt" "$BASE/api/articles"
check same_origin_post_201 test "$code" = 201
# Framing a proxy could read otherwise (RFC 9112): two Content-Lengths that
# disagree, Content-Length with Transfer-Encoding, two Host headers or an
# HTTP/1.1 request without one are 400 (before: the first value was taken,
# "hello" of "hello12" stored as an article; the rest answered 200).
before=$(curl -s "$BASE/api/health" | jq .articles)
raw_status "$TMP/framing.res" <<'PY'
text = b"Smuggled: Harlow Bay ferry sinks\n\nThe Harlow Bay ferry sank on Monday, a forged request said, and all aboard were saved.\n"
print(status(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nContent-Length: 5\r\n\r\n" % len(text) + text))
print(status(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n" % len(text) + text + b"\r\n0\r\n\r\n"))
print(status(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n"))
print(status(b"GET /api/health HTTP/1.1\r\n\r\n"))
print(status(b"GET /api/health HTTP/1.0\r\n\r\n"))
PY
check framing_two_lengths_400 sh -c "sed -n 1p '$TMP/framing.res' | grep -q ' 400 '"
check framing_length_and_chunked_400 sh -c "sed -n 2p '$TMP/framing.res' | grep -q ' 400 '"
check framing_two_hosts_400 sh -c "sed -n 3p '$TMP/framing.res' | grep -q ' 400 '"
check framing_http11_without_host_400 sh -c "sed -n 4p '$TMP/framing.res' | grep -q ' 400 '"
check framing_http10_without_host_200 sh -c "sed -n 5p '$TMP/framing.res' | grep -q ' 200 '"
check framing_nothing_stored test "$(curl -s "$BASE/api/health" | jq .articles)" = "$before"
# Session 25: 17 bodies of 16 MiB announced at once pass the 256 MiB in
# flight; the one refused is 503 busy with a Retry-After (before: none). Only
# the headers are sent: the budget is reserved when they are in.
python3 - "${BASE##*:}" > "$TMP/busy.res" <<'PY'
import select, socket, sys, time
head = b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 16777216\r\n\r\n"
socks = []
for _ in range(17):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    s.sendall(head)
    socks.append(s)
got, end = b"", time.time() + 20
while b"\r\n\r\n" not in got and time.time() < end:
    ready, _, _ = select.select(socks, [], [], 1)
    for s in ready:
        got = s.recv(65536)
        if got: break
for s in socks: s.close()
print(got.split(b"\r\n\r\n")[0].decode("latin-1"))
PY
check busy_503_retry_after sh -c "head -1 '$TMP/busy.res' | grep -q ' 503 ' && grep -qi '^retry-after: 2' '$TMP/busy.res'"

# Hostile article: markup in title and text, a 10 MB title. Stored, returned
# JSON-escaped (no raw '<' in any response), the title capped, the raw kept.
{
    printf '{"title":"<script>alert(1)</script>\\"><img src=x onerror=alert(2)>'
    head -c 10000000 /dev/zero | tr '\0' 'T'
    printf '","date":"2031-09-01","text":"Villagers of Corrin Fell say <script>alert(3)</script> \\"><img src=x onerror=alert(4)> appeared on the parish noticeboard overnight. The council removed the notice."}'
} > "$TMP/evil.json"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/evil.json" "$BASE/api/articles"
check evil_post_201 test "$code" = 201
evil=$(jq -r .id "$TMP/body")
req "$BASE/api/articles/$evil"
check evil_article_200 test "$code" = 200
check evil_no_raw_markup sh -c "! grep -q '<' '$TMP/body'"
check evil_escaped grep -q '\\u003cscript\\u003e' "$TMP/body"
check evil_title_kept_start jq -e '.title | startswith("<script>alert(1)</script>\"><img src=x onerror=alert(2)>")' "$TMP/body"
check evil_title_capped jq -e '(.title | utf8bytelength) <= 1027 and (.title | endswith("…")) and (.truncated | index("title"))' "$TMP/body"
check evil_text_intact jq -e '.text | contains("<script>alert(3)</script> \"><img src=x onerror=alert(4)>")' "$TMP/body"
check evil_raw_size jq -e ".raw_bytes == $(wc -c < "$TMP/evil.json")" "$TMP/body"
req "$BASE/api/articles/$evil/raw"
check evil_raw_whole cmp -s "$TMP/body" "$TMP/evil.json"
check evil_raw_sandboxed grep -qi "^content-security-policy: default-src 'none'; sandbox" "$TMP/hdr"
evil_story=$(curl -s "$BASE/api/articles/$evil" | jq -r .story)
req "$BASE/api/stories/$evil_story"
check evil_story_escaped sh -c "test $code = 200 && ! grep -q '<' '$TMP/body'"
req -G "$BASE/api/search" --data-urlencode "q=Corrin noticeboard"
check evil_search_escaped sh -c "test $code = 200 && ! grep -q '<' '$TMP/body' && jq -e '.articles | length >= 1' '$TMP/body'"
# A JSON "date" the date parser cannot read: the article is kept undated, as
# `precis ingest` keeps it, and the answer says so in "warnings" (before: 201
# with no word, the date silently null). A readable date gives no warning.
req -X POST -H 'Content-Type: application/json' --data-binary '{"title":"Quarry blast rattles Tarnby","date":"the day after the fair","text":"A blast at the Tarnby quarry rattled windows across the village on Friday, residents said. The quarry operator, Flintmoor Aggregates, said the charge was larger than planned."}' "$BASE/api/articles"
check post_bad_date_201_warned sh -c "test $code = 201 && jq -e '.warnings | length == 1 and (.[0] | test(\"date\") and test(\"the day after the fair\"))' '$TMP/body'"
undated=$(jq -r .id "$TMP/body")
req "$BASE/api/articles/$undated"
check post_bad_date_stored_undated jq -e '.date == null and .title == "Quarry blast rattles Tarnby"' "$TMP/body"
# An impossible time in the date (25 o'clock): refused whole, as the CLI
# reader refuses it, and the warning names the time (not only "not a date").
req -X POST -H 'Content-Type: application/json' --data-binary '{"title":"Tarnby council meets at night","date":"2031-06-03T25:00","text":"The Tarnby parish council met late on Tuesday to hear residents about the quarry blasts, the clerk said. A vote on blasting hours was put off."}' "$BASE/api/articles"
check post_bad_time_201_warned sh -c "test $code = 201 && jq -e '.warnings | length == 1 and (.[0] | test(\"2031-06-03T25:00\") and test(\"its time .25:00. is not a time of day\"))' '$TMP/body'"
badtime=$(jq -r .id "$TMP/body")
req "$BASE/api/articles/$badtime"
check post_bad_time_stored_undated jq -e '.date == null and .title == "Tarnby council meets at night"' "$TMP/body"
req -X POST -H 'Content-Type: application/json' --data-binary '{"title":"Tarnby quarry reopens","date":"June 3, 2031","text":"The Tarnby quarry reopened on Monday after inspectors approved new blasting limits, the operator said."}' "$BASE/api/articles"
check post_good_date_no_warning sh -c "test $code = 201 && jq -e '.warnings == null' '$TMP/body'"

# The body decides its format, as `precis ingest` decides a file's (the
# reader's own sniffing, after gunzip); the answer says what was detected.
# Before: a WARC posted as text/html was extracted as one page (its WARC and
# HTTP headers as the text), and octet-stream or no type was 415.
warc_rec() { # URI TITLE SENTENCE: one response record
    page="<!doctype html><html><head><title>$2</title></head><body><article><h1>$2</h1><p>$3</p><p>Harbourmaster Wenna Tolly said the crossings to Orrin Isle would run every two hours until the weekend.</p></article></body></html>"
    http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s\n' "$page")
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2031-04-02T09:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n' \
        "$1" "$(printf '%s' "$http" | wc -c)" "$http"
}
{ warc_rec https://quay.example/orrin "Orrin Isle ferry sails again" "The Orrin Isle ferry sailed again on Wednesday after gales kept it in port for six days."
  warc_rec https://tidings.example/orrin "Gales over, Orrin Isle boats return" "Boats returned to the Orrin Isle crossing on Wednesday once six days of gales had passed."; } > "$TMP/two.warc"
gzip -c "$TMP/two.warc" > "$TMP/two.warc.gz"
req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/two.warc" "$BASE/api/articles"
check post_warc_as_html_201 sh -c "test $code = 201 && jq -e '.detected == \"warc\" and .gzip == false and .added == 2 and (.articles | length) == 2' '$TMP/body'"
w1=$(jq -r '.articles[0].id' "$TMP/body"); w2=$(jq -r '.articles[1].id' "$TMP/body")
req "$BASE/api/articles/$w1"
check post_warc_record_1 jq -e '.title == "Orrin Isle ferry sails again" and .url == "https://quay.example/orrin" and (.text | contains("WARC") | not)' "$TMP/body"
req "$BASE/api/articles/$w2"
check post_warc_record_2 jq -e '.title == "Gales over, Orrin Isle boats return"' "$TMP/body"
req -X POST -H 'Content-Type: application/octet-stream' --data-binary @"$TMP/two.warc" "$BASE/api/articles"
check post_warc_octet_stream_same sh -c "test $code = 200 && jq -e '.detected == \"warc\" and .duplicates == 2 and .articles[0].id == \"$w1\"' '$TMP/body'"
req -X POST -H 'Content-Type:' --data-binary @"$TMP/two.warc" "$BASE/api/articles"
check post_warc_no_type_same sh -c "test $code = 200 && jq -e '.detected == \"warc\" and .duplicates == 2' '$TMP/body'"
req -X POST -H 'Content-Type: application/octet-stream' --data-binary @"$TMP/two.warc.gz" "$BASE/api/articles"
check post_warc_gz_same sh -c "test $code = 200 && jq -e '.detected == \"warc\" and .gzip == true and .duplicates == 2 and .articles[1].id == \"$w2\"' '$TMP/body'"
printf '%s\n' \
  '{"id":"kel-1","title":"Kelby mill reopens","date":"2031-04-05","text":"The old mill at Kelby reopened on Saturday as a museum of weaving, the trust that restored it said."}' \
  '{"id":"kel-2","title":"Weaving museum opens in Kelby","date":"2031-04-05","text":"A museum of weaving opened in the restored Kelby mill on Saturday, drawing visitors from across the valley."}' > "$TMP/two.jsonl"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/two.jsonl" "$BASE/api/articles"
check post_jsonl_two_201 sh -c "test $code = 201 && jq -e '.detected == \"jsonl\" and .added == 2' '$TMP/body'"
req -X POST -H 'Content-Type: text/html' --data-binary @"${PRECIS_ROOT:-.}/tests/fixtures/feeds/coast_ledger.rss" "$BASE/api/articles"
check post_feed_as_html_201 sh -c "test $code = 201 && jq -e '.detected == \"feed\" and .added >= 2' '$TMP/body'"
req -X POST -H 'Content-Type: application/octet-stream' --data-binary 'WARC/1.0 but nothing after it' "$BASE/api/articles"
check post_broken_warc_4xx sh -c "test $code -ge 400 && test $code -lt 500 && jq -e '.error.code and .error.message' '$TMP/body'"
# binary junk declared as a page: refused as `precis ingest` refuses the file
# (before: the extractor stored it as an article of mojibake, 201)
python3 -c 'import random, sys; random.seed(7); sys.stdout.buffer.write(bytes(random.randrange(256) for _ in range(3000)))' > "$TMP/junk.bin"
req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/junk.bin" "$BASE/api/articles"
check post_binary_as_html_400 sh -c "test $code = 400 && jq -e '.error.message | test(\"binary\")' '$TMP/body'"
printf '\037\213\010\000not really gzip at all, only its magic' > "$TMP/bad.gz"
req -X POST --data-binary @"$TMP/bad.gz" "$BASE/api/articles"
check post_corrupt_gzip_400 sh -c "test $code = 400 && jq -e '.error.message | test(\"gzip\")' '$TMP/body'"
python3 -c '
import sys
for i in range(1001):
    sys.stdout.write("{\"id\":\"n%d\",\"text\":\"Notice %d: the Kelby ferry timetable changes on Monday, the harbour office said.\"}\n" % (i, i))
' > "$TMP/many.jsonl"
before=$(curl -s "$BASE/api/health" | jq .articles)
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/many.jsonl" "$BASE/api/articles"
check post_over_1000_articles_413 sh -c "test $code = 413 && jq -e '.error.message | test(\"1000\")' '$TMP/body'"
check post_over_1000_articles_nothing_stored test "$(curl -s "$BASE/api/health" | jq .articles)" = "$before"
# One JSON object is the article object whatever the Content-Type, read as
# `precis ingest` reads the same bytes from a file (session 24): "title": 5 is
# "not used" with the reader's warning, 201 either way (session 18 had the
# server's own check: 400 "must be a string or null" where ingest keeps it).
TW='The Gorran lock keepers opened the new sluice on Tuesday after a year of work, the canal trust said. Boats queued at both ends.'
T5='The Gorran canal trust named a new lock keeper on Wednesday, the first in twenty years. She starts in May.'
printf '{"title": 5, "text": "%s"}' "$T5" > "$TMP/title5.json"
printf '{"title": 5, "text": "%s"}\n' "$T5" > "$TMP/title5.jsonl"
"$PRECIS" ingest --db "$TMP/title5.db" "$TMP/title5.jsonl" 2> "$TMP/title5.err" > /dev/null
cli_warn=$(sed 's/^precis: [^ ]*:1: //' "$TMP/title5.err")
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/title5.json" "$BASE/api/articles"
j_code=$code; jq -c .warnings "$TMP/body" > "$TMP/title5.json.answer"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/title5.json" "$BASE/api/articles"
check post_title5_as_ingest_whatever_the_type sh -c "test $j_code = 201 && test $code = 200 && test \"\$(jq -c .warnings '$TMP/body')\" = \"\$(cat '$TMP/title5.json.answer')\" && jq -e --arg w '$cli_warn' '.warnings == [\$w] and \$w == \"field \\\"title\\\" is a number, not a string: not used\"' '$TMP/body'"
# Session 24: a store another process holds locked (here an exclusive SQLite
# transaction, as a backup tool or a sqlite3 shell may take) refuses a POST
# with 503 store_unavailable in JSON (before: 500 "internal"), and the same
# POST goes in once the lock is gone.
python3 - "$DB" "$TMP/locked" "$TMP/unlock" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
for _ in range(600):
    if os.path.exists(sys.argv[3]): break
    time.sleep(0.05)
c.execute("COMMIT")
PY
locker=$!
for i in $(seq 200); do [ -e "$TMP/locked" ] && break; sleep 0.05; done
printf '{"title":"Brennock quay wall to be repaired","text":"The Brennock council voted on Tuesday to repair the quay wall before the winter storms, the clerk said."}' > "$TMP/locked.json"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/locked.json" "$BASE/api/articles"
lcode=$code; cp "$TMP/body" "$TMP/locked.answer"; cp "$TMP/hdr" "$TMP/locked.hdr"
touch "$TMP/unlock"; wait $locker
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/locked.json" "$BASE/api/articles"
check post_locked_store_503_json sh -c "test $lcode = 503 && jq -e '.error.code == \"store_unavailable\" and (.error.message | test(\"in use by another process\"))' '$TMP/locked.answer' && test $code = 201"
# Session 25: and says when to ask again (before: no Retry-After, so the page
# could only fail or guess).
check locked_store_503_retry_after grep -qi '^retry-after: 5' "$TMP/locked.hdr"
# and does not name the store's file (before: "$DB: the store is in use ...")
check locked_store_503_no_file_name sh -c "! grep -q 'api.db' '$TMP/locked.answer'"
# Messages in plain words: no "request:1:" prefix (before: "request:1: field
# ...", "request:1: request#2: ..."); a JSON Lines body names the line, an
# array its element.
printf '{"text": 5}' > "$TMP/text5.json"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/text5.json" "$BASE/api/articles"
check post_error_no_request_prefix sh -c "test $code = 400 && jq -e '.error.message | startswith(\"field \\\"text\\\"\")' '$TMP/body'"
printf '{"text":"%s"}\n{"text": 5}\nnot json\n' "$TW" > "$TMP/mixed.jsonl"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/mixed.jsonl" "$BASE/api/articles"
check post_jsonl_warnings_name_lines sh -c "test $code = 201 && jq -e '(.warnings | length) == 2 and (.warnings[0] | startswith(\"line 2: field \\\"text\\\" is a number\")) and (.warnings[1] | startswith(\"line 3: invalid JSON\"))' '$TMP/body'"
printf '[{"text": 5}]' > "$TMP/arr5.json"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/arr5.json" "$BASE/api/articles"
check post_array_error_names_element sh -c "test $code = 400 && jq -e '.error.message | startswith(\"element 1: field\")' '$TMP/body'"
# Each posted text has its own source_id, post-HASH of the body (before:
# every one was "request"); the same text again is the same article.
printf 'Sluice opens at Gorran\n\n%s\n' "$TW" > "$TMP/t1.txt"
printf 'Gorran boats pass the new sluice\n\nBoats passed the new sluice at Gorran on Tuesday, a day after the canal trust opened it. The lock keepers said the wait fell to minutes.\n' > "$TMP/t2.txt"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/t1.txt" "$BASE/api/articles"; id1=$(jq -r .id "$TMP/body")
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/t2.txt" "$BASE/api/articles"; id2=$(jq -r .id "$TMP/body")
s1=$(curl -s "$BASE/api/articles/$id1" | jq -r .source_id); s2=$(curl -s "$BASE/api/articles/$id2" | jq -r .source_id)
check post_text_source_ids_distinct sh -c "echo '$s1' | grep -Eq '^post-[0-9a-f]{16}$' && echo '$s2' | grep -Eq '^post-[0-9a-f]{16}$' && test '$s1' != '$s2'"
req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/t1.txt" "$BASE/api/articles"
check post_text_source_id_stable sh -c "test $code = 200 && jq -e '.id == \"$id1\"' '$TMP/body' && test \"\$(curl -s '$BASE/api/articles/$id1' | jq -r .source_id)\" = '$s1'"
# A NUL (\u0000) in a posted text is dropped and said in a warning, as
# `precis ingest` says it (before: dropped without a word); an id holding one
# is refused by name (before: "field "id" must be a string, a number or null").
printf '{"title":"Gorran weir repaired","text":"The Gorran weir was repaired on Thursday, the canal trust said. The bri\\u0000dge above it reopened."}' > "$TMP/nultext.json"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/nultext.json" "$BASE/api/articles"
check post_nul_in_text_dropped_warned sh -c "test $code = 201 && jq -e '.warnings == [\"field \\\"text\\\" holds 1 NUL character (\\\\u0000): dropped\"]' '$TMP/body'"
req "$BASE/api/articles/$(jq -r .id "$TMP/body")"
check post_nul_in_text_stored_without jq -e '.text | contains("bridge above")' "$TMP/body"
printf '{"id":"a\\u0000b","text":"%s"}' "$TW" > "$TMP/nulid.json"
req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/nulid.json" "$BASE/api/articles"
check post_nul_in_id_400_named sh -c "test $code = 400 && jq -e '.error.message == \"field \\\"id\\\" holds a NUL character (\\\\u0000)\"' '$TMP/body'"
# A message quoting a long id keeps its reason and ends at whole characters
# (before: cut at 256 bytes inside an "é", shown as U+FFFD, the reason lost).
for pre in "" x; do
    python3 -c 'import sys; sys.stdout.write("{\"id\": \"" + sys.argv[1] + "\u00e9" * 300 + "\", \"text\": \"\"}")' "$pre" > "$TMP/longid.json"
    req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/longid.json" "$BASE/api/articles"
    check "post_long_id_message_whole${pre:+_odd}" sh -c "test $code = 422 && jq -e '(.error.message | test(\"\\ufffd\") | not) and (.error.message | endswith(\"(no text)\"))' '$TMP/body'"
done
# the refused POST frees what it gathered: under make sanitize a leak makes
# the server's exit status LeakSanitizer's 1 (the stories of the rolled-back
# articles were leaked)
stop; stop_rc=$?
check post_over_1000_articles_server_exits_0 test "$stop_rc" = 0

# An ambiguous date is settled as `precis ingest` settles it (the date window
# of src/story/settle.c, one code path): "03/04/2031" on a .uk address is the
# 3rd of April. Before, a POST kept the month-first reading (2031-03-04), so
# the same article posted after `precis ingest` was a second, differently
# dated article instead of a duplicate.
T='The footbridge over the Brannock at Eddleston reopened after a month of repairs, the county engineer said. Walkers crossed it again before noon.'
printf '{"id":"edd-1","url":"https://gazette.example.co.uk/footbridge","title":"Eddleston footbridge reopens","date":"03/04/2031","text":"%s"}\n' "$T" > "$TMP/amb.json"
printf '{"id":"edd-2","title":"Footbridge open again at Eddleston","date":"Thursday, 03/04/2031","text":"%s Cyclists followed."}\n' "$T" > "$TMP/wday.json"
printf 'Eddleston footbridge reopens\n\n03/04/2031\n\n%s\n' "$T" > "$TMP/amb.txt"
printf '<!doctype html><html><head><title>Footbridge reopens</title></head><body><article><h1>Footbridge reopens</h1><p class="date">03/04/2031</p><p>%s</p></article></body></html>' "$T" > "$TMP/amb.html"
# Invalid UTF-8 in a JSON body: repaired (U+FFFD) as the reader repairs a JSONL
# line, so it is the article `precis ingest` stores (before: 400 from jansson).
printf '{"id":"edd-3","title":"Eddleston caf\351 reopens","text":"The caf\351 by the Eddleston footbridge reopened on Friday, its owner said. Walkers queued for tea."}\n' > "$TMP/bad8.json"
ADB=$TMP/dates.db
p ingest --db "$ADB" "$TMP/amb.json" "$TMP/wday.json" "$TMP/bad8.json"
check dates_ingested test "$rc" = 0
if start dates --db "$ADB"; then
    req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/amb.json" "$BASE/api/articles"
    check post_ambiguous_date_same_as_ingest sh -c "test $code = 200 && jq -e '.duplicate == true' '$TMP/body'"
    req "$BASE/api/articles/$(jq -r .id "$TMP/body")"
    check post_ambiguous_date_uk_day_first jq -e '.date == "2031-04-03"' "$TMP/body"
    req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/wday.json" "$BASE/api/articles"
    check post_weekday_date_same_as_ingest sh -c "test $code = 200 && jq -e '.duplicate == true' '$TMP/body'"
    req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/bad8.json" "$BASE/api/articles"
    check post_invalid_utf8_json_same_as_ingest sh -c "test $code = 200 && jq -e '.duplicate == true' '$TMP/body'"
    req "$BASE/api/articles/$(jq -r .id "$TMP/body")"
    check post_invalid_utf8_json_repaired jq -e '.title == "Eddleston caf\ufffd reopens"' "$TMP/body"
    req -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/amb.txt" "$BASE/api/articles?url=https://courier.example.co.uk/a"
    check post_text_ambiguous_date_201 test "$code" = 201
    req "$BASE/api/articles/$(jq -r .id "$TMP/body")"
    check post_text_ambiguous_date_by_url jq -e '.date == "2031-04-03"' "$TMP/body"
    req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/amb.html" "$BASE/api/articles?url=https://herald.example.co.uk/b"
    check post_html_ambiguous_date_201 test "$code" = 201
    req "$BASE/api/articles/$(jq -r .id "$TMP/body")"
    check post_html_ambiguous_date_by_url jq -e '.date == "2031-04-03"' "$TMP/body"
    req -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/amb.html" "$BASE/api/articles?url=https://herald.example.com/b"
    req "$BASE/api/articles/$(jq -r .id "$TMP/body")"
    check post_html_ambiguous_date_us_month_first jq -e '.date == "2031-03-04"' "$TMP/body"
    stop
else
    echo "not ok - dates_server_starts"; failures=$((failures+1))
fi

# Writes need the token when one is set; reads do not.
if start tok --db "$TMP/tok.db" --token 's3cret'; then
    req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/a.json" "$BASE/api/articles"
    check token_missing_401 sh -c "test $code = 401 && grep -qi '^www-authenticate: Bearer' '$TMP/hdr'"
    req -X POST -H 'Authorization: Bearer nope' -H 'Content-Type: application/json' --data-binary @"$TMP/a.json" "$BASE/api/articles"
    check token_wrong_401 test "$code" = 401
    req -X POST -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' --data-binary @"$TMP/a.json" "$BASE/api/articles"
    check token_right_201 test "$code" = 201
    req "$BASE/api/stories"
    check token_reads_open test "$code" = 200
    stop
else
    echo "not ok - token_server_starts"
fi
p serve --bind 0.0.0.0 --port 0 --db "$TMP/x.db"
check nonloopback_needs_token sh -c "test $rc -eq 1 && grep -q 'token' '$TMP/err'"

# Stories past --sync-rebuild are rebuilt in the background: the POST answers
# first, the story follows.
if start bg --db "$TMP/bg.db" --sync-rebuild 0; then
    req -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/a.json" "$BASE/api/articles"
    check bg_post_201 test "$code" = 201
    bs=$(jq -r .story "$TMP/body")
    built=1
    for i in $(seq 100); do
        curl -s "$BASE/api/stories/$bs" > "$TMP/bgstory"
        if jq -e '.n_sources == 1 and (.sources | length) == 1 and .headline != null' "$TMP/bgstory" >/dev/null 2>&1; then built=0; break; fi
        sleep 0.1
    done
    check bg_story_rebuilt test "$built" -eq 0
    stop
    p ingest --db "$TMP/bg.db" --check
    check bg_store_consistent sh -c "test $rc -eq 0 && head -1 '$TMP/out' | grep -qx ok"
else
    echo "not ok - bg_server_starts"
fi

# Slow clients: idle connections are dropped after --timeout, so with
# --max-connections 2 two silent clients do not lock everyone out for long.
if start slow --db "$TMP/slow.db" --timeout 1 --max-connections 2; then
    (sleep 6 | curl -s "telnet://127.0.0.1:${BASE##*:}" >/dev/null 2>&1) &
    s1=$!
    (sleep 6 | curl -s "telnet://127.0.0.1:${BASE##*:}" >/dev/null 2>&1) &
    s2=$!
    sleep 3
    req --max-time 3 "$BASE/api/health"
    check idle_clients_dropped test "$code" = 200
    kill $s1 $s2 2>/dev/null
    stop
else
    echo "not ok - slow_server_starts"
fi

# Session 22. A client trickling a byte a second is never idle, so --timeout
# alone let it hold its connection as long as it liked (slowloris; 4 such
# clients kept a --max-connections 4 server from answering anyone). A request
# must now arrive whole within --request-timeout: the trickler is cut off
# (within its 30 s of trickling; after ~3 s here) and the server answers again.
if start trickle --db "$TMP/trickle.db" --timeout 1 --request-timeout 2 --max-connections 2; then
    python3 - "${BASE##*:}" > "$TMP/trickle.res" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
data = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 60
t = time.time(); k = 0; said = "alive"
try:
    while time.time() - t < 30 and k < len(data):
        s.sendall(data[k:k + 1]); k += 1
        time.sleep(0.5)
except OSError:
    said = "dropped"
print(said)
PY
    check trickling_client_dropped grep -qx dropped "$TMP/trickle.res"
    req --max-time 5 "$BASE/api/health"
    check trickle_server_answers_after test "$code" = 200
    stop
else
    echo "not ok - trickle_server_starts"; failures=$((failures+1))
fi
# One client address may hold at most --max-per-ip connections (default 64
# when bound to a non-loopback address): the next one is closed at once.
if start perip --db "$TMP/perip.db" --max-per-ip 2; then
    python3 - "${BASE##*:}" > "$TMP/perip.res" <<'PY'
import socket, sys
port = int(sys.argv[1])
def exchange(c):
    """One keep-alive request answered whole: the server has taken the connection."""
    c.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    c.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        data += c.recv(4096)
    head, body = data.split(b"\r\n\r\n", 1)
    length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
    while length and len(body) < length[0]:
        body += c.recv(4096)
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
for c in held:  # both counted before the third arrives (else the test races the accept)
    exchange(c)
third = socket.create_connection(("127.0.0.1", port))
third.settimeout(5)
try:
    third.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    print("refused" if third.recv(100) == b"" else "answered")
except socket.timeout:
    print("held")
except OSError:
    print("refused")
held[0].sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
held[0].settimeout(5)
print(held[0].recv(12).decode())
PY
    check per_ip_cap_refuses_third sh -c "head -1 '$TMP/perip.res' | grep -qx refused"
    check per_ip_cap_held_ones_answered sh -c "sed -n 2p '$TMP/perip.res' | grep -q '^HTTP/1.1 200'"
    stop
else
    echo "not ok - perip_server_starts"; failures=$((failures+1))
fi

# One command for a new user: no --db, the bundled example, from anywhere.
cd "$TMP" && start demo; demo_ok=$?; cd - >/dev/null
if [ $demo_ok -eq 0 ]; then
    req "$BASE/api/health"
    check demo_has_example jq -e ".articles == $n_ex" "$TMP/body"
    check demo_prints_url grep -q 'serving .* at http://127.0.0.1:' "$TMP/demo.out"
    # counted in words: "1 story" (before: "in 1 stories")
    check demo_counts_in_words grep -q "serving $n_ex articles in 1 story at" "$TMP/demo.out"
    stop
else
    echo "not ok - demo_starts"; cat "$TMP/demo.err" >&2
fi

# FAULT: a stream of ingests, kill -9 mid-stream, restart: every acknowledged
# (2xx) article is there and the store is intact.
FDB=$TMP/fault.db
if start fault --db "$FDB"; then
    FBASE=$BASE; FPID=$PID
    poster() { # writer number: posts until the server is gone
        w=$1; i=0
        while [ $i -lt 400 ]; do
            t="Fault test $w-$i: reservoir level at Dunmere station $i"
            c=$(curl -s -o "$TMP/fb$w" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
                --data-binary "{\"title\":\"$t\",\"date\":\"2031-10-01\",\"text\":\"Reading $w-$i: the reservoir at Dunmere station stood at level $i this morning, said keeper number $w of the water board.\"}" \
                "$FBASE/api/articles") || break
            case $c in 2*) printf '%s\t%s\n' "$(jq -r .id "$TMP/fb$w")" "$t" >> "$TMP/acked$w";; *) break;; esac
            i=$((i+1))
        done
    }
    : > "$TMP/acked1"; : > "$TMP/acked2"
    poster 1 & w1=$!
    poster 2 & w2=$!
    for i in $(seq 300); do
        [ "$(cat "$TMP/acked1" "$TMP/acked2" | wc -l)" -ge 40 ] && break
        sleep 0.05
    done
    kill -9 "$FPID"
    wait "$w1" "$w2" 2>/dev/null
    wait "$FPID" 2>/dev/null
    cat "$TMP/acked1" "$TMP/acked2" > "$TMP/acked"
    n_acked=$(wc -l < "$TMP/acked")
    check fault_some_acked test "$n_acked" -ge 40
    if start fault2 --db "$FDB"; then
        missing=0
        while IFS="$(printf '\t')" read -r id title; do
            got=$(curl -s "$BASE/api/articles/$id" | jq -r .title)
            [ "$got" = "$title" ] || missing=$((missing+1))
        done < "$TMP/acked"
        check fault_all_acked_present test "$missing" -eq 0
        stop
    else
        echo "not ok - fault_restart"; cat "$TMP/fault2.err" >&2
    fi
    p ingest --db "$FDB" --check
    check fault_store_intact sh -c "test $rc -eq 0 && head -1 '$TMP/out' | grep -qx ok"
    if command -v sqlite3 >/dev/null 2>&1; then
        check fault_integrity_check sh -c "sqlite3 '$FDB' 'PRAGMA integrity_check' | grep -qx ok"
    fi
else
    echo "not ok - fault_server_starts"
fi
finish
