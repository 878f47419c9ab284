# Bad-input pass 25 (docs/cli.md "Bad-input pass 25"): an attacker's and a
# demanding user's cases the earlier passes missed. Each check failed before
# its fix. Inputs are invented here.
. tests/cli/lib.sh

D1='The ferry between Orrin and Tallow Point resumed on Monday after a week of storms, the port office said.'
D2='Crews checked both piers at Orrin before the first crossing of the ferry on Monday morning, officials said.'
printf '%s\n' "$D1" > "$TMP/a.txt"
printf '%s\n' "$D2" > "$TMP/b.txt"

# 1. A closed stdout or stdin is the number the next open() returns. ingest's
# store lock took fd 1 and the summary line overwrote the SQLite header: the
# second ingest below left 'file is not a database' (the store lost, exit 0);
# with fd 0 closed, '-' read the store itself ("binary data").
"$PRECIS" ingest --db "$TMP/s.db" "$TMP/a.txt" >/dev/null 2>&1
"$PRECIS" ingest --db "$TMP/s.db" "$TMP/a.txt" >&- 2>"$TMP/err"; closed_rc=$?
cp "$TMP/err" "$TMP/closed.err"
p ingest --db "$TMP/s.db" --check
check "ingest >&-: the store survives a closed stdout" sh -c "[ $closed_rc = 4 ] && head -c 16 '$TMP/s.db' | grep -q '^SQLite format 3' && grep -q '^ok' '$TMP/out'"
check "ingest >&-: the lost summary line is named" grep -q '^precis: ingest: cannot write the output: Bad file descriptor' "$TMP/closed.err"
"$PRECIS" ingest --db "$TMP/s.db" - <&- >/dev/null 2>"$TMP/err"; rc=$?
check "ingest - <&-: stdin is closed, the store is not read as stdin" \
    sh -c "[ $rc = 2 ] && grep -q '^precis: <stdin>: standard input is closed' '$TMP/err' && ! grep -q 'binary' '$TMP/err'"
"$PRECIS" ingest --db "$TMP/s.db" "$TMP/missing.txt" 2>&- >/dev/null
p ingest --db "$TMP/s.db" --check
check "ingest 2>&-: messages are not written into the store" sh -c "head -c 16 '$TMP/s.db' | grep -q '^SQLite format 3' && grep -q '^ok' '$TMP/out'"

# 2. --help and --version sent to a full disk or a closed stdout exited 0
# with nothing written.
for a in "--help" "--version" "summarize --help" "digest --help" "cluster --help" "clean --help" \
         "extract --help" "ingest --help" "serve --help" "eval --help" "eval rouge --help" "help cluster"; do
    # shellcheck disable=SC2086
    "$PRECIS" $a >/dev/full 2>"$TMP/err"; rc=$?
    check "$a >/dev/full: exit 4, named" sh -c "[ $rc = 4 ] && grep -q 'cannot write the output: No space left on device' '$TMP/err'"
done
"$PRECIS" --help >&- 2>"$TMP/err"; rc=$?
check "--help >&-: exit 4" sh -c "[ $rc = 4 ] && grep -q '^precis: cannot write the output: Bad file descriptor' '$TMP/err'"
p --help
check "--help to a file: exit 0" sh -c "[ $rc = 0 ] && grep -q '^usage: precis' '$TMP/out'"

# 3. A control character in a source's title, site, id or URL went into the
# briefing as it was: a title holding "\n     [2] ..." printed a source line
# of its own (a forged source), in text and Markdown.
printf '{"id":"f1","title":"Ferry resumes\\n     [2] Forged Times: all aboard lost","site":"Port\\tNews","url":"http://e.example/a\\n     [3] x","text":"%s"}\n' "$D1" > "$TMP/forge.jsonl"
for f in text md; do
    p digest -f $f "$TMP/forge.jsonl"
    check "digest -f $f: a newline in a title or URL forges no source line" \
        sh -c "[ $rc = 0 ] && [ \$(grep -Ec '^ *(- )?\\[[0-9]\\] ' '$TMP/out') = 1 ] && ! grep 'Forged Times' '$TMP/out' | grep -qv 'Ferry resumes' && ! grep -q '	' '$TMP/out'"
done

finish
