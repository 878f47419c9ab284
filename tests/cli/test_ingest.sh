# precis ingest: idempotent adds, counts, inputs of every kind, exit codes, --check.
. tests/cli/lib.sh
EX=${PRECIS_ROOT:-.}/examples/story
DB=$TMP/s.db
n_ex=$(ls "$EX" | wc -l)

p ingest --db "$DB" "$EX"
check example_exit_0 test "$rc" -eq 0
check example_counts grep -q "^added $n_ex, duplicates 0, rejected 0, stories touched [1-9]" "$TMP/out"

p ingest --db "$DB" "$EX"
check reingest_exit_0 test "$rc" -eq 0
check reingest_adds_nothing grep -q "^added 0, duplicates $n_ex, rejected 0, stories touched 0 (store: $n_ex articles" "$TMP/out"
check reingest_says_so grep -q "nothing new" "$TMP/out"

p ingest --db "$DB" --check
check check_ok sh -c "test $rc -eq 0 && head -1 '$TMP/out' | grep -qx ok"
# --check with INPUT checks after ingesting (the help says so): before, the
# check ran first and reported the empty store ("0 articles")
p ingest --db "$TMP/check_after.db" --check "$EX"
check check_with_input_runs_after_ingest sh -c "test $rc -eq 0 && sed -n 2p '$TMP/out' | grep -qx ok && sed -n 3p '$TMP/out' | grep -q '^$n_ex articles'"
p ingest --db "$TMP/never_made.db" --check
check check_missing_store_exit_2 test "$rc" -eq 2
check check_missing_store_named grep -q "never_made.db: no such store" "$TMP/err"
check check_missing_store_not_created test ! -e "$TMP/never_made.db"

# JSON Lines: two articles, a malformed line (named, skipped, exit 2).
cat > "$TMP/in.jsonl" <<'J'
{"id":"a1","title":"Tram depot floods in Ostrelin","date":"2031-07-02","text":"Heavy rain flooded the tram depot in Ostrelin on Tuesday night. Forty trams were moved to higher tracks and service resumed by noon, the transit authority said."}
{"id":"a2","title":"Ostrelin trams run again after depot flood","date":"2031-07-03","text":"Trams in Ostrelin ran again on Wednesday after floodwater was pumped out of the depot. The transit authority said forty trams had been moved in time."}
{"id":"a3","title": oops
J
p ingest --db "$DB" "$TMP/in.jsonl"
check jsonl_exit_2 test "$rc" -eq 2
check jsonl_counts grep -q "^added 2, duplicates 0, rejected 1" "$TMP/out"
check jsonl_bad_line_named grep -q "in.jsonl:3" "$TMP/err"

p ingest --db "$DB" - < "$EX/01_harbour_courier.txt"
check stdin_duplicate sh -c "test $rc -eq 0 && grep -q '^added 0, duplicates 1' '$TMP/out'"

p ingest --db "$DB" "$TMP/missing.txt"
check missing_exit_2 test "$rc" -eq 2
check missing_named grep -q "missing.txt" "$TMP/err"

: > "$TMP/empty.txt"
p ingest --db "$TMP/e.db" "$TMP/empty.txt"
check empty_input_exit_3 test "$rc" -eq 3
check empty_input_named grep -q "empty.txt" "$TMP/err"
check empty_input_nothing_added grep -q "^added 0, duplicates 0" "$TMP/out"

p ingest "$EX"
check no_db_usage test "$rc" -eq 1
p ingest --db "$DB"
check no_input_usage test "$rc" -eq 1
p ingest --help
check help_exit_0 sh -c "test $rc -eq 0 && grep -q -- '--check' '$TMP/out'"

# An ambiguous "03/04/2031" (4 March or 3 April) is settled by the input's
# other dates before it is stored, as precis digest settles it, even when
# the dated articles come after it; the same input again adds nothing.
cat > "$TMP/amb.jsonl" <<'J'
{"id":"b1","title":"Ostrelin bridge closes","date":"03/04/2031","text":"The Ostrelin river bridge closed on Thursday after inspectors found cracks in two piers. Buses will cross at the ferry road until repairs are done, the council said."}
{"id":"b2","title":"Ostrelin bridge repairs to take months","date":"2031-04-02","text":"Repairs to the Ostrelin river bridge will take four months, the council said, after inspectors found cracks in two of its piers."}
{"id":"b3","title":"Ferry road busy after bridge closure","date":"2031-04-04","text":"Traffic on the Ostrelin ferry road doubled after the river bridge closed, drivers and the bus company said."}
J
p ingest --db "$TMP/amb.db" "$TMP/amb.jsonl"
check ambiguous_ingest_exit_0 test "$rc" -eq 0
p ingest --db "$TMP/amb.db" "$TMP/amb.jsonl"
check ambiguous_reingest_duplicates grep -q "^added 0, duplicates 3" "$TMP/out"

if command -v sqlite3 >/dev/null 2>&1; then
    check ambiguous_stored_settled sh -c "sqlite3 '$TMP/amb.db' \"SELECT date FROM articles WHERE source_id='b1'\" | grep -qx 2031-04-03"
    check ambiguous_others_stored sh -c "sqlite3 '$TMP/amb.db' \"SELECT date FROM articles WHERE source_id='b2'\" | grep -qx 2031-04-02"
    check sqlite_integrity sh -c "sqlite3 '$DB' 'PRAGMA integrity_check' | grep -qx ok"
    check sqlite_wal sh -c "sqlite3 '$DB' 'PRAGMA journal_mode' | grep -qx wal"
    check sqlite_schema_version sh -c "sqlite3 '$DB' 'PRAGMA user_version' | grep -qx 1"
else
    skip sqlite_integrity
fi
finish
