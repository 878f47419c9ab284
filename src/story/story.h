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
    bool background;             /* a month or year that dates a state, not the event:
                                    "since 2011", "since the start of the war in 2011" */
    bool weekday_mismatch;       /* a day printed with a weekday that is not its own
                                    ("Tuesday, May 30, 2018", a Wednesday; or neither
                                    reading's of "Tue, 03/04/2024"): the printed date is
                                    kept, the timeline entry says "uncertain" */
    signed char weekday;         /* that printed weekday, 0 Monday .. 6 Sunday; -1 none */
    bool aside;                  /* a day that is not the sentence's own event: a possessive
                                    naming another one ("after Monday's fire"), or the day
                                    the news was told ("..., the council said on Monday"):
                                    another day of the sentence is its date, and it is no
                                    second timeline entry */
    bool possessive;             /* that aside is a possessive ("after Monday's fire"), not
                                    the day of telling */
    bool from;                   /* opened by "from" or "starting" ("to ban it from next
                                    month"), or a negated "before" ("will not be allowed
                                    home before Friday"): when something takes effect, a
                                    second timeline entry beside the day of the decision */
} pst_when;

/* Finds the time references in sentence s[0..n): absolute dates (through the
 * date parser; a missing year is taken from the publication date, moved back a
 * year when that would put the date more than a week after publication unless
 * the verb governing it is future), weekdays ("on Tuesday": the latest such day
 * on or before publication, or the first one on or after it when the verb
 * governing the phrase is future — "decided on Tuesday to close" is past;
 * "last/next/this Tuesday"), "yesterday", "today", "tomorrow",
 * "last/this/next week|month|year", "two days/a week/three months ago", a
 * month without a year after a preposition ("in April": the nearest one not
 * after publication, or not before it when future), "in 2017" — English and
 * German. Times relative to another event ("two days later") are left alone.
 * pub may be NULL or have no year: relative references are then skipped (and
 * a bare "July 11" too). Writes at most cap results in text order; returns how
 * many. */
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
    uint32_t item;         /* the collector's own index, for pst_entities_variants */
} pst_entity;

/* Collects proper-noun phrases over the documents of one story and merges
 * their variants: "Putin", "Vladimir Putin" and "Russian President Vladimir
 * Putin" are one person (titles are cut off and mark a person). */
typedef struct pst_entities pst_entities;

/* Does the UTF-8 text s[0, n) open on an upper- or title-case letter
 * (Öztürk, Łukasz as well as ASCII)? */
bool pst_capitalised(const char *s, size_t n);

precis_status pst_entities_new(pst_entities **out);
void pst_entities_free(pst_entities *e);

/* Adds the entities of one document, given its text and sentences (from
 * pt_split_sentences). doc numbers count sources; pass each document's own. */
precis_status pst_entities_add(pst_entities *e, uint32_t doc, const char *text, size_t len,
                               const pt_sentences *sents);

/* Says the documents added from now on are German (--lang de, or an article's
 * own "lang"): a capitalised word there is no name by its case alone, every
 * noun being capitalised. Without it each document is looked at: German
 * function words in its first 400 words, over twice as many as English. */
void pst_entities_german(pst_entities *e, bool german);

/* Merges variants and ranks by sources, then mentions, then name. *out is
 * borrowed from e (valid until the next call on e). */
precis_status pst_entities_rank(pst_entities *e, const pst_entity **out, size_t *n);

/* The variants merged into ranked entity ent (its own name first), for the
 * bench's merge check (bench/entities_dump.c): writes at most cap names,
 * borrowed from e; returns how many there are. */
size_t pst_entities_variants(const pst_entities *e, const pst_entity *ent, const char **out, size_t cap);

/* ---- reading articles (input.c) ------------------------------------------ */
/* precis_articles_read over data already in memory (name names it in ids and
 * messages): the fuzz target's entry point. */
precis_status pst_articles_read_mem(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                    precis_article_fn fn, precis_bad_line_fn bad, void *user);
/* True when data starts (after a BOM and spaces) like markup: '<' and a tag
 * name, "<!" or "<?". */
bool pst_looks_like_html(const char *data, size_t len);
/* The format the reader takes data (its first bytes, gunzipped) for, by the
 * same sniffing it reads with: "warc", "jsonl", "json-array", "feed", "sgml",
 * "html" or "text" (POST /api/articles says it in its answer). */
const char *pst_input_format(const char *data, size_t len);

/* ---- quantities: numbers with what they count or measure ------------------ */
typedef enum pst_qkind { PST_Q_COUNT, PST_Q_DISTANCE, PST_Q_PERCENT, PST_Q_MONEY } pst_qkind;

typedef struct pst_quantity {
    double value;       /* distances in metres; money in its unit ("$2 million" = 2e6) */
    pst_qkind kind;
    bool hedged;        /* "about", "nearly", "more than", "at least", "dozens" */
    char unit[24];      /* stem of the counted word ("passeng"), "" when none follows */
    char word[24];      /* that word as normalised ("passengers"), for display */
    size_t start, end;  /* byte span in the text (number and unit) */
} pst_quantity;

/* Finds the quantities in text[start..end): digits ("3,000", "2.5", "14"),
 * number words ("fourteen", "two hundred", "twenty-five", "a dozen"), with a
 * distance unit (converted to metres: miles, km, metres, feet, nautical
 * miles), a percent or a currency, else the stem of the word they count.
 * Years, clock times and the day numbers of dates (skip[0..n_skip): spans
 * relative to start, as pst_find_when on text + start gives them) are not
 * quantities. lang stems the counted word. Writes at most cap in text
 * order; returns how many. */
size_t pst_find_quantities(pt_lang *lang, const char *text, size_t start, size_t end,
                           const pst_when *skip, size_t n_skip, pst_quantity *out, size_t cap);

/* ---- story build internals (build.c, coverage.c) -------------------------- */
/* One sentence of one article, analysed once and shared by the timeline, the
 * headline choice and the coverage comparison. */
typedef struct pst_sent {
    uint32_t doc;               /* index into the articles */
    uint32_t start, end, flags; /* span in that article's text; PT_SENT_* */
    uint32_t stem_off, n_stems; /* distinct content-word ids (sorted) in b->stems; no
                                   numbers, dates or stopwords: what alignment compares */
    uint32_t q_off, n_q;        /* its quantities in b->quants */
    pst_when when;              /* its most precise time reference, if has_when */
    pst_when when2;             /* a second day of another event ("started on Sunday and
                                   was put out on Tuesday"), if has_when2: a second
                                   timeline entry */
    bool has_when2;
    bool has_when;
    bool fact;                  /* prose worth comparing: not debris, not a headline */
    bool dated;                 /* prose worth a timeline entry: a fact, or a short one
                                   whose date says what it tells ("The inquiry will
                                   report next month, she said.": two content words) */
    float weight;               /* sum of its words' weights */
} pst_sent;

typedef struct pst_sdoc {
    const precis_article *a;
    uint32_t root;              /* the article it is a near-copy of; itself if none */
    uint32_t n_copies;          /* for a root: articles that copy it */
    uint32_t next_copy;         /* for a root and its copies: the next copy, UINT32_MAX at the end */
    bool analysed;              /* a report within the story's cap of analysed reports (or
                                   a copy of one); the others are listed, not analysed */
    bool has_pub;
    pt_date pub;
    const char *date_ignored;   /* why its date was not believed (NULL: believed or none) */
    char dateline_date[16];     /* the day of a yearless wire dateline ("CARROWBY, Oct. 13
                                   (Ennet Wire) -") with the year the story gave it, "" none */
    char date_note[200];        /* how that date was read, or why it could not be ("" none) */
    uint32_t sent_first, sent_end;
    uint32_t stem_off, n_stems; /* distinct content words of the whole article */
} pst_sdoc;

typedef struct pst_build {
    pt_lang *lang;
    bool english;               /* news synonyms apply */
    const precis_article *articles;
    size_t n;
    pst_sdoc *docs;
    size_t n_indep;             /* analysed roots: the independent reports compared */
    size_t n_roots;             /* every root, analysed or past the cap */
    uint32_t *reports;          /* the analysed reports' articles, in arrival order (n_indep) */
    pst_sent *sents;
    size_t n_sents, cap_sents;
    uint32_t *stems;
    size_t n_stems, cap_stems;
    pst_quantity *quants;
    size_t n_quants, cap_quants;
    float *weight;              /* per word id: rarer across reports = more telling */
    uint32_t *df, *last_doc;
    size_t n_words, cap_words;
    pc_map vocab;               /* stem hash -> word id */
} pst_build;

/* Is article d an independent report that is analysed (not a copy, within the cap)? */
static inline bool pst_is_report(const pst_build *b, uint32_t d)
{
    return b->docs[d].root == d && b->docs[d].analysed;
}

/* Weighted share of the lighter sentence's words that the other one has too
 * (0..1); *shared gets the number of shared words. */
double pst_overlap(const pst_build *b, const pst_sent *x, const pst_sent *y, uint32_t *shared);
/* The words x and y share (their sorted stem ids merged): the sum of their
 * weights in weight[] (per word id), and their number in *n. */
double pst_shared_weight(const pst_build *b, const pst_sent *x, const pst_sent *y, const float *weight, uint32_t *n);
/* Do x and y (of different reports) tell the same fact? */
bool pst_same_fact(const pst_build *b, const pst_sent *x, const pst_sent *y);
/* The same two from shared weight w and count n already summed (the
 * inverted index of coverage.c adds them up without merging word lists). */
double pst_overlap_of(const pst_build *b, const pst_sent *x, const pst_sent *y, double w, uint32_t *n);
bool pst_same_fact_of(const pst_sent *x, const pst_sent *y, double o, uint32_t n);
/* JSON writers shared by build.c and coverage.c: a sentence as a string with
 * whitespace runs collapsed, and an article's id. */
precis_status pst_json_sentence(pc_buf *o, const char *s, size_t n);
precis_status pst_json_doc_id(pc_buf *o, const pst_build *b, uint32_t d);
/* A stem's key: the vocabulary of build.c, the news table (wordstats.c) and
 * its generator (tools/gen_wordstats.c) all key stems by this one function. */
uint64_t pst_stem_key(const char *stem, size_t n);
/* The stem a content word (normalised, NUL-terminated) counts as: that of its
 * news synonym class's canonical word in English ("died" -> "kill"), else its
 * own; the vocabulary and the news table's generator both stem through it. */
const char *pst_term_stem(pt_lang *lang, bool english, const char *norm, size_t *sn);
/* How telling a word is in news at large, 0..1 (1: rarer than the 8,000
 * commonest stems of Multi-News train; "people" about 0.2), for the stem
 * keyed pst_stem_key. pst_news_df: its document frequency in the table's
 * WS_DOCS documents, 0 if it is not among the listed stems. */
double pst_news_weight(uint64_t key);
uint32_t pst_news_df(uint64_t key);
/* Appends the "coverage" object (docs/stories.md) for the summary's sentences.
 * sum_sent[i] is the sentence index of summary sentence i (UINT32_MAX if
 * not found). */
precis_status pst_coverage_json(const pst_build *b, const uint32_t *sum_sent, size_t n_sum,
                                pc_buf *out);

/* The reading of a yearless wire dateline (precis_articles_date_datelines):
 * false when article a has a date or opens with no dateline whose date lacks
 * a year; else true, out->dated telling whether days[0..nd) (the days the
 * articles around it printed; `from` names them in the note) or its own
 * dates gave a year, out->iso its day, out->note how it was read or why not. */
typedef struct pst_dateline {
    bool dated;
    char iso[16];
    char note[200];
} pst_dateline;
bool pst_dateline_read(const precis_article *a, const int64_t *days, size_t nd, const char *from,
                       pst_dateline *out);
/* Days since 1970-01-01 of an ISO (or any readable) date with a day, 1900-2200. */
bool pst_iso_day(const char *s, int64_t *out);

/* The site whose habit an article's date order is (precis_articles_settle_dates):
 * its site, else its URL's host without "www.", lower case, into buf; false
 * when neither is known or it does not fit. */
bool pst_order_key(const precis_article *a, char *buf, size_t cap);

#endif
