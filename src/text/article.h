/* article.h — the article object (DESIGN.md "One schema per object"), shared
 * by extract (HTML), clean (plain text), summarize and later stages, and its
 * one JSON writer. All strings are owned by the article's arena. */
#ifndef PRECIS_TEXT_ARTICLE_H
#define PRECIS_TEXT_ARTICLE_H

#include "core/core.h"

typedef struct pt_removed {
    const char *line;   /* the removed line as it was */
    const char *cls;    /* class name: "navigation", "caption", "promotion", ... */
    const char *reason; /* short human-readable reason */
} pt_removed;

typedef struct pt_article {
    pc_arena arena;     /* owns every string below */
    const char *id;     /* NULL = absent (omitted/null in JSON) */
    const char *url;
    const char *site;
    const char *title;
    const char *date;   /* ISO 8601 */
    const char *date_alt; /* the other reading of an ambiguous "11/03/2026" (date is the
                             month-first one), ISO; NULL when none */
    const char *date_note; /* NULL, or what a weekday printed with the date said against it
                              ("dateline 'Tue, May 30, 2018': 'Tue' does not match 2018-05-30
                              (a Wednesday): the date is kept"), for the reader's warning */
    int date_order;     /* pt_date.order of the date as printed: +1 day first, -1 month
                           first, 0 unknown (precis_article.date_order) */
    const char *author; /* byline as printed */
    const char *lang;
    const char *text;   /* clean text, paragraphs separated by "\n\n" */
    size_t text_len;
    pt_removed *removed; /* precis clean only; NULL otherwise */
    size_t n_removed, cap_removed;
} pt_article;

void pt_article_init(pt_article *a);
void pt_article_free(pt_article *a);
/* Copies s[0..n) into the arena and stores it in *field. */
precis_status pt_article_set(pt_article *a, const char **field, const char *s, size_t n);
precis_status pt_article_add_removed(pt_article *a, const char *line, size_t n, const char *cls,
                                     const char *reason);

/* An article or cluster "id" from JSON (jansson's json_t, may be NULL): a
 * non-empty string as is, an integer written into buf; NULL otherwise (the
 * caller falls back to FILE:LINE), so that an empty id never names a doc. */
struct json_t;
const char *pt_json_id(const struct json_t *v, char *buf, size_t cap);
/* The longest "id" a reader takes (bytes): every JSON reader refuses a longer
 * one by name (summarize had this cap alone; digest, cluster, clean, ingest
 * and the server took a 5,000-byte id that summarize refused). */
#define PT_MAX_ID_BYTES 4096
/* Why that "id" cannot name an article (owner "field") or a cluster (owner
 * "cluster"), so that a reader refuses its line by name: another type than a
 * string, an integer or null (PRECIS_EPARSE), a string over PT_MAX_ID_BYTES
 * (PRECIS_ELIMIT), or one holding a NUL (a C string would end there;
 * PRECIS_EPARSE). PRECIS_OK when it can (or is absent); else the reason,
 * written into why (cap bytes): 'field "id" of 5000 bytes is over ...'. */
precis_status pt_json_id_refusal(const struct json_t *v, const char *owner, char *why, size_t cap);

/* ---- the one reader of the article shape from JSON --------------------
 * JSON Lines of article objects (or Multi-News clusters) and JSON arrays of
 * articles are read by precis clean, summarize and the story reader (digest,
 * cluster, ingest, serve INPUT) through these: one limit for a line or an
 * element, one repair of its bytes, one wording of what is refused. Before,
 * each of the three kept its own loop and words (docs/cli.md "Input pass 23"). */
typedef struct pt_json_part {
    struct json_t *v; /* a JSONL line: an object; an array element: an object or a string */
    size_t line;      /* the line the part starts on, from 1 */
    size_t element;   /* its place in a JSON array, from 1; 0 for a JSONL line */
    size_t nul;       /* raw NUL bytes dropped from it before it was parsed */
} pt_json_part;

/* The longest refusal pt_json_parse and pt_json_text write (bytes). */
#define PT_JSON_WHY 256

/* The one shape of a refusal inside an input, after the FILE:LINE: every
 * reader puts first: "PART K: WHY" ("element 3: invalid JSON: ...",
 * "document 2: ..."), or WHY alone when k is 0 (a JSONL line is its own
 * place). Into buf (cap bytes, cut at a whole character); returns buf. */
const char *pt_json_why(char *buf, size_t cap, const char *part, size_t k, const char *why);

/* Parses one part s[0..n) of an input: a JSONL line (element 0; a UTF-8
 * byte-order mark on line 1 is skipped) or array element `element`. Bytes
 * that are not UTF-8, and control bytes, are repaired first (scratch holds
 * the copy). PRECIS_OK: out->v is set and the caller owns it. A refusal,
 * worded into why (PT_JSON_WHY bytes): PRECIS_ELIMIT for a part over
 * max_bytes, PRECIS_EPARSE for invalid JSON, text after a line's object, a
 * line that is not an object or an element that is neither an object nor a
 * string. An element's refusal names it first ("element 3: ..."). ENOMEM. */
precis_status pt_json_parse(pc_buf *scratch, const char *s, size_t n, size_t line, size_t element,
                            size_t max_bytes, pt_json_part *out, char *why);

/* A part read (the callee borrows p->v), and a part refused (st, its line,
 * why as pt_json_parse words it). Either returns PRECIS_OK to go on; anything
 * else ends pt_json_read with that status. */
typedef precis_status (*pt_json_part_fn)(void *user, const pt_json_part *p);
typedef precis_status (*pt_json_refused_fn)(void *user, precis_status st, size_t line, const char *why);

/* Reads d[0..n) part by part: a JSON array of articles
 * (pc_looks_like_json_array) element by element, so that a large array is
 * never one jansson tree, else JSON Lines (blank lines skipped). A malformed
 * array is refused where it goes wrong, and the reading ends there (the
 * parts before it were handed on). */
precis_status pt_json_read(const char *d, size_t n, size_t max_bytes, pt_json_part_fn fn, pt_json_refused_fn refused,
                           void *user);

/* True when the object v is a Multi-News cluster {"id", "documents": [...]}
 * rather than an article: it has "documents" and neither "text" nor "html"
 * (an article may carry a "documents" field of its own). */
bool pt_json_is_cluster(const struct json_t *v);

/* The article text of v: a string is the text itself, an object's "text"
 * string (with html_ok, else its "html" string: *is_html set). NULL when
 * there is none, the reason worded into why (PT_JSON_WHY bytes): another
 * kind of value, a "text" that is not a string (named), an "html" a reader
 * without html_ok cannot take ("run 'precis extract' first"). */
const char *pt_json_text(const struct json_t *v, bool html_ok, size_t *len, bool *is_html, char *why);

/* Writes the article as one JSON object (no trailing newline). Absent fields
 * are written as null; "removed" only when with_removed. */
precis_status pt_article_json(const pt_article *a, bool with_removed, pc_buf *out);

#endif
