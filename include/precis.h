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

/* ---- Cleaning pasted text (src/clean) --------------------------------- */

/* ---- HTML extraction (src/html) --------------------------------------- */

/* ---- Summarization (src/summarize) ------------------------------------ */

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */
