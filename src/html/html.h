/* html.h — internal interface of the HTML stage: bytes of a web page in any
 * encoding -> UTF-8 -> gumbo tree -> article (main text + metadata).
 * Also the streaming WARC reader. Names use the ph_ prefix. */
#ifndef PRECIS_HTML_H
#define PRECIS_HTML_H

#include "core/core.h"
#include "text/article.h"

#define PH_MAX_DEPTH 512 /* DESIGN.md "HTML nesting 512" */

typedef struct ph_options {
    const char *url;          /* the page's address, when known (NULL = unknown) */
    const char *content_type; /* HTTP Content-Type header, for its charset (may be NULL) */
    const char *name;         /* input name for messages ("page.html", "x.warc:3") */
    bool all_text;            /* keep all visible text, no extraction */
    size_t max_article;       /* cap on extracted text bytes (0 = 5 MiB) */
} ph_options;

/* Converts raw page bytes to UTF-8 (BOM, Content-Type charset, <meta charset>,
 * http-equiv, then uchardet; iconv; invalid sequences become U+FFFD).
 * Appends to out. When charset is non-NULL the chosen encoding's name is
 * copied there (cap bytes). */
precis_status ph_decode(const char *raw, size_t len, const char *content_type, pc_buf *out,
                        char *charset, size_t cap, pc_error *err);
/* ph_decode for a reader of the result: *view, *view_len are the page as
 * UTF-8, raw itself (past a BOM) when it is valid NUL-free UTF-8 already,
 * which is then not copied; else out's bytes (out is empty on entry). */
precis_status ph_decode_view(const char *raw, size_t len, const char *content_type, pc_buf *out,
                             const char **view, size_t *view_len, pc_error *err);

/* Extracts the article of a page given as raw bytes (any encoding). On
 * success fills a (initialised by the caller) and returns PRECIS_OK; returns
 * PRECIS_EEMPTY when no article text was found (metadata is still filled),
 * PRECIS_ELIMIT past the nesting or text cap. */
precis_status ph_extract(const char *raw, size_t len, const ph_options *opt, pt_article *a,
                         pc_error *err);

/* ---- WARC: streaming reader of response records ----------------------- */
typedef struct ph_warc ph_warc;
typedef struct ph_warc_record {
    const char *target_uri;   /* WARC-Target-URI (borrowed until the next call) */
    const char *content_type; /* HTTP Content-Type of the payload, or NULL */
    const char *payload;      /* HTTP body (dechunked, decoded), borrowed */
    size_t payload_len;
    size_t index;             /* 1-based record number in the file */
    int http_status;
} ph_warc_record;

/* Opens path ("-" = stdin), plain or gzip (per-record or whole). max_record
 * caps one record's size (0 = 256 MiB); larger records are skipped with an
 * ELIMIT error from ph_warc_next and reading continues. */
precis_status ph_warc_open(const char *path, size_t max_record, ph_warc **out, pc_error *err);
/* Reads a WARC already in memory (data must outlive the reader). */
precis_status ph_warc_open_mem(const char *data, size_t len, const char *name, size_t max_record,
                               ph_warc **out);
/* Reads the WARC in the caller's source in (a pc_source_fd: gzip inflated,
 * each read what has come), head[0..head_len) first: the bytes the caller
 * read from in already (its sniff). Both must outlive the reader, which does
 * not close in. ENOMEM. */
precis_status ph_warc_open_source(pc_source *in, const char *head, size_t head_len, const char *name,
                                  size_t max_record, ph_warc **out);
/* Advances to the next HTML response record. Returns PRECIS_OK with *rec
 * filled, PRECIS_EEMPTY at the end of the file, or an error for a bad record:
 * EPARSE/ELIMIT errors are per record (the caller may call again to go on);
 * EIO means the file cannot be read further. */
precis_status ph_warc_next(ph_warc *w, ph_warc_record *rec, pc_error *err);
/* Bytes consumed of the underlying (compressed) file, and its size (0 if
 * unknown). */
void ph_warc_progress(const ph_warc *w, uint64_t *done, uint64_t *total);
void ph_warc_close(ph_warc *w);
/* True when the data starts like a WARC file (after gunzip). */
bool ph_looks_like_warc(const char *data, size_t len);
/* True when s[0..n) is only feed or section words ("Latest news", "Top
 * Stories", "RSS", "Business"): no outlet's name (a feed's channel title, a
 * page title's part). */
bool ph_section_words_only(const char *s, size_t n);

/* ---- feeds: RSS 2.0, Atom 1.0, RSS 1.0 (RDF), src/html/feed.c ---------- */
#define PH_FEED_MAX_ITEMS ((size_t)1000000) /* items of one feed; past it PRECIS_ELIMIT */
typedef enum ph_feed_kind { PH_FEED_NONE, PH_FEED_RSS, PH_FEED_ATOM, PH_FEED_RDF } ph_feed_kind;
/* The kind of feed the data starts with (after a BOM, the XML declaration,
 * comments, processing instructions and a DOCTYPE): <rss>, <rdf:RDF>, or
 * <feed> declaring the Atom namespace; PH_FEED_NONE otherwise. */
ph_feed_kind ph_looks_like_feed(const char *data, size_t len);
/* Reads up to len bytes into buf: the count, 0 at the end, -1 on an error. */
typedef int (*ph_feed_read_fn)(void *src, char *buf, int len);
typedef struct ph_feed_options {
    const char *name;      /* input name for messages */
    size_t max_bytes;      /* the whole feed (0 = 256 MiB) */
    size_t max_items;      /* items read (0 = PH_FEED_MAX_ITEMS) */
    size_t max_item_bytes; /* one item's content (HTML) before extraction (0 = 5 MiB) */
    size_t max_article;    /* one item's extracted text (0 = 5 MiB) */
    bool utf8;             /* the bytes are UTF-8 already (decoded): the declared encoding is ignored */
    /* Each item as an article (fields borrowed for the call; a->text may be
     * NULL when the item has no text). A non-OK return stops the reading and
     * is returned. index is 1-based, line the item's line. */
    precis_status (*fn)(void *user, pt_article *a, size_t index, size_t line);
    /* A skipped item (what = "item K (title)") or a problem with the whole
     * feed (what = NULL: malformed at LINE, over a limit, no items): st is
     * PRECIS_EPARSE, PRECIS_ELIMIT, or PRECIS_EEMPTY for a part read fine
     * that holds no article (a repeated item, a feed with no items). */
    void (*skip)(void *user, precis_status st, size_t line, const char *what, const char *why);
    void *user;
} ph_feed_options;
/* Streams the feed's items to o->fn. Everything about the input itself goes
 * to o->skip; returns PRECIS_OK then, else ENOMEM, EIO (rd failed) or what
 * o->fn returned. *n_items (may be NULL): items handed to o->fn. */
precis_status ph_feed_read(ph_feed_read_fn rd, void *src, const ph_feed_options *o, size_t *n_items);

/* precis_extract_file on bytes already read (raw, as pc_read_input_raw gives
 * them) from path ("-" = stdin, named <stdin>): the same refusals (binary,
 * JSON, a feed) and messages. For a reader that sniffs first (extract's SGML). */
precis_status ph_extract_input(precis_ctx *ctx, const char *path, const char *raw, size_t len,
                               const precis_extract_options *opts, precis_doc **out);

#endif
