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

/* Ids of clusters and documents are kept whole up to PT_MAX_ID_BYTES (in
 * the text, json and jsonl outputs; -o DIR file names have their own,
 * shorter rule in cli/cmd_summarize.c). Another "id" is refused by name
 * (pt_json_id_refusal, the readers' one rule): an id is a name to find the
 * input by, and one cut silently named another cluster. *out: the id, NULL
 * when absent, null or "" (the caller names it after the file or cluster). */
static precis_status json_id(pc_error *err, const char *where, size_t line, const char *owner, const char *part,
                             size_t k, const json_t *v, char *ibuf, size_t icap, const char **out)
{
    char why[160], msg[PT_JSON_WHY];
    precis_status st = pt_json_id_refusal(v, owner, why, sizeof why);
    *out = st ? NULL : pt_json_id(v, ibuf, icap);
    if (st) return pc_fail(err, st, where, line, "%s", pt_json_why(msg, sizeof msg, part, k, why));
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

/* Adds one document (cleaned first unless clean) and, when the cluster
 * refuses it, words the refusal by where the document is, as digest words it:
 * "FILE[:LINE]: [PART: ]what", PART the document's id when named (its own id,
 * or a part ID#K of a separated text), nothing when the id is made from the
 * file's name (precis_cluster_add says "ID: what"; before, summarize named a
 * file by its base name, "a.txt: article of ..." for "dir/a.txt"). */
static precis_status add_doc(precis_ctx *ctx, precis_cluster *c, const char *id, const char *text, size_t len,
                             bool clean, const char *where, size_t line, const char *part)
{
    size_t nul = precis_cluster_nul_dropped(c);
    precis_status st = clean ? precis_cluster_add_clean(ctx, c, id, text, len) : precis_cluster_add(ctx, c, id, text, len);
    nul = precis_cluster_nul_dropped(c) - nul;
    if (!st && nul) { /* by its place and id, as digest says it; before, once per input, by the file alone */
        char at[32] = "";
        if (line) snprintf(at, sizeof at, ":%zu", line);
        pc_ctx_warn(ctx, "%s%s: %s: field \"text\" holds %zu NUL character%s (\\u0000): dropped", where, at, id, nul,
                    nul == 1 ? "" : "s");
    }
    if (!st || st == PRECIS_ENOMEM) return st;
    pc_error *err = pc_ctx_err(ctx);
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "%s", err->msg);
    size_t idn = strlen(id);
    const char *what = !strncmp(msg, id, idn) && msg[idn] == ':' && msg[idn + 1] == ' ' ? msg + idn + 2 : msg;
    if (part) return pc_fail(err, st, where, line, "%s: %s", part, what);
    return pc_fail(err, st, where, line, "%s", what);
}

/* A JSON document text holding Multi-News's " ||||| ": each non-blank part
 * one document ID#K, as the parts of a pasted file are (docs/cli.md "User
 * pass 22"; before, the separator opened a summary sentence). Without a
 * separator, the text is one document, named label in a refusal (NULL:
 * none; a part ID#K is named so). */
static precis_status add_sep_parts(precis_ctx *ctx, precis_cluster *c, const char *id, const char *text, size_t len,
                                   bool clean, const char *where, size_t line, const char *label)
{
    /* the character references of HTML-escaped text ("AT&amp;T"): one rule
     * for every reader of plain text and JSON (pt_text_refs) */
    pc_buf refs;
    pc_buf_init(&refs, 0);
    bool changed = false;
    precis_status st = pt_text_refs(text, len, &refs, &changed);
    if (st) return pc_fail(pc_ctx_err(ctx), st, where, line, "out of memory");
    if (changed) {
        text = refs.data;
        len = refs.len;
    }
    size_t m = sizeof MULTINEWS_SEP - 1;
    const char *hit = len >= m ? find(text, len, MULTINEWS_SEP, m) : NULL;
    if (!hit) {
        st = add_doc(ctx, c, id, text, len, clean, where, line, label);
        pc_buf_free(&refs);
        return st;
    }
    pc_buf ids;
    pc_buf_init(&ids, 0);
    size_t b = 0, k = 0;
    for (;;) {
        size_t e = hit ? (size_t)(hit - text) : len;
        if (!blank(text + b, e - b)) {
            const char *pid = part_id(&ids, id, '#', ++k);
            if (!pid) st = pc_fail(pc_ctx_err(ctx), PRECIS_ENOMEM, NULL, 0, "out of memory");
            else st = add_doc(ctx, c, pid, text + b, e - b, clean, where, line, pid);
            if (st) break;
        }
        if (!hit) break;
        b = e + m;
        hit = len - b >= m ? find(text + b, len - b, MULTINEWS_SEP, m) : NULL;
    }
    pc_buf_free(&ids);
    pc_buf_free(&refs);
    return st;
}

/* Adds one document given as a JSON string or article object: part K of its
 * line ("element", "document"; k 0 for a line of its own), named so in a
 * refusal as every reader names it. */
static precis_status add_json_doc(precis_ctx *ctx, precis_cluster *c, json_t *doc, const char *fallback_id,
                                  const char *where, size_t line, const char *part, size_t k)
{
    pc_error *err = pc_ctx_err(ctx);
    char why[PT_JSON_WHY], msg[PT_JSON_WHY];
    size_t len;
    const char *text = pt_json_text(doc, false, &len, NULL, why);
    if (!text) return pc_fail(err, PRECIS_EPARSE, where, line, "%s", pt_json_why(msg, sizeof msg, part, k, why));
    char idbuf[32];
    const char *id = NULL;
    if (json_is_object(doc)) {
        precis_status st = json_id(err, where, line, "field", part, k, json_object_get(doc, "id"), idbuf, sizeof idbuf, &id);
        if (st) return st;
    }
    char label[48];
    if (k) snprintf(label, sizeof label, "%s %zu", part, k);
    return add_sep_parts(ctx, c, id ? id : fallback_id, text, len, json_is_object(doc), where, line,
                         id ? id : k ? label : NULL);
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
        st = id ? add_json_doc(ctx, c, doc, id, where, line, "document", k + 1)
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

/* One input read part by part into the cluster: the <DOC>s of newswire
 * SGML, or the lines and elements of JSON (pt_json_read). */
typedef struct part_reader {
    precis_ctx *ctx;
    precis_cluster *c;
    const char *where, *base;
    skipper *sk;
    precis_status stop; /* SGML: a failure that ends the reading (no skipper callback, the cluster's cap) */
    size_t n_clusters;  /* JSON: cluster lines seen (one without --batch) */
    pc_buf idbuf;       /* a part's id made here (NAME#K, NAME:LINE): whole, however long NAME is */
} part_reader;

/* Newswire SGML (src/text/sgml.c): each <DOC> a document named by its
 * DOCNO (else NAME#K); <P> paragraphs are clean text, TEXT without them goes
 * the plain-text way (hard wraps kept for the splitter, else cleaned). A DOC
 * without text adds nothing and is not a failure. */

static precis_status sgml_fail(part_reader *g, precis_status st)
{
    st = skip_or_fail(g->sk, g->c, g->ctx, st);
    if (st && !g->stop) g->stop = st;
    return st;
}

static precis_status sgml_doc(void *user, pt_article *a, size_t index, size_t line, bool clean)
{
    part_reader *g = user;
    if (g->stop) return g->stop;
    const char *id = a->id ? a->id : part_id(&g->idbuf, g->base, '#', index);
    if (!id) return pc_fail(pc_ctx_err(g->ctx), PRECIS_ENOMEM, g->where, line, "out of memory");
    char part[PT_MAX_ID_BYTES + 48];
    pc_snprintf(part, sizeof part, "DOC %zu (%s)", index, id);
    precis_status st = add_doc(g->ctx, g->c, id, a->text, a->text_len, clean, g->where, line, part);
    if (st == PRECIS_ENOMEM || !st) return st;
    return sgml_fail(g, st);
}

static void sgml_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    part_reader *g = user;
    if (st == PRECIS_EEMPTY || g->stop) return;
    pc_fail(pc_ctx_err(g->ctx), st, g->where, line, "%s%s%s", what ? what : "", what ? ": " : "", why);
    sgml_fail(g, st);
}

static precis_status add_sgml(precis_ctx *ctx, precis_cluster *c, const char *where, const char *base,
                              const char *data, size_t len, skipper *sk)
{
    part_reader g = {ctx, c, where, base, sk, PRECIS_OK, 0, {0}};
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

/* JSON read part by part: articles, or one Multi-News cluster line whose
 * documents all join the cluster. */
static precis_status json_refused(void *user, precis_status st, size_t line, const char *why)
{
    part_reader *j = user;
    pc_fail(pc_ctx_err(j->ctx), st, j->where, line, "%s", why);
    return skip_or_fail(j->sk, j->c, j->ctx, st);
}

static precis_status json_part(void *user, const pt_json_part *p)
{
    part_reader *j = user;
    pc_error *err = pc_ctx_err(j->ctx);
    precis_status st;
    /* a cluster is read as one whether it is a JSONL line or an element of
     * a JSON array; before, an array of clusters was read as articles and
     * every element said 'article object has no "text" string' */
    if (!pt_json_is_cluster(p->v)) {
        const char *id = part_id(&j->idbuf, j->base, p->element ? '#' : ':', p->element ? p->element : p->line);
        if (!id) return pc_fail(err, PRECIS_ENOMEM, j->where, p->line, "out of memory");
        st = add_json_doc(j->ctx, j->c, p->v, id, j->where, p->line, "element", p->element);
        return skip_or_fail(j->sk, j->c, j->ctx, st);
    }
    char why[PT_JSON_WHY];
    json_t *docs = json_object_get(p->v, "documents");
    if (!json_is_array(docs)) {
        st = pc_fail(err, PRECIS_EPARSE, j->where, p->line, "%s",
                     pt_json_why(why, sizeof why, "element", p->element, "\"documents\" must be an array"));
        return skip_or_fail(j->sk, j->c, j->ctx, st);
    }
    if (++j->n_clusters > 1)
        return pc_fail(err, PRECIS_EINVAL, j->where, p->line, "%s",
                       pt_json_why(why, sizeof why, "element", p->element,
                                   p->element ? "a second cluster: this is a JSON array of clusters: use --batch "
                                                "(one summary per cluster)"
                                              : "several clusters in one input: use --batch"));
    char cbuf[32];
    const char *cid;
    st = json_id(err, j->where, p->line, "cluster", "element", p->element, json_object_get(p->v, "id"), cbuf, sizeof cbuf, &cid);
    if (st) return skip_or_fail(j->sk, j->c, j->ctx, st);
    return add_cluster_docs(j->ctx, j->c, docs, cid ? cid : j->base, j->where, p->line, j->sk);
}

static precis_status add_input(precis_ctx *ctx, precis_cluster *c, const char *name, const char *data,
                               size_t len, skipper *sk)
{
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    if (!data) data = "";
    const char *where = strcmp(name, "-") ? name : "<stdin>";
    const char *base = base_name(where);
    precis_status st;
    bool array = pc_looks_like_json_array(data, len);
    if (array || looks_like_jsonl(data, len)) {
        /* JSON Lines of articles or one cluster, or a JSON array of articles
         * (as digest reads them), through the one JSON reader */
        part_reader j = {ctx, c, where, base, sk, PRECIS_OK, 0, {0}};
        pc_buf_init(&j.idbuf, 0);
        st = pt_json_read(data, len, pc_ctx_limits(ctx)->max_line_bytes, json_part, json_refused, &j);
        pc_buf_free(&j.idbuf);
        if (st == PRECIS_ENOMEM) return pc_fail(err, st, where, 0, "out of memory");
        if (st || !sk->n_bad) return st;
        if (array)
            return pc_fail(err, sk->worst, where, 0, "%zu document%s could not be read", sk->n_bad,
                           sk->n_bad == 1 ? "" : "s");
        return pc_fail(err, sk->worst, where, 0, "%zu line%s or document%s could not be read", sk->n_bad,
                       sk->n_bad == 1 ? "" : "s", sk->n_bad == 1 ? "" : "s");
    }
    if (pt_looks_like_sgml(data, len)) return add_sgml(ctx, c, where, base, data, len, sk);
    /* Multi-News raw separator: documents joined by " ||||| ". */
    size_t seplen = sizeof MULTINEWS_SEP - 1;
    if (len >= seplen && find(data, len, MULTINEWS_SEP, seplen))
        return add_sep_parts(ctx, c, base, data, len, false, where, 0, NULL);
    const char *kind = markup_kind(data, len);
    if (kind)
        return pc_fail(err, PRECIS_EPARSE, where, 0,
                       "%s, not article text: run 'precis extract' on it first (precis digest reads pages)", kind);
    return add_sep_parts(ctx, c, base, data, len, false, where, 0, NULL);
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

/* --batch over JSON Lines of clusters (or a JSON array of them), one
 * cluster a part, through the one JSON reader; a bad part is named and
 * skipped. */
typedef struct batch_in {
    precis_ctx *ctx;
    const char *where;
    precis_cluster_fn fn;
    precis_bad_line_fn bad_line;
    void *user;
    bool bad;
    pc_buf ids; /* FILE:LINE of a cluster without an id */
} batch_in;

static precis_status batch_refused(void *user, precis_status st, size_t line, const char *why)
{
    batch_in *b = user;
    pc_fail(pc_ctx_err(b->ctx), st, b->where, line, "%s", why);
    if (b->bad_line) b->bad_line(b->user, pc_ctx_err(b->ctx)->msg);
    b->bad = true;
    return PRECIS_OK;
}

static precis_status batch_part(void *user, const pt_json_part *p)
{
    batch_in *b = user;
    pc_error *err = pc_ctx_err(b->ctx);
    precis_cluster *c = NULL;
    char why[PT_JSON_WHY];
    json_t *docs = json_object_get(p->v, "documents");
    precis_status st = PRECIS_OK;
    /* an article where a cluster is expected is named as one: a file of
     * articles is one cluster without --batch */
    bool article = json_is_string(p->v) || json_object_get(p->v, "text") || json_object_get(p->v, "html");
    if (!json_is_array(docs))
        st = pc_fail(err, PRECIS_EPARSE, b->where, p->line, "%s",
                     pt_json_why(why, sizeof why, "element", p->element,
                                 article ? "an article, not a cluster {\"id\", \"documents\": [...]}: without "
                                           "--batch, the articles of one input are one cluster"
                                         : "expected {\"id\", \"documents\": [...]}"));
    char cbuf[32];
    const char *cid = NULL;
    if (!st) st = json_id(err, b->where, p->line, "cluster", "element", p->element, json_object_get(p->v, "id"), cbuf, sizeof cbuf, &cid);
    if (!st && !cid && !(cid = part_id(&b->ids, base_name(b->where), p->element ? '#' : ':', p->element ? p->element : p->line)))
        st = pc_fail(err, PRECIS_ENOMEM, b->where, p->line, "out of memory");
    if (!st) st = precis_cluster_new(b->ctx, cid, &c);
    if (!st) st = add_cluster_docs(b->ctx, c, docs, cid, b->where, p->line, NULL);
    if (st == PRECIS_EPARSE || st == PRECIS_ELIMIT) {
        precis_cluster_free(c);
        if (b->bad_line) b->bad_line(b->user, err->msg);
        b->bad = true;
        return PRECIS_OK;
    }
    if (st) {
        precis_cluster_free(c);
        return st;
    }
    return b->fn(b->user, c);
}

precis_status precis_clusters_read(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                   precis_cluster_fn fn, precis_bad_line_fn bad_line, void *user)
{
    if (!ctx || !name || (!data && len) || !fn) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    batch_in b = {ctx, strcmp(name, "-") ? name : "<stdin>", fn, bad_line, user, false, {0}};
    pc_buf_init(&b.ids, 0);
    precis_status st = pt_json_read(data, len, pc_ctx_limits(ctx)->max_line_bytes, batch_part, batch_refused, &b);
    pc_buf_free(&b.ids);
    if (st == PRECIS_ENOMEM) return pc_fail(err, st, b.where, 0, "out of memory");
    if (st) return st;
    if (b.bad) return pc_fail(err, PRECIS_EPARSE, b.where, 0, "some lines could not be read");
    return PRECIS_OK;
}
