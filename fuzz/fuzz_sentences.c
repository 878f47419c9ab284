/* Fuzz target: the sentence splitter and word tokenizer. Checks that spans
 * are ordered, inside the text, non-empty, and that words stay inside them. */
#include "fuzz_text.h"
#include "core/core.h"
#include "text/text.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 20)) return 0;
    pc_buf text;
    const char *s = fuzz_utf8_text(data, size, &text);
    if (!s) return 0;
    pt_sentences out = {0};
    if (pt_split_sentences(s, text.len, &out) == PRECIS_OK) {
        uint32_t prev_end = 0;
        for (size_t i = 0; i < out.n; i++) {
            const pt_sentence *x = &out.v[i];
            if (x->start >= x->end || x->end > text.len || x->start < prev_end) abort();
            prev_end = x->end;
            size_t pos = x->start, b, e;
            while (pt_next_word(s, x->end, &pos, &b, &e)) {
                if (b < x->start || e > x->end || b >= e) abort();
                char norm[PT_WORD_MAX + 1];
                size_t n = pt_normalize(s + b, e - b, norm);
                if (n > PT_WORD_MAX || norm[n] != '\0') abort();
            }
        }
    }
    pt_sentences_free(&out);
    pt_dateline_len(s, text.len);
    pc_buf_free(&text);
    return 0;
}
