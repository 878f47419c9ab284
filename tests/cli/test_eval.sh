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
    # The default output is the script's own line format.
    p eval rouge -n 2 -m -l 100 --models "$DUC/models" --peers "$DUC/peers/DPP"
    check golden_text_line grep -qx 'DPP ROUGE-2 Average_R: 0.09616 (95%-conf.int. 0.08798 - 0.10426)' "$TMP/out"
else
    skip "golden DUC 2004 (no ../shared/data)"
fi
finish
