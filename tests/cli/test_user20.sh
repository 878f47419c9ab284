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

# raw NUL bytes (not a JSON "\u0000") were dropped without a word by every
# reader: now said once per input (a pasted file) or JSONL line
printf 'Quay fire in Brennock\n\n%s It s\000tarted in a warehouse.\n' "$T" > "$TMP/nul.txt"
printf '{"id": "n1", "text": "%s It s\000tarted in a warehouse."}\n' "$T" > "$TMP/nul.jsonl"
for c in summarize digest cluster clean; do
    p $c "$TMP/nul.txt"
    check "$c: a NUL byte in a pasted file is said once" \
        sh -c "[ $rc = 0 ] && [ \$(grep -c 'nul.txt: the file holds 1 NUL character: dropped' '$TMP/err') = 1 ]"
done
for c in digest cluster; do
    p $c "$TMP/nul.jsonl"
    check "$c: a NUL byte in a JSONL line is said with its line" \
        sh -c "[ $rc = 0 ] && grep -q 'nul.jsonl:1: n1: the line holds 1 NUL character: dropped' '$TMP/err'"
done
p ingest --db "$TMP/nul.db" "$TMP/nul.jsonl"
check "ingest: a NUL byte in a JSONL line is said" sh -c "[ $rc = 0 ] && grep -q 'nul.jsonl:1: n1: the line holds 1 NUL character' '$TMP/err'"
p summarize "$TMP/nul.jsonl"
check "summarize: a NUL byte in a JSONL file is said" sh -c "[ $rc = 0 ] && grep -q 'nul.jsonl: the file holds 1 NUL character: dropped' '$TMP/err' && grep -q 'Brennock quay' '$TMP/out'"
# Latin-1 text: a NUL was a space ("s tarted"), now dropped as in UTF-8
printf 'Caf\351 fire in Brennock\n\n%s The caf\351 s\000tarted to burn at noon.\n' "$T" > "$TMP/latin.txt"
p clean "$TMP/latin.txt"
check "clean: a NUL in Latin-1 text is dropped, not a space, and said" \
    sh -c "[ $rc = 0 ] && grep -q 'The café started to burn' '$TMP/out' && grep -q 'latin.txt: the file holds 1 NUL character' '$TMP/err'"
# a file of NUL bytes: why it is empty
head -c 4000 /dev/zero > "$TMP/zeros.txt"
p digest "$TMP/zeros.txt"
# (user pass 22: such a file is binary data, refused by name, not empty)
check "digest: a file of NUL bytes says why it is refused" \
    sh -c "[ $rc = 2 ] && grep -q 'zeros.txt: binary data, not text (4000 of 4000 bytes are NUL)' '$TMP/err'"

# Multi-News's raw " ||||| " between articles: summarize split on it, digest,
# cluster and ingest took the whole text for one article (the separator and
# the next article inside its sentences and timeline)
U='The Gorran weir reopened on Thursday after repairs, the canal trust said. Boats queued at the lock for most of the morning.'
V='Boats passed the repaired Gorran weir on Thursday, a canal trust spokesman said. The lock keepers said the wait fell to minutes.'
printf '%s ||||| %s ||||| ' "$U" "$V" > "$TMP/mn.txt"
p cluster "$TMP/mn.txt"
check "cluster: ' ||||| ' separates articles (NAME#K)" \
    sh -c "[ $rc = 0 ] && [ \$(wc -l < '$TMP/out') = 2 ] && grep -q 'mn.txt#1	s1' '$TMP/out' && grep -q 'mn.txt#2	s1' '$TMP/out'"
p digest "$TMP/mn.txt"
check "digest: ' ||||| ' separates articles, none in the briefing" \
    sh -c "[ $rc = 0 ] && grep -q '2 sources' '$TMP/out' && ! grep -q '|||||' '$TMP/out'"
printf '%s ||||| %s' "$U" "$V" | "$PRECIS" ingest --db "$TMP/mn.db" - > "$TMP/out" 2>&1
check "ingest: ' ||||| ' on stdin gives two articles" grep -q 'added 2' "$TMP/out"

# summarize --batch: an empty file in a cluster's directory was not named, and
# a cluster of only empty files said "no usable sentence in 1 document (only
# headlines, fragments or debris)"
mkdir -p "$TMP/bt/c1" "$TMP/bt/c2"; : > "$TMP/bt/c1/e.txt"; printf '\n\n' > "$TMP/bt/c2/blank.txt"
printf 'Gorran weir reopens\n\n%s\n' "$U" > "$TMP/bt/c2/a.txt"
p summarize --batch "$TMP/bt"
check "summarize --batch: empty files are named, the cluster's message is not 'no usable sentence'" \
    sh -c "[ $rc = 0 ] && grep -q 'c1/e.txt: empty article (no text)' '$TMP/err' && grep -q 'c2/blank.txt: empty article (no text)' '$TMP/err' && ! grep -q 'no usable sentence' '$TMP/err' && grep -q '\"id\":\"c2\"' '$TMP/out'"

# POST /api/articles: the same rule and words (before: "field "id" must be a
# string, a number or null", and an id of any length was taken)
if command -v curl >/dev/null && serve_start srv --db "$TMP/srv.db"; then
    python3 -c 'import json,sys; print(json.dumps({"id": "g"*5000, "text": sys.argv[1]}))' "$T" > "$TMP/longid.json"
    code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/longid.json" "$BASE/api/articles")
    # 413 since session 24: the reader's status for a part over a limit, as a
    # JSON Lines body with the same line was answered (the server's own check said 400)
    check "serve: POST of an id over 4096 bytes is 413, named" \
        sh -c "[ $code = 413 ] && grep -q 'over the 4096-byte limit for ids' '$TMP/body'"
    printf '{"id": [1], "text": "%s"}' "$T" > "$TMP/arrid.json"
    code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/arrid.json" "$BASE/api/articles")
    check "serve: a wrong-typed id is worded as the readers word it" \
        sh -c "[ $code = 400 ] && grep -q 'field .\"id.\" must be a string or an integer, not an array' '$TMP/body'"
    serve_stop
else
    skip "serve: id rule (no curl or no server)"
fi

finish
