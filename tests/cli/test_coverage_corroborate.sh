# precis digest: a report that tells a summary sentence's fact with another
# figure does not corroborate it. Invented story (a flood wall in "Brennock"):
# [1] says "about 3,000 homes", [2] "about 3,500 homes" in a sentence that
# shares its names; the summary sentence was credited to [1][2] (the
# alignment and the summarizer's also_in both had [2]), now to [1] alone,
# with the conflict after it and [2] under coverage.summary[].differ.
. tests/cli/lib.sh
mkdir -p "$TMP/bren"
cat > "$TMP/bren/a.txt" <<'X'
Amberlee Times
6 March 2025

Brennock flood barrier gets green light

Brennock town council has approved a 14 million euro flood barrier along the River Amberlee, ending a five-year dispute over how to protect the low-lying Quayside district.

Councillors voted 9-2 on Wednesday night in favour of the plan, which will see a 2.3-kilometre wall and three pumping stations built by 2027.

Council leader Hanne Moss said the barrier would protect about 3,000 homes.

Opponents, led by councillor Viktor Brandt, said the wall would cut the town off from its river.
X
cat > "$TMP/bren/b.txt" <<'X'
Brennock Voice
March 6, 2025

Brennock approves flood wall after five-year row

Brennock councillors have backed a 14 million euro barrier along the River Amberlee to protect the Quayside district from flooding.

The council voted 9-2 on Wednesday night for the scheme, a 2.3-kilometre wall with three pumping stations due to be finished in 2027.

The wall would shield about 3,500 homes, council leader Hanne Moss told the meeting.

Councillor Viktor Brandt, who led the opposition, said the wall would cut the town off from its river.

Shopkeepers on Quay Street said they had been flooded three times last year.
X
cat > "$TMP/bren/c.txt" <<'X'
Amberlee Post
6 March 2025

Flood barrier approved for Brennock

A flood barrier costing 14 million euros will be built along the River Amberlee in Brennock after the town council approved it on Wednesday.

The council backed the 2.3-kilometre wall by nine votes to two.

Opponents, led by councillor Viktor Brandt, said the wall would cut the town off from its river.

Work is due to start in the summer.
X
p digest --no-progress --format text "$TMP/bren"
check "the 3,000 homes are said by [1] alone" grep -q 'protect about 3,000 homes\. \[1\] (sources differ on the number of homes' "$TMP/out"
check "agreeing reports still corroborate" grep -q 'cut the town off from its river\. \[1\]\[2\]\[3\]' "$TMP/out"
p digest --no-progress --format json "$TMP/bren"
check "coverage.summary lists [2] under differ, not docs" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["stories"][0]
for k, x in enumerate(s["summary"]["sentences"]):
    if "3,000 homes" in x["text"]:
        c = s["coverage"]["summary"][k]
        ok = [d[-5:] for d in c["docs"]] == ["a.txt"] and [d[-5:] for d in c["differ"]] == ["b.txt"] and c["reports"] == 1
        sys.exit(0 if ok else 1)
sys.exit(1)' "$TMP/out"
finish
