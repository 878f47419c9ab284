# A second user pass (docs/cli.md, "A second user pass"): each case failed
# before its fix.
. tests/cli/lib.sh
: > "$TMP/zero.txt"
printf '\n  \n\t\n' > "$TMP/blank.txt"
mkdir -p "$TMP/emptydir"

# clean called a 0-byte or blank file "no article text found (only debris)"
p clean "$TMP/zero.txt"
check "clean: a 0-byte file is named as empty, not as debris (3)" \
    sh -c "[ $rc = 3 ] && grep -q 'zero.txt: empty input (no text)' '$TMP/err' && ! grep -q debris '$TMP/err'"
p clean "$TMP/blank.txt"
check "clean: a blank file is named as empty (3)" sh -c "[ $rc = 3 ] && grep -q 'blank.txt: empty input' '$TMP/err'"

# summarize said "emptydir: no article to summarize" where every other command
# says the directory holds no file
p summarize "$TMP/emptydir"
check "summarize: a directory with no file says so, as the other commands (3)" \
    sh -c "[ $rc = 3 ] && grep -q 'emptydir: no input file found' '$TMP/err' && [ \$(wc -l < '$TMP/err') = 1 ]"

# the help of every command that walks directories says how it orders names
for c in summarize clean extract digest cluster ingest; do
    "$PRECIS" $c --help > "$TMP/help" 2>&1
    check "$c --help: directories walked in natural order (it said sorted, meaning byte order)" \
        sh -c "tr '\n' ' ' < '$TMP/help' | grep -q 'walked in natural *order' && ! grep -q 'sorted order' '$TMP/help'"
done
"$PRECIS" ingest --help > "$TMP/help" 2>&1
check "ingest --help: the --check usage line takes INPUTs" grep -q -- '--check \[INPUT\.\.\.\]' "$TMP/help"
finish
