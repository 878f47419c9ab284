/* Tests for the one date parser (src/text/date.c). */
#include "test.h"
#include "text/date.h"

/* ISO form of the first date found in s, or "" when none. */
static const char *iso_of(const char *s, int default_year)
{
    static char buf[64];
    pt_date d;
    buf[0] = 0;
    if (pt_date_find(s, strlen(s), default_year, &d)) pt_date_iso(&d, buf, sizeof buf);
    return buf;
}

static const char *dateline_iso(const char *s)
{
    static char buf[64];
    pt_date d;
    buf[0] = 0;
    if (pt_date_is_dateline(s, strlen(s), &d)) {
        if (!pt_date_iso(&d, buf, sizeof buf)) strcpy(buf, "(no year)");
    }
    return buf;
}

TEST(english_worded)
{
    CHECK_STR(iso_of("Published: Tue, May 29, 2018", 0), "2018-05-29");
    CHECK_STR(iso_of("May 29, 2018", 0), "2018-05-29");
    CHECK_STR(iso_of("May 29 2018", 0), "2018-05-29");
    CHECK_STR(iso_of("29 May 2018", 0), "2018-05-29");
    CHECK_STR(iso_of("in Moscow, 09 May 2018.", 0), "2018-05-09");
    CHECK_STR(iso_of("on the 9th of May, 2018", 0), "2018-05-09");
    CHECK_STR(iso_of("Sept. 3, 2019", 0), "2019-09-03");
    CHECK_STR(iso_of("Dec 1st 2020", 0), "2020-12-01");
    CHECK_STR(iso_of("Tuesday, June 5, 2018", 0), "2018-06-05");
}

TEST(month_and_year_only)
{
    CHECK_STR(iso_of("MARCH 2021", 0), "2021-03");
    CHECK_STR(iso_of("Updated March 2021", 0), "2021-03");
    CHECK_STR(iso_of("Im Mai 2018 begann es", 0), "2018-05");
}

TEST(no_year_uses_default)
{
    CHECK_STR(iso_of("Reuters reported on July 11.", 2018), "2018-07-11");
    CHECK_STR(iso_of("Reuters reported on July 11.", 0), ""); /* found, but no year */
    pt_date d;
    CHECK(pt_date_find("July 11", 7, 0, &d));
    CHECK(d.year == 0 && d.month == 7 && d.day == 11);
    CHECK_STR(dateline_iso("July 11"), "(no year)");
}

TEST(iso_and_numeric)
{
    CHECK_STR(iso_of("2018-05-29", 0), "2018-05-29");
    CHECK_STR(iso_of("2018-05-29T10:00", 0), "2018-05-29T10:00:00");
    CHECK_STR(iso_of("2018-05-29T10:00:00+02:00", 0), "2018-05-29T10:00:00+02:00");
    CHECK_STR(iso_of("2018-05-29T10:00:00Z", 0), "2018-05-29T10:00:00+00:00");
    CHECK_STR(iso_of("2018-05-29 22:15:07.123-0500", 0), "2018-05-29T22:15:07-05:00");
    CHECK_STR(iso_of("file 20180529 stamp", 0), "2018-05-29");
    CHECK_STR(iso_of("09.05.2018", 0), "2018-05-09");
    CHECK_STR(iso_of("Stand: 9.5.2018, 14:30 Uhr", 0), "2018-05-09T14:30:00");
    CHECK_STR(iso_of("5/29/2018", 0), "2018-05-29");
    CHECK_STR(iso_of("29/05/2018", 0), "2018-05-29");
}

static const char *other_of(const char *s)
{
    static char buf[64];
    pt_date_normalise_other(s, strlen(s), buf, sizeof buf);
    return buf;
}

TEST(ambiguous_numeric_dates)
{
    pt_date d, o;
    /* both parts <= 12 and different: month first, marked, the other reading given */
    CHECK(pt_date_find("11/03/2026", 10, 0, &d) && d.ambiguous && d.month == 11 && d.day == 3);
    CHECK(pt_date_other_reading(&d, &o) && o.month == 3 && o.day == 11 && o.year == 2026);
    CHECK_STR(other_of("10/04/2028 13:00"), "2028-04-10T13:00:00");
    CHECK_STR(other_of("Posted 4/10/2028"), "2028-10-04");
    /* not ambiguous: a part over 12, equal parts, dots (day first), ISO, worded */
    CHECK(pt_date_find("29/05/2018", 10, 0, &d) && !d.ambiguous);
    CHECK(pt_date_find("5/29/2018", 9, 0, &d) && !d.ambiguous);
    CHECK(pt_date_find("04/04/2018", 10, 0, &d) && !d.ambiguous);
    CHECK(pt_date_find("09.05.2018", 10, 0, &d) && !d.ambiguous && d.day == 9 && d.month == 5);
    CHECK(pt_date_find("2018/05/09", 10, 0, &d) && !d.ambiguous);
    CHECK(pt_date_find("May 9, 2018", 11, 0, &d) && !d.ambiguous);
    CHECK(!pt_date_other_reading(&d, &o));
    CHECK_STR(other_of("5/29/2018"), "");
    CHECK_STR(other_of("nothing"), "");
}

/* A weekday printed with a date: it settles "03/04/2024" (Monday March 4 or
 * Wednesday April 3) when one reading falls on it; one that fits no reading,
 * or contradicts a plain date, is marked and the printed date wins. */
TEST(weekday_settles_and_contradicts)
{
    pt_date d;
    char note[160];
    CHECK(pt_weekday_of(2024, 4, 3) == 2 && pt_weekday_of(2024, 3, 4) == 0 && pt_weekday_of(2018, 5, 30) == 2);
    CHECK(pt_weekday_of(2000, 1, 1) == 5 && pt_weekday_of(1900, 3, 1) == 3);
    CHECK_STR(iso_of("Wednesday, 03/04/2024", 0), "2024-04-03");
    CHECK(pt_date_find("Wednesday, 03/04/2024", 21, 0, &d) && !d.ambiguous && d.weekday_settled &&
          !d.weekday_mismatch && d.weekday == 2);
    CHECK_STR(iso_of("Monday, 03/04/2024", 0), "2024-03-04");
    CHECK(pt_date_find("Monday, 03/04/2024", 18, 0, &d) && !d.ambiguous && d.weekday_settled);
    CHECK_STR(other_of("Wed, 03/04/2024"), ""); /* settled: no other reading kept */
    CHECK_STR(other_of("Published: Wed, 03/04/2024 10:15"), "");
    CHECK_STR(dateline_iso("Published: Wed, 03/04/2024"), "2024-04-03");
    CHECK_STR(dateline_iso("Mittwoch, 03/04/2024"), "2024-04-03");
    const char *s = "The hearing on Wednesday, 03/04/2024 was short.";
    CHECK_STR(iso_of(s, 0), "2024-04-03");
    /* a weekday matching neither reading: still ambiguous, and marked */
    s = "Tue, 03/04/2024";
    CHECK(pt_date_find(s, strlen(s), 0, &d) && d.ambiguous && d.weekday_mismatch && d.weekday == 1);
    CHECK(pt_date_weekday_note(s, &d, note, sizeof note) > 0);
    CHECK_STR(note, "'Tue' matches neither 2024-03-04 (a Monday) nor 2024-04-03 (a Wednesday)");
    CHECK_STR(other_of(s), "2024-04-03");
    /* an unambiguous date the weekday contradicts: the date is kept, marked */
    s = "Tuesday, May 30, 2018";
    CHECK(pt_date_find(s, strlen(s), 0, &d) && d.weekday_mismatch && d.day == 30 && d.month == 5);
    CHECK_STR(iso_of(s, 0), "2018-05-30");
    CHECK(pt_date_weekday_note(s, &d, note, sizeof note) > 0);
    CHECK_STR(note, "'Tuesday' does not match 2018-05-30 (a Wednesday): the date is kept");
    CHECK(pt_date_find("Wed, 04/04/2018", 15, 0, &d) && !d.weekday_mismatch); /* equal parts */
    CHECK(pt_date_find("Thu, 04/04/2018", 15, 0, &d) && d.weekday_mismatch);
    CHECK(pt_date_find("Tue, 29 May 2018 10:00:00 GMT", 29, 0, &d) && !d.weekday_mismatch && d.weekday == 1);
    CHECK(pt_date_find("Dienstag, 30. Mai 2018", 23, 0, &d) && d.weekday_mismatch);
    /* no year printed: the default year is not held against the weekday */
    CHECK(pt_date_find("Tuesday, May 30", 15, 2018, &d) && d.year_filled && !d.weekday_mismatch);
    CHECK(pt_date_find("May 30, 2018", 12, 0, &d) && d.weekday == -1 && !d.weekday_mismatch);
    CHECK(pt_date_weekday_note("May 30, 2018", &d, note, sizeof note) == 0 && note[0] == 0);
    CHECK_STR(iso_of("May 3\u20135 in Orlen", 2024), "2024-05-03"); /* an en dash ends the day */
    CHECK_STR(iso_of("from May 3\u2013June 5, 2024", 2024), "2024-05-03");
    /* a too small buffer: nothing written */
    CHECK(pt_date_find("Tuesday, May 30, 2018", 21, 0, &d) && pt_date_weekday_note("Tuesday, May 30, 2018", &d, note, 10) == 0);
}

TEST(rfc822)
{
    CHECK_STR(iso_of("Tue, 29 May 2018 10:00:00 +0000", 0), "2018-05-29T10:00:00+00:00");
    CHECK_STR(iso_of("Tue, 29 May 2018 10:00:00 GMT", 0), "2018-05-29T10:00:00+00:00");
    /* RFC 822 allows the military zone "Z" after a space (feeds write it) */
    CHECK_STR(iso_of("Tue, 3 Mar 2026 14:05:00 Z", 0), "2026-03-03T14:05:00+00:00");
    CHECK_STR(iso_of("Wed, 30 May 2018 08:05 EDT", 0), "2018-05-30T08:05:00-04:00");
}

/* RFC 850 and C asctime, the two obsolete forms RFC 7231 7.1.1.1 still has
 * HTTP recipients read (servers and some feeds write them), and date(1)'s
 * asctime with a zone, which pages print in comments. */
TEST(rfc850_and_asctime)
{
    CHECK_STR(iso_of("Tuesday, 03-Mar-26 14:05:00 GMT", 0), "2026-03-03T14:05:00+00:00");
    CHECK_STR(iso_of("Sunday, 06-Nov-94 08:49:37 GMT", 0), "1994-11-06T08:49:37+00:00");
    CHECK_STR(iso_of("expires=Tue, 03-Mar-2026 14:05:00 GMT", 0), "2026-03-03T14:05:00+00:00");
    CHECK_STR(iso_of("03-Mar-2026", 0), "2026-03-03");
    CHECK_STR(iso_of("Tue Mar  3 14:05:00 2026", 0), "2026-03-03T14:05:00");
    CHECK_STR(iso_of("Sun Nov  6 08:49:37 1994", 0), "1994-11-06T08:49:37");
    CHECK_STR(iso_of("generated Mon Apr 08 17:12:08 CEST 2019 -->", 0), "2019-04-08T17:12:08+02:00");
    /* the year after the time beats the default year of a timeline */
    CHECK_STR(iso_of("Tue Mar  3 14:05:00 2026", 2018), "2026-03-03T14:05:00");
    /* two digits with no time, no seconds before a year, a wrong calendar: no date */
    CHECK_STR(iso_of("03-Mar-26", 0), "");
    CHECK_STR(iso_of("lot 12-Mar-26 sold", 0), "");
    CHECK_STR(iso_of("March 3 at 9:00 1500 troops", 0), "");
    CHECK_STR(iso_of("Tuesday, 31-Feb-26 14:05:00 GMT", 0), "");
    CHECK_STR(iso_of("Tue Feb 31 14:05:00 2026", 0), "");
    CHECK_STR(iso_of("03-Mar-202 14:05:00", 0), "");
    /* RFC 7231's rule for two-digit years: more than 50 years ahead is the
     * century before (years compared) */
    CHECK(pt_date_two_digit_year(26, 2026) == 2026);
    CHECK(pt_date_two_digit_year(76, 2026) == 2076);
    CHECK(pt_date_two_digit_year(77, 2026) == 1977);
    CHECK(pt_date_two_digit_year(94, 2026) == 1994);
    CHECK(pt_date_two_digit_year(0, 2026) == 2000);
    CHECK(pt_date_two_digit_year(49, 2099) == 2149);
    CHECK(pt_date_two_digit_year(50, 2099) == 2050);
    CHECK(pt_date_two_digit_year(99, 2048) == 1999);
    CHECK(pt_date_two_digit_year(99, 2049) == 2099);
}

TEST(times_in_english_style)
{
    CHECK_STR(iso_of("May 29, 2018 at 3:45 pm", 0), "2018-05-29T15:45:00");
    CHECK_STR(iso_of("May 29, 2018 12:05 a.m.", 0), "2018-05-29T00:05:00");
    CHECK_STR(iso_of("Tue 29 May 2018 10.00 BST", 0), "2018-05-29T10:00:00+01:00");
    /* "10.5" after a date is not a time */
    CHECK_STR(iso_of("May 29, 2018 10.5 percent", 0), "2018-05-29");
}

TEST(german)
{
    CHECK_STR(iso_of("29. Mai 2018", 0), "2018-05-29");
    CHECK_STR(iso_of("Veröffentlicht am 3. März 2020", 0), "2020-03-03");
    CHECK_STR(iso_of("3. MÄRZ 2020", 0), "2020-03-03");
    CHECK_STR(iso_of("Dienstag, 29. Mai 2018, 10:00 Uhr", 0), "2018-05-29T10:00:00");
    CHECK_STR(iso_of("1. Okt. 2019", 0), "2019-10-01");
    CHECK_STR(iso_of("14. Jänner 2019", 0), "2019-01-14");
}

TEST(invalid_dates_rejected)
{
    CHECK_STR(iso_of("February 30, 2018", 0), "");
    CHECK_STR(iso_of("30.02.2018", 0), "");
    CHECK_STR(iso_of("2018-02-30", 0), "");
    CHECK_STR(iso_of("2018-13-01", 0), "");
    CHECK_STR(iso_of("31 April 2018", 0), "");
    CHECK_STR(iso_of("Feb 29, 2019", 0), "");
    CHECK_STR(iso_of("Feb 29, 2020", 0), "2020-02-29");
    CHECK_STR(iso_of("2018-05-29T25:00", 0), "2018-05-29"); /* in text the day stands */
}

static const char *norm(const char *s, size_t cap);

/* An impossible time after a date: text keeps the day (a sentence is not
 * wrong for it), a date field is refused whole, as an impossible day is. */
TEST(impossible_times)
{
    pt_date d;
    char t[16];
    const char *s = "2026-03-03T25:00";
    CHECK(pt_date_find(s, strlen(s), 0, &d) && d.bad_time && d.hour < 0 && d.day == 3);
    CHECK(d.bad_start == 11 && d.bad_end == 16);
    CHECK(pt_date_bad_time(s, strlen(s), t, sizeof t) == 5);
    CHECK_STR(t, "25:00");
    CHECK_STR(norm("2026-03-03T25:00", 64), "");
    CHECK_STR(norm("2026-03-03 14:61", 64), "");
    CHECK_STR(norm("2026-03-03T14:05:61", 64), "");
    CHECK_STR(norm("March 3, 2026, 14:61", 64), "");
    CHECK_STR(norm("3 March 2026 at 25:10", 64), "");
    CHECK_STR(norm("Tue, 03 Mar 2026 25:05:00 GMT", 64), "");
    CHECK_STR(norm("March 3, 2026 13:00 am", 64), "");
    CHECK(pt_date_bad_time("March 3, 2026, 14:61", 20, t, sizeof t) == 5);
    CHECK_STR(t, "14:61");
    CHECK_STR(other_of("03/04/2026 14:61"), "");
    /* possible times stay: a leap second, the hour said twice, ISO's 24:00 */
    CHECK_STR(norm("2026-03-03T14:05:60Z", 64), "2026-03-03T14:05:60+00:00");
    CHECK_STR(norm("March 3, 2026 13:00 pm", 64), "2026-03-03T13:00:00");
    CHECK_STR(norm("March 3, 2026 0:30 am", 64), "2026-03-03T00:30:00");
    CHECK_STR(norm("2026-03-03T24:00", 64), "2026-03-04T00:00:00");
    CHECK_STR(norm("2026-02-28T24:00:00Z", 64), "2026-03-01T00:00:00+00:00");
    CHECK_STR(norm("2026-12-31T24:00", 64), "2027-01-01T00:00:00");
    CHECK_STR(norm("2026-03-03T24:01", 64), "");
    CHECK_STR(norm("3. März 2026, 24:00 Uhr", 64), "2026-03-03"); /* not ISO: the day */
    /* numbers that are no clock are not bad times */
    CHECK(pt_date_find("May 29, 2018 10.75 percent", 26, 0, &d) && !d.bad_time);
    CHECK(pt_date_find("2026-03-03", 10, 0, &d) && !d.bad_time);
    CHECK(pt_date_bad_time("2026-03-03T10:00", 16, t, sizeof t) == 0 && !t[0]);
    CHECK(pt_date_bad_time("2026-03-03T25:00", 16, t, 3) == 0); /* too small */
}

TEST(not_dates)
{
    CHECK_STR(iso_of("you may 29 times", 0), "");      /* lower-case verb */
    CHECK_STR(iso_of("The Mayday 2018 call", 0), "");
    CHECK_STR(iso_of("version 1.09.05.2018", 0), "");
    CHECK_STR(iso_of("in 2011 the war began", 0), ""); /* a bare year is no date */
    CHECK_STR(iso_of("call 123456789", 0), "");
    CHECK_STR(iso_of("Do 5 things", 0), "");
    CHECK_STR(iso_of("", 0), "");
}

TEST(span_is_reported)
{
    pt_date d;
    const char *s = "Published: Tue, May 29, 2018 by staff";
    CHECK(pt_date_find(s, strlen(s), 0, &d));
    CHECK(d.start == 11);
    CHECK(d.end == 28);
}

TEST(datelines)
{
    CHECK_STR(dateline_iso("Published: Tue, May 29, 2018"), "2018-05-29");
    CHECK_STR(dateline_iso("MARCH 2021"), "2021-03");
    CHECK_STR(dateline_iso("  Updated 10:32 AM ET, Tue May 29, 2018  "), "2018-05-29");
    CHECK_STR(dateline_iso("Stand: 29.05.2018 10:00 Uhr"), "2018-05-29T10:00:00");
    CHECK_STR(dateline_iso("Veröffentlicht am 29. Mai 2018"), "2018-05-29");
    CHECK_STR(dateline_iso("Published May 1, 2018 | Updated May 2, 2018"), "2018-05-01");
    CHECK_STR(dateline_iso("29.05.2018 · 5 min read"), "2018-05-29");
    /* a sentence with a date is not a dateline */
    CHECK_STR(dateline_iso("Reuters reported on July 11 that talks failed."), "");
    CHECK_STR(dateline_iso("By Jane Doe | May 29, 2018"), "");
    CHECK_STR(dateline_iso("no date here"), "");
}

/* The styles pasted news pages print their date in (the bundled example
 * articles use five of them); a relative stamp is no date. */
TEST(page_date_styles)
{
    CHECK_STR(iso_of("Published: Sat, Sep 14, 2024", 0), "2024-09-14");
    CHECK_STR(iso_of("September 15, 2024 9:12 AM", 0), "2024-09-15T09:12:00");
    CHECK_STR(iso_of("15/09/2024", 0), "2024-09-15");
    CHECK_STR(iso_of("Sun 15 Sep 2024 08.30 BST", 0), "2024-09-15T08:30:00+01:00");
    CHECK_STR(iso_of("Sept. 15, 2024, 7:45 a.m.", 0), "2024-09-15T07:45:00");
    CHECK_STR(iso_of("Sep 14 2024, 06:02 PM EDT", 0), "2024-09-14T18:02:00-04:00");
    CHECK_STR(iso_of("Last updated: 14 Sep 2024 - 10:22", 0), "2024-09-14T10:22:00");
    CHECK_STR(dateline_iso("Posted on 14th September 2024"), "2024-09-14");
    CHECK_STR(iso_of("Updated 2 hours ago", 2024), "");
    CHECK_STR(dateline_iso("Updated 2 hours ago"), "");
    CHECK_STR(iso_of("5 mins ago", 2024), "");
}

/* pt_date_normalise: the one function behind the "date" fields of the
 * article reader (JSONL/files), the HTML metadata and the server's posted
 * articles; it must give what each wrote out itself (pt_date_find with no
 * default year, kept only with a year, then pt_date_iso). */
static const char *norm(const char *s, size_t cap)
{
    static char buf[64];
    memset(buf, 'x', sizeof buf);
    size_t k = pt_date_normalise(s, s ? strlen(s) : 0, buf, cap);
    CHECK(k == strlen(buf));
    return buf;
}

TEST(normalise_each_callers_formats)
{
    /* JSONL "date" fields (story/input.c): ISO with Z, date only, worded */
    CHECK_STR(norm("2024-03-01T10:00:00Z", 64), "2024-03-01T10:00:00+00:00");
    CHECK_STR(norm("2024-03-01", 64), "2024-03-01");
    CHECK_STR(norm("March 1, 2024", 64), "2024-03-01");
    CHECK_STR(norm("2100-01-01", 64), "2100-01-01");
    /* <meta> and JSON-LD dates (html/meta.c): zone, RFC 822, compact, German */
    CHECK_STR(norm("2018-05-29T10:00:00+02:00", 64), "2018-05-29T10:00:00+02:00");
    CHECK_STR(norm("Tue, 29 May 2018 10:00:00 GMT", 64), "2018-05-29T10:00:00+00:00");
    CHECK_STR(norm("20180529", 64), "2018-05-29");
    CHECK_STR(norm("Dienstag, 29. Mai 2018, 10:00 Uhr", 64), "2018-05-29T10:00:00");
    CHECK_STR(norm("Published: MARCH 2021", 64), "2021-03");
    /* posted articles (server/request.c): a date inside other words */
    CHECK_STR(norm("updated on May 29, 2018 by the desk", 64), "2018-05-29");
    /* no date with a year: "" and 0, whatever the caller */
    CHECK_STR(norm("", 64), "");
    CHECK_STR(norm(NULL, 64), "");
    CHECK_STR(norm("July 11", 64), "");
    CHECK_STR(norm("garbage", 64), "");
    CHECK_STR(norm("2024-02-30", 64), "");
    CHECK_STR(norm("2024-13-45", 64), "");
    CHECK_STR(norm("5", 64), "");
    /* a buffer too small for the form: nothing, never a cut date */
    CHECK_STR(norm("2018-05-29T10:00:00+02:00", 10), "");
    CHECK_STR(norm("2018-05-29", 11), "2018-05-29");
}

int main(void)
{
    RUN(normalise_each_callers_formats);
    RUN(english_worded);
    RUN(month_and_year_only);
    RUN(no_year_uses_default);
    RUN(iso_and_numeric);
    RUN(ambiguous_numeric_dates);
    RUN(weekday_settles_and_contradicts);
    RUN(rfc822);
    RUN(rfc850_and_asctime);
    RUN(times_in_english_style);
    RUN(german);
    RUN(invalid_dates_rejected);
    RUN(impossible_times);
    RUN(not_dates);
    RUN(span_is_reported);
    RUN(datelines);
    RUN(page_date_styles);
    return test_done();
}
