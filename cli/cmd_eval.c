/* precis eval rouge — ROUGE-1.5.5's scores with its option letters. Thin:
 * option parsing here, everything else in src/rouge (precis_rouge_*). */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void eval_usage(FILE *out)
{
    fputs("usage: precis eval <evaluator> [options]\n\n"
          "evaluators:\n"
          "  rouge   ROUGE-N/L/S/SU scores equal to ROUGE-1.5.5's, with its option letters\n\n"
          "Run 'precis eval rouge --help' for its options.\n",
          out);
}

static void rouge_usage(FILE *out)
{
    fputs(
        "usage: precis eval rouge [options] --models DIR --peers DIR [--peers DIR...]\n"
        "       precis eval rouge [options] --refs FILE.jsonl --summaries FILE.jsonl [...]\n"
        "       precis eval rouge [options] -a CONFIG.xml | CONFIG.xml SYSTEM\n"
        "       precis eval rouge [options] -z SPL|SEE|ISI FILE_LIST [SYSTEM]\n\n"
        "Scores system summaries against reference summaries exactly as the ROUGE-1.5.5\n"
        "Perl script does (same tokens, stemmer, stopwords, truncation, rounding and\n"
        "bootstrap), and prints its lines, e.g.\n"
        "  DPP ROUGE-2 Average_R: 0.09616 (95%-conf.int. 0.08798 - 0.10426)\n\n"
        "inputs:\n"
        "  --models DIR       reference summaries, one sentence per line; a file's topic is\n"
        "                     its name up to the first '.' (d30001.m.100.t.a -> d30001)\n"
        "  --peers DIR        system summaries named the same way (d30001.txt): a directory\n"
        "                     of files is one system named after it; a directory of\n"
        "                     directories is one system per subdirectory. Repeatable.\n"
        "  --refs FILE        JSONL references: {\"id\": ..., \"summary\": \"...\"} per line, or\n"
        "                     \"summaries\": [...] for several; Multi-News's val.jsonl works\n"
        "  --summaries FILE   JSONL system summaries matched to --refs by \"id\"; the system\n"
        "                     is named after the file. Repeatable.\n"
        "  A summary string is one sentence per line (an array of sentences also works).\n"
        "  CONFIG.xml         the script's evaluation file (<EVAL ID> with PEER-ROOT,\n"
        "                     MODEL-ROOT, INPUT-FORMAT SPL|SEE|ISI, PEERS/P, MODELS/M), as\n"
        "                     pyrouge writes it; -a scores every peer, else give one\n"
        "  -z FMT FILE_LIST   the script's file list: 'peer model1 model2 ...' a line\n\n"
        "ROUGE-1.5.5 options (same letters and meaning):\n"
        "  -n N      compute ROUGE-1 .. ROUGE-N (without -n: no ROUGE-N, as the script)\n"
        "  -x        do not compute ROUGE-L (computed by default)\n"
        "  -w W      also ROUGE-W-W, the weighted LCS (W > 1 favours consecutive matches)\n"
        "  -2 K      skip-bigrams with at most K words between (-1: any); ROUGE-SK\n"
        "  -u        add unigrams to the skip-bigrams: ROUGE-SUK (needs -2)\n"
        "  -U        report both ROUGE-SK and ROUGE-SUK (needs -2)\n"
        "  -m        stem: WordNet 2.0 exception list, else ROUGE's Porter variant\n"
        "            (words of more than 3 characters only)\n"
        "  -s        remove the SMART stopwords\n"
        "  -l N      use only the first N words of every summary (not with -b)\n"
        "  -b N      use only the first N bytes of every summary (not with -l)\n"
        "  -f A|B    A: pool the counts over the references (default); B: best reference\n"
        "  -p ALPHA  F = 1/(ALPHA/P + (1-ALPHA)/R), default 0.5\n"
        "  -t 0|1|2  0: average the per-topic scores (default); 1: pool the counts over\n"
        "            all topics; 2: print the raw counts\n"
        "  -c CF     confidence interval in percent (default 95)\n"
        "  -r N      bootstrap resamples (default 1000)\n"
        "  -d        also print every topic's scores\n"
        "  -a        with a configuration file: evaluate all its systems (other inputs:\n"
        "            always all)\n"
        "  -e DIR    accepted and ignored: the word lists are compiled in\n\n"
        "other options:\n"
        "  --format text|json|tsv  output format (default text: ROUGE-1.5.5's lines)\n"
        "  --max-bytes N           size cap of one summary (default 5242880)\n"
        "  -h, --help              show this help\n\n"
        "Not supported: Basic Elements (-3) and -M.\n"
        "Inputs that cannot be used (unreadable, binary, over the size cap, a JSONL line\n"
        "that is not JSON, a topic without references) are named on stderr and left out;\n"
        "the exit code is then 2.\n"
        "Example: precis eval rouge -n 2 -2 4 -u -m -l 100 --models examples/rouge/models \\\n"
        "           --peers examples/rouge/peers\n\n"
        "Exit codes: 0 ok; 1 usage error; 2 some input refused or left out: unreadable,\n"
        "binary, malformed, over a size limit, or a topic without references (named;\n"
        "the rest scored); 3 nothing to score; 4 internal error (out of memory).\n",
        out);
}

/* The name of option c in messages: ROUGE's one-letter options, and the two
 * long ones that take a checked value (getopt's argv[optind - 1] is the value
 * itself when it was given as a separate word). */
enum { OPT_MODELS = 256, OPT_PEERS, OPT_REFS, OPT_SUMS, OPT_FORMAT, OPT_MAXB };
static const char *opt_name(int c, char buf[3])
{
    if (c == OPT_FORMAT) return "--format";
    if (c >= 256) return "--max-bytes";
    buf[0] = '-', buf[1] = (char)c, buf[2] = '\0';
    return buf;
}

static bool parse_long(int c, const char *s, long long lo, long long hi, long long *out)
{
    char buf[3];
    return cli_opt_whole("eval rouge", opt_name(c, buf), s, lo, hi, out);
}

static bool parse_double(int c, const char *s, double lo, double hi, double *out)
{
    char buf[3];
    return cli_opt_real("eval rouge", opt_name(c, buf), s, lo, hi, false, out);
}

static void print_warning(void *user, const char *msg)
{
    (void)user;
    cli_error("%s", msg);
}

#define MAX_INPUTS 256

/* A source of references (st, its load) that held none, next to another
 * source (other): named and left out. */
static precis_status references_or_empty(precis_rouge *r, precis_status st, bool other)
{
    if (st != PRECIS_EEMPTY || !other) return st;
    cli_error("%s; left out", precis_rouge_errmsg(r));
    return PRECIS_OK;
}

static int cmd_rouge(int argc, char **argv)
{
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    const char *models = NULL, *refs = NULL;
    const char *peers[MAX_INPUTS], *sums[MAX_INPUTS];
    size_t n_peers = 0, n_sums = 0;
    int per_topic = 0, all_systems = 0;
    const char *list_format = NULL;
    precis_rouge_format fmt = PRECIS_ROUGE_TEXT;
    static const struct option longs[] = {
        {"models", required_argument, NULL, OPT_MODELS},
        {"peers", required_argument, NULL, OPT_PEERS},
        {"refs", required_argument, NULL, OPT_REFS},
        {"summaries", required_argument, NULL, OPT_SUMS},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"max-bytes", required_argument, NULL, OPT_MAXB},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 1; /* getopt's own words, as every command says them (before: "unknown option -x (see --help)") */
    int c;
    long long v;
    while ((c = getopt_long(argc, argv, "ab:c:de:f:hHl:mMn:p:r:st:uUvw:x2:3:z:", longs, NULL)) !=
           -1) {
        switch (c) {
        case 'a': all_systems = 1; break;
        case 'e': break;
        case 'v': break;
        case 'h':
        case 'H': rouge_usage(stdout); return EXIT_OK_;
        case 'b':
            if (!parse_long(c, optarg, 1, 1LL << 40, &v)) return EXIT_USAGE;
            o.byte_limit = v;
            break;
        case 'l':
            if (!parse_long(c, optarg, 1, 1LL << 40, &v)) return EXIT_USAGE;
            o.word_limit = v;
            break;
        case 'c':
            if (!parse_double(c, optarg, 0, 100, &o.confidence)) return EXIT_USAGE;
            break;
        case 'p':
            if (!parse_double(c, optarg, 0, 1, &o.alpha)) return EXIT_USAGE;
            break;
        case 'd': per_topic = 1; break;
        case 'f':
            if (strcmp(optarg, "A") && strcmp(optarg, "B")) {
                /* the accepted values named, as every command names its formats */
                cli_error("eval rouge: -f takes A (pool the counts over the references) or B (the best "
                          "reference), not '%s'", optarg);
                return EXIT_USAGE;
            }
            o.formula = optarg[0];
            break;
        case 'm': o.stem = 1; break;
        case 's': o.remove_stopwords = 1; break;
        case 'n':
            if (!parse_long(c, optarg, 1, 32, &v)) return EXIT_USAGE;
            o.max_n = (int)v;
            break;
        case 'r':
            if (!parse_long(c, optarg, 1, 1000000, &v)) return EXIT_USAGE;
            o.resamples = (int)v;
            break;
        case 't':
            if (!parse_long(c, optarg, 0, 2, &v)) return EXIT_USAGE;
            o.counting = (int)v;
            break;
        case '2':
            if (!parse_long(c, optarg, -1000000, 1000000, &v)) return EXIT_USAGE;
            o.skip_bigrams = 1;
            o.skip_gap = v < 0 ? -1 : (int)v;
            break;
        case 'u': o.skip_unigrams = 1; break;
        case 'U': o.skip_both = 1; break;
        case 'x': o.no_lcs = 1; break;
        case 'w':
            if (!cli_opt_real("eval rouge", "-w", optarg, 0, 100, true, &o.wlcs_weight)) return EXIT_USAGE;
            break;
        case 'z': list_format = optarg; break;
        case '3':
        case 'M':
            cli_error("eval rouge: option -%c of ROUGE-1.5.5 is not supported (see --help)", c);
            return EXIT_USAGE;
        case OPT_MODELS: models = optarg; break;
        case OPT_REFS: refs = optarg; break;
        case OPT_PEERS:
            if (n_peers == MAX_INPUTS) goto too_many;
            peers[n_peers++] = optarg;
            break;
        case OPT_SUMS:
            if (n_sums == MAX_INPUTS) goto too_many;
            sums[n_sums++] = optarg;
            break;
        case OPT_FORMAT:
            if (!strcmp(optarg, "text")) fmt = PRECIS_ROUGE_TEXT;
            else if (!strcmp(optarg, "json")) fmt = PRECIS_ROUGE_JSON;
            else if (!strcmp(optarg, "tsv")) fmt = PRECIS_ROUGE_TSV;
            else {
                cli_error("eval rouge: unknown format '%s' (text, json or tsv)", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_MAXB:
            if (!parse_long(c, optarg, 1, 1LL << 40, &v)) return EXIT_USAGE;
            o.max_summary_bytes = (size_t)v;
            break;
        default: cli_try_help("eval rouge"); return EXIT_USAGE;
        }
    }
    const char *config = NULL, *config_system = NULL;
    if (optind < argc) {
        config = argv[optind];
        if (optind + 1 < argc) config_system = argv[optind + 1];
        if (optind + 2 < argc) {
            cli_error("eval rouge: unexpected argument '%s' (see --help)", argv[optind + 2]);
            return EXIT_USAGE;
        }
        if (models || refs || n_peers || n_sums) {
            cli_error("eval rouge: give a ROUGE configuration file or --models/--peers/--refs/"
                      "--summaries, not both");
            return EXIT_USAGE;
        }
        if (!list_format && !all_systems && !config_system) {
            cli_error("eval rouge: give a system ID to evaluate after the configuration file, "
                      "or -a for all systems");
            return EXIT_USAGE;
        }
        if (!list_format && all_systems) config_system = NULL;
    } else if (list_format) {
        cli_error("eval rouge: -z needs a file list argument (see --help)");
        return EXIT_USAGE;
    } else if (!(models || refs) || !(n_peers || n_sums)) {
        cli_error("eval rouge: give references (--models DIR or --refs FILE) and system "
                  "summaries (--peers DIR or --summaries FILE), or a ROUGE configuration file; "
                  "see --help");
        return EXIT_USAGE;
    }
    if ((models && n_sums && !refs) || (refs && n_peers && !models)) {
        cli_error("eval rouge: --peers goes with --models and --summaries with --refs");
        return EXIT_USAGE;
    }

    precis_rouge *r = NULL;
    precis_status st = precis_rouge_new(&o, &r);
    int rc = EXIT_OK_;
    if (st) {
        cli_error("eval rouge: %s", r ? precis_rouge_errmsg(r) : precis_strerror(st));
        rc = st == PRECIS_EINVAL ? EXIT_USAGE : cli_exit_for(st);
        goto out;
    }
    precis_rouge_on_warning(r, print_warning, NULL);
    if (config) st = precis_rouge_load_config(r, config, list_format, config_system);
    /* References from both --models and --refs: one of them empty is named
     * and left out, as an empty system is, and the other scores (before, an
     * empty --refs file ended the run with 3 while --models held references);
     * when neither holds any, the run finds nothing to score (3). */
    if (models && !st) st = references_or_empty(r, precis_rouge_load_models_dir(r, models), refs != NULL);
    /* One system's unreadable input is named and left out; the others are scored
     * (docs/cli.md: exit 2). References are needed by all: their failure stops. */
    bool refused = false;
    for (size_t i = 0; i < n_peers && !st; i++) {
        st = precis_rouge_load_peers_dir(r, peers[i]);
        if (st == PRECIS_EIO || st == PRECIS_EPARSE || st == PRECIS_ELIMIT || st == PRECIS_EEMPTY) {
            cli_error("%s; left out", precis_rouge_errmsg(r));
            if (st != PRECIS_EEMPTY) refused = true; /* an empty system is not an error */
            st = PRECIS_OK;
        }
    }
    if (refs && !st) st = references_or_empty(r, precis_rouge_load_refs_jsonl(r, refs), models != NULL);
    for (size_t i = 0; i < n_sums && !st; i++) {
        st = precis_rouge_load_summaries_jsonl(r, sums[i], NULL);
        if (st == PRECIS_EIO || st == PRECIS_EPARSE || st == PRECIS_ELIMIT || st == PRECIS_EEMPTY) {
            cli_error("%s; left out", precis_rouge_errmsg(r));
            if (st != PRECIS_EEMPTY) refused = true; /* an empty system is not an error */
            st = PRECIS_OK;
        }
    }
    if (precis_rouge_skipped(r)) refused = true;
    if (!st) st = precis_rouge_run(r);
    if (st) {
        cli_error("%s", precis_rouge_errmsg(r));
        if (precis_rouge_skipped(r)) refused = true;
        /* docs/cli.md: nothing to score because inputs were refused is 2, not 3 */
        rc = st == PRECIS_EEMPTY ? cli_exit_rule(refused ? EXIT_INPUT : EXIT_OK_, 0) : cli_exit_for(st);
        goto out;
    }
    char *text = NULL;
    size_t len = 0;
    st = precis_rouge_format_results(r, fmt, per_topic, &text, &len);
    if (st) {
        cli_error("%s", precis_rouge_errmsg(r));
        rc = cli_exit_for(st);
        goto out;
    }
    fwrite(text, 1, len, stdout);
    precis_text_free(text);
    if (fflush(stdout) != 0) {
        cli_error("eval rouge: cannot write the results: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    } else if (refused || precis_rouge_skipped(r)) {
        rc = EXIT_INPUT;
    }
out:
    precis_rouge_free(r);
    return rc;

too_many:
    cli_error("eval rouge: more than %d --peers/--summaries", MAX_INPUTS);
    return EXIT_USAGE;
}

int cmd_eval(int argc, char **argv)
{
    if (argc < 2) {
        eval_usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        eval_usage(stdout);
        return EXIT_OK_;
    }
    if (!strcmp(argv[1], "rouge")) {
        static char name[] = "precis: eval rouge"; /* getopt names argv[0] in its messages */
        argv[1] = name;
        return cmd_rouge(argc - 1, argv + 1);
    }
    cli_error("eval: unknown evaluator '%s' (see 'precis eval --help')", argv[1]);
    return EXIT_USAGE;
}
