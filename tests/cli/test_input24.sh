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

# 3. a slow feed on stdin: each line is read when it comes. The writer holds
# the pipe open until precis has printed its first line (or 60 s pass: a
# hang guard, not a timing check) and says which came first. Before, the
# reader waited for 64 KiB (gzread's full buffer) and the first line came out
# only when the pipe closed; --online also held its lines in stdout's buffer.
L1='{"id":"f1","date":"2031-03-01","text":"The ferry between Orrin and Tallow Point resumed on Monday after a week of storms, the port office said."}'
L2='{"id":"f2","date":"2031-03-20","text":"Voters in Kelm chose a new mayor on Sunday after a long count of the postal ballots, the town clerk said."}'
L3='{"id":"f3","date":"2031-03-21","text":"The new mayor of Kelm thanked the voters on Monday and named her deputy, the town clerk said."}'
slow_feed() { # CASE LINE...: writes the lines, waits for $TMP/CASE.seen, writes L3, closes
    case_=$1; shift
    for l in "$@"; do printf '%s\n' "$l"; done
    i=0
    while [ ! -f "$TMP/$case_.seen" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
    if [ -f "$TMP/$case_.seen" ]; then echo open > "$TMP/$case_.state"; else echo closed > "$TMP/$case_.state"; fi
    printf '%s\n' "$L3"
}
first_line() { # CASE ARGS...: the first line precis prints, into $TMP/CASE.first
    case_=$1; shift
    mkfifo "$TMP/$case_.fifo"
    slow_feed "$case_" "$L1" "$L2" > "$TMP/$case_.fifo" &
    "$PRECIS" "$@" < "$TMP/$case_.fifo" 2>/dev/null | { IFS= read -r l; printf '%s\n' "$l" > "$TMP/$case_.first"; touch "$TMP/$case_.seen"; cat > /dev/null; }
    wait
}
first_line online cluster --online --no-progress -
check "cluster --online -: the first line comes while the feed is open" \
    sh -c "[ \"\$(cat '$TMP/online.state')\" = open ] && grep -q '^f1	s1\$' '$TMP/online.first'"
first_line window cluster --no-progress -
check "cluster -: the first closed story comes while the feed is open" \
    sh -c "[ \"\$(cat '$TMP/window.state')\" = open ] && grep -q '^f1	s1\$' '$TMP/window.first'"
# gzip on a pipe is inflated by the same reader (zlib's inflate, not gzread):
# whole, two members, and a member cut short (refused, as from a file)
printf '%s\n%s\n' "$L1" "$L2" | gzip -c > "$TMP/two.gz"
printf '%s\n' "$L3" | gzip -c >> "$TMP/two.gz"
cat "$TMP/two.gz" | "$PRECIS" cluster --online --no-progress - > "$TMP/out" 2> "$TMP/err"; rc=$?
check "cluster -: gzip members on a pipe are read whole" \
    sh -c "[ $rc = 0 ] && [ \"\$(cut -f1 '$TMP/out' | tr '\n' ' ')\" = 'f1 f2 f3 ' ]"
head -c 60 "$TMP/two.gz" | "$PRECIS" cluster --online --no-progress - > "$TMP/out" 2> "$TMP/err"; rc=$?
check "cluster -: gzip cut short on a pipe is refused (2)" \
    sh -c "[ $rc = 2 ] && grep -q '<stdin>:1: corrupt gzip data' '$TMP/err'"

# 4. eval rouge with references in --models and an empty --refs file: the
# empty file is named and left out, the peers scored against --models (0);
# before, the run ended at the empty file: 'no summaries found' (3)
mkdir -p "$TMP/models" "$TMP/peers/sysA"
printf 'The ferry resumed on Monday.\nCrews checked the piers.\n' > "$TMP/models/d1.m.100.t.a"
printf 'The ferry resumed on Monday after the storms.\n' > "$TMP/peers/sysA/d1.txt"
: > "$TMP/empty.jsonl"
p eval rouge -n 1 --models "$TMP/models" --refs "$TMP/empty.jsonl" --peers "$TMP/peers"
check "eval rouge: an empty --refs next to --models is left out, the peers scored (0)" \
    sh -c "[ $rc = 0 ] && grep -q 'sysA ROUGE-1 Average_R' '$TMP/out' && grep -q 'empty.jsonl: .*; left out' '$TMP/err'"
p eval rouge -n 1 --refs "$TMP/empty.jsonl" --summaries "$TMP/empty.jsonl"
check "eval rouge: an empty --refs alone is still nothing to score (3)" test "$rc" = 3

# 5. summarize -o DIR: a file that cannot be written (here: its flush, at the
# close) names the file, the cluster and what failed; before 'PATH: write
# failed: No space left on device'
mkdir -p "$TMP/full"
ln -s /dev/full "$TMP/full/c1.txt"
p summarize --batch -o "$TMP/full" "$TMP/one.json"
check "summarize -o: a file not written names the file and the cluster" \
    sh -c "[ $rc = 4 ] && grep -q \"full/c1.txt: cannot write the summary of cluster 'c1': No space left on device (the file is incomplete)\" '$TMP/err'"

# 7. the user pass (docs/cli.md "Input pass 24")
# a read error and corrupt gzip data are told apart, in summarize's words
# (before: "read error (corrupt gzip data?)" for both in digest/cluster/ingest)
if [ -r /proc/self/mem ]; then
    p cluster /proc/self/mem
    check "cluster: a read error says so, not gzip" sh -c "[ $rc = 2 ] && grep -q 'mem: read failed: Input/output error' '$TMP/err' && ! grep -q gzip '$TMP/err'"
fi
printf '\037\213\010\000\000\000\000\000\000\003garbagegarbage' > "$TMP/bad.gz"
for c in cluster digest summarize; do
    p $c "$TMP/bad.gz"
    check "$c: corrupt gzip data is named so" sh -c "[ $rc = 2 ] && grep -q 'bad.gz:1: corrupt gzip data' '$TMP/err' && ! grep -q 'read error' '$TMP/err'"
done
# summarize and eval rouge word a bad option as getopt does for every other
# command (before: "unknown option '-Z'", "unknown option -Z (see --help)",
# and eval named "-xZ" for the Z of a bundle)
for c in summarize "eval rouge"; do
    bundle=-Z; [ "$c" = summarize ] || bundle=-xZ # eval's -x is an option: the Z of the bundle is named
    p $c $bundle "$TMP/a.txt"
    check "$c: an unknown short option in getopt's words" sh -c "[ $rc = 1 ] && grep -q \"^precis: $c: invalid option -- 'Z'\" '$TMP/err' && grep -q \"Run 'precis $c --help'\" '$TMP/err'"
    p $c --nosuch "$TMP/a.txt"
    check "$c: an unknown long option in getopt's words" sh -c "[ $rc = 1 ] && grep -q \"^precis: $c: unrecognized option '--nosuch'\" '$TMP/err'"
done

# clean given a Multi-News cluster line names it as a cluster (before: 'article
# object has no "text" string', as if the line were a broken article)
p clean "$TMP/nul.jsonl"
check "clean: a cluster line is named as a cluster" \
    sh -c "[ $rc = 2 ] && grep -q 'nul.jsonl:3: a cluster {\"id\", \"documents\": \[...\]}, not an article: clean reads articles' '$TMP/err' && grep -q 'Orrin' '$TMP/out'"
# eval rouge names the values of -f and --format, as every command names its formats
p eval rouge --format xml --models "$TMP/models" --peers "$TMP/peers"
check "eval rouge --format xml: the formats named" sh -c "[ $rc = 1 ] && grep -q \"unknown format 'xml' (text, json or tsv)\" '$TMP/err'"

# The same file named twice (by itself and in its directory, or through a
# link) is read once and said: read twice, one report counted as two sources
# ("[1][2]" corroborated by itself). Before: silently read twice.
mkdir -p "$TMP/twice"
printf '%s\n' "$D1" > "$TMP/twice/a.txt"
printf '%s\n' "$D2" > "$TMP/twice/b.txt"
ln -s a.txt "$TMP/twice/c.txt"
p summarize --format json "$TMP/twice/a.txt" "$TMP/twice"
check "summarize: a file given twice is read once, and said" \
    sh -c "[ $rc = 0 ] && grep -q 'twice/a.txt: given twice: read once' '$TMP/err' && grep -q 'twice/c.txt: the same file as .*twice/a.txt: read once' '$TMP/err' && grep -q Orrin '$TMP/out' && ! grep -q 'also_in.:..[ac].txt' '$TMP/out'"
p cluster "$TMP/twice" "$TMP/twice/b.txt"
check "cluster: a file given twice is listed once" \
    sh -c "[ $rc = 0 ] && [ \$(wc -l < '$TMP/out') = 2 ] && grep -q 'twice/b.txt: given twice: read once' '$TMP/err'"

finish
