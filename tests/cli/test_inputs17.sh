# Input-reading defects of session 17 (docs/cli.md, "Input readers, session 17"):
# each case failed before its fix.
. tests/cli/lib.sh
A="The mayor of Arlenport opened a new bridge over the Tessel river on Monday. The bridge cost four million crowns, the council said. Residents of Arlenport cheered at the opening."
B="Officials in Arlenport said the new bridge would cut travel times across the Tessel by half. The mayor thanked the builders at the ceremony on Monday."

# summarize --batch: cluster ids over 255 bytes were cut to 255 without a word
# (in the JSON, the document ids CLUSTER#K and so the sentences' "doc").
python3 - "$TMP" "$A" "$B" <<'PY'
import json, os, sys
t, A, B = sys.argv[1:4]
long_id = "arlenport-" + "x" * 600 + "-END"
with open(os.path.join(t, "long.jsonl"), "w") as f:
    f.write(json.dumps({"id": long_id, "documents": [A, B]}) + "\n")
    f.write(json.dumps({"id": "y" * 5000, "documents": [A]}) + "\n")
    f.write(json.dumps({"id": "nul\u0000id", "documents": [A]}) + "\n")
    f.write(json.dumps({"id": 1.5, "documents": [A]}) + "\n")
    f.write(json.dumps({"id": "after", "documents": [B]}) + "\n")
PY
p summarize --batch "$TMP/long.jsonl"
check "summarize --batch: a 614-byte cluster id whole in the JSON, its documents ID#1, ID#2" \
    python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ids = [r['id'] for r in rows]
want = 'arlenport-' + 'x' * 600 + '-END'
assert ids == [want, 'after'], [len(i) for i in ids]
docs = {s['doc'] for s in rows[0]['sentences']}
assert docs <= {want + '#1', want + '#2'} and docs, docs
" "$TMP/out"
check "summarize --batch: an id over 4096 bytes, one holding \\u0000, a 1.5 id refused by line (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'long.jsonl:2: cluster \"id\" of 5000 bytes is over the 4096-byte limit' '$TMP/err' &&
           grep -q 'long.jsonl:3: cluster \"id\" holds a NUL character' '$TMP/err' &&
           grep -q 'long.jsonl:4: cluster \"id\" must be a string or an integer, not a number with a fraction' '$TMP/err'"
p summarize --batch "$TMP/long.jsonl"
check "summarize --batch (JSON Lines): the long id whole" \
    sh -c "[ $rc = 2 ] && grep -q 'x-END' '$TMP/out'"
mkdir "$TMP/o"
p summarize --batch -o "$TMP/o" "$TMP/long.jsonl"
check "summarize --batch -o DIR: the long id's file name cut to 199 bytes, said with the id's real length" \
    sh -c "[ $rc = 2 ] && grep -q '(614 bytes): its file name is cut to 199 bytes' '$TMP/err' &&
           [ -f '$TMP/o/after.txt' ] && [ \$(ls '$TMP/o' | grep -c '^arlenport-x*\.txt\$') = 1 ]"

# digest/cluster/ingest: a numeric "date" (epoch seconds, milliseconds, YYYYMMDD) and
# fields of other types than strings ("title": 5, "url": []) were dropped without a
# word; a date refused for its time did not say which part was wrong.
python3 - "$TMP" "$A" "$B" <<'PY'
import json, os, sys
t, A, B = sys.argv[1:4]
rows = [
    {"id": "s", "date": 1717000000, "text": A},
    {"id": "ms", "date": 1717000000000, "text": B},
    {"id": "ymd", "date": 20240529, "text": A},
    {"id": "odd", "date": 12345, "text": B},
    {"id": "types", "title": 5, "url": [], "author": {"n": 1}, "text": A},
    {"id": "badtime", "date": "2024-05-29T25:61", "text": B},
    {"id": ["no"], "text": A},
    {"id": "numtext", "text": 42},
]
with open(os.path.join(t, "types.jsonl"), "w") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
PY
p digest --format json "$TMP/types.jsonl"
check "digest: epoch seconds, milliseconds and a YYYYMMDD number read as dates" \
    python3 -c "
import json, sys
src = {}
def walk(x):
    if isinstance(x, dict):
        if 'id' in x and 'date' in x and isinstance(x['id'], str): src[x['id']] = x['date']
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(json.load(open(sys.argv[1])))
assert src.get('s', '').startswith('2024-05-29T16:26:40'), src
assert src.get('ms', '').startswith('2024-05-29T16:26:40'), src
assert src.get('ymd') == '2024-05-29', src
" "$TMP/out"
check "digest: a number that is no date, fields of other types named by line and field (2: one part refused)" \
    sh -c "[ $rc = 2 ] && grep -q 'types.jsonl:4: odd: field \"date\" (12345) is a number that is neither Unix time' '$TMP/err' &&
           grep -q 'types.jsonl:5: types: field \"url\" is an array, not a string: not used; field \"title\" is a number, not a string: not used; field \"author\" is an object' '$TMP/err' &&
           grep -q 'types.jsonl:7: field \"id\" must be a string or an integer, not an array' '$TMP/err' &&
           grep -q 'types.jsonl:8: field \"text\" is a number, not a string (no article text)' '$TMP/err'"
check "digest: a date refused for its time names the time ('25:61')" \
    grep -q "types.jsonl:6: badtime: field \"date\" ('2024-05-29T25:61'): its time '25:61' is not a time of day" "$TMP/err"
p cluster "$TMP/types.jsonl"
check "cluster: the same warnings (the reader is shared)" \
    sh -c "grep -q 'types.jsonl:5: types: field \"url\" is an array' '$TMP/err' && grep -q \"its time '25:61'\" '$TMP/err'"

# digest/cluster: a JSONL line over the 1 MiB cap did not say its size (summarize and
# clean do); "\u0000" in a JSON text refused the line in jansson's words ("not allowed
# without JSON_ALLOW_NUL") in digest, cluster and clean while summarize read it.
python3 - "$TMP" "$A" <<'PY'
import json, os, sys
t, A = sys.argv[1:3]
with open(os.path.join(t, "bigline.jsonl"), "w") as f:
    f.write(json.dumps({"id": "big", "text": "word " * 600000}) + "\n")
    f.write(json.dumps({"id": "fine", "text": A}) + "\n")
with open(os.path.join(t, "nul.jsonl"), "w") as f:
    f.write(json.dumps({"id": "z1", "text": A.replace("bridge", "bri\u0000dge", 1)}) + "\n")
PY
p digest "$TMP/bigline.jsonl"
check "digest: a 3 MB JSONL line named with its size, the next line read (2)" \
    sh -c "[ $rc = 2 ] && grep -q 'bigline.jsonl:1: line of 3000025 bytes is over the 1048576-byte limit' '$TMP/err' && grep -q 'Arlenport' '$TMP/out'"
for c in digest cluster clean; do
    p $c "$TMP/nul.jsonl"
    check "$c: a text holding \\u0000 is read (0), the NUL dropped" \
        sh -c "[ $rc = 0 ] && ! grep -q 'JSON_ALLOW_NUL' '$TMP/err'"
done
p clean "$TMP/nul.jsonl"
check "clean: the text around the \\u0000 kept whole" grep -q 'opened a new bridge' "$TMP/out"

# digest/cluster/ingest: the documents of a Multi-News cluster are CLUSTER#K; a cluster
# id over ~290 bytes (or a long path, NAME:LINE) was cut at 299 bytes without a word.
python3 - "$TMP" "$A" "$B" <<'PY'
import json, os, sys
t, A, B = sys.argv[1:4]
with open(os.path.join(t, "longc.jsonl"), "w") as f:
    f.write(json.dumps({"id": "story-" + "q" * 500 + "-END", "documents": [A, B]}) + "\n")
PY
p cluster "$TMP/longc.jsonl"
check "cluster: documents of a 510-byte cluster id named whole, ID#1 and ID#2" \
    sh -c "[ $rc = 0 ] && grep -q 'q-END#1	' '$TMP/out' && grep -q 'q-END#2	' '$TMP/out'"

finish
