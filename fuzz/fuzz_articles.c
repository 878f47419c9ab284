/* Fuzz target: precis_articles_read's sniffing and parsing (src/story/input.c)
 * over data in memory: JSONL articles and clusters, HTML, WARC, pasted text.
 * Every article handed out must have an id and valid UTF-8 text. An odd-sized
 * input runs under a 200-byte line limit, so that JSONL lines and JSON array
 * elements over the cap are reached. */
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

static precis_status check(void *user, const precis_article *a)
{
    (void)user;
    if (!a->id || !a->text || !pc_utf8_valid(a->text, a->text_len)) abort();
    if (a->date && !pc_utf8_valid(a->date, strlen(a->date))) abort();
    return PRECIS_OK;
}

static void quiet(void *user, const char *msg)
{
    (void)user;
    if (!msg) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_options o = {0};
    o.limits.max_line_bytes = size % 2 ? 200 : 1 << 16;
    o.limits.max_article_bytes = 1 << 16;
    o.limits.max_file_bytes = 1 << 20;
    precis_ctx *ctx = precis_new(&o);
    if (!ctx) return 0;
    pst_articles_read_mem(ctx, "fuzz", (const char *)data, size, check, quiet, NULL);
    precis_free(ctx);
    return 0;
}
