/* Unit tests for src/cluster: online story clustering on synthetic streams. */
#include "cluster/cluster.h"
#include "precis.h"
#include "test.h"

#include <stdlib.h>

static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

/* An article of story `topic`: 60% words from the story's own 40-word
 * vocabulary, 40% from a 3,000-word general vocabulary shared by all. */
static size_t make_article(unsigned topic, uint64_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (rnd() % 10 < 6) t[i] = 1000000 + topic * 100 + rnd() % 40;
        else t[i] = rnd() % 3000;
    }
    return n;
}

TEST(interleaved_stories_are_separated)
{
    pk_clusterer *c;
    CHECK(pk_new(NULL, &c) == PRECIS_OK);
    rng_state = 42;
    enum { STORIES = 12, PER = 8 };
    uint32_t assigned[STORIES][PER];
    for (unsigned k = 0; k < PER; k++)
        for (unsigned s = 0; s < STORIES; s++) {
            uint64_t t[150];
            pk_item it = {.terms = t, .n_terms = make_article(s, t, 150), .time = (int64_t)(k * 3600)};
            CHECK(pk_add(c, &it, &assigned[s][k], NULL) == PRECIS_OK);
        }
    /* Every article of a story lands in its first article's story, and stories differ. */
    for (unsigned s = 0; s < STORIES; s++) {
        for (unsigned k = 1; k < PER; k++) CHECK(assigned[s][k] == assigned[s][0]);
        for (unsigned o = 0; o < s; o++) CHECK(assigned[s][0] != assigned[o][0]);
    }
    CHECK(pk_open_count(c) == STORIES);
    pk_free(c);
}

static void run_stream(uint32_t *out, size_t n)
{
    pk_clusterer *c;
    pk_new(NULL, &c);
    rng_state = 7;
    for (size_t i = 0; i < n; i++) {
        uint64_t t[80];
        pk_item it = {.terms = t, .n_terms = make_article(rnd() % 20, t, 80), .time = (int64_t)i * 60};
        pk_add(c, &it, &out[i], NULL);
    }
    pk_free(c);
}

TEST(same_input_same_output)
{
    uint32_t a[300], b[300];
    run_stream(a, 300);
    run_stream(b, 300);
    CHECK(memcmp(a, b, sizeof a) == 0);
}

TEST(quiet_period_closes_a_story)
{
    pk_options o = {.quiet_seconds = 86400};
    pk_clusterer *c;
    pk_new(&o, &c);
    rng_state = 3;
    uint32_t first, again, later;
    uint64_t t[150];
    pk_item it = {.terms = t, .n_terms = make_article(1, t, 150), .time = 0};
    pk_add(c, &it, &first, NULL);
    make_article(1, t, 150);
    it.time = 3600;
    pk_add(c, &it, &again, NULL);
    CHECK(again == first);
    /* Unrelated traffic moves the clock on well past the quiet period. */
    for (int i = 0; i < 64; i++) {
        uint32_t s;
        it.n_terms = make_article(2 + (unsigned)i, t, 150);
        it.time = 10 * 86400 + i;
        pk_add(c, &it, &s, NULL);
    }
    it.n_terms = make_article(1, t, 150);
    it.time = 10 * 86400 + 100;
    pk_add(c, &it, &later, NULL);
    CHECK(later != first);
    pk_free(c);
}

TEST(open_stories_are_bounded)
{
    pk_options o = {.max_open = 50};
    pk_clusterer *c;
    pk_new(&o, &c);
    rng_state = 11;
    size_t max_seen = 0;
    uint32_t s, last = 0;
    for (unsigned i = 0; i < 2000; i++) {
        uint64_t t[60];
        pk_item it = {.terms = t, .n_terms = make_article(i, t, 60), .time = i};
        CHECK(pk_add(c, &it, &s, NULL) == PRECIS_OK);
        if (pk_open_count(c) > max_seen) max_seen = pk_open_count(c);
        last = s;
    }
    CHECK(max_seen <= 50);
    CHECK(last == 1999); /* every article was its own story; ids keep counting */
    pk_free(c);
}

TEST(empty_articles_are_accepted)
{
    pk_clusterer *c;
    pk_new(NULL, &c);
    pk_item it = {0};
    uint32_t a, b;
    CHECK(pk_add(c, &it, &a, NULL) == PRECIS_OK);
    CHECK(pk_add(c, &it, &b, NULL) == PRECIS_OK);
    CHECK(a != b); /* nothing in common: never merged */
    pk_free(c);
}

TEST(shared_entities_tip_a_borderline_match)
{
    /* Two articles with modest word overlap: entities decide. */
    uint64_t a[40], b[40], ents[3] = {501, 502, 503};
    for (int i = 0; i < 40; i++) {
        a[i] = 5000 + (uint64_t)i;
        b[i] = i < 12 ? 5000 + (uint64_t)i : 9000 + (uint64_t)i;
    }
    uint32_t s1, s2, s3, s4;
    pk_clusterer *c;
    pk_new(NULL, &c);
    pk_item ia = {.terms = a, .n_terms = 40, .entities = ents, .n_entities = 3};
    pk_item ib = {.terms = b, .n_terms = 40, .entities = ents, .n_entities = 3};
    pk_add(c, &ia, &s1, NULL);
    pk_add(c, &ib, &s2, NULL);
    pk_free(c);
    pk_new(NULL, &c);
    ia.n_entities = ib.n_entities = 0;
    pk_add(c, &ia, &s3, NULL);
    pk_add(c, &ib, &s4, NULL);
    pk_free(c);
    CHECK(s1 == s2);
    CHECK(s3 != s4);
}

/* ---- batch re-clustering (pk_batch) ---- */

enum { BT_MAX = 64 };
typedef struct bt {
    size_t n, off[BT_MAX + 1];
    uint64_t term[BT_MAX * 4];
    float w[BT_MAX * 4];
    int64_t time[BT_MAX];
} bt;

/* Appends an article of up to 3 (term, weight) pairs (weights as given: the
 * caller writes unit vectors). */
static void bt_add(bt *b, int64_t time, size_t k, const uint64_t *t, const double *w)
{
    size_t o = b->off[b->n];
    for (size_t i = 0; i < k; i++) {
        b->term[o + i] = t[i];
        b->w[o + i] = (float)w[i];
    }
    b->time[b->n] = time;
    b->off[++b->n] = o + k;
}

/* Two tight stories, an article near one of them (cosine 0.18 with each of
 * its members: below the merge bar, above the attach bar), one unrelated, one
 * empty. */
static void bt_fill(bt *b)
{
    memset(b, 0, sizeof *b);
    const double third = 0.57735026919;
    for (int i = 0; i < 3; i++) bt_add(b, 0, 3, (uint64_t[]){11, 12, 13}, (double[]){third, third, third});
    for (int i = 0; i < 3; i++) bt_add(b, 0, 3, (uint64_t[]){21, 22, 23}, (double[]){third, third, third});
    bt_add(b, 0, 2, (uint64_t[]){11, 60}, (double[]){0.3118, 0.9501}); /* 6: near the first */
    bt_add(b, 0, 2, (uint64_t[]){70, 71}, (double[]){0.7071, 0.7071});  /* 7: unrelated */
    bt_add(b, 0, 0, NULL, NULL);                                       /* 8: empty */
}

TEST(batch_groups_stories_and_attaches_a_lone_article)
{
    bt b;
    bt_fill(&b);
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    uint32_t label[BT_MAX];
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1] && label[1] == label[2]);
    CHECK(label[3] == label[4] && label[4] == label[5]);
    CHECK(label[0] != label[3]);
    CHECK(label[6] == label[0]);                       /* attached */
    CHECK(label[7] != label[0] && label[7] != label[3]); /* alone */
    CHECK(label[8] == UINT32_MAX);
    /* with copies an article is a story already: it is not attached */
    uint8_t not_lone[BT_MAX] = {0};
    not_lone[6] = 1;
    in.not_lone = not_lone;
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[6] != label[0] && label[6] != label[3]);
    /* a higher attach bar keeps it alone too */
    in.not_lone = NULL;
    pk_batch_options o = {.attach = 0.2};
    CHECK(pk_batch(&in, &o, label) == PRECIS_OK);
    CHECK(label[6] != label[0]);
    CHECK(pk_batch(NULL, NULL, label) == PRECIS_EINVAL);
}

/* Average linkage: a chain of articles each close to the next only does not
 * become one story (single linkage would chain them). */
TEST(batch_does_not_chain)
{
    bt b;
    memset(&b, 0, sizeof b);
    const double h = 0.70710678;
    for (uint64_t i = 0; i < 6; i++) bt_add(&b, 0, 2, (uint64_t[]){100 + i, 101 + i}, (double[]){h, h});
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    uint32_t label[BT_MAX];
    pk_batch_options o = {.link = 0.3, .attach = 0.3};
    CHECK(pk_batch(&in, &o, label) == PRECIS_OK);
    /* neighbours have cosine 0.5: pairs merge, but two pairs average 0.125 */
    size_t distinct = 0;
    for (size_t i = 0; i < b.n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i; j++) seen |= label[j] == label[i];
        distinct += !seen;
    }
    CHECK(distinct == 3);
    CHECK(label[0] == label[1] && label[2] == label[3] && label[4] == label[5]);
}

/* Dated articles further apart than the quiet period count half: a pair at
 * cosine 0.3 is one story undated, two stories ten days apart. */
TEST(batch_time_apart_halves_similarity)
{
    bt b;
    memset(&b, 0, sizeof b);
    bt_add(&b, 0, 2, (uint64_t[]){1, 2}, (double[]){0.5477226, 0.8366600});
    bt_add(&b, 10 * 86400, 2, (uint64_t[]){1, 3}, (double[]){0.5477226, 0.8366600});
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    uint32_t label[BT_MAX];
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1]);
    in.time = b.time;
    in.quiet_seconds = 3 * 86400;
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] != label[1]);
    b.time[1] = PK_TIME_UNKNOWN; /* an undated article is never apart */
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1]);
}

/* Past the horizon (30 quiet periods) time weighs more the further apart:
 * a pair at cosine 0.6 is one story two months apart (0.5 x 0.6 = 0.3
 * reaches the link bar) but two a year apart (0.6 x 0.5 x 90 / 365 = 0.07),
 * where halving alone kept them together — next year's report of an
 * annual event is not this year's story. */
TEST(batch_time_far_apart_weighs_less)
{
    bt b;
    memset(&b, 0, sizeof b);
    bt_add(&b, 0, 2, (uint64_t[]){1, 2}, (double[]){0.7745967, 0.6324555});
    bt_add(&b, 60 * 86400, 2, (uint64_t[]){1, 3}, (double[]){0.7745967, 0.6324555});
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w, .time = b.time,
                         .quiet_seconds = 3 * 86400};
    uint32_t label[BT_MAX];
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1]);
    b.time[1] = 365 * 86400;
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] != label[1]);
    in.quiet_seconds = 0; /* time off: one story */
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1]);
}

/* Two articles at cosine 0.18 (under the 0.21 merge bar) that share their one
 * name (term 9, marked in is_name): the name bonus (0.05 x 1/1) joins them;
 * unmarked, the same vectors stay apart. */
TEST(batch_shared_name_joins)
{
    bt b;
    memset(&b, 0, sizeof b);
    const double x = 0.31622777, y = 0.90553851, z = 0.28284271; /* x^2 + z^2 = 0.18 */
    bt_add(&b, 0, 3, (uint64_t[]){1, 2, 9}, (double[]){x, y, z});
    bt_add(&b, 0, 3, (uint64_t[]){1, 3, 9}, (double[]){x, y, z});
    uint8_t is_name[6] = {0, 0, 1, 0, 0, 1};
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    uint32_t label[BT_MAX];
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] != label[1]);
    in.is_name = is_name;
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1]);
    pk_batch_options o = {.name_weight = -1}; /* no bonus */
    CHECK(pk_batch(&in, &o, label) == PRECIS_OK);
    CHECK(label[0] != label[1]);
}

/* A lone article attaches by its strong edges only. L has cosine 0.2 with
 * both members of a tight pair G (0.9) and 0.205 with seven unrelated
 * articles x1..x7 (under the 0.21 merge bar: all stay lone). The pair's
 * members list L second, but L lists them 8th and 9th: past the 7 best, so
 * its edges to G are one-sided and count half (0.1 < the 0.13 bar) and L
 * stays apart. Without the x's G holds L's best neighbours (mutual: 0.2
 * whole) and L joins. */
TEST(batch_lone_article_attaches_by_strong_edges)
{
    bt b;
    memset(&b, 0, sizeof b);
    const double gs = 0.6, gu = 0.73484692, gv = 0.31622777; /* g1 . g2 = gs^2 + gu^2 = 0.9 */
    const double ls = 0.33333333, lt = 0.35634832;             /* L . g = ls gs = 0.2 */
    const double xt = 0.57529802, xy = 0.81793496;             /* L . x = lt xt = 0.205 */
    bt_add(&b, 0, 3, (uint64_t[]){1, 2, 3}, (double[]){gs, gu, gv});  /* 0: g1 */
    bt_add(&b, 0, 3, (uint64_t[]){1, 2, 4}, (double[]){gs, gu, gv});  /* 1: g2 */
    size_t o = b.off[b.n];                                           /* 2: L */
    b.term[o] = 1, b.w[o] = (float)ls;
    for (int i = 0; i < 7; i++) b.term[o + 1 + i] = 10 + (uint64_t)i, b.w[o + 1 + i] = (float)lt;
    b.off[++b.n] = o + 8;
    uint32_t label[BT_MAX];
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1] && label[2] == label[0]); /* no x: L's best are G's */
    for (int i = 0; i < 7; i++) bt_add(&b, 0, 2, (uint64_t[]){10 + (uint64_t)i, 20 + (uint64_t)i}, (double[]){xt, xy});
    in.n = b.n;
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == label[1]);
    CHECK(label[2] != label[0]);
    for (int i = 0; i < 7; i++) CHECK(label[3 + i] != label[0] && label[3 + i] != label[2]);
}

/* The grouping does not depend on the input order: the synthetic stories of
 * the online tests, forwards and backwards, give the same partition. */
TEST(batch_partition_independent_of_order)
{
    enum { STORIES = 8, PER = 6, N = STORIES * PER, LEN = 60 };
    static uint64_t raw[N][LEN];
    static size_t off[N + 1], roff[N + 1];
    static uint64_t term[N * LEN], rterm[N * LEN];
    static float w[N * LEN], rw[N * LEN];
    rng_state = 7;
    for (unsigned i = 0; i < N; i++) make_article(i % STORIES, raw[i], LEN);
    /* distinct terms with unit weights per article */
    size_t o = 0;
    for (unsigned i = 0; i < N; i++) {
        off[i] = o;
        size_t b0 = o;
        for (unsigned k = 0; k < LEN; k++) {
            bool dup = false;
            for (size_t j = b0; j < o; j++) dup |= term[j] == raw[i][k];
            if (!dup) term[o++] = raw[i][k];
        }
        for (size_t j = b0; j < o; j++) w[j] = (float)(1.0 / sqrt((double)(o - b0)));
    }
    off[N] = o;
    size_t ro = 0;
    for (unsigned r = 0; r < N; r++) {
        unsigned i = N - 1 - r;
        roff[r] = ro;
        for (size_t j = off[i]; j < off[i + 1]; j++) rterm[ro] = term[j], rw[ro++] = w[j];
    }
    roff[N] = ro;
    uint32_t a[N], b[N];
    pk_batch_input in = {.n = N, .off = off, .term = term, .w = w};
    pk_batch_input rin = {.n = N, .off = roff, .term = rterm, .w = rw};
    CHECK(pk_batch(&in, NULL, a) == PRECIS_OK);
    CHECK(pk_batch(&rin, NULL, b) == PRECIS_OK);
    size_t wrong = 0, right = 0;
    for (unsigned i = 0; i < N; i++)
        for (unsigned j = 0; j < N; j++) {
            bool same_a = a[i] == a[j], same_b = b[N - 1 - i] == b[N - 1 - j];
            if (same_a != same_b) wrong++;
            if (same_a == (i % STORIES == j % STORIES)) right++;
        }
    CHECK(wrong == 0);
    if (right != (size_t)N * N) fprintf(stderr, "right %zu of %zu\n", right, (size_t)N * N);
    CHECK(right == (size_t)N * N); /* and these easy stories come out exact */
}

/* Centroid merging and its support: two stories of one theme (16 articles
 * each; every article holds the theme's four words, a fifth of its weight,
 * and 3 of its story's 16 own words) have centroids at cosine ~0.5 while no
 * two of their articles reach the merge bar; a big story of 120 varied reports
 * (each 3 of 12 "sentences" of three words: two reports share a sentence or
 * none) is left by average linkage in fragments. With 80 other articles using
 * the theme's words, the two stories share only words common in the input
 * (support under the bar) and stay apart while the fragments of the big story
 * join; with the theme's words theirs alone, the two are one story. */
enum { TB_MAX = 320, TB_TERMS = 12 };
typedef struct tb {
    size_t n, off[TB_MAX + 1];
    uint64_t term[TB_MAX * TB_TERMS];
    float w[TB_MAX * TB_TERMS];
    int kind[TB_MAX]; /* 0 background, 1 and 2 the theme's stories, 3 the big story */
} tb;

static void tb_add(tb *b, int kind, size_t k, const uint64_t *t, const double *w)
{
    size_t o = b->off[b->n];
    double nn = 0;
    for (size_t i = 0; i < k; i++) nn += w[i] * w[i];
    for (size_t i = 0; i < k; i++) b->term[o + i] = t[i], b->w[o + i] = (float)(w[i] / sqrt(nn));
    b->kind[b->n] = kind;
    b->off[++b->n] = o + k;
}

/* k distinct picks of 0 .. m - 1 into out. */
static void pick(unsigned *out, unsigned k, unsigned m)
{
    for (unsigned i = 0; i < k;) {
        unsigned x = rnd() % m;
        bool dup = false;
        for (unsigned j = 0; j < i; j++) dup |= out[j] == x;
        if (!dup) out[i++] = x;
    }
}

static void tb_fill(tb *b, bool background)
{
    memset(b, 0, sizeof *b);
    rng_state = 11;
    /* in a mixed order, so that no story is a run of indices */
    unsigned left[4] = {background ? 80 : 0, 16, 16, 120};
    while (left[0] + left[1] + left[2] + left[3]) {
        unsigned kind = rnd() % 4;
        if (!left[kind]) continue;
        left[kind]--;
        uint64_t t[TB_TERMS];
        double w[TB_TERMS];
        unsigned p[4];
        if (kind == 0) { /* one theme word and three of its own */
            t[0] = 500 + left[0] % 4, w[0] = 0.4;
            for (unsigned j = 0; j < 3; j++) t[1 + j] = 10000 + 3 * left[0] + j, w[1 + j] = sqrt(0.84 / 3);
            tb_add(b, 0, 4, t, w);
        } else if (kind < 3) {
            for (unsigned j = 0; j < 4; j++) t[j] = 500 + j, w[j] = sqrt(0.05);
            pick(p, 3, 16);
            for (unsigned j = 0; j < 3; j++) t[4 + j] = 600 + 100 * kind + p[j], w[4 + j] = sqrt(0.8 / 3);
            tb_add(b, (int)kind, 7, t, w);
        } else {
            pick(p, 3, 12);
            for (unsigned j = 0; j < 9; j++) t[j] = 2000 + 3 * p[j / 3] + j % 3, w[j] = 1;
            tb_add(b, 3, 9, t, w);
        }
    }
}

/* The label every article of `kind` has, or UINT32_MAX when they differ. */
static uint32_t tb_one(const tb *b, const uint32_t *label, int kind)
{
    uint32_t l = UINT32_MAX;
    bool first = true;
    for (size_t i = 0; i < b->n; i++) {
        if (b->kind[i] != kind) continue;
        if (first) l = label[i], first = false;
        else if (label[i] != l) return UINT32_MAX;
    }
    return l;
}

TEST(batch_same_theme_stories_apart_big_story_whole)
{
    static tb b;
    static uint32_t label[TB_MAX];
    tb_fill(&b, true);
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    uint32_t y = tb_one(&b, label, 1), z = tb_one(&b, label, 2), x = tb_one(&b, label, 3);
    CHECK(y != UINT32_MAX && z != UINT32_MAX && y != z);
    CHECK(x != UINT32_MAX && x != y && x != z);
    /* what joins the big story is the centroid merge ... */
    pk_batch_options o = {.centroid = -1};
    CHECK(pk_batch(&in, &o, label) == PRECIS_OK);
    CHECK(tb_one(&b, label, 3) == UINT32_MAX);
    /* ... and what keeps the two apart, its support */
    o = (pk_batch_options){.support = -1};
    CHECK(pk_batch(&in, &o, label) == PRECIS_OK);
    CHECK(tb_one(&b, label, 1) != UINT32_MAX && tb_one(&b, label, 1) == tb_one(&b, label, 2));
    /* the theme's words theirs alone: the two are one story */
    tb_fill(&b, false);
    in = (pk_batch_input){.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    y = tb_one(&b, label, 1), z = tb_one(&b, label, 2), x = tb_one(&b, label, 3);
    CHECK(y != UINT32_MAX && y == z);
    CHECK(x != UINT32_MAX && x != y);
}

static precis_status count_report(void *user, size_t article, size_t story)
{
    (void)article;
    (void)story;
    ++*(size_t *)user;
    return PRECIS_OK;
}

/* pk_term_ranks: each term's rank among the distinct values, in increasing
 * order, whichever 16-bit digits differ (the radix sort skips the passes
 * whose digit is the same in every term); checked against a count of the
 * distinct values below each term. */
TEST(term_ranks_order_distinct_terms)
{
    uint64_t t[] = {50, 7, 50, (uint64_t)1 << 40, 7, 3, (uint64_t)1 << 63, ((uint64_t)1 << 40) + 1};
    uint32_t want[] = {2, 1, 2, 3, 1, 0, 5, 4};
    size_t n = sizeof t / sizeof *t, nr = 99;
    uint32_t rank[sizeof t / sizeof *t];
    CHECK(pk_term_ranks(t, n, rank, &nr) == PRECIS_OK);
    CHECK(nr == 6);
    for (size_t i = 0; i < n; i++) CHECK(rank[i] == want[i]);
    CHECK(pk_term_ranks(t, 0, rank, &nr) == PRECIS_OK && nr == 0);
    /* terms that differ in one high digit only; many repeats */
    enum { N = 3000 };
    static uint64_t v[N];
    static uint32_t r[N];
    rng_state = 5;
    for (size_t i = 0; i < N; i++) v[i] = (uint64_t)(rnd() % 97) << 48 | 0x1234;
    CHECK(pk_term_ranks(v, N, r, &nr) == PRECIS_OK);
    size_t distinct = 0;
    for (size_t i = 0; i < N; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) seen = v[j] == v[i];
        distinct += !seen;
    }
    CHECK(nr == distinct);
    for (size_t i = 0; i < N; i += 7) {
        uint64_t below[97];
        size_t nb = 0;
        for (size_t j = 0; j < N; j++) {
            if (v[j] >= v[i]) continue;
            bool seen = false;
            for (size_t q = 0; q < nb && !seen; q++) seen = below[q] == v[j];
            if (!seen) below[nb++] = v[j];
        }
        CHECK(r[i] == nb);
    }
}

/* The neighbours are found on the terms under scan_df but scored on every
 * term under max_df: two articles sharing a rare term (weight 0.1 of the
 * cosine: under every bar) and a common one (0.9) are one story at a low
 * scan_df as at the default; the articles that share only the common term,
 * weakly, stay apart. */
TEST(batch_neighbours_scored_on_terms_not_scanned)
{
    bt b;
    memset(&b, 0, sizeof b);
    bt_add(&b, 0, 2, (uint64_t[]){5, 900}, (double[]){0.31623, 0.94868});
    for (uint64_t i = 0; i < 4; i++) bt_add(&b, 0, 2, (uint64_t[]){900, 40 + i}, (double[]){0.1, 0.99499});
    bt_add(&b, 0, 2, (uint64_t[]){5, 900}, (double[]){0.31623, 0.94868});
    pk_batch_input in = {.n = b.n, .off = b.off, .term = b.term, .w = b.w};
    uint32_t label[BT_MAX];
    for (int pass = 0; pass < 2; pass++) {
        pk_batch_options o = {.scan_df = pass ? 2 : 0}; /* term 900 is in 6 articles */
        CHECK(pk_batch(&in, &o, label) == PRECIS_OK);
        CHECK(label[0] == label[5]);
        for (size_t i = 1; i < 5; i++) CHECK(label[i] != label[0]);
    }
}

/* No article at all: no groups, no read of the (absent) offsets; the library
 * call behind cluster --batch and digest is safe on an empty input. */
TEST(batch_zero_articles)
{
    pk_batch_input in = {0}; /* n = 0, off = NULL: as a stream that recorded nothing */
    uint32_t label[1] = {7};
    CHECK(pk_batch(&in, NULL, label) == PRECIS_OK);
    CHECK(label[0] == 7); /* nothing written */
    precis_ctx *ctx = precis_new(NULL);
    CHECK(ctx != NULL);
    precis_stream_options o = {0};
    o.batch = 1;
    precis_stream *s;
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_OK);
    size_t calls = 0;
    CHECK(precis_stream_settle(ctx, s, 1, count_report, &calls) == PRECIS_OK);
    CHECK(calls == 0 && precis_stream_n_stories(s) == 0);
    /* one rejected article (no words): not held, never reported */
    precis_article a = {0};
    a.id = "punct";
    a.text = "... -- !!";
    a.text_len = strlen(a.text);
    size_t story, dup;
    CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_EEMPTY);
    precis_status bst = precis_stream_settle(ctx, s, 1, count_report, &calls);
    if (bst) fprintf(stderr, "%s\n", precis_errmsg(ctx));
    CHECK(bst == PRECIS_OK);
    CHECK(calls == 0 && precis_stream_n_stories(s) == 0);
    precis_stream_free(s);
    precis_free(ctx);
}

int main(void)
{
    RUN(interleaved_stories_are_separated);
    RUN(same_input_same_output);
    RUN(quiet_period_closes_a_story);
    RUN(open_stories_are_bounded);
    RUN(empty_articles_are_accepted);
    RUN(shared_entities_tip_a_borderline_match);
    RUN(batch_groups_stories_and_attaches_a_lone_article);
    RUN(batch_does_not_chain);
    RUN(batch_time_apart_halves_similarity);
    RUN(batch_time_far_apart_weighs_less);
    RUN(batch_shared_name_joins);
    RUN(batch_lone_article_attaches_by_strong_edges);
    RUN(batch_partition_independent_of_order);
    RUN(batch_same_theme_stories_apart_big_story_whole);
    RUN(batch_zero_articles);
    RUN(term_ranks_order_distinct_terms);
    RUN(batch_neighbours_scored_on_terms_not_scanned);
    return test_done();
}
