/* Unit tests for the coverage comparison's paraphrase alignment
 * (src/story/coverage.c, wordstats.c). The story is invented: three reports
 * of one fire that tell the evacuation in other words. */
#include "precis.h"
#include "story/story.h"
#include "test.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ART(id_, site_, title_, date_, text_) \
    {.id = id_, .site = site_, .title = title_, .date = date_, .text = text_, .text_len = sizeof text_ - 1}

static const precis_article VELBY[] = {
    ART("a", "Corran Echo", "Tannery fire forces evacuation in Velby", "2026-06-10",
        "A fire broke out at the old tannery in Velby on Tuesday evening.\n\n"
        "About 1,200 residents living near the works were evacuated overnight.\n\n"
        "Two firefighters were treated for smoke inhalation.\n\n"
        "Residents said the noise of the blast woke half the street."),
    ART("b", "Velby Post", "Velby tannery blaze: hundreds leave homes", "2026-06-10",
        "Flames engulfed the derelict tannery at Velby on Tuesday evening.\n\n"
        "Some twelve hundred people were told to leave their homes close to the site.\n\n"
        "Two firefighters needed hospital care after breathing in smoke.\n\n"
        "The council will pay for hotel rooms for families who cannot go home."),
    ART("c", "Riverside Wire", "Hundreds moved out as Velby tannery burns", "2026-06-11",
        "The disused Velby tannery went up in flames on Tuesday evening.\n\n"
        "Roughly 1,200 inhabitants of the surrounding streets were moved out of their homes.\n\n"
        "A local school will stay closed for the rest of the week.\n\n"
        "Investigators have not yet said what caused the fire."),
};
#define N_VELBY (sizeof VELBY / sizeof *VELBY)

static json_t *coverage_of(const precis_article *a, size_t n)
{
    precis_ctx *ctx = precis_new(NULL);
    char *out = NULL;
    size_t len = 0;
    CHECK(precis_story_build(ctx, "velby", a, n, NULL, &out, &len) == PRECIS_OK);
    json_t *j = out ? json_loadb(out, len, 0, NULL) : NULL;
    CHECK(j != NULL);
    precis_text_free(out);
    precis_free(ctx);
    json_t *c = j ? json_incref(json_object_get(j, "coverage")) : NULL;
    json_decref(j);
    return c;
}

/* Is a sentence starting with `start` listed under `what` ("unique",
 * "omits") for report `doc`? */
static bool listed(json_t *cov, const char *doc, const char *what, const char *start)
{
    json_t *per = json_object_get(cov, "per_source"), *p, *u;
    size_t i, k;
    json_array_foreach(per, i, p) {
        if (strcmp(json_string_value(json_object_get(p, "doc")), doc)) continue;
        json_array_foreach(json_object_get(p, what), k, u) {
            const char *t = json_string_value(json_object_get(u, "text"));
            if (t && !strncmp(t, start, strlen(start))) return true;
        }
    }
    return false;
}

/* "Some twelve hundred people were told to leave their homes" and "Roughly
 * 1,200 inhabitants ... were moved out of their homes" share one word and the
 * figure: each is the other's clear best match, so neither is unique (before
 * the paraphrase pass both were listed as facts only their report gives). */
TEST(paraphrase_with_a_figure_aligns)
{
    json_t *c = coverage_of(VELBY, N_VELBY);
    if (!c) return;
    CHECK(!listed(c, "b", "unique", "Some twelve hundred people"));
    CHECK(!listed(c, "c", "unique", "Roughly 1,200 inhabitants"));
    json_decref(c);
}

/* Facts one report alone gives stay unique: they share a word or two with
 * other reports' sentences ("Residents", "home", "fire"), but no sentence
 * there picks them back as its best match. */
TEST(a_different_fact_does_not_align)
{
    json_t *c = coverage_of(VELBY, N_VELBY);
    if (!c) return;
    CHECK(listed(c, "a", "unique", "Residents said the noise"));
    CHECK(listed(c, "b", "unique", "The council will pay"));
    CHECK(listed(c, "c", "unique", "A local school"));
    CHECK(listed(c, "c", "unique", "Investigators have not yet said"));
    json_decref(c);
}

/* An omission is still found where the report has nothing like the fact (the
 * firefighters: a and b, in other words), and not claimed where the report
 * gives the fact's figure in a sentence of its own (a's "About 1,200
 * residents ... evacuated" against the others' 1,200 who left their homes). */
TEST(omissions_only_where_nothing_close)
{
    json_t *c = coverage_of(VELBY, N_VELBY);
    if (!c) return;
    CHECK(listed(c, "c", "omits", "Two firefighters"));
    CHECK(!listed(c, "a", "omits", "Some twelve hundred people"));
    CHECK(!listed(c, "a", "omits", "Roughly 1,200 inhabitants"));
    json_decref(c);
}

/* Word rarity in news from Multi-News train, keyed as the vocabulary keys
 * stems (pst_stem_key): common news words must be found in the table, so this
 * fails if the key changes without the table being regenerated. */
TEST(news_weight_tells_common_from_rare)
{
    pt_lang *lang;
    pc_error err = {0};
    CHECK(pt_lang_open("en", &lang, &err) == PRECIS_OK);
    if (!lang) return;
    static const char *common[] = {"people", "stopped", "government", "police", "reported"};
    for (size_t i = 0; i < sizeof common / sizeof *common; i++) {
        size_t n;
        const char *s = pt_stem(lang, common[i], strlen(common[i]), &n);
        CHECK(pst_news_df(pst_stem_key(s, n)) > 1000);
    }
    size_t n;
    const char *s = pt_stem(lang, "people", 6, &n);
    double people = pst_news_weight(pst_stem_key(s, n));
    /* a rare word that is in no synonym class ("derail" is no longer one: its
     * class counts "track" and "rails" too) */
    s = pt_stem(lang, "landslide", 9, &n);
    CHECK(pst_news_df(pst_stem_key(s, n)) > 0);
    double rare = pst_news_weight(pst_stem_key(s, n));
    CHECK(pst_news_df(pst_stem_key("qzxvkelbrook", 12)) == 0);
    /* the table counts a synonym class under its head, as build.c looks it
     * up: "died" is "kill", and "die" itself is no entry */
    size_t kn;
    const char *k = pst_term_stem(lang, true, "died", &kn);
    CHECK(kn == 4 && !memcmp(k, "kill", 4) && pst_news_df(pst_stem_key(k, kn)) > 1000);
    CHECK(pst_news_df(pst_stem_key("die", 3)) == 0);
    double unseen = pst_news_weight(pst_stem_key("qzxvkelbrook", 12));
    CHECK(people > 0 && people < 0.4);
    CHECK(rare > 0.7 && rare < 1);
    CHECK(unseen == 1.0);
    pt_lang_close(lang);
}

/* Names: three reports of one council vote told in nearly the same words, so
 * that the sentences align. "Yitzak" / "Yitzhak" and "Orlova" / "Orllova" are
 * one name spelt two ways (transliteration, a typing slip): a spelling, not a
 * conflict. "Okoro" / "Okafor" for the same chief executive and "Dale" /
 * "Neil" for the same group manager are different names: conflicts; "Arlo
 * Finch" and "Dana Whitlow", presidents of two bodies, are two people. */
static const precis_article DORNE[] = {
    ART("a", "Dorne Echo", "Dorne council backs harbour plan", "2026-03-03",
        "The harbour plan was approved by councillor Yitzak Orlova and eleven colleagues on Monday night.\n\n"
        "The port's chief executive Helen Okoro said the vote would bring new ferry routes to the town.\n\n"
        "Fire service group manager Dale Hexham said the new quay would need its own fire station.\n\n"
        "The final talks were chaired by union president Arlo Finch and lasted four hours."),
    ART("b", "Dorne Post", "Harbour plan approved in Dorne", "2026-03-03",
        "Fishermen on the quayside said they feared the dredging would drive the cod away.\n\n"
        "Councillor Yitzhak Orllova and eleven colleagues approved the harbour plan after a long debate on Monday.\n\n"
        "Ticket prices for the island ferry have doubled in five years, the ferry users' group said.\n\n"
        "The vote would bring new ferry routes to the town, said the port's chief executive Helen Okafor.\n\n"
        "The new quay would need its own fire station, fire service group manager Neil Hexham said.\n\n"
        "Building work is due to start in the spring and last three years.\n\n"
        "The final talks, attended by harbour board president Dana Whitlow, lasted four hours."),
    ART("c", "Coast Wire", "Dorne votes for harbour expansion", "2026-03-04",
        "The harbour plan was approved by councillor Yitzak Orlova and eleven colleagues on Monday night.\n\n"
        "Shipping firms said they would wait for the final design before booking berths."),
};
#define N_DORNE (sizeof DORNE / sizeof *DORNE)

/* Does coverage[what] ("conflicts", "spellings") hold an entry of the kind
 * ("name", "figure", "distance" ...) with claims valued x and y? */
static bool entry_listed(json_t *cov, const char *what, const char *kind, const char *x, const char *y)
{
    json_t *c, *cl;
    size_t i, k;
    json_array_foreach(json_object_get(cov, what), i, c) {
        if (strcmp(json_string_value(json_object_get(c, "kind")), kind)) continue;
        bool hx = false, hy = false;
        json_array_foreach(json_object_get(c, "claims"), k, cl) {
            const char *v = json_string_value(json_object_get(cl, "value"));
            hx |= v && !strcmp(v, x);
            hy |= v && !strcmp(v, y);
        }
        if (hx && hy) return true;
    }
    return false;
}

static bool names_listed(json_t *cov, const char *what, const char *x, const char *y)
{
    return entry_listed(cov, what, "name", x, y);
}

TEST(spelling_variants_are_not_conflicts)
{
    json_t *c = coverage_of(DORNE, N_DORNE);
    if (!c) return;
    CHECK(names_listed(c, "spellings", "Yitzak", "Yitzhak"));
    CHECK(names_listed(c, "spellings", "Orlova", "Orllova"));
    CHECK(!names_listed(c, "conflicts", "Yitzak", "Yitzhak"));
    CHECK(!names_listed(c, "conflicts", "Orlova", "Orllova"));
    json_decref(c);
}

TEST(different_names_for_one_role_conflict)
{
    json_t *c = coverage_of(DORNE, N_DORNE);
    if (!c) return;
    /* the surname after the same role and first name */
    CHECK(names_listed(c, "conflicts", "Okoro", "Okafor"));
    /* the first name after the same role */
    CHECK(names_listed(c, "conflicts", "Dale", "Neil"));
    CHECK(!names_listed(c, "spellings", "Okoro", "Okafor"));
    /* the same role, but no part of the name in common: two presidents */
    CHECK(!names_listed(c, "conflicts", "Arlo", "Dana"));
    json_decref(c);
}

/* A consonant changed is another name, not another spelling: "Carter" /
 * "Carver" and "Marvin" / "Martin" (one letter apart, as Tilley / Tilly are)
 * are two surnames, so a conflict; "Baker" / "Barker", a consonant added to
 * a short name, too. Invented council; the sentences align as DORNE's do. */
static const precis_article HOLM[] = {
    ART("a", "Holm Echo", "Holm council backs bridge plan", "2026-04-07",
        "The bridge scheme was approved by councillor Ruth Carter and nine colleagues on Monday night.\n\n"
        "The treasurer Dan Marvin said the cost would be met from reserves.\n\n"
        "The new bridge will be built by contractor Ivo Baker and his firm from Tarn.\n\n"
        "The plans were drawn up by the architect Lena M\u00fcller, who designed the Tarn library.\n\n"
        "The county engineer Jos\u00e9 Varela checked the design of the new bridge in January.\n\n"
        "The steel for the bridge comes from a mill run by the engineer Emre \u00d6zt\u00fcrk in Tarn."),
    ART("b", "Holm Post", "Bridge plan approved in Holm", "2026-04-07",
        "Councillor Ruth Carver and nine colleagues approved the bridge scheme after a long debate on Monday.\n\n"
        "The cost would be met from reserves, said the treasurer Dan Martin.\n\n"
        "The new bridge will be built by contractor Ivo Barker and his firm from Tarn.\n\n"
        "The architect Lena Mueller, who designed the Tarn library, drew up the plans.\n\n"
        "The county engineer Jose Varela checked the design of the new bridge in January.\n\n"
        "The steel for the bridge comes from a mill run by the engineer Emre Ozturk in Tarn."),
    ART("c", "Fell Wire", "Holm votes for bridge", "2026-04-08",
        "The bridge scheme was approved by councillor Ruth Carter and nine colleagues on Monday night.\n\n"
        "Ferry operators said they would lose trade once the bridge opened."),
};
#define N_HOLM (sizeof HOLM / sizeof *HOLM)

TEST(a_consonant_changed_is_another_name)
{
    json_t *c = coverage_of(HOLM, N_HOLM);
    if (!c) return;
    CHECK(!names_listed(c, "spellings", "Carter", "Carver"));
    CHECK(names_listed(c, "conflicts", "Carter", "Carver"));
    CHECK(!names_listed(c, "spellings", "Marvin", "Martin"));
    CHECK(names_listed(c, "conflicts", "Marvin", "Martin"));
    CHECK(!names_listed(c, "spellings", "Baker", "Barker"));
    CHECK(names_listed(c, "conflicts", "Baker", "Barker"));
    json_decref(c);
}

/* A letter with a diacritic and the letter without it, and a German umlaut
 * written out (Müller / Mueller), are one name spelt two ways (HOLM). */
TEST(diacritics_and_umlauts_are_spellings)
{
    json_t *c = coverage_of(HOLM, N_HOLM);
    if (!c) return;
    CHECK(names_listed(c, "spellings", "M\u00fcller", "Mueller"));
    CHECK(!names_listed(c, "conflicts", "M\u00fcller", "Mueller"));
    CHECK(names_listed(c, "spellings", "Jos\u00e9", "Jose"));
    /* a name opening with a capital outside ASCII is a name too */
    CHECK(names_listed(c, "spellings", "\u00d6zt\u00fcrk", "Ozturk"));
    json_decref(c);
}

/* One name spelt two ways in two facts the reports share: one spelling,
 * not one a fact (the briefing printed the same line twice). */
static const precis_article QUAY[] = {
    ART("a", "Holm Echo", "Holm harbour plan unveiled", "2026-04-07",
        "The harbour plan was drawn up by the engineer Lena Pryce over two years of surveys.\n\n"
        "The new quay will cost four million pounds, according to figures prepared by Lena Pryce for the council.\n\n"
        "Ferry operators said they welcomed the plan."),
    ART("b", "Holm Post", "Harbour plan for Holm", "2026-04-07",
        "The engineer Lena Price drew up the harbour plan over two years of surveys.\n\n"
        "Figures prepared by Lena Price for the council put the cost of the new quay at four million pounds.\n\n"
        "Fishermen fear the dredging will harm the cod."),
};
#define N_QUAY (sizeof QUAY / sizeof *QUAY)

TEST(one_spelling_once_per_story)
{
    json_t *c = coverage_of(QUAY, N_QUAY);
    if (!c) return;
    json_t *sp = json_object_get(c, "spellings");
    CHECK(json_array_size(sp) == 1);
    CHECK(names_listed(c, "spellings", "Pryce", "Price"));
    /* each value's claim is one of the sentences that use it */
    json_t *cl = json_object_get(json_array_get(sp, 0), "claims");
    CHECK(json_array_size(cl) == 2);
    json_decref(c);
}

/* "Somalia" / "Somalis" is a country and its people, not one name spelt two
 * ways, whichever report says which (the check tried one order only). */
static const precis_article AID[] = {
    ART("a", "Holm Echo", "Aid convoy reaches Baidoa", "2026-04-07",
        "The Tarn charity said its doctors had treated four hundred Somalis in the camp at Baidoa.\n\n"
        "The convoy carried grain and medicine."),
    ART("b", "Holm Post", "Holm convoy in Baidoa", "2026-04-07",
        "Its doctors had treated four hundred people from Somalia in the camp at Baidoa, the Tarn charity said.\n\n"
        "Drivers said the roads were dangerous."),
    ART("c", "Fell Wire", "Convoy at Baidoa", "2026-04-08",
        "The Tarn charity said its doctors had treated four hundred Somalis in the camp at Baidoa.\n\n"
        "The camp holds ten thousand people."),
};
#define N_AID (sizeof AID / sizeof *AID)

TEST(demonym_both_ways_is_no_spelling)
{
    json_t *c = coverage_of(AID, N_AID);
    if (!c) return;
    CHECK(!names_listed(c, "spellings", "Somalia", "Somalis"));
    CHECK(!names_listed(c, "spellings", "Somalis", "Somalia"));
    CHECK(!names_listed(c, "conflicts", "Somalia", "Somalis"));
    json_decref(c);
}

/* Paraphrase through the synonym classes of build.c (chosen on the kelbrook
 * and pellingham fixtures): "shut its plant" / "close the factory",
 * "stock climbed" / "shares rose". */
static const precis_article ORBY[] = {
    ART("a", "Orby Courier", "Marl Foods to shut Orby plant", "2026-05-12",
        "Marl Foods will shut its Orby plant next spring.\n\n"
        "About 400 staff are affected by the decision.\n\n"
        "Marl's stock climbed after the announcement was made.\n\n"
        "The bakery on Quay Street has already put up its prices."),
    ART("b", "Vale Business", "Orby factory to close", "2026-05-12",
        "The Marl Foods factory in Orby is to close next spring.\n\n"
        "Some 400 workers will lose their jobs there.\n\n"
        "Shares in Marl rose sharply on the news.\n\n"
        "The company opened the site in 1961."),
    ART("c", "Orby Radio", "Food firm closing Orby factory", "2026-05-13",
        "Marl Foods is closing its factory in Orby next spring.\n\n"
        "Union officials said they would ask the council for help.\n\n"
        "A farmers' market will be held in the car park on Saturday."),
};
#define N_ORBY (sizeof ORBY / sizeof *ORBY)

TEST(synonym_classes_align_paraphrase)
{
    json_t *c = coverage_of(ORBY, N_ORBY);
    if (!c) return;
    CHECK(!listed(c, "a", "unique", "Marl's stock climbed"));
    CHECK(!listed(c, "b", "unique", "Shares in Marl rose"));
    /* what one report alone tells stays its own */
    CHECK(listed(c, "a", "unique", "The bakery on Quay Street"));
    CHECK(listed(c, "b", "unique", "The company opened the site"));
    json_decref(c);
}

/* Four reports of one dock strike; a, b and c tell the union's 9 percent
 * demand, d does not. d's lead ("... stopped work on Monday, the union said,
 * in a dispute over pay") shares "union" and "pay" with the demand, but it
 * is aligned with the leads: it tells the walkout, and is no sign that d
 * tells the demand in other words (before, that closeness alone hid the
 * omission). */
static const precis_article FENNICK[] = {
    ART("a", "Fennick Courier", "Dockers walk out at Fennick", "2026-05-12",
        "Dock workers at Fennick port walked out on Monday in a row over pay.\n\n"
        "The union is demanding a 9 percent pay rise for its members.\n\n"
        "Thirty ships were waiting outside the harbour by the evening."),
    ART("b", "Halsey Post", "Fennick port at a standstill", "2026-05-12",
        "Fennick port came to a standstill on Monday as dock workers walked out over pay.\n\n"
        "The union wants a 9 percent pay rise this year.\n\n"
        "Lorry drivers queued for hours on the approach road."),
    ART("c", "Coast Wire", "Fennick dockers strike", "2026-05-12",
        "Some 400 dockers at Fennick walked out on Monday over pay.\n\n"
        "Union officials are demanding a pay rise of 9 percent.\n\n"
        "The port operator said talks would resume on Thursday."),
    ART("d", "Radio Fennick", "Port stoppage", "2026-05-12",
        "Some 400 dock workers at Fennick port stopped work on Monday, the union said, in a dispute over pay.\n\n"
        "Contingency plans were in place, a spokesman for the harbour board said.\n\n"
        "Ferries to Halsey were running normally as usual."),
};

TEST(a_sentence_aligned_elsewhere_hides_no_omission)
{
    json_t *c = coverage_of(FENNICK, sizeof FENNICK / sizeof *FENNICK);
    if (!c) return;
    CHECK(listed(c, "d", "omits", "The union") || listed(c, "d", "omits", "Union officials"));
    /* a, b and c tell it: none of them omits it */
    CHECK(!listed(c, "a", "omits", "The union wants") && !listed(c, "a", "omits", "Union officials"));
    json_decref(c);
}

/* Three reports of one airport closure give the cancelled flights as 300,
 * some 450 and around 300 in other words ("cancelled" / "scrapped" /
 * "grounded"): b's figure differs, so it shares no anchor with the others,
 * but two figures of the same counted thing are what a conflict is made of
 * and tell the same fact as much as a rare word (before, b's sentence was
 * listed as a fact only b gives). */
static const precis_article BRANNHOLM[] = {
    ART("a", "Brannholm Herald", "Snow shuts Brannholm airport", "2026-02-06",
        "Heavy snow closed Brannholm airport on Friday morning.\n\n"
        "More than 300 flights were cancelled as crews struggled to clear the runway.\n\n"
        "The terminal cafe ran out of sandwiches by noon."),
    ART("b", "Nordvik Post", "Brannholm airport closed by snow", "2026-02-06",
        "Brannholm airport was shut by heavy snow on Friday.\n\n"
        "Airlines scrapped some 450 flights while ploughs worked on the runway.\n\n"
        "A charter jet carrying a football team was diverted to Kessel."),
    ART("c", "Radio Holm", "Airport closed", "2026-02-06",
        "Snow closed the airport at Brannholm on Friday.\n\n"
        "Around 300 flights had been grounded by the afternoon, the operator said.\n\n"
        "Trains to the city centre were running a reduced timetable."),
};

TEST(different_figures_of_one_thing_align)
{
    json_t *c = coverage_of(BRANNHOLM, sizeof BRANNHOLM / sizeof *BRANNHOLM);
    if (!c) return;
    CHECK(!listed(c, "b", "unique", "Airlines scrapped some 450 flights"));
    CHECK(listed(c, "b", "unique", "A charter jet"));
    CHECK(listed(c, "a", "unique", "The terminal cafe"));
    json_decref(c);
}

/* Two percentages of different things ("turnout reached 60 percent",
 * "catches have fallen 30 percent") are no rival figures of one fact: with
 * nothing counted, the words around them must share one. Before, the rival
 * anchor aligned them and c was said to leave out the turnout. */
static const precis_article HARBOUR_VOTE[] = {
    ART("a", "Marlby Herald", "Marlby backs harbour plan", "2026-03-02",
        "Voters in Marlby backed the new harbour plan on Sunday after a long campaign.\n\n"
        "Turnout reached 60 percent, the returning officer said.\n\n"
        "The plan will cost about 40 million pounds over ten years."),
    ART("b", "Tessaly Post", "Marlby says yes to harbour plan", "2026-03-02",
        "Marlby residents voted for the harbour plan on Sunday after months of debate.\n\n"
        "Fish catches at the harbour have fallen 30 percent, fishermen said.\n\n"
        "Work on the plan is due to begin in the spring."),
    ART("c", "Coast Wire", "Harbour plan approved in Marlby", "2026-03-02",
        "The people of Marlby approved the harbour plan in a vote on Sunday.\n\n"
        "The plan will cost about 40 million pounds, the council said.\n\n"
        "Fishermen in the harbour opposed the plan."),
};

TEST(percentages_of_different_things_do_not_align)
{
    json_t *c = coverage_of(HARBOUR_VOTE, sizeof HARBOUR_VOTE / sizeof *HARBOUR_VOTE);
    if (!c) return;
    CHECK(!listed(c, "c", "omits", "Turnout reached"));
    CHECK(listed(c, "a", "unique", "Turnout reached"));
    json_decref(c);
}

/* The alignment gathers, for each sentence, the pairs that sentences before
 * it found with it (so that its best partner in each report is known when
 * its turn ends): the same story with its reports in the other order
 * aligns the same paraphrases. */
TEST(report_order_does_not_change_alignment)
{
    precis_article rev[N_VELBY];
    for (size_t i = 0; i < N_VELBY; i++) rev[i] = VELBY[N_VELBY - 1 - i];
    json_t *c = coverage_of(rev, N_VELBY);
    if (!c) return;
    CHECK(!listed(c, "b", "unique", "Some twelve hundred people"));
    CHECK(!listed(c, "c", "unique", "Roughly 1,200 inhabitants"));
    CHECK(listed(c, "c", "unique", "A local school"));
    CHECK(listed(c, "c", "omits", "Two firefighters"));
    CHECK(json_object_get(c, "capped") == NULL); /* a small story is never cut */
    json_decref(c);
}

/* A story of more report sentences than MAX_CANDIDATES (1024), all alike:
 * the comparisons cut are counted in "capped", not lost silently. */
TEST(a_cut_comparison_is_reported)
{
    enum { REPORTS = 12, SENTS = 100 };
    static const char *const PLACE[] = {"Corrby", "Dunvale", "Ashtoft", "Marlow End",
                                        "Tillby", "Quenmoor", "Brackwell", "Ostby"};
    static const char *const THING[] = {"homes", "houses", "farms", "shops", "schools"};
    static const char *const VERB[] = {"were flooded", "were under water", "were evacuated", "were damaged",
                                       "were closed"};
    static const char *const DAY[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static char text[REPORTS][SENTS * 120];
    static char ids[REPORTS][16];
    precis_article a[REPORTS];
    for (int r = 0; r < REPORTS; r++) {
        size_t n = 0;
        uint32_t x = (uint32_t)r * 7919u + 1; /* varied enough that no report is a copy */
        for (int k = 0; k < SENTS; k++) {
            x = (x * 1103515245u + 12345u) & 0x7fffffffu;
            uint32_t v = x >> 8;
            n += (size_t)snprintf(text[r] + n, sizeof text[r] - n, "Officials in %s said %u %s near the river %s on %s.\n\n",
                                  PLACE[v % 8], 10 + v % 900, THING[(v >> 4) % 5], VERB[(v >> 8) % 5], DAY[(v >> 12) % 7]);
        }
        snprintf(ids[r], sizeof ids[r], "r%d", r);
        a[r] = (precis_article){.id = ids[r], .site = ids[r], .title = "Floods in the valley",
                                .date = "2026-11-20", .text = text[r], .text_len = n};
    }
    json_t *c = coverage_of(a, REPORTS);
    if (!c) return;
    json_t *cap = json_object_get(c, "capped");
    CHECK(cap != NULL);
    CHECK(json_integer_value(json_object_get(cap, "max_candidates")) == 1024);
    CHECK(json_integer_value(json_object_get(cap, "sentences")) > 0);
    CHECK(json_integer_value(json_object_get(cap, "candidates_cut")) > 0);
    json_decref(c);
}

/* When the cap bites, a sentence is compared with each other report's
 * likeliest two only (docs/stories.md, "Cost, part 3"): a fact is told once
 * or twice in a report, and the cut by shared weight alone still compared
 * a sentence of 12 alike reports with 1,024 others. So each cut sentence
 * has at most 2 x 11 of its candidates left. */
TEST(a_cut_keeps_each_reports_likeliest)
{
    enum { REPORTS = 12, SENTS = 100 };
    static const char *const PLACE[] = {"Corrby", "Dunvale", "Ashtoft", "Marlow End",
                                        "Tillby", "Quenmoor", "Brackwell", "Ostby"};
    static const char *const THING[] = {"homes", "houses", "farms", "shops", "schools"};
    static const char *const VERB[] = {"were flooded", "were under water", "were evacuated", "were damaged",
                                       "were closed"};
    static const char *const DAY[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static char text[REPORTS][SENTS * 120];
    static char ids[REPORTS][16];
    precis_article a[REPORTS];
    size_t candidates = 0; /* each sentence's: every other report's sentences share "officials" */
    for (int r = 0; r < REPORTS; r++) {
        size_t n = 0;
        uint32_t x = (uint32_t)r * 7919u + 3;
        for (int k = 0; k < SENTS; k++) {
            x = (x * 1103515245u + 12345u) & 0x7fffffffu;
            uint32_t v = x >> 8;
            n += (size_t)snprintf(text[r] + n, sizeof text[r] - n, "Officials in %s said %u %s near the river %s on %s.\n\n",
                                  PLACE[v % 8], 10 + v % 900, THING[(v >> 4) % 5], VERB[(v >> 8) % 5], DAY[(v >> 12) % 7]);
        }
        snprintf(ids[r], sizeof ids[r], "q%d", r);
        a[r] = (precis_article){.id = ids[r], .site = ids[r], .title = "Floods in the valley",
                                .date = "2026-11-20", .text = text[r], .text_len = n};
    }
    candidates = (size_t)(REPORTS - 1) * SENTS;
    json_t *c = coverage_of(a, REPORTS);
    if (!c) return;
    json_t *cap = json_object_get(c, "capped");
    CHECK(cap != NULL);
    long long sents = (long long)json_integer_value(json_object_get(cap, "sentences"));
    long long cut = (long long)json_integer_value(json_object_get(cap, "candidates_cut"));
    CHECK(sents > 0);
    CHECK(cut >= sents * (long long)(candidates - 2 * (REPORTS - 1)));
    json_decref(c);
}

/* One name spelt two ways is one word to the paraphrase score: the
 * sergeant's statement told in other words by two reports ("Duggan" /
 * "Dugan") shares "Moira" and "barbecue" only, not enough without the
 * surname; it was listed as unique to each and the spelling went unseen
 * (the sentences carrying it were not aligned). Invented moorland fire. */
static const precis_article HEATH[] = {
    ART("a", "Fellside Echo", "Moor fire near Carsby", "2026-05-04",
        "A moorland fire broke out near Carsby on Saturday afternoon.\n\n"
        "Sergeant Moira Duggan said police believe the fire may have been started by a disposable barbecue.\n\n"
        "Walkers were told to keep away from the summit paths."),
    ART("b", "Carsby Post", "Carsby moor ablaze", "2026-05-04",
        "Flames spread across the moor above Carsby on Saturday afternoon.\n\n"
        "Sgt Moira Dugan said officers suspect a portable barbecue left behind by walkers.\n\n"
        "A farmer moved his sheep to lower fields."),
    ART("c", "Dale Wire", "Fire on Carsby moor", "2026-05-05",
        "Fire crews fought a blaze on the moor near Carsby on Saturday afternoon.\n\n"
        "The fire service said the flames had been put out by Sunday morning."),
};
#define N_HEATH (sizeof HEATH / sizeof *HEATH)

TEST(a_name_spelt_two_ways_is_one_word)
{
    json_t *c = coverage_of(HEATH, N_HEATH);
    if (!c) return;
    CHECK(!listed(c, "a", "unique", "Sergeant Moira Duggan"));
    CHECK(!listed(c, "b", "unique", "Sgt Moira Dugan"));
    CHECK(names_listed(c, "spellings", "Duggan", "Dugan"));
    json_decref(c);
}

/* Counts of words of one news synonym class are counts of one thing: "40
 * vessels" and "60 ships" waiting outside one port disagree (the two were
 * taken for counts of different words, and never compared). Invented port. */
static const precis_article ANCHOR[] = {
    ART("a", "Brenmouth Echo", "Ships wait outside Brenmouth", "2026-09-09",
        "Dockers at Brenmouth walked out on Wednesday over pay.\n\n"
        "The harbour master said 40 vessels were waiting outside the port.\n\n"
        "Talks are due to resume on Friday."),
    ART("b", "Coast Post", "Brenmouth strike strands ships", "2026-09-09",
        "Port workers at Brenmouth went on strike on Wednesday in a row over wages.\n\n"
        "More than 60 ships were waiting outside the port, the harbour master said.\n\n"
        "Ferries were not affected."),
    ART("c", "Sea Wire", "Strike at Brenmouth", "2026-09-10",
        "Dock workers at Brenmouth stopped work on Wednesday over pay.\n\n"
        "The strike is the first at the port in a decade."),
};
#define N_ANCHOR (sizeof ANCHOR / sizeof *ANCHOR)

/* Is a figure conflict of values x and y listed? */
static bool figures_listed(json_t *cov, const char *x, const char *y)
{
    json_t *c, *cl;
    size_t i, k;
    json_array_foreach(json_object_get(cov, "conflicts"), i, c) {
        if (strcmp(json_string_value(json_object_get(c, "kind")), "figure")) continue;
        bool hx = false, hy = false;
        json_array_foreach(json_object_get(c, "claims"), k, cl) {
            const char *v = json_string_value(json_object_get(cl, "value"));
            hx |= v && !strcmp(v, x);
            hy |= v && !strcmp(v, y);
        }
        if (hx && hy) return true;
    }
    return false;
}

TEST(counts_of_synonyms_conflict)
{
    json_t *c = coverage_of(ANCHOR, N_ANCHOR);
    if (!c) return;
    CHECK(figures_listed(c, "40", "60"));
    json_decref(c);
}

/* A duration and a count of things are not one figure: "two years" and "two
 * beaches" gave the same anchor, so a report's history of losses on the coast
 * aligned with another's boxes washed up on two beaches (an invented spill). */
static const precis_article ORSBY[] = {
    ART("a", "Orsby Echo", "Ship loses containers off Orsby", "2026-11-06",
        "A cargo ship lost 30 containers in a storm off Orsby on Friday.\n\n"
        "Containers washed up on two beaches near the harbour overnight.\n\n"
        "Volunteers helped to clear plastic from the sand."),
    ART("b", "Coast Wire", "Containers lost in Orsby gale", "2026-11-06",
        "Thirty containers fell from a cargo ship in a gale off Orsby on Friday.\n\n"
        "It is the third container loss on this coast in two years, the coastguard said.\n\n"
        "The owner of the ship said it would pay for the clean-up."),
};

TEST(a_duration_is_no_count_of_things)
{
    json_t *c = coverage_of(ORSBY, sizeof ORSBY / sizeof *ORSBY);
    if (!c) return;
    CHECK(listed(c, "b", "unique", "It is the third container loss"));
    CHECK(listed(c, "a", "unique", "Containers washed up on two beaches"));
    json_decref(c);
}

/* A library raid told by three outlets (invented). The alarm and the van are
 * told in other words: the pairs score 0.2-0.35 on shared words alone, and
 * each is the other's clear best; neither sentence gives a figure or a day. The
 * insurer's sentence and the shares' share only the insurer's name, and one
 * of them gives a percentage the other has nothing like. */
static const precis_article DUNMOOR[] = {
    ART("a", "Dunmoor Times", "Thieves raid Dunmoor library", "2028-04-04",
        "Thieves broke into Dunmoor Library on Monday night and took a collection of rare maps.\n\n"
        "An alarm system that should have alerted the caretaker had been switched off for repairs.\n\n"
        "The maps were printed in Antwerp in the sixteenth century.\n\n"
        "Kestrel Insurance, which covers the library, said its staff were helping detectives.\n\n"
        "Police are asking anyone who saw a blue van near the library to come forward."),
    ART("b", "Dunmoor Radio", "Rare maps stolen", "2028-04-04",
        "Burglars targeted Dunmoor Library on Monday night, making off with rare maps.\n\n"
        "The building's alarms failed to sound because the system was being serviced.\n\n"
        "A reward of 5,000 pounds has been offered by the library's friends.\n\n"
        "Shares in Kestrel Insurance fell 3 percent in early trading.\n\n"
        "Officers want to hear from anyone who noticed a blue van in the area."),
    ART("c", "Northgate Wire", "Maps taken in Dunmoor library raid", "2028-04-04",
        "Rare maps were stolen from Dunmoor Library on Monday night, police said.\n\n"
        "The library had been closed for two weeks while its roof was repaired.\n\n"
        "Detectives are looking for a blue van seen near the library."),
};
#define N_DUNMOOR (sizeof DUNMOOR / sizeof *DUNMOOR)

/* A weak mutual-best pair (WEAK_BAR) whose sentences anchor alike (here on
 * nothing) is one fact: before, the 0.35 bar listed both alarm sentences
 * and b's van as facts only their report gives, and c's omission of the
 * alarm went unseen. */
TEST(a_weak_pair_anchored_alike_aligns)
{
    json_t *c = coverage_of(DUNMOOR, N_DUNMOOR);
    if (!c) return;
    CHECK(!listed(c, "a", "unique", "An alarm system"));
    CHECK(!listed(c, "b", "unique", "The building's alarms"));
    CHECK(!listed(c, "b", "unique", "Officers want to hear"));
    CHECK(listed(c, "c", "omits", "An alarm system"));
    json_decref(c);
}

/* ... but not when one gives a figure (or a day) of a kind the other does not:
 * the shares' fall and the insurer's help share a name, not a fact. */
TEST(a_weak_pair_anchored_unlike_does_not_align)
{
    json_t *c = coverage_of(DUNMOOR, N_DUNMOOR);
    if (!c) return;
    CHECK(listed(c, "a", "unique", "Kestrel Insurance"));
    CHECK(listed(c, "b", "unique", "Shares in Kestrel"));
    CHECK(!listed(c, "c", "omits", "Kestrel Insurance"));
    json_decref(c);
}

/* A flooded quarry (invented): a's "The quarry flooded in just the same way
 * six years ago" shares its words with b's "Flood water filled the quarry at
 * Garrow on Saturday" but not its time: the flood of six years ago is another
 * fact, a's alone, and no rival to the Saturday lead a tells in other words. */
static const precis_article GARROW[] = {
    ART("a", "Elmsbury Gazette", "Garrow Quarry flooded", "2028-03-13",
        "The river burst its banks and swamped Garrow Quarry near Elmsbury on Saturday night.\n\n"
        "The quarry flooded in just the same way six years ago, its owners said.\n\n"
        "Forty workers have been sent home on full pay.\n\n"
        "Pumps brought in from Hadley began draining the pit on Sunday."),
    ART("b", "Wold Radio", "Quarry under water", "2028-03-13",
        "Flood water filled the quarry at Garrow on Saturday, the owners said.\n\n"
        "About forty staff have been told to stay at home.\n\n"
        "A digger was left under six metres of water.\n\n"
        "The company hopes to resume work within a month."),
    ART("c", "Northgate Wire", "Elmsbury quarry flood", "2028-03-13",
        "Forty quarry workers were sent home after Garrow Quarry flooded at the weekend.\n\n"
        "Engineers started pumping the water out on Sunday, the company said."),
};
#define N_GARROW (sizeof GARROW / sizeof *GARROW)

TEST(facts_dated_years_apart_do_not_align)
{
    json_t *c = coverage_of(GARROW, N_GARROW);
    if (!c) return;
    CHECK(listed(c, "a", "unique", "The quarry flooded in just the same way"));
    CHECK(!listed(c, "c", "omits", "The quarry flooded in just the same way"));
    CHECK(!listed(c, "a", "unique", "The river burst its banks"));
    CHECK(!listed(c, "b", "unique", "Flood water filled the quarry"));
    json_decref(c);
}

/* A bus depot fire (invented): b's "The Harwick depot held some 20 buses" is
 * the best of a's "About 30 buses were parked there", but not by the margin:
 * a's lead, sharing "Harwick" and "depot", comes close. That lead is aligned
 * with b's own lead, so it tells another fact of b's and is no rival. */
static const precis_article HARWICK[] = {
    ART("a", "Harwick Echo", "Fire at Harwick bus depot", "2028-05-08",
        "A fire broke out at the Harwick bus depot on Sunday night.\n\n"
        "About 30 buses were parked there when the flames spread, the operator said.\n\n"
        "Morning services across the town were cancelled.\n\n"
        "A driver was treated for smoke inhalation."),
    ART("b", "Vale Radio", "Buses lost in depot blaze", "2028-05-08",
        "Fire destroyed much of the Harwick bus depot late on Sunday.\n\n"
        "The Harwick depot held some 20 buses, the company said.\n\n"
        "Commuters faced long waits for replacement coaches."),
    ART("c", "Northgate Wire", "Harwick garage fire", "2028-05-08",
        "Flames tore through a garage in Harwick on Sunday night.\n\n"
        "Roughly 30 vehicles were inside, according to the operator.\n\n"
        "The cause of the fire is not yet known."),
};
#define N_HARWICK (sizeof HARWICK / sizeof *HARWICK)

TEST(a_rival_aligned_elsewhere_in_the_report_is_no_rival)
{
    json_t *c = coverage_of(HARWICK, N_HARWICK);
    if (!c) return;
    CHECK(!listed(c, "b", "unique", "The Harwick depot held"));
    CHECK(listed(c, "b", "unique", "Commuters faced long waits"));
    CHECK(listed(c, "a", "unique", "Morning services across the town"));
    json_decref(c);
}

/* Fog at an airport (invented): "Some 250 departures were scrapped" and
 * "More than 250 flights had to be cancelled" share no word, only their
 * figure; the coach firms' and the airlines' plans share only their day, the
 * hurt baggage handlers and the runways examined only "two". */
static const precis_article HARLOW[] = {
    ART("a", "Harlow Echo", "Fog grounds flights at Harlow", "2028-11-11",
        "Thick fog closed Harlow Airport for most of Friday.\n\n"
        "Some 250 departures were scrapped as the fog thickened through the morning.\n\n"
        "Stranded travellers slept on the terminal floor.\n\n"
        "Two baggage handlers were hurt when their tug skidded on the apron.\n\n"
        "The airport reopened shortly after six in the evening."),
    ART("b", "Coast Radio", "Harlow Airport fog chaos", "2028-11-11",
        "Harlow Airport was shut by dense fog on Friday.\n\n"
        "More than 250 flights had to be cancelled, the operator said.\n\n"
        "A charity handed out blankets and hot drinks to passengers.\n\n"
        "Two runways were examined by engineers before any jet took off.\n\n"
        "Coach firms laid on extra services to Brenton on Saturday."),
    ART("c", "Northgate Wire", "Fog shuts Harlow Airport", "2028-11-11",
        "Fog closed Harlow Airport on Friday, its operator said.\n\n"
        "Airlines expect to run a full timetable on Saturday."),
};
#define N_HARLOW (sizeof HARLOW / sizeof *HARLOW)

/* A mutual-best pair scoring MUTUAL_BAR on one shared figure and no shared
 * word is one fact (it needed two shared words or anchors): neither is
 * unique, and c, which has no such figure, omits it. */
TEST(one_shared_figure_aligns_a_clear_pair)
{
    json_t *c = coverage_of(HARLOW, N_HARLOW);
    if (!c) return;
    CHECK(!listed(c, "a", "unique", "Some 250 departures"));
    CHECK(!listed(c, "b", "unique", "More than 250 flights"));
    CHECK(listed(c, "c", "omits", "Some 250 departures"));
    json_decref(c);
}

/* ... but one shared day is not enough: a story's reports name the same few
 * days for many facts. */
TEST(one_shared_day_does_not_align)
{
    json_t *c = coverage_of(HARLOW, N_HARLOW);
    if (!c) return;
    CHECK(listed(c, "b", "unique", "Coach firms laid on"));
    CHECK(listed(c, "c", "unique", "Airlines expect to run"));
    json_decref(c);
}

/* ... nor one small count: "two" and "three" count many things in a story. */
TEST(one_small_count_does_not_align)
{
    json_t *c = coverage_of(HARLOW, N_HARLOW);
    if (!c) return;
    CHECK(listed(c, "a", "unique", "Two baggage handlers"));
    CHECK(listed(c, "b", "unique", "Two runways were examined"));
    CHECK(!listed(c, "c", "omits", "Two baggage handlers"));
    json_decref(c);
}

/* One figure left on each side of two sentences aligned as one fact, the
 * words around it told otherwise: "about 30,000 sheep ... out on the hills" /
 * "around 18,000 sheep grazing there", "fell about 20 metres down a bank" /
 * "dropped around 45 metres". They were no conflict: the words around two
 * lone figures had to share two. Now the same counted word of large counts,
 * or one kind of measurement, is enough when a third report gives one side's
 * figure too (b's 30,000 sheep, 65 feet). Invented snowstorm. */
static const precis_article FELLGATE[] = {
    ART("a", "Fellgate Echo", "Snow traps sheep and lorry on Fellgate moor", "2028-01-12",
        "Heavy snow cut off the Fellgate moor road on Monday night.\n\n"
        "About 30,000 sheep were out on the hills when the storm hit, the farmers' union said.\n\n"
        "A gritting lorry fell about 20 metres down a bank before a tree stopped it.\n\n"
        "The driver was taken to hospital with a broken arm."),
    ART("b", "Dales Post", "Fellgate moor: sheep stranded in drifts", "2028-01-12",
        "Drifts closed the road over Fellgate moor on Monday night.\n\n"
        "Some 30,000 sheep had been left on the fells, according to the union.\n\n"
        "The gritter slid roughly 65 feet off the road and came to rest against a tree.\n\n"
        "Volunteers with quad bikes carried hay to the flocks."),
    ART("c", "Moorland Wire", "Sheep and gritter caught in Fellgate snow", "2028-01-13",
        "Snow blocked the Fellgate moor road late on Monday.\n\n"
        "The estates had around 18,000 sheep grazing there, Garrow Farms told the Wire.\n\n"
        "The vehicle dropped around 45 metres before it stopped, police said.\n\n"
        "The road reopened on Tuesday afternoon."),
};
#define N_FELLGATE (sizeof FELLGATE / sizeof *FELLGATE)

/* Is a conflict of kind `kind` between values x and y listed? */
static bool kind_listed(json_t *cov, const char *kind, const char *x, const char *y)
{
    return entry_listed(cov, "conflicts", kind, x, y);
}

TEST(lone_figures_of_one_fact_conflict)
{
    json_t *c = coverage_of(FELLGATE, N_FELLGATE);
    if (!c) return;
    CHECK(kind_listed(c, "figure", "30,000", "18,000"));
    CHECK(kind_listed(c, "distance", "20 metres", "45 metres"));
    json_decref(c);
}

/* ... but not when each sentence names a place the other does not: "In
 * Holmby, 1,500 sheep were brought down" and "about 4,000 sheep on the
 * Carrick estate in Marrowdale" are aligned (sheep, a figure rivalling a's)
 * and count two flocks. */
static const precis_article HOLMBY[] = {
    ART("a", "Fellgate Echo", "Farmers move flocks as snow returns", "2028-01-12",
        "Farmers across the dale moved their flocks off the tops on Monday as more snow fell.\n\n"
        "In Holmby, 1,500 sheep were brought down to the valley farms.\n\n"
        "The snow is expected to ease on Thursday."),
    ART("b", "Dales Post", "Flocks brought down from the fells", "2028-01-12",
        "Farmers moved flocks off the high ground on Monday ahead of more snow.\n\n"
        "Some 1,500 sheep in Holmby were brought down to the valley.\n\n"
        "Forecasters expect the snow to ease on Thursday."),
    ART("c", "Moorland Wire", "Snow sends flocks to the valleys", "2028-01-12",
        "Farmers took their sheep off the tops on Monday as snow returned.\n\n"
        "There are about 4,000 sheep on the Carrick estate in Marrowdale.\n\n"
        "The snow should ease on Thursday, forecasters said."),
};
#define N_HOLMBY (sizeof HOLMBY / sizeof *HOLMBY)

TEST(lone_figures_naming_other_places_do_not_conflict)
{
    json_t *c = coverage_of(HOLMBY, N_HOLMBY);
    if (!c) return;
    CHECK(!kind_listed(c, "figure", "1,500", "4,000"));
    json_decref(c);
}

int main(void)
{
    RUN(paraphrase_with_a_figure_aligns);
    RUN(a_different_fact_does_not_align);
    RUN(omissions_only_where_nothing_close);
    RUN(news_weight_tells_common_from_rare);
    RUN(spelling_variants_are_not_conflicts);
    RUN(different_names_for_one_role_conflict);
    RUN(a_consonant_changed_is_another_name);
    RUN(diacritics_and_umlauts_are_spellings);
    RUN(one_spelling_once_per_story);
    RUN(demonym_both_ways_is_no_spelling);
    RUN(synonym_classes_align_paraphrase);
    RUN(a_sentence_aligned_elsewhere_hides_no_omission);
    RUN(different_figures_of_one_thing_align);
    RUN(percentages_of_different_things_do_not_align);
    RUN(report_order_does_not_change_alignment);
    RUN(a_cut_comparison_is_reported);
    RUN(a_cut_keeps_each_reports_likeliest);
    RUN(a_name_spelt_two_ways_is_one_word);
    RUN(counts_of_synonyms_conflict);
    RUN(a_duration_is_no_count_of_things);
    RUN(a_weak_pair_anchored_alike_aligns);
    RUN(a_weak_pair_anchored_unlike_does_not_align);
    RUN(one_shared_figure_aligns_a_clear_pair);
    RUN(one_shared_day_does_not_align);
    RUN(one_small_count_does_not_align);
    RUN(facts_dated_years_apart_do_not_align);
    RUN(a_rival_aligned_elsewhere_in_the_report_is_no_rival);
    RUN(lone_figures_of_one_fact_conflict);
    RUN(lone_figures_naming_other_places_do_not_conflict);
    return test_done();
}
