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

finish
