/* precis digest — articles in, stories out: reads every input (files, sorted
 * directories, '-', JSONL, WARC), groups the articles into stories, builds
 * each story's view and prints them ranked by number of sources. */
#include "cli.h"
#include "core/core.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: precis digest [options] INPUT...\n\n"
            "Groups articles into stories and prints a morning briefing: stories ranked by\n"
            "number of sources, each with a headline chosen from the titles, a summary\n"
            "whose sentences carry source markers [1], [2]..., a timeline of dated events\n"
            "(\"on Tuesday\" resolved against each article's date), the key people,\n"
            "organisations and places, and a coverage comparison: what only one source\n"
            "reports, what a source leaves out that most others report, and where sources\n"
            "give different figures, dates or names. Near-copies are grouped, not lost.\n\n"
            "INPUT is a file, a directory (walked in natural order), or '-' for stdin:\n"
            "pasted article text (cleaned), an HTML page (extracted), JSON Lines of\n"
            "articles {\"id\", \"text\" | \"html\", \"title\", \"date\", \"url\", \"site\", \"author\"},\n"
            "a JSON array of them, WARC (.warc, .warc.gz), or a news feed (RSS 2.0, Atom\n"
            "1.0, RSS 1.0/RDF; sniffed by content): one article per item, its HTML content\n"
            "extracted, its date, link, author and channel title kept; or newswire SGML\n"
            "(NIST/LDC <DOC> files as DUC, TAC and Gigaword ship them; sniffed by\n"
            "content): one article per <DOC>, id from DOCNO, title from HEADLINE, date\n"
            "from DATE_TIME/DATE or the id, site the id's source code (APW, NYT).\n"
            ".gz is read transparently.\n\n"
            "options:\n"
            "  -w, --words N         summary length per story in words (default 100)\n"
            "      --max-stories N   print only the N stories with most sources\n"
            "      --online          group in one online pass (each article joins the most\n"
            "                        similar open story or starts one, as precis cluster\n"
            "                        --online) instead of the default: after that pass,\n"
            "                        regroup the input from scratch in windows of at\n"
            "                        most 16,384 articles (as precis cluster does by\n"
            "                        default:\n"
            "                        nearest-neighbour graph of cosines and shared names,\n"
            "                        average-linkage merging, big groups sharing their own\n"
            "                        words joined, lone articles attached; a copy stays\n"
            "                        with its original; better on\n"
            "                        small stories, but a story of hundreds of very varied\n"
            "                        short reports can still come out in a few parts)\n"
            "      --window N        the default regrouping's window (default 16384, at\n"
            "                        least 2): stories of a longer input are closed by\n"
            "                        the quiet period or the window, as in precis cluster\n"
            "      --threshold X     with --online only: similarity an article needs to\n"
            "                        join a story, above 0 and at most 1 (default 0.25, as\n"
            "                        precis cluster's). The default\n"
            "                        regrouping has its own fixed cut, so without --online\n"
            "                        it is refused (usage error)\n"
            "  -f, --format F        text (default) or md: the briefing; json: {\"stories\":\n"
            "                        [...], \"rejected\": [...]}; jsonl: one story per line\n"
            "      --lang CODE       language for stemming and stopwords (default en; any\n"
            "                        case: EN is en); with de every article is read as\n"
            "                        German for the key entities (a capitalised word is\n"
            "                        no name by its case alone), as an article's own\n"
            "                        \"lang\" or German-looking text is without it\n"
            "      --progress, --no-progress   progress on stderr (default: when a terminal)\n"
            "  -h, --help            show this help\n\n"
            "Articles are taken in input order; one without a date keeps its place in that\n"
            "order (stderr says how many), and its relative dates are not resolved.\n"
            "Every article ends in exactly one story or in the rejection list on stderr\n"
            "(no text, no usable sentence, unreadable input). Copies of an article are\n"
            "grouped once and listed as its outlets; a story of more than 500 independent\n"
            "reports lists them all but analyses the first 500 (stderr says so).\n\n"
            "Exit codes: 0 ok (articles with no text or no usable sentence are in the\n"
            "rejection list but are not errors); 1 usage; 2 some input refused: unreadable,\n"
            "binary, malformed, or over a size limit -- named, the rest printed; 3 nothing\n"
            "to output; 4 internal error (out of memory, output not writable).\n");
}

typedef struct stored {
    precis_article a;
    size_t story;  /* story number, SIZE_MAX = rejected */
} stored;

typedef struct rejection {
    char *what;   /* article id or input */
    char *reason;
    bool shown;   /* already reported on stderr */
} rejection;

typedef struct digest {
    precis_ctx *ctx;
    pc_arena arena; /* every article's strings */
    stored *arts;
    size_t n, cap;
    rejection *rej;
    size_t n_rej, cap_rej;
    pc_strset ids; /* article ids, for uniqueness (compared, not only hashed) */
    pc_map texts; /* texts kept: hash -> article index, so that a wire story run
                     by 100,000 outlets keeps its text once, not 100,000 times */
    size_t bad_inputs;
    bool progress;
    const char *current; /* input being read */
    size_t input_bytes;  /* article text kept from the current input */
    bool input_over;     /* ... which went over PC_DEFAULT_MAX_FILE: the rest is not read */
    char *dateline_mem;  /* dates and notes of yearless datelines (precis_articles_date_datelines) */
} digest;

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

static int reject(digest *d, const char *what, const char *reason, bool shown)
{
    if (pc_grow(&d->rej, &d->cap_rej, d->n_rej + 1, sizeof *d->rej, 64)) return -1;
    d->rej[d->n_rej].what = xstrdup(what);
    d->rej[d->n_rej].reason = xstrdup(reason);
    d->rej[d->n_rej].shown = shown;
    if (!d->rej[d->n_rej].what || !d->rej[d->n_rej].reason) return -1;
    d->n_rej++;
    return 0;
}

/* Adds id to the set; false when it was there already (or, with *ok false,
 * when there was no room for it). */
static bool id_insert(digest *d, const char *id, bool *ok)
{
    bool added;
    *ok = !pc_strset_add(&d->ids, id, strlen(id), &added);
    return *ok && added;
}

/* Is article i's text the one looked for (not only one with its hash)? */
static bool same_text(const void *ctx, uint32_t i)
{
    const pc_map_bytes *p = ctx;
    const digest *d = p->owner;
    if (i >= d->n) return false; /* of an input refused whole */
    return pc_map_same_bytes(p, d->arts[i].a.text, d->arts[i].a.text_len);
}

/* The kept copy of text[0..n): an earlier article's when it is the same bytes
 * (the stories are built from these pointers; the text is never written). */
static const char *keep_text(digest *d, const char *text, size_t n)
{
    uint64_t h = XXH3_64bits(text, n);
    pc_map_bytes probe = {d, text, n};
    uint32_t i = pc_map_get(&d->texts, h, same_text, &probe);
    if (i != PC_MAP_NONE) return d->arts[i].a.text;
    if (d->n >= PC_MAP_NONE) return NULL;
    const char *p = pc_arena_strndup(&d->arena, text, n);
    return p && !pc_map_add(&d->texts, h, (uint32_t)d->n) ? p : NULL;
}

static const char *keep(digest *d, const char *s, size_t n)
{
    return s ? pc_arena_strndup(&d->arena, s, n) : NULL;
}

static precis_status on_article(void *user, const precis_article *a)
{
    digest *d = user;
    if (a->warning) cli_error("%s", a->warning);
    /* Every article is kept until the end: one input's text is capped like a file read whole,
     * or a 1 MB .jsonl.gz that inflates to gigabytes would be eaten (1.2 GB, > 300 s). */
    size_t len = a->text ? a->text_len : 0;
    if (d->input_bytes + len > PC_DEFAULT_MAX_FILE) {
        d->input_over = true;
        return PRECIS_ELIMIT;
    }
    d->input_bytes += len;
    if (pc_grow(&d->arts, &d->cap, d->n + 1, sizeof *d->arts, 64)) return PRECIS_ENOMEM;
    stored *s = &d->arts[d->n];
    memset(s, 0, sizeof *s);
    const char *id = a->id ? a->id : d->current;
    bool ok;
    char buf[4200];
    if (!id_insert(d, id, &ok)) {
        if (!ok) return PRECIS_ENOMEM;
        /* Ids must be unique within a digest: a repeated one gets its position. */
        snprintf(buf, sizeof buf, "%s#%zu", id, d->n + 1);
        id = buf;
        if (!id_insert(d, id, &ok) && !ok) return PRECIS_ENOMEM;
    }
    s->a.id = keep(d, id, strlen(id));
#define KEEP(f) s->a.f = a->f ? keep(d, a->f, strlen(a->f)) : NULL
    KEEP(url);
    KEEP(site);
    KEEP(title);
    KEEP(author);
    KEEP(lang);
    KEEP(date);
    KEEP(date_alt);
#undef KEEP
    s->a.date_order = a->date_order;
    s->a.text = keep_text(d, a->text ? a->text : "", a->text ? a->text_len : 0);
    s->a.text_len = a->text ? a->text_len : 0;
    if (!s->a.id || !s->a.text) return PRECIS_ENOMEM;
    d->n++;
    if (d->progress && d->n % 64 == 0) cli_progress("precis digest: %zu %s read", d->n, cli_n(d->n, "article", "articles"));
    return PRECIS_OK;
}

/* A reader's message about one line of a file ("news.jsonl:3: invalid
 * JSON ...") names that line as FILE:LINE, the name an article without an id
 * gets: the rejection list names the line, not the whole file. */
static size_t line_name_len(const char *message, const char *file)
{
    if (!file) return 0;
    size_t w = strlen(file), i = w + 1;
    if (strncmp(message, file, w) || message[w] != ':') return 0;
    while (message[i] >= '0' && message[i] <= '9') i++;
    return i > w + 1 && message[i] == ':' ? i : 0;
}

static void on_bad(void *user, const char *message)
{
    digest *d = user;
    d->bad_inputs++;
    cli_error("%s", message);
    size_t n = line_name_len(message, d->current);
    char *line_name = n ? malloc(n + 1) : NULL;
    if (line_name) memcpy(line_name, message, n), line_name[n] = '\0';
    if (reject(d, line_name ? line_name : d->current, message, true)) cli_error("out of memory");
    free(line_name);
}

/* "11/03/2026": each ambiguous date read as the input's other dates suggest
 * (precis_articles_settle_dates), before the dates place the articles in time. */
static bool settle_dates(digest *d)
{
    precis_article *a = malloc((d->n ? d->n : 1) * sizeof *a);
    if (!a) {
        cli_error("out of memory");
        return true;
    }
    for (size_t i = 0; i < d->n; i++) a[i] = d->arts[i].a;
    /* a yearless wire dateline first, by the dates printed around it (as the
     * stream of cluster and ingest reads it), then the ambiguous dates */
    bool bad = precis_articles_date_datelines(a, d->n, &d->dateline_mem) != PRECIS_OK ||
               precis_articles_settle_dates(a, d->n) != PRECIS_OK;
    for (size_t i = 0; i < d->n && !bad; i++) d->arts[i].a = a[i];
    free(a);
    if (bad) cli_error("out of memory");
    return bad;
}

/* precis_stream_settle's report: article's final story. */
static precis_status take_story(void *user, size_t article, size_t story)
{
    digest *d = user;
    if (article >= d->n || d->arts[article].story != SIZE_MAX - 1) return PRECIS_EINVAL; /* not held, or twice */
    d->arts[article].story = story;
    return PRECIS_OK;
}

/* Story of every article, in arrival order. The online pass of precis_stream
 * finds copies and the articles with no words (they join no story: rejected);
 * by default the regrouping window then groups them again from scratch, as
 * precis cluster does (the same calls in the same order: the same grouping),
 * and a copy stays with its original; online (--online) the online pass's
 * stories are kept. Returns the number of stories, or SIZE_MAX on an
 * internal failure (reported). */
static size_t assign_stories(digest *d, double threshold, bool online, size_t window)
{
    precis_stream_options so = {.threshold = threshold, .batch = !online, .window = window};
    precis_stream *s;
    if (precis_stream_new(d->ctx, &so, &s)) {
        cli_error("%s", precis_errmsg(d->ctx));
        return SIZE_MAX;
    }
    for (size_t i = 0; i < d->n; i++) {
        size_t story, dup;
        precis_status st = precis_stream_add(d->ctx, s, &d->arts[i].a, &story, &dup);
        if (st == PRECIS_EEMPTY) {
            d->arts[i].story = SIZE_MAX;
            if (reject(d, d->arts[i].a.id, precis_errmsg(d->ctx), false)) st = PRECIS_ENOMEM;
            else continue;
        }
        if (!st && !online) {
            d->arts[i].story = SIZE_MAX - 1; /* held: take_story names it */
            st = precis_stream_settle(d->ctx, s, 0, take_story, d);
        } else if (!st) {
            d->arts[i].story = story;
        }
        if (st) {
            cli_error("%s", precis_errmsg(d->ctx));
            precis_stream_free(s);
            return SIZE_MAX;
        }
        if (d->progress && i % 256 == 0) cli_progress("precis digest: %zu/%zu %s grouped", i + 1, d->n, cli_n(d->n, "article", "articles"));
    }
    if (d->progress && d->n) {
        cli_progress("precis digest: %zu/%zu %s grouped", d->n, d->n, cli_n(d->n, "article", "articles"));
        cli_progress_end();
    }
    if (!online && precis_stream_settle(d->ctx, s, 1, take_story, d)) {
        cli_error("digest: regrouping: %s", precis_errmsg(d->ctx));
        precis_stream_free(s);
        return SIZE_MAX;
    }
    size_t n = precis_stream_n_stories(s);
    for (size_t i = 0; i < d->n; i++) {
        /* every article held is reported once, below the story count */
        if (d->arts[i].story != SIZE_MAX && d->arts[i].story >= n) {
            cli_error("digest: regrouping: article %zu placed inconsistently", i + 1);
            precis_stream_free(s);
            return SIZE_MAX;
        }
    }
    precis_stream_free(s);
    return n;
}

typedef struct story_out {
    size_t story;
    size_t n_articles;
    size_t first;      /* arrival of its first article */
    char *json;
    size_t len;
    precis_story_info info; /* its reports, those analysed (the cap), no summary (the budget) */
} story_out;

static int cmp_story(const void *x, const void *y)
{
    const story_out *a = x, *b = y;
    if (a->n_articles != b->n_articles) return a->n_articles < b->n_articles ? 1 : -1;
    return (a->first > b->first) - (a->first < b->first);
}

int cmd_digest(int argc, char **argv)
{
    static const struct option LONG[] = {
        {"words", required_argument, NULL, 'w'},   {"max-stories", required_argument, NULL, 'm'},
        {"threshold", required_argument, NULL, 't'}, {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},    {"progress", no_argument, NULL, 'p'},
        {"no-progress", no_argument, NULL, 'P'},   {"help", no_argument, NULL, 'h'},
        {"online", no_argument, NULL, 'o'},       {"window", required_argument, NULL, 'W'},
        {NULL, 0, NULL, 0}};
    bool online = false, threshold_opt = false;
    size_t words = 0, max_stories = 0, window = 0;
    long long wn;
    double threshold = 0;
    const char *format = "text", *lang = NULL;
    int progress = -1, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "w:f:h", LONG, NULL)) != -1) {
        switch (c) {
        case 'w':
            if (!cli_opt_count("digest", "-w/--words", optarg, &words)) return EXIT_USAGE;
            break;
        case 'm':
            if (!cli_opt_count("digest", "--max-stories", optarg, &max_stories)) return EXIT_USAGE;
            break;
        case 't':
            if (!cli_opt_real("digest", "--threshold", optarg, 0, 1, true, &threshold)) return EXIT_USAGE;
            threshold_opt = true;
            break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "md") && strcmp(optarg, "json") &&
                strcmp(optarg, "jsonl")) {
                cli_error("digest: unknown format '%s' (text, md, json or jsonl)", optarg);
                return EXIT_USAGE;
            }
            format = optarg;
            break;
        case 'l': lang = optarg; break;
        case 'o': online = true; break;
        case 'W':
            if (!cli_opt_whole("digest", "--window", optarg, 2, 50000000, &wn)) return EXIT_USAGE;
            window = (size_t)wn;
            break;
        case 'p': progress = 1; break;
        case 'P': progress = 0; break;
        case 'h': usage(stdout); return EXIT_OK_;
        default: cli_try_help("digest"); return EXIT_USAGE;
        }
    }
    if (threshold_opt && !online) {
        cli_threshold_needs_online("digest");
        return EXIT_USAGE;
    }
    if (window && online) {
        cli_window_needs_regrouping("digest");
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        cli_error("digest: no INPUT (see 'precis digest --help')");
        return EXIT_USAGE;
    }
    if (progress < 0) progress = isatty(STDERR_FILENO);
    precis_options po = {.lang = lang};
    digest d = {.progress = progress};
    pc_arena_init(&d.arena);
    pc_strset_init(&d.ids);
    d.ctx = precis_new(&po);
    if (!d.ctx) {
        cli_error("out of memory");
        return EXIT_INTERNAL;
    }
    /* a --lang typo is a usage error, found before any input is read (docs/cli.md) */
    char probe[64];
    if (precis_stem(d.ctx, "test", 4, probe, sizeof probe, NULL) == PRECIS_EINVAL) {
        cli_error("digest: %s", precis_errmsg(d.ctx));
        precis_free(d.ctx);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK_;
    bool refused = false; /* an input or part unreadable, malformed or over a limit (docs/cli.md) */
    char **paths = NULL;
    size_t n_paths = 0;
    pc_error err = {0};
    precis_status st = pc_expand_inputs(argv + optind, (size_t)(argc - optind), &paths, &n_paths, cli_note_repeat, NULL, &err);
    if (st) {
        cli_error("%s", err.msg);
        precis_free(d.ctx);
        return cli_exit_for(st) == EXIT_USAGE ? EXIT_INPUT : cli_exit_for(st);
    }
    for (size_t i = 0; i < n_paths && rc == EXIT_OK_; i++) {
        d.current = strcmp(paths[i], "-") ? paths[i] : "<stdin>";
        size_t bad_before = d.bad_inputs;
        d.input_bytes = 0;
        d.input_over = false;
        size_t n_before = d.n;
        st = precis_articles_read(d.ctx, paths[i], on_article, on_bad, &d);
        if (st == PRECIS_EPARSE || st == PRECIS_ELIMIT || st == PRECIS_EIO) refused = true;
        if (d.input_over) {
            char msg[512];
            /* refused whole, as a file over the limit is: none of its articles is used */
            snprintf(msg, sizeof msg, "%s: article text over the %zu-byte limit of one input (%zu %s read, none used)",
                     d.current, (size_t)PC_DEFAULT_MAX_FILE, d.n - n_before, cli_n(d.n - n_before, "article", "articles"));
            d.n = n_before;
            cli_error("%s", msg);
            if (reject(&d, d.current, msg, true)) rc = EXIT_INTERNAL;
            d.bad_inputs++;
        } else if (st == PRECIS_ENOMEM) {
            cli_error("%s", precis_errmsg(d.ctx));
            rc = EXIT_INTERNAL;
        } else if ((st == PRECIS_EPARSE || st == PRECIS_ELIMIT) && d.bad_inputs > bad_before) {
            /* parts skipped (malformed, over a limit): already named and rejected */
        } else if (st == PRECIS_ELIMIT) { /* the input itself is over a cap: reject it */
            cli_error("%s", precis_errmsg(d.ctx));
            if (reject(&d, d.current, precis_errmsg(d.ctx), true)) rc = EXIT_INTERNAL;
            d.bad_inputs++;
        } else if (st && st != PRECIS_EPARSE && d.bad_inputs == bad_before) {
            /* unreadable, or no article in it at all */
            cli_error("%s", precis_errmsg(d.ctx)[0] ? precis_errmsg(d.ctx) : precis_strerror(st));
            if (reject(&d, d.current, precis_errmsg(d.ctx)[0] ? precis_errmsg(d.ctx) : precis_strerror(st), true))
                rc = EXIT_INTERNAL;
            d.bad_inputs++;
        }
    }
    if (d.progress && d.n) {
        cli_progress("precis digest: %zu %s read", d.n, cli_n(d.n, "article", "articles"));
        cli_progress_end();
    }
    if (rc == EXIT_OK_ && settle_dates(&d)) rc = EXIT_INTERNAL;
    size_t n_stories = rc == EXIT_OK_ ? assign_stories(&d, threshold, online, window) : 0;
    if (n_stories == SIZE_MAX) {
        rc = EXIT_INTERNAL;
        n_stories = 0;
    }
    story_out *so = calloc(n_stories ? n_stories : 1, sizeof *so);
    precis_article *buf = malloc((d.n ? d.n : 1) * sizeof *buf);
    size_t *count = calloc(n_stories ? n_stories : 1, sizeof *count);
    if (!so || !buf || !count) rc = EXIT_INTERNAL;
    for (size_t i = 0; i < d.n && rc == EXIT_OK_; i++)
        if (d.arts[i].story != SIZE_MAX) count[d.arts[i].story]++;
    /* Each story's articles, in arrival order: one pass per story over its members. */
    size_t *start = calloc(n_stories + 1, sizeof *start);
    size_t *member = malloc((d.n ? d.n : 1) * sizeof *member);
    if (!start || !member) rc = EXIT_INTERNAL;
    if (rc == EXIT_OK_) {
        for (size_t s = 0; s < n_stories; s++) start[s + 1] = start[s] + count[s];
        size_t *fill = calloc(n_stories ? n_stories : 1, sizeof *fill);
        if (!fill) rc = EXIT_INTERNAL;
        for (size_t i = 0; i < d.n && fill; i++)
            if (d.arts[i].story != SIZE_MAX) member[start[d.arts[i].story] + fill[d.arts[i].story]++] = i;
        free(fill);
    }
    precis_story_options sopt = {.summary_words = words};
    size_t built = 0;
    for (size_t s = 0; s < n_stories && rc == EXIT_OK_; s++) {
        size_t k = count[s];
        if (!k) continue;
        for (size_t j = 0; j < k; j++) buf[j] = d.arts[member[start[s] + j]].a;
        char id[32];
        snprintf(id, sizeof id, "story-%zu", s + 1);
        if (d.progress) cli_progress("precis digest: story %zu/%zu", s + 1, n_stories);
        so[built] = (story_out){.story = s, .n_articles = k, .first = member[start[s]]};
        st = precis_story_build_info(d.ctx, id, buf, k, &sopt, &so[built].json, &so[built].len, &so[built].info);
        if (st == PRECIS_EEMPTY || st == PRECIS_ELIMIT) {
            if (st == PRECIS_ELIMIT) refused = true; /* a story over a limit: its articles named */
            for (size_t j = 0; j < k; j++)
                if (reject(&d, buf[j].id, precis_errmsg(d.ctx), false)) rc = EXIT_INTERNAL;
            continue;
        }
        if (st) {
            cli_error("%s", precis_errmsg(d.ctx));
            rc = cli_exit_for(st);
            break;
        }
        built++;
    }
    if (d.progress && n_stories) cli_progress_end();
    /* Every story is built: the articles' text and fields live on in the
     * stories' JSON only, so they go before the output (a pile of 886,000
     * copies holds ~200 MB of them while the briefing is rendered). */
    free(buf), buf = NULL;
    free(member), member = NULL;
    free(d.arts), d.arts = NULL;
    pc_map_free(&d.texts);
    pc_strset_free(&d.ids);
    pc_arena_reset(&d.arena);
    free(d.dateline_mem), d.dateline_mem = NULL;
    /* Dates as the stories took them (the same in every format: "date_ignored"
     * in JSON, "(date ignored: ...)" in the briefing's sources), as the
     * library counted them (before: keys searched in the JSON text) */
    size_t no_date = 0, ignored = 0, placed = 0;
    for (size_t i = 0; i < built; i++) {
        placed += so[i].n_articles;
        no_date += so[i].info.n_undated;
        ignored += so[i].info.n_date_ignored;
    }
    if ((no_date || ignored) && rc == EXIT_OK_) {
        char what[256];
        /* "1 of 5 articles has no date: it keeps its arrival order" */
        bool one = no_date + ignored == 1;
        if (no_date && ignored)
            snprintf(what, sizeof what, "of %zu articles, %zu %s no date and %zu a date not believable", placed,
                     no_date, cli_n(no_date, "has", "have"), ignored);
        else if (no_date)
            snprintf(what, sizeof what, "%zu of %zu article%s %s no date", no_date, placed, placed == 1 ? "" : "s",
                     one ? "has" : "have");
        else
            snprintf(what, sizeof what, "%zu of %zu article%s %s a date not believable", ignored, placed,
                     placed == 1 ? "" : "s", one ? "has" : "have");
        cli_error("%s%s: %s arrival order, and %s relative dates (\"on Tuesday\") are not "
                  "resolved", what,
                  ignored ? " (before 1900, after 2200, or over a year before or after the story's other sources; "
                            "marked \"date ignored\" in the sources)"
                          : "",
                  one ? "it keeps its" : "they keep their", one ? "its" : "their");
    }
    /* stories told without a summary: the budget is smaller than any of their
     * sentences (each story's note names its shortest) */
    size_t no_summary = 0;
    for (size_t i = 0; i < built; i++) no_summary += so[i].info.no_summary != 0;
    if (no_summary && rc == EXIT_OK_)
        cli_error("%zu of %zu stor%s no summary: no sentence fits the budget of %zu word%s (-w); "
                  "the rest of each story is printed",
                  no_summary, built, built == 1 ? "y has" : no_summary == 1 ? "ies has" : "ies have",
                  words ? words : 100, (words ? words : 100) == 1 ? "" : "s");
    qsort(so, built, sizeof *so, cmp_story);
    /* a story past the cap of analysed reports says so (every source is still
     * listed), named by its place in the output, as the briefing numbers it */
    for (size_t i = 0; i < built && rc == EXIT_OK_; i++)
        if (so[i].info.analysed_reports < so[i].info.n_reports)
            cli_error("story %zu (id story-%zu): %zu independent reports: the summary, timeline, entities and "
                      "coverage use the first %zu (the cap per story); all %zu sources are listed",
                      i + 1, so[i].story + 1, so[i].info.n_reports, so[i].info.analysed_reports, so[i].n_articles);
    size_t shown = max_stories && max_stories < built ? max_stories : built;
    bool json = !strcmp(format, "json"), jsonl = !strcmp(format, "jsonl");
    if (rc == EXIT_OK_ && json) fputs("{\"stories\":[", stdout);
    for (size_t i = 0; i < shown && rc == EXIT_OK_; i++) {
        if (json || jsonl) {
            if (json && i) fputc(',', stdout);
            fwrite(so[i].json, 1, so[i].len, stdout);
            if (jsonl) fputc('\n', stdout);
            continue;
        }
        char *text;
        size_t tl;
        st = precis_story_render(so[i].json, so[i].len,
                                 strcmp(format, "md") ? PRECIS_STORY_TEXT : PRECIS_STORY_MARKDOWN, i + 1,
                                 &text, &tl);
        if (st) {
            cli_error("cannot render story: %s", precis_strerror(st));
            rc = EXIT_INTERNAL;
            break;
        }
        if (i) fputc('\n', stdout);
        fwrite(text, 1, tl, stdout);
        precis_text_free(text);
    }
    if (rc == EXIT_OK_ && json) {
        fputs("],\"rejected\":[", stdout);
        for (size_t i = 0; i < d.n_rej; i++) {
            pc_buf b;
            pc_buf_init(&b, 0);
            if (pc_buf_puts(&b, i ? ",{\"id\":" : "{\"id\":") || pc_json_string(&b, d.rej[i].what, strlen(d.rej[i].what)) ||
                pc_buf_puts(&b, ",\"reason\":") || pc_json_string(&b, d.rej[i].reason, strlen(d.rej[i].reason)) ||
                pc_buf_putc(&b, '}'))
                rc = EXIT_INTERNAL;
            else fwrite(b.data, 1, b.len, stdout);
            pc_buf_free(&b);
        }
        fputs("]}\n", stdout);
    }
    if (fflush(stdout) != 0) {
        cli_error("digest: cannot write the output: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    }
    if (shown < built) {
        size_t left = 0;
        for (size_t i = shown; i < built; i++) left += so[i].n_articles;
        cli_error("%zu more stor%s (%zu article%s) not shown (--max-stories %zu)", built - shown,
                  built - shown == 1 ? "y" : "ies", left, left == 1 ? "" : "s", max_stories);
    }
    /* The rejection list: every article is in one story or named here. */
    for (size_t i = 0; i < d.n_rej; i++) {
        if (d.rej[i].shown) continue;
        /* the library's message usually names the article already ("y: no words"): once */
        size_t w = strlen(d.rej[i].what);
        if (!strncmp(d.rej[i].reason, d.rej[i].what, w) && d.rej[i].reason[w] == ':') {
            cli_error("rejected: %s", d.rej[i].reason);
            continue;
        }
        /* A story that fails as a whole ("story story-1: no sentence fits the
         * budget") rejects each of its articles with the same reason: one line
         * for the run, not one per article (1,000 copies under -w 1 printed
         * 1,000 lines); --format json's "rejected" still lists every article. */
        size_t run = 1;
        while (i + run < d.n_rej && !d.rej[i + run].shown && !strcmp(d.rej[i + run].reason, d.rej[i].reason)) run++;
        if (run == 1)
            cli_error("rejected: %s: %s", d.rej[i].what, d.rej[i].reason);
        else if (run <= 3)
            cli_error("rejected: %zu articles (%s, %s%s%s): %s", run, d.rej[i].what, d.rej[i + 1].what,
                      run == 3 ? ", " : "", run == 3 ? d.rej[i + 2].what : "", d.rej[i].reason);
        else
            cli_error("rejected: %zu articles (%s, %s, ..., %s): %s", run, d.rej[i].what, d.rej[i + 1].what,
                      d.rej[i + run - 1].what, d.rej[i].reason);
        i += run - 1;
    }
    /* Articles without text or a usable sentence are named above but are not errors. */
    if (rc == EXIT_OK_) rc = cli_exit_rule(refused ? EXIT_INPUT : EXIT_OK_, built);
    if (rc == EXIT_EMPTY) cli_no_files(argv + optind, (size_t)(argc - optind), n_paths);
    for (size_t i = 0; i < built; i++) precis_text_free(so[i].json);
    for (size_t i = 0; i < d.n_rej; i++) free(d.rej[i].what), free(d.rej[i].reason);
    free(d.rej);
    free(so);
    free(buf);
    free(count);
    free(start);
    free(member);
    free(d.arts);
    pc_strset_free(&d.ids);
    pc_map_free(&d.texts);
    pc_paths_free(paths, n_paths);
    pc_arena_reset(&d.arena);
    free(d.dateline_mem), d.dateline_mem = NULL;
    precis_free(d.ctx);
    return rc;
}
