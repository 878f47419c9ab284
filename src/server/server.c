/* HTTP glue: libmicrohttpd daemon, request bodies with a cap, headers. */
#include "server/server.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#if MHD_VERSION < 0x00097002
typedef int MHD_RESULT;
#else
typedef enum MHD_Result MHD_RESULT;
#endif

/* A live connection, for the request deadline: the reaper thread shuts
 * down one whose request has taken longer than request_timeout to arrive. */
typedef struct live_conn {
    int fd;
    time_t since;   /* CLOCK_MONOTONIC seconds: the connection's start or its last answer */
    bool answering; /* the request is in: being answered (the inactivity timeout covers the rest) */
    bool shut;
    size_t uri_len; /* the current request's target as sent (uri_seen) */
    struct live_conn *prev, *next;
} live_conn;

struct ps_server {
    struct MHD_Daemon *d;
    ps_app *app;
    pthread_mutex_t lock; /* the live list */
    pthread_cond_t wake;
    live_conn *live;
    unsigned deadline;
    bool reaper_running, stopping;
    pthread_t reaper;
    unsigned long shut_count;
    size_t max_header;                                /* request line, and request line + headers */
    char uri_too_long[96], headers_too_large[96];     /* their 414 and 431 messages */
};

static time_t mono_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    ps_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        live_conn *lc = ci ? calloc(1, sizeof *lc) : NULL;
        if (!lc) return; /* not watched: the inactivity timeout still applies */
        lc->fd = ci->connect_fd;
        lc->since = mono_now();
        pthread_mutex_lock(&s->lock);
        lc->next = s->live;
        if (s->live) s->live->prev = lc;
        s->live = lc;
        pthread_mutex_unlock(&s->lock);
        *socket_context = lc;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        /* called before libmicrohttpd closes the fd: the reaper, which shuts
         * down under the same lock, never touches a reused descriptor */
        live_conn *lc = *socket_context;
        pthread_mutex_lock(&s->lock);
        if (lc->prev) lc->prev->next = lc->next;
        else s->live = lc->next;
        if (lc->next) lc->next->prev = lc->prev;
        pthread_mutex_unlock(&s->lock);
        free(lc);
        *socket_context = NULL;
    }
}

static live_conn *live_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

static void mark_answering(ps_server *s, struct MHD_Connection *c, bool answering)
{
    live_conn *lc = live_of(c);
    if (!lc) return;
    pthread_mutex_lock(&s->lock);
    lc->answering = answering;
    if (!answering) lc->since = mono_now(); /* the next request's time starts now */
    pthread_mutex_unlock(&s->lock);
}

static void *reap_loop(void *arg)
{
    ps_server *s = arg;
    pthread_mutex_lock(&s->lock);
    while (!s->stopping) {
        time_t now = mono_now();
        for (live_conn *lc = s->live; lc; lc = lc->next)
            if (!lc->answering && !lc->shut && now - lc->since > (time_t)s->deadline) {
                shutdown(lc->fd, SHUT_RDWR); /* libmicrohttpd sees the end and closes it */
                lc->shut = true;
                s->shut_count++;
            }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&s->wake, &s->lock, &until);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

/* The request target's length as sent, before libmicrohttpd splits and
 * unescapes it: the 414 check in handle() measures what the client sent.
 * Requests on one connection come one after another, so the connection's
 * record holds the current one's. Returns NULL: con_cls stays NULL until
 * handle() makes its own state. */
static void *uri_seen(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    live_conn *lc = live_of(c);
    if (lc) lc->uri_len = uri ? strlen(uri) : 0;
    return NULL;
}

typedef struct conn_state {
    pc_buf body;
    bool too_big;
    bool busy;       /* the server-wide body budget was spent */
    bool answered;   /* refused at the headers: nothing more to say */
    size_t reserved; /* bytes of the budget this request holds */
} conn_state;

/* Request bodies held in memory by all connections together: without it, 256
 * clients each sending 16 MiB would pin 4 GiB. Past it: 503, retry later. */
#define PS_MAX_INFLIGHT (256 * PC_MiB)
/* URL unescaping as libmicrohttpd's own, except that "%00" becomes the
 * two bytes C0 80 (an overlong NUL, never valid UTF-8): a decoded NUL would
 * silently end the path ("/api/articles/1%00" would be article 1) or a
 * query value, and kept as the three characters "%00" it was searched for
 * as text ("q=ferry%00" found nothing, 200); now every parameter that takes
 * text refuses it as not UTF-8 (400) and no id or route matches it. */
static size_t unescape_keep_nul(void *cls, struct MHD_Connection *conn, char *s)
{
    (void)cls;
    (void)conn;
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '%' && pc_hex_digit(r[1]) >= 0 && pc_hex_digit(r[2]) >= 0) {
            int v = pc_hex_digit(r[1]) * 16 + pc_hex_digit(r[2]);
            if (v) {
                *w++ = (char)v;
            } else {
                *w++ = (char)0xC0; /* 3 bytes in, 2 out: w never passes r */
                *w++ = (char)0x80;
            }
            r += 2;
            continue;
        }
        *w++ = *r;
    }
    *w = '\0';
    return (size_t)(w - s);
}

static pthread_mutex_t inflight_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t inflight;

static bool reserve(conn_state *cs, size_t n)
{
    pthread_mutex_lock(&inflight_lock);
    bool ok = inflight + n <= PS_MAX_INFLIGHT;
    if (ok) {
        inflight += n;
        cs->reserved += n;
    }
    pthread_mutex_unlock(&inflight_lock);
    return ok;
}

static void release(conn_state *cs)
{
    pthread_mutex_lock(&inflight_lock);
    inflight -= cs->reserved;
    cs->reserved = 0;
    pthread_mutex_unlock(&inflight_lock);
}

int ps_is_loopback(const char *addr)
{
    if (!addr) return 1;
    if (!strcmp(addr, "localhost") || !strcmp(addr, "::1")) return 1;
    struct in_addr a4;
    if (inet_pton(AF_INET, addr, &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
    return 0;
}

char *ps_json_html_safe(const char *json, size_t len, size_t *out_len)
{
    size_t extra = 0;
    for (size_t i = 0; i < len; i++)
        if (json[i] == '<' || json[i] == '>' || json[i] == '&') extra += 5;
    char *o = malloc(len + extra + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        char c = json[i];
        if (c == '<' || c == '>' || c == '&') {
            memcpy(o + k, c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026", 6);
            k += 6;
        } else {
            o[k++] = c;
        }
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

static const char *get_arg(void *user, const char *name)
{
    return MHD_lookup_connection_value((struct MHD_Connection *)user, MHD_GET_ARGUMENT_KIND, name);
}

static MHD_RESULT send_response(struct MHD_Connection *c, ps_response *rs)
{
    struct MHD_Response *r;
    bool json = !rs->asset && !rs->raw;
    if (rs->asset) {
        r = MHD_create_response_from_buffer(rs->asset->len, (void *)rs->asset->data,
                                            MHD_RESPMEM_PERSISTENT);
    } else if (json) {
        size_t n = 0;
        char *safe = ps_json_html_safe(rs->body.data ? rs->body.data : "", rs->body.len, &n);
        r = safe ? MHD_create_response_from_buffer(n, safe, MHD_RESPMEM_MUST_FREE) : NULL;
        if (!r) free(safe);
    } else {
        size_t n = 0;
        char *data = pc_buf_detach(&rs->body, &n);
        r = MHD_create_response_from_buffer(n, data ? data : (char *)"", data ? MHD_RESPMEM_MUST_FREE
                                                                              : MHD_RESPMEM_PERSISTENT);
        if (!r) free(data);
    }
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", rs->content_type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    if (rs->asset) {
        MHD_add_response_header(r, "Content-Security-Policy",
                                "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        MHD_add_response_header(r, "Cache-Control", "no-cache");
    } else {
        /* API data and raw inputs are never a document to render. */
        MHD_add_response_header(r, "Content-Security-Policy",
                                rs->raw ? "default-src 'none'; sandbox" : "default-src 'none'; frame-ancestors 'none'");
        MHD_add_response_header(r, "Cache-Control", "no-store");
    }
    if (rs->allow) MHD_add_response_header(r, "Allow", rs->allow);
    if (rs->etag[0]) MHD_add_response_header(r, "ETag", rs->etag);
    if (rs->status == 401) MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
    if (rs->retry_after) {
        char secs[16];
        snprintf(secs, sizeof secs, "%u", rs->retry_after);
        MHD_add_response_header(r, "Retry-After", secs);
    }
    MHD_RESULT ret = MHD_queue_response(c, rs->status, r);
    MHD_destroy_response(r);
    return ret;
}

static MHD_RESULT reply_error(struct MHD_Connection *c, unsigned status, const char *code, const char *msg)
{
    ps_response rs;
    ps_response_init(&rs);
    ps_error(&rs, status, code, "%s", msg);
    if (status == 503) rs.retry_after = PS_RETRY_BUSY;
    MHD_RESULT r = send_response(c, &rs);
    ps_response_free(&rs);
    return r;
}

/* The framing headers of a request, counted: libmicrohttpd takes the first
 * of two Content-Lengths (and chunked over a Content-Length) and answers an
 * HTTP/1.1 request without Host, where RFC 9112 wants a 400: a proxy in front
 * that reads the other value would see another request (smuggling). */
typedef struct framing {
    unsigned host, length, chunked_or_te;
    const char *first_length;
    bool lengths_differ;
} framing;

static MHD_RESULT count_framing(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    framing *f = cls;
    if (!key) return MHD_YES;
    if (!strcasecmp(key, "Host")) {
        f->host++;
    } else if (!strcasecmp(key, "Content-Length")) {
        if (f->length++ == 0) f->first_length = value;
        else if (!value || !f->first_length || strcmp(value, f->first_length)) f->lengths_differ = true;
    } else if (!strcasecmp(key, "Transfer-Encoding")) {
        f->chunked_or_te++;
    }
    return MHD_YES;
}

/* NULL when the framing is sound, else why not. */
static const char *bad_framing(struct MHD_Connection *c, const char *version)
{
    framing f = {0};
    MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &f);
    if (f.host > 1) return "more than one Host header";
    if (!f.host && version && !strcmp(version, "HTTP/1.1")) return "an HTTP/1.1 request needs a Host header";
    if (f.lengths_differ) return "Content-Length headers that disagree";
    if (f.length && f.chunked_or_te) return "both Content-Length and Transfer-Encoding";
    return NULL;
}

static MHD_RESULT handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                         const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    ps_server *srv = cls;
    ps_app *app = srv->app;
    conn_state *cs = *con_cls;
    if (!cs) {
        /* Headers are in: refuse an announced oversized body before reading it. */
        cs = calloc(1, sizeof *cs);
        if (!cs) return MHD_NO;
        pc_buf_init(&cs->body, PS_MAX_BODY);
        *con_cls = cs;
        /* Our own caps, under libmicrohttpd's memory limit (twice them): a
         * request line or header block past them is answered here, in JSON,
         * instead of by libmicrohttpd's HTML page. Only what passes its limit
         * too still gets its page (docs/api.md "Limits"). */
        const live_conn *lc = live_of(c);
        if (lc && lc->uri_len > srv->max_header) {
            cs->answered = true;
            mark_answering(srv, c, true);
            return reply_error(c, 414, "uri_too_long", srv->uri_too_long);
        }
        const union MHD_ConnectionInfo *hi = MHD_get_connection_info(c, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
        if (hi && hi->header_size > srv->max_header) {
            cs->answered = true;
            mark_answering(srv, c, true);
            return reply_error(c, 431, "headers_too_large", srv->headers_too_large);
        }
        const char *framing_why = bad_framing(c, version);
        if (framing_why) {
            cs->answered = true; /* the body, if any, is not read */
            mark_answering(srv, c, true);
            return reply_error(c, 400, "bad_request", framing_why);
        }
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl) {
            char *end;
            unsigned long long n = strtoull(cl, &end, 10);
            if (end == cl || *end || n > PS_MAX_BODY) {
                cs->too_big = true;
                mark_answering(srv, c, true);
                return reply_error(c, 413, "too_large", "the request body is over 16 MiB");
            }
            if (n && !reserve(cs, (size_t)n)) {
                cs->busy = true;
                mark_answering(srv, c, true);
                return reply_error(c, 503, "busy", "too many request bodies in flight; retry later");
            }
        }
        return MHD_YES;
    }
    if (cs->answered) {
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        size_t n = *upload_size;
        *upload_size = 0;
        if (cs->too_big || cs->busy) return MHD_YES; /* reading and dropping; answer at the end */
        /* Chunked bodies (no Content-Length) reserve as they arrive. */
        if (cs->body.len + n > cs->reserved && !reserve(cs, cs->body.len + n - cs->reserved)) {
            cs->busy = true;
            pc_buf_free(&cs->body);
            return MHD_YES;
        }
        if (pc_buf_append(&cs->body, upload, n) != PRECIS_OK) {
            cs->too_big = true;
            pc_buf_free(&cs->body);
        }
        return MHD_YES;
    }
    mark_answering(srv, c, true); /* the request is in: our own time does not count */
    if (cs->too_big) return reply_error(c, 413, "too_large", "the request body is over 16 MiB");
    if (cs->busy) return reply_error(c, 503, "busy", "too many request bodies in flight; retry later");
    ps_request rq = {
        .method = method,
        .path = url,
        .arg = get_arg,
        .arg_user = c,
        .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
        .authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
        .host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
        .origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
        .fetch_site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site"),
        .if_none_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match"),
        .body = cs->body.data,
        .body_len = cs->body.len,
    };
    ps_response rs;
    ps_response_init(&rs);
    ps_route(app, &rq, &rs);
    MHD_RESULT r = send_response(c, &rs);
    ps_response_free(&rs);
    return r;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)toe;
    mark_answering(cls, c, false);
    conn_state *cs = *con_cls;
    if (cs) {
        release(cs);
        pc_buf_free(&cs->body);
        free(cs);
    }
    *con_cls = NULL;
}

static void quiet_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls, (void)fmt, (void)ap;
}

precis_status ps_server_start(ps_app *app, const ps_server_options *o, ps_server **out,
                              unsigned *port_out, pc_error *err)
{
    *out = NULL;
    const char *bind = o->bind ? o->bind : "127.0.0.1";
    if (!strcmp(bind, "localhost")) bind = "127.0.0.1";
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
    if (inet_pton(AF_INET, bind, &((struct sockaddr_in *)&ss)->sin_addr) == 1) {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t)o->port);
    } else if (inet_pton(AF_INET6, bind, &((struct sockaddr_in6 *)&ss)->sin6_addr) == 1) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)o->port);
        flags |= MHD_USE_IPv6;
    } else {
        return pc_fail(err, PRECIS_EINVAL, NULL, 0, "--bind %s: not an IPv4 or IPv6 address", bind);
    }
    unsigned conns = o->max_connections ? o->max_connections : 256;
    unsigned threads = o->threads ? o->threads : 4;
    /* MHD splits the connection limit among the pool's threads; a thread
     * left with none never wakes up to stop. */
    if (threads > conns) threads = conns;
    ps_server *s = calloc(1, sizeof *s);
    if (!s) return PRECIS_ENOMEM;
    s->app = app;
    unsigned idle = o->timeout ? o->timeout : 10;
    s->deadline = o->request_timeout ? o->request_timeout : 60;
    if (s->deadline < idle) s->deadline = idle; /* a kept-alive connection may idle that long first */
    s->max_header = o->max_header ? o->max_header : 32 * 1024;
    snprintf(s->uri_too_long, sizeof s->uri_too_long, "the request target is over %zu bytes", s->max_header);
    snprintf(s->headers_too_large, sizeof s->headers_too_large, "the request line and headers are over %zu bytes",
             s->max_header);
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->wake, NULL);
    s->d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, conns,
        MHD_OPTION_CONNECTION_TIMEOUT, idle,
        /* twice our caps: room to read a request past them whole and answer it in JSON */
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, 2 * s->max_header,
        MHD_OPTION_URI_LOG_CALLBACK, uri_seen, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, completed, s,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)o->max_per_ip,
        MHD_OPTION_EXTERNAL_LOGGER, quiet_log, NULL,
        MHD_OPTION_UNESCAPE_CALLBACK, unescape_keep_nul, NULL,
        MHD_OPTION_END);
    if (!s->d) {
        pthread_cond_destroy(&s->wake);
        pthread_mutex_destroy(&s->lock);
        free(s);
        return pc_fail(err, PRECIS_EIO, NULL, 0, "cannot listen on %s port %u (in use? not allowed?)",
                       bind, o->port);
    }
    if (pthread_create(&s->reaper, NULL, reap_loop, s) == 0) s->reaper_running = true;
    if (port_out) {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
        *port_out = info ? info->port : o->port;
    }
    *out = s;
    return PRECIS_OK;
}

void ps_server_stop(ps_server *s)
{
    if (!s) return;
    MHD_stop_daemon(s->d); /* every connection closed: the live list is empty */
    if (s->reaper_running) {
        pthread_mutex_lock(&s->lock);
        s->stopping = true;
        pthread_cond_signal(&s->wake);
        pthread_mutex_unlock(&s->lock);
        pthread_join(s->reaper, NULL);
    }
    while (s->live) { /* normally empty: MHD said CLOSED for every connection */
        live_conn *n = s->live->next;
        free(s->live);
        s->live = n;
    }
    pthread_cond_destroy(&s->wake);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
