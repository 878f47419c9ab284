"""Feeds `precis cluster -` an endless-looking stream through a pipe and checks
that the first stories are printed while the input is still open (the
regrouping window), then that every article is printed once with its story
whole. Invented text: each story its own made-up place and word bank.

    python3 tests/cli/stream_window.py PRECIS CASE   (CASE: window | dated)

Prints "ok - NAME" / "not ok - NAME" lines. The alarm is a guard against a
hang (a precis that waits for the end of the input), not a timing check."""
import datetime
import json
import random
import signal
import subprocess
import sys
import threading

PRECIS, CASE = sys.argv[1], sys.argv[2]
rng = random.Random(7)
SYL = ["ka", "lo", "mer", "ti", "van", "do", "rus", "el", "bri", "no", "sa", "gu", "pha", "wen", "qui", "zor"]


def word(n):
    return "".join(rng.choice(SYL) for _ in range(n))


def stories(count, per):
    out = []
    for k in range(count):
        place = word(4).capitalize()
        bank = [word(4) for _ in range(10)]
        for j in range(per):
            ws = rng.sample(bank, 7)
            text = ("In %s the %s and the %s were seen. The %s of %s met the %s, and the %s spoke of the %s "
                    "while the %s waited." % (place, ws[0], ws[1], ws[2], place, ws[3], ws[4], ws[5], ws[6]))
            out.append((k, "k%d-%d" % (k, j), text))
    return out


failures = 0


def check(name, ok):
    global failures
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        failures += 1


signal.alarm(120)  # a hang guard only
if CASE == "window":  # undated: the window of 100 articles closes stories by arrivals
    arts = stories(400, 5)
    args = [PRECIS, "cluster", "--no-progress", "--window", "100", "-"]
    dates = [None] * len(arts)
else:  # dated, default window: a story a day, closed by the quiet period (3 days)
    arts = stories(400, 5)
    args = [PRECIS, "cluster", "--no-progress", "-"]
    day0 = datetime.date(2031, 1, 1)
    dates = [(day0 + datetime.timedelta(days=k)).isoformat() for k, _, _ in arts]
p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
# Half the stream (over 200 KiB) before waiting: the reader takes stdin in
# chunks of 64 KiB and the date window (cluster's) may hold 256 articles.
half = len(arts) // 2


def line(i):
    o = {"id": arts[i][1], "text": arts[i][2]}
    if dates[i]:
        o["date"] = dates[i]
    return (json.dumps(o) + "\n").encode()


got_one = threading.Event()
lines = []
state = {"input_closed": False, "first_while_open": False}


def reader():  # a thread: precis's output must be drained while its input is written
    for raw in p.stdout:
        if not lines:
            state["first_while_open"] = not state["input_closed"]
        lines.append(raw.decode())
        got_one.set()
    got_one.set()


t = threading.Thread(target=reader)
t.start()
for i in range(half):
    p.stdin.write(line(i))
p.stdin.flush()
got_one.wait()  # the input is still open: precis must print without its end
check("%s_first_story_printed_before_the_input_ends" % CASE, bool(lines) and state["first_while_open"] and "\t" in lines[0])
for i in range(half, len(arts)):
    p.stdin.write(line(i))
state["input_closed"] = True
p.stdin.close()
t.join()
rc = p.wait()
check("%s_exit_0" % CASE, rc == 0)
pred = {}
for ln in lines:
    if ln.strip():
        a, s = ln.rstrip("\n").split("\t")
        pred.setdefault(a, []).append(s)
check("%s_every_article_once" % CASE, len(pred) == len(arts) and all(len(v) == 1 for v in pred.values()))
by_story = {}
for k, a, _ in arts:
    by_story.setdefault(k, set()).add(pred.get(a, ["?"])[0])
whole = sum(1 for v in by_story.values() if len(v) == 1)
ids = {}
for k, a, _ in arts:
    ids.setdefault(pred.get(a, ["?"])[0], set()).add(k)
check("%s_stories_whole_and_apart" % CASE, whole == len(by_story) and all(len(v) == 1 for v in ids.values()))
sys.exit(1 if failures else 0)
