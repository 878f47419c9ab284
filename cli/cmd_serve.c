/* precis serve — the HTTP API and the web page over a store. */
#include "cli.h"
#include "server/server.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: precis serve [--db FILE] [options] [INPUT...]\n\n"
            "Serves the stories of a store over HTTP: the JSON API (docs/api.md) under /api/\n"
            "and the web page at /. INPUTs (as for 'precis ingest') are ingested first.\n"
            "Without --db the store is in memory (gone at exit) and, without INPUT, holds\n"
            "the bundled example (examples/story): 'precis serve' and open the URL.\n\n"
            "options:\n"
            "      --db FILE           the store (SQLite, created when absent)\n"
            "  -p, --port N            TCP port (default 8080; 0 = any free port)\n"
            "  -b, --bind ADDR         address to listen on (default 127.0.0.1); any other\n"
            "                          than loopback needs --token\n"
            "      --token T           POST /api/articles needs 'Authorization: Bearer T'\n"
            "                          (also from the PRECIS_TOKEN environment variable)\n"
            "      --max-connections N concurrent connections (default 256)\n"
            "      --timeout S         drop a connection idle for S seconds (default 10)\n"
            "      --request-timeout S a request must arrive whole within S seconds of the\n"
            "                          connection's start or its previous answer (default\n"
            "                          60; a client trickling bytes is never idle)\n"
            "      --max-per-ip N      connections one client address may hold (default 64\n"
            "                          when bound to a non-loopback address, else no cap;\n"
            "                          0 = no cap)\n"
            "      --threads N         worker threads (default 4)\n"
            "      --sync-rebuild N    a POST answers after its story is rebuilt when the\n"
            "                          story has at most N articles (default 64); bigger\n"
            "                          stories are rebuilt in the background, reads go on\n"
            "  -h, --help              show this help\n\n"
            "POST /api/articles takes a page, text, JSON, JSON Lines, a feed or a WARC\n"
            "(gzip too), told by the body as 'precis ingest' tells a file's format.\n"
            "Limits: request body 16 MiB (413), a gzip body inflated 64 MiB (413), 1000\n"
            "articles per POST (413), bodies in flight 256 MiB (503), request target\n"
            "32 KiB (414), request line + headers 32 KiB (431).\n"
            "Prints 'precis: serving N articles in M stories at http://ADDR:PORT/ ...' on\n"
            "stdout when ready; stops on SIGINT/SIGTERM.\n"
            "Exit codes: 0 stopped cleanly, 1 usage, 2 some INPUTs bad (still serving;\n"
            "reported at exit), 4 cannot open the store or listen.\n");
}

static void warn(void *user, const char *message)
{
    (void)user;
    cli_error("%s", message);
}

/* A whole number in [min, max] for --opt (cli_opt_whole's rule and message). */
static bool uint_opt(const char *opt, const char *s, unsigned min, unsigned max, unsigned *out)
{
    long long v;
    char name[40];
    snprintf(name, sizeof name, "--%s", opt);
    if (!cli_opt_whole("serve", name, s, min, max, &v)) return false;
    *out = (unsigned)v;
    return true;
}

/* The bundled example: ./examples/story, or in a directory above the binary
 * (build/precis, build/san/precis), or an installed share/precis. */
static const char *find_example(char *buf, size_t cap)
{
    if (pc_is_dir("examples/story")) return "examples/story";
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash) return NULL;
        *slash = '\0';
        snprintf(buf, cap, "%s/examples/story", exe);
        if (pc_is_dir(buf)) return buf;
        snprintf(buf, cap, "%s/share/precis/examples/story", exe);
        if (pc_is_dir(buf)) return buf;
    }
    return NULL;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option LONG[] = {{"db", required_argument, 0, 'd'},
                                         {"port", required_argument, 0, 'p'},
                                         {"bind", required_argument, 0, 'b'},
                                         {"token", required_argument, 0, 't'},
                                         {"max-connections", required_argument, 0, 'm'},
                                         {"timeout", required_argument, 0, 'T'},
                                         {"request-timeout", required_argument, 0, 'R'},
                                         {"max-per-ip", required_argument, 0, 'I'},
                                         {"threads", required_argument, 0, 'j'},
                                         {"sync-rebuild", required_argument, 0, 'S'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL, *token = getenv("PRECIS_TOKEN");
    ps_server_options so = {.bind = "127.0.0.1", .port = 8080};
    unsigned sync_max = 64;
    bool per_ip_set = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "p:b:h", LONG, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'b': so.bind = optarg; break;
        case 't': token = optarg; break;
        case 'p':
            if (!uint_opt("port", optarg, 0, 65535, &so.port)) return EXIT_USAGE;
            break;
        case 'm':
            if (!uint_opt("max-connections", optarg, 1, 100000, &so.max_connections)) return EXIT_USAGE;
            break;
        case 'T':
            if (!uint_opt("timeout", optarg, 1, 3600, &so.timeout)) return EXIT_USAGE;
            break;
        case 'R':
            if (!uint_opt("request-timeout", optarg, 1, 86400, &so.request_timeout)) return EXIT_USAGE;
            break;
        case 'I':
            if (!uint_opt("max-per-ip", optarg, 0, 100000, &so.max_per_ip)) return EXIT_USAGE;
            per_ip_set = true;
            break;
        case 'j':
            if (!uint_opt("threads", optarg, 1, 64, &so.threads)) return EXIT_USAGE;
            break;
        case 'S':
            if (!uint_opt("sync-rebuild", optarg, 0, 1000000, &sync_max)) return EXIT_USAGE;
            break;
        case 'h': usage(stdout); return EXIT_OK_;
        default: cli_try_help("serve"); return EXIT_USAGE;
        }
    }
    if (token && !*token) token = NULL;
    /* On the network one address holding every connection (trickling, or
     * idle ones reopened) locks everyone else out; on loopback every client
     * is 127.0.0.1 (a local reverse proxy too): no cap unless asked. */
    if (!per_ip_set) so.max_per_ip = ps_is_loopback(so.bind) ? 0 : 64;
    unsigned char addr[16];
    if (so.bind && strcmp(so.bind, "localhost") && inet_pton(AF_INET, so.bind, addr) != 1 &&
        inet_pton(AF_INET6, so.bind, addr) != 1) { /* a usage error, before any input is ingested */
        cli_error("serve: --bind %s: not an IPv4 or IPv6 address (or localhost)", so.bind);
        return EXIT_USAGE;
    }
    if (!ps_is_loopback(so.bind) && !token) {
        cli_error("serve: --bind %s is not loopback: refusing to accept writes from the network "
                  "without --token", so.bind);
        return EXIT_USAGE;
    }
    /* Bodies up to 16 MiB may be one JSON line (a 10 MB title): lift the line cap to it. */
    precis_options po = {.limits = {.max_line_bytes = PS_MAX_BODY}};
    precis_ctx *ctx = precis_new(&po);
    if (!ctx) return EXIT_INTERNAL;
    ps_app app = {.ctx = ctx, .token = token, .db_path = db ? db : ":memory:", .sync_max = sync_max,
                  .local_only = ps_is_loopback(so.bind)};
    pthread_mutex_init(&app.lock, NULL);
    int rc = EXIT_OK_;
    precis_status st = ps_store_open(ctx, db, &app.store);
    if (st) {
        cli_error("%s", precis_errmsg(ctx));
        precis_free(ctx);
        return EXIT_INTERNAL;
    }
    char exbuf[PATH_MAX + 64];
    char *example[1] = {NULL};
    char **inputs = argv + optind;
    size_t n_inputs = (size_t)(argc - optind);
    if (!db && n_inputs == 0) {
        example[0] = (char *)find_example(exbuf, sizeof exbuf);
        if (!example[0]) {
            cli_error("serve: no --db, no INPUT and no bundled examples/story found");
            rc = EXIT_USAGE;
            goto out;
        }
        inputs = example;
        n_inputs = 1;
    }
    if (n_inputs) {
        char **paths = NULL;
        size_t n_paths = 0;
        pc_error err = {0};
        ps_ingest_counts counts = {0};
        if (pc_expand_inputs(inputs, n_inputs, &paths, &n_paths, cli_note_repeat, NULL, &err)) {
            cli_error("%s", err.msg);
            rc = EXIT_INPUT;
        }
        for (size_t i = 0; i < n_paths && !st; i++) st = ps_store_ingest(app.store, paths[i], &counts, warn, NULL);
        pc_paths_free(paths, n_paths);
        if (!st) st = ps_store_refresh(app.store, NULL);
        if (st) {
            cli_error("%s", precis_errmsg(ctx));
            ps_ingest_counts_free(&counts);
            rc = EXIT_INTERNAL;
            goto out;
        }
        fprintf(stderr, "precis: ingested %zu %s (%zu %s, %zu rejected) from %s\n", counts.added,
                cli_n(counts.added, "article", "articles"), counts.duplicates,
                cli_n(counts.duplicates, "duplicate", "duplicates"), counts.rejected,
                inputs == example ? example[0] : "the inputs");
        if (counts.refused || counts.bad_inputs) rc = EXIT_INPUT; /* docs/cli.md */
        ps_ingest_counts_free(&counts);
    }
    /* Signals are taken by sigwait below; the server's threads inherit the mask. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    ps_server *srv = NULL;
    unsigned port = 0;
    pc_error err = {0};
    if (db && ps_app_enable_readers(&app, db)) {
        cli_error("serve: cannot set up readers");
        rc = EXIT_INTERNAL;
        goto out;
    }
    if (ps_app_start_rebuilder(&app)) {
        cli_error("serve: cannot start the story rebuilder");
        rc = EXIT_INTERNAL;
        goto out;
    }
    if (ps_server_start(&app, &so, &srv, &port, &err)) {
        cli_error("serve: %s", err.msg);
        rc = EXIT_INTERNAL;
        goto out;
    }
    ps_stats stats = {0};
    ps_store_stats(app.store, &stats);
    const char *host = so.bind;
    bool v6 = strchr(host, ':') != NULL;
    printf("precis: serving %lld article%s in %lld stor%s at http://%s%s%s:%u/ (store %s)\n",
           (long long)stats.articles, stats.articles == 1 ? "" : "s", (long long)stats.stories,
           stats.stories == 1 ? "y" : "ies", v6 ? "[" : "", host, v6 ? "]" : "",
           port, db ? db : "in memory");
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    ps_server_stop(srv);
    fprintf(stderr, "precis: stopped (signal %d)\n", sig);
out:
    ps_app_stop_rebuilder(&app);
    ps_store_close(app.store);
    pthread_mutex_destroy(&app.lock);
    precis_free(ctx);
    return rc;
}
