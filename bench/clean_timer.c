/* bench/clean_timer.c — bench-only driver for bench/clean.sh: reads every file
 * given on the command line into memory, then cleans them all with pcl_clean
 * (one document at a time, no cross-document learning) and prints the CPU time
 * of the cleaning alone and the throughput in MB/s of input text. Reading and
 * writing are left out: they are what the CLI adds around the cleaner. The
 * best of ROUNDS passes (default 5) is reported, CPU time of this process
 * (CLOCK_PROCESS_CPUTIME_ID), so other load on the machine counts less.
 * Never part of the library or the tests. */
#include "clean/clean.h"
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: clean_timer FILE...\n");
        return 1;
    }
    size_t n = (size_t)argc - 1, total = 0;
    char **text = calloc(n, sizeof *text);
    size_t *len = calloc(n, sizeof *len);
    if (!text || !len) return 4;
    for (size_t i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 1], "rb");
        if (!f) {
            fprintf(stderr, "clean_timer: cannot open %s\n", argv[i + 1]);
            return 2;
        }
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        text[i] = malloc((size_t)(sz > 0 ? sz : 0) + 1);
        len[i] = text[i] ? fread(text[i], 1, (size_t)(sz > 0 ? sz : 0), f) : 0;
        fclose(f);
        total += len[i];
    }
    const char *r = getenv("ROUNDS");
    int rounds = r ? atoi(r) : 5;
    double best = 1e30;
    size_t kept = 0;
    for (int round = 0; round < rounds; round++) {
        double t0 = cpu_s();
        kept = 0;
        for (size_t i = 0; i < n; i++) {
            pt_article a;
            pt_article_init(&a);
            pcl_options o;
            pcl_options_init(&o);
            pc_error err;
            memset(&err, 0, sizeof err);
            pcl_clean(text[i], len[i], &o, &a, &err);
            kept += a.text_len;
            pt_article_free(&a);
        }
        double t = cpu_s() - t0;
        if (t < best) best = t;
    }
    printf("%zu documents, %zu bytes, %zu bytes kept: best of %d rounds %.3f s CPU, %.1f MB/s\n", n,
           total, kept, rounds, best, (double)total / best / 1e6);
    for (size_t i = 0; i < n; i++) free(text[i]);
    free(text);
    free(len);
    return 0;
}
