/* tools/prior_dump.c, the generator's driver: its ROUGE-token labels on an
 * invented cluster, and that "run" uses the coefficients it is given. The
 * tool is compiled in here (its main renamed) so that it builds with every
 * `make test` and cannot rot between regenerations of prior_table.inc. */
#define main prior_dump_main
#include "../../tools/prior_dump.c"
#undef main

#include "test.h"

#include <stdlib.h>
#include <unistd.h>

static const char *CLUSTER =
    "{\"id\": 7, \"summary\": \"Flood waters rose in Velmora after the river Astel burst its banks.\", "
    "\"documents\": [\"Flood waters rose in the town of Velmora on Friday after the river Astel burst its banks. "
    "Rescue teams moved many families to the school gym in Velmora.\", "
    "\"The river Astel burst its banks near Velmora on Friday, flooding the streets. "
    "Forecasters expect 40 millimetres of rain over the weekend.\"]}\n";

/* Runs the tool on CLUSTER with args after the file name; returns its stdout. */
static char *run_tool(const char *mode, const char *const *rest, int n_rest)
{
    char in[] = "/tmp/test_prior_dump_XXXXXX";
    int fd = mkstemp(in);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(CLUSTER, f);
    fclose(f);
    char *argv[10] = {"prior_dump", (char *)mode, in};
    for (int i = 0; i < n_rest; i++) argv[3 + i] = (char *)rest[i];
    fflush(stdout);
    FILE *out = tmpfile();
    int saved = dup(1);
    dup2(fileno(out), 1);
    int rc = prior_dump_main(3 + n_rest, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    CHECK(rc == 0);
    long len = ftell(out);
    rewind(out);
    char *buf = calloc(1, (size_t)len + 1);
    CHECK(fread(buf, 1, (size_t)len, out) == (size_t)len);
    fclose(out);
    remove(in);
    return buf;
}

TEST(features_rows_carry_rouge_labels)
{
    const char *rest[] = {"100"};
    char *out = run_tool("features", rest, 1);
    int rows = 0, found = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        rows++;
        char *col[64];
        int n = 0;
        for (char *t = line; n < 64;) {
            col[n++] = t;
            char *tab = strchr(t, '\t');
            if (!tab) break;
            *tab = '\0';
            t = tab + 1;
        }
        CHECK(n == 2 + PS_PRIOR_NF + 4); /* id, documents, features, words, labels */
        CHECK_STR(col[0], "7");
        CHECK_STR(col[1], "2");
        if (n == 2 + PS_PRIOR_NF + 4 && !strcmp(col[2 + PS_PRIOR_NF], "13")) {
            /* "The river Astel burst its banks near Velmora on Friday, flooding
             * the streets.": its 5 reference bigrams the-river ... its-bank are
             * all held by the first report's lead too, so each counts 1/2 */
            found++;
            CHECK_STR(col[2 + PS_PRIOR_NF + 2], "5");
            CHECK_STR(col[2 + PS_PRIOR_NF + 3], "2.5");
        }
        if (n == 2 + PS_PRIOR_NF + 4 && !strcmp(col[2 + PS_PRIOR_NF], "17") && !strcmp(col[3], "1")) {
            /* "Flood waters rose in the town of Velmora on Friday after the river
             * Astel burst its banks.": content words flood water rose velmora
             * river astel burst bank; bigrams flood-water water-rose rose-in
             * after-the the-river river-astel astel-burst burst-its its-bank */
            found++;
            CHECK_STR(col[2 + PS_PRIOR_NF + 1], "8");
            CHECK_STR(col[2 + PS_PRIOR_NF + 2], "9");
            /* flood-water water-rose rose-in after-the its own, the other 5
             * shared with the second report's lead: 4 + 5 / 2 */
            CHECK_STR(col[2 + PS_PRIOR_NF + 3], "6.5");
        }
    }
    CHECK(rows == 4);
    CHECK(found == 2);
    free(out);
}

TEST(run_uses_the_given_coefficients)
{
    /* a 12-word budget holds one sentence: coverage takes the one naming
     * Velmora, a prior on digits alone (x[11]) the one with a figure */
    char coef[256] = "";
    for (int k = 0; k < PS_PRIOR_NF; k++) strcat(coef, k == 11 ? "1," : "0,");
    const char *off[] = {"12", "0", "1", coef}, *on[] = {"12", "50", "1", coef};
    char *a = run_tool("run", off, 4), *b = run_tool("run", on, 4);
    CHECK(strstr(a, "\"id\":\"7\"") != NULL);
    CHECK(strstr(a, "Rescue teams moved") != NULL);
    CHECK(strstr(b, "Forecasters expect 40") != NULL);
    free(a);
    free(b);
}

int main(void)
{
    RUN(features_rows_carry_rouge_labels);
    RUN(run_uses_the_given_coefficients);
    return test_done();
}
