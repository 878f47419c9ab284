/* pc_map: the core open-addressing hash map (core.h says what it is for). */
#include "core.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void pc_map_init(pc_map *m, size_t limit)
{
    m->slots = NULL;
    m->cap = m->n = 0;
    m->limit = limit && limit < PC_MAP_MAX_KEYS ? limit : PC_MAP_MAX_KEYS;
    m->shift = 64;
}

void pc_map_free(pc_map *m)
{
    free(m->slots);
    pc_map_init(m, m->limit);
}

/* The slot key goes to in a table known to have an empty one. */
static size_t empty_slot(const pc_map *m, uint64_t key)
{
    size_t mask = m->cap - 1, i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> m->shift);
    while (m->slots[i].val != PC_MAP_NONE) i = (i + 1) & mask;
    return i;
}

precis_status pc_map_reserve(pc_map *m, size_t extra)
{
    size_t limit = m->limit ? m->limit : PC_MAP_MAX_KEYS; /* a zeroed map has no cap of its own */
    if (extra > limit || m->n > limit - extra) return PRECIS_ELIMIT;
    size_t need = m->n + extra, cap = m->cap ? m->cap : 64;
    unsigned bits = 0;
    while (cap < 2 * need) cap *= 2; /* at most half full: short probe runs */
    if (cap == m->cap) return PRECIS_OK;
    for (size_t c = cap; c > 1; c >>= 1) bits++;
    if (cap > SIZE_MAX / sizeof(pc_map_slot)) return PRECIS_ENOMEM;
    pc_map_slot *s = malloc(cap * sizeof *s);
    if (!s) return PRECIS_ENOMEM;
    memset(s, 0xFF, cap * sizeof *s); /* every val PC_MAP_NONE (all ones) */
    pc_map old = *m;
    m->slots = s;
    m->cap = cap;
    m->shift = 64 - bits;
    /* Moved run by run, from an empty slot on: keys that probe alike keep
     * their order (the first stored is the first found) across growth. */
    size_t start = 0;
    while (start < old.cap && old.slots[start].val != PC_MAP_NONE) start++;
    for (size_t k = 0; k < old.cap; k++) {
        const pc_map_slot *o = &old.slots[(start + k) & (old.cap - 1)];
        if (o->val != PC_MAP_NONE) s[empty_slot(m, o->key)] = *o;
    }
    free(old.slots);
    return PRECIS_OK;
}

precis_status pc_map_add(pc_map *m, uint64_t key, uint32_t val)
{
    if (val == PC_MAP_NONE) return PRECIS_EINVAL;
    if (2 * (m->n + 1) > m->cap || (m->limit && m->n >= m->limit)) { /* the common case skips the call */
        precis_status st = pc_map_reserve(m, 1);
        if (st) return st;
    }
    m->slots[empty_slot(m, key)] = (pc_map_slot){key, val};
    m->n++;
    return PRECIS_OK;
}

/* ---- pc_strset ------------------------------------------------------------ */

#include <xxhash.h>

void pc_strset_init(pc_strset *set)
{
    uint64_t (*h)(const char *, size_t) = set->hash;
    memset(set, 0, sizeof *set);
    set->hash = h;
    pc_map_init(&set->map, 0);
    pc_arena_init(&set->arena);
}

void pc_strset_free(pc_strset *set)
{
    pc_map_free(&set->map);
    pc_arena_reset(&set->arena);
    free(set->v);
    pc_strset_init(set);
}

static uint64_t strset_hash(const pc_strset *set, const char *s, size_t n)
{
    return set->hash ? set->hash(s, n) : XXH3_64bits(s, n);
}

static bool strset_eq(const void *ctx, uint32_t val)
{
    const pc_map_bytes *p = ctx;
    const pc_strset *set = p->owner;
    return val < set->n && pc_map_same_bytes(p, set->v[val].s, set->v[val].n);
}

bool pc_strset_has(const pc_strset *set, const char *s, size_t n)
{
    pc_map_bytes probe = {set, s, n};
    return pc_map_get(&set->map, strset_hash(set, s, n), strset_eq, &probe) != PC_MAP_NONE;
}

precis_status pc_strset_add(pc_strset *set, const char *s, size_t n, bool *added)
{
    if (added) *added = false;
    uint64_t h = strset_hash(set, s, n);
    pc_map_bytes probe = {set, s, n};
    if (pc_map_get(&set->map, h, strset_eq, &probe) != PC_MAP_NONE) return PRECIS_OK;
    if (set->n >= PC_MAP_NONE) return PRECIS_ELIMIT;
    if (pc_grow(&set->v, &set->cap, set->n + 1, sizeof *set->v, 64)) return PRECIS_ENOMEM;
    char *copy = pc_arena_strndup(&set->arena, s ? s : "", n);
    if (!copy) return PRECIS_ENOMEM;
    precis_status st = pc_map_add(&set->map, h, (uint32_t)set->n);
    if (st) return st;
    set->v[set->n++] = (pc_strset_entry){copy, n};
    if (added) *added = true;
    return PRECIS_OK;
}
