/* Unit tests for src/story/entities.c: typing cues and variant merges found
 * wanting on the tuning half of bench/entities.sh, each with invented
 * sentences (none from the fixtures). */
#include "story/story.h"
#include "test.h"

#include <string.h>

typedef struct ents {
    pst_entities *e;
    const pst_entity *v;
    size_t n;
} ents;

/* The ranked entities of docs (NULL-terminated; one document each). */
static ents rank_docs(const char *const *docs)
{
    ents r = {0};
    CHECK(pst_entities_new(&r.e) == PRECIS_OK);
    for (uint32_t d = 0; docs[d]; d++) {
        pt_sentences s = {0};
        CHECK(pt_split_sentences(docs[d], strlen(docs[d]), &s) == PRECIS_OK);
        CHECK(pst_entities_add(r.e, d, docs[d], strlen(docs[d]), &s) == PRECIS_OK);
        pt_sentences_free(&s);
    }
    CHECK(pst_entities_rank(r.e, &r.v, &r.n) == PRECIS_OK);
    return r;
}

/* The type of the entity named name, -1 when it is not listed. */
static int type_of(const ents *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i].name, name)) return (int)r->v[i].type;
    return -1;
}

static uint32_t sources_of(const ents *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i].name, name)) return r->v[i].sources;
    return 0;
}

TEST(plural_possessive_inside_a_name)
{
    const char *docs[] = {"Angry members of the Growers' Union met in Tallis on a cold night. "
                          "The Growers' Union said prices had fallen.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Growers' Union") == PST_ORG);
    CHECK(type_of(&r, "Growers") == -1);
    CHECK(type_of(&r, "Union") == -1);
    pst_entities_free(r.e);
}

TEST(demonym_kept_in_an_organisation)
{
    const char *docs[] = {"The plan went to the European Parliament in a late session. "
                          "Russian President Ivan Dolokhov said he would not attend.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "European Parliament") == PST_ORG);
    CHECK(type_of(&r, "Parliament") == -1);
    CHECK(type_of(&r, "Ivan Dolokhov") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(person_of_organisation_is_two)
{
    const char *docs[] = {"Economist Mara Tell of Westgate Bank said rates would rise. "
                          "The Bank of Halvey kept its rate.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Mara Tell") == PST_PERSON);
    CHECK(type_of(&r, "Westgate Bank") == PST_ORG);
    CHECK(type_of(&r, "Bank of Halvey") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(generic_body_opening_a_sentence_is_no_entity)
{
    const char *docs[] = {"Union leader Piet Mols said the strike would go on. "
                          "Council officials in Tallis agreed.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Union") == -1);
    CHECK(type_of(&r, "Council") == -1);
    CHECK(type_of(&r, "Piet Mols") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(organisation_short_forms_and_acronyms_merge)
{
    const char *docs[] = {"Corvane Resources Group bid for the mine in Tallis. The Coastal Fisheries "
                          "Authority (CFA) closed the bay.",
                          "Corvane said the offer was fair. Talbrook Minerals said the CFA was wrong.",
                          "Corvane Resources raised its offer, and Talbrook Minerals said it would "
                          "study the plan.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Corvane Resources Group") == PST_ORG);
    CHECK(sources_of(&r, "Corvane Resources Group") == 3);
    CHECK(type_of(&r, "Corvane") == -1);
    CHECK(type_of(&r, "Corvane Resources") == -1);
    CHECK(type_of(&r, "Coastal Fisheries Authority") == PST_ORG);
    CHECK(sources_of(&r, "Coastal Fisheries Authority") == 2);
    CHECK(type_of(&r, "CFA") == -1);
    CHECK(type_of(&r, "Talbrook Minerals") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(place_is_no_short_form_of_its_bodies)
{
    const char *docs[] = {"Troops of the Tallis Army crossed the river. Officials said Tallis had "
                          "asked for help.",
                          "The Tallis Army said it had lost two trucks. Aid arrived in Tallis by road.",
                          "Tallis, a city of 40,000, was quiet.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Tallis Army") == PST_ORG);
    CHECK(type_of(&r, "Tallis") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(place_and_polity_cues)
{
    const char *docs[] = {"Workers at the Selly Creek mine stopped work. The Orsland parliament voted "
                          "against it, and Orsland's prime minister resigned.",
                          "Residents of Marnby began to leave. Volunteers from Harbour Relief opened "
                          "a shelter, and Harbour Relief said it was full.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Selly Creek") == PST_PLACE);
    CHECK(type_of(&r, "Orsland") == PST_PLACE);
    CHECK(type_of(&r, "Marnby") == PST_PLACE);
    CHECK(type_of(&r, "Harbour Relief") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(surname_vote_needs_a_name)
{
    /* a word before "said" makes a person only of a name that looks like one:
     * not of a sentence-start adjective, a demonym or "-ic" word before it, or
     * after "the" */
    const char *docs[] = {"Stunned Varnists said the count had been rigged in the north. "
                          "Varnists said they would march on the capital.",
                          "The Orvenic Brotherhood seized the pass above the town of Tessa. "
                          "Brotherhood said its fighters held the road, and the Brotherhood said more would come.",
                          "Fans of the Kelsian Harbour Games filled the stands. "
                          "Games said nothing about the tickets.",
                          "The vote was won with the help of party veteran Mira Holt and her allies. "
                          "Holt said she had been offered nothing.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Stunned Varnists") != PST_PERSON);
    CHECK(type_of(&r, "Orvenic Brotherhood") != PST_PERSON);
    CHECK(type_of(&r, "Kelsian Harbour Games") != PST_PERSON);
    CHECK(type_of(&r, "Mira Holt") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(person_cues_surname_member_role)
{
    const char *docs[] = {"The vote was won with the help of former party member Jana Roux on a quiet day. "
                          "Roux said she had been offered nothing.",
                          "Meteorologist Ada Penn said more rain would fall.",
                          "The weather office said Storm Ferra would pass.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Jana Roux") == PST_PERSON);
    CHECK(type_of(&r, "Roux") == -1);
    CHECK(type_of(&r, "Ada Penn") == PST_PERSON);
    CHECK(type_of(&r, "Storm Ferra") == PST_OTHER);
    pst_entities_free(r.e);
}

TEST(armed_group_by_its_members)
{
    const char *docs[] = {"Jets struck Iranian and Kharim deployments near the border.",
                          "Kharim fighters crossed the river at dawn.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Kharim") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(function_word_alone_is_no_name)
{
    const char *docs[] = {"The minister said: ``It is over, and We know it.'' Officials in Tallis said "
                          "It had ended. The IT department in Tallis was closed.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "It") == -1);
    CHECK(type_of(&r, "We") == -1);
    CHECK(type_of(&r, "Tallis") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(variants_listed_for_the_merge_check)
{
    const char *docs[] = {"Senator Lise Amberg spoke in Tallis for an hour.", "Amberg said she would run again.",
                          NULL};
    ents r = rank_docs(docs);
    const char *var[8];
    size_t k = 0;
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.v[i].name, "Lise Amberg")) k = pst_entities_variants(r.e, &r.v[i], var, 8);
    CHECK(k == 2);
    if (k == 2) {
        CHECK_STR(var[0], "Lise Amberg");
        CHECK_STR(var[1], "Amberg");
    }
    pst_entities_free(r.e);
}

TEST(person_of_a_place_without_cue_is_two)
{
    /* "Name of Place": no title, no "said", no company word on either side */
    const char *docs[] = {"Jane Smith of Tarn Mills warned that the weir would fail. Tarn Mills lies on the river.",
                          "Ola Berg of Nether Quay thinks the same.",
                          /* whole: a head noun or an adjective before "of", a country */
                          "The Selmont Chamber of Commerce and the Democratic Republic of Volta met in the "
                          "Royal Museum of Arts, as the United States of America watched.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Jane Smith of Tarn Mills") == -1);
    CHECK(type_of(&r, "Jane Smith") == PST_PERSON);
    CHECK(type_of(&r, "Tarn Mills") >= 0);
    CHECK(type_of(&r, "Ola Berg") == PST_PERSON);
    CHECK(type_of(&r, "Nether Quay") >= 0);
    CHECK(type_of(&r, "Selmont Chamber of Commerce") >= 0);
    CHECK(type_of(&r, "Democratic Republic of Volta") >= 0);
    CHECK(type_of(&r, "Royal Museum of Arts") >= 0);
    CHECK(type_of(&r, "United States") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(said_after_place_of_person_or_hyphen_pair_is_no_person)
{
    /* the place split off "X of Place said" does not take the person's
     * "said"; a hyphen-joined pair is one word for the two-word "said" rule */
    const char *docs[] = {"Councillor Ada Renwick of South Tessaly said the bridge would close.",
                          "ARKA-Vest said Friday that the talks had failed.",
                          "Edda Varga-Lind said the museum would reopen.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ada Renwick") == PST_PERSON);
    CHECK(type_of(&r, "South Tessaly") >= 0 && type_of(&r, "South Tessaly") != PST_PERSON);
    CHECK(type_of(&r, "ARKA-Vest") >= 0 && type_of(&r, "ARKA-Vest") != PST_PERSON);
    CHECK(type_of(&r, "Edda Varga-Lind") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(title_case_widget_line_is_no_entity)
{
    /* a page widget alone on a line, capitalised word by word */
    const char *docs[] = {"The ferry sailed from Tallis at noon.\n\nLike Loading...\n\nShare This Story.\n",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Loading") == -1);
    CHECK(type_of(&r, "Like Loading") == -1);
    CHECK(type_of(&r, "Story") == -1);
    CHECK(type_of(&r, "Share This Story") == -1);
    CHECK(type_of(&r, "Tallis") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(role_after_a_name_types_the_name)
{
    /* a person's role after a name: the body they serve, or the place they
     * stand for; a club's short form is its last word */
    const char *docs[] = {"Coach Ilse Varga left after a letter from Marlow Comets fans. "
                          "Marlow Comets chairman Otto Brandt said the club would appeal.",
                          "Comets captain Sara Lind said the players were ready. Comets lost again.",
                          "Tallow MP Ruth Avery said the ground in Tallow would stay open.",
                          "There was no reaction from Hesketh Foods, and Hesketh Foods staff walked out.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Marlow Comets") == PST_ORG);
    CHECK(sources_of(&r, "Marlow Comets") == 2);
    CHECK(type_of(&r, "Comets") == -1);
    CHECK(type_of(&r, "Otto Brandt") == PST_PERSON);
    CHECK(type_of(&r, "Tallow") == PST_PLACE);
    CHECK(type_of(&r, "Ruth Avery") == PST_PERSON);
    CHECK(type_of(&r, "Hesketh Foods") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(heads_of_colleges_divisions_and_clubs)
{
    const char *docs[] = {"The Second Division title went to Kelby RFC, and the Royal College of Farriers "
                          "met in Tallis.",
                          "Winger Abel Moss scored twice for Kelby RFC at Ostley.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Second Division") == PST_ORG);
    CHECK(type_of(&r, "Division") == -1);
    CHECK(type_of(&r, "Kelby RFC") == PST_ORG);
    CHECK(type_of(&r, "Royal College of Farriers") == PST_ORG);
    CHECK(type_of(&r, "Abel Moss") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(dateline_city_is_a_place)
{
    /* the wire's dateline, cut off the sentence, still names a place */
    const char *docs[] = {"ORSBY PEAK, May 3 (Kestrel Wire) - The Norland Mining Board closed the pit.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "ORSBY PEAK") == PST_PLACE);
    CHECK(type_of(&r, "Norland Mining Board") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(hyphenated_dateline_city_is_the_prose_name)
{
    /* "PORT-AMBREL" in a dateline and "Port-Ambrel" in prose are one place */
    const char *docs[] = {"PORT-AMBREL, Feb 7 (Meridian Wire) - Five aid workers were flown to Port-Ambrel on Sunday.",
                          "The aid workers landed in Port-Ambrel after a day in the mountains.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Port-Ambrel") == PST_PLACE);
    CHECK(sources_of(&r, "Port-Ambrel") == 2);
    CHECK(type_of(&r, "PORT-AMBREL") == -1); /* not a second place */
    pst_entities_free(r.e);
}

TEST(at_is_a_weak_place_cue)
{
    /* "at X" alone makes a place; against a club's or firm's own name it gives way */
    const char *docs[] = {"The final was played at Hollins Meadow before 9,000 fans. Hollins Meadow was full.",
                          "Dana Kell coached at Avon Vale before she joined Tessaly United. Avon Vale FC "
                          "thanked her.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Hollins Meadow") == PST_PLACE);
    CHECK(type_of(&r, "Avon Vale FC") == PST_ORG);
    CHECK(sources_of(&r, "Avon Vale FC") == 1);
    pst_entities_free(r.e);
}

TEST(apposition_and_pronoun_after_a_name)
{
    const char *docs[] = {"Mirela Santo, the Harbour Commissioner, closed the quay. Bluewick, the state's "
                          "water agency, said the river was clean. Ostrava Vale, a town of 9,000, was dry.",
                          "Carran Foods said in a statement that its plant was safe. Tomas Reel said he had "
                          "not been told. Ivo Brand and his wife left Tallis.",
                          /* not of a name after a preposition, nor after a capitalised head */
                          "The Water Board in Pellow said its pumps worked. The leader of the Amber Party, "
                          "Lidia Varn, said her party would vote no.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Mirela Santo") == PST_PERSON);
    CHECK(type_of(&r, "Bluewick") == PST_ORG);
    CHECK(type_of(&r, "Ostrava Vale") == PST_PLACE);
    CHECK(type_of(&r, "Carran Foods") == PST_ORG);
    CHECK(type_of(&r, "Tomas Reel") == PST_PERSON);
    CHECK(type_of(&r, "Ivo Brand") == PST_PERSON);
    CHECK(type_of(&r, "Pellow") == PST_PLACE);
    CHECK(type_of(&r, "Lidia Varn") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(front_word_takes_its_connector)
{
    const char *docs[] = {"Thousands of Varnists marched in Tallis. Bill Roche of Nether Quay said it was calm.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "of Varnists") == -1);
    /* (counted as people: a group, no key entity; see peoples_plural_is_a_group) */
    CHECK(type_of(&r, "Varnists") == -1);
    CHECK(type_of(&r, "Tallis") == PST_PLACE);
    CHECK(type_of(&r, "Bill Roche") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(fronts_connectors_and_coordination)
{
    const char *docs[] = {"Shares of Quillon Therapeutics rose. Rival Pellix said its trial had stalled. "
                          "Mayor Idris Bell of Marlby said the town was shaken. Officials at the Department "
                          "for Roads said the bridge would reopen. Trials ran in Tessaly and Orland.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Quillon Therapeutics") == PST_ORG);
    CHECK(type_of(&r, "Shares of Quillon Therapeutics") == -1);
    CHECK(type_of(&r, "Pellix") == PST_ORG);
    CHECK(type_of(&r, "Idris Bell") == PST_PERSON);
    CHECK(type_of(&r, "Marlby") >= 0);
    CHECK(type_of(&r, "Department for Roads") == PST_ORG);
    CHECK(type_of(&r, "Orland") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(article_trade_and_agency_cues)
{
    const char *docs[] = {"A quake struck, the Kellan Geological Survey said. Aid agency Helpful Hands sent "
                          "tents to Tamsk. Seismologist Piet Andrus said aftershocks were likely. The United "
                          "Nations offered help.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Kellan Geological Survey") == PST_ORG);
    CHECK(type_of(&r, "Aid") == -1);
    CHECK(type_of(&r, "Piet Andrus") == PST_PERSON);
    CHECK(type_of(&r, "United Nations") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(hyphens_initials_and_particles_in_names)
{
    const char *docs[] = {"Prime Minister Edda Varga-Lind resigned in Kelmstad. Ms Varga-Lind said she had no "
                          "regrets. Tor van Aken said the party had lost trust. J. R. Mallory, a political "
                          "scientist, agreed.",
                          "Van Aken met Nadia Kell-Mandor, and Kell said nothing. The Franco-German plan and "
                          "the Varn-Tallis talks failed.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Edda Varga-Lind") == PST_PERSON);
    CHECK(type_of(&r, "Varga") == -1);
    CHECK(type_of(&r, "Lind") == -1);
    CHECK(type_of(&r, "Tor van Aken") == PST_PERSON);
    CHECK(sources_of(&r, "Tor van Aken") == 2);
    CHECK(type_of(&r, "J. R. Mallory") == PST_PERSON);
    CHECK(type_of(&r, "Nadia Kell-Mandor") >= 0);
    CHECK(type_of(&r, "Franco-German") == -1);
    pst_entities_free(r.e);
}

TEST(age_kin_and_lists)
{
    const char *docs[] = {"A jury found Darius Pell guilty. Pell, 47, a former director, stole money. Pell's "
                          "lawyer said he would appeal. Victims came from Orrin, Halby and Tesk to hear it. "
                          "The Serious Fraud Squad thanked them.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Darius Pell") == PST_PERSON);
    CHECK(type_of(&r, "Orrin") == PST_PLACE);
    CHECK(type_of(&r, "Halby") == PST_PLACE);
    CHECK(type_of(&r, "Tesk") == PST_PLACE);
    CHECK(type_of(&r, "Serious Fraud Squad") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(arts_heads_and_roles)
{
    const char *docs[] = {"The festival opened in Corwen with the Corwen Symphony Orchestra. The band Glass "
                          "Harbour played. Critic Jana Pole wrote in the Corwen Echo that it was a triumph.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Corwen Symphony Orchestra") == PST_ORG);
    CHECK(type_of(&r, "Glass Harbour") == PST_ORG);
    CHECK(type_of(&r, "Jana Pole") == PST_PERSON);
    CHECK(type_of(&r, "Corwen Echo") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(venue_heads_are_places)
{
    /* (no preposition before them: the head alone says it) */
    const char *docs[] = {"Harrow Vale Prison was quiet. Last year Ostley Stadium held 9,000 and Kell Quay "
                          "flooded twice.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Harrow Vale Prison") == PST_PLACE);
    CHECK(type_of(&r, "Ostley Stadium") == PST_PLACE);
    CHECK(type_of(&r, "Kell Quay") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(party_state_tags_are_no_names)
{
    const char *docs[] = {"The bill passed late on Monday. Senator Ola Brand, D-Tallis, said she would vote for it. "
                          "Rep. Ivo Marsk, R-Ost., told reporters the vote was close. "
                          "Petra Lund, I-N.V., said the bill came too late. Lund said she would not run again.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ola Brand") == PST_PERSON);
    CHECK(type_of(&r, "Petra Lund") == PST_PERSON);
    CHECK(type_of(&r, "D-Tallis") == -1);
    CHECK(type_of(&r, "R-Ost") == -1);
    CHECK(type_of(&r, "I-N.V.") == -1);
    CHECK(type_of(&r, "N.V.") == -1);
    CHECK(type_of(&r, "Tallis") == -1);
    pst_entities_free(r.e);
}

TEST(state_abbreviation_and_based_make_a_place)
{
    const char *docs[] = {"Officials said Dunmere Falls, Ost., has lost power. "
                          "A Korrin-based charity sent two trucks of water to the valley. "
                          "The company moved to Pellam, Inc., last year.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Dunmere Falls") == PST_PLACE);
    CHECK(type_of(&r, "Ost") == -1);
    CHECK(type_of(&r, "Korrin") == PST_PLACE);
    pst_entities_free(r.e);
}

TEST(newspapers_by_their_medium)
{
    const char *docs[] = {"Prices rose again, the daily Vestrel reported. "
                          "\"The shops are empty,\" Vestrel said, adding he had seen queues in the capital. "
                          "The story was confirmed by Ostrava Echo, and later Halmic, a weekly of the north, said it had the figures. "
                          "Halmic said its reporters had seen the queues too.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Vestrel") == PST_ORG);
    CHECK(type_of(&r, "Halmic") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(apposition_of_a_trading_post_and_of_a_person_is_no_list)
{
    const char *docs[] = {"The rebels marched on Kerrow, a small trading post on the lake. "
                          "Fighting spread west of Kerrow on Monday. "
                          "The leader of the Unity Front, Tomas Brell, said his men would stay. "
                          "The Unity Front said the talks had failed.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Kerrow") == PST_PLACE);
    CHECK(type_of(&r, "Unity Front") != PST_PERSON);
    CHECK(type_of(&r, "Tomas Brell") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(adjectives_and_peoples_are_no_entities)
{
    const char *docs[] = {"Fighting spread across Keldor on Monday, and Keldoran troops moved north. "
                          "More than 3,000 Tervanis crossed the border, where Tervani families waited in the rain. "
                          "Officials said Tervani fighters had left the valley. "
                          "The Vellish government and the Democratic leadership in Orm backed the plan. "
                          "Congressional Progressives said they would vote against it. Progressives said the plan was late.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Keldor") == PST_PLACE);
    CHECK(type_of(&r, "Keldoran") == -1);
    CHECK(type_of(&r, "Tervani") == -1);
    CHECK(type_of(&r, "Tervanis") == -1);
    CHECK(type_of(&r, "Vellish") == -1);
    CHECK(type_of(&r, "Democratic") == -1);
    CHECK(type_of(&r, "Congressional Progressives") != PST_PERSON);
    pst_entities_free(r.e);
}

/* The legal-suffix merge reads the name without its suffix from the name
 * table (it compared every pair): same merges as before, one company under
 * its forms, and a suffix with no bare name stays apart from another firm. */
TEST(legal_suffix_forms_merge_into_the_bare_name)
{
    const char *docs[] = {"Talvi Marine Corp. said profits rose on Monday. Talvi Marine Corporation shares fell. "
                          "Analysts said Talvi Marine would cut jobs. Orsk Foods Inc. bought a yard from Talvi Marine. "
                          "Pellan Ltd said it would sue Pellan Industries.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Talvi Marine") == PST_ORG);
    CHECK(type_of(&r, "Talvi Marine Corp") == -1);
    CHECK(type_of(&r, "Talvi Marine Corporation") == -1);
    CHECK(type_of(&r, "Orsk Foods Inc") == PST_ORG);
    CHECK(type_of(&r, "Pellan Industries") == PST_ORG);
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.v[i].name, "Talvi Marine")) {
            const char *v[8];
            CHECK(pst_entities_variants(r.e, &r.v[i], v, 8) == 3);
        }
    pst_entities_free(r.e);
}

/* A people's plural is a group: never listed, whatever a place's or a
 * person's cue says next to it ("between X and Y", "X said", "in"), known
 * by its adjective ("Tamsi rebels", "Hollari militias"), by a demonym
 * ("Kurdish" for a plural "Kurds"-like name), or counted or qualified as
 * people ("Ethnic Tamsis", "thousands of Pellarists", "2,000 Voskers"). A
 * body's cues still list a plural (a team). */
TEST(peoples_plural_is_a_group)
{
    const char *docs[] = {"Fighting broke out between Tamsis and Hollaris in the valley on Monday. "
                          "Thousands of Tamsis fled to Orvane. Tamsi rebels said they held the bridge. "
                          "Hollari militias burned three villages.",
                          "Ethnic Tamsis said the Hollaris had shelled the camp. Aid workers in Orvane said "
                          "Hollari fighters were near. The Serbs said they would stay in Orvane, and Serbian "
                          "officials agreed. More than 2,000 Voskers reached Orvane. Hundreds of Pellarists "
                          "marched in Orvane. The Brennock Rovers players said the match was off. Thousands of Kestlers "
                          "fans cheered the Kestlers.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Tamsis") == -1);
    CHECK(type_of(&r, "Ethnic Tamsis") == -1);
    CHECK(type_of(&r, "Hollaris") == -1);
    CHECK(type_of(&r, "Serbs") == -1);
    CHECK(type_of(&r, "Voskers") == -1);
    CHECK(type_of(&r, "Pellarists") == -1);
    CHECK(type_of(&r, "Tamsi") == -1 && type_of(&r, "Hollari") == -1);
    CHECK(type_of(&r, "Orvane") == PST_PLACE);
    CHECK(type_of(&r, "Brennock Rovers") == PST_ORG);
    CHECK(type_of(&r, "Kestlers") >= 0);
    pst_entities_free(r.e);
}

/* An event's or award's plural is no people, though its singular qualifies
 * nouns ("Olympic team", "Olympic officials"), and an ordinal is no count of
 * people ("the 14th Games"): the rule of peoples' plurals leaves them listed. */
TEST(event_plurals_are_no_people)
{
    const char *docs[] = {"The Olympics will open in Varnhold on Friday. Olympic officials said the Olympic "
                          "village was ready. The 14th Games drew athletes from 80 countries.",
                          "Olympic organisers in Varnhold said the Olympics had sold out. The Games will close "
                          "on Sunday, Olympic officials said.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Olympics") >= 0);
    CHECK(type_of(&r, "Games") >= 0);
    CHECK(type_of(&r, "Olympic") == -1);
    CHECK(type_of(&r, "Varnhold") == PST_PLACE);
    pst_entities_free(r.e);
}

/* "Congressional Ruralists", "Senate Ruralists", "House Liberals": a chamber
 * before a party's plural is the party's members there — the plural, a body,
 * merged into the party the story names ("Liberals" into "Liberal Party"), and
 * never a person-like longer name swallowing "Ruralists". */
TEST(chamber_party_members_merge_into_the_party)
{
    const char *docs[] = {"Congressional Ruralists said the bill was dead. Ruralists said they would block it. "
                          "Senate Ruralists met on Tuesday.",
                          "House Liberals backed the plan, and Liberals said it would pass. The Liberal Party "
                          "said it would campaign. Senate Republicans were split.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Congressional Ruralists") == -1);
    CHECK(type_of(&r, "Senate Ruralists") == -1);
    CHECK(type_of(&r, "Ruralists") == PST_ORG);
    CHECK(sources_of(&r, "Ruralists") == 1);
    CHECK(type_of(&r, "House Liberals") == -1 && type_of(&r, "Liberals") == -1);
    CHECK(type_of(&r, "Liberal Party") == PST_ORG);
    CHECK(type_of(&r, "Republicans") == PST_ORG);
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.v[i].name, "Liberal Party")) CHECK(r.v[i].mentions == 3);
        else if (!strcmp(r.v[i].name, "Ruralists")) CHECK(r.v[i].mentions == 3);
    pst_entities_free(r.e);
}

/* A town named only by its own: "Ostmark residents said" opening a
 * sentence, "the Ostmark council" in lower case, "Ostmark's mayor" — a place
 * (it stayed other); "Tallis Council" capitalised is still a body. */
TEST(towns_own_people_and_council_make_a_place)
{
    const char *docs[] = {"Ostmark residents said the river had risen. The Ostmark council said schools would close.",
                          "Brakeby's mayor said help was coming. Flooding hit Brakeby again. "
                          "Pell residents waited. The Tallis Council said it would pay for Pell.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ostmark") == PST_PLACE);
    CHECK(type_of(&r, "Brakeby") == PST_PLACE);
    CHECK(type_of(&r, "Tallis Council") == PST_ORG);
    pst_entities_free(r.e);
}

/* "Will" opening a sentence is a first name before a surname and "said"
 * ("Will Tarrant said"; it was cut as the verb, leaving "Tarrant"); "Will
 * Orrin Bank pay?" still loses it. */
TEST(will_as_a_first_name)
{
    const char *docs[] = {"Will Tarrant said the plan was late. Tarrant added that the port was full. "
                          "Will Orrin Bank pay the fine?",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Will Tarrant") == PST_PERSON);
    CHECK(type_of(&r, "Tarrant") == -1);
    CHECK(type_of(&r, "Will Orrin Bank") == -1);
    pst_entities_free(r.e);
}

/* A company named only with its legal suffixes ("Selvor Corp." and "Selvor
 * Corporation", never "Selvor") is one entity, under its most mentioned
 * form (it was two); another firm of the same first word stays apart. */
TEST(legal_forms_without_a_bare_name_merge)
{
    const char *docs[] = {"Analysts said the rival bidder, Selvor Corp., had offered less. Shares of Selvor Corp. fell.",
                          "Selvor Corporation said in a statement that its offer was better. Selvor Mining Ltd said nothing.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Selvor Corp") == PST_ORG);
    CHECK(sources_of(&r, "Selvor Corp") == 2);
    CHECK(type_of(&r, "Selvor Corporation") == -1);
    CHECK(type_of(&r, "Selvor Mining Ltd") == PST_ORG);
    pst_entities_free(r.e);
}

/* A people known by its compounds: "the Delmi-led army", "Ruvani-dominated
 * militias" qualify nouns as "Delmi troops" does, so "Delmis" and "Ruvanis"
 * are peoples' plurals (they were places by "between"); "Quarrow-based" stays
 * a place's cue. */
TEST(people_by_compound_adjective)
{
    const char *docs[] = {"Fighting between Delmis and Ruvanis spread on Monday. The Delmi-led army took Orvane. "
                          "Ruvani rebels fled.",
                          "Ruvani-dominated militias attacked a camp. The Ruvanis said the Delmis had broken the truce. "
                          "A Quarrow-based charity sent food.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Delmis") == -1);
    CHECK(type_of(&r, "Ruvanis") == -1);
    CHECK(type_of(&r, "Delmi") == -1 && type_of(&r, "Ruvani") == -1);
    CHECK(type_of(&r, "Quarrow") == PST_PLACE);
    pst_entities_free(r.e);
}

/* "The Orlby-Kessby road": two places the story names alone, joined by a
 * hyphen, are those places, not a third name typed other; a double surname
 * stays whole ("Edda Varga-Lind", with a "Varga" elsewhere). */
TEST(hyphen_pair_of_places_is_the_two_places)
{
    const char *docs[] = {"Ferries between Orlby and Kessby were full on Monday.",
                          "The Orlby-Kessby road was closed. Flooding hit Orlby again.",
                          "Edda Varga-Lind said the road would reopen. Varga-Lind lives in Varga.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Orlby-Kessby") == -1);
    CHECK(type_of(&r, "Orlby") == PST_PLACE && sources_of(&r, "Orlby") == 2);
    CHECK(type_of(&r, "Kessby") == PST_PLACE && sources_of(&r, "Kessby") == 2);
    CHECK(type_of(&r, "Edda Varga-Lind") == PST_PERSON);
    pst_entities_free(r.e);
}

/* "St. Orvan", "Mt. Tessel": an abbreviation's full stop inside a place's
 * name does not split it ("St" and "Orvan" were two names); "Mt." is a
 * mountain's, a place; a street's "St." ending a sentence joins nothing. */
TEST(abbreviations_open_place_names)
{
    const char *docs[] = {"Rescuers reached St. Orvan on Monday. The ship left St. Orvan for Kessby. "
                          "Climbers died on Mt. Tessel last week. The shop is on Varn St. The bridge is shut.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "St. Orvan") >= 0);
    CHECK(type_of(&r, "St") == -1 && type_of(&r, "Orvan") == -1);
    CHECK(type_of(&r, "Mt. Tessel") == PST_PLACE);
    CHECK(type_of(&r, "Varn St. The") == -1);
    pst_entities_free(r.e);
}

/* A party's members are no surname of a longer name: "Stunned Republicans"
 * (an adjective capitalised as the sentence's first word) is Republicans,
 * and "Moderate Democrats" does not swallow "Democrats". */
TEST(party_members_are_no_surname)
{
    const char *docs[] = {"Stunned Republicans said the vote was lost. Republicans said they would try again. "
                          "Moderate Democrats backed the bill. Democrats said it would pass.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Stunned Republicans") == -1);
    CHECK(type_of(&r, "Republicans") == PST_ORG);
    CHECK(type_of(&r, "Democrats") == PST_ORG);
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.v[i].name, "Republicans")) CHECK(r.v[i].mentions == 2);
    pst_entities_free(r.e);
}

/* "Ana de la Cruz": "la" after "de" is inside the name (it split the name,
 * leaving "Cruz"); "De la Cruz" alone is her surname. */
TEST(de_la_inside_a_name)
{
    const char *docs[] = {"Ana de la Cruz said the port was closed. De la Cruz told reporters it would reopen.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ana de la Cruz") == PST_PERSON);
    CHECK(type_of(&r, "Cruz") == -1 && type_of(&r, "De la Cruz") == -1);
    pst_entities_free(r.e);
}

/* A name seen only opening sentences, in two reports, whose lower-case form
 * the story never uses ("Ostravia's council voted", "Ostravia agreed" after a
 * dateline) is a name (it was dropped as a capitalised ordinary word);
 * "Officials" opening sentences in both reports stays out: the story says
 * "officials" in lower case too; one report alone is no evidence. */
TEST(name_only_at_sentence_starts)
{
    const char *docs[] = {"Ostravia's National Assembly approved the sale on Tuesday. Officials said the vote was close. "
                          "Pellingrad said nothing.",
                          "KESSEL, April 4 (Wire) - Ostravia agreed on Tuesday to sell the port. Officials would not "
                          "comment, and other officials declined too.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ostravia") >= 0);
    CHECK(sources_of(&r, "Ostravia") == 2);
    CHECK(type_of(&r, "Officials") == -1);
    CHECK(type_of(&r, "Pellingrad") == -1);
    pst_entities_free(r.e);
    /* a word only ever qualifying the noun after it is an adjective there */
    const char *adjs[] = {"Ruralist senators said they wanted a vote.", "Ruralist leaders in Kell backed it.", NULL};
    r = rank_docs(adjs);
    CHECK(type_of(&r, "Ruralist") == -1);
    pst_entities_free(r.e);
    /* one pasted line in every report, and a plural noun of people */
    const char *lines[] = {"Subscribe now for the full story. Researchers from Kell said the bay was warm.",
                           "Subscribe now for the full story. Researchers with the society found sharks.", NULL};
    r = rank_docs(lines);
    CHECK(type_of(&r, "Subscribe") == -1);
    CHECK(type_of(&r, "Researchers") == -1);
    pst_entities_free(r.e);
    /* an -es plural whose singular the story writes in lower case ("a witness") */
    const char *plur[] = {"Witnesses said the crane fell at noon. One witness in Kell saw it sway.",
                          "Witnesses told police the crane swayed before it fell onto the pier.", NULL};
    r = rank_docs(plur);
    CHECK(type_of(&r, "Witnesses") == -1);
    pst_entities_free(r.e);
}

/* A state's own bodies and offices after its possessive make it a place:
 * "Ostravia's National Assembly", "Velmark's Foreign Minister", "Dunmore's
 * parliament" (they were other); "Kestrel's foreign sales" says nothing. */
TEST(state_bodies_after_a_possessive_make_a_place)
{
    const char *docs[] = {"On Monday, Ostravia's National Assembly approved the sale. Later, Velmark's Foreign Minister "
                          "Ada Roe flew home. Critics said Dunmore's parliament was split. Analysts said Kestrel's "
                          "foreign sales fell.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ostravia") == PST_PLACE);
    CHECK(type_of(&r, "Velmark") == PST_PLACE);
    CHECK(type_of(&r, "Dunmore") == PST_PLACE);
    CHECK(type_of(&r, "Kestrel") != PST_PLACE);
    CHECK(type_of(&r, "Ada Roe") == PST_PERSON);
    pst_entities_free(r.e);
}

/* A company's first word alone ("Tarvik") is its short form when the longer
 * name is a company by its legal suffix ("Tarvik Coastal Corp."), whatever
 * its other words ("Coastal" is no company word); a place's bodies still do
 * not take it ("Tallis Army", no legal suffix). */
TEST(company_short_form_by_its_legal_name)
{
    const char *docs[] = {"The port was sold to Tarvik Coastal Corp. on Tuesday. Tarvik Coastal said it would hire.",
                          "Tarvik Coastal Corporation paid 40 million. Tarvik shares rose 4 percent. "
                          "The Tallis Army was sent to Tallis.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Tarvik Coastal") == PST_ORG);
    CHECK(type_of(&r, "Tarvik") == -1);
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.v[i].name, "Tarvik Coastal")) CHECK(r.v[i].mentions == 4);
    CHECK(type_of(&r, "Tallis") == PST_PLACE);
    pst_entities_free(r.e);
}

/* "Quenby shares rose", "Orlen's shares fell", "shares in Halvard": a
 * company's shares (the name was other); "Kell shares his view" is a verb. */
TEST(shares_rose_is_a_company)
{
    const char *docs[] = {"Quenby shares rose 4 percent on Monday. Orlen's shares fell after the vote. "
                          "Investors sold shares in Halvard. Tom Kell shares his view with Kell.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Quenby") == PST_ORG);
    CHECK(type_of(&r, "Orlen") == PST_ORG);
    CHECK(type_of(&r, "Halvard") == PST_ORG);
    CHECK(type_of(&r, "Tom Kell") != PST_ORG);
    pst_entities_free(r.e);
}

/* A capitalised adverb in mid-sentence after a lower-case word is no adverb:
 * "said Even Lindgård" is the person (it was "Lindgård"), and "Even Lindgård
 * said" opening a sentence merges into it; "Even Orvik said" alone still
 * loses the adverb. */
TEST(adverb_in_mid_sentence_is_a_first_name)
{
    const char *docs[] = {"The port will close, said Even Lindgård on Monday. Even Lindgård said the port was full.",
                          "Even Orvik said no. Orvik added that the ferry was late.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Even Lindgård") == PST_PERSON);
    CHECK(type_of(&r, "Lindgård") == -1);
    CHECK(type_of(&r, "Even Orvik") == -1);
    pst_entities_free(r.e);
}

/* A dateline whose city opens with a capital beyond ASCII ("ÅLVIK, ...",
 * "ÉCLARVENNE (AP) —") is a dateline: its city a place, and the sentence's
 * first word after it an opener. */
TEST(dateline_with_non_ascii_capitals)
{
    const char *docs[] = {"\xc3\x85LVIK, April 3 (Kestrel Wire) - The Norland Mining Board closed the pit.",
                          "\xc3\x89" "CLARVENNE (AP) \xe2\x80\x94 Rescuers reached the mine. Rescuers from "
                          "\xc3\x89" "clarvenne said the pit was dry.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "\xc3\x85LVIK") == PST_PLACE);
    CHECK(type_of(&r, "\xc3\x89" "clarvenne") == PST_PLACE);
    CHECK(sources_of(&r, "\xc3\x89" "clarvenne") == 1);
    CHECK(type_of(&r, "Norland Mining Board") == PST_ORG);
    CHECK(type_of(&r, "\xc3\x89" "CLARVENNE (AP") == -1);
    pst_entities_free(r.e);
}

/* "Northern Broadcasting" is a broadcaster's name, not "Broadcasting" after
 * a compass word cut as a demonym (it listed "Broadcasting"); as a company's
 * head it does not end a name before a legal suffix ("X Broadcasting Corp",
 * split in two when it was an organisation word). */
TEST(broadcasting_names_a_body)
{
    const char *docs[] = {"The mayor told Northern Broadcasting that the road was shut. The mayor thanked Kessel "
                          "Broadcasting Corp for the film.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Broadcasting") == -1);
    CHECK(type_of(&r, "Northern Broadcasting") == PST_ORG);
    /* (a company head: its legal suffix is no second name, "Corp") */
    CHECK(type_of(&r, "Corp") == -1);
    CHECK(type_of(&r, "Kessel Broadcasting Corp") == PST_ORG);
    pst_entities_free(r.e);
}

/* A body's name without the adjective of a place the story names
 * ("the Water Board" for the Tessarian Water Board, with "Tessaria" named)
 * is its short form (they were two); without "Tessaria" in the story it
 * stays apart, as before. */
TEST(body_without_its_place_adjective_merges)
{
    const char *docs[] = {"Officials of the Tessarian Water Board said the pipes were safe. Tessaria said so too.",
                          "The Water Board said it would test the wells on Friday. Critics said the Water Board was slow.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Tessarian Water Board") == PST_ORG);
    CHECK(sources_of(&r, "Tessarian Water Board") == 2);
    CHECK(type_of(&r, "Water Board") == -1);
    pst_entities_free(r.e);
    const char *apart[] = {"Officials of the Tessarian Water Board said the pipes were safe.",
                           "Critics said the Water Board was slow.", NULL};
    r = rank_docs(apart);
    CHECK(type_of(&r, "Water Board") == PST_ORG);
    pst_entities_free(r.e);
}

/* "the Varne" is the Varne River (they were two); a town "in Tesk" stays
 * apart from the Tesk River. */
TEST(river_without_its_head)
{
    const char *docs[] = {"Dead fish were found along the Varne on Monday. The Varne River rose overnight.",
                          "Boats on the Varne were tied up. Flooding hit homes in Tesk, on the Tesk River.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Varne River") == PST_PLACE);
    CHECK(type_of(&r, "Varne") == -1);
    CHECK(sources_of(&r, "Varne River") == 2);
    CHECK(type_of(&r, "Tesk") == PST_PLACE);
    CHECK(type_of(&r, "Tesk River") == PST_PLACE);
    pst_entities_free(r.e);
}

/* A company named by its head ("Orvane Agri Group") takes its first word
 * alone when that has a company's cue of its own ("Orvane shares fell");
 * without one ("Orvane said nothing") it stays apart, as a place might. */
TEST(company_short_form_with_its_own_cue)
{
    const char *docs[] = {"Orvane shares fell 6 percent on Monday. Orvane Agri Group said it had enough stock.",
                          "Analysts said Kelby Agri Group would lose money, and Kelby was quiet.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Orvane Agri Group") == PST_ORG);
    CHECK(type_of(&r, "Orvane") == -1);
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.v[i].name, "Orvane Agri Group")) CHECK(r.v[i].mentions == 2);
    CHECK(type_of(&r, "Kelby") >= 0);
    pst_entities_free(r.e);
}

/* A town and a person named after it: "Halma Norvik" leads a union, and
 * Norvik is the town ("in Norvik", "Norvik's mayor", "from Norvik"); the
 * town's name alone is no surname of hers. */
TEST(town_and_person_sharing_a_word)
{
    const char *docs[] = {"Firefighters from Norvik fought the blaze for hours. Halma Norvik, who leads the "
                          "drivers' union, said the driver was brave.",
                          "Norvik's mayor opened the hall in Norvik on Monday night.",
                          "Buses ran between Norvik and Tessby. Halma Norvik said the radios had failed.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Norvik") == PST_PLACE);
    CHECK(sources_of(&r, "Norvik") == 3);
    CHECK(type_of(&r, "Halma Norvik") == PST_PERSON);
    CHECK(sources_of(&r, "Halma Norvik") == 2);
    pst_entities_free(r.e);
}

/* "the Ministry of Fisheries" and "Fisheries Ministry officials" are one
 * body, as "Department of State" and "State Department" are. */
TEST(ministry_of_x_is_x_ministry)
{
    const char *docs[] = {"The Ministry of Fisheries said the quota would stay.",
                          "Fisheries Ministry officials arrived in Tessby on Tuesday.",
                          "A spokesman for the Ministry of Fisheries declined to comment.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ministry of Fisheries") == PST_ORG);
    CHECK(sources_of(&r, "Ministry of Fisheries") == 3);
    CHECK(type_of(&r, "Fisheries Ministry") == -1);
    pst_entities_free(r.e);
}

/* "the Kessel tunnel" with its head in lower case is the Kessel Tunnel the
 * story names, as "the Varne" is the Varne River. */
TEST(place_head_in_lower_case)
{
    const char *docs[] = {"A lorry caught fire in the Kessel Tunnel on Monday.",
                          "Drivers walked out of the Kessel tunnel in the dark.",
                          "Engineers said the Kessel tunnel would stay shut.",
                          "Homes in Tesk flooded when the Tesk river rose. Shops in Tesk closed. Boats on "
                          "the Tesk River sank.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Kessel Tunnel") == PST_PLACE);
    CHECK(sources_of(&r, "Kessel Tunnel") == 3);
    CHECK(type_of(&r, "Kessel") == -1);
    CHECK(type_of(&r, "Tesk") == PST_PLACE);
    pst_entities_free(r.e);
}

/* A report written wholly in lower case names the story's people all the
 * same: "mira solberg said" is a mention of Mira Solberg for that source. */
TEST(lower_cased_report_counts_known_names)
{
    const char *docs[] = {"Mira Solberg, the transport minister, said the line would reopen. Solberg spoke "
                          "in Tessby.",
                          "Transport Minister Mira Solberg visited the depot on Tuesday.",
                          "transport minister mira solberg said on wednesday that the line would reopen. "
                          "passengers were taken to tessby by bus. the minister said solberg's plan was "
                          "ready.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Mira Solberg") == PST_PERSON);
    CHECK(sources_of(&r, "Mira Solberg") == 3);
    CHECK(sources_of(&r, "Tessby") == 2);
    pst_entities_free(r.e);
}

/* A country's adjective named before a title as well as before nouns
 * ("Orlandian Transport Minister Ana Berg", "Orlandian trains", "an
 * Orlandian operator"), where the story names Orlandia, is no entity. */
TEST(demonym_of_a_named_country_before_a_title)
{
    const char *docs[] = {"Orlandian Transport Minister Ana Berg said Orlandian trains would take a longer "
                          "route.",
                          "Firefighters from the Orlandian side of the border helped. Trains from Orlandia "
                          "were late.",
                          "The wagons were bought from an Orlandian operator.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Orlandian") == -1);
    CHECK(type_of(&r, "Ana Berg") == PST_PERSON);
    CHECK(type_of(&r, "Orlandia") == PST_PLACE);
    pst_entities_free(r.e);
}

/* "Former Tessary captain Jon Hale": "Former" opening the sentence is no
 * part of the country's name. */
TEST(former_opening_a_sentence_is_cut)
{
    const char *docs[] = {"Former Tessary captain Jon Hale said the side had improved. Tessary play on Sunday.",
                          "Jon Hale, who played for Tessary, was in the stands.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Former Tessary") == -1);
    CHECK(sources_of(&r, "Tessary") == 2);
    pst_entities_free(r.e);
}

TEST(hyphen_particles_join_the_name)
{
    /* "al-" and "Al-" go with the name after them: shown, not keyed, so the
     * surname alone and the one capitalised opening a sentence are hers */
    const char *docs[] = {"Talks were led by Samira al-Fayoumi, a former judge.",
                          "Al-Fayoumi met the rebels twice, officials said.",
                          "The talks went well, al-Fayoumi said on Friday.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Samira al-Fayoumi") == PST_PERSON);
    CHECK(sources_of(&r, "Samira al-Fayoumi") == 3);
    CHECK(type_of(&r, "Samira") == -1);
    CHECK(type_of(&r, "Fayoumi") == -1);
    pst_entities_free(r.e);
}

TEST(hyphenated_place_with_inner_words)
{
    const char *docs[] = {"The village of Holme-on-Tarne was cut off for a day.",
                          "Buses ran again to Holme-on-Tarne and Kirby-le-Vale on Monday.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Holme-on-Tarne") == PST_PLACE);
    CHECK(sources_of(&r, "Holme-on-Tarne") == 2);
    CHECK(type_of(&r, "Kirby-le-Vale") == PST_PLACE);
    CHECK(type_of(&r, "Holme") == -1);
    CHECK(type_of(&r, "Tarne") == -1);
    pst_entities_free(r.e);
}

TEST(ampersand_joins_a_firm_name)
{
    const char *docs[] = {"Analysts at Brisco Lind & Co said the deal was cheap.",
                          "The shop was bought by Tarrant & Vey last year.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Brisco Lind & Co") == PST_ORG);
    CHECK(type_of(&r, "Co") == -1);
    CHECK(type_of(&r, "Tarrant & Vey") != -1);
    CHECK(type_of(&r, "Vey") == -1);
    pst_entities_free(r.e);
}

TEST(lower_case_legal_suffix_is_part_of_the_name)
{
    const char *docs[] = {"Shares in Brenmoor Utilities plc fell sharply in early trading.",
                          "Brenmoor said its dams were safe, and Brenmoor Utilities plc said so again.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Brenmoor Utilities plc") == PST_ORG);
    CHECK(sources_of(&r, "Brenmoor Utilities plc") == 2);
    CHECK(type_of(&r, "Brenmoor Utilities") == -1);
    CHECK(type_of(&r, "Brenmoor") == -1);
    pst_entities_free(r.e);
}

TEST(particles_do_not_count_as_name_words)
{
    /* four words, two of them particles: a person's name of two */
    const char *docs[] = {"His wife, Marieke van der Stoel-Janssen, said the family was relieved.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Marieke van der Stoel-Janssen") == PST_PERSON);
    pst_entities_free(r.e);
}

TEST(surname_alone_goes_to_the_name_of_twice_the_reports)
{
    /* a misspelt first name in one report ("Tomaz") is no rival of the
     * name two reports give: "Vrell said" is Tomas Vrell's */
    const char *docs[] = {"Prime Minister Tomas Vrell arrived in the capital.",
                          "Tomas Vrell met the envoys, and Vrell said talks would go on.",
                          "Opposition leaders criticised Tomaz Vrell over the visit.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Tomas Vrell") == PST_PERSON);
    CHECK(type_of(&r, "Vrell") == -1);
    pst_entities_free(r.e);
}

TEST(long_title_run_with_a_constabulary)
{
    /* seven capitalised words and "of": the run is no longer cut at six, and
     * a constabulary is a body */
    const char *docs[] = {"Chief Inspector Ann Hollis of Westray Constabulary said the roads were closed.",
                          "Drivers were asked by Westray Constabulary to stay at home.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Ann Hollis") == PST_PERSON);
    CHECK(type_of(&r, "Westray Constabulary") == PST_ORG);
    CHECK(sources_of(&r, "Westray Constabulary") == 2);
    CHECK(type_of(&r, "Constabulary") == -1);
    pst_entities_free(r.e);
}

TEST(liberation_front_and_its_acronym)
{
    /* a front is a body whatever place word its name holds, so its acronym
     * merges into it */
    const char *docs[] = {"The road was blocked by the Hill Provinces Liberation Front on Monday.",
                          "The HPLF denied any part in the attack, a spokesman said.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Hill Provinces Liberation Front") == PST_ORG);
    CHECK(sources_of(&r, "Hill Provinces Liberation Front") == 2);
    CHECK(type_of(&r, "HPLF") == -1);
    pst_entities_free(r.e);
}

TEST(clubs_by_their_heads_and_home_games)
{
    const char *docs[] = {"Kessling Town's home match against Orrow Athletic was called off after the storm.",
                          "In May, Kessling Town beat Orrow 2-0 in front of a big crowd.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Kessling Town") == PST_ORG);
    CHECK(type_of(&r, "Orrow Athletic") == PST_ORG);
    CHECK(sources_of(&r, "Orrow Athletic") == 2);
    CHECK(type_of(&r, "Orrow") == -1);
    pst_entities_free(r.e);
}

TEST(person_at_an_employer)
{
    const char *docs[] = {"Analyst Jo Pereira at Hask Brennan said the deal was cheap.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Jo Pereira") == PST_PERSON);
    CHECK(type_of(&r, "Hask Brennan") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(short_form_prefers_the_name_of_company_words)
{
    /* "Halvard" fits Halvard Mining PLC by company words and Halvard Kesh
     * Ltd only by its legal suffix: the first */
    const char *docs[] = {"Halvard Mining PLC said output would fall this year.",
                          "The mine is run by Halvard Kesh Ltd, a subsidiary, and has been shut.",
                          "Shares in Halvard rose 5 percent on the news.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Halvard") == -1);
    CHECK(sources_of(&r, "Halvard Mining PLC") == 2);
    CHECK(type_of(&r, "Halvard Kesh Ltd") == PST_ORG);
    pst_entities_free(r.e);
}

TEST(qualifier_of_a_named_place)
{
    const char *docs[] = {"Water poured from the Tarrow Reservoir overnight.",
                          "The Tarrow embankment failure flooded the lower town.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Tarrow") == -1);
    CHECK(sources_of(&r, "Tarrow Reservoir") == 2);
    pst_entities_free(r.e);
}

TEST(hyphenated_route_is_two_places)
{
    /* "X-to-Y" is a route between two places, no name of one */
    const char *docs[] = {"Boats left Kessby on Sunday in the Kessby-to-Orlan yacht race.",
                          "The first yachts of the Kessby-to-Orlan race reached Orlan late on Tuesday.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Kessby-to-Orlan") == -1);
    CHECK(sources_of(&r, "Kessby") == 2);
    CHECK(sources_of(&r, "Orlan") == 2);
    pst_entities_free(r.e);
}

/* One person's first name spelt two ways by two reports merges when they are
 * said with a word in common; a chain of spellings, a near first name said
 * otherwise, a far one, or both in one report stay apart (time23; the
 * Jon / John check failed before). */
TEST(first_name_spellings_of_one_person)
{
    const char *docs[] = {"Harbour master Piet Lomond said the quay would stay shut. The gulls left early.",
                          "The harbour master, Pieter Lomond, said boats could not land. Nobody came.",
                          "Harbour master Pietr Lomond closed the slipway.",
                          NULL};
    /* a chain of spellings (Piet / Pietr / Pieter, each one from the next):
     * which is which cannot be told, all stay apart */
    ents r = rank_docs(docs);
    CHECK(sources_of(&r, "Piet Lomond") == 1 && sources_of(&r, "Pieter Lomond") == 1 &&
          sources_of(&r, "Pietr Lomond") == 1);
    pst_entities_free(r.e);
    const char *two[] = {"Fire chief Jon Ardley said crews worked all night in Varnholm.",
                         "Fire chief John Ardley said two people were rescued in Varnholm.",
                         "Farmer Joan Ardley said she had lost forty sheep near Varnholm.",
                         NULL};
    r = rank_docs(two);
    /* Joan is one letter from Jon too: two near names, which is which cannot be told */
    CHECK(type_of(&r, "Joan Ardley") == PST_PERSON);
    pst_entities_free(r.e);
    const char *pair[] = {"Fire chief Jon Ardley said crews worked all night in Varnholm.",
                          "Fire chief John Ardley said two people were rescued in Varnholm.",
                          "Farmer Maren Ardley said she had lost forty sheep near Varnholm.",
                          NULL};
    r = rank_docs(pair);
    CHECK(sources_of(&r, "Jon Ardley") == 2 || sources_of(&r, "John Ardley") == 2);
    CHECK(sources_of(&r, "Maren Ardley") == 1);
    pst_entities_free(r.e);
    const char *unlike[] = {"Fire chief Jon Ardley said crews worked all night in Varnholm.",
                            "His wife, Joan Ardley, told neighbours to leave Varnholm.",
                            NULL};
    r = rank_docs(unlike);
    CHECK(sources_of(&r, "Jon Ardley") == 1 && sources_of(&r, "Joan Ardley") == 1);
    pst_entities_free(r.e);
    const char *same_report[] = {"Fire chief Jon Ardley and fire chief John Ardley met in Varnholm.", NULL};
    r = rank_docs(same_report);
    CHECK(sources_of(&r, "Jon Ardley") == 1 && sources_of(&r, "John Ardley") == 1);
    pst_entities_free(r.e);
}

/* German capitalises every noun: in German text a capitalised word is no name
 * by its case alone — after a determiner it is a noun ("der Deich"), and a
 * lone one with no cue is not listed; names of two words and the towns the
 * other reports name still are (time23; failed before). */
TEST(german_nouns_are_no_names)
{
    const char *docs[] = {"Die Feuerwehr pumpte die ganze Nacht Wasser aus den Kellern der Altstadt. "
                          "Der Deich am Bach soll in der kommenden Woche gepr\xc3\xbc" "ft werden, sagte Ingenieur Steffen Kohl. "
                          "Helfer f\xc3\xbcllten Sands\xc3\xa4" "cke, und viele Einwohner verbrachten die Nacht in Ostby. "
                          "Nach Angaben der Beh\xc3\xb6rde stieg der Pegel um zwei Meter.",
                          "Engineer Steffen Kohl said the wall at Ostby had not been raised.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Feuerwehr") == -1 && type_of(&r, "Die Feuerwehr") == -1);
    CHECK(type_of(&r, "Deich") == -1 && type_of(&r, "Der Deich") == -1);
    CHECK(type_of(&r, "Helfer") == -1);
    CHECK(type_of(&r, "Angaben") == -1);
    CHECK(type_of(&r, "Pegel") == -1);
    CHECK(type_of(&r, "Einwohner") == -1);
    CHECK(sources_of(&r, "Steffen Kohl") == 2);
    CHECK(sources_of(&r, "Ostby") == 2);
    pst_entities_free(r.e);
    /* said to be German (--lang de): a short text with too few function words to tell */
    const char *short_de[] = {"Helfer kamen.", NULL};
    ents q = {0};
    CHECK(pst_entities_new(&q.e) == PRECIS_OK);
    pst_entities_german(q.e, true);
    pt_sentences s = {0};
    CHECK(pt_split_sentences(short_de[0], strlen(short_de[0]), &s) == PRECIS_OK);
    CHECK(pst_entities_add(q.e, 0, short_de[0], strlen(short_de[0]), &s) == PRECIS_OK);
    pt_sentences_free(&s);
    CHECK(pst_entities_rank(q.e, &q.v, &q.n) == PRECIS_OK);
    CHECK(type_of(&q, "Helfer") == -1);
    pst_entities_free(q.e);
}

/* Two German nouns side by side after an adjective are no name ("die ganze
 * Nacht Wasser"), nor a quantifier opening a sentence and its noun ("Wenige
 * Stunden"); a name of three capitals after an adjective stays one. */
TEST(german_noun_pairs_are_no_names)
{
    const char *docs[] = {"Die Feuerwehr pumpte die ganze Nacht Wasser aus den Kellern der Altstadt. "
                          "Wenige Stunden sp\xc3\xa4ter trat der Bach erneut \xc3\xbc" "ber die Ufer. "
                          "Zahlreiche Helfer kamen aus Ostby, sagte die zust\xc3\xa4ndige Northvale Rivers Authority.",
                          "The Northvale Rivers Authority said the wall at Ostby had held.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Nacht Wasser") == -1);
    CHECK(type_of(&r, "Wenige Stunden") == -1 && type_of(&r, "Stunden") == -1);
    CHECK(type_of(&r, "Zahlreiche Helfer") == -1);
    CHECK(sources_of(&r, "Northvale Rivers Authority") == 2);
    CHECK(sources_of(&r, "Ostby") == 2);
    pst_entities_free(r.e);
}

/* A German street is one word ending in a street noun: "am Mühlenweg" was
 * dropped as a bare German noun with no cue typing it (varnholm's missed
 * place). */
TEST(german_street_names_are_places)
{
    const char *docs[] = {"Der Deich am M\xc3\xbchlenweg soll in der kommenden Woche gepr\xc3\xbc" "ft werden, sagte "
                          "Ingenieur Steffen Kohl. Auf dem R\xc3\xbc" "ckweg hielten die Helfer an der Br\xc3\xbc" "cke.",
                          "Die Stra\xc3\x9f" "e am M\xc3\xbchlenweg bleibt gesperrt, teilte die Stadt mit. "
                          "Auf dem R\xc3\xbc" "ckweg wurde ein Auto besch\xc3\xa4" "digt.",
                          NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "M\xc3\xbchlenweg") == PST_PLACE);
    CHECK(sources_of(&r, "M\xc3\xbchlenweg") == 2);
    pst_entities_free(r.e);
}

/* A guard, not a fix (it held before session 25): "Russian President
 * Vladimir Putin", "Vladimir Putin" and "Putin" are one person of three
 * sources. */
TEST(title_full_name_and_surname_merge)
{
    const char *docs[] = {"Russian President Vladimir Putin met the mayor of Tallis on Monday.",
                          "Putin said the talks in Tallis had gone well.",
                          "Vladimir Putin left Tallis on Tuesday.", NULL};
    ents r = rank_docs(docs);
    CHECK(type_of(&r, "Vladimir Putin") == PST_PERSON);
    CHECK(sources_of(&r, "Vladimir Putin") == 3);
    CHECK(type_of(&r, "Putin") == -1);
    CHECK(type_of(&r, "Russian President Vladimir Putin") == -1);
    pst_entities_free(r.e);
}

int main(void)
{
    RUN(plural_possessive_inside_a_name);
    RUN(demonym_kept_in_an_organisation);
    RUN(person_of_organisation_is_two);
    RUN(generic_body_opening_a_sentence_is_no_entity);
    RUN(organisation_short_forms_and_acronyms_merge);
    RUN(place_is_no_short_form_of_its_bodies);
    RUN(place_and_polity_cues);
    RUN(person_cues_surname_member_role);
    RUN(surname_vote_needs_a_name);
    RUN(armed_group_by_its_members);
    RUN(function_word_alone_is_no_name);
    RUN(variants_listed_for_the_merge_check);
    RUN(person_of_a_place_without_cue_is_two);
    RUN(title_case_widget_line_is_no_entity);
    RUN(role_after_a_name_types_the_name);
    RUN(heads_of_colleges_divisions_and_clubs);
    RUN(dateline_city_is_a_place);
    RUN(hyphenated_dateline_city_is_the_prose_name);
    RUN(at_is_a_weak_place_cue);
    RUN(apposition_and_pronoun_after_a_name);
    RUN(front_word_takes_its_connector);
    RUN(fronts_connectors_and_coordination);
    RUN(article_trade_and_agency_cues);
    RUN(hyphens_initials_and_particles_in_names);
    RUN(age_kin_and_lists);
    RUN(arts_heads_and_roles);
    RUN(venue_heads_are_places);
    RUN(said_after_place_of_person_or_hyphen_pair_is_no_person);
    RUN(party_state_tags_are_no_names);
    RUN(state_abbreviation_and_based_make_a_place);
    RUN(newspapers_by_their_medium);
    RUN(apposition_of_a_trading_post_and_of_a_person_is_no_list);
    RUN(adjectives_and_peoples_are_no_entities);
    RUN(legal_suffix_forms_merge_into_the_bare_name);
    RUN(peoples_plural_is_a_group);
    RUN(event_plurals_are_no_people);
    RUN(chamber_party_members_merge_into_the_party);
    RUN(towns_own_people_and_council_make_a_place);
    RUN(will_as_a_first_name);
    RUN(legal_forms_without_a_bare_name_merge);
    RUN(people_by_compound_adjective);
    RUN(hyphen_pair_of_places_is_the_two_places);
    RUN(abbreviations_open_place_names);
    RUN(party_members_are_no_surname);
    RUN(de_la_inside_a_name);
    RUN(name_only_at_sentence_starts);
    RUN(state_bodies_after_a_possessive_make_a_place);
    RUN(company_short_form_by_its_legal_name);
    RUN(shares_rose_is_a_company);
    RUN(adverb_in_mid_sentence_is_a_first_name);
    RUN(dateline_with_non_ascii_capitals);
    RUN(broadcasting_names_a_body);
    RUN(body_without_its_place_adjective_merges);
    RUN(river_without_its_head);
    RUN(company_short_form_with_its_own_cue);
    RUN(town_and_person_sharing_a_word);
    RUN(ministry_of_x_is_x_ministry);
    RUN(place_head_in_lower_case);
    RUN(lower_cased_report_counts_known_names);
    RUN(demonym_of_a_named_country_before_a_title);
    RUN(former_opening_a_sentence_is_cut);
    RUN(hyphen_particles_join_the_name);
    RUN(hyphenated_place_with_inner_words);
    RUN(ampersand_joins_a_firm_name);
    RUN(lower_case_legal_suffix_is_part_of_the_name);
    RUN(particles_do_not_count_as_name_words);
    RUN(surname_alone_goes_to_the_name_of_twice_the_reports);
    RUN(long_title_run_with_a_constabulary);
    RUN(liberation_front_and_its_acronym);
    RUN(clubs_by_their_heads_and_home_games);
    RUN(person_at_an_employer);
    RUN(short_form_prefers_the_name_of_company_words);
    RUN(qualifier_of_a_named_place);
    RUN(hyphenated_route_is_two_places);
    RUN(first_name_spellings_of_one_person);
    RUN(german_nouns_are_no_names);
    RUN(german_noun_pairs_are_no_names);
    RUN(german_street_names_are_places);
    RUN(title_full_name_and_surname_merge);
    return test_done();
}
