/* Fuzz target: the text reader path — decoding (UTF-16, Windows-1252), UTF-8
 * repair and line iteration. */
#include "core/core.h"

#include <stdlib.h>
#include <string.h>

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
    if (pc_text_decode(&out, (const char *)data, size, NULL) == PRECIS_OK) {
        if (!pc_utf8_valid(out.data, out.len) || (out.len && memchr(out.data, 0, out.len))) abort();
    }
    pc_buf_free(&out);
    return 0;
}
