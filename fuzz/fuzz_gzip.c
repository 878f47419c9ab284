/* Fuzz target: whole-buffer gunzip of file contents (src/core/io.c pc_gunzip,
 * libdeflate): several members, the cap on the inflated size, corrupt and
 * truncated data. The cap is small so that bombs stop early. */
#include "core/core.h"

#include <stdlib.h>

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
    pc_buf_free(&out);
    return 0;
}
