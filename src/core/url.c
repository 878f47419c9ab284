/* url.c — the host of a URL, one rule for every reader (HTML metadata, feeds,
 * the story's date-order key). Before, three helpers each had their own:
 * src/html/meta.c took "://" anywhere in the string, kept "user@" and the
 * host's case and left a bare "www." as an empty host; src/html/feed.c kept
 * "user@" and stripped "www." case-sensitively; src/story/build.c read a
 * string without a scheme as a bare host. */
#include "core/core.h"

#include <strings.h>

static bool scheme_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

const char *pc_url_host(const char *s, bool bare_ok, size_t *n)
{
    *n = 0;
    if (!s) return NULL;
    const char *h = NULL;
    size_t k = 0;
    while (k < 32 && scheme_char((unsigned char)s[k])) k++;
    if (k && (s[0] | 32) >= 'a' && (s[0] | 32) <= 'z' && !strncmp(s + k, "://", 3)) h = s + k + 3;
    else if (!strncmp(s, "//", 2)) h = s + 2; /* protocol-relative */
    else if (bare_ok) h = s;
    if (!h) return NULL;
    /* "user:pass@host": the host is after the last '@' of the authority */
    size_t auth = strcspn(h, "/?#");
    for (size_t i = auth; i-- > 0;)
        if (h[i] == '@') {
            h += i + 1;
            break;
        }
    size_t len;
    if (h[0] == '[') { /* an IPv6 literal, brackets kept */
        const char *close = memchr(h, ']', strcspn(h, "/?#"));
        len = close ? (size_t)(close - h) + 1 : 0;
    } else {
        len = strcspn(h, "/?#: \t\r\n");
    }
    while (len && h[len - 1] == '.') len--; /* "example.org." */
    if (len > 4 && !strncasecmp(h, "www.", 4)) h += 4, len -= 4;
    if (!len) return NULL;
    *n = len;
    return h;
}

size_t pc_url_host_copy(const char *url, char *out, size_t cap)
{
    size_t n;
    const char *h = pc_url_host(url, false, &n);
    if (!cap) return 0;
    out[0] = '\0';
    if (!h || n >= cap) return 0;
    for (size_t i = 0; i < n; i++) out[i] = (char)((h[i] >= 'A' && h[i] <= 'Z') ? h[i] + 32 : h[i]);
    out[n] = '\0';
    return n;
}
