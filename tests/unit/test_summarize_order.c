/* Summaries do not depend on the order the articles are given in (issue #4):
 * the same sentences, with the same text and the same source, whatever the
 * order; only the indices in the summary follow the caller's order. Invented
 * reports of invented events. */
#include "test.h"
#include "summarize/summarize.h"

#include <stdlib.h>

/* What must not change with the order: every sentence's text, its source's id
 * and the set of ids that say the same (sorted here, since only the set is
 * promised). Also checks that the indices name the caller's documents. */
static char *summary_key(precis_ctx *ctx, const precis_cluster *c, size_t words)
{
    precis_summary_options o = {words, 0, 0, 0};
    precis_summary *s = NULL;
    CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
    size_t cap = 8192, n = 0;
    char *key = calloc(cap, 1);
    for (size_t i = 0; key && i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        CHECK_STR(precis_cluster_doc_id(c, x->doc), x->doc_id);
        const char *ids[16];
        size_t m = x->n_also_in < 16 ? x->n_also_in : 16;
        for (size_t k = 0; k < m; k++) {
            CHECK_STR(precis_cluster_doc_id(c, x->also_in[k]), x->also_in_ids[k]);
            ids[k] = x->also_in_ids[k];
        }
        for (size_t k = 1; k < m; k++) /* insertion sort of a few ids */
            for (size_t j = k; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
                const char *t = ids[j];
                ids[j] = ids[j - 1];
                ids[j - 1] = t;
            }
        n += (size_t)snprintf(key + n, cap - n, "%.*s [%s]", (int)x->text_len, x->text, x->doc_id);
        for (size_t k = 0; k < m && n < cap; k++) n += (size_t)snprintf(key + n, cap - n, " %s", ids[k]);
        if (n < cap) n += (size_t)snprintf(key + n, cap - n, "\n");
        CHECK(n < cap);
        if (n >= cap) break;
    }
    precis_summary_free(s);
    return key;
}

/* The summary of docs[order[0]], docs[order[1]], ... */
static char *summary_in_order(precis_ctx *ctx, const char *const *ids, const char *const *docs,
                              const size_t *order, size_t n, size_t words)
{
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "order", &c) == PRECIS_OK);
    for (size_t k = 0; k < n; k++)
        CHECK(precis_cluster_add_clean(ctx, c, ids[order[k]], docs[order[k]], strlen(docs[order[k]])) ==
              PRECIS_OK);
    char *key = summary_key(ctx, c, words);
    precis_cluster_free(c);
    return key;
}

/* Two reports with nothing in common, each one sentence of the same shape
 * (eight words, the same stopwords in the same places): their weights and
 * priors tie exactly, and a budget of eight words holds one. The one taken
 * used to be the first given. */
TEST(tie_does_not_follow_input_order)
{
    precis_ctx *ctx = precis_new(NULL);
    const char *ids[] = {"harbour.txt", "bridge.txt"};
    const char *docs[] = {"Velmar harbour workers repaired the northern pier quickly.\n",
                          "Kestrel county engineers inspected the western bridge carefully.\n"};
    size_t ab[] = {0, 1}, ba[] = {1, 0};
    char *x = summary_in_order(ctx, ids, docs, ab, 2, 8);
    char *y = summary_in_order(ctx, ids, docs, ba, 2, 8);
    CHECK(x && y && strchr(x, '\n') == strrchr(x, '\n')); /* one sentence */
    CHECK_STR(y, x);
    free(x);
    free(y);
    precis_free(ctx);
}

/* The same wire sentence printed by two of three reports: one copy is shown,
 * the other named in also_in, and which is which does not follow the order. */
static const char *COPY_IDS[] = {"north.txt", "coast.txt", "radio.txt"};
static const char *COPY_DOCS[] = {
    "The ferry Orsella ran aground off Pellin Point on Sunday with 212 passengers on board, the coast guard said.\n\n"
    "Lifeboats from Pellin and Dunmarrow took every passenger ashore before midnight.\n\n"
    "The ferry operator Velmar Lines said the vessel had passed an inspection in March.\n",
    "The ferry Orsella ran aground off Pellin Point on Sunday with 212 passengers on board, the coast guard said.\n\n"
    "Divers found a gash along the hull of the Orsella on Monday morning.\n\n"
    "Velmar Lines said the vessel had passed an inspection in March and would be towed to Dunmarrow.\n",
    "All 212 passengers of the ferry Orsella were taken ashore by lifeboats before midnight, the coast guard "
    "said.\n\n"
    "The Orsella ran aground off Pellin Point on Sunday evening in calm weather.\n\n"
    "Divers inspected the hull of the Orsella on Monday and found a long gash.\n"};

TEST(copy_kept_does_not_follow_input_order)
{
    precis_ctx *ctx = precis_new(NULL);
    size_t orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    char *first = NULL;
    for (size_t k = 0; k < 6; k++) {
        char *key = summary_in_order(ctx, COPY_IDS, COPY_DOCS, orders[k], 3, 60);
        CHECK(key && strstr(key, "212 passengers on board")); /* the copy is in the summary */
        if (!first) first = key;
        else {
            CHECK_STR(key, first);
            free(key);
        }
    }
    free(first);
    precis_free(ctx);
}

/* Five reports of one invented event sharing facts in different words: every
 * order of the five gives the same summary at 40, 80 and 150 words. */
static const char *FIVE_IDS[] = {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"};
static const char *FIVE_DOCS[] = {
    "A fire destroyed the old grain mill in Tassbury on Friday night, the county fire service said.\n\n"
    "Forty firefighters fought the blaze for six hours before it was under control.\n\n"
    "No one was hurt, but the mill's owner, Brenna Colt, said the building could not be saved.\n\n"
    "The mill, built in 1872, had stood empty since the last harvest.\n",
    "The old grain mill in Tassbury burned down on Friday night, the county fire service said.\n\n"
    "Firefighters fought the blaze for six hours, a spokesman for the service said.\n\n"
    "Police said they were treating the fire as suspicious and asked witnesses to come forward.\n\n"
    "Brenna Colt, who owns the mill, said she was heartbroken.\n",
    "Police in Tassbury are treating a fire that destroyed the old grain mill as suspicious.\n\n"
    "The fire broke out shortly after ten on Friday night and burned for six hours.\n\n"
    "Neighbours said they heard a loud bang before the flames reached the roof.\n\n"
    "The mill had stood empty since the last harvest, its owner said.\n",
    "Tassbury's old grain mill, a landmark since 1872, was destroyed by fire on Friday night.\n\n"
    "Forty firefighters were needed to bring the blaze under control, the county fire service said.\n\n"
    "Neighbours heard a loud bang before the roof caught fire, police said.\n\n"
    "The owner, Brenna Colt, said the building could not be saved.\n",
    "Witnesses to a fire at the old grain mill in Tassbury were asked to come forward by police on Saturday.\n\n"
    "The blaze on Friday night took six hours to bring under control.\n\n"
    "Nobody was injured in the fire, the county fire service said.\n\n"
    "The mill was built in 1872 and had stood empty since the last harvest.\n"};

TEST(every_order_of_five_reports_gives_one_summary)
{
    precis_ctx *ctx = precis_new(NULL);
    size_t words[] = {40, 80, 150};
    for (size_t b = 0; b < 3; b++) {
        char *first = NULL;
        size_t p[5] = {0, 1, 2, 3, 4}, differ = 0;
        /* every permutation, in lexicographic order */
        for (;;) {
            char *key = summary_in_order(ctx, FIVE_IDS, FIVE_DOCS, p, 5, words[b]);
            if (!first) first = key;
            else {
                differ += !key || strcmp(key, first) != 0;
                free(key);
            }
            size_t i = 4;
            while (i > 0 && p[i - 1] > p[i]) i--;
            if (i == 0) break;
            size_t j = 4;
            while (p[j] < p[i - 1]) j--;
            size_t t = p[i - 1];
            p[i - 1] = p[j];
            p[j] = t;
            for (size_t l = i, r = 4; l < r; l++, r--) t = p[l], p[l] = p[r], p[r] = t;
        }
        if (differ) fprintf(stderr, "  %zu words: %zu of 119 other orders differ from\n%s", words[b], differ, first);
        CHECK(differ == 0);
        free(first);
    }
    precis_free(ctx);
}

int main(void)
{
    RUN(tie_does_not_follow_input_order);
    RUN(copy_kept_does_not_follow_input_order);
    RUN(every_order_of_five_reports_gives_one_summary);
    return test_done();
}
