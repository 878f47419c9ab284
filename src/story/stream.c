/* Stories from a stream (precis_stream_*): near-duplicates, then online
 * clustering.
 *
 * Per article, one pass of the text layer's tokenizer gives
 *  - shingle tokens: every normalised word (case folded), for MinHash of
 *    word 3-shingles
 *    near-duplicate detection (src/dedup) — copies differ in debris, dropped or
 *    reordered sentences and case, rarely inside a sentence;
 *  - terms: stems of content words (stopwords dropped), for TF-IDF clustering
 *    (src/cluster); title words count twice;
 *  - entities: capitalised words that do not open a sentence (proper nouns,
 *    acronyms), hashed case-folded, for the entity-overlap bonus.
 * A copy of an article still in the duplicate window joins that article's
 * story (and only refreshes the story's clock: copies must not outvote the
 * rest of the story's vocabulary nor inflate document frequencies).
 *
 * Memory is flat: the duplicate index holds the last PST_DUP_WINDOW articles'
 * signatures, the clusterer a bounded set of open stories with pruned
 * centroids, and word -> stem results go through a fixed-size cache. */
#include "story/story.h"
#include "cluster/cluster.h"
#include "dedup/dedup.h"
#include "summarize/summarize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define PST_DUP_WINDOW PRECIS_STREAM_DUP_WINDOW /* articles whose signatures are kept (power of two) */
#define STEM_CACHE_BITS 16          /* 65,536 cached word -> stem results */
#define MAX_TOKENS 20000            /* words per article used for features */
#define MAX_ENTS 64
#define PST_DEFAULT_THRESHOLD 0.25 /* best B3-F1 of 0.20/0.25/0.30 in bench/cluster.sh */
#define TERMS_CAP (2 * MAX_TOKENS) /* a word gives at most 2 terms (title words count twice) */
#define ABSURD_AHEAD (366 * 86400LL) /* a date this far past the stream's clock is not believed */
#define FURNITURE_MAX_WORDS 300 /* longer texts are articles with some debris, never furniture only */
#define BATCH_MAX_ARTICLES 50000000u /* pk_batch numbers articles in 32 bits */
#define FURNITURE_MAX_PROSE 10 /* words outside debris sentences: fewer and no article is left */

typedef struct stem_entry {
    uint64_t word;  /* hash of the normalised word; 0 = empty */
    uint64_t stem;  /* hash of its stem */
    uint8_t stop;   /* a stopword */
} stem_entry;

typedef struct win_entry {
    size_t article;
    size_t story;     /* SIZE_MAX: no story (no words) */
    uint32_t slot, gen; /* the story's clusterer slot, for refreshing it */
    size_t final;     /* batch mode: its regrouped story once reported, else SIZE_MAX */
} win_entry;

typedef struct settled {   /* an article whose story is final, to report */
    size_t article, story;
} settled;

struct precis_stream {
    precis_stream_options o;
    pt_lang *lang;
    pd_index *dup;
    pk_clusterer *pk;
    size_t n_articles, n_stories, n_undated;
    int64_t clock, prev_time;
    bool have_clock;
    win_entry *win;
    stem_entry *cache;
    uint64_t *words, *terms, ents[MAX_ENTS];
    size_t n_words, n_terms, n_ents;
    pt_sentences sents; /* reused by is_furniture */
    /* Batch mode: the regrouping window, the articles whose story is not
     * final yet, in arrival order (slot i): article number, original if a
     * copy (article number; SIZE_MAX: not a copy), date (PK_TIME_UNKNOWN when
     * it had none), arrival time (what it counted at: closes by the quiet
     * period), and a clustered article's distinct terms with counts. */
    size_t *b_num;
    size_t *b_orig;
    int64_t *b_time;
    int64_t *b_seen;
    size_t *b_rep;   /* an anchor's story (reported), else SIZE_MAX: held */
    size_t *b_alast; /* an anchor: arrival number of its story's newest article */
    size_t b_held;   /* slots not anchors */
    int64_t cur_time, cur_seen; /* of the article being added, for batch_record */
    size_t cur_orig;
    size_t *b_off; /* terms of slot i: b_term[b_off[i] .. b_off[i + 1]) */
    uint64_t *b_term;
    uint32_t *b_tf;
    size_t b_n, b_cap, b_nterm, b_capterm;
    uint8_t *b_isname; /* per term: one of the article's names (the batch pass's name bonus) */
    size_t window;     /* regroup when this many are held (o.window or the default) */
    size_t n_final;    /* stories reported */
    int64_t regrouped_at; /* the clock at the last regrouping (have_regrouped) */
    bool have_regrouped;
    settled *pend;     /* copies of reported articles, reported at the next settle */
    size_t n_pend, cap_pend;
};

precis_status precis_stream_new(precis_ctx *ctx, const precis_stream_options *opts, precis_stream **out)
{
    if (!ctx || !out) return PRECIS_EINVAL;
    *out = NULL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    if (opts && (opts->threshold < 0 || opts->dup_threshold < 0 || opts->dup_threshold > 1 ||
                 opts->quiet_seconds < 0))
        return pc_fail(err, PRECIS_EINVAL, NULL, 0, "stream options out of range");
    precis_stream *s = calloc(1, sizeof *s);
    if (!s) return pc_fail(err, PRECIS_ENOMEM, NULL, 0, "out of memory");
    if (opts) s->o = *opts;
    if (!s->o.threshold) s->o.threshold = PST_DEFAULT_THRESHOLD;
    if (!s->o.dup_threshold) s->o.dup_threshold = PD_DEFAULT_THRESHOLD;
    if (!s->o.quiet_seconds) s->o.quiet_seconds = 3 * 86400;
    s->window = s->o.window ? s->o.window : PRECIS_STREAM_WINDOW;
    if (s->window < 2) s->window = 2;
    precis_status st = pt_lang_open(pc_ctx_lang(ctx), &s->lang, err);
    if (st) {
        free(s);
        return st;
    }
    pk_options po = {0};
    po.threshold = s->o.threshold;
    po.quiet_seconds = s->o.quiet_seconds;
    po.max_open = s->o.max_open;
    s->win = calloc(PST_DUP_WINDOW, sizeof *s->win);
    s->cache = calloc((size_t)1 << STEM_CACHE_BITS, sizeof *s->cache);
    s->words = malloc(MAX_TOKENS * sizeof *s->words);
    s->terms = malloc(TERMS_CAP * sizeof *s->terms);
    if (!s->win || !s->cache || !s->words || !s->terms) st = PRECIS_ENOMEM;
    if (!st) st = pd_index_new(s->o.dup_threshold, &s->dup);
    /* batch mode runs no online pass (precis_stream_add): no clusterer */
    if (!st && !s->o.batch) st = pk_new(&po, &s->pk);
    if (st) {
        precis_stream_free(s);
        return pc_fail(err, st, NULL, 0, "out of memory");
    }
    *out = s;
    return PRECIS_OK;
}

void precis_stream_free(precis_stream *s)
{
    if (!s) return;
    pt_lang_close(s->lang);
    pd_index_free(s->dup);
    pk_free(s->pk);
    free(s->win);
    free(s->cache);
    free(s->words);
    free(s->terms);
    pt_sentences_free(&s->sents);
    free(s->b_num);
    free(s->b_orig);
    free(s->b_seen);
    free(s->b_rep);
    free(s->b_alast);
    free(s->pend);
    free(s->b_time);
    free(s->b_off);
    free(s->b_term);
    free(s->b_tf);
    free(s->b_isname);
    free(s);
}

size_t precis_stream_n_stories(const precis_stream *s) { return !s ? 0 : s->o.batch ? s->n_final : s->n_stories; }
size_t precis_stream_n_undated(const precis_stream *s) { return s ? s->n_undated : 0; }

/* ---- features ------------------------------------------------------------ */

/* Stem hash and stopword flag of a normalised word, through the cache. */
static const stem_entry *stem_of(precis_stream *s, const char *w, size_t n, uint64_t wh)
{
    if (!wh) wh = 1;
    stem_entry *e = &s->cache[wh & (((size_t)1 << STEM_CACHE_BITS) - 1)];
    if (e->word == wh) return e;
    e->word = wh;
    e->stop = pt_is_stopword(s->lang, w, n);
    size_t sn;
    const char *stem = e->stop ? w : pt_stem(s->lang, w, n, &sn);
    if (e->stop) sn = n;
    e->stem = XXH3_64bits_withSeed(stem, sn, 0x5354454D); /* "STEM": apart from word hashes */
    return e;
}

static bool is_upper_start(const char *t)
{
    unsigned char c = (unsigned char)t[0];
    if (c >= 'A' && c <= 'Z') return true;
    /* Latin-1 supplement and Latin Extended capitals: C3 80..9E except 97 */
    return c == 0xC3 && (unsigned char)t[1] >= 0x80 && (unsigned char)t[1] <= 0x9E && (unsigned char)t[1] != 0x97;
}

/* Does the word at b open a sentence (start of text or paragraph, or after
 * . ! ? : possibly with closing quotes in between)? */
static bool opens_sentence(const char *t, size_t b)
{
    size_t i = b;
    while (i > 0) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '`' || c == '\r') {
            i--;
            continue;
        }
        if (c == '\n') return true; /* a line start: headline, list item, wrapped line too */
        if (c == 0x9C || c == 0x98 || c == 0x9D || c == 0x99) { /* inside “ ‘ ” ’ (E2 80 xx) */
            if (i >= 3 && (unsigned char)t[i - 3] == 0xE2) {
                i -= 3;
                continue;
            }
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '-' || c == '_';
    }
    return true;
}

static void add_entity(precis_stream *s, uint64_t h)
{
    for (size_t i = 0; i < s->n_ents; i++)
        if (s->ents[i] == h) return;
    if (s->n_ents < MAX_ENTS) s->ents[s->n_ents++] = h;
}

/* Tokenizes t[0..n): shingle tokens (text only), terms, entities. */
static void features(precis_stream *s, const char *t, size_t n, bool is_title)
{
    size_t pos = 0, b, e;
    char norm[PT_WORD_MAX + 1];
    while (pt_next_word(t, n, &pos, &b, &e)) {
        if (s->n_words >= MAX_TOKENS || s->n_terms + 2 > TERMS_CAP) break;
        size_t k = pt_normalize(t + b, e - b, norm);
        if (!k) continue;
        uint64_t wh = pd_token_hash(norm, k);
        if (!is_title) s->words[s->n_words++] = wh;
        bool digits = true;
        for (size_t i = 0; i < k && digits; i++) digits = norm[i] >= '0' && norm[i] <= '9';
        if (digits && k < 3) continue; /* "2", "10": no topic; "1998", "737" may be */
        const stem_entry *se = stem_of(s, norm, k, wh);
        if (se->stop || k < 2) continue;
        s->terms[s->n_terms++] = se->stem;
        if (is_title) s->terms[s->n_terms++] = se->stem;
        if (!digits && is_upper_start(t + b) && !opens_sentence(t, b)) add_entity(s, wh);
    }
}

/* Is a short text only page furniture — an archive's crawl notice, a tweet
 * or video widget, a consent banner — that a crawl kept in place of an
 * article? Such texts recur verbatim under unrelated stories, so as copies
 * they would glue those stories together. The summarizer's sentence debris
 * filter decides (one list of marks, src/summarize/filter.c); only its marks
 * and captions count here, not its fragment or case rules (lower-cased
 * sources are prose). Furniture when at least 80 % of the words are in such
 * sentences and fewer than FURNITURE_MAX_PROSE words are outside them (one
 * real sentence amid widget lines is still an article). */
static bool is_furniture(precis_stream *s, const char *t, size_t n)
{
    if (s->n_words > FURNITURE_MAX_WORDS || !n) return false;
    s->sents.n = 0;
    if (pt_split_sentences(t, n, &s->sents)) return false; /* no memory: judged as prose */
    size_t all = 0, junk = 0;
    for (size_t i = 0; i < s->sents.n; i++) {
        const pt_sentence *x = &s->sents.v[i];
        size_t pos = x->start, b, e, nw = 0;
        while (pos < x->end && pt_next_word(t, x->end, &pos, &b, &e)) nw++;
        all += nw;
        const char *why = ps_debris_reason(t + x->start, x->end - x->start, PS_AFTER_CREDIT, nw < 6 ? 6 : nw);
        if (why == PS_R_PROMOTION || why == PS_R_CAPTION) junk += nw;
        /* the words outside debris only grow: past the bar it is an article
         * whatever the rest says (most texts: their first sentence) */
        if (all - junk >= FURNITURE_MAX_PROSE) return false;
    }
    return all && junk * 10 >= all * 8 && all - junk < FURNITURE_MAX_PROSE;
}

/* ---- time ------------------------------------------------------------------ */

/* Seconds since the epoch of an ISO date (the reader's output), or false. */
static bool date_seconds(const char *d, int64_t *out)
{
    pt_date pd;
    if (!d || !pt_date_find(d, strlen(d), 0, &pd) || pd.year < 1900 || pd.year > 2200) return false;
    int64_t days = pst_days_from_civil(pd.year, pd.month, pd.day ? pd.day : 1);
    int64_t t = days * 86400;
    if (pd.hour >= 0) t += pd.hour * 3600 + (pd.minute > 0 ? pd.minute : 0) * 60 + (pd.second > 0 ? pd.second : 0);
    if (pd.has_tz) t -= (int64_t)pd.tz_minutes * 60;
    *out = t;
    return true;
}

/* The time the article counts at: its date; or, without a believable one,
 * the previous article's (arrival order). A date far behind the clock (older
 * than a quiet period) counts as now: closed stories do not reopen. */
static int64_t article_time(precis_stream *s, const char *date)
{
    int64_t t;
    bool ok = date_seconds(date, &t);
    if (ok && s->have_clock && t > s->clock + ABSURD_AHEAD) ok = false;
    if (!ok) {
        s->n_undated++;
        t = s->have_clock ? s->prev_time : PK_TIME_UNKNOWN; /* before any date: no time yet */
    } else if (s->have_clock && t < s->clock - s->o.quiet_seconds) {
        t = s->clock;
    }
    if (ok && (!s->have_clock || t > s->clock)) {
        s->clock = t;
        s->have_clock = true;
    }
    s->prev_time = t;
    return t;
}

/* ---- batch record ---------------------------------------------------------- */

/* Holds article num in the window (batch mode): a copy of an article still
 * held (s->cur_orig), or a clustered article with its distinct terms
 * (s->terms is sorted in place). */
static precis_status batch_record(precis_stream *s, size_t num, bool copy)
{
    if (s->b_n + 2 > s->b_cap) {
        size_t cap = s->b_cap, c[7] = {cap, cap, cap, cap, cap, cap, cap};
        if (pc_grow(&s->b_num, &c[0], s->b_n + 2, sizeof *s->b_num, 1024) ||
            pc_grow(&s->b_off, &c[1], s->b_n + 2, sizeof *s->b_off, 1024) ||
            pc_grow(&s->b_orig, &c[2], s->b_n + 2, sizeof *s->b_orig, 1024) ||
            pc_grow(&s->b_time, &c[3], s->b_n + 2, sizeof *s->b_time, 1024) ||
            pc_grow(&s->b_seen, &c[4], s->b_n + 2, sizeof *s->b_seen, 1024) ||
            pc_grow(&s->b_rep, &c[5], s->b_n + 2, sizeof *s->b_rep, 1024) ||
            pc_grow(&s->b_alast, &c[6], s->b_n + 2, sizeof *s->b_alast, 1024))
            return PRECIS_ENOMEM;
        size_t m = c[0];
        for (int i = 1; i < 7; i++)
            if (c[i] < m) m = c[i];
        s->b_cap = m;
    }
    size_t i = s->b_n;
    if (!i) s->b_off[0] = 0;
    s->b_num[i] = num;
    s->b_orig[i] = copy ? s->cur_orig : SIZE_MAX;
    s->b_time[i] = s->cur_time;
    s->b_seen[i] = s->cur_seen;
    s->b_rep[i] = SIZE_MAX;
    s->b_alast[i] = num;
    s->b_off[i + 1] = s->b_nterm;
    s->b_n++;
    s->b_held++;
    if (copy) return PRECIS_OK;
    /* The names (capitalised words inside sentences) are one more term each
     * for the batch pass: they tell stories apart where the online pass has
     * its name bonus (a distinct hash space from the stems), and marked, for
     * the batch pass's own name bonus. */
    uint64_t nh[MAX_ENTS];
    size_t n_nh = 0;
    for (size_t k = 0; k < s->n_ents && s->n_terms < TERMS_CAP; k++)
        s->terms[s->n_terms++] = nh[n_nh++] = XXH3_64bits_withSeed(&s->ents[k], sizeof s->ents[k], 0x6e616d65);
    pc_sort_u64(s->terms, s->n_terms);
    pc_sort_u64(nh, n_nh);
    size_t cap1 = s->b_capterm, cap2 = s->b_capterm, cap3 = s->b_capterm;
    if (pc_grow(&s->b_term, &cap1, s->b_nterm + s->n_terms, sizeof *s->b_term, 1024) ||
        pc_grow(&s->b_tf, &cap2, s->b_nterm + s->n_terms, sizeof *s->b_tf, 1024) ||
        pc_grow(&s->b_isname, &cap3, s->b_nterm + s->n_terms, sizeof *s->b_isname, 1024)) {
        s->b_n--; /* not held: the caller reports the failure */
        s->b_held--;
        return PRECIS_ENOMEM;
    }
    s->b_capterm = cap1 < cap2 ? cap1 : cap2;
    if (cap3 < s->b_capterm) s->b_capterm = cap3;
    for (size_t k = 0, q = 0; k < s->n_terms;) {
        size_t j = k;
        while (j < s->n_terms && s->terms[j] == s->terms[k]) j++;
        while (q < n_nh && nh[q] < s->terms[k]) q++; /* both sorted */
        s->b_isname[s->b_nterm] = q < n_nh && nh[q] == s->terms[k];
        s->b_term[s->b_nterm] = s->terms[k];
        s->b_tf[s->b_nterm] = (uint32_t)(j - k);
        s->b_nterm++;
        k = j;
    }
    s->b_off[i + 1] = s->b_nterm;
    return PRECIS_OK;
}

/* ---- adding an article ---------------------------------------------------- */

precis_status precis_stream_add(precis_ctx *ctx, precis_stream *s, const precis_article *a, size_t *story,
                                size_t *dup_of)
{
    if (!ctx || !s || !a || !story || (!a->text && a->text_len)) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    *story = SIZE_MAX;
    if (dup_of) *dup_of = SIZE_MAX;
    size_t num = s->n_articles++;
    win_entry *we = &s->win[num & (PST_DUP_WINDOW - 1)];
    if (num >= PST_DUP_WINDOW) pd_index_remove(s->dup, (uint32_t)(num - PST_DUP_WINDOW));
    we->article = num;
    we->story = SIZE_MAX;
    we->final = SIZE_MAX;
    size_t undated = s->n_undated;
    int64_t t = article_time(s, a->date);
    s->cur_time = s->n_undated == undated ? t : PK_TIME_UNKNOWN; /* batch: real dates only */
    s->cur_seen = t;

    s->n_words = s->n_terms = s->n_ents = 0;
    if (a->title) features(s, a->title, strlen(a->title), true);
    features(s, a->text ? a->text : "", a->text_len, false);
    if (!s->n_words) {
        const char *id = a->id ? a->id : "article";
        return pc_fail(err, PRECIS_EEMPTY, id, 0, "no words: the article joins no story");
    }
    if (is_furniture(s, a->text ? a->text : "", a->text_len)) {
        const char *id = a->id ? a->id : "article";
        return pc_fail(err, PRECIS_EEMPTY, id, 0,
                       "not an article: page furniture only (crawl notice, widget or consent text); it joins no story");
    }

    pd_signature sig;
    pd_minhash(s->words, s->n_words, 0, &sig);
    int64_t dup = -1;
    precis_status st = pd_index_add(s->dup, (uint32_t)num, &sig, &dup, NULL);
    if (st) return pc_fail(err, st, a->id, 0, "out of memory");
    if (dup >= 0) {
        const win_entry *orig = &s->win[(size_t)dup & (PST_DUP_WINDOW - 1)];
        if (orig->story != SIZE_MAX && (uint32_t)orig->article == (uint32_t)dup) {
            if (!s->o.batch) pk_touch(s->pk, orig->slot, orig->gen, t);
            we->story = orig->story;
            we->slot = orig->slot;
            we->gen = orig->gen;
            *story = s->o.batch ? SIZE_MAX : orig->story;
            if (dup_of) *dup_of = orig->article;
            if (!s->o.batch) return PRECIS_OK;
            /* batch: a copy goes with its original; one already reported is
             * reported at the next settle, in that story */
            if (orig->final != SIZE_MAX) {
                we->final = orig->final;
                if (pc_grow(&s->pend, &s->cap_pend, s->n_pend + 1, sizeof *s->pend, 64))
                    return pc_fail(err, PRECIS_ENOMEM, a->id, 0, "out of memory");
                s->pend[s->n_pend++] = (settled){num, orig->final};
                return PRECIS_OK;
            }
            s->cur_orig = orig->article;
            if (batch_record(s, num, true)) return pc_fail(err, PRECIS_ENOMEM, a->id, 0, "out of memory");
            return PRECIS_OK;
        }
    }

    if (s->o.batch) {
        /* The regrouping starts from scratch and reads nothing of the online
         * pass (its grouping as a vote lowered B3, docs/cluster.md Round 6),
         * so batch mode does not run it: the article is held with its terms. */
        we->story = 0; /* clustered: its later copies follow it */
        we->slot = we->gen = 0;
        if (batch_record(s, num, false)) return pc_fail(err, PRECIS_ENOMEM, a->id, 0, "out of memory");
        return PRECIS_OK;
    }
    pk_item it = {0};
    it.terms = s->terms;
    it.n_terms = s->n_terms;
    it.entities = s->ents;
    it.n_entities = s->n_ents;
    it.time = t;
    uint32_t sid;
    if ((st = pk_add(s->pk, &it, &sid, NULL))) return pc_fail(err, st, a->id, 0, "out of memory");
    pk_last_slot(s->pk, &we->slot, &we->gen);
    we->story = sid;
    if ((size_t)sid + 1 > s->n_stories) s->n_stories = (size_t)sid + 1;
    *story = sid;
    return PRECIS_OK;
}

/* ---- batch pass: the regrouping window ------------------------------------ */

#define BATCH_ANCHORS 2 /* articles a reported, unclosed story leaves in the window */
#define BATCH_IDF_PRIOR 100 /* pseudo-documents, as online (src/cluster): a small input keeps its shared words */

static int cmp_settled(const void *x, const void *y)
{
    const settled *a = x, *b = y;
    return a->article < b->article ? -1 : a->article > b->article;
}

/* Slot of article num in the window (held in arrival order), or SIZE_MAX. */
static size_t slot_of(const precis_stream *s, size_t num)
{
    size_t lo = 0, hi = s->b_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->b_num[mid] < num) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->b_n && s->b_num[lo] == num ? lo : SIZE_MAX;
}

/* Is a regrouping due: the window full, the end, or (dated input) its oldest
 * article past the quiet period and the clock a quiet period on since the
 * last regrouping (so a long story held at the front is not regrouped at
 * every article)? */
static bool regroup_due(const precis_stream *s, bool at_end)
{
    if (!s->b_n) return false;
    if (!s->b_held) return false; /* anchors only: nothing to report */
    if (at_end || s->b_held >= s->window) return true;
    if (!s->have_clock || s->b_seen[0] == PK_TIME_UNKNOWN || s->b_seen[0] >= s->clock - s->o.quiet_seconds)
        return false;
    return !s->have_regrouped || s->clock - s->regrouped_at >= s->o.quiet_seconds;
}

/* Regroups the window from scratch (src/cluster/batch.c, document
 * frequencies of the window) and moves the articles of final groups to
 * *out (article, story), new story ids given in order of the groups' first
 * articles. A group is final at the end; when its newest article is older
 * than the quiet period (dated input) or than the last window / 2 articles
 * of the stream; and, while more than window / 2 articles would stay held,
 * the groups whose newest article is oldest, so that the window always has
 * room. The window keeps the rest, in order, and the anchors (below): at
 * most two per story seen in the last window of arrivals, so at most
 * 2 x window of them. */
static precis_status regroup(precis_stream *s, bool at_end, settled **out, size_t *n_out, size_t *cap_out)
{
    size_t n = s->b_n, nt = s->b_nterm;
    uint32_t *label = malloc(n * sizeof *label), *root = malloc(n * sizeof *root);
    uint32_t *order = malloc(n * sizeof *order);
    size_t *g_last = malloc(n * sizeof *g_last), *g_size = malloc(n * sizeof *g_size);
    int64_t *g_seen = malloc(n * sizeof *g_seen);
    uint8_t *final = malloc(n), *not_lone = malloc(n), *anchor = malloc(n);
    size_t *g_story = malloc(n * sizeof *g_story);
    float *w = malloc((nt + 1) * sizeof *w);
    uint32_t *rank = malloc((nt + 1) * sizeof *rank);
    double *idf = NULL;
    precis_status st = PRECIS_OK;
    if (!label || !root || !order || !g_last || !g_size || !g_seen || !final || !not_lone || !anchor || !g_story || !w || !rank) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    /* Document frequencies over the window (clustered articles only:
     * copies add nothing, as online). */
    size_t n_docs = 0;
    for (size_t i = 0; i < n; i++)
        if (s->b_off[i + 1] > s->b_off[i]) n_docs++;
    /* Each distinct term once, by its rank (pk_term_ranks, which pk_batch
     * reads too), with its idf log((N + prior) / (df + 1)): an article's
     * terms are distinct, so a term's df is how many terms have its rank,
     * and each idf is taken once rather than at each of its occurrences. */
    size_t nu = 0;
    if ((st = pk_term_ranks(s->b_term, nt, rank, &nu))) goto done;
    if (!(idf = calloc(nu + 1, sizeof *idf))) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nt; k++) idf[rank[k]]++;
    for (size_t u = 0; u < nu; u++) idf[u] = log((double)(n_docs + BATCH_IDF_PRIOR) / (idf[u] + 1));
    /* Unit vectors: (1 + log tf) * idf. */
    double ltf[32]; /* log tf of the common small counts, once */
    for (int t = 1; t < 32; t++) ltf[t] = log((double)t);
    for (size_t i = 0; i < n; i++) {
        double norm = 0;
        for (size_t k = s->b_off[i]; k < s->b_off[i + 1]; k++) {
            uint32_t tf = s->b_tf[k];
            double x = (1 + (tf < 32 ? ltf[tf] : log((double)tf))) * idf[rank[k]];
            w[k] = (float)x;
            norm += x * x;
        }
        norm = norm > 0 ? sqrt(norm) : 1;
        for (size_t k = s->b_off[i]; k < s->b_off[i + 1]; k++) w[k] = (float)(w[k] / norm);
    }
    /* A copy follows its original (held before it: same window, same group),
     * an article without terms keeps a group of its own. */
    for (size_t i = 0; i < n; i++) not_lone[i] = 0;
    for (size_t i = 0; i < n; i++) {
        if (s->b_orig[i] == SIZE_MAX) continue;
        size_t o = slot_of(s, s->b_orig[i]);
        s->b_orig[i] = o < i ? s->b_num[o] : SIZE_MAX; /* always held; if not, on its own */
        if (o < i) not_lone[o] = 1;
    }
    pk_batch_input in = {0};
    in.n = n;
    in.off = s->b_off;
    in.term = s->b_term;
    in.w = w;
    in.time = s->b_time;
    in.quiet_seconds = s->o.quiet_seconds;
    in.not_lone = not_lone;
    in.is_name = s->b_isname;
    in.rank = rank;
    in.n_ranks = nu;
    if ((st = pk_batch(&in, NULL, label))) goto done;
    for (size_t i = 0; i < n; i++) {
        if (s->b_orig[i] != SIZE_MAX) root[i] = root[slot_of(s, s->b_orig[i])];
        else root[i] = label[i] == UINT32_MAX ? (uint32_t)i : label[i];
        g_last[i] = 0;
        g_size[i] = 0;
        g_seen[i] = PK_TIME_UNKNOWN;
        g_story[i] = SIZE_MAX;
        final[i] = at_end;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t g = root[i];
        size_t last = s->b_rep[i] == SIZE_MAX ? s->b_num[i] : s->b_alast[i];
        if (last > g_last[g]) g_last[g] = last;
        if (s->b_rep[i] == SIZE_MAX) g_size[g]++; /* held articles; anchors are reported */
        else if (s->b_rep[i] < g_story[g]) g_story[g] = s->b_rep[i]; /* the oldest story it continues */
        if (s->b_seen[i] > g_seen[g]) g_seen[g] = s->b_seen[i];
    }
    size_t kept = 0, n_groups = 0;
    for (size_t g = 0; g < n; g++) {
        if (at_end) final[g] = 2; /* reported, no anchors kept */
        if (at_end || root[g] != g) continue;
        bool quiet_time = s->have_clock && g_seen[g] != PK_TIME_UNKNOWN && g_seen[g] < s->clock - s->o.quiet_seconds;
        bool quiet_arrivals = g_last[g] + s->window / 2 <= s->n_articles;
        if (quiet_time) final[g] = 2; /* closed: as online, a closed story takes no more */
        else if (!g_size[g]) final[g] = g_last[g] + s->window <= s->n_articles ? 2 : 0; /* anchors: a window long */
        else if (quiet_arrivals) final[g] = 1;
        else {
            kept += g_size[g];
            order[n_groups++] = (uint32_t)g;
        }
    }
    /* Room: the held groups whose newest article is oldest go too. */
    if (kept > s->window / 2) {
        for (size_t a = 1; a < n_groups; a++) { /* insertion sort by g_last: few groups stay held */
            uint32_t x = order[a];
            size_t b = a;
            while (b > 0 && g_last[order[b - 1]] > g_last[x]) {
                order[b] = order[b - 1];
                b--;
            }
            order[b] = x;
        }
        for (size_t a = 0; a < n_groups && kept > s->window / 2; a++) {
            final[order[a]] = 1;
            kept -= g_size[order[a]];
        }
    }
    /* A group reported but not closed (final 1) leaves its BATCH_ANCHORS
     * newest clustered articles as anchors: reported, they stay in the
     * window so that the story's later reports, regrouped with them, continue
     * its id instead of starting a story (a story longer than the window, or
     * one that comes back after half a window of other news). */
    for (size_t i = 0; i < n; i++) order[i] = 0; /* group -> anchors chosen */
    for (size_t i = n; i-- > 0;) {
        uint32_t g = root[i];
        anchor[i] = final[g] == 1 && s->b_orig[i] == SIZE_MAX && s->b_off[i + 1] > s->b_off[i] &&
                    order[g] < BATCH_ANCHORS;
        order[g] += anchor[i];
    }
    /* Story ids: a continued story keeps its own, new ones in order of the
     * final groups' first articles; the held articles and anchors move to
     * the front. */
    size_t next = 0, keep = 0, tk = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t g = root[i];
        if (final[g]) {
            if (g_story[g] == SIZE_MAX) g_story[g] = s->n_final + next++;
            if (s->b_rep[i] == SIZE_MAX) {
                if (pc_grow(out, cap_out, *n_out + 1, sizeof **out, 1024)) {
                    st = PRECIS_ENOMEM;
                    goto done;
                }
                (*out)[(*n_out)++] = (settled){s->b_num[i], g_story[g]};
                s->b_held--;
            }
            if (!anchor[i]) continue;
            s->b_rep[i] = g_story[g];
            s->b_alast[i] = g_last[g];
        }
        size_t b0 = s->b_off[i], b1 = s->b_off[i + 1];
        memmove(s->b_term + tk, s->b_term + b0, (b1 - b0) * sizeof *s->b_term);
        memmove(s->b_tf + tk, s->b_tf + b0, (b1 - b0) * sizeof *s->b_tf);
        memmove(s->b_isname + tk, s->b_isname + b0, (b1 - b0) * sizeof *s->b_isname);
        s->b_num[keep] = s->b_num[i];
        s->b_orig[keep] = s->b_orig[i];
        s->b_time[keep] = s->b_time[i];
        s->b_seen[keep] = s->b_seen[i];
        s->b_rep[keep] = s->b_rep[i];
        s->b_alast[keep] = s->b_alast[i];
        s->b_off[keep] = tk;
        tk += b1 - b0;
        keep++;
    }
    s->b_off[keep] = tk;
    s->b_n = keep;
    s->b_nterm = tk;
    s->n_final += next;
    s->regrouped_at = s->clock;
    s->have_regrouped = true;
done:
    free(label);
    free(root);
    free(order);
    free(g_last);
    free(g_size);
    free(g_seen);
    free(final);
    free(not_lone);
    free(anchor);
    free(g_story);
    free(w);
    free(rank);
    free(idf);
    return st;
}

precis_status precis_stream_settle(precis_ctx *ctx, precis_stream *s, int at_end, precis_stream_story_fn fn,
                                   void *user)
{
    if (!ctx || !s || !fn) return PRECIS_EINVAL;
    pc_error *err = pc_ctx_err(ctx);
    pc_error_clear(err);
    if (!s->o.batch) return pc_fail(err, PRECIS_EINVAL, NULL, 0, "the stream was not opened in batch mode");
    settled *out = s->pend; /* the copies of reported articles first, then the window's */
    size_t n_out = s->n_pend, cap_out = s->cap_pend;
    s->pend = NULL;
    s->n_pend = s->cap_pend = 0;
    precis_status st = PRECIS_OK;
    if (regroup_due(s, at_end)) {
        size_t held = s->b_n;
        if (held > BATCH_MAX_ARTICLES) st = pc_fail(err, PRECIS_ELIMIT, NULL, 0, "batch: window over 50,000,000 articles");
        else if ((st = regroup(s, at_end != 0, &out, &n_out, &cap_out)))
            st = pc_fail(err, st, NULL, 0, st == PRECIS_ENOMEM ? "out of memory" : "batch: too many articles");
    }
    if (!st && n_out > 1) qsort(out, n_out, sizeof *out, cmp_settled);
    for (size_t i = 0; i < n_out && !st; i++) {
        win_entry *we = &s->win[out[i].article & (PST_DUP_WINDOW - 1)];
        if (we->article == out[i].article) we->final = out[i].story; /* later copies join it */
        st = fn(user, out[i].article, out[i].story);
    }
    free(out);
    return st;
}
