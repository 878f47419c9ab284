/* How ordinary a word is in news, from Multi-News training text
 * (wordstats_table.inc, written by tools/gen_wordstats.c): the alignment of
 * paraphrased facts weighs a word by it as well as by the story's own
 * reports, which are too few to tell "came" or "people" from "derail". */
#include "story.h"

#include <math.h>
#include <xxhash.h>

typedef struct ws_df {
    uint64_t key; /* pst_stem_key(stem) */
    uint32_t df;  /* documents using it */
} ws_df;

#include "wordstats_table.inc"

/* The one key of a stem: build.c's vocabulary, this table and its generator
 * all call this, so the table cannot silently go stale when the key changes
 * (test_coverage looks stems up through it; regenerate with
 * tools/gen_train_tables.sh after changing it). */
uint64_t pst_stem_key(const char *stem, size_t n) { return XXH3_64bits(stem, n); }

uint32_t pst_news_df(uint64_t key)
{
    size_t lo = 0, hi = sizeof WS_DF / sizeof *WS_DF;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (WS_DF[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < sizeof WS_DF / sizeof *WS_DF && WS_DF[lo].key == key ? WS_DF[lo].df : 0;
}

double pst_news_weight(uint64_t key)
{
    uint32_t df = pst_news_df(key);
    if (!df) df = WS_DF_MIN; /* not listed: rarer than the table's last */
    double top = log((WS_DOCS + 1.0) / (WS_DF_MIN + 1.0));
    double w = log((WS_DOCS + 1.0) / (df + 1.0)) / top;
    return w < 0 ? 0 : w > 1 ? 1 : w;
}
