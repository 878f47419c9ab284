/* Public API of the HTML stage: precis_extract_* and the precis_doc accessors. */
#include "html/html.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

struct precis_doc {
    pt_article article;
    pc_buf json; /* cached by precis_doc_json */
};

precis_status precis_extract_html(precis_ctx *ctx, const char *html, size_t len,
                                  const precis_extract_options *opts, precis_doc **out)
{
    if (!ctx || !out || (!html && len)) return PRECIS_EINVAL;
    *out = NULL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    const precis_limits *lim = pc_ctx_limits(ctx);
    if (len > lim->max_file_bytes)
        return pc_fail(err, PRECIS_ELIMIT, NULL, 0, "page larger than the %zu-byte limit",
                       lim->max_file_bytes);
    precis_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return pc_fail(err, PRECIS_ENOMEM, NULL, 0, "out of memory");
    pt_article_init(&doc->article);
    pc_buf_init(&doc->json, 0);
    ph_options o = {0};
    if (opts) {
        o.url = opts->url;
        o.content_type = opts->content_type;
        o.all_text = opts->all_text != 0;
    }
    o.max_article = lim->max_article_bytes;
    precis_status st = ph_extract(html ? html : "", len, &o, &doc->article, err);
    if (st) {
        precis_doc_free(doc);
        return st;
    }
    *out = doc;
    return PRECIS_OK;
}

/* JSON text ('{' or '[' first, after a BOM and spaces), never the start of an
 * HTML page. */
static bool looks_like_json(const char *d, size_t n)
{
    size_t i = n >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n')) i++;
    return i < n && (d[i] == '{' || (d[i] == '[' && i + 1 < n && (d[i + 1] == '{' || d[i + 1] == '\n' || d[i + 1] == ' ')));
}

precis_status precis_extract_file(precis_ctx *ctx, const char *path,
                                  const precis_extract_options *opts, precis_doc **out)
{
    if (!ctx || !path || !out) return PRECIS_EINVAL;
    *out = NULL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    pc_buf raw;
    pc_buf_init(&raw, 0);
    precis_status st = pc_read_input_raw(path, pc_ctx_limits(ctx)->max_file_bytes, &raw, err);
    if (!st) st = ph_extract_input(ctx, path, raw.data, raw.len, opts, out);
    pc_buf_free(&raw);
    return st;
}

precis_status ph_extract_input(precis_ctx *ctx, const char *path, const char *raw_data, size_t raw_len,
                               const precis_extract_options *opts, precis_doc **out)
{
    *out = NULL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    struct {
        const char *data;
        size_t len;
    } raw = {raw_data ? raw_data : "", raw_len};
    precis_status st = PRECIS_OK;
    if (!st && pc_bytes_binary(raw.data, raw.len)) {
        st = pc_fail(err, PRECIS_EPARSE, strcmp(path, "-") ? path : "<stdin>", 0,
                     "binary data, not an HTML page");
    } else if (!st && looks_like_json(raw.data, raw.len)) {
        /* parsed as HTML, the lines of a JSONL feed ran together into one
         * "page" strewn with '"} {"id":' debris */
        st = pc_fail(err, PRECIS_EPARSE, strcmp(path, "-") ? path : "<stdin>", 0,
                     "JSON, not an HTML page: precis digest, cluster and ingest read JSON Lines of "
                     "{\"html\"} or {\"text\"} articles");
    } else if (!st && ph_looks_like_warc(raw.data, raw.len)) {
        /* stdin or a pipe, not sniffed up front (precis_is_warc): its records
         * would run together into one "page" headed by WARC headers */
        st = pc_fail(err, PRECIS_EPARSE, strcmp(path, "-") ? path : "<stdin>", 0,
                     "WARC data on a pipe or stdin: give --warc to read it record by record");
    } else if (!st && ph_looks_like_feed(raw.data, raw.len)) { /* its items would run together into one "page" */
        st = pc_fail(err, PRECIS_EPARSE, strcmp(path, "-") ? path : "<stdin>", 0,
                     "a news feed (RSS/Atom), not an HTML page: precis digest, cluster, summarize and ingest "
                     "read feeds, one article per item");
    } else if (!st) {
        st = precis_extract_html(ctx, raw.data, raw.len, opts, out);
        if (st) {
            /* name the input in the message */
            char msg[sizeof err->msg];
            memcpy(msg, err->msg, sizeof msg);
            const char *name = strcmp(path, "-") ? path : "<stdin>";
            pc_fail(err, st, name, 0, "%s", msg[0] ? msg : precis_strerror(st));
        }
    }
    return st;
}

const char *precis_doc_text(const precis_doc *doc, size_t *len)
{
    if (len) *len = doc ? doc->article.text_len : 0;
    return doc ? doc->article.text : NULL;
}
const char *precis_doc_title(const precis_doc *doc) { return doc ? doc->article.title : NULL; }
const char *precis_doc_date(const precis_doc *doc) { return doc ? doc->article.date : NULL; }
const char *precis_doc_author(const precis_doc *doc) { return doc ? doc->article.author : NULL; }
const char *precis_doc_site(const precis_doc *doc) { return doc ? doc->article.site : NULL; }
const char *precis_doc_url(const precis_doc *doc) { return doc ? doc->article.url : NULL; }
const char *precis_doc_lang(const precis_doc *doc) { return doc ? doc->article.lang : NULL; }

const char *precis_doc_json(precis_doc *doc)
{
    if (!doc) return NULL;
    doc->json.len = 0;
    if (pt_article_json(&doc->article, false, &doc->json)) return NULL;
    return doc->json.data;
}

void precis_doc_free(precis_doc *doc)
{
    if (!doc) return;
    pt_article_free(&doc->article);
    pc_buf_free(&doc->json);
    free(doc);
}

/* ---- WARC ------------------------------------------------------------------ */

struct precis_warc {
    ph_warc *reader;
};

int precis_is_warc(const char *path)
{
    /* a pipe's first bytes, once sniffed, are gone for the reader after */
    if (!path || !pc_is_regular(path)) return 0;
    int fd = open(path, O_RDONLY);
    pc_source s = {0};
    if (fd < 0 || pc_source_fd(&s, fd)) return 0; /* the source the reader reads it with */
    char head[8];
    size_t n = 0, k;
    while (n < sizeof head && (k = pc_source_read(&s, head + n, sizeof head - n)) != 0) n += k;
    pc_source_close(&s);
    return ph_looks_like_warc(head, n);
}

precis_status precis_warc_open(precis_ctx *ctx, const char *path, precis_warc **out)
{
    if (!ctx || !path || !out) return PRECIS_EINVAL;
    *out = NULL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    precis_warc *w = calloc(1, sizeof *w);
    if (!w) return pc_fail(err, PRECIS_ENOMEM, path, 0, "out of memory");
    precis_status st = ph_warc_open(path, pc_ctx_limits(ctx)->max_file_bytes, &w->reader, err);
    if (st) {
        free(w);
        return st;
    }
    *out = w;
    return PRECIS_OK;
}

precis_status precis_warc_next(precis_ctx *ctx, precis_warc *w, const precis_extract_options *opts,
                               precis_doc **doc, int *end, size_t *record)
{
    if (!ctx || !w || !doc || !end) return PRECIS_EINVAL;
    *doc = NULL;
    *end = 0;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    ph_warc_record rec;
    precis_status st = ph_warc_next(w->reader, &rec, err);
    if (record) *record = rec.index;
    if (st == PRECIS_EEMPTY) {
        *end = 1;
        return PRECIS_OK;
    }
    if (st) return st;
    precis_extract_options o = {0};
    if (opts) o = *opts;
    if (rec.target_uri) o.url = rec.target_uri;
    o.content_type = rec.content_type;
    /* a record's page gets the test a page file gets (NUL and control bytes) */
    st = pc_bytes_binary(rec.payload, rec.payload_len)
             ? pc_fail(err, PRECIS_EPARSE, NULL, 0, "binary data, not an HTML page")
             : precis_extract_html(ctx, rec.payload, rec.payload_len, &o, doc);
    if (st) {
        char msg[sizeof err->msg];
        memcpy(msg, err->msg, sizeof msg);
        pc_fail(err, st, NULL, 0, "record %zu (%s): %s", rec.index,
                rec.target_uri ? rec.target_uri : "no URI", msg[0] ? msg : precis_strerror(st));
    }
    return st;
}

void precis_warc_progress(const precis_warc *w, uint64_t *done, uint64_t *total)
{
    ph_warc_progress(w->reader, done, total);
}

void precis_warc_close(precis_warc *w)
{
    if (!w) return;
    ph_warc_close(w->reader);
    free(w);
}
