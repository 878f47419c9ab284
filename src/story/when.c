/* Time references in sentences, resolved to calendar days (see story.h). */
#include "story.h"

#include <stdio.h>
#include <string.h>

/* ---- calendar (proleptic Gregorian; Howard Hinnant's days_from_civil) ---- */

int64_t pst_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void pst_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int pst_weekday(int64_t days)
{
    int64_t w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

/* ---- words -------------------------------------------------------------- */

typedef struct word {
    size_t start, end;
} word;

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive ASCII equality of s[0..n) with lower-case w. */
static bool word_is(const char *s, size_t n, const char *w)
{
    if (strlen(w) != n) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)w[i]) return false;
    }
    return true;
}

static const char *const WEEKDAY_EN[7] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};
static const char *const WEEKDAY_DE[7] = {"montag",  "dienstag", "mittwoch", "donnerstag",
                                           "freitag", "samstag",  "sonntag"};

static int weekday_of(const char *s, size_t n)
{
    if (n < 6 || !(s[0] >= 'A' && s[0] <= 'Z')) return -1; /* names are capitalised */
    for (int i = 0; i < 7; i++)
        if (word_is(s, n, WEEKDAY_EN[i]) || word_is(s, n, WEEKDAY_DE[i])) return i;
    return -1;
}

/* Words that make a sentence speak of the future, so "Friday" is the next one. */
static const char *const FUTURE_CUES[] = {"will", "would", "until", "plans", "planned",
                                          "scheduled", "expected", "next", "upcoming", "wird",
                                          "werden", "soll", "sollen", "kommenden", "nächsten",
                                          "bis", "'ll"};

/* "a vessel built in 2006", "the bridge, opened in 1932,": a year that
 * describes a thing named in the sentence, not when its event happened
 * ("was built in 2006" tells a fact of that year and stays). */
static const char *const DESCRIBING[] = {
    "built", "founded", "established", "opened", "born", "launched", "completed", "constructed",
    "created", "formed", "introduced", "commissioned", "erected", "designed", "restored",
    "renovated", "acquired", "bought", "made", "elected", "appointed", "installed", "set",
    "gebaut", "gegründet", "eröffnet", "geboren", "errichtet",
};
static const char *const AUXILIARIES[] = {"was", "were", "is", "are", "been", "be", "being", "had",
                                          "has", "have", "wurde", "wurden", "ist", "sind", "war"};

static bool in_list_ci(const char *s, size_t n, const char *const *list, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (word_is(s, n, list[i])) return true;
    return false;
}
/* Word i of s is one of list's (an array). */
#define WORD_IN(s, w, i, list) \
    in_list_ci((s) + (w)[i].start, (w)[i].end - (w)[i].start, list, sizeof list / sizeof *list)

static bool describing_year(const char *s, const word *w, size_t i)
{
    /* w[i] is the year, w[i - 1] "in"; "set up in" has "up" between */
    if (i < 2) return false;
    size_t p = i - 2;
    if (word_is(s + w[p].start, w[p].end - w[p].start, "up") && p > 0) p--;
    if (!WORD_IN(s, w, p, DESCRIBING)) return false;
    return !(p > 0 && WORD_IN(s, w, p - 1, AUXILIARIES));
}

/* "since 2011", "since the start of the war in 2011", "dating back to 1990":
 * a cue before the reference within its clause (no comma, semicolon, colon,
 * dash or bracket between, at most 10 words back) says it dates how long
 * something has lasted, background to the story rather than its event. */
static const char *const SINCE_CUES[] = {"dating", "dates", "seit", "since"};

/* Does s[a..b) break a clause? Punctuation, or a dash: U+2013/U+2014 (a
 * "word" of split_words, which takes every byte >= 0x80 as a letter), or the
 * plain-text "--" and " - ". */
static bool clause_break(const char *s, size_t a, size_t b)
{
    for (size_t g = a; g < b; g++) {
        char c = s[g];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
        if (pt_long_dash_at(s, b, g)) return true;
        if (c == '-' && ((g + 1 < b && s[g + 1] == '-') ||
                         (g > a && s[g - 1] == ' ' && g + 1 < b && s[g + 1] == ' ')))
            return true;
    }
    return false;
}

static bool background_ref(const char *s, const word *w, size_t nw, size_t start)
{
    size_t j = 0;
    while (j < nw && w[j].end <= start) j++; /* words before the reference: w[0..j) */
    for (size_t back = 0; j > 0 && back < 10; back++) {
        j--;
        /* what lies between word j and the reference: gaps and the words after j */
        if (clause_break(s, w[j].end, back == 0 ? start : w[j + 1].end)) return false;
        if (WORD_IN(s, w, j, SINCE_CUES)) return true;
    }
    return false;
}

static bool speaks_of_future(const char *s, size_t n, const word *w, size_t nw)
{
    for (size_t i = 0; i < nw; i++)
        if (WORD_IN(s, w, i, FUTURE_CUES)) return true;
    (void)n;
    return false;
}

static size_t split_words(const char *s, size_t n, word *w, size_t cap)
{
    size_t nw = 0, i = 0;
    while (i < n && nw < cap) {
        while (i < n && !is_letter((unsigned char)s[i]) && !is_digit((unsigned char)s[i])) i++;
        size_t st = i;
        while (i < n && (is_letter((unsigned char)s[i]) || is_digit((unsigned char)s[i]))) i++;
        if (i > st) w[nw++] = (word){st, i};
    }
    return nw;
}

static bool overlaps(const pst_when *out, size_t k, size_t a, size_t b)
{
    for (size_t i = 0; i < k; i++)
        if (a < out[i].end && out[i].start < b) return true;
    return false;
}

static void push(pst_when *out, size_t *k, size_t cap, pst_when w)
{
    if (*k >= cap || overlaps(out, *k, w.start, w.end)) return;
    /* keep text order */
    size_t i = *k;
    while (i > 0 && out[i - 1].start > w.start) {
        out[i] = out[i - 1];
        i--;
    }
    out[i] = w;
    (*k)++;
}

static pst_when day_when(int64_t day, size_t a, size_t b, bool relative)
{
    return (pst_when){day, day, PST_DAY, relative, a, b, false};
}

static pst_when month_when(int y, int m, size_t a, size_t b, bool relative)
{
    int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
    return (pst_when){pst_days_from_civil(y, m, 1), pst_days_from_civil(ny, nm, 1) - 1, PST_MONTH,
                     relative, a, b, false};
}

static pst_when year_when(int y, size_t a, size_t b, bool relative)
{
    return (pst_when){pst_days_from_civil(y, 1, 1), pst_days_from_civil(y, 12, 31), PST_YEAR,
                     relative, a, b, false};
}

size_t pst_find_when(const char *s, size_t n, const pt_date *pub, pst_when *out, size_t cap)
{
    size_t k = 0;
    bool have_pub = pub && pub->year > 0 && pub->month > 0 && pub->day > 0;
    int64_t pub_day = have_pub ? pst_days_from_civil(pub->year, pub->month, pub->day) : 0;

    /* Absolute dates first: they win over any relative reading of the same words. */
    size_t off = 0;
    while (off < n && k < cap) {
        pt_date d;
        if (!pt_date_find(s + off, n - off, have_pub ? pub->year : 0, &d)) break;
        size_t a = off + d.start, b = off + d.end;
        off = b > off ? b : off + 1;
        if (d.year <= 0 || d.month <= 0) continue;
        /* the bounds of a bare year below: "March 3, 2999" is no event's date */
        if (d.year < 1800 || d.year > (have_pub ? pub->year + 5 : 2100)) continue;
        if (d.day > 0) {
            int64_t day = pst_days_from_civil(d.year, d.month, d.day);
            /* A year filled in from publication must not land well after it. */
            if (have_pub && day > pub_day + 7 && d.year == pub->year) {
                bool explicit_year = false;
                for (size_t i = a; i + 4 <= b; i++)
                    if (is_digit((unsigned char)s[i]) && is_digit((unsigned char)s[i + 1]) &&
                        is_digit((unsigned char)s[i + 2]) && is_digit((unsigned char)s[i + 3]))
                        explicit_year = true;
                if (!explicit_year) day = pst_days_from_civil(d.year - 1, d.month, d.day);
            }
            push(out, &k, cap, day_when(day, a, b, false));
        } else {
            push(out, &k, cap, month_when(d.year, d.month, a, b, false));
        }
    }

    word w[512];
    size_t nw = split_words(s, n, w, sizeof w / sizeof *w);

    for (size_t i = 0; i < nw && k < cap; i++) {
        const char *p = s + w[i].start;
        size_t len = w[i].end - w[i].start;
        /* "in 2017", "im Jahr 2017": a bare year after a preposition. */
        if (len == 4 && is_digit((unsigned char)p[0]) && i > 0 &&
            (word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "in") ||
             word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "since") ||
             word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "jahr") ||
             word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "seit"))) {
            int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            int latest = have_pub ? pub->year + 5 : 2100;
            bool digit_follows = w[i].end < n && (s[w[i].end] == ',' || s[w[i].end] == '.') &&
                                 w[i].end + 1 < n && is_digit((unsigned char)s[w[i].end + 1]);
            if (y >= 1800 && y <= latest && !digit_follows && !describing_year(s, w, i))
                push(out, &k, cap, year_when(y, w[i].start, w[i].end, false));
            continue;
        }
        if (!have_pub) continue;
        int wd = weekday_of(p, len);
        if (wd >= 0) {
            /* Only a cue before the day puts it ahead: "will meet on Friday",
             * "would last until Sunday" — not "warned on Friday that it would". */
            bool future = speaks_of_future(s, n, w, i);
            int delta = wd - pst_weekday(pub_day); /* this week's day relative to publication */
            int64_t day;
            /* Wire style names the day even for the day of publication: "will meet
             * on Tuesday" in Tuesday's paper is that day. */
            if (future) day = pub_day + (delta >= 0 ? delta : delta + 7);
            else day = pub_day + (delta <= 0 ? delta : delta - 7);
            push(out, &k, cap, day_when(day, w[i].start, w[i].end, true));
            continue;
        }
        if (word_is(p, len, "yesterday") || word_is(p, len, "gestern")) {
            push(out, &k, cap, day_when(pub_day - 1, w[i].start, w[i].end, true));
        } else if (word_is(p, len, "today") || word_is(p, len, "heute")) {
            push(out, &k, cap, day_when(pub_day, w[i].start, w[i].end, true));
        } else if (word_is(p, len, "tomorrow")) {
            push(out, &k, cap, day_when(pub_day + 1, w[i].start, w[i].end, true));
        } else if (i + 1 < nw && (word_is(p, len, "last") || word_is(p, len, "this") ||
                                  word_is(p, len, "next") || word_is(p, len, "letzte") ||
                                  word_is(p, len, "letzten") || word_is(p, len, "vergangene") ||
                                  word_is(p, len, "vergangenen") || word_is(p, len, "diese") ||
                                  word_is(p, len, "diesem") || word_is(p, len, "dieses") ||
                                  word_is(p, len, "kommende") || word_is(p, len, "kommenden") ||
                                  word_is(p, len, "nächste") || word_is(p, len, "nächsten"))) {
            const char *u = s + w[i + 1].start;
            size_t ul = w[i + 1].end - w[i + 1].start;
            int dir = (word_is(p, len, "last") || word_is(p, len, "letzte") ||
                       word_is(p, len, "letzten") || word_is(p, len, "vergangene") ||
                       word_is(p, len, "vergangenen"))
                          ? -1
                      : (word_is(p, len, "next") || word_is(p, len, "kommende") ||
                         word_is(p, len, "kommenden") || word_is(p, len, "nächste") ||
                         word_is(p, len, "nächsten"))
                          ? 1
                          : 0;
            size_t a = w[i].start, b = w[i + 1].end;
            if (word_is(u, ul, "week") || word_is(u, ul, "woche")) {
                int64_t monday = pub_day - pst_weekday(pub_day) + 7 * dir;
                push(out, &k, cap, (pst_when){monday, monday + 6, PST_WEEK, true, a, b, false});
            } else if (word_is(u, ul, "month") || word_is(u, ul, "monat")) {
                int y = pub->year, m = pub->month + dir;
                if (m < 1) m = 12, y--;
                if (m > 12) m = 1, y++;
                push(out, &k, cap, month_when(y, m, a, b, true));
            } else if (word_is(u, ul, "year") || word_is(u, ul, "jahr")) {
                push(out, &k, cap, year_when(pub->year + dir, a, b, true));
            }
        }
    }
    for (size_t i = 0; i < k; i++)
        if (out[i].precision == PST_YEAR || out[i].precision == PST_MONTH)
            out[i].background = background_ref(s, w, nw, out[i].start);
    return k;
}

size_t pst_when_iso(const pst_when *w, char *buf, size_t cap)
{
    int y, m, d, y2, m2, d2;
    pst_civil_from_days(w->first_day, &y, &m, &d);
    int n;
    switch (w->precision) {
    case PST_YEAR: n = snprintf(buf, cap, "%04d", y); break;
    case PST_MONTH: n = snprintf(buf, cap, "%04d-%02d", y, m); break;
    case PST_WEEK:
        pst_civil_from_days(w->last_day, &y2, &m2, &d2);
        n = snprintf(buf, cap, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2);
        break;
    default: n = snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
    }
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}
