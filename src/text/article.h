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
/* Why that "id" cannot name an article, so that a reader refuses its line by
 * name: another type than a string, an integer or null, a string over
 * PT_MAX_ID_BYTES, or one holding a NUL (a C string would end there). NULL
 * when it can (or is absent); else the reason, written into why (cap bytes). */
const char *pt_json_id_refusal(const struct json_t *v, char *why, size_t cap);

/* Writes the article as one JSON object (no trailing newline). Absent fields
 * are written as null; "removed" only when with_removed. */
precis_status pt_article_json(const pt_article *a, bool with_removed, pc_buf *out);

#endif
