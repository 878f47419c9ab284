#!/usr/bin/env python3
"""Multi-News baselines for bench/summarize.sh, computed in the same run as
precis: Lead-N-words, First-k-per-document (round robin over the documents'
sentences) and LexRank (TF-IDF cosine graph, threshold 0.1, power iteration).
Each writes JSONL {"id", "summary"} with one sentence per line.
Usage: mn_baselines.py VAL.jsonl WORDS OUTDIR"""
import json, math, re, sys, collections

SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\')\]]))\s+(?=[A-Z0-9"\'(\[])')


def sentences(doc):
    return [s.strip() for s in SPLIT.split(doc.strip()) if s.strip()]


def take(sents, budget):
    out, n = [], 0
    for s in sents:
        w = len(s.split())
        if n + w > budget and out:
            break
        out.append(s)
        n += w
        if n >= budget:
            break
    return out


def lead_words(docs, budget):
    words = " ".join(docs).split()[:budget]
    return [" ".join(words)]


def first_k(docs, budget):
    per_doc = [sentences(d) for d in docs]
    order, k = [], 0
    while any(k < len(s) for s in per_doc):
        order += [s[k] for s in per_doc if k < len(s)]
        k += 1
    return take(order, budget)


def lexrank(docs, budget):
    sents = [s for d in docs for s in sentences(d)]
    if not sents:
        return []
    toks = [re.findall(r"[a-z0-9]+", s.lower()) for s in sents]
    df = collections.Counter(w for t in toks for w in set(t))
    n = len(sents)
    vecs = []
    for t in toks:
        tf = collections.Counter(t)
        v = {w: c * math.log((n + 1) / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    nbrs = [[] for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = vecs[i], vecs[j]
            if len(a) > len(b):
                a, b = b, a
            sim = sum(x * b.get(w, 0.0) for w, x in a.items())
            if sim > 0.1:
                nbrs[i].append(j)
                nbrs[j].append(i)
    deg = [len(r) or 1 for r in nbrs]
    p = [1.0 / n] * n
    for _ in range(30):
        p = [0.15 / n + 0.85 * sum(p[j] / deg[j] for j in nbrs[i]) for i in range(n)]
    ranked = sorted(range(n), key=lambda i: -p[i])
    chosen, words = [], 0
    for i in ranked:
        w = len(sents[i].split())
        if words + w > budget:
            continue
        chosen.append(i)
        words += w
    return [sents[i] for i in sorted(chosen)]


def main():
    path, budget, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    systems = {"lead_words": lead_words, "first_k": first_k, "lexrank": lexrank}
    outs = {name: open(f"{outdir}/{name}.jsonl", "w") for name in systems}
    for line in open(path):
        o = json.loads(line)
        docs = [d for d in o["documents"] if d.strip()]
        for name, fn in systems.items():
            outs[name].write(json.dumps({"id": o["id"], "summary": "\n".join(fn(docs, budget))}) + "\n")
    for f in outs.values():
        f.close()


if __name__ == "__main__":
    main()
