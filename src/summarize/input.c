/* Reading summarizer input: JSON Lines of articles or clusters (jansson),
 * newswire SGML (one document per <DOC>), Multi-News " ||||| " separated
 * text, or one plain article. */
#include "summarize/summarize.h"
#include "text/article.h" /* pt_json_id */
#include "text/text.h"    /* pt_sgml_read */

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char MULTINEWS_SEP[] = PS_MULTINEWS_SEP;

/* Ids of clusters and documents are kept whole up to this many bytes (in the
 * text, json and jsonl outputs; -o DIR file names have their own, shorter
 * rule in cli/cmd_summarize.c). A longer id refuses its line or document by
 * name: an id is a name to find the input by, and one cut silently named
 * another cluster (ids were cut to 255 bytes without a word before). */
#define PS_MAX_ID_BYTES PT_MAX_ID_BYTES /* text/article.h: the one cap of every reader */

/* The "id" of a cluster (what "cluster") or document ("document") from JSON
 * into *out: a string as is, an integer written into ibuf; NULL when absent,
 * null or "" (the caller names it after the file or the cluster). Anything
 * else is refused with the reason in err: another type, a string over
 * PS_MAX_ID_BYTES, or one holding \u0000 (a C string would end there:
 * "\u0000x" was the id ""). */
static precis_status json_id(pc_error *err, const char *where, size_t line, const char *what, const json_t *v,
                             char *ibuf, size_t icap, const char **out)
{
    *out = NULL;
    if (!v || json_is_null(v)) return PRECIS_OK;
    if (json_is_integer(v)) {
        *out = pt_json_id(v, ibuf, icap);
        return PRECIS_OK;
    }
    if (!json_is_string(v))
        return pc_fail(err, PRECIS_EPARSE, where, line, "%s \"id\" must be a string or an integer, not %s", what,
                       pc_json_kind(v));
    size_t n = json_string_length(v);
    if (n > PS_MAX_ID_BYTES)
        return pc_fail(err, PRECIS_ELIMIT, where, line, "%s \"id\" of %zu bytes is over the %d-byte limit for ids",
                       what, n, PS_MAX_ID_BYTES);
    if (memchr(json_string_value(v), '\0', n))
        return pc_fail(err, PRECIS_EPARSE, where, line, "%s \"id\" holds a NUL character (\\u0000)", what);
    *out = pt_json_id(v, ibuf, icap);
    return PRECIS_OK;
}

/* NAME#K or NAME:K, the id of an input part without one of its own, into b
 * (whole: NAME may be a cluster id of PS_MAX_ID_BYTES or any input's name). */
static const char *part_id(pc_buf *b, const char *name, char sep, size_t k)
{
    b->len = 0;
    if (pc_buf_printf(b, "%s%c%zu", name, sep, k)) return NULL;
    return b->data;
}

static const char *find(const char *h, size_t n, const char *needle, size_t m)
{
    for (size_t i = 0; m <= n && i + m <= n; i++) {
        const char *p = memchr(h + i, needle[0], n - m - i + 1);
        if (!p) return NULL;
        i = (size_t)(p - h);
        if (memcmp(p, needle, m) == 0) return p;
    }
    return NULL;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static bool looks_like_jsonl(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && pc_is_space((unsigned char)data[i])) i++;
    return i < len && data[i] == '{';
}

/* An HTML page or a WARC file (after spaces and a UTF-8 BOM): markup, not
 * article text; summarizing it would pick "<html><head>..." and HTTP headers. */
static const char *markup_kind(const char *data, size_t len)
{
    size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && pc_is_space((unsigned char)data[i])) i++;
    if (len - i >= 5 && !memcmp(data + i, "WARC/", 5)) return "a WARC file";
    if (len - i < 2 || data[i] != '<') return NULL;
    unsigned char c = (unsigned char)data[i + 1];
    return c == '!' || c == '?' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? "an HTML page" : NULL;
}

static bool blank(const char *s, size_t n);

/* A JSON document text holding Multi-News's " ||||| ": each non-blank part
 * one document ID#K, as the parts of a pasted file are (docs/cli.md "User
 * pass 22"; before, the separator opened a summary sentence). Without a
 * separator, the text is one document. */
static precis_status add_sep_parts(precis_ctx *ctx, precis_cluster *c, const char *id, const char *text, size_t len,
                               bool clean)
{
    size_t m = sizeof MULTINEWS_SEP - 1;
    const char *hit = len >= m ? find(text, len, MULTINEWS_SEP, m) : NULL;
    if (!hit)
        return clean ? precis_cluster_add_clean(ctx, c, id, text, len) : precis_cluster_add(ctx, c, id, text, len);
    pc_buf ids;
    pc_buf_init(&ids, 0);
    precis_status st = PRECIS_OK;
    size_t b = 0, k = 0;
    for (;;) {
        size_t e = hit ? (size_t)(hit - text) : len;
        if (!blank(text + b, e - b)) {
            const char *pid = part_id(&ids, id, '#', ++k);
            if (!pid) st = pc_fail(pc_ctx_err(ctx), PRECIS_ENOMEM, NULL, 0, "out of memory");
            else st = clean ? precis_cluster_add_clean(ctx, c, pid, text + b, e - b)
                            : precis_cluster_add(ctx, c, pid, text + b, e - b);
            if (st) break;
        }
        if (!hit) break;
        b = e + m;
        hit = len - b >= m ? find(text + b, len - b, MULTINEWS_SEP, m) : NULL;
    }
    pc_buf_free(&ids);
    return st;
}

/* Adds one document given as a JSON string or article object. */
static precis_status add_json_doc(precis_ctx *ctx, precis_cluster *c, json_t *doc, const char *fallback_id,
                                  const char *where, size_t line)
{
    pc_error *err = pc_ctx_err(ctx);
    if (json_is_string(doc))
        return add_sep_parts(ctx, c, fallback_id, json_string_value(doc), json_string_length(doc), false);
    if (!json_is_object(doc))
        return pc_fail(err, PRECIS_EPARSE, where, line, "a document must be a string or an article object");
    json_t *text = json_object_get(doc, "text");
    if (!json_is_string(text)) {
        if (json_object_get(doc, "html"))
            return pc_fail(err, PRECIS_EPARSE, where, line,
                           "article has \"html\" but no \"text\": run 'precis extract' first");
        return pc_fail(err, PRECIS_EPARSE, where, line, "article has no \"text\" string");
    }
    char idbuf[32];
    const char *id;
    precis_status st = json_id(err, where, line, "document", json_object_get(doc, "id"), idbuf, sizeof idbuf, &id);
    if (st) return st;
    return add_sep_parts(ctx, c, id ? id : fallback_id, json_string_value(text), json_string_length(text), true);
}

/* A bad line or document that can be reported and skipped: malformed, or over
 * a per-line or per-article limit (not the cluster's document cap, after
 * which every further document would fail the same way). */
static bool skippable(const precis_cluster *c, precis_status st)
{
    return st == PRECIS_EPARSE || (st == PRECIS_ELIMIT && precis_cluster_count(c) < PS_MAX_DOCS);
}

typedef struct skipper {
    precis_bad_line_fn fn; /* NULL: stop at the first bad line (precis_cluster_add_input) */
    void *user;
    size_t n_bad;
    precis_status worst;
} skipper;

/* Reports a skippable failure through the skipper and returns PRECIS_OK;
 * anything else (or without a callback) is returned as is. */
static precis_status skip_or_fail(skipper *sk, const precis_cluster *c, precis_ctx *ctx, precis_status st)
{
    if (!st || !sk->fn || !skippable(c, st)) return st;
    sk->n_bad++;
    if (st == PRECIS_ELIMIT || sk->worst == PRECIS_ELIMIT) sk->worst = PRECIS_ELIMIT;
    else sk->worst = PRECIS_EPARSE;
    sk->fn(sk->user, pc_ctx_err(ctx)->msg);
    return PRECIS_OK;
}

static precis_status add_cluster_docs(precis_ctx *ctx, precis_cluster *c, json_t *docs, const char *cluster_id,
                                      const char *where, size_t line, skipper *sk)
{
    size_t k;
    json_t *doc;
    pc_buf fallback;
    pc_buf_init(&fallback, 0);
    precis_status st = PRECIS_OK;
    json_array_foreach(docs, k, doc) {
        const char *id = part_id(&fallback, cluster_id, '#', k + 1);
        st = id ? add_json_doc(ctx, c, doc, id, where, line)
                : pc_fail(pc_ctx_err(ctx), PRECIS_ENOMEM, where, line, "out of memory");
        if (sk) st = skip_or_fail(sk, c, ctx, st);
        if (st) break;
    }
    pc_buf_free(&fallback);
    return st;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!pc_is_space((unsigned char)s[i])) return false;
    return true;
}

/* Parses one JSONL line; the caller owns the returned value. */
static precis_status parse_line(precis_ctx *ctx, const char *where, size_t lineno, const char *line,
                                size_t len, json_t **out)
{
    pc_error *err = pc_ctx_err(ctx);
    size_t cap = pc_ctx_limits(ctx)->max_line_bytes;
    char why[96];
    if (len > cap) return pc_fail(err, PRECIS_ELIMIT, where, lineno, "%s", pc_over_limit(why, sizeof why, "line", len, cap));
    json_error_t jerr;
    json_t *v = json_loadb(line, len, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &jerr);
    if (!v) return pc_fail(err, PRECIS_EPARSE, where, lineno, "invalid JSON: %s", jerr.text);
    if (!pc_json_rest_blank(line + jerr.position, len - jerr.position)) { /* a second object was dropped without a word */
        json_decref(v);
        return pc_fail(err, PRECIS_EPARSE, where, lineno, "%s", PC_JSON_TRAILING);
    }
    if (!json_is_object(v)) {
        json_decref(v);
        return pc_fail(err, PRECIS_EPARSE, where, lineno, "expected a JSON object");
    }
    *out = v;
    return PRECIS_OK;
}

/* Newswire SGML (src/text/sgml.c): each <DOC> a document named by its
 * DOCNO (else NAME#K); <P> paragraphs are clean text, TEXT without them goes
 * the plain-text way (hard wraps kept for the splitter, else cleaned). A DOC
 * without text adds nothing and is not a failure. */
typedef struct sgml_cluster {
    precis_ctx *ctx;
    precis_cluster *c;
    const char *where, *base;
    skipper *sk;
    precis_status stop; /* a failure that ends the reading (no skipper callback, the cluster's cap) */
    pc_buf idbuf;       /* NAME#K of a DOC without DOCNO */
} sgml_cluster;

static precis_status sgml_fail(sgml_cluster *g, precis_status st)
{
    st = skip_or_fail(g->sk, g->c, g->ctx, st);
    if (st && !g->stop) g->stop = st;
    return st;
}

static precis_status sgml_doc(void *user, pt_article *a, size_t index, size_t line, bool clean)
{
    sgml_cluster *g = user;
    if (g->stop) return g->stop;
    const char *id = a->id ? a->id : part_id(&g->idbuf, g->base, '#', index);
    if (!id) return pc_fail(pc_ctx_err(g->ctx), PRECIS_ENOMEM, g->where, line, "out of memory");
    precis_status st = clean ? precis_cluster_add_clean(g->ctx, g->c, id, a->text, a->text_len)
                             : precis_cluster_add(g->ctx, g->c, id, a->text, a->text_len);
    if (st == PRECIS_ENOMEM || !st) return st;
    pc_error *err = pc_ctx_err(g->ctx);
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "%s", err->msg); /* "ID: what", from precis_cluster_add */
    size_t idn = strlen(id);
    const char *what = !strncmp(msg, id, idn) && msg[idn] == ':' && msg[idn + 1] == ' ' ? msg + idn + 2 : msg;
    pc_fail(err, st, g->where, line, "DOC %zu (%s): %s", index, id, what);
    return sgml_fail(g, st);
}

static void sgml_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    sgml_cluster *g = user;
    if (st == PRECIS_EEMPTY || g->stop) return;
    pc_fail(pc_ctx_err(g->ctx), st, g->where, line, "%s%s%s", what ? what : "", what ? ": " : "", why);
    sgml_fail(g, st);
}

static precis_status add_sgml(precis_ctx *ctx, precis_cluster *c, const char *where, const char *base,
                              const char *data, size_t len, skipper *sk)
{
    sgml_cluster g = {ctx, c, where, base, sk, PRECIS_OK, {0}};
    pc_buf_init(&g.idbuf, 0);
    pt_sgml_options o = {0};
    o.name = where;
    o.max_doc_bytes = pc_ctx_limits(ctx)->max_article_bytes;
    o.fn = sgml_doc;
    o.skip = sgml_skip;
    o.user = &g;
    precis_status st = pt_sgml_read(data, len, &o, NULL);
    pc_buf_free(&g.idbuf);
    if (st == PRECIS_ENOMEM) return pc_fail(pc_ctx_err(ctx), st, where, 0, "out of memory");
    if (g.stop) return g.stop; /* its message is in the context */
    if (st) return st;
    if (sk->n_bad)
        return pc_fail(pc_ctx_err(ctx), sk->worst, where, 0, "%zu part%s could not be read", sk->n_bad,
                       sk->n_bad == 1 ? "" : "s");
    return PRECIS_OK;
}

static precis_status add_parts(precis_ctx *ctx, precis_cluster *c, const char *where, const char *base,
                               const char *data, size_t len, skipper *sk, pc_buf *ids);

static precis_status add_input(precis_ctx *ctx, precis_cluster *c, const char *name, const char *data,
                               size_t len, skipper *sk)
{
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    if (!data) data = "";
    const char *where = strcmp(name, "-") ? name : "<stdin>";
    const char *base = base_name(where);
    pc_buf ids; /* the part ids made here (NAME#K, NAME:LINE): whole, however long NAME is */
    pc_buf_init(&ids, 0);
    precis_status st = add_parts(ctx, c, where, base, data, len, sk, &ids);
    pc_buf_free(&ids);
    return st;
}

static precis_status add_parts(precis_ctx *ctx, precis_cluster *c, const char *where, const char *base,
                               const char *data, size_t len, skipper *sk, pc_buf *ids)
{
    pc_error *err = pc_ctx_err(ctx);
    precis_status st;
    if (pc_looks_like_json_array(data, len)) {
        /* a JSON array of articles (as digest reads it): before, one pasted
         * article of raw JSON. Elements are parsed one at a time, each under
         * the per-line cap (pc_json_array: the whole file as one jansson tree
         * took ~80 times its size); a malformed array stops there, named. */
        pc_json_array it;
        pc_json_array_begin(&it, data, len);
        size_t cap = pc_ctx_limits(ctx)->max_line_bytes, start, n, line;
        int got;
        st = PRECIS_OK;
        while (!st && (got = pc_json_array_next(&it, &start, &n, &line)) != 0) {
            if (got < 0) {
                st = pc_fail(err, PRECIS_EPARSE, where, it.line, "%s", it.why);
                if (!sk->fn) return st;
                sk->fn(sk->user, err->msg); /* the elements before it are kept */
                sk->n_bad++;
                if (sk->worst != PRECIS_ELIMIT) sk->worst = PRECIS_EPARSE;
                st = PRECIS_OK;
                break;
            }
            const char *fallback = part_id(ids, base, '#', it.k);
            if (!fallback) return pc_fail(err, PRECIS_ENOMEM, where, line, "out of memory");
            if (n > cap) {
                char why[96];
                st = pc_fail(err, PRECIS_ELIMIT, where, line, "%s: %s", fallback,
                             pc_over_limit(why, sizeof why, "element", n, cap));
            } else {
                json_error_t jerr;
                json_t *v = json_loadb(data + start, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
                if (!v) {
                    st = pc_fail(err, PRECIS_EPARSE, where, line, "%s: invalid JSON: %s", fallback, jerr.text);
                } else {
                    st = add_json_doc(ctx, c, v, fallback, where, line);
                    json_decref(v);
                }
            }
            st = skip_or_fail(sk, c, ctx, st);
        }
        if (!st && sk->n_bad)
            return pc_fail(err, sk->worst, where, 0, "%zu document%s could not be read", sk->n_bad,
                           sk->n_bad == 1 ? "" : "s");
        return st;
    }
    if (looks_like_jsonl(data, len)) {
        pc_line_iter it;
        pc_lines_init(&it, data, len);
        const char *line;
        size_t n, n_clusters = 0;
        while (pc_lines_next(&it, &line, &n)) {
            if (blank(line, n)) continue;
            json_t *v = NULL;
            if ((st = skip_or_fail(sk, c, ctx, parse_line(ctx, where, it.lineno, line, n, &v)))) return st;
            if (!v) continue; /* reported and skipped */
            json_t *docs = json_object_get(v, "documents");
            if (docs) {
                if (!json_is_array(docs)) {
                    json_decref(v);
                    st = pc_fail(err, PRECIS_EPARSE, where, it.lineno, "\"documents\" must be an array");
                    if ((st = skip_or_fail(sk, c, ctx, st))) return st;
                    continue;
                }
                if (++n_clusters > 1) {
                    json_decref(v);
                    return pc_fail(err, PRECIS_EINVAL, where, it.lineno,
                                   "several clusters in one input: use --batch");
                }
                char cbuf[32];
                const char *cid;
                st = json_id(err, where, it.lineno, "cluster", json_object_get(v, "id"), cbuf, sizeof cbuf, &cid);
                if (!st) st = add_cluster_docs(ctx, c, docs, cid ? cid : base, where, it.lineno, sk);
                else st = skip_or_fail(sk, c, ctx, st);
            } else {
                const char *id = part_id(ids, base, ':', it.lineno);
                st = id ? skip_or_fail(sk, c, ctx, add_json_doc(ctx, c, v, id, where, it.lineno))
                        : pc_fail(err, PRECIS_ENOMEM, where, it.lineno, "out of memory");
            }
            json_decref(v);
            if (st) return st;
        }
        if (sk->n_bad)
            return pc_fail(err, sk->worst, where, 0, "%zu line%s or document%s could not be read", sk->n_bad,
                           sk->n_bad == 1 ? "" : "s", sk->n_bad == 1 ? "" : "s");
        return PRECIS_OK;
    }
    if (pt_looks_like_sgml(data, len)) return add_sgml(ctx, c, where, base, data, len, sk);
    /* Multi-News raw separator: documents joined by " ||||| ". */
    size_t seplen = sizeof MULTINEWS_SEP - 1;
    if (len >= seplen && find(data, len, MULTINEWS_SEP, seplen)) return add_sep_parts(ctx, c, base, data, len, false);
    const char *kind = markup_kind(data, len);
    if (kind)
        return pc_fail(err, PRECIS_EPARSE, where, 0,
                       "%s, not article text: run 'precis extract' on it first (precis digest reads pages)", kind);
    return precis_cluster_add(ctx, c, base, data, len);
}

precis_status precis_cluster_add_input(precis_ctx *ctx, precis_cluster *c, const char *name,
                                       const char *data, size_t len)
{
    if (!ctx || !c || !name || (!data && len)) return PRECIS_EINVAL;
    skipper sk = {0};
    return add_input(ctx, c, name, data, len, &sk);
}

precis_status precis_cluster_read(precis_ctx *ctx, precis_cluster *c, const char *name, const char *data,
                                  size_t len, precis_bad_line_fn bad_line, void *user)
{
    if (!ctx || !c || !name || (!data && len)) return PRECIS_EINVAL;
    skipper sk = {bad_line, user, 0, PRECIS_OK};
    return add_input(ctx, c, name, data, len, &sk);
}

precis_status precis_clusters_read(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                   precis_cluster_fn fn, precis_bad_line_fn bad_line, void *user)
{
    if (!ctx || !name || (!data && len) || !fn) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    const char *where = strcmp(name, "-") ? name : "<stdin>";
    pc_line_iter it;
    pc_lines_init(&it, data ? data : "", len);
    const char *line;
    size_t n;
    bool bad = false;
    precis_status st;
    pc_buf ids; /* FILE:LINE of a cluster without an id */
    pc_buf_init(&ids, 0);
    while (pc_lines_next(&it, &line, &n)) {
        if (blank(line, n)) continue;
        json_t *v = NULL;
        precis_cluster *c = NULL;
        st = parse_line(ctx, where, it.lineno, line, n, &v);
        json_t *docs = v ? json_object_get(v, "documents") : NULL;
        if (!st && !json_is_array(docs))
            st = pc_fail(err, PRECIS_EPARSE, where, it.lineno, "expected {\"id\", \"documents\": [...]}");
        char cbuf[32];
        const char *cid = NULL;
        if (!st) st = json_id(err, where, it.lineno, "cluster", json_object_get(v, "id"), cbuf, sizeof cbuf, &cid);
        if (!st && !cid && !(cid = part_id(&ids, base_name(where), ':', it.lineno)))
            st = pc_fail(err, PRECIS_ENOMEM, where, it.lineno, "out of memory");
        if (!st) st = precis_cluster_new(ctx, cid, &c);
        if (!st) st = add_cluster_docs(ctx, c, docs, cid, where, it.lineno, NULL);
        json_decref(v);
        if (st == PRECIS_EPARSE || st == PRECIS_ELIMIT) {
            precis_cluster_free(c);
            if (bad_line) bad_line(user, err->msg);
            bad = true;
            continue;
        }
        if (st) {
            precis_cluster_free(c);
            pc_buf_free(&ids);
            return st;
        }
        if ((st = fn(user, c))) {
            pc_buf_free(&ids);
            return st;
        }
    }
    pc_buf_free(&ids);
    if (bad) return pc_fail(err, PRECIS_EPARSE, where, 0, "some lines could not be read");
    return PRECIS_OK;
}
