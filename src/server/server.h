/* server.h — the HTTP API (libmicrohttpd) over the store, split so the parts
 * can be tested without sockets: request-body and query parsing (request.c),
 * routing to JSON responses (routes.c), the HTTP glue (server.c). */
#ifndef PRECIS_SERVER_H
#define PRECIS_SERVER_H

#include "store/store.h"
#include "text/article.h"
#include "server/assets.h"

#include <pthread.h>

#define PS_MAX_BODY (16 * PC_MiB)
/* A gzip body (a .warc.gz) is inflated up to this; past it 413. */
#define PS_MAX_GUNZIP (64 * PC_MiB)
/* Articles one POST may hold (a WARC, JSONL, feed); past it nothing is
 * stored (413): the store is locked while they are added. */
#define PS_MAX_POST_ARTICLES 1000

/* ---- request parsing (request.c) -------------------------------------- */

typedef enum ps_body_kind {
    PS_BODY_UNSUPPORTED = 0,
    PS_BODY_JSON,  /* application/json: an article object */
    PS_BODY_TEXT,  /* text/plain: pasted article text, cleaned */
    PS_BODY_HTML,  /* text/html, application/xhtml+xml: a page, extracted */
    PS_BODY_SNIFF  /* none, application/octet-stream, curl's default form type, XML,
                      WARC, gzip, any other text: the body alone decides */
} ps_body_kind;

/* The body kind for a Content-Type header value (parameters ignored):
 * PS_BODY_UNSUPPORTED only for media that are no article (image/, audio/,
 * video/, font/, model/) and for multipart/ (an envelope around the file). */
ps_body_kind ps_body_kind_of(const char *content_type);

/* How a POST body is read. The body is sniffed as `precis ingest` sniffs a
 * file (pst_input_format, after gunzip): a WARC, feed, SGML file, JSON array
 * or JSON Lines go through the reader whatever the declared type, one JSON
 * object too (PS_POST_OBJECT: the reader, answered as "json"), so that the
 * same bytes posted and ingested give the same article, warnings and
 * refusals. The declared type only picks among single documents: a page
 * declared text/html is extracted with the request's charset and url
 * (PS_POST_HTML), a body declared JSON that is none is refused
 * (PS_POST_NOT_JSON, 400), text/plain and the rest go through the reader. */
typedef enum ps_post_path { PS_POST_READER, PS_POST_OBJECT, PS_POST_HTML, PS_POST_NOT_JSON } ps_post_path;
ps_post_path ps_post_path_of(ps_body_kind kind, const char *format, const char *body, size_t len);

/* Why a body declared JSON is none, in the reader's words for a JSON Lines
 * line (pt_json_parse): true and msg set, or false when it parses after all. */
bool ps_not_json_why(const char *body, size_t len, char *msg, size_t cap);

/* Extracts a page POSTed as text/html (kind PS_BODY_HTML; any other kind is
 * PRECIS_EINVAL: every other body goes through the reader) into out
 * (initialised by the caller) with the request's charset (ctype) and url
 * (may be NULL); the date normalised by the one date parser. Statuses:
 * PRECIS_EPARSE binary data (400), PRECIS_EEMPTY no article found (422),
 * PRECIS_ELIMIT over a cap (413). msg gets the reason; on success it is ""
 * or a warning (a weekday printed with the date that does not match it). */
precis_status ps_parse_article(precis_ctx *ctx, ps_body_kind kind, const char *body, size_t len,
                               const char *url, const char *ctype, pt_article *out, char *msg,
                               size_t msg_cap);

/* A positive decimal id without sign or leading zeros, below 2^53. */
bool ps_parse_id(const char *s, size_t len, int64_t *out);
/* A page size 1..max. */
bool ps_parse_limit(const char *s, size_t max, size_t *out);
/* An ISO 8601 date or date-time prefix: YYYY, YYYY-MM, YYYY-MM-DD[Thh[:mm[:ss]]...]. */
bool ps_valid_date(const char *s);

/* ---- routing (routes.c) ------------------------------------------------ */

typedef struct ps_app {
    ps_store *store;
    precis_ctx *ctx;
    pthread_mutex_t lock; /* store and ctx are used by one request at a time */
    const char *token;    /* NULL: writes are open (loopback only) */
    const char *db_path;  /* for /api/health; ":memory:" */
    /* Listening on loopback only: a request naming another host (a DNS
     * rebinding page's "evil.example:8080") is refused with 403. */
    bool local_only;
    /* Stories with up to sync_max articles are rebuilt before a POST answers;
     * bigger ones by the rebuilder thread (when started), without the lock
     * during the build, so reads go on. */
    size_t sync_max;
    bool rebuilder_running, stopping;
    pthread_t rebuilder;
    pthread_cond_t wake;
    precis_ctx *bg_ctx;
    /* GET requests use a read-only connection per server thread (WAL
     * readers), without app->lock; NULL reader_path: all under the lock. */
    const char *reader_path;
    pthread_key_t reader_key;
} ps_app;

/* Lets GET requests read through per-thread connections to the file store
 * at path (not for an in-memory store). */
precis_status ps_app_enable_readers(ps_app *app, const char *path);

/* Starts / stops the background rebuilder (app->lock must not be held). */
precis_status ps_app_start_rebuilder(ps_app *app);
void ps_app_stop_rebuilder(ps_app *app);

typedef const char *(*ps_arg_fn)(void *user, const char *name);

typedef struct ps_request {
    const char *method;
    const char *path;           /* decoded, without the query string */
    ps_arg_fn arg;              /* query argument by name (decoded), NULL if absent */
    void *arg_user;
    const char *content_type;   /* header or NULL */
    const char *authorization;  /* header or NULL */
    const char *host;           /* Host header or NULL */
    const char *origin;         /* Origin header or NULL (a browser's cross-site guard) */
    const char *fetch_site;     /* Sec-Fetch-Site header or NULL */
    const char *if_none_match;  /* If-None-Match header or NULL (a page polling a story) */
    const char *body;
    size_t body_len;
} ps_request;

typedef struct ps_response {
    unsigned status;
    const char *content_type;   /* static */
    pc_buf body;                /* owned; freed by ps_response_free */
    const ps_asset *asset;      /* static body instead of `body` */
    const char *allow;          /* Allow header for 405 */
    bool raw;                   /* an article's raw input: sandboxed */
    char etag[24];              /* ETag of a 200 (or 304) API answer, quoted; "" for none */
    unsigned retry_after;       /* seconds for a Retry-After header (a 503); 0 for none */
} ps_response;

/* Retry-After of a 503: store_unavailable (another process holds the store's
 * lock: a backup or a shell's transaction takes seconds) and busy (request
 * bodies in flight: they drain within a request's time). */
#define PS_RETRY_STORE 5
#define PS_RETRY_BUSY 2

void ps_response_init(ps_response *rs);
void ps_response_free(ps_response *rs);
/* Non-zero when an If-None-Match value (a list of entity tags, W/ or not,
 * or "*") names etag (quoted, as in ps_response). */
int ps_etag_matches(const char *if_none_match, const char *etag);
/* Answers one request (takes app->lock while it uses the store). A GET of
 * the API answered 200 gets an ETag, a hash of its JSON: when the request's
 * If-None-Match names it the answer is 304 without a body. */
void ps_route(ps_app *app, const ps_request *rq, ps_response *rs);
/* Sets rs to {"error": {"code", "message"}} with the status. */
void ps_error(ps_response *rs, unsigned status, const char *code, const char *fmt, ...)
    PC_PRINTF(4, 5);

/* ---- HTTP (server.c) ---------------------------------------------------- */

typedef struct ps_server_options {
    const char *bind;        /* IPv4 or IPv6 address; default 127.0.0.1 */
    unsigned port;           /* 0 = any free port */
    unsigned max_connections;/* default 256 */
    unsigned timeout;        /* seconds of inactivity before a connection is dropped; default 10 */
    /* Seconds a request may take to arrive whole (request line, headers,
     * body), counted from the connection's start or its previous answer;
     * past it the connection is shut. A client trickling a byte every few
     * seconds is never idle, so the inactivity timeout alone let it hold
     * its connection for days. Default 60; never below timeout. */
    unsigned request_timeout;
    /* Connections one client address may hold at once; 0 = no cap. */
    unsigned max_per_ip;
    size_t max_header;       /* per-connection memory for the request line and headers; 32 KiB */
    unsigned threads;        /* default 4 */
} ps_server_options;

typedef struct ps_server ps_server;
/* Starts listening; *port_out (may be NULL) gets the bound port. */
precis_status ps_server_start(ps_app *app, const ps_server_options *opts, ps_server **out,
                              unsigned *port_out, pc_error *err);
void ps_server_stop(ps_server *s);
/* Non-zero when addr is a loopback address (127.0.0.0/8, ::1, localhost). */
int ps_is_loopback(const char *addr);
/* Non-zero when a Host header value names this machine's loopback: localhost
 * or NAME.localhost (any case), 127.0.0.0/8 or [::1], with or without a port. */
int ps_host_is_loopback(const char *host);
/* Non-zero when a browser sent the request from a page of another origin:
 * Sec-Fetch-Site cross-site or same-site, or an Origin ("null" included)
 * whose host[:port] is not the Host header's. No Origin (curl, scripts): 0. */
int ps_cross_origin(const char *origin, const char *fetch_site, const char *host);
/* Copies body with '<', '>' and '&' written as \u003c \u003e \u0026 — valid
 * only for JSON text, where they can only occur inside strings. */
char *ps_json_html_safe(const char *json, size_t len, size_t *out_len);

#endif
