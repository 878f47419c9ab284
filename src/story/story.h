/* story.h — per-story analysis: timelines (dated events, relative dates
 * resolved against each article's publication date) and key entities.
 * Built on the text layer's sentence spans and the one date parser. */
#ifndef PRECIS_STORY_H
#define PRECIS_STORY_H

#include "core/core.h"
#include "text/date.h"
#include "text/text.h"

/* ---- calendar arithmetic --------------------------------------------------- */
/* Days since 1970-01-01 for a valid y-m-d, and back. */
int64_t pst_days_from_civil(int y, int m, int d);
void pst_civil_from_days(int64_t days, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday. */
int pst_weekday(int64_t days);

/* ---- when: one resolved time reference in a sentence ---------------------- */
typedef enum pst_precision { PST_DAY, PST_WEEK, PST_MONTH, PST_YEAR } pst_precision;

typedef struct pst_when {
    int64_t first_day, last_day; /* inclusive range in days since epoch */
    pst_precision precision;
    bool relative;               /* resolved from "Tuesday", "last week", ... */
    size_t start, end;           /* byte span of the expression in the sentence */
} pst_when;

/* Finds the time references in sentence s[0..n): absolute dates (through the
 * date parser; a missing year is taken from the publication date, moved back a
 * year when that would put the date more than a week after publication),
 * weekdays ("on Tuesday": the latest such day on or before publication, or the
 * next one when the sentence speaks of the future), "yesterday", "today",
 * "tomorrow", "last/this/next week|month|year", "in 2017" — English and
 * German. pub may be NULL or have no year: relative references are then
 * skipped (and a bare "July 11" too). Writes at most cap results in text
 * order; returns how many. */
size_t pst_find_when(const char *s, size_t n, const pt_date *pub, pst_when *out, size_t cap);

/* ISO 8601 form of a when: "2018-05-29", "2018-05", "2018", or a range
 * "2018-05-21/2018-05-27" for a week. Returns the length (< cap). */
size_t pst_when_iso(const pst_when *w, char *buf, size_t cap);

/* ---- entities: people, organisations, places ----------------------------- */
typedef enum pst_entity_type { PST_OTHER, PST_PERSON, PST_ORG, PST_PLACE } pst_entity_type;
const char *pst_entity_type_name(pst_entity_type t); /* "person", "org", "place", "other" */

typedef struct pst_entity {
    const char *name;      /* the fullest variant seen ("Vladimir Putin"); owned by the collector */
    pst_entity_type type;
    uint32_t sources;      /* documents that mention it (any variant) */
    uint32_t mentions;
} pst_entity;

/* Collects proper-noun phrases over the documents of one story and merges
 * their variants: "Putin", "Vladimir Putin" and "Russian President Vladimir
 * Putin" are one person (titles are cut off and mark a person). */
typedef struct pst_entities pst_entities;

precis_status pst_entities_new(pst_entities **out);
void pst_entities_free(pst_entities *e);

/* Adds the entities of one document, given its text and sentences (from
 * pt_split_sentences). doc numbers count sources; pass each document's own. */
precis_status pst_entities_add(pst_entities *e, uint32_t doc, const char *text, size_t len,
                               const pt_sentences *sents);

/* Merges variants and ranks by sources, then mentions, then name. *out is
 * borrowed from e (valid until the next call on e). */
precis_status pst_entities_rank(pst_entities *e, const pst_entity **out, size_t *n);

/* ---- reading articles (input.c) ------------------------------------------ */
/* precis_articles_read over data already in memory (name names it in ids and
 * messages): the fuzz target's entry point. */
precis_status pst_articles_read_mem(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                    precis_article_fn fn, precis_bad_line_fn bad, void *user);
/* True when data starts (after a BOM and spaces) like markup: '<' and a tag
 * name, "<!" or "<?". */
bool pst_looks_like_html(const char *data, size_t len);

#endif
