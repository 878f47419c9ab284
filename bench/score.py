#!/usr/bin/env python3
"""bench/score.py — scores extraction outputs on the trafilatura benchmark the
way trafilatura's evaluation does: whitespace collapsed; a "with" segment found
in the output is a true positive, missing a false negative; a "without" segment
found is a false positive, absent a true negative; summed over all pages.
usage: score.py EVALDATA.json NAME=RESULTS.jsonl ...  (results: {"file","ms","text"})"""
import json, os, statistics, sys

def norm(s):
    return ' '.join(s.split())

def main():
    ev = json.load(open(sys.argv[1], encoding='utf-8'))
    by_file = {v['file']: v for v in ev.values()}
    print('%-14s %9s %7s %7s %7s %8s %9s %9s %6s' % ('system', 'precision', 'recall', 'F1',
          'accuracy', 'mean ms', 'median ms', 'total s', 'pages'))
    for arg in sys.argv[2:]:
        name, path = arg.split('=', 1)
        out = {}
        times = []
        for line in open(path, encoding='utf-8'):
            r = json.loads(line)
            base = os.path.basename(r['file'])
            if base.endswith('.gz'):
                base = base[:-3]
            out[base] = norm(r['text'] or '')
            times.append(r['ms'])
        tp = fn = fp = tn = 0
        for f, v in by_file.items():
            text = out.get(f, '')
            for s in v['with']:
                if norm(s) in text: tp += 1
                else: fn += 1
            for s in v['without']:
                if norm(s) in text: fp += 1
                else: tn += 1
        p = tp / (tp + fp) if tp + fp else 0
        r_ = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * p * r_ / (p + r_) if p + r_ else 0
        acc = (tp + tn) / (tp + tn + fp + fn)
        print('%-14s %9.3f %7.3f %7.3f %7.3f %8.2f %9.2f %9.1f %6d' % (name, p, r_, f1, acc,
              statistics.mean(times), statistics.median(times), sum(times) / 1000, len(times)))

main()
