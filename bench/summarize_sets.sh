# Sourced by bench/summarize_paired.sh and bench/summarize_train.sh, what they
# share: from the repository's top, the build made, OUT a scratch directory
# (removed at exit), P the build's precis; a run without train_10k skips. Then
# `train_sets [-v] NAME... <<'EOF' ... EOF` writes OUT/NAME.jsonl, the clusters
# of train_10k each set takes: the Python on stdin defines pick(o), the names
# of the sets cluster o goes in (in file order); -v prints each set's count.
set -e
cd "$(dirname "$0")/.."
DATA=${SHARED:-../shared}/data/multinews
P=./build/precis
[ -f "$DATA/train_10k.jsonl.gz" ] || { echo "skip: no $DATA/train_10k.jsonl.gz"; exit 0; }
make -s -j2 >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
train_sets() {
    verbose=0
    [ "$1" = -v ] && { verbose=1; shift; }
    python3 -c '
import gzip, json, sys
train, out, verbose, names = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4:]
chooser = {}
exec(sys.stdin.read(), chooser)
sets = {n: [] for n in names}
for line in gzip.open(train, "rt"):
    o = json.loads(line)
    for n in chooser["pick"](o): sets[n].append(o)
for name, v in sets.items():
    with open("%s/%s.jsonl" % (out, name), "w") as f:
        for o in v: f.write(json.dumps(o) + "\n")
    if verbose: print("%s: %d clusters" % (name, len(v)))
' "$DATA/train_10k.jsonl.gz" "$OUT" "$verbose" "$@"
}
