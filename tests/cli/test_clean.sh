# precis clean: golden outputs on invented articles, input forms, bad input, exit codes.
. tests/cli/lib.sh
FX=tests/fixtures/clean

# Golden tests: each invented article against its expected article JSON
# (regenerate with: for f in tests/fixtures/clean/*.txt; do build/precis clean -f json "$f" > "${f%.txt}.json"; done
# after checking the new output by eye).
for f in "$FX"/*.txt; do
    n=$(basename "$f" .txt)
    p clean -f json "$f"
    check "golden_$n" cmp -s "$TMP/out" "$FX/$n.json"
done
# Cross-document learning: a line in every document of a batch is boilerplate.
p clean -f jsonl "$FX/batch"
check golden_batch cmp -s "$TMP/out" "$FX/batch.jsonl"
check batch_learns_recurring_line grep -q '"class":"boilerplate"' "$TMP/out"
p clean --no-learn -f jsonl "$FX/batch"
check no_learn_keeps_recurring_line sh -c "! grep -q boilerplate '$TMP/out'"

# text format: title, blank line, text; --explain marks every line
p clean "$FX/en_blog.txt"
check text_starts_with_title sh -c "head -1 '$TMP/out' | grep -qx 'Small Museum Finds Lost Painting in Its Own Basement'"
check text_has_no_debris sh -c "! grep -q 'Like this' '$TMP/out'"
p clean --explain "$FX/en_blog.txt"
check explain_title grep -q '^T Small Museum' "$TMP/out"
check explain_reason grep -q '^- \[dateline: date line\] Published:' "$TMP/out"
check explain_kept grep -q '^+ "We had walked' "$TMP/out"

# input forms: stdin, gzip, CRLF, JSONL with ids
p clean -f json - < "$FX/de_zeitung.txt"
check stdin_reads grep -q '"date":"2021-03-12T14:30:00"' "$TMP/out"
gzip -c "$FX/de_zeitung.txt" > "$TMP/z.txt.gz"
p clean -f json "$TMP/z.txt.gz"
check gzip_reads grep -q '"author":"Anna Beispiel"' "$TMP/out"
sed 's/$/\r/' "$FX/en_ticker.txt" > "$TMP/crlf.txt"
p clean "$TMP/crlf.txt"; cp "$TMP/out" "$TMP/crlf.out"
p clean "$FX/en_ticker.txt"
check crlf_same_as_lf cmp -s "$TMP/out" "$TMP/crlf.out"
printf '{"id":"k1","url":"https://example.org/a","text":"Home\\nShare this:\\n\\nThe council met on Monday to discuss the budget for the coming year and agreed to cut spending.\\n"}\n{"id":7,"text":"Subscribe now"}\n' > "$TMP/in.jsonl"
p clean -f jsonl "$TMP/in.jsonl"
check jsonl_two_docs test "$(wc -l < "$TMP/out")" -eq 2
check jsonl_keeps_id grep -q '"id":"k1","url":"https://example.org/a"' "$TMP/out"
check jsonl_numeric_id grep -q '"id":"7"' "$TMP/out"
check jsonl_one_empty_is_ok test "$rc" -eq 0
printf '{"id":"x","html":"<p>hi</p>"}\n' > "$TMP/html.jsonl"
p clean "$TMP/html.jsonl"
check jsonl_html_only_exit_2 test "$rc" -eq 2
check jsonl_html_only_says_extract grep -q "precis extract" "$TMP/err"

# bad input and exit codes
p clean; check no_input_exit_1 test "$rc" -eq 1
p clean --format xml "$FX/en_blog.txt"; check bad_format_exit_1 test "$rc" -eq 1
p clean --help; check help_exit_0 test "$rc" -eq 0
check help_mentions_explain grep -q -- '--explain' "$TMP/out"
printf 'Home\nShare this:\nSubscribe\n0 $\n' > "$TMP/debris.txt"
p clean "$TMP/debris.txt"
check only_debris_exit_3 test "$rc" -eq 3
check only_debris_says_so grep -q "no article text found" "$TMP/err"
: > "$TMP/empty.txt"
p clean "$TMP/empty.txt"; check empty_exit_3 test "$rc" -eq 3
echo '[]' > "$TMP/empty_array.json"
p clean "$TMP/empty_array.json"
check empty_array_exit_3 test "$rc" -eq 3
check empty_array_named grep -q "empty_array.json: no article found" "$TMP/err"
p clean "$FX/en_blog.txt" "$TMP/does-not-exist.txt"
check missing_file_exit_2 test "$rc" -eq 2
check missing_file_named grep -q "does-not-exist.txt" "$TMP/err"
check missing_file_rest_processed grep -q "Small Museum" "$TMP/out"
head -c 2000000 /dev/zero | tr '\0' 'a' > "$TMP/giant.txt"
p clean "$TMP/giant.txt"
check giant_line_exit_2 test "$rc" -eq 2
check giant_line_names_limit grep -q "limit" "$TMP/err"
p clean --max-article 100 "$FX/en_blog.txt"
check article_cap_exit_2 test "$rc" -eq 2
printf 'Ein Satz mit \000 NUL und \377\376 kaputtem UTF-8, der lang genug ist, um als Absatz zu gelten.\r\rNoch ein Absatz mit CR-Zeilenenden, der ebenfalls lang genug ist, um zu zählen.\n\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d\n' > "$TMP/weird.txt"
p clean -f json "$TMP/weird.txt"
check weird_bytes_no_crash test "$rc" -eq 0 -o "$rc" -eq 3

# The five seeds (read in place, never copied): one title where they have one,
# the stated date, and the number of debris lines checked by eye.
if [ -d "$SHARED/seeds" ]; then
    seed() { # file-prefix, expected title (true/false), date, removed lines, paragraphs
        p clean -f json "$SHARED/seeds/$1"_*.txt
        got=$(jq -c '[(.title != null), .date, (.removed|length), (.text|split("\n\n")|length)]' "$TMP/out" 2>/dev/null)
        check "seed_$1" test "$got" = "[$2,$3,$4,$5]"
    }
    if command -v jq >/dev/null 2>&1; then
        seed 000 false null 3 10
        seed 001 true null 14 8
        seed 002 true '"2018-05-29"' 5 12
        seed 003 true null 4 13
        seed 004 true '"2021-03"' 9 8
    else
        skip "seeds (no jq)"
    fi
else
    skip "seeds (no ../shared/seeds)"
fi
# late_title: a headline taken for a short line before the article (after the outlet's name)
# is given back as the title; the rule asks for that reason by identity (R_SHORT_BEFORE)
p clean --format json "tests/fixtures/story/vask/articles/a_dornhaven_gazette.txt"
check "clean: a headline first judged a short line before the article is the title" \
    jq -e '.title == "Old Vask Bridge partly collapses, nine injured"' "$TMP/out"
finish
