# precis digest and precis cluster group the same articles the same way by
# default (docs/stories.md "One grouping"): the multi-report fixtures of
# tests/fixtures/story, alone and mixed, give the same partition in both.
# culverbay (six reports of a container spill told in other words) was one
# story in `cluster` (then online) and two in `digest` (the batch pass split
# the wire and trade-press reports off); it is one story in both now.
. tests/cli/lib.sh

ROOT=${PRECIS_ROOT:-.}
CB=$ROOT/tests/fixtures/story/culverbay/articles

# partition FILE: one line per group, its sorted member ids, groups sorted.
cluster_part() { # cluster text output -> partition
    awk -F'\t' '{print $2 "\t" $1}' "$1" | sort | awk -F'\t' '
        $1 != s { if (NR > 1) print line; s = $1; line = $2; next } { line = line " " $2 }
        END { if (NR) print line }' | while read -r l; do echo "$l" | tr ' ' '\n' | sort | tr '\n' ' '; echo; done | sort
}
digest_part() { # digest jsonl -> partition
    python3 -c "
import json, sys
rows = []
for l in open(sys.argv[1]):
    s = json.loads(l)
    ids = sorted(x['id'] for x in s['sources'])
    rows.append(' '.join(ids) + ' ')
for r in sorted(rows): print(r)" "$1"
}

same_grouping() { # name, inputs...
    name=$1; shift
    p digest --no-progress --format jsonl "$@"
    cp "$TMP/out" "$TMP/d.jsonl"
    p cluster --no-progress "$@"
    cp "$TMP/out" "$TMP/c.tsv"
    digest_part "$TMP/d.jsonl" > "$TMP/d.part"
    cluster_part "$TMP/c.tsv" > "$TMP/c.part"
    check "$name" cmp -s "$TMP/d.part" "$TMP/c.part"
}

same_grouping culverbay_digest_equals_cluster "$CB"
p cluster --no-progress "$CB"
check culverbay_cluster_one_story test "$(cut -f2 "$TMP/out" | sort -u | wc -l)" -eq 1
check culverbay_cluster_six test "$(wc -l < "$TMP/out")" -eq 6
p digest --no-progress --format jsonl "$CB"
check culverbay_digest_one_story test "$(wc -l < "$TMP/out")" -eq 1

# every story fixture alone, and all of them as one input
for d in "$ROOT"/tests/fixtures/story/*/articles; do
    n=$(basename "$(dirname "$d")")
    same_grouping "fixture_${n}_digest_equals_cluster" "$d"
done
same_grouping all_story_fixtures_digest_equals_cluster "$ROOT"/tests/fixtures/story/*/articles

# --online is the one-pass grouping in both commands
p digest --no-progress --online --format jsonl "$CB"
digest_part "$TMP/out" > "$TMP/d.part"
p cluster --no-progress --online "$CB"
cluster_part "$TMP/out" > "$TMP/c.part"
check online_digest_equals_cluster cmp -s "$TMP/d.part" "$TMP/c.part"
p cluster --help
check help_online grep -q -- '--online' "$TMP/out"
check help_as_digest grep -q 'as precis' "$TMP/out"
finish
