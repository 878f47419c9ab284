/* story.h — per-story analysis: timelines (dated events, relative dates
 * resolved against each article's publication date) and key entities.
 * Built on the text layer's sentence spans and the one date parser. */
#ifndef PRECIS_STORY_H
#define PRECIS_STORY_H

#include "core/core.h"
#include "text/date.h"

/* ---- calendar arithmetic --------------------------------------------------- */
/* Days since 1970-01-01 for a valid y-m-d, and back. */
int64_t ps_days_from_civil(int y, int m, int d);
void ps_civil_from_days(int64_t days, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday. */
int ps_weekday(int64_t days);

/* ---- when: one resolved time reference in a sentence ---------------------- */
typedef enum ps_precision { PS_DAY, PS_WEEK, PS_MONTH, PS_YEAR } ps_precision;

typedef struct ps_when {
    int64_t first_day, last_day; /* inclusive range in days since epoch */
    ps_precision precision;
    bool relative;               /* resolved from "Tuesday", "last week", ... */
    size_t start, end;           /* byte span of the expression in the sentence */
} ps_when;

/* Finds the time references in sentence s[0..n): absolute dates (through the
 * date parser; a missing year is taken from the publication date, moved back a
 * year when that would put the date more than a week after publication),
 * weekdays ("on Tuesday": the latest such day on or before publication, or the
 * next one when the sentence speaks of the future), "yesterday", "today",
 * "tomorrow", "last/this/next week|month|year", "in 2017" — English and
 * German. pub may be NULL or have no year: relative references are then
 * skipped (and a bare "July 11" too). Writes at most cap results in text
 * order; returns how many. */
size_t ps_find_when(const char *s, size_t n, const pt_date *pub, ps_when *out, size_t cap);

/* ISO 8601 form of a when: "2018-05-29", "2018-05", "2018", or a range
 * "2018-05-21/2018-05-27" for a week. Returns the length (< cap). */
size_t ps_when_iso(const ps_when *w, char *buf, size_t cap);

#endif
