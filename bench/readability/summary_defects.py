#!/usr/bin/env python3
"""Counts readability defects in `precis summarize` output (issue #4 item 4).

Not the Mozilla Readability peer of this directory (run.js): this one reads
summaries as a wire editor would and counts what cannot be printed as is.
Input: JSON Lines as `precis summarize --batch --format jsonl` (or a JSONL
input) writes them, one cluster a line with "sentences" [{text, doc, start,
end}]. A sentence "follows its antecedent" when the summary sentence before it
is the sentence before it in the same document (same doc, at most 12 bytes of
space between the two spans).

Kinds (each counted independently of the C rules, by its own word lists):
  connective   opens on "But", "However," ... and does not follow its antecedent
  pronoun      opens on "He", "His", "This" ... and does not follow its antecedent
               ("This year", "These days" not counted: the article's own time)
  it_ref       opens on "It" that is not expletive ("It said", "It was the ...")
               and does not follow its antecedent ("It is unclear ..." not counted)
  conversation opens on "Well,", "You know," "Oh," "Yeah," ... (talk, not prose)
  surname      a speaker named by a capitalised surname alone ("Holt said",
               "said Holt") with no earlier summary sentence naming "X Holt"
               (only fires on capitalised text: DUC, the seeds; Multi-News is
               lower-cased)
  fragment     no verb: under 16 words and no word of a verb list or -ed/-ing
               form ("Adam Sieminski, an oil analyst for BT Alex.")
  debris       opens on a bracket, bullet, dash or glued page furniture
               ("( wfla ) —", ") the", "• ", "Close ", "Photos: ")
Usage: summary_defects.py FILE.jsonl... [--show KIND]  (prints counts per file;
--show prints the flagged sentences of one kind)
"""
import json
import re
import sys

CONNECTIVES = {'but', 'and', 'however', 'still', 'yet', 'also', 'moreover', 'furthermore', 'nevertheless',
               'nonetheless', 'besides', 'instead', 'meanwhile', 'thus', 'therefore', 'so', 'then', 'now',
               'indeed', 'likewise', 'similarly', 'otherwise', 'hence', 'consequently', 'rather'}
CONNECTIVE_PHRASES = ('in addition,', 'even so,', 'by contrast,', 'in contrast,', 'on the other hand,',
                      'at the same time,', 'after all,', 'as a result,', 'in fact,', 'of course,')
PRONOUNS = {'he', 'she', 'they', 'his', 'her', 'their', 'its', 'these', 'those', 'this', 'that', 'him', 'them'}
TALK = ('well,', 'you know', 'oh,', 'oh ', 'yeah', 'yes,', 'no,', 'look,', 'i mean', 'okay', 'ok,', 'uh', 'um,',
        'hey', 'sure,', 'right,', 'listen,', 'anyway,', 'see,', 'man,', 'wow')
EXPLETIVE_NEXT = {'seems', 'seemed', 'appears', 'appeared', 'turns', 'turned', 'goes', 'took', 'takes', 'remains',
                  'remained', 'matters', 'helps', 'pays', 'follows', 'emerged', 'happens'}
EXPLETIVE_ADJ = {'clear', 'unclear', 'possible', 'impossible', 'likely', 'unlikely', 'hard', 'difficult', 'easy',
                 'important', 'necessary', 'illegal', 'legal', 'true', 'thought', 'believed', 'understood',
                 'expected', 'estimated', 'reported', 'known', 'unknown', 'feared', 'hoped', 'time', 'worth',
                 'uncertain', 'obvious', 'evident', 'ironic', 'surprising', 'strange', 'official', 'been',
                 'safe', 'fair', 'tempting', 'rare', 'common', 'good', 'bad', 'crucial', 'essential', 'vital',
                 'telling', 'notable', 'odd', 'unusual', 'no', 'too', 'early', 'late', 'said', 'alleged',
                 'claimed', 'suspected', 'assumed', 'initially'}
BE = {'is', 'was', "'s", "’s", 'isn\'t', 'wasn\'t', 'would', 'will', 'may', 'might', 'could', 'can', 'has', 'had',
      'remains', 'remained', 'be', 'being', 'became', 'becomes', 'not', 'also', 'still', 'now', 'already', 'very',
      'so', 'really', 'quite', 'increasingly', 'therefore', 'thus', 'widely', 'generally', 'yet', 'immediately',
      'abundantly', 'entirely', 'perfectly', 'certainly', 'far', 'becoming', 'getting', 'seems', 'seemed',
      'appears', 'appeared'}
SAY = {'said', 'says', 'told', 'added', 'adds', 'explained', 'insisted', 'noted', 'warned', 'replied', 'wrote',
       'recalled', 'continued', 'argued', 'stated', 'testified', 'announced', 'acknowledged', 'declared'}
TITLES = {'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Gen.', 'Sen.', 'Rep.', 'Gov.', 'Prof.', 'Lt.', 'Col.', 'Sgt.', 'Capt.',
          'Adm.', 'Rev.', 'President', 'Prime', 'Minister', 'King', 'Queen', 'Pope', 'Judge', 'Justice',
          'Chancellor', 'Secretary', 'Senator', 'Governor', 'Mayor', 'General', 'Premier', 'Prince', 'Ambassador'}
NOT_NAMES = {'Police', 'Officials', 'Authorities', 'Reuters', 'Witnesses', 'Doctors', 'Researchers', 'Scientists',
             'Experts', 'Analysts', 'Investigators', 'Prosecutors', 'Democrats', 'Republicans', 'Sources', 'It',
             'He', 'She', 'They', 'We', 'I', 'The', 'A', 'An', 'This', 'That', 'Officers', 'Residents', 'Critics',
             'Supporters', 'Aides', 'Diplomats', 'Rebels', 'Troops', 'Soldiers', 'Militants', 'Agency', 'Ministry',
             'Department', 'Government', 'Pentagon', 'Congress', 'Parliament', 'Court', 'Spokesman', 'Spokeswoman',
             'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Today', 'Tonight',
             'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
             'November', 'December'}
VERBS = {'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will',
         'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'says', 'said', 'say', 'get', 'gets',
         'got', 'make', 'makes', 'made', 'take', 'takes', 'took', 'go', 'goes', 'went', 'come', 'comes', 'came',
         'see', 'sees', 'saw', 'know', 'knows', 'knew', 'think', 'thinks', 'thought', 'give', 'gives', 'gave',
         'find', 'finds', 'found', 'tell', 'tells', 'told', 'become', 'becomes', 'became', 'leave', 'leaves',
         'left', 'put', 'puts', 'keep', 'keeps', 'kept', 'let', 'lets', 'begin', 'begins', 'began', 'seem',
         'seems', 'run', 'runs', 'ran', 'hold', 'holds', 'held', 'bring', 'brings', 'brought', 'win', 'wins', 'won',
         'lose', 'loses', 'lost', 'pay', 'pays', 'paid', 'meet', 'meets', 'met', 'set', 'sets', 'lead', 'leads',
         'led', 'stand', 'stands', 'stood', 'hit', 'hits', 'cut', 'cuts', 'fell', 'falls', 'rose', 'rises', 'sold',
         'sells', 'built', 'sent', 'spent', 'wants', 'want', 'need', 'needs', 'plans', 'calls', 'shows', 'seen',
         'known', 'given', 'taken', 'shown', 'written', 'wrote', 'gone', "'s", "’s", "isn't", "wasn't", "don't",
         "doesn't", "didn't", "won't", "can't", 'faces', 'remains', 'includes', 'lies', 'sits', 'means', 'looks'}
WORD = re.compile(r"[\w'’.-]+")


def words(text):
    return WORD.findall(text)


def lower_start(text):
    t = text.lstrip('"“‘\'`( ')
    return t.lower()


def follows(prev, cur):
    return (prev is not None and prev.get('doc') == cur.get('doc') and 0 <= cur['start'] - prev['end'] <= 12)


def first_word(text):
    w = words(text.lstrip('"“‘\'` '))
    return w[0].lower().rstrip(',.') if w else ''


# "This year ...", "These days ...": the article's own time, no antecedent
OWN_TIMES = {'year', "year's", 'week', "week's", 'month', "month's", 'morning', 'afternoon', 'evening', 'weekend',
             'summer', 'winter', 'spring', 'autumn', 'fall', 'season', 'days', 'decade', 'century', 'years', 'weeks'}


def own_time(text):
    w = words(text.lstrip('"“‘\'` '))
    return len(w) > 1 and w[0].lower() in ('this', 'these') and w[1].lower().rstrip(',.') in OWN_TIMES


def connective(text):
    t = lower_start(text)
    if any(t.startswith(p) for p in CONNECTIVE_PHRASES):
        return True
    w = first_word(text)
    if w not in CONNECTIVES:
        return False
    rest = t[len(w):]
    # "so far", "now that", "still" as adjective, "yet another", "also" without a comma rarely opens a clause
    if w in ('so', 'now', 'then', 'still', 'yet', 'also', 'rather', 'instead') and not rest.startswith(','):
        return w == 'so' and not re.match(r' (far|much|many|long|few|little|called|when|that|as|to)\b', rest)
    return True


def it_referential(text):
    ws = [x.lower() for x in words(text)[:6]]
    if not ws or ws[0] not in ('it', "it's", 'it’s'):
        return False
    rest = ws[1:] if ws[0] == 'it' else ["'s"] + ws[1:]
    if rest and rest[0] in EXPLETIVE_NEXT:
        return False
    k = 0
    while k < len(rest) and rest[k] in BE:
        k += 1
    if k and k < len(rest) and rest[k] in EXPLETIVE_ADJ:
        return False
    if k and k < len(rest) and rest[k] in ('a', 'an', 'the') and 'to' in rest[k:] and 'time' in rest[k:]:
        return False  # "It's the first time ... to"
    return True


def talk(text):
    t = text.lstrip('"“‘\'` ').lower()
    return any(t.startswith(p) for p in TALK) and not t.startswith('no, ') or t.startswith('no, no')


def surname_speakers(text):
    ws = words(text)
    out = []
    for k, w in enumerate(ws):
        w2 = w.rstrip(',.')
        if not w2[:1].isupper() or w2 in NOT_NAMES or w2 in TITLES or not w2.isalpha() or len(w2) < 3:
            continue
        before = ws[k - 1] if k else ''
        after = ws[k + 1].lower().rstrip(',.') if k + 1 < len(ws) else ''
        before_l = before.lower().rstrip(',.')
        spoke = after in SAY or (before_l in SAY and k + 1 >= len(ws) - 1)
        if not spoke:
            continue
        if before[:1].isupper() and before_l not in SAY:
            continue  # "Maria Holt said": full name (or "Mr. Holt", a title)
        out.append(w2)
    return out


def names_in_full(text, surname):
    ws = words(text)
    for k in range(1, len(ws)):
        if ws[k].rstrip(',.\'’s') == surname and ws[k - 1][:1].isupper():
            return True
    return False


def fragment(text):
    ws = [x.lower().strip('.,') for x in words(text)]
    if len(ws) >= 16 or '"' in text or '“' in text:
        return False
    for x in ws:
        if x in VERBS or (len(x) > 4 and (x.endswith('ed') or x.endswith('ing'))):
            return False
    return True


def debris(text):
    t = text.lstrip()
    return bool(re.match(r'[()•·—–\-*|]|close [a-z]|photos?: |video: |watch: |related: ', t[:9].lower()))


KINDS = ('connective', 'pronoun', 'it_ref', 'conversation', 'surname', 'fragment', 'debris')


def flags(sents):
    for k, s in enumerate(sents):
        prev = sents[k - 1] if k else None
        t = s['text']
        got = set()
        if not follows(prev, s):
            if connective(t):
                got.add('connective')
            if first_word(t) in PRONOUNS and not own_time(t):
                got.add('pronoun')
            if it_referential(t):
                got.add('it_ref')
        if talk(t):
            got.add('conversation')
        for name in surname_speakers(t):
            if not any(names_in_full(sents[j]['text'], name) for j in range(k + 1)):
                got.add('surname')
        if fragment(t):
            got.add('fragment')
        if debris(t):
            got.add('debris')
        yield k, s, got


def tally(argv, kinds, kinds_of, width, total=None):
    """Counts, per summary file in argv, the sentences of each kind (kinds_of(sents)
    yields (index, sentence, kinds)); --show KIND prints that kind's sentences;
    total names an extra column of sentences with any kind."""
    args = argv[1:]
    show = None
    if '--show' in args:
        i = args.index('--show')
        show = args[i + 1]
        del args[i:i + 2]
    head = '%-28s %9s %9s ' % ('file', 'summaries', 'sentences') + ('%9s ' % total if total else '')
    print(head + ' '.join('%*s' % (width, k) for k in kinds))
    for path in args:
        n_sum = n_sent = n_any = 0
        count = dict.fromkeys(kinds, 0)
        for line in open(path, encoding='utf-8'):
            o = json.loads(line)
            sents = o.get('sentences') or []
            n_sum += 1
            n_sent += len(sents)
            for k, s, got in kinds_of(sents):
                n_any += bool(got)
                for kind in got:
                    count[kind] += 1
                if show in got:
                    print('  [%s %d] %s' % (o.get('id'), k, s['text'][:220]))
        row = '%-28s %9d %9d ' % (path[-28:], n_sum, n_sent) + ('%9d ' % n_any if total else '')
        print(row + ' '.join('%*d' % (width, count[k]) for k in kinds))


def main():
    tally(sys.argv, KINDS, flags, 12)


if __name__ == '__main__':
    main()
