/* tools/concept_dump.c — developer driver behind tools/train_concepts.py
 * (never part of the library, the CLI or the tests' behaviour).
 *
 *   concept_dump features FILE.jsonl WORDS
 *       For every concept of every cluster ({"id", "documents", "summary"}
 *       per line), one tab-separated row: cluster id, documents, whether it
 *       is weighted (df at the threshold), the PS_CONCEPT_NF features
 *       (concepts.c), and its label: 1 when the reference summary, tokenized
 *       and stemmed by the summarizer's own text layer, uses the same stemmed
 *       content word or adjacent pair of stems.
 *   concept_dump run FILE.jsonl WORDS ALPHA C0,C1,...
 *       Summarizes every cluster with the concept factor of these
 *       coefficients and blend; one JSON summary per line. */
#include "precis.h"
#include "summarize/summarize.h"
#include "text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct keys {
    uint64_t *v;
    size_t n, cap;
} keys;

static void push(keys *g, uint64_t k)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 256;
        g->v = realloc(g->v, g->cap * sizeof *g->v);
        if (!g->v) exit(4);
    }
    g->v[g->n++] = k;
}

static uint64_t pair_key(uint64_t a, uint64_t b) { return XXH3_64bits_withSeed(&b, sizeof b, a) | 1; }

/* The reference's stemmed content words (even keys) and stem pairs (odd). */
static void ref_keys(pt_lang *lang, const char *s, size_t len, keys *g)
{
    g->n = 0;
    size_t pos = 0, b, e;
    uint64_t prev = 0;
    while (pt_next_word(s, len, &pos, &b, &e)) {
        char norm[PT_WORD_MAX + 1];
        size_t n = pt_normalize(s + b, e - b, norm);
        if (!n) continue;
        size_t sn;
        const char *digits = pt_number_word(lang, norm, n);
        const char *stem = digits ? (sn = strlen(digits), digits) : pt_stem(lang, norm, n, &sn);
        uint64_t h = XXH3_64bits(stem, sn);
        if (!pt_is_stopword(lang, norm, n)) push(g, h & ~(uint64_t)1);
        if (prev) push(g, pair_key(prev, h));
        prev = h;
    }
    pc_sort_u64(g->v, g->n);
}

typedef struct dump {
    const char *cluster;
    size_t n_docs;
    keys ref;
} dump;

static void on_concept(void *user, const ps_concept_facts *f, bool weighted, const char *a, size_t la,
                       const char *b, size_t lb)
{
    dump *d = user;
    uint64_t ha = XXH3_64bits(a, la);
    uint64_t k = b ? pair_key(ha, XXH3_64bits(b, lb)) : ha & ~(uint64_t)1;
    bool hit = bsearch(&k, d->ref.v, d->ref.n, sizeof k, pc_cmp_u64) != NULL;
    double x[PS_CONCEPT_NF];
    ps_concept_features(f, x);
    printf("%s\t%zu\t%d", d->cluster, d->n_docs, weighted);
    for (int j = 0; j < PS_CONCEPT_NF; j++) printf("\t%.6g", x[j]);
    printf("\t%d\n", hit);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "features") && strcmp(argv[1], "run")) ||
        (!strcmp(argv[1], "run") && argc != 6)) {
        fprintf(stderr, "usage: concept_dump features FILE.jsonl WORDS\n"
                        "       concept_dump run FILE.jsonl WORDS ALPHA C0,C1,...\n");
        return 1;
    }
    bool run = !strcmp(argv[1], "run");
    double coef[PS_CONCEPT_NF] = {0};
    dump d = {0};
    ps_concept_dev dev = {NULL, 0, on_concept, &d};
    if (run) {
        dev.alpha = atof(argv[4]);
        char *p = argv[5];
        for (int k = 0; k < PS_CONCEPT_NF; k++) {
            coef[k] = strtod(p, &p);
            if (*p == ',') p++;
        }
        dev.coef = coef;
        dev.on_concept = NULL;
    }
    ps_concept_dev_hook = &dev;
    pt_lang *lang = NULL;
    if (pt_lang_open("en", &lang, NULL)) return 3;
    size_t len;
    char *data = read_file(argv[2], &len);
    if (!data) {
        fprintf(stderr, "concept_dump: cannot read %s\n", argv[2]);
        return 2;
    }
    precis_ctx *ctx = precis_new(NULL);
    precis_summary_options o = {(size_t)atol(argv[3]), 0, 0, 0};
    char *line = data, *end = data + len;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl) nl = end;
        json_error_t je;
        json_t *v = json_loadb(line, (size_t)(nl - line), 0, &je);
        line = nl + 1;
        if (!v) continue;
        char id[64];
        json_t *jid = json_object_get(v, "id");
        if (json_is_integer(jid)) snprintf(id, sizeof id, "%lld", (long long)json_integer_value(jid));
        else snprintf(id, sizeof id, "%s", json_is_string(jid) ? json_string_value(jid) : "?");
        json_t *docs = json_object_get(v, "documents"), *ref = json_object_get(v, "summary");
        precis_cluster *c = NULL;
        if (json_is_array(docs) && json_is_string(ref) && !precis_cluster_new(ctx, id, &c)) {
            size_t i;
            json_t *doc;
            json_array_foreach(docs, i, doc)
                if (json_is_string(doc)) precis_cluster_add(ctx, c, NULL, json_string_value(doc), json_string_length(doc));
            d.cluster = id;
            d.n_docs = precis_cluster_count(c);
            ref_keys(lang, json_string_value(ref), json_string_length(ref), &d.ref);
            precis_summary *s = NULL;
            int rc = precis_summarize(ctx, c, &o, &s);
            if (run && !rc) {
                char *js;
                size_t jl;
                if (!precis_summary_json(s, &js, &jl)) {
                    printf("%s\n", js);
                    precis_text_free(js);
                }
            }
            precis_summary_free(s);
        }
        precis_cluster_free(c);
        json_decref(v);
    }
    free(d.ref.v);
    free(data);
    pt_lang_close(lang);
    precis_free(ctx);
    return 0;
}
