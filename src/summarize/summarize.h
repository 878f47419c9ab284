/* summarize.h — internals of the multi-document summarizer.
 *
 * Pipeline (one call of precis_summarize):
 *   split sentences (text layer) -> words -> stems -> per-cluster ids
 *   -> candidate filter (filter.c: fragments, debris, repeats)
 *   -> concepts = stemmed word bigrams, weighted by how many documents use them
 *   -> selection (select.c): maximise covered concept weight under the budget
 *   -> source order, readable opening, attribution ("also_in"). */
#ifndef PRECIS_SUMMARIZE_H
#define PRECIS_SUMMARIZE_H

#include "core/core.h"
#include "text/text.h"

#define PS_MAX_DOCS 10000 /* documents in one cluster (DESIGN.md limits) */
/* Multi-News's raw separator between the articles of one text: summarize,
 * digest, cluster and ingest split pasted text on it. */
#define PS_MULTINEWS_SEP " ||||| "

typedef struct ps_doc {
    const char *id;
    const char *text; /* owned by the cluster's arena */
    size_t len;
    bool raw;         /* pasted text: goes through src/clean before summarizing */
} ps_doc;

struct precis_cluster {
    pc_arena arena;
    const char *id;
    ps_doc *docs;
    size_t n, cap;
    size_t n_nul; /* NUL characters dropped from the documents' text (precis_cluster_nul_dropped) */
};

/* True when pasted text has line structure for src/clean to judge (at least
 * two non-blank lines, not hard-wrapped): one long line (Multi-News) or
 * hard-wrapped wire copy (DUC) is used as is. The one rule for every reader
 * of pasted text (precis_cluster_add, precis_articles_read). */
bool ps_text_needs_cleaning(const char *text, size_t len);

/* ---- candidate filter (filter.c) ----------------------------------------- */

/* Is w[0, n) one of the count words of list (ASCII, any case)? The one
 * membership test of the stage's short word lists (filter.c, summarize.c);
 * PS_WORD_IN counts a static array's words. */
bool ps_word_in(const char *w, size_t n, const char *const *list, size_t count);
#define PS_WORD_IN(w, n, list) ps_word_in((w), (n), (list), sizeof(list) / sizeof *(list))

/* Why a sentence is not article prose, or NULL when it is. s[0..len) is the
 * sentence text, flags its PT_SENT_* flags, n_words its word count. Sentence
 * level only: line classification of whole pages belongs to src/clean. */
const char *ps_debris_reason(const char *s, size_t len, uint32_t flags, size_t n_words);

/* Two of ps_debris_reason's answers by identity (compare the pointer, not the
 * text): page furniture's marks (promotion, navigation, credit) and a photo
 * caption. src/story's furniture test counts only these. */
extern const char PS_R_PROMOTION[];
extern const char PS_R_CAPTION[];
/* A sentence that is one quotation, its speaker in another sentence. */
extern const char PS_R_BARE_QUOTE[];

/* Length of the quotation mark at s[i..len), or 0: `` '' " and curly
 * quotes, German „ and French/German guillemets. The one test of a mark for
 * the filter (a bare quotation) and for joining a quotation to its speaker. */
size_t ps_quote_at(const char *s, size_t i, size_t len);

/* Flag for ps_debris_reason: the text follows a cut photo credit, so a
 * lower-case start is not a fragment's. */
#define PS_AFTER_CREDIT (1u << 31)

/* Bytes to cut from the front of a sentence that carries a parenthesised
 * photo credit ("... ( Photo: Ana Ruiz, AP ) The storm ..."), or 0. */
size_t ps_credit_prefix(const char *s, size_t len);

/* Bytes to cut from the front of a sentence that opens on wire credits or a
 * credited dateline glued on by a page scrape ("( associated press ) the ...",
 * "washington ( ap ) — the ...", "( cnn ) -- the ..."), or 0. */
size_t ps_wire_prefix(const char *s, size_t len);

/* A sentence that opens on a noun standing for something told before, as
 * its subject: "The report said ...", "The move comes ...", "According to the
 * statement, ..." (English). Returns the noun's offset (its length in
 * *noun_len), or 0. */
size_t ps_points_back(const char *s, size_t len, size_t *noun_len);

/* Does a sentence opening on "It" / "It's" point back to a thing named before
 * ("It said ...", "It was the third attack ...", "It has topped the list")
 * rather than hold an expletive "it" ("It is unclear whether ...", "It's hard
 * to know ...", "It turns out ...", "It remains unclear ...")? False when
 * the sentence does not open on "It". English. */
bool ps_it_points_back(const char *s, size_t len);

/* Are two stems spellings of one word, for the redundancy test? One is the
 * other plus at most 3 bytes, the shorter at least 4, and neither is common
 * in news ("saad" / "saadi"; not "hair" / "hairdo", "iran" / "iranian"), or
 * it is a place in -a and its people ("korea" / "korean"); or, with the same
 * first letter and both at least 5 bytes, they are 1 edit apart, 2 from 8
 * bytes on, and one of them is not common ("binyamin" / "benjamin"; not
 * "polic" / "polici", "march" / "match") or they are a British and an
 * American spelling ("neighbour" / "neighbor", "organis" / "organiz").
 * Common = used by 30+ of Multi-News's 28,976 training documents
 * (common_stems.inc, tools/gen_train_tables.sh). Never numbers. */
bool ps_spelling_variant(const char *x, size_t lx, const char *y, size_t ly);

/* ---- selection (select.c) ------------------------------------------------- */

typedef struct ps_item {
    uint32_t cost;           /* words or bytes */
    const uint32_t *concepts; /* distinct concept ids it contains */
    uint32_t n_concepts;
    double bonus;            /* sentence-level prior added to the objective */
} ps_item;

/* Chooses items maximising sum of weights of covered concepts plus bonuses,
 * with total cost <= budget and at most max_items items (0 = no limit).
 * Greedy by gain/cost with the best-single-item guarantee (Lin & Bilmes 2010),
 * then improved by swaps, then proved or bettered by depth-first branch and
 * bound with a fractional-knapsack bound within a node limit. Writes chosen
 * item indices to out (capacity n_items), returns how many. *exact tells
 * whether branch and bound finished (the result is optimal). Items that
 * conflict with a chosen one are never added (conflicts may be NULL). */
typedef struct ps_conflicts {
    /* True when items a and b say the same thing: never chosen together. */
    bool (*conflict)(void *user, uint32_t a, uint32_t b);
    void *user;
} ps_conflicts;

size_t ps_select(const ps_item *items, size_t n_items, const double *weights, size_t n_concepts,
                 uint32_t budget, size_t max_items, const ps_conflicts *conflicts, uint32_t *out,
                 bool *exact);

/* ---- learned sentence prior (prior.c; coefficients generated into
 * prior_table.inc by tools/train_prior.py from Multi-News training clusters) */

/* What the prior knows of one candidate sentence. Every feature is relative
 * to the sentence's own cluster or capped, so that it means the same in
 * truncated sources (Multi-News) and in full-length wire articles (DUC). */
typedef struct ps_sent_facts {
    uint32_t index;     /* position among its document's prose sentences */
    uint32_t n_words;
    double weight;      /* concept weight it holds */
    double max_weight;  /* largest weight of a candidate in the cluster */
    double density;     /* weight per word */
    double max_density; /* largest weight per word of a candidate */
    double mean_df;     /* mean over its content words of (df - 1) / (documents - 1) */
    uint32_t n_docs;    /* documents in the cluster */
    bool dangling;      /* opens on a word that points back ("He", "But") */
    bool quote;         /* contains a quotation mark */
    bool digits;        /* contains a digit */
} ps_sent_facts;

#define PS_PRIOR_NF 36
/* The feature vector of a sentence (x[0] = 1, the intercept). */
void ps_prior_features(const ps_sent_facts *f, double x[PS_PRIOR_NF]);
/* Budgets of this many words (or 6 bytes a word) and more use the long
 * budget's model (prior.c). */
#define PS_PRIOR_LONG_WORDS 150
/* Whether a budget (words, or bytes when max_bytes > 0) takes the long model. */
bool ps_prior_long_budget(size_t max_words, size_t max_bytes);
/* The share of the position prior (1 / (1 + index) in weight units) kept
 * beside the short or the long budget's model: with the long model half of
 * it (Round 7: 0, 0.5, 1, 2 measured on training clusters 6000-9999). */
double ps_prior_position_share(bool long_budget);
/* The learned estimate of the reference bigrams the sentence holds (never
 * negative), by the short or the long budget's model. */
double ps_prior_value(const ps_sent_facts *f, bool long_budget);
/* Weight of the prior in the objective: the candidate with the highest prior
 * gets ps_prior_lambda() x the cluster's largest sentence weight as bonus. */
double ps_prior_lambda(bool long_budget);

/* Developer hook for tools/prior_dump.c (the generator's feature dump and its
 * lambda search): when set, its coefficients, lambda and position prior are
 * used instead of the compiled-in ones, and on_item sees every candidate.
 * NULL in the library's normal use; not thread-safe, never set by precis. */
typedef struct ps_prior_dev {
    const double *coef; /* PS_PRIOR_NF coefficients, or NULL for the table */
    double lambda;
    double position_bonus; /* replaces the 1 / (1 + index) prior's factor */
    void (*on_item)(void *user, const ps_sent_facts *f, const char *text, size_t len);
    void *user;
} ps_prior_dev;
extern const ps_prior_dev *ps_prior_dev_hook;

/* ---- sentence compression (compress.c) ---------------------------------- */

/* Rules of ps_compress (bits). */
#define PS_TRIM_PARENS (1u << 0)      /* "word (aside) word" */
#define PS_TRIM_DASHES (1u << 1)      /* "word -- aside -- word" */
#define PS_TRIM_CONNECTIVE (1u << 2)  /* opening "But", "However," */
#define PS_TRIM_ADVERBIAL (1u << 3)   /* opening "On Tuesday, ", "According to X, " */
#define PS_TRIM_ATTRIBUTION (1u << 4) /* ", officials said." ", according to X" */
#define PS_TRIM_APPOSITIVE (1u << 5)  /* "Ana Ruiz, a teacher, said" */
#define PS_TRIM_RELATIVE (1u << 6)    /* ", who ...," ", which ... ." */
#define PS_TRIM_ALL 0x7fu
/* What precis_summarize uses: the opening-adverbial and appositive rules cost
 * ROUGE alone on Multi-News training clusters (an opening's time and place
 * and a person's role are often what the references keep). */
#define PS_TRIM_DEFAULT (PS_TRIM_PARENS | PS_TRIM_DASHES | PS_TRIM_CONNECTIVE | PS_TRIM_ATTRIBUTION | PS_TRIM_RELATIVE)

typedef struct ps_piece {
    size_t start, end; /* bytes of the sentence kept */
} ps_piece;

/* A shorter grammatical version of the sentence s[0..len) by the given rules:
 * writes the kept byte ranges, in order, to out (capacity cap) and returns
 * how many, or 0 when no rule applies safely (or fewer than 6 words, or no
 * word saved, would be left). *capitalize: the first kept
 * letter must be upper-cased (an opening was cut). */
size_t ps_compress(const char *s, size_t len, unsigned rules, ps_piece *out, size_t cap, bool *capitalize);

/* Byte of s[0..len) where the sentence goes on after an opening connective
 * ("But ", "However, ", "As a result, ", "So "), the table of PS_TRIM_CONNECTIVE,
 * in any case; 0 when it has none or the word after it points back too ("But
 * he ...", "And then ..."). */
size_t ps_connective_end(const char *s, size_t len);

/* Writes the kept pieces of s, whitespace collapsed, NUL-terminated, to out
 * (room for the pieces' total length + 1); returns the length. */
size_t ps_compress_text(const char *s, const ps_piece *pieces, size_t n, bool capitalize, char *out);

#endif
