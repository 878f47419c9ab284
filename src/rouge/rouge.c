/* rouge.c — the evaluation: summaries in, ROUGE-1.5.5's numbers out.
 *
 * Every summary is analysed once when it is added (truncation, tokens,
 * stopwords, stems, then its sorted gram ids per metric), so a model shared by
 * many systems is never re-read. Scoring a (peer, models) pair is then merges
 * of sorted id arrays, plus the ROUGE-L DP. Per-topic scores are rounded to 5
 * decimals before averaging, and the printed averages are the means of the
 * bootstrap samples, drawn with Perl's generator and seeds, as the script
 * does: that is what makes every printed digit match. */
#include "rouge/rouge.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_ANALYSIS UINT32_MAX      /* token not analysed yet */
#define DROPPED (UINT32_MAX - 1)    /* stopword */
#define MAX_NGRAM 32
#define MAX_LCS_CELLS ((size_t)64 << 20) /* one sentence pair's DP, bytes */
#define MAX_SKIP_GRAMS ((size_t)64 << 20)

typedef struct pr_text {
    uint32_t *tok; /* the tokens the script's readText gives (all sentences joined) */
    size_t ntok;
    uint32_t *lcs; /* readText_LCS: the same per sentence (differs only with -b) */
    size_t *sent;  /* nsent + 1 offsets into lcs */
    size_t nsent, nlcs;
    uint64_t *grams[MAX_NGRAM]; /* sorted n-gram keys, n = index + 1 */
    size_t ngrams[MAX_NGRAM];
    uint64_t *skip[2]; /* sorted skip-gram keys: [0] the first skip metric, [1] SU with -U */
    size_t nskip[2];
} pr_text;

typedef struct pr_topic {
    const char *id;
    pr_text **models;
    const char **model_src;
    size_t n_models, cap_models;
    bool warned;
} pr_topic;

typedef struct pr_system {
    const char *name;
    pr_text **peers; /* by topic index; NULL = none */
    size_t cap;
} pr_system;

typedef enum pr_kind { K_NGRAM, K_LCS, K_WLCS, K_SKIP } pr_kind;
typedef struct pr_metric {
    pr_kind kind;
    int n;         /* K_NGRAM: n; K_SKIP: which skip array */
    bool unigrams; /* K_SKIP */
    char name[32];
} pr_metric;

typedef struct pr_result {
    size_t n_inst;
    const char **topic; /* instance order (the script's sorted test ids) */
    double (*v)[3];     /* per topic: R P F, or model / peer / hit counts (-t 1, 2) */
    double avg[3], lo[3], hi[3];
} pr_result;

typedef struct idx_table {
    size_t n;
    uint32_t *idx; /* resamples x n */
} idx_table;

struct precis_rouge {
    precis_rouge_options o;
    pc_error err;
    precis_rouge_warn_fn warn;
    void *warn_user;
    size_t skipped;
    pc_arena arena; /* texts, names, results: one per run */
    pr_vocab *vocab; /* words, raw and stemmed */
    pr_vocab *pairs; /* prefixes of long n-grams: kept apart so the word table stays small */
    pr_vocab *topic_names, *system_names;
    uint32_t *analysis;
    size_t analysis_cap;
    pr_topic *topics;
    size_t n_topics, cap_topics;
    pr_system *systems;
    size_t n_systems, cap_systems;
    pr_metric metrics[MAX_NGRAM + 3];
    size_t n_metrics;
    size_t *order; /* systems by name */
    pr_result *results; /* [order index * n_metrics + metric] */
    bool ran;
    pc_buf tokbuf, lcsbuf, sentbuf, gramtmp;
    pr_lcs_scratch lcs;
    pr_wlcs_scratch wlcs;
    idx_table *tables;
    size_t n_tables;
};

/* ---- options, lifetime, messages --------------------------------------------- */

void precis_rouge_options_default(precis_rouge_options *o)
{
    memset(o, 0, sizeof *o);
    o->formula = 'A';
    o->alpha = 0.5;
    o->confidence = 95;
    o->resamples = 1000;
    o->max_summary_bytes = PC_DEFAULT_MAX_ARTICLE;
}

static void add_metric(precis_rouge *r, pr_kind kind, int n, bool unigrams, const char *name)
{
    pr_metric *m = &r->metrics[r->n_metrics++];
    m->kind = kind;
    m->n = n;
    m->unigrams = unigrams;
    pc_snprintf(m->name, sizeof m->name, "%s", name);
}

precis_status precis_rouge_new(const precis_rouge_options *opts, precis_rouge **out)
{
    *out = NULL;
    precis_rouge *r = calloc(1, sizeof *r);
    if (!r) return PRECIS_ENOMEM;
    if (opts) r->o = *opts;
    else precis_rouge_options_default(&r->o);
    precis_rouge_options *o = &r->o;
    if (!o->max_summary_bytes) o->max_summary_bytes = PC_DEFAULT_MAX_ARTICLE;
    pc_arena_init(&r->arena);
    pc_buf_init(&r->tokbuf, 0);
    pc_buf_init(&r->lcsbuf, 0);
    pc_buf_init(&r->sentbuf, 0);
    pc_buf_init(&r->gramtmp, 0);
    r->vocab = pr_vocab_new();
    r->pairs = pr_vocab_new();
    r->topic_names = pr_vocab_new();
    r->system_names = pr_vocab_new();
    *out = r;
    if (!r->vocab || !r->pairs || !r->topic_names || !r->system_names) return PRECIS_ENOMEM;

    const char *bad = NULL;
    if (o->max_n < 0 || o->max_n > MAX_NGRAM) bad = "-n must be between 1 and 32";
    else if (o->word_limit < 0 || o->byte_limit < 0) bad = "-l and -b must not be negative";
    else if (o->word_limit && o->byte_limit) bad = "give a length limit in words (-l) or bytes (-b), not both";
    else if (o->formula != 'A' && o->formula != 'B') bad = "-f must be A or B";
    else if (!(o->alpha >= 0 && o->alpha <= 1)) bad = "-p must be between 0 and 1";
    else if (!(o->confidence >= 0 && o->confidence <= 100)) bad = "-c must be between 0 and 100";
    else if (o->resamples < 1 || o->resamples > 1000000) bad = "-r must be between 1 and 1000000";
    else if (o->counting < 0 || o->counting > 2) bad = "-t must be 0, 1 or 2";
    else if ((o->skip_unigrams || o->skip_both) && !o->skip_bigrams) bad = "-u and -U need -2";
    else if (!(o->wlcs_weight >= 0 && o->wlcs_weight <= 100)) bad = "-w must be greater than 0";
    if (bad) return pc_fail(&r->err, PRECIS_EINVAL, NULL, 0, "%s", bad);

    char name[32];
    for (int n = 1; n <= o->max_n; n++) {
        snprintf(name, sizeof name, "ROUGE-%d", n);
        add_metric(r, K_NGRAM, n, false, name);
    }
    if (!o->no_lcs) add_metric(r, K_LCS, 0, false, "ROUGE-L");
    if (o->wlcs_weight > 0) {
        snprintf(name, sizeof name, "ROUGE-W-%g", o->wlcs_weight);
        add_metric(r, K_WLCS, 0, false, name);
    }
    if (o->skip_bigrams) {
        char k[16];
        if (o->skip_gap >= 0) snprintf(k, sizeof k, "%d", o->skip_gap);
        else snprintf(k, sizeof k, "*");
        if (o->skip_unigrams) {
            snprintf(name, sizeof name, "ROUGE-SU%s", k);
            add_metric(r, K_SKIP, 0, true, name);
        } else {
            snprintf(name, sizeof name, "ROUGE-S%s", k);
            add_metric(r, K_SKIP, 0, false, name);
            if (o->skip_both) {
                snprintf(name, sizeof name, "ROUGE-SU%s", k);
                add_metric(r, K_SKIP, 1, true, name);
            }
        }
    }
    return PRECIS_OK;
}

void precis_rouge_free(precis_rouge *r)
{
    if (!r) return;
    pr_vocab_free(r->vocab);
    pr_vocab_free(r->pairs);
    pr_vocab_free(r->topic_names);
    pr_vocab_free(r->system_names);
    free(r->analysis);
    for (size_t i = 0; i < r->n_topics; i++) {
        free(r->topics[i].models);
        free(r->topics[i].model_src);
    }
    free(r->topics);
    for (size_t i = 0; i < r->n_systems; i++) free(r->systems[i].peers);
    free(r->systems);
    free(r->order);
    free(r->results);
    for (size_t i = 0; i < r->n_tables; i++) free(r->tables[i].idx);
    free(r->tables);
    pc_buf_free(&r->tokbuf);
    pc_buf_free(&r->lcsbuf);
    pc_buf_free(&r->sentbuf);
    pc_buf_free(&r->gramtmp);
    pr_lcs_scratch_free(&r->lcs);
    pr_wlcs_scratch_free(&r->wlcs);
    pc_arena_reset(&r->arena);
    free(r);
}

const char *precis_rouge_errmsg(const precis_rouge *r) { return r ? r->err.msg : ""; }

void precis_rouge_on_warning(precis_rouge *r, precis_rouge_warn_fn fn, void *user)
{
    r->warn = fn;
    r->warn_user = user;
}

size_t precis_rouge_skipped(const precis_rouge *r) { return r->skipped; }

static void vnote(precis_rouge *r, const char *fmt, va_list ap)
{
    if (!r->warn) return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    r->warn(r->warn_user, msg);
}

void pr_warn(precis_rouge *r, const char *fmt, ...)
{
    r->skipped++;
    va_list ap;
    va_start(ap, fmt);
    vnote(r, fmt, ap);
    va_end(ap);
}

/* A remark that does not skip anything (an empty summary scores 0). */
static void pr_note(precis_rouge *r, const char *fmt, ...) PC_PRINTF(2, 3);
static void pr_note(precis_rouge *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(r, fmt, ap);
    va_end(ap);
}

pc_error *pr_err(precis_rouge *r) { return &r->err; }
size_t pr_max_summary(const precis_rouge *r) { return r->o.max_summary_bytes; }

/* ---- analysing one summary ------------------------------------------------------ */

typedef struct tok_ctx {
    precis_rouge *r;
    pc_buf *out;
    precis_status st;
} tok_ctx;

/* Grows the analysis table to hold entry k; new entries are not analysed yet. */
static bool analysis_room(precis_rouge *r, uint32_t k)
{
    if (k < r->analysis_cap) return true;
    size_t cap = r->analysis_cap ? r->analysis_cap : 4096;
    while (cap <= k) cap *= 2;
    uint32_t *a = realloc(r->analysis, cap * sizeof *a);
    if (!a) return false;
    for (size_t i = r->analysis_cap; i < cap; i++) a[i] = NO_ANALYSIS;
    r->analysis = a;
    r->analysis_cap = cap;
    return true;
}

static uint32_t analyse_token(precis_rouge *r, const char *s, size_t n)
{
    uint32_t raw = pr_vocab_word(r->vocab, s, n);
    if (raw == UINT32_MAX || !analysis_room(r, raw)) return UINT32_MAX;
    if (r->analysis[raw] != NO_ANALYSIS) return r->analysis[raw];
    uint32_t fin = raw;
    if (r->o.remove_stopwords && pr_is_stopword(s, n)) fin = DROPPED;
    else if (r->o.stem && n > 3) {
        char small[256];
        char *buf = n + 64 <= sizeof small ? small : malloc(n + 64);
        if (!buf) return UINT32_MAX;
        size_t k = pr_morph_stem(s, n, buf, n + 64);
        fin = pr_vocab_word(r->vocab, buf, k);
        if (buf != small) free(buf);
        /* the stem may be a new word: keep the table in step */
        if (fin == UINT32_MAX || !analysis_room(r, fin)) return UINT32_MAX;
    }
    r->analysis[raw] = fin;
    return fin;
}

static void on_token(void *user, const char *s, size_t n)
{
    tok_ctx *c = user;
    if (c->st) return;
    uint32_t id = analyse_token(c->r, s, n);
    if (id == UINT32_MAX) {
        c->st = PRECIS_ENOMEM;
        return;
    }
    if (id == DROPPED) return;
    c->st = pc_buf_append(c->out, &id, sizeof id);
}

static void *arena_copy(pc_arena *a, const void *p, size_t n)
{
    void *q = pc_arena_alloc(a, n ? n : 1);
    if (q && n) memcpy(q, p, n);
    return q;
}

static precis_status analyse(precis_rouge *r, const char *text, size_t len, const char *source,
                             pr_text **out)
{
    *out = NULL;
    const char *name = source ? source : "<text>";
    if (len > r->o.max_summary_bytes)
        return pc_fail(&r->err, PRECIS_ELIMIT, name, 0,
                       "summary larger than the %zu-byte limit", r->o.max_summary_bytes);
    const char *nul = memchr(text, '\0', len);
    if (nul)
        return pc_fail(&r->err, PRECIS_EPARSE, name, 0,
                       "binary data (NUL byte at offset %zu), not a text summary",
                       (size_t)(nul - text));
    pc_arena tmp; /* per summary: the lowered copy and the pieces */
    pc_arena_init(&tmp);
    precis_status st = PRECIS_ENOMEM;
    char *low = pc_arena_alloc(&tmp, len + 1);
    pr_text *t = pc_arena_alloc(&r->arena, sizeof *t);
    if (!low || !t) goto done;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    pr_piece *pieces;
    size_t np;
    tok_ctx c = {r, &r->tokbuf, PRECIS_OK};
    /* readText: one token sequence for n-grams and skip-bigrams. */
    if ((st = pr_truncate(&tmp, low, len, r->o.word_limit, r->o.byte_limit, PR_READ_JOINED,
                          &pieces, &np)))
        goto done;
    /* readText_LCS keeps the same pieces unless a byte limit is given (see
     * pr_truncate), so the sentence ends are recorded on the same pass. */
    bool same_pieces = r->o.byte_limit == 0;
    size_t zero = 0;
    r->tokbuf.len = 0;
    r->sentbuf.len = 0;
    if ((st = pc_buf_append(&r->sentbuf, &zero, sizeof zero))) goto done;
    for (size_t i = 0; i < np && !c.st; i++) {
        pr_tokenize(pieces[i].s, pieces[i].n, on_token, &c);
        size_t off = r->tokbuf.len / sizeof(uint32_t);
        if (!c.st && same_pieces) c.st = pc_buf_append(&r->sentbuf, &off, sizeof off);
    }
    if ((st = c.st)) goto done;
    t->ntok = r->tokbuf.len / sizeof(uint32_t);
    st = PRECIS_ENOMEM;
    if (!(t->tok = arena_copy(&r->arena, r->tokbuf.data, r->tokbuf.len))) goto done;

    bool need_lcs = !r->o.no_lcs || r->o.wlcs_weight > 0;
    if (need_lcs && same_pieces) {
        t->nsent = np;
        t->nlcs = t->ntok;
        t->lcs = t->tok;
        if (!(t->sent = arena_copy(&r->arena, r->sentbuf.data, r->sentbuf.len))) goto done;
    } else if (need_lcs) {
        if ((st = pr_truncate(&tmp, low, len, r->o.word_limit, r->o.byte_limit, PR_READ_LCS,
                              &pieces, &np)))
            goto done;
        c.out = &r->lcsbuf;
        r->lcsbuf.len = 0;
        r->sentbuf.len = 0;
        if ((st = pc_buf_append(&r->sentbuf, &zero, sizeof zero))) goto done;
        for (size_t i = 0; i < np && !c.st; i++) {
            pr_tokenize(pieces[i].s, pieces[i].n, on_token, &c);
            size_t off = r->lcsbuf.len / sizeof(uint32_t);
            if (!c.st) c.st = pc_buf_append(&r->sentbuf, &off, sizeof off);
        }
        if ((st = c.st)) goto done;
        t->nsent = np;
        t->nlcs = r->lcsbuf.len / sizeof(uint32_t);
        st = PRECIS_ENOMEM;
        if (!(t->lcs = arena_copy(&r->arena, r->lcsbuf.data, r->lcsbuf.len)) ||
            !(t->sent = arena_copy(&r->arena, r->sentbuf.data, r->sentbuf.len)))
            goto done;
    }

    /* Sorted gram keys, once per summary. */
    size_t nt = t->ntok ? t->ntok : 1;
    if (r->o.max_n > 0) {
        st = PRECIS_ENOMEM;
        uint32_t *prefix = pc_arena_alloc(&tmp, nt * sizeof *prefix);
        uint64_t *sort_tmp = pc_arena_alloc(&tmp, nt * sizeof *sort_tmp);
        if (!prefix || !sort_tmp) goto done;
        for (int n = 1; n <= r->o.max_n; n++)
            if (!(t->grams[n - 1] = pc_arena_alloc(&r->arena, nt * sizeof(uint64_t)))) goto done;
        if ((st = pr_ngram_levels(r->pairs, t->tok, t->ntok, r->o.max_n, t->grams, t->ngrams,
                                  prefix, sort_tmp)))
            goto done;
    }
    for (size_t m = 0; m < r->n_metrics; m++) {
        const pr_metric *mt = &r->metrics[m];
        if (mt->kind != K_SKIP) continue;
        size_t k = pr_skip_count(t->ntok, r->o.skip_gap, mt->unigrams);
        if (k > MAX_SKIP_GRAMS) {
            st = pc_fail(&r->err, PRECIS_ELIMIT, name, 0,
                         "too many skip-bigrams (%zu) for -2 %d; use a smaller gap or -l", k,
                         r->o.skip_gap);
            goto done;
        }
        st = PRECIS_ENOMEM;
        uint64_t *g = pc_arena_alloc(&r->arena, (k ? k : 1) * sizeof *g);
        uint64_t *sort_tmp = pc_arena_alloc(&tmp, (k ? k : 1) * sizeof *sort_tmp);
        if (!g || !sort_tmp) goto done;
        t->nskip[mt->n] = pr_skipgrams(t->tok, t->ntok, r->o.skip_gap, mt->unigrams, g, sort_tmp);
        t->skip[mt->n] = g;
    }
    st = PRECIS_OK;
    *out = t;
done:
    if (st == PRECIS_ENOMEM) pc_fail(&r->err, st, name, 0, "out of memory");
    pc_arena_reset(&tmp);
    return st;
}

/* ---- topics and systems ------------------------------------------------------------- */

/* The number of name in names; a new name appends a zeroed element of elem
 * bytes to the array *v (*n of *cap) with its copy of the name stored at byte
 * name_at (topics and systems: one way to intern both). */
static precis_status intern(precis_rouge *r, pr_vocab *names, const char *name, void *v, size_t *n,
                            size_t *cap, size_t elem, size_t initial, size_t name_at, size_t *out)
{
    uint32_t k = pr_vocab_word(names, name, strlen(name));
    if (k == UINT32_MAX) return PRECIS_ENOMEM;
    if (k == *n) {
        if (pc_grow(v, cap, *n + 1, elem, initial)) return PRECIS_ENOMEM;
        char *e = *(char **)v + *n * elem;
        memset(e, 0, elem);
        const char *copy = pc_arena_strndup(&r->arena, name, strlen(name));
        if (!copy) return PRECIS_ENOMEM;
        memcpy(e + name_at, &copy, sizeof copy);
        (*n)++;
    }
    *out = k;
    return PRECIS_OK;
}

static precis_status topic_index(precis_rouge *r, const char *id, size_t *out)
{
    return intern(r, r->topic_names, id, &r->topics, &r->n_topics, &r->cap_topics, sizeof *r->topics, 64,
                  offsetof(pr_topic, id), out);
}

static precis_status system_index(precis_rouge *r, const char *name, size_t *out)
{
    return intern(r, r->system_names, name, &r->systems, &r->n_systems, &r->cap_systems,
                  sizeof *r->systems, 16, offsetof(pr_system, name), out);
}

precis_status precis_rouge_add_reference(precis_rouge *r, const char *topic, const char *text,
                                         size_t len, const char *source)
{
    if (!r || !topic || (!text && len)) return PRECIS_EINVAL;
    if (r->ran) return pc_fail(&r->err, PRECIS_EINVAL, NULL, 0, "inputs added after the run");
    pr_text *t;
    precis_status st = analyse(r, text ? text : "", len, source, &t);
    if (st) return st;
    size_t k;
    if ((st = topic_index(r, topic, &k))) return pc_fail(&r->err, st, source, 0, "out of memory");
    pr_topic *tp = &r->topics[k];
    if (tp->n_models == tp->cap_models) {
        size_t nc = tp->cap_models ? tp->cap_models * 2 : 4;
        pr_text **nm = realloc(tp->models, nc * sizeof *nm);
        const char **ns = realloc(tp->model_src, nc * sizeof *ns);
        if (nm) tp->models = nm;
        if (ns) tp->model_src = ns;
        if (!nm || !ns) return pc_fail(&r->err, PRECIS_ENOMEM, source, 0, "out of memory");
        tp->cap_models = nc;
    }
    if (t->ntok == 0) pr_note(r, "%s: reference for topic %s has no words", source ? source : "<text>", topic);
    tp->model_src[tp->n_models] = source ? pc_arena_strndup(&r->arena, source, strlen(source)) : NULL;
    tp->models[tp->n_models++] = t;
    return PRECIS_OK;
}

precis_status precis_rouge_add_summary(precis_rouge *r, const char *system, const char *topic,
                                       const char *text, size_t len, const char *source)
{
    if (!r || !system || !topic || (!text && len)) return PRECIS_EINVAL;
    if (r->ran) return pc_fail(&r->err, PRECIS_EINVAL, NULL, 0, "inputs added after the run");
    pr_text *t;
    precis_status st = analyse(r, text ? text : "", len, source, &t);
    if (st) return st;
    size_t si, ti;
    if ((st = system_index(r, system, &si)) || (st = topic_index(r, topic, &ti)))
        return pc_fail(&r->err, st, source, 0, "out of memory");
    pr_system *s = &r->systems[si];
    if (ti < s->cap && s->peers[ti])
        return pc_fail(&r->err, PRECIS_EINVAL, source, 0,
                       "a second summary from system %s for topic %s", system, topic);
    if (ti >= s->cap) {
        size_t old = s->cap;
        if (pc_grow(&s->peers, &s->cap, ti + 1, sizeof *s->peers, 64))
            return pc_fail(&r->err, PRECIS_ENOMEM, source, 0, "out of memory");
        memset(s->peers + old, 0, (s->cap - old) * sizeof *s->peers);
    }
    s->peers[ti] = t;
    if (t->ntok == 0)
        pr_note(r, "%s: summary of system %s for topic %s has no words; it scores 0",
                source ? source : "<text>", system, topic);
    return PRECIS_OK;
}

/* ---- scoring ------------------------------------------------------------------------------ */

typedef struct run_ctx {
    uint32_t *m1g, *p1g; /* unigram counts for the ROUGE-L clip, by id, kept zero */
} run_ctx;

static void count_up(uint32_t *c, const uint32_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++) c[t[i]]++;
}
static void count_clear(uint32_t *c, const uint32_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++) c[t[i]] = 0;
}

/* The script's computeNGramScore / computeLCSScore / computeSkipBigramScore for
 * one peer against a topic's models: v = R, P, F (rounded) or counts. */
static precis_status score_one(precis_rouge *r, run_ctx *rc, const pr_metric *mt,
                               const pr_text *peer, const pr_topic *tp, double v[3])
{
    double hit = 0, count = 0, count_p = 0, best = -1;
    for (size_t k = 0; k < tp->n_models; k++) {
        const pr_text *m = tp->models[k];
        double h, mc, pc, score;
        if (mt->kind == K_NGRAM) {
            size_t i = (size_t)mt->n - 1;
            h = (double)pr_clipped_hits(m->grams[i], m->ngrams[i], peer->grams[i], peer->ngrams[i]);
            mc = (double)m->ngrams[i];
            pc = (double)peer->ngrams[i];
            score = mc != 0 ? pr_round5(h / mc) : 0;
        } else if (mt->kind == K_SKIP) {
            size_t i = (size_t)mt->n;
            h = (double)pr_clipped_hits(m->skip[i], m->nskip[i], peer->skip[i], peer->nskip[i]);
            mc = (double)m->nskip[i];
            pc = (double)peer->nskip[i];
            score = mc != 0 ? pr_round5(h / mc) : 0;
        } else if (mt->kind == K_WLCS) {
            double wt = r->o.wlcs_weight, base = 0;
            count_up(rc->m1g, m->tok, m->ntok);
            count_up(rc->p1g, peer->tok, peer->ntok);
            precis_status st = pr_wlcs_hits(&r->wlcs, m->lcs, m->sent, m->nsent, peer->lcs,
                                            peer->sent, peer->nsent, rc->m1g, rc->p1g, wt,
                                            MAX_LCS_CELLS, &h, &base);
            count_clear(rc->m1g, m->tok, m->ntok);
            count_clear(rc->p1g, peer->tok, peer->ntok);
            if (st == PRECIS_ELIMIT)
                return pc_fail(&r->err, st, tp->model_src[k], 0,
                               "a sentence pair is too long for ROUGE-W (over %zu DP cells)",
                               MAX_LCS_CELLS);
            if (st) return pc_fail(&r->err, st, NULL, 0, "out of memory");
            /* The script weights the summed base once more, and the peer's
             * unigram count too; its score divides by the base (0 when empty). */
            mc = pow(base, wt);
            pc = pow((double)peer->ntok, wt);
            score = base > 0 ? pow(h / base, 1 / wt) : 0;
        } else {
            size_t hits = 0;
            count_up(rc->m1g, m->tok, m->ntok);
            count_up(rc->p1g, peer->tok, peer->ntok);
            precis_status st = pr_lcs_hits(&r->lcs, m->lcs, m->sent, m->nsent, peer->lcs,
                                           peer->sent, peer->nsent, rc->m1g, rc->p1g,
                                           MAX_LCS_CELLS, &hits);
            count_clear(rc->m1g, m->tok, m->ntok);
            count_clear(rc->p1g, peer->tok, peer->ntok);
            if (st == PRECIS_ELIMIT)
                return pc_fail(&r->err, st, tp->model_src[k], 0,
                               "a sentence pair is too long for ROUGE-L (over %zu DP cells); "
                               "use -l/-b or -x",
                               MAX_LCS_CELLS);
            if (st) return pc_fail(&r->err, st, NULL, 0, "out of memory");
            h = (double)hits;
            mc = (double)m->nlcs;
            pc = (double)peer->ntok;
            score = mc > 0 ? h / mc : 0;
        }
        if (r->o.formula == 'B') {
            if (score > best) {
                best = score;
                hit = h;
                count = mc;
                count_p = pc;
            }
        } else {
            hit += h;
            count += mc;
            count_p += pc;
        }
    }
    if (r->o.counting) {
        v[0] = count;
        v[1] = count_p;
        v[2] = hit;
        return PRECIS_OK;
    }
    double a = r->o.alpha;
    double inv = mt->kind == K_WLCS ? 1 / r->o.wlcs_weight : 1;
    double R = count != 0 ? pr_round5(inv == 1 ? hit / count : pow(hit / count, inv)) : 0;
    double P = count_p != 0 ? pr_round5(inv == 1 ? hit / count_p : pow(hit / count_p, inv)) : 0;
    double den = (1 - a) * P + a * R;
    v[0] = R;
    v[1] = P;
    v[2] = den > 0 ? pr_round5((P * R) / den) : 0;
    return PRECIS_OK;
}

/* The bootstrap picks depend only on the number of instances: srand(i) then
 * int(rand(n)) n times, for sample i. */
static const uint32_t *picks_for(precis_rouge *r, size_t n)
{
    for (size_t i = 0; i < r->n_tables; i++)
        if (r->tables[i].n == n) return r->tables[i].idx;
    size_t R = (size_t)r->o.resamples;
    if (n && R > SIZE_MAX / n / sizeof(uint32_t)) return NULL;
    idx_table *nt = realloc(r->tables, (r->n_tables + 1) * sizeof *nt);
    if (!nt) return NULL;
    r->tables = nt;
    uint32_t *idx = malloc((R * n > 0 ? R * n : 1) * sizeof *idx);
    if (!idx) return NULL;
    for (size_t s = 0; s < R; s++) {
        pr_rand48 g;
        pr_srand48(&g, (uint32_t)s);
        for (size_t k = 0; k < n; k++) idx[s * n + k] = (uint32_t)((double)n * pr_drand48(&g));
    }
    r->tables[r->n_tables++] = (idx_table){n, idx};
    return idx;
}

static double at_or_zero(const double *a, long n, long k) { return k >= 0 && k < n ? a[k] : 0; }

/* The script's computeAverages + bootstrapResampling. */
static precis_status averages(precis_rouge *r, pr_result *res)
{
    size_t n = res->n_inst;
    if (r->o.counting == 2) {
        for (int s = 0; s < 3; s++) {
            double sum = 0;
            for (size_t i = 0; i < n; i++) sum += res->v[i][s];
            res->avg[s] = sum;
            res->lo[s] = res->hi[s] = 0;
        }
        return PRECIS_OK;
    }
    long R = r->o.resamples;
    const uint32_t *idx = picks_for(r, n);
    double *samples = malloc((size_t)R * 3 * sizeof *samples);
    uint64_t *bits = malloc((size_t)R * 2 * sizeof *bits);
    if (!idx || !samples || !bits) {
        free(samples);
        free(bits);
        return pc_fail(&r->err, PRECIS_ENOMEM, NULL, 0, "out of memory");
    }
    double *sr = samples, *sp = samples + R, *sf = samples + 2 * R;
    double a = r->o.alpha;
    for (long s = 0; s < R; s++) {
        double x[3] = {0, 0, 0};
        for (size_t k = 0; k < n; k++) {
            const double *v = res->v[idx[(size_t)s * n + k]];
            x[0] += v[0];
            x[1] += v[1];
            x[2] += v[2];
        }
        if (r->o.counting == 0) {
            for (int j = 0; j < 3; j++) x[j] = n ? x[j] / (double)n : 0;
        } else {
            double tr = x[0] > 0 ? x[2] / x[0] : 0;
            double tp = x[1] > 0 ? x[2] / x[1] : 0;
            double den = (1 - a) * tp + a * tr;
            x[0] = tr;
            x[1] = tp;
            x[2] = den > 0 ? (tr * tp) / den : 0;
        }
        sr[s] = x[0];
        sp[s] = x[1];
        sf[s] = x[2];
    }
    double delta = (double)R * ((100 - r->o.confidence) / 2.0) / 100.0;
    long ua = (long)((double)R - delta - 1), ub = ua + 1;
    long la = (long)delta, lb = la + 1;
    double ratio = (double)R - delta - 1 - (double)ua;
    for (int j = 0; j < 3; j++) {
        double *arr = samples + j * R;
        /* Scores are >= 0, and non-negative doubles order like their bits. */
        memcpy(bits, arr, (size_t)R * sizeof *arr);
        pr_sort_u64(bits, (size_t)R, bits + R);
        memcpy(arr, bits, (size_t)R * sizeof *arr);
        double sum = 0;
        for (long s = 0; s < R; s++) sum += arr[s];
        res->avg[j] = pr_round5(sum / (double)R);
        double l = at_or_zero(arr, R, la), u = at_or_zero(arr, R, ua);
        res->lo[j] = pr_round5(l + (at_or_zero(arr, R, lb) - l) * ratio);
        res->hi[j] = pr_round5(u + (at_or_zero(arr, R, ub) - u) * ratio);
    }
    free(samples);
    free(bits);
    return PRECIS_OK;
}

typedef struct inst {
    size_t topic;
    char *key; /* "topic.system": the script's test id */
} inst;

static int cmp_inst(const void *x, const void *y)
{
    return strcmp(((const inst *)x)->key, ((const inst *)y)->key);
}

typedef struct named {
    const char *name;
    size_t i;
} named;

static int cmp_named(const void *x, const void *y)
{
    return strcmp(((const named *)x)->name, ((const named *)y)->name);
}

precis_status precis_rouge_run(precis_rouge *r)
{
    if (!r) return PRECIS_EINVAL;
    if (r->ran) return pc_fail(&r->err, PRECIS_EINVAL, NULL, 0, "already run");
    if (r->n_systems == 0)
        return pc_fail(&r->err, PRECIS_EEMPTY, NULL, 0, "no system summaries to score");
    size_t n_ref_topics = 0;
    for (size_t t = 0; t < r->n_topics; t++) n_ref_topics += r->topics[t].n_models > 0;
    if (n_ref_topics == 0)
        return pc_fail(&r->err, PRECIS_EEMPTY, NULL, 0, "no reference summaries");
    r->ran = true;
    r->order = malloc(r->n_systems * sizeof *r->order);
    r->results = calloc(r->n_systems * (r->n_metrics ? r->n_metrics : 1), sizeof *r->results);
    size_t vocab = pr_vocab_size(r->vocab) + 1;
    run_ctx rc = {calloc(vocab, sizeof(uint32_t)), calloc(vocab, sizeof(uint32_t))};
    inst *insts = malloc(r->n_topics * sizeof *insts);
    precis_status st = PRECIS_OK;
    if (!r->order || !r->results || !rc.m1g || !rc.p1g || !insts) {
        st = pc_fail(&r->err, PRECIS_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    /* The script evaluates peers in sorted order of their ids. */
    named *by_name = malloc(r->n_systems * sizeof *by_name);
    if (!by_name) {
        st = pc_fail(&r->err, PRECIS_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < r->n_systems; i++) by_name[i] = (named){r->systems[i].name, i};
    qsort(by_name, r->n_systems, sizeof *by_name, cmp_named);
    for (size_t i = 0; i < r->n_systems; i++) r->order[i] = by_name[i].i;
    free(by_name);

    /* Topics with summaries but no references are named once. */
    for (size_t t = 0; t < r->n_topics; t++) {
        if (r->topics[t].n_models) continue;
        for (size_t s = 0; s < r->n_systems; s++) {
            pr_system *sy = &r->systems[s];
            if (t < sy->cap && sy->peers[t] && !r->topics[t].warned) {
                r->topics[t].warned = true;
                pr_warn(r, "topic %s has no reference summaries; its system summaries are not scored",
                        r->topics[t].id);
            }
        }
    }
    for (size_t oi = 0; oi < r->n_systems && !st; oi++) {
        pr_system *sy = &r->systems[r->order[oi]];
        size_t n = 0;
        for (size_t t = 0; t < r->n_topics && !st; t++) {
            if (!r->topics[t].n_models) continue;
            if (t >= sy->cap || !sy->peers[t]) {
                pr_warn(r, "system %s has no summary for topic %s; averaged without it", sy->name,
                        r->topics[t].id);
                continue;
            }
            size_t kl = strlen(r->topics[t].id) + strlen(sy->name) + 2;
            char *key = pc_arena_alloc(&r->arena, kl);
            if (!key) {
                st = pc_fail(&r->err, PRECIS_ENOMEM, NULL, 0, "out of memory");
                break;
            }
            snprintf(key, kl, "%s.%s", r->topics[t].id, sy->name);
            insts[n++] = (inst){t, key};
        }
        if (st) break;
        qsort(insts, n, sizeof *insts, cmp_inst);
        for (size_t m = 0; m < r->n_metrics && !st; m++) {
            pr_result *res = &r->results[oi * r->n_metrics + m];
            res->n_inst = n;
            res->topic = pc_arena_alloc(&r->arena, (n ? n : 1) * sizeof *res->topic);
            res->v = pc_arena_alloc(&r->arena, (n ? n : 1) * sizeof *res->v);
            if (!res->topic || !res->v) {
                st = pc_fail(&r->err, PRECIS_ENOMEM, NULL, 0, "out of memory");
                break;
            }
            for (size_t i = 0; i < n && !st; i++) {
                res->topic[i] = r->topics[insts[i].topic].id;
                st = score_one(r, &rc, &r->metrics[m], sy->peers[insts[i].topic],
                               &r->topics[insts[i].topic], res->v[i]);
            }
            if (!st) st = averages(r, res);
        }
    }
done:
    free(rc.m1g);
    free(rc.p1g);
    free(insts);
    return st;
}

/* ---- results ----------------------------------------------------------------------------------- */

size_t precis_rouge_n_systems(const precis_rouge *r) { return r && r->ran ? r->n_systems : 0; }
size_t precis_rouge_n_metrics(const precis_rouge *r) { return r ? r->n_metrics : 0; }

const char *precis_rouge_system_name(const precis_rouge *r, size_t system)
{
    if (!r || !r->ran || system >= r->n_systems) return NULL;
    return r->systems[r->order[system]].name;
}

const char *precis_rouge_metric_name(const precis_rouge *r, size_t metric)
{
    return r && metric < r->n_metrics ? r->metrics[metric].name : NULL;
}

precis_status precis_rouge_average(const precis_rouge *r, size_t system, size_t metric,
                                   precis_rouge_score *out)
{
    if (!r || !r->ran || system >= r->n_systems || metric >= r->n_metrics || !out)
        return PRECIS_EINVAL;
    const pr_result *res = &r->results[system * r->n_metrics + metric];
    for (int j = 0; j < 3; j++) {
        out->value[j] = res->avg[j];
        out->ci_low[j] = res->lo[j];
        out->ci_high[j] = res->hi[j];
    }
    return PRECIS_OK;
}

/* The script's by_evalID: numeric on leading digits when both ids have them. */
typedef struct topic_pos {
    const char *key;
    size_t i;
} topic_pos;

static int cmp_eval_id(const void *x, const void *y)
{
    const char *a = ((const topic_pos *)x)->key, *b = ((const topic_pos *)y)->key;
    if (a[0] >= '0' && a[0] <= '9' && b[0] >= '0' && b[0] <= '9') {
        double na = strtod(a, NULL), nb = strtod(b, NULL);
        if (na != nb) return na < nb ? -1 : 1;
    }
    return strcmp(a, b);
}

/* Perl's default number format (%.15g) for counts. */
static precis_status put_num(pc_buf *b, double x, bool counts)
{
    return counts ? pc_buf_printf(b, "%.15g", x) : pc_buf_printf(b, "%7.5f", x);
}

static const char *const STAT_NAME[3] = {"R", "P", "F"};
static const char *const STAT_LONG[3] = {"recall", "precision", "f"};

static precis_status per_topic_order(const pr_result *res, const char *system, topic_pos **out)
{
    topic_pos *tp = malloc((res->n_inst ? res->n_inst : 1) * sizeof *tp);
    if (!tp) return PRECIS_ENOMEM;
    (void)system;
    for (size_t i = 0; i < res->n_inst; i++) tp[i] = (topic_pos){res->topic[i], i};
    qsort(tp, res->n_inst, sizeof *tp, cmp_eval_id);
    *out = tp;
    return PRECIS_OK;
}

static precis_status format_text(precis_rouge *r, int per_topic, pc_buf *b)
{
    precis_status st = PRECIS_OK;
    bool counts = r->o.counting != 0;
    char conf[32];
    snprintf(conf, sizeof conf, "%g", r->o.confidence);
    for (size_t s = 0; s < r->n_systems && !st; s++) {
        const char *sys = r->systems[r->order[s]].name;
        for (size_t m = 0; m < r->n_metrics && !st; m++) {
            const pr_result *res = &r->results[s * r->n_metrics + m];
            const char *mn = r->metrics[m].name;
            st = pc_buf_puts(b, "---------------------------------------------\n");
            if (r->o.counting == 2) {
                if (!st)
                    st = pc_buf_printf(b, "%s %s M_count: %.0f P_count: %.0f H_count: %.0f\n", sys,
                                       mn, trunc(res->avg[0]), trunc(res->avg[1]),
                                       trunc(res->avg[2]));
            } else {
                for (int j = 0; j < 3 && !st; j++)
                    st = pc_buf_printf(b, "%s %s Average_%s: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n",
                                       sys, mn, STAT_NAME[j], res->avg[j], conf, res->lo[j],
                                       res->hi[j]);
            }
            if (!per_topic || st) continue;
            st = pc_buf_puts(b, ".............................................\n");
            topic_pos *tp = NULL;
            if (!st) st = per_topic_order(res, sys, &tp);
            for (size_t i = 0; i < res->n_inst && !st; i++) {
                const double *v = res->v[tp[i].i];
                st = pc_buf_printf(b, "%s %s Eval %s.%s R:", sys, mn, tp[i].key, sys);
                if (!st) st = put_num(b, v[0], counts);
                if (!st) st = pc_buf_puts(b, " P:");
                if (!st) st = put_num(b, v[1], counts);
                if (!st) st = pc_buf_puts(b, " F:");
                if (!st) st = put_num(b, v[2], counts);
                if (!st) st = pc_buf_putc(b, '\n');
            }
            free(tp);
        }
    }
    return st;
}

static precis_status format_tsv(precis_rouge *r, int per_topic, pc_buf *b)
{
    bool counts = r->o.counting != 0;
    char conf[32];
    snprintf(conf, sizeof conf, "%g", r->o.confidence);
    precis_status st;
    if (r->o.counting == 2) st = pc_buf_puts(b, "system\tmetric\tstat\tvalue\n");
    else st = pc_buf_printf(b, "system\tmetric\tstat\tvalue\tci%s_low\tci%s_high\n", conf, conf);
    static const char *const COUNT_NAME[3] = {"M_count", "P_count", "H_count"};
    for (size_t s = 0; s < r->n_systems && !st; s++) {
        const char *sys = r->systems[r->order[s]].name;
        for (size_t m = 0; m < r->n_metrics && !st; m++) {
            const pr_result *res = &r->results[s * r->n_metrics + m];
            for (int j = 0; j < 3 && !st; j++) {
                if (r->o.counting == 2)
                    st = pc_buf_printf(b, "%s\t%s\t%s\t%.0f\n", sys, r->metrics[m].name,
                                       COUNT_NAME[j], res->avg[j]);
                else
                    st = pc_buf_printf(b, "%s\t%s\t%s\t%7.5f\t%7.5f\t%7.5f\n", sys,
                                       r->metrics[m].name, STAT_NAME[j], res->avg[j], res->lo[j],
                                       res->hi[j]);
            }
        }
    }
    if (!per_topic || st) return st;
    st = pc_buf_puts(b, counts ? "\nsystem\ttopic\tmetric\tmodel_count\tpeer_count\thit_count\n"
                               : "\nsystem\ttopic\tmetric\trecall\tprecision\tf\n");
    for (size_t s = 0; s < r->n_systems && !st; s++) {
        const char *sys = r->systems[r->order[s]].name;
        for (size_t m = 0; m < r->n_metrics && !st; m++) {
            const pr_result *res = &r->results[s * r->n_metrics + m];
            topic_pos *tp = NULL;
            st = per_topic_order(res, sys, &tp);
            for (size_t i = 0; i < res->n_inst && !st; i++) {
                const double *v = res->v[tp[i].i];
                st = pc_buf_printf(b, "%s\t%s\t%s", sys, tp[i].key, r->metrics[m].name);
                for (int j = 0; j < 3 && !st; j++) {
                    st = pc_buf_putc(b, '\t');
                    if (!st) st = put_num(b, v[j], counts);
                }
                if (!st) st = pc_buf_putc(b, '\n');
            }
            free(tp);
        }
    }
    return st;
}

static precis_status format_json(precis_rouge *r, int per_topic, pc_buf *b)
{
    bool counts = r->o.counting != 0;
    precis_status st = pc_buf_printf(b, "{\"confidence\": %g, \"resamples\": %d, \"systems\": [",
                                     r->o.confidence, r->o.resamples);
    for (size_t s = 0; s < r->n_systems && !st; s++) {
        const char *sys = r->systems[r->order[s]].name;
        st = pc_buf_puts(b, s ? ",\n  {\"system\": " : "\n  {\"system\": ");
        if (!st) st = pc_json_string(b, sys, strlen(sys));
        if (!st) st = pc_buf_puts(b, ", \"scores\": [");
        for (size_t m = 0; m < r->n_metrics && !st; m++) {
            const pr_result *res = &r->results[s * r->n_metrics + m];
            st = pc_buf_printf(b, "%s\n    {\"metric\": \"%s\"", m ? "," : "", r->metrics[m].name);
            for (int j = 0; j < 3 && !st; j++) {
                if (r->o.counting == 2) {
                    static const char *const CN[3] = {"model_count", "peer_count", "hit_count"};
                    st = pc_buf_printf(b, ", \"%s\": %.0f", CN[j], res->avg[j]);
                } else {
                    st = pc_buf_printf(b, ", \"%s\": {\"value\": %.5f, \"ci_low\": %.5f, \"ci_high\": %.5f}",
                                       STAT_LONG[j], res->avg[j], res->lo[j], res->hi[j]);
                }
            }
            if (per_topic && !st) {
                topic_pos *tp = NULL;
                st = pc_buf_puts(b, ", \"topics\": [");
                if (!st) st = per_topic_order(res, sys, &tp);
                for (size_t i = 0; i < res->n_inst && !st; i++) {
                    const double *v = res->v[tp[i].i];
                    st = pc_buf_puts(b, i ? ", {\"topic\": " : "{\"topic\": ");
                    if (!st) st = pc_json_string(b, tp[i].key, strlen(tp[i].key));
                    static const char *const CN[3] = {"model_count", "peer_count", "hit_count"};
                    for (int j = 0; j < 3 && !st; j++)
                        st = counts ? pc_buf_printf(b, ", \"%s\": %.15g", CN[j], v[j])
                                    : pc_buf_printf(b, ", \"%s\": %.5f", STAT_LONG[j], v[j]);
                    if (!st) st = pc_buf_putc(b, '}');
                }
                if (!st) st = pc_buf_putc(b, ']');
                free(tp);
            }
            if (!st) st = pc_buf_putc(b, '}');
        }
        if (!st) st = pc_buf_puts(b, "]}");
    }
    if (!st) st = pc_buf_puts(b, "\n]}\n");
    return st;
}

precis_status precis_rouge_format_results(precis_rouge *r, precis_rouge_format format,
                                          int per_topic, char **out, size_t *len)
{
    if (!r || !out) return PRECIS_EINVAL;
    *out = NULL;
    if (!r->ran) return pc_fail(&r->err, PRECIS_EINVAL, NULL, 0, "no results: run first");
    pc_buf b;
    pc_buf_init(&b, 0);
    precis_status st = format == PRECIS_ROUGE_JSON  ? format_json(r, per_topic, &b)
                       : format == PRECIS_ROUGE_TSV ? format_tsv(r, per_topic, &b)
                                                    : format_text(r, per_topic, &b);
    if (!st && !b.data) st = pc_buf_reserve(&b, 0);
    if (st) {
        pc_buf_free(&b);
        return pc_fail(&r->err, st, NULL, 0, "%s", precis_strerror(st));
    }
    *out = pc_buf_detach(&b, len);
    return *out ? PRECIS_OK : PRECIS_ENOMEM;
}
