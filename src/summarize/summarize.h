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
};

/* True when pasted text has line structure for src/clean to judge (at least
 * two non-blank lines, not hard-wrapped): one long line (Multi-News) or
 * hard-wrapped wire copy (DUC) is used as is. The one rule for every reader
 * of pasted text (precis_cluster_add, precis_articles_read). */
bool ps_text_needs_cleaning(const char *text, size_t len);

/* ---- candidate filter (filter.c) ----------------------------------------- */

/* Why a sentence is not article prose, or NULL when it is. s[0..len) is the
 * sentence text, flags its PT_SENT_* flags, n_words its word count. Sentence
 * level only: line classification of whole pages belongs to src/clean. */
const char *ps_debris_reason(const char *s, size_t len, uint32_t flags, size_t n_words);

/* Flag for ps_debris_reason: the text follows a cut photo credit, so a
 * lower-case start is not a fragment's. */
#define PS_AFTER_CREDIT (1u << 31)

/* Bytes to cut from the front of a sentence that carries a parenthesised
 * photo credit ("... ( Photo: Ana Ruiz, AP ) The storm ..."), or 0. */
size_t ps_credit_prefix(const char *s, size_t len);

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

#endif
