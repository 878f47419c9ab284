/* Parsers of what HTTP clients send: article bodies (JSON, text, HTML) and
 * query parameters. Everything here takes untrusted bytes (fuzz_request). */
#include "server/server.h"
#include "story/story.h"
#include "text/date.h"
#include "html/html.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

ps_body_kind ps_body_kind_of(const char *ct)
{
    if (!ct) return PS_BODY_SNIFF;
    while (*ct == ' ' || *ct == '\t') ct++;
    size_t n = strcspn(ct, "; \t");
    static const char *const NOT_ARTICLES[] = {"image/", "audio/", "video/", "font/", "model/", "multipart/"};
    for (size_t i = 0; i < sizeof NOT_ARTICLES / sizeof *NOT_ARTICLES; i++)
        if (!strncasecmp(ct, NOT_ARTICLES[i], strlen(NOT_ARTICLES[i]))) return PS_BODY_UNSUPPORTED;
    static const struct {
        const char *type;
        ps_body_kind kind;
    } TYPES[] = {{"application/json", PS_BODY_JSON},
                 {"text/plain", PS_BODY_TEXT},
                 {"text/html", PS_BODY_HTML},
                 {"application/xhtml+xml", PS_BODY_HTML}};
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (strlen(TYPES[i].type) == n && strncasecmp(ct, TYPES[i].type, n) == 0) return TYPES[i].kind;
    return PS_BODY_SNIFF;
}

/* True when body holds one JSON value and nothing after it but spaces, or
 * does not parse at all (then the validating parser names the error). */
static bool one_json_value(const char *body, size_t len)
{
    json_error_t je;
    json_t *v = json_loadb(body, len, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &je);
    if (!v) return true;
    json_decref(v);
    for (size_t i = (size_t)je.position; i < len; i++)
        if (!strchr(" \t\r\n", body[i])) return false;
    return true;
}

ps_post_path ps_post_path_of(ps_body_kind kind, const char *format, const char *body, size_t len)
{
    bool html = !strcmp(format, "html"), text = !strcmp(format, "text"), jsonl = !strcmp(format, "jsonl");
    if (!html && !text && !jsonl) return PS_POST_READER; /* warc, feed, sgml, json-array */
    /* one JSON object is the article object whatever the declared type: the
     * same fields validated, the same 400 for "title": 5 (before, text/plain
     * took it to the reader, which stored the article with a warning) */
    if (jsonl) return one_json_value(body, len) ? PS_POST_JSON : PS_POST_READER;
    if (kind == PS_BODY_TEXT) return PS_POST_READER;   /* as `precis ingest` reads a file */
    if (kind == PS_BODY_JSON) return PS_POST_JSON;     /* declared JSON that is none: 400 */
    /* a body with no markup goes the reader's way even when declared a page,
     * as the file would: binary junk is refused there (the extractor took it
     * as a page of mojibake, 201) */
    return html ? PS_POST_HTML : PS_POST_READER;
}

static precis_status set_opt(pt_article *a, const char **field, const char *v)
{
    return v && *v ? pt_article_set(a, field, v, strlen(v)) : PRECIS_OK;
}

static precis_status fail(char *msg, size_t cap, precis_status st, const char *fmt, const char *arg)
{
    pc_snprintf(msg, cap, fmt, arg);
    return st;
}

/* The extractor itself (what precis_extract_html wraps), so that the page's
 * other reading of an ambiguous date (date_alt) reaches the date window. */
static precis_status parse_html(precis_ctx *ctx, const char *body, size_t len, const char *url,
                                const char *ctype, pt_article *out, char *msg, size_t cap)
{
    const precis_limits *lim = pc_ctx_limits(ctx);
    if (len > lim->max_file_bytes) {
        snprintf(msg, cap, "page larger than the %zu-byte limit", lim->max_file_bytes);
        return PRECIS_ELIMIT;
    }
    /* the page test of a page file (docs/cli.md "User pass 22") */
    if (pc_bytes_binary(body, len)) return fail(msg, cap, PRECIS_EPARSE, "%s", "binary data, not an HTML page");
    ph_options o = {0};
    o.url = url;
    o.content_type = ctype;
    o.max_article = lim->max_article_bytes;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    precis_status st = ph_extract(body, len, &o, out, err);
    if (st) return fail(msg, cap, st, "%s", err->msg[0] ? err->msg : precis_strerror(st));
    return PRECIS_OK;
}

/* Bodies are read exactly as `precis ingest` reads a file (the one reader,
 * pst_articles_read_mem: same cleaning rule, same date normalisation), so the
 * same article posted and ingested has the same content hash. */
typedef struct collect {
    pt_article *out;
    size_t n;
    precis_status st;
    char why[2048]; /* a message may quote an id of up to 4096 bytes: cut at a whole character */
    char warning[2048]; /* the reader's warning for the article (fields not used, NULs dropped, an unread date) */
} collect;

static precis_status copy_field(pt_article *out, const char **dst, const char *v)
{
    return v ? pt_article_set(out, dst, v, strlen(v)) : PRECIS_OK;
}

static precis_status on_one(void *user, const precis_article *a)
{
    collect *c = user;
    if (++c->n > 1) return PRECIS_OK; /* counted: refused below */
    pt_article *o = c->out;
    precis_status st = PRECIS_OK;
    /* Ids the reader derives from our name are no source id. */
    if (a->id && strncmp(a->id, "request", 7) != 0) st = copy_field(o, &o->id, a->id);
    if (!st) st = copy_field(o, &o->url, a->url);
    if (!st) st = copy_field(o, &o->site, a->site);
    if (!st) st = copy_field(o, &o->title, a->title);
    if (!st) st = copy_field(o, &o->date, a->date);
    if (!st) st = copy_field(o, &o->date_alt, a->date_alt); /* settled by the caller's date window */
    o->date_order = a->date_order;
    if (!st) st = copy_field(o, &o->author, a->author);
    if (!st) st = copy_field(o, &o->lang, a->lang);
    if (!st) st = pt_article_set(o, &o->text, a->text ? a->text : "", a->text_len);
    if (a->warning) pc_snprintf(c->warning, sizeof c->warning, "%s", a->warning);
    return st;
}

static void on_skip(void *user, const char *message)
{
    collect *c = user;
    if (!c->why[0]) pc_snprintf(c->why, sizeof c->why, "%s", message);
}

static precis_status read_body(precis_ctx *ctx, const char *body, size_t len, pt_article *out,
                               char *msg, size_t cap)
{
    collect c = {.out = out};
    precis_status st = pst_articles_read_mem(ctx, "request", body, len, on_one, on_skip, &c);
    if (st == PRECIS_ENOMEM) return fail(msg, cap, st, "%s", "out of memory");
    if (c.n > 1) return fail(msg, cap, PRECIS_EPARSE, "%s", "one article per request");
    if (c.n == 1 && out->text && out->text_len) { /* the reader's warning, as for the same line posted as JSON Lines */
        if (c.warning[0]) pc_snprintf(msg, cap, "%s", c.warning);
        return PRECIS_OK;
    }
    /* the reader's status says a part was over a limit (its message names the
     * limit); the words of the message do not: an id may hold "limit" */
    if (st == PRECIS_ELIMIT) return fail(msg, cap, st, "%s", c.why[0] ? c.why : "over a size limit");
    /* refused (binary data, malformed): 400, as the CLI refuses it (exit 2);
     * read fine but no article (only debris): 422 */
    if (st == PRECIS_EPARSE) return fail(msg, cap, st, "%s", c.why[0] ? c.why : "malformed input");
    return fail(msg, cap, PRECIS_EEMPTY, "%s", c.why[0] ? c.why : "no article text found");
}

static precis_status parse_text(precis_ctx *ctx, const char *body, size_t len, pt_article *out,
                                char *msg, size_t cap)
{
    const precis_limits *lim = pc_ctx_limits(ctx);
    if (len > lim->max_article_bytes) {
        snprintf(msg, cap, "article text over the %zu-byte limit", lim->max_article_bytes);
        return PRECIS_ELIMIT;
    }
    return read_body(ctx, body, len, out, msg, cap);
}

/* The date as the one date parser writes it (what the reader does for files). */
static precis_status normalise_date(pt_article *a)
{
    if (!a->date) return PRECIS_OK;
    char iso[48];
    size_t k = pt_date_normalise(a->date, strlen(a->date), iso, sizeof iso);
    if (!k) {
        a->date = a->date_alt = NULL;
        return PRECIS_OK;
    }
    return pt_article_set(a, &a->date, iso, k);
}

/* An article object {"id", "url", "site", "title", "date", "author", "lang",
 * "text" | "html"}: "text" is clean text, taken as is; "html" is extracted and
 * the object's own fields win over the page's. Other fields are ignored. */
static precis_status parse_json(precis_ctx *ctx, const char *body, size_t len, pt_article *out,
                                char *msg, size_t cap)
{
    json_error_t je;
    if (len >= 3 && !memcmp(body, "\xEF\xBB\xBF", 3)) { /* a UTF-8 byte-order mark: RFC 8259 lets a parser ignore it */
        body += 3;
        len -= 3;
    }
    /* invalid UTF-8 becomes U+FFFD first, as the reader does for a JSONL
     * line (jansson refuses it): before, a JSON body `precis ingest` took was 400 */
    pc_buf fixed;
    pc_buf_init(&fixed, 0);
    if (!pc_utf8_valid(body, len)) {
        if (pc_utf8_repair(&fixed, body, len, NULL)) {
            pc_buf_free(&fixed);
            return fail(msg, cap, PRECIS_ENOMEM, "%s", "out of memory");
        }
        body = fixed.data ? fixed.data : "";
        len = fixed.len;
    }
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je); /* a NUL is named below, not by jansson */
    pc_buf_free(&fixed);
    if (!o) {
        pc_snprintf(msg, cap, "malformed JSON at line %d, column %d: %s", je.line, je.column, je.text);
        return PRECIS_EPARSE;
    }
    precis_status st = PRECIS_OK;
    if (!json_is_object(o)) {
        st = fail(msg, cap, PRECIS_EPARSE, "%s", "the body must be an article object");
        goto done;
    }
    static const char *const F[] = {"url", "site", "title", "date", "author", "lang"};
    const char **dst[] = {&out->url, &out->site, &out->title, &out->date, &out->author, &out->lang};
    for (size_t i = 0; i < 6; i++) {
        json_t *v = json_object_get(o, F[i]);
        if (!v || json_is_null(v)) continue;
        if (!json_is_string(v)) {
            st = fail(msg, cap, PRECIS_EPARSE, "field \"%s\" must be a string or null", F[i]);
            goto done;
        }
        if (memchr(json_string_value(v), '\0', json_string_length(v))) {
            st = fail(msg, cap, PRECIS_EPARSE, "field \"%s\" holds a NUL character", F[i]);
            goto done;
        }
        if (json_string_length(v) &&
            (st = pt_article_set(out, dst[i], json_string_value(v), json_string_length(v))))
            goto done;
    }
    json_t *id = json_object_get(o, "id");
    char num[32], idwhy[96];
    /* the readers' one rule (type, NUL, length) and words; before, the server
     * said "a string, a number or null" and took an id of any length */
    if (pt_json_id_refusal(id, "field", idwhy, sizeof idwhy)) {
        st = fail(msg, cap, PRECIS_EPARSE, "%s", idwhy);
    } else if (json_is_string(id) && json_string_length(id)) {
        st = pt_article_set(out, &out->id, json_string_value(id), json_string_length(id));
    } else if (json_is_integer(id)) {
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
        st = pt_article_set(out, &out->id, num, strlen(num));
    }
    if (st) goto done;
    json_t *text = json_object_get(o, "text"), *html = json_object_get(o, "html");
    if (text && !json_is_null(text) && !json_is_string(text)) {
        st = fail(msg, cap, PRECIS_EPARSE, "%s", "field \"text\" must be a string");
        goto done;
    }
    if (html && !json_is_null(html) && !json_is_string(html)) {
        st = fail(msg, cap, PRECIS_EPARSE, "%s", "field \"html\" must be a string");
        goto done;
    }
    if (!json_is_string(text) && !json_is_string(html)) {
        st = fail(msg, cap, PRECIS_EPARSE, "%s", "the article needs a \"text\" or an \"html\" string");
        goto done;
    }
    const precis_limits *lim = pc_ctx_limits(ctx);
    if (json_is_string(text) && json_string_length(text) > lim->max_article_bytes) {
        snprintf(msg, cap, "article text over the %zu-byte limit", lim->max_article_bytes);
        st = PRECIS_ELIMIT;
        goto done;
    }
    /* Valid: the fields checked above go to the reader as one JSON line. */
    json_object_del(o, "documents");
    char *line = json_dumps(o, JSON_COMPACT);
    if (!line) {
        st = fail(msg, cap, PRECIS_ENOMEM, "%s", "out of memory");
        goto done;
    }
    pt_article_free(out);
    pt_article_init(out);
    st = read_body(ctx, line, strlen(line), out, msg, cap);
    free(line);
    json_t *date = json_object_get(o, "date");
    if (msg[0]) {
        /* the reader's warning (an unread date, a weekday that does not match,
         * NULs dropped...), in the words `precis ingest` and a JSON Lines POST use */
    } else if (!st && !out->date && json_is_string(date) && json_string_length(date)) {
        /* the reader drops a date it cannot read, as `precis ingest` does
         * (the article is kept, undated); the client is told, not left to
         * find a null date later */
        size_t n = json_string_length(date);
        const unsigned char *v = (const unsigned char *)json_string_value(date);
        n = pc_utf8_cut((const char *)v, n, 60);
        /* an impossible time ("2026-03-03T25:00") is named: the value looks
         * like a date, and the client should see which part was refused */
        char t[24], why[48] = "";
        if (pt_date_bad_time(json_string_value(date), json_string_length(date), t, sizeof t))
            snprintf(why, sizeof why, " ('%s' is no time of day)", t);
        pc_snprintf(msg, cap, "field \"date\" ('%.*s%s') is not a date precis reads%s: the article is stored without a date",
                 (int)n, (const char *)v, n < json_string_length(date) ? "..." : "", why);
    } else if (!st && out->date && json_is_string(date)) {
        /* "Tue, May 30, 2018" (a Wednesday): stored with the printed date, the client told */
        pt_date_field_note("field \"date\"", json_string_value(date), json_string_length(date), msg, cap);
    }
done:
    json_decref(o);
    return st;
}

precis_status ps_parse_article(precis_ctx *ctx, ps_body_kind kind, const char *body, size_t len,
                               const char *url, const char *ctype, pt_article *out, char *msg,
                               size_t msg_cap)
{
    msg[0] = '\0';
    if (len > PS_MAX_BODY) return fail(msg, msg_cap, PRECIS_ELIMIT, "%s", "body over 16 MiB");
    if (!body) body = "";
    switch (kind) {
    case PS_BODY_JSON: return parse_json(ctx, body, len, out, msg, msg_cap);
    case PS_BODY_TEXT: {
        precis_status st = parse_text(ctx, body, len, out, msg, msg_cap);
        if (!st && url && !out->url) st = set_opt(out, &out->url, url);
        return st;
    }
    case PS_BODY_HTML: {
        precis_status st = parse_html(ctx, body, len, url, ctype, out, msg, msg_cap);
        /* "Tuesday, May 30, 2018" (a Wednesday) on the page: kept, and said, as the CLI says it */
        if (!st && out->date && out->date_note) pc_snprintf(msg, msg_cap, "%s", out->date_note);
        return st ? st : normalise_date(out);
    }
    default: return fail(msg, msg_cap, PRECIS_EINVAL, "%s", "unsupported content type");
    }
}

bool ps_parse_id(const char *s, size_t len, int64_t *out)
{
    if (!s || len == 0 || len > 15 || s[0] == '0') return false;
    int64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool ps_parse_limit(const char *s, size_t max, size_t *out)
{
    if (!s || !*s || strlen(s) > 6) return false;
    size_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        v = v * 10 + (size_t)(*p - '0');
    }
    if (v == 0 || v > max) return false;
    *out = v;
    return true;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return false;
    return true;
}

bool ps_valid_date(const char *s)
{
    if (!s) return false;
    size_t n = strlen(s);
    if (n < 4 || n > 35 || !digits(s, 4)) return false;
    if (n == 4) return true;
    if (s[4] != '-' || n < 7 || !digits(s + 5, 2)) return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
    if (n == 7) return true;
    if (s[7] != '-' || n < 10 || !digits(s + 8, 2)) return false;
    int year = ((s[0] - '0') * 10 + (s[1] - '0')) * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (day < 1 || day > pt_days_in_month(year, month)) return false;
    if (n == 10) return true;
    if (s[10] != 'T') return false;
    /* Time part: hh[:mm[:ss[.fff]]] and an optional Z or +hh[:mm] / -hh[:mm],
     * each part in range (before, any run of digits and ":.+-Z" was taken:
     * "T25:99" and "T1" filtered as strings) */
    const char *p = s + 11, *end = s + n;
    static const int MAX[3] = {23, 59, 60};
    for (int part = 0; part < 3; part++) {
        if (end - p < 2 || !digits(p, 2) || (p[0] - '0') * 10 + (p[1] - '0') > MAX[part]) return false;
        p += 2;
        if (p < end && *p == ':' && part < 2) {
            p++;
            continue;
        }
        break;
    }
    if (p < end && *p == '.') {
        const char *f = ++p;
        while (p < end && isdigit((unsigned char)*p)) p++;
        if (p == f) return false;
    }
    if (p < end && *p == 'Z') return p + 1 == end;
    if (p < end && (*p == '+' || *p == '-')) {
        p++;
        if (end - p < 2 || !digits(p, 2) || (p[0] - '0') * 10 + (p[1] - '0') > 23) return false;
        p += 2;
        if (p < end && *p == ':') p++;
        if (p == end) return true;
        if (end - p != 2 || !digits(p, 2) || (p[0] - '0') * 10 + (p[1] - '0') > 59) return false;
        return true;
    }
    return p == end;
}

int ps_host_is_loopback(const char *host)
{
    if (!host) return 0;
    char h[256];
    size_t n = strlen(host);
    if (n == 0 || n >= sizeof h) return 0;
    if (host[0] == '[') { /* [::1]:8080 */
        const char *close = strchr(host, ']');
        if (!close || (close[1] && close[1] != ':')) return 0;
        n = (size_t)(close - host - 1);
        memcpy(h, host + 1, n);
    } else {
        const char *colon = strchr(host, ':');
        if (colon && strchr(colon + 1, ':')) return 0; /* an IPv6 address must be bracketed */
        n = colon ? (size_t)(colon - host) : n;
        memcpy(h, host, n);
    }
    h[n] = '\0';
    if (n && h[n - 1] == '.') h[--n] = '\0'; /* "localhost." is the same name */
    if (!n) return 0;
    /* names under .localhost are loopback by RFC 6761: browsers never ask DNS for them */
    if (!strcasecmp(h, "localhost") || (n > 10 && !strcasecmp(h + n - 10, ".localhost"))) return 1;
    /* ps_is_loopback takes "localhost" and "::1" as written; IPv4 by inet_pton */
    return strchr(h, ':') ? !strcmp(h, "::1") : ps_is_loopback(h);
}

int ps_cross_origin(const char *origin, const char *fetch_site, const char *host)
{
    if (fetch_site && (!strcasecmp(fetch_site, "cross-site") || !strcasecmp(fetch_site, "same-site"))) return 1;
    if (!origin) return 0;
    const char *o = strstr(origin, "://");
    if (!o || !host) return 1; /* "null" (a sandboxed frame, a file: page), or nothing to compare with */
    o += 3;
    return strcasecmp(o, host) != 0;
}
