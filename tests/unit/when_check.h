/* Helpers of the tests of src/story/when.c (test_when.c, test_story.c): the
 * time references pst_find_when finds in one sentence. */
#ifndef PRECIS_TEST_WHEN_CHECK_H
#define PRECIS_TEST_WHEN_CHECK_H
#include "story/story.h"

#include <string.h>

/* The ISO form of the index-th time reference, "(none)" when there is none
 * (a static buffer: one call per CHECK). */
static inline const char *when_iso(const char *sentence, const pt_date *pub, size_t index)
{
    static char buf[64];
    pst_when w[8];
    size_t n = pst_find_when(sentence, strlen(sentence), pub, w, 8);
    if (index >= n) return "(none)";
    pst_when_iso(&w[index], buf, sizeof buf);
    return buf;
}

static inline size_t when_count(const char *sentence, const pt_date *pub)
{
    pst_when w[8];
    return pst_find_when(sentence, strlen(sentence), pub, w, 8);
}
#endif
