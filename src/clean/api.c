/* Public entry point of the cleaner (include/precis.h, "Cleaning pasted text"). */
#include "clean/clean.h"

#include <string.h>

precis_status precis_clean_text(precis_ctx *ctx, const char *id, const char *text, size_t len,
                                char **json_out, size_t *json_len)
{
    if (!ctx || !json_out || (!text && len)) return PRECIS_EINVAL;
    *json_out = NULL;
    if (json_len) *json_len = 0;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    const precis_limits *lim = pc_ctx_limits(ctx);
    pcl_options o;
    pcl_options_init(&o);
    o.max_article_bytes = lim->max_article_bytes;
    o.max_line_bytes = lim->max_line_bytes;
    o.name = id;
    pt_article a;
    pt_article_init(&a);
    precis_status st = PRECIS_OK;
    if (id) st = pt_article_set(&a, &a.id, id, strlen(id));
    if (!st) st = pcl_clean(text ? text : "", len, &o, &a, err);
    if (st == PRECIS_OK || st == PRECIS_EEMPTY) {
        pc_buf json;
        pc_buf_init(&json, 0);
        precis_status js = pt_article_json(&a, true, &json);
        if (js) {
            pc_buf_free(&json);
            st = pc_fail(err, js, id, 0, "out of memory writing the article");
        } else {
            *json_out = pc_buf_detach(&json, json_len);
        }
    }
    pt_article_free(&a);
    return st;
}
