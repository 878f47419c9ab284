/* The plain-text cleaner: lines → blocks → classes → main region → article.
 *
 * 1. Lines get shape features (width, words, letters, capitals, digits,
 *    function words, final punctuation, bullet).
 * 2. Hard-wrapped paragraphs (w3m, e-mail, archives) are joined back into
 *    blocks: a line continues the previous one when the previous line could
 *    not have held the next line's first word within the text's wrap width.
 * 3. Each block gets a class from cue phrases and shape: debris classes
 *    (navigation, promotion, caption, ...) or prose / short text.
 * 4. The article is the contiguous run of blocks with the best prose score
 *    (a maximum-sum segment), plus further runs nearly as strong; short lines
 *    inside them are subheadlines; outside them only long prose stays, and
 *    nothing after a "Comments" / "Related posts" header.
 * 5. Metadata: title (the headline above the article, once), date (a
 *    dateline, parsed by the one date parser), byline, site, language. */
#include "clean.h"

#include "corpus_internal.h"
#include "cues.h"
#include "text/date.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

static const char *const CLASS_NAMES[PCL_N_CLASSES] = {
    "paragraph", "headline", "subheadline", "caption",   "credit",  "byline", "dateline",
    "navigation", "promotion", "social",    "ticker",    "legal",   "teaser", "boilerplate",
};

const char *pcl_class_name(pcl_class c)
{
    return (unsigned)c < PCL_N_CLASSES ? CLASS_NAMES[c] : "unknown";
}

void pcl_options_init(pcl_options *o) { memset(o, 0, sizeof *o); }

/* ---- lines ---------------------------------------------------------------- */

typedef struct cl_line {
    size_t start, len;   /* raw span in the input */
    size_t c0, clen;     /* content span: trimmed, bullet removed */
    size_t width;        /* display width in characters, indentation included */
    size_t first_word;   /* width of the first word of the content */
    unsigned words, letters, upper, digits, cap_words, chars;
    unsigned stop[3];    /* [1] English, [2] German function words; [0] other words */
    bool blank, bullet, ends_sentence, ends_colon;
    size_t buttons_at, buttons; /* page buttons cut off the front ("Share Save ..."): where, bytes */
    unsigned gaps;       /* inner runs of 3+ spaces: columns of a table layout */
    unsigned you;        /* words addressing the reader: you, your, Sie, Ihr, du, vous... */
    uint64_t hash;
    int block;
} cl_line;

typedef enum { K_BLANK, K_PROSE, K_SHORT, K_DEBRIS } cl_kind;

typedef struct cl_block {
    size_t first, n;     /* lines */
    unsigned words, letters, upper, digits, stop_known, chars, you;
    unsigned cue_hits;   /* debris cue phrases found in it (promotion, social, ...) */
    bool all_bullets, ends_sentence;
    cl_kind kind;
    pcl_class cls;
    const char *reason;
    double score;
    bool kept, title, list_item, ends_article, furniture, secondary;
    size_t site_off, site_len; /* an outlet's name printed in this block (bytes into the input) */
    const char *why; /* why it was kept (tracing only) */
} cl_block;

typedef struct cl_doc {
    const char *s;
    size_t len;
    cl_line *lines;
    size_t n_lines, cap_lines;
    cl_block *blocks;
    size_t n_blocks;
    size_t wrap; /* estimated wrap width; 0 = not wrapped */
    pt_lang *en, *de; /* stopword lists; NULL if unavailable */
    int lang;    /* 1 en, 2 de, 0 unknown */
    double main_score; /* score of the article's run */
} cl_doc;

static inline bool is_space_at(const char *s, size_t i, size_t end, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return (*w = 1), true;
    if (c < 0xC2) return false;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0) return (*w = 2), true;
    if (c == 0xE3 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80)
        return (*w = 3), true; /* ideographic space */
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x8B))
        return (*w = 3), true; /* en/em/thin/zero-width spaces */
    return false;
}

/* Bullet glyphs that w3m and pasted lists put before items. */
static size_t bullet_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if ((c == '*' || c == '-' || c == '+' || c == '>') && i + 1 < end && s[i + 1] == ' ') return 1;
    if (c == 0xE2 && i + 2 < end) {
        unsigned char a = (unsigned char)s[i + 1], b = (unsigned char)s[i + 2];
        if (a == 0x80 && (b == 0xA2 || b == 0xA3)) return 3;              /* • ‣ */
        if (a == 0x96 && (b == 0xA1 || b == 0xAA || b == 0xA0 || b == 0xB8 || b == 0xBA))
            return 3;                                                    /* □ ▪ ■ ▸ ► */
        if (a == 0x97 && (b == 0xA6 || b == 0x8B || b == 0x8F)) return 3; /* ◦ ○ ● */
        if (a == 0x98 && b == 0x86) return 3;                            /* ☆ */
        if (a == 0x80 && b == 0xBA) return 3;                            /* › */
    }
    if (c == 0xC2 && i + 1 < end && ((unsigned char)s[i + 1] == 0xB7 ||
                                     (unsigned char)s[i + 1] == 0xBB))
        return 2; /* · » */
    return 0;
}


/* Stopword and reader-word lookups, cached per thread across documents: the
 * same few thousand words make up most of any text. */
#define STOP_SLOTS 65536
typedef struct stop_slot {
    uint32_t key; /* hash of the word as printed, 0 = empty; a collision only
                     miscounts one word */
    unsigned char lang, you, lists; /* lists: 1 + which stopword lists were open */
} stop_slot;
static _Thread_local stop_slot g_stop[STOP_SLOTS];

static size_t utf8_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Bytes of the letter or digit at s[q] (0 when it is not one): ASCII letters
 * and digits and non-ASCII characters other than Latin-1 symbols (U+0080..BF),
 * general punctuation and arrows (U+2000..2BFF) and CJK punctuation. */
static inline size_t word_byte_len(const char *s, size_t q, size_t e)
{
    unsigned char c = (unsigned char)s[q];
    if (c < 0x80)
        return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9') ? 1 : 0;
    if (c < 0xC3) return 0; /* C2: Latin-1 symbols, no-break space; stray continuation bytes */
    if (c == 0xE2) return 0;
    if (c == 0xE3 && q + 1 < e && (unsigned char)s[q + 1] == 0x80) return 0;
    if (c == 0xEF && q + 1 < e && ((unsigned char)s[q + 1] == 0xBC || (unsigned char)s[q + 1] == 0xBB))
        return 0; /* full-width punctuation, BOM */
    size_t n = utf8_len(c);
    return q + n <= e ? n : 0;
}

/* Words that address the reader (normalised, lower case): 1 always, 2 only
 * when capitalised mid-sentence (German formal "Sie", "Ihr"). */
static int reader_word(const char *w, size_t n)
{
    static const char *const always[] = {"you", "your", "yours", "yourself", "du", "dich", "dir",
                                         "dein", "deine", "deinen", "deinem", "deiner", "euch",
                                         "euer", "eure", "vous", "votre", "vos", "usted", "ustedes"};
    static const char *const formal[] = {"sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"};
    if (n < 2 || n > 8) return 0;
    if (w[0] != 'y' && w[0] != 'd' && w[0] != 'e' && w[0] != 'v' && w[0] != 'u' && w[0] != 's' &&
        w[0] != 'i')
        return 0;
    for (size_t k = 0; k < sizeof always / sizeof *always; k++)
        if (always[k][0] == w[0] && strlen(always[k]) == n && memcmp(always[k], w, n) == 0) return 1;
    for (size_t k = 0; k < sizeof formal / sizeof *formal; k++)
        if (formal[k][0] == w[0] && strlen(formal[k]) == n && memcmp(formal[k], w, n) == 0) return 2;
    return 0;
}

/* True when only spaces, quotes and sentence punctuation separate the start
 * of a word at ws from the previous sentence end (or the line start at i). */
static bool sentence_gap(const char *s, size_t i, size_t ws)
{
    size_t k = ws;
    while (k > i && (s[k - 1] == ' ' || s[k - 1] == '"' || (unsigned char)s[k - 1] >= 0x80)) k--;
    if (k == i) return true;
    char c = s[k - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '(';
}

/* Counts one word of the line: stopword language and reader address. */
static void lookup_word(cl_doc *d, cl_line *L, const char *s, size_t i, size_t ws, size_t we)
{
    /* keyed on the word as printed: normalising only on a miss */
    uint64_t h = 1469598103934665603ull;
    for (size_t q = ws; q < we; q++) h = (h ^ (unsigned char)s[q]) * 1099511628211ull;
    uint32_t key = (uint32_t)(h >> 32) | 1;
    unsigned char lists = (unsigned char)(1 + (d->en != NULL) + 2 * (d->de != NULL));
    /* two ways: the newest entry first, the one it displaced second */
    stop_slot *set2 = &g_stop[(size_t)h & (STOP_SLOTS - 2)], *sl = set2;
    if (set2[0].key == key && set2[0].lists == lists) {
        sl = &set2[0];
    } else if (set2[1].key == key && set2[1].lists == lists) {
        sl = &set2[1];
    } else {
        set2[1] = set2[0];
        sl = &set2[0];
        sl->key = 0;
    }
    if (sl->key != key || sl->lists != lists) {
        char norm[PT_WORD_MAX + 1];
        size_t nl = pt_normalize(s + ws, we - ws, norm); /* lower-cases plain ASCII itself */
        sl->key = key;
        sl->lists = lists;
        sl->lang = d->en && pt_is_stopword(d->en, norm, nl)   ? 1
                   : d->de && pt_is_stopword(d->de, norm, nl) ? 2
                                                              : 0;
        sl->you = (unsigned char)reader_word(norm, nl);
    }
    L->stop[sl->lang]++;
    int you = sl->you;
    /* "Sie", "Ihnen" address the reader when capitalised inside a sentence */
    if (you == 2 && !(s[ws] >= 'A' && s[ws] <= 'Z' && ws > i && !sentence_gap(s, i, ws))) you = 0;
    if (you) L->you++;
}

/* Display width of s[a..b): characters, without continuation bytes and the
 * invisible ones (soft hyphen, zero-width space/joiners, BOM). */
static size_t display_width(const char *s, size_t a, size_t b)
{
    size_t width = 0;
    for (size_t k = a; k < b; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c < 0x80) {
            width++;
            continue;
        }
        if ((c & 0xC0) == 0x80) continue;
        if (c == 0xC2 && k + 1 < b && (unsigned char)s[k + 1] == 0xAD) continue;
        if (c == 0xE2 && k + 2 < b && (unsigned char)s[k + 1] == 0x80 &&
            (unsigned char)s[k + 2] >= 0x8B && (unsigned char)s[k + 2] <= 0x8D)
            continue;
        if (c == 0xEF && k + 2 < b && (unsigned char)s[k + 1] == 0xBB && (unsigned char)s[k + 2] == 0xBF)
            continue;
        width++;
    }
    return width;
}

/* Ends the word s[ws..we) of a line: stopword lookup when short enough. */
static inline void end_word(cl_doc *d, cl_line *L, const char *s, size_t i, size_t ws, size_t we)
{
    if (we > ws && we - ws <= 10) lookup_word(d, L, s, i, ws, we); /* no stopword is longer */
}

/* Ends the token starting at s[tok] (cw characters): its words (a CJK
 * character is about a word), capitalised words, the first token's width. */
static inline void end_token(cl_line *L, const char *s, size_t tok, unsigned cjk, bool has_letter, size_t cw,
                             bool *first)
{
    if (cjk > 1) L->words += cjk - 1;
    if (has_letter) {
        L->words++;
        if (s[tok] >= 'A' && s[tok] <= 'Z') L->cap_words++;
    }
    if (*first) L->first_word = cw, *first = false;
}

/* A » or › at s[i] that opens (German »...«, ›...‹) or continues (French,
 * a new paragraph of a long quotation starts with ») a quotation, not a
 * breadcrumb or list bullet ("» More news"): followed by a letter with no
 * space, or by a line that holds another guillemet, or by a sentence (the
 * line ends with . ! ? before its closing marks). Before, the mark was
 * dropped as a bullet: "»Wir sind froh«, sagte ..." came out "Wir sind froh«". */
static bool quote_guillemet(const char *s, size_t i, size_t end)
{
    size_t n;
    if ((unsigned char)s[i] == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xBB) n = 2;
    else if ((unsigned char)s[i] == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0xBA) n = 3;
    else return false;
    size_t k = i + n;
    if (k < end && (unsigned char)s[k] >= 0x80 && word_byte_len(s, k, end)) return true; /* »Über */
    if (k < end && (((unsigned char)s[k] | 32) >= 'a' && ((unsigned char)s[k] | 32) <= 'z')) return true;
    for (size_t q = k; q + 1 < end; q++) {
        unsigned char c = (unsigned char)s[q], c1 = (unsigned char)s[q + 1];
        if (c == 0xC2 && (c1 == 0xAB || c1 == 0xBB)) return true;
        if (c == 0xE2 && q + 2 < end && c1 == 0x80 && ((unsigned char)s[q + 2] == 0xB9 || (unsigned char)s[q + 2] == 0xBA))
            return true;
    }
    size_t e = end;
    while (e > k && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '"' || s[e - 1] == '\r')) e--;
    return e > k && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?') && e - k >= 40;
}

/* Bytes of a run of page buttons glued to the front of a paragraph by a
 * one-line scrape ("Share Save Read more A crane collapsed ..."), spaces
 * after it included; 0 when there is none. The run is two or more button
 * labels, or one label of two or more words ("Read more", "Share this
 * article"), and what follows must read as a sentence: a capital, six or
 * more words, a sentence end. One word alone is no run ("Save the Children
 * said ...", "Share prices fell ..." are not touched either way: a lower-case
 * word follows). */
static size_t button_run_len(const char *s, size_t i, size_t end)
{
    static const char *const labels[] = {
        "Share this article", "Share this story", "Share this", "Share on Facebook", "Share on Twitter",
        "Read more", "Read More", "Copy link", "Copy Link", "Gift article", "Gift Article", "Save article",
        "Add to favourites", "Listen to article", "Share", "Save", "Print", "Email", "E-mail", "Comment",
        "Comments", "Tweet", "Facebook", "Twitter", "WhatsApp", "LinkedIn", "Pinterest", "Reddit",
        "Bookmark", "Teilen", "Drucken", "Merken", "Kommentare", "Partager", "Imprimer"};
    size_t k = i, labels_seen = 0;
    bool multiword = false;
    for (;;) {
        size_t hit = 0;
        for (size_t j = 0; j < sizeof labels / sizeof *labels; j++) {
            size_t n = strlen(labels[j]);
            if (k + n < end && !memcmp(s + k, labels[j], n) && s[k + n] == ' ') {
                hit = n;
                if (memchr(labels[j], ' ', n)) multiword = true;
                break;
            }
        }
        if (!hit) break;
        k += hit;
        while (k < end && s[k] == ' ') k++;
        labels_seen++;
    }
    if (!labels_seen || (labels_seen < 2 && !multiword) || k >= end) return 0;
    if (!(s[k] >= 'A' && s[k] <= 'Z') && s[k] != '"' && (unsigned char)s[k] < 0xC3) return 0;
    size_t e = end, words = 0;
    while (e > k && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '"' || s[e - 1] == '\'')) e--;
    if (e == k || (s[e - 1] != '.' && s[e - 1] != '!' && s[e - 1] != '?')) return 0;
    for (size_t q = k; q < e; q++)
        if (s[q] == ' ' && q + 1 < e && s[q + 1] != ' ') words++;
    return words + 1 >= 6 ? k - i : 0;
}

#define BUTTONS_REASON "page buttons before the text of a paragraph"

/* The page buttons cut off L, without the spaces after them. */
static size_t buttons_len(const cl_doc *d, const cl_line *L)
{
    size_t n = L->buttons;
    while (n && d->s[L->buttons_at + n - 1] == ' ') n--;
    return n;
}

static void line_features(cl_doc *d, cl_line *L)
{
    const char *s = d->s;
    size_t i = L->start, end = L->start + L->len, w;
    while (i < end && is_space_at(s, i, end, &w)) i += w;
    size_t b;
    while (i < end && !quote_guillemet(s, i, end) && (b = bullet_len(s, i, end)) > 0) {
        L->bullet = true;
        i += b;
        while (i < end && is_space_at(s, i, end, &w)) i += w;
    }
    if ((L->buttons = button_run_len(s, i, end)) != 0) L->buttons_at = i, i += L->buttons;
    size_t e = end;
    while (e > i) {
        size_t k = e - 1;
        while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        if (is_space_at(s, k, end, &w)) e = k;
        else break;
    }
    L->c0 = i;
    L->clen = e - i;
    L->blank = L->clen == 0;
    if (L->blank) {
        L->width = display_width(s, L->start, end);
        return;
    }
    L->width = display_width(s, L->start, i) + display_width(s, e, end);
    /* One pass over the content: tokens between spaces (words, letters,
     * capitals, digits, characters), runs of 3+ spaces (table columns), and
     * the words inside tokens (letters and digits, inner apostrophes) for the
     * stopword counts. */
    size_t width = 0, run = 0, tok = 0, cw = 0, wstart = 0;
    bool in_tok = false, has_letter = false, in_word = false, first = true;
    unsigned cjk = 0;
    for (size_t q = i; q < e;) {
        unsigned char c = (unsigned char)s[q];
        size_t n = 1;
        bool space;
        if (c < 0x80) {
            space = c == ' ' || c == '\t' || c == '\f' || c == '\v';
        } else {
            space = is_space_at(s, q, e, &w);
            if (space) n = w;
            else n = utf8_len(c);
            if (q + n > e) n = e - q;
        }
        if (c == ' ') {
            if (++run == 3) L->gaps++;
        } else {
            run = 0;
        }
        if (space) {
            if (in_word) end_word(d, L, s, i, wstart, q), in_word = false;
            if (in_tok) end_token(L, s, tok, cjk, has_letter, cw, &first), in_tok = false;
            /* display width: spaces count one each, NBSP and the like too */
            width += (c == 0xE2 && n == 3 && (unsigned char)s[q + 2] >= 0x8B) ? 0 : 1;
            q += n;
            continue;
        }
        if (!in_tok) {
            in_tok = true;
            has_letter = false;
            cjk = 0;
            cw = 0;
            tok = q;
            if (L->words || L->chars) L->chars++; /* the space before this token */
        }
        /* characters of the token */
        L->chars++;
        cw++;
        if (c < 0x80) {
            width++;
            if ((c | 32) >= 'a' && (c | 32) <= 'z') {
                has_letter = true;
                L->letters++;
                if (c <= 'Z') L->upper++;
                if (!in_word) in_word = true, wstart = q;
            } else if (c >= '0' && c <= '9') {
                L->digits++;
                if (!in_word) in_word = true, wstart = q;
            } else if (c == '\'' && in_word && q + 1 < e && word_byte_len(s, q + 1, e)) {
                /* inner apostrophe: the word goes on */
            } else if (in_word) {
                end_word(d, L, s, i, wstart, q);
                in_word = false;
            }
            q++;
            continue;
        }
        /* non-ASCII: letters for the counts (lead bytes from C3 on, as before) */
        if (c >= 0xC0) {
            has_letter = true;
            L->letters++;
        }
        if (c >= 0xE3 && c <= 0xED && q + 2 < e && n == 3 && !(c == 0xE3 && (unsigned char)s[q + 1] < 0x81))
            cjk++;
        width += display_width(s, q, q + n);
        size_t wl = word_byte_len(s, q, e);
        if (wl) {
            if (!in_word) in_word = true, wstart = q;
        } else if (in_word && c == 0xE2 && n == 3 && (unsigned char)s[q + 1] == 0x80 &&
                   (unsigned char)s[q + 2] == 0x99 && q + 3 < e && word_byte_len(s, q + 3, e)) {
            /* ’ between letters */
        } else if (in_word) {
            end_word(d, L, s, i, wstart, q);
            in_word = false;
        }
        q += n;
    }
    if (in_word) end_word(d, L, s, i, wstart, e);
    if (in_tok) end_token(L, s, tok, cjk, has_letter, cw, &first);
    L->width += width;
    /* final punctuation, looking through closing quotes and brackets */
    size_t q = e;
    while (q > i) {
        unsigned char c = (unsigned char)s[q - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            q--;
            continue;
        }
        /* ” ’ » « (UTF-8 tails) */
        if (q >= i + 3 && (unsigned char)s[q - 3] == 0xE2 && (unsigned char)s[q - 2] == 0x80 &&
            ((unsigned char)s[q - 1] == 0x9D || (unsigned char)s[q - 1] == 0x99 ||
             (unsigned char)s[q - 1] == 0x9C)) {
            q -= 3;
            continue;
        }
        if (q >= i + 2 && (unsigned char)s[q - 2] == 0xC2 &&
            ((unsigned char)s[q - 1] == 0xBB || (unsigned char)s[q - 1] == 0xAB)) {
            q -= 2;
            /* French spacing: "... nécessaire. »" (a space or a no-break one) */
            for (;;) {
                if (q > i && s[q - 1] == ' ') q--;
                else if (q >= i + 2 && (unsigned char)s[q - 2] == 0xC2 && (unsigned char)s[q - 1] == 0xA0) q -= 2;
                else if (q >= i + 3 && (unsigned char)s[q - 3] == 0xE2 && (unsigned char)s[q - 2] == 0x80 &&
                         ((unsigned char)s[q - 1] == 0xAF || (unsigned char)s[q - 1] == 0x89)) q -= 3;
                else break;
            }
            continue;
        }
        break;
    }
    if (q > i) {
        char c = s[q - 1];
        L->ends_sentence = c == '.' || c == '!' || c == '?';
        L->ends_colon = c == ':';
        /* "…" */
        if (q >= i + 3 && (unsigned char)s[q - 3] == 0xE2 && (unsigned char)s[q - 2] == 0x80 &&
            (unsigned char)s[q - 1] == 0xA6)
            L->ends_sentence = true;
        /* "。" "！" "？" */
        if (q >= i + 3 && (((unsigned char)s[q - 3] == 0xE3 && (unsigned char)s[q - 2] == 0x80 &&
                             (unsigned char)s[q - 1] == 0x82) ||
                            ((unsigned char)s[q - 3] == 0xEF && (unsigned char)s[q - 2] == 0xBC &&
                             ((unsigned char)s[q - 1] == 0x81 || (unsigned char)s[q - 1] == 0x9F))))
            L->ends_sentence = true;
    }
}

static precis_status split_lines(cl_doc *d, size_t max_line, const char *name, pc_error *err)
{
    const char *s = d->s;
    size_t i = 0;
    size_t nl_at = 0; /* the next \n (d->len: none), once looked for */
    bool nl_known = false;
    while (i < d->len) {
        /* memchr runs fast over the common case of lines ending in \n; the
         * \n found is kept while CR-only lines come before it, else each of
         * them would scan on to it (quadratic) */
        if (!nl_known || nl_at < i) {
            const char *nl = memchr(s + i, '\n', d->len - i);
            nl_at = nl ? (size_t)(nl - s) : d->len;
            nl_known = true;
        }
        size_t j = nl_at;
        const char *cr = memchr(s + i, '\r', j - i);
        if (cr) j = (size_t)(cr - s);
        if (j - i > max_line) {
            char why[96];
            return pc_fail(err, PRECIS_ELIMIT, name, d->n_lines + 1, "%s",
                           pc_over_limit(why, sizeof why, "line", j - i, max_line));
        }
        if (d->n_lines == d->cap_lines) {
            size_t cap = d->cap_lines ? d->cap_lines * 2 : 256;
            cl_line *n = realloc(d->lines, cap * sizeof *n);
            if (!n) return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
            d->lines = n;
            d->cap_lines = cap;
        }
        cl_line *L = &d->lines[d->n_lines++];
        memset(L, 0, sizeof *L);
        L->start = i;
        L->len = j - i;
        line_features(d, L);
        if (j < d->len && s[j] == '\r' && j + 1 < d->len && s[j + 1] == '\n') j++;
        i = j + 1;
    }
    return PRECIS_OK;
}

static double knob(const char *name, double def);

/* ---- wrap width and blocks ------------------------------------------------ */

/* The wrap width: hard-wrapped text has many lines ending just short of one
 * width W and almost none beyond it. Pick the W (40..200 characters) with the
 * most lines in [W-8, W], counting lines wider than W against it; text whose
 * best W gathers few lines, or no more than the columns just left of it, is
 * not hard-wrapped. */
static void estimate_wrap(cl_doc *d)
{
    unsigned hist[202] = {0}; /* hist[201] = wider than 200 */
    unsigned spaced = 0;
    for (size_t i = 0; i < d->n_lines; i++) {
        const cl_line *L = &d->lines[i];
        /* menus (bullets, short items) would blur the picture */
        if (L->blank || L->words < 4 || L->gaps || L->bullet) continue;
        spaced++;
        hist[L->width > 200 ? 201 : L->width]++;
    }
    unsigned above = hist[201], best_score = 0, best_near = 0, best_below = 0;
    size_t best = 0;
    /* walk W downwards so "lines wider than W" accumulates */
    size_t wmin = (size_t)knob("K_WMIN", 30);
    for (size_t w = 200; w >= wmin; w--) {
        unsigned near = 0, below = 0;
        for (size_t k = w - 8; k <= w; k++) near += hist[k];
        for (size_t k = w - 17; k < w - 8; k++) below += hist[k];
        int score = (int)near - (int)above;
        if (score > (int)best_score) {
            best_score = (unsigned)score;
            best = w;
            best_near = near;
            best_below = below;
        }
        above += hist[w];
    }
    (void)spaced;
    /* ragged-right text piles up just below its wrap width; where other
     * lines of similar width blur that picture, lines near W that continue in
     * lower case on the next line are the evidence */
    unsigned lower_next = 0;
    for (size_t i = 0; best && i + 1 < d->n_lines; i++) {
        const cl_line *L = &d->lines[i], *M = &d->lines[i + 1];
        if (L->blank || M->blank || M->bullet || L->width + 8 < best || L->width > best) continue;
        unsigned char c = (unsigned char)d->s[M->c0];
        if (c >= 'a' && c <= 'z') lower_next++;
    }
    bool peak = best_near >= best_below, continued = lower_next >= 3 && lower_next * 4 >= best_near;
    /* narrow columns: short menu lines pile up there too, so only the
     * continuation evidence counts */
    if (best && best < 50) peak = false;
    d->wrap = (best && best_near >= 3 && (peak || continued)) ? best : 0;
}

static bool continues(const cl_doc *d, const cl_line *prev, const cl_line *cur)
{
    if (!d->wrap || cur->bullet || prev->blank || cur->blank || prev->gaps || cur->gaps)
        return false;
    /* the previous line would have taken the next word if it had fit */
    return prev->width + 1 + cur->first_word + 2 > d->wrap; /* 2: widths are estimates */
}

static precis_status build_blocks(cl_doc *d, const char *name, pc_error *err)
{
    d->blocks = calloc(d->n_lines ? d->n_lines : 1, sizeof *d->blocks);
    if (!d->blocks) return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    for (size_t i = 0; i < d->n_lines; i++) {
        cl_line *L = &d->lines[i];
        if (L->blank) {
            L->block = -1;
            continue;
        }
        bool join = i > 0 && d->n_blocks > 0 && d->lines[i - 1].block == (int)d->n_blocks - 1 &&
                    continues(d, &d->lines[i - 1], L);
        if (!join) {
            cl_block *B = &d->blocks[d->n_blocks++];
            B->first = i;
            B->all_bullets = true;
        }
        cl_block *B = &d->blocks[d->n_blocks - 1];
        L->block = (int)d->n_blocks - 1;
        B->n = i - B->first + 1;
        B->words += L->words;
        B->letters += L->letters;
        B->upper += L->upper;
        B->digits += L->digits;
        B->chars += L->chars;
        B->stop_known += L->stop[1] + L->stop[2];
        B->you += L->you;
        if (i == B->first) B->all_bullets = L->bullet; /* wrapped items continue unbulleted */
        B->ends_sentence = L->ends_sentence;
    }
    /* only lines that stand alone are compared by hash (repetition, batch) */
    for (size_t b = 0; b < d->n_blocks; b++)
        if (d->blocks[b].n == 1) {
            cl_line *L = &d->lines[d->blocks[b].first];
            L->hash = pcl_line_hash(d->s + L->c0, L->clen);
        }
    return PRECIS_OK;
}

static void detect_language(cl_doc *d)
{
    unsigned n[3] = {0}, words = 0;
    for (size_t i = 0; i < d->n_lines; i++) {
        for (int k = 1; k < 3; k++) n[k] += d->lines[i].stop[k];
        words += d->lines[i].words;
    }
    int best = n[2] > n[1] ? 2 : 1;
    d->lang = (words >= 20 && n[best] * 20 >= words) ? best : 0;
}

/* ---- helpers on spans ------------------------------------------------------ */

static const char *content(const cl_doc *d, const cl_line *L) { return d->s + L->c0; }

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);
    return n >= p && !strncasecmp(s, prefix, p);
}

/* needle[0..m) occurs in s[0..n). */
static bool find_bytes(const char *s, size_t n, const char *needle, size_t m)
{
    const char *p = s, *end = s + n;
    while (m && (size_t)(end - p) >= m) {
        p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
        if (!p) return false;
        if (memcmp(p, needle, m) == 0) return true;
        p++;
    }
    return m == 0;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    return find_bytes(s, n, needle, strlen(needle));
}

/* Content of line a is a prefix of line b's content (caption + credit). */
static bool is_prefix_line(const cl_doc *d, const cl_line *a, const cl_line *b)
{
    return a->clen >= 4 && b->clen > a->clen + 1 && memcmp(content(d, a), content(d, b), a->clen) == 0 &&
           (d->s[b->c0 + a->clen] == ' ' || d->s[b->c0 + a->clen] == ',');
}

/* "Harbour Courier", "The Daily Sentinel", "JNS": one to five words that could
 * name an outlet (capitalised, or a joining word inside), no digits, no
 * slash or colon (a photographer's "Name/Agency" credit, a label). */
static bool outlet_name(const char *s, size_t n)
{
    static const char *const joins[] = {"of", "the", "and", "&", "for", "de", "la", "du", "der", "die"};
    size_t words = 0;
    if (n < 2 || n > 60) return false;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        unsigned char c = (unsigned char)s[i];
        bool cap = (c >= 'A' && c <= 'Z') || c >= 0xC3;
        bool join = false;
        for (size_t k = 0; k < sizeof joins / sizeof *joins && !cap; k++)
            join = j - i == strlen(joins[k]) && memcmp(s + i, joins[k], j - i) == 0;
        if (!cap && !(join && words > 0 && j < n)) return false;
        for (size_t k = i; k < j; k++)
            if ((s[k] >= '0' && s[k] <= '9') || s[k] == '/' || s[k] == ':' || s[k] == '|' || s[k] == '@')
                return false;
        words++;
        i = j;
    }
    return words >= 1 && words <= 5;
}

/* Line b is line a (a headline: four words or more, no full stop) followed by
 * an outlet's name ("Ferry runs aground off Velmora" / "Ferry runs aground
 * off Velmora Harbour Courier"); a caption's credit names an agency or a
 * photographer instead ("John Bolton" / "John Bolton Reuters"). */
static bool headline_with_outlet(const cl_doc *d, const cl_line *a, const cl_line *b)
{
    if (a->words < 4 || a->ends_sentence || a->ends_colon || b->ends_sentence) return false;
    /* a name of a place or a person in capitals is a caption ("Sunset Beach
     * Hotel Shelter Island" / "... Long Island"); a headline has a lower-case
     * word, or is long */
    if (a->cap_words >= a->words && a->words < 7) return false;
    if (d->s[b->c0 + a->clen] != ' ') return false;
    const char *t = content(d, b) + a->clen + 1;
    size_t tn = b->clen - a->clen - 1;
    if (!outlet_name(t, tn)) return false;
    pcl_cues cu;
    pcl_find_cues(t, tn, &cu);
    return !cu.hits[CUE_CREDIT];
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static bool same_line(const cl_line *a, const cl_line *b)
{
    return a->hash && a->hash == b->hash;
}

/* Only placeholders w3m prints for images and form controls: "[logo]", "[SUBMIT]". */
static bool only_placeholders(const char *s, size_t n)
{
    size_t i = 0, groups = 0;
    while (i < n) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (s[i] != '[') return false;
        while (i < n && s[i] != ']') i++;
        if (i >= n) return false;
        i++;
        groups++;
    }
    return groups > 0;
}

/* Counts menu separators: " | ", " · ", " / ", " • ", " » ", " > ". */
static unsigned separators(const char *s, size_t n)
{
    unsigned k = 0;
    for (size_t i = 1; i + 2 < n; i++) {
        if (s[i - 1] != ' ') continue;
        if ((s[i] == '|' || s[i] == '>' || s[i] == '/') && s[i + 1] == ' ') k++;
        else if (i + 2 < n && (unsigned char)s[i] == 0xC2 &&
                 ((unsigned char)s[i + 1] == 0xB7 || (unsigned char)s[i + 1] == 0xBB) &&
                 s[i + 2] == ' ')
            k++;
        else if (i + 3 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0xA2 && s[i + 3] == ' ')
            k++;
    }
    return k;
}

/* "... in Moscow, 09 May 2018." — a photo caption's closing place and date. */
static bool ends_with_date(const cl_doc *d, const cl_line *L)
{
    if (L->clen < 12) return false;
    size_t from = L->clen > 40 ? L->clen - 40 : 0;
    pt_date dt;
    const char *s = content(d, L) + from;
    size_t n = L->clen - from;
    if (!pt_date_find(s, n, 0, &dt) || dt.year == 0) return false;
    size_t rest = n - dt.end;
    return rest <= 2 && dt.start >= 2 && s[dt.start - 2] == ',';
}

/* A gallery's counter on a line of its own: "Image 1 of 12", "Photo 3/8",
 * "Bild 2 von 5", "Slide 4 of 10". */
static bool gallery_counter(const char *s, size_t n)
{
    static const char *const words[] = {"image ", "photo ", "picture ", "slide ", "bild ", "foto ", "pic "};
    size_t i = n;
    for (size_t k = 0; k < sizeof words / sizeof *words && i == n; k++)
        if (starts_with_ci(s, n, words[k])) i = strlen(words[k]);
    if (i == n) return false;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == d || i - d > 3) return false;
    while (i < n && s[i] == ' ') i++;
    if (i + 1 < n && s[i] == '/') i++;
    else if (starts_with_ci(s + i, n - i, "of ")) i += 3;
    else if (starts_with_ci(s + i, n - i, "von ")) i += 4;
    else return false;
    while (i < n && s[i] == ' ') i++;
    d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    return i > d && i - d <= 3 && i == n;
}

/* A reading or listening time on a line of its own, next to an audio player
 * or under the headline: "4 min", "12 mins", "3 minutes", "2:45", "5 Min.". */
static bool duration_only(const char *s, size_t n)
{
    size_t i = 0, dg = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, dg++;
    if (!dg || dg > 3) return false;
    if (i < n && s[i] == ':') { /* "2:45", "1:02:45": a player's clock */
        size_t j = i;
        while (j < n && ((s[j] >= '0' && s[j] <= '9') || s[j] == ':')) j++;
        return j == n && j > i + 2;
    }
    while (i < n && s[i] == ' ') i++;
    static const char *const units[] = {"min", "mins", "min.", "minute", "minutes", "minuten",
                                        "sec", "secs", "seconds", "min read", "mins read",
                                        "minute read", "min listen", "minutes listen"};
    for (size_t k = 0; k < sizeof units / sizeof *units; k++)
        if (n - i == strlen(units[k]) && !strncasecmp(s + i, units[k], n - i)) return true;
    return false;
}

/* "Updated 2 hours ago", "5 mins ago", "vor 3 Stunden", "just now": a page's
 * relative time stamp, furniture and no date (it moves with the reading). */
static bool relative_stamp(const char *s, size_t n)
{
    static const char *const units[] = {"second", "sec", "minute", "min", "hour", "hr", "h",
                                        "day", "week", "month", "year", "sekunde", "minute",
                                        "stunde", "tag", "woche", "monat", "jahr"};
    char low[96];
    if (n >= sizeof low) return false;
    for (size_t i = 0; i < n; i++) low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    low[n] = '\0';
    if (contains(low, n, "just now")) return n <= 24;
    while (n && (low[n - 1] == '.' || low[n - 1] == ' ')) low[--n] = '\0';
    /* the stamp is the whole line, after at most a label: "Updated 2 hours
     * ago", "Publiziert vor einer Stunde"; not a headline "... vor 50 Jahren" */
    static const char *const labels[] = {"updated ", "posted ", "published ", "last updated ",
                                         "edited ", "aktualisiert ", "publiziert ", "veröffentlicht ",
                                         "zuletzt aktualisiert ", "erstellt "};
    const char *start = low;
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
        if (!strncmp(low, labels[k], strlen(labels[k]))) start = low + strlen(labels[k]);
    if (*start == ':') start++;
    while (*start == ' ') start++;
    const char *ago = n > 4 && !strcmp(low + n - 4, " ago") ? low + n - 4 : NULL;
    const char *vor = !strncmp(start, "vor ", 4) ? start : NULL;
    if (!ago && !vor) return false;
    if (ago && !(*start >= '0' && *start <= '9') && strncmp(start, "a ", 2) && strncmp(start, "an ", 3))
        return false;
    if (vor && strchr(vor + 4, ' ') && strchr(strchr(vor + 4, ' ') + 1, ' ')) return false; /* "vor N Unit" ends it */
    /* a number or "an"/"a" followed by a unit word */
    const char *p = ago ? low : vor + 4;
    for (; *p; p++) {
        if (!((*p >= '0' && *p <= '9') || ((p == low || p[-1] == ' ') && (p[0] == 'a' || p[0] == 'e') &&
                                          (p[1] == ' ' || (p[1] == 'n' && p[2] == ' ') ||
                                           (p[1] == 'i' && p[2] == 'n')))))
            continue;
        while (*p && *p != ' ') p++;
        while (*p == ' ') p++;
        for (size_t u = 0; u < sizeof units / sizeof *units; u++)
            if (strncmp(p, units[u], strlen(units[u])) == 0) return true;
        if (!*p) break;
    }
    return false;
}

/* ---- classification -------------------------------------------------------- */

/* Reasons a later rule asks for by identity (late_title): a block's reason is
 * one of these pointers exactly while no later rule has given it another. */
static const char R_SHORT_BEFORE[] = "short line before the article";
static const char R_REPEATED[] = "short line repeated on the page";

static void set(cl_block *B, cl_kind k, pcl_class c, const char *reason)
{
    B->kind = k;
    B->cls = c;
    B->reason = reason;
}

static double knob(const char *name, double def);

static bool prose_like(const cl_doc *d, const cl_block *B)
{
    if (B->words < (unsigned)knob("K_MINW", 8)) return false;
    double stop = B->words ? (double)B->stop_known / B->words : 0;
    if (d->lang && stop < knob("K_STOPR", 0.05)) return false;
    if (B->letters * 2 < B->chars) return false;
    /* Title Case without final punctuation is a headline, however long */
    if (!B->ends_sentence && B->n <= 2) {
        unsigned caps = 0;
        for (size_t k = B->first; k < B->first + B->n; k++) caps += d->lines[k].cap_words;
        if (caps * 10 >= B->words * 6) return false;
    }
    /* "... from another_mod.py:" introduces a list or code: prose as well */
    bool colon = d->lines[B->first + B->n - 1].ends_colon && B->words >= 8;
    return B->ends_sentence || colon || B->words >= (unsigned)knob("K_LONGW", 16) || B->n > 1;
}

/* A reply link or a "says:" next to a name and a date marks a reader comment. */
static bool reply_word(const char *s, size_t n)
{
    static const char *const words[] = {"antworten", "antwort", "reply", "responder", "répondre",
                                        "rispondi", "sagt:", "says:", "schreibt:", "wrote:"};
    char low[512];
    size_t m = n < sizeof low ? n : sizeof low;
    for (size_t i = 0; i < m; i++) low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (contains(low, m, words[w])) return true;
    return false;
}

static void classify_block(cl_doc *d, const pcl_options *o, size_t bi)
{
    cl_block *B = &d->blocks[bi];
    cl_line *L = &d->lines[B->first];
    const char *s = content(d, L);
    size_t n = L->clen;
    bool single = B->n == 1;

    if (B->letters == 0) {
        set(B, K_DEBRIS, PCL_TICKER, "numbers and symbols only");
        return;
    }
    if (single && only_placeholders(s, n)) {
        set(B, K_DEBRIS, PCL_NAVIGATION, "image or button placeholder");
        return;
    }
    pt_date dt;
    if (single && B->words <= 8 && !L->ends_sentence && knob("K_RELSTAMP", 1) > 0 && relative_stamp(s, n)) {
        set(B, K_DEBRIS, PCL_DATELINE, "relative time stamp (no date)");
        return;
    }
    if (single && L->digits && B->words <= 5 && gallery_counter(s, n)) {
        set(B, K_DEBRIS, PCL_CAPTION, "gallery counter");
        return;
    }
    if (single && L->digits && B->words <= 3 && duration_only(s, n)) {
        set(B, K_DEBRIS, PCL_NAVIGATION, "reading or listening time");
        return;
    }
    if (single && L->digits && B->words <= 16 && pt_date_is_dateline(s, n, &dt)) {
        set(B, K_DEBRIS, PCL_DATELINE, "date line");
        return;
    }
    if (single && L->digits && B->words <= 10 && !L->ends_sentence &&
        pt_date_find(s, n, 0, &dt) && dt.year) {
        /* "27. August 2019 Redaktion", "Maria 6. August 2018 um 17:20 Uhr": teaser
         * or comment metadata, or the article's own date with its label */
        set(B, K_DEBRIS, PCL_DATELINE, "date with a few words");
        if (knob("K_REPLY", 1) > 0 && reply_word(s, n)) {
            /* "Maria 6. August 2018 um 17:20 Uhr - Antworten": a reader comment */
            B->cls = PCL_SOCIAL;
            B->reason = "reader comment header";
            B->ends_article = true;
        }
        return;
    }
    pcl_cues cu;
    pcl_find_cues(s, n, &cu);
    /* multi-line blocks: cues sit at the start and the end of a block (a
     * credit, "Read more"); long paragraphs are not read line by line */
    size_t scan = (size_t)knob("K_CUESCAN", 3);
    for (size_t k = 1; k < B->n; k++) {
        if (k >= scan && k + 1 < B->n) continue;
        pcl_cues more;
        cl_line *M = &d->lines[B->first + k];
        pcl_find_cues(content(d, M), M->clen, &more);
        for (int c = 0; c < CUE_N; c++) {
            if (!cu.hits[c]) cu.first[c] = more.first[c];
            cu.hits[c] += more.hits[c];
        }
    }
    unsigned w = B->words;
    B->cue_hits = (unsigned)(cu.hits[CUE_PROMO] + cu.hits[CUE_SOCIAL] + cu.hits[CUE_NAV] +
                             cu.hits[CUE_TEASER] + cu.hits[CUE_LEGAL]);
    if (single && w <= 8 && (ends_with(s, n, " sagt:") || ends_with(s, n, " says:") ||
                             ends_with(s, n, " schreibt:") || ends_with(s, n, " meint:") ||
                             ends_with(s, n, " wrote:"))) {
        set(B, K_DEBRIS, PCL_SOCIAL, "reader comment header");
        B->ends_article = true;
        return;
    }
    if (n >= 3 && (memcmp(s, "[ ]", 3) == 0 || memcmp(s, "[X]", 3) == 0 || memcmp(s, "[*]", 3) == 0 ||
                   memcmp(s, "( )", 3) == 0 || memcmp(s, "(*)", 3) == 0)) {
        set(B, K_DEBRIS, PCL_NAVIGATION, "form field");
        return;
    }
    /* a section header stands alone ("Related", "Ähnliche Beiträge:"); with a
     * story after it ("Related: How the flood ...") it is an inline teaser */
    const char *colon = memchr(s, ':', n);
    bool inline_teaser = colon && colon + 2 < s + n;
    if (single && cu.hits[CUE_END] && w <= 8 && !(L->bullet && knob("K_ENDBUL", 1) > 0) &&
        (cu.whole[CUE_END] || (w <= 4 && !inline_teaser) || (L->ends_colon && knob("K_ENDCOLON", 1) > 0))) {
        /* "Comments", "Related posts": what follows is not the article */
        set(B, K_DEBRIS, cu.hits[CUE_SOCIAL] || contains(s, n, "omment") ? PCL_SOCIAL : PCL_TEASER,
            "header of a section after the article");
        B->ends_article = true;
        return;
    }
    if (single && cu.hits[CUE_BYLINE] && w <= 12 && !L->ends_sentence) {
        set(B, K_DEBRIS, PCL_BYLINE, "byline");
        return;
    }
    if (single && cu.hits[CUE_CREDIT] && w <= 8 && !(L->ends_sentence && w > 4)) {
        set(B, K_DEBRIS, PCL_CREDIT, "photo or agency credit");
        return;
    }
    if (single && w <= 6 && !L->ends_sentence && contains(s, n, "/") && L->cap_words >= 2 &&
        separators(s, n) == 0) {
        /* "Jane Roe/Example Agency" */
        const char *slash = memchr(s, '/', n);
        if (slash && slash > s && slash[-1] != ' ' && slash + 1 < s + n &&
            slash[1] >= 'A' && slash[1] <= 'Z' && !contains(s, n, "://")) {
            set(B, K_DEBRIS, PCL_CREDIT, "name/agency credit");
            return;
        }
    }
    /* "DCV / Oppitz", "Bundesregierung / Jane Roe", "Agentur | Jane Roe": a
     * photo credit, every word capitalised, one separator, nothing else */
    if (single && w >= 2 && w <= 5 && !L->ends_sentence && L->cap_words == w && !L->digits &&
        !B->cue_hits && knob("K_CRED2", 1) > 0) {
        unsigned slashes = 0, bars = 0;
        for (size_t q = 0; q < n; q++) slashes += s[q] == '/', bars += s[q] == '|';
        if (slashes + bars == 1 && !contains(s, n, "://") && s[0] != '/' && s[0] != '|' &&
            s[n - 1] != '/' && s[n - 1] != '|') {
            set(B, K_DEBRIS, PCL_CREDIT, "name/agency credit");
            return;
        }
    }
    /* "Abbildung 4: ...", "Abb. 2", "Figure 3:": a figure caption */
    if ((starts_with_ci(s, n, "abbildung ") || starts_with_ci(s, n, "abb. ") ||
         starts_with_ci(s, n, "figure ") || starts_with_ci(s, n, "fig. ")) &&
        knob("K_FIGCAP", 1) > 0) {
        size_t sp = (size_t)((const char *)memchr(s, ' ', n) - s) + 1;
        if (sp < n && s[sp] >= '0' && s[sp] <= '9' && w <= 60) {
            set(B, K_DEBRIS, PCL_CAPTION, "figure caption");
            return;
        }
    }
    /* a long paragraph may name cookies or tracking once or twice (an article
     * about browsers); a notice says little else */
    if (cu.hits[CUE_LEGAL] && (w <= 12 || (cu.hits[CUE_LEGAL] >= 2 && w <= 40) || cu.hits[CUE_LEGAL] >= 3)) {
        set(B, K_DEBRIS, PCL_LEGAL, "cookie, privacy or copyright notice");
        return;
    }
    if (cu.hits[CUE_PROMO] && (w <= (unsigned)knob("K_PROMOW", 25) || cu.hits[CUE_PROMO] >= 3 ||
                               (cu.hits[CUE_PROMO] >= 2 && w <= 60))) {
        set(B, K_DEBRIS, PCL_PROMOTION, "subscription, donation or advertising call");
        return;
    }
    if (cu.hits[CUE_TEASER] && w <= 25 && (single || B->n <= 2)) {
        set(B, K_DEBRIS, PCL_TEASER, "related-story teaser");
        return;
    }
    if (cu.hits[CUE_SOCIAL] && w <= 6 && !L->ends_sentence) {
        set(B, K_DEBRIS, PCL_SOCIAL, "share or follow buttons");
        return;
    }
    if (single && cu.hits[CUE_SOCIAL] && cu.whole[CUE_SOCIAL]) {
        set(B, K_DEBRIS, PCL_SOCIAL, "share or follow buttons");
        return;
    }
    if (B->cue_hits >= (unsigned)knob("K_DENSE", 3) && w <= (unsigned)knob("K_DENSEW", 40) &&
        !(cu.hits[CUE_BYLINE] && w <= 12)) {
        /* "Follow us on Telegram, Instagram, Facebook and Twitter", "Posted in
         * ..., comments via RSS": many furniture words in one short block */
        int best = CUE_SOCIAL;
        const int kinds[] = {CUE_PROMO, CUE_SOCIAL, CUE_NAV, CUE_TEASER, CUE_LEGAL};
        for (size_t k = 0; k < 5; k++)
            if (cu.hits[kinds[k]] > cu.hits[best]) best = kinds[k];
        static const pcl_class cls_of[CUE_N] = {
            [CUE_PROMO] = PCL_PROMOTION, [CUE_SOCIAL] = PCL_SOCIAL, [CUE_NAV] = PCL_NAVIGATION,
            [CUE_TEASER] = PCL_TEASER, [CUE_LEGAL] = PCL_LEGAL};
        set(B, K_DEBRIS, cls_of[best], "many furniture words in a short block");
        return;
    }
    if (cu.hits[CUE_NAV] && w <= 6) {
        set(B, K_DEBRIS, PCL_NAVIGATION, "navigation link");
        return;
    }
    if (single && separators(s, n) >= 2 && w <= 4 * (separators(s, n) + 1) && !L->ends_sentence) {
        set(B, K_DEBRIS, PCL_NAVIGATION, "menu or breadcrumb line");
        return;
    }
    if (B->all_bullets && w <= 5 * B->n && !B->ends_sentence) {
        /* kept only when it sits inside the article (decided by the region) */
        set(B, K_SHORT, PCL_NAVIGATION, "list of short links");
        B->list_item = true;
        return;
    }
    if (single && L->gaps >= 1 && !L->ends_sentence) {
        /* side-by-side columns (teaser grids, tables): kept only inside the article */
        set(B, K_SHORT, PCL_TEASER, "columns of a page layout");
        B->list_item = true;
        return;
    }
    /* a credit at the end of a short block: "... in Berlin. Foto: Jane Roe" */
    if (B->n <= 3 && w <= 60) {
        const cl_line *Z = &d->lines[B->first + B->n - 1];
        const char *zs = content(d, Z);
        size_t zn = Z->clen, from = zn > 70 ? zn - 70 : 0;
        static const char *const marks[] = {"\xC2\xA9", "Foto:", "Photo:", "Bild:", "Image:",
                                            "Credit:", "Fotos:", "Photos:", "Getty Images",
                                            "Quelle:", "(Foto", "(Photo", "/dpa", "/AP", "/AFP",
                                            "Photograph:", "Photograph by", "Fotografie:", "credit:", "Photo/",
                                            "(Image", "Picture:"};
        /* every mark has a colon, slash, parenthesis or copyright sign, or is
         * "Getty Images" or "Photograph by": most lines have none of them */
        bool maybe = memchr(zs + from, ':', zn - from) || memchr(zs + from, '/', zn - from) ||
                     memchr(zs + from, '(', zn - from) || memchr(zs + from, 0xC2, zn - from) ||
                     contains(zs + from, zn - from, "Getty") || contains(zs + from, zn - from, "Photograph");
        for (size_t m = 0; maybe && m < sizeof marks / sizeof *marks; m++)
            if (contains(zs + from, zn - from, marks[m])) {
                set(B, K_DEBRIS, PCL_CAPTION, "photo caption with a credit");
                return;
            }
    }
    /* caption markers */
    bool paren = memchr(s, '(', n) != NULL; /* most lines have none: skip those checks */
    if ((paren && (contains(s, n, "(L)") || contains(s, n, "(R)") || contains(s, n, "(C)") ||
                   contains(s, n, "(l.)") || contains(s, n, "(r.)") || contains(s, n, "(Photo") ||
                   contains(s, n, "(Foto"))) ||
        starts_with_ci(s, n, "file photo") || contains(s, n, "pictured") ||
        /* an agency's file picture: "FILE - In this Jan. 5, 2024, file photo, ..." */
        (n > 8 && !memcmp(s, "FILE ", 5) && (s[5] == '-' || !memcmp(s + 5, "\xE2\x80\x93", 3) ||
                                             !memcmp(s + 5, "\xE2\x80\x94", 3)))) {
        if (w <= 80) {
            set(B, K_DEBRIS, PCL_CAPTION, "photo caption");
            return;
        }
    }
    /* cross-document boilerplate (after the specific classes, which say more) */
    if (o->corpus && pcl_corpus_docs(o->corpus) >= 3) {
        size_t c = pcl_corpus_count_hash(o->corpus, L->hash);
        size_t docs = pcl_corpus_docs(o->corpus);
        bool recurring = B->words <= 15 ? c >= 2 : (c >= 5 && c * 10 >= docs * 3);
        if (single && recurring) {
            set(B, K_DEBRIS, PCL_BOILERPLATE, "recurs across the documents of the batch");
            return;
        }
    }
    if (prose_like(d, B)) {
        set(B, K_PROSE, PCL_PARAGRAPH, NULL);
        return;
    }
    set(B, K_SHORT, PCL_PARAGRAPH, NULL);
}

typedef struct hash_ref {
    uint64_t hash;
    size_t block;
} hash_ref;

static int cmp_hash_ref(const void *a, const void *b)
{
    const hash_ref *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    return x->block < y->block ? -1 : x->block > y->block;
}

/* Collects the hashes of a block's first 128 words, sorted. */
static size_t block_words(const cl_doc *d, const cl_block *B, uint64_t *h, size_t cap)
{
    size_t n = 0;
    for (size_t k = B->first; k < B->first + B->n && n < cap; k++) {
        const cl_line *L = &d->lines[k];
        size_t pos = 0, ws, we;
        while (n < cap && pt_next_word(content(d, L), L->clen, &pos, &ws, &we))
            h[n++] = XXH3_64bits(content(d, L) + ws, we - ws);
    }
    qsort(h, n, sizeof *h, pc_cmp_u64);
    return n;
}

/* Share of words two blocks have in common (Jaccard over word sets). */
static double word_overlap(const cl_doc *d, const cl_block *A, const cl_block *B)
{
    uint64_t a[128], b[128];
    size_t na = block_words(d, A, a, 128), nb = block_words(d, B, b, 128);
    size_t i = 0, j = 0, both = 0, uni = 0;
    while (i < na || j < nb) {
        uint64_t x = i < na ? a[i] : UINT64_MAX, y = j < nb ? b[j] : UINT64_MAX;
        uni++;
        if (x == y) both++;
        if (x <= y) {
            uint64_t v = x;
            while (i < na && a[i] == v) i++;
        }
        if (y <= x) {
            uint64_t v = y;
            while (j < nb && b[j] == v) j++;
        }
    }
    return uni ? (double)both / (double)uni : 0;
}

/* Repetition inside the document: a headline or caption printed twice, a
 * caption followed by the same words plus a credit, short menu words repeated. */
static void repetition(cl_doc *d)
{
    for (size_t bi = 0; bi < d->n_blocks; bi++) {
        cl_block *B = &d->blocks[bi];
        if (B->n != 1) continue;
        cl_line *L = &d->lines[B->first];
        /* the next two single-line blocks */
        for (size_t k = bi + 1; k < d->n_blocks && k <= bi + 2; k++) {
            cl_block *C = &d->blocks[k];
            if (C->n != 1) break;
            cl_line *M = &d->lines[C->first];
            if (same_line(L, M) && L->words >= 3) {
                if (L->ends_sentence && L->words > 8) {
                    set(B, K_DEBRIS, PCL_CAPTION, "caption printed twice");
                    set(C, K_DEBRIS, PCL_CAPTION, "caption printed twice");
                } else if (C->kind != K_DEBRIS) {
                    /* a headline printed twice: the first copy may become the title */
                    set(C, K_DEBRIS, PCL_HEADLINE, "headline printed twice");
                }
                break;
            }
            if (k == bi + 1 && is_prefix_line(d, L, M) && M->words <= L->words + 4 &&
                !M->ends_sentence && knob("K_OUTLET", 1) > 0 && headline_with_outlet(d, L, M)) {
                /* the headline printed again with the outlet's name: the
                 * first copy may become the title, the name is the site */
                set(C, K_DEBRIS, PCL_CREDIT, "headline repeated with the outlet's name");
                C->site_off = M->c0 + L->clen + 1;
                C->site_len = M->clen - L->clen - 1;
                break;
            }
            if (k == bi + 1 && is_prefix_line(d, L, M) && M->words <= L->words + 4 &&
                !M->ends_sentence) {
                set(B, K_DEBRIS, PCL_CAPTION, "caption repeated with a credit");
                set(C, K_DEBRIS, PCL_CREDIT, "caption repeated with a credit");
                break;
            }
        }
    }
    /* a teaser card: the link's title glued to a description that repeats
     * it ("Grüner SpargelGrüner Spargel", "Title.Title begins ..."), or a
     * paragraph printed twice with a different wrap */
    if (knob("K_SELFREP", 1) > 0)
        for (size_t bi = 0; bi < d->n_blocks; bi++) {
            cl_block *B = &d->blocks[bi];
            if (B->kind == K_DEBRIS || B->words > 80) continue;
            const cl_line *L = &d->lines[B->first];
            size_t open = L->clen / 2 < 24 ? L->clen / 2 : 24;
            if (open < 12) continue;
            const char *o = content(d, L);
            bool rep = false;
            for (size_t k = B->first; k < B->first + B->n && !rep; k++) {
                const cl_line *M = &d->lines[k];
                size_t from = k == B->first ? open : 0;
                if (M->clen >= from + open && find_bytes(content(d, M) + from, M->clen - from, o, open))
                    rep = true;
            }
            if (rep) set(B, K_DEBRIS, PCL_TEASER, "repeats its own opening (a teaser card)");
        }
    if (knob("K_PREFREP", 1) > 0)
        for (size_t bi = 0; bi < d->n_blocks; bi++) {
            cl_block *B = &d->blocks[bi];
            if (B->kind == K_DEBRIS || (B->kind != K_PROSE && B->n < 2)) continue;
            const cl_line *L = &d->lines[B->first];
            if (L->clen < 32) continue;
            for (size_t k = bi + 1; k < d->n_blocks && k <= bi + 3; k++) {
                const cl_line *M = &d->lines[d->blocks[k].first];
                double over;
                if (M->clen >= 32 && memcmp(content(d, L), content(d, M), 32) == 0 &&
                    (over = word_overlap(d, B, &d->blocks[k])) >= knob("K_OVER", 0.75)) {
                    set(B, K_DEBRIS, PCL_CAPTION, "printed twice (a caption or teaser)");
                    /* the same short text twice: a photo caption, both copies */
                    cl_block *C = &d->blocks[k];
                    if (over >= knob("K_OVER2", 0.9) && B->words <= 40 && C->words <= 40 && C->kind != K_DEBRIS)
                        set(C, K_DEBRIS, PCL_CAPTION, "printed twice (a caption or teaser)");
                    break;
                }
            }
        }
    /* author boxes: a name on its own line, then a short bio that opens with
     * the same name ("Jane Roe" / "Jane Roe is a reporter at ...") */
    for (size_t bi = 0; bi + 1 < d->n_blocks; bi++) {
        cl_block *B = &d->blocks[bi], *C = &d->blocks[bi + 1];
        if (B->n != 1 || B->words < 2 || B->words > 4 || C->words > 80 || C->kind == K_DEBRIS)
            continue;
        cl_line *L = &d->lines[B->first], *M = &d->lines[C->first];
        if (L->cap_words < B->words || L->ends_sentence || M->clen <= L->clen + 1) continue;
        if (memcmp(content(d, L), content(d, M), L->clen) != 0 || d->s[M->c0 + L->clen] != ' ')
            continue;
        set(B, K_DEBRIS, PCL_BYLINE, "author box");
        set(C, K_DEBRIS, PCL_BYLINE, "author box");
    }
    /* short lines (menu words) that occur more than once anywhere: sort the
     * hashes of short single-line blocks and look for equal neighbours */
    hash_ref *refs = malloc((d->n_blocks ? d->n_blocks : 1) * sizeof *refs);
    if (!refs) return; /* only a refinement: skip it when memory is short */
    size_t nr = 0;
    for (size_t bi = 0; bi < d->n_blocks; bi++) {
        cl_block *B = &d->blocks[bi];
        if (B->n != 1) continue;
        cl_line *L = &d->lines[B->first];
        if (!L->hash || L->words > 4) continue;
        refs[nr].hash = L->hash;
        refs[nr].block = bi;
        nr++;
    }
    qsort(refs, nr, sizeof *refs, cmp_hash_ref);
    for (size_t i = 0; i < nr;) {
        size_t j = i + 1;
        while (j < nr && refs[j].hash == refs[i].hash) j++;
        if (j - i >= 2 && knob("K_REPEAT", 1) > 0)
            for (size_t k = i; k < j; k++) {
                cl_block *B = &d->blocks[refs[k].block];
                if (B->kind != K_DEBRIS)
                    set(B, K_DEBRIS, PCL_NAVIGATION, R_REPEATED);
            }
        i = j;
    }
    free(refs);
}

static bool ends_with_ellipsis(const cl_doc *d, const cl_block *B);

/* "Related" with one or two links in the middle of an article is an inline
 * teaser box, not the end of the article: when strong prose (two long
 * paragraphs, not excerpts) follows within a few blocks, the header does not
 * end the article. Comment headers always do. */
static void inline_related(cl_doc *d)
{
    size_t look = (size_t)knob("K_INLOOK", 8), need = (size_t)knob("K_INNEED", 2);
    for (size_t i = 0; i < d->n_blocks; i++) {
        cl_block *H = &d->blocks[i];
        if (!H->ends_article || H->cls != PCL_TEASER) continue;
        size_t j = i + 1;
        while (j < d->n_blocks && j <= i + look && d->blocks[j].kind != K_PROSE && !d->blocks[j].ends_article)
            j++;
        if (j >= d->n_blocks || j > i + look || d->blocks[j].ends_article) continue;
        size_t strong = 0;
        for (size_t k = j; k < d->n_blocks && d->blocks[k].kind == K_PROSE; k++) {
            if (d->blocks[k].words < (unsigned)knob("K_INW", 25) || ends_with_ellipsis(d, &d->blocks[k]) ||
                d->blocks[k].cue_hits)
                break;
            strong++;
        }
        if (strong >= need) {
            H->ends_article = false;
            H->reason = "header of an inline teaser box";
            for (size_t k = i + 1; k < j; k++)
                if (d->blocks[k].kind != K_DEBRIS)
                    set(&d->blocks[k], K_DEBRIS, PCL_TEASER, "link in an inline teaser box");
        }
    }
}

/* Maximum-sum run of blocks: prose counts for, debris against, short lines
 * slightly against (so subheadlines inside the article are bridged). */
/* Weights of the classifier. Built with -DPCL_TUNING they can be overridden
 * from the environment (K_SHORT=-0.5 ...) to tune them on a benchmark. */
static double knob(const char *name, double def)
{
#ifdef PCL_TUNING
    const char *v = getenv(name);
    return v ? atof(v) : def;
#else
    (void)name;
    return def;
#endif
}

static void score_blocks(cl_doc *d)
{
    double k_short = knob("K_SHORT", -0.6), k_list = knob("K_LIST", -0.6),
           k_debris = knob("K_DEBRIS", -3.0), k_soft = knob("K_SOFT", -0.3),
           k_prose = knob("K_PROSE", 1.0), k_div = knob("K_DIV", 10.0);
    for (size_t i = 0; i < d->n_blocks; i++) {
        cl_block *B = &d->blocks[i];
        double w;
        switch (B->kind) {
        case K_PROSE: w = k_prose + (B->words > 60 ? 60 : B->words) / k_div; break;
        case K_SHORT: w = B->list_item ? k_list : k_short; break;
        case K_DEBRIS:
            w = B->cls == PCL_CAPTION || B->cls == PCL_CREDIT || B->cls == PCL_HEADLINE ? k_soft
                : k_debris - 0.5 * (double)(B->n > 1 ? B->n - 1 : 0);
            if (w < -6) w = -6;
            break;
        default: w = 0;
        }
        B->score = w;
    }
}

/* Maximum-sum run of blocks within [from, to): prose counts for, debris
 * against, short lines slightly against (so subheadlines inside the article
 * are bridged). A run never crosses an article-ending header, and once a
 * real article was found, the search stops at such a header. Returns the
 * run's score (0 and rs > re when there is none). */
static double best_run(const cl_doc *d, size_t from, size_t to, size_t *rs, size_t *re)
{
    double best = 0, cur = 0;
    size_t cs = from;
    *rs = 1, *re = 0;
    for (size_t i = from; i < to; i++) {
        const cl_block *B = &d->blocks[i];
        if (B->ends_article) {
            if (best >= knob("K_STOP", 15)) break;
            cur = 0;
            cs = i + 1;
            continue;
        }
        if (cur <= 0) {
            cur = 0;
            cs = i;
        }
        cur += B->score;
        if (cur > best) {
            best = cur;
            *rs = cs;
            *re = i;
        }
    }
    return best;
}

static void find_region(cl_doc *d, size_t *rs, size_t *re)
{
    score_blocks(d);
    d->main_score = best_run(d, 0, d->n_blocks, rs, re);
}

/* Further runs almost as strong as the article's (an article in several
 * parts, split by a gallery or an advertisement) are article text too. */
static void secondary_runs(cl_doc *d, size_t from, size_t to, int depth)
{
    size_t rs, re;
    if (from >= to || depth > 8) return;
    double sc = best_run(d, from, to, &rs, &re);
    if (rs > re || sc < knob("K_SECABS", 2) || sc < knob("K_SEC", 0.3) * d->main_score) return;
    for (size_t i = rs; i <= re; i++) d->blocks[i].secondary = true;
    secondary_runs(d, from, rs, depth + 1);
    secondary_runs(d, re + 1, to, depth + 1);
}

static bool headline_shape(const cl_doc *d, const cl_block *B)
{
    if (B->n > 2) return false;
    const cl_line *L = &d->lines[B->first + B->n - 1];
    if (B->words < (unsigned)knob("K_TITLEW", 3) || B->words > 30) return false;
    if (L->ends_colon) return false;
    if (L->ends_sentence && d->s[L->c0 + L->clen - 1] == '.') return false;
    if (B->letters * 3 < B->chars * 2 - 2) return false;
    /* "Start|Magazin|Tipps": a breadcrumb, even without spaces */
    const cl_line *F = &d->lines[B->first];
    const char *bar = memchr(content(d, F), '|', F->clen);
    if (bar && memchr(bar + 1, '|', F->clen - (size_t)(bar + 1 - content(d, F)))) return false;
    return true;
}

/* A headline printed right above its standfirst (no blank line between,
 * "BRENNOCK FLOOD BARRIER GETS GREEN LIGHT" / "Council votes 9-2 for ... after
 * years of flooding"): the walk up from the article meets the standfirst
 * first. The headline is the shorter line above a much longer one; a kicker
 * ("LOCAL", "Analysis") is too short to be taken for it. */
static long headline_above(cl_doc *d, long k)
{
    if (k <= 0) return k;
    cl_block *T = &d->blocks[k], *H = &d->blocks[k - 1];
    if (H->first + H->n != T->first || H->kind == K_BLANK || H->title || H->list_item) return k;
    if (!(H->kind == K_SHORT || (H->kind == K_DEBRIS && H->cls == PCL_NAVIGATION && H->reason == R_SHORT_BEFORE)))
        return k;
    if (!headline_shape(d, H) || d->lines[H->first].ends_colon || d->lines[H->first + H->n - 1].ends_sentence)
        return k;
    /* one line each: a title broken over two lines is one headline (the line
     * above it then is a kicker or the authors) */
    if (H->n != 1 || T->n != 1 || H->words < 4 || T->words < 10 || T->words * 2 < H->words * 3) return k;
    T->cls = PCL_SUBHEADLINE;
    T->reason = "standfirst under the headline";
    T->title = false;
    return k - 1;
}

/* The title: the headline just above the article (or its first line). */
static long choose_title(cl_doc *d, size_t rs, size_t re)
{
    long found = -1;
    size_t seen = 0;
    if (rs > re || re >= d->n_blocks) return -1; /* no article run: no title either */
    for (size_t k = rs + 1; k-- > 0 && seen < (size_t)knob("K_TITLEWIN", 12);) {
        cl_block *B = &d->blocks[k];
        seen++;
        if (k > rs) continue;
        if (B->kind == K_PROSE && k != rs) break;
        bool candidate = (B->kind == K_SHORT || (B->kind == K_DEBRIS && B->cls == PCL_HEADLINE)) &&
                         headline_shape(d, B);
        if (k == rs && B->kind == K_PROSE) candidate = false;
        if (!candidate) continue;
        /* caption + credit pairs are not titles (a headline + outlet pair is) */
        if (k + 1 < d->n_blocks && d->blocks[k + 1].n == 1 && B->n == 1 && !d->blocks[k + 1].site_len &&
            is_prefix_line(d, &d->lines[B->first], &d->lines[d->blocks[k + 1].first]))
            continue;
        if (B->cls == PCL_HEADLINE) continue; /* the second copy; its first copy is above */
        found = headline_above(d, (long)k);
        break;
    }
    /* a short block at the very start of the region can be the title too */
    if (found < 0 && rs <= re && d->blocks[rs].kind == K_SHORT && headline_shape(d, &d->blocks[rs]))
        found = (long)rs;
    return found;
}

static long late_title(cl_doc *d)
{
    size_t first = d->n_blocks;
    for (size_t i = 0; i < d->n_blocks; i++)
        if (d->blocks[i].kept) {
            first = i;
            break;
        }
    if (first == d->n_blocks) return -1;
    size_t seen = 0;
    for (size_t k = first; k-- > 0 && seen < (size_t)knob("K_LATEWIN", 10);) {
        cl_block *B = &d->blocks[k];
        seen++;
        if (B->kept || B->list_item || B->ends_article) break;
        /* a headline is a short line before the article, perhaps also in the
         * breadcrumbs (then "repeated on the page") */
        bool furniture_short =
            B->kind == K_DEBRIS && B->cls == PCL_NAVIGATION && B->reason &&
            ((B->furniture && B->reason == R_SHORT_BEFORE) ||
             (knob("K_LATEREP", 1) > 0 && B->reason == R_REPEATED));
        bool twice = B->kind == K_DEBRIS && B->cls == PCL_HEADLINE; /* the second copy */
        if (twice) continue;
        if (furniture_short && headline_shape(d, B) && !d->lines[B->first].ends_colon) {
            long h = headline_above(d, (long)k);
            B = &d->blocks[h];
            B->cls = PCL_HEADLINE;
            B->reason = "title";
            B->title = true;
            return h;
        }
        /* what may stand between the headline and the text */
        if (B->kind == K_DEBRIS && (B->cls == PCL_BYLINE || B->cls == PCL_DATELINE || B->cls == PCL_CREDIT ||
                                    B->cls == PCL_CAPTION || B->cls == PCL_SOCIAL ||
                                    B->cls == PCL_NAVIGATION || B->cls == PCL_TICKER))
            continue;
        break;
    }
    return -1;
}

/* ---- metadata helpers --------------------------------------------------------- */

static precis_status set_trimmed(pt_article *a, const char **field, const char *s, size_t n)
{
    while (n && (s[0] == ' ' || s[0] == '|' || s[0] == ',' || s[0] == '-')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == ',' || s[n - 1] == '-')) n--;
    if (!n) return PRECIS_OK;
    return pt_article_set(a, field, s, n);
}

/* "Worldwide | By Isabel Fisher" → "Isabel Fisher"; "Von Anna Beispiel, 3. Mai" → name. */
/* An outlet's name in a line outside the article. pass 0: "© 2024 Outlet",
 * "Copyright 2010-2024 Outlet. All rights reserved."; pass 1: the title
 * followed by " | Outlet" or " - Outlet" (a page title pasted with the page);
 * pass 2: "full access to Outlet.", "Subscribe to Outlet" (a paywall's
 * call names the site). */
static bool site_in_line(const char *s, size_t n, int pass, const char *title, size_t tn,
                         size_t *off, size_t *len)
{
    size_t from = n, to;
    if (pass == 0) {
        for (size_t i = 0; i < n && from == n; i++) {
            if (i + 2 <= n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9) from = i + 2;
            else if ((i == 0 || s[i - 1] == ' ') && starts_with_ci(s + i, n - i, "copyright ")) from = i + 10;
            else if (i + 3 <= n && (s[i] == '(' && (s[i + 1] | 32) == 'c' && s[i + 2] == ')')) from = i + 3;
        }
        if (from == n) return false;
        /* skip spaces, another ©, years and year ranges */
        while (from < n && (s[from] == ' ' || s[from] == '-' || s[from] == ',' || (s[from] >= '0' && s[from] <= '9') ||
                            (unsigned char)s[from] == 0xC2 || (unsigned char)s[from] == 0xA9 ||
                            (unsigned char)s[from] == 0xE2 || (unsigned char)s[from] == 0x80 ||
                            (unsigned char)s[from] == 0x93))
            from++;
    } else if (pass == 1) {
        if (!title || tn < 8 || n < tn + 4 || memcmp(s, title, tn) != 0) return false;
        from = tn;
        while (from < n && s[from] == ' ') from++;
        if (from < n && (s[from] == '|' || s[from] == '-')) from++;
        else if (pt_long_dash_at(s, n, from))
            from += 3;
        else
            return false;
        while (from < n && s[from] == ' ') from++;
    } else {
        static const char *const calls[] = {"full access to ", "subscribe to ", "unlimited access to "};
        for (size_t c = 0; c < sizeof calls / sizeof *calls && from == n; c++)
            for (size_t i = 0; i + strlen(calls[c]) < n; i++)
                if ((i == 0 || s[i - 1] == ' ') && starts_with_ci(s + i, n - i, calls[c])) {
                    from = i + strlen(calls[c]);
                    break;
                }
        if (from == n) return false;
        if (starts_with_ci(s + from, n - from, "our ") || starts_with_ci(s + from, n - from, "the "))
            return false; /* "subscribe to our newsletter" names nothing */
    }
    /* the name runs to the end, a full stop, a comma, a bar or "All rights" */
    for (to = from; to < n; to++) {
        if (s[to] == ',' || s[to] == '|' || s[to] == ';' || s[to] == '!' || s[to] == '(') break;
        if (s[to] == '.' && (to + 1 == n || s[to + 1] == ' ')) break;
        if (s[to] == ' ' && starts_with_ci(s + to + 1, n - to - 1, "all rights")) break;
    }
    while (to > from && s[to - 1] == ' ') to--;
    if (!outlet_name(s + from, to - from)) return false;
    *off = from;
    *len = to - from;
    return true;
}

/* A byline's name; "By NAME, Outlet" also names the outlet (not "By NAME,
 * Staff Writer": a role). *site_len stays 0 without one. */
static precis_status set_author(pt_article *a, const char *s, size_t n, size_t *site_off, size_t *site_len)
{
    static const char *const roles[] = {"correspondent", "reporter", "editor", "writer", "staff",
                                        "contributor", "columnist", "chief", "producer", "analyst",
                                        "desk", "journalist", "redakteur", "autor", "in "};
    *site_len = 0;
    static const char *const prefixes[] = {"by ", "von ", "author:", "autor:", "autorin:",
                                           "written by ", "text:", "posted by ",
                                           "geschrieben von ", "ein beitrag von ", "por "};
    for (size_t i = 0; i + 1 < n; i++) {
        if (i > 0 && s[i - 1] != ' ') continue;
        for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
            if (starts_with_ci(s + i, n - i, prefixes[p])) {
                size_t from = i + strlen(prefixes[p]);
                size_t to = n;
                pt_date dt;
                if (pt_date_find(s + from, n - from, 0, &dt)) to = from + dt.start;
                for (size_t q = from; q < to; q++)
                    if (s[q] == '|') {
                        to = q;
                        break;
                    }
                const char *comma = memchr(s + from, ',', to - from);
                if (comma) {
                    size_t c = (size_t)(comma - s) + 1;
                    while (c < to && s[c] == ' ') c++;
                    size_t e = to;
                    while (e > c && (s[e - 1] == ' ' || s[e - 1] == '.')) e--;
                    bool role = false;
                    for (size_t r = 0; r < sizeof roles / sizeof *roles && !role; r++)
                        for (size_t q = c; q < e && !role; q++)
                            role = (q == c || s[q - 1] == ' ') && starts_with_ci(s + q, e - q, roles[r]);
                    if (!role && e > c && outlet_name(s + c, e - c) && knob("K_OUTLET", 1) > 0) {
                        *site_off = c;
                        *site_len = e - c;
                    }
                    to = (size_t)(comma - s); /* the name alone, without what follows the comma */
                }
                /* "By DORA KELL Associated Press": the agency after the name, no comma */
                static const char *const agencies[] = {" Associated Press", " The Associated Press", " AP",
                                                       " Reuters", " AFP", " Agence France-Presse", " dpa"};
                for (size_t g = 0; g < sizeof agencies / sizeof *agencies; g++) {
                    size_t gl = strlen(agencies[g]), e = to;
                    while (e > from && (s[e - 1] == ' ' || s[e - 1] == '.')) e--;
                    if (e >= from + gl + 3 && !memcmp(s + e - gl, agencies[g], gl)) {
                        to = e - gl;
                        break;
                    }
                }
                return set_trimmed(a, &a->author, s + from, to - from);
            }
        }
    }
    return set_trimmed(a, &a->author, s, n);
}

/* A domain named in the text ("JNS.org", "example-news.de"). */
static bool find_domain(const char *s, size_t n, size_t *ds, size_t *dl)
{
    static const char *const tlds[] = {".com", ".org", ".net", ".de", ".co.uk", ".at", ".ch",
                                       ".news", ".info", ".eu", ".io", ".fr", ".es", ".it"};
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '.') continue;
        for (size_t t = 0; t < sizeof tlds / sizeof *tlds; t++) {
            size_t tl = strlen(tlds[t]);
            if (i + tl > n || !starts_with_ci(s + i, n - i, tlds[t])) continue;
            if (i + tl < n && ((s[i + tl] | 32) >= 'a' && (s[i + tl] | 32) <= 'z')) continue;
            size_t b = i;
            while (b > 0 && (((s[b - 1] | 32) >= 'a' && (s[b - 1] | 32) <= 'z') ||
                             (s[b - 1] >= '0' && s[b - 1] <= '9') || s[b - 1] == '-' ||
                             s[b - 1] == '.'))
                b--;
            if (i - b < 2) continue;
            if (b > 0 && (s[b - 1] == '@' || s[b - 1] == '/')) continue;
            *ds = b;
            *dl = i + tl - b;
            return true;
        }
    }
    return false;
}

/* ---- main ----------------------------------------------------------------------- */

/* "... und dann …", "[…]": an excerpt cut short, as teasers are. */
static bool ends_with_ellipsis(const cl_doc *d, const cl_block *B)
{
    const cl_line *L = &d->lines[B->first + B->n - 1];
    const char *s = d->s + L->c0;
    size_t n = L->clen;
    if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) return true;
    if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0) return true;
    if (n >= 4 && memcmp(s + n - 4, "...]", 4) == 0) return true;
    if (n >= 4 && memcmp(s + n - 4, "\xE2\x80\xA6]", 4) == 0) return true;
    return false;
}

/* Non-blank blocks between block i and the region [rs, re]. */
static size_t blocks_between(const cl_doc *d, size_t i, size_t rs, size_t re)
{
    (void)d;
    if (i < rs) return rs - i - 1;
    if (i > re) return i - re - 1;
    return 0;
}

/* Short lines sandwiched between kept paragraphs outside the main run (a
 * subheadline between two parts of the article) are kept too. */
static void restore_sandwiched(cl_doc *d)
{
    size_t max_run = (size_t)knob("K_RUN", 2);
    for (size_t i = 0; i < d->n_blocks;) {
        if (!d->blocks[i].furniture || d->blocks[i].list_item) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < d->n_blocks && d->blocks[j].furniture && !d->blocks[j].list_item) j++;
        bool before = i > 0 && d->blocks[i - 1].kept && !d->blocks[i - 1].title;
        bool after = j < d->n_blocks && d->blocks[j].kept;
        if (before && after && j - i <= max_run)
            for (size_t k = i; k < j; k++) {
                cl_block *B = &d->blocks[k];
                B->kept = true;
                B->why = "sandwiched";
                B->furniture = false;
                B->kind = K_SHORT;
                B->cls = B->n == 1 && !d->lines[B->first].ends_sentence ? PCL_SUBHEADLINE
                                                                        : PCL_PARAGRAPH;
                B->reason = NULL;
            }
        i = j;
    }
}

static bool find_domain(const char *s, size_t n, size_t *ds, size_t *dl);

static bool block_has_domain(const cl_doc *d, const cl_block *B)
{
    size_t ds, dl;
    for (size_t k = B->first; k < B->first + B->n; k++)
        if (find_domain(content(d, &d->lines[k]), d->lines[k].clen, &ds, &dl)) return true;
    return false;
}

/* Does low (lower case) hold word w whole, or its plural ("authors"; not
 * "authority")? */
static bool contains_word(const char *low, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++) {
        if (memcmp(low + i, w, wl) || (i > 0 && low[i - 1] >= 'a' && low[i - 1] <= 'z')) continue;
        size_t e = i + wl;
        if (e < n && low[e] == 's') e++;
        if (e >= n || !(low[e] >= 'a' && low[e] <= 'z')) return true;
    }
    return false;
}

/* "Jane Roe is a reporter ...", "Max Muster leitet das Ressort ...": an
 * author's short biography opens with the name and a verb of that kind. */
static bool bio_opening(const cl_doc *d, const cl_block *B)
{
    static const char *const verbs[] = {"is", "was", "has", "writes", "works", "covers", "ist",
                                        "war", "leitet", "schreibt", "arbeitet", "studierte",
                                        "lebt", "lives", "joined", "est", "es"};
    if (B->words > 80) return false;
    const cl_line *L = &d->lines[B->first];
    const char *s = content(d, L);
    size_t n = L->clen, pos = 0, ws, we;
    unsigned names = 0;
    while (pt_next_word(s, n, &pos, &ws, &we)) {
        bool cap = (s[ws] >= 'A' && s[ws] <= 'Z') || ((unsigned char)s[ws] == 0xC3 && ws + 1 < we);
        if (cap && names < 4) {
            names++;
            continue;
        }
        if (names < 1 || names > 4) return false;
        bool verb = false;
        for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++)
            if (we - ws == strlen(verbs[v]) && memcmp(s + ws, verbs[v], we - ws) == 0) verb = true;
        if (!verb) return false;
        /* and a profession of people who write */
        /* English roles as words ("authority's accounts" is no author);
         * German ones also inside compounds ("Chefredakteurin") */
        static const char *const roles_en[] = {"author",    "journalist", "reporter", "editor",  "writer", "correspondent",
                                               "columnist", "professor",  "founder",  "writes", "covers"};
        static const char *const roles_de[] = {"autor", "redakteur", "korrespondent", "kolumnist",
                                               "ressort", "studierte", "schreibt"};
        for (size_t k = B->first; k < B->first + B->n; k++) {
            char low[2048];
            const cl_line *M = &d->lines[k];
            size_t m = M->clen < sizeof low - 1 ? M->clen : sizeof low - 1;
            for (size_t q = 0; q < m; q++) {
                char c = content(d, M)[q];
                low[q] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            for (size_t r = 0; r < sizeof roles_en / sizeof *roles_en; r++)
                if (contains_word(low, m, roles_en[r])) return true;
            for (size_t r = 0; r < sizeof roles_de / sizeof *roles_de; r++)
                if (contains(low, m, roles_de[r])) return true;
        }
        return false;
    }
    return false;
}

/* An editor's note on the article itself, after its text: "This article was
 * amended on 6 March 2025 to correct ...", "An earlier version of this story
 * ...", "Correction: ...". It reports an edit of the page, not the news (its
 * date made a timeline event). */
static bool correction_note(const cl_doc *d, const cl_block *B)
{
    static const char *const opens[] = {
        "this article was amended", "this article was updated", "this article was corrected",
        "this article has been amended", "this article has been updated", "this article has been corrected",
        "this story was amended", "this story was updated", "this story was corrected",
        "this story has been amended", "this story has been updated", "this story has been corrected",
        "this article was originally published", "this story was originally published",
        "an earlier version of this", "a previous version of this", "correction:", "clarification:",
        "editor's note:", "editor\xE2\x80\x99s note:", "dieser artikel wurde",
        "dieser beitrag wurde aktualisiert", "korrektur:", "anmerkung der redaktion"};
    if (B->words > 80) return false;
    const cl_line *L = &d->lines[B->first];
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
        if (starts_with_ci(content(d, L), L->clen, opens[k])) return true;
    return false;
}

/* The outlet's name printed as the page's first line (a masthead: "Northern
 * Wire", "VALLEY HERALD", "Saltmere Post") and again further down, in a credit,
 * a wire dateline or the author's note ("Credit: Saltmere Post", "(Northern
 * Wire)", "Image credit: Valley Herald/Ola Brenn"): the repeat tells it from
 * a section label or a kicker. 2-5 words, each capitalised (or "of", "the",
 * "&"), no digits, no cue phrase ("Breaking News"); the repeat has its words
 * capitalised too and gives the spelling when the masthead is in capitals.
 * Returns the block of the masthead, or -1. */
static long masthead_site(const cl_doc *d, long title, size_t *off, size_t *len)
{
    size_t i = 0;
    while (i < d->n_lines && d->lines[i].blank) i++;
    if (i >= d->n_lines) return -1;
    const cl_line *L = &d->lines[i];
    const cl_block *B = &d->blocks[L->block];
    if (B->n != 1 || (long)L->block == title || B->title || B->cls == PCL_HEADLINE || B->cls == PCL_CAPTION ||
        B->cls == PCL_CREDIT || B->cls == PCL_BYLINE)
        return -1;
    if (L->words < 2 || L->words > 5 || L->digits || L->ends_sentence || L->ends_colon || L->clen > 40) return -1;
    const char *m = content(d, L);
    size_t mn = L->clen, pos = 0, ws, we;
    while (pt_next_word(m, mn, &pos, &ws, &we)) {
        bool low_ok = (we - ws == 2 && !strncmp(m + ws, "of", 2)) || (we - ws == 3 && !strncmp(m + ws, "the", 3)) ||
                      (we - ws == 1 && m[ws] == '&');
        if (!low_ok && !(m[ws] >= 'A' && m[ws] <= 'Z')) return -1;
    }
    pcl_cues cu;
    pcl_find_cues(m, mn, &cu);
    for (int k = 1; k < CUE_N; k++)
        if (cu.hits[k]) return -1;
    const char *s = d->s;
    size_t n = d->len, from = L->start + L->len;
    for (size_t p = from; p + mn <= n; p++) {
        if ((p > 0 && isalnum((unsigned char)s[p - 1])) || strncasecmp(s + p, m, mn) ||
            (p + mn < n && isalnum((unsigned char)s[p + mn])))
            continue;
        bool caps = true;
        for (size_t q = p; q < p + mn && caps; q++) {
            if (!(q == p || s[q - 1] == ' ') || s[q] < 'a' || s[q] > 'z') continue;
            /* a small word "of", "the", read within the repeat: the text may
             * end right after it (strncmp(s + q, "the ", 4) read past it) */
            size_t e = q;
            while (e < p + mn && s[e] != ' ') e++;
            caps = (e - q == 2 && !memcmp(s + q, "of", 2)) || (e - q == 3 && !memcmp(s + q, "the", 3));
        }
        if (!caps) continue;
        /* where an outlet is named: "(Northern Wire)", "Credit: Saltmere Post",
         * "(c) Outlet", "the Amberlee Times'"; a person is not named that way */
        size_t b = p;
        while (b > 0 && s[b - 1] == ' ') b--;
        bool named = b > 0 && (s[b - 1] == '(' || s[b - 1] == ':' || s[b - 1] == '/' ||
                               (b >= 2 && (unsigned char)s[b - 2] == 0xC2 && (unsigned char)s[b - 1] == 0xA9));
        if (!named && b >= 3 && !strncasecmp(s + b - 3, "the", 3) && (b == 3 || !isalnum((unsigned char)s[b - 4])))
            named = true;
        if (!named) continue;
        bool shouted = L->upper * 10 >= L->letters * 9;
        *off = shouted ? p : L->c0;
        *len = mn;
        return (long)L->block;
    }
    return -1;
}

/* The last paragraphs of the run that turn to the reader ("Get our daily
 * edition by email", "Ihr Beitrag hilft uns ...") or present the author are
 * not article text: the article itself rarely says "you" as often. */
static void trim_tail(cl_doc *d, size_t rs, size_t *re)
{
    if (*re >= d->n_blocks || rs > *re) return;
    unsigned you = 0, words = 0;
    for (size_t i = rs; i <= *re; i++)
        if (d->blocks[i].kind == K_PROSE) you += d->blocks[i].you, words += d->blocks[i].words;
    size_t prose_seen = 0, i = *re + 1;
    while (i-- > rs && prose_seen < (size_t)knob("K_TAILN", 3)) {
        cl_block *B = &d->blocks[i];
        if (B->kind != K_PROSE) continue;
        prose_seen++;
        unsigned rest_you = you - B->you, rest_words = words - B->words;
        double dens = B->words ? (double)B->you / B->words : 0;
        double rest = rest_words ? (double)rest_you / rest_words : 0;
        if (rest_words < B->words) break; /* most of the article: leave it */
        bool cta = B->cue_hits > 0 || knob("K_YOUCTA", 1) <= 0 || block_has_domain(d, B);
        if (B->you >= 1 && cta && dens >= knob("K_YOUD", 0.04) && dens >= knob("K_YOUR", 3) * rest) {
            set(B, K_DEBRIS, PCL_PROMOTION, "turns to the reader at the end of the article");
        } else if (correction_note(d, B)) {
            set(B, K_DEBRIS, PCL_NAVIGATION, "correction notice at the end of the article");
        } else if (bio_opening(d, B) && knob("K_BIO", 1) > 0) {
            set(B, K_DEBRIS, PCL_BYLINE, "author biography at the end of the article");
        } else {
            break;
        }
        you -= B->you;
        words -= B->words;
    }
    while (*re > rs && d->blocks[*re].kind == K_DEBRIS) (*re)--;
}

/* A list right next to the article whose items mostly carry numbers
 * ("200 g Zucker", "1 Pck. Vanillin-Zucker", "Ort: ... 2019") is part of it:
 * ingredients, specifications, results. Menus are words without numbers. */
static void restore_quantity_lists(cl_doc *d)
{
    for (size_t i = 0; i < d->n_blocks;) {
        cl_block *B = &d->blocks[i];
        if (B->kept || !B->furniture || !B->list_item) {
            i++;
            continue;
        }
        size_t j = i, numeric = 0;
        while (j < d->n_blocks && !d->blocks[j].kept && d->blocks[j].furniture && d->blocks[j].list_item) {
            if (d->blocks[j].digits) numeric++;
            j++;
        }
        size_t items = j - i, from = i;
        /* a heading line ("Zutaten", "Technische Daten") may stand between */
        if (i >= 2 && !d->blocks[i - 1].kept && d->blocks[i - 1].furniture && d->blocks[i - 1].n == 1 &&
            d->blocks[i - 1].words <= 4 && d->blocks[i - 2].kept && !d->blocks[i - 2].title)
            from = i - 1;
        bool before = from > 0 && d->blocks[from - 1].kept && !d->blocks[from - 1].title;
        bool after = j < d->n_blocks && d->blocks[j].kept;
        if ((before || after) && items >= 2 && numeric * 2 >= items)
            for (size_t k = from; k < j; k++) {
                d->blocks[k].kept = true;
                d->blocks[k].why = "quantity list";
                d->blocks[k].cls = PCL_PARAGRAPH;
                d->blocks[k].reason = NULL;
            }
        i = j;
    }
}

/* A short block that reads as a sentence of the article: one line, a capital
 * first, a full stop last, lower-case words with stopwords among them. */
static bool tail_sentence(const cl_doc *d, const cl_block *B)
{
    if (B->kind != K_SHORT || B->n != 1 || B->list_item || B->cue_hits || B->you) return false;
    const cl_line *L = &d->lines[B->first];
    if (L->words < (unsigned)knob("K_TAILW", 5) || !L->ends_sentence || L->ends_colon) return false;
    const char *c = content(d, L);
    if (L->clen < 2 || c[L->clen - 1] != '.' || !(c[0] >= 'A' && c[0] <= 'Z')) return false;
    if (L->cap_words * 2 > L->words || B->stop_known == 0) return false;
    return true;
}

static void decide(cl_doc *d, size_t rs, size_t re, long title)
{
    size_t end_mark = d->n_blocks; /* first article-ending header after the region */
    for (size_t i = re + 1; i < d->n_blocks; i++)
        if (d->blocks[i].ends_article) {
            end_mark = i;
            break;
        }
    /* between the title and the article's first paragraph: standfirst,
     * fact boxes, subheadlines are article text unless they are debris */
    if (title >= 0 && (size_t)title < rs) {
        /* a name alone under the title ("Stefan Loibl") is its author */
        for (size_t k = (size_t)title + 1; k < rs && k <= (size_t)title + 2 && knob("K_NAMEBYLINE", 1) > 0; k++) {
            cl_block *B = &d->blocks[k];
            const cl_line *L = &d->lines[B->first];
            if (B->kind == K_SHORT && B->n == 1 && L->words >= 2 && L->words <= 3 && L->cap_words == L->words &&
                !L->digits && !L->ends_sentence && !L->ends_colon && !L->stop[1] && !L->stop[2] &&
                !memchr(content(d, L), '-', L->clen) && !memchr(content(d, L), ',', L->clen))
                set(B, K_DEBRIS, PCL_BYLINE, "a name alone under the title (its author)");
        }
        rs = (size_t)title + 1;
    } else if (title < 0) {
        /* no title: a short lead-in right above the first paragraph belongs to it */
        size_t back = (size_t)knob("K_BACK", 1);
        while (back-- > 0 && rs > 0 && d->blocks[rs - 1].kind == K_SHORT && !d->blocks[rs - 1].list_item)
            rs--;
    }
    /* A wire story often ends on a short sentence or two ("The guild was
     * founded in 1974."): whole sentences right after the run, before any
     * debris, are its last paragraphs, not what follows the article. */
    while (re + 1 < end_mark && d->main_score >= knob("K_TAILMAIN", 4) && tail_sentence(d, &d->blocks[re + 1]))
        re++;
    if (knob("K_SEC", 0.3) < 1) {
        secondary_runs(d, 0, rs, 0);
        secondary_runs(d, re + 1, end_mark, 0);
    }
    for (size_t i = 0; i < d->n_blocks; i++) {
        cl_block *B = &d->blocks[i];
        bool inside = (i >= rs && i <= re) || B->secondary;
        if (B->kind == K_DEBRIS) continue;
        if (inside) {
            B->why = B->secondary && !(i >= rs && i <= re) ? "secondary" : "main";
            if (B->kind == K_PROSE) {
                B->kept = true;
            } else {
                /* short text inside the article: a subheadline or a short paragraph */
                B->kept = true;
                const cl_line *L = &d->lines[B->first];
                B->cls = (B->n == 1 && !L->ends_sentence && !B->list_item) ? PCL_SUBHEADLINE
                                                                             : PCL_PARAGRAPH;
            }
            continue;
        }
        /* outside the main run: long prose is kept (an article in several
         * parts), everything else is page furniture */
        /* a lead paragraph a few blocks above the run (a photo, the byline
         * and share buttons in between) may be short */
        unsigned min_words = i < rs && rs - i <= (size_t)knob("K_LEADWIN", 6) ? (unsigned)knob("K_LEADW", 8)
                                                                            : (unsigned)knob("K_OUT", 12);
        if (B->kind == K_PROSE && B->words >= min_words && i < end_mark &&
            (i < rs || knob("K_OUTAFTER", 0) > 0) &&
            !ends_with_ellipsis(d, B) && blocks_between(d, i, rs, re) <= (size_t)knob("K_GAP", 1000)) {
            B->kept = true;
            B->why = "outside-prose";
            continue;
        }
        bool was_prose = B->kind == K_PROSE;
        B->kind = K_DEBRIS;
        B->furniture = true; /* debris by position only: context may restore it */
        if (B->list_item) {
            if (B->cls != PCL_TEASER) B->cls = PCL_NAVIGATION;
            if (!B->reason) B->reason = "list of short links outside the article";
        } else if (i < rs) {
            B->cls = PCL_NAVIGATION;
            B->reason = was_prose ? "text before the article" : R_SHORT_BEFORE;
        } else {
            B->cls = B->words >= 8 ? PCL_TEASER : PCL_NAVIGATION;
            B->reason = "text after the article";
        }
    }
}

precis_status pcl_clean_lines(const char *text, size_t len, const pcl_options *opt,
                              pt_article *out, pcl_line **lines_out, size_t *n_lines_out,
                              pc_error *err)
{
    pcl_options defaults;
    if (!opt) {
        pcl_options_init(&defaults);
        opt = &defaults;
    }
    if (lines_out) *lines_out = NULL;
    if (n_lines_out) *n_lines_out = 0;
    const char *name = opt->name ? opt->name : "<text>";
    size_t max_article = opt->max_article_bytes ? opt->max_article_bytes : PC_DEFAULT_MAX_ARTICLE;
    size_t max_line = opt->max_line_bytes ? opt->max_line_bytes : PC_DEFAULT_MAX_LINE;
    if (len > max_article) {
        char why[96];
        return pc_fail(err, PRECIS_ELIMIT, name, 0, "%s", pc_over_limit(why, sizeof why, "article", len, max_article));
    }
    cl_doc d;
    memset(&d, 0, sizeof d);
    d.s = text;
    d.len = len;
    /* stopword lists; without them the classifier still works on shape alone */
    if (pt_lang_open("en", &d.en, NULL)) d.en = NULL;
    if (pt_lang_open("de", &d.de, NULL)) d.de = NULL;
    precis_status st = split_lines(&d, max_line, name, err);
    if (st) goto done;
    estimate_wrap(&d);
    if ((st = build_blocks(&d, name, err))) goto done;
    detect_language(&d);
    for (size_t i = 0; i < d.n_blocks; i++) classify_block(&d, opt, i);
    repetition(&d);
    if (knob("K_INLINE", 1) > 0) inline_related(&d);

    size_t rs, re;
    find_region(&d, &rs, &re);
    long title = choose_title(&d, rs, re);
    if (title >= 0) {
        cl_block *T = &d.blocks[title];
        T->kind = K_DEBRIS;
        T->cls = PCL_HEADLINE;
        T->reason = "title";
        T->title = true;
        if (title == (long)rs && rs < re) rs++;
    }
    /* a headline + outlet pair whose first line did not become the title was
     * a caption and its credit after all */
    for (size_t k = 1; k < d.n_blocks; k++)
        if (d.blocks[k].site_len && (long)(k - 1) != title) {
            set(&d.blocks[k - 1], K_DEBRIS, PCL_CAPTION, "caption repeated with a credit");
            d.blocks[k].reason = "caption repeated with a credit";
            d.blocks[k].site_len = 0;
        }
    /* captions right below the title: prose ending in ", <date>." */
    if (title >= 0) {
        for (size_t k = (size_t)title + 1; k < d.n_blocks && k <= (size_t)title + 3; k++) {
            cl_block *B = &d.blocks[k];
            if (B->kind == K_PROSE && B->n <= 3 && ends_with_date(&d, &d.lines[B->first + B->n - 1])) {
                set(B, K_DEBRIS, PCL_CAPTION, "photo caption ending with place and date");
                break;
            }
        }
    }
    if (knob("K_TAIL", 1) > 0) trim_tail(&d, rs, &re);
    decide(&d, rs, re, title);
    if (knob("K_RESTORE", 1)) restore_sandwiched(&d);
    if (knob("K_QLIST", 1) > 0) restore_quantity_lists(&d);

    /* no headline right above the run: look above the article's first kept
     * block (a lead, a standfirst), past bylines, dates, photos and buttons */
    if (title < 0 && knob("K_LATETITLE", 1) > 0) title = late_title(&d);
    /* ---- metadata ---- */
    if (title >= 0) {
        cl_block *T = &d.blocks[title];
        pc_buf tb;
        pc_buf_init(&tb, 0);
        for (size_t k = T->first; k < T->first + T->n && !st; k++) {
            if (k > T->first) st = pc_buf_putc(&tb, ' ');
            if (!st) st = pc_buf_append(&tb, d.s + d.lines[k].c0, d.lines[k].clen);
        }
        if (!st) st = pt_article_set(out, &out->title, tb.data ? tb.data : "", tb.len);
        pc_buf_free(&tb);
        if (st) goto done;
    }
    /* date: the first dateline, else a date in a byline or header line */
    {
        pt_date best;
        bool have = false;
        const char *best_line = NULL; /* where best was read, for its weekday's note */
        size_t best_len = 0;
        /* a dateline naming the day beats an archive's "SEPTEMBER 2024" above it */
        for (size_t i = 0; i < d.n_blocks && !(have && best.day); i++) {
            cl_block *B = &d.blocks[i];
            pt_date dt;
            if (B->cls == PCL_DATELINE && B->n == 1) {
                const cl_line *L = &d.lines[B->first];
                if (pt_date_is_dateline(content(&d, L), L->clen, &dt) && dt.year && (!have || dt.day)) {
                    best = dt;
                    best_line = content(&d, L), best_len = L->clen;
                    have = true;
                }
            }
        }
        for (size_t i = 0; i < d.n_blocks && !have && i <= re + 1; i++) {
            cl_block *B = &d.blocks[i];
            if (B->kept || B->n != 1) continue;
            if (B->cls == PCL_CAPTION) continue; /* the photo's date, not the article's */
            const cl_line *L = &d.lines[B->first];
            if (L->words > 12) continue;
            pt_date dt;
            if (pt_date_find(content(&d, L), L->clen, 0, &dt) && dt.year) {
                best = dt;
                best_line = content(&d, L), best_len = L->clen;
                have = true;
                if (B->cls == PCL_NAVIGATION && i < rs) {
                    B->cls = PCL_DATELINE;
                    B->reason = "date line with a label";
                }
            }
        }
        if (have) {
            char iso[64];
            size_t n = pt_date_iso(&best, iso, sizeof iso);
            if (n && (st = pt_article_set(out, &out->date, iso, n))) goto done;
            if (n) out->date_order = best.order;
            char note[320]; /* "Tue, May 30, 2018": the printed date kept, the weekday reported */
            size_t nn = n && best.weekday_mismatch ? pt_date_field_note("dateline", best_line, best_len, note, sizeof note) : 0;
            if (nn && (st = pt_article_set(out, &out->date_note, note, nn))) goto done;
            pt_date other; /* "11/03/2026": both readings kept, the story settles it */
            if (n && pt_date_other_reading(&best, &other) && (n = pt_date_iso(&other, iso, sizeof iso)) &&
                (st = pt_article_set(out, &out->date_alt, iso, n)))
                goto done;
        }
    }
    size_t site_off = 0, site_len = 0; /* the outlet's name, from the strongest signal */
    for (size_t i = 0; i < d.n_blocks; i++) {
        cl_block *B = &d.blocks[i];
        if (B->cls == PCL_BYLINE && B->n == 1 && B->words <= 12) {
            const cl_line *L = &d.lines[B->first];
            if ((st = set_author(out, content(&d, L), L->clen, &site_off, &site_len))) goto done;
            if (site_len) site_off += L->c0;
            break;
        }
    }
    if (knob("K_OUTLET", 1) > 0) {
        for (size_t i = 0; i < d.n_blocks && !site_len; i++)
            if (d.blocks[i].site_len) site_off = d.blocks[i].site_off, site_len = d.blocks[i].site_len;
        const char *title_s = out->title;
        size_t title_n = title_s ? strlen(title_s) : 0;
        for (int pass = 0; pass < 2 && !site_len; pass++)
            for (size_t i = 0; i < d.n_lines && !site_len; i++) {
                const cl_line *L = &d.lines[i];
                if (L->blank || d.blocks[L->block].kept) continue;
                size_t o, n;
                if (site_in_line(content(&d, L), L->clen, pass, title_s, title_n, &o, &n))
                    site_off = L->c0 + o, site_len = n;
            }
    }
    if (site_len && (st = pt_article_set(out, &out->site, d.s + site_off, site_len))) goto done;
    for (size_t i = 0; i < d.n_blocks && !out->site; i++) {
        cl_block *B = &d.blocks[i];
        if (B->kept) continue;
        for (size_t k = B->first; k < B->first + B->n; k++) {
            const cl_line *L = &d.lines[k];
            size_t ds, dl;
            if (find_domain(content(&d, L), L->clen, &ds, &dl)) {
                if ((st = pt_article_set(out, &out->site, content(&d, L) + ds, dl))) goto done;
                break;
            }
        }
    }

    /* a paywall's call naming the site: weaker than a domain printed on the page */
    for (size_t i = 0; i < d.n_lines && !out->site && knob("K_OUTLET", 1) > 0; i++) {
        const cl_line *L = &d.lines[i];
        size_t o, n;
        if (L->blank || d.blocks[L->block].kept) continue;
        if (site_in_line(content(&d, L), L->clen, 2, NULL, 0, &o, &n) &&
            (st = pt_article_set(out, &out->site, content(&d, L) + o, n)))
            goto done;
    }

    /* the outlet's name as the page's first line, printed again below */
    if (!out->site && knob("K_MASTHEAD", 1) > 0) {
        size_t o = 0, n = 0;
        long mb = masthead_site(&d, title, &o, &n);
        if (mb >= 0) {
            if ((st = pt_article_set(out, &out->site, d.s + o, n))) goto done;
            cl_block *M = &d.blocks[mb];
            if (M->kept) {
                M->kept = false;
                M->kind = K_DEBRIS;
                M->cls = PCL_NAVIGATION;
            }
            M->reason = "the outlet's name above the article";
        }
    }

    /* ---- text and removed lines ---- */
    {
        pc_buf text_buf;
        pc_buf_init(&text_buf, max_article + 1);
        int prev_block = -2;
        unsigned kept_stop[3] = {0};
        for (size_t i = 0; i < d.n_lines && !st; i++) {
            cl_line *L = &d.lines[i];
            if (L->blank) continue;
            cl_block *B = &d.blocks[L->block];
            if (B->kept) {
                if (L->block != prev_block && text_buf.len) st = pc_buf_puts(&text_buf, "\n\n");
                else if (L->block == prev_block) st = pc_buf_putc(&text_buf, ' ');
                if (!st) st = pc_buf_append(&text_buf, content(&d, L), L->clen);
                if (!st && L->buttons)
                    st = pt_article_add_removed(out, d.s + L->buttons_at, buttons_len(&d, L), pcl_class_name(PCL_SOCIAL),
                                                BUTTONS_REASON);
                prev_block = L->block;
                for (int k = 1; k < 3; k++) kept_stop[k] += L->stop[k];
            } else {
                st = pt_article_add_removed(out, d.s + L->start, L->len, pcl_class_name(B->cls),
                                            B->reason ? B->reason : "not article text");
            }
        }
        if (!st) st = pt_article_set(out, &out->text, text_buf.data ? text_buf.data : "", text_buf.len);
        pc_buf_free(&text_buf);
        if (st) goto done;
        if (kept_stop[1] + kept_stop[2] >= 5)
            st = pt_article_set(out, &out->lang, kept_stop[2] > kept_stop[1] ? "de" : "en", 2);
        if (st) goto done;
    }

    if (lines_out) {
        pcl_line *v = calloc(d.n_lines ? d.n_lines : 1, sizeof *v);
        if (!v) {
            st = pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
            goto done;
        }
        for (size_t i = 0; i < d.n_lines; i++) {
            cl_line *L = &d.lines[i];
            v[i].start = L->start;
            v[i].len = L->len;
            v[i].lineno = i + 1;
            if (L->blank) {
                v[i].cls = PCL_PARAGRAPH;
                v[i].reason = "blank";
                continue;
            }
            cl_block *B = &d.blocks[L->block];
            v[i].cls = B->cls;
            v[i].kept = B->kept;
            v[i].is_title = B->title;
            v[i].reason = B->kept ? NULL : (B->reason ? B->reason : "not article text");
            if (B->kept && L->buttons) v[i].cut_start = L->buttons_at, v[i].cut_len = buttons_len(&d, L);
        }
        *lines_out = v;
        if (n_lines_out) *n_lines_out = d.n_lines;
    }
    if (out->text_len == 0) st = PRECIS_EEMPTY;
#ifdef PCL_TUNING
    if (getenv("PCL_TRACE"))
        for (size_t i = 0; i < d.n_lines; i++) {
            cl_line *L = &d.lines[i];
            if (L->blank) continue;
            cl_block *B = &d.blocks[L->block];
            fprintf(stderr, "%s\t%.1f\t%d\t%d%s\t%.*s\n", B->kept ? (B->why ? B->why : "?") : "-",
                    B->score, L->block, (int)B->kind, B->ends_article ? "E" : B->list_item ? "L" : "", (int)L->clen, content(&d, L));
        }
#endif

done:
    if (d.en) pt_lang_close(d.en);
    if (d.de) pt_lang_close(d.de);
    free(d.lines);
    free(d.blocks);
    return st;
}

precis_status pcl_clean(const char *text, size_t len, const pcl_options *opt, pt_article *out,
                        pc_error *err)
{
    return pcl_clean_lines(text, len, opt, out, NULL, NULL, err);
}
