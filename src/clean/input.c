/* Reading the documents `precis clean` works on: plain text files or JSON
 * Lines of {"id", "text"} objects (jansson). */
#include "clean.h"

#include <jansson.h>
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
}

static bool looks_like_jsonl(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && pc_is_space((unsigned char)s[i])) i++;
    return i < n && s[i] == '{';
}

/* A refused JSONL line: named through docs->bad; the first one also in err. */
static void bad_line(pcl_docs *docs, const char *path, size_t line, const char *why, precis_status st,
                     precis_status *result, pc_error *err)
{
    if (!*result) pc_fail(err, st, path, line, "%s", why);
    if (st == PRECIS_ELIMIT || !*result) *result = st;
    docs->n_bad++;
    if (!docs->bad) return;
    char msg[1200];
    snprintf(msg, sizeof msg, "%s:%zu: %s", path, line, why);
    docs->bad(docs->user, msg);
}

static precis_status read_jsonl(pcl_docs *docs, const char *path, const char *data, size_t len,
                                pc_error *err)
{
    precis_status result = PRECIS_OK;
    pc_line_iter it;
    pc_lines_init(&it, data, len);
    const char *line;
    size_t n;
    while (pc_lines_next(&it, &line, &n)) {
        size_t k = 0;
        while (k < n && pc_is_space((unsigned char)line[k])) k++;
        if (k == n) continue;
        if (n > PC_DEFAULT_MAX_LINE) {
            char why[96];
            snprintf(why, sizeof why, "line of %zu bytes is over the %zu-byte limit", n, (size_t)PC_DEFAULT_MAX_LINE);
            bad_line(docs, path, it.lineno, why, PRECIS_ELIMIT, &result, err);
            continue;
        }
        json_error_t je;
        json_t *o = json_loadb(line, n, 0, &je);
        json_t *text = o ? json_object_get(o, "text") : NULL;
        if (!o || !json_is_object(o) || !json_is_string(text)) {
            bad_line(docs, path, it.lineno,
                     !o ? je.text
                     : json_object_get(o, "html")
                         ? "object has \"html\" but no \"text\": run 'precis extract' first"
                         : "expected an object with a \"text\" string",
                     PRECIS_EPARSE, &result, err);
            json_decref(o);
            continue;
        }
        pcl_doc d;
        memset(&d, 0, sizeof d);
        json_t *id = json_object_get(o, "id"), *url = json_object_get(o, "url");
        char buf[64];
        if (json_is_string(id)) d.id = dup_n(json_string_value(id), json_string_length(id));
        else if (json_is_integer(id)) {
            snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
            d.id = dup_n(buf, strlen(buf));
        } else {
            char tmp[4096];
            snprintf(tmp, sizeof tmp, "%s:%zu", base_name(path), it.lineno);
            d.id = dup_n(tmp, strlen(tmp));
        }
        if (json_is_string(url)) d.url = dup_n(json_string_value(url), json_string_length(url));
        /* jansson returns valid UTF-8; "\u0000" inside would cut C strings: drop NULs */
        pc_buf t;
        pc_buf_init(&t, 0);
        precis_status st = pc_utf8_repair(&t, json_string_value(text), json_string_length(text), NULL);
        d.len = t.len;
        d.text = st ? NULL : pc_buf_detach(&t, &d.len);
        pc_buf_free(&t);
        if (!d.text && !st) d.text = dup_n("", 0);
        d.source = dup_n(path, strlen(path));
        d.line = it.lineno;
        json_decref(o);
        if (st || !d.id || !d.text || !d.source || push(docs, &d)) {
            doc_free(&d);
            return pc_fail(err, PRECIS_ENOMEM, path, it.lineno, "out of memory");
        }
    }
    return result;
}

precis_status pcl_docs_read(pcl_docs *docs, const char *path, size_t max_file, pc_error *err)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    precis_status st = pc_read_input(path, max_file, &b, err);
    if (st) {
        pc_buf_free(&b);
        return st;
    }
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (b.data && pc_looks_like_json_array(b.data, b.len)) {
        /* a JSON array of articles (the test digest uses: objects or strings)
         * was cleaned as one pasted text of raw JSON */
        pc_buf_free(&b);
        return pc_fail(err, PRECIS_EPARSE, name, 0,
                       "a JSON array: clean reads JSON Lines, one {\"id\", \"text\"} a line (jq -c '.[]' "
                       "turns the array into them); digest, cluster, ingest and summarize read the array");
    }
    if (looks_like_jsonl(b.data, b.len)) {
        st = read_jsonl(docs, name, b.data ? b.data : "", b.len, err);
        pc_buf_free(&b);
        return st;
    }
    pcl_doc d;
    memset(&d, 0, sizeof d);
    d.len = b.len;
    d.text = b.len ? pc_buf_detach(&b, &d.len) : dup_n("", 0);
    pc_buf_free(&b);
    d.id = dup_n(base_name(name), strlen(base_name(name)));
    d.source = dup_n(name, strlen(name));
    if (!d.text || !d.id || !d.source || push(docs, &d)) {
        doc_free(&d);
        return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    }
    return PRECIS_OK;
}

void pcl_docs_free(pcl_docs *docs)
{
    for (size_t i = 0; i < docs->n; i++) doc_free(&docs->v[i]);
    free(docs->v);
    memset(docs, 0, sizeof *docs);
}
