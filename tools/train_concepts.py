#!/usr/bin/env python3
"""tools/train_concepts.py — Round 8's supervised concept weights (python3
standard library only; an experiment: nothing it fits is used by precis).

    python3 tools/train_concepts.py [--drop 2,10,11] [--alphas 0.25,0.5,1,-0.5]

Li, Qian & Liu (2013)-style: a logistic model of whether the reference
summary uses a concept (a stemmed bigram or content word, as the summarizer
builds them), from the concept's features (src/summarize/concepts.c:
content word or bigram, df / documents, share of its documents where it is
early / in the first sentence, 1 / (1 + first index), sentences per document
holding it, a stopword in the bigram, a number, all its stems common in news,
documents / 10, log df, first index / 10), fitted by Newton's method (ridge
1e-3 per sample, the intercept not shrunk) on the weighted concepts (df at
the threshold) of Multi-News TRAINING clusters 0-5999 with 3+ documents, and
used as a factor on the document-frequency weight (tools/concept_dump.c run:
alpha > 0: weight x (1 - alpha + alpha p / mean p); alpha < 0: weight x
exp(-alpha (z - mean z))). --drop leaves feature columns out of the fit
(2,10,11: the df terms, so that the factor carries only what df does not).

Checks (held-out training clusters 6000-9999; never DUC 2004 or val): C100 =
5+ documents, D100 = 4 documents, at 100 words (ROUGE recall, -l 100); G250
= all, at 250 words (F). Prints R-1 / R-2 per set and the paired per-cluster
difference against alpha 0 (mean +- standard error).
Needs build/libprecis.a and build/precis (runs `make` first) and a C compiler.
"""
import argparse, gzip, json, math, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PKGS = next(l.split(":=", 1)[1].strip() for l in open(os.path.join(ROOT, "Makefile")) if l.startswith("PKGS :="))
NF = 13  # PS_CONCEPT_NF


def sh(cmd):
    subprocess.run(cmd, shell=True, check=True, cwd=ROOT)


def build(tmp):
    sh("make -s -j2 build/libprecis.a build/precis")
    exe = os.path.join(tmp, "concept_dump")
    sh("cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc "
       "tools/concept_dump.c build/libprecis.a $(pkg-config --libs %s) -lstemmer -lm -o %s" % (PKGS, exe))
    return exe


def split(data, tmp):
    paths = {k: os.path.join(tmp, k + ".jsonl") for k in ("fit", "C100", "D100", "G250")}
    files = {k: open(p, "w") for k, p in paths.items()}
    with gzip.open(data, "rt") as f:
        for i, line in enumerate(f):
            n = len(json.loads(line)["documents"])
            if i < 6000:
                if n >= 3:
                    files["fit"].write(line)
                continue
            if n >= 5:
                files["C100"].write(line)
            if n == 4:
                files["D100"].write(line)
            files["G250"].write(line)
    for f in files.values():
        f.close()
    return paths


def solve(A, b):
    n = len(b)
    M = [A[i][:] + [b[i]] for i in range(n)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c and M[c][c]:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] if M[i][i] else 0.0 for i in range(n)]


def logistic(X, y, ridge=1e-3, iters=7):
    n = len(X[0])
    w = [0.0] * n
    ll = 0.0
    for _ in range(iters):
        A = [[0.0] * n for _ in range(n)]
        g = [0.0] * n
        ll = 0.0
        for x, t in zip(X, y):
            z = sum(a * b for a, b in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            ll += math.log(p if t else 1.0 - p)
            r, s = t - p, p * (1.0 - p)
            for i in range(n):
                if x[i]:
                    g[i] += r * x[i]
                    for j in range(i, n):
                        if x[j]:
                            A[i][j] += s * x[i] * x[j]
        for i in range(n):
            for j in range(i):
                A[i][j] = A[j][i]
        for i in range(1, n):
            A[i][i] += ridge * len(X)
            g[i] -= ridge * len(X) * w[i]
        w = [a + b for a, b in zip(w, solve(A, g))]
    return w, ll / len(X)


def per_cluster(exe, path, words, alpha, coef, tmp):
    raw = subprocess.run([exe, "run", path, str(words), str(alpha), ",".join("%.6g" % c for c in coef)],
                         check=True, capture_output=True, text=True).stdout
    got = {}
    for line in raw.splitlines():
        o = json.loads(line)
        got[str(o["id"])] = "\n".join(s["text"] for s in o["sentences"])
    sums = os.path.join(tmp, "sys.jsonl")
    ids = []
    with open(sums, "w") as f:
        for line in open(path):
            i = str(json.loads(line)["id"])
            ids.append(i)
            f.write(json.dumps({"id": i, "summary": got.get(i, "")}) + "\n")
    cmd = [os.path.join(ROOT, "build/precis"), "eval", "rouge", "-n", "2", "-2", "4", "-u", "-m", "-x", "-p", "0.5",
           "-f", "A", "-t", "0", "-d", "--refs", path, "--summaries", sums]
    if words <= 200:
        cmd[5:5] = ["-l", str(words)]
    stat = "R:" if words <= 200 else "F:"
    per = {}
    for line in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines():
        t = line.split()
        if len(t) >= 7 and t[2] == "Eval" and t[1] in ("ROUGE-1", "ROUGE-2"):
            v = float(next(x for x in t[4:] if x.startswith(stat))[2:])
            per.setdefault(t[3].split(".", 1)[0], [0.0, 0.0])[t[1] == "ROUGE-2"] = v
    return {i: per.get(i, [0.0, 0.0]) for i in ids}  # a declined cluster scores 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/data/multinews/train_10k.jsonl.gz"))
    ap.add_argument("--drop", default="", help="feature columns (1-12) left out of the fit, e.g. 2,10,11")
    ap.add_argument("--alphas", default="0.25,0.5,1,-0.5", help="factor strengths tried (default: %(default)s)")
    a = ap.parse_args()
    drop = {int(v) for v in a.drop.split(",") if v}
    cols = [c for c in range(NF) if c not in drop]
    with tempfile.TemporaryDirectory() as tmp:
        exe = build(tmp)
        paths = split(a.data, tmp)
        tsv = subprocess.run([exe, "features", paths["fit"], "100"], check=True, capture_output=True,
                             text=True).stdout
        X, y = [], []
        for line in tsv.splitlines():
            t = line.split("\t")
            if t[2] == "1":  # weighted concepts only: the factor applies to them
                x = [float(v) for v in t[3:-1]]
                X.append([x[c] for c in cols])
                y.append(int(t[-1]))
        w, ll = logistic(X, y)
        coef = [0.0] * NF
        for c, v in zip(cols, w):
            coef[c] = v
        base_rate = sum(y) / len(y)
        ll0 = base_rate * math.log(base_rate) + (1 - base_rate) * math.log(1 - base_rate)
        print("fit: %d weighted concepts of clusters 0-5999 with 3+ documents, %.1f %% in the reference" %
              (len(y), 100 * base_rate))
        print("log-likelihood per concept %.4f (constant model %.4f)" % (ll, ll0))
        print("coefficients:", ",".join("%.6g" % c for c in coef))
        sets = (("C100", 100), ("D100", 100), ("G250", 250))
        base = {s: per_cluster(exe, paths[s], wd, 0, coef, tmp) for s, wd in sets}
        for alpha in [float(v) for v in a.alphas.split(",")]:
            out = ["alpha %-5g" % alpha]
            for s, wd in sets:
                r = per_cluster(exe, paths[s], wd, alpha, coef, tmp)
                cell = s
                for j in (0, 1):
                    d = [r[c][j] - base[s][c][j] for c in r]
                    mu = sum(d) / len(d)
                    se = math.sqrt(sum((x - mu) ** 2 for x in d) / (len(d) - 1) / len(d))
                    cell += " %.5f %+.5f±%.5f" % (sum(v[j] for v in r.values()) / len(r), mu, se)
                out.append(cell)
            print(" | ".join(out))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
