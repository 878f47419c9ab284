/* The Lin & Bilmes selector (src/summarize/submodular.c): its lazy greedy
 * against a plain greedy written from the objective's definition, what the
 * saturation and the diversity reward do on small invented instances, the
 * budget, item cap and conflicts in every mode, and summaries chosen through
 * the developer hook keeping the output's readability rules. */
#include "test.h"
#include "summarize/summarize.h"

#include <stdlib.h>

static uint32_t rnd(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

enum { MAXN = 12, NT = 10, NC = 8 };

typedef struct inst {
    size_t n;
    ps_item items[MAXN];
    uint32_t terms[MAXN][NT], cons[MAXN][NC];
    double w[NC];
    uint8_t clash[MAXN][MAXN];
} inst;

static void make_inst(inst *x, uint32_t *seed)
{
    memset(x, 0, sizeof *x);
    x->n = 3 + rnd(seed) % (MAXN - 2);
    for (size_t c = 0; c < NC; c++) x->w[c] = 0.5 + (double)(rnd(seed) % 1000) / 100.0;
    for (size_t i = 0; i < x->n; i++) {
        uint32_t nt = 0, nc = 0;
        for (uint32_t t = 0; t < NT; t++)
            if (rnd(seed) % 3 == 0) x->terms[i][nt++] = t;
        for (uint32_t c = 0; c < NC; c++)
            if (rnd(seed) % 3 == 0) x->cons[i][nc++] = c;
        x->items[i] = (ps_item){1 + rnd(seed) % 6, x->cons[i], nc, (double)(rnd(seed) % 100) / 50.0,
                                x->terms[i], nt};
    }
    for (size_t i = 0; i < x->n; i++)
        for (size_t j = i + 1; j < x->n; j++) x->clash[i][j] = x->clash[j][i] = rnd(seed) % 5 == 0;
}

static bool clash_cb(void *user, uint32_t a, uint32_t b)
{
    const inst *x = user;
    return x->clash[a][b];
}

/* The objective from its definition (diversity 0). */
typedef struct ref {
    const inst *x;
    const ps_lb_params *p;
    double sim[MAXN][MAXN], cap[MAXN], sigma;
} ref;

static void ref_init(ref *r, const inst *x, const ps_lb_params *p)
{
    r->x = x;
    r->p = p;
    double idf[NT], norm[MAXN];
    for (uint32_t t = 0; t < NT; t++) {
        size_t sf = 0;
        for (size_t i = 0; i < x->n; i++)
            for (uint32_t k = 0; k < x->items[i].n_terms; k++) sf += x->items[i].terms[k] == t;
        idf[t] = sf ? log((double)x->n / (double)sf) : 0;
    }
    for (size_t i = 0; i < x->n; i++) {
        norm[i] = 0;
        for (uint32_t k = 0; k < x->items[i].n_terms; k++) norm[i] += idf[x->items[i].terms[k]] * idf[x->items[i].terms[k]];
        norm[i] = sqrt(norm[i]);
    }
    for (size_t i = 0; i < x->n; i++) {
        r->cap[i] = 0;
        for (size_t j = 0; j < x->n; j++) {
            double d = 0;
            for (uint32_t a = 0; a < x->items[i].n_terms; a++)
                for (uint32_t b = 0; b < x->items[j].n_terms; b++)
                    if (x->items[i].terms[a] == x->items[j].terms[b]) d += idf[x->items[i].terms[a]] * idf[x->items[i].terms[a]];
            r->sim[i][j] = norm[i] > 0 && norm[j] > 0 ? (i == j ? 1 : d / (norm[i] * norm[j])) : 0;
            r->cap[i] += r->sim[i][j];
        }
        r->cap[i] *= p->alpha;
    }
    double max_c = 0, max_l = 0;
    for (size_t j = 0; j < x->n; j++) {
        double c = x->items[j].bonus, l = 0;
        for (uint32_t k = 0; k < x->items[j].n_concepts; k++) c += x->w[x->items[j].concepts[k]];
        for (size_t i = 0; i < x->n; i++) l += fmin(r->sim[i][j], r->cap[i]);
        max_c = fmax(max_c, c);
        max_l = fmax(max_l, l);
    }
    r->sigma = max_l > 0 && max_c > 0 ? max_c / max_l : 1;
}

static double ref_f(const ref *r, const uint32_t *s, size_t n)
{
    const inst *x = r->x;
    bool cov[NC] = {0};
    double v = 0, l = 0;
    for (size_t k = 0; k < n; k++) {
        v += r->p->bonus * x->items[s[k]].bonus;
        for (uint32_t q = 0; q < x->items[s[k]].n_concepts; q++) cov[x->items[s[k]].concepts[q]] = true;
    }
    for (size_t c = 0; c < NC; c++)
        if (cov[c]) v += r->p->concepts * x->w[c];
    for (size_t i = 0; i < x->n; i++) {
        double c = 0;
        for (size_t k = 0; k < n; k++) c += r->sim[i][s[k]];
        l += fmin(c, r->cap[i]);
    }
    return v + r->sigma * r->p->coverage * l;
}

/* The plain greedy: every gain recomputed at every step. */
static size_t ref_greedy(const ref *r, uint32_t budget, size_t max_items, uint32_t *out)
{
    const inst *x = r->x;
    size_t n = 0;
    uint32_t used = 0;
    bool in[MAXN] = {0};
    for (;;) {
        if (max_items && n >= max_items) break;
        double base = ref_f(r, out, n), best = 0;
        size_t bi = SIZE_MAX;
        for (size_t j = 0; j < x->n; j++) {
            if (in[j] || used + x->items[j].cost > budget) continue;
            bool c = false;
            for (size_t k = 0; k < n; k++) c |= x->clash[j][out[k]];
            if (c) continue;
            out[n] = (uint32_t)j;
            double g = ref_f(r, out, n + 1) - base;
            if (g <= 0) continue;
            double key = g / pow((double)x->items[j].cost, r->p->r);
            if (key > best) best = key, bi = j;
        }
        if (bi == SIZE_MAX) break;
        out[n++] = (uint32_t)bi;
        in[bi] = true;
        used += x->items[bi].cost;
    }
    double v = ref_f(r, out, n), bs = 0;
    size_t b = SIZE_MAX;
    for (size_t j = 0; j < x->n; j++) {
        uint32_t one = (uint32_t)j;
        double f = ref_f(r, &one, 1);
        if (x->items[j].cost <= budget && f > v + 1e-12 && f > bs) bs = f, b = j;
    }
    if (b != SIZE_MAX) out[0] = (uint32_t)b, n = 1;
    return n;
}

TEST(lazy_greedy_matches_the_plain_greedy)
{
    uint32_t seed = 7;
    int compared = 0, singles = 0;
    for (int round = 0; round < 300; round++) {
        inst x;
        make_inst(&x, &seed);
        ps_lb_params p = {0.1 + (double)(rnd(&seed) % 9) / 10.0, round % 3 ? 0.3 : 1.0, 0, 0.2,
                          (double)(rnd(&seed) % 4) / 2.0, (double)(rnd(&seed) % 2), 1, 0, 0, 0, 0};
        ps_conflicts cf = {clash_cb, &x};
        uint32_t budget = 3 + rnd(&seed) % 12, out[MAXN], want[MAXN];
        size_t max_items = round % 4 == 0 ? 2 : 0;
        size_t n = ps_select_lb(x.items, x.n, x.w, NC, budget, max_items, &cf, &p, out);
        ref r;
        ref_init(&r, &x, &p);
        size_t m = ref_greedy(&r, budget, max_items, want);
        double got = ref_f(&r, out, n), exp = ref_f(&r, want, m);
        CHECK(fabs(got - exp) <= 1e-6 * (1 + fabs(exp)));
        if (fabs(got - exp) > 1e-6 * (1 + fabs(exp)))
            fprintf(stderr, "  round %d: got %.9f (%zu items), want %.9f (%zu items)\n", round, got, n, exp, m);
        compared++;
        singles += m == 1;
    }
    CHECK(compared == 300);
    CHECK(singles < 300); /* the instances are not all single items */
}

/* Two copies of one sentence and two others, budget two sentences: a
 * saturating coverage (alpha 0.5) has nothing left to gain from the copy and
 * takes another sentence; without saturation (alpha 1) the copy gains as
 * much as it did alone. No conflict test is given: only the objective
 * separates them. */
TEST(saturation_skips_a_copy)
{
    uint32_t ta[] = {1, 2, 3}, tb[] = {4, 5}, tc[] = {6, 7};
    ps_item items[] = {{1, NULL, 0, 0, ta, 3}, {1, NULL, 0, 0, ta, 3}, {1, NULL, 0, 0, tb, 2}, {1, NULL, 0, 0, tc, 2}};
    double w[1] = {0};
    uint32_t out[4];
    ps_lb_params p = {0.5, 0.3, 0, 0.2, 1, 0, 0, 0, 0, 0, 0};
    size_t n = ps_select_lb(items, 4, w, 1, 2, 0, NULL, &p, out);
    CHECK(n == 2);
    CHECK(n == 2 && (out[0] == 0 || out[0] == 1) && out[1] == 2);
    p.alpha = 1;
    n = ps_select_lb(items, 4, w, 1, 2, 0, NULL, &p, out);
    CHECK(n == 2 && out[0] + out[1] == 1); /* items 0 and 1 */
}

/* Three sentences about one thing and one about another, budget two: the
 * coverage alone takes two of the three (they cover each other), the
 * diversity reward over a two-part partition takes one from each part. */
TEST(diversity_reward_spreads_over_parts)
{
    uint32_t t1[] = {1, 2, 3, 4}, t2[] = {1, 2, 3, 5}, t3[] = {1, 2, 3, 6}, t4[] = {7, 8};
    ps_item items[] = {{1, NULL, 0, 0, t1, 4}, {1, NULL, 0, 0, t2, 4}, {1, NULL, 0, 0, t3, 4}, {1, NULL, 0, 0, t4, 2}};
    double w[1] = {0};
    uint32_t out[4];
    ps_lb_params p = {1, 0.3, 0, 0.5, 1, 0, 0, 0, 0, 0, 0};
    size_t n = ps_select_lb(items, 4, w, 1, 2, 0, NULL, &p, out);
    CHECK(n == 2 && out[0] != 3 && out[1] != 3);
    p.diversity = 50;
    n = ps_select_lb(items, 4, w, 1, 2, 0, NULL, &p, out);
    CHECK(n == 2 && (out[0] == 3) != (out[1] == 3));
}

/* Every mode keeps the budget, the item cap and the conflicts; the hybrid
 * started from the concept optimum with no coverage weight is that optimum. */
TEST(every_mode_keeps_budget_cap_and_conflicts)
{
    uint32_t seed = 11;
    for (int round = 0; round < 200; round++) {
        inst x;
        make_inst(&x, &seed);
        ps_conflicts cf = {clash_cb, &x};
        uint32_t budget = 3 + rnd(&seed) % 12, out[MAXN], opt[MAXN];
        size_t max_items = round % 3 == 0 ? 2 : 0;
        for (int mode = 0; mode < 4; mode++) {
            ps_lb_params p = {0.3, 0.3, mode == 3 ? 2 : 0, 0.3, 0.5, 1, 1, mode < 3 ? mode : 0, mode == 3, round % 2, 0};
            size_t n = ps_select_lb(x.items, x.n, x.w, NC, budget, max_items, &cf, &p, out);
            uint32_t used = 0;
            for (size_t a = 0; a < n; a++) {
                used += x.items[out[a]].cost;
                for (size_t b = a + 1; b < n; b++) CHECK(!x.clash[out[a]][out[b]] && out[a] != out[b]);
            }
            CHECK(used <= budget);
            CHECK(!max_items || n <= max_items);
            CHECK(n > 0);
        }
        ps_lb_params p = {0.3, 0.3, 0, 0.2, 0, 1, 1, 1, 0, 0, 0};
        size_t n = ps_select_lb(x.items, x.n, x.w, NC, budget, max_items, &cf, &p, out);
        bool exact;
        size_t m = ps_select(x.items, x.n, x.w, NC, budget, max_items, &cf, opt, &exact);
        CHECK(n == m);
        for (size_t k = 0; k < n && k < m; k++) CHECK(out[k] == opt[k]);
    }
}

/* Four invented reports of one harbour accident. */
static const char *DOCS[] = {
    ("A loading crane collapsed onto a cargo ship in the port of Tessaly on Monday, injuring four dock workers. "
     "He said the crane had passed an inspection in March. "
     "The port authority closed the eastern quay while engineers examined the wreck. "
     "Shipping lines were told to expect delays of two days."),
    ("Four dock workers were hurt when a loading crane collapsed onto a cargo ship in Tessaly on Monday. "
     "But the harbour master said the injuries were not life threatening. "
     "Engineers from the port authority examined the wreck on the eastern quay."),
    ("The eastern quay of Tessaly port stayed closed on Monday after a crane fell onto a cargo ship. "
     "Union leaders called for an inquiry into the maintenance of the cranes. "
     "The ship, the Morvane Star, was carrying timber from Kelport."),
    ("But officials in Tessaly said a crane collapse had injured four workers at the port. "
     "The Morvane Star, a timber carrier, suffered damage to its deck. "
     "An inquiry into the maintenance of the port's cranes was demanded by union leaders."),
};

TEST(summaries_through_the_hook_stay_readable)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    CHECK(precis_cluster_new(ctx, "tessaly", &c) == PRECIS_OK);
    for (size_t i = 0; i < 4; i++) CHECK(precis_cluster_add_clean(ctx, c, NULL, DOCS[i], strlen(DOCS[i])) == PRECIS_OK);
    ps_lb_params pure = {0.5, 0.3, 2, 0.3, 1, 0, 1, 0, 1, 0, 0}, hybrid = {0.3, 0.3, 0, 0.2, 0.5, 1, 1, 1, 0, 0, 0};
    const ps_lb_params *modes[] = {&pure, &hybrid};
    for (size_t m = 0; m < 2; m++) {
        for (size_t words = 25; words <= 100; words += 25) {
            ps_lb_dev_hook = modes[m];
            precis_summary_options o = {words, 0, 0, 0};
            precis_summary *s = NULL;
            CHECK(precis_summarize(ctx, c, &o, &s) == PRECIS_OK);
            ps_lb_dev_hook = NULL;
            if (!s) continue;
            size_t n = precis_summary_count(s), total = 0;
            CHECK(n > 0);
            for (size_t k = 0; k < n; k++) {
                const precis_summary_sentence *x = precis_summary_sentence_at(s, k);
                for (size_t q = 0; q < x->text_len; q++) total += x->text[q] == ' ';
                total++;
                if (k == 0 && n > 1) /* the opening does not point back */
                    CHECK(strncmp(x->text, "He ", 3) && strncmp(x->text, "But ", 4));
                /* source order within a document, after the opening */
                for (size_t q = 1; q < k; q++) {
                    const precis_summary_sentence *y = precis_summary_sentence_at(s, q);
                    if (y->doc == x->doc) CHECK(y->start < x->start);
                }
                /* the collapse is told by every report: its sentence names others */
                if (strstr(x->text, "collapsed onto a cargo ship")) CHECK(x->n_also_in >= 1);
            }
            CHECK(total <= words);
            precis_summary_free(s);
        }
    }
    precis_cluster_free(c);
    precis_free(ctx);
}

int main(void)
{
    RUN(lazy_greedy_matches_the_plain_greedy);
    RUN(saturation_skips_a_copy);
    RUN(diversity_reward_spreads_over_parts);
    RUN(every_mode_keeps_budget_cap_and_conflicts);
    RUN(summaries_through_the_hook_stay_readable);
    return test_done();
}
