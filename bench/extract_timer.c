/* bench/extract_timer.c — bench-only driver: extracts each page given on the
 * command line with libprecis, timing each one (read + gunzip + decode + parse
 * + extract), and prints one JSON line per page: {"file","ms","text"}.
 * Built by bench/extract.sh; never part of the library or the tests. */
#include "precis.h"
#include "core/core.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_extract_options o = {0};
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--all-text") == 0) {
        o.all_text = 1;
        first = 2;
    }
    pc_buf line;
    pc_buf_init(&line, 0);
    for (int i = first; i < argc; i++) {
        double t0 = now_ms();
        precis_doc *doc = NULL;
        precis_extract_file(ctx, argv[i], &o, &doc);
        double ms = now_ms() - t0;
        size_t len = 0;
        const char *text = doc ? precis_doc_text(doc, &len) : "";
        line.len = 0;
        pc_buf_puts(&line, "{\"file\":");
        pc_json_string(&line, argv[i], strlen(argv[i]));
        pc_buf_printf(&line, ",\"ms\":%.4f,\"text\":", ms);
        pc_json_string(&line, text, len);
        pc_buf_puts(&line, "}\n");
        fwrite(line.data, 1, line.len, stdout);
        precis_doc_free(doc);
    }
    pc_buf_free(&line);
    precis_free(ctx);
    return 0;
}
