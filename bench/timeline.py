"""Scores the timeline of precis stories against event gold (the rules of
bench/entities.py's timeline: each entry claims its date for each of its
sources, right when that source's gold has an unclaimed event on that date,
the entry's own event first). Precision = right claims / claims; recall =
gold placements found / placements. Usage: timeline.py DUMP FIXTURE... [--details]"""
import json
import os
import sys


def doc_letter(doc_id):
    return os.path.basename(doc_id)[0]


def load_events(path):
    split, events = "?", []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "split":
            split = f[1]
        elif f[0] == "event":
            events.append({"id": f[1], "doc": f[2], "dates": set(f[3].split("|")), "sub": f[4]})
    return split, events


def score(events, story):
    credited, claims, right, errors = set(), 0, 0, []
    for t in story["timeline"]:
        text = " ".join(t["text"].split())
        head = doc_letter(t["doc"])
        eid = next((ev["id"] for ev in events if ev["doc"] == head and ev["sub"] in text), None)
        for src in t["sources"]:
            d = doc_letter(src)
            claims += 1
            cands = [k for k, ev in enumerate(events)
                     if ev["doc"] == d and t["date"] in ev["dates"] and k not in credited]
            cands.sort(key=lambda k: events[k]["id"] != eid)
            if cands:
                right += 1
                credited.add(cands[0])
            else:
                errors.append(f'{d}: {t["date"]} "{t["when"]}" in: {text[:90]}')
    missed = [f'{ev["doc"]} {"|".join(sorted(ev["dates"]))}: {ev["sub"]}'
              for k, ev in enumerate(events) if k not in credited]
    return claims, right, len(credited), errors, missed


def main():
    args = sys.argv[1:]
    details = "--details" in args
    args = [a for a in args if a != "--details"]
    stories = {}
    for line in open(args[0], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "story":
            stories[os.path.normpath(f[1])] = json.loads(f[2])
    for fx in args[1:]:
        split, events = load_events(os.path.join(fx, "gold.tsv"))
        st = stories[os.path.normpath(os.path.join(fx, "articles"))]
        claims, right, found, errors, missed = score(events, st)
        name = os.path.basename(os.path.normpath(fx))
        print(f"{split:9} {name:10} placements {len(events)}  claims {claims}  right {right}"
              f"  found {found}  (date P {right / claims if claims else 0:.2f}  R {found / len(events):.2f})")
        if details:
            for x in errors:
                print(f"    wrong date: {x}")
            for x in missed:
                print(f"    missed: {x}")


main()
