# Shared helpers for CLI tests: source it, then call `check NAME CONDITION-COMMAND...`.
# $PRECIS is the binary under test; $SHARED the shared data dir (may be absent).
: "${PRECIS:?run through tests/run.sh}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
check() { # name, command... : ok when the command exits 0
    name=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok - $name"; else echo "not ok - $name"; failures=$((failures+1)); fi
}
skip() { echo "skip - $1"; }
# Runs precis, saving stdout/stderr to $TMP/out, $TMP/err and the exit code to $rc.
p() { "$PRECIS" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
finish() { [ "$failures" -eq 0 ]; }
