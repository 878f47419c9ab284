# News feeds (RSS 2.0, Atom 1.0, RSS 1.0/RDF) read by digest, cluster,
# summarize and ingest: one article per item (src/html/feed.c); damaged and
# hostile feeds named, never a crash or a hang. Fixtures: invented outlets.
. tests/cli/lib.sh
FX=${PRECIS_ROOT:-.}/tests/fixtures/feeds
RSS=$FX/coast_ledger.rss
ATOM=$FX/coastwatch.atom
RDF=$FX/gull_gazette.rdf

# cluster: one article per item, the repeated item (same guid) named and left out
p cluster --format jsonl "$RSS"
check rss_exit_0 test "$rc" -eq 0
check rss_three_items test "$(wc -l < "$TMP/out")" -eq 3
check rss_ids_per_item grep -q '"id":"[^"]*coast_ledger.rss#2"' "$TMP/out"
check rss_repeat_named grep -q 'coast_ledger.rss:31: item 3 (Velmora closes old ferry pier after inspectors find cracks): repeats item 1' "$TMP/err"
check rss_pubdate_parsed grep -q '"date":"2031-03-11T07:30:00+01:00"' "$TMP/out"
check rss_site_is_channel_title grep -q '"site":"The Velmora Coast Ledger"' "$TMP/out"
check rss_relative_link_resolved grep -q '"url":"https://ledger.example.org/2031/03/10/ferry-pier-closed/"' "$TMP/out"
check rss_relative_link_no_slash grep -q '"url":"https://ledger.example.org/letters/pier-landmark"' "$TMP/out"
check rss_missing_date_null grep -q '"title":"Letters: the pier was a landmark","date":null' "$TMP/out"
check rss_entity_title grep -q '"title":"Storm warning for the Velmora coast & Skarn Island"' "$TMP/out"

p cluster --format jsonl "$ATOM"
"$PRECIS" digest --format json "$ATOM" > "$TMP/out.json" 2>/dev/null
check atom_exit_0 test "$rc" -eq 0
check atom_three_entries test "$(wc -l < "$TMP/out")" -eq 3
check atom_html_title_stripped grep -q '"title":"Ferry pier in Velmora shut: cracks in pilings"' "$TMP/out"
check atom_published_wins grep -q '"date":"2031-03-10T20:15:00+01:00"' "$TMP/out"
check atom_updated_fallback grep -q '"date":"2031-03-11T06:00:00+00:00"' "$TMP/out"
check atom_feed_author_inherited sh -c "test \$(grep -o '\"author\":\"Coastwatch Desk\"' '$TMP/out.json' | wc -l) -eq 2"
check atom_xml_base_link grep -q '"url":"https://coastwatch.example.net/news/velmora-pier-shut"' "$TMP/out"

p cluster --format jsonl "$RDF"
check rdf_exit_0 test "$rc" -eq 0
check rdf_latin1_decoded grep -q '"title":"Café owners in Velmora fear the pier closure"' "$TMP/out"
check rdf_dc_date grep -q '"date":"2031-03-12T10:00:00+01:00"' "$TMP/out"

# sniffed by content, not by name; gzip transparent
cp "$ATOM" "$TMP/feed.txt"
gzip -c "$RSS" > "$TMP/ledger.gz"
p cluster --format jsonl "$TMP/feed.txt" "$TMP/ledger.gz"
check sniff_by_content test "$(wc -l < "$TMP/out")" -eq 6
if iconv -f UTF-8 -t UTF-16 "$ATOM" > "$TMP/u16.atom" 2>/dev/null; then # UTF-16 with a BOM: decoded, then read
  p cluster --format jsonl "$TMP/u16.atom"
  check utf16_feed sh -c "test $rc -eq 0 && test \$(wc -l < '$TMP/out') -eq 3 && grep -q 'Coastwatch Weekly' '$TMP/out'"
  p summarize "$TMP/u16.atom"
  check utf16_feed_summarize sh -c "test $rc -eq 0 && grep -q 'Skarn' '$TMP/out'"
else skip utf16_feed; fi
p cluster --format jsonl - < "$RSS"
check stdin_feed grep -q '"id":"<stdin>#1"' "$TMP/out"

# digest: items of two feeds grouped into stories; dates from pubDate/published
p digest --format json "$RSS" "$ATOM"
check digest_exit_0 test "$rc" -eq 0
check digest_pier_story_both_outlets sh -c "jq -e '[.stories[] | select(.headline | test(\"pier\"; \"i\")) | [.sources[].site] | unique] | any(. == [\"Coastwatch Weekly\", \"The Velmora Coast Ledger\"])' '$TMP/out'"
check digest_storm_story_both_outlets sh -c "jq -e '[.stories[] | select(.headline | test(\"storm\"; \"i\")) | .sources | length] | max == 2' '$TMP/out'"
check digest_monday_resolved sh -c "jq -e '[.stories[].timeline[] | select(.text | test(\"on Monday\")) | .date] | index(\"2031-03-10\") != null' '$TMP/out'"
check digest_html_not_text sh -c "! grep -q '<p>\|&lt;\|appeared first on\|Share this story' '$TMP/out'"
check digest_author_from_dc_creator grep -q '"author":"Ilka Marrow"' "$TMP/out"
check digest_author_from_rss_author grep -q '"author":"Oskar Brenn"' "$TMP/out"

# summarize: the items of a feed are the articles of one cluster
p summarize --format json "$RSS" "$ATOM"
check summarize_feed_exit_0 test "$rc" -eq 0
check summarize_feed_doc_ids grep -q '"doc":"coastwatch.atom#' "$TMP/out"

# ingest
p ingest --db "$TMP/s.db" "$RSS" "$ATOM"
check ingest_feed_exit_0 test "$rc" -eq 0
check ingest_feed_counts grep -q '^added 6, duplicates 0, rejected 1' "$TMP/out"

# truncated: the items closed before the cut are kept, the cut is named
head -c 2200 "$RSS" > "$TMP/cut.rss"
p cluster --format jsonl "$TMP/cut.rss"
check truncated_exit_2 test "$rc" -eq 2
check truncated_named grep -q 'cut.rss:[0-9]*: truncated RSS: the file ends inside <[a-z:]*> of an unfinished item; kept the 1 item before it' "$TMP/err"
check truncated_first_item_kept test "$(wc -l < "$TMP/out")" -eq 1

# malformed in the middle: named at its line; libxml2's recovery reads on (a stray '&')
sed 's|<title>Letters: the pier was a landmark</title>|<title>Letters \& more</title>|' "$RSS" > "$TMP/amp.rss"
p digest "$TMP/amp.rss"
check malformed_exit_2 test "$rc" -eq 2
check malformed_named_with_line grep -q "amp.rss:39: malformed RSS: xmlParseEntityRef: no name; kept the 2 items before it and, read on by libxml2's recovery, 1 after it" "$TMP/err"
p cluster --format jsonl "$TMP/amp.rss"
check malformed_item_recovered grep -q '"title":"Letters more"' "$TMP/out"

# an error flood: libxml2 2.9 copies the comment read so far into each "--"
# error, so recovery over 64 KB of "<!--" took 29 s; it stops after 100 errors
{ sed '/<\/channel>/,$d' "$RSS"; head -c 65536 /dev/zero | tr '\0' '-' | sed 's/--/<!--/g'; } > "$TMP/flood.rss"
p digest "$TMP/flood.rss"
check error_flood_exit_2 test "$rc" -eq 2
check error_flood_stops_reading grep -q 'flood.rss:[0-9]*: malformed RSS: Double hyphen within comment.*(read stopped after 100 XML errors)' "$TMP/err"

# billion laughs: refused before any entity is expanded (no hang, no memory blow-up)
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE rss ['
  echo ' <!ENTITY lol "lol">'
  prev=lol
  for i in 2 3 4 5 6 7 8 9; do
    printf ' <!ENTITY lol%s "' "$i"; for j in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done; echo '">'
    prev=lol$i
  done
  echo ']>'
  echo '<rss version="2.0"><channel><title>Bomb</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>'
} > "$TMP/bomb.rss"
p digest "$TMP/bomb.rss"
check bomb_exit_2 test "$rc" -eq 2
check bomb_named grep -q 'bomb.rss: feed declares a DTD (<!DOCTYPE ... \[ \]>): refused' "$TMP/err"
check bomb_no_lol sh -c "! grep -q lollol '$TMP/out'"
# an external entity (file read) is refused the same way
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>X</title><item><title>&x;</title><description>Quay news and more quay news from the harbour.</description></item></channel></rss>\n' > "$TMP/xxe.rss"
p cluster --format jsonl "$TMP/xxe.rss"
check xxe_refused sh -c "test $rc -eq 2 && grep -q 'declares a DTD' '$TMP/err' && ! grep -q root: '$TMP/out'"

# bytes the declared encoding cannot decode: named by precis, no raw libxml2 lines on stderr
printf '<?xml version="1.0" encoding="ISO-2022-JP"?>\n<rss><channel><title>T</title><item><title>A</title><description>Harbour news from the quay at Drenn today.</description></item>\n<item><title>B \223\223\226\221</title><description>x</description></item></channel></rss>\n' > "$TMP/enc.rss"
p cluster --format jsonl "$TMP/enc.rss"
check encoding_error_exit_2 test "$rc" -eq 2
check encoding_error_named grep -q 'enc.rss: malformed RSS: the bytes do not follow the declared encoding (.*); kept the 1 item before it' "$TMP/err"
check encoding_error_no_raw_libxml2 sh -c "! grep -v '^precis: ' '$TMP/err'"
printf '<?xml version="1.0" encoding="US-ASCII"?>\n<rss><channel><title>T</title><item><title>A</title><description>Harbour news from the quay at Drenn today.</description></item>\n<item><title>B \223\223\226\221</title><description>x</description></item></channel></rss>\n' > "$TMP/ascii.rss"
p cluster --format jsonl "$TMP/ascii.rss"
check ascii_high_bytes_not_called_truncated sh -c "test $rc -eq 2 && grep -q 'ascii.rss:3: malformed RSS: parsing stopped at byte' '$TMP/err' && ! grep -q truncated '$TMP/err'"

# libxml2's own caps (no XML_PARSE_HUGE) said as limits: 300 nested elements in an item
{
  printf '<?xml version="1.0"?>\n<rss><channel><title>Deep</title><item><title>Ok</title><description>The quay at Drenn reopened on Friday.</description></item>\n<item><title>Deep</title><description>'
  i=0; while [ $i -lt 300 ]; do printf '<a>'; i=$((i+1)); done
  printf 'x</description></item></channel></rss>\n'
} > "$TMP/deep.rss"
p cluster --format jsonl "$TMP/deep.rss"
check deep_nesting_exit_2 test "$rc" -eq 2
check deep_nesting_named grep -q "deep.rss:3: RSS over a limit: XML nested deeper than 256 elements (libxml2's limit); kept the 1 item before it" "$TMP/err"
check deep_nesting_no_option_advice sh -c "! grep -q XML_PARSE_HUGE '$TMP/err'"

# no items: named, exit 3 (nothing to output)
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Empty Gazette</title><link>https://empty.example.org/</link></channel></rss>\n' > "$TMP/empty.rss"
p digest "$TMP/empty.rss"
check empty_feed_exit_3 test "$rc" -eq 3
check empty_feed_named grep -q 'empty.rss: RSS feed with no <item>' "$TMP/err"

# a huge item: refused by name, the others kept
{
  printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big Ledger</title>\n'
  printf '<item><title>Huge</title><description>'
  head -c 6000000 /dev/zero | tr '\0' 'a'
  printf '</description></item>\n'
  printf '<item><title>Small</title><description>The quay at Drenn reopened on Friday after the storm, the harbour master said.</description></item>\n'
  printf '</channel></rss>\n'
} > "$TMP/huge.rss"
p cluster --format jsonl "$TMP/huge.rss"
check huge_item_exit_2 test "$rc" -eq 2
check huge_item_named grep -q "huge.rss:3: item 1 (Huge): over the 5242880-byte limit of one item's text" "$TMP/err"
check huge_item_others_kept grep -q '"title":"Small"' "$TMP/out"

# <feed> without the Atom namespace is not a feed (an HTML-ish page)
printf '<feed><p>The harbour master of Drenn said the quay would reopen on Friday after the storm damage was repaired by the county.</p></feed>\n' > "$TMP/notatom.xml"
p cluster --format jsonl "$TMP/notatom.xml"
check not_atom_one_article sh -c "test $rc -eq 0 && test \$(wc -l < '$TMP/out') -eq 1 && grep -q '\"id\":\"[^\"]*notatom.xml\"' '$TMP/out'"

# extract refuses a feed by name (its items would run together into one page)
p extract "$ATOM"
check extract_refuses_feed sh -c "test $rc -eq 2 && grep -q 'coastwatch.atom: a news feed (RSS/Atom), not an HTML page' '$TMP/err'"

# help tells of feeds
for c in digest cluster summarize ingest; do
  p $c --help
  check help_${c}_mentions_feeds grep -qi "feed" "$TMP/out"
done
# review fixes: a '<' of prose kept in a title, numeric entities decoded, an
# HTML feed title stripped for the site, a guid that is no address not taken as
# the link, items outside <channel> read, an item inside an item named
cat > "$TMP/review.rss" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Fell &lt;b&gt;Wire&lt;/b&gt;</title><link>https://fell.example/</link>
<item><title>Tarnby inflation &lt; 2% for the first time since 2029</title><guid>n3</guid>
<description>Prices in Tarnby rose by 1.8 percent in the year to March, the statistics office said on Monday.</description></item>
<item><title>Holm&amp;#8217;s mayor sworn in</title><link>https://fell.example/holm-mayor</link>
<description>The new mayor of Holm took the oath of office on Tuesday in front of four hundred residents.</description></item>
</channel>
<item><title>Marl ferry back in service</title><link>https://fell.example/marl-ferry</link>
<description>The Marl ferry carried its first passengers in six weeks on Wednesday after repairs to its engine.</description>
<item><title>Inner</title><description>An item inside another item.</description></item></item>
</rss>
XML
p cluster --format jsonl "$TMP/review.rss"
check review_prose_lt_kept grep -q '"title":"Tarnby inflation < 2% for the first time since 2029"' "$TMP/out"
check review_numeric_entity grep -q '"title":"Holm’s mayor sworn in"' "$TMP/out"
check review_site_html_stripped grep -q '"site":"Fell Wire"' "$TMP/out"
check review_guid_not_a_link sh -c "! grep -q 'fell.example/n3' '$TMP/out'"
check review_item_after_channel grep -q '"title":"Marl ferry back in service"' "$TMP/out"
check review_inner_item_named grep -q 'holds another item inside it' "$TMP/err"

finish
