/* page.h — the segmented page shared by extract.c and meta.c: element nodes
 * in document order and text blocks (the inline text of one block-level
 * element between its block-level children). Everything lives in the page's
 * arrays and text buffer; blocks hold offsets into pg->text. */
#ifndef PRECIS_HTML_PAGE_H
#define PRECIS_HTML_PAGE_H

#include "html/html.h"

#include <gumbo.h>

/* node flags */
enum {
    NF_BOILER = 1 << 0,  /* class/id/tag/role says boilerplate */
    NF_STRONG = 1 << 1,  /* boilerplate even when it looks like content (comments, share) */
    NF_HINT = 1 << 2,    /* <article>, <main>, itemprop=articleBody, "article-body" classes */
    NF_POSITIVE = 1 << 3,/* class/id says content */
    NF_REMOVED = 1 << 4, /* decided: drop the subtree */
    NF_HAS_H1 = 1 << 5,
    NF_BOILER_TAG = 1 << 6, /* <aside>, <footer>: boilerplate by tag */
    NF_SOFT = 1 << 7        /* only "header"/"teaser" words: content inside an article */
};

/* set with the NF_ flags of a class value by the pre-pass: names a byline element */
#define PH_J_BYLINE (1u << 8)

/* block flags (inherited from ancestors) */
enum {
    BF_HEADING = 1 << 0,
    BF_LI = 1 << 1,
    BF_QUOTE = 1 << 2,
    BF_PRE = 1 << 3,
    BF_CAPTION = 1 << 4,
    BF_CELL = 1 << 5,
    BF_P = 1 << 6,
    BF_H1 = 1 << 7,
    BF_IN_LD = 1 << 8, /* text also found in JSON-LD articleBody */
    BF_DT = 1 << 9
};

typedef struct ph_node {
    const GumboNode *g;
    int parent;                 /* index, -1 for the root */
    int first_block, end_block; /* blocks of the subtree: [first, end) */
    int depth;
    unsigned tag;
    unsigned flags;
    double score;
} ph_node;

typedef struct ph_block {
    size_t off, len; /* text span in pg->text */
    int node;        /* owner: innermost block-level element */
    int list;        /* nearest ul/ol/dl/table ancestor node, -1 if none */
    int chars;       /* non-space characters */
    int link_chars;  /* of which inside <a> */
    int words;
    unsigned flags;
} ph_block;

typedef struct ph_meta {
    const char *title_tag;   /* <title> text (borrowed from gumbo) */
    const char *h1;          /* first <h1> text (in pg->text) */
    char *og_title, *og_site, *og_url, *og_locale, *canonical, *lang, *content_lang, *author,
        *date, *ld_body, *ld_headline, *ld_author, *ld_date, *ld_site, *time_date, *app_name,
        *byline, *description;
    int date_rank; /* of date: lower = better source */
} ph_meta;

typedef struct ph_page {
    ph_node *nodes;
    size_t n_nodes, cap_nodes;
    ph_block *blocks;
    size_t n_blocks, cap_blocks;
    pc_buf text;
    pc_arena arena; /* metadata strings */
    ph_meta meta;
} ph_page;

/* meta.c: called by the walker for every element (before its children). */
void ph_meta_element(ph_page *pg, const GumboNode *n);
/* Reads one JSON-LD block (NUL-terminated; the pre-pass takes them out of the page). */
void ph_meta_ld(ph_page *pg, const char *json);
/* Fills the article's metadata fields from what was collected. */
precis_status ph_meta_finish(ph_page *pg, const ph_options *opt, pt_article *a);
/* Text of a gumbo subtree, whitespace collapsed, into the page arena. */
char *ph_node_text(ph_page *pg, const GumboNode *n, size_t max);
const char *ph_attr(const GumboNode *n, const char *name);
/* The pre-pass verdict on an element's class (returned: NF_ flags | PH_J_BYLINE)
 * and id (*id_flags, may be NULL); the raw class and id do not reach gumbo. */
unsigned ph_judged(const GumboNode *n, unsigned *id_flags);

#endif
