/* Fuzz target: the text reader path — decoding (UTF-16, Windows-1252), UTF-8
 * repair and line iteration; and the file reader (pc_read_input on the input
 * written to a scratch file), whose hand-over of clean UTF-8 must give what
 * pc_text_decode gives. */
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char scratch[64];

static void scratch_remove(void) { unlink(scratch); }

/* pc_read_input of the bytes, compared with their pc_text_decode (dec) */
static void check_file_read(const uint8_t *data, size_t size, const pc_buf *dec, precis_status dec_st,
                            size_t bad)
{
    static int fd = -1;
    if (fd < 0) {
        const char *tmp = getenv("TMPDIR");
        snprintf(scratch, sizeof scratch, "%s/fuzz_text.XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
        if ((fd = mkstemp(scratch)) < 0) return;
        atexit(scratch_remove);
    }
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) return; /* gunzipped first: not comparable */
    if (ftruncate(fd, 0) || (size && pwrite(fd, data, size, 0) != (ssize_t)size)) return;
    pc_buf got;
    pc_buf_init(&got, 0);
    pc_error err;
    pc_error_clear(&err);
    precis_status st = pc_read_input(scratch, 0, &got, &err);
    if (st == PRECIS_OK) {
        if (dec_st != PRECIS_OK || got.len != dec->len || !got.data || got.data[got.len] != '\0') abort();
        if (got.len && memcmp(got.data, dec->data, got.len)) abort();
    } else if (st != PRECIS_EPARSE || dec_st != PRECIS_OK ||
               !pc_text_binary(bad, pc_text_nul((const char *)data, size), size)) {
        /* "binary data, not text" is the one refusal, NUL bytes counted as the
         * reader counts them (pc_text_decode drops them uncounted: 84 NULs in
         * 116 bytes were refused by the reader, rightly, and taken here for a
         * disagreement) */
        abort();
    }
    pc_buf_free(&got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_buf out;
    pc_buf_init(&out, 0);
    if (pc_utf8_repair(&out, (const char *)data, size, NULL) == PRECIS_OK) {
        if (!pc_utf8_valid(out.data, out.len)) abort();
        pc_line_iter it;
        pc_lines_init(&it, out.data, out.len);
        const char *line;
        size_t len, total = 0;
        while (pc_lines_next(&it, &line, &len)) total += len;
        if (total > out.len) abort();
        pc_buf json;
        pc_buf_init(&json, 0);
        pc_json_string(&json, out.data, out.len);
        pc_buf_free(&json);
    }
    pc_buf_free(&out);
    pc_buf_init(&out, 0); /* the pasted-file decoder must also give valid, NUL-free UTF-8 */
    size_t bad = 0;
    precis_status st = pc_text_decode(&out, (const char *)data, size, &bad);
    if (st == PRECIS_OK) {
        if (!pc_utf8_valid(out.data, out.len) || (out.len && memchr(out.data, 0, out.len))) abort();
    }
    /* what the readers take as it is (pc_text_unchanged) must be what decoding gives */
    if (pc_text_unchanged((const char *)data, size) &&
        (st != PRECIS_OK || out.len != size || (size && memcmp(out.data, data, size))))
        abort();
    check_file_read(data, size, &out, st, bad);
    pc_buf_free(&out);
    return 0;
}
