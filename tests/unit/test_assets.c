/* The embedded web page: every web/ file is in the table byte for byte, with
 * its content type; "/" aliases the page; anything else is absent. */
#include "server/assets.h"
#include "test.h"

#include <stdlib.h>

/* Reads a file of the source tree (tests run from the repository root). */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *b = malloc(cap);
    size_t got;
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(b, cap *= 2);
            if (!nb) { free(b); b = NULL; }
            else b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static int same_as_file(const char *url, const char *file)
{
    const ps_asset *a = ps_asset_find(url);
    size_t len = 0;
    unsigned char *want = slurp(file, &len);
    int ok = a && want && a->len == len && memcmp(a->data, want, len) == 0;
    free(want);
    return ok;
}

TEST(page_files_are_embedded_verbatim)
{
    CHECK(same_as_file("/index.html", "web/index.html"));
    CHECK(same_as_file("/app.js", "web/app.js"));
    CHECK(same_as_file("/style.css", "web/style.css"));
    CHECK(same_as_file("/favicon.svg", "web/favicon.svg")); /* the page's icon (session 24) */
}

TEST(content_types_follow_extension)
{
    const ps_asset *a = ps_asset_find("/index.html");
    CHECK(a && strncmp(a->content_type, "text/html", 9) == 0);
    a = ps_asset_find("/app.js");
    CHECK(a && strncmp(a->content_type, "text/javascript", 15) == 0);
    a = ps_asset_find("/style.css");
    CHECK(a && strncmp(a->content_type, "text/css", 8) == 0);
    a = ps_asset_find("/favicon.svg");
    CHECK(a && strncmp(a->content_type, "image/svg+xml", 13) == 0);
}

TEST(root_is_the_page)
{
    CHECK(ps_asset_find("/") == ps_asset_find("/index.html"));
}

TEST(unknown_paths_are_absent)
{
    CHECK(ps_asset_find(NULL) == NULL);
    CHECK(ps_asset_find("") == NULL);
    CHECK(ps_asset_find("/nope.js") == NULL);
    CHECK(ps_asset_find("index.html") == NULL);
    CHECK(ps_asset_find("/../web/index.html") == NULL);
    CHECK(ps_asset_find("/index.html?x=1") == NULL);
    CHECK(ps_asset_find("/INDEX.HTML") == NULL);
}

int main(void)
{
    RUN(page_files_are_embedded_verbatim);
    RUN(content_types_follow_extension);
    RUN(root_is_the_page);
    RUN(unknown_paths_are_absent);
    return test_done();
}
