/* Quantities in sentences: what coverage comparison checks for conflicting
 * figures ("53 miles" vs "20 kilometres", 14 vs 11 injured). Words come from
 * the one tokenizer (pt_next_word / pt_normalize). */
#include "story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* English number words: the one list (text.h pt_number_en) */
static const pt_num_word *numword_of(const char *w) { return pt_number_en(w, strlen(w)); }

typedef struct unitdef {
    const char *w;
    double metres;
} unitdef;

static const unitdef DISTANCE[] = {
    {"mile", 1609.344},     {"miles", 1609.344},    {"km", 1000},         {"kilometre", 1000},
    {"kilometres", 1000},   {"kilometer", 1000},    {"kilometers", 1000}, {"metre", 1},
    {"metres", 1},          {"meter", 1},           {"meters", 1},        {"m", 1},
    {"feet", 0.3048},       {"foot", 0.3048},       {"ft", 0.3048},       {"yard", 0.9144},
    {"yards", 0.9144},      {"kilometern", 1000},   {"metern", 1},
    /* rain, snow and depth: "85 millimetres" is "85mm" */
    {"mm", 0.001},          {"millimetre", 0.001},  {"millimetres", 0.001}, {"millimeter", 0.001},
    {"millimeters", 0.001}, {"cm", 0.01},           {"centimetre", 0.01}, {"centimetres", 0.01},
    {"centimeter", 0.01},   {"centimeters", 0.01},  {"inch", 0.0254},     {"inches", 0.0254},
    {"millimetern", 0.001}, {"zentimetern", 0.01},
};

static double distance_unit(const char *w)
{
    for (size_t i = 0; i < sizeof DISTANCE / sizeof *DISTANCE; i++)
        if (!strcmp(DISTANCE[i].w, w)) return DISTANCE[i].metres;
    return 0;
}

static const char *const HEDGES[] = {"about", "around", "nearly", "almost", "some", "roughly",
                                     "approximately", "over", "least", "than", "up", "estimated",
                                     "dozens", "hundreds", "thousands", "etwa", "rund", "fast",
                                     "mehr", "als", "knapp", "über"};

static bool is_hedge(const char *w)
{
    for (size_t i = 0; i < sizeof HEDGES / sizeof *HEDGES; i++)
        if (!strcmp(HEDGES[i], w)) return true;
    return false;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Value of a digit word "3,000" / "2.5" / "14"; false if it is not one. */
static bool digit_value(const char *s, size_t n, double *v)
{
    if (!n || !is_digit((unsigned char)s[0])) return false;
    double x = 0, frac = 0, scale = 1;
    bool dot = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_digit(c)) {
            if (dot) frac += (c - '0') * (scale /= 10);
            else x = x * 10 + (c - '0');
        } else if (c == ',' && !dot) {
            continue;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            return false; /* "6am", "5th", "F-16": not a plain number */
        }
    }
    *v = x + frac;
    return true;
}

typedef struct tok {
    size_t s, e;
    char norm[PT_WORD_MAX + 1];
} tok;

static bool in_skip(const pst_when *skip, size_t n_skip, size_t base, size_t a, size_t b)
{
    for (size_t i = 0; i < n_skip; i++)
        if (a < base + skip[i].end && base + skip[i].start < b) return true;
    return false;
}

#define MAX_DATES 8

/* Spans of the date expressions of text[start..end), with or without a year
 * ("Nov. 18" is a day, not eighteen of something). */
static size_t date_spans(const char *text, size_t start, size_t end, size_t *span, size_t cap)
{
    size_t k = 0, off = start;
    while (off < end && k < cap) {
        pt_date d;
        if (!pt_date_find(text + off, end - off, 0, &d)) break;
        span[2 * k] = off + d.start;
        span[2 * k + 1] = off + d.end;
        k++;
        off = off + d.end > off ? off + d.end : off + 1;
    }
    return k;
}

/* The tokenizer cuts "3,000" and "2.5" into pieces; a number is the digits
 * joined by single ',' / '.' between digit runs. */
static size_t number_end(const char *t, size_t i, size_t end)
{
    while (i < end) {
        if (is_digit((unsigned char)t[i])) i++;
        else if ((t[i] == ',' || t[i] == '.') && i + 1 < end && is_digit((unsigned char)t[i + 1]))
            i++;
        else break;
    }
    return i;
}

size_t pst_find_quantities(pt_lang *lang, const char *text, size_t start, size_t end,
                           const pst_when *skip, size_t n_skip, pst_quantity *out, size_t cap)
{
    tok w[160];
    size_t nw = 0, pos = start, a, b;
    while (nw < sizeof w / sizeof *w && pt_next_word(text, end, &pos, &a, &b)) {
        if (is_digit((unsigned char)text[a])) { /* keep "3,000" / "2.5" whole */
            size_t ne = number_end(text, a, end);
            if (ne > b) b = ne, pos = ne;
        }
        w[nw].s = a;
        w[nw].e = b;
        if (is_digit((unsigned char)text[a])) {
            size_t n = b - a < PT_WORD_MAX ? b - a : PT_WORD_MAX;
            memcpy(w[nw].norm, text + a, n);
            w[nw].norm[n] = 0;
        } else {
            pt_normalize(text + a, b - a, w[nw].norm);
        }
        nw++;
    }
    size_t dates[2 * MAX_DATES];
    size_t n_dates = date_spans(text, start, end, dates, MAX_DATES);
    size_t k = 0;
    for (size_t i = 0; i < nw && k < cap; i++) {
        double v = 0;
        size_t j = i; /* last word of the number */
        bool is_num = false;
        double glued = 0; /* "85mm", "40km": a number and its unit of two letters or more */
        if (is_digit((unsigned char)w[i].norm[0]) && !digit_value(w[i].norm, strlen(w[i].norm), &v)) {
            size_t d = 0, nl = strlen(w[i].norm);
            while (d < nl && (is_digit((unsigned char)w[i].norm[d]) || w[i].norm[d] == ',' || w[i].norm[d] == '.')) d++;
            char unit[PT_WORD_MAX + 1];
            size_t ul = 0;
            for (size_t u = d; u < nl && ul < PT_WORD_MAX; u++) unit[ul++] = (char)(w[i].norm[u] | 0x20);
            unit[ul] = 0;
            if (ul >= 2 && digit_value(w[i].norm, d, &v) && (glued = distance_unit(unit)) > 0) is_num = true;
            /* "£4m", "$2.5bn": a sum with its scale glued on */
            size_t qa0 = w[i].s;
            bool money = qa0 > start && (text[qa0 - 1] == '$' || (qa0 >= start + 3 && !memcmp(text + qa0 - 3, "\xE2\x82\xAC", 3)) ||
                                         (qa0 >= start + 2 && !memcmp(text + qa0 - 2, "\xC2\xA3", 2)));
            double scale = !strcmp(unit, "m") || !strcmp(unit, "mn") ? 1e6 : !strcmp(unit, "bn") || !strcmp(unit, "b") ? 1e9
                         : !strcmp(unit, "k") ? 1e3 : 0;
            if (!is_num && money && scale > 0 && digit_value(w[i].norm, d, &v)) is_num = true, v *= scale;
        }
        if (glued > 0) {
            /* the unit is read below */
        } else if (digit_value(w[i].norm, strlen(w[i].norm), &v)) {
            is_num = true;
            const pt_num_word *m;
            if (i + 1 < nw && (m = numword_of(w[i + 1].norm)) && m->kind == PT_NUM_SCALE) v *= m->value, j = i + 1;
        } else {
            const pt_num_word *m = numword_of(w[i].norm);
            if (m && m->kind == PT_NUM_SCALE && strcmp(m->word, "dozen") != 0) m = NULL; /* "hundred" alone */
            if (m && !strcmp(m->word, "one")) m = NULL; /* "one of the", "no one": rarely a figure */
            if (m) {
                is_num = true;
                v = m->value;
                /* "twenty-five", "two hundred", "three thousand", "a dozen" */
                while (j + 1 < nw) {
                    const pt_num_word *n2 = numword_of(w[j + 1].norm);
                    if (!n2) break;
                    if (n2->kind == PT_NUM_SCALE) v *= n2->value;
                    else if (n2->kind == PT_NUM_UNIT && v >= 20 && fmod(v, 10) == 0 && v < 100) v += n2->value;
                    else if (n2->kind != PT_NUM_SCALE && v >= 100) v += n2->value;
                    else break;
                    j++;
                }
            }
        }
        if (!is_num) continue;
        size_t qa = w[i].s, qb = w[j].e;
        bool in_date = false;
        for (size_t d = 0; d < n_dates; d++) in_date |= qa < dates[2 * d + 1] && dates[2 * d] < qb;
        if (in_date || in_skip(skip, n_skip, start, qa, qb)) {
            i = j;
            continue;
        }
        /* Clock times ("6 a.m.", "10:30") and years are not figures. */
        const char *next = j + 1 < nw ? w[j + 1].norm : "";
        if (!strcmp(next, "am") || !strcmp(next, "pm") || !strcmp(next, "uhr") ||
            (qb < end && text[qb] == ':') || (qa > start && text[qa - 1] == ':')) {
            i = j;
            continue;
        }
        bool year_like = j == i && strlen(w[i].norm) == 4 && v >= 1800 && v <= 2100 &&
                         !strchr(w[i].norm, ',') && !strchr(w[i].norm, '.');
        pst_quantity q = {.value = v, .kind = PST_Q_COUNT, .start = qa, .end = qb};
        if (i > 0 && is_hedge(w[i - 1].norm)) q.hedged = true;
        if (!strcmp(w[i].norm, "dozen")) q.hedged = true; /* "a dozen" is a round figure */
        if (glued > 0) {
            q.kind = PST_Q_DISTANCE, q.value = v * glued;
        } else if (qa > start && (text[qa - 1] == '$' || (qa >= start + 3 && !memcmp(text + qa - 3, "\xE2\x82\xAC", 3)) ||
                           (qa >= start + 2 && !memcmp(text + qa - 2, "\xC2\xA3", 2)))) {
            q.kind = PST_Q_MONEY;
            /* "$2.5bn": the number's decimals cut the word before its scale */
            if (j + 1 < nw && w[j + 1].s == qb) {
                double sc = !strcmp(next, "bn") || !strcmp(next, "b") ? 1e9 : !strcmp(next, "m") || !strcmp(next, "mn") ? 1e6 : 0;
                if (sc > 0) q.value *= sc, qb = w[j + 1].e, j++;
            }
        } else if (qb < end && text[qb] == '%') {
            q.kind = PST_Q_PERCENT;
        } else if (j + 1 < nw) {
            double m = distance_unit(next);
            if (!strcmp(next, "nautical") && j + 2 < nw && distance_unit(w[j + 2].norm) > 1000) {
                q.kind = PST_Q_DISTANCE, q.value = v * 1852, qb = w[j + 2].e, j++;
            } else if (m > 0 && (strcmp(next, "m") || text[w[j + 1].s] == 'm')) {
                q.kind = PST_Q_DISTANCE, q.value = v * m, qb = w[j + 1].e;
            } else if (!strcmp(next, "percent") || !strcmp(next, "prozent") ||
                       (!strcmp(next, "per") && j + 2 < nw && !strcmp(w[j + 2].norm, "cent"))) {
                q.kind = PST_Q_PERCENT;
            } else if (!strcmp(next, "dollars") || !strcmp(next, "euros") || !strcmp(next, "pounds") ||
                       !strcmp(next, "euro")) {
                q.kind = PST_Q_MONEY;
            } else if (!pt_is_stopword(lang, next, strlen(next)) && !numword_of(next)) {
                size_t sn;
                const char *stem = pt_stem(lang, next, strlen(next), &sn);
                if (sn >= sizeof q.unit) sn = sizeof q.unit - 1;
                memcpy(q.unit, stem, sn);
                q.unit[sn] = 0;
                size_t wl = strlen(next) < sizeof q.word ? strlen(next) : sizeof q.word - 1;
                memcpy(q.word, next, wl);
                q.word[wl] = 0;
            }
        }
        q.end = qb;
        /* "two thousand thousand ... dollars" overflows to inf: no figure, and
         * coverage's buckets (llround(log(v))) would overflow with it */
        if (!isfinite(q.value)) {
            i = j;
            continue;
        }
        if (year_like && q.kind == PST_Q_COUNT && !q.unit[0]) {
            i = j;
            continue;
        }
        out[k++] = q;
        i = j;
    }
    return k;
}
