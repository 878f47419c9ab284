# User pass 22 (docs/cli.md, "User pass 22"): each case failed before its fix.
# Inputs are invented here (outlets, people and places made up).
. tests/cli/lib.sh
q() { python3 -c "import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1"; }

printf 'Quay fire in Brennock\n\nA fire broke out at the Brennock quay on Tuesday morning, the harbour authority said. Firefighters from three stations brought it under control by noon.\n' > "$TMP/a.txt"
printf 'Brennock quay blaze\n\nFirefighters from three stations fought a fire at the Brennock quay on Tuesday, the harbour authority said. Nobody was hurt, officials added.\n' > "$TMP/b.txt"

# 1. a word budget smaller than any sentence: every article was rejected and
# the run exited 3; now the story is kept, its summary empty with a note
p digest -w 3 --no-progress "$TMP/a.txt" "$TMP/b.txt"
check "digest -w 3: the story is kept (0) with a note instead of a summary" \
    sh -c "[ $rc = 0 ] && grep -q 'Quay fire in Brennock' '$TMP/out' && grep -q '(no summary: no sentence fits the budget of 3 words (the shortest takes' '$TMP/out' && grep -q '\[2\] Brennock quay blaze' '$TMP/out' && ! grep -q rejected '$TMP/err' && grep -q '1 of 1 story has no summary' '$TMP/err'"
p digest -w 3 -f json --no-progress "$TMP/a.txt" "$TMP/b.txt"
check "digest -w 3 -f json: no rejection, an empty summary with its note" \
    q "$TMP/out" 'not d["rejected"] and len(d["stories"]) == 1 and d["stories"][0]["summary"]["sentences"] == [] and d["stories"][0]["summary"]["note"].startswith("no summary: no sentence fits the budget of 3 words")'
p digest -w 3 -f md --no-progress "$TMP/a.txt"
check "digest -w 3 -f md: the note in the briefing" grep -q '^- \*(no summary: no sentence fits' "$TMP/out"

# 2. --lang EN was refused (unsupported language 'EN'): codes are case-insensitive
"$PRECIS" digest -f json --no-progress "$TMP/a.txt" "$TMP/b.txt" > "$TMP/lower.json" 2>/dev/null
for c in digest summarize; do
    p $c --lang EN "$TMP/a.txt" "$TMP/b.txt"
    check "$c --lang EN is English" sh -c "[ $rc = 0 ] && grep -q 'Brennock' '$TMP/out'"
done
p digest --lang De --no-progress "$TMP/a.txt"
check "digest --lang De is German" test $rc = 0
p digest --lang EN -f json --no-progress "$TMP/a.txt" "$TMP/b.txt"
check "digest --lang EN gives what --lang en gives" cmp -s "$TMP/out" "$TMP/lower.json"
p digest --lang XX "$TMP/a.txt"
check "digest --lang XX is still a usage error" sh -c "[ $rc = 1 ] && grep -q \"unsupported language 'XX'\" '$TMP/err'"

# 3. --threshold without --online was taken and ignored (the default
# regrouping has its own cut): now a usage error naming --online; cluster took
# up to 10 where digest took up to 1: both take above 0 and at most 1
for c in digest cluster; do
    p $c --threshold 0.5 "$TMP/a.txt"
    check "$c --threshold without --online: usage error naming --online" \
        sh -c "[ $rc = 1 ] && grep -q '$c: --threshold needs --online' '$TMP/err' && [ ! -s '$TMP/out' ]"
    p $c --online --threshold 0.5 "$TMP/a.txt"
    check "$c --online --threshold 0.5 is taken" test $rc = 0
    p $c --online --threshold 5 "$TMP/a.txt"
    check "$c --threshold 5: out of range, the range said" \
        sh -c "[ $rc = 1 ] && grep -q -- '--threshold needs a number above 0 and at most 1' '$TMP/err'"
    p $c --help
    check "$c --help says the range and that it needs --online" \
        sh -c "grep -q 'above 0 and at most 1' '$TMP/out' && grep -q 'with --online only' '$TMP/out'"
done

# 4. one wording for a size limit: clean said "article of N bytes exceeds the
# M-byte article limit", digest "article text of N bytes is over the M-byte
# limit", summarize a third way (pc_over_limit, src/core/buf.c)
python3 -c 'import sys; open(sys.argv[1], "w").write("Big quay fire\n\n" + "A fire broke out at the quay on Tuesday, the harbour authority said. " * 80000 + "\n")' "$TMP/big.txt"
python3 -c 'import sys; open(sys.argv[1], "w").write("Quay fire\n\nA fire broke out at the quay on Tuesday. Crews came.\n" + "x" * 1400000 + ".\n")' "$TMP/longline.txt"
for c in clean digest cluster summarize; do
    p $c "$TMP/big.txt"
    check "$c: an article over 5 MiB in the one wording" \
        sh -c "[ $rc = 2 ] && grep -q 'big.txt: article of 5520016 bytes is over the 5242880-byte limit' '$TMP/err'"
    p $c "$TMP/longline.txt"
    check "$c: a line over 1 MiB in the one wording" \
        sh -c "[ $rc = 2 ] && grep -q 'longline.txt[:0-9]*: line of 1400001 bytes is over the 1048576-byte limit' '$TMP/err'"
done

# 5. counts agree with their nouns and verbs: cluster said "1 of 1 articles had
# no date", digest "1 of 2 articles have no date and 1 a date not believable",
# extract "1 articles, 1 bad records", ingest "(store: 1 articles, 1 stories)"
p cluster "$TMP/a.txt"
check "cluster: 1 of 1 article has no date: it took" \
    grep -q '1 of 1 article has no date: it took the time of the article before it' "$TMP/err"
p cluster "$TMP/a.txt" "$TMP/b.txt"
check "cluster: 2 of 2 articles have no date: each took" grep -q '2 of 2 articles have no date: each took' "$TMP/err"
printf '{"id":"d1","date":"2025-03-04","text":"A fire broke out at the Brennock quay on Tuesday morning, the harbour authority said. Firefighters from three stations brought it under control by noon."}\n{"id":"d2","date":"1066-10-14","text":"Firefighters from three stations fought a fire at the Brennock quay on Tuesday, the harbour authority said. Nobody was hurt."}\n{"id":"d3","text":"Crews fought a fire at the Brennock quay on Tuesday morning, the harbour authority said. Nobody was hurt in the blaze."}\n' > "$TMP/dates.jsonl"
p digest --no-progress "$TMP/dates.jsonl"
check "digest: of 3 articles, 1 has no date and 1 a date not believable" \
    grep -q 'of 3 articles, 1 has no date and 1 a date not believable' "$TMP/err"
p ingest --db "$TMP/one.db" "$TMP/a.txt"
check "ingest: (store: 1 article, 1 story)" grep -q '(store: 1 article, 1 story)' "$TMP/out"

# 6. clean's JSON errors lacked the "invalid JSON:" the other readers print
printf '{"id":"a","text":"A fire broke out at the quay on Tuesday, the authority said. Crews came at noon."}\n{"id": "b", "text": oops}\n[1]\n' > "$TMP/bad.jsonl"
printf '[{"text":"A fire broke out at the quay on Tuesday, the authority said."}, {"text": nope}]\n' > "$TMP/arr.json"
for c in clean digest summarize; do
    p $c "$TMP/bad.jsonl"
    check "$c: a bad JSONL line reads 'invalid JSON: ...'" \
        sh -c "[ $rc = 2 ] && grep -q \"bad.jsonl:2: invalid JSON: invalid token near 'oops'\" '$TMP/err'"
done
p clean "$TMP/bad.jsonl"
check "clean: a line that is not an object is worded as digest words it" grep -q 'bad.jsonl:3: expected a JSON object (an article)' "$TMP/err"
p clean "$TMP/arr.json"
check "clean: a bad array element reads 'invalid JSON: ...'" \
    sh -c "[ $rc = 2 ] && grep -q \"arr.json:1: element 2: invalid JSON: invalid token near 'nope'\" '$TMP/err'"

# 7. a forced --progress into a file ran its updates together with carriage
# returns ("\rprecis digest: 2 articles read\rprecis digest: story 1/1"): off a
# terminal each update is its own line
for c in digest cluster clean; do
    "$PRECIS" $c --progress "$TMP/a.txt" "$TMP/b.txt" > /dev/null 2> "$TMP/err"
    check "$c --progress into a file: one line per update, no carriage return" \
        sh -c "! grep -q \"\$(printf '\\r')\" '$TMP/err' && grep -c '^precis $c: ' '$TMP/err' | grep -qv '^[01]\$' && ! grep -q '^\$' '$TMP/err'"
done

# 8. a file of NUL bytes was an empty article (3): binary data, refused by
# name (2), by every reader; a few NULs in text are still dropped and said
head -c 4000 /dev/zero > "$TMP/zeros.txt"
for c in summarize clean digest cluster; do
    p $c "$TMP/zeros.txt"
    check "$c: a file of NUL bytes is binary data (2), named" \
        sh -c "[ $rc = 2 ] && grep -q 'zeros.txt: binary data, not text (4000 of 4000 bytes are NUL)' '$TMP/err'"
done
p ingest --db "$TMP/z.db" "$TMP/zeros.txt"
check "ingest: a file of NUL bytes is binary data (2)" sh -c "[ $rc = 2 ] && grep -q 'zeros.txt: binary data' '$TMP/err'"
p extract "$TMP/zeros.txt"
check "extract: a file of NUL bytes is binary (2), as before" sh -c "[ $rc = 2 ] && grep -q 'zeros.txt: binary data' '$TMP/err'"
{ cat "$TMP/a.txt"; head -c 3000 /dev/zero; } > "$TMP/mostlynul.txt"
p digest --no-progress "$TMP/mostlynul.txt"
check "digest: text under a mass of NUL bytes is binary (2)" sh -c "[ $rc = 2 ] && grep -q 'mostlynul.txt: binary data, not text (3000 of' '$TMP/err'"
printf 'Quay fire\n\nA fire broke out at the quay on Tuesday, the harbour authority s\000aid. Crews came.\n' > "$TMP/fewnul.txt"
p digest --no-progress "$TMP/fewnul.txt"
check "digest: one NUL byte in a text is still dropped and said (0)" sh -c "[ $rc = 0 ] && grep -q 'holds 1 NUL character' '$TMP/err'"
# a page strewn with NUL bytes: extract refused it as binary, digest, cluster
# and ingest read it, and a WARC record of one was "no article found" (3)
{ printf '<html><head><title>Quay fire</title></head><body><p>A fire broke out at the quay on Tuesday, the harbour authority said. Crews came at noon and fought it.</p>'; head -c 4000 /dev/zero; printf '</body></html>'; } > "$TMP/nul.html"
python3 - "$TMP/nul.warc" <<'PY'
import sys
body = b'<html><body>' + b'\0' * 4000 + b'</body></html>'
http = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n' % len(body) + body
rec = (b'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\nWARC-Record-ID: <urn:uuid:1>\r\n'
       b'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' % len(http) + http + b'\r\n\r\n')
open(sys.argv[1], 'wb').write(rec)
PY
for c in digest cluster; do
    p $c "$TMP/nul.html"
    check "$c: a page strewn with NUL bytes is binary data (2), as extract says" \
        sh -c "[ $rc = 2 ] && grep -q 'nul.html: binary data, not an HTML page' '$TMP/err'"
    p $c "$TMP/nul.warc"
    check "$c: a WARC record of NUL bytes is binary data (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'record 1 (http://x.example/a): binary data, not an HTML page' '$TMP/err'"
done
p extract --warc "$TMP/nul.warc"
check "extract --warc: a record of NUL bytes is binary data (2)" sh -c "[ $rc = 2 ] && grep -q 'binary data, not an HTML page' '$TMP/err'"
if command -v curl >/dev/null && serve_start srv --db "$TMP/srv.db"; then
    code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/zeros.txt" "$BASE/api/articles")
    check "serve: POST of NUL bytes is 400 binary data, as the CLI refuses it" \
        sh -c "[ $code = 400 ] && grep -q 'binary data' '$TMP/body'"
    code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: text/html' --data-binary @"$TMP/nul.html" "$BASE/api/articles")
    check "serve: POST of a page strewn with NUL bytes is 400 binary data" \
        sh -c "[ $code = 400 ] && grep -q 'binary data' '$TMP/body'"
    serve_stop
else
    skip "serve: NUL bytes (no curl or no server)"
fi

# 9. UTF-32 with a byte-order mark was read as UTF-16 (FF FE 00 00 opens with
# UTF-16LE's mark): every other code unit a "NUL character", UTF-32BE text
# and pages binary data; now decoded
python3 - "$TMP" <<'PY'
import json, sys
d = sys.argv[1]
t = 'Quay fire in Brennock\n\nA fire broke out at the Brennock quay on Tuesday morning, the harbour authority said. Caf\u00e9 owners \U0001F525 watched the crews.\n'
h = '<html><head><title>Quay fire</title></head><body><article><p>A fire broke out at the Brennock quay on Tuesday morning, the harbour authority said. Firefighters from three stations brought it under control by noon and nobody was hurt.</p></article></body></html>'
for e, bom in (('le', b'\xff\xfe\x00\x00'), ('be', b'\x00\x00\xfe\xff')):
    open(f'{d}/u32{e}.txt', 'wb').write(bom + t.encode('utf-32-' + e))
    open(f'{d}/u32{e}.html', 'wb').write(bom + h.encode('utf-32-' + e))
    open(f'{d}/u32{e}.jsonl', 'wb').write(bom + (json.dumps({'id': 'j1', 'text': t}) + '\n').encode('utf-32-' + e))
PY
for e in le be; do
    for c in clean summarize; do
        p $c "$TMP/u32$e.txt"
        check "$c: UTF-32$e text is decoded, no NUL said" \
            sh -c "[ $rc = 0 ] && grep -q 'Café owners 🔥 watched' '$TMP/out' && ! grep -q NUL '$TMP/err'"
    done
    p digest --no-progress "$TMP/u32$e.jsonl"
    check "digest: UTF-32$e JSON Lines are decoded" sh -c "[ $rc = 0 ] && grep -q 'Quay fire in Brennock' '$TMP/out' && ! grep -q NUL '$TMP/err'"
    p extract "$TMP/u32$e.html"
    check "extract: a UTF-32$e page is decoded" sh -c "[ $rc = 0 ] && grep -q 'Firefighters from three stations' '$TMP/out' && ! grep -q '<html>' '$TMP/out'"
    p digest --no-progress "$TMP/u32$e.html"
    check "digest: a UTF-32$e page is decoded" sh -c "[ $rc = 0 ] && grep -q 'Quay fire' '$TMP/out' && ! grep -q NUL '$TMP/err'"
done

# 10. Multi-News's " ||||| " inside a JSONL "text" (or a string of a JSON
# array): summarize put the separator at the head of a summary sentence
# ("||||| Boats passed ..."), digest, cluster and ingest kept one article with
# the next one inside it, while a pasted file was split: now split everywhere
U='The Gorran weir reopened on Thursday after repairs, the canal trust said. Boats queued at the lock for most of the morning.'
V='Boats passed the repaired Gorran weir on Thursday, a canal trust spokesman said. The lock keepers said the wait fell to minutes.'
printf '{"id":"m","date":"2025-03-06","text":"%s ||||| %s"}\n' "$U" "$V" > "$TMP/mn.jsonl"
printf '["%s ||||| %s"]\n' "$U" "$V" > "$TMP/mn.json"
p cluster "$TMP/mn.jsonl"
check "cluster: a JSONL text with ' ||||| ' is two articles ID#K" \
    sh -c "[ $rc = 0 ] && grep -q '^m#1	s1' '$TMP/out' && grep -q '^m#2	s1' '$TMP/out'"
p cluster "$TMP/mn.json"
check "cluster: a JSON array string with ' ||||| ' is two articles" sh -c "[ \$(wc -l < '$TMP/out') = 2 ]"
p digest -f json --no-progress "$TMP/mn.jsonl"
check "digest: a JSONL text with ' ||||| ' is two sources with the line's date, no separator" \
    q "$TMP/out" '[x["id"] for x in d["stories"][0]["sources"]] == ["m#1", "m#2"] and all(x["date"] == "2025-03-06" for x in d["stories"][0]["sources"]) and "|||||" not in json.dumps(d)'
p summarize -f json "$TMP/mn.jsonl"
check "summarize: no summary sentence holds ' ||||| ', the parts are documents" \
    sh -c "[ $rc = 0 ] && ! grep -q '|||||' '$TMP/out' && grep -q '\"doc\":\"m#' '$TMP/out'"
p ingest --db "$TMP/mn.db" "$TMP/mn.jsonl"
check "ingest: a JSONL text with ' ||||| ' adds two articles" grep -q '^added 2' "$TMP/out"

finish
