# Directory walking (pc_expand_inputs, src/core/io.c) as every command does it:
# a symlink loop does not repeat the files, a FIFO in a directory does not hang
# the run, an unreadable subdirectory is named and the rest is read.
. tests/cli/lib.sh
A="Ferry halted at Varnholm

The Varnholm ferry service was halted on Tuesday after a storm damaged the north pier, the harbour authority said. Harbour master Elna Stroud said repairs would take at least two weeks. About 1,200 passengers use the crossing every day.
"
# A link back to the directory itself: before, every file came 41 times
# (d/x.txt, d/up/x.txt, d/up/up/x.txt, ... until ELOOP), plus an ELOOP message.
mkdir -p "$TMP/d"
printf '%s' "$A" > "$TMP/d/x.txt"
ln -s . "$TMP/d/up"
p cluster "$TMP/d"
check "walk: a symlink loop lists each file once" sh -c "[ $rc = 0 ] && [ \$(wc -l < '$TMP/out') = 1 ] && ! grep -q 'symbolic links' '$TMP/err'"
p summarize --format json "$TMP/d"
check "walk: summarize over a symlink loop sees one document" sh -c "[ $rc = 0 ] && ! grep -q 'up/x.txt' '$TMP/out'"
mkdir -p "$TMP/l"
ln -s ../l "$TMP/l/self"
p digest "$TMP/l"
check "walk: a directory that is only a loop has no input file (3)" sh -c "[ $rc = 3 ] && grep -q 'no input file found' '$TMP/err'"

# A FIFO inside a walked directory: before, open() waited for a writer forever.
if mkfifo "$TMP/d/pipe" 2>/dev/null; then
    for c in summarize digest cluster clean extract; do
        timeout 20 "$PRECIS" $c "$TMP/d" > "$TMP/out" 2> "$TMP/err"; rc=$?
        check "walk: $c skips a FIFO in a directory (no hang)" sh -c "[ $rc = 0 ] && [ -s '$TMP/out' ]"
    done
    rm -f "$TMP/d/pipe"
else
    skip "walk: mkfifo not available"
fi

# An unreadable subdirectory and file: named (2), the readable file still used.
# Before, the walk stopped at the subdirectory and nothing was read (exit 2, no output).
mkdir -p "$TMP/perm/sub"
printf '%s' "$A" > "$TMP/perm/a.txt"
printf '%s' "$A" > "$TMP/perm/sub/b.txt"
chmod 000 "$TMP/perm/sub"
AS=""
if [ "$(id -u)" = 0 ]; then # root reads anything: run as nobody when we can
    chmod 755 "$TMP" "$TMP/perm"
    chmod 644 "$TMP/perm/a.txt"
    if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups "$PRECIS" --version >/dev/null 2>&1; then
        AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        AS=none
    fi
fi
if [ "$AS" = none ]; then
    skip "walk: unreadable subdirectory (root, and cannot drop to nobody)"
else
    for c in cluster digest summarize clean; do
        $AS "$PRECIS" $c "$TMP/perm" > "$TMP/out" 2> "$TMP/err"; rc=$?
        check "walk: $c names an unreadable subdirectory and reads the rest (2)" \
            sh -c "[ $rc = 2 ] && grep -q 'perm/sub: cannot open: Permission denied' '$TMP/err' && grep -q 'Varnholm\|perm/a.txt' '$TMP/out'"
    done
fi
chmod 755 "$TMP/perm/sub"
# Numbered files in natural order (D1, D2, ..., D10), as `ls -v` and file
# managers show them: before, byte order read D1, D10, D2 (DUC's D1..D10 too).
mkdir -p "$TMP/num/sub9" "$TMP/num/sub10"
for f in D1 D10 D2 D9 D100 d007; do printf '%s' "$A" | sed "s/Varnholm/Varn$f/g" > "$TMP/num/$f.txt"; done
printf '%s' "$A" > "$TMP/num/sub9/a.txt"; printf '%s' "$A" > "$TMP/num/sub10/a.txt"
p cluster "$TMP/num"
check "walk: numbered names in natural order (D2 before D10, sub9 before sub10)" \
    sh -c "[ $rc = 0 ] && cut -f1 '$TMP/out' | sed 's|.*/num/||' | tr '\n' ' ' | grep -qx 'D1.txt D2.txt D9.txt D10.txt D100.txt d007.txt sub9/a.txt sub10/a.txt '"
finish
