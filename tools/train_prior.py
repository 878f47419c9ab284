#!/usr/bin/env python3
"""tools/train_prior.py — fits the summarizer's learned sentence prior and
writes its table (python3 standard library only).

    python3 tools/train_prior.py [--data ../shared/data/multinews/train_10k.jsonl.gz]
        the long budgets' model (150+ words), all PS_PRIOR_NF features, label
        uniq, ridge 0.01: src/summarize/prior_table_long.inc (Round 7)
    python3 tools/train_prior.py --table short --label bigrams --ridge 1e-3
        the short budgets' recipe (Round 2: the first 15 features, bigrams
        held): src/summarize/prior_table.inc. Refitting it on today's
        candidates does not give the committed table again (it was fitted on
        the 44,526 candidates the filter of its time let through; 42,272 now).

Everything is chosen on Multi-News TRAINING clusters (never on DUC 2004 or
Multi-News val):
  fit     clusters 0-5999 with 3+ documents: every candidate sentence is one
          sample; features from prior.c (dumped by tools/prior_dump.c), label =
          the reference bigrams (ROUGE -m tokens and stems) it holds, each
          counted as 1 / (candidates of its cluster holding it) (--label uniq,
          the default since Round 7; --label bigrams: each counted 1, as
          before); ridge-regularised least squares.
  check   held-out training clusters 6000-9999: those with 5+ documents and
          those with 4 at 100 words (ROUGE recall, the DUC-like setting), and
          all of them at 250 words (ROUGE F, the Multi-News setting). lambda
          (the prior's share of the objective) is the grid value with the
          largest summed relative gain of the six figures (R-1, R-2 of each)
          over lambda = 0.
Needs build/libprecis.a and build/precis (runs `make` first) and a C compiler.
"""
import argparse, gzip, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the libraries the Makefile links (one list: its PKGS line)
PKGS = next(l.split(":=", 1)[1].strip() for l in open(os.path.join(ROOT, "Makefile")) if l.startswith("PKGS :="))


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, cwd=ROOT, **kw)


def build(tmp):
    sh("make -s -j2 build/libprecis.a build/precis")
    exe = os.path.join(tmp, "prior_dump")
    sh("cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc "
       "tools/prior_dump.c build/libprecis.a $(pkg-config --libs %s) -lstemmer -lm -o %s" % (PKGS, exe))
    return exe


def split(data, tmp):
    paths = {k: os.path.join(tmp, k + ".jsonl") for k in ("fit", "chk5", "chk4", "chk250")}
    files = {k: open(p, "w") for k, p in paths.items()}
    with gzip.open(data, "rt") as f:
        for i, line in enumerate(f):
            n = len(json.loads(line)["documents"])
            if i < 6000:
                files["fit"].write(line)
            else:
                if n >= 5:
                    files["chk5"].write(line)
                if n == 4:
                    files["chk4"].write(line)
                files["chk250"].write(line)
    for f in files.values():
        f.close()
    return paths


def load(tsv, min_docs, label):
    X, Y = [], []
    for line in tsv.splitlines():
        t = line.split("\t")
        if int(t[1]) < min_docs:
            continue
        X.append([float(v) for v in t[2:-4]])
        # the last columns: words, reference content words, bigrams, bigrams by uniqueness
        Y.append(float(t[-1] if label == "uniq" else t[-2]))
    return X, Y


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


def least_squares(X, y, ridge):
    n = len(X[0])
    A = [[0.0] * n for _ in range(n)]
    b = [0.0] * n
    for x, t in zip(X, y):
        nz = [i for i in range(n) if x[i]]  # most bucket terms are 0
        for i in nz:
            b[i] += x[i] * t
            for j in nz:
                A[i][j] += x[i] * x[j]
    for i in range(1, n):  # the intercept is not shrunk
        A[i][i] += ridge * len(X)
    return solve(A, b)


def to_eval(refs, raw, out):
    got = {}
    for line in raw.splitlines():
        o = json.loads(line)
        got[str(o["id"])] = "\n".join(s["text"] for s in o["sentences"])
    with open(out, "w") as f:
        for line in open(refs):
            i = json.loads(line)["id"]
            f.write(json.dumps({"id": i, "summary": got.get(str(i), "")}) + "\n")


def rouge(refs, sums, words, stat):
    cmd = [os.path.join(ROOT, "build/precis"), "eval", "rouge", "-n", "2", "-2", "4", "-u", "-m",
           "-p", "0.5", "-f", "A", "-t", "0", "-r", "10", "--refs", refs, "--summaries", sums]
    if words == 100:
        cmd[5:5] = ["-l", "100"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    v = {}
    for line in out.splitlines():
        t = line.split()
        if len(t) >= 4 and t[2] == "Average_%s:" % stat and t[1] in ("ROUGE-1", "ROUGE-2"):
            v[t[1]] = float(t[3])
    return v["ROUGE-1"], v["ROUGE-2"]


def check(exe, paths, tmp, lam, coef):
    c = ",".join("%.6g" % x for x in coef)
    figs = []
    for name, words, stat in (("chk5", 100, "R"), ("chk4", 100, "R"), ("chk250", 250, "F")):
        raw = subprocess.run([exe, "run", paths[name], str(words), str(lam), "1", c], check=True,
                             capture_output=True, text=True).stdout
        sums = os.path.join(tmp, "%s_sum.jsonl" % name)
        to_eval(paths[name], raw, sums)
        figs += rouge(paths[name], sums, words, stat)
    return figs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/data/multinews/train_10k.jsonl.gz"),
                    help="Multi-News training clusters, gzipped JSONL (default: %(default)s)")
    ap.add_argument("--min-docs", type=int, default=3,
                    help="fit only on clusters of 0-5999 with this many documents or more (default: 3)")
    ap.add_argument("--ridge", type=float, default=1e-2,
                    help="ridge penalty per sample on every coefficient but the intercept (default: 0.01)")
    ap.add_argument("--label", choices=("uniq", "bigrams"), default="uniq",
                    help="uniq: reference bigrams held, each / candidates holding it; bigrams: each 1 "
                         "(default: %(default)s)")
    ap.add_argument("--lambdas", default="0,0.1,0.2,0.3,0.4,0.5,0.7,1",
                    help="comma-separated lambda grid, the first must be 0 (the baseline) (default: %(default)s)")
    ap.add_argument("--table", choices=("long", "short"), default="long",
                    help="long: every feature, PS_PRIOR_LONG_* in prior_table_long.inc; short: the "
                         "first 15 features, PS_PRIOR_* in prior_table.inc (default: %(default)s)")
    ap.add_argument("--out", help="the table written (default: by --table)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exe = build(tmp)
        paths = split(a.data, tmp)
        tsv = subprocess.run([exe, "features", paths["fit"], "100"], check=True, capture_output=True,
                             text=True).stdout
        X, y = load(tsv, a.min_docs, a.label)
        nf = len(X[0]) if a.table == "long" else 15
        coef = least_squares([x[:nf] for x in X], y, a.ridge) + [0.0] * (len(X[0]) - nf)
        print("fit: %d sentences of clusters 0-5999 with %d+ documents" % (len(X), a.min_docs))
        print("coefficients:", ", ".join("%.4g" % c for c in coef))
        print("lambda  chk5 R-1  chk5 R-2  chk4 R-1  chk4 R-2  chk250 R-1  chk250 R-2   (100 w recall; 250 w F)")
        rows = []
        for lam in [float(v) for v in a.lambdas.split(",")]:
            f = check(exe, paths, tmp, lam, coef)
            rows.append((lam, f))
            print("%-6g  %.5f   %.5f   %.5f   %.5f   %.5f     %.5f" % (lam, *f))
            sys.stdout.flush()
    base = rows[0][1] if rows[0][0] == 0 else None
    if base is None:
        sys.exit("the first lambda must be 0 (the baseline)")
    best = max(rows, key=lambda r: sum(v / b - 1 for v, b in zip(r[1], base)))
    lam, f = best
    print("chosen lambda %g" % lam)
    name = "PS_PRIOR_LONG_" if a.table == "long" else "PS_PRIOR_"
    out = a.out or os.path.join(ROOT, "src/summarize/prior_table%s.inc" % ("_long" if a.table == "long" else ""))
    with open(out, "w") as o:
        o.write("/* Generated by tools/train_prior.py: do not edit.\n"
                " * Ridge (%g) least squares on %d candidate sentences of Multi-News training\n"
                " * clusters 0-5999 with %d+ documents (label: %s).\n"
                "%s"
                " * lambda chosen on held-out training clusters 6000-9999; with it / without (0):\n"
                " *   5+ docs, 100 words, recall: R-1 %.5f / %.5f, R-2 %.5f / %.5f\n"
                " *   4 docs, 100 words, recall:  R-1 %.5f / %.5f, R-2 %.5f / %.5f\n"
                " *   all, 250 words, F:          R-1 %.5f / %.5f, R-2 %.5f / %.5f */\n"
                % (a.ridge, len(X), a.min_docs,
                   "reference bigrams held, each / candidates holding it" if a.label == "uniq"
                   else "distinct reference bigrams held",
                   " * Used for budgets of PS_PRIOR_LONG_WORDS words and more (prior.c).\n" if a.table == "long"
                   else " * Used for budgets under PS_PRIOR_LONG_WORDS words (prior.c).\n",
                   f[0], base[0], f[1], base[1], f[2], base[2], f[3], base[3], f[4], base[4], f[5], base[5]))
        o.write("static const double %sCOEF[PS_PRIOR_NF] = {\n%s};\n"
                % (name, ",\n".join("    " + ", ".join("%.6g" % c for c in coef[k:k + 8]) for k in range(0, len(coef), 8))))
        o.write("static const double %sLAMBDA = %g;\n" % (name, lam))
    print("wrote", os.path.relpath(out, ROOT))


if __name__ == "__main__":
    main()
