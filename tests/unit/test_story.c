/* Unit tests for src/story: calendar arithmetic and time references in sentences. */
#include "story/story.h"
#include "test.h"
#include "when_check.h"

/* Tuesday, May 29, 2018 */
static const pt_date PUB = {.year = 2018, .month = 5, .day = 29, .hour = -1};

TEST(calendar_round_trip)
{
    CHECK(pst_days_from_civil(1970, 1, 1) == 0);
    CHECK(pst_weekday(pst_days_from_civil(2018, 5, 29)) == 1); /* Tuesday */
    CHECK(pst_weekday(pst_days_from_civil(2000, 2, 29)) == 1);
    for (int64_t d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        pst_civil_from_days(d, &y, &m, &dd);
        CHECK(pst_days_from_civil(y, m, dd) == d);
    }
}

TEST(weekdays_resolve_against_publication)
{
    CHECK_STR(when_iso("The official said on Tuesday that talks would go ahead.", &PUB, 0),
              "2018-05-29");
    CHECK_STR(when_iso("Protesters gathered on Sunday outside the embassy.", &PUB, 0), "2018-05-27");
    CHECK_STR(when_iso("Police said the suspect was arrested Wednesday.", &PUB, 0), "2018-05-23");
    CHECK_STR(when_iso("The ministers will meet on Friday in Geneva.", &PUB, 0), "2018-06-01");
    /* The day of publication itself, future or past. */
    CHECK_STR(when_iso("The advisers will meet in Washington on Tuesday.", &PUB, 0), "2018-05-29");
    CHECK_STR(when_iso("The advisers met in Washington on Tuesday.", &PUB, 0), "2018-05-29");
    /* Reported speech about the future, and "until": the coming day. */
    CHECK_STR(when_iso("He said the strike would last until Sunday.", &PUB, 0), "2018-06-03");
    CHECK_STR(when_iso("The road stays closed until Friday.", &PUB, 0), "2018-06-01");
    /* a cue after the day says nothing about it */
    CHECK_STR(when_iso("The US warned on Friday that it would take firm measures.", &PUB, 0), "2018-05-25");
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

static const pst_entity *find_entity(const pst_entity *v, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].name, name)) return &v[i];
    return NULL;
}

static void add_text(pst_entities *e, uint32_t doc, const char *text)
{
    pt_sentences s = {0};
    CHECK(pt_split_sentences(text, strlen(text), &s) == PRECIS_OK);
    CHECK(pst_entities_add(e, doc, text, strlen(text), &s) == PRECIS_OK);
    pt_sentences_free(&s);
}

TEST(entities_merge_variants_and_count_sources)
{
    pst_entities *e;
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    add_text(e, 0, "Russian President Vladimir Putin met the delegation in Moscow on Monday. "
                   "Putin's spokesman said the talks were useful.");
    add_text(e, 1, "The Kremlin said Putin would travel to Helsinki. Officials from the "
                   "Ministry of Defence joined the meeting.");
    add_text(e, 2, "Vladimir Putin and Angela Merkel spoke by phone. Merkel said the "
                   "European Union would respond.");
    const pst_entity *v;
    size_t n;
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    const pst_entity *putin = find_entity(v, n, "Vladimir Putin");
    CHECK(putin != NULL);
    if (putin) {
        CHECK(putin->sources == 3);
        CHECK(putin->type == PST_PERSON);
        CHECK(putin->mentions == 4);
    }
    CHECK(n > 0 && v[0].sources == 3 && !strcmp(v[0].name, "Vladimir Putin"));
    CHECK(find_entity(v, n, "Putin") == NULL); /* merged */
    CHECK(find_entity(v, n, "Russian President Vladimir Putin") == NULL);
    const pst_entity *m = find_entity(v, n, "Angela Merkel");
    CHECK(m && m->sources == 1 && m->mentions == 2);
    const pst_entity *mod = find_entity(v, n, "Ministry of Defence");
    CHECK(mod && mod->type == PST_ORG);
    const pst_entity *moscow = find_entity(v, n, "Moscow");
    CHECK(moscow && moscow->type == PST_PLACE);
    CHECK(find_entity(v, n, "Monday") == NULL);
    CHECK(find_entity(v, n, "The Kremlin") == NULL && find_entity(v, n, "Kremlin") != NULL);
    CHECK(find_entity(v, n, "Officials") == NULL);
    pst_entities_free(e);
}

TEST(entities_ambiguous_surname_stays_apart)
{
    pst_entities *e;
    pst_entities_new(&e);
    add_text(e, 0, "John Smith and Mary Smith arrived. Reporters asked Smith about it.");
    const pst_entity *v;
    size_t n;
    pst_entities_rank(e, &v, &n);
    CHECK(find_entity(v, n, "Smith") != NULL);
    CHECK(find_entity(v, n, "John Smith") != NULL && find_entity(v, n, "Mary Smith") != NULL);
    pst_entities_free(e);
}

TEST(entities_typed_by_role_place_and_craft_cues)
{
    pst_entities *e;
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    /* invented sentences: a ship whose name ends in a place word, a person
     * known only by a role noun or an age, a town after "port of" */
    add_text(e, 0, "The cargo ship Marrow Bay lost power off the coast on Friday. "
                   "Crews towed the vessel Marrow Bay to the port of Dunhallow overnight.");
    add_text(e, 1, "\"It was terrifying,\" said deckhand Ilsa Brandvik, 31, who was on board. "
                   "Passenger Tomas Oyelaran praised the crew of the tanker Marrow Bay.");
    add_text(e, 2, "The town of Kessick sent two lifeboats, according to Redwater Bulletin. "
                   "Local fisherman Edvin Sallow said the Marrow Bay drifted for hours.");
    add_text(e, 3, "Officials in the U.S. and the United States Coast Guard were told, the "
                   "Greyfield Courant newspaper said. The US embassy said nothing.");
    const pst_entity *v;
    size_t n;
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    const pst_entity *x;
    x = find_entity(v, n, "Marrow Bay");
    CHECK(x && x->type == PST_OTHER && x->sources == 3); /* a ship, not a place */
    x = find_entity(v, n, "Dunhallow");
    CHECK(x && x->type == PST_PLACE);
    x = find_entity(v, n, "Kessick");
    CHECK(x && x->type == PST_PLACE);
    x = find_entity(v, n, "Ilsa Brandvik");
    CHECK(x && x->type == PST_PERSON);
    x = find_entity(v, n, "Tomas Oyelaran");
    CHECK(x && x->type == PST_PERSON);
    x = find_entity(v, n, "Edvin Sallow");
    CHECK(x && x->type == PST_PERSON);
    x = find_entity(v, n, "Redwater Bulletin"); /* "according to" is attribution, not a place */
    CHECK(x && x->type != PST_PLACE);
    x = find_entity(v, n, "Greyfield Courant");
    CHECK(x && x->type == PST_ORG);
    x = find_entity(v, n, "United States"); /* "U.S." and "US" are the same country */
    CHECK(x && x->type == PST_PLACE && x->mentions == 2);
    CHECK(find_entity(v, n, "U.S.") == NULL && find_entity(v, n, "US") == NULL);
    pst_entities_free(e);
}

/* Companies after "to" / "from" are parties, not places: a firm's head word
 * ("Shipping", "Partners", "Holdings"), a noun saying what it is ("the firm
 * X") or a sale before the preposition ("sold the yard to X") outweighs the
 * preposition; a journey's "to" / "from" still makes places. Invented names. */
TEST(entities_companies_after_to_and_from)
{
    pst_entities *e;
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    add_text(e, 0, "The old ferry was sold to Velmar Shipping in March for an undisclosed sum. "
                   "The shipyard leased two cranes from Kestrel Partners last year.");
    add_text(e, 1, "Its owner bought the dock from Orrimore Holdings, records show. "
                   "A loan from the lender Tallis Rowe covered the rest of the price.");
    add_text(e, 2, "The family sold the yard to Brennick Askew in 2019, neighbours recalled. "
                   "The crew flew from Dunhallow to Kessmere on Monday to collect the vessel.");
    const pst_entity *v;
    size_t n;
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    const pst_entity *x;
    x = find_entity(v, n, "Velmar Shipping");
    CHECK(x && x->type == PST_ORG);
    x = find_entity(v, n, "Kestrel Partners");
    CHECK(x && x->type == PST_ORG);
    x = find_entity(v, n, "Orrimore Holdings");
    CHECK(x && x->type == PST_ORG);
    x = find_entity(v, n, "Tallis Rowe"); /* "the lender X" */
    CHECK(x && x->type == PST_ORG);
    x = find_entity(v, n, "Brennick Askew"); /* "sold the yard to X": a buyer, no place */
    CHECK(x && x->type != PST_PLACE);
    x = find_entity(v, n, "Dunhallow"); /* a journey: places */
    CHECK(x && x->type == PST_PLACE);
    x = find_entity(v, n, "Kessmere");
    CHECK(x && x->type == PST_PLACE);
    pst_entities_free(e);
}

/* "the firm X", "its rival X": a company; "her rival X", "his rival X": a
 * person's rival is a person (a noun naming what a firm is also names people's
 * roles: rival, developer, broker). Invented names. */
TEST(entities_a_persons_rival_is_no_company)
{
    pst_entities *e;
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    add_text(e, 0, "The mayor of Quill opened the library on Tuesday. Her rival Marta Kell called it a stunt. "
                   "Its builder lost the contract to the rival firm Quellan, the council said.");
    add_text(e, 1, "His rival Marta Kell said the library cost too much. The firm Quellan declined to comment.");
    const pst_entity *v;
    size_t n;
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    const pst_entity *x = find_entity(v, n, "Marta Kell");
    CHECK(x && x->type != PST_ORG);
    x = find_entity(v, n, "Quellan");
    CHECK(x && x->type == PST_ORG);
    pst_entities_free(e);
}

TEST(entities_names_titles_and_variants)
{
    pst_entities *e;
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    /* invented: a surname that looks like an abbreviated title ("Sen"), a
     * possessive joining a leader and his party, "National" alone no title */
    add_text(e, 0, "Dal Sen's Marran People's Party won the vote, and the National Assembly met "
                   "in the Kingdom of Ostrava on Nov. 3. Sen. Ivo Karst objected.");
    add_text(e, 1, "Citing Dal Sen's threats, the opposition stayed away. Ostrava, a Norvic ally, "
                   "said Dal Sen had won. Hurricane Lotte hit Ostrava on Monday.");
    add_text(e, 2, "Dal Sen met Oskar Brandl in Ostrava. Brandl said: \"If we wait, we lose.\" "
                   "Later Brandl spoke to Marran and Ostrava officials.");
    add_text(e, 3, "Oskar Brandl arrived with the Norvic envoy. Brandl and Dal Sen talked.");
    add_text(e, 4, "Oskar Brandl and his sister Lena Brandl left. Brandl was tired.");
    const pst_entity *v;
    size_t n;
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    const pst_entity *x;
    x = find_entity(v, n, "Dal Sen");
    CHECK(x && x->sources == 4); /* not cut as "Sen." and not merged into "Citing Dal Sen" */
    CHECK(find_entity(v, n, "Citing Dal Sen") == NULL);
    x = find_entity(v, n, "Marran People's Party");
    CHECK(x && x->type == PST_ORG);
    CHECK(find_entity(v, n, "Dal Sen Marran People Party") == NULL);
    x = find_entity(v, n, "National Assembly");
    CHECK(x && x->type == PST_ORG);
    CHECK(find_entity(v, n, "Assembly") == NULL);
    x = find_entity(v, n, "Ivo Karst");
    CHECK(x && x->type == PST_PERSON);
    CHECK(find_entity(v, n, "Nov") == NULL);
    CHECK(find_entity(v, n, "If") == NULL); /* a quotation's first word */
    /* "Ostrava" stays itself, not the "Kingdom of Ostrava" */
    x = find_entity(v, n, "Ostrava");
    CHECK(x && x->sources == 2 && x->type == PST_PLACE);
    CHECK(find_entity(v, n, "Kingdom of Ostrava") != NULL);
    x = find_entity(v, n, "Hurricane Lotte");
    CHECK(x && x->type == PST_OTHER);
    /* the surname of the man in four reports, not of his sister in one */
    x = find_entity(v, n, "Oskar Brandl");
    CHECK(x && x->sources == 3 && x->mentions == 7);
    CHECK(find_entity(v, n, "Brandl") == NULL);
    CHECK(find_entity(v, n, "Lena Brandl") != NULL);
    pst_entities_free(e);
    /* adjectives of countries are no entities alone, and are cut in front */
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    add_text(e, 0, "Rebels shot down a Congolese Boeing near Kindu, and the Lebanese army and "
                   "Honduran troops watched the Saudi Arabia border.");
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    CHECK(find_entity(v, n, "Boeing") != NULL && find_entity(v, n, "Congolese Boeing") == NULL);
    CHECK(find_entity(v, n, "Congolese") == NULL && find_entity(v, n, "Lebanese") == NULL &&
          find_entity(v, n, "Honduran") == NULL);
    x = find_entity(v, n, "Saudi Arabia");
    CHECK(x && x->type == PST_PLACE);
    pst_entities_free(e);
    /* a company under its legal name, a first name alone, contractions and
     * numbers opening a sentence, "Secretary of State" as a title */
    CHECK(pst_entities_new(&e) == PRECIS_OK);
    add_text(e, 0, "The shares of Korvex Corp fell after the talks with Secretary of State Mira Olund. "
                   "Two Korvex engineers resigned, a letter to Korvex said.");
    add_text(e, 1, "Tamsin Orlo said: \"I'm leaving.\" Later Tamsin returned to Korvex. "
                   "Investors moved from Korvex to Pelta.");
    CHECK(pst_entities_rank(e, &v, &n) == PRECIS_OK);
    x = find_entity(v, n, "Korvex");
    CHECK(x && x->type == PST_ORG && x->sources == 2);
    CHECK(find_entity(v, n, "Korvex Corp") == NULL && find_entity(v, n, "Two Korvex") == NULL);
    x = find_entity(v, n, "Mira Olund");
    CHECK(x && x->type == PST_PERSON);
    CHECK(find_entity(v, n, "State Mira Olund") == NULL);
    x = find_entity(v, n, "Tamsin Orlo");
    CHECK(x && x->mentions == 2); /* "Tamsin" alone is her */
    CHECK(find_entity(v, n, "I'm") == NULL && find_entity(v, n, "Tamsin") == NULL);
    pst_entities_free(e);
}

/* A year that describes a thing ("a vessel built in 2006") is no date of
 * the sentence's event; "was built in 1932" is a fact of that year. */
TEST(describing_years_are_not_events)
{
    CHECK(when_count("The Marrow Bay, a 90-metre vessel built in 2006, struck a sandbank.", &PUB) == 0);
    CHECK(when_count("The firm, set up in 1990 by two brothers, said it would appeal.", &PUB) == 0);
    CHECK(when_count("The singer, born in 1970 in Orrin, cancelled the tour.", &PUB) == 0);
    CHECK(when_count("The hall was built in 1932 by the town.", &PUB) == 1);
    CHECK(when_count("The bridge had been opened in 1998.", &PUB) == 1);
    CHECK(when_count("The town flooded in 2017 as well.", &PUB) == 1);
    pst_when w[4];
    const char *t = "The pier, built in 1932, collapsed on Monday.";
    CHECK(pst_find_when(t, strlen(t), &PUB, w, 4) == 1 && w[0].precision == PST_DAY);
}

/* A year after "since" in its clause dates how long something lasted: it is
 * found (alignment may use it) but marked background, not the event's date. */
static bool first_background(const char *t, bool *bg)
{
    pst_when w[4];
    size_t n = pst_find_when(t, strlen(t), &PUB, w, 4);
    if (n) *bg = w[0].background;
    return n == 1;
}

TEST(since_years_are_background)
{
    bool bg = false;
    CHECK(first_background("Orvia has backed the rebels since the start of the border war in 2011.", &bg) && bg);
    CHECK(first_background("The mill has stood empty since 2009, the council said.", &bg) && bg);
    CHECK(first_background("The feud dates from the disputed vote in 1990.", &bg) && bg);
    CHECK(first_background("The strike began in 2011, and talks have stalled since.", &bg) && !bg);
    CHECK(first_background("Since the merger, the firm cut 300 jobs in 2016.", &bg) && !bg); /* comma: another clause */
    CHECK(first_background("The town flooded in 2017 as well.", &bg) && !bg);
    /* curly quotes inside the clause are no clause break (only a dash is):
     * the same as with straight ones */
    CHECK(first_background("The guild has opposed it since the \"first\" council vote in 2011.", &bg) && bg);
    CHECK(first_background("The guild has opposed it since the \xe2\x80\x9c" "first\xe2\x80\x9d council vote in 2011.",
                           &bg) && bg);
    CHECK(first_background("The guild has opposed it since the vote \xe2\x80\x94 a bitter one in 2011.", &bg) && !bg);
    CHECK(first_background("The guild has opposed it since the vote -- a bitter one in 2011.", &bg) && !bg);
    CHECK(first_background("The guild has opposed it since the vote - a bitter one in 2011.", &bg) && !bg);
    CHECK(first_background("The guild has opposed it since the long-running dispute began in 2011.", &bg) && bg);
    /* a day is never background: "closed since Tuesday" dates the closure */
    pst_when w[4];
    const char *t = "The road has been closed since Tuesday.";
    CHECK(pst_find_when(t, strlen(t), &PUB, w, 4) == 1 && !w[0].background);
}

/* entities.c looks words up by binary search: every word list in it must be
 * in strcmp order. Read from the source so a word added out of order fails
 * here rather than silently never matching. */
TEST(entity_word_lists_sorted)
{
    FILE *f = fopen("src/story/entities.c", "rb");
    CHECK(f != NULL);
    if (!f) return;
    static char src[1 << 18];
    size_t n = fread(src, 1, sizeof src - 1, f);
    fclose(f);
    CHECK(n > 0 && n < sizeof src - 1);
    src[n] = 0;
    size_t lists = 0;
    for (const char *p = src; (p = strstr(p, "static const char *const ")) != NULL; p++) {
        const char *brace = strstr(p, "[] = {");
        const char *semi = strchr(p, ';');
        if (!brace || !semi || brace > semi) continue;
        const char *end = strstr(brace, "};");
        CHECK(end != NULL);
        if (!end) break;
        lists++;
        char prev[128] = "", cur[128];
        for (const char *q = brace; (q = strchr(q, '"')) != NULL && q < end;) {
            const char *close = strchr(q + 1, '"');
            CHECK(close && (size_t)(close - q - 1) < sizeof cur);
            if (!close || (size_t)(close - q - 1) >= sizeof cur) break;
            memcpy(cur, q + 1, (size_t)(close - q - 1));
            cur[close - q - 1] = 0;
            if (strcmp(prev, cur) >= 0) fprintf(stderr, "  out of order: \"%s\" then \"%s\"\n", prev, cur);
            CHECK(strcmp(prev, cur) < 0);
            memcpy(prev, cur, sizeof cur);
            q = close + 1;
        }
    }
    CHECK(lists >= 10);
}

int main(void)
{
    RUN(entity_word_lists_sorted);
    RUN(calendar_round_trip);
    RUN(weekdays_resolve_against_publication);
    RUN(relative_words_and_periods);
    RUN(absolute_dates_and_missing_years);
    RUN(no_publication_date_skips_relative_references);
    RUN(numbers_and_lowercase_names_are_not_dates);
    RUN(describing_years_are_not_events);
    RUN(since_years_are_background);
    RUN(entities_merge_variants_and_count_sources);
    RUN(entities_ambiguous_surname_stays_apart);
    RUN(entities_typed_by_role_place_and_craft_cues);
    RUN(entities_companies_after_to_and_from);
    RUN(entities_a_persons_rival_is_no_company);
    RUN(entities_names_titles_and_variants);
    return test_done();
}
