/* segscore — trafilatura's segment scoring for text outputs (bench only).
 *
 * Usage: segscore EVALDATA.json OUTDIR [LIST]
 *        segscore EVALDATA.json --jsonl ARTICLES.jsonl [LIST]
 * The second form takes precis's article JSONL: each article's "title" and
 * "text" are its output and its "id" minus a ".txt" or ".gz" suffix names the
 * page file.
 * For each page of EVALDATA ({url: {"file", "with": [...], "without": [...]}})
 * reads OUTDIR/<file>.txt (a missing file = no output), collapses whitespace in
 * the output and in each segment, and counts: a "with" segment found as a
 * substring = true positive, missing = false negative; a "without" segment
 * found = false positive, absent = true negative. Sums over all pages and
 * prints "P R F1 accuracy pages". With LIST (one file name a line), only those
 * pages are scored. With SEGSCORE_MISSES=1, prints each miss to stderr. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *collapse(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        /* U+00A0 counts as whitespace, as Python's str.split() does */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) ws = 1, i++;
        if (ws) {
            sp = 1;
            continue;
        }
        if (sp && k) o[k++] = ' ';
        sp = 0;
        o[k++] = (char)c;
    }
    o[k] = 0;
    return o;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, r;
    char *b = malloc(cap);
    while ((r = fread(b + len, 1, cap - len, f)) > 0) {
        len += r;
        if (len == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    *n = len;
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: segscore EVALDATA.json OUTDIR [LIST]\n");
        return 1;
    }
    json_error_t je;
    json_t *root = json_load_file(argv[1], 0, &je);
    if (!root) {
        fprintf(stderr, "segscore: %s: %s\n", argv[1], je.text);
        return 1;
    }
    json_t *articles = NULL; /* file name -> output text, for --jsonl */
    /* SEGSCORE_NAMES=file: the i-th JSONL line is the i-th page named there
     * (for outputs whose "id" is null) */
    char *names = NULL, *name_next = NULL;
    size_t names_n = 0;
    if (getenv("SEGSCORE_NAMES")) name_next = names = slurp(getenv("SEGSCORE_NAMES"), &names_n);
    if (names) names[names_n ? names_n - 1 : 0] = 0;
    if (!strcmp(argv[2], "--jsonl")) {
        if (argc < 4) return 1;
        articles = json_object();
        FILE *f = fopen(argv[3], "rb");
        if (!f) {
            fprintf(stderr, "segscore: cannot open %s\n", argv[3]);
            return 1;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;
        while ((got = getline(&line, &cap, f)) > 0) {
            json_t *a = json_loadb(line, (size_t)got, 0, &je);
            const char *id = a ? json_string_value(json_object_get(a, "id")) : NULL;
            if (name_next && *name_next) { /* by position */
                char *nl_at = strchr(name_next, '\n');
                if (nl_at) *nl_at = 0;
                id = name_next;
                name_next = nl_at ? nl_at + 1 : name_next + strlen(name_next);
            }
            if (id) {
                char name[4096];
                snprintf(name, sizeof name, "%s", id);
                size_t nl = strlen(name);
                if (nl > 4 && !strcmp(name + nl - 4, ".txt")) name[nl - 4] = 0;
                if (nl > 3 && !strcmp(name + nl - 3, ".gz")) name[nl - 3] = 0;
                const char *title = json_string_value(json_object_get(a, "title"));
                const char *text = json_string_value(json_object_get(a, "text"));
                size_t tl = title ? strlen(title) : 0, xl = text ? strlen(text) : 0;
                char *both = malloc(tl + xl + 3);
                snprintf(both, tl + xl + 3, "%s\n\n%s", title ? title : "", text ? text : "");
                json_object_set_new(articles, name, json_string(both));
                free(both);
            }
            json_decref(a);
        }
        free(line);
        fclose(f);
        argv++;
        argc--;
    }
    char *list = NULL;
    size_t list_n = 0;
    if (argc > 3) list = slurp(argv[3], &list_n);
    int misses = getenv("SEGSCORE_MISSES") != NULL;
    long tp = 0, fn = 0, fp = 0, tn = 0, pages = 0;
    const char *url;
    json_t *page;
    json_object_foreach(root, url, page) {
        const char *file = json_string_value(json_object_get(page, "file"));
        if (!file) continue;
        if (list) {
            char key[4096];
            snprintf(key, sizeof key, "\n%s\n", file);
            /* the list is wrapped in newlines by the caller */
            if (!strstr(list, key)) continue;
        }
        pages++;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.txt", argv[2], file);
        size_t n = 0;
        char *raw = NULL;
        if (articles) {
            const char *t = json_string_value(json_object_get(articles, file));
            if (t) {
                n = strlen(t);
                raw = malloc(n + 1);
                memcpy(raw, t, n + 1);
            }
        } else {
            raw = slurp(path, &n);
        }
        char *out = raw ? collapse(raw, n) : NULL;
        json_t *seg;
        size_t i;
        json_array_foreach(json_object_get(page, "with"), i, seg) {
            const char *s = json_string_value(seg);
            char *c = collapse(s, strlen(s));
            if (out && strstr(out, c)) tp++;
            else {
                fn++;
                if (misses) fprintf(stderr, "FN %s: %s\n", file, c);
            }
            free(c);
        }
        json_array_foreach(json_object_get(page, "without"), i, seg) {
            const char *s = json_string_value(seg);
            char *c = collapse(s, strlen(s));
            if (out && strstr(out, c)) {
                fp++;
                if (misses) fprintf(stderr, "FP %s: %s\n", file, c);
            } else
                tn++;
            free(c);
        }
        free(out);
        free(raw);
    }
    double p = tp + fp ? (double)tp / (tp + fp) : 0, r = tp + fn ? (double)tp / (tp + fn) : 0;
    double f1 = p + r ? 2 * p * r / (p + r) : 0;
    double acc = (double)(tp + tn) / (double)(tp + tn + fp + fn ? tp + tn + fp + fn : 1);
    printf("P %.3f  R %.3f  F1 %.3f  accuracy %.3f  (tp %ld fp %ld fn %ld tn %ld, %ld pages)\n", p,
           r, f1, acc, tp, fp, fn, tn, pages);
    free(list);
    free(names);
    json_decref(articles);
    json_decref(root);
    return 0;
}
