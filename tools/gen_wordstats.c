/* tools/gen_wordstats.c — writes src/story/wordstats_table.inc, how ordinary each
 * word is in news, for the coverage alignment (never part of the library, the
 * CLI or the tests). Learned from Multi-News TRAINING text only:
 *
 *   sh tools/gen_wordstats.sh     (builds this against build/libprecis.a and runs
 *                                  it on ../shared/data/multinews/train_10k.jsonl.gz)
 *
 * Tokens are the story layer's: pt_next_word, pt_normalize, the English
 * stopword list, numbers dropped, Snowball stems of the words' news synonym
 * classes (pst_term_stem, as build.c stems them); a stem is keyed by
 * pst_stem_key, the function src/story/build.c keys its vocabulary with. The table
 * gives the document frequency of the N_DF commonest stems over all the
 * documents: five reports of one story cannot tell that "came", "near" or
 * "people" are words any sentence may use, while "derail" and "evacuate" are
 * not. Stems past the table are rarer than its last one (WS_DF_MIN).
 *
 * Tried here and not kept (docs/stories.md): distributional neighbours (PPMI
 * of word-and-offset contexts, mutual nearest neighbours by cosine) — on this
 * much text they are co-hyponyms (Monday / Tuesday, Democrat / Republican,
 * man / woman), which tell facts apart rather than say the same. */
#include "precis.h"
#include "story/story.h"
#include "text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define N_DF 8000

typedef struct vocab {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
    char **str;
    uint64_t *hash;
    uint32_t *df, *last;
} vocab;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "gen_wordstats: out of memory\n");
        exit(4);
    }
    return q;
}

static uint32_t vocab_id(vocab *v, const char *s, size_t n)
{
    if (2 * (v->n + 1) > v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 1 << 16;
        uint64_t *k = calloc(cap, sizeof *k);
        uint32_t *x = xrealloc(NULL, cap * sizeof *x);
        if (!k) exit(4);
        for (size_t i = 0; i < v->cap; i++) {
            if (!v->keys[i]) continue;
            size_t j = v->keys[i] & (cap - 1);
            while (k[j]) j = (j + 1) & (cap - 1);
            k[j] = v->keys[i];
            x[j] = v->vals[i];
        }
        free(v->keys);
        free(v->vals);
        v->keys = k, v->vals = x, v->cap = cap;
        v->str = xrealloc(v->str, cap * sizeof *v->str);
        v->hash = xrealloc(v->hash, cap * sizeof *v->hash);
        v->df = xrealloc(v->df, cap * sizeof *v->df);
        v->last = xrealloc(v->last, cap * sizeof *v->last);
    }
    uint64_t key = pst_stem_key(s, n), h = key ? key : 1; /* 0 marks an empty slot here */
    size_t j = h & (v->cap - 1);
    while (v->keys[j]) {
        if (v->keys[j] == h) return v->vals[j];
        j = (j + 1) & (v->cap - 1);
    }
    uint32_t id = (uint32_t)v->n++;
    v->keys[j] = h;
    v->vals[j] = id;
    v->str[id] = strndup(s, n);
    v->hash[id] = key;
    v->df[id] = 0;
    v->last[id] = UINT32_MAX;
    return id;
}

static bool alpha_word(const char *s)
{
    size_t n = strlen(s);
    if (n < 2) return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (unsigned char)s[i] >= 0x80)) return false;
    return true;
}

static vocab V;
static uint32_t n_docs;
static size_t n_content;

static void add_doc(pt_lang *lang, const char *t, size_t len)
{
    size_t pos = 0, ws, we;
    while (pt_next_word(t, len, &pos, &ws, &we)) {
        char norm[PT_WORD_MAX + 1];
        size_t nl = pt_normalize(t + ws, we - ws, norm);
        if (!nl || pt_is_stopword(lang, norm, nl) || (norm[0] >= '0' && norm[0] <= '9') ||
            pt_number_word(lang, norm, nl))
            continue;
        size_t sn;
        const char *stem = pst_term_stem(lang, true, norm, &sn); /* as build.c: "died" counts as "kill" */
        uint32_t id = vocab_id(&V, stem, sn);
        if (V.last[id] != n_docs) V.last[id] = n_docs, V.df[id]++;
        n_content++;
    }
    n_docs++;
}

static int by_df_desc(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    if (V.df[a] != V.df[b]) return V.df[a] < V.df[b] ? 1 : -1;
    return strcmp(V.str[a], V.str[b]);
}

static int by_hash(const void *x, const void *y)
{
    uint64_t a = V.hash[*(const uint32_t *)x], b = V.hash[*(const uint32_t *)y];
    return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_wordstats TRAIN.jsonl.gz > src/story/wordstats_table.inc\n");
        return 1;
    }
    pt_lang *lang;
    pc_error err = {0};
    if (pt_lang_open("en", &lang, &err)) return 4;
    gzFile gz = gzopen(argv[1], "rb");
    if (!gz) {
        fprintf(stderr, "gen_wordstats: cannot open %s\n", argv[1]);
        return 2;
    }
    size_t cap = 1 << 20, len = 0;
    char *line = xrealloc(NULL, cap);
    for (;;) {
        len = 0;
        int got = 0;
        while (gzgets(gz, line + len, (int)(cap - len))) {
            got = 1;
            len += strlen(line + len);
            if (len && line[len - 1] == '\n') break;
            cap *= 2;
            line = xrealloc(line, cap);
        }
        if (!got) break;
        json_error_t je;
        json_t *j = json_loadb(line, len, 0, &je);
        json_t *docs = j ? json_object_get(j, "documents") : NULL;
        for (size_t i = 0; docs && i < json_array_size(docs); i++) {
            json_t *d = json_array_get(docs, i);
            if (json_is_string(d)) add_doc(lang, json_string_value(d), json_string_length(d));
        }
        json_decref(j);
    }
    gzclose(gz);
    free(line);
    fprintf(stderr, "gen_wordstats: %u documents, %zu content words, %zu stems\n", n_docs, n_content, V.n);
    uint32_t *order = xrealloc(NULL, V.n * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < V.n; i++)
        if (alpha_word(V.str[i])) order[n++] = (uint32_t)i;
    qsort(order, n, sizeof *order, by_df_desc);
    if (n > N_DF) n = N_DF;
    uint32_t df_min = n ? V.df[order[n - 1]] : 1;
    qsort(order, n, sizeof *order, by_hash);
    printf("/* Generated by tools/gen_wordstats.c from Multi-News train (%u documents, %zu\n"
           " * content words): do not edit. Document frequency of the %zu commonest Snowball\n"
           " * English stems, keyed by pst_stem_key (as src/story/build.c keys its\n"
           " * vocabulary), sorted by key. */\n",
           n_docs, n_content, n);
    printf("#define WS_DOCS %u\n#define WS_DF_MIN %u\n", n_docs, df_min);
    printf("static const ws_df WS_DF[] = {\n");
    for (size_t i = 0; i < n; i++)
        printf("{0x%016llxULL, %u}, /* %s */\n", (unsigned long long)V.hash[order[i]], V.df[order[i]],
               V.str[order[i]]);
    printf("};\n");
    pt_lang_close(lang);
    return 0;
}
