/* Main-content extraction.
 *
 * 1. Decode to UTF-8 and parse with gumbo (into a bump arena: the tree is
 *    dropped in one free, and no recursive teardown runs on deep input).
 * 2. One walk (depth capped at PH_MAX_DEPTH) segments the page into blocks:
 *    the inline text of each block-level element, with character, word and
 *    link-character counts, and records element nodes with class/id/tag/role
 *    signals. Invisible and non-text elements (script, style, forms' widgets,
 *    hidden) are not walked.
 * 3. Boilerplate subtrees (nav, comments, share bars, cookie banners,
 *    related lists, footers, ...) are removed unless they hold the article
 *    (a wrapper named "page-with-sidebar" must survive).
 * 4. Each block gets a weight (+prose, -links, ~0 for short text); the
 *    element whose subtree has the largest weight (<article>/<main>/
 *    articleBody get a bonus) is the article container — a maximum-weight
 *    subtree, so a lead paragraph outside the <article> still pulls the
 *    container up while a link farm next to it keeps it down.
 * 5. Inside the container, link-heavy blocks are dropped and short debris
 *    at the edges (datelines, "Share:", tag lists) is trimmed; JSON-LD
 *    articleBody, when present, vouches for blocks it contains and replaces
 *    the DOM text when the DOM has clearly less (script-rendered pages). */
#define _GNU_SOURCE /* memmem */
#include "html/page.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include <xxhash.h>

/* ---- gumbo in a bump arena ------------------------------------------------ */

typedef struct bump_chunk {
    struct bump_chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} bump_chunk;

typedef struct bump {
    bump_chunk *head;
    size_t total, limit;
    bool over_cap; /* the jump was for the limit, not a failed malloc */
    jmp_buf on_fail; /* gumbo cannot report allocation failure: jump out */
} bump;

static void *bump_alloc(void *ud, size_t n)
{
    bump *b = ud;
    n = (n + 15) & ~(size_t)15;
    if (!b->head || b->head->size - b->head->used < n) {
        size_t size = n > 256 * 1024 ? n : 256 * 1024;
        b->over_cap = b->total + size > b->limit;
        bump_chunk *c = b->over_cap ? NULL : malloc(sizeof *c + size);
        /* every gumbo allocation is in this arena, so leaving gumbo mid-parse
         * leaks nothing once the arena is released */
        if (!c) longjmp(b->on_fail, 1);
        c->next = b->head;
        c->used = 0;
        c->size = size;
        b->head = c;
        b->total += size;
    }
    void *p = b->head->data + b->head->used;
    b->head->used += n;
    return p;
}

static void bump_free_noop(void *ud, void *p)
{
    (void)ud;
    (void)p;
}

static void bump_release(bump *b)
{
    for (bump_chunk *c = b->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    b->head = NULL;
}

/* ---- pre-pass: drop what can never be text ------------------------------------
 * Pages carry more script, style, SVG and comments than text, and gumbo
 * tokenizes them character by character. They are cut out before parsing:
 * comments, and <script> (except JSON-LD, which the metadata reads),
 * <style>, <svg> and <noscript> elements whole; none of them is rendered
 * text or shapes the tree around it. Start tags keep only the attributes the
 * extractor reads, with class and id replaced by their verdict. */

static const char *find_close(const char *p, const char *end, const char *close)
{
    size_t n = strlen(close);
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) >= n && strncasecmp(p, close, n) == 0) return p;
        p++;
    }
    return end;
}

static bool tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Attributes the extractor reads; the rest (href, src, srcset, data-*,
 * on*, most style) are dropped before parsing. */
static bool keep_attr(const char *n, size_t len, const char *v, size_t vlen, bool is_link)
{
    static const char *names[] = {"role", "itemprop", "hidden", "aria-hidden",
                                  "content", "property", "name", "rel", "datetime", "lang",
                                  "xml:lang", "type", "charset", "http-equiv", "pubdate"};
    char c = (char)tolower((unsigned char)n[0]);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i][0] == c && len == strlen(names[i]) && strncasecmp(n, names[i], len) == 0) return true;
    if (len == 4 && strncasecmp(n, "href", 4) == 0) return is_link; /* <link rel=canonical> */
    if (len == 5 && strncasecmp(n, "style", 5) == 0 && v) { /* only when it hides */
        for (size_t i = 0; i + 4 <= vlen; i++)
            if (strncasecmp(v + i, "none", 4) == 0 || (i + 6 <= vlen && strncasecmp(v + i, "hidden", 6) == 0))
                return true;
    }
    return false;
}

/* <meta> names the metadata never reads (meta.c): a good part of <head>. */
static bool unread_meta_key(const char *v, size_t n)
{
    static const char *prefixes[] = {"twitter:", "og:image", "og:video", "og:audio", "fb:", "al:",
                                     "msapplication", "apple-", "google", "viewport", "robots",
                                     "theme-color", "format-detection", "referrer", "generator",
                                     "keywords", "mobile-web-app", "handheldfriendly", "news_keywords",
                                     "article:tag", "article:section", "og:type", "p:domain_verify",
                                     "bingbot", "googlebot", "msvalidate", "yandex", "facebook-domain"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t k = strlen(prefixes[i]);
        if (n >= k && strncasecmp(v, prefixes[i], k) == 0) return true;
    }
    return false;
}

/* Pages repeat the same class lists hundreds of times: judged once each. */
#define JUDGE_CACHE 2048
typedef struct judge_cache {
    uint64_t key[JUDGE_CACHE];
    unsigned flags[JUDGE_CACHE];
} judge_cache;
static unsigned judge_names_cached(judge_cache *c, const char *v, size_t n);

/* Is one of the class tokens a "hide this" utility class? Exact tokens only:
 * "hidden-xs" is visible on large screens. */
static bool class_hides(const char *v, size_t n)
{
    static const char *hide[] = {"hidden", "sr-only", "visually-hidden", "screen-reader-text",
                                 "d-none", "visuallyhidden", "is-hidden"};
    const char *p = v, *end = v + n;
    while (p < end) {
        while (p < end && tag_space(*p)) p++;
        const char *t = p;
        while (p < end && !tag_space(*p)) p++;
        for (size_t i = 0; i < sizeof hide / sizeof hide[0]; i++)
            if ((size_t)(p - t) == strlen(hide[i]) && strncasecmp(t, hide[i], (size_t)(p - t)) == 0) return true;
    }
    return false;
}

/* internal to the verdict cache: the class list hides its element */
#define J_HIDES (1u << 12)

/* Lower-case hex of v (at most 8 digits); returns the digits written. */
static size_t put_hex(char *out, unsigned v)
{
    char tmp[8];
    size_t n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v && n < sizeof tmp);
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

/* Copies the start tag at p ("<name ...>") keeping only the attributes the
 * extractor reads. class and id are judged here, once, and replaced by their
 * verdict: j="CLASSFLAGS.IDFLAGS" (hex; absent when both are neutral) and
 * hidden for the hiding utility classes. Class lists are most of a page's
 * attribute bytes, and gumbo would read them one code point at a time.
 * Never writes more than it reads. Returns the end of the tag. */
static const char *copy_start_tag(const char *p, const char *end, pc_buf *out, judge_cache *jc)
{
    const char *q = p + 1, *name = q;
    while (q < end && !tag_space(*q) && *q != '>' && *q != '/') q++;
    bool is_link = q - name == 4 && strncasecmp(name, "link", 4) == 0;
    bool is_meta = q - name == 4 && strncasecmp(name, "meta", 4) == 0;
    bool canonical = false, unread_meta = false;
    char *o = out->data + out->len;
    memcpy(o, p, (size_t)(q - p));
    o += q - p;
    const char *cls = NULL, *id = NULL;
    size_t cls_len = 0, id_len = 0;
    bool closed = false;
    for (;;) {
        while (q < end && (tag_space(*q) || *q == '/')) q++;
        if (q >= end) break;
        if (*q == '>') {
            closed = true;
            q++;
            break;
        }
        const char *an = q;
        while (q < end && !tag_space(*q) && *q != '=' && *q != '>' && *q != '/') q++;
        if (q == an) q++; /* a stray '=': skip it */
        size_t an_len = (size_t)(q - an);
        const char *after_name = q, *v = NULL;
        size_t vlen = 0;
        while (q < end && tag_space(*q)) q++;
        if (q < end && *q == '=') {
            q++;
            while (q < end && tag_space(*q)) q++;
            if (q < end && (*q == '"' || *q == '\'')) {
                char quote = *q++;
                v = q;
                const char *e = memchr(q, quote, (size_t)(end - q));
                vlen = (size_t)((e ? e : end) - v);
                q = e ? e + 1 : end;
            } else {
                v = q;
                while (q < end && !tag_space(*q) && *q != '>') q++;
                vlen = (size_t)(q - v);
            }
        } else {
            q = after_name;
        }
        if (is_link && an_len == 3 && strncasecmp(an, "rel", 3) == 0 && v && vlen == 9 &&
            strncasecmp(v, "canonical", 9) == 0)
            canonical = true;
        if (is_meta && v && ((an_len == 4 && strncasecmp(an, "name", 4) == 0) ||
                             (an_len == 8 && strncasecmp(an, "property", 8) == 0)))
            unread_meta = unread_meta_key(v, vlen);
        /* the first occurrence counts, as in the parser */
        if (an_len == 5 && strncasecmp(an, "class", 5) == 0) {
            if (!cls) cls = v ? v : "", cls_len = vlen;
        } else if (an_len == 2 && strncasecmp(an, "id", 2) == 0) {
            if (!id) id = v ? v : "", id_len = vlen;
        } else if (an_len && keep_attr(an, an_len, v, vlen, is_link)) {
            *o++ = ' ';
            memcpy(o, an, (size_t)(q - an));
            o += q - an;
        }
    }
    unsigned cf = cls && cls_len ? judge_names_cached(jc, cls, cls_len) : 0;
    unsigned idf = id && id_len ? judge_names_cached(jc, id, id_len) & ~(unsigned)(PH_J_BYLINE | J_HIDES) : 0;
    bool hides = cf & J_HIDES;
    cf &= ~(unsigned)J_HIDES;
    /* what the verdict may take: the bytes the class and id attributes took
     * (a space, the name, '=', the value), so the output never outgrows the input */
    size_t budget = (cls ? 7 + cls_len : 0) + (id ? 4 + id_len : 0);
    if (hides && budget >= 7) {
        memcpy(o, " hidden", 7);
        o += 7;
        budget -= 7;
    }
    if (cf || idf) {
        char jb[32];
        size_t k = 0;
        jb[k++] = ' ';
        jb[k++] = 'j';
        jb[k++] = '=';
        k += put_hex(jb + k, cf);
        jb[k++] = '.';
        k += put_hex(jb + k, idf);
        if (k <= budget) {
            memcpy(o, jb, k);
            o += k;
        }
    }
    if (closed) *o++ = '>';
    /* <link>s other than the canonical URL and <meta>s nothing reads are dropped */
    if ((is_link && !canonical) || unread_meta) return q;
    out->len = (size_t)(o - out->data);
    return q;
}

/* What the pre-pass needs to know of a tag name. FLAT: void elements and
 * those whose end tag may be omitted (the parser closes them): they do not
 * count toward depth. */
enum { TK_NEST, TK_FLAT, TK_PRE, TK_SCRIPT, TK_STYLE, TK_SVG, TK_NOSCRIPT, TK_INLINE };
/* TK_INLINE + i: inline formatting elements; without attributes they carry
 * nothing the extractor reads and are dropped with their end tags */
#define N_INLINE 10

static int tag_kind(const char *name, size_t n)
{
    static const struct { const char *s; unsigned char len, kind; } names[] = {
        {"p", 1, TK_FLAT}, {"a", 1, TK_FLAT}, {"li", 2, TK_FLAT}, {"dt", 2, TK_FLAT},
        {"dd", 2, TK_FLAT}, {"tr", 2, TK_FLAT}, {"td", 2, TK_FLAT}, {"th", 2, TK_FLAT},
        {"rb", 2, TK_FLAT}, {"rt", 2, TK_FLAT}, {"rp", 2, TK_FLAT}, {"br", 2, TK_FLAT},
        {"hr", 2, TK_FLAT}, {"col", 3, TK_FLAT}, {"img", 3, TK_FLAT}, {"wbr", 3, TK_FLAT},
        {"pre", 3, TK_PRE}, {"svg", 3, TK_SVG}, {"html", 4, TK_FLAT}, {"head", 4, TK_FLAT},
        {"body", 4, TK_FLAT}, {"area", 4, TK_FLAT}, {"base", 4, TK_FLAT}, {"link", 4, TK_FLAT},
        {"meta", 4, TK_FLAT}, {"nobr", 4, TK_FLAT}, {"form", 4, TK_FLAT}, {"thead", 5, TK_FLAT},
        {"tbody", 5, TK_FLAT}, {"tfoot", 5, TK_FLAT}, {"embed", 5, TK_FLAT}, {"input", 5, TK_FLAT},
        {"track", 5, TK_FLAT}, {"param", 5, TK_FLAT}, {"frame", 5, TK_FLAT}, {"image", 5, TK_FLAT},
        {"style", 5, TK_STYLE}, {"option", 6, TK_FLAT}, {"source", 6, TK_FLAT},
        {"keygen", 6, TK_FLAT}, {"button", 6, TK_FLAT}, {"script", 6, TK_SCRIPT},
        {"bgsound", 7, TK_FLAT}, {"listing", 7, TK_PRE}, {"optgroup", 8, TK_FLAT},
        {"colgroup", 8, TK_FLAT}, {"basefont", 8, TK_FLAT}, {"menuitem", 8, TK_FLAT},
        {"textarea", 8, TK_PRE}, {"noscript", 8, TK_NOSCRIPT},
        {"span", 4, TK_INLINE + 0}, {"i", 1, TK_INLINE + 1}, {"b", 1, TK_INLINE + 2},
        {"em", 2, TK_INLINE + 3}, {"strong", 6, TK_INLINE + 4}, {"u", 1, TK_INLINE + 5},
        {"small", 5, TK_INLINE + 6}, {"font", 4, TK_INLINE + 7}, {"mark", 4, TK_INLINE + 8},
        {"abbr", 4, TK_INLINE + 9}};
    char low[8];
    if (n == 0 || n > sizeof low) return TK_NEST;
    for (size_t i = 0; i < n; i++) low[i] = (char)(name[i] | 0x20); /* ASCII letters only matter */
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].len == n && names[i].s[0] == low[0] && memcmp(names[i].s, low, n) == 0)
            return names[i].kind;
    return TK_NEST;
}

static size_t tag_name_len(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && !tag_space(*q) && *q != '>' && *q != '/') q++;
    return (size_t)(q - p);
}

/* gumbo's tree construction costs O(depth) per tag, so input nested far past
 * the cap would take minutes before the walk could refuse it. The pre-pass
 * counts open elements (an over-estimate: it does not apply the parser's
 * implied closes) and refuses early past this bound. */
#define PRESCAN_MAX_DEPTH (4 * PH_MAX_DEPTH)

/* Also counts the text it keeps between tags and stops with *text_over set
 * once that passes max_text: the article is taken from that text, so a page
 * holding more is refused before gumbo parses it (a 200 MB page took gumbo
 * 17 s and 2 GB before the article limit refused it after the walk). */
static precis_status strip_raw_text(const char *s, size_t len, pc_buf *out, judge_cache *jc,
                                    pc_buf *ld, size_t max_text, bool *text_over)
{
    const char *p = s, *end = s + len;
    precis_status st = pc_buf_reserve(out, len);
    if (st) return st;
    size_t depth = 0, in_pre = 0, text = 0;
    /* the '<' of an end tag, "<!DOCTYPE", "<![CDATA[" or "<?" was copied
     * alone: the bytes up to its '>' are markup, not text to count */
    bool markup = false;
    /* which open inline elements were dropped (a bit per nesting level) */
    typedef struct inline_stack {
        uint64_t bits;
        unsigned depth;
    } inline_stack;
    inline_stack inl[N_INLINE];
    memset(inl, 0, sizeof inl);
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) lt = end;
        const char *text_start = p;
        if (markup) {
            const char *gt = memchr(p, '>', (size_t)(lt - p));
            text_start = gt ? gt + 1 : lt;
            markup = false;
        }
        if (in_pre) {
            memcpy(out->data + out->len, p, (size_t)(lt - p));
            out->len += (size_t)(lt - p);
            text += (size_t)(lt - text_start);
        } else {
            /* runs of ASCII whitespace render as one space: indentation between
             * tags is a good part of a page and gumbo reads it byte by byte */
            char *o = out->data + out->len, *o_text = NULL;
            for (const char *r = p; r < lt; r++) {
                if (r == text_start) o_text = o; /* a run never spans the '>' before it */
                if (tag_space(*r)) {
                    *o++ = *r;
                    while (r + 1 < lt && tag_space(r[1])) r++;
                } else {
                    *o++ = *r;
                }
            }
            text += (size_t)(o - (o_text ? o_text : o));
            out->len = (size_t)(o - out->data);
        }
        if (text > max_text) {
            *text_over = true;
            return PRECIS_ELIMIT;
        }
        p = lt;
        if (p >= end) break;
        const char *q = p + 1;
        int kind = TK_NEST;
        /* q may be end: a page read in place has no NUL after its last '<' */
        bool is_end = q + 1 < end && *q == '/';
        bool named = is_end ? isalpha((unsigned char)q[1]) : q < end && isalpha((unsigned char)*q);
        if (named) {
            const char *nm = is_end ? q + 1 : q;
            kind = tag_kind(nm, tag_name_len(nm, end));
            /* whitespace is kept as written inside these */
            if (kind == TK_PRE) {
                if (is_end) in_pre = in_pre ? in_pre - 1 : 0;
                else in_pre++;
            }
        }
        if (end - q >= 3 && q[0] == '!' && q[1] == '-' && q[2] == '-') {
            /* "<!-->" and "<!--->" are whole (empty) comments, as gumbo and
             * browsers read them: the text after them is shown */
            const char *c = end - q >= 4 && q[3] == '>'                 ? q + 1
                            : end - q >= 5 && q[3] == '-' && q[4] == '>' ? q + 2
                                                                          : memmem(q + 3, (size_t)(end - q - 3), "-->", 3);
            p = c ? c + 3 : end;
            continue;
        }
        const char *close = !named || is_end     ? NULL
                            : kind == TK_SCRIPT ? "</script"
                            : kind == TK_STYLE  ? "</style"
                            : kind == TK_SVG    ? "</svg"
                            /* as a browser with scripting on: raw text, so an
                             * unclosed <div> inside cannot swallow the page */
                            : kind == TK_NOSCRIPT ? "</noscript"
                                                  : NULL;
        if (!close && named && !is_end) {
            if (kind != TK_FLAT && ++depth > PRESCAN_MAX_DEPTH) return PRECIS_ELIMIT;
            size_t before = out->len;
            p = copy_start_tag(p, end, out, jc);
            if (kind >= TK_INLINE) {
                inline_stack *is = &inl[kind - TK_INLINE];
                /* "<span>" and nothing else: drop it, and its end tag later */
                bool bare = out->len - before == (size_t)(tag_name_len(q, end) + 2) &&
                            out->data[out->len - 1] == '>';
                if (is->depth < 64) {
                    if (bare) {
                        is->bits |= (uint64_t)1 << is->depth;
                        out->len = before;
                    } else {
                        is->bits &= ~((uint64_t)1 << is->depth);
                    }
                }
                is->depth++;
            }
            continue;
        }
        if (named && is_end && depth && kind != TK_FLAT) depth--;
        if (named && is_end && kind >= TK_INLINE && inl[kind - TK_INLINE].depth > 0) {
            inline_stack *is = &inl[kind - TK_INLINE];
            is->depth--;
            if (is->depth < 64 && (is->bits >> is->depth & 1)) {
                const char *gt = memchr(q, '>', (size_t)(end - q));
                p = gt ? gt + 1 : end;
                continue;
            }
        }
        const char *gt = close ? memchr(q, '>', (size_t)(end - q)) : NULL;
        if (!gt) {
            markup = q < end && (*q == '/' || *q == '!' || *q == '?');
            out->data[out->len++] = *p++;
            continue;
        }
        bool keep_body = false;
        if (close[2] == 's' && close[3] == 'c') { /* script: JSON-LD stays */
            for (const char *t = q; t + 7 <= gt && !keep_body; t++)
                keep_body = strncasecmp(t, "ld+json", 7) == 0;
        }
        if (keep_body) {
            /* JSON-LD goes to the metadata directly (NUL-separated in ld):
             * gumbo would read it one code point at a time for nothing */
            const char *c = find_close(gt + 1, end, close);
            if ((st = pc_buf_append(ld, gt + 1, (size_t)(c - gt - 1))) || (st = pc_buf_putc(ld, '\0')))
                return st;
            const char *cgt = c < end ? memchr(c, '>', (size_t)(end - c)) : NULL;
            p = cgt ? cgt + 1 : end;
            continue;
        }
        /* the whole element goes, its tags too: the walker never reads inside
         * and none of these shapes the tree around it */
        if (kind == TK_SVG && gt[-1] == '/') { /* <svg/>: foreign elements may self-close */
            p = gt + 1;
            continue;
        }
        p = find_close(gt + 1, end, close);
        const char *cgt = p < end ? memchr(p, '>', (size_t)(end - p)) : NULL;
        p = cgt ? cgt + 1 : end;
    }
    out->data[out->len] = '\0';
    return PRECIS_OK;
}

/* ---- walking: nodes and blocks ------------------------------------------- */

typedef struct walker {
    ph_page *pg;
    pc_error *err;
    const char *name;
    size_t block_start;
    int cur_chars, cur_links, cur_words;
    bool pending_space;
    int in_link;
    unsigned inherited;       /* BF_ flags of open ancestors */
    int owner;                /* innermost block-level node */
    int list;                 /* innermost list/table node */
    precis_status st;
} walker;

static bool is_block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND:
        return true;
    default:
        return false;
    }
}

/* Elements whose content is never visible text. */
static bool is_skipped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    /* ruby annotations (furigana) are readings shown above the text, not text */
    case GUMBO_TAG_RT: case GUMBO_TAG_RP:
        return true;
    default:
        return false;
    }
}

const char *ph_attr(const GumboNode *n, const char *name)
{
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return NULL;
    GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static bool is_hidden(const GumboNode *n)
{
    if (ph_attr(n, "hidden")) return true;
    const char *aria = ph_attr(n, "aria-hidden");
    if (aria && strcmp(aria, "true") == 0) return true;
    const char *style = ph_attr(n, "style");
    if (style) {
        char compact[128];
        size_t k = 0;
        for (const char *p = style; *p && k + 1 < sizeof compact; p++)
            if (!pc_is_space((unsigned char)*p)) compact[k++] = (char)tolower((unsigned char)*p);
        compact[k] = '\0';
        if (strstr(compact, "display:none") || strstr(compact, "visibility:hidden")) return true;
    }
    return false;
}

/* Class/id vocabulary. A class value like "post-meta" is judged by all its
 * tokens for the strong words and by its last token (the head noun) for the
 * weak ones: "entry-content" is content, "entry-meta" is not. */
static bool starts(const char *tok, size_t n, const char *w)
{
    /* first-letter check before strlen: this runs for every class token */
    if (!n || tok[0] != w[0]) return false;
    size_t k = strlen(w);
    return n >= k && strncmp(tok, w, k) == 0;
}

/* Vocabulary words with their lengths: the lists run for every new class
 * token, so length and the first two letters are checked before the rest. */
typedef struct word {
    const char *s;
    size_t n;
} word;
#define W(x) {x, sizeof x - 1}

static bool starts_any(const char *t, size_t n, const word *ws, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (n >= ws[i].n && t[0] == ws[i].s[0] && t[1] == ws[i].s[1] && !memcmp(t, ws[i].s, ws[i].n))
            return true;
    return false;
}

static bool equals_any(const char *t, size_t n, const word *ws, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (n == ws[i].n && t[0] == ws[i].s[0] && !memcmp(t, ws[i].s, n)) return true;
    return false;
}

static bool strong_token(const char *t, size_t n)
{
    static const word pre[] = {W("comment"), W("share"), W("sharing"), W("social"), W("related"),
        W("cookie"), W("consent"), W("newsletter"), W("subscri"), W("breadcrumb"), W("disqus"),
        W("outbrain"), W("taboola"), W("sidebar"), W("footer"), W("navbar"), W("navigation"),
        W("menu"), W("popup"), W("modal"), W("pagination"), W("pager"), W("advert"), W("sponsor"),
        W("promo"), W("recommend"), W("shariff"), W("addthis"), W("gdpr"), W("masthead"),
        W("trending"), W("mostread"), W("mostpopular"), W("tagcloud"), W("skiplink"), W("signup"),
        W("login"), W("paywall"), W("teaserlist"), W("banner"), W("rating"), W("disclaimer")};
    static const word exact[] = {W("nav"), W("ad"), W("ads"), W("adv"), W("tags"), W("tag"),
        W("rss"), W("skip"), W("popular"), W("community"), W("replies"), W("reply"), W("toolbar"),
        W("topnav"), W("subnav"), W("share"), W("follow"), W("author-box"), W("abo"), W("werbung"),
        W("anzeige"), W("cta"), W("button"), W("btn"), W("more"), W("weitere")};
    return starts_any(t, n, pre, sizeof pre / sizeof pre[0]) ||
           equals_any(t, n, exact, sizeof exact / sizeof exact[0]);
}

static bool weak_token(const char *t, size_t n)
{
    static const word pre[] = {W("header"), W("meta"), W("byline"), W("author"), W("caption"),
        W("credit"), W("copyright"), W("date"), W("extra"), W("aside"), W("teaser"), W("tools"),
        W("links"), W("info"), W("footnote"), W("bio"), W("contact"), W("search"), W("hint"),
        W("notice"), W("overlay"), W("logo"), W("widget")};
    return starts_any(t, n, pre, sizeof pre / sizeof pre[0]);
}

static bool positive_token(const char *t, size_t n)
{
    static const word pre[] = {W("article"), W("content"), W("entry"), W("post"), W("story"),
        W("body"), W("text"), W("main"), W("blog"), W("hentry"), W("richtext"), W("prose"),
        W("inhalt"), W("artikel"), W("beitrag"), W("news"), W("detail")};
    return starts_any(t, n, pre, sizeof pre / sizeof pre[0]);
}

/* v is lower case */
static bool hint_class(const char *v)
{
    static const char *hints[] = {"articlebody", "article-body", "article__body", "article_body",
                                  "entry-content", "post-content", "post-body", "story-body",
                                  "article-content", "article__content", "articletext",
                                  "article-text", "post_content", "entry_content", "main-content",
                                  "story-content", "artikel-text", "blog-post-body", "hentry"};
    /* each hint contains one of these: most class lists fail here, cheaply */
    if (!strstr(v, "body") && !strstr(v, "content") && !strstr(v, "text") && !strstr(v, "hentry"))
        return false;
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strstr(v, hints[i])) return true;
    return false;
}

/* Judges one attribute value (class list or id). */
static unsigned judge_names(const char *v, size_t vn)
{
    unsigned flags = 0;
    char low[256];
    size_t len = 0;
    for (; len < vn && len + 1 < sizeof low; len++) {
        char c = (char)tolower((unsigned char)v[len]);
        low[len] = c == '\t' || c == '\n' || c == '\r' || c == '\f' ? ' ' : c;
    }
    low[len] = '\0';
    bool any_pos = false, any_weak = false, any_soft = false, any_hard = false;
    const char *p = low;
    while (*p) {
        while (*p == ' ') p++;
        const char *val = p;
        while (*p && *p != ' ') p++;
        const char *vend = p;
        /* BEM: "block__element--modifier" is named by its block and element; the
         * modifier is a variant ("TestReport__Section--Ads" is a section) */
        for (const char *m = val + 1; m + 1 < vend; m++)
            if (m[0] == '-' && m[1] == '-') {
                vend = m;
                break;
            }
        /* taxonomy and state classes ("tag-china", "category-news", "has-sidebar")
         * describe the element, they do not name it */
        static const char *modifiers[] = {"tag-", "category-", "has-", "with-", "no-", "is-",
                                          "topics-", "format-", "postid-", "single-"};
        bool modifier = false;
        for (size_t i = 0; i < sizeof modifiers / sizeof modifiers[0] && !modifier; i++)
            modifier = val[0] == modifiers[i][0] && strncmp(val, modifiers[i], strlen(modifiers[i])) == 0;
        if (modifier) continue;
        /* tokens of this class value */
        const char *last = NULL;
        size_t last_n = 0;
        bool strong = false, pos = false;
        /* a strong word counts as the head or the first word of a class value
         * ("comment-list", "post-comments", "sd-sharing"), not in the middle
         * ("custom_tags-clickbait") */
        int idx = 0;
        size_t first_n = 0;
        bool strong_last = false;
        for (const char *q = val; q < vend; idx++) {
            while (q < vend && !isalnum((unsigned char)*q)) q++;
            const char *t = q;
            while (q < vend && isalnum((unsigned char)*q)) q++;
            size_t n = (size_t)(q - t);
            if (!n) continue;
            if (isdigit((unsigned char)*t)) { /* "post-12345": no vocabulary word starts with a digit */
                strong_last = false;
                if (idx == 0) first_n = n;
                last = t;
                last_n = n;
                continue;
            }
            bool st = strong_token(t, n);
            if (st && (idx == 0 || (idx == 1 && first_n <= 3))) strong = true;
            strong_last = st;
            if (idx == 0) first_n = n;
            if (positive_token(t, n)) pos = true;
            last = t;
            last_n = n;
        }
        if (strong_last) strong = true;
        if (strong) flags |= NF_BOILER | NF_STRONG;
        else if (last && weak_token(last, last_n)) {
            any_weak = true;
            if (starts(last, last_n, "header") || starts(last, last_n, "teaser")) any_soft = true;
            else any_hard = true;
        }
        else if (pos) any_pos = true;
    }
    if (any_pos) flags |= NF_POSITIVE;
    if (any_weak && !any_pos) flags |= NF_BOILER;
    if (any_soft && !any_hard) flags |= NF_SOFT;
    if (hint_class(low)) flags = (flags & ~(unsigned)(NF_BOILER | NF_STRONG)) | NF_HINT;
    return flags;
}

static unsigned judge_names_cached(judge_cache *c, const char *v, size_t n)
{
    uint64_t h = XXH3_64bits(v, n) | 1; /* 0 marks an empty slot */
    size_t slot = (size_t)(h % JUDGE_CACHE);
    if (c->key[slot] == h) return c->flags[slot];
    unsigned f = judge_names(v, n);
    /* the byline element the metadata looks for */
    if (memmem(v, n, "byline", 6) || memmem(v, n, "author-name", 11)) f |= PH_J_BYLINE;
    if (class_hides(v, n)) f |= J_HIDES;
    c->key[slot] = h;
    c->flags[slot] = f;
    return f;
}

/* The pre-pass verdict on an element's class and id (see copy_start_tag). */
unsigned ph_judged(const GumboNode *n, unsigned *id_flags)
{
    const char *j = ph_attr(n, "j");
    unsigned c = 0, i = 0;
    if (j) {
        char *e;
        c = (unsigned)strtoul(j, &e, 16);
        if (*e == '.') i = (unsigned)strtoul(e + 1, NULL, 16);
    }
    if (id_flags) *id_flags = i;
    return c;
}

static unsigned judge_element(const GumboNode *n)
{
    GumboTag t = n->v.element.tag;
    unsigned g;
    unsigned f = ph_judged(n, &g) & ~(unsigned)PH_J_BYLINE;
    if (g) {
        f |= g & (NF_STRONG | NF_HINT | NF_POSITIVE);
        if ((g & NF_BOILER) && !(f & NF_POSITIVE)) f |= NF_BOILER;
    }
    if (f & NF_HINT) f &= ~(unsigned)(NF_BOILER | NF_STRONG);
    switch (t) {
    case GUMBO_TAG_NAV: f |= NF_BOILER | NF_STRONG; break;
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: f |= NF_BOILER | NF_BOILER_TAG; break;
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: f |= NF_HINT; break;
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: return 0;
    default: break;
    }
    const char *itemprop = ph_attr(n, "itemprop");
    if (itemprop && (strcmp(itemprop, "articleBody") == 0 || strcmp(itemprop, "text") == 0))
        f = (f & ~(unsigned)(NF_BOILER | NF_STRONG)) | NF_HINT;
    const char *role = ph_attr(n, "role");
    if (role) {
        static const char *boiler_roles[] = {"navigation", "complementary", "contentinfo",
                                             "banner", "search", "dialog", "alertdialog", "menu",
                                             "menubar", "alert"};
        for (size_t i = 0; i < sizeof boiler_roles / sizeof boiler_roles[0]; i++)
            if (strcmp(role, boiler_roles[i]) == 0) f |= NF_BOILER;
        if (strcmp(role, "main") == 0 || strcmp(role, "article") == 0) f |= NF_HINT;
    }
    return f;
}

static void add_char_stats(walker *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80 || pc_is_space(c)) continue;
        w->cur_chars++;
        if (w->in_link) w->cur_links++;
    }
}

/* Length of a whitespace character at p (ASCII or Unicode space), 0 if none. */
static size_t space_len(const unsigned char *p, const unsigned char *end)
{
    if (pc_is_space(*p)) return 1;
    if (*p == 0xC2 && p + 1 < end && p[1] == 0xA0) return 2;
    if (*p == 0xE2 && p + 2 < end && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF))
        return 3;
    if (*p == 0xE3 && p + 2 < end && p[1] == 0x80 && p[2] == 0x80) return 3;
    return 0;
}

/* Appends p..q without the invisible characters a browser does not show:
 * soft hyphen, zero-width space, BOM. */
static precis_status append_visible(pc_buf *out, const unsigned char *p, const unsigned char *q)
{
    const unsigned char *run = p;
    precis_status st;
    while (p < q) {
        size_t skip = 0;
        if (p[0] == 0xC2 && p + 1 < q && p[1] == 0xAD) skip = 2;
        else if (p[0] == 0xE2 && p + 2 < q && p[1] == 0x80 && p[2] == 0x8B) skip = 3;
        else if (p[0] == 0xEF && p + 2 < q && p[1] == 0xBB && p[2] == 0xBF) skip = 3;
        if (!skip) {
            p++;
            continue;
        }
        if ((st = pc_buf_append(out, run, (size_t)(p - run)))) return st;
        p += skip;
        run = p;
    }
    return pc_buf_append(out, run, (size_t)(q - run));
}

static void emit_text(walker *w, const char *s, size_t len)
{
    if (w->st) return;
    pc_buf *out = &w->pg->text;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    if (w->inherited & BF_PRE) {
        for (; p < end; p++) {
            if (*p == '\r') continue;
            if ((w->st = pc_buf_putc(out, (char)*p))) return;
            if (*p == '\n' || *p == ' ' || *p == '\t') continue;
            if ((*p & 0xC0) != 0x80) {
                w->cur_chars++;
                if (w->in_link) w->cur_links++;
            }
        }
        w->cur_words++;
        return;
    }
    while (p < end) {
        size_t sp = space_len(p, end);
        if (sp) {
            p += sp;
            if (out->len > w->block_start) w->pending_space = true;
            continue;
        }
        const unsigned char *q = p;
        while (q < end && !space_len(q, end)) q++;
        if (w->pending_space) {
            char last = out->len > w->block_start ? out->data[out->len - 1] : '\n';
            if (last != '\n' && (w->st = pc_buf_putc(out, ' '))) return;
            w->pending_space = false;
        }
        if ((w->st = append_visible(out, p, q))) return;
        add_char_stats(w, (const char *)p, (size_t)(q - p));
        w->cur_words++;
        p = q;
    }
}

static void flush_block(walker *w)
{
    ph_page *pg = w->pg;
    /* trim trailing spaces/newlines */
    while (pg->text.len > w->block_start &&
           (pg->text.data[pg->text.len - 1] == '\n' || pg->text.data[pg->text.len - 1] == ' '))
        pg->text.len--;
    if (w->cur_chars > 0 && !w->st && w->owner >= 0) {
        if (pg->n_blocks == pg->cap_blocks) {
            size_t cap = pg->cap_blocks ? pg->cap_blocks * 2 : 256;
            ph_block *b = realloc(pg->blocks, cap * sizeof *b);
            if (!b) {
                w->st = PRECIS_ENOMEM;
                return;
            }
            pg->blocks = b;
            pg->cap_blocks = cap;
        }
        ph_block *b = &pg->blocks[pg->n_blocks++];
        b->off = w->block_start;
        b->len = pg->text.len - w->block_start;
        b->node = w->owner;
        b->list = w->list;
        b->chars = w->cur_chars;
        b->link_chars = w->cur_links;
        b->words = w->cur_words;
        b->flags = w->inherited;
        if (pg->nodes[w->owner].tag == GUMBO_TAG_P) b->flags |= BF_P;
    } else {
        pg->text.len = w->block_start;
    }
    if (pg->text.data) pg->text.data[pg->text.len] = '\0';
    w->block_start = pg->text.len;
    w->cur_chars = w->cur_links = w->cur_words = 0;
    w->pending_space = false;
}

static unsigned block_flags_for(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_H1: return BF_HEADING | BF_H1;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return BF_HEADING;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: return BF_LI;
    case GUMBO_TAG_DT: return BF_LI | BF_DT;
    case GUMBO_TAG_BLOCKQUOTE: return BF_QUOTE;
    case GUMBO_TAG_PRE: return BF_PRE;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: return BF_CAPTION;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return BF_CELL;
    default: return 0;
    }
}

/* <head>: no text, only metadata elements (depth is bounded by the caller's cap). */
static void meta_walk(ph_page *pg, const GumboNode *n, int depth)
{
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type != GUMBO_NODE_ELEMENT || depth >= PH_MAX_DEPTH) continue;
        ph_meta_element(pg, c);
        meta_walk(pg, c, depth + 1);
    }
}

static void walk(walker *w, const GumboNode *n, int parent, int depth)
{
    if (w->st) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
        emit_text(w, n->v.text.text, strlen(n->v.text.text));
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    if (depth > PH_MAX_DEPTH) {
        w->st = pc_fail(w->err, PRECIS_ELIMIT, w->name, 0,
                        "HTML nested deeper than %d elements", PH_MAX_DEPTH);
        return;
    }
    ph_page *pg = w->pg;
    GumboTag tag = n->v.element.tag;
    ph_meta_element(pg, n);
    if (tag == GUMBO_TAG_HEAD) {
        meta_walk(pg, n, depth);
        return;
    }
    if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML || is_skipped_tag(tag) || is_hidden(n))
        return;
    if (tag == GUMBO_TAG_BR) {
        if (!(w->st = pc_buf_putc(&pg->text, '\n'))) w->pending_space = false;
        return;
    }
    if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_WBR) return;
    bool block = is_block_tag(tag);
    if (block) flush_block(w);
    if (pg->n_nodes == pg->cap_nodes) {
        size_t cap = pg->cap_nodes ? pg->cap_nodes * 2 : 256;
        ph_node *nn = realloc(pg->nodes, cap * sizeof *nn);
        if (!nn) {
            w->st = PRECIS_ENOMEM;
            return;
        }
        pg->nodes = nn;
        pg->cap_nodes = cap;
    }
    int me = (int)pg->n_nodes++;
    ph_node *node = &pg->nodes[me];
    node->g = n;
    node->parent = parent;
    node->depth = depth;
    node->tag = tag;
    node->flags = judge_element(n);
    node->score = 0;
    node->first_block = (int)pg->n_blocks;
    unsigned saved_inherited = w->inherited;
    int saved_owner = w->owner, saved_list = w->list;
    if (block) {
        w->owner = me;
        w->inherited |= block_flags_for(tag);
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL ||
            tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_MENU)
            w->list = me;
    }
    if (tag == GUMBO_TAG_A) w->in_link++;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length && !w->st; i++)
        walk(w, ch->data[i], me, depth + 1);
    if (tag == GUMBO_TAG_A) w->in_link--;
    if (block) {
        flush_block(w);
        w->owner = saved_owner;
        w->inherited = saved_inherited;
        w->list = saved_list;
    }
    pg->nodes[me].end_block = (int)pg->n_blocks;
}

/* ---- scoring -------------------------------------------------------------- */

#ifdef PH_DEBUG_DUMP
static double tune(const char *name, double dflt)
{
    const char *v = getenv(name);
    return v ? atof(v) : dflt;
}
#define P(name, dflt) tune(#name, dflt)
static const char **dbg_why; /* developer aid: why each block was left out */
#define WHY(i, r) do { if (dbg_why) dbg_why[i] = (r); } while (0)
#else
#define P(name, dflt) (dflt)
#define WHY(i, r) ((void)0)
#endif

static bool ends_sentence(const ph_page *pg, const ph_block *b)
{
    const char *s = pg->text.data + b->off;
    size_t n = b->len;
    while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\'')) n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80) n -= 3; /* ” « etc */
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB) n -= 2; /* » */
    if (!n) return false;
    const unsigned char *u = (const unsigned char *)s + n;
    /* CJK full stop and full-width ! ? */
    if (n >= 3 && ((u[-3] == 0xE3 && u[-2] == 0x80 && u[-1] == 0x82) ||
                   (u[-3] == 0xEF && u[-2] == 0xBC && (u[-1] == 0x81 || u[-1] == 0x9F))))
        return true;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

static double link_density(const ph_block *b)
{
    return b->chars ? (double)b->link_chars / b->chars : 0;
}

/* Prose: long enough, few links. */
static bool is_good(const ph_page *pg, const ph_block *b)
{
    if (b->flags & BF_IN_LD) return true;
    double ld = link_density(b);
    if (ld > P(GOOD_LD, 0.33)) return false;
    if (b->chars >= P(GOOD_LONG, 120)) return true;
    if (b->chars >= P(GOOD_SHORT, 50) && b->words >= 8 && ends_sentence(pg, b)) return true;
    return false;
}

static double block_weight(const ph_page *pg, const ph_block *b)
{
    double nonlink = b->chars - b->link_chars;
    if (b->flags & BF_IN_LD) return b->chars * 2.0;
    if (is_good(pg, b)) {
        double w = nonlink - b->link_chars;
        if (b->flags & BF_P) w *= P(P_BONUS, 1.5);
        return w;
    }
    if (b->flags & BF_HEADING) return b->link_chars ? -b->link_chars : b->chars * P(HEAD_W, 0.3);
    if (b->link_chars) return -(double)b->link_chars * P(LINK_W, 1.0) - P(LINKTEXT_W, 0.2) * nonlink;
    return -P(SHORT_W, 0.1) * nonlink;
}

/* Marks blocks of text contained in the JSON-LD articleBody. */
static void mark_ld_blocks(ph_page *pg)
{
    const char *body = pg->meta.ld_body;
    if (!body || strlen(body) < 200) return;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        ph_block *b = &pg->blocks[i];
        if (b->chars < 25) continue;
        size_t n = b->len < 60 ? b->len : 60;
        /* do not cut a UTF-8 sequence */
        while (n < b->len && ((unsigned char)pg->text.data[b->off + n] & 0xC0) == 0x80) n++;
        if (memmem(body, strlen(body), pg->text.data + b->off, n)) b->flags |= BF_IN_LD;
    }
}

static void decide_removals(ph_page *pg)
{
    size_t nb = pg->n_blocks, nn = pg->n_nodes;
    double *prose = calloc(nb + 1, sizeof *prose);
    if (!prose) return;
    for (size_t i = 0; i < nb; i++) {
        const ph_block *b = &pg->blocks[i];
        prose[i + 1] = prose[i] + (is_good(pg, b) ? b->chars - b->link_chars : 0);
    }
    double total = prose[nb];
    /* hint containment, bottom-up (children come after parents) */
    unsigned char *hint_inside = calloc(nn ? nn : 1, 1);
    if (!hint_inside) {
        free(prose);
        return;
    }
    for (size_t i = nn; i-- > 0;) {
        const ph_node *nd = &pg->nodes[i];
        if ((nd->flags & NF_HINT) && prose[nd->end_block] - prose[nd->first_block] > 0)
            hint_inside[i] = 1;
        if (hint_inside[i] && nd->parent >= 0) hint_inside[nd->parent] = 1;
    }
    unsigned char *in_hint = calloc(nn ? nn : 1, 1); /* has an article-like ancestor */
    if (!in_hint) {
        free(hint_inside);
        free(prose);
        return;
    }
    for (size_t i = 0; i < nn; i++) {
        const ph_node *nd = &pg->nodes[i];
        if (nd->parent >= 0)
            in_hint[i] = in_hint[nd->parent] || (pg->nodes[nd->parent].flags & NF_HINT);
    }
    for (size_t i = 0; i < nn; i++) {
        ph_node *nd = &pg->nodes[i];
        if (nd->parent >= 0 && (pg->nodes[nd->parent].flags & NF_REMOVED)) {
            nd->flags |= NF_REMOVED;
            continue;
        }
        if (!(nd->flags & NF_BOILER) || hint_inside[i]) continue;
        /* weak class words inside an article ("entry-header" with the lead) are content */
        if ((nd->flags & NF_SOFT) && !(nd->flags & (NF_STRONG | NF_BOILER_TAG)) && in_hint[i]) continue;
        double share = total > 0 ? (prose[nd->end_block] - prose[nd->first_block]) / total : 0;
        /* a wrapper holding most of the prose is the page, not a sidebar */
        /* a strong word next to a content word ("entry share") names a wrapper
         * that may be the article: judged like a weak one */
        bool strong = (nd->flags & NF_STRONG) && !(nd->flags & NF_POSITIVE);
        if (share > (strong ? P(SHARE_STRONG, 0.8) : P(SHARE_WEAK, 0.5))) continue;
        nd->flags |= NF_REMOVED;
    }
    free(in_hint);
    free(hint_inside);
    free(prose);
}

/* Appends block text to out with the separator its kind needs. */
static precis_status put_block(pc_buf *out, const ph_page *pg, const ph_block *b,
                               const ph_block *prev)
{
    precis_status st;
    if (out->len) {
        bool same_list = prev && (prev->flags & BF_LI) && (b->flags & BF_LI) && prev->list == b->list;
        if ((st = pc_buf_puts(out, same_list ? "\n" : "\n\n"))) return st;
    }
    return pc_buf_append(out, pg->text.data + b->off, b->len);
}

/* Lower-cases n bytes of s into low (NUL-terminated): ASCII, and the Latin-1
 * capitals of UTF-8 (Ä, Ö, Ü, É, ...), which the phrase lists spell in lower case. */
static void lower_prefix(char *low, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        low[i] = (char)tolower(c);
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            low[++i] = (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
        }
    }
    low[n] = '\0';
}

/* Lines that open the tail of a page rather than continue the article:
 * related links, comments, sharing, sources. Lower-case prefixes. */
static bool opens_tail(const ph_page *pg, const ph_block *b)
{
    static const char *tails[] = {
        "related", "you may also like", "you might also like", "read more", "more from",
        "more stories", "more on this", "recommended", "also read", "read next", "see also",
        "comments", "leave a reply", "leave a comment", "share this", "share on", "tags:",
        "das könnte", "mehr zum thema", "weitere artikel", "weitere themen", "lesen sie auch",
        "auch interessant", "ähnliche beiträge", "ähnliche artikel", "kommentare", "kommentar schreiben",
        "schreibe einen kommentar", "teilen", "empfehlungen", "weiterlesen", "mehr aus",
        "mehr zu", "passend zum thema", "themen im artikel", "schlagworte", "schlagwörter",
        "newsletter", "anzeige", "advertisement", "te puede interesar", "relacionad", "más noticias",
        "lire aussi", "à lire aussi", "sur le même sujet", "articles similaires", "zobacz też",
        "czytaj też", "przeczytaj też", "leia também", "veja também", "explore further",
        "zobacz także", "le puede interesar", "lea también", "top themen", "zum weiterlesen",
        "quellenangaben", "quellen:", "en savoir plus", "also on", "further reading",
        "über den autor", "über die autorin", "about the author", "zur person", "mehr lesen",
        "das könnte sie", "das könnte dich", "mehr artikel", "weitere beiträge", "verwandte",
        "ähnliche themen", "beliebte artikel", "meistgelesen", "most read", "most popular",
        "trending", "follow us", "folgen sie uns", "abonnieren", "jetzt abonnieren", "subscribe",
        "neueste artikel", "neueste beiträge", "aktuelle artikel", "kommende events",
        "kommende veranstaltungen", "lust auf mehr", "vous aimerez", "à lire également",
        "war der artikel", "war dieser artikel", "war dieser beitrag", "ist dieser beitrag",
        "was this article", "was this helpful", "artikel teilen", "beitrag teilen", "news teilen",
        "den artikel mit", "kommentieren", "sie müssen sich", "you must be logged in", "alle artikel",
        "sie lesen gern", "latest news", "latest stories", "more news", "related posts",
        "related articles", "recent posts", "neueste", "popular posts", "beliebte beiträge",
        "leer más", "lee también", "ver también", "noticias relacionadas", "artículos relacionados",
        "à voir aussi", "dans la même rubrique", "podobne artykuły", "polecane", "like this:",
        "like loading"};
    if (b->chars == 0) return false;
    if (b->chars > 60 && !(b->link_chars * 10 > b->chars * 3)) return false;
    char low[96];
    size_t n = b->len < sizeof low - 1 ? b->len : sizeof low - 1;
    lower_prefix(low, pg->text.data + b->off, n);
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++)
        if (strncmp(low, tails[i], strlen(tails[i])) == 0) return true;
    return false;
}

/* Image credits and ad labels: "© Agency", "Foto: X", "Advertisement". */
static bool is_credit(const ph_page *pg, const ph_block *b)
{
    static const char *credits[] = {"©", "(c) ", "foto:", "fotos:", "foto ", "photo:", "photos:",
                                    "photo ", "bild:", "bildquelle", "image:", "image credit",
                                    "credit:", "credits:", "quelle:", "source:", "getty",
                                    "advertisement", "anzeige", "werbung", "imago", "dpa",
                                    "picture alliance", "shutterstock", "istock", "reuters/", "ap photo"};
    if (b->chars > 120 || b->chars == 0) return false;
    char low[64];
    size_t n = b->len < sizeof low - 1 ? b->len : sizeof low - 1;
    lower_prefix(low, pg->text.data + b->off, n);
    for (size_t i = 0; i < sizeof credits / sizeof credits[0]; i++)
        if (strncmp(low, credits[i], strlen(credits[i])) == 0) return true;
    return false;
}

/* Words rather than a dateline, counter or label: an intro line, a list item
 * of the article ("1 tablespoon ground cinnamon"), not "4 Min Read". */
static bool wordy(const ph_page *pg, const ph_block *b)
{
    if (b->link_chars) return false;
    int digits = 0;
    for (size_t i = 0; i < b->len; i++) digits += isdigit((unsigned char)pg->text.data[b->off + i]) != 0;
    return b->words >= P(WORDY_MIN, 4) && digits * 4 < b->chars;
}

/* An e-mail address in the block: "name@host.tld". */
static bool has_email(const ph_page *pg, const ph_block *b)
{
    const char *t = pg->text.data + b->off;
    for (size_t i = 1; i + 3 < b->len; i++) {
        if (t[i] != '@' || !(isalnum((unsigned char)t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '_')) continue;
        size_t j = i + 1;
        bool dot = false;
        while (j < b->len && (isalnum((unsigned char)t[j]) || t[j] == '-' || t[j] == '.')) dot |= t[j++] == '.';
        if (dot && j > i + 3 && t[j - 1] != '.') return true;
        if (dot && j > i + 4 && t[j - 1] == '.') return true; /* "news@x.example." */
    }
    return false;
}

/* The block speaks to the reader or for the desk: "us", "you", "uns". */
static bool to_reader(const ph_page *pg, const ph_block *b)
{
    static const char *const words[] = {"us", "you", "your", "uns", "nous", "vous"};
    const char *t = pg->text.data + b->off;
    for (size_t i = 0; i < b->len; i++) {
        if (i > 0 && isalpha((unsigned char)t[i - 1])) continue;
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            size_t n = strlen(words[w]);
            if (i + n <= b->len && !strncasecmp(t + i, words[w], n) &&
                (i + n == b->len || !isalpha((unsigned char)t[i + n])))
                return true;
        }
    }
    return false;
}

/* Appends the kept blocks of [first, end) to out. strict: drop link-heavy
 * blocks and trim short debris at the edges; otherwise only removed
 * subtrees and captions are left out. */
static precis_status collect(ph_page *pg, int first, int end, const unsigned char *gone, bool strict,
                             pc_buf *out)
{
    precis_status st = PRECIS_OK;
    int *keep = malloc(sizeof *keep * (size_t)(end - first + 1));
    size_t n_keep = 0;
    if (!keep) return PRECIS_ENOMEM;
    double total_good = 0, seen_good = 0;
    for (int i = first; i < end && strict; i++)
        if (!gone[i] && is_good(pg, &pg->blocks[i])) total_good += pg->blocks[i].chars;
    for (int i = first; i < end; i++) {
        const ph_block *b = &pg->blocks[i];
        if (gone[i]) { WHY(i, "gone"); continue; }
        if (is_good(pg, b)) seen_good += b->chars;
        double ld = link_density(b);
        if (!(b->flags & BF_IN_LD)) {
            if (b->flags & BF_CAPTION) { WHY(i, "caption"); continue; } /* image captions and credits */
            if (strict && is_credit(pg, b)) { WHY(i, "credit"); continue; }
            /* the headline is the article's title field, not its text */
            if (strict && (b->flags & BF_H1)) { WHY(i, "h1"); continue; }
            /* loose short text outside paragraphs, lists and headings: labels, dates, counters */
            if (strict && !(b->flags & (BF_P | BF_LI | BF_HEADING | BF_QUOTE | BF_PRE | BF_CELL)) &&
                b->chars < P(LOOSE_MIN, 40) && !ends_sentence(pg, b)) {
                WHY(i, "loose");
                continue;
            }
            if (strict && opens_tail(pg, b)) {
                /* after most of the prose it ends the article; before, it is a
                 * "Read more:" line inside the text */
                if (seen_good >= P(TAIL_SEEN, 0.6) * total_good && seen_good > 0) {
                    for (int j = i; j < end; j++) WHY(j, "tail-end");
                    break;
                }
                WHY(i, "tail-skip");
                continue;
            }
            if (strict && ld > P(DROP_LD, 0.5)) { WHY(i, "ld"); continue; }
            if (strict && (b->flags & BF_LI) && ld > P(DROP_LI_LD, 0.3)) { WHY(i, "li-ld"); continue; }
        }
        keep[n_keep++] = i;
    }
    /* trim short debris before the first and after the last prose block;
     * headings before the first prose block stay (the title, a kicker) */
    size_t hi = n_keep;
    size_t first_good = strict ? n_keep : 0, last_good = 0;
    for (size_t k = 0; k < n_keep && strict; k++)
        if (is_good(pg, &pg->blocks[keep[k]])) {
            if (first_good == n_keep) first_good = k;
            last_good = k;
        }
    if (strict && first_good < n_keep) {
        last_good = first_good;
        for (size_t k = first_good; k < n_keep; k++)
            if (is_good(pg, &pg->blocks[keep[k]])) last_good = k;
        hi = last_good + 1;
        /* a short closing line that ends a sentence (a signature, "=)") may follow */
        while (hi < n_keep) {
            const ph_block *b = &pg->blocks[keep[hi]];
            if ((b->flags & BF_HEADING) || b->link_chars) break;
            /* list items and quotes closing the article stay; other lines only
             * when short and ending a sentence */
            if (!(b->flags & (BF_LI | BF_QUOTE)) && (b->chars > 100 || (!ends_sentence(pg, b) && b->chars > 20)))
                break;
            hi++;
            if (hi - last_good > 8) break;
        }
    }
    /* a closing call to the reader with the desk's address ("Got a story?
     * Email news@... or message us on WhatsApp") is not the article's; a
     * contact for the news itself ("... Anne Althaus (althausa@...)") is */
    while (strict && hi > first_good + 1 && hi <= n_keep && has_email(pg, &pg->blocks[keep[hi - 1]]) &&
           to_reader(pg, &pg->blocks[keep[hi - 1]]) &&
           pg->blocks[keep[hi - 1]].chars < P(MAILTAIL, 200)) {
        WHY(keep[hi - 1], "mail-tail");
        hi--;
    }
    const ph_block *prev = NULL;
    for (size_t k = 0; k < hi && !st; k++) {
        const ph_block *b = &pg->blocks[keep[k]];
        if (k < first_good && !(b->flags & BF_HEADING)) {
            /* before the first prose block: only near it, and not a dateline or a byline */
            if ((first_good - k > P(LEAD_WIN, 2) || b->chars < P(LEAD_MIN, 30)) && !wordy(pg, b)) {
                WHY(keep[k], "lead-trim");
                continue;
            }
        }
        st = put_block(out, pg, b, prev);
        WHY(keep[k], "kept");
        prev = b;
    }
    for (size_t k = hi; k < n_keep; k++) WHY(keep[k], "end-trim");
    free(keep);
    return st;
}

/* Removed only as an article/entry "header" (soft words), nothing stronger on its path. */
static bool removed_softly(const ph_page *pg, const ph_block *b)
{
    for (int a = b->node; a >= 0; a = pg->nodes[a].parent) {
        unsigned f = pg->nodes[a].flags;
        if (!(f & NF_REMOVED)) break; /* above the removed subtree: kept ancestors do not matter */
        if ((f & NF_BOILER) && (!(f & NF_SOFT) || (f & (NF_STRONG | NF_BOILER_TAG)))) return false;
    }
    return true;
}

/* A lead paragraph: prose-sized, few links, not a caption. */
static bool is_standfirst(const ph_page *pg, int k, const unsigned char *gone)
{
    const ph_block *b = &pg->blocks[k];
    if (b->chars < P(LEAD_CHARS, 80) || b->link_chars * 5 >= b->chars || (b->flags & (BF_CAPTION | BF_H1)))
        return false;
    return !gone[k] || removed_softly(pg, b);
}

static precis_status assemble(ph_page *pg, const ph_options *opt, pc_buf *out)
{
    size_t nb = pg->n_blocks;
    precis_status st = PRECIS_OK;
    if (opt->all_text) {
        const ph_block *prev = NULL;
        for (size_t i = 0; i < nb && !st; i++) {
            st = put_block(out, pg, &pg->blocks[i], prev);
            prev = &pg->blocks[i];
        }
        return st;
    }
    mark_ld_blocks(pg);
    decide_removals(pg);
    unsigned char *gone = calloc(nb ? nb : 1, 1);
    double *pre = calloc(nb + 1, sizeof *pre);
    if (!gone || !pre) {
        free(gone);
        free(pre);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < pg->n_nodes; i++) {
        const ph_node *nd = &pg->nodes[i];
        if ((nd->flags & NF_REMOVED) && !(nd->parent >= 0 && (pg->nodes[nd->parent].flags & NF_REMOVED)))
            memset(gone + nd->first_block, 1, (size_t)(nd->end_block - nd->first_block));
    }
    for (size_t i = 0; i < nb; i++)
        pre[i + 1] = pre[i] + (gone[i] ? 0 : block_weight(pg, &pg->blocks[i]));
    /* the container: maximum-weight subtree; ties go to the deeper node */
    int best = -1;
    double best_score = 0;
    for (size_t i = 0; i < pg->n_nodes; i++) {
        ph_node *nd = &pg->nodes[i];
        if (nd->flags & NF_REMOVED) continue;
        double s = pre[nd->end_block] - pre[nd->first_block];
        if ((nd->flags & NF_HINT) && s > 0) s *= P(HINT, 1.1);
        nd->score = s;
        if (best < 0 || s >= best_score) {
            if (best >= 0 && s == best_score && nd->first_block == nd->end_block) continue;
            best = (int)i;
            best_score = s;
        }
    }
#ifdef PH_DEBUG_DUMP /* developer aid: -DPH_DEBUG_DUMP, then PH_DEBUG=1 (or 2 for blocks) */
    if (getenv("PH_DEBUG")) {
        for (size_t i = 0; i < pg->n_nodes; i++) {
            const ph_node *nd = &pg->nodes[i];
            bool top = (nd->flags & NF_REMOVED) && !(nd->parent >= 0 && (pg->nodes[nd->parent].flags & NF_REMOVED));
            if (top || (int)i == best)
                fprintf(stderr, "%s node %zu <%s class=%s id=%s> blocks %d..%d score %.0f\n", top ? "REMOVED" : "BEST",
                        i, gumbo_normalized_tagname(nd->tag), ph_attr(nd->g, "class") ? ph_attr(nd->g, "class") : "",
                        ph_attr(nd->g, "id") ? ph_attr(nd->g, "id") : "", nd->first_block, nd->end_block, nd->score);
        }
        fprintf(stderr, "blocks %zu\n", nb);
        for (int a = best; a >= 0; a = pg->nodes[a].parent)
            fprintf(stderr, "  up <%s class=%s> %d..%d score %.0f flags %x\n", gumbo_normalized_tagname(pg->nodes[a].tag),
                    ph_attr(pg->nodes[a].g, "class") ? ph_attr(pg->nodes[a].g, "class") : "", pg->nodes[a].first_block,
                    pg->nodes[a].end_block, pg->nodes[a].score, pg->nodes[a].flags);
        for (size_t i = 0; i < nb && getenv("PH_DEBUG")[0] == '2'; i++)
            fprintf(stderr, "  b%zu node %d gone %d w %.0f chars %d links %d flags %x: %.*s\n", i, pg->blocks[i].node, gone[i],
                    block_weight(pg, &pg->blocks[i]), pg->blocks[i].chars, pg->blocks[i].link_chars, pg->blocks[i].flags,
                    (int)pg->blocks[i].len, pg->text.data + pg->blocks[i].off);
    }
#endif
    int first = 0, end = 0;
    if (best >= 0 && best_score > 0) {
        first = pg->nodes[best].first_block;
        end = pg->nodes[best].end_block;
    }
    /* siblings of the container that hold prose of their own join it (an
     * article split into several wrappers): readability's sibling rule */
    unsigned char *mask = NULL;
    if (best >= 0 && best_score > 0 && pg->nodes[best].parent >= 0 && P(SIBLINGS, 1) > 0) {
        int parent = pg->nodes[best].parent;
        /* climb single-child wrappers: the siblings that matter are around them */
        while (pg->nodes[parent].parent >= 0 && pg->nodes[parent].first_block == first &&
               pg->nodes[parent].end_block == end)
            parent = pg->nodes[parent].parent;
        const ph_node *pn = &pg->nodes[parent];
        mask = malloc(nb ? nb : 1);
        if (mask) {
            memset(mask, 1, nb ? nb : 1);
            memcpy(mask, gone, nb);
            int lo = first, hi = end;
            /* hide the parent's blocks, then reveal the container and good siblings */
            for (int k = pn->first_block; k < pn->end_block; k++) mask[k] = 1;
            for (int k = first; k < end; k++) mask[k] = gone[k];
            for (size_t i = (size_t)parent + 1; i < pg->n_nodes && pg->nodes[i].first_block < pn->end_block; i++) {
                const ph_node *sib = &pg->nodes[i];
                if (sib->parent != parent || (int)i == best || (sib->flags & NF_REMOVED)) continue;
                double ss = pre[sib->end_block] - pre[sib->first_block];
                /* a clean prose sibling (a lead paragraph) joins too: nothing negative in it */
                bool clean = ss >= P(SIB_CLEAN_MIN, 100);
                for (int k = sib->first_block; k < sib->end_block && clean; k++)
                    if (!gone[k] && block_weight(pg, &pg->blocks[k]) < -5) clean = false;
                if (!clean && (ss < P(SIB_SHARE, 0.2) * best_score || ss < 100)) continue;
                for (int k = sib->first_block; k < sib->end_block; k++) mask[k] = gone[k];
                if (sib->first_block < lo) lo = sib->first_block;
                if (sib->end_block > hi) hi = sib->end_block;
            }
            first = lo;
            end = hi;
        }
    }
    /* a standfirst between the headline and the container (a lead set as <h2>
     * or in the article header) belongs to the article */
    if (best >= 0 && best_score > 0 && first > 0) {
        int h1 = -1;
        for (int k = first - 1; k >= 0 && k >= first - P(LEAD_H1_WIN, 15); k--)
            if (pg->blocks[k].flags & BF_H1) {
                h1 = k;
                break;
            }
        bool any = false;
        for (int k = h1 + 1; h1 >= 0 && k < first && !any; k++) any = is_standfirst(pg, k, gone);
        if (any && !mask) {
            mask = malloc(nb);
            if (mask) memcpy(mask, gone, nb);
        }
        if (any && mask) {
            for (int k = h1 + 1; k < first; k++) mask[k] = !is_standfirst(pg, k, gone);
            first = h1 + 1;
        }
    }
#ifdef PH_DEBUG_DUMP
    if (getenv("PH_WHY")) {
        dbg_why = calloc(nb ? nb : 1, sizeof *dbg_why);
        for (size_t i = 0; dbg_why && i < nb; i++) dbg_why[i] = "outside";
    }
#endif
    precis_status st2 = collect(pg, first, end, mask ? mask : gone, true, out);
#ifdef PH_DEBUG_DUMP
    if (dbg_why) {
        pc_buf j;
        pc_buf_init(&j, 0);
        for (size_t i = 0; i < nb; i++) {
            const ph_block *b = &pg->blocks[i];
            int top = -1;
            for (int a = b->node; a >= 0; a = pg->nodes[a].parent)
                if (pg->nodes[a].flags & NF_REMOVED) top = a;
            bool in_best = false;
            unsigned bf = 0;
            for (int a = b->node; a >= 0; a = pg->nodes[a].parent) {
                if (a == best) in_best = true;
                if (pg->nodes[a].flags & NF_BOILER) bf |= pg->nodes[a].flags;
            }
            j.len = 0;
            pc_buf_printf(&j, "{\"i\":%zu,\"node\":%d,\"par\":%d,\"good\":%d,\"bf\":%u,\"why\":\"%s\",\"inbest\":%d,\"chars\":%d,\"links\":%d,\"flags\":%u,\"w\":%.0f,\"tag\":\"%s\",\"by\":",
                          i, b->node, pg->nodes[b->node].parent, is_good(pg, b), bf, dbg_why[i], in_best, b->chars, b->link_chars, b->flags, block_weight(pg, b),
                          gumbo_normalized_tagname(pg->nodes[b->node].tag));
            if (top >= 0) {
                char d[300];
                snprintf(d, sizeof d, "%s.%s#%s", gumbo_normalized_tagname(pg->nodes[top].tag),
                         ph_attr(pg->nodes[top].g, "j") ? ph_attr(pg->nodes[top].g, "j") : "",
                         ph_attr(pg->nodes[top].g, "id") ? ph_attr(pg->nodes[top].g, "id") : "");
                pc_json_string(&j, d, strlen(d));
            } else {
                pc_buf_puts(&j, "null");
            }
            pc_buf_puts(&j, ",\"t\":");
            pc_json_string(&j, pg->text.data + b->off, b->len);
            pc_buf_puts(&j, "}\n");
            fwrite(j.data, 1, j.len, stderr);
        }
        {
            char d[300];
            snprintf(d, sizeof d, "{\"best\":\"%s.%s#%s\",\"score\":%.0f}\n",
                     best >= 0 ? gumbo_normalized_tagname(pg->nodes[best].tag) : "-",
                     best >= 0 && ph_attr(pg->nodes[best].g, "class") ? ph_attr(pg->nodes[best].g, "class") : "",
                     best >= 0 && ph_attr(pg->nodes[best].g, "id") ? ph_attr(pg->nodes[best].g, "id") : "", best_score);
            fputs(d, stderr);
        }
        pc_buf_free(&j);
        free(dbg_why);
        dbg_why = NULL;
    }
#endif
    free(mask);
    if (!st2 && out->len < P(FALLBACK, 400)) {
        /* little found: the largest semantic container, links and all
         * (link-list posts, short pieces), else every surviving block */
        int hint = -1;
        int hint_chars = 0;
        for (size_t i = 0; i < pg->n_nodes; i++) {
            const ph_node *nd = &pg->nodes[i];
            if (!(nd->flags & NF_HINT) || (nd->flags & NF_REMOVED)) continue;
            int c = 0;
            for (int k = nd->first_block; k < nd->end_block; k++)
                if (!gone[k]) c += pg->blocks[k].chars;
            if (c > hint_chars) {
                hint = (int)i;
                hint_chars = c;
            }
        }
        pc_buf alt;
        pc_buf_init(&alt, out->limit);
        if (hint >= 0) st2 = collect(pg, pg->nodes[hint].first_block, pg->nodes[hint].end_block, gone, false, &alt);
        if (!st2 && alt.len > out->len + 50) {
            pc_buf_free(out);
            *out = alt;
        } else {
            pc_buf_free(&alt);
        }
        /* still nothing: whatever text survived the boilerplate removal */
        if (!st2 && out->len == 0 && pg->n_nodes) {
            /* ... unless it is only links: an index or home page ("Weather",
             * the headlines of other pages) holds no article */
            bool words = false;
            for (int k = pg->nodes[0].first_block; k < pg->nodes[0].end_block && !words; k++)
                words = !gone[k] && pg->blocks[k].chars > 0 &&
                        pg->blocks[k].link_chars * 10 < pg->blocks[k].chars * 9;
            if (words) st2 = collect(pg, pg->nodes[0].first_block, pg->nodes[0].end_block, gone, false, out);
        }
    }
    st = st2;
    free(gone);
    free(pre);
    return st;
}

/* ---- entry point ------------------------------------------------------------ */

/* Text goes out in Unicode NFC, as most text is stored and compared: pages mix
 * decomposed accents and composition-excluded letters (Bengali U+09DF) with
 * their composed forms. Text without marks, composition exclusions or jamo
 * (nfc_maybe) is left as it is: utf8proc_map costs ~7% of a page otherwise. */
static bool nfc_maybe(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *end = p + len;
    while (p < end) {
        if (*p < 0xCC) { /* ASCII, Latin-1, Latin Extended, and continuation bytes */
            p++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) return true;
        p += n;
        /* a quick check: NFC can only change text holding marks (they reorder or
         * compose), composition-excluded characters, or Hangul jamo */
        const utf8proc_property_t *pr = utf8proc_get_property(cp);
        if (pr->combining_class || pr->comp_exclusion || pr->category == UTF8PROC_CATEGORY_MN ||
            pr->category == UTF8PROC_CATEGORY_MC || pr->category == UTF8PROC_CATEGORY_ME ||
            (cp >= 0x1100 && cp <= 0x11FF))
            return true;
    }
    return false;
}

static precis_status to_nfc(pc_buf *text)
{
    if (!text->data || !nfc_maybe(text->data, text->len)) return PRECIS_OK; /* no text: NULL + 0 is UB */
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text->data, (utf8proc_ssize_t)text->len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) return PRECIS_OK; /* not expected (the text is valid UTF-8): keep it as it is */
    text->len = 0;
    precis_status st = pc_buf_append(text, out, (size_t)n);
    free(out);
    return st;
}

static void page_free(ph_page *pg)
{
    free(pg->nodes);
    free(pg->blocks);
    pc_buf_free(&pg->text);
    pc_arena_reset(&pg->arena);
}

precis_status ph_extract(const char *raw, size_t len, const ph_options *opt, pt_article *a,
                         pc_error *err)
{
    const char *name = opt->name; /* NULL: the caller names the input */
    size_t max_article = opt->max_article ? opt->max_article : PC_DEFAULT_MAX_ARTICLE;
    pc_buf html;
    pc_buf_init(&html, 0);
    const char *page; /* the page as UTF-8: raw itself, or decoded into html */
    size_t page_len;
    precis_status st = ph_decode_view(raw, len, opt->content_type, &html, &page, &page_len, err);
    if (st) {
        pc_buf_free(&html);
        return pc_fail(err, st, name, 0, "cannot decode the page: %s", precis_strerror(st));
    }
    pc_buf ld;
    pc_buf_init(&ld, 0);
    {
        pc_buf stripped;
        pc_buf_init(&stripped, 0);
        judge_cache jc;
        memset(&jc, 0, sizeof jc);
        bool text_over = false;
        if ((st = strip_raw_text(page ? page : "", page_len, &stripped, &jc, &ld, max_article,
                                 &text_over))) {
            pc_buf_free(&html);
            pc_buf_free(&stripped);
            pc_buf_free(&ld);
            if (text_over)
                return pc_fail(err, st, name, 0,
                               "page text longer than the %zu-byte article limit (refused before parsing)",
                               max_article);
            if (st == PRECIS_ELIMIT)
                return pc_fail(err, st, name, 0, "HTML nested deeper than %d elements", PH_MAX_DEPTH);
            return pc_fail(err, st, name, 0, "%s", precis_strerror(st));
        }
        pc_buf_free(&html);
        html = stripped;
#ifdef PH_DEBUG_DUMP
        if (getenv("PH_STRIPPED")) fwrite(html.data, 1, html.len, stderr);
#endif
    }
    if (html.len > UINT32_MAX / 2) {
        pc_buf_free(&html);
        pc_buf_free(&ld);
        return pc_fail(err, PRECIS_ELIMIT, name, 0, "page too large for the HTML parser");
    }
    /* gumbo aborts on allocation failure; bound its memory by a multiple of the input */
    /* heap, and not modified after setjmp, so it is intact after a longjmp */
    bump *arena = calloc(1, sizeof *arena);
    if (!arena) {
        pc_buf_free(&html);
        pc_buf_free(&ld);
        return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    }
    arena->limit = 64 * PC_MiB + html.len * 32;
    GumboOptions gopt = kGumboDefaultOptions;
    gopt.allocator = bump_alloc;
    gopt.deallocator = bump_free_noop;
    gopt.userdata = arena;
    gopt.max_errors = 0;
    if (setjmp(arena->on_fail)) {
        bool over_cap = arena->over_cap; /* the cap, not the machine: say which, and how big it was */
        size_t cap_mib = arena->limit / PC_MiB;
        bump_release(arena);
        free(arena);
        pc_buf_free(&html);
        pc_buf_free(&ld);
        if (!over_cap) return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory parsing the HTML");
        return pc_fail(err, PRECIS_ELIMIT, name, 0,
                       "the page's HTML tree passed the parser's memory cap (%zu MiB: 64 MiB + 32 x the page's size); "
                       "it has too many elements to extract",
                       cap_mib);
    }
    GumboOutput *out = gumbo_parse_with_options(&gopt, html.data ? html.data : "", html.len);

    ph_page pg;
    memset(&pg, 0, sizeof pg);
    pc_buf_init(&pg.text, 0);
    pc_arena_init(&pg.arena);
    walker w;
    memset(&w, 0, sizeof w);
    w.pg = &pg;
    w.err = err;
    w.name = name;
    w.owner = -1;
    w.list = -1;
    for (size_t k = 0; k < ld.len; k += strlen(ld.data + k) + 1) ph_meta_ld(&pg, ld.data + k);
    walk(&w, out->root, -1, 1);
    flush_block(&w);
    st = w.st;
    if (st && st != PRECIS_ELIMIT) pc_fail(err, st, name, 0, "%s", precis_strerror(st));

    pc_buf text;
    pc_buf_init(&text, max_article);
    if (!st) {
        for (size_t i = 0; i < pg.n_blocks; i++)
            if ((pg.blocks[i].flags & BF_H1) && !pg.meta.h1) {
                pg.meta.h1 = pc_arena_strndup(&pg.arena, pg.text.data + pg.blocks[i].off,
                                              pg.blocks[i].len);
                break;
            }
        st = assemble(&pg, opt, &text);
        /* JSON-LD articleBody when the DOM has clearly less (script-rendered page) */
        if (!st && !opt->all_text && pg.meta.ld_body && strlen(pg.meta.ld_body) > 2 * text.len + 200) {
            text.len = 0;
            st = pc_buf_puts(&text, pg.meta.ld_body);
        }
        /* nothing in the DOM at all (a page its scripts fill in): the description */
        if (!st && !opt->all_text && text.len < 100 && pg.meta.description &&
            strlen(pg.meta.description) > text.len + 50) {
            text.len = 0;
            st = pc_buf_puts(&text, pg.meta.description);
        }
        if (st == PRECIS_ELIMIT)
            pc_fail(err, st, name, 0, "article text longer than the %zu-byte limit", max_article);
        else if (st)
            pc_fail(err, st, name, 0, "%s", precis_strerror(st));
    }
    if (!st) st = ph_meta_finish(&pg, opt, a);
    if (!st) st = to_nfc(&text);
    if (!st) {
        st = pt_article_set(a, &a->text, text.data ? text.data : "", text.len);
        if (!st && text.len == 0)
            st = pc_fail(err, PRECIS_EEMPTY, name, 0, "no article found");
    }
    pc_buf_free(&text);
    page_free(&pg);
    bump_release(arena);
    free(arena);
    pc_buf_free(&html);
        pc_buf_free(&ld);
    return st;
}
