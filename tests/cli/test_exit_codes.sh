# One exit-code rule for every command (docs/cli.md "Exit codes"): the same bad
# input gives the same code from summarize, clean, extract, digest, cluster,
# ingest and eval, and the message names the input (precis: FILE[:LINE]: ...).
# Big inputs are generated here, in $TMP, never committed.
. tests/cli/lib.sh
ROOT=${PRECIS_ROOT:-.}
cp "$ROOT/examples/story/01_harbour_courier.txt" "$TMP/good.txt"
cp "$ROOT/tests/fixtures/html/harbour_gazette.html" "$TMP/good.html"
: > "$TMP/empty.txt"
: > "$TMP/empty.jsonl"
mkdir "$TMP/emptydir"
python3 - "$TMP" "$ROOT" <<'EOF'
import json, os, sys
t, root = sys.argv[1], sys.argv[2]
def w(name, data, mode='w'):
    with open(os.path.join(t, name), mode) as f: f.write(data)
good = open(os.path.join(t, 'good.txt')).read()
g = json.dumps({"id": "g1", "text": good})
w('binary.bin', bytes(range(256)) * 16, 'wb')                  # NULs and every byte value
w('badutf8.txt', good.replace('ran aground', 'ran \udcff\udcfe aground', 1)
  .encode('utf-8', 'surrogateescape'), 'wb')                   # a few invalid bytes: repaired
w('longline.jsonl', g + '\n' + json.dumps({"id": "big", "text": "word " * 300000}) + '\n')
w('longonly.jsonl', json.dumps({"id": "big", "text": "word " * 300000}) + '\n')
w('badjson.jsonl', g + '\n{"id": "x", "text": \n')
sent = "The harbour council met on Tuesday to discuss the ferry schedule for the winter.\n"
w('big.txt', "Council meets\n\n" + sent * (6 * 1024 * 1024 // len(sent)))
w('big.html', "<html><head><title>Council</title></head><body><article>"
  + ("<p>" + sent + "</p>") * (6 * 1024 * 1024 // len(sent)) + "</article></body></html>")
# eval inputs: system summaries as JSONL (matched to refs.jsonl) and as a peers directory
lead = open(os.path.join(root, 'examples/rouge/lead.jsonl')).read()
w('lead.jsonl', lead)
w('ev_binary.bin', bytes(range(256)) * 16, 'wb')
w('ev_badutf8.jsonl', lead.replace('council', 'coun\udcffcil', 1).encode('utf-8', 'surrogateescape'), 'wb')
w('ev_longline.jsonl', lead + json.dumps({"id": "t01", "summary": "word " * 300000}) + '\n')
w('ev_badjson.jsonl', lead + '{"id": "t01", "summary": \n')
os.makedirs(os.path.join(t, 'bigpeers'))
w('bigpeers/t01.txt', "Word word.\n" * 600000)
w('bigpeers/t02.txt', open(os.path.join(root, 'examples/rouge/peers/lead/t02.txt')).read())
EOF
REFS="$ROOT/examples/rouge/refs.jsonl"
MODELS="$ROOT/examples/rouge/models"

# Arguments of one case for one command; prints nothing when the case does not
# apply (extract reads HTML pages, not JSON Lines).
args() { # case command
    g=good.txt big=big.txt
    [ "$2" = extract ] && g=good.html big=big.html
    if [ "$2" = eval ]; then
        case $1 in
        missing) echo "--refs $REFS --summaries nope.jsonl" ;;
        empty) echo "--refs $REFS --summaries empty.jsonl" ;;
        emptydir) echo "--models $MODELS --peers emptydir" ;;
        binary) echo "--refs $REFS --summaries ev_binary.bin" ;;
        badutf8) echo "--refs $REFS --summaries ev_badutf8.jsonl" ;;
        longline) echo "--refs $REFS --summaries ev_longline.jsonl" ;;
        big) echo "--models $MODELS --peers bigpeers" ;;
        badjson) echo "--refs $REFS --summaries ev_badjson.jsonl" ;;
        unknownopt) echo "--frobnicate --refs $REFS --summaries lead.jsonl" ;;
        goodbad) echo "--refs $REFS --summaries lead.jsonl --summaries nope.jsonl" ;;
        esac
        return
    fi
    case $1 in
    missing) echo nope.txt ;;
    empty) echo empty.txt ;;
    emptydir) echo emptydir ;;
    binary) echo binary.bin ;;
    badutf8) echo badutf8.txt ;;
    longline | longonly | badjson) [ "$2" = extract ] || echo "$1.jsonl" ;;
    big) echo "$big" ;;
    unknownopt) echo "--frobnicate $g" ;;
    goodbad) echo "$g nope.txt" ;;
    goodempty) [ "$2" = eval ] || echo "$g empty.txt" ;;
    esac
}

# case  expected-code  what stderr must name (- : nothing required)
n=0
while read -r case code named; do
    [ -z "$case" ] && continue
    for cmd in summarize clean extract digest cluster ingest eval; do
        a=$(args "$case" "$cmd")
        [ -z "$a" ] && continue
        n=$((n + 1))
        pre=$cmd
        [ "$cmd" = ingest ] && pre="ingest --db $TMP/db$n.sqlite"
        [ "$cmd" = eval ] && pre="eval rouge -n 1"
        # shellcheck disable=SC2086
        (cd "$TMP" && "$PRECIS" $pre $a >"$TMP/out" 2>"$TMP/err")
        rc=$?
        check "${cmd}_${case}_exit_$code" test "$rc" -eq "$code"
        pat=$named
        [ "$cmd" = eval ] && [ "$case" = big ] && pat='t01.txt'
        [ "$cmd" = eval ] && [ "$case" = binary ] && pat='ev_binary.bin'
        [ "$cmd" = eval ] && [ "$case" = badutf8 ] && pat=-
        [ "$cmd" = eval ] && [ "$case" = longline ] && pat='ev_longline.jsonl:3:'
        [ "$cmd" = eval ] && [ "$case" = badjson ] && pat='ev_badjson.jsonl:3:'
        [ "$cmd" = eval ] && [ "$case" = missing ] && pat='nope.jsonl'
        [ "$cmd" = eval ] && [ "$case" = goodbad ] && pat='nope.jsonl'
        [ "$cmd" = eval ] && [ "$case" = empty ] && pat='empty.jsonl'
        [ "$pat" = - ] || check "${cmd}_${case}_names_input" grep -Eq "^precis: .*$pat" "$TMP/err"
        case $case in
        badutf8) # repaired to U+FFFD and used
            [ "$cmd" = eval ] || [ "$cmd" = ingest ] || [ "$cmd" = cluster ] ||
                check "${cmd}_${case}_output" test -s "$TMP/out" ;;
        goodbad | longline | badjson | goodempty) # the rest was processed
            [ "$cmd" = ingest ] && check "${cmd}_${case}_rest_added" grep -q '^added 1,' "$TMP/out"
            [ "$cmd" = ingest ] || check "${cmd}_${case}_rest_printed" test -s "$TMP/out" ;;
        esac
    done
done <<'EOF'
missing     2  nope.txt: cannot open
empty       3  empty.txt
emptydir    3  emptydir
binary      2  binary.bin: binary data
badutf8     0  -
longline    2  longline.jsonl:2: line
longonly    2  longonly.jsonl:1: line
big         2  big.(txt|html): .*limit
badjson     2  badjson.jsonl:2:
unknownopt  1  frobnicate
goodbad     2  nope.txt: cannot open
goodempty   0  empty.txt
EOF
finish
