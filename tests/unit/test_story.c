/* Unit tests for src/story: calendar arithmetic and time references in sentences. */
#include "story/story.h"
#include "test.h"

static const char *when_iso(const char *sentence, const pt_date *pub, size_t index)
{
    static char buf[64];
    ps_when w[8];
    size_t n = ps_find_when(sentence, strlen(sentence), pub, w, 8);
    if (index >= n) return "(none)";
    ps_when_iso(&w[index], buf, sizeof buf);
    return buf;
}

static size_t when_count(const char *sentence, const pt_date *pub)
{
    ps_when w[8];
    return ps_find_when(sentence, strlen(sentence), pub, w, 8);
}

/* Tuesday, May 29, 2018 */
static const pt_date PUB = {.year = 2018, .month = 5, .day = 29, .hour = -1};

TEST(calendar_round_trip)
{
    CHECK(ps_days_from_civil(1970, 1, 1) == 0);
    CHECK(ps_weekday(ps_days_from_civil(2018, 5, 29)) == 1); /* Tuesday */
    CHECK(ps_weekday(ps_days_from_civil(2000, 2, 29)) == 1);
    for (int64_t d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        ps_civil_from_days(d, &y, &m, &dd);
        CHECK(ps_days_from_civil(y, m, dd) == d);
    }
}

TEST(weekdays_resolve_against_publication)
{
    CHECK_STR(when_iso("The official said on Tuesday that talks would go ahead.", &PUB, 0),
              "2018-05-29");
    CHECK_STR(when_iso("Protesters gathered on Sunday outside the embassy.", &PUB, 0), "2018-05-27");
    CHECK_STR(when_iso("Police said the suspect was arrested Wednesday.", &PUB, 0), "2018-05-23");
    CHECK_STR(when_iso("The ministers will meet on Friday in Geneva.", &PUB, 0), "2018-06-01");
    CHECK_STR(when_iso("Die Minister trafen sich am Montag in Berlin.", &PUB, 0), "2018-05-28");
}

TEST(relative_words_and_periods)
{
    CHECK_STR(when_iso("The vote was held yesterday.", &PUB, 0), "2018-05-28");
    CHECK_STR(when_iso("Shares fell sharply last week.", &PUB, 0), "2018-05-21/2018-05-27");
    CHECK_STR(when_iso("Prices rose last month across the region.", &PUB, 0), "2018-04");
    CHECK_STR(when_iso("The company was founded in 2011 by two engineers.", &PUB, 0), "2011");
    CHECK_STR(when_iso("The summit planned for next month was delayed.", &PUB, 0), "2018-06");
}

TEST(absolute_dates_and_missing_years)
{
    CHECK_STR(when_iso("The ceasefire began on July 11 and collapsed.", &PUB, 0), "2017-07-11");
    CHECK_STR(when_iso("The ceasefire began on May 2 and held.", &PUB, 0), "2018-05-02");
    CHECK_STR(when_iso("It was signed on 9 March 2016 in Vienna.", &PUB, 0), "2016-03-09");
    /* Both references, in text order. */
    CHECK(when_count("Talks began on May 2 and resumed on Monday.", &PUB) == 2);
    CHECK_STR(when_iso("Talks began on May 2 and resumed on Monday.", &PUB, 1), "2018-05-28");
}

TEST(no_publication_date_skips_relative_references)
{
    CHECK(when_count("The vote was held on Tuesday.", NULL) == 0);
    CHECK_STR(when_iso("It was signed on 9 March 2016 in Vienna.", NULL, 0), "2016-03-09");
}

TEST(numbers_and_lowercase_names_are_not_dates)
{
    CHECK(when_count("The army sent 2018 troops and 300 tanks.", &PUB) == 0);
    CHECK(when_count("He may resign, a sunday paper said.", &PUB) == 0);
    CHECK(when_count("Revenue was 2,017 million in total.", &PUB) == 0);
}

int main(void)
{
    RUN(calendar_round_trip);
    RUN(weekdays_resolve_against_publication);
    RUN(relative_words_and_periods);
    RUN(absolute_dates_and_missing_years);
    RUN(no_publication_date_skips_relative_references);
    RUN(numbers_and_lowercase_names_are_not_dates);
    return test_done();
}
