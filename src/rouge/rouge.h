/* rouge.h — internals of the ROUGE-1.5.5 re-implementation (precis eval rouge).
 *
 * The public API is the ROUGE section of include/precis.h; this header exposes
 * the pieces the unit tests check one by one: the tokenizer, ROUGE's own Porter
 * stemmer variant, the word lists, the truncation rules, the gram counting, the
 * LCS union hit, the Perl-compatible random numbers and the result rounding.
 * Internal names use the pr_ prefix. The evaluator shares nothing with the
 * summarizer's scoring, by design (DESIGN.md layers: rouge -> core only). */
#ifndef PRECIS_ROUGE_INTERNAL_H
#define PRECIS_ROUGE_INTERNAL_H

#include "core/core.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- compiled-in word lists (rouge_lists.c, generated) ----------------- */
typedef struct pr_exception {
    const char *form; /* inflected form, e.g. "geese" */
    const char *base; /* its base, e.g. "goose" */
} pr_exception;

extern const char *const pr_stopwords[];
extern const size_t pr_n_stopwords;
extern const pr_exception pr_exceptions[];
extern const size_t pr_n_exceptions;

bool pr_is_stopword(const char *w, size_t n);
/* Base form from WordNet's exception list, or NULL. */
const char *pr_exception_base(const char *w, size_t n);

/* ---- stemming ---------------------------------------------------------- */
/* ROUGE-1.5.5's Porter stemmer (with its 2004 change to step 4: a word in
 * -ement does not also try -ment/-ent in the same rule). w is lower-case ASCII;
 * writes the stem (never longer than w) to out, NUL-terminated, returns its
 * length. out must have room for n + 1 bytes. */
size_t pr_porter_stem(const char *w, size_t n, char *out);
/* What -m does to one token: tokens of 3 characters or less are kept, others
 * are looked up in the WordNet exception list and otherwise Porter-stemmed.
 * out needs room for max(n, longest exception base) + 1 bytes (n + 64 is safe). */
size_t pr_morph_stem(const char *w, size_t n, char *out, size_t out_size);

/* ---- reading a summary as ROUGE-1.5.5 does ------------------------------ */
/* A summary is "one sentence per line": lines end at '\n' (only '\n' is
 * removed, like Perl's chomp), empty lines are skipped, A-Z is lower-cased.
 * Then the -l / -b limit is applied to the peer and model texts alike:
 *   - words: whitespace-separated fields of the raw line (Perl's split /\s+/,
 *     so a line with leading blanks has one extra empty field); sentences are
 *     kept while the running count stays below the limit, and the first one
 *     that reaches it is cut to the remaining number of fields;
 *   - bytes: the same with byte lengths (the joining spaces are not counted).
 * For ROUGE-L the script reads the sentences a second time, and in byte mode it
 * never advances its running count: every sentence shorter than the limit is
 * kept until the first that is not, which is cut to the limit. Kept as is for
 * exact results (see docs/rouge.md). */
typedef struct pr_piece {
    const char *s; /* borrowed from the lower-cased text, or from the arena */
    size_t n;
} pr_piece;

typedef enum pr_read_mode { PR_READ_JOINED, PR_READ_LCS } pr_read_mode;

/* Splits lowered text into the pieces that remain after truncation. *pieces
 * is allocated from arena. */
precis_status pr_truncate(pc_arena *arena, const char *text, size_t len, long word_limit,
                          long byte_limit, pr_read_mode mode, pr_piece **pieces,
                          size_t *n_pieces);

/* Tokens of a piece: maximal runs of ASCII letters and digits (everything else
 * is a separator, as in the script's s/[^A-Za-z0-9\-]/ /g followed by dropping
 * tokens that do not start with [a-z0-9$]). Calls fn for each token. */
typedef void (*pr_token_fn)(void *user, const char *tok, size_t n);
void pr_tokenize(const char *s, size_t n, pr_token_fn fn, void *user);

/* Number of fields Perl's split(/\s+/, s) returns (leading empty field kept,
 * trailing ones dropped). */
size_t pr_perl_split_count(const char *s, size_t n);

/* ---- vocabulary: strings and gram pairs to dense ids -------------------- */
typedef struct pr_vocab pr_vocab;
pr_vocab *pr_vocab_new(void);
void pr_vocab_free(pr_vocab *v);
/* Id of a string (interned on first sight); UINT32_MAX when out of memory. */
uint32_t pr_vocab_word(pr_vocab *v, const char *s, size_t n);
/* Id of the ordered pair (a, b): an n-gram as (prefix gram, last token).
 * UINT32_MAX when out of memory. */
uint32_t pr_vocab_pair(pr_vocab *v, uint32_t a, uint32_t b);
const char *pr_vocab_str(const pr_vocab *v, uint32_t id, size_t *n); /* NULL for pairs */
uint32_t pr_vocab_size(const pr_vocab *v);

/* ---- counting ------------------------------------------------------------ */
/* Grams are exact 64-bit keys (see text.c); arrays of them are kept sorted.
 * Sum over distinct grams of min(count in a, count in b). */
size_t pr_clipped_hits(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The n-grams of a token sequence for n = 1..max_n, each level sorted into
 * out[n-1] (levels whose out is NULL are skipped; each needs n_tokens
 * entries); counts[n-1] = max(0, n_tokens - n + 1). v interns the prefixes of
 * long grams (its ids are only ever compared with its own); prefix is unused;
 * tmp (n_tokens entries, or NULL) is sort scratch. */
precis_status pr_ngram_levels(pr_vocab *v, const uint32_t *tokens, size_t n_tokens, int max_n,
                              uint64_t **out, size_t *counts, uint32_t *prefix, uint64_t *tmp);
/* ROUGE-S/SU grams, sorted: skip-bigrams with at most skip tokens between
 * (skip < 0: unlimited) and, with unigrams, every token but the last (as the
 * script's loop does). out and tmp (or NULL) need pr_skip_count() entries. */
/* Sorts a (radix sort when tmp, n entries of scratch, is given and n is large). */
void pr_sort_u64(uint64_t *a, size_t n, uint64_t *tmp);
size_t pr_skip_count(size_t n_tokens, int skip, bool unigrams);
size_t pr_skipgrams(const uint32_t *tokens, size_t n_tokens, int skip, bool unigrams,
                    uint64_t *out, uint64_t *tmp);

/* ROUGE-L hit of one model against one peer (both split in sentences), as
 * ROUGE-1.5.5 counts it: for each model sentence the union of its LCS with
 * every peer sentence is marked, and each marked token counts only while its
 * unigram is still available in both texts' unigram counts (model_1g,
 * peer_1g: per id, decremented on each hit; the caller restores them).
 * Returns PRECIS_ELIMIT if a sentence pair exceeds max_cells DP cells. */
typedef struct pr_lcs_scratch {
    uint8_t *dir;
    size_t dir_cap;
    uint32_t *row;
    size_t row_cap;
    uint8_t *mask;
    size_t mask_cap;
    uint32_t *stamp; /* by token id: serial of the last peer sentence holding it */
    size_t stamp_cap;
    uint32_t serial;
    uint32_t *rows; /* model positions whose token is in the peer sentence */
    size_t rows_cap;
} pr_lcs_scratch;
precis_status pr_lcs_hits(pr_lcs_scratch *sc, const uint32_t *model, const size_t *model_sent,
                          size_t model_nsent, const uint32_t *peer, const size_t *peer_sent,
                          size_t peer_nsent, uint32_t *model_1g, uint32_t *peer_1g,
                          size_t max_cells, size_t *hits);
void pr_lcs_scratch_free(pr_lcs_scratch *sc);

/* ROUGE-W: the script's wlcs for one model against one peer: the weighted
 * LCS table (a run of k consecutive matches is worth k^weight), union marks,
 * and hits summed per run of marked, still-available tokens as run^weight.
 * *base = sum over model sentences of length^weight. */
typedef struct pr_wlcs_scratch {
    double *c;
    size_t c_cap;
    uint32_t *l;
    size_t l_cap;
    uint8_t *dir, *mask;
    size_t dir_cap, mask_cap;
} pr_wlcs_scratch;
precis_status pr_wlcs_hits(pr_wlcs_scratch *sc, const uint32_t *model, const size_t *model_sent,
                           size_t model_nsent, const uint32_t *peer, const size_t *peer_sent,
                           size_t peer_nsent, uint32_t *model_1g, uint32_t *peer_1g, double weight,
                           size_t max_cells, double *hits, double *base);
void pr_wlcs_scratch_free(pr_wlcs_scratch *sc);

/* ---- numbers as the Perl script makes them ------------------------------- */
/* sprintf("%7.5f", x) read back as a number: every per-topic score is rounded
 * like this before it is averaged. */
double pr_round5(double x);
/* Perl's srand(seed) / int(rand(n)) on the 48-bit generator (drand48) that
 * Perl uses, so the bootstrap picks the same topics as ROUGE-1.5.5. */
typedef struct pr_rand48 {
    uint64_t x;
} pr_rand48;
void pr_srand48(pr_rand48 *r, uint32_t seed);
double pr_drand48(pr_rand48 *r);

/* ---- shared by rouge.c and input.c -------------------------------------- */
/* Counts a skipped input and passes its one-line message to the callback. */
void pr_warn(precis_rouge *r, const char *fmt, ...) PC_PRINTF(2, 3);
pc_error *pr_err(precis_rouge *r);
size_t pr_max_summary(const precis_rouge *r);
/* The JSONL reader on a buffer (UTF-8 already repaired): references when
 * system is NULL, else that system's summaries. path names it in messages. */
precis_status pr_load_jsonl_buffer(precis_rouge *r, const char *path, const char *data,
                                   size_t size, const char *system);

/* The configuration readers on a buffer (config.c). With open_files false
 * the summaries it names are not read (for the fuzz target). */
precis_status pr_load_config_buffer(precis_rouge *r, const char *path, const char *data,
                                    size_t len, const char *list_format, const char *system,
                                    bool open_files);
/* A SEE ("<a name=..>[n]</a> <a href=.. id=n>text") or ISI ("<S SNTNO=..>")
 * summary as one sentence a line; format "SPL" copies. */
precis_status pr_markup_to_spl(const char *format, const char *data, size_t len, pc_buf *out);

#endif /* PRECIS_ROUGE_INTERNAL_H */
