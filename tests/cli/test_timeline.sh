# precis digest's timeline end to end: one invented story told by four outlets
# published on different days, each naming the same events with other relative
# forms ("on Sunday" / "last Sunday" / "a week ago"; "will open on Friday" /
# "is due to open on Friday" / "opened on Friday"), which must resolve to one
# day each (else a false date conflict); "decided on Tuesday to close" in a
# Thursday paper is that week's Tuesday; a yearless future date goes ahead a
# year; "two days later" and the undated outlet's "on Sunday" stay unresolved.
. tests/cli/lib.sh

cat > "$TMP/in.jsonl" <<'JSONL'
{"id":"a","site":"Reach Gazette","title":"Fire destroys Dunmore grain warehouse","date":"2026-10-05","text":"A fire destroyed the Dunmore grain warehouse in Calder Reach on Sunday, the county fire service said. Nobody was hurt, but the fire burned for nine hours and the roof of the warehouse collapsed. The inquiry into the Dunmore warehouse fire will open on Friday, council leader Ines Varga said. The warehouse was last inspected in March, according to council records. The owners said the site will reopen on January 12 after repairs. The Dunmore company bought the grain warehouse late last year."}
{"id":"b","site":"Northfold Wire","title":"Dryer blamed for Calder Reach warehouse fire","date":"2026-10-08","text":"The fire that destroyed the Dunmore grain warehouse in Calder Reach last Sunday started in a grain dryer, investigators said. The roof of the warehouse collapsed after the fire burned for nine hours. The council inquiry into the warehouse fire is due to open on Friday. Forty jobs will go after Dunmore decided on Tuesday to rebuild the grain warehouse elsewhere."}
{"id":"c","site":"Tessel Herald","title":"Dunmore fire inquiry opens","date":"2026-10-11","text":"The fire at the Dunmore grain warehouse in Calder Reach a week ago destroyed grain worth 4 million crowns. The inquiry into the warehouse fire opened on Friday with evidence from the county fire service. Two days later, the county closed the Calder Reach road to lorries. Council leader Ines Varga said the grain warehouse must be rebuilt to a safer design."}
{"id":"d","site":"Marrow Valley Times","title":"Warehouse fire in Calder Reach","text":"The fire at the Dunmore grain warehouse in Calder Reach on Sunday was the worst in the town for decades. The warehouse roof collapsed and grain burned for nine hours, the county fire service said."}
JSONL

# t 'python expression over tl (list of (date, sorted sources, text)) and d'
t() {
    python3 - "$TMP/out" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
tl = [(e["date"], sorted(e["sources"]), e["text"]) for s in d["stories"] for e in s["timeline"]]
def at(date, needle):
    return [e for e in tl if e[0] == date and needle in e[2]]
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

p digest --format json --no-progress "$TMP/in.jsonl"
check "timeline: digest runs" test "$rc" -eq 0
check "timeline: one story" t 'len(d["stories"]) == 1'
check "timeline: on Sunday / last Sunday / a week ago are one day, three sources" \
    t 'any(e[1] == ["a", "b", "c"] for e in at("2026-10-04", "fire"))'
check "timeline: will open / is due to open / opened on Friday are one day" \
    t 'any(e[1] == ["a", "b", "c"] for e in at("2026-10-09", "inquiry"))'
check "timeline: will go after ... decided on Tuesday to rebuild (Thursday paper) is that week's Tuesday" \
    t 'at("2026-10-06", "decided on Tuesday") and not [e for e in tl if "decided" in e[2] and e[0] != "2026-10-06"]'
check "timeline: will reopen on January 12 is next January" t 'at("2027-01-12", "January 12")'
check "timeline: in March without a year is this year's" t 'at("2026-03", "inspected in March")'
check "timeline: late last year" t 'at("2025", "late last year")'
check "timeline: two days later is left unresolved" t 'not [e for e in tl if "Two days later" in e[2]]'
check "timeline: the undated outlet's Sunday is not resolved" \
    t 'not [e for e in tl if "d" in e[1]]'
check "timeline: no date conflict between the outlets" \
    t 'not [c for s in d["stories"] for c in s["coverage"]["conflicts"] if c["kind"] == "date"]'
check "timeline: stderr names the undated article" grep -q "1 of 4 articles has no date" "$TMP/err"

# The forms added with bench/entities.sh, end to end (Thursday 12 March 2026 and
# Friday 13 March 2026): a passive future, a weekend, the end of the month, and
# "the previous day" counted from the day its sentence names.
cat > "$TMP/in2.jsonl" <<'JSONL'
{"id":"p","site":"Orsland Herald","title":"Orsland party sets leadership vote","date":"2026-03-12","text":"The Unity Party said its leadership contest will be held on April 18 in the capital. Thousands of members rallied in Tallis last weekend to demand the vote. The party expects to publish the list of candidates by the end of the month. The leader resigned on Tuesday after the party board had met the previous day."}
{"id":"q","site":"Tallis Wire","title":"Unity Party leader quits before contest","date":"2026-03-13","text":"The Unity Party leader resigned on Tuesday, and the party's leadership contest will be held on April 18. Members rallied in Tallis last weekend, organisers said."}
JSONL
p digest --format json --no-progress "$TMP/in2.jsonl"
check "timeline: second story runs" test "$rc" -eq 0
check "timeline: will be held on April 18 is this year's April, not last year's" \
    t 'at("2026-04-18", "will be held") and not at("2025-04-18", "will be held")'
check "timeline: last weekend is the Saturday and Sunday before" \
    t 'at("2026-03-07/2026-03-08", "last weekend")'
check "timeline: by the end of the month is this month" t 'at("2026-03", "end of the month")'
check "timeline: resigned on Tuesday is one day for both papers" \
    t 'any(e[1] == ["p", "q"] for e in at("2026-03-10", "resigned on Tuesday"))'
# An ambiguous "11/03/2026" (JSONL date, and a pasted page's dateline) read as
# the story's other sources date it: 11 March, so "on Tuesday" is March 10.
cat > "$TMP/in3.jsonl" <<'JSONL'
{"id":"m","site":"Kelda Courier","title":"Vessa dam spillway opened","date":"March 10, 2026","text":"Engineers opened the spillway of the Vessa dam on Tuesday after a week of heavy rain. The Vessa river rose by two metres at the Korrin bridge, the water board said."}
{"id":"n","site":"Korrin Post","title":"Vessa dam spillway opened after rain","date":"11/03/2026","text":"The water board opened the Vessa dam spillway on Tuesday after a week of heavy rain. The river rose by two metres at the Korrin bridge, engineers said."}
JSONL
p digest --format json --no-progress "$TMP/in3.jsonl"
check "timeline: ambiguous date story runs" test "$rc" -eq 0
check "timeline: 11/03/2026 beside March 10 is 11 March" \
    t '[s["date"] for st in d["stories"] for s in st["sources"] if s["id"] == "n"] == ["2026-03-11"]'
check "timeline: its on Tuesday is March 10, with the other source" \
    t 'any(e[1] == ["m", "n"] for e in at("2026-03-10", "Tuesday"))'
mkdir -p "$TMP/pasted"
printf 'Korrin Post\n\nVessa dam spillway opened after rain\n\n11/03/2026\n\nThe water board opened the Vessa dam spillway on Tuesday after a week of heavy rain.\n\nThe river rose by two metres at the Korrin bridge, engineers said.\n' > "$TMP/pasted/n.txt"
printf 'Kelda Courier\n\nVessa dam spillway opened\n\nMarch 10, 2026\n\nEngineers opened the spillway of the Vessa dam on Tuesday after a week of heavy rain.\n\nThe Vessa river rose by two metres at the Korrin bridge, the water board said.\n' > "$TMP/pasted/m.txt"
p digest --format json --no-progress "$TMP/pasted"
check "timeline: a pasted page's 11/03/2026 dateline is 11 March too" \
    t '[s["date"] for st in d["stories"] for s in st["sources"] if s["id"].endswith("n.txt")] == ["2026-03-11"]'
# A weekday printed with a date (2026-12-02): "Wed, 03/04/2024" is April 3 (a
# Wednesday), not March 4 (a Monday), with no other source to settle it, in a
# JSONL date, a pasted page's dateline and an HTML page's visible dateline; a
# weekday that fits neither reading, or contradicts a plain date, is said on
# stderr (the date printed is kept), and in the timeline as "uncertain".
cat > "$TMP/in4.jsonl" <<'JSONL'
{"id":"w1","site":"Orlen Ledger","title":"Pellam lock gates replaced","date":"Wed, 03/04/2024","text":"Engineers replaced the gates of the Pellam canal lock on Monday after a barge struck them. Boats queued for six hours at the lock, the canal trust said."}
JSONL
p digest --format json --no-progress "$TMP/in4.jsonl"
check "timeline: weekday story runs" test "$rc" -eq 0
check "timeline: Wed, 03/04/2024 alone is 3 April (the Wednesday)" \
    t '[s["date"] for st in d["stories"] for s in st["sources"]] == ["2024-04-03"]'
check "timeline: its on Monday is April 1" t 'at("2024-04-01", "on Monday")'
check "timeline: a matching weekday warns nothing" test ! -s "$TMP/err"
mkdir -p "$TMP/pasted4"
printf 'Orlen Ledger\n\nPellam lock gates replaced\n\nPublished: Wed, 03/04/2024\n\nEngineers replaced the gates of the Pellam canal lock on Monday after a barge struck them.\n\nBoats queued for six hours at the lock, the canal trust said.\n' > "$TMP/pasted4/w.txt"
p digest --format json --no-progress "$TMP/pasted4"
check "timeline: a pasted 'Published: Wed, 03/04/2024' is 3 April" \
    t '[s["date"] for st in d["stories"] for s in st["sources"]] == ["2024-04-03"]'
printf '<html><head><title>Pellam lock gates replaced</title></head><body><article><h1>Pellam lock gates replaced</h1><p class="date">Wed, 03/04/2024</p><p>Engineers replaced the gates of the Pellam canal lock on Monday after a barge struck them, the canal trust said on Wednesday.</p><p>Boats queued for six hours at the lock while divers checked the damaged gates, the trust said.</p></article></body></html>\n' > "$TMP/w.html"
p digest --format json --no-progress "$TMP/w.html"
check "timeline: an HTML dateline 'Wed, 03/04/2024' is 3 April" \
    t '[s["date"] for st in d["stories"] for s in st["sources"]] == ["2024-04-03"]'
cat > "$TMP/in5.jsonl" <<'JSONL'
{"id":"x1","site":"Orlen Ledger","title":"Pellam lock reopens","date":"Tuesday, May 30, 2018","text":"The Pellam canal lock reopened on Tuesday, May 30, 2018 after repairs to its gates, the canal trust said. Boats queued for six hours at the lock before it opened."}
{"id":"x2","site":"Brede Mercury","title":"Pellam lock gates","date":"Tue, 03/04/2024","text":"Divers inspected the gates of the Brede weir on Monday after a flood. The weir keeper said the gates held."}
JSONL
p digest --format json --no-progress "$TMP/in5.jsonl"
check "timeline: contradicting weekday story runs" test "$rc" -eq 0
check "timeline: Tuesday, May 30, 2018 (a Wednesday) keeps May 30" \
    t '[s["date"] for st in d["stories"] for s in st["sources"] if s["id"] == "x1"] == ["2018-05-30"]'
check "timeline: the contradiction is said on stderr" \
    grep -q "x1: field \"date\" 'Tuesday, May 30, 2018': 'Tuesday' does not match 2018-05-30 (a Wednesday): the date is kept" "$TMP/err"
check "timeline: a weekday fitting neither reading is said" \
    grep -q "x2: field \"date\" 'Tue, 03/04/2024': 'Tue' matches neither 2024-03-04 (a Monday) nor 2024-04-03 (a Wednesday)" "$TMP/err"
check "timeline: the in-text contradiction is an uncertain entry" \
    t 'any(e.get("uncertain", "").startswith("Tuesday is not the weekday of 2018-05-30") for s in d["stories"] for e in s["timeline"])'
p digest --no-progress "$TMP/in5.jsonl"
check "timeline: the briefing marks it uncertain" grep -q "(uncertain: Tuesday is not the weekday of 2018-05-30" "$TMP/out"
p ingest --db "$TMP/w.db" "$TMP/in5.jsonl"
check "timeline: ingest says the contradiction too" grep -q "'Tuesday' does not match 2018-05-30" "$TMP/err"
# A site's habit (2026-12-02): the Orlen Ledger printed "Wed, 03/04/2024" (by its
# weekday April 3: day first), so its "05/04/2024" is 5 April, though another
# outlet's May 3 is nearer May 4; in digest and in cluster (the date window).
cat > "$TMP/in6.jsonl" <<'JSONL'
{"id":"s1","site":"Orlen Ledger","title":"Pellam lock gates replaced","date":"Wed, 03/04/2024","text":"Engineers replaced the gates of the Pellam canal lock on Monday after a barge struck them. Boats queued for six hours at the lock, the canal trust said."}
{"id":"s2","site":"Brede Mercury","title":"Brede weir flood","date":"May 3, 2024","text":"Divers inspected the gates of the Brede weir on Friday after a flood. The weir keeper said the gates held."}
{"id":"s3","site":"Orlen Ledger","title":"Orlen market hall roof","date":"05/04/2024","text":"The roof of the Orlen market hall was patched on Thursday after a storm, the market trust said. Traders stayed open."}
JSONL
p digest --format json --no-progress "$TMP/in6.jsonl"
check "timeline: a site's day-first habit settles its 05/04/2024 (digest)" \
    t '[s["date"] for st in d["stories"] for s in st["sources"] if s["id"] == "s3"] == ["2024-04-05"]'
p cluster --format jsonl "$TMP/in6.jsonl"
check "timeline: ... and in cluster's date window" grep -q '"id":"s3".*"date":"2024-04-05"' "$TMP/out"
# A yearless wire dateline (session 20): one reading for every command. The
# wire copy's only date is "HALLOW, Oct. 13"; digest, cluster and ingest all
# date it 2026-10-13 by the dates printed around it, and say how. A second
# yearless wire ("Jan. 2", 32 days after the dated report) gets no year from
# the first one's dateline whatever the order (no dateline is evidence).
cat > "$TMP/in7.jsonl" <<'JSONL'
{"id":"w7","site":"Tarn Wire","text":"HALLOW, Oct. 13 (Tarn Wire) - The Hallow ferry ran aground on a sandbank on Sunday, the harbour office said. All 40 passengers were taken ashore by lifeboat."}
{"id":"x7","site":"Hallow Mercury","title":"Hallow ferry aground","date":"2026-10-13","text":"The Hallow ferry ran aground on a sandbank on Sunday with 40 passengers on board. Lifeboats took them ashore, the harbour office said."}
JSONL
p digest --format json --no-progress "$TMP/in7.jsonl"
check "timeline: yearless dateline dated in digest" \
    t '[s["date"] for st in d["stories"] for s in st["sources"] if s["id"] == "w7"] == ["2026-10-13"]'
p cluster --format jsonl "$TMP/in7.jsonl"
check "timeline: yearless dateline dated in cluster" grep -q '"id":"w7".*"date":"2026-10-13"' "$TMP/out"
check "timeline: cluster says how" grep -q "w7: dated 2026-10-13 from the dateline 'HALLOW, Oct. 13'" "$TMP/err"
p ingest --db "$TMP/d7.db" "$TMP/in7.jsonl"
check "timeline: ingest says how" grep -q "w7: dated 2026-10-13 from the dateline 'HALLOW, Oct. 13'" "$TMP/err"
cat > "$TMP/in8a.jsonl" <<'JSONL'
{"id":"y1","site":"Tarn Wire","text":"HALLOW, Dec. 30 (Tarn Wire) - The Hallow ferry was refloated on Tuesday, the harbour office said. It will be towed to the Ostwick yard for repairs."}
{"id":"y2","site":"Tarn Wire","text":"HALLOW, Jan. 2 (Tarn Wire) - The Hallow ferry reached the Ostwick yard on Friday, the harbour office said. Repairs will take a month."}
{"id":"y3","site":"Hallow Mercury","title":"Hallow ferry: what next","date":"2026-12-01","text":"The Hallow ferry will stay at the harbour until the spring tides, the harbour office said. The ferry service is run by the Tarn Shipping Company."}
JSONL
{ sed -n 2p "$TMP/in8a.jsonl"; sed -n 1p "$TMP/in8a.jsonl"; sed -n 3p "$TMP/in8a.jsonl"; } > "$TMP/in8b.jsonl"
p cluster --format jsonl "$TMP/in8a.jsonl"
grep -o '"id":"y[12]"[^}]*"date":[^,]*' "$TMP/out" | sed 's/"title.*"date"/ /' | sort > "$TMP/o8a"
p cluster --format jsonl "$TMP/in8b.jsonl"
grep -o '"id":"y[12]"[^}]*"date":[^,]*' "$TMP/out" | sed 's/"title.*"date"/ /' | sort > "$TMP/o8b"
check "timeline: yearless datelines dated the same in either order" cmp -s "$TMP/o8a" "$TMP/o8b"
check "timeline: the Dec. 30 wire is dated by the printed Dec. 1" grep -q '"y1".*"2026-12-30"' "$TMP/o8a"
check "timeline: the Jan. 2 wire, 32 days on, is not dated by the other dateline" grep -q '"y2".*null' "$TMP/o8a"
p digest --format json --no-progress "$TMP/in8a.jsonl"
check "timeline: digest: the Jan. 2 wire undated (order a)" \
    t 'all(s["date"] is None for st in d["stories"] for s in st["sources"] if s["id"] == "y2")'
p digest --format json --no-progress "$TMP/in8b.jsonl"
check "timeline: digest: the Jan. 2 wire undated (order b)" \
    t 'all(s["date"] is None for st in d["stories"] for s in st["sources"] if s["id"] == "y2")'
# An absurd year says which (session 20): the reader's message names the year
# the parser cannot read; cluster says which undated are not believable.
cat > "$TMP/in9.jsonl" <<'JSONL'
{"id":"z1","title":"Hallow pier","date":"9999-12-31","text":"The Hallow pier was closed on Monday after a storm, the harbour office said."}
{"id":"z2","title":"Hallow pier shut","date":"2450-01-01","text":"The Hallow pier was shut on Monday after a storm damaged its deck, the harbour office said."}
JSONL
p cluster "$TMP/in9.jsonl"
check "timeline: an unreadable year is named" grep -q "('9999-12-31') is not a date precis reads (the year 9999: years 1000 to 2999 are read, 1900 to 2200 believed)" "$TMP/err"
check "timeline: cluster names the bounds of a believable date" grep -q "2 of 2 articles have no date (or ones not believable: before 1900 or after 2200)" "$TMP/err"
finish
