/* Reading the documents `precis clean` works on: plain text files, JSON
 * Lines of {"id", "text"} objects, or a JSON array of them (jansson). */
#include "clean.h"
#include "text/article.h"
#include "text/text.h" /* pt_sgml_read */

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static precis_status push(pcl_docs *docs, pcl_doc *d)
{
    if (pc_grow(&docs->v, &docs->cap, docs->n + 1, sizeof *docs->v, 16)) return PRECIS_ENOMEM;
    docs->v[docs->n++] = *d;
    return PRECIS_OK;
}

static void doc_free(pcl_doc *d)
{
    free(d->id);
    free(d->url);
    free(d->text);
    free(d->source);
    free(d->title);
    free(d->date);
    free(d->site);
}

/* text[0, *len) (owned) with the character references of HTML-escaped text
 * decoded ("AT&amp;T": pt_text_refs, the one rule of every reader of plain
 * text and JSON); NULL, text freed, when out of memory. */
static char *with_refs(char *text, size_t *len)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    bool changed = false;
    if (pt_text_refs(text, *len, &b, &changed)) {
        pc_buf_free(&b);
        free(text);
        return NULL;
    }
    if (!changed) return text;
    free(text);
    char *t = pc_buf_detach(&b, len);
    pc_buf_free(&b);
    return t;
}

static bool looks_like_jsonl(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && pc_is_space((unsigned char)s[i])) i++;
    return i < n && s[i] == '{';
}

/* Hands a message to fn whole: a fixed buffer cut a message about a file at a
 * long path (over 1,200 bytes) inside a character and lost its line and
 * reason. Out of memory, the message is cut at a whole character. */
static void vsay(void (*fn)(void *, const char *), void *user, const char *fmt, va_list ap)
{
    char small[1200];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= 0 && (size_t)n >= sizeof small) {
        char *big = malloc((size_t)n + 1);
        if (big) {
            vsnprintf(big, (size_t)n + 1, fmt, again);
            fn(user, big);
            free(big);
            va_end(again);
            return;
        }
        small[pc_utf8_whole(small, sizeof small - 1)] = '\0';
    }
    va_end(again);
    if (n >= 0) fn(user, small);
}

static void say_to(void (*fn)(void *, const char *), void *user, const char *fmt, ...) PC_PRINTF(3, 4);
static void say_to(void (*fn)(void *, const char *), void *user, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fn, user, fmt, ap);
    va_end(ap);
}

/* Names a refused or empty input through docs->bad, whole. */
static void say_whole(pcl_docs *docs, const char *fmt, ...) PC_PRINTF(2, 3);
static void say_whole(pcl_docs *docs, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(docs->bad, docs->user, fmt, ap);
    va_end(ap);
}

/* A refused JSONL line: named through docs->bad; the first one also in err. */
static void bad_line(pcl_docs *docs, const char *path, size_t line, const char *why, precis_status st,
                     precis_status *result, pc_error *err)
{
    if (!*result) pc_fail(err, st, path, line, "%s", why);
    if (st == PRECIS_ELIMIT || !*result) *result = st;
    docs->n_bad++;
    if (!docs->bad) return;
    say_whole(docs, "%s:%zu: %s", path, line, why);
}

/* One article object (a JSONL line or an element of a JSON array), or a bare
 * string as an array element (the text alone); fallback is the id when the
 * object has none. A refusal is named through bad_line, worded by the one
 * JSON reader (text/article.h) as summarize and digest word it. */
static precis_status add_value(pcl_docs *docs, const char *path, const pt_json_part *p, const char *fallback,
                               precis_status *result, pc_error *err)
{
    json_t *o = p->v;
    size_t line = p->line;
    char why[PT_JSON_WHY], where[PT_JSON_WHY + 32];
    size_t text_len;
    const char *text = pt_json_text(o, false, &text_len, NULL, why);
    /* a Multi-News cluster is named as one (before: 'article object has no
     * "text" string'); its documents are not cleaned one by one: the output
     * would lose which cluster each belongs to */
    if (!text && pt_json_is_cluster(o))
        snprintf(why, sizeof why, "a cluster {\"id\", \"documents\": [...]}, not an article: clean reads articles "
                                  "(summarize --batch and digest read clusters)");
    json_t *id = json_is_object(o) ? json_object_get(o, "id") : NULL;
    precis_status refused = text ? pt_json_id_refusal(id, "field", why, sizeof why) : PRECIS_EPARSE;
    if (refused) {
        bad_line(docs, path, line, pt_json_why(where, sizeof where, "element", p->element, why), refused, result, err);
        return PRECIS_OK;
    }
    pcl_doc d;
    memset(&d, 0, sizeof d);
    json_t *url = json_is_object(o) ? json_object_get(o, "url") : NULL;
    size_t nul = 0;
    for (const char *s = text, *e = s + text_len; (s = memchr(s, '\0', (size_t)(e - s))) != NULL; s++) nul++;
    if (nul && docs->warn) { /* dropped (by pc_utf8_repair below), said once per document */
        snprintf(why, sizeof why, "field \"text\" holds %zu NUL character%s (\\u0000): dropped", nul, nul == 1 ? "" : "s");
        say_to(docs->warn, docs->user, "%s:%zu: %s", path, line, pt_json_why(where, sizeof where, "element", p->element, why));
    }
    char buf[64];
    const char *given = pt_json_id(id, buf, sizeof buf);
    d.id = given ? dup_n(given, strlen(given)) : dup_n(fallback, strlen(fallback));
    if (json_is_string(url)) d.url = dup_n(json_string_value(url), json_string_length(url));
    /* jansson returns valid UTF-8; "\u0000" inside would cut C strings: drop NULs */
    pc_buf t;
    pc_buf_init(&t, 0);
    precis_status st = pc_utf8_repair(&t, text, text_len, NULL);
    d.len = t.len;
    d.text = st ? NULL : pc_buf_detach(&t, &d.len);
    pc_buf_free(&t);
    if (!d.text && !st) d.text = dup_n("", 0);
    if (d.text) d.text = with_refs(d.text, &d.len);
    d.source = dup_n(path, strlen(path));
    d.line = line;
    if (st || !d.id || !d.text || !d.source || push(docs, &d)) {
        doc_free(&d);
        return pc_fail(err, PRECIS_ENOMEM, path, line, "out of memory");
    }
    return PRECIS_OK;
}

/* JSON Lines of articles, or a JSON array of them (objects, or strings: the
 * text alone), the form digest, cluster, ingest and summarize read, through
 * the one JSON reader: each line or element under the line cap, ids
 * FILE:LINE and FILE#K. */
typedef struct json_in {
    pcl_docs *docs;
    const char *path;
    precis_status result;
    pc_error *err;
} json_in;

static precis_status json_refused(void *user, precis_status st, size_t line, const char *why)
{
    json_in *j = user;
    bad_line(j->docs, j->path, line, why, st, &j->result, j->err);
    return PRECIS_OK;
}

static precis_status json_part(void *user, const pt_json_part *p)
{
    json_in *j = user;
    char fallback[4096];
    if (p->element) snprintf(fallback, sizeof fallback, "%s#%zu", base_name(j->path), p->element);
    else snprintf(fallback, sizeof fallback, "%s:%zu", base_name(j->path), p->line);
    return add_value(j->docs, j->path, p, fallback, &j->result, j->err);
}

static precis_status read_json(pcl_docs *docs, const char *path, const char *data, size_t len, pc_error *err)
{
    json_in j = {docs, path, PRECIS_OK, err};
    precis_status st = pt_json_read(data, len, PC_DEFAULT_MAX_LINE, json_part, json_refused, &j);
    if (st == PRECIS_ENOMEM) return pc_fail(err, st, path, 0, "out of memory");
    return st ? st : j.result;
}

/* ---- newswire SGML: one document per <DOC> (src/text/sgml.c) ---- */

typedef struct sgml_in {
    pcl_docs *docs;
    const char *name;
    precis_status result;
    pc_error *err;
} sgml_in;

static char *dup_or_null(const char *s) { return s ? dup_n(s, strlen(s)) : NULL; }

static precis_status sgml_doc(void *user, pt_article *a, size_t index, size_t line, bool clean)
{
    (void)clean; /* clean cleans every text it is given */
    sgml_in *g = user;
    char fallback[300]; /* a file name is at most 255 bytes */
    pc_snprintf(fallback, sizeof fallback, "%s#%zu", base_name(g->name), index);
    pcl_doc d;
    memset(&d, 0, sizeof d);
    d.id = dup_or_null(a->id ? a->id : fallback);
    d.text = dup_n(a->text, a->text_len);
    d.len = a->text_len;
    d.source = dup_or_null(g->name);
    d.line = line;
    d.title = dup_or_null(a->title);
    d.date = dup_or_null(a->date);
    d.site = dup_or_null(a->site);
    if (!d.id || !d.text || !d.source || (a->title && !d.title) || (a->date && !d.date) || (a->site && !d.site) ||
        push(g->docs, &d)) {
        doc_free(&d);
        return PRECIS_ENOMEM;
    }
    return PRECIS_OK;
}

static void sgml_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    sgml_in *g = user;
    char msg[600];
    pc_snprintf(msg, sizeof msg, "%s%s%s", what ? what : "", what ? ": " : "", why);
    if (st == PRECIS_EEMPTY) { /* a DOC without text: named, not refused */
        if (!g->docs->bad) return;
        if (line) say_whole(g->docs, "%s:%zu: %s", g->name, line, msg);
        else say_whole(g->docs, "%s: %s", g->name, msg);
        return;
    }
    if (line) bad_line(g->docs, g->name, line, msg, st, &g->result, g->err);
    else { /* a problem of the file ("N bytes outside <DOC> elements") */
        if (!g->result) pc_fail(g->err, st, g->name, 0, "%s", msg);
        if (st == PRECIS_ELIMIT || !g->result) g->result = st;
        g->docs->n_bad++;
        if (g->docs->bad) say_whole(g->docs, "%s: %s", g->name, msg);
    }
}

static precis_status read_sgml(pcl_docs *docs, const char *name, const char *d, size_t n, pc_error *err)
{
    sgml_in g = {docs, name, PRECIS_OK, err};
    pt_sgml_options o = {0};
    o.name = name;
    o.fn = sgml_doc;
    o.skip = sgml_skip;
    o.user = &g;
    precis_status st = pt_sgml_read(d, n, &o, NULL);
    if (st) return pc_fail(err, st, name, 0, "out of memory");
    return g.result;
}

/* A plain-text input as one document named after the file; text is owned
 * (NULL: out of memory). */
static precis_status push_whole(pcl_docs *docs, const char *name, char *text, size_t len, pc_error *err)
{
    pcl_doc d;
    memset(&d, 0, sizeof d);
    if (text) text = with_refs(text, &len);
    d.len = len;
    d.text = text;
    d.id = dup_n(base_name(name), strlen(base_name(name)));
    d.source = dup_n(name, strlen(name));
    if (!d.text || !d.id || !d.source || push(docs, &d)) {
        doc_free(&d);
        return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    }
    return PRECIS_OK;
}

precis_status pcl_docs_read_mem(pcl_docs *docs, const char *name, const char *data, size_t len, pc_error *err)
{
    if (!data) data = "";
    if (pc_looks_like_json_array(data, len) || looks_like_jsonl(data, len)) return read_json(docs, name, data, len, err);
    if (pt_looks_like_sgml(data, len)) return read_sgml(docs, name, data, len, err);
    return push_whole(docs, name, dup_n(data, len), len, err);
}

precis_status pcl_docs_read(pcl_docs *docs, const char *path, size_t max_file, pc_error *err)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    size_t nul = 0;
    precis_status st = pc_read_input_nul(path, max_file, &b, err, &nul);
    if (st) {
        pc_buf_free(&b);
        return st;
    }
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (nul && docs->warn) /* dropped by the decoding: said once per input (before: without a word) */
        say_to(docs->warn, docs->user, "%s: the file holds %zu NUL character%s: dropped", name, nul, nul == 1 ? "" : "s");
    if (b.data && (pc_looks_like_json_array(b.data, b.len) || looks_like_jsonl(b.data, b.len) ||
                   pt_looks_like_sgml(b.data, b.len))) {
        st = pcl_docs_read_mem(docs, name, b.data, b.len, err);
        pc_buf_free(&b);
        return st;
    }
    /* plain text: the buffer itself becomes the document (no copy of a large file) */
    size_t n = b.len;
    char *text = n ? pc_buf_detach(&b, &n) : dup_n("", 0);
    pc_buf_free(&b);
    return push_whole(docs, name, text, n, err);
}

void pcl_docs_free(pcl_docs *docs)
{
    for (size_t i = 0; i < docs->n; i++) doc_free(&docs->v[i]);
    free(docs->v);
    memset(docs, 0, sizeof *docs);
}
