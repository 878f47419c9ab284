/* Cross-document line statistics: in how many documents of a batch each
 * normalised line occurs. A small open-addressing table of 64-bit hashes; a
 * hash collision can only make two different lines share a count, which the
 * classifier tolerates (it needs several documents before it acts). */
#include "corpus_internal.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

struct pcl_corpus {
    uint64_t *keys;   /* 0 = empty slot */
    uint32_t *counts; /* documents the line occurs in */
    uint32_t *last;   /* last document that counted it, so each counts once */
    size_t cap, used, docs;
};

/* Lines differ in case, spacing and bullets between pages of one template only
 * by accident; hash lower-case letters and digits only. */
uint64_t pcl_line_hash(const char *s, size_t len)
{
    char buf[512];
    size_t o = 0;
    for (size_t i = 0; i < len && o < sizeof buf; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) buf[o++] = (char)c;
    }
    if (o < 2) return 0; /* nothing to learn from a line without words */
    uint64_t h = XXH3_64bits(buf, o);
    return h ? h : 1;
}

pcl_corpus *pcl_corpus_new(void)
{
    pcl_corpus *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->cap = 1024;
    c->keys = calloc(c->cap, sizeof *c->keys);
    c->counts = calloc(c->cap, sizeof *c->counts);
    c->last = calloc(c->cap, sizeof *c->last);
    if (!c->keys || !c->counts || !c->last) {
        pcl_corpus_free(c);
        return NULL;
    }
    return c;
}

void pcl_corpus_free(pcl_corpus *c)
{
    if (!c) return;
    free(c->keys);
    free(c->counts);
    free(c->last);
    free(c);
}

static size_t slot(const pcl_corpus *c, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 29)) & (c->cap - 1);
    while (c->keys[i] && c->keys[i] != h) i = (i + 1) & (c->cap - 1);
    return i;
}

static precis_status grow(pcl_corpus *c)
{
    pcl_corpus n = *c;
    n.cap = c->cap * 2;
    n.keys = calloc(n.cap, sizeof *n.keys);
    n.counts = calloc(n.cap, sizeof *n.counts);
    n.last = calloc(n.cap, sizeof *n.last);
    if (!n.keys || !n.counts || !n.last) {
        free(n.keys);
        free(n.counts);
        free(n.last);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->keys[i]) continue;
        size_t j = slot(&n, c->keys[i]);
        n.keys[j] = c->keys[i];
        n.counts[j] = c->counts[i];
        n.last[j] = c->last[i];
    }
    free(c->keys);
    free(c->counts);
    free(c->last);
    *c = n;
    return PRECIS_OK;
}

precis_status pcl_corpus_add(pcl_corpus *c, const char *text, size_t len)
{
    /* An exact copy of an earlier document is no evidence of a template: its
     * lines would count again, and ten copies of two articles in a JSONL file
     * were all "boilerplate" (every line of every article dropped). The whole
     * text's hash is kept in the same table (seeded apart from line hashes). */
    if ((c->used + 1) * 4 > c->cap * 3) {
        precis_status st = grow(c);
        if (st) return st;
    }
    uint64_t dh = XXH3_64bits_withSeed(text, len, 0x636f7079) | 1;
    size_t di = slot(c, dh);
    if (c->keys[di]) return PRECIS_OK;
    c->keys[di] = dh;
    c->used++;
    c->docs++;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = p;
        while (nl < end && *nl != '\n' && *nl != '\r') nl++;
        uint64_t h = pcl_line_hash(p, (size_t)(nl - p));
        if (h) {
            if ((c->used + 1) * 4 > c->cap * 3) {
                precis_status st = grow(c);
                if (st) return st;
            }
            size_t i = slot(c, h);
            if (!c->keys[i]) {
                c->keys[i] = h;
                c->used++;
            }
            if (c->last[i] != (uint32_t)c->docs) {
                c->last[i] = (uint32_t)c->docs;
                c->counts[i]++;
            }
        }
        p = nl < end ? nl + 1 : end;
    }
    return PRECIS_OK;
}

size_t pcl_corpus_docs(const pcl_corpus *c) { return c ? c->docs : 0; }

size_t pcl_corpus_count_hash(const pcl_corpus *c, uint64_t h)
{
    if (!c || !h) return 0;
    size_t i = slot(c, h);
    return c->keys[i] ? c->counts[i] : 0;
}

size_t pcl_corpus_count(const pcl_corpus *c, const char *line, size_t len)
{
    return pcl_corpus_count_hash(c, pcl_line_hash(line, len));
}
