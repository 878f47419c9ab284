#!/usr/bin/env python3
"""Invented short articles in many stories, as JSON Lines, for bench/ingest_many.sh.

    python3 bench/ingest_many_make.py N_ARTICLES N_STORIES SEED > out.jsonl

Each story has its own invented vocabulary (place and person names made of
random syllables), so the online clusterer keeps the stories apart; every
article of a story is a different wording (no duplicates)."""
import json
import random
import sys

SYL = ["ka", "lo", "mi", "ter", "van", "dor", "pel", "sun", "bra", "ket", "nol", "fim", "gar",
       "hus", "jel", "quo", "rin", "sav", "tok", "wex", "yor", "zan", "bel", "cro"]
VERBS = ["opened", "closed", "repaired", "inspected", "flooded", "rebuilt", "sold", "visited"]
THINGS = ["bridge", "harbour", "library", "depot", "mill", "school", "market", "station"]


def name(rng, parts):
    return "".join(rng.choice(SYL) for _ in range(parts)).capitalize()


def main():
    n, n_stories, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    stories = []
    for _ in range(n_stories):
        stories.append({
            "place": name(rng, 3), "person": name(rng, 2) + " " + name(rng, 3),
            "thing": rng.choice(THINGS), "verb": rng.choice(VERBS), "extra": name(rng, 3),
            "words": [name(rng, 2).lower() for _ in range(11)],
            "day": rng.randint(1, 28), "month": rng.randint(1, 12),
        })
    out = sys.stdout
    for i in range(n):
        s = stories[i % n_stories]
        k = i // n_stories
        w = s["words"]
        text = (f"{s['place']} {w[0]} {w[1]} {s['thing']} {w[2]}, {s['person']} said. "
                f"{w[3].capitalize()} {s['extra']} {w[4]} {k + 2} {w[5]} {s['place']} {w[6]} {k + 3}. "
                f"{s['person']} {w[7]} {w[8]} {s['place']} {w[9]} {k + 4} {w[10]}.")
        out.write(json.dumps({"id": f"a{i}", "title": f"{s['place']} {s['thing']} {s['verb']} ({k})",
                              "date": f"2031-{s['month']:02d}-{s['day']:02d}",
                              "site": f"outlet{k % 7}.example", "text": text}) + "\n")


if __name__ == "__main__":
    main()
