/* bench/feed_timer.c — bench-only driver: reads each input given with
 * precis_articles_read (sniffed: a feed, JSON Lines...) with a callback that
 * only counts, and prints "articles bytes seconds" per input. Built by
 * bench/feed.sh; never part of the library or the tests. */
#include "precis.h"

#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

static precis_status count(void *user, const precis_article *a)
{
    size_t *n = user;
    n[0]++;
    n[1] += a->text_len;
    return PRECIS_OK;
}

int main(int argc, char **argv)
{
    precis_ctx *ctx = precis_new(NULL);
    for (int i = 1; i < argc; i++) {
        size_t n[2] = {0, 0};
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        precis_status st = precis_articles_read(ctx, argv[i], count, NULL, n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        struct stat sb;
        stat(argv[i], &sb);
        double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        printf("%s %zu %lld %.3f %zu %d\n", argv[i], n[0], (long long)sb.st_size, s, n[1], (int)st);
    }
    precis_free(ctx);
    return 0;
}
