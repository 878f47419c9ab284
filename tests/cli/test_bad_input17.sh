# Bad input of issues 4 and 7 at scale (session 17): the inputs of
# bench/bad_input.sh at test size (invented by bench/bad_input_make.py, a few
# MB), every article counted into one story or the rejection list, and the
# defects found at full size. bench/bad_input.sh has the 50 MB runs.
. tests/cli/lib.sh
ROOT=${PRECIS_ROOT:-.}
D=$TMP/d
python3 "$ROOT/bench/bad_input_make.py" "$D" --big 2 --tiny 1000 --copies 300 --stream 600 || exit 1

# q FILE EXPR: EXPR over the JSON in FILE (d) is true.
q() { python3 -c "import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1"; }
# every id of FILE.jsonl in exactly one story's sources or in "rejected", none twice
cat > "$TMP/count.py" <<'EOF'
import collections, json, sys
d = json.load(open(sys.argv[1]))
ids = [json.loads(l)["id"] for l in open(sys.argv[2])]
seen = collections.Counter(x["id"] for s in d["stories"] for x in s["sources"])
seen.update(r["id"] for r in d["rejected"])
sys.exit(0 if sorted(seen.elements()) == sorted(ids) else 1)
EOF
cat > "$TMP/count_cluster.py" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
ids = [json.loads(l)["id"] for l in open(sys.argv[2])]
got = [a["id"] for a in d["articles"]]
sys.exit(0 if sorted(got) == sorted(ids) and d["articles_in"] == len(ids) and all(a["story"] for a in d["articles"]) else 1)
EOF

# ---- every article in exactly one story or rejected: tiny articles, copies, a stream ----
for f in tiny copies stream; do
    for m in "" --online; do
        p digest $m --format json --no-progress "$D/$f.jsonl"
        check "digest${m}_${f}_exit_0" test "$rc" -eq 0
        check "digest${m}_${f}_every_article_once" python3 "$TMP/count.py" "$TMP/out" "$D/$f.jsonl"
    done
    for m in "" --batch; do
        p cluster $m --format json --no-progress "$D/$f.jsonl"
        check "cluster${m}_${f}_every_article_once" python3 "$TMP/count_cluster.py" "$TMP/out" "$D/$f.jsonl"
    done
done
p digest --format json --no-progress "$D/copies.jsonl"
check copies_one_story q "$TMP/out" 'len(d["stories"]) == 1 and d["stories"][0]["n_sources"] == 300 and d["stories"][0]["n_reports"] == 1'
# a directory of 1,000 one-sentence files: the same count by file name
p digest --format json --no-progress "$D/tiny"
check digest_tiny_dir_every_file_once q "$TMP/out" 'sorted(x["id"].rsplit("/", 1)[-1] for s in d["stories"] for x in s["sources"]) == sorted("t%05d.txt" % i for i in range(1, 1001))'
# the stream through stdin, every format non-empty
for f in text json jsonl md; do
    "$PRECIS" digest --format $f --no-progress - < "$D/stream.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
    check "digest_stream_stdin_${f}_output" sh -c "[ $rc -eq 0 ] && [ -s '$TMP/out' ]"
done

# ---- a budget smaller than any sentence: the story is kept with an empty
# summary and its note (user pass 22; before: every article rejected, exit 3),
# one stderr line for the run ----
p digest -w 1 --format json --no-progress "$D/copies.jsonl"
check budget_copies_exit_0 test "$rc" -eq 0
check budget_copies_story_kept_in_json q "$TMP/out" 'not d["rejected"] and len(d["stories"]) == 1 and len(d["stories"][0]["sources"]) == 300 and d["stories"][0]["summary"]["sentences"] == [] and "no sentence fits the budget of 1 word" in d["stories"][0]["summary"]["note"]'
check budget_copies_one_stderr_line sh -c "[ \$(grep -c 'no summary' '$TMP/err') -eq 1 ] && ! grep -q rejected '$TMP/err' && grep -q '1 of 1 story has no summary: no sentence fits the budget of 1 word' '$TMP/err'"
p digest -w 1 --no-progress "$D/one.txt"
check budget_one_article_note grep -q 'no summary: no sentence fits the budget of 1 word' "$TMP/out"
p summarize -b 5 "$D/one.txt"
check summarize_b5_says_shortest sh -c "[ $rc -eq 3 ] && grep -q 'no sentence fits the budget of 5 bytes (the shortest takes' '$TMP/err'"

# ---- a placeholder date long before the others (1900-01-01, 1970-01-01) ----
python3 -c "
import json
A = [('a', '2025-05-03', 'The Mirkalo bridge opened on Tuesday after four years of work, the city council said. About 3,000 cars crossed it on the first day. The mayor, Ilsa Varn, cut the ribbon.'),
     ('b', '2025-05-04', 'The new Mirkalo bridge opened on Tuesday, the city council said. The mayor Ilsa Varn cut the ribbon in front of a crowd. Some 3,000 cars used it on the first day.'),
     ('c', '1900-01-01', 'The Mirkalo bridge was opened on Tuesday by the mayor, Ilsa Varn, the city council said. Traffic was heavy with 3,000 cars on the first day.'),
     ('e', '1970-01-01', 'Mayor Ilsa Varn opened the Mirkalo bridge on Tuesday, the city council said. Some 3,000 cars crossed the bridge on its first day.')]
for i, d, t in A: print(json.dumps({'id': i, 'date': d, 'title': 'Mirkalo bridge opens', 'text': t}))" > "$TMP/epoch.jsonl"
p digest --format json --no-progress "$TMP/epoch.jsonl"
check epoch_dates_ignored q "$TMP/out" 'len(d["stories"]) == 1 and {x["id"]: x.get("date_ignored") for x in d["stories"][0]["sources"]} == {"a": None, "b": None, "c": "over a year before the other sources", "e": "over a year before the other sources"}'
check epoch_no_1899_event q "$TMP/out" 'all(e["date"].startswith("2025") for e in d["stories"][0]["timeline"]) and d["stories"][0]["timeline"]'
check epoch_no_date_conflict q "$TMP/out" 'not [c for c in d["stories"][0]["coverage"]["conflicts"] if c["kind"] == "date"]'
check epoch_named grep -q '2 of 4 articles have a date not believable (.*over a year before or after' "$TMP/err"
p digest --no-progress "$TMP/epoch.jsonl"
check epoch_days_text sh -c "grep -q '4 sources, 2025-05-03 to 2025-05-04 (2 of 4 dated)' '$TMP/out' && grep -q '1900-01-01 (date ignored: over a year before the other sources)' '$TMP/out'"
# of two sources years apart only the later is ignored (the rule of before)
head -2 "$TMP/epoch.jsonl" | tail -1 > "$TMP/two.jsonl"; sed -n 3p "$TMP/epoch.jsonl" >> "$TMP/two.jsonl"
p digest --format json --no-progress "$TMP/two.jsonl"
check two_apart_later_ignored q "$TMP/out" '{x["id"]: x.get("date_ignored") for s in d["stories"] for x in s["sources"]} == {"b": "over a year after the other sources", "c": None}'
# dates the reader cannot take are named and kept undated
p digest --format json --no-progress "$D/dates.jsonl"
check bad_dates_named sh -c "grep -q \"'9999-12-31') is not a date\" '$TMP/err' && grep -q \"'2024-02-30') is not a date\" '$TMP/err' && grep -q \"'0000-00-00') is not a date\" '$TMP/err'"
check bad_dates_kept q "$TMP/out" 'sum(len(s["sources"]) for s in d["stories"]) == 6'

# ---- no date at all: arrival order, said ----
p digest --no-progress "$D/nodate.jsonl"
check nodate_said sh -c "[ $rc -eq 0 ] && grep -q '6 of 6 articles have no date: they keep their arrival order' '$TMP/err'"

# ---- big articles (2 MB here): processed, or a clear message ----
p summarize "$D/big.txt"
check big_summarized sh -c "[ $rc -eq 0 ] && [ -s '$TMP/out' ]"
p summarize "$D/bigrep.txt"
check bigrep_one_sentence sh -c "[ $rc -eq 0 ] && [ \$(wc -l < '$TMP/out') -eq 1 ]"
p summarize "$D/bigline.txt"
check bigline_no_sentence_named sh -c "[ $rc -eq 3 ] && grep -q 'no usable sentence' '$TMP/err'"
p cluster --format json "$D/bigline.txt"
check bigline_clustered q "$TMP/out" 'd["articles_in"] == 1 and d["stories"] == 1'

# ---- junk, broken UTF-8, NUL bytes, closed stdin ----
for c in summarize digest cluster; do
    p $c "$D/junk.bin"
    check "${c}_urandom_refused" sh -c "[ $rc -eq 2 ] && grep -q 'binary data, not text' '$TMP/err'"
    p $c "$D/badutf8.txt"
    check "${c}_invalid_utf8_used" sh -c "[ $rc -eq 0 ] && [ -s '$TMP/out' ]"
    p $c "$D/nul.txt"
    check "${c}_nul_used" sh -c "[ $rc -eq 0 ] && [ -s '$TMP/out' ]"
    "$PRECIS" $c - <&- > "$TMP/out" 2> "$TMP/err"; rc=$?
    check "${c}_stdin_closed_named" sh -c "[ $rc -eq 2 ] && grep -q '<stdin>: standard input is closed' '$TMP/err'"
done
finish
