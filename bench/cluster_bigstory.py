#!/usr/bin/env python3
"""Big-story inputs for the --batch fragmentation check (docs/stories.md):
one Multi-News TRAIN cluster (>= 4 non-empty documents, >= 30 sentences)
rewritten as R pseudo-reports of 5-8 random sentences each, mixed with the
articles of M other train clusters (>= 3 documents), shuffled. Never val or
DUC. Written to a temp dir by the caller, never into the repository.

  cluster_bigstory.py OUT.jsonl TRUTH.tsv [--seed N] [--reports R] [--others M] [--big K]
                      [--kmin A --kmax B] [--minsent S]
      K big stories (default 1), each from a different cluster; each report
      A-B sentences (default 5-8) of a cluster with >= S sentences (default 30).
"""
import gzip
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cluster_data import MN_TRAIN, sentences  # noqa: E402


def main():
    a = sys.argv[1:]
    out, truth = a[0], a[1]
    opt = {"--seed": 1, "--reports": 300, "--others": 300, "--big": 1, "--kmin": 5, "--kmax": 8, "--minsent": 30}
    for i in range(2, len(a), 2):
        opt[a[i]] = int(a[i + 1])
    rng = random.Random(opt["--seed"])
    clusters = []
    with gzip.open(MN_TRAIN, "rt", encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            docs = [x.strip() for x in o["documents"] if x.strip()]
            if len(docs) >= 3:
                clusters.append((str(o["id"]), docs))
    rng.shuffle(clusters)
    big = [c for c in clusters if len(c[1]) >= 4 and sum(len(sentences(d)) for d in c[1]) >= opt["--minsent"]][:opt["--big"]]
    others = [c for c in clusters if c not in big][:opt["--others"]]
    rows = []
    for cid, docs in big:
        sents = [s.strip() for d in docs for s in sentences(d) if len(s.split()) >= 5]
        for r in range(opt["--reports"]):
            k = rng.randint(opt["--kmin"], opt["--kmax"])
            rows.append(("big-%s-%d" % (cid, r), "big-" + cid, " ".join(rng.sample(sents, k))))
    for cid, docs in others:
        for k, t in enumerate(docs):
            rows.append(("tr-%s-%d" % (cid, k + 1), "tr-" + cid, t))
    rng.shuffle(rows)
    with open(out, "w", encoding="utf-8") as o, open(truth, "w", encoding="utf-8") as t:
        for i, s, text in rows:
            o.write(json.dumps({"id": i, "text": text}) + "\n")
            t.write("%s\t%s\n" % (i, s))


if __name__ == "__main__":
    main()
