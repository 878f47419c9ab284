/* Unit tests for pc_map (src/core/hashmap.c): insert/find, growth, keys
 * that collide (equality callback), the key-count cap, bad values. */
#include "core/core.h"
#include "test.h"

#include <stdlib.h>

TEST(map_insert_find_grow)
{
    pc_map m;
    pc_map_init(&m, 0);
    CHECK(pc_map_get(&m, 7, NULL, NULL) == PC_MAP_NONE); /* empty, nothing allocated */
    CHECK(m.cap == 0);
    /* 0 and small integers are keys like any other; keys a power of two
     * apart (the same low bits) are spread by the slot hash. */
    for (uint32_t i = 0; i < 100000; i++) CHECK(pc_map_add(&m, (uint64_t)i << 20, i * 3) == PRECIS_OK);
    CHECK(m.n == 100000);
    CHECK(m.cap >= 200000 && (m.cap & (m.cap - 1)) == 0);
    size_t bad = 0;
    for (uint32_t i = 0; i < 100000; i++) bad += pc_map_get(&m, (uint64_t)i << 20, NULL, NULL) != i * 3;
    CHECK(bad == 0);
    CHECK(pc_map_get(&m, 1, NULL, NULL) == PC_MAP_NONE);
    CHECK(pc_map_get(&m, (uint64_t)100000 << 20, NULL, NULL) == PC_MAP_NONE);
    uint32_t found;
    CHECK(pc_map_put(&m, 5 << 20, 99, NULL, NULL, &found) == PRECIS_OK && found == 15);
    CHECK(pc_map_get(&m, 5 << 20, NULL, NULL) == 15); /* put keeps the first value */
    CHECK(pc_map_put(&m, 12345, 99, NULL, NULL, &found) == PRECIS_OK && found == PC_MAP_NONE);
    CHECK(pc_map_get(&m, 12345, NULL, NULL) == 99 && m.n == 100001);
    pc_map_free(&m);
    CHECK(m.cap == 0 && m.n == 0 && pc_map_get(&m, 12345, NULL, NULL) == PC_MAP_NONE);
}

/* Keys are hashes of strings; all of these share one hash. */
static const char *const words[] = {"harbour", "ferry", "quay", "tide", "pier", "buoy", "dock"};
static const char *wanted;
static bool same_word(const void *ctx, uint32_t val)
{
    const char *const *w = ctx;
    return !strcmp(w[val], wanted);
}

TEST(map_collisions_use_equality)
{
    pc_map m;
    pc_map_init(&m, 0);
    uint32_t found;
    for (uint32_t i = 0; i < 7; i++) {
        wanted = words[i];
        CHECK(pc_map_put(&m, 42, i, same_word, words, &found) == PRECIS_OK && found == PC_MAP_NONE);
    }
    /* and others around them, so the run of 42s grows and moves */
    for (uint32_t i = 0; i < 1000; i++) CHECK(pc_map_add(&m, 1000 + i, 7) == PRECIS_OK);
    for (uint32_t i = 0; i < 7; i++) {
        wanted = words[i];
        CHECK(pc_map_get(&m, 42, same_word, words) == i);
        CHECK(pc_map_put(&m, 42, 0, same_word, words, &found) == PRECIS_OK && found == i);
    }
    wanted = "lighthouse";
    CHECK(pc_map_get(&m, 42, same_word, words) == PC_MAP_NONE);
    /* identity keys: the first stored of the colliding ones is found first,
     * also after the table grew */
    CHECK(pc_map_get(&m, 42, NULL, NULL) == 0);
    CHECK(m.n == 1007);
    pc_map_free(&m);
}

/* Keys that probe alike keep their order across growth, even when their run
 * wraps round the end of the table. */
static uint32_t accept_from;
static bool at_least(const void *ctx, uint32_t val)
{
    (void)ctx;
    return val >= accept_from;
}

TEST(map_order_kept_across_growth)
{
    pc_map m;
    pc_map_init(&m, 0);
    CHECK(pc_map_reserve(&m, 8) == PRECIS_OK);
    size_t cap = m.cap;
    /* a key whose home is the last slot of the first table */
    uint64_t key = 0;
    for (uint64_t k = 1; k < 1000000; k++)
        if ((size_t)((k * 0x9E3779B97F4A7C15ull) >> m.shift) == cap - 1) {
            key = k;
            break;
        }
    CHECK(key != 0);
    for (uint32_t i = 0; i < 5; i++) CHECK(pc_map_add(&m, key, i) == PRECIS_OK); /* wraps to 0..3 */
    for (uint32_t i = 0; i < 200; i++) CHECK(pc_map_add(&m, 5000000 + i, 100) == PRECIS_OK);
    CHECK(m.cap > cap);
    for (accept_from = 0; accept_from < 5; accept_from++) CHECK(pc_map_get(&m, key, at_least, NULL) == accept_from);
    pc_map_free(&m);
}

TEST(map_cap_is_an_error)
{
    pc_map m;
    pc_map_init(&m, 5);
    for (uint32_t i = 0; i < 5; i++) CHECK(pc_map_add(&m, i + 1, i) == PRECIS_OK);
    CHECK(pc_map_add(&m, 6, 5) == PRECIS_ELIMIT);
    uint32_t found = 0;
    CHECK(pc_map_put(&m, 7, 6, NULL, NULL, &found) == PRECIS_ELIMIT);
    CHECK(m.n == 5 && pc_map_get(&m, 6, NULL, NULL) == PC_MAP_NONE && pc_map_get(&m, 7, NULL, NULL) == PC_MAP_NONE);
    /* a key already there is found at the cap: nothing needs storing */
    CHECK(pc_map_put(&m, 3, 9, NULL, NULL, &found) == PRECIS_OK && found == 2);
    for (uint32_t i = 0; i < 5; i++) CHECK(pc_map_get(&m, i + 1, NULL, NULL) == i);
    CHECK(pc_map_reserve(&m, 1) == PRECIS_ELIMIT);
    CHECK(pc_map_reserve(&m, SIZE_MAX) == PRECIS_ELIMIT);
    pc_map_free(&m);
    CHECK(m.limit == 5); /* free keeps the limit */
    pc_map_init(&m, 0);
    CHECK(pc_map_reserve(&m, PC_MAP_MAX_KEYS + 1) == PRECIS_ELIMIT && m.cap == 0);
    CHECK(pc_map_add(&m, 1, PC_MAP_NONE) == PRECIS_EINVAL && m.n == 0);
    pc_map_free(&m);
}

TEST(map_reserve_sizes_once)
{
    pc_map m;
    pc_map_init(&m, 0);
    CHECK(pc_map_reserve(&m, 1000) == PRECIS_OK);
    size_t cap = m.cap;
    const pc_map_slot *slots = m.slots;
    CHECK(cap >= 2000);
    for (uint32_t i = 0; i < 1000; i++) CHECK(pc_map_add(&m, ~(uint64_t)i, i) == PRECIS_OK);
    CHECK(m.cap == cap && m.slots == slots); /* no reallocation on the way */
    CHECK(pc_map_get(&m, ~(uint64_t)999, NULL, NULL) == 999);
    pc_map_free(&m);
}

/* A zeroed map (a struct member of a zeroed struct) works without init. */
TEST(map_zeroed_is_empty)
{
    pc_map m = {0};
    CHECK(pc_map_get(&m, 3, NULL, NULL) == PC_MAP_NONE);
    CHECK(pc_map_add(&m, 3, 30) == PRECIS_OK && pc_map_get(&m, 3, NULL, NULL) == 30);
    pc_map_free(&m);
    CHECK(m.cap == 0 && m.slots == NULL);
}

/* Every entry is visited by reading the slots (coverage.c weighs the vocabulary so). */
TEST(map_slots_visit_every_entry)
{
    pc_map m;
    pc_map_init(&m, 0);
    uint64_t sum = 0;
    for (uint32_t i = 0; i < 300; i++) {
        CHECK(pc_map_add(&m, 7919u * i, i) == PRECIS_OK);
        sum += i;
    }
    size_t seen = 0;
    for (size_t k = 0; k < m.cap; k++) {
        if (m.slots[k].val == PC_MAP_NONE) continue;
        seen++;
        sum -= m.slots[k].val;
        CHECK(m.slots[k].key == 7919u * m.slots[k].val);
    }
    CHECK(seen == 300 && sum == 0);
    pc_map_free(&m);
}

int main(void)
{
    RUN(map_insert_find_grow);
    RUN(map_collisions_use_equality);
    RUN(map_order_kept_across_growth);
    RUN(map_cap_is_an_error);
    RUN(map_reserve_sizes_once);
    RUN(map_zeroed_is_empty);
    RUN(map_slots_visit_every_entry);
    return test_done();
}
