#!/usr/bin/env python3
"""bench/feed_make.py N OUT.rss OUT.jsonl [--atom] — writes an invented RSS 2.0
(or Atom) feed of N items and the same articles as JSON Lines {"id", "title",
"url", "date", "html"} (the peer input: the same HTML through the JSONL path).
Invented words from syllables, fixed seed; nothing from any dataset."""
import json, random, sys
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

n, out_feed, out_jsonl = int(sys.argv[1]), sys.argv[2], sys.argv[3]
atom = '--atom' in sys.argv
rnd = random.Random(7)
syl = ['ka', 'lo', 'ren', 'vi', 'dra', 'sul', 'mo', 'tes', 'bra', 'nil', 'ost', 'em', 'vel', 'skar', 'ud', 'ri']
common = ['the', 'of', 'and', 'to', 'in', 'said', 'on', 'a', 'after', 'for', 'with', 'council', 'harbour', 'ferry']
def word():
    return rnd.choice(common) if rnd.random() < 0.4 else ''.join(rnd.choice(syl) for _ in range(rnd.randint(1, 3)))
def sentence():
    w = [word() for _ in range(rnd.randint(8, 22))]
    w[0] = w[0].capitalize()
    if rnd.random() < 0.3: w[rnd.randrange(1, len(w))] = rnd.choice(['Velmora', 'Skarn', 'Drenn', 'Tandberg'])
    return ' '.join(w) + '.'
t0 = datetime(2031, 3, 1, tzinfo=timezone.utc)
with open(out_feed, 'w') as f, open(out_jsonl, 'w') as j:
    if atom:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
                '<title>Bench Ledger</title><link href="https://bench.example.org/"/>\n')
    else:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
                '<channel><title>Bench Ledger</title><link>https://bench.example.org/</link>\n')
    for i in range(n):
        title = ' '.join(word() for _ in range(rnd.randint(5, 9))).capitalize()
        html = ''.join('<p>%s</p>' % ' '.join(sentence() for _ in range(rnd.randint(2, 4)))
                       for _ in range(rnd.randint(3, 6)))
        html += '<p><a href="https://bench.example.org/share">Share this</a></p>'
        when = t0 + timedelta(minutes=7 * i)
        url = 'https://bench.example.org/%d/%s' % (i, title.split()[0].lower())
        if atom:
            esc = html.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            f.write('<entry><title>%s</title><link href="%s"/><id>urn:bench:%d</id><published>%s</published>'
                    '<author><name>Desk %d</name></author><content type="html">%s</content></entry>\n'
                    % (title, url, i, when.isoformat(), i % 17, esc))
        else:
            f.write('<item><title>%s</title><link>%s</link><guid isPermaLink="false">bench-%d</guid>'
                    '<pubDate>%s</pubDate><dc:creator>Desk %d</dc:creator><content:encoded><![CDATA[%s]]></content:encoded></item>\n'
                    % (title, url, i, format_datetime(when), i % 17, html))
        j.write(json.dumps({'id': 'j%d' % i, 'title': title, 'url': url, 'date': when.isoformat(), 'html': html}) + '\n')
    f.write('</feed>\n' if atom else '</channel></rss>\n')
