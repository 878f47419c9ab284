/* text.c — reading a summary the way ROUGE-1.5.5 does (truncation, tokens),
 * the vocabulary that turns tokens and grams into dense ids, gram counting,
 * the ROUGE-L union hit, and Perl-compatible numbers (rounding, drand48). */
#include "rouge/rouge.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* ---- Perl's split(/\s+/) and the -l / -b truncation ------------------------- */

/* \s for a byte string in Perl >= 5.18: space, \t, \n, \v, \f, \r. */
static bool perl_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

size_t pr_perl_split_count(const char *s, size_t n)
{
    size_t fields = 0, i = 0;
    if (n && perl_space((unsigned char)s[0])) {
        while (i < n && perl_space((unsigned char)s[i])) i++;
        if (i == n) return 0; /* only blanks: every field is a trailing empty one */
        fields = 1;          /* the leading empty field */
    }
    while (i < n) {
        fields++;
        while (i < n && !perl_space((unsigned char)s[i])) i++;
        while (i < n && perl_space((unsigned char)s[i])) i++;
    }
    return fields;
}

/* The first k fields of split(/\s+/, s) joined by single spaces, in the arena. */
static precis_status first_fields(pc_arena *a, const char *s, size_t n, size_t k, pr_piece *out)
{
    char *p = pc_arena_alloc(a, n + 1);
    if (!p) return PRECIS_ENOMEM;
    size_t len = 0, i = 0, taken = 0;
    if (n && perl_space((unsigned char)s[0])) {
        while (i < n && perl_space((unsigned char)s[i])) i++;
        if (k > 0) taken = 1; /* the empty leading field: "" then a joining space */
    }
    while (i < n && taken < k) {
        if (taken > 0) p[len++] = ' ';
        while (i < n && !perl_space((unsigned char)s[i])) p[len++] = s[i++];
        while (i < n && perl_space((unsigned char)s[i])) i++;
        taken++;
    }
    out->s = p;
    out->n = len;
    return PRECIS_OK;
}

static precis_status push_piece(pc_arena *a, pr_piece **v, size_t *n, size_t *cap, pr_piece p)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        pr_piece *nv = pc_arena_alloc(a, nc * sizeof *nv);
        if (!nv) return PRECIS_ENOMEM;
        if (*n) memcpy(nv, *v, *n * sizeof *nv);
        *v = nv;
        *cap = nc;
    }
    (*v)[(*n)++] = p;
    return PRECIS_OK;
}

precis_status pr_truncate(pc_arena *arena, const char *text, size_t len, long word_limit,
                          long byte_limit, pr_read_mode mode, pr_piece **pieces,
                          size_t *n_pieces)
{
    pr_piece *v = NULL;
    size_t n = 0, cap = 0;
    size_t used = 0; /* words or bytes taken so far */
    precis_status st = PRECIS_OK;
    const char *p = text, *end = text + len;
    while (p < end && !st) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        pr_piece line = {p, (size_t)(le - p)};
        p = nl ? nl + 1 : end;
        if (line.n == 0) continue; /* chomp()ed empty lines are skipped */
        if (word_limit > 0) {
            size_t w = pr_perl_split_count(line.s, line.n);
            if (used + w < (size_t)word_limit) {
                used += w;
                st = push_piece(arena, &v, &n, &cap, line);
            } else {
                pr_piece cut;
                st = first_fields(arena, line.s, line.n, (size_t)word_limit - used, &cut);
                if (!st) st = push_piece(arena, &v, &n, &cap, cut);
                break;
            }
        } else if (byte_limit > 0) {
            if (used + line.n < (size_t)byte_limit) {
                if (mode == PR_READ_JOINED) used += line.n; /* the LCS reader never adds */
                st = push_piece(arena, &v, &n, &cap, line);
            } else {
                line.n = (size_t)byte_limit - used;
                st = push_piece(arena, &v, &n, &cap, line);
                break;
            }
        } else {
            st = push_piece(arena, &v, &n, &cap, line);
        }
    }
    *pieces = v;
    *n_pieces = st ? 0 : n;
    return st;
}

static bool is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void pr_tokenize(const char *s, size_t n, pr_token_fn fn, void *user)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && !is_alnum((unsigned char)s[i])) i++;
        size_t start = i;
        while (i < n && is_alnum((unsigned char)s[i])) i++;
        if (i > start) fn(user, s + start, i - start);
    }
}

/* ---- vocabulary ---------------------------------------------------------------- */

typedef struct ventry {
    const char *s; /* NULL for pairs */
    uint32_t n;
} ventry;

struct pr_vocab {
    pc_arena arena;
    pc_map words; /* string hash -> id (equality by the entry's bytes) */
    pc_map pairs; /* (a << 32 | b) -> id */
    ventry *entries;
    uint32_t n_entries, cap_entries;
};

pr_vocab *pr_vocab_new(void)
{
    pr_vocab *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    pc_arena_init(&v->arena);
    pc_map_init(&v->words, 0);
    pc_map_init(&v->pairs, 0);
    return v;
}

void pr_vocab_free(pr_vocab *v)
{
    if (!v) return;
    pc_arena_reset(&v->arena);
    pc_map_free(&v->words);
    pc_map_free(&v->pairs);
    free(v->entries);
    free(v);
}

static uint32_t new_entry(pr_vocab *v, const char *s, uint32_t n)
{
    if (v->n_entries == UINT32_MAX - 1) return UINT32_MAX;
    if (v->n_entries == v->cap_entries) {
        uint32_t nc = v->cap_entries ? v->cap_entries * 2 : 1024;
        ventry *ne = realloc(v->entries, (size_t)nc * sizeof *ne);
        if (!ne) return UINT32_MAX;
        v->entries = ne;
        v->cap_entries = nc;
    }
    v->entries[v->n_entries] = (ventry){s, n};
    return v->n_entries++;
}

/* Is entry id the string looked for (not only one with its hash)? */
static bool same_word(const void *ctx, uint32_t id)
{
    const pc_map_bytes *p = ctx;
    const ventry *e = &((const pr_vocab *)p->owner)->entries[id];
    return pc_map_same_bytes(p, e->s, e->n);
}

uint32_t pr_vocab_word(pr_vocab *v, const char *s, size_t n)
{
    if (n > UINT32_MAX) return UINT32_MAX;
    uint64_t h = XXH3_64bits(s, n);
    pc_map_bytes probe = {v, s, n};
    uint32_t id = pc_map_get(&v->words, h, same_word, &probe);
    if (id != PC_MAP_NONE) return id;
    char *copy = pc_arena_strndup(&v->arena, s, n);
    if (!copy) return UINT32_MAX;
    id = new_entry(v, copy, (uint32_t)n);
    if (id == UINT32_MAX || pc_map_add(&v->words, h, id)) return UINT32_MAX;
    return id;
}

uint32_t pr_vocab_pair(pr_vocab *v, uint32_t a, uint32_t b)
{
    uint64_t key = (uint64_t)a << 32 | b;
    uint32_t id = pc_map_get(&v->pairs, key, NULL, NULL);
    if (id != PC_MAP_NONE) return id;
    id = new_entry(v, NULL, 0);
    if (id == UINT32_MAX || pc_map_add(&v->pairs, key, id)) return UINT32_MAX;
    return id;
}

const char *pr_vocab_str(const pr_vocab *v, uint32_t id, size_t *n)
{
    if (id >= v->n_entries) return NULL;
    if (n) *n = v->entries[id].n;
    return v->entries[id].s;
}

uint32_t pr_vocab_size(const pr_vocab *v) { return v->n_entries; }

/* ---- grams ------------------------------------------------------------------------ */
/* A gram is a 64-bit key, exact (no hashing): a unigram is its token id; a
 * pair is ((first + 1) << 32 | last), where first is a token id (bigrams,
 * skip-bigrams) or the interned id of the (n-1)-gram prefix (n >= 3). Keys
 * are compared only within one gram order, where equal keys mean equal grams. */

static uint64_t pair_key(uint32_t first, uint32_t last)
{
    return ((uint64_t)first + 1) << 32 | last;
}

void pr_sort_u64(uint64_t *a, size_t n, uint64_t *tmp)
{
    if (n < 64 || !tmp || n > UINT32_MAX) {
        for (size_t i = 1; i < n; i++) {
            uint64_t x = a[i];
            size_t j = i;
            while (j > 0 && a[j - 1] > x) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
        return;
    }
    /* LSD radix sort, one byte a pass; all eight histograms come from one
     * read, and passes where every key has the same byte are skipped. */
    uint32_t cnt[8][256];
    memset(cnt, 0, sizeof cnt);
    for (size_t i = 0; i < n; i++)
        for (int b = 0; b < 8; b++) cnt[b][(a[i] >> (8 * b)) & 255]++;
    uint64_t *src = a, *dst = tmp;
    for (int b = 0; b < 8; b++) {
        int shift = 8 * b;
        if (cnt[b][(src[0] >> shift) & 255] == n) continue;
        uint32_t pos = 0;
        for (int k = 0; k < 256; k++) {
            uint32_t c = cnt[b][k];
            cnt[b][k] = pos;
            pos += c;
        }
        for (size_t i = 0; i < n; i++) dst[cnt[b][(src[i] >> shift) & 255]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
}

size_t pr_clipped_hits(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, hits = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j]) i++;
        else if (a[i] > b[j]) j++;
        else {
            uint64_t g = a[i];
            size_t ca = 0, cb = 0;
            while (i < na && a[i] == g) i++, ca++;
            while (j < nb && b[j] == g) j++, cb++;
            hits += ca < cb ? ca : cb;
        }
    }
    return hits;
}

/* Orders 3 and 4 pack their token ids into the key when the ids are small
 * enough (20 and 15 bits: 60 bits, top bit clear); other grams of order >= 3
 * use the interned id of their (n-1)-gram prefix, with the top bit set. A gram
 * always gets the same form (it depends on its ids only), so keys stay exact. */
static const int PACK_BITS[5] = {0, 0, 0, 20, 15};
#define INTERNED_FLAG ((uint64_t)1 << 63)

precis_status pr_ngram_levels(pr_vocab *v, const uint32_t *tokens, size_t n_tokens, int max_n,
                              uint64_t **out, size_t *counts, uint32_t *prefix, uint64_t *tmp)
{
    (void)prefix;
    for (int n = 1; n <= max_n; n++) {
        size_t count = n_tokens >= (size_t)n ? n_tokens - (size_t)n + 1 : 0;
        counts[n - 1] = count;
        if (!out[n - 1]) continue;
        uint64_t *o = out[n - 1];
        int bits = n < 5 ? PACK_BITS[n] : 0;
        for (size_t i = 0; i < count; i++) {
            const uint32_t *g = tokens + i;
            if (n == 1) {
                o[i] = g[0];
                continue;
            }
            if (n == 2) {
                o[i] = pair_key(g[0], g[1]);
                continue;
            }
            bool packed = bits > 0;
            for (int k = 0; k < n && packed; k++) packed = g[k] < ((uint32_t)1 << bits);
            if (packed) {
                uint64_t key = 0;
                for (int k = 0; k < n; k++) key = key << bits | g[k];
                o[i] = key;
                continue;
            }
            uint32_t id = pr_vocab_pair(v, g[0], g[1]);
            for (int k = 2; k < n - 1 && id != UINT32_MAX; k++) id = pr_vocab_pair(v, id, g[k]);
            if (id == UINT32_MAX) return PRECIS_ENOMEM;
            if (id >= (uint32_t)1 << 31) return PRECIS_ELIMIT;
            o[i] = INTERNED_FLAG | (uint64_t)id << 32 | g[n - 1];
        }
        pr_sort_u64(o, count, tmp);
    }
    return PRECIS_OK;
}

size_t pr_skip_count(size_t n_tokens, int skip, bool unigrams)
{
    size_t count = 0;
    for (size_t i = 0; i + 1 < n_tokens; i++) {
        size_t last = n_tokens - 1;
        if (skip >= 0 && i + (size_t)skip + 1 < last) last = i + (size_t)skip + 1;
        count += (last - i) + (unigrams ? 1 : 0);
    }
    return count;
}

size_t pr_skipgrams(const uint32_t *tokens, size_t n_tokens, int skip, bool unigrams,
                    uint64_t *out, uint64_t *tmp)
{
    size_t count = 0;
    for (size_t i = 0; i + 1 < n_tokens; i++) {
        if (unigrams) out[count++] = tokens[i];
        size_t last = n_tokens - 1;
        if (skip >= 0 && i + (size_t)skip + 1 < last) last = i + (size_t)skip + 1;
        for (size_t j = i + 1; j <= last; j++) out[count++] = pair_key(tokens[i], tokens[j]);
    }
    pr_sort_u64(out, count, tmp);
    return count;
}

/* ---- ROUGE-L ------------------------------------------------------------------------- */

enum { DIR_DIAG = 1, DIR_UP = 2, DIR_LEFT = 3 };

/* Sentences under 255 tokens (nearly all): keep the whole table of LCS
 * lengths in bytes and read the script's moves back from it; the move at
 * (i, j) is "diagonal" on equal tokens, else "up" when c[i-1][j] >= c[i][j-1]. */
static void lcs_mark_small(uint8_t *c, const uint32_t *m, size_t mn, const uint32_t *p, size_t pn,
                           uint8_t *mask)
{
    size_t w = pn + 1;
    memset(c, 0, w);
    for (size_t i = 1; i <= mn; i++) {
        uint8_t *row = c + i * w, *up = row - w;
        uint32_t mi = m[i - 1];
        row[0] = 0;
        for (size_t j = 1; j <= pn; j++) {
            uint8_t a = up[j], b = row[j - 1];
            row[j] = mi == p[j - 1] ? (uint8_t)(up[j - 1] + 1) : (a >= b ? a : b);
        }
    }
    size_t i = mn, j = pn;
    while (i && j) {
        if (m[i - 1] == p[j - 1]) mask[--i] = 1, j--;
        else if (c[(i - 1) * w + j] >= c[i * w + j - 1]) i--;
        else j--;
    }
}

/* One model sentence against one peer sentence: the script's DP (ties go
 * "up"), then the backtrack from the corner marks model positions. */
static precis_status lcs_mark_rows(pr_lcs_scratch *sc, const uint32_t *m, size_t mn,
                                   const uint32_t *p, size_t pn, uint8_t *mask, size_t max_cells);

/* A model token that the peer sentence lacks only ever copies the row above
 * with "up" moves, so such rows are dropped before the DP: same marks. */
static precis_status lcs_mark(pr_lcs_scratch *sc, const uint32_t *m, size_t mn, const uint32_t *p,
                              size_t pn, uint8_t *mask, size_t max_cells)
{
    if (mn == 0 || pn == 0) return PRECIS_OK;
    uint32_t top = 0;
    for (size_t j = 0; j < pn; j++)
        if (p[j] > top) top = p[j];
    if (pc_grow(&sc->stamp, &sc->stamp_cap, (size_t)top + 1, sizeof(uint32_t), 256) ||
        pc_grow(&sc->rows, &sc->rows_cap, mn, sizeof(uint32_t), 256))
        return PRECIS_ENOMEM;
    if (++sc->serial == 0) { /* wrapped: old stamps could collide */
        memset(sc->stamp, 0, sc->stamp_cap * sizeof(uint32_t));
        sc->serial = 1;
    }
    for (size_t j = 0; j < pn; j++) sc->stamp[p[j]] = sc->serial;
    size_t kept = 0;
    for (size_t i = 0; i < mn; i++)
        if (m[i] <= top && sc->stamp[m[i]] == sc->serial) sc->rows[kept++] = (uint32_t)i;
    if (kept == 0) return PRECIS_OK;
    if (kept == mn) return lcs_mark_rows(sc, m, mn, p, pn, mask, max_cells);
    /* DP on the kept tokens; marks land on their original positions. */
    uint32_t small[256];
    uint8_t small_mask[256];
    uint32_t *sub = kept <= 256 ? small : malloc(kept * sizeof *sub);
    uint8_t *sub_mask = kept <= 256 ? small_mask : calloc(kept, 1);
    if (!sub || !sub_mask) {
        if (sub != small) free(sub);
        if (sub_mask != small_mask) free(sub_mask);
        return PRECIS_ENOMEM;
    }
    if (sub_mask == small_mask) memset(small_mask, 0, kept);
    for (size_t k = 0; k < kept; k++) sub[k] = m[sc->rows[k]];
    precis_status st = lcs_mark_rows(sc, sub, kept, p, pn, sub_mask, max_cells);
    for (size_t k = 0; k < kept; k++)
        if (sub_mask[k]) mask[sc->rows[k]] = 1;
    if (sub != small) free(sub);
    if (sub_mask != small_mask) free(sub_mask);
    return st;
}

static precis_status lcs_mark_rows(pr_lcs_scratch *sc, const uint32_t *m, size_t mn,
                                   const uint32_t *p, size_t pn, uint8_t *mask, size_t max_cells)
{
    if (mn > max_cells / pn) return PRECIS_ELIMIT;
    size_t w = pn + 1;
    if (mn < 255 && pn < 255) {
        if (pc_grow(&sc->dir, &sc->dir_cap, (mn + 1) * w, 1, 256)) return PRECIS_ENOMEM;
        lcs_mark_small(sc->dir, m, mn, p, pn, mask);
        return PRECIS_OK;
    }
    if (pc_grow(&sc->dir, &sc->dir_cap, (mn + 1) * w, 1, 256) ||
        pc_grow(&sc->row, &sc->row_cap, 2 * w, sizeof(uint32_t), 256))
        return PRECIS_ENOMEM;
    uint32_t *prev = sc->row, *cur = sc->row + w;
    memset(prev, 0, w * sizeof *prev);
    for (size_t i = 1; i <= mn; i++) {
        cur[0] = 0;
        uint8_t *d = sc->dir + i * w;
        for (size_t j = 1; j <= pn; j++) {
            if (m[i - 1] == p[j - 1]) {
                cur[j] = prev[j - 1] + 1;
                d[j] = DIR_DIAG;
            } else if (prev[j] >= cur[j - 1]) {
                cur[j] = prev[j];
                d[j] = DIR_UP;
            } else {
                cur[j] = cur[j - 1];
                d[j] = DIR_LEFT;
            }
        }
        uint32_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t i = mn, j = pn;
    while (i && j) {
        uint8_t d = sc->dir[i * w + j];
        if (d == DIR_DIAG) mask[--i] = 1, j--;
        else if (d == DIR_UP) i--;
        else j--;
    }
    return PRECIS_OK;
}

precis_status pr_lcs_hits(pr_lcs_scratch *sc, const uint32_t *model, const size_t *model_sent,
                          size_t model_nsent, const uint32_t *peer, const size_t *peer_sent,
                          size_t peer_nsent, uint32_t *model_1g, uint32_t *peer_1g,
                          size_t max_cells, size_t *hits)
{
    size_t h = 0;
    for (size_t s = 0; s < model_nsent; s++) {
        const uint32_t *m = model + model_sent[s];
        size_t mn = model_sent[s + 1] - model_sent[s];
        if (pc_grow(&sc->mask, &sc->mask_cap, mn + 1, 1, 256)) return PRECIS_ENOMEM;
        memset(sc->mask, 0, mn + 1);
        for (size_t t = 0; t < peer_nsent; t++) {
            precis_status st = lcs_mark(sc, m, mn, peer + peer_sent[t],
                                        peer_sent[t + 1] - peer_sent[t], sc->mask, max_cells);
            if (st) return st;
        }
        for (size_t k = 0; k < mn; k++) {
            uint32_t g = m[k];
            if (sc->mask[k] && model_1g[g] > 0 && peer_1g[g] > 0) {
                h++;
                model_1g[g]--;
                peer_1g[g]--;
            }
        }
    }
    *hits = h;
    return PRECIS_OK;
}

void pr_lcs_scratch_free(pr_lcs_scratch *sc)
{
    free(sc->stamp);
    free(sc->rows);
    free(sc->dir);
    free(sc->row);
    free(sc->mask);
    memset(sc, 0, sizeof *sc);
}

/* ---- ROUGE-W --------------------------------------------------------------------------- */
/* No row is dropped here: a dropped row would join runs of matches that the
 * script sees as broken. */
static precis_status wlcs_mark(pr_wlcs_scratch *sc, const uint32_t *m, size_t mn, const uint32_t *p,
                               size_t pn, double wt, size_t max_cells)
{
    if (mn == 0 || pn == 0) return PRECIS_OK;
    if (mn > max_cells / pn) return PRECIS_ELIMIT;
    size_t w = pn + 1;
    if (pc_grow(&sc->dir, &sc->dir_cap, (mn + 1) * w, 1, 256) ||
        pc_grow(&sc->c, &sc->c_cap, 2 * w, sizeof(double), 256) ||
        pc_grow(&sc->l, &sc->l_cap, 2 * w, sizeof(uint32_t), 256))
        return PRECIS_ENOMEM;
    double *cp = sc->c, *cc = sc->c + w;
    uint32_t *lp = sc->l, *lc = sc->l + w;
    for (size_t j = 0; j <= pn; j++) cp[j] = 0, lp[j] = 0;
    for (size_t i = 1; i <= mn; i++) {
        cc[0] = 0;
        lc[0] = 0;
        uint8_t *d = sc->dir + i * w;
        for (size_t j = 1; j <= pn; j++) {
            if (m[i - 1] == p[j - 1]) {
                double k = lp[j - 1];
                cc[j] = cp[j - 1] + pow(k + 1, wt) - pow(k, wt);
                d[j] = DIR_DIAG;
                lc[j] = lp[j - 1] + 1;
            } else if (cp[j] >= cc[j - 1]) {
                cc[j] = cp[j];
                d[j] = DIR_UP;
                lc[j] = 0;
            } else {
                cc[j] = cc[j - 1];
                d[j] = DIR_LEFT;
                lc[j] = 0;
            }
        }
        double *t = cp;
        cp = cc;
        cc = t;
        uint32_t *u = lp;
        lp = lc;
        lc = u;
    }
    size_t i = mn, j = pn;
    while (i && j) {
        uint8_t d = sc->dir[i * w + j];
        if (d == DIR_DIAG) sc->mask[--i] = 1, j--;
        else if (d == DIR_UP) i--;
        else j--;
    }
    return PRECIS_OK;
}

precis_status pr_wlcs_hits(pr_wlcs_scratch *sc, const uint32_t *model, const size_t *model_sent,
                           size_t model_nsent, const uint32_t *peer, const size_t *peer_sent,
                           size_t peer_nsent, uint32_t *model_1g, uint32_t *peer_1g, double weight,
                           size_t max_cells, double *hits, double *base)
{
    double h = 0, b = 0;
    for (size_t s = 0; s < model_nsent; s++) {
        const uint32_t *m = model + model_sent[s];
        size_t mn = model_sent[s + 1] - model_sent[s];
        b += pow((double)mn, weight);
        if (pc_grow(&sc->mask, &sc->mask_cap, mn + 1, 1, 256)) return PRECIS_ENOMEM;
        memset(sc->mask, 0, mn + 1);
        for (size_t t = 0; t < peer_nsent; t++) {
            precis_status st = wlcs_mark(sc, m, mn, peer + peer_sent[t],
                                         peer_sent[t + 1] - peer_sent[t], weight, max_cells);
            if (st) return st;
        }
        /* As the script: a run ends at an unmarked token or the sentence end,
         * and only a marked token that passes the unigram clip can end it. */
        size_t run = 0;
        for (size_t k = 0; k < mn; k++) {
            uint32_t g = m[k];
            if (!sc->mask[k] || model_1g[g] == 0 || peer_1g[g] == 0) continue;
            run++;
            if ((k + 1 < mn && !sc->mask[k + 1]) || k + 1 == mn) {
                h += pow((double)run, weight);
                run = 0;
            }
            model_1g[g]--;
            peer_1g[g]--;
        }
    }
    *hits = h;
    *base = b;
    return PRECIS_OK;
}

void pr_wlcs_scratch_free(pr_wlcs_scratch *sc)
{
    free(sc->c);
    free(sc->l);
    free(sc->dir);
    free(sc->mask);
    memset(sc, 0, sizeof *sc);
}

/* ---- Perl numbers ----------------------------------------------------------------------- */

double pr_round5(double x)
{
    char b[64];
    snprintf(b, sizeof b, "%7.5f", x);
    return strtod(b, NULL);
}

/* Perl (>= 5.20 on every platform, and before on Linux through libc) draws
 * rand() from the 48-bit linear congruential generator of drand48:
 * x' = 0x5DEECE66D x + 0xB mod 2^48, value x' / 2^48, and srand(s) sets
 * x = s << 16 | 0x330E. */
void pr_srand48(pr_rand48 *r, uint32_t seed) { r->x = ((uint64_t)seed << 16) | 0x330E; }

double pr_drand48(pr_rand48 *r)
{
    r->x = (r->x * 0x5DEECE66DULL + 0xB) & 0xFFFFFFFFFFFFULL;
    return (double)r->x / 281474976710656.0; /* 2^48: exact */
}
