/* Fuzz target: the summarizer's input readers (cluster JSONL, article JSONL,
 * a JSON array of articles, Multi-News separator) and, for small inputs,
 * summarization itself. The input is also read by precis_cluster_read, which
 * reports and skips bad lines and elements: each report must be a message,
 * and a skip must show in the status. */
#include "precis.h"

#include <stdlib.h>
#include <string.h>

static precis_status drop(void *user, precis_cluster *c)
{
    (*(size_t *)user)++;
    precis_cluster_free(c);
    return PRECIS_OK;
}

static void count_bad(void *user, const char *msg)
{
    if (!msg || !*msg) abort();
    (*(size_t *)user)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 20)) return 0;
    precis_ctx *ctx = precis_new(NULL);
    if (!ctx) return 0;
    char *text = malloc(size + 1);
    if (!text) {
        precis_free(ctx);
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    size_t n = 0;
    precis_clusters_read(ctx, "fuzz", text, size, drop, NULL, &n);
    precis_cluster *c;
    if (precis_cluster_new(ctx, "fuzz", &c) == PRECIS_OK) {
        if (precis_cluster_add_input(ctx, c, "fuzz", text, size) == PRECIS_OK && size < 65536) {
            precis_summary *s = NULL;
            precis_summary_options o = {30, 0, 0, 0};
            if (precis_summarize(ctx, c, &o, &s) == PRECIS_OK) {
                char *json;
                size_t len;
                if (precis_summary_json(s, &json, &len) == PRECIS_OK) precis_text_free(json);
                precis_summary_free(s);
            }
        }
        precis_cluster_free(c);
    }
    /* under a 256-byte line limit, so that lines and elements over it are skipped */
    precis_options small = {0};
    small.limits.max_line_bytes = 256;
    precis_ctx *sctx = precis_new(&small);
    if (sctx && precis_cluster_new(sctx, "fuzz", &c) == PRECIS_OK) {
        size_t bad = 0;
        precis_status st = precis_cluster_read(sctx, c, "fuzz", text, size, count_bad, &bad);
        /* a skip that the status hides (a hard failure after it, as "several
         * clusters", is a refusal of its own: precis.h) */
        if (bad && st == PRECIS_OK) abort();
        precis_cluster_free(c);
    }
    precis_free(sctx);
    free(text);
    precis_free(ctx);
    return 0;
}
