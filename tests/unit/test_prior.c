/* The learned sentence prior (src/summarize/prior.c): its features, the facts
 * the summarizer gives it on an invented cluster, the compiled-in table, and
 * that the prior moves the selection the way its coefficients say. */
#include "test.h"
#include "summarize/summarize.h"

#include <stdlib.h>

/* Three invented reports of one invented flood. */
static const char *DOCS[] = {
    ("Flood waters rose in the town of Velmora on Friday after the river Astel burst its banks. "
    "Officials said 120 homes were evacuated by the evening. "
    "\"We have never seen anything like it,\" said the mayor, Ilse Varga. "
    "He thanked the volunteers who worked through the night in the flooded streets."),
    ("The river Astel burst its banks near Velmora on Friday, flooding the streets. "
    "Rescue teams moved 120 families to the school gym. "
    "Forecasters expect more rain over the weekend."),
    ("Flooding hit Velmora on Friday when the river Astel burst its banks. "
    "The county council opened an emergency fund for the town."),
};

static precis_cluster *make_cluster(precis_ctx *ctx)
{
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "velmora", &c) == PRECIS_OK);
    for (size_t i = 0; i < 3; i++)
        CHECK(precis_cluster_add_clean(ctx, c, NULL, DOCS[i], strlen(DOCS[i])) == PRECIS_OK);
    return c;
}

typedef struct seen {
    ps_sent_facts f[32];
    char text[32][160];
    size_t n;
} seen;

static void on_item(void *user, const ps_sent_facts *f, const char *text, size_t len)
{
    seen *s = user;
    if (s->n >= 32) return;
    s->f[s->n] = *f;
    snprintf(s->text[s->n], sizeof s->text[s->n], "%.*s", (int)len, text);
    s->n++;
}

static const ps_sent_facts *find(const seen *s, const char *prefix)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strncmp(s->text[i], prefix, strlen(prefix))) return &s->f[i];
    return NULL;
}

TEST(features_are_capped_and_relative)
{
    ps_sent_facts f = {0};
    f.index = 0;
    f.n_words = 20;
    f.weight = 5;
    f.max_weight = 10;
    f.density = 0.25;
    f.max_density = 1;
    f.mean_df = 0.5;
    f.quote = true;
    f.n_docs = 5;
    double x[PS_PRIOR_NF];
    ps_prior_features(&f, x);
    CHECK_NEAR(x[0], 1, 1e-12);
    CHECK_NEAR(x[1], 1, 1e-12);   /* first sentence */
    CHECK_NEAR(x[2], 1, 1e-12);   /* 1 / (1 + index) */
    CHECK_NEAR(x[3], 0, 1e-12);
    CHECK_NEAR(x[4], 1, 1e-12);   /* 20 words / 20 */
    CHECK_NEAR(x[5], 1, 1e-12);
    CHECK_NEAR(x[6], 0.5, 1e-12); /* half the cluster's best weight */
    CHECK_NEAR(x[7], 0.25, 1e-12);
    CHECK_NEAR(x[8], 0.5, 1e-12);
    CHECK_NEAR(x[9], 0, 1e-12);
    CHECK_NEAR(x[10], 1, 1e-12);
    CHECK_NEAR(x[11], 0, 1e-12);
    CHECK_NEAR(x[12], 0.25, 1e-12); /* weight share x documents / 10 */
    CHECK_NEAR(x[13], 0.25, 1e-12); /* mean df x documents / 10 */
    CHECK_NEAR(x[14], 0.5, 1e-12);  /* 1 / (1 + index) x documents / 10 */
    /* a long sentence deep in a full-length article reads like the last
     * sentences Multi-News's truncated sources have */
    f.index = 45;
    f.n_words = 200;
    f.max_weight = 0;
    f.n_docs = 40; /* capped at 10 */
    ps_prior_features(&f, x);
    CHECK_NEAR(x[1], 0, 1e-12);
    CHECK_NEAR(x[2], 1.0 / 46, 1e-12);
    CHECK_NEAR(x[3], 1, 1e-12);
    CHECK_NEAR(x[4], 3, 1e-12);
    CHECK_NEAR(x[6], 0, 1e-12); /* no division by zero */
    CHECK_NEAR(x[13], 0.5, 1e-12);
}

/* Round 7: bucketed and crossed terms let the linear model bend — the second
 * sentence is not "half a lead", and weight share counts more past half the
 * cluster's best. */
TEST(bucket_terms_bend_the_linear_features)
{
    ps_sent_facts f = {0};
    f.index = 1;
    f.n_words = 12;
    f.weight = 9;
    f.max_weight = 10;
    f.density = 0.75;
    f.max_density = 1;
    f.mean_df = 0.7;
    f.quote = true;
    f.digits = true;
    f.n_docs = 2;
    double x[PS_PRIOR_NF];
    ps_prior_features(&f, x);
    CHECK(PS_PRIOR_NF == 36);
    CHECK_NEAR(x[15], 1, 1e-12); /* second sentence */
    CHECK_NEAR(x[16], 0, 1e-12);
    CHECK_NEAR(x[17], 0, 1e-12);
    CHECK_NEAR(x[18], 0, 1e-12); /* not under 10 words */
    CHECK_NEAR(x[19], 1, 1e-12); /* under 15 */
    CHECK_NEAR(x[20], 0, 1e-12);
    CHECK_NEAR(x[21], 0.4, 1e-12); /* weight share 0.9: hinges at 0.5 and 0.8 */
    CHECK_NEAR(x[22], 0.1, 1e-12);
    CHECK_NEAR(x[23], 0.25, 1e-12); /* density 0.75 past 0.5 */
    CHECK_NEAR(x[24], 0.4, 1e-12);  /* mean df 0.7 past 0.3 and 0.6 */
    CHECK_NEAR(x[25], 0.1, 1e-12);
    CHECK_NEAR(x[26], 0, 1e-12);    /* not the first sentence */
    CHECK_NEAR(x[27], 0, 1e-12);
    CHECK_NEAR(x[28], 0.6, 1e-12);  /* quote x 12 / 20 words */
    CHECK_NEAR(x[29], 0.9, 1e-12);  /* digits x weight share */
    CHECK_NEAR(x[30], 0.63, 1e-12); /* weight share x mean df */
    CHECK_NEAR(x[31], 0.54, 1e-12); /* length x weight share */
    CHECK_NEAR(x[32], 0, 1e-12);
    CHECK_NEAR(x[33], 0.12, 1e-12); /* documents / 10 x length */
    CHECK_NEAR(x[34], 0.2, 1e-12);
    CHECK_NEAR(x[35], 0, 1e-12);
    f.index = 0;
    f.n_words = 8;
    f.dangling = true;
    f.n_docs = 20;
    ps_prior_features(&f, x);
    CHECK_NEAR(x[15], 0, 1e-12);
    CHECK_NEAR(x[18], 1, 1e-12);   /* under 10 words */
    CHECK_NEAR(x[26], 0.9, 1e-12); /* first x weight share */
    CHECK_NEAR(x[27], 1, 1e-12);   /* first x quote */
    CHECK_NEAR(x[32], 1, 1e-12);   /* documents capped at 10 */
    CHECK_NEAR(x[34], 1, 1e-12);
    CHECK_NEAR(x[35], 1, 1e-12);   /* a lead that points back */
    f.index = 4;
    f.n_words = 40;
    ps_prior_features(&f, x);
    CHECK_NEAR(x[17], 1, 1e-12);
    CHECK_NEAR(x[20], 1, 1e-12);
}

TEST(summarizer_gives_the_facts)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    seen s = {0};
    ps_prior_dev dev = {NULL, 0, 1.0, on_item, &s};
    ps_prior_dev_hook = &dev;
    precis_summary *sum = NULL;
    CHECK(precis_summarize(ctx, c, NULL, &sum) == PRECIS_OK);
    ps_prior_dev_hook = NULL;
    CHECK(s.n >= 8);
    const ps_sent_facts *lead = find(&s, "Flood waters rose");
    const ps_sent_facts *figure = find(&s, "Officials said 120");
    const ps_sent_facts *quote = find(&s, "\"We have never");
    const ps_sent_facts *he = find(&s, "He thanked");
    const ps_sent_facts *rain = find(&s, "Forecasters expect");
    CHECK(lead && figure && quote && he && rain);
    if (lead && figure && quote && he && rain) {
        CHECK(lead->index == 0 && figure->index == 1 && quote->index == 2 && he->index == 3);
        CHECK(figure->n_words == 9);
        CHECK(lead->n_docs == 3);
        CHECK(figure->digits && !figure->quote && !lead->digits);
        CHECK(quote->quote && !lead->quote);
        CHECK(he->dangling && !lead->dangling);
        CHECK(lead->mean_df > 0.5); /* river, Astel, banks, Velmora, Friday: in all three */
        CHECK_NEAR(rain->mean_df, 0, 1e-12); /* its words are in no other report */
        CHECK(lead->weight > rain->weight);
        CHECK(lead->weight <= lead->max_weight && lead->max_weight == rain->max_weight);
        CHECK(lead->density <= lead->max_density);
    }
    precis_summary_free(sum);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(table_prefers_central_sentences)
{
    for (int lng = 0; lng < 2; lng++) {
        CHECK(ps_prior_lambda(lng) > 0); /* the generated tables are compiled in */
        ps_sent_facts hi = {0}, lo = {0};
        hi.n_words = lo.n_words = 25;
        hi.max_weight = lo.max_weight = 10;
        hi.max_density = lo.max_density = 1;
        hi.weight = 10, hi.density = 0.4, hi.mean_df = 0.8;
        lo.weight = 1, lo.density = 0.04, lo.mean_df = 0.05;
        lo.index = 8;
        hi.n_docs = lo.n_docs = 5;
        CHECK(ps_prior_value(&hi, lng) > ps_prior_value(&lo, lng));
        CHECK(ps_prior_value(&lo, lng) >= 0);
    }
}

/* Round 7: 150 words and more (or 900 bytes) take the long budget's model,
 * which rates the same sentence differently; DUC's 100 words and 665 bytes
 * keep the short one. */
TEST(long_budgets_take_the_long_model)
{
    CHECK(!ps_prior_long_budget(100, 0));
    CHECK(!ps_prior_long_budget(149, 0));
    CHECK(ps_prior_long_budget(150, 0));
    CHECK(ps_prior_long_budget(250, 0));
    CHECK(!ps_prior_long_budget(0, 665));
    CHECK(ps_prior_long_budget(0, 900));
    CHECK(!ps_prior_long_budget(250, 665)); /* bytes decide when given */
    ps_sent_facts f = {0};
    f.index = 1, f.n_words = 12, f.weight = 9, f.max_weight = 10;
    f.density = 0.75, f.max_density = 1, f.mean_df = 0.7, f.quote = true, f.n_docs = 5;
    CHECK(fabs(ps_prior_value(&f, true) - ps_prior_value(&f, false)) > 1e-6);
    /* beside the long model the position prior keeps half its weight */
    CHECK_NEAR(ps_prior_position_share(false), 1.0, 1e-12);
    CHECK_NEAR(ps_prior_position_share(true), 0.5, 1e-12);
}

/* The first summary sentence for one 12-word budget, with the given prior. */
static void first_sentence(const ps_prior_dev *dev, char *out, size_t cap)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    precis_summary_options o = {12, 0, 0, 0};
    precis_summary *sum = NULL;
    ps_prior_dev_hook = dev;
    CHECK(precis_summarize(ctx, c, &o, &sum) == PRECIS_OK);
    ps_prior_dev_hook = NULL;
    const precis_summary_sentence *x = precis_summary_sentence_at(sum, 0);
    snprintf(out, cap, "%s", x ? x->text : "");
    precis_summary_free(sum);
    precis_cluster_free(c);
    precis_free(ctx);
}

TEST(prior_moves_the_selection)
{
    double reward_quotes[PS_PRIOR_NF] = {0};
    reward_quotes[10] = 1;
    ps_prior_dev off = {reward_quotes, 0, 1.0, NULL, NULL};
    ps_prior_dev on = {reward_quotes, 5, 1.0, NULL, NULL};
    char a[256], b[256];
    first_sentence(&off, a, sizeof a);
    first_sentence(&on, b, sizeof b);
    CHECK(strncmp(a, "\"We have never", 14) != 0); /* coverage alone takes another */
    CHECK(!strncmp(b, "\"We have never", 14));    /* a prior that rewards quotes takes it */
}

/* A byte budget changes the costs, not what the features mean: weight per
 * word stays relative to the best weight per word (at most 1). */
TEST(byte_budget_keeps_features_relative)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = make_cluster(ctx);
    seen s = {0};
    ps_prior_dev dev = {NULL, 0, 1.0, on_item, &s};
    precis_summary_options o = {.max_bytes = 300};
    precis_summary *sum = NULL;
    ps_prior_dev_hook = &dev;
    CHECK(precis_summarize(ctx, c, &o, &sum) == PRECIS_OK);
    ps_prior_dev_hook = NULL;
    CHECK(s.n >= 8);
    bool best = false;
    for (size_t i = 0; i < s.n; i++) {
        CHECK(s.f[i].density <= s.f[i].max_density + 1e-12);
        best |= fabs(s.f[i].density - s.f[i].max_density) < 1e-12;
    }
    CHECK(best);
    precis_summary_free(sum);
    precis_cluster_free(c);
    precis_free(ctx);
}

/* The prior rewards quotations, so the rest of a quote cut mid-sentence
 * must not be a candidate (a pasted page's "... said. “leading officials ..."). */
TEST(cut_quotation_is_a_fragment)
{
    const char *cut = "\xe2\x80\x9cleading officials from both towns took part in the talks.";
    const char *whole = "\xe2\x80\x9cWe have never seen anything like it,\xe2\x80\x9d said the mayor of Velmora.";
    const char *recased = "\"we have never seen anything like it, \" said the mayor of velmora.";
    CHECK(ps_debris_reason(cut, strlen(cut), 0, 11) != NULL);
    CHECK(ps_debris_reason(whole, strlen(whole), 0, 12) == NULL);
    CHECK(ps_debris_reason(recased, strlen(recased), 0, 12) == NULL); /* Multi-News's re-cased text */
}

int main(void)
{
    RUN(features_are_capped_and_relative);
    RUN(bucket_terms_bend_the_linear_features);
    RUN(summarizer_gives_the_facts);
    RUN(table_prefers_central_sentences);
    RUN(long_budgets_take_the_long_model);
    RUN(prior_moves_the_selection);
    RUN(byte_budget_keeps_features_relative);
    RUN(cut_quotation_is_a_fragment);
    return test_done();
}
