/* Fuzz target: story clustering from a stream (src/story/stream.c,
 * src/cluster, src/dedup), online and with the batch regrouping
 * (src/cluster/batch.c). The input is up to 64 articles separated by 0x1E;
 * an article whose first line starts with '@' takes the rest of that line as
 * its date. The first byte picks batch mode and the join threshold. Checks
 * that every story number stays below the stream's story count, copies point
 * backwards, and the batch pass gives each article a story below its count. */
#include "fuzz_text.h"

#include "precis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARTICLES 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1 << 16)) return 0;
    precis_stream_options so = {0};
    so.batch = data[0] & 1;
    so.threshold = (data[0] & 2) ? 0.1 : 0; /* 0: the default */
    so.max_open = (data[0] & 4) ? 4 : 0;    /* a tiny cap exercises closing */
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s = NULL;
    if (!ctx || precis_stream_new(ctx, &so, &s) != PRECIS_OK) {
        precis_free(ctx);
        return 0;
    }
    size_t n = 0;
    const uint8_t *p = data + 1, *end = data + size;
    while (p < end && n < MAX_ARTICLES) {
        const uint8_t *sep = memchr(p, 0x1E, (size_t)(end - p));
        const uint8_t *stop = sep ? sep : end;
        char date[32] = "";
        if (p < stop && *p == '@') {
            const uint8_t *nl = memchr(p, '\n', (size_t)(stop - p));
            size_t dl = (size_t)((nl ? nl : stop) - p - 1);
            if (dl >= sizeof date) dl = sizeof date - 1;
            memcpy(date, p + 1, dl);
            date[dl] = 0;
            p = nl ? nl + 1 : stop;
        }
        pc_buf text;
        const char *t = fuzz_utf8_text(p, (size_t)(stop - p), &text);
        if (t) {
            char id[16];
            snprintf(id, sizeof id, "a%zu", n);
            precis_article a = {.id = id, .text = t, .text_len = text.len, .date = date[0] ? date : NULL};
            size_t story = SIZE_MAX, dup = SIZE_MAX;
            precis_status st = precis_stream_add(ctx, s, &a, &story, &dup);
            if (st == PRECIS_OK && story >= precis_stream_n_stories(s)) abort();
            if (st == PRECIS_OK && dup != SIZE_MAX && dup >= n) abort();
            pc_buf_free(&text);
            if (st != PRECIS_OK && st != PRECIS_EEMPTY) break;
            n++;
        }
        p = sep ? sep + 1 : end;
    }
    if (so.batch && n) {
        size_t story_of[MAX_ARTICLES], n_stories = 0;
        if (precis_stream_batch(ctx, s, story_of, n, &n_stories) == PRECIS_OK) {
            if (n_stories > n) abort();
            for (size_t i = 0; i < n; i++)
                if (story_of[i] != SIZE_MAX && story_of[i] >= n_stories) abort();
        }
    }
    precis_stream_free(s);
    precis_free(ctx);
    return 0;
}
