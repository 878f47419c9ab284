# Issue 7's invariant on one mixed bad input: every input article (a file, or a
# JSONL line) appears exactly once, in one story or in the rejection list,
# named by itself: not only the totals (tests/cli/test_bad_input.sh counts
# them, so a lost article and a doubled one would cancel out) but each one.
# Inputs (invented, in $TMP): good, empty, one-word, debris-only, binary,
# invalid UTF-8, Latin-1, UTF-16, NUL bytes, HTML nested too deep, a
# truncated WARC, and a JSONL of future/absurd/missing dates, ill-typed and
# broken lines and 50 copies of one article.
. tests/cli/lib.sh
mkdir -p "$TMP/in"
python3 - "$TMP/in" <<'PY'
import json, os, sys
os.chdir(sys.argv[1])
A = ("Ferry halted at Varnholm\n\nThe Varnholm ferry service was halted on Tuesday after a storm damaged the north pier, "
     "the harbour authority said. Harbour master Elna Stroud said repairs would take at least two weeks. "
     "About 1,200 passengers use the crossing every day. The council will meet on Friday to discuss a temporary bus link.\n")
B = ("Storm closes Varnholm pier\n\nA storm on Tuesday damaged the north pier at Varnholm and stopped the ferry, "
     "officials said. Elna Stroud, the harbour master, expects repairs to last two weeks. "
     "The crossing carries about 1,200 passengers a day. A bus link is to be discussed by the council on Friday.\n")
C = ("Orchard prices fall in Quellby\n\nApple growers in Quellby said on Monday that prices fell by 12 percent this season. "
     "The growers' union chair, Petra Holm, blamed a late frost. Exports to the coast were down by 3,000 tonnes.\n")
def w(n, d, m='w'):
    with open(n, m) as f: f.write(d)
w('a.txt', A); w('b.txt', B); w('c.txt', C); w('empty.txt', ''); w('oneword.txt', 'Hello\n')
w('nosent.txt', '---\n12 34\n***\n'); w('binary.bin', bytes(range(256)) * 16, 'wb')
w('latin1.txt', C.replace('said', 'd\u00e9clar\u00e9').encode('latin-1'), 'wb')
w('utf16.txt', B.encode('utf-16'), 'wb')
w('badutf8.txt', A.encode() + b'\xff\xfe\xc3\x28 \xe2\x82 end.', 'wb')
w('nul.txt', (C + "\0\0" + A).encode(), 'wb')
w('nested.html', "<html><body>" + "<div>" * 3000 + "<p>" + A + "</p>" + "</div>" * 3000 + "</body></html>")
html = "<html><head><title>Pier</title></head><body><article><p>" + B.replace('\n', '</p><p>') + "</p></article></body></html>"
def rec(uri, body):
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body).encode()
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(http))).encode() + http + b"\r\n\r\n"
r2 = rec("http://example.test/b", html)
w('trunc.warc', rec("http://example.test/a", html) + r2[:len(r2) // 2], 'wb')
rows = [{"id": "j-ok", "text": A, "date": "2024-03-05"}, {"id": "j-future", "text": B, "date": "2999-01-01"},
        {"id": "j-absurd", "text": C, "date": "0000-00-00"}, {"id": "j-nodate", "text": A},
        {"id": "j-late", "text": B, "date": "9999-12-31T23:59:59Z"}, {"id": "j-empty", "text": ""},
        {"id": "j-word", "text": "word"}, {"id": "j-null", "text": None}, {"id": "j-num", "text": 12}]
rows += [{"id": "copy%d" % i, "text": C, "date": "2024-03-05"} for i in range(50)]
lines = [json.dumps(r) for r in rows] + ['{"id": "j-cut", "text": "abc', '[1,2]']
w('mixed.jsonl', '\n'.join(lines) + '\n')
PY
# the articles: a file each, one per JSONL line (their ids), the WARC's two records
cat > "$TMP/account.py" <<'EOF'
# account.py MODE OUT ERR: every input article once. MODE digest: OUT is
# digest's JSON (sources, rejected); cluster: OUT is cluster's JSON, the
# rejected ones are its "(rejected)" lines on stderr.
import collections, json, os, re, sys
mode, out, err = sys.argv[1:4]
want = collections.Counter()
line_id = {}
for f in sorted(os.listdir('.')):
    if f == 'mixed.jsonl':
        for n, l in enumerate(open(f), 1):
            try: line_id[n] = json.loads(l)["id"]
            except Exception: line_id[n] = None
            want['mixed.jsonl:%d' % n] += 1
    elif f == 'trunc.warc':
        want['trunc.warc#1'] += 1; want['trunc.warc:record2'] += 1
    else:
        want[f] += 1
ids = {v: 'mixed.jsonl:%d' % n for n, v in line_id.items() if v}
def key(article_id):
    return ids.get(article_id, article_id)
def key_of_reason(what, reason):
    m = re.match(r'mixed\.jsonl:(\d+): ', reason)
    if m: return 'mixed.jsonl:' + m.group(1)
    if reason.startswith('trunc.warc: record 2 '): return 'trunc.warc:record2'
    return key(what)
got = collections.Counter()
d = json.load(open(out))
if mode == 'digest':
    for s in d['stories']:
        for x in s['sources']: got[key(x['id'])] += 1
    for r in d['rejected']: got[key_of_reason(r['id'], r['reason'])] += 1
else:
    for a in d['articles']:
        assert a['story'], a
        got[key(a['id'])] += 1
    rej = [l[len('precis: '):-len(' (rejected)')] for l in open(err).read().splitlines() if l.endswith(' (rejected)')]
    for r in rej: got[key_of_reason(r.split(':')[0], r)] += 1
    assert d['rejected'] == len(rej) and d['articles_in'] == len(d['articles']), (d['rejected'], len(rej))
bad = {k: (want[k], got[k]) for k in set(want) | set(got) if want[k] != got[k]}
if bad: print('accounted wrongly (want, got):', bad); sys.exit(1)
EOF
cd "$TMP/in" || exit 1
for m in "" --online; do
    "$PRECIS" digest $m --format json --no-progress * > "$TMP/d.json" 2> "$TMP/d.err"; rc=$?
    check "digest${m}: mixed bad input: exit 2 (parts refused), JSON out" sh -c "[ $rc = 2 ] && [ -s '$TMP/d.json' ]"
    check "digest${m}: mixed bad input: every article once, in a story or rejected" \
        python3 "$TMP/account.py" digest "$TMP/d.json" "$TMP/d.err"
done
for m in "" --batch; do
    "$PRECIS" cluster $m --format json --no-progress * > "$TMP/c.json" 2> "$TMP/c.err"; rc=$?
    check "cluster${m}: mixed bad input: exit 2, JSON out" sh -c "[ $rc = 2 ] && [ -s '$TMP/c.json' ]"
    check "cluster${m}: mixed bad input: every article once, in a story or rejected" \
        python3 "$TMP/account.py" cluster "$TMP/c.json" "$TMP/c.err"
done
finish
