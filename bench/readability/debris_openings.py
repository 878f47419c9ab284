#!/usr/bin/env python3
"""Counts summary sentences that open on page debris a scrape glued to the prose.

Issue #4 item 2 (candidates are not page debris), docs/summarize.md "Debris
openings, session 24". Input: JSON Lines as `precis summarize --batch` writes
them (one cluster a line, "sentences": [{"text", ...}]). Every summary
sentence is put in at most one class, the first that matches, by this
script's own patterns (independent of the C rules in src/summarize/filter.c).
The classes were read off sentences that precis chose on Multi-News
*training* clusters (train_10k ids 0-4999 at 250 words), not val:

  bracket        a short bracket, then the prose: a photo credit, station or
                 outlet tag, date or place ("( kptv ) beginning sunday, ...",
                 "( jane roe/the daily star ) the ...", "( oct. 10 ) ap ...")
  bracket_aside  the whole sentence is a parenthesised aside, or its bracket
                 runs past 12 words ("( the mayor has since resigned.")
  close_bracket  opens on ")" or "]": the rest of a bracket the sentence
                 splitter cut ("( r-ind. ) said ..." split after "r-ind.")
  dash           opens on a dash: the tail of a dateline or credit cut off, or an
                 embedded tweet's signature ("— the storm ...", "-- a jury ...",
                 "— jane roe ( @janeroe ) may 1, 2016 ...")
  bullet         opens on a bullet or bar ("• ", "* ", "| getty ...", "> ")
  caption        a caption or slideshow label ("Close the mayor ...", "Photos:
                 ...", "Photo by ...", "Image copyright ...", "Media caption
                 ...", "Media playback is unsupported ...", "Video provided by
                 ...", "Gallery: ..."); not "Close to 200 people ...",
                 "Close aides ...", "Photos show ..."
  share          share and navigation buttons ("Facebook twitter pinterest ...",
                 "Share share tweet link ...", "Share copy link ...", "Email
                 share ...", "Skip in skip ...")
  stamp          a page timestamp ("Updated at 12: 50 p.m. Et ...", "Updated:
                 ...", "Posted on ...", "Published: ...", "12 hours ago ...",
                 "Last modified ...")
  byline         "By jane roe – staff writer ...", "By radar staff ..." (by, one
                 to three name words, then a dash or "staff"); not "By the
                 time ...", "By monday, ..."

Usage: debris_openings.py FILE.jsonl... [--show CLASS]
(prints the counts per class of each file and the command; --show lists the
sentences of one class)
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summary_defects import tally  # noqa: E402  (one tally for both scripts)

# "Close" a video player's button, run into its caption, unless the word after
# it makes "close" the adjective or adverb of the sentence ("Close to 200 ...").
CLOSE_PROSE = {'to', 'by', 'behind', 'enough', 'on', 'up', 'at', 'but', 'aides', 'aide', 'allies', 'ally',
               'friends', 'friend', 'associates', 'associate', 'relatives', 'ties', 'contact', 'calls', 'call',
               'scrutiny', 'observers', 'encounters', 'range', 'second', 'third', 'proximity', 'attention',
               'examination', 'inspection', 'cooperation', 'relations', 'races', 'race', 'advisers', 'advisors',
               'family'}
MONTH = r'(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?'

CLASSES = ('bracket', 'bracket_aside', 'close_bracket', 'dash', 'bullet', 'caption', 'share', 'stamp', 'byline')


def bracket_class(t):
    """'bracket', 'bracket_aside' or None for a sentence opening on '(' or '['."""
    close = ')' if t[0] == '(' else ']'
    e = t.find(close)
    if e < 0 or not t[e + 1:].strip(' .!?"\'') or len(t[1:e].split()) > 12:
        return 'bracket_aside'
    return 'bracket'


def classify(text):
    t = text.strip()
    if not t:
        return None
    low = t.lower()
    if t[0] in '([':
        return bracket_class(t)
    if t[0] in ')]':
        return 'close_bracket'
    if re.match(r'(—|–|-|_)', t):
        return 'dash'
    if re.match(r'[•·*|>■►▪]', t):
        return 'bullet'
    m = re.match(r'close ([^ ,]+|,)', low)
    if m and m.group(1) not in CLOSE_PROSE:
        return 'caption'
    if re.match(r'(photos?|gallery|slideshow|image|images|video|pictures?): ', low) or \
            re.match(r'(photo (by|courtesy|credit)|image (copyright|caption|courtesy|via)|media (caption|playback)'
                     r'|video provided by|getty images|ap photo|file photo|view gallery|view photos)\b', low):
        return 'caption'
    if re.match(r'(facebook twitter|share share|share copy|share this|share tweet|email share|share on facebook'
                r'|tweet share|skip in skip|print email|email print)\b', low):
        return 'share'
    if re.match(r'(updated|last updated|posted|published|last modified|first published)( (at|on|by|at:|on:))?'
                r'[: ]+(\d|' + MONTH + r'|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]+ \d)', low) or \
            re.match(r'(updated|published|posted):', low) or \
            re.match(r'\d+ (hours?|minutes?|days?|mins?) ago\b', low) or \
            re.match(r'\d{1,2}: ?\d\d (a\.m\.|p\.m\.|am|pm)\b', low):
        return 'stamp'
    if re.match(r'by( [a-z][a-z.\'-]*){1,3} (–|—|-|\||staff\b)', low):
        return 'byline'
    return None


def main():
    def kinds_of(sents):
        for k, s in enumerate(sents):
            c = classify(s['text'])
            yield k, s, {c} if c else set()
    tally(sys.argv, CLASSES, kinds_of, 13, total='debris')
    print('($ python3 bench/readability/debris_openings.py %s)' % ' '.join(sys.argv[1:]))


if __name__ == '__main__':
    main()
