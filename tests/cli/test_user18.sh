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

finish
