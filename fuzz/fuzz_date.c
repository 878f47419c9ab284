/* Fuzz target: the date parser on arbitrary bytes (find, dateline, ISO output,
 * the field normaliser). */
#include "text/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    pt_date d;
    char iso[64];
    int default_year = size ? 1900 + data[0] % 200 : 0;
    if (pt_date_find(s, size, default_year, &d)) {
        if (d.start >= d.end || d.end > size) abort();
        if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31) abort();
        /* an impossible time is marked within the input, and never given as a time */
        if (d.bad_time && (d.bad_start >= d.bad_end || d.bad_end > size || d.hour >= 0)) abort();
        if (d.hour > 23 || d.minute > 59 || d.second > 60) abort();
        size_t n = pt_date_iso(&d, iso, sizeof iso);
        if (n >= sizeof iso) abort();
    }
    if (pt_date_is_dateline(s, size, &d)) {
        if (d.end > size) abort();
        pt_date_iso(&d, iso, 8); /* small buffer: must truncate safely */
    }
    /* pt_date_normalise: the whole ISO form or "", in a buffer of any size;
     * a full date it wrote reads back as itself */
    size_t n = pt_date_normalise(size ? s : NULL, size, iso, sizeof iso);
    if (n >= sizeof iso || strlen(iso) != n) abort();
    size_t cap = size ? data[size - 1] % 24 : 0;
    char *small = malloc(cap ? cap : 1);
    if (!small) return 0;
    size_t m = pt_date_normalise(size ? s : NULL, size, small, cap);
    if (cap && (strlen(small) != m || (m && (m != n || memcmp(small, iso, n))))) abort();
    if (cap && !m && n && n + 1 <= cap) abort();
    free(small);
    if (n >= 10) {
        char again[64];
        size_t k = pt_date_normalise(iso, n, again, sizeof again);
        if (k != n || memcmp(again, iso, n)) abort();
    }
    return 0;
}
