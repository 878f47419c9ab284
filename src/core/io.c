/* Reading inputs: files, stdin, gzip, UTF-8 repair, directory walking, lines. */
#include "core.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include <libdeflate.h>
#include <zlib.h>

/* ---- UTF-8 ---------------------------------------------------------------- */

static const char REPLACEMENT[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

/* C0 controls and DEL, except tab, newline, form feed and carriage return. */
static bool is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F;
}

precis_status pc_utf8_repair(pc_buf *out, const char *src, size_t len, size_t *replaced)
{
    size_t bad = 0;
    precis_status st = pc_buf_reserve(out, len);
    if (st) return st;
    const unsigned char *p = (const unsigned char *)src, *end = p + len;
    while (p < end) {
        const unsigned char *run = p; /* copy runs of plain ASCII in one go */
        while (p < end && *p < 0x80 && !is_control(*p)) p++;
        if (p > run && (st = pc_buf_append(out, run, (size_t)(p - run)))) return st;
        if (p >= end) break;
        if (*p == 0) { /* NUL never survives: it would cut C strings downstream */
            p++;
            continue;
        }
        if (*p < 0x80) { /* other controls (ESC...) would reach terminals: a space */
            if ((st = pc_buf_putc(out, ' '))) return st;
            p++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) {
            bad++;
            if ((st = pc_buf_append(out, REPLACEMENT, 3))) return st;
            p++;
        } else if (cp < 0xA0) { /* C1 control (U+0080..U+009F) */
            if ((st = pc_buf_putc(out, ' '))) return st;
            p += n;
        } else {
            if ((st = pc_buf_append(out, p, (size_t)n))) return st;
            p += n;
        }
    }
    if (replaced) *replaced = bad;
    return pc_buf_reserve(out, 0);
}

/* True when pc_utf8_repair would copy s unchanged: no control byte and only
 * well-formed UTF-8 of U+00A0 and above past ASCII (the same tests, in the
 * same order, as the loop above). */
static bool repair_unchanged(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        if (*p < 0x80) {
            if (is_control(*p)) return false;
            p++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0 || cp < 0xA0) return false;
        p += n;
    }
    return true;
}

/* Windows-1252's 0x80..0x9F (0 where the code page has no character); the
 * rest of the byte range is Latin-1's. */
static const uint16_t CP1252_HIGH[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static precis_status put_cp(pc_buf *b, int32_t cp)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
    return pc_buf_append(b, u, (size_t)n);
}

/* True when s holds a high byte but no valid multi-byte UTF-8 sequence: an
 * 8-bit encoding (a Latin-1 "café" has lone é bytes; real UTF-8 text with a
 * few bad bytes still has its good sequences). */
static bool eight_bit(const unsigned char *p, size_t len)
{
    bool high = false;
    for (const unsigned char *end = p + len; p < end; p++) {
        if (*p < 0x80) continue;
        high = true;
        utf8proc_int32_t cp;
        if (utf8proc_iterate(p, end - p, &cp) > 1) return false;
    }
    return high;
}

/* Lines ended by CR alone (classic Mac OS, some paste buffers): no LF at all.
 * Read as they are, the headline ran into the first sentence and the cleaner
 * saw one line. */
static bool cr_lines(const char *s, size_t len)
{
    return len && !memchr(s, '\n', len) && memchr(s, '\r', len);
}

bool pc_text_unchanged(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    return !(len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) && repair_unchanged(s, len) &&
           !cr_lines(s, len);
}

static precis_status text_decode(pc_buf *out, const char *src, size_t len, size_t max, size_t *replaced);

/* pc_text_decode with the decoded text capped at max bytes (0: no cap):
 * UTF-16 grows by up to half (2 bytes -> 3), Windows-1252 up to three times
 * (a euro sign), replaced bad bytes three times, so a file under the file
 * cap could decode to far over it. ELIMIT past the cap, out unchanged. */
static precis_status text_decode_capped(pc_buf *out, const char *src, size_t len, size_t max, size_t *replaced)
{
    size_t start = out->len;
    precis_status st = text_decode(out, src, len, max, replaced);
    if (st == PRECIS_ELIMIT) {
        out->len = start;
        if (out->data) out->data[start] = '\0';
        return st;
    }
    if (!st && out->data && cr_lines(out->data + start, out->len - start))
        for (size_t i = start; i < out->len; i++)
            if (out->data[i] == '\r') out->data[i] = '\n';
    return st;
}

precis_status pc_text_decode(pc_buf *out, const char *src, size_t len, size_t *replaced)
{
    return text_decode_capped(out, src, len, 0, replaced);
}

int pc_text_bom(const char *src, size_t len)
{
    const unsigned char *u = (const unsigned char *)src;
    if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) return PC_BOM_UTF32LE;
    if (len >= 4 && !u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF) return PC_BOM_UTF32BE;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return PC_BOM_UTF8;
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) return PC_BOM_UTF16LE;
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) return PC_BOM_UTF16BE;
    return PC_BOM_NONE;
}

/* The encoding pc_text_decode reads src in, for messages. */
static const char *text_encoding(const char *src, size_t len)
{
    const unsigned char *u = (const unsigned char *)src;
    int bom = pc_text_bom(src, len);
    if (bom == PC_BOM_UTF32LE || bom == PC_BOM_UTF32BE) return "UTF-32";
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) return "UTF-16";
    if (!(len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) && eight_bit(u, len) && !pc_bytes_binary(src, len))
        return "Windows-1252";
    return "UTF-8 with invalid bytes replaced";
}

static precis_status text_decode(pc_buf *out, const char *src, size_t len, size_t max, size_t *replaced)
{
    const unsigned char *u = (const unsigned char *)src;
    size_t saved = out->limit;
    if (max) out->limit = out->len + max; /* the decoded text's own cap */
    precis_status st;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        st = pc_utf8_repair(out, src + 3, len - 3, replaced);
        out->limit = saved;
        return st;
    }
    int bom = pc_text_bom(src, len);
    bool w32 = bom == PC_BOM_UTF32LE || bom == PC_BOM_UTF32BE;
    bool le = bom == PC_BOM_UTF16LE || bom == PC_BOM_UTF32LE, be = bom == PC_BOM_UTF16BE || bom == PC_BOM_UTF32BE;
    if (!le && !be && !(eight_bit(u, len) && !pc_bytes_binary(src, len))) {
        st = pc_utf8_repair(out, src, len, replaced);
        out->limit = saved;
        return st;
    }
    pc_buf t; /* decoded to UTF-8 here, then cleaned of controls like any text */
    pc_buf_init(&t, max);
    size_t bad = 0;
    size_t guess = w32 ? len : le || be ? len + len / 2 : len * 2;
    st = pc_buf_reserve(&t, max && guess > max ? max : guess);
    if (w32) {
        for (size_t i = 4; !st && i < len; i += 4) {
            if (i + 3 >= len) { /* a partial unit at the end */
                st = put_cp(&t, 0xFFFD), bad++;
                break;
            }
            uint32_t c = le ? (uint32_t)u[i] | (uint32_t)u[i + 1] << 8 | (uint32_t)u[i + 2] << 16 | (uint32_t)u[i + 3] << 24
                            : (uint32_t)u[i] << 24 | (uint32_t)u[i + 1] << 16 | (uint32_t)u[i + 2] << 8 | (uint32_t)u[i + 3];
            if (c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) c = 0xFFFD, bad++;
            st = put_cp(&t, (int32_t)c);
        }
    } else if (le || be) {
        for (size_t i = 2; !st && i < len; i += 2) {
            if (i + 1 >= len) { /* odd byte at the end */
                st = put_cp(&t, 0xFFFD), bad++;
                break;
            }
            int32_t c = le ? u[i] | u[i + 1] << 8 : u[i] << 8 | u[i + 1];
            if (c >= 0xD800 && c < 0xDC00 && i + 3 < len) { /* a surrogate pair */
                int32_t lo = le ? u[i + 2] | u[i + 3] << 8 : u[i + 2] << 8 | u[i + 3];
                if (lo >= 0xDC00 && lo < 0xE000) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
            }
            if (c >= 0xD800 && c < 0xE000) c = 0xFFFD, bad++; /* unpaired surrogate */
            st = put_cp(&t, c);
        }
    } else {
        for (size_t i = 0; !st && i < len; i++) {
            int32_t c = u[i] >= 0x80 && u[i] < 0xA0 ? CP1252_HIGH[u[i] - 0x80] : u[i];
            /* a byte cp1252 leaves undefined: a space; NUL stays one for the
             * repair below to drop (and count), as in UTF-8 and UTF-16 */
            st = c || !u[i] ? put_cp(&t, c) : pc_buf_putc(&t, ' ');
        }
    }
    size_t bad2 = 0;
    if (!st) st = pc_utf8_repair(out, t.data ? t.data : "", t.len, &bad2);
    out->limit = saved;
    pc_buf_free(&t);
    if (replaced) *replaced = bad + bad2;
    return st;
}

size_t pc_text_nul(const char *src, size_t len)
{
    const unsigned char *u = (const unsigned char *)src;
    size_t n = 0;
    int bom = pc_text_bom(src, len);
    if (bom == PC_BOM_UTF32LE || bom == PC_BOM_UTF32BE) {
        for (size_t i = 4; i + 3 < len; i += 4) n += !u[i] && !u[i + 1] && !u[i + 2] && !u[i + 3];
        return n;
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        for (size_t i = 2; i + 1 < len; i += 2) n += !u[i] && !u[i + 1]; /* a U+0000 code unit */
        return n;
    }
    for (const char *p = src, *e = src + len; (p = memchr(p, '\0', (size_t)(e - p))) != NULL; p++) n++;
    return n;
}

bool pc_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) return false;
        p += n;
    }
    return true;
}

/* ---- files ---------------------------------------------------------------- */

size_t pc_line_at(const char *s, size_t n)
{
    size_t line = 1;
    for (const char *p = s, *e = s + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) line++;
    return line;
}

/* Corrupt or cut gzip data, named with the line it broke in, as a bad line
 * of input is named (FILE:LINE): libdeflate gives no place, so zlib inflates
 * in[0..n) as far as it goes (members in turn, at most max_bytes), counting
 * lines. Only on this error path. */
static precis_status gzip_corrupt(pc_error *err, const char *name, const unsigned char *in, size_t n, size_t max_bytes)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    size_t line = 1, total = 0;
    if (n >= 18 && inflateInit2(&z, 15 + 16) == Z_OK) {
        char chunk[16 * 1024];
        z.next_in = (Bytef *)in;
        size_t left = n;
        for (;;) {
            if (!z.avail_in && left) {
                z.avail_in = left < UINT32_MAX ? (uInt)left : UINT32_MAX;
                left -= z.avail_in;
            }
            z.next_out = (Bytef *)chunk;
            z.avail_out = sizeof chunk;
            int r = inflate(&z, Z_NO_FLUSH);
            size_t got = sizeof chunk - z.avail_out;
            line += pc_line_at(chunk, got) - 1;
            total += got;
            if (total > max_bytes) break;
            if (r == Z_STREAM_END) { /* another member, or the end */
                if (!(z.avail_in + left >= 2 && z.next_in[0] == 0x1f) || inflateReset(&z) != Z_OK) break;
                continue;
            }
            if (r != Z_OK) break; /* corrupt, or the input ended inside a member */
        }
        inflateEnd(&z);
    }
    return pc_fail(err, PRECIS_EPARSE, name, line, "corrupt gzip data");
}

/* Whole-buffer gzip (one or more members) with libdeflate: about twice as fast
 * as zlib's streaming inflate, which was an eighth of the time of extracting a
 * gzip-compressed page. The trailer's size field sizes the output. */
precis_status pc_gunzip(const unsigned char *in, size_t n, size_t max_bytes, pc_buf *out,
                        const char *name, pc_error *err)
{
    if (n < 18) return gzip_corrupt(err, name, in, n, max_bytes);
    if (out->len > max_bytes)
        return pc_fail_input_over(err, name, 0, max_bytes, true);
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    precis_status st = PRECIS_OK;
    size_t pos = 0;
    while (pos < n && !st) {
        size_t rest = n - pos;
        /* ISIZE of the last member: exact for one member, a floor otherwise */
        size_t guess = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 | (size_t)in[n - 2] << 16 |
                       (size_t)in[n - 1] << 24;
        if (guess < rest) guess = rest * 4;
        if (guess > max_bytes - out->len) guess = max_bytes - out->len + 1;
        for (;;) {
            if ((st = pc_buf_reserve(out, guess + 1))) {
                pc_fail(err, st, name, 0, "%s", precis_strerror(st));
                break;
            }
            size_t used = 0, got = 0, room = out->cap - out->len - 1;
            enum libdeflate_result r = libdeflate_gzip_decompress_ex(
                d, in + pos, rest, out->data + out->len, room, &used, &got);
            if (r == LIBDEFLATE_SUCCESS) {
                if (out->len + got > max_bytes) {
                    st = pc_fail_input_over(err, name, 0, max_bytes, true);
                    break;
                }
                out->len += got;
                out->data[out->len] = '\0';
                pos += used;
                break;
            }
            if (r != LIBDEFLATE_INSUFFICIENT_SPACE) {
                st = gzip_corrupt(err, name, in, n, max_bytes);
                break;
            }
            if (out->cap - out->len > max_bytes) {
                st = pc_fail_input_over(err, name, 0, max_bytes, true);
                break;
            }
            guess = room * 2;
        }
        /* as with zlib's reader, bytes after the last member that do not
         * start another member are ignored */
        if (!st && !(n - pos >= 18 && in[pos] == 0x1f && in[pos + 1] == 0x8b)) break;
    }
    libdeflate_free_decompressor(d);
    return st;
}

/* A regular file that fits the cap: read in one go, gunzipped in memory. */
static precis_status read_regular(int fd, size_t size, size_t max_bytes, pc_buf *out,
                                  const char *name, pc_error *err)
{
    pc_buf raw;
    pc_buf_init(&raw, 0);
    precis_status st = pc_buf_reserve(&raw, size + 1);
    while (!st) {
        if (raw.len == raw.cap - 1 && (st = pc_buf_reserve(&raw, raw.cap))) break;
        ssize_t k = read(fd, raw.data + raw.len, raw.cap - 1 - raw.len);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            st = pc_fail(err, PRECIS_EIO, name, 0, "read failed: %s", strerror(errno));
            break;
        }
        if (k == 0) break;
        raw.len += (size_t)k;
        if (raw.len > max_bytes && !(raw.data[0] == 0x1f && (unsigned char)raw.data[1] == 0x8b)) {
            st = pc_fail_input_over(err, name, 0, max_bytes, false);
            break;
        }
    }
    if (st && st != PRECIS_ELIMIT && st != PRECIS_EIO) pc_fail(err, st, name, 0, "%s", precis_strerror(st));
    const unsigned char *u = (const unsigned char *)raw.data;
    if (!st && raw.len >= 18 && u[0] == 0x1f && u[1] == 0x8b && u[2] == 8) {
        st = pc_gunzip(u, raw.len, max_bytes, out, name, err);
    } else if (!st && raw.len >= 2 && u[0] == 0x1f && u[1] == 0x8b) {
        st = gzip_corrupt(err, name, u, raw.len, max_bytes);
    } else if (!st && out->len == 0) {
        /* the usual case, nothing in out yet: hand the bytes over rather than
         * copy them (a 100 MB file peaked at twice its size) */
        raw.data[raw.len] = '\0'; /* the loop kept a byte free for it */
        free(out->data);
        out->data = raw.data;
        out->len = raw.len;
        out->cap = raw.cap;
        raw.data = NULL;
    } else if (!st) {
        st = pc_buf_append(out, raw.data ? raw.data : "", raw.len);
        if (st) pc_fail(err, st, name, 0, "%s", precis_strerror(st));
    }
    pc_buf_free(&raw);
    return st;
}

struct pc_fdsrc {
    int fd;
    uint64_t taken; /* bytes read from fd, for pc_source_offset */
    bool sniffed, gzip, eof;
    bool member_end; /* a gzip member ended: another may follow */
    z_stream z;
    unsigned char *in;       /* bytes read and not passed on (plain) or not inflated (gzip) */
    size_t in_pos, in_len;
    unsigned char buf[128 * 1024];
};

static ssize_t read_some(struct pc_fdsrc *f, void *buf, size_t n)
{
    for (;;) {
        ssize_t k = read(f->fd, buf, n);
        if (k > 0) f->taken += (uint64_t)k;
        if (k >= 0 || errno != EINTR) return k;
    }
}

precis_status pc_source_fd(pc_source *s, int fd)
{
    struct pc_fdsrc *f = calloc(1, sizeof *f);
    if (!f) {
        close(fd);
        return PRECIS_ENOMEM;
    }
    f->fd = fd;
    s->fd = f;
    return PRECIS_OK;
}

bool pc_source_gzip(const pc_source *s) { return s->fd && s->fd->gzip; }

uint64_t pc_source_offset(const pc_source *s)
{
    if (s->fd) return s->fd->taken - (s->fd->in ? s->fd->in_len - s->fd->in_pos : s->fd->in_len);
    return s->mem_pos;
}

void pc_source_close(pc_source *s)
{
    if (s->fd) {
        if (s->fd->gzip) inflateEnd(&s->fd->z);
        close(s->fd->fd);
        free(s->fd);
        s->fd = NULL;
    }
}

/* Fills f->buf with what the descriptor has (at least one byte unless it
 * ends): 0 at the end, -1 on an error. */
static int fd_refill(struct pc_fdsrc *f)
{
    ssize_t k = read_some(f, f->buf, sizeof f->buf);
    if (k < 0) return -1;
    if (k == 0) f->eof = true;
    f->in = f->buf;
    f->in_pos = 0;
    f->in_len = (size_t)k;
    return k > 0;
}

static size_t fd_read(pc_source *s, char *dst, size_t n)
{
    struct pc_fdsrc *f = s->fd;
    if (!f->sniffed) { /* gzip by its two magic bytes: wait for both */
        while (!f->eof && f->in_len < 2) {
            ssize_t k = read_some(f, f->buf + f->in_len, sizeof f->buf - f->in_len);
            if (k < 0) {
                s->io_errno = errno;
                s->io_error = true;
                return 0;
            }
            if (k == 0) f->eof = true;
            f->in_len += (size_t)k;
        }
        f->in = f->buf;
        f->sniffed = true;
        if (f->in_len >= 2 && f->buf[0] == 0x1f && f->buf[1] == 0x8b) {
            if (inflateInit2(&f->z, 15 + 16) != Z_OK) { /* gzip only: the magic said so */
                s->io_error = true;
                return 0;
            }
            f->gzip = true;
        }
    }
    if (!n) return 0;
    if (!f->gzip) { /* what is held first, then straight from the descriptor */
        if (f->in_pos < f->in_len) {
            size_t k = f->in_len - f->in_pos < n ? f->in_len - f->in_pos : n;
            memcpy(dst, f->in + f->in_pos, k);
            f->in_pos += k;
            return k;
        }
        if (f->eof) return 0;
        ssize_t k = read_some(f, dst, n);
        if (k < 0) s->io_errno = errno, s->io_error = true;
        if (k <= 0) f->eof = true;
        return k > 0 ? (size_t)k : 0;
    }
    for (;;) {
        if (f->in_pos == f->in_len) {
            if (f->eof) {
                if (!f->member_end) s->io_error = true; /* the data ended inside a member */
                return 0;
            }
            int got = fd_refill(f);
            if (got < 0) {
                s->io_errno = errno;
                s->io_error = true;
                return 0;
            }
            continue;
        }
        if (f->member_end) { /* another member, or the end (what follows is not gzip: ignored, as gzread does) */
            if (f->in[f->in_pos] != 0x1f) {
                f->in_pos = f->in_len;
                f->eof = true;
                return 0;
            }
            if (inflateReset(&f->z) != Z_OK) {
                s->io_error = true;
                return 0;
            }
            f->member_end = false;
        }
        f->z.next_in = f->in + f->in_pos;
        f->z.avail_in = (uInt)(f->in_len - f->in_pos);
        f->z.next_out = (unsigned char *)dst;
        f->z.avail_out = (uInt)(n < UINT32_MAX ? n : UINT32_MAX);
        int ret = inflate(&f->z, Z_NO_FLUSH);
        size_t out = (size_t)((unsigned char *)f->z.next_out - (unsigned char *)dst);
        f->in_pos = (size_t)(f->z.next_in - f->in);
        if (ret == Z_STREAM_END) f->member_end = true;
        else if (ret != Z_OK && ret != Z_BUF_ERROR) {
            s->io_error = true;
            return 0;
        }
        if (out) return out;
    }
}

size_t pc_source_read(pc_source *s, char *dst, size_t n)
{
    if (s->fd) return fd_read(s, dst, n);
    size_t k = s->mem_len - s->mem_pos < n ? s->mem_len - s->mem_pos : n;
    if (k) memcpy(dst, s->mem + s->mem_pos, k);
    s->mem_pos += k;
    return k;
}

const char *pc_source_why(const pc_source *s, char *buf, size_t cap)
{
    if (s->io_errno) snprintf(buf, cap, "read failed: %s", strerror(s->io_errno));
    else snprintf(buf, cap, "corrupt gzip data");
    return buf;
}

int pc_dup_stdin(void)
{
    int fl = fcntl(STDIN_FILENO, F_GETFL);
    if (fl >= 0 && (fl & O_ACCMODE) == O_WRONLY) {
        errno = EBADF;
        return -1;
    }
    return dup(STDIN_FILENO);
}

precis_status pc_fail_open(pc_error *err, const char *name, bool is_stdin, int e)
{
    if (is_stdin && e == EBADF) return pc_fail(err, PRECIS_EIO, name, 0, "standard input is closed");
    return pc_fail(err, PRECIS_EIO, name, 0, "cannot open: %s", strerror(e));
}

precis_status pc_read_input_raw(const char *path, size_t max_bytes, pc_buf *out, pc_error *err)
{
    if (!max_bytes) max_bytes = PC_DEFAULT_MAX_FILE;
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? pc_dup_stdin() : open(path, O_RDONLY);
    if (fd < 0) return pc_fail_open(err, name, is_stdin, errno);
    struct stat sb;
    bool have_stat = fstat(fd, &sb) == 0;
    if (have_stat && S_ISDIR(sb.st_mode)) {
        close(fd);
        return pc_fail(err, PRECIS_EIO, name, 0, "is a directory");
    }
    if (!is_stdin && have_stat && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size <= max_bytes &&
        out->len <= max_bytes) {
        size_t saved = out->limit;
        out->limit = 0;
        precis_status st = read_regular(fd, (size_t)sb.st_size, max_bytes, out, name, err);
        out->limit = saved;
        close(fd);
        if (!st && !out->data) st = pc_buf_reserve(out, 0);
        return st;
    }
    /* Streams and files over the cap: the streaming source inflates gzip and
     * passes other data through unchanged, stopping at the cap (gzread's
     * error named a descriptor: "corrupt gzip data: <fd:3>: unexpected end
     * of file", and no place). */
    pc_source src = {0};
    if (pc_source_fd(&src, fd)) return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    size_t saved_limit = out->limit;
    out->limit = 0;
    size_t start = out->len;
    precis_status st = PRECIS_OK;
    char chunk[64 * 1024];
    for (;;) {
        size_t n = pc_source_read(&src, chunk, sizeof chunk);
        if (src.io_error) {
            char why[160];
            pc_source_why(&src, why, sizeof why); /* the line it broke in, as whole-file reading names it */
            st = pc_fail(err, src.io_errno ? PRECIS_EIO : PRECIS_EPARSE, name,
                         src.io_errno ? 0 : pc_line_at(out->data ? out->data + start : "", out->len - start), "%s", why);
            break;
        }
        if (n == 0) break;
        if (out->len + n > max_bytes) {
            bool gz = pc_source_gzip(&src);
            st = pc_fail_input_over(err, name, !gz && have_stat && S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 0,
                                    max_bytes, gz);
            break;
        }
        if ((st = pc_buf_append(out, chunk, n))) {
            pc_fail(err, st, name, 0, "%s", precis_strerror(st));
            break;
        }
    }
    pc_source_close(&src);
    out->limit = saved_limit;
    if (!st && !out->data) st = pc_buf_reserve(out, 0); /* empty input: still a "" string */
    return st;
}

precis_status pc_read_input(const char *path, size_t max_bytes, pc_buf *out, pc_error *err)
{
    return pc_read_input_nul(path, max_bytes, out, err, NULL);
}

precis_status pc_read_input_nul(const char *path, size_t max_bytes, pc_buf *out, pc_error *err, size_t *nul)
{
    pc_buf raw;
    pc_buf_init(&raw, 0);
    size_t n_nul = 0;
    if (nul) *nul = 0;
    precis_status st = pc_read_input_raw(path, max_bytes, &raw, err);
    if (!st && raw.data) n_nul = pc_text_nul(raw.data, raw.len);
    if (nul) *nul = n_nul;
    if (!st && out->len == 0 && raw.data && pc_text_unchanged(raw.data, raw.len)) {
        /* clean UTF-8 without a byte-order mark, what pc_text_decode would
         * copy byte for byte: handed over instead (the copy doubled the peak
         * memory of reading a large file) */
        free(out->data);
        *out = (pc_buf){.data = raw.data, .len = raw.len, .cap = raw.cap, .limit = out->limit};
        return PRECIS_OK;
    }
    if (!st) {
        size_t saved_limit = out->limit;
        out->limit = 0;
        size_t bad = 0, before = out->len;
        if (!max_bytes) max_bytes = PC_DEFAULT_MAX_FILE;
        st = text_decode_capped(out, raw.data, raw.len, max_bytes, &bad);
        out->limit = saved_limit;
        const char *name = strcmp(path, "-") ? path : "<stdin>";
        if (st == PRECIS_ELIMIT) {
            /* the file was under the cap, its text is not: said as such, not as
             * the file's size */
            pc_fail(err, st, name, 0, "text decoded from %s is larger than the %zu-byte limit (%zu bytes read)",
                    text_encoding(raw.data, raw.len), max_bytes, raw.len);
        } else if (st) {
            pc_fail(err, st, name, 0, "%s", precis_strerror(st));
        } else if (pc_text_binary(bad, n_nul, raw.len)) {
            out->len = before;
            if (out->data) out->data[before] = '\0';
            char why[128];
            st = pc_fail(err, PRECIS_EPARSE, name, 0, "%s", pc_binary_why(why, sizeof why, bad, n_nul, raw.len));
        }
    }
    pc_buf_free(&raw);
    return st;
}

bool pc_utf8_binary(size_t replaced, size_t len) { return replaced > 64 && replaced > len / 8; }

bool pc_text_binary(size_t replaced, size_t nul, size_t len) { return pc_utf8_binary(replaced + nul, len); }

const char *pc_binary_why(char *buf, size_t cap, size_t replaced, size_t nul, size_t len)
{
    if (!nul)
        pc_snprintf(buf, cap, "binary data, not text (%zu of %zu bytes are not UTF-8)", replaced, len);
    else if (!replaced)
        pc_snprintf(buf, cap, "binary data, not text (%zu of %zu bytes are NUL)", nul, len);
    else
        pc_snprintf(buf, cap, "binary data, not text (%zu of %zu bytes are NUL or not UTF-8)", nul + replaced, len);
    return buf;
}

size_t pc_collapse_space(char *dst, const char *s, size_t len)
{
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        if (pc_is_space((unsigned char)s[i])) {
            space = true;
            continue;
        }
        if (space && o) {
            if (dst) dst[o] = ' ';
            o++;
        }
        space = false;
        if (dst) dst[o] = s[i];
        o++;
    }
    if (dst) dst[o] = '\0';
    return o;
}

int pc_hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

size_t pc_edit_distance(const char *x, size_t lx, const char *y, size_t ly, size_t cap)
{
    if (lx > PC_EDIT_MAX || ly > PC_EDIT_MAX || cap >= 255) return cap + 1;
    unsigned char row[PC_EDIT_MAX + 1], prev[PC_EDIT_MAX + 1]; /* distances capped at cap + 1 */
    unsigned over = (unsigned)cap + 1;
    for (size_t j = 0; j <= ly; j++) prev[j] = (unsigned char)(j < over ? j : over);
    for (size_t i = 1; i <= lx; i++) {
        row[0] = (unsigned char)(i < over ? i : over);
        unsigned char best = row[0];
        for (size_t j = 1; j <= ly; j++) {
            unsigned v = prev[j - 1] + (x[i - 1] != y[j - 1]);
            if (prev[j] + 1u < v) v = prev[j] + 1u;
            if (row[j - 1] + 1u < v) v = row[j - 1] + 1u;
            row[j] = (unsigned char)(v < over ? v : over);
            if (row[j] < best) best = row[j];
        }
        if (best > cap) return cap + 1; /* every path is already too far */
        memcpy(prev, row, ly + 1);
    }
    return prev[ly];
}

bool pc_bytes_binary(const char *d, size_t len)
{
    const unsigned char *u = (const unsigned char *)d;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) return false;
    if (pc_text_bom(d, len) == PC_BOM_UTF32BE) return false;
    size_t ctl = 0;
    for (size_t i = 0; i < len; i++)
        if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\f' && u[i] != '\r' && u[i] != 0x1B) ctl++;
    return ctl > 64 && ctl > len / 16;
}

bool pc_is_dir(const char *path)
{
    struct stat sb;
    return strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

bool pc_is_regular(const char *path)
{
    struct stat sb;
    return strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* ---- directory walking ------------------------------------------------------ */

/* The file behind one listed path, to know a path naming a file listed before
 * (drop_repeats): taken from the stat that listed the path (the walk's, or the
 * input's own), not from a second stat of every path. */
typedef struct file_id {
    bool regular; /* dev and ino are set only for a regular file */
    dev_t dev;
    ino_t ino;
} file_id;

typedef struct path_list {
    char **v;
    file_id *id; /* with a list of paths to read; NULL for the walk's list of names */
    size_t n, cap, id_cap;
} path_list;

static precis_status list_push(path_list *l, const char *s)
{
    if (pc_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 16)) return PRECIS_ENOMEM;
    char *copy = strdup(s);
    if (!copy) return PRECIS_ENOMEM;
    l->v[l->n++] = copy;
    return PRECIS_OK;
}

/* A path to read, with what its stat found (sb NULL: none, or it failed). */
static precis_status list_push_path(path_list *l, const char *s, const struct stat *sb)
{
    if (pc_grow(&l->id, &l->id_cap, l->n + 1, sizeof *l->id, 16)) return PRECIS_ENOMEM;
    l->id[l->n] = sb && S_ISREG(sb->st_mode) ? (file_id){true, sb->st_dev, sb->st_ino} : (file_id){false, 0, 0};
    return list_push(l, s);
}

int pc_natural_cmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p && *q) {
        if (*p >= '0' && *p <= '9' && *q >= '0' && *q <= '9') {
            while (*p == '0') p++; /* 007 is 7 */
            while (*q == '0') q++;
            const unsigned char *pe = p, *qe = q;
            while (*pe >= '0' && *pe <= '9') pe++;
            while (*qe >= '0' && *qe <= '9') qe++;
            if (pe - p != qe - q) return pe - p < qe - q ? -1 : 1; /* fewer digits: smaller */
            int c = memcmp(p, q, (size_t)(pe - p));
            if (c) return c < 0 ? -1 : 1;
            p = pe, q = qe;
            continue;
        }
        if (*p != *q) return *p < *q ? -1 : 1;
        p++, q++;
    }
    if (*p || *q) return *p ? 1 : -1;
    int c = strcmp(a, b); /* equal as numbers (a01, a1): byte order, so the order is total */
    return c < 0 ? -1 : c > 0;
}

static int cmp_str(const void *a, const void *b)
{
    return pc_natural_cmp(*(char *const *)a, *(char *const *)b);
}

/* The directories being walked, outermost first: a link back to one of them
 * (a symlink loop) is not followed, so each file is listed once. */
typedef struct dir_stack {
    dev_t dev[66];
    ino_t ino[66];
    int n;
} dir_stack;

/* Lists the files under dir. Only regular files are listed: a FIFO, socket or
 * device found in a directory would block or stream forever when opened (a
 * file named on the command line is opened whatever it is). A subdirectory
 * that cannot be listed is listed itself, so the reader names it ("cannot
 * open: Permission denied") and the rest of the walk goes on. */
static precis_status walk(const char *dir, path_list *out, pc_error *err, dir_stack *stack)
{
    if (stack->n > 64) return pc_fail(err, PRECIS_ELIMIT, dir, 0, "directories nested too deep");
    struct stat sb;
    bool have = stat(dir, &sb) == 0;
    if (have) {
        for (int k = 0; k < stack->n; k++)
            if (stack->dev[k] == sb.st_dev && stack->ino[k] == sb.st_ino) return PRECIS_OK; /* a loop */
        stack->dev[stack->n] = sb.st_dev;
        stack->ino[stack->n] = sb.st_ino;
    }
    DIR *d = opendir(dir);
    if (!d) return list_push_path(out, dir, have ? &sb : NULL);
    stack->n++;
    path_list names = {0};
    precis_status st = PRECIS_OK;
    struct dirent *e;
    while (!st && (e = readdir(d)))
        if (e->d_name[0] != '.') st = list_push(&names, e->d_name);
    closedir(d);
    if (!st && names.n) qsort(names.v, names.n, sizeof *names.v, cmp_str); /* v is NULL when empty */
    for (size_t i = 0; i < names.n && !st; i++) {
        size_t n = strlen(dir) + strlen(names.v[i]) + 2;
        char *full = malloc(n);
        if (!full) {
            st = PRECIS_ENOMEM;
            break;
        }
        snprintf(full, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat fb;
        if (stat(full, &fb) != 0) st = list_push_path(out, full, NULL); /* dangling: named by the reader */
        else if (S_ISREG(fb.st_mode)) st = list_push_path(out, full, &fb);
        else if (S_ISDIR(fb.st_mode)) st = walk(full, out, err, stack);
        free(full);
    }
    stack->n--;
    pc_paths_free(names.v, names.n);
    if (st == PRECIS_ENOMEM) pc_fail(err, st, dir, 0, "out of memory");
    return st;
}

typedef struct same_file_ctx {
    const file_id *ids;
    file_id id;
} same_file_ctx;
static bool same_file(const void *ctx, uint32_t val)
{
    const same_file_ctx *c = ctx;
    return c->ids[val].dev == c->id.dev && c->ids[val].ino == c->id.ino;
}

/* Drops each path naming a regular file listed before ("a.txt a.txt", "dir
 * dir/a.txt", a hard or symbolic link to it), keeping the first, and tells
 * repeat about it: read twice, one article would count as two sources. */
static precis_status drop_repeats(path_list *l, pc_repeat_fn *repeat, void *repeat_ctx)
{
    file_id *ids = malloc((l->n ? l->n : 1) * sizeof *ids);
    size_t *first = malloc((l->n ? l->n : 1) * sizeof *first); /* ids[k] is the file of l->v[first[k]] */
    pc_map seen;
    pc_map_init(&seen, 0);
    precis_status st = ids && first ? PRECIS_OK : PRECIS_ENOMEM;
    size_t kept = 0;
    uint32_t n_ids = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (st || !l->id[i].regular) {
            l->v[kept++] = l->v[i];
            continue;
        }
        same_file_ctx c = {ids, l->id[i]};
        uint64_t key = ((uint64_t)c.id.dev << 40) ^ (uint64_t)c.id.ino;
        uint32_t found;
        if ((st = pc_map_put(&seen, key, n_ids, same_file, &c, &found))) {
            l->v[kept++] = l->v[i];
            continue;
        }
        if (found != PC_MAP_NONE) {
            repeat(repeat_ctx, l->v[i], l->v[first[found]]);
            free(l->v[i]);
            continue;
        }
        ids[n_ids] = c.id;
        first[n_ids++] = kept;
        l->v[kept++] = l->v[i];
    }
    l->n = kept;
    pc_map_free(&seen);
    free(ids);
    free(first);
    return st;
}

precis_status pc_expand_inputs(char *const *inputs, size_t n_inputs, char ***paths,
                               size_t *n_paths, pc_repeat_fn *repeat, void *repeat_ctx, pc_error *err)
{
    path_list out = {0};
    precis_status st = PRECIS_OK;
    for (size_t i = 0; i < n_inputs && !st; i++) {
        dir_stack stack = {.n = 0};
        struct stat sb; /* as pc_is_dir, kept for drop_repeats */
        bool have = strcmp(inputs[i], "-") != 0 && stat(inputs[i], &sb) == 0;
        st = have && S_ISDIR(sb.st_mode) ? walk(inputs[i], &out, err, &stack)
                                         : list_push_path(&out, inputs[i], have ? &sb : NULL);
    }
    if (!st && repeat) st = drop_repeats(&out, repeat, repeat_ctx);
    free(out.id);
    if (st) {
        if (st == PRECIS_ENOMEM) pc_fail(err, st, NULL, 0, "out of memory");
        pc_paths_free(out.v, out.n);
        return st;
    }
    *paths = out.v;
    *n_paths = out.n;
    return PRECIS_OK;
}

void pc_paths_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++) free(paths[i]);
    free(paths);
}

/* ---- lines ----------------------------------------------------------------- */

void pc_lines_init(pc_line_iter *it, const char *s, size_t len)
{
    it->p = s;
    it->end = s + len;
    it->lineno = 0;
}

bool pc_lines_next(pc_line_iter *it, const char **line, size_t *len)
{
    if (it->p >= it->end) return false;
    const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
    const char *stop = nl ? nl : it->end;
    *line = it->p;
    *len = (size_t)(stop - it->p);
    if (*len && (*line)[*len - 1] == '\r') (*len)--;
    it->p = nl ? nl + 1 : it->end;
    it->lineno++;
    return true;
}

/* ---- JSON ------------------------------------------------------------------ */

precis_status pc_json_string(pc_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    precis_status st = pc_buf_reserve(out, len + 2);
    if (st) return st;
    pc_buf_putc(out, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c < 0x20) {
                u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
                u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = 0;
                esc = u;
            } else if (c >= 0x80) {
                /* bytes that are not UTF-8 (a Latin-1 file name as an id)
                 * would make the whole output invalid JSON: U+FFFD */
                utf8proc_int32_t cp;
                utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
                if (n > 0) {
                    i += (size_t)n - 1;
                    continue;
                }
                memcpy(u, REPLACEMENT, 3);
                u[3] = 0;
                esc = u;
            }
        }
        if (!esc) continue;
        if ((st = pc_buf_append(out, s + run, i - run))) return st;
        if ((st = pc_buf_puts(out, esc))) return st;
        run = i + 1;
    }
    if ((st = pc_buf_append(out, s + run, len - run))) return st;
    return pc_buf_putc(out, '"');
}
