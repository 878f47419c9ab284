/* tools/choose_dump.c — developer driver behind tools/train_choose.py (never
 * part of the library, the CLI or the tests).
 *
 *   choose_dump FILE.jsonl WORDS SUMMARIES.jsonl
 *       Summarizes every cluster ({"id", "documents", ...} per line) at WORDS
 *       words and, for every candidate solver setting k of the summary-level
 *       chooser (choose.c), prints one tab-separated row to stdout: cluster
 *       id, number of documents, WORDS, k, the candidate's facts
 *       (ps_cand_facts, in declaration order), the chooser's pick; and writes
 *       the candidate's summary as {"id": "<id>#<k>", "summary": "..."} to
 *       SUMMARIES.jsonl for `precis eval rouge`.
 *
 * Built by tools/train_choose.py against build/libprecis.a, and compiled into
 * tests/unit/test_choose_dump.c (main renamed) so every `make test` builds it. */
#include "precis.h"
#include "summarize/summarize.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dump {
    const char *cluster;
    size_t n_docs, words;
    FILE *sums;
    ps_cand_facts f[PS_CHOOSE_K];
    int seen;
} dump;

static void on_candidate(void *user, int k, const ps_cand_facts *f, const char *text, size_t len)
{
    dump *d = user;
    if (k < 0 || k >= PS_CHOOSE_K) return;
    d->f[k] = *f;
    d->seen = k + 1;
    char id[96];
    snprintf(id, sizeof id, "%s#%d", d->cluster, k);
    json_t *o = json_pack("{s:s, s:s%}", "id", id, "summary", text, len);
    if (o) {
        json_dumpf(o, d->sums, JSON_COMPACT);
        fputc('\n', d->sums);
        json_decref(o);
    }
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
    if (argc != 4) {
        fprintf(stderr, "usage: choose_dump FILE.jsonl WORDS SUMMARIES.jsonl\n");
        return 1;
    }
    dump d = {0};
    d.words = (size_t)atol(argv[2]);
    d.sums = fopen(argv[3], "w");
    if (!d.sums) {
        fprintf(stderr, "choose_dump: cannot write %s\n", argv[3]);
        return 2;
    }
    ps_choose_dev dev = {-1, NULL, on_candidate, &d};
    ps_choose_dev_hook = &dev;
    size_t len;
    char *data = read_file(argv[1], &len);
    if (!data) {
        fprintf(stderr, "choose_dump: cannot read %s\n", argv[1]);
        return 2;
    }
    precis_ctx *ctx = precis_new(NULL);
    precis_summary_options o = {d.words, 0, 0, 0};
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
        json_t *docs = json_object_get(v, "documents");
        precis_cluster *c = NULL;
        if (json_is_array(docs) && !precis_cluster_new(ctx, id, &c)) {
            size_t i;
            json_t *doc;
            json_array_foreach(docs, i, doc)
                if (json_is_string(doc)) precis_cluster_add(ctx, c, NULL, json_string_value(doc), json_string_length(doc));
            d.cluster = id;
            d.n_docs = precis_cluster_count(c);
            d.seen = 0;
            precis_summary *s = NULL;
            precis_summarize(ctx, c, &o, &s);
            for (int k = 0; k < d.seen; k++) {
                const ps_cand_facts *f = &d.f[k];
                printf("%s\t%zu\t%zu\t%d\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%g\t%g\t%g\t%g\t%g\t%g\n", id, d.n_docs,
                       d.words, k, f->objective, f->bigrams, f->unigrams, f->prior, f->position, f->n_sents,
                       f->words, f->docs, f->firsts, f->dangling, f->quotes);
            }
            precis_summary_free(s);
        }
        precis_cluster_free(c);
        json_decref(v);
    }
    fclose(d.sums);
    free(data);
    precis_free(ctx);
    ps_choose_dev_hook = NULL; /* dev lives on this stack */
    return 0;
}
