#!/usr/bin/env python3
"""How separable the pool's stories are for any bag-of-words centroid
clusterer (an offline check, not run by bench/cluster.sh: ~2 CPU minutes).

  cluster_ceiling.py POOL.jsonl TRUTH.tsv [PRED.tsv] [--names] [--dense VECTORS.txt [--beta B]]

With idf over the whole pool (the words and stopwords of
bench/cluster_baseline.py) and the TRUE stories' centroids, each article of a
story with two or more articles is compared with its own story's centroid
without itself (leave-one-out) and with every other story's centroid that
shares one of its 15 heaviest words. Prints the share of articles whose
closest centroid is their own story's: even a clusterer that got every other
article right could place at most that share by centroid cosine. With PRED,
only the articles PRED lists (e.g. without those precis rejected). With
--names, each capitalised word that does not open a sentence is one more
term (as `precis cluster --batch` adds its names). With --dense (word vectors
of bench/cluster_lsa.c, each dimension scaled by its singular value ^ B,
default 1), an article's dense vector is the unit sum of its words' vectors
weighted as in its TF-IDF vector, a centroid's the sum of its members'; the
share is printed for similarity = a * cosine + (1 - a) * dense cosine at
several a (a = 1: the plain check).
"""
import collections
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster_baseline import STOP  # noqa: E402
import json  # noqa: E402


def main():
    args = sys.argv[1:]
    dense_path, beta = None, 1.0
    if "--dense" in args:
        i = args.index("--dense")
        dense_path = args[i + 1]
        del args[i:i + 2]
    if "--beta" in args:
        i = args.index("--beta")
        beta = float(args[i + 1])
        del args[i:i + 2]
    names = "--names" in args
    args = [a for a in args if a != "--names"]
    pool, truth_path = args[0], args[1]
    truth = dict(l.rstrip("\n").split("\t", 1) for l in open(truth_path, encoding="utf-8") if l.strip())
    keep = None
    if len(args) > 2:
        keep = {l.split("\t", 1)[0] for l in open(args[2], encoding="utf-8") if l.strip()}
    docs = {}
    for line in open(pool, encoding="utf-8"):
        o = json.loads(line)
        if keep is None or o["id"] in keep:
            text = o.get("text", "")
            docs[o["id"]] = collections.Counter(
                w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 1)
            if names:  # capitalised, not after a sentence end or at the start
                docs[o["id"]].update(set("NAME:" + m.group(1).lower() for m in
                                         re.finditer(r"(?<![.!?\"'(\n])\s+([A-Z][a-z]+)", text)))
    n = len(docs)
    df = collections.Counter()
    for c in docs.values():
        df.update(c.keys())
    vec = {}
    for a, c in docs.items():
        v = {t: (1 + math.log(k)) * math.log((n + 1) / df[t]) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec[a] = {t: x / norm for t, x in v.items()}
    alphas = [1.0]
    dv = dcent = None
    if dense_path:
        alphas = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.0]
        with open(dense_path, encoding="utf-8") as fh:
            head = fh.readline().split()
            dim = int(head[1])
            scale = [float(x) ** beta for x in head[2:]]
            emb = {}
            for line in fh:
                p = line.split()
                emb[p[0]] = [float(x) * scale[k] for k, x in enumerate(p[2:])]
        dv = {}
        for a, v in vec.items():
            d = [0.0] * dim
            for t, x in v.items():
                e = emb.get(t)
                if e:
                    for k in range(dim):
                        d[k] += x * e[k]
            norm = math.sqrt(sum(x * x for x in d)) or 1.0
            dv[a] = [x / norm for x in d]
    members = collections.defaultdict(list)
    for a in docs:
        members[truth[a]].append(a)
    cent = {}
    for s, m in members.items():
        c = collections.defaultdict(float)
        for a in m:
            for t, x in vec[a].items():
                c[t] += x
        cent[s] = c
    if dv is not None:
        dcent = {s: [sum(col) for col in zip(*(dv[a] for a in m))] for s, m in members.items()}
    index = collections.defaultdict(set)
    for s, c in cent.items():
        for t in c:
            index[t].add(s)
    good = collections.Counter()
    total = 0
    for a in docs:
        if len(members[truth[a]]) < 2:
            continue
        v = vec[a]
        total += 1
        cand = set()
        for t in sorted(v, key=lambda t: -v[t])[:15]:
            cand |= index[t]
        cand.add(truth[a])
        best = {al: (None, -9.0) for al in alphas}
        for s in sorted(cand):
            c = cent[s]
            if s == truth[a]:
                c = {t: x - v.get(t, 0.0) for t, x in c.items()}
            norm = math.sqrt(sum(x * x for x in c.values())) or 1.0
            sim = sum(y * c.get(t, 0.0) for t, y in v.items()) / norm
            ds = 0.0
            if dcent is not None:
                d = dcent[s]
                if s == truth[a]:
                    d = [x - y for x, y in zip(d, dv[a])]
                dn = math.sqrt(sum(x * x for x in d)) or 1.0
                ds = sum(x * y for x, y in zip(d, dv[a])) / dn
            for al in alphas:
                sc = al * sim + (1 - al) * ds
                if sc > best[al][1]:
                    best[al] = (s, sc)
        for al in alphas:
            good[al] += best[al][0] == truth[a]
    print("articles %d; closest true-story centroid (leave-one-out, whole-pool idf) is their own: %.3f"
          % (total, good[1.0] / total if total else 0.0))
    if dcent is not None:
        print("with the dense cosine (beta %g), a * cosine + (1 - a) * dense: %s" % (beta, "  ".join(
            "a %.1f: %.3f" % (al, good[al] / total if total else 0.0) for al in alphas)))


if __name__ == "__main__":
    main()
