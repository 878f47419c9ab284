/* Unit tests for src/dedup: MinHash/LSH near-duplicate detection and SimHash. */
#include "dedup/dedup.h"
#include "test.h"

#include <stdlib.h>

/* Deterministic pseudo-articles: word i of a "story" drawn from a vocabulary
 * by a seeded generator, so texts are long, varied and reproducible. */
static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

static size_t make_story(uint64_t seed, uint64_t *out, size_t n)
{
    rng_state = seed;
    for (size_t i = 0; i < n; i++) {
        char w[16];
        int len = snprintf(w, sizeof w, "w%u", rnd() % 5000);
        out[i] = pd_token_hash(w, (size_t)len);
    }
    return n;
}

static size_t tokens_of(const char *text, uint64_t *out, size_t cap)
{
    size_t n = 0;
    const char *p = text;
    while (*p && n < cap) {
        while (*p == ' ') p++;
        const char *start = p;
        while (*p && *p != ' ') p++;
        if (p > start) out[n++] = pd_token_hash(start, (size_t)(p - start));
    }
    return n;
}

TEST(identical_texts_are_duplicates)
{
    uint64_t t[400];
    make_story(1, t, 400);
    pd_signature a, b;
    pd_minhash(t, 400, 0, &a);
    pd_minhash(t, 400, 0, &b);
    CHECK_NEAR(pd_jaccard(&a, &b), 1.0, 1e-12);
    pd_index *ix;
    CHECK(pd_index_new(0, &ix) == PRECIS_OK);
    int64_t dup;
    double sim;
    CHECK(pd_index_add(ix, 10, &a, &dup, &sim) == PRECIS_OK && dup == -1);
    CHECK(pd_index_add(ix, 11, &b, &dup, &sim) == PRECIS_OK && dup == 10);
    CHECK_NEAR(sim, 1.0, 1e-12);
    /* A third copy goes to the earliest of the two equally similar ones. */
    CHECK(pd_index_add(ix, 12, &b, &dup, &sim) == PRECIS_OK && dup == 10);
    pd_index_free(ix);
}

TEST(copy_with_debris_and_dropped_sentences_is_found)
{
    uint64_t orig[600], copy[700];
    make_story(2, orig, 600);
    size_t n = 0;
    uint64_t debris[30];
    make_story(99, debris, 30); /* a promo block up front */
    for (size_t i = 0; i < 30; i++) copy[n++] = debris[i];
    for (size_t i = 0; i < 600; i++)
        if (i < 200 || i >= 260) copy[n++] = orig[i]; /* one passage dropped */
    pd_signature a, b;
    pd_minhash(orig, 600, 0, &a);
    pd_minhash(copy, n, 0, &b);
    double j = pd_jaccard(&a, &b);
    CHECK(j > 0.7 && j < 1.0);
    pd_index *ix;
    pd_index_new(0, &ix);
    int64_t dup;
    pd_index_add(ix, 1, &a, &dup, NULL);
    pd_index_add(ix, 2, &b, &dup, NULL);
    CHECK(dup == 1);
    pd_index_free(ix);
}

TEST(unrelated_texts_are_not_duplicates)
{
    pd_index *ix;
    pd_index_new(0, &ix);
    int found = 0;
    for (uint32_t i = 0; i < 300; i++) {
        uint64_t t[300];
        make_story(1000 + i, t, 300);
        pd_signature s;
        pd_minhash(t, 300, 0, &s);
        int64_t dup;
        pd_index_add(ix, i, &s, &dup, NULL);
        found += dup >= 0;
    }
    CHECK(found == 0);
    CHECK(pd_index_size(ix) == 300);
    pd_index_free(ix);
}

TEST(shared_boilerplate_alone_is_not_a_copy)
{
    /* Two different stories from one site share a long footer. */
    uint64_t a[500], b[500], footer[60];
    make_story(7, a, 440);
    make_story(8, b, 440);
    make_story(9, footer, 60);
    for (size_t i = 0; i < 60; i++) a[440 + i] = b[440 + i] = footer[i];
    pd_signature sa, sb;
    pd_minhash(a, 500, 0, &sa);
    pd_minhash(b, 500, 0, &sb);
    CHECK(pd_jaccard(&sa, &sb) < PD_DEFAULT_THRESHOLD);
}

TEST(removed_entries_are_forgotten_and_memory_follows_window)
{
    pd_index *ix;
    pd_index_new(0, &ix);
    uint64_t t[200];
    make_story(5, t, 200);
    pd_signature s;
    pd_minhash(t, 200, 0, &s);
    int64_t dup;
    pd_index_add(ix, 1, &s, &dup, NULL);
    pd_index_remove(ix, 1);
    pd_index_remove(ix, 12345); /* absent: no-op */
    pd_index_add(ix, 2, &s, &dup, NULL);
    CHECK(dup == -1);
    /* A stream of 5,000 with a window of 100. */
    for (uint32_t i = 100; i < 5100; i++) {
        make_story(i, t, 50);
        pd_minhash(t, 50, 0, &s);
        pd_index_add(ix, i, &s, &dup, NULL);
        if (i >= 200) pd_index_remove(ix, i - 100);
    }
    CHECK(pd_index_size(ix) == 101); /* id 2 plus the last 100 */
    /* An old, removed article is not found; a live one is. */
    make_story(150, t, 50);
    pd_minhash(t, 50, 0, &s);
    pd_index_add(ix, 900000, &s, &dup, NULL);
    CHECK(dup == -1);
    make_story(5050, t, 50);
    pd_minhash(t, 50, 0, &s);
    pd_index_add(ix, 900001, &s, &dup, NULL);
    CHECK(dup == 5050);
    pd_index_free(ix);
}

TEST(copies_are_not_indexed_themselves)
{
    pd_index *ix;
    pd_index_new(0, &ix);
    uint64_t t[300];
    make_story(77, t, 300);
    pd_signature s;
    pd_minhash(t, 300, 0, &s);
    int64_t dup;
    size_t named_first = 0;
    for (uint32_t i = 0; i < 1000; i++) {
        pd_index_add(ix, i, &s, &dup, NULL);
        named_first += i > 0 && dup == 0;
    }
    CHECK(named_first == 999);
    CHECK(pd_index_size(ix) == 1); /* the original stands for its copies */
    pd_index_free(ix);
}

TEST(empty_and_short_texts)
{
    pd_signature e, s1, s2;
    pd_minhash(NULL, 0, 0, &e);
    CHECK(e.n_shingles == 0);
    CHECK(pd_jaccard(&e, &e) == 0.0);
    uint64_t t[3];
    size_t n = tokens_of("breaking news now", t, 3);
    pd_minhash(t, n, 0, &s1);
    pd_minhash(t, n, 0, &s2);
    CHECK(s1.n_shingles == 1 && pd_jaccard(&s1, &s2) == 1.0);
    pd_index *ix;
    pd_index_new(0, &ix);
    int64_t dup;
    pd_index_add(ix, 1, &e, &dup, NULL);
    pd_index_add(ix, 2, &e, &dup, NULL);
    CHECK(dup == -1);
    pd_index_free(ix);
}

TEST(simhash_separates_near_and_far_sentences)
{
    uint64_t a[40], b[40], c[40];
    size_t na = tokens_of("the minister said on tuesday that the talks in the capital would "
                          "resume next week after a pause of two months", a, 40);
    size_t nb = tokens_of("the minister said tuesday that the talks in the capital would "
                          "resume next week after a two month pause", b, 40);
    size_t nc = tokens_of("heavy rain flooded the northern valley and closed the railway line "
                          "for most of the weekend", c, 40);
    uint64_t ha = pd_simhash(a, na), hb = pd_simhash(b, nb), hc = pd_simhash(c, nc);
    CHECK(pd_hamming(ha, hb) < pd_hamming(ha, hc));
    CHECK(pd_hamming(ha, hb) <= 16);
    CHECK(pd_hamming(ha, ha) == 0);
}

int main(void)
{
    RUN(identical_texts_are_duplicates);
    RUN(copy_with_debris_and_dropped_sentences_is_found);
    RUN(unrelated_texts_are_not_duplicates);
    RUN(shared_boilerplate_alone_is_not_a_copy);
    RUN(removed_entries_are_forgotten_and_memory_follows_window);
    RUN(copies_are_not_indexed_themselves);
    RUN(empty_and_short_texts);
    RUN(simhash_separates_near_and_far_sentences);
    return test_done();
}
