/* clean.h — cleaning pasted article text (issue 6): keeps the article's
 * paragraphs, removes the page's debris (navigation, promotion, captions,
 * credits, share buttons, tickers, cookie notices, teasers...) and lifts the
 * metadata (title once, byline, ISO date, site) into a pt_article.
 *
 * Usage, one document:
 *     pt_article a;
 *     pt_article_init(&a);
 *     pcl_options o;
 *     pcl_options_init(&o);
 *     precis_status st = pcl_clean(text, len, &o, &a, &err);
 *     ... a.title, a.date, a.author, a.site, a.text, a.removed[] ...
 *     pt_article_free(&a);
 *
 * Many documents (cross-document learning: lines that recur across the
 * articles of one batch are boilerplate even when they read like prose):
 *     pcl_corpus *c = pcl_corpus_new();
 *     for each doc: pcl_corpus_add(c, text, len);
 *     o.corpus = c;
 *     for each doc: pcl_clean(text, len, &o, &a, &err);
 *     pcl_corpus_free(c);
 *
 * pcl_clean never modifies its input; everything in the article is owned by
 * the article's arena. */
#ifndef PRECIS_CLEAN_H
#define PRECIS_CLEAN_H

#include "core/core.h"
#include "text/article.h"

/* Line classes, as written in "removed": [{"class": ...}] and by --explain. */
typedef enum pcl_class {
    PCL_PARAGRAPH = 0, /* article text: kept */
    PCL_HEADLINE,      /* the title (kept once, in article.title) or a repeat of it */
    PCL_SUBHEADLINE,   /* a heading inside the article: kept */
    PCL_CAPTION,       /* photo caption, or a line printed twice */
    PCL_CREDIT,        /* photographer / agency credit */
    PCL_BYLINE,        /* "By Jane Doe", author box */
    PCL_DATELINE,      /* "Published: Tue, May 29, 2018" */
    PCL_NAVIGATION,    /* menus, breadcrumbs, "Accessibility links", link lists */
    PCL_PROMOTION,     /* subscription, donation, newsletter, paywall, "read more" */
    PCL_SOCIAL,        /* share buttons, "Like this:", follow us */
    PCL_TICKER,        /* numbers-only junk: "0 $", "2,500 $", counters */
    PCL_LEGAL,         /* cookie notice, copyright, terms */
    PCL_TEASER,        /* related-story teaser, "Read also:" */
    PCL_BOILERPLATE,   /* recurs across the documents of the batch */
    PCL_N_CLASSES
} pcl_class;

/* Class name for JSON and --explain ("paragraph", "caption", ...); static. */
const char *pcl_class_name(pcl_class c);

/* Line statistics over a batch of documents, for cross-document learning. */
typedef struct pcl_corpus pcl_corpus;

/* NULL when out of memory. */
pcl_corpus *pcl_corpus_new(void);
void pcl_corpus_free(pcl_corpus *c);
/* Counts each distinct (normalised) line of one document once. */
precis_status pcl_corpus_add(pcl_corpus *c, const char *text, size_t len);
/* Number of documents added. */
size_t pcl_corpus_docs(const pcl_corpus *c);
/* In how many added documents the line (normalised) occurs. */
size_t pcl_corpus_count(const pcl_corpus *c, const char *line, size_t len);

typedef struct pcl_options {
    const pcl_corpus *corpus;   /* NULL: the document is cleaned on its own */
    int default_year;           /* fills dates printed without a year; 0 = leave unknown */
    size_t max_article_bytes;   /* 0 = PC_DEFAULT_MAX_ARTICLE; larger input: PRECIS_ELIMIT */
    size_t max_line_bytes;      /* 0 = PC_DEFAULT_MAX_LINE; a longer line: PRECIS_ELIMIT */
    const char *name;           /* input name for error messages; may be NULL */
} pcl_options;

void pcl_options_init(pcl_options *o);

/* Cleans text[0..len) (UTF-8; invalid bytes are tolerated) into `out`, which
 * must be initialised with pt_article_init and is filled: title, date, author,
 * site, lang ("en", "de" or NULL when unsure), text (kept paragraphs joined by
 * "\n\n"), removed[] (every removed line with class and reason, in order).
 * Fields already set in `out` (id, url) are left alone.
 * Returns PRECIS_OK; PRECIS_EEMPTY when no article text is left (out is still
 * filled: removed[] says why); PRECIS_ELIMIT past a size cap; PRECIS_ENOMEM. */
precis_status pcl_clean(const char *text, size_t len, const pcl_options *opt, pt_article *out,
                        pc_error *err);

/* Per-line result, for --explain and tests: one entry per input line. */
typedef struct pcl_line {
    size_t start, len;  /* byte span of the line in the input (without newline) */
    size_t lineno;      /* 1-based */
    pcl_class cls;
    bool kept;          /* part of article.text (paragraphs, subheadlines) */
    bool is_title;      /* the line chosen as article.title */
    const char *reason; /* static string; NULL for kept paragraphs */
    size_t cut_start, cut_len; /* page buttons cut off the front of a kept line ("Share Save Read
                                  more A crane ..."): their span in the input; cut_len 0 if none */
} pcl_line;

/* Like pcl_clean, and also hands back the per-line verdicts (*lines is
 * malloc'd, free with free(); *n_lines entries; blank lines are included
 * with cls PCL_PARAGRAPH, kept false, reason "blank"). */
precis_status pcl_clean_lines(const char *text, size_t len, const pcl_options *opt,
                              pt_article *out, pcl_line **lines, size_t *n_lines, pc_error *err);

/* ---- reading inputs for clean ------------------------------------------ */

/* One document to clean: from a plain-text file, or one line of a JSONL file
 * ({"id", "text"} and optionally "url", "title", "date"...). Owned strings. */
typedef struct pcl_doc {
    char *id;      /* file base name, or the JSONL "id" (else "NAME:LINE") */
    char *url;     /* JSONL "url" or NULL */
    char *text;    /* NUL-terminated, valid UTF-8 */
    size_t len;
    char *source;  /* path as given, for messages */
    size_t line;   /* JSONL line number, 0 for a plain file */
    char *title, *date, *site; /* an SGML <DOC>'s fields (win over what cleaning finds), or NULL */
} pcl_doc;

typedef struct pcl_docs {
    pcl_doc *v;
    size_t n, cap;
    /* Set by the caller (may be NULL): told "NAME:LINE: reason" for every
     * refused JSONL line, and counted in n_bad. */
    void (*bad)(void *user, const char *message);
    /* May be NULL: told "NAME:LINE: ..." of a document read with a change
     * (NUL characters dropped from its text); not a refusal, not counted. */
    void (*warn)(void *user, const char *message);
    void *user;
    size_t n_bad;
} pcl_docs;

/* Appends the documents of one input (path or "-"; gzip and UTF-8 repair via
 * pc_read_input). A file whose first non-blank byte is '{' is read as JSON
 * Lines. Newswire SGML (pt_looks_like_sgml) gives one document per <DOC>
 * with text: id its DOCNO (else NAME#K), line the DOC's, its TEXT as
 * pt_sgml_read builds it; a DOC left out is named through docs->bad (an
 * empty one too, without counting it). Bad JSONL lines (not JSON, no "text" string, over PC_DEFAULT_MAX_LINE
 * bytes) are skipped and reported through docs->bad; the first problem is
 * also in err, and PRECIS_EPARSE (PRECIS_ELIMIT if a line was over the limit)
 * is returned after the good lines were added. max_file 0 = the default
 * file cap. */
precis_status pcl_docs_read(pcl_docs *docs, const char *path, size_t max_file, pc_error *err);
/* The same on text already read and decoded to UTF-8 (data[0..len), may be
 * NULL when len is 0); name is used for ids and messages. The fuzz target's
 * way in (fuzz/fuzz_clean_input.c). */
precis_status pcl_docs_read_mem(pcl_docs *docs, const char *name, const char *data, size_t len, pc_error *err);
void pcl_docs_free(pcl_docs *docs);

#endif
