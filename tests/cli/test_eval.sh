# precis eval rouge: the DUC 2004 golden test against ROUGE-1.5.5's published
# output, and bad input (missing dirs, empty, binary, invalid UTF-8, huge lines,
# broken JSONL).
. tests/cli/lib.sh

# compare OURS.tsv OFFICIAL_PREFIX NAME: checks every average point value,
# every bootstrap interval and every per-topic R/P/F to the printed 5 decimals.
# ROUGE-L is sentence-sensitive and the distributed peer files do not keep the
# sentence splits the official run used (e.g. DPP's summaries are one line),
# so ROUGE-L is held to a tolerance instead (0.005 on the averages; 0.05 for
# DPP, whose files put a whole summary on one line) and its exact count printed.
compare() {
    ours=$1 off=$2 name=$3
    awk -F'\t' -v name="$name" '
        FNR == 1 { f++ }
        f == 1 && FNR > 1 { k = $1 "|" $2 "|" $3; v[k] = $4; lo[k] = $5; hi[k] = $6; next }
        f == 2 && /^$/ { exit }
        f == 2 && FNR > 1 {
            k = $1 "|" $2 "|" $3
            if (!(k in v)) { extra++; next }
            seen[k] = 1
            if ($2 == "ROUGE-L") {
                nl++; if ($4 == v[k]) okl++
                d = $4 - v[k]; if (d < 0) d = -d
                if (d > ($1 == "DPP" ? 0.05 : 0.005)) { badl++; print "  ROUGE-L " k ": " $4 " want " v[k] > "/dev/stderr" }
                next
            }
            n++; if ($4 == v[k]) ok++; else if (bad++ < 5) print "  avg " k ": " $4 " want " v[k] > "/dev/stderr"
            nci++; if ($5 == lo[k] && $6 == hi[k]) okci++
            else if (cibad++ < 5) print "  ci " k ": " $5 "-" $6 " want " lo[k] "-" hi[k] > "/dev/stderr"
        }
        END {
            for (k in v) if (!(k in seen)) missing++
            printf "# %s averages: %d/%d point values and %d/%d intervals exact (ROUGE-L: %d/%d exact), %d missing\n", name, ok, n, okci, nci, okl, nl, missing + extra
            exit !(n > 0 && ok == n && okci == nci && badl == 0 && missing + extra == 0)
        }' "$off"_average.tsv "$ours" || return 1
    awk -F'\t' -v name="$name" '
        FNR == 1 { f++ }
        f == 1 && FNR > 1 { k = $1 "|" $2 "|" $3; r[k] = $4; p[k] = $5; fm[k] = $6; next }
        f == 2 && /^$/ { body = 1; next }
        f == 2 && body && $1 != "system" {
            k = $1 "|" $2 "|" $3
            if (!(k in r)) { extra++; next }
            seen[k] = 1
            same = ($4 == r[k]) + ($5 == p[k]) + ($6 == fm[k])
            if ($3 == "ROUGE-L") { nl += 3; okl += same; next }
            n += 3; ok += same
            if (same < 3 && bad++ < 5) print "  topic " k ": " $4 " " $5 " " $6 " want " r[k] " " p[k] " " fm[k] > "/dev/stderr"
        }
        END {
            for (k in r) if (!(k in seen)) missing++
            printf "# %s per topic: %d/%d values exact (ROUGE-L: %d/%d exact), %d missing\n", name, ok, n, okl, nl, missing + extra
            exit !(n > 0 && ok == n && missing + extra == 0)
        }' "$off"_per_topic.tsv "$ours"
}

# ---- usage --------------------------------------------------------------------
p eval; check eval_no_args_exit_1 test "$rc" -eq 1
p eval --help; check eval_help_lists_rouge grep -q '^  rouge' "$TMP/out"
p eval rouge --help; check rouge_help_exit_0 test "$rc" -eq 0
check rouge_help_shows_options grep -q -- '--models DIR' "$TMP/out"
p eval rouge; check rouge_no_inputs_exit_1 test "$rc" -eq 1
p eval bleu; check eval_unknown_evaluator_exit_1 test "$rc" -eq 1
p eval rouge -l 10 -b 10 --models "$TMP" --peers "$TMP"
check words_and_bytes_exit_1 test "$rc" -eq 1
check words_and_bytes_message grep -q 'not both' "$TMP/err"
p eval rouge -3 HM --models "$TMP" --peers "$TMP"; check unsupported_be_exit_1 test "$rc" -eq 1
p eval rouge -w 0 --models "$TMP" --peers "$TMP"; check zero_w_weight_exit_1 test "$rc" -eq 1
p eval rouge -n x --models "$TMP" --peers "$TMP"; check bad_number_exit_1 test "$rc" -eq 1
p eval rouge --frobnicate; check unknown_option_exit_1 test "$rc" -eq 1
p eval rouge config.xml; check config_without_system_exit_1 test "$rc" -eq 1

# ---- a small invented set ---------------------------------------------------------
M="$TMP/models"; P="$TMP/peers"
mkdir -p "$M" "$P/sysA" "$P/sysB"
printf 'The harbour bridge reopened on Monday after repairs.\nTraffic in the old town eased.\n' > "$M/t1.m.a"
printf 'Repairs closed the harbour bridge for a month.\nIt reopened Monday.\n' > "$M/t1.m.b"
printf 'Farmers in the valley expect a late harvest.\nRain delayed the planting.\n' > "$M/t2.m.a"
printf 'The bridge reopened on Monday.\nTraffic eased.\n' > "$P/sysA/t1.txt"
printf 'Rain delayed planting, so the harvest will be late.\n' > "$P/sysA/t2.txt"
printf 'A bridge in the harbour was repaired.\n' > "$P/sysB/t1.txt"
printf 'Farmers expect rain.\n' > "$P/sysB/t2.txt"
p eval rouge -n 2 -m --models "$M" --peers "$P"
check small_set_exit_0 test "$rc" -eq 0
check small_set_line_format grep -Eq '^sysA ROUGE-2 Average_R: 0\.[0-9]{5} \(95%-conf\.int\. 0\.[0-9]{5} - 0\.[0-9]{5}\)$' "$TMP/out"
check small_set_both_systems grep -q '^sysB ROUGE-L Average_F' "$TMP/out"
check small_set_quiet test ! -s "$TMP/err"
p eval rouge -n 2 -m --format json -d --models "$M" --peers "$P/sysA"
check json_system grep -q '"system": "sysA"' "$TMP/out"
check json_topics grep -q '"topic": "t2"' "$TMP/out"
p eval rouge -n 1 -d --format tsv --models "$M" --peers "$P"
check tsv_header grep -q "^system	metric	stat	value	ci95_low	ci95_high$" "$TMP/out"
check tsv_per_topic grep -q "^sysB	t2	ROUGE-1	" "$TMP/out"
# Two --peers give the same result as the directory of systems.
p eval rouge -n 2 --models "$M" --peers "$P"; cp "$TMP/out" "$TMP/both"
p eval rouge -n 2 --models "$M" --peers "$P/sysA" --peers "$P/sysB"
check two_peers_same_as_dir cmp -s "$TMP/out" "$TMP/both"

# The bundled example, as directories and as JSONL, gives the same scores.
EX="$PRECIS_ROOT/examples/rouge"
p eval rouge -n 2 -2 4 -u -m -l 100 --models "$EX/models" --peers "$EX/peers/lead"
cp "$TMP/out" "$TMP/ex_dirs"
check example_runs test "$rc" -eq 0
p eval rouge -n 2 -2 4 -u -m -l 100 --refs "$EX/refs.jsonl" --summaries "$EX/lead.jsonl"
check example_jsonl_same_as_dirs cmp -s "$TMP/out" "$TMP/ex_dirs"

# The script's own inputs: an XML evaluation file (SPL and pyrouge's SEE
# format) and the -z file list give the same scores as the directories.
C="$TMP/config"; mkdir -p "$C/see_models" "$C/see_peers"
to_see() { awk 'BEGIN { print "<html>\n<head>\n<title>x</title>\n</head>\n<body bgcolor=\"white\">" }
    { printf "<a name=\"%d\">[%d]</a> <a href=\"#%d\" id=%d>%s</a>\n", NR, NR, NR, NR, $0 }
    END { print "</body>\n</html>" }' "$1"; }
for f in "$EX"/models/*; do to_see "$f" > "$C/see_models/$(basename "$f").html"; done
for f in "$EX"/peers/lead/*; do to_see "$f" > "$C/see_peers/$(basename "$f").html"; done
xml() { # FORMAT MODEL_ROOT PEER_ROOT SUFFIX
    echo '<ROUGE-EVAL version="1.0">'
    for t in t01 t02; do
        printf '<EVAL ID="%s">\n<PEER-ROOT>\n%s\n</PEER-ROOT>\n<MODEL-ROOT>\n%s\n</MODEL-ROOT>\n' "$t" "$3" "$2"
        printf '<INPUT-FORMAT TYPE="%s">\n</INPUT-FORMAT>\n<PEERS>\n<P ID="lead">%s.txt%s</P>\n</PEERS>\n' "$1" "$t" "$4"
        printf '<MODELS>\n<M ID="A">%s.m.A%s</M>\n<M ID="B">%s.m.B%s</M>\n</MODELS>\n</EVAL>\n' "$t" "$4" "$t" "$4"
    done
    echo '</ROUGE-EVAL>'
}
xml SPL "$EX/models" "$EX/peers/lead" "" > "$C/spl.xml"
xml SEE "$C/see_models" "$C/see_peers" ".html" > "$C/see.xml"
p eval rouge -n 2 -2 4 -u -m -l 100 -a "$C/spl.xml"
check config_xml_spl_same_as_dirs cmp -s "$TMP/out" "$TMP/ex_dirs"
p eval rouge -n 2 -2 4 -u -m -l 100 "$C/see.xml" lead
check config_xml_see_same_as_dirs cmp -s "$TMP/out" "$TMP/ex_dirs"
p eval rouge -n 2 -m "$C/spl.xml"
check config_needs_system_or_a test "$rc" -eq 1
for t in t01 t02; do echo "$EX/peers/lead/$t.txt $EX/models/$t.m.A $EX/models/$t.m.B"; done > "$C/list.txt"
p eval rouge -n 2 -2 4 -u -m -l 100 -z SPL "$C/list.txt" lead
check file_list_scores_same_as_dirs cmp -s "$TMP/out" "$TMP/ex_dirs"
printf '<ROUGE-EVAL>\n<EVAL ID="1">\n<INPUT-FORMAT TYPE="SIMPLE">\n' > "$C/be.xml"
p eval rouge -a "$C/be.xml"
check config_basic_elements_refused test "$rc" -eq 2
check config_error_names_line grep -q 'be.xml:3: INPUT-FORMAT' "$TMP/err"

# ---- bad input --------------------------------------------------------------------------
p eval rouge -n 1 --models "$TMP/nowhere" --peers "$P"
check missing_models_exit_2 test "$rc" -eq 2
check missing_models_names_dir grep -q "nowhere: not a directory" "$TMP/err"
check missing_models_one_line test "$(wc -l < "$TMP/err")" -eq 1
p eval rouge -n 1 --models "$M" --peers "$TMP/nopeers"
check missing_peers_exit_2 test "$rc" -eq 2
mkdir -p "$TMP/emptydir"
p eval rouge -n 1 --models "$TMP/emptydir" --peers "$P"
check empty_models_exit_3 test "$rc" -eq 3

B="$TMP/bad"; mkdir -p "$B/empty" "$B/binary" "$B/utf8" "$B/notopic" "$B/huge"
: > "$B/empty/t1.txt"; cp "$P/sysA/t2.txt" "$B/empty/"
p eval rouge -n 1 --models "$M" --peers "$B/empty"
check empty_summary_exit_0 test "$rc" -eq 0
check empty_summary_scores_zero grep -q 'Eval\|empty ROUGE-1 Average_R' "$TMP/out"
check empty_summary_named grep -q 'empty/t1.txt: summary of system empty for topic t1 has no words' "$TMP/err"
printf 'The bridge\000\001\002\377 reopened\n' > "$B/binary/t1.txt"; cp "$P/sysA/t2.txt" "$B/binary/"
p eval rouge -n 1 --models "$M" --peers "$B/binary"
check binary_exit_2 test "$rc" -eq 2
check binary_named grep -q 'binary/t1.txt: binary data' "$TMP/err"
check binary_rest_scored grep -q '^binary ROUGE-1 Average_R' "$TMP/out"
printf 'The bridge \377\376re\300opened on Monday.\nTraffic \355\240\200eased.\n' > "$B/utf8/t1.txt"; cp "$P/sysA/t2.txt" "$B/utf8/"
p eval rouge -n 1 --models "$M" --peers "$B/utf8"
check invalid_utf8_exit_0 test "$rc" -eq 0
check invalid_utf8_scored grep -q '^utf8 ROUGE-1 Average_R: 0\.[1-9]' "$TMP/out"
cp "$P/sysA/"* "$B/notopic/"; printf 'An unrelated story.\n' > "$B/notopic/t9.txt"
p eval rouge -n 1 --models "$M" --peers "$B/notopic"
check no_references_exit_2 test "$rc" -eq 2
check no_references_named grep -q 'topic t9 has no reference summaries' "$TMP/err"
rm -f "$B/notopic/t2.txt"
p eval rouge -n 1 --models "$M" --peers "$B/notopic"
check missing_summary_named grep -q 'system notopic has no summary for topic t2' "$TMP/err"
# A 100 MB single line: over the summary size cap, named, never read whole.
yes 'bridge traffic harbour' | tr '\n' ' ' | head -c 100000000 > "$B/huge/t1.txt"
cp "$P/sysA/t2.txt" "$B/huge/"
p eval rouge -n 1 --models "$M" --peers "$B/huge"
check huge_line_exit_2 test "$rc" -eq 2
check huge_line_named grep -q 'huge/t1.txt: input of 100000000 bytes is over the 5242880-byte limit' "$TMP/err"
check huge_line_rest_scored grep -q '^huge ROUGE-1 Average_R' "$TMP/out"
p eval rouge -n 1 -x --max-bytes 200000000 -l 100 --models "$M" --peers "$B/huge"
check huge_line_with_raised_cap test "$rc" -eq 0

# ---- JSONL ---------------------------------------------------------------------------------
J="$TMP/jsonl"; mkdir -p "$J"
printf '{"id": 1, "documents": ["x"], "summary": "The harbour bridge reopened on Monday.\\nTraffic eased."}\n' > "$J/refs.jsonl"
printf '{not json at all\n' >> "$J/refs.jsonl"
printf '{"id": "2", "summaries": ["Farmers expect a late harvest.", ["Rain delayed", "the planting."]]}\n' >> "$J/refs.jsonl"
printf '{"id": "1", "summary": "The bridge reopened on Monday."}\n{"id": 2, "summary": ["Rain delayed planting."]}\n' > "$J/lead.jsonl"
printf '{"id": "1", "summary": "x", "sentences": [{"text": "The bridge reopened.", "doc": "a", "start": 0, "end": 20}]}\n' > "$J/precis.jsonl"
p eval rouge -n 2 --refs "$J/refs.jsonl" --summaries "$J/lead.jsonl" --summaries "$J/precis.jsonl"
check jsonl_bad_line_exit_2 test "$rc" -eq 2
check jsonl_bad_line_names_file_and_line grep -q 'refs.jsonl:2: not JSON' "$TMP/err"
check jsonl_scores_both_systems grep -q '^precis ROUGE-2 Average_R' "$TMP/out"
check jsonl_int_and_string_ids_match grep -q '^lead ROUGE-1 Average_R: 0\.[1-9]' "$TMP/out"
check jsonl_missing_topic_named grep -q 'system precis has no summary for topic 2' "$TMP/err"
grep -v 'not json' "$J/refs.jsonl" > "$J/refs_ok.jsonl"
p eval rouge -n 2 --refs "$J/refs_ok.jsonl" --summaries "$J/lead.jsonl"
check jsonl_clean_exit_0 test "$rc" -eq 0
printf '{"id": "1", "summary": "' > "$J/huge.jsonl"
head -c 3000000 "$B/huge/t1.txt" >> "$J/huge.jsonl"; printf '"}\n' >> "$J/huge.jsonl"
cat "$J/lead.jsonl" >> "$J/huge.jsonl"
p eval rouge -n 1 --refs "$J/refs_ok.jsonl" --summaries "$J/huge.jsonl"
check jsonl_long_line_exit_2 test "$rc" -eq 2
check jsonl_long_line_named grep -q 'huge.jsonl:1: line longer than' "$TMP/err"
head -c 4096 /dev/urandom > "$J/junk.jsonl"
p eval rouge -n 1 --refs "$J/junk.jsonl" --summaries "$J/lead.jsonl"
check jsonl_junk_no_crash test "$rc" -eq 3 -o "$rc" -eq 2
p eval rouge -n 1 --refs "$J/missing.jsonl" --summaries "$J/lead.jsonl"
check jsonl_missing_file_exit_2 test "$rc" -eq 2
check jsonl_missing_file_named grep -q 'missing.jsonl: cannot open' "$TMP/err"
rm -rf "$B/huge" "$J/huge.jsonl"

DUC="$SHARED/data/duc2004"
if [ -d "$DUC/peers" ] && [ -d "$DUC/models" ] && [ -d "$DUC/rouge_official" ]; then
    p eval rouge -n 4 -2 4 -u -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d --format tsv \
        --models "$DUC/models" --peers "$DUC/peers"
    check golden_stem_runs test "$rc" -eq 0
    cp "$TMP/out" "$TMP/stem.tsv"
    compare "$TMP/stem.tsv" "$DUC/rouge_official/stem_l100" stem_l100 && r=0 || r=1
    check golden_stem_l100_matches test "$r" -eq 0
    p eval rouge -n 2 -2 4 -u -s -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d --format tsv \
        --models "$DUC/models" --peers "$DUC/peers"
    check golden_stopwords_runs test "$rc" -eq 0
    cp "$TMP/out" "$TMP/stop.tsv"
    compare "$TMP/stop.tsv" "$DUC/rouge_official/stopwords_l100" stopwords_l100 && r=0 || r=1
    check golden_stopwords_l100_matches test "$r" -eq 0
    # The same run from an XML evaluation file as pyrouge writes them.
    {
        echo '<ROUGE-EVAL version="1.0">'
        for m in "$DUC"/peers/Lead/*.txt; do
            t=$(basename "$m" .txt)
            printf '<EVAL ID="%s">\n<PEER-ROOT>%s</PEER-ROOT>\n<MODEL-ROOT>%s</MODEL-ROOT>\n' "$t" "$DUC/peers" "$DUC/models"
            printf '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>\n<PEERS>\n'
            for s in "$DUC"/peers/*; do printf '<P ID="%s">%s/%s.txt</P>\n' "$(basename "$s")" "$(basename "$s")" "$t"; done
            printf '</PEERS>\n<MODELS>\n'
            for f in "$DUC"/models/"$t".*; do printf '<M ID="%s">%s</M>\n' "${f##*.}" "$(basename "$f")"; done
            printf '</MODELS>\n</EVAL>\n'
        done
        echo '</ROUGE-EVAL>'
    } > "$TMP/duc.xml"
    p eval rouge -n 2 -2 4 -u -s -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d --format tsv "$TMP/duc.xml"
    check golden_config_xml_same_as_dirs cmp -s "$TMP/out" "$TMP/stop.tsv"
    # The default output is the script's own line format.
    p eval rouge -n 2 -m -l 100 --models "$DUC/models" --peers "$DUC/peers/DPP"
    check golden_text_line grep -qx 'DPP ROUGE-2 Average_R: 0.09616 (95%-conf.int. 0.08798 - 0.10426)' "$TMP/out"
else
    skip "golden DUC 2004 (no ../shared/data)"
fi
finish
