#!/bin/sh
# A JSON array of articles is read element by element: an element over the
# per-line limit (1 MiB) is named and skipped, the others kept; a truncated or
# malformed array keeps what came before and names the place; a large array
# of tiny elements is not held as one JSON tree (memory was ~130x the file).
. "$(dirname "$0")/lib.sh"

A='{"id":"r1","title":"Quay crane toppled at Vessholm","text":"A quay crane toppled at the port of Vessholm on Monday, the harbour board said. Nobody was hurt, according to board chair Ilse Marrow."}'
B='{"id":"r2","text":"The Vessholm harbour board said on Monday that a quay crane had toppled. Work at the port stopped for the day."}'
python3 -c "import sys; sys.stdout.write('[' + sys.argv[1] + ',\n{\"id\":\"big\",\"text\":\"' + 'Crane words. ' * 90000 + '\"},\n' + sys.argv[2] + ']')" "$A" "$B" > "$TMP/big.json"
for cmd in digest cluster summarize; do
    p $cmd "$TMP/big.json"
    check "$cmd: an array element over the line limit named (FILE:LINE), the rest read (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'big.json:2: element 2 of 11700[0-9]* bytes is over the 1048576-byte limit' '$TMP/err' && [ -s '$TMP/out' ]"
done
printf '[%s,\n%s,\n{"id":"r3","text":"Cut off' "$A" "$B" > "$TMP/cut.json"
p cluster "$TMP/cut.json"
check "cluster: a truncated array: the elements before kept, the place named (2)" \
    sh -c "[ $rc = 2 ] && grep -q '^r1	' '$TMP/out' && grep -q '^r2	' '$TMP/out' && grep -q 'cut.json:3: the array is not closed' '$TMP/err'"
p summarize "$TMP/cut.json"
check "summarize: a truncated array: the elements before summarized (2)" \
    sh -c "[ $rc = 2 ] && [ -s '$TMP/out' ] && grep -q 'cut.json:3: the array is not closed' '$TMP/err'"
printf '[%s] and then some words\n' "$A" > "$TMP/after.json"
p digest "$TMP/after.json"
check "digest: text after the array named (2)" sh -c "[ $rc = 2 ] && grep -q 'after.json:1: text after the JSON array' '$TMP/err'"
printf '[%s,,%s]' "$A" "$B" > "$TMP/comma.json"
p cluster "$TMP/comma.json"
check "cluster: two commas named, the element before kept (2)" \
    sh -c "[ $rc = 2 ] && grep -q '^r1	' '$TMP/out' && grep -q 'empty element' '$TMP/err'"
python3 -c "import sys; sys.stdout.write('[' + ','.join(['{}'] * 300000) + ',' + sys.argv[1] + ']')" "$A" > "$TMP/many.json"
p cluster "$TMP/many.json"
check "cluster: 300,000 empty objects then an article: each named, the article read (2)" \
    sh -c "[ $rc = 2 ] && grep -q '^r1	' '$TMP/out' && [ \$(grep -c 'has no \"text\" or \"html\"' '$TMP/err') = 300000 ]"
finish
