/* Reading articles with metadata (precis_articles_read): one input, format
 * sniffed from its first bytes, gzip transparent.
 *
 *  - WARC / WARC.gz: response records streamed by src/html's reader, each
 *    page extracted;
 *  - JSON Lines ('{' first): article objects {"id", "text" | "html", "title",
 *    "date", "url", "site", "author", "lang"} or Multi-News clusters {"id",
 *    "documents": [string | article, ...]}, read line by line (an endless
 *    stdin stream is fine: only one line is held at a time);
 *  - a news feed (RSS 2.0, Atom 1.0, RSS 1.0/RDF, sniffed by its root
 *    element): one article per item, streamed (src/html/feed.c);
 *  - newswire SGML (NIST/LDC <DOC> files, sniffed before HTML): one article
 *    per <DOC> (src/text/sgml.c), the file read whole;
 *  - one HTML page ('<' followed by a tag or "<!"): extracted;
 *  - anything else: one pasted article, cleaned by src/clean when it has line
 *    structure (the same rule as precis_cluster_add: ps_text_needs_cleaning).
 *
 * JSONL and WARC are streamed, so limits.max_file_bytes caps only the inputs
 * read whole (a page, a pasted article, WARC on stdin); each JSONL line is
 * capped by max_line_bytes and each article's text by max_article_bytes. */
#include "story/story.h"
#include "clean/clean.h"
#include "html/html.h"
#include "summarize/summarize.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

/* A byte source (pc_source: a descriptor, gzip-transparent, or memory) and
 * its read-ahead window. A read of a descriptor gives what has come: the
 * window is filled only as far as the reader asks (a JSONL line, the sniff),
 * so a slow feed's lines are read as they arrive. */
typedef struct source {
    pc_source in;
    pc_buf win;     /* read-ahead window: win.data[pos, win.len) not consumed yet */
    size_t pos;
    bool eof;
} source;

/* Makes at least `want` unread bytes available unless the input ends first;
 * returns the number available. */
static precis_status source_fill(source *s, size_t want, size_t *avail)
{
    while (!s->eof && s->win.len - s->pos < want) {
        if (s->pos > 0 && s->pos >= s->win.len / 2) { /* slide the window */
            memmove(s->win.data, s->win.data + s->pos, s->win.len - s->pos);
            s->win.len -= s->pos;
            s->pos = 0;
        }
        precis_status st = pc_buf_reserve(&s->win, CHUNK + 1);
        if (st) return st;
        size_t k = pc_source_read(&s->in, s->win.data + s->win.len, CHUNK);
        if (!k) s->eof = true;
        s->win.len += k;
        s->win.data[s->win.len] = '\0';
    }
    *avail = s->win.len - s->pos;
    return PRECIS_OK;
}

/* ---- the reader ---------------------------------------------------------- */

typedef struct reader {
    precis_ctx *ctx;
    pc_error *err;
    const precis_limits *lim;
    const char *name;  /* path for messages and ids; "<stdin>" for "-" */
    precis_article_fn fn;
    precis_bad_line_fn bad;
    void *user;
    size_t n_articles, n_bad, n_empty; /* n_bad: refused parts; n_empty: parts with no article */
    precis_status worst; /* EPARSE or ELIMIT once a part was refused */
    pc_buf line, msg;
    char why[160]; /* a skip reason built on the fly */
    bool decoded;  /* reading a decoded copy (read_decoded): not decoded again */
    bool quiet_empty; /* parts with no article not reported (a feed's repeated items into a cluster) */
    bool json_date;   /* the article's date is a JSON object's "date" field (json_doc) */
    pc_buf warns;     /* what a JSON article's fields gave that was not used ("; "-joined), for its warning */
    pc_buf text;      /* a JSON "text" or "html" with \u0000 in it, without them */
    size_t nul;            /* raw NUL characters dropped from the input (the file, or the line) read now: */
    const char *nul_where; /* "file" or "line"; said with the next article emitted, then 0 */
    pc_buf refs;      /* a pasted text with its character references decoded (pt_text_refs) */
    bool in_sgml;     /* pasting a <DOC>'s TEXT, decoded by the SGML reader already */
    size_t file_size; /* a regular file's size, said when it is over the limit; 0: not known */
    pc_buf ids;       /* a part's id made here (NAME#K, NAME:LINE, CLUSTER#K): whole, however long the
                       * path or a cluster's id (a 300-byte buffer cut them without a word) */
} reader;

/* r->ids set to the printf of fmt: a part's id; NULL when out of memory. */
static const char *part_name(reader *r, const char *fmt, ...) PC_PRINTF(2, 3);
static const char *part_name(reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    r->ids.len = 0;
    if (n < 0 || pc_buf_reserve(&r->ids, (size_t)n + 1)) return NULL;
    va_start(ap, fmt);
    vsnprintf(r->ids.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    r->ids.len = (size_t)n;
    return r->ids.data;
}

/* Adds one part to the article's warning (r->warns). */
static void warn_field(reader *r, const char *fmt, ...) PC_PRINTF(2, 3);
static void warn_field(reader *r, const char *fmt, ...)
{
    char part[400];
    va_list ap;
    va_start(ap, fmt);
    pc_vsnprintf(part, sizeof part, fmt, ap); /* cut at a whole character */
    va_end(ap);
    if (r->warns.len) pc_buf_puts(&r->warns, "; ");
    pc_buf_puts(&r->warns, part);
}

/* Starts r->msg with where a part is: "name:LINE: what: " ("name: " without a
 * line, no "what: " when it is that same place). */
static void locate(reader *r, size_t line, const char *what)
{
    r->msg.len = 0;
    if (line) pc_buf_printf(&r->msg, "%s:%zu: ", r->name, line);
    else pc_buf_printf(&r->msg, "%s: ", r->name);
    /* an id-less JSONL line is named FILE:LINE already: not twice */
    bool same = what && r->msg.data && strlen(what) + 2 == r->msg.len && !memcmp(r->msg.data, what, r->msg.len - 2);
    if (what && *what && !same) pc_buf_printf(&r->msg, "%s: ", what);
}

/* Reports a skipped part ("name:LINE: reason") and goes on. st: PRECIS_EEMPTY
 * for a part read fine that holds no article (not a failure: docs/cli.md),
 * PRECIS_ELIMIT for one over a limit, anything else a malformed part. */
static void skip_part(reader *r, precis_status st, size_t line, const char *what, const char *why)
{
    if (st == PRECIS_EEMPTY) r->n_empty++;
    else r->n_bad++;
    if (st == PRECIS_ELIMIT) r->worst = PRECIS_ELIMIT;
    else if (st != PRECIS_EEMPTY && r->worst != PRECIS_ELIMIT) r->worst = PRECIS_EPARSE;
    if (!r->bad || (st == PRECIS_EEMPTY && r->quiet_empty)) return;
    locate(r, line, what);
    pc_buf_puts(&r->msg, why);
    r->bad(r->user, r->msg.data ? r->msg.data : why);
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!pc_is_space((unsigned char)s[i])) return false;
    return true;
}

/* ISO 8601 form of a date string as the one date parser reads it; NULL when
 * it holds no date with a year. */
static const char *normalise_date(pt_article *a, const char *s, size_t n)
{
    char iso[48];
    size_t k = pt_date_normalise(s, n, iso, sizeof iso);
    if (!k) return NULL;
    const char *out = NULL;
    if (pt_article_set(a, &out, iso, k)) return NULL;
    return out;
}

/* 10000 + the year of date s when the date parser reads none such (before
 * 1000 or after 2999: its first run of exactly four digits, "9999-12-31",
 * "May 5, 0999"), else 0. */
static int absurd_year(const char *s)
{
    for (size_t i = 0; s && s[i]; i++) {
        if (!(s[i] >= '0' && s[i] <= '9') || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        size_t j = i;
        int y = 0;
        while (s[j] >= '0' && s[j] <= '9' && j - i < 5) y = y * 10 + (s[j++] - '0');
        if (j - i == 4 && !(s[j] >= '0' && s[j] <= '9')) return y < 1000 || y > 2999 ? y + 10000 : 0;
        i = j;
    }
    return 0;
}

/* Hands one finished article to the callback. Blank text is skipped. */
static precis_status emit(reader *r, pt_article *a, const char *id, size_t line, const char *what)
{
    bool warned = false;
    size_t nul = r->nul;
    r->nul = 0; /* said once, with this article */
    if (!a->text || blank(a->text, a->text_len)) {
        if (nul) { /* a file of NUL bytes: why it is empty */
            snprintf(r->why, sizeof r->why, "empty article (no text: the %s holds %zu NUL character%s, dropped)",
                     r->nul_where, nul, nul == 1 ? "" : "s");
            skip_part(r, PRECIS_EEMPTY, line, what, r->why);
        } else {
            skip_part(r, PRECIS_EEMPTY, line, what, "empty article (no text)");
        }
        return PRECIS_OK;
    }
    /* raw NUL bytes, dropped by the decoding (they would cut C strings): said
     * once per input or JSONL line, as a "\u0000" is (before: without a word) */
    if (nul) warn_field(r, "the %s holds %zu NUL character%s: dropped", r->nul_where, nul, nul == 1 ? "" : "s");
    if (a->text_len > r->lim->max_article_bytes) {
        char why[128];
        pc_over_limit(why, sizeof why, "article", a->text_len, r->lim->max_article_bytes);
        skip_part(r, PRECIS_ELIMIT, line, what, why);
        return PRECIS_OK;
    }
    if (a->date) { /* one form for every source: the date parser's ISO output */
        char alt[48]; /* a JSONL "11/03/2026" keeps its other reading (clean's own is set) */
        size_t k = a->date_alt ? 0 : pt_date_normalise_other(a->date, strlen(a->date), alt, sizeof alt);
        if (k && pt_article_set(a, &a->date_alt, alt, k)) a->date_alt = NULL;
        const char *given = a->date, *iso = normalise_date(a, a->date, strlen(a->date));
        a->date = iso;
        if (!iso) a->date_alt = NULL;
        /* "Tue, May 30, 2018" (a Wednesday): the printed date is kept, the weekday said */
        char note[320];
        if (iso && r->json_date) a->date_order = pt_date_field_order(given, strlen(given));
        if (!iso) a->date_order = 0;
        if (iso && r->json_date && pt_date_field_note("field \"date\"", given, strlen(given), note, sizeof note))
            warn_field(r, "%s", note);
        else if (iso && a->date_note)
            warn_field(r, "%s", a->date_note);
        /* a JSON "date" dropped is said, not only counted among the undated */
        if (!iso && r->json_date) {
            size_t n = strlen(given), cut = pc_utf8_cut(given, n, 60);
            char bad[64]; /* "25:61" of "2024-05-29T25:61": the part that made the date impossible */
            int absurd = absurd_year(given);
            if (absurd) /* "9999-12-31": the parser reads no year past its range, and says which */
                warn_field(r, "field \"date\" ('%.*s%s') is not a date precis reads (the year %04d: years 1000 to "
                              "2999 are read, 1900 to 2200 believed): the article is kept without a date",
                           (int)cut, given, cut < n ? "..." : "", absurd - 10000);
            else if (pt_date_bad_time(given, n, bad, sizeof bad))
                warn_field(r, "field \"date\" ('%.*s%s'): its time '%s' is not a time of day: the article is kept "
                              "without a date", (int)cut, given, cut < n ? "..." : "", bad);
            else
                warn_field(r, "field \"date\" ('%.*s%s') is not a date precis reads: the article is kept "
                              "without a date", (int)cut, given, cut < n ? "..." : "");
        }
    }
    if (r->warns.len) {
        locate(r, line, what);
        pc_buf_append(&r->msg, r->warns.data, r->warns.len);
        warned = r->msg.data != NULL;
    }
    precis_article art = {0};
    if (warned) art.warning = r->msg.data;
    art.id = a->id ? a->id : id;
    art.url = a->url;
    art.site = a->site;
    art.title = a->title;
    art.author = a->author;
    art.lang = a->lang;
    art.date = a->date;
    art.date_alt = a->date_alt;
    art.date_order = a->date_order;
    art.text = a->text;
    art.text_len = a->text_len;
    r->n_articles++;
    return r->fn(r->user, &art);
}

/* Pasted text: cleaned when it has line structure, else used as is. On a
 * skip, *why names the reason and PRECIS_EEMPTY/ELIMIT is returned. */
static precis_status pasted(reader *r, const char *text, size_t len, pt_article *a, const char **why)
{
    if (len > r->lim->max_article_bytes) {
        pc_over_limit(r->why, sizeof r->why, "article", len, r->lim->max_article_bytes);
        *why = r->why;
        return PRECIS_ELIMIT;
    }
    /* the character references of HTML-escaped text ("AT&amp;T"), not of
     * SGML's TEXT (sgml.c decoded it: not twice) */
    bool changed = false;
    if (!r->in_sgml && pt_text_refs(text, len, &r->refs, &changed)) return PRECIS_ENOMEM;
    if (changed) {
        text = r->refs.data;
        len = r->refs.len;
    }
    if (!ps_text_needs_cleaning(text, len)) return pt_article_set(a, &a->text, text, len);
    pcl_options o;
    pcl_options_init(&o);
    o.max_article_bytes = r->lim->max_article_bytes;
    o.max_line_bytes = r->lim->max_line_bytes;
    o.name = r->name;
    pc_error e;
    pc_error_clear(&e);
    precis_status st = pcl_clean(text, len, &o, a, &e);
    if (st == PRECIS_EEMPTY) *why = "nothing but page debris (no article text left after cleaning)";
    else if (st == PRECIS_ELIMIT) { /* the cleaner says which limit and line, as clean and summarize print it */
        const char *m = e.msg;
        size_t k = strlen(r->name), line = 0;
        if (!strncmp(m, r->name, k) && m[k] == ':') {
            m += k + 1;
            while (*m >= '0' && *m <= '9') line = line * 10 + (size_t)(*m++ - '0');
            if (*m == ':') m++;
            while (*m == ' ') m++;
        }
        if (!m[0]) m = "over a size limit while cleaning";
        if (line) snprintf(r->why, sizeof r->why, "%.*s (line %zu of the text)", (int)pc_utf8_cut(m, strlen(m), 100), m, line);
        else snprintf(r->why, sizeof r->why, "%.*s", (int)pc_utf8_cut(m, strlen(m), 150), m);
        *why = r->why;
    }
    return st;
}

/* Pasted text whose articles are joined by Multi-News's " ||||| " (as
 * summarize reads it): each non-blank part one article, NAME#K; before,
 * digest and cluster took the whole text for one article, the separators
 * and the next article's opening inside its sentences and timeline. */
static const char *find_sep(const char *h, size_t n, const char *sep, size_t m)
{
    for (const char *p = h, *e = h + n; m <= (size_t)(e - p) && (p = memchr(p, sep[0], (size_t)(e - p) - m + 1)); p++)
        if (!memcmp(p, sep, m)) return p;
    return NULL;
}


static precis_status extract_html(reader *r, const char *html, size_t len, const char *url,
                                  const char *ctype, pt_article *a, const char **why)
{
    ph_options o = {0};
    o.url = url;
    o.content_type = ctype;
    o.name = r->name;
    o.max_article = r->lim->max_article_bytes;
    /* the page test extract applies (src/html/api.c): NUL and other control
     * bytes past one in sixteen are binary data, in a file, a WARC record or
     * a JSONL "html" alike (docs/cli.md "User pass 22") */
    if (pc_bytes_binary(html, len)) {
        *why = "binary data, not an HTML page";
        return PRECIS_EPARSE;
    }
    pc_error e;
    pc_error_clear(&e);
    precis_status st = ph_extract(html, len, &o, a, &e);
    if (st == PRECIS_EEMPTY) *why = "no article found in the HTML";
    else if (st == PRECIS_ELIMIT) { /* the extractor says which limit; the input is named by the caller */
        const char *m = e.msg;
        size_t k = strlen(r->name);
        if (!strncmp(m, r->name, k) && m[k] == ':' && m[k + 1] == ' ') m += k + 2;
        if (!m[0]) m = "HTML over a limit";
        size_t l = strnlen(m, sizeof r->why - 1); /* cut to fit r->why */
        memcpy(r->why, m, l);
        r->why[l] = '\0';
        *why = r->why;
    }
    else if (st == PRECIS_EPARSE) *why = "malformed HTML";
    return st;
}

/* ---- JSON Lines --------------------------------------------------------------- */

static const char *json_str(json_t *o, const char *key, size_t *len)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) return NULL;
    if (len) *len = json_string_length(v);
    return json_string_value(v);
}

/* An article's text s[0..*n) without the NULs a "\u0000" put in it (the
 * cleaner and the splitter read C strings); s itself when it has none.
 * NULL: out of memory. */
static const char *text_without_nul(reader *r, const char *s, size_t *n, const char *field)
{
    if (!memchr(s, '\0', *n)) return s;
    size_t nul = 0;
    for (const char *p = s; (p = memchr(p, '\0', (size_t)(s + *n - p))) != NULL; p++) nul++;
    /* said once per article (before: dropped without a word) */
    warn_field(r, "field \"%s\" holds %zu NUL character%s (\\u0000): dropped", field, nul, nul == 1 ? "" : "s");
    r->text.len = 0;
    if (pc_utf8_repair(&r->text, s, *n, NULL)) return NULL;
    *n = r->text.len;
    return r->text.data ? r->text.data : "";
}

/* Unix time from 1973-03-03 to 2099 in seconds, the same in milliseconds:
 * what exporters write for a date (JavaScript's Date.now(), Python's
 * time.time()). Below 1e8 seconds a number is more likely something else
 * (20240529, read by the date parser as YYYYMMDD, is 1970-08-23 as seconds). */
#define EPOCH_S_MIN 100000000.0
#define EPOCH_S_MAX 4102444800.0 /* 2100-01-01 */

/* A numeric JSON "date" as the date string it stands for, into iso: a
 * YYYYMMDD number as the date parser reads the same digits as a string, else
 * Unix time in seconds or milliseconds within the range above (UTC). False
 * when it is neither (the caller warns: before, any number was dropped
 * without a word). */
static bool number_date(json_t *v, char *iso, size_t cap)
{
    double x = json_number_value(v);
    if (x != x || x < 0) return false; /* NaN cannot come from JSON; negative: before 1970 */
    if (x < 1e9 && x == (double)(long long)x) {
        char digits[24];
        int k = snprintf(digits, sizeof digits, "%lld", (long long)x);
        if (k == 8 && pt_date_normalise(digits, (size_t)k, iso, cap)) return true;
    }
    if (x >= EPOCH_S_MIN * 1000 && x < EPOCH_S_MAX * 1000) x /= 1000;
    if (x < EPOCH_S_MIN || x >= EPOCH_S_MAX) return false;
    time_t t = (time_t)x;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return false;
    return strftime(iso, cap, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0;
}

/* The object's metadata wins over what extraction or cleaning guessed. A
 * field of another type than a string (null aside) is not used, and said in
 * the article's warning ("title": 5, "url": []): before, it was dropped
 * without a word; a numeric "date" is read as number_date says. */
static precis_status take_fields(reader *r, pt_article *a, json_t *o)
{
    static const char *const keys[] = {"url", "site", "title", "author", "lang", "date"};
    const char **fields[] = {&a->url, &a->site, &a->title, &a->author, &a->lang, &a->date};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        json_t *v = json_object_get(o, keys[k]);
        if (!v || json_is_null(v)) continue;
        const char *s = NULL;
        size_t n = 0;
        char iso[48];
        if (json_is_string(v)) {
            s = json_string_value(v);
            n = json_string_length(v);
            if (memchr(s, '\0', n)) { /* a C string ends there: "Bridge\u0000 opens" would be "Bridge" */
                warn_field(r, "field \"%s\" holds a NUL character (\\u0000): not used", keys[k]);
                continue;
            }
        } else if (json_is_number(v) && fields[k] == &a->date) {
            if (!number_date(v, iso, sizeof iso)) {
                char num[40];
                if (json_is_integer(v)) snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
                else snprintf(num, sizeof num, "%.17g", json_real_value(v));
                warn_field(r, "field \"date\" (%s) is a number that is neither Unix time (seconds or milliseconds, "
                              "1973-2099) nor YYYYMMDD: the article is kept without a date", num);
                continue;
            }
            s = iso;
            n = strlen(iso);
        } else {
            warn_field(r, "field \"%s\" is %s, not a string: not used", keys[k], pc_json_kind(v));
            continue;
        }
        if (blank(s, n)) continue;
        precis_status st = pt_article_set(a, fields[k], s, n);
        if (st) return st;
    }
    return PRECIS_OK;
}

/* A text holding Multi-News's " ||||| ": each non-blank part one article
 * ID#K. For a JSONL "text" (or a string element) doc is its line's object or
 * string, and each part takes the line's fields (docs/cli.md "User pass 22";
 * before, the separator and the next article stayed inside the text); for a
 * pasted file doc is NULL and id the file's name. *split false: no separator,
 * the caller reads the text whole. */
static precis_status json_parts(reader *r, json_t *doc, const char *id, size_t line, const char *text, size_t len,
                                bool *split)
{
    static const char SEP[] = PS_MULTINEWS_SEP;
    size_t m = sizeof SEP - 1, b = 0, k = 0;
    const char *hit = find_sep(text, len, SEP, m);
    *split = hit != NULL;
    if (!hit) return PRECIS_OK;
    size_t il = strlen(id);
    char *base = malloc(il + 1); /* id may live in r->ids, which part_name rewrites */
    if (!base) return pc_fail(r->err, PRECIS_ENOMEM, r->name, line, "out of memory");
    memcpy(base, id, il + 1);
    size_t dn = 0;
    const char *ds = json_is_object(doc) ? json_str(doc, "date", &dn) : NULL;
    bool json_date = (ds && !blank(ds, dn)) || (json_is_object(doc) && json_is_number(json_object_get(doc, "date")));
    precis_status st = PRECIS_OK;
    for (;;) {
        size_t e = hit ? (size_t)(hit - text) : len;
        if (!blank(text + b, e - b)) {
            const char *pid = part_name(r, "%s#%zu", base, ++k);
            if (!pid) {
                st = pc_fail(r->err, PRECIS_ENOMEM, r->name, line, "out of memory");
                break;
            }
            pt_article a;
            pt_article_init(&a);
            const char *why = NULL;
            st = pasted(r, text + b, e - b, &a, &why);
            if (!st && json_is_object(doc)) st = take_fields(r, &a, doc);
            if (st == PRECIS_ENOMEM) {
                pt_article_free(&a);
                st = pc_fail(r->err, st, r->name, line, "out of memory");
                break;
            }
            if (st) {
                skip_part(r, st, line, pid, why ? why : precis_strerror(st));
                st = PRECIS_OK;
            } else {
                r->json_date = json_date;
                st = emit(r, &a, pid, line, pid);
                r->json_date = false;
            }
            r->warns.len = 0;
            pt_article_free(&a);
            if (st) break;
        }
        if (!hit) break;
        b = e + m;
        hit = find_sep(text + b, len - b, SEP, m);
    }
    free(base);
    return st;
}

/* One document of a line: an article object or (inside "documents", or as
 * an array element) a string; part K of its line ("element", "document"; k
 * 0 for a line of its own) names it in a refusal of its shape, as clean and
 * summarize name it (text/article.h). */
static precis_status json_doc(reader *r, json_t *doc, const char *fallback_id, size_t line, const char *part,
                              size_t k)
{
    pt_article a;
    pt_article_init(&a);
    r->warns.len = 0;
    char idbuf[32], why[PT_JSON_WHY];
    json_t *idv = json_is_object(doc) ? json_object_get(doc, "id") : NULL;
    const char *id = pt_json_id(idv, idbuf, sizeof idbuf);
    size_t n;
    bool is_html = false;
    const char *text = pt_json_text(doc, true, &n, &is_html, why);
    precis_status st = text ? pt_json_id_refusal(idv, "field", why, sizeof why) : PRECIS_EPARSE;
    if (st) {
        /* refused by name, as summarize and clean refuse it (before: an
         * article with a bad id was kept under its line's name with a
         * warning, so the same line was used by digest and refused by
         * summarize) */
        char where[PT_JSON_WHY + 32];
        skip_part(r, st, line, NULL, pt_json_why(where, sizeof where, part, k, why));
        r->warns.len = 0;
        return PRECIS_OK;
    }
    if (!id) id = fallback_id;
    const char *whyp = NULL;
    json_t *tv = json_is_object(doc) ? json_object_get(doc, "text") : NULL;
    if (is_html && tv && !json_is_null(tv)) /* a "text" of another type: named, and the "html" read */
        warn_field(r, "field \"text\" is %s, not a string: the \"html\" is read", pc_json_kind(tv));
    bool split = false;
    if (!(text = text_without_nul(r, text, &n, is_html ? "html" : "text"))) st = PRECIS_ENOMEM;
    else if (is_html) st = extract_html(r, text, n, json_str(doc, "url", NULL), NULL, &a, &whyp);
    else if ((st = json_parts(r, doc, id, line, text, n, &split)) || split) {
        r->warns.len = 0;
        pt_article_free(&a);
        return st;
    } else st = pasted(r, text, n, &a, &whyp);
    if (!st && json_is_object(doc)) st = take_fields(r, &a, doc);
    if (st == PRECIS_ENOMEM) {
        pt_article_free(&a);
        return pc_fail(r->err, st, r->name, line, "out of memory");
    }
    if (st) {
        skip_part(r, st, line, id, whyp ? whyp : precis_strerror(st));
        r->warns.len = 0;
        pt_article_free(&a);
        return PRECIS_OK;
    }
    size_t dn = 0;
    const char *ds = json_is_object(doc) ? json_str(doc, "date", &dn) : NULL;
    /* take_fields set it: a date the user gave (a number it read too) */
    r->json_date = (ds && !blank(ds, dn)) || (json_is_object(doc) && json_is_number(json_object_get(doc, "date")));
    st = emit(r, &a, id, line, id);
    r->json_date = false;
    r->warns.len = 0;
    pt_article_free(&a);
    return st;
}

/* A Multi-News cluster {"id", "documents": [...]} (a JSONL line, element 0,
 * or an element of a JSON array): its documents are articles "ID#k". */
static precis_status json_cluster(reader *r, json_t *v, size_t lineno, size_t element)
{
    precis_status st = PRECIS_OK;
    char why[PT_JSON_WHY], msg[PT_JSON_WHY];
    const char *fallback;
    json_t *docs = json_object_get(v, "documents");
    char cbuf[32];
    const char *cid = pt_json_id(json_object_get(v, "id"), cbuf, sizeof cbuf);
    if (!json_is_array(docs)) {
        skip_part(r, PRECIS_EPARSE, lineno, NULL, pt_json_why(msg, sizeof msg, "element", element, "\"documents\" must be an array"));
    } else if ((st = pt_json_id_refusal(json_object_get(v, "id"), "cluster", why, sizeof why))) {
        /* refused by name, as summarize refuses it (before: the cluster's
         * documents were named after its line without a word) */
        skip_part(r, st, lineno, NULL, pt_json_why(msg, sizeof msg, "element", element, why));
        st = PRECIS_OK;
    } else {
        size_t k;
        json_t *doc;
        json_array_foreach(docs, k, doc) {
            fallback = cid ? part_name(r, "%s#%zu", cid, k + 1)
                     : element ? part_name(r, "%s#%zu#%zu", r->name, element, k + 1)
                               : part_name(r, "%s:%zu#%zu", r->name, lineno, k + 1);
            if (!fallback) st = pc_fail(r->err, PRECIS_ENOMEM, r->name, lineno, "out of memory");
            else st = json_doc(r, doc, fallback, lineno, "document", k + 1);
            if (st) break;
        }
    }
    return st;
}

/* One JSONL line: an article, or a Multi-News cluster whose documents are
 * articles "ID#k", parsed by the one JSON reader (text/article.h). */
static precis_status json_line(reader *r, const char *s, size_t n, size_t lineno)
{
    if (blank(s, n)) return PRECIS_OK;
    pt_json_part p;
    char why[PT_JSON_WHY];
    precis_status st = pt_json_parse(&r->line, s, n, lineno, 0, r->lim->max_line_bytes, &p, why);
    if (st == PRECIS_ENOMEM) return pc_fail(r->err, st, r->name, lineno, "out of memory");
    if (st) {
        skip_part(r, st, lineno, NULL, why);
        return PRECIS_OK;
    }
    /* raw NUL bytes, dropped before parsing: said with the line's first article, if any */
    if (p.nul) r->nul = p.nul, r->nul_where = "line";
    json_t *v = p.v;
    const char *fallback;
    if (pt_json_is_cluster(v)) {
        st = json_cluster(r, v, lineno, 0);
    } else {
        if (!(fallback = part_name(r, "%s:%zu", r->name, lineno)))
            st = pc_fail(r->err, PRECIS_ENOMEM, r->name, lineno, "out of memory");
        else st = json_doc(r, v, fallback, lineno, NULL, 0);
    }
    json_decref(v);
    r->nul = 0;
    return st;
}

static precis_status read_jsonl(reader *r, source *s)
{
    size_t lineno = 0, cap = r->lim->max_line_bytes, avail;
    precis_status st;
    for (;;) {
        /* Find the end of the next line without holding more than cap bytes. */
        size_t scanned = 0, dropped = 0; /* dropped: bytes of an over-long line let go, for its size */
        const char *nl = NULL;
        bool over = false;
        for (;;) {
            if ((st = source_fill(s, scanned + 1, &avail))) return pc_fail(r->err, st, r->name, lineno + 1, "out of memory");
            if (avail == scanned) break; /* end of input */
            nl = memchr(s->win.data + s->pos + scanned, '\n', avail - scanned);
            if (nl) break;
            scanned = avail;
            if (scanned > cap) { /* drop what we have; keep scanning for the newline */
                over = true;
                dropped += scanned;
                s->pos = s->win.len;
                scanned = 0;
            }
        }
        if (!nl && avail == 0 && !over) break;
        /* gzip data cut inside a member: a read error, not a cut line
         * ("invalid JSON: premature end of input" named the line instead) */
        if (!nl && s->in.io_error) break;
        lineno++;
        size_t n = nl ? (size_t)(nl - (s->win.data + s->pos)) : avail;
        const char *line = s->win.data + s->pos;
        s->pos += n + (nl ? 1 : 0);
        if (over || n > cap) {
            char why[128];
            /* its size said, as summarize and clean say it */
            pc_over_limit(why, sizeof why, "line", dropped + n, cap);
            skip_part(r, PRECIS_ELIMIT, lineno, NULL, why);
        } else {
            if (n && line[n - 1] == '\r') n--;
            if ((st = json_line(r, line, n, lineno))) return st;
        }
        if (!nl) break;
    }
    char why[160];
    /* corrupt gzip data: named with the line it broke in (lineno were read
     * whole), as whole-file reading names it */
    if (s->in.io_error)
        return pc_fail(r->err, PRECIS_EIO, r->name, lineno + !s->in.io_errno, "%s", pc_source_why(&s->in, why, sizeof why));
    return PRECIS_OK;
}

/* ---- WARC ------------------------------------------------------------------ */

static precis_status read_warc(reader *r, ph_warc *w)
{
    for (;;) {
        ph_warc_record rec;
        pc_error e;
        pc_error_clear(&e);
        precis_status st = ph_warc_next(w, &rec, &e);
        if (st == PRECIS_EEMPTY) return PRECIS_OK;
        if (st == PRECIS_EIO) { /* e names the file and the record already */
            *r->err = e;
            return st;
        }
        if (st == PRECIS_ENOMEM) return pc_fail(r->err, st, r->name, 0, "out of memory");
        if (st) { /* the reader names the record itself */
            r->n_bad++;
            r->worst = st == PRECIS_ELIMIT || r->worst == PRECIS_ELIMIT ? PRECIS_ELIMIT : PRECIS_EPARSE;
            if (r->bad) r->bad(r->user, e.msg);
            continue;
        }
        pt_article a;
        pt_article_init(&a);
        const char *why = NULL;
        st = extract_html(r, rec.payload, rec.payload_len, rec.target_uri, rec.content_type, &a, &why);
        if (st == PRECIS_ENOMEM) {
            pt_article_free(&a);
            return pc_fail(r->err, st, r->name, 0, "out of memory");
        }
        if (st) {
            char what[64 + 4096];
            pc_snprintf(what, sizeof what, "record %zu (%s)", rec.index, rec.target_uri ? rec.target_uri : "no URI");
            skip_part(r, st, 0, what, why);
        } else {
            const char *id = part_name(r, "%s#%zu", r->name, rec.index);
            st = id ? emit(r, &a, id, 0, NULL) : pc_fail(r->err, PRECIS_ENOMEM, r->name, 0, "out of memory");
        }
        pt_article_free(&a);
        if (st) return st;
    }
}

/* ---- feeds (RSS, Atom, RDF: src/html/feed.c) --------------------------------- */

/* The feed's bytes: what the window holds, then the rest of the source. */
static int feed_src_read(void *p, char *buf, int len)
{
    source *s = p;
    size_t have = s->win.len - s->pos, want = (size_t)len;
    if (have) {
        size_t k = have < want ? have : want;
        memcpy(buf, s->win.data + s->pos, k);
        s->pos += k;
        return (int)k;
    }
    if (s->eof) return 0;
    size_t k = pc_source_read(&s->in, buf, want);
    if (s->in.io_error) return -1;
    if (!k) s->eof = true;
    return (int)k;
}

static precis_status feed_item(void *user, pt_article *a, size_t index, size_t line)
{
    reader *r = user;
    char what[48];
    const char *id = part_name(r, "%s#%zu", r->name, index);
    if (!id) return pc_fail(r->err, PRECIS_ENOMEM, r->name, line, "out of memory");
    snprintf(what, sizeof what, "item %zu", index);
    return emit(r, a, id, line, what);
}

static void feed_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    skip_part(user, st, line, what, why);
}

/* One article per item, streamed: limits.max_file_bytes caps the feed,
 * max_article_bytes an item's content and its text. */
static precis_status read_feed(reader *r, source *s)
{
    ph_feed_options o = {0};
    o.name = r->name;
    o.max_bytes = r->lim->max_file_bytes;
    o.max_item_bytes = r->lim->max_article_bytes;
    o.max_article = r->lim->max_article_bytes;
    o.utf8 = r->decoded;
    o.fn = feed_item;
    o.skip = feed_skip;
    o.user = r;
    precis_status st = ph_feed_read(feed_src_read, s, &o, NULL);
    if (st == PRECIS_ENOMEM) return pc_fail(r->err, st, r->name, 0, "out of memory");
    char why[160];
    if (st == PRECIS_EIO) return pc_fail(r->err, st, r->name, 0, "%s", pc_source_why(&s->in, why, sizeof why));
    return st;
}

int precis_looks_like_feed(const char *data, size_t len)
{
    return data && ph_looks_like_feed(data, len) != PH_FEED_NONE;
}

/* ---- sniffing ------------------------------------------------------------ */

static size_t skip_bom_space(const char *d, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB && (unsigned char)d[2] == 0xBF) i = 3;
    while (i < n && pc_is_space((unsigned char)d[i])) i++;
    return i;
}

bool pst_looks_like_html(const char *d, size_t n)
{
    size_t i = skip_bom_space(d, n);
    if (i + 1 >= n || d[i] != '<') return false;
    unsigned char c = (unsigned char)d[i + 1];
    return c == '!' || c == '?' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

typedef enum kind { K_WARC, K_JSONL, K_JSON_ARRAY, K_FEED, K_SGML, K_HTML, K_TEXT } kind;

static kind sniff(const char *d, size_t n)
{
    if (ph_looks_like_warc(d, n)) return K_WARC;
    size_t i = skip_bom_space(d, n);
    if (i < n && d[i] == '{') return K_JSONL;
    if (pc_looks_like_json_array(d, n)) return K_JSON_ARRAY;
    if (ph_looks_like_feed(d, n)) return K_FEED; /* XML that would pass for a page */
    if (pt_looks_like_sgml(d, n)) return K_SGML; /* <DOC> would pass for a page too */
    if (pst_looks_like_html(d, n)) return K_HTML;
    return K_TEXT;
}

const char *pst_input_format(const char *d, size_t n)
{
    static const char *const NAME[] = {[K_WARC] = "warc", [K_JSONL] = "jsonl", [K_JSON_ARRAY] = "json-array",
                                       [K_FEED] = "feed", [K_SGML] = "sgml", [K_HTML] = "html", [K_TEXT] = "text"};
    return NAME[sniff(d ? d : "", d ? n : 0)];
}

/* A JSON array of articles (what many exporters write instead of JSON Lines):
 * each element an article object or a string of pasted text, named FILE#K,
 * read element by element by the one JSON reader, each under the per-line
 * cap as a JSONL line is. A malformed array ends the reading there, named;
 * the elements before it are kept. */
static precis_status array_refused(void *user, precis_status st, size_t line, const char *why)
{
    skip_part(user, st, line, NULL, why);
    return PRECIS_OK;
}

static precis_status array_part(void *user, const pt_json_part *p)
{
    reader *r = user;
    const char *fallback = part_name(r, "%s#%zu", r->name, p->element);
    if (!fallback) return pc_fail(r->err, PRECIS_ENOMEM, r->name, p->line, "out of memory");
    if (p->nul) r->nul = p->nul, r->nul_where = "element";
    /* an array of clusters is read as their JSON Lines are (before: each
     * element 'article object has no "text" or "html" string') */
    precis_status st = pt_json_is_cluster(p->v) ? json_cluster(r, p->v, p->line, p->element)
                                                : json_doc(r, p->v, fallback, p->line, "element", p->element);
    r->nul = 0;
    return st;
}

static precis_status read_json_array(reader *r, const char *d, size_t n)
{
    precis_status st = pt_json_read(d, n, r->lim->max_line_bytes, array_part, array_refused, r);
    if (st == PRECIS_ENOMEM) return pc_fail(r->err, st, r->name, 0, "out of memory");
    return st;
}

/* ---- newswire SGML (src/text/sgml.c) ----------------------------------------- */

static precis_status sgml_doc(void *user, pt_article *a, size_t index, size_t line, bool clean)
{
    reader *r = user;
    char what[160];
    const char *id = part_name(r, "%s#%zu", r->name, index);
    if (!id) return pc_fail(r->err, PRECIS_ENOMEM, r->name, line, "out of memory");
    if (a->id) snprintf(what, sizeof what, "DOC %zu (%.*s)", index, (int)pc_utf8_cut(a->id, strlen(a->id), 100), a->id);
    else snprintf(what, sizeof what, "DOC %zu", index);
    if (clean) return emit(r, a, id, line, what); /* <P> paragraphs: clean text */
    /* TEXT as written: the plain-text way (hard-wrapped wire copy is kept,
     * text with line structure cleaned); the DOC's fields win over what
     * cleaning guessed. */
    pt_article b;
    pt_article_init(&b);
    const char *why = NULL;
    r->in_sgml = true;
    precis_status st = pasted(r, a->text, a->text_len, &b, &why);
    r->in_sgml = false;
    const char *const *from[] = {&a->id, &a->title, &a->date, &a->site};
    const char **to[] = {&b.id, &b.title, &b.date, &b.site};
    for (size_t k = 0; k < sizeof to / sizeof *to && !st; k++)
        if (*from[k]) st = pt_article_set(&b, to[k], *from[k], strlen(*from[k]));
    if (st == PRECIS_ENOMEM) {
        pt_article_free(&b);
        return pc_fail(r->err, st, r->name, line, "out of memory");
    }
    if (st) skip_part(r, st, line, what, why ? why : precis_strerror(st));
    else st = emit(r, &b, id, line, what);
    pt_article_free(&b);
    return st;
}

/* One article per DOC; limits.max_article_bytes caps a DOC's bytes (and its
 * text, in emit), limits.max_file_bytes the file (slurp). */
static precis_status read_sgml(reader *r, const char *d, size_t n)
{
    pc_buf text;
    pc_buf_init(&text, 0);
    size_t bad = 0;
    precis_status st = PRECIS_OK;
    if (!r->decoded && !pc_text_unchanged(d, n)) { /* Latin-1 TIPSTER files, stray bytes */
        if ((st = pc_text_decode(&text, d, n, &bad))) return pc_fail(r->err, st, r->name, 0, "out of memory");
        if ((r->nul = pc_text_nul(d, n))) r->nul_where = "file"; /* said with its first DOC */
        if (pc_text_binary(bad, r->nul, n)) {
            pc_buf_free(&text);
            pc_binary_why(r->why, sizeof r->why, bad, r->nul, n);
            skip_part(r, PRECIS_EPARSE, 0, NULL, r->why);
            return PRECIS_OK;
        }
        d = text.data ? text.data : "";
        n = text.len;
    }
    pt_sgml_options o = {0};
    o.name = r->name;
    o.max_doc_bytes = r->lim->max_article_bytes;
    o.fn = sgml_doc;
    o.skip = feed_skip;
    o.user = r;
    st = pt_sgml_read(d, n, &o, NULL);
    pc_buf_free(&text);
    if (st == PRECIS_ENOMEM) return pc_fail(r->err, st, r->name, 0, "out of memory");
    return st;
}

/* Reads the rest of the source into its window (capped by max_file_bytes). */
static precis_status slurp(reader *r, source *s)
{
    size_t avail, cap = r->lim->max_file_bytes;
    for (;;) {
        precis_status st = source_fill(s, s->win.len - s->pos + CHUNK, &avail);
        if (st) return pc_fail(r->err, st, r->name, 0, "out of memory");
        if (avail > cap)
            return pc_fail_input_over(r->err, r->name, s->in.mem || pc_source_gzip(&s->in) ? 0 : r->file_size, cap,
                                      pc_source_gzip(&s->in));
        if (s->eof) break;
    }
    char why[160];
    if (s->in.io_error) /* corrupt gzip data: the line it broke in */
        return pc_fail(r->err, PRECIS_EIO, r->name,
                       s->in.io_errno ? 0 : pc_line_at(s->win.data ? s->win.data + s->pos : "", s->win.len - s->pos), "%s",
                       pc_source_why(&s->in, why, sizeof why));
    return PRECIS_OK;
}

/* UTF-16 with a byte-order mark (JSONL or text saved by Windows tools), or
 * JSONL with CR line ends: decoded whole, then sniffed and read like any UTF-8
 * input; before, JSONL in UTF-16 was taken for one pasted article of raw JSON. */
static precis_status read_source(reader *r, source *s);
static precis_status read_decoded(reader *r, source *s)
{
    precis_status st = slurp(r, s);
    if (st) return st;
    pc_buf dec;
    pc_buf_init(&dec, 0);
    size_t bad = 0;
    st = pc_text_decode(&dec, s->win.data ? s->win.data + s->pos : "", s->win.len - s->pos, &bad);
    if (!st && (r->nul = pc_text_nul(s->win.data ? s->win.data + s->pos : "", s->win.len - s->pos)))
        r->nul_where = "file"; /* said with its first article */
    if (!st) {
        source m = {0};
        m.in.mem = dec.data ? dec.data : "";
        m.in.mem_len = dec.len;
        pc_buf_init(&m.win, 0);
        r->decoded = true;
        st = read_source(r, &m);
        r->decoded = false;
        pc_buf_free(&m.win);
    } else {
        st = pc_fail(r->err, st, r->name, 0, "out of memory");
    }
    pc_buf_free(&dec);
    return st;
}

/* Enough of the input to sniff its kind: 4096 bytes, or what there is when
 * the input ends first or opens with a whole JSON line or a WARC version line
 * (its kind known), so that a slow feed's first line or record is read when
 * it comes, not after 4 KiB. */
static precis_status sniff_fill(source *s, size_t *avail)
{
    for (size_t want = 1;; want = *avail + 1) {
        precis_status st = source_fill(s, want, avail);
        if (st || *avail >= 4096 || s->eof) return st;
        const char *d = s->win.data + s->pos;
        if (ph_looks_like_warc(d, *avail)) return PRECIS_OK; /* the version line's start: a WARC's records come as they arrive */
        size_t i = skip_bom_space(d, *avail);
        if (i < *avail && d[i] == '{' && memchr(d + i, '\n', *avail - i)) return PRECIS_OK;
    }
}

static precis_status read_source(reader *r, source *s)
{
    size_t avail;
    precis_status st = sniff_fill(s, &avail);
    if (st) return pc_fail(r->err, st, r->name, 0, "out of memory");
    const char *d = s->win.data ? s->win.data + s->pos : "";
    kind k = sniff(d, avail);
    int bom = pc_text_bom(d, avail);
    bool utf16 = bom == PC_BOM_UTF16LE || bom == PC_BOM_UTF16BE || bom == PC_BOM_UTF32LE || bom == PC_BOM_UTF32BE;
    /* JSON Lines whose lines end with CR alone: pc_text_decode gives them LF
     * line ends, as summarize (which decodes every input) reads them; before,
     * digest refused the file as one line with text after its first object. */
    bool cr_only = k == K_JSONL && !memchr(d, '\n', avail) && memchr(d, '\r', avail);
    if (!r->decoded && (utf16 || cr_only)) return read_decoded(r, s);
    if (k == K_JSONL) return read_jsonl(r, s);
    if (k == K_FEED) return read_feed(r, s);
    /* a file, a pipe (`digest <(zcat crawl.warc.gz)`) or memory: streamed
     * record by record from this source, the window's sniffed bytes first
     * (before, a pipe was read whole up to max_file_bytes, and a file opened
     * again and read through gzread) */
    if (k == K_WARC) {
        ph_warc *w;
        if (ph_warc_open_source(&s->in, d, avail, r->name, r->lim->max_file_bytes, &w))
            return pc_fail(r->err, PRECIS_ENOMEM, r->name, 0, "out of memory");
        st = read_warc(r, w);
        ph_warc_close(w);
        s->pos = s->win.len;
        return st;
    }
    if ((st = slurp(r, s))) return st;
    d = s->win.data ? s->win.data + s->pos : "";
    avail = s->win.len - s->pos;
    if (k == K_JSON_ARRAY) return read_json_array(r, d, avail);
    if (k == K_SGML) return read_sgml(r, d, avail);
    pt_article a;
    pt_article_init(&a);
    const char *why = NULL;
    if (k == K_HTML) {
        st = extract_html(r, d, avail, NULL, NULL, &a, &why);
    } else {
        pc_buf text;
        pc_buf_init(&text, 0);
        size_t bad = 0;
        /* clean UTF-8 is read in the window, not in a decoded copy of it */
        bool as_is = pc_text_unchanged(d, avail);
        st = as_is ? PRECIS_OK : pc_text_decode(&text, d, avail, &bad);
        if (!as_is && (r->nul = pc_text_nul(d, avail))) r->nul_where = "file";
        if (!st && pc_text_binary(bad, as_is ? 0 : r->nul, avail)) { /* not text in any encoding we could clean */
            pc_binary_why(r->why, sizeof r->why, bad, as_is ? 0 : r->nul, avail);
            why = r->why;
            st = PRECIS_EPARSE;
        }
        bool split = false;
        if (!st) {
            const char *t = as_is ? d : text.data ? text.data : "";
            size_t tl = as_is ? avail : text.len;
            st = json_parts(r, NULL, r->name, 0, t, tl, &split);
            if (!st && !split) st = pasted(r, t, tl, &a, &why);
        }
        pc_buf_free(&text);
        if (split) {
            pt_article_free(&a);
            return st;
        }
    }
    if (st == PRECIS_ENOMEM) st = pc_fail(r->err, st, r->name, 0, "out of memory");
    else if (st) {
        skip_part(r, st, 0, NULL, why ? why : precis_strerror(st));
        st = PRECIS_OK;
    } else {
        st = emit(r, &a, r->name, 0, NULL);
    }
    pt_article_free(&a);
    return st;
}

static precis_status finish(reader *r, precis_status st)
{
    pc_buf_free(&r->line);
    pc_buf_free(&r->msg);
    pc_buf_free(&r->warns);
    pc_buf_free(&r->text);
    pc_buf_free(&r->ids);
    pc_buf_free(&r->refs);
    if (st) return st;
    if (r->n_bad) {
        return pc_fail(r->err, r->worst, r->name, 0, "%zu part%s could not be read as articles", r->n_bad,
                       r->n_bad == 1 ? "" : "s");
    }
    if (!r->n_articles) return pc_fail(r->err, PRECIS_EEMPTY, r->name, 0, "no article found");
    return PRECIS_OK;
}

static void reader_init(reader *r, precis_ctx *ctx, const char *name, precis_article_fn fn,
                        precis_bad_line_fn bad, void *user)
{
    memset(r, 0, sizeof *r);
    r->ctx = ctx;
    r->err = pc_ctx_err(ctx);
    r->lim = pc_ctx_limits(ctx);
    r->name = name;
    r->fn = fn;
    r->bad = bad;
    r->user = user;
    pc_buf_init(&r->line, 0);
    pc_buf_init(&r->msg, 0);
    pc_buf_init(&r->warns, 0);
    pc_buf_init(&r->text, 0);
    pc_buf_init(&r->ids, 0);
    pc_buf_init(&r->refs, 0);
    pc_error_clear(r->err);
}

precis_status pst_articles_read_mem(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                    precis_article_fn fn, precis_bad_line_fn bad, void *user)
{
    if (!ctx || !name || (!data && len) || !fn) return PRECIS_EINVAL;
    reader r;
    reader_init(&r, ctx, name, fn, bad, user);
    source s = {0};
    s.in.mem = data ? data : "";
    s.in.mem_len = len;
    pc_buf_init(&s.win, 0);
    precis_status st = read_source(&r, &s);
    pc_buf_free(&s.win);
    return finish(&r, st);
}

precis_status precis_articles_read(precis_ctx *ctx, const char *path, precis_article_fn fn,
                                   precis_bad_line_fn bad, void *user)
{
    if (!ctx || !path || !fn) return PRECIS_EINVAL;
    bool is_stdin = strcmp(path, "-") == 0;
    reader r;
    reader_init(&r, ctx, is_stdin ? "<stdin>" : path, fn, bad, user);
    int fd = is_stdin ? pc_dup_stdin() : open(path, O_RDONLY);
    if (fd < 0) return finish(&r, pc_fail_open(r.err, r.name, is_stdin, errno));
    struct stat sb;
    bool have_stat = fstat(fd, &sb) == 0;
    if (have_stat && S_ISDIR(sb.st_mode)) {
        close(fd);
        return finish(&r, pc_fail(r.err, PRECIS_EIO, r.name, 0, "is a directory"));
    }
    if (have_stat && !is_stdin && S_ISREG(sb.st_mode)) r.file_size = (size_t)sb.st_size;
    source s = {0};
    pc_buf_init(&s.win, 0);
    if (pc_source_fd(&s.in, fd)) return finish(&r, pc_fail(r.err, PRECIS_ENOMEM, r.name, 0, "out of memory"));
    precis_status st = read_source(&r, &s);
    pc_source_close(&s.in);
    pc_buf_free(&s.win);
    return finish(&r, st);
}

/* ---- a feed into a summarizer cluster (precis summarize) ---------------------- */

typedef struct feed_cluster {
    precis_ctx *ctx;
    precis_cluster *c;
    const char *base; /* the name's last component, for ids */
    precis_bad_line_fn bad;
    void *user;
    pc_buf id; /* BASE#K, whole */
} feed_cluster;

static precis_status feed_doc(void *user, const precis_article *a)
{
    feed_cluster *fc = user;
    const char *k = strrchr(a->id, '#'); /* NAME#K from feed_item */
    fc->id.len = 0;
    if (pc_buf_puts(&fc->id, fc->base) || pc_buf_puts(&fc->id, k ? k : ""))
        return pc_fail(pc_ctx_err(fc->ctx), PRECIS_ENOMEM, fc->base, 0, "out of memory");
    return precis_cluster_add_clean(fc->ctx, fc->c, fc->id.data, a->text, a->text_len);
}

static void feed_bad(void *user, const char *message)
{
    feed_cluster *fc = user;
    if (fc->bad) fc->bad(fc->user, message);
}

precis_status precis_cluster_read_feed(precis_ctx *ctx, precis_cluster *c, const char *name, const char *data,
                                       size_t len, precis_bad_line_fn bad, void *user)
{
    if (!ctx || !c || !name || (!data && len)) return PRECIS_EINVAL;
    const char *where = strcmp(name, "-") ? name : "<stdin>";
    const char *slash = strrchr(where, '/');
    feed_cluster fc = {ctx, c, slash && slash[1] ? slash + 1 : where, bad, user, {0}};
    pc_buf_init(&fc.id, 0);
    reader r;
    reader_init(&r, ctx, where, feed_doc, feed_bad, &fc);
    r.decoded = true;     /* precis_read_text gave UTF-8 */
    r.quiet_empty = true; /* a repeated item: already in, not a refused part (summarize's exit 2) */
    source s = {0};
    s.in.mem = data ? data : "";
    s.in.mem_len = len;
    pc_buf_init(&s.win, 0);
    precis_status st = read_feed(&r, &s);
    pc_buf_free(&s.win);
    pc_buf_free(&fc.id);
    return finish(&r, st);
}
