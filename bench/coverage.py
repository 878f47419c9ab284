#!/usr/bin/env python3
"""Scores the coverage comparison of `precis digest` against the truth planted
in invented multi-outlet stories (tests/fixtures/story/*/truth.tsv), and a
naive peer measured on the same input in the same run.

usage: bench/coverage.py [--errors] PRECIS FIXTURE_DIR...

--errors also prints, per fixture, what precis got wrong (false and missed
unique facts, omissions, conflicts) with the sentences: for choosing changes
on the tuning fixtures; do not read it on a held-out one.

For each fixture directory: runs `PRECIS digest --format json DIR/articles`, maps every
reported sentence to its planted fact through truth.tsv (doc = first letter of
the file name, substring match), and counts
  unique     (report, fact) that no other report tells
  omissions  (report, fact) that more than half of the other reports tell
             (and at least two) but this one leaves out
  conflicts  (kind, fact) where the reports give different figures, distances,
             dates or names
  spellings  facts whose reports spell one name two ways (truth "spelling f"),
             which precis lists apart from conflicts (coverage.spellings)
  timeline   planted (doc, sentence) -> ISO date placements
Copies (truth "copy f c") count as their original, as precis counts them.

The peer: sentences aligned by plain word-set Jaccard >= 0.5 (no stemming, no
weights, numbers and dates kept as words); unique = unaligned; omission by the
same majority rule; conflict = an aligned pair whose digit tokens differ.
"""
import json
import os
import re
import subprocess
import sys


def load_truth(path):
    facts, conflicts, timeline, copies, spellings = [], set(), [], {}, set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "fact":
            facts.append((f[1], f[2], f[3]))
        elif f[0] == "conflict":
            conflicts.add((f[1], f[2]))
        elif f[0] == "timeline":
            timeline.append((f[1], f[2], f[3]))
        elif f[0] == "copy":
            copies[f[1]] = f[2]
        elif f[0] == "spelling":
            spellings.add((f[1],))
    return facts, conflicts, timeline, copies, spellings


def letter(doc_id):
    return os.path.basename(doc_id)[0]


def facts_of(facts, doc, text):
    """Every fact the sentence tells, in truth order ([None] for none): a
    sentence that packs two facts has one truth line for each."""
    out = []
    for fid, d, sub in facts:
        if d == doc and sub in text and fid not in out:
            out.append(fid)
    return out or [None]


def fact_of(facts, doc, text):
    return facts_of(facts, doc, text)[0]


def gold_sets(facts, copies):
    reports = sorted({d for _, d, _ in facts if d not in copies})
    tellers = {}
    for fid, d, _ in facts:
        tellers.setdefault(fid, set()).add(copies.get(d, d))
    R = len(reports)
    need = max(2, (R - 1) // 2 + 1)
    unique = {(next(iter(s)), f) for f, s in tellers.items() if len(s) == 1}
    omits = {(x, f) for f, s in tellers.items() if len(s) >= need for x in reports if x not in s}
    return reports, unique, omits


def prf(found, gold):
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    return tp, len(found), len(gold), p, r


def score_precis(precis, fixture, facts, truth_conf, timeline, copies):
    out = subprocess.run([precis, "digest", "--format", "json", "--no-progress", os.path.join(fixture, "articles")],
                         capture_output=True, text=True)
    if out.returncode not in (0, 2):
        sys.exit(f"precis digest {fixture} failed ({out.returncode}): {out.stderr}")
    d = json.loads(out.stdout)
    unique, omits, conf, top1, spell = set(), set(), set(), set(), set()
    texts = {}  # (report, fact) -> a sentence precis gave for it, for --errors
    tl_right, tl_wrong, tl_found = 0, 0, set()
    truth_dates = {}
    for date, doc, fid in timeline:
        truth_dates[(doc, fid)] = date
    for s in d["stories"]:
        for p in s["coverage"]["per_source"]:
            x = copies.get(letter(p["doc"]), letter(p["doc"]))
            for k, u in enumerate(p["unique"]):
                for f in facts_of(facts, letter(p["doc"]), u["text"]):
                    unique.add((x, f))
                    texts.setdefault(("u", x, f), u["text"])
                    if k == 0:  # the briefing shows the most novel first
                        top1.add((x, f))
            for o in p["omits"]:
                for f in facts_of(facts, letter(o["doc"]), o["text"]):
                    omits.add((x, f))
                    texts.setdefault(("o", x, f), o["text"])
        for c in s["coverage"]["conflicts"]:
            # The conflict is about the fact every claim's sentence tells.
            fl = [facts_of(facts, letter(cl["docs"][0]), cl["text"]) for cl in c["claims"]]
            common = [f for f in fl[0] if all(f in g for g in fl[1:])]
            # sentences packing two facts (a lead with the day and the count)
            # are in conflict about the one planted as a conflict of the kind
            planted = [f for f in common if (c["kind"], f) in truth_conf]
            if common:
                conf.add((c["kind"], (planted or common)[0]))
            else:
                fs = {g[0] for g in fl}
                conf.add((c["kind"], fs.pop() if len(fs) == 1 else "|".join(sorted(map(str, fs)))))
        for c in s["coverage"].get("spellings", []):
            fl = [facts_of(facts, letter(cl["docs"][0]), cl["text"]) for cl in c["claims"]]
            common = [f for f in fl[0] if all(f in g for g in fl[1:])]
            spell.add((common[0] if common else "|".join(sorted({str(g[0]) for g in fl})),))
        for e in s["timeline"]:
            for f in facts_of(facts, letter(e["doc"]), e["text"]):
                for src in e["sources"]:
                    key = (letter(src), f)
                    if key in truth_dates:
                        if truth_dates[key] == e["date"]:
                            tl_found.add(key)
                        else:
                            tl_wrong += 1
    tl_right = len(tl_found)
    return unique, omits, conf, (tl_right, tl_wrong, len(truth_dates)), len(d["stories"]), top1, spell, texts


def words(text):
    return set(re.findall(r"[A-Za-z0-9][A-Za-z0-9,.'-]*[A-Za-z0-9]|[A-Za-z0-9]", text.lower()))


def score_peer(precis, fixture, facts, copies, reports):
    # The peer reads the same clean text precis works on (precis clean).
    out = subprocess.run([precis, "clean", "--format", "jsonl", os.path.join(fixture, "articles")],
                         capture_output=True, text=True)
    sents = []  # (report, fact, words, digits)
    for line in out.stdout.splitlines():
        a = json.loads(line)
        doc = letter(a["id"])
        if doc in copies:
            continue
        for para in a["text"].split("\n\n"):
            for sent in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", para.strip()):
                if len(sent.split()) < 6:
                    continue
                w = words(sent)
                sents.append((doc, facts_of(facts, doc, sent), w, {t for t in w if t[0].isdigit()}))
    R = len(reports)
    need = max(2, (R - 1) // 2 + 1)
    cover = [set() for _ in sents]
    conf = set()
    for i, (di, fi, wi, ni) in enumerate(sents):
        for j, (dj, fj, wj, nj) in enumerate(sents):
            if j <= i or di == dj:
                continue
            if len(wi & wj) / len(wi | wj) >= 0.5:
                cover[i].add(dj)
                cover[j].add(di)
                if ni != nj and ni and nj:
                    conf.add(("figure", fi[0]))
    unique = {(sents[i][0], f) for i in range(len(sents)) if not cover[i] for f in sents[i][1]}
    omits = set()
    for i, (di, fi, _, _) in enumerate(sents):
        tellers = cover[i] | {di}
        if len(tellers) >= need:
            omits |= {(x, f) for x in reports if x not in tellers for f in fi}
    return unique, omits, conf


def show_errors(facts, u, gu, o, go, c, gc, texts):
    said = {(d, f): sub for f, d, sub in reversed(facts)}
    for what, found, gold, k in (("unique", u, gu, "u"), ("omission", o, go, "o"), ("conflict", c, gc, "")):
        for x in sorted(found - gold, key=str):
            print(f"   false {what} {x}: {texts.get((k,) + x, '')[:110]}")
        for x in sorted(gold - found, key=str):
            print(f"   missed {what} {x}" + (f": {said.get(x, '')}" if k else ""))


def line(name, found, gold):
    tp, nf, ng, p, r = prf(found, gold)
    f1 = 2 * p * r / (p + r) if p + r else 0
    return f"  {name:<10} found {nf:>3}  planted {ng:>3}  correct {tp:>3}  precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    errors = sys.argv[1] == "--errors"
    if errors:
        del sys.argv[1]
    precis = sys.argv[1]
    totals = {k: [set(), set()] for k in ("p_unique", "p_unique1", "p_omits", "p_conf", "b_unique", "b_omits", "b_conf", "p_spell")}
    tl_tot = [0, 0, 0]
    for fixture in sys.argv[2:]:
        name = os.path.basename(os.path.normpath(fixture))
        facts, truth_conf, timeline, copies, truth_spell = load_truth(os.path.join(fixture, "truth.tsv"))
        reports, g_unique, g_omits = gold_sets(facts, copies)
        u, o, c, tl, n_stories, u1, sp, texts = score_precis(precis, fixture, facts, truth_conf, timeline, copies)
        bu, bo, bc = score_peer(precis, fixture, facts, copies, reports)
        # A conflict of the right fact counts for the peer whatever its kind (it knows only digits).
        bc = {(k2, f) for (_, f) in bc for (k2, f2) in truth_conf if f2 == f} | {x for x in bc if x[1] not in {f for _, f in truth_conf}}
        print(f"{name}: {len(reports)} reports, {n_stories} stor{'y' if n_stories == 1 else 'ies'} found")
        print(" precis")
        print(line("unique", u, g_unique))
        print(line("unique@1", u1, g_unique) + "  (first listed per source)")
        print(line("omissions", o, g_omits))
        print(line("conflicts", c, truth_conf))
        print(line("spellings", sp, truth_spell))
        print(f"  timeline   planted dates placed right {tl[0]}/{tl[2]}, placements on a wrong date {tl[1]}")
        print(" peer (word-set Jaccard >= 0.5, digit mismatch = conflict)")
        print(line("unique", bu, g_unique))
        print(line("omissions", bo, g_omits))
        print(line("conflicts", bc, truth_conf))
        if errors:
            show_errors(facts, u, g_unique, o, g_omits, c, truth_conf, texts)
        tag = lambda s: {(name,) + x for x in s}
        for k, (f, g) in (("p_unique", (u, g_unique)), ("p_unique1", (u1, g_unique)), ("p_omits", (o, g_omits)), ("p_conf", (c, truth_conf)), ("p_spell", (sp, truth_spell)),
                          ("b_unique", (bu, g_unique)), ("b_omits", (bo, g_omits)), ("b_conf", (bc, truth_conf))):
            totals[k][0] |= tag(f)
            totals[k][1] |= tag(g)
        for i in range(3):
            tl_tot[i] += tl[i]
    print("all fixtures")
    print(" precis")
    print(line("unique", *totals["p_unique"]))
    print(line("unique@1", *totals["p_unique1"]) + "  (first listed per source)")
    print(line("omissions", *totals["p_omits"]))
    print(line("conflicts", *totals["p_conf"]))
    print(line("spellings", *totals["p_spell"]))
    print(f"  timeline   planted dates placed right {tl_tot[0]}/{tl_tot[2]}, placements on a wrong date {tl_tot[1]}")
    print(" peer")
    print(line("unique", *totals["b_unique"]))
    print(line("omissions", *totals["b_omits"]))
    print(line("conflicts", *totals["b_conf"]))


if __name__ == "__main__":
    main()
