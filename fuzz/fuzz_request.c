/* Fuzz target: what HTTP clients send to precis serve. The first byte picks
 * the parser (a page body, a body declared JSON that is none; query values:
 * cursor, id, limit, date, search terms); the rest is the input. Accepted articles must
 * come out as valid UTF-8 and search terms as quoted FTS5 syntax. The first
 * byte's top bit gives the article parsers a context whose article limit is
 * 200 bytes, so that the limit statuses (413) are reached. */
#include "server/server.h"
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

static precis_ctx *CTX, *SMALL;
#define SMALL_ARTICLE 200

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!CTX) {
        precis_options o = {.limits = {.max_line_bytes = PS_MAX_BODY}};
        CTX = precis_new(&o);
        o.limits.max_article_bytes = SMALL_ARTICLE;
        SMALL = precis_new(&o);
        if (!CTX || !SMALL) return 0;
    }
    if (size == 0) return 0;
    unsigned which = data[0] % 8;
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    char *z = malloc(n + 1); /* query values arrive NUL-terminated */
    if (!z) return 0;
    memcpy(z, in, n);
    z[n] = '\0';
    if (which < 2) {
        pt_article a;
        pt_article_init(&a);
        char msg[256] = "";
        bool small = data[0] & 0x80;
        precis_status st = ps_parse_article(small ? SMALL : CTX, PS_BODY_HTML, in, n, "https://x.example/a",
                                            "text/html; charset=utf-8", &a, msg, sizeof msg);
        if (st != PRECIS_OK && !msg[0]) abort(); /* every refusal says why */
        if (st == PRECIS_OK) {
            if (!a.text || !pc_utf8_valid(a.text, a.text_len)) abort();
            if (small && a.text_len > SMALL_ARTICLE) abort();
            const char *f[] = {a.title, a.url, a.site, a.date, a.author, a.lang};
            for (size_t i = 0; i < 6; i++)
                if (f[i] && !pc_utf8_valid(f[i], strlen(f[i]))) abort();
        }
        pt_article_free(&a);
    } else if (which == 2) {
        /* a body declared JSON that is none: refused with a reason in UTF-8 */
        char msg[256] = "";
        if (ps_not_json_why(in, n, msg, sizeof msg) && (!msg[0] || !pc_utf8_valid(msg, strlen(msg)))) abort();
    } else if (which == 3) {
        ps_cursor c;
        if (ps_cursor_decode(in, n, &c) == PRECIS_OK) {
            pc_buf b;
            pc_buf_init(&b, 0);
            ps_cursor d;
            /* What decodes re-encodes to itself. */
            if (ps_cursor_encode(&c, &b) != PRECIS_OK || ps_cursor_decode(b.data, b.len, &d) != PRECIS_OK ||
                d.id != c.id || d.sort != c.sort || strcmp(d.key, c.key) != 0)
                abort();
            pc_buf_free(&b);
        }
    } else if (which == 4) {
        int64_t id;
        if (ps_parse_id(in, n, &id) && id <= 0) abort();
        size_t lim;
        if (ps_parse_limit(z, 100, &lim) && (lim == 0 || lim > 100)) abort();
    } else if (which == 5) {
        (void)ps_valid_date(z);
        (void)ps_body_kind_of(z);
        /* how a POST body is read: every kind, the body sniffed as the reader sniffs it */
        for (int k = PS_BODY_UNSUPPORTED; k <= PS_BODY_SNIFF; k++) {
            ps_post_path path = ps_post_path_of((ps_body_kind)k, pst_input_format(in, n), in, n);
            if (path != PS_POST_READER && path != PS_POST_OBJECT && path != PS_POST_HTML && path != PS_POST_NOT_JSON) abort();
        }
    } else {
        pc_buf b;
        pc_buf_init(&b, 0);
        if (ps_fts_query(in, n, &b) == PRECIS_OK) {
            /* Only quoted terms, spaces and prefix stars. */
            bool quoted = false;
            for (size_t i = 0; i < b.len; i++) {
                char c = b.data[i];
                if (c == '"') quoted = !quoted;
                else if (!quoted && c != ' ' && c != '*') abort();
            }
            if (quoted) abort();
        }
        pc_buf_free(&b);
    }
    free(z);
    return 0;
}
