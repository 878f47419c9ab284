/* Helper of the sentence-splitter tests (test_text.c, test_sentences_quotes.c). */
#ifndef PRECIS_TEST_COLLAPSE_CHECK_H
#define PRECIS_TEST_COLLAPSE_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Appends text[start, end) to out at *o with each run of whitespace written as
 * one space, stopping short of cap; out stays NUL-terminated. */
static inline void append_collapsed(char *out, size_t cap, size_t *o, const char *text, uint32_t start, uint32_t end)
{
    bool space = false;
    for (uint32_t k = start; k < end && *o + 2 < cap; k++) {
        char c = text[k];
        if (c == ' ' || c == '\n' || c == '\t') {
            space = true;
            continue;
        }
        if (space) out[(*o)++] = ' ';
        space = false;
        out[(*o)++] = c;
    }
    out[*o] = '\0';
}
#endif
