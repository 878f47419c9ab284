/* Fuzz target: whole-buffer gunzip of file contents (src/core/io.c pc_gunzip,
 * libdeflate): several members, the cap on the inflated size, corrupt and
 * truncated data. The cap is small so that bombs stop early. The same bytes
 * are then read as a stream (pc_source_fd, zlib's inflate, as the story
 * reader reads a file or a pipe) in small reads: where both read the data
 * whole, they must give the same bytes. */
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CAP (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_buf out;
    pc_buf_init(&out, 0);
    pc_error err;
    pc_error_clear(&err);
    precis_status st = pc_gunzip(data, size, CAP, &out, "<fuzz>", &err);
    if (out.len > CAP) abort();
    if (st == PRECIS_OK && out.len && out.data[out.len] != '\0') abort();
    if (st != PRECIS_OK && st != PRECIS_EPARSE && st != PRECIS_ELIMIT && st != PRECIS_ENOMEM) abort();
    FILE *f = tmpfile();
    if (f && fwrite(data, 1, size, f) == size && fflush(f) == 0) {
        rewind(f);
        pc_source src = {0};
        int fd = dup(fileno(f));
        if (fd >= 0 && !pc_source_fd(&src, fd)) {
            pc_buf got;
            pc_buf_init(&got, 0);
            char chunk[777]; /* reads that end inside members and lines */
            size_t k;
            while (got.len <= CAP && (k = pc_source_read(&src, chunk, sizeof chunk)) != 0)
                if (pc_buf_append(&got, chunk, k)) break;
            bool whole = !src.io_error && got.len <= CAP && pc_source_gzip(&src);
            if (st == PRECIS_OK && whole && (got.len != out.len || (got.len && memcmp(got.data, out.data, got.len))))
                abort();
            pc_source_close(&src);
            pc_buf_free(&got);
        }
    }
    if (f) fclose(f);
    pc_buf_free(&out);
    return 0;
}
