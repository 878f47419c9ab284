/* Fuzz target: search over the store (src/store: the user query turned into
 * FTS5 syntax, ps_snippet's bounded windows over an article's hits). The
 * input is an article text, 0x1E, then a query; the text is stored in an
 * in-memory store and searched. Checks that the answer is valid JSON with the
 * query echoed, and that every snippet is valid UTF-8. */
#include "fuzz_text.h"
#include "store/store.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void check_snippets(json_t *list)
{
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o)
    {
        const char *s = json_string_value(json_object_get(o, "snippet"));
        if (s && !pc_utf8_valid(s, strlen(s))) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 16)) return 0;
    const uint8_t *sep = memchr(data, 0x1E, size);
    if (!sep) return 0;
    pc_buf text, query;
    const char *t = fuzz_utf8_text(data, (size_t)(sep - data), &text);
    if (!t) return 0;
    const char *q = fuzz_utf8_text(sep + 1, size - (size_t)(sep + 1 - data), &query);
    if (!q) {
        pc_buf_free(&text);
        return 0;
    }
    precis_ctx *ctx = precis_new(NULL);
    ps_store *s = NULL;
    if (ctx && ps_store_open(ctx, ":memory:", &s) == PRECIS_OK) {
        precis_article a = {.id = "a1", .title = "fuzz", .text = t, .text_len = text.len};
        ps_added added;
        if (ps_store_add(s, &a, NULL, 0, NULL, &added) == PRECIS_OK && ps_store_refresh(s, NULL) == PRECIS_OK) {
            pc_buf out;
            pc_buf_init(&out, 0);
            if (ps_store_search(s, q, 10, &out) == PRECIS_OK) {
                json_error_t e;
                json_t *j = json_loadb(out.data ? out.data : "", out.len, 0, &e);
                if (!j || !json_is_string(json_object_get(j, "query"))) abort();
                check_snippets(json_object_get(j, "articles"));
                check_snippets(json_object_get(j, "stories"));
                json_decref(j);
            }
            pc_buf_free(&out);
        }
    }
    if (s) ps_store_close(s);
    precis_free(ctx);
    pc_buf_free(&text);
    pc_buf_free(&query);
    return 0;
}
