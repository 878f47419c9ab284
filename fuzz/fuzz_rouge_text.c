/* Fuzz target: the peer/model text reader of precis eval rouge — truncation
 * (-l, -b and the LCS reader's own byte rule), tokens, stopwords, the stemmer,
 * the gram counts and the ROUGE-L DP. The first byte picks the options; the
 * rest, split at the first 0xFF byte, is a reference and a system summary. */
#include "rouge/rouge.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    uint8_t sel = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    const char *cut = memchr(text, 0xFF, len);
    size_t ref_len = cut ? (size_t)(cut - text) : len / 2;
    const char *peer = text + ref_len + (cut ? 1 : 0);
    size_t peer_len = len - ref_len - (cut ? 1 : 0);

    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.max_n = 1 + (sel & 3);
    o.stem = (sel >> 2) & 1;
    o.remove_stopwords = (sel >> 3) & 1;
    if (sel & 16) o.word_limit = 1 + (sel >> 5);
    else if (sel & 32) o.byte_limit = 1 + (sel >> 6) * 7;
    o.skip_bigrams = 1;
    o.skip_gap = (sel & 64) ? -1 : 4;
    o.skip_unigrams = (sel >> 7) & 1;
    o.formula = (sel & 8) ? 'B' : 'A';
    o.counting = sel % 3;
    o.wlcs_weight = sel % 5 == 0 ? 1.2 : 0; /* ROUGE-W on a fifth of the inputs */
    o.resamples = 5;
    o.max_summary_bytes = 1 << 14;
    precis_rouge *r = NULL;
    if (precis_rouge_new(&o, &r) == PRECIS_OK) {
        precis_rouge_add_reference(r, "t", text, ref_len, "ref");
        precis_rouge_add_reference(r, "t", peer, peer_len, "ref2");
        precis_rouge_add_summary(r, "s", "t", peer, peer_len, "peer");
        if (precis_rouge_run(r) == PRECIS_OK) {
            char *out = NULL;
            size_t n = 0;
            precis_rouge_format_results(r, PRECIS_ROUGE_TEXT, 1, &out, &n);
            precis_text_free(out);
        }
    }
    precis_rouge_free(r);
    return 0;
}
