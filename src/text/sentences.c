/* Sentence splitting for news prose. Works on byte offsets into the caller's
 * text; the only allocation is the growing sentence array. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool in_list(pt_wordlist list, const char *s, size_t n) { return pt_in_wordlist(list, s, n); }

static bool is_upper_ascii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_alpha_ascii(unsigned char c) { return is_upper_ascii(c) || is_lower_ascii(c); }
static bool is_digit_ascii(unsigned char c) { return c >= '0' && c <= '9'; }

/* Code point at s[i] (U+FFFD on a bad sequence), its byte length in *n. */
static int32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)k;
    return cp;
}

/* A no-break space at s[i] (U+00A0, or U+202F as French sets before » and
 * after «): its length, or 0. */
static size_t nbsp_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xAF) return 3;
    return 0;
}

static bool cp_is_lower(int32_t cp)
{
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Closing quotes and brackets that may follow the final period: " ' ) ] ” ’
 * », German “ (after „) and « (after »), and a no-break space before a mark
 * (French: "restons.\u00a0»"). */
static size_t mark_closer_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x9C))
        return 3;
    if (c == 0xC2 && i + 1 < len && ((unsigned char)s[i + 1] == 0xBB || (unsigned char)s[i + 1] == 0xAB)) return 2;
    /* 」 』 ） after 。 */
    if (i + 2 < len && ((c == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
                         ((unsigned char)s[i + 2] == 0x8D || (unsigned char)s[i + 2] == 0x8F)) ||
                        (c == 0xEF && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x89)))
        return 3;
    return 0;
}

/* The full stop of text without spaces, or a full-width "！" "？" (U+3002,
 * U+FF01, U+FF1F), at s[i]: 3, or 0. */
static size_t wide_mark_len(const char *s, size_t len, size_t i)
{
    if (i + 2 >= len) return 0;
    unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1], c = (unsigned char)s[i + 2];
    return (a == 0xE3 && b == 0x80 && c == 0x82) || (a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F)) ? 3 : 0;
}

static size_t closer_len(const char *s, size_t len, size_t i)
{
    size_t n = mark_closer_len(s, len, i), sp;
    if (!n && (sp = nbsp_len(s, len, i)) > 0 && i + sp < len && mark_closer_len(s, len, i + sp)) n = sp;
    return n; /* one no-break space, not a run of them: no recursion */
}

static bool is_ellipsis_at(const char *s, size_t len, size_t i)
{
    return i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
           (unsigned char)s[i + 2] == 0xA6;
}

/* The word right after position k (letters only), for the opener check. */
static void word_after(const char *s, size_t end, size_t k, size_t *ws, size_t *wn)
{
    while (k < end && !is_alpha_ascii((unsigned char)s[k]) && (s[k] == '"' || s[k] == '`' || s[k] == '\''))
        k++;
    size_t b = k;
    while (k < end && is_alpha_ascii((unsigned char)s[k])) k++;
    *ws = b;
    *wn = k - b;
}

/* Decides whether the period at s[dot] (a single '.') ends a sentence, given
 * that the next non-space character is at s[next] and is not lower case. */
static bool period_ends_sentence(const char *s, size_t end, size_t dot, size_t next)
{
    /* The token before the dot: back to whitespace or an opening bracket/quote. */
    size_t b = dot;
    while (b > 0 && !pc_is_space((unsigned char)s[b - 1]) && s[b - 1] != '(' && s[b - 1] != '"' &&
           s[b - 1] != '`')
        b--;
    const char *w = s + b;
    size_t wn = dot - b;
    unsigned char nc = (unsigned char)s[next];
    size_t os, on;
    word_after(s, end, next, &os, &on);
    bool opener = on > 0 && in_list(PT_WL_SENTENCE_OPENERS_EN, s + os, on);
    if (wn == 0) return true;
    /* Initials ("John F. Kennedy") and dotted acronyms ("U.S.", "p.m."). */
    if (wn == 1 && is_upper_ascii((unsigned char)w[0])) return opener;
    bool dotted = false;
    for (size_t i = 0; i < wn; i++)
        if (w[i] == '.') dotted = true;
    if (dotted) {
        bool letters_and_dots = true;
        for (size_t i = 0; i < wn; i++)
            if (!(is_alpha_ascii((unsigned char)w[i]) || w[i] == '.')) letters_and_dots = false;
        if (letters_and_dots) return opener;
    }
    if (in_list(PT_WL_ABBREV_TITLE, w, wn)) return false;
    /* the month after a range's dash counts too: "Dec. 28-Jan. 2", "Sept. 30–Oct. 2" */
    size_t mo = 0;
    for (size_t i = 0; i < wn; i++)
        if (w[i] == '-') mo = i + 1;
        else if (pt_long_dash_at(w, wn, i)) mo = i + 3;
    if (in_list(PT_WL_ABBREV_MONTH, w + mo, wn - mo) && is_digit_ascii(nc)) return false;
    if (in_list(PT_WL_ABBREV_OTHER, w, wn))
        return is_digit_ascii(nc) ? false : opener;
    return true;
}

size_t pt_count_words(const char *s, size_t len)
{
    size_t n = 0;
    bool in = false;
    int cjk = PT_CJK_NONE; /* the script of the last character, when it was one without spaces */
    for (size_t i = 0; i < len; i++) {
        int k = pt_cjk_at(s, len, i);
        bool sp = pc_is_space((unsigned char)s[i]) || k == PT_CJK_PUNCT;
        if (sp && k) i += 2, k = PT_CJK_NONE;
        /* a Han character, the start of a kana run, or other text after them is a word */
        if (!sp && (!in || k == PT_CJK_HAN || k != cjk)) n += in && !k && !cjk ? 0 : 1;
        if (k) i += 2;
        else if ((unsigned char)s[i] >= 0x80) /* the rest of a multi-byte character keeps the script */
            while (i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) i++;
        in = !sp;
        cjk = k;
    }
    return n;
}

/* A dash that closes a dateline: " — ", " – ", " - ", " -- ", " _ ". */
static size_t dash_len(const char *s, size_t len, size_t i)
{
    if (i >= len) return 0;
    if (s[i] == '_') return 1;
    if (s[i] == '-') return (i + 1 < len && s[i + 1] == '-') ? 2 : 1;
    if (pt_long_dash_at(s, len, i)) return 3;
    return 0;
}

size_t pt_capital_len(const char *s, size_t len, size_t i)
{
    if (i >= len) return 0;
    if (is_upper_ascii((unsigned char)s[i])) return 1;
    if ((unsigned char)s[i] < 0x80) return 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    return n > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ? (size_t)n : 0;
}

size_t pt_dateline_len(const char *s, size_t len)
{
    /* CITY in capitals, optionally ", Region" and "(AGENCY)", then a spaced dash. */
    size_t lim = len < 80 ? len : 80, i = 0, caps = 0;
    while (i < lim) {
        if (s[i] == ' ' || s[i] == '.' || s[i] == '\'') {
            i++;
            continue;
        }
        /* a hyphen inside the name: "PORT-AMBREL, Feb 7 (MWS) -" */
        if (s[i] == '-' && caps > 0 && i + 1 < lim && pt_capital_len(s, lim, i + 1)) {
            i++;
            continue;
        }
        /* capitals, also beyond ASCII: "ÅLESUND, ...", "ÉCLAIRVILLE (AP) —" */
        size_t n = pt_capital_len(s, lim, i);
        if (!n) break;
        i += n;
        caps++;
    }
    if (caps < 2) return 0;
    if (i < lim && s[i] == ',') { /* ", Calif." / ", China" */
        i++;
        while (i < lim && s[i] != '(' && !(s[i] == ' ' && dash_len(s, len, i + 1))) i++;
    }
    bool spaced = i > 0 && s[i - 1] == ' ';
    while (i < lim && s[i] == ' ') i++, spaced = true;
    if (i < lim && s[i] == '(') {
        while (i < lim && s[i] != ')') i++;
        if (i >= lim) return 0;
        i++;
        spaced = false;
    }
    while (i < lim && s[i] == ' ') i++, spaced = true;
    if (!spaced || caps < 3) return 0;
    size_t d = dash_len(s, len, i);
    if (!d) return 0;
    i += d;
    if (i < len && !pc_is_space((unsigned char)s[i])) return 0;
    while (i < len && pc_is_space((unsigned char)s[i])) i++;
    return i;
}

/* A live blog's time stamp opening an entry: "08:05 Fire crews ...",
 * "7:40 p.m. - The mayor ...", "14:32 GMT: Police ...", "9:15 Uhr: Die ...".
 * A clock time (hours 0-23, minutes 00-59), perhaps a.m./pm, a zone or
 * "Uhr", then space or a separator, then a capital letter or a quotation
 * mark: the stamp is not part of the entry's first sentence. *bare is set
 * when nothing but a space follows the clock time ("08:05 Fire"): such a
 * stamp may as well be a name ("9:11 Commission", "7:30 Report"), so the
 * splitter cuts it only in a text where two or more lines open with a
 * stamp (a live blog has many entries). */
static size_t time_stamp_len(const char *s, size_t len, bool *bare)
{
    *bare = false;
    size_t i = 0;
    unsigned h = 0, m;
    while (i < len && i < 2 && s[i] >= '0' && s[i] <= '9') h = h * 10 + (unsigned)(s[i++] - '0');
    if (!i || i + 3 > len || s[i] != ':' || !(s[i + 1] >= '0' && s[i + 1] <= '9') ||
        !(s[i + 2] >= '0' && s[i + 2] <= '9'))
        return 0;
    m = (unsigned)(s[i + 1] - '0') * 10 + (unsigned)(s[i + 2] - '0');
    i += 3;
    if (h > 23 || m > 59 || (i < len && s[i] >= '0' && s[i] <= '9')) return 0;
    size_t clock_end = i;
    static const char *const after[] = {"a.m.", "p.m.", "am", "pm", "AM", "PM", "Uhr", "GMT", "UTC",
                                        "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "h"};
    size_t j = i;
    while (j < len && s[j] == ' ') j++;
    for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
        size_t n = strlen(after[k]);
        if (j + n <= len && !memcmp(s + j, after[k], n) &&
            (j + n == len || !is_alpha_ascii((unsigned char)s[j + n]))) {
            i = j + n;
            break;
        }
    }
    size_t gap = i;
    while (i < len && s[i] == ' ') i++;
    size_t d = i < len && s[i] == ':' ? 1 : i < len && (s[i] == '|' || s[i] == '-') ? 1 : dash_len(s, len, i);
    bool sep = d && (s[i] != '-' || i > gap);
    if (sep) {
        i += d;
        while (i < len && s[i] == ' ') i++;
    }
    if (i == gap || i >= len) return 0; /* "10:30am" run on, or nothing after */
    unsigned char c = (unsigned char)s[i];
    if (!(is_upper_ascii(c) || c == '"' || c >= 0xC3)) return 0;
    *bare = gap == clock_end && !sep;
    return i;
}

size_t pt_time_stamp_len(const char *s, size_t len)
{
    bool bare;
    return time_stamp_len(s, len, &bare);
}

/* ---- quotation state ----------------------------------------------------
 * Double quotation marks only: single ones are also apostrophes. The state
 * is kept per block (paragraph) and starts closed: a quote that runs on into
 * the next paragraph re-opens there by convention. */
enum { QM_OPEN = 1, QM_CLOSE, QM_STRAIGHT, QM_LEFT_CURLY, QM_LOW, QM_GUIL_LEFT, QM_GUIL_RIGHT, QM_NEST, QM_UNNEST };
/* What opened the quotation: a German „ (then “ closes it), a German » (then
 * « closes it), a « (French nests « » inside it), or anything else. */
enum { OP_OTHER, OP_LOW, OP_REVERSED, OP_GUIL };

/* Length of a double quotation mark at s[i] (and its kind), or 0. */
static size_t qmark_at(const char *s, size_t e, size_t i, int *kind)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"') {
        *kind = QM_STRAIGHT;
        return 1;
    }
    if ((c == '`' || c == '\'') && i + 1 < e && s[i + 1] == (char)c) {
        *kind = c == '`' ? QM_OPEN : QM_CLOSE;
        return 2;
    }
    if (c == 0xE2 && i + 2 < e && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x9E)) {
        unsigned char d = (unsigned char)s[i + 2];
        *kind = d == 0x9C ? QM_LEFT_CURLY : d == 0x9D ? QM_CLOSE : QM_LOW;
        return 3;
    }
    if (c == 0xC2 && i + 1 < e && ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB)) {
        *kind = (unsigned char)s[i + 1] == 0xAB ? QM_GUIL_LEFT : QM_GUIL_RIGHT;
        return 2;
    }
    return 0;
}

/* What a straight " at s[i] does, given the state: QM_OPEN, QM_CLOSE or 0
 * (an inch mark: 5'10", or 12" with no quotation open). A mark with a space
 * (or bracket) before and a letter after opens, one after a letter or
 * punctuation with a space or punctuation after closes; a mark spaced on both
 * sides, as Multi-News's re-cased text has them (" he said. " the ..."), or
 * on neither, toggles — unless the quotation has been open for longer than
 * QUOTE_MERGE_MAX sentences (stale): then one mark was unmatched (Multi-News
 * cuts its sources mid-quote, and some write an apostrophe as "), and the
 * mark opens a new quotation. */
static int straight_role(const char *s, size_t b, size_t e, size_t i, bool open, bool stale)
{
    unsigned char p = i > b ? (unsigned char)s[i - 1] : ' ';
    unsigned char n = i + 1 < e ? (unsigned char)s[i + 1] : ' ';
    if (is_digit_ascii(p)) {
        size_t d = i - 1;
        while (d > b && is_digit_ascii((unsigned char)s[d - 1])) d--;
        if ((d > b && s[d - 1] == '\'') || !open) return 0;
        return QM_CLOSE;
    }
    bool space_before = pc_is_space(p) || p == '(' || p == '[' || i == b;
    bool space_after = pc_is_space(n) || n == ',' || n == '.' || n == ';' || n == ':' || n == '!' || n == '?' ||
                       n == ')' || n == ']' || i + 1 >= e;
    if (space_before && !space_after) return QM_OPEN;
    if (!space_before && space_after) return QM_CLOSE;
    return open && !stale ? QM_CLOSE : QM_OPEN;
}

typedef struct quote_state {
    bool open;
    int opener;        /* OP_*: what opened the open quotation */
    unsigned nest;     /* « » pairs open inside a « quotation */
    size_t pos;        /* scanned up to here */
    size_t open_sent;  /* index in out->v of the sentence that opened the quotation */
    uint32_t pending;  /* flags for the sentence being scanned (index out->n) */
    size_t merge_from; /* the quotation closed in the sentence being scanned opened here */
} quote_state;

/* A quotation of up to this many sentences is one sentence with its speaker
 * ("``We stay. We fight,'' she said."): its pieces alone would quote nobody. */
#define QUOTE_MERGE_MAX 5

/* Has the open quotation been open for more sentences than a quote runs? */
static bool quote_stale(const quote_state *q, const pt_sentences *out)
{
    return q->open && q->open_sent != SIZE_MAX && out->n - q->open_sent >= QUOTE_MERGE_MAX;
}

/* What a curly, low or angle mark does given the state (QM_OPEN or
 * QM_CLOSE; *opener says what an opening one is): “ opens, except that it
 * closes a German „; « opens, except that it closes a German »; inside a «
 * quotation « and “ nest (QM_NEST: « ouvrez les guillemets, « disposé » ... »,
 * « se dit “calme” »); » and ” close what is open or the nested pair
 * (QM_UNNEST), and » with nothing open opens a German »...« quotation. */
static int mark_role(int kind, const quote_state *q, int *opener)
{
    *opener = OP_OTHER;
    switch (kind) {
    case QM_LOW:
        *opener = OP_LOW;
        return QM_OPEN;
    case QM_LEFT_CURLY:
        if (q->open && q->opener == OP_LOW) return QM_CLOSE;
        return q->open && q->opener == OP_GUIL ? QM_NEST : QM_OPEN; /* « ... “calme” » */
    case QM_CLOSE:
        return q->open && q->nest ? QM_UNNEST : QM_CLOSE;
    case QM_GUIL_LEFT:
        if (q->open && q->opener == OP_REVERSED) return QM_CLOSE;
        if (q->open && q->opener == OP_GUIL) return QM_NEST;
        *opener = OP_GUIL;
        return QM_OPEN;
    case QM_GUIL_RIGHT:
        if (q->open && q->nest) return QM_UNNEST;
        if (q->open) return QM_CLOSE;
        *opener = OP_REVERSED;
        return QM_OPEN;
    default:
        return kind;
    }
}

/* Advances the quotation state over s[q->pos..to). A quotation that closes
 * in a later sentence than it opened is joined into one sentence (up to
 * QUOTE_MERGE_MAX), or else its sentences are flagged (the one being scanned
 * is the next pushed). */
static void scan_quotes(const char *s, size_t b, size_t e, size_t to, quote_state *q, pt_sentences *out)
{
    size_t i = q->pos;
    while (i < to) {
        int kind;
        size_t n = qmark_at(s, e, i, &kind);
        if (!n) {
            i++;
            continue;
        }
        int opener = OP_OTHER;
        if (kind == QM_STRAIGHT) kind = straight_role(s, b, e, i, q->open, quote_stale(q, out));
        else kind = mark_role(kind, q, &opener);
        if (kind == QM_NEST || kind == QM_UNNEST) {
            if (kind == QM_NEST) q->nest++;
            else q->nest--; /* QM_UNNEST only when nest > 0 */
        } else if (kind == QM_OPEN) {
            q->open = true; /* a second opening: the first was never closed */
            q->opener = opener;
            q->nest = 0;
            q->open_sent = out->n;
        } else if (kind == QM_CLOSE) {
            if (!q->open) {
                q->pending |= PT_SENT_QUOTE_CONT; /* a closing mark with nothing open */
            } else if (q->open_sent < out->n && out->n - q->open_sent < QUOTE_MERGE_MAX) {
                q->merge_from = q->open_sent; /* joined at the push */
            } else if (q->open_sent < out->n) {
                for (size_t k = q->open_sent; k < out->n; k++)
                    out->v[k].flags |= PT_SENT_QUOTE_OPEN | (k > q->open_sent ? PT_SENT_QUOTE_CONT : 0);
                q->pending |= PT_SENT_QUOTE_CONT;
            }
            q->open = false;
        }
        i += n;
    }
    if (to > q->pos) q->pos = to;
}

static precis_status push(pt_sentences *out, const char *s, size_t b, size_t e, uint32_t para,
                          uint32_t flags)
{
    while (b < e && pc_is_space((unsigned char)s[b])) b++;
    while (e > b && pc_is_space((unsigned char)s[e - 1])) e--;
    if (b == e) return PRECIS_OK;
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 64;
        pt_sentence *v = realloc(out->v, cap * sizeof *v);
        if (!v) return PRECIS_ENOMEM;
        out->v = v;
        out->cap = cap;
    }
    if (s[b] == '"' || s[b] == '`' || (unsigned char)s[b] == 0xE2 ||
        ((unsigned char)s[b] == 0xC2 && b + 1 < e && ((unsigned char)s[b + 1] == 0xAB || (unsigned char)s[b + 1] == 0xBB)))
        flags |= PT_SENT_QUOTE;
    out->v[out->n++] = (pt_sentence){(uint32_t)b, (uint32_t)e, para, flags};
    return PRECIS_OK;
}

/* push, with the quotation flags of the sentence: the pending ones, and
 * QUOTE_OPEN when it opened a quotation still open at its end; a quotation
 * closed in it that opened in an earlier sentence joins them. */
static precis_status push_q(pt_sentences *out, const char *s, size_t b, size_t e, uint32_t para, uint32_t flags,
                            quote_state *q)
{
    size_t idx = out->n;
    if (q->open && q->open_sent == idx) flags |= PT_SENT_QUOTE_OPEN;
    precis_status st = push(out, s, b, e, para, flags | q->pending);
    q->pending = 0;
    if (q->merge_from != SIZE_MAX && out->n > idx) {
        pt_sentence *m = &out->v[q->merge_from];
        m->end = out->v[idx].end;
        m->flags = (m->flags & ~(uint32_t)(PT_SENT_QUOTE_OPEN | PT_SENT_QUOTE_CONT)) |
                   (out->v[idx].flags & (PT_SENT_UNTERMINATED | PT_SENT_QUOTE_OPEN));
        out->n = q->merge_from + 1;
    }
    q->merge_from = SIZE_MAX;
    if (out->n == idx && q->open && q->open_sent == idx) q->open_sent = SIZE_MAX; /* nothing pushed */
    return st;
}

/* s[i..) past white space and no-break spaces. */
static size_t skip_space(const char *s, size_t e, size_t i)
{
    size_t n;
    while (i < e) {
        if (pc_is_space((unsigned char)s[i])) i++;
        else if ((n = nbsp_len(s, e, i))) i += n;
        else break;
    }
    return i;
}

/* Length of a closing mark (or no-break space) that ends at s[t), or 0: the
 * step back from a sentence's end over its closers to its final mark. */
static size_t closer_before(const char *s, size_t b, size_t t)
{
    if (t <= b) return 0;
    unsigned char c = (unsigned char)s[t - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (t >= b + 3 && (unsigned char)s[t - 3] == 0xE2 && (unsigned char)s[t - 2] == 0x80 &&
        (c == 0x9D || c == 0x99 || c == 0x9C || c == 0xAF))
        return 3;
    if (t >= b + 2 && (unsigned char)s[t - 2] == 0xC2 && (c == 0xBB || c == 0xAB || c == 0xA0)) return 2;
    if (t >= b + 3 && mark_closer_len(s, t, t - 3) == 3) return 3; /* 」 』 ） */
    return 0;
}

/* An interview's turn marker opening a sentence: "Q. ", "A. ", "Q: ", "A: "
 * before a capital letter or a quotation mark (returns its length with the
 * space after it, or 0). */
static size_t qa_marker_len(const char *s, size_t e, size_t i)
{
    if (i + 3 >= e || (s[i] != 'Q' && s[i] != 'A') || (s[i + 1] != '.' && s[i + 1] != ':') || s[i + 2] != ' ')
        return 0;
    size_t k = i + 3;
    while (k < e && s[k] == ' ') k++;
    if (k >= e) return 0;
    unsigned char c = (unsigned char)s[k];
    if (!(is_upper_ascii(c) || c == '"' || c == '(' || c >= 0x80)) return 0;
    return k - i;
}

/* A text with an interviewer's and an interviewee's turns: a "Q." and an "A."
 * marker, each at a line's start or after a sentence's end. Only then is
 * "A. " a marker rather than an initial ("A. Jones said"). */
static bool has_interview_turns(const char *s, size_t len)
{
    bool q = false, a = false;
    for (size_t i = 0; i + 3 < len && !(q && a); i++) {
        if (s[i] != 'Q' && s[i] != 'A') continue;
        size_t p = i;
        while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t')) p--;
        bool at_start = p == 0 || s[p - 1] == '\n' ||
                        (p < i && (s[p - 1] == '.' || s[p - 1] == '?' || s[p - 1] == '!' || s[p - 1] == ')'));
        if (!at_start || !qa_marker_len(s, len, i)) continue;
        if (s[i] == 'Q') q = true;
        else a = true;
    }
    return q && a;
}

/* s[j..) past the closers after a sentence mark (quotation marks, brackets). */
static size_t past_closers(const char *s, size_t e, size_t j)
{
    size_t cl;
    while (j < e && (cl = closer_len(s, e, j))) j += cl;
    return j;
}

/* After a mark, or a bracket or quotation mark moved to it, at s[*j]: steps
 * *j past the closers, advances the quotation state to there, and returns
 * where the next sentence would start (past white space). */
static size_t end_of_marks(const char *s, size_t b, size_t e, size_t *j, quote_state *q, pt_sentences *out)
{
    *j = past_closers(s, e, *j);
    scan_quotes(s, b, e, *j, q, out);
    return skip_space(s, e, *j);
}

/* Splits one block (a run of text where line breaks are soft). */
static precis_status split_block(const char *s, size_t b, size_t e, uint32_t para, bool para_start,
                                 bool live_blog, bool interview, pt_sentences *out)
{
    uint32_t flags = para_start ? PT_SENT_PARA_START : 0;
    while (b < e && pc_is_space((unsigned char)s[b])) b++;
    if (para_start) {
        size_t d = pt_dateline_len(s + b, e - b);
        if (d && d < e - b) {
            b += d;
            flags |= PT_SENT_DATELINE;
        } else {
            bool bare;
            d = time_stamp_len(s + b, e - b, &bare);
            if (d && (!bare || live_blog)) b += d;
        }
    }
    if (interview) b += qa_marker_len(s, e, b);
    size_t start = b, i = b;
    quote_state q = {false, OP_OTHER, 0, b, SIZE_MAX, 0, SIZE_MAX};
    precis_status st;
    while (i < e) {
        unsigned char c = (unsigned char)s[i];
        bool ellipsis = is_ellipsis_at(s, e, i);
        size_t wide = wide_mark_len(s, e, i);
        if (wide) { /* "。" ends a sentence with or without a space after it */
            size_t j = i + wide;
            while (j < e && wide_mark_len(s, e, j)) j += wide_mark_len(s, e, j);
            size_t k = end_of_marks(s, b, e, &j, &q, out);
            if (k >= e) break;
            if ((st = push_q(out, s, start, j, para, flags, &q))) return st;
            flags = 0;
            start = i = k;
            continue;
        }
        if (c != '.' && c != '!' && c != '?' && !ellipsis) {
            i++;
            continue;
        }
        size_t j = i, n_marks = 0;
        bool has_ellipsis = false;
        while (j < e) {
            if (s[j] == '.' || s[j] == '!' || s[j] == '?') {
                j++;
                n_marks++;
            } else if (is_ellipsis_at(s, e, j)) {
                j += 3;
                n_marks += 3;
                has_ellipsis = true;
            } else break;
        }
        if (n_marks >= 3 && !has_ellipsis) {
            bool dots = true;
            for (size_t k = i; k < j; k++)
                if (s[k] != '.') dots = false;
            has_ellipsis = dots;
        }
        j = past_closers(s, e, j);
        if (j < e && !pc_is_space((unsigned char)s[j]) && !nbsp_len(s, e, j)) { /* "3.5", "example.com", "U.S.A" */
            i = j > i ? j : i + 1;
            continue;
        }
        size_t k = end_of_marks(s, b, e, &j, &q, out);
        if (k >= e) break; /* the block's end closes the sentence anyway */
        /* A bracket spaced after the mark closes the aside the mark was in
         * (Multi-News spaces brackets: "sen. jo reed ( r-ind. ) has won",
         * "( read more here. ) The mayor ..."): it goes with the mark, and a
         * lower-case word after it goes on with the same sentence. */
        bool aside = false;
        if (k > j && (s[k] == ')' || s[k] == ']')) {
            j = k + 1;
            k = end_of_marks(s, b, e, &j, &q, out);
            if (k >= e) break;
            aside = true;
        }
        /* A closing mark spaced after the end while a quotation is open (or
         * an unambiguous closer: '' ”) ends this sentence, not the next:
         * "... it was " futile. " Then ...", "... a deal. '' He ...". */
        bool moved = false;
        if (k > j) {
            int kind;
            size_t ql = qmark_at(s, e, k, &kind);
            int opener;
            if (ql && kind == QM_STRAIGHT) kind = q.open ? straight_role(s, b, e, k, true, quote_stale(&q, out)) : 0;
            else if (ql) kind = mark_role(kind, &q, &opener);
            if (ql && kind == QM_CLOSE) {
                j = k + ql;
                k = end_of_marks(s, b, e, &j, &q, out);
                moved = true;
                if (k >= e) break;
            }
        }
        size_t cn;
        int32_t next_cp = cp_at(s, e, k, &cn);
        bool boundary;
        /* after a moved mark a period still ends the sentence before a
         * lower-case word: Multi-News re-cases the word after '. "' as if the
         * mark opened it */
        if (cp_is_lower(next_cp)) boundary = !aside && moved && c == '.' && n_marks == 1 && period_ends_sentence(s, e, i, k);
        else if (c == '.' && n_marks == 1) boundary = period_ends_sentence(s, e, i, k);
        else if (has_ellipsis) boundary = !pc_is_space((unsigned char)s[i > b ? i - 1 : i]) || i == b;
        else boundary = true;
        if (boundary) {
            if ((st = push_q(out, s, start, j, para, flags, &q))) return st;
            flags = moved && cp_is_lower(next_cp) ? PT_SENT_AFTER_CLOSE : 0;
            if (interview) k += qa_marker_len(s, e, k); /* the turn's marker is no part of its sentence */
            start = k;
        }
        i = k;
    }
    size_t last = e;
    while (last > start && pc_is_space((unsigned char)s[last - 1])) last--;
    if (last > start) {
        size_t t = last;
        /* step back over closing quotes to see the final mark */
        size_t cb;
        while ((cb = closer_before(s, start, t))) {
            /* French sets a space before the closing guillemet ("... dit-il. »"):
             * the mark ends the sentence through it (before, such a sentence
             * ending its paragraph was taken as having no final punctuation) */
            bool guil = cb == 2 && (unsigned char)s[t - 2] == 0xC2 && (unsigned char)s[t - 1] == 0xBB;
            t -= cb;
            if (guil)
                while (t > start && s[t - 1] == ' ') t--;
        }
        bool terminated = t > start && (s[t - 1] == '.' || s[t - 1] == '!' || s[t - 1] == '?' ||
                                         (t >= start + 3 && (is_ellipsis_at(s, e, t - 3) || wide_mark_len(s, e, t - 3))));
        if (!terminated) flags |= PT_SENT_UNTERMINATED;
        scan_quotes(s, b, e, last, &q, out);
        if ((st = push_q(out, s, start, last, para, flags, &q))) return st;
    }
    return PRECIS_OK;
}

typedef struct line_info {
    size_t b, e; /* content span (without newline) */
    bool blank;
} line_info;

static bool ends_with_terminal(const char *s, size_t b, size_t e)
{
    size_t cb = 0;
    while (e > b && (pc_is_space((unsigned char)s[e - 1]) || (cb = closer_before(s, b, e)) > 0))
        e -= pc_is_space((unsigned char)s[e - 1]) ? 1 : cb;
    return e > b && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' || s[e - 1] == ':');
}

typedef struct line_stats {
    bool wrapped;
    size_t max_len, n_nonblank;
    size_t n_stamped; /* lines opening with a time stamp ("08:05 Fire ...") */
} line_stats;

static line_stats scan_lines(const char *s, size_t len)
{
    /* Pass 1: line statistics to decide whether the text is hard-wrapped. */
    size_t n_lines = 0, n_followed = 0, n_long = 0, max_len = 0, n_nonblank = 0, n_stamped = 0;
    {
        size_t i = 0;
        bool prev_nonblank = false;
        while (i < len) {
            const char *nl = memchr(s + i, '\n', len - i);
            size_t e = nl ? (size_t)(nl - s) : len;
            size_t b = i;
            while (b < e && pc_is_space((unsigned char)s[b])) b++;
            bool blank = b == e;
            if (!blank) {
                n_nonblank++;
                if (prev_nonblank) n_followed++;
                size_t l = e - i;
                if (l > max_len) max_len = l;
                if (l > 120) n_long++;
                bool bare;
                if (n_stamped < 2 && s[b] >= '0' && s[b] <= '9' && time_stamp_len(s + b, e - b, &bare)) n_stamped++;
            }
            prev_nonblank = !blank;
            n_lines++;
            i = nl ? e + 1 : len;
        }
    }
    /* Hard-wrapped: most lines run straight on into the next and none is long. */
    bool wrapped = n_nonblank >= 4 && n_followed * 10 >= n_nonblank * 6 && n_long * 20 <= n_nonblank;
    return (line_stats){wrapped, max_len, n_nonblank, n_stamped};
}

bool pt_text_is_hard_wrapped(const char *s, size_t len) { return scan_lines(s, len).wrapped; }

size_t pt_count_nonblank_lines(const char *s, size_t len) { return scan_lines(s, len).n_nonblank; }

precis_status pt_split_sentences(const char *s, size_t len, pt_sentences *out)
{
    if (len > UINT32_MAX) return PRECIS_ELIMIT;
    line_stats ls = scan_lines(s, len);
    bool wrapped = ls.wrapped;
    size_t max_len = ls.max_len;
    bool live_blog = ls.n_stamped >= 2;
    bool interview = has_interview_turns(s, len);
    size_t wrap_width = max_len < 120 ? max_len : 120;

    /* Pass 2: blocks. */
    size_t i = 0, block_b = 0;
    bool in_block = false, para_start = true;
    uint32_t para = 0;
    precis_status st;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len;
        size_t b = i;
        while (b < e && pc_is_space((unsigned char)s[b])) b++;
        size_t ce = e;
        while (ce > b && pc_is_space((unsigned char)s[ce - 1])) ce--;
        size_t next = nl ? e + 1 : len;
        if (b == ce) { /* blank line: paragraph break */
            if (in_block) {
                if ((st = split_block(s, block_b, i, para, para_start, live_blog, interview, out))) return st;
                para++;
                para_start = true;
                in_block = false;
            }
            i = next;
            continue;
        }
        if (!in_block) {
            block_b = b;
            in_block = true;
        }
        /* Does this line's break join the next line? */
        bool join = false;
        if (next < len) {
            size_t nb = next;
            const char *nnl = memchr(s + next, '\n', len - next);
            size_t ne = nnl ? (size_t)(nnl - s) : len;
            while (nb < ne && pc_is_space((unsigned char)s[nb])) nb++;
            if (nb < ne) {
                size_t cn;
                bool next_lower = cp_is_lower(cp_at(s, len, nb, &cn));
                bool terminal = ends_with_terminal(s, b, ce);
                if (wrapped) {
                    /* In wrapped text a short unterminated line is a headline or label. */
                    join = terminal || next_lower || (e - i) * 2 >= wrap_width;
                    /* A short terminated line ends its paragraph (indent-free DUC style is fine). */
                } else {
                    join = !terminal && next_lower;
                }
            }
        }
        if (!join) {
            if ((st = split_block(s, block_b, ce, para, para_start, live_blog, interview, out))) return st;
            para_start = false;
            in_block = false;
            if (!wrapped) { /* in unwrapped text every line is its own paragraph */
                para++;
                para_start = true;
            }
        }
        i = next;
    }
    if (in_block && (st = split_block(s, block_b, len, para, para_start, live_blog, interview, out))) return st;
    return PRECIS_OK;
}

void pt_sentences_free(pt_sentences *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
