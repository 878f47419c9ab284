/* Fuzz target: the plain-text cleaner on arbitrary bytes, alone and with a
 * corpus learned from the same input split in three. Checks the invariants
 * the rest of precis relies on: valid UTF-8 out, every line accounted for. */
#include "fuzz_text.h"
#include "clean/clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_buf text;
    const char *s = fuzz_utf8_text(data, size, &text);
    if (!s) return 0;
    pcl_options o;
    pcl_options_init(&o);
    o.max_line_bytes = 1 << 16;
    pcl_corpus *c = pcl_corpus_new();
    if (c) {
        size_t third = text.len / 3;
        pcl_corpus_add(c, s, third);
        pcl_corpus_add(c, s + third, third);
        pcl_corpus_add(c, s + 2 * third, text.len - 2 * third);
    }
    for (int pass = 0; pass < 2; pass++) {
        o.corpus = pass ? c : NULL;
        pt_article a;
        pt_article_init(&a);
        pcl_line *lines = NULL;
        size_t n = 0;
        precis_status st = pcl_clean_lines(s, text.len, &o, &a, &lines, &n, NULL);
        if (st == PRECIS_OK || st == PRECIS_EEMPTY) {
            if (!a.text || !pc_utf8_valid(a.text, a.text_len)) abort();
            if (a.text_len > text.len + n) abort(); /* joins add at most a separator a line */
            size_t kept = 0;
            for (size_t i = 0; i < n; i++) {
                if (lines[i].start + lines[i].len > text.len) abort();
                if (lines[i].kept) kept++;
                if (!lines[i].kept && !lines[i].reason) abort();
            }
            if ((st == PRECIS_OK) != (kept > 0)) abort();
            if (a.title && !pc_utf8_valid(a.title, strlen(a.title))) abort();
            pc_buf json;
            pc_buf_init(&json, 0);
            if (pt_article_json(&a, true, &json) != PRECIS_OK) abort();
            pc_buf_free(&json);
        }
        free(lines);
        pt_article_free(&a);
    }
    pcl_corpus_free(c);
    pc_buf_free(&text);
    return 0;
}
