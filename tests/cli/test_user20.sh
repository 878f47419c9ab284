# User pass 20 (docs/cli.md, "User pass 20"): each case failed before its fix.
# Inputs are invented here (outlets, people and places made up).
. tests/cli/lib.sh

T='A fire broke out at the Brennock quay on Tuesday morning, the harbour authority said. Firefighters from three stations brought it under control by noon.'

# an "id" over 4,096 bytes: summarize refused the line, digest, cluster and
# clean took it (one rule for every reader now: text/article.h PT_MAX_ID_BYTES)
python3 -c 'import json,sys; print(json.dumps({"id": "g"*5000, "text": sys.argv[1]})); print(json.dumps({"id": "ok", "text": sys.argv[1]}))' "$T" > "$TMP/longid.jsonl"
for c in summarize digest cluster clean; do
    p $c "$TMP/longid.jsonl"
    check "$c: an id over 4096 bytes refuses its line by name" \
        sh -c "[ $rc = 2 ] && grep -q 'longid.jsonl:1: .*\"id\" of 5000 bytes is over the 4096-byte limit for ids' '$TMP/err' && ! grep -q gggggggggg '$TMP/out'"
done
p ingest --db "$TMP/id.db" "$TMP/longid.jsonl"
check "ingest: an id over 4096 bytes refuses its line by name" \
    sh -c "[ $rc = 2 ] && grep -q 'longid.jsonl:1: .*over the 4096-byte limit for ids' '$TMP/err'"

# POST /api/articles: the same rule and words (before: "field "id" must be a
# string, a number or null", and an id of any length was taken)
if command -v curl >/dev/null && serve_start srv --db "$TMP/srv.db"; then
    python3 -c 'import json,sys; print(json.dumps({"id": "g"*5000, "text": sys.argv[1]}))' "$T" > "$TMP/longid.json"
    code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/longid.json" "$BASE/api/articles")
    check "serve: POST of an id over 4096 bytes is 400, named" \
        sh -c "[ $code = 400 ] && grep -q 'over the 4096-byte limit for ids' '$TMP/body'"
    printf '{"id": [1], "text": "%s"}' "$T" > "$TMP/arrid.json"
    code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/arrid.json" "$BASE/api/articles")
    check "serve: a wrong-typed id is worded as the readers word it" \
        sh -c "[ $code = 400 ] && grep -q 'field .\"id.\" must be a string or an integer, not an array' '$TMP/body'"
    serve_stop
else
    skip "serve: id rule (no curl or no server)"
fi

finish
