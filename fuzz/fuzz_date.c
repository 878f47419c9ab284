/* Fuzz target: the date parser on arbitrary bytes (find, dateline, ISO output). */
#include "text/date.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    pt_date d;
    char iso[64];
    int default_year = size ? 1900 + data[0] % 200 : 0;
    if (pt_date_find(s, size, default_year, &d)) {
        if (d.start >= d.end || d.end > size) abort();
        if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31) abort();
        size_t n = pt_date_iso(&d, iso, sizeof iso);
        if (n >= sizeof iso) abort();
    }
    if (pt_date_is_dateline(s, size, &d)) {
        if (d.end > size) abort();
        pt_date_iso(&d, iso, 8); /* small buffer: must truncate safely */
    }
    return 0;
}
