/* precis.h — the one public header of libprecis.
 *
 * Conventions (hold for every function below unless its comment says otherwise):
 *  - Functions that can fail return precis_status; objects come back through an
 *    out-parameter. The caller owns every object it receives that way and releases
 *    it with the matching *_free function (which accepts NULL).
 *  - `const char *` and span results are BORROWED: valid until the object that
 *    returned them is freed or modified. Nothing needs libc free() by the caller.
 *  - Text in and out is UTF-8. Invalid input bytes are replaced by U+FFFD.
 *  - A precis_ctx is not thread-safe; use one per thread.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRECIS_VERSION "0.1.0"

typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_ENOMEM,  /* allocation failed */
    PRECIS_EIO,     /* a file could not be read or written */
    PRECIS_EPARSE,  /* input is not in the expected format */
    PRECIS_ELIMIT,  /* a size cap was hit (never a silent truncation) */
    PRECIS_EINVAL,  /* invalid argument or option */
    PRECIS_EEMPTY   /* nothing to work on: no article, no sentence */
} precis_status;

/* Generic text for a status; static storage. */
const char *precis_strerror(precis_status status);

/* Library version string, e.g. "0.1.0"; static storage. */
const char *precis_version(void);

/* Size caps (DESIGN.md "Limits"). Zero fields mean "use the default". */
typedef struct precis_limits {
    size_t max_file_bytes;    /* default 256 MiB */
    size_t max_line_bytes;    /* default 1 MiB  */
    size_t max_article_bytes; /* default 5 MiB  */
} precis_limits;

typedef struct precis_options {
    const char *lang;      /* ISO 639-1 code, default "en" */
    precis_limits limits;
} precis_options;

typedef struct precis_ctx precis_ctx;

/* Create a context. `opts` may be NULL for defaults; it is copied. Returns NULL
 * only when out of memory. Free with precis_free. */
precis_ctx *precis_new(const precis_options *opts);
void precis_free(precis_ctx *ctx);

/* The specific message of the last failure on this context ("FILE:LINE: what"),
 * or "" if none. Borrowed: valid until the next call on ctx. */
const char *precis_errmsg(const precis_ctx *ctx);

/* Read a whole input: a path, or "-" for stdin. gzip input is decompressed
 * transparently; the result is valid UTF-8 (invalid bytes become U+FFFD) and
 * NUL-terminated. On success *out is malloc'd by the library and owned by the
 * caller, who releases it with precis_text_free(). Fails with PRECIS_ELIMIT
 * past limits.max_file_bytes. */
precis_status precis_read_text(precis_ctx *ctx, const char *path, char **out, size_t *out_len);
void precis_text_free(char *text);

/* ---- ROUGE evaluation (src/rouge) ------------------------------------ */

/* ---- Text layer: sentences, tokens (src/text) ------------------------- */

/* A byte span [start, end) inside the text it was computed from. */
typedef struct precis_span {
    size_t start, end;
} precis_span;

/* Splits UTF-8 text into sentences (news-aware: abbreviations, initials,
 * decimals, quotes, ellipses, datelines, hard-wrapped lines, headlines without
 * final punctuation). *out is an array of *n spans owned by the caller; free
 * it with precis_spans_free. PRECIS_EEMPTY when there is no sentence. */
precis_status precis_sentences(precis_ctx *ctx, const char *text, size_t len, precis_span **out,
                               size_t *n);
/* Word spans of text (letters and digits, inner apostrophes, "U.S."). */
precis_status precis_words(precis_ctx *ctx, const char *text, size_t len, precis_span **out,
                           size_t *n);
void precis_spans_free(precis_span *spans);

/* Case-folds, normalises (NFC) and stems one word with the context's language
 * (Snowball). Writes at most cap-1 bytes and a NUL into out; *out_len gets the
 * length. PRECIS_ELIMIT when cap is too small. */
precis_status precis_stem(precis_ctx *ctx, const char *word, size_t len, char *out, size_t cap,
                          size_t *out_len);

/* ---- Cleaning pasted text (src/clean) --------------------------------- */

/* ---- HTML extraction (src/html) --------------------------------------- */

/* ---- Summarization (src/summarize) ------------------------------------ */

/* A set of articles about one story. Texts are copied in. */
typedef struct precis_cluster precis_cluster;

/* id may be NULL ("cluster"). Free with precis_cluster_free. */
precis_status precis_cluster_new(precis_ctx *ctx, const char *id, precis_cluster **out);
/* Adds one article's text (pasted page text or clean text; debris lines are
 * filtered when summarizing). id may be NULL: documents are then named by
 * their 1-based position. PRECIS_ELIMIT past limits.max_article_bytes or
 * 10,000 documents. */
precis_status precis_cluster_add(precis_ctx *ctx, precis_cluster *cluster, const char *id,
                                 const char *text, size_t len);
size_t precis_cluster_count(const precis_cluster *cluster);
/* Borrowed: valid until the cluster is freed. */
const char *precis_cluster_id(const precis_cluster *cluster);
const char *precis_cluster_doc_id(const precis_cluster *cluster, size_t doc);
void precis_cluster_free(precis_cluster *cluster);

/* Adds the documents in one input buffer to cluster. The format is sniffed:
 *  - JSON Lines (first non-blank byte '{'): each line an article object
 *    {"id", "text", "title", ...} or a cluster {"id", "documents": [string |
 *    article, ...]} (Multi-News shape); only one cluster line is allowed here
 *    (PRECIS_EINVAL otherwise: use precis_clusters_read for batches);
 *  - text with Multi-News's " ||||| " separator: one document per part;
 *  - anything else: one article.
 * name (a path or "<stdin>") is used for messages and for ids ("name",
 * "name#2", "name:LINE"). Malformed JSON fails with PRECIS_EPARSE naming the
 * line; lines over limits.max_line_bytes with PRECIS_ELIMIT. */
precis_status precis_cluster_add_input(precis_ctx *ctx, precis_cluster *cluster, const char *name,
                                       const char *data, size_t len);

/* Reads a JSON Lines stream of clusters ({"id", "documents": [...]} per line)
 * and calls fn once per cluster; the callee owns (and frees) each cluster.
 * Stops at the first failure of fn (its status is returned). A malformed line
 * is reported through bad_line (may be NULL; it gets the message) and skipped;
 * the function then returns PRECIS_EPARSE after reading the rest. */
typedef precis_status (*precis_cluster_fn)(void *user, precis_cluster *cluster);
typedef void (*precis_bad_line_fn)(void *user, const char *message);
precis_status precis_clusters_read(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                   precis_cluster_fn fn, precis_bad_line_fn bad_line, void *user);

typedef struct precis_summary_options {
    size_t max_words;     /* word budget; 0 = 100 unless max_bytes is set */
    size_t max_bytes;     /* byte budget over sentence texts joined by spaces; 0 = none */
    size_t max_sentences; /* 0 = no limit */
} precis_summary_options;

typedef struct precis_summary_sentence {
    const char *text;       /* the sentence, whitespace collapsed (borrowed) */
    size_t text_len;
    size_t doc;             /* index of the source document in the cluster */
    const char *doc_id;     /* its id (borrowed) */
    size_t start, end;      /* byte span in that document's text */
    double score;           /* weight of the content it newly covered */
    const size_t *also_in;  /* other documents that say the same thing (indices) */
    const char *const *also_in_ids; /* ... and their ids; both n_also_in long */
    size_t n_also_in;
} precis_summary_sentence;

typedef struct precis_summary precis_summary;

/* Chooses sentences that cover the cluster's most repeated content under the
 * budget without saying anything twice, in source order, each attributed.
 * PRECIS_EEMPTY when no document has a usable sentence or none fits the
 * budget (the message says which). The summary borrows nothing from the
 * cluster except document ids: free the summary first or keep the cluster. */
precis_status precis_summarize(precis_ctx *ctx, const precis_cluster *cluster,
                               const precis_summary_options *opts, precis_summary **out);
size_t precis_summary_count(const precis_summary *summary);
const precis_summary_sentence *precis_summary_sentence_at(const precis_summary *summary, size_t i);
/* The summary as DESIGN.md's JSON object {"id","summary","sentences":[...]}
 * (one line, no newline). *out is owned by the caller: precis_text_free. */
precis_status precis_summary_json(const precis_summary *summary, char **out, size_t *out_len);
void precis_summary_free(precis_summary *summary);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */
