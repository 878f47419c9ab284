/* tools/train_df.h — document frequency of content-word stems over Multi-News
 * TRAINING text (JSON Lines, gzip, {"documents": [string, ...]}), shared by the
 * table generators tools/gen_wordstats.c and tools/gen_common_stems.c (never
 * part of the library, the CLI or the tests). A generator says how a word is
 * stemmed and keyed, the way the module that reads its table does; the rest —
 * reading, the content-word filter (stopwords, numbers, number words left
 * out), counting each stem once per document — is this one loop. */
#ifndef PRECIS_TOOLS_TRAIN_DF_H
#define PRECIS_TOOLS_TRAIN_DF_H

#include "precis.h"
#include "text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* the stem of a normalised word (nl bytes), *sn its length */
typedef const char *(*df_stem_fn)(pt_lang *lang, const char *norm, size_t nl, size_t *sn);
/* the key the table is looked up by */
typedef uint64_t (*df_key_fn)(const char *s, size_t n);

typedef struct df_vocab {
    uint64_t *slot_keys; /* open addressing; 0 = empty slot */
    uint32_t *slot_ids;
    size_t cap, n;
    char **str;     /* id -> stem */
    uint64_t *hash; /* id -> key */
    uint32_t *df, *last;
    uint32_t n_docs;
    size_t n_content; /* content-word tokens seen */
} df_vocab;

static void *df_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "out of memory\n");
        exit(4);
    }
    return q;
}

static uint32_t df_vocab_id(df_vocab *v, uint64_t key, const char *s, size_t n)
{
    if (2 * (v->n + 1) > v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 1 << 16;
        uint64_t *k = calloc(cap, sizeof *k);
        uint32_t *x = df_xrealloc(NULL, cap * sizeof *x);
        if (!k) exit(4);
        for (size_t i = 0; i < v->cap; i++) {
            if (!v->slot_keys[i]) continue;
            size_t j = v->slot_keys[i] & (cap - 1);
            while (k[j]) j = (j + 1) & (cap - 1);
            k[j] = v->slot_keys[i];
            x[j] = v->slot_ids[i];
        }
        free(v->slot_keys);
        free(v->slot_ids);
        v->slot_keys = k, v->slot_ids = x, v->cap = cap;
        v->str = df_xrealloc(v->str, cap * sizeof *v->str);
        v->hash = df_xrealloc(v->hash, cap * sizeof *v->hash);
        v->df = df_xrealloc(v->df, cap * sizeof *v->df);
        v->last = df_xrealloc(v->last, cap * sizeof *v->last);
    }
    uint64_t h = key ? key : 1; /* 0 marks an empty slot */
    size_t j = h & (v->cap - 1);
    while (v->slot_keys[j]) {
        if (v->slot_keys[j] == h) return v->slot_ids[j];
        j = (j + 1) & (v->cap - 1);
    }
    uint32_t id = (uint32_t)v->n++;
    v->slot_keys[j] = h;
    v->slot_ids[j] = id;
    v->str[id] = strndup(s, n);
    v->hash[id] = key;
    v->df[id] = 0;
    v->last[id] = UINT32_MAX;
    return id;
}

static void df_add_doc(df_vocab *v, pt_lang *lang, df_stem_fn stem_of, df_key_fn key_of, const char *t,
                       size_t len)
{
    size_t pos = 0, ws, we;
    while (pt_next_word(t, len, &pos, &ws, &we)) {
        char norm[PT_WORD_MAX + 1];
        size_t nl = pt_normalize(t + ws, we - ws, norm);
        if (!nl || pt_is_stopword(lang, norm, nl) || (norm[0] >= '0' && norm[0] <= '9') ||
            pt_number_word(lang, norm, nl))
            continue;
        size_t sn;
        const char *stem = stem_of(lang, norm, nl, &sn);
        uint32_t id = df_vocab_id(v, key_of(stem, sn), stem, sn);
        if (v->last[id] != v->n_docs) v->last[id] = v->n_docs, v->df[id]++;
        v->n_content++;
    }
    v->n_docs++;
}

/* Counts every string document of the file at path into v; 2 when it cannot
 * be opened (said on stderr), else 0. */
static int df_count_train(const char *path, pt_lang *lang, df_stem_fn stem_of, df_key_fn key_of, df_vocab *v)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz) {
        fprintf(stderr, "cannot open %s\n", path);
        return 2;
    }
    size_t cap = 1 << 20, len;
    char *line = df_xrealloc(NULL, cap);
    for (;;) {
        len = 0;
        int got = 0;
        while (gzgets(gz, line + len, (int)(cap - len))) {
            got = 1;
            len += strlen(line + len);
            if (len && line[len - 1] == '\n') break;
            cap *= 2;
            line = df_xrealloc(line, cap);
        }
        if (!got) break;
        json_error_t je;
        json_t *j = json_loadb(line, len, 0, &je);
        json_t *docs = j ? json_object_get(j, "documents") : NULL;
        for (size_t i = 0; docs && i < json_array_size(docs); i++) {
            json_t *d = json_array_get(docs, i);
            if (json_is_string(d)) df_add_doc(v, lang, stem_of, key_of, json_string_value(d), json_string_length(d));
        }
        json_decref(j);
    }
    gzclose(gz);
    free(line);
    return 0;
}

#endif
