#!/usr/bin/env python3
"""An invented long article for the cost of key-entity merging (bench/entities_big.sh):
N sentences, each with random invented names - a person ("Talen Varsk said"), a body
of two to four words ("the Orvane Kessel Authority") and an acronym in capitals
("KORVA officials", "OKA said"), a quarter of them the initials of a body named
somewhere in the text. With "legal" as third argument, each sentence names a company by
its legal suffix instead ("the Kadomi Velar Corp."), a third of them again by a second form
("Kadomi Velar Corporation", "Kadomi Velar Inc"), and its bare name ("Kadomi Velar said"):
the legal-suffix merge pass's cost. Deterministic (seed).
Usage: entities_big.py N [SEED [legal]] > article.txt"""
import random, sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
legal = len(sys.argv) > 3 and sys.argv[3] == "legal"
C, V = "bdfghklmnprstvz", "aeiou"

def word(k):
    return "".join(rng.choice(C) + rng.choice(V) for _ in range(k)).capitalize()

bodies = []
print("Harbour Ledger\n3 March 2031\n\nA long day of talks\n")
for i in range(n):
    person = f"{word(2)} {word(3)}"
    heads = ["Authority", "Council", "Agency", "Board", "Union", "Group"]
    body = " ".join(word(rng.choice((2, 3))) for _ in range(rng.choice((1, 2, 3)))) + " " + rng.choice(heads)
    bodies.append(body)
    if rng.random() < 0.25:
        ref = rng.choice(bodies)
        acro = "".join(w[0] for w in ref.split())
    else:
        acro = "".join(rng.choice("ABCDEFGHKLMNPRSTV") for _ in range(rng.choice((2, 3, 4, 5))))
    if legal:
        firm = f"{word(3)} {word(2)}"
        suffix = rng.choice(["Corp.", "Inc.", "Ltd", "Corporation", "PLC"])
        print(f"{person} said {firm} {suffix} would buy a stake in the {body}.")
        r = rng.random()
        if r < 0.33:
            print(f"Shares of {firm} {rng.choice(['Corp', 'Inc', 'Corporation'])} rose in {word(3)} on Monday.")
        elif r < 0.66:
            print(f"{firm} said the deal would close in May.")
        continue
    form = rng.randrange(3)
    if form == 0:
        print(f"{person} said the {body} would meet {acro} officials on Tuesday.")
    elif form == 1:
        print(f"The {body} and {acro} told {person} that the plan was late.")
    else:
        print(f"Officials of {acro} said {person} had written to the {body} in {word(3)}.")
