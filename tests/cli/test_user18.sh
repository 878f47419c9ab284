# User pass 18 (docs/cli.md, "User pass 18"): each case failed before its fix.
# Inputs are invented here (outlets, people and places made up).
. tests/cli/lib.sh

# a photo caption ending "(Image credit: Outlet/Name)" was taken for the title
# and the real headline above it removed as "short line before the article"
cat > "$TMP/herald.txt" <<'X'
VALLEY HERALD
Subscribe now: first month for 1 euro

Harwick blaze: two workers hurt, town evacuated
March 3, 2025 | 3 min read

Firefighters battle the blaze at Harwick Chemicals on Monday morning. (Image credit: Valley Herald/Ola Brenn)

Two workers were injured and about 1,200 people were evacuated on Monday after a fire tore through part of the Harwick Chemicals plant in Brennock.

The fire, which began in a solvent store at around 4 a.m., sent thick black smoke across the eastern districts of the town.

Fire chief Tomas Reyes said 60 firefighters and 14 engines had been sent to the scene from three stations.
X
p clean -f json "$TMP/herald.txt"
check "clean: a caption ending '(Image credit: ...)' is a caption, the headline above it the title" \
    sh -c "[ $rc = 0 ] && grep -q '\"title\":\"Harwick blaze: two workers hurt, town evacuated\"' '$TMP/out' && grep -q '\"class\":\"caption\"' '$TMP/out'"

# extract kept a WordPress "Like this:" / "Like Loading..." widget after the
# last paragraph as article text
cat > "$TMP/ledger.html" <<'X'
<html><head><title>Saltmere port strike strands eleven ships - The Coast Ledger</title></head><body>
<div class="story-body"><h1>Saltmere port strike strands eleven ships</h1>
<p>About 900 dock workers at the Port of Saltmere went on strike on Tuesday, leaving eleven container ships waiting offshore.</p>
<p>The Harbour Workers Union called the 48-hour walkout after the port operator offered a 2.5 percent pay rise. The union is asking for 6 percent.</p>
<p>Port authority director Ines Galloway said she was disappointed and urged the union to return to talks.</p>
<p>The union said its leader Dario Kessel would meet the port authority again on Wednesday.</p>
<p>Like this:</p><p>Like Loading...</p>
</div></body></html>
X
p extract "$TMP/ledger.html"
check "extract: a 'Like this:' / 'Like Loading...' widget after the article is not text" \
    sh -c "[ $rc = 0 ] && grep -q 'Dario Kessel' '$TMP/out' && ! grep -q 'Like' '$TMP/out'"

# digest and summarize took only --format while cluster, clean and extract take
# -f too: 'digest -f json' was a usage error
p digest -f json "$TMP/herald.txt"
check "digest -f json is --format json" sh -c "[ $rc = 0 ] && grep -q '^{\"stories\"' '$TMP/out'"
p summarize -f json "$TMP/herald.txt"
check "summarize -f json is --format json" sh -c "[ $rc = 0 ] && grep -q '^{\"id\"' '$TMP/out'"
p digest -f xml "$TMP/herald.txt"
check "digest: a bad -f names the command as the others do" sh -c "[ $rc = 1 ] && grep -q \"^precis: digest: unknown format 'xml'\" '$TMP/err'"

# a feed's channel title "Outlet - Latest news" was every item's site
cat > "$TMP/valley.rss" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Herald - Latest news</title><link>https://valleyherald.example/</link>
<item><title>Harwick fire: residents allowed home after air tests</title><link>https://valleyherald.example/news/harwick-home</link>
<pubDate>Tue, 04 Mar 2025 16:05:00 +0100</pubDate>
<description>Residents evacuated after the fire at the Harwick Chemicals plant in Brennock were allowed to return home on Tuesday afternoon after air quality tests found no danger. Mayor Elin Sato thanked the volunteers who had run the shelter.</description></item>
</channel></rss>
X
sed 's|<title>Valley Herald - Latest news</title>|<title>Top Stories \| The Coast Ledger</title>|' "$TMP/valley.rss" > "$TMP/ledger.rss"
sed 's|<title>Valley Herald - Latest news</title>|<title>Fell News</title>|' "$TMP/valley.rss" > "$TMP/fell.rss"
p cluster -f jsonl "$TMP/valley.rss" "$TMP/ledger.rss" "$TMP/fell.rss"
check "feed: the site is the outlet of the channel title, not its section ('- Latest news', 'Top Stories |')" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":\"Valley Herald\"' '$TMP/out' && grep -q '\"site\":\"The Coast Ledger\"' '$TMP/out' && grep -q '\"site\":\"Fell News\"' '$TMP/out'"

# a home page of links only (a crawl's index page) was extracted as an article
# ("Saltmere port strike strands eleven ships\nWeather") and counted as a source
cat > "$TMP/home.html" <<'X'
<html><head><title>The Coast Ledger</title></head><body><ul><li><a href="/a">Saltmere port strike strands eleven ships</a></li><li><a href="/b">Weather</a></li></ul></body></html>
X
p extract "$TMP/home.html"
check "extract: a page that is only links holds no article (3, named)" \
    sh -c "[ $rc = 3 ] && grep -q 'no article found' '$TMP/err' && ! grep -q Saltmere '$TMP/out'"

# a live blog's time stamps ("08:05 Fire crews ...") opened summary sentences
# and made "Fire", "Police", "Residents" names
cat > "$TMP/live.txt" <<'X'
LIVE: Harwick fire updates

08:05 Fire crews are still at the Harwick Chemicals site in Brennock.

07:40 Mayor Elin Sato says a shelter is open at the Brennock Sports Hall.

6:15 p.m. - Police have closed the ring road between Millbrook and the harbour.

05:30 Residents within two kilometres of the plant are being told to leave their homes.
X
p digest -f json "$TMP/live.txt"
check "digest: a live blog's time stamp is not part of the entry's sentence" \
    sh -c "[ $rc = 0 ] && grep -q '\"text\":\"Fire crews are still' '$TMP/out' && grep -q '\"text\":\"Police have closed' '$TMP/out' && ! grep -q '08:05' '$TMP/out'"
check "digest: words after a time stamp are not names ('Fire', 'Police', 'Residents')" \
    sh -c "! grep -q '\"name\":\"Fire\"' '$TMP/out' && ! grep -q '\"name\":\"Police\"' '$TMP/out' && ! grep -q '\"name\":\"Residents\"' '$TMP/out'"
p summarize "$TMP/live.txt"
check "summarize: a live blog's time stamp is cut from the entry's sentence" \
    sh -c "[ $rc = 0 ] && grep -q '^Fire crews' '$TMP/out'"

# "1 more stories (1 articles) not shown"
printf 'Dock workers at Saltmere walk out over pay\n\nDock workers at the Port of Saltmere began a 48-hour strike on Tuesday after talks over a pay rise collapsed.\n\nUnion leader Dario Kessel said the port operator had offered a rise of 2.5 percent.\n' > "$TMP/strike.txt"
p digest --max-stories 1 "$TMP/herald.txt" "$TMP/strike.txt"
check "digest --max-stories: '1 more story (1 article) not shown'" \
    sh -c "[ $rc = 0 ] && grep -q '1 more story (1 article) not shown' '$TMP/err'"

# a pasted page with an audio player ("Listen to this article" / "4 min") under
# a headline in capitals and its standfirst: the player was the title, "4 min"
# article text; the author's note and a correction notice after the article
# reached the summary and the timeline ("This article was amended on 6 March")
cat > "$TMP/times.txt" <<'X'
Amberlee Times
Thursday, March 6, 2025 | Today's Paper | Subscribe

LOCAL
BRENNOCK FLOOD BARRIER GETS GREEN LIGHT
Council votes 9-2 for a 14m euro defence along the Amberlee after years of flooding
By Hanne Moss-Ekberg | Published 06:12, 6 March 2025

The River Amberlee burst its banks three times in 2024. Photograph: Amberlee Times
Listen to this article
4 min

Brennock town council has approved a 14 million euro flood barrier along the River Amberlee, ending a five-year dispute over how to protect the low-lying Quayside district.

Councillors voted 9-2 on Wednesday night in favour of the plan, which will see a 2.3-kilometre wall and three pumping stations built by 2027.

Council leader Hanne Moss said the barrier would protect about 3,000 homes.

Opponents, led by councillor Viktor Brandt, said the wall would cut the town off from its river.

Hanne Moss-Ekberg is the Amberlee Times' local government correspondent.

This article was amended on 6 March 2025 to correct the number of pumping stations.

Share
X
p clean -f json "$TMP/times.txt"
check "clean: the headline above its standfirst is the title, not the audio player" \
    sh -c "[ $rc = 0 ] && grep -q '\"title\":\"BRENNOCK FLOOD BARRIER GETS GREEN LIGHT\"' '$TMP/out'"
check "clean: 'Listen to this article' and '4 min' are not article text" \
    sh -c "! grep -q '\"text\":\"[^\"]*Listen to this' '$TMP/out' && ! grep -q '\"text\":\"[^\"]*4 min' '$TMP/out'"
check "clean: an author's note and a correction notice after the article are not article text" \
    sh -c "grep -q 'correction notice' '$TMP/out' && ! grep -q '\"text\":\"[^\"]*amended on' '$TMP/out' && ! grep -q '\"text\":\"[^\"]*correspondent' '$TMP/out'"
check "clean: the masthead named again in a credit is the site" sh -c "grep -q '\"site\":\"Amberlee Times\"' '$TMP/out'"
p digest -f json "$TMP/times.txt"
check "digest: no timeline event for the correction notice" sh -c "[ $rc = 0 ] && ! grep -q 'amended on' '$TMP/out'"

# the masthead as the site: a wire's name on the first line and in its
# dateline, in capitals with the credit's spelling; a caption naming a person
# twice (photo and credit) is not an outlet
printf 'Northern Wire\n\nBRENNOCK, March 3 (Northern Wire) - A fire at a chemicals plant in Brennock on Monday forced the evacuation of about 1,500 people, officials said.\n\nTwo workers were treated for burns at Brennock General Hospital.\n' > "$TMP/wire.txt"
p clean -f json "$TMP/wire.txt"
check "clean: a wire's name above its dateline is the site, not text" \
    sh -c "[ $rc = 0 ] && grep -q '\"site\":\"Northern Wire\"' '$TMP/out' && ! grep -q '\"text\":\"Northern Wire' '$TMP/out'"
printf 'VALLEY HERALD\n\nTwo workers were injured on Monday after a fire tore through part of the Harwick Chemicals plant in Brennock.\n\nFire chief Tomas Reyes said 60 firefighters had been sent to the scene. Photo: Valley Herald/Ola Brenn\n\nThe plant employs 420 people.\n' > "$TMP/shout.txt"
p clean -f json "$TMP/shout.txt"
check "clean: a masthead in capitals takes the spelling of its credit" sh -c "grep -q '\"site\":\"Valley Herald\"' '$TMP/out'"
printf 'Tomas Reyes\nTomas Reyes Valley Herald\n\nFire chief Tomas Reyes said 60 firefighters had been sent to the scene of the fire at the Harwick Chemicals plant.\n\nThe chief, Tomas Reyes, said: the cause is not known.\n' > "$TMP/person.txt"
p clean -f json "$TMP/person.txt"
check "clean: a caption naming a person is not taken for the outlet" sh -c "! grep -q '\"site\":\"Tomas Reyes\"' '$TMP/out'"

# ingest named a rejected article twice ("F: F: article has no words") and
# gave the store's "no words" for what digest calls page furniture
printf 'Like this:\nLike Loading...\nShare this:\nJoin our WhatsApp group\n' > "$TMP/furniture.txt"
p ingest --db "$TMP/f.db" "$TMP/furniture.txt"
check "ingest: a rejected article is named once, with the reason digest gives" \
    sh -c "[ $rc = 3 ] && grep -q 'furniture.txt: not an article: page furniture only' '$TMP/err' && ! grep -q 'furniture.txt: .*furniture.txt:' '$TMP/err'"
printf '{"id":"w1","text":"%%%% ### !!!"}\n' > "$TMP/nowords.jsonl"
p ingest --db "$TMP/f.db" "$TMP/nowords.jsonl"
check "ingest: an article without words is named once" \
    sh -c "grep -q '^precis: w1: no words' '$TMP/err' && ! grep -q 'w1: w1:' '$TMP/err'"

# "1 of 1 articles have no date: they keep their arrival order"
p digest "$TMP/live.txt"
check "digest: one undated article is said in the singular" \
    sh -c "[ $rc = 0 ] && grep -q '1 of 1 article has no date: it keeps its arrival order, and its relative dates' '$TMP/err'"

# extract kept the desk's closing call ("Got a story? Email news@... or message
# us on WhatsApp.") as the article's last paragraph; a contact for the news
# itself (no "us"/"you") stays
cat > "$TMP/voice.html" <<'X'
<html><head><title>Flood wall approved | Brennock Voice</title></head><body><div class="content">
<h1>Flood wall approved: what it means for Quayside</h1>
<p>Brennock's councillors voted on Wednesday to build a flood wall along the River Amberlee. Here is what happens next for the residents of the Quayside district.</p>
<p>The barrier will cost 14 million euros. The council will pay 4.6 million euros and a national flood fund the rest, council leader Hanne Moss said.</p>
<p>Two councillors voted against, including Viktor Brandt, who says the wall will turn the town's back on the river.</p>
<p>Questions about the works are answered by the council's Leila Pardo (pardo@council.example).</p>
<p><em>Got a story? Email news@brennockvoice.example or message us on WhatsApp.</em></p>
</div></body></html>
X
p extract "$TMP/voice.html"
check "extract: the desk's closing call to the reader with an e-mail address is not article text" \
    sh -c "[ $rc = 0 ] && grep -q 'Viktor Brandt' '$TMP/out' && ! grep -q 'Got a story' '$TMP/out' && grep -q 'pardo@council.example' '$TMP/out'"

# two estimates that differ ("about 1,200" / "about 1,500" people evacuated)
# were taken for one figure: the summary's 1,500 sentence was credited to the
# 1,200 reports and no "sources differ" was said
mkdir -p "$TMP/est"
printf 'Fire forces 1,200 from homes in Brennock\n\nMarch 3, 2025\n\nTwo workers were injured and about 1,200 people were evacuated on Monday after a fire tore through part of the Harwick Chemicals plant in Brennock.\n\nFire chief Tomas Reyes said 60 firefighters had been sent to the scene from three stations.\n' > "$TMP/est/a.txt"
printf 'Chemical plant fire forces evacuation in Brennock\n\nMarch 3, 2025\n\nA fire at the Harwick Chemicals plant in Brennock on Monday forced the evacuation of about 1,500 people and injured two workers, local officials said.\n\nFire chief Tomas Reyes said the fire started in a solvent storage building before dawn.\n' > "$TMP/est/b.txt"
p digest "$TMP/est"
check "digest: two estimates that differ (about 1,200 / about 1,500 people) are a conflict" \
    sh -c "[ $rc = 0 ] && grep -q 'Sources differ (figure: people): \"1,200\" \[1\] vs \"1,500\" \[2\]' '$TMP/out'"

# a title in capitals won the story's headline over another report's
# ordinary title: the briefing shouted "BRENNOCK FLOOD BARRIER GETS GREEN LIGHT"
mkdir -p "$TMP/caps"
cp "$TMP/times.txt" "$TMP/caps/a.txt"
printf 'Brennock barrier gets the go-ahead from council\n\n5 March 2025\n\nBrennock town council has approved a flood barrier along the River Amberlee to protect the Quayside district.\n\nCouncillors voted 9-2 on Wednesday in favour of the plan, which will see a wall and three pumping stations built by 2027.\n' > "$TMP/caps/b.txt"
p digest "$TMP/caps"
check "digest: a title in capitals loses the headline to another report's title" \
    sh -c "[ $rc = 0 ] && head -1 '$TMP/out' | grep -q '^1. Brennock barrier gets the go-ahead from council'"

# an agency's file-photo caption "FILE - In this ..., file photo, ... (AP
# Photo/Name, File)" was article text; the byline's agency was in the author
printf 'The Ellisford Ledger\n\nFILE - In this Jan. 5, 2024, file photo, the Ellisford town hall is seen. (AP Photo/Mira Stone, File)\n\nEllisford mayor resigns after audit\n\nBy DORA KELL Associated Press\n\nELLISFORD (AP) - The mayor of Ellisford resigned on Friday, two days after an audit found that large sums had been moved without council approval.\n\nMayor Ivo Brand said in a statement he was stepping down to let the town move on.\n' > "$TMP/ap.txt"
p clean -f json "$TMP/ap.txt"
check "clean: an agency's 'FILE - ... (AP Photo/Name, File)' caption is not article text" \
    sh -c "[ $rc = 0 ] && ! grep -q '\"text\":\"FILE' '$TMP/out' && grep -q '\"class\":\"caption\"' '$TMP/out'"
check "clean: 'By NAME Associated Press': the author is the name" sh -c "grep -q '\"author\":\"DORA KELL\"' '$TMP/out'"

# a gallery widget inside the text ("Image 1 of 12" / "Click to expand") was
# article text between two paragraphs
printf 'Saltmere strike ends with 4 percent deal\n\nDock workers at the Port of Saltmere returned to work on Saturday after the Harbour Workers Union accepted a 4 percent pay rise, ending a five-day strike.\n\nUnion leader Dario Kessel said members had voted 612 to 208 in favour of the deal at a meeting on Friday night.\n\nImage 1 of 12\nClick to expand\n\nPort authority director Ines Galloway said all eleven ships that had waited offshore would be unloaded by Tuesday.\n' > "$TMP/gallery.txt"
p clean "$TMP/gallery.txt"
check "clean: a gallery counter and 'Click to expand' are not article text" \
    sh -c "[ $rc = 0 ] && grep -q 'Ines Galloway' '$TMP/out' && ! grep -q 'Image 1 of 12' '$TMP/out' && ! grep -q 'Click to expand' '$TMP/out'"

finish
