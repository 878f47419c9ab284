#!/usr/bin/env python3
"""Writes the invented bad inputs of bench/bad_input.sh and tests/cli/test_bad_input17.sh.

  bad_input_make.py DIR [--big MB] [--tiny N] [--copies N] [--stream N]

Every word is made of invented syllables (fixed seed): no text comes from a
real corpus. Files written to DIR:
  one.txt            one article of a few paragraphs
  oneword/           5 one-word articles
  nosent/            5 articles of words with no sentence end and no capital
  big.txt            about MB megabytes of paragraphs of invented sentences
  bigline.txt        about MB megabytes on one line, no punctuation at all
  bigrep.txt         about MB megabytes of one sentence repeated
  tiny.jsonl         N tiny articles (one short sentence each), distinct ids
  tiny/              the same N tiny articles as files t00001.txt ...
  copies.jsonl       N copies of one article under distinct ids
  junk.bin           1 MiB of random bytes
  badutf8.txt        an article with invalid UTF-8 sequences in its words
  nul.txt            an article with NUL bytes inside sentences
  nodate.jsonl       6 articles of two stories, none with a date
  dates.jsonl        6 articles of one story dated 9999-12-31, 1900-01-01,
                     2024-02-30, 2025-05-03, 0000-00-00 and 2025-05-04
  stream.jsonl       N lines of articles from 200 invented stories, dated
"""
import json
import os
import random
import sys

SYL = ["ka", "lo", "mer", "tin", "sa", "vor", "du", "bel", "ra", "quin", "po", "zel",
       "an", "tor", "mi", "gas", "hel", "ur", "nop", "fe", "dri", "ko", "las", "ven"]
FUNC = ["the", "of", "and", "in", "to", "a", "was", "for", "on", "with", "said", "by",
        "at", "from", "that", "it", "has", "after"]


def word(rng, n=None):
    n = n or rng.randint(1, 3)
    return "".join(rng.choice(SYL) for _ in range(n))


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.vocab = sorted({word(self.rng) for _ in range(4000)})
        self.names = [word(self.rng, 2).capitalize() + " " + word(self.rng, 3).capitalize()
                      for _ in range(300)]

    def sentence(self, topic=None):
        r = self.rng
        words = []
        for i in range(r.randint(8, 24)):
            if r.random() < 0.35:
                words.append(r.choice(FUNC))
            elif topic is not None and r.random() < 0.4:
                words.append(topic[r.randrange(len(topic))])
            else:
                words.append(r.choice(self.vocab))
        if r.random() < 0.5:
            words.insert(r.randrange(len(words)), r.choice(self.names))
        words[0] = words[0][0].upper() + words[0][1:]
        return " ".join(words) + "."

    def article(self, topic=None, paragraphs=4):
        return "\n\n".join(" ".join(self.sentence(topic) for _ in range(self.rng.randint(2, 5)))
                           for _ in range(paragraphs))

    def topic(self):
        return [self.rng.choice(self.vocab) for _ in range(12)] + [self.rng.choice(self.names)]


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)


def main():
    args = sys.argv[1:]
    out = args[0]
    opt = {"--big": "50", "--tiny": "10000", "--copies": "1000", "--stream": "100000"}
    for i in range(1, len(args) - 1, 2):
        opt[args[i]] = args[i + 1]
    big = int(float(opt["--big"]) * 1000 * 1000)
    os.makedirs(out, exist_ok=True)
    g = Gen(17)

    write(os.path.join(out, "one.txt"), "Velkamor harbour board approves new quay\n\n" + g.article(g.topic()) + "\n")
    for d in ("oneword", "nosent", "tiny"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    for i in range(5):
        write(os.path.join(out, "oneword", "w%d.txt" % i), g.rng.choice(g.vocab) + "\n")
        write(os.path.join(out, "nosent", "n%d.txt" % i),
              " ".join(g.rng.choice(g.vocab) for _ in range(30)) + "\n")

    # big.txt: paragraphs; bigline.txt: one line, no punctuation; bigrep.txt: one sentence.
    with open(os.path.join(out, "big.txt"), "w") as f:
        n, topic = 0, g.topic()
        f.write("Quinsala council votes on the harbour plan\n\n")
        while n < big:
            p = g.article(topic, 1) + "\n\n"
            f.write(p)
            n += len(p)
    with open(os.path.join(out, "bigline.txt"), "w") as f:
        n = 0
        while n < big:
            chunk = " ".join(g.rng.choice(g.vocab) for _ in range(2000)) + " "
            f.write(chunk)
            n += len(chunk)
        f.write("\n")
    rep = "The Merkaso ferry left the Tinvor quay at dawn with forty passengers aboard. "
    with open(os.path.join(out, "bigrep.txt"), "w") as f:
        f.write(rep * (big // len(rep) + 1))

    # speakers.txt: one article of distinct quotes each ending on a surname
    # the article never names in full ('"...," Tarrow said.'): the
    # summarizer's surname-speaker rule once scanned all the text before each
    # one for the full name (quadratic).
    with open(os.path.join(out, "speakers.txt"), "w") as f:
        f.write("Tarrow speaks on the harbour plan\n\nThe mayor spoke to the Quinsala council on Monday.\n\n")
        n, i = 0, 0
        while n < big:
            q = '"We will look again at quay %d and road %d in time," Tarrow said.\n\n' % (i, i + 7)
            f.write(q)
            n += len(q)
            i += 1

    # named.txt: one article that names its mayor in full once, then only by
    # surname, opening the sentence as its speaker or after a title ('Tarrow
    # said quay 3 ...', '..., Mr. Tarrow told Dr. Quell.'): every sentence is
    # looked up in the full-name index and paired with the one before it.
    with open(os.path.join(out, "named.txt"), "w") as f:
        f.write("Tarrow speaks on the harbour plan\n\nMayor Ines Tarrow spoke to the Quinsala council on Monday.\n\n")
        n, i = 0, 0
        while n < big:
            q = ("Tarrow said quay %d and road %d will open in time.\n\n" if i % 2 else
                 "Quay %d and road %d will open in time, Mr. Tarrow told Dr. Quell.\n\n") % (i, i + 7)
            f.write(q)
            n += len(q)
            i += 1

    tiny = int(opt["--tiny"])
    with open(os.path.join(out, "tiny.jsonl"), "w") as f:
        for i in range(tiny):
            text = g.sentence()
            f.write(json.dumps({"id": "t%05d" % (i + 1), "text": text}) + "\n")
            write(os.path.join(out, "tiny", "t%05d.txt" % (i + 1)), text + "\n")

    copy = g.article(g.topic())
    with open(os.path.join(out, "copies.jsonl"), "w") as f:
        for i in range(int(opt["--copies"])):
            f.write(json.dumps({"id": "c%04d" % (i + 1), "title": "Dorvel mill reopens",
                                "date": "2025-06-02", "site": "site%d.example" % (i % 37),
                                "text": copy}) + "\n")

    write(os.path.join(out, "junk.bin"), random.Random(5).randbytes(1 << 20))
    a = g.article(g.topic()).encode()
    bad = bytearray()
    for i, b in enumerate(a):
        bad.append(b)
        if b == 0x20 and i % 97 == 0:
            bad += b"\xff\xc3(\xed\xa0\x80"
    write(os.path.join(out, "badutf8.txt"), bytes(bad))
    write(os.path.join(out, "nul.txt"), a.replace(b" the ", b" the\x00\x00 "))

    with open(os.path.join(out, "nodate.jsonl"), "w") as f:
        t1, t2 = g.topic(), g.topic()
        for i in range(6):
            f.write(json.dumps({"id": "u%d" % i, "title": "Report %d" % i,
                                "text": g.article(t1 if i % 2 else t2, 2)}) + "\n")
    with open(os.path.join(out, "dates.jsonl"), "w") as f:
        t = g.topic()
        for i, d in enumerate(["9999-12-31", "1900-01-01", "2024-02-30", "2025-05-03",
                               "0000-00-00", "2025-05-04"]):
            f.write(json.dumps({"id": "d%d" % i, "date": d, "title": "Mirkalo bridge %d" % i,
                                "text": "On Tuesday the bridge opened. " + g.article(t, 2)}) + "\n")

    topics = [g.topic() for _ in range(200)]
    with open(os.path.join(out, "stream.jsonl"), "w") as f:
        for i in range(int(opt["--stream"])):
            k = g.rng.randrange(200)
            day = 1 + (i * 28) // int(opt["--stream"])
            f.write(json.dumps({"id": "s%06d" % (i + 1), "date": "2025-03-%02d" % day,
                                "site": "out%d.example" % (i % 23),
                                "text": " ".join(g.sentence(topics[k]) for _ in range(3))}) + "\n")


if __name__ == "__main__":
    main()
