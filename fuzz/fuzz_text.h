/* Shared by the fuzz targets that take text: the input repaired to valid
 * UTF-8, as every reader of outside text in precis hands it on. */
#ifndef PRECIS_FUZZ_TEXT_H
#define PRECIS_FUZZ_TEXT_H

#include "core/core.h"

#include <stdint.h>

/* Fills *text (initialised here; the caller frees it) and returns its bytes,
 * "" when empty, or NULL when the repair failed (text already freed). */
static inline const char *fuzz_utf8_text(const uint8_t *data, size_t size, pc_buf *text)
{
    pc_buf_init(text, 0);
    if (pc_utf8_repair(text, (const char *)data, size, NULL) != PRECIS_OK) {
        pc_buf_free(text);
        return NULL;
    }
    return text->data ? text->data : "";
}

#endif
