#!/usr/bin/env python3
"""A plain online TF-IDF centroid clusterer, the peer of `precis cluster` in
bench/cluster.sh (written independently of src/cluster: regex words, a fixed
English stopword list, no stemming, no names, no time, no copy detection).

  cluster_baseline.py POOL.jsonl THRESHOLD > PRED.tsv

Each article, in order: TF-IDF vector (sublinear tf; idf from the articles
seen so far), cosine with every story centroid that shares one of its ten
rarest words; it joins the best story at or above THRESHOLD, else starts one.
A centroid is the sum of its members' unit vectors.
"""
import json
import math
import re
import sys
from collections import Counter, defaultdict

STOP = set("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves said says say mr mrs ms one two new""".split())


def main():
    pool, thr = sys.argv[1], float(sys.argv[2])
    df = Counter()
    n_docs = 0
    cents = []          # story -> {term: weight}
    norms = []
    index = defaultdict(set)  # term -> stories
    out = sys.stdout
    with open(pool, encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            words = [w for w in re.findall(r"[a-z0-9]+", o.get("text", "").lower())
                     if w not in STOP and len(w) > 1]
            tf = Counter(words)
            n_docs += 1
            df.update(tf.keys())
            v = {t: (1 + math.log(c)) * math.log((n_docs + 1) / df[t]) for t, c in tf.items()}
            n = math.sqrt(sum(x * x for x in v.values())) or 1.0
            v = {t: x / n for t, x in v.items()}
            rare = sorted(v, key=lambda t: (df[t], t))[:10]
            cand = set()
            for t in rare:
                cand |= index[t]
            best, best_s = -1, thr
            for s in sorted(cand):
                c = cents[s]
                sim = sum(x * c.get(t, 0.0) for t, x in v.items()) / norms[s]
                if sim >= best_s and (sim > best_s or best < 0):
                    best, best_s = s, sim
            if best < 0:
                best = len(cents)
                cents.append({})
                norms.append(0.0)
            c = cents[best]
            for t, x in v.items():
                c[t] = c.get(t, 0.0) + x
                index[t].add(best)
            norms[best] = math.sqrt(sum(x * x for x in c.values())) or 1.0
            out.write("%s\ts%d\n" % (o["id"], best + 1))


if __name__ == "__main__":
    main()
