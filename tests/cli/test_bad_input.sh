# Bad input from the issues' "Bad input" lists (summarize #4, digest/cluster #7,
# extract/clean): each gives a clear message naming the input, the exit code of
# docs/cli.md, and no lost article. Big inputs are generated here, in $TMP.
. tests/cli/lib.sh
ROOT=${PRECIS_ROOT:-.}
python3 - "$TMP" <<'PY'
import json, os, sys
t = sys.argv[1]
def w(name, data, mode='w'):
    with open(os.path.join(t, name), mode) as f: f.write(data)
A = ("Ferry halted at Varnholm\n\nThe Varnholm ferry service was halted on Tuesday after a storm damaged the north pier, "
     "the harbour authority said. Harbour master Elna Stroud said repairs would take at least two weeks. "
     "About 1,200 passengers use the crossing every day. The council will meet on Friday to discuss a temporary bus link.\n")
B = ("Storm closes Varnholm pier\n\nA storm on Tuesday damaged the north pier at Varnholm and stopped the ferry, "
     "officials said. Elna Stroud, the harbour master, expects repairs to last two weeks. "
     "The crossing carries about 1,200 passengers a day. A bus link is to be discussed by the council on Friday.\n")
w('a.txt', A); w('b.txt', B); w('empty.txt', ''); w('oneword.txt', 'Hello\n')
w('latin1.txt', A.replace('harbour authority said', 'harbour authority d\u00e9clar\u00e9').encode('latin-1'), 'wb')
w('utf16.txt', A.encode('utf-16'), 'wb')                       # with its byte-order mark
w('nul.txt', (A + "\0\0" + B).encode(), 'wb')
w('binary.bin', bytes(range(256)) * 16, 'wb')
w('multinews.txt', A.replace('\n', ' ') + ' ||||| ' + B.replace('\n', ' '))
docs = ["Tiny item %d about the Varnholm pier repair schedule." % i for i in range(10000)]
w('tiny.jsonl', json.dumps({"id": "big", "documents": docs}) + '\n')
w('tiny10001.jsonl', json.dumps({"id": "big", "documents": docs + ["One more."]}) + '\n')
dates = ["", None, "9999-12-31", "0001-01-01", "2024-02-30", "2100-01-01", "garbage", "2024-13-45", 5, "2024-03-01T10:00:00Z"]
w('dates.jsonl', ''.join(json.dumps(dict({"id": "d%d" % i, "text": B if i % 2 else A},
                                         **({} if d is None else {"date": d}))) + '\n' for i, d in enumerate(dates)))
w('copies.jsonl', ''.join(json.dumps({"id": "c%d" % i, "text": A}) + '\n' for i in range(1000)))
w('illtyped.jsonl', '\n'.join([json.dumps({"id": "ok1", "text": A}), json.dumps({"id": "n1", "text": None}),
    json.dumps({"id": "n2", "date": 5, "text": B}), json.dumps({"id": 7, "text": A}),
    json.dumps({"id": "n5", "text": 12}), json.dumps(["not", "an", "object"]), json.dumps({"id": "n7", "text": ""}),
    json.dumps({"id": "n8", "text": "word"}), json.dumps({"id": "n10", "text": B, "url": 3, "site": {}, "author": True}),
    '{"id": "n11", "text": "unterminated', json.dumps({"id": "n14", "documents": "notalist"})]) + '\n')   # 11 lines
html = "<html><head><title>Pier</title></head><body><article><p>" + A.replace('\n', '</p><p>') + "</p></article></body></html>"
def rec(uri, body):
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body).encode()
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(http))).encode() + http + b"\r\n\r\n"
r2 = rec("http://example.test/b", html)
w('trunc.warc', rec("http://example.test/a", html) + r2[:len(r2) // 2], 'wb')
w('nested.html', "<html><body>" + "<div>" * 100000 + "<p>" + A + "</p>" + "</div>" * 100000 + "</body></html>")
w('unterm_script.html', "<html><body><article><p>" + A + "</p><script>var x = '" + B)
w('unterm_comment.html', "<html><body><article><p>" + A + "</p><!-- never closed " + B)
sent = "The harbour council met on Tuesday to discuss the ferry schedule for the winter months ahead.\n"
w('big50.txt', "Council meets\n\n" + sent * (50 * 1024 * 1024 // len(sent)))
# 6 MiB of text in one page: over the 5 MiB article limit, refused before gumbo parses it
bightml = "<html><body><article>" + ("<p>" + sent + "</p>") * (6 * 1024 * 1024 // len(sent)) + "</article></body></html>"
w('bightml.html', bightml)
w('bightml.warc', rec("http://example.test/big", bightml) + rec("http://example.test/a", html), 'wb')
PY
# gzip bomb: 1.3 MB that inflates to 260 MiB of spaces (the file limit is 256 MiB)
head -c 272629760 /dev/zero | tr '\0' ' ' | gzip -1 > "$TMP/bomb.txt.gz"
cd "$TMP" || exit 1

# -- summarize (issue 4) ---------------------------------------------------
p summarize; check "summarize: zero articles is a usage error" [ $rc = 1 ]
p summarize empty.txt; check "summarize: empty article named, exit 3" sh -c "[ $rc = 3 ] && grep -q 'empty.txt: empty article' err"
p summarize a.txt; check "summarize: one article is summarized" sh -c "[ $rc = 0 ] && grep -q 'Varnholm ferry' out"
p summarize oneword.txt; check "summarize: no sentence: named, exit 3" sh -c "[ $rc = 3 ] && grep -q 'oneword.txt: no usable sentence' err"
p summarize big50.txt a.txt; check "summarize: 50 MB article refused by name, the rest summarized (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'big50.txt: article of 52428.* over the 5242880-byte limit' err && [ -s out ]"
p summarize tiny.jsonl; check "summarize: 10,000 tiny articles in one cluster" sh -c "[ $rc = 0 ] && grep -q 'Varnholm' out"
p summarize --batch tiny.jsonl; check "summarize --batch: 10,000 tiny articles in one cluster" sh -c "[ $rc = 0 ] && grep -q '\"id\":\"big\"' out"
p summarize --batch tiny10001.jsonl; check "summarize --batch: 10,001 documents refused by name (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'tiny10001.jsonl:1: document 10001: more than 10000 documents' err"
p summarize binary.bin; check "summarize: binary junk refused (2)" sh -c "[ $rc = 2 ] && grep -q 'binary.bin: binary data' err"
p summarize -w 1 a.txt b.txt; check "summarize: -w 1 says no sentence fits (3)" sh -c "[ $rc = 3 ] && grep -q 'no sentence fits the budget of 1 word (the shortest takes 8)' err"
p summarize -b 5 a.txt b.txt; check "summarize: -b 5 says no sentence fits (3)" sh -c "[ $rc = 3 ] && grep -q 'no sentence fits the budget of 5 bytes' err"
p summarize --sentences 0 a.txt; check "summarize: --sentences 0 is a usage error" [ $rc = 1 ]
p summarize -w 1073741824 a.txt b.txt; check "summarize: -w 2^30 is accepted" sh -c "[ $rc = 0 ] && [ -s out ]"
p summarize -w 2147483647 a.txt; check "summarize: -w over 2^30 names the range (1)" \
    sh -c "[ $rc = 1 ] && grep -q 'from 1 to 1073741824' err"
"$PRECIS" summarize --format json - < multinews.txt > mn.json 2>/dev/null
check "summarize: Multi-News ' ||||| ' stdin is split into its articles" \
    sh -c "grep -q '<stdin>#1' mn.json && grep -q '<stdin>#2' mn.json"
p summarize trunc.warc a.txt; check "summarize: a WARC file is refused, not summarized as text (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'trunc.warc: a WARC file, not article text' err && ! grep -q '<html>' out"
p summarize unterm_script.html; check "summarize: an HTML page is refused by name (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'unterm_script.html: an HTML page' err"
# Latin-1 / UTF-16 pasted text is decoded, not turned into U+FFFD (core pc_text_decode)
p summarize latin1.txt; check "summarize: Latin-1 text decoded" grep -q 'déclaré' out
p clean latin1.txt; check "clean: Latin-1 text decoded" grep -q 'déclaré' out
p digest latin1.txt; check "digest: Latin-1 text decoded" grep -q 'déclaré' out
p digest utf16.txt; check "digest: UTF-16 with BOM: headline without U+FFFD" sh -c "[ $rc = 0 ] && grep -q '^1. Ferry halted' out && ! grep -q \$(printf '\357\277\275') out"
p clean utf16.txt; check "clean: UTF-16 with BOM decoded" sh -c "grep -q '^Ferry halted' out"

# -- digest / cluster (issue 7): every article in one story or named as rejected
count() { # expected, inputs... : cluster lines + '(rejected)' lines, digest sources + rejected
    n=$1; shift
    "$PRECIS" cluster "$@" > c.out 2> c.err
    c=$(( $(wc -l < c.out) + $(grep -c '(rejected)$' c.err) ))
    "$PRECIS" digest --format json "$@" > d.json 2>/dev/null
    d=$(python3 -c "import json; d=json.load(open('d.json')); print(sum(len(s['sources']) for s in d['stories']) + len(d['rejected']))")
    [ "$c" = "$n" ] && [ "$d" = "$n" ]
}
check "cluster/digest: absurd and ill-typed dates: 10 of 10 accounted" count 10 dates.jsonl
p cluster dates.jsonl; check "cluster: undated articles counted on stderr" sh -c "[ $rc = 0 ] && grep -q '8 of 10 articles have no date' err"
check "cluster/digest: 1,000 copies: 1,000 accounted" count 1000 copies.jsonl
p cluster -f jsonl copies.jsonl; check "cluster: 1,000 copies are one story, 999 duplicates" \
    sh -c "[ \$(grep -c '\"story\":\"s1\"' out) = 1000 ] && [ \$(grep -c '\"dup_of\":\"c' out) = 999 ]"
check "cluster/digest: ill-typed JSONL fields: 11 of 11 accounted" count 11 illtyped.jsonl
p digest illtyped.jsonl; check "digest: ill-typed lines named by FILE:LINE (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'illtyped.jsonl:2: article object has no \"text\"' err && grep -q 'illtyped.jsonl:6: expected a JSON object' err"
check "cluster/digest: truncated WARC record: 2 of 2 accounted" count 2 trunc.warc
p cluster trunc.warc; check "cluster: truncated WARC record named (2)" sh -c "[ $rc = 2 ] && grep -q 'trunc.warc: record 2 (http://example.test/b): truncated' err"
check "cluster/digest: empty, one-word, binary, Latin-1, UTF-16, NUL, nested: 9 accounted" \
    count 9 empty.txt oneword.txt a.txt b.txt binary.bin latin1.txt utf16.txt nul.txt nested.html
p digest oneword.txt a.txt; check "digest: a story without a usable sentence is named once" \
    sh -c "[ $rc = 0 ] && grep -q 'rejected: oneword.txt: story story-1: no usable sentence' err"
p digest nested.html a.txt; check "digest: 100,000 nested elements: the limit named (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'nested.html: HTML nested deeper than 512 elements' err"
p digest nul.txt; check "digest: NUL bytes never reach the output" sh -c "[ $rc = 0 ] && [ \$(tr -d '\000' < out | wc -c) = \$(wc -c < out) ]"

# -- extract / clean -------------------------------------------------------
p extract nested.html; check "extract: 100,000 nested elements refused (2)" sh -c "[ $rc = 2 ] && grep -q 'nested.html: HTML nested deeper than 512' err"
p extract unterm_script.html; check "extract: unterminated <script>: the article is kept" sh -c "[ $rc = 0 ] && grep -q 'Varnholm ferry' out && ! grep -q 'var x' out"
p extract unterm_comment.html; check "extract: unterminated comment: the article is kept" sh -c "[ $rc = 0 ] && grep -q 'Varnholm ferry' out && ! grep -q 'never closed' out"
p clean dates.jsonl; check "clean: repeated copies in a JSONL batch are not boilerplate (all 10 kept)" \
    sh -c "[ $rc = 0 ] && [ \$(grep -c 'Elna Stroud' out) = 10 ]"
# an HTML page with more text than the article limit: refused before parsing, by name (2), and
# the other pages go on (before: gumbo parsed the page first, 15 s and 1.8 GB for 200 MB)
BIGMSG='page text longer than the 5242880-byte article limit (refused before parsing)'
p extract bightml.html; check "extract: 6 MiB of page text refused before parsing (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'bightml.html: $BIGMSG' err"
p extract bightml.warc; check "extract: WARC record with 6 MiB of page text refused, the next one kept (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'http://example.test/big.*$BIGMSG' err && grep -q 'Varnholm ferry' out"
for c in digest cluster; do
    p $c bightml.html a.txt; check "$c: 6 MiB of page text refused before parsing (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'bightml.html: $BIGMSG' err && [ -s out ]"
done
p ingest --db "$TMP/big.db" bightml.warc; check "ingest: WARC record with 6 MiB of page text refused before parsing (2)" \
    sh -c "[ $rc = 2 ] && grep -q '$BIGMSG' err"
for c in summarize clean extract digest cluster; do
    p $c bomb.txt.gz; check "$c: gzip bomb (260 MiB) refused by name (2)" sh -c "[ $rc = 2 ] && grep -q 'bomb.txt.gz: decompressed input is over the 268435456-byte limit' err"
done
finish
