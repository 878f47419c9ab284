#!/bin/sh
# Runs every test program, CLI script and fuzz-corpus replay, tallies the
# "ok - NAME" / "not ok - NAME" lines they print, and ends with
# "N passed, N failed". Usage: tests/run.sh BUILD_DIR
BUILD=${1:-build}
export PRECIS="$(cd "$BUILD" && pwd)/precis"
export PRECIS_ROOT="$(pwd)"
export SHARED="${PRECIS_SHARED:-$(cd .. && pwd)/shared}"
LOG="$BUILD/test.log"
: > "$LOG"
status=0
run() { # name, command...
    name=$1; shift
    out=$("$@" 2>&1); rc=$?
    printf '%s\n' "$out" >> "$LOG"
    printf '%s\n' "$out" | grep -E '^(ok|not ok|skip) - ' | sed "s|^|[$name] |"
    if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok - '; then
        # A crash or non-zero exit without a failing case still counts as a failure.
        printf '[%s] not ok - %s exited with status %s\n' "$name" "$name" "$rc"
        printf '%s\n' "$out" | tail -20 >&2
    fi
}
{
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] && run "$(basename "$t")" "$t"
done
for s in tests/cli/test_*.sh; do
    [ -f "$s" ] && run "$(basename "$s" .sh)" sh "$s"
done
for f in "$BUILD"/fuzz/fuzz_*; do
    [ -x "$f" ] || continue
    n=$(basename "$f"); corpus="fuzz/corpus/${n#fuzz_}"
    [ -d "$corpus" ] && run "$n" "$f" "$corpus"
done
} > "$BUILD/test.results"
cat "$BUILD/test.results"
grep 'not ok - ' "$BUILD/test.results" >/dev/null && status=1
passed=$(grep -c '] ok - ' "$BUILD/test.results")
failed=$(grep -c '] not ok - ' "$BUILD/test.results")
skipped=$(grep -c '] skip - ' "$BUILD/test.results")
echo "(full output in $LOG)"
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit $status
