/* cluster.h — online story clustering.
 *
 * Articles arrive in time order as feature bags (hashes of stemmed content
 * words and of entity names, produced by the text layer); each joins the most
 * similar open story or starts a new one. Similarity is the cosine of the
 * article's TF-IDF vector with the story centroid, plus a bonus for shared
 * entities, damped by the time since the story's last article.
 *
 * Memory stays flat on an endless stream: document frequencies live in a
 * fixed-size counter table, centroids keep their strongest terms only, and
 * stories close after a quiet period or when too many are open (least
 * recently updated first). Output depends only on the input order. */
#ifndef PRECIS_CLUSTER_H
#define PRECIS_CLUSTER_H

#include "core/core.h"

/* Time of an article that came before any dated one: no proximity, never
 * closes anything; a story of such articles takes the first real time it gets. */
#define PK_TIME_UNKNOWN INT64_MIN

typedef struct pk_item {
    const uint64_t *terms;   /* content-word hashes, repeats count as term frequency */
    size_t n_terms;
    const uint64_t *entities; /* entity-name hashes (repeats ignored) */
    size_t n_entities;
    int64_t time;            /* seconds, or PK_TIME_UNKNOWN; must not decrease by more than the quiet period */
} pk_item;

typedef struct pk_options {
    double threshold;        /* join a story at or above this score (default 0.30) */
    double entity_weight;    /* bonus per unit of entity overlap (default 0.15) */
    int64_t quiet_seconds;   /* a story closes after this long without articles (default 3 days) */
    size_t max_open;         /* at most this many open stories (default 5000) */
    size_t centroid_terms;   /* strongest terms a centroid keeps (default 200) */
} pk_options;

typedef struct pk_clusterer pk_clusterer;

/* opts may be NULL for defaults. *out is owned by the caller: pk_free. */
precis_status pk_new(const pk_options *opts, pk_clusterer **out);
void pk_free(pk_clusterer *c);

/* Assigns one article; *story receives the story id (ids count up from 0 in
 * order of creation). *score (may be NULL) receives the winning similarity,
 * or for a new story the best one that fell short (0: no candidate). */
precis_status pk_add(pk_clusterer *c, const pk_item *item, uint32_t *story, double *score);

/* The clusterer slot and generation of the story the last pk_add chose, so a
 * caller can refresh that story later without a lookup. */
void pk_last_slot(const pk_clusterer *c, uint32_t *slot, uint32_t *gen);

/* Refreshes a story's clock (a copy of one of its articles arrived) without
 * changing its centroid; no-op when that story has closed since. */
void pk_touch(pk_clusterer *c, uint32_t slot, uint32_t gen, int64_t time);

/* Stories currently open (not yet closed by quiet period or eviction). */
size_t pk_open_count(const pk_clusterer *c);

/* A sparse vector entry, both passes: vectors are arrays sorted by term. */
typedef struct pk_term_weight {
    uint64_t term;
    float w;
    union {             /* fills the padding; each pass uses its own */
        uint32_t fresh; /* online, during a merge: the term is new to the centroid */
        float spec;     /* batch centroid: sum over its members holding the term of 1 / df */
    };
} pk_term_weight;

/* Dot product of two term-sorted sparse vectors: the one both passes use. */
static inline double pk_dot(const pk_term_weight *a, size_t na, const pk_term_weight *b, size_t nb)
{
    double d = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].term < b[j].term) i++;
        else if (a[i].term > b[j].term) j++;
        else d += (double)a[i++].w * b[j++].w;
    }
    return d;
}

/* ---- batch re-clustering (batch.c) ---------------------------------------- */

#define PK_BATCH_K 20          /* neighbours kept per article */
#define PK_BATCH_MAX_DF 2048   /* terms in more articles are skipped when scoring neighbours */
#define PK_BATCH_SCAN_DF 384   /* ... and in more than this, when finding them (chosen on Multi-News train; batch.c) */
#define PK_BATCH_LINK 0.21     /* mean pairwise cosine for two groups to merge (chosen on Multi-News train) */
#define PK_BATCH_ATTACH 0.13   /* mean strong-edge cosine for a lone article to join a group (same; docs/cluster.md) */
#define PK_BATCH_ATTACH_K 7    /* ... strong: among the attach_k best of both (whole) or one (half) of the two */
#define PK_BATCH_CENTROID 0.2  /* centroid cosine for two groups of 2+ to be weighed for a merge (see batch.c) */
#define PK_BATCH_SUPPORT 0.2   /* ... and the share of specific terms they must have in common (same) */
#define PK_BATCH_MIN_MERGED 20 /* ... and the articles the merged group must reach (same) */
#define PK_BATCH_TIME_HORIZON 30 /* quiet periods: dated articles further apart weigh horizon / gap of half */
#define PK_BATCH_NAME_WEIGHT 0.05 /* bonus x the share of names two articles share (online: 0.15; docs/stories.md) */

typedef struct pk_batch_input {
    size_t n;                  /* articles */
    const size_t *off;         /* terms of article i: term[off[i] .. off[i + 1]) (n + 1 entries) */
    const uint64_t *term;      /* distinct within an article */
    const float *w;            /* unit-vector weights, one per term */
    const int64_t *time;       /* per article, PK_TIME_UNKNOWN allowed; NULL: no time */
    int64_t quiet_seconds;     /* dated articles further apart count half their similarity, less past the horizon */
    const uint8_t *not_lone;   /* per article (may be NULL): has copies, never a lone article */
    const uint8_t *is_name;    /* per term (may be NULL: no names): the term is one of the
                                  article's names (for the name bonus) */
    const uint32_t *rank;      /* per term (may be NULL: pk_batch counts them): pk_term_ranks's */
    size_t n_ranks;            /* ... and its n_ranks */
} pk_batch_input;

/* rank[k] = the rank of term[k] among the distinct values of term[0 .. nt)
 * in increasing order (equal terms, equal ranks); *n_ranks = how many. */
precis_status pk_term_ranks(const uint64_t *term, size_t nt, uint32_t *rank, size_t *n_ranks);

typedef struct pk_batch_options {
    size_t k, max_df, scan_df; /* 0: defaults above (scan_df at most max_df) */
    double link, attach;       /* 0: defaults above */
    size_t attach_k;           /* 0: default above */
    double centroid;           /* 0: default above; negative: no centroid merging */
    double support;            /* 0: default above; negative: no support asked */
    size_t min_merged;         /* 0: default above */
    double name_weight;        /* 0: default above; negative: no name bonus */
} pk_batch_options;

/* Groups the whole input from scratch: k-nearest-neighbour graph by cosine
 * (plus `name_weight` x the share of names two articles share, as online),
 * average-linkage agglomeration down to `link`, centroid merging of groups
 * that share their specific terms (`centroid`, `support`, `min_merged`),
 * lone articles attached at `attach` (see batch.c). label[i] receives a group representative (an
 * article index) or UINT32_MAX for an article without terms. Deterministic. */
precis_status pk_batch(const pk_batch_input *in, const pk_batch_options *opts, uint32_t *label);

#endif
