/* Words: tokenizer, normalisation (utf8proc), stopwords, Snowball stemming. */
#include "text/text.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text/wordlists.inc"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_MN ||
           c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL ||
           c == UTF8PROC_CATEGORY_NO;
}

/* Code point at s[i], its length in *n (1 with U+FFFD on a bad byte). */
static int32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)k;
    return cp;
}

static bool is_apostrophe(const char *s, size_t len, size_t i, size_t *n)
{
    if (s[i] == '\'') {
        *n = 1;
        return true;
    }
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
        *n = 3;
        return true;
    }
    return false;
}

static bool is_ascii_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

bool pt_next_word(const char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
    size_t i = *pos, n;
    while (i < len && !is_word_cp(cp_at(s, len, i, &n))) i += n;
    if (i >= len) {
        *pos = len;
        return false;
    }
    size_t b = i;
    /* Text without spaces: a Han character, or a run of one kana (pt_cjk_at) */
    int cjk = pt_cjk_at(s, len, i);
    if (cjk) {
        i += 3;
        while (cjk != PT_CJK_HAN && i < len && pt_cjk_at(s, len, i) == cjk) i += 3;
        *start = b;
        *end = i;
        *pos = i;
        return true;
    }
    /* Dotted single-letter acronym: "U.S.", "U.N.", "p.m." */
    if (i + 3 < len + 1 && is_ascii_alpha((unsigned char)s[i]) && i + 2 < len && s[i + 1] == '.' &&
        is_ascii_alpha((unsigned char)s[i + 2]) && (i + 3 >= len || !is_word_cp(cp_at(s, len, i + 3, &n)))) {
        size_t j = i;
        while (j + 1 < len && is_ascii_alpha((unsigned char)s[j]) && s[j + 1] == '.' &&
               (j + 2 >= len || !is_word_cp(cp_at(s, len, j + 2, &n)) || 
                (is_ascii_alpha((unsigned char)s[j + 2]) && (j + 3 >= len || !is_word_cp(cp_at(s, len, j + 3, &n))))))
            j += 2;
        if (j > i + 2 || (j == i + 2 && j < len && is_ascii_alpha((unsigned char)s[j]))) {
            if (j < len && is_ascii_alpha((unsigned char)s[j])) j++; /* "U.S" without the last dot */
            *start = b;
            *end = j;
            *pos = j;
            return true;
        }
    }
    while (i < len) {
        int32_t cp = cp_at(s, len, i, &n);
        if (is_word_cp(cp) && !pt_cjk_at(s, len, i)) {
            i += n;
            continue;
        }
        size_t an;
        if (is_apostrophe(s, len, i, &an) && i + an < len && is_word_cp(cp_at(s, len, i + an, &n))) {
            i += an;
            continue;
        }
        break;
    }
    *start = b;
    *end = i;
    *pos = i;
    return true;
}

size_t pt_normalize(const char *w, size_t n, char out[PT_WORD_MAX + 1])
{
    size_t o = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)w[i] >= 0x80) ascii = false;
    if (ascii) {
        for (size_t i = 0; i < n && o < PT_WORD_MAX; i++) {
            unsigned char c = (unsigned char)w[i];
            if (c == '.' || c == '\'') continue;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    } else {
        /* Case fold + NFC through utf8proc into a stack buffer: no allocation. */
        utf8proc_int32_t cps[PT_WORD_MAX * 2];
        utf8proc_ssize_t k = utf8proc_decompose(
            (const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, cps, (utf8proc_ssize_t)N_OF(cps),
            UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (k > 0 && k <= (utf8proc_ssize_t)N_OF(cps)) {
            k = utf8proc_normalize_utf32(cps, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
            for (utf8proc_ssize_t i = 0; k > 0 && i < k; i++) {
                utf8proc_int32_t cp = cps[i];
                if (cp == '\'' || cp == 0x2019 || cp == '.') continue;
                utf8proc_uint8_t tmp[4];
                utf8proc_ssize_t m = utf8proc_encode_char(cp, tmp);
                if (o + (size_t)m > PT_WORD_MAX) break;
                memcpy(out + o, tmp, (size_t)m);
                o += (size_t)m;
            }
        } else { /* too long to fold: keep the bytes, cut at a character boundary */
            for (size_t i = 0; i < n && o < PT_WORD_MAX;) {
                size_t m;
                cp_at(w, n, i, &m);
                if (o + m > PT_WORD_MAX) break;
                memcpy(out + o, w + i, m);
                o += m;
                i += m;
            }
        }
    }
    /* Possessive: the apostrophe was dropped above, so "sen's" is now "sens";
     * detect it on the source instead. */
    if (n >= 3 && (w[n - 1] == 's' || w[n - 1] == 'S')) {
        size_t an;
        if ((n >= 2 && is_apostrophe(w, n, n - 2, &an)) ||
            (n >= 4 && is_apostrophe(w, n, n - 4, &an) && an == 3)) {
            if (o > 1) o--;
        }
    }
    out[o] = '\0';
    return o;
}

/* ---- language resources ---------------------------------------------------- */

/* English number words (pt_number_en); the first N_SPELLED, 1..20 and the
 * tens, are the ones pt_number_word turns into digits. */
static const pt_num_word NUMBER_EN[] = {
    {"one", 1, PT_NUM_UNIT, "1"},          {"two", 2, PT_NUM_UNIT, "2"},
    {"three", 3, PT_NUM_UNIT, "3"},        {"four", 4, PT_NUM_UNIT, "4"},
    {"five", 5, PT_NUM_UNIT, "5"},         {"six", 6, PT_NUM_UNIT, "6"},
    {"seven", 7, PT_NUM_UNIT, "7"},        {"eight", 8, PT_NUM_UNIT, "8"},
    {"nine", 9, PT_NUM_UNIT, "9"},         {"ten", 10, PT_NUM_UNIT, "10"},
    {"eleven", 11, PT_NUM_UNIT, "11"},     {"twelve", 12, PT_NUM_UNIT, "12"},
    {"thirteen", 13, PT_NUM_UNIT, "13"},   {"fourteen", 14, PT_NUM_UNIT, "14"},
    {"fifteen", 15, PT_NUM_UNIT, "15"},    {"sixteen", 16, PT_NUM_UNIT, "16"},
    {"seventeen", 17, PT_NUM_UNIT, "17"},  {"eighteen", 18, PT_NUM_UNIT, "18"},
    {"nineteen", 19, PT_NUM_UNIT, "19"},   {"twenty", 20, PT_NUM_TENS, "20"},
    {"thirty", 30, PT_NUM_TENS, "30"},     {"forty", 40, PT_NUM_TENS, "40"},
    {"fifty", 50, PT_NUM_TENS, "50"},      {"sixty", 60, PT_NUM_TENS, "60"},
    {"seventy", 70, PT_NUM_TENS, "70"},    {"eighty", 80, PT_NUM_TENS, "80"},
    {"ninety", 90, PT_NUM_TENS, "90"},     {"hundred", 100, PT_NUM_SCALE, NULL},
    {"thousand", 1e3, PT_NUM_SCALE, NULL}, {"million", 1e6, PT_NUM_SCALE, NULL},
    {"billion", 1e9, PT_NUM_SCALE, NULL},  {"dozen", 12, PT_NUM_SCALE, NULL},
};
#define N_SPELLED 27
/* German, in the order of NUMBER_EN's first N_SPELLED (same values) */
static const char *const NUMBER_WORDS_DE[N_SPELLED] = {
    "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
    "neunzehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
    "neunzig"};

const pt_num_word *pt_number_en(const char *w, size_t n)
{
    if (!n) return NULL;
    for (size_t i = 0; i < N_OF(NUMBER_EN); i++)
        if (NUMBER_EN[i].word[0] == w[0] && strlen(NUMBER_EN[i].word) == n && !memcmp(NUMBER_EN[i].word, w, n))
            return &NUMBER_EN[i];
    return NULL;
}

struct pt_lang {
    char code[8];
    struct sb_stemmer *stemmer;
    const char *const *stopwords;
    size_t n_stopwords;
    const char *const *number_words; /* N_SPELLED words, not English; NULL: none */
    bool number_en;                  /* English: NUMBER_EN */
};

static const struct {
    const char *code, *algorithm;
} LANGS[] = {
    {"ar", "arabic"},     {"da", "danish"},    {"de", "german"},    {"el", "greek"},
    {"en", "english"},    {"es", "spanish"},   {"fi", "finnish"},   {"fr", "french"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"it", "italian"},  {"nl", "dutch"},
    {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},
    {"sv", "swedish"},    {"tr", "turkish"},
};

precis_status pt_lang_open(const char *code, pt_lang **out, pc_error *err)
{
    const char *algorithm = NULL;
    /* case-insensitive ("EN", "De"): the canonical lower-case code is kept */
    for (size_t i = 0; i < N_OF(LANGS); i++)
        if (code && strcasecmp(code, LANGS[i].code) == 0) algorithm = LANGS[i].algorithm, code = LANGS[i].code;
    if (!algorithm)
        return pc_fail(err, PRECIS_EINVAL, NULL, 0,
                       "unsupported language '%s' (supported: ar da de el en es fi fr hu id it nl "
                       "no pt ro ru sv tr)",
                       code ? code : "");
    pt_lang *l = calloc(1, sizeof *l);
    if (!l) return pc_fail(err, PRECIS_ENOMEM, NULL, 0, "out of memory");
    snprintf(l->code, sizeof l->code, "%s", code);
    l->stemmer = sb_stemmer_new(algorithm, "UTF_8");
    if (!l->stemmer) {
        free(l);
        return pc_fail(err, PRECIS_EINVAL, NULL, 0, "no Snowball stemmer for '%s'", code);
    }
    if (strcmp(code, "en") == 0) {
        l->stopwords = WL_STOPWORDS_EN;
        l->n_stopwords = N_OF(WL_STOPWORDS_EN);
        l->number_en = true;
    } else if (strcmp(code, "de") == 0) {
        l->stopwords = WL_STOPWORDS_DE;
        l->n_stopwords = N_OF(WL_STOPWORDS_DE);
        l->number_words = NUMBER_WORDS_DE;
    }
    *out = l;
    return PRECIS_OK;
}

void pt_lang_close(pt_lang *lang)
{
    if (!lang) return;
    if (lang->stemmer) sb_stemmer_delete(lang->stemmer);
    free(lang);
}

const char *pt_lang_code(const pt_lang *lang) { return lang->code; }

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

bool pt_is_stopword(const pt_lang *lang, const char *w, size_t n)
{
    if (!lang->n_stopwords || n > PT_WORD_MAX) return false;
    char key[PT_WORD_MAX + 1];
    memcpy(key, w, n);
    key[n] = '\0';
    return bsearch(key, lang->stopwords, lang->n_stopwords, sizeof *lang->stopwords, cmp_word) != NULL;
}

const char *pt_stem(pt_lang *lang, const char *w, size_t n, size_t *out_n)
{
    const sb_symbol *r = sb_stemmer_stem(lang->stemmer, (const sb_symbol *)w, (int)n);
    if (!r) { /* out of memory inside the stemmer: fall back to the word itself */
        *out_n = n;
        return w;
    }
    *out_n = (size_t)sb_stemmer_length(lang->stemmer);
    return (const char *)r;
}

const char *pt_number_word(const pt_lang *lang, const char *w, size_t n)
{
    if (n < 3 || n > 10) return NULL;
    if (lang->number_en) {
        const pt_num_word *e = pt_number_en(w, n);
        return e ? e->digits : NULL; /* NULL for "hundred", "dozen"... */
    }
    const char *const *names = lang->number_words;
    if (!names) return NULL;
    for (size_t i = 0; i < N_SPELLED; i++)
        if (names[i][0] == w[0] && strlen(names[i]) == n && !memcmp(names[i], w, n))
            return NUMBER_EN[i].digits;
    return NULL;
}

bool pt_is_dangling_opener(const pt_lang *lang, const char *w, size_t n)
{
    if (strcmp(lang->code, "en") != 0 || n > PT_WORD_MAX) return false;
    char key[PT_WORD_MAX + 1];
    memcpy(key, w, n);
    key[n] = '\0';
    return bsearch(key, WL_DANGLING_OPENERS_EN, N_OF(WL_DANGLING_OPENERS_EN),
                   sizeof *WL_DANGLING_OPENERS_EN, cmp_word) != NULL;
}

bool pt_in_wordlist(pt_wordlist list, const char *w, size_t n)
{
    static const struct {
        const char *const *v;
        size_t n;
    } LISTS[] = {
        [PT_WL_ABBREV_TITLE] = {WL_ABBREV_TITLE, N_OF(WL_ABBREV_TITLE)},
        [PT_WL_ABBREV_MONTH] = {WL_ABBREV_MONTH, N_OF(WL_ABBREV_MONTH)},
        [PT_WL_ABBREV_OTHER] = {WL_ABBREV_OTHER, N_OF(WL_ABBREV_OTHER)},
        [PT_WL_SENTENCE_OPENERS_EN] = {WL_SENTENCE_OPENERS_EN, N_OF(WL_SENTENCE_OPENERS_EN)},
    };
    char low[24];
    if (n == 0 || n >= sizeof low || (size_t)list >= N_OF(LISTS)) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80) return false;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[n] = '\0';
    return bsearch(low, LISTS[list].v, LISTS[list].n, sizeof *LISTS[list].v, cmp_word) != NULL;
}
