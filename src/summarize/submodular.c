/* Lin & Bilmes (2011) selector: a real-valued monotone submodular objective
 * over sentence similarities, as an alternative to the concept coverage of
 * select.c (docs/summarize.md, Round 8).
 *
 *   L(S) = sum_i min(C_i(S), alpha C_i(V)),  C_i(S) = sum_{j in S} w_ij
 *   R(S) = sum_k sqrt(sum_{j in S, j in P_k} r_j)
 *
 * w_ij is the cosine of the items' content-word vectors weighted by idf
 * over the cluster's candidates (log(N / items holding the word)), V the
 * candidates, P_k a k-medoids partition of them on the same similarities and
 * r_j the mean similarity of j to V. The objective maximised is
 *
 *   F(S) = concepts x cover(S) + bonus x sum_{j in S} bonus_j
 *          + sigma x coverage x (L(S) + diversity x R(S))
 *
 * where cover is select.c's covered concept weight and sigma puts L on the
 * concepts' scale (the largest single item's concept value over the largest
 * single item's L). Every part is monotone submodular, so the lazy
 * (Minoux) cost-scaled greedy, gain / cost^r, with the best single item as in
 * Lin & Bilmes 2010, picks the same items as the plain greedy while
 * evaluating only the few gains that could still be the largest. */
#include "summarize/summarize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const ps_lb_params *ps_lb_dev_hook;

/* Dense similarities cost n^2 floats: above this many items the concept
 * selector is used instead (16 MiB). */
#define LB_MAX_ITEMS 2048

typedef struct heap_ent {
    double key;
    uint32_t i, stamp;
} heap_ent;

static bool heap_less(const heap_ent *a, const heap_ent *b) /* a below b */
{
    if (a->key != b->key) return a->key < b->key;
    return a->i > b->i; /* ties: the lower item first */
}

static void heap_push(heap_ent *h, size_t *n, heap_ent e)
{
    size_t k = (*n)++;
    while (k) {
        size_t p = (k - 1) / 2;
        if (!heap_less(&h[p], &e)) break;
        h[k] = h[p];
        k = p;
    }
    h[k] = e;
}

static heap_ent heap_pop(heap_ent *h, size_t *n)
{
    heap_ent top = h[0], e = h[--(*n)];
    size_t k = 0;
    for (;;) {
        size_t c = 2 * k + 1;
        if (c >= *n) break;
        if (c + 1 < *n && heap_less(&h[c], &h[c + 1])) c++;
        if (!heap_less(&e, &h[c])) break;
        h[k] = h[c];
        k = c;
    }
    if (*n) h[k] = e;
    return top;
}

/* Similarities of every pair of items (row-major, n x n, w_ii = 1 for an
 * item with a word). False on OOM. */
static bool similarities(const ps_item *items, size_t n, const double *weights, bool by_concepts, float *sim)
{
    ps_item *tmp = NULL;
    if (by_concepts) { /* the items' weighted concepts as their terms */
        tmp = malloc(n * sizeof *tmp);
        if (!tmp) return false;
        for (size_t i = 0; i < n; i++) {
            tmp[i] = items[i];
            tmp[i].terms = items[i].concepts;
            tmp[i].n_terms = items[i].n_concepts;
        }
        items = tmp;
    }
    uint32_t max_t = 0;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += items[i].n_terms;
        for (uint32_t k = 0; k < items[i].n_terms; k++)
            if (items[i].terms[k] + 1 > max_t) max_t = items[i].terms[k] + 1;
    }
    uint32_t *off = calloc((size_t)max_t + 2, sizeof *off), *post = malloc((total + 1) * sizeof *post);
    double *idf2 = malloc(((size_t)max_t + 1) * sizeof *idf2), *norm = malloc((n + 1) * sizeof *norm);
    double *acc = calloc(n + 1, sizeof *acc);
    bool ok = off && post && idf2 && norm && acc;
    if (!ok) goto done;
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < items[i].n_terms; k++) off[items[i].terms[k] + 1]++;
    for (uint32_t t = 0; t < max_t; t++) {
        double sf = off[t + 1];
        double idf = sf > 0 ? log((double)n / sf) : 0;
        idf2[t] = by_concepts ? weights[t] * weights[t] : idf * idf;
    }
    for (uint32_t t = 0; t < max_t; t++) off[t + 1] += off[t];
    off[max_t + 1] = off[max_t];
    {
        uint32_t *fill = calloc((size_t)max_t + 1, sizeof *fill);
        if (!fill) {
            ok = false;
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            for (uint32_t k = 0; k < items[i].n_terms; k++) {
                uint32_t t = items[i].terms[k];
                post[off[t] + fill[t]++] = (uint32_t)i;
            }
        free(fill);
    }
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (uint32_t k = 0; k < items[i].n_terms; k++) s += idf2[items[i].terms[k]];
        norm[i] = sqrt(s);
    }
    for (size_t i = 0; i < n; i++) {
        float *row = sim + i * n;
        memset(row, 0, n * sizeof *row);
        if (norm[i] <= 0) continue;
        for (uint32_t k = 0; k < items[i].n_terms; k++) {
            uint32_t t = items[i].terms[k];
            if (idf2[t] <= 0) continue;
            for (uint32_t q = off[t]; q < off[t + 1]; q++) acc[post[q]] += idf2[t];
        }
        for (size_t j = 0; j < n; j++)
            if (acc[j] > 0) {
                row[j] = (float)(acc[j] / (norm[i] * norm[j]));
                acc[j] = 0;
            }
        row[i] = 1;
    }
done:
    free(tmp);
    free(off);
    free(post);
    free(idf2);
    free(norm);
    free(acc);
    return ok;
}

/* A partition of the items into k parts: k-medoids (Voronoi iteration) on
 * the similarities, seeded by the most central item and then, farthest
 * first, the item least similar to the seeds so far. Deterministic. */
static bool partition(const float *sim, size_t n, size_t k, const double *rowsum, uint32_t *part)
{
    uint32_t *med = malloc((k + 1) * sizeof *med);
    float *best = malloc((n + 1) * sizeof *best);
    double *score = malloc((n + 1) * sizeof *score);
    if (!med || !best || !score) {
        free(med);
        free(best);
        free(score);
        return false;
    }
    size_t c0 = 0;
    for (size_t i = 1; i < n; i++)
        if (rowsum[i] > rowsum[c0]) c0 = i;
    med[0] = (uint32_t)c0;
    for (size_t i = 0; i < n; i++) best[i] = sim[c0 * n + i];
    size_t m = 1;
    while (m < k) {
        size_t f = SIZE_MAX;
        for (size_t i = 0; i < n; i++)
            if (f == SIZE_MAX || best[i] < best[f]) f = i;
        if (f == SIZE_MAX || best[f] >= 1) break; /* every item is a seed's copy */
        med[m++] = (uint32_t)f;
        for (size_t i = 0; i < n; i++)
            if (sim[f * n + i] > best[i]) best[i] = sim[f * n + i];
    }
    for (int iter = 0; iter < 6; iter++) {
        for (size_t i = 0; i < n; i++) { /* nearest medoid */
            size_t b = 0;
            for (size_t c = 1; c < m; c++)
                if (sim[(size_t)med[c] * n + i] > sim[(size_t)med[b] * n + i]) b = c;
            part[i] = (uint32_t)b;
        }
        bool moved = false;
        for (size_t i = 0; i < n; i++) score[i] = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                if (part[j] == part[i]) score[i] += sim[i * n + j];
        for (size_t c = 0; c < m; c++) {
            size_t b = med[c];
            for (size_t i = 0; i < n; i++)
                if (part[i] == c && score[i] > score[b] + 1e-12) b = i;
            if (b != med[c]) {
                med[c] = (uint32_t)b;
                moved = true;
            }
        }
        if (!moved) break;
    }
    free(med);
    free(best);
    free(score);
    return true;
}

typedef struct lb_state {
    const ps_item *items;
    size_t n;
    const double *w;
    const float *sim;
    const ps_lb_params *p;
    double sigma;
    uint32_t *count;   /* per concept: chosen items holding it */
    double *cov, *cap; /* per item i: C_i(S) and alpha C_i(V) */
    const uint32_t *part; /* per item: its part P_k */
    const double *reward; /* per item: r_j */
    double *psum;      /* per part: reward chosen */
} lb_state;

static double gain_of(const lb_state *s, size_t j)
{
    const ps_item *it = &s->items[j];
    double g = s->p->bonus * it->bonus;
    if (s->p->concepts != 0)
        for (uint32_t k = 0; k < it->n_concepts; k++)
            if (!s->count[it->concepts[k]]) g += s->p->concepts * s->w[it->concepts[k]];
    if (s->p->coverage != 0) {
        const float *row = s->sim + j * s->n;
        double l = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (row[i] <= 0 || s->cov[i] >= s->cap[i]) continue;
            double c = s->cov[i] + row[i];
            l += (c < s->cap[i] ? c : s->cap[i]) - s->cov[i];
        }
        if (s->p->diversity != 0) {
            double q = s->psum[s->part[j]];
            l += s->p->diversity * (sqrt(q + s->reward[j]) - sqrt(q));
        }
        g += s->sigma * s->p->coverage * l;
    }
    return g;
}

static void take(lb_state *s, size_t j)
{
    const ps_item *it = &s->items[j];
    for (uint32_t k = 0; k < it->n_concepts; k++) s->count[it->concepts[k]]++;
    const float *row = s->sim + j * s->n;
    for (size_t i = 0; i < s->n; i++) s->cov[i] += row[i];
    s->psum[s->part[j]] += s->reward[j];
}

static void untake(lb_state *s, size_t j)
{
    const ps_item *it = &s->items[j];
    for (uint32_t k = 0; k < it->n_concepts; k++) s->count[it->concepts[k]]--;
    const float *row = s->sim + j * s->n;
    for (size_t i = 0; i < s->n; i++) s->cov[i] -= row[i];
    s->psum[s->part[j]] -= s->reward[j];
}

/* L({j}): item j's coverage alone. */
static double alone_l(const lb_state *s, size_t j)
{
    const float *row = s->sim + j * s->n;
    double l = 0;
    for (size_t i = 0; i < s->n; i++) l += row[i] < s->cap[i] ? row[i] : s->cap[i];
    return l;
}

static bool clashes(const ps_conflicts *cf, size_t j, const uint32_t *out, size_t n, size_t skip)
{
    for (size_t k = 0; cf && k < n; k++)
        if (k != skip && cf->conflict(cf->user, (uint32_t)j, out[k])) return true;
    return false;
}

/* Additions and swaps that raise F, from the chosen out[0..n) (taken in s),
 * until none does (bounded rounds). Returns the new count. */
static size_t local_search(lb_state *s, uint32_t budget, size_t max_items, const ps_conflicts *cf, uint32_t *out,
                           size_t n, uint8_t *chosen)
{
    const ps_item *items = s->items;
    uint32_t used = 0;
    for (size_t k = 0; k < n; k++) used += items[out[k]].cost;
    for (int round = 0; round < 6; round++) {
        bool improved = false;
        for (size_t j = 0; j < s->n && (!max_items || n < max_items); j++) {
            if (chosen[j] || !items[j].cost || used + items[j].cost > budget) continue;
            if (gain_of(s, j) > 1e-9 && !clashes(cf, j, out, n, SIZE_MAX)) {
                take(s, j);
                chosen[j] = 1;
                out[n++] = (uint32_t)j;
                used += items[j].cost;
                improved = true;
            }
        }
        for (size_t a = 0; a < n; a++) {
            size_t i = out[a];
            untake(s, i);
            double loss = gain_of(s, i), best = 1e-9;
            size_t bj = SIZE_MAX;
            for (size_t j = 0; j < s->n; j++) {
                if (chosen[j] || !items[j].cost || used - items[i].cost + items[j].cost > budget) continue;
                double d = gain_of(s, j) - loss;
                if (d > best && !clashes(cf, j, out, n, a)) {
                    best = d;
                    bj = j;
                }
            }
            if (bj == SIZE_MAX) {
                take(s, i);
                continue;
            }
            take(s, bj);
            chosen[i] = 0;
            chosen[bj] = 1;
            used = used - items[i].cost + items[bj].cost;
            out[a] = (uint32_t)bj;
            improved = true;
        }
        if (!improved) break;
    }
    return n;
}

static void lb_free(lb_state *s)
{
    free((void *)s->sim);
    free(s->cov);
    free(s->cap);
    free((void *)s->part);
    free((void *)s->reward);
    free(s->psum);
    free(s->count);
}

/* Similarities, caps, partition, rewards and sigma. False on OOM. */
static bool lb_prepare(lb_state *s, const ps_item *items, size_t n, const double *weights, size_t n_concepts,
                       const ps_lb_params *p)
{
    *s = (lb_state){items, n, weights, NULL, p, 1, NULL, NULL, NULL, NULL, NULL, NULL};
    size_t k_parts = (size_t)ceil(p->part_share * (double)n);
    if (k_parts < 1) k_parts = 1;
    if (k_parts > n) k_parts = n;
    float *sim = malloc(n * n * sizeof *sim);
    uint32_t *part = calloc(n, sizeof *part);
    double *reward = malloc(n * sizeof *reward), *rowsum = malloc(n * sizeof *rowsum);
    s->sim = sim;
    s->part = part;
    s->reward = reward;
    s->cov = calloc(n, sizeof *s->cov);
    s->cap = malloc(n * sizeof *s->cap);
    s->psum = calloc(k_parts + 1, sizeof *s->psum);
    s->count = calloc(n_concepts + 1, sizeof *s->count);
    bool ok = sim && part && reward && rowsum && s->cov && s->cap && s->psum && s->count &&
              similarities(items, n, weights, p->sim_concepts, sim);
    if (ok) {
        double max_b = 0;
        for (size_t i = 0; i < n; i++) {
            double t = 0;
            for (size_t j = 0; j < n; j++) t += sim[i * n + j];
            rowsum[i] = t;
            s->cap[i] = p->alpha * t;
            reward[i] = t / (double)n; /* r_j: mean similarity to the candidates */
            if (items[i].bonus > max_b) max_b = items[i].bonus;
        }
        if (p->reward_bonus) /* r_j: the item's bonus (position and learned prior), largest 1 */
            for (size_t i = 0; i < n; i++) reward[i] = max_b > 0 ? items[i].bonus / max_b : 0;
        ok = p->diversity == 0 || partition(sim, n, k_parts, rowsum, part);
    }
    if (ok) { /* sigma: L on the concept objective's scale */
        double max_c = 0, max_l = 0;
        for (size_t j = 0; j < n; j++) {
            double c = items[j].bonus;
            for (uint32_t k = 0; k < items[j].n_concepts; k++) c += weights[items[j].concepts[k]];
            double l = alone_l(s, j);
            if (c > max_c) max_c = c;
            if (l > max_l) max_l = l;
        }
        s->sigma = max_l > 0 && max_c > 0 ? max_c / max_l : 1;
    }
    free(rowsum);
    return ok;
}

/* Lazy (Minoux) cost-scaled greedy, then the best single item. A key is an
 * upper bound of the item's current gain / cost^r (gains only fall as items
 * are taken); an item evaluated at the current step whose key is still the
 * largest is the plain greedy's choice (ties: the lower item). */
static size_t lazy_greedy(lb_state *s, uint32_t budget, size_t max_items, const ps_conflicts *cf, uint32_t *out,
                          uint8_t *chosen, bool *oom)
{
    const ps_item *items = s->items;
    size_t n = s->n, hn = 0, n_out = 0;
    heap_ent *heap = malloc(n * sizeof *heap);
    double *gain0 = malloc(n * sizeof *gain0);
    if (!heap || !gain0) {
        free(heap);
        free(gain0);
        *oom = true;
        return 0;
    }
    for (size_t j = 0; j < n; j++) {
        gain0[j] = gain_of(s, j);
        if (!items[j].cost || items[j].cost > budget || gain0[j] <= 0) continue;
        heap_push(heap, &hn, (heap_ent){gain0[j] / pow((double)items[j].cost, s->p->r), (uint32_t)j, 0});
    }
    uint32_t step = 0, used = 0;
    double value = 0;
    while (hn && (!max_items || n_out < max_items)) {
        heap_ent e = heap_pop(heap, &hn);
        size_t j = e.i;
        if (used + items[j].cost > budget) continue; /* used only grows: never again */
        if (e.stamp != step) {
            double g = gain_of(s, j);
            if (g > 0) heap_push(heap, &hn, (heap_ent){g / pow((double)items[j].cost, s->p->r), (uint32_t)j, step});
            continue;
        }
        if (clashes(cf, j, out, n_out, SIZE_MAX)) continue; /* chosen items stay chosen: never again */
        value += gain_of(s, j);
        take(s, j);
        chosen[j] = 1;
        used += items[j].cost;
        out[n_out++] = (uint32_t)j;
        step++;
    }
    size_t bs = SIZE_MAX; /* the best single item, for the guarantee */
    for (size_t j = 0; j < n; j++)
        if (items[j].cost && items[j].cost <= budget && gain0[j] > value + 1e-12 &&
            (bs == SIZE_MAX || gain0[j] > gain0[bs]))
            bs = j;
    if (bs != SIZE_MAX) {
        for (size_t k = 0; k < n_out; k++) {
            untake(s, out[k]);
            chosen[out[k]] = 0;
        }
        out[0] = (uint32_t)bs;
        n_out = 1;
        take(s, bs);
        chosen[bs] = 1;
    }
    free(heap);
    free(gain0);
    return n_out;
}

size_t ps_select_lb(const ps_item *items, size_t n_items, const double *weights, size_t n_concepts,
                    uint32_t budget, size_t max_items, const ps_conflicts *conflicts, const ps_lb_params *p,
                    uint32_t *out)
{
    bool exact;
    if (!n_items) return 0;
    if (n_items > LB_MAX_ITEMS) /* dense similarities would not pay */
        return ps_select(items, n_items, weights, n_concepts, budget, max_items, conflicts, out, &exact);
    lb_state s = {0};
    uint8_t *chosen = calloc(n_items, 1);
    ps_item *mod = p->start == 2 ? malloc(n_items * sizeof *mod) : NULL;
    bool oom = !chosen || (p->start == 2 && !mod) || !lb_prepare(&s, items, n_items, weights, n_concepts, p);
    size_t n_out = 0;
    if (oom) { /* below */
    } else if (p->start == 2) { /* each item's L alone beside its bonus, the concept objective's exact solver */
        for (size_t j = 0; j < n_items; j++) {
            mod[j] = items[j];
            mod[j].bonus = p->bonus * items[j].bonus + s.sigma * p->coverage * alone_l(&s, j);
        }
        n_out = ps_select(mod, n_items, weights, n_concepts, budget, max_items, conflicts, out, &exact);
    } else if (p->start == 1) { /* the concept objective's optimum, then moves that raise F */
        n_out = ps_select(items, n_items, weights, n_concepts, budget, max_items, conflicts, out, &exact);
        for (size_t k = 0; k < n_out; k++) {
            take(&s, out[k]);
            chosen[out[k]] = 1;
        }
        n_out = local_search(&s, budget, max_items, conflicts, out, n_out, chosen);
    } else {
        n_out = lazy_greedy(&s, budget, max_items, conflicts, out, chosen, &oom);
        if (!oom && p->search) n_out = local_search(&s, budget, max_items, conflicts, out, n_out, chosen);
    }
    lb_free(&s);
    free(chosen);
    free(mod);
    if (oom) /* the concept selector needs less memory */
        n_out = ps_select(items, n_items, weights, n_concepts, budget, max_items, conflicts, out, &exact);
    return n_out;
}
