"""Scores the timeline of precis stories against event gold (the rules of
bench/entities.py's timeline: each entry claims its date for each of its
sources, right when that source's gold has an unclaimed event on that date,
the entry's own event first). Precision = right claims / claims; recall =
gold placements found / placements. Usage: timeline.py DUMP FIXTURE... [--details]"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from entities import score_timeline  # noqa: E402  (one scoring rule for both benches)


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
    t = score_timeline({"events": events}, story)
    return t["claims"], t["right"], t["found"], t["errors"], t["missed"]


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
