/* precis extract — the article and its metadata from web pages and WARC files. */
#include "cli.h"
#include "core/core.h" /* pc_expand_inputs: directories walked in natural order */
#include "html/html.h"   /* ph_extract_input: a page already read */
#include "story/story.h" /* pst_articles_read_mem: the DOCs of newswire SGML */
#include "text/article.h"
#include "text/text.h" /* pt_looks_like_sgml */

#include <getopt.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { FMT_TEXT = CLI_FMT_TEXT, FMT_JSON = CLI_FMT_JSON, FMT_JSONL = CLI_FMT_JSONL };

static void usage(FILE *out)
{
    fputs("usage: precis extract [options] PAGE...\n"
          "\n"
          "Extracts the main article (text, title, date, author, site, language) from\n"
          "HTML pages: files, directories (walked in natural order), '-' for stdin, gzip\n"
          "read transparently, any declared or undeclared encoding (output is UTF-8).\n"
          "WARC and WARC.gz files (recognised by their content; on stdin or a pipe give\n"
          "--warc) yield one article per HTML response record, streamed in constant\n"
          "memory. JSON (Lines) input is refused: digest, cluster and ingest read\n"
          "{\"html\"} articles; so is a news feed (RSS, Atom), which digest, cluster,\n"
          "summarize and ingest read.\n"
          "Newswire SGML (NIST/LDC <DOC> files as DUC and TAC ship them; sniffed by\n"
          "content) gives one article per DOC with text, as digest reads it: id its\n"
          "DOCNO, title, date, site (the id's source code), text its TEXT.\n"
          "\n"
          "options:\n"
          "  -f, --format FMT   text (default for pages), json, or jsonl (default for WARC);\n"
          "                     json prints one object for a single page, else an array\n"
          "                     (always for an SGML file);\n"
          "                     objects: {\"id\",\"url\",\"site\",\"title\",\"date\",\"author\",\"lang\",\"text\"}\n"
          "  -u, --url URL      the page's address (metadata, dates in the URL; with one\n"
          "                     PAGE only); default: its <link rel=canonical>\n"
          "  -a, --all-text     print all visible text instead of the article\n"
          "      --warc         read the inputs (e.g. stdin) as WARC\n"
          "      --progress     show a progress bar on stderr (default: when a terminal)\n"
          "      --no-progress  never show it\n"
          "  -h, --help         show this help\n"
          "\n"
          "Text output: paragraphs separated by a blank line; pages separated by a form\n"
          "feed line. Pages without an article are named on stderr (\"no article found\").\n"
          "Exit codes: 0 ok; 1 usage error; 2 some input refused: unreadable, binary,\n"
          "malformed, or over a size limit (HTML nesting over 512, text over 5 MiB, input\n"
          "over 256 MiB) -- named, the rest printed; 3 no article in any input; 4 internal\n"
          "error (out of memory).\n",
          out);
}

typedef struct run {
    precis_ctx *ctx;
    precis_extract_options opts;
    int format;
    bool format_given;
    int n_out;          /* articles printed */
    int worst;          /* exit code so far */
    size_t no_article;  /* pages without an article (WARC: summarised) */
    bool own_array;     /* an SGML input printed its own JSON array */
    pc_buf line;
} run;

static void note_failure(run *r, precis_status st)
{
    /* docs/cli.md: a page without an article is named, not an error; a page over
     * a limit (nesting, text size) is refused like a malformed one */
    int code = st == PRECIS_EEMPTY ? EXIT_OK_ : cli_exit_for(st);
    if (code > r->worst) r->worst = code;
}

/* One article: its text (text format) or its JSON object. */
static void print_out(run *r, const char *text, size_t len, const char *json, int format)
{
    if (format == FMT_TEXT) {
        if (r->n_out) fputs("\f\n", stdout);
        fwrite(text, 1, len, stdout);
        fputc('\n', stdout);
    } else {
        if (!json) {
            note_failure(r, PRECIS_ENOMEM);
            return;
        }
        if (format == FMT_JSON) fputs(r->n_out ? ",\n" : "", stdout);
        fputs(json, stdout);
        if (format == FMT_JSONL) fputc('\n', stdout);
    }
    r->n_out++;
}

static void print_doc(run *r, precis_doc *doc, int format)
{
    size_t len = 0;
    const char *text = format == FMT_TEXT ? precis_doc_text(doc, &len) : NULL;
    print_out(r, text, len, format == FMT_TEXT ? NULL : precis_doc_json(doc), format);
}

/* ---- newswire SGML: one article per <DOC> -------------------------------- */

typedef struct sgml_out {
    run *r;
    int format;
    pc_buf json;
    size_t n_bad;
} sgml_out;

static precis_status sgml_article(void *user, const precis_article *art)
{
    sgml_out *g = user;
    const char *json = NULL;
    if (g->format != FMT_TEXT) { /* the object precis_doc_json writes, from the article */
        pt_article a;
        pt_article_init(&a);
        const char *const from[] = {art->id, art->url, art->site, art->title, art->date, art->author, art->lang};
        const char **to[] = {&a.id, &a.url, &a.site, &a.title, &a.date, &a.author, &a.lang};
        precis_status st = PRECIS_OK;
        for (size_t k = 0; k < sizeof to / sizeof *to && !st; k++)
            if (from[k]) st = pt_article_set(&a, to[k], from[k], strlen(from[k]));
        if (!st) st = pt_article_set(&a, &a.text, art->text, art->text_len);
        g->json.len = 0;
        if (!st) st = pt_article_json(&a, false, &g->json);
        if (!st) st = pc_buf_putc(&g->json, '\0');
        pt_article_free(&a);
        if (st) return st;
        json = g->json.data;
    }
    print_out(g->r, art->text, art->text_len, json, g->format);
    return PRECIS_OK;
}

static void sgml_bad(void *user, const char *message)
{
    sgml_out *g = user;
    g->n_bad++;
    cli_error("%s", message);
}

/* The DOCs of one SGML file (raw bytes; Latin-1 decoded by the reader). A
 * single input with -f json prints its own array: it holds many articles. */
static void do_sgml(run *r, const char *path, const char *raw, size_t len, int format, bool in_array)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    if (r->opts.url || r->opts.all_text)
        cli_error("%s: newswire SGML: %s applies to HTML pages, not used", name,
                  r->opts.url ? "-u/--url" : "-a/--all-text");
    sgml_out g = {r, format, {0}, 0};
    pc_buf_init(&g.json, 0);
    bool own = format == FMT_JSON && !in_array;
    int before = r->n_out;
    if (own) fputs("[\n", stdout);
    precis_status st = pst_articles_read_mem(r->ctx, name, raw, len, sgml_article, sgml_bad, &g);
    if (own) fputs(r->n_out > before ? "\n]\n" : "]\n", stdout);
    r->own_array |= own;
    pc_buf_free(&g.json);
    if (st == PRECIS_EEMPTY && !g.n_bad) {
        cli_error("%s: no DOC with article text", name);
        r->no_article++;
    } else if (st && st != PRECIS_EEMPTY && (st == PRECIS_ENOMEM || !g.n_bad)) {
        cli_error("%s", precis_errmsg(r->ctx));
    }
    if (st && st != PRECIS_EEMPTY) note_failure(r, st);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(const char *name, uint64_t done, uint64_t total, size_t pages)
{
    if (total) {
        int pct = (int)(done * 100 / total);
        if (pct > 100) pct = 100;
        char bar[31];
        int fill = pct * 30 / 100;
        memset(bar, '#', (size_t)fill);
        memset(bar + fill, '.', (size_t)(30 - fill));
        bar[30] = '\0';
        cli_progress("%s [%s] %3d%% %zu %s", name, bar, pct, pages, cli_n(pages, "page", "pages"));
    } else {
        cli_progress("%s %zu %s", name, pages, cli_n(pages, "page", "pages"));
    }
    fflush(stderr);
}

static void do_warc(run *r, const char *path, bool show_progress)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    precis_warc *w;
    precis_status st = precis_warc_open(r->ctx, path, &w);
    if (st) {
        cli_error("%s", precis_errmsg(r->ctx));
        note_failure(r, st);
        return;
    }
    int format = r->format_given ? r->format : FMT_JSONL;
    size_t pages = 0, bad = 0, empty = 0;
    double last = 0;
    for (;;) {
        precis_doc *doc;
        int end;
        st = precis_warc_next(r->ctx, w, &r->opts, &doc, &end, NULL);
        if (st == PRECIS_OK && end) break;
        if (st == PRECIS_OK || st == PRECIS_EEMPTY) pages++;
        if (st == PRECIS_OK) {
            print_doc(r, doc, format);
            precis_doc_free(doc);
        } else if (st == PRECIS_EEMPTY) {
            empty++;
        } else {
            /* name the first few bad records; count the rest */
            if (++bad <= 20) cli_error("%s", precis_errmsg(r->ctx));
            note_failure(r, st == PRECIS_ELIMIT ? PRECIS_EPARSE : st);
            if (st == PRECIS_EIO) break;
        }
        if (show_progress && now() - last > 0.2) {
            uint64_t done, total;
            precis_warc_progress(w, &done, &total);
            progress(name, done, total, pages);
            last = now();
            (void)0;
        }
    }
    if (show_progress) {
        uint64_t done, total;
        precis_warc_progress(w, &done, &total);
        progress(name, total ? total : done, total, pages);
        cli_progress_end();
    }
    precis_warc_close(w);
    if (empty || bad)
        cli_error("%s: %zu HTML %s, %zu %s, %zu without an article, %zu bad %s", name, pages,
                  cli_n(pages, "page", "pages"), pages - empty, cli_n(pages - empty, "article", "articles"), empty, bad,
                  cli_n(bad, "record", "records"));
    r->no_article += empty;
}

static void do_page(run *r, const char *path, int format, bool in_array)
{
    precis_doc *doc = NULL;
    pc_buf raw;
    pc_buf_init(&raw, 0);
    pc_error *err = pc_ctx_err(r->ctx);
    pc_error_clear(err);
    precis_status st = pc_read_input_raw(path, pc_ctx_limits(r->ctx)->max_file_bytes, &raw, err);
    if (!st && pt_looks_like_sgml(raw.data, raw.len)) {
        do_sgml(r, path, raw.data, raw.len, format, in_array);
        pc_buf_free(&raw);
        return;
    }
    if (!st) st = ph_extract_input(r->ctx, path, raw.data, raw.len, &r->opts, &doc);
    pc_buf_free(&raw);
    if (st) {
        cli_error("%s", precis_errmsg(r->ctx));
        if (st == PRECIS_EEMPTY) r->no_article++;
        note_failure(r, st);
        return;
    }
    print_doc(r, doc, format);
    precis_doc_free(doc);
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"url", required_argument, NULL, 'u'},
        {"all-text", no_argument, NULL, 'a'},     {"warc", no_argument, NULL, 'W'},
        {"progress", no_argument, NULL, 'P'},     {"no-progress", no_argument, NULL, 'N'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    run r;
    memset(&r, 0, sizeof r);
    int force_warc = 0, want_progress = -1, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:u:ah", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!cli_parse_format("extract", optarg, &r.format)) return EXIT_USAGE;
            r.format_given = true;
            break;
        case 'u': r.opts.url = optarg; break;
        case 'a': r.opts.all_text = 1; break;
        case 'W': force_warc = 1; break;
        case 'P': want_progress = 1; break;
        case 'N': want_progress = 0; break;
        case 'h': usage(stdout); return EXIT_OK_;
        default: cli_try_help("extract"); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("extract: no input (give PAGE... or '-' for stdin)");
        cli_try_help("extract");
        return EXIT_USAGE;
    }
    char **paths;
    size_t n_paths;
    pc_error err;
    pc_error_clear(&err);
    precis_status st = pc_expand_inputs(argv + optind, (size_t)(argc - optind), &paths, &n_paths, cli_note_repeat, NULL, &err);
    if (st) {
        cli_error("%s", err.msg);
        return cli_exit_for(st);
    }
    if (r.opts.url && n_paths > 1) { /* it would be every page's address and date */
        cli_error("extract: -u/--url is the address of one page, not of %zu", n_paths);
        pc_paths_free(paths, n_paths);
        return EXIT_USAGE;
    }
    r.ctx = precis_new(NULL);
    if (!r.ctx) {
        pc_paths_free(paths, n_paths);
        cli_error("out of memory");
        return EXIT_INTERNAL;
    }
    bool tty = isatty(STDERR_FILENO);
    bool show_progress = want_progress == 1 || (want_progress == -1 && tty);
    int page_format = r.format_given ? r.format : FMT_TEXT;
    bool json_array = page_format == FMT_JSON && (n_paths > 1 || force_warc);
    for (size_t i = 0; i < n_paths && page_format == FMT_JSON && !json_array; i++)
        if (precis_is_warc(paths[i])) json_array = true;
    if (json_array) fputs("[\n", stdout);
    double last = 0;
    for (size_t i = 0; i < n_paths; i++) {
        if (force_warc || precis_is_warc(paths[i])) {
            do_warc(&r, paths[i], show_progress);
        } else {
            do_page(&r, paths[i], page_format, json_array);
            if (show_progress && n_paths > 1 && (now() - last > 0.2 || i + 1 == n_paths)) {
                progress("pages", i + 1, n_paths, i + 1);
                if (i + 1 == n_paths) cli_progress_end();
                last = now();
            }
        }
    }
    if (json_array) fputs(r.n_out ? "\n]\n" : "]\n", stdout);
    else if (page_format == FMT_JSON && r.n_out && !r.own_array) fputc('\n', stdout);
    if (fflush(stdout) != 0) { /* docs/cli.md: output not writable is 4 */
        cli_error("extract: cannot write the output: %s", strerror(errno));
        r.worst = EXIT_INTERNAL;
    }
    pc_paths_free(paths, n_paths);
    precis_free(r.ctx);
    int rc = cli_exit_rule(r.worst, (size_t)r.n_out);
    if (rc == EXIT_EMPTY) cli_no_files(argv + optind, (size_t)(argc - optind), n_paths);
    return rc;
}
