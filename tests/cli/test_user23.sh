# User pass 23 (docs/cli.md, "User pass 23"): each case failed before its fix.
# Inputs are invented here (outlets, people and places made up).
. tests/cli/lib.sh

printf 'Quay fire in Brennock\n\nA fire broke out at the Brennock quay on Tuesday morning, the harbour authority said. Firefighters from three stations brought it under control by noon.\n' > "$TMP/a.txt"
printf 'Brennock quay blaze\n\nFirefighters from three stations fought a fire at the Brennock quay on Tuesday, the harbour authority said. Nobody was hurt, officials added.\n' > "$TMP/b.txt"

# 1. digest's stdout not writable said "precis: write failed: ..." where every
# other command says "precis: CMD: cannot write the output: ..."
if [ -w /dev/full ]; then
    for f in text md json jsonl; do
        "$PRECIS" digest -f $f --no-progress "$TMP/a.txt" "$TMP/b.txt" > /dev/full 2> "$TMP/err"; rc=$?
        check "digest -f $f > /dev/full: exit 4, named as the other commands name it" \
            sh -c "[ $rc = 4 ] && grep -q '^precis: digest: cannot write the output: No space left on device' '$TMP/err'"
    done
else
    skip "digest > /dev/full (no /dev/full)"
fi

# 2. cluster --max-open without --online was taken and ignored: the default
# regrouping holds a window of articles, not open stories (the output was
# byte-identical whatever N); now a usage error, as --threshold is (pass 22)
p cluster --max-open 1 "$TMP/a.txt" "$TMP/b.txt"
check "cluster --max-open without --online: usage error naming --online" \
    sh -c "[ $rc = 1 ] && grep -q 'cluster: --max-open needs --online' '$TMP/err' && [ ! -s '$TMP/out' ]"
p cluster --online --max-open 1 "$TMP/a.txt" "$TMP/b.txt"
check "cluster --online --max-open 1 is taken" sh -c "[ $rc = 0 ] && grep -q 'a.txt' '$TMP/out'"
p cluster --help
check "cluster --help: --max-open is --online's only and refused without it" \
    sh -c "grep -A2 -- '--max-open N' '$TMP/out' | grep -q 'without' && grep -A2 -- '--max-open N' '$TMP/out' | grep -q 'with --online only'"

# 3. summarize --batch: -o DIR writes text files whatever -f said (-f json
# was taken and the files were text), and --batch -f text without -o printed
# JSON Lines: a -f that cannot apply is now a usage error naming why
mkdir -p "$TMP/c/one"
cp "$TMP/a.txt" "$TMP/b.txt" "$TMP/c/one/"
for f in json jsonl; do
    p summarize --batch -o "$TMP/sums" -f $f "$TMP/c"
    check "summarize --batch -o DIR -f $f: usage error, nothing written" \
        sh -c "[ $rc = 1 ] && grep -q -- '-f $f goes without -o' '$TMP/err' && [ ! -e '$TMP/sums' ]"
done
p summarize --batch -f text "$TMP/c"
check "summarize --batch -f text without -o: usage error, not JSON Lines" \
    sh -c "[ $rc = 1 ] && grep -q -- '--batch -f text needs -o DIR' '$TMP/err' && [ ! -s '$TMP/out' ]"
p summarize --batch -o "$TMP/sums" -f text "$TMP/c"
check "summarize --batch -o DIR -f text: the text files" sh -c "[ $rc = 0 ] && grep -q 'Brennock' '$TMP/sums/one.txt'"
p summarize --batch -f json "$TMP/c"
check "summarize --batch -f json: JSON" sh -c "[ $rc = 0 ] && grep -q '\"id\":\"one\"' '$TMP/out'"

# 4. cluster --batch --online: the last one won without a word, so
# "--online --batch -t 0.5" was refused for want of the --online it holds
for a in "--batch --online" "--online --batch"; do
    p cluster $a "$TMP/a.txt"
    check "cluster $a: usage error naming both" \
        sh -c "[ $rc = 1 ] && grep -q 'cluster: --batch and --online are two groupings: give one' '$TMP/err' && [ ! -s '$TMP/out' ]"
done
p cluster --batch "$TMP/a.txt"
check "cluster --batch alone is still taken" test $rc = 0

# 5. clean --explain with -f json or jsonl was taken and ignored (the listing
# is text only): now a usage error naming the formats
for f in json jsonl; do
    p clean -e -f $f "$TMP/a.txt"
    check "clean -e -f $f: usage error, nothing printed" \
        sh -c "[ $rc = 1 ] && grep -q 'clean: --explain lists lines as text' '$TMP/err' && [ ! -s '$TMP/out' ]"
done
p clean -e "$TMP/a.txt"
check "clean -e (text) still lists the lines" sh -c "[ $rc = 0 ] && grep -q '^+' '$TMP/out'"

finish
