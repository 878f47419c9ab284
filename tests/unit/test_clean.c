/* Tests for the plain-text cleaner (src/clean). Texts are invented. */
#include "test.h"
#include "clean/clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static precis_status clean_str(const char *text, pt_article *a)
{
    pcl_options o;
    pcl_options_init(&o);
    pt_article_init(a);
    return pcl_clean(text, strlen(text), &o, a, NULL);
}

static bool removed_as(const pt_article *a, const char *line_start, const char *cls)
{
    for (size_t i = 0; i < a->n_removed; i++)
        if (strncmp(a->removed[i].line, line_start, strlen(line_start)) == 0)
            return strcmp(a->removed[i].cls, cls) == 0;
    return false;
}

static const char *ARTICLE_EN =
    "Skip to content\n"
    "Home | World | Business | Sport\n"
    "Published: Wed, March 4, 2020\n"
    "By Olive Marsh\n"
    "\n"
    "Harbour Town Votes To Rebuild Its Old Sea Wall\n"
    "\n"
    "The council of the small harbour town voted on Tuesday to rebuild the sea wall that "
    "protected the old quarter for more than a century, ending a dispute that had lasted years.\n"
    "\n"
    "Engineers said the new wall would be two metres higher and would be finished before the "
    "winter storms of next year, if the money from the regional fund arrives in time.\n"
    "\n"
    "Fishermen at the quay were relieved. \"We have waited long enough for this,\" said one of "
    "them, who has worked in the harbour since he was a boy.\n"
    "\n"
    "Share this:\n"
    "Subscribe to our newsletter\n"
    "0 $\n"
    "1,000 $\n";

TEST(english_article)
{
    pt_article a;
    CHECK(clean_str(ARTICLE_EN, &a) == PRECIS_OK);
    CHECK_STR(a.title, "Harbour Town Votes To Rebuild Its Old Sea Wall");
    CHECK_STR(a.date, "2020-03-04");
    CHECK_STR(a.author, "Olive Marsh");
    CHECK_STR(a.lang, "en");
    CHECK(a.text && strncmp(a.text, "The council of the small harbour", 32) == 0);
    CHECK(a.text && strstr(a.text, "since he was a boy.") != NULL);
    CHECK(a.text && strstr(a.text, "Share") == NULL);
    CHECK(a.text && strstr(a.text, "Harbour Town Votes") == NULL); /* title once, not in text */
    CHECK(removed_as(&a, "Skip to content", "navigation"));
    CHECK(removed_as(&a, "Home | World", "navigation"));
    CHECK(removed_as(&a, "Published:", "dateline"));
    CHECK(removed_as(&a, "By Olive", "byline"));
    CHECK(removed_as(&a, "Share this:", "social"));
    CHECK(removed_as(&a, "Subscribe", "promotion"));
    CHECK(removed_as(&a, "1,000 $", "ticker"));
    pt_article_free(&a);
}

TEST(only_debris_is_empty)
{
    pt_article a;
    CHECK(clean_str("Home\nShare this:\nSubscribe now\n0 $\n", &a) == PRECIS_EEMPTY);
    CHECK(a.text_len == 0);
    CHECK(a.n_removed == 4);
    pt_article_free(&a);
    CHECK(clean_str("", &a) == PRECIS_EEMPTY);
    pt_article_free(&a);
}

TEST(size_caps)
{
    pcl_options o;
    pcl_options_init(&o);
    o.max_article_bytes = 10;
    pt_article a;
    pt_article_init(&a);
    pc_error err;
    CHECK(pcl_clean("0123456789ABC", 13, &o, &a, &err) == PRECIS_ELIMIT);
    CHECK(strstr(err.msg, "limit") != NULL);
    pt_article_free(&a);
    pcl_options_init(&o);
    o.max_line_bytes = 4;
    pt_article_init(&a);
    CHECK(pcl_clean("ab\nabcdef\n", 10, &o, &a, &err) == PRECIS_ELIMIT);
    pt_article_free(&a);
}

TEST(german_wrapped_text_is_joined)
{
    /* hard-wrapped at 60 columns: the paragraph comes back as one */
    const char *t =
        "Startseite | Politik | Sport | Kultur\n"
        "\n"
        "Neue Brücke über die Elbe eröffnet\n"
        "\n"
        "Nach drei Jahren Bauzeit ist die neue Brücke über die Elbe am\n"
        "Samstag für den Verkehr freigegeben worden. Tausende Menschen\n"
        "kamen zur Eröffnung, bei der auch der Ministerpräsident sprach\n"
        "und den Arbeitern für ihren Einsatz dankte.\n"
        "\n"
        "Die Brücke ersetzt eine alte Fähre, die bei Hochwasser oft\n"
        "tagelang nicht fahren konnte, und verkürzt den Weg zwischen den\n"
        "beiden Ufern um mehr als zwanzig Kilometer für die Pendler.\n"
        "\n"
        "Artikel teilen\n";
    pt_article a;
    CHECK(clean_str(t, &a) == PRECIS_OK);
    CHECK_STR(a.title, "Neue Brücke über die Elbe eröffnet");
    CHECK_STR(a.lang, "de");
    CHECK(a.text && strstr(a.text, "Elbe am Samstag für den Verkehr") != NULL);
    CHECK(a.text && strstr(a.text, "Startseite") == NULL);
    CHECK(a.text && strstr(a.text, "teilen") == NULL);
    pt_article_free(&a);
}

TEST(per_line_verdicts)
{
    const char *t = "Breaking News\n\nThe bridge over the river reopened on Sunday after a month of "
                    "repairs, the city said in a statement on its website.\n";
    pcl_options o;
    pcl_options_init(&o);
    pt_article a;
    pt_article_init(&a);
    pcl_line *lines = NULL;
    size_t n = 0;
    CHECK(pcl_clean_lines(t, strlen(t), &o, &a, &lines, &n, NULL) == PRECIS_OK);
    CHECK(n == 3);
    if (n == 3) {
        CHECK(!lines[0].kept && lines[0].cls == PCL_NAVIGATION && lines[0].reason);
        CHECK(lines[0].lineno == 1 && lines[0].start == 0 && lines[0].len == 13);
        CHECK(!lines[1].kept); /* blank */
        CHECK(lines[2].kept && lines[2].cls == PCL_PARAGRAPH && !lines[2].reason);
    }
    free(lines);
    pt_article_free(&a);
    CHECK_STR(pcl_class_name(PCL_TICKER), "ticker");
    CHECK_STR(pcl_class_name(PCL_BOILERPLATE), "boilerplate");
}

TEST(corpus_counts_documents_not_lines)
{
    pcl_corpus *c = pcl_corpus_new();
    CHECK(c != NULL);
    if (!c) return;
    const char *doc = "Support local news!\nSupport local news!\nA line.\n";
    CHECK(pcl_corpus_add(c, doc, strlen(doc)) == PRECIS_OK);
    CHECK(pcl_corpus_add(c, "  support LOCAL news \n", 22) == PRECIS_OK);
    CHECK(pcl_corpus_docs(c) == 2);
    CHECK(pcl_corpus_count(c, "Support local news!", 19) == 2); /* case and spacing ignored */
    CHECK(pcl_corpus_count(c, "A line.", 7) == 1);
    CHECK(pcl_corpus_count(c, "never seen", 10) == 0);
    /* growth past the first table size keeps counts */
    char line[32];
    for (int i = 0; i < 3000; i++) {
        int k = snprintf(line, sizeof line, "line number %d\n", i);
        CHECK(pcl_corpus_add(c, line, (size_t)k) == PRECIS_OK);
    }
    CHECK(pcl_corpus_count(c, "line number 1234", 16) == 1);
    CHECK(pcl_corpus_count(c, "Support local news!", 19) == 2);
    pcl_corpus_free(c);
}

TEST(recurring_prose_is_boilerplate_in_a_batch)
{
    const char *docs[3] = {
        "The council approved the new budget on Monday after a long debate about schools.\n\n"
        "Our newsroom is funded by readers who believe in local reporting.\n",
        "Firefighters put out a blaze at the old mill on Tuesday night, nobody was hurt.\n\n"
        "Our newsroom is funded by readers who believe in local reporting.\n",
        "The library will stay open until nine in the evening during the exam weeks.\n\n"
        "Our newsroom is funded by readers who believe in local reporting.\n"};
    pcl_corpus *c = pcl_corpus_new();
    if (!c) return;
    for (int i = 0; i < 3; i++) pcl_corpus_add(c, docs[i], strlen(docs[i]));
    pcl_options o;
    pcl_options_init(&o);
    o.corpus = c;
    pt_article a;
    pt_article_init(&a);
    CHECK(pcl_clean(docs[1], strlen(docs[1]), &o, &a, NULL) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "Firefighters") != NULL);
    CHECK(a.text && strstr(a.text, "newsroom") == NULL);
    CHECK(removed_as(&a, "Our newsroom", "boilerplate"));
    pt_article_free(&a);
    /* the same document alone keeps the line: nothing marks it as debris */
    o.corpus = NULL;
    pt_article_init(&a);
    CHECK(pcl_clean(docs[1], strlen(docs[1]), &o, &a, NULL) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "newsroom") != NULL);
    pt_article_free(&a);
    pcl_corpus_free(c);
}

TEST(public_api_returns_article_json)
{
    precis_ctx *ctx = precis_new(NULL);
    CHECK(ctx != NULL);
    if (!ctx) return;
    char *json = NULL;
    size_t n = 0;
    CHECK(precis_clean_text(ctx, "a1", ARTICLE_EN, strlen(ARTICLE_EN), &json, &n) == PRECIS_OK);
    CHECK(json && n == strlen(json));
    CHECK(json && strncmp(json, "{\"id\":\"a1\"", 10) == 0);
    CHECK(json && strstr(json, "\"date\":\"2020-03-04\"") != NULL);
    CHECK(json && strstr(json, "\"class\":\"ticker\"") != NULL);
    precis_text_free(json);
    json = NULL;
    CHECK(precis_clean_text(ctx, NULL, "Home\n", 5, &json, &n) == PRECIS_EEMPTY);
    CHECK(json && strstr(json, "\"removed\":[{") != NULL);
    precis_text_free(json);
    CHECK(precis_clean_text(ctx, NULL, NULL, 3, &json, &n) == PRECIS_EINVAL);
    precis_free(ctx);
}


/* An invented news page with the debris the region model must handle: a
 * teaser card (title glued to its description), an inline "Related" box in
 * the middle of the article, a closing call to the reader, an author bio. */
static const char *ARTICLE_INLINE =
    "Menu\n"
    "\n"
    "Ferry Line To Return After Ten Years\n"
    "\n"
    "The island council wants the old crossing back before summer, and the port agrees.\n"
    "\n"
    "By Mara Quill\n"
    "June 3, 2022\n"
    "\n"
    "The ferry between Port Aldin and the island of Wessa will run again from next spring, the "
    "island council said on Thursday, ten years after the last boat was sold to pay debts.\n"
    "\n"
    "The council has leased a vessel from a shipping company on the mainland and hopes to offer "
    "four crossings a day in summer and two in winter, when storms often close the harbour.\n"
    "\n"
    "Related\n"
    "\n"
    "Island school saved by new families\n"
    "\n"
    "Fishermen in Wessa welcomed the news. \"We have driven our catch around the bay for ten "
    "years,\" said one of them, who sells fish at the market in Port Aldin every Friday morning.\n"
    "\n"
    "The port authority said the old ferry ramp would be repaired in the winter, and that tickets "
    "would cost about the same as the bus that now takes three hours around the bay.\n"
    "\n"
    "Never miss a story from the islands: read the Aldin Courier every morning on your phone, "
    "you will find it at aldincourier.example.com.\n"
    "\n"
    "Mara Quill is a reporter at the Aldin Courier who writes about the islands and the sea.\n"
    "\n"
    "Harbour FestivalThe harbour festival returns with music, boats and food stalls\n";

TEST(region_model_inline_boxes_and_tail)
{
    pt_article a;
    CHECK(clean_str(ARTICLE_INLINE, &a) == PRECIS_OK);
    CHECK_STR(a.title, "Ferry Line To Return After Ten Years");
    CHECK(a.text && strstr(a.text, "The ferry between Port Aldin") != NULL);
    /* the article goes on after the inline "Related" box */
    CHECK(a.text && strstr(a.text, "Fishermen in Wessa welcomed") != NULL);
    CHECK(a.text && strstr(a.text, "the old ferry ramp would be repaired") != NULL);
    CHECK(a.text && strstr(a.text, "Island school saved") == NULL);
    /* the closing call to the reader and the bio are not article text */
    CHECK(a.text && strstr(a.text, "Never miss a story") == NULL);
    CHECK(a.text && strstr(a.text, "is a reporter at") == NULL);
    CHECK(a.text && strstr(a.text, "Harbour Festival") == NULL);
    CHECK(removed_as(&a, "Related", "teaser"));
    pt_article_free(&a);
}

/* A wire story whose last paragraphs are short sentences: they are its end,
 * not what follows the article; a share line after them is not. */
TEST(short_closing_sentences_are_article)
{
    static const char *TEXT =
        "LARKMOOR GAZETTE\n\n"
        "Harbour cranes return to service after storm repairs\n\n"
        "The two harbour cranes at Larkmoor were back at work on Monday after six weeks of repairs "
        "to their rails, the port authority said.\n\n"
        "Ships that had waited off the coast for a berth began unloading grain and timber in the "
        "morning, and the queue is expected to clear by the end of the week.\n\n"
        "The repairs cost the authority about 3 million crowns, paid from its reserve fund.\n\n"
        "The cranes were built in 1988.\n\n"
        "Share this article\n";
    pt_article a;
    CHECK(clean_str(TEXT, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "paid from its reserve fund") != NULL);
    CHECK(a.text && strstr(a.text, "The cranes were built in 1988.") != NULL);
    CHECK(a.text && strstr(a.text, "Share this") == NULL);
    pt_article_free(&a);
}

/* A closing sentence naming a person and "the authority's accounts" is no
 * author biography ("author" is a word, not a part of "authority"). */
TEST(authority_is_not_an_author)
{
    static const char *TEXT =
        "LEDGER BUSINESS\n\n"
        "Water company shares fall after reservoir breach\n\n"
        "Shares in the water company fell a further 3 per cent on Tuesday as investors weighed the cost "
        "of the reservoir breach at Callow.\n\n"
        "The company's chief executive, Graham Ferrier, is due to appear before the assembly's water "
        "committee next Tuesday.\n\n"
        "Ferrier was paid 412,000 crowns last year, according to the authority's accounts.\n";
    pt_article a;
    CHECK(clean_str(TEXT, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "according to the authority's accounts") != NULL);
    pt_article_free(&a);
}

/* A recipe: the ingredient list after the method (numbers in most items)
 * belongs to the article; the menu lists (words only) do not. A caption printed twice
 * (wrapped differently) loses both copies. */
static const char *RECIPE_DE =
    "  • Rezepte\n"
    "  • Backen\n"
    "  • Kochen\n"
    "\n"
    "Mit diesem Apfelkuchen vom Blech gelingt der Sonntagskaffee auch dann, wenn sich am "
    "Nachmittag mehr Gäste angemeldet haben, als in die Küche passen.\n"
    "\n"

    "Die Butter mit dem Zucker schaumig rühren, dann die Eier nacheinander unterrühren und "
    "das Mehl nach und nach dazugeben, bis ein glatter Teig entstanden ist.\n"
    "\n"
    "Der fertige Kuchen auf dem Blech der Bäckerei Wendler in Altdorf, frisch aus dem Ofen und "
    "noch warm, so wie ihn die Familie seit drei Generationen jeden Sonntag backt.\n"
    "\n"
    "Der fertige Kuchen auf dem Blech der Bäckerei Wendler in Altdorf, frisch aus dem Ofen und "
    "noch warm, so wie ihn die Familie seit vier Generationen jeden Sonntag backt.\n"
    "\n"
    "Die Äpfel schälen, in dünne Spalten schneiden und dicht an dicht auf den Teig legen. "
    "Bei 180 Grad etwa 40 Minuten backen und vor dem Schneiden abkühlen lassen.\n"
    "\n"
    "Zutaten\n"
    "\n"
    "  • 500 g Mehl\n"
    "  • 250 g Butter\n"
    "  • 3 Eier\n"
    "  • 1 kg Äpfel\n"
    "\n"
    "  • Impressum\n"
    "  • Kontakt\n";

TEST(quantity_lists_and_captions_printed_twice)
{
    pt_article a;
    CHECK(clean_str(RECIPE_DE, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "500 g Mehl") != NULL);
    CHECK(a.text && strstr(a.text, "1 kg Äpfel") != NULL);
    CHECK(a.text && strstr(a.text, "Rezepte") == NULL);
    CHECK(a.text && strstr(a.text, "Kontakt") == NULL);
    CHECK(a.text && strstr(a.text, "Bäckerei Wendler") == NULL);
    CHECK(a.text && strstr(a.text, "Die Äpfel schälen") != NULL);
    CHECK_STR(a.lang, "de");
    pt_article_free(&a);
}

/* A short invented article body, shared by the metadata tests below. */
#define BODY                                                                                    \
    "The town council of Orrin voted on Monday to close the old swimming baths for good, "      \
    "ending a campaign by residents that had lasted almost a decade.\n"                         \
    "\n"                                                                                        \
    "Repairs to the roof and the boilers would have cost more than the council spends on all "  \
    "its sports halls in a year, the council leader said after the vote.\n"                     \
    "\n"                                                                                        \
    "Swimmers will be offered free travel to the pool in the next town until a new one opens, " \
    "which the council hopes will happen within five years.\n"

TEST(headline_then_headline_with_outlet)
{
    pt_article a;
    /* the headline, then the headline followed by the outlet's name; a
     * relative time stamp is no date and no title */
    CHECK(clean_str("Orrin votes to close its old swimming baths\n"
                    "Orrin votes to close its old swimming baths The Orrin Gazette\n\n"
                    "Updated 3 hours ago\n"
                    "March 3, 2025 6:40 PM\n\n" BODY, &a) == PRECIS_OK);
    CHECK_STR(a.title, "Orrin votes to close its old swimming baths");
    CHECK_STR(a.site, "The Orrin Gazette");
    CHECK_STR(a.date, "2025-03-03T18:40:00");
    CHECK(removed_as(&a, "Updated 3 hours ago", "dateline"));
    CHECK(a.text && strstr(a.text, "Orrin Gazette") == NULL);
    pt_article_free(&a);
    /* a name alone under the title is its author; a subheading that speaks
     * of "50 years ago" is no time stamp */
    CHECK(clean_str("Orrin votes to close its old swimming baths\n\nLina Varga\n\n" BODY
                    "\nWhat the baths meant 50 years ago\n\n" BODY, &a) == PRECIS_OK);
    CHECK_STR(a.author, "Lina Varga");
    CHECK(a.text && strstr(a.text, "Lina Varga") == NULL);
    CHECK(a.text && strstr(a.text, "What the baths meant 50 years ago") != NULL);
    pt_article_free(&a);
    /* a name of a place twice, the second time with more words, is a caption */
    CHECK(clean_str("Sunset Quay Hotel Orrin Bay\nSunset Quay Hotel Orrin Bay West Coast\n\n" BODY, &a) ==
          PRECIS_OK);
    CHECK(a.site == NULL);
    CHECK(removed_as(&a, "Sunset Quay Hotel Orrin Bay West Coast", "credit"));
    pt_article_free(&a);
    /* a photo caption with its credit is still no title, nor the agency a site */
    CHECK(clean_str("Mayor Ilse Brandt\nMayor Ilse Brandt Reuters\n\n" BODY, &a) == PRECIS_OK);
    CHECK(a.title == NULL || strcmp(a.title, "Mayor Ilse Brandt") != 0);
    CHECK(a.site == NULL);
    CHECK(removed_as(&a, "Mayor Ilse Brandt Reuters", "credit"));
    pt_article_free(&a);
}

TEST(outlet_signals_name_the_site)
{
    pt_article a;
    /* "By NAME, Outlet": the author is the name, the outlet the site */
    CHECK(clean_str("Orrin Baths To Close After Council Vote\n\nBy Tomas Reyl, Valley Ledger\n"
                    "Tue 4 Mar 2025 07.15 GMT\n\n" BODY, &a) == PRECIS_OK);
    CHECK_STR(a.author, "Tomas Reyl");
    CHECK_STR(a.site, "Valley Ledger");
    CHECK_STR(a.date, "2025-03-04T07:15:00+00:00");
    pt_article_free(&a);
    /* a role after the comma is not an outlet */
    CHECK(clean_str("Orrin Baths To Close After Council Vote\n\nBy Tomas Reyl, Staff Writer\n\n" BODY, &a) ==
          PRECIS_OK);
    CHECK_STR(a.author, "Tomas Reyl");
    CHECK(a.site == NULL);
    pt_article_free(&a);
    /* a copyright line */
    CHECK(clean_str("Orrin Baths To Close After Council Vote\n\n" BODY "\nShare this:\n"
                    "\xc2\xa9 2019-2025 Northvale Media Group. All rights reserved.\n", &a) == PRECIS_OK);
    CHECK_STR(a.site, "Northvale Media Group");
    pt_article_free(&a);
    /* the page title pasted with the page: "Title | Outlet" */
    CHECK(clean_str("Orrin Baths To Close After Council Vote | Riverside Times\n\n"
                    "Orrin Baths To Close After Council Vote\n\n" BODY, &a) == PRECIS_OK);
    CHECK_STR(a.title, "Orrin Baths To Close After Council Vote");
    CHECK_STR(a.site, "Riverside Times");
    pt_article_free(&a);
    /* a paywall's call names the site; "subscribe to our newsletter" does not */
    CHECK(clean_str("Orrin Baths To Close After Council Vote\n\n" BODY
                    "\nSubscribe to our newsletter\nRegister for full access to Orrin Evening Star.\n", &a) ==
          PRECIS_OK);
    CHECK_STR(a.site, "Orrin Evening Star");
    pt_article_free(&a);
    /* a date with its day beats an archive's month above it */
    CHECK(clean_str("MARCH 2025\n\nOrrin Baths To Close After Council Vote\n\nMar. 4, 2025, 9:05 a.m.\n\n" BODY,
                    &a) == PRECIS_OK);
    CHECK_STR(a.date, "2025-03-04T09:05:00");
    pt_article_free(&a);
}


/* German »...« and French guillemets at the start or end of a paragraph are
 * quotation marks, kept: before, a paragraph-leading » was dropped as a list
 * bullet ("Wir sind sehr froh«, sagte ...") and a French paragraph ending in a
 * spaced "... nécessaire. »" was taken for text after the article (no final
 * punctuation). A breadcrumb "» Weitere Nachrichten" is still a bullet line. */
TEST(guillemets_at_paragraph_edges_are_quotes)
{
    pt_article a;
    const char *de = "Die Br\xc3\xbc" "cke von Talheim ist wieder offen\n\n"
                     "Die Br\xc3\xbc" "cke von Talheim wurde am Montag nach acht Monaten Bauzeit wieder "
                     "er\xc3\xb6" "ffnet, teilte die Stadt mit.\n\n"
                     "\xc2\xbbWir sind sehr froh, unsere Br\xc3\xbc" "cke zur\xc3\xbc" "ckzuhaben\xc2\xab, sagte der "
                     "B\xc3\xbcrgermeister Jens Korber.\n\n"
                     "\xe2\x80\xba" "Das ist gut\xe2\x80\xb9, sagte eine Anwohnerin, die seit dem Fr\xc3\xbchjahr gewartet hatte.\n\n"
                     "Die Anwohner hatten seit dem Fr\xc3\xbchjahr auf die \xc3\x96" "ffnung gewartet.\n";
    CHECK(clean_str(de, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "\xc2\xbbWir sind sehr froh"));
    CHECK(a.text && strstr(a.text, "\xe2\x80\xba" "Das ist gut"));
    pt_article_free(&a);
    const char *fr = "Le pont de Vermeil rouvre enfin\n\n"
                     "Le pont de Vermeil a rouvert lundi apr\xc3\xa8s huit mois de travaux, a annonc\xc3\xa9 la mairie.\n\n"
                     "\xc2\xab Nous attendions ce jour depuis longtemps, a d\xc3\xa9" "clar\xc3\xa9 le maire.\n\n"
                     "\xc2\xbb Le trajet prenait une heure de plus chaque jour pour les habitants du quartier. \xc2\xbb\n\n"
                     "Selon la mairie, les travaux ont co\xc3\xbbt\xc3\xa9 quatre millions d'euros. \xc2\xab C'\xc3\xa9tait "
                     "n\xc3\xa9" "cessaire. \xc2\xbb\n";
    CHECK(clean_str(fr, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "\xc2\xbb Le trajet prenait"));
    CHECK(a.text && strstr(a.text, "Selon la mairie"));
    pt_article_free(&a);
    const char *crumb = "Stadtrat beschlie\xc3\x9ft neuen Haushalt\n\n"
                        "Der Stadtrat von Talheim hat am Dienstag den Haushalt f\xc3\xbcr das kommende Jahr beschlossen, "
                        "teilte die Verwaltung mit.\n\n"
                        "Die Mehrheit fiel deutlich aus, nur zwei Mitglieder stimmten dagegen.\n\n"
                        "\xc2\xbb Weitere Nachrichten\n";
    CHECK(clean_str(crumb, &a) == PRECIS_OK);
    CHECK(a.text && !strstr(a.text, "Weitere Nachrichten"));
    pt_article_free(&a);
}

/* The cleaner reads its text by length: the caller's buffer need not end in
 * a NUL. The masthead's repeat found at the very end of the text ("Photo:
 * Courier of the") was checked with strncmp(s, "the ", 4), one byte past the
 * text: here the text ends at a page that cannot be read (a crash before). */
TEST(masthead_repeat_at_the_end_of_the_text_reads_no_further)
{
    const char *t = "Courier of the\n\nFlood barrier approved for Brennock river\n\n"
                    "Brennock council approved a new flood barrier on Wednesday after a long dispute over the river.\n\n"
                    "Councillors voted nine to two in favour of the plan, which will see a wall and three pumping "
                    "stations built.\n\n"
                    "Council leader Hanne Moss said the barrier would protect about 3,000 homes in the low town.\n\n"
                    "Photo: Courier of the";
    size_t n = strlen(t), pg = (size_t)sysconf(_SC_PAGESIZE);
    CHECK(n < pg);
    char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    if (m == MAP_FAILED || n >= pg) return;
    CHECK(mprotect(m + pg, pg, PROT_NONE) == 0);
    char *s = m + pg - n; /* the last byte of the text is the last readable byte */
    memcpy(s, t, n);
    pcl_options o;
    pcl_options_init(&o);
    pt_article a;
    pt_article_init(&a);
    CHECK(pcl_clean(s, n, &o, &a, NULL) == PRECIS_OK);
    CHECK_STR(a.site, "Courier of the"); /* named again after "Photo:": the outlet */
    CHECK_STR(a.title, "Flood barrier approved for Brennock river");
    pt_article_free(&a);
    munmap(m, 2 * pg);
}

int main(void)
{
    RUN(masthead_repeat_at_the_end_of_the_text_reads_no_further);
    RUN(german_wrapped_text_is_joined);
    RUN(per_line_verdicts);
    RUN(corpus_counts_documents_not_lines);
    RUN(recurring_prose_is_boilerplate_in_a_batch);
    RUN(public_api_returns_article_json);
    RUN(english_article);
    RUN(only_debris_is_empty);
    RUN(size_caps);
    RUN(region_model_inline_boxes_and_tail);
    RUN(short_closing_sentences_are_article);
    RUN(authority_is_not_an_author);
    RUN(quantity_lists_and_captions_printed_twice);
    RUN(headline_then_headline_with_outlet);
    RUN(outlet_signals_name_the_site);
    RUN(guillemets_at_paragraph_edges_are_quotes);
    return test_done();
}
