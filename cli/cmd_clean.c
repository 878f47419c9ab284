/* precis clean — strip debris from pasted article text, lift out metadata. */
#include "cli.h"

#include "clean/clean.h"
#include "html/html.h"   /* ph_looks_like_warc, ph_looks_like_feed */
#include "story/story.h" /* pst_looks_like_html */
#include "text/text.h"   /* pt_looks_like_sgml */

#include <getopt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *out)
{
    fprintf(out,
            "usage: precis clean [options] FILE...\n\n"
            "Removes the page debris from pasted article text (navigation, promotion,\n"
            "captions, credits, share buttons, tickers, cookie notices, teasers, bylines,\n"
            "datelines) and finds the title, date (ISO 8601), byline and site.\n"
            "FILE may be a text file, a directory (walked in natural order), '-' for stdin,\n"
            "gzip-compressed, JSON Lines of {\"id\", \"text\"} objects, or a JSON array of such\n"
            "objects or of strings (each string one article), or newswire SGML (NIST/LDC\n"
            "<DOC> files as DUC and TAC ship them: each DOC's TEXT one article, its\n"
            "DOCNO, headline and date kept). With three or more\n"
            "documents, lines that recur across them are removed as boilerplate.\n"
            "An HTML page, a WARC file or a news feed is refused (2): 'precis extract'\n"
            "reads pages and WARC, digest, cluster, summarize and ingest read feeds.\n\n"            "options:\n"
            "  -f, --format FMT     text (default: title, blank line, clean text),\n"
            "                       json (one article object, or an array for several),\n"
            "                       jsonl (one article object a line); JSON adds \"removed\"\n"
            "  -e, --explain        (text format only) list every input line with its verdict:\n"
            "                       '+' kept, 'T' title, '-' removed with class and reason\n"
            "      --no-learn       do not learn boilerplate across the documents\n"
            "      --year YEAR      year for dates printed without one (\"July 11\")\n"
            "      --max-article N  article size cap in bytes (default 5 MiB)\n"
            "      --progress, --no-progress   progress on stderr (default: when a terminal)\n"
            "  -h, --help           show this help\n\n"
            "Exit codes: 0 ok; 1 usage error; 2 some input refused: unreadable, binary,\n"
            "malformed, or over a size limit (line 1 MiB, article 5 MiB; named, the rest\n"
            "cleaned); 3 no article text left in any input (only debris); 4 internal error\n"
            "(out of memory, output not writable).\n");
}

typedef enum { FMT_TEXT = CLI_FMT_TEXT, FMT_JSON = CLI_FMT_JSON, FMT_JSONL = CLI_FMT_JSONL } out_format;

/* A page, a crawl or a feed read as pasted text came out as its raw markup
 * ("<!doctype html><html><head>...", WARC headers) with exit 0; summarize
 * refuses such a file the same way. (SGML <DOC>s are read one by one: their
 * line is set.) */
static const char *markup_kind(const pcl_doc *d)
{
    if (d->line) return NULL; /* a JSONL line or array element: its "text" is text */
    if (ph_looks_like_warc(d->text, d->len)) return "a WARC file, not pasted text: run 'precis extract' on it";
    if (ph_looks_like_feed(d->text, d->len))
        return "a news feed (RSS/Atom), not pasted text: precis digest, cluster, summarize and ingest read feeds, "
               "one article per item";
    if (!pt_looks_like_sgml(d->text, d->len) && pst_looks_like_html(d->text, d->len))
        return "an HTML page, not pasted text: run 'precis extract' on it";
    return NULL;
}

static void print_explain(const pcl_doc *doc, const pcl_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const pcl_line *L = &lines[i];
        const char *s = doc->text + L->start;
        int len = (int)L->len;
        if (L->reason && strcmp(L->reason, "blank") == 0) {
            printf("\n");
        } else if (L->is_title) {
            printf("T %.*s\n", len, s);
        } else if (L->kept) {
            if (L->cut_len) { /* its own verdict, then the rest of the line */
                printf("- [%s: page buttons before the text of a paragraph] %.*s\n", pcl_class_name(PCL_SOCIAL), (int)L->cut_len,
                       doc->text + L->cut_start);
                size_t skip = L->cut_start + L->cut_len - L->start;
                while (skip < L->len && s[skip] == ' ') skip++;
                s += skip, len -= (int)skip;
            }
            printf("+ %.*s\n", len, s);
        } else {
            printf("- [%s: %s] %.*s\n", pcl_class_name(L->cls), L->reason, len, s);
        }
    }
}

static void name_bad_line(void *user, const char *message)
{
    (void)user;
    cli_error("%s", message);
}

int cmd_clean(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"explain", no_argument, NULL, 'e'},
        {"no-learn", no_argument, NULL, 'L'},     {"year", required_argument, NULL, 'y'},
        {"max-article", required_argument, NULL, 'm'},
        {"progress", no_argument, NULL, 'p'},     {"no-progress", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    out_format fmt = FMT_TEXT;
    bool explain = false, learn = true;
    int progress = -1;
    pcl_options o;
    pcl_options_init(&o);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:eh", opts, NULL)) != -1) {
        switch (c) {
        case 'f': {
            int f;
            if (!cli_parse_format("clean", optarg, &f)) return EXIT_USAGE;
            fmt = (out_format)f;
            break;
        }
        case 'e': explain = true; break;
        case 'L': learn = false; break;
        case 'y': {
            long long y;
            if (!cli_opt_whole("clean", "--year", optarg, 1000, 2999, &y)) return EXIT_USAGE;
            o.default_year = (int)y;
            break;
        }
        case 'm': {
            long long m;
            if (!cli_opt_whole("clean", "--max-article", optarg, 1, 1LL << 40, &m)) return EXIT_USAGE;
            o.max_article_bytes = (size_t)m;
            break;
        }
        case 'p': progress = 1; break;
        case 'P': progress = 0; break;
        case 'h': help(stdout); return EXIT_OK_;
        default: cli_try_help("clean"); return EXIT_USAGE;
        }
    }
    /* The listing is text; JSON already carries the removed lines ("removed"):
     * taken and ignored, the option would say nothing. */
    if (explain && fmt != FMT_TEXT) {
        cli_error("clean: --explain lists lines as text: it does not go with -f json or jsonl "
                  "(their \"removed\" holds the removed lines)");
        cli_try_help("clean");
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        cli_error("clean: no input (give FILE..., a directory, or '-' for stdin)");
        cli_try_help("clean");
        return EXIT_USAGE;
    }
    if (progress < 0) progress = isatty(STDERR_FILENO);

    int exit_code = EXIT_OK_;
    pc_error err;
    pc_error_clear(&err);
    char **paths = NULL;
    size_t n_paths = 0;
    precis_status st = pc_expand_inputs(argv + optind, (size_t)(argc - optind), &paths, &n_paths, cli_note_repeat, NULL, &err);
    if (st) {
        cli_error("%s", err.msg);
        if (st != PRECIS_EIO || !paths) return cli_exit_for(st);
        exit_code = EXIT_INPUT;
    }
    pcl_docs docs = {0};
    docs.bad = name_bad_line;
    docs.warn = name_bad_line; /* the same printer: a warning is not counted as a refusal */
    for (size_t i = 0; i < n_paths; i++) {
        pc_error_clear(&err);
        size_t named = docs.n_bad, before = docs.n;
        st = pcl_docs_read(&docs, paths[i], 0, &err);
        if (!st && docs.n == before && docs.n_bad == named) cli_error("%s: no article found", paths[i]); /* "[]" */
        const char *markup = !st && docs.n == before + 1 ? markup_kind(&docs.v[before]) : NULL;
        if (markup) {
            pcl_doc *d = &docs.v[--docs.n];
            cli_error("%s: %s", d->source, markup);
            free(d->id), free(d->url), free(d->text), free(d->source), free(d->title), free(d->date), free(d->site);
            if (EXIT_INPUT > exit_code) exit_code = EXIT_INPUT;
        }
        if (st) { /* refused lines were named as they were read */
            if (docs.n_bad == named) cli_error("%s", err.msg);
            int code = cli_exit_for(st);
            if (code > exit_code) exit_code = code;
        }
    }
    pc_paths_free(paths, n_paths);

    pcl_corpus *corpus = NULL;
    if (learn && docs.n >= 3) {
        corpus = pcl_corpus_new();
        for (size_t i = 0; corpus && i < docs.n; i++)
            if (pcl_corpus_add(corpus, docs.v[i].text, docs.v[i].len)) {
                pcl_corpus_free(corpus);
                corpus = NULL;
            }
        if (!corpus) {
            cli_error("clean: out of memory while learning boilerplate");
            pcl_docs_free(&docs);
            return EXIT_INTERNAL;
        }
        o.corpus = corpus;
    }

    size_t produced = 0;
    pc_buf json;
    pc_buf_init(&json, 0);
    if (fmt == FMT_JSON && docs.n != 1) fputs("[", stdout);
    for (size_t i = 0; i < docs.n; i++) {
        pcl_doc *doc = &docs.v[i];
        pt_article a;
        pt_article_init(&a);
        pt_article_set(&a, &a.id, doc->id, strlen(doc->id));
        if (doc->url) pt_article_set(&a, &a.url, doc->url, strlen(doc->url));
        o.name = doc->source;
        pc_error_clear(&err);
        pcl_line *lines = NULL;
        size_t n_lines = 0;
        st = pcl_clean_lines(doc->text, doc->len, &o, &a, explain ? &lines : NULL, &n_lines, &err);
        /* an SGML <DOC>'s own fields win over what cleaning guessed, as digest reads it */
        const char *const *from[] = {(const char *const *)&doc->title, (const char *const *)&doc->date,
                                     (const char *const *)&doc->site};
        const char **to[] = {&a.title, &a.date, &a.site};
        for (size_t k = 0; k < 3 && st == PRECIS_OK; k++)
            if (*from[k] && pt_article_set(&a, to[k], *from[k], strlen(*from[k]))) st = PRECIS_ENOMEM;
        if (st == PRECIS_EEMPTY) {
            size_t k = 0;
            while (k < doc->len && pc_is_space((unsigned char)doc->text[k])) k++;
            const char *why = k == doc->len ? "empty input (no text)" : "no article text found (only debris)";
            if (doc->line) cli_error("%s:%zu: %s", doc->source, doc->line, why);
            else cli_error("%s: %s", doc->source, why);
        } else if (st) {
            cli_error("%s", err.msg);
            int code = cli_exit_for(st);
            if (code > exit_code) exit_code = code;
            free(lines);
            pt_article_free(&a);
            continue;
        } else {
            produced++;
        }
        if (fmt == FMT_TEXT) {
            if (docs.n > 1) printf("%s==> %s <==\n", i ? "\n" : "", doc->id);
            if (explain) {
                print_explain(doc, lines, n_lines);
            } else if (st == PRECIS_OK) {
                if (a.title) printf("%s\n\n", a.title);
                fwrite(a.text, 1, a.text_len, stdout);
                fputc('\n', stdout);
            }
        } else {
            json.len = 0;
            if (pt_article_json(&a, true, &json)) {
                cli_error("clean: out of memory writing JSON");
                exit_code = EXIT_INTERNAL;
            } else {
                if (fmt == FMT_JSON && docs.n != 1 && i) fputs(",\n", stdout);
                fwrite(json.data, 1, json.len, stdout);
                if (fmt == FMT_JSONL || docs.n == 1) fputc('\n', stdout);
            }
        }
        if (progress) cli_progress("precis clean: %zu/%zu", i + 1, docs.n);
        free(lines);
        pt_article_free(&a);
    }
    if (fmt == FMT_JSON && docs.n != 1) fputs("]\n", stdout);
    if (progress && docs.n) cli_progress_end();
    pc_buf_free(&json);
    pcl_corpus_free(corpus);
    pcl_docs_free(&docs);
    if (fflush(stdout) != 0) {
        cli_error("clean: cannot write the output: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    int rc = cli_exit_rule(exit_code, produced);
    if (rc == EXIT_EMPTY) cli_no_files(argv + optind, (size_t)(argc - optind), n_paths);
    return rc;
}
