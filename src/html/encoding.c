/* Encoding detection and conversion to UTF-8.
 * Order (WHATWG-like): byte-order mark, HTTP Content-Type charset, <meta
 * charset> / http-equiv in the first bytes, then uchardet. Two repairs for
 * what real pages do: a page that is valid UTF-8 with non-ASCII bytes is
 * UTF-8 whatever it declares, and a declared UTF-8 page that is mostly not
 * UTF-8 goes to the detector. Conversion is glibc iconv; invalid sequences
 * become U+FFFD, so the output is always valid UTF-8. */
#include "html/html.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#define PRESCAN_BYTES 4096
#define DETECT_BYTES (256 * 1024)

/* Copies the charset label found at p (after "charset=") into out. */
static bool take_label(const char *p, const char *end, char *out, size_t cap)
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\'' || *p == '=')) p++;
    size_t n = 0;
    while (p < end && n + 1 < cap &&
           (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        out[n++] = (char)tolower((unsigned char)*p++);
    out[n] = '\0';
    return n > 0;
}

static const char *find_ci(const char *s, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = s; p + n <= end; p++)
        if (strncasecmp(p, needle, n) == 0) return p;
    return NULL;
}

/* charset= inside a Content-Type value. */
static bool charset_from_content_type(const char *ct, char *out, size_t cap)
{
    if (!ct) return false;
    const char *end = ct + strlen(ct);
    const char *p = find_ci(ct, end, "charset");
    return p && take_label(p + 7, end, out, cap);
}

/* Looks for <meta charset=..> or <meta http-equiv=content-type content="..charset=..">
 * in the first bytes. A light scan, not a tokenizer: good enough for heads. */
static bool charset_from_meta(const char *s, size_t len, char *out, size_t cap)
{
    const char *end = s + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
    for (const char *p = s; (p = find_ci(p, end, "<meta")) != NULL; p += 5) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) break;
        const char *c = find_ci(p, gt, "charset");
        if (c && take_label(c + 7, gt, out, cap)) return true;
    }
    return false;
}

/* WHATWG label mapping for the labels that matter in practice. */
static const char *canonical(const char *label)
{
    static const struct { const char *label, *name; } map[] = {
        {"utf8", "UTF-8"},           {"utf-8", "UTF-8"},         {"unicode-1-1-utf-8", "UTF-8"},
        {"utf-16", "UTF-8"},         {"utf-16le", "UTF-8"},      {"utf-16be", "UTF-8"},
        {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
        {"l1", "WINDOWS-1252"},      {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
        {"iso_8859-1", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
        {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"}, {"gb2312", "GBK"},
        {"x-gbk", "GBK"},            {"x-sjis", "SHIFT_JIS"},    {"shift-jis", "SHIFT_JIS"},
        {"ks_c_5601-1987", "EUC-KR"}, {"tis-620", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(label, map[i].label) == 0) return map[i].name;
    return label;
}

/* One pass over the bytes: how many are >= 0x80, how many of those are not
 * part of a valid UTF-8 sequence, and whether there is a NUL. Plain ASCII is
 * skipped eight bytes at a time. */
typedef struct utf8_scan {
    size_t high, bad;
    bool nul;
} utf8_scan;

static bool word_ascii_nonzero(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    /* no high bit, and no zero byte (the classic haszero test) */
    return !(w & 0x8080808080808080ull) && !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull);
}

static utf8_scan scan_utf8(const char *s, size_t len)
{
    utf8_scan r = {0, 0, false};
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        while (end - p >= 8 && word_ascii_nonzero(p)) p += 8;
        if (p >= end) break;
        if (*p < 0x80) {
            if (!*p) r.nul = true;
            p++;
            continue;
        }
        size_t n = *p >= 0xF0 && *p <= 0xF4 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 && *p < 0xE0 ? 2 : 0;
        bool ok = n && (size_t)(end - p) >= n;
        for (size_t i = 1; ok && i < n; i++) ok = (p[i] & 0xC0) == 0x80;
        if (ok && pc_utf8_valid((const char *)p, n)) {
            r.high += n;
            p += n;
        } else {
            r.high++;
            r.bad++;
            p++;
        }
    }
    return r;
}

static void detect(const char *s, size_t len, char *out, size_t cap)
{
    out[0] = '\0';
    uchardet_t ud = uchardet_new();
    if (!ud) return;
    if (uchardet_handle_data(ud, s, len < DETECT_BYTES ? len : DETECT_BYTES) == 0) {
        uchardet_data_end(ud);
        const char *cs = uchardet_get_charset(ud);
        if (cs && *cs) {
            strncpy(out, cs, cap - 1);
            out[cap - 1] = '\0';
        }
    }
    uchardet_delete(ud);
}

/* Converts with iconv; each undecodable byte becomes U+FFFD. Returns EINVAL
 * when iconv does not know the encoding. */
static precis_status convert(const char *from, const char *s, size_t len, pc_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return PRECIS_EINVAL;
    precis_status st = PRECIS_OK;
    char *in = (char *)s;
    size_t in_left = len;
    while (in_left > 0 && !st) {
        if ((st = pc_buf_reserve(out, in_left * 2 + 16))) break;
        char *o = out->data + out->len;
        size_t o_left = out->cap - out->len - 1, o_start = o_left;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out->len += o_start - o_left;
        if (r == (size_t)-1) {
            if (errno == E2BIG) continue;
            /* EILSEQ or EINVAL (truncated at the end): replace one byte. */
            st = pc_buf_append(out, "\xEF\xBF\xBD", 3);
            in++;
            in_left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    if (!st) st = pc_buf_reserve(out, 0);
    if (!st) out->data[out->len] = '\0';
    return st;
}

static precis_status decode(const char *raw, size_t len, const char *content_type, pc_buf *out,
                            const char **view, size_t *view_len, char *charset, size_t cap,
                            pc_error *err)
{
    char label[64] = "";
    const char *enc = NULL;
    const unsigned char *u = (const unsigned char *)raw;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        raw += 3;
        len -= 3;
        enc = "UTF-8";
    } else if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) { /* before UTF-16LE's mark */
        raw += 4;
        len -= 4;
        enc = "UTF-32LE";
    } else if (len >= 4 && !u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF) {
        raw += 4;
        len -= 4;
        enc = "UTF-32BE";
    } else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        raw += 2;
        len -= 2;
        enc = "UTF-16LE";
    } else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        raw += 2;
        len -= 2;
        enc = "UTF-16BE";
    }
    if (!enc && (charset_from_content_type(content_type, label, sizeof label) ||
                 charset_from_meta(raw, len, label, sizeof label)))
        enc = canonical(label);
    bool utf16 = enc && (strncmp(enc, "UTF-16", 6) == 0 || strncmp(enc, "UTF-32", 6) == 0); /* wide units */
    utf8_scan sc = utf16 ? (utf8_scan){1, 1, true} : scan_utf8(raw, len);
    if (!enc || strcmp(enc, "UTF-8") != 0 || !sc.high) {
        /* Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page says. */
        if (sc.high && !utf16 && !sc.bad) enc = "UTF-8";
    } else if (sc.bad * 1000 / sc.high > 200) {
        enc = NULL; /* declared UTF-8, but most high bytes are not: detect */
    }
    char detected[64];
    if (!enc) {
        if (!sc.high) {
            enc = "UTF-8";
        } else {
            detect(raw, len, detected, sizeof detected);
            enc = detected[0] && strcasecmp(detected, "ASCII") != 0 ? canonical(detected)
                                                                     : "WINDOWS-1252";
        }
    }
    precis_status st;
    if (strcmp(enc, "UTF-8") == 0) {
        /* valid and NUL-free: nothing to repair, nor to copy when the caller
         * can read the bytes where they are */
        if (!sc.bad && !sc.nul && view) {
            *view = raw;
            *view_len = len;
            st = PRECIS_OK;
        } else {
            st = !sc.bad && !sc.nul ? pc_buf_append(out, raw, len) : pc_utf8_repair(out, raw, len, NULL);
        }
    } else {
        st = convert(enc, raw, len, out);
        if (st == PRECIS_EINVAL) { /* unknown label: fall back to the detector */
            detect(raw, len, detected, sizeof detected);
            enc = detected[0] ? canonical(detected) : "WINDOWS-1252";
            st = convert(enc, raw, len, out);
            if (st == PRECIS_EINVAL) {
                enc = "UTF-8";
                st = pc_utf8_repair(out, raw, len, NULL);
            }
        }
    }
    if (st) return pc_fail(err, st, NULL, 0, "decoding as %s: %s", enc, precis_strerror(st));
    if (view && *view) {
        /* read in place */
    } else {
        if (!out->data && (st = pc_buf_reserve(out, 0))) return st;
        if (out->data) out->data[out->len] = '\0';
        if (view) {
            *view = out->data;
            *view_len = out->len;
        }
    }
    if (charset && cap) {
        strncpy(charset, enc, cap - 1);
        charset[cap - 1] = '\0';
    }
    return PRECIS_OK;
}

precis_status ph_decode(const char *raw, size_t len, const char *content_type, pc_buf *out,
                        char *charset, size_t cap, pc_error *err)
{
    return decode(raw, len, content_type, out, NULL, NULL, charset, cap, err);
}

precis_status ph_decode_view(const char *raw, size_t len, const char *content_type, pc_buf *out,
                             const char **view, size_t *view_len, pc_error *err)
{
    *view = NULL;
    *view_len = 0;
    return decode(raw, len, content_type, out, view, view_len, NULL, 0, err);
}
