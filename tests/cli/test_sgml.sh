# Newswire SGML (NIST/LDC <DOC> files: DUC, TAC, Gigaword styles) read by
# summarize, summarize --batch, digest, cluster and ingest: one article per
# <DOC> (src/text/sgml.c); damaged input named, the DOCs before it kept.
# Fixtures: invented agencies (KNA, VXN, LWT, KT), people and places.
. tests/cli/lib.sh
FX=${PRECIS_ROOT:-.}/tests/fixtures/sgml
DUC=$FX/duc_style.sgml
GIGA=$FX/gigaword_style.sgml
NYT=$FX/nyt_style.sgml
LAT=$FX/lat_style.sgml

# summarize: read, not refused as an HTML page; DOCNO ids, wire debris out
p summarize --format json "$DUC"
check sum_duc_exit_0 test "$rc" -eq 0
check sum_duc_not_html sh -c "! grep -q 'HTML page' '$TMP/err'"
check sum_duc_docno_ids grep -q '"doc":"KNA19981016.0240"' "$TMP/out"
check sum_duc_entity_decoded grep -q 'Talby & Sons' "$TMP/out"
check sum_duc_no_tags sh -c "! grep -Eq '<(TEXT|DOC|P)>|NNNN|BC-Kerrow|NEWS STORY' '$TMP/out'"
p summarize --format json "$GIGA"
check sum_giga_exit_0 test "$rc" -eq 0
check sum_giga_id_attr grep -q '"doc":"VXN_ENG_19981020.000[12]"' "$TMP/out"
check sum_giga_no_dateline sh -c "! grep -q 'KERROW, Oct. 20' '$TMP/out'"
p summarize --format json "$NYT"
check sum_nyt_exit_0 test "$rc" -eq 0
check sum_nyt_no_preamble sh -c "! grep -Eq 'EDITORS|TOMAS HALE|Optional add end|NYT-10-18|&QL;' '$TMP/out'"
p summarize "$LAT"
check sum_lat_exit_0 test "$rc" -eq 0
check sum_lat_no_byline sh -c "! grep -q 'MIRA CALDER' '$TMP/out'"

# a file with several DOCs is several documents of one cluster
p summarize --format json -w 200 "$GIGA"
check sum_many_docs sh -c "grep -o '\"doc\":\"VXN[^\"]*\"' '$TMP/out' | sort -u | wc -l | grep -qx '[23]'"

# --batch: each sub-directory one cluster; nested TAC-like sets are one cluster per directory
mkdir -p "$TMP/b/D0901A/D0901A-A" "$TMP/b/D0901A/D0901A-B" "$TMP/b/D0902B"
cp "$DUC" "$TMP/b/D0901A/D0901A-A/"; cp "$NYT" "$TMP/b/D0901A/D0901A-A/"
cp "$GIGA" "$TMP/b/D0901A/D0901A-B/"; cp "$LAT" "$TMP/b/D0902B/"
p summarize --batch -w 60 -o "$TMP/bo" "$TMP/b"
check batch_exit_0 test "$rc" -eq 0
check batch_nested_a test -s "$TMP/bo/D0901A-A.txt"
check batch_nested_b test -s "$TMP/bo/D0901A-B.txt"
check batch_flat test -s "$TMP/bo/D0902B.txt"
check batch_three_clusters test "$(ls "$TMP/bo" | wc -l)" -eq 3
p summarize --batch -w 60 "$TMP/b"
check batch_jsonl_ids grep -q '"id":"D0901A-B"' "$TMP/out"

# cluster / digest: one article per DOC with id, title, date, site
p cluster --format jsonl "$DUC" "$GIGA" "$NYT" "$LAT"
check cluster_exit_0 test "$rc" -eq 0
check cluster_eight_articles test "$(wc -l < "$TMP/out")" -eq 8
check cluster_docno_id grep -q '"id":"KNA19981016.0240"' "$TMP/out"
check cluster_headline_title grep -q '"title":"Kerrow closes harbour bridge after cracks found"' "$TMP/out"
check cluster_date_time grep -q '"id":"KNA19981016.0240".*"date":"1998-10-16T12:07:00"' "$TMP/out"
check cluster_site_code grep -q '"id":"VXN_ENG_19981020.0001".*"site":"VXN"' "$TMP/out"
check cluster_date_from_id grep -q '"id":"VXN_ENG_19981021.0010".*"date":"1998-10-21"' "$TMP/out"
check cluster_lat_date_tag grep -q '"id":"KT101898-0045".*"date":"1998-10-18"' "$TMP/out"
check cluster_docid_fallback grep -q '"id":"46".*"date":null' "$TMP/out"
check cluster_entity_title grep -q "\"title\":\"Shops on Kerrow's north bank ask for help\"" "$TMP/out"
check cluster_empty_doc_named grep -q 'gigaword_style.sgml:49: DOC 3 (VXN_ENG_19981021.0007): empty <TEXT>' "$TMP/err"
check cluster_one_story sh -c "grep -v '\"id\":\"46\"' '$TMP/out' | grep -o '\"story\":\"[^\"]*\"' | sort -u | wc -l | grep -qx 1"
p digest --format json "$FX"
check digest_exit_0 test "$rc" -eq 0
check digest_sources grep -q '"n_sources":7' "$TMP/out"
check digest_text_entities sh -c "! grep -q '&amp;\\|&quot;\\|&#39;' '$TMP/out'"
p digest "$FX"
check digest_text_exit_0 test "$rc" -eq 0
check digest_headline grep -q 'Kerrow closes harbour bridge after cracks found' "$TMP/out"

# ingest
p ingest --db "$TMP/s.db" "$FX"
check ingest_exit_0 test "$rc" -eq 0
check ingest_counts grep -q '^added 10,' "$TMP/out"

# sniffed by content (any name, gzip, XML declaration and DOCSTREAM wrapper, lower case tags)
gzip -c "$DUC" > "$TMP/wire.gz"
p cluster "$TMP/wire.gz"
check gzip_two_docs test "$(wc -l < "$TMP/out")" -eq 2
{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE DOCSTREAM SYSTEM "x.dtd">\n<DOCSTREAM>\n'
  sed 's/<DOC id=/<doc id=/; s#</DOC>#</doc>#' "$GIGA"; printf '</DOCSTREAM>\n'; } > "$TMP/stream.xml"
p cluster --format jsonl "$TMP/stream.xml"
check docstream_exit_0 test "$rc" -eq 0
check docstream_three test "$(wc -l < "$TMP/out")" -eq 3
p summarize "$TMP/stream.xml"
check docstream_summarize test "$rc" -eq 0

# a <DOCTYPE html> page is still a page
printf '<!DOCTYPE html><html><body><p>x</p></body></html>\n' > "$TMP/page.html"
p summarize "$TMP/page.html"
check html_still_refused grep -q 'an HTML page' "$TMP/err"

# damage: no </DOC> (truncated file), a <DOC> inside a DOC, text outside DOCs
head -n 40 "$DUC" > "$TMP/trunc.sgml"
p cluster "$TMP/trunc.sgml"
check trunc_exit_2 test "$rc" -eq 2
check trunc_first_kept grep -q '^KNA19981016.0240' "$TMP/out"
check trunc_named grep -q 'trunc.sgml:30: DOC 2 (KNA19981017.0031): no </DOC> before the end of the file' "$TMP/err"
p summarize "$TMP/trunc.sgml"
check trunc_sum_exit_2 test "$rc" -eq 2
check trunc_sum_named grep -q 'trunc.sgml:30: DOC 2 (KNA19981017.0031): no </DOC>' "$TMP/err"
check trunc_sum_output test -s "$TMP/out"
grep -v '^</DOC>' "$DUC" | head -n 28 > "$TMP/nested.sgml"; cat "$DUC" >> "$TMP/nested.sgml"
p cluster "$TMP/nested.sgml"
check nested_exit_2 test "$rc" -eq 2
check nested_named grep -q 'nested.sgml:1: DOC 1 (KNA19981016.0240): no </DOC> before the <DOC> on line 29' "$TMP/err"
check nested_rest_kept test "$(wc -l < "$TMP/out")" -eq 2
{ cat "$DUC"; printf 'stray words after the last DOC\n'; } > "$TMP/stray.sgml"
p cluster "$TMP/stray.sgml"
check stray_exit_2 test "$rc" -eq 2
check stray_named grep -q 'stray.sgml:56: .* outside <DOC> elements, not read' "$TMP/err"
check stray_docs_kept test "$(wc -l < "$TMP/out")" -eq 2

# binary after a <DOC> start: refused by name, no crash
{ printf '<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>\n'; head -c 20000 /dev/urandom; } > "$TMP/bin.sgml"
p cluster "$TMP/bin.sgml"
check binary_cluster_named sh -c "test $rc -eq 2 -o $rc -eq 3 && grep -q 'bin.sgml' '$TMP/err'"
p summarize "$TMP/bin.sgml"
check binary_summarize_named sh -c "test $rc -ne 0 && test $rc -ne 4 && grep -q 'bin.sgml' '$TMP/err'"

# per-DOC cap (limits.max_article_bytes, 5 MiB): the big DOC is named, the next one kept
{ printf '<DOC>\n<DOCNO> BIG19981016.0001 </DOCNO>\n<TEXT>\n'
  awk 'BEGIN { for (i = 0; i < 90000; i++) print "The ferry crossed the harbour again and again in the rain." }'
  printf '</TEXT>\n</DOC>\n'; sed -n '30,$p' "$DUC"; } > "$TMP/big.sgml"
p cluster "$TMP/big.sgml"
check big_doc_exit_2 test "$rc" -eq 2
check big_doc_named grep -q 'big.sgml:1: DOC 1: [0-9]* bytes, over the 5242880-byte limit for one DOC' "$TMP/err"
check big_doc_next_kept grep -q '^KNA19981017.0031' "$TMP/out"
p summarize "$TMP/big.sgml"
check big_doc_sum_exit_2 test "$rc" -eq 2
check big_doc_sum_named grep -q 'big.sgml:1: DOC 1: [0-9]* bytes, over the 5242880-byte limit' "$TMP/err"

# paragraphs marked by indentation only (AP TIPSTER style, no <P>): split, entities decoded
AP=$FX/ap_indent_style.sgml
p summarize --format json -w 200 "$AP"
check ap_indent_exit_0 test "$rc" -eq 0
check ap_indent_entities sh -c "grep -q 'René Aalto' '$TMP/out' && ! grep -q '&eacute;\|&mdash;' '$TMP/out'"

# --batch FILE.sgml: the file's DOCs are one cluster named after it (DUC/TAC ship a topic per
# file); before, refused as "not JSON Lines of clusters"
cp "$GIGA" "$TMP/D0903C.sgml"
p summarize --batch -w 60 -o "$TMP/bf" "$TMP/D0903C.sgml" "$FX/ap_indent_style.sgml"
check batch_file_exit_0 test "$rc" -eq 0
check batch_file_named test -s "$TMP/bf/D0903C.txt"
check batch_file_second test -s "$TMP/bf/ap_indent_style.txt"
p summarize -w 60 "$TMP/D0903C.sgml"
check batch_file_same_as_single cmp -s "$TMP/out" "$TMP/bf/D0903C.txt"
p summarize --batch "$TMP/D0903C.sgml"
check batch_file_jsonl_id grep -q '^{"id":"D0903C",' "$TMP/out"
check help_batch_sgml_file sh -c "'$PRECIS' summarize --help | tr '\n' ' ' | grep -q 'SGML file INPUT is one cluster'"

# clean and extract read each <DOC> as an article (before: the whole file one page or text,
# every DOC's fields and texts run together, '&amp;' left in by clean)
p clean "$AP" "$DUC"
check clean_exit_0 test "$rc" -eq 0
check clean_doc_ids sh -c "grep -q '^==> KP890314-0021 <==' '$TMP/out' && grep -q '^==> KNA19981017.0031 <==' '$TMP/out'"
check clean_doc_title grep -q '^Ferry Crews Strike at Kerrow Harbour$' "$TMP/out"
check clean_no_markup sh -c "! grep -Eq '<(TEXT|DOC|HEAD|DOCNO)>|&amp;|&eacute;|BC-Kerrow|NNNN' '$TMP/out'"
p clean -f jsonl "$GIGA"
check clean_sgml_jsonl sh -c "grep -c '^{\"id\":\"VXN_ENG_1998102' '$TMP/out' | grep -qx 3"
check clean_sgml_date grep -q '"id":"VXN_ENG_19981021.0010".*"date":"1998-10-21"' "$TMP/out"
check clean_empty_doc_named grep -q 'gigaword_style.sgml:49: DOC 3 (VXN_ENG_19981021.0007): empty <TEXT>' "$TMP/err"
p extract "$AP"
check extract_exit_0 test "$rc" -eq 0
check extract_paragraphs sh -c "grep -q '^The crews. union, led by René Aalto' '$TMP/out' && grep -c '^\$' '$TMP/out' | grep -qx '[4-9]'"
check extract_docs_form_feed sh -c "grep -c \"\$(printf '\\f')\" '$TMP/out' | grep -qx 1"
p extract -f json "$GIGA"
check extract_json_array sh -c "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [x[\"id\"] for x in d] == [\"VXN_ENG_19981020.0001\", \"VXN_ENG_19981020.0002\", \"VXN_ENG_19981021.0010\"]' '$TMP/out'"
check extract_json_fields grep -q '"id":"VXN_ENG_19981020.0002","url":null,"site":"VXN","title":"Shops on Kerrow' "$TMP/out"
p extract - < "$NYT"
check extract_stdin_sgml sh -c "test $rc -eq 0 && grep -q 'Palmer Street bridge' '$TMP/out' && ! grep -q 'TOMAS HALE' '$TMP/out'"
printf '<DOC>\n<DOCNO> KNA1 </DOCNO>\n<TEXT>\ncut off' > "$TMP/trunc.sgml"
p extract "$TMP/trunc.sgml"
check extract_damaged_exit_2 sh -c "test $rc -eq 2 && grep -q 'trunc.sgml:1: DOC 1 (KNA1): no </DOC>' '$TMP/err'"
check help_clean_sgml sh -c "'$PRECIS' clean --help | tr '\n' ' ' | grep -q 'newswire SGML'"
check help_extract_sgml sh -c "'$PRECIS' extract --help | tr '\n' ' ' | grep -q 'Newswire SGML'"

# --help tells
for c in summarize digest cluster ingest; do
    check "help_$c" sh -c "'$PRECIS' $c --help | tr '\n' ' ' | grep -q 'SGML'"
done
finish
