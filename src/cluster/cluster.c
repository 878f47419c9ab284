/* Online story clustering (see cluster.h). */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DF_BITS 18 /* 256K 16-bit counters (512 KiB: stays in cache): bounded, approximate document
                   * frequencies; halved with the document count when one saturates, so they
                   * follow the stream's recent vocabulary */
#define DOC_TERMS_MAX 4096
#define QUERY_TERMS 16   /* strongest article terms used to find candidate stories */
#define CHAIN_MAX 32    /* postings of one term scanned per article (newest first) */
#define RESCORE 16       /* candidates scored exactly */
#define MAX_ENTITIES 64

typedef pk_term_weight term_weight;

typedef struct story {
    uint32_t id;            /* public story id */
    uint32_t gen;           /* bumped when the slot is reused; postings carry it */
    bool open;
    int64_t last_time;
    uint64_t last_seq;      /* arrival number of its newest article, for eviction */
    term_weight *centroid;  /* sorted by term; sum of member vectors, pruned */
    size_t n_centroid;
    double norm;            /* L2 norm of centroid */
    uint64_t *entities;     /* sorted unique, bounded */
    size_t n_entities;
    uint32_t size;
} story;

/* Inverted index: term -> the (slot, generation) of the stories whose
 * centroid took the term, newest last, in one contiguous run of a shared
 * pool so a scan reads consecutive memory. A run that fills moves to the end
 * of the pool with twice the room; the holes and the postings of closed
 * stories are squeezed out when they are the majority. */
typedef struct tpost {
    uint32_t slot, gen;
} tpost;

typedef struct tlist {
    uint64_t term; /* 0 = empty cell */
    uint32_t off, len, cap;
} tlist;

struct pk_clusterer {
    pk_options o;
    uint16_t *df;
    uint64_t df_docs; /* documents the df table counts (halved with it) */
    uint64_t n_docs;
    story *stories; /* slots; a closed story's slot is reused, so memory follows the open set */
    size_t n_slots, cap_stories, n_open;
    uint32_t next_id;
    uint32_t *free_slots; /* closed slots ready for reuse */
    size_t n_free;
    tlist *tab;          /* open addressing, power-of-two size */
    size_t n_tab, n_terms;
    tpost *pool;
    size_t pool_len, pool_cap, pool_dead; /* dead: holes and closed stories' postings */
    uint32_t *live_gen;  /* per slot: its generation while open, 0 when closed (hot in cache) */
    uint32_t *seen;
    float *acc;     /* per slot: shared query weight of the current article */
    uint32_t *cand; /* candidate slots of the current article */
    uint32_t stamp;
    term_weight *scratch;
    size_t cap_scratch;
    uint32_t last_slot, last_gen;
    uint64_t seq; /* arrivals and refreshes, for least-recently-updated eviction */
};

static uint64_t mix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

precis_status pk_new(const pk_options *opts, pk_clusterer **out)
{
    pk_clusterer *c = calloc(1, sizeof *c);
    if (!c) return PRECIS_ENOMEM;
    if (opts) c->o = *opts;
    if (c->o.threshold <= 0) c->o.threshold = 0.30;
    if (c->o.entity_weight < 0 || c->o.entity_weight == 0) c->o.entity_weight = 0.15;
    if (c->o.quiet_seconds <= 0) c->o.quiet_seconds = 3 * 86400;
    if (!c->o.max_open) c->o.max_open = 5000;
    if (!c->o.centroid_terms) c->o.centroid_terms = 200;
    c->df = calloc((size_t)1 << DF_BITS, sizeof *c->df);
    c->cand = malloc(QUERY_TERMS * CHAIN_MAX * sizeof *c->cand);
    if (!c->df || !c->cand) {
        free(c->df);
        free(c->cand);
        free(c);
        return PRECIS_ENOMEM;
    }
    *out = c;
    return PRECIS_OK;
}

void pk_free(pk_clusterer *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n_slots; i++) {
        free(c->stories[i].centroid);
        free(c->stories[i].entities);
    }
    free(c->stories);
    free(c->free_slots);
    free(c->tab);
    free(c->pool);
    free(c->live_gen);
    free(c->seen);
    free(c->acc);
    free(c->cand);
    free(c->scratch);
    free(c->df);
    free(c);
}

size_t pk_open_count(const pk_clusterer *c) { return c->n_open; }

static int cmp_term(const void *a, const void *b)
{
    uint64_t x = ((const term_weight *)a)->term, y = ((const term_weight *)b)->term;
    return x < y ? -1 : x > y;
}

static int cmp_weight_desc(const void *a, const void *b)
{
    const term_weight *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? 1 : -1;
    return x->term < y->term ? -1 : x->term > y->term; /* deterministic ties */
}

/* Moves the keep strongest of v[0..n) (cmp_weight_desc order: a total order,
 * terms being distinct) to v[0..keep), in no particular order; returns keep.
 * Quickselect: the same set as sorting all n and keeping the first, without
 * sorting the rest. */
static size_t select_strongest(term_weight *v, size_t n, size_t keep)
{
    size_t lo = 0, hi = n; /* the boundary keep lies in [lo, hi) */
    while (hi - lo > 1) {
        /* median of three as the pivot, moved to the end */
        size_t mid = lo + (hi - lo) / 2, last = hi - 1;
        if (cmp_weight_desc(&v[mid], &v[lo]) < 0) { term_weight t = v[mid]; v[mid] = v[lo]; v[lo] = t; }
        if (cmp_weight_desc(&v[last], &v[lo]) < 0) { term_weight t = v[last]; v[last] = v[lo]; v[lo] = t; }
        if (cmp_weight_desc(&v[mid], &v[last]) < 0) { term_weight t = v[mid]; v[mid] = v[last]; v[last] = t; }
        term_weight pivot = v[last];
        size_t store = lo;
        for (size_t i = lo; i < last; i++)
            if (cmp_weight_desc(&v[i], &pivot) < 0) {
                term_weight t = v[i];
                v[i] = v[store];
                v[store++] = t;
            }
        v[last] = v[store];
        v[store] = pivot; /* v[lo..store) before the pivot, v[store + 1..hi) after */
        if (store == keep || store + 1 == keep) break;
        if (keep < store) hi = store;
        else lo = store + 1;
    }
    return keep;
}

/* ---- inverted index: term -> stories whose centroid had the term ------- */

static uint64_t term_key(uint64_t term) { return term ? term : 1; }

/* The cell of term (existing, or the empty cell where it goes). */
static tlist *tab_find(const pk_clusterer *c, uint64_t term)
{
    size_t mask = c->n_tab - 1;
    for (size_t b = mix64(term) & mask;; b = (b + 1) & mask)
        if (c->tab[b].term == term || !c->tab[b].term) return &c->tab[b];
}

/* Rebuilds table and pool from the live postings (closed stories and holes
 * dropped), sized for `want_terms` terms. */
static precis_status index_rebuild(pk_clusterer *c, size_t want_terms)
{
    size_t live_terms = 0, live_posts = 0;
    for (size_t i = 0; i < c->n_tab; i++) {
        const tlist *t = &c->tab[i];
        if (!t->term) continue;
        size_t n = 0;
        for (size_t k = 0; k < t->len; k++) {
            const tpost *p = &c->pool[t->off + k];
            n += c->live_gen[p->slot] == p->gen;
        }
        if (n) live_terms++;
        live_posts += n;
    }
    if (want_terms < live_terms) want_terms = live_terms;
    size_t n_tab = 1024;
    while (n_tab < 2 * want_terms + 2) n_tab *= 2;
    size_t pool_cap = live_posts + live_posts / 2 + 4096;
    tlist *tab = calloc(n_tab, sizeof *tab);
    tpost *pool = malloc(pool_cap * sizeof *pool);
    if (!tab || !pool) {
        free(tab);
        free(pool);
        return PRECIS_ENOMEM;
    }
    size_t len = 0;
    for (size_t i = 0; i < c->n_tab; i++) {
        const tlist *t = &c->tab[i];
        if (!t->term) continue;
        size_t start = len;
        for (size_t k = 0; k < t->len; k++) {
            const tpost *p = &c->pool[t->off + k];
            if (c->live_gen[p->slot] == p->gen) pool[len++] = *p;
        }
        if (len == start) continue;
        size_t mask = n_tab - 1, b = mix64(t->term) & mask;
        while (tab[b].term) b = (b + 1) & mask;
        tab[b] = (tlist){t->term, (uint32_t)start, (uint32_t)(len - start), (uint32_t)(len - start)};
    }
    free(c->tab);
    free(c->pool);
    c->tab = tab;
    c->n_tab = n_tab;
    c->n_terms = live_terms;
    c->pool = pool;
    c->pool_len = len;
    c->pool_cap = pool_cap;
    c->pool_dead = 0;
    return PRECIS_OK;
}

static precis_status pool_reserve(pk_clusterer *c, size_t extra)
{
    if (c->pool_len + extra <= c->pool_cap) return PRECIS_OK;
    size_t cap = c->pool_cap ? c->pool_cap : 4096;
    while (cap < c->pool_len + extra) cap *= 2;
    if (cap > UINT32_MAX) return PRECIS_ELIMIT;
    tpost *p = realloc(c->pool, cap * sizeof *p);
    if (!p) return PRECIS_ENOMEM;
    c->pool = p;
    c->pool_cap = cap;
    return PRECIS_OK;
}

static precis_status index_put(pk_clusterer *c, uint64_t term, uint32_t slot, uint32_t gen)
{
    term = term_key(term);
    precis_status st;
    if (!c->n_tab || c->n_terms + 1 > c->n_tab / 2) {
        if ((st = index_rebuild(c, 2 * c->n_terms + 1024))) return st;
    }
    tlist *t = tab_find(c, term);
    if (!t->term) {
        *t = (tlist){term, 0, 0, 0};
        c->n_terms++;
    }
    if (t->len == t->cap) { /* move the run to the end with twice the room */
        uint32_t cap = t->cap ? 2 * t->cap : 2;
        if ((st = pool_reserve(c, cap))) return st;
        memcpy(c->pool + c->pool_len, c->pool + t->off, t->len * sizeof *c->pool);
        c->pool_dead += t->cap;
        t->off = (uint32_t)c->pool_len;
        t->cap = cap;
        c->pool_len += cap;
    }
    c->pool[t->off + t->len++] = (tpost){slot, gen};
    return PRECIS_OK;
}

static void close_story(pk_clusterer *c, story *s)
{
    s->open = false;
    c->n_open--;
    c->pool_dead += s->n_centroid;
    c->live_gen[s - c->stories] = 0;
    free(s->centroid);
    free(s->entities);
    s->centroid = NULL;
    s->entities = NULL;
    s->n_centroid = s->n_entities = 0;
    c->free_slots[c->n_free++] = (uint32_t)(s - c->stories);
}

/* ---- article vector ------------------------------------------------------- */

static size_t df_slot(uint64_t term) { return mix64(term) & (((size_t)1 << DF_BITS) - 1); }

/* Builds the article's L2-normalised TF-IDF vector, sorted by term, in
 * c->scratch; returns its length. Updates document frequencies first so a
 * term's first occurrence already counts. */
static precis_status article_vector(pk_clusterer *c, const pk_item *it, size_t *n_out)
{
    size_t n = it->n_terms < DOC_TERMS_MAX ? it->n_terms : DOC_TERMS_MAX;
    if (n > c->cap_scratch) {
        term_weight *p = realloc(c->scratch, n * sizeof *p);
        if (!p) return PRECIS_ENOMEM;
        c->scratch = p;
        c->cap_scratch = n;
    }
    term_weight *v = c->scratch;
    for (size_t i = 0; i < n; i++) {
        v[i].term = it->terms[i];
        v[i].w = 1;
    }
    if (n) qsort(v, n, sizeof *v, cmp_term);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u && v[u - 1].term == v[i].term) v[u - 1].w += 1;
        else v[u++] = v[i];
    }
    c->n_docs++;
    c->df_docs++;
    double norm = 0;
    for (size_t i = 0; i < u; i++) {
        uint16_t *df = &c->df[df_slot(v[i].term)];
        if (*df == UINT16_MAX) { /* decay: halve every count and the document count */
            for (size_t k = 0; k < ((size_t)1 << DF_BITS); k++) c->df[k] >>= 1;
            c->df_docs >>= 1;
        }
        (*df)++;
        /* 100 pseudo-documents of prior keep the first articles of a stream
         * from having every shared term look common. */
        double idf = log((double)(c->df_docs + 100) / (double)(*df + 1));
        if (idf < 0) idf = 0;
        double w = (1.0 + log(v[i].w)) * idf;
        v[i].w = (float)w;
        norm += w * w;
    }
    norm = sqrt(norm);
    for (size_t i = 0; i < u && norm > 0; i++) v[i].w = (float)(v[i].w / norm);
    *n_out = u;
    return PRECIS_OK;
}

static double entity_overlap(const uint64_t *a, size_t na, const story *s)
{
    if (!na || !s->n_entities) return 0;
    size_t shared = 0;
    for (size_t i = 0; i < na; i++)
        if (bsearch(&a[i], s->entities, s->n_entities, sizeof *a, pc_cmp_u64)) shared++;
    return (double)shared / (double)(na < s->n_entities ? na : s->n_entities);
}

/* ---- story update ------------------------------------------------------------ */

static precis_status story_absorb(pk_clusterer *c, story *s, const term_weight *v, size_t nv,
                                  const uint64_t *ents, size_t ne)
{
    size_t cap = s->n_centroid + nv;
    term_weight *m = malloc((cap ? cap : 1) * sizeof *m);
    if (!m) return PRECIS_ENOMEM;
    size_t i = 0, j = 0, k = 0;
    const term_weight *a = s->centroid;
    while (i < s->n_centroid || j < nv) {
        if (j >= nv || (i < s->n_centroid && a[i].term < v[j].term)) {
            m[k] = a[i++];
            m[k++].fresh = 0;
        } else if (i >= s->n_centroid || v[j].term < a[i].term) {
            m[k] = v[j++];
            m[k++].fresh = 1;
        } else {
            m[k] = a[i++];
            m[k].fresh = 0;
            m[k++].w += v[j++].w;
        }
    }
    if (k > c->o.centroid_terms) { /* keep the strongest terms */
        k = select_strongest(m, k, c->o.centroid_terms);
        qsort(m, k, sizeof *m, cmp_term);
    }
    /* Index the terms new to this centroid. */
    for (size_t t = 0; t < k; t++) {
        if (!m[t].fresh) continue;
        m[t].fresh = 0;
        precis_status st = index_put(c, m[t].term, (uint32_t)(s - c->stories), s->gen);
        if (st) {
            free(m);
            return st;
        }
    }
    free(s->centroid);
    s->centroid = m;
    s->n_centroid = k;
    double norm = 0;
    for (size_t t = 0; t < k; t++) norm += (double)m[t].w * m[t].w;
    s->norm = sqrt(norm);

    if (ne) { /* both sorted and unique: merge, keep the lowest hashes (bounded) */
        size_t room = s->n_entities + ne;
        if (room > 4 * MAX_ENTITIES) room = 4 * MAX_ENTITIES;
        uint64_t *e = malloc(room * sizeof *e);
        if (!e) return PRECIS_ENOMEM;
        size_t x = 0, y = 0, u = 0;
        const uint64_t *old = s->entities;
        while (u < room && (x < s->n_entities || y < ne)) {
            uint64_t h;
            if (y >= ne || (x < s->n_entities && old[x] < ents[y])) h = old[x++];
            else if (x >= s->n_entities || ents[y] < old[x]) h = ents[y++];
            else {
                h = old[x++];
                y++;
            }
            e[u++] = h;
        }
        free(s->entities);
        s->entities = e;
        s->n_entities = u;
    }
    return PRECIS_OK;
}

typedef struct seq_slot {
    uint64_t seq;
    uint32_t slot;
} seq_slot;

static int cmp_seq(const void *a, const void *b)
{
    uint64_t x = ((const seq_slot *)a)->seq, y = ((const seq_slot *)b)->seq;
    return x < y ? -1 : x > y;
}

/* A dated article moves its story's last time forward; an undated one
 * (PK_TIME_UNKNOWN) leaves it. */
static void story_seen_at(story *s, int64_t time)
{
    if (time != PK_TIME_UNKNOWN && (s->last_time == PK_TIME_UNKNOWN || time > s->last_time)) s->last_time = time;
}

static void close_quiet_stories(pk_clusterer *c, int64_t now)
{
    for (size_t i = 0; i < c->n_slots; i++) {
        story *s = &c->stories[i];
        if (s->open && now != PK_TIME_UNKNOWN && s->last_time != PK_TIME_UNKNOWN &&
            now - s->last_time > c->o.quiet_seconds)
            close_story(c, s);
    }
    if (c->n_open < c->o.max_open) return;
    /* Evict the least recently updated sixteenth at once: one sort per
     * max_open/16 articles instead of a scan per article. */
    seq_slot *v = malloc(c->n_open * sizeof *v);
    size_t n = 0;
    if (!v) { /* no memory for the batch: evict just the oldest */
        story *oldest = NULL;
        for (size_t i = 0; i < c->n_slots; i++) {
            story *s = &c->stories[i];
            if (s->open && (!oldest || s->last_seq < oldest->last_seq)) oldest = s;
        }
        if (oldest) close_story(c, oldest);
        return;
    }
    for (size_t i = 0; i < c->n_slots; i++)
        if (c->stories[i].open) v[n++] = (seq_slot){c->stories[i].last_seq, (uint32_t)i};
    qsort(v, n, sizeof *v, cmp_seq);
    size_t k = c->o.max_open / 16 + 1;
    if (k > n) k = n;
    for (size_t i = 0; i < k; i++) close_story(c, &c->stories[v[i].slot]);
    free(v);
}

precis_status pk_add(pk_clusterer *c, const pk_item *it, uint32_t *story_out, double *score_out)
{
    precis_status st;
    size_t nv;
    if ((st = article_vector(c, it, &nv))) return st;
    const term_weight *v = c->scratch;

    uint64_t ents[MAX_ENTITIES];
    size_t ne = 0;
    for (size_t i = 0; i < it->n_entities && ne < MAX_ENTITIES; i++) ents[ne++] = it->entities[i];
    pc_sort_u64(ents, ne);
    size_t u = 0;
    for (size_t i = 0; i < ne; i++)
        if (!u || ents[u - 1] != ents[i]) ents[u++] = ents[i];
    ne = u;

    /* Closing by quiet period is checked every 64 articles: cheap and bounded. */
    if ((c->n_docs & 63) == 0 || c->n_open >= c->o.max_open) close_quiet_stories(c, it->time);
    if (c->pool_dead > 65536 && c->pool_dead > c->pool_len / 2 && (st = index_rebuild(c, c->n_terms)))
        return st;

    /* Candidates: open stories sharing one of the article's strongest terms
     * among those seen before (a term only this article has is in no story).
     * Each candidate accumulates the query weights of the terms it shares
     * (newest postings first, at most CHAIN_MAX per term, so a common term
     * costs a bounded scan); only the RESCORE best are scored exactly. */
    term_weight query[QUERY_TERMS];
    size_t nq = 0;
    for (size_t i = 0; i < nv; i++) {
        if (c->df[df_slot(v[i].term)] <= 1) continue;
        /* keep the QUERY_TERMS heaviest: insertion into a short sorted array */
        size_t k = nq < QUERY_TERMS ? nq++ : QUERY_TERMS;
        if (k == QUERY_TERMS && cmp_weight_desc(&v[i], &query[QUERY_TERMS - 1]) >= 0) continue;
        if (k == QUERY_TERMS) k--;
        while (k > 0 && cmp_weight_desc(&v[i], &query[k - 1]) < 0) {
            query[k] = query[k - 1];
            k--;
        }
        query[k] = v[i];
    }
    if (++c->stamp == 0) {
        if (c->seen) memset(c->seen, 0, c->cap_stories * sizeof *c->seen);
        c->stamp = 1;
    }
    size_t n_cand = 0;
    for (size_t q = 0; q < nq && c->n_tab; q++) {
        const tlist *t = tab_find(c, term_key(query[q].term));
        if (!t->term) continue;
        const tpost *run = c->pool + t->off;
        size_t stop = t->len > CHAIN_MAX ? t->len - CHAIN_MAX : 0;
        for (size_t k = t->len; k-- > stop;) {
            uint32_t slot = run[k].slot;
            if (c->live_gen[slot] != run[k].gen) continue;
            if (c->seen[slot] != c->stamp) {
                c->seen[slot] = c->stamp;
                c->acc[slot] = 0;
                c->cand[n_cand++] = slot;
            }
            c->acc[slot] += query[q].w;
        }
    }
    /* the RESCORE candidates with the most shared query weight (ties: older story) */
    uint32_t top[RESCORE];
    size_t n_top = 0;
    for (size_t i = 0; i < n_cand; i++) {
        uint32_t x = c->cand[i];
        size_t k = n_top < RESCORE ? n_top++ : RESCORE;
        if (k == RESCORE) {
            uint32_t last = top[RESCORE - 1];
            if (c->acc[x] < c->acc[last] || (c->acc[x] == c->acc[last] && c->stories[x].id > c->stories[last].id))
                continue;
            k--;
        }
        while (k > 0 && (c->acc[x] > c->acc[top[k - 1]] ||
                         (c->acc[x] == c->acc[top[k - 1]] && c->stories[x].id < c->stories[top[k - 1]].id))) {
            top[k] = top[k - 1];
            k--;
        }
        top[k] = x;
    }
    int64_t best = -1;
    double best_score = 0, best_any = 0;
    for (size_t i = 0; i < n_top; i++) {
        const story *s = &c->stories[top[i]];
        if (s->norm <= 0) continue;
        double score = pk_dot(v, nv, s->centroid, s->n_centroid) / s->norm;
        score += c->o.entity_weight * entity_overlap(ents, ne, s);
        int64_t gap = it->time == PK_TIME_UNKNOWN || s->last_time == PK_TIME_UNKNOWN ? 0 : it->time - s->last_time;
        if (gap > 86400) /* older stories need a closer match */
            score *= 1.0 - 0.5 * (double)(gap - 86400) / (double)c->o.quiet_seconds;
        if (score > best_any) best_any = score;
        if (score >= c->o.threshold &&
            (score > best_score || (score == best_score && s->id < c->stories[best].id))) {
            best_score = score;
            best = top[i];
        }
    }

    story *s;
    if (best >= 0) {
        s = &c->stories[best];
    } else {
        size_t slot = c->n_free ? c->free_slots[--c->n_free] : c->n_slots;
        if (slot == c->n_slots && c->n_slots == c->cap_stories) {
            size_t cap = c->cap_stories ? c->cap_stories * 2 : 256;
            story *ns = realloc(c->stories, cap * sizeof *ns);
            if (!ns) return PRECIS_ENOMEM;
            c->stories = ns;
            uint32_t *seen = realloc(c->seen, cap * sizeof *seen);
            if (!seen) return PRECIS_ENOMEM;
            memset(seen + c->cap_stories, 0, (cap - c->cap_stories) * sizeof *seen);
            c->seen = seen;
            float *acc = realloc(c->acc, cap * sizeof *acc);
            if (!acc) return PRECIS_ENOMEM;
            c->acc = acc;
            uint32_t *lg = realloc(c->live_gen, cap * sizeof *lg);
            if (!lg) return PRECIS_ENOMEM;
            memset(lg + c->cap_stories, 0, (cap - c->cap_stories) * sizeof *lg);
            c->live_gen = lg;
            uint32_t *fs = realloc(c->free_slots, cap * sizeof *fs);
            if (!fs) return PRECIS_ENOMEM;
            c->free_slots = fs;
            c->cap_stories = cap;
        }
        if (slot == c->n_slots) {
            memset(&c->stories[slot], 0, sizeof c->stories[slot]);
            c->n_slots++;
        }
        s = &c->stories[slot];
        uint32_t gen = s->gen + 1;
        memset(s, 0, sizeof *s);
        s->gen = gen;
        c->live_gen[slot] = gen;
        s->id = c->next_id++;
        s->open = true;
        c->n_open++;
        best_score = best_any;
    }
    if (s->size == 0) s->last_time = it->time;
    else story_seen_at(s, it->time);
    s->last_seq = ++c->seq;
    s->size++;
    if ((st = story_absorb(c, s, v, nv, ents, ne))) return st;
    *story_out = s->id;
    if (score_out) *score_out = best_score;
    c->last_slot = (uint32_t)(s - c->stories);
    c->last_gen = s->gen;
    return PRECIS_OK;
}

void pk_last_slot(const pk_clusterer *c, uint32_t *slot, uint32_t *gen)
{
    *slot = c->last_slot;
    *gen = c->last_gen;
}

void pk_touch(pk_clusterer *c, uint32_t slot, uint32_t gen, int64_t time)
{
    if (slot >= c->n_slots) return;
    story *s = &c->stories[slot];
    if (!s->open || s->gen != gen) return;
    story_seen_at(s, time);
    s->last_seq = ++c->seq;
    s->size++;
}
