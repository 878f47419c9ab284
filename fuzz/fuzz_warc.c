/* Fuzz target: the WARC reader — record headers, lengths, resynchronisation,
 * HTTP envelopes, chunked and gzip payloads. */
#include "html/html.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ph_warc *w;
    if (ph_warc_open_mem((const char *)data, size, "fuzz.warc", 1 << 20, &w)) return 0;
    ph_warc_record r;
    pc_error err;
    for (int i = 0; i < 10000; i++) {
        precis_status st = ph_warc_next(w, &r, &err);
        if (st == PRECIS_EEMPTY || st == PRECIS_EIO) break;
        if (st == PRECIS_OK && r.payload_len && !r.payload) abort();
    }
    ph_warc_close(w);
    return 0;
}
