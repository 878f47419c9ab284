/* Fuzz target: CR-only line ends (classic Mac OS, some paste buffers) through
 * pc_text_decode and the article reader. From the input, with every CR
 * removed, three forms of one text are made: LF line ends (A), CR-only line
 * ends (B: each LF made CR) and, when A is ASCII, the same as UTF-16LE and
 * UTF-16BE with a byte-order mark and CR-only ends. Decoding must give the
 * same UTF-8 for all of them (the CR -> LF rewrite happens after decoding, so
 * it must not depend on the encoding), with no CR left, and a decoded text
 * must decode to itself. Each form is also read by pst_articles_read_mem
 * (JSONL, arrays, pasted text, HTML): articles must have ids and valid UTF-8
 * text, and the CR-only text must yield as many articles as the LF one. */
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

static precis_status count(void *user, const precis_article *a)
{
    if (!a->id || !a->text || !pc_utf8_valid(a->text, a->text_len)) abort();
    ++*(size_t *)user;
    return PRECIS_OK;
}

static void quiet(void *user, const char *msg)
{
    (void)user;
    if (!msg) abort();
}

static size_t articles(precis_ctx *ctx, const char *d, size_t n)
{
    size_t k = 0;
    pst_articles_read_mem(ctx, "fuzz", d, n, count, quiet, &k);
    return k;
}

static void decode(pc_buf *out, const char *d, size_t n)
{
    pc_buf_init(out, 0);
    if (pc_text_decode(out, d, n, NULL) != PRECIS_OK) abort(); /* no cap: only ENOMEM could fail */
    if (!pc_utf8_valid(out->data, out->len) || (out->len && memchr(out->data, 0, out->len))) abort();
}

static bool same(const pc_buf *a, const pc_buf *b)
{
    return a->len == b->len && (!a->len || !memcmp(a->data, b->data, a->len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    char *a = calloc(1, size + 1), *b = calloc(1, size + 1), *u = calloc(1, 2 * size + 2);
    if (!a || !b || !u) abort();
    size_t n = 0;
    bool ascii = true, lf = false;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\r') continue;
        a[n++] = (char)data[i];
        if (data[i] >= 0x80 || data[i] == 0) ascii = false;
        if (data[i] == '\n') lf = true;
    }
    bool bom = n >= 2 && (((unsigned char)a[0] == 0xFF && (unsigned char)a[1] == 0xFE) ||
                          ((unsigned char)a[0] == 0xFE && (unsigned char)a[1] == 0xFF));
    for (size_t i = 0; i < n; i++) b[i] = a[i] == '\n' ? '\r' : a[i];
    pc_buf da, db;
    decode(&da, a, n);
    decode(&db, b, n);
    if (!bom) { /* in UTF-16 data a 0x0A byte is half of a character, not a line end */
        if (lf && memchr(db.data ? db.data : "", '\r', db.len)) abort(); /* a CR-only text keeps no CR */
        if (!same(&da, &db)) abort();
    }
    pc_buf again; /* decoding is idempotent on its own output */
    decode(&again, db.data ? db.data : "", db.len);
    if (!same(&again, &db) || !pc_text_unchanged(db.data ? db.data : "", db.len)) abort();
    pc_buf_free(&again);
    if (ascii && lf) {
        for (int be = 0; be < 2; be++) {
            size_t k = 0;
            u[k++] = (char)(be ? 0xFE : 0xFF), u[k++] = (char)(be ? 0xFF : 0xFE);
            for (size_t i = 0; i < n; i++) {
                u[k++] = be ? 0 : b[i];
                u[k++] = be ? b[i] : 0;
            }
            pc_buf du;
            decode(&du, u, k);
            if (!same(&du, &da)) abort(); /* UTF-16 with CR-only ends reads as the LF text */
            pc_buf_free(&du);
        }
    }
    precis_options o = {0};
    o.limits.max_line_bytes = 1 << 16;
    o.limits.max_article_bytes = 1 << 16;
    o.limits.max_file_bytes = 1 << 20;
    precis_ctx *ctx = precis_new(&o);
    if (ctx) {
        size_t ka = articles(ctx, a, n), kb = articles(ctx, b, n);
        /* WARC's own framing is CRLF: taking the CRs out changes the data */
        if (!bom && !(n >= 5 && !memcmp(a, "WARC/", 5)) && ka != kb) abort();
        precis_free(ctx);
    }
    pc_buf_free(&da);
    pc_buf_free(&db);
    free(a);
    free(b);
    free(u);
    return 0;
}
