# User pass 19 (docs/cli.md, "User pass 19"): each case failed before its fix.
# Inputs are invented here (outlets, people and places made up).
. tests/cli/lib.sh

# page buttons glued to the front of a paragraph by a one-line scrape ("Share
# Save Read more A crane ...") reached the summary, or (with "Read more") had
# the whole lead paragraph removed as a promotion
cat > "$TMP/crane.txt" <<'X'
Harbour crane collapses at Saltmere docks

Share Save Read more A crane collapsed at the Saltmere container terminal on Tuesday morning, injuring two dock workers, the port authority said.

The 60-metre crane fell across two berths shortly after 7am, according to Mira Talvik, a spokeswoman for the Saltmere Port Authority.

Share this article Share Save Investigators from the national safety board arrived at the terminal on Tuesday afternoon.

Save the Children Saltmere said it would collect money for the families of the two workers this week.
X
p clean -f json "$TMP/crane.txt"
check "clean: page buttons before a paragraph are cut, the paragraph kept" \
    sh -c "[ $rc = 0 ] && grep -q '\"text\":\"A crane collapsed' '$TMP/out' && grep -q 'nInvestigators from the national' '$TMP/out' && grep -q '\"line\":\"Share Save Read more\",\"class\":\"social\"' '$TMP/out' && grep -q 'nSave the Children Saltmere' '$TMP/out'"
p clean --explain "$TMP/crane.txt"
check "clean --explain: the buttons have their own verdict" \
    sh -c "grep -q '^- \[social: page buttons before the text of a paragraph\] Share this article Share Save$' '$TMP/out' && grep -q '^+ Investigators' '$TMP/out'"
p summarize "$TMP/crane.txt"
check "summarize: no page button opens a summary sentence" \
    sh -c "[ $rc = 0 ] && grep -q '^A crane collapsed' '$TMP/out' && ! grep -q 'Share' '$TMP/out'"

# a saved page whose <title> is "Headline | Outlet", without og:site_name, had
# no site (with a URL, the bare host)
cat > "$TMP/voice.html" <<'X'
<html><head><title>Crane collapses at Saltmere docks, two workers hurt | Brennock Voice</title></head><body>
<article><p>A crane collapsed at the Saltmere container terminal on Tuesday morning, injuring two dock workers, the port authority said in a statement.</p>
<p>The 60-metre crane fell across two berths shortly after 7am, according to Mira Talvik, a spokeswoman for the Saltmere Port Authority.</p></article>
</body></html>
X
p extract -f json "$TMP/voice.html"
check "extract: 'Headline | Outlet' gives the outlet as the site, the headline as the title" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":\"Brennock Voice\"' '$TMP/out' && grep -q '\"title\":\"Crane collapses at Saltmere docks, two workers hurt\"' '$TMP/out'"
sed 's/ | Brennock Voice/ - Live updates/' "$TMP/voice.html" > "$TMP/live.html"
p extract -f json "$TMP/live.html"
check "extract: a title's section part ('- Live updates') is no site" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":null' '$TMP/out'"

p extract -f json -u https://www.brennockvoice.example/news/crane "$TMP/voice.html"
check "extract: with a URL, the title's outlet is the site when the host names it" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":\"Brennock Voice\"' '$TMP/out'"
sed 's/ | Brennock Voice/ | Weltweit/' "$TMP/voice.html" > "$TMP/section.html"
p extract -f json -u https://www.brennockvoice.example/news/crane "$TMP/section.html"
check "extract: a title part the host does not name ('| Weltweit') leaves the host as the site" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":\"brennockvoice.example\"' '$TMP/out'"

# a feed without a channel title: its host was the site as printed, "WWW." and
# capitals kept (src/html/feed.c had its own host rule; now pc_url_host)
cat > "$TMP/feed.xml" <<'X'
<?xml version="1.0"?>
<rss version="2.0"><channel><link>https://WWW.Brennock-Voice.example/</link>
<item><title>Crane collapses at Saltmere docks</title><link>https://WWW.Brennock-Voice.example/news/crane</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
<description>A crane collapsed at the Saltmere container terminal on Tuesday morning, injuring two dock workers, the port authority said in a statement. The 60-metre crane fell across two berths shortly after 7am.</description></item>
</channel></rss>
X
p digest -f json "$TMP/feed.xml"
check "digest: a feed's host as its site is the host, without 'www.', in lower case" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":\"brennock-voice.example\"' '$TMP/out'"

# ingest --db at a path SQLite cannot open (over 511 bytes): the store's lock
# file was created first and left behind, empty
long=$TMP
for i in 1 2 3; do long="$long/$(printf '%0200d' 0)"; done
mkdir -p "$long"
printf '{"id":"a","text":"A crane collapsed at the Saltmere container terminal on Tuesday, the port authority said."}\n' > "$TMP/one.jsonl"
p ingest --db "$long/news.db" "$TMP/one.jsonl"
check "ingest --db over SQLite's path limit: refused (4), no file left at the path" \
    sh -c "test $rc = 4 && grep -q 'SQLite opens at most 511' '$TMP/err' && test ! -e '$long/news.db'"

# a wrong-typed JSONL "id" ([1], 1.5): summarize refused the line, digest,
# cluster and ingest kept the article under FILE:LINE with a warning, clean
# renamed it without a word; now every reader refuses it by name (2)
T='A crane collapsed at the Saltmere container terminal on Tuesday morning, injuring two dock workers, the port authority said in a statement.'
printf '{"id":[1],"text":"%s"}\n{"id":"b","text":"%s Investigators arrived later."}\n' "$T" "$T" > "$TMP/id.jsonl"
for c in summarize digest cluster clean; do
    p $c "$TMP/id.jsonl"
    check "$c: a JSONL id of the wrong type refuses its line by name (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'id.jsonl:1: .*\"id\" must be a string or an integer, not an array' '$TMP/err'"
done

finish
