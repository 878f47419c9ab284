/* Fuzz target: the WARC reader — record headers, lengths, resynchronisation,
 * HTTP envelopes, chunked and gzip payloads. The bytes are read from memory,
 * then from a file through pc_source_fd (as the story reader streams a file
 * or a pipe: gzip members inflated in turn, the sniffed head handed over
 * first), in reads of what has come. Where the stream reads whole, it must
 * give the records memory gives for the same bytes (inflated first when they
 * are gzip). */
#include "html/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CAP (1u << 20)
#define MAX_RECORDS 10000

typedef struct seen {
    precis_status st[64];
    size_t len[64], index[64];
    unsigned long long sum[64];
    size_t n;
} seen;

/* Reads w to its end; what the first 64 calls gave, into s. False when the
 * reader says the input cannot be read further (EIO). */
static bool read_all(ph_warc *w, seen *s)
{
    ph_warc_record r;
    pc_error err;
    s->n = 0;
    for (int i = 0; i < MAX_RECORDS; i++) {
        precis_status st = ph_warc_next(w, &r, &err);
        if (st == PRECIS_EEMPTY) return true;
        if (st == PRECIS_EIO) return false;
        if (st == PRECIS_OK && r.payload_len && !r.payload) abort();
        if (s->n < 64) {
            unsigned long long h = 0;
            for (size_t k = 0; st == PRECIS_OK && k < r.payload_len; k++) h = h * 131 + (unsigned char)r.payload[k];
            s->st[s->n] = st;
            s->len[s->n] = st == PRECIS_OK ? r.payload_len : 0;
            s->index[s->n] = r.index;
            s->sum[s->n++] = h;
        }
    }
    return true;
}

static bool same(const seen *a, const seen *b)
{
    if (a->n != b->n) return false;
    for (size_t i = 0; i < a->n; i++)
        if (a->st[i] != b->st[i] || a->len[i] != b->len[i] || a->index[i] != b->index[i] || a->sum[i] != b->sum[i])
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ph_warc *w;
    if (ph_warc_open_mem((const char *)data, size, "fuzz.warc", CAP, &w)) return 0;
    static seen mem, str;
    bool mem_whole = read_all(w, &mem);
    ph_warc_close(w);

    /* the plain bytes memory read: the data, or its inflated copy */
    pc_buf plain;
    pc_buf_init(&plain, 0);
    pc_error err;
    bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    bool have_plain = !gz || pc_gunzip(data, size, CAP, &plain, "<fuzz>", &err) == PRECIS_OK;
    if (gz && have_plain && !ph_warc_open_mem(plain.data ? plain.data : "", plain.len, "fuzz.warc", CAP, &w)) {
        mem_whole = read_all(w, &mem);
        ph_warc_close(w);
    }

    FILE *f = tmpfile();
    if (f && fwrite(data, 1, size, f) == size && fflush(f) == 0) {
        rewind(f);
        pc_source src = {0};
        int fd = dup(fileno(f));
        if (fd >= 0 && !pc_source_fd(&src, fd)) {
            char head[7]; /* a sniff that ends inside the version line */
            size_t n = pc_source_read(&src, head, sizeof head);
            if (!ph_warc_open_source(&src, head, n, "fuzz.warc", CAP, &w)) {
                bool str_whole = read_all(w, &str);
                if (have_plain && mem_whole && str_whole && !src.io_error && !same(&mem, &str)) abort();
                ph_warc_close(w);
            }
            pc_source_close(&src);
        }
    }
    if (f) fclose(f);
    pc_buf_free(&plain);
    return 0;
}
