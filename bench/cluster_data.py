#!/usr/bin/env python3
"""Builds the article streams of bench/cluster.sh from the shared data (never
copied into the repository; written to a temp dir).

  cluster_data.py pool  OUT.jsonl TRUTH.tsv [--seed N]
      DUC 2004 (50 topics x 10 articles) + Multi-News val clusters with >= 3
      non-empty documents, shuffled with a fixed seed. No source has dates
      (DUC's distributor kept only the body), so time is arrival order.
      TRUTH: article_id<TAB>true_story.
  cluster_data.py scale OUT.jsonl N [--seed N]
      the pool repeated with light perturbation until N articles: each round
      re-draws the order and renames the stories (a new round = new stories),
      drops a random sentence from some articles and swaps a few words.
  cluster_data.py dups  OUT.jsonl TRUTH.tsv [--seed N] [--rate R]
      the pool (near-copies already in it removed, see distinct()) plus perturbed copies of a fraction R (default 0.2) of its
      articles, each inserted later in the stream: debris lines added
      (share/subscribe/cookie/navigation lines), up to 2 sentences dropped (at
      most one in five), two
      sentences swapped, re-cased (upper/lower/title case of some sentences).
      TRUTH: article_id<TAB>original_id ("-" for originals).
  cluster_data.py devpool OUT.jsonl TRUTH.tsv [--seed N]
      a development pool for choosing parameters without looking at the
      bench pool: Multi-News TRAIN (train_10k.jsonl.gz, disjoint from val)
      clusters with >= 3 non-empty documents, shuffled. No DUC part.
  cluster_data.py devdated OUT.jsonl TRUTH.tsv [--seed N] [--span DAYS] [--late R] [--latemax D]
      the development pool with INVENTED dates, for measuring the batch
      pass's time rule (no pool we have is dated): each true story gets a
      day drawn over DAYS (default 365) from 2031-01-01, each of its
      articles that day plus 0-2 days, or with probability R (default 0.1)
      plus 3-D days (a follow-up; D default 30); the stream is in date order. Synthetic:
      it says what the rule costs on late follow-ups and buys on stories
      of one theme far apart, not how real dates are spread.
  cluster_data.py lsatokens OUT.txt
      training text for bench/cluster_lsa.c: the Multi-News TRAIN clusters
      with FEWER than 3 non-empty documents (none of devpool's, nor of val or
      DUC), each document and the summary one line "story<TAB>words", words
      as bench/cluster_ceiling.py cuts them (lower case, stopwords dropped).
"""
import json
import os
import random
import re
import sys

SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
DUC = os.path.join(SHARED, "data", "duc2004", "docs")
MN = os.path.join(SHARED, "data", "multinews", "val.jsonl")
MN_TRAIN = os.path.join(SHARED, "data", "multinews", "train_10k.jsonl.gz")


def mn_articles(fh, prefix):
    """(id, story, text) of every non-empty document of the Multi-News clusters
    in fh that have at least 3 of them."""
    arts = []
    for line in fh:
        o = json.loads(line)
        docs = [x.strip() for x in o["documents"] if x.strip()]
        if len(docs) < 3:
            continue
        for k, t in enumerate(docs):
            arts.append(("%s-%s-%d" % (prefix, o["id"], k + 1), "%s-%s" % (prefix, o["id"]), t))
    return arts


def load_dev():
    import gzip
    with gzip.open(MN_TRAIN, "rt", encoding="utf-8") as fh:
        return mn_articles(fh, "tr")


def lsa_tokens(out):
    import gzip
    from cluster_baseline import STOP
    with gzip.open(MN_TRAIN, "rt", encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as o:
        for line in fh:
            c = json.loads(line)
            docs = [x.strip() for x in c["documents"] if x.strip()]
            if len(docs) >= 3 or not docs:
                continue
            for t in docs + [c["summary"]]:
                w = [x for x in re.findall(r"[a-z0-9]+", t.lower()) if x not in STOP and len(x) > 1]
                o.write("tr-%s\t%s\n" % (c["id"], " ".join(w)))


def load_pool():
    arts = []  # (id, story, text)
    for topic in sorted(os.listdir(DUC)):
        d = os.path.join(DUC, topic)
        for f in sorted(os.listdir(d)):
            with open(os.path.join(d, f), encoding="utf-8", errors="replace") as fh:
                text = fh.read().strip()
            if text:
                arts.append(("duc-%s-%s" % (topic, f.split(".")[0]), "duc-" + topic, text))
    with open(MN, encoding="utf-8") as fh:
        arts += mn_articles(fh, "mn")
    return arts


SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`(])")


def sentences(text):
    return [s for s in SENT.split(text) if s.strip()]


DEBRIS = [
    "Share this article", "Subscribe to our newsletter for the latest news",
    "We use cookies to improve your experience. Accept", "Home | News | World | Business | Sport",
    "Advertisement", "Follow us on social media", "Read more: top stories of the day",
    "Sign up for breaking news alerts", "Copyright 2024 Example Media. All rights reserved.",
    "Click here to comment", "Related coverage", "Skip to main content",
]


def perturb_copy(text, rng):
    s = sentences(text)
    for _ in range(rng.randint(0, min(2, len(s) // 5))):  # at most a fifth of the text
        del s[rng.randrange(len(s))]
    if len(s) > 2:
        i = rng.randrange(len(s) - 1)
        s[i], s[i + 1] = s[i + 1], s[i]
    out = []
    for x in s:
        r = rng.random()
        if r < 0.15:
            x = x.upper()
        elif r < 0.3:
            x = x.lower()
        elif r < 0.4:
            x = x.title()
        out.append(x)
    lines = [rng.choice(DEBRIS) for _ in range(rng.randint(1, 3))] + out
    lines += [rng.choice(DEBRIS) for _ in range(rng.randint(1, 3))]
    return "\n".join(lines)


def light_perturb(text, rng):
    s = sentences(text)
    if len(s) > 4 and rng.random() < 0.5:
        del s[rng.randrange(len(s))]
    words = " ".join(s).split(" ")
    for _ in range(2):
        if len(words) > 3:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def shingles(text, k=3):
    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i:i + k]) for i in range(max(1, len(w) - k + 1))}


def distinct(pool):
    """The pool without articles that already are near-copies of an earlier
    one (exact word 3-shingle Jaccard >= 0.3): the sources' own re-posts and
    the crawl's repeated notices. The injected copies are then the only ones."""
    index = {}
    kept, sets = [], []
    for a, s, t in pool:
        sh = shingles(t)
        count = {}
        for x in sh:
            for j in index.get(x, ()):
                count[j] = count.get(j, 0) + 1
        if any(c / (len(sh) + len(sets[j]) - c) >= 0.3 for j, c in count.items()):
            continue
        for x in sh:
            index.setdefault(x, []).append(len(kept))
        kept.append((a, s, t))
        sets.append(sh)
    return kept


def write(out, rows):
    with open(out, "w", encoding="utf-8") as fh:
        for aid, text in rows:
            fh.write(json.dumps({"id": aid, "text": text}, ensure_ascii=False) + "\n")


def main():
    args = sys.argv[1:]
    seed = 20260601
    rate = 0.2
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if "--rate" in args:
        i = args.index("--rate")
        rate = float(args[i + 1])
        del args[i:i + 2]
    span, late, latemax = 365, 0.1, 30
    if "--latemax" in args:
        i = args.index("--latemax")
        latemax = int(args[i + 1])
        del args[i:i + 2]
    if "--span" in args:
        i = args.index("--span")
        span = int(args[i + 1])
        del args[i:i + 2]
    if "--late" in args:
        i = args.index("--late")
        late = float(args[i + 1])
        del args[i:i + 2]
    mode = args[0]
    if mode == "lsatokens":
        lsa_tokens(args[1])
        return
    rng = random.Random(seed)
    pool = load_dev() if mode in ("devpool", "devdated") else load_pool()
    if mode == "devdated":
        import datetime
        base = datetime.date(2031, 1, 1)
        start = {}
        rows = []
        for a, st, t in pool:
            if st not in start:
                start[st] = rng.randrange(span)
            day = start[st] + (rng.randint(3, latemax) if rng.random() < late else rng.randint(0, 2))
            rows.append((day, rng.random(), a, st, t))
        rows.sort()
        with open(args[1], "w", encoding="utf-8") as fh:
            for day, _, a, _, t in rows:
                d = (base + datetime.timedelta(days=day)).isoformat()
                fh.write(json.dumps({"id": a, "date": d, "text": t}, ensure_ascii=False) + "\n")
        with open(args[2], "w") as fh:
            for _, _, a, st, _ in rows:
                fh.write("%s\t%s\n" % (a, st))
    elif mode in ("pool", "devpool"):
        rng.shuffle(pool)
        write(args[1], [(a, t) for a, _, t in pool])
        with open(args[2], "w") as fh:
            for a, s, _ in pool:
                fh.write("%s\t%s\n" % (a, s))
    elif mode == "scale":
        n = int(args[2])
        rows = []
        rnd = 0
        while len(rows) < n:
            p = pool[:]
            rng.shuffle(p)
            for a, _, t in p:
                rows.append(("r%d-%s" % (rnd, a), light_perturb(t, rng)))
                if len(rows) >= n:
                    break
            rnd += 1
        write(args[1], rows)
    elif mode == "dups":
        pool = distinct(pool)
        rng.shuffle(pool)
        stream = [(a, t, "-") for a, _, t in pool]
        picks = rng.sample(range(len(pool)), int(len(pool) * rate))
        inserts = []
        for k, i in enumerate(picks):
            a, _, t = pool[i]
            pos = rng.randint(i + 1, min(len(pool), i + 2000))  # a copy arrives after its original
            inserts.append((pos, k, ("copy%d-%s" % (k, a), perturb_copy(t, rng), a)))
        inserts.sort()
        out, j = [], 0
        for i, row in enumerate(stream):
            out.append(row)
            while j < len(inserts) and inserts[j][0] == i + 1:
                out.append(inserts[j][2])
                j += 1
        out += [x[2] for x in inserts[j:]]
        write(args[1], [(a, t) for a, t, _ in out])
        with open(args[2], "w") as fh:
            for a, _, o in out:
                fh.write("%s\t%s\n" % (a, o))
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
