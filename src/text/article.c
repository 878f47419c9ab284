/* The article object and its JSON writer. */
#include "article.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pt_json_id(const json_t *v, char *buf, size_t cap)
{
    if (json_is_string(v) && json_string_length(v)) return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    return NULL;
}

precis_status pt_json_id_refusal(const json_t *v, const char *owner, char *why, size_t cap)
{
    if (json_is_string(v) && json_string_length(v) > PT_MAX_ID_BYTES) {
        snprintf(why, cap, "%s \"id\" of %zu bytes is over the %d-byte limit for ids", owner, json_string_length(v),
                 PT_MAX_ID_BYTES);
        return PRECIS_ELIMIT;
    }
    if (json_is_string(v) && memchr(json_string_value(v), '\0', json_string_length(v)))
        snprintf(why, cap, "%s \"id\" holds a NUL character (\\u0000)", owner);
    else if (v && !json_is_null(v) && !json_is_string(v) && !json_is_integer(v))
        snprintf(why, cap, "%s \"id\" must be a string or an integer, not %s", owner, pc_json_kind(v));
    else
        return PRECIS_OK;
    return PRECIS_EPARSE;
}

const char *pt_json_why(char *buf, size_t cap, const char *part, size_t k, const char *why)
{
    if (k) pc_snprintf(buf, cap, "%s %zu: %s", part, k, why);
    else pc_snprintf(buf, cap, "%s", why);
    return buf;
}

precis_status pt_json_parse(pc_buf *scratch, const char *s, size_t n, size_t line, size_t element,
                            size_t max_bytes, pt_json_part *out, char *why)
{
    memset(out, 0, sizeof *out);
    out->line = line;
    out->element = element;
    char what[200]; /* "invalid JSON: " and jansson's text (160 bytes at most) */
    if (!element && line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3; /* a UTF-8 byte-order mark */
    if (n > max_bytes) {
        char part[48];
        snprintf(part, sizeof part, element ? "element %zu" : "line", element);
        pc_over_limit(why, PT_JSON_WHY, part, n, max_bytes);
        return PRECIS_ELIMIT;
    }
    /* invalid UTF-8 becomes U+FFFD before jansson (which refuses it) sees it;
     * NUL and control bytes are dropped or spaced (said by the caller) */
    if (!pc_text_unchanged(s, n)) {
        scratch->len = 0;
        if (pc_utf8_repair(scratch, s, n, NULL)) return PRECIS_ENOMEM;
        out->nul = pc_text_nul(s, n);
        s = scratch->data ? scratch->data : "";
        n = scratch->len;
    }
    json_error_t je;
    /* "\u0000" is read, and dropped from a text by its reader (said) */
    size_t flags = JSON_ALLOW_NUL | (element ? JSON_DECODE_ANY : JSON_DISABLE_EOF_CHECK);
    json_t *v = json_loadb(s, n, flags, &je);
    const char *bad = NULL;
    if (!v) {
        /* jansson quotes the bytes near the error, cut to its 160-byte text:
         * inside a character, at times (found by fuzz/fuzz_json_parts.c) */
        pc_buf q;
        pc_buf_init(&q, 0);
        bool fixed = !pc_utf8_valid(je.text, strlen(je.text)) && !pc_utf8_repair(&q, je.text, strlen(je.text), NULL);
        pc_snprintf(what, sizeof what, "invalid JSON: %s", fixed && q.data ? q.data : je.text);
        pc_buf_free(&q);
        bad = what;
    } else if (!element && !pc_json_rest_blank(s + je.position, n - je.position)) {
        bad = PC_JSON_TRAILING; /* a second object on the line was dropped without a word */
    } else if (!element && !json_is_object(v)) {
        bad = "expected a JSON object (an article)";
    } else if (element && !json_is_object(v) && !json_is_string(v)) {
        snprintf(what, sizeof what, "expected an article object or a string, not %s", pc_json_kind(v));
        bad = what;
    }
    if (bad) {
        json_decref(v);
        pt_json_why(why, PT_JSON_WHY, "element", element, bad);
        return PRECIS_EPARSE;
    }
    out->v = v;
    return PRECIS_OK;
}

precis_status pt_json_read(const char *d, size_t n, size_t max_bytes, pt_json_part_fn fn, pt_json_refused_fn refused,
                           void *user)
{
    if (!d) d = "";
    pc_buf scratch;
    pc_buf_init(&scratch, 0);
    char why[PT_JSON_WHY];
    precis_status st = PRECIS_OK;
    pt_json_part p;
    if (pc_looks_like_json_array(d, n)) {
        pc_json_array it;
        pc_json_array_begin(&it, d, n);
        size_t start, len, line;
        int got;
        while (!st && (got = pc_json_array_next(&it, &start, &len, &line)) != 0) {
            if (got < 0) { /* the elements before it are kept */
                st = refused(user, PRECIS_EPARSE, it.line, it.why ? it.why : "malformed JSON array");
                break;
            }
            precis_status ps = pt_json_parse(&scratch, d + start, len, line, it.k, max_bytes, &p, why);
            if (ps == PRECIS_ENOMEM) st = ps;
            else if (ps) st = refused(user, ps, line, why);
            else {
                st = fn(user, &p);
                json_decref(p.v);
            }
        }
    } else {
        pc_line_iter it;
        pc_lines_init(&it, d, n);
        const char *s;
        size_t len;
        while (!st && pc_lines_next(&it, &s, &len)) {
            size_t k = 0;
            while (k < len && pc_is_space((unsigned char)s[k])) k++;
            if (k == len) continue;
            precis_status ps = pt_json_parse(&scratch, s, len, it.lineno, 0, max_bytes, &p, why);
            if (ps == PRECIS_ENOMEM) st = ps;
            else if (ps) st = refused(user, ps, it.lineno, why);
            else {
                st = fn(user, &p);
                json_decref(p.v);
            }
        }
    }
    pc_buf_free(&scratch);
    return st;
}

bool pt_json_is_cluster(const json_t *v)
{
    return json_object_get(v, "documents") && !json_object_get(v, "text") && !json_object_get(v, "html");
}

const char *pt_json_text(const json_t *v, bool html_ok, size_t *len, bool *is_html, char *why)
{
    *len = 0;
    if (is_html) *is_html = false;
    if (json_is_string(v)) {
        *len = json_string_length(v);
        return json_string_value(v);
    }
    if (!json_is_object(v)) {
        snprintf(why, PT_JSON_WHY, "expected an article object or a string, not %s", pc_json_kind(v));
        return NULL;
    }
    json_t *t = json_object_get(v, "text"), *h = json_object_get(v, "html");
    if (json_is_string(t)) {
        *len = json_string_length(t);
        return json_string_value(t);
    }
    if (html_ok && json_is_string(h)) {
        if (is_html) *is_html = true;
        *len = json_string_length(h);
        return json_string_value(h);
    }
    /* a "text" or "html" of another type is named, not taken for a missing one */
    if (t && !json_is_null(t))
        snprintf(why, PT_JSON_WHY, "field \"text\" is %s, not a string (no article text)", pc_json_kind(t));
    else if (html_ok && h && !json_is_null(h))
        snprintf(why, PT_JSON_WHY, "field \"html\" is %s, not a string (no article text)", pc_json_kind(h));
    else if (!html_ok && h && !json_is_null(h))
        snprintf(why, PT_JSON_WHY, "article has \"html\" but no \"text\": run 'precis extract' first");
    else
        snprintf(why, PT_JSON_WHY, "article object has no \"text\"%s string", html_ok ? " or \"html\"" : "");
    return NULL;
}

void pt_article_init(pt_article *a)
{
    memset(a, 0, sizeof *a);
    pc_arena_init(&a->arena);
}

void pt_article_free(pt_article *a)
{
    free(a->removed);
    pc_arena_reset(&a->arena);
    memset(a, 0, sizeof *a);
}

precis_status pt_article_set(pt_article *a, const char **field, const char *s, size_t n)
{
    char *copy = pc_arena_strndup(&a->arena, s, n);
    if (!copy) return PRECIS_ENOMEM;
    *field = copy;
    if (field == &a->text) a->text_len = n;
    return PRECIS_OK;
}

precis_status pt_article_add_removed(pt_article *a, const char *line, size_t n, const char *cls,
                                     const char *reason)
{
    if (a->n_removed == a->cap_removed) {
        size_t cap = a->cap_removed ? a->cap_removed * 2 : 16;
        pt_removed *r = realloc(a->removed, cap * sizeof *r);
        if (!r) return PRECIS_ENOMEM;
        a->removed = r;
        a->cap_removed = cap;
    }
    pt_removed *r = &a->removed[a->n_removed];
    r->line = pc_arena_strndup(&a->arena, line, n);
    r->cls = cls;
    r->reason = reason;
    if (!r->line) return PRECIS_ENOMEM;
    a->n_removed++;
    return PRECIS_OK;
}

static precis_status field(pc_buf *out, const char *name, const char *value, bool first)
{
    precis_status st = pc_buf_printf(out, "%s\"%s\":", first ? "" : ",", name);
    if (st) return st;
    return value ? pc_json_string(out, value, strlen(value)) : pc_buf_puts(out, "null");
}

precis_status pt_article_json(const pt_article *a, bool with_removed, pc_buf *out)
{
    precis_status st;
    if ((st = pc_buf_putc(out, '{'))) return st;
    if ((st = field(out, "id", a->id, true))) return st;
    if ((st = field(out, "url", a->url, false))) return st;
    if ((st = field(out, "site", a->site, false))) return st;
    if ((st = field(out, "title", a->title, false))) return st;
    if ((st = field(out, "date", a->date, false))) return st;
    if ((st = field(out, "author", a->author, false))) return st;
    if ((st = field(out, "lang", a->lang, false))) return st;
    if ((st = pc_buf_puts(out, ",\"text\":"))) return st;
    if ((st = a->text ? pc_json_string(out, a->text, a->text_len) : pc_buf_puts(out, "null")))
        return st;
    if (with_removed) {
        if ((st = pc_buf_puts(out, ",\"removed\":["))) return st;
        for (size_t i = 0; i < a->n_removed; i++) {
            const pt_removed *r = &a->removed[i];
            if ((st = pc_buf_puts(out, i ? ",{" : "{"))) return st;
            if ((st = field(out, "line", r->line, true))) return st;
            if ((st = field(out, "class", r->cls, false))) return st;
            if ((st = field(out, "reason", r->reason, false))) return st;
            if ((st = pc_buf_putc(out, '}'))) return st;
        }
        if ((st = pc_buf_putc(out, ']'))) return st;
    }
    return pc_buf_putc(out, '}');
}
