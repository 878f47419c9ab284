/* Fuzz target: precis_story_build and precis_story_render (src/story). The
 * input is split on form feeds into articles; the first line of each is its
 * date (any text: the date parser must cope), the rest its text. The story
 * JSON must render; the input itself is also fed to the renderer as JSON.
 * An input whose size is a multiple of 3 caps the story at 2 reports, so that
 * copies of unanalysed reports and "analysed": false are reached. */
#include "precis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARTS 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_ctx *ctx = precis_new(NULL);
    if (!ctx) return 0;
    char *buf = malloc(size + 1);
    if (!buf) {
        precis_free(ctx);
        return 0;
    }
    memcpy(buf, data, size);
    buf[size] = 0;
    char *out = NULL, *txt = NULL;
    size_t len = 0, tl = 0;
    /* the renderer on arbitrary bytes: a parse error or a briefing, never a crash */
    if (precis_story_render(buf, size, PRECIS_STORY_TEXT, 1, &txt, &tl) == PRECIS_OK) precis_text_free(txt);
    precis_article a[MAX_ARTS];
    char ids[MAX_ARTS][8];
    size_t n = 0;
    char *p = buf, *end = buf + size;
    while (p < end && n < MAX_ARTS) {
        char *ff = memchr(p, '\f', (size_t)(end - p));
        char *stop = ff ? ff : end;
        *stop = 0;
        char *nl = memchr(p, '\n', (size_t)(stop - p));
        memset(&a[n], 0, sizeof a[n]);
        snprintf(ids[n], sizeof ids[n], "a%zu", n);
        a[n].id = ids[n];
        if (nl) {
            *nl = 0;
            a[n].date = p;
            a[n].title = n % 2 ? p : NULL;
            a[n].text = nl + 1;
        } else {
            a[n].text = p;
        }
        a[n].text_len = strlen(a[n].text);
        n++;
        p = stop + 1;
    }
    precis_story_options so = {0};
    so.max_reports = size % 3 == 0 ? 2 : 0;
    if (precis_story_build(ctx, "fuzz", a, n, &so, &out, &len) == PRECIS_OK) {
        if (!out || strlen(out) != len) abort();
        const char *ar = strstr(out, "\"analysed_reports\":");
        if (!ar || (so.max_reports && strtoul(ar + 19, NULL, 10) > so.max_reports)) abort();
        if (precis_story_render(out, len, PRECIS_STORY_MARKDOWN, 0, &txt, &tl) != PRECIS_OK) abort();
        precis_text_free(txt);
        precis_text_free(out);
    }
    free(buf);
    precis_free(ctx);
    return 0;
}
