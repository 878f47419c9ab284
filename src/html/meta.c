/* Page metadata: title, publication date, author, site name, canonical URL,
 * language. Sources in order of trust: JSON-LD and OpenGraph/meta tags that
 * name the field, then <time>, bylines and <h1> in the page, then the URL
 * (/2018/05/29/) and a visible dateline. Dates go through the one date
 * parser (text/date.h) and come out as ISO 8601. */
#include "html/page.h"
#include "text/date.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define META_MAX 4096 /* longest metadata value kept (articleBody excepted) */

static char *keep(ph_page *pg, const char *s, size_t max)
{
    if (!s) return NULL;
    while (pc_is_space((unsigned char)*s)) s++;
    size_t len = strlen(s), n = len < max ? len : max;
    /* do not end inside a UTF-8 sequence */
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    while (n && pc_is_space((unsigned char)s[n - 1])) n--;
    if (!n) return NULL;
    char *out = pc_arena_alloc(&pg->arena, n + 1);
    if (!out) return NULL;
    pc_collapse_space(out, s, n); /* inner whitespace runs become one space */
    return out;
}

static void node_text_into(const GumboNode *n, pc_buf *b, int depth)
{
    if (depth > 64 || b->len > b->limit) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        if (b->len) pc_buf_putc(b, ' ');
        pc_buf_puts(b, n->v.text.text);
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) return;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) node_text_into(ch->data[i], b, depth + 1);
}

char *ph_node_text(ph_page *pg, const GumboNode *n, size_t max)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    b.limit = max * 2 + 64;
    node_text_into(n, &b, 0);
    b.limit = 0;
    char *s = b.data ? keep(pg, b.data, max) : NULL;
    pc_buf_free(&b);
    return s;
}

static void set_once(ph_page *pg, char **field, const char *v, size_t max)
{
    if (!*field && v && *v) *field = keep(pg, v, max);
}

/* Rank of a <meta> name/property as a publication date; 0 = not a date. */
static int date_rank(const char *key)
{
    static const struct { const char *key; int rank; } keys[] = {
        {"article:published_time", 1}, {"og:published_time", 1}, {"datepublished", 1},
        {"article.published", 1},      {"publishdate", 1},        {"publish-date", 1},
        {"publish_date", 1},           {"pubdate", 1},            {"parsely-pub-date", 1},
        {"sailthru.date", 2},          {"date", 2},               {"dc.date", 2},
        {"dc.date.issued", 2},         {"dcterms.date", 2},       {"dcterms.created", 2},
        {"dc.date.created", 2},        {"article:modified_time", 6}, {"og:updated_time", 6},
        {"datemodified", 6},           {"last-modified", 7},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcasecmp(key, keys[i].key) == 0) return keys[i].rank;
    return 0;
}

static void offer_date(ph_page *pg, const char *v, int rank)
{
    if (!v || !*v) return;
    if (pg->meta.date && pg->meta.date_rank <= rank) return;
    char *k = keep(pg, v, 200);
    if (!k) return;
    pt_date d;
    if (!pt_date_find(k, strlen(k), 0, &d) || !d.year) return;
    pg->meta.date = k;
    pg->meta.date_rank = rank;
}

/* ---- JSON-LD ---------------------------------------------------------------- */

static bool is_article_type(json_t *obj)
{
    json_t *t = json_object_get(obj, "@type");
    const char *s = json_is_string(t) ? json_string_value(t) : NULL;
    if (json_is_array(t) && json_array_size(t)) {
        json_t *f = json_array_get(t, 0);
        s = json_is_string(f) ? json_string_value(f) : NULL;
    }
    if (!s) return false;
    return strstr(s, "Article") || strstr(s, "Posting") || strcmp(s, "Report") == 0 ||
           strcmp(s, "WebPage") == 0 || strcmp(s, "ItemPage") == 0;
}

static const char *name_of(json_t *v)
{
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_object(v)) {
        json_t *n = json_object_get(v, "name");
        if (json_is_string(n)) return json_string_value(n);
    }
    if (json_is_array(v) && json_array_size(v)) return name_of(json_array_get(v, 0));
    return NULL;
}

/* Some sites put HTML in articleBody ("<p>...<strong>"): tags become spaces. */
static const char *untag(ph_page *pg, const char *s)
{
    const char *lt = strchr(s, '<');
    if (!lt || !(isalpha((unsigned char)lt[1]) || lt[1] == '/')) return s;
    size_t n = strlen(s);
    char *out = pc_arena_alloc(&pg->arena, n + 1);
    if (!out) return s;
    size_t k = 0;
    for (const char *p = s; *p;) {
        if (*p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/')) {
            const char *gt = strchr(p, '>');
            if (gt) {
                out[k++] = ' ';
                p = gt + 1;
                continue;
            }
        }
        out[k++] = *p++;
    }
    out[k] = '\0';
    return out;
}

static void ld_visit(ph_page *pg, json_t *v, int depth)
{
    if (depth > 16) return;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) ld_visit(pg, x, depth + 1);
        return;
    }
    if (!json_is_object(v)) return;
    ph_meta *m = &pg->meta;
    json_t *body = json_object_get(v, "articleBody");
    if (json_is_string(body)) {
        const char *s = json_string_value(body);
        if (!m->ld_body || strlen(s) > strlen(m->ld_body)) m->ld_body = keep(pg, untag(pg, s), PC_DEFAULT_MAX_ARTICLE);
    }
    if (is_article_type(v)) {
        json_t *h = json_object_get(v, "headline");
        if (json_is_string(h)) set_once(pg, &m->ld_headline, json_string_value(h), 1000);
        json_t *d = json_object_get(v, "datePublished");
        if (json_is_string(d)) set_once(pg, &m->ld_date, json_string_value(d), 200);
        json_t *a = json_object_get(v, "author");
        if (!m->ld_author && a) {
            /* several authors: join their names */
            char buf[512] = "";
            size_t k = 0;
            if (json_is_array(a)) {
                size_t i;
                json_t *x;
                json_array_foreach(a, i, x) {
                    const char *nm = name_of(x);
                    if (!nm || !*nm) continue;
                    int w = snprintf(buf + k, sizeof buf - k, "%s%s", k ? ", " : "", nm);
                    if (w < 0 || (size_t)w >= sizeof buf - k) { /* a name that does not fit is left out whole */
                        buf[k] = '\0';
                        break;
                    }
                    k += (size_t)w;
                }
            } else {
                const char *nm = name_of(a);
                if (nm) pc_snprintf(buf, sizeof buf, "%s", nm);
            }
            set_once(pg, &m->ld_author, buf, 500);
        }
        json_t *p = json_object_get(v, "publisher");
        const char *pn = name_of(p);
        if (pn) set_once(pg, &m->ld_site, pn, 300);
    }
    json_t *graph = json_object_get(v, "@graph");
    if (graph) ld_visit(pg, graph, depth + 1);
    json_t *main = json_object_get(v, "mainEntity");
    if (main) ld_visit(pg, main, depth + 1);
}

void ph_meta_ld(ph_page *pg, const char *s)
{
    size_t n = strlen(s);
    if (n > 16 * PC_MiB) return;
    json_error_t jerr;
    /* JSON_ALLOW_NUL off: a NUL would cut strings; jansson rejects them */
    json_t *root = json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &jerr);
    if (!root) return; /* broken JSON-LD is common; the page still has its DOM */
    ld_visit(pg, root, 0);
    json_decref(root);
}

/* ---- per element --------------------------------------------------------------- */

static bool looks_like_url(const char *s) { return s && (strncmp(s, "http", 4) == 0 || s[0] == '/'); }

void ph_meta_element(ph_page *pg, const GumboNode *n)
{
    ph_meta *m = &pg->meta;
    GumboTag t = n->v.element.tag;
    switch (t) {
    case GUMBO_TAG_HTML:
        set_once(pg, &m->lang, ph_attr(n, "lang"), 32);
        if (!m->lang) set_once(pg, &m->lang, ph_attr(n, "xml:lang"), 32);
        return;
    case GUMBO_TAG_TITLE:
        if (!m->title_tag) m->title_tag = ph_node_text(pg, n, 1000);
        return;
    case GUMBO_TAG_LINK: {
        const char *rel = ph_attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0) set_once(pg, &m->canonical, ph_attr(n, "href"), 2000);
        return;
    }
    case GUMBO_TAG_META: {
        const char *content = ph_attr(n, "content");
        if (!content) return;
        const char *key = ph_attr(n, "property");
        if (!key) key = ph_attr(n, "name");
        if (!key) key = ph_attr(n, "itemprop");
        const char *equiv = ph_attr(n, "http-equiv");
        if (equiv && strcasecmp(equiv, "content-language") == 0)
            set_once(pg, &m->content_lang, content, 32);
        if (!key) return;
        int rank = date_rank(key);
        if (rank) {
            offer_date(pg, content, rank);
            return;
        }
        if (strcasecmp(key, "og:title") == 0) set_once(pg, &m->og_title, content, 1000);
        else if (strcasecmp(key, "og:site_name") == 0) set_once(pg, &m->og_site, content, 300);
        else if (strcasecmp(key, "og:url") == 0) set_once(pg, &m->og_url, content, 2000);
        else if (strcasecmp(key, "og:description") == 0 || strcasecmp(key, "description") == 0)
            set_once(pg, &m->description, content, 2000);
        else if (strcasecmp(key, "og:locale") == 0) set_once(pg, &m->og_locale, content, 32);
        else if (strcasecmp(key, "application-name") == 0) set_once(pg, &m->app_name, content, 300);
        else if ((strcasecmp(key, "author") == 0 || strcasecmp(key, "article:author") == 0 ||
                  strcasecmp(key, "parsely-author") == 0 || strcasecmp(key, "dc.creator") == 0 ||
                  strcasecmp(key, "sailthru.author") == 0 || strcasecmp(key, "byl") == 0) &&
                 !looks_like_url(content))
            set_once(pg, &m->author, content, 300);
        return;
    }
    case GUMBO_TAG_TIME: {
        const char *dt = ph_attr(n, "datetime");
        const char *ip = ph_attr(n, "itemprop");
        if (ip && strcmp(ip, "datePublished") == 0) offer_date(pg, dt, 1);
        else if (dt && !m->time_date) {
            pt_date d;
            if (pt_date_find(dt, strlen(dt), 0, &d) && d.year) m->time_date = keep(pg, dt, 200);
        }
        return;
    }
    default:
        break;
    }
    const char *ip = ph_attr(n, "itemprop");
    if (ip && strcmp(ip, "datePublished") == 0) {
        const char *v = ph_attr(n, "content");
        if (!v) v = ph_attr(n, "datetime");
        if (v) offer_date(pg, v, 1);
        else if (!m->time_date) m->time_date = ph_node_text(pg, n, 200);
    }
    if (!m->byline) {
        const char *rel = ph_attr(n, "rel");
        if ((ip && strcmp(ip, "author") == 0) || (rel && strcmp(rel, "author") == 0) ||
            (ph_judged(n, NULL) & PH_J_BYLINE)) {
            char *s = ph_node_text(pg, n, 300);
            if (s && strlen(s) < 120) m->byline = s;
        }
    }
}

/* ---- finishing ---------------------------------------------------------------- */

static bool iso_date(const char *s, char *out, size_t cap)
{
    return pt_date_normalise(s, s ? strlen(s) : 0, out, cap) > 0;
}

static bool digits(const char *p, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)p[i])) return false;
    return true;
}

/* /2018/05/29/, /2018-05-29, /20180529/ or /2018/05/ in a URL path */
static void url_date(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    if (!url) return;
    for (const char *p = url; *p; p++) {
        if (*p != '/' || !digits(p + 1, 4)) continue;
        const char *q = p + 1;
        int y = atoi(q), mo = 0, d = 0;
        if (y < 1990 || y > 2100) continue;
        if ((q[4] == '/' || q[4] == '-') && digits(q + 5, 2)) {
            mo = (q[5] - '0') * 10 + (q[6] - '0');
            if ((q[7] == q[4]) && digits(q + 8, 2) && !isdigit((unsigned char)q[10]))
                d = (q[8] - '0') * 10 + (q[9] - '0');
            else if (q[7] != '/')
                continue;
        } else if (digits(q + 4, 4) && !isdigit((unsigned char)q[8])) {
            mo = (q[4] - '0') * 10 + (q[5] - '0');
            d = (q[6] - '0') * 10 + (q[7] - '0');
        } else {
            continue;
        }
        if (mo < 1 || mo > 12 || d > 31) continue;
        if (d) snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
        else snprintf(out, cap, "%04d-%02d", y, mo);
        return;
    }
}

/* "de-DE" -> "de", "en_US" -> "en"; NULL when not a language tag. */
static void lang_code(const char *s, char *out, size_t cap)
{
    out[0] = '\0';
    if (!s) return;
    size_t n = 0;
    while (s[n] && isalpha((unsigned char)s[n]) && n + 1 < cap && n < 3) {
        out[n] = (char)tolower((unsigned char)s[n]);
        n++;
    }
    if (n < 2 || (s[n] && s[n] != '-' && s[n] != '_' && !pc_is_space((unsigned char)s[n]) && s[n] != ','))
        n = 0;
    out[n] = '\0';
}

static const char *strip_by(const char *s)
{
    if (!s) return s;
    static const char *prefixes[] = {"by ", "von ", "from ", "par ", "por ", "di "};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncasecmp(s, prefixes[i], strlen(prefixes[i])) == 0) return s + strlen(prefixes[i]);
    return s;
}

/* "Headline | Site" -> "Headline": keeps the longest part around common separators. */
static const char *clean_title(ph_page *pg, const char *t)
{
    if (!t) return NULL;
    static const char *seps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "};
    const char *best = t;
    size_t best_n = strlen(t);
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        const char *p = strstr(t, seps[i]);
        if (!p) continue;
        size_t left = (size_t)(p - t);
        const char *r = p + strlen(seps[i]);
        const char *last = r, *q;
        while ((q = strstr(last, seps[i])) != NULL) last = q + strlen(seps[i]);
        size_t right = strlen(last);
        (void)r;
        if (left >= right) {
            best = t;
            best_n = left;
        } else {
            best = last;
            best_n = right;
        }
        break;
    }
    return pc_arena_strndup(&pg->arena, best, best_n);
}

/* The outlet's part of a "Headline | Outlet" (or "Outlet - Headline") title
 * tag: the part at the other end from the headline clean_title keeps, when
 * it reads as a name (one to six words of at most 60 bytes, each opening
 * with a capital or a digit, or a joining word: "The Coast Ledger", "Brennock
 * Voice") and is not only section words ("Live updates", "World news").
 * NULL when there is none. */
static const char *title_outlet(ph_page *pg, const char *t, const char *headline)
{
    if (!t || !headline) return NULL;
    size_t tn = strlen(t), hn = strlen(headline);
    if (hn >= tn) return NULL;
    static const char *seps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "};
    const char *o = NULL;
    size_t on = 0;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !o; i++) {
        size_t sn = strlen(seps[i]);
        if (!strncmp(t, headline, hn) && hn + sn < tn && !strncmp(t + hn, seps[i], sn)) {
            o = strstr(t + hn, seps[i]); /* the last part after the headline */
            const char *q;
            while ((q = strstr(o + sn, seps[i])) != NULL) o = q;
            o += sn, on = tn - (size_t)(o - t);
        } else if (hn + sn < tn && !strcmp(t + tn - hn, headline) && !strncmp(t + tn - hn - sn, seps[i], sn)) {
            o = t, on = (size_t)(strstr(t, seps[i]) - t); /* the first part */
        }
    }
    if (!o || !on || on > 60 || ph_section_words_only(o, on)) return NULL;
    size_t words = 0;
    for (size_t i = 0; i < on;) {
        while (i < on && o[i] == ' ') i++;
        size_t b = i;
        while (i < on && o[i] != ' ') i++;
        if (i == b) break;
        words++;
        unsigned char c = (unsigned char)o[b];
        bool joining = (i - b == 2 && !strncmp(o + b, "of", 2)) || (i - b == 3 && !strncmp(o + b, "the", 3)) ||
                       (i - b == 3 && !strncmp(o + b, "and", 3)) || (i - b == 1 && o[b] == '&');
        if (!joining && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c < 0xC3) return NULL;
    }
    if (words < 1 || words > 6) return NULL;
    return pc_arena_strndup(&pg->arena, o, on);
}

/* Letters and digits of s[0..n), ASCII, lower case, into out (cap bytes). */
static size_t alnum_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) && c < 0x80) out[k++] = (char)tolower(c);
    }
    out[k] = '\0';
    return k;
}

/* Whether a title's outlet part is the site the page's host names: the
 * host's name (its labels but the last, "cbsnews" of cbsnews.com) and the
 * outlet's letters ("CBS News": "cbsnews") hold one another, three letters
 * or more. A part that is a section ("Weltweit" on amnesty.de, "Bundesliga"
 * on laola1.at) does not. */
static bool outlet_matches_host(const char *o, const char *host)
{
    char ok[80], hk[256];
    size_t on = alnum_key(o, strlen(o), ok, sizeof ok);
    const char *dot = strrchr(host, '.');
    size_t hn = alnum_key(host, dot ? (size_t)(dot - host) : strlen(host), hk, sizeof hk);
    if (on < 3 || hn < 3) return false;
    return strstr(hk, ok) || strstr(ok, hk);
}

/* Whether a title's outlet part reads as a name when there is no host to
 * hold it against: two or more words, no digit, colon or dash ("Brennock
 * Voice"; not "Neu", "Kolumne: Queer Royal", "Sperrfristende 01. Februar"). */
static bool outlet_alone_ok(const char *o)
{
    return strchr(o, ' ') && !strpbrk(o, "0123456789:-()") && !strstr(o, "\xE2\x80");
}

static precis_status set(pt_article *a, const char **field, const char *v)
{
    if (!v || !*v) return PRECIS_OK;
    return pt_article_set(a, field, v, strlen(v));
}

precis_status ph_meta_finish(ph_page *pg, const ph_options *opt, pt_article *a)
{
    ph_meta *m = &pg->meta;
    precis_status st;
    const char *url = opt->url ? opt->url : m->canonical ? m->canonical : m->og_url;
    if (url && !strstr(url, "://")) url = opt->url ? opt->url : m->og_url; /* relative canonical */
    if ((st = set(a, &a->url, url))) return st;

    const char *title = m->og_title ? m->og_title : m->ld_headline;
    if (!title && m->h1 && (!m->title_tag || strstr(m->title_tag, m->h1))) title = m->h1;
    if (!title) title = clean_title(pg, m->title_tag);
    if (!title) title = m->h1;
    if ((st = set(a, &a->title, title))) return st;

    char iso[64] = "";
    const char *date_src = NULL; /* the <meta> / JSON-LD / <time> string read */
    if (m->date && m->date_rank <= 2 && iso_date(m->date, iso, sizeof iso)) date_src = m->date;
    if (!iso[0] && iso_date(m->ld_date, iso, sizeof iso)) date_src = m->ld_date;
    if (!iso[0] && iso_date(m->date, iso, sizeof iso)) date_src = m->date;
    if (!iso[0] && iso_date(m->time_date, iso, sizeof iso)) date_src = m->time_date;
    if (!iso[0]) url_date(opt->url ? opt->url : url, iso, sizeof iso);
    char alt[64] = ""; /* the other reading of an ambiguous "11/03/2026" */
    if (date_src) a->date_order = pt_date_field_order(date_src, strlen(date_src));
    const char *note_from = date_src; /* the text the date was read from, for its weekday's note */
    size_t note_len = date_src ? strlen(date_src) : 0;
    if (!iso[0]) { /* a visible dateline among the first blocks */
        for (size_t i = 0; i < pg->n_blocks && i < 60 && !iso[0]; i++) {
            const ph_block *b = &pg->blocks[i];
            pt_date d, o;
            if (b->len < 80 && pt_date_is_dateline(pg->text.data + b->off, b->len, &d) && d.year) {
                pt_date_iso(&d, iso, sizeof iso);
                if (pt_date_other_reading(&d, &o)) pt_date_iso(&o, alt, sizeof alt);
                if (d.weekday_mismatch) note_from = pg->text.data + b->off, note_len = b->len;
                a->date_order = d.order;
            }
        }
    }
    if ((st = set(a, &a->date, iso))) return st;
    if (alt[0] && (st = set(a, &a->date_alt, alt))) return st;
    char note[320];
    if (iso[0] && note_from &&
        pt_date_field_note(note_from == date_src ? "date" : "dateline", note_from, note_len, note, sizeof note) &&
        (st = set(a, &a->date_note, note)))
        return st;

    const char *author = m->ld_author ? m->ld_author : m->author ? m->author : m->byline;
    author = strip_by(author);
    /* "'Name'": quotes some CMSs leave around the value */
    size_t an = author ? strlen(author) : 0;
    if (an > 2 && (author[0] == '\'' || author[0] == '"') && author[an - 1] == author[0])
        author = pc_arena_strndup(&pg->arena, author + 1, an - 2);
    if ((st = set(a, &a->author, author))) return st;

    char host[256];
    pc_url_host_copy(url, host, sizeof host);
    const char *site = m->og_site ? m->og_site : m->ld_site ? m->ld_site : m->app_name;
    if (!site && m->title_tag) {
        const char *o = title_outlet(pg, m->title_tag, clean_title(pg, m->title_tag));
        if (o && (host[0] ? outlet_matches_host(o, host) : outlet_alone_ok(o))) site = o;
    }
    if ((st = set(a, &a->site, site ? site : host))) return st;

    char lang[8];
    lang_code(m->lang, lang, sizeof lang);
    if (!lang[0]) lang_code(m->content_lang, lang, sizeof lang);
    if (!lang[0]) lang_code(m->og_locale, lang, sizeof lang);
    return set(a, &a->lang, lang);
}
