/* The web page's files (the web/ folder), compiled into the binary so `precis serve`
 * needs nothing on disk. The table is generated at build time by
 * tools/embed_assets.c into $(BUILD)/gen/assets_gen.c (see Makefile). */
#ifndef PRECIS_SERVER_ASSETS_H
#define PRECIS_SERVER_ASSETS_H
#include <stddef.h>

typedef struct ps_asset {
    const char *path;          /* "/index.html", "/app.js", "/style.css" */
    const char *content_type;  /* e.g. "text/html; charset=utf-8" */
    const unsigned char *data; /* static, not NUL-terminated */
    size_t len;
} ps_asset;

/* The asset at an exact URL path, or NULL when absent. "/" is an alias of
 * "/index.html". The path is compared byte for byte (no decoding, no "..",
 * no query string): the caller strips "?..." first. */
const ps_asset *ps_asset_find(const char *path);

#endif
