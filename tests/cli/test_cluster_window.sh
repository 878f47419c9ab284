# precis cluster's regrouping window on a stream (tests/cli/stream_window.py):
# the first stories come out while the input is still open, undated (a window
# of 100) and dated (the default window, the quiet period); every article once.
. tests/cli/lib.sh
python3 tests/cli/stream_window.py "$PRECIS" window || failures=$((failures+1))
python3 tests/cli/stream_window.py "$PRECIS" dated || failures=$((failures+1))
p cluster --online --window 10 "$TMP/none.jsonl"
check online_window_is_usage_error test "$rc" -eq 1
check online_window_named grep -q -- '--window' "$TMP/err"
p digest --online --window 10 "$TMP/none.jsonl"
check digest_online_window_is_usage_error test "$rc" -eq 1
finish
