# precis digest: stories from invented multi-outlet fixtures (timeline dates,
# planted conflicts, unique facts, omissions, copies, headline, no debris),
# formats, the bundled example, bad input and exit codes, and the seeds'
# "Tuesday" when ../shared is present.
. tests/cli/lib.sh
FIX="$PRECIS_ROOT/tests/fixtures/story"
VASK="$FIX/vask/articles"
TESS="$FIX/tessaly/articles"

# Python helper: q FILE 'expression over d (the parsed JSON) and s (its first story)'
q() {
    python3 - "$1" "$2" <<'EOF'
import json, sys, os
d = json.load(open(sys.argv[1]))
s = d["stories"][0] if d.get("stories") else None
base = lambda i: os.path.basename(i)[0]
def tl(date, needle):
    return [e for st in d["stories"] for e in st["timeline"] if e["date"] == date and needle in e["text"]]
def conflict(kind, value):
    return [c for st in d["stories"] for c in st["coverage"]["conflicts"]
            if c["kind"] == kind and any(value in cl["value"] for cl in c["claims"])]
def spelling(value):
    return [c for st in d["stories"] for c in st["coverage"].get("spellings", [])
            if any(value in cl["value"] for cl in c["claims"])]
def per(letter):
    return [p for st in d["stories"] for p in st["coverage"]["per_source"] if base(p["doc"]) == letter][0]
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
EOF
}

# ---- the Vask bridge story: 5 reports and a wire copy ----
p digest --format json --no-progress "$VASK"
check vask_exit_0 test "$rc" -eq 0
cp "$TMP/out" "$TMP/vask.json"
check vask_one_story q "$TMP/vask.json" 'len(d["stories"]) == 1 and len(s["sources"]) == 6'
check vask_copy_grouped q "$TMP/vask.json" '[base(x["id"]) for x in s["sources"] if x["duplicate_of"]] == ["f"] and base([x for x in s["sources"] if x["duplicate_of"]][0]["duplicate_of"]) == "c"'
check vask_headline_is_a_title q "$TMP/vask.json" 's["headline"] in [x["title"] for x in s["sources"]]'
check vask_no_debris_in_summary q "$TMP/vask.json" 'not any(w in s["summary"]["summary"] for w in ("Share this", "Sign up", "Comments", "Photo", "Advertisement", "Subscribe", "Read more", "Cookie", "Like this", "Reporting by"))'
# relative dates against each article's own date: "early on Tuesday" (Tue 11 Nov),
# "yesterday" (12 Nov), "on Tuesday" (13 Nov) are all 2025-11-11, told once
check vask_tuesday_once q "$TMP/vask.json" 'len(tl("2025-11-11", "collapsed")) == 1 and sorted(map(base, tl("2025-11-11", "collapsed")[0]["sources"])) == ["a", "b", "c", "d"]'
check vask_monday_apart q "$TMP/vask.json" 'len(tl("2025-11-10", "on Monday")) == 1'
check vask_until_friday q "$TMP/vask.json" 'len(tl("2025-11-14", "until Friday")) == 1'
check vask_last_week_range q "$TMP/vask.json" 'len(tl("2025-11-03/2025-11-09", "last week")) == 1'
check vask_timeline_sorted q "$TMP/vask.json" '[e["date"] for e in s["timeline"]] == sorted(e["date"] for e in s["timeline"])'
# planted conflicts
check vask_conflict_date q "$TMP/vask.json" 'conflict("date", "Monday") and conflict("date", "Tuesday")'
check vask_conflict_figure q "$TMP/vask.json" 'conflict("figure", "Twelve") and conflict("figure", "Nine")'
check vask_conflict_distance q "$TMP/vask.json" 'conflict("distance", "40-kilometre")'
# one name spelt two ways is listed apart, not as a conflict
check vask_spelling_not_conflict q "$TMP/vask.json" 'spelling("Lindqvist") and spelling("Lindqvest") and not conflict("name", "Lindqvist")'
# 12 miles and about 19 kilometres agree; 14,000 and about 15,000 vehicles agree
check vask_conversion_agrees q "$TMP/vask.json" 'not any(base(x) == "c" for c in conflict("distance", "40") for cl in c["claims"] if "19" in cl["value"] for x in cl["docs"]) and not conflict("figure", "15,000")'
check vask_unique_bakery q "$TMP/vask.json" 'any("bakery" in u["text"] for u in per("a")["unique"])'
check vask_unique_insurance q "$TMP/vask.json" 'any("Insurance" in u["text"] for u in per("e")["unique"])'
check vask_omission q "$TMP/vask.json" 'any("1932" in o["text"] for o in per("e")["omits"]) and not any("collapsed" in o["text"] for st in d["stories"] for p in st["coverage"]["per_source"] for o in p["omits"])'
check vask_copy_not_a_report q "$TMP/vask.json" 's["coverage"]["reports"] == 5 and [base(x) for x in per("c")["copies"]] == ["f"]'
check vask_corroboration q "$TMP/vask.json" 'all(x["reports"] >= 1 for x in s["coverage"]["summary"]) and s["coverage"]["summary"][0]["reports"] == 5'
check vask_entities q "$TMP/vask.json" 'any(e["name"] == "Old Vask Bridge" and e["sources"] == 5 for e in s["entities"])'

# ---- the Tessaly fire: 4 reports ----
p digest --format json --no-progress "$TESS"
cp "$TMP/out" "$TMP/tess.json"
check tess_thursday q "$TMP/tess.json" 'len(tl("2026-06-04", "Thursday")) == 1 and len(tl("2026-06-04", "Thursday")[0]["sources"]) == 3'
check tess_wednesday q "$TMP/tess.json" 'len(tl("2026-06-03", "Wednesday")) == 1'
check tess_schools_monday q "$TMP/tess.json" 'len(tl("2026-06-08", "Schools")) == 1 and len(tl("2026-06-08", "Schools")[0]["sources"]) == 2'
check tess_conflicts q "$TMP/tess.json" 'conflict("distance", "five miles") and conflict("figure", "2,000") and conflict("date", "Wednesday")'
check tess_spelling q "$TMP/tess.json" 'spelling("Tilly") and spelling("Tilley") and not conflict("name", "Tilly")'
check tess_three_km_agrees q "$TMP/tess.json" 'not any("three kilometres" in cl["value"] for c in conflict("distance", "five") for cl in c["claims"])'

# ---- formats ----
p digest --no-progress "$VASK"
check text_exit_0 test "$rc" -eq 0
check text_briefing sh -c "grep -q '^1\\. ' '$TMP/out' && grep -q 'Timeline' '$TMP/out' && grep -q 'Coverage' '$TMP/out' && grep -q '\\[1\\]' '$TMP/out'"
check text_dates_in_timeline grep -q '2025-11-11' "$TMP/out"
# the name spelt two ways: a quiet line under Coverage, not "sources differ"
check text_spelling_line grep -q 'Spelt two ways: "Lindqvist" \[[0-9]\] / "Lindqvest" \[[0-9]\]' "$TMP/out"
# source markers in ascending order, each once ("[1][4]", not "[4][1]"); the
# Kelbrook summary has sentences told by several reports, the own one not first
p digest --no-progress "$FIX/kelbrook/articles"
check text_markers_ascending python3 -c "
import re, sys
runs = re.findall(r'(?:\[[0-9]+\])+', open('$TMP/out').read())
multi = [r for r in runs if r.count('[') > 1]
ok = multi and all((lambda m: m == sorted(set(m)))(list(map(int, re.findall(r'[0-9]+', r)))) for r in multi)
sys.exit(0 if ok else 1)"
p digest --format md --no-progress "$VASK"
check md_heading grep -q '^## 1\. ' "$TMP/out"
p digest --format jsonl --no-progress "$VASK" "$TESS"
check jsonl_lines_parse python3 -c "
import json,sys
n=0
for l in open('$TMP/out'): json.loads(l); n+=1
assert n >= 1"

# ---- the bundled example ----
p digest --no-progress "$PRECIS_ROOT/examples/story"
check example_exit_0 test "$rc" -eq 0
check example_headline grep -q '^1\. ' "$TMP/out"
# every example article carries its date (in five different styles), so no
# relative date is left unresolved
check example_all_dated sh -c "! grep -q 'no date' '$TMP/err'"
# sources name title, outlet and day; the headline printed twice with the
# outlet's name gives the title and the site
check example_source_line grep -q 'Velmora ferry grounding: all 212 aboard rescued — Coastwatch Daily, 2024-09-15' "$TMP/out"
check example_title_and_outlet grep -q '^     \[1\] Ferry runs aground off Velmora — Harbour Courier, 2024-09-14' "$TMP/out"
check example_header_days grep -q '^   5 sources, 2024-09-14 to 2024-09-15$' "$TMP/out"
check example_no_doubled_quotes sh -c "! grep -q '\"\"' '$TMP/out'"
p digest --format json --no-progress "$PRECIS_ROOT/examples/story"
cp "$TMP/out" "$TMP/example.json"
# "on Saturday" in articles published on Saturday and on Sunday is the 14th;
# "on Sunday" (tugboats expected to try) is the 15th
check example_saturday q "$TMP/example.json" 'len(tl("2024-09-14", "Saturday")) == 1 and len(tl("2024-09-14", "Saturday")[0]["sources"]) >= 4'
check example_sunday q "$TMP/example.json" 'len(tl("2024-09-15", "refloat")) == 1'
# "a 90-metre vessel built in 2006" does not date the grounding
check example_no_describing_year q "$TMP/example.json" 'not any(e["date"] == "2006" for e in s["timeline"])'
check example_sites q "$TMP/example.json" '[x["site"] for x in s["sources"]] == ["Harbour Courier", "Coastwatch Daily", "Meridian Wire", "Islander Post", None]'
# the Courier tells the grounding in its lead (aligned with three other leads,
# not with the Islander's, which adds the fishermen): no omission of it
check example_no_false_omission q "$TMP/example.json" 'not any("aground" in o["text"] for p in s["coverage"]["per_source"] if p["doc"].endswith("01_harbour_courier.txt") for o in p["omits"])'
check example_dates q "$TMP/example.json" '[x["date"][:10] for x in s["sources"]] == ["2024-09-14", "2024-09-15", "2024-09-14", "2024-09-15", "2024-09-15"]'

# ---- every article in one story or rejected ----
printf '' > "$TMP/empty.txt"
p digest --no-progress "$TMP/empty.txt"
check empty_only_exit_3 test "$rc" -eq 3
check empty_named grep -q 'empty.txt' "$TMP/err"
p digest --format json --no-progress "$VASK" "$TMP/empty.txt" "$TMP/missing.txt"
check mixed_exit_2 test "$rc" -eq 2
check mixed_rejected_listed q "$TMP/out" 'len(d["rejected"]) == 2 and len(s["sources"]) == 6'
check missing_named grep -q 'missing.txt' "$TMP/err"
printf '{"id":"w1","text":"Hello"}\n' > "$TMP/oneword.jsonl"
p digest --format json --no-progress "$TMP/oneword.jsonl"
check one_word_rejected sh -c "[ $rc -eq 3 ] || [ $rc -eq 2 ]"
check one_word_named grep -q 'w1' "$TMP/err"
# a JSONL line over the line limit is rejected and named; the other lines still make stories
python3 -c "
import json
print(json.dumps({'id':'huge','text':'The pier at Kell collapsed on Monday. '*40000,'date':'2026-02-03'}))
print(json.dumps({'id':'ok1','text':'The pier at Kell collapsed on Monday, injuring two anglers, the harbour master said.','date':'2026-02-03'}))" > "$TMP/overlimit.jsonl"
p digest --format json --no-progress "$TMP/overlimit.jsonl"
check over_limit_line_exit_2 test "$rc" -eq 2
check over_limit_line_rest_kept q "$TMP/out" 'len(d["stories"]) == 1 and len(d["rejected"]) == 1 and s["sources"][0]["id"] == "ok1"'
check over_limit_line_named grep -q 'limit' "$TMP/err"
# 300 copies of one article: one story, one report, every copy listed
python3 -c "
import json
t='The harbour crane at Pellow collapsed on Monday, injuring two dock workers, the port authority said. Engineers will inspect the other cranes this week.'
for i in range(300): print(json.dumps({'id':'copy%d'%i,'text':t,'date':'2026-02-03'}))" > "$TMP/copies.jsonl"
p digest --format json --no-progress "$TMP/copies.jsonl"
check copies_one_story q "$TMP/out" 'len(d["stories"]) == 1 and len(s["sources"]) == 300 and s["coverage"]["reports"] == 1 and sum(1 for x in s["sources"] if x["duplicate_of"]) == 299'
# 2,000 copies of one wire story (half with a desk line of their own), an unrelated
# article and an empty one: every id in exactly one story or the rejection list,
# the copies one report, each listed once in the briefing with its original
python3 -c "
import json
t='The harbour crane at Pellow collapsed on Monday, injuring two dock workers, the port authority said. Engineers will inspect the other cranes at Pellow this week, the authority added. The port was closed to shipping for the rest of the day.'
for i in range(2000): print(json.dumps({'id':'w%d'%i,'site':'Outlet %d'%i,'text':t + ('' if i % 2 else ' Filed by the desk of Outlet %d.'%i),'date':'2026-02-03'}))
print(json.dumps({'id':'other','text':'The orchestra of Lunmere will tour six cities in the spring, its director said on Friday. Tickets go on sale next week.','date':'2026-02-03'}))
print(json.dumps({'id':'empty','text':'','date':'2026-02-03'}))" > "$TMP/pile.jsonl"
p digest --format json --no-progress "$TMP/pile.jsonl"
check pile_exit_0 test "$rc" -eq 0
check pile_every_id_once q "$TMP/out" 'sorted(x["id"] for st in d["stories"] for x in st["sources"]) == sorted(["w%d" % i for i in range(2000)] + ["other"]) and len(d["rejected"]) == 1 and ":2002: empty:" in d["rejected"][0]["reason"]'
check pile_one_report q "$TMP/out" 'len(s["sources"]) == 2000 and s["n_reports"] == 1 and s["coverage"]["reports"] == 1 and len(s["coverage"]["per_source"][0]["copies"]) == 1999'
p digest --no-progress "$TMP/pile.jsonl"
check pile_briefing_lists_all sh -c "[ \$(grep -c '(copy of \[1\])' '$TMP/out') -eq 1999 ] && grep -q '\[2000\] .*Outlet 1999' '$TMP/out'"
printf '{"id":"n1","text":"The mayor of Quill opened the new library on Tuesday, the council said."}\n{"id":"n2","text":"Quill'"'"'s new library was opened by the mayor on Tuesday, council officials said."}\n' > "$TMP/nodate.jsonl"
p digest --format json --no-progress "$TMP/nodate.jsonl"
check undated_exit_0 test "$rc" -eq 0
check undated_said grep -q '2 of 2 articles have no date' "$TMP/err"
# absurd and future dates (2999, 1066, years ahead of the other sources) are named,
# ignored for relative dates and the story's days, the same way in json, text and md
python3 -c "
import json
A = [('fut', '2999-03-10', 'The Orrin bridge was closed on Tuesday after engineers found a crack in its main span, the county said. About 9,000 vehicles cross the bridge every day. Repairs are due to finish on March 3, 2999, the county added.'),
     ('old', '1066-10-14', 'Engineers shut the Orrin bridge on Tuesday when a crack was found in the main span, county officials said. A detour through Kessmere adds twenty minutes to the journey.'),
     ('ahead', '2031-06-01', 'A crack in the main span closed the Orrin bridge on Tuesday, the county said. Buses will run through Kessmere until the bridge reopens.'),
     ('ok', '2026-03-11', 'The Orrin bridge was closed to traffic on Tuesday after a crack was found in its main span, the county council said. Repairs will take two weeks.')]
for i, d, t in A: print(json.dumps({'id': i, 'site': 'Paper ' + i, 'title': 'Orrin bridge shut by crack', 'date': d, 'text': t}))" > "$TMP/absurd.jsonl"
p digest --format json --no-progress "$TMP/absurd.jsonl"
check absurd_exit_0 test "$rc" -eq 0
check absurd_named_json q "$TMP/out" '{x["id"]: x.get("date_ignored") for x in s["sources"]} == {"fut": "after 2200", "old": "before 1900", "ahead": "over a year after the other sources", "ok": None}'
check absurd_not_resolved q "$TMP/out" 'all(e["date"].startswith("2026") for e in s["timeline"]) and tl("2026-03-10", "Tuesday") and not [c for c in s["coverage"]["conflicts"] if c["kind"] == "date"]'
check absurd_stderr grep -q '3 of 4 articles have a date not believable' "$TMP/err"
for f in text md; do
    p digest --format $f --no-progress "$TMP/absurd.jsonl"
    check absurd_marked_$f sh -c "grep -q '2999-03-10 (date ignored: after 2200)' '$TMP/out' && grep -q '1066-10-14 (date ignored: before 1900)' '$TMP/out' && grep -q '2031-06-01 (date ignored: over a year after the other sources)' '$TMP/out'"
    check absurd_days_$f sh -c "grep -q '4 sources, 2026-03-11 (1 of 4 dated)' '$TMP/out' && ! grep -v 'date ignored' '$TMP/out' | grep -q '2999-\|1066-\|2031-'"
    check absurd_stderr_$f grep -q '3 of 4 articles have a date not believable' "$TMP/err"
done
printf '\377\376bad \351t\351 bytes. The bridge at Oram closed on Friday after a lorry struck it, police said.\n' > "$TMP/latin.txt"
p digest --no-progress "$TMP/latin.txt"
check non_utf8_no_crash sh -c "[ $rc -eq 0 ] || [ $rc -eq 2 ] || [ $rc -eq 3 ]"
# Terminal controls (ESC, BEL) in an article never reach the briefing.
printf 'The bridge at Oram closed on \033[31mFriday\033[0m after a lorry struck it,\a police said.\n' > "$TMP/esc.txt"
p digest --no-progress "$TMP/esc.txt"
check controls_dropped sh -c "grep -q 'lorry struck it' '$TMP/out' && ! grep -q \"\$(printf '[\\033\\007]')\" '$TMP/out'"

# ---- grouping: the batch regrouping (default) and --online ----
# An invented mill fire told in two vocabularies (m1: the mill and the firefighters;
# m2: the owner's warehouse and the residents) and a report (m3) using both, then an
# unrelated orchestra tour. Online, m2 finds m1's story too far and starts its own
# (m3 joins it); the batch regrouping puts the three reports together.
python3 -c "
import json
A = [('m1', 'Firefighters battled a fire at the Dunmore paper mill through the night, sending thick smoke over the town. Fire crews from three stations fought the flames at the mill.'),
     ('m2', 'Korvald Papers said its warehouse was destroyed and residents of Ostby were told to keep windows closed. The company said no employee was hurt and production would stop for weeks.'),
     ('m3', 'The fire at the Dunmore paper mill destroyed the Korvald Papers warehouse, and firefighters told Ostby residents to keep windows closed against the smoke. Korvald Papers said production would stop.'),
     ('o1', 'The orchestra of Lunmere will tour six cities in the spring, its director said on Friday. Tickets go on sale next week at the concert hall.'),
     ('o2', 'Lunmere orchestra announces a spring tour of six cities; its director said tickets will be sold from next week at the hall.')]
for i, t in A: print(json.dumps({'id': i, 'site': 'Paper ' + i, 'title': 'Report ' + i, 'text': t, 'date': '2026-04-06'}))
print(json.dumps({'id': 'blank', 'text': '', 'date': '2026-04-06'}))" > "$TMP/mill.jsonl"
groups='sorted(sorted(x["id"] for x in st["sources"]) for st in d["stories"])'
p digest --format json --no-progress "$TMP/mill.jsonl"
check batch_exit_0 test "$rc" -eq 0
check batch_groups_the_fire q "$TMP/out" "$groups"' == [["m1", "m2", "m3"], ["o1", "o2"]]'
check batch_every_article_once q "$TMP/out" 'sorted(x["id"] for st in d["stories"] for x in st["sources"]) == ["m1", "m2", "m3", "o1", "o2"] and len(d["rejected"]) == 1 and ":6: blank:" in d["rejected"][0]["reason"]'
p digest --online --format json --no-progress "$TMP/mill.jsonl"
check online_exit_0 test "$rc" -eq 0
check online_splits_the_fire q "$TMP/out" "$groups"' == [["m1"], ["m2", "m3"], ["o1", "o2"]]'
check online_every_article_once q "$TMP/out" 'sorted(x["id"] for st in d["stories"] for x in st["sources"]) == ["m1", "m2", "m3", "o1", "o2"] and len(d["rejected"]) == 1 and ":6: blank:" in d["rejected"][0]["reason"]'
# the batch regrouping would ignore --threshold: refused without --online (user
# pass 22; before: taken and ignored); --online uses it
p digest --threshold 0.9 --format json --no-progress "$TMP/mill.jsonl"
check batch_refuses_threshold sh -c "[ $rc -eq 1 ] && grep -q 'digest: --threshold needs --online' '$TMP/err'"
p digest --online --threshold 0.9 --format json --no-progress "$TMP/mill.jsonl"
check online_uses_threshold q "$TMP/out" 'len(d["stories"]) > 3'
# the default's grouping is precis cluster --batch's on the same input
p cluster --batch "$TMP/mill.jsonl"
check batch_same_as_cluster_batch sh -c "[ \"\$(cut -f2 '$TMP/out' | tr '\n' ' ')\" = 's1 s1 s1 s2 s2 ' ]"
# copies stay with their original in both modes (the 300-copy pile above is one story by default)
p digest --online --format json --no-progress "$TMP/copies.jsonl"
check online_copies_one_story q "$TMP/out" 'len(d["stories"]) == 1 and len(s["sources"]) == 300 and sum(1 for x in s["sources"] if x["duplicate_of"]) == 299'

# ---- the cap of analysed reports per story ----
# An unrelated pair first, then 520 invented reports of one dam burst, each its
# own mix of figures (few are copies): online they are one story, printed first
# but numbered story-2 in arrival order; stderr names it as the output does.
python3 -c "
import json, random
print(json.dumps({'id':'o1','text':'The orchestra of Lunmere will tour six cities in the spring, its director said on Friday. Tickets go on sale next week at the concert hall.','date':'2026-04-06'}))
print(json.dumps({'id':'o2','text':'Lunmere orchestra announces a spring tour of six cities; its director said tickets will be sold from next week at the hall.','date':'2026-04-06'}))
for i in range(520):
    r = random.Random(i)
    t = ['The Oskeby dam burst on Monday.'] + ['%s said water %s %d %s near %s.' % (r.choice(['Residents', 'Farmers', 'Rescuers', 'Officials', 'Engineers', 'Volunteers', 'Police', 'Teachers']), r.choice(['flooded', 'battered', 'cut off', 'swamped', 'threatened']), r.randint(2, 900), r.choice(['homes', 'farms', 'roads', 'schools', 'shops', 'bridges', 'fields', 'cellars']), r.choice(['Oskeby', 'the Tarn valley', 'the lower town', 'the river banks', 'the dam'])) for k in range(4)]
    print(json.dumps({'id':'r%d' % i,'site':'Outlet %d' % i,'title':'Oskeby dam bursts','text':' '.join(t),'date':'2026-04-06'}))" > "$TMP/cap.jsonl"
p digest --online --no-progress "$TMP/cap.jsonl"
check cap_exit_0 test "$rc" -eq 0
check cap_briefing_says_so sh -c "head -2 '$TMP/out' | grep -q '520 sources, [0-9]* independent reports (the first 500 reports analysed)'"
check cap_stderr_names_the_printed_story sh -c "grep -q '^precis: story 1 (id story-2): [0-9]* independent reports: .* use the first 500 (the cap per story); all 520 sources are listed' '$TMP/err' && [ \$(grep -c 'the cap per story' '$TMP/err') -eq 1 ]"
p digest --online --format json --no-progress "$TMP/cap.jsonl"
check cap_json_id q "$TMP/out" 's["id"] == "story-2" and s["analysed_reports"] == 500 and s["n_reports"] > 500 and len(s["sources"]) == 520 and sum(1 for x in s["sources"] if x.get("analysed") is False) >= s["n_reports"] - 500'

# ---- usage ----
p digest --format xml "$VASK"
check bad_format_exit_1 test "$rc" -eq 1
p digest
check no_input_exit_1 test "$rc" -eq 1
p digest --threshold 7 "$VASK"
check bad_threshold_exit_1 test "$rc" -eq 1
p digest --help
check help_exit_0 sh -c "[ $rc -eq 0 ] && grep -q -- '--max-stories' '$TMP/out'"
check help_online sh -c "grep -q -- '--online' '$TMP/out' && grep -q 'in windows of at' '$TMP/out' && grep -q 'regrouping has its own fixed cut' '$TMP/out'"
p digest --max-stories 1 --format json --no-progress "$VASK" "$TESS"
check max_stories_one q "$TMP/out" 'len(d["stories"]) == 1'

# a rejected article is named once on stderr, not "y: y: no words"
printf '%s\n' '{"id":"y","text":"... !!! ??? ---"}' '{"id":"x","text":"The Varnholt council voted on Tuesday to close the old harbour bridge for repairs. Mayor Ilse Brandvik said work would start in March."}' > "$TMP/punct.jsonl"
p digest --no-progress "$TMP/punct.jsonl"
check reject_names_id_once sh -c "grep -q '^precis: rejected: y: no words' '$TMP/err' && ! grep -q 'y: y:' '$TMP/err'"

# two copies of one report with a date years ahead do not vouch for each other:
# a copy group counts as one source for the "over a year after" rule
python3 -c "
import json
t = 'A crack in the main span closed the Orrin bridge on Tuesday, the county said. Buses will run through Kessmere until the bridge reopens.'
A = [('ahead', '2031-06-01', t), ('ahead2', '2031-06-01', t),
     ('ok', '2026-03-11', 'The Orrin bridge was closed to traffic on Tuesday after a crack was found in its main span, the county council said. Repairs will take two weeks.')]
for i, d, x in A: print(json.dumps({'id': i, 'site': 'Paper ' + i, 'title': 'Orrin bridge shut by crack', 'date': d, 'text': x}))" > "$TMP/copyahead.jsonl"
p digest --format json --no-progress "$TMP/copyahead.jsonl"
check copies_ahead_one_source q "$TMP/out" 'len(d["stories"]) == 1 and {x["id"]: x.get("date_ignored") for x in s["sources"]} == {"ahead": "over a year after the other sources", "ahead2": "over a year after the other sources", "ok": None}'
# ---- the seeds: "Tuesday" in the article published Tue, May 29, 2018 ----
if [ -d "$SHARED/seeds" ]; then
    p digest --format json --no-progress "$SHARED/seeds"
    check seeds_exit_0 test "$rc" -eq 0
    check seeds_tuesday_2018_05_29 q "$TMP/out" 'any(e["date"] == "2018-05-29" and "Tuesday" in e["when"] and any(x["id"] == e["doc"] and x["date"] == "2018-05-29" for x in st["sources"]) for st in d["stories"] for e in st["timeline"])'
    check seeds_monday_2018_05_28 q "$TMP/out" 'any(e["date"] == "2018-05-28" and "Monday" in e["when"] for st in d["stories"] for e in st["timeline"])'
    # "warned on Friday that it would ..." in the same article: the Friday before, not after
    check seeds_friday_2018_05_25 q "$TMP/out" 'any(e["date"] == "2018-05-25" and "Friday" in e["when"] for st in d["stories"] for e in st["timeline"]) and not any(e["date"] > "2018-05-29" for st in d["stories"] for e in st["timeline"] if e["date"][:4] == "2018")'
    check seeds_every_article_placed q "$TMP/out" 'sum(len(st["sources"]) for st in d["stories"]) + len(d["rejected"]) == 5'
else
    skip "seeds: ../shared/seeds absent"
fi
# A refused JSONL line is named FILE:LINE in the JSON rejection list (as an article
# without an id is), not by the whole file's name.
printf '%s\n' '{"id":"k1","text":"The Kell ferry ran aground on Monday, and all passengers were brought ashore safely."}' \
    '{"id":[1],"text":"The Kell pier reopened."}' 'not json' > "$TMP/badlines.jsonl"
p digest --no-progress --format json "$TMP/badlines.jsonl"
check bad_lines_named_by_line python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["rejected"]
ids = [x["id"] for x in r]
sys.exit(0 if ids == [sys.argv[2] + ":2", sys.argv[2] + ":3"] else 1)' "$TMP/out" "$TMP/badlines.jsonl"
finish
