/* date.h — the one date parser of precis (DESIGN.md: one date parser, used
 * everywhere: clean, html metadata, story timelines).
 *
 * Recognises the formats news pages print, e.g. "Published: Tue, May 29, 2018",
 * "May 29, 2018", "29 May 2018", "09.05.2018", "MARCH 2021", "July 11",
 * "2018-05-29T10:00:00+02:00", "20180529", "5/29/2018" (US order unless the
 * first number is > 12; "11/03/2026" is marked ambiguous), RFC 822 dates,
 * RFC 850 dates ("Tuesday, 03-Mar-26 14:05:00 GMT"), C asctime dates
 * ("Tue Mar  3 14:05:00 2026"), German month and weekday names
 * ("Dienstag, 29. Mai 2018, 10:00 Uhr"), with an optional time and zone.
 * Dates that do not exist (Feb 30, 31 April) are rejected. Month names count
 * only when capitalised ("may" is a verb). A bare year ("in 2011") is never a
 * date, nor are relative dates ("yesterday"). Input need not be NUL-terminated
 * nor valid UTF-8. */
#ifndef PRECIS_TEXT_DATE_H
#define PRECIS_TEXT_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pt_date {
    int year;   /* 0 when unknown (e.g. "July 11" with no year context) */
    int month;  /* 1..12 */
    int day;    /* 1..31, 0 when unknown ("MARCH 2021") */
    int hour, minute, second; /* -1 when no time was given */
    int tz_minutes;           /* offset from UTC; valid when has_tz */
    bool has_tz;
    bool ambiguous;           /* numeric d/m/yyyy with both parts <= 12 and different
                                 ("11/03/2026"): read month first, the other reading
                                 is pt_date_other_reading's */
    bool bad_time;            /* a clock-shaped time after the date is impossible
                                 ("T25:00", "14:61", "13:00 am"): the date is given
                                 without it, but pt_date_normalise refuses it */
    size_t bad_start, bad_end; /* that time's span (bad_time only) */
    int weekday;              /* the weekday printed before the date ("Wed, 03/04/2024"):
                                 0 Monday .. 6 Sunday; -1 when none was printed */
    bool weekday_settled;     /* that weekday chose one reading of an otherwise ambiguous
                                 date: "Wednesday, 03/04/2024" is 2024-04-03 (not ambiguous) */
    bool weekday_mismatch;    /* the weekday is not the date's: "Tuesday, May 30, 2018" (a
                                 Wednesday), or neither reading's of an ambiguous one (still
                                 ambiguous). The date stands: the printed date wins over
                                 the printed weekday; callers report it (pt_date_weekday_note) */
    signed char order;        /* how a d/m/yyyy date was printed: +1 day first ("29/05/2018",
                                 or "Wed, 03/04/2024" read by its weekday), -1 month first
                                 ("5/29/2018"), 0 not shown (ambiguous, equal parts, other
                                 forms): a site's evidence for its ambiguous dates */
    bool year_filled;         /* the year is default_year's, not printed: the weekday is
                                 not checked against it */
    size_t start, end;        /* byte span of the match inside the input */
} pt_date;

/* Finds the first date expression in s[0..len). default_year fills a missing
 * year (pass 0 to leave it unknown). Returns true on a match. */
bool pt_date_find(const char *s, size_t len, int default_year, pt_date *out);

/* True when the whole of s (ignoring surrounding spaces and a label such as
 * "Published:", "Updated", "Stand:") is one date expression: a dateline. */
bool pt_date_is_dateline(const char *s, size_t len, pt_date *out);

/* The year of a two-digit year yy (0..99) read in now_year, by RFC 7231
 * 7.1.1.1's rule for HTTP's RFC 850 dates: a year more than 50 years ahead is
 * the most recent past year with those digits; so the one year in
 * (now_year - 50, now_year + 50] (in 2026: "26" is 2026, "76" 2076, "77"
 * 1977). Years, not instants, are compared. The parser passes the current
 * year (UTC clock), so the reading of "77" moves with the calendar. */
int pt_date_two_digit_year(int yy, int now_year);

/* Days in month m (1..12) of year y; y == 0 (year unknown) allows Feb 29. */
int pt_days_in_month(int y, int m);

/* Formats as ISO 8601: "2018-05-29", "2018-05", or with time
 * "2018-05-29T10:00:00" (no zone given) / "2018-05-29T10:00:00+02:00". Returns the length written (< cap), 0 if the
 * date has no year. */
size_t pt_date_iso(const pt_date *d, char *buf, size_t cap);

/* A date field given as text (a JSONL "date", a page's <meta> date, a posted
 * article's "date") in its one written form: the first date of s[0..len) as
 * pt_date_iso writes it. Returns its length, or 0 with buf "" when s holds no
 * date with a year, when its time is impossible ("2026-03-03T25:00": which
 * part is wrong is unknown, so the value is refused whole, as "2026-02-30"
 * is), or when cap is too small. s may be NULL when len is 0. ISO 8601's
 * "T24:00" is 00:00 of the next day. */
size_t pt_date_normalise(const char *s, size_t len, char *buf, size_t cap);

/* The impossible time that makes pt_date_normalise refuse s ("25:00" of
 * "2026-03-03T25:00"), as written, into buf: its length, 0 with buf "" when
 * s's first date has no such time (or cap is too small). For messages. */
size_t pt_date_bad_time(const char *s, size_t len, char *buf, size_t cap);

/* The weekday of a calendar day: 0 Monday .. 6 Sunday (proleptic Gregorian). */
int pt_weekday_of(int y, int m, int d);

/* The English name of weekday wd (0 Monday .. 6 Sunday), "" when out of range. */
const char *pt_weekday_name(int wd);

/* What a weekday printed with a date says against it, for a message: e.g.
 * "'Tuesday' does not match 2018-05-30 (a Wednesday): the date is kept" or
 * "'Tue' matches neither 2024-03-04 (a Monday) nor 2024-04-03 (a Wednesday)"
 * for d (found in s, d->weekday_mismatch set). Returns the length written
 * (< cap), 0 with buf "" when d has no mismatch. */
size_t pt_date_weekday_note(const char *s, const pt_date *d, char *buf, size_t cap);

/* pt_date_weekday_note of the first date of a date field s[0..len) ("Tue,
 * 03/04/2024"), prefixed "what 'FIELD': " (what may be NULL: no prefix; the
 * field is cut to 60 bytes). 0 with buf "" when its weekday says nothing
 * against it. */
size_t pt_date_field_note(const char *what, const char *s, size_t len, char *buf, size_t cap);

/* The order (pt_date.order) of the first date of a date field s[0..len). */
int pt_date_field_order(const char *s, size_t len);

/* The day-first reading of an ambiguous numeric date (d->ambiguous): day and
 * month swapped. False when d is not ambiguous. */
bool pt_date_other_reading(const pt_date *d, pt_date *out);

/* pt_date_normalise of the other reading of s's first date when that date is
 * ambiguous ("11/03/2026" -> "2026-03-11"); 0 with buf "" otherwise. */
size_t pt_date_normalise_other(const char *s, size_t len, char *buf, size_t cap);

#endif
