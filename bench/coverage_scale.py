#!/usr/bin/env python3
"""Cost of the coverage comparison on one story of many similar reports.

usage: bench/coverage_scale.py [--out DIR] [--facts F] [--per P] PRECIS [N...]

Writes, for each N (default 6 12 30 60 100), N invented reports of one
story as JSON Lines (DIR/scale_N.jsonl, default a temporary directory) and
times `PRECIS digest --no-progress --format json` on each under
`/usr/bin/time -v` (wall, CPU, peak RSS). Needs /usr/bin/time (Debian
package `time`: apt-get install time).

The story: a flood in an invented valley. F facts (default 180), each a
figure (homes, pumps, volunteers, kilometres of road, per cent, pounds), a
place, a day and a person; every report tells P of them (default 150) in
one of several wordings with synonyms, some figures in other units or in
words, one in ten changed (a conflict). All facts share one vocabulary
(flooded, homes, residents, river, council...), so the sentences are alike
within and across reports: the case that made alignment quadratic in
sentences. Every name is invented. Deterministic (seeded by N).
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

PLACES = ["Corrington", "Dunmere", "Ashby Vell", "Marrowby", "Tillingham", "Brasswell", "Quenby",
          "Hollin Cross", "Fenwick Row", "Orlestone", "Sallowby", "Kettering Vale", "Pyrford",
          "Wendleby", "Carrow Ford", "Ebbingham", "Lusk Hollow", "Nettlecombe", "Rydal Marsh",
          "Stavely End", "Upwick", "Varnholm", "Yarrowby", "Zennor Gate"]
PEOPLE = ["Harriet Quell", "Tomas Brayne", "Ingrid Sollis", "Marcus Fenn", "Odile Carrow",
          "Jasper Wrenfield", "Priya Halloway", "Declan Moss", "Sunniva Roe", "Aldous Pike",
          "Beatrix Lorne", "Kwame Idris", "Lotte Verhagen", "Rufus Anstey"]
ROLES = ["council leader", "fire chief", "river warden", "police spokeswoman", "mayor",
         "relief coordinator", "engineer"]
OUTLETS = ["Vale Courier", "Marrowby Standard", "Riverside Wire", "Fenland Observer", "Northgate Post",
           "Carrow Chronicle", "Upland Herald", "Basin Gazette", "Weir Street Journal", "Lowmead Echo",
           "Tidewater Daily", "Quenby Mercury", "Hollin Times", "Orle Valley News", "Stavely Sentinel"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMWORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
            10: "ten", 11: "eleven", 12: "twelve", 14: "fourteen", 20: "twenty", 30: "thirty",
            40: "forty", 50: "fifty"}

# What a fact counts: (unit words, synonyms), and how it is told.
THINGS = [("homes", ["homes", "houses", "properties"]),
          ("residents", ["residents", "people", "inhabitants"]),
          ("pumps", ["pumps", "pumping units"]),
          ("volunteers", ["volunteers", "helpers"]),
          ("boats", ["boats", "rescue boats", "dinghies"]),
          ("sandbags", ["sandbags", "bags of sand"]),
          ("soldiers", ["soldiers", "troops"]),
          ("schools", ["schools"]),
          ("roads", ["roads", "lanes"]),
          ("cattle", ["cattle", "cows"])]
VERBS = [["were flooded", "were under water", "were swamped"],
         ["were evacuated", "were moved out", "had to leave"],
         ["were sent", "were brought in", "arrived"],
         ["were damaged", "were hit", "were ruined"],
         ["were closed", "were shut", "stayed shut"]]


def fact_pool(rng, n_facts):
    facts = []
    for f in range(n_facts):
        kind = rng.random()
        fact = {"place": rng.choice(PLACES), "person": rng.choice(PEOPLE), "role": rng.choice(ROLES),
                "day": rng.choice(DAYS), "verb": rng.randrange(len(VERBS))}
        if kind < 0.55:
            thing = rng.choice(THINGS)
            fact.update(kind="count", value=rng.choice([rng.randint(2, 50), rng.randint(60, 3000)]),
                        thing=thing)
        elif kind < 0.7:
            fact.update(kind="distance", value=rng.randint(2, 60))
        elif kind < 0.85:
            fact.update(kind="percent", value=rng.randint(5, 95), thing=rng.choice(THINGS))
        else:
            fact.update(kind="money", value=rng.choice([1.5, 2, 3, 4.5, 6, 8, 12, 20]))
        facts.append(fact)
    return facts


def say_count(rng, v):
    if v in NUMWORDS and rng.random() < 0.3:
        return NUMWORDS[v]
    if v >= 1000 and rng.random() < 0.5:
        return f"{v:,}"
    return str(v)


def tell(rng, fact, conflict):
    v = fact["value"]
    if conflict:  # a rival figure, close enough to be the same thing
        v = v + max(1, round(v * rng.choice([0.15, 0.25, -0.2]))) if fact["kind"] != "money" else v * 1.5
    place, day, who, role = fact["place"], fact["day"], fact["person"], fact["role"]
    said = rng.choice([f", {role} {who} said", f", according to {who}", f", {who} told reporters",
                       f", said {who}, the {role}"])
    hedge = rng.choice(["", "", "about ", "nearly ", "more than ", "some "])
    if fact["kind"] == "count":
        noun = rng.choice(fact["thing"][1])
        verb = rng.choice(VERBS[fact["verb"]])
        n = say_count(rng, v)
        forms = [f"{hedge}{n} {noun} in {place} {verb} on {day}{said}.",
                 f"In {place}, {hedge}{n} {noun} {verb} on {day} as the river rose{said}.",
                 f"On {day} {hedge}{n} {noun} {verb} across {place} after the banks burst{said}.",
                 f"Officials in {place} said {hedge}{n} {noun} {verb} by the floodwater on {day}."]
    elif fact["kind"] == "distance":
        miles = rng.random() < 0.4
        d = f"{round(v / 1.609344)} miles" if miles else f"{v} kilometres"
        forms = [f"The flood stretched {hedge}{d} along the valley from {place} on {day}{said}.",
                 f"Water covered {d} of road near {place} by {day}{said}.",
                 f"A {d} stretch of the river bank at {place} gave way on {day}{said}."]
    elif fact["kind"] == "percent":
        noun = rng.choice(fact["thing"][1])
        pc = rng.choice([f"{v}%", f"{v} percent", f"{v} per cent"])
        forms = [f"{hedge}{pc} of {noun} in {place} were without power on {day}{said}.",
                 f"On {day} {pc} of the {noun} around {place} had no electricity{said}.",
                 f"Power was cut to {pc} of {noun} in {place} on {day}{said}."]
    else:
        m = f"£{v:g} million" if rng.random() < 0.6 else f"{round(v * 1e6):,} pounds"
        forms = [f"The council set aside {m} for repairs in {place} on {day}{said}.",
                 f"Repairs in {place} will cost {hedge}{m}{said}.",
                 f"A relief fund of {m} for {place} was announced on {day}{said}."]
    s = rng.choice(forms)
    return s[0].upper() + s[1:]


def make_story(n_reports, n_facts, per_report):
    rng = random.Random(1000 + n_reports)
    facts = fact_pool(rng, n_facts)
    lines = []
    for r in range(n_reports):
        outlet = f"{OUTLETS[r % len(OUTLETS)]}" + ("" if r < len(OUTLETS) else f" {r // len(OUTLETS) + 1}")
        told = sorted(rng.sample(range(n_facts), per_report))
        # mostly in fact order (the inverted pyramid differs a little per outlet)
        for i in range(len(told) - 1):
            if rng.random() < 0.2:
                told[i], told[i + 1] = told[i + 1], told[i]
        paras = [tell(rng, facts[f], rng.random() < 0.1) for f in told]
        text = "\n\n".join(paras)
        lines.append(json.dumps({"id": f"scale-{n_reports}-{r:03d}", "site": outlet,
                                 "title": f"Floods across the Marrow valley: {rng.choice(PLACES)} hit",
                                 "date": "2026-11-20", "url": f"https://example.invalid/{r}",
                                 "text": text}))
    return "\n".join(lines) + "\n"


def time_digest(precis, path):
    out = path + ".json"
    with open(out, "w") as o, open(path + ".time", "w") as t:
        rc = subprocess.call(["/usr/bin/time", "-v", precis, "digest", "--no-progress", "--format", "json", path],
                             stdout=o, stderr=t)
    tv = open(path + ".time").read()

    def field(name):
        m = re.search(r"^\s*" + re.escape(name) + r": (.*)$", tv, re.M)
        return m.group(1) if m else "?"
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(x) for x in wall.split(":")] if wall != "?" else [0]
    secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    stories = reports = "?"
    try:
        j = json.load(open(out))
        stories = len(j["stories"])
        reports = max(s["coverage"]["reports"] for s in j["stories"])
    except Exception:  # a failed run prints its rc
        pass
    return rc, secs, cpu, rss, stories, reports


def main(argv):
    out, n_facts, per = None, 180, 150
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--out": out = argv[i + 1]; i += 2; continue
        if a == "--facts": n_facts = int(argv[i + 1]); i += 2; continue
        if a == "--per": per = int(argv[i + 1]); i += 2; continue
        args.append(a)
        i += 1
    if not args:
        sys.exit(__doc__)
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("bench/coverage_scale.py needs /usr/bin/time (Debian package 'time': apt-get install time)")
    precis, ns = args[0], [int(x) for x in args[1:]] or [6, 12, 30, 60, 100]
    out = out or tempfile.mkdtemp(prefix="precis-covscale-")
    os.makedirs(out, exist_ok=True)
    print(f"facts {n_facts}, {per} per report; files in {out}")
    print(f"{'N':>4} {'sents':>6} {'wall s':>8} {'cpu s':>8} {'RSS MB':>8} {'stories':>7} {'reports':>7}")
    for n in ns:
        path = os.path.join(out, f"scale_{n}.jsonl")
        with open(path, "w") as f:
            f.write(make_story(n, n_facts, per))
        rc, wall, cpu, rss, stories, reports = time_digest(precis, path)
        print(f"{n:>4} {n * per:>6} {wall:>8.2f} {cpu:>8.2f} {rss:>8.1f} {stories!s:>7} {reports!s:>7}"
              + ("" if rc == 0 else f"  (exit {rc})"), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
