/* tools/prior_dump.c — developer driver behind tools/train_prior.py (never part
 * of the library, the CLI or the tests).
 *
 *   prior_dump features FILE.jsonl WORDS
 *       For every candidate sentence of every cluster ({"id", "documents",
 *       "summary"} per line, the Multi-News shape), prints one tab-separated
 *       row: cluster id, number of documents, the PS_PRIOR_NF prior features
 *       (prior.c), the sentence's word count, and its labels against the
 *       cluster's reference summary, tokenized and stemmed as ROUGE-1.5.5
 *       does with -m: distinct reference content words it holds, distinct
 *       reference bigrams it holds, and those bigrams each counted as
 *       1 / (candidates of the cluster holding it) (the label the prior is
 *       fitted on since Round 7).
 *   prior_dump run FILE.jsonl WORDS LAMBDA POSITION C0,C1,...
 *       Summarizes every cluster with these prior coefficients, prior weight
 *       and position-prior factor instead of the compiled-in ones; prints
 *       one JSON summary per line (as `precis summarize --batch`).
 *
 * Built by tools/train_prior.py against build/libprecis.a, and compiled into
 * tests/unit/test_prior_dump.c (main renamed) so every `make test` builds it. */
#include "precis.h"
#include "rouge/rouge.h"
#include "summarize/summarize.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct grams {
    uint64_t *v;
    size_t n, cap;
    uint64_t prev; /* previous token's hash, 0 at the start */
    bool content_only;
} grams;

static void push(grams *g, uint64_t k)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 256;
        g->v = realloc(g->v, g->cap * sizeof *g->v);
        if (!g->v) {
            fprintf(stderr, "prior_dump: out of memory\n");
            exit(4);
        }
    }
    g->v[g->n++] = k;
}

/* Unigram keys have the low bit 0, bigram keys 1: one sorted array holds both. */
static void on_token(void *user, const char *tok, size_t n)
{
    grams *g = user;
    char buf[512];
    if (n > sizeof buf - 64) n = sizeof buf - 64;
    size_t k = pr_morph_stem(tok, n, buf, sizeof buf);
    uint64_t h = XXH3_64bits(buf, k) | 1; /* never 0 */
    if (!pr_is_stopword(tok, n)) push(g, h << 1);
    if (g->prev) push(g, (XXH3_64bits_withSeed(&h, sizeof h, g->prev) << 1) | 1);
    g->prev = h;
}

/* The distinct grams of text, lower-cased and tokenized as ROUGE does. */
static void text_grams(const char *s, size_t n, grams *g)
{
    char *low = malloc(n + 1);
    if (!low) exit(4);
    for (size_t i = 0; i < n; i++) low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    g->n = 0;
    g->prev = 0;
    pr_tokenize(low, n, on_token, g);
    free(low);
    pc_sort_u64(g->v, g->n);
    size_t u = 0;
    for (size_t i = 0; i < g->n; i++)
        if (!u || g->v[i] != g->v[u - 1]) g->v[u++] = g->v[i];
    g->n = u;
}

/* One candidate's dump row, printed once the whole cluster is seen: its
 * uniqueness label needs how many candidates hold each reference bigram. */
typedef struct row {
    double x[PS_PRIOR_NF];
    unsigned words, uni, bi;
    size_t hits, n_hits; /* its reference bigrams: hit.v[hits .. hits + n_hits) */
} row;

typedef struct dump {
    const char *cluster;
    size_t n_docs;
    grams ref, sent, hit;
    row *rows;
    size_t n_rows, cap_rows;
} dump;

static void on_item(void *user, const ps_sent_facts *f, const char *text, size_t len)
{
    dump *d = user;
    if (d->n_rows == d->cap_rows) {
        d->cap_rows = d->cap_rows ? d->cap_rows * 2 : 256;
        d->rows = realloc(d->rows, d->cap_rows * sizeof *d->rows);
        if (!d->rows) {
            fprintf(stderr, "prior_dump: out of memory\n");
            exit(4);
        }
    }
    row *r = &d->rows[d->n_rows++];
    ps_prior_features(f, r->x);
    text_grams(text, len, &d->sent);
    r->words = f->n_words;
    r->uni = r->bi = 0;
    r->hits = d->hit.n;
    for (size_t i = 0; i < d->sent.n; i++)
        if (bsearch(&d->sent.v[i], d->ref.v, d->ref.n, sizeof *d->ref.v, pc_cmp_u64)) {
            if (d->sent.v[i] & 1) {
                r->bi++;
                push(&d->hit, d->sent.v[i]);
            } else r->uni++;
        }
    r->n_hits = d->hit.n - r->hits;
}

/* Prints the cluster's rows. The last label counts each reference bigram a
 * candidate holds as 1 / (candidates of the cluster holding it): what the
 * sentence adds that others cannot, since a bigram many candidates hold is
 * covered whichever of them is chosen (Round 7, docs/summarize.md). */
static void flush_rows(dump *d)
{
    size_t n = d->hit.n;
    uint64_t *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted) exit(4);
    memcpy(sorted, d->hit.v, n * sizeof *sorted);
    pc_sort_u64(sorted, n);
    for (size_t k = 0; k < d->n_rows; k++) {
        const row *r = &d->rows[k];
        double uniq = 0;
        for (size_t i = 0; i < r->n_hits; i++) {
            uint64_t h = d->hit.v[r->hits + i];
            size_t lo = 0, hi = n; /* first >= h */
            while (lo < hi) {
                size_t m = lo + (hi - lo) / 2;
                if (sorted[m] < h) lo = m + 1;
                else hi = m;
            }
            size_t e = lo;
            while (e < n && sorted[e] == h) e++;
            uniq += 1.0 / (double)(e - lo);
        }
        printf("%s\t%zu", d->cluster, d->n_docs);
        for (int j = 0; j < PS_PRIOR_NF; j++) printf("\t%.6g", r->x[j]);
        printf("\t%u\t%u\t%u\t%.6g\n", r->words, r->uni, r->bi, uniq);
    }
    free(sorted);
    d->n_rows = 0;
    d->hit.n = 0;
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
        (!strcmp(argv[1], "run") && argc != 7)) {
        fprintf(stderr, "usage: prior_dump features FILE.jsonl WORDS\n"
                        "       prior_dump run FILE.jsonl WORDS LAMBDA POSITION C0,C1,...\n");
        return 1;
    }
    bool run = !strcmp(argv[1], "run");
    double coef[PS_PRIOR_NF] = {0};
    dump d = {0};
    ps_prior_dev dev = {NULL, 0, 1.0, on_item, &d};
    if (run) {
        dev.lambda = atof(argv[4]);
        dev.position_bonus = atof(argv[5]);
        char *p = argv[6];
        for (int k = 0; k < PS_PRIOR_NF; k++) {
            coef[k] = strtod(p, &p);
            if (*p == ',') p++;
        }
        dev.coef = coef;
        dev.on_item = NULL;
    }
    ps_prior_dev_hook = &dev;
    size_t len;
    char *data = read_file(argv[2], &len);
    if (!data) {
        fprintf(stderr, "prior_dump: cannot read %s\n", argv[2]);
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
            text_grams(json_string_value(ref), json_string_length(ref), &d.ref);
            precis_summary *s = NULL;
            int rc = precis_summarize(ctx, c, &o, &s);
            if (!run) flush_rows(&d);
            else if (!rc) {
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
    free(d.sent.v);
    free(d.hit.v);
    free(d.rows);
    free(data);
    precis_free(ctx);
    return 0;
}
