# precis extract: formats, inputs (files, dirs, stdin, gzip, WARC), exit codes, bad input.
. tests/cli/lib.sh
FIX=${PRECIS_ROOT:-.}/tests/fixtures/html
G=$FIX/harbour_gazette.html

p extract "$G"
check text_exit_0 test "$rc" -eq 0
check text_has_article grep -q "Portwhistle and Kelmar Island reopened" "$TMP/out"
check text_drops_comments sh -c "! grep -q grandmother '$TMP/out'"
check text_drops_cookie_banner sh -c "! grep -qi 'cookies' '$TMP/out'"

p extract --format json "$G"
check json_one_object grep -q '^{"id":null,"url":"https://harbourgazette.example/news/2031/03/14/ferry-kelmar-resumes","site":"The Harbour Gazette","title":"Ferry service to Kelmar Island resumes after storm","date":"2031-03-14T08:30:00+01:00","author":"Mira Castellane","lang":"en","text":"' "$TMP/out"

p extract --format jsonl "$G" "$FIX/latin1_cafe.html"
check jsonl_two_lines test "$(wc -l < "$TMP/out")" -eq 2
check latin1_decoded grep -q 'Das Café Kröger in der Mühlenstraße' "$TMP/out"
p extract --format jsonl --url https://other.example/x "$G" # -u names one page (test_user_inputs.sh)
check url_option_wins grep -q '"url":"https://other.example/x"' "$TMP/out"

p extract --all-text "$G"
check all_text_keeps_comments grep -q grandmother "$TMP/out"

gzip -c "$G" > "$TMP/page.html.gz"
p extract - < "$TMP/page.html.gz"
check stdin_gzip grep -q "Kelmar Island reopened" "$TMP/out"

mkdir -p "$TMP/dir/sub"
cp "$G" "$TMP/dir/b.html"; cp "$FIX/latin1_cafe.html" "$TMP/dir/sub/a.html"
p extract --format json "$TMP/dir"
check dir_json_array sh -c "head -1 '$TMP/out' | grep -qx '\[' && tail -1 '$TMP/out' | grep -qx '\]'"

p extract "$FIX/no_article.html"
check no_article_exit_3 test "$rc" -eq 3
check no_article_message grep -q "no_article.html: no article found" "$TMP/err"

p extract "$G" "$TMP/missing.html"
check missing_input_exit_2 test "$rc" -eq 2
check missing_input_named grep -q "missing.html" "$TMP/err"
check missing_input_rest_printed grep -q "Kelmar" "$TMP/out"

p extract --format xml "$G"
check bad_format_exit_1 test "$rc" -eq 1
p extract
check no_input_exit_1 test "$rc" -eq 1
p extract --help
check help_mentions_warc grep -q "WARC" "$TMP/out"

head -c 20000 /dev/urandom > "$TMP/binary.html"
p extract "$TMP/binary.html"
check binary_no_crash test "$rc" -le 3

awk 'BEGIN{for(i=0;i<10000;i++) printf "<div>"; print "<p>deep</p>"}' > "$TMP/deep.html"
p extract "$TMP/deep.html"
check deep_nesting_limit_exit_2 test "$rc" -eq 2
check deep_nesting_message grep -q "nested deeper than 512" "$TMP/err"

# a small WARC: warcinfo, two HTML responses (one without article), a PNG, a bad record
html1='<html><head><title>Kite festival</title></head><body><p>More than two hundred kites filled the sky above Dunmore beach on Sunday, the biggest festival in the town'"'"'s history.</p></body></html>'
html2='<nav><a href="/">Home</a></nav>'
rec() { # uri, http body
    body=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s' "$2")
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n' \
        "$1" "$(printf '%s' "$body" | wc -c)" "$body"
}
# one gzip member per record, as Common Crawl writes them
{ printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n' | gzip -c
  rec http://kites.example/2030/05/12/festival "$html1" | gzip -c
  rec http://kites.example/ "$html2" | gzip -c
  printf 'WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: x\r\n\r\n' | gzip -c
} > "$TMP/crawl.warc.gz"
p extract --no-progress "$TMP/crawl.warc.gz"
check warc_one_jsonl_line test "$(wc -l < "$TMP/out")" -eq 1
check warc_url_and_date grep -q '"url":"http://kites.example/2030/05/12/festival".*"date":"2030-05-12"' "$TMP/out"
check warc_bad_record_named grep -q "record 4" "$TMP/err"
check warc_summary grep -q "2 HTML pages, 1 article, 1 without an article, 1 bad record" "$TMP/err"
check warc_exit_2 test "$rc" -eq 2
zcat "$TMP/crawl.warc.gz" > "$TMP/crawl.warc"
p extract --warc --format text - < "$TMP/crawl.warc"
check warc_stdin_text grep -q "two hundred kites" "$TMP/out"
p extract --progress "$TMP/crawl.warc"
check progress_forced grep -q "pages" "$TMP/err"

if [ -d "$SHARED/data/extraction/trafilatura/eval" ]; then
    ls "$SHARED/data/extraction/trafilatura/eval" | head -25 | sed "s|^|$SHARED/data/extraction/trafilatura/eval/|" > "$TMP/list"
    tr "\n" "\0" < "$TMP/list" | xargs -0 "$PRECIS" extract --format jsonl > "$TMP/out" 2>"$TMP/err"; rc=$?
    check real_pages_no_crash test "$rc" -le 3
    check real_pages_output test "$(wc -l < "$TMP/out")" -ge 20
else
    skip "real_pages (no ../shared/data)"
fi
# A page of more elements than the parser's memory cap allows is refused naming the cap,
# not as if the machine were out of memory (580,000 paragraphs, 5.2 MB).
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 580000; i++) printf "<p>x.</p>"; print "</body></html>" }' > "$TMP/many.html"
p extract "$TMP/many.html"
check many_elements_exit_2 test "$rc" -eq 2
check many_elements_names_the_cap grep -q "parser's memory cap" "$TMP/err"
finish
