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
    sh -c "[ $rc = 2 ] && grep -q 'mixed.jsonl:1: article has no \"text\"' '$TMP/err' && grep -q 'mixed.jsonl:3: article has no \"text\"' '$TMP/err' && grep -q '\"g1\"' '$TMP/out' && grep -q '\"g2\"' '$TMP/out'"
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
    sh -c "[ $rc = 2 ] && grep -q 'baddoc.jsonl:1: a document must be' '$TMP/err' && grep -q 'c1#3' '$TMP/out'"
finish
