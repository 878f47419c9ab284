/* tools/gen_common_stems.c — writes src/summarize/common_stems.inc, the stems
 * common in news, for the summarizer's spelling-variant test (never part of
 * the library, the CLI or the tests). Learned from Multi-News TRAINING text only:
 *
 *   sh tools/gen_common_stems.sh   (builds this against build/libprecis.a and
 *                                   runs it on ../shared/data/multinews/train_10k.jsonl.gz)
 *
 * Tokens are the summarizer's own (src/summarize/summarize.c analyse_sentence):
 * pt_next_word, pt_normalize, Snowball English stems (pt_stem); stopwords,
 * numbers and number words are left out (the variant test never pairs them).
 * A stem is keyed by XXH3_64bits of its bytes, the key summarize.c gives its
 * vocabulary. The table lists every stem used by at least MIN_DF documents:
 * two such stems one letter apart ("polic" / "polici", "march" / "match") are
 * two words, not two spellings of one ("binyamin" / "benjamin": the odd
 * spelling is rare). `--dump` prints "df<TAB>stem" for every stem instead. */
#include "precis.h"
#include "text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include <zlib.h>

#define MIN_DF 30

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "gen_common_stems: out of memory\n");
        exit(4);
    }
    return q;
}

typedef struct vocab {
    uint64_t *keys; /* 0 = empty slot */
    uint32_t *vals;
    size_t cap, n;
    char **str;
    uint64_t *hash;
    uint32_t *df, *last;
} vocab;

static vocab V;
static uint32_t n_docs;

static uint32_t vocab_id(const char *s, size_t n)
{
    if (2 * (V.n + 1) > V.cap) {
        size_t cap = V.cap ? 2 * V.cap : 1 << 16;
        uint64_t *k = calloc(cap, sizeof *k);
        uint32_t *x = xrealloc(NULL, cap * sizeof *x);
        if (!k) exit(4);
        for (size_t i = 0; i < V.cap; i++) {
            if (!V.keys[i]) continue;
            size_t j = V.keys[i] & (cap - 1);
            while (k[j]) j = (j + 1) & (cap - 1);
            k[j] = V.keys[i];
            x[j] = V.vals[i];
        }
        free(V.keys);
        free(V.vals);
        V.keys = k, V.vals = x, V.cap = cap;
        V.str = xrealloc(V.str, cap * sizeof *V.str);
        V.hash = xrealloc(V.hash, cap * sizeof *V.hash);
        V.df = xrealloc(V.df, cap * sizeof *V.df);
        V.last = xrealloc(V.last, cap * sizeof *V.last);
    }
    uint64_t key = XXH3_64bits(s, n), h = key ? key : 1;
    size_t j = h & (V.cap - 1);
    while (V.keys[j]) {
        if (V.keys[j] == h) return V.vals[j];
        j = (j + 1) & (V.cap - 1);
    }
    uint32_t id = (uint32_t)V.n++;
    V.keys[j] = h;
    V.vals[j] = id;
    V.str[id] = strndup(s, n);
    V.hash[id] = key;
    V.df[id] = 0;
    V.last[id] = UINT32_MAX;
    return id;
}

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
        const char *stem = pt_stem(lang, norm, nl, &sn);
        uint32_t id = vocab_id(stem, sn);
        if (V.last[id] != n_docs) V.last[id] = n_docs, V.df[id]++;
    }
    n_docs++;
}

static int by_hash(const void *x, const void *y)
{
    uint64_t a = V.hash[*(const uint32_t *)x], b = V.hash[*(const uint32_t *)y];
    return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
    bool dump = argc == 3 && strcmp(argv[1], "--dump") == 0;
    if (argc != 2 && !dump) {
        fprintf(stderr, "usage: gen_common_stems [--dump] TRAIN.jsonl.gz > src/summarize/common_stems.inc\n");
        return 1;
    }
    pt_lang *lang;
    pc_error err = {0};
    if (pt_lang_open("en", &lang, &err)) return 4;
    gzFile gz = gzopen(argv[argc - 1], "rb");
    if (!gz) {
        fprintf(stderr, "gen_common_stems: cannot open %s\n", argv[argc - 1]);
        return 2;
    }
    size_t cap = 1 << 20, len;
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
    if (dump) {
        for (size_t i = 0; i < V.n; i++) printf("%u\t%s\n", V.df[i], V.str[i]);
        return 0;
    }
    uint32_t *order = xrealloc(NULL, V.n * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < V.n; i++)
        if (V.df[i] >= MIN_DF) order[n++] = (uint32_t)i;
    qsort(order, n, sizeof *order, by_hash);
    printf("/* Generated by tools/gen_common_stems.c from Multi-News train (%u documents): do\n"
           " * not edit. XXH3_64bits keys of the %zu Snowball English stems used by at least\n"
           " * %d documents (stopwords and numbers left out), sorted. */\n",
           n_docs, n, MIN_DF);
    printf("#define PS_COMMON_MIN_DF %d\nstatic const uint64_t PS_COMMON_STEMS[] = {\n", MIN_DF);
    for (size_t i = 0; i < n; i++)
        printf("0x%016llxULL,%s", (unsigned long long)V.hash[order[i]], i % 4 == 3 || i + 1 == n ? "\n" : " ");
    printf("};\n");
    pt_lang_close(lang);
    return 0;
}
