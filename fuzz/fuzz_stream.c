/* Fuzz target: story clustering from a stream (src/story/stream.c,
 * src/cluster, src/dedup), online and with the batch regrouping
 * (src/cluster/batch.c). The input is up to 64 articles separated by 0x1E;
 * an article whose first line starts with '@' takes the rest of that line as
 * its date. The first byte picks batch mode, the join threshold, the open
 * stories' cap and the regrouping window. Checks that every story number
 * stays below the stream's story count, copies point backwards, and the
 * regrouping reports each article at most once with a story below its count. */
#include "fuzz_text.h"

#include "precis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARTICLES 64

typedef struct reports {
    size_t story_of[MAX_ARTICLES];
} reports;

/* The regrouping's report: each article once, with a story id. */
static precis_status on_story(void *user, size_t article, size_t story)
{
    reports *r = user;
    if (article >= MAX_ARTICLES || r->story_of[article] != SIZE_MAX) abort();
    r->story_of[article] = story;
    return PRECIS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1 << 16)) return 0;
    precis_stream_options so = {0};
    so.batch = data[0] & 1;
    so.threshold = (data[0] & 2) ? 0.1 : 0; /* 0: the default */
    so.max_open = (data[0] & 4) ? 4 : 0;    /* a tiny cap exercises closing */
    so.window = (data[0] & 8) ? 4 : 0;      /* a tiny window exercises reporting early */
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s = NULL;
    if (!ctx || precis_stream_new(ctx, &so, &s) != PRECIS_OK) {
        precis_free(ctx);
        return 0;
    }
    size_t n = 0;
    reports rep;
    for (size_t i = 0; i < MAX_ARTICLES; i++) rep.story_of[i] = SIZE_MAX;
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
            if (st == PRECIS_OK && !so.batch && story >= precis_stream_n_stories(s)) abort();
            if (st == PRECIS_OK && so.batch && story != SIZE_MAX) abort();
            if (st == PRECIS_OK && dup != SIZE_MAX && dup >= n) abort();
            pc_buf_free(&text);
            if (st == PRECIS_OK && so.batch && precis_stream_settle(ctx, s, 0, on_story, &rep) != PRECIS_OK) abort();
            if (st != PRECIS_OK && st != PRECIS_EEMPTY) break;
            n++;
        }
        p = sep ? sep + 1 : end;
    }
    if (so.batch) {
        if (precis_stream_settle(ctx, s, 1, on_story, &rep) != PRECIS_OK) abort();
        size_t n_stories = precis_stream_n_stories(s);
        if (n_stories > n) abort();
        for (size_t i = 0; i < n; i++)
            if (rep.story_of[i] != SIZE_MAX && rep.story_of[i] >= n_stories) abort();
    }
    precis_stream_free(s);
    precis_free(ctx);
    return 0;
}
