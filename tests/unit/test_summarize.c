/* Summarizer: selection under budgets, debris never chosen, repeats,
 * attribution, spans, ordering, bad input, input formats, the selector. */
#include "test.h"
#include "summarize/summarize.h"
#include "clean/clean.h"

#include <jansson.h>
#include <stdlib.h>

/* Three invented reports of one invented event, with debris. */
static const char *DOC_A =
    "Dam gives way above Tarnby\n\n"
    "Dam gives way above Tarnby\n\n"
    "A dam above the village of Tarnby gave way on Tuesday night, flooding dozens of homes and forcing "
    "hundreds of residents to leave, the regional fire service said.\n\n"
    "No one was killed, but four people were treated for hypothermia after being pulled from the water, "
    "officials said.\n\n"
    "The dam, built in 1958, had been due for repairs next spring, according to the water authority.\n\n"
    "Join our official WhatsApp group\n";
static const char *DOC_B =
    "Published: Wed, Mar 4, 2026\n\n"
    "TARNBY (NWS) \xe2\x80\x94 Hundreds of residents were forced to leave their homes after a dam above "
    "Tarnby gave way on Tuesday night, the regional fire service said.\n\n"
    "Residents wade through the flooded main street of Tarnby on Wednesday. Photo: North Wire/Ana Lind.\n"
    "Residents wade through the flooded main street of Tarnby on Wednesday. Photo: North Wire/Ana Lind.\n\n"
    "Four people were treated for hypothermia after they were pulled from the water, officials said.\n\n"
    "The water authority said it would open an inquiry into why the dam failed.\n\n"
    "You have read 3 articles this month. Register to receive full access to North Wire.\n";
static const char *DOC_C =
    "Tarnby residents return as water recedes\n\n"
    "The water authority said it would open an inquiry into why the dam failed.\n\n"
    "Volunteers handed out blankets and hot drinks in the school gym, where about 300 people spent the "
    "night.\n\n"
    "The regional fire service said the dam above Tarnby gave way after days of heavy rain on Tuesday.\n\n"
    "Like this:\n";

static precis_cluster *make_cluster(precis_ctx *ctx)
{
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "tarnby", &c) == PRECIS_OK);
    CHECK(precis_cluster_add(ctx, c, "a", DOC_A, strlen(DOC_A)) == PRECIS_OK);
    CHECK(precis_cluster_add(ctx, c, "b", DOC_B, strlen(DOC_B)) == PRECIS_OK);
    CHECK(precis_cluster_add(ctx, c, "c", DOC_C, strlen(DOC_C)) == PRECIS_OK);
    return c;
}

static const char *doc_text(const char *id)
{
    return !strcmp(id, "a") ? DOC_A : !strcmp(id, "b") ? DOC_B : DOC_C;
}

/* The clean text the summarizer analysed for a pasted document. */
static const char *clean_text_of(const char *id, pt_article *a)
{
    pcl_options o;
    pcl_options_init(&o);
    pc_error err;
    const char *raw = doc_text(id);
    pt_article_init(a);
    if (pcl_clean(raw, strlen(raw), &o, a, &err) != PRECIS_OK) return "";
    return a->text;
}

static size_t words_in(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
    return w;
}

TEST(summary_respects_budget_and_spans)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    size_t budgets[] = {30, 60, 100};
    for (size_t b = 0; b < 3; b++) {
        precis_summary_options o = {budgets[b], 0, 0, 0};
        precis_summary *s = NULL;
        CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
        size_t total = 0;
        CHECK(precis_summary_count(s) > 0);
        for (size_t i = 0; i < precis_summary_count(s); i++) {
            const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
            total += words_in(x->text, x->text_len);
            /* the span points at the sentence inside its document's clean text */
            pt_article a;
            const char *t = clean_text_of(x->doc_id, &a);
            CHECK(x->end <= strlen(t) && x->start < x->end);
            if (!x->compressed) /* else test_compress checks the kept pieces */
                CHECK(x->end - x->start == x->text_len && memcmp(t + x->start, x->text, x->text_len) == 0);
            pt_article_free(&a);
            /* whole sentences: ends in final punctuation */
            char last = x->text[x->text_len - 1];
            CHECK(last == '.' || last == '"' || last == '!');
        }
        CHECK(total <= budgets[b]);
        precis_summary_free(s);
    }
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(debris_is_never_chosen)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    precis_summary_options o = {400, 0, 0, 0}; /* room for everything that qualifies */
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const char *t = precis_summary_sentence_at(s, i)->text;
        CHECK(!strstr(t, "WhatsApp"));
        CHECK(!strstr(t, "Photo:"));
        CHECK(!strstr(t, "articles this month"));
        CHECK(!strstr(t, "Register"));
        CHECK(!strstr(t, "Like this"));
        CHECK(!strstr(t, "Published:"));
        CHECK(!strstr(t, "Dam gives way above Tarnby") || strlen(t) > 40);
        CHECK(strncmp(t, "TARNBY", 6) != 0); /* dateline cut */
    }
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* Widget text and crawl notices that one-line web scrapes carry (invented wording of the kinds). */
TEST(widget_and_crawl_debris_is_named)
{
    static const char *const debris[] = {
        "Add your thoughts here and tweet with a location to share where you are.",
        "Media playback is unsupported on your device so the clip of the mayor will not start.",
        "These crawls are part of an effort to archive pages of the Brindle Valley Gazette.",
        "FILE - In this March 3, 2019, file photo, Mayor Odile Varsk speaks at Kelby Hall.",
        "We have sent you a verification email so please click the link inside it.",
        "Sign up thank you for signing up for the Harbor Post morning alerts.",
        "``We will rebuild the Varrow pier before the spring storms arrive.''",
        "\xe2\x80\x9cWe will rebuild the Varrow pier before the spring storms arrive.\xe2\x80\x9d",
        "\"We will rebuild the Varrow pier before the spring storms arrive.\"",
        "Crews reached the ferry at dawn pic.twitter.com/x1y2z3 \xe2\x80\x94 Ana Ruiz (@anaruiz) June 18, 2015",
        "[ follow the Harbor Post: twitter &#124; instagram &#124; facebook ] the ferry ran aground.",
        "Follow @harborpost for the latest on the grounding of the Varrow ferry.",
        "Watch: divers inspect the hull of the Varrow ferry after the grounding.",
        "First published: 12:31 | last updated: 12:37 the ferry ran aground near Varrow.",
        "The news and stories that matter, delivered weekday mornings.",
    };
    for (size_t i = 0; i < sizeof debris / sizeof *debris; i++)
        CHECK(ps_debris_reason(debris[i], strlen(debris[i]), 0, 12) != NULL);
    static const char *const prose[] = {
        "Mayor Odile Varsk said the file of complaints would go to the council on Monday.",
        "The ferry operator said crews would crawl through the hull before it sails again.",
        "``We will rebuild,'' Mayor Odile Varsk said of the pier, ``before the spring storms.''",
        "\"We will rebuild the pier\" was the message Mayor Odile Varsk gave on Monday.",
        "Crews will follow the ferry to the yard, where divers will inspect the hull.",
        "Readers watched the ferry from the pier as the tugs pulled it off the sandbank.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++)
        CHECK(ps_debris_reason(prose[i], strlen(prose[i]), 0, 12) == NULL);
    /* the two reasons src/story's furniture test counts come back by identity */
    const char *promo = "Follow @harborpost for the latest on the grounding of the Varrow ferry.";
    const char *caption = "Mayor Odile Varsk walks past the Varrow pier in Kelby, March 2019.";
    const char *frag = "The ferry ran.";
    CHECK(ps_debris_reason(promo, strlen(promo), 0, 12) == PS_R_PROMOTION);
    CHECK(ps_debris_reason(caption, strlen(caption), 0, 12) == PS_R_CAPTION);
    CHECK(ps_debris_reason(frag, strlen(frag), 0, 3) != PS_R_PROMOTION);
}

/* Round 6: page furniture that Multi-News training summaries still chose
 * (invented wording of each kind), and news prose that shares words with it. */
TEST(archive_notes_and_page_boxes_are_debris)
{
    static const char *const debris[] = {
        "You can switch location on/off before every post to the Harbor Post feed.",
        "The seed list was built from every collection of the Brindle Valley archive.",
        "These files are currently not publicly accessible for the Varrow collection.",
        "We used heritrix 3.2 and respected robots.txt directives on every Varrow site.",
        "This is a breaking news update about the grounding of the Varrow ferry.",
        "The Tarnby Ledger is reader supported: give what you can to keep us going.",
        "Sorry, the page you requested was not found on the Harbor Post site.",
        "Add Varrow ferry as an interest to stay up to date on the latest ferry news.",
        "Would you like to view this in our coastal edition of the Harbor Post instead.",
        "This will appear next to all of your comments on the Harbor Post pages.",
        "Get the Harbor Post headlines in your inbox: the ten top stories every morning.",
        "Add this clip to your website by copying the code below the Varrow video.",
        "The scope of the crawl was not limited except for a few Varrow sites.",
        "Please check the URL for proper spelling and capitalization on the Harbor site.",
    };
    for (size_t i = 0; i < sizeof debris / sizeof *debris; i++) {
        CHECK(ps_debris_reason(debris[i], strlen(debris[i]), 0, 12) == PS_R_PROMOTION);
    }
    static const char *const prose[] = {
        "Scammers may land in your inbox posing as the Varrow ferry line, officials warned.",
        "Voters in Tarnby must update their registration information by Friday, the clerk said.",
        "The campaign asked supporters to chip in $5 before the Varrow vote on Monday.",
        "The court files are currently not publicly available, a clerk in Kelby said.",
        "Traffic slowed to a crawl on the Varrow bridge as the ferry was towed past.",
        "The app keeps your location history unless you turn it off, the regulator said.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) CHECK(ps_debris_reason(prose[i], strlen(prose[i]), 0, 12) == NULL);
}

/* A broadcaster's or live page's line to its own audience ("Stay tuned to
 * ...", "Check back for updates") opens with an imperative to the reader; the
 * same words inside reported speech are news. */
/* A wire photo's caption pasted as prose ("In this Nov. 12, 2015 photo provided
 * by ...") is no candidate; "In this case, ... the photo ..." is prose. */
TEST(in_this_photo_is_a_caption)
{
    static const char *const CAPTIONS[] = {
        "In this Nov. 12, 2015 photo provided by Kevin Dumont, he is seen on the roof of a water park.",
        "In this photo taken on Dec. 3, police officers stand guard outside the court in the capital.",
        "In this feb. 6, 2014, file photo, police stand in a line outside the building in the capital.",
        "In this undated handout image, the comet passes near the planet on its long way out."};
    for (size_t i = 0; i < sizeof CAPTIONS / sizeof *CAPTIONS; i++)
        CHECK(ps_debris_reason(CAPTIONS[i], strlen(CAPTIONS[i]), 0, 15) != NULL); /* "file photo" is a mark already */
    const char *prose[] = {"In this case, the court ruled that the photo could not be used as evidence.",
                           "In this town, residents say the picture is grim after the floods of last week."};
    for (size_t i = 0; i < 2; i++) CHECK(ps_debris_reason(prose[i], strlen(prose[i]), 0, 14) == NULL);
}

TEST(calls_to_the_audience_are_promotion)
{
    static const char *const debris[] = {
        "Stay tuned to Radio Kelby for travel updates on the Varrow crossing.",
        "Stay with the Harbor Post for the latest on the grounding of the Varrow ferry.",
        "Check back later for more on the Varrow ferry as this story develops.",
        "Keep checking back here for updates on the Varrow ferry grounding.",
        "Tune in to Kelby FM at six for an interview with the ferry's captain.",
        "Refresh this page for the latest from the Varrow pier this morning.",
        "Text the Kelby FM newsroom on 80855 with your pictures of the ferry.",
        "Text us your photos of the Varrow ferry and we will share the best.",
    };
    for (size_t i = 0; i < sizeof debris / sizeof *debris; i++)
        CHECK(ps_debris_reason(debris[i], strlen(debris[i]), 0, 12) == PS_R_PROMOTION);
    static const char *const prose[] = {
        "Mayor Odile Varsk told reporters to stay tuned for news about the Varrow pier.",
        "Crews will stay with the ferry until the tugs arrive from Kelby on Monday.",
        "Inspectors will check back on the hull of the Varrow ferry next week, officials said.",
        "Stay-at-home orders were lifted in Kelby on Monday, the council said.",
        "Staying tuned to the radio, the crew heard the storm warning before the Varrow sailed.",
        "The captain said he would text the harbour master as soon as the Varrow was afloat.",
        "Texts sent to the crew of the Varrow warned of the storm on Sunday, the owner said.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) CHECK(ps_debris_reason(prose[i], strlen(prose[i]), 0, 12) == NULL);
}

/* The summary of one article is one sentence, this text, spanning the
 * article from byte start to its end. */
static bool lone_sentence_is(const char *article, const char *want, size_t start)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    precis_summary *sum = NULL;
    const precis_summary_sentence *x = NULL;
    if (ctx && precis_cluster_new(ctx, "one", &c) == PRECIS_OK &&
        precis_cluster_add_clean(ctx, c, "a", article, strlen(article)) == PRECIS_OK &&
        precis_summarize(ctx, c, NULL, &sum) == PRECIS_OK && precis_summary_count(sum) == 1)
        x = precis_summary_sentence_at(sum, 0);
    bool ok = x && strcmp(x->text, want) == 0 && x->start == start && x->end == strlen(article);
    if (x && !ok) fprintf(stderr, "  got \"%s\" at %zu..%zu\n", x->text, (size_t)x->start, (size_t)x->end);
    precis_summary_free(sum);
    precis_cluster_free(c);
    precis_free(ctx);
    return ok;
}

/* A lead sentence behind a glued-on photo credit is kept, from after the credit. */
TEST(credit_prefix_is_cut)
{
    const char *s = "Storm nears Varrow ( Photo: Ana Ruiz, Coastline Herald ) A fierce storm is due to "
                    "reach the Varrow coast on Friday with heavy rain.";
    size_t cut = ps_credit_prefix(s, strlen(s));
    CHECK(cut > 0 && strncmp(s + cut, "A fierce storm", 14) == 0);
    CHECK(ps_debris_reason(s, strlen(s), 0, 24) != NULL);
    CHECK(ps_debris_reason(s + cut, strlen(s + cut), 0, 17) == NULL);
    const char *plain = "The council (which met on Monday) voted to close the Varrow pier for the winter.";
    CHECK(ps_credit_prefix(plain, strlen(plain)) == 0);
    const char *unclosed = "Storm nears Varrow ( Photo: Ana Ruiz, Coastline Herald";
    CHECK(ps_credit_prefix(unclosed, strlen(unclosed)) == 0);

    CHECK(lone_sentence_is(s, "A fierce storm is due to reach the Varrow coast on Friday with heavy rain.", cut));
}

/* Wire credits and credited datelines glued to the front by a one-line
 * scrape are cut; the sentence starts after them, capitalised. */
TEST(wire_prefix_is_cut)
{
    static const struct {
        const char *s, *rest; /* rest: where the sentence must start, NULL: nothing cut */
    } cases[] = {
        {"( associated press ) the ferry ran aground near Varrow on Tuesday.", "the ferry"},
        {"Varrow ( ap ) \xe2\x80\x94 the ferry ran aground near the harbour on Tuesday.", "the ferry"},
        {"Port Elsin, Norland (Reuters) - The ferry ran aground near the harbour on Tuesday.", "The ferry"},
        {"( cnn ) -- the ferry ran aground near the harbour on Tuesday.", "the ferry"},
        {"( ap photo/ana ruiz ) ( associated press ) varrow ( ap ) \xe2\x80\x94 the ferry sank.", "the ferry"},
        {"Varrow ( coastline herald ) -- the ferry ran aground near the harbour.", "the ferry"},
        {"Jan 18 ( reuters ) - the ferry operator was fined on Wednesday.", "the ferry"},
        {"Varrow/Elsin ( reuters ) - the ferry operator was fined on Wednesday.", "the ferry"},
        {"Varrow ( ap ) _ the ferry operator was fined on Wednesday.", "the ferry"},
        {"[ 7 ways to cross the Varrow strait ] the ferry operator was fined on Wednesday.", "the ferry"},
        {"( photos: the grounding of the Marisol ) the ferry operator was fined.", "the ferry"},
        {"( photo: ana ruiz/harbor post ) buy photo the ferry operator was fined.", "the ferry"},
        {"( published saturday, july 27, 2013 ) the ferry operator was fined.", "the ferry"},
        {"Story highlights ferry runs aground three hurt ( cnn ) the ferry ran aground.", "the ferry"},
        {"Buy photo the ferry ran aground near the harbour on Tuesday.", "the ferry"},
        {"Story continued below the ferry ran aground near the harbour on Tuesday.", "the ferry"},
        {"Published on jun 20, 2015 the ferry ran aground near the harbour on Tuesday.", "the ferry"},

        /* not credits: an aside, a bracket without a dash, a long "place", a credit mid-sentence */
        {"The council (which met on Monday) voted to close the Varrow pier.", NULL},
        {"Varrow ( coastline herald ) the ferry ran aground near the harbour.", NULL},
        {"The ferry operator in the small town of Varrow ( ap ) said nothing.", NULL},
        {"The ferry ran aground, the agency (AP) said on Tuesday.", NULL},
        {"Story highlights ferry runs aground three hurt on the Varrow coast.", NULL},
        {"( associated press )", NULL},
        {"( the operator says ) the ferry operator was fined on Wednesday.", NULL},
        {"Buyers photographed the ferry as it ran aground near the harbour.", NULL},
        {"Published on the ferry line's website, the notice was short.", NULL},
        {"Published on Monday, the report blamed the missing channel markers.", NULL},
        /* an acronym given after its words, a party letter: not an outlet after a dateline */
        {"The Associated Press (AP) reported the grounding of the ferry on Tuesday.", NULL},
        {"The Coastline Broadcasting Network (CBN) -- which owns six stations -- was sold.", NULL},
        {"Agence Norland-Presse (ANP) \xe2\x80\x94 the only wire in Varrow \xe2\x80\x94 was sold.", NULL},
        {"Gov. Ana Ruiz (D) -- a critic of the ferry operator -- said nothing on Tuesday.", NULL},
        /* a subject and its bracketed name before a dash aside: no dateline */
        {"The drug (Xeltrin) \xe2\x80\x94 which the regulator approved in May \xe2\x80\x94 was recalled.", NULL},
        {"Her latest album (Saltwater) -- a hit in Varrow -- sold out in a day.", NULL},
        {"Varrow ( coastline herald ) -- who runs the ferry is unclear.", NULL},
        {"Varrow ( cbn ) -- the ferry ran aground near the harbour.", "the ferry"},
        {"Alder, Pa. (AP) -- the ferry ran aground near the harbour.", "the ferry"},
        /* the sentence after the credit opens on a curly quote or a letter outside ASCII */
        {"Varrow ( ap ) \xe2\x80\x94 \xe2\x80\x9cWe will rebuild the pier,\xe2\x80\x9d the mayor said.",
         "\xe2\x80\x9cWe will"},
        {"Varrow (AP) _ ``We will rebuild the pier,'' the mayor said on Tuesday.", "``We will"},
        {"Varrow (Reuters) - \xc3\x89mile Orlo, the harbour master, resigned on Tuesday.", "\xc3\x89mile"},
        /* a second dash is a dash heading the sentence too (session 24) */
        {"( ap ) \xe2\x80\x94 \xe2\x80\x94 the ferry ran aground near the harbour.", "the ferry"},
        /* a place spelled past ASCII */
        {"Porto Velh\xc3\xa3o (Reuters) - the ferry operator was fined on Wednesday.", "the ferry"},
        {"\xc3\x9crmeli ( ap ) \xe2\x80\x94 the ferry operator was fined on Wednesday.", "the ferry"},
        {"Velh\xc3\xa3o \xc2\xab ( ap ) \xe2\x80\x94 the ferry operator was fined on Wednesday.", NULL},
        {"Published on jun 20, 2015 \xf0\x9f\x9a\xa8 the ferry ran aground near the harbour on Tuesday.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t cut = ps_wire_prefix(cases[i].s, strlen(cases[i].s));
        if (cases[i].rest) {
            CHECK(cut > 0 && strncmp(cases[i].s + cut, cases[i].rest, strlen(cases[i].rest)) == 0);
        } else {
            CHECK(cut == 0);
        }
    }

    const char *a = "( associated press ) the ferry Marisol ran aground near Varrow on Tuesday morning.";
    CHECK(lone_sentence_is(a, "The ferry Marisol ran aground near Varrow on Tuesday morning.", 21));
}

/* Page debris a one-line scrape glued to the front of a sentence (session 24):
 * caption buttons, credit and station brackets, dashes and bullets, a tweet's
 * signature, timestamps, share buttons, the rest of a cut bracket. The prose
 * after it stays a candidate, its span starting after the debris; prose that
 * opens on the same words is left alone. */
TEST(page_debris_heads_are_cut)
{
    static const struct {
        const char *s, *rest; /* rest: where the sentence must start, NULL: nothing cut */
    } cases[] = {
        {"Close the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {"Close harbour master ana ruiz resigned after the ferry ran aground.", "harbour master"},
        {"Close \" the varrow run \" topped the charts for a third week.", "\" the varrow"},
        {"( kvar ) the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {"( kvar 7 ) -- the ferry operator was fined on Wednesday.", "the ferry"},
        {"( ana ruiz/the harbor post ) the ferry operator was fined on Wednesday.", "the ferry"},
        {"( courtesy of the varrow police department ) the ferry operator was fined.", "the ferry"},
        {"( the harbor post ) the ferry operator was fined on Wednesday.", "the ferry"},
        {"( oct. 10 ) the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {"( posted monday, june 17, 2013 ) the ferry operator was fined on Wednesday.", "the ferry"},
        {"( varrow ) \xe2\x80\x94 the ferry operator was fined on Wednesday.", "the ferry"},
        {"\xe2\x80\x94 the ferry ran aground near the Varrow harbour on Tuesday.", "the ferry"},
        {"-- a jury fined the ferry operator on Wednesday after the grounding.", "a jury"},
        {"\xe2\x80\xa2 the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {"* the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {"\xe2\x80\x94 ana ruiz ( @anaruiz ) may 29, 2018 the ferry operator was fined.", "the ferry"},
        {"Updated at 12: 50 p.m. Et the ferry operator was fined on Wednesday.", "the ferry"},
        {"Updated 6:40 p.m. ET: the ferry operator was fined on Wednesday.", "the ferry"},
        {"Updated: the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {"Facebook twitter pinterest the ferry Marisol aground near Varrow.", "the ferry"},
        {"Share share tweet link the ferry operator was fined on Wednesday.", "the ferry"},
        {"Share copy link the ferry operator was fined on Wednesday.", "the ferry"},
        {") the ferry operator was fined on Wednesday after the grounding.", "the ferry"},
        {") varrow ( ap ) \xe2\x80\x94 the ferry operator was fined on Wednesday.", "the ferry"},
        {"(OPTIONAL TRIM CAN BEGIN HERE) The ferry operator was fined on Wednesday.", "The ferry"},
        /* bylines run into the lead (session 25) */
        {"By ana velsko - july 10, 2012 early this spring, the ferry ran aground.", "early this spring"},
        {"By harbor post staff the ferry operator was fined on Wednesday.", "the ferry"},
        {"By jo marl \xe2\x80\x93 harbor news editor the ferry operator was fined.", "the ferry"},
        {"By jo marl \xe2\x80\x93 staff writer the ferry operator was fined.", "the ferry"},
        {"By jo marl in news, harbor | august 04, 2016 at 12: 54pm the ferry operator was fined.", "the ferry"},
        {"By jo marl \xe2\x80\xa2 november 8, 2011 10: 59 pm the ferry operator was fined.", "the ferry"},
        {"Posted by jo marl ( @jomarl ) on oct 10, 2016 at 10: 52pm pdt the ferry was fined.", "the ferry"},
        {"Posted by varrow tavern on saturday, may 6, 2017 one customer said it was loud.", "one customer"},
        {"Posted by jo marl on december 27, 2015, 7: 26 pm edt earlier on sunday, the ferry sank.", "earlier on"},

        /* prose on the same words, asides, and a cut bracket's verb */
        {"Close to 200 people were on the ferry when it ran aground near Varrow.", NULL},
        {"Close aides to the mayor said the ferry line would be sold.", NULL},
        {"Close behind the ferry, a tug waited for the tide to turn.", NULL},
        {"Close-knit Varrow mourned the two crew members on Friday.", NULL},
        {"Closer to the harbour, the ferry line's office stayed shut.", NULL},
        {"( the operator says it will appeal ) the ferry was fined on Wednesday.", NULL},
        {"( \"we will appeal,\" the operator said ) the ferry was fined.", NULL},
        {"( the ferry has since been towed to Elsin.", NULL},
        {"( the ferry has since been towed to Elsin. )", NULL},
        {"Updated figures show the ferry carried 200 people on Tuesday.", NULL},
        {"Updated at the harbour office, the timetable lists no ferry.", NULL},
        {"Share prices of the ferry line fell 8 percent on Wednesday.", NULL},
        {"Facebook users shared photos of the ferry aground near Varrow.", NULL},
        {") said on Wednesday that the ferry operator would appeal.", NULL},
        {"), a member of the harbour board, said the ferry would be sold.", NULL},
        {"-5 degrees at the harbour kept the ferry in port on Tuesday.", NULL},
        {"By the time staff arrived the ferry had sunk near Varrow.", NULL},
        {"By then - a week after the grounding - the ferry had sunk.", NULL},
        {"By tuesday staff had left the ferry at the Varrow quay.", NULL},
        {"By 2010 the ferry line had six boats on the Varrow crossing.", NULL},
        {"By contrast, the ferry line to Elsin grew by a third.", NULL},
        {"Posted by hackers on monday, the file spread across the harbour office.", NULL},
        {"By cutting fares, the ferry line - a family firm - won back its passengers.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t cut = ps_wire_prefix(cases[i].s, strlen(cases[i].s));
        bool ok = cases[i].rest ? cut > 0 && strncmp(cases[i].s + cut, cases[i].rest, strlen(cases[i].rest)) == 0
                                : cut == 0;
        if (!ok) fprintf(stderr, "  case %zu: cut %zu of \"%s\"\n", i, cut, cases[i].s);
        CHECK(ok);
    }
    /* the span starts after the debris, so attribution points at the prose */
    const char *a = "Close the ferry Marisol ran aground near Varrow on Tuesday morning.";
    CHECK(lone_sentence_is(a, "The ferry Marisol ran aground near Varrow on Tuesday morning.", 6));
    const char *b = "( kvar ) the ferry Marisol ran aground near Varrow on Tuesday morning.";
    CHECK(lone_sentence_is(b, "The ferry Marisol ran aground near Varrow on Tuesday morning.", 9));
}

/* What is left is no candidate: a gallery's label run into its title and the
 * lead, a caption's credit bar, the rest of a bracket whose sentence began
 * before ("... ( r-md. ) said ..."), a sentence in brackets; "Photos show
 * ..." is prose. */
TEST(page_debris_without_prose_is_no_candidate)
{
    static const char *const debris[] = {
        "Photos: the varrow grounding the ferry ran aground near the harbour on Tuesday.",
        "Gallery: ferries of the north coast the Marisol was built in 1998 in Elsin.",
        "| getty the ferry operator was fined on Wednesday after the grounding.",
        ") said on Wednesday that the ferry operator would appeal the fine.",
        "), a member of the harbour board, said the ferry would be sold.",
        "] say a prayer for the crew of the ferry that ran aground near Varrow.",
        "Media caption the moment the ferry ran aground near the Varrow harbour.",
        /* a sentence in brackets: the writer's aside or a page note */
        "( update: see the full results of the Varrow harbour vote here.",
        "( I do not know what that means for the ferry line, to be honest.",
        "( the ferry has since been towed to the Elsin yard for repairs. )",
        "[ read our earlier coverage of the Varrow ferry grounding here. ]",
    };
    for (size_t i = 0; i < sizeof debris / sizeof *debris; i++) {
        size_t n = strlen(debris[i]), cut = ps_wire_prefix(debris[i], n);
        const char *r = ps_debris_reason(debris[i] + cut, n - cut, cut ? PS_AFTER_CREDIT : 0,
                                         pt_count_words(debris[i] + cut, n - cut));
        if (!r) fprintf(stderr, "  candidate: \"%s\"\n", debris[i]);
        CHECK(r != NULL);
    }
    static const char *const prose[] = {
        "Photos show the ferry aground near the Varrow harbour on Tuesday morning.",
        "Close to 200 people were on the ferry when it ran aground near Varrow.",
        "Gallery owners in Varrow said the ferry brought them most of their visitors.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
        size_t n = strlen(prose[i]);
        CHECK(ps_wire_prefix(prose[i], n) == 0);
        CHECK(ps_debris_reason(prose[i], n, 0, pt_count_words(prose[i], n)) == NULL);
    }
}

/* A sentence after a closing quotation mark that a re-cased source spaced off
 * ('... said. " the ferry ...') is shown capitalised, as after a cut credit. */
TEST(sentence_after_moved_quote_is_capitalised)
{
    const char *a = "the mayor of varrow said the pier \" will be rebuilt by the spring. \" the ferry operator "
                    "was fined on wednesday after the grounding near the varrow harbour.";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    precis_summary *sum = NULL;
    CHECK(precis_cluster_new(ctx, "one", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", a, strlen(a)) == PRECIS_OK);
    CHECK(precis_summarize(ctx, c, NULL, &sum) == PRECIS_OK);
    const char *at = strstr(a, "the ferry");
    bool found = false;
    for (size_t i = 0; sum && i < precis_summary_count(sum); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(sum, i);
        if (x->start != (size_t)(at - a)) continue;
        found = true;
        CHECK(strncmp(x->text, "The ferry operator", 18) == 0);
    }
    CHECK(found);
    precis_summary_free(sum);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(repeated_sentence_once_with_attribution)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t inquiry = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        if (strstr(x->text, "open an inquiry")) {
            inquiry++;
            /* printed in b and c: one is the source, the other corroborates */
            CHECK(x->n_also_in == 1);
            CHECK(x->n_also_in == 1 && strcmp(x->also_in_ids[0], x->doc_id) != 0);
        }
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(precis_summary_sentence_at(s, j)->text, x->text) != 0);
    }
    CHECK(inquiry == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* A number spelled out in one report and in digits in another is one fact:
 * the two sentences are not both chosen. */
TEST(spelled_number_is_the_same_fact)
{
    static const char *A =
        "The ferry Tallow Bay ran aground off Quessan on Saturday with 212 people on board.\n\n"
        "Fourteen passengers suffered minor injuries and were treated at Dorrin General Hospital, "
        "officials said.\n";
    static const char *B =
        "A ferry with 212 people on board ran aground off Quessan on Saturday morning.\n\n"
        "All passengers and crew were rescued, and 14 people were treated in hospital for minor "
        "injuries, the coast guard said.\n";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "ferry", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", A, strlen(A)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "b", B, strlen(B)) == PRECIS_OK);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t injuries = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++)
        if (strstr(precis_summary_sentence_at(s, i)->text, "minor injuries")) injuries++;
    CHECK(injuries == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(clean_text_is_used_as_is)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    const char *t = "Topics\n\nThe river rose two metres overnight and flooded the old town, officials said.\n";
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "x", t, strlen(t)) == PRECIS_OK);
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, NULL, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) == 1);
    const precis_summary_sentence *x = precis_summary_sentence_at(s, 0);
    CHECK(x->start == 8 && x->end == strlen(t) - 1); /* offsets into the text as given */
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(json_output_has_the_schema)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, NULL, &s) == PRECIS_OK);
    char *json;
    size_t len;
    CHECK(precis_summary_json(s, &json, &len) == PRECIS_OK);
    json_error_t jerr;
    json_t *v = json_loadb(json, len, 0, &jerr);
    CHECK(v != NULL);
    CHECK_STR(json_string_value(json_object_get(v, "id")), "tarnby");
    CHECK(json_is_string(json_object_get(v, "summary")));
    json_t *sents = json_object_get(v, "sentences");
    CHECK(json_array_size(sents) == precis_summary_count(s));
    json_t *first = json_array_get(sents, 0);
    CHECK(json_is_string(json_object_get(first, "text")) && json_is_string(json_object_get(first, "doc")));
    CHECK(json_is_integer(json_object_get(first, "start")) && json_is_integer(json_object_get(first, "end")));
    CHECK(json_is_array(json_object_get(first, "also_in")));
    json_decref(v);
    precis_text_free(json);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(opening_is_not_dangling)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    const char *d1 = "He said the bridge would reopen on Monday after the repairs were done.\n\n"
                     "The Harlow bridge was closed on Friday after inspectors found cracks in a pier.\n";
    const char *d2 = "The Harlow bridge was closed on Friday after inspectors found cracks in a support pier.\n\n"
                     "He said the bridge would reopen on Monday once repairs were done by the crews.\n";
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    precis_cluster_add(ctx, c, NULL, d1, strlen(d1));
    precis_cluster_add(ctx, c, NULL, d2, strlen(d2));
    precis_summary_options o = {40, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) >= 1);
    if (precis_summary_count(s) > 1) CHECK(strncmp(precis_summary_sentence_at(s, 0)->text, "He ", 3) != 0);
    CHECK_STR(precis_summary_sentence_at(s, 0)->doc_id, precis_summary_sentence_at(s, 0)->doc == 0 ? "1" : "2");
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* "This year ..." points at the article's time, not at the sentence before:
 * it may be chosen alone; "This ruling ..." may not (the 31-word sentence
 * before it does not fit beside it), so the short sentence of the fourth
 * report is taken instead. The other reports' long sentences (over 20 words)
 * are over the budget. When every candidate points back, the best one alone
 * is the summary, not an empty one (it was printed empty, exit 0). */
TEST(this_year_needs_no_sentence_before)
{
    const char *lead = "Ama Rusk, who has chaired the committee of the Orwell traders for eleven years and runs a "
                       "bakery on the market square, spoke to a crowd of about two hundred people on Saturday.\n\n";
    const char *tail[2] = {"This year the Harlow ferry carried 40,000 passengers across the estuary to Orwell.\n",
                           "This ruling lets the Harlow ferry carry 40,000 passengers across the estuary to Orwell.\n"};
    const char *d2 = "The owners of the company that runs it said on Sunday that the Harlow ferry carried 40,000 "
                     "passengers across the estuary to Orwell, more than ever before.\n";
    const char *d3 = "Figures published by the harbour office show the Harlow ferry carried 40,000 passengers "
                     "across the estuary to Orwell, twice as many as in the year before.\n";
    const char *d4 = "Harlow is a small market town that lies on the estuary.\n";
    for (int k = 0; k < 2; k++) {
        char d1[512];
        snprintf(d1, sizeof d1, "%s%s", lead, tail[k]);
        precis_ctx *ctx = precis_new(NULL);
        precis_cluster *c;
        CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
        precis_cluster_add(ctx, c, NULL, d1, strlen(d1));
        precis_cluster_add(ctx, c, NULL, d2, strlen(d2));
        precis_cluster_add(ctx, c, NULL, d3, strlen(d3));
        precis_cluster_add(ctx, c, NULL, d4, strlen(d4));
        precis_summary_options o = {20, 0, 0, 0};
        precis_summary *s = NULL;
        CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
        CHECK(precis_summary_count(s) == 1);
        if (precis_summary_count(s) == 1)
            CHECK_STR(precis_summary_sentence_at(s, 0)->text,
                      k == 0 ? "This year the Harlow ferry carried 40,000 passengers across the estuary to Orwell."
                             : "Harlow is a small market town that lies on the estuary.");
        precis_summary_free(s);
        precis_cluster_free(c);
        precis_free(ctx);
    }
    const char *only = "These figures show the Harlow ferry carried 40,000 passengers across the estuary to Orwell.\n";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    precis_cluster_add(ctx, c, NULL, only, strlen(only));
    precis_summary_options o = {100, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK && precis_summary_count(s) == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* Summarizes the three documents at 20..60 words and checks that every
 * summary sentence holding `marker` comes right after the sentence before it
 * in its document (nothing but space between them). */
/* Returns in how many of the summaries (20 to 60 words) the marker is. */
static size_t check_comes_with_antecedent(const char *const d[3], const char *marker)
{
    size_t seen = 0;
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    for (int i = 0; i < 3; i++) precis_cluster_add(ctx, c, NULL, d[i], strlen(d[i]));
    for (size_t words = 20; words <= 100; words += 5) {
        precis_summary_options o = {words, 0, 0, 0};
        precis_summary *s = NULL;
        CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
        for (size_t k = 0; k < precis_summary_count(s); k++) {
            const precis_summary_sentence *x = precis_summary_sentence_at(s, k);
            if (!strstr(x->text, marker)) continue;
            seen++;
            const precis_summary_sentence *p = k ? precis_summary_sentence_at(s, k - 1) : NULL;
            CHECK(p && p->doc == x->doc && p->end <= x->start);
            if (p && p->doc == x->doc && p->end <= x->start)
                for (size_t i = p->end; i < x->start; i++) CHECK(d[x->doc][i] == ' ' || d[x->doc][i] == '\n');
        }
        precis_summary_free(s); /* the pair may or may not be worth its words: either is right */
    }
    precis_cluster_free(c);
    precis_free(ctx);
    return seen;
}

/* A sentence opening on a pronoun, or a quotation whose speaker is one, is
 * chosen only right after the sentence before it in its document: alone,
 * "He" names no one the summary has named. */
TEST(pronoun_sentence_comes_with_its_antecedent)
{
    const char *d[3] = {
        "Council leader Ama Rusk spoke to reporters outside the town hall in Harlow.\n\n"
        "He said the Harlow bridge would reopen on Monday after repairs to the cracked pier, and the flooded "
        "road to Orwell would open on Tuesday.\n",
        "The Harlow bridge will reopen on Monday after repairs to its cracked pier, the council said.\n\n"
        "The flooded road to Orwell will open again on Tuesday, the council said.\n",
        "Engineers finished repairs to the cracked pier of the Harlow bridge, which reopens on Monday.\n\n"
        "Water is draining from the flooded road to Orwell, which is to open on Tuesday.\n"};
    check_comes_with_antecedent(d, "He said");
    const char *q[3] = {
        "Council leader Ama Rusk spoke to reporters outside the town hall in Harlow.\n\n"
        "\"The Harlow bridge will reopen on Monday after repairs to the cracked pier, and the flooded "
        "road to Orwell will open on Tuesday,\" he added.\n",
        d[1], d[2]};
    check_comes_with_antecedent(q, "he added.");
}

/* "It said ..." points back as "He said ..." does, and so does "But he
 * said ..." (its connective cannot be cut: "He said ..." is no better);
 * expletive "it" ("It is unclear whether ...") does not. */
TEST(it_and_but_he_come_with_their_antecedent)
{
    static const char *const back[] = {
        "It said the bridge would reopen on Monday.", "It was the third closure of the bridge this year.",
        "It's a steel bridge built in 1958.", "It has topped the list of repairs since 2007.",
        "It also runs the ferry to Orwell."};
    static const char *const expletive[] = {
        "It is unclear whether the bridge will reopen on Monday.", "It's not clear how the pier cracked.",
        "It turns out the pier had cracked in 2019.", "It remains unclear who will pay for the repairs.",
        "It was thought that the pier would hold.", "It's hard to know when the ferry will run.",
        "It may be possible to reopen one lane.", "Its pier cracked in March."};
    for (size_t i = 0; i < sizeof back / sizeof *back; i++) CHECK(ps_it_points_back(back[i], strlen(back[i])));
    for (size_t i = 0; i < sizeof expletive / sizeof *expletive; i++)
        CHECK(!ps_it_points_back(expletive[i], strlen(expletive[i])));
    const char *d[3] = {
        "The Velmar road agency sent its inspectors to the town hall in Harlow.\n\n"
        "It said the Harlow bridge would reopen on Monday after repairs to the cracked pier, and the flooded "
        "road to Orwell would open on Tuesday.\n",
        "The Harlow bridge will reopen on Monday after repairs to its cracked pier, the council said.\n\n"
        "The flooded road to Orwell will open again on Tuesday, the council said.\n",
        "Engineers finished repairs to the cracked pier of the Harlow bridge, which reopens on Monday.\n\n"
        "Water is draining from the flooded road to Orwell, which is to open on Tuesday.\n"};
    check_comes_with_antecedent(d, "It said");
    const char *h[3] = {
        "Council leader Ama Rusk spoke to reporters outside the town hall in Harlow.\n\n"
        "But he said the Harlow bridge would reopen on Monday after repairs to the cracked pier, and the flooded "
        "road to Orwell would open on Tuesday.\n",
        d[1], d[2]};
    check_comes_with_antecedent(h, "he said the Harlow");
}

/* Talk opening a sentence ("Well, ...", "You know, ...") and a name with its
 * description and no verb ("Adam Sieminski, an oil analyst for BT Alex.",
 * hard-wrapped) are no candidates; a description with its verb after a second
 * comma, talk inside a quotation and "Wells, a town ..." with its verb are. */
TEST(talk_and_verbless_apposition_are_not_candidates)
{
    static const char *const no[] = {
        "Well, the Harlow council has been trying to get the bridge open for months.",
        "You know, the ferry to Orwell was never meant to carry this many people.",
        "Yeah, it bears repeating that the bridge was closed for a whole month.",
        "Ama Rusk, a council leader from the town of Harlow.",
        "Jon K. Velmar,\nan engineer for BT Ardley Holt.",
    };
    static const char *const yes[] = {
        "Ama Rusk, a council leader from Harlow, said the bridge would reopen on Monday.",
        "\"Well, we have been trying to get the bridge open for months,\" Rusk said.",
        "Wells, a town of 9,000 people, lost its only bridge in the storm.",
        "Ama Rusk, a council leader from Harlow said the bridge would reopen.",
        "The council leader Ama Rusk, a teacher by training, chairs the bridge committee.",
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        CHECK(ps_debris_reason(no[i], strlen(no[i]), 0, pt_count_words(no[i], strlen(no[i]))) != NULL);
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        CHECK(ps_debris_reason(yes[i], strlen(yes[i]), 0, pt_count_words(yes[i], strlen(yes[i]))) == NULL);
}

/* Source order sorts by position in the documents: another report's
 * sentences at the same positions must not fall between "He said ..." and
 * the sentence before it that names him (they did: the pair was chosen
 * together and printed apart). Two other reports with two sentences each,
 * all chosen at these budgets, whichever order the documents are in. */
TEST(pronoun_sentence_is_printed_after_its_antecedent)
{
    const char *d[3] = {
        "Council leader Ama Rusk spoke to reporters outside the town hall in Harlow on Friday.\n\n"
        "He said the Harlow bridge would reopen on Monday after repairs to the cracked pier.\n",
        "Engineers from Velmar finished welding a steel brace onto the cracked pier overnight.\n\n"
        "Ferry crews carried about 900 commuters across the Orwell estuary during the closure.\n",
        "Traders in the Harlow market said they lost half their takings while the bridge was shut.\n\n"
        "A bus service to the Orwell railway station will run every twenty minutes until Monday.\n"};
    check_comes_with_antecedent(d, "He said");
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    for (int i = 0; i < 3; i++) precis_cluster_add(ctx, c, NULL, d[i], strlen(d[i]));
    precis_summary_options o = {200, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) == 6); /* all chosen: the check above saw the pair */
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* An article in a language written without spaces (invented Japanese: a
 * city's disaster plan) gets a summary: before, the splitter knew no "。" and
 * the whole text was one word, so it had "no usable sentence". */
TEST(japanese_article_is_summarized)
{
    const char *d[2] = {"\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd\xe3\x81\xaf\xe5\x8d\x81\xe6\x97\xa5\xe3\x80\x81\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe9\x98\xb2\xe7\x81\xbd\xe8\xa8\x88\xe7\x94\xbb\xe3\x82\x92\xe7\x99\xba\xe8\xa1\xa8\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\xe8\xa8\x88\xe7\x94\xbb\xe3\x81\xa7\xe3\x81\xaf\xe3\x80\x81\xe5\xa4\xa7\xe3\x81\x8d\xe3\x81\xaa\xe5\x9c\xb0\xe9\x9c\x87\xe3\x81\xab\xe5\x82\x99\xe3\x81\x88\xe3\x81\xa6\xe9\x81\xbf\xe9\x9b\xa3\xe6\x89\x80\xe3\x82\x92\xe4\xb8\x89\xe7\x99\xbe\xe3\x81\x8b\xe6\x89\x80\xe5\xa2\x97\xe3\x82\x84\xe3\x81\x99\xe3\x80\x82\xe7\x9f\xa5\xe4\xba\x8b\xe3\x81\xaf\xe8\xa8\x98\xe8\x80\x85\xe4\xbc\x9a\xe8\xa6\x8b\xe3\x81\xa7\xe3\x80\x8c\xe9\x83\xbd\xe6\xb0\x91\xe3\x81\xae\xe5\x91\xbd\xe3\x82\x92\xe5\xae\x88\xe3\x82\x8b\xe3\x81\x93\xe3\x81\xa8\xe3\x81\x8c\xe6\x9c\x80\xe5\x84\xaa\xe5\x85\x88\xe3\x81\xa0\xe3\x80\x8d\xe3\x81\xa8\xe8\xbf\xb0\xe3\x81\xb9\xe3\x81\x9f\xe3\x80\x82\xe8\xb2\xbb\xe7\x94\xa8\xe3\x81\xaf\xe7\xb4\x84\xe4\xba\x94\xe7\x99\xbe\xe5\x84\x84\xe5\x86\x86\xe3\x81\xa8\xe8\xa6\x8b\xe8\xbe\xbc\xe3\x81\xbe\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x82\x8b\xe3\x80\x82", "\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd\xe3\x81\xae\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe9\x98\xb2\xe7\x81\xbd\xe8\xa8\x88\xe7\x94\xbb\xe3\x81\xab\xe3\x81\xa4\xe3\x81\x84\xe3\x81\xa6\xe3\x80\x81\xe5\x8c\xba\xe3\x81\xae\xe6\x8b\x85\xe5\xbd\x93\xe8\x80\x85\xe3\x81\xaf\xe6\xba\x96\xe5\x82\x99\xe3\x82\x92\xe6\x80\xa5\xe3\x81\x90\xe3\x81\xa8\xe8\xa9\xb1\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\xe9\x81\xbf\xe9\x9b\xa3\xe6\x89\x80\xe3\x81\xae\xe5\xa2\x97\xe8\xa8\xad\xe3\x81\xaf\xe6\x9d\xa5\xe5\xb9\xb4\xe6\x98\xa5\xe3\x81\x8b\xe3\x82\x89\xe5\xa7\x8b\xe3\x81\xbe\xe3\x82\x8b\xe4\xba\x88\xe5\xae\x9a\xe3\x81\xa0\xe3\x80\x82\xe4\xbd\x8f\xe6\xb0\x91\xe3\x81\xae\xe9\x96\x93\xe3\x81\xa7\xe3\x81\xaf\xe3\x80\x81\xe5\x82\x99\xe8\x93\x84\xe5\x93\x81\xe3\x81\xae\xe9\x85\x8d\xe5\xb8\x83\xe3\x82\x92\xe6\xb1\x82\xe3\x82\x81\xe3\x82\x8b\xe5\xa3\xb0\xe3\x82\x82\xe4\xb8\x8a\xe3\x81\x8c\xe3\x81\xa3\xe3\x81\xa6\xe3\x81\x84\xe3\x82\x8b\xe3\x80\x82"};
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    for (int i = 0; i < 2; i++) precis_cluster_add(ctx, c, NULL, d[i], strlen(d[i]));
    precis_summary_options o = {40, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(s && precis_summary_count(s) >= 1);
    for (size_t k = 0; s && k < precis_summary_count(s); k++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, k);
        CHECK(x->text_len >= 3 && !strcmp(x->text + x->text_len - 3, "\xe3\x80\x82")); /* whole sentences */
        CHECK(x->end - x->start < 200);
    }
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* An opening connective answers the sentence before it in its document:
 * printed after another sentence it answers the wrong one ("But the council
 * said ..." after another report's line), so it is left out, and the span
 * starts after it; right after its own sentence it stays. */
TEST(connective_is_cut_away_from_its_sentence)
{
    const char *d[3] = {
        ("Gulls nested on the old toll booth of the town all through the summer.\n\n"
         "But the council said the Harlow bridge would reopen on Monday after repairs to the cracked pier.\n"),
        "Engineers said repairs to the cracked pier of the Harlow bridge were finished on Friday.\n",
        "The Harlow bridge will reopen on Monday, the council said in a statement.\n"};
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    for (int i = 0; i < 3; i++) precis_cluster_add(ctx, c, NULL, d[i], strlen(d[i]));
    size_t cut = 0;
    for (size_t words = 16; words <= 60; words += 4) {
        precis_summary_options o = {words, 0, 0, 0};
        precis_summary *s = NULL;
        CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
        for (size_t k = 0; k < precis_summary_count(s); k++) {
            const precis_summary_sentence *x = precis_summary_sentence_at(s, k);
            if (!strstr(x->text, "the Harlow bridge would reopen")) continue;
            const precis_summary_sentence *p = k ? precis_summary_sentence_at(s, k - 1) : NULL;
            if (p && p->doc == x->doc && strstr(p->text, "Gulls")) continue; /* after its own: below */
            cut++;
            CHECK(!strncmp(x->text, "The council said", 16));
            CHECK(!strncmp(d[x->doc] + x->start, "the council said", 16));
        }
        precis_summary_free(s);
    }
    CHECK(cut > 0);
    precis_cluster_free(c);
    /* right after the sentence it answers, the connective stays */
    const char *one = "The Harlow bridge closed in March after inspectors found cracks in a pier of the bridge.\n\n"
                      "But the council said the bridge would open to traffic on Monday once welders finish a steel "
                      "brace.\n";
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    precis_cluster_add(ctx, c, NULL, one, strlen(one));
    precis_summary_options o = {200, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) == 2);
    if (precis_summary_count(s) == 2) CHECK(!strncmp(precis_summary_sentence_at(s, 1)->text, "But the council", 15));
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* Round 10: a pronoun sentence after a pronoun sentence ("He said ...", then
 * "He added ...") may be chosen when the one before it is, which a pair of
 * two sentences could not offer (before, "He added" was never chosen). */
TEST(pronoun_sentences_chain_behind_their_antecedent)
{
    const char *d[3] = {
        "Council leader Ama Rusk spoke to reporters outside the town hall in Harlow.\n\n"
        "He said the Harlow bridge would reopen on Monday after repairs to the cracked pier.\n\n"
        "He added that the flooded road to Orwell would open on Tuesday and the ferry to Kelby on Wednesday.\n",
        "The Harlow bridge will reopen on Monday after repairs to its cracked pier, the council said.\n\n"
        "The flooded road to Orwell will open again on Tuesday, the council said.\n",
        "Engineers finished repairs to the cracked pier of the Harlow bridge, which reopens on Monday.\n\n"
        "The ferry to Kelby will sail again on Wednesday, its operator said.\n"};
    CHECK(check_comes_with_antecedent(d, "He added") > 0);
}

/* A quotation whose speaker is a surname alone ('," Tarrow said.') that its
 * document named in full in the sentence before ("Ines Tarrow") comes with
 * that sentence: alone, nobody the summary names is Tarrow (the bundled
 * example printed '"We cannot be cut off for weeks," Holt said.' so). A
 * surname the document never gave a first name ("Reuters said") is free. */
TEST(surname_speaker_comes_with_the_full_name)
{
    const char *d[3] = {
        "The Harlow bridge will stay shut until Monday, mayor Ines Tarrow told the town council.\n\n"
        "\"Repairs to the cracked pier of the Harlow bridge take time and the flooded road to Orwell must dry out first,\" "
        "Tarrow said.\n",
        "The Harlow bridge will reopen on Monday after repairs to its cracked pier, the council said.\n\n"
        "The flooded road to Orwell will open again on Tuesday, the council said.\n",
        "Engineers finished repairs to the cracked pier of the Harlow bridge, which reopens on Monday.\n\n"
        "Water is draining from the flooded road to Orwell, which is to open on Tuesday.\n"};
    CHECK(check_comes_with_antecedent(d, "Tarrow said.") > 0);
}

/* A surname opening the sentence as its speaker ("Tarrow said ...", "Tarrow
 * told reporters ...") or after a title anywhere ("Mr. Tarrow", "said Dr.
 * Tarrow.") names nobody the summary has named, when the document gave the
 * full name before ("Ines Tarrow"): such a sentence comes with the one before
 * it. A title before the full name ("Dr. Ines Tarrow") names her. */
TEST(surname_opening_or_title_comes_with_the_full_name)
{
    static const char *const said[] = {
        "Tarrow said the Harlow bridge reopens on Monday and the flooded road to Orwell is to open on Tuesday.",
        "Tarrow told reporters the Harlow bridge reopens on Monday and the flooded road to Orwell is to open on "
        "Tuesday.",
        "Mr. Tarrow said the Harlow bridge reopens on Monday and the flooded road to Orwell is to open on Tuesday.",
        "The Harlow bridge reopens on Monday and the flooded road to Orwell is to open on Tuesday, said Dr. Tarrow.",
        "The Harlow bridge, which Mrs. Tarrow inspected, reopens on Monday and the flooded road to Orwell is to open "
        "on Tuesday."};
    for (size_t i = 0; i < sizeof said / sizeof *said; i++) {
        char a[600];
        snprintf(a, sizeof a, "The Harlow bridge will stay shut until Monday, mayor Ines Tarrow told the town council.\n\n%s\n",
                 said[i]);
        const char *d[3] = {
            a,
            "The Harlow bridge will reopen on Monday after repairs to its cracked pier, the council said.\n\n"
            "The flooded road to Orwell will open again on Tuesday, the council said.\n",
            "Engineers finished repairs to the cracked pier of the Harlow bridge, which reopens on Monday.\n\n"
            "Water is draining from the flooded road to Orwell, which is to open on Tuesday.\n"};
        CHECK(check_comes_with_antecedent(d, "Orwell is to open on Tuesday") > 0);
    }
}

/* Round 12: a sentence naming someone by surname alone ("Tarrow said ...")
 * may stand without the sentence before it in its document when a summary
 * sentence printed before it names the person in full: its reader knows who
 * Tarrow is. Here the sentence before it is a long aside about a waiting
 * room; the ferry's hours are told nowhere else in print (b and c ask about
 * them). Before, "Tarrow said ..." came only with the aside, so at 30-45
 * words it was left out. In every summary it follows a sentence naming "Ines
 * Tarrow". */
TEST(surname_sentence_stands_after_the_full_name)
{
    static const char *const D[3] = {
        "Divers found a cracked pier under the Harlow bridge on Saturday, and mayor Ines Tarrow closed the "
        "bridge.\n\nThe old waiting room at the ferry terminal, painted green in 1974, had leaked for many years and "
        "was shut to visitors long before the storm.\n\nTarrow said the ferry to Orwell would run every hour from "
        "Tuesday.\n",
        "Mayor Ines Tarrow closed the Harlow bridge on Saturday after divers found a cracked pier.\n\n"
        "Will the ferry to Orwell run every hour from Tuesday?\n",
        "The Harlow bridge was closed on Saturday when divers found a cracked pier.\n\n"
        "Will the ferry to Orwell really run every hour from Tuesday?\n"};
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    for (int i = 0; i < 3; i++) precis_cluster_add(ctx, c, NULL, D[i], strlen(D[i]));
    size_t alone = 0;
    for (size_t words = 20; words <= 100; words += 5) {
        precis_summary_options o = {words, 0, 0, 0};
        precis_summary *s = NULL;
        CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
        bool named = false;
        for (size_t k = 0; k < precis_summary_count(s); k++) {
            const precis_summary_sentence *x = precis_summary_sentence_at(s, k);
            if (strstr(x->text, "Tarrow said")) {
                CHECK(named);
                alone += !strstr(precis_summary_sentence_at(s, k - (k > 0))->text, "waiting room");
            }
            named = named || strstr(x->text, "Ines Tarrow");
        }
        precis_summary_free(s);
    }
    CHECK(alone > 0);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* The stage's one word-list test: whole words, any case, lengths exact. */
TEST(word_lists_match_whole_words_in_any_case)
{
    static const char *const LIST[] = {"said", "says", "in addition"};
    CHECK(PS_WORD_IN("said", 4, LIST) && PS_WORD_IN("SAYS", 4, LIST) && PS_WORD_IN("Said,", 4, LIST));
    CHECK(PS_WORD_IN("In Addition", 11, LIST));
    CHECK(!PS_WORD_IN("sai", 3, LIST) && !PS_WORD_IN("saids", 5, LIST) && !PS_WORD_IN("", 0, LIST));
    CHECK(!ps_word_in("said", 4, LIST, 0));
}

/* Round 11: sentences the summary never prints still count for the concept
 * weights. Only report c tells of the flooded fish market in a sentence that
 * may be printed; a and b ask about it in a question (no candidate). Counted,
 * the market's bigrams are in all three reports and its sentence outweighs
 * the ferry terminal's, which two reports share (before: the market's words
 * were in one report only, and the 14-word budget took the ferry sentence). */
TEST(unprinted_sentences_count_for_concepts)
{
    static const char *const D[3] = {
        "The ferry terminal closed after the storm on Monday.\n\n"
        "Who will pay for the flooded fish market stalls in Orwell harbour?\n\n"
        "The mayor visited the damaged sea wall with engineers.\n",
        "Officials said the ferry terminal closed on Monday.\n\n"
        "Who will pay for the flooded fish market stalls in Orwell harbour now?\n\n"
        "Volunteers filled sandbags along the road to the church.\n",
        ("Traders at the flooded fish market stalls in Orwell harbour counted their losses.\n\n"
         "The harbour master said the water would recede by Friday.\n")};
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "harbour", &c) == PRECIS_OK);
    const char *ids[3] = {"a", "b", "c"};
    for (int k = 0; k < 3; k++) CHECK(precis_cluster_add_clean(ctx, c, ids[k], D[k], strlen(D[k])) == PRECIS_OK);
    precis_summary_options o = {14, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(s && precis_summary_count(s) == 1);
    if (s && precis_summary_count(s) == 1) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, 0);
        CHECK(!strncmp(x->text, "Traders at the flooded fish market", 34));
        CHECK(!strcmp(x->doc_id, "c"));
    }
    for (size_t i = 0; s && i < precis_summary_count(s); i++) /* a question is never printed */
        CHECK(!strchr(precis_summary_sentence_at(s, i)->text, '?'));
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* The same fact with a name spelled two ways ("Benjamin" / "Binyamin") is
 * said once: the pair shares 8 of 17 content words as spelled (under 60 %
 * of the shorter, Dice under 0.5), 9 with the variant. */
/* Round 6: the selector's redundancy line is lower than also_in's. "Tugboats
 * pulled ..." shares 5 of its 9 content words with "Crews pulled ..." (56 %,
 * Dice 0.42): one fact told twice, so the two are never chosen together
 * (before, with the 60 % / 0.5 line, a 400-word budget took both); but it is
 * too little to name the first report as corroborating the second. */
TEST(near_repeats_are_not_chosen_together)
{
    static const char *A = "Tugboats pulled the stranded Varrow ferry off the Kelby sandbank before sunrise on Monday.\n\n"
                           "Coast guard officers inspected the hull for damage after the grounding.\n";
    static const char *B = "Crews pulled the Varrow ferry free from the Kelby sandbank after volunteers, fishermen and "
                           "harbor pilots spent hours helping during the storm.\n\n"
                           "The ferry operator said the hull showed no damage after the grounding.\n";
    static const char *C = "The Varrow ferry ran aground on the Kelby sandbank late on Sunday.\n\n"
                           "Officers said the grounding caused no damage to the hull.\n";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "sandbank", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", A, strlen(A)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "b", B, strlen(B)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "c", C, strlen(C)) == PRECIS_OK);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t pulled = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        if (!strstr(x->text, " pulled ")) continue;
        pulled++;
        const char *other = !strcmp(x->doc_id, "a") ? "b" : "a"; /* the other telling */
        for (size_t k = 0; k < x->n_also_in; k++) CHECK(strcmp(x->also_in_ids[k], other) != 0);
    }
    CHECK(pulled == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(spelling_variant_is_the_same_fact)
{
    static const char *A =
        "Governor Benjamin Osterhagen has urged Harbour Minister Ilse Varga to close the old Quessan terminal "
        "before the autumn storms reach the western coast.\n\n"
        "The terminal handled 40 ferries a day last year, the port authority said.\n";
    static const char *B =
        "Governor Binyamin Osterhagen has held several meetings with Harbour Minister Ilse Varga to discuss the "
        "future of the Quessan terminal and money for a breakwater.\n\n"
        "Ferry companies have asked for a new pier on the north shore of the bay.\n";
    static const char *C = "Ferry operators fear the old terminal will not survive the autumn storms, said Mayor "
                           "Petra Lund of Quessan.\n\nThe governor is expected to decide next week.\n";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "terminal", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", A, strlen(A)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "b", B, strlen(B)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "c", C, strlen(C)) == PRECIS_OK);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t governor = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        if (!strstr(x->text, "Osterhagen")) continue;
        governor++;
        CHECK(x->n_also_in == 1); /* the other spelling corroborates it */
    }
    CHECK(governor == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
    /* the rule itself */
    static const char *const same[][2] = {
        {"binyamin", "benjamin"}, {"neighbor", "neighbour"}, {"organis", "organiz"}, {"abdel", "abdul"},
        {"mathew", "matthew"}, {"paymant", "payment"}, {"saad", "saadi"}, {"ukranian", "ukrainian"},
        {"korea", "korean"}, {"indonesia", "indonesian"},
    };
    static const char *const differ[][2] = {
        {"billion", "million"}, {"2015", "2016"}, {"state", "statement"}, {"war", "ward"}, {"cell", "cellphon"},
        {"house", "mouse"}, {"bank", "bang"}, {"kader", "qader"}, {"speak", "break"},
        /* two common words spelled alike (Snowball stems of police / policy,
         * March / match, though / thought, hair / hairdo) */
        {"polic", "polici"}, {"march", "match"}, {"though", "thought"}, {"hair", "hairdo"}, {"thank", "think"},
        /* a longer form of a common word: refused with the false ones */
        {"iran", "iranian"}, {"guard", "guardian"},
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        CHECK(ps_spelling_variant(same[i][0], strlen(same[i][0]), same[i][1], strlen(same[i][1])));
    for (size_t i = 0; i < sizeof differ / sizeof *differ; i++)
        CHECK(!ps_spelling_variant(differ[i][0], strlen(differ[i][0]), differ[i][1], strlen(differ[i][1])));
}

/* A bare quotation after its speaker's quoted sentence is offered joined to
 * it, never alone: the summary can carry what it says, with who says it. */
TEST(bare_quote_joins_its_speaker)
{
    static const char *A = "The Quessan ferry terminal will close on Friday for repairs to its cracked pier.\n\n"
                           "\u201cThe pier has cracked in three places,\u201d said engineer Ana Velsko of the port "
                           "authority. \u201cFerries to Porthwick will leave from the north quay until the spring storms "
                           "are over.\u201d\n";
    static const char *B = "The port authority moved the Porthwick ferries to the north quay on Tuesday after an "
                           "inspection of the terminal found damage.\n\nThe spring storms cracked the pier of the terminal.\n";
    static const char *C = "Repairs will last until the spring storms are over, the mayor of Quessan said on Monday.\n\n"
                           "Engineers found three cracks in the pier of the Quessan terminal.\n";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "quay", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", A, strlen(A)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "b", B, strlen(B)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "c", C, strlen(C)) == PRECIS_OK);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t joined = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        if (x->doc != 0 || !strstr(x->text, "north quay")) continue;
        CHECK(strncmp(x->text, "\u201cThe pier has cracked", 23) == 0); /* with its speaker */
        CHECK(strstr(x->text, "said engineer Ana Velsko") != NULL);
        CHECK(x->end == strlen(A) - 1 && strncmp(A + x->start, "\u201cThe pier", 11) == 0);
        joined++;
    }
    CHECK(joined == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* The same join with German guillemets (»...«, closed right after the
 * period): the bare-quotation test always knew the marks, the join's own
 * test of a mark knew only English ones (and the curly closing one), so the
 * quotation was never offered with its speaker. */
TEST(bare_quote_joins_its_speaker_in_german)
{
    static const char *A =
        "Der Fährterminal von Quessan schließt am Freitag, damit sein gerissener Steg repariert wird.\n\n"
        "»Der Steg ist an drei Stellen gerissen«, sagte die Ingenieurin Ana Velsko vom Hafenamt. "
        "»Die Fähren nach Porthwick fahren bis zum Ende der Frühjahrsstürme vom Nordkai ab.«\n";
    static const char *B = "Das Hafenamt verlegte die Fähren nach Porthwick am Dienstag nach einer Prüfung des "
                           "Terminals an den Nordkai.\n\nDie Frühjahrsstürme haben den Steg des Terminals beschädigt.\n";
    static const char *C = "Die Reparaturen dauern bis zum Ende der Frühjahrsstürme, sagte der Bürgermeister von "
                           "Quessan am Montag.\n\nIngenieure fanden drei Risse im Steg des Terminals von Quessan.\n";
    precis_options po = {"de", {0, 0, 0}};
    precis_ctx *ctx = precis_new(&po);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "steg", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", A, strlen(A)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "b", B, strlen(B)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "c", C, strlen(C)) == PRECIS_OK);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t joined = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        if (x->doc != 0 || !strstr(x->text, "Nordkai")) continue;
        CHECK(strncmp(x->text, "»Der Steg ist", strlen("»Der Steg ist")) == 0); /* with its speaker */
        CHECK(strstr(x->text, "Ana Velsko") != NULL);
        joined++;
    }
    CHECK(joined == 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* "police" / "policy" and "March" / "match" are not one word spelled two
 * ways: the two sentences share 4 of the shorter one's 10 content words as
 * spelled (40 %, Dice 0.35), 6 (60 %) with those two pairs, so the old variant
 * test called them the same fact (one chosen, the other its also_in). */
TEST(common_words_are_not_spelling_variants)
{
    static const char *A = "Velmar police will start the harbour district parking rules in early March, "
                           "the council said.\n";
    static const char *B = "The harbour district parking rules are a poor match for the city policy on "
                           "ferries, trucks and delivery vans, traders say.\n";
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "parking", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a", A, strlen(A)) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "b", B, strlen(B)) == PRECIS_OK);
    precis_summary_options o = {400, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) == 2);
    for (size_t i = 0; i < precis_summary_count(s); i++) CHECK(precis_summary_sentence_at(s, i)->n_also_in == 0);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* "The report said ..." does not open a summary: it needs the sentence that
 * says which report. */
TEST(opening_does_not_point_back)
{
    static const char *const back[] = {
        "The report said the Harlow bridge needs new piers before the winter.",
        "According to the statement, the Harlow bridge will stay closed until May.",
        "The move comes after inspectors found cracks in a pier of the bridge.",
        "The deal, which took two years, gives the town a new bridge.",
        "the decision was announced by the road agency on Friday.",
        /* a comma after "According to the report" ends the attribution, not
         * an aside naming the report */
        "According to the report, by 2030 the bridge will need new piers.",
        "According to the study, from next year the ferry will run twice a day.",
        /* an aside that names no source */
        "The report, by contrast, said the Harlow bridge is safe.",
        "The study, by 2030, expects the bridge to need new piers.",
        "The report, by the way, was published on Friday.",
    };
    static const char *const not_back[] = {
        "The report from the Velmar road agency said the bridge needs new piers.",
        "According to the report by the road agency, the bridge will stay closed.",
        "The ruling party won the vote on the bridge on Friday.",
        "The news that the bridge would close upset the traders of Harlow.",
        "The reporter said the Harlow bridge needs new piers before the winter.",
        "The reports' authors said the bridge needs new piers.",
        "Inspectors of the Velmar road agency published a report on the Harlow bridge on Friday.",
        /* an aside that names the source introduces it */
        "The study, by the Velmar Institute of Health, found that 40 percent of the bridges need repairs.",
        "The report, from the Velmar road agency, said the bridge needs new piers.",
    };
    size_t nl;
    for (size_t i = 0; i < sizeof back / sizeof *back; i++) CHECK(ps_points_back(back[i], strlen(back[i]), &nl) > 0);
    for (size_t i = 0; i < sizeof not_back / sizeof *not_back; i++)
        CHECK(ps_points_back(not_back[i], strlen(not_back[i]), &nl) == 0);
    CHECK(ps_points_back(back[0], strlen(back[0]), &nl) == 4 && nl == 6);
    /* in a summary: the report's sentence comes first, then what it said */
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    const char *d1 = "The report said the Harlow bridge needs new piers before the winter storms.\n\n"
                     "Inspectors of the Velmar road agency published a report on the Harlow bridge on Friday.\n";
    const char *d2 = "The report said the Harlow bridge needs two new piers before the winter.\n\n"
                     "The Velmar road agency published its report on the Harlow bridge on Friday, after inspectors "
                     "found cracks.\n";
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    precis_cluster_add(ctx, c, NULL, d1, strlen(d1));
    precis_cluster_add(ctx, c, NULL, d2, strlen(d2));
    precis_summary_options o = {40, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) == 2);
    if (precis_summary_count(s) == 2) {
        CHECK(strncmp(precis_summary_sentence_at(s, 0)->text, "The report said", 15) != 0);
        CHECK(strncmp(precis_summary_sentence_at(s, 1)->text, "The report said", 15) == 0);
    }
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(bad_input_says_why)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    precis_summary *s = NULL;
    CHECK(precis_cluster_new(ctx, "empty", &c) == PRECIS_OK);
    CHECK(precis_summarize(ctx, c, NULL, &s) == PRECIS_EEMPTY);
    CHECK(strstr(precis_errmsg(ctx), "no article") != NULL);
    precis_cluster_add(ctx, c, NULL, "Topics\nComments\nShare\n", 22);
    CHECK(precis_summarize(ctx, c, NULL, &s) == PRECIS_EEMPTY);
    CHECK(strstr(precis_errmsg(ctx), "no usable sentence") != NULL);
    precis_cluster_free(c);

    c = make_cluster(ctx);
    precis_summary_options tiny = {3, 0, 0, 0};
    /* told apart from "no usable sentence" by status, not by the message's words */
    CHECK(precis_summarize(ctx, c, &tiny, &s) == PRECIS_EBUDGET);
    CHECK(s == NULL);
    CHECK(strstr(precis_errmsg(ctx), "fits the budget of 3 words") != NULL);
    precis_summary_options tiny_bytes = {0, 5, 0, 0};
    CHECK(precis_summarize(ctx, c, &tiny_bytes, &s) == PRECIS_EBUDGET);
    CHECK(strstr(precis_errmsg(ctx), "fits the budget of 5 bytes") != NULL);
    CHECK_STR(precis_strerror(PRECIS_EBUDGET), "no sentence fits the budget");
    precis_summary_options one = {400, 0, 1, 0};
    CHECK(precis_summarize(ctx, c, &one, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) == 1);
    precis_summary_free(s);
    precis_summary_options bytes = {0, 200, 0, 0};
    CHECK(precis_summarize(ctx, c, &bytes, &s) == PRECIS_OK);
    size_t total = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++)
        total += precis_summary_sentence_at(s, i)->text_len + (i ? 1 : 0);
    CHECK(total <= 200 && total > 0);
    precis_summary_free(s);
    precis_cluster_free(c);

    /* binary junk and invalid sizes */
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    char junk[256];
    for (int i = 0; i < 256; i++) junk[i] = (char)(i * 37 + 11);
    precis_cluster_add(ctx, c, NULL, junk, sizeof junk);
    precis_status st = precis_summarize(ctx, c, NULL, &s);
    CHECK(st == PRECIS_EEMPTY || st == PRECIS_OK);
    if (st == PRECIS_OK) precis_summary_free(s);
    precis_cluster_free(c);

    precis_options small = {NULL, {0, 0, 100}};
    precis_ctx *sctx = precis_new(&small);
    CHECK(precis_cluster_new(sctx, NULL, &c) == PRECIS_OK);
    CHECK(precis_cluster_add(sctx, c, "big", DOC_A, strlen(DOC_A)) == PRECIS_ELIMIT);
    CHECK(strstr(precis_errmsg(sctx), "big") != NULL);
    precis_cluster_free(c);
    precis_free(sctx);
    precis_free(ctx);
}

TEST(single_article)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c;
    CHECK(precis_cluster_new(ctx, NULL, &c) == PRECIS_OK);
    precis_cluster_add(ctx, c, "a", DOC_A, strlen(DOC_A));
    precis_summary *s = NULL;
    precis_summary_options o = {40, 0, 0, 0};
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    CHECK(precis_summary_count(s) >= 1);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

static size_t n_docs_of(precis_ctx *ctx, const char *input)
{
    precis_cluster *c;
    precis_cluster_new(ctx, NULL, &c);
    precis_status st = precis_cluster_add_input(ctx, c, "in.txt", input, strlen(input));
    size_t n = st ? (size_t)-1 : precis_cluster_count(c);
    precis_cluster_free(c);
    return n;
}

TEST(input_formats)
{
    precis_ctx *ctx = precis_new(NULL);
    CHECK(n_docs_of(ctx, "Plain text. Two sentences.") == 1);
    CHECK(n_docs_of(ctx, "First article. ||||| Second article. ||||| Third.") == 3);
    CHECK(n_docs_of(ctx, "{\"id\": \"x\", \"text\": \"One.\"}\n{\"text\": \"Two.\"}\n") == 2);
    CHECK(n_docs_of(ctx, "{\"id\": 7, \"documents\": [\"One.\", {\"id\": \"k\", \"text\": \"Two.\"}]}\n") == 2);
    CHECK(n_docs_of(ctx, "{\"id\": 1, \"documents\": [\"a\"]}\n{\"id\": 2, \"documents\": [\"b\"]}\n") == (size_t)-1);
    CHECK(strstr(precis_errmsg(ctx), "--batch") != NULL);
    CHECK(n_docs_of(ctx, "{\"id\": 1, \"text\": ") == (size_t)-1);
    CHECK(strstr(precis_errmsg(ctx), "in.txt:1:") != NULL);
    CHECK(n_docs_of(ctx, "{\"html\": \"<p>x</p>\"}") == (size_t)-1);
    CHECK(strstr(precis_errmsg(ctx), "precis extract") != NULL);
    precis_free(ctx);
}

typedef struct seen {
    size_t clusters, docs, bad;
    char ids[4][16];
} seen;

static precis_status on_cluster(void *user, precis_cluster *c)
{
    seen *s = user;
    if (s->clusters < 4) snprintf(s->ids[s->clusters], sizeof s->ids[0], "%s", precis_cluster_id(c));
    s->clusters++;
    s->docs += precis_cluster_count(c);
    precis_cluster_free(c);
    return PRECIS_OK;
}

static void on_bad(void *user, const char *msg)
{
    (void)msg;
    ((seen *)user)->bad++;
}

TEST(batch_reader)
{
    precis_ctx *ctx = precis_new(NULL);
    const char *in = "{\"id\": 3, \"documents\": [\"a.\", \"b.\"]}\n\n"
                     "not json\n"
                     "{\"id\": \"x\", \"documents\": [\"c.\"]}\n";
    seen s = {0};
    CHECK(precis_clusters_read(ctx, "t.jsonl", in, strlen(in), on_cluster, on_bad, &s) == PRECIS_EPARSE);
    CHECK(s.clusters == 2 && s.docs == 3 && s.bad == 1);
    CHECK_STR(s.ids[0], "3");
    CHECK_STR(s.ids[1], "x");
    precis_free(ctx);
}

/* The selector on a small instance whose optimum is known. */
TEST(selector_finds_the_optimum)
{
    /* concepts 0..3 with weights; greedy by ratio takes item 0 (ratio 5) and
     * then cannot fit item 1; the optimum is items 1 + 2 (weight 14). */
    double w[] = {5, 8, 6, 1};
    uint32_t c0[] = {0}, c1[] = {1}, c2[] = {2, 3};
    ps_item items[] = {{1, c0, 1, 0}, {5, c1, 1, 0}, {4, c2, 2, 0}};
    uint32_t out[3];
    bool exact;
    size_t n = ps_select(items, 3, w, 4, 9, 0, NULL, out, &exact);
    CHECK(exact);
    double total = 0;
    uint32_t cost = 0;
    for (size_t i = 0; i < n; i++) {
        cost += items[out[i]].cost;
        for (uint32_t k = 0; k < items[out[i]].n_concepts; k++) total += w[items[out[i]].concepts[k]];
    }
    CHECK(cost <= 9);
    CHECK_NEAR(total, 15.0, 1e-9); /* 1 + 2 (8 + 6 + 1): 9 words, weight 15 */
    /* max_items */
    n = ps_select(items, 3, w, 4, 9, 1, NULL, out, &exact);
    CHECK(n == 1 && out[0] == 1);
}

/* Random small instances against brute force: the search (its bound reads a
 * prefix of the items and its loop stops at the first item that cannot beat
 * the incumbent) must still prove the true optimum, with conflicts and an
 * item cap, ties of equal ratios included. */
static bool rnd_conflict(void *user, uint32_t a, uint32_t b)
{
    const uint8_t *m = user;
    return m[a * 14 + b];
}

static uint32_t rnd_next(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

TEST(selector_matches_brute_force)
{
    uint32_t seed = 12345;
#define RND() rnd_next(&seed)
    for (int round = 0; round < 300; round++) {
        enum { N = 14, C = 24 };
        double w[C];
        for (int c = 0; c < C; c++) w[c] = 1 + RND() % 7; /* small integers: many equal ratios */
        uint32_t con[N][8];
        ps_item items[N];
        for (int i = 0; i < N; i++) {
            uint32_t nc = 1 + RND() % 6, m = 0;
            for (uint32_t k = 0; k < nc; k++) {
                uint32_t c = RND() % C;
                bool dup = false;
                for (uint32_t q = 0; q < m; q++) dup |= con[i][q] == c;
                if (!dup) con[i][m++] = c;
            }
            uint32_t cost = 1 + RND() % 9;
            double bonus = (RND() % 3) * 0.5;
            items[i] = (ps_item){cost, con[i], m, bonus};
        }
        uint8_t cm[N * 14] = {0};
        bool use_conflicts = round % 2;
        for (int k = 0; k < 6; k++) {
            uint32_t a = RND() % N, b = RND() % N;
            if (a != b) cm[a * 14 + b] = cm[b * 14 + a] = 1;
        }
        ps_conflicts pc = {rnd_conflict, cm};
        uint32_t budget = 8 + RND() % 20;
        size_t max_items = round % 3 == 0 ? 2 : 0;
        double best = 0;
        for (uint32_t set = 1; set < (1u << N); set++) {
            uint32_t cost = 0, cnt = 0;
            bool ok = true;
            uint8_t cov[C] = {0};
            double v = 0;
            for (int i = 0; i < N && ok; i++) {
                if (!(set >> i & 1)) continue;
                cost += items[i].cost, cnt++;
                v += items[i].bonus;
                for (uint32_t k = 0; k < items[i].n_concepts; k++)
                    if (!cov[items[i].concepts[k]]++) v += w[items[i].concepts[k]];
                if (use_conflicts)
                    for (int j = 0; j < i; j++)
                        if ((set >> j & 1) && cm[i * 14 + j]) ok = false;
            }
            if (!ok || cost > budget || (max_items && cnt > max_items)) continue;
            if (v > best) best = v;
        }
        uint32_t out[N];
        bool exact;
        size_t n = ps_select(items, N, w, C, budget, max_items, use_conflicts ? &pc : NULL, out, &exact);
        CHECK(exact);
        uint8_t cov[C] = {0};
        double v = 0;
        uint32_t cost = 0;
        for (size_t k = 0; k < n; k++) {
            cost += items[out[k]].cost;
            v += items[out[k]].bonus;
            for (uint32_t q = 0; q < items[out[k]].n_concepts; q++)
                if (!cov[items[out[k]].concepts[q]]++) v += w[items[out[k]].concepts[q]];
        }
        CHECK(cost <= budget);
        CHECK(!max_items || n <= max_items);
        CHECK_NEAR(v, best, 1e-9);
    }
#undef RND
}

int main(void)
{
    RUN(summary_respects_budget_and_spans);
    RUN(selector_matches_brute_force);
    RUN(debris_is_never_chosen);
    RUN(widget_and_crawl_debris_is_named);
    RUN(archive_notes_and_page_boxes_are_debris);
    RUN(calls_to_the_audience_are_promotion);
    RUN(in_this_photo_is_a_caption);
    RUN(credit_prefix_is_cut);
    RUN(wire_prefix_is_cut);
    RUN(page_debris_heads_are_cut);
    RUN(page_debris_without_prose_is_no_candidate);
    RUN(sentence_after_moved_quote_is_capitalised);
    RUN(repeated_sentence_once_with_attribution);
    RUN(clean_text_is_used_as_is);
    RUN(spelled_number_is_the_same_fact);
    RUN(json_output_has_the_schema);
    RUN(opening_is_not_dangling);
    RUN(this_year_needs_no_sentence_before);
    RUN(pronoun_sentence_comes_with_its_antecedent);
    RUN(pronoun_sentence_is_printed_after_its_antecedent);
    RUN(talk_and_verbless_apposition_are_not_candidates);
    RUN(it_and_but_he_come_with_their_antecedent);
    RUN(connective_is_cut_away_from_its_sentence);
    RUN(japanese_article_is_summarized);
    RUN(pronoun_sentences_chain_behind_their_antecedent);
    RUN(surname_speaker_comes_with_the_full_name);
    RUN(surname_opening_or_title_comes_with_the_full_name);
    RUN(surname_sentence_stands_after_the_full_name);
    RUN(word_lists_match_whole_words_in_any_case);
    RUN(unprinted_sentences_count_for_concepts);
    RUN(near_repeats_are_not_chosen_together);
    RUN(spelling_variant_is_the_same_fact);
    RUN(common_words_are_not_spelling_variants);
    RUN(bare_quote_joins_its_speaker);
    RUN(bare_quote_joins_its_speaker_in_german);
    RUN(opening_does_not_point_back);
    RUN(bad_input_says_why);
    RUN(single_article);
    RUN(input_formats);
    RUN(batch_reader);
    RUN(selector_finds_the_optimum);
    return test_done();
}
