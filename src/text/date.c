/* The one date parser: finds dates in the shapes news pages print them.
 *
 * A small hand-written scanner (no regex library does calendars): at each word
 * boundary it tries, in order, ISO/numeric forms (2018-05-29, 20180529,
 * 09.05.2018, 5/29/2018) and worded forms (May 29, 2018 / 29. Mai 2018 /
 * MARCH 2021 / July 11), optionally preceded by a weekday and followed by a
 * time and zone. Every candidate is validated against the calendar (Feb 30 is
 * rejected). Month and weekday names: English and German. */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct name_entry {
    const char *name; /* lower case, UTF-8 */
    int value;
} name_entry;

/* Months, English and German, full and abbreviated. Abbreviations may carry a
 * trailing '.', handled by the caller. */
static const name_entry MONTHS[] = {
    {"january", 1},   {"jan", 1},      {"januar", 1},   {"jänner", 1},   {"february", 2},
    {"feb", 2},       {"februar", 2},  {"march", 3},    {"mar", 3},      {"märz", 3},
    {"maerz", 3},     {"mär", 3},      {"mrz", 3},      {"april", 4},    {"apr", 4},
    {"may", 5},       {"mai", 5},      {"june", 6},     {"jun", 6},      {"juni", 6},
    {"july", 7},      {"jul", 7},      {"juli", 7},     {"august", 8},   {"aug", 8},
    {"september", 9}, {"sep", 9},      {"sept", 9},     {"october", 10}, {"oct", 10},
    {"oktober", 10},  {"okt", 10},     {"november", 11}, {"nov", 11},    {"december", 12},
    {"dec", 12},      {"dezember", 12}, {"dez", 12},
};

/* Weekdays, English and German, full and abbreviated: 0 Monday .. 6 Sunday. */
static const name_entry WEEKDAYS[] = {
    {"monday", 0},   {"mon", 0},      {"tuesday", 1},    {"tue", 1},    {"tues", 1},    {"wednesday", 2},
    {"wed", 2},      {"thursday", 3}, {"thu", 3},        {"thur", 3},   {"thurs", 3},   {"friday", 4},
    {"fri", 4},      {"saturday", 5}, {"sat", 5},        {"sunday", 6}, {"sun", 6},     {"montag", 0},
    {"mo", 0},       {"dienstag", 1}, {"di", 1},         {"mittwoch", 2}, {"mi", 2},    {"donnerstag", 3},
    {"do", 3},       {"freitag", 4},  {"fr", 4},         {"samstag", 5}, {"sonnabend", 5}, {"sa", 5},
    {"sonntag", 6},  {"so", 6},
};

static const name_entry ZONES[] = {
    {"utc", 0},     {"gmt", 0},     {"ut", 0},      {"z", 0},      {"bst", 60},
    {"cet", 60},    {"cest", 120},  {"mez", 60},    {"mesz", 120}, {"est", -300},
    {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360},
    {"pst", -480},  {"pdt", -420},
};

/* ---- character helpers ---------------------------------------------------- */

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
/* Month names count only capitalised ("May", "MAY"): lower-case "may" is a verb. */
static bool is_upper_start(const char *s) { return s[0] >= 'A' && s[0] <= 'Z'; }

/* Lower-cases one word (ASCII and the German umlauts/ß in UTF-8) into buf. */
static size_t fold_word(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            if (d == 0x84 || d == 0x96 || d == 0x9C) d = (unsigned char)(d + 0x20); /* ÄÖÜ */
            if (o + 2 >= cap) break;
            buf[o++] = (char)c;
            buf[o++] = (char)d;
            i++;
            continue;
        }
        buf[o++] = (char)c;
    }
    buf[o] = 0;
    return o;
}

/* Length of the run of letters starting at s[i]. */
static size_t word_len(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && is_alpha((unsigned char)s[j])) j++;
    return j - i;
}

static int lookup(const name_entry *t, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].name[0] == w[0] && strcmp(t[i].name, w) == 0) return t[i].value;
    return -1;
}

/* 0 Monday .. 6 Sunday for a weekday name (folded), -1 otherwise. */
static int weekday_word(const char *w) { return lookup(WEEKDAYS, sizeof WEEKDAYS / sizeof *WEEKDAYS, w); }
static bool is_weekday_word(const char *w) { return weekday_word(w) >= 0; }

int pt_weekday_of(int y, int m, int d)
{
    /* Sakamoto's method: 0 Sunday .. 6 Saturday, turned to 0 Monday */
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 1 || m > 12) return -1;
    if (m < 3) y -= 1;
    int w = ((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7 + 7) % 7;
    return (w + 6) % 7;
}

const char *pt_weekday_name(int wd)
{
    static const char *const NAMES[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return wd >= 0 && wd < 7 ? NAMES[wd] : "";
}

/* Reads 1..maxd digits at s[*i]; fails when more digits follow. */
static bool read_num(const char *s, size_t len, size_t *i, int mind, int maxd, int *val)
{
    size_t j = *i;
    int v = 0, nd = 0;
    while (j < len && is_digit((unsigned char)s[j]) && nd <= maxd) {
        v = v * 10 + (s[j] - '0');
        j++;
        nd++;
    }
    if (nd < mind || nd > maxd) return false;
    *val = v;
    *i = j;
    return true;
}

/* Reads exactly n digits at s[*i] (more may follow). */
static bool read_fixed(const char *s, size_t len, size_t *i, int n, int *val)
{
    int v = 0;
    for (int k = 0; k < n; k++) {
        if (*i + (size_t)k >= len || !is_digit((unsigned char)s[*i + (size_t)k])) return false;
        v = v * 10 + (s[*i + (size_t)k] - '0');
    }
    *i += (size_t)n;
    *val = v;
    return true;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    /* U+00A0 no-break space, common in pasted text. */
    while (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
        i += 2;
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    }
    return i;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int pt_days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return dim[m - 1] + (m == 2 && (y == 0 || leap(y)) ? 1 : 0);
}

static bool valid_ymd(int y, int m, int d)
{
    if (y && (y < 1000 || y > 2999)) return false;
    if (m < 1 || m > 12) return false;
    if (d == 0) return true; /* month precision */
    return d >= 1 && d <= pt_days_in_month(y, m);
}

int pt_date_two_digit_year(int yy, int now_year)
{
    /* the one year with these two digits in (now - 50, now + 50]: over 50
     * years ahead is the century before, and so 50 years back or more is the
     * century after (in 2099, "49" is 2149 rather than 2049) */
    int y = now_year - now_year % 100 + yy;
    if (y > now_year + 50) y -= 100;
    else if (y <= now_year - 50) y += 100;
    return y;
}

/* The current year (UTC): the reference of RFC 7231's two-digit-year rule. */
static int current_year(void)
{
    time_t t = time(NULL);
    struct tm tm;
    if (t == (time_t)-1 || !gmtime_r(&t, &tm)) return 2000;
    return tm.tm_year + 1900;
}

static bool long_dash(const char *s, size_t len, size_t i);

/* Month name at s[i] (capitalised or all caps, optional '.'); returns month or 0. */
static int read_month(const char *s, size_t len, size_t *i)
{
    size_t n = word_len(s, len, *i);
    /* "28 February–2 March": an en or em dash ends the name (its bytes are "letters") */
    for (size_t k = 0; k < n; k++)
        if (long_dash(s, len, *i + k)) n = k;
    if (n < 3 || n > 12 || !is_upper_start(s + *i)) return 0;
    char w[32];
    fold_word(s + *i, n, w, sizeof w);
    int m = lookup(MONTHS, sizeof MONTHS / sizeof *MONTHS, w);
    if (m <= 0) return 0;
    size_t j = *i + n;
    if (j < len && s[j] == '.') j++;
    *i = j;
    return m;
}

/* U+2013 or U+2014 at s[i] (bytes the letter test would take as a letter). */
static bool long_dash(const char *s, size_t len, size_t i)
{
    return i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
           ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94);
}

/* Day of month with optional English ordinal suffix or German '.'. */
static bool read_day(const char *s, size_t len, size_t *i, int *day)
{
    size_t j = *i;
    if (!read_num(s, len, &j, 1, 2, day)) return false;
    if (j + 1 < len && is_alpha((unsigned char)s[j]) && !long_dash(s, len, j)) {
        char a = (char)(s[j] | 0x20), b = (char)(s[j + 1] | 0x20);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            j += 2;
        else
            return false;
        if (j < len && is_alpha((unsigned char)s[j])) return false;
    } else if (j < len && is_alpha((unsigned char)s[j]) && !long_dash(s, len, j)) {
        return false; /* "May 3–5" (an en dash) ends the day, "3rdx" does not */
    }
    *i = j;
    return *day >= 1 && *day <= 31;
}

/* Marks the time at s[a..b) after a date as impossible. */
static void set_bad_time(pt_date *d, size_t a, size_t b)
{
    d->bad_time = true;
    d->bad_start = a;
    d->bad_end = b;
}

/* The day after d (whose year is known); false at the calendar's end. */
static bool next_day(pt_date *d)
{
    if (!d->year || d->day < 1) return false;
    if (d->day < pt_days_in_month(d->year, d->month)) {
        d->day++;
    } else if (d->month < 12) {
        d->month++, d->day = 1;
    } else {
        if (!valid_ymd(d->year + 1, 1, 1)) return false;
        d->year++, d->month = 1, d->day = 1;
    }
    return true;
}

/* Optional time after a date: [,|at|um|-|T] HH:MM[:SS][.frac] [am|pm] [Uhr] [zone]. */
static void read_time(const char *s, size_t len, size_t *i, pt_date *d, bool iso)
{
    size_t j = *i;
    if (iso && j < len && (s[j] == 'T' || s[j] == ' ')) j++;
    else if (!iso) {
        j = skip_spaces(s, len, j);
        if (j < len && (s[j] == ',' || s[j] == '|' || s[j] == '-' || s[j] == '/')) j++;
        j = skip_spaces(s, len, j);
        size_t w = word_len(s, len, j);
        if ((w == 2 && (strncmp(s + j, "at", 2) == 0 || strncmp(s + j, "um", 2) == 0)) ||
            (w == 1 && s[j] == 'T'))
            j = skip_spaces(s, len, j + w);
    }
    int h, mi, se = -1;
    size_t t0 = j; /* where the time's text starts, for a bad time's span */
    if (!read_num(s, len, &j, 1, 2, &h)) return;
    if (j >= len || (s[j] != ':' && !(s[j] == '.' && !iso))) return;
    char sep = s[j++];
    if (!read_num(s, len, &j, 2, 2, &mi)) return;
    if (j + 2 < len && s[j] == ':' && is_digit((unsigned char)s[j + 1])) {
        size_t k = j + 1;
        if (!read_num(s, len, &k, 2, 2, &se)) return;
        j = k;
        if (j + 1 < len && (s[j] == '.' || s[j] == ',') && is_digit((unsigned char)s[j + 1])) {
            j++;
            while (j < len && is_digit((unsigned char)s[j])) j++;
        }
    }
    size_t k = skip_spaces(s, len, j);
    bool marked = false; /* "10.00" needs a zone, "Uhr" or am/pm to count as a time */
    size_t w = word_len(s, len, k);
    char word[16];
    if (w && w < sizeof word) {
        fold_word(s + k, w, word, sizeof word);
        if (strcmp(word, "am") == 0 || strcmp(word, "pm") == 0 ||
            (w == 1 && (word[0] == 'a' || word[0] == 'p') && k + 3 < len && s[k + 1] == '.' &&
             (s[k + 2] | 0x20) == 'm' && s[k + 3] == '.')) {
            bool pm = word[0] == 'p';
            size_t after = k + (w == 1 ? 4 : 2);
            /* "13:00 pm" and "0:30 am" say the hour twice, and agree */
            if ((h == 0 && pm) || (h > 12 && !pm) || h > 23) {
                if (sep == ':') set_bad_time(d, t0, after);
                return;
            }
            if (h >= 1 && h <= 12) h = h % 12 + (pm ? 12 : 0);
            j = after;
            marked = true;
        }
    }
    /* ISO 8601's 24:00 (the end of the day) is 00:00 of the next, in the ISO
     * forms that define it; after other forms "24:00" is no time, the day stands */
    bool end_of_day = h == 24 && mi == 0 && se <= 0;
    if (end_of_day && !iso) return;
    if (!end_of_day && (h > 23 || mi > 59 || se > 60)) {
        /* clock-shaped but impossible ("T25:00", "14:61"): the day stands for
         * the text's sake, a date field is refused whole (pt_date_normalise) */
        if (sep == ':') set_bad_time(d, t0, j);
        return;
    }
    k = skip_spaces(s, len, j);
    w = word_len(s, len, k);
    if (w == 3 && w < sizeof word) {
        fold_word(s + k, w, word, sizeof word);
        if (strcmp(word, "uhr") == 0) {
            j = k + 3;
            marked = true;
        }
    }
    /* zone: Z, +hh:mm, +hhmm, or a name */
    k = iso ? j : skip_spaces(s, len, j);
    if (k < len && (s[k] == '+' || s[k] == '-') && k + 3 <= len && is_digit((unsigned char)s[k + 1])) {
        int sign = s[k] == '-' ? -1 : 1;
        size_t q = k + 1;
        int hh, mm = 0;
        if (read_fixed(s, len, &q, 2, &hh)) {
            if (q < len && s[q] == ':') q++;
            if (!read_fixed(s, len, &q, 2, &mm)) mm = 0;
            if (hh <= 14 && mm < 60 && !(q < len && is_digit((unsigned char)s[q]))) {
                d->has_tz = true;
                d->tz_minutes = sign * (hh * 60 + mm);
                j = q;
                marked = true;
            }
        }
    } else if (k < len && is_alpha((unsigned char)s[k])) {
        w = word_len(s, len, k);
        if (w <= 4) {
            fold_word(s + k, w, word, sizeof word);
            int z = lookup(ZONES, sizeof ZONES / sizeof *ZONES, word);
            bool upper = s[k] >= 'A' && s[k] <= 'Z';
            if (z != -1 && upper && (w > 1 || iso || s[k] == 'Z')) { /* RFC 822 "14:05:00 Z" */
                d->has_tz = true;
                d->tz_minutes = z;
                j = k + w;
                marked = true;
            }
        }
    }
    if (sep == '.' && !marked) return;
    if (end_of_day) {
        if (!next_day(d)) return;
        h = 0;
    }
    d->hour = h;
    d->minute = mi;
    d->second = se < 0 ? 0 : se;
    *i = j;
}

static void reset(pt_date *d)
{
    memset(d, 0, sizeof *d);
    d->hour = d->minute = d->second = -1;
    d->weekday = -1;
}

/* The weekday wd printed before d: it settles an ambiguous "03/04/2024"
 * when exactly one reading falls on it; otherwise a weekday that is not the
 * date's is marked, and the date stands (the printed date wins). A year not
 * printed (default_year's) is not checked. */
static void apply_weekday(pt_date *d, int wd)
{
    d->weekday = wd;
    if (wd < 0 || !d->year || d->day < 1 || d->year_filled) return;
    bool first = pt_weekday_of(d->year, d->month, d->day) == wd;
    if (!d->ambiguous) {
        d->weekday_mismatch = !first;
        return;
    }
    bool second = pt_weekday_of(d->year, d->day, d->month) == wd; /* day and month swapped */
    if (first == second) { /* neither (both cannot: the readings are days apart, not weeks) */
        d->weekday_mismatch = !first;
        return;
    }
    if (second) {
        int t = d->day;
        d->day = d->month;
        d->month = t;
    }
    d->ambiguous = false;
    d->weekday_settled = true;
    d->order = (signed char)(second ? 1 : -1); /* the parser reads month first */
}

/* Numeric forms at s[i] (a digit at a boundary). */
/* Stores a date already checked against the calendar, read up to s[j], and a
 * time after it (iso: the ISO 'T' form too). */
static bool store_date(const char *s, size_t len, size_t j, int year, int mon, int day, bool iso,
                       pt_date *d, size_t *endp)
{
    d->year = year, d->month = mon, d->day = day;
    read_time(s, len, &j, d, iso);
    *endp = j;
    return true;
}

static bool parse_numeric(const char *s, size_t len, size_t i, pt_date *d, size_t *endp)
{
    size_t j = i;
    int a, b, c;
    /* YYYY-MM-DD[THH:MM...] or YYYY/MM/DD */
    if (read_num(s, len, &j, 4, 4, &a) && j < len && (s[j] == '-' || s[j] == '/')) {
        char sep = s[j++];
        if (read_num(s, len, &j, 1, 2, &b) && j < len && s[j] == sep) {
            j++;
            if (read_num(s, len, &j, 1, 2, &c) && valid_ymd(a, b, c) &&
                !(j < len && is_digit((unsigned char)s[j])))
                return store_date(s, len, j, a, b, c, true, d, endp);
        }
        return false;
    }
    /* YYYYMMDD standing alone */
    j = i;
    if (read_num(s, len, &j, 8, 8, &a) && !(j < len && is_alpha((unsigned char)s[j]))) {
        int y = a / 10000, m = a / 100 % 100, dd = a % 100;
        if (y >= 1900 && y <= 2100 && valid_ymd(y, m, dd)) {
            d->year = y, d->month = m, d->day = dd;
            *endp = j;
            return true;
        }
        return false;
    }
    /* DD.MM.YYYY (German), MM/DD/YYYY (US; DD/MM when the first part > 12;
     * both parts <= 12 and different: marked ambiguous, read month first) */
    j = i;
    if (read_num(s, len, &j, 1, 2, &a) && j < len && (s[j] == '.' || s[j] == '/')) {
        char sep = s[j++];
        if (read_num(s, len, &j, 1, 2, &b) && j < len && s[j] == sep) {
            j++;
            if (read_num(s, len, &j, 4, 4, &c) && !(j < len && is_digit((unsigned char)s[j]))) {
                int day = a, mon = b;
                if (sep == '/' && a <= 12) day = b, mon = a;
                if (valid_ymd(c, mon, day)) {
                    store_date(s, len, j, c, mon, day, false, d, endp);
                    /* "11/03/2026": 3 November (US) or 11 March; the caller settles it */
                    d->ambiguous = sep == '/' && a <= 12 && b <= 12 && a != b;
                    d->order = (signed char)(sep != '/' ? 0 : a > 12 ? 1 : b > 12 ? -1 : 0);
                    return true;
                }
            }
        }
    }
    return false;
}

/* The end of a worded date whose year, month and day were read up to s[j]:
 * the calendar decides ("31 April 2018" is no date; *endp is still set past
 * it, for the caller's skip), then a time may follow. */
static bool worded_date(const char *s, size_t len, size_t j, int year, int mon, int day, pt_date *d,
                        size_t *endp)
{
    *endp = j;
    if (!valid_ymd(year, mon, day)) return false;
    return store_date(s, len, j, year, mon, day, false, d, endp);
}

/* RFC 850 dates (obsolete, but HTTP servers and some feeds still write them:
 * "Tuesday, 03-Mar-26 14:05:00 GMT", RFC 7231 7.1.1.1) and the dashed day
 * form "03-Mar-2026" of cookies and logs: DD-Mon-YY or DD-Mon-YYYY. A
 * two-digit year counts only when a time follows (as RFC 850 always writes
 * one): "12-Mar-26" alone may be anything. */
static bool parse_dashed(const char *s, size_t len, size_t i, pt_date *d, size_t *endp)
{
    size_t j = i;
    int day, mon, year;
    if (!read_num(s, len, &j, 1, 2, &day) || j >= len || s[j] != '-') return false;
    j++;
    if (!(mon = read_month(s, len, &j)) || j >= len || s[j] != '-') return false;
    j++;
    size_t y0 = j;
    if (!read_num(s, len, &j, 2, 4, &year) || j - y0 == 3 || (j < len && is_alpha((unsigned char)s[j])))
        return false;
    bool two = j - y0 == 2;
    if (two) year = pt_date_two_digit_year(year, current_year());
    *endp = j; /* a failure of the calendar skips the whole span */
    if (!valid_ymd(year, mon, day)) return false;
    store_date(s, len, j, year, mon, day, false, d, endp);
    if (two && d->hour < 0) {
        reset(d);
        *endp = i;
        return false;
    }
    return true;
}

/* Worded forms starting with a day: "29 May 2018", "29. Mai 2018", "9th of May". */
static bool parse_day_month(const char *s, size_t len, size_t i, int default_year, pt_date *d,
                            size_t *endp)
{
    size_t j = i;
    int day, mon, year = 0;
    if (!read_day(s, len, &j, &day)) return false;
    if (j < len && s[j] == '.') j++;
    j = skip_spaces(s, len, j);
    if (j + 3 < len && strncmp(s + j, "of ", 3) == 0) j = skip_spaces(s, len, j + 3);
    if (!(mon = read_month(s, len, &j))) return false;
    size_t k = skip_spaces(s, len, j);
    if (k < len && s[k] == ',') k = skip_spaces(s, len, k + 1);
    if (read_num(s, len, &k, 4, 4, &year) && !(k < len && is_alpha((unsigned char)s[k]))) j = k;
    else year = default_year, d->year_filled = year != 0;
    /* on failure "April 2018" inside "31 April 2018" is skipped too */
    return worded_date(s, len, j, year, mon, day, d, endp);
}

/* The year of a C asctime date ("Tue Mar  3 14:05:00 2026") or of date(1)'s
 * ("Tue Mar  3 14:05:00 UTC 2026"), read after its month and day, up to s[j]:
 * a time with seconds, an optional zone, then four digits standing alone.
 * Seconds are required, so that "March 3 at 9:00 1500 troops" is no year. */
static bool asctime_year(const char *s, size_t len, size_t j, int *year)
{
    pt_date t;
    reset(&t);
    size_t k = j;
    read_time(s, len, &k, &t, false);
    if (t.hour < 0) return false;
    int colons = 0;
    for (size_t q = j; q < k; q++) colons += s[q] == ':';
    if (colons < 2) return false;
    k = skip_spaces(s, len, k);
    if (k == len || !read_num(s, len, &k, 4, 4, year)) return false;
    return !(k < len && (is_alpha((unsigned char)s[k]) || is_digit((unsigned char)s[k])));
}

/* Worded forms starting with a month: "May 29, 2018", "MARCH 2021", "July 11". */
static bool parse_month_first(const char *s, size_t len, size_t i, int default_year, pt_date *d,
                              size_t *endp)
{
    size_t j = i;
    int mon = read_month(s, len, &j);
    if (!mon) return false;
    size_t k = skip_spaces(s, len, j);
    if (k == j && !(j > i && s[j - 1] == '.')) return false; /* "Mayday" is no date */
    int day = 0, year = 0;
    size_t q = k;
    if (read_num(s, len, &q, 4, 4, &year) && !(q < len && (is_digit((unsigned char)s[q]) ||
                                                           is_alpha((unsigned char)s[q])))) {
        if (!valid_ymd(year, mon, 0)) return false;
        d->year = year, d->month = mon, d->day = 0;
        *endp = q;
        return true;
    }
    q = k;
    if (!read_day(s, len, &q, &day)) return false;
    /* "May 29:" or "July 11.5" are not dates; "July 11." ending a sentence is */
    if (q < len && (is_digit((unsigned char)s[q]) ||
                    (s[q] == '.' && q + 1 < len && is_digit((unsigned char)s[q + 1]))))
        return false;
    j = q;
    size_t r = j;
    if (r < len && s[r] == ',') r++;
    r = skip_spaces(s, len, r);
    if (read_num(s, len, &r, 4, 4, &year) && !(r < len && is_alpha((unsigned char)s[r])) &&
        !(r < len && is_digit((unsigned char)s[r]))) {
        j = r;
    } else if (asctime_year(s, len, j, &year)) {
        /* C asctime and date(1): "Mar  3 14:05:00 2026", the year after the time */
        if (!valid_ymd(year, mon, day) || !store_date(s, len, j, year, mon, day, false, d, endp)) return false;
        r = skip_spaces(s, len, *endp);
        read_num(s, len, &r, 4, 4, &year);
        *endp = r;
        return true;
    } else {
        year = default_year;
        d->year_filled = year != 0;
    }
    return worded_date(s, len, j, year, mon, day, d, endp); /* a failure's *endp is not used */
}

/* Tries every form at s[i]. On failure *skip may be set past a date-shaped
 * span that failed the calendar, so that no part of it is matched instead. */
static bool parse_at(const char *s, size_t len, size_t i, int default_year, pt_date *d,
                     size_t *skip)
{
    size_t end = i;
    reset(d);
    unsigned char c = (unsigned char)s[i];
    if (is_digit(c)) {
        if (parse_numeric(s, len, i, d, &end) || (reset(d), parse_dashed(s, len, i, d, &end)) ||
            (end == i && (reset(d), parse_day_month(s, len, i, default_year, d, &end)))) {
            d->start = i;
            d->end = end;
            return true;
        }
        if (skip && end > i) *skip = end;
        return false;
    }
    if (!is_alpha(c)) return false;
    /* every month and weekday name, English or German, starts with one of these */
    if (!strchr("JFMASONDTW", c)) return false;
    size_t w = word_len(s, len, i);
    char word[32];
    if (w >= 2 && w < 12) {
        fold_word(s + i, w, word, sizeof word);
        int wd = weekday_word(word);
        if (wd >= 0 && (c >= 'A' && c <= 'Z')) {
            size_t j = i + w;
            if (j < len && s[j] == '.') j++;
            if (j < len && s[j] == ',') j++;
            size_t k = skip_spaces(s, len, j);
            if (k == j && !(j > i + w)) return false;
            if (k < len && parse_at(s, len, k, default_year, d, skip)) {
                d->start = i;
                apply_weekday(d, wd);
                return true;
            }
            reset(d);
            return false;
        }
    }
    if (parse_month_first(s, len, i, default_year, d, &end)) {
        d->start = i;
        d->end = end;
        return true;
    }
    return false;
}

bool pt_date_find(const char *s, size_t len, int default_year, pt_date *out)
{
    pt_date d;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_digit(c) && !(c >= 'A' && c <= 'Z')) continue;
        if (i > 0) {
            unsigned char p = (unsigned char)s[i - 1];
            if (is_digit(p) || (is_alpha(p) && !(i >= 3 && long_dash(s, len, i - 3)))) continue; /* "3–June 5" */
            /* "1.09.05.2018", "v2.2018-05-01" are not dates */
            if ((p == '.' || p == '-' || p == '/' || p == ':') && i > 1 &&
                is_digit((unsigned char)s[i - 2])) {
                /* but "3-5 May 2024", a range's last day, is "5 May 2024" */
                size_t last_end = i;
                if (p == '-' && is_digit(c) && (reset(&d), parse_day_month(s, len, i, default_year, &d, &last_end))) {
                    d.start = i;
                    d.end = last_end;
                    if (out) *out = d;
                    return true;
                }
                continue;
            }
        }
        size_t skip = 0;
        if (parse_at(s, len, i, default_year, &d, &skip)) {
            if (out) *out = d;
            return true;
        }
        if (skip > i) i = skip - 1;
    }
    return false;
}

/* Words that may surround a date on a dateline. */
static const char *const FILLER[] = {
    "published", "updated", "posted",   "last",        "first",      "modified", "date",
    "dated",     "on",      "at",       "am",          "pm",         "um",       "uhr",
    "the",       "of",      "et",       "pt",          "ct",         "mt",       "local",
    "time",      "stand",   "datum",    "erstellt",    "veröffentlicht", "aktualisiert",
    "zuletzt",   "geändert", "publiziert", "erschienen", "vom",       "released", "created",
    "edited",    "issued",  "and",      "und",         "a",          "m",        "p",
    "h",         "min",     "read",     "lesezeit",    "minutes",    "minuten",
};

static bool is_filler(const char *s, size_t n)
{
    char w[40];
    if (n >= sizeof w) return false;
    fold_word(s, n, w, sizeof w);
    for (size_t i = 0; i < sizeof FILLER / sizeof *FILLER; i++)
        if (FILLER[i][0] == w[0] && strcmp(FILLER[i], w) == 0) return true;
    if (is_weekday_word(w)) return true;
    return lookup(ZONES, sizeof ZONES / sizeof *ZONES, w) != -1;
}

/* True when s[a..b) holds only separators, filler words and times/small numbers. */
static bool only_filler(const char *s, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        unsigned char c = (unsigned char)s[i];
        /* allowed non-ASCII separators: no-break space, middle dot, dashes, bullet */
        if (c == 0xC2 && i + 1 < b &&
            ((unsigned char)s[i + 1] == 0xA0 || (unsigned char)s[i + 1] == 0xB7)) {
            i += 2;
        } else if (c == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94 ||
                    (unsigned char)s[i + 2] == 0xA2)) {
            i += 3;
        } else if (is_alpha(c)) {
            size_t n = 0;
            while (i + n < b && is_alpha((unsigned char)s[i + n])) n++;
            if (!is_filler(s + i, n)) return false;
            i += n;
        } else if (is_digit(c)) {
            /* a time such as 10:32 or "5 min read"; long numbers are not filler */
            size_t n = 0;
            while (i + n < b && (is_digit((unsigned char)s[i + n]) || s[i + n] == ':' ||
                                 s[i + n] == '.'))
                n++;
            if (n > 8) return false;
            i += n;
        } else if (c && strchr(" \t,.;:|/-()[]+*@", c)) {
            i++;
        } else {
            return false;
        }
    }
    return true;
}

bool pt_date_is_dateline(const char *s, size_t len, pt_date *out)
{
    if (len == 0 || len > 160) return false;
    pt_date first, d;
    reset(&first);
    size_t pos = 0, dates = 0;
    while (pos < len && pt_date_find(s + pos, len - pos, 0, &d)) {
        d.start += pos;
        d.bad_start += pos, d.bad_end += pos;
        d.end += pos;
        if (!only_filler(s, pos, d.start)) return false;
        if (dates++ == 0) first = d;
        pos = d.end;
        if (dates > 3) return false;
    }
    if (!dates || !only_filler(s, pos, len)) return false;
    /* A lone "July 11" on a line is a dateline; "2018" alone is never matched. */
    if (out) *out = first;
    return true;
}

size_t pt_date_normalise(const char *s, size_t len, char *buf, size_t cap)
{
    if (cap) buf[0] = '\0';
    pt_date d;
    if (!s || !pt_date_find(s, len, 0, &d) || !d.year || d.bad_time) return 0;
    return pt_date_iso(&d, buf, cap);
}

size_t pt_date_bad_time(const char *s, size_t len, char *buf, size_t cap)
{
    if (cap) buf[0] = 0;
    pt_date d;
    if (!s || !pt_date_find(s, len, 0, &d) || !d.bad_time) return 0;
    size_t n = d.bad_end - d.bad_start;
    if (n >= cap) return 0;
    memcpy(buf, s + d.bad_start, n);
    buf[n] = 0;
    return n;
}

size_t pt_date_iso(const pt_date *d, char *buf, size_t cap)
{
    if (!d || d->year <= 0 || cap == 0) return 0;
    int n;
    if (d->month == 0)
        n = snprintf(buf, cap, "%04d", d->year);
    else if (d->day == 0)
        n = snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else if (d->hour < 0)
        n = snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
    else if (!d->has_tz)
        n = snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day,
                     d->hour, d->minute, d->second < 0 ? 0 : d->second);
    else {
        int tz = d->tz_minutes < 0 ? -d->tz_minutes : d->tz_minutes;
        n = snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d->year, d->month,
                     d->day, d->hour, d->minute, d->second < 0 ? 0 : d->second,
                     d->tz_minutes < 0 ? '-' : '+', tz / 60, tz % 60);
    }
    if (n < 0 || (size_t)n >= cap) {
        buf[0] = 0;
        return 0;
    }
    return (size_t)n;
}

bool pt_date_other_reading(const pt_date *d, pt_date *out)
{
    if (!d || !d->ambiguous || d->day < 1 || d->day > 12) return false;
    *out = *d;
    out->month = d->day;
    out->day = d->month;
    out->ambiguous = true;
    return valid_ymd(out->year, out->month, out->day);
}

size_t pt_date_normalise_other(const char *s, size_t len, char *buf, size_t cap)
{
    pt_date d, o;
    if (cap) buf[0] = 0;
    if (!s || !pt_date_find(s, len, 0, &d) || !d.year || d.bad_time || !pt_date_other_reading(&d, &o))
        return 0;
    size_t n = pt_date_iso(&o, buf, cap);
    if (!n && cap) buf[0] = 0;
    return n;
}

int pt_date_field_order(const char *s, size_t len)
{
    pt_date d;
    return s && pt_date_find(s, len, 0, &d) ? d.order : 0;
}

size_t pt_date_field_note(const char *what, const char *s, size_t len, char *buf, size_t cap)
{
    if (cap) buf[0] = 0;
    pt_date d;
    char note[200];
    if (!s || !cap || !pt_date_find(s, len, 0, &d) || !pt_date_weekday_note(s, &d, note, sizeof note)) return 0;
    int n;
    if (what) {
        size_t cut = len < 60 ? len : 60;
        while (cut < len && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--; /* whole characters */
        n = snprintf(buf, cap, "%s '%.*s%s': %s", what, (int)cut, s, cut < len ? "..." : "", note);
    } else {
        n = snprintf(buf, cap, "%s", note);
    }
    if (n < 0 || (size_t)n >= cap) {
        buf[0] = 0;
        return 0;
    }
    return (size_t)n;
}

size_t pt_date_weekday_note(const char *s, const pt_date *d, char *buf, size_t cap)
{
    if (cap) buf[0] = 0;
    if (!d || !d->weekday_mismatch || !cap) return 0;
    size_t wn = s ? word_len(s, d->end, d->start) : 0; /* the weekday as printed */
    if (wn > 20) wn = 20;
    char day1[16], day2[16];
    pt_date a = *d, o;
    a.hour = -1; /* the day alone */
    pt_date_iso(&a, day1, sizeof day1);
    int n;
    if (pt_date_other_reading(&a, &o)) {
        pt_date_iso(&o, day2, sizeof day2);
        n = snprintf(buf, cap, "'%.*s' matches neither %s (a %s) nor %s (a %s)", (int)wn, s ? s + d->start : "",
                     day1, pt_weekday_name(pt_weekday_of(a.year, a.month, a.day)), day2,
                     pt_weekday_name(pt_weekday_of(o.year, o.month, o.day)));
    } else {
        n = snprintf(buf, cap, "'%.*s' does not match %s (a %s): the date is kept", (int)wn, s ? s + d->start : "",
                     day1, pt_weekday_name(pt_weekday_of(a.year, a.month, a.day)));
    }
    if (n < 0 || (size_t)n >= cap) {
        buf[0] = 0;
        return 0;
    }
    return (size_t)n;
}
