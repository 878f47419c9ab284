/* News feeds: RSS 2.0 (and 0.9x), Atom 1.0 and RSS 1.0 (RDF), read with
 * libxml2's streaming reader (xmlTextReader). One <item>/<entry> subtree is
 * expanded at a time, made into an article and handed on; the reader frees
 * it as it moves on, so memory follows the largest item, not the feed.
 *
 * Text: content:encoded, else Atom <content>, else <description>/<summary>.
 * Feeds carry HTML there (escaped or in CDATA; Atom type="html"/"xhtml"), so
 * it goes through ph_extract, the page extractor, which also drops feed
 * debris ("The post X appeared first on Y"); when it finds no article (a
 * one-line teaser) all the visible text is kept. Atom type="text" is plain.
 *
 * Safety: XML_PARSE_NONET and none of XML_PARSE_NOENT / DTDLOAD / DTDATTR /
 * HUGE: nothing is fetched, no DTD is read, libxml2's own amplification and
 * size checks stay on. A feed with an internal DTD subset (<!DOCTYPE x [...]>,
 * where entity bombs and external entities are declared) is refused before
 * the parser sees its bytes: the prolog is scanned as it is fed. Feeds do
 * not declare entities; the price is refusing the rare one that does.
 *
 * Damage: every item whose end tag came before the first fatal XML error was
 * handed on as is. libxml2's recovery mode (XML_PARSE_RECOVER) then reads on
 * (a stray '&' in one title must not cost the 40 items after it): what it
 * makes of the rest is its guess, so the message says how many items came
 * after the damage, and the feed still counts as refused (exit 2). */
#include "html/html.h"
#include "text/date.h"
#include "text/text.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <xxhash.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS09 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* prolog scanner states (see scan_prolog) */
enum { P_TEXT, P_LT, P_PI, P_PI_Q, P_BANG, P_BANG_DASH, P_COMMENT, P_COMMENT_D1, P_COMMENT_D2, P_DECL, P_DQ,
       P_SQ, P_DONE };

typedef struct feed {
    const ph_feed_options *o;
    const char *name;
    ph_feed_read_fn rd;
    void *src;
    size_t fed, max_bytes, max_items, max_item;
    int prolog;
    bool subset, over_bytes, io_error;
    int err_line, err_level, err_code;
    size_t n_errors; /* libxml2 errors so far: recovery stops past FEED_MAX_XML_ERRORS */
    char err_msg[200];
    char gen_msg[200]; /* libxml2's first generic message (encoding conversion, I/O) */
    size_t gen_len;
    bool gen_done;
    ph_feed_kind kind;
    xmlChar *site, *chan_link, *feed_author; /* channel title and link; an Atom feed's author */
    size_t n_items, n_read, read_at_err; /* read_at_err: items handed on before the first fatal error */
    xmlParserCtxtPtr ctxt;
    int depth, chan, item_depth, open_depth; /* element depth (root 0); of the channel's children; of items; of the open item */
    bool in_item, item_over, too_many, not_feed, entity, at_end, err_at_end;
    size_t item_bytes, item_line;
    char root[64];
    precis_status st; /* a failure of the callback or out of memory: stops the parse */
    pc_map seen; /* hashes of item guids/links: a repeated item is skipped */
    pc_buf tmp;
} feed;

/* Follows the bytes before the root element: an internal DTD subset ('['
 * inside <!DOCTYPE ...>) sets f->subset. NUL bytes are skipped, so the ASCII
 * of a UTF-16 prolog is seen too. */
static void scan_prolog(feed *f, const char *b, size_t n)
{
    int s = f->prolog;
    for (size_t i = 0; i < n && s != P_DONE; i++) {
        char c = b[i];
        if (!c) continue;
        switch (s) {
        case P_TEXT: if (c == '<') s = P_LT; break;
        case P_LT:
            if (c == '?') s = P_PI;
            else if (c == '!') s = P_BANG;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (unsigned char)c >= 0x80)
                s = P_DONE; /* the root element */
            else s = P_TEXT;
            break;
        case P_PI: if (c == '?') s = P_PI_Q; break;
        case P_PI_Q: s = c == '>' ? P_TEXT : c == '?' ? P_PI_Q : P_PI; break;
        case P_BANG: s = c == '-' ? P_BANG_DASH : P_DECL; break;
        case P_BANG_DASH: s = c == '-' ? P_COMMENT : P_DECL; break;
        case P_COMMENT: if (c == '-') s = P_COMMENT_D1; break;
        case P_COMMENT_D1: s = c == '-' ? P_COMMENT_D2 : P_COMMENT; break;
        case P_COMMENT_D2: s = c == '>' ? P_TEXT : c == '-' ? P_COMMENT_D2 : P_COMMENT; break;
        case P_DECL:
            if (c == '[') f->subset = true;
            else if (c == '"') s = P_DQ;
            else if (c == '\'') s = P_SQ;
            else if (c == '>') s = P_TEXT;
            break;
        case P_DQ: if (c == '"') s = P_DECL; break;
        case P_SQ: if (c == '\'') s = P_DECL; break;
        }
        if (f->subset) break;
    }
    f->prolog = s;
}

static int feed_io(void *ctx, char *buf, int len)
{
    feed *f = ctx;
    if (f->subset || f->over_bytes || f->io_error) return -1;
    int n = f->rd(f->src, buf, len);
    if (n < 0) {
        f->io_error = true;
        return -1;
    }
    if ((size_t)n > f->max_bytes - f->fed) {
        f->over_bytes = true;
        return -1;
    }
    f->fed += (size_t)n;
    if (f->prolog != P_DONE) scan_prolog(f, buf, (size_t)n);
    return f->subset ? -1 : n;
}

/* Recovery reads on past errors, but libxml2 2.9 copies the text read so far
 * into each error (a comment's whole body for every "--" in it): 256 KB of
 * "<!--" took 25 s. A feed this damaged is refused anyway, so the parse stops
 * after this many errors and the cost stays linear. */
#define FEED_MAX_XML_ERRORS 100

/* libxml2's messages go here, not to stderr; the first fatal one is kept. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    feed *f = ((xmlParserCtxtPtr)ctx)->_private;
    if (!e || e->level < XML_ERR_ERROR) return;
    if (++f->n_errors > FEED_MAX_XML_ERRORS) xmlStopParser((xmlParserCtxtPtr)ctx);
    if (f->err_level == XML_ERR_FATAL || (f->err_level && e->level != XML_ERR_FATAL)) return;
    if (e->level == XML_ERR_FATAL) f->read_at_err = f->n_read;
    f->err_level = e->level;
    f->err_line = e->line;
    f->err_at_end = f->at_end;
    f->err_code = e->code;
    pc_snprintf(f->err_msg, sizeof f->err_msg, "%s", e->message ? e->message : "XML error");
    size_t k = strlen(f->err_msg);
    while (k && (f->err_msg[k - 1] == '\n' || f->err_msg[k - 1] == ' ')) f->err_msg[--k] = '\0';
}

/* libxml2's generic messages (iconv failures, "I/O error : encoder error")
 * bypass the structured handler and went to stderr: the first line is kept
 * for the report instead. They come in pieces. */
static void on_generic(void *ctx, const char *fmt, ...) PC_PRINTF(2, 3);
static void on_generic(void *ctx, const char *fmt, ...)
{
    feed *f = ctx;
    if (f->gen_done) return;
    char piece[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    for (const char *p = piece; *p && !f->gen_done; p++) {
        if (*p == '\n') f->gen_done = f->gen_len > 0;
        else if (f->gen_len + 1 < sizeof f->gen_msg) f->gen_msg[f->gen_len++] = *p;
    }
    f->gen_msg[f->gen_len] = '\0';
}

/* ---- sniffing -------------------------------------------------------------- */

static size_t skip_ws(const char *d, size_t n, size_t i)
{
    while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n')) i++;
    return i;
}

static const char *find_in(const char *d, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (d[i] == needle[0] && !memcmp(d + i, needle, m)) return d + i;
    return NULL;
}

ph_feed_kind ph_looks_like_feed(const char *d, size_t n)
{
    size_t i = n >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3) ? 3 : 0;
    for (;;) { /* past the XML declaration, processing instructions, comments, DOCTYPE */
        i = skip_ws(d, n, i);
        if (i + 1 >= n || d[i] != '<') return PH_FEED_NONE;
        const char *close;
        if (d[i + 1] == '?') close = "?>";
        else if (i + 3 < n && !memcmp(d + i, "<!--", 4)) close = "-->";
        else if (d[i + 1] == '!') { /* DOCTYPE, past its internal subset and quoted strings */
            size_t j = i + 2;
            int br = 0;
            char q = 0;
            for (; j < n; j++) {
                char c = d[j];
                if (q) q = c == q ? 0 : q;
                else if (c == '"' || c == '\'') q = c;
                else if (c == '[') br++;
                else if (c == ']') br--;
                else if (c == '>' && br <= 0) break;
            }
            if (j >= n) return PH_FEED_NONE;
            i = j + 1;
            continue;
        }
        else break;
        const char *end = find_in(d + i, n - i, close);
        if (!end) return PH_FEED_NONE;
        i = (size_t)(end - d) + strlen(close);
    }
    const char *p = d + i + 1;
    size_t rest = n - i - 1;
    const char *gt = memchr(p, '>', rest); /* the root's start tag */
    size_t tag = gt ? (size_t)(gt - p) : rest;
    if (rest >= 4 && !memcmp(p, "rss", 3) && (p[3] == ' ' || p[3] == '>' || p[3] == '\t' || p[3] == '\n' || p[3] == '\r'))
        return PH_FEED_RSS;
    if (rest >= 8 && !memcmp(p, "rdf:RDF", 7)) return PH_FEED_RDF;
    /* <feed> alone is too common a tag name: the Atom namespace must be declared */
    const char *colon = memchr(p, ':', tag < 16 ? tag : 16), *name = p;
    if (colon && colon[1] == 'f') name = colon + 1; /* <atom:feed xmlns:atom=...> */
    if ((size_t)(p + tag - name) >= 5 && !memcmp(name, "feed", 4) &&
        (name[4] == ' ' || name[4] == '\t' || name[4] == '\n' || name[4] == '\r') && find_in(p, tag, NS_ATOM))
        return PH_FEED_ATOM;
    return PH_FEED_NONE;
}

/* ---- items ----------------------------------------------------------------- */

typedef enum ns_kind { NS_NONE, NS_A, NS_C, NS_D, NS_OTHER } ns_kind;

static ns_kind ns_of(const xmlNode *n)
{
    const char *u = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
    if (!u || !strcmp(u, NS_RSS1) || !strcmp(u, NS_RSS09)) return NS_NONE;
    if (!strcmp(u, NS_ATOM)) return NS_A;
    if (!strcmp(u, NS_CONTENT)) return NS_C;
    if (!strcmp(u, NS_DC)) return NS_D;
    return NS_OTHER;
}

/* An element of the feed's own vocabulary: no namespace (RSS), the Atom
 * namespace (Atom; also accepted un-namespaced). */
static bool own(const feed *f, const xmlNode *n, const char *name)
{
    ns_kind k = ns_of(n);
    bool ok = f->kind == PH_FEED_ATOM ? k == NS_A || k == NS_NONE : k == NS_NONE;
    return ok && !strcmp((const char *)n->name, name);
}

static bool is(const xmlNode *n, ns_kind k, const char *name)
{
    return ns_of(n) == k && !strcmp((const char *)n->name, name);
}

typedef struct item {
    xmlChar *title, *link, *date, *author, *guid, *content;
    const xmlNode *content_node, *link_node;
    int content_rank; /* 4 content:encoded, 3 Atom content, 2 description, 1 summary */
    bool content_html, content_xhtml, title_html, date_rank_pub;
} item;

static void item_free(item *it)
{
    xmlFree(it->title);
    xmlFree(it->link);
    xmlFree(it->date);
    xmlFree(it->author);
    xmlFree(it->guid);
    xmlFree(it->content);
}

static void take(xmlChar **slot, const xmlNode *n)
{
    if (*slot) return;
    *slot = xmlNodeGetContent(n);
}

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, name) && a->children && a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

static void set_content(item *it, const xmlNode *n, int rank, bool html, bool xhtml)
{
    if (it->content_rank >= rank) return;
    it->content_node = n;
    it->content_rank = rank;
    it->content_html = html;
    it->content_xhtml = xhtml;
}

/* An Atom text construct's type: html, xhtml or text (the default). */
static void atom_type(const xmlNode *n, bool *html, bool *xhtml)
{
    const char *t = attr(n, "type");
    *xhtml = t && !strcmp(t, "xhtml");
    *html = *xhtml || (t && (!strcmp(t, "html") || !strcmp(t, "text/html")));
}

static void collect(const feed *f, const xmlNode *itn, item *it)
{
    for (const xmlNode *c = itn->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        bool html, xhtml;
        if (own(f, c, "title")) {
            take(&it->title, c);
            if (f->kind == PH_FEED_ATOM) {
                atom_type(c, &html, &xhtml);
                it->title_html = html;
            }
        } else if (own(f, c, "link")) {
            if (f->kind == PH_FEED_ATOM) {
                const char *rel = attr(c, "rel"), *href = attr(c, "href");
                if (href && (!rel || !strcmp(rel, "alternate")) && !it->link) it->link = xmlStrdup((const xmlChar *)href);
            } else {
                take(&it->link, c);
            }
        } else if (f->kind != PH_FEED_ATOM && own(f, c, "guid")) {
            take(&it->guid, c);
            const char *pl = attr(c, "isPermaLink");
            if ((!pl || strcmp(pl, "false")) && !it->link_node) it->link_node = c; /* a permalink stands in for <link> */
        } else if (f->kind == PH_FEED_ATOM && own(f, c, "id")) {
            take(&it->guid, c);
        } else if (is(c, NS_C, "encoded")) {
            set_content(it, c, 4, true, false);
        } else if (f->kind == PH_FEED_ATOM && own(f, c, "content")) {
            if (!attr(c, "src")) { /* out-of-line content has no text here */
                atom_type(c, &html, &xhtml);
                set_content(it, c, 3, html, xhtml);
            }
        } else if (own(f, c, "description")) {
            set_content(it, c, 2, true, false);
        } else if (f->kind == PH_FEED_ATOM && own(f, c, "summary")) {
            atom_type(c, &html, &xhtml);
            set_content(it, c, 1, html, xhtml);
        } else if (own(f, c, "pubDate") || (f->kind == PH_FEED_ATOM && own(f, c, "published"))) {
            if (!it->date_rank_pub) {
                xmlFree(it->date);
                it->date = xmlNodeGetContent(c);
                it->date_rank_pub = true;
            }
        } else if (is(c, NS_D, "date") || (f->kind == PH_FEED_ATOM && own(f, c, "updated"))) {
            take(&it->date, c);
        } else if (f->kind == PH_FEED_ATOM && own(f, c, "author")) {
            for (const xmlNode *a = c->children; a; a = a->next)
                if (a->type == XML_ELEMENT_NODE && own(f, a, "name")) take(&it->author, a);
        } else if (own(f, c, "author") || is(c, NS_D, "creator")) {
            take(&it->author, c);
        }
    }
    if (!it->link && it->link_node) { /* a guid "n3" is an id, not an address */
        xmlChar *g = xmlNodeGetContent(it->link_node);
        const char *t = g ? (const char *)g : "";
        t += strspn(t, " \t\r\n");
        if (!strncasecmp(t, "http://", 7) || !strncasecmp(t, "https://", 8)) it->link = g;
        else xmlFree(g);
    }
}

static void trim(const char **s, size_t *n)
{
    while (*n && pc_is_space((unsigned char)**s)) (*s)++, (*n)--;
    while (*n && pc_is_space((unsigned char)(*s)[*n - 1])) (*n)--;
}

/* Stores s trimmed, whitespace runs collapsed to one space (titles, names). */
static precis_status set_line(feed *f, pt_article *a, const char **field, const char *s, size_t n)
{
    trim(&s, &n);
    if (!n) return PRECIS_OK;
    f->tmp.len = 0;
    bool sp = false;
    for (size_t i = 0; i < n; i++) {
        if (pc_is_space((unsigned char)s[i])) {
            sp = true;
            continue;
        }
        if (sp && pc_buf_putc(&f->tmp, ' ')) return PRECIS_ENOMEM;
        sp = false;
        if (pc_buf_putc(&f->tmp, s[i])) return PRECIS_ENOMEM;
    }
    return pt_article_set(a, field, f->tmp.data, f->tmp.len);
}

/* Tags out of an HTML title, character references decoded (pt_charref:
 * HTML5's names, numeric ones); a title's markup is rare and simple (<b>,
 * <em>, &amp;). Into f->tmp. */
static precis_status strip_tags(feed *f, const char *s)
{
    pc_buf out;
    pc_buf_init(&out, 0);
    const char *end = s + strlen(s);
    bool no_gt = false; /* no '>' after here: "<a<a<a..." is not scanned to the end for each '<' */
    for (const char *p = s; *p; p++) {
        if (*p == '<' && !no_gt && (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?')) {
            const char *e = strchr(p, '>');
            no_gt = !e;
            if (e) { /* a tag; a '<' of prose ("inflation < 2%") stays */
                p = e;
                continue;
            }
        }
        if (*p == '&') { /* the one decoder of SGML's text too (pt_charref) */
            char u[PT_CHARREF_MAX];
            size_t k, m = pt_charref(p, (size_t)(end - p), u, &k);
            if (m) {
                if (k && pc_buf_append(&out, u, k)) goto oom;
                p += m - 1;
                continue;
            }
        }
        if (pc_buf_putc(&out, *p)) goto oom;
    }
    f->tmp.len = 0;
    precis_status st = pc_buf_append(&f->tmp, out.data ? out.data : "", out.len);
    pc_buf_free(&out);
    return st;
oom:
    pc_buf_free(&out);
    return PRECIS_ENOMEM;
}

/* *s with its tags stripped and entities decoded, copied into a's arena
 * (set_line reuses f->tmp). */
static precis_status untagged(feed *f, pt_article *a, const char **s)
{
    precis_status st = strip_tags(f, *s);
    if (!st) st = pc_buf_putc(&f->tmp, '\0');
    if (st) return st;
    char *copy = pc_arena_strndup(&a->arena, f->tmp.data, f->tmp.len - 1);
    if (!copy) return PRECIS_ENOMEM;
    *s = copy;
    return PRECIS_OK;
}

/* RSS <author> is "mail@example.org (Name)": the name in brackets. */
static void author_name(const char **s, size_t *n)
{
    const char *open = memchr(*s, '(', *n);
    if (!open || (*s)[*n - 1] != ')' || !memchr(*s, '@', (size_t)(open - *s))) return;
    *n = (size_t)(*s + *n - 1 - (open + 1));
    *s = open + 1;
}

/* The date in its ISO form; RFC 822's two-digit years ("01 Dec 26") read as
 * 19xx/20xx (RFC 2822 4.3) when the one date parser finds no year. */
static precis_status set_date(pt_article *a, const char *s)
{
    char iso[48], upper[96], fixed[96];
    size_t n = strlen(s);
    while (n && pc_is_space((unsigned char)*s)) s++, n--;
    /* RFC 3339 lets 't' and 'z' be lower case; the date parser wants them upper */
    if (n >= 11 && n < sizeof fixed && s[4] == '-' && s[7] == '-' && (s[10] == 't' || strchr(s, 'z'))) {
        for (size_t i = 0; i < n; i++) upper[i] = s[i] == 't' || s[i] == 'z' ? (char)(s[i] - 32) : s[i];
        upper[n] = '\0';
        s = upper;
    }
    size_t k = pt_date_normalise(s, n, iso, sizeof iso);
    if (!k && n < 64) {
        static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (size_t m = 0; m < 12 && !k; m++) {
            const char *p = strstr(s, mon[m]);
            if (!p || p[3] != ' ' || p[4] < '0' || p[4] > '9' || p[5] < '0' || p[5] > '9' || p[6] != ' ') continue;
            int yy = (p[4] - '0') * 10 + (p[5] - '0');
            size_t head = (size_t)(p + 4 - s);
            snprintf(fixed, sizeof fixed, "%.*s%d%s", (int)head, s, yy < 50 ? 2000 + yy : 1900 + yy, p + 6);
            k = pt_date_normalise(fixed, strlen(fixed), iso, sizeof iso);
        }
    }
    if (!k) return PRECIS_OK; /* no date with a year: the article has none */
    char note[320]; /* "Tue, 30 May 2018": the printed date kept, the weekday reported */
    size_t nn = pt_date_field_note("date", s, n, note, sizeof note);
    precis_status st = pt_article_set(a, &a->date, iso, k);
    a->date_order = pt_date_field_order(s, n);
    if (!st && nn) st = pt_article_set(a, &a->date_note, note, nn);
    return st;
}

/* The host of a URL ("news.example.org", pc_url_host, lower case), into f->tmp. */
static bool host_of(feed *f, const char *url)
{
    size_t n;
    const char *p = pc_url_host(url, false, &n);
    if (!p) return false;
    f->tmp.len = 0;
    if (pc_buf_append(&f->tmp, p, n)) return false;
    for (size_t i = 0; i < n; i++)
        if (f->tmp.data[i] >= 'A' && f->tmp.data[i] <= 'Z') f->tmp.data[i] += 32;
    return true;
}

/* A feed's channel title names its outlet and often its section too: "Valley
 * Herald - Latest news", "Top Stories | The Coast Ledger", "Fell Wire: RSS".
 * The part that is only feed or section words ("latest", "news", "top
 * stories", "business", "rss") is not the site's name: the rest is. A title
 * without such a part is kept whole ("Fell News" alone stays). */
bool ph_section_words_only(const char *s, size_t n)
{
    static const char *const words[] = {
        "latest", "news", "top", "stories", "story", "headlines", "headline", "breaking", "all",
        "articles", "article", "rss", "feed", "feeds", "home", "homepage", "front", "page",
        "updates", "update", "recent", "posts", "most", "popular", "read", "main", "the", "and",
        "&", "of", "from", "daily", "world", "local", "national", "international", "business",
        "sport", "sports", "politics", "opinion", "technology", "tech", "science", "health",
        "culture", "entertainment", "lifestyle", "weather", "economy", "comments", "edition",
        "english", "en", "2.0", "atom"};
    size_t i = 0, seen = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != ',') i++;
        if (i == b) break;
        bool known = false;
        for (size_t w = 0; w < sizeof words / sizeof *words && !known; w++)
            known = strlen(words[w]) == i - b && !strncasecmp(words[w], s + b, i - b);
        if (!known) return false;
        seen++;
    }
    return seen > 0;
}

static void channel_site(const char **s, size_t *n)
{
    static const char *const seps[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", ": ", " :: ", " \xC2\xBB "};
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t m = strlen(seps[k]);
        for (size_t i = *n; i-- > 0;) {
            if (i + m > *n || memcmp(*s + i, seps[k], m)) continue;
            const char *head = *s, *tail = *s + i + m;
            size_t hn = i, tn = *n - i - m;
            if (hn && tn && ph_section_words_only(tail, tn) && !ph_section_words_only(head, hn)) {
                *n = hn;
                return;
            }
            if (hn && tn && ph_section_words_only(head, hn) && !ph_section_words_only(tail, tn)) {
                *s = tail;
                *n = tn;
                return;
            }
            break; /* only the last such separator */
        }
    }
}

/* A relative link against xml:base, else the channel's link. */
static xmlChar *resolve(const feed *f, const xmlNode *itn, const xmlChar *link)
{
    xmlChar *base = xmlNodeGetBase(itn->doc, itn);
    const xmlChar *b = base && strstr((const char *)base, "://") ? base : f->chan_link;
    xmlChar *out = b ? xmlBuildURI(link, b) : NULL;
    xmlFree(base);
    return out ? out : xmlStrdup(link);
}

/* Serialises the children of an Atom type="xhtml" element (one <div>). */
static xmlChar *xhtml_of(const xmlNode *n, size_t *len)
{
    xmlBufferPtr b = xmlBufferCreate();
    if (!b) return NULL;
    for (const xmlNode *c = n->children; c; c = c->next) xmlNodeDump(b, n->doc, (xmlNodePtr)c, 0, 0);
    *len = (size_t)xmlBufferLength(b);
    xmlChar *out = xmlStrndup(xmlBufferContent(b), (int)*len);
    xmlBufferFree(b);
    return out;
}

static void skip(feed *f, precis_status st, size_t line, size_t index, const char *title, const char *why)
{
    char what[160];
    if (title && *title) /* a title quoted at 100 bytes, whole characters */
        snprintf(what, sizeof what, "item %zu (%.*s)", index, (int)pc_utf8_cut(title, strlen(title), 100), title);
    else snprintf(what, sizeof what, "item %zu", index);
    if (f->o->skip) f->o->skip(f->o->user, st, line, what, why);
}

static precis_status do_item(feed *f, const xmlNode *itn)
{
    size_t index = f->n_items, line = (size_t)xmlGetLineNo(itn);
    item it = {0};
    xmlChar *abs = NULL;
    collect(f, itn, &it);
    precis_status st = PRECIS_OK;
    pt_article a;
    pt_article_init(&a);
    char why[200];
    /* the same item twice (a feed re-posting, two snapshots pasted together):
     * the guid, else the link, else title and content, names it */
    const xmlChar *key = it.guid ? it.guid : it.link;
    uint64_t h = key ? XXH3_64bits(key, (size_t)xmlStrlen(key)) : 0;
    if (!key && (it.title || it.content_node)) {
        xmlChar *c = it.content_node ? xmlNodeGetContent(it.content_node) : NULL;
        h = XXH3_64bits_withSeed(c ? (const char *)c : "", c ? (size_t)xmlStrlen(c) : 0,
                                 it.title ? XXH3_64bits(it.title, (size_t)xmlStrlen(it.title)) : 1);
        xmlFree(c);
    }
    if (h) {
        uint32_t was;
        if ((st = pc_map_put(&f->seen, h, (uint32_t)index, NULL, NULL, &was))) goto done;
        if (was != PC_MAP_NONE) {
            snprintf(why, sizeof why, "repeats item %u (same %s): skipped", was,
                     it.guid ? "guid/id" : it.link ? "link" : "title and text");
            skip(f, PRECIS_EEMPTY, line, index, (const char *)it.title, why);
            goto done;
        }
    }
    size_t clen = 0;
    if (it.content_node) {
        if (it.content_xhtml) it.content = xhtml_of(it.content_node, &clen);
        else it.content = xmlNodeGetContent(it.content_node);
        if (it.content && !it.content_xhtml) clen = (size_t)xmlStrlen(it.content);
        if (!it.content) {
            st = PRECIS_ENOMEM;
            goto done;
        }
    }
    if (clen > f->max_item) {
        snprintf(why, sizeof why, "content of %zu bytes is over the %zu-byte limit of one item", clen, f->max_item);
        skip(f, PRECIS_ELIMIT, line, index, (const char *)it.title, why);
        goto done;
    }
    const char *url = NULL; /* the item's link made absolute (abs owns it) */
    if (it.link) {
        const char *l = (const char *)it.link;
        size_t n = strlen(l);
        trim(&l, &n);
        xmlChar *t = xmlStrndup((const xmlChar *)l, (int)n);
        abs = t && n ? resolve(f, itn, t) : NULL;
        xmlFree(t);
        url = (const char *)abs;
    }
    if (clen && it.content_html) {
        ph_options po = {0};
        po.url = url;
        po.name = f->name;
        po.max_article = f->o->max_article;
        pc_error e;
        pc_error_clear(&e);
        st = ph_extract((const char *)it.content, clen, &po, &a, &e);
        if (st == PRECIS_EEMPTY) { /* a teaser, not a page: all its visible text */
            pt_article_free(&a);
            pt_article_init(&a);
            po.all_text = true;
            st = ph_extract((const char *)it.content, clen, &po, &a, &e);
        }
        if (st == PRECIS_ELIMIT || st == PRECIS_EPARSE) {
            const char *m = e.msg;
            size_t k = strlen(f->name);
            if (!strncmp(m, f->name, k) && m[k] == ':' && m[k + 1] == ' ') m += k + 2;
            if (!m[0]) m = precis_strerror(st);
            snprintf(why, sizeof why, "%.*s", (int)pc_utf8_cut(m, strlen(m), 190), m);
            skip(f, st, line, index, (const char *)it.title, why);
            st = PRECIS_OK;
            goto done;
        }
        if (st && st != PRECIS_EEMPTY) goto done;
        st = PRECIS_OK;
    } else if (clen) {
        const char *s = (const char *)it.content;
        size_t n = clen;
        trim(&s, &n);
        if (n > f->o->max_article) {
            pc_over_limit(why, sizeof why, "article", n, f->o->max_article);
            skip(f, PRECIS_ELIMIT, line, index, (const char *)it.title, why);
            goto done;
        }
        if ((st = pt_article_set(&a, &a.text, s, n))) goto done;
        a.text_len = n;
    }
    /* the item's own fields win over what extraction found */
    if (url && (st = pt_article_set(&a, &a.url, url, strlen(url)))) goto done;
    if (it.title) {
        const char *t = (const char *)it.title;
        if ((it.title_html || strpbrk(t, "<&")) && (st = untagged(f, &a, &t))) goto done;
        if ((st = set_line(f, &a, &a.title, t, strlen(t)))) goto done;
    }
    if (it.date && (st = set_date(&a, (const char *)it.date))) goto done;
    if (!it.author && f->feed_author) it.author = xmlStrdup(f->feed_author);
    if (it.author) {
        const char *s = (const char *)it.author;
        size_t n = strlen(s);
        trim(&s, &n);
        if (n) author_name(&s, &n);
        if ((st = set_line(f, &a, &a.author, s, n))) goto done;
    }
    if (f->site) {
        const char *t = (const char *)f->site; /* may be HTML too ("Fell <b>Wire</b>") */
        if (strpbrk(t, "<&") && (st = untagged(f, &a, &t))) goto done;
        size_t tn = strlen(t);
        trim(&t, &tn);
        channel_site(&t, &tn);
        if ((st = set_line(f, &a, &a.site, t, tn))) goto done;
    } else if ((f->chan_link && host_of(f, (const char *)f->chan_link)) || (a.url && host_of(f, a.url))) {
        if ((st = pt_article_set(&a, &a.site, f->tmp.data, f->tmp.len))) goto done;
    }
    f->n_read++;
    st = f->o->fn(f->o->user, &a, index, line);
done:
    item_free(&it);
    xmlFree(abs);
    pt_article_free(&a);
    return st;
}

/* ---- the reader --------------------------------------------------------------- */

static void report(feed *f, precis_status st, size_t line, const char *fmt, ...) PC_PRINTF(4, 5);
static void report(feed *f, precis_status st, size_t line, const char *fmt, ...)
{
    char why[400];
    va_list ap;
    va_start(ap, fmt);
    pc_vsnprintf(why, sizeof why, fmt, ap); /* cut at a whole character */
    va_end(ap);
    if (f->o->skip) f->o->skip(f->o->user, st, line, NULL, why);
}

static const char *kind_name(ph_feed_kind k)
{
    return k == PH_FEED_ATOM ? "Atom" : k == PH_FEED_RDF ? "RSS 1.0 (RDF)" : "RSS";
}

static bool own_ns(const feed *f, const xmlChar *uri)
{
    const char *u = (const char *)uri;
    return !u || !strcmp(u, NS_RSS1) || !strcmp(u, NS_RSS09) || (f->kind == PH_FEED_ATOM && !strcmp(u, NS_ATOM));
}

static void stop(feed *f)
{
    xmlStopParser(f->ctxt);
}

/* ---- the SAX2 wrappers --------------------------------------------------------- */

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **nss, int nb_attr, int nb_def, const xmlChar **attrs)
{
    feed *f = ((xmlParserCtxtPtr)ctx)->_private;
    int depth = f->depth++;
    const char *l = (const char *)local;
    if (depth == 0) {
        const char *u = (const char *)uri;
        if (!strcmp(l, "rss")) f->kind = PH_FEED_RSS, f->item_depth = 2;
        else if (!strcmp(l, "RDF") && u && !strcmp(u, NS_RDF)) f->kind = PH_FEED_RDF, f->item_depth = 1;
        else if (!strcmp(l, "feed") && (!u || !strcmp(u, NS_ATOM))) f->kind = PH_FEED_ATOM, f->item_depth = 1, f->chan = 1;
        else {
            snprintf(f->root, sizeof f->root, "%s", l);
            f->not_feed = true;
            stop(f);
            return;
        }
    } else if (depth == 1 && f->kind != PH_FEED_ATOM && own_ns(f, uri) && !strcmp(l, "channel")) {
        f->chan = 2;
    } else if (f->in_item && own_ns(f, uri) && !strcmp(l, f->kind == PH_FEED_ATOM ? "entry" : "item")) {
        /* named, not lost in silence: its fields would be read as the outer item's children */
        skip(f, PRECIS_EPARSE, (size_t)xmlSAX2GetLineNumber(ctx), f->n_items, NULL,
             "holds another item inside it; the inner one is not read");
    } else if ((depth == f->item_depth || (f->kind == PH_FEED_RSS && depth == 1)) && own_ns(f, uri) &&
               !strcmp(l, f->kind == PH_FEED_ATOM ? "entry" : "item")) {
        /* RSS items sit in <channel>; RSS 0.9x style and stray ones after </channel> sit under <rss> */
        if (f->n_items == f->max_items) {
            f->too_many = true;
            stop(f);
            return;
        }
        f->n_items++;
        f->in_item = true;
        f->open_depth = depth;
        f->item_over = false;
        f->item_bytes = 0;
        f->item_line = (size_t)xmlSAX2GetLineNumber(ctx);
    }
    xmlSAX2StartElementNs(ctx, local, prefix, uri, nb_ns, nss, nb_attr, nb_def, attrs);
}

/* Frees node and the nodes before it under its parent (items done, channel
 * fields already copied, whitespace): what keeps memory flat. */
static void free_upto(xmlNodePtr n)
{
    while (n->prev) {
        xmlNodePtr p = n->prev;
        xmlUnlinkNode(p);
        xmlFreeNode(p);
    }
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    xmlParserCtxtPtr c = ctx;
    feed *f = c->_private;
    int depth = --f->depth;
    xmlNodePtr n = c->node; /* the element being closed */
    xmlSAX2EndElementNs(ctx, local, prefix, uri);
    if (!n || f->st) return;
    const char *l = (const char *)local;
    if (f->in_item && depth == f->open_depth) {
        f->in_item = false;
        if (f->item_over) {
            xmlChar *t = NULL;
            for (xmlNodePtr k = n->children; k && !t; k = k->next)
                if (k->type == XML_ELEMENT_NODE && own(f, k, "title")) t = xmlNodeGetContent(k);
            char why[160];
            snprintf(why, sizeof why, "over the %zu-byte limit of one item's text", f->max_item);
            skip(f, PRECIS_ELIMIT, f->item_line, f->n_items, (const char *)t, why);
            xmlFree(t);
        } else {
            f->st = do_item(f, n);
        }
        free_upto(n);
        if (f->st) stop(f);
        return;
    }
    if (depth == f->chan && !f->in_item && f->kind == PH_FEED_ATOM && own_ns(f, uri) && !strcmp(l, "author") &&
        !f->feed_author) { /* an entry without its own author has the feed's (RFC 4287 4.2.1) */
        for (xmlNodePtr k = n->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE && own(f, k, "name") && !f->feed_author) f->feed_author = xmlNodeGetContent(k);
        return;
    }
    if (depth == f->chan && !f->in_item && own_ns(f, uri) && (!strcmp(l, "title") || !strcmp(l, "link"))) {
        if (!strcmp(l, "title") && !f->site) {
            f->site = xmlNodeGetContent(n);
            const char *s = (const char *)f->site;
            if (s && !s[strspn(s, " \t\r\n")]) xmlFree(f->site), f->site = NULL;
        } else if (!strcmp(l, "link") && !f->chan_link) {
            if (f->kind == PH_FEED_ATOM) {
                const char *rel = attr(n, "rel"), *href = attr(n, "href");
                if (href && (!rel || !strcmp(rel, "alternate"))) f->chan_link = xmlStrdup((const xmlChar *)href);
            } else {
                xmlChar *t = xmlNodeGetContent(n);
                const char *s = t ? (const char *)t : "";
                size_t k = strlen(s);
                trim(&s, &k);
                if (k) f->chan_link = xmlStrndup((const xmlChar *)s, (int)k);
                xmlFree(t);
            }
        }
    }
}

/* Text inside an item counts against its cap; past it the item's text is
 * no longer kept (it is refused whole at its end tag, named). Text outside
 * items (channel description, whitespace) is not kept at all. */
static bool keep_text(feed *f, int len)
{
    if (!f->in_item) /* a channel field's text; an Atom feed's <author><name> */
        return f->depth == f->chan + 1 || (f->kind == PH_FEED_ATOM && f->depth == f->chan + 2);
    if (f->item_over) return false;
    f->item_bytes += (size_t)len;
    if (f->item_bytes > f->max_item) f->item_over = true;
    return !f->item_over;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    if (keep_text(((xmlParserCtxtPtr)ctx)->_private, len)) xmlSAX2Characters(ctx, ch, len);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
    if (keep_text(((xmlParserCtxtPtr)ctx)->_private, len)) xmlSAX2CDataBlock(ctx, ch, len);
}

/* Belt and braces to scan_prolog: an entity declaration stops the parse. */
static void on_entity(void *ctx, const xmlChar *name, int type, const xmlChar *pub, const xmlChar *sys, xmlChar *content)
{
    feed *f = ((xmlParserCtxtPtr)ctx)->_private;
    f->entity = true;
    stop(f);
}

/* ---- the reader --------------------------------------------------------------- */

precis_status ph_feed_read(ph_feed_read_fn rd, void *src, const ph_feed_options *o, size_t *n_items)
{
    feed f;
    memset(&f, 0, sizeof f);
    f.name = o->name ? o->name : "feed";
    f.rd = rd;
    f.src = src;
    f.max_bytes = o->max_bytes ? o->max_bytes : PC_DEFAULT_MAX_FILE;
    f.max_items = o->max_items ? o->max_items : PH_FEED_MAX_ITEMS;
    f.max_item = o->max_item_bytes ? o->max_item_bytes : PC_DEFAULT_MAX_ARTICLE;
    f.chan = f.item_depth = -1;
    ph_feed_options oo = *o;
    if (!oo.max_article) oo.max_article = PC_DEFAULT_MAX_ARTICLE;
    f.o = &oo;
    pc_buf_init(&f.tmp, 0);
    pc_map_init(&f.seen, 0);
    if (n_items) *n_items = 0;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_chars;
    sax.cdataBlock = on_cdata;
    sax.ignorableWhitespace = on_chars;
    sax.entityDecl = on_entity;
    sax.serror = on_xml_error;
    sax.warning = NULL;
    sax.error = NULL;
    sax.fatalError = NULL;
    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(&f, on_generic);
    /* read the first bytes before creating the parser: it detects the
     * encoding from them */
    char buf[16 * 1024];
    int n = feed_io(&f, buf, (int)sizeof buf);
    precis_status st = PRECIS_OK;
    int off = n > 0 && !o->utf8 ? (n < 4 ? n : 4) : 0;
    f.ctxt = xmlCreatePushParserCtxt(&sax, NULL, off ? buf : NULL, off, NULL);
    if (!f.ctxt) {
        st = PRECIS_ENOMEM;
        goto out;
    }
    f.ctxt->_private = &f;
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_RECOVER;
    if (o->utf8) opts |= XML_PARSE_IGNORE_ENC; /* decoded by the caller: the declared encoding no longer holds */
    xmlCtxtUseOptions(f.ctxt, opts);
    if (o->utf8) xmlSwitchEncoding(f.ctxt, XML_CHAR_ENCODING_UTF8);
    while (n >= 0 && !f.st) {
        f.at_end = n == 0;
        xmlParseChunk(f.ctxt, buf + off, n - off, n == 0);
        off = 0;
        if (n == 0 || f.ctxt->disableSAX || f.ctxt->instate == XML_PARSER_EOF) break;
        n = feed_io(&f, buf, (int)sizeof buf);
    }
    st = f.st;
    long consumed;
    if (st) goto out;
    if (f.io_error) {
        st = PRECIS_EIO;
        goto out;
    }
    if (f.subset || f.entity) {
        report(&f, PRECIS_EPARSE, f.subset ? 0 : (size_t)f.err_line,
               "feed declares a DTD (<!DOCTYPE ... [ ]>): refused, entity declarations are not read (entity bombs, "
               "external entities)");
    } else if (f.not_feed) {
        report(&f, PRECIS_EPARSE, 0, "not a feed: the root element is <%s>, not <rss>, <feed> (Atom) or <rdf:RDF>",
               f.root);
    } else if (f.too_many) {
        report(&f, PRECIS_ELIMIT, 0, "feed has more than %zu items: the first %zu were read, the rest refused",
               f.max_items, f.max_items);
    } else if (f.over_bytes) {
        report(&f, PRECIS_ELIMIT, 0, "feed over the %zu-byte limit; kept the %zu item%s before it", f.max_bytes,
               f.n_read, f.n_read == 1 ? "" : "s");
    } else if (f.gen_len) { /* a declared encoding the bytes do not follow */
        report(&f, PRECIS_EPARSE, (size_t)(f.err_line > 0 ? f.err_line : 0), "malformed %s: the bytes do not follow the declared encoding (%s); kept the %zu item%s before it",
               f.kind ? kind_name(f.kind) : "XML", f.gen_msg, f.n_read, f.n_read == 1 ? "" : "s");
    } else if (!f.ctxt->wellFormed && f.err_at_end && f.depth > 0 &&
               (f.err_code == XML_ERR_DOCUMENT_END || f.err_code == XML_ERR_TAG_NOT_FINISHED) &&
               (consumed = xmlByteConsumed(f.ctxt)) >= 0 && (size_t)consumed + 16 < f.fed) {
        /* "the end" came before the bytes did: the decoder stopped (bytes the
         * declared encoding does not allow, as libxml2 2.9's ASCII) */
        report(&f, PRECIS_EPARSE, (size_t)(f.err_line > 0 ? f.err_line : 0),
               "malformed %s: parsing stopped at byte %ld of %zu (bytes the declared encoding does not allow?); "
               "kept the %zu item%s before it",
               kind_name(f.kind), consumed, f.fed, f.n_read, f.n_read == 1 ? "" : "s");
    } else if (!f.ctxt->wellFormed && f.err_at_end && f.depth > 0 &&
               (f.err_code == XML_ERR_DOCUMENT_END || f.err_code == XML_ERR_TAG_NOT_FINISHED)) {
        /* the input ended inside an element: libxml2 2.9 says "Extra content at the end" */
        report(&f, PRECIS_EPARSE, (size_t)(f.err_line > 0 ? f.err_line : 0),
               "truncated %s: the file ends inside <%s>%s; kept the %zu item%s before it", kind_name(f.kind),
               f.ctxt->name ? (const char *)f.ctxt->name : "?", f.in_item ? " of an unfinished item" : "", f.n_read,
               f.n_read == 1 ? "" : "s");
    } else if (!f.ctxt->wellFormed) {
        /* libxml2's own caps (no XML_PARSE_HUGE): said as limits, not as
         * advice to set an option the user cannot reach */
        const char *cap = strstr(f.err_msg, "Excessive depth") ? "XML nested deeper than 256 elements (libxml2's limit)"
                          : strstr(f.err_msg, "huge") || strstr(f.err_msg, "Huge") || strstr(f.err_msg, "too long") || strstr(f.err_msg, "Maximum") ||
                                  strstr(f.err_msg, "amplification")
                              ? "a name, attribute, text or entity over libxml2's size limits (10,000,000 bytes)"
                              : NULL;
        size_t before = f.err_level == XML_ERR_FATAL ? f.read_at_err : f.n_read, after = f.n_read - before;
        char rest[96] = "";
        if (after)
            snprintf(rest, sizeof rest, " and, read on by libxml2's recovery, %zu after it", after);
        if (f.n_errors > FEED_MAX_XML_ERRORS)
            snprintf(rest + strlen(rest), sizeof rest - strlen(rest), " (read stopped after %d XML errors)",
                     FEED_MAX_XML_ERRORS);
        report(&f, cap ? PRECIS_ELIMIT : PRECIS_EPARSE, (size_t)(f.err_line > 0 ? f.err_line : 0),
               "%s%s%s: %s; kept the %zu item%s before it%s", cap ? "" : "malformed ", f.kind ? kind_name(f.kind) : "XML",
               cap ? " over a limit" : "", cap ? cap : f.err_msg[0] ? f.err_msg : "XML error", before,
               before == 1 ? "" : "s", rest);
    } else if (f.depth > 0) { /* the parser stopped without a word */
        report(&f, PRECIS_EPARSE, 0, "malformed %s: the input stops inside <%s>; kept the %zu item%s before it",
               f.kind ? kind_name(f.kind) : "XML", f.ctxt->name ? (const char *)f.ctxt->name : "?", f.n_read,
               f.n_read == 1 ? "" : "s");
    } else if (!f.kind) {
        report(&f, PRECIS_EPARSE, 0, "not a feed: no root element");
    } else if (!f.n_items) {
        report(&f, PRECIS_EEMPTY, 0, "%s feed with no %s", kind_name(f.kind),
               f.kind == PH_FEED_ATOM ? "<entry>" : "<item>");
    }
out:
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    if (n_items) *n_items = f.n_read;
    if (f.ctxt) {
        xmlFreeDoc(f.ctxt->myDoc);
        xmlFreeParserCtxt(f.ctxt);
    }
    xmlFree(f.site);
    xmlFree(f.chan_link);
    xmlFree(f.feed_author);
    pc_map_free(&f.seen);
    pc_buf_free(&f.tmp);
    return st;
}
