/* Ingesting whole inputs into the store (precis ingest, precis serve INPUT). */
#include "store/store.h"
#include "story/story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ingest_run {
    ps_store *s;
    ps_ingest_counts *c;
    ps_warn_fn warn;
    void *user;
    precis_status fatal;
    size_t n_seen;   /* articles this input yielded */
    size_t n_named;  /* parts skipped and named through on_bad */
    int64_t last_id; /* the last one added */
    precis_date_window *dates;
    ps_ingest_opts *o; /* NULL for precis ingest */
} ingest_run;

static void say(ingest_run *r, const char *fmt, const char *a, const char *b)
{
    if (!r->warn) return;
    char msg[1200];
    snprintf(msg, sizeof msg, fmt, a, b);
    r->warn(r->user, msg);
}

/* Records that story got an article: the distinct stories, in the order
 * first touched. A hash set (story id -> index) makes it O(1) per article;
 * before, a scan of every story touched so far made one big ingest
 * O(articles x stories). Should the set fail to grow, the scan is used. */
static void touch(ps_ingest_counts *c, int64_t story)
{
    if (c->seen_failed) {
        for (size_t i = 0; i < c->n_stories; i++)
            if (c->stories[i] == story) return;
    } else if (pc_map_get(&c->seen, (uint64_t)story, NULL, NULL) != PC_MAP_NONE) {
        return;
    }
    if (c->n_stories >= PC_MAP_NONE ||
        pc_grow(&c->stories, &c->cap_stories, c->n_stories + 1, sizeof *c->stories, 64))
        return; /* the count is informational */
    if (!c->seen_failed && pc_map_add(&c->seen, (uint64_t)story, (uint32_t)c->n_stories) != PRECIS_OK)
        c->seen_failed = true; /* the ids are all in stories[]: the scan finds them */
    c->stories[c->n_stories++] = story;
    c->touched = c->n_stories;
}

static precis_status store_article(void *user, const precis_article *a)
{
    ingest_run *r = user;
    r->n_seen++;
    if (r->o && r->o->max_articles && r->n_seen > r->o->max_articles) {
        /* all or nothing: the transaction is rolled back by the caller */
        r->fatal = PRECIS_ELIMIT;
        return pc_fail(pc_ctx_err(ps_store_ctx(r->s)), PRECIS_ELIMIT, NULL, 0,
                       "over %zu articles in one input", r->o->max_articles);
    }
    if (a->warning) say(r, "%s%s", a->warning, "");
    if (a->date_note) { /* a yearless dateline: how it was read, or why not */
        char head[600];
        snprintf(head, sizeof head, "%.500s: %s%.40s%s", a->id, a->date ? "dated " : "", a->date ? a->date : "",
                 a->date ? " " : "");
        say(r, "%s%s", head, a->date_note);
    }
    ps_added added;
    precis_status st = ps_store_add(r->s, a, NULL, 0, NULL, &added);
    if (st == PRECIS_OK) {
        if (r->o && r->o->items) r->o->items[r->o->n_items++] = added;
        if (added.duplicate) {
            r->c->duplicates++;
        } else {
            r->c->added++;
            r->last_id = added.id;
            touch(r->c, added.story);
        }
        return PRECIS_OK;
    }
    if (st == PRECIS_EEMPTY || st == PRECIS_ELIMIT || st == PRECIS_EINVAL || st == PRECIS_EPARSE) {
        r->c->rejected++;
        if (st != PRECIS_EEMPTY) r->c->refused++;
        /* the store's message names the article already ("ID: reason") */
        const char *id = a->id ? a->id : "article", *m = precis_errmsg(ps_store_ctx(r->s));
        size_t idn = strlen(id);
        if (!strncmp(m, id, idn) && m[idn] == ':' && m[idn + 1] == ' ')
            say(r, "%s%s", m, " (skipped)");
        else
            say(r, "%s: %s (skipped)", id, m);
        return PRECIS_OK;
    }
    r->fatal = st;
    return st;
}

/* Each article goes through the date window first: an ambiguous
 * "03/04/2026" is settled by the input's other dates, as precis digest
 * settles it. The window is the input's own, so that an input ingested again
 * gets the same dates (the same content hash: still a duplicate). */
static precis_status on_article(void *user, const precis_article *a)
{
    ingest_run *r = user;
    if (r->o && r->o->url && *r->o->url && !a->url) { /* before the window: a .uk address settles 03/04 */
        precis_article b = *a;
        b.url = r->o->url;
        return precis_date_window_add(r->dates, &b);
    }
    return precis_date_window_add(r->dates, a);
}

static void on_bad(void *user, const char *message)
{
    ingest_run *r = user;
    r->c->rejected++;
    r->n_named++;
    if (r->warn) r->warn(r->user, message);
}

static const char *guess_type(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t')) i++;
    if (len - i >= 5 && !memcmp(data + i, "WARC/", 5)) return "application/warc";
    if (i < len && data[i] == '{') return "application/json";
    if (i < len && data[i] == '<') return "text/html";
    return "text/plain; charset=utf-8";
}

/* The steps every ingest shares: the date window and one transaction. */
static precis_status run_begin(ingest_run *r)
{
    precis_status st = precis_date_window_new(store_article, r, &r->dates);
    if (st) return st;
    if ((st = ps_store_begin(r->s))) {
        precis_date_window_free(r->dates);
        r->dates = NULL;
    }
    return st;
}

/* Ends the window and counts what the reader said (st) about the input;
 * PRECIS_OK unless the store failed (then rolled back). The transaction is
 * left open for the caller's raw input and commit. */
static precis_status run_end(ingest_run *r, precis_status st, const char *name)
{
    if (!r->fatal) { /* the articles still held; a failure of the store is fatal */
        precis_status wst = precis_date_window_end(r->dates);
        if (wst && !r->fatal) r->fatal = wst;
    }
    precis_date_window_free(r->dates);
    r->dates = NULL;
    if (r->o) r->o->read_status = st;
    if (r->fatal) {
        ps_store_rollback(r->s);
        return r->fatal;
    }
    ps_ingest_counts *c = r->c;
    precis_ctx *ctx = ps_store_ctx(r->s);
    if (st == PRECIS_EEMPTY || st == PRECIS_EIO || st == PRECIS_EPARSE || st == PRECIS_ELIMIT) {
        /* EPARSE/ELIMIT: a part refused (already named) or the whole input over a limit */
        if (st == PRECIS_EEMPTY)
            c->empty_inputs++;
        else
            c->bad_inputs++;
        if (r->warn && !r->n_named) {
            const char *m = precis_errmsg(ctx);
            char msg[1200];
            pc_snprintf(msg, sizeof msg, "%s", m && *m ? m : precis_strerror(st));
            if (st == PRECIS_EEMPTY && !strstr(msg, name))
                pc_snprintf(msg, sizeof msg, "%s: no article found", name);
            r->warn(r->user, msg);
        }
    } else if (st) {
        ps_store_rollback(r->s);
        return st;
    }
    return PRECIS_OK;
}

/* One article from one input: its bytes are its raw input. */
static bool one_article(const ingest_run *r, size_t added_before)
{
    return r->n_seen == 1 && r->c->added == added_before + 1;
}

precis_status ps_store_ingest(ps_store *s, const char *path, ps_ingest_counts *c, ps_warn_fn warn,
                              void *user)
{
    ingest_run r = {.s = s, .c = c, .warn = warn, .user = user};
    size_t added_before = c->added;
    precis_status st = run_begin(&r);
    if (st) return st;
    st = run_end(&r, precis_articles_read(ps_store_ctx(s), path, on_article, on_bad, &r), path);
    if (st) return st;
    /* Only a regular file is read again: opening a pipe (`ingest <(cat
     * a.txt)`) a second time waited for a writer forever. */
    if (one_article(&r, added_before) && pc_is_regular(path)) {
        pc_buf raw;
        pc_buf_init(&raw, 0);
        pc_error e = {0};
        if (pc_read_input_raw(path, PS_MAX_RAW, &raw, &e) == PRECIS_OK)
            ps_store_set_raw(s, r.last_id, raw.data ? raw.data : "", raw.len,
                             guess_type(raw.data ? raw.data : "", raw.len));
        pc_buf_free(&raw);
    }
    return ps_store_commit(s);
}

static precis_status finish_post(ingest_run *r, size_t added_before)
{
    ps_ingest_opts *o = r->o;
    if (o && o->raw && one_article(r, added_before)) {
        precis_status st = ps_store_set_raw(r->s, r->last_id, o->raw, o->raw_len,
                                            o->raw_type ? o->raw_type : guess_type(o->raw, o->raw_len));
        if (st) {
            ps_store_rollback(r->s);
            return st;
        }
    }
    return ps_store_commit(r->s);
}

precis_status ps_store_ingest_mem(ps_store *s, const char *name, const char *data, size_t len,
                                  ps_ingest_opts *o, ps_ingest_counts *c, ps_warn_fn warn, void *user)
{
    ingest_run r = {.s = s, .c = c, .warn = warn, .user = user, .o = o};
    size_t added_before = c->added;
    precis_status st = run_begin(&r);
    if (st) return st;
    st = pst_articles_read_mem(ps_store_ctx(s), name, data ? data : "", data ? len : 0, on_article, on_bad, &r);
    if ((st = run_end(&r, st, name))) return st;
    return finish_post(&r, added_before);
}

precis_status ps_store_ingest_one(ps_store *s, const precis_article *a, ps_ingest_opts *o,
                                  ps_ingest_counts *c, ps_warn_fn warn, void *user)
{
    ingest_run r = {.s = s, .c = c, .warn = warn, .user = user, .o = o};
    size_t added_before = c->added;
    precis_status st = run_begin(&r);
    if (st) return st;
    st = on_article(&r, a);
    if (st && !r.fatal) r.fatal = st; /* the window held nothing it could not pass on */
    if ((st = run_end(&r, PRECIS_OK, a->id ? a->id : "article"))) return st;
    return finish_post(&r, added_before);
}

void ps_ingest_counts_free(ps_ingest_counts *c)
{
    free(c->stories);
    c->stories = NULL;
    c->n_stories = c->cap_stories = 0;
    pc_map_free(&c->seen);
    c->seen_failed = false;
}
