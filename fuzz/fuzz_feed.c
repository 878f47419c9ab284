/* Fuzz target: the feed reader (src/html/feed.c) — sniffing, the prolog
 * scanner, libxml2's push parser through the SAX wrappers, item fields,
 * links, dates, caps (small ones here, so the limit paths are reached). */
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

typedef struct mem {
    const char *d;
    size_t n, pos;
} mem;

static int rd(void *p, char *buf, int len)
{
    mem *m = p;
    size_t k = m->n - m->pos < (size_t)len ? m->n - m->pos : (size_t)len;
    if (k > 333) k = 333; /* small chunks: items split across pushes */
    memcpy(buf, m->d + m->pos, k);
    m->pos += k;
    return (int)k;
}

static precis_status on_item(void *user, pt_article *a, size_t index, size_t line)
{
    if ((a->text && !a->text_len && a->text[0]) || !index) abort();
    (*(size_t *)user)++;
    return PRECIS_OK;
}

static void on_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    if (!why || (st != PRECIS_EPARSE && st != PRECIS_ELIMIT && st != PRECIS_EEMPTY)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)ph_looks_like_feed((const char *)data, size);
    for (int utf8 = 0; utf8 < 2; utf8++) {
        mem m = {(const char *)data, size, 0};
        size_t n = 0, got = 0;
        ph_feed_options o = {0};
        o.name = "fuzz.xml";
        o.max_bytes = 1 << 20;
        o.max_items = 50;
        o.max_item_bytes = 64 * 1024;
        o.max_article = 64 * 1024;
        o.utf8 = utf8;
        o.fn = on_item;
        o.skip = on_skip;
        o.user = &n;
        precis_status st = ph_feed_read(rd, &m, &o, &got);
        if (st && st != PRECIS_ENOMEM) abort();
        if (got != n || n > 50) abort();
    }
    return 0;
}
