/* Public context, status strings, version, text reading. */
#include "core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct precis_ctx {
    precis_options opts;
    char lang[16];
    pc_error err;
    size_t read_nul; /* NUL characters the last precis_read_text dropped */
    precis_warn_fn warn; /* precis_on_warning; NULL: warnings are dropped */
    void *warn_user;
};

const char *precis_strerror(precis_status status)
{
    switch (status) {
    case PRECIS_OK: return "success";
    case PRECIS_ENOMEM: return "out of memory";
    case PRECIS_EIO: return "input/output error";
    case PRECIS_EPARSE: return "parse error";
    case PRECIS_ELIMIT: return "size limit exceeded";
    case PRECIS_EINVAL: return "invalid argument";
    case PRECIS_EEMPTY: return "nothing found";
    case PRECIS_EBUDGET: return "no sentence fits the budget";
    }
    return "unknown status";
}

const char *precis_version(void) { return PRECIS_VERSION; }

precis_ctx *precis_new(const precis_options *opts)
{
    precis_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return NULL;
    if (opts) ctx->opts = *opts;
    const char *lang = ctx->opts.lang && *ctx->opts.lang ? ctx->opts.lang : "en";
    strncpy(ctx->lang, lang, sizeof ctx->lang - 1);
    ctx->opts.lang = ctx->lang;
    precis_limits *l = &ctx->opts.limits;
    if (!l->max_file_bytes) l->max_file_bytes = PC_DEFAULT_MAX_FILE;
    if (!l->max_line_bytes) l->max_line_bytes = PC_DEFAULT_MAX_LINE;
    if (!l->max_article_bytes) l->max_article_bytes = PC_DEFAULT_MAX_ARTICLE;
    return ctx;
}

void precis_free(precis_ctx *ctx) { free(ctx); }

const char *precis_errmsg(const precis_ctx *ctx) { return ctx ? ctx->err.msg : ""; }

precis_status precis_read_text(precis_ctx *ctx, const char *path, char **out, size_t *out_len)
{
    if (!ctx || !path || !out) return PRECIS_EINVAL;
    pc_error_clear(&ctx->err);
    pc_buf b;
    pc_buf_init(&b, 0);
    precis_status st = pc_read_input_nul(path, ctx->opts.limits.max_file_bytes, &b, &ctx->err, &ctx->read_nul);
    if (st) {
        pc_buf_free(&b);
        return st;
    }
    *out = pc_buf_detach(&b, out_len);
    return *out ? PRECIS_OK : PRECIS_ENOMEM;
}

void precis_text_free(char *text) { free(text); }

size_t precis_read_text_nul(const precis_ctx *ctx) { return ctx ? ctx->read_nul : 0; }

pc_error *pc_ctx_err(precis_ctx *ctx) { return &ctx->err; }
const char *pc_ctx_lang(const precis_ctx *ctx) { return ctx->lang; }
const precis_limits *pc_ctx_limits(const precis_ctx *ctx) { return &ctx->opts.limits; }

void precis_on_warning(precis_ctx *ctx, precis_warn_fn fn, void *user)
{
    if (!ctx) return;
    ctx->warn = fn;
    ctx->warn_user = user;
}

void pc_ctx_warn(precis_ctx *ctx, const char *fmt, ...)
{
    if (!ctx->warn) return;
    char msg[sizeof ctx->err.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx->warn(ctx->warn_user, msg);
}
