/* The SQLite store: schema and migrations, idempotent adds, incremental story
 * recomputation, queries. See store.h for the durability and replay rules. */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

struct ps_store {
    sqlite3 *db;
    precis_ctx *ctx;
    precis_stream *stream;
    int64_t *ids; /* stream article number -> article id */
    size_t n_ids, cap_ids;
    bool in_tx;
    size_t n_ids_at_begin; /* to tell whether a rollback undid clustered articles */
    bool stream_stale; /* the stream saw articles that were rolled back */
    bool reader;       /* a read-only connection (ps_store_open_reader) */
    int lock_fd;       /* flock'd: this process owns the store; -1 in memory */
    char *path; /* owned; was char[1024]: a longer --db path opened the store at its first 1,023 bytes */
};

/* Migration i brings the schema from version i to i + 1. Append only. */
static const char *const MIGRATIONS[] = {
    /* 0 -> 1 */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"         /* arrival sequence */
    "  hash TEXT NOT NULL UNIQUE,"      /* content hash: idempotent ingest */
    "  source_id TEXT,"                 /* the input's own id (path, JSON id) */
    "  url TEXT, site TEXT, title TEXT, date TEXT, author TEXT, lang TEXT,"
    "  text TEXT NOT NULL,"             /* clean text */
    "  truncated TEXT,"                 /* fields cut to the caps, comma-separated */
    "  raw BLOB, raw_type TEXT,"        /* the input as received */
    "  story INTEGER NOT NULL,"
    "  dup_of INTEGER,"                 /* near-copy of that earlier article */
    "  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX articles_story ON articles(story, id);"
    "CREATE TABLE stories("
    "  id INTEGER PRIMARY KEY,"
    "  headline TEXT,"
    "  n_sources INTEGER NOT NULL DEFAULT 0,"
    "  first_date TEXT NOT NULL DEFAULT '',"  /* '' = no dated article */
    "  last_date TEXT NOT NULL DEFAULT '',"
    "  dirty INTEGER NOT NULL DEFAULT 1,"     /* json must be recomputed */
    "  json TEXT);"
    "CREATE INDEX stories_newest ON stories(last_date, id);"
    "CREATE INDEX stories_biggest ON stories(n_sources, id);"
    "CREATE TABLE entities(story INTEGER NOT NULL, name TEXT NOT NULL, type TEXT,"
    "  sources INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX entities_name ON entities(name COLLATE NOCASE, story);"
    "CREATE INDEX entities_story ON entities(story);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
    "CREATE VIRTUAL TABLE stories_fts USING fts5(headline, summary,"
    "  tokenize='unicode61 remove_diacritics 2');",
};
#define N_MIGRATIONS (sizeof MIGRATIONS / sizeof MIGRATIONS[0])
_Static_assert(N_MIGRATIONS == PS_SCHEMA_VERSION, "one migration per schema version");

static pc_error *err_of(ps_store *s) { return pc_ctx_err(s->ctx); }

static precis_status db_fail(ps_store *s, const char *what)
{
    int code = sqlite3_extended_errcode(s->db);
    precis_status st = (code & 0xff) == SQLITE_NOMEM ? PRECIS_ENOMEM : PRECIS_EIO;
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        return pc_fail(err_of(s), PRECIS_EIO, s->path, 0,
                       "%s: the store is in use by another process (%s)", what,
                       sqlite3_errmsg(s->db));
    return pc_fail(err_of(s), st, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
}

static precis_status exec(ps_store *s, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
        sqlite3_free(msg);
        return pc_fail(err_of(s), PRECIS_EIO, s->path, 0,
                       "the store is in use by another process (one precis ingest or serve at a time)");
    }
    if (rc != SQLITE_OK) {
        precis_status st = pc_fail(err_of(s), PRECIS_EIO, s->path, 0, "%s", msg ? msg : "error");
        sqlite3_free(msg);
        return st;
    }
    return PRECIS_OK;
}

static sqlite3_stmt *prep(ps_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static int64_t query_int(ps_store *s, const char *sql, int64_t arg, int64_t dflt)
{
    sqlite3_stmt *st = prep(s, sql);
    if (!st) return dflt;
    if (sqlite3_bind_parameter_count(st) > 0) sqlite3_bind_int64(st, 1, arg);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : dflt;
    sqlite3_finalize(st);
    return v;
}

/* ---- clusterer state -------------------------------------------------- */

static precis_status push_id(ps_store *s, int64_t id)
{
    if (pc_grow(&s->ids, &s->cap_ids, s->n_ids + 1, sizeof *s->ids, 1024)) return PRECIS_ENOMEM;
    s->ids[s->n_ids++] = id;
    return PRECIS_OK;
}

/* Replays every stored article in arrival order through a fresh clusterer and
 * corrects story membership that differs from what is stored. */
static precis_status replay(ps_store *s)
{
    precis_stream_free(s->stream);
    s->stream = NULL;
    s->n_ids = 0;
    s->stream_stale = false;
    precis_status st = precis_stream_new(s->ctx, NULL, &s->stream);
    if (st) return st;
    sqlite3_stmt *q = prep(s, "SELECT id, url, site, title, date, author, lang, text, story "
                              "FROM articles ORDER BY id");
    if (!q) return db_fail(s, "replay");
    int64_t *fix = NULL; /* pairs (id, story) to correct */
    size_t n_fix = 0, cap_fix = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        char idbuf[24];
        int64_t id = sqlite3_column_int64(q, 0);
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
        precis_article a = {0};
        a.id = idbuf;
        a.url = (const char *)sqlite3_column_text(q, 1);
        a.site = (const char *)sqlite3_column_text(q, 2);
        a.title = (const char *)sqlite3_column_text(q, 3);
        a.date = (const char *)sqlite3_column_text(q, 4);
        a.author = (const char *)sqlite3_column_text(q, 5);
        a.lang = (const char *)sqlite3_column_text(q, 6);
        a.text = (const char *)sqlite3_column_text(q, 7);
        a.text_len = (size_t)sqlite3_column_bytes(q, 7);
        int64_t stored = sqlite3_column_int64(q, 8);
        size_t story = SIZE_MAX, dup = SIZE_MAX;
        st = precis_stream_add(s->ctx, s->stream, &a, &story, &dup);
        if (st == PRECIS_EEMPTY) continue; /* keeps its stored story */
        if (st) break;
        if ((st = push_id(s, id))) break;
        if ((int64_t)story + 1 != stored) {
            if ((st = pc_grow(&fix, &cap_fix, n_fix + 2, sizeof *fix, 64))) break;
            fix[n_fix++] = id;
            fix[n_fix++] = (int64_t)story + 1;
        }
    }
    sqlite3_finalize(q);
    if (!st && rc != SQLITE_DONE && rc != SQLITE_ROW) st = db_fail(s, "replay");
    if (!st && n_fix) {
        /* The clustering changed (another library version): move the
         * articles and rebuild every story from its members. */
        st = exec(s, "SAVEPOINT replay_fix");
        sqlite3_stmt *u = st ? NULL : prep(s, "UPDATE articles SET story=?2 WHERE id=?1");
        if (!st && !u) st = db_fail(s, "replay");
        for (size_t i = 0; !st && i < n_fix; i += 2) {
            sqlite3_bind_int64(u, 1, fix[i]);
            sqlite3_bind_int64(u, 2, fix[i + 1]);
            if (sqlite3_step(u) != SQLITE_DONE) st = db_fail(s, "replay");
            sqlite3_reset(u);
        }
        sqlite3_finalize(u);
        if (!st)
            st = exec(s, "DELETE FROM stories; DELETE FROM entities; DELETE FROM stories_fts;"
                         "INSERT INTO stories(id, headline, n_sources, first_date, last_date, dirty)"
                         " SELECT story, (SELECT title FROM articles b WHERE b.story = a.story"
                         " ORDER BY id LIMIT 1), count(*), COALESCE(min(date), ''),"
                         " COALESCE(max(date), ''), 1 FROM articles a GROUP BY story;"
                         "RELEASE replay_fix");
        if (st) sqlite3_exec(s->db, "ROLLBACK TO replay_fix; RELEASE replay_fix", NULL, NULL, NULL);
    }
    free(fix);
    return st;
}

/* ---- open / migrate ---------------------------------------------------- */

static precis_status migrate(ps_store *s)
{
    int64_t v = query_int(s, "PRAGMA user_version", 0, -1);
    if (v < 0) return db_fail(s, "reading the schema version");
    if (v > PS_SCHEMA_VERSION)
        return pc_fail(err_of(s), PRECIS_EINVAL, s->path, 0,
                       "store has schema %lld, newer than this precis (%d)", (long long)v,
                       PS_SCHEMA_VERSION);
    precis_status st = exec(s, "BEGIN IMMEDIATE");
    if (st) return st;
    for (; v < PS_SCHEMA_VERSION && !st; v++) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%lld", (long long)v + 1);
        if (!(st = exec(s, MIGRATIONS[v]))) st = exec(s, sql);
    }
    if (!st) st = exec(s, "COMMIT");
    if (st) exec(s, "ROLLBACK");
    return st;
}

/* ---- search snippets ------------------------------------------------------ */

/* FTS5's snippet() scores a window at every phrase instance of the row against
 * every other instance: quadratic in the hits of one row (a 4 MB article with
 * 50,000 hits took 13 s per search). ps_snippet(col, ntokens) is the same
 * algorithm (sqlite's fts5_aux.c: a window at each instance, hits centred, or
 * at the start of the sentence holding it; 1000 per distinct phrase, 1 per
 * repeat, +100 for a sentence start, +120 for the text's start; first best
 * wins) with two bounds: only the first SNIPPET_STARTS instances of each
 * phrase in the column are tried as window starts, and a window's score reads
 * only the instances inside it (binary search: instances are sorted by column
 * and offset). The text is tokenized only up to the last start tried and the
 * chosen window's end. A row where no phrase has more than SNIPPET_STARTS hits
 * gets snippet()'s exact output for snippet(t, col, '', '', '…', ntokens). */
enum { SNIPPET_STARTS = 64, SNIPPET_PHRASES = 32 /* ps_fts_query's cap on terms */ };

typedef struct snippet_scan {
    const char *text;
    int tok;                        /* tokens seen */
    int last_sentence;              /* token number of the last sentence start */
    const int *cand;                /* offsets of the candidate starts, ascending */
    int n_cand, next;               /* next candidate whose sentence is wanted */
    int *sentence;                  /* out: sentence start of each candidate */
    int first, last, start, end;    /* second pass: window tokens -> bytes */
} snippet_scan;

/* Pass 1: the start of the sentence holding each candidate. A sentence starts
 * at the first token and after '.' or ':' then white space (as fts5_aux.c). */
static int snippet_sentences(void *user, int tflags, const char *t, int n, int start, int end)
{
    (void)t, (void)n, (void)end;
    snippet_scan *w = user;
    if (tflags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    int pos = w->tok++;
    if (pos == 0) {
        w->last_sentence = 0;
    } else {
        int i = start - 1;
        char c = 0;
        for (; i >= 0; i--) {
            c = w->text[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        }
        if (i != start - 1 && (c == '.' || c == ':')) w->last_sentence = pos;
    }
    while (w->next < w->n_cand && w->cand[w->next] <= pos) w->sentence[w->next++] = w->last_sentence;
    return w->next == w->n_cand ? SQLITE_DONE : SQLITE_OK;
}

/* Pass 2: byte range of tokens first..last. */
static int snippet_window(void *user, int tflags, const char *t, int n, int start, int end)
{
    (void)t, (void)n;
    snippet_scan *w = user;
    if (tflags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    int pos = w->tok++;
    if (pos == w->first) w->start = start;
    if (pos <= w->last) w->end = end;
    return pos >= w->last ? SQLITE_DONE : SQLITE_OK;
}

/* fts5SnippetScore over the instances in [at, at + ntok) of column col. */
static int snippet_score(const Fts5ExtensionApi *api, Fts5Context *fts, int n_inst, int col, int at,
                         int ntok, int n_col, int *adj)
{
    int lo = 0, hi = n_inst, p, c, o;
    while (lo < hi) { /* first instance at or after (col, at) */
        int mid = lo + (hi - lo) / 2;
        if (api->xInst(fts, mid, &p, &c, &o)) return 0;
        if (c < col || (c == col && o < at)) lo = mid + 1;
        else hi = mid;
    }
    unsigned char seen[256] = {0};
    int score = 0, first = -1, last = 0;
    for (int i = lo; i < n_inst; i++) {
        if (api->xInst(fts, i, &p, &c, &o) || c != col || o >= at + ntok) break;
        bool fresh = p < 0 || p >= 256 || !seen[p];
        if (p >= 0 && p < 256) seen[p] = 1;
        score += fresh ? 1000 : 1;
        if (first < 0) first = o;
        last = o + api->xPhraseSize(fts, p);
    }
    if (adj) {
        long long a = (long long)first - (ntok - (last - first)) / 2;
        if (a + ntok > n_col) a = n_col - ntok;
        if (a < 0) a = 0;
        *adj = (int)a;
    }
    return score;
}

static void ps_snippet(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
                       sqlite3_value **argv)
{
    if (argc != 2) {
        sqlite3_result_error(ctx, "ps_snippet(column, tokens)", -1);
        return;
    }
    int col = sqlite3_value_int(argv[0]), ntok = sqlite3_value_int(argv[1]);
    if (ntok < 1) ntok = 1;
    if (ntok > 64) ntok = 64;
    int n_inst = 0, n_col = 0, len = 0, rc;
    const char *text = NULL;
    if ((rc = api->xInstCount(fts, &n_inst)) || (rc = api->xColumnSize(fts, col, &n_col)) ||
        (rc = api->xColumnText(fts, col, &text, &len))) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    if (!text || len <= 0) {
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    enum { MAX_CAND = SNIPPET_STARTS * SNIPPET_PHRASES };
    int cand[MAX_CAND], sentence[MAX_CAND], n_cand = 0, p, c, o;
    unsigned char per_phrase[SNIPPET_PHRASES] = {0};
    for (int i = 0; i < n_inst && n_cand < MAX_CAND; i++) {
        if (api->xInst(fts, i, &p, &c, &o) || c != col || o > n_col) continue;
        if (p < 0 || p >= SNIPPET_PHRASES || per_phrase[p] == SNIPPET_STARTS) continue;
        per_phrase[p]++;
        cand[n_cand++] = o;
    }
    snippet_scan w = {.text = text, .cand = cand, .n_cand = n_cand, .sentence = sentence};
    if (n_cand && n_col > ntok) { /* sentence windows are only tried on longer texts */
        rc = api->xTokenize(fts, text, len, &w, snippet_sentences);
        if (rc && rc != SQLITE_DONE) {
            sqlite3_result_error_code(ctx, rc);
            return;
        }
    }
    int best = 0, best_at = 0, adj;
    for (int k = 0; k < n_cand; k++) {
        int score = snippet_score(api, fts, n_inst, col, cand[k], ntok, n_col, &adj);
        if (score > best) {
            best = score;
            best_at = adj;
        }
        if (k < w.next && sentence[k] < cand[k]) {
            score = snippet_score(api, fts, n_inst, col, sentence[k], ntok, n_col, NULL);
            score += sentence[k] == 0 ? 120 : 100;
            if (score > best) {
                best = score;
                best_at = sentence[k];
            }
        }
    }
    snippet_scan win = {.first = best_at, .last = best_at + ntok - 1, .start = -1, .end = -1};
    rc = api->xTokenize(fts, text, len, &win, snippet_window);
    if (rc && rc != SQLITE_DONE) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    bool to_end = win.last >= n_col - 1 || win.end < 0;
    int from = best_at > 0 && win.start >= 0 ? win.start : 0;
    int upto = to_end ? len : win.end;
    pc_buf b;
    pc_buf_init(&b, 0);
    precis_status st = pc_buf_puts(&b, best_at > 0 ? "\xE2\x80\xA6" : "");
    if (!st && upto > from) st = pc_buf_append(&b, text + from, (size_t)(upto - from));
    if (!st) st = pc_buf_puts(&b, to_end ? "" : "\xE2\x80\xA6");
    if (st) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_text(ctx, b.data ? b.data : "", (int)b.len, SQLITE_TRANSIENT);
    pc_buf_free(&b);
}

/* Registers ps_snippet on the connection (FTS5's API through "SELECT fts5(?)"). */
static precis_status register_snippet(ps_store *s)
{
    fts5_api *api = NULL;
    sqlite3_stmt *q = prep(s, "SELECT fts5(?1)");
    if (q) {
        sqlite3_bind_pointer(q, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(q);
    }
    sqlite3_finalize(q);
    if (!api || api->iVersion < 2 || api->xCreateFunction(api, "ps_snippet", NULL, ps_snippet, NULL))
        return pc_fail(err_of(s), PRECIS_EIO, s->path, 0, "SQLite without a usable FTS5 API");
    return PRECIS_OK;
}

/* The length of path made absolute (the working directory before a relative
 * one), as SQLite measures it against its 512-byte limit. */
static size_t long_path(const char *path)
{
    size_t n = strlen(path);
    if (path[0] == '/') return n;
    char cwd[4096];
    return getcwd(cwd, sizeof cwd) ? strlen(cwd) + 1 + n : n;
}

precis_status ps_store_open(precis_ctx *ctx, const char *path, ps_store **out)
{
    *out = NULL;
    ps_store *s = calloc(1, sizeof *s);
    if (!s) return PRECIS_ENOMEM;
    s->ctx = ctx;
    s->lock_fd = -1;
    bool mem = !path || !strcmp(path, ":memory:");
    if (!(s->path = strdup(mem ? ":memory:" : path))) {
        free(s);
        return PRECIS_ENOMEM;
    }
    bool created = false; /* this call made the file: removed again if SQLite cannot open it */
    if (!mem && long_path(s->path) >= 512) {
        /* SQLite's unix VFS opens at most 511 bytes of full path (MAX_PATHNAME):
         * said before the lock file is made, which was left behind, empty */
        precis_status st = pc_fail(pc_ctx_err(ctx), PRECIS_EIO, s->path, 0,
                                   "cannot open the store: its full path has %zu bytes, and SQLite opens at most 511",
                                   long_path(s->path));
        ps_store_close(s);
        return st;
    }
    if (!mem) {
        struct stat before;
        created = stat(s->path, &before) != 0 && errno == ENOENT;
        /* One writer process per store: its clusterer state is in memory. An
         * flock on the database file (independent of SQLite's fcntl locks,
         * held until after SQLite has closed it) says so to other processes
         * while readers of this process share the file through WAL. */
        s->lock_fd = open(s->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (s->lock_fd < 0) {
            precis_status st = pc_fail(pc_ctx_err(ctx), PRECIS_EIO, s->path, 0, "cannot open the store: %s",
                                       strerror(errno));
            ps_store_close(s);
            return st;
        }
        if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0) {
            precis_status st = pc_fail(pc_ctx_err(ctx), PRECIS_EIO, s->path, 0,
                                       "the store is in use by another process (one precis ingest or "
                                       "serve at a time)");
            ps_store_close(s);
            return st;
        }
    }
    int rc = sqlite3_open_v2(s->path, &s->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    precis_status st;
    if (rc != SQLITE_OK) {
        size_t full = long_path(s->path);
        if ((rc & 0xff) == SQLITE_CANTOPEN && full >= 512) /* SQLite's unix VFS: MAX_PATHNAME */
            st = pc_fail(pc_ctx_err(ctx), PRECIS_EIO, s->path, 0,
                         "cannot open the store: its full path has %zu bytes, and SQLite opens at most 511", full);
        else
            st = s->db ? db_fail(s, "cannot open the store")
                       : pc_fail(pc_ctx_err(ctx), PRECIS_ENOMEM, path, 0, "cannot open the store");
        if (created) unlink(s->path); /* the empty file this call made for its lock */
        ps_store_close(s);
        return st;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 250);
    /* WAL + synchronous=FULL: every commit is fsynced before it returns. */
    st = exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
    if (!st && !mem) {
        sqlite3_stmt *q = prep(s, "PRAGMA journal_mode");
        const char *mode = q && sqlite3_step(q) == SQLITE_ROW
                               ? (const char *)sqlite3_column_text(q, 0) : NULL;
        if (!mode || strcmp(mode, "wal") != 0)
            st = pc_fail(pc_ctx_err(ctx), PRECIS_EIO, s->path, 0,
                         "cannot switch the store to WAL mode (is it in use?)");
        sqlite3_finalize(q);
    }
    if (!st) st = migrate(s);
    if (!st) st = register_snippet(s);
    if (!st) st = replay(s);
    if (!st) st = ps_store_refresh(s, NULL);
    if (st) {
        ps_store_close(s);
        return st;
    }
    *out = s;
    return PRECIS_OK;
}

precis_status ps_store_open_reader(precis_ctx *ctx, const char *path, ps_store **out)
{
    *out = NULL;
    if (!path || !strcmp(path, ":memory:"))
        return pc_fail(pc_ctx_err(ctx), PRECIS_EINVAL, NULL, 0, "an in-memory store has no readers");
    ps_store *s = calloc(1, sizeof *s);
    if (!s) return PRECIS_ENOMEM;
    s->ctx = ctx;
    s->lock_fd = -1;
    s->reader = true;
    if (!(s->path = strdup(path))) {
        free(s);
        return PRECIS_ENOMEM;
    }
    int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        precis_status st = s->db ? db_fail(s, "cannot open the store for reading") : PRECIS_ENOMEM;
        ps_store_close(s);
        return st;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 2000);
    precis_status st = register_snippet(s);
    if (st) {
        ps_store_close(s);
        return st;
    }
    *out = s;
    return PRECIS_OK;
}

precis_ctx *ps_store_ctx(ps_store *s) { return s->ctx; }

void ps_store_close(ps_store *s)
{
    if (!s) return;
    if (s->in_tx) ps_store_rollback(s);
    if (s->db) sqlite3_close_v2(s->db);
    precis_stream_free(s->stream);
    free(s->path);
    free(s->ids);
    if (s->lock_fd >= 0) close(s->lock_fd); /* after SQLite let go of the file */
    free(s);
}

/* ---- transactions ------------------------------------------------------ */

precis_status ps_store_begin(ps_store *s)
{
    if (s->in_tx) return pc_fail(err_of(s), PRECIS_EINVAL, NULL, 0, "transaction already open");
    precis_status st = exec(s, "BEGIN IMMEDIATE");
    if (!st) {
        s->in_tx = true;
        s->n_ids_at_begin = s->n_ids;
    }
    return st;
}

precis_status ps_store_commit(ps_store *s)
{
    if (!s->in_tx) return PRECIS_OK;
    precis_status st = exec(s, "COMMIT");
    if (st) {
        ps_store_rollback(s);
        return st;
    }
    s->in_tx = false;
    return PRECIS_OK;
}

void ps_store_rollback(ps_store *s)
{
    if (!s->in_tx) return;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = false;
    /* The clusterer saw articles that are gone: rebuild it before the next add. */
    if (s->n_ids != s->n_ids_at_begin) s->stream_stale = true;
}

/* ---- adding ------------------------------------------------------------ */

/* Copies v into *dst, cut to cap bytes at a UTF-8 boundary + "…" when longer;
 * appends the field's name to trunc when cut. */
static precis_status cap_field(const char *v, size_t cap, const char *name, char **dst, pc_buf *trunc)
{
    *dst = NULL;
    if (!v) return PRECIS_OK;
    size_t n = strlen(v);
    bool cut = n > cap;
    if (cut) {
        n = cap;
        while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
    }
    char *d = malloc(n + 4);
    if (!d) return PRECIS_ENOMEM;
    memcpy(d, v, n);
    if (cut) memcpy(d + n, "\xE2\x80\xA6", 3); /* … */
    d[n + (cut ? 3 : 0)] = '\0';
    *dst = d;
    if (cut) {
        if (trunc->len) pc_buf_putc(trunc, ',');
        return pc_buf_puts(trunc, name);
    }
    return PRECIS_OK;
}

static void hash_field(XXH3_state_t *h, char tag, const char *v, size_t n)
{
    uint64_t len = v ? (uint64_t)n : UINT64_MAX;
    XXH3_128bits_update(h, &tag, 1);
    XXH3_128bits_update(h, &len, sizeof len);
    if (v) XXH3_128bits_update(h, v, n);
}

static void content_hash(const precis_article *a, char out[33])
{
    XXH3_state_t *h = XXH3_createState();
    XXH128_hash_t r = {0, 0};
    if (h) {
        XXH3_128bits_reset(h);
        hash_field(h, 'u', a->url, a->url ? strlen(a->url) : 0);
        hash_field(h, 's', a->site, a->site ? strlen(a->site) : 0);
        hash_field(h, 't', a->title, a->title ? strlen(a->title) : 0);
        hash_field(h, 'd', a->date, a->date ? strlen(a->date) : 0);
        hash_field(h, 'a', a->author, a->author ? strlen(a->author) : 0);
        hash_field(h, 'x', a->text, a->text_len);
        r = XXH3_128bits_digest(h);
        XXH3_freeState(h);
    } else {
        r = XXH3_128bits(a->text, a->text_len);
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)r.high64, (unsigned long long)r.low64);
}

static precis_status add_locked(ps_store *s, const precis_article *in, const char *raw,
                                size_t raw_len, const char *raw_type, ps_added *out)
{
    const precis_limits *lim = pc_ctx_limits(s->ctx);
    size_t max_text = lim->max_article_bytes ? lim->max_article_bytes : PC_DEFAULT_MAX_ARTICLE;
    const char *name = in->id ? in->id : "article";
    if (!in->text || in->text_len == 0)
        return pc_fail(err_of(s), PRECIS_EEMPTY, name, 0, "article has no text");
    if (in->text_len > max_text)
        return pc_fail(err_of(s), PRECIS_ELIMIT, name, 0, "article text over %zu bytes", max_text);
    if (raw_len > PS_MAX_RAW) raw = NULL, raw_len = 0; /* too big to keep; the fields are */

    pc_buf trunc;
    pc_buf_init(&trunc, 0);
    char *url = NULL, *site = NULL, *title = NULL, *date = NULL, *author = NULL, *lang = NULL;
    precis_status st = cap_field(in->url, PS_MAX_URL, "url", &url, &trunc);
    if (!st) st = cap_field(in->site, PS_MAX_META, "site", &site, &trunc);
    if (!st) st = cap_field(in->title, PS_MAX_META, "title", &title, &trunc);
    if (!st) st = cap_field(in->date, PS_MAX_META, "date", &date, &trunc);
    if (!st) st = cap_field(in->author, PS_MAX_META, "author", &author, &trunc);
    if (!st) st = cap_field(in->lang, PS_MAX_META, "lang", &lang, &trunc);
    /* The article as stored: what replay will see, so hash and cluster it. */
    precis_article a = {.id = in->id, .url = url, .site = site, .title = title, .date = date,
                        .author = author, .lang = lang, .text = in->text, .text_len = in->text_len};
    char hash[33];
    content_hash(&a, hash);
    sqlite3_stmt *q = NULL;
    if (st) goto done;

    q = prep(s, "SELECT id, story FROM articles WHERE hash=?");
    if (!q) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_bind_text(q, 1, hash, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        out->id = sqlite3_column_int64(q, 0);
        out->story = sqlite3_column_int64(q, 1);
        out->duplicate = true;
        goto done;
    }
    sqlite3_finalize(q);
    q = NULL;
    if (s->stream_stale && (st = replay(s))) goto done;

    q = prep(s, "INSERT INTO articles(hash, source_id, url, site, title, date, author, lang, text,"
                " truncated, raw, raw_type, story) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,0)");
    if (!q) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_bind_text(q, 1, hash, -1, SQLITE_STATIC);
    bind_text(q, 2, in->id);
    bind_text(q, 3, url);
    bind_text(q, 4, site);
    bind_text(q, 5, title);
    bind_text(q, 6, date);
    bind_text(q, 7, author);
    bind_text(q, 8, lang);
    sqlite3_bind_text(q, 9, in->text, (int)in->text_len, SQLITE_STATIC);
    bind_text(q, 10, trunc.len ? trunc.data : NULL);
    if (raw)
        sqlite3_bind_blob(q, 11, raw, (int)raw_len, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, 11);
    bind_text(q, 12, raw ? raw_type : NULL);
    if (sqlite3_step(q) != SQLITE_DONE) {
        st = db_fail(s, "add");
        goto done;
    }
    int64_t id = sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(q);
    q = NULL;

    char idbuf[24];
    snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
    a.id = idbuf;
    size_t story = SIZE_MAX, dup = SIZE_MAX;
    st = precis_stream_add(s->ctx, s->stream, &a, &story, &dup);
    if (st) {
        if (st == PRECIS_EEMPTY) {
            /* the stream's reason ("no words", "page furniture only"), named
             * by the article's name instead of its new row id */
            char why[sizeof err_of(s)->msg];
            const char *m = err_of(s)->msg;
            size_t idn = strlen(idbuf);
            if (!strncmp(m, idbuf, idn) && m[idn] == ':' && m[idn + 1] == ' ') m += idn + 2;
            snprintf(why, sizeof why, "%s", m);
            pc_fail(err_of(s), st, name, 0, "%s", why[0] ? why : "article has no words");
        }
        goto done; /* the caller's savepoint drops the row */
    }
    if ((st = push_id(s, id))) goto done;
    int64_t sid = (int64_t)story + 1;
    int64_t dup_id = dup < s->n_ids ? s->ids[dup] : 0;

    q = prep(s, "UPDATE articles SET story=?2, dup_of=?3 WHERE id=?1");
    if (!q) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_int64(q, 2, sid);
    if (dup_id)
        sqlite3_bind_int64(q, 3, dup_id);
    else
        sqlite3_bind_null(q, 3);
    if (sqlite3_step(q) != SQLITE_DONE) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_finalize(q);
    q = prep(s, "INSERT INTO stories(id, headline, n_sources, first_date, last_date, dirty)"
                " VALUES(?1, ?2, 1, ?3, ?3, 1) ON CONFLICT(id) DO UPDATE SET"
                " n_sources = n_sources + 1,"
                " first_date = CASE WHEN ?3 = '' THEN first_date"
                "   WHEN first_date = '' OR ?3 < first_date THEN ?3 ELSE first_date END,"
                " last_date = CASE WHEN ?3 > last_date THEN ?3 ELSE last_date END, dirty = 1");
    if (!q) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_bind_int64(q, 1, sid);
    bind_text(q, 2, title);
    sqlite3_bind_text(q, 3, date ? date : "", -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_finalize(q);
    q = prep(s, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?)");
    if (!q) {
        st = db_fail(s, "add");
        goto done;
    }
    sqlite3_bind_int64(q, 1, id);
    bind_text(q, 2, title);
    sqlite3_bind_text(q, 3, in->text, (int)in->text_len, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE) {
        st = db_fail(s, "add");
        goto done;
    }
    out->id = id;
    out->story = sid;
    out->duplicate = false;
done:
    sqlite3_finalize(q);
    free(url), free(site), free(title), free(date), free(author), free(lang);
    pc_buf_free(&trunc);
    return st;
}

precis_status ps_store_add(ps_store *s, const precis_article *a, const char *raw, size_t raw_len,
                           const char *raw_type, ps_added *out)
{
    memset(out, 0, sizeof *out);
    bool own = !s->in_tx;
    precis_status st = own ? ps_store_begin(s) : exec(s, "SAVEPOINT add_one");
    if (st) return st;
    size_t n_before = s->n_ids;
    st = add_locked(s, a, raw, raw_len, raw_type, out);
    if (st) {
        /* Undo this article only; the clusterer may have seen it. */
        if (s->n_ids != n_before || st == PRECIS_ENOMEM) s->stream_stale = true;
        if (own) {
            ps_store_rollback(s);
        } else {
            sqlite3_exec(s->db, "ROLLBACK TO add_one; RELEASE add_one", NULL, NULL, NULL);
        }
        return st;
    }
    return own ? ps_store_commit(s) : exec(s, "RELEASE add_one");
}

precis_status ps_store_set_raw(ps_store *s, int64_t id, const char *raw, size_t raw_len,
                               const char *raw_type)
{
    if (raw_len > PS_MAX_RAW) return PRECIS_OK;
    sqlite3_stmt *q = prep(s, "UPDATE articles SET raw=?2, raw_type=?3 WHERE id=?1 AND raw IS NULL");
    if (!q) return db_fail(s, "keeping the raw input");
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_blob(q, 2, raw, (int)raw_len, SQLITE_STATIC);
    bind_text(q, 3, raw_type);
    precis_status st = sqlite3_step(q) == SQLITE_DONE ? PRECIS_OK : db_fail(s, "keeping the raw input");
    sqlite3_finalize(q);
    return st;
}

/* ---- story recomputation ---------------------------------------------- */

typedef struct members {
    pc_arena arena;
    precis_article *a;
    size_t n, cap;
} members;

static const char *adup(members *m, sqlite3_stmt *q, int col)
{
    const char *v = (const char *)sqlite3_column_text(q, col);
    return v ? pc_arena_strndup(&m->arena, v, (size_t)sqlite3_column_bytes(q, col)) : NULL;
}

static precis_status load_members(ps_store *s, int64_t story, members *m)
{
    sqlite3_stmt *q = prep(s, "SELECT id, url, site, title, date, author, lang, text, dup_of "
                              "FROM articles WHERE story=? ORDER BY id");
    if (!q) return db_fail(s, "loading a story");
    sqlite3_bind_int64(q, 1, story);
    precis_status st = PRECIS_OK;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if ((st = pc_grow(&m->a, &m->cap, m->n + 1, sizeof *m->a, 16))) break;
        precis_article *a = &m->a[m->n];
        memset(a, 0, sizeof *a);
        char idbuf[24];
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)sqlite3_column_int64(q, 0));
        a->id = pc_arena_strndup(&m->arena, idbuf, strlen(idbuf));
        a->url = adup(m, q, 1);
        a->site = adup(m, q, 2);
        a->title = adup(m, q, 3);
        a->date = adup(m, q, 4);
        a->author = adup(m, q, 5);
        a->lang = adup(m, q, 6);
        a->text = adup(m, q, 7);
        a->text_len = (size_t)sqlite3_column_bytes(q, 7);
        if (!a->id || !a->text) {
            st = PRECIS_ENOMEM;
            break;
        }
        m->n++;
    }
    if (!st && rc != SQLITE_DONE) st = db_fail(s, "loading a story");
    sqlite3_finalize(q);
    return st;
}

static json_t *jstr_or_null(const char *v) { return v && *v ? json_string(v) : json_null(); }

/* The story object when the builder found no usable sentence: the sources
 * alone, so the story is still listed and linked. */
static json_t *minimal_story(const char *sid, const members *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(sid));
    json_object_set_new(o, "headline", jstr_or_null(m->n ? m->a[0].title : NULL));
    json_t *src = json_array();
    for (size_t i = 0; i < m->n; i++) {
        const precis_article *a = &m->a[i];
        json_t *x = json_object();
        json_object_set_new(x, "id", json_string(a->id));
        json_object_set_new(x, "url", jstr_or_null(a->url));
        json_object_set_new(x, "site", jstr_or_null(a->site));
        json_object_set_new(x, "title", jstr_or_null(a->title));
        json_object_set_new(x, "date", jstr_or_null(a->date));
        json_object_set_new(x, "author", jstr_or_null(a->author));
        json_array_append_new(src, x);
    }
    json_object_set_new(o, "sources", src);
    json_object_set_new(o, "summary", json_null());
    json_object_set_new(o, "timeline", json_array());
    json_object_set_new(o, "entities", json_array());
    return o;
}

struct ps_story_job {
    int64_t story;
    members m;
    json_t *o;
    char *dumped;
    const char *headline, *summary, *first, *last; /* borrowed from o or m */
};

precis_status ps_job_load(ps_store *s, int64_t story, ps_story_job **out)
{
    *out = NULL;
    ps_story_job *j = calloc(1, sizeof *j);
    if (!j) return PRECIS_ENOMEM;
    j->story = story;
    pc_arena_init(&j->m.arena);
    precis_status st = load_members(s, story, &j->m);
    if (st) {
        ps_job_free(j);
        return st;
    }
    *out = j;
    return PRECIS_OK;
}

void ps_job_free(ps_story_job *j)
{
    if (!j) return;
    free(j->dumped);
    json_decref(j->o);
    free(j->m.a);
    pc_arena_reset(&j->m.arena);
    free(j);
}

int64_t ps_job_story(const ps_story_job *j) { return j->story; }

precis_status ps_job_build(precis_ctx *ctx, ps_story_job *j)
{
    members *m = &j->m;
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", (long long)j->story);
    precis_status st = PRECIS_OK;
    if (m->n) {
        char *json = NULL;
        size_t len = 0;
        st = precis_story_build(ctx, sid, m->a, m->n, NULL, &json, &len);
        if (st == PRECIS_OK) {
            json_error_t je;
            j->o = json_loadb(json, len, 0, &je);
            precis_text_free(json);
            if (!j->o || !json_is_object(j->o)) {
                json_decref(j->o);
                j->o = NULL;
                return pc_fail(pc_ctx_err(ctx), PRECIS_EPARSE, NULL, 0,
                               "story %s: the story builder's JSON does not parse", sid);
            }
        } else {
            precis_text_free(json);
            if (st != PRECIS_EEMPTY) return st;
        }
    }
    if (!j->o) j->o = minimal_story(sid, m);
    if (!j->o) return PRECIS_ENOMEM;
    json_t *o = j->o;
    /* Facts the list needs, from the store (count, date span). */
    for (size_t i = 0; i < m->n; i++) {
        const char *d = m->a[i].date;
        if (!d || !*d) continue;
        if (!j->first || strcmp(d, j->first) < 0) j->first = d;
        if (!j->last || strcmp(d, j->last) > 0) j->last = d;
    }
    json_object_set_new(o, "id", json_string(sid));
    json_object_set_new(o, "n_sources", json_integer((json_int_t)m->n));
    json_object_set_new(o, "first_date", jstr_or_null(j->first));
    json_object_set_new(o, "last_date", jstr_or_null(j->last));
    j->headline = json_string_value(json_object_get(o, "headline"));
    if (!j->headline && m->n) j->headline = m->a[0].title;
    j->summary = json_string_value(json_object_get(json_object_get(o, "summary"), "summary"));
    j->dumped = json_dumps(o, JSON_COMPACT);
    return j->dumped ? PRECIS_OK : PRECIS_ENOMEM;
}

precis_status ps_job_save(ps_store *s, ps_story_job *j, bool *saved)
{
    if (saved) *saved = false;
    int64_t story = j->story;
    /* Built from an older membership (an article arrived meanwhile): the
     * story stays marked and is built again. */
    if (query_int(s, "SELECT n_sources FROM stories WHERE id=?", story, -1) != (int64_t)j->m.n)
        return PRECIS_OK;
    sqlite3_stmt *q = NULL;
    precis_status st = exec(s, "BEGIN IMMEDIATE");
    if (st) return st;
    q = prep(s, "UPDATE stories SET headline=?2, json=?3, dirty=0, n_sources=?4,"
                " first_date=?5, last_date=?6 WHERE id=?1");
    if (!q) goto fail;
    sqlite3_bind_int64(q, 1, story);
    bind_text(q, 2, j->headline);
    bind_text(q, 3, j->dumped);
    sqlite3_bind_int64(q, 4, (int64_t)j->m.n);
    sqlite3_bind_text(q, 5, j->first ? j->first : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 6, j->last ? j->last : "", -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE) goto fail;
    sqlite3_finalize(q);
    q = prep(s, "DELETE FROM entities WHERE story=?");
    if (!q) goto fail;
    sqlite3_bind_int64(q, 1, story);
    if (sqlite3_step(q) != SQLITE_DONE) goto fail;
    sqlite3_finalize(q);
    q = prep(s, "INSERT INTO entities(story, name, type, sources) VALUES(?,?,?,?)");
    if (!q) goto fail;
    json_t *ents = json_object_get(j->o, "entities");
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e) {
        const char *name = json_string_value(json_object_get(e, "name"));
        if (!name) continue;
        sqlite3_bind_int64(q, 1, story);
        bind_text(q, 2, name);
        bind_text(q, 3, json_string_value(json_object_get(e, "type")));
        sqlite3_bind_int64(q, 4, (int64_t)json_integer_value(json_object_get(e, "sources")));
        if (sqlite3_step(q) != SQLITE_DONE) goto fail;
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    q = prep(s, "DELETE FROM stories_fts WHERE rowid=?");
    if (!q) goto fail;
    sqlite3_bind_int64(q, 1, story);
    if (sqlite3_step(q) != SQLITE_DONE) goto fail;
    sqlite3_finalize(q);
    q = prep(s, "INSERT INTO stories_fts(rowid, headline, summary) VALUES(?,?,?)");
    if (!q) goto fail;
    sqlite3_bind_int64(q, 1, story);
    bind_text(q, 2, j->headline);
    bind_text(q, 3, j->summary);
    if (sqlite3_step(q) != SQLITE_DONE) goto fail;
    sqlite3_finalize(q);
    q = NULL;
    st = exec(s, "COMMIT");
    if (st) {
        exec(s, "ROLLBACK");
        return st;
    }
    if (saved) *saved = true;
    return PRECIS_OK;
fail:
    st = db_fail(s, "recomputing a story");
    sqlite3_finalize(q);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

static precis_status refresh_one(ps_store *s, int64_t story)
{
    ps_story_job *j = NULL;
    precis_status st = ps_job_load(s, story, &j);
    if (!st) st = ps_job_build(s->ctx, j);
    if (!st) st = ps_job_save(s, j, NULL);
    ps_job_free(j);
    return st;
}

precis_status ps_store_refresh_story(ps_store *s, int64_t story)
{
    if (query_int(s, "SELECT dirty FROM stories WHERE id=?", story, 0) != 1) return PRECIS_OK;
    return refresh_one(s, story);
}

int64_t ps_store_next_dirty(ps_store *s, int64_t after)
{
    return query_int(s, "SELECT id FROM stories WHERE dirty=1 AND id > ? ORDER BY id LIMIT 1", after, 0);
}

int64_t ps_store_story_size(ps_store *s, int64_t story)
{
    return query_int(s, "SELECT n_sources FROM stories WHERE id=?", story, 0);
}

precis_status ps_store_refresh(ps_store *s, size_t *n)
{
    if (n) *n = 0;
    if (s->in_tx) return pc_fail(err_of(s), PRECIS_EINVAL, NULL, 0, "refresh inside a transaction");
    for (int64_t id = 0; (id = ps_store_next_dirty(s, id)) != 0;) {
        precis_status st = refresh_one(s, id);
        if (st) return st;
        if (n) (*n)++;
    }
    return PRECIS_OK;
}

/* ---- queries ------------------------------------------------------------ */

static precis_status put_field(pc_buf *out, const char *name, sqlite3_stmt *q, int col, bool first)
{
    precis_status st = pc_buf_printf(out, "%s\"%s\":", first ? "" : ",", name);
    if (st) return st;
    const char *v = (const char *)sqlite3_column_text(q, col);
    if (!v || (!*v && sqlite3_column_type(q, col) == SQLITE_TEXT && strstr(name, "date")))
        return pc_buf_puts(out, "null");
    return pc_json_string(out, v, (size_t)sqlite3_column_bytes(q, col));
}

static const char HEX[] = "0123456789abcdef";

precis_status ps_cursor_encode(const ps_cursor *c, pc_buf *out)
{
    char plain[128];
    int n = snprintf(plain, sizeof plain, "%c|%s|%lld", c->sort, c->key, (long long)c->id);
    if (n < 0 || (size_t)n >= sizeof plain) return PRECIS_ELIMIT;
    for (int i = 0; i < n; i++) {
        unsigned char b = (unsigned char)plain[i];
        precis_status st = pc_buf_putc(out, HEX[b >> 4]);
        if (!st) st = pc_buf_putc(out, HEX[b & 15]);
        if (st) return st;
    }
    return PRECIS_OK;
}

precis_status ps_cursor_decode(const char *s, size_t len, ps_cursor *c)
{
    char plain[128];
    if (len == 0 || len % 2 || len / 2 >= sizeof plain) return PRECIS_EPARSE;
    size_t n = len / 2;
    for (size_t i = 0; i < n; i++) {
        /* lowercase only, as encoded: one cursor has one spelling */
        if ((s[2 * i] >= 'A' && s[2 * i] <= 'F') || (s[2 * i + 1] >= 'A' && s[2 * i + 1] <= 'F'))
            return PRECIS_EPARSE;
        int hi = pc_hex_digit(s[2 * i]), lo = pc_hex_digit(s[2 * i + 1]);
        if (hi < 0 || lo < 0) return PRECIS_EPARSE;
        plain[i] = (char)(hi << 4 | lo);
        if (!plain[i]) return PRECIS_EPARSE;
    }
    plain[n] = '\0';
    if (n < 4 || (plain[0] != PS_SORT_NEWEST && plain[0] != PS_SORT_BIGGEST) || plain[1] != '|')
        return PRECIS_EPARSE;
    const char *key = plain + 2;
    const char *bar = strrchr(key, '|');
    if (!bar || (size_t)(bar - key) >= sizeof c->key) return PRECIS_EPARSE;
    const char *p = bar + 1;
    if (!*p || strlen(p) > 18) return PRECIS_EPARSE;
    int64_t id = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') return PRECIS_EPARSE;
        id = id * 10 + (*p - '0');
    }
    if (id <= 0) return PRECIS_EPARSE;
    size_t klen = (size_t)(bar - key);
    if (plain[0] == PS_SORT_BIGGEST) {
        if (klen == 0 || klen > 18) return PRECIS_EPARSE;
        for (size_t i = 0; i < klen; i++)
            if (key[i] < '0' || key[i] > '9') return PRECIS_EPARSE;
    }
    c->sort = plain[0];
    memcpy(c->key, key, klen);
    c->key[klen] = '\0';
    c->id = id;
    return PRECIS_OK;
}

/* The stored story JSON, or a stand-in while it is being recomputed. */
static precis_status put_story(pc_buf *out, sqlite3_stmt *q, int col_json, int col_id)
{
    const char *json = (const char *)sqlite3_column_text(q, col_json);
    if (json) return pc_buf_append(out, json, (size_t)sqlite3_column_bytes(q, col_json));
    return pc_buf_printf(out, "{\"id\":\"%lld\",\"headline\":null,\"summary\":null,\"sources\":[],"
                              "\"timeline\":[],\"entities\":[]}",
                         (long long)sqlite3_column_int64(q, col_id));
}

precis_status ps_store_list(ps_store *s, const ps_list_query *lq, pc_buf *out)
{
    char sql[1024];
    bool big = lq->sort == PS_SORT_BIGGEST;
    const char *key = big ? "n_sources" : "last_date";
    size_t limit = lq->limit ? lq->limit : 20;
    if (limit > 100) limit = 100;
    if (lq->after && lq->after->sort != (big ? PS_SORT_BIGGEST : PS_SORT_NEWEST))
        return pc_fail(err_of(s), PRECIS_EINVAL, NULL, 0, "the cursor belongs to another sort order");
    int n = snprintf(sql, sizeof sql,
                     "SELECT id, json, %s FROM stories WHERE 1"
                     "%s%s%s%s ORDER BY %s DESC, id DESC LIMIT ?5",
                     key,
                     lq->entity ? " AND id IN (SELECT story FROM entities WHERE name = ?1 COLLATE NOCASE)" : "",
                     lq->from ? " AND last_date <> '' AND last_date >= ?2" : "",
                     lq->to ? " AND first_date <> '' AND substr(first_date, 1, length(?3)) <= ?3" : "",
                     lq->after ? (big ? " AND (n_sources, id) < (CAST(?4 AS INTEGER), ?6)"
                                      : " AND (last_date, id) < (?4, ?6)")
                               : "",
                     key);
    if (n < 0 || (size_t)n >= sizeof sql) return PRECIS_ELIMIT;
    sqlite3_stmt *q = prep(s, sql);
    if (!q) return db_fail(s, "listing stories");
    if (lq->entity) bind_text(q, 1, lq->entity);
    if (lq->from) bind_text(q, 2, lq->from);
    if (lq->to) bind_text(q, 3, lq->to);
    if (lq->after) {
        bind_text(q, 4, lq->after->key);
        sqlite3_bind_int64(q, 6, lq->after->id);
    }
    sqlite3_bind_int64(q, 5, (int64_t)limit + 1);
    precis_status st = pc_buf_puts(out, "{\"stories\":[");
    size_t count = 0;
    ps_cursor next = {.sort = big ? PS_SORT_BIGGEST : PS_SORT_NEWEST};
    bool more = false;
    int rc;
    while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (count == limit) {
            more = true;
            break;
        }
        if (count && (st = pc_buf_putc(out, ','))) break;
        st = put_story(out, q, 1, 0);
        next.id = sqlite3_column_int64(q, 0);
        const char *k = (const char *)sqlite3_column_text(q, 2);
        snprintf(next.key, sizeof next.key, "%s", k ? k : "");
        count++;
    }
    if (!st && !more && rc != SQLITE_DONE) st = db_fail(s, "listing stories");
    sqlite3_finalize(q);
    if (!st) st = pc_buf_puts(out, "],\"next\":");
    if (!st && more) {
        st = pc_buf_putc(out, '"');
        if (!st) st = ps_cursor_encode(&next, out);
        if (!st) st = pc_buf_putc(out, '"');
    } else if (!st) {
        st = pc_buf_puts(out, "null");
    }
    if (!st) st = pc_buf_putc(out, '}');
    return st;
}

precis_status ps_store_story(ps_store *s, int64_t id, pc_buf *out)
{
    sqlite3_stmt *q = prep(s, "SELECT id, json FROM stories WHERE id=?");
    if (!q) return db_fail(s, "reading a story");
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    precis_status st = rc == SQLITE_ROW ? put_story(out, q, 1, 0)
                       : rc == SQLITE_DONE ? PRECIS_EEMPTY : db_fail(s, "reading a story");
    sqlite3_finalize(q);
    return st;
}

precis_status ps_store_article(ps_store *s, int64_t id, pc_buf *out)
{
    sqlite3_stmt *q = prep(s, "SELECT id, source_id, url, site, title, date, author, lang, text,"
                              " story, dup_of, truncated, length(raw), raw_type, added"
                              " FROM articles WHERE id=?");
    if (!q) return db_fail(s, "reading an article");
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(q);
        return rc == SQLITE_DONE ? PRECIS_EEMPTY : db_fail(s, "reading an article");
    }
    precis_status st = pc_buf_printf(out, "{\"id\":\"%lld\"", (long long)sqlite3_column_int64(q, 0));
    static const char *const names[] = {"source_id", "url", "site", "title", "date",
                                        "author", "lang", "text"};
    for (int i = 0; !st && i < 8; i++) st = put_field(out, names[i], q, i + 1, false);
    if (!st) st = pc_buf_printf(out, ",\"story\":\"%lld\"", (long long)sqlite3_column_int64(q, 9));
    if (!st)
        st = sqlite3_column_type(q, 10) == SQLITE_NULL
                 ? pc_buf_puts(out, ",\"duplicate_of\":null")
                 : pc_buf_printf(out, ",\"duplicate_of\":\"%lld\"", (long long)sqlite3_column_int64(q, 10));
    if (!st) st = pc_buf_puts(out, ",\"truncated\":[");
    const char *tr = (const char *)sqlite3_column_text(q, 11);
    for (const char *p = tr; !st && p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (p != tr) st = pc_buf_putc(out, ',');
        if (!st) st = pc_json_string(out, p, len);
        p = comma ? comma + 1 : p + len;
    }
    if (!st) st = pc_buf_printf(out, "],\"raw_bytes\":%lld", (long long)sqlite3_column_int64(q, 12));
    if (!st) st = put_field(out, "raw_type", q, 13, false);
    if (!st) st = put_field(out, "added", q, 14, false);
    if (!st) st = pc_buf_putc(out, '}');
    sqlite3_finalize(q);
    return st;
}

precis_status ps_store_article_raw(ps_store *s, int64_t id, pc_buf *out, char *type_buf,
                                   size_t type_cap)
{
    sqlite3_stmt *q = prep(s, "SELECT raw, raw_type FROM articles WHERE id=? AND raw IS NOT NULL");
    if (!q) return db_fail(s, "reading an article");
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    precis_status st = PRECIS_EEMPTY;
    if (rc == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(q, 0);
        st = pc_buf_append(out, b ? b : "", (size_t)sqlite3_column_bytes(q, 0));
        const char *t = (const char *)sqlite3_column_text(q, 1);
        pc_snprintf(type_buf, type_cap, "%s", t ? t : "application/octet-stream");
    } else if (rc != SQLITE_DONE) {
        st = db_fail(s, "reading an article");
    }
    sqlite3_finalize(q);
    return st;
}

precis_status ps_fts_query(const char *q, size_t len, pc_buf *out)
{
    if (len > 1024) return PRECIS_EINVAL;
    size_t terms = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)q[i];
        /* A term: a run of letters, digits and any non-ASCII bytes (UTF-8). */
        bool word = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (!word) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len) {
            c = (unsigned char)q[i];
            if (!(c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
                break;
            i++;
        }
        if (++terms > 32) return PRECIS_EINVAL;
        precis_status st = pc_buf_puts(out, terms > 1 ? " \"" : "\"");
        if (!st) st = pc_buf_append(out, q + start, i - start);
        if (!st) st = pc_buf_putc(out, '"');
        if (!st && i < len && q[i] == '*') st = pc_buf_putc(out, '*');
        if (st) return st;
    }
    return terms ? PRECIS_OK : PRECIS_EINVAL;
}

precis_status ps_store_search(ps_store *s, const char *query, size_t limit, pc_buf *out)
{
    pc_buf fts;
    pc_buf_init(&fts, 0);
    precis_status st = ps_fts_query(query, strlen(query), &fts);
    if (st) {
        pc_buf_free(&fts);
        if (st == PRECIS_EINVAL)
            return pc_fail(err_of(s), PRECIS_EINVAL, NULL, 0,
                           "the query needs a word (at most 32 words, 1 KiB)");
        return st;
    }
    if (!limit || limit > 100) limit = 20;
    static const char *const SQL[2] = {
        "SELECT s.id, s.headline, s.n_sources, s.first_date, s.last_date,"
        " ps_snippet(stories_fts, 1, 24)"
        " FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid"
        " WHERE stories_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        "SELECT a.id, a.title, a.site, a.date, a.story,"
        " ps_snippet(articles_fts, 1, 24)"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2"};
    st = pc_buf_puts(out, "{\"query\":");
    if (!st) st = pc_json_string(out, query, strlen(query));
    for (int k = 0; k < 2 && !st; k++) {
        sqlite3_stmt *q = prep(s, SQL[k]);
        if (!q) {
            st = db_fail(s, "searching");
            break;
        }
        sqlite3_bind_text(q, 1, fts.data, (int)fts.len, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, (int64_t)limit);
        st = pc_buf_puts(out, k ? "],\"articles\":[" : ",\"stories\":[");
        int rc;
        size_t n = 0;
        while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
            st = pc_buf_printf(out, "%s{\"id\":\"%lld\"", n++ ? "," : "",
                               (long long)sqlite3_column_int64(q, 0));
            if (k == 0) {
                if (!st) st = put_field(out, "headline", q, 1, false);
                if (!st) st = pc_buf_printf(out, ",\"n_sources\":%lld",
                                            (long long)sqlite3_column_int64(q, 2));
                if (!st) st = put_field(out, "first_date", q, 3, false);
                if (!st) st = put_field(out, "last_date", q, 4, false);
            } else {
                if (!st) st = put_field(out, "title", q, 1, false);
                if (!st) st = put_field(out, "site", q, 2, false);
                if (!st) st = put_field(out, "date", q, 3, false);
                if (!st) st = pc_buf_printf(out, ",\"story\":\"%lld\"",
                                            (long long)sqlite3_column_int64(q, 4));
            }
            if (!st) st = put_field(out, "snippet", q, 5, false);
            if (!st) st = pc_buf_putc(out, '}');
        }
        if (!st && rc != SQLITE_DONE) {
            /* Quoted terms cannot be a syntax error, but say 400 if one is. */
            st = (sqlite3_errcode(s->db) & 0xff) == SQLITE_ERROR
                     ? pc_fail(err_of(s), PRECIS_EINVAL, NULL, 0, "bad query: %s", sqlite3_errmsg(s->db))
                     : db_fail(s, "searching");
        }
        sqlite3_finalize(q);
    }
    if (!st) st = pc_buf_puts(out, "]}");
    pc_buf_free(&fts);
    return st;
}

precis_status ps_store_stats(ps_store *s, ps_stats *out)
{
    out->articles = query_int(s, "SELECT count(*) FROM articles", 0, -1);
    out->stories = query_int(s, "SELECT count(*) FROM stories", 0, -1);
    out->schema = (int)query_int(s, "PRAGMA user_version", 0, -1);
    if (out->articles < 0 || out->stories < 0 || out->schema < 0) return db_fail(s, "stats");
    return PRECIS_OK;
}

precis_status ps_store_check(ps_store *s, pc_buf *report)
{
    bool ok = true;
    sqlite3_stmt *q = prep(s, "PRAGMA integrity_check");
    if (!q) return db_fail(s, "integrity check");
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(q, 0);
        if (r && strcmp(r, "ok") != 0) {
            ok = false;
            pc_buf_printf(report, "integrity: %s\n", r);
        }
    }
    sqlite3_finalize(q);
    static const struct {
        const char *sql, *what;
    } CHECKS[] = {
        {"SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story)",
         "articles in no story"},
        {"SELECT count(*) FROM stories s WHERE n_sources <> (SELECT count(*) FROM articles a WHERE a.story = s.id)",
         "stories whose source count is wrong"},
        {"SELECT count(*) FROM stories WHERE dirty = 1 OR json IS NULL", "stories not recomputed"},
    };
    for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
        int64_t n = query_int(s, CHECKS[i].sql, 0, -1);
        if (n != 0) {
            ok = false;
            pc_buf_printf(report, "%s: %lld\n", CHECKS[i].what, (long long)n);
        }
    }
    /* FTS5's own check of the index against the articles table. */
    if (sqlite3_exec(s->db, "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        ok = false;
        pc_buf_printf(report, "search index: %s\n", sqlite3_errmsg(s->db));
    }
    if (ok) pc_buf_puts(report, "ok\n");
    return ok ? PRECIS_OK : PRECIS_EPARSE;
}
