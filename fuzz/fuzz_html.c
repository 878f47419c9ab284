/* Fuzz target: the HTML path — encoding detection, gumbo parsing, block
 * segmentation, extraction and metadata (JSON-LD included). An odd-sized
 * input is extracted under a 300-byte article limit in its all-text pass, so
 * that the page-text cap before parsing is reached. */
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int all = 0; all < 2; all++) {
        pt_article a;
        pt_article_init(&a);
        ph_options o = {0};
        o.all_text = all;
        o.url = "https://fuzz.example/2020/01/02/x";
        o.max_article = all && (size & 1) ? 300 : 0;
        precis_status st = ph_extract((const char *)data, size, &o, &a, NULL);
        if (st == PRECIS_OK && (!a.text || !pc_utf8_valid(a.text, a.text_len))) abort();
        if (st == PRECIS_OK && o.max_article && a.text_len > o.max_article) abort();
        if (a.title && !pc_utf8_valid(a.title, strlen(a.title))) abort();
        pc_buf json;
        pc_buf_init(&json, 0);
        pt_article_json(&a, false, &json);
        pc_buf_free(&json);
        pt_article_free(&a);
    }
    return 0;
}
