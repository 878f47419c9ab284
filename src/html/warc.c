/* Streaming WARC reader (ISO 28500): plain or gzip (whole-file or one member
 * per record, as Common Crawl writes them), read through the pc_source every
 * streaming reader uses (src/core/io.c: a read gives what has come, gzip
 * members inflated in turn), so a slow pipe's records come as they arrive.
 * One record is held in memory at a time, so a WARC of any size is read in
 * constant memory. Only `response`
 * records with an HTML payload are returned; the HTTP envelope is parsed,
 * chunked transfer coding removed and gzip/deflate content coding decoded.
 * A malformed record is reported and reading resumes at the next "WARC/"
 * line. */
#include "html/html.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h> /* inflate of gzip/deflate content coding */

#define WARC_MAX_HEADER (64 * 1024)
#define WARC_DEFAULT_MAX_RECORD (256 * PC_MiB)

struct ph_warc {
    pc_source own; /* the file ph_warc_open opened, or ph_warc_open_mem's memory */
    pc_source *in; /* what is read: &own, or the caller's (ph_warc_open_source) */
    const char *head; /* bytes the caller took from in before (its sniff): read first */
    size_t head_len, head_pos;
    char name[256];
    uint64_t file_size;
    size_t max_record;
    size_t index;
    /* read-ahead buffer */
    char buf[64 * 1024];
    size_t buf_pos, buf_len;
    bool eof;
    pc_buf record;  /* the current record block */
    pc_buf payload; /* decoded HTTP body */
    char uri[4096];
    char http_ctype[256];
};

static bool fill(ph_warc *w)
{
    if (w->buf_pos < w->buf_len) return true;
    if (w->eof) return false;
    w->buf_pos = 0;
    if (w->head_pos < w->head_len) {
        size_t k = w->head_len - w->head_pos < sizeof w->buf ? w->head_len - w->head_pos : sizeof w->buf;
        memcpy(w->buf, w->head + w->head_pos, k);
        w->head_pos += k;
        w->buf_len = k;
    } else {
        w->buf_len = pc_source_read(w->in, w->buf, sizeof w->buf);
    }
    if (!w->buf_len) w->eof = true;
    return w->buf_len > 0;
}

/* Reads one line (without CRLF) into line; false at EOF. Lines longer than
 * cap are cut (the rest is consumed). */
static bool read_line(ph_warc *w, char *line, size_t cap, size_t *len)
{
    size_t n = 0;
    bool any = false;
    while (fill(w)) {
        any = true;
        char c = w->buf[w->buf_pos++];
        if (c == '\n') break;
        if (n + 1 < cap) line[n++] = c;
    }
    if (n && line[n - 1] == '\r') n--;
    line[n] = '\0';
    *len = n;
    return any;
}

static precis_status read_block(ph_warc *w, size_t n, pc_buf *out)
{
    out->len = 0;
    precis_status st = pc_buf_reserve(out, n);
    if (st) return st;
    while (n > 0) {
        if (!fill(w)) return PRECIS_EPARSE;
        size_t k = w->buf_len - w->buf_pos < n ? w->buf_len - w->buf_pos : n;
        memcpy(out->data + out->len, w->buf + w->buf_pos, k);
        out->len += k;
        w->buf_pos += k;
        n -= k;
    }
    out->data[out->len] = '\0';
    return PRECIS_OK;
}

static bool skip_bytes(ph_warc *w, uint64_t n)
{
    while (n > 0) {
        if (!fill(w)) return false;
        size_t k = w->buf_len - w->buf_pos;
        if (k > n) k = (size_t)n;
        w->buf_pos += k;
        n -= k;
    }
    return true;
}

bool ph_looks_like_warc(const char *data, size_t len)
{
    return len >= 6 && memcmp(data, "WARC/", 5) == 0 && isdigit((unsigned char)data[5]);
}

static ph_warc *warc_new(const char *name, size_t max_record)
{
    ph_warc *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    pc_snprintf(w->name, sizeof w->name, "%s", name);
    w->max_record = max_record ? max_record : WARC_DEFAULT_MAX_RECORD;
    pc_buf_init(&w->record, 0);
    pc_buf_init(&w->payload, 0);
    w->in = &w->own;
    return w;
}

precis_status ph_warc_open(const char *path, size_t max_record, ph_warc **out, pc_error *err)
{
    *out = NULL;
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? pc_dup_stdin() : open(path, O_RDONLY);
    if (fd < 0) return pc_fail_open(err, name, is_stdin, errno);
    struct stat sb;
    uint64_t size = 0;
    if (fstat(fd, &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            close(fd);
            return pc_fail(err, PRECIS_EIO, name, 0, "is a directory");
        }
        if (S_ISREG(sb.st_mode)) size = (uint64_t)sb.st_size;
    }
    ph_warc *w = warc_new(name, max_record);
    if (!w) close(fd);
    if (!w || pc_source_fd(&w->own, fd)) { /* pc_source_fd closes fd when it fails */
        free(w);
        return pc_fail(err, PRECIS_ENOMEM, name, 0, "out of memory");
    }
    w->file_size = size;
    *out = w;
    return PRECIS_OK;
}

precis_status ph_warc_open_mem(const char *data, size_t len, const char *name, size_t max_record,
                               ph_warc **out)
{
    *out = warc_new(name ? name : "<memory>", max_record);
    if (!*out) return PRECIS_ENOMEM;
    (*out)->own.mem = data;
    (*out)->own.mem_len = len;
    (*out)->file_size = len;
    return PRECIS_OK;
}

precis_status ph_warc_open_source(pc_source *in, const char *head, size_t head_len, const char *name,
                                  size_t max_record, ph_warc **out)
{
    *out = warc_new(name ? name : "<memory>", max_record);
    if (!*out) return PRECIS_ENOMEM;
    (*out)->in = in;
    (*out)->head = head;
    (*out)->head_len = head_len;
    return PRECIS_OK;
}

void ph_warc_progress(const ph_warc *w, uint64_t *done, uint64_t *total)
{
    *total = w->file_size;
    *done = pc_source_offset(w->in);
}

void ph_warc_close(ph_warc *w)
{
    if (!w) return;
    pc_source_close(&w->own); /* a caller's source is the caller's to close */
    pc_buf_free(&w->record);
    pc_buf_free(&w->payload);
    free(w);
}

static const char *header_value(const char *line, const char *name)
{
    size_t n = strlen(name);
    if (strncasecmp(line, name, n) != 0 || line[n] != ':') return NULL;
    const char *v = line + n + 1;
    while (*v == ' ' || *v == '\t') v++;
    return v;
}

/* Removes chunked transfer coding in place; false when malformed. */
static bool dechunk(char *s, size_t len, size_t *out_len)
{
    size_t r = 0, o = 0;
    for (;;) {
        char *end;
        if (r >= len) return false;
        unsigned long long n = strtoull(s + r, &end, 16);
        if (end == s + r) return false;
        const char *nl = memchr(end, '\n', len - (size_t)(end - s));
        if (!nl) return false;
        r = (size_t)(nl - s) + 1;
        if (n == 0) break;
        if (n > len - r) return false;
        memmove(s + o, s + r, (size_t)n);
        o += (size_t)n;
        r += (size_t)n;
        if (r < len && s[r] == '\r') r++;
        if (r < len && s[r] == '\n') r++;
    }
    *out_len = o;
    return true;
}

static precis_status inflate_into(const char *src, size_t len, size_t cap, pc_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) return PRECIS_ENOMEM; /* gzip or zlib */
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)len;
    precis_status st = PRECIS_OK;
    out->len = 0;
    for (;;) {
        if ((st = pc_buf_reserve(out, 64 * 1024))) break;
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len - 1);
        size_t before = z.avail_out;
        int r = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        if (out->len > cap) {
            st = PRECIS_ELIMIT;
            break;
        }
        if (r == Z_STREAM_END) break;
        if (r != Z_OK) {
            st = out->len ? PRECIS_OK : PRECIS_EPARSE; /* truncated: keep what decoded */
            break;
        }
        if (z.avail_in == 0 && z.avail_out != 0) break;
    }
    inflateEnd(&z);
    if (!st) out->data[out->len] = '\0';
    return st;
}

/* Splits the HTTP response in w->record; fills rec. Returns false when the
 * record is not an HTML page worth extracting. */
static precis_status parse_http(ph_warc *w, ph_warc_record *rec, bool *is_html)
{
    *is_html = false;
    char *s = w->record.data;
    size_t len = w->record.len;
    if (len < 12 || strncmp(s, "HTTP/", 5) != 0) return PRECIS_EPARSE;
    const char *sp = memchr(s, ' ', len < 16 ? len : 16);
    rec->http_status = sp ? atoi(sp + 1) : 0;
    /* headers end at the first empty line */
    size_t pos = 0, body = 0;
    bool chunked = false;
    char encoding[32] = "";
    w->http_ctype[0] = '\0';
    while (pos < len) {
        char *nl = memchr(s + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - s) : len;
        size_t e = end;
        if (e > pos && s[e - 1] == '\r') e--;
        if (e == pos) {
            body = nl ? end + 1 : len;
            break;
        }
        char line[1024];
        size_t n = e - pos < sizeof line - 1 ? e - pos : sizeof line - 1;
        memcpy(line, s + pos, n);
        line[n] = '\0';
        const char *v;
        if ((v = header_value(line, "Content-Type"))) pc_snprintf(w->http_ctype, sizeof w->http_ctype, "%s", v);
        else if ((v = header_value(line, "Transfer-Encoding")) && strstr(v, "chunked")) chunked = true;
        else if ((v = header_value(line, "Content-Encoding"))) snprintf(encoding, sizeof encoding, "%s", v);
        pos = nl ? end + 1 : len;
        body = pos;
    }
    if (rec->http_status < 200 || rec->http_status >= 300) return PRECIS_OK;
    const char *ct = w->http_ctype;
    char *b = s + body;
    size_t blen = len - body;
    if (ct[0] && !strstr(ct, "html") && !strstr(ct, "HTML")) return PRECIS_OK;
    if (!ct[0] && !(blen && memchr(b, '<', blen < 512 ? blen : 512))) return PRECIS_OK;
    if (chunked) dechunk(b, blen, &blen); /* left as is when malformed */
    if (strncasecmp(encoding, "gzip", 4) == 0 || strncasecmp(encoding, "deflate", 7) == 0 ||
        strncasecmp(encoding, "x-gzip", 6) == 0) {
        precis_status st = inflate_into(b, blen, w->max_record, &w->payload);
        if (st) return st;
        rec->payload = w->payload.data;
        rec->payload_len = w->payload.len;
    } else {
        rec->payload = b;
        rec->payload_len = blen;
    }
    rec->content_type = ct[0] ? ct : NULL;
    *is_html = true;
    return PRECIS_OK;
}

/* True once the data has ended because the source failed (a read error, or
 * gzip data corrupt or cut inside a member); the bytes before it, which may
 * still be in the head (a short input the caller's sniff read to its end),
 * are read first. */
static bool broken(const ph_warc *w) { return w->eof && w->in->io_error; }

/* The source failed: named with the record it broke in, as a line is named in JSON
 * Lines. EIO: nothing after it can be read. */
static precis_status source_failed(ph_warc *w, size_t record, pc_error *err)
{
    char why[160];
    pc_source_why(w->in, why, sizeof why);
    if (record == w->index && w->uri[0])
        return pc_fail(err, PRECIS_EIO, w->name, 0, "record %zu (%s): %s", record, w->uri, why);
    return pc_fail(err, PRECIS_EIO, w->name, 0, "record %zu: %s", record, why);
}

precis_status ph_warc_next(ph_warc *w, ph_warc_record *rec, pc_error *err)
{
    char line[8192];
    size_t len;
    for (;;) {
        memset(rec, 0, sizeof *rec);
        /* find the version line, skipping blank lines between records */
        bool found = false, junk = false;
        while (read_line(w, line, sizeof line, &len)) {
            if (len == 0) continue;
            if (strncmp(line, "WARC/", 5) == 0) {
                found = true;
                break;
            }
            junk = true; /* resynchronising after a bad record */
        }
        if (!found) {
            if (broken(w)) return source_failed(w, w->index + 1, err);
            if (junk && w->index == 0)
                return pc_fail(err, PRECIS_EPARSE, w->name, 0, "not a WARC file");
            return PRECIS_EEMPTY;
        }
        w->index++;
        rec->index = w->index;
        long long content_length = -1;
        bool response = false, http = false;
        size_t header_bytes = 0;
        w->uri[0] = '\0';
        while (read_line(w, line, sizeof line, &len) && len > 0) {
            header_bytes += len;
            if (header_bytes > WARC_MAX_HEADER)
                return pc_fail(err, PRECIS_EPARSE, w->name, 0, "record %zu: header too long", w->index);
            const char *v;
            if ((v = header_value(line, "Content-Length"))) {
                char *end;
                errno = 0;
                long long n = strtoll(v, &end, 10);
                if (end != v && !errno && n >= 0) content_length = n;
            } else if ((v = header_value(line, "Content-Type"))) {
                http = strncasecmp(v, "application/http", 16) == 0;
            } else if ((v = header_value(line, "WARC-Type"))) {
                response = strncmp(v, "response", 8) == 0;
            } else if ((v = header_value(line, "WARC-Target-URI"))) {
                if (*v == '<') v++; /* WARC 1.0 drafts wrote <uri> */
                pc_snprintf(w->uri, sizeof w->uri, "%s", v);
                size_t n = strlen(w->uri);
                if (n && w->uri[n - 1] == '>') w->uri[n - 1] = '\0';
            }
        }
        if (broken(w)) return source_failed(w, w->index, err);
        if (content_length < 0)
            return pc_fail(err, PRECIS_EPARSE, w->name, 0, "record %zu: no valid Content-Length",
                           w->index);
        if (!response || !http) { /* requests, metadata, dns: records, ... */
            if (!skip_bytes(w, (uint64_t)content_length))
                return broken(w) ? source_failed(w, w->index, err) : pc_fail(err, PRECIS_EPARSE, w->name, 0, "record %zu: truncated", w->index);
            continue;
        }
        if ((unsigned long long)content_length > w->max_record) {
            bool ok = skip_bytes(w, (uint64_t)content_length);
            if (broken(w)) return source_failed(w, w->index, err);
            return pc_fail(err, ok ? PRECIS_ELIMIT : PRECIS_EPARSE, w->name, 0,
                           "record %zu (%s): %lld bytes, over the %zu-byte limit%s", w->index,
                           w->uri, content_length, w->max_record, ok ? "" : "; file truncated");
        }
        precis_status st = read_block(w, (size_t)content_length, &w->record);
        if (st == PRECIS_EPARSE && broken(w)) return source_failed(w, w->index, err);
        if (st == PRECIS_EPARSE)
            return pc_fail(err, st, w->name, 0, "record %zu (%s): truncated", w->index, w->uri);
        if (st) return pc_fail(err, st, w->name, 0, "record %zu: %s", w->index, precis_strerror(st));
        bool is_html;
        st = parse_http(w, rec, &is_html);
        if (st)
            return pc_fail(err, st, w->name, 0, "record %zu (%s): %s", w->index, w->uri,
                           st == PRECIS_EPARSE ? "malformed HTTP response" : precis_strerror(st));
        if (!is_html) continue;
        rec->target_uri = w->uri[0] ? w->uri : NULL;
        return PRECIS_OK;
    }
}
