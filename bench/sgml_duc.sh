#!/bin/sh
# Newswire SGML read like plain text: every DUC 2004 document (plain text,
# ../shared/data/duc2004/docs/<topic>/D*.txt) is wrapped as a DUC-style
# <DOC> (invented DOCNO and date; '&', '<', '>' written as entities) in a
# scratch directory, in two layouts: one DOC per file (D1.sgml ...) and all
# ten DOCs of a topic in one file. `precis summarize --batch -w 100` runs on
# the plain tree and on both SGML trees; the summaries are compared file by
# file and all three are scored with eval rouge (the bench/summarize.sh duc
# settings). The wrapped data stays in the scratch directory (not the repo).
# Usage: sh bench/sgml_duc.sh [SCRATCH_DIR]   (default /tmp/precis-sgml-duc)
set -e
P=${PRECIS:-build/precis}
DATA=${DATA:-../shared/data}
OUT=${1:-/tmp/precis-sgml-duc}
[ -d "$DATA/duc2004/docs" ] || { echo "skip: $DATA/duc2004 absent"; exit 0; }
rm -rf "$OUT"; mkdir -p "$OUT/sgml_one" "$OUT/sgml_many"
wrap() { # file k topic -> one DOC on stdout
    printf '<DOC>\n<DOCNO> XDUC1998%04d.%04d </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n' "$3" "$2"
    printf '<DATE_TIME> 1998-10-%02d 12:00:00 </DATE_TIME>\n<BODY>\n<SLUG> BC-TOPIC-%s </SLUG>\n' "$(( ($2 % 28) + 1 ))" "$3"
    printf '<HEADLINE>\nInvented headline %s\n</HEADLINE>\n<TEXT>\n' "$2"
    sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' "$1"
    printf '\n</TEXT>\n</BODY>\n<TRAILER>\nNNNN\n</TRAILER>\n</DOC>\n'
}
t=0
for d in "$DATA"/duc2004/docs/*/; do
    topic=$(basename "$d"); t=$((t + 1))
    mkdir -p "$OUT/sgml_one/$topic" "$OUT/sgml_many/$topic"
    for b in $(ls "$d" | sort -V); do # natural order (D1 D2 ... D10), as the directory walk reads the plain tree
        f=$d$b; b=$(basename "$f" .txt); k=${b#D}
        wrap "$f" "$k" "$t" > "$OUT/sgml_one/$topic/$b.sgml"
        wrap "$f" "$k" "$t" >> "$OUT/sgml_many/$topic/$topic.sgml"
    done
done
for tree in plain sgml_one sgml_many; do
    src=$OUT/$tree; [ "$tree" = plain ] && src=$DATA/duc2004/docs
    echo "\$ $P summarize --batch -w 100 -o $OUT/sum_$tree $src"
    $P summarize --batch -w 100 -o "$OUT/sum_$tree" "$src"
done
for tree in sgml_one sgml_many; do
    same=0; diff=0
    for f in "$OUT"/sum_plain/*.txt; do
        if cmp -s "$f" "$OUT/sum_$tree/$(basename "$f")"; then same=$((same + 1)); else diff=$((diff + 1)); echo "differs: $tree/$(basename "$f")"; fi
    done
    echo "$tree: $same summaries identical to the plain-text ones, $diff differ"
done
for tree in plain sgml_one sgml_many; do
    mkdir -p "$OUT/peers/$tree"
    for f in "$OUT"/sum_$tree/*.txt; do b=$(basename "$f" .txt); cp "$f" "$OUT/peers/$tree/${b%t}.txt"; done
done
EVAL="$P eval rouge -n 4 -2 4 -u -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a --models $DATA/duc2004/models --peers $OUT/peers"
echo "\$ $EVAL"
$EVAL | grep -E "ROUGE-(1|2|SU4) Average_R"
# Reading cost: the 500 DUC documents as one SGML file vs the 500 plain files, through
# precis cluster (reading + grouping; user CPU seconds, best of 3, shared machine).
cat "$OUT"/sgml_many/*/*.sgml > "$OUT/all.sgml"
best() { b=; for i in 1 2 3; do /usr/bin/time -f %U -o "$OUT/t" "$@" > /dev/null 2>&1; t=$(cat "$OUT/t"); [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ] && b=$t; done; echo "$b"; }
echo "\$ $P cluster $OUT/all.sgml: $(best $P cluster "$OUT/all.sgml") s user; \$ $P cluster $DATA/duc2004/docs: $(best $P cluster "$DATA/duc2004/docs") s user"
