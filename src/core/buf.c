/* Growable buffer with a cap, arena, error. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- error -------------------------------------------------------------- */

precis_status pc_fail(pc_error *err, precis_status status, const char *file, size_t line,
                      const char *fmt, ...)
{
    if (!err) return status;
    err->status = status;
    size_t n = 0;
    /* a name over 400 bytes (a deep path, a long id) is shown by its last 240
     * bytes after "…", whole characters: the reason still fits (before, a
     * 600-byte path filled the 512-byte message and the reason was cut off) */
    const char *dots = "";
    if (file) {
        size_t fl = strlen(file);
        if (fl > 400) {
            size_t k = fl - 240;
            while (k < fl && ((unsigned char)file[k] & 0xC0) == 0x80) k++;
            file += k;
            dots = "\xE2\x80\xA6";
        }
    }
    if (file && line) n = (size_t)snprintf(err->msg, sizeof err->msg, "%s%s:%zu: ", dots, file, line);
    else if (file) n = (size_t)snprintf(err->msg, sizeof err->msg, "%s%s: ", dots, file);
    bool cut = n >= sizeof err->msg;
    if (cut) n = sizeof err->msg - 1;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(err->msg + n, sizeof err->msg - n, fmt, ap);
    va_end(ap);
    if (cut || w < 0 || (size_t)w >= sizeof err->msg - n) /* cut: not inside a character */
        err->msg[pc_utf8_whole(err->msg, strlen(err->msg))] = '\0';
    return status;
}

const char *pc_over_limit(char *buf, size_t cap, const char *what, size_t n, size_t limit)
{
    pc_snprintf(buf, cap, "%s of %zu bytes is over the %zu-byte limit", what, n, limit);
    return buf;
}

precis_status pc_fail_input_over(pc_error *err, const char *name, size_t size, size_t limit, bool gzip)
{
    char why[128];
    const char *what = gzip ? "decompressed input" : "input";
    if (size) pc_over_limit(why, sizeof why, what, size, limit);
    else pc_snprintf(why, sizeof why, "%s is over the %zu-byte limit", what, limit);
    return pc_fail(err, PRECIS_ELIMIT, name, 0, "%s", why);
}

size_t pc_snprintf(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = pc_vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}

size_t pc_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
    if (!cap) return 0;
    int w = vsnprintf(buf, cap, fmt, ap);
    if (w < 0) {
        buf[0] = '\0';
        return 0;
    }
    if ((size_t)w < cap) return (size_t)w;
    size_t len = pc_utf8_whole(buf, cap - 1);
    buf[len] = '\0';
    return len;
}

void pc_error_clear(pc_error *err)
{
    err->status = PRECIS_OK;
    err->msg[0] = '\0';
}

/* ---- buffer ------------------------------------------------------------- */

void pc_buf_init(pc_buf *b, size_t limit)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->limit = limit;
}

void pc_buf_free(pc_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

precis_status pc_buf_reserve(pc_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1) return PRECIS_ELIMIT;
    size_t need = b->len + extra + 1; /* room for the NUL */
    if (b->limit && need - 1 > b->limit) return PRECIS_ELIMIT;
    if (need <= b->cap) return PRECIS_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) return PRECIS_ENOMEM;
    if (!b->data) p[0] = '\0'; /* a reserved, still empty buffer reads as "" */
    b->data = p;
    b->cap = cap;
    return PRECIS_OK;
}

precis_status pc_buf_append(pc_buf *b, const void *p, size_t n)
{
    precis_status st = pc_buf_reserve(b, n);
    if (st) return st;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PRECIS_OK;
}

precis_status pc_buf_puts(pc_buf *b, const char *s) { return pc_buf_append(b, s, strlen(s)); }

precis_status pc_buf_putc(pc_buf *b, char c) { return pc_buf_append(b, &c, 1); }

precis_status pc_buf_printf(pc_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return PRECIS_EINVAL;
    if ((size_t)n < sizeof small) return pc_buf_append(b, small, (size_t)n);
    precis_status st = pc_buf_reserve(b, (size_t)n);
    if (st) return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return PRECIS_OK;
}

char *pc_buf_detach(pc_buf *b, size_t *len)
{
    if (!b->data && pc_buf_reserve(b, 0)) return NULL;
    b->data[b->len] = '\0';
    char *p = b->data;
    if (len) *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

/* ---- arena -------------------------------------------------------------- */

struct pc_arena_block {
    pc_arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char mem[];
};

void pc_arena_init(pc_arena *a)
{
    a->head = NULL;
    a->block_size = 64 * 1024;
    a->total = 0;
}

void *pc_arena_alloc(pc_arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) return NULL;
    pc_arena_block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t size = need > a->block_size ? need : a->block_size;
        b = malloc(sizeof *b + size);
        if (!b) return NULL;
        b->size = size;
        b->used = 0;
        /* A large one-off block goes behind the head so the head keeps its free room. */
        if (a->head && need > a->block_size) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->mem + b->used;
    b->used += need;
    a->total += need;
    memset(p, 0, n);
    return p;
}

char *pc_arena_strndup(pc_arena *a, const char *s, size_t n)
{
    char *p = pc_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void pc_arena_reset(pc_arena *a)
{
    pc_arena_block *b = a->head;
    while (b) {
        pc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

int pc_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int pc_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* One body for both widths. */
#define PC_SORT(NAME, T, CMP)                                                                     \
    void NAME(T *v, size_t n)                                                                     \
    {                                                                                             \
        if (n > 64) {                                                                             \
            qsort(v, n, sizeof *v, CMP);                                                          \
            return;                                                                               \
        }                                                                                         \
        for (size_t i = 1; i < n; i++) {                                                          \
            T x = v[i];                                                                           \
            size_t j = i;                                                                         \
            for (; j > 0 && v[j - 1] > x; j--) v[j] = v[j - 1];                                   \
            v[j] = x;                                                                             \
        }                                                                                         \
    }
PC_SORT(pc_sort_u64, uint64_t, pc_cmp_u64)
PC_SORT(pc_sort_u32, uint32_t, pc_cmp_u32)

precis_status pc_grow(void *v, size_t *cap, size_t need, size_t elem, size_t initial)
{
    if (need <= *cap) return PRECIS_OK;
    size_t nc = *cap ? *cap : (initial ? initial : 16);
    while (nc < need) {
        if (nc > SIZE_MAX / 2) return PRECIS_ENOMEM;
        nc *= 2;
    }
    if (nc > SIZE_MAX / elem) return PRECIS_ENOMEM;
    void **slot = v;
    void *p = realloc(*slot, nc * elem);
    if (!p) return PRECIS_ENOMEM;
    *slot = p;
    *cap = nc;
    return PRECIS_OK;
}
