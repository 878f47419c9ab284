/* precis ingest — add articles to a store (SQLite), idempotently. */
#include "cli.h"
#include "store/store.h"

#include <getopt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: precis ingest --db FILE [options] INPUT...\n"
            "       precis ingest --db FILE --check [INPUT...]\n\n"
            "Adds articles to the store FILE (created when absent): each article joins a\n"
            "story (online clustering), and every story that got an article has its\n"
            "summary, timeline and entities recomputed. Ingest is idempotent: an article\n"
            "whose content is already stored is counted as a duplicate and not added again.\n"
            "Each input is committed as one transaction; what was reported is on disk.\n\n"
            "INPUT is what 'precis digest' reads: article files (text or HTML), directories\n"
            "(walked in natural order), '-' for stdin, JSON Lines of article objects or of\n"
            "clusters {\"id\", \"documents\"} (each document an article), a JSON array of\n"
            "either, WARC (.warc, .warc.gz), news feeds (RSS, Atom, RDF: one article per\n"
            "item), newswire SGML (NIST/LDC <DOC> files: one article per DOC); .gz is\n"
            "read transparently.\n\n"
            "options:\n"
            "      --db FILE   the store (SQLite); required\n"
            "      --check     verify the store (SQLite integrity, story counts, search\n"
            "                  index) and print \"ok\" or the problems; exit 0 or 2. With\n"
            "                  INPUT, the check runs after they are ingested (it covers\n"
            "                  them); a failed check makes the exit code 2\n"
            "  -q, --quiet     no summary line\n"
            "  -h, --help      show this help\n\n"
            "Prints: added N, duplicates N, rejected N, stories touched N.\n"
            "Exit codes: 0 ok (articles without text are rejected but are not errors);\n"
            "1 usage; 2 some input refused: unreadable, binary, malformed, or over a size\n"
            "limit -- named, the rest added; 3 no article in any input; 4 store unusable\n"
            "or internal error.\n");
}

static void warn(void *user, const char *message)
{
    (void)user;
    cli_error("%s", message);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option LONG[] = {{"db", required_argument, 0, 'd'},
                                         {"check", no_argument, 0, 'c'},
                                         {"quiet", no_argument, 0, 'q'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL;
    bool check = false, quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", LONG, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'c': check = true; break;
        case 'q': quiet = true; break;
        case 'h': usage(stdout); return EXIT_OK_;
        default: cli_try_help("ingest"); return EXIT_USAGE;
        }
    }
    if (!db) {
        cli_error("ingest: --db FILE is required");
        return EXIT_USAGE;
    }
    if (!check && optind >= argc) {
        cli_error("ingest: no INPUT (use '-' for stdin)");
        return EXIT_USAGE;
    }
    struct stat sb;
    if (check && optind >= argc && stat(db, &sb) != 0) { /* opening would create an empty store and call it ok */
        cli_error("%s: no such store (nothing to check)", db);
        return EXIT_INPUT;
    }
    precis_ctx *ctx = precis_new(NULL);
    if (!ctx) return EXIT_INTERNAL;
    ps_store *s = NULL;
    precis_status st = ps_store_open(ctx, db, &s);
    if (st) {
        cli_error("%s", precis_errmsg(ctx));
        precis_free(ctx);
        return EXIT_INTERNAL; /* the store is the output: it cannot be used */
    }
    int rc = EXIT_OK_;
    if (check && optind >= argc) goto check;
    char **paths = NULL;
    size_t n_paths = 0;
    pc_error err = {0};
    if ((st = pc_expand_inputs(argv + optind, (size_t)(argc - optind), &paths, &n_paths, cli_note_repeat, NULL, &err))) {
        cli_error("%s", err.msg);
        rc = EXIT_INPUT;
        goto out;
    }
    ps_ingest_counts counts = {0};
    size_t n_paths_seen = n_paths;
    for (size_t i = 0; i < n_paths && !st; i++) st = ps_store_ingest(s, paths[i], &counts, warn, NULL);
    pc_paths_free(paths, n_paths);
    if (st) {
        cli_error("%s", precis_errmsg(ctx));
        rc = EXIT_INTERNAL;
    } else if ((st = ps_store_refresh(s, NULL))) {
        cli_error("recomputing stories: %s", precis_errmsg(ctx));
        rc = EXIT_INTERNAL;
    }
    if (!quiet) {
        ps_stats stats = {0};
        ps_store_stats(s, &stats);
        printf("added %zu, duplicates %zu, rejected %zu, stories touched %zu (store: %lld %s, %lld %s)%s\n",
               counts.added, counts.duplicates, counts.rejected, counts.touched, (long long)stats.articles,
               cli_n((size_t)stats.articles, "article", "articles"), (long long)stats.stories,
               cli_n((size_t)stats.stories, "story", "stories"),
               counts.added == 0 && counts.duplicates > 0 ? "; nothing new" : "");
    }
    if (fflush(stdout) != 0) { /* docs/cli.md: output not writable is 4 (the store is written) */
        cli_error("ingest: cannot write the output: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    }
    /* Articles without text are named and counted as rejected, but are not errors. */
    if (rc == EXIT_OK_)
        rc = cli_exit_rule(counts.refused || counts.bad_inputs ? EXIT_INPUT : EXIT_OK_,
                           counts.added + counts.duplicates);
    if (rc == EXIT_EMPTY) cli_no_files(argv + optind, (size_t)(argc - optind), n_paths_seen);
    ps_ingest_counts_free(&counts);
    /* --check with INPUT: after the ingest, so that what was just added is
     * checked too (before, the check ran first and said nothing of it) */
    if (!check || rc == EXIT_INTERNAL) goto out;
check:;
    int ingest_rc = rc;
    pc_buf report;
    pc_buf_init(&report, 0);
    st = ps_store_check(s, &report);
    ps_stats cstats = {0};
    ps_store_stats(s, &cstats);
    fwrite(report.data ? report.data : "", 1, report.len, stdout);
    if (!quiet)
        printf("%lld articles, %lld stories, schema %d\n", (long long)cstats.articles, (long long)cstats.stories,
               cstats.schema);
    pc_buf_free(&report);
    rc = st ? EXIT_INPUT : ingest_rc;
    if (fflush(stdout) != 0) {
        cli_error("ingest: cannot write the output: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    }
out:
    ps_store_close(s);
    precis_free(ctx);
    return rc;
}
