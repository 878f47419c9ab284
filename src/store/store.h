/* store.h — the persistent store (SQLite): articles with their raw input,
 * story membership, stories with their JSON (recomputed when they change),
 * entities for filtering and an FTS5 index for search. Internal (ps_ prefix).
 *
 * Durability: WAL journal with synchronous=FULL, so a transaction whose
 * commit returned is on disk (the WAL is fsynced at every commit); kill -9 or
 * a power cut loses nothing acknowledged. One process at a time owns a store
 * (an flock on the database file, taken at open), because the clusterer's
 * state lives in that process's memory; within it, read-only connections
 * (ps_store_open_reader) read concurrently with the writer through WAL.
 *
 * The stream clusterer keeps only in-memory state; at open it is rebuilt by
 * replaying every stored article in arrival order (precis_stream_add is
 * deterministic for a given order), and any story whose membership differs
 * from what is stored (a changed clustering) is corrected and recomputed. */
#ifndef PRECIS_STORE_H
#define PRECIS_STORE_H

#include "core/core.h"

#define PS_SCHEMA_VERSION 1
/* Metadata caps: a longer field is cut at the last whole UTF-8 character
 * within the cap and "…" is appended; the article's "truncated" lists the
 * fields cut. The raw input is kept whole (GET /api/articles/{id}/raw). */
#define PS_MAX_META 1024     /* title, site, author, lang, date */
#define PS_MAX_URL 8192
#define PS_MAX_RAW (16 * PC_MiB) /* raw input kept per article */

typedef struct ps_store ps_store;

/* Opens (creating and migrating as needed) the store at path; NULL or
 * ":memory:" = a private in-memory store. ctx is borrowed for the store's
 * lifetime (clustering, story building, messages). */
precis_status ps_store_open(precis_ctx *ctx, const char *path, ps_store **out);
void ps_store_close(ps_store *s);
/* A read-only connection to the file store at path, opened by this process
 * with ps_store_open: only the query functions below may be used on it. */
precis_status ps_store_open_reader(precis_ctx *ctx, const char *path, ps_store **out);
/* The context given at open. */
precis_ctx *ps_store_ctx(ps_store *s);

typedef struct ps_added {
    int64_t id;      /* article id (arrival sequence, from 1) */
    int64_t story;   /* story id (from 1) */
    bool duplicate;  /* the same content was already stored: nothing added */
} ps_added;

/* Batches: add many articles in one transaction (one fsync). Without
 * ps_store_begin, each ps_store_add commits on its own. */
precis_status ps_store_begin(ps_store *s);
precis_status ps_store_commit(ps_store *s);
void ps_store_rollback(ps_store *s);

/* Adds one article (idempotent by content hash over its fields). raw is the
 * input it came from (may be NULL), raw_type its media type. The story it
 * joins is marked for recomputation (ps_store_refresh). PRECIS_EEMPTY: the
 * article has no words (rejected); PRECIS_EINVAL: no text. */
precis_status ps_store_add(ps_store *s, const precis_article *a, const char *raw, size_t raw_len,
                           const char *raw_type, ps_added *out);
/* Keeps raw as the raw input of article id (ingest of one-article files). */
precis_status ps_store_set_raw(ps_store *s, int64_t id, const char *raw, size_t raw_len,
                               const char *raw_type);
/* Recomputes every story marked as changed (story JSON, headline, entities,
 * search index), each in its own transaction. *n (may be NULL) = how many. */
precis_status ps_store_refresh(ps_store *s, size_t *n);

/* Recomputes one story if it is marked. */
precis_status ps_store_refresh_story(ps_store *s, int64_t story);
/* The first marked story with an id above `after`, or 0. */
int64_t ps_store_next_dirty(ps_store *s, int64_t after);
/* Articles in a story (0 when there is no such story). */
int64_t ps_store_story_size(ps_store *s, int64_t story);

/* Recomputing in three steps, so the slow middle one can run without the
 * store (another thread, its own context): load the story's articles, build
 * its JSON (no store access), save it — unless an article joined the story
 * meanwhile (*saved false: it stays marked). */
typedef struct ps_story_job ps_story_job;
precis_status ps_job_load(ps_store *s, int64_t story, ps_story_job **out);
precis_status ps_job_build(precis_ctx *ctx, ps_story_job *job);
precis_status ps_job_save(ps_store *s, ps_story_job *job, bool *saved);
int64_t ps_job_story(const ps_story_job *job);
void ps_job_free(ps_story_job *job);

/* ---- ingesting inputs (ingest.c) -------------------------------------- */
typedef struct ps_ingest_counts {
    size_t added, duplicates, rejected; /* articles (rejected: named through warn) */
    size_t refused;                     /* of the rejected: malformed or over a limit, not
                                           merely without text (docs/cli.md) */
    size_t bad_inputs;                  /* inputs that could not be read, wholly or in part */
    size_t empty_inputs;                /* inputs read that held no article */
    size_t touched;                     /* distinct stories that got an article */
    int64_t *stories;                   /* internal: touched story ids, in first-touch order */
    size_t n_stories, cap_stories;
    pc_map seen;                        /* internal: story id -> index in stories (a zeroed
                                           map is empty); O(1) per article, not O(stories) */
    bool seen_failed;                   /* internal: the map ran out of memory: linear scan */
} ps_ingest_counts;
typedef void (*ps_warn_fn)(void *user, const char *message);
/* Reads every article of one input (precis_articles_read: file, directory
 * entry, "-", JSONL, WARC, HTML, text) into the store in one transaction and
 * adds to the counts. Bad parts and rejected articles are reported through
 * warn and counted; the status is PRECIS_OK unless the store failed. An
 * input that yields a single article keeps its bytes as the raw input.
 * Stories are not recomputed here: call ps_store_refresh after a batch. */
precis_status ps_store_ingest(ps_store *s, const char *path, ps_ingest_counts *c, ps_warn_fn warn,
                              void *user);

/* What a POST adds to an ingest (ps_store_ingest_mem, ps_store_ingest_one). */
typedef struct ps_ingest_opts {
    const char *url;         /* the address of a one-article input without its own; may be NULL */
    const char *raw;         /* kept as the raw input when the input yields exactly one article */
    size_t raw_len;
    const char *raw_type;
    size_t max_articles;     /* 0 = no cap; past it nothing is stored: PRECIS_ELIMIT */
    ps_added *items;         /* NULL, or room for max_articles results, in input order */
    size_t n_items;          /* out: articles stored or found duplicate */
    precis_status read_status; /* out: the reader's status (PRECIS_EEMPTY: no article) */
} ps_ingest_opts;
/* ps_store_ingest over data in memory (name names it in ids and messages),
 * with POST's extras: the same reader, the same date window, one transaction. */
precis_status ps_store_ingest_mem(ps_store *s, const char *name, const char *data, size_t len,
                                  ps_ingest_opts *o, ps_ingest_counts *c, ps_warn_fn warn, void *user);
/* One article already read (a page extracted with its charset, a validated
 * JSON object) through the same date window and store step. */
precis_status ps_store_ingest_one(ps_store *s, const precis_article *a, ps_ingest_opts *o,
                                  ps_ingest_counts *c, ps_warn_fn warn, void *user);
void ps_ingest_counts_free(ps_ingest_counts *c);

/* ---- queries: JSON appended to out ------------------------------------ */
enum { PS_SORT_NEWEST = 'n', PS_SORT_BIGGEST = 'b' };

/* Position after the last story of a page: its sort key and id. */
typedef struct ps_cursor {
    char sort;       /* PS_SORT_NEWEST or PS_SORT_BIGGEST */
    char key[64];    /* last_date (newest) or n_sources in decimal (biggest) */
    int64_t id;
} ps_cursor;
/* Cursor text: lowercase hex of "<sort>|<key>|<id>" (URL-safe, opaque). */
precis_status ps_cursor_encode(const ps_cursor *c, pc_buf *out);
/* PRECIS_EPARSE for anything that ps_cursor_encode did not make. */
precis_status ps_cursor_decode(const char *s, size_t len, ps_cursor *c);

typedef struct ps_list_query {
    char sort;           /* PS_SORT_NEWEST (default) or PS_SORT_BIGGEST */
    const char *entity;  /* stories naming this entity (case-insensitive); NULL = all */
    const char *from;    /* stories with an article dated on/after from (ISO prefix); NULL */
    const char *to;      /* ... and one dated on/before to; NULL */
    size_t limit;        /* 1..100 */
    const ps_cursor *after; /* NULL = first page; its sort must equal sort */
} ps_list_query;

/* {"stories": [story...], "next": cursor|null} */
precis_status ps_store_list(ps_store *s, const ps_list_query *q, pc_buf *out);
/* The story object; PRECIS_EEMPTY when there is no such story. */
precis_status ps_store_story(ps_store *s, int64_t id, pc_buf *out);
/* The article object (with text); PRECIS_EEMPTY when absent. */
precis_status ps_store_article(ps_store *s, int64_t id, pc_buf *out);
/* The raw input of an article (bytes) and its media type (static or into
 * type_buf); PRECIS_EEMPTY when absent or not kept. */
precis_status ps_store_article_raw(ps_store *s, int64_t id, pc_buf *out, char *type_buf,
                                   size_t type_cap);
/* {"query", "stories": [...], "articles": [...]} for a user query (any text:
 * it is turned into quoted FTS5 terms). PRECIS_EINVAL when it has no term. */
precis_status ps_store_search(ps_store *s, const char *query, size_t limit, pc_buf *out);
/* The user query as safe FTS5 syntax: every term quoted, a trailing '*' kept
 * as a prefix search; terms are ANDed. PRECIS_EINVAL: no term, or over 1 KiB
 * or 32 terms. */
precis_status ps_fts_query(const char *q, size_t len, pc_buf *out);

typedef struct ps_stats {
    int64_t articles, stories;
    int schema;
} ps_stats;
precis_status ps_store_stats(ps_store *s, ps_stats *st);
/* PRAGMA integrity_check plus consistency of counts and the search index;
 * appends "ok" or the problems, one per line. PRECIS_EPARSE when not ok. */
precis_status ps_store_check(ps_store *s, pc_buf *report);

#endif
