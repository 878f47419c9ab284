/* Routes of the HTTP API (docs/api.md): request in, status and JSON out. No
 * sockets here, so tests and the fuzz target can drive it directly. */
#include "server/server.h"
#include "story/story.h"

#include <microhttpd.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

void ps_response_init(ps_response *rs)
{
    memset(rs, 0, sizeof *rs);
    pc_buf_init(&rs->body, 0);
    rs->status = 200;
    rs->content_type = "application/json";
}

void ps_response_free(ps_response *rs) { pc_buf_free(&rs->body); }

void ps_error(ps_response *rs, unsigned status, const char *code, const char *fmt, ...)
{
    char msg[8192]; /* room for an id of 4096 bytes and the reason (was 600: the reason was cut off) */
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* The message may quote input: keep it valid UTF-8, and a cut one ends at
     * a whole character (before, the cut left a U+FFFD at the end). */
    size_t mlen = strlen(msg);
    if (w < 0 || (size_t)w >= sizeof msg) mlen = pc_utf8_whole(msg, mlen);
    pc_buf m;
    pc_buf_init(&m, 0);
    pc_utf8_repair(&m, msg, mlen, NULL);
    rs->body.len = 0;
    rs->asset = NULL;
    rs->raw = false;
    rs->status = status;
    rs->content_type = "application/json";
    pc_buf_printf(&rs->body, "{\"error\":{\"code\":\"%s\",\"message\":", code);
    pc_json_string(&rs->body, m.data ? m.data : "", m.len);
    pc_buf_puts(&rs->body, "}}");
    pc_buf_free(&m);
}

/* A store/library failure as an HTTP error. */
static void status_error(ps_app *app, ps_response *rs, precis_status st, const char *what)
{
    const char *m = precis_errmsg(app->ctx);
    if (!m || !*m) m = precis_strerror(st);
    /* The store's messages start with its file name, the server's business
     * and no client's (before: "/home/ada/news.db: the store is in use ..."
     * went to any web page asking). */
    size_t pl = app->db_path ? strlen(app->db_path) : 0;
    if (pl && !strncmp(m, app->db_path, pl) && m[pl] == ':' && m[pl + 1] == ' ') m += pl + 2;
    switch (st) {
    case PRECIS_EEMPTY: ps_error(rs, 404, "not_found", "%s", what); break;
    case PRECIS_EINVAL: ps_error(rs, 400, "bad_request", "%s", m); break;
    case PRECIS_EPARSE: ps_error(rs, 400, "bad_request", "%s", m); break;
    case PRECIS_ELIMIT: ps_error(rs, 413, "too_large", "%s", m); break;
    /* the store cannot be read or written now (another process holds its
     * lock, the disk is full or read-only): a condition to retry after, not
     * a fault of the server (before: 500 "internal") */
    case PRECIS_EIO:
        ps_error(rs, 503, "store_unavailable", "%s", m);
        rs->retry_after = PS_RETRY_STORE; /* the page waits that long and asks again */
        break;
    default: ps_error(rs, 500, "internal", "%s", m); break;
    }
}

static const char *arg(const ps_request *rq, const char *name)
{
    return rq->arg ? rq->arg(rq->arg_user, name) : NULL;
}

static void list_stories(ps_app *app, const ps_request *rq, ps_response *rs)
{
    ps_list_query q = {.sort = PS_SORT_NEWEST, .limit = 20};
    const char *sort = arg(rq, "sort");
    if (sort && !strcmp(sort, "biggest"))
        q.sort = PS_SORT_BIGGEST;
    else if (sort && strcmp(sort, "newest") != 0)
        return ps_error(rs, 400, "bad_request", "sort must be newest or biggest");
    const char *limit = arg(rq, "limit");
    if (limit && !ps_parse_limit(limit, 100, &q.limit))
        return ps_error(rs, 400, "bad_request", "limit must be a number from 1 to 100");
    q.entity = arg(rq, "entity");
    if (q.entity && (!*q.entity || strlen(q.entity) > 256 || !pc_utf8_valid(q.entity, strlen(q.entity))))
        return ps_error(rs, 400, "bad_request", "entity must be 1 to 256 bytes of UTF-8 (no NUL)");
    q.from = arg(rq, "from");
    q.to = arg(rq, "to");
    if (q.from && !ps_valid_date(q.from))
        return ps_error(rs, 400, "bad_request", "from must be an ISO 8601 date (YYYY-MM-DD)");
    if (q.to && !ps_valid_date(q.to))
        return ps_error(rs, 400, "bad_request", "to must be an ISO 8601 date (YYYY-MM-DD)");
    ps_cursor cur;
    const char *c = arg(rq, "cursor");
    if (c) {
        if (ps_cursor_decode(c, strlen(c), &cur) != PRECIS_OK)
            return ps_error(rs, 400, "bad_request", "cursor is not one this server made");
        if (cur.sort != q.sort)
            return ps_error(rs, 400, "bad_request", "cursor belongs to another sort order");
        q.after = &cur;
    }
    precis_status st = ps_store_list(app->store, &q, &rs->body);
    if (st) status_error(app, rs, st, "no stories");
}

static void search(ps_app *app, const ps_request *rq, ps_response *rs)
{
    const char *q = arg(rq, "q");
    if (!q || !*q) return ps_error(rs, 400, "bad_request", "the q parameter is required");
    if (!pc_utf8_valid(q, strlen(q))) return ps_error(rs, 400, "bad_request", "q is not UTF-8 text (or holds a NUL, %%00)");
    size_t limit = 20;
    const char *l = arg(rq, "limit");
    if (l && !ps_parse_limit(l, 100, &limit))
        return ps_error(rs, 400, "bad_request", "limit must be a number from 1 to 100");
    precis_status st = ps_store_search(app->store, q, limit, &rs->body);
    if (st) status_error(app, rs, st, "nothing found");
}

/* The media type and charset of a raw body, for keeping it. */
static void raw_type(const char *ct, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = ct ? ct : ""; *p && n + 1 < cap && n < 100; p++)
        if ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f) out[n++] = *p;
    out[n] = '\0';
}

static bool authorized(const ps_app *app, const ps_request *rq)
{
    if (!app->token) return true;
    const char *h = rq->authorization;
    if (!h || strncmp(h, "Bearer ", 7) != 0) return false;
    h += 7;
    size_t a = strlen(h), b = strlen(app->token);
    unsigned diff = a != b;
    /* Constant time over the token's length. */
    for (size_t i = 0; i < b; i++) diff |= (unsigned char)(i < a ? h[i] : 0) ^ (unsigned char)app->token[i];
    return diff == 0;
}

/* Warnings of one POST, kept for the answer (a few; the rest counted). */
#define POST_WARNINGS 20
typedef struct post_warnings {
    char *msg[POST_WARNINGS];
    size_t n, more;
} post_warnings;

static void keep_warning(void *user, const char *message)
{
    post_warnings *w = user;
    if (w->n == POST_WARNINGS) {
        w->more++;
        return;
    }
    w->msg[w->n] = strdup(message);
    if (w->msg[w->n]) w->n++;
}

static void warnings_free(post_warnings *w)
{
    for (size_t i = 0; i < w->n; i++) free(w->msg[i]);
}

/* The media type a kept raw input is served back as: the declared one when
 * it names what was read, else the detected format's. */
static const char *kept_type(ps_body_kind kind, ps_post_path path, const char *format, const char *declared,
                             char *buf, size_t cap)
{
    bool declared_fits = (kind == PS_BODY_HTML && path == PS_POST_HTML) ||
                         (kind == PS_BODY_JSON && path == PS_POST_OBJECT) || kind == PS_BODY_TEXT;
    if (declared_fits && declared) {
        raw_type(declared, buf, cap);
        return buf;
    }
    if (path == PS_POST_OBJECT) return "application/json";
    if (path == PS_POST_HTML || !strcmp(format, "html")) return "text/html";
    return "text/plain; charset=utf-8";
}

/* A reader's message in plain words for the client, who knows which request
 * it sent: the input's name (the POST's own "post-HASH") is taken off;
 * "NAME:LINE: " becomes "line LINE: " when the body has several lines (JSON Lines) and goes when it has one, "NAME#K" (an
 * element of a JSON array) "element K". Before, answers read "request:1: ..."
 * and "request:1: request#2: ...". Writes into out (cap bytes). */
static bool name_at(const char *m, const char *name, size_t *n)
{
    *n = strlen(name);
    return !strncmp(m, name, *n) && (m[*n] == ':' || m[*n] == '#');
}

static size_t digits_at(const char *m)
{
    size_t k = 0;
    while (m[k] >= '0' && m[k] <= '9') k++;
    return k;
}

static void plain_words(const char *m, const char *name, bool several_lines, char *out, size_t cap)
{
    size_t k = 0, n, d;
    out[0] = '\0';
    for (int part = 0; part < 3; part++) {
        if (!name_at(m, name, &n)) break;
        const char *p = m + n;
        if (p[0] == ':' && p[1] == ' ') { /* "NAME: why" */
            m = p + 2;
        } else if (p[0] == ':' && (d = digits_at(p + 1)) && p[1 + d] == ':' && p[2 + d] == ' ') {
            if (several_lines) k += pc_snprintf(out + k, cap - k, "line %.*s: ", (int)d, p + 1);
            m = p + 3 + d;
        } else if (p[0] == '#' && (d = digits_at(p + 1)) && (p[1 + d] == ':' || p[1 + d] == ' ' || !p[1 + d])) {
            k += pc_snprintf(out + k, cap - k, "element %.*s", (int)d, p + 1);
            m = p + 1 + d;
        } else {
            break;
        }
        if (k >= cap - 1) return;
    }
    pc_snprintf(out + k, cap - k, "%s", m);
}

static void post_article(ps_app *app, const ps_request *rq, ps_response *rs)
{
    /* A text/plain POST is a "simple" cross-origin request a browser sends
     * without asking: any page the user visits could add articles to the
     * store (before: 201). The page itself posts from its own origin. */
    if (ps_cross_origin(rq->origin, rq->fetch_site, rq->host))
        return ps_error(rs, 403, "cross_origin",
                        "a page of another origin (%.200s) may not add articles; post from this server's own page, "
                        "or without an Origin header (curl, scripts)", rq->origin ? rq->origin : "Sec-Fetch-Site");
    if (!authorized(app, rq))
        return ps_error(rs, 401, "unauthorized", "this server needs Authorization: Bearer <token>");
    ps_body_kind kind = ps_body_kind_of(rq->content_type);
    if (kind == PS_BODY_UNSUPPORTED)
        return ps_error(rs, 415, "unsupported_media_type",
                        "send the article itself (a page, text, JSON, JSON Lines, a feed or a WARC), "
                        "not an image, audio, video or multipart form");
    if (rq->body_len == 0) return ps_error(rs, 400, "bad_request", "the body is empty");
    if (rq->body_len > PS_MAX_BODY) return ps_error(rs, 413, "too_large", "the request body is over 16 MiB");
    const char *url = arg(rq, "url");
    if (url && (strlen(url) > PS_MAX_URL || !pc_utf8_valid(url, strlen(url))))
        return ps_error(rs, 400, "bad_request", "url must be at most 8 KiB of UTF-8 (no NUL)");

    /* A .warc.gz (or any gzip body) is read inflated, as the CLI reads a
     * gzip file; the reader's sniffing then sees what is inside. */
    const char *data = rq->body;
    size_t len = rq->body_len;
    const unsigned char *u = (const unsigned char *)data;
    bool gzip = len >= 2 && u[0] == 0x1f && u[1] == 0x8b;
    pc_buf inflated;
    pc_buf_init(&inflated, 0);
    if (gzip) {
        pc_error e;
        pc_error_clear(&e);
        precis_status st = len >= 18 ? pc_gunzip(u, len, PS_MAX_GUNZIP, &inflated, "request", &e) : PRECIS_EPARSE;
        if (st) {
            pc_buf_free(&inflated);
            if (st == PRECIS_ELIMIT)
                return ps_error(rs, 413, "too_large", "the gzip body inflates to over %zu MiB", (size_t)(PS_MAX_GUNZIP / PC_MiB));
            if (st == PRECIS_ENOMEM) return ps_error(rs, 500, "internal", "out of memory");
            return ps_error(rs, 400, "bad_request", "corrupt gzip data");
        }
        data = inflated.data ? inflated.data : "";
        len = inflated.len;
    }
    /* The input's name, which an article without an id of its own keeps as
     * its source_id ("post-" and 16 hex digits of the body's XXH3: distinct
     * for every posted text, the same when the same bytes come again; JSON
     * Lines and array parts "post-HASH:LINE", "post-HASH#K"). Before, every
     * posted text was "request". */
    char name[32];
    snprintf(name, sizeof name, "post-%016llx", (unsigned long long)XXH3_64bits(data, len));
    const char *lines_end = memchr(data, '\n', len);
    bool several_lines = false;
    for (const char *q = lines_end; q && q < data + len && !several_lines; q++)
        several_lines = !strchr(" \t\r\n", *q);
    char plain[2048];
    const char *format = pst_input_format(data, len);
    ps_post_path path = ps_post_path_of(kind, format, data, len);
    if (path == PS_POST_NOT_JSON && ps_not_json_why(data, len, plain, sizeof plain)) {
        pc_buf_free(&inflated);
        return ps_error(rs, 400, "bad_request", "%s", plain);
    }
    if (path == PS_POST_NOT_JSON) path = PS_POST_READER; /* it parses after all: read it */
    if (path == PS_POST_OBJECT) format = "json";

    ps_added items[PS_MAX_POST_ARTICLES];
    char type[128];
    ps_ingest_opts o = {.raw = data, .raw_len = len, .max_articles = PS_MAX_POST_ARTICLES, .items = items};
    o.raw_type = kept_type(kind, path, format, rq->content_type, type, sizeof type);
    /* ?url= is the address of one page or text, not of a WARC's records */
    if (!strcmp(format, "html") || !strcmp(format, "text") || path != PS_POST_READER) o.url = url; /* and one object */
    ps_ingest_counts counts = {0};
    post_warnings warn = {0};
    precis_status st;
    if (path != PS_POST_HTML) {
        st = ps_store_ingest_mem(app->store, name, data, len, &o, &counts, keep_warning, &warn);
    } else {
        pt_article a;
        pt_article_init(&a);
        char msg[2048];
        st = ps_parse_article(app->ctx, PS_BODY_HTML, data, len, url, rq->content_type, &a, msg, sizeof msg);
        plain_words(msg, name, several_lines, plain, sizeof plain);
        if (st) {
            pt_article_free(&a);
            pc_buf_free(&inflated);
            switch (st) {
            case PRECIS_EPARSE: return ps_error(rs, 400, "bad_request", "%s", plain);
            case PRECIS_EEMPTY: return ps_error(rs, 422, "no_article", "%s", plain);
            case PRECIS_ELIMIT: return ps_error(rs, 413, "too_large", "%s", plain);
            case PRECIS_EINVAL: return ps_error(rs, 400, "bad_request", "%s", plain);
            default: return ps_error(rs, 500, "internal", "%s", plain[0] ? plain : precis_strerror(st));
            }
        }
        if (plain[0]) keep_warning(&warn, plain); /* the server's own, more precise than the reader's */
        precis_article pa = {.id = a.id ? a.id : name, .url = a.url, .site = a.site, .title = a.title,
                             .author = a.author, .lang = a.lang, .date = a.date, .date_alt = a.date_alt, .date_order = a.date_order,
                             .text = a.text, .text_len = a.text_len};
        st = ps_store_ingest_one(app->store, &pa, &o, &counts, keep_warning, &warn);
        pt_article_free(&a);
    }
    pc_buf_free(&inflated);
    if (st) {
        warnings_free(&warn);
        ps_ingest_counts_free(&counts); /* the stories of articles rolled back */
        if (st == PRECIS_ELIMIT)
            return ps_error(rs, 413, "too_large", "the body holds over %d articles; nothing was stored "
                            "(send fewer per request, or use precis ingest)", PS_MAX_POST_ARTICLES);
        return status_error(app, rs, st, "article");
    }
    if (!o.n_items) { /* nothing stored: why, as the CLI would say it */
        if (warn.n) plain_words(warn.msg[0], name, several_lines, plain, sizeof plain);
        const char *why = warn.n ? plain : "no article text found";
        if (o.read_status == PRECIS_ELIMIT) ps_error(rs, 413, "too_large", "%s", why);
        else if (o.read_status == PRECIS_EPARSE || counts.refused) ps_error(rs, 400, "bad_request", "%s", why);
        else ps_error(rs, 422, "no_article", "%s", why);
        warnings_free(&warn);
        ps_ingest_counts_free(&counts);
        return;
    }
    /* The articles are committed. Their stories' JSON follows before we
     * answer, or soon after for a big story (the rebuilder, outside the lock). */
    bool signal = false;
    for (size_t i = 0; i < counts.n_stories; i++) {
        int64_t story = counts.stories[i];
        if (!app->rebuilder_running || (size_t)ps_store_story_size(app->store, story) <= app->sync_max) {
            if ((st = ps_store_refresh_story(app->store, story))) break;
        } else {
            signal = true;
        }
    }
    ps_ingest_counts_free(&counts);
    if (signal) pthread_cond_signal(&app->wake);
    if (st) {
        warnings_free(&warn);
        return status_error(app, rs, st, "story");
    }
    rs->status = counts.added ? 201 : 200;
    pc_buf *b = &rs->body;
    if (o.n_items == 1) /* the one-article answer, as before */
        pc_buf_printf(b, "{\"id\":\"%lld\",\"story\":\"%lld\",\"duplicate\":%s,", (long long)items[0].id,
                      (long long)items[0].story, items[0].duplicate ? "true" : "false");
    else
        pc_buf_putc(b, '{');
    pc_buf_printf(b, "\"detected\":\"%s\",\"gzip\":%s", format, gzip ? "true" : "false");
    if (o.n_items > 1 || path == PS_POST_READER) {
        pc_buf_printf(b, ",\"added\":%zu,\"duplicates\":%zu,\"rejected\":%zu,\"articles\":[", counts.added,
                      counts.duplicates, counts.rejected);
        for (size_t i = 0; i < o.n_items; i++)
            pc_buf_printf(b, "%s{\"id\":\"%lld\",\"story\":\"%lld\",\"duplicate\":%s}", i ? "," : "",
                          (long long)items[i].id, (long long)items[i].story, items[i].duplicate ? "true" : "false");
        pc_buf_putc(b, ']');
    }
    if (warn.n) { /* accepted, with what was not used said */
        pc_buf_puts(b, ",\"warnings\":[");
        for (size_t i = 0; i < warn.n; i++) {
            if (i) pc_buf_putc(b, ',');
            plain_words(warn.msg[i], name, several_lines, plain, sizeof plain);
            pc_json_string(b, plain, strlen(plain));
        }
        pc_buf_putc(b, ']');
        if (warn.more) pc_buf_printf(b, ",\"more_warnings\":%zu", warn.more);
    }
    pc_buf_putc(b, '}');
    warnings_free(&warn);
}

static void health(ps_app *app, ps_response *rs)
{
    ps_stats s;
    precis_status st = ps_store_stats(app->store, &s);
    if (st) return status_error(app, rs, st, "store");
    pc_buf_printf(&rs->body, "{\"status\":\"ok\",\"articles\":%lld,\"stories\":%lld,\"schema\":%d}",
                  (long long)s.articles, (long long)s.stories, s.schema);
}

static void version(ps_response *rs)
{
    /* limits: what the add page checks a file against before sending it
     * (before, it sent 20 MB to be told 413) */
    pc_buf_printf(&rs->body,
                  "{\"precis\":\"%s\",\"schema\":%d,\"sqlite\":\"%s\",\"microhttpd\":\"%s\","
                  "\"limits\":{\"body_bytes\":%zu,\"gunzip_bytes\":%zu,\"articles_per_post\":%d}}",
                  precis_version(), PS_SCHEMA_VERSION, sqlite3_libversion(), MHD_get_version(),
                  (size_t)PS_MAX_BODY, (size_t)PS_MAX_GUNZIP, PS_MAX_POST_ARTICLES);
}

static void method_not_allowed(ps_response *rs, const char *allow)
{
    ps_error(rs, 405, "method_not_allowed", "use %s", allow);
    rs->allow = allow;
}

static void api(ps_app *app, const ps_request *rq, ps_response *rs, const char *p)
{
    bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
    bool post = !strcmp(rq->method, "POST");
    /* p is what follows "/api/": split into at most three segments. */
    const char *seg[4] = {0};
    size_t len[4] = {0}, n = 0;
    for (const char *s = p; n < 4;) {
        const char *slash = strchr(s, '/');
        seg[n] = s;
        len[n] = slash ? (size_t)(slash - s) : strlen(s);
        n++;
        if (!slash) break;
        s = slash + 1;
    }
    for (size_t i = 0; i < n; i++)
        if (len[i] == 0) return ps_error(rs, 404, "not_found", "no such resource");
#define IS(i, lit) (len[i] == sizeof(lit) - 1 && !memcmp(seg[i], lit, sizeof(lit) - 1))
    int64_t id;
    if (n == 1 && (IS(0, "health") || IS(0, "version") || IS(0, "stories") || IS(0, "search"))) {
        if (!get) return method_not_allowed(rs, "GET, HEAD");
        if (IS(0, "version")) return version(rs);
        if (IS(0, "health")) return health(app, rs);
        if (IS(0, "stories")) return list_stories(app, rq, rs);
        return search(app, rq, rs);
    }
    if (n == 1 && IS(0, "articles")) {
        if (!post) return method_not_allowed(rs, "POST");
        return post_article(app, rq, rs);
    }
    if (n == 2 && IS(0, "stories")) {
        if (!ps_parse_id(seg[1], len[1], &id)) return ps_error(rs, 404, "not_found", "no such story");
        if (!get) return method_not_allowed(rs, "GET, HEAD");
        precis_status st = ps_store_story(app->store, id, &rs->body);
        if (st) status_error(app, rs, st, "no such story");
        return;
    }
    if ((n == 2 || (n == 3 && IS(2, "raw"))) && IS(0, "articles")) {
        if (!ps_parse_id(seg[1], len[1], &id)) return ps_error(rs, 404, "not_found", "no such article");
        if (!get) return method_not_allowed(rs, "GET, HEAD");
        precis_status st;
        if (n == 2) {
            st = ps_store_article(app->store, id, &rs->body);
        } else {
            char type[128];
            st = ps_store_article_raw(app->store, id, &rs->body, type, sizeof type);
            if (!st) {
                rs->content_type = "text/plain; charset=utf-8";
                rs->raw = true;
            }
        }
        if (st) status_error(app, rs, st, n == 2 ? "no such article" : "no raw input kept for this article");
        return;
    }
#undef IS
    ps_error(rs, 404, "not_found", "no such resource");
}

/* Rebuilds marked stories one by one: load and save under app->lock, the
 * build itself (the slow part) with its own context and the lock released. */
static void *rebuild_loop(void *arg)
{
    ps_app *app = arg;
    int64_t last = 0;
    pthread_mutex_lock(&app->lock);
    while (!app->stopping) {
        int64_t id = ps_store_next_dirty(app->store, last);
        if (!id) {
            last = 0;
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += 1;
            pthread_cond_timedwait(&app->wake, &app->lock, &until);
            continue;
        }
        last = id;
        ps_story_job *job = NULL;
        precis_status st = ps_job_load(app->store, id, &job);
        if (!st) {
            pthread_mutex_unlock(&app->lock);
            st = ps_job_build(app->bg_ctx, job);
            pthread_mutex_lock(&app->lock);
            if (!st && !app->stopping) st = ps_job_save(app->store, job, NULL);
        }
        ps_job_free(job);
        if (st) {
            fprintf(stderr, "precis: rebuilding story %lld: %s\n", (long long)id,
                    precis_errmsg(app->bg_ctx)[0] ? precis_errmsg(app->bg_ctx) : precis_strerror(st));
            struct timespec until; /* retried later, not in a loop */
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += 5;
            pthread_cond_timedwait(&app->wake, &app->lock, &until);
        }
    }
    pthread_mutex_unlock(&app->lock);
    return NULL;
}

precis_status ps_app_start_rebuilder(ps_app *app)
{
    app->bg_ctx = precis_new(NULL);
    if (!app->bg_ctx) return PRECIS_ENOMEM;
    pthread_cond_init(&app->wake, NULL);
    app->stopping = false;
    if (pthread_create(&app->rebuilder, NULL, rebuild_loop, app) != 0) {
        pthread_cond_destroy(&app->wake);
        precis_free(app->bg_ctx);
        app->bg_ctx = NULL;
        return PRECIS_ENOMEM;
    }
    app->rebuilder_running = true;
    return PRECIS_OK;
}

void ps_app_stop_rebuilder(ps_app *app)
{
    if (!app->rebuilder_running) return;
    pthread_mutex_lock(&app->lock);
    app->stopping = true;
    pthread_cond_signal(&app->wake);
    pthread_mutex_unlock(&app->lock);
    pthread_join(app->rebuilder, NULL);
    app->rebuilder_running = false;
    pthread_cond_destroy(&app->wake);
    precis_free(app->bg_ctx);
    app->bg_ctx = NULL;
}

typedef struct reader {
    ps_store *store;
    precis_ctx *ctx;
} reader;

static void reader_free(void *p)
{
    reader *r = p;
    ps_store_close(r->store);
    precis_free(r->ctx);
    free(r);
}

precis_status ps_app_enable_readers(ps_app *app, const char *path)
{
    if (pthread_key_create(&app->reader_key, reader_free) != 0) return PRECIS_ENOMEM;
    app->reader_path = path;
    return PRECIS_OK;
}

/* This thread's read-only connection, opened on first use; NULL if it
 * cannot be had (the request then goes through the lock). */
static reader *thread_reader(ps_app *app)
{
    reader *r = pthread_getspecific(app->reader_key);
    if (r) return r;
    r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->ctx = precis_new(NULL);
    if (!r->ctx || ps_store_open_reader(r->ctx, app->reader_path, &r->store) != PRECIS_OK ||
        pthread_setspecific(app->reader_key, r) != 0) {
        ps_store_close(r->store);
        precis_free(r->ctx);
        free(r);
        return NULL;
    }
    return r;
}

int ps_etag_matches(const char *inm, const char *etag)
{
    if (!inm || !etag || !*etag) return 0;
    size_t el = strlen(etag);
    for (const char *p = inm; *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',') p++;
        if (*p == '*') return 1;
        if (p[0] == 'W' && p[1] == '/') p += 2; /* If-None-Match compares weakly (RFC 9110 13.1.2) */
        const char *e = p;
        while (*e && *e != ',') e++;
        const char *t = e;
        while (t > p && (t[-1] == ' ' || t[-1] == '\t')) t--;
        if ((size_t)(t - p) == el && !memcmp(p, etag, el)) return 1;
        p = e;
    }
    return 0;
}

/* The ETag of a 200 API answer: its JSON's hash, so it changes whenever the
 * answer does (a story rebuilt with a new article) and needs no counter kept
 * in the store. The page polls a story with it and redraws only on a 200. */
static void set_etag(const ps_request *rq, ps_response *rs)
{
    if (rs->status != 200 || rs->raw || rs->asset) return;
    unsigned long long h = (unsigned long long)XXH3_64bits(rs->body.data ? rs->body.data : "", rs->body.len);
    snprintf(rs->etag, sizeof rs->etag, "\"%016llx\"", h);
    if (ps_etag_matches(rq->if_none_match, rs->etag)) {
        rs->status = 304;
        rs->body.len = 0;
    }
}

void ps_route(ps_app *app, const ps_request *rq, ps_response *rs)
{
    const char *p = rq->path ? rq->path : "";
    bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
    /* On loopback, a page of another name that resolves here (DNS rebinding:
     * evil.example at 127.0.0.1) is same-origin for the browser: it could
     * read and write the store. Only loopback names are answered. */
    if (app->local_only && rq->host && !ps_host_is_loopback(rq->host))
        return ps_error(rs, 403, "forbidden_host",
                        "this server listens on loopback and answers requests for localhost, 127.0.0.1 or [::1] "
                        "only, not for \"%.200s\" (a guard against DNS rebinding); to serve other names, "
                        "use --bind with --token", rq->host);
    if (!strncmp(p, "/api/", 5)) {
        reader *r = get && app->reader_path ? thread_reader(app) : NULL;
        if (r) {
            /* The same routes over this thread's connection: api() only
             * reads app->store and app->ctx for a GET. */
            ps_app view = {.store = r->store, .ctx = r->ctx, .token = app->token, .db_path = app->db_path};
            api(&view, rq, rs, p + 5);
        } else {
            pthread_mutex_lock(&app->lock);
            api(app, rq, rs, p + 5);
            pthread_mutex_unlock(&app->lock);
        }
        if (get) set_etag(rq, rs);
        return;
    }
    /* The page: only the embedded files, matched exactly (no file system). */
    if (strstr(p, "..") || strchr(p, '\\') || strstr(p, "//") || p[0] != '/')
        return ps_error(rs, 404, "not_found", "no such resource");
    const ps_asset *a = ps_asset_find(strcmp(p, "/") ? p : "/index.html");
    if (!a) return ps_error(rs, 404, "not_found", "no such resource");
    if (!get) return method_not_allowed(rs, "GET, HEAD");
    rs->asset = a;
    rs->content_type = a->content_type;
}
