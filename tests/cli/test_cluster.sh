# precis cluster: output formats, inputs, exit codes, bad input (invented articles).
. tests/cli/lib.sh

H1="The Dunmore town council voted on Monday to rebuild the harbour wall that the January storms broke."
H2="Councillor Ines Varga said the harbour wall would cost 4.2 million crowns and take two years to rebuild."
H3="Fishermen in Dunmore have moored their boats in Kelby since the storms broke the harbour wall."
F1="Rescue teams in the Kestrel Valley pulled twelve people from flooded houses overnight, police said."
F2="The river Orrin burst its banks near Tallow after three days of rain across the Kestrel Valley."
F3="Volunteers in Tallow filled sandbags as the Orrin rose to its highest level in forty years."

cat > "$TMP/feed.jsonl" <<EOF
{"id":"h1","text":"$H1 $H2","date":"2031-03-10","site":"Dunmore Post","title":"Harbour wall vote"}
{"id":"f1","text":"$F1 $F2","date":"2031-03-10"}
{"id":"h2","text":"$H2 $H3 Work on the Dunmore harbour wall starts in spring.","date":"2031-03-11"}
{"id":"f2","text":"$F2 $F3 The Kestrel Valley schools stayed shut.","date":"2031-03-11"}
{"id":"h1copy","text":"Share this article\nSUBSCRIBE NOW\n$H2\n$H1\nAdvertisement","date":"2031-03-11"}
EOF

p cluster "$TMP/feed.jsonl"
check text_exit_0 test "$rc" -eq 0
check text_one_line_per_article test "$(wc -l < "$TMP/out")" -eq 5
check text_first_story_s1 grep -qx 'h1	s1' "$TMP/out"
check text_second_story_s2 grep -qx 'f1	s2' "$TMP/out"
check text_harbour_together grep -qx 'h2	s1' "$TMP/out"
check text_flood_together grep -qx 'f2	s2' "$TMP/out"
check text_copy_joins grep -qx 'h1copy	s1' "$TMP/out"
check no_undated_note sh -c "! grep -q 'no date' '$TMP/err'"

p cluster --format jsonl "$TMP/feed.jsonl"
check jsonl_dup_of grep -q '"id":"h1copy","story":"s1","dup_of":"h1"' "$TMP/out"
check jsonl_not_dup grep -q '"id":"h2","story":"s1","dup_of":null' "$TMP/out"
check jsonl_metadata grep -q '"title":"Harbour wall vote","date":"2031-03-10","site":"Dunmore Post"' "$TMP/out"

p cluster --format json "$TMP/feed.jsonl"
check json_parses python3 -c "import json,sys; d=json.load(open('$TMP/out')); assert len(d['articles'])==5 and d['stories']==2 and d['duplicates']==1 and d['rejected']==0"

# Bad lines, empty articles, a missing file: named on stderr, the rest printed, exit 2.
cat > "$TMP/bad.jsonl" <<EOF
{"id":"ok1","text":"$F1"}
{"id":"broken","text":
{"id":"empty","text":""}
{"id":"punct","text":"... -- !!"}
{"id":"ok2","text":"$F2"}
EOF
p cluster "$TMP/bad.jsonl" "$TMP/missing.jsonl"
check bad_exit_2 test "$rc" -eq 2
check bad_rest_printed sh -c "grep -q '^ok1	' '$TMP/out' && grep -q '^ok2	' '$TMP/out'"
check bad_line_named grep -q 'bad.jsonl:2: invalid JSON' "$TMP/err"
check empty_named grep -q 'bad.jsonl:3: empty: empty article' "$TMP/err"
check no_words_named grep -q 'punct: no words' "$TMP/err"
check missing_named grep -q 'missing.jsonl: cannot open' "$TMP/err"
# every input article: printed once or rejected on stderr
check all_accounted test "$(( $(wc -l < "$TMP/out") + $(grep -c 'rejected' "$TMP/err") ))" -eq 6

# Page furniture kept in place of an article (an archive's crawl notice, a
# tweet widget) is rejected as "not an article", even when it recurs under two
# stories; an article that mentions cookies once is still an article.
CRAWL="This web capture of the Dunmore Post was made by the wayback machine of the Kelby Library. The crawl of outlinks ran in March 2031 and its web collections are public."
TWEET="Tweet with a location: you can add location information to your tweets, such as your city or precise location."
cat > "$TMP/furn.jsonl" <<EOF
{"id":"h1","text":"$H1 $H2"}
{"id":"n1","text":"$CRAWL"}
{"id":"f1","text":"$F1 $F2"}
{"id":"n2","text":"$CRAWL"}
{"id":"w1","text":"$TWEET"}
{"id":"lines","text":"Share this article\nSubscribe to our newsletter for the latest news\nFollow us on Facebook\n$H3\nAdvertisement\nAll rights reserved."}
{"id":"bake","text":"The Tallow bakery sold its last cookies on Friday after forty years on Orrin Street. Its owner Mara Lindqvist said rising flour prices had made the shop too costly to run. Regulars queued from six in the morning for a final loaf. The building will become a library branch next year."}
EOF
p cluster "$TMP/furn.jsonl"
check furniture_not_an_error_exit_0 test "$rc" -eq 0
check furniture_named grep -q 'n1: not an article' "$TMP/err"
check furniture_copy_named grep -q 'n2: not an article' "$TMP/err"
check furniture_widget_named grep -q 'w1: not an article' "$TMP/err"
check furniture_articles_kept sh -c "grep -q '^h1	s1' '$TMP/out' && grep -q '^f1	s2' '$TMP/out' && grep -q '^bake	s3' '$TMP/out'"
check furniture_one_sentence_amid_debris_kept grep -q '^lines	s1' "$TMP/out"
check furniture_accounted test "$(( $(wc -l < "$TMP/out") + $(grep -c 'rejected' "$TMP/err") ))" -eq 7

# --batch: with --threshold 0.9 online, h2 starts its own story; the batch pass
# (whole-input idf) puts the lone article into the harbour story, and story ids
# stay dense (the flood report becomes s2). Rejections still named.
cat > "$TMP/batch.jsonl" <<EOF
{"id":"h1","text":"$H1 $H2"}
{"id":"h1copy","text":"Share this article\nSUBSCRIBE NOW\n$H2\n$H1\nAdvertisement"}
{"id":"h2","text":"$H2 $H3 Work on the Dunmore harbour wall starts in spring."}
{"id":"f1","text":"$F1 $F2"}
{"id":"n1","text":"$CRAWL"}
EOF
p cluster --online --threshold 0.9 "$TMP/batch.jsonl"
check online_alone grep -qx 'h2	s2' "$TMP/out"
p cluster --batch --threshold 0.9 "$TMP/batch.jsonl"
check batch_refuses_threshold sh -c "[ $rc -eq 1 ] && grep -q 'cluster: --threshold needs --online' '$TMP/err'"
p cluster --batch "$TMP/batch.jsonl"
check batch_exit_0 test "$rc" -eq 0
check batch_joins grep -qx 'h2	s1' "$TMP/out"
check batch_dense_ids grep -qx 'f1	s2' "$TMP/out"
check batch_order sh -c "cut -f1 '$TMP/out' | tr '\n' ' ' | grep -qx 'h1 h1copy h2 f1 '"
check batch_rejected_named grep -q 'n1: not an article' "$TMP/err"
p cluster --batch --format json "$TMP/batch.jsonl"
check batch_json python3 -c "import json; d=json.load(open('$TMP/out')); assert d['stories']==2 and [a['story'] for a in d['articles']]==['s1','s1','s1','s2'] and d['articles'][1]['dup_of']=='h1'"
p cluster --batch "${PRECIS_ROOT:-.}/examples/story"
check batch_example_one_story test "$(cut -f2 "$TMP/out" | sort -u)" = s1
# --batch with nothing kept: an empty file, only rejected articles: no story,
# exit 3 (nothing to output), as without --batch; never a crash. One article: s1.
: > "$TMP/empty.txt"
p cluster --batch "$TMP/empty.txt"
check batch_empty_exit_3 test "$rc" -eq 3
check batch_empty_no_output test ! -s "$TMP/out"
p cluster --batch --format json "$TMP/empty.txt"
check batch_empty_json_exit_3 test "$rc" -eq 3
check batch_empty_json python3 -c "import json; d=json.load(open('$TMP/out')); assert d['stories']==0 and d['articles']==[]"
printf '{"id":"punct","text":"... -- !!"}\n{"id":"blank","text":""}\n{"id":"n1","text":"%s"}\n' "$CRAWL" > "$TMP/rejonly.jsonl"
p cluster --batch "$TMP/rejonly.jsonl"
check batch_rejected_only_exit_3 test "$rc" -eq 3
check batch_rejected_only_named sh -c "grep -q 'punct: no words' '$TMP/err' && grep -q 'n1: not an article' '$TMP/err'"
check batch_rejected_only_no_output test ! -s "$TMP/out"
p cluster --batch "$TMP/rejonly.jsonl" "$TMP/empty.txt"
check batch_rejected_and_empty_exit_3 test "$rc" -eq 3
printf '{"id":"solo","text":"%s %s"}\n' "$H1" "$H2" > "$TMP/solo.jsonl"
p cluster --batch "$TMP/solo.jsonl"
check batch_one_article_exit_0 test "$rc" -eq 0
check batch_one_article_s1 test "$(cat "$TMP/out")" = "solo	s1"

# --batch on a big story of varied reports: 200 invented reports of one train
# derailment, each 3-5 of 12 sentences (two reports share about one sentence),
# shuffled with 4 unrelated invented articles. Average linkage alone left it in
# 3-4 stories (the mean pairwise cosine falls as a group grows varied); the
# centroid merge joins them. Asserted: all 200 in one story, the 4 others each
# alone.
python3 - > "$TMP/bigstory.jsonl" <<'PY'
import json, random
S = [
 "A cargo train carrying grain derailed outside the town of Halvick early on Tuesday, railway officials said.",
 "Eleven wagons of the Norrow Freight train left the tracks on the bridge over the Sella river.",
 "The driver, Tomas Brenn, was taken to the Halvick county hospital with a broken arm.",
 "Police closed the Halvick road bridge while cranes lifted the wagons from the riverbank.",
 "Grain spilled into the Sella for nearly a kilometre and the water board warned farmers downstream.",
 "Norrow Freight said a cracked rail was the most likely cause and that inspections had been due in May.",
 "The transport minister Elsa Moravec visited the site on Wednesday and promised an inquiry.",
 "Passenger trains between Halvick and Dunbridge were replaced by buses for the rest of the week.",
 "Residents of the Halvick riverside said they heard a long screech and then a crash before dawn.",
 "The rail workers' union blamed years of cuts to track maintenance across the northern line.",
 "Divers from the Sella rescue station checked the river bed for leaking fuel from the locomotive.",
 "Engineers expect the line through Halvick to reopen in ten days once the bridge is inspected.",
]
O = [
 "The Dunmore town council voted on Monday to rebuild the harbour wall that the January storms broke. Councillor Ines Varga said the harbour wall would cost 4.2 million crowns.",
 "The Tallow bakery sold its last cookies on Friday after forty years on Orrin Street. Its owner Mara Lindqvist said rising flour prices had made the shop too costly to run.",
 "The Brell chess club won the national junior cup in Ostra on Sunday. Its captain, twelve-year-old Ida Sorn, beat the defending champion in the final round.",
 "A new ferry route between Kelby and the Vanter islands opens in June, the Vanter harbour office said. Tickets go on sale next month at the Kelby quay.",
]
rng = random.Random(1)
rows = [{"id": "r%d" % i, "text": " ".join(rng.sample(S, rng.randint(3, 5)))} for i in range(200)]
rows += [{"id": "o%d" % j, "text": t} for j, t in enumerate(O)]
rng.shuffle(rows)
for r in rows:
    print(json.dumps(r))
PY
p cluster --batch "$TMP/bigstory.jsonl"
check bigstory_exit_0 test "$rc" -eq 0
check bigstory_all_printed test "$(wc -l < "$TMP/out")" -eq 204
check bigstory_one_story test "$(grep '^r' "$TMP/out" | cut -f2 | sort -u | wc -l)" -eq 1
check bigstory_others_apart test "$(grep '^o' "$TMP/out" | cut -f2 | sort -u | wc -l)" -eq 4
check bigstory_others_not_in_it sh -c "s=\$(grep '^r' '$TMP/out' | cut -f2 | sort -u); ! grep '^o' '$TMP/out' | cut -f2 | grep -qx \"\$s\""

# --batch and time: an invented annual race, three reports of the 2030 race
# (a1-a3) and three of the 2031 race on the same course with the same
# organiser (b1-b3), none a copy. Undated they share enough to be one story;
# dated a year apart they are two. A lone report of next year's race (b2
# alone) joined this year's story while dates further apart than the quiet
# period only halved the similarity; past 30 quiet periods they weigh less.
RACE="${PRECIS_ROOT:-.}/tests/fixtures/cluster/annual_race.jsonl"
p cluster --batch "$RACE"
check race_years_apart sh -c "test \"\$(cut -f2 '$TMP/out' | tr '\n' ' ')\" = 's1 s1 s1 s2 s2 s2 '"
sed 's/"date": "[^"]*", //' "$RACE" > "$TMP/race_undated.jsonl"
p cluster --batch "$TMP/race_undated.jsonl"
check race_undated_one_story test "$(cut -f2 "$TMP/out" | sort -u)" = s1
grep -v '"id": "b[13]"' "$RACE" > "$TMP/race_lone.jsonl"
p cluster --batch "$TMP/race_lone.jsonl"
check race_lone_report_next_year_apart grep -qx 'b2	s2' "$TMP/out"
check race_this_year_together test "$(grep '^a' "$TMP/out" | cut -f2 | sort -u)" = s1

# 1,000 copies of one article: one story, 999 copies of the first.
python3 -c "
import json
for i in range(1000): print(json.dumps({'id': 'c%d' % i, 'text': '$H1 $H2 $H3'}))" > "$TMP/copies.jsonl"
p cluster --format jsonl "$TMP/copies.jsonl"
check copies_exit_0 test "$rc" -eq 0
check copies_all_printed test "$(wc -l < "$TMP/out")" -eq 1000
check copies_one_story sh -c "! grep -v '\"story\":\"s1\"' '$TMP/out'"
check copies_dup_of_first test "$(grep -c '"dup_of":"c0"' "$TMP/out")" -eq 999
check copies_undated_reported grep -q '1000 of 1000 articles have no date' "$TMP/err"

# No dates, absurd dates: arrival order, said on stderr.
printf '{"id":"a","text":"%s"}\n{"id":"b","text":"%s","date":"3021-01-01"}\n{"id":"c","text":"%s","date":"2031-03-10"}\n' "$H1" "$H2" "$H3" > "$TMP/dates.jsonl"
p cluster "$TMP/dates.jsonl"
check dates_exit_0 test "$rc" -eq 0
check dates_reported grep -q '2 of 3 articles have no date' "$TMP/err"

# Non-UTF-8 bytes and a NUL: repaired, never a crash.
printf '{"id":"latin","text":"Caf\351 owners in Brell protest the new parking rules. \377\376"}\n' > "$TMP/latin.jsonl"
printf 'Caf\351 owners in Brell protest.\000 The council listens.\n' > "$TMP/latin.txt"
p cluster --format jsonl "$TMP/latin.jsonl" "$TMP/latin.txt"
check nonutf8_exit_0 test "$rc" -eq 0
check nonutf8_two_articles test "$(wc -l < "$TMP/out")" -eq 2
check nonutf8_valid_utf8 python3 -c "open('$TMP/out', encoding='utf-8').read()"
# Binary junk is rejected by name, not clustered.
python3 -c "import sys; sys.stdout.buffer.write(bytes(range(1, 256)) * 40)" > "$TMP/junk.bin"
p cluster --format jsonl "$TMP/junk.bin" "$TMP/latin.txt"
check binary_exit_2 test "$rc" -eq 2
check binary_named grep -q 'junk.bin: binary data, not text' "$TMP/err"
check binary_not_printed test "$(wc -l < "$TMP/out")" -eq 1
# A truncated gzip file is an error by name, never a silently shorter article.
python3 -c "import gzip, sys; g = gzip.compress(b'Brell council votes on the parking rules, the mayor said on Monday. ' * 50); sys.stdout.buffer.write(g[:len(g) // 2])" > "$TMP/cut.txt.gz"
p cluster "$TMP/cut.txt.gz"
check truncated_gzip_exit_2 test "$rc" -eq 2
check truncated_gzip_named grep -q 'cut.txt.gz:1: corrupt gzip data' "$TMP/err"

# Directories (sorted), stdin, gzip, pasted text, HTML.
mkdir -p "$TMP/dir/sub"
printf '%s\n' "$H1 $H2" > "$TMP/dir/b.txt"
printf '<html><head><title>Orrin floods</title></head><body><article><p>%s %s</p></article></body></html>' "$F1" "$F2" > "$TMP/dir/sub/a.html"
gzip -c "$TMP/feed.jsonl" > "$TMP/dir/c.jsonl.gz"
p cluster "$TMP/dir"
check dir_exit_0 test "$rc" -eq 0
check dir_sorted_first sh -c "head -1 '$TMP/out' | grep -q '^$TMP/dir/b.txt	s1\$'"
check dir_html_last_flood sh -c "tail -1 '$TMP/out' | grep -q '^$TMP/dir/sub/a.html	s2\$'"
check dir_gzip_read test "$(wc -l < "$TMP/out")" -eq 7
"$PRECIS" cluster - < "$TMP/feed.jsonl" > "$TMP/stdin.out" 2>/dev/null
check stdin_same_as_file sh -c "'$PRECIS' cluster '$TMP/feed.jsonl' 2>/dev/null | cmp -s - '$TMP/stdin.out'"

# The bundled example: five pasted reports of one event (one dated) are one story.
p cluster "${PRECIS_ROOT:-.}/examples/story"
check example_one_story test "$(cut -f2 "$TMP/out" | sort -u)" = s1
check example_five_articles test "$(wc -l < "$TMP/out")" -eq 5

# A feed whose items carry the obsolete HTTP date forms (RFC 850, C asctime)
# that some servers and feeds still write: each item keeps its date.
cat > "$TMP/old_dates.rss" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Brennmoor Courier</title><link>https://courier.example.net/</link>
<item><title>Tram line approved</title><link>https://courier.example.net/a1</link>
<pubDate>Tuesday, 03-Mar-26 14:05:00 GMT</pubDate><description>$H1 $H2</description></item>
<item><title>Tram vote divides town</title><link>https://courier.example.net/a2</link>
<pubDate>Tue Mar  3 14:05:00 2026</pubDate><description>$H2 $H3</description></item>
</channel></rss>
EOF
p cluster --format jsonl "$TMP/old_dates.rss"
check feed_rfc850_date grep -q '"title":"Tram line approved","date":"2026-03-03T14:05:00+00:00"' "$TMP/out"
check feed_asctime_date grep -q '"title":"Tram vote divides town","date":"2026-03-03T14:05:00"' "$TMP/out"
check feed_old_dates_no_undated_note sh -c "! grep -q 'no date' '$TMP/err'"

# An impossible time in a date field ("T25:00", "14:61") is not read as the
# day alone: the value is refused whole, as "2031-02-30" is, and the article
# counts as undated (named in the note on stderr); the next day's "T24:00"
# (ISO 8601's end of day) is a date.
cat > "$TMP/bad_time.jsonl" <<EOF
{"id":"t1","text":"$H1 $H2","date":"2031-03-10T25:00"}
{"id":"t2","text":"$H2 $H3","date":"2031-03-10 14:61"}
{"id":"t3","text":"$H1 $H3","date":"2031-03-10T24:00"}
EOF
p cluster --format jsonl "$TMP/bad_time.jsonl"
check bad_time_exit_0 test "$rc" -eq 0
check bad_hour_refused grep -q '"id":"t1".*"date":null' "$TMP/out"
check bad_minute_refused grep -q '"id":"t2".*"date":null' "$TMP/out"
check end_of_day_next_day grep -q '"id":"t3".*"date":"2031-03-11T00:00:00"' "$TMP/out"
check bad_time_counted_undated grep -q '2 of 3 articles have no date' "$TMP/err"

# An ambiguous "03/04/2031" (4 March or 3 April) is settled by the input's
# other dates, as precis digest settles it, even when the dated articles
# come after it; alone, a day-first country's domain (.uk) settles it.
cat > "$TMP/ambiguous.jsonl" <<EOF
{"id":"m1","text":"$H1 $H2","date":"03/04/2031","site":"Dunmore Post"}
{"id":"m2","text":"$H2 $H3","date":"2031-04-02"}
{"id":"m3","text":"$F1 $F2","date":"2031-04-03"}
EOF
p cluster --format jsonl "$TMP/ambiguous.jsonl"
check ambiguous_settled_by_later_dates grep -q '"id":"m1".*"date":"2031-04-03"' "$TMP/out"
check ambiguous_others_kept grep -q '"id":"m2".*"date":"2031-04-02"' "$TMP/out"
check ambiguous_order_kept sh -c "cut -d, -f1 '$TMP/out' | tr -d '\n' | grep -q 'm1.*m2.*m3'"
"$PRECIS" digest --format json "$TMP/ambiguous.jsonl" 2>/dev/null > "$TMP/amb_digest.json"
check ambiguous_same_as_digest jq -e '[.stories[].sources[] | select(.id == "m1") | .date] == ["2031-04-03"]' "$TMP/amb_digest.json"
# Articles held behind an ambiguous date keep their own warnings (the
# reader's message buffer is reused for the next article).
cat > "$TMP/ambiguous_warned.jsonl" <<EOF
{"id":"w1","text":"$H1 $H2","date":"03/04/2031"}
{"id":"w2","text":"$H2 $H3","date":"yesterday"}
{"id":"w3","text":"$F1 $F2","date":"the day after the fair"}
EOF
p cluster --format jsonl "$TMP/ambiguous_warned.jsonl"
check held_article_own_warning grep -q "'yesterday'" "$TMP/err"
check held_article_next_warning grep -q "'the day after the fair'" "$TMP/err"
cat > "$TMP/ambiguous_uk.jsonl" <<EOF
{"id":"u1","text":"$F1 $F3","date":"03/04/2031","url":"https://valleynews.example.co.uk/flood"}
EOF
p cluster --format jsonl "$TMP/ambiguous_uk.jsonl"
check ambiguous_alone_uk_day_first grep -q '"id":"u1".*"date":"2031-04-03"' "$TMP/out"

# Nothing to cluster; usage errors; help.
: > "$TMP/empty.jsonl"
p cluster "$TMP/empty.jsonl"
check empty_input_exit_3 test "$rc" -eq 3
p cluster
check no_input_exit_1 test "$rc" -eq 1
p cluster --threshold nope "$TMP/feed.jsonl"
check bad_threshold_exit_1 test "$rc" -eq 1
p cluster --dup-threshold 2 "$TMP/feed.jsonl"
check bad_dup_threshold_exit_1 test "$rc" -eq 1
p cluster --format xml "$TMP/feed.jsonl"
check bad_format_exit_1 test "$rc" -eq 1
p cluster --help
check help_exit_0 test "$rc" -eq 0
check help_mentions_options sh -c "grep -q -- '--quiet-days' '$TMP/out' && grep -q -- '--dup-threshold' '$TMP/out'"
p cluster --no-progress --online --quiet-days 0.5 --threshold 0.9 "$TMP/feed.jsonl"
check high_threshold_more_stories test "$(cut -f2 "$TMP/out" | sort -u | wc -l)" -ge 3

finish
