# Bad input found by using the tool as a user would (docs/cli.md): each case
# failed before its fix.
. tests/cli/lib.sh
A="Ferry halted at Varnholm\n\nThe Varnholm ferry service was halted on Tuesday after a storm damaged the north pier, the harbour authority said. Harbour master Elna Stroud said repairs would take at least two weeks. About 1,200 passengers use the crossing every day.\n"
B="Storm closes Osterby pier\n\nA storm on Thursday damaged the south quay at Osterby and stopped the night train, officials said. Stationmaster Ivo Brandt expects the line to reopen in ten days. The route carries about 800 people a night.\n"

# summarize: a bad JSONL line no longer drops the rest of the file. Before, the
# first bad line ended the input: the good lines after it were lost, unnamed.
{
    printf '{"id": "m1"}\n'
    printf '{"id": "g1", "text": "%s"}\n' "$A"
    printf '{"id": "m3", "title": "no text"}\n'
    printf '{"id": "g2", "text": "%s"}\n' "$B"
} > "$TMP/mixed.jsonl"
p summarize --format json "$TMP/mixed.jsonl"
check "summarize: JSONL lines after a bad one are used, each bad line named (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'mixed.jsonl:1: article object has no \"text\" string' '$TMP/err' && grep -q 'mixed.jsonl:3: article object has no \"text\" string' '$TMP/err' && grep -q '\"g1\"' '$TMP/out' && grep -q '\"g2\"' '$TMP/out'"
python3 -c "
import json, sys
print(json.dumps({'id': 'h1', 'text': 'word ' * 300000}))
print(json.dumps({'id': 'h2', 'text': sys.argv[1].replace('\\\\n', '\n')}))" "$A" > "$TMP/huge_first.jsonl"
p summarize --format json "$TMP/huge_first.jsonl"
check "summarize: a line over 1 MiB first, the good line after it summarized (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'huge_first.jsonl:1: line of .* over the 1048576-byte limit' '$TMP/err' && grep -q '\"h2\"' '$TMP/out'"
{
    printf '{"id": "c1", "documents": ["%s", 5, "%s"]}\n' "$A" "$B"
} > "$TMP/baddoc.jsonl"
p summarize --format json "$TMP/baddoc.jsonl"
check "summarize: a bad document of a cluster is named, the others summarized (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'baddoc.jsonl:1: document 2: expected an article object or a string, not a number' '$TMP/err' && grep -q 'c1#3' '$TMP/out'"

# digest/cluster/ingest: JSONL with a UTF-8 byte-order mark (Windows tools, Excel
# exports) was refused whole ("invalid JSON ... near '\xef\xbb\xbf'"); UTF-16 JSONL
# was read as one pasted article whose headline was raw JSON; a UTF-16 HTML page as
# pasted text whose headline was "<html><head>...". summarize and clean read all three.
python3 - "$TMP" "$A" <<'PY2'
import json, os, sys
t, A = sys.argv[1], sys.argv[2].replace('\\n', '\n')
line = json.dumps({"id": "bom1", "text": A, "date": "2024-03-05"}) + "\n"
open(os.path.join(t, "bom.jsonl"), "wb").write(b"\xef\xbb\xbf" + line.encode())
open(os.path.join(t, "u16.jsonl"), "wb").write(line.replace("bom1", "u16").encode("utf-16"))
h = ('<html><head><meta charset="utf-16"><title>Pier closed</title></head><body><article><p>'
     + A.replace('\n', '</p><p>') + '</p></article></body></html>')
open(os.path.join(t, "u16.html"), "wb").write(h.encode("utf-16"))
PY2
for f in bom.jsonl u16.jsonl; do
    id=bom1; [ $f = u16.jsonl ] && id=u16
    p cluster "$TMP/$f"; check "cluster: $f is read as JSON Lines" sh -c "[ $rc = 0 ] && grep -q '^$id	s1' '$TMP/out'"
    p digest "$TMP/$f"; check "digest: $f is read as JSON Lines" sh -c "[ $rc = 0 ] && grep -q '^1. Ferry halted at Varnholm' '$TMP/out' && grep -q '($id)' '$TMP/out'"
    rm -f "$TMP/s.db"
    p ingest --db "$TMP/s.db" "$TMP/$f"; check "ingest: $f is read as JSON Lines" sh -c "[ $rc = 0 ] && grep -q '^added 1,' '$TMP/out'"
    if command -v sqlite3 >/dev/null; then
        check "ingest: $f: the stored article is the JSON object's" sh -c "[ \"\$(sqlite3 '$TMP/s.db' 'select source_id, title from articles')\" = '$id|Ferry halted at Varnholm' ]"
    fi
done
p digest "$TMP/u16.html"; check "digest: a UTF-16 HTML page is extracted, not pasted" sh -c "[ $rc = 0 ] && grep -q '^1. Pier closed' '$TMP/out' && ! grep -q '<html>' '$TMP/out'"

# summarize --batch given an article file: one message, not one per line (a
# 50 MB article gave 557,754 "invalid JSON" lines); an empty input and an empty
# directory are named (exit 3 was silent); -o naming a file is refused before
# any cluster is summarized, saying why (was "-o/story.txt: cannot write").
printf "$A" > "$TMP/a.txt"
: > "$TMP/empty.txt"
mkdir -p "$TMP/nodocs"
p summarize --batch "$TMP/a.txt"
check "summarize --batch: an article file gets one message (2)" \
    sh -c "[ $rc = 2 ] && [ \$(wc -l < '$TMP/err') = 1 ] && grep -q 'a.txt: not JSON of clusters' '$TMP/err'"
p summarize --batch "$TMP/empty.txt"
check "summarize --batch: an empty input is named (3)" sh -c "[ $rc = 3 ] && grep -q 'empty.txt: empty input' '$TMP/err'"
p summarize --batch "$TMP/nodocs"
check "summarize --batch: a directory with no file is named (3)" sh -c "[ $rc = 3 ] && grep -q 'nodocs: no input file found' '$TMP/err'"
p summarize --batch -o "$TMP/a.txt" "${PRECIS_ROOT:-.}/examples/story"
check "summarize --batch -o FILE: a usage error saying it is not a directory (1)" \
    sh -c "[ $rc = 1 ] && grep -q -- '-o .*a.txt: exists and is not a directory' '$TMP/err' && [ ! -s '$TMP/out' ]"

# digest's date note read "1 of 3 articles have no date and 2 one not believable"
python3 -c "
import json, sys
A = sys.argv[1].replace('\\\\n', '\n')
for i, d in enumerate(['2999-01-01', '1000-01-01', None]):
    print(json.dumps(dict({'id': 'f%d' % i, 'text': A}, **({'date': d} if d else {}))))" "$A" > "$TMP/future.jsonl"
p digest "$TMP/future.jsonl"
check "digest: the date note reads 'and 2 a date not believable'" \
    sh -c "[ $rc = 0 ] && grep -q 'of 3 articles, 1 has no date and 2 a date not believable' '$TMP/err'"

# A usage error is its one-line message and a pointer to --help: cluster, digest,
# extract, ingest and serve printed their whole help (40-60 lines) after it.
for c in summarize cluster digest clean extract ingest serve; do
    p $c --bogus-option "$TMP/a.txt"
    check "$c --bogus-option: exit 1, a short message naming the option" \
        sh -c "[ $rc = 1 ] && [ \$(wc -l < '$TMP/err') -le 2 ] && head -1 '$TMP/err' | grep -q \"^precis: $c: .*'--bogus-option'\" && [ ! -s '$TMP/out' ]"
done

# extract given JSON Lines of {"html"} articles parsed the file as one HTML page:
# the lines ran together into one article strewn with '"} {"id":"h2","html":"'
H='<html><body><article><p>The Varnholm ferry service was halted on Tuesday after a storm damaged the north pier, the harbour authority said. Harbour master Elna Stroud said repairs would take at least two weeks.</p></article></body></html>'
printf '{"id": "h1", "html": "%s"}\n{"id": "h2", "html": "%s"}\n' "$H" "$H" > "$TMP/html.jsonl"
printf '%s\n' "$H" > "$TMP/page.html"
p extract "$TMP/html.jsonl" "$TMP/page.html"
check "extract: a JSONL file is refused by name, the page extracted (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'html.jsonl: JSON, not an HTML page' '$TMP/err' && ! grep -q '\"id\"' '$TMP/out' && grep -q 'Varnholm' '$TMP/out'"

# serve --bind with a value that is no address was found only after the inputs
# were ingested, and exited 4 (internal) instead of 1 (usage)
p serve --bind nonsense --token t --port 0 --db "$TMP/missing/s.db"
check "serve --bind nonsense: a usage error (1) naming the value" \
    sh -c "[ $rc = 1 ] && grep -q -- '--bind nonsense: not an IPv4 or IPv6 address' '$TMP/err'"

# POST /api/articles: a JSON body with a UTF-8 byte-order mark was 400 "malformed JSON"
if command -v curl >/dev/null; then
    PIDS=""
    trap 'kill $PIDS 2>/dev/null; rm -rf "$TMP"' EXIT
    if serve_start bom; then
        printf '\357\273\277{"id": "p1", "text": "The harbour council of Osterby met on Tuesday to discuss the winter ferry schedule, officials said."}' > "$TMP/bom.json"
        code=$(curl -s -o "$TMP/post.out" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$TMP/bom.json" "$BASE/api/articles")
        check "serve: POST of JSON with a byte-order mark is taken (201)" sh -c "[ '$code' = 201 ] && grep -q '\"story\"' '$TMP/post.out'"
        head -c 4096 /dev/urandom > "$TMP/junk.bin"
        code=$(curl -s -o "$TMP/post.out" -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary @"$TMP/junk.bin" "$BASE/api/articles")
        check "serve: POST of binary data is refused (400, was 422 no_article)" sh -c "[ '$code' = 400 ] && grep -q 'binary data' '$TMP/post.out'"
        serve_stop
    else
        echo "not ok - serve: server did not start"; failures=$((failures+1))
    fi
else
    skip "serve: curl not available"
fi

# digest --format md made a source's "javascript:" URL a live link in the
# briefing ("[title](javascript:alert%281%29)"); only http(s) addresses are links
python3 -c "
import json, sys
A = sys.argv[1].replace('\\\\n', '\n')
print(json.dumps({'id': 'j1', 'title': 'Pier closed', 'url': 'javascript:alert(1)', 'text': A}))
print(json.dumps({'id': 'j2', 'title': 'Pier shut', 'url': 'https://harbour.example/pier', 'text': A.replace('Varnholm', 'Varnholm town')}))" "$A" > "$TMP/links.jsonl"
p digest --format md "$TMP/links.jsonl"
check "digest --format md: no javascript: link, the https one kept" \
    sh -c "[ $rc = 0 ] && ! grep -qi '](javascript' '$TMP/out' && grep -q '\[Pier shut\](https://harbour.example/pier)' '$TMP/out'"

# digest --format md wrote page text as Markdown: a headline's "<b>" or
# "<script>" was raw HTML in the rendered briefing, "*...*" emphasis, DUC's
# ``quote'' a code span, and a source without a title but with a
# "javascript:" URL an autolink ("<javascript:...>"); now page text is escaped
python3 -c "
import json, sys
A = sys.argv[1].replace('\\\\n', '\n')
print(json.dumps({'id': 'm1', 'title': '<script>alert(1)</script> Pier *closed* \`now\`', 'site': 'Harbour & Co', 'text': A}))
print(json.dumps({'id': 'm2', 'url': 'javascript:alert(2)', 'text': '``It is shut for now,\'\' the harbour master of Osterby, Ivo Marsk, said on the quay on Wednesday morning. The Osterby pier will reopen in May once the damaged deck is rebuilt, the town council said.'}))" "$A" > "$TMP/mdesc.jsonl"
p digest --format md "$TMP/mdesc.jsonl"
md_escaped() {
    [ $rc = 0 ] && ! grep -qF '<script>' "$TMP/out" && grep -qF '\<script\>alert(1)\</script\> Pier \*closed\* \`now\`' "$TMP/out" &&
        ! grep -qF ' <javascript' "$TMP/out" && grep -qF '\<javascript:alert(2)\>' "$TMP/out" &&
        grep -qF 'Harbour \& Co' "$TMP/out"
}
check "digest --format md: page text escaped (no raw <script>, no autolink, no emphasis, no code span)" md_escaped
p digest --format text "$TMP/mdesc.jsonl"
check "digest --format text: page text as written" grep -qF '<script>alert(1)</script> Pier *closed* `now`' "$TMP/out"

# Two JSON objects on one line (or a file with lone CR line ends, old Mac) lost
# every object after the first without a word: digest, cluster and summarize
# read the first and ignored the rest of the line (exit 0).
python3 -c "
import json, sys
A = sys.argv[1].replace('\\\\n', '\n')
a = json.dumps({'id': 'o1', 'text': A}); b = json.dumps({'id': 'o2', 'text': A.replace('Varnholm', 'Osterby')})
open(sys.argv[2] + '/twoobj.jsonl', 'w').write(a + ' ' + b + '\n' + json.dumps({'id': 'o3', 'text': A}) + '\n')
open(sys.argv[2] + '/cr.jsonl', 'w').write(a + '\r' + b + '\r')
open(sys.argv[2] + '/comma.jsonl', 'w').write(a + ',\n' + b + '\n')" "$A" "$TMP"
for c in cluster digest summarize; do
    p $c "$TMP/twoobj.jsonl"; check "$c: two objects on one line: the line is refused by name, the next used (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'twoobj.jsonl:1: text after the JSON object' '$TMP/err' && [ -s '$TMP/out' ]"
    # every command reads CR line ends as LF (core pc_text_decode), as summarize
    # did: digest and cluster refused the file (2) while summarize read it (0)
    p $c --format json "$TMP/cr.jsonl"; check "$c: JSONL with lone CR line ends: both objects read" \
        sh -c "[ $rc = 0 ] && grep -q '\"o1\"' '$TMP/out' && grep -q '\"o2\"' '$TMP/out'"
    p $c "$TMP/comma.jsonl"; check "$c: a trailing comma after the object is still taken" sh -c "[ $rc = 0 ] && [ -s '$TMP/out' ]"
done

# A JSON array of articles (what many exporters write) was one pasted article of
# raw JSON: digest's headline read '"text": "The Varnholm ...'. digest, cluster,
# ingest and summarize read its elements; clean refuses it, saying how to convert.
python3 -c "
import json, sys
A = sys.argv[1].replace('\\\\n', '\n')
json.dump([{'id': 'e1', 'title': 'Pier closed', 'text': A}, {'id': 'e2', 'title': 'Pier shut', 'text': A.replace('Varnholm', 'Varnholm town')}, 5],
          open(sys.argv[2] + '/array.json', 'w'), indent=2)" "$A" "$TMP"
p cluster "$TMP/array.json"
check "cluster: a JSON array: its articles, the bad element named (2)" \
    sh -c "[ $rc = 2 ] && grep -q '^e1	' '$TMP/out' && grep -q '^e2	' '$TMP/out' && grep -q 'array.json:[0-9]*: element 3: expected an article object or a string, not a number' '$TMP/err'"
p digest "$TMP/array.json"
check "digest: a JSON array: headline from the titles, not raw JSON" sh -c "[ $rc = 2 ] && grep -q '^1. Pier' '$TMP/out' && ! grep -q '\"text\"' '$TMP/out'"
p summarize --format json "$TMP/array.json"
check "summarize: a JSON array: its articles summarized" sh -c "[ $rc = 2 ] && grep -q '\"doc\":\"e[12]\"' '$TMP/out' && ! grep -q 'text\\\\\"' '$TMP/out'"
rm -f "$TMP/arr.db"
p ingest --db "$TMP/arr.db" "$TMP/array.json"
check "ingest: a JSON array: 2 articles added" sh -c "[ $rc = 2 ] && grep -q '^added 2,' '$TMP/out'"
p clean --format jsonl "$TMP/array.json"
check "clean: a JSON array: its articles cleaned, the bad element named (2)" \
    sh -c "[ $rc = 2 ] && grep -q '\"id\":\"e1\"' '$TMP/out' && grep -q '\"id\":\"e2\"' '$TMP/out' && grep -q 'array.json:[0-9]*: element 3: expected an article object or a string, not a number' '$TMP/err'"

# The same array behind a UTF-8 byte-order mark: summarize read it (its input is
# decoded), digest, cluster and ingest refused it as invalid JSON (jansson sees
# the mark); clean took an array of strings for one pasted text of raw JSON
printf '\357\273\277' > "$TMP/bomarray.json"; cat "$TMP/array.json" >> "$TMP/bomarray.json"
for c in cluster digest summarize; do
    p $c "$TMP/bomarray.json"; check "$c: a JSON array after a byte-order mark: its articles, the bad element named (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'bomarray.json[#:][0-9]' '$TMP/err' && ! grep -q 'invalid JSON' '$TMP/err' && [ -s '$TMP/out' ]"
done
printf '["%s"]' "Pier closed at Varnholm" > "$TMP/strarray.json"
p clean --format jsonl "$TMP/strarray.json"
check "clean: a JSON array of strings: each string one article (jq -c '.[]', the advice before, gave bare strings clean refused)" \
    sh -c "[ $rc = 0 ] && [ \$(wc -l < '$TMP/out') = 1 ] && grep -q '\"id\":\"strarray.json#1\"' '$TMP/out' && grep -q 'Varnholm' '$TMP/out'"

# summarize --batch -o: two clusters with one id, or ids that map to one file name
# ("x/y" and "x_y"), overwrote each other's summary without a word (6 clusters, 4 files, exit 0)
python3 -c "
import json, sys
A = sys.argv[1].replace('\\\\n', '\n')
for cid in ['d1', 'd1', 'x/y', 'x_y']: print(json.dumps({'id': cid, 'documents': [A]}))" "$A" > "$TMP/dupids.jsonl"
p summarize --batch -o "$TMP/sums" "$TMP/dupids.jsonl"
check "summarize --batch -o: clusters sharing a file name all written, the renames named" \
    sh -c "[ $rc = 0 ] && [ \$(ls '$TMP/sums' | wc -l) = 4 ] && [ -s '$TMP/sums/d1-2.txt' ] && [ -s '$TMP/sums/x_y-2.txt' ] && grep -q \"cluster 'd1' goes to .*d1-2.txt\" '$TMP/err'"

# Pasted text whose lines end with CR alone (classic Mac OS): the headline ran
# into the first sentence ("Ferry halted at Varnholm The Varnholm ferry ...") in
# summarize and digest, whose cleaner saw one line
printf "$A" | tr '\n' '\r' > "$TMP/cr.txt"
p summarize "$TMP/cr.txt"
check "summarize: CR-only line ends: the headline is not a sentence" sh -c "[ $rc = 0 ] && ! grep -q 'Varnholm The Varnholm' '$TMP/out' && grep -q '^The Varnholm ferry' '$TMP/out'"
p digest "$TMP/cr.txt"
check "digest: CR-only line ends: the headline is the title line" sh -c "[ $rc = 0 ] && grep -qx '1. Ferry halted at Varnholm' '$TMP/out'"

# extract -u URL with several pages gave every page that address, and the date in it
printf '%s\n' "$H" > "$TMP/page2.html"
p extract -u https://harbour.example/2024/03/05/pier "$TMP/page.html" "$TMP/page2.html"
check "extract -u with two pages: a usage error (1), nothing printed" \
    sh -c "[ $rc = 1 ] && grep -q -- '-u/--url is the address of one page, not of 2' '$TMP/err' && [ ! -s '$TMP/out' ]"
p extract -u https://harbour.example/2024/03/05/pier --format json "$TMP/page.html"
check "extract -u with one page: its url and date" sh -c "[ $rc = 0 ] && grep -q '\"date\":\"2024-03-05\"' '$TMP/out'"
finish
