/* stem.c — ROUGE-1.5.5's Porter stemmer variant, the WordNet exception lookup
 * that -m applies first, and the stopword lookup for -s.
 *
 * The script's stemmer is the classic Perl port of Porter (1980), written with
 * regular expressions, plus one change of its own (step 4: a word in -ement is
 * not tried against -ment/-ent in the same rule; -ment and -ent are then tried
 * as separate steps). Its patterns define consonant/vowel exactly as Porter
 * does ('y' is a vowel after a consonant, a leading 'y' is a consonant), so the
 * regexes reduce to the measure m of [C](VC)^m[V]:
 *   $mgr0 = m > 0, $meq1 = m == 1, $mgr1 = m > 1, $_v = has a vowel,
 *   ^C v [^aeiouwxy]$ = the whole stem is consonants, one vowel, one final
 *   consonant that is not w, x or y.
 * A suffix alternation (a|b|...)$ matches its longest member (leftmost start),
 * and when the condition on that stem fails no shorter suffix is tried. */
#include "rouge/rouge.h"

#include <string.h>

/* ---- word lists ------------------------------------------------------------ */

static int cmp_key(const char *key, size_t n, const char *entry)
{
    int c = strncmp(key, entry, n);
    if (c) return c;
    return entry[n] ? -1 : 0; /* entry is longer: key sorts first */
}

bool pr_is_stopword(const char *w, size_t n)
{
    size_t lo = 0, hi = pr_n_stopwords;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(w, n, pr_stopwords[mid]);
        if (!c) return true;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return false;
}

const char *pr_exception_base(const char *w, size_t n)
{
    size_t lo = 0, hi = pr_n_exceptions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(w, n, pr_exceptions[mid].form);
        if (!c) return pr_exceptions[mid].base;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

/* ---- Porter, as the script writes it ------------------------------------------ */

typedef struct word {
    char *b; /* stemmed in place: no rule makes a word longer than it was */
    size_t n;
} word;

static bool is_aeiou(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* Consonant at i in s[0..]: not a vowel letter, and 'y' only after a vowel
 * (or at the start; a leading 'y' has been upper-cased to 'Y' already). */
static bool is_cons(const char *s, size_t i)
{
    char c = s[i];
    if (is_aeiou(c)) return false;
    if (c == 'y') return i == 0 ? true : !is_cons(s, i - 1);
    return true;
}

/* m in [C](VC)^m[V] of s[0..n). */
static int measure(const char *s, size_t n)
{
    size_t i = 0;
    int m = 0;
    while (i < n && is_cons(s, i)) i++;
    for (;;) {
        while (i < n && !is_cons(s, i)) i++; /* V */
        if (i >= n) return m;
        while (i < n && is_cons(s, i)) i++; /* C */
        m++;
        if (i >= n) return m;
    }
}

static bool has_vowel(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_cons(s, i)) return true;
    return false;
}

/* ^C v [^aeiouwxy]$ with C = [^aeiou][^aeiouy]*, v = [aeiouy]. */
static bool is_cvc_word(const char *s, size_t n)
{
    if (n < 3) return false;
    char last = s[n - 1];
    if (is_aeiou(last) || last == 'w' || last == 'x' || last == 'y') return false;
    char v = s[n - 2];
    if (!is_aeiou(v) && v != 'y') return false;
    if (is_aeiou(s[0])) return false;
    for (size_t i = 1; i + 2 < n; i++)
        if (is_aeiou(s[i]) || s[i] == 'y') return false;
    return true;
}

static bool ends(const word *w, const char *suf, size_t *stem_len)
{
    size_t k = strlen(suf);
    if (k > w->n || memcmp(w->b + w->n - k, suf, k) != 0) return false;
    *stem_len = w->n - k;
    return true;
}

static void set_to(word *w, size_t stem_len, const char *rep)
{
    size_t k = strlen(rep);
    memcpy(w->b + stem_len, rep, k);
    w->n = stem_len + k;
    w->b[w->n] = '\0';
}

/* Longest suffix of w among the pairs list[i][0]; returns its index or -1. */
static int longest_suffix(const word *w, const char *const (*list)[2], size_t count,
                          size_t *stem_len)
{
    int best = -1;
    size_t best_len = 0, sl;
    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(list[i][0]);
        if (k > best_len && ends(w, list[i][0], &sl)) {
            best = (int)i;
            best_len = k;
            *stem_len = sl;
        }
    }
    return best;
}

static const char *const STEP2[][2] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
    {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},   {"entli", "ent"},
    {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
    {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},
};
static const char *const STEP3[][2] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},
};
static const char *const STEP4[][2] = {
    {"al", ""},  {"ance", ""}, {"ence", ""}, {"er", ""},    {"ic", ""},  {"able", ""},
    {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""},   {"ism", ""}, {"ate", ""},
    {"iti", ""}, {"ous", ""},  {"ive", ""},  {"ize", ""},
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t pr_porter_stem(const char *in, size_t n, char *out)
{
    memmove(out, in, n);
    out[n] = '\0';
    if (n < 3) return n;
    word w = {out, n};
    bool first_y = w.b[0] == 'y';
    if (first_y) w.b[0] = 'Y';
    size_t sl;

    /* Step 1a */
    if (ends(&w, "sses", &sl) || ends(&w, "ies", &sl)) w.n -= 2, w.b[w.n] = '\0';
    else if (w.n >= 2 && w.b[w.n - 1] == 's' && w.b[w.n - 2] != 's') w.b[--w.n] = '\0';

    /* Step 1b */
    if (ends(&w, "eed", &sl)) {
        if (measure(w.b, sl) > 0) w.b[--w.n] = '\0';
    } else if ((ends(&w, "ed", &sl) || ends(&w, "ing", &sl)) && has_vowel(w.b, sl)) {
        w.n = sl;
        w.b[w.n] = '\0';
        size_t t;
        char l = w.n ? w.b[w.n - 1] : 0;
        if (ends(&w, "at", &t) || ends(&w, "bl", &t) || ends(&w, "iz", &t)) set_to(&w, w.n, "e");
        else if (w.n >= 2 && l == w.b[w.n - 2] && !is_aeiou(l) && l != 'y' && l != 'l' &&
                 l != 's' && l != 'z')
            w.b[--w.n] = '\0';
        else if (is_cvc_word(w.b, w.n)) set_to(&w, w.n, "e");
    }

    /* Step 1c */
    if (ends(&w, "y", &sl) && has_vowel(w.b, sl)) set_to(&w, sl, "i");

    /* Step 2 */
    int k = longest_suffix(&w, STEP2, COUNT(STEP2), &sl);
    if (k >= 0 && measure(w.b, sl) > 0) set_to(&w, sl, STEP2[k][1]);

    /* Step 3 */
    k = longest_suffix(&w, STEP3, COUNT(STEP3), &sl);
    if (k >= 0 && measure(w.b, sl) > 0) set_to(&w, sl, STEP3[k][1]);

    /* Step 4, with the script's 2004 change: three separate rules. */
    k = longest_suffix(&w, STEP4, COUNT(STEP4), &sl);
    if (k >= 0 && measure(w.b, sl) > 1) set_to(&w, sl, "");
    if (ends(&w, "ment", &sl) && measure(w.b, sl) > 1) set_to(&w, sl, "");
    if (ends(&w, "ent", &sl)) {
        if (measure(w.b, sl) > 1) set_to(&w, sl, "");
    } else if ((ends(&w, "sion", &sl) || ends(&w, "tion", &sl)) && measure(w.b, sl + 1) > 1) {
        set_to(&w, sl + 1, "");
    }

    /* Step 5 */
    if (ends(&w, "e", &sl)) {
        int m = measure(w.b, sl);
        if (m > 1 || (m == 1 && !is_cvc_word(w.b, sl))) set_to(&w, sl, "");
    }
    if (ends(&w, "ll", &sl) && measure(w.b, w.n) > 1) w.b[--w.n] = '\0';

    if (first_y) w.b[0] = 'y';
    return w.n;
}

size_t pr_morph_stem(const char *w, size_t n, char *out, size_t out_size)
{
    if (n > 3) {
        const char *base = pr_exception_base(w, n);
        if (base) {
            size_t k = strlen(base);
            if (k < out_size) {
                memcpy(out, base, k + 1);
                return k;
            }
        }
        if (n < out_size) return pr_porter_stem(w, n, out);
    }
    if (n >= out_size) n = out_size - 1;
    memcpy(out, w, n);
    out[n] = '\0';
    return n;
}
