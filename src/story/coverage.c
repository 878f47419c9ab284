/* Coverage comparison: which reports carry which facts (docs/stories.md).
 * A fact is a prose sentence; two reports carry the same fact when they have
 * sentences sharing most of their telling words (pst_same_fact). On those
 * aligned pairs the figures, dates and names are compared: that is where
 * sources contradict each other. Copies of a report are not corroboration. */
#include "story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define MAX_LISTED 8     /* unique facts / omissions listed per source */
#define UNIQUE_CONTAIN 0.75 /* share of a fact's words another report has: not unique */
#define OMIT_CONTAIN 0.6    /* ... and has not left it out */

typedef struct cov {
    const pst_build *b;
    uint32_t *indep;      /* per article: index among reports (a copy: its original's) */
    uint32_t *report_doc; /* per report: its article */
    size_t words;         /* uint64 words per bitset */
    uint64_t *cover;      /* per sentence: reports (other than its own) with the same fact */
    uint32_t *n_cover;
    uint32_t *match;      /* aligned pairs (sentence a, sentence b), a < b */
    size_t n_match, cap_match;
    uint32_t *loose;      /* pairs aligned only for their measurements */
    size_t n_loose, cap_loose;
    size_t *adj_off;      /* per sentence: its aligned sentences are adj[adj_off[i] .. adj_off[i + 1]) */
    uint32_t *adj;
    struct sent_fast *sf; /* per sentence: what pair scoring reads, packed (pst_sent is 150 bytes) */
    struct quant_fast *qf; /* per quantity: the same (pst_quantity is 80) */
    float *pw;            /* per word: its weight for paraphrase (story and news rarity) */
    float *psw;           /* per sentence: the sum of its words' pw */
    /* Worked out once per story, not per pair (docs/stories.md, "Cost"): */
    struct fig_ctx *fctx; /* per quantity (index into b->quants): the words around it */
    char *ctx_text;       /* their stems, NUL-terminated */
    size_t n_ctx_text, cap_ctx_text;
    struct nameword *names; /* per report sentence: its names, names[name_off[i] .. name_off[i + 1]) */
    uint32_t *name_off;
    struct doc_word *voc;   /* per report: its normalised words, sorted, voc[voc_off[d] .. voc_off[d + 1]) */
    uint32_t *voc_off;
    char *voc_text;
    size_t n_voc_text, cap_voc_text;
    pc_map ctx_ids;       /* hash of a context stem -> its id; */
    uint32_t *ctx_id_off; /* ... an id's text in ctx_text */
    size_t n_ctx_ids, cap_ctx_ids;
    pc_map name_ids;      /* hash of a name's norm -> its id; */
    uint32_t *id_name;    /* ... an id's first name in names */
    size_t n_ids, cap_ids;
    pc_map name_pairs;    /* (id, id) -> how the two names compare (name_pair) */
    uint8_t *spelt_twice; /* per report sentence: it has a name the story also spells another way */
    struct held *held;    /* qualifying best partners, for second_look */
    size_t n_held, cap_held;
    size_t capped_sents;  /* sentences whose candidates were cut to MAX_CANDIDATES */
    uint64_t capped_pairs; /* candidate pairs left uncompared by that cut */
} cov;

#define STRONG_OVERLAP 0.6
/* Paraphrase alignment (mutual_best), chosen on the fixtures vask, tessaly,
 * tarrow, serran, harrowgate and kelbrook (docs/stories.md): */
#define MUTUAL_BAR 0.35   /* paraphrase score of a mutual-best pair, at least */
/* ... or this much when the two anchor alike: neither gives a day or a kind of
 * figure (a count, a distance, a share, a sum) that the other does not (chosen
 * on the 14 fixtures, 2026-12-03; docs/stories.md) */
#define WEAK_BAR 0.20
#define MUTUAL_SHARED 2   /* shared words and anchors, at least */
#define COMPETE_FLOOR 0.13 /* pairs scoring this much compete for "best" (WEAK_BAR / MUTUAL_MARGIN:
                              a weak pair's margin is over every rival that could break it) */
#define MUTUAL_MARGIN 1.5 /* the best beats the next in that report by this factor */
#define NEAR_BAR 0.25      /* a sentence this close may tell the fact: no omission */
#define ANCHOR_WEIGHT 1.4 /* the same day or figure weighs as a rare word and a half */
#define RIVAL_WEIGHT 1.0  /* different figures of one counted thing, as a rare word (2026-12-01) */
#define NEWS_FLOOR 0.25   /* the commonest news word keeps this share of its story weight */
#define MAX_VALUES 3 /* a conflict gives at most this many different values */
#define LOOSE_OVERLAP 0.15 /* chosen with the seeds' "53 miles" vs "20 kilometers" in view */

/* What scoring a pair of sentences reads, packed: the candidate pairs of a
 * story of 100 alike reports are counted in millions, and each read two
 * pst_sents and their pst_quantities from all over memory. */
typedef struct sent_fast {
    int64_t first_day, last_day; /* when, if has_when */
    float weight;                /* pst_sent.weight */
    uint32_t q_off, n_q, n_stems;
    uint32_t report;             /* c->indep of its article */
    bool has_when;
    uint8_t anchor_kinds;        /* what it anchors on (anchor_kinds_of) */
} sent_fast;

typedef struct quant_fast {
    double value;
    uint64_t unit; /* hash of the counted word's stem (0: none), compared by text on a hit */
    uint8_t kind;  /* pst_qkind */
    bool time;     /* time_unit */
} quant_fast;

static bool time_unit(const pst_quantity *q);

/* What a count counts, as one key for the words of one news synonym class
 * ("residents" / "inhabitants" / "locals", "workers" / "staff"): the stem
 * of its class's head, hashed. */
static uint64_t unit_key(const pst_build *b, const pst_quantity *p)
{
    char norm[sizeof p->word];
    size_t wl = strnlen(p->word, sizeof p->word - 1), sn;
    memcpy(norm, p->word, wl);
    norm[wl] = 0;
    const char *stem = wl ? pst_term_stem(b->lang, b->english, norm, &sn) : p->unit;
    if (!wl) sn = strnlen(p->unit, sizeof p->unit);
    return XXH3_64bits(stem, sn) | 1;
}

/* The kinds of anchor a sentence gives, as bits: a time (bit 0), a count of
 * things (1), a distance (2), a percentage (3), a sum (4). Durations ("two
 * years") and "one" are no anchor. */
static uint8_t anchor_kinds_of(const pst_build *b, const pst_sent *x)
{
    uint8_t k = x->has_when ? 1 : 0;
    for (uint32_t i = 0; i < x->n_q; i++) {
        const pst_quantity *q = &b->quants[x->q_off + i];
        if (q->value == 1 || time_unit(q)) continue;
        k |= (uint8_t)(2u << (q->kind < 4 ? q->kind : 0));
    }
    return k;
}

static precis_status fast_tables(cov *c)
{
    const pst_build *b = c->b;
    c->sf = malloc((b->n_sents ? b->n_sents : 1) * sizeof *c->sf);
    c->qf = malloc((b->n_quants ? b->n_quants : 1) * sizeof *c->qf);
    if (!c->sf || !c->qf) return PRECIS_ENOMEM;
    for (size_t i = 0; i < b->n_sents; i++) {
        const pst_sent *x = &b->sents[i];
        c->sf[i] = (sent_fast){x->when.first_day, x->when.last_day, x->weight, x->q_off, x->n_q, x->n_stems,
                               c->indep[x->doc], x->has_when, anchor_kinds_of(b, x)};
    }
    for (size_t q = 0; q < b->n_quants; q++) {
        const pst_quantity *p = &b->quants[q];
        size_t n = strnlen(p->unit, sizeof p->unit);
        c->qf[q] = (quant_fast){p->value, n ? unit_key(b, p) : 0, (uint8_t)p->kind, time_unit(p)};
    }
    return PRECIS_OK;
}

/* Do quantities p and q count the same word, or words of one synonym class
 * (both "" counts too)? */
static bool same_unit(const cov *c, uint32_t p, uint32_t q)
{
    return c->qf[p].unit == c->qf[q].unit;
}

/* pst_overlap_of on the packed tables (the same arithmetic, the same result). */
static double overlap_fast(const cov *c, uint32_t i, uint32_t j, double w, uint32_t *n)
{
    const sent_fast *x = &c->sf[i], *y = &c->sf[j];
    if (x->has_when && y->has_when && x->first_day == y->first_day && x->last_day == y->last_day)
        w += 1.0f, (*n)++; /* build.c's WHEN_WEIGHT */
    uint32_t same = 0;
    for (uint32_t a = 0; a < x->n_q && same < 2; a++) {
        const quant_fast *p = &c->qf[x->q_off + a];
        for (uint32_t k = 0; k < y->n_q; k++) {
            const quant_fast *q = &c->qf[y->q_off + k];
            if (p->kind == q->kind && p->value == q->value && p->value != 1) {
                same++;
                break;
            }
        }
    }
    w += 1.0 * same, *n += same; /* build.c's FIGURE_WEIGHT */
    double lighter = x->weight < y->weight ? x->weight : y->weight;
    return lighter > 0 ? w / lighter : 0;
}

/* pst_same_fact_of on the packed tables */
static bool same_fact_fast(const cov *c, uint32_t i, uint32_t j, double o, uint32_t n)
{
    if (n >= 3 && o >= 0.45) return true;
    if (n >= 5 && o >= 0.42) return true;
    uint32_t fewer = c->sf[i].n_stems < c->sf[j].n_stems ? c->sf[i].n_stems : c->sf[j].n_stems;
    return n >= 2 && fewer <= 3 && o >= 0.6;
}

/* Both give a distance, a percentage or a sum of money. */
static bool same_measure(const pst_build *b, const pst_sent *s, const pst_sent *t)
{
    for (uint32_t i = 0; i < s->n_q; i++) {
        pst_qkind k = b->quants[s->q_off + i].kind;
        if (k == PST_Q_COUNT) continue;
        for (uint32_t j = 0; j < t->n_q; j++)
            if (b->quants[t->q_off + j].kind == k) return true;
    }
    return false;
}


static inline bool bit(const uint64_t *set, size_t i) { return set[i / 64] >> (i % 64) & 1; }
static inline void set_bit(uint64_t *set, size_t i) { set[i / 64] |= (uint64_t)1 << (i % 64); }

static bool is_report_sent(const pst_build *b, const pst_sent *s)
{
    return s->fact && pst_is_report(b, s->doc);
}

/* ---- paraphrase ------------------------------------------------------------ */

/* Weights for the paraphrase score: the story's own (rarer across its reports)
 * times how rare the word is in news at large (pst_news_weight), with a floor:
 * "came", "near", "people" say little about which fact a sentence tells. */
static precis_status para_weights(cov *c, double floor)
{
    const pst_build *b = c->b;
    c->pw = malloc((b->n_words ? b->n_words : 1) * sizeof *c->pw);
    c->psw = calloc(b->n_sents ? b->n_sents : 1, sizeof *c->psw);
    if (!c->pw || !c->psw) return PRECIS_ENOMEM;
    for (size_t w = 0; w < b->n_words; w++) c->pw[w] = b->weight[w];
    for (size_t k = 0; k < b->vocab.cap; k++) {
        const pc_map_slot *v = &b->vocab.slots[k];
        if (v->val != PC_MAP_NONE && v->val < b->n_words)
            c->pw[v->val] = (float)(c->pw[v->val] * (floor + (1 - floor) * pst_news_weight(v->key)));
    }
    for (size_t i = 0; i < b->n_sents; i++) {
        double sum = 0;
        for (uint32_t k = 0; k < b->sents[i].n_stems; k++) sum += c->pw[b->stems[b->sents[i].stem_off + k]];
        c->psw[i] = (float)sum;
    }
    return PRECIS_OK;
}

static bool same_day(const sent_fast *x, const sent_fast *y)
{
    return x->has_when && y->has_when && x->first_day == y->first_day && x->last_day == y->last_day;
}

/* Do x and y date what they tell more than FAR_DAYS apart? Two tellings of one
 * event give the same day or days near it (a conflict is Tuesday against
 * Wednesday, a year against the next), not a Saturday and "five years ago" or
 * "since 1974": such a pair shares a topic, not a fact ("The moor was hit by a
 * similar fire five years ago." / "... a blaze started there on Saturday.",
 * aligned as a paraphrase until 2026-12-03). */
#define FAR_DAYS 400
static bool far_apart(const sent_fast *x, const sent_fast *y)
{
    return x->has_when && y->has_when && (x->last_day + FAR_DAYS < y->first_day || y->last_day + FAR_DAYS < x->first_day);
}

/* A count of time ("three days", "ten years"): a duration or an age, not
 * what a fact counts. */
static bool time_unit(const pst_quantity *q)
{
    static const char *const T[] = {"day", "days", "week", "weeks", "month", "months", "year", "years",
                                    "hour", "hours", "minute", "minutes", "night", "nights", "decade", "decades"};
    if (q->kind != PST_Q_COUNT) return false;
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (!strcmp(q->word, T[i])) return true;
    return false;
}

/* Does y give p's figure? A duration ("three decades") and a count of things
 * ("Three beaches") are not one figure, however equal the numbers. */
static bool has_value(const cov *c, const quant_fast *p, const sent_fast *y)
{
    for (uint32_t j = 0; j < y->n_q; j++) {
        const quant_fast *q = &c->qf[y->q_off + j];
        if (p->kind == q->kind && p->time == q->time &&
            (p->value == q->value || (p->kind != PST_Q_COUNT && fabs(p->value - q->value) <= 0.1 * fabs(p->value))))
            return true;
    }
    return false;
}

/* Anchors x shares with y: the same day, and the same figures after
 * normalisation ("1,200" / "twelve hundred", "a mile" / "1.6 km"), at most
 * two figures; each counted once. */
static uint32_t shared_anchors(const cov *c, const sent_fast *x, const sent_fast *y)
{
    uint32_t n = same_day(x, y), same = 0;
    for (uint32_t i = 0; i < x->n_q && same < 2; i++) {
        const quant_fast *p = &c->qf[x->q_off + i];
        if (p->value != 1 && has_value(c, p, y)) same++;
    }
    return n + same;
}

/* Does x give a figure y gives too (a count of at least MIN_LONE_COUNT or a
 * measurement, not a day or a duration)? Alone, with no word in common, it is enough for a mutual-best
 * pair scoring MUTUAL_BAR ("More than 400 operations have been postponed" /
 * "Some four hundred planned procedures have been called off"): on the
 * fixtures every such pair was one fact, while a shared day alone was not
 * ("turning up on the shore since Wednesday" / nurdles counted on Wednesday). */
#define MIN_LONE_COUNT 10
static bool shares_figure(const cov *c, const sent_fast *x, const sent_fast *y)
{
    for (uint32_t i = 0; i < x->n_q; i++) {
        const quant_fast *p = &c->qf[x->q_off + i];
        /* "two" and "three" count many things in one story: no lone anchor */
        if (p->kind == PST_Q_COUNT && p->value < MIN_LONE_COUNT) continue;
        if (p->value != 1 && !p->time && has_value(c, p, y)) return true;
    }
    return false;
}

/* Do x and y give different figures of one thing: counts of the same word
 * ("400 operations" / "600 operations") or measurements of one kind ("four
 * miles" / "12 kilometres", "£2 million" / "£5 million"), within a factor
 * of three? What conflicts are
 * made of, and as telling of the same fact as a figure both give. A
 * percentage, a sum or a distance names no counted thing: the words around
 * the two must share one ("turnout reached 60 percent" and "catches have
 * fallen 30 percent" are two facts). */
static bool rival_context(const cov *c, const pst_quantity *p, const pst_quantity *q);

static bool rival_figures(const cov *c, const sent_fast *x, const sent_fast *y)
{
    const pst_build *b = c->b;
    for (uint32_t i = 0; i < x->n_q; i++) {
        const quant_fast *p = &c->qf[x->q_off + i];
        if (p->value == 1 || has_value(c, p, y)) continue;
        if ((p->kind == PST_Q_COUNT && !p->unit) || p->time) continue;
        for (uint32_t j = 0; j < y->n_q; j++) {
            const quant_fast *q = &c->qf[y->q_off + j];
            if (q->kind != p->kind || q->value == 1 || has_value(c, q, x)) continue;
            /* far apart, they are a total and a part ("198 passengers" aboard,
             * "14 passengers" hurt), as rival_counts has it for conflicts */
            double hi = p->value > q->value ? p->value : q->value, lo = p->value > q->value ? q->value : p->value;
            if (lo <= 0 || hi > 3 * lo) continue;
            if (p->kind == PST_Q_COUNT ? same_unit(c, x->q_off + i, y->q_off + j)
                                       : rival_context(c, &b->quants[x->q_off + i], &b->quants[y->q_off + j]))
                return true;
        }
    }
    return false;
}

static bool name_spelt_alike(const cov *c, uint32_t i, uint32_t j);

/* The paraphrase score of sentences i and j: the shared words' weight plus
 * the anchors', over the lighter sentence's weight. *n gets the number of
 * shared words and anchors, *anchors the anchors alone (may be NULL). */
static double para_score_of(const cov *c, uint32_t i, uint32_t j, double w, uint32_t k, uint32_t *n,
                            uint32_t *anchors)
{
    const sent_fast *x = &c->sf[i], *y = &c->sf[j];
    uint32_t an = shared_anchors(c, x, y);
    if (c->spelt_twice[i] && c->spelt_twice[j] && name_spelt_alike(c, i, j)) an++;
    w += ANCHOR_WEIGHT * an;
    if (rival_figures(c, x, y)) w += RIVAL_WEIGHT, an++;
    *n = k + an;
    if (anchors) *anchors = an;
    double lighter = c->psw[i] < c->psw[j] ? c->psw[i] : c->psw[j];
    return lighter > 0 ? w / lighter : 0;
}

static double para_score(const cov *c, uint32_t i, uint32_t j, uint32_t *n, uint32_t *anchors)
{
    const pst_build *b = c->b;
    uint32_t k;
    double w = pst_shared_weight(b, &b->sents[i], &b->sents[j], c->pw, &k);
    return para_score_of(c, i, j, w, k, n, anchors);
}

static precis_status add_match(cov *c, uint32_t i, uint32_t t)
{
    const pst_build *b = c->b;
    uint32_t rs = c->indep[b->sents[i].doc], rt = c->indep[b->sents[t].doc];
    if (!bit(c->cover + (size_t)i * c->words, rt)) set_bit(c->cover + (size_t)i * c->words, rt), c->n_cover[i]++;
    if (!bit(c->cover + (size_t)t * c->words, rs)) set_bit(c->cover + (size_t)t * c->words, rs), c->n_cover[t]++;
    if (pc_grow(&c->match, &c->cap_match, 2 * (c->n_match + 1), sizeof *c->match, 64)) return PRECIS_ENOMEM;
    c->match[2 * c->n_match] = i;
    c->match[2 * c->n_match + 1] = t;
    c->n_match++;
    return PRECIS_OK;
}

/* Anchor keys of a sentence, for finding candidates that share no word but a
 * day or a figure ("The line is expected to reopen on Friday." / "Trains will
 * not run until Friday."): the day, each count's value, each measurement's
 * 5 % bucket (and its neighbours when looking up). */
#define MAX_ANCHORS 8
#define ANCHOR_POSTINGS_MAX 64 /* a key more sentences share is no anchor */
typedef struct anchor_post {
    uint64_t key;
    uint32_t sent;
} anchor_post;

static int cmp_anchor_post(const void *x, const void *y)
{
    const anchor_post *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return (a->sent > b->sent) - (a->sent < b->sent);
}

static uint64_t mix_key(uint64_t kind, int64_t v)
{
    uint64_t x[2] = {kind, (uint64_t)v};
    return XXH3_64bits(x, sizeof x);
}

/* lookup: measurements also give the neighbouring buckets */
static size_t anchor_keys(const pst_build *b, const pst_sent *s, bool lookup, uint64_t *out)
{
    size_t n = 0;
    if (s->has_when && s->when.precision == PST_DAY) out[n++] = mix_key(99, s->when.first_day);
    for (uint32_t i = 0; i < s->n_q && n + 3 <= MAX_ANCHORS; i++) {
        const pst_quantity *q = &b->quants[s->q_off + i];
        if (q->value == 1 || q->value <= 0) continue;
        if (q->kind == PST_Q_COUNT) {
            out[n++] = mix_key(0, (int64_t)llround(q->value * 100));
        } else {
            int64_t bucket = (int64_t)llround(log(q->value) * 20);
            out[n++] = mix_key((uint64_t)q->kind + 1, bucket);
            if (lookup) out[n++] = mix_key((uint64_t)q->kind + 1, bucket - 1), out[n++] = mix_key((uint64_t)q->kind + 1, bucket + 1);
        }
    }
    return n;
}

/* A sentence is compared with at most this many candidates (sentences of
 * other reports sharing a word or an anchor with it, either side of it in
 * story order): those sharing the most word weight. A story with fewer
 * report sentences is never cut; when the cut bites, the coverage object
 * says so ("capped"). Chosen on bench/coverage_scale.py: a story of 100
 * reports of 150 alike sentences gives each about 1,500. */
#define MAX_CANDIDATES 1024
/* ... and when the cap bites, each other report gives at most this many,
 * its likeliest (docs/stories.md, "Cost, part 3") */
#ifndef PER_REPORT
#define PER_REPORT 2
#endif

/* One sentence's best partner in one other report while its candidate pairs
 * go by: all the mutual-best pass needs (a list of every scored pair grew
 * with the square of the sentences: 2.9 GB for 100 reports of 150). */
typedef struct rep_best {
    uint32_t stamp;     /* the sentence it is for; UINT32_MAX: none yet */
    uint32_t to, k;     /* the best partner and its place among the sentence's candidates */
    float score, next;  /* the best pair's score; the next best's (-1: none) */
    uint32_t r1, r2;    /* the next best and the one after (NO_SENT: none), for second_look */
    float s2, s3;       /* the one after's score and the score after that (-1: none) */
    bool qualifies;     /* the best pair may be a paraphrase: not strong, >= MUTUAL_SHARED, and >= MUTUAL_BAR
                           (>= WEAK_BAR when the two anchor alike); or >= MUTUAL_BAR on one shared figure */
} rep_best;

#define NO_SENT UINT32_MAX

/* A sentence's best partner in another report and its next rivals there,
 * kept for second_look when the pair qualifies. */
typedef struct held {
    uint32_t from, to, r1, r2;
    float score, s1, s2, s3;
} held;

static int cmp_held(const void *x, const void *y)
{
    const held *a = x, *b = y;
    if (a->from != b->from) return a->from < b->from ? -1 : 1;
    return (a->to > b->to) - (a->to < b->to);
}

/* A sentence's clear best in another report, picked by one end of the pair. */
typedef struct pick {
    uint32_t lo, hi; /* the pair's sentences, lo < hi */
    uint32_t k;      /* picked by lo: hi's place among lo's candidates; by hi: UINT32_MAX */
} pick;

static int cmp_pick(const void *x, const void *y)
{
    const pick *a = x, *b = y;
    if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi) return a->hi < b->hi ? -1 : 1;
    return (a->k > b->k) - (a->k < b->k);
}

static int cmp_pick_order(const void *x, const void *y)
{
    const pick *a = x, *b = y;
    if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    return (a->k > b->k) - (a->k < b->k);
}

/* A candidate cut: by shared word weight, then story order. */
typedef struct cand_rank {
    double w;
    uint32_t t, k;
} cand_rank;

static int cmp_cand_rank(const void *x, const void *y)
{
    const cand_rank *a = x, *b = y;
    if (a->w != b->w) return a->w > b->w ? -1 : 1;
    return (a->t > b->t) - (a->t < b->t);
}

/* Puts the k first of v[0..n) by cmp_cand_rank (a total order) in v[0..k),
 * in no order: a selection, not a sort of every candidate. */
static void select_first(cand_rank *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n; /* the k-th is in [lo, hi) */
    while (hi - lo > 1) {
        cand_rank pivot = v[lo + (hi - lo) / 2], t;
        size_t i = lo, j = hi - 1;
        while (i <= j) { /* Hoare partition around the pivot */
            while (cmp_cand_rank(&v[i], &pivot) < 0) i++;
            while (cmp_cand_rank(&v[j], &pivot) > 0) j--;
            if (i <= j) {
                t = v[i], v[i] = v[j], v[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j + 1;
        else if (k >= i) lo = i;
        else return;
    }
}


/* Index keys of s with, for each, the keys a sentence looking it up may
 * come from (a measurement's neighbouring buckets): near[3 * k .. 3 * k +
 * n_near[k]) for index key k. */
static size_t anchor_keys_near(const pst_build *b, const pst_sent *s, uint64_t *keys, uint64_t *near, uint8_t *n_near)
{
    size_t n = 0;
    if (s->has_when && s->when.precision == PST_DAY) {
        keys[n] = near[3 * n] = mix_key(99, s->when.first_day);
        n_near[n++] = 1;
    }
    for (uint32_t i = 0; i < s->n_q && n + 3 <= MAX_ANCHORS; i++) {
        const pst_quantity *q = &b->quants[s->q_off + i];
        if (q->value == 1 || q->value <= 0) continue;
        if (q->kind == PST_Q_COUNT) {
            keys[n] = near[3 * n] = mix_key(0, (int64_t)llround(q->value * 100));
            n_near[n++] = 1;
        } else {
            int64_t bucket = (int64_t)llround(log(q->value) * 20);
            keys[n] = near[3 * n] = mix_key((uint64_t)q->kind + 1, bucket);
            near[3 * n + 1] = mix_key((uint64_t)q->kind + 1, bucket - 1);
            near[3 * n + 2] = mix_key((uint64_t)q->kind + 1, bucket + 1);
            n_near[n++] = 3;
        }
    }
    return n;
}

/* The postings of anchor key k: ap[*lo .. return). */
static size_t anchor_range(const anchor_post *ap, size_t n_ap, uint64_t key, size_t *lo_out)
{
    size_t lo = 0, hi = n_ap;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ap[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    /* The end by a second search, not a walk: a key every sentence holds has
     * a run as long as the story, walked once per sentence (quadratic). */
    size_t end = lo;
    hi = n_ap;
    while (end < hi) {
        size_t mid = end + (hi - end) / 2;
        if (ap[mid].key <= key) end = mid + 1;
        else hi = mid;
    }
    *lo_out = lo;
    return end;
}

/* Aligns every fact with the facts of the other reports through an inverted
 * index of words and one of anchors: only sentences sharing a word or an
 * anchor are compared. A pair (s, t), s < t, is what s finds; each sentence
 * also gathers the pairs that earlier sentences found with it, so that its
 * best partner in each report is known when its turn ends, and nothing per
 * pair is kept but the aligned ones. */
static precis_status align(cov *c)
{
    precis_status st0 = para_weights(c, NEWS_FLOOR);
    if (st0) return st0;
    const pst_build *b = c->b;
    size_t n_words = b->n_words, ns = b->n_sents ? b->n_sents : 1, R = b->n_indep ? b->n_indep : 1;
    uint32_t *head = calloc(n_words + 1, sizeof *head);
    size_t n_post = 0;
    for (size_t i = 0; i < b->n_sents; i++)
        if (is_report_sent(b, &b->sents[i])) n_post += b->sents[i].n_stems;
    uint32_t *post = malloc((n_post ? n_post : 1) * sizeof *post);
    uint32_t *stamp = malloc(ns * sizeof *stamp);
    uint32_t *cand = malloc(ns * sizeof *cand);
    /* shared weight and word count per candidate, summed from the postings */
    double *acc_w = malloc(ns * sizeof *acc_w);
    uint32_t *acc_n = malloc(ns * sizeof *acc_n);
    /* and the shared words' paraphrase weight (pw), summed in the order
     * pst_shared_weight sums it (the sentence's words in id order): the same
     * double, without merging the two word lists again per pair */
    double *acc_p = malloc(ns * sizeof *acc_p);
    uint8_t *chosen = calloc(ns, 1); /* the cap's picks, by place */
    rep_best *best = malloc(R * sizeof *best);
    uint32_t *touched = malloc(R * sizeof *touched);
    cand_rank *rank = malloc(ns * sizeof *rank);
    uint32_t *fill = malloc((n_words ? n_words : 1) * sizeof *fill);
    uint32_t *top = malloc(R * PER_REPORT * sizeof *top), *top_stamp = malloc(R * sizeof *top_stamp);
    uint32_t *top_n = malloc(R * sizeof *top_n);
    uint32_t *rep_of = malloc(ns * sizeof *rep_of); /* per sentence: its report (sf's, packed to 4 bytes) */
    pick *picks = NULL;
    size_t n_picks = 0, cap_picks = 0;
    anchor_post *ap = NULL;
    size_t n_ap = 0, cap_ap = 0;
    precis_status st = PRECIS_OK;
    if (!head || !post || !stamp || !cand || !acc_w || !acc_n || !acc_p || !chosen || !best || !touched || !rank || !fill || !top || !top_stamp ||
        !top_n || !rep_of)
        st = PRECIS_ENOMEM;
    if (!st) {
        /* Counting sort of postings by word. */
        for (size_t i = 0; i < b->n_sents; i++)
            if (is_report_sent(b, &b->sents[i]))
                for (uint32_t k = 0; k < b->sents[i].n_stems; k++) head[b->stems[b->sents[i].stem_off + k] + 1]++;
        for (size_t w = 0; w < n_words; w++) head[w + 1] += head[w];
        memcpy(fill, head, n_words * sizeof *fill);
        for (size_t i = 0; i < b->n_sents; i++)
            if (is_report_sent(b, &b->sents[i]))
                for (uint32_t k = 0; k < b->sents[i].n_stems; k++)
                    post[fill[b->stems[b->sents[i].stem_off + k]]++] = (uint32_t)i;
        for (size_t i = 0; i < b->n_sents; i++) stamp[i] = UINT32_MAX, rep_of[i] = c->sf[i].report;
        for (size_t r = 0; r < R; r++) best[r].stamp = UINT32_MAX, top_stamp[r] = UINT32_MAX;
    }
    for (size_t i = 0; i < b->n_sents && !st; i++) {
        if (!is_report_sent(b, &b->sents[i])) continue;
        uint64_t keys[MAX_ANCHORS];
        size_t nk = anchor_keys(b, &b->sents[i], false, keys);
        if (pc_grow(&ap, &cap_ap, n_ap + nk + 1, sizeof *ap, 64)) st = PRECIS_ENOMEM;
        for (size_t k = 0; k < nk && !st; k++) ap[n_ap++] = (anchor_post){keys[k], (uint32_t)i};
    }
    if (!st && n_ap) qsort(ap, n_ap, sizeof *ap, cmp_anchor_post);
    for (size_t i = 0; i < b->n_sents && !st; i++) {
        const pst_sent *s = &b->sents[i];
        if (!is_report_sent(b, s)) continue;
        size_t nc = 0;
        uint32_t own_first = b->docs[s->doc].sent_first, own_end = b->docs[s->doc].sent_end;
        /* later sentences this one finds by its anchors (a key more than
         * ANCHOR_POSTINGS_MAX sentences share is no anchor) */
        uint64_t keys[MAX_ANCHORS];
        size_t nk = anchor_keys(b, s, true, keys);
        for (size_t k = 0; k < nk; k++) {
            size_t lo, end = anchor_range(ap, n_ap, keys[k], &lo);
            if (end - lo > ANCHOR_POSTINGS_MAX) continue;
            for (size_t p = lo; p < end; p++) {
                uint32_t t = ap[p].sent;
                if (t <= i || b->sents[t].doc == s->doc || stamp[t] == i) continue;
                stamp[t] = (uint32_t)i, cand[nc++] = t, acc_w[t] = 0, acc_n[t] = 0, acc_p[t] = 0;
            }
        }
        /* earlier sentences that found this one by theirs: one of their
         * lookup keys is an index key of this one */
        uint64_t own[MAX_ANCHORS], near[3 * MAX_ANCHORS];
        uint8_t n_near[MAX_ANCHORS];
        size_t no = anchor_keys_near(b, s, own, near, n_near);
        for (size_t k = 0; k < no; k++) {
            size_t lo0, end0 = anchor_range(ap, n_ap, own[k], &lo0);
            if (end0 - lo0 > ANCHOR_POSTINGS_MAX) continue;
            for (size_t m = 0; m < n_near[k]; m++) {
                size_t lo, end = anchor_range(ap, n_ap, near[3 * k + m], &lo);
                for (size_t p = lo; p < end && ap[p].sent < i; p++) {
                    uint32_t t = ap[p].sent;
                    if (b->sents[t].doc == s->doc || stamp[t] == i) continue;
                    uint64_t tk[MAX_ANCHORS];
                    size_t ntk = anchor_keys(b, &b->sents[t], true, tk);
                    bool finds = false;
                    for (size_t q = 0; q < ntk && !finds; q++) finds = tk[q] == own[k];
                    if (!finds) continue;
                    stamp[t] = (uint32_t)i, cand[nc++] = t, acc_w[t] = 0, acc_n[t] = 0, acc_p[t] = 0;
                }
            }
        }
        /* Postings are in sentence order and a doc's sentences are contiguous:
         * this doc's own are one run, skipped at once. */
        for (uint32_t k = 0; k < s->n_stems; k++) {
            uint32_t w = b->stems[s->stem_off + k];
            for (uint32_t p = head[w]; p < head[w + 1]; p++) {
                uint32_t t = post[p];
                if (t >= own_first && t < own_end) {
                    uint32_t lo = p, hi = head[w + 1]; /* past this doc's postings */
                    while (lo < hi) {
                        uint32_t mid = lo + (hi - lo) / 2;
                        if (post[mid] < own_end) lo = mid + 1;
                        else hi = mid;
                    }
                    p = lo - 1;
                    continue;
                }
                if (stamp[t] != i) stamp[t] = (uint32_t)i, cand[nc++] = t, acc_w[t] = 0, acc_n[t] = 0, acc_p[t] = 0;
                acc_w[t] += b->weight[w];
                acc_p[t] += c->pw[w];
                acc_n[t]++;
            }
        }
        if (nc > MAX_CANDIDATES) {
            /* The cap. First each other report's PER_REPORT likeliest (a fact is
             * told once or twice in a report: a sentence of many alike reports
             * needs its best few in each, not a thousand), then, if still over,
             * those sharing the most weight; kept in their order. */
            size_t kept0 = nc;
            for (size_t k = 0; k < nc; k++) {
                rank[k] = (cand_rank){acc_w[cand[k]], cand[k], (uint32_t)k};
                uint32_t r = rep_of[cand[k]], *slot = top + (size_t)r * PER_REPORT;
                if (top_stamp[r] != i) top_stamp[r] = (uint32_t)i, top_n[r] = 0;
                /* insertion into the report's few, best first */
                uint32_t m = top_n[r] < PER_REPORT ? top_n[r]++ : PER_REPORT;
                while (m > 0 && cmp_cand_rank(&rank[k], &rank[slot[m - 1]]) < 0) {
                    if (m < PER_REPORT) slot[m] = slot[m - 1];
                    m--;
                }
                if (m < PER_REPORT) slot[m] = (uint32_t)k;
            }
            size_t kept = 0;
            for (size_t k = 0; k < nc; k++) {
                uint32_t r = rep_of[cand[k]];
                if (top_stamp[r] == i) {
                    for (uint32_t m = 0; m < top_n[r]; m++) chosen[top[(size_t)r * PER_REPORT + m]] = 1;
                    top_stamp[r] = UINT32_MAX - 1; /* marked once */
                }
            }
            for (size_t k = 0; k < nc; k++)
                if (chosen[k]) rank[kept] = rank[k], rank[kept].k = (uint32_t)kept, cand[kept++] = cand[k];
            for (size_t k = 0; k < nc; k++) chosen[k] = 0;
            nc = kept;
            if (nc > MAX_CANDIDATES) {
                select_first(rank, nc, MAX_CANDIDATES);
                /* back in their place order: marked and walked, not sorted */
                for (size_t k = 0; k < MAX_CANDIDATES; k++) chosen[rank[k].k] = 1;
                kept = 0;
                for (size_t k = 0; k < nc; k++)
                    if (chosen[k]) chosen[k] = 0, cand[kept++] = cand[k];
                nc = kept;
            }
            c->capped_sents++;
            c->capped_pairs += kept0 - nc;
        }
        size_t n_touched = 0;
        for (size_t k = 0; k < nc && !st; k++) {
            uint32_t t = cand[k], lo = (uint32_t)i < t ? (uint32_t)i : t, hi = (uint32_t)i < t ? t : (uint32_t)i;
            uint32_t shared = acc_n[t];
            double ov = overlap_fast(c, lo, hi, acc_w[t], &shared);
            /* dated far apart: no fact of one is the other's, nor a rival to its partner */
            bool far = far_apart(&c->sf[lo], &c->sf[hi]);
            /* a pair found by its anchors alone is never aligned by words */
            bool strong = acc_n[t] > 0 && same_fact_fast(c, lo, hi, ov, shared) && !far;
            uint32_t pn;
            double psd = para_score_of(c, lo, hi, acc_p[t], acc_n[t], &pn, NULL);
            float ps = (float)psd; /* the mutual-best pass compares them as floats */
            if (strong || (psd >= COMPETE_FLOOR && !far)) {
                uint32_t r = c->sf[t].report;
                rep_best *e = &best[r];
                bool q = !strong &&
                         ((pn >= MUTUAL_SHARED &&
                           (ps >= MUTUAL_BAR || (ps >= WEAK_BAR && c->sf[lo].anchor_kinds == c->sf[hi].anchor_kinds))) ||
                          (pn == 1 && ps >= MUTUAL_BAR && shares_figure(c, &c->sf[lo], &c->sf[hi])));
                if (e->stamp != i) {
                    *e = (rep_best){(uint32_t)i, t, (uint32_t)k, ps, -1, NO_SENT, NO_SENT, -1, -1, q};
                    touched[n_touched++] = r;
                } else if (ps > e->score || (ps == e->score && t < e->to)) {
                    e->s3 = e->s2, e->s2 = e->next, e->r2 = e->r1, e->r1 = e->to;
                    e->next = e->score, e->to = t, e->k = (uint32_t)k, e->score = ps, e->qualifies = q;
                } else if (ps > e->next) {
                    e->s3 = e->s2, e->s2 = e->next, e->r2 = e->r1;
                    e->next = ps, e->r1 = t;
                } else if (ps > e->s2) {
                    e->s3 = e->s2, e->s2 = ps, e->r2 = t;
                } else if (ps > e->s3) {
                    e->s3 = ps;
                }
            }
            if (t < i) continue; /* the rest is the finder's */
            if (!strong) {
                /* Measurements are rare: two sentences with a distance, a share
                 * or a sum and a few words in common are compared for it alone
                 * ("53 miles" vs "20 kilometres" from the border). */
                if (ov >= LOOSE_OVERLAP && shared >= 3 && same_measure(b, s, &b->sents[t])) {
                    if (pc_grow(&c->loose, &c->cap_loose, 2 * (c->n_loose + 1), sizeof *c->loose, 64)) {
                        st = PRECIS_ENOMEM;
                        break;
                    }
                    c->loose[2 * c->n_loose] = (uint32_t)i;
                    c->loose[2 * c->n_loose + 1] = t;
                    c->n_loose++;
                }
                continue;
            }
            st = add_match(c, (uint32_t)i, t);
        }
        /* this sentence's clear best in each report (by a margin over the next there) */
        for (size_t m = 0; m < n_touched && !st; m++) {
            const rep_best *e = &best[touched[m]];
            if (!e->qualifies) continue;
            if (pc_grow(&c->held, &c->cap_held, c->n_held + 1, sizeof *c->held, 64)) {
                st = PRECIS_ENOMEM;
                break;
            }
            c->held[c->n_held++] = (held){(uint32_t)i, e->to, e->r1, e->r2, e->score, e->next, e->s2, e->s3};
            if (!(e->next < 0 || e->score >= MUTUAL_MARGIN * e->next)) continue;
            if (pc_grow(&picks, &cap_picks, n_picks + 1, sizeof *picks, 64)) {
                st = PRECIS_ENOMEM;
                break;
            }
            picks[n_picks++] = e->to > i ? (pick){(uint32_t)i, e->to, e->k} : (pick){e->to, (uint32_t)i, UINT32_MAX};
        }
    }
    /* Paraphrase shares fewer words than copy: a weaker pair (para_score >=
     * MUTUAL_BAR) is the same fact when each sentence is the other's best
     * match in the other's report, by a margin over the next (two reports of
     * one story tell many of the same facts, so the clear best match of a
     * sentence that has one is its paraphrase; a fact told by one report
     * alone has no partner that picks it back, and a sentence of a long
     * article with several half-matches there has no clear best). Down to
     * WEAK_BAR when the two anchor alike: a weak pair of which one gives a
     * figure or a day of a kind the other lacks ("Shares in Lennvale Freight
     * fell 6 percent" / "a spokeswoman for Lennvale Freight said ...") shares
     * a name, not a fact. Aligned in the order the pairs were found. */
    if (!st && n_picks) {
        qsort(picks, n_picks, sizeof *picks, cmp_pick);
        size_t nm = 0;
        for (size_t k = 0; k + 1 < n_picks; k++)
            if (picks[k].lo == picks[k + 1].lo && picks[k].hi == picks[k + 1].hi) picks[nm++] = picks[k], k++;
        qsort(picks, nm, sizeof *picks, cmp_pick_order);
        for (size_t k = 0; k < nm && !st; k++) st = add_match(c, picks[k].lo, picks[k].hi);
    }
    free(head), free(post), free(stamp), free(cand), free(acc_w), free(acc_n), free(acc_p), free(chosen);
    free(best), free(touched), free(rank), free(fill), free(picks), free(ap);
    free(top), free(top_stamp), free(top_n), free(rep_of);
    return st;
}

/* The aligned pairs as lists per sentence, so that a sentence's partners are
 * found without scanning every pair (told_through_others asks per fact and
 * source: a scan made a 300-article story take seconds). */
static precis_status index_matches(cov *c)
{
    size_t n = c->b->n_sents;
    c->adj_off = calloc(n + 2, sizeof *c->adj_off);
    c->adj = malloc((2 * c->n_match + 1) * sizeof *c->adj);
    if (!c->adj_off || !c->adj) return PRECIS_ENOMEM;
    for (size_t m = 0; m < 2 * c->n_match; m++) c->adj_off[c->match[m] + 2]++;
    for (size_t i = 0; i < n; i++) c->adj_off[i + 2] += c->adj_off[i + 1];
    for (size_t m = 0; m < c->n_match; m++) { /* adj_off[i + 1] is i's fill point */
        uint32_t a = c->match[2 * m], b = c->match[2 * m + 1];
        c->adj[c->adj_off[a + 1]++] = b;
        c->adj[c->adj_off[b + 1]++] = a;
    }
    return PRECIS_OK;
}

/* Is x aligned with a sentence of i's report other than i? Then x tells that
 * one: taken, no rival for i's partner there. */
static bool taken(const cov *c, uint32_t x, uint32_t i)
{
    for (size_t m = c->adj_off[x]; m < c->adj_off[x + 1]; m++)
        if (c->adj[m] != i && c->sf[c->adj[m]].report == c->sf[i].report) return true;
    return false;
}

/* Is h's best, once the rivals taken are left out, still clear: not taken
 * itself, and over the next rival not taken by MUTUAL_MARGIN? */
static bool clear_untaken(const cov *c, const held *h)
{
    if (taken(c, h->to, h->from)) return false;
    double next = h->s3;
    if (h->s1 < 0) next = -1;
    else if (!taken(c, h->r1, h->from)) next = h->s1;
    else if (h->s2 < 0) next = -1;
    else if (h->r2 != NO_SENT && !taken(c, h->r2, h->from)) next = h->s2;
    return next < 0 || h->score >= MUTUAL_MARGIN * next;
}

/* The second look: a qualifying pair whose margin failed because a rival
 * was there that the first pass aligned with another sentence of the finder's
 * own report ("The yard held around 25,000 tyres" against "Fire destroyed much
 * of the Crossgill tyre recycling yard", which is the other report's lead, told
 * by the finder's lead): each report tells a fact once, so a rival so taken
 * tells another fact and is left out of the margin. Mutual, as the first
 * pass; the taken are the first pass's alone, so the order of the pairs does
 * not matter. */
static precis_status second_look(cov *c)
{
    if (!c->n_held) return PRECIS_OK;
    qsort(c->held, c->n_held, sizeof *c->held, cmp_held);
    uint32_t *add = NULL;
    size_t n_add = 0, cap_add = 0;
    precis_status st = PRECIS_OK;
    for (size_t k = 0; k < c->n_held && !st; k++) {
        const held *h = &c->held[k];
        if (h->from > h->to) continue;
        held key = {.from = h->to, .to = h->from};
        const held *r = bsearch(&key, c->held, c->n_held, sizeof *c->held, cmp_held);
        if (!r) continue;
        bool already = false;
        for (size_t m = c->adj_off[h->from]; m < c->adj_off[h->from + 1] && !already; m++) already = c->adj[m] == h->to;
        if (already || !clear_untaken(c, h) || !clear_untaken(c, r)) continue;
        if (pc_grow(&add, &cap_add, 2 * (n_add + 1), sizeof *add, 64)) {
            st = PRECIS_ENOMEM;
            break;
        }
        add[2 * n_add] = h->from, add[2 * n_add + 1] = h->to, n_add++;
    }
    for (size_t k = 0; k < n_add && !st; k++) st = add_match(c, add[2 * k], add[2 * k + 1]);
    free(add);
    if (st || !n_add) return st;
    free(c->adj_off), free(c->adj);
    c->adj_off = NULL, c->adj = NULL;
    return index_matches(c);
}

/* Does article d tell fact f through others: a sentence of d aligned with
 * sentences of at least two other reports that are aligned with f? Alignment
 * is not transitive: a lead that tells the grounding and the rescue lines up
 * with three reports' leads but not with the fourth's, which adds the
 * fishermen; the source has not left the grounding out. */
static bool told_through_others(const cov *c, uint32_t f, uint32_t d)
{
    const pst_build *b = c->b;
    uint32_t via[2];
    size_t n_via = 0;
    for (size_t m = c->adj_off[f]; m < c->adj_off[f + 1] && n_via < 2; m++) {
        uint32_t y = c->adj[m];
        uint32_t ry = c->indep[b->sents[y].doc];
        if (b->sents[y].doc == d || ry == c->indep[d] || (n_via && via[0] == ry)) continue;
        /* y, told by another report, lines up with a sentence of d */
        bool hit = false;
        for (size_t q = c->adj_off[y]; q < c->adj_off[y + 1] && !hit; q++) hit = b->sents[c->adj[q]].doc == d;
        if (hit) via[n_via++] = ry;
    }
    return n_via >= 2;
}

/* Does article d have a sentence close to fact f (a paraphrase score that
 * mutual-best alignment would take, whether or not it was the best)? Then d
 * may tell it in other words: not an omission to report. A sentence of d
 * aligned with another sentence of f's report tells that one ("Some 900 dock
 * workers ... stopped work" is the strike, not "the union is demanding a 9
 * percent pay rise" it shares "union" and "pay" with): no evidence for f. */
static bool near_in_doc(const cov *c, uint32_t f, uint32_t d)
{
    const pst_build *b = c->b;
    for (uint32_t t = b->docs[d].sent_first; t < b->docs[d].sent_end; t++) {
        if (!is_report_sent(b, &b->sents[t])) continue;
        uint32_t n, an;
        double sc = para_score(c, f, t, &n, &an);
        /* a figure or day of the fact there is evidence enough for caution */
        if (sc < NEAR_BAR || (n < MUTUAL_SHARED && !an)) continue;
        bool elsewhere = false;
        for (size_t m = c->adj_off[t]; m < c->adj_off[t + 1] && !elsewhere; m++)
            elsewhere = b->sents[c->adj[m]].doc == b->sents[f].doc && c->adj[m] != f;
        if (!elsewhere) return true;
    }
    return false;
}

/* Weighted share of s's words that article d uses anywhere. */
static double contained_in_doc(const pst_build *b, const pst_sent *s, uint32_t d)
{
    const uint32_t *v = b->stems + s->stem_off, *w = b->stems + b->docs[d].stem_off;
    size_t i = 0, j = 0;
    double hit = 0;
    while (i < s->n_stems && j < b->docs[d].n_stems) {
        if (v[i] < w[j]) i++;
        else if (v[i] > w[j]) j++;
        else hit += b->weight[v[i]], i++, j++;
    }
    return s->weight > 0 ? hit / s->weight : 0;
}

/* Documents of each word (reports only), for the best containment of a
 * sentence in another report without walking every report's words. */
typedef struct doc_index {
    uint32_t *head, *post;
    double *acc;
    uint32_t *stamp;
} doc_index;

static precis_status doc_index_build(const cov *c, doc_index *x)
{
    const pst_build *b = c->b;
    size_t nw = b->n_words, total = 0;
    x->head = calloc(nw + 1, sizeof *x->head);
    x->acc = calloc(b->n_indep ? b->n_indep : 1, sizeof *x->acc);
    x->stamp = malloc((b->n_indep ? b->n_indep : 1) * sizeof *x->stamp);
    if (!x->head || !x->acc || !x->stamp) return PRECIS_ENOMEM;
    for (size_t r = 0; r < b->n_indep; r++) {
        const pst_sdoc *d = &b->docs[c->report_doc[r]];
        for (uint32_t k = 0; k < d->n_stems; k++) x->head[b->stems[d->stem_off + k] + 1]++;
        total += d->n_stems;
        x->stamp[r] = UINT32_MAX;
    }
    for (size_t w = 0; w < nw; w++) x->head[w + 1] += x->head[w];
    x->post = malloc((total ? total : 1) * sizeof *x->post);
    uint32_t *fill = malloc((nw ? nw : 1) * sizeof *fill);
    if (!x->post || !fill) {
        free(fill);
        return PRECIS_ENOMEM;
    }
    memcpy(fill, x->head, nw * sizeof *fill);
    for (size_t r = 0; r < b->n_indep; r++) {
        const pst_sdoc *d = &b->docs[c->report_doc[r]];
        for (uint32_t k = 0; k < d->n_stems; k++) x->post[fill[b->stems[d->stem_off + k]]++] = (uint32_t)r;
    }
    free(fill);
    return PRECIS_OK;
}

static void doc_index_free(doc_index *x)
{
    free(x->head);
    free(x->post);
    free(x->acc);
    free(x->stamp);
}

/* The largest weighted share of s's words that one other report uses. */
static double best_containment(const cov *c, doc_index *x, uint32_t si, uint32_t own)
{
    const pst_build *b = c->b;
    const pst_sent *s = &b->sents[si];
    double best = 0;
    for (uint32_t k = 0; k < s->n_stems; k++) {
        uint32_t w = b->stems[s->stem_off + k];
        for (uint32_t p = x->head[w]; p < x->head[w + 1]; p++) {
            uint32_t r = x->post[p];
            if (r == own) continue;
            if (x->stamp[r] != si) x->stamp[r] = si, x->acc[r] = 0;
            x->acc[r] += b->weight[w];
            if (x->acc[r] > best) best = x->acc[r];
        }
    }
    return s->weight > 0 ? best / s->weight : 0;
}

static precis_status put_text(pc_buf *o, const pst_build *b, const pst_sent *s)
{
    return pst_json_sentence(o, b->docs[s->doc].a->text + s->start, s->end - s->start);
}

/* ---- conflicts ---------------------------------------------------------------- */

typedef enum ckind { C_FIGURE, C_DISTANCE, C_PERCENT, C_MONEY, C_DATE, C_NAME, C_SPELLING } ckind;
/* a spelling is listed apart ("spellings"), with kind "name" */
static const char *const CKIND[] = {"figure", "distance", "percent", "money", "date", "name", "name"};

typedef struct claim {
    double value;      /* figure, metres, day number; names: 0 */
    uint32_t sent;
    uint32_t vs, ve;   /* the value as printed: span in the article text */
} claim;

/* An edge per disagreeing aligned pair: a story of 100 alike reports makes
 * millions, so it is kept small (72 bytes; 136 with the texts it names
 * copied in). */
typedef struct conflict_edge {
    uint64_t about;    /* hash of what it is about (a figure's counted stem, a
                          spelling's skeleton) | 1; 0: nothing */
    claim a, b;
    uint32_t about_word; /* what is printed as "about": a figure's quantity
                            (its word), a name's (its role); UINT32_MAX: "" */
    uint32_t group;
    uint8_t kind;      /* ckind */
} conflict_edge;

static uint64_t about_hash(const char *s, size_t cap)
{
    size_t n = strnlen(s, cap - 1); /* as a copy into char[cap] cut it */
    return n ? XXH3_64bits(s, n) | 1 : 0;
}

static bool close_enough(double x, double y, int hedged, ckind k)
{
    double tol = k == C_FIGURE ? 0 : 0.1; /* conversions round: "53 miles" is "85 km" */
    /* one estimate against an exact figure ("about 200" / "212") is the same;
     * two estimates that differ are two estimates ("about 1,200" / "about
     * 1,500"): each already rounds, so only the conversion slack is left */
    if (hedged == 1) tol = 0.25;
    else if (hedged == 2) tol = 0.1;
    double m = fabs(x) > fabs(y) ? fabs(x) : fabs(y);
    return fabs(x - y) <= tol * m + 1e-9;
}

static ckind kind_of(pst_qkind q)
{
    switch (q) {
    case PST_Q_DISTANCE: return C_DISTANCE;
    case PST_Q_PERCENT: return C_PERCENT;
    case PST_Q_MONEY: return C_MONEY;
    default: return C_FIGURE;
    }
}

/* The telling words around a figure: up to three content-word stems on each
 * side within its sentence. Two figures are about the same thing only if
 * they share one ("Anwar, 51" and "Mahathir, 72" do not). */
#define CTX_SIDE 3
typedef struct qctx {
    char w[2 * CTX_SIDE][PT_WORD_MAX + 1];
    size_t n;
} qctx;

static bool number_like(const char *w)
{
    static const char *const N[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                    "ten", "hundred", "thousand", "million", "billion", "dozen"};
    if (w[0] >= '0' && w[0] <= '9') return true;
    for (size_t i = 0; i < sizeof N / sizeof *N; i++)
        if (!strcmp(N[i], w)) return true;
    return false;
}

static void figure_context(const pst_build *b, const pst_sent *s, const pst_quantity *q, qctx *c)
{
    const char *text = b->docs[s->doc].a->text;
    size_t pos = s->start, ws, we;
    char before[CTX_SIDE][PT_WORD_MAX + 1];
    size_t nb = 0, na = 0;
    c->n = 0;
    while (pt_next_word(text, s->end, &pos, &ws, &we)) {
        if (we > q->start && ws < q->end) continue; /* the figure and its unit */
        char norm[PT_WORD_MAX + 1];
        size_t nl = pt_normalize(text + ws, we - ws, norm);
        if (!nl || pt_is_stopword(b->lang, norm, nl) || number_like(norm)) continue;
        size_t sn;
        const char *stem = pt_stem(b->lang, norm, nl, &sn);
        if (sn > PT_WORD_MAX) sn = PT_WORD_MAX;
        if (we <= q->start) { /* keep the last three before it */
            if (nb == CTX_SIDE) memmove(before[0], before[1], sizeof before[0] * (CTX_SIDE - 1)), nb--;
            memcpy(before[nb], stem, sn);
            before[nb++][sn] = 0;
        } else if (na < CTX_SIDE) {
            memcpy(c->w[c->n], stem, sn);
            c->w[c->n++][sn] = 0;
            na++;
        } else {
            break;
        }
    }
    for (size_t i = 0; i < nb; i++) memcpy(c->w[c->n++], before[i], sizeof before[i]);
}

/* The words around every figure of the story, found once (they were found
 * again for both sentences of every pair compared: the cost of a story of
 * many figure-heavy reports). Each stem is kept as text, with a hash to
 * compare first. */
typedef struct fig_ctx {
    uint64_t h[2 * CTX_SIDE];   /* the stem's id (c->ctx_ids): equal ids, equal stems */
    uint32_t off[2 * CTX_SIDE]; /* the stem at c->ctx_text + off */
    uint8_t n;
    uint8_t unit; /* bit i: word i names the kind ("percent", "dollars"), not the thing */
} fig_ctx;

typedef struct ctx_probe {
    const cov *c;
    const char *w;
} ctx_probe;

static bool same_ctx_text(const void *ctx, uint32_t id)
{
    const ctx_probe *p = ctx;
    return !strcmp(p->c->ctx_text + p->c->ctx_id_off[id], p->w);
}

static precis_status figure_contexts(cov *c)
{
    static const char *const UNIT[] = {"cent", "dollar", "euro", "per", "percent", "pound", "prozent"};
    const pst_build *b = c->b;
    c->fctx = calloc(b->n_quants ? b->n_quants : 1, sizeof *c->fctx);
    if (!c->fctx) return PRECIS_ENOMEM;
    for (size_t i = 0; i < b->n_sents; i++) {
        const pst_sent *s = &b->sents[i];
        for (uint32_t k = 0; k < s->n_q; k++) {
            qctx x;
            figure_context(b, s, &b->quants[s->q_off + k], &x);
            fig_ctx *f = &c->fctx[s->q_off + k];
            f->n = (uint8_t)x.n;
            for (size_t w = 0; w < x.n; w++) {
                size_t len = strlen(x.w[w]);
                if (pc_grow(&c->ctx_text, &c->cap_ctx_text, c->n_ctx_text + len + 1, 1, 4096)) return PRECIS_ENOMEM;
                f->off[w] = (uint32_t)c->n_ctx_text;
                memcpy(c->ctx_text + c->n_ctx_text, x.w[w], len + 1);
                c->n_ctx_text += len + 1;
                uint64_t h = XXH3_64bits(x.w[w], len);
                ctx_probe pr = {c, x.w[w]};
                uint32_t id = pc_map_get(&c->ctx_ids, h, same_ctx_text, &pr);
                if (id == PC_MAP_NONE) {
                    id = (uint32_t)c->n_ctx_ids;
                    if (pc_grow(&c->ctx_id_off, &c->cap_ctx_ids, c->n_ctx_ids + 1, sizeof *c->ctx_id_off, 64))
                        return PRECIS_ENOMEM;
                    c->ctx_id_off[c->n_ctx_ids++] = f->off[w];
                    precis_status st = pc_map_add(&c->ctx_ids, h, id);
                    if (st) return st;
                }
                f->h[w] = id;
                for (size_t u = 0; u < sizeof UNIT / sizeof *UNIT; u++)
                    if (!strcmp(x.w[w], UNIT[u])) f->unit |= (uint8_t)(1u << w);
            }
        }
    }
    return PRECIS_OK;
}

static const fig_ctx *ctx_of(const cov *c, const pst_quantity *q) { return &c->fctx[q - c->b->quants]; }

static bool same_ctx_word(const cov *c, const fig_ctx *x, size_t i, const fig_ctx *y, size_t j)
{
    (void)c;
    return x->h[i] == y->h[j]; /* one id per distinct stem */
}

static bool share_context(const cov *c, const pst_quantity *qs, const pst_quantity *qt, size_t need)
{
    const fig_ctx *x = ctx_of(c, qs), *y = ctx_of(c, qt);
    size_t shared = 0;
    for (size_t i = 0; i < x->n; i++)
        for (size_t j = 0; j < y->n; j++)
            if (same_ctx_word(c, x, i, y, j)) {
                shared++;
                break;
            }
    return shared >= need;
}

/* Do the words around figures p and q share one that is not the unit itself
 * ("percent", "dollars": the kind says that much)? */
static bool rival_context(const cov *c, const pst_quantity *p, const pst_quantity *q)
{
    const fig_ctx *x = ctx_of(c, p), *y = ctx_of(c, q);
    for (size_t i = 0; i < x->n; i++) {
        if (x->unit >> i & 1) continue;
        for (size_t j = 0; j < y->n; j++)
            if (same_ctx_word(c, x, i, y, j)) return true;
    }
    return false;
}

/* Reports that disagree on a count are off by a little (11 or 14 hurt, 200 or
 * 212 aboard); counts far apart are about different things ("212 on board",
 * "14 treated"), so they are no conflict. */
static bool rival_counts(double a, double b)
{
    if (a <= 0 || b <= 0) return false;
    double hi = a > b ? a : b, lo = a > b ? b : a;
    return hi <= 3 * lo;
}

/* Does a third report, aligned with si, give q's figure too? Then q is what
 * the reports of that fact say, and a different figure in another aligned
 * sentence rivals it (on long wire copy a pair aligned alone is often a
 * topical neighbour: "25 members ... invited" / "A simple majority of 63
 * members"). */
static bool corroborated(const cov *c, uint32_t si, const pst_quantity *q, uint32_t ti)
{
    const pst_build *b = c->b;
    uint32_t rs = c->indep[b->sents[si].doc], rt = c->indep[b->sents[ti].doc];
    for (size_t k = c->adj_off[si]; k < c->adj_off[si + 1]; k++) {
        const pst_sent *u = &b->sents[c->adj[k]];
        uint32_t ru = c->indep[u->doc];
        if (ru == rs || ru == rt) continue;
        for (uint32_t j = 0; j < u->n_q; j++) {
            const pst_quantity *p = &b->quants[u->q_off + j];
            if (p->kind == q->kind && close_enough(p->value, q->value, 0, kind_of(q->kind)) &&
                (q->kind != PST_Q_COUNT || !q->unit[0] || !p->unit[0] || same_unit(c, u->q_off + j, (uint32_t)(q - b->quants))))
                return true;
        }
    }
    return false;
}

static bool names_apart(const cov *c, uint32_t i, uint32_t j);

static precis_status push_edge(conflict_edge **v, size_t *n, size_t *cap, conflict_edge e)
{
    if (pc_grow(v, cap, *n + 1, sizeof **v, 64)) return PRECIS_ENOMEM;
    (*v)[(*n)++] = e;
    return PRECIS_OK;
}

/* Figures of an aligned pair: equal ones agree; what is left over of one kind
 * (one on each side, or the same counted word) disagrees. */
static precis_status compare_figures(const cov *c, uint32_t si, uint32_t ti, bool loose,
                                     conflict_edge **v, size_t *n, size_t *cap)
{
    const pst_build *b = c->b;
    const pst_sent *s = &b->sents[si], *t = &b->sents[ti];
    if (!s->n_q || !t->n_q) return PRECIS_OK;
    /* sentences that say nearly the same need less to show two figures are
     * about the same thing */
    int strong = loose ? 0 : -1; /* -1: not worked out yet (most pairs never need it) */
    const pst_quantity *qs = b->quants + s->q_off, *qt = b->quants + t->q_off;
    bool used_s[32] = {0}, used_t[32] = {0};
    for (uint32_t i = 0; i < s->n_q; i++)
        for (uint32_t j = 0; j < t->n_q; j++)
            if (!used_t[j] && qs[i].kind == qt[j].kind &&
                close_enough(qs[i].value, qt[j].value, (int)qs[i].hedged + (int)qt[j].hedged, kind_of(qs[i].kind))) {
                used_s[i] = used_t[j] = true;
                break;
            }
    for (int k = PST_Q_COUNT; k <= PST_Q_MONEY; k++) {
        uint32_t ls = UINT32_MAX, lt = UINT32_MAX, cs = 0, ct = 0;
        for (uint32_t i = 0; i < s->n_q; i++)
            if (!used_s[i] && (int)qs[i].kind == k) ls = i, cs++;
        for (uint32_t j = 0; j < t->n_q; j++)
            if (!used_t[j] && (int)qt[j].kind == k) lt = j, ct++;
        if (!cs || !ct) continue;
        /* Same counted word first ("14 passengers" vs "11 passengers"). */
        for (uint32_t i = 0; i < s->n_q; i++) {
            if (used_s[i] || (int)qs[i].kind != k || !qs[i].unit[0]) continue;
            for (uint32_t j = 0; j < t->n_q; j++) {
                if (used_t[j] || (int)qt[j].kind != k || !same_unit(c, s->q_off + i, t->q_off + j)) continue;
                if (k == PST_Q_COUNT && !rival_counts(qs[i].value, qt[j].value)) continue;
                /* the same counted word is not enough ("218 votes" in the House,
                 * "67 votes" in the Senate): something else is said of both */
                if (strong < 0) strong = pst_overlap(b, s, t, NULL) >= STRONG_OVERLAP;
                if (!share_context(c, &qs[i], &qt[j], strong ? 1 : 2)) continue;
                used_s[i] = used_t[j] = true;
                conflict_edge e = {.kind = (uint8_t)kind_of(qs[i].kind)};
                e.about = c->qf[s->q_off + i].unit;
                e.about_word = (uint32_t)(s->q_off + i);
                e.a = (claim){qs[i].value, si, (uint32_t)qs[i].start, (uint32_t)qs[i].end};
                e.b = (claim){qt[j].value, ti, (uint32_t)qt[j].start, (uint32_t)qt[j].end};
                precis_status st = push_edge(v, n, cap, e);
                if (st) return st;
                cs--, ct--;
                break;
            }
        }
        if (cs != 1 || ct != 1) continue;
        for (uint32_t i = 0; i < s->n_q; i++)
            if (!used_s[i] && (int)qs[i].kind == k) ls = i;
        for (uint32_t j = 0; j < t->n_q; j++)
            if (!used_t[j] && (int)qt[j].kind == k) lt = j;
        /* One figure left on each side: the same thing if the words around
         * the two share two. Sentences aligned as one fact tell it with other
         * words around the figure ("The yard held around 25,000 tyres" / "The
         * site had about 40,000 tyres in stock"; "It fell about 30 metres" /
         * "The vehicle dropped around 60 metres"): when a third report gives
         * one side's figure and neither sentence names what the other does
         * not, the counted word of large counts or the kind of a distance
         * says what is measured, and two counted words of large counts
         * ("46 containers" / "64 boxes") may be one thing told two ways.
         * Counts below ten count many things in one story ("two beaches"
         * ashore, "Four beaches" shut), and durations are no fact counted. */
        if (k == PST_Q_COUNT && !rival_counts(qs[ls].value, qt[lt].value)) continue;
        bool counted = k == PST_Q_COUNT && qs[ls].unit[0] && qt[lt].unit[0];
        bool same = counted && same_unit(c, s->q_off + ls, t->q_off + lt);
        bool things = counted && !time_unit(&qs[ls]) && !time_unit(&qt[lt]) &&
                      qs[ls].value >= MIN_LONE_COUNT && qt[lt].value >= MIN_LONE_COUNT;
        bool rivals = !loose && (things || k == PST_Q_DISTANCE) && !names_apart(c, si, ti) &&
                      (corroborated(c, si, &qs[ls], ti) || corroborated(c, ti, &qt[lt], si));
        if (counted && !same && !rivals) continue;
        size_t need = rivals && (same || k == PST_Q_DISTANCE) ? 0 : 2;
        if (need && !share_context(c, &qs[ls], &qt[lt], need)) continue;
        conflict_edge e = {.kind = (uint8_t)kind_of((pst_qkind)k)};
        e.about = qs[ls].unit[0] ? c->qf[s->q_off + ls].unit : c->qf[t->q_off + lt].unit;
        e.about_word = qs[ls].unit[0] ? s->q_off + ls : t->q_off + lt;
        e.a = (claim){qs[ls].value, si, (uint32_t)qs[ls].start, (uint32_t)qs[ls].end};
        e.b = (claim){qt[lt].value, ti, (uint32_t)qt[lt].start, (uint32_t)qt[lt].end};
        precis_status st = push_edge(v, n, cap, e);
        if (st) return st;
    }
    return PRECIS_OK;
}

/* Capitalised words after the first of a sentence: the names it gives. */
typedef struct nameword {
    size_t s, e;
    char norm[PT_WORD_MAX + 1];
    char role[PT_WORD_MAX + 1]; /* the lower-case word (or abbreviated title) before the
                                   capitalised run the word is in ("skipper" of "skipper
                                   Tom Hale"), "" when the run opens the sentence */
    uint32_t pos;               /* place in that run: "Hale" 1 */
    uint64_t prefix;            /* hash of the run's words before it */
    uint32_t run, run_len;      /* which run of the sentence; its names listed here */
    char stem[PT_WORD_MAX + 1]; /* norm's stem (cut to PT_WORD_MAX), for variant */
    size_t stem_n;              /* its length before the cut */
    char skel[2][41];           /* name_skeleton of norm, umlauts as e and dropped */
    bool calendar;              /* a weekday or month: a date, not a name (variant) */
    uint32_t id;                /* the same id for the same norm, story-wide */
    uint64_t role_h;            /* hash of role; 0: no role, or a stopword (no place) */
    uint64_t skel_h;            /* hash of skel[0] */
} nameword;

static size_t name_skeleton(const char *w, char *out, bool umlaut_e);

/* Does each of sentences i and j name something the other does not ("In
 * Rome, 1,500 Kurds massed" / "some 4,000 Kurds living in Romania")? Then
 * their figures may count two things. */
static bool names_apart(const cov *c, uint32_t i, uint32_t j)
{
    uint32_t x[2] = {i, j};
    for (int side = 0; side < 2; side++) {
        uint32_t p = x[side], q = x[1 - side];
        bool own = false;
        for (uint32_t m = c->name_off[p]; m < c->name_off[p + 1] && !own; m++) {
            if (c->names[m].calendar) continue;
            bool there = false;
            for (uint32_t r = c->name_off[q]; r < c->name_off[q + 1] && !there; r++) there = c->names[r].id == c->names[m].id;
            own = !there;
        }
        if (!own) return false;
    }
    return true;
}

static size_t name_words(const pst_build *b, const pst_sent *x, nameword *out, size_t cap)
{
    const char *text = b->docs[x->doc].a->text;
    size_t pos = x->start, ws, we, k = 0;
    bool first = true, in_run = false;
    char prev[PT_WORD_MAX + 1] = "", role[PT_WORD_MAX + 1] = "";
    uint32_t run_pos = 0, run = 0;
    uint64_t prefix = 0;
    while (k < cap && pt_next_word(text, x->end, &pos, &ws, &we)) {
        unsigned char c = (unsigned char)text[ws];
        char norm[PT_WORD_MAX + 1];
        size_t nl = pt_normalize(text + ws, we - ws, norm);
        bool cap_word = (c >= 'A' && c <= 'Z') || (c >= 0x80 && pst_capitalised(text + ws, we - ws));
        /* an abbreviated title ("Rep.", "Gen.") stands before a name like a
         * lower-case word */
        bool title = cap_word && we < x->end && text[we] == '.' && we - ws <= 4;
        bool name = cap_word && !title;
        if (name && !in_run) memcpy(role, prev, sizeof role), run_pos = 0, prefix = 0, run++;
        if (!first && name && nl >= 3 && !pt_is_stopword(b->lang, norm, nl)) {
            out[k].s = ws;
            out[k].e = we;
            memcpy(out[k].norm, norm, nl + 1);
            memcpy(out[k].role, role, sizeof role);
            out[k].pos = run_pos;
            out[k].prefix = prefix;
            out[k].run = run;
            size_t sn;
            const char *stem = pt_stem(b->lang, norm, nl, &sn);
            out[k].stem_n = sn;
            if (sn > PT_WORD_MAX) sn = PT_WORD_MAX;
            memcpy(out[k].stem, stem, sn);
            out[k].stem[sn] = 0;
            k++;
        }
        if (name) {
            prefix = XXH3_64bits_withSeed(norm, nl, prefix);
            run_pos++;
            in_run = true;
            prev[0] = 0;
        } else {
            in_run = false;
            memcpy(prev, norm, nl + 1);
        }
        first = false;
    }
    for (size_t i = 0; i < k; i++) {
        out[i].run_len = 0;
        for (size_t j = 0; j < k; j++) out[i].run_len += out[j].run == out[i].run;
    }
    return k;
}

typedef struct name_probe {
    const cov *c;
    const char *norm;
    size_t n;
} name_probe;

static bool same_name_norm(const void *ctx, uint32_t id)
{
    const name_probe *p = ctx;
    const char *w = p->c->names[p->c->id_name[id]].norm;
    return strlen(w) == p->n && !memcmp(w, p->norm, p->n);
}

/* Names of the story spelt two ways with one skeleton ("Pryce" / "Price",
 * "Duggan" / "Dugan"): one name, so one word to the paraphrase score
 * (name_spelt_alike). Marks the sentences that have such a name, so that
 * the pairs of a story without any cost nothing. */
static int cmp_u64_pair(const void *x, const void *y)
{
    const uint64_t *a = x, *b = y;
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    return (a[1] > b[1]) - (a[1] < b[1]);
}

static precis_status spelt_twice(cov *c)
{
    const pst_build *b = c->b;
    size_t n = c->name_off[b->n_sents];
    c->spelt_twice = calloc(b->n_sents ? b->n_sents : 1, 1);
    uint64_t *v = malloc((2 * c->n_ids + 2) * sizeof *v); /* (skeleton hash, id) per distinct name */
    uint8_t *twice = calloc(c->n_ids + 1, 1);
    if (!c->spelt_twice || !v || !twice) {
        free(v), free(twice);
        return PRECIS_ENOMEM;
    }
    for (size_t id = 0; id < c->n_ids; id++) v[2 * id] = c->names[c->id_name[id]].skel_h, v[2 * id + 1] = id;
    if (c->n_ids) qsort(v, c->n_ids, 2 * sizeof *v, cmp_u64_pair);
    for (size_t k = 1; k < c->n_ids; k++)
        if (v[2 * k] == v[2 * k - 2]) twice[v[2 * k + 1]] = twice[v[2 * k - 1]] = 1;
    for (size_t i = 0; i < b->n_sents; i++)
        for (uint32_t m = c->name_off[i]; m < c->name_off[i + 1] && m < n; m++)
            if (twice[c->names[m].id]) c->spelt_twice[i] = 1;
    free(v), free(twice);
    return PRECIS_OK;
}

static bool variant(const nameword *nx, const nameword *ny);

/* Do sentences i and j name one thing spelt two ways (the same skeleton,
 * not a plural or demonym of it, not a weekday)? */
static bool name_spelt_alike(const cov *c, uint32_t i, uint32_t j)
{
    for (uint32_t x = c->name_off[i]; x < c->name_off[i + 1]; x++)
        for (uint32_t y = c->name_off[j]; y < c->name_off[j + 1]; y++) {
            const nameword *a = &c->names[x], *e = &c->names[y];
            if (a->id != e->id && a->skel_h == e->skel_h && !strcmp(a->skel[0], e->skel[0]) && !variant(a, e))
                return true;
        }
    return false;
}

/* The names of every report sentence, found once (compare_names found them
 * again for both sentences of every aligned pair), each with an id per
 * distinct norm. */
static precis_status sentence_names(cov *c)
{
    const pst_build *b = c->b;
    size_t n = 0, cap = 0;
    c->name_off = calloc(b->n_sents + 1, sizeof *c->name_off);
    if (!c->name_off) return PRECIS_ENOMEM;
    for (size_t i = 0; i < b->n_sents; i++) {
        if (is_report_sent(b, &b->sents[i])) {
            if (pc_grow(&c->names, &cap, n + 24, sizeof *c->names, 256)) return PRECIS_ENOMEM;
            size_t k = name_words(b, &b->sents[i], c->names + n, 24);
            static const char *const CAL[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                              "saturday", "sunday", "january", "february", "march", "april",
                                              "may", "june", "july", "august", "september", "october",
                                              "november", "december"};
            for (size_t m = n; m < n + k; m++) { /* for spelling_variant and variant, per pair before */
                nameword *w = &c->names[m];
                size_t nl = strlen(w->norm);
                uint64_t h = XXH3_64bits(w->norm, nl);
                name_probe pr = {c, w->norm, nl};
                uint32_t id = pc_map_get(&c->name_ids, h, same_name_norm, &pr);
                if (id == PC_MAP_NONE) {
                    id = (uint32_t)c->n_ids;
                    if (pc_grow(&c->id_name, &c->cap_ids, c->n_ids + 1, sizeof *c->id_name, 64)) return PRECIS_ENOMEM;
                    c->id_name[c->n_ids++] = (uint32_t)m;
                    precis_status st = pc_map_add(&c->name_ids, h, id);
                    if (st) return st;
                }
                w->id = id;
                size_t rl = strlen(w->role);
                w->role_h = rl && !pt_is_stopword(b->lang, w->role, rl) ? XXH3_64bits(w->role, rl) | 1 : 0;
                name_skeleton(w->norm, w->skel[0], true);
                name_skeleton(w->norm, w->skel[1], false);
                w->skel_h = XXH3_64bits(w->skel[0], strlen(w->skel[0]));
                w->calendar = false;
                for (size_t q = 0; q < sizeof CAL / sizeof *CAL && !w->calendar; q++) w->calendar = !strcmp(CAL[q], w->norm);
            }
            n += k;
        }
        c->name_off[i + 1] = (uint32_t)n;
    }
    return spelt_twice(c);
}

/* Do the names of x's run and y's run share a word besides x and y ("Dale
 * Hexham" / "Neil Hexham")? */
static bool share_name_part(const nameword *v, size_t nv, const nameword *x, const nameword *w, size_t nw,
                            const nameword *y)
{
    for (size_t i = 0; i < nv; i++) {
        if (v[i].run != x->run || &v[i] == x) continue;
        for (size_t j = 0; j < nw; j++)
            if (w[j].run == y->run && &w[j] != y && !strcmp(v[i].norm, w[j].norm)) return true;
    }
    return false;
}

/* "Marine" / "Marines", "Asia" / "Asian", "Canada" / "Canadian": one word,
 * not two names; weekdays and months are dates, not names. */
static bool variant(const nameword *nx, const nameword *ny)
{
    const char *x = nx->norm, *y = ny->norm;
    if (nx->calendar || ny->calendar) return true;
    size_t lx = strlen(x), ly = strlen(y);
    /* the longer is the shorter (or it without a final vowel) plus a plural or
     * demonym ending: Marine-s, Asia-n, Canad-ian, Ital-ian, Chin-ese; of two
     * as long, either may be the shorter (Somalia / Somalis both ways) */
    static const char *const ENDINGS[] = {"s", "es", "n", "an", "ian", "ns", "ans", "ians", "ese", "i", "is", "ish"};
    for (int way = 0; way < (lx == ly ? 2 : 1); way++) {
        bool x_short = way ? false : lx <= ly;
        const char *s = x_short ? x : y, *l = x_short ? y : x;
        size_t ls = x_short ? lx : ly;
        for (int drop = 0; drop <= 1 && ls >= 4; drop++) {
            size_t keep = ls - (size_t)drop;
            if (drop && !strchr("aeiouy", s[ls - 1])) break;
            if (strncmp(s, l, keep)) continue;
            for (size_t k = 0; k < sizeof ENDINGS / sizeof *ENDINGS; k++)
                if (!strcmp(l + keep, ENDINGS[k])) return true;
        }
    }
    /* x's stem cut to PT_WORD_MAX against y's whole stem */
    return strlen(nx->stem) == ny->stem_n && !memcmp(nx->stem, ny->stem, ny->stem_n);
}

/* The normalised words of each report, sorted by hash then text, each once:
 * doc_mentions read the whole article again for every name of every aligned
 * pair. */
typedef struct doc_word {
    uint64_t h;
    uint32_t off; /* the word at c->voc_text + off */
} doc_word;

/* by hash, then place: a word's copies are neighbours unless another word
 * shares its hash, and then they are only kept twice */
static int cmp_doc_word(const void *x, const void *y)
{
    const doc_word *a = x, *b = y;
    if (a->h != b->h) return a->h < b->h ? -1 : 1;
    return (a->off > b->off) - (a->off < b->off);
}

static precis_status doc_vocab(cov *c)
{
    const pst_build *b = c->b;
    size_t n = 0, cap = 0;
    c->voc_off = calloc(b->n + 1, sizeof *c->voc_off);
    if (!c->voc_off) return PRECIS_ENOMEM;
    for (size_t d = 0; d < b->n; d++) {
        size_t first = n;
        if (pst_is_report(b, (uint32_t)d)) {
            const char *t = b->docs[d].a->text;
            size_t pos = 0, ws, we, len = b->docs[d].a->text_len;
            while (pt_next_word(t, len, &pos, &ws, &we)) {
                char w[PT_WORD_MAX + 1];
                pt_normalize(t + ws, we - ws, w);
                size_t wl = strlen(w); /* as strcmp read it */
                if (pc_grow(&c->voc, &cap, n + 1, sizeof *c->voc, 256) ||
                    pc_grow(&c->voc_text, &c->cap_voc_text, c->n_voc_text + wl + 1, 1, 4096))
                    return PRECIS_ENOMEM;
                c->voc[n++] = (doc_word){XXH3_64bits(w, wl), (uint32_t)c->n_voc_text};
                memcpy(c->voc_text + c->n_voc_text, w, wl + 1);
                c->n_voc_text += wl + 1;
            }
            if (n > first) qsort(c->voc + first, n - first, sizeof *c->voc, cmp_doc_word);
            size_t keep = first;
            for (size_t i = first; i < n; i++) {
                const doc_word *p = keep > first ? &c->voc[keep - 1] : NULL;
                if (p && p->h == c->voc[i].h && !strcmp(c->voc_text + p->off, c->voc_text + c->voc[i].off))
                    continue;
                c->voc[keep++] = c->voc[i];
            }
            n = keep;
        }
        c->voc_off[d + 1] = (uint32_t)n;
    }
    return PRECIS_OK;
}

/* Does report d use the (normalised) word norm anywhere? */
static bool doc_mentions(const cov *c, uint32_t d, const char *norm)
{
    uint64_t h = XXH3_64bits(norm, strlen(norm));
    size_t lo = c->voc_off[d], hi = c->voc_off[d + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->voc[mid].h < h) lo = mid + 1;
        else hi = mid;
    }
    for (; lo < c->voc_off[d + 1] && c->voc[lo].h == h; lo++)
        if (!strcmp(c->voc_text + c->voc[lo].off, norm)) return true;
    return false;
}

static size_t edit_distance(const char *x, const char *y)
{
    size_t n = strlen(x), m = strlen(y);
    if (n > 40 || m > 40) return 99;
    return pc_edit_distance(x, n, y, m, 40); /* exact: never over 40 */
}

/* One name spelt two ways ("Binyamin" / "Benjamin", "Bashar" / "Basahar",
 * "Carla" / "Karla", "Tilley" / "Tilly"), not two names: compared on a
 * skeleton that spells alike what transliteration and typing vary (c, k, q
 * as k; y, and j after the first letter, as i; no h after the first letter;
 * no doubled letters), the same first letter there and an edit distance that
 * grows with the length: none under 5 letters (Tom / Tim, Hale / Hall are
 * different people), 1 up to 7, 2 from 8. The consonants must agree but for
 * at most one left out, and that only from 6 letters (Chastity / Chasity):
 * "Carter" / "Carver", "Martin" / "Marvin", "Baker" / "Barker", "Okoro" /
 * "Okafor", "Dale" / "Neil" stay different names. */
#define SKEL_MAX 40
/* The ASCII letter of each Latin letter U+00C0..U+017F with its marks taken
 * off ("é" e, "ł" l, "ñ" n); the few spelt with two letters are in
 * latin_two. '?' for the two signs (x, /) in the range. */
static const char LATIN_BASE[] = "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
                                 "aaaaaaaceeeeiiiidnooooo?ouuuuyty"
                                 "aaaaaaccccccccddddeeeeeeeeeegggg"
                                 "gggghhhhiiiiiiiiiiiijjkkklllllll"
                                 "lllnnnnnnnnnoooooooorrrrrrssssss"
                                 "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* German umlauts as German writes them without (Müller / Mueller; with
 * umlaut_e false as other languages do: Öztürk / Ozturk), ß as ss, the
 * ligatures and thorn as their letters. */
static const char *latin_two(unsigned cp, bool umlaut_e)
{
    switch (cp) {
    case 0xC4: case 0xE4: return umlaut_e ? "ae" : "a";
    case 0xD6: case 0xF6: return umlaut_e ? "oe" : "o";
    case 0xDC: case 0xFC: return umlaut_e ? "ue" : "u";
    case 0xDF: return "ss";
    case 0xC6: case 0xE6: return "ae";
    case 0x152: case 0x153: return "oe";
    case 0xDE: case 0xFE: return "th";
    case 0x132: case 0x133: return "ij";
    default: return NULL;
    }
}

static size_t name_skeleton(const char *w, char *out, bool umlaut_e)
{
    size_t n = 0;
    for (size_t i = 0; w[i] && n < SKEL_MAX; i++) {
        char one[2] = {w[i], 0};
        const char *part = one;
        unsigned char u = (unsigned char)w[i], u2 = (unsigned char)w[i + 1];
        if (u >= 0xC3 && u <= 0xC5 && (u2 & 0xC0) == 0x80) { /* U+00C0..U+017F */
            unsigned cp = (unsigned)(u & 0x1F) << 6 | (u2 & 0x3F);
            const char *two = latin_two(cp, umlaut_e);
            if (two) part = two;
            else if (LATIN_BASE[cp - 0xC0] != '?') one[0] = LATIN_BASE[cp - 0xC0];
            if (two || one[0] != w[i]) i++;
        }
        for (; *part && n < SKEL_MAX; part++) {
            char c = *part;
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            if (c == 'c' || c == 'q') c = 'k';
            if (c == 'y' || (c == 'j' && n > 0)) c = 'i';
            if (c == 'h' && n > 0) continue;
            if (n && out[n - 1] == c) continue;
            out[n++] = c;
        }
    }
    out[n] = 0;
    return n;
}

static size_t edit_distance(const char *x, const char *y);

/* The skeleton's consonants after its first letter ("karter" -> "rtr"). */
static size_t consonants(const char *sk, char *out)
{
    size_t n = 0;
    for (size_t i = 1; sk[i]; i++)
        if (!strchr("aeiou", sk[i])) out[n++] = sk[i];
    out[n] = 0;
    return n;
}

/* y is x with one letter left out. */
static bool one_left_out(const char *x, size_t nx, const char *y, size_t ny)
{
    if (nx != ny + 1) return false;
    size_t i = 0;
    while (i < ny && x[i] == y[i]) i++;
    return !strcmp(x + i + 1, y + i);
}

static bool spelt_alike(const char *sx, const char *sy, size_t l);

static bool spelling_variant(const nameword *x, const nameword *y)
{
    size_t lx = strlen(x->norm), ly = strlen(y->norm), l = lx < ly ? lx : ly;
    if (l < 3) return false;
    /* umlauts dropped: only the very same skeleton (Öztürk / Ozturk, not
     * Müller / Miller) */
    return spelt_alike(x->skel[0], y->skel[0], l) || spelt_alike(x->skel[1], y->skel[1], 0);
}

/* skeletons sx and sy (name_skeleton) */
static bool spelt_alike(const char *sx, const char *sy, size_t l)
{
    if (sx[0] != sy[0]) return false;
    size_t lim = l >= 8 ? 2 : l >= 5 ? 1 : 0; /* l 0: the same */
    if (edit_distance(sx, sy) > lim) return false;
    char cx[SKEL_MAX + 1], cy[SKEL_MAX + 1];
    size_t nx = consonants(sx, cx), ny = consonants(sy, cy);
    if (!strcmp(cx, cy)) return true;
    return l >= 6 && (one_left_out(cx, nx, cy, ny) || one_left_out(cy, ny, cx, nx));
}

/* How two names (of different norms) compare: what depends on their norms
 * alone, worked out once per pair of names in a story (it was per pair of
 * names per aligned pair of sentences: edit distances by the million on a
 * story of 100 alike reports). */
enum { NP_VARIANT = 1, NP_SPELT = 2, NP_NEAR = 4, NP_KNOWN = 8 };
#define NAME_PAIRS_MAX ((size_t)1 << 20) /* past this many pairs: worked out each time */

static unsigned name_pair_work(const nameword *x, const nameword *y)
{
    if (variant(x, y)) return NP_VARIANT;
    size_t ls = strlen(x->norm), lt = strlen(y->norm);
    size_t lim = (ls < lt ? ls : lt) / 3;
    if (lim < 1) lim = 1;
    bool spelt = spelling_variant(x, y);
    /* the distance is at least the difference in length: no need to work it out */
    bool near = !spelt && ls >= 4 && lt >= 4 && (ls > lt ? ls - lt : lt - ls) <= lim &&
                edit_distance(x->norm, y->norm) <= lim;
    return (spelt ? NP_SPELT : 0) | (near ? NP_NEAR : 0);
}

static unsigned name_pair(const cov *cv, const nameword *x, const nameword *y)
{
    pc_map *m = (pc_map *)&cv->name_pairs; /* a cache: the comparison does not change */
    uint64_t key = (uint64_t)x->id << 32 | y->id;
    uint32_t v = pc_map_get(m, key, NULL, NULL);
    if (v != PC_MAP_NONE) return v;
    unsigned how = name_pair_work(x, y);
    precis_status st = pc_map_add(m, key, how | NP_KNOWN);
    (void)st; /* over the limit or out of memory: not cached, worked out again next time */
    return how;
}

/* Names of an aligned pair: a name of one report that the other never uses,
 * in the same place (after the same lower-case word or title, and the same
 * words of its name before it: "chief executive Helen Okoro" / "chief
 * executive Helen Okafor") or spelt nearly the same ("Vell" and "Bell"), is
 * the same person or thing named differently: a conflict; or the same name
 * spelt two ways (spelling_variant): a spelling, listed apart. */
static precis_status compare_names(const cov *cv, uint32_t si, uint32_t ti, conflict_edge **v,
                                   size_t *n, size_t *cap)
{
    const pst_build *b = cv->b;
    const nameword *ns = cv->names + cv->name_off[si], *nt = cv->names + cv->name_off[ti];
    size_t a = cv->name_off[si + 1] - cv->name_off[si], c = cv->name_off[ti + 1] - cv->name_off[ti];
    uint32_t ds = b->sents[si].doc, dt = b->sents[ti].doc;
    for (size_t i = 0; i < a; i++) {
        for (size_t j = 0; j < c; j++) {
            if (ns[i].id == nt[j].id) continue; /* the same norm */
            unsigned how = name_pair(cv, &ns[i], &nt[j]);
            if (how & NP_VARIANT) continue;
            bool spelt = how & NP_SPELT, near = how & NP_NEAR;
            bool same_place = ns[i].role_h && ns[i].role_h == nt[j].role_h && ns[i].pos == nt[j].pos &&
                              ns[i].prefix == nt[j].prefix && !strcmp(ns[i].role, nt[j].role);
            /* in the same place but both names wholly different ("union president
             * Buck Williams" / "Garden president Dave Checketts"): two people */
            if (same_place && !spelt && !near && ns[i].run_len > 1 && nt[j].run_len > 1 &&
                !share_name_part(ns, a, &ns[i], nt, c, &nt[j]))
                same_place = false;
            if (!spelt && !near && !same_place) continue;
            if (doc_mentions(cv, dt, ns[i].norm) || doc_mentions(cv, ds, nt[j].norm)) continue;
            conflict_edge e = {.kind = spelt ? C_SPELLING : C_NAME, .about_word = UINT32_MAX};
            e.a = (claim){0, si, (uint32_t)ns[i].s, (uint32_t)ns[i].e};
            e.b = (claim){0, ti, (uint32_t)nt[j].s, (uint32_t)nt[j].e};
            if (spelt) {
                /* the group key: two names in one sentence are two spellings */
                const char *kx = ns[i].skel[0], *ky = nt[j].skel[0];
                e.about = about_hash(strcmp(kx, ky) < 0 ? kx : ky, 24);
            } else if (same_place) {
                e.about = about_hash(ns[i].role, 24);
                e.about_word = (uint32_t)(&ns[i] - cv->names);
            }
            precis_status st = push_edge(v, n, cap, e);
            if (st) return st;
        }
    }
    return PRECIS_OK;
}

static precis_status compare_dates(const pst_build *b, uint32_t si, uint32_t ti, conflict_edge **v,
                                   size_t *n, size_t *cap)
{
    const pst_sent *s = &b->sents[si], *t = &b->sents[ti];
    if (!s->has_when || !t->has_when || s->when.precision != PST_DAY || t->when.precision != PST_DAY ||
        s->when.first_day == t->when.first_day)
        return PRECIS_OK;
    conflict_edge e = {.kind = C_DATE, .about_word = UINT32_MAX};
    e.a = (claim){(double)s->when.first_day, si, (uint32_t)(s->start + s->when.start), (uint32_t)(s->start + s->when.end)};
    e.b = (claim){(double)t->when.first_day, ti, (uint32_t)(t->start + t->when.start), (uint32_t)(t->start + t->when.end)};
    return push_edge(v, n, cap, e);
}

static uint32_t find_root(conflict_edge *v, uint32_t i)
{
    while (v[i].group != i) i = v[i].group = v[v[i].group].group;
    return i;
}

/* Joins the groups of edges i and j; the root is the group's lowest edge. */
static void union_min(conflict_edge *v, uint32_t i, uint32_t j)
{
    uint32_t ri = find_root(v, i), rj = find_root(v, j);
    if (ri < rj) v[rj].group = ri;
    else if (rj < ri) v[ri].group = rj;
}

typedef struct edge_end {
    uint32_t sent, kind;
    uint64_t about; /* hash of what a figure counts; 0: nothing named, or not a figure */
    uint32_t edge;
} edge_end;

static int cmp_edge_end(const void *x, const void *y)
{
    const edge_end *a = x, *c = y;
    if (a->sent != c->sent) return a->sent < c->sent ? -1 : 1;
    if (a->kind != c->kind) return a->kind < c->kind ? -1 : 1;
    if (a->about != c->about) return a->about < c->about ? -1 : 1;
    return (a->edge > c->edge) - (a->edge < c->edge);
}

static bool same_value(const conflict_edge *e, const pst_build *b, const claim *x, const claim *y)
{
    if (e->kind == C_NAME || e->kind == C_SPELLING) {
        const char *tx = b->docs[b->sents[x->sent].doc].a->text, *ty = b->docs[b->sents[y->sent].doc].a->text;
        return x->ve - x->vs == y->ve - y->vs && !memcmp(tx + x->vs, ty + y->vs, x->ve - x->vs);
    }
    if (e->kind == C_DATE || e->kind == C_FIGURE) return x->value == y->value;
    return close_enough(x->value, y->value, 0, e->kind);
}

static precis_status put_value(pc_buf *o, const pst_build *b, const conflict_edge *e, const claim *c)
{
    const pst_sent *s = &b->sents[c->sent];
    const char *t = b->docs[s->doc].a->text;
    if (e->kind == C_DATE) {
        pst_when w = s->when;
        char iso[48];
        pst_when_iso(&w, iso, sizeof iso);
        pc_buf tmp;
        pc_buf_init(&tmp, 0);
        precis_status st = pc_buf_printf(&tmp, "%s (", iso);
        if (!st) st = pc_buf_append(&tmp, t + c->vs, c->ve - c->vs);
        if (!st) st = pc_buf_putc(&tmp, ')');
        if (!st) st = pc_json_string(o, tmp.data, tmp.len);
        pc_buf_free(&tmp);
        return st;
    }
    return pc_json_string(o, t + c->vs, c->ve - c->vs);
}

static precis_status conflicts_json(cov *c, pc_buf *o)
{
    const pst_build *b = c->b;
    conflict_edge *v = NULL;
    size_t n = 0, cap = 0;
    precis_status st = PRECIS_OK;
    for (size_t m = 0; m < c->n_match && !st; m++) {
        uint32_t si = c->match[2 * m], ti = c->match[2 * m + 1];
        st = compare_figures(c, si, ti, false, &v, &n, &cap);
        if (!st) st = compare_dates(b, si, ti, &v, &n, &cap);
        if (!st) st = compare_names(c, si, ti, &v, &n, &cap);
    }
    for (size_t m = 0; m < c->n_loose && !st; m++) {
        size_t before = n;
        st = compare_figures(c, c->loose[2 * m], c->loose[2 * m + 1], true, &v, &n, &cap);
        /* only the measurements: counts need the sentences to tell the same fact */
        size_t keep = before;
        for (size_t i = before; i < n; i++)
            if (v[i].kind != C_FIGURE) v[keep++] = v[i];
        n = keep;
    }
    /* Edges about the same thing that share a sentence are one conflict:
     * edge ends sorted by (sentence, kind, what the figure counts), so that
     * the edges meeting at one sentence are neighbours (a pairwise pass
     * was quadratic in edges, and hundreds of reports make many). A figure
     * edge that counts nothing named joins every edge of its kind there. */
    for (size_t i = 0; i < n; i++) v[i].group = (uint32_t)i;
    edge_end *ends = malloc((2 * n + 1) * sizeof *ends);
    uint32_t *order = malloc((n + 1) * sizeof *order), *first = calloc(n + 1, sizeof *first);
    /* sorted by a counting sort on the sentence, then each sentence's few by
     * cmp_edge_end (a total order: the same result as one qsort of all, which
     * took a copy of the millions of ends and a log factor) */
    size_t *sat = calloc(b->n_sents + 2, sizeof *sat);
    if (!ends || !order || !first || !sat) st = PRECIS_ENOMEM;
    for (size_t i = 0; i < n && !st; i++) sat[v[i].a.sent + 2]++, sat[v[i].b.sent + 2]++;
    for (size_t k = 0; k < b->n_sents && !st; k++) sat[k + 2] += sat[k + 1];
    for (size_t i = 0; i < n && !st; i++) { /* sat[sent + 1]: its fill point */
        uint64_t h = v[i].kind == C_FIGURE || v[i].kind == C_SPELLING ? v[i].about : 0;
        ends[sat[v[i].a.sent + 1]++] = (edge_end){v[i].a.sent, (uint32_t)v[i].kind, h, (uint32_t)i};
        ends[sat[v[i].b.sent + 1]++] = (edge_end){v[i].b.sent, (uint32_t)v[i].kind, h, (uint32_t)i};
    }
    for (size_t k = 0; k < b->n_sents && !st; k++) {
        size_t lo = sat[k], hi = sat[k + 1];
        if (hi - lo < 2) continue;
        if (hi - lo <= 16) { /* insertion sort */
            for (size_t x = lo + 1; x < hi; x++) {
                edge_end e = ends[x];
                size_t y = x;
                while (y > lo && cmp_edge_end(&ends[y - 1], &e) > 0) ends[y] = ends[y - 1], y--;
                ends[y] = e;
            }
        } else {
            qsort(ends + lo, hi - lo, sizeof *ends, cmp_edge_end);
        }
    }
    free(sat);
    for (size_t i = 0; i < 2 * n && !st;) {
        size_t j = i;
        while (j < 2 * n && ends[j].sent == ends[i].sent && ends[j].kind == ends[i].kind) j++;
        bool any = ends[i].about == 0; /* sorted first: joins the whole run */
        for (size_t k = i + 1; k < j; k++)
            if (any || ends[k].about == ends[k - 1].about) union_min(v, ends[any ? i : k - 1].edge, ends[k].edge);
        i = j;
    }
    /* One name spelt two ways is one spelling wherever the story tells it
     * (a briefing said 'Spelt two ways: "Pryce" [1] / "Price" [2]' once per
     * fact told with the name): its edges joined on the key alone, their
     * ends gathered at the front of ends (read no more) and sorted on it. */
    size_t ns = 0;
    for (size_t i = 0; i < 2 * n && !st; i++)
        if (ends[i].kind == C_SPELLING && ends[i].about) ends[ns++] = ends[i];
    if (!st && ns) {
        for (size_t i = 0; i < ns; i++) ends[i].sent = 0; /* sorted on the key, then the edge */
        qsort(ends, ns, sizeof *ends, cmp_edge_end);
        for (size_t k = 1; k < ns; k++)
            if (ends[k].about == ends[k - 1].about) union_min(v, ends[k - 1].edge, ends[k].edge);
    }
    /* members of each group, by edge index: counting sort on the root */
    for (size_t i = 0; i < n && !st; i++) first[find_root(v, (uint32_t)i) + 1]++;
    for (size_t i = 0; i < n && !st; i++) first[i + 1] += first[i];
    for (size_t i = 0; i < n && !st; i++) order[first[find_root(v, (uint32_t)i)]++] = (uint32_t)i;
    for (size_t i = n; i > 0 && !st; i--) first[i] = first[i - 1];
    if (n && !st) first[0] = 0;
    claim *cl = NULL;
    size_t ncl = 0, capcl = 0, cap_next = 0;
    uint32_t *cl_next = NULL, reps[MAX_VALUES + 1];
    uint32_t *doc_stamp = malloc((b->n ? b->n : 1) * sizeof *doc_stamp);
    uint32_t *doc_head = malloc((b->n ? b->n : 1) * sizeof *doc_head);
    if (!doc_stamp || !doc_head) st = PRECIS_ENOMEM;
    for (size_t d = 0; d < b->n && !st; d++) doc_stamp[d] = UINT32_MAX;
    /* conflicts, then the names spelt two ways, apart: no disagreement on a fact */
    for (int pass = 0; pass < 2 && !st; pass++) {
        if (!st) st = pc_buf_puts(o, pass ? "],\"spellings\":[" : "\"conflicts\":[");
        bool first_conflict = true;
        for (size_t g = 0; g < n && !st; g++) {
            if (find_root(v, (uint32_t)g) != g || (v[g].kind == C_SPELLING) != (pass == 1)) continue;
            /* Claims of the group: one per report and value. Each claim's
             * report is looked up on a chain of that report's claims, and a
             * group is left as soon as it gives more than MAX_VALUES values
             * (pairwise over every claim, that was quadratic in the claims
             * of a group that is dropped anyway: thousands of sentences of
             * 100 alike reports). */
            ncl = 0;
            size_t distinct = 0, nrep = 0;
            uint32_t about = v[g].about_word;
            for (size_t oi = first[g]; oi < first[g + 1] && !st && distinct <= MAX_VALUES; oi++) {
                size_t i = order[oi];
                if (about == UINT32_MAX && v[i].about_word != UINT32_MAX) about = v[i].about_word;
                const claim *two[2] = {&v[i].a, &v[i].b};
                for (int k = 0; k < 2 && distinct <= MAX_VALUES; k++) {
                    uint32_t d = b->sents[two[k]->sent].doc;
                    bool seen = false;
                    if (doc_stamp[d] == g)
                        for (uint32_t m = doc_head[d]; m != UINT32_MAX && !seen; m = cl_next[m])
                            seen = same_value(&v[g], b, &cl[m], two[k]);
                    if (seen) continue;
                    if (pc_grow(&cl, &capcl, ncl + 1, sizeof *cl, 64) ||
                        pc_grow(&cl_next, &cap_next, ncl + 1, sizeof *cl_next, 64)) {
                        st = PRECIS_ENOMEM;
                        break;
                    }
                    cl[ncl] = *two[k];
                    cl_next[ncl] = doc_stamp[d] == g ? doc_head[d] : UINT32_MAX;
                    doc_stamp[d] = (uint32_t)g, doc_head[d] = (uint32_t)ncl;
                    /* a new value unless an earlier claim gives it: the values
                     * seen first tried first (close_enough is not transitive,
                     * so then every claim) */
                    bool dup = false;
                    for (size_t m = 0; m < nrep && !dup; m++) dup = same_value(&v[g], b, &cl[reps[m]], &cl[ncl]);
                    for (size_t m = 0; m < ncl && !dup; m++) dup = same_value(&v[g], b, &cl[m], &cl[ncl]);
                    if (!dup) {
                        distinct++;
                        if (nrep < MAX_VALUES + 1) reps[nrep++] = (uint32_t)ncl;
                    }
                    ncl++;
                }
            }
            if (st) break;
            /* Many different values are many different things, not one disputed. */
            if (distinct > MAX_VALUES) continue;
            st = pc_buf_printf(o, "%s{\"kind\":\"%s\",\"about\":", first_conflict ? "" : ",", CKIND[v[g].kind]);
            first_conflict = false;
            if (!st) {
                const char *at = "";
                if (about != UINT32_MAX) at = v[g].kind == C_NAME ? c->names[about].role : b->quants[about].word;
                st = pc_json_string(o, at, strnlen(at, 23)); /* as a char[24] copy had it */
            }
            if (!st) st = pc_buf_puts(o, ",\"claims\":[");
            /* One claim per distinct value, with every report that gives it. */
            bool first_claim = true;
            for (size_t i = 0; i < ncl && !st; i++) {
                bool dup = false;
                for (size_t m = 0; m < i && !dup; m++) dup = same_value(&v[g], b, &cl[m], &cl[i]);
                if (dup) continue;
                st = pc_buf_puts(o, first_claim ? "{\"value\":" : ",{\"value\":");
                first_claim = false;
                if (!st) st = put_value(o, b, &v[g], &cl[i]);
                if (!st) st = pc_buf_puts(o, ",\"text\":");
                if (!st) st = put_text(o, b, &b->sents[cl[i].sent]);
                if (!st) st = pc_buf_puts(o, ",\"docs\":[");
                bool first_doc = true;
                for (size_t m = i; m < ncl && !st; m++) {
                    if (m != i && !same_value(&v[g], b, &cl[i], &cl[m])) continue;
                    uint32_t d = b->sents[cl[m].sent].doc;
                    bool seen = false;
                    for (size_t q = i; q < m && !seen; q++)
                        seen = same_value(&v[g], b, &cl[i], &cl[q]) && b->sents[cl[q].sent].doc == d;
                    if (seen) continue;
                    if (!first_doc) st = pc_buf_putc(o, ',');
                    first_doc = false;
                    if (!st) st = pst_json_doc_id(o, b, d);
                }
                if (!st) st = pc_buf_puts(o, "]}");
            }
            if (!st) st = pc_buf_puts(o, "]}");
        }
    }
    if (!st) st = pc_buf_putc(o, ']');
    free(cl);
    free(cl_next);
    free(doc_stamp);
    free(doc_head);
    free(v);
    free(ends);
    free(order);
    free(first);
    return st;
}

/* ---- the coverage object ---------------------------------------------------------- */

static int cmp_cover_desc(const void *x, const void *y, const uint32_t *n_cover)
{
    uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;
    if (n_cover[a] != n_cover[c]) return n_cover[a] < n_cover[c] ? 1 : -1;
    return (a > c) - (a < c);
}

typedef struct unique_fact {
    uint32_t sent;
    double novelty; /* 1 - the largest share of its words another report has */
    double rank;    /* what a reader should see first (importance below) */
} unique_fact;

/* Is the sentence mostly direct speech? It opens with a quotation mark, or
 * quoted text is over a third of it: a colour quote, told after the facts. */
static bool mostly_quote(const char *t, size_t n)
{
    size_t pos[64], k = 0;
    for (size_t i = 0; i < n && k < 64; i++) {
        size_t w = t[i] == '"' ? 1 : 0;
        /* U+201C/U+201D, U+201E, U+00AB/U+00BB */
        if (i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
            ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x9E))
            w = 3;
        if (i + 1 < n && (unsigned char)t[i] == 0xC2 && ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBB))
            w = 2;
        if (!w) continue;
        if (i == 0) return true;
        pos[k++] = i;
        i += w - 1;
    }
    /* an odd count: the opening mark was left in the sentence before (the
     * splitter's cut inside a quotation), so the text up to the first is quoted */
    size_t quoted = 0, j = 0;
    if (k % 2) quoted = pos[0], j = 1;
    for (; j + 1 < k; j += 2) quoted += pos[j + 1] - pos[j];
    return 3 * quoted > n;
}

/* Rank of a unique fact. First how sure it is that no one else tells it, in
 * coarse bands of novelty (>= 0.9: nothing of it elsewhere; >= 0.6; less: a
 * paraphrase the alignment missed is likelier), direct speech one band
 * lower (colour, after the facts); within a band, importance:
 * a report tells what matters first (the inverted pyramid), so its place
 * among the report's facts, and direct speech counts less than a fact. */
static double importance(const pst_build *b, const pst_sent *s, size_t fact_index, double novelty)
{
    const char *t = b->docs[s->doc].a->text + s->start;
    bool quote = mostly_quote(t, s->end - s->start);
    double band = novelty >= 0.9 ? 2 : novelty >= 0.6 ? 1 : 0;
    if (quote && band > 0) band--; /* a colour quote waits for the facts of its band below */
    double pos = 1.0 / (1.0 + (double)fact_index / 4.0);
    return band + 0.5 * novelty * pos * (quote ? 0.6 : 1.0);
}

static precis_status per_source_json(cov *c, pc_buf *o)
{
    const pst_build *b = c->b;
    size_t R = b->n_indep;
    /* Widely reported facts, one sentence each: most covered first, skipping
     * sentences telling a fact already chosen. */
    uint32_t *wide = malloc((b->n_sents ? b->n_sents : 1) * sizeof *wide);
    if (!wide) return PRECIS_ENOMEM;
    size_t nw = 0;
    uint32_t need = (uint32_t)((R - 1) / 2 + 1); /* more than half of the others */
    if (need < 2) need = 2;
    for (size_t i = 0; i < b->n_sents; i++)
        if (is_report_sent(b, &b->sents[i]) && c->n_cover[i] + 1 >= need)
            wide[nw++] = (uint32_t)i;
    for (size_t i = 1; i < nw; i++) { /* insertion sort: stable, small */
        uint32_t x = wide[i];
        size_t j = i;
        while (j > 0 && cmp_cover_desc(&wide[j - 1], &x, c->n_cover) > 0) wide[j] = wide[j - 1], j--;
        wide[j] = x;
    }
    size_t nrep = 0;
    for (size_t i = 0; i < nw; i++) {
        bool told = false;
        /* aligned with one already chosen (or telling the same by words) */
        for (size_t k = 0; k < nrep && !told; k++) {
            told = pst_same_fact(b, &b->sents[wide[i]], &b->sents[wide[k]]);
            for (size_t m = c->adj_off[wide[i]]; m < c->adj_off[wide[i] + 1] && !told; m++)
                told = c->adj[m] == wide[k];
        }
        if (!told) wide[nrep++] = wide[i];
    }
    doc_index dx = {0};
    unique_fact *uq = NULL;
    size_t cap_uq = 0;
    precis_status st = doc_index_build(c, &dx);
    if (!st) st = pc_buf_puts(o, "\"per_source\":[");
    for (size_t r = 0; r < R && !st; r++) {
        uint32_t d = c->report_doc[r];
        st = pc_buf_puts(o, r ? ",{\"doc\":" : "{\"doc\":");
        if (!st) st = pst_json_doc_id(o, b, d);
        if (!st) st = pc_buf_puts(o, ",\"site\":");
        if (!st) st = b->docs[d].a->site ? pc_json_string(o, b->docs[d].a->site, strlen(b->docs[d].a->site))
                                         : pc_buf_puts(o, "null");
        if (!st) st = pc_buf_puts(o, ",\"copies\":[");
        bool first = true;
        for (uint32_t k = b->docs[d].next_copy; k != UINT32_MAX && !st; k = b->docs[k].next_copy) {
            if (!first) st = pc_buf_putc(o, ',');
            first = false;
            if (!st) st = pst_json_doc_id(o, b, k);
        }
        if (!st) st = pc_buf_puts(o, "],\"unique\":[");
        size_t listed = 0, n_unique = 0, fact_index = 0;
        for (uint32_t i = b->docs[d].sent_first; i < b->docs[d].sent_end && !st; i++) {
            const pst_sent *s = &b->sents[i];
            if (!is_report_sent(b, s)) continue;
            size_t at = fact_index++;
            if (c->n_cover[i] || R < 2) continue;
            /* its words are all in some other report: told there in other sentences */
            double contained = best_containment(c, &dx, i, (uint32_t)r);
            if (contained >= UNIQUE_CONTAIN) continue;
            if (pc_grow(&uq, &cap_uq, n_unique + 1, sizeof *uq, 64)) {
                st = PRECIS_ENOMEM;
                break;
            }
            uq[n_unique] = (unique_fact){i, 1.0 - contained, 0};
            uq[n_unique].rank = importance(b, s, at, 1.0 - contained);
            n_unique++;
        }
        /* the most important first (stable: earlier in the report on a tie) */
        for (size_t k = 1; k < n_unique; k++) {
            unique_fact x = uq[k];
            size_t j = k;
            while (j > 0 && uq[j - 1].rank < x.rank) uq[j] = uq[j - 1], j--;
            uq[j] = x;
        }
        for (size_t k = 0; k < n_unique && listed < MAX_LISTED && !st; k++) {
            const pst_sent *s = &b->sents[uq[k].sent];
            st = pc_buf_puts(o, listed ? ",{\"text\":" : "{\"text\":");
            if (!st) st = put_text(o, b, s);
            if (!st) st = pc_buf_printf(o, ",\"start\":%u,\"end\":%u,\"novelty\":%.2f}", s->start, s->end,
                                        uq[k].novelty);
            listed++;
        }
        if (!st) st = pc_buf_printf(o, "],\"n_unique\":%zu,\"omits\":[", n_unique);
        listed = 0;
        size_t n_omits = 0;
        for (size_t k = 0; k < nrep && !st; k++) {
            const pst_sent *s = &b->sents[wide[k]];
            if (s->doc == d || bit(c->cover + (size_t)wide[k] * c->words, r)) continue;
            if (contained_in_doc(b, s, d) >= OMIT_CONTAIN) continue;
            if (told_through_others(c, wide[k], d)) continue;
            if (near_in_doc(c, wide[k], d)) continue;
            n_omits++;
            if (listed == MAX_LISTED) continue;
            st = pc_buf_puts(o, listed ? ",{\"text\":" : "{\"text\":");
            if (!st) st = put_text(o, b, s);
            if (!st) st = pc_buf_puts(o, ",\"doc\":");
            if (!st) st = pst_json_doc_id(o, b, s->doc);
            if (!st) st = pc_buf_printf(o, ",\"reported_by\":%u}", c->n_cover[wide[k]] + 1);
            listed++;
        }
        if (!st) st = pc_buf_printf(o, "],\"n_omits\":%zu}", n_omits);
    }
    if (!st) st = pc_buf_putc(o, ']');
    doc_index_free(&dx);
    free(uq);
    free(wide);
    return st;
}

/* Does sentence t give another figure than si for what si counts or
 * measures (a conflict edge of a figure kind between the two)? */
static bool figure_differs(const cov *c, uint32_t si, uint32_t t, precis_status *st)
{
    conflict_edge *v = NULL;
    size_t n = 0, cap = 0;
    uint32_t lo = si < t ? si : t, hi = si < t ? t : si; /* as the aligned pair was compared */
    *st = compare_figures(c, lo, hi, false, &v, &n, &cap);
    free(v);
    return n > 0;
}

/* Per summary sentence, the reports telling it. A report whose every
 * sentence aligned with it gives another figure ("about 3,500 homes" for
 * "about 3,000 homes") tells the same thing but does not corroborate it:
 * listed under "differ" (only when there is one), not under "docs". */
static precis_status summary_support_json(cov *c, const uint32_t *sum_sent, size_t n_sum, pc_buf *o)
{
    const pst_build *b = c->b;
    precis_status st = pc_buf_puts(o, "\"summary\":[");
    uint64_t *set = calloc(c->words, sizeof *set), *agree = calloc(c->words, sizeof *agree),
             *differ = calloc(c->words, sizeof *differ);
    if (!set || !agree || !differ) {
        free(set), free(agree), free(differ);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < n_sum && !st; i++) {
        memset(set, 0, c->words * sizeof *set);
        memset(agree, 0, c->words * sizeof *agree);
        memset(differ, 0, c->words * sizeof *differ);
        uint32_t si = sum_sent[i];
        bool any_differ = false;
        if (si != UINT32_MAX) {
            const pst_sent *s = &b->sents[si];
            set_bit(set, c->indep[s->doc]);
            if (is_report_sent(b, s)) {
                for (size_t w = 0; w < c->words; w++) set[w] |= c->cover[si * c->words + w];
                if (s->n_q) {
                    for (size_t m = c->adj_off[si]; m < c->adj_off[si + 1] && !st; m++) {
                        uint32_t t = c->adj[m], r = c->indep[b->sents[t].doc];
                        if (figure_differs(c, si, t, &st)) set_bit(differ, r);
                        else set_bit(agree, r);
                    }
                    for (size_t w = 0; w < c->words; w++) {
                        differ[w] &= ~agree[w];
                        set[w] &= ~differ[w];
                        any_differ |= differ[w] != 0;
                    }
                }
            } else { /* not a compared fact (short, or a headline): compare it now */
                for (size_t t = 0; t < b->n_sents; t++)
                    if (is_report_sent(b, &b->sents[t]) && b->sents[t].doc != s->doc &&
                        pst_same_fact(b, s, &b->sents[t]))
                        set_bit(set, c->indep[b->sents[t].doc]);
            }
        }
        size_t reports = 0, outlets = 0;
        for (size_t r = 0; r < b->n_indep; r++) reports += bit(set, r);
        for (size_t r = 0; r < b->n_indep && si != UINT32_MAX; r++)
            if (bit(set, r)) outlets += 1 + b->docs[c->report_doc[r]].n_copies;
        if (!st)
            st = pc_buf_printf(o, "%s{\"sentence\":%zu,\"reports\":%zu,\"outlets\":%zu,\"docs\":[", i ? "," : "",
                               i, reports, outlets);
        for (int part = 0; part < (any_differ ? 2 : 1) && !st; part++) {
            const uint64_t *which = part ? differ : set;
            if (part) st = pc_buf_puts(o, "],\"differ\":[");
            bool first = true;
            for (size_t r = 0; r < b->n_indep && !st; r++) {
                if (!bit(which, r)) continue;
                if (!first) st = pc_buf_putc(o, ',');
                first = false;
                if (!st) st = pst_json_doc_id(o, b, c->report_doc[r]);
            }
        }
        if (!st) st = pc_buf_puts(o, "]}");
    }
    free(set), free(agree), free(differ);
    if (!st) st = pc_buf_putc(o, ']');
    return st;
}

precis_status pst_coverage_json(const pst_build *b, const uint32_t *sum_sent, size_t n_sum, pc_buf *out)
{
    cov c = {.b = b};
    pc_map_init(&c.name_pairs, NAME_PAIRS_MAX);
    c.words = (b->n_indep + 63) / 64;
    if (!c.words) c.words = 1;
    c.indep = malloc((b->n ? b->n : 1) * sizeof *c.indep);
    c.report_doc = malloc((b->n_indep ? b->n_indep : 1) * sizeof *c.report_doc);
    c.cover = calloc((b->n_sents ? b->n_sents : 1) * c.words, sizeof *c.cover);
    c.n_cover = calloc(b->n_sents ? b->n_sents : 1, sizeof *c.n_cover);
    precis_status st = PRECIS_OK;
    if (!c.indep || !c.report_doc || !c.cover || !c.n_cover) st = PRECIS_ENOMEM;
    if (!st) {
        size_t r = 0;
        /* articles past the cap of analysed reports keep UINT32_MAX: they have no sentence */
        for (size_t d = 0; d < b->n; d++) {
            if (pst_is_report(b, (uint32_t)d)) c.report_doc[r] = (uint32_t)d, c.indep[d] = (uint32_t)r++;
            else c.indep[d] = UINT32_MAX;
        }
        for (size_t d = 0; d < b->n; d++)
            if (c.indep[d] == UINT32_MAX && b->docs[d].analysed) c.indep[d] = c.indep[b->docs[d].root];
        st = fast_tables(&c);
        if (!st) st = figure_contexts(&c);
        if (!st) st = sentence_names(&c);
        if (!st) st = doc_vocab(&c);
        if (!st) st = align(&c);
        if (!st) st = index_matches(&c);
        if (!st) st = second_look(&c);
    }
    if (!st) st = pc_buf_printf(out, "\"coverage\":{\"reports\":%zu,", b->n_indep);
    /* no silent loss: when MAX_CANDIDATES cut a sentence's comparisons, say how much */
    if (!st && c.capped_sents)
        st = pc_buf_printf(out,
                           "\"capped\":{\"max_candidates\":%d,\"per_report\":%d,\"sentences\":%zu,\"candidates_cut\":%llu},",
                           MAX_CANDIDATES, PER_REPORT, c.capped_sents, (unsigned long long)c.capped_pairs);
    if (!st) st = per_source_json(&c, out);
    if (!st) st = pc_buf_putc(out, ',');
    if (!st) st = summary_support_json(&c, sum_sent, n_sum, out);
    if (!st) st = pc_buf_putc(out, ',');
    if (!st) st = conflicts_json(&c, out);
    if (!st) st = pc_buf_putc(out, '}');
    free(c.indep);
    free(c.report_doc);
    free(c.cover);
    free(c.n_cover);
    free(c.match);
    free(c.held);
    free(c.loose);
    free(c.adj_off);
    free(c.adj);
    free(c.pw);
    free(c.sf);
    free(c.qf);
    free(c.psw);
    free(c.fctx);
    free(c.ctx_text);
    free(c.names);
    free(c.spelt_twice);
    free(c.name_off);
    free(c.voc);
    free(c.voc_off);
    free(c.voc_text);
    free(c.id_name);
    free(c.ctx_id_off);
    pc_map_free(&c.ctx_ids);
    pc_map_free(&c.name_ids);
    pc_map_free(&c.name_pairs);
    return st;
}
