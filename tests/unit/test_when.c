/* Unit tests for src/story/when.c: the tense that picks a weekday's week, and
 * the relative-date forms a wire editor expects resolved (or left alone). */
#include "story/story.h"
#include "test.h"
#include "when_check.h"

/* Tuesday, May 29, 2018 (the seeds' day) and Thursday, May 31, 2018: on a
 * Tuesday a past and a future "Tuesday" are the same day, so the tense tests
 * use the Thursday. */
static const pt_date TUE = {.year = 2018, .month = 5, .day = 29, .hour = -1};
static const pt_date THU = {.year = 2018, .month = 5, .day = 31, .hour = -1};
static const pt_date FEB = {.year = 2018, .month = 2, .day = 10, .hour = -1};

TEST(tense_from_the_governing_verb)
{
    /* a future verb of another clause before, an infinitive after: past */
    CHECK_STR(when_iso("Some 2,700 people will lose their jobs after Halden Motors decided on "
                     "Tuesday to close the works.", &THU, 0),
              "2018-05-29");
    CHECK_STR(when_iso("The union will march on Friday after it struck on Monday.", &THU, 0),
              "2018-06-01");
    CHECK_STR(when_iso("The union will march on Friday after it struck on Monday.", &THU, 1),
              "2018-05-28");
    CHECK_STR(when_iso("The board announced on Tuesday it would sell the unit.", &THU, 0), "2018-05-29");
    CHECK_STR(when_iso("Talks were on Tuesday said to be close.", &THU, 0), "2018-05-29");
    CHECK_STR(when_iso("The firm had on Tuesday denied the report.", &THU, 0), "2018-05-29");
    CHECK_STR(when_iso("Ministers met on Tuesday to plan the next round.", &THU, 0), "2018-05-29");
    /* future cues governing the phrase */
    CHECK_STR(when_iso("The ministers plan to meet on Friday.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("The minister is to visit the site on Monday.", &THU, 0), "2018-06-04");
    CHECK_STR(when_iso("The ship is due to dock on Monday.", &THU, 0), "2018-06-04");
    CHECK_STR(when_iso("The council would vote on Monday, she said.", &THU, 0), "2018-06-04");
    /* an infinitive before the phrase: ahead after a commitment, else the verb before */
    CHECK_STR(when_iso("Unions vowed to strike on Friday.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("He tried to flee on Monday.", &THU, 0), "2018-05-28");
    CHECK_STR(when_iso("He talked to reporters on Monday.", &THU, 0), "2018-05-28");
    CHECK_STR(when_iso("The union won't strike on Friday.", &THU, 0), "2018-06-01");
    /* a new clause after "and" is not governed by its verb */
    CHECK_STR(when_iso("The union will appeal and the court ruled on Monday.", &THU, 0), "2018-05-28");
    /* the phrase first: the verb after it decides */
    CHECK_STR(when_iso("On Friday, the council will vote on the plan.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("On Monday, the council voted to close it.", &THU, 0), "2018-05-28");
    /* "to" before a name or an article is no infinitive */
    CHECK_STR(when_iso("His last trip was to Britain in May.", &FEB, 0), "2017-05");
    CHECK_STR(when_iso("The vote is set for mid-November.", &FEB, 0), "2018-11");
    /* a quoted sentence's end is a break: its verbs govern nothing after it */
    CHECK_STR(when_iso("\"I should go home.\" At the house on Sunday, visitors were served juice.",
                     &THU, 0),
              "2018-05-27");
    /* after the phrase only a modal says future, not a plan word */
    CHECK_STR(when_iso("From the pad on Friday, a year later than planned, the rocket rose.", &THU, 0),
              "2018-05-25");
    CHECK_STR(when_iso("On Tuesday the premier and his aides will fly to Orvia.", &THU, 0), "2018-06-05");
    /* until: future unless a past verb governs it */
    CHECK_STR(when_iso("The strike lasted until Sunday.", &THU, 0), "2018-05-27");
    CHECK_STR(when_iso("The road stays closed until Friday.", &THU, 0), "2018-06-01");
}

TEST(german_tense_and_months)
{
    CHECK_STR(when_iso("Die Minister werden sich am Freitag treffen.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("Der Rat hat am Dienstag beschlossen, das Werk zu schlie\xc3\x9f" "en.", &THU, 0),
              "2018-05-29");
    CHECK_STR(when_iso("Das Werk schloss im M\xc3\xa4rz.", &FEB, 0), "2017-03");
    CHECK_STR(when_iso("Das Werk soll im M\xc3\xa4rz \xc3\xb6" "ffnen.", &FEB, 0), "2018-03");
}

TEST(last_this_next_weekday)
{
    /* in a Tuesday paper "last Tuesday" is a week back, "next Tuesday" a week on */
    CHECK_STR(when_iso("The vote was held last Tuesday.", &TUE, 0), "2018-05-22");
    CHECK_STR(when_iso("The vote will be held next Tuesday.", &TUE, 0), "2018-06-05");
    CHECK_STR(when_iso("The plant closed last Friday.", &THU, 0), "2018-05-25");
    CHECK_STR(when_iso("Talks resume next Friday.", &THU, 0), "2018-06-01");
}

TEST(weekday_forms)
{
    CHECK_STR(when_iso("Fire crews were called out late on Tuesday night.", &THU, 0), "2018-05-29");
    CHECK_STR(when_iso("Shares fell after Tuesday's vote.", &THU, 0), "2018-05-29");
    CHECK_STR(when_iso("Traders were nervous ahead of Friday's vote.", &THU, 0), "2018-06-01");
    /* a possessive day as a verb's object: the event is past whatever the verb */
    CHECK_STR(when_iso("Israel should not use Friday's bombing as an excuse.", &THU, 0), "2018-05-25");
    CHECK_STR(when_iso("The final text will be approved at Sunday's summit.", &THU, 0), "2018-06-03");
    /* ... unless the verb forestalls it: what was called off had not happened */
    CHECK_STR(when_iso("The union called off Friday's strike after a deal.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("The council postponed Monday's vote.", &THU, 0), "2018-06-04");
    CHECK_STR(when_iso("Police called Friday's attack an act of terror.", &THU, 0), "2018-05-25");
    /* a possessive opening its clause takes that clause's verb */
    CHECK_STR(when_iso("The club said Saturday's home game would not go ahead.", &THU, 0), "2018-06-02");
    CHECK_STR(when_iso("The club said Saturday's home game ended in a draw.", &THU, 0), "2018-05-26");
    /* a day whose event the verb forestalls is ahead */
    CHECK_STR(when_iso("The home match on Saturday has been postponed after the flood.", &THU, 0), "2018-06-02");
    CHECK_STR(when_iso("Deals will reach $140 billion, off from April's peak.", &FEB, 0), "2017-04");
    /* curly apostrophes and quotes part words as straight ones do */
    CHECK_STR(when_iso("Shares fell after Tuesday\xe2\x80\x99s vote.", &THU, 0), "2018-05-29");
    CHECK_STR(when_iso("Traders were nervous ahead of Friday\xe2\x80\x99s vote.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("The union won\xe2\x80\x99t strike on Friday.", &THU, 0), "2018-06-01");
    CHECK_STR(when_iso("He named \xe2\x80\x9cMonday\xe2\x80\x9d as the day it began.", &THU, 0), "2018-05-28");
    /* the seeds' cases stay */
    CHECK_STR(when_iso("Lavrov told a news conference on Monday.", &TUE, 0), "2018-05-28");
    CHECK_STR(when_iso("Bolton will meet his counterpart in Washington on Tuesday.", &TUE, 0),
              "2018-05-29");
}

TEST(periods_this_earlier_late)
{
    CHECK_STR(when_iso("Prices rose this week.", &TUE, 0), "2018-05-28/2018-06-03");
    CHECK_STR(when_iso("The plan was announced earlier this month.", &TUE, 0), "2018-05");
    CHECK_STR(when_iso("The mine closed late last year.", &TUE, 0), "2017");
    CHECK_STR(when_iso("The talks broke down the day before yesterday.", &TUE, 0), "2018-05-27");
    CHECK_STR(when_iso("The talks resume the day after tomorrow.", &TUE, 0), "2018-05-31");
    CHECK_STR(when_iso("Die Gespr\xc3\xa4" "che scheiterten vorgestern.", &TUE, 0), "2018-05-27");
}

TEST(ago_counts_back_from_publication)
{
    CHECK_STR(when_iso("The ship sank a week ago.", &TUE, 0), "2018-05-22");
    CHECK_STR(when_iso("He resigned two days ago.", &TUE, 0), "2018-05-27");
    CHECK_STR(when_iso("The talks began 3 days ago.", &TUE, 0), "2018-05-26");
    CHECK_STR(when_iso("The dispute began three weeks ago.", &TUE, 0), "2018-05-07/2018-05-13");
    CHECK_STR(when_iso("It opened six months ago.", &TUE, 0), "2017-11");
    CHECK_STR(when_iso("The law was passed a year ago.", &TUE, 0), "2017");
    CHECK_STR(when_iso("A sister ship lost power a fortnight ago.", &TUE, 0), "2018-05-15");
    CHECK_STR(when_iso("The strike began two fortnights ago.", &TUE, 0), "2018-04-30/2018-05-06");
}

/* "by the end of March" is March */
TEST(the_end_of_a_month)
{
    CHECK_STR(when_iso("He said he would report by the end of March.", &THU, 0), "2019-03");
    CHECK_STR(when_iso("The firm will pay at the end of January.", &THU, 0), "2019-01");
    CHECK_STR(when_iso("The plant closed at the start of May.", &THU, 0), "2018-05");
}

/* "overnight" the adverb is the night before publication; the adjective and
 * a stay's length are no date */
TEST(overnight_is_the_night_before)
{
    CHECK_STR(when_iso("The ship was refloated overnight and towed to port.", &TUE, 0), "2018-05-28");
    CHECK_STR(when_iso("Cases rose to 58 overnight, the ministry said.", &TUE, 0), "2018-05-28");
    CHECK(when_count("He took an overnight ferry to the island.", &TUE) == 0);
    CHECK(when_count("Three patients were kept overnight.", &TUE) == 0);
    CHECK(when_count("Overnight stays cost extra at the hostel.", &TUE) == 0);
    /* months counted back across years */
    CHECK_STR(when_iso("It opened three months ago.", &FEB, 0), "2017-11");
    CHECK_STR(when_iso("It opened 14 months ago.", &FEB, 0), "2016-12");
    CHECK_STR(when_iso("It opened two months ago.", &FEB, 0), "2017-12");
    /* "long ago", "years ago": no count, nothing resolved */
    CHECK(when_count("That was long ago.", &TUE) == 0);
    CHECK(when_count("It happened years ago.", &TUE) == 0);
}

TEST(relative_to_another_event_is_left_alone)
{
    CHECK(when_count("Two days later, the strike ended.", &TUE) == 0);
    CHECK(when_count("The ship sank the next day.", &TUE) == 0);
    CHECK(when_count("A week after the vote, he resigned.", &TUE) == 0);
    CHECK(when_count("The day before, police had been warned.", &TUE) == 0);
}

/* Found wanting on the tuning half of bench/entities.sh (invented sentences). */
TEST(passive_future_weekend_and_period_ends)
{
    /* "will be held": the participle after "be" is no past */
    CHECK_STR(when_iso("The leadership contest will be held on April 18, the party said.", &FEB, 0),
              "2018-04-18");
    CHECK_STR(when_iso("The final will be played on Sunday.", &THU, 0), "2018-06-03");
    CHECK_STR(when_iso("The match had been played on Sunday.", &THU, 0), "2018-05-27");
    /* weekends: Saturday and Sunday of the publication's week, or one away */
    CHECK_STR(when_iso("Crowds gathered last weekend.", &THU, 0), "2018-05-26/2018-05-27");
    CHECK_STR(when_iso("The fair opens this weekend.", &THU, 0), "2018-06-02/2018-06-03");
    CHECK_STR(when_iso("Voters go to the polls next weekend.", &THU, 0), "2018-06-09/2018-06-10");
    /* the end (or start) of the month or year: the current one */
    CHECK_STR(when_iso("A successor will be named by the end of the month.", &THU, 0), "2018-05");
    CHECK_STR(when_iso("The plant shuts at the end of the year.", &THU, 0), "2018");
    CHECK_STR(when_iso("Prices fell at the start of the month.", &THU, 0), "2018-05");
    CHECK_STR(when_iso("The deal was agreed earlier this year.", &THU, 0), "2018");
    /* a day counted from another day of the same sentence */
    CHECK_STR(when_iso("The ferry sank on Tuesday after the crew had been warned the previous day.", &THU, 1),
              "2018-05-28");
    CHECK_STR(when_iso("The ferry sank on Tuesday and was towed to port the next day.", &THU, 1),
              "2018-05-30");
    CHECK(when_count("Rescuers had been warned the previous day.", &THU) == 0);
    CHECK(when_count("It sank on Tuesday, the day before the vote.", &THU) == 1);
    CHECK_STR(when_iso("It sank on Tuesday; the crew had been warned the day before.", &THU, 1), "2018-05-28");
}

/* Tuesday, March 3, 2026. */
static const pt_date TUE26 = {.year = 2026, .month = 3, .day = 3, .hour = -1};

TEST(plan_nouns_reported_future_present_schedules)
{
    /* a plan, an aim, a cause ("due to") as nouns are no future cues */
    CHECK_STR(when_iso("The council approved the harbour plan on Monday.", &TUE26, 0), "2026-03-02");
    CHECK_STR(when_iso("The club unveiled its stadium plans on Monday.", &TUE26, 0), "2026-03-02");
    CHECK_STR(when_iso("The match was called off due to heavy rain on Sunday.", &TUE26, 0), "2026-03-01");
    /* the verbs still are */
    CHECK_STR(when_iso("The council plans to vote on Friday.", &TUE26, 0), "2026-03-06");
    CHECK_STR(when_iso("The plan will be put to a vote on Friday.", &TUE26, 0), "2026-03-06");
    CHECK_STR(when_iso("The ferry is due on Friday.", &TUE26, 0), "2026-03-06");
    /* reported future: "would stay shut until Friday" */
    CHECK_STR(when_iso("Engineers said the bridge would stay shut until Friday.", &TUE26, 0), "2026-03-06");
    CHECK_STR(when_iso("The road remains shut until Friday.", &TUE26, 0), "2026-03-06");
    CHECK_STR(when_iso("The road was shut until Friday.", &TUE26, 0), "2026-02-27");
    /* present schedules: the coming day */
    CHECK_STR(when_iso("The trial continues on Wednesday.", &TUE26, 0), "2026-03-04");
    CHECK_STR(when_iso("Athletic host Rovers on Saturday.", &TUE26, 0), "2026-03-07");
    CHECK_STR(when_iso("The exhibition opens on Friday in the old mill.", &TUE26, 0), "2026-03-06");
    /* not: report verbs, nouns, infinitives after a past verb */
    CHECK_STR(when_iso("The mayor says the fire started on Sunday.", &TUE26, 0), "2026-03-01");
    CHECK_STR(when_iso("After his visit on Monday the minister flew home.", &TUE26, 0), "2026-03-02");
    CHECK_STR(when_iso("She went to visit her mother on Monday.", &TUE26, 0), "2026-03-02");
}

TEST(month_without_year)
{
    /* the nearest such month not after publication, or the next one when future */
    CHECK_STR(when_iso("The factory closed in April.", &TUE, 0), "2018-04");
    CHECK_STR(when_iso("The factory closed in April.", &FEB, 0), "2017-04");
    CHECK_STR(when_iso("The factory will reopen in April.", &FEB, 0), "2018-04");
    CHECK_STR(when_iso("Work began in early December.", &FEB, 0), "2017-12");
    CHECK_STR(when_iso("The strike began in May.", &TUE, 0), "2018-05");
    /* a name, not a month */
    CHECK(when_count("April Lane said the plan failed.", &TUE) == 0);
    CHECK(when_count("The vote may be held, she said.", &TUE) == 0);
}

TEST(day_and_month_forms)
{
    CHECK_STR(when_iso("The fire started on March 3.", &TUE, 0), "2018-03-03");
    CHECK_STR(when_iso("The fire started on 3 March.", &TUE, 0), "2018-03-03");
    CHECK_STR(when_iso("The fire started on Mar. 3.", &TUE, 0), "2018-03-03");
    CHECK_STR(when_iso("The fire started on 2018-03-03, officials said.", &TUE, 0), "2018-03-03");
    /* a missing year after publication goes back a year, unless the verb is future */
    CHECK_STR(when_iso("The fire started on July 11.", &TUE, 0), "2017-07-11");
    CHECK_STR(when_iso("The trial will open on July 11.", &TUE, 0), "2018-07-11");
    CHECK_STR(when_iso("The trial is due to open on July 11.", &TUE, 0), "2018-07-11");
    /* and one well before publication goes ahead a year when the verb is future */
    CHECK_STR(when_iso("The site will reopen on January 12.", &TUE, 0), "2019-01-12");
    CHECK_STR(when_iso("The site reopened on January 12.", &TUE, 0), "2018-01-12");
    CHECK_STR(when_iso("The site will reopen on May 25.", &TUE, 0), "2018-05-25");
    CHECK_STR(when_iso("The budget was due on May 1.", &TUE, 0), "2018-05-01");
}

/* Weekdays printed with dates, numeric dates read both ways, ranges and
 * ordinal days (2026-12-02, helper dates). MON is Monday, Dec. 30, 2024;
 * JAN2 Thursday, Jan. 2, 2025. */
static const pt_date MON = {.year = 2024, .month = 12, .day = 30, .hour = -1};
static const pt_date JAN2 = {.year = 2025, .month = 1, .day = 2, .hour = -1};
static const pt_date APR5 = {.year = 2024, .month = 4, .day = 5, .hour = -1};
static const pt_date MAR20 = {.year = 2024, .month = 3, .day = 20, .hour = -1};
static const pt_date WED4_ = {.year = 2024, .month = 12, .day = 4, .hour = -1};

static bool when_mismatch(const char *sentence, const pt_date *pub, size_t index)
{
    pst_when w[8];
    size_t n = pst_find_when(sentence, strlen(sentence), pub, w, 8);
    return index < n && w[index].weekday_mismatch;
}

TEST(weekday_with_date_ranges_ordinals)
{
    /* the weekday settles 03/04/2024 in running text */
    CHECK_STR(when_iso("The vote was held on Wednesday, 03/04/2024.", &APR5, 0), "2024-04-03");
    CHECK_STR(when_iso("The vote was held on Monday, 03/04/2024.", &APR5, 0), "2024-03-04");
    CHECK(!when_mismatch("The vote was held on Monday, 03/04/2024.", &APR5, 0));
    CHECK(when_mismatch("The vote was held on Tuesday, 03/04/2024.", &APR5, 0));
    /* a plain date the weekday contradicts: the date is kept, marked */
    CHECK_STR(when_iso("The storm hit on Tuesday, May 30, 2018.", &THU, 0), "2018-05-30");
    CHECK(when_mismatch("The storm hit on Tuesday, May 30, 2018.", &THU, 0));
    CHECK(!when_mismatch("The storm hit on Wednesday, May 30, 2018.", &THU, 0));
    /* no weekday: the reading near publication, a past verb's not after it */
    CHECK_STR(when_iso("The count was held on 03/04/2024.", &APR5, 0), "2024-04-03");
    CHECK_STR(when_iso("The count was held on 03/04/2024.", &MAR20, 0), "2024-03-04");
    CHECK_STR(when_iso("The count was held on 11/03/2024.", &MON, 0), "2024-11-03"); /* far both: month first */
    /* a yearless date with a weekday: the year around publication it fits */
    CHECK_STR(when_iso("The talks ended on Tuesday, Dec. 31 without a deal.", &JAN2, 0), "2024-12-31");
    CHECK(!when_mismatch("The talks ended on Tuesday, Dec. 31 without a deal.", &JAN2, 0));
    CHECK_STR(when_iso("The bridge will open on Friday, Jan. 3.", &MON, 0), "2025-01-03");
    CHECK(when_mismatch("Officials said on Monday, Dec. 29 that the road was shut.", &MON, 0));
    CHECK_STR(when_iso("The talks ended on Dec. 30 without a deal.", &JAN2, 0), "2024-12-30");
    /* ranges of days */
    CHECK_STR(when_iso("The festival ran from May 3 to May 5.", &THU, 0), "2018-05-03/2018-05-05");
    CHECK_STR(when_iso("The fair runs from Dec. 27 through Jan. 4.", &MON, 0), "2024-12-27/2025-01-04");
    CHECK_STR(when_iso("The fair ran between March 3 and March 9.", &APR5, 0), "2024-03-03/2024-03-09");
    CHECK_STR(when_iso("Fighting raged from Monday to Wednesday.", &MON, 0), "2024-12-23/2024-12-25");
    CHECK_STR(when_iso("Talks will run from Monday to Wednesday.", &MON, 0), "2024-12-30/2025-01-01");
    CHECK(when_count("The ship sank on Tuesday and was raised on Friday.", &MON) == 2);
    CHECK_STR(when_iso("The ship sank on Tuesday and was raised on Friday.", &MON, 1), "2024-12-27");
    /* "on the 4th": the day of this month or the one before (after, when future) */
    CHECK_STR(when_iso("The ferry sailed on the 28th.", &MON, 0), "2024-12-28");
    CHECK_STR(when_iso("The ferry sailed on the 2nd.", &MON, 0), "2024-12-02");
    CHECK_STR(when_iso("It will sail again on the 3rd.", &MON, 0), "2025-01-03");
    CHECK_STR(when_iso("The ferry sailed on the 31st, officials said.", &JAN2, 0), "2024-12-31");
    CHECK(when_count("The lift is on the 4th floor.", &MON) == 0);
    CHECK_STR(when_iso("The ferry sailed on the 31st.", &WED4_, 0), "2024-10-31"); /* November has 30 */
    CHECK_STR(when_iso("The ferry sailed on the 4th.", &WED4_, 0), "2024-12-04");
    CHECK(when_count("The trial runs from May 5 to May 3.", &MON) == 2); /* no range backwards */
    CHECK_STR(when_iso("Die Messe lief vom 3. Mai bis 5. Mai.", &WED4_, 0), "2024-05-03/2024-05-05");
    CHECK_STR(when_iso("A week from Friday the council will meet.", &WED4_, 0), "2024-12-13");
    CHECK_STR(when_iso("The council meets a week from Monday.", &WED4_, 0), "2024-12-16");
    CHECK(when_count("The ferry sailed on the 3th.", &MON) == 0);
    /* "May 3-5" and dashes: one month's days, and a dash is no letter */
    CHECK_STR(when_iso("Markets close from Dec. 24-26.", &MON, 0), "2024-12-24/2024-12-26");
    CHECK_STR(when_iso("The fair ran May 3\u20135 in Orlen.", &MON, 0), "2024-05-03/2024-05-05");
    CHECK_STR(when_iso("The fair ran from May 3\u2013June 5.", &MON, 0), "2024-05-03/2024-06-05");
    CHECK_STR(when_iso("It rained on May 3\u2014and then it stopped.", &MON, 0), "2024-05-03");
    CHECK_STR(when_iso("Some 3-4,000 came on May 3-4,000 times.", &MON, 0), "2024-05-03");
    CHECK_STR(when_iso("The talks ran on May 3-5pm.", &MON, 0), "2024-05-03");
    CHECK_STR(when_iso("It ran on May 3-2.", &MON, 0), "2024-05-03");
    /* the parts of this week, the weekend gone or coming (WED4: Wed 2024-12-04) */
    static const pt_date WED4 = {.year = 2024, .month = 12, .day = 4, .hour = -1};
    static const pt_date SAT7 = {.year = 2024, .month = 12, .day = 7, .hour = -1};
    CHECK_STR(when_iso("The board met earlier this week.", &WED4, 0), "2024-12-02/2024-12-03");
    CHECK_STR(when_iso("The board will meet later this week.", &WED4, 0), "2024-12-05/2024-12-08");
    CHECK_STR(when_iso("The board met earlier this week.", &MON, 0), "2024-12-30/2025-01-05");
    CHECK_STR(when_iso("We met this week.", &WED4, 0), "2024-12-02/2024-12-08");
    CHECK_STR(when_iso("The mill closed this past weekend.", &WED4, 0), "2024-11-30/2024-12-01");
    CHECK_STR(when_iso("Storms hit over the weekend.", &WED4, 0), "2024-11-30/2024-12-01");
    CHECK_STR(when_iso("Storms will hit over the weekend.", &WED4, 0), "2024-12-07/2024-12-08");
    CHECK_STR(when_iso("Storms hit over the weekend.", &SAT7, 0), "2024-12-07/2024-12-08");
}

TEST(no_publication_date_resolves_nothing_relative)
{
    CHECK(when_count("The vote was held yesterday.", NULL) == 0);
    CHECK(when_count("Shares fell last week.", NULL) == 0);
    CHECK(when_count("The ship sank a week ago.", NULL) == 0);
    CHECK(when_count("The factory closed in April.", NULL) == 0);
    CHECK(when_count("The fire started on March 3.", NULL) == 0);
    const pt_date none = {.year = 0, .month = 0, .day = 0, .hour = -1};
    CHECK(when_count("The vote was held last Tuesday.", &none) == 0);
    /* absolute ones stay */
    CHECK_STR(when_iso("The mill closed in 2017.", NULL, 0), "2017");
    CHECK_STR(when_iso("It was signed on 9 March 2016.", NULL, 0), "2016-03-09");
}

/* A day that is not the sentence's event, and a condition about days ahead
 * (dates7: defects 1-3 of the user pass; each check failed before). */
static bool when_aside(const char *sentence, const pt_date *pub, size_t index)
{
    pst_when w[8];
    size_t n = pst_find_when(sentence, strlen(sentence), pub, w, 8);
    return index < n && w[index].aside;
}

TEST(conditions_bounds_and_days_aside)
{
    static const pt_date TUE4 = {.year = 2025, .month = 3, .day = 4, .hour = -1};
    /* "if the strike lasted beyond Thursday" in a Tuesday report: the coming Thursday */
    CHECK_STR(when_iso("Perishable cargo would be moved to Kelso if the strike lasted beyond Thursday, "
                       "the port said.", &TUE4, 0),
              "2025-03-06");
    CHECK_STR(when_iso("Cargo would be moved unless the strike ended on Thursday.", &TUE4, 0), "2025-03-06");
    /* a past condition stays past, as does a plain past */
    CHECK_STR(when_iso("If the ship had sailed on Thursday, it would have arrived.", &TUE4, 0), "2025-02-27");
    CHECK_STR(when_iso("The strike lasted beyond Thursday.", &TUE4, 0), "2025-02-27");
    CHECK_STR(when_iso("If the ship sailed on Thursday, it was not seen.", &TUE4, 0), "2025-02-27");
    /* "beyond" with no tense bounds a state as "until" does: ahead */
    CHECK_STR(when_iso("No extension of the talks beyond Thursday.", &TUE4, 0), "2025-03-06");
    /* a possessive day names another event; a report verb dates the telling */
    CHECK(when_aside("Residents evacuated after Monday's fire were allowed home on Tuesday.", &TUE4, 0));
    CHECK(!when_aside("Residents evacuated after Monday's fire were allowed home on Tuesday.", &TUE4, 1));
    CHECK(when_aside("The bridge will reopen on Thursday, the council said on Monday.", &TUE4, 1));
    CHECK(!when_aside("The bridge will reopen on Thursday, the council said on Monday.", &TUE4, 0));
    CHECK(when_aside("The port told reporters on Monday that the strike was over.", &TUE4, 0));
    CHECK(when_aside("On Monday, the council said the bridge would reopen on Thursday.", &TUE4, 0));
    CHECK(!when_aside("On Monday the ship sank, officials said.", &TUE4, 0));
    CHECK(!when_aside("The ship sank on Monday, officials said.", &TUE4, 0));
    CHECK(when_aside("The ministry said on March 3 that the bridge would reopen.", &TUE4, 0));
}

/* Ranges with the year after them, day-first ranges, two printed dates a
 * dash joins (dates7: defect 5; each check failed before). */
TEST(day_first_ranges_and_printed_years)
{
    static const pt_date JUN1 = {.year = 2025, .month = 6, .day = 1, .hour = -1};
    CHECK_STR(when_iso("The fair ran May 3-5, 2024 in Orlen.", &JUN1, 0), "2024-05-03/2024-05-05");
    CHECK_STR(when_iso("The fair ran May 3\u20135, 2024.", &JUN1, 0), "2024-05-03/2024-05-05");
    CHECK_STR(when_iso("The fair ran 3\u20135 May in Orlen.", &JUN1, 0), "2025-05-03/2025-05-05");
    CHECK_STR(when_iso("The fair ran 3-5 May 2024 in Orlen.", &JUN1, 0), "2024-05-03/2024-05-05");
    CHECK_STR(when_iso("The fair runs from 3 to 5 May.", &JUN1, 0), "2025-05-03/2025-05-05");
    CHECK_STR(when_iso("It ran between 3 and 5 May.", &JUN1, 0), "2025-05-03/2025-05-05");
    CHECK_STR(when_iso("Die Messe lief vom 3. bis 5. Mai.", &JUN1, 0), "2025-05-03/2025-05-05");
    CHECK_STR(when_iso("It ran Feb. 28-March 2, 2024.", &JUN1, 0), "2024-02-28/2024-03-02");
    CHECK_STR(when_iso("It ran 28 February\u20132 March.", &JUN1, 0), "2025-02-28/2025-03-02");
    CHECK_STR(when_iso("It ran Dec. 28-Jan. 2, 2025.", &JUN1, 0), "2024-12-28/2025-01-02");
    /* no range: a list, a lone number, a later first day */
    CHECK_STR(when_iso("Scores of 10, 3 to 5 May were counted.", &JUN1, 0), "2025-05-05");
    CHECK_STR(when_iso("It ran 7-5 May.", &JUN1, 0), "2025-05-05");
    CHECK_STR(when_iso("It was on 2018-05-01 here.", &JUN1, 0), "2018-05-01");
    /* parts of the publication day, and the night before it */
    CHECK_STR(when_iso("A coach has crashed on the pass this afternoon.", &JUN1, 0), "2025-06-01");
    CHECK_STR(when_iso("Police closed the road this morning.", &JUN1, 0), "2025-06-01");
    CHECK_STR(when_iso("The council will meet tonight.", &JUN1, 0), "2025-06-01");
    CHECK(when_count("The last morning of the fair was wet.", &JUN1) == 0);
}

/* session 20 (dravemouth, held out): "last night", "at least", "hope to" */
TEST(last_night_at_least_hope_to)
{
    static const pt_date TUE8 = {.year = 2026, .month = 9, .day = 8, .hour = -1};
    static const pt_date TUE8_LATE = {.year = 2026, .month = 9, .day = 8, .hour = 22, .minute = 30};
    /* "last night": the evening before the day of publication, whatever its hour */
    CHECK_STR(when_iso("Fire tore through a warehouse on the quay last night, sending smoke over the town.",
                       &TUE8, 0),
              "2026-09-07");
    CHECK_STR(when_iso("Police arrested two men late last night.", &TUE8_LATE, 0), "2026-09-07");
    CHECK_STR(when_iso("Police arrested two men last evening.", &TUE8, 0), "2026-09-07");
    /* a state still lasting, or a telling: the day is aside */
    pst_when w[4];
    const char *s1 = "A wildfire broke out on the moor on Saturday and was still burning last night.";
    CHECK(pst_find_when(s1, strlen(s1), &TUE8, w, 4) == 2);
    CHECK(!w[0].aside && w[1].aside);
    const char *s2 = "The harbour master said last night that the port would reopen on Friday.";
    CHECK(pst_find_when(s2, strlen(s2), &TUE8, w, 4) == 2);
    CHECK(w[0].aside && !w[1].aside);
    CHECK_STR(when_iso(s2, &TUE8, 1), "2026-09-11");
    /* "last nights" or "the last night of the fair" are no such day */
    CHECK_STR(when_iso("It was the last night of the fair.", &TUE8, 0), "(none)");
    /* "until at least October": the month of the bound, ahead */
    CHECK_STR(when_iso("The port will stay closed until at least October, the harbour master said.", &TUE8, 0),
              "2026-10");
    CHECK_STR(when_iso("The bridge has been shut since at least March.", &TUE8, 0), "2026-03");
    CHECK_STR(when_iso("It costs at least March wages.", &TUE8, 0), "(none)");
    /* "hope to", "expect to", "intend to": a plan, ahead */
    CHECK_STR(when_iso("Fire crews hope to bring the blaze under control on Wednesday, the chief said.", &TUE8, 0),
              "2026-09-09");
    CHECK_STR(when_iso("We expect to finish the repairs on Friday, the engineer said.", &TUE8, 0), "2026-09-11");
    CHECK_STR(when_iso("The owners intend to reopen on Monday, she said.", &TUE8, 0), "2026-09-14");
}

/* A relative clause after a comma describes a noun of the sentence: the making
 * of a thing it dates is background, any other day of it gives way to the main
 * clause's date; a describing verb that is the sentence's own verb dates its
 * event (time23; each check marked * failed before). */
static bool when_background(const char *sentence, const pt_date *pub, size_t index)
{
    pst_when w[8];
    size_t n = pst_find_when(sentence, strlen(sentence), pub, w, 8);
    return index < n && w[index].background;
}

TEST(relative_clause_dates_and_describing_main_verbs)
{
    static const pt_date MON12 = {.year = 2026, .month = 10, .day = 12, .hour = -1};
    /* * "which was founded in 1987" is background, as "which opened in 2009" was */
    CHECK(when_background("Harrowfield Chemicals, which was founded in 1987, said it would appeal.", &MON12, 0));
    CHECK_STR(when_iso("The works, which opened in 2009, employs about 300 people.", &MON12, 0), "(none)");
    /* * a relative clause's day is aside: the main clause's month is the date */
    CHECK(when_aside("Minister Carys Dowell, who toured the site on Monday, said the inquiry would report "
                     "in November.", &MON12, 0));
    CHECK(!when_aside("Minister Carys Dowell, who toured the site on Monday, said the inquiry would report "
                      "in November.", &MON12, 1));
    /* a restrictive clause (no comma) is the sentence's subject: no aside */
    CHECK(!when_aside("Residents who were evacuated on Tuesday were allowed home.", &MON12, 0));
    /* * the describing verb as the main verb: the year is the event's */
    CHECK_STR(when_iso("The Quenby works opened in 2009 on the site of a former paper mill.", &MON12, 0), "2009");
    CHECK_STR(when_iso("The warehouse opened in 2009 on land leased from the harbour board.", &MON12, 0), "2009");
    /* a participle after a noun, an opening participle, an apposition: background */
    CHECK_STR(when_iso("A plant built in 1990 was shut.", &MON12, 0), "(none)");
    CHECK_STR(when_iso("Born in 1950, he was a miner.", &MON12, 0), "(none)");
    CHECK_STR(when_iso("The firm, founded in 1990, said it would appeal.", &MON12, 0), "(none)");
}

/* "from" and "starting" open when something takes effect (pst_when.from) */
TEST(from_dates_when_it_takes_effect)
{
    static const pt_date MON14 = {.year = 2026, .month = 9, .day = 14, .hour = -1};
    const char *x = "The council voted on Friday to ban fertiliser storage on the quay from next month.";
    pst_when w[8];
    size_t n = pst_find_when(x, strlen(x), &MON14, w, 8);
    CHECK(n == 2);
    CHECK(n == 2 && !w[0].from && w[1].from);
    const char *y = "The slipway will reopen starting on Monday, the board said.";
    n = pst_find_when(y, strlen(y), &MON14, w, 8);
    CHECK(n >= 1 && w[0].from);
    const char *z = "The council met on Friday.";
    n = pst_find_when(z, strlen(z), &MON14, w, 8);
    CHECK(n == 1 && !w[0].from);
}

/* Forms a demanding reader writes (session 25), in Wednesday April 21,
 * 2027's paper: an object between "expect" and its infinitive ("expect the
 * snow to ease on Thursday" was past: the 15th); a negated "before" is the
 * first day something may happen, a second entry as "from" is ("will not be
 * allowed home before Friday"); a day of the month after a bound ("until
 * the 28th", "by the 3rd": only "on the 14th" was read), the nearer one
 * after "until". */
TEST(expect_object_negated_before_and_bounded_ordinals)
{
    static const pt_date WED21 = {.year = 2027, .month = 4, .day = 21, .hour = -1};
    pst_when w[8];
    const char *a = "Forecasters expect the snow to ease on Thursday.";
    size_t n = pst_find_when(a, strlen(a), &WED21, w, 8);
    CHECK(n == 1 && w[0].first_day == pst_days_from_civil(2027, 4, 22));
    const char *b = "Residents evacuated on Tuesday will not be allowed home before Friday.";
    n = pst_find_when(b, strlen(b), &WED21, w, 8);
    CHECK(n == 2);
    CHECK(n == 2 && w[0].first_day == pst_days_from_civil(2027, 4, 20) && !w[0].from);
    CHECK(n == 2 && w[1].first_day == pst_days_from_civil(2027, 4, 23) && w[1].from);
    const char *c = "The line won't reopen before Saturday.";
    n = pst_find_when(c, strlen(c), &WED21, w, 8);
    CHECK(n == 1 && w[0].from && w[0].first_day == pst_days_from_civil(2027, 4, 24));
    const char *d = "The council met before Friday's deadline.";
    n = pst_find_when(d, strlen(d), &WED21, w, 8);
    for (size_t i = 0; i < n; i++) CHECK(!w[i].from);
    const char *e = "The hearing was adjourned until the 28th.";
    n = pst_find_when(e, strlen(e), &WED21, w, 8);
    CHECK(n == 1 && w[0].first_day == pst_days_from_civil(2027, 4, 28));
    const char *f = "The fair lasted until the 14th.";
    n = pst_find_when(f, strlen(f), &WED21, w, 8);
    CHECK(n == 1 && w[0].first_day == pst_days_from_civil(2027, 4, 14));
    const char *g = "Repairs should be finished by the 3rd.";
    n = pst_find_when(g, strlen(g), &WED21, w, 8);
    CHECK(n == 1 && w[0].first_day == pst_days_from_civil(2027, 5, 3));
    const char *h = "Flats on the 3rd floor were searched.";
    CHECK(pst_find_when(h, strlen(h), &WED21, w, 8) == 0);
}

int main(void)
{
    RUN(tense_from_the_governing_verb);
    RUN(german_tense_and_months);
    RUN(last_this_next_weekday);
    RUN(weekday_forms);
    RUN(periods_this_earlier_late);
    RUN(ago_counts_back_from_publication);
    RUN(overnight_is_the_night_before);
    RUN(the_end_of_a_month);
    RUN(relative_to_another_event_is_left_alone);
    RUN(passive_future_weekend_and_period_ends);
    RUN(plan_nouns_reported_future_present_schedules);
    RUN(month_without_year);
    RUN(day_and_month_forms);
    RUN(no_publication_date_resolves_nothing_relative);
    RUN(weekday_with_date_ranges_ordinals);
    RUN(conditions_bounds_and_days_aside);
    RUN(day_first_ranges_and_printed_years);
    RUN(last_night_at_least_hope_to);
    RUN(relative_clause_dates_and_describing_main_verbs);
    RUN(from_dates_when_it_takes_effect);
    RUN(expect_object_negated_before_and_bounded_ordinals);
    return test_done();
}
