/* Fuzz target: the newswire SGML reader (src/text/sgml.c) — sniffing, the
 * tag scanner, entities, fields, ids' dates, caps (small ones here, so the
 * limit paths are reached). */
#include "text/article.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static precis_status on_doc(void *user, pt_article *a, size_t index, size_t line, bool clean)
{
    if (!a->text || !a->text_len || strlen(a->text) != a->text_len || !index || !line) abort();
    if (clean && memchr(a->text, '\0', a->text_len)) abort();
    (*(size_t *)user)++;
    return PRECIS_OK;
}

static void on_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    if (!why || (st != PRECIS_EPARSE && st != PRECIS_ELIMIT && st != PRECIS_EEMPTY)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)pt_looks_like_sgml((const char *)data, size);
    size_t n = 0, got = 0;
    pt_sgml_options o = {0};
    o.name = "fuzz.sgml";
    o.max_docs = 40;
    o.max_doc_bytes = 16 * 1024;
    o.fn = on_doc;
    o.skip = on_skip;
    o.user = &n;
    precis_status st = pt_sgml_read((const char *)data, size, &o, &got);
    if (st && st != PRECIS_ENOMEM) abort();
    if (got != n || n > 40) abort();
    return 0;
}
