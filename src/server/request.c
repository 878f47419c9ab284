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
    /* one JSON object is read as `precis ingest` reads the same bytes from a
     * file, whatever the declared type: the same fields taken, the same
     * warnings ("title": 5 is "not used") and refusals in the same words
     * (before 2026-12-03 the server validated the object itself: its own
     * messages, 400 for what ingest keeps with a warning) */
    if (jsonl) return one_json_value(body, len) ? PS_POST_OBJECT : PS_POST_READER;
    if (kind == PS_BODY_TEXT) return PS_POST_READER;   /* as `precis ingest` reads a file */
    if (kind == PS_BODY_JSON) return PS_POST_NOT_JSON; /* declared JSON that is none: 400 */
    /* a body with no markup goes the reader's way even when declared a page,
     * as the file would: binary junk is refused there (the extractor took it
     * as a page of mojibake, 201) */
    return html ? PS_POST_HTML : PS_POST_READER;
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

/* A body declared application/json that the reader does not take for JSON
 * (it sniffed text or a page: "[1,2", a bare string) is refused in the
 * reader's words for a JSON Lines line (pt_json_parse, src/text/article.c:
 * "invalid JSON: ...", "expected a JSON object (an article)"), so that the
 * client reads what `precis ingest` says of the same bytes. */
bool ps_not_json_why(const char *body, size_t len, char *msg, size_t cap)
{
    pc_buf scratch;
    pc_buf_init(&scratch, 0);
    pt_json_part p;
    char why[PT_JSON_WHY];
    precis_status st = pt_json_parse(&scratch, body ? body : "", len, 1, 0, PS_MAX_BODY, &p, why);
    pc_buf_free(&scratch);
    if (st == PRECIS_OK) {
        json_decref(p.v);
        return false;
    }
    pc_snprintf(msg, cap, "%s", st == PRECIS_ENOMEM ? "out of memory" : why);
    return true;
}

precis_status ps_parse_article(precis_ctx *ctx, ps_body_kind kind, const char *body, size_t len,
                               const char *url, const char *ctype, pt_article *out, char *msg,
                               size_t msg_cap)
{
    msg[0] = '\0';
    if (len > PS_MAX_BODY) return fail(msg, msg_cap, PRECIS_ELIMIT, "%s", "body over 16 MiB");
    if (!body) body = "";
    if (kind != PS_BODY_HTML) return fail(msg, msg_cap, PRECIS_EINVAL, "%s", "only a page is parsed here");
    precis_status st = parse_html(ctx, body, len, url, ctype, out, msg, msg_cap);
    /* "Tuesday, May 30, 2018" (a Wednesday) on the page: kept, and said, as the CLI says it */
    if (!st && out->date && out->date_note) pc_snprintf(msg, msg_cap, "%s", out->date_note);
    return st ? st : normalise_date(out);
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
