/* bench/entities_dump.c — bench-only driver for bench/entities.sh: for each
 * story directory on the command line, reads its files (sorted) as
 * `precis digest` does, builds the story of all of them with
 * precis_story_build (no entity or timeline cap) and prints
 *   story<TAB>DIR<TAB>{story JSON}
 * then, from the same entity collector run over the same texts, one line per
 * ranked entity with the variants merged into it (for the merge check):
 *   variants<TAB>DIR<TAB>NAME<TAB>V1|V2|...
 * Never part of the library or the tests. */
#include "precis.h"
#include "story/story.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct owned {
    precis_article *v;
    size_t n, cap;
} owned;

static char *dup(const char *s) { return s ? strdup(s) : NULL; }

static precis_status keep(void *user, const precis_article *a)
{
    owned *o = user;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 16;
        o->v = realloc(o->v, o->cap * sizeof *o->v);
        if (!o->v) return PRECIS_ENOMEM;
    }
    precis_article *c = &o->v[o->n++];
    *c = (precis_article){dup(a->id), dup(a->url), dup(a->site), dup(a->title), dup(a->author),
                          dup(a->lang), dup(a->date), NULL, a->text_len, dup(a->date_alt)};
    c->text = malloc(a->text_len + 1);
    if (!c->text) return PRECIS_ENOMEM;
    memcpy((char *)c->text, a->text, a->text_len);
    ((char *)c->text)[a->text_len] = 0;
    return PRECIS_OK;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
    precis_ctx *ctx = precis_new(NULL);
    if (!ctx) return 4;
    for (int ai = 1; ai < argc; ai++) {
        const char *dir = argv[ai];
        DIR *d = opendir(dir);
        if (!d) {
            fprintf(stderr, "entities_dump: cannot open %s\n", dir);
            return 2;
        }
        char *names[1024];
        size_t nn = 0;
        struct dirent *de;
        while ((de = readdir(d)) && nn < 1024)
            if (de->d_name[0] != '.') names[nn++] = strdup(de->d_name);
        closedir(d);
        qsort(names, nn, sizeof *names, cmp_str);
        owned o = {0};
        for (size_t i = 0; i < nn; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            precis_status st = precis_articles_read(ctx, path, keep, NULL, &o);
            if (st) fprintf(stderr, "entities_dump: %s: %s\n", path, precis_strerror(st));
            free(names[i]);
        }
        precis_story_options opts = {0};
        opts.max_entities = 1000;
        opts.max_timeline = 1000;
        char *json = NULL;
        size_t jl = 0;
        precis_status st = precis_story_build(ctx, "story", o.v, o.n, &opts, &json, &jl);
        if (st) {
            fprintf(stderr, "entities_dump: %s: %s\n", dir, precis_strerror(st));
            return 4;
        }
        printf("story\t%s\t%.*s\n", dir, (int)jl, json);
        free(json);
        pst_entities *e;
        if (pst_entities_new(&e)) return 4;
        for (size_t i = 0; i < o.n; i++) {
            pt_sentences ss = {0};
            if (pt_split_sentences(o.v[i].text, o.v[i].text_len, &ss) ||
                pst_entities_add(e, (uint32_t)i, o.v[i].text, o.v[i].text_len, &ss))
                return 4;
            pt_sentences_free(&ss);
        }
        const pst_entity *v;
        size_t n;
        if (pst_entities_rank(e, &v, &n)) return 4;
        for (size_t i = 0; i < n; i++) {
            const char *var[256];
            size_t k = pst_entities_variants(e, &v[i], var, 256);
            printf("variants\t%s\t%s\t", dir, v[i].name);
            for (size_t j = 0; j < k && j < 256; j++) printf("%s%s", j ? "|" : "", var[j]);
            printf("\n");
        }
        pst_entities_free(e);
        for (size_t i = 0; i < o.n; i++) {
            precis_article *c = &o.v[i];
            free((char *)c->id), free((char *)c->url), free((char *)c->site), free((char *)c->title);
            free((char *)c->author), free((char *)c->lang), free((char *)c->date), free((char *)c->text);
        }
        free(o.v);
    }
    precis_free(ctx);
    return 0;
}
