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
# serve_start NAME ARGS...: runs `precis serve --port 0 ARGS`, waits for /api/health;
# sets PID and BASE and adds PID to PIDS (for the caller's kill at exit). Its
# output file is emptied first: the shell truncates it only in the child, after
# this loop may have read a previous server's port. Returns 1 when the server
# does not come up.
serve_start() {
    name=$1; shift
    : > "$TMP/$name.out"
    "$PRECIS" serve --port 0 "$@" > "$TMP/$name.out" 2> "$TMP/$name.err" &
    PID=$!
    PIDS="$PIDS $PID"
    BASE=""
    for i in $(seq 200); do
        port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$TMP/$name.out")
        if [ -n "$port" ]; then BASE=http://127.0.0.1:$port; break; fi
        kill -0 "$PID" 2>/dev/null || return 1
        sleep 0.1
    done
    [ -n "$BASE" ] || return 1
    for i in $(seq 100); do
        curl -s -o /dev/null "$BASE/api/health" && return 0
        sleep 0.1
    done
    return 1
}
serve_stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }
