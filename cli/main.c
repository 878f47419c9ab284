/* precis — command-line entry point: a table of subcommands, nothing else. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const struct {
    const char *name;
    cli_command_fn run;
    const char *summary;
} COMMANDS[] = {
    {"summarize", cmd_summarize, "summarize several articles about one story"},
    {"clean", cmd_clean, "strip debris from pasted article text, extract metadata"},
    {"extract", cmd_extract, "extract the article and its metadata from HTML pages"},
    {"digest", cmd_digest, "group articles into stories: briefing with timeline, entities, coverage"},
    {"cluster", cmd_cluster, "group a stream of articles into stories (near-copies joined)"},
    {"eval", cmd_eval, "evaluate summaries (eval rouge: ROUGE-1.5.5 compatible scorer)"},
    {"ingest", cmd_ingest, "add articles to a store (SQLite): stories kept up to date"},
    {"serve", cmd_serve, "serve a store over HTTP: JSON API and web page"},
};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("precis: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* strtoll/strtod alone accept leading spaces, '+', and (strtoull) "-5" as a
 * huge number: the first character is checked here. */
static bool number_start(const char *s, bool negative_ok, bool dot_ok)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '-' && negative_ok) c = (unsigned char)s[1];
    return (c >= '0' && c <= '9') || (dot_ok && c == '.');
}

bool cli_opt_whole(const char *cmd, const char *opt, const char *s, long long lo, long long hi,
                   long long *out)
{
    char *end;
    errno = 0;
    long long v = number_start(s, lo < 0, false) ? strtoll(s, &end, 10) : 0;
    if (!number_start(s, lo < 0, false) || errno || *end || v < lo || v > hi) {
        cli_error("%s: %s needs a whole number from %lld to %lld, not '%s'", cmd, opt, lo, hi, s);
        return false;
    }
    *out = v;
    return true;
}

bool cli_opt_real(const char *cmd, const char *opt, const char *s, double lo, double hi, bool above_lo,
                  double *out)
{
    char *end;
    errno = 0;
    /* decimal notation only: strtod also reads hex floats ("0x1p-2", "0X.8") */
    bool decimal = number_start(s, lo < 0, true) && !s[strspn(s, "0123456789.eE+-")];
    double v = decimal ? strtod(s, &end) : 0;
    if (!decimal || errno || *end || !(above_lo ? v > lo : v >= lo) || !(v <= hi)) {
        if (above_lo)
            cli_error("%s: %s needs a number above %g and at most %g, not '%s'", cmd, opt, lo, hi, s);
        else
            cli_error("%s: %s needs a number from %g to %g, not '%s'", cmd, opt, lo, hi, s);
        return false;
    }
    *out = v;
    return true;
}

bool cli_opt_count(const char *cmd, const char *opt, const char *s, size_t *out)
{
    long long v;
    if (!cli_opt_whole(cmd, opt, s, 1, 1LL << 30, &v)) return false;
    *out = (size_t)v;
    return true;
}

bool cli_parse_format(const char *cmd, const char *arg, int *out)
{
    static const char *const NAMES[] = {"text", "json", "jsonl"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(arg, NAMES[i])) {
            *out = i;
            return true;
        }
    cli_error("%s: unknown format '%s' (text, json or jsonl)", cmd, arg);
    return false;
}

int cli_exit_for(precis_status st)
{
    switch (st) {
    case PRECIS_OK: return EXIT_OK_;
    case PRECIS_EINVAL: return EXIT_USAGE;
    case PRECIS_EIO:
    case PRECIS_EPARSE:
    case PRECIS_ELIMIT: return EXIT_INPUT;
    case PRECIS_EEMPTY:
    case PRECIS_EBUDGET: return EXIT_EMPTY; /* nothing to output, as DESIGN.md's exit 3 */
    default: return EXIT_INTERNAL;
    }
}

int cli_exit_rule(int worst, size_t produced)
{
    if (worst == EXIT_INTERNAL || worst == EXIT_INPUT || worst == EXIT_USAGE) return worst;
    return produced ? EXIT_OK_ : EXIT_EMPTY;
}

void cli_threshold_needs_online(const char *cmd)
{
    cli_error("%s: --threshold needs --online: the default regrouping has its own fixed cut and "
              "would ignore it",
              cmd);
    cli_try_help(cmd);
}

void cli_window_needs_regrouping(const char *cmd)
{
    cli_error("%s: --window is the default regrouping's: --online has no window to regroup", cmd);
    cli_try_help(cmd);
}

static bool stderr_tty(void)
{
    static int tty = -1;
    if (tty < 0) tty = isatty(STDERR_FILENO);
    return tty;
}

void cli_progress(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool tty = stderr_tty();
    if (tty) fputc('\r', stderr);
    vfprintf(stderr, fmt, ap);
    if (!tty) fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
}

void cli_progress_end(void)
{
    if (stderr_tty()) fputc('\n', stderr);
}

const char *cli_n(size_t n, const char *one, const char *many) { return n == 1 ? one : many; }

void cli_try_help(const char *cmd)
{
    fprintf(stderr, "Run 'precis %s --help' for its options.\n", cmd);
}

void cli_no_files(char *const *inputs, size_t n_inputs, size_t n_paths)
{
    if (n_paths) return;
    for (size_t i = 0; i < n_inputs; i++) cli_error("%s: no input file found", inputs[i]);
}

void cli_note_repeat(void *ctx, const char *left_out, const char *listed_as)
{
    (void)ctx;
    if (strcmp(left_out, listed_as) == 0) cli_error("%s: given twice: read once", left_out);
    else cli_error("%s: the same file as %s: read once", left_out, listed_as);
}

static void usage(FILE *out)
{
    fprintf(out, "usage: precis <command> [options] [INPUT...]\n\n"
                 "precis turns piles of news articles into stories: clean text, attributed\n"
                 "multi-document summaries, and evaluation tools.\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fprintf(out, "\noptions:\n  -h, --help     show this help\n"
                 "  -V, --version  show the version\n\n"
                 "Run 'precis <command> --help' for a command's options.\n"
                 "Exit codes (every command): 0 ok; 1 usage error; 2 some input refused\n"
                 "(unreadable, binary, malformed or over a size limit; named on stderr);\n"
                 "3 nothing to output (no input held an article); 4 internal error.\n"
                 "A directory INPUT is walked in natural order of names (D2 before D10,\n"
                 "digit runs compared as numbers), hidden entries skipped.\n");
}

/* What a command printed (its help and --version too) must have reached
 * stdout: a help text sent to a full disk or a closed stdout exited 0 with
 * nothing written. A command that found the failure itself returned 4 and
 * named it already. */
static int stdout_checked(const char *cmd, int rc)
{
    if (rc == EXIT_INTERNAL) return rc;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (cmd[0]) cli_error("%s: cannot write the output: %s", cmd, strerror(errno));
        else cli_error("cannot write the output: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    return rc;
}

static int run_main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        if (argc > 2 && strcmp(cmd, "help") == 0) {
            for (size_t i = 0; i < N_COMMANDS; i++)
                if (!strcmp(argv[2], COMMANDS[i].name)) {
                    char *args[] = {argv[2], "--help", NULL};
                    return COMMANDS[i].run(2, args);
                }
        }
        usage(stdout);
        return EXIT_OK_;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("precis %s\n", precis_version());
        return EXIT_OK_;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(cmd, COMMANDS[i].name)) {
            /* getopt names argv[0] in its messages: "precis: clean: unrecognized option" */
            static char name[64];
            snprintf(name, sizeof name, "precis: %s", cmd);
            argv[1] = name;
            return COMMANDS[i].run(argc - 1, argv + 1);
        }
    cli_error("unknown command '%s' (see 'precis --help')", cmd);
    return EXIT_USAGE;
}

/* A closed fd 0, 1 or 2 (`precis ingest --db S IN >&-`, a daemon's child)
 * is the number the next open() returns: the store's lock descriptor became
 * fd 1 and the summary line was written over the SQLite header (the store
 * lost), or fd 0 and '-' read the store as stdin ("binary data"). Each is
 * held by /dev/null opened the wrong way round, so that reading fd 0 or
 * writing fd 1 and 2 still fails with EBADF as on a closed descriptor
 * ("standard input is closed", "cannot write the output: Bad file
 * descriptor"; pc_dup_stdin). */
static void hold_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        int held = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
        if (held >= 0 && held != fd) close(held); /* cannot happen: open takes the lowest free number */
    }
}

int main(int argc, char **argv)
{
    hold_std_fds();
    const char *cmd = argc > 1 && argv[1][0] != '-' ? argv[1] : ""; /* "" for --help, --version */
    char name[64];
    snprintf(name, sizeof name, "%s", cmd); /* run_main renames argv[1] */
    return stdout_checked(name, run_main(argc, argv));
}
