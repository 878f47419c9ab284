# A third user pass (docs/cli.md, "A third user pass"): each case failed
# before its fix. Inputs are invented here.
. tests/cli/lib.sh
PAGE='<!doctype html><html><head><title>Ferry service resumes at Kestrel Point</title></head><body><article><h1>Ferry service resumes at Kestrel Point</h1><p>The ferry between Kestrel Point and Dunmarrow resumed on Wednesday after a week of storms kept the boats in harbor.</p><p>Captain Oren Falk said the crossings would run every two hours until the weekend. Passengers lined the pier before dawn to catch the first boat.</p></article></body></html>'
printf '%s\n' "$PAGE" > "$TMP/page.html"
len=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s\n' "$PAGE" | wc -c)
{ printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://islander.example/ferry\r\nWARC-Date: 2025-03-05T11:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' "$len"
  printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s\n' "$PAGE"; printf '\r\n\r\n'; } > "$TMP/crawl.warc"
# fifo NAME FILE: a named pipe fed with FILE (one reader)
fifo() { rm -f "$TMP/$1"; mkfifo "$TMP/$1"; (timeout 20 cat "$2" > "$TMP/$1" &) ; }
# pt: p under a time limit (a pipe read twice waits for a writer forever)
pt() { timeout 20 "$PRECIS" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }

# extract sniffed every named input for WARC by reading its first bytes; on a
# pipe those bytes were gone, and the page came out "no article found" (3)
fifo pipe.html "$TMP/page.html"
pt extract "$TMP/pipe.html"
check "extract: a page given as a named pipe is extracted" sh -c "[ $rc = 0 ] && grep -q 'Captain Oren Falk' '$TMP/out'"
# a WARC on stdin was taken for one page: WARC headers as its text (0)
p extract - < "$TMP/crawl.warc"
check "extract: WARC data on stdin is refused by name with the --warc hint, not extracted as one page" \
    sh -c "[ $rc = 2 ] && grep -q '<stdin>: WARC data.*--warc' '$TMP/err' && ! grep -q 'WARC-Type' '$TMP/out'"
p extract --warc - < "$TMP/crawl.warc"
check "extract --warc -: the WARC on stdin is read record by record" sh -c "[ $rc = 0 ] && grep -q 'Captain Oren Falk' '$TMP/out'"

# digest, cluster and ingest sniffed a named pipe and then opened it again to
# stream a WARC from it: the records were gone ("no article found", 3)
fifo pipe.warc "$TMP/crawl.warc"
pt digest "$TMP/pipe.warc"
check "digest: a WARC given as a named pipe is read" sh -c "[ $rc = 0 ] && grep -q 'Ferry service resumes' '$TMP/out'"
fifo pipe.warc "$TMP/crawl.warc"
pt cluster "$TMP/pipe.warc"
check "cluster: a WARC given as a named pipe is read" sh -c "[ $rc = 0 ] && grep -q 'pipe.warc#1' '$TMP/out'"
fifo pipe.warc "$TMP/crawl.warc"
pt ingest --db "$TMP/pipe.db" "$TMP/pipe.warc"
check "ingest: a WARC given as a named pipe is read" sh -c "[ $rc = 0 ] && grep -q 'added 1,' '$TMP/out'"
# ingest read an input of one article a second time to keep its raw bytes: on
# a named pipe that second open waited for a writer forever
printf 'Harbor council approves new seawall\n\nThe Dunmarrow harbor council voted on Tuesday to build a new seawall along the eastern quay.\n\nCouncil chair Elsbeth Varga said the wall would cost 12 million crowns.\n' > "$TMP/a1.txt"
fifo pipe.txt "$TMP/a1.txt"
pt ingest --db "$TMP/pipe2.db" "$TMP/pipe.txt"
check "ingest: one article on a named pipe is added, no hang" sh -c "[ $rc = 0 ] && grep -q 'added 1,' '$TMP/out'"

# a file name that is not UTF-8 (Latin-1 "é") went into the JSON id as a raw
# byte: cluster, summarize and clean printed invalid JSON
lat="$TMP/lat$(printf '\351').txt"
cp "$TMP/a1.txt" "$lat"
for c in cluster summarize clean; do
    p $c --format json "$lat"
    check "$c --format json: a Latin-1 file name is written as U+FFFD, the JSON stays UTF-8" \
        sh -c "[ $rc = 0 ] && grep -q 'lat$(printf '\357\277\275').txt' '$TMP/out' && ! LC_ALL=C grep -q '$(printf '\351')' '$TMP/out'"
done

# clean took an HTML page, a WARC file or a news feed for pasted text and
# printed its raw markup ("<!doctype html>...", WARC headers) as the clean
# text, exit 0; now each is refused by name (2), the pasted file beside it kept
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Coastline Herald</title><item><title>Storm warning</title><description>Forecasters warned on Wednesday that another storm could reach Dunmarrow by Friday.</description></item></channel></rss>\n' > "$TMP/feed.xml"
for f in page.html crawl.warc feed.xml; do
    p clean "$TMP/$f" "$TMP/a1.txt"
    check "clean: $f is refused by name, the pasted article beside it cleaned (2)" \
        sh -c "[ $rc = 2 ] && grep -q '$f: .*not pasted text' '$TMP/err' && grep -q 'Elsbeth Varga' '$TMP/out' && ! grep -q '<' '$TMP/out' && ! grep -q 'WARC' '$TMP/out'"
done

# a pasted article with a line over the 1 MiB line cap: digest and cluster
# said "over a size limit while cleaning" where clean and summarize name the
# limit and the line
{ printf 'Harbor council meets\n\n'; i=0; while [ $i -lt 40000 ]; do printf 'The harbor council met on Tuesday. '; i=$((i+1)); done; printf '\n'; } > "$TMP/longline.txt"
for c in digest cluster; do
    p $c "$TMP/longline.txt"
    check "$c: a pasted line over 1 MiB is named with the limit and its line (2)" \
        sh -c "[ $rc = 2 ] && grep -q 'longline.txt: line of 1400000 bytes is over the 1048576-byte limit (line 3 of the text)' '$TMP/err'"
done

# a JSONL line without "id" whose text is empty was named twice:
# "FILE:1: FILE:1: empty article (no text)"
printf '{"text": ""}\n{"id":"k2","text":"  "}\n{"text":"The mayor of Tollbridge said on Monday that the bridge would reopen soon after repairs."}\n' > "$TMP/emptyline.jsonl"
for c in digest cluster; do
    p $c "$TMP/emptyline.jsonl"
    check "$c: an empty id-less JSONL line is named once by FILE:LINE" \
        sh -c "[ $rc = 0 ] && grep -q 'emptyline.jsonl:1: empty article (no text)' '$TMP/err' && ! grep -q 'jsonl:1: .*jsonl:1:' '$TMP/err' && grep -q 'emptyline.jsonl:2: k2: empty article' '$TMP/err'"
done

# a JSONL "date" the date parser cannot read was dropped without a word: the
# article only counted among "N articles have no date"
{ printf '{"id":"d1","text":"The mayor of Tollbridge said on Monday that the bridge would reopen soon after repairs.","date":"2025-03-04"}\n'
  printf '{"id":"d2","text":"The mayor of Tollbridge said on Monday that the old bridge would reopen after the repairs.","date":"9999-12-31"}\n'
  printf '{"text":"Engineers in Tollbridge found cracks in the main span of the bridge last week.","date":"yesterday"}\n'; } > "$TMP/dates.jsonl"
for c in digest cluster; do
    p $c "$TMP/dates.jsonl"
    check "$c: an unreadable JSONL date is named by FILE:LINE, the article kept (0)" \
        sh -c "[ $rc = 0 ] && grep -q \"dates.jsonl:2: d2: field \\\"date\\\" ('9999-12-31') is not a date\" '$TMP/err' && grep -q \"dates.jsonl:3: field \\\"date\\\" ('yesterday')\" '$TMP/err' && ! grep -q \"'2025-03-04'\" '$TMP/err'"
done
p ingest --db "$TMP/dates.db" "$TMP/dates.jsonl"
check "ingest: an unreadable JSONL date is named by FILE:LINE, the article added (0)" \
    sh -c "[ $rc = 0 ] && grep -q 'added 3,' '$TMP/out' && grep -q \"dates.jsonl:2: d2: field \\\"date\\\" ('9999-12-31')\" '$TMP/err'"

# summarize --batch -o DIR: a cluster whose summary file cannot be written
# stopped the batch with an empty message ("precis: ") and exit 2
A='The Dunmarrow harbor council voted on Tuesday to build a new seawall along the eastern quay.\n\nCouncil chair Elsbeth Varga said the wall would cost 12 million crowns and take two years.'
B='The harbor council of Dunmarrow approved a seawall on the eastern quay on Tuesday.\n\nVarga said construction will begin in May and last two years, at a cost of 12 million crowns.'
long=$(printf '%0250d' 7)
{ printf '{"id":"c1","documents":["%s","%s"]}\n' "$A" "$B"
  printf '{"id":"c2","documents":["%s","%s"]}\n' "$A" "$B"
  printf '{"id":"%s","documents":["%s","%s"]}\n' "$long" "$A" "$B"; } > "$TMP/clusters.jsonl"
mkdir -p "$TMP/sums/c1.txt"
p summarize --batch -o "$TMP/sums" "$TMP/clusters.jsonl"
check "summarize --batch -o: a summary file that cannot be written is named, exit 4, no empty message" \
    sh -c "[ $rc = 4 ] && grep -q 'sums/c1.txt: cannot write: Is a directory' '$TMP/err' && ! grep -qx 'precis: *' '$TMP/err'"

# an id over 255 bytes was "File name too long" and stopped the batch
rm -rf "$TMP/sums"
p summarize --batch -o "$TMP/sums" "$TMP/clusters.jsonl"
check "summarize --batch -o: an id too long for a file name is cut (said), every cluster written (0)" \
    sh -c "[ $rc = 0 ] && [ -s '$TMP/sums/c1.txt' ] && [ -s '$TMP/sums/c2.txt' ] && [ \$(ls '$TMP/sums' | wc -l) = 3 ] && grep -q 'file name is cut' '$TMP/err'"

# the cut backed up over continuation bytes by reading past what it had
# copied (uninitialised), so a name could end inside a UTF-8 character
utf=$(printf 'a%.0s' $(seq 198))$(printf '\303\251%.0s' $(seq 30))
printf '{"id":"%s","documents":["%s","%s"]}\n' "$utf" "$A" "$B" > "$TMP/utfid.jsonl"
rm -rf "$TMP/sums"
p summarize --batch -o "$TMP/sums" "$TMP/utfid.jsonl"
check "summarize --batch -o: an id cut inside a UTF-8 character is cut before it (198 bytes, valid UTF-8)" \
    sh -c "[ $rc = 0 ] && [ -s '$TMP/sums/$(printf 'a%.0s' $(seq 198)).txt' ] && grep -q 'cut to 198 bytes' '$TMP/err'"

# stdout that cannot be written: every command but digest said "cannot write
# the output" without why (digest: "write failed: No space left on device")
if [ -w /dev/full ]; then
    for c in summarize cluster clean; do
        "$PRECIS" $c "$TMP/a1.txt" > /dev/full 2> "$TMP/err"; rc=$?
        check "$c > /dev/full: exit 4 and the reason named" sh -c "[ $rc = 4 ] && grep -q 'cannot write the output: No space left on device' '$TMP/err'"
    done
    "$PRECIS" extract "$TMP/page.html" > /dev/full 2> "$TMP/err"; rc=$?
    check "extract > /dev/full: exit 4 and the reason named" sh -c "[ $rc = 4 ] && grep -q 'cannot write the output: No space left on device' '$TMP/err'"
    "$PRECIS" ingest --db "$TMP/full.db" "$TMP/a1.txt" > /dev/full 2> "$TMP/err"; rc=$?
    check "ingest > /dev/full: exit 4 and the reason named" sh -c "[ $rc = 4 ] && grep -q 'cannot write the output: No space left on device' '$TMP/err'"
else
    skip "write reasons (no /dev/full)"
fi
finish
