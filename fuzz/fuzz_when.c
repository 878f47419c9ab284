/* Fuzz target: the sentence-level expression parsers of the story build,
 * which fuzz_story reaches only through a whole story — time references
 * (pst_find_when: weekdays, "last week", "two days ago", "in April",
 * absolute dates resolved against a publication date) and quantities
 * (pst_find_quantities: digits, number words, units, money, percents).
 *
 * Input: byte 0 picks the publication date's shape (none, no year, or a
 * full date whose year ranges over 0..9999 — absurd dates reach the
 * calendar arithmetic as outside input does), bytes 1-3 its year, month and
 * day; the rest, repaired to UTF-8, is the sentence. Checks what callers
 * rely on: spans inside the sentence and in text order, a range that is
 * not reversed, an ISO form that fits its buffer, quantities of a known
 * kind with NUL-terminated words and a value that is a number. */
#include "fuzz_text.h"
#include "story/story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FOUND 32

static pt_lang *LANG;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!LANG && pt_lang_open("en", &LANG, NULL) != PRECIS_OK) abort();
    if (size < 4) return 0;
    pt_date pub = {.hour = -1, .minute = -1, .second = -1, .weekday = -1};
    bool have_pub = data[0] % 3 != 0;
    if (have_pub) {
        pub.year = data[0] % 3 == 1 ? 0 : (int)((data[0] >> 2) * 256u + data[1]) % 10000;
        pub.month = 1 + data[2] % 12;
        pub.day = 1 + data[3] % 28;
        if (data[0] & 0x80 && pub.year) pub.year = 1900 + data[1] % 200; /* mostly believable */
    }
    pc_buf text;
    const char *s = fuzz_utf8_text(data + 4, size - 4, &text);
    if (!s) return 0;
    size_t n = text.len;

    pst_when w[MAX_FOUND];
    size_t nw = pst_find_when(s, n, have_pub ? &pub : NULL, w, MAX_FOUND);
    if (nw > MAX_FOUND) abort();
    for (size_t i = 0; i < nw; i++) {
        if (w[i].start >= w[i].end || w[i].end > n) abort();
        if (i && w[i].start < w[i - 1].start) abort(); /* text order */
        if (w[i].first_day > w[i].last_day) abort();
        if ((unsigned)w[i].precision > PST_YEAR) abort();
        if (w[i].weekday < -1 || w[i].weekday > 6) abort();
        if (w[i].relative && !have_pub) abort(); /* nothing to resolve it against */
        char iso[48];
        size_t len = pst_when_iso(&w[i], iso, sizeof iso);
        if (len >= sizeof iso || strlen(iso) != len) abort();
        char small[6];
        if (pst_when_iso(&w[i], small, sizeof small) >= sizeof small) abort(); /* truncates safely */
    }

    pst_quantity q[MAX_FOUND];
    size_t nq = pst_find_quantities(LANG, s, 0, n, w, nw, q, MAX_FOUND);
    if (nq > MAX_FOUND) abort();
    for (size_t i = 0; i < nq; i++) {
        if (q[i].start >= q[i].end || q[i].end > n) abort();
        if (i && q[i].start < q[i - 1].end) abort(); /* in order, not overlapping */
        if ((unsigned)q[i].kind > PST_Q_MONEY) abort();
        if (!isfinite(q[i].value) || q[i].value < 0) abort(); /* a figure, not an overflow */
        if (!memchr(q[i].unit, 0, sizeof q[i].unit) || !memchr(q[i].word, 0, sizeof q[i].word)) abort();
        /* a time reference is never also a figure */
        for (size_t j = 0; j < nw; j++)
            if (q[i].start < w[j].end && w[j].start < q[i].end) abort();
    }
    /* a window of the text, as the story build calls it per sentence */
    if (n > 2) pst_find_quantities(LANG, s, 1, n - 1, NULL, 0, q, 4);
    pc_buf_free(&text);
    return 0;
}
