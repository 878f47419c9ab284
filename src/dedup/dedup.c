/* MinHash + LSH and SimHash (see dedup.h). */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

uint64_t pd_token_hash(const char *s, size_t n) { return XXH3_64bits(s, n); }

/* splitmix64: a bijective mixer; seeded per permutation it gives the K
 * independent-enough hash functions MinHash needs from one shingle hash. */
static inline uint64_t mix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

static uint64_t shingle_hash(const uint64_t *t, size_t k)
{
    uint64_t h = 0x243F6A8885A308D3ull;
    for (size_t i = 0; i < k; i++) h = mix64(h ^ t[i]) + i;
    return h;
}

/* One-permutation MinHash (Li, Owen & Zhang 2012): each shingle is hashed
 * once; its top bits pick one of K buckets and each bucket keeps its least
 * value. Empty buckets (texts with fewer shingles than K) borrow from the
 * next non-empty bucket to the right, shifted by the distance (rotation
 * densification, Shrivastava & Li 2014), so two signatures still agree in a
 * bucket with probability ~ the Jaccard similarity. O(shingles + K) instead
 * of O(shingles * K). */
void pd_minhash(const uint64_t *tokens, size_t n, unsigned shingle, pd_signature *out)
{
    if (!shingle) shingle = PD_DEFAULT_SHINGLE;
    for (size_t j = 0; j < PD_MINHASH_K; j++) out->h[j] = UINT64_MAX;
    out->n_shingles = 0;
    if (n == 0) return;
    size_t k = n < shingle ? n : shingle;
    size_t windows = n - k + 1;
    for (size_t i = 0; i < windows; i++) {
        uint64_t v = mix64(shingle_hash(tokens + i, k));
        size_t b = (size_t)(v >> 57); /* top 7 bits: PD_MINHASH_K == 128 buckets */
        uint64_t low = v & 0x01FFFFFFFFFFFFFFull;
        if (low < out->h[b]) out->h[b] = low;
    }
    /* densify: rotate right-neighbours' values into empty buckets */
    size_t first = PD_MINHASH_K;
    for (size_t j = 0; j < PD_MINHASH_K; j++)
        if (out->h[j] != UINT64_MAX) {
            first = j;
            break;
        }
    if (first < PD_MINHASH_K) {
        uint64_t carry = out->h[first];
        size_t dist = 0;
        for (size_t step = PD_MINHASH_K; step > 0; step--) { /* right to left, circular */
            size_t j = (first + step) % PD_MINHASH_K;
            if (out->h[j] != UINT64_MAX && !(out->h[j] >> 57)) {
                carry = out->h[j];
                dist = 0;
            } else if (out->h[j] == UINT64_MAX) {
                dist++;
                out->h[j] = mix64(carry + dist) | (1ull << 63); /* marked: borrowed */
            }
        }
    }
    out->n_shingles = windows > UINT32_MAX ? UINT32_MAX : (uint32_t)windows;
}

double pd_jaccard(const pd_signature *a, const pd_signature *b)
{
    if (!a->n_shingles || !b->n_shingles) return 0.0;
    unsigned same = 0;
    for (size_t j = 0; j < PD_MINHASH_K; j++) same += a->h[j] == b->h[j];
    return (double)same / PD_MINHASH_K;
}

uint64_t pd_simhash(const uint64_t *tokens, size_t n)
{
    int32_t acc[64] = {0};
    for (size_t i = 0; i < n; i++) {
        uint64_t h = mix64(tokens[i]);
        for (int b = 0; b < 64; b++) acc[b] += (h >> b) & 1 ? 1 : -1;
    }
    uint64_t out = 0;
    for (int b = 0; b < 64; b++)
        if (acc[b] > 0) out |= 1ull << b;
    return out;
}

/* ---- LSH index ----------------------------------------------------------
 * Entries live in a slot array (signature + id). Each band of each entry is
 * one posting in a chained hash table keyed by (band, band hash). Removal
 * tombstones the slot; postings of dead slots are skipped and the whole
 * table is rebuilt once dead slots outnumber live ones, so memory follows
 * the live window, not the stream length. */

#define PD_BAND_WALK 64 /* postings read per band and query */

typedef struct entry {
    pd_signature sig;
    uint32_t id;
    bool live;
} entry;

typedef struct posting {
    uint64_t key;  /* band hash, mixed with the band number */
    uint32_t slot;
    uint32_t next; /* index into postings, UINT32_MAX = end */
} posting;

struct pd_index {
    double threshold;
    entry *slots;
    size_t n_slots, cap_slots, n_live;
    posting *postings;
    size_t n_postings, cap_postings;
    /* Not pc_map: a multimap (every slot sharing a band key, newest first, walk capped) as chains. */
    uint32_t *heads; /* bucket -> first posting */
    size_t n_heads;  /* power of two */
    uint32_t *seen;  /* per-slot stamp to visit each candidate once per query */
    uint32_t stamp;
    /* Not pc_map: rebuilt whole with the slots it indexes at each compaction; a removed id keeps its cell, the live flag skips it. */
    uint32_t *id_map; /* open addressing: id -> slot + 1 (0 = empty), rebuilt on compaction */
    size_t n_id_map;  /* power of two, > 2 * n_slots */
};

precis_status pd_index_new(double threshold, pd_index **out)
{
    pd_index *ix = calloc(1, sizeof *ix);
    if (!ix) return PRECIS_ENOMEM;
    ix->threshold = threshold > 0 ? threshold : PD_DEFAULT_THRESHOLD;
    *out = ix;
    return PRECIS_OK;
}

void pd_index_free(pd_index *ix)
{
    if (!ix) return;
    free(ix->slots);
    free(ix->postings);
    free(ix->heads);
    free(ix->seen);
    free(ix->id_map);
    free(ix);
}

size_t pd_index_size(const pd_index *ix) { return ix->n_live; }

static uint64_t band_key(const pd_signature *sig, size_t band)
{
    return XXH3_64bits_withSeed(&sig->h[band * PD_LSH_ROWS], PD_LSH_ROWS * sizeof(uint64_t),
                                band + 1);
}

static precis_status rehash(pd_index *ix, size_t n_heads)
{
    uint32_t *heads = malloc(n_heads * sizeof *heads);
    if (!heads) return PRECIS_ENOMEM;
    memset(heads, 0xFF, n_heads * sizeof *heads);
    for (size_t p = 0; p < ix->n_postings; p++) {
        size_t b = ix->postings[p].key & (n_heads - 1);
        ix->postings[p].next = heads[b];
        heads[b] = (uint32_t)p;
    }
    free(ix->heads);
    ix->heads = heads;
    ix->n_heads = n_heads;
    return PRECIS_OK;
}

static precis_status push_posting(pd_index *ix, uint64_t key, uint32_t slot)
{
    if (ix->n_postings == ix->cap_postings) {
        size_t cap = ix->cap_postings ? ix->cap_postings * 2 : 1024;
        posting *p = realloc(ix->postings, cap * sizeof *p);
        if (!p) return PRECIS_ENOMEM;
        ix->postings = p;
        ix->cap_postings = cap;
    }
    if (ix->n_postings + 1 > ix->n_heads / 2) {
        precis_status st = rehash(ix, ix->n_heads ? ix->n_heads * 2 : 2048);
        if (st) return st;
    }
    size_t b = key & (ix->n_heads - 1);
    posting *p = &ix->postings[ix->n_postings];
    p->key = key;
    p->slot = slot;
    p->next = ix->heads[b];
    ix->heads[b] = (uint32_t)ix->n_postings++;
    return PRECIS_OK;
}

static size_t id_bucket(const pd_index *ix, uint32_t id)
{
    return mix64(id) & (ix->n_id_map - 1);
}

static void id_map_put(pd_index *ix, uint32_t id, uint32_t slot)
{
    size_t b = id_bucket(ix, id);
    while (ix->id_map[b]) b = (b + 1) & (ix->n_id_map - 1);
    ix->id_map[b] = slot + 1;
}

/* Rebuilds the id map for the current slots, sized for `room` slots. */
static precis_status id_map_rebuild(pd_index *ix, size_t room)
{
    size_t n = 64;
    while (n < 2 * room + 2) n *= 2;
    uint32_t *m = calloc(n, sizeof *m);
    if (!m) return PRECIS_ENOMEM;
    free(ix->id_map);
    ix->id_map = m;
    ix->n_id_map = n;
    for (size_t s = 0; s < ix->n_slots; s++) id_map_put(ix, ix->slots[s].id, (uint32_t)s);
    return PRECIS_OK;
}

/* Drops dead slots and their postings; rebuilds the table. */
static precis_status compact(pd_index *ix)
{
    size_t w = 0;
    for (size_t s = 0; s < ix->n_slots; s++)
        if (ix->slots[s].live) ix->slots[w++] = ix->slots[s];
    ix->n_slots = w;
    ix->n_postings = 0;
    if (ix->heads) memset(ix->heads, 0xFF, ix->n_heads * sizeof *ix->heads);
    for (size_t s = 0; s < ix->n_slots; s++)
        for (size_t band = 0; band < PD_LSH_BANDS; band++) {
            precis_status st = push_posting(ix, band_key(&ix->slots[s].sig, band), (uint32_t)s);
            if (st) return st;
        }
    return id_map_rebuild(ix, ix->cap_slots);
}

precis_status pd_index_add(pd_index *ix, uint32_t id, const pd_signature *sig, int64_t *dup_of,
                           double *similarity)
{
    *dup_of = -1;
    if (similarity) *similarity = 0.0;
    if (ix->n_slots == ix->cap_slots) {
        if (ix->n_slots > 64 && ix->n_slots > 2 * ix->n_live) {
            precis_status st = compact(ix);
            if (st) return st;
        }
    }
    if (ix->n_slots == ix->cap_slots) {
        size_t cap = ix->cap_slots ? ix->cap_slots * 2 : 256;
        entry *e = realloc(ix->slots, cap * sizeof *e);
        uint32_t *seen = realloc(ix->seen, cap * sizeof *seen);
        if (e) ix->slots = e;
        if (seen) ix->seen = seen;
        if (!e || !seen) return PRECIS_ENOMEM;
        memset(ix->seen + ix->cap_slots, 0, (cap - ix->cap_slots) * sizeof *seen);
        ix->cap_slots = cap;
        precis_status st = id_map_rebuild(ix, cap);
        if (st) return st;
    }
    uint64_t keys[PD_LSH_BANDS];
    for (size_t band = 0; band < PD_LSH_BANDS; band++) keys[band] = band_key(sig, band);

    if (sig->n_shingles && ix->n_heads) {
        if (++ix->stamp == 0) { /* wrapped: reset stamps */
            memset(ix->seen, 0, ix->cap_slots * sizeof *ix->seen);
            ix->stamp = 1;
        }
        double best = -1.0;
        for (size_t band = 0; band < PD_LSH_BANDS; band++) {
            size_t walked = 0; /* newest first; bounded when many near-misses share a band */
            for (uint32_t p = ix->heads[keys[band] & (ix->n_heads - 1)]; p != UINT32_MAX && walked++ < PD_BAND_WALK;
                 p = ix->postings[p].next) {
                const posting *po = &ix->postings[p];
                if (po->key != keys[band] || ix->seen[po->slot] == ix->stamp) continue;
                ix->seen[po->slot] = ix->stamp;
                const entry *e = &ix->slots[po->slot];
                if (!e->live) continue;
                double j = pd_jaccard(sig, &e->sig);
                /* Slots are in insertion order, so ">" keeps the earliest on ties. */
                if (j >= ix->threshold && (j > best || (j == best && (int64_t)po->slot < *dup_of))) {
                    best = j;
                    *dup_of = po->slot; /* slot for now, id below */
                }
            }
        }
        if (*dup_of >= 0) {
            if (similarity) *similarity = best;
            *dup_of = ix->slots[*dup_of].id;
            /* A copy is not indexed itself: later copies meet the original,
             * so a text copied a thousand times stays one entry (short LSH
             * chains, and every copy names the first). */
            return PRECIS_OK;
        }
    }

    uint32_t slot = (uint32_t)ix->n_slots++;
    ix->slots[slot].sig = *sig;
    ix->slots[slot].id = id;
    ix->slots[slot].live = true;
    ix->seen[slot] = 0;
    ix->n_live++;
    id_map_put(ix, id, slot);
    for (size_t band = 0; band < PD_LSH_BANDS; band++) {
        precis_status st = push_posting(ix, keys[band], slot);
        if (st) return st;
    }
    return PRECIS_OK;
}

void pd_index_remove(pd_index *ix, uint32_t id)
{
    if (!ix->n_id_map) return;
    /* Dead slots keep their map cell (so probe chains stay intact) until compaction. */
    for (size_t b = id_bucket(ix, id); ix->id_map[b]; b = (b + 1) & (ix->n_id_map - 1)) {
        entry *e = &ix->slots[ix->id_map[b] - 1];
        if (e->id == id && e->live) {
            e->live = false;
            ix->n_live--;
            return;
        }
    }
}
