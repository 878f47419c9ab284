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
finish
