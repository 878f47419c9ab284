#!/usr/bin/env python3
"""Scores bench/cluster.sh runs.

  cluster_score.py b3 TRUTH.tsv PRED.tsv
      B-cubed precision / recall / F1 (Bagga & Baldwin 1998; per-article
      averages) of PRED (article_id<TAB>story, `precis cluster` text output)
      against TRUTH (article_id<TAB>true_story); stories found vs true.
      Articles missing from PRED count as singletons (and are counted).
  cluster_score.py b3 TRUTH.tsv PRED.tsv POOL.jsonl
      the same without the articles whose text recurs in several true stories
      (see shared_texts): a second view, never the headline figure.
  cluster_score.py big TRUTH.tsv PRED.tsv
      for each true story whose ids start with "big-" (bench/cluster_bigstory.py):
      the number of predicted groups holding its articles, the two largest, and
      the share of the largest group that is that story (its purity).
  cluster_score.py dups TRUTH.tsv PRED.jsonl
      copy detection: TRUTH is article_id<TAB>original ("-" for originals);
      PRED is `precis cluster --format jsonl` (dup_of). A reported copy is
      right when it and the article it names have the same original (a copy
      of a copy counts). Recall is over the injected copies. Reported copies
      between two originals of the same true story are counted apart: the
      pool's own sources are sometimes one wire text.
"""
import json
import sys
from collections import Counter, defaultdict


def read_tsv(path):
    m = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            a, b = line.split("\t", 1)
            m[a] = b
    return m


def shared_texts(pool_path, truth):
    """Articles whose text (first 200 characters, case-folded) occurs in two or
    more true stories: web-archive notices, tweet widgets and the like that
    the pool's crawl kept as "documents". No grouping of them can be right."""
    stories = defaultdict(set)
    key_of = {}
    with open(pool_path, encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            k = " ".join(o.get("text", "").lower().split())[:200]
            key_of[o["id"]] = k
            if o["id"] in truth:
                stories[k].add(truth[o["id"]])
    return {a for a, k in key_of.items() if len(stories[k]) > 1}


def b3(truth_path, pred_path, pool_path=None):
    truth = read_tsv(truth_path)
    pred = read_tsv(pred_path)
    if pool_path:
        drop = shared_texts(pool_path, truth)
        print("without the %d articles whose text recurs in several true stories:" % len(drop))
        truth = {a: s for a, s in truth.items() if a not in drop}
    missing = [a for a in truth if a not in pred]
    for k, a in enumerate(missing):
        pred[a] = "__missing%d" % k
    t_of = defaultdict(set)
    p_of = defaultdict(set)
    for a, s in truth.items():
        t_of[s].add(a)
        p_of[pred[a]].add(a)
    P = R = 0.0
    for a in truth:
        ps = p_of[pred[a]]
        ts = t_of[truth[a]]
        inter = len(ps & ts)
        P += inter / len(ps)
        R += inter / len(ts)
    n = len(truth)
    P /= n
    R /= n
    F = 2 * P * R / (P + R) if P + R else 0.0
    sizes = Counter(len(v) for v in p_of.values())
    print("articles %d  true stories %d  stories found %d  (singletons found %d)  missing %d" %
          (n, len(t_of), len(p_of), sizes.get(1, 0), len(missing)))
    print("B3 precision %.4f  recall %.4f  F1 %.4f" % (P, R, F))


def dups(truth_path, pred_path):
    truth = read_tsv(truth_path)
    root = {a: (a if o == "-" else o) for a, o in truth.items()}
    story_of = {}
    for a in truth:
        # ids: [copyK-](duc-TOPIC-Dn | mn-ID-k) -> the true story
        base = root[a]
        story_of[a] = base.rsplit("-", 1)[0]
    n_copies = sum(1 for o in truth.values() if o != "-")
    found = right = same_story_orig = wrong = 0
    detected = set()
    with open(pred_path, encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            if o.get("dup_of") is None:
                continue
            a, d = o["id"], o["dup_of"]
            found += 1
            if root.get(a) == root.get(d):
                right += 1
                if truth.get(a, "-") != "-":
                    detected.add(a)
            elif truth.get(a) == "-" and truth.get(d) == "-" and story_of.get(a) == story_of.get(d):
                same_story_orig += 1
            else:
                wrong += 1
    P = right / found if found else 0.0
    P2 = (right + same_story_orig) / found if found else 0.0
    R = len(detected) / n_copies if n_copies else 0.0
    print("injected copies %d  reported copies %d  right %d  between originals of one story %d  wrong %d" %
          (n_copies, found, right, same_story_orig, wrong))
    print("copy detection precision %.4f (%.4f counting same-story originals as copies)  recall %.4f" %
          (P, P2, R))


def big(truth_path, pred_path):
    truth = read_tsv(truth_path)
    pred = read_tsv(pred_path)
    members = defaultdict(set)
    for a, g in pred.items():
        members[g].add(a)
    for s in sorted({s for a, s in truth.items() if a.startswith("big-")}):
        arts = [a for a, t in truth.items() if t == s]
        c = Counter(pred.get(a, "__missing-" + a) for a in arts)
        top = c.most_common(2)
        g = top[0][0]
        inside = members.get(g, {g})
        pure = sum(1 for a in inside if truth.get(a) == s) / len(inside)
        print("big story %s: %d reports in %d groups, largest %s, purity of the largest %.3f"
              % (s, len(arts), len(c), " + ".join(str(n) for _, n in top), pure))


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("b3", "dups", "big"):
        sys.exit(__doc__)
    if sys.argv[1] == "b3":
        b3(*sys.argv[2:])
    elif sys.argv[1] == "big":
        big(sys.argv[2], sys.argv[3])
    else:
        dups(sys.argv[2], sys.argv[3])
