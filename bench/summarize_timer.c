/* bench/summarize_timer.c — bench-only driver: for each cluster directory on
 * the command line, reads its files and summarizes them with libprecis
 * (100 words, as `precis summarize` does), timing read + summarize per
 * cluster without process start. Prints one line per cluster
 * ("<dir> <wall ms> <cpu ms>") and the median and total of both. CPU time
 * (CLOCK_PROCESS_CPUTIME_ID) is the figure to trust on a shared machine.
 * "--compress" first: with sentence compression.
 * Built by bench/summarize.sh; never part of the library or the tests. */
#include "precis.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double ms_of(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Adds every regular file of dir, in sorted order; returns how many. */
static int add_dir(precis_ctx *ctx, precis_cluster *c, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    char *names[4096];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 4096)
        if (e->d_name[0] != '.') names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    int added = 0;
    for (int i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        if (f) {
            static char buf[8 << 20];
            size_t len = fread(buf, 1, sizeof buf, f);
            fclose(f);
            if (precis_cluster_add(ctx, c, names[i], buf, len) == PRECIS_OK) added++;
        }
        free(names[i]);
    }
    return added;
}

int main(int argc, char **argv)
{
    precis_ctx *ctx = precis_new(NULL);
    if (!ctx || argc < 2) {
        fprintf(stderr, "usage: summarize_timer DIR...\n");
        return 1;
    }
    precis_summary_options o = {100, 0, 0, 0};
    if (argc > 2 && strcmp(argv[1], "--compress") == 0) {
        o.compress = 1;
        argv++;
        argc--;
    }
    double *wall = calloc((size_t)argc, sizeof *wall), *cpu = calloc((size_t)argc, sizeof *cpu);
    double tw = 0, tc = 0;
    for (int i = 1; i < argc; i++) {
        double w0 = ms_of(CLOCK_MONOTONIC), c0 = ms_of(CLOCK_PROCESS_CPUTIME_ID);
        precis_cluster *c = NULL;
        precis_summary *s = NULL;
        if (precis_cluster_new(ctx, argv[i], &c) || add_dir(ctx, c, argv[i]) <= 0 ||
            precis_summarize(ctx, c, &o, &s) || !precis_summary_count(s)) {
            fprintf(stderr, "summarize_timer: %s: %s\n", argv[i], precis_errmsg(ctx));
            return 1;
        }
        precis_summary_free(s);
        precis_cluster_free(c);
        wall[i - 1] = ms_of(CLOCK_MONOTONIC) - w0;
        cpu[i - 1] = ms_of(CLOCK_PROCESS_CPUTIME_ID) - c0;
        tw += wall[i - 1];
        tc += cpu[i - 1];
        printf("%s %.3f %.3f\n", argv[i], wall[i - 1], cpu[i - 1]);
    }
    size_t n = (size_t)argc - 1;
    qsort(wall, n, sizeof *wall, cmp_double);
    qsort(cpu, n, sizeof *cpu, cmp_double);
    printf("clusters %zu: median %.3f ms wall, %.3f ms cpu; total %.1f ms wall, %.1f ms cpu\n", n,
           n % 2 ? wall[n / 2] : (wall[n / 2 - 1] + wall[n / 2]) / 2,
           n % 2 ? cpu[n / 2] : (cpu[n / 2 - 1] + cpu[n / 2]) / 2, tw, tc);
    free(wall);
    free(cpu);
    precis_free(ctx);
    return 0;
}
