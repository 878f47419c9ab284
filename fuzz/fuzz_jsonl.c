/* Fuzz target: precis eval rouge's JSONL reader (--refs / --summaries), then a
 * run and every output format over whatever it accepted. The input is used
 * twice: as the references and as one system's summaries. */
#include "rouge/rouge.h"

#include <stdlib.h>

static void quiet(void *user, const char *msg)
{
    (void)user;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_buf in;
    pc_buf_init(&in, 0);
    if (pc_utf8_repair(&in, (const char *)data, size, NULL) != PRECIS_OK || !in.data) {
        pc_buf_free(&in);
        return 0;
    }
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.max_n = 2;
    o.skip_bigrams = 1;
    o.skip_gap = 4;
    o.skip_unigrams = 1;
    o.resamples = 20;
    o.max_summary_bytes = 1 << 16;
    precis_rouge *r = NULL;
    if (precis_rouge_new(&o, &r) == PRECIS_OK) {
        precis_rouge_on_warning(r, quiet, NULL);
        pr_load_jsonl_buffer(r, "refs", in.data, in.len, NULL);
        pr_load_jsonl_buffer(r, "sums", in.data, in.len, "sys");
        if (precis_rouge_run(r) == PRECIS_OK) {
            for (int f = PRECIS_ROUGE_TEXT; f <= PRECIS_ROUGE_TSV; f++) {
                char *out = NULL;
                size_t len = 0;
                if (precis_rouge_format_results(r, (precis_rouge_format)f, 1, &out, &len) == PRECIS_OK &&
                    !pc_utf8_valid(out, len))
                    abort();
                precis_text_free(out);
            }
        }
    }
    precis_rouge_free(r);
    pc_buf_free(&in);
    return 0;
}
