/* Fuzz target: the one JSON reader of the article shape (src/text/article.c:
 * pt_json_read, pt_json_parse, pt_json_text), which clean, summarize and the
 * story reader share, on raw bytes (invalid UTF-8, NULs, BOMs reach it: it
 * repairs them itself), and the character references of a text
 * (pt_text_refs). An odd-sized input runs under a 64-byte part limit,
 * so that lines and elements over it are reached. Every part handed out is
 * an object (a line) or an object or string (an element) on a line that
 * exists; every refusal and every text is valid UTF-8, a refusal never empty. */
#include "text/article.h"
#include "text/text.h" /* pt_text_refs */

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct seen {
    size_t lines; /* an upper bound of the input's lines */
    size_t last_element;
} seen;

static precis_status part(void *user, const pt_json_part *p)
{
    seen *s = user;
    if (!p->v || !p->line || p->line > s->lines) abort();
    if (p->element ? !json_is_object(p->v) && !json_is_string(p->v) : !json_is_object(p->v)) abort();
    if (p->element && p->element <= s->last_element) abort(); /* elements come in order, once each */
    if (p->element) s->last_element = p->element;
    size_t n;
    bool html;
    char why[PT_JSON_WHY];
    const char *t = pt_json_text(p->v, p->element % 2 == 0, &n, &html, why);
    if (t ? !pc_utf8_valid(t, n) : !why[0] || !pc_utf8_valid(why, strlen(why))) abort();
    if (t) { /* its character references decoded (pt_text_refs): still UTF-8 */
        pc_buf b;
        pc_buf_init(&b, 0);
        bool changed;
        if (pt_text_refs(t, n, &b, &changed) == PRECIS_OK && changed && !pc_utf8_valid(b.data, b.len))
            abort();
        pc_buf_free(&b);
    }
    char idwhy[160];
    if (pt_json_id_refusal(json_is_object(p->v) ? json_object_get(p->v, "id") : NULL, "field", idwhy, sizeof idwhy) &&
        (!idwhy[0] || !pc_utf8_valid(idwhy, strlen(idwhy))))
        abort();
    (void)pt_json_is_cluster(p->v);
    return PRECIS_OK;
}

static precis_status refused(void *user, precis_status st, size_t line, const char *why)
{
    seen *s = user;
    if ((st != PRECIS_EPARSE && st != PRECIS_ELIMIT) || !line || line > s->lines) abort();
    if (!why || !why[0] || !pc_utf8_valid(why, strlen(why))) abort();
    return PRECIS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *d = (const char *)data;
    seen s = {1, 0};
    for (size_t i = 0; i < size; i++) s.lines += d[i] == '\n';
    if (pt_json_read(size ? d : "", size, size % 2 ? 64 : 1 << 16, part, refused, &s) != PRECIS_OK) abort();
    return 0;
}
