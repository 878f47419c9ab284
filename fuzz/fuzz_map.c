/* Fuzz target: pc_map (src/core/hashmap.c) and pc_strset driven by bytes,
 * checked against a plain array model. pc_map has no deletion (by design:
 * core.h); the "delete" of this target is pc_map_free, which must empty the
 * table. Ops, one byte each plus operands:
 *   op % 8: 0 add (key byte; keys are few, so they repeat and clash),
 *           1 get, 2 put with an equality callback over the model's strings
 *           (key = a weak hash of the string: clashes), 3 reserve (count byte),
 *           4 free (empty it), 5 strset add, 6 strset lookup, 7 a wide key
 *           (8 bytes: any 64-bit key, with the limit byte's small cap).
 * The first byte sets the map's key limit (0 = none): past it an insert must
 * fail with PRECIS_ELIMIT and change nothing. */
#include "core/core.h"

#include <stdlib.h>
#include <string.h>

#define MAX_KEYS 4096

typedef struct model {
    uint64_t key[MAX_KEYS];
    uint32_t val[MAX_KEYS];
    size_t n;
} model;

static model M;
static char strs[MAX_KEYS][8];
static size_t str_len[MAX_KEYS];

/* The first value stored under key, as pc_map_get with eq NULL finds it. */
static uint32_t model_first(uint64_t key)
{
    for (size_t i = 0; i < M.n; i++)
        if (M.key[i] == key) return M.val[i];
    return PC_MAP_NONE;
}

typedef struct probe {
    const char *s;
    size_t n;
} probe;

static bool eq_str(const void *ctx, uint32_t val)
{
    const probe *p = ctx;
    if (val >= MAX_KEYS) abort(); /* only values the model stored */
    return str_len[val] == p->n && !memcmp(strs[val], p->s, p->n);
}

static uint64_t weak(const char *s, size_t n) { return n ? (unsigned char)s[0] % 4 : 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    size_t limit = data[0] % 4 == 0 ? 0 : data[0] % 64;
    pc_map m;
    pc_map_init(&m, limit);
    M.n = 0;
    pc_strset set = {.hash = data[0] & 0x80 ? weak : NULL};
    pc_strset_init(&set);
    char seen[64][8];
    size_t seen_len[64], n_seen = 0;
    size_t nstr = 0;
    for (size_t i = 1; i < size;) {
        uint8_t op = data[i++] % 8;
        uint8_t x = i < size ? data[i++] : 0;
        switch (op) {
        case 0:
        case 7: {
            uint64_t key = x % 16;
            if (op == 7) {
                key = 0;
                for (int k = 0; k < 8 && i < size; k++) key = key << 8 | data[i++];
                if (key >= 1000 && key < 1004) key += 4; /* the string keys of op 2 are theirs */
            }
            uint32_t val = (uint32_t)(M.n * 7 + 1);
            precis_status st = pc_map_add(&m, key, val);
            bool full = (limit && M.n >= limit) || M.n >= MAX_KEYS;
            if (full) {
                if (M.n < MAX_KEYS && st != PRECIS_ELIMIT) abort();
                if (st == PRECIS_OK) return 0; /* the model is full: stop here */
            } else {
                if (st != PRECIS_OK) abort();
                M.key[M.n] = key, M.val[M.n] = val, M.n++;
            }
            break;
        }
        case 1:
            if (pc_map_get(&m, x % 16, NULL, NULL) != model_first(x % 16)) abort();
            break;
        case 2: { /* strings of 1..3 bytes keyed by a clashing hash */
            if (nstr >= MAX_KEYS || i + 1 >= size) break;
            size_t n = 1 + x % 3;
            if (i + n > size) n = size - i;
            probe p = {(const char *)data + i, n};
            i += n;
            uint64_t key = 1000 + weak(p.s, p.n);
            uint32_t found;
            /* what the model says: the first stored string equal to p under key */
            uint32_t want = PC_MAP_NONE;
            for (size_t k = 0; k < M.n && want == PC_MAP_NONE; k++)
                if (M.key[k] == key && M.val[k] < MAX_KEYS && eq_str(&p, M.val[k])) want = M.val[k];
            bool full = (limit && M.n >= limit) || M.n >= MAX_KEYS;
            memcpy(strs[nstr], p.s, p.n);
            str_len[nstr] = p.n;
            precis_status st = pc_map_put(&m, key, (uint32_t)nstr, eq_str, &p, &found);
            if (found != want) abort();
            if (want == PC_MAP_NONE) {
                if (full ? st != PRECIS_ELIMIT : st != PRECIS_OK) abort();
                if (!st) M.key[M.n] = key, M.val[M.n] = (uint32_t)nstr, M.n++, nstr++;
            } else if (st) {
                abort();
            }
            break;
        }
        case 3: {
            precis_status st = pc_map_reserve(&m, x);
            size_t lim = limit ? limit : PC_MAP_MAX_KEYS;
            if ((x > lim || M.n > lim - x) != (st == PRECIS_ELIMIT)) abort();
            if (st == PRECIS_OK && x && m.cap < 2 * (M.n + x)) abort();
            break;
        }
        case 4:
            pc_map_free(&m);
            if (m.n || m.cap || pc_map_get(&m, x % 16, NULL, NULL) != PC_MAP_NONE) abort();
            M.n = 0;
            nstr = 0;
            break;
        case 5:
        case 6: {
            size_t n = x % 5;
            if (i + n > size) n = size - i;
            const char *s = (const char *)data + i;
            i += n;
            bool in_model = false;
            for (size_t k = 0; k < n_seen && !in_model; k++)
                in_model = seen_len[k] == n && !memcmp(seen[k], s, n);
            if (pc_strset_has(&set, s, n) != in_model) abort();
            if (op == 6 || n_seen >= 64) break;
            bool added;
            if (pc_strset_add(&set, s, n, &added) != PRECIS_OK || added == in_model) abort();
            if (added) memcpy(seen[n_seen], s, n), seen_len[n_seen++] = n;
            break;
        }
        }
        if (m.n != M.n) abort();
        if (m.cap && (m.cap & (m.cap - 1))) abort();
        if (m.n && 2 * m.n > m.cap) abort(); /* at most half full */
    }
    /* every stored key finds its first value */
    for (size_t k = 0; k < M.n; k++)
        if (pc_map_get(&m, M.key[k], NULL, NULL) != model_first(M.key[k]))
            abort();
    pc_map_free(&m);
    pc_strset_free(&set);
    return 0;
}
