# User pass 19 (docs/cli.md, "User pass 19"): each case failed before its fix.
# Inputs are invented here (outlets, people and places made up).
. tests/cli/lib.sh

# page buttons glued to the front of a paragraph by a one-line scrape ("Share
# Save Read more A crane ...") reached the summary, or (with "Read more") had
# the whole lead paragraph removed as a promotion
cat > "$TMP/crane.txt" <<'X'
Harbour crane collapses at Saltmere docks

Share Save Read more A crane collapsed at the Saltmere container terminal on Tuesday morning, injuring two dock workers, the port authority said.

The 60-metre crane fell across two berths shortly after 7am, according to Mira Talvik, a spokeswoman for the Saltmere Port Authority.

Share this article Share Save Investigators from the national safety board arrived at the terminal on Tuesday afternoon.

Save the Children Saltmere said it would collect money for the families of the two workers this week.
X
p clean -f json "$TMP/crane.txt"
check "clean: page buttons before a paragraph are cut, the paragraph kept" \
    sh -c "[ $rc = 0 ] && grep -q '\"text\":\"A crane collapsed' '$TMP/out' && grep -q 'nInvestigators from the national' '$TMP/out' && grep -q '\"line\":\"Share Save Read more\",\"class\":\"social\"' '$TMP/out' && grep -q 'nSave the Children Saltmere' '$TMP/out'"
p clean --explain "$TMP/crane.txt"
check "clean --explain: the buttons have their own verdict" \
    sh -c "grep -q '^- \[social: page buttons before the text of a paragraph\] Share this article Share Save$' '$TMP/out' && grep -q '^+ Investigators' '$TMP/out'"
p summarize "$TMP/crane.txt"
check "summarize: no page button opens a summary sentence" \
    sh -c "[ $rc = 0 ] && grep -q '^A crane collapsed' '$TMP/out' && ! grep -q 'Share' '$TMP/out'"

finish
