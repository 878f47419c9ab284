/* cues.h — the word lists the line classifier looks for (English and German,
 * a few Romance-language cues for teasers). Internal to src/clean. */
#ifndef PRECIS_CLEAN_CUES_H
#define PRECIS_CLEAN_CUES_H

#include <stdbool.h>
#include <stddef.h>

/* Which kind of debris a phrase points at. */
typedef enum pcl_cue_kind {
    CUE_NONE = 0,
    CUE_PROMO,     /* subscribe, donate, newsletter, paywall counters */
    CUE_SOCIAL,    /* share, follow, like this */
    CUE_LEGAL,     /* cookies, privacy, copyright */
    CUE_TEASER,    /* read also, related */
    CUE_NAV,       /* skip to content, menu, home */
    CUE_CREDIT,    /* photo:, credit:, agency names */
    CUE_BYLINE,    /* by, von, author: (at the start of a line) */
    CUE_END,       /* a section after the article: comments, related posts */
    CUE_N
} pcl_cue_kind;

typedef struct pcl_cues {
    int hits[CUE_N];     /* phrases found anywhere in the line */
    bool whole[CUE_N];   /* the line is (almost) only that phrase */
    const char *first[CUE_N]; /* first phrase found, for the reason text */
} pcl_cues;

/* Scans one line (already trimmed; any case) for cue phrases. */
void pcl_find_cues(const char *s, size_t len, pcl_cues *out);

#endif
