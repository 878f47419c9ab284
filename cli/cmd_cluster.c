/* precis cluster — group a stream of articles into stories (near-duplicates
 * joined to the article they copy); prints the grouping only. */
#include "cli.h"
#include "core/core.h" /* pc_expand_inputs, pc_buf, pc_json_string */

#include <getopt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { FMT_TEXT = CLI_FMT_TEXT, FMT_JSON = CLI_FMT_JSON, FMT_JSONL = CLI_FMT_JSONL };

static void usage(FILE *out)
{
    fputs("usage: precis cluster [options] INPUT...\n"
          "\n"
          "Reads articles in arrival order and groups them into stories, as precis\n"
          "digest does: a near-copy of one of the last 16,384 articles (MinHash\n"
          "estimate of shared word 3-shingles) joins the article it copies; at the end\n"
          "the whole input is grouped from scratch (document frequencies of all of it,\n"
          "a nearest-neighbour graph of TF-IDF cosines plus a bonus for shared names,\n"
          "average-linkage merging; then groups whose merge reaches 20 articles join\n"
          "when their centroids are close and they share the words few other articles\n"
          "use, so a big story of varied reports is one story while two stories of one\n"
          "theme stay apart; lone articles attached). The regrouping runs over a window\n"
          "of at most 16,384 articles (--window): stories whose newest article is older\n"
          "than the quiet period, or than the last half-window of articles, are printed\n"
          "then and forgotten, so memory stays flat and an endless stream prints as it\n"
          "goes; two of a printed story's articles stay as anchors, so its later reports\n"
          "(within a window of articles) keep its id. --online groups each article as\n"
          "it arrives.\n"
          "\n"
          "INPUT: files, directories (walked in natural order), '-' for stdin; gzip read\n"
          "transparently. Each input is sniffed: JSON Lines of articles {\"id\", \"text\" |\n"
          "\"html\", \"title\", \"date\", \"url\", \"site\", \"author\"} or of clusters {\"id\",\n"
          "\"documents\": [...]}; a JSON array of articles; WARC (every HTML response\n"
          "record); a news feed (RSS 2.0, Atom 1.0, RSS 1.0/RDF: every item, its HTML\n"
          "content extracted); newswire SGML (NIST/LDC <DOC> files as DUC, TAC and\n"
          "Gigaword ship them: every DOC, named by its DOCNO or id attribute); one HTML\n"
          "page; else one pasted article (cleaned of page debris). Articles without an\n"
          "\"id\" are named FILE, FILE:LINE or FILE#RECORD (also the K-th element of an\n"
          "array, the K-th item of a feed, the K-th DOC of an SGML file).\n"
          "\n"
          "output (stdout, one line per article, in input order within a window):\n"
          "  text   ARTICLE_ID<TAB>STORY_ID; stories are s1, s2, ... in order of their\n"
          "         first article (--online: of creation; a long input: in order of\n"
          "         printing, lines in input order within one window's printing)\n"
          "  jsonl  {\"id\", \"story\", \"dup_of\": ID|null, \"title\", \"date\", \"site\", \"url\"}\n"
          "  json   {\"articles\": [the jsonl objects], \"stories\": N, \"articles_in\": N,\n"
          "         \"duplicates\": N, \"undated\": N, \"rejected\": N}\n"
          "\n"
          "options:\n"
          "  -f, --format FMT        text (default), json or jsonl\n"
          "      --online            one online pass instead: each article joins the most\n"
          "                          similar open story (TF-IDF of content-word stems,\n"
          "                          shared names, time since the story's last article)\n"
          "                          or starts a new one; lines are printed as articles\n"
          "                          arrive and memory stays flat (an endless feed)\n"
          "  -t, --threshold X       with --online only: similarity needed to join a\n"
          "                          story, above 0 and at most 1 (default 0.25; higher:\n"
          "                          more, smaller stories); the default regrouping has\n"
          "                          its own fixed cut, so without --online it is refused\n"
          "  -q, --quiet-days D      a story closes after D days without an article\n"
          "                          (default 3; fractions allowed)\n"
          "  -d, --dup-threshold J   estimated shingle Jaccard at which an article is a\n"
          "                          copy of an earlier one (default 0.5)\n"
          "      --max-open N        with --online only: open stories kept (default 5000;\n"
          "                          the least recently updated closes first); without\n"
          "                          --online it is refused\n"
          "      --batch             the default regrouping (kept for old scripts; not\n"
          "                          with --online)\n"
          "      --window N          the default regrouping's window: articles held at\n"
          "                          most (default 16384, at least 2; more: stories kept\n"
          "                          whole over a longer stretch, memory grows with it)\n"
          "      --progress          progress on stderr (default: when stderr is a terminal)\n"
          "      --no-progress       never show it\n"
          "  -h, --help              show this help\n"
          "\n"
          "Time: an article's date; an article without a (believable) date takes the time\n"
          "of the article before it (arrival order) -- their number is reported on\n"
          "stderr. Every input article is printed once or named on stderr as rejected\n"
          "(unreadable line or record, no article text, no words, or not an article:\n"
          "a short text that is only page furniture -- crawl notice, widget, consent).\n"
          "Exit codes: 0 ok (articles without text or words, or not articles, are named\n"
          "but are not errors); 1 usage error; 2 some input refused: unreadable, binary,\n"
          "malformed, or over a size limit (line over 1 MiB, article over 5 MiB, page or\n"
          "pasted file over 256 MiB) -- named, the rest printed; 3 no article at all;\n"
          "4 internal error (out of memory).\n",
          out);
}

#define ID_RING PRECIS_STREAM_DUP_WINDOW /* ids of the articles a copy may copy */

typedef struct run {
    precis_ctx *ctx;
    precis_stream *stream;
    int format;
    size_t n_in, n_out, n_dup, n_rejected, n_no_date;
    int worst;
    char *ids[ID_RING]; /* ids of recent articles, to name what a copy copies */
    pc_buf line;
    bool show_progress;
    double started, last_progress;
    bool batch;         /* default: lines held until the regrouping names their story */
    bool flush_each;    /* --online reading a pipe or stdin: each line flushed as it is printed */
    struct held {           /* per article held, in article order: */
        char *head, *tail;  /* the line before and after its story id (head NULL: printed) */
        size_t num;         /* its article number */
    } *held;
    size_t n_held, cap_held, n_printed; /* n_printed: entries of held already printed */
    size_t n_lines;     /* lines printed (json: the separator) */
    precis_date_window *dates; /* ambiguous "03/04/2026" settled as digest settles them */
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void note(run *r, int code)
{
    if (code > r->worst) r->worst = code;
}

static void progress(run *r, bool final)
{
    double t = now();
    if (!final && t - r->last_progress < 0.2) return;
    r->last_progress = t;
    double el = t - r->started;
    size_t ns = precis_stream_n_stories(r->stream);
    cli_progress("precis cluster: %zu %s, %zu %s, %.0f articles/s ", r->n_in, cli_n(r->n_in, "article", "articles"),
            ns, cli_n(ns, "story", "stories"), el > 0 ? (double)r->n_in / el : 0.0);
    if (final) cli_progress_end();
}

static void on_bad(void *user, const char *message)
{
    run *r = user;
    if (r->show_progress) cli_progress_end();
    cli_error("%s (rejected)", message);
    r->n_rejected++;
}

/* Text-format field: tabs and line breaks would break the columns. */
static void put_plain(const char *s)
{
    for (; *s; s++) putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void json_field(pc_buf *b, const char *key, const char *v)
{
    pc_buf_printf(b, ",\"%s\":", key);
    if (v) pc_json_string(b, v, strlen(v));
    else pc_buf_puts(b, "null");
}

/* A json/jsonl line after its "story": the other fields and the end. */
static void json_rest(const run *r, pc_buf *b, const char *dup_id, const precis_article *a)
{
    json_field(b, "dup_of", dup_id);
    json_field(b, "title", a->title);
    json_field(b, "date", a->date);
    json_field(b, "site", a->site);
    json_field(b, "url", a->url);
    pc_buf_puts(b, r->format == FMT_JSONL ? "}\n" : "}");
}

/* precis_stream_settle's report: the held line of that article, printed. */
static precis_status print_settled(void *user, size_t article, size_t story)
{
    run *r = user;
    size_t lo = 0, hi = r->n_held;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->held[mid].num < article) lo = mid + 1;
        else hi = mid;
    }
    if (lo == r->n_held || r->held[lo].num != article || !r->held[lo].head) return PRECIS_EINVAL; /* reported twice */
    struct held *h = &r->held[lo];
    if (r->format == FMT_JSON) fputs(r->n_lines ? ",\n" : "\n", stdout);
    printf("%s%zu%s", h->head, story + 1, h->tail);
    r->n_lines++;
    free(h->head);
    free(h->tail);
    h->head = h->tail = NULL;
    r->n_printed++;
    return PRECIS_OK;
}

/* Prints the lines whose story became final (the regrouping window; all at
 * the end). What is printed before the end is flushed at once, so that a
 * reader of an endless stream sees each window's stories as they close. */
static precis_status settle(run *r, bool at_end)
{
    size_t before = r->n_lines;
    precis_status st = precis_stream_settle(r->ctx, r->stream, at_end, print_settled, r);
    if (st) return st;
    if (!at_end && r->n_lines != before) fflush(stdout);
    if (r->n_printed * 2 >= r->n_held && r->n_printed) { /* drop the printed entries (amortised) */
        size_t k = 0;
        for (size_t i = 0; i < r->n_held; i++)
            if (r->held[i].head) r->held[k++] = r->held[i];
        r->n_held = k;
        r->n_printed = 0;
    }
    return PRECIS_OK;
}

static precis_status cluster_article(void *user, const precis_article *a)
{
    run *r = user;
    if (a->warning) cli_error("%s", a->warning);
    if (a->date_note && a->date) /* a yearless dateline: how it was read, or why not */
        cli_error("%s: dated %s %s", a->id, a->date, a->date_note);
    else if (a->date_note)
        cli_error("%s: %s", a->id, a->date_note);
    size_t num = r->n_in++;
    char **slot = &r->ids[num % ID_RING];
    free(*slot);
    *slot = strdup(a->id);
    if (!*slot) return PRECIS_ENOMEM;
    if (!a->date) r->n_no_date++;
    size_t story, dup;
    precis_status st = precis_stream_add(r->ctx, r->stream, a, &story, &dup);
    if (st == PRECIS_EEMPTY) { /* no words, or not an article: named, not an error */
        on_bad(r, precis_errmsg(r->ctx));
        return PRECIS_OK;
    }
    if (st) return st;
    if (dup != SIZE_MAX) r->n_dup++;
    const char *dup_id = dup != SIZE_MAX && num - dup < ID_RING ? r->ids[dup % ID_RING] : NULL;
    if (r->batch) {
        if (pc_grow(&r->held, &r->cap_held, r->n_held + 1, sizeof *r->held, 4096)) return PRECIS_ENOMEM;
        pc_buf *b = &r->line;
        b->len = 0;
        if (r->format == FMT_TEXT) {
            for (const char *q = a->id; *q; q++) pc_buf_putc(b, *q == '\t' || *q == '\n' || *q == '\r' ? ' ' : *q);
            pc_buf_puts(b, "\ts");
        } else { /* json: the separator is printed with the line */
            pc_buf_puts(b, "{\"id\":");
            pc_json_string(b, a->id, strlen(a->id));
            pc_buf_puts(b, ",\"story\":\"s");
        }
        if (!b->data) return PRECIS_ENOMEM;
        char *h = strndup(b->data, b->len);
        b->len = 0;
        if (r->format == FMT_TEXT) {
            pc_buf_puts(b, "\n");
        } else {
            pc_buf_puts(b, "\"");
            json_rest(r, b, dup_id, a);
        }
        char *tl = b->data ? strndup(b->data, b->len) : NULL;
        if (!h || !tl) {
            free(h);
            free(tl);
            return PRECIS_ENOMEM;
        }
        r->held[r->n_held++] = (struct held){h, tl, num};
        r->n_out++;
        if (r->show_progress) progress(r, false);
        return settle(r, false);
    } else if (r->format == FMT_TEXT) {
        put_plain(a->id);
        printf("\ts%zu\n", story + 1);
    } else {
        pc_buf *b = &r->line;
        b->len = 0;
        if (r->format == FMT_JSON) pc_buf_puts(b, r->n_out ? ",\n" : "\n");
        pc_buf_puts(b, "{\"id\":");
        pc_json_string(b, a->id, strlen(a->id));
        pc_buf_printf(b, ",\"story\":\"s%zu\"", story + 1);
        json_rest(r, b, dup_id, a);
        if (!b->data) return PRECIS_ENOMEM;
        fwrite(b->data, 1, b->len, stdout);
    }
    /* a reader of a live feed sees each line when its article came (before,
     * stdout's 64 KiB buffer held them); a file is written in whole buffers */
    if (r->flush_each) fflush(stdout);
    r->n_out++;
    if (r->show_progress) progress(r, false);
    return PRECIS_OK;
}

/* Each article goes through the date window first: one with an ambiguous
 * date waits for the dates after it (precis_date_window_add). */
static precis_status on_article(void *user, const precis_article *a)
{
    run *r = user;
    return precis_date_window_add(r->dates, a);
}

int cmd_cluster(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},  {"threshold", required_argument, NULL, 't'},
        {"quiet-days", required_argument, NULL, 'q'}, {"dup-threshold", required_argument, NULL, 'd'},
        {"max-open", required_argument, NULL, 'M'}, {"progress", no_argument, NULL, 'P'},
        {"no-progress", no_argument, NULL, 'N'},   {"help", no_argument, NULL, 'h'},
        {"batch", no_argument, NULL, 'B'},        {"online", no_argument, NULL, 'O'},
        {"window", required_argument, NULL, 'W'}, {NULL, 0, NULL, 0}};
    static run r; /* large (the id ring); one run per process */
    memset(&r, 0, sizeof r);
    precis_stream_options so = {0};
    /* The default is digest's grouping (docs/stories.md "One grouping"):
     * copies found as articles arrive, then the batch regrouping over a
     * window (the online pass is not run: docs/cluster.md Round 8);
     * --online is the one online pass. */
    r.batch = true;
    so.batch = 1;
    int want_progress = -1, c;
    bool threshold_opt = false, window_opt = false, max_open_opt = false, batch_opt = false, online_opt = false;
    double v;
    long long n;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:t:q:d:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!cli_parse_format("cluster", optarg, &r.format)) return EXIT_USAGE;
            break;
        case 't':
            if (!cli_opt_real("cluster", "--threshold", optarg, 0, 1, true, &v)) return EXIT_USAGE;
            so.threshold = v;
            threshold_opt = true;
            break;
        case 'q':
            if (!cli_opt_real("cluster", "--quiet-days", optarg, 0, 36500, true, &v)) return EXIT_USAGE;
            so.quiet_seconds = (int64_t)(v * 86400);
            if (!so.quiet_seconds) so.quiet_seconds = 1;
            break;
        case 'd':
            if (!cli_opt_real("cluster", "--dup-threshold", optarg, 0, 1, true, &v)) return EXIT_USAGE;
            so.dup_threshold = v;
            break;
        case 'M':
            if (!cli_opt_whole("cluster", "--max-open", optarg, 1, 10000000, &n)) return EXIT_USAGE;
            so.max_open = (size_t)n;
            max_open_opt = true;
            break;
        case 'W':
            if (!cli_opt_whole("cluster", "--window", optarg, 2, 50000000, &n)) return EXIT_USAGE;
            so.window = (size_t)n;
            window_opt = true;
            break;
        case 'P': want_progress = 1; break;
        case 'N': want_progress = 0; break;
        case 'B': r.batch = true; so.batch = 1; batch_opt = true; break;
        case 'O': r.batch = false; so.batch = 0; online_opt = true; break;
        case 'h': usage(stdout); return EXIT_OK_;
        default: cli_try_help("cluster"); return EXIT_USAGE;
        }
    }
    /* Both named: the last one won, so "--online --batch -t 0.5" was refused
     * for want of the --online it holds. */
    if (batch_opt && online_opt) {
        cli_error("cluster: --batch and --online are two groupings: give one (--batch is the default)");
        cli_try_help("cluster");
        return EXIT_USAGE;
    }
    if (threshold_opt && r.batch) {
        cli_threshold_needs_online("cluster");
        return EXIT_USAGE;
    }
    if (window_opt && !r.batch) {
        cli_window_needs_regrouping("cluster");
        return EXIT_USAGE;
    }
    /* The regrouping keeps every article of its window, not open stories:
     * the cap would be taken and ignored (the output is the same). */
    if (max_open_opt && r.batch) {
        cli_error("cluster: --max-open needs --online: the default regrouping holds a window of "
                  "articles (--window), not open stories");
        cli_try_help("cluster");
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        cli_error("cluster: no input (give files, directories or '-'; see --help)");
        return EXIT_USAGE;
    }
    char **paths = NULL;
    size_t n_paths = 0;
    pc_error perr;
    pc_error_clear(&perr);
    precis_status st = pc_expand_inputs(argv + optind, (size_t)(argc - optind), &paths, &n_paths, cli_note_repeat, NULL, &perr);
    if (st) {
        cli_error("%s", perr.msg);
        return cli_exit_for(st);
    }
    r.ctx = precis_new(NULL);
    if (!r.ctx || precis_stream_new(r.ctx, &so, &r.stream) || precis_date_window_new(cluster_article, &r, &r.dates)) {
        cli_error("cluster: %s", r.ctx && !r.stream ? precis_errmsg(r.ctx) : "out of memory");
        precis_stream_free(r.stream);
        precis_free(r.ctx);
        pc_paths_free(paths, n_paths);
        return EXIT_INTERNAL;
    }
    pc_buf_init(&r.line, 0);
    r.show_progress = want_progress == 1 || (want_progress == -1 && isatty(STDERR_FILENO));
    r.started = now();
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    if (r.format == FMT_JSON) fputs("{\"articles\":[", stdout);
    for (size_t i = 0; i < n_paths; i++) {
        size_t named = r.n_rejected;
        r.flush_each = !r.batch && !pc_is_regular(paths[i]);
        st = precis_articles_read(r.ctx, paths[i], on_article, on_bad, &r);
        if (st == PRECIS_OK) continue;
        if (st == PRECIS_EPARSE || st == PRECIS_ELIMIT || st == PRECIS_EEMPTY || st == PRECIS_EIO) {
            /* parts were named as they were skipped; a whole input (unreadable,
             * over the file limit, nothing in it) is named here */
            if (r.n_rejected == named) on_bad(&r, precis_errmsg(r.ctx));
            if (st != PRECIS_EEMPTY) note(&r, EXIT_INPUT); /* docs/cli.md: refused, not empty */
        } else {
            cli_error("%s", precis_errmsg(r.ctx));
            note(&r, EXIT_INTERNAL);
            break;
        }
    }
    if (r.worst < EXIT_INTERNAL && (st = precis_date_window_end(r.dates))) { /* the articles still held */
        cli_error("cluster: %s", st == PRECIS_ENOMEM ? "out of memory" : precis_errmsg(r.ctx));
        note(&r, EXIT_INTERNAL);
    }
    precis_date_window_free(r.dates);
    size_t n_stories = precis_stream_n_stories(r.stream);
    if (r.batch && r.worst < EXIT_INTERNAL) {
        if (settle(&r, true)) {
            cli_error("cluster: regrouping: %s", precis_errmsg(r.ctx));
            note(&r, EXIT_INTERNAL);
        }
        n_stories = precis_stream_n_stories(r.stream);
    }
    for (size_t i = 0; i < r.n_held; i++) {
        free(r.held[i].head);
        free(r.held[i].tail);
    }
    free(r.held);
    if (r.format == FMT_JSON) {
        printf("\n],\"stories\":%zu,\"articles_in\":%zu,\"duplicates\":%zu,\"undated\":%zu,\"rejected\":%zu}\n",
               n_stories, r.n_in, r.n_dup, precis_stream_n_undated(r.stream),
               r.n_rejected);
    }
    if (fflush(stdout) != 0) { /* docs/cli.md: output not writable is 4 */
        cli_error("cluster: cannot write the output: %s", strerror(errno));
        note(&r, EXIT_INTERNAL);
    }
    if (r.show_progress) progress(&r, true);
    size_t undated = precis_stream_n_undated(r.stream);
    if (undated) {
        /* "1 of 1 article has no date: it took ...", "2 of 5 articles have no date: each took ..." */
        cli_error("%zu of %zu %s %s no date%s: %s the time of the article before it (arrival order)", undated, r.n_in,
                  cli_n(r.n_in, "article", "articles"), cli_n(undated, "has", "have"),
                  undated > r.n_no_date ? (undated == 1 ? " (or one not believable: before 1900 or after 2200)"
                                                        : " (or ones not believable: before 1900 or after 2200)")
                                        : "",
                  cli_n(undated, "it took", "each took"));
    }
    if (!r.n_out && r.worst < EXIT_INTERNAL) {
        cli_no_files(argv + optind, (size_t)(argc - optind), n_paths);
        cli_error("cluster: no article found in the input");
    }
    int code = cli_exit_rule(r.worst, r.n_out);
    for (size_t i = 0; i < ID_RING; i++) free(r.ids[i]);
    pc_buf_free(&r.line);
    precis_stream_free(r.stream);
    precis_free(r.ctx);
    pc_paths_free(paths, n_paths);
    return code;
}
