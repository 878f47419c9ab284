/* Fuzz target: the ROUGE-1.5.5 inputs precis eval rouge reads for scripts —
 * the XML evaluation file, the -z file list (the files they name are not
 * opened here) and the SEE / ISI summary formats. */
#include "rouge/rouge.h"

#include <stdlib.h>
#include <string.h>

static void quiet(void *user, const char *msg)
{
    (void)user;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    precis_rouge *r = NULL;
    if (precis_rouge_new(NULL, &r) == PRECIS_OK) {
        precis_rouge_on_warning(r, quiet, NULL);
        pr_load_config_buffer(r, "cfg", s, size, NULL, NULL, false);
        pr_load_config_buffer(r, "cfg", s, size, NULL, "1", false);
        pr_load_config_buffer(r, "list", s, size, "SEE", NULL, false);
    }
    precis_rouge_free(r);
    static const char *const FORMATS[] = {"SEE", "ISI", "SPL"};
    for (int f = 0; f < 3; f++) {
        pc_buf out;
        pc_buf_init(&out, 0);
        if (pr_markup_to_spl(FORMATS[f], s, size, &out) == PRECIS_OK && out.len > size + 1 && f != 2)
            abort(); /* sentences are pieces of the input, one newline each at most */
        pc_buf_free(&out);
    }
    return 0;
}
