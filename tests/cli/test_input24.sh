# Input pass 24 (docs/cli.md, "Input pass 24"): summarize's clusters given
# as a JSON array, the place of a "\u0000", the stream reader on a slow feed,
# and a user's pass over every subcommand. Each case failed before its fix.
# Inputs are invented here.
. tests/cli/lib.sh

D1='The ferry between Orrin and Tallow Point resumed on Monday after a week of storms, the port office said.'
D2='Crews checked both piers at Orrin before the first crossing of the ferry on Monday morning, officials said.'

# 1. a JSON array of clusters: without --batch one cluster is summarized and a
# second points to --batch; with --batch every cluster is summarized (as its
# JSON Lines are). Before: 'element 1: article object has no "text" string'
# for each element, and --batch refused the file.
printf '[{"id":"c1","documents":["%s","%s"]},\n{"id":"c2","documents":["%s"]}]\n' "$D1" "$D2" "$D2" > "$TMP/clusters.json"
printf '[{"id":"c1","documents":["%s","%s"]}]\n' "$D1" "$D2" > "$TMP/one.json"
p summarize "$TMP/clusters.json"
check "summarize: an array of two clusters points to --batch" \
    sh -c "[ $rc = 1 ] && grep -q 'clusters.json:2: element 2: a second cluster: this is a JSON array of clusters: use --batch' '$TMP/err' && ! grep -q 'no \"text\"' '$TMP/err'"
p summarize "$TMP/one.json"
check "summarize: an array of one cluster is that cluster" \
    sh -c "[ $rc = 0 ] && grep -q 'Crews checked both piers' '$TMP/out' && [ ! -s '$TMP/err' ]"
p summarize --batch "$TMP/clusters.json"
check "summarize --batch: a JSON array of clusters gives one summary each" \
    sh -c "[ $rc = 0 ] && [ \$(grep -c '^{\"id\":\"c[12]\",\"summary\"' '$TMP/out') = 2 ] && [ ! -s '$TMP/err' ]"
mkdir -p "$TMP/o"
p summarize --batch -o "$TMP/o" "$TMP/clusters.json"
check "summarize --batch -o: a JSON array of clusters writes a file each" \
    sh -c "[ $rc = 0 ] && grep -q Orrin '$TMP/o/c1.txt' && grep -q Orrin '$TMP/o/c2.txt'"
printf '{"id":"a1","text":"%s"}\n' "$D1" > "$TMP/articles.jsonl"
p summarize --batch "$TMP/articles.jsonl"
check "summarize --batch: an article line is named as an article, not a cluster" \
    sh -c "[ $rc = 2 ] && grep -q 'articles.jsonl:1: an article, not a cluster .*without --batch, the articles of one input are one cluster' '$TMP/err'"
# digest and cluster read a JSON array of clusters as its JSON Lines: the
# documents are articles (before: each element had no "text" or "html")
p cluster "$TMP/clusters.json"
check "cluster: a JSON array of clusters gives their documents" \
    sh -c "[ $rc = 0 ] && [ \"\$(cut -f1 '$TMP/out' | tr '\n' ' ')\" = 'c1#1 c1#2 c2#1 ' ] && ! grep -q 'no \"text\"' '$TMP/err'"

# 2. a "\u0000" in a JSON text is said by FILE:LINE and the document's id, as
# digest says it (before: once per input, 'nul.jsonl: field "text" holds 3
# NUL characters', no line)
printf '{"id":"a1","text":"The ferry between Orrin\\u0000 and Tallow Point resumed on Monday, the port office said."}\n{"id":"a2","text":"%s"}\n{"id":"c9","documents":["Boats\\u0000 passed the Orrin weir on Monday after the storms, the port office said.", {"id":"dx","text":"Crews\\u0000 checked both Orrin piers on Monday, officials said."}]}\n' "$D2" > "$TMP/nul.jsonl"
p summarize "$TMP/nul.jsonl"
check "summarize: a \\u0000 is said by FILE:LINE: ID, one line a document" \
    sh -c "[ $rc = 0 ] && [ \$(grep -c 'NUL' '$TMP/err') = 3 ] && grep -q 'nul.jsonl:1: a1: field \"text\" holds 1 NUL character (.u0000): dropped' '$TMP/err' \
        && grep -q 'nul.jsonl:3: c9#1: field \"text\" holds 1 NUL' '$TMP/err' && grep -q 'nul.jsonl:3: dx: field \"text\" holds 1 NUL' '$TMP/err'"
printf '[{"id":"c1","documents":["%s","Crews checked both\\u0000 piers at Orrin on Monday, officials said."]}]\n' "$D1" > "$TMP/nulc.json"
p summarize --batch "$TMP/nulc.json"
check "summarize --batch: a \\u0000 is said by FILE:LINE: ID" \
    sh -c "[ $rc = 0 ] && grep -q 'nulc.json:1: c1#2: field \"text\" holds 1 NUL' '$TMP/err' && ! grep -q '^precis: c1:' '$TMP/err'"

finish
