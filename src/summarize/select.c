/* Budgeted maximum coverage: choose sentences (items) covering the most
 * concept weight within a length budget. Coverage is monotone submodular, so
 * the cost-scaled greedy together with the best single item keeps a constant
 * factor guarantee (Lin & Bilmes 2010; Khuller et al. 1999). Swaps then climb
 * to a local optimum, and a bounded branch and bound tries to prove or beat it. */
#include "summarize/summarize.h"

#include <stdlib.h>
#include <string.h>

typedef struct sel_state {
    const ps_item *items;
    size_t n_items;
    const double *w;
    uint32_t *count; /* per concept: how many chosen items contain it */
    uint8_t *mark;   /* scratch per concept */
    const ps_conflicts *conflicts;
    uint8_t *memo; /* stride^2 conflict answers (0 unknown, 1 no, 2 yes), or NULL */
    size_t stride; /* the original number of items */
    /* Marginal gain of every item, kept current as items are added and
     * removed through the inverted index concept -> items (CSR): a gain is
     * then read, not recomputed, which the bound asks for every item at
     * every node. */
    double *gain;
    uint32_t *inv_off, *inv;
} sel_state;

static bool conflict(const sel_state *s, size_t a, size_t b)
{
    if (!s->memo) return s->conflicts->conflict(s->conflicts->user, (uint32_t)a, (uint32_t)b);
    uint8_t *m = &s->memo[a * s->stride + b];
    if (!*m) {
        *m = s->conflicts->conflict(s->conflicts->user, (uint32_t)a, (uint32_t)b) ? 2 : 1;
        s->memo[b * s->stride + a] = *m;
    }
    return *m == 2;
}

/* Does item i conflict with any of chosen[0..n) other than chosen[skip]? */
static bool conflicts_with(const sel_state *s, size_t i, const uint32_t *chosen, size_t n, size_t skip)
{
    if (!s->conflicts) return false;
    for (size_t k = 0; k < n; k++)
        if (k != skip && conflict(s, i, chosen[k])) return true;
    return false;
}

static inline double gain_of(const sel_state *s, size_t i) { return s->gain[i]; }

static void add_item(sel_state *s, size_t i)
{
    const ps_item *it = &s->items[i];
    for (uint32_t k = 0; k < it->n_concepts; k++) {
        uint32_t c = it->concepts[k];
        if (s->count[c]++) continue;
        double w = s->w[c];
        for (uint32_t q = s->inv_off[c]; q < s->inv_off[c + 1]; q++) s->gain[s->inv[q]] -= w;
    }
}

static void remove_item(sel_state *s, size_t i)
{
    const ps_item *it = &s->items[i];
    for (uint32_t k = 0; k < it->n_concepts; k++) {
        uint32_t c = it->concepts[k];
        if (--s->count[c]) continue;
        double w = s->w[c];
        for (uint32_t q = s->inv_off[c]; q < s->inv_off[c + 1]; q++) s->gain[s->inv[q]] += w;
    }
}

/* Inverted index and initial gains (nothing chosen). False on OOM. */
static bool index_items(sel_state *s, size_t n_concepts)
{
    size_t total = 0;
    for (size_t i = 0; i < s->n_items; i++) total += s->items[i].n_concepts;
    if (total >= UINT32_MAX) return false;
    s->gain = malloc((s->n_items + 1) * sizeof *s->gain);
    s->inv_off = calloc(n_concepts + 2, sizeof *s->inv_off);
    s->inv = malloc((total + 1) * sizeof *s->inv);
    if (!s->gain || !s->inv_off || !s->inv) return false;
    for (size_t i = 0; i < s->n_items; i++) {
        const ps_item *it = &s->items[i];
        double g = it->bonus;
        for (uint32_t k = 0; k < it->n_concepts; k++) {
            g += s->w[it->concepts[k]];
            s->inv_off[it->concepts[k] + 1]++;
        }
        s->gain[i] = g;
    }
    for (size_t c = 0; c < n_concepts; c++) s->inv_off[c + 1] += s->inv_off[c];
    s->inv_off[n_concepts + 1] = s->inv_off[n_concepts];
    uint32_t *fill = s->count; /* zero now; used as the fill cursor, then cleared */
    for (size_t i = 0; i < s->n_items; i++) {
        const ps_item *it = &s->items[i];
        for (uint32_t k = 0; k < it->n_concepts; k++) {
            uint32_t c = it->concepts[k];
            s->inv[s->inv_off[c] + fill[c]++] = (uint32_t)i;
        }
    }
    memset(fill, 0, (n_concepts + 1) * sizeof *fill);
    return true;
}

/* Value lost by removing chosen item i. */
static double loss_of(const sel_state *s, size_t i)
{
    const ps_item *it = &s->items[i];
    double l = it->bonus;
    for (uint32_t k = 0; k < it->n_concepts; k++)
        if (s->count[it->concepts[k]] == 1) l += s->w[it->concepts[k]];
    return l;
}

/* Gain of adding j after removing i (i's concepts marked in s->mark). */
static double swap_gain(const sel_state *s, size_t i, size_t j)
{
    const ps_item *it = &s->items[j];
    double g = it->bonus;
    for (uint32_t k = 0; k < it->n_concepts; k++) {
        uint32_t c = it->concepts[k];
        uint32_t n = s->count[c];
        if (n == 0 || (n == 1 && s->mark[c])) g += s->w[c];
    }
    (void)i;
    return g;
}

static size_t greedy(sel_state *s, uint32_t budget, size_t max_items, uint32_t *out,
                     uint8_t *chosen, double *value)
{
    size_t n = 0;
    uint32_t used = 0;
    double v = 0;
    for (;;) {
        if (max_items && n >= max_items) break;
        double best = 0;
        size_t bi = SIZE_MAX;
        for (size_t i = 0; i < s->n_items; i++) {
            if (chosen[i] || s->items[i].cost == 0 || used + s->items[i].cost > budget) continue;
            double g = gain_of(s, i);
            if (g <= 0) continue;
            double r = g / (double)s->items[i].cost;
            if (r > best && conflicts_with(s, i, out, n, SIZE_MAX)) continue;
            if (r > best) {
                best = r;
                bi = i;
            }
        }
        if (bi == SIZE_MAX) break;
        v += gain_of(s, bi);
        add_item(s, bi);
        chosen[bi] = 1;
        used += s->items[bi].cost;
        out[n++] = (uint32_t)bi;
    }
    *value = v;
    return n;
}

/* ---- branch and bound ------------------------------------------------------ */

typedef struct ratio_idx {
    double ratio;
    size_t i;
} ratio_idx;

static int cmp_ratio_desc(const void *a, const void *b)
{
    const ratio_idx *x = a, *y = b;
    if (x->ratio != y->ratio) return x->ratio < y->ratio ? 1 : -1;
    return (x->i > y->i) - (x->i < y->i);
}

typedef struct bb {
    sel_state *s;
    uint32_t budget;
    size_t max_items;
    size_t *order;     /* items by decreasing stand-alone ratio */
    double *gains;     /* scratch: marginal gains */
    double *ratio0;    /* stand-alone gain/cost of order[k], non-increasing in k */
    ratio_idx *tmp;    /* scratch: candidates for the bound */
    uint32_t *path, *best;
    size_t best_n;
    double best_value;
    long nodes, node_limit;
} bb;

/* Upper bound on what items order[from..] can still add: fractional knapsack
 * over their current marginal gains (valid because coverage is submodular:
 * a set's gain never exceeds the sum of its members' gains).
 *
 * One pass keeps, by decreasing ratio (ties: the earlier in order first),
 * only the candidates the knapsack takes: once those fill the room, an item
 * whose ratio is not above the last of them cannot enter. Gains only fall as
 * items are added, so no item past order[k] has a ratio above ratio0[k]: when
 * the last one kept beats that, the rest of the order is not read. The bound
 * is the knapsack's over all the items (up to the order in which equal
 * ratios are summed), for a prefix of them and a few comparisons each. */
static double bound(bb *t, size_t from, uint32_t room)
{
    ratio_idx *top = t->tmp;
    size_t nt = 0, n = t->s->n_items;
    uint64_t sum = 0; /* cost of top[0..nt) */
    size_t end = n;   /* where the order stops mattering, once the room is full */
    for (size_t k = from; k < end; k++) {
        bool full = sum >= room;
        size_t i = t->order[k];
        uint32_t c = t->s->items[i].cost;
        if (c > room) continue;
        double g = gain_of(t->s, i);
        if (g <= 0) continue;
        double r = g / (double)c;
        if (full && r <= top[nt - 1].ratio) continue;
        size_t pos = nt;
        while (pos && top[pos - 1].ratio < r) pos--;
        memmove(top + pos + 1, top + pos, (nt - pos) * sizeof *top);
        top[pos] = (ratio_idx){r, i};
        t->gains[i] = g;
        nt++;
        sum += c;
        /* drop the last while the ones before it fill the room */
        while (nt > 1 && sum - t->s->items[top[nt - 1].i].cost >= room) sum -= t->s->items[top[--nt].i].cost;
        if (sum >= room) { /* the first later k whose ratio0 is not above the last kept (margin: the
                            * drift of gains kept by additions and subtractions against ratio0) */
            size_t lo = k + 1, hi = end;
            double last = top[nt - 1].ratio;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (last > t->ratio0[mid] * (1 + 1e-9) + 1e-12) hi = mid;
                else lo = mid + 1;
            }
            end = lo;
        }
    }
    double ub = 0;
    for (size_t k = 0; k < nt && room; k++) {
        size_t i = top[k].i;
        uint32_t c = t->s->items[i].cost;
        if (c <= room) {
            ub += t->gains[i];
            room -= c;
        } else {
            ub += t->gains[i] * (double)room / (double)c;
            room = 0;
        }
    }
    return ub;
}

static void dfs(bb *t, size_t from, size_t depth, uint32_t room, double value)
{
    if (++t->nodes > t->node_limit) return;
    if (value > t->best_value + 1e-9) {
        t->best_value = value;
        t->best_n = depth;
        memcpy(t->best, t->path, depth * sizeof *t->path);
    }
    if (t->max_items && depth >= t->max_items) return;
    if (value + bound(t, from, room) <= t->best_value + 1e-9) return;
    for (size_t k = from; k < t->s->n_items; k++) {
        size_t i = t->order[k];
        /* No item from here on can gain more than ratio0[k] a word (gains
         * only fall): when even that cannot beat the incumbent, none of them
         * passes the test below — stop (with a margin for the drift of the
         * gains kept by additions and subtractions). */
        if (value + t->ratio0[k] * (double)room * (1 + 1e-9) + 1e-9 <= t->best_value) break;
        uint32_t c = t->s->items[i].cost;
        if (c > room) continue;
        double g = gain_of(t->s, i);
        if (g <= 0) continue;
        if (conflicts_with(t->s, i, t->path, depth, SIZE_MAX)) continue;
        /* Prune: even taking i, can the rest beat the incumbent? A cheap bound
         * here (no later item has a better ratio than order[k+1] had alone);
         * the child then checks the fractional knapsack over current gains. */
        double cheap = k + 1 < t->s->n_items ? t->ratio0[k + 1] * (double)(room - c) : 0;
        if (value + g + cheap <= t->best_value + 1e-9) continue;
        add_item(t->s, i);
        t->path[depth] = (uint32_t)i;
        dfs(t, k + 1, depth + 1, room - c, value + g); /* the child checks the full bound */
        remove_item(t->s, i);
        if (t->nodes > t->node_limit) return;
    }
}

size_t ps_select(const ps_item *items, size_t n_items, const double *weights, size_t n_concepts,
                 uint32_t budget, size_t max_items, const ps_conflicts *conflicts, uint32_t *out,
                 bool *exact)
{
    *exact = false;
    if (!n_items) return 0;
    sel_state s = {items, n_items, weights, calloc(n_concepts + 1, sizeof(uint32_t)),
                   calloc(n_concepts + 1, 1), conflicts, NULL, n_items, NULL, NULL, NULL};
    /* Conflicts are asked again and again by the search: remember the answers
     * (up to 2048 items, 4 MiB; larger clusters ask each time). */
    if (conflicts && n_items <= 2048) s.memo = calloc(n_items * n_items, 1);
    uint8_t *chosen = calloc(n_items, 1);
    uint32_t *cur = malloc(n_items * sizeof *cur);
    size_t *order = malloc(n_items * sizeof *order);
    ratio_idx *tmp = malloc(n_items * sizeof *tmp);
    double *gains = malloc(n_items * sizeof *gains);
    uint32_t *path = malloc(n_items * sizeof *path), *best = malloc(n_items * sizeof *best);
    size_t n = 0;
    if (!s.count || !s.mark || !chosen || !cur || !order || !tmp || !gains || !path || !best) goto done;
    if (!index_items(&s, n_concepts)) goto done;

    double value;
    n = greedy(&s, budget, max_items, cur, chosen, &value);

    /* The best single item, for the guarantee. */
    double best_single = 0;
    size_t bs = SIZE_MAX;
    for (size_t i = 0; i < n_items; i++) {
        if (!items[i].cost || items[i].cost > budget) continue;
        double g = items[i].bonus;
        for (uint32_t k = 0; k < items[i].n_concepts; k++) g += weights[items[i].concepts[k]];
        if (g > best_single) {
            best_single = g;
            bs = i;
        }
    }
    if (bs != SIZE_MAX && best_single > value) {
        for (size_t k = 0; k < n; k++) {
            remove_item(&s, cur[k]);
            chosen[cur[k]] = 0;
        }
        n = 1;
        cur[0] = (uint32_t)bs;
        chosen[bs] = 1;
        add_item(&s, bs);
        value = best_single;
    }

    /* Swaps and additions until no move helps (bounded rounds). */
    uint32_t used = 0;
    for (size_t k = 0; k < n; k++) used += items[cur[k]].cost;
    int rounds = n_items > 4000 ? 2 : 8; /* swaps cost O(chosen x items) a round */
    for (int round = 0; round < rounds; round++) {
        bool improved = false;
        for (size_t j = 0; j < n_items && (!max_items || n < max_items); j++) {
            if (chosen[j] || !items[j].cost || used + items[j].cost > budget) continue;
            double g = gain_of(&s, j);
            if (g > 1e-9 && !conflicts_with(&s, j, cur, n, SIZE_MAX)) {
                add_item(&s, j);
                chosen[j] = 1;
                cur[n++] = (uint32_t)j;
                used += items[j].cost;
                value += g;
                improved = true;
            }
        }
        for (size_t a = 0; a < n; a++) {
            size_t i = cur[a];
            double loss = loss_of(&s, i);
            const ps_item *it = &items[i];
            for (uint32_t k = 0; k < it->n_concepts; k++) s.mark[it->concepts[k]] = 1;
            double best_delta = 1e-9;
            size_t bj = SIZE_MAX;
            for (size_t j = 0; j < n_items; j++) {
                if (chosen[j] || !items[j].cost || used - it->cost + items[j].cost > budget) continue;
                double delta = swap_gain(&s, i, j) - loss;
                if (delta > best_delta && !conflicts_with(&s, j, cur, n, a)) {
                    best_delta = delta;
                    bj = j;
                }
            }
            for (uint32_t k = 0; k < it->n_concepts; k++) s.mark[it->concepts[k]] = 0;
            if (bj != SIZE_MAX) {
                remove_item(&s, i);
                chosen[i] = 0;
                add_item(&s, bj);
                chosen[bj] = 1;
                used = used - it->cost + items[bj].cost;
                cur[a] = (uint32_t)bj;
                value += best_delta;
                improved = true;
            }
        }
        if (!improved) break;
    }

    /* Branch and bound from the empty set with the local optimum as incumbent. */
    for (size_t k = 0; k < n; k++) remove_item(&s, cur[k]);
    double *ratio0 = malloc(n_items * sizeof *ratio0);
    if (!ratio0) { /* keep the local optimum */
        memcpy(out, cur, n * sizeof *out);
        goto done;
    }
    /* Each node costs O(items): bound the total work, not just the nodes. */
    long node_limit = (long)(4000000 / (n_items + 1));
    if (node_limit < 20) node_limit = 20;
    if (node_limit > 20000) node_limit = 20000;
    bb t = {&s, budget, max_items, order, gains, ratio0, tmp, path, best, n, value, 0, node_limit};
    memcpy(best, cur, n * sizeof *cur);
    {
        /* Order by stand-alone ratio; zero-cost items are never chosen. */
        size_t m = 0;
        for (size_t i = 0; i < n_items; i++)
            if (items[i].cost) tmp[m++] = (ratio_idx){gain_of(&s, i) / (double)items[i].cost, i};
        qsort(tmp, m, sizeof *tmp, cmp_ratio_desc);
        for (size_t k = 0; k < m; k++) order[k] = tmp[k].i, ratio0[k] = tmp[k].ratio;
        s.n_items = m;
    }
    dfs(&t, 0, 0, budget, 0);
    *exact = t.nodes <= t.node_limit;
    n = t.best_n;
    memcpy(out, best, n * sizeof *out);
    free(ratio0);

done:
    free(s.gain);
    free(s.inv_off);
    free(s.inv);
    free(s.memo);
    free(s.count);
    free(s.mark);
    free(chosen);
    free(cur);
    free(order);
    free(tmp);
    free(gains);
    free(path);
    free(best);
    return n;
}
