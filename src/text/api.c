/* Public entry points of the text layer (include/precis.h "Text layer"). */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

precis_status precis_sentences(precis_ctx *ctx, const char *text, size_t len, precis_span **out,
                               size_t *n)
{
    if (!ctx || (!text && len) || !out || !n) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    pt_sentences s = {0};
    precis_status st = pt_split_sentences(text ? text : "", len, &s);
    if (st) {
        pt_sentences_free(&s);
        return pc_fail(err, st, NULL, 0, "sentence splitting failed: %s", precis_strerror(st));
    }
    if (!s.n) {
        pt_sentences_free(&s);
        return pc_fail(err, PRECIS_EEMPTY, NULL, 0, "no sentence found");
    }
    precis_span *v = malloc(s.n * sizeof *v);
    if (!v) {
        pt_sentences_free(&s);
        return pc_fail(err, PRECIS_ENOMEM, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < s.n; i++) v[i] = (precis_span){s.v[i].start, s.v[i].end};
    *out = v;
    *n = s.n;
    pt_sentences_free(&s);
    return PRECIS_OK;
}

precis_status precis_words(precis_ctx *ctx, const char *text, size_t len, precis_span **out,
                           size_t *n)
{
    if (!ctx || (!text && len) || !out || !n) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    size_t cap = 0, count = 0, pos = 0, b, e;
    precis_span *v = NULL;
    while (text && pt_next_word(text, len, &pos, &b, &e)) {
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            precis_span *nv = realloc(v, cap * sizeof *nv);
            if (!nv) {
                free(v);
                return pc_fail(err, PRECIS_ENOMEM, NULL, 0, "out of memory");
            }
            v = nv;
        }
        v[count++] = (precis_span){b, e};
    }
    if (!count) {
        free(v);
        return pc_fail(err, PRECIS_EEMPTY, NULL, 0, "no word found");
    }
    *out = v;
    *n = count;
    return PRECIS_OK;
}

void precis_spans_free(precis_span *spans) { free(spans); }

precis_status precis_stem(precis_ctx *ctx, const char *word, size_t len, char *out, size_t cap,
                          size_t *out_len)
{
    if (!ctx || !word || !out || !cap) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    pt_lang *lang;
    precis_status st = pt_lang_open(pc_ctx_lang(ctx), &lang, err);
    if (st) return st;
    char norm[PT_WORD_MAX + 1];
    size_t n = pt_normalize(word, len, norm), sn;
    const char *stem = pt_stem(lang, norm, n, &sn);
    if (sn + 1 > cap) {
        pt_lang_close(lang);
        return pc_fail(err, PRECIS_ELIMIT, NULL, 0, "stem needs %zu bytes", sn + 1);
    }
    memcpy(out, stem, sn);
    out[sn] = '\0';
    if (out_len) *out_len = sn;
    pt_lang_close(lang);
    return PRECIS_OK;
}
