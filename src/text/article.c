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

const char *pt_json_id_refusal(const json_t *v, char *why, size_t cap)
{
    if (json_is_string(v) && json_string_length(v) > PT_MAX_ID_BYTES)
        snprintf(why, cap, "field \"id\" of %zu bytes is over the %d-byte limit for ids", json_string_length(v),
                 PT_MAX_ID_BYTES);
    else if (json_is_string(v) && memchr(json_string_value(v), '\0', json_string_length(v)))
        snprintf(why, cap, "field \"id\" holds a NUL character (\\u0000)");
    else if (v && !json_is_null(v) && !json_is_string(v) && !json_is_integer(v))
        snprintf(why, cap, "field \"id\" must be a string or an integer, not %s", pc_json_kind(v));
    else
        return NULL;
    return why;
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
