/* tools/choose_dump.c, the chooser generator's driver: one facts row and one
 * summary per candidate setting of an invented cluster, ids matching. The
 * tool is compiled in here (its main renamed) so that it builds with every
 * `make test` and cannot rot between regenerations of choose_table.inc. */
#define main choose_dump_main
#include "../../tools/choose_dump.c"
#undef main

#include "test.h"

#include <stdlib.h>
#include <unistd.h>

static const char *CLUSTER =
    "{\"id\": 7, \"summary\": \"Flood waters rose in Velmora after the river Astel burst its banks.\", "
    "\"documents\": [\"Flood waters rose in the town of Velmora on Friday after the river Astel burst its banks. "
    "Rescue teams moved many families to the school gym in Velmora.\", "
    "\"The river Astel burst its banks near Velmora on Friday, flooding the streets. "
    "Forecasters expect 40 millimetres of rain over the weekend.\", "
    "\"Rescue teams in Velmora moved families to the school gym after the river Astel burst its banks.\"]}\n";

static char *slurp(FILE *f)
{
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    char *buf = calloc(1, (size_t)len + 1);
    CHECK(fread(buf, 1, (size_t)len, f) == (size_t)len);
    return buf;
}

TEST(one_row_and_summary_per_candidate)
{
    char in[] = "/tmp/test_choose_dump_XXXXXX", sums[] = "/tmp/test_choose_dump_s_XXXXXX";
    int fd = mkstemp(in), fs = mkstemp(sums);
    CHECK(fd >= 0 && fs >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(CLUSTER, f);
    fclose(f);
    close(fs);
    char *argv[] = {"choose_dump", in, "20", sums};
    fflush(stdout);
    FILE *out = tmpfile();
    int saved = dup(1);
    dup2(fileno(out), 1);
    int rc = choose_dump_main(4, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    CHECK(rc == 0);
    CHECK(ps_choose_dev_hook == NULL);
    char *rows = slurp(out);
    fclose(out);
    int n = 0;
    for (char *line = strtok(rows, "\n"); line; line = strtok(NULL, "\n"), n++) {
        int cols = 1;
        for (char *t = line; *t; t++) cols += *t == '\t';
        CHECK(cols == 15); /* id, documents, words, k, 11 facts */
        char want[32];
        snprintf(want, sizeof want, "7\t3\t20\t%d\t", n);
        CHECK(strncmp(line, want, strlen(want)) == 0);
    }
    CHECK(n == PS_CHOOSE_K);
    FILE *g = fopen(sums, "r");
    CHECK(g != NULL);
    char *js = g ? slurp(g) : calloc(1, 1);
    if (g) fclose(g);
    int m = 0;
    for (char *line = strtok(js, "\n"); line; line = strtok(NULL, "\n"), m++) {
        char want[64];
        snprintf(want, sizeof want, "{\"id\":\"7#%d\",\"summary\":\"", m);
        CHECK(strncmp(line, want, strlen(want)) == 0);
        CHECK(strstr(line, "Velmora") != NULL);
    }
    CHECK(m == PS_CHOOSE_K);
    free(rows);
    free(js);
    remove(in);
    remove(sums);
}

int main(void)
{
    RUN(one_row_and_summary_per_candidate);
    return test_done();
}
