#!/usr/bin/env python3
"""Scores key entities and timeline dates of precis stories against the
hand-labelled invented stories of tests/fixtures/entities/*/gold.tsv
(format: tests/fixtures/entities/README.md).

Input: the output of bench/entities_dump (story JSON + merged variants per
story directory). Entities: the story's whole ranked list (no cap) and its
first 15 (what the briefing shows). Precision by canonical name: distinct gold
entities found / entities listed (optional names, e.g. outlets in page debris,
are neither); a second entity for the same gold one is a split; an entity whose
merged variants name two gold entities is a wrong merge. Type accuracy over
the gold entities found (the first-ranked match). Where the gold gives the
reports naming an entity (fifth field), "sources" = the share of those found
whose source count is right (the ranking key). Timeline: each entry claims
its date for each of its sources; a claim is right when that source has a gold
event on that date (the entry's own event first). Precision = right claims /
claims; recall = gold (source, event) placements found / placements.

Usage: bench/entities.py DUMP FIXTURE_DIR... [--details tune|all|none]
"""
import json
import os
import sys


def norm(s):
    s = s.replace("\u2019", "'").strip()
    if s.endswith("'s"):
        s = s[:-2]
    return " ".join(s.casefold().split())


def load_gold(path):
    g = {"split": "tune", "entities": [], "optional": set(), "events": []}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "split":
            g["split"] = f[1]
        elif f[0] == "entity":
            names = [f[2]] + (f[3].split("|") if len(f) > 3 and f[3] else [])
            ent = {"type": f[1], "canon": f[2], "names": {norm(n) for n in names}}
            if len(f) > 4 and f[4]:  # reports naming it: "abd" or "af+b" (b may count or not)
                req, _, opt = f[4].partition("+")
                ent["src"] = (len(req), len(req) + len(opt))
            g["entities"].append(ent)
        elif f[0] == "optional":
            g["optional"] |= {norm(n) for n in f[1].split("|")}
        elif f[0] == "event":
            g["events"].append({"id": f[1], "doc": f[2], "dates": set(f[3].split("|")), "sub": f[4]})
        else:
            raise SystemExit(f"{path}: bad line: {line}")
    return g


def gold_of(g, name):
    n = norm(name)
    for i, e in enumerate(g["entities"]):
        if n in e["names"]:
            return i
    return None


def doc_letter(src_id):
    return os.path.basename(src_id)[:1]


def score_entities(g, ents, variants, top=None):
    lst = ents[:top] if top else ents
    found, splits, listed, typed_ok, wrong = {}, 0, 0, 0, []
    src_n = src_ok = 0
    src_bad = []
    fps = []
    for e in lst:
        gi = gold_of(g, e["name"])
        if gi is None:
            if norm(e["name"]) in g["optional"]:
                continue
            listed += 1
            fps.append(f'{e["name"]} ({e["type"]})')
            continue
        listed += 1
        if gi in found:
            splits += 1
            continue
        found[gi] = e
        if e["type"] == g["entities"][gi]["type"]:
            typed_ok += 1
        if "src" in g["entities"][gi]:
            lo, hi = g["entities"][gi]["src"]
            src_n += 1
            if lo <= e["sources"] <= hi:
                src_ok += 1
            else:
                src_bad.append(f'{e["name"]} {e["sources"]} (gold {lo}' + (f'-{hi})' if hi > lo else ')'))
    merges = 0
    for e in lst:
        names = variants.get(e["name"], [e["name"]])
        gs = {gold_of(g, v) for v in names} - {None}
        if len(gs) > 1:
            merges += 1
            wrong.append(f'{e["name"]} <- ' + "|".join(names))
    missing = [g["entities"][i]["canon"] for i in range(len(g["entities"])) if i not in found]
    mistyped = [f'{e["name"]} ({e["type"]}, gold {g["entities"][i]["type"]})'
                for i, e in found.items() if e["type"] != g["entities"][i]["type"]]
    split_names = {}
    for e in lst:
        gi = gold_of(g, e["name"])
        if gi is not None:
            split_names.setdefault(g["entities"][gi]["canon"], []).append(e["name"])
    split_list = [f"{k}: " + " / ".join(v) for k, v in split_names.items() if len(v) > 1]
    return {"gold": len(g["entities"]), "found": len(found), "listed": listed, "typed": typed_ok,
            "splits": splits, "merges": merges, "fps": fps, "missing": missing,
            "mistyped": mistyped, "wrong": wrong, "split_list": split_list,
            "src_n": src_n, "src_ok": src_ok, "src_bad": src_bad}


def score_timeline(g, story):
    events = g["events"]
    credited = set()
    claims = right = 0
    errors = []
    for t in story["timeline"]:
        head = doc_letter(t["doc"])
        text = " ".join(t["text"].split())
        eid = None
        for ev in events:
            if ev["doc"] == head and ev["sub"] in text:
                eid = ev["id"]
                break
        for src in t["sources"]:
            d = doc_letter(src)
            claims += 1
            cands = [k for k, ev in enumerate(events) if ev["doc"] == d and t["date"] in ev["dates"]
                     and k not in credited]
            cands.sort(key=lambda k: events[k]["id"] != eid)
            if cands:
                right += 1
                credited.add(cands[0])
            else:
                errors.append(f'{d}: {t["date"]} "{t["when"]}" in: {text[:90]}')
    missed = [f'{ev["doc"]} {"|".join(sorted(ev["dates"]))}: {ev["sub"]}'
              for k, ev in enumerate(events) if k not in credited]
    return {"gold": len(events), "claims": claims, "right": right, "found": len(credited),
            "errors": errors, "missed": missed}


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


def main():
    args = sys.argv[1:]
    details = "tune"
    if "--details" in args:
        i = args.index("--details")
        details = args[i + 1]
        del args[i:i + 2]
    dump, fixtures = args[0], args[1:]
    stories, variants = {}, {}
    for line in open(dump, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "story":
            stories[os.path.normpath(f[1])] = json.loads(f[2])
        elif f[0] == "variants":
            variants.setdefault(os.path.normpath(f[1]), {})[f[2]] = f[3].split("|")
    tot = {}
    rows = []
    for fx in fixtures:
        g = load_gold(os.path.join(fx, "gold.tsv"))
        key = os.path.normpath(os.path.join(fx, "articles"))
        st = stories[key]
        ea = score_entities(g, st["entities"], variants.get(key, {}))
        e15 = score_entities(g, st["entities"], variants.get(key, {}), top=15)
        tl = score_timeline(g, st)
        name = os.path.basename(os.path.normpath(fx))
        rows.append((g["split"], name, ea, e15, tl))
        t = tot.setdefault(g["split"], {})
        for k, v in (("e", ea), ("e15", e15)):
            for f in ("gold", "found", "listed", "typed", "splits", "merges", "src_n", "src_ok"):
                t[k + f] = t.get(k + f, 0) + v[f]
        for f in ("gold", "claims", "right", "found"):
            t["t" + f] = t.get("t" + f, 0) + tl[f]
        t["n"] = t.get("n", 0) + 1
    hdr = ("split", "stories", "ent gold", "P", "R", "type acc", "splits", "wrong merges",
           "top15 P", "top15 R", "sources", "tl gold", "tl claims", "date P", "date R")
    print("| " + " | ".join(hdr) + " |")
    print("|" + "---|" * len(hdr))
    for sp in sorted(tot, key=lambda s: s != "tune"):
        t = tot[sp]
        print("| " + " | ".join(str(x) for x in (
            sp, t["n"], t["egold"], ratio(t["efound"], t["elisted"]), ratio(t["efound"], t["egold"]),
            ratio(t["etyped"], t["efound"]), t["esplits"], t["emerges"],
            ratio(t["e15found"], t["e15listed"]), ratio(t["e15found"], t["e15gold"]),
            ratio(t["esrc_ok"], t["esrc_n"]),
            t["tgold"], t["tclaims"], ratio(t["tright"], t["tclaims"]), ratio(t["tfound"], t["tgold"]))) + " |")
    print()
    for sp, name, ea, e15, tl in rows:
        print(f'{sp:8} {name:12} entities P {ratio(ea["found"], ea["listed"])} R {ratio(ea["found"], ea["gold"])}'
              f' type {ratio(ea["typed"], ea["found"])} splits {ea["splits"]} merges {ea["merges"]}'
              + (f' sources {ratio(ea["src_ok"], ea["src_n"])}' if ea["src_n"] else '') +
              f' | timeline P {ratio(tl["right"], tl["claims"])} R {ratio(tl["found"], tl["gold"])}')
        if details == "all" or details == sp:
            for k, lab in (("fps", "not in gold"), ("missing", "missing"), ("mistyped", "mistyped"),
                           ("split_list", "split"), ("wrong", "wrong merge"),
                           ("src_bad", "source count")):
                if ea[k]:
                    print(f"    {lab}: " + "; ".join(ea[k]))
            for k, lab in (("errors", "wrong date"), ("missed", "missed")):
                for x in tl[k]:
                    print(f"    {lab}: {x}")


if __name__ == "__main__":  # bench/timeline.py imports score_timeline
    main()
