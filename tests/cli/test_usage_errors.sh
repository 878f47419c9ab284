# docs/cli.md: a bad option value is a usage error (exit 1), found before any
# input is read, whichever command takes the option.
. tests/cli/lib.sh
S=${PRECIS_ROOT:-.}/examples/story
for cmd in summarize digest; do
    p "$cmd" --lang xx "$S"
    check "${cmd}_bad_lang_exit_1" test "$rc" -eq 1
    check "${cmd}_bad_lang_named" grep -q "unsupported language 'xx'" "$TMP/err"
    check "${cmd}_bad_lang_no_output" test ! -s "$TMP/out"
done
# Numeric option values: one rule and one message for every command (cli_opt_whole /
# cli_opt_real in cli/main.c): "precis: CMD: OPT needs a [whole ]number ..., not 'VALUE'",
# exit 1, nothing on stdout. Before, "clean --max-article -5" was taken as 2^64-5,
# "cluster --max-open 1.5" as 1, and each command worded the refusal its own way.
refused() { # CMD OPT VALUE, about the run just made
    [ "$rc" = 1 ] && [ ! -s "$TMP/out" ] && [ "$(wc -l < "$TMP/err")" = 1 ] &&
        grep -q "^precis: $1: $2 needs a \(whole \)\?number .*, not '$3'\$" "$TMP/err"
}
while read -r cmd flag opt; do
    for v in abc -5 99999999999999999999 12x ' 7' +7 ''; do
        # serve: a value taken by mistake must not leave a server running (the store
        # cannot be made in a missing directory)
        if [ "$cmd" = serve ]; then p serve --db "$TMP/missing/s.db" $flag "$v"; else p $cmd $flag "$v" "$S"; fi
        check "$cmd $opt '$v': exit 1, the one message naming the value" refused "$cmd" "$opt" "$v"
    done
done <<'EOF2'
summarize -w -w/--words
summarize --words -w/--words
summarize -b -b/--bytes
summarize --sentences --sentences
digest -w -w/--words
digest --max-stories --max-stories
digest --threshold --threshold
cluster --threshold --threshold
cluster --quiet-days --quiet-days
cluster --dup-threshold --dup-threshold
cluster --max-open --max-open
clean --year --year
clean --max-article --max-article
serve --port --port
serve --threads --threads
serve --timeout --timeout
EOF2
p cluster --max-open 1.5 "$S"; check "cluster --max-open 1.5: not a whole number" refused cluster --max-open 1.5
p clean --max-article -5 "$S"; check "clean --max-article -5: refused (was 2^64-5)" refused clean --max-article -5
for opt in -l -b -n -c -p -w --max-bytes; do
    for v in abc 12x 99999999999999999999; do
        p eval rouge $opt "$v" "$S"
        check "eval rouge $opt '$v': exit 1, the one message" refused "eval rouge" "$opt" "$v"
    done
done
# decimal values are decimal: strtod alone reads hex floats ("0x1p-2" was 0.25, "0x10" 16)
for v in 0x1p-2 0X.8 0x10; do
    p cluster --threshold "$v" "$S"; check "cluster --threshold '$v': not a decimal number" refused cluster --threshold "$v"
    p eval rouge -c "$v" "$S"; check "eval rouge -c '$v': not a decimal number" refused "eval rouge" -c "$v"
done
p cluster --online --threshold 2.5e-1 "$S"; check "cluster --threshold 2.5e-1: a decimal exponent is taken" test "$rc" = 0
# eval rouge's other checked values name the option, not the value given after it
p eval rouge -f C --models "$S"
check "eval rouge -f C: names -f and its values" sh -c "[ $rc = 1 ] && grep -q \"eval rouge: -f takes A (pool the counts over the references) or B (the best reference), not 'C'\" '$TMP/err'"
p eval rouge --format xml --models "$S"
check "eval rouge --format xml: names the formats" sh -c "[ $rc = 1 ] && grep -q \"eval rouge: unknown format 'xml' (text, json or tsv)\" '$TMP/err'"
# summarize named argv[0] for a bundled unknown short option ("-xw 5": unknown option 'precis: summarize')
p summarize -xw 5 "$S"
check "summarize -xw 5: names -x" sh -c "[ $rc = 1 ] && grep -q \"^precis: summarize: invalid option -- 'x'\" '$TMP/err' && grep -q 'precis summarize --help' '$TMP/err'"
p summarize "$S" --words
check "summarize --words (no value): names --words" sh -c "[ $rc = 1 ] && grep -q \"^precis: summarize: option '--words' requires an argument\" '$TMP/err'"
finish
