/* Unit tests for src/cluster: online story clustering on synthetic streams. */
#include "cluster/cluster.h"
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

int main(void)
{
    RUN(interleaved_stories_are_separated);
    RUN(same_input_same_output);
    RUN(quiet_period_closes_a_story);
    RUN(open_stories_are_bounded);
    RUN(empty_articles_are_accepted);
    RUN(shared_entities_tip_a_borderline_match);
    return test_done();
}
