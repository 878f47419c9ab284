/* precis_story_render: a story object as a morning-briefing entry (plain text
 * or Markdown), read back from the JSON precis_story_build wrote, so any
 * stored story (server, files) renders the same way. */
#include "story.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#define BRIEF_LIST 2 /* unique facts / omissions shown per source (the JSON has more) */

typedef struct rnd {
    pc_buf *o;
    bool md;
    /* the sources, compact: a story of 100,000 copies parsed whole by jansson
     * took ~1.5 KB a source; here its fields are strings in pool */
    size_t n_src;
    uint32_t *src_off; /* n_src * N_SF: offset + 1 of each field in pool, 0 = none */
    pc_buf pool;
    precis_status st;
    pc_map ids;       /* source id hash -> position: a story of 100,000 copies */
    bool indexed;     /* marks each with its original without a scan per line */
} rnd;

static void put(rnd *r, const char *s)
{
    if (!r->st && s) r->st = pc_buf_puts(r->o, s); /* a field missing from the JSON: nothing */
}

static void putn(rnd *r, const char *s, size_t n)
{
    if (!r->st) r->st = pc_buf_append(r->o, s, n);
}

#define PRINTF(r, ...)                                             \
    do {                                                           \
        if (!(r)->st) (r)->st = pc_buf_printf((r)->o, __VA_ARGS__); \
    } while (0)

/* Text from the pages (headlines, sentences, names, sites, titles). A
 * control character (a JSON title's "\n", a site's "\t") is a space: a
 * briefing line is one line, and a title holding "\n   [2] ..." printed a
 * source line of its own (the text format put it out as it was). In a
 * Markdown briefing every character that could start markup -- emphasis,
 * code, a link, raw HTML such as a headline's "<script>", an entity -- is
 * backslash-escaped (CommonMark takes any escaped ASCII punctuation as
 * itself), so the page's text shows as written and runs nothing. */
static void txt(rnd *r, const char *s)
{
    if (!s) return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f) {
            putn(r, run, (size_t)(p - run));
            putn(r, " ", 1);
            run = p + 1;
            continue;
        }
        if (!r->md || !strchr("\\`*_[]<>&~|#!", *p)) continue;
        /* "02_coastwatch.txt": an underscore inside a word is no emphasis */
        if (*p == '_' && p > s && isalnum((unsigned char)p[-1]) && isalnum((unsigned char)p[1])) continue;
        putn(r, run, (size_t)(p - run));
        putn(r, "\\", 1);
        run = p;
    }
    put(r, run);
}

static bool web_url(const char *url)
{
    return !strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8);
}

/* A web address as a Markdown link target or autolink: the characters that
 * would close or split it are percent-encoded. */
static void md_target(rnd *r, const char *url)
{
    for (const char *p = url; *p; p++) {
        if (*p == '(' || *p == ')' || *p == ' ' || *p == '<' || *p == '>' || (unsigned char)*p < 0x20 || *p == 0x7f)
            PRINTF(r, "%%%02X", (unsigned char)*p);
        else putn(r, p, 1);
    }
}

/* A Markdown link whose text and target cannot end early (a title or URL
 * comes from the page). Only web addresses become links: a page's
 * "javascript:" or "data:" URL would be a live script link in the rendered
 * briefing. */
static void md_link(rnd *r, const char *title, const char *url)
{
    bool web = web_url(url);
    if (web) put(r, "[");
    txt(r, title);
    if (!web) return;
    put(r, "](");
    md_target(r, url);
    put(r, ")");
}

static const char *str(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s && *s ? s : NULL;
}

enum { SF_ID, SF_TITLE, SF_SITE, SF_DATE, SF_URL, SF_DUP, SF_IGNORED, SF_NOTE, N_SF };
static const char *const SF_KEY[N_SF] = {"id", "title", "site", "date", "url", "duplicate_of", "date_ignored",
                                         "date_note"};

/* Field f of source i (NULL when absent or empty, as str() gives it). */
static const char *sf(const rnd *r, size_t i, int f)
{
    uint32_t o = i < r->n_src ? r->src_off[i * N_SF + f] : 0;
    return o ? r->pool.data + o - 1 : NULL;
}

static precis_status add_source(rnd *r, json_t *src, size_t *cap)
{
    if (pc_grow(&r->src_off, cap, (r->n_src + 1) * N_SF, sizeof *r->src_off, 64 * N_SF)) return PRECIS_ENOMEM;
    for (int f = 0; f < N_SF; f++) {
        const char *v = str(src, SF_KEY[f]);
        r->src_off[r->n_src * N_SF + f] = 0;
        if (!v) continue;
        if (strlen(v) + 2 >= UINT32_MAX - r->pool.len) return PRECIS_ELIMIT; /* pool.len < UINT32_MAX */
        r->src_off[r->n_src * N_SF + f] = (uint32_t)r->pool.len + 1;
        precis_status st = pc_buf_append(&r->pool, v, strlen(v) + 1); /* with its NUL */
        if (st) return st;
    }
    r->n_src++;
    return PRECIS_OK;
}

/* ---- finding "sources" in the story's text, to parse it one source at a time */

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

/* s[i] is '"': the index after the closing quote, or n. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\') i++;
        else if (s[i] == '"') return i + 1;
    }
    return n;
}

static size_t skip_value(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '"') return skip_string(s, n, i);
    if (i < n && (s[i] == '{' || s[i] == '[')) {
        size_t depth = 0;
        while (i < n) {
            if (s[i] == '"') {
                i = skip_string(s, n, i);
                continue;
            }
            if (s[i] == '{' || s[i] == '[') depth++;
            else if ((s[i] == '}' || s[i] == ']') && --depth == 0) return i + 1;
            i++;
        }
        return n;
    }
    while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' &&
           s[i] != '\r')
        i++;
    return i;
}

/* The span of the top-level "sources" array, when the text is an object that has one. */
static bool find_sources(const char *s, size_t n, size_t *vs, size_t *ve)
{
    size_t i = skip_ws(s, n, 0);
    if (i >= n || s[i] != '{') return false;
    for (i++;;) {
        i = skip_ws(s, n, i);
        if (i >= n || s[i] != '"') return false;
        size_t ks = i;
        i = skip_string(s, n, i);
        bool is_sources = i - ks == 9 && !memcmp(s + ks, "\"sources\"", 9);
        i = skip_ws(s, n, i);
        if (i >= n || s[i] != ':') return false;
        i = skip_ws(s, n, i + 1);
        size_t v = i;
        i = skip_value(s, n, i);
        if (i > n || i == v) return false;
        if (is_sources && s[v] == '[') {
            if (s[i - 1] != ']') return false; /* "[...}": jansson refuses it whole */
            *vs = v, *ve = i;
            return true;
        }
        i = skip_ws(s, n, i);
        if (i >= n || s[i] != ',') return false;
        i++;
    }
}

/* The story without its sources (spliced out as "[]") through jansson, and
 * the sources one by one into the compact table. */
static precis_status load_story(const char *json, size_t len, rnd *r, json_t **story)
{
    size_t vs, ve, cap = 0;
    *story = NULL;
    if (find_sources(json, len, &vs, &ve)) {
        pc_buf t;
        pc_buf_init(&t, 0);
        precis_status st = pc_buf_append(&t, json, vs);
        if (!st) st = pc_buf_append(&t, "[]", 2);
        if (!st) st = pc_buf_append(&t, json + ve, len - ve);
        if (st) {
            pc_buf_free(&t);
            return st;
        }
        *story = json_loadb(t.data, t.len, 0, NULL);
        pc_buf_free(&t);
        if (!*story) return PRECIS_EPARSE;
        /* the fields are shorter than their JSON: one reservation, no doubling */
        if ((st = pc_buf_reserve(&r->pool, ve - vs))) return st;
        for (size_t i = skip_ws(json, ve, vs + 1); i < ve - 1;) {
            json_error_t e;
            json_t *src = json_loadb(json + i, ve - 1 - i, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &e);
            if (!src) return PRECIS_EPARSE;
            st = add_source(r, src, &cap);
            json_decref(src);
            if (st) return st;
            i = skip_ws(json, ve - 1, i + (size_t)e.position);
            if (i < ve - 1 && json[i] != ',') return PRECIS_EPARSE;
            if (i < ve - 1) {
                i = skip_ws(json, ve - 1, i + 1);
                if (i >= ve - 1) return PRECIS_EPARSE; /* a trailing comma */
            }
        }
        return PRECIS_OK;
    }
    *story = json_loadb(json, len, 0, NULL);
    json_t *a = json_object_get(*story, "sources"), *src;
    if (!json_is_object(*story) || !json_is_array(a)) return PRECIS_EPARSE;
    size_t i;
    json_array_foreach(a, i, src)
    {
        precis_status st = add_source(r, src, &cap);
        if (st) return st;
    }
    return PRECIS_OK;
}

/* Is source i's id the one looked for (not only one with its hash)? */
static bool same_id(const void *ctx, uint32_t i)
{
    const pc_map_bytes *p = ctx;
    const char *sid = sf(p->owner, i, SF_ID);
    return sid && pc_map_same_bytes(p, sid, strlen(sid));
}

/* 1-based marker of a source id, 0 when unknown. */
static size_t marker(rnd *r, const char *id)
{
    if (!id) return 0;
    if (r->indexed) {
        pc_map_bytes p = {r, id, strlen(id)};
        uint32_t i = pc_map_get(&r->ids, XXH3_64bits(id, p.n), same_id, &p);
        return i == PC_MAP_NONE ? 0 : (size_t)i + 1;
    }
    for (size_t i = 0; i < r->n_src; i++) {
        const char *sid = sf(r, i, SF_ID);
        if (sid && !strcmp(sid, id)) return i + 1;
    }
    return 0;
}

/* The id index (the first source with an id wins, as the scan above does);
 * without memory for it markers fall back to the scan. */
static void index_ids(rnd *r)
{
    precis_status st = pc_map_reserve(&r->ids, r->n_src);
    for (size_t i = 0; i < r->n_src && !st; i++) {
        const char *sid = sf(r, i, SF_ID);
        if (!sid) continue;
        pc_map_bytes p = {r, sid, strlen(sid)};
        st = pc_map_put(&r->ids, XXH3_64bits(sid, p.n), (uint32_t)i, same_id, &p, NULL);
    }
    if (st) pc_map_free(&r->ids);
    r->indexed = !st;
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

/* Markers in ascending order, each once ("[1][4]", never "[4][1]"): a reader
 * looks a number up in the source list, and the order of the list is the
 * order to read them in. Which source's wording a summary sentence is stays
 * in the JSON (its "doc"). The unknown (0) are left out. */
static void put_markers(rnd *r, size_t *m, size_t n)
{
    qsort(m, n, sizeof *m, cmp_size);
    for (size_t i = 0; i < n; i++)
        if (m[i] && (!i || m[i] != m[i - 1])) PRINTF(r, "[%zu]", m[i]);
}

/* The markers of an id and of the ids of two arrays (NULL allowed). */
static void markers_of(rnd *r, const char *own, json_t *a, json_t *b)
{
    json_t *arr[2] = {a, b}, *v;
    size_t n = 1, i, small[16];
    for (int k = 0; k < 2; k++) n += json_array_size(arr[k]);
    size_t *m = n <= 16 ? small : malloc(n * sizeof *m);
    if (!m) { /* no memory: unsorted, as given */
        size_t mo = marker(r, own);
        if (mo) PRINTF(r, "[%zu]", mo);
        for (int k = 0; k < 2; k++)
            json_array_foreach(arr[k], i, v)
            {
                size_t x = marker(r, json_string_value(v));
                if (x) PRINTF(r, "[%zu]", x);
            }
        return;
    }
    n = 0;
    m[n++] = marker(r, own);
    for (int k = 0; k < 2; k++) json_array_foreach(arr[k], i, v) m[n++] = marker(r, json_string_value(v));
    put_markers(r, m, n);
    if (m != small) free(m);
}

static void markers(rnd *r, json_t *ids) { markers_of(r, NULL, ids, NULL); }

/* The last part of a source's id (a file name), or the id. */
static const char *base_id(const rnd *r, size_t i)
{
    const char *s = sf(r, i, SF_ID);
    if (!s) return "?";
    const char *slash = strrchr(s, '/');
    return slash && slash[1] ? slash + 1 : s;
}

/* "[3] Harbour Courier" in the coverage lines: the site when known; the
 * marker alone otherwise (the numbered source list says what it is). */
static void who(rnd *r, size_t m, size_t src)
{
    PRINTF(r, "[%zu]", m);
    if (sf(r, src, SF_SITE)) {
        put(r, " ");
        txt(r, sf(r, src, SF_SITE));
    }
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0, m = strlen(what);
    for (const char *p = s; (p = strstr(p, what)); p += m) n++;
    return n;
}

/* A sentence with its quotation marks paired: the splitter cuts a quotation
 * of several sentences into pieces, and '...itself," said the official.'
 * reads wrong alone. The missing mark is put back (display only; the JSON
 * keeps the text as it is in the article). */
typedef struct marks {
    bool open_straight, close_straight; /* a '"' to put in front / at the end */
    bool open_curly, close_curly;       /* an opening / closing curly mark */
    bool open_tex, close_tex;           /* "``" in front / "''" at the end */
} marks;

static marks missing_marks(const char *s)
{
    marks m = {0};
    size_t straight = count(s, "\""), lo = count(s, "\xe2\x80\x9c"), lc = count(s, "\xe2\x80\x9d");
    size_t to = count(s, "``"), tc = count(s, "''");
    if (straight % 2) {
        const char *q = strchr(s, '"');
        /* the first mark closes a quotation when it follows a word or punctuation */
        if (q > s && q[-1] != ' ' && q[-1] != '(') m.open_straight = true;
        else m.close_straight = true;
    }
    m.open_curly = lc > lo;
    m.close_curly = lo > lc;
    m.open_tex = tc > to;
    m.close_tex = to > tc;
    return m;
}

static void put_marked(rnd *r, const char *s, const marks *m)
{
    if (m->open_straight) put(r, "\"");
    if (m->open_curly) put(r, "\xe2\x80\x9c");
    if (m->open_tex) txt(r, "``"); /* in Markdown "``" would open a code span */
    txt(r, s);
    if (m->close_tex) put(r, "''");
    if (m->close_curly) put(r, "\xe2\x80\x9d");
    if (m->close_straight) put(r, "\"");
}

static void sentence(rnd *r, const char *s)
{
    s = s ? s : "";
    marks m = missing_marks(s);
    put_marked(r, s, &m);
}

/* A sentence in quotes, unless it opens with its own (a quotation) or gets
 * its opening mark back in front (it closes one opened the sentence before). */
static void quoted(rnd *r, const char *s)
{
    s = s ? s : "";
    marks m = missing_marks(s);
    bool own = s[0] == '"' || s[0] == '\'' || s[0] == '`' || !strncmp(s, "\xe2\x80\x9c", 3) ||
               !strncmp(s, "\xe2\x80\x98", 3) || m.open_straight || m.open_curly || m.open_tex;
    if (!own) put(r, "\"");
    put_marked(r, s, &m);
    if (!own) put(r, "\"");
}

static void heading(rnd *r, const char *name)
{
    if (r->md) PRINTF(r, "\n**%s**\n\n", name);
    else PRINTF(r, "\n   %s\n", name);
}

static const char *item(rnd *r) { return r->md ? "- " : "     "; }

/* A conflict's claims: "\"Nine\" [1] vs \"Twelve\" [2]" (sep " vs "). */
static void claims_sep(rnd *r, json_t *conflict, const char *sep)
{
    size_t k;
    json_t *cl;
    json_array_foreach(json_object_get(conflict, "claims"), k, cl)
    {
        if (k) put(r, sep);
        quoted(r, str(cl, "value"));
        put(r, " ");
        markers(r, json_object_get(cl, "docs"));
    }
}

static void claims(rnd *r, json_t *conflict) { claims_sep(r, conflict, " vs "); }

/* What the sources differ on in a summary sentence: each conflict with a
 * claim told by that sentence, as "(sources differ on the name: "Binyamin"
 * [1] vs "Benjamin" [4])" -- a bare "sources differ" leaves the reader to
 * find out about what. At most two conflicts; the Coverage part has all. */
static void disputes(rnd *r, json_t *story, const char *text)
{
    json_t *conf = json_object_get(json_object_get(story, "coverage"), "conflicts"), *c, *cl;
    size_t i, k, shown = 0, more = 0;
    if (!text) return;
    json_array_foreach(conf, i, c)
    {
        bool told = false;
        json_array_foreach(json_object_get(c, "claims"), k, cl)
        {
            const char *t = str(cl, "text");
            told |= t && !strcmp(t, text);
        }
        if (!told) continue;
        if (shown == 2) {
            more++;
            continue;
        }
        put(r, shown ? "; " : r->md ? " *(sources differ on " : " (sources differ on ");
        const char *kind = str(c, "kind"), *about = str(c, "about");
        if (kind && !strcmp(kind, "figure") && about) {
            put(r, "the number of ");
            txt(r, about);
        }
        else if (kind && !strcmp(kind, "figure")) put(r, "a figure");
        else if (kind && !strcmp(kind, "date")) put(r, "the day");
        else PRINTF(r, "the %s", kind ? kind : "facts");
        put(r, ": ");
        claims(r, c);
        shown++;
    }
    if (more) PRINTF(r, "; %zu more below", more);
    if (shown) put(r, r->md ? ")*" : ")");
}

static void render_summary(rnd *r, json_t *story)
{
    json_t *sum = json_object_get(story, "summary");
    json_t *sents = json_object_get(sum, "sentences");
    json_t *support = json_object_get(json_object_get(story, "coverage"), "summary");
    size_t i;
    json_t *s;
    put(r, "\n");
    if (str(sum, "note")) { /* a budget too small for any sentence (precis_story_build) */
        put(r, r->md ? "- *(" : "   - (");
        txt(r, str(sum, "note"));
        put(r, r->md ? ")*\n" : ")\n");
    }
    json_array_foreach(sents, i, s)
    {
        put(r, r->md ? "- " : "   - ");
        sentence(r, str(s, "text"));
        put(r, " ");
        /* its source and the others that say the same, in ascending order */
        json_t *docs = json_object_get(json_array_get(support, i), "docs");
        /* a report the coverage found giving another figure does not
         * corroborate it, though the summarizer's also_in has it */
        json_t *differ = json_object_get(json_array_get(support, i), "differ"), *also = json_object_get(s, "also_in");
        json_t *kept = differ ? json_array() : NULL, *v, *d;
        size_t k, m;
        json_array_foreach(differ ? also : NULL, k, v)
        {
            bool drop = false;
            json_array_foreach(differ, m, d) drop |= json_equal(v, d);
            if (!drop) json_array_append(kept, v);
        }
        markers_of(r, str(s, "doc"), docs, differ ? kept : also);
        json_decref(kept);
        disputes(r, story, str(s, "text"));
        put(r, "\n");
    }
}

static void render_timeline(rnd *r, json_t *story)
{
    json_t *tl = json_object_get(story, "timeline");
    if (!json_array_size(tl)) return;
    heading(r, "Timeline");
    size_t i;
    json_t *e;
    json_array_foreach(tl, i, e)
    {
        put(r, item(r));
        PRINTF(r, r->md ? "**%s** " : "%-10s  ", str(e, "date") ? str(e, "date") : "?");
        sentence(r, str(e, "text"));
        put(r, " ");
        markers(r, json_object_get(e, "sources"));
        if (str(e, "uncertain")) { /* "Tuesday, May 30, 2018" (a Wednesday): said, not hidden */
            put(r, " (uncertain: ");
            txt(r, str(e, "uncertain"));
            put(r, ")");
        }
        put(r, "\n");
    }
}

static void render_entities(rnd *r, json_t *story)
{
    json_t *en = json_object_get(story, "entities");
    if (!json_array_size(en)) return;
    heading(r, "Who and where");
    put(r, item(r));
    size_t i;
    json_t *e;
    json_array_foreach(en, i, e)
    {
        if (i) put(r, "; ");
        txt(r, str(e, "name") ? str(e, "name") : "?");
        PRINTF(r, " (%s, %lld)", str(e, "type") ? str(e, "type") : "other",
               (long long)json_integer_value(json_object_get(e, "sources")));
    }
    put(r, "\n");
}

static bool in_summary_text(json_t *story, const char *text)
{
    json_t *sents = json_object_get(json_object_get(story, "summary"), "sentences"), *x;
    size_t i;
    if (!text) return false;
    json_array_foreach(sents, i, x)
    {
        const char *t = str(x, "text");
        if (t && !strcmp(t, text)) return true;
    }
    /* a timeline entry with one source shows the same: who alone tells it */
    json_array_foreach(json_object_get(story, "timeline"), i, x)
    {
        const char *t = str(x, "text");
        if (t && !strcmp(t, text) && json_array_size(json_object_get(x, "sources")) == 1) return true;
    }
    return false;
}

static void render_coverage(rnd *r, json_t *story)
{
    json_t *cov = json_object_get(story, "coverage");
    json_t *per = json_object_get(cov, "per_source"), *conf = json_object_get(cov, "conflicts");
    json_t *spell = json_object_get(cov, "spellings");
    bool any = json_array_size(conf) > 0 || json_array_size(spell) > 0;
    size_t i, k;
    json_t *p, *f;
    /* a unique fact the summary or timeline told already is not printed again:
     * a heading over nothing is not printed either */
    json_array_foreach(per, i, p)
    {
        any |= json_array_size(json_object_get(p, "omits")) > 0;
        /* ... but the count of those not listed ("and 3 more") is */
        size_t told = 0, nu = (size_t)json_integer_value(json_object_get(p, "n_unique"));
        json_array_foreach(json_object_get(p, "unique"), k, f) told += in_summary_text(story, str(f, "text"));
        any |= json_array_size(json_object_get(p, "unique")) > told || nu > told;
    }
    /* The comparison was cut (MAX_CANDIDATES): the reader is told, in the
     * readable formats as in the JSON, before reading what it found. */
    json_t *capped = json_object_get(cov, "capped");
    any |= capped != NULL;
    if (!any) return;
    heading(r, "Coverage");
    if (capped) {
        long long sents = (long long)json_integer_value(json_object_get(capped, "sentences"));
        long long most = (long long)json_integer_value(json_object_get(capped, "max_candidates"));
        long long cut = (long long)json_integer_value(json_object_get(capped, "candidates_cut"));
        put(r, item(r));
        long long per_report = (long long)json_integer_value(json_object_get(capped, "per_report"));
        PRINTF(r, r->md ? "*(compared in part: %lld sentence%s compared with their likeliest matches only (at most %lld "
                          "in each other report, %lld in all), %lld comparisons left out; a shared or contradicted "
                          "fact may be missed)*\n"
                        : "  (compared in part: %lld sentence%s compared with their likeliest matches only (at most %lld "
                          "in each other report, %lld in all), %lld comparisons left out; a shared or contradicted "
                          "fact may be missed)\n",
               sents, sents == 1 ? "" : "s", per_report, most, cut);
    }
    json_array_foreach(conf, i, p)
    {
        put(r, item(r));
        PRINTF(r, "Sources differ (%s", str(p, "kind") ? str(p, "kind") : "?");
        if (str(p, "about")) {
            put(r, ": ");
            txt(r, str(p, "about"));
        }
        put(r, "): ");
        claims(r, p);
        put(r, "\n");
    }
    /* One name spelt two ways (a transliteration, a slip) is no disagreement
     * on the facts, so it is not among the differences; it is still worth a
     * line: an editor checking names wants to know which outlets spell it
     * which way. */
    json_array_foreach(spell, i, p)
    {
        put(r, item(r));
        put(r, "Spelt two ways: ");
        claims_sep(r, p, " / ");
        put(r, "\n");
    }
    json_array_foreach(per, i, p)
    {
        size_t m = marker(r, str(p, "doc"));
        size_t src = m ? m - 1 : 0;
        size_t nu = (size_t)json_integer_value(json_object_get(p, "n_unique"));
        size_t no = (size_t)json_integer_value(json_object_get(p, "n_omits"));
        size_t shown = 0, in_summary = 0;
        json_array_foreach(json_object_get(p, "unique"), k, f)
        {
            if (shown == BRIEF_LIST) break;
            /* the summary or the timeline printed it already, with this source's marker alone */
            if (in_summary_text(story, str(f, "text"))) {
                in_summary++;
                continue;
            }
            put(r, item(r));
            put(r, "Only ");
            who(r, m, src);
            put(r, ": ");
            quoted(r, str(f, "text"));
            put(r, "\n");
            shown++;
        }
        if (nu > shown + in_summary) {
            size_t more = nu - shown - in_summary;
            put(r, item(r));
            PRINTF(r, r->md ? "*(and %zu more fact%s only [%zu] reports)*\n" : "  (and %zu more fact%s only [%zu] reports)\n",
                   more, more == 1 ? "" : "s", m);
        }
        json_array_foreach(json_object_get(p, "omits"), k, f)
        {
            if (k == BRIEF_LIST) break;
            put(r, item(r));
            who(r, m, src);
            PRINTF(r, " leaves out what %lld reports say: ",
                   (long long)json_integer_value(json_object_get(f, "reported_by")));
            quoted(r, str(f, "text"));
            put(r, "\n");
        }
        if (no > BRIEF_LIST) {
            put(r, item(r));
            PRINTF(r, r->md ? "*(and %zu more that [%zu] leaves out)*\n" : "  (and %zu more that [%zu] leaves out)\n",
                   no - BRIEF_LIST, m);
        }
    }
}

static void render_sources(rnd *r)
{
    heading(r, "Sources");
    /* "[2] Velmora ferry grounding: all 212 aboard rescued — Coastwatch Daily,
     * 2024-09-15 <url>": what a reader needs to find the piece again; the
     * input's name when there is no URL, standing in for the title when
     * there is none */
    for (size_t i = 0; i < r->n_src; i++) {
        const char *title = sf(r, i, SF_TITLE), *site = sf(r, i, SF_SITE), *date = sf(r, i, SF_DATE);
        const char *url = sf(r, i, SF_URL);
        put(r, item(r));
        PRINTF(r, "[%zu] ", i + 1);
        if (title && url && r->md) md_link(r, title, url);
        else txt(r, title ? title : base_id(r, i));
        if (site || date) put(r, " — ");
        txt(r, site);
        if (site && date) put(r, ", ");
        if (date) PRINTF(r, "%.10s", date); /* the day; the time of day is in the JSON */
        if (date && sf(r, i, SF_IGNORED)) {
            put(r, " (date ignored: ");
            txt(r, sf(r, i, SF_IGNORED));
            put(r, ")");
        }
        if (sf(r, i, SF_NOTE)) { /* a yearless wire dateline: how it was read, or why not */
            put(r, " (");
            txt(r, sf(r, i, SF_NOTE));
            put(r, ")");
        }
        if (url && !(title && r->md)) {
            /* Markdown takes "<scheme:...>" for a link: a web address only, the rest as text */
            if (!r->md) {
                put(r, " <");
                txt(r, url);
                put(r, ">");
            } else if (web_url(url)) {
                put(r, " <");
                md_target(r, url);
                put(r, ">");
            } else {
                put(r, " \\<");
                txt(r, url);
                put(r, "\\>");
            }
        }
        size_t dm = marker(r, sf(r, i, SF_DUP));
        if (dm) PRINTF(r, " (copy of [%zu])", dm);
        if (!url && title) {
            put(r, " (");
            txt(r, base_id(r, i));
            put(r, ")");
        }
        put(r, "\n");
    }
}

precis_status precis_story_render(const char *json, size_t len, precis_story_format fmt, size_t rank,
                                  char **out, size_t *out_len)
{
    if (!json || !out || (fmt != PRECIS_STORY_TEXT && fmt != PRECIS_STORY_MARKDOWN)) return PRECIS_EINVAL;
    *out = NULL;
    pc_buf o;
    pc_buf_init(&o, 0);
    rnd r = {.o = &o, .md = fmt == PRECIS_STORY_MARKDOWN};
    pc_buf_init(&r.pool, 0);
    json_t *story;
    precis_status lst = load_story(json, len, &r, &story);
    if (!lst && (!json_is_object(story) || !json_is_array(json_object_get(story, "sources")))) lst = PRECIS_EPARSE;
    if (lst) {
        json_decref(story);
        free(r.src_off);
        pc_buf_free(&r.pool);
        return lst;
    }
    index_ids(&r);
    const char *h = str(story, "headline");
    size_t n = r.n_src;
    size_t reports = (size_t)json_integer_value(json_object_get(json_object_get(story, "coverage"), "reports"));
    size_t analysed = reports; /* a story past the cap of analysed reports has more */
    if (json_is_integer(json_object_get(story, "n_reports")))
        reports = (size_t)json_integer_value(json_object_get(story, "n_reports"));
    if (r.md) put(&r, "## ");
    if (rank) PRINTF(&r, "%zu. ", rank);
    txt(&r, h ? h : "(no headline)");
    put(&r, "\n");
    PRINTF(&r, r.md ? "\n*%zu source%s" : "   %zu source%s", n, n == 1 ? "" : "s");
    if (reports && reports != n) PRINTF(&r, ", %zu independent report%s", reports, reports == 1 ? "" : "s");
    if (analysed && analysed < reports) PRINTF(&r, " (the first %zu reports analysed)", analysed);
    /* the days the sources were published: how fresh the story is */
    {
        const char *lo = NULL, *hi = NULL;
        size_t dated = 0;
        for (size_t i = 0; i < r.n_src; i++) {
            const char *d = sf(&r, i, SF_DATE);
            if (!d || strlen(d) < 10) continue; /* a month alone says too little */
            if (sf(&r, i, SF_IGNORED)) continue; /* 2999, 1066: not believed */
            dated++;
            if (!lo || strncmp(d, lo, 10) < 0) lo = d;
            if (!hi || strncmp(d, hi, 10) > 0) hi = d;
        }
        if (lo && strncmp(lo, hi, 10)) PRINTF(&r, ", %.10s to %.10s", lo, hi);
        else if (lo) PRINTF(&r, ", %.10s", lo);
        if (lo && dated < n) PRINTF(&r, " (%zu of %zu dated)", dated, n);
    }
    put(&r, r.md ? "*\n" : "\n");
    render_summary(&r, story);
    render_timeline(&r, story);
    render_entities(&r, story);
    render_coverage(&r, story);
    render_sources(&r);
    pc_map_free(&r.ids);
    free(r.src_off);
    pc_buf_free(&r.pool);
    json_decref(story);
    if (r.st) {
        pc_buf_free(&o);
        return r.st;
    }
    (void)putn;
    *out = pc_buf_detach(&o, out_len);
    return *out ? PRECIS_OK : PRECIS_ENOMEM;
}
