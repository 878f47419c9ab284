#!/usr/bin/env python3
"""tools/train_choose.py — fits the summarizer's summary-level chooser
(src/summarize/choose.c) and writes src/summarize/choose_table.inc (python3
standard library only).

    python3 tools/train_choose.py [--data ../shared/data/multinews/train_10k.jsonl.gz] [--write]

Everything is chosen on Multi-News TRAINING clusters (never on DUC 2004 or
Multi-News val). tools/choose_dump.c summarizes each cluster with every
candidate solver setting of choose.c and dumps each candidate's facts and
text; `precis eval rouge -d` scores every candidate against the reference.
  fit     clusters 0-5999 with 3+ documents at 100 words (ROUGE recall, -l 100)
          and clusters 0-2999 at 250 words (ROUGE F): one sample per candidate
          k > 0, features of choose.c (relative to candidate 0, the default),
          label = mean of ROUGE-1 and ROUGE-2 of k minus the default's;
          ridge least squares without intercept.
  check   the held-out sets of tools/train_prior.py: clusters 6000-9999 with 5+
          documents at 100 words (recall) and 8000-8999 at 250 words (F).
Prints, on both check sets: the default, each setting alone, the per-cluster
oracle, and the chooser (with paired standard errors against the default).
With --write, writes the fitted table (PS_CHOOSE_ACTIVE 1).
"""
import argparse, gzip, json, math, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PKGS = "zlib libdeflate libutf8proc jansson libxxhash gumbo uchardet sqlite3 libmicrohttpd"
K = 7  # PS_CHOOSE_K
NF = 3 * (K - 1) + 11


def sh(cmd):
    subprocess.run(cmd, shell=True, check=True, cwd=ROOT)


def build(tmp):
    sh("make -s -j2 build/libprecis.a build/precis")
    exe = os.path.join(tmp, "choose_dump")
    sh("cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc "
       "tools/choose_dump.c build/libprecis.a $(pkg-config --libs %s) -lstemmer -lm -o %s" % (PKGS, exe))
    return exe


SETS = {  # name: (words, stat, test on cluster number i and document count n)
    "fit100": (100, "R", lambda i, n: i < 6000 and n >= 3),
    "fit250": (250, "F", lambda i, n: i < 3000),
    "chk100": (100, "R", lambda i, n: i >= 6000 and n >= 5),
    "chk250": (250, "F", lambda i, n: 8000 <= i < 9000),
}


def split(data, tmp):
    files = {k: open(os.path.join(tmp, k + ".jsonl"), "w") for k in SETS}
    with gzip.open(data, "rt") as f:
        for i, line in enumerate(f):
            n = len(json.loads(line)["documents"])
            for k, (_, _, take) in SETS.items():
                if take(i, n):
                    files[k].write(line)
    for f in files.values():
        f.close()


def dump_set(exe, tmp, name):
    """{cluster: {"n": docs, "w": words, "facts": [K lists], "r1": [K], "r2": [K]}}"""
    cache = os.path.join(tmp, name + ".cache.json")
    if os.path.exists(cache):
        return json.load(open(cache))
    words, stat, _ = SETS[name]
    src = os.path.join(tmp, name + ".jsonl")
    sums = os.path.join(tmp, name + ".sums.jsonl")
    refs = os.path.join(tmp, name + ".refs.jsonl")
    tsv = subprocess.run([exe, src, str(words), sums], check=True, capture_output=True, text=True).stdout
    with open(refs, "w") as f:
        for line in open(src):
            o = json.loads(line)
            for k in range(K):
                f.write(json.dumps({"id": "%s#%d" % (o["id"], k), "summary": o["summary"]}) + "\n")
    cmd = [os.path.join(ROOT, "build/precis"), "eval", "rouge", "-n", "2", "-m", "-p", "0.5", "-f", "A",
           "-t", "0", "-r", "1", "-d", "--refs", refs, "--summaries", sums]
    if words == 100:
        cmd[5:5] = ["-l", "100"]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    score = {}
    for line in out.splitlines():
        t = line.split()
        if len(t) == 7 and t[2] == "Eval" and t[1] in ("ROUGE-1", "ROUGE-2"):
            v = {"R": float(t[4][2:]), "P": float(t[5][2:]), "F": float(t[6][2:])}[stat]
            score[(t[3].split(".", 1)[0], t[1])] = v
    data = {}
    for line in tsv.splitlines():
        t = line.split("\t")
        c = data.setdefault(t[0], {"n": int(t[1]), "w": int(t[2]), "facts": [None] * K,
                                   "r1": [0.0] * K, "r2": [0.0] * K})
        k = int(t[3])
        c["facts"][k] = [float(v) for v in t[4:15]]
        c["r1"][k] = score.get(("%s#%d" % (t[0], k), "ROUGE-1"), 0.0)
        c["r2"][k] = score.get(("%s#%d" % (t[0], k), "ROUGE-2"), 0.0)
    data = {i: c for i, c in data.items() if all(f is not None for f in c["facts"])}
    json.dump(data, open(cache, "w"))
    return data


def rel(a, b):
    return a / b - 1 if b > 0 else 0.0


def features(k, f, f0, budget, n_docs):
    """choose.c's ps_choose_features (facts: objective, bigrams, unigrams,
    prior, position, n_sents, words, docs, firsts, dangling, quotes)."""
    x = [0.0] * NF
    b = min(budget, 300) / 100.0
    nd = min(n_docs, 10) / 10.0
    if k > 0:
        x[k - 1] = 1
        x[K - 1 + k - 1] = b
        x[2 * (K - 1) + k - 1] = nd
    n0 = f0[5] if f0[5] > 1 else 1
    c = 3 * (K - 1)
    x[c + 0] = rel(f[0], f0[0])
    x[c + 1] = rel(f[1], f0[1])
    x[c + 2] = rel(f[2], f0[2])
    x[c + 3] = (f[3] - f0[3]) / n0
    x[c + 4] = (f[4] - f0[4]) / n0
    x[c + 5] = (f[5] - f0[5]) / n0
    x[c + 6] = (f[6] - f0[6]) / budget if budget > 0 else 0
    x[c + 7] = (f[7] - f0[7]) / (nd * 10 if nd * 10 > 1 else 1)
    x[c + 8] = (f[8] - f0[8]) / n0
    x[c + 9] = (f[9] - f0[9]) / n0
    x[c + 10] = (f[10] - f0[10]) / n0
    return x


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


def fit(sets, allowed, ridge, mask):
    A = [[0.0] * NF for _ in range(NF)]
    b = [0.0] * NF
    m = 0
    for data in sets:
        for c in data.values():
            f0 = c["facts"][0]
            y0 = (c["r1"][0] + c["r2"][0]) / 2
            for k in allowed:
                if k == 0:
                    continue
                x = [v if mask[i] else 0.0 for i, v in enumerate(features(k, c["facts"][k], f0, c["w"], c["n"]))]
                y = (c["r1"][k] + c["r2"][k]) / 2 - y0
                m += 1
                for i in range(NF):
                    if x[i]:
                        b[i] += x[i] * y
                        for j in range(NF):
                            A[i][j] += x[i] * x[j]
    for i in range(NF):
        A[i][i] += ridge * m if mask[i] else 1.0
    return solve(A, b)


def pick(c, coef, allowed):
    f0 = c["facts"][0]
    best, bs = 0, 0.0
    for k in allowed:
        if k == 0:
            continue
        s = sum(a * v for a, v in zip(coef, features(k, c["facts"][k], f0, c["w"], c["n"])))
        if s > bs:
            best, bs = k, s
    return best


def report(name, data, choice):
    """mean R-1, R-2 of the chosen candidates and paired s.e. against the default."""
    d1, d2, r1, r2 = [], [], [], []
    for i, c in data.items():
        k = choice(c)
        r1.append(c["r1"][k]); r2.append(c["r2"][k])
        d1.append(c["r1"][k] - c["r1"][0]); d2.append(c["r2"][k] - c["r2"][0])
    n = len(r1)
    se = lambda d: math.sqrt(sum((v - sum(d) / n) ** 2 for v in d) / (n - 1) / n)
    return "%.5f / %.5f (vs default %+.5f +- %.5f / %+.5f +- %.5f)" % (
        sum(r1) / n, sum(r2) / n, sum(d1) / n, se(d1), sum(d2) / n, se(d2))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/data/multinews/train_10k.jsonl.gz"))
    ap.add_argument("--tmp", default="/tmp/train_choose")
    ap.add_argument("--allowed", default=",".join(str(k) for k in range(K)))
    ap.add_argument("--ridge", type=float, default=1e-3)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.tmp, exist_ok=True)
    exe = build(a.tmp)
    if not os.path.exists(os.path.join(a.tmp, "chk250.jsonl")):
        split(a.data, a.tmp)
    data = {k: dump_set(exe, a.tmp, k) for k in SETS}
    for k, d in data.items():
        print("%s: %d clusters" % (k, len(d)))
    allowed = [int(v) for v in a.allowed.split(",")]
    mask = [1] * NF
    for k in range(1, K):
        if k not in allowed:
            mask[k - 1] = mask[K - 1 + k - 1] = mask[2 * (K - 1) + k - 1] = 0
    coef = fit([data["fit100"], data["fit250"]], allowed, a.ridge, mask)
    for name in ("fit100", "fit250", "chk100", "chk250"):
        d = data[name]
        print("== %s" % name)
        for k in range(K):
            print("  setting %d always: %s" % (k, report(name, d, lambda c, k=k: k)))
        orc = lambda c: max(allowed, key=lambda k: c["r1"][k] + c["r2"][k])
        print("  oracle of %s:  %s" % (a.allowed, report(name, d, orc)))
        print("  chooser:          %s" % report(name, d, lambda c: pick(c, coef, allowed)))
        cnt = [0] * K
        for c in d.values():
            cnt[pick(c, coef, allowed)] += 1
        print("  chooser picks per setting: %s" % cnt)
    print("coef: " + ", ".join("%.6g" % v for v in coef))
    if a.write:
        with open(os.path.join(ROOT, "src/summarize/choose_table.inc"), "w") as f:
            f.write("/* Generated by tools/train_choose.py (--allowed %s --ridge %g): do not edit. */\n"
                    % (a.allowed, a.ridge))
            f.write("#define PS_CHOOSE_ACTIVE 1\n")
            f.write("static const double PS_CHOOSE_COEF[PS_CHOOSE_NF] = {\n")
            for i in range(0, NF, 4):
                f.write("    " + ", ".join("%.9g" % v for v in coef[i:i + 4]) + ",\n")
            f.write("};\n")
        print("wrote src/summarize/choose_table.inc")


if __name__ == "__main__":
    main()
