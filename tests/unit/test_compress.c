/* Sentence compression (src/summarize/compress.c): each rule on invented
 * sentences, what it must trim and what it must leave alone, and the
 * summarizer's use of the trimmed variants (span, kept pieces, JSON). */
#include "test.h"
#include "summarize/summarize.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The sentence after compression with the given rules, or "" when unchanged. */
static const char *trim(const char *s, unsigned rules)
{
    static char out[4096];
    ps_piece p[32];
    bool cap;
    size_t n = ps_compress(s, strlen(s), rules, p, 32, &cap);
    if (!n) return "";
    ps_compress_text(s, p, n, cap, out);
    return out;
}

TEST(parentheticals)
{
    CHECK_STR(trim("The ferry Marisol (built in 1987 at Velmar) ran aground near Porthwick harbour.", PS_TRIM_PARENS),
              "The ferry Marisol ran aground near Porthwick harbour.");
    CHECK_STR(trim("The operator (Baylink Ferries), which runs six boats, suspended all its crossings.", PS_TRIM_PARENS),
              "The operator, which runs six boats, suspended all its crossings.");
    /* a dateline's agency after the first word, an unclosed bracket, a quote inside: left */
    CHECK_STR(trim("Porthwick (Baywire) The ferry Marisol ran aground near the harbour on Tuesday.", PS_TRIM_PARENS), "");
    CHECK_STR(trim("The count of passengers rose (to 212 by the evening and then to 230.", PS_TRIM_PARENS), "");
    CHECK_STR(trim("The captain (\"we hit something\") radioed the harbour at six in the morning.", PS_TRIM_PARENS), "");
}

TEST(dash_asides)
{
    CHECK_STR(trim("The ferry -- the oldest boat in the fleet -- ran aground near Porthwick harbour.", PS_TRIM_DASHES),
              "The ferry ran aground near Porthwick harbour.");
    CHECK_STR(trim("The ferry \xe2\x80\x94 the oldest boat in the fleet \xe2\x80\x94 ran aground near Porthwick.",
                   PS_TRIM_DASHES),
              "The ferry ran aground near Porthwick.");
    /* three dashes: which pair is the aside? A one-word aside is a name part. */
    CHECK_STR(trim("Velmar -- five days after the storm -- a quiet town -- counted its losses in the rain.",
                   PS_TRIM_DASHES), "");
    CHECK_STR(trim("Passengers of the Porthwick -- Velmar line were taken to the town hall by bus.", PS_TRIM_DASHES), "");
    /* the aside also closes a comma phrase: cutting it would leave the phrase open */
    CHECK_STR(trim("The repairs, paid for by the island council -- about 2 million crowns -- will take a month.",
                   PS_TRIM_DASHES), "");
    CHECK_STR(trim("When the fog lifted at noon -- six hours after the grounding -- the tugs pulled the ferry free.",
                   PS_TRIM_DASHES), "");
    /* the aside holds a negation: kept */
    CHECK_STR(trim("The ferry -- which had not been inspected since May -- ran aground near Porthwick.", PS_TRIM_DASHES), "");
}

TEST(opening_connectives)
{
    CHECK_STR(trim("But the harbour master said the channel had been clear that morning.", PS_TRIM_CONNECTIVE),
              "The harbour master said the channel had been clear that morning.");
    CHECK_STR(trim("However, the inquiry will not start before the spring thaw in Velmar.", PS_TRIM_CONNECTIVE),
              "The inquiry will not start before the spring thaw in Velmar.");
    CHECK_STR(trim("In addition, two tugs from Velmar stood by through the night at the sandbank.",
                   PS_TRIM_CONNECTIVE),
              "Two tugs from Velmar stood by through the night at the sandbank.");
    /* "Still" without a comma is not a connective; "Butler" is not "But" */
    CHECK_STR(trim("Still more passengers were waiting on the quay at noon on Tuesday.", PS_TRIM_CONNECTIVE), "");
    CHECK_STR(trim("Butler Ana Velsko said the passengers were cold but calm on the deck.", PS_TRIM_CONNECTIVE), "");
    /* what follows the cut would still point back: "Then they found ..." */
    CHECK_STR(trim("But then the divers found a second hole in the hull of the ferry.", PS_TRIM_CONNECTIVE), "");
    CHECK_STR(trim("And so the crossings to Velmar were suspended until the spring.", PS_TRIM_CONNECTIVE), "");
    CHECK_STR(trim("But, again, the harbour master refused to answer any questions.", PS_TRIM_CONNECTIVE), "");
}

/* One table of connectives: the phrases of a wire editor's list, "So" but not
 * "So far", and the summarizer's cut (ps_connective_end) finds the same ones
 * in a short or lower-case sentence, which ps_compress leaves alone. */
TEST(connective_table)
{
    static const char *const cut[][2] = {
        {"As a result, the crossings to Velmar were suspended until the spring.",
         "The crossings to Velmar were suspended until the spring."},
        {"Now, the harbour master says the channel will be dredged in May.",
         "The harbour master says the channel will be dredged in May."},
        {"So the island council asked the navy for two landing craft.",
         "The island council asked the navy for two landing craft."},
        {"Of course, the ferry had been inspected only a month before.",
         "The ferry had been inspected only a month before."},
        {"After all, the sandbank had moved twice since the last survey.",
         "The sandbank had moved twice since the last survey."},
        {"Even so, the operator kept its timetable for the summer season.",
         "The operator kept its timetable for the summer season."},
        {"In fact, the tugs arrived three hours after the first call for help.",
         "The tugs arrived three hours after the first call for help."},
        {"Thus, the inquiry will hear the harbour pilots before the crew.",
         "The inquiry will hear the harbour pilots before the crew."},
    };
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        CHECK_STR(trim(cut[i][0], PS_TRIM_CONNECTIVE), cut[i][1]);
        size_t at = ps_connective_end(cut[i][0], strlen(cut[i][0]));
        CHECK(at > 0 && !strncasecmp(cut[i][0] + at, cut[i][1], 4));
    }
    static const char *const kept[] = {
        "So far the divers have found no second hole in the hull.",
        "So many passengers were waiting that the quay was closed.",
        "Now the state is asking for a second survey of the channel.",
        "Of the 212 passengers, nine were taken to the hospital in Velmar.",
        "As a rule the ferry does not sail in a northerly gale.",
        "Otherwise, the ferry would have sunk in the channel that night.",
        "In fact, it was the third grounding on the sandbank in a year.",
        "Even so he kept the ferry at sea through the night.",
        "But still the operator refused to cancel the evening crossings.",
    };
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        CHECK_STR(trim(kept[i], PS_TRIM_CONNECTIVE), "");
        CHECK(ps_connective_end(kept[i], strlen(kept[i])) == 0);
    }
    /* short, and lower case after a quotation: cut by the summarizer only */
    const char *s = "Meanwhile, the ferry is late.";
    CHECK_STR(trim(s, PS_TRIM_CONNECTIVE), "");
    CHECK(ps_connective_end(s, strlen(s)) == 11);
    s = "in fact, the tea was laced with a cleaning fluid, the police said.";
    CHECK(ps_connective_end(s, strlen(s)) == 9);
}

TEST(opening_adverbials)
{
    CHECK_STR(trim("On Tuesday, the ferry operator suspended all crossings to Velmar island.", PS_TRIM_ADVERBIAL),
              "The ferry operator suspended all crossings to Velmar island.");
    CHECK_STR(trim("According to the harbour authority, the ferry was carrying 212 passengers.", PS_TRIM_ADVERBIAL),
              "The ferry was carrying 212 passengers.");
    /* a year, a count, a subject before the first comma, a place with a comma: left */
    CHECK_STR(trim("In 1987, the ferry was built in a yard near Porthwick for the island line.", PS_TRIM_ADVERBIAL), "");
    CHECK_STR(trim("At least three boats, all of them fishing trawlers, came to help the ferry.", PS_TRIM_ADVERBIAL), "");
    CHECK_STR(trim("On Tuesday the operator, who runs six boats, suspended crossings to Velmar.", PS_TRIM_ADVERBIAL), "");
    CHECK_STR(trim("At a meeting in Velmar, Ore., the operator apologised to the stranded passengers.",
                   PS_TRIM_ADVERBIAL), "");
}

TEST(attribution_tails)
{
    CHECK_STR(trim("The ferry was carrying 212 passengers and 14 crew members, the coast guard said.",
                   PS_TRIM_ATTRIBUTION),
              "The ferry was carrying 212 passengers and 14 crew members.");
    CHECK_STR(trim("The ferry had been inspected twice this year, according to the harbour authority.",
                   PS_TRIM_ATTRIBUTION),
              "The ferry had been inspected twice this year.");
    CHECK_STR(trim("The ferry, according to the harbour authority, had been inspected twice this year.",
                   PS_TRIM_ATTRIBUTION),
              "The ferry had been inspected twice this year.");
    /* an abbreviation's period ends the sentence: no second one */
    CHECK_STR(trim("The ferry struck a sandbank off Porthwick shortly after 6 a.m., officials said.", PS_TRIM_ATTRIBUTION),
              "The ferry struck a sandbank off Porthwick shortly after 6 a.m.");
    /* speech keeps its speaker; a short head is not a clause of its own */
    CHECK_STR(trim("\"We will bring everyone home safely tonight,\" the captain of the tug said.", PS_TRIM_ATTRIBUTION), "");
    CHECK_STR(trim("Nobody was hurt, the mayor of Porthwick said.", PS_TRIM_ATTRIBUTION), "");
    /* a clause of its own, or a verb with an object clause, is content */
    CHECK_STR(trim("The harbour master did not say how the crew reacted, but he said he was not blamed.",
                   PS_TRIM_ATTRIBUTION), "");
    CHECK_STR(trim("In the villages along the coast of Velmar, he added, the damage is worse than ever.",
                   PS_TRIM_ATTRIBUTION), "");
    CHECK_STR(trim("The ferry was refloated on Wednesday by two tugs, officials said, adding that nobody was hurt.",
                   PS_TRIM_ATTRIBUTION), "");
    CHECK_STR(trim("The ferry was refloated on Wednesday by two tugs, said Ana Velsko, a spokeswoman for Baylink.",
                   PS_TRIM_ATTRIBUTION),
              "The ferry was refloated on Wednesday by two tugs.");
    CHECK_STR(trim("The ferry was refloated on Wednesday by two tugs, the coast guard said in a statement.",
                   PS_TRIM_ATTRIBUTION),
              "The ferry was refloated on Wednesday by two tugs.");
    /* the verb first: a short speaker, not a reported clause */
    CHECK_STR(trim("Ana Velsko, the captain of the Marisol, said Baylink had ordered her to sail in the fog.",
                   PS_TRIM_ATTRIBUTION), "");
    CHECK_STR(trim("The ferry was refloated on Wednesday by two tugs, said he would be on the next boat.",
                   PS_TRIM_ATTRIBUTION), "");
    /* a reported clause after the verb is content: "Ana Velsko, who ..., said Orlo would be fired." */
    CHECK_STR(trim("Harbour chief Ana Velsko, who runs the port, said Orlo would be dismissed.", PS_TRIM_ATTRIBUTION), "");
    CHECK_STR(trim("The ferry was refloated on Wednesday by two tugs, officials said Orlo had resigned.",
                   PS_TRIM_ATTRIBUTION), "");
    /* a comma that is not followed by a speech verb */
    CHECK_STR(trim("The ferry was carrying 212 passengers, most of them tourists from Velmar.", PS_TRIM_ATTRIBUTION), "");
}

TEST(appositives)
{
    CHECK_STR(trim("Ana Velsko, a 54-year-old teacher from Porthwick, was among the passengers rescued.",
                   PS_TRIM_APPOSITIVE),
              "Ana Velsko was among the passengers rescued.");
    /* lists of noun phrases are not appositives */
    CHECK_STR(trim("The ferry, the tug, the pilot boat and two trawlers were in the channel.", PS_TRIM_APPOSITIVE), "");
    CHECK_STR(trim("Rescuers found Ana Velsko, a teacher, and her son on the upper deck.", PS_TRIM_APPOSITIVE), "");
}

TEST(relative_clauses)
{
    CHECK_STR(trim("Rescuers from three towns reached the stranded ferry Marisol, which was carrying 212 passengers.",
                   PS_TRIM_RELATIVE),
              "Rescuers from three towns reached the stranded ferry Marisol.");
    CHECK_STR(trim("The harbour master of the port, who has worked there for 20 years, blamed the missing markers.",
                   PS_TRIM_RELATIVE),
              "The harbour master of the port blamed the missing markers.");
    /* restrictive (no comma), part of a coordination, or unclosed in a quote: left */
    CHECK_STR(trim("The passengers who were hurt were taken to the hospital in Velmar.", PS_TRIM_RELATIVE), "");
    CHECK_STR(trim("The passengers on the upper deck, who were cold but unhurt, and the crew were taken ashore.",
                   PS_TRIM_RELATIVE), "");
    /* the clause's second comma also closes an opening phrase: it stays */
    CHECK_STR(trim("In the wake of the storm near Velmar, which flooded 40 homes, rescuers worked through the night.",
                   PS_TRIM_RELATIVE),
              "In the wake of the storm near Velmar, rescuers worked through the night.");
    /* a clause opener whose own subject carries the aside: the clause goes on
     * after it, so the comma does not close the opening and goes with it */
    CHECK_STR(trim("When the new harbour master, who was hired in 2019, left the port authority, the crossings "
                   "were suspended.",
                   PS_TRIM_RELATIVE),
              "When the new harbour master left the port authority, the crossings were suspended.");
    /* the same opener with the aside at the clause's end: the comma stays */
    CHECK_STR(trim("When the storm reached the town of Velmar, which has two piers, rescuers worked through the night.",
                   PS_TRIM_RELATIVE),
              "When the storm reached the town of Velmar, rescuers worked through the night.");
    /* ", including ..." after the comma: the clause goes on, no closed aside */
    CHECK_STR(trim("The mayor thanked the crew of the tug, who rescued most of the passengers, including two children.",
                   PS_TRIM_RELATIVE), "");
}

TEST(result_is_a_sentence)
{
    /* every rule together: capital start, final punctuation, no dangling comma */
    const char *s = "But on Tuesday, the ferry Marisol (built in 1987), which had been inspected in May, "
                    "was refloated by two tugs, the coast guard said.";
    const char *t = trim(s, PS_TRIM_ALL);
    CHECK_STR(t, "The ferry Marisol was refloated by two tugs.");
    /* too little left: not offered (five words and the final period are five words) */
    CHECK_STR(trim("The ferry reached the harbour, which was crowded with families.", PS_TRIM_RELATIVE), "");
    CHECK_STR(trim("The ferry reached the old harbour, which was crowded with families.", PS_TRIM_RELATIVE),
              "The ferry reached the old harbour.");
    CHECK_STR(trim("The ferry (the Marisol) sank.", PS_TRIM_ALL), "");
    /* a sentence that does not start like one is not touched */
    CHECK_STR(trim("and the ferry (built in 1987) ran aground near Porthwick harbour.", PS_TRIM_ALL), "");
    CHECK_STR(trim("", PS_TRIM_ALL), "");
    CHECK_STR(trim("The ferry (built in 1987) ran aground near Porthwick harbour.", 0), "");
    /* numbers and negations of the kept clause stay */
    t = trim("No one was hurt when the ferry (built in 1987) ran aground with 212 people on board.", PS_TRIM_ALL);
    CHECK_STR(t, "No one was hurt when the ferry ran aground with 212 people on board.");
}

/* Three invented reports: the shared fact sits in sentences with asides. */
static const char *DOCS[] = {
    "The ferry Marisol (built in 1987 at a yard in Velmar) ran aground on a sandbank off Porthwick "
    "with 212 passengers on board, the coast guard said. All passengers were taken ashore by lifeboats "
    "before midnight. The operator Baylink suspended crossings to Velmar island until further notice.\n",
    "The ferry Marisol ran aground on a sandbank off Porthwick with 212 passengers on board. Lifeboats "
    "took all passengers ashore before midnight, officials said. Baylink suspended crossings to Velmar "
    "island until further notice.\n",
    "Lifeboats took all 212 passengers of the ferry Marisol ashore after it ran aground on a sandbank off "
    "Porthwick. The operator Baylink, which runs six boats on the route, suspended crossings to Velmar "
    "island until further notice.\n",
};

TEST(summary_marks_compressed_sentences)
{
    precis_ctx *ctx = precis_new(NULL);
    CHECK(ctx != NULL);
    if (!ctx) return;
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "ferry", &c) == PRECIS_OK);
    const char *ids[] = {"a.txt", "b.txt", "c.txt"};
    for (int d = 0; d < 3; d++) CHECK(precis_cluster_add_clean(ctx, c, ids[d], DOCS[d], strlen(DOCS[d])) == PRECIS_OK);
    for (int on = 0; on < 2; on++) {
        precis_summary_options o = {.max_words = 32, .compress = on ? 1 : -1};
        precis_summary *s = NULL;
        CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
        size_t n = precis_summary_count(s), words = 0, n_comp = 0;
        for (size_t i = 0; i < n; i++) {
            const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
            words += pt_count_words(x->text, x->text_len);
            const char *doc = DOCS[x->doc];
            CHECK(x->end <= strlen(doc) && x->start < x->end);
            if (!x->compressed) {
                CHECK(x->n_kept == 0);
                continue;
            }
            n_comp++;
            /* the kept pieces lie inside the span, in order, and spell the text */
            char buf[1024];
            ps_piece p[32];
            CHECK(x->n_kept >= 1 && x->n_kept <= 32);
            for (size_t k = 0; k < x->n_kept && k < 32; k++) {
                CHECK(x->kept[2 * k] >= x->start && x->kept[2 * k + 1] <= x->end);
                CHECK(x->kept[2 * k] < x->kept[2 * k + 1]);
                if (k) CHECK(x->kept[2 * k] > x->kept[2 * k - 1]);
                p[k] = (ps_piece){x->kept[2 * k], x->kept[2 * k + 1]};
            }
            ps_compress_text(doc, p, x->n_kept < 32 ? x->n_kept : 32, true, buf);
            CHECK_STR(buf, x->text);
        }
        CHECK(words <= 32);
        if (on) CHECK(n_comp >= 1);
        else CHECK(n_comp == 0);
        char *json = NULL;
        size_t len;
        CHECK(precis_summary_json(s, &json, &len) == PRECIS_OK);
        json_t *root = json ? json_loadb(json, len, 0, NULL) : NULL;
        CHECK(root != NULL);
        size_t i;
        json_t *v;
        size_t n_flag = 0;
        json_array_foreach(json_object_get(root, "sentences"), i, v)
        {
            json_t *f = json_object_get(v, "compressed");
            if (f) {
                CHECK(json_is_true(f));
                CHECK(json_array_size(json_object_get(v, "kept")) >= 1);
                n_flag++;
            } else {
                CHECK(json_object_get(v, "kept") == NULL);
            }
        }
        CHECK(n_flag == n_comp);
        json_decref(root);
        precis_text_free(json);
        precis_summary_free(s);
    }
    precis_cluster_free(c);
    precis_free(ctx);
}

/* A sentence whose wire credit was cut ("( associated press ) the ...") is
 * offered trimmed as well, capitalised like the whole sentence. */
TEST(wire_credited_sentence_is_compressed)
{
    const char *a = "( associated press ) the ferry Marisol ran aground near Varrow on Tuesday morning with 212 "
                    "passengers aboard, officials said.";
    precis_ctx *ctx = precis_new(NULL);
    CHECK(ctx != NULL);
    if (!ctx) return;
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "wire", &c) == PRECIS_OK);
    CHECK(precis_cluster_add_clean(ctx, c, "a.txt", a, strlen(a)) == PRECIS_OK);
    precis_summary_options o = {.max_words = 14, .compress = 1};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    const precis_summary_sentence *x = s && precis_summary_count(s) == 1 ? precis_summary_sentence_at(s, 0) : NULL;
    CHECK(x && x->compressed);
    CHECK_STR(x ? x->text : "", "The ferry Marisol ran aground near Varrow on Tuesday morning with 212 passengers aboard.");
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_free(ctx);
}

int main(void)
{
    RUN(parentheticals);
    RUN(dash_asides);
    RUN(opening_connectives);
    RUN(connective_table);
    RUN(opening_adverbials);
    RUN(attribution_tails);
    RUN(appositives);
    RUN(relative_clauses);
    RUN(wire_credited_sentence_is_compressed);
    RUN(result_is_a_sentence);
    RUN(summary_marks_compressed_sentences);
    return test_done();
}
