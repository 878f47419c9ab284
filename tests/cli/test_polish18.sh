# Session 18 (helper polish), docs/cli.md "Messages and readers, session 18":
# each case failed before its fix.
. tests/cli/lib.sh

# extract: JSON-LD authors joined up to 511 bytes; the one that did not fit
# was kept in part (snprintf's cut, "ÇÇÇ" of a 75-letter name).
python3 - "$TMP" <<'PY'
import json, os, sys
names = ["\u00c5" * 75, "\u00d8" * 75, "\u00dc" * 75, "\u00c7" * 75]
ld = {"@type": "NewsArticle", "headline": "Harbour wall finished at Veldmark",
      "author": [{"@type": "Person", "name": n} for n in names]}
p = " ".join(["The new harbour wall at Veldmark was finished on Monday after two years of work, the council said."] * 4)
html = ('<html><head><title>Harbour wall finished at Veldmark</title><script type="application/ld+json">%s</script></head>'
        '<body><article><h1>Harbour wall finished at Veldmark</h1><p>%s</p><p>Workers from three towns built the wall, '
        'which is four metres high and protects two hundred homes.</p></article></body></html>') % (json.dumps(ld, ensure_ascii=False), p)
open(os.path.join(sys.argv[1], "authors.html"), "w").write(html)
PY
p extract --format json "$TMP/authors.html"
check "extract: an author that does not fit the joined authors is left out whole" \
    python3 -c "
import json, sys
a = json.load(open(sys.argv[1]))['author']
assert a == ', '.join(['\u00c5' * 75, '\u00d8' * 75, '\u00dc' * 75]), a
" "$TMP/out"

# clean: a refused JSONL line of a file at a 1,229-byte path was named in a
# 1,200-byte buffer: the line number and the reason cut off.
long=$TMP
for i in 1 2 3 4 5; do long="$long/$(python3 -c 'print("\u00e9" * 120)')"; done
mkdir -p "$long"
printf '{"id":"a","text":"The harbour wall at Veldmark was finished on Monday."}\n{"id": \n' > "$long/x.jsonl"
p clean "$long/x.jsonl"
check "clean: a bad line of a file at a long path is named with its line and reason" \
    sh -c "test $rc = 2 && grep -q 'x.jsonl:2: ' '$TMP/err' && python3 -c 'import sys; open(sys.argv[1], encoding=\"utf-8\").read()' '$TMP/err'"

# ingest --db at a long path: the store path was kept in 1,024 bytes (a longer
# one opened the store at its first 1,023), and the message, path first in
# 512 bytes, lost its reason. Now the path is whole, shown by its end, and
# the reason says SQLite's limit.
p ingest --db "$long/news.db" "$long/x.jsonl"
check "ingest --db at a 1,229-byte path: refused with the reason, valid UTF-8" \
    sh -c "test $rc = 4 && grep -q 'cannot open the store: its full path has [0-9]* bytes, and SQLite opens at most 511' '$TMP/err' && python3 -c 'import sys; open(sys.argv[1], encoding=\"utf-8\").read()' '$TMP/err'"

# A feed item's title quoted at 100 bytes ("item 2 (TITLE)") was cut inside a
# character: the message was not UTF-8.
python3 - "$TMP" <<'PY'
import os, sys
t = "x" + "\u00e9" * 80
item = ("<item><title>%s</title><link>https://coast.example/a</link><description>The harbour wall at Veldmark was "
        "finished on Monday after two years of work, the council said. Workers from three towns built it.</description></item>") % t
open(os.path.join(sys.argv[1], "rep.rss"), "w").write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                                     '<title>Coast</title>%s%s</channel></rss>' % (item, item))
PY
p digest "$TMP/rep.rss"
check "digest: a repeated feed item named by a title cut at whole characters" \
    sh -c "test $rc = 0 && grep -q 'item 2 (x' '$TMP/err' && python3 -c 'import sys; open(sys.argv[1], encoding=\"utf-8\").read()' '$TMP/err'"

# A closed stdin said "cannot open: Bad file descriptor".
for c in summarize digest cluster clean extract; do
    "$PRECIS" $c - <&- >/dev/null 2>"$TMP/err"; rc=$?
    check "$c - <&-: 'standard input is closed' (2)" sh -c "test $rc = 2 && grep -q '^precis: <stdin>: standard input is closed' '$TMP/err'"
done
# A long line without sentence punctuation: "no usable sentence" gave no
# reason; now it says the text has no sentence punctuation and why its
# longest line was not taken.
python3 -c '
import random, sys
random.seed(3)
w = ["harbour", "wall", "council", "river", "bridge", "town", "work", "year", "Veldmark", "people"]
sys.stdout.write(" ".join(random.choice(w) for _ in range(20000)))' > "$TMP/nopunct.txt"
p summarize "$TMP/nopunct.txt"
check "summarize: a line without punctuation is named with why" \
    sh -c "test $rc = 3 && grep -q 'no usable sentence in 1 document: the text has no sentence punctuation (. ! ?), and its longest run of text (20000 words) was not taken: starts in lower case (fragment)' '$TMP/err'"
printf 'Home\nNews\nSport\nWeather\n' > "$TMP/menu.txt"
p summarize "$TMP/menu.txt"
check "summarize: four menu words: no sentence punctuation, longest run under 8 words" \
    sh -c "test $rc = 3 && grep -q 'no sentence punctuation (. ! ?), and its longest run of text (4 words) was not taken: under 8 words' '$TMP/err'"

# "\u0000" in a JSON text: dropped and said by every reader (FILE:LINE, per
# document since input pass 24)
# (before: summarize made it a space, or wrote it back as \u0000 in --batch;
# clean, digest dropped it without a word). An id holding one is refused by
# name everywhere (before: clean cut the id at the NUL, digest renamed it).
A='The harbour wall at Veldmark was finished on Monday after two years of work, the council said.'
printf '{"id":"d1","text":"%s The bri\\u0000dge over the river opened too."}\n' "$A" > "$TMP/nul.jsonl"
printf '{"id":"c1","documents":["%s The bri\\u0000dge over the river opened too."]}\n' "$A" > "$TMP/nulc.jsonl"
printf '{"id":"a\\u0000b","text":"%s"}\n{"id":"ok","text":"%s"}\n' "$A" "$A" > "$TMP/nulid.jsonl"
p summarize "$TMP/nul.jsonl"
check "summarize: a NUL in a text is dropped ('bridge') and said" \
    sh -c "test $rc = 0 && grep -q 'The bridge over' '$TMP/out' && grep -q 'nul.jsonl:1: d1: field \"text\" holds 1 NUL character (.u0000): dropped' '$TMP/err'"
p summarize --batch "$TMP/nulc.jsonl"
check "summarize --batch: no \\u0000 written back, said for the document" \
    sh -c "test $rc = 0 && grep -q 'The bridge over' '$TMP/out' && ! grep -q 'u0000' '$TMP/out' && grep -q '^precis: .*nulc.jsonl:1: c1#1: field \"text\" holds 1 NUL' '$TMP/err'"
p clean "$TMP/nul.jsonl"
check "clean: a NUL in a text is dropped and said (exit 0)" \
    sh -c "test $rc = 0 && grep -q 'The bridge over' '$TMP/out' && grep -q 'nul.jsonl:1: field \"text\" holds 1 NUL character' '$TMP/err'"
p digest "$TMP/nul.jsonl"
check "digest: a NUL in a text is dropped and said" \
    sh -c "test $rc = 0 && grep -q 'field \"text\" holds 1 NUL character (.u0000): dropped' '$TMP/err'"
p clean --format json "$TMP/nulid.jsonl"
check "clean: an id holding a NUL is refused by name (was cut to 'a')" \
    sh -c "test $rc = 2 && grep -q 'nulid.jsonl:1: field \"id\" holds a NUL character' '$TMP/err' && ! grep -q '\"id\":\"a\"' '$TMP/out' && grep -q '\"id\":\"ok\"' '$TMP/out'"
p digest --format json "$TMP/nulid.jsonl"
check "digest: an id holding a NUL is refused by name (was renamed FILE:LINE)" \
    sh -c "test $rc = 2 && grep -q 'nulid.jsonl:1: field \"id\" holds a NUL character' '$TMP/err'"
p summarize "$TMP/nulid.jsonl"
check "summarize: an id holding a NUL is refused by name" \
    sh -c "test $rc = 2 && grep -q 'holds a NUL character' '$TMP/err'"

# --help tells the truth: eval rouge's -u/-U need -2 and -l/-b exclude each
# other (usage errors the help did not mention).
p eval rouge --help
check "eval rouge --help: -u and -U need -2, -l and -b not together" \
    sh -c "grep -q -- '-u .*(needs -2)' '$TMP/out' && grep -q -- '-U .*(needs -2)' '$TMP/out' && grep -q -- '-l N .*(not with -b)' '$TMP/out'"

finish
