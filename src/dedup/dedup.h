/* dedup.h — near-duplicate detection for articles and sentences.
 *
 * Works on token hashes, not text, so every caller tokenizes with the one
 * tokenizer of src/text and this module never re-parses anything:
 *  - MinHash signatures over word k-shingles, with an LSH index (banding) that
 *    finds earlier near-duplicates of a new article in O(bands) lookups; the
 *    index supports removal so a stream can keep a bounded window.
 *  - SimHash (64-bit) for short texts such as sentences, compared by Hamming
 *    distance.
 * Hashes come from xxHash (XXH3). */
#ifndef PRECIS_DEDUP_H
#define PRECIS_DEDUP_H

#include "core/core.h"

#define PD_MINHASH_K 128 /* signature length = PD_LSH_BANDS * PD_LSH_ROWS */
#define PD_LSH_BANDS 32
#define PD_LSH_ROWS 4
#define PD_DEFAULT_SHINGLE 3 /* words; 3 beats 5 on copies with reordered/dropped sentences (bench/cluster.sh) */
#define PD_DEFAULT_THRESHOLD 0.5 /* estimated Jaccard to call two articles copies */

typedef struct pd_signature {
    uint64_t h[PD_MINHASH_K];
    uint32_t n_shingles; /* 0 = empty text: never a duplicate of anything */
} pd_signature;

/* Hash of one (already normalised) token. */
uint64_t pd_token_hash(const char *s, size_t n);

/* MinHash of the set of `shingle`-token windows of tokens[0..n). Texts
 * shorter than one window are hashed as a single shingle. */
void pd_minhash(const uint64_t *tokens, size_t n, unsigned shingle, pd_signature *out);

/* Estimated Jaccard similarity of the two shingle sets, in [0, 1]. */
double pd_jaccard(const pd_signature *a, const pd_signature *b);

/* SimHash of a bag of tokens; similar texts differ in few bits. */
uint64_t pd_simhash(const uint64_t *tokens, size_t n);
static inline int pd_hamming(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

/* LSH index over MinHash signatures. Not thread-safe. */
typedef struct pd_index pd_index;

/* threshold: estimated Jaccard at or above which a candidate is a duplicate
 * (0 = PD_DEFAULT_THRESHOLD). *out is owned by the caller: pd_index_free. */
precis_status pd_index_new(double threshold, pd_index **out);
void pd_index_free(pd_index *ix);

/* Looks up the indexed article most similar to sig (at or above the
 * threshold; ties go to the earliest added). Found: *dup_of receives that
 * article's id and sig is NOT added (copies are represented by their
 * original). Else *dup_of = -1 and sig is added under id. *similarity (may be
 * NULL) gets the estimated Jaccard. Ids must be unique among live entries. */
precis_status pd_index_add(pd_index *ix, uint32_t id, const pd_signature *sig, int64_t *dup_of,
                           double *similarity);

/* Forgets id (no-op if absent): a stream drops articles that left its window. */
void pd_index_remove(pd_index *ix, uint32_t id);

/* Number of live entries. */
size_t pd_index_size(const pd_index *ix);

#endif
