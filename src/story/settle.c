/* Settling ambiguous numeric dates ("03/04/2026") in a stream of articles
 * (precis cluster, precis ingest) as precis digest settles its whole input:
 * precis_articles_settle_dates over the unambiguous dates around it. A stream
 * cannot wait for its end, so an ambiguous article is held, with the ones
 * after it, until PRECIS_DATE_WINDOW more have arrived (or the input ends),
 * and weighed against the unambiguous dates of those and of the
 * PRECIS_DATE_WINDOW passed on before it. Memory stays bounded: at most that
 * many articles are held, and fewer when they pass PRECIS_DATE_WINDOW_BYTES. */
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

#define ISO_CAP 48 /* pt_date_iso's longest form is 25 bytes */
#define SITE_CAP 128 /* a longer site is no evidence of its date order */

typedef struct held {
    precis_article a; /* its strings live in mem, or in dl */
    char *mem;
    size_t bytes;
    pst_dateline dl;  /* a yearless dateline's reading (a.date, a.date_note) */
} held;

struct precis_date_window {
    precis_article_fn fn;
    void *user;
    held *q;            /* q[0] is ambiguous whenever n > 0 */
    size_t n, cap, bytes;
    char seen[PRECIS_DATE_WINDOW][ISO_CAP]; /* ring: the last unambiguous dates passed on */
    char seen_site[PRECIS_DATE_WINDOW][SITE_CAP]; /* their sites ("" none or too long) */
    int seen_order[PRECIS_DATE_WINDOW];           /* and how they printed their dates */
    size_t n_seen, next_seen;
};

precis_status precis_date_window_new(precis_article_fn fn, void *user, precis_date_window **out)
{
    *out = NULL;
    if (!fn) return PRECIS_EINVAL;
    precis_date_window *w = calloc(1, sizeof *w);
    if (!w) return PRECIS_ENOMEM;
    w->fn = fn;
    w->user = user;
    *out = w;
    return PRECIS_OK;
}

void precis_date_window_free(precis_date_window *w)
{
    if (!w) return;
    for (size_t i = 0; i < w->n; i++) free(w->q[i].mem);
    free(w->q);
    free(w);
}

static void remember(precis_date_window *w, const precis_article *a)
{
    const char *date = a->date;
    if (!date || strlen(date) >= ISO_CAP) return;
    strcpy(w->seen[w->next_seen], date);
    /* the site's date order, evidence for its later ambiguous dates */
    bool fits = a->date_order && pst_order_key(a, w->seen_site[w->next_seen], SITE_CAP);
    if (!fits) w->seen_site[w->next_seen][0] = 0;
    w->seen_order[w->next_seen] = fits ? a->date_order : 0;
    w->next_seen = (w->next_seen + 1) % PRECIS_DATE_WINDOW;
    if (w->n_seen < PRECIS_DATE_WINDOW) w->n_seen++;
}

/* Does article a wait for the dates around it: an ambiguous date, or none
 * but a yearless wire dateline (precis_articles_date_datelines)? */
static bool waits(const precis_article *a)
{
    pst_dateline r;
    return a->date_alt || (!a->date_note && pst_dateline_read(a, NULL, 0, "", &r));
}

/* Passes a on (an unambiguous date is remembered as evidence; a settled one
 * is not, as digest weighs only unambiguous dates, nor one read from a
 * dateline). */
static precis_status pass(precis_date_window *w, const precis_article *a, bool evidence)
{
    if (evidence && !a->date_note) remember(w, a);
    return w->fn(w->user, a);
}

static char *put(char **p, const char *s, size_t n)
{
    if (!s) return NULL;
    char *d = *p;
    memcpy(d, s, n);
    d[n] = '\0';
    *p += n + 1;
    return d;
}

static precis_status hold(precis_date_window *w, const precis_article *a)
{
    /* every string is the caller's for its call only: the reader's warning too */
    const char *f[] = {a->id, a->url, a->site, a->title, a->author, a->lang, a->date, a->date_alt, a->warning,
                       a->date_note};
    enum { NF = sizeof f / sizeof *f };
    size_t len[NF], total = (a->text ? a->text_len : 0) + 1;
    for (size_t i = 0; i < NF; i++) total += f[i] ? (len[i] = strlen(f[i])) + 1 : (len[i] = 0);
    if (pc_grow(&w->q, &w->cap, w->n + 1, sizeof *w->q, 16)) return PRECIS_ENOMEM;
    char *mem = malloc(total), *p = mem;
    if (!mem) return PRECIS_ENOMEM;
    held *h = &w->q[w->n++];
    h->mem = mem;
    h->bytes = total;
    h->a = *a;
    const char **dst[] = {&h->a.id, &h->a.url, &h->a.site, &h->a.title, &h->a.author, &h->a.lang,
                          &h->a.date, &h->a.date_alt, &h->a.warning, &h->a.date_note};
    for (size_t i = 0; i < NF; i++) *dst[i] = put(&p, f[i], len[i]);
    h->a.text = a->text ? put(&p, a->text, a->text_len) : NULL;
    w->bytes += total;
    return PRECIS_OK;
}

/* Dates q[0], undated but for a yearless dateline, by the remembered dates
 * and the unambiguous ones held after it (precis_articles_date_datelines). */
static precis_status date_front(precis_date_window *w)
{
    int64_t *days = malloc((w->n_seen + w->n + 1) * sizeof *days);
    if (!days) return PRECIS_ENOMEM;
    size_t nd = 0;
    for (size_t i = 0; i < w->n_seen; i++)
        if (pst_iso_day(w->seen[i], &days[nd])) nd++;
    for (size_t i = 1; i < w->n; i++)
        if (!w->q[i].a.date_alt && !w->q[i].a.date_note && pst_iso_day(w->q[i].a.date, &days[nd])) nd++;
    held *h = &w->q[0];
    pst_dateline_read(&h->a, days, nd, "the year of the articles around it", &h->dl);
    free(days);
    h->a.date_note = h->dl.note;
    if (h->dl.dated) h->a.date = h->dl.iso;
    return PRECIS_OK;
}

/* Settles q[0] over the remembered dates and the unambiguous ones held after it. */
static precis_status settle_front(precis_date_window *w)
{
    if (!w->q[0].a.date_alt) return date_front(w);
    precis_article *arr = calloc(1 + w->n_seen + w->n, sizeof *arr);
    if (!arr) return PRECIS_ENOMEM;
    size_t m = 0;
    arr[m++] = w->q[0].a;
    for (size_t i = 0; i < w->n_seen; i++, m++) {
        arr[m].date = w->seen[i];
        if (w->seen_site[i][0]) { /* the site's key, as pst_order_key wrote it */
            arr[m].site = w->seen_site[i];
            arr[m].date_order = w->seen_order[i];
        }
    }
    for (size_t i = 1; i < w->n; i++)
        if (!w->q[i].a.date_alt && w->q[i].a.date) arr[m++] = w->q[i].a;
    precis_status st = precis_articles_settle_dates(arr, m);
    if (!st) {
        w->q[0].a.date = arr[0].date;
        w->q[0].a.date_alt = NULL;
    }
    free(arr);
    return st;
}

static void drop_front(precis_date_window *w)
{
    free(w->q[0].mem);
    w->bytes -= w->q[0].bytes;
    memmove(w->q, w->q + 1, (w->n - 1) * sizeof *w->q);
    w->n--;
}

/* Passes on what no longer waits: the front once PRECIS_DATE_WINDOW articles
 * follow it (all of them at the end), then the settled ones up to the next
 * ambiguous one. */
static precis_status drain(precis_date_window *w, bool end)
{
    precis_status st = PRECIS_OK;
    while (w->n && !st) {
        if (!end && w->n - 1 < PRECIS_DATE_WINDOW && w->bytes <= PRECIS_DATE_WINDOW_BYTES) break;
        if ((st = settle_front(w))) break;
        st = pass(w, &w->q[0].a, false);
        drop_front(w);
        while (!st && w->n && !waits(&w->q[0].a)) {
            st = pass(w, &w->q[0].a, true);
            drop_front(w);
        }
    }
    return st;
}

precis_status precis_date_window_add(precis_date_window *w, const precis_article *a)
{
    if (!w || !a) return PRECIS_EINVAL;
    if (!w->n && !waits(a)) return pass(w, a, true);
    precis_status st = hold(w, a);
    return st ? st : drain(w, false);
}

precis_status precis_date_window_end(precis_date_window *w)
{
    return w ? drain(w, true) : PRECIS_EINVAL;
}
