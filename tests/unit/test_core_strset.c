/* Unit tests for pc_strset (src/core/hashmap.c), the string set behind
 * digest's article ids and summarize --batch -o's file names: strings that
 * share a hash must stay distinct. Before it, both callers keyed a pc_map on
 * the bare XXH3 of the string with no equality check, so a clash merged two
 * ids (or two output files) silently; the clashing hash below makes every
 * string clash, which is what that code would have done with them. */
#include "core/core.h"
#include "test.h"

#include <stdio.h>

static uint64_t clash(const char *s, size_t n)
{
    (void)s;
    (void)n;
    return 42;
}

static uint64_t first_byte(const char *s, size_t n) { return n ? (unsigned char)s[0] : 0; }

TEST(strset_clashing_hashes_stay_distinct)
{
    pc_strset set = {.hash = clash};
    pc_strset_init(&set);
    bool added;
    CHECK(pc_strset_add(&set, "story-1", 7, &added) == PRECIS_OK && added);
    CHECK(pc_strset_add(&set, "story-2", 7, &added) == PRECIS_OK && added); /* same hash, other id */
    CHECK(pc_strset_add(&set, "story-1", 7, &added) == PRECIS_OK && !added);
    CHECK(pc_strset_add(&set, "", 0, &added) == PRECIS_OK && added);
    CHECK(pc_strset_add(&set, "", 0, &added) == PRECIS_OK && !added);
    CHECK(pc_strset_add(&set, "story-10", 7, &added) == PRECIS_OK && !added); /* n bytes only: "story-1" */
    CHECK(pc_strset_has(&set, "story-2", 7) && !pc_strset_has(&set, "story-3", 7));
    CHECK(set.n == 3);
    pc_strset_free(&set);
    CHECK(set.hash == clash && set.n == 0 && !pc_strset_has(&set, "story-1", 7));
}

TEST(strset_many_and_growth)
{
    pc_strset set = {.hash = first_byte}; /* 10 hashes for 20,000 strings */
    pc_strset_init(&set);
    char s[32];
    size_t bad = 0;
    for (int i = 0; i < 20000; i++) {
        int k = snprintf(s, sizeof s, "%d.txt", i);
        bool added;
        bad += pc_strset_add(&set, s, (size_t)k, &added) != PRECIS_OK || !added;
    }
    for (int i = 0; i < 20000; i += 7) {
        int k = snprintf(s, sizeof s, "%d.txt", i);
        bool added;
        bad += pc_strset_add(&set, s, (size_t)k, &added) != PRECIS_OK || added;
    }
    CHECK(bad == 0 && set.n == 20000);
    CHECK(!pc_strset_has(&set, "20000.txt", 9) && pc_strset_has(&set, "19999.txt", 9));
    pc_strset_free(&set);
    pc_strset_init(&set); /* the default hash (XXH3) */
    set.hash = NULL;
    bool added;
    CHECK(pc_strset_add(&set, "a/b", 3, &added) == PRECIS_OK && added);
    CHECK(pc_strset_add(&set, "a_b", 3, &added) == PRECIS_OK && added);
    CHECK(pc_strset_add(&set, "a/b", 3, &added) == PRECIS_OK && !added);
    pc_strset_free(&set);
}

int main(void)
{
    RUN(strset_clashing_hashes_stay_distinct);
    RUN(strset_many_and_growth);
    return test_done();
}
