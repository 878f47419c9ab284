/* batch.c — batch re-clustering of a whole input (pk_batch).
 *
 * The online pass sees each article once, against the stories open at that
 * moment; an article that arrived before its story's other reports, or a
 * story that glued two events together, stays wrong. With the whole input at
 * hand the grouping is redone from scratch:
 *  1. a k-nearest-neighbour graph: each article's cosine with every other
 *     article sharing a term (unit vectors given by the caller, postings of
 *     very common terms skipped: they add little and cost the square of
 *     their frequency) plus a name bonus as the online pass has (name_weight
 *     x shared names / the fewer names of the two; a third of the online
 *     weight: reports of one event told in other words still name its ship,
 *     firm and port, but two stories of one coast name the coast), its k best
 *     kept, the graph made symmetric. The candidates are found on the terms
 *     in at most `scan_df` articles (a term's postings cost the square of
 *     its frequency: those between scan_df and max_df were three quarters
 *     of the scan on a 23,000-article window) and the k best scored again
 *     on every term under max_df, so an edge is the same cosine as before;
 *     only which neighbours are found changes (docs/cluster.md Round 9);
 *  2. average-linkage agglomeration on that graph: the two groups whose
 *     mean pairwise similarity (missing edges count 0) is highest merge,
 *     until no pair reaches `link`. Average linkage does not chain (single
 *     linkage does) and, unlike a centroid, a group cannot drift: every
 *     member's edges keep voting;
 *  2b. centroid merging: the mean pairwise cosine of a story of hundreds of
 *     varied reports falls as it grows while its centroid gets steadier, so
 *     average linkage alone leaves such a story in fragments. Two groups of
 *     two or more merge, best centroid cosine first, when the centroids (sums
 *     of unit vectors) reach `centroid`, the merged group reaches
 *     `min_merged` articles, and the groups share their specific terms (the
 *     support, below, reaches `support`): fragments of one story do, two
 *     stories of one theme share only the theme's words, which many other
 *     articles use too;
 *  3. each group left with one article (and no copies) joins the group its
 *     strong edges reach with the highest mean similarity, at or above
 *     `attach` (groups fixed during this step: order does not matter); an
 *     edge is strong, counting whole, when each article is among the other's
 *     `attach_k` best neighbours, counts half when one is, and not otherwise.
 * Dated articles further apart than the quiet period count half their
 * similarity (the online clusterer's stories close after that long), and
 * past PK_BATCH_TIME_HORIZON quiet periods (a season at the default 3 days)
 * less the further apart they are (time_apart): next year's report of an
 * annual race shares the race's words with this year's, not its story.
 * Deterministic: every tie goes to the lower index. Memory is proportional to
 * the input (n * k edges plus the merge heap), as batch mode says. */
#include "cluster/cluster.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

typedef struct dw {     /* a posting as the scans read it: 8 bytes, no term */
    uint32_t doc;
    float w;
} dw;

typedef struct adj {   /* one neighbour of a group and the sum of edges to it */
    uint32_t nbr;
    double sum;
} adj;

typedef struct alist {
    adj *v;
    size_t n, cap;
} alist;

typedef struct hent {  /* heap entry: mean link of groups a < b when pushed */
    double score;
    uint32_t a, b;
    uint32_t va, vb;   /* centroid merging: the groups' versions when pushed */
} hent;

/* The factor on the similarity of two dated things gap seconds apart (see
 * the top of this file): 1 within the quiet period, 0.5 up to the horizon
 * (follow-ups weeks later stay reachable: the factor was chosen on the
 * development pool with invented dates, docs/stories.md), then falling as
 * horizon / gap (continuous there; a year apart at the defaults: 0.12).
 * quiet <= 0: time does not count. */
static double time_apart(int64_t gap, int64_t quiet)
{
    if (quiet <= 0 || gap <= quiet) return 1;
    double horizon = (double)quiet * PK_BATCH_TIME_HORIZON;
    return (double)gap <= horizon ? 0.5 : 0.5 * horizon / (double)gap;
}

/* Sorts n records of two words by their first, stably (LSD radix, 16 bits
 * a pass; a pass whose digit is the same in every key is skipped); tmp has
 * room for n records. Returns the array holding the result (v or tmp), or
 * NULL without memory. */
static uint64_t *sort_keyed(uint64_t *v, uint64_t *tmp, size_t n)
{
    uint64_t any = 0, all = ~(uint64_t)0;
    for (size_t i = 0; i < n; i++) any |= v[2 * i], all &= v[2 * i];
    size_t *count = malloc(65536 * sizeof *count);
    if (!count) return NULL;
    for (unsigned shift = 0; shift < 64; shift += 16) {
        if ((((any ^ all) >> shift) & 0xFFFF) == 0) continue;
        memset(count, 0, 65536 * sizeof *count);
        for (size_t i = 0; i < n; i++) count[(v[2 * i] >> shift) & 0xFFFF]++;
        for (size_t d = 0, at = 0; d < 65536; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++) {
            size_t to = count[(v[2 * i] >> shift) & 0xFFFF]++;
            tmp[2 * to] = v[2 * i];
            tmp[2 * to + 1] = v[2 * i + 1];
        }
        uint64_t *x = v;
        v = tmp;
        tmp = x;
    }
    free(count);
    return v;
}

precis_status pk_term_ranks(const uint64_t *term, size_t nt, uint32_t *rank, size_t *n_ranks)
{
    *n_ranks = 0;
    if (!nt) return PRECIS_OK;
    if (nt >= UINT32_MAX) return PRECIS_ENOMEM;
    uint64_t *v = malloc(nt * 2 * sizeof *v), *tmp = malloc(nt * 2 * sizeof *tmp);
    if (!v || !tmp) {
        free(v);
        free(tmp);
        return PRECIS_ENOMEM;
    }
    for (size_t k = 0; k < nt; k++) v[2 * k] = term[k], v[2 * k + 1] = k;
    const uint64_t *r = sort_keyed(v, tmp, nt);
    if (r) {
        size_t u = 0;
        for (size_t k = 0; k < nt; k++) {
            if (k && r[2 * k] != r[2 * k - 2]) u++;
            rank[r[2 * k + 1]] = (uint32_t)u;
        }
        *n_ranks = u + 1;
    }
    free(v);
    free(tmp);
    return r ? PRECIS_OK : PRECIS_ENOMEM;
}

/* Heap order: higher score first, then lower (a, b). */
static bool hbefore(const hent *x, const hent *y)
{
    if (x->score != y->score) return x->score > y->score;
    if (x->a != y->a) return x->a < y->a;
    return x->b < y->b;
}

typedef struct heap {
    hent *v;
    size_t n, cap;
} heap;

static precis_status hpush(heap *h, hent e)
{
    if (h->n == h->cap && pc_grow(&h->v, &h->cap, h->n + 1, sizeof *h->v, 1024)) return PRECIS_ENOMEM;
    size_t i = h->n++;
    while (i) {
        size_t p = (i - 1) / 2;
        if (!hbefore(&e, &h->v[p])) break;
        h->v[i] = h->v[p];
        i = p;
    }
    h->v[i] = e;
    return PRECIS_OK;
}

static hent hpop(heap *h)
{
    hent top = h->v[0], e = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const hent *best = &e;
        if (l < h->n && hbefore(&h->v[l], best)) m = l, best = &h->v[l];
        if (r < h->n && hbefore(&h->v[r], best)) m = r;
        if (m == i) break;
        h->v[i] = h->v[m];
        i = m;
    }
    if (h->n) h->v[i] = e;
    return top;
}

static precis_status alist_add(alist *l, uint32_t nbr, double sum)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].nbr == nbr) {
            l->v[i].sum += sum;
            return PRECIS_OK;
        }
    if (l->n == l->cap && pc_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 4)) return PRECIS_ENOMEM;
    l->v[l->n++] = (adj){nbr, sum};
    return PRECIS_OK;
}

static double alist_take(alist *l, uint32_t nbr)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].nbr == nbr) {
            double s = l->v[i].sum;
            l->v[i] = l->v[--l->n];
            return s;
        }
    return 0;
}

static double alist_get(const alist *l, uint32_t nbr)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].nbr == nbr) return l->v[i].sum;
    return -1;
}

typedef struct nb {    /* a neighbour candidate of one article */
    uint32_t doc;
    float s;
    float raw;         /* its dot product over the terms scanned (under scan_df) */
} nb;

typedef struct rterm { /* an article's term its neighbours are scored again on (step 1) */
    uint32_t u;        /* the term's rank */
    float w;           /* its weight if past scan_df (not scanned), else 0 */
    uint8_t name;      /* one of the article's names */
} rterm;

/* Worse-first order for the k-best selection heap: lower score, then higher doc. */
static bool nb_worse(const nb *x, const nb *y)
{
    if (x->s != y->s) return x->s < y->s;
    return x->doc > y->doc;
}

static void nb_sift(nb *h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && nb_worse(&h[l], &h[m])) m = l;
        if (r < n && nb_worse(&h[r], &h[m])) m = r;
        if (m == i) return;
        nb t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Offers x to the k best h (n of them so far). *kfloor is the worst score
 * held once k are (until then -1: scores are not negative), so that the
 * caller can skip a worse candidate reading only the floor. */
static void nb_insert(nb *h, size_t *n, size_t k, float *kfloor, nb x)
{
    if (*n < k) {
        size_t i = (*n)++;
        h[i] = x;
        while (i) {
            size_t p = (i - 1) / 2;
            if (!nb_worse(&h[i], &h[p])) break;
            nb t = h[i];
            h[i] = h[p];
            h[p] = t;
            i = p;
        }
        if (*n == k) *kfloor = h[0].s;
    } else if (nb_worse(&h[0], &x)) {
        h[0] = x;
        nb_sift(h, *n, 0);
        *kfloor = h[0].s;
    }
}

/* A group's centroid: the sum of its members' unit vectors, sorted by term
 * (spec: the sum over members of 1 / df), its norm and sum(w x spec). */
typedef struct cvec {
    pk_term_weight *v;
    size_t n;
    double norm, self;
    int64_t t0, t1;  /* span of the members' known times (t0 > t1: none) */
} cvec;

static void cvec_sums(cvec *c)
{
    double nn = 0, se = 0;
    for (size_t i = 0; i < c->n; i++) {
        nn += (double)c->v[i].w * c->v[i].w;
        se += (double)c->v[i].w * c->v[i].spec;
    }
    c->norm = sqrt(nn);
    c->self = se;
}

/* One group's centroid spread over the terms (centroid terms are term
 * ranks: dense), so that its cosine and support with each of its neighbours
 * cost the neighbour's length, not both lengths: a group of hundreds of
 * articles has thousands of terms and is weighed against every neighbour
 * after each of its merges. */
typedef struct spread {
    float *w, *spec;   /* per term rank; spec > 0 marks the group's terms */
    const cvec *c;
} spread;

static void spread_set(spread *s, const cvec *c)
{
    for (size_t i = 0; i < c->n; i++) s->w[c->v[i].term] = c->v[i].w, s->spec[c->v[i].term] = c->v[i].spec;
    s->c = c;
}

static void spread_clear(spread *s)
{
    for (size_t i = 0; i < s->c->n; i++) s->w[s->c->v[i].term] = 0, s->spec[s->c->v[i].term] = 0;
    s->c = NULL;
}

/* Support of merging groups a (spread) and b of sa and sb articles. A term's spec in
 * a group is the share of the input's articles with that term that are in
 * the group, so sum(w_a x spec_b) / sb weighs, per article of b, how much of
 * a's vocabulary b holds, the words few other articles use counting most;
 * divided by the same for a's own articles, sum(w_a x spec_a) / sa, it is
 * near 1 when b's articles use a's words as a's own do, near 0 when what they
 * share is used all over the input. The geometric mean of the two directions:
 * the fragments of one story 0.3-0.9, two stories of one theme mostly under
 * 0.2 (docs/stories.md, "Round 4"). The sums run over the shared terms in
 * term order, as a merge of the two sorted vectors would. */
static double csupport(const spread *sa_, const cvec *b, double sa, double sb)
{
    const cvec *a = sa_->c;
    if (!(a->self > 0) || !(b->self > 0)) return 0;
    double x = 0, y = 0;
    for (size_t j = 0; j < b->n; j++) {
        uint64_t t = b->v[j].term;
        if (!(sa_->spec[t] > 0)) continue;
        x += (double)sa_->w[t] * b->v[j].spec;
        y += (double)b->v[j].w * sa_->spec[t];
    }
    double ab = (x / sb) / (a->self / sa), ba = (y / sa) / (b->self / sb);
    return sqrt(ab * ba);
}

/* Centroid cosine of two groups (a spread); groups whose dated spans lie
 * further apart than the quiet period are weighed by time_apart of the gap
 * between the spans, as articles are. The dot
 * product is pk_dot's: the same products summed in term order. */
static double cent_cos(const spread *sa, const cvec *b, int64_t quiet)
{
    const cvec *a = sa->c;
    if (!(a->norm > 0) || !(b->norm > 0)) return 0;
    double d = 0;
    for (size_t j = 0; j < b->n; j++) {
        uint64_t t = b->v[j].term;
        if (sa->spec[t] > 0) d += (double)sa->w[t] * b->v[j].w;
    }
    double c = d / (a->norm * b->norm);
    if (quiet > 0 && a->t0 <= a->t1 && b->t0 <= b->t1) {
        int64_t gap = a->t0 > b->t1 ? a->t0 - b->t1 : b->t0 > a->t1 ? b->t0 - a->t1 : 0;
        c *= time_apart(gap, quiet);
    }
    return c;
}

/* a += b (b's storage freed). */
static precis_status cmerge(cvec *a, cvec *b)
{
    pk_term_weight *m = malloc((a->n + b->n + 1) * sizeof *m);
    if (!m) return PRECIS_ENOMEM;
    size_t n = 0, i = 0, j = 0;
    while (i < a->n || j < b->n) {
        if (j >= b->n || (i < a->n && a->v[i].term < b->v[j].term)) m[n++] = a->v[i++];
        else if (i >= a->n || b->v[j].term < a->v[i].term) m[n++] = b->v[j++];
        else {
            m[n] = a->v[i++];
            m[n].w += b->v[j].w;
            m[n++].spec += b->v[j++].spec;
        }
    }
    free(a->v);
    free(b->v);
    a->v = m, a->n = n;
    cvec_sums(a);
    if (b->t0 < a->t0) a->t0 = b->t0;
    if (b->t1 > a->t1) a->t1 = b->t1;
    *b = (cvec){0};
    return PRECIS_OK;
}

/* Moves group b's neighbours to a (b's list freed): the sums of edges add. */
static precis_status adj_merge(alist *g, uint32_t a, uint32_t b)
{
    alist_take(&g[a], b);
    for (size_t t = 0; t < g[b].n; t++) {
        uint32_t k = g[b].v[t].nbr;
        double s = g[b].v[t].sum;
        if (k == a) continue;
        alist_take(&g[k], b);
        precis_status st;
        if ((st = alist_add(&g[k], a, s)) || (st = alist_add(&g[a], k, s))) return st;
    }
    free(g[b].v);
    g[b] = (alist){0};
    return PRECIS_OK;
}

precis_status pk_batch(const pk_batch_input *in, const pk_batch_options *opts, uint32_t *label)
{
    /* No article: off may be NULL (nothing recorded). Articles without any
     * term (all rejected): term and w may be NULL. Both are no groups. */
    if (!in || !label || (in->n && (!in->off || (in->off[in->n] && (!in->term || !in->w))))) return PRECIS_EINVAL;
    if (in->n >= UINT32_MAX) return PRECIS_ELIMIT;
    if (!in->n) return PRECIS_OK;
    /* postings are numbered in 32 bits; 4 G of them would not fit in memory either */
    if (in->off[in->n] >= UINT32_MAX) return PRECIS_ENOMEM;
    pk_batch_options o = {0};
    if (opts) o = *opts;
    if (!o.k) o.k = PK_BATCH_K;
    if (!o.max_df) o.max_df = PK_BATCH_MAX_DF;
    if (!o.scan_df) o.scan_df = PK_BATCH_SCAN_DF;
    if (o.scan_df > o.max_df) o.scan_df = o.max_df;
    if (!(o.link > 0)) o.link = PK_BATCH_LINK;
    if (!(o.attach > 0)) o.attach = PK_BATCH_ATTACH;
    if (o.centroid == 0) o.centroid = PK_BATCH_CENTROID;
    if (o.support == 0) o.support = PK_BATCH_SUPPORT;
    if (!o.min_merged) o.min_merged = PK_BATCH_MIN_MERGED;
    if (!o.attach_k) o.attach_k = PK_BATCH_ATTACH_K;
    if (o.name_weight == 0) o.name_weight = PK_BATCH_NAME_WEIGHT;
    size_t n = in->n, nt = in->off[n];
    bool names = o.name_weight > 0 && in->is_name;
    precis_status st = PRECIS_OK;
    /* The postings by term: term u's are pd[ustart[u] .. ustart[u + 1]),
     * by article, u the rank of its term among the distinct ones (the
     * caller's in->rank, or counted here), and article term k is term
     * tid[k]. */
    dw *pd = malloc((nt + 1) * sizeof *pd);
    uint32_t *own_rank = NULL, *ustart = NULL;
    const uint32_t *tid = in->rank;
    size_t nu = in->rank ? in->n_ranks : 0;
    float *acc = calloc(n + 1, sizeof *acc);
    uint32_t *touched = malloc((n + 1) * sizeof *touched);
    nb *heapv = NULL;        /* article i's k best so far: heapv[i k .. i k + heapn[i]) */
    size_t *heapn = NULL;
    float *kfloor = NULL;    /* per article: its k best's worst score (nb_insert) */
    uint32_t *tcur = NULL;   /* per term: the posting of the next article to scan */
    float *dense = NULL;     /* per term rank: the weights of the article being scored again */
    uint8_t *dname = NULL;   /* ... and its names */
    rterm *rterms = NULL;    /* article i's rescoring list: rterms[roff[i] .. roff[i + 1]) */
    size_t *roff = NULL;
    size_t ne = 0, cap_e = 0;
    uint64_t *edge = NULL;   /* (lo << 32 | hi) of each kept neighbour pair */
    float *edge_s = NULL;
    uint8_t *edge_r = NULL;  /* per kept pair: its rank in the lister's k best; then, per
                                distinct pair, its strength for the attach step (below) */
    alist *g = calloc(n + 1, sizeof *g);
    uint32_t *size = malloc((n + 1) * sizeof *size), *parent = malloc((n + 1) * sizeof *parent);
    heap h = {0};
    cvec *cv = NULL;
    /* Names: nacc counts the names an article shares with each other one,
     * nname[i] is article i's number of names. */
    uint8_t *nacc = names ? calloc(n + 1, 1) : NULL, *nname = names ? calloc(n + 1, 1) : NULL;
    if (names && (!nacc || !nname)) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    if (names)
        for (size_t i = 0; i < n; i++) {
            size_t c = 0;
            for (size_t k = in->off[i]; k < in->off[i + 1]; k++) c += in->is_name[k] != 0;
            nname[i] = (uint8_t)(c < 255 ? c : 255);
        }
    if (!pd || !acc || !touched || !g || !size || !parent) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    if (!tid) {
        if (!(own_rank = malloc((nt + 1) * sizeof *own_rank))) {
            st = PRECIS_ENOMEM;
            goto done;
        }
        if ((st = pk_term_ranks(in->term, nt, own_rank, &nu))) goto done;
        tid = own_rank;
    }
    if (!(ustart = calloc(nu + 2, sizeof *ustart))) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    /* Counted into buckets by rank, the articles in order: each term's
     * postings by article, as a sort by (term, article) would give them. */
    for (size_t k = 0; k < nt; k++) ustart[tid[k] + 2]++;
    for (size_t u = 2; u < nu + 2; u++) ustart[u] += ustart[u - 1];
    for (size_t i = 0; i < n; i++) /* ustart[u + 1] is u's next free slot until it ends there */
        for (size_t k = in->off[i]; k < in->off[i + 1]; k++) pd[ustart[tid[k] + 1]++] = (dw){(uint32_t)i, in->w[k]};

    /* 1. k-nearest-neighbour graph. A pair's similarity is the same from
     * either side, bit for bit (the same products, w_i x w_j, summed over
     * the shared terms in term order; name count and time gap symmetric),
     * so each pair is scored once, by its lower article, and offered to the
     * k best of both (held for every article until its turn: k x n). The k
     * best of an article under nb_worse's total order do not depend on the
     * order they are offered in. */
    tcur = malloc((nu + 1) * sizeof *tcur);
    heapv = malloc(((size_t)n * o.k + 1) * sizeof *heapv);
    heapn = calloc(n + 1, sizeof *heapn);
    kfloor = malloc((n + 1) * sizeof *kfloor);
    if (!tcur || !heapv || !heapn || !kfloor) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    if (o.scan_df < o.max_df) { /* the rescoring lists: terms past scan_df, and names */
        size_t nr = 0;
        for (size_t k = 0; k < nt; k++) {
            size_t df = ustart[tid[k] + 1] - ustart[tid[k]];
            nr += df <= o.max_df && (df > o.scan_df || (names && in->is_name[k]));
        }
        dense = calloc(nu + 1, sizeof *dense);
        dname = calloc(nu + 1, 1);
        roff = malloc((n + 1) * sizeof *roff);
        rterms = malloc((nr + 1) * sizeof *rterms);
        if (!dense || !dname || !roff || !rterms) {
            st = PRECIS_ENOMEM;
            goto done;
        }
        nr = 0;
        for (size_t i = 0; i < n; i++) {
            roff[i] = nr;
            for (size_t k = in->off[i]; k < in->off[i + 1]; k++) {
                size_t df = ustart[tid[k] + 1] - ustart[tid[k]];
                bool name = names && in->is_name[k];
                if (df <= o.max_df && (df > o.scan_df || name))
                    rterms[nr++] = (rterm){tid[k], df > o.scan_df ? in->w[k] : 0, name};
            }
        }
        roff[n] = nr;
    }
    memcpy(tcur, ustart, nu * sizeof *tcur);
    for (size_t i = 0; i < n; i++) kfloor[i] = -1;
    for (size_t i = 0; i < n; i++) {
        size_t nto = 0;
        for (size_t k = in->off[i]; k < in->off[i + 1]; k++) {
            /* A term's postings are a range of pd, by article: no search,
             * the common terms (past scan_df) are skipped by their length,
             * and i's own posting is the term's cursor (each article before
             * i moved it on by one): the articles after i follow it. */
            size_t f = ustart[tid[k]], e = ustart[tid[k] + 1], self = tcur[tid[k]]++;
            if (e - f > o.scan_df) continue;
            if (names && in->is_name[k]) /* a name: its articles share one more */
                for (size_t r = self + 1; r < e; r++) nacc[pd[r].doc] += nacc[pd[r].doc] < 255;
            for (size_t r = self + 1; r < e; r++) {
                uint32_t j = pd[r].doc;
                float x = in->w[k] * pd[r].w;
                if (!(x > 0)) continue; /* keeps acc > 0 for every touched article */
                /* listed the first time only; branch-free: whether j is new
                 * is as good as random, and a mispredicted branch per posting
                 * cost more than the store (touched has room for n) */
                touched[nto] = j;
                nto += acc[j] == 0;
                acc[j] += x;
            }
        }
        nb *best = heapv + (size_t)i * o.k;
        for (size_t t = 0; t < nto; t++) {
            uint32_t j = touched[t];
            float s = acc[j], raw = s;
            acc[j] = 0;
            if (names && nacc[j]) { /* both have the name: j was touched, and nacc is cleared here */
                unsigned m = nname[i] < nname[j] ? nname[i] : nname[j];
                s += (float)(o.name_weight * (nacc[j] < m ? nacc[j] : m) / (double)m);
                nacc[j] = 0;
            }
            if (in->time && in->time[i] != PK_TIME_UNKNOWN && in->time[j] != PK_TIME_UNKNOWN) {
                int64_t gap = in->time[i] > in->time[j] ? in->time[i] - in->time[j] : in->time[j] - in->time[i];
                s = (float)(s * time_apart(gap, in->quiet_seconds));
            }
            /* under a heap's floor: nb_insert would not take it (most
             * candidates, once the k best fill; the floor is one float) */
            if (s >= kfloor[i]) nb_insert(best, &heapn[i], o.k, &kfloor[i], (nb){j, s, raw});
            if (s >= kfloor[j]) nb_insert(heapv + (size_t)j * o.k, &heapn[j], o.k, &kfloor[j], (nb){(uint32_t)i, s, raw});
        }
        size_t nb_n = heapn[i];
        if (ne + nb_n > cap_e) {
            size_t c1 = cap_e, c2 = cap_e, c3 = cap_e;
            if (pc_grow(&edge, &c1, ne + nb_n, sizeof *edge, 4096) ||
                pc_grow(&edge_s, &c2, ne + nb_n, sizeof *edge_s, 4096) ||
                pc_grow(&edge_r, &c3, ne + nb_n, sizeof *edge_r, 4096)) {
                st = PRECIS_ENOMEM;
                goto done;
            }
            cap_e = c1 < c2 ? c1 : c2;
            if (c3 < cap_e) cap_e = c3;
        }
        /* The k best are final (later articles do not score pairs with i).
         * They were found and ranked on the terms under scan_df; each is
         * scored again over every term under max_df: its dot product over
         * the scanned terms, plus the products over the shared terms past
         * scan_df, plus the name bonus over all the names shared (i's
         * rescoring list spread over the term ranks, the other's read: the
         * same sums from either side, so a pair listed by both gets one
         * score bit for bit). */
        if (nb_n && rterms) {
            for (size_t k = roff[i]; k < roff[i + 1]; k++) dense[rterms[k].u] = rterms[k].w, dname[rterms[k].u] = rterms[k].name;
            for (size_t t = 0; t < nb_n; t++) {
                uint32_t j = best[t].doc;
                float m = 0;
                unsigned shared = 0;
                for (size_t k = roff[j]; k < roff[j + 1]; k++) {
                    m += dense[rterms[k].u] * rterms[k].w;
                    shared += dname[rterms[k].u] & rterms[k].name;
                }
                float sc = best[t].raw + m;
                if (shared) {
                    unsigned mm = nname[i] < nname[j] ? nname[i] : nname[j];
                    sc += (float)(o.name_weight * (shared < mm ? shared : mm) / (double)mm);
                }
                if (in->time && in->time[i] != PK_TIME_UNKNOWN && in->time[j] != PK_TIME_UNKNOWN) {
                    int64_t gap = in->time[i] > in->time[j] ? in->time[i] - in->time[j] : in->time[j] - in->time[i];
                    sc = (float)(sc * time_apart(gap, in->quiet_seconds));
                }
                best[t].s = sc;
            }
            for (size_t k = roff[i]; k < roff[i + 1]; k++) dense[rterms[k].u] = 0, dname[rterms[k].u] = 0;
        }
        /* how far down i's list each neighbour is (the attach step's strong
         * edges): k best by insertion, best first */
        for (size_t x = 1; x < nb_n; x++) {
            nb v = best[x];
            size_t y = x;
            for (; y && nb_worse(&best[y - 1], &v); y--) best[y] = best[y - 1];
            best[y] = v;
        }
        for (size_t t = 0; t < nb_n; t++) {
            uint64_t lo = i < best[t].doc ? i : best[t].doc, hi = i < best[t].doc ? best[t].doc : i;
            edge[ne] = lo << 32 | hi;
            edge_s[ne] = best[t].s;
            edge_r[ne] = (uint8_t)(t < 255 ? t : 255);
            ne++;
        }
    }
    size_t nue = 0;
    /* Symmetric: one edge per pair (the two directions computed the same
     * dot product, up to summation order: the larger value is kept). Sorting
     * pair keys together with their scores: keys first, then a merge pass. */
    {
        uint64_t *rec = malloc((ne + 1) * 2 * sizeof *rec), *tmp = malloc((ne + 1) * 2 * sizeof *tmp);
        const uint64_t *key = rec && tmp ? rec : NULL;
        if (!key) {
            free(rec);
            free(tmp);
            st = PRECIS_ENOMEM;
            goto done;
        }
        for (size_t e = 0; e < ne; e++) {
            rec[2 * e] = edge[e];
            uint32_t bits;
            memcpy(&bits, &edge_s[e], sizeof bits);
            rec[2 * e + 1] = bits | (uint64_t)edge_r[e] << 32;
        }
        /* (key, score and rank) records by key: a pair's two are merged
         * below whatever their order */
        if (!(key = sort_keyed(rec, tmp, ne))) {
            free(rec);
            free(tmp);
            st = PRECIS_ENOMEM;
            goto done;
        }
        for (size_t e = 0; e < ne;) {
            size_t f = e;
            uint64_t k = key[2 * e];
            float s = 0;
            unsigned rmin = 255, rmax = 0;
            for (; e < ne && key[2 * e] == k; e++) {
                float x;
                uint32_t bits = (uint32_t)key[2 * e + 1];
                unsigned r = (unsigned)(key[2 * e + 1] >> 32) & 255;
                memcpy(&x, &bits, sizeof x);
                if (e == f || x > s) s = x;
                if (r < rmin) rmin = r;
                if (r > rmax) rmax = r;
            }
            uint32_t a = (uint32_t)(k >> 32), b = (uint32_t)k;
            if ((st = alist_add(&g[a], b, s)) || (st = alist_add(&g[b], a, s))) {
                free(rec);
                free(tmp);
                goto done;
            }
            /* The distinct pairs, kept for the attach step with their
             * strength: 2 when each is among the other's attach_k best,
             * 1 when one is, 0 otherwise (nue <= f: written behind the reads). */
            edge[nue] = k;
            edge_s[nue] = s;
            edge_r[nue++] = (uint8_t)(rmin >= o.attach_k ? 0 : e - f == 2 && rmax < o.attach_k ? 2 : 1);
        }
        free(rec);
        free(tmp);
        ne = nue;
    }

    /* 2. Average-linkage agglomeration. */
    for (size_t i = 0; i < n; i++) {
        size[i] = 1;
        parent[i] = (uint32_t)i;
        for (size_t t = 0; t < g[i].n; t++)
            if (g[i].v[t].nbr > i && g[i].v[t].sum >= o.link &&
                (st = hpush(&h, (hent){g[i].v[t].sum, (uint32_t)i, g[i].v[t].nbr, 0, 0})))
                goto done;
    }
    while (h.n) {
        hent e = hpop(&h);
        if (e.score < o.link) break;
        if (parent[e.a] != e.a || parent[e.b] != e.b) continue; /* a side merged since */
        double cur = alist_get(&g[e.a], e.b);
        if (cur < 0 || cur / ((double)size[e.a] * size[e.b]) != e.score) continue; /* stale */
        /* the group with more neighbours survives (less to move) */
        uint32_t a = e.a, b = e.b;
        if (g[b].n > g[a].n) a = e.b, b = e.a;
        if ((st = adj_merge(g, a, b))) goto done;
        parent[b] = a;
        size[a] += size[b];
        for (size_t t = 0; t < g[a].n; t++) {
            uint32_t k = g[a].v[t].nbr;
            double sc = g[a].v[t].sum / ((double)size[a] * size[k]);
            if (sc >= o.link && (st = hpush(&h, (hent){sc, a < k ? a : k, a < k ? k : a, 0, 0}))) goto done;
        }
    }
    for (size_t i = 0; i < n; i++) { /* roots; path halving */
        uint32_t r = (uint32_t)i;
        while (parent[r] != r) r = parent[r] = parent[parent[r]];
        label[i] = r;
    }

    /* 2b. Centroid merging (see the top of this file): groups of two or
     * more whose centroids reach `centroid`, whose merge reaches
     * `min_merged` articles and whose support reaches `support`, best
     * cosine first, centroids updated; only groups the graph links. */
    if (o.centroid > 0) {
        cv = calloc(n + 1, sizeof *cv);
        size_t *need = calloc(n + 1, sizeof *need);
        if (!cv || !need) {
            free(need);
            st = PRECIS_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < n; i++) {
            cv[i].t0 = INT64_MAX, cv[i].t1 = INT64_MIN;
            if (size[label[i]] >= 2) need[label[i]] += in->off[i + 1] - in->off[i];
        }
        for (size_t r = 0; r < n; r++)
            if (need[r] && !(cv[r].v = malloc(need[r] * sizeof *cv[r].v))) st = PRECIS_ENOMEM;
        free(need);
        if (st) goto done;
        /* The postings, sorted by term then article, give each group its
         * terms in order and each term its df (its run length). */
        for (size_t u = 0; u < nu; u++) {
            size_t k = ustart[u], e = ustart[u + 1];
            float spec = 1.0f / (float)(e - k);
            for (; k < e; k++) {
                cvec *c = &cv[label[pd[k].doc]];
                if (!c->v) continue;
                if (c->n && c->v[c->n - 1].term == u) {
                    c->v[c->n - 1].w += pd[k].w;
                    c->v[c->n - 1].spec += spec;
                } else {
                    c->v[c->n].term = u; /* the rank: orders as the term, and indexes a spread */
                    c->v[c->n].w = pd[k].w;
                    c->v[c->n++].spec = spec;
                }
            }
        }
        for (size_t i = 0; i < n; i++) {
            cvec *c = &cv[label[i]];
            if (c->v && in->time && in->time[i] != PK_TIME_UNKNOWN) {
                if (in->time[i] < c->t0) c->t0 = in->time[i];
                if (in->time[i] > c->t1) c->t1 = in->time[i];
            }
        }
        for (size_t r = 0; r < n; r++) cvec_sums(&cv[r]);
        free(pd); /* the postings are not needed any more */
        free(ustart);
        pd = NULL, ustart = NULL;
        h.n = 0;
        /* A group's version counts its merges: an entry pushed before either
         * side changed is stale (its centroids are not the ones it scored). */
        uint32_t *ver = calloc(n + 1, sizeof *ver);
        spread sp = {calloc(nu + 1, sizeof *sp.w), calloc(nu + 1, sizeof *sp.spec), NULL};
        if (!ver || !sp.w || !sp.spec) st = PRECIS_ENOMEM;
        for (size_t r = 0; r < n && !st; r++) {
            if (!cv[r].n) continue;
            spread_set(&sp, &cv[r]);
            for (size_t t = 0; t < g[r].n && !st; t++) {
                uint32_t k = g[r].v[t].nbr;
                if (k <= r || !cv[k].n) continue;
                double sc = cent_cos(&sp, &cv[k], in->quiet_seconds);
                if (sc >= o.centroid && size[r] + size[k] >= o.min_merged &&
                    csupport(&sp, &cv[k], size[r], size[k]) >= o.support)
                    st = hpush(&h, (hent){sc, (uint32_t)r, k, 0, 0});
            }
            spread_clear(&sp);
        }
        while (h.n && !st) {
            hent e = hpop(&h);
            if (!cv[e.a].n || !cv[e.b].n) continue; /* merged away */
            if (ver[e.a] != e.va || ver[e.b] != e.vb) continue; /* stale */
            uint32_t a = e.a, b = e.b;
            if (g[b].n > g[a].n) a = e.b, b = e.a;
            if ((st = adj_merge(g, a, b)) || (st = cmerge(&cv[a], &cv[b]))) break;
            parent[b] = a;
            size[a] += size[b];
            ver[a]++;
            spread_set(&sp, &cv[a]);
            for (size_t t = 0; t < g[a].n && !st; t++) {
                uint32_t k = g[a].v[t].nbr;
                if (!cv[k].n) continue;
                double sc = cent_cos(&sp, &cv[k], in->quiet_seconds);
                if (sc >= o.centroid && size[a] + size[k] >= o.min_merged &&
                    csupport(&sp, &cv[k], size[a], size[k]) >= o.support)
                    st = hpush(&h, a < k ? (hent){sc, a, k, ver[a], ver[k]} : (hent){sc, k, a, ver[k], ver[a]});
            }
            spread_clear(&sp);
        }
        free(ver);
        free(sp.w);
        free(sp.spec);
        if (st) goto done;
        for (size_t i = 0; i < n; i++) {
            uint32_t r = (uint32_t)i;
            while (parent[r] != r) r = parent[r] = parent[parent[r]];
            label[i] = r;
        }
    }

    /* 3. Lone articles join the group their strong edges reach best: an
     * edge counts whole when each article is among the other's attach_k
     * best, half when one is, not at all otherwise (a lone article whose own
     * best neighbours are elsewhere is not pulled in by its weaker edges).
     * Decisions are taken on the groups as step 2 left them, then applied. */
    {
        alist *la = calloc(n + 1, sizeof *la); /* per lone article: sums per group */
        if (!la) {
            st = PRECIS_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < n; i++) /* lone: one article, no copies (touched marks them) */
            touched[i] = label[i] == i && size[i] == 1 && !(in->not_lone && in->not_lone[i]);
        for (size_t e = 0; e < ne && !st; e++) {
            if (!edge_r[e]) continue;
            uint32_t a = (uint32_t)(edge[e] >> 32), b = (uint32_t)edge[e];
            double x = edge_s[e] * (edge_r[e] == 2 ? 1.0 : 0.5);
            if (touched[a] == 1 && size[label[b]] >= 2) st = alist_add(&la[a], label[b], x);
            if (!st && touched[b] == 1 && size[label[a]] >= 2) st = alist_add(&la[b], label[a], x);
        }
        for (size_t i = 0; i < n && !st; i++) {
            uint32_t bg = UINT32_MAX;
            double bs = 0;
            for (size_t t = 0; t < la[i].n; t++) {
                uint32_t k = la[i].v[t].nbr;
                double sc = la[i].v[t].sum / size[k];
                if (sc >= o.attach && (bg == UINT32_MAX || sc > bs || (sc == bs && k < bg))) bg = k, bs = sc;
            }
            touched[i] = bg;
        }
        for (size_t i = 0; i < n; i++) free(la[i].v);
        free(la);
        if (st) goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (touched[i] != UINT32_MAX) label[i] = touched[i];
    for (size_t i = 0; i < n; i++)
        if (in->off[i + 1] == in->off[i]) label[i] = UINT32_MAX;

done:
    if (cv)
        for (size_t i = 0; i < n; i++) free(cv[i].v);
    free(cv);
    if (g)
        for (size_t i = 0; i < n; i++) free(g[i].v);
    free(g);
    free(pd);
    free(own_rank);
    free(ustart);
    free(acc);
    free(touched);
    free(heapv);
    free(heapn);
    free(kfloor);
    free(tcur);
    free(dense);
    free(dname);
    free(rterms);
    free(roff);
    free(edge);
    free(edge_s);
    free(edge_r);
    free(size);
    free(parent);
    free(h.v);
    free(nacc);
    free(nname);
    return st;
}
