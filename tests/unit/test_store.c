/* Store (src/store) and API routes (src/server/routes.c) without sockets. */
#include "server/server.h"
#include "test.h"

#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

/* Invented articles on unrelated topics (no shared content words), so any
 * clusterer keeps them apart; ARTS[0] and ARTS[1] tell the same story. */
static const struct {
    const char *title, *date, *text;
} ARTS[] = {
    {"Ferry grounded near Velmora harbour", "2031-03-14",
     "A passenger ferry carrying 212 people ran aground near Velmora harbour on Friday morning. "
     "Coastguard crews from Velmora towed the ferry off the sandbank after four hours. "
     "The operator Bayline Ferries suspended the route while divers inspect the hull."},
    {"Velmora ferry towed off sandbank", "2031-03-15",
     "Coastguard crews towed a passenger ferry off a sandbank near Velmora harbour after it ran "
     "aground with 212 people on board. Bayline Ferries suspended the route while divers inspect "
     "the hull of the ferry."},
    {"Orchestra opens season in Tarnholm", "2031-02-02",
     "The Tarnholm Philharmonic opened its winter season with a symphony by composer Idris Val. "
     "Conductor Mina Oster led eighty musicians before a sold-out concert hall. Critics praised "
     "the violins and the brass."},
    {"Quarry council approves wind turbines", "2031-01-20",
     "The Quarrowick council approved twelve wind turbines on the old quarry ridge. Engineers "
     "from Norvent Energy expect the turbines to supply electricity to four thousand homes. "
     "Residents asked for noise studies."},
    {"Glacier museum unveils mammoth tusk", "2031-04-09",
     "Curators at the Ostrava Glacier Museum unveiled a mammoth tusk found by hikers in melting "
     "ice. Paleontologist Renata Koll dated the ivory to forty thousand years. The exhibit opens "
     "to visitors in May."},
    {"Chess prodigy wins Lindqvist open", "2031-05-30",
     "Eleven-year-old Tomas Reyl won the Lindqvist open chess tournament after defeating three "
     "grandmasters. His coach said Reyl studies endgames daily. The final game lasted ninety "
     "moves."},
};
#define N_ARTS (sizeof ARTS / sizeof ARTS[0])

static precis_article art(size_t i)
{
    precis_article a = {0};
    a.id = ARTS[i].title;
    a.title = ARTS[i].title;
    a.date = ARTS[i].date;
    a.site = "Invented Daily";
    a.text = ARTS[i].text;
    a.text_len = strlen(ARTS[i].text);
    return a;
}

static precis_ctx *CTX;

static ps_store *fresh(void)
{
    ps_store *s = NULL;
    if (ps_store_open(CTX, ":memory:", &s) != PRECIS_OK) {
        fprintf(stderr, "  open: %s\n", precis_errmsg(CTX));
        return NULL;
    }
    return s;
}

static void add_all(ps_store *s, size_t n, int64_t *story)
{
    for (size_t i = 0; i < n; i++) {
        precis_article a = art(i);
        ps_added r;
        CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_OK);
        if (story) story[i] = r.story;
    }
    CHECK(ps_store_refresh(s, NULL) == PRECIS_OK);
}

TEST(open_memory_schema)
{
    ps_store *s = fresh();
    CHECK(s != NULL);
    if (!s) return;
    ps_stats st;
    CHECK(ps_store_stats(s, &st) == PRECIS_OK);
    CHECK(st.schema == PS_SCHEMA_VERSION);
    CHECK(st.articles == 0 && st.stories == 0);
    ps_store_close(s);
}

TEST(add_is_idempotent)
{
    ps_store *s = fresh();
    if (!s) return;
    precis_article a = art(2);
    ps_added r1, r2;
    CHECK(ps_store_add(s, &a, "raw", 3, "text/plain", &r1) == PRECIS_OK);
    CHECK(!r1.duplicate && r1.id == 1 && r1.story >= 1);
    CHECK(ps_store_add(s, &a, "raw", 3, "text/plain", &r2) == PRECIS_OK);
    CHECK(r2.duplicate && r2.id == r1.id && r2.story == r1.story);
    a.title = "Orchestra opens season in Tarnholm (updated)";
    CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r2) == PRECIS_OK);
    CHECK(!r2.duplicate && r2.id == 2);
    ps_stats st;
    ps_store_stats(s, &st);
    CHECK(st.articles == 2);
    ps_store_close(s);
}

TEST(empty_article_rejected)
{
    ps_store *s = fresh();
    if (!s) return;
    precis_article a = {.id = "e", .title = "Nothing", .text = "", .text_len = 0};
    ps_added r;
    CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_EEMPTY);
    a.text = "   ...   ";
    a.text_len = strlen(a.text);
    CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_EEMPTY);
    ps_stats st;
    ps_store_stats(s, &st);
    CHECK(st.articles == 0);
    /* The store still takes articles afterwards. */
    precis_article b = art(3);
    CHECK(ps_store_add(s, &b, NULL, 0, NULL, &r) == PRECIS_OK && r.id == 1);
    ps_store_close(s);
}

TEST(long_title_capped_raw_kept)
{
    ps_store *s = fresh();
    if (!s) return;
    size_t n = 5000;
    char *title = malloc(n + 1);
    for (size_t i = 0; i < n; i += 2) memcpy(title + i, "\xC3\xA9", 2); /* é */
    title[n] = '\0';
    precis_article a = art(4);
    a.title = title;
    ps_added r;
    CHECK(ps_store_add(s, &a, title, n, "text/plain", &r) == PRECIS_OK);
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_article(s, r.id, &out) == PRECIS_OK);
    CHECK(out.data && strstr(out.data, "\"truncated\":[\"title\"]"));
    CHECK(out.data && strstr(out.data, "\xC3\xA9\xE2\x80\xA6\",")); /* whole char, then … */
    CHECK(out.data && pc_utf8_valid(out.data, out.len));
    const char *t = out.data ? strstr(out.data, "\"title\":\"") : NULL;
    const char *e = t ? strstr(t + 9, "\"") : NULL;
    CHECK(t && e && (size_t)(e - (t + 9)) <= PS_MAX_META + 3);
    out.len = 0;
    char type[64];
    CHECK(ps_store_article_raw(s, r.id, &out, type, sizeof type) == PRECIS_OK);
    CHECK(out.len == n && memcmp(out.data, title, n) == 0);
    CHECK_STR(type, "text/plain");
    pc_buf_free(&out);
    free(title);
    ps_store_close(s);
}

TEST(story_json_after_refresh)
{
    ps_store *s = fresh();
    if (!s) return;
    int64_t story[N_ARTS];
    add_all(s, N_ARTS, story);
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_story(s, story[2], &out) == PRECIS_OK);
    char want[64];
    snprintf(want, sizeof want, "\"id\":\"%lld\"", (long long)story[2]);
    CHECK(out.data && strstr(out.data, want));
    CHECK(out.data && strstr(out.data, "\"n_sources\":1"));
    CHECK(out.data && strstr(out.data, "\"first_date\":\"2031-02-02\""));
    CHECK(out.data && strstr(out.data, "\"sources\":["));
    out.len = 0;
    CHECK(ps_store_story(s, 999, &out) == PRECIS_EEMPTY);
    CHECK(ps_store_article(s, 999, &out) == PRECIS_EEMPTY);
    CHECK(ps_store_check(s, &out) == PRECIS_OK);
    pc_buf_free(&out);
    ps_store_close(s);
}

/* Follows `next` cursors; every story exactly once, in order. */
static void walk_pages(ps_store *s, char sort, size_t limit, size_t *n_seen, bool *ordered)
{
    ps_cursor cur, *after = NULL;
    int64_t seen[64];
    long long prev_key_n = -1;
    char prev_key[64] = "";
    *n_seen = 0;
    *ordered = true;
    for (int page = 0; page < 64; page++) {
        pc_buf out;
        pc_buf_init(&out, 0);
        ps_list_query q = {.sort = sort, .limit = limit, .after = after};
        CHECK(ps_store_list(s, &q, &out) == PRECIS_OK);
        json_error_t je;
        json_t *o = json_loadb(out.data, out.len, 0, &je);
        CHECK(o != NULL);
        json_t *arr = json_object_get(o, "stories");
        CHECK(json_array_size(arr) <= limit);
        size_t i;
        json_t *st;
        json_array_foreach(arr, i, st) {
            int64_t id = atoll(json_string_value(json_object_get(st, "id")));
            for (size_t k = 0; k < *n_seen; k++) CHECK(seen[k] != id);
            if (*n_seen < 64) seen[(*n_seen)++] = id;
            if (sort == PS_SORT_BIGGEST) {
                long long n = (long long)json_integer_value(json_object_get(st, "n_sources"));
                if (prev_key_n >= 0 && n > prev_key_n) *ordered = false;
                prev_key_n = n;
            } else {
                const char *d = json_string_value(json_object_get(st, "last_date"));
                if (d && prev_key[0] && strcmp(d, prev_key) > 0) *ordered = false;
                snprintf(prev_key, sizeof prev_key, "%s", d ? d : "");
            }
        }
        json_t *next = json_object_get(o, "next");
        bool more = json_is_string(next);
        if (more) {
            const char *c = json_string_value(next);
            CHECK(ps_cursor_decode(c, strlen(c), &cur) == PRECIS_OK);
            after = &cur;
        }
        json_decref(o);
        pc_buf_free(&out);
        if (!more) break;
    }
}

TEST(pagination_and_sort)
{
    ps_store *s = fresh();
    if (!s) return;
    add_all(s, N_ARTS, NULL);
    ps_stats st;
    ps_store_stats(s, &st);
    CHECK(st.stories >= 4); /* the five unrelated topics at least four apart */
    size_t seen;
    bool ordered;
    walk_pages(s, PS_SORT_NEWEST, 2, &seen, &ordered);
    CHECK((int64_t)seen == st.stories);
    CHECK(ordered);
    walk_pages(s, PS_SORT_BIGGEST, 1, &seen, &ordered);
    CHECK((int64_t)seen == st.stories);
    CHECK(ordered);
    /* A cursor of one order is refused by the other. */
    ps_cursor c = {.sort = PS_SORT_BIGGEST, .key = "1", .id = 3};
    ps_list_query q = {.sort = PS_SORT_NEWEST, .limit = 5, .after = &c};
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_list(s, &q, &out) == PRECIS_EINVAL);
    pc_buf_free(&out);
    ps_store_close(s);
}

TEST(date_filter)
{
    ps_store *s = fresh();
    if (!s) return;
    add_all(s, N_ARTS, NULL);
    pc_buf out;
    pc_buf_init(&out, 0);
    ps_list_query q = {.sort = PS_SORT_NEWEST, .limit = 100, .from = "2031-02-01", .to = "2031-02-02"};
    CHECK(ps_store_list(s, &q, &out) == PRECIS_OK);
    CHECK(out.data && strstr(out.data, "Tarnholm"));
    CHECK(out.data && !strstr(out.data, "Quarrowick") && !strstr(out.data, "Lindqvist"));
    out.len = 0;
    q.from = "2031-05";
    q.to = NULL;
    CHECK(ps_store_list(s, &q, &out) == PRECIS_OK);
    CHECK(out.data && strstr(out.data, "Lindqvist") && !strstr(out.data, "Tarnholm"));
    pc_buf_free(&out);
    ps_store_close(s);
}

TEST(cursor_roundtrip_and_garbage)
{
    ps_cursor c = {.sort = PS_SORT_NEWEST, .key = "2031-03-14T08:30:00+01:00", .id = 42}, d;
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(ps_cursor_encode(&c, &b) == PRECIS_OK);
    CHECK(ps_cursor_decode(b.data, b.len, &d) == PRECIS_OK);
    CHECK(d.sort == c.sort && d.id == 42);
    CHECK_STR(d.key, c.key);
    ps_cursor e = {.sort = PS_SORT_NEWEST, .key = "", .id = 6}; /* undated story */
    b.len = 0;
    CHECK(ps_cursor_encode(&e, &b) == PRECIS_OK);
    CHECK(ps_cursor_decode(b.data, b.len, &d) == PRECIS_OK && d.id == 6 && d.key[0] == 0);
    static const char *const BAD[] = {"", "zz", "6e", "6e7c7c30", "6E7C617C31" /* uppercase */, "627c787c31", "6e7c617c2d31",
                                      "6e7c617c", "6e7c617c3030303030303030303030303030303030303031"};
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++)
        CHECK(ps_cursor_decode(BAD[i], strlen(BAD[i]), &d) == PRECIS_EPARSE);
    pc_buf_free(&b);
}

TEST(fts_query_is_quoted)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(ps_fts_query("ferry \"sandbank", 15, &b) == PRECIS_OK);
    CHECK_STR(b.data, "\"ferry\" \"sandbank\"");
    b.len = 0;
    CHECK(ps_fts_query("velm* OR (NEAR", 14, &b) == PRECIS_OK);
    CHECK_STR(b.data, "\"velm\"* \"OR\" \"NEAR\"");
    b.len = 0;
    CHECK(ps_fts_query("\"(*)\" -", 7, &b) == PRECIS_EINVAL);
    pc_buf_free(&b);
}

TEST(search_finds_and_never_errs_on_syntax)
{
    ps_store *s = fresh();
    if (!s) return;
    add_all(s, N_ARTS, NULL);
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_search(s, "mammoth", 10, &out) == PRECIS_OK);
    CHECK(out.data && strstr(out.data, "Glacier museum unveils mammoth tusk"));
    out.len = 0;
    CHECK(ps_store_search(s, "tusk\" AND (ivory OR", 10, &out) == PRECIS_OK);
    out.len = 0;
    CHECK(ps_store_search(s, "zeppelinxyz", 10, &out) == PRECIS_OK);
    CHECK(out.data && strstr(out.data, "\"stories\":[],\"articles\":[]"));
    out.len = 0;
    CHECK(ps_store_search(s, "()\"", 10, &out) == PRECIS_EINVAL);
    pc_buf_free(&out);
    ps_store_close(s);
}

static char TMPDIR_[256];

TEST(reopen_replays_clusterer)
{
    /* Reference: all articles in one process. */
    ps_store *s = fresh();
    if (!s) return;
    int64_t want[N_ARTS];
    add_all(s, N_ARTS, want);
    ps_store_close(s);
    /* Same order, with a close and reopen in the middle. */
    char path[300];
    snprintf(path, sizeof path, "%s/replay.db", TMPDIR_);
    CHECK(ps_store_open(CTX, path, &s) == PRECIS_OK);
    if (!s) return;
    for (size_t i = 0; i < 3; i++) {
        precis_article a = art(i);
        ps_added r;
        CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_OK && r.story == want[i]);
    }
    ps_store_close(s);
    s = NULL;
    CHECK(ps_store_open(CTX, path, &s) == PRECIS_OK);
    if (!s) return;
    for (size_t i = 3; i < N_ARTS; i++) {
        precis_article a = art(i);
        ps_added r;
        CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_OK);
        CHECK(r.story == want[i]);
    }
    /* The stories left dirty by the first run were recomputed at open. */
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_refresh(s, NULL) == PRECIS_OK);
    CHECK(ps_store_check(s, &out) == PRECIS_OK);
    /* A second process cannot open it while this one holds it. */
    ps_store *t = NULL;
    CHECK(ps_store_open(CTX, path, &t) == PRECIS_EIO && t == NULL);
    pc_buf_free(&out);
    ps_store_close(s);
}

/* A rolled-back batch leaves no trace, also in the clusterer: the next adds
 * get the stories an uninterrupted run gives. */
TEST(rollback_rebuilds_clusterer)
{
    ps_store *ref = fresh(), *s = fresh();
    if (!ref || !s) return;
    int64_t want[N_ARTS];
    add_all(ref, N_ARTS, want);
    ps_store_close(ref);
    ps_added r;
    precis_article a = art(0);
    CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_OK && r.story == want[0]);
    CHECK(ps_store_begin(s) == PRECIS_OK);
    for (size_t i = 3; i < N_ARTS; i++) { /* seen by the clusterer, then undone */
        a = art(i);
        CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_OK);
    }
    ps_store_rollback(s);
    for (size_t i = 1; i < N_ARTS; i++) {
        a = art(i);
        CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r) == PRECIS_OK);
        CHECK(!r.duplicate && r.story == want[i] && r.id == (int64_t)i + 1);
    }
    CHECK(ps_store_refresh(s, NULL) == PRECIS_OK);
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_check(s, &out) == PRECIS_OK);
    pc_buf_free(&out);
    ps_store_close(s);
}

/* A background build made stale by an arriving article is not saved. */
TEST(stale_job_not_saved)
{
    ps_store *s = fresh();
    if (!s) return;
    precis_article a = art(0);
    ps_added r0, r1;
    CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r0) == PRECIS_OK);
    ps_story_job *j = NULL;
    CHECK(ps_job_load(s, r0.story, &j) == PRECIS_OK && j);
    if (!j) return;
    a = art(1); /* the same story, arriving during the build */
    CHECK(ps_store_add(s, &a, NULL, 0, NULL, &r1) == PRECIS_OK);
    CHECK(ps_job_build(CTX, j) == PRECIS_OK);
    bool saved = true;
    CHECK(ps_job_save(s, j, &saved) == PRECIS_OK);
    ps_job_free(j);
    if (r1.story == r0.story) {
        CHECK(!saved);
        CHECK(ps_store_next_dirty(s, 0) == r0.story);
    } else {
        CHECK(saved); /* the clusterer split them: the build was current */
    }
    CHECK(ps_store_refresh(s, NULL) == PRECIS_OK);
    CHECK(ps_store_next_dirty(s, 0) == 0);
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_story(s, r1.story, &out) == PRECIS_OK);
    CHECK(out.data && strstr(out.data, r1.story == r0.story ? "\"n_sources\":2" : "\"n_sources\":1"));
    pc_buf_free(&out);
    ps_store_close(s);
}

/* Read-only connections see what the writer committed. */
TEST(reader_sees_commits)
{
    char path[300];
    snprintf(path, sizeof path, "%s/reader.db", TMPDIR_);
    ps_store *w = NULL, *r = NULL;
    CHECK(ps_store_open(CTX, path, &w) == PRECIS_OK);
    if (!w) return;
    CHECK(ps_store_open_reader(CTX, path, &r) == PRECIS_OK);
    if (!r) {
        ps_store_close(w);
        return;
    }
    ps_stats st;
    CHECK(ps_store_stats(r, &st) == PRECIS_OK && st.articles == 0);
    add_all(w, 3, NULL);
    CHECK(ps_store_stats(r, &st) == PRECIS_OK && st.articles == 3);
    pc_buf out;
    pc_buf_init(&out, 0);
    CHECK(ps_store_search(r, "orchestra", 5, &out) == PRECIS_OK && strstr(out.data, "Tarnholm"));
    out.len = 0;
    ps_list_query q = {.sort = PS_SORT_NEWEST, .limit = 10};
    CHECK(ps_store_list(r, &q, &out) == PRECIS_OK && strstr(out.data, "\"n_sources\""));
    pc_buf_free(&out);
    ps_store *m = NULL;
    CHECK(ps_store_open_reader(CTX, ":memory:", &m) == PRECIS_EINVAL && !m);
    ps_store_close(r);
    ps_store_close(w);
}

/* ---- routes ---------------------------------------------------------- */

typedef struct kv {
    const char *k[4], *v[4];
} kv;

static const char *kv_get(void *user, const char *name)
{
    kv *a = user;
    for (int i = 0; i < 4 && a->k[i]; i++)
        if (!strcmp(a->k[i], name)) return a->v[i];
    return NULL;
}

/* Routes rq; the body into out and the ETag into etag_out (either NULL: not
 * wanted); returns the status. */
static unsigned route(ps_app *app, const ps_request *rq, char *etag_out, pc_buf *out)
{
    ps_response rs;
    ps_response_init(&rs);
    ps_route(app, rq, &rs);
    unsigned code = rs.status;
    if (etag_out) memcpy(etag_out, rs.etag, sizeof rs.etag);
    if (out) {
        out->len = 0;
        pc_buf_append(out, rs.body.data ? rs.body.data : "", rs.body.len);
    }
    ps_response_free(&rs);
    return code;
}

static unsigned call(ps_app *app, const char *method, const char *path, kv *args,
                     const char *ctype, const char *auth, const char *body, pc_buf *out)
{
    ps_request rq = {.method = method, .path = path, .arg = kv_get, .arg_user = args,
                     .content_type = ctype, .authorization = auth, .body = body,
                     .body_len = body ? strlen(body) : 0};
    return route(app, &rq, NULL, out);
}

TEST(routes_status_codes)
{
    ps_app app = {.ctx = CTX, .store = fresh()};
    if (!app.store) return;
    pthread_mutex_init(&app.lock, NULL);
    add_all(app.store, 3, NULL);
    pc_buf out;
    pc_buf_init(&out, 0);
    kv none = {{0}, {0}};
    CHECK(call(&app, "GET", "/api/health", &none, NULL, NULL, NULL, &out) == 200);
    CHECK(strstr(out.data, "\"articles\":3"));
    CHECK(call(&app, "GET", "/api/version", &none, NULL, NULL, NULL, &out) == 200);
    CHECK(call(&app, "GET", "/api/stories/abc", &none, NULL, NULL, NULL, &out) == 404);
    CHECK(strstr(out.data, "{\"error\":{\"code\":\"not_found\""));
    CHECK(call(&app, "GET", "/api/stories/0", &none, NULL, NULL, NULL, NULL) == 404);
    CHECK(call(&app, "GET", "/api/stories/12345", &none, NULL, NULL, NULL, NULL) == 404);
    CHECK(call(&app, "GET", "/api/articles/1", &none, NULL, NULL, NULL, &out) == 200);
    CHECK(call(&app, "GET", "/api/articles/1/raw", &none, NULL, NULL, NULL, NULL) == 404);
    CHECK(call(&app, "DELETE", "/api/stories/1", &none, NULL, NULL, NULL, NULL) == 405);
    CHECK(call(&app, "GET", "/api/articles", &none, NULL, NULL, NULL, NULL) == 405);
    CHECK(call(&app, "GET", "/api/nope", &none, NULL, NULL, NULL, NULL) == 404);
    CHECK(call(&app, "GET", "/api/stories/", &none, NULL, NULL, NULL, NULL) == 404);
    CHECK(call(&app, "GET", "/../etc/passwd", &none, NULL, NULL, NULL, NULL) == 404);
    CHECK(call(&app, "GET", "/api/../api/health", &none, NULL, NULL, NULL, NULL) == 404);
    kv bad_sort = {{"sort"}, {"oldest"}};
    CHECK(call(&app, "GET", "/api/stories", &bad_sort, NULL, NULL, NULL, NULL) == 400);
    kv bad_cursor = {{"cursor"}, {"zz"}};
    CHECK(call(&app, "GET", "/api/stories", &bad_cursor, NULL, NULL, NULL, NULL) == 400);
    kv bad_limit = {{"limit"}, {"1000"}};
    CHECK(call(&app, "GET", "/api/stories", &bad_limit, NULL, NULL, NULL, NULL) == 400);
    kv bad_date = {{"from"}, {"yesterday"}};
    CHECK(call(&app, "GET", "/api/stories", &bad_date, NULL, NULL, NULL, NULL) == 400);
    kv q_syntax = {{"q"}, {"\"(("}};
    CHECK(call(&app, "GET", "/api/search", &q_syntax, NULL, NULL, NULL, NULL) == 400);
    kv q_ok = {{"q"}, {"ferry AND (\""}};
    CHECK(call(&app, "GET", "/api/search", &q_ok, NULL, NULL, NULL, NULL) == 200);
    CHECK(call(&app, "POST", "/api/articles", &none, "image/png", NULL, "x", NULL) == 415);
    CHECK(call(&app, "POST", "/api/articles", &none, "multipart/form-data; boundary=z", NULL, "x", NULL) == 415);
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, "{\"text\":", &out) == 400);
    CHECK(strstr(out.data, "\"message\":\"invalid JSON: ")); /* the reader's words (was the server's "malformed JSON at") */
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, "[1,2]", NULL) == 400);
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, "[1,2", &out) == 400);
    CHECK(strstr(out.data, "\"message\":\"invalid JSON: "));
    /* one object is read as ingest reads it from a file, whatever the type:
     * a wrong-typed field is not used, with the reader's warning (before:
     * 400 "must be a string or null", where ingest kept the article) */
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, "{\"title\":5,\"text\":\"x y\"}", &out) == 201);
    CHECK(strstr(out.data, "\"warnings\":[\"field \\\"title\\\" is a number, not a string: not used\"]"));
    CHECK(call(&app, "POST", "/api/articles", &none, "text/plain", NULL, "{\"title\":5,\"text\":\"x y\"}", &out) == 200);
    CHECK(strstr(out.data, "\"warnings\":[\"field \\\"title\\\" is a number, not a string: not used\"]"));
    /* an id of the client's own is kept whatever it starts with (before, one
     * starting "request" was taken for the server's and dropped) */
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL,
               "{\"id\":\"request-7\",\"text\":\"The Skerrow ferry resumed on Monday.\"}", &out) == 201);
    CHECK(call(&app, "GET", "/api/articles/5", &none, NULL, NULL, NULL, &out) == 200);
    CHECK(strstr(out.data, "\"source_id\":\"request-7\""));
    CHECK(call(&app, "POST", "/api/articles", &none, "text/plain", NULL, "{\"text\":5}", &out) == 400);
    CHECK(strstr(out.data, "\"message\":\"field") && !strstr(out.data, "request:"));
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, "{\"title\":\"no text\"}", NULL) == 400);
    const char *body = "{\"title\":\"Lighthouse keeper retires at Skerrow Point\",\"date\":\"2031-06-01\","
                       "\"text\":\"After forty years the lighthouse keeper of Skerrow Point, Aldo Feyn, "
                       "handed the keys to the coastal trust. The lamp is now automatic.\"}";
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json; charset=utf-8", NULL, body, &out) == 201);
    CHECK(strstr(out.data, "\"id\":\"6\""));
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, body, &out) == 200);
    CHECK(strstr(out.data, "\"duplicate\":true"));
    CHECK(call(&app, "GET", "/api/articles/6/raw", &none, NULL, NULL, NULL, &out) == 200);
    CHECK(out.len == strlen(body));
    /* no type: the body decides (an article object here), as ingest decides a file */
    CHECK(call(&app, "POST", "/api/articles", &none, NULL, NULL,
               "{\"title\":\"Weir gates opened at Pollock Mill\",\"text\":\"The weir gates at Pollock "
               "Mill were opened on Sunday to let the flood water pass, the river board said.\"}", &out) == 201);
    CHECK(strstr(out.data, "\"detected\":\"json\""));
    /* With a token, writes need it; reads do not. */
    app.token = "s3cret";
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, body, NULL) == 401);
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", "Bearer wrong!", body, NULL) == 401);
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", "Bearer s3cret", body, NULL) == 200);
    CHECK(call(&app, "GET", "/api/stories", &none, NULL, NULL, NULL, NULL) == 200);
    pc_buf_free(&out);
    ps_store_close(app.store);
    pthread_mutex_destroy(&app.lock);
}

/* A polling page asks again with the ETag it has: 304 and no body until the
 * answer changes (an article added changes /api/health's count). */
static unsigned call_inm(ps_app *app, const char *path, const char *inm, char *etag_out, pc_buf *out)
{
    kv none = {{0}, {0}};
    ps_request rq = {.method = "GET", .path = path, .arg = kv_get, .arg_user = &none, .if_none_match = inm};
    return route(app, &rq, etag_out, out);
}

TEST(routes_etag_and_304)
{
    ps_app app = {.ctx = CTX, .store = fresh()};
    if (!app.store) return;
    pthread_mutex_init(&app.lock, NULL);
    add_all(app.store, 3, NULL);
    pc_buf out;
    pc_buf_init(&out, 0);
    char tag[24], again[24], inm[80];
    CHECK(call_inm(&app, "/api/stories/1", NULL, tag, &out) == 200);
    CHECK(tag[0] == '"' && strlen(tag) == 18 && out.len > 0);
    CHECK(call_inm(&app, "/api/stories/1", tag, again, &out) == 304);
    CHECK(out.len == 0 && !strcmp(again, tag));
    snprintf(inm, sizeof inm, "\"0000000000000000\", W/%s", tag);
    CHECK(call_inm(&app, "/api/stories/1", inm, again, &out) == 304);
    CHECK(call_inm(&app, "/api/stories/1", "\"0000000000000000\"", again, &out) == 200);
    CHECK(call_inm(&app, "/api/stories/99", tag, again, &out) == 404);
    CHECK(again[0] == '\0'); /* errors carry no ETag */
    CHECK(call_inm(&app, "/api/health", NULL, tag, &out) == 200);
    CHECK(call_inm(&app, "/api/health", tag, again, &out) == 304);
    kv none = {{0}, {0}};
    CHECK(call(&app, "POST", "/api/articles", &none, "text/plain", NULL,
               "Tide mill restored at Penwarrow\n\nThe tide mill at Penwarrow ground flour again on Saturday "
               "after a restoration of six years, the mill trust said.\n", NULL) == 201);
    CHECK(call_inm(&app, "/api/health", tag, again, &out) == 200);
    CHECK(strcmp(again, tag) != 0 && out.len > 0);
    CHECK(ps_etag_matches("*", "\"ab\""));
    CHECK(!ps_etag_matches("\"ab\"", ""));
    CHECK(!ps_etag_matches("\"abc\"", "\"ab\""));
    CHECK(ps_etag_matches(" \"x\" ,\t\"ab\" ", "\"ab\""));
    pc_buf_free(&out);
    ps_store_close(app.store);
    pthread_mutex_destroy(&app.lock);
}

/* The same article object posted and ingested from a JSONL file is one
 * article: both go through the same reader, so the content hash matches. */
/* A browser page of another origin may not write (a text/plain POST needs no
 * preflight), and on loopback a request for another host name (DNS
 * rebinding) is refused; curl without Origin is unaffected. */
static unsigned call_from(ps_app *app, const char *method, const char *path, const char *host,
                          const char *origin, const char *fetch_site, const char *body)
{
    kv none = {{0}, {0}};
    ps_request rq = {.method = method, .path = path, .arg = kv_get, .arg_user = &none,
                     .content_type = "text/plain", .host = host, .origin = origin,
                     .fetch_site = fetch_site, .body = body, .body_len = body ? strlen(body) : 0};
    ps_response rs;
    ps_response_init(&rs);
    ps_route(app, &rq, &rs);
    unsigned code = rs.status;
    ps_response_free(&rs);
    return code;
}

TEST(routes_refuse_other_origins_and_hosts)
{
    ps_app app = {.ctx = CTX, .store = fresh(), .local_only = true};
    if (!app.store) return;
    pthread_mutex_init(&app.lock, NULL);
    const char *t1 = "Sluice gates jam at Ormond weir\n\nThe sluice gates at Ormond weir jammed on Sunday "
                     "and the river board sent engineers, a spokesman said.\n";
    const char *t2 = "Ormond weir gates freed\n\nEngineers freed the jammed sluice gates at Ormond weir on "
                     "Monday, the river board said, and the water level fell.\n";
    const char *t3 = "Ormond weir reopens to boats\n\nBoats passed the Ormond weir again on Tuesday after "
                     "the sluice gates were repaired, the river board said.\n";
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", "http://evil.example", "cross-site", t1) == 403);
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", "http://evil.example", NULL, t1) == 403);
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", "http://127.0.0.1:3000", NULL, t1) == 403);
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", "null", NULL, t1) == 403);
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", NULL, "same-site", t1) == 403);
    ps_stats st;
    CHECK(ps_store_stats(app.store, &st) == PRECIS_OK && st.articles == 0);
    /* the page's own POST, and curl's (no Origin) */
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", "http://127.0.0.1:8080", "same-origin", t1) == 201);
    CHECK(call_from(&app, "POST", "/api/articles", "localhost:8080", "http://LOCALHOST:8080", NULL, t2) == 201);
    CHECK(call_from(&app, "POST", "/api/articles", "127.0.0.1:8080", NULL, NULL, t3) == 201);
    /* DNS rebinding: evil.example resolves to 127.0.0.1; same-origin for the browser */
    CHECK(call_from(&app, "GET", "/api/stories", "evil.example:8080", NULL, NULL, NULL) == 403);
    CHECK(call_from(&app, "GET", "/", "evil.example:8080", NULL, NULL, NULL) == 403);
    CHECK(call_from(&app, "POST", "/api/articles", "evil.example:8080", "http://evil.example:8080", "same-origin", t1) == 403);
    CHECK(call_from(&app, "GET", "/api/health", "127.0.0.1", NULL, NULL, NULL) == 200);
    CHECK(call_from(&app, "GET", "/api/health", "127.1.2.3:80", NULL, NULL, NULL) == 200);
    CHECK(call_from(&app, "GET", "/api/health", "[::1]:8080", NULL, NULL, NULL) == 200);
    CHECK(call_from(&app, "GET", "/api/health", "news.localhost:8080", NULL, NULL, NULL) == 200);
    CHECK(call_from(&app, "GET", "/api/health", "localhost.", NULL, NULL, NULL) == 200);
    CHECK(call_from(&app, "GET", "/api/health", NULL, NULL, NULL, NULL) == 200); /* HTTP/1.0 without Host */
    CHECK(call_from(&app, "GET", "/api/health", "127.0.0.1.evil.example", NULL, NULL, NULL) == 403);
    CHECK(call_from(&app, "GET", "/api/health", "localhost.evil.example", NULL, NULL, NULL) == 403);
    CHECK(call_from(&app, "GET", "/api/health", "[::1].evil:80", NULL, NULL, NULL) == 403);
    CHECK(call_from(&app, "GET", "/api/health", "", NULL, NULL, NULL) == 403);
    /* bound to a public address (with a token): any Host is answered */
    app.local_only = false;
    CHECK(call_from(&app, "GET", "/api/health", "news.example:8080", NULL, NULL, NULL) == 200);
    CHECK(call_from(&app, "POST", "/api/articles", "news.example", "https://other.example", NULL, t1) == 403);
    CHECK(ps_host_is_loopback("127.0.0.1:8080") && !ps_host_is_loopback("::1") && ps_host_is_loopback("[::1]"));
    pthread_mutex_destroy(&app.lock);
    ps_store_close(app.store);
}

/* from/to: a date or a date-time whose every part is in range (before, the
 * time part was any run of digits and ":.+-Z": "T25:99" and "T1" passed). */
TEST(valid_date_checks_the_time)
{
    static const char *const GOOD[] = {"2031", "2031-11", "2031-11-14", "2031-11-14T09", "2031-11-14T09:30",
                                       "2031-11-14T09:30:15", "2031-11-14T23:59:60", "2031-11-14T09:30:15.250Z",
                                       "2031-11-14T09:30Z", "2031-11-14T09:30+01:00", "2031-11-14T09:30-0530",
                                       "2031-11-14T09+01"};
    static const char *const BAD[] = {"2031-11-14T", "2031-11-14T1", "2031-11-14T25:00", "2031-11-14T09:99",
                                      "2031-11-14T09:30:61", "2031-11-14T09:30:15.", "2031-11-14T09:30ZZ",
                                      "2031-11-14T09:30+25:00", "2031-11-14T09:30+01:75", "2031-11-14T09::30",
                                      "2031-11-14T09:30:15:10", "2031-11-14T0930", "2031-11-14T09:30+1",
                                      "2031-02-30", "2031-13"};
    for (size_t i = 0; i < sizeof GOOD / sizeof *GOOD; i++) CHECK(ps_valid_date(GOOD[i]));
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) CHECK(!ps_valid_date(BAD[i]));
}

TEST(post_and_ingest_agree)
{
    ps_app app = {.ctx = CTX, .store = fresh()};
    if (!app.store) return;
    pthread_mutex_init(&app.lock, NULL);
    const char *line = "{\"id\":\"k1\",\"title\":\"Kiln fire closes Marrow Lane pottery\","
                       "\"date\":\"14 March 2031\",\"text\":\"A kiln fire closed the Marrow Lane "
                       "pottery on Thursday. Firefighters from Dunhallow put it out within an hour and "
                       "nobody was hurt, the owner said.\"}";
    char path[300];
    snprintf(path, sizeof path, "%s/one.jsonl", TMPDIR_);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(line, f);
        fputc('\n', f);
        fclose(f);
    }
    ps_ingest_counts c = {0};
    CHECK(ps_store_ingest(app.store, path, &c, NULL, NULL) == PRECIS_OK && c.added == 1);
    ps_ingest_counts_free(&c);
    CHECK(ps_store_refresh(app.store, NULL) == PRECIS_OK);
    pc_buf out;
    pc_buf_init(&out, 0);
    kv none = {{0}, {0}};
    CHECK(call(&app, "POST", "/api/articles", &none, "application/json", NULL, line, &out) == 200);
    CHECK(out.data && strstr(out.data, "\"duplicate\":true"));
    CHECK(call(&app, "GET", "/api/articles/1", &none, NULL, NULL, NULL, &out) == 200);
    CHECK(out.data && strstr(out.data, "\"date\":\"2031-03-14\"")); /* normalised */
    CHECK(out.data && strstr(out.data, "\"source_id\":\"k1\""));
    pc_buf_free(&out);
    ps_store_close(app.store);
    pthread_mutex_destroy(&app.lock);
}

/* The stories an ingest touched: each once, in the order first touched,
 * across inputs sharing one count; the set behind it holds as many. */
TEST(ingest_touched_stories_distinct)
{
    ps_store *s = fresh();
    if (!s) return;
    const char *topics[3][2] = {
        {"Kiln fire closes the Marrow Lane pottery in Dunhallow", "Firefighters from Dunhallow put the kiln fire out"},
        {"Orvell ferry Tamsin Grey runs aground off Skerrow Point", "The Tamsin Grey ferry was refloated off Skerrow"},
        {"Brackwater council votes to rebuild the Pellham footbridge", "Pellham footbridge rebuilding approved by Brackwater"},
    };
    char path[300];
    snprintf(path, sizeof path, "%s/touch.jsonl", TMPDIR_);
    ps_ingest_counts c = {0};
    for (int round = 0; round < 2; round++) {
        FILE *f = fopen(path, "w");
        if (!f) break;
        for (int k = 0; k < 3; k++) /* interleaved: 0 1 2, each story again in round 2 */
            fprintf(f, "{\"id\":\"t%d%d\",\"date\":\"2031-03-1%d\",\"title\":\"%s\",\"text\":\"%s. %s, "
                       "the officials of %s said on Monday.\"}\n",
                    round, k, round + 2, topics[k][round], topics[k][round], topics[k][1 - round], topics[k][0]);
        fclose(f);
        CHECK(ps_store_ingest(s, path, &c, NULL, NULL) == PRECIS_OK);
    }
    CHECK(c.added == 6);
    CHECK(c.touched == c.n_stories && c.n_stories >= 1 && c.n_stories <= 6);
    CHECK(c.seen.n == c.n_stories);
    for (size_t i = 0; i < c.n_stories; i++)
        for (size_t j = i + 1; j < c.n_stories; j++) CHECK(c.stories[i] != c.stories[j]);
    for (size_t i = 0; i < c.n_stories; i++) CHECK(pc_map_get(&c.seen, (uint64_t)c.stories[i], NULL, NULL) == i);
    ps_ingest_counts_free(&c);
    CHECK(c.n_stories == 0 && c.seen.n == 0);
    ps_store_close(s);
}

TEST(json_html_safe)
{
    size_t n;
    char *s = ps_json_html_safe("{\"t\":\"<script>&\"}", 17, &n);
    CHECK_STR(s, "{\"t\":\"\\u003cscript\\u003e\\u0026\"}");
    CHECK(n == strlen(s));
    free(s);
}

int main(void)
{
    CTX = precis_new(NULL);
    snprintf(TMPDIR_, sizeof TMPDIR_, "/tmp/precis_test_store_XXXXXX");
    if (!mkdtemp(TMPDIR_)) return 1;
    RUN(open_memory_schema);
    RUN(add_is_idempotent);
    RUN(empty_article_rejected);
    RUN(long_title_capped_raw_kept);
    RUN(story_json_after_refresh);
    RUN(pagination_and_sort);
    RUN(date_filter);
    RUN(cursor_roundtrip_and_garbage);
    RUN(fts_query_is_quoted);
    RUN(search_finds_and_never_errs_on_syntax);
    RUN(reopen_replays_clusterer);
    RUN(rollback_rebuilds_clusterer);
    RUN(stale_job_not_saved);
    RUN(reader_sees_commits);
    RUN(routes_status_codes);
    RUN(routes_etag_and_304);
    RUN(routes_refuse_other_origins_and_hosts);
    RUN(valid_date_checks_the_time);
    RUN(post_and_ingest_agree);
    RUN(ingest_touched_stories_distinct);
    RUN(json_html_safe);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", TMPDIR_);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", TMPDIR_);
    precis_free(CTX);
    return test_done();
}
