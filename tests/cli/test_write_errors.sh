# docs/cli.md: "4 internal error: ... the output cannot be written (stdout ...)".
# Every command's stdout sent to /dev/full (writes fail with ENOSPC) must exit 4
# and say so, not 0 with the output lost.
. tests/cli/lib.sh
ROOT=${PRECIS_ROOT:-.}
if [ ! -w /dev/full ]; then
    skip "write_errors (no /dev/full)"
    finish
    exit
fi
S="$ROOT/examples/story"
H="$ROOT/tests/fixtures/html/harbour_gazette.html"
while read -r what args; do
    # shellcheck disable=SC2086
    "$PRECIS" $args >/dev/full 2>"$TMP/err"
    rc=$?
    check "${what}_full_exit_4" test "$rc" -eq 4
    check "${what}_full_named" grep -q '^precis: .*\(cannot write\|write failed\)' "$TMP/err"
done <<EOF2
summarize summarize $S/01_harbour_courier.txt $S/02_coastwatch_daily.txt
summarize_json summarize --format json $S/01_harbour_courier.txt $S/02_coastwatch_daily.txt
clean clean $S/01_harbour_courier.txt
extract extract $H
digest digest $S
cluster cluster $S
cluster_json cluster --format json $S
ingest ingest --db $TMP/w.sqlite $S
EOF2
finish
