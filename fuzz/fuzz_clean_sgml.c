/* Fuzz target: `precis clean`'s input reader (src/clean/input.c) on text as
 * pc_read_input hands it over (valid UTF-8): its newswire SGML path above all
 * (the seeds are <DOC> files), and the JSONL, JSON array and plain-text paths
 * the same sniffing leads to. Each document read is then cleaned as the
 * command cleans it. Checks what cmd_clean relies on: every document has an
 * id, a source and NUL-terminated valid UTF-8 text of its stated length, and
 * every refused part is named in a message of its own. */
#include "fuzz_text.h"
#include "clean/clean.h"
#include "text/article.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct seen {
    size_t n_messages;
} seen;

static void on_bad(void *user, const char *message)
{
    if (!message || !message[0] || !pc_utf8_valid(message, strlen(message))) abort();
    ((seen *)user)->n_messages++;
}

static bool set_and_valid(const char *s) { return !s || pc_utf8_valid(s, strlen(s)); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_buf text;
    const char *s = fuzz_utf8_text(data, size, &text);
    if (!s) return 0;
    seen sn = {0};
    pcl_docs docs = {0};
    docs.bad = on_bad;
    docs.user = &sn;
    pc_error err;
    pc_error_clear(&err);
    precis_status st = pcl_docs_read_mem(&docs, "fuzz.sgml", s, text.len, &err);
    if (st != PRECIS_OK && st != PRECIS_EPARSE && st != PRECIS_ELIMIT && st != PRECIS_ENOMEM) abort();
    if (st && st != PRECIS_ENOMEM && !err.msg[0]) abort(); /* a failure says why */
    if (sn.n_messages < docs.n_bad) abort();               /* every refused part named */
    pcl_options o;
    pcl_options_init(&o);
    o.max_line_bytes = 1 << 16;
    for (size_t i = 0; i < docs.n; i++) {
        pcl_doc *d = &docs.v[i];
        if (!d->id || !d->id[0] || !d->source || !d->text) abort();
        if (strlen(d->text) != d->len || !pc_utf8_valid(d->text, d->len)) abort();
        if (!set_and_valid(d->id) || !set_and_valid(d->title) || !set_and_valid(d->date) || !set_and_valid(d->site))
            abort();
        if (i >= 8) continue; /* cleaning is fuzzed by fuzz_clean: a few documents suffice here */
        pt_article a;
        pt_article_init(&a);
        o.name = d->source;
        pc_error e;
        pc_error_clear(&e);
        precis_status cs = pcl_clean(d->text, d->len, &o, &a, &e);
        if (cs == PRECIS_OK && (!a.text || !pc_utf8_valid(a.text, a.text_len))) abort();
        pt_article_free(&a);
    }
    pcl_docs_free(&docs);
    pc_buf_free(&text);
    return 0;
}
