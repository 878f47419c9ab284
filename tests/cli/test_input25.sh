# Input pass 25: the WARC reader reads through the streaming source of the
# other readers (src/core/io.c pc_source_fd), and gzip data cut short is named
# with the place it broke. Each case failed before its fix. Inputs are
# invented here.
. tests/cli/lib.sh

python3 - "$TMP" <<'EOF'
import gzip, sys
T = sys.argv[1]
texts = ["The ferry between Orrin and Tallow Point resumed on Monday after a week of storms, the port office said. Crews checked both piers before the first crossing.",
         "Voters in Kelm chose a new mayor on Sunday after a long count of the postal ballots, the town clerk said. The count took two days.",
         "The new mayor of Kelm thanked the voters on Monday and named her deputy, the town clerk said. She takes office in April.",
         "Farmers near Brell asked the council for a new bridge over the Tarn on Tuesday, saying the old one floods every spring."]
def rec(i, text):
    html = ("<html><head><title>Story %d</title></head><body><article><p>%s</p></article></body></html>" % (i, text)).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/%d\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (i, len(http))).encode() + http + b"\r\n\r\n"
recs = [rec(i + 1, t) for i, t in enumerate(texts)]
open(T + "/one.warc", "wb").write(recs[0])
open(T + "/rest.warc", "wb").write(b"".join(recs[1:]))
# one gzip member a record, the third member cut in its middle
members = [gzip.compress(r) for r in recs]
open(T + "/cut.warc.gz", "wb").write(members[0] + members[1] + members[2][:len(members[2]) // 2])
EOF

# 1. a WARC on a slow pipe: each record is read when it comes. The writer
# holds the pipe open until precis has printed its first line (or 60 s pass:
# a hang guard, not a timing check). Before, a WARC on a pipe was read whole
# (up to the file cap) and the first article came out when the pipe closed.
slow_warc() {
    cat "$TMP/one.warc"
    i=0
    while [ ! -f "$TMP/warc.seen" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
    if [ -f "$TMP/warc.seen" ]; then echo open > "$TMP/warc.state"; else echo closed > "$TMP/warc.state"; fi
    cat "$TMP/rest.warc"
}
mkfifo "$TMP/warc.fifo"
slow_warc > "$TMP/warc.fifo" &
"$PRECIS" cluster --online --no-progress - < "$TMP/warc.fifo" 2>/dev/null |
    { IFS= read -r l; printf '%s\n' "$l" > "$TMP/warc.first"; touch "$TMP/warc.seen"; cat > "$TMP/warc.rest"; }
wait
check "cluster --online -: a WARC on a pipe gives its first record while the pipe is open" \
    sh -c "[ \"\$(cat '$TMP/warc.state')\" = open ] && grep -q '^<stdin>#1	s1\$' '$TMP/warc.first' && [ \$(wc -l < '$TMP/warc.rest') = 3 ]"

# 2. a .warc.gz cut inside a member: the records before it are read, the
# record it broke in is named, once, in the words of whole-file reading.
# Before: 'cut.warc.gz: cut.warc.gz: read failed: <fd:4>: unexpected end of
# file' (digest, cluster), 'cut.warc.gz: read failed: <fd:3>: ...' (extract)
# and '<stdin>: corrupt gzip data' (a pipe, read whole first).
for c in digest cluster; do
    p $c "$TMP/cut.warc.gz"
    check "$c: a cut .warc.gz names the record it broke in (2)" \
        sh -c "[ $rc = 2 ] && grep -q '^precis: $TMP/cut.warc.gz: record 3 (http://example.test/3): corrupt gzip data' '$TMP/err' && ! grep -q 'fd:' '$TMP/err'"
done
p extract --no-progress "$TMP/cut.warc.gz"
check "extract: a cut .warc.gz keeps the records before and names the one it broke in (2)" \
    sh -c "[ $rc = 2 ] && [ \$(wc -l < '$TMP/out') = 2 ] && grep -q 'cut.warc.gz: record 3 (http://example.test/3): corrupt gzip data\$' '$TMP/err'"
"$PRECIS" cluster --no-progress - < "$TMP/cut.warc.gz" > "$TMP/out" 2> "$TMP/err"; rc=$?
check "cluster -: a cut .warc.gz on stdin names the record it broke in (2)" \
    sh -c "[ $rc = 2 ] && grep -q '<stdin>: record 3 (http://example.test/3): corrupt gzip data' '$TMP/err' && [ \$(wc -l < '$TMP/out') = 2 ]"

# 3. gzip data cut short (or corrupt) is named FILE:LINE, the line it broke
# in, as a bad line is named, by every reader: a file read whole (summarize,
# clean: libdeflate), a stream (summarize -, and any input over the cap), the
# story reader's JSON Lines and its whole-read texts (digest, cluster).
# Before: 'cut.jsonl.gz: corrupt gzip data' (summarize), '<stdin>: corrupt
# gzip data: <fd:3>: unexpected end of file', 'cut.jsonl.gz:LAST: ...'
# (digest: the last line read whole, not the one it broke in), 'cut.txt.gz:
# corrupt gzip data' (cluster, clean).
python3 - "$TMP" <<'EOF'
import gzip, json, sys, zlib
T = sys.argv[1]
lines = [json.dumps({"id": "c%d" % i, "documents": ["The council of Brell met on day %d of the session and voted on the bridge plan, the clerk said." % i,
                     "Farmers near Brell asked on day %d for the new bridge over the Tarn, saying the old one floods." % i]}) for i in range(1, 41)]
g = gzip.compress(("\n".join(lines) + "\n").encode())
open(T + "/cut.jsonl.gz", "wb").write(g[:len(g) // 2])
open(T + "/cut.line", "w").write("%d\n" % (zlib.decompressobj(31).decompress(g[:len(g) // 2]).count(b"\n") + 1))
t = gzip.compress("".join("Line %d of the council report on the Brell bridge, which the clerk read out on Monday.\n" % i
                          for i in range(200)).encode())
open(T + "/cut.txt.gz", "wb").write(t[:len(t) // 2])
open(T + "/cut.txt.line", "w").write("%d\n" % (zlib.decompressobj(31).decompress(t[:len(t) // 2]).count(b"\n") + 1))
EOF
N=$(cat "$TMP/cut.line") M=$(cat "$TMP/cut.txt.line")
p summarize --batch "$TMP/cut.jsonl.gz"
check "summarize: cut gzip is named FILE:LINE, the line it broke in" \
    sh -c "[ $rc != 0 ] && [ $N -gt 1 ] && grep -q 'cut.jsonl.gz:$N: corrupt gzip data\$' '$TMP/err'"
"$PRECIS" summarize --batch - < "$TMP/cut.jsonl.gz" > "$TMP/out" 2> "$TMP/err"; rc=$?
check "summarize -: cut gzip on stdin is named <stdin>:LINE" \
    sh -c "[ $rc != 0 ] && grep -q '<stdin>:$N: corrupt gzip data\$' '$TMP/err' && ! grep -q 'fd:' '$TMP/err'"
p digest "$TMP/cut.jsonl.gz"
check "digest: cut gzip in JSON Lines names the line it broke in, not the last read whole" \
    sh -c "[ $rc = 2 ] && grep -q 'cut.jsonl.gz:$N: corrupt gzip data' '$TMP/err'"
p cluster "$TMP/cut.txt.gz"
check "cluster: cut gzip of a text names the line it broke in" \
    sh -c "[ $rc = 2 ] && [ $M -gt 1 ] && grep -q 'cut.txt.gz:$M: corrupt gzip data' '$TMP/err'"
p clean "$TMP/cut.txt.gz"
check "clean: cut gzip of a text names the line it broke in" \
    sh -c "[ $rc != 0 ] && grep -q 'cut.txt.gz:$M: corrupt gzip data' '$TMP/err'"

finish
