/* precis.h — the one public header of libprecis.
 *
 * Conventions (hold for every function below unless its comment says otherwise):
 *  - Functions that can fail return precis_status; objects come back through an
 *    out-parameter. The caller owns every object it receives that way and releases
 *    it with the matching *_free function (which accepts NULL).
 *  - `const char *` and span results are BORROWED: valid until the object that
 *    returned them is freed or modified. Nothing needs libc free() by the caller.
 *  - Text in and out is UTF-8. Invalid input bytes are replaced by U+FFFD.
 *  - A precis_ctx is not thread-safe; use one per thread.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRECIS_VERSION "0.1.0"

typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_ENOMEM,  /* allocation failed */
    PRECIS_EIO,     /* a file could not be read or written */
    PRECIS_EPARSE,  /* input is not in the expected format */
    PRECIS_ELIMIT,  /* a size cap was hit (never a silent truncation) */
    PRECIS_EINVAL,  /* invalid argument or option */
    PRECIS_EEMPTY,  /* nothing to work on: no article, no sentence */
    PRECIS_EBUDGET  /* there are usable sentences, but none fits the length budget */
} precis_status;

/* Generic text for a status; static storage. */
const char *precis_strerror(precis_status status);

/* Library version string, e.g. "0.1.0"; static storage. */
const char *precis_version(void);

/* Size caps (DESIGN.md "Limits"). Zero fields mean "use the default". */
typedef struct precis_limits {
    size_t max_file_bytes;    /* default 256 MiB */
    size_t max_line_bytes;    /* default 1 MiB  */
    size_t max_article_bytes; /* default 5 MiB  */
} precis_limits;

typedef struct precis_options {
    const char *lang;      /* ISO 639-1 code, default "en" */
    precis_limits limits;
} precis_options;

typedef struct precis_ctx precis_ctx;

/* Create a context. `opts` may be NULL for defaults; it is copied. Returns NULL
 * only when out of memory. Free with precis_free. */
precis_ctx *precis_new(const precis_options *opts);
void precis_free(precis_ctx *ctx);

/* The specific message of the last failure on this context ("FILE:LINE: what"),
 * or "" if none. Borrowed: valid until the next call on ctx. */
const char *precis_errmsg(const precis_ctx *ctx);

/* Read a whole input: a path, or "-" for stdin. gzip input is decompressed
 * transparently; the result is valid UTF-8 (invalid bytes become U+FFFD) and
 * NUL-terminated. On success *out is malloc'd by the library and owned by the
 * caller, who releases it with precis_text_free(). Fails with PRECIS_ELIMIT
 * past limits.max_file_bytes. */
precis_status precis_read_text(precis_ctx *ctx, const char *path, char **out, size_t *out_len);
/* The NUL characters (raw 0 bytes, or U+0000 in UTF-16) the last
 * precis_read_text dropped from the file's text: the caller says so, once
 * per input (they would cut C strings; before, they went without a word). */
size_t precis_read_text_nul(const precis_ctx *ctx);
/* Warnings about a part of an input that is used with a change, each one
 * line naming its place ("FILE:LINE: ID: field \"text\" holds 1 NUL
 * character (\u0000): dropped"), from the summarizer's readers
 * (precis_cluster_read, precis_cluster_add_input, precis_clusters_read).
 * fn NULL (the default): none are given. */
typedef void (*precis_warn_fn)(void *user, const char *message);
void precis_on_warning(precis_ctx *ctx, precis_warn_fn fn, void *user);
void precis_text_free(char *text);

/* ---- ROUGE evaluation (src/rouge) ------------------------------------ */

/* A re-implementation of ROUGE-1.5.5 (Lin 2004) that gives the Perl script's
 * numbers: same tokens, stemmer, stopwords, truncation, counting, rounding
 * and bootstrap random sequence. Usage:
 *   precis_rouge_options o; precis_rouge_options_default(&o); o.max_n = 2; ...
 *   precis_rouge *r; precis_rouge_new(&o, &r);
 *   precis_rouge_load_models_dir(r, "models"); precis_rouge_load_peers_dir(r, "peers");
 *   precis_rouge_run(r); precis_rouge_format_results(r, PRECIS_ROUGE_TEXT, 0, &out, &len);
 *   precis_text_free(out); precis_rouge_free(r);
 * Option fields mirror the script's flags (in brackets). */
typedef struct precis_rouge_options {
    int max_n;             /* [-n N] ROUGE-1..N; 0 = none (the script without -n) */
    int skip_bigrams;      /* [-2 k] given: compute ROUGE-S(U)k */
    int skip_gap;          /*   k: at most k words between the pair; < 0 unlimited */
    int skip_unigrams;     /* [-u] ROUGE-SU: add unigrams to the skip-bigrams */
    int skip_both;         /* [-U] ROUGE-S and ROUGE-SU */
    int no_lcs;            /* [-x] no ROUGE-L */
    double wlcs_weight;    /* [-w W] also ROUGE-W-W (weighted LCS), W > 0; 0 = off */
    int stem;              /* [-m] Porter stemmer after the WordNet exception list */
    int remove_stopwords;  /* [-s] drop SMART stopwords */
    long word_limit;       /* [-l N] first N words of every summary; 0 = all */
    long byte_limit;       /* [-b N] first N bytes; 0 = all (not with word_limit) */
    char formula;          /* [-f A|B] 'A' model average (default), 'B' best model */
    double alpha;          /* [-p a] F = 1 / (a/P + (1-a)/R); default 0.5 */
    int counting;          /* [-t 0|1|2] 0 per summary (default), 1 corpus, 2 raw counts */
    double confidence;     /* [-c] percent, default 95 */
    int resamples;         /* [-r] bootstrap resamples, default 1000 */
    size_t max_summary_bytes; /* one summary's size cap; default 5 MiB */
} precis_rouge_options;

/* The script's defaults: ROUGE-L only, 95 % interval from 1000 resamples. */
void precis_rouge_options_default(precis_rouge_options *opts);

typedef struct precis_rouge precis_rouge;

/* opts is copied. Fails with PRECIS_EINVAL on an impossible option set (the
 * message says which; read it with precis_rouge_errmsg). */
precis_status precis_rouge_new(const precis_rouge_options *opts, precis_rouge **out);
void precis_rouge_free(precis_rouge *r);
/* Message of the last failure ("FILE:LINE: what"); borrowed, valid until the
 * next call on r. */
const char *precis_rouge_errmsg(const precis_rouge *r);

/* Inputs that could not be used are skipped, named in a one-line warning
 * passed to this callback (default: none), and counted. */
typedef void (*precis_rouge_warn_fn)(void *user, const char *message);
void precis_rouge_on_warning(precis_rouge *r, precis_rouge_warn_fn fn, void *user);
size_t precis_rouge_skipped(const precis_rouge *r);

/* One reference (model) or one system (peer) summary for a topic: text is one
 * sentence per line, copied; `source` names it in messages (may be NULL).
 * PRECIS_ELIMIT past max_summary_bytes, PRECIS_EPARSE for binary data (NUL). */
precis_status precis_rouge_add_reference(precis_rouge *r, const char *topic, const char *text,
                                         size_t len, const char *source);
precis_status precis_rouge_add_summary(precis_rouge *r, const char *system, const char *topic,
                                       const char *text, size_t len, const char *source);

/* Directory inputs. A file's topic is its name up to the first '.'
 * ("d30001.m.100.t.a" and "d30001.txt" are topic d30001). A peers directory
 * holding files is one system named after the directory; one holding only
 * directories is a set of systems, one per subdirectory. */
precis_status precis_rouge_load_models_dir(precis_rouge *r, const char *dir);
precis_status precis_rouge_load_peers_dir(precis_rouge *r, const char *dir);
/* JSONL inputs: one {"id": string|number, "summary": string|[sentences]} per
 * line; references may instead give "summaries": [summary, ...]. system NULL =
 * the file name without directory and extensions. */
precis_status precis_rouge_load_refs_jsonl(precis_rouge *r, const char *path);
precis_status precis_rouge_load_summaries_jsonl(precis_rouge *r, const char *path,
                                                const char *system);

/* The Perl script's own inputs, for scripts (pyrouge, ...) that call it: the
 * XML evaluation file (<EVAL ID> elements with PEER-ROOT, MODEL-ROOT,
 * INPUT-FORMAT TYPE=SPL|SEE|ISI, PEERS/P ID, MODELS/M ID; the EVAL ID is the
 * topic, the P ID the system), or with file_list_format ("SPL", "SEE", "ISI")
 * the -z list of "peer model1 model2 ..." lines (topics numbered from 1).
 * system: XML: only that peer id (NULL = all, -a); list: the system's name
 * (NULL = "X", as the script). */
precis_status precis_rouge_load_config(precis_rouge *r, const char *path,
                                       const char *file_list_format, const char *system);

/* Scores every system on every topic that has references. */
precis_status precis_rouge_run(precis_rouge *r);

typedef enum precis_rouge_format {
    PRECIS_ROUGE_TEXT, /* ROUGE-1.5.5's own lines */
    PRECIS_ROUGE_JSON,
    PRECIS_ROUGE_TSV   /* system metric stat value ci_low ci_high [+ per-topic table] */
} precis_rouge_format;
/* Results of precis_rouge_run; per_topic adds every topic's scores (-d). *out
 * is owned by the caller: release it with precis_text_free. */
precis_status precis_rouge_format_results(precis_rouge *r, precis_rouge_format format,
                                          int per_topic, char **out, size_t *len);

/* Average of one system and metric after precis_rouge_run (indexes in output
 * order); PRECIS_EINVAL when out of range. Names are borrowed from r. */
typedef struct precis_rouge_score {
    double value[3];   /* recall, precision, F */
    double ci_low[3], ci_high[3];
} precis_rouge_score;
size_t precis_rouge_n_systems(const precis_rouge *r);
size_t precis_rouge_n_metrics(const precis_rouge *r);
const char *precis_rouge_system_name(const precis_rouge *r, size_t system);
const char *precis_rouge_metric_name(const precis_rouge *r, size_t metric);
precis_status precis_rouge_average(const precis_rouge *r, size_t system, size_t metric,
                                   precis_rouge_score *out);

/* ---- Text layer: sentences, tokens (src/text) ------------------------- */

/* A byte span [start, end) inside the text it was computed from. */
typedef struct precis_span {
    size_t start, end;
} precis_span;

/* Splits UTF-8 text into sentences (news-aware: abbreviations, initials,
 * decimals, quotes, ellipses, datelines, hard-wrapped lines, headlines without
 * final punctuation). *out is an array of *n spans owned by the caller; free
 * it with precis_spans_free. PRECIS_EEMPTY when there is no sentence. */
precis_status precis_sentences(precis_ctx *ctx, const char *text, size_t len, precis_span **out,
                               size_t *n);
/* Word spans of text (letters and digits, inner apostrophes, "U.S."). */
precis_status precis_words(precis_ctx *ctx, const char *text, size_t len, precis_span **out,
                           size_t *n);
void precis_spans_free(precis_span *spans);

/* Case-folds, normalises (NFC) and stems one word with the context's language
 * (Snowball). Writes at most cap-1 bytes and a NUL into out; *out_len gets the
 * length. PRECIS_ELIMIT when cap is too small. */
precis_status precis_stem(precis_ctx *ctx, const char *word, size_t len, char *out, size_t cap,
                          size_t *out_len);

/* ---- Cleaning pasted text (src/clean) --------------------------------- */

/* Cleans article text pasted from a browser, a CMS export or an archive:
 * removes navigation, promotion, captions, credits, share buttons, tickers,
 * cookie notices, teasers, bylines and datelines, and finds the title, the
 * date (ISO 8601), the byline and the site. Hard-wrapped text is handled.
 * *json_out receives the article object {"id","url","site","title","date",
 * "author","lang","text","removed":[{"line","class","reason"}]} (NUL-terminated,
 * no newline); it is malloc'd by the library and released with
 * precis_text_free(). id may be NULL. PRECIS_EEMPTY when nothing of an article
 * is left (*json_out is still set: "removed" says why); PRECIS_ELIMIT past
 * limits.max_article_bytes or max_line_bytes. */
precis_status precis_clean_text(precis_ctx *ctx, const char *id, const char *text, size_t len,
                                char **json_out, size_t *json_len);

/* ---- HTML extraction (src/html) --------------------------------------- */

/* One article: clean text plus metadata (DESIGN.md "article / doc"). */
typedef struct precis_doc precis_doc;

typedef struct precis_extract_options {
    const char *url;          /* the page's address; NULL = take <link rel=canonical> */
    const char *content_type; /* HTTP Content-Type header when known (its charset wins) */
    int all_text;             /* non-zero: every visible text block, no extraction */
} precis_extract_options;

/* Extracts the article from one web page given as raw bytes in any encoding
 * (BOM, HTTP/meta charset, else detected; output is UTF-8). opts may be NULL.
 * PRECIS_EEMPTY: no article text found ("no article found"); PRECIS_ELIMIT:
 * nesting deeper than 512 elements or text over limits.max_article_bytes.
 * On success *out is owned by the caller (precis_doc_free); on failure it is NULL. */
precis_status precis_extract_html(precis_ctx *ctx, const char *html, size_t len,
                                  const precis_extract_options *opts, precis_doc **out);
/* The same for a file ("-" = stdin, gzip read transparently). */
precis_status precis_extract_file(precis_ctx *ctx, const char *path,
                                  const precis_extract_options *opts, precis_doc **out);

/* Fields, borrowed until precis_doc_free; NULL when the page did not say.
 * Text: paragraphs separated by "\n\n", list items by "\n". Date: ISO 8601. */
const char *precis_doc_text(const precis_doc *doc, size_t *len);
const char *precis_doc_title(const precis_doc *doc);
const char *precis_doc_date(const precis_doc *doc);
const char *precis_doc_author(const precis_doc *doc);
const char *precis_doc_site(const precis_doc *doc);
const char *precis_doc_url(const precis_doc *doc);
const char *precis_doc_lang(const precis_doc *doc);
/* The article as one JSON object {"id","url","site","title","date","author",
 * "lang","text"} (no newline); borrowed until precis_doc_free. NULL when out
 * of memory. */
const char *precis_doc_json(precis_doc *doc);
void precis_doc_free(precis_doc *doc);

/* WARC (and WARC.gz) input: response records with an HTML payload, one at a
 * time, in constant memory. A record larger than limits.max_file_bytes is
 * skipped with PRECIS_ELIMIT. */
typedef struct precis_warc precis_warc;
/* Non-zero when path is a regular file whose (gunzipped) data starts "WARC/". */
int precis_is_warc(const char *path);
precis_status precis_warc_open(precis_ctx *ctx, const char *path, precis_warc **out);
/* Extracts the next page. PRECIS_OK with *doc (caller frees; url = the
 * record's target URI) or with *doc NULL and *end set when no records are
 * left. Per-record failures leave the reader usable: PRECIS_EEMPTY (no
 * article), PRECIS_EPARSE (malformed record), PRECIS_ELIMIT (over a cap);
 * PRECIS_EIO means the file cannot be read further. *record is the 1-based
 * record number (for messages); it may be NULL. */
precis_status precis_warc_next(precis_ctx *ctx, precis_warc *w, const precis_extract_options *opts,
                               precis_doc **doc, int *end, size_t *record);
/* Compressed bytes read so far and the file size (0 when unknown: stdin). */
void precis_warc_progress(const precis_warc *w, uint64_t *done, uint64_t *total);
void precis_warc_close(precis_warc *w);

/* ---- Summarization (src/summarize) ------------------------------------ */

/* A set of articles about one story. Texts are copied in. */
typedef struct precis_cluster precis_cluster;

/* id may be NULL ("cluster"). Free with precis_cluster_free. */
precis_status precis_cluster_new(precis_ctx *ctx, const char *id, precis_cluster **out);
/* Adds one article as pasted page text: precis_summarize cleans it first
 * (src/clean: captions, promotion, navigation, bylines, datelines...) when
 * it has line structure (not one long line, not hard-wrapped wire copy),
 * and summary spans then refer to that clean text. id may be NULL: documents are then
 * named by their 1-based position. PRECIS_ELIMIT past
 * limits.max_article_bytes or 10,000 documents. */
precis_status precis_cluster_add(precis_ctx *ctx, precis_cluster *cluster, const char *id,
                                 const char *text, size_t len);
/* Same for text that is already clean (an article object's "text"): used as
 * is, and spans refer to it. */
precis_status precis_cluster_add_clean(precis_ctx *ctx, precis_cluster *cluster, const char *id,
                                       const char *text, size_t len);
size_t precis_cluster_count(const precis_cluster *cluster);
/* NUL characters (a JSON "\u0000") dropped so far from the text added to the
 * cluster: a text keeps no NUL (before, summarize wrote it back as "\u0000",
 * or a space); the readers say so per document through precis_on_warning. */
size_t precis_cluster_nul_dropped(const precis_cluster *cluster);
/* Borrowed: valid until the cluster is freed. */
const char *precis_cluster_id(const precis_cluster *cluster);
const char *precis_cluster_doc_id(const precis_cluster *cluster, size_t doc);
void precis_cluster_free(precis_cluster *cluster);

/* Adds the documents in one input buffer to cluster. The format is sniffed:
 *  - JSON Lines (first non-blank byte '{'): each line an article object
 *    {"id", "text", "title", ...} (clean text) or a cluster {"id",
 *    "documents": [string (pasted text) | article, ...]} (Multi-News shape);
 *    only one cluster line is allowed here
 *    (PRECIS_EINVAL otherwise: use precis_clusters_read for batches);
 *  - text with Multi-News's " ||||| " separator: one document per part;
 *  - an HTML page or a WARC file: refused (PRECIS_EPARSE), markup is not text;
 *  - anything else: one article (pasted text).
 * name (a path or "<stdin>") is used for messages and for ids ("name",
 * "name#2", "name:LINE"). Malformed JSON fails with PRECIS_EPARSE naming the
 * line; lines over limits.max_line_bytes with PRECIS_ELIMIT. */
precis_status precis_cluster_add_input(precis_ctx *ctx, precis_cluster *cluster, const char *name,
                                       const char *data, size_t len);

/* Reads a JSON Lines stream of clusters ({"id", "documents": [...]} per line)
 * and calls fn once per cluster; the callee owns (and frees) each cluster.
 * Stops at the first failure of fn (its status is returned). A malformed line
 * is reported through bad_line (may be NULL; it gets the message) and skipped;
 * the function then returns PRECIS_EPARSE after reading the rest. */
typedef precis_status (*precis_cluster_fn)(void *user, precis_cluster *cluster);
typedef void (*precis_bad_line_fn)(void *user, const char *message);
precis_status precis_clusters_read(precis_ctx *ctx, const char *name, const char *data, size_t len,
                                   precis_cluster_fn fn, precis_bad_line_fn bad_line, void *user);
/* As precis_cluster_add_input, but a malformed JSONL line or document, or one over a per-line or
 * per-article limit, is reported through bad_line (NULL: stop at the first,
 * as precis_cluster_add_input) with a message naming the line, and skipped; the other lines are
 * added, and the function then returns PRECIS_EPARSE (PRECIS_ELIMIT if one was
 * over a limit). Other failures (the cluster's document cap, out of memory,
 * several clusters) stop it as precis_cluster_add_input does. */
precis_status precis_cluster_read(precis_ctx *ctx, precis_cluster *cluster, const char *name, const char *data,
                                  size_t len, precis_bad_line_fn bad_line, void *user);

typedef struct precis_summary_options {
    size_t max_words;     /* word budget; 0 = 100 unless max_bytes is set */
    size_t max_bytes;     /* byte budget over sentence texts joined by spaces; 0 = none */
    size_t max_sentences; /* 0 = no limit */
    int compress;         /* > 0: sentence compression (off by default) */
} precis_summary_options;

typedef struct precis_summary_sentence {
    const char *text;       /* the sentence, whitespace collapsed (borrowed) */
    size_t text_len;
    size_t doc;             /* index of the source document in the cluster */
    const char *doc_id;     /* its id (borrowed) */
    size_t start, end;      /* byte span in that document's text */
    double score;           /* weight of the content it newly covered */
    const size_t *also_in;  /* other documents that say the same thing (indices) */
    const char *const *also_in_ids; /* ... and their ids; both n_also_in long */
    size_t n_also_in;
    int compressed;         /* 1: text is a trimmed version of the span: asides cut */
    const size_t *kept;     /* ... made of these byte ranges of the span, n_kept */
    size_t n_kept;          /* (start, end) pairs (the first letter may be capitalised) */
} precis_summary_sentence;

typedef struct precis_summary precis_summary;

/* Chooses sentences that cover the cluster's most repeated content under the
 * budget without saying anything twice, in source order, each attributed.
 * PRECIS_EEMPTY when no document has a usable sentence; PRECIS_EBUDGET when
 * there are some but even the shortest is longer than the budget (max_words
 * or max_bytes; the message gives its length): a caller that can go on
 * without a summary tells the two apart by status. The summary borrows nothing from the
 * cluster except document ids: free the summary first or keep the cluster. */
precis_status precis_summarize(precis_ctx *ctx, const precis_cluster *cluster,
                               const precis_summary_options *opts, precis_summary **out);
size_t precis_summary_count(const precis_summary *summary);
const precis_summary_sentence *precis_summary_sentence_at(const precis_summary *summary, size_t i);
/* The summary as DESIGN.md's JSON object {"id","summary","sentences":[...]}
 * (one line, no newline). *out is owned by the caller: precis_text_free. */
precis_status precis_summary_json(const precis_summary *summary, char **out, size_t *out_len);
void precis_summary_free(precis_summary *summary);

/* ---- Articles with metadata: the input of stories (src/story) ------------ */

/* One article after extraction (HTML) or cleaning (pasted text). All fields
 * are borrowed by whoever receives the struct; NULL when unknown. */
typedef struct precis_article {
    const char *id;     /* required; unique within one stream or digest */
    const char *url, *site, *title, *author, *lang;
    const char *date;   /* publication date, ISO 8601 ("2018-05-29" or with time) */
    const char *text;   /* clean article text, paragraphs separated by blank lines */
    size_t text_len;
    const char *date_alt; /* NULL, or the day-first reading when the page printed an ambiguous
                             "11/03/2026" (date holds the month-first one): see
                             precis_articles_settle_dates */
    const char *warning;  /* NULL, or "NAME:LINE: ..." naming a part of the input not used (a JSON
                             "date" the date parser cannot read: the article is kept undated);
                             set by precis_articles_read for its callback to report */
    int date_order;       /* how the page printed a numeric date: +1 day first ("29/05/2018",
                             or "Wed, 03/04/2024" read by its weekday), -1 month first
                             ("5/29/2018"), 0 unknown: evidence for settling the same
                             site's ambiguous dates (precis_articles_settle_dates) */
    const char *date_note; /* NULL, or how date was read when the article printed none whole
                              (a yearless wire dateline "CARROWBY, Oct. 13 (Ennet Wire) -":
                              "from the dateline ... (no year printed: 2026, ...)"), or why it
                              stays undated: set by precis_articles_date_datelines and the
                              date window, printed by every command that reads dates */
} precis_article;

/* Settles the day/month order of every article whose date is ambiguous
 * (date_alt set: "11/03/2026" printed): (a) the reading nearer to the dates of
 * the other articles of a[0..n) that have an unambiguous one; on a tie or with
 * none, (b) the page's country domain (url, or a site that is a host: .uk .ie
 * .au .nz .in .za and most others day-first, .us month-first) or language
 * (en-US month-first; en-GB and the like, or any other language, day-first);
 * else (c) month first, as the parser read it. The reading taken is left in
 * date, and date_alt set to NULL (settled). precis_story_build settles what is
 * left over the story's articles; precis digest settles over its whole input
 * before grouping (the date counts for the story's time too). */
precis_status precis_articles_settle_dates(precis_article *a, size_t n);

/* The one reading of a yearless wire dateline, for every command (digest,
 * cluster, ingest and the story build): an article with no date whose text
 * opens with a dateline whose date prints no year ("CARROWBY, Oct. 13 (Ennet
 * Wire) - ...") takes the year that puts that day within 31 days of the date
 * of one of the PRECIS_DATE_WINDOW articles before or after it (arrival order)
 * that printed a whole date, else within 92 days of one of its own dates with
 * a printed year ("last inspected on Feb. 20, 2025"); date and date_note are
 * then set. With neither it stays undated and date_note says why. Only dates
 * the articles printed are evidence (one dated by its dateline gives no year
 * to another), so the readings do not depend on the order the articles are
 * dated in. The strings set live in *mem (one block; NULL when none was set),
 * which the caller frees after the articles. */
precis_status precis_articles_date_datelines(precis_article *a, size_t n, char **mem);

/* Called once per article found; the article is borrowed for the call only.
 * A status other than PRECIS_OK stops the reading and is returned. */
typedef precis_status (*precis_article_fn)(void *user, const precis_article *article);

/* precis_articles_settle_dates for a stream (precis cluster, precis ingest),
 * which cannot wait for its end: articles given to add are passed to fn in
 * the same order, an ambiguous one (date_alt set) held, with those after it,
 * until PRECIS_DATE_WINDOW more have come (or end is called, or the held
 * ones pass PRECIS_DATE_WINDOW_BYTES), then settled over the unambiguous
 * dates of those and of the PRECIS_DATE_WINDOW passed on before it. fn gets
 * a held article as a copy, valid for the call; add and end return what fn
 * returned, or PRECIS_ENOMEM. */
#define PRECIS_DATE_WINDOW 256
#define PRECIS_DATE_WINDOW_BYTES ((size_t)64 << 20)
typedef struct precis_date_window precis_date_window;
precis_status precis_date_window_new(precis_article_fn fn, void *user, precis_date_window **out);
precis_status precis_date_window_add(precis_date_window *w, const precis_article *a);
precis_status precis_date_window_end(precis_date_window *w);
void precis_date_window_free(precis_date_window *w);

/* Reads every article of one input: a path or "-" (stdin), gzip read
 * transparently. The format is sniffed: WARC / WARC.gz (response records,
 * each page extracted, streamed in constant memory); JSON Lines of article
 * objects {"id", "text" | "html", "title", "date", "url", "site", "author"}
 * ("html" is extracted, "text" cleaned as precis_cluster_add does); one HTML
 * page (extracted); anything else one pasted article (cleaned). Ids: the
 * object's "id", else derived from the path ("path", "path:LINE",
 * "path#RECORD"). A part that yields no article is reported through bad (may
 * be NULL) with a message naming the input and line/record, and skipped. A
 * refused part (malformed JSON line, binary data, over a limit) makes the
 * function return PRECIS_EPARSE (PRECIS_ELIMIT if one was over a limit) after
 * reading the rest; a part read fine but without an article (empty, only
 * debris, no article in the HTML) is not a failure. PRECIS_EEMPTY when the
 * input held no article and nothing was refused. PRECIS_EIO when the input
 * could not be opened or read, PRECIS_ELIMIT also when the whole input is over
 * the file-size limit: these two are not reported through bad. */
precis_status precis_articles_read(precis_ctx *ctx, const char *path, precis_article_fn fn,
                                   precis_bad_line_fn bad, void *user);
/* A news feed (RSS 2.0, Atom 1.0, RSS 1.0/RDF) by its root element, after the
 * XML declaration: 1, else 0. precis_articles_read reads feeds by itself. */
int precis_looks_like_feed(const char *data, size_t len);
/* Adds one document per feed item (its HTML content extracted; ids NAME#K)
 * of the feed in data (UTF-8, as precis_read_text gives it) to cluster.
 * Skipped items and a damaged feed are reported through bad_line (may be
 * NULL) and make it return PRECIS_EPARSE (PRECIS_ELIMIT past a limit) after
 * the good items were added; an item repeating an earlier one (same guid or
 * link) is left out without a message; PRECIS_EEMPTY when no item is left. */
precis_status precis_cluster_read_feed(precis_ctx *ctx, precis_cluster *cluster, const char *name,
                                       const char *data, size_t len, precis_bad_line_fn bad_line, void *user);

/* ---- Stories from a stream: near-duplicates and online clustering ------- */

typedef struct precis_stream_options {
    double threshold;        /* similarity to join a story; 0 = default (0.25) */
    int64_t quiet_seconds;   /* a story closes after this long without articles; 0 = 3 days */
    size_t max_open;         /* open stories kept; 0 = default (memory stays flat) */
    double dup_threshold;    /* estimated Jaccard to call an article a copy; 0 = 0.5 */
    int batch;               /* regroup the articles in windows (precis_stream_settle);
                                precis_stream_add gives no story (SIZE_MAX) and runs no
                                online pass: the settle reports each article's story */
    size_t window;           /* batch: articles held for regrouping at most; 0 = default
                                (PRECIS_STREAM_WINDOW); memory grows with it, not the input */
} precis_stream_options;

typedef struct precis_stream precis_stream;

/* Near-copies are looked for among this many most recent articles. */
#define PRECIS_STREAM_DUP_WINDOW 16384
/* Batch mode: articles regrouped together at most (the default window). */
#define PRECIS_STREAM_WINDOW 16384

/* opts may be NULL for defaults. Free with precis_stream_free. The stream keeps
 * only fixed-size features of recent articles, never their text. */
precis_status precis_stream_new(precis_ctx *ctx, const precis_stream_options *opts,
                                precis_stream **out);
/* Assigns the next article (articles are numbered from 0 in the order added).
 * Its time is its date; an article without a date takes the time of the one
 * before it (arrival order). *story receives the story number (dense, from 0,
 * in order of creation; SIZE_MAX in batch mode: see precis_stream_settle);
 * *dup_of (may be NULL) the number of the earlier
 * article it is a near-copy of, or SIZE_MAX. Deterministic for a given order.
 * PRECIS_EEMPTY for an article with no words (it joins no story). */
precis_status precis_stream_add(precis_ctx *ctx, precis_stream *s, const precis_article *article,
                                size_t *story, size_t *dup_of);
/* Stories so far: online, those created; batch mode, those reported. */
size_t precis_stream_n_stories(const precis_stream *s);
/* Articles that took the previous article's time: no date, or one not
 * believable (before 1900, after 2200, or over a year past the latest date
 * seen). */
size_t precis_stream_n_undated(const precis_stream *s);
/* Batch mode (opts->batch): the stories of the articles held in the window
 * become final here. Call it after each precis_stream_add (and once with
 * at_end at the end of the input). When the window is due — `window`
 * articles held, the end, or (dated input) its oldest article older than the
 * quiet period — it is grouped again from scratch with document frequencies
 * over the window (a nearest-neighbour graph of the articles, average-linkage
 * merging, lone articles attached; a copy stays with its original), and the
 * groups that are final are reported: all of them at the end; otherwise
 * those whose newest article is older than the quiet period or than the
 * last window / 2 articles of the stream, and, while more than window / 2
 * would stay held, those whose newest article is oldest. The rest stay held
 * and are regrouped with the next articles. A story reported but not closed
 * by the quiet period leaves its two newest articles in the window as
 * anchors (reported, not reported again) until a window of articles has
 * passed without it: later reports grouped with them take its id. A copy of an article already
 * reported is reported at the next call, in that story. fn(user, article,
 * story) is called once per article reported, in article order within one
 * call; story ids are dense from 0 in order of reporting (within one
 * regrouping, of their first articles). Rejected articles are never reported.
 * A non-OK status of fn stops the call and is returned. Deterministic for a
 * given input order. */
typedef precis_status (*precis_stream_story_fn)(void *user, size_t article, size_t story);
precis_status precis_stream_settle(precis_ctx *ctx, precis_stream *s, int at_end, precis_stream_story_fn fn,
                                   void *user);
void precis_stream_free(precis_stream *s);

/* ---- One story: headline, summary, timeline, entities, coverage --------- */

typedef struct precis_story_options {
    size_t summary_words;  /* summary budget; 0 = 100 */
    size_t max_timeline;   /* timeline entries; 0 = default */
    size_t max_entities;   /* entities listed; 0 = default */
    double dup_threshold;  /* estimated Jaccard to call an article a copy; 0 = 0.5 */
    size_t max_reports;    /* independent reports (copies aside) analysed: summary, timeline,
                              entities, coverage; 0 = PRECIS_STORY_MAX_REPORTS. The later ones are
                              listed as sources with "analysed": false, never dropped */
} precis_story_options;
#define PRECIS_STORY_MAX_REPORTS 500

/* Builds the story told by articles[0..n) (arrival order; copies of each
 * other allowed: they are grouped, not lost). *json_out receives DESIGN.md's
 * story object, one line, no newline:
 *   {"id", "headline", "sources": [article without text, + "duplicate_of"],
 *    "summary": summary object, "timeline": [{"date", "text", "doc"}],
 *    "entities": [{"name", "type", "sources"}], "coverage": {...}}
 * (docs/stories.md gives every field: the timeline's "when"/"relative"/
 * "sources", and coverage {"reports", "per_source": [{"doc", "copies",
 * "unique", "omits"}], "summary": [{"sentence", "reports", "docs"}],
 * "conflicts": [{"kind", "about", "claims": [{"value", "text", "docs"}]}],
 * "spellings": the same shape, names spelt two ways}).
 * Articles with invalid UTF-8 are repaired in a private copy (U+FFFD).
 * malloc'd by the library; release with precis_text_free(). id may be NULL.
 * PRECIS_EEMPTY when no article has a usable sentence; PRECIS_EINVAL when an
 * article has no id. A summary budget smaller than every sentence is not an
 * error: the summary is empty and says why in its "note". */
precis_status precis_story_build(precis_ctx *ctx, const char *id, const precis_article *articles,
                                 size_t n, const precis_story_options *opts, char **json_out,
                                 size_t *json_len);
/* What precis_story_build_info says of the story besides its JSON, for a
 * caller that counts or warns without reading the JSON back (before, digest
 * searched the JSON text for "note", "n_reports", "date":null and
 * "date_ignored"). */
typedef struct precis_story_info {
    size_t n_reports;        /* independent reports ("n_reports") */
    size_t analysed_reports; /* of those, the ones analysed (the cap; "analysed_reports") */
    int no_summary;          /* 1: no sentence fits the budget: the summary is empty, its "note" says why */
    size_t n_undated;        /* sources (copies included) whose "date" is null */
    size_t n_date_ignored;   /* sources with a "date_ignored" (a date not believable) */
} precis_story_info;
/* precis_story_build, and *info (may be NULL) filled on success. */
precis_status precis_story_build_info(precis_ctx *ctx, const char *id, const precis_article *articles,
                                      size_t n, const precis_story_options *opts, char **json_out,
                                      size_t *json_len, precis_story_info *info);

/* Renders a story object (precis_story_build's JSON) for reading, as one entry
 * of `precis digest`'s morning briefing: headline, summary with source
 * markers [1], [2]... (positions in "sources"), timeline, entities, coverage
 * (conflicts, unique facts, omissions) and the numbered sources. rank (from 1;
 * 0 = none) numbers the headline. *out is malloc'd: precis_text_free.
 * PRECIS_EPARSE when json is not a story object. */
typedef enum precis_story_format { PRECIS_STORY_TEXT, PRECIS_STORY_MARKDOWN } precis_story_format;
precis_status precis_story_render(const char *json, size_t len, precis_story_format format,
                                  size_t rank, char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */
