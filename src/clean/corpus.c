/* Cross-document line statistics: in how many documents of a batch each
 * normalised line occurs. A table (pc_map) of 64-bit hashes; a
 * hash collision can only make two different lines share a count, which the
 * classifier tolerates (it needs several documents before it acts). */
#include "corpus_internal.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

struct pcl_corpus {
    pc_map lines;  /* line hash (or a whole text's, seeded apart) -> its count */
    struct line_count {
        uint32_t docs; /* documents the line occurs in */
        uint32_t last; /* last document that counted it, so each counts once */
    } *counts;
    size_t n, cap, docs;
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
    if (c) pc_map_init(&c->lines, 0);
    return c;
}

void pcl_corpus_free(pcl_corpus *c)
{
    if (!c) return;
    pc_map_free(&c->lines);
    free(c->counts);
    free(c);
}

/* The count of hash h, a new one (zero) when h is not there yet; NULL when
 * there is no room for it. *fresh says which. */
static struct line_count *count_of(pcl_corpus *c, uint64_t h, bool *fresh)
{
    uint32_t i = pc_map_get(&c->lines, h, NULL, NULL);
    *fresh = i == PC_MAP_NONE;
    if (!*fresh) return &c->counts[i];
    if (c->n >= PC_MAP_NONE || pc_grow(&c->counts, &c->cap, c->n + 1, sizeof *c->counts, 1024) ||
        pc_map_add(&c->lines, h, (uint32_t)c->n))
        return NULL;
    c->counts[c->n] = (struct line_count){0, 0};
    return &c->counts[c->n++];
}

precis_status pcl_corpus_add(pcl_corpus *c, const char *text, size_t len)
{
    /* An exact copy of an earlier document is no evidence of a template: its
     * lines would count again, and ten copies of two articles in a JSONL file
     * were all "boilerplate" (every line of every article dropped). The whole
     * text's hash is kept in the same table (seeded apart from line hashes). */
    bool fresh;
    uint64_t dh = XXH3_64bits_withSeed(text, len, 0x636f7079) | 1;
    if (!count_of(c, dh, &fresh)) return PRECIS_ENOMEM;
    if (!fresh) return PRECIS_OK;
    c->docs++;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = p;
        while (nl < end && *nl != '\n' && *nl != '\r') nl++;
        uint64_t h = pcl_line_hash(p, (size_t)(nl - p));
        if (h) {
            struct line_count *lc = count_of(c, h, &fresh);
            if (!lc) return PRECIS_ENOMEM;
            if (lc->last != (uint32_t)c->docs) {
                lc->last = (uint32_t)c->docs;
                lc->docs++;
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
    uint32_t i = pc_map_get(&c->lines, h, NULL, NULL);
    return i == PC_MAP_NONE ? 0 : c->counts[i].docs;
}

size_t pcl_corpus_count(const pcl_corpus *c, const char *line, size_t len)
{
    return pcl_corpus_count_hash(c, pcl_line_hash(line, len));
}
