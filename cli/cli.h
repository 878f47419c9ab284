/* cli.h — what the subcommands share: exit codes and message helpers.
 * Each subcommand lives in cli/cmd_<name>.c and is listed in main.c's table. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include "precis.h"

#include <stdbool.h>
#include <stddef.h>

/* Exit codes (DESIGN.md "CLI conventions"). */
enum {
    EXIT_OK_ = 0,
    EXIT_USAGE = 1,   /* usage error */
    EXIT_INPUT = 2,   /* some inputs could not be read or parsed; the rest were processed */
    EXIT_EMPTY = 3,   /* nothing to output */
    EXIT_INTERNAL = 4 /* internal error or resource limit */
};

typedef int (*cli_command_fn)(int argc, char **argv);

/* "precis: <message>\n" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Numeric option values, one rule for every command (docs/cli.md): all of s
 * is the number (a '-' only when lo < 0; no space, no '+', nothing after it,
 * no overflow) and it lies in [lo, hi]. Otherwise they print
 * "CMD: OPT needs a whole number from LO to HI, not 'S'" (cli_opt_real: "a
 * number from LO to HI", "above LO and at most HI" when lo itself is
 * excluded) and return false: the command exits EXIT_USAGE. */
bool cli_opt_whole(const char *cmd, const char *opt, const char *s, long long lo, long long hi,
                   long long *out);
bool cli_opt_real(const char *cmd, const char *opt, const char *s, double lo, double hi, bool above_lo,
                  double *out);
/* A count option (words, bytes, sentences, stories): a whole number from 1 to
 * 2^30 (1073741824), as cli_opt_whole. */
bool cli_opt_count(const char *cmd, const char *opt, const char *s, size_t *out);
/* --format values; the commands' own enums use the same order. */
enum { CLI_FMT_TEXT, CLI_FMT_JSON, CLI_FMT_JSONL };
/* Parses "text", "json" or "jsonl" into *out; otherwise prints
 * "CMD: unknown format 'X' (text, json or jsonl)" and returns false. */
bool cli_parse_format(const char *cmd, const char *arg, int *out);
/* Exit code for a library status about one input (docs/cli.md "Exit codes"):
 * PRECIS_EIO, EPARSE and ELIMIT (a limit hit by that input) give EXIT_INPUT,
 * EEMPTY EXIT_EMPTY, EINVAL EXIT_USAGE, the rest EXIT_INTERNAL. A limit of the
 * run itself is reported as EXIT_INTERNAL by the command. */
int cli_exit_for(precis_status st);
/* The one rule every command ends with: worst is the highest code noted so
 * far (EXIT_INPUT for a refused input, EXIT_INTERNAL for a failed run; an
 * input without an article notes nothing); produced, what reached the output.
 * Returns EXIT_INTERNAL, else EXIT_INPUT, else EXIT_EMPTY when nothing was
 * produced, else EXIT_OK_. */
int cli_exit_rule(int worst, size_t produced);
/* When the inputs expanded to no file at all (empty directories): names them,
 * "precis: DIR: no input file found", so that exit 3 is never silent. */
void cli_no_files(char *const *inputs, size_t n_inputs, size_t n_paths);
/* pc_expand_inputs's repeat note for every command: "precis: PATH: given
 * twice: read once" or "precis: PATH: the same file as FIRST: read once". */
void cli_note_repeat(void *ctx, const char *left_out, const char *listed_as);
/* After a usage error's one-line message: "Run 'precis CMD --help' ...", so
 * the message is not buried under the whole help text. */
void cli_try_help(const char *cmd);
/* A progress update on stderr: on a terminal "\rTEXT", rewritten in place;
 * otherwise (a forced --progress into a file or pipe) "TEXT\n", one line per
 * update, no carriage returns. cli_progress_end ends the line on a terminal
 * and does nothing otherwise (the updates ended their own lines). */
void cli_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_progress_end(void);
/* The word for a count: one when n == 1, else many ("1 article", "2 stories"). */
const char *cli_n(size_t n, const char *one, const char *many);
/* digest and cluster: --threshold is the online pass's; without --online it
 * would change nothing, so it is a usage error, worded once here. */
void cli_threshold_needs_online(const char *cmd);
/* --window without the default regrouping (--online): a usage error, named. */
void cli_window_needs_regrouping(const char *cmd);

int cmd_eval(int argc, char **argv);
int cmd_summarize(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_digest(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
