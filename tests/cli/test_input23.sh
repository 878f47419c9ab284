# Input pass 23 (docs/cli.md, "Input pass 23"): clean, summarize, digest and
# cluster read JSON Lines and JSON arrays through one reader, and word what
# they refuse one way: FILE:LINE, the part when a line holds several
# ("element K", "document K"), what is wrong, the limit. Each case failed
# before (the commands worded it differently). Inputs are invented here.
. tests/cli/lib.sh

A='{"id":"k1","text":"The ferry between Orrin and Tallow Point resumed on Monday after a week of storms, the port office said. Crews checked both piers before the first crossing."}'
# the message each command gives for FILE, without "precis: " and cluster's " (rejected)"
said() { # command file pattern
    "$PRECIS" "$1" "$TMP/$2" 2>&1 >/dev/null | sed -e 's/^precis: //' -e 's/ (rejected)$//' | grep -e "$3" | sed "s|$TMP/||"
}
same() { # what file pattern expected: every command says exactly expected
    what=$1 f=$2 pat=$3 want=$4
    for c in clean summarize digest cluster; do
        got=$(said $c "$f" "$pat")
        check "$c: $what" test "$got" = "$want"
    done
}

printf '%s\n[1, 2]\n' "$A" > "$TMP/notobj.jsonl"
same "a line that is no object says '(an article)'" notobj.jsonl ':2:' 'notobj.jsonl:2: expected a JSON object (an article)'

printf '%s {"id": "z"}\n' "$A" > "$TMP/trail.jsonl"
same "text after a line's object is named as such" trail.jsonl ':1:' \
    'trail.jsonl:1: text after the JSON object (one object a line; lines end with \n, not \r alone)'

printf '%s\n{"id": "d", "text": 5}\n' "$A" > "$TMP/textnum.jsonl"
same "a \"text\" of another type is named with its type" textnum.jsonl ':2:' \
    'textnum.jsonl:2: field "text" is a number, not a string (no article text)'

printf '%s\n{"id": [1], "text": "The Orrin ferry runs again after the storms, the port office said on Monday."}\n' "$A" > "$TMP/badid.jsonl"
same "an id of another type is named as a field" badid.jsonl ':2:' \
    'badid.jsonl:2: field "id" must be a string or an integer, not an array'

printf '[%s, 5, "The Orrin ferry runs again after the storms, the port office said on Monday."]\n' "$A" > "$TMP/arr.json"
same "an array element of another kind is named by its place" arr.json ':1:' \
    'arr.json:1: element 2: expected an article object or a string, not a number'

python3 -c "
import json, sys
print('[' + sys.argv[1] + ',\n' + json.dumps({'id': 'big', 'text': 'Ferry words. ' * 90000}) + ']')" "$A" > "$TMP/big.json"
same "an array element over the line limit is named by its place, its size and the limit" big.json ':2:' \
    'big.json:2: element 2 of 1170025 bytes is over the 1048576-byte limit'

# summarize named a file by its base name where the others give its path
mkdir -p "$TMP/in"
python3 -c "open('$TMP/in/long.txt', 'w').write('The ferry crossed again. ' * 220000)"
for c in clean summarize digest; do
    got=$(said $c in/long.txt 'long.txt')
    check "$c: an article over the limit is named by its path" \
        test "$got" = 'in/long.txt: article of 5500000 bytes is over the 5242880-byte limit'
done

# a cluster line's bad "id": digest and cluster named its documents after the
# line without a word; summarize refused it: now all refuse it by name
printf '{"id": [1], "documents": ["%s"]}\n' 'The Orrin ferry runs again after the storms, the port office said on Monday.' > "$TMP/cid.jsonl"
for c in summarize digest cluster; do
    got=$(said $c cid.jsonl ':1:')
    check "$c: a cluster's bad id is refused by name" \
        test "$got" = 'cid.jsonl:1: cluster "id" must be a string or an integer, not an array'
done

# a document of a cluster is named by its place in the line
printf '{"id": "c1", "documents": ["%s", 5]}\n' 'The Orrin ferry runs again after the storms, the port office said on Monday.' > "$TMP/cdoc.jsonl"
for c in summarize digest cluster; do
    got=$(said $c cdoc.jsonl ':1:')
    check "$c: a bad document of a cluster is named 'document K'" \
        test "$got" = 'cdoc.jsonl:1: document 2: expected an article object or a string, not a number'
done

# Character references left by HTML escaping in plain text and JSON "text"
# (feeds, scraped JSON): decoded where whole and ended by ';', so the
# summary and the digest read "&" and "'"; "AT&T" and "R&D" stay as written.
T='The Harlow &amp; Penrith ferry line resumed on Monday, the operator&#8217;s office said. AT&T and the R&D unit of Tallow Port &amp; Docks paid for the new pier at Orrin. Crews checked both piers before the first crossing on Monday morning.'
printf '%s\n' "$T" > "$TMP/esc.txt"
python3 -c "import json, sys; print(json.dumps({'id': 'e1', 'text': sys.argv[1]}))" "$T" > "$TMP/esc.jsonl"
for f in esc.txt esc.jsonl; do
    for c in summarize clean digest; do
        p $c "$TMP/$f"
        check "$c $f: '&amp;' and '&#8217;' are decoded, 'AT&T' and 'R&D' kept" \
            sh -c "[ $rc = 0 ] && grep -q 'Harlow & Penrith' '$TMP/out' && grep -q 'operator’s office' '$TMP/out' &&
                   grep -q 'AT&T and the R&D unit' '$TMP/out' && ! grep -q '&amp;\\|&#8217;' '$TMP/out'"
    done
done
# the JSON output of clean holds the decoded text too
p clean --format jsonl "$TMP/esc.jsonl"
check "clean --format jsonl: the text decoded" \
    python3 -c "import json, sys; t = json.loads(open(sys.argv[1]).readline())['text']; sys.exit(0 if 'Tallow Port & Docks' in t and 'AT&T' in t else 1)" "$TMP/out"
finish
