# precis digest: when the coverage comparison was cut (MAX_CANDIDATES, the
# JSON's coverage.capped), the readable briefing says so too (text and md);
# a story it did not cut says nothing of it. Invented story: 12 reports of
# 100 alike flood sentences (as tests/unit/test_coverage.c's
# a_cut_comparison_is_reported).
. tests/cli/lib.sh
python3 - > "$TMP/alike.jsonl" <<'PY'
import json
PLACE = ["Corrby", "Dunvale", "Ashtoft", "Marlow End", "Tillby", "Quenmoor", "Brackwell", "Ostby"]
THING = ["homes", "houses", "farms", "shops", "schools"]
VERB = ["were flooded", "were under water", "were evacuated", "were damaged", "were closed"]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
for r in range(12):
    x, out = r * 7919 + 1, []
    for k in range(100):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        v = x >> 8
        out.append("Officials in %s said %u %s near the river %s on %s." % (
            PLACE[v % 8], 10 + v % 900, THING[(v >> 4) % 5], VERB[(v >> 8) % 5], DAY[(v >> 12) % 7]))
    print(json.dumps({"id": "r%d" % r, "site": "Outlet %d" % r, "title": "Floods in the valley",
                      "date": "2026-11-20", "text": "\n\n".join(out)}))
PY
p digest --no-progress --format json "$TMP/alike.jsonl"
check capped_in_json python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d["stories"][0]["coverage"]["capped"]; sys.exit(0 if c["sentences"] > 0 and c["candidates_cut"] > 0 else 1)' "$TMP/out"
n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["stories"][0]["coverage"]["capped"]["sentences"])' "$TMP/out" 2>/dev/null)
p digest --no-progress --format text "$TMP/alike.jsonl"
check capped_in_text grep -q "(compared in part: $n sentences compared with their likeliest matches only (at most 2 in each other report, 1024 in all)" "$TMP/out"
check capped_under_coverage sh -c "grep -A1 '^ *Coverage\$' '$TMP/out' | grep -q 'compared in part'"
p digest --no-progress --format md "$TMP/alike.jsonl"
check capped_in_md grep -q "^- \*(compared in part: $n sentences" "$TMP/out"
# not cut: not said
p digest --no-progress --format text "${PRECIS_ROOT:-.}/examples/story"
check uncut_says_nothing_text sh -c "! grep -q 'compared in part' '$TMP/out'"
p digest --no-progress --format md "${PRECIS_ROOT:-.}/tests/fixtures/story/vask/articles"
check uncut_says_nothing_md sh -c "! grep -q 'compared in part' '$TMP/out'"
finish
