/* Fuzz target: sentence compression (src/summarize/compress.c). Splits the
 * input into sentences and compresses each with every rule; checks that the
 * kept pieces are ordered, non-empty and inside the sentence, that the text
 * fits its buffer, and that the summarizer with --compress keeps its spans. */
#include "fuzz_text.h"
#include "core/core.h"
#include "summarize/summarize.h"
#include "text/text.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 16)) return 0;
    pc_buf text;
    const char *s = fuzz_utf8_text(data, size, &text);
    if (!s) return 0;
    /* the whole input as one sentence, then each split sentence */
    for (int pass = 0; pass < 2; pass++) {
        pt_sentences out = {0};
        size_t n = 1;
        if (pass == 1) {
            if (pt_split_sentences(s, text.len, &out) != PRECIS_OK) break;
            n = out.n;
        }
        for (size_t i = 0; i < n; i++) {
            size_t b = pass ? out.v[i].start : 0, e = pass ? out.v[i].end : text.len;
            size_t wire = ps_wire_prefix(s + b, e - b); /* the summarizer's credit cut */
            if (wire && wire >= e - b) abort();
            ps_piece p[32];
            bool cap;
            size_t np = ps_compress(s + b, e - b, PS_TRIM_ALL, p, 32, &cap);
            if (np > 32) abort();
            size_t total = 0, at = 0;
            for (size_t k = 0; k < np; k++) {
                if (p[k].start >= p[k].end || p[k].end > e - b || p[k].start < at) abort();
                at = p[k].end;
                total += p[k].end - p[k].start;
            }
            if (np) {
                char *t = malloc(total + 1);
                if (!t) abort();
                size_t tl = ps_compress_text(s + b, p, np, cap, t);
                if (tl > total || t[tl] != '\0' || pt_count_words(t, tl) < 6) abort();
                free(t);
            }
        }
        pt_sentences_free(&out);
    }
    /* through the summarizer: spans and kept ranges inside the document */
    precis_ctx *ctx = precis_new(NULL);
    precis_cluster *c = NULL;
    if (ctx && precis_cluster_new(ctx, "f", &c) == PRECIS_OK &&
        precis_cluster_add_clean(ctx, c, "a", s, text.len) == PRECIS_OK &&
        precis_cluster_add_clean(ctx, c, "b", s, text.len / 2) == PRECIS_OK) {
        precis_summary_options o = {60, 0, 0, 1};
        precis_summary *sum = NULL;
        if (precis_summarize(ctx, c, &o, &sum) == PRECIS_OK) {
            for (size_t i = 0; i < precis_summary_count(sum); i++) {
                const precis_summary_sentence *x = precis_summary_sentence_at(sum, i);
                if (x->start >= x->end || x->end > text.len) abort();
                for (size_t k = 0; k < x->n_kept; k++)
                    if (x->kept[2 * k] < x->start || x->kept[2 * k + 1] > x->end ||
                        x->kept[2 * k] >= x->kept[2 * k + 1])
                        abort();
            }
        }
        precis_summary_free(sum);
    }
    precis_cluster_free(c);
    precis_free(ctx);
    pc_buf_free(&text);
    return 0;
}
