/* precis summarize — option parsing, reading inputs, printing summaries. */
#include "cli.h"
#include "core/core.h"
#include "text/text.h" /* pt_looks_like_sgml */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: precis summarize [options] INPUT...\n\n"
            "Summarizes several articles about one story: picks the sentences that cover\n"
            "what the sources repeat, says each thing once, keeps source order, and names\n"
            "for every sentence its article and the other articles that say the same.\n\n"
            "INPUT is an article file, a directory of article files (walked in natural\n"
            "order), '-' for stdin, or JSON Lines: article objects {\"id\", \"text\"} or a\n"
            "cluster {\"id\", \"documents\": [...]}, or a JSON array of articles (or of\n"
            "one cluster; several clusters need --batch). Text\n"
            "whose articles are joined by Multi-News's ' ||||| ' separator is split into\n"
            "articles. A news feed (RSS 2.0, Atom 1.0, RSS 1.0/RDF; sniffed by content)\n"
            "gives one article per item, its HTML content extracted. Newswire SGML (the\n"
            "NIST/LDC <DOC> files DUC, TAC and Gigaword ship; sniffed by content) gives\n"
            "one article per <DOC>, named by its DOCNO: its TEXT only (SLUG, PREAMBLE,\n"
            "TRAILER, ANNOTATION dropped). .gz is read as is.\n"
            "An HTML page or a WARC file is refused: run 'precis extract' on it first.\n\n"
            "options:\n"
            "  -w, --words N       word budget (default 100); sentences are never cut off\n"
            "  -b, --bytes N       byte budget instead of words; sentences never cut off\n"
            "      --sentences N   at most N sentences\n"
            "      --compress      offer sentences without their asides as well (brackets,\n"
            "                      dash asides, an opening \"But\"/\"However,\", a closing\n"
            "                      \", officials said\", \", which ...\" clauses); such a\n"
            "                      sentence is marked \"compressed\" in JSON with the kept\n"
            "                      byte ranges (off by default)\n"
            "      --no-compress   whole sentences only (the default)\n"
            "      --lang CODE     language for stemming and stopwords (default en;\n"
            "                      ar da de el en es fi fr hu id it nl no pt ro ru sv tr; any case)\n"
            "  -f, --format F      text (one sentence per line), json or jsonl (with sources,\n"
            "                      spans, scores and also_in)\n"
            "      --batch         many clusters: each sub-directory of a directory INPUT,\n"
            "                      or each line of a JSONL INPUT or element of a JSON\n"
            "                      array of clusters, is one cluster (the\n"
            "                      files directly in a directory, every DOC of an SGML\n"
            "                      file among them; D1/D1-A/ and D1/D1-B/ are two); an\n"
            "                      SGML file INPUT is one cluster of all its DOCs, named\n"
            "                      after the file (d30001t.sgml: d30001t)\n"
            "  -o, --output DIR    with --batch: write DIR/<cluster>.txt (one sentence per\n"
            "                      line; -f json/jsonl refused with -o); without -o,\n"
            "                      --batch prints JSON Lines (-f json or jsonl; text\n"
            "                      refused: it has no place for the cluster ids)\n"
            "  -h, --help          show this help\n\n"
            "Exit codes: 0 ok; 1 usage; 2 some input refused: unreadable, binary, malformed,\n"
            "or over a size limit (named; the rest summarized); 3 nothing to output (no\n"
            "usable sentence); 4 internal error (out of memory, output not writable).\n");
}

typedef struct run {
    precis_ctx *ctx;
    precis_summary_options opts;
    const char *format; /* text, json, jsonl */
    const char *outdir;
    size_t n_ok, n_failed; /* n_failed: inputs or clusters refused (docs/cli.md) */
    pc_strset written;     /* the file names written to -o DIR */
    bool out_failed;       /* a file of -o DIR could not be written (named): exit 4 */
} run;

static int print_summary(run *r, const precis_summary *s)
{
    size_t n = precis_summary_count(s);
    if (strcmp(r->format, "text") == 0) {
        for (size_t i = 0; i < n; i++) {
            const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
            fwrite(x->text, 1, x->text_len, stdout);
            fputc('\n', stdout);
        }
        return EXIT_OK_;
    }
    char *json;
    size_t len;
    precis_status st = precis_summary_json(s, &json, &len);
    if (st) {
        cli_error("%s", precis_strerror(st));
        return cli_exit_for(st);
    }
    fwrite(json, 1, len, stdout);
    fputc('\n', stdout);
    precis_text_free(json);
    return EXIT_OK_;
}

static int write_summary_file(run *r, const precis_summary *s, const char *id)
{
    char path[4096];
    /* a file name holds 255 bytes: a longer id is cut (whole UTF-8
     * characters, said), its "-2.txt" and ".txt" kept; before, such a cluster
     * was "File name too long" and the batch stopped there */
    char safe[200];
    size_t k = 0;
    for (const char *p = id; *p && k + 1 < sizeof safe; p++, k++)
        safe[k] = (*p == '/' || (*p == '.' && k == 0)) ? '_' : *p;
    bool cut = id[k] != '\0';
    while (cut && k && ((unsigned char)id[k] & 0xC0) == 0x80) k--; /* id[k], the first byte left out, must start a character */
    if (!k) safe[k++] = '_'; /* an id of a NUL only: no hidden ".txt" */
    safe[k] = '\0';
    if (cut)
        cli_error("cluster '%.*s...' (%zu bytes): its file name is cut to %zu bytes", (int)pc_utf8_cut(id, strlen(id), 60), id,
                  strlen(id), k);
    /* Two clusters of one run may map to one file (the same id twice, "a/b" and
     * "a_b"): the later one gets NAME-2.txt, said on stderr; before, it
     * overwrote the earlier summary without a word. */
    char name[sizeof safe + 16];
    snprintf(name, sizeof name, "%s", safe);
    for (unsigned n = 2;; n++) {
        bool added;
        if (pc_strset_add(&r->written, name, strlen(name), &added)) {
            cli_error("out of memory");
            return EXIT_INTERNAL;
        }
        if (added) break;
        snprintf(name, sizeof name, "%s-%u", safe, n);
    }
    if (strcmp(name, safe))
        cli_error("%s/%s.txt was written earlier in this run: cluster '%s' goes to %s/%s.txt", r->outdir, safe,
                  id, r->outdir, name);
    if ((size_t)snprintf(path, sizeof path, "%s/%s.txt", r->outdir, name) >= sizeof path) {
        cli_error("%s/%s.txt: path too long", r->outdir, name);
        return EXIT_INTERNAL;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_sentence_at(s, i);
        fwrite(x->text, 1, x->text_len, f);
        fputc('\n', f);
    }
    /* the writes are buffered: a full disk shows at the flush, which fclose
     * does; named with the file, the cluster and that the file is cut
     * (before: "PATH: write failed: ...") */
    int e = ferror(f) ? errno : 0;
    if (fclose(f) != 0 || e) {
        cli_error("%s: cannot write the summary of cluster '%s': %s (the file is incomplete)", path, id,
                  strerror(e ? e : errno));
        return EXIT_INTERNAL;
    }
    return EXIT_OK_;
}

/* A warning of the readers (a "\u0000" dropped, by FILE:LINE: ID): said,
 * not counted. */
static void say_warning(void *user, const char *message)
{
    (void)user;
    cli_error("%s", message);
}

/* Summarizes one cluster in batch mode and frees it. */
static precis_status batch_one(void *user, precis_cluster *c)
{
    run *r = user;
    precis_summary *s = NULL;
    precis_status st = precis_summarize(r->ctx, c, &r->opts, &s);
    if (st) {
        cli_error("%s", precis_errmsg(r->ctx));
        bool nothing = st == PRECIS_EEMPTY || st == PRECIS_EBUDGET;
        if (!nothing) r->n_failed++; /* no usable sentence, or none fits: named, not an error */
        precis_cluster_free(c);
        return nothing || st == PRECIS_ELIMIT ? PRECIS_OK : st;
    }
    int rc = r->outdir ? write_summary_file(r, s, precis_cluster_id(c)) : print_summary(r, s);
    precis_summary_free(s);
    precis_cluster_free(c);
    if (rc) r->out_failed = true;
    if (rc) return PRECIS_EIO;
    r->n_ok++;
    return PRECIS_OK;
}

static void report_bad_line(void *user, const char *message)
{
    run *r = user;
    r->n_failed++;
    cli_error("%s", message);
}

static const char *dir_part(const char *path, char *buf, size_t cap)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n >= cap) n = cap - 1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return buf;
}

static const char *last_component(const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    const char *p = dir + n;
    while (p > dir && p[-1] != '/') p--;
    return p;
}

/* True when text holds only spaces, tabs and line ends (an empty article). */
static bool blank_text(const char *text, size_t len)
{
    size_t k = 0;
    while (k < len && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' || text[k] == '\t')) k++;
    return k == len;
}

/* Reads one input; on failure reports it and returns NULL. */
static char *read_input(run *r, const char *path, size_t *len)
{
    char *text;
    precis_status st = precis_read_text(r->ctx, path, &text, len);
    if (st) {
        cli_error("%s", precis_errmsg(r->ctx));
        r->n_failed++;
        return NULL;
    }
    size_t nul = precis_read_text_nul(r->ctx); /* said once per input, as a "\u0000" is */
    if (nul)
        cli_error("%s: the file holds %zu NUL character%s: dropped", strcmp(path, "-") ? path : "<stdin>", nul,
                  nul == 1 ? "" : "s");
    return text;
}

/* Reads one input into cluster c: a feed's items, or the text's articles
 * (JSON Lines, pasted text...). An unreadable input was reported by
 * read_input, an empty one is named here, as every command names an input
 * without an article; both are PRECIS_OK with *added false. Else the read's
 * status, with r->n_failed as it was in *before (a failed read whose bad
 * lines were named one by one raised it). Batch and single mode read alike. */
static precis_status add_input(run *r, precis_cluster *c, const char *path, bool *added, size_t *before)
{
    size_t len;
    *added = false;
    char *text = read_input(r, path, &len);
    if (!text) return PRECIS_OK;
    if (blank_text(text, len)) { /* before, a batch cluster said "no usable sentence in 1 document (only headlines, ...)" */
        cli_error("%s: empty article (no text)", strcmp(path, "-") ? path : "<stdin>");
        precis_text_free(text);
        return PRECIS_OK;
    }
    *added = true;
    *before = r->n_failed;
    precis_status st = precis_looks_like_feed(text, len) ? precis_cluster_read_feed(r->ctx, c, path, text, len, report_bad_line, r)
                                                         : precis_cluster_read(r->ctx, c, path, text, len, report_bad_line, r);
    precis_text_free(text);
    return st;
}

/* Batch over a directory: files are grouped by the directory that holds them;
 * each group is one cluster named after that directory. */
static int batch_dir(run *r, const char *dir)
{
    char *in[] = {(char *)dir};
    char **paths;
    size_t n_paths;
    pc_error err = {0};
    precis_status st = pc_expand_inputs(in, 1, &paths, &n_paths, cli_note_repeat, NULL, &err);
    if (st) {
        cli_error("%s", err.msg);
        r->n_failed++;
        return cli_exit_for(st);
    }
    cli_no_files(in, 1, n_paths); /* exit 3 is never silent */
    int rc = EXIT_OK_;
    size_t i = 0;
    while (i < n_paths && !rc) {
        char group[4096], other[4096];
        dir_part(paths[i], group, sizeof group);
        precis_cluster *c;
        if ((st = precis_cluster_new(r->ctx, last_component(group), &c))) return cli_exit_for(st);
        size_t j = i;
        for (; j < n_paths && strcmp(dir_part(paths[j], other, sizeof other), group) == 0; j++) {
            bool added;
            size_t before;
            st = add_input(r, c, paths[j], &added, &before);
            if (added && st && r->n_failed == before) { /* else its bad lines were named one by one */
                cli_error("%s", precis_errmsg(r->ctx));
                r->n_failed++;
            }
        }
        i = j;
        if (batch_one(r, c)) rc = EXIT_INTERNAL;
    }
    pc_paths_free(paths, n_paths);
    return rc;
}

/* One SGML file given to --batch: all its DOCs one cluster, named after the
 * file without ".gz" and one extension of letters (d30001t.sgml.gz:
 * d30001t; APW19981016.0240 stays whole); stdin is "summary". */
static int batch_sgml(run *r, const char *path, const char *text, size_t len)
{
    char name[256];
    if (!strcmp(path, "-")) {
        snprintf(name, sizeof name, "summary");
    } else {
        snprintf(name, sizeof name, "%s", last_component(path));
        size_t n = strlen(name);
        if (n > 3 && !strcmp(name + n - 3, ".gz")) name[n -= 3] = '\0';
        char *dot = strrchr(name, '.');
        bool letters = dot && dot > name && dot[1] && strlen(dot + 1) <= 5;
        for (const char *q = dot ? dot + 1 : ""; letters && *q; q++)
            letters = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z');
        if (letters) *dot = '\0';
    }
    precis_cluster *c;
    precis_status st = precis_cluster_new(r->ctx, name, &c);
    if (st) {
        cli_error("%s", precis_errmsg(r->ctx));
        return cli_exit_for(st);
    }
    size_t before = r->n_failed;
    st = precis_cluster_read(r->ctx, c, path, text, len, report_bad_line, r);
    if (st && r->n_failed == before) { /* else its bad DOCs were named one by one */
        cli_error("%s", precis_errmsg(r->ctx));
        r->n_failed++;
    }
    return batch_one(r, c) ? EXIT_INTERNAL : EXIT_OK_;
}

static int batch(run *r, char **inputs, size_t n)
{
    if (r->outdir && mkdir(r->outdir, 0777) != 0 && errno != EEXIST) {
        cli_error("%s: cannot create directory: %s", r->outdir, strerror(errno));
        return EXIT_INTERNAL;
    }
    if (r->outdir && !pc_is_dir(r->outdir)) { /* before any cluster is summarized, not at the first write */
        cli_error("%s: exists and is not a directory (-o needs a directory)", r->outdir);
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < n; i++) {
        int rc;
        if (pc_is_dir(inputs[i])) {
            if ((rc = batch_dir(r, inputs[i]))) return rc;
            continue;
        }
        size_t len;
        char *text = read_input(r, inputs[i], &len);
        if (!text) continue;
        size_t k = 0;
        while (k < len && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' || text[k] == '\t')) k++;
        if (k == len) { /* named, as single mode names an empty article */
            cli_error("%s: empty input (no cluster)", strcmp(inputs[i], "-") ? inputs[i] : "<stdin>");
            precis_text_free(text);
            continue;
        }
        if (pt_looks_like_sgml(text, len)) { /* DUC/TAC ship a topic per file: one cluster */
            int rc2 = batch_sgml(r, inputs[i], text, len);
            precis_text_free(text);
            if (rc2) return rc2;
            continue;
        }
        /* JSON Lines or a JSON array of clusters (the shape Multi-News
         * tools write both ways); before, an array was refused here */
        if (text[k] != '{' && !pc_looks_like_json_array(text, len)) { /* one message, not one per line of an article */
            cli_error("%s: not JSON of clusters: --batch reads {\"id\", \"documents\": [...]} lines, a JSON array "
                      "of them, or a directory of sub-directories (without --batch this file is one cluster)",
                      strcmp(inputs[i], "-") ? inputs[i] : "<stdin>");
            r->n_failed++;
            precis_text_free(text);
            continue;
        }
        precis_status st = precis_clusters_read(r->ctx, inputs[i], text, len, batch_one, report_bad_line, r);
        precis_text_free(text);
        /* the output failed (named by write_summary_file): 4, not an empty
         * "precis: " and 2 */
        if (r->out_failed) return EXIT_INTERNAL;
        if (st && st != PRECIS_EPARSE) {
            cli_error("%s", precis_errmsg(r->ctx));
            return cli_exit_for(st);
        }
    }
    return cli_exit_rule(r->n_failed ? EXIT_INPUT : EXIT_OK_, r->n_ok);
}

/* A message of the library about the cluster starts with its id, which the
 * output keeps ("summary" for several inputs or stdin, the last path
 * component for one): the message names what the user gave instead, the
 * directory or file as written, "FIRST and N more", or "<stdin>". */
static void cluster_error(const char *msg, const char *id, char **inputs, size_t n)
{
    size_t k = strlen(id);
    if (strncmp(msg, id, k) != 0 || msg[k] != ':') {
        cli_error("%s", msg);
        return;
    }
    const char *first = strcmp(inputs[0], "-") ? inputs[0] : "<stdin>";
    if (n == 1) cli_error("%s%s", first, msg + k);
    else cli_error("%s and %zu more%s", first, n - 1, msg + k);
}

static int single(run *r, char **inputs, size_t n)
{
    char **paths;
    size_t n_paths;
    pc_error err = {0};
    precis_status st = pc_expand_inputs(inputs, n, &paths, &n_paths, cli_note_repeat, NULL, &err);
    if (st) {
        cli_error("%s", err.msg);
        return cli_exit_for(st);
    }
    if (!n_paths) { /* directories with no file: said as every command says it */
        cli_no_files(inputs, n, n_paths);
        pc_paths_free(paths, n_paths);
        return EXIT_EMPTY;
    }
    precis_cluster *c;
    const char *id = n == 1 && strcmp(inputs[0], "-") ? last_component(inputs[0]) : "summary";
    if ((st = precis_cluster_new(r->ctx, id, &c))) {
        pc_paths_free(paths, n_paths);
        return cli_exit_for(st);
    }
    int rc = EXIT_OK_;
    for (size_t i = 0; i < n_paths && !rc; i++) {
        bool added;
        size_t before;
        st = add_input(r, c, paths[i], &added, &before);
        if (!added) continue;
        if (st && r->n_failed > before && (st == PRECIS_EPARSE || st == PRECIS_ELIMIT)) {
            /* its bad lines were named one by one; the good ones were added */
        } else if (st) {
            cli_error("%s", precis_errmsg(r->ctx));
            if (st == PRECIS_EINVAL) rc = EXIT_USAGE;
            else if (st == PRECIS_ENOMEM) rc = EXIT_INTERNAL;
            else r->n_failed++;
        }
    }
    pc_paths_free(paths, n_paths);
    if (rc) {
        precis_cluster_free(c);
        return rc;
    }
    precis_summary *s = NULL;
    st = precis_summarize(r->ctx, c, &r->opts, &s);
    if (st) {
        bool none = precis_cluster_count(c) == 0 && r->n_failed;
        if (none) cli_error("no input could be read");
        else cluster_error(precis_errmsg(r->ctx), id, inputs, n);
        precis_cluster_free(c);
        if (st == PRECIS_EEMPTY || st == PRECIS_EBUDGET) return cli_exit_rule(r->n_failed ? EXIT_INPUT : EXIT_OK_, 0);
        return cli_exit_for(st);
    }
    rc = print_summary(r, s);
    precis_summary_free(s);
    precis_cluster_free(c);
    if (rc) return rc;
    return cli_exit_rule(r->n_failed ? EXIT_INPUT : EXIT_OK_, 1);
}

int cmd_summarize(int argc, char **argv)
{
    enum { OPT_SENTENCES = 256, OPT_LANG, OPT_BATCH, OPT_NO_COMPRESS, OPT_COMPRESS };
    static const struct option LONG[] = {
        {"words", required_argument, NULL, 'w'},     {"bytes", required_argument, NULL, 'b'},
        {"sentences", required_argument, NULL, OPT_SENTENCES},
        {"no-compress", no_argument, NULL, OPT_NO_COMPRESS},
        {"compress", no_argument, NULL, OPT_COMPRESS},
        {"lang", required_argument, NULL, OPT_LANG}, {"format", required_argument, NULL, 'f'},
        {"batch", no_argument, NULL, OPT_BATCH},     {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0},
    };
    run r = {0};
    pc_strset_init(&r.written);
    r.format = "text";
    const char *lang = "en";
    bool is_batch = false, words_set = false, format_set = false;
    int c;
    optind = 1;
    opterr = 1;
    while ((c = getopt_long(argc, argv, "w:b:o:f:h", LONG, NULL)) != -1) {
        switch (c) {
        case 'w':
            if (!cli_opt_count("summarize", "-w/--words", optarg, &r.opts.max_words)) return EXIT_USAGE;
            words_set = true;
            break;
        case 'b':
            if (!cli_opt_count("summarize", "-b/--bytes", optarg, &r.opts.max_bytes)) return EXIT_USAGE;
            break;
        case OPT_NO_COMPRESS:
            r.opts.compress = -1;
            break;
        case OPT_COMPRESS:
            r.opts.compress = 1;
            break;
        case OPT_SENTENCES:
            if (!cli_opt_count("summarize", "--sentences", optarg, &r.opts.max_sentences)) return EXIT_USAGE;
            break;
        case OPT_LANG: lang = optarg; break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "jsonl")) {
                cli_error("summarize: unknown format '%s' (text, json or jsonl)", optarg);
                return EXIT_USAGE;
            }
            r.format = optarg;
            format_set = true;
            break;
        case OPT_BATCH: is_batch = true; break;
        case 'o': r.outdir = optarg; break;
        case 'h': usage(stdout); return EXIT_OK_;
        /* getopt's own words, as every other command says them ("precis:
         * summarize: invalid option -- 'x'"; before, its own "unknown option") */
        default: cli_try_help("summarize"); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("summarize: no INPUT given (see --help)");
        return EXIT_USAGE;
    }
    if (words_set && r.opts.max_bytes) {
        cli_error("summarize: give either -w/--words or -b/--bytes, not both");
        return EXIT_USAGE;
    }
    if (r.outdir && !is_batch) {
        cli_error("summarize: -o/--output goes with --batch");
        return EXIT_USAGE;
    }
    /* -o writes text files and --batch's stdout is JSON: a -f that cannot
     * apply is refused, not overridden without a word. */
    if (r.outdir && format_set && strcmp(r.format, "text") != 0) {
        cli_error("summarize: -o writes DIR/<cluster>.txt, one sentence per line: -f %s goes "
                  "without -o (--batch prints JSON Lines)", r.format);
        return EXIT_USAGE;
    }
    if (is_batch && !r.outdir && format_set && strcmp(r.format, "text") == 0) {
        cli_error("summarize: --batch -f text needs -o DIR (one text file per cluster); without "
                  "-o, --batch prints JSON Lines (-f json or jsonl)");
        return EXIT_USAGE;
    }
    struct stat ob;
    if (r.outdir && stat(r.outdir, &ob) == 0 && !S_ISDIR(ob.st_mode)) { /* a usage error: before any input */
        cli_error("summarize: -o %s: exists and is not a directory (-o names a directory for <cluster>.txt "
                  "files; without -o, --batch prints JSON Lines)", r.outdir);
        return EXIT_USAGE;
    }
    precis_options po = {0};
    po.lang = lang;
    r.ctx = precis_new(&po);
    if (!r.ctx) {
        cli_error("out of memory");
        return EXIT_INTERNAL;
    }
    precis_on_warning(r.ctx, say_warning, NULL);
    /* Check the language once, up front, so a typo is a usage error. */
    char probe[64];
    precis_status st = precis_stem(r.ctx, "test", 4, probe, sizeof probe, NULL);
    if (st) {
        cli_error("summarize: %s", precis_errmsg(r.ctx));
        precis_free(r.ctx);
        return EXIT_USAGE;
    }
    if (is_batch && strcmp(r.format, "text") == 0 && !r.outdir) r.format = "jsonl";
    int rc = is_batch ? batch(&r, argv + optind, (size_t)(argc - optind))
                      : single(&r, argv + optind, (size_t)(argc - optind));
    if (fflush(stdout) != 0 && rc != EXIT_INTERNAL) { /* docs/cli.md: output not writable is 4 */
        cli_error("summarize: cannot write the output: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    }
    pc_strset_free(&r.written);
    precis_free(r.ctx);
    return rc;
}
