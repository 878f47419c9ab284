/* sgml.c — NIST/LDC newswire SGML: the <DOC> files DUC 2001-2007, TAC,
 * TIPSTER, AQUAINT and Gigaword are distributed in. One article per <DOC>.
 *
 * Hand-written, not gumbo or libxml2: the format has no DTD in the files
 * (tag soup: unclosed elements, '&' and '<' that are plain text, SGML
 * entities without ';'), HTML rules would be wrong for it (gumbo puts
 * <HEAD>, <TEXT>, <BODY> into a page tree of its own), and the XML parser
 * stops at the first bare '&'. What is needed is a tag scanner (a byte-class
 * table finds the next '<', '&' or CR) and a handful of element names; see
 * docs/summarize.md "Reading".
 *
 * Every scan moves forward: an element without its end tag ends at the next
 * field's start tag (or the end of its DOC), so damaged input stays linear. */
#include "text/text.h"
#include "text/article.h"
#include "text/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- byte classes ---------------------------------------------------------- */

enum { B_NAME = 1, B_NAME_START = 2, B_SPECIAL = 4 };
static unsigned char BCLASS[256];

static void classes_init(void)
{
    static bool done;
    if (done) return;
    for (int c = 0; c < 256; c++) {
        unsigned char k = 0;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) k |= B_NAME | B_NAME_START;
        if ((c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':') k |= B_NAME;
        if (c == '<' || c == '&' || c == '\r' || c == '\0') k |= B_SPECIAL;
        BCLASS[c] = k;
    }
    done = true; /* the table is the same whichever thread writes it first */
}

static inline bool is_name(char c) { return BCLASS[(unsigned char)c] & B_NAME; }
static inline bool is_name_start(char c) { return BCLASS[(unsigned char)c] & B_NAME_START; }
static inline bool is_special(char c) { return BCLASS[(unsigned char)c] & B_SPECIAL; }

static inline char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }

static bool same_ci(const char *a, size_t n, const char *b)
{
    size_t m = strlen(b);
    if (n != m) return false;
    for (size_t i = 0; i < n; i++)
        if (upper(a[i]) != upper(b[i])) return false;
    return true;
}

/* ---- tags ------------------------------------------------------------------ */

#define MAX_TAG 4096 /* a '<' with no '>' this far is a plain '<' */

typedef struct tag {
    size_t start, end;     /* d[start] == '<', d[end - 1] == '>' */
    size_t name, name_len; /* offset of the element name in d */
    bool close;            /* </NAME> */
    bool markup;           /* <!...>, <?...>, <!-- ... -->: skipped */
} tag;

static const char *find2(const char *d, size_t from, size_t n, const char *pat)
{
    size_t m = strlen(pat);
    for (size_t i = from; i + m <= n; i++) {
        const char *p = memchr(d + i, pat[0], n - m - i + 1);
        if (!p) return NULL;
        i = (size_t)(p - d);
        if (!memcmp(p, pat, m)) return p;
    }
    return NULL;
}

/* Is d[i] == '<' the start of a tag within d[0, n)? */
static bool tag_at(const char *d, size_t n, size_t i, tag *t)
{
    size_t j = i + 1;
    if (j >= n) return false;
    memset(t, 0, sizeof *t);
    t->start = i;
    if (d[j] == '!' || d[j] == '?') {
        t->markup = true;
        if (d[j] == '!' && j + 2 < n && d[j + 1] == '-' && d[j + 2] == '-') {
            /* "no '-->' in d[from, n)" remembered, so that many unclosed
             * comments do not each scan to the end (quadratic) */
            static _Thread_local struct {
                const char *d;
                size_t n, from;
            } none;
            if (none.d == d && none.n == n && j + 3 >= none.from) return false;
            const char *e = find2(d, j + 3, n, "-->");
            if (!e) {
                none.d = d;
                none.n = n;
                none.from = j + 3;
                return false;
            }
            t->end = (size_t)(e - d) + 3;
            return true;
        }
        /* a declaration ends at '>'; a '<' first means text */
        for (size_t k = j + 1; k < n && k - i < MAX_TAG; k++) {
            if (d[k] == '<') return false;
            if (d[k] == '>') {
                t->end = k + 1;
                return true;
            }
        }
        return false;
    }
    if (d[j] == '/') {
        t->close = true;
        j++;
    }
    if (j >= n || !is_name_start(d[j])) return false;
    t->name = j;
    while (j < n && is_name(d[j])) j++;
    t->name_len = j - t->name;
    if (j < n && d[j] != '>' && d[j] != '/' && !pc_is_space((unsigned char)d[j])) return false;
    /* Attributes: '>' ends the tag outside a quoted value; a '<' first means
     * this was text ("a <b or c" in tag soup). */
    char q = 0;
    bool after_eq = false;
    for (; j < n && j - i < MAX_TAG; j++) {
        char c = d[j];
        if (q) { /* a '<' in a value: no tag after all (else "<a x="<a x="..." scans MAX_TAG each) */
            if (c == q) q = 0;
            else if (c == '<') return false;
            continue;
        }
        if ((c == '"' || c == '\'') && after_eq) {
            q = c;
            after_eq = false;
            continue;
        }
        if (c == '>') {
            t->end = j + 1;
            return true;
        }
        if (c == '<') return false;
        if (c == '=') after_eq = true;
        else if (!pc_is_space((unsigned char)c)) after_eq = false;
    }
    return false;
}

/* The next tag at or after *i in d[0, n); false when there is none. */
static bool next_tag(const char *d, size_t n, size_t *i, tag *t)
{
    while (*i < n) {
        const char *p = memchr(d + *i, '<', n - *i);
        if (!p) break;
        size_t k = (size_t)(p - d);
        if (tag_at(d, n, k, t)) {
            *i = t->end;
            return true;
        }
        *i = k + 1;
    }
    *i = n;
    return false;
}

/* The value of attribute `name` in a start tag (quoted or not). */
static bool tag_attr(const char *d, const tag *t, const char *name, size_t *vs, size_t *vn)
{
    size_t j = t->name + t->name_len, e = t->end - 1;
    while (j < e) {
        while (j < e && !is_name_start(d[j])) j++;
        size_t ns = j;
        while (j < e && is_name(d[j])) j++;
        size_t nn = j - ns;
        while (j < e && pc_is_space((unsigned char)d[j])) j++;
        if (j >= e || d[j] != '=') continue;
        j++;
        while (j < e && pc_is_space((unsigned char)d[j])) j++;
        size_t s = j;
        if (j < e && (d[j] == '"' || d[j] == '\'')) {
            char q = d[j++];
            s = j;
            while (j < e && d[j] != q) j++;
        } else {
            while (j < e && !pc_is_space((unsigned char)d[j])) j++;
        }
        if (nn && same_ci(d + ns, nn, name)) {
            *vs = s;
            *vn = j - s;
            return true;
        }
        if (j < e) j++;
    }
    return false;
}

/* ---- elements -------------------------------------------------------------- */

typedef enum ekind {
    E_OTHER, /* unknown or a container (BODY): the tag is dropped, its content read */
    E_DOC,
    E_DOCNO,    /* DOCNO: the id */
    E_DOCID,    /* DOCID: the id when there is no DOCNO (LA Times: a serial number) */
    E_HEADLINE, /* HEADLINE, HL, HEAD: the title */
    E_DATE,     /* DATE_TIME, DATE, DD */
    E_TEXT,     /* TEXT; LP and LEADPARA (WSJ, SJMN lead paragraphs) */
    E_P,        /* a paragraph */
    E_DROP,     /* not article text: skipped with its content */
    E_WRAP      /* DOCSTREAM, TEXTSTREAM: wrappers around the DOCs */
} ekind;

static const struct {
    const char *name;
    ekind kind;
} ELEMENTS[] = {
    {"DOC", E_DOC},          {"DOCNO", E_DOCNO},           {"DOCID", E_DOCID},
    {"HEADLINE", E_HEADLINE}, {"HL", E_HEADLINE},           {"HEAD", E_HEADLINE},
    {"DATE_TIME", E_DATE},    {"DATE", E_DATE},             {"DD", E_DATE},
    {"TEXT", E_TEXT},         {"LP", E_TEXT},               {"LEADPARA", E_TEXT},
    {"P", E_P},               {"SLUG", E_DROP},             {"PREAMBLE", E_DROP},
    {"TRAILER", E_DROP},      {"ANNOTATION", E_DROP},       {"KEYWORD", E_DROP},
    {"CATEGORY", E_DROP},     {"TYPE", E_DROP},             {"DOCTYPE", E_DROP},
    {"DATELINE", E_DROP},     {"BYLINE", E_DROP},           {"HEADER", E_DROP},
    {"FILEID", E_DROP},       {"FIRST", E_DROP},            {"SECOND", E_DROP},
    {"NOTE", E_DROP},         {"DOCSTREAM", E_WRAP},        {"TEXTSTREAM", E_WRAP},
};

static ekind kind_of(const char *d, const tag *t)
{
    if (t->markup) return E_OTHER;
    for (size_t k = 0; k < sizeof ELEMENTS / sizeof *ELEMENTS; k++)
        if (same_ci(d + t->name, t->name_len, ELEMENTS[k].name)) return ELEMENTS[k].kind;
    return E_OTHER;
}

/* A field of the DOC: an element whose start ends the one before it when
 * that one has no end tag. */
static bool is_field(ekind k) { return k == E_DOCNO || k == E_DOCID || k == E_HEADLINE || k == E_DATE || k == E_TEXT; }

/* Where the element opened by t ends within d[0, n): its content is
 * [t->end, *cend), scanning goes on at *next. Without its end tag it ends at
 * the next start tag that `stops` it (a field; for a dropped element also
 * TEXT), or at n. */
static void element_end(const char *d, size_t n, const tag *t, bool drop, size_t *cend, size_t *next)
{
    size_t i = t->end;
    tag u;
    while (next_tag(d, n, &i, &u)) {
        if (u.markup) continue;
        if (u.close) {
            bool same = u.name_len == t->name_len;
            for (size_t k = 0; same && k < u.name_len; k++)
                same = upper(d[u.name + k]) == upper(d[t->name + k]);
            if (same) {
                *cend = u.start;
                *next = u.end;
                return;
            }
            continue;
        }
        ekind k = kind_of(d, &u);
        if (is_field(k) || k == E_DOC || (drop && k == E_DROP)) {
            *cend = *next = u.start;
            return;
        }
    }
    *cend = *next = n;
}

/* ---- text ------------------------------------------------------------------ */

/* Typesetting codes of the newswire DTDs (NYT, LA Times-Washington Post):
 * quad left/centre/right, upper/lower rail, tab...; no text, a space. */
static const char *const WIRE_CODES[] = {"HT", "QC", "QL", "QR", "UR", "LR", "MD", "TF", "IL", "UP"};

/* Decodes the entity at d[i] == '&' onto b; returns the bytes consumed, or 0
 * when it is a plain '&' (copied by the caller). The typesetting codes are
 * SGML's own (declared in the NYT/LATWP DTDs, not in HTML: "&UR" without ';'
 * could be text); everything else is pt_charref's (charref.c: HTML5's names,
 * numeric references). */
static size_t entity(const char *d, size_t n, size_t i, pc_buf *b, precis_status *st)
{
    if (i + 4 <= n && d[i + 3] == ';' && is_name_start(d[i + 1]) && is_name_start(d[i + 2]))
        for (size_t k = 0; k < sizeof WIRE_CODES / sizeof *WIRE_CODES; k++)
            if (!memcmp(d + i + 1, WIRE_CODES[k], 2)) {
                *st = pc_buf_putc(b, ' ');
                return 4;
            }
    char out[PT_CHARREF_MAX];
    size_t k, m = pt_charref(d + i, n - i, out, &k);
    if (m && k) *st = pc_buf_append(b, out, k);
    return m;
}

/* Paragraph marks inside built text; NUL never reaches the output (raw NUL
 * bytes are dropped, &#0; is U+FFFD). */
#define PARA '\0'

/* Appends the text of d[s, e) to b: entities decoded, CR LF and CR made LF,
 * tags removed, dropped elements skipped with their content, <P> and </P>
 * written as PARA. *has_p is set when a <P> was seen. */
static precis_status build_text(const char *d, size_t s, size_t e, pc_buf *b, bool *has_p)
{
    precis_status st = PRECIS_OK;
    size_t i = s;
    while (i < e && !st) {
        size_t r = i;
        while (r < e && !is_special(d[r])) r++;
        if (r > i && (st = pc_buf_append(b, d + i, r - i))) return st;
        i = r;
        if (i >= e) break;
        char c = d[i];
        if (c == '\0') {
            i++;
        } else if (c == '\r') {
            i++;
            if (i >= e || d[i] != '\n') st = pc_buf_putc(b, '\n');
        } else if (c == '&') {
            size_t k = entity(d, e, i, b, &st);
            if (!k) st = pc_buf_putc(b, '&');
            i += k ? k : 1;
        } else { /* '<' */
            tag t;
            if (!tag_at(d, e, i, &t)) {
                st = pc_buf_putc(b, '<');
                i++;
                continue;
            }
            ekind k = kind_of(d, &t);
            i = t.end;
            if (k == E_P) {
                *has_p = true;
                st = pc_buf_putc(b, PARA);
            } else if (k == E_DROP && !t.close) {
                size_t cend;
                element_end(d, e, &t, true, &cend, &i);
            }
        }
    }
    return st;
}

/* Trims white space at both ends of b[from, len). */
static void trim_tail(pc_buf *b, size_t from)
{
    size_t s = from;
    while (s < b->len && pc_is_space((unsigned char)b->data[s])) s++;
    if (s > from) {
        memmove(b->data + from, b->data + s, b->len - s);
        b->len -= s - from;
    }
    while (b->len > from && pc_is_space((unsigned char)b->data[b->len - 1])) b->len--;
    if (b->data) b->data[b->len] = '\0';
}

/* ---- the reader -------------------------------------------------------------- */

typedef struct part {
    size_t s, e;
} part;

typedef struct rd {
    const char *d;
    size_t n;
    const pt_sgml_options *o;
    size_t max_docs, max_doc_bytes;
    size_t line, line_pos; /* line of line_pos (positions only move forward) */
    pc_buf text, tmp;
    part *parts;
    size_t n_parts, cap_parts;
    size_t n_docs;  /* handed to o->fn */
    size_t index;   /* DOCs met */
    char what[160];
} rd;

static size_t line_at(rd *r, size_t pos)
{
    if (pos < r->line_pos) return r->line; /* not reached: scans move forward */
    const char *p = r->d + r->line_pos, *e = r->d + pos;
    while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        r->line++;
        p++;
    }
    r->line_pos = pos;
    return r->line;
}

static void skip(rd *r, precis_status st, size_t line, const char *what, const char *why)
{
    if (r->o->skip) r->o->skip(r->o->user, st, line, what, why);
}

/* A metadata field's text (tags out, entities decoded, spaces collapsed) in
 * r->tmp. */
static precis_status meta(rd *r, size_t s, size_t e)
{
    r->tmp.len = 0;
    bool has_p = false;
    precis_status st = build_text(r->d, s, e, &r->tmp, &has_p);
    if (st || !r->tmp.data) return st;
    for (size_t k = 0; k < r->tmp.len; k++)
        if (r->tmp.data[k] == PARA) r->tmp.data[k] = ' ';
    r->tmp.len = pc_collapse_space(r->tmp.data, r->tmp.data, r->tmp.len);
    return PRECIS_OK;
}

/* The source code at the front of an id: 2-8 ASCII letters before a digit
 * or '_' (APW19981016.0240 -> APW, XIN_ENG_20080101.0001 -> XIN). */
static size_t id_source(const char *id, size_t n)
{
    size_t k = 0;
    while (k < n && k < 9 && ((id[k] >= 'A' && id[k] <= 'Z') || (id[k] >= 'a' && id[k] <= 'z'))) k++;
    if (k < 2 || k > 8 || k >= n || !(id[k] == '_' || (id[k] >= '0' && id[k] <= '9'))) return 0;
    return k;
}

static int num(const char *s, size_t k)
{
    int v = 0;
    for (size_t i = 0; i < k; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* The date written in an id: YYYYMMDD after the source code and any
 * letter_ segments (APW19981016.0240, XIN_ENG_20080101.0001); six digits
 * for the TIPSTER sources whose order is known: AP and WSJ YYMMDD
 * (AP880212-0001), LA MMDDYY (LA010189-0001), all 19YY. ISO into buf. */
static bool id_date(const char *id, size_t n, char *buf, size_t cap)
{
    size_t src = id_source(id, n);
    if (!src) return false;
    size_t i = src;
    for (;;) { /* "_ENG_" */
        if (i < n && id[i] == '_') i++;
        size_t j = i;
        while (j < n && ((id[j] >= 'A' && id[j] <= 'Z') || (id[j] >= 'a' && id[j] <= 'z'))) j++;
        if (j == i || j >= n || id[j] != '_') break;
        i = j;
    }
    size_t ds = i;
    while (i < n && id[i] >= '0' && id[i] <= '9') i++;
    size_t nd = i - ds;
    int y, m, dd;
    if (nd >= 8) {
        y = num(id + ds, 4);
        m = num(id + ds + 4, 2);
        dd = num(id + ds + 6, 2);
    } else if (nd == 6 && ((src == 2 && !memcmp(id, "AP", 2)) || (src == 3 && !memcmp(id, "WSJ", 3)))) {
        y = 1900 + num(id + ds, 2);
        m = num(id + ds + 2, 2);
        dd = num(id + ds + 4, 2);
    } else if (nd == 6 && src == 2 && !memcmp(id, "LA", 2)) {
        m = num(id + ds, 2);
        dd = num(id + ds + 2, 2);
        y = 1900 + num(id + ds + 4, 2);
    } else {
        return false;
    }
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || dd < 1 || dd > pt_days_in_month(y, m)) return false;
    return (size_t)snprintf(buf, cap, "%04d-%02d-%02d", y, m, dd) < cap;
}

/* The indentation of the line at t[i] within t[0, e) in columns (a tab to
 * the next multiple of 8), -1 when it is blank; *eol: its '\n' or e. */
static long line_indent(const char *t, size_t i, size_t e, size_t *eol)
{
    long col = 0;
    size_t j = i;
    for (; j < e && (t[j] == ' ' || t[j] == '\t'); j++) col = t[j] == '\t' ? col / 8 * 8 + 8 : col + 1;
    const char *nl = memchr(t + j, '\n', e - j);
    *eol = nl ? (size_t)(nl - t) : e;
    for (; j < *eol; j++)
        if (!pc_is_space((unsigned char)t[j])) return col;
    return -1;
}

/* Paragraphs marked by indentation only, in a piece t[s, e) of TEXT without
 * <P> (AP TIPSTER, NYT: each paragraph's first line indented, its hard-wrapped
 * lines flush left): a line after the piece's first non-blank one that is
 * indented deeper than its least-indented line starts a paragraph. True when
 * the piece has one; with mark, the line end before each such line, and
 * before each blank line, becomes PARA. A uniform margin marks nothing. */
static bool indent_paragraphs(char *t, size_t s, size_t e, bool mark)
{
    long min = -1;
    size_t eol;
    for (size_t i = s; i < e; i = eol + 1) {
        long c = line_indent(t, i, e, &eol);
        if (c >= 0 && (min < 0 || c < min)) min = c;
    }
    if (min < 0) return false;
    bool seen = false, deeper = false;
    for (size_t i = s; i < e; i = eol + 1) {
        long c = line_indent(t, i, e, &eol);
        if (seen && (c < 0 || c > min)) {
            deeper |= c > min;
            if (mark) t[i - 1] = PARA; /* i > s: t[i - 1] is the '\n' ending the line before */
        }
        seen |= c >= 0;
    }
    return deeper;
}

/* The pieces of text of one DOC as the article's text in r->text. With
 * paragraphs (<P>, or indentation without <P>: indent_paragraphs): each
 * paragraph's spaces collapsed, "\n\n" between them. Without: each part as
 * written (trimmed), "\n\n" between parts, for the plain-text path to judge
 * (hard wraps, cleaning). */
static precis_status doc_text(rd *r, bool *clean)
{
    r->text.len = 0;
    r->tmp.len = 0;
    bool has_p = false;
    precis_status st = PRECIS_OK;
    for (size_t k = 0; k < r->n_parts && !st; k++) {
        if (k) st = pc_buf_putc(&r->tmp, PARA);
        if (!st) st = build_text(r->d, r->parts[k].s, r->parts[k].e, &r->tmp, &has_p);
    }
    if (st) return st;
    for (int mark = 0; !has_p && r->tmp.data && mark < 2; mark++) {
        bool any = false;
        for (size_t i = 0, e; i < r->tmp.len; i = e + 1) {
            const char *p = memchr(r->tmp.data + i, PARA, r->tmp.len - i);
            e = p ? (size_t)(p - r->tmp.data) : r->tmp.len;
            any |= indent_paragraphs(r->tmp.data, i, e, mark);
        }
        if (!any) break;
        has_p = mark; /* marked on the second pass */
    }
    *clean = has_p;
    const char *t = r->tmp.data ? r->tmp.data : "";
    size_t n = r->tmp.len, i = 0;
    while (i <= n && !st) {
        const char *p = memchr(t + i, PARA, n - i);
        size_t e = p ? (size_t)(p - t) : n;
        size_t from = r->text.len;
        if (from && (st = pc_buf_puts(&r->text, "\n\n"))) break;
        size_t at = r->text.len;
        if (has_p) {
            if ((st = pc_buf_reserve(&r->text, e - i + 1))) break;
            r->text.len += pc_collapse_space(r->text.data + at, t + i, e - i);
        } else if ((st = pc_buf_append(&r->text, t + i, e - i))) {
            break;
        }
        trim_tail(&r->text, at);
        if (r->text.len == at) { /* an empty piece: no separator for it */
            r->text.len = from;
            if (r->text.data) r->text.data[from] = '\0';
        }
        i = e + 1;
    }
    return st;
}

/* One DOC: its start tag t, content d[s, e). */
static precis_status read_doc(rd *r, const tag *t, size_t s, size_t e, size_t line)
{
    const char *d = r->d;
    size_t id_s = 0, id_n = 0, docid_s = 0, docid_n = 0, date_attr_s = 0, date_attr_n = 0;
    bool have_id = false, have_docid = false, have_title = false;
    bool have_date_attr = tag_attr(d, t, "date", &date_attr_s, &date_attr_n);
    if (tag_attr(d, t, "id", &id_s, &id_n)) have_id = id_n > 0;
    pt_article a;
    pt_article_init(&a);
    precis_status st = PRECIS_OK;
    r->n_parts = 0;
    /* pass over the DOC's elements */
    size_t i = s;
    tag u;
    bool have_docno = false;
    const char *date = NULL;
    while (!st && next_tag(d, e, &i, &u)) {
        if (u.markup || u.close) continue;
        ekind k = kind_of(d, &u);
        if (!is_field(k) && k != E_DROP) continue; /* BODY, unknown: content read at this level */
        size_t cs = u.end, ce;
        element_end(d, e, &u, k == E_DROP, &ce, &i);
        if (k == E_DROP) continue;
        if (k == E_TEXT) {
            if ((st = pc_grow(&r->parts, &r->cap_parts, r->n_parts + 1, sizeof *r->parts, 4))) break;
            r->parts[r->n_parts++] = (part){cs, ce};
            continue;
        }
        if ((k == E_DOCNO && have_docno) || (k == E_DOCID && have_docid) || (k == E_HEADLINE && have_title) ||
            (k == E_DATE && date))
            continue; /* the first one counts */
        if ((st = meta(r, cs, ce))) break;
        const char *v = r->tmp.data ? r->tmp.data : "";
        size_t vn = r->tmp.len;
        if (!vn) continue;
        if (k == E_DOCNO) {
            have_docno = true;
            st = pt_article_set(&a, &a.id, v, vn);
        } else if (k == E_DOCID) {
            have_docid = true;
            docid_s = cs;
            docid_n = ce - cs;
        } else if (k == E_HEADLINE) {
            have_title = true;
            st = pt_article_set(&a, &a.title, v, vn);
        } else if (k == E_DATE) {
            char iso[48];
            size_t dn = pt_date_normalise(v, vn, iso, sizeof iso);
            if (dn) {
                st = pt_article_set(&a, &a.date, iso, dn);
                date = a.date;
            }
        }
    }
    /* the id: DOCNO, else the id attribute, else DOCID */
    if (!st && !a.id && have_id && !(st = meta(r, id_s, id_s + id_n)) && r->tmp.len)
        st = pt_article_set(&a, &a.id, r->tmp.data, r->tmp.len);
    if (!st && !a.id && have_docid && !(st = meta(r, docid_s, docid_s + docid_n)) && r->tmp.len)
        st = pt_article_set(&a, &a.id, r->tmp.data, r->tmp.len);
    if (!st && !a.date && have_date_attr && !(st = meta(r, date_attr_s, date_attr_s + date_attr_n))) {
        char iso[48];
        size_t dn = pt_date_normalise(r->tmp.data, r->tmp.len, iso, sizeof iso);
        if (dn) st = pt_article_set(&a, &a.date, iso, dn);
    }
    if (!st && a.id) {
        size_t idn = strlen(a.id), src = id_source(a.id, idn);
        char iso[16], code[9];
        if (!a.date && id_date(a.id, idn, iso, sizeof iso)) st = pt_article_set(&a, &a.date, iso, strlen(iso));
        if (!st && src) {
            for (size_t k = 0; k < src; k++) code[k] = upper(a.id[k]);
            st = pt_article_set(&a, &a.site, code, src);
        }
    }
    if (a.id) {
        size_t idn = strlen(a.id), cut = pc_utf8_cut(a.id, idn, 100);
        snprintf(r->what, sizeof r->what, "DOC %zu (%.*s%s)", r->index, (int)cut, a.id, cut < idn ? "..." : "");
    }
    else snprintf(r->what, sizeof r->what, "DOC %zu", r->index);
    bool clean = false;
    if (!st) st = doc_text(r, &clean);
    if (!st) {
        if (!r->text.len) {
            skip(r, PRECIS_EEMPTY, line, r->what,
                 r->n_parts ? "empty <TEXT> (no article text)" : "no <TEXT> element (no article text)");
        } else if (!(st = pt_article_set(&a, &a.text, r->text.data, r->text.len))) {
            r->n_docs++;
            st = r->o->fn(r->o->user, &a, r->index, line, clean);
        }
    }
    pt_article_free(&a);
    return st;
}

bool pt_looks_like_sgml(const char *d, size_t n)
{
    if (!d) return false;
    classes_init();
    size_t i = n >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3) ? 3 : 0;
    for (int guard = 0; guard < 16; guard++) {
        while (i < n && pc_is_space((unsigned char)d[i])) i++;
        tag t;
        if (i >= n || d[i] != '<' || !tag_at(d, n, i, &t)) return false;
        if (t.markup) { /* <?xml ...?>, <!DOCTYPE DOCSTREAM ...>, a comment */
            if (t.end - t.start >= 9 && same_ci(d + t.start + 2, 7, "DOCTYPE")) {
                size_t j = t.start + 9;
                while (j < t.end && pc_is_space((unsigned char)d[j])) j++;
                if (t.end - j >= 4 && same_ci(d + j, 4, "html")) return false;
            }
            i = t.end;
            continue;
        }
        if (t.close) return false;
        ekind k = kind_of(d, &t);
        if (k == E_DOC) return true;
        if (k != E_WRAP) return false;
        i = t.end;
    }
    return false;
}

precis_status pt_sgml_read(const char *d, size_t n, const pt_sgml_options *o, size_t *n_docs)
{
    if (n_docs) *n_docs = 0;
    if (!o || !o->fn || (!d && n)) return PRECIS_EINVAL;
    classes_init();
    rd r = {0};
    r.d = d ? d : "";
    r.n = n;
    r.o = o;
    r.max_docs = o->max_docs ? o->max_docs : PT_SGML_MAX_DOCS;
    r.max_doc_bytes = o->max_doc_bytes ? o->max_doc_bytes : PC_DEFAULT_MAX_ARTICLE;
    r.line = 1;
    pc_buf_init(&r.text, 0);
    pc_buf_init(&r.tmp, 0);
    precis_status st = PRECIS_OK;
    size_t i = 0, stray = 0, stray_line = 0;
    bool have_doc = false; /* a <DOC> start tag is pending in t */
    tag t;
    while (!st) {
        size_t from = i;
        if (!have_doc) { /* between DOCs: wrappers, declarations, white space */
            tag u;
            bool got = false;
            while (next_tag(r.d, n, &i, &u)) {
                size_t gap = u.start;
                for (size_t k = from; k < gap; k++)
                    if (!pc_is_space((unsigned char)r.d[k])) {
                        if (!stray_line) stray_line = line_at(&r, k);
                        stray += gap - k;
                        break;
                    }
                from = u.end;
                ekind k = kind_of(r.d, &u);
                if (k == E_DOC && !u.close) {
                    t = u;
                    got = true;
                    break;
                }
                if (!u.markup && k != E_WRAP) { /* a stray element (or </DOC> with no DOC open) */
                    if (!stray_line) stray_line = line_at(&r, u.start);
                    stray += u.end - u.start;
                }
            }
            if (!got) {
                for (size_t k = from; k < n; k++)
                    if (!pc_is_space((unsigned char)r.d[k])) {
                        if (!stray_line) stray_line = line_at(&r, k);
                        stray += n - k;
                        break;
                    }
                break;
            }
        }
        have_doc = false;
        r.index++;
        size_t line = line_at(&r, t.start);
        if (r.index > r.max_docs) {
            char why[128];
            snprintf(why, sizeof why, "more than %zu DOCs in one file: the rest is not read", r.max_docs);
            skip(&r, PRECIS_ELIMIT, line, NULL, why);
            stray = 0; /* what follows is not judged */
            break;
        }
        /* Its end: </DOC>, or damage: another <DOC> first, or the end of the file. */
        size_t j = t.end, cs = t.end, ce = n;
        tag u;
        bool closed = false, nested = false;
        while (next_tag(r.d, n, &j, &u)) {
            if (u.markup || kind_of(r.d, &u) != E_DOC) continue;
            ce = u.start;
            if (u.close) closed = true;
            else nested = true;
            break;
        }
        i = closed ? u.end : ce;
        if (ce - t.start > r.max_doc_bytes) {
            char why[160];
            snprintf(why, sizeof why, "%zu bytes, over the %zu-byte limit for one DOC", ce - t.start,
                     r.max_doc_bytes);
            snprintf(r.what, sizeof r.what, "DOC %zu", r.index);
            skip(&r, PRECIS_ELIMIT, line, r.what, why);
        } else if (!closed) {
            char why[200];
            if (nested)
                snprintf(why, sizeof why, "no </DOC> before the <DOC> on line %zu: this DOC is left out",
                         line_at(&r, ce));
            else
                snprintf(why, sizeof why, "no </DOC> before the end of the file (truncated?): this DOC is left out");
            snprintf(r.what, sizeof r.what, "DOC %zu", r.index);
            /* its id, to name it */
            size_t k = cs;
            tag v;
            while (next_tag(r.d, ce, &k, &v)) {
                if (v.markup || v.close || kind_of(r.d, &v) != E_DOCNO) continue;
                size_t vend, vnext;
                element_end(r.d, ce, &v, false, &vend, &vnext);
                if (!meta(&r, v.end, vend) && r.tmp.len)
                    snprintf(r.what, sizeof r.what, "DOC %zu (%.*s)", r.index,
                             (int)pc_utf8_cut(r.tmp.data, r.tmp.len, 100), r.tmp.data);
                break;
            }
            skip(&r, PRECIS_EPARSE, line, r.what, why);
        } else {
            st = read_doc(&r, &t, cs, ce, line);
        }
        if (nested) {
            /* the inner <DOC> starts the next one */
            if (!tag_at(r.d, n, ce, &t)) break; /* cannot happen: it was found as a tag */
            have_doc = true;
            i = t.end;
        }
    }
    if (!st && stray) {
        char why[160];
        snprintf(why, sizeof why, "%zu byte%s outside <DOC> elements, not read", stray, stray == 1 ? "" : "s");
        skip(&r, PRECIS_EPARSE, stray_line, NULL, why);
    }
    if (!st && !r.index) skip(&r, PRECIS_EEMPTY, 0, NULL, "no <DOC> element");
    pc_buf_free(&r.text);
    pc_buf_free(&r.tmp);
    free(r.parts);
    if (n_docs) *n_docs = r.n_docs;
    return st;
}
