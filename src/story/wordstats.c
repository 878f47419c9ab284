/* How ordinary a word is in news, from Multi-News training text
 * (wordstats_table.inc, written by tools/gen_wordstats.c): the alignment of
 * paraphrased facts weighs a word by it as well as by the story's own
 * reports, which are too few to tell "came" or "people" from "derail". */
#include "story.h"

#include <math.h>

typedef struct ws_df {
    uint64_t key; /* XXH3_64(stem): build.c's stem_key */
    uint32_t df;  /* documents using it */
} ws_df;

#include "wordstats_table.inc"

double pst_news_weight(uint64_t key)
{
    size_t lo = 0, hi = sizeof WS_DF / sizeof *WS_DF;
    uint32_t df = WS_DF_MIN; /* not listed: rarer than the table's last */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (WS_DF[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    if (lo < sizeof WS_DF / sizeof *WS_DF && WS_DF[lo].key == key) df = WS_DF[lo].df;
    double top = log((WS_DOCS + 1.0) / (WS_DF_MIN + 1.0));
    double w = log((WS_DOCS + 1.0) / (df + 1.0)) / top;
    return w < 0 ? 0 : w > 1 ? 1 : w;
}
