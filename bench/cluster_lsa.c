/* bench/cluster_lsa.c — word vectors for the dense-similarity check of
 * bench/cluster_ceiling.py --dense (an offline experiment, not part of the
 * library, the CLI, the tests or bench/cluster.sh).
 *
 *   cc -O2 -o cluster_lsa bench/cluster_lsa.c -lm
 *   python3 bench/cluster_data.py lsatokens TOKENS.txt
 *   ./cluster_lsa story|ppmiW V K TOKENS.txt VECTORS.txt
 *
 * TOKENS: "story<TAB>word word ..." per text (cluster_data.py lsatokens: the
 * Multi-News TRAINING clusters with fewer than 3 non-empty documents, their
 * documents and summary, so none of the development pool's clusters nor of
 * val or DUC 2004; words as bench/cluster_ceiling.py cuts them). The V most
 * frequent words (at least 5 occurrences) are kept.
 *   story: latent semantic analysis with one row per story (all its texts),
 *          unit (1 + log tf) * idf rows;
 *   ppmiW: positive PMI of word pairs at most W words apart (context counts
 *          smoothed ^0.75), one row per word.
 * A randomized truncated SVD (K + 16 columns, 4 power iterations, a fixed
 * xorshift seed: deterministic) gives the top K right singular vectors.
 * VECTORS: a header "V K s1 .. sK" (singular values), then "word idf v1 .. vK"
 * per word (a row of V_k). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ent {
    char *w;
    int id;
    long cnt;
} ent;

static ent *tab;
static const size_t TCAP = (size_t)1 << 22;

static void *xalloc(size_t n)
{
    void *p = calloc(n ? n : 1, 1);
    if (!p) {
        fprintf(stderr, "cluster_lsa: out of memory\n");
        exit(4);
    }
    return p;
}

static void *xgrow(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "cluster_lsa: out of memory\n");
        exit(4);
    }
    return p;
}

static ent *look(const char *w)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *s = w; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    size_t i = (size_t)h & (TCAP - 1);
    while (tab[i].w && strcmp(tab[i].w, w)) i = (i + 1) & (TCAP - 1);
    if (!tab[i].w) {
        tab[i].w = strdup(w);
        tab[i].id = -1;
    }
    return &tab[i];
}

static uint64_t rs = 88172645463325252ull;
static double rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return (double)(rs >> 11) / 9007199254740992.0 * 2 - 1;
}

/* The matrix, CSR: nr rows over V columns. */
static size_t nr, nnz, cap, *rp;
static int *ci, V;
static double *cv;

static void put(int c, double v)
{
    if (nnz == cap) {
        cap = cap ? 2 * cap : (size_t)1 << 20;
        ci = xgrow(ci, cap * sizeof *ci);
        cv = xgrow(cv, cap * sizeof *cv);
    }
    ci[nnz] = c;
    cv[nnz++] = v;
}

static void orth(double *Y, size_t n, int l) /* columns of a row-major n x l; Gram-Schmidt twice */
{
    for (int pass = 0; pass < 2; pass++)
        for (int j = 0; j < l; j++) {
            for (int k = 0; k < j; k++) {
                double d = 0;
                for (size_t i = 0; i < n; i++) d += Y[i * l + j] * Y[i * l + k];
                for (size_t i = 0; i < n; i++) Y[i * l + j] -= d * Y[i * l + k];
            }
            double s = 0;
            for (size_t i = 0; i < n; i++) s += Y[i * l + j] * Y[i * l + j];
            s = s > 1e-300 ? sqrt(s) : 1;
            for (size_t i = 0; i < n; i++) Y[i * l + j] /= s;
        }
}

static void amul(const double *X, double *Y, int l) /* Y = A X */
{
    memset(Y, 0, nr * l * sizeof *Y);
    for (size_t r = 0; r < nr; r++)
        for (size_t p = rp[r]; p < rp[r + 1]; p++)
            for (int j = 0; j < l; j++) Y[r * l + j] += cv[p] * X[(size_t)ci[p] * l + j];
}

static void atmul(const double *Y, double *X, int l) /* X = A^T Y */
{
    memset(X, 0, (size_t)V * l * sizeof *X);
    for (size_t r = 0; r < nr; r++)
        for (size_t p = rp[r]; p < rp[r + 1]; p++)
            for (int j = 0; j < l; j++) X[(size_t)ci[p] * l + j] += cv[p] * Y[r * l + j];
}

static void jacobi(double *C, double *W, int l) /* symmetric C -> eigenvalues on its diagonal, vectors in W's columns */
{
    for (int i = 0; i < l; i++)
        for (int j = 0; j < l; j++) W[i * l + j] = i == j;
    for (int sweep = 0; sweep < 100; sweep++) {
        double off = 0;
        for (int i = 0; i < l; i++)
            for (int j = i + 1; j < l; j++) off += C[i * l + j] * C[i * l + j];
        if (off < 1e-22) break;
        for (int p = 0; p < l; p++)
            for (int q = p + 1; q < l; q++) {
                double apq = C[p * l + q];
                if (fabs(apq) < 1e-300) continue;
                double th = (C[q * l + q] - C[p * l + p]) / (2 * apq);
                double t = (th >= 0 ? 1 : -1) / (fabs(th) + sqrt(th * th + 1)), c = 1 / sqrt(t * t + 1), s = t * c;
                for (int k = 0; k < l; k++) {
                    double a = C[k * l + p], b = C[k * l + q];
                    C[k * l + p] = c * a - s * b;
                    C[k * l + q] = s * a + c * b;
                }
                for (int k = 0; k < l; k++) {
                    double a = C[p * l + k], b = C[q * l + k];
                    C[p * l + k] = c * a - s * b;
                    C[q * l + k] = s * a + c * b;
                }
                for (int k = 0; k < l; k++) {
                    double a = W[k * l + p], b = W[k * l + q];
                    W[k * l + p] = c * a - s * b;
                    W[k * l + q] = s * a + c * b;
                }
            }
    }
}

static int cmp_ent(const void *a, const void *b)
{
    const ent *x = *(ent *const *)a, *y = *(ent *const *)b;
    if (x->cnt != y->cnt) return x->cnt > y->cnt ? -1 : 1;
    return strcmp(x->w, y->w);
}

/* Words of one line's text part, as vocabulary ids (out-of-vocabulary dropped). */
static size_t ids(char *t, int **v, size_t *vc)
{
    size_t n = 0;
    for (char *w = strtok(t, " \n"); w; w = strtok(NULL, " \n")) {
        ent *e = look(w);
        if (e->id < 0) continue;
        if (n == *vc) {
            *vc = *vc ? 2 * *vc : 4096;
            *v = xgrow(*v, *vc * sizeof **v);
        }
        (*v)[n++] = e->id;
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 6 || (strcmp(argv[1], "story") && strncmp(argv[1], "ppmi", 4))) {
        fprintf(stderr, "usage: cluster_lsa story|ppmiW V K TOKENS.txt VECTORS.txt\n");
        return 1;
    }
    int win = strncmp(argv[1], "ppmi", 4) ? 0 : atoi(argv[1] + 4), Vmax = atoi(argv[2]), K = atoi(argv[3]);
    FILE *f = fopen(argv[4], "r");
    if (!f || Vmax < 1 || K < 1) {
        fprintf(stderr, "cluster_lsa: cannot read %s\n", argv[4]);
        return 2;
    }
    tab = xalloc(TCAP * sizeof *tab);
    char *line = NULL;
    size_t lc = 0;
    while (getline(&line, &lc, f) > 0) {
        char *t = strchr(line, '\t');
        if (!t) continue;
        for (char *w = strtok(t + 1, " \n"); w; w = strtok(NULL, " \n")) look(w)->cnt++;
    }
    ent **ord = xalloc(TCAP * sizeof *ord);
    size_t no = 0;
    for (size_t i = 0; i < TCAP; i++)
        if (tab[i].w && tab[i].cnt >= 5) ord[no++] = &tab[i];
    qsort(ord, no, sizeof *ord, cmp_ent);
    V = no < (size_t)Vmax ? (int)no : Vmax;
    for (int i = 0; i < V; i++) ord[i]->id = i;

    rewind(f);
    int *v = NULL, *seen = xalloc((size_t)V * sizeof *seen);
    size_t vc = 0, ns = 0, rcap = 1024;
    double *cnt = xalloc((size_t)V * sizeof *cnt), *df = xalloc((size_t)V * sizeof *df);
    rp = xalloc(rcap * sizeof *rp);
    char prev[256] = "";
    /* ppmi: pair counts in an open-addressing table, word counts */
    size_t pcap = (size_t)1 << 26;
    uint64_t *pk = win ? xalloc(pcap * sizeof *pk) : NULL;
    float *pv = win ? xalloc(pcap * sizeof *pv) : NULL;
    double *wc = xalloc((size_t)V * sizeof *wc);
    for (;;) {
        ssize_t len = getline(&line, &lc, f);
        char *t = len > 0 ? strchr(line, '\t') : NULL;
        if (len > 0 && !t) continue;
        if (t) *t = 0;
        if (!win && ns && (len <= 0 || strcmp(prev, line))) { /* the story's row is complete */
            for (size_t i = 0; i < ns; i++) {
                put(seen[i], 1 + log(cnt[seen[i]]));
                df[seen[i]]++;
                cnt[seen[i]] = 0;
            }
            ns = 0;
            if (nr + 2 > rcap) rp = xgrow(rp, (rcap *= 2) * sizeof *rp);
            rp[++nr] = nnz;
        }
        if (len <= 0) break;
        snprintf(prev, sizeof prev, "%s", line);
        size_t n = ids(t + 1, &v, &vc);
        if (!win) {
            for (size_t i = 0; i < n; i++)
                if (cnt[v[i]]++ == 0) seen[ns++] = v[i];
            continue;
        }
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n && j <= i + (size_t)win; j++) {
                if (v[i] == v[j]) continue;
                for (int d = 0; d < 2; d++) {
                    int a = d ? v[j] : v[i], b = d ? v[i] : v[j];
                    uint64_t key = ((uint64_t)a << 32 | (uint32_t)b) + 1;
                    size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 38) & (pcap - 1);
                    while (pk[h] && pk[h] != key) h = (h + 1) & (pcap - 1);
                    pk[h] = key;
                    pv[h] += 1.0f;
                }
                wc[v[i]]++;
                wc[v[j]]++;
            }
    }
    fclose(f);
    if (!win) {
        for (size_t p = 0; p < nnz; p++) cv[p] *= log((nr + 1.0) / df[ci[p]]);
        for (size_t r = 0; r < nr; r++) {
            double s = 0;
            for (size_t p = rp[r]; p < rp[r + 1]; p++) s += cv[p] * cv[p];
            s = s > 0 ? sqrt(s) : 1;
            for (size_t p = rp[r]; p < rp[r + 1]; p++) cv[p] /= s;
        }
    } else { /* rows by word, in word order; cells in table order within a row made deterministic by sorting */
        double *cw = xalloc((size_t)V * sizeof *cw), z = 0;
        for (int i = 0; i < V; i++) z += cw[i] = pow(wc[i], 0.75);
        size_t *rn = xalloc((size_t)(V + 1) * sizeof *rn);
        for (size_t h = 0; h < pcap; h++)
            if (pk[h]) rn[(pk[h] - 1) >> 32]++;
        rp = xgrow(rp, (size_t)(V + 1) * sizeof *rp);
        rp[0] = 0;
        for (int a = 0; a < V; a++) rp[a + 1] = rp[a] + rn[a];
        size_t total = rp[V];
        ci = xgrow(ci, (total + 1) * sizeof *ci);
        cv = xgrow(cv, (total + 1) * sizeof *cv);
        memset(rn, 0, (size_t)(V + 1) * sizeof *rn);
        for (size_t h = 0; h < pcap; h++)
            if (pk[h]) {
                int a = (int)((pk[h] - 1) >> 32), b = (int)(uint32_t)(pk[h] - 1);
                double pmi = log(pv[h] * z / (wc[a] * cw[b]));
                size_t at = rp[a] + rn[a]++;
                ci[at] = b;
                cv[at] = pmi > 0 ? pmi : 0;
            }
        nr = (size_t)V;
        nnz = total;
        for (int i = 0; i < V; i++) df[i] = 1;
    }
    fprintf(stderr, "cluster_lsa: %d words of %zu, %zu rows, %zu cells\n", V, no, nr, nnz);
    int l = K + 16;
    double *X = xalloc((size_t)V * l * sizeof *X), *Y = xalloc(nr * l * sizeof *Y);
    for (size_t i = 0; i < (size_t)V * l; i++) X[i] = rnd();
    amul(X, Y, l);
    orth(Y, nr, l);
    for (int it = 0; it < 4; it++) {
        atmul(Y, X, l);
        orth(X, (size_t)V, l);
        amul(X, Y, l);
        orth(Y, nr, l);
    }
    atmul(Y, X, l); /* A^T Q: A ~ Q (Q^T A), the small SVD is of Q^T A */
    double *C = xalloc((size_t)l * l * sizeof *C), *W = xalloc((size_t)l * l * sizeof *W);
    for (int i = 0; i < V; i++)
        for (int a = 0; a < l; a++)
            for (int b = 0; b < l; b++) C[a * l + b] += X[(size_t)i * l + a] * X[(size_t)i * l + b];
    jacobi(C, W, l);
    int *ix = xalloc((size_t)l * sizeof *ix);
    for (int i = 0; i < l; i++) ix[i] = i;
    for (int i = 1; i < l; i++) { /* eigenvalues descending */
        int e = ix[i], j = i;
        while (j && C[ix[j - 1] * l + ix[j - 1]] < C[e * l + e]) {
            ix[j] = ix[j - 1];
            j--;
        }
        ix[j] = e;
    }
    FILE *o = fopen(argv[5], "w");
    if (!o) return 2;
    fprintf(o, "%d %d", V, K);
    for (int k = 0; k < K; k++) fprintf(o, " %.6g", sqrt(fmax(C[ix[k] * l + ix[k]], 0)));
    fprintf(o, "\n");
    for (int i = 0; i < V; i++) {
        fprintf(o, "%s %.6g", ord[i]->w, log((nr + 1.0) / (df[i] > 0 ? df[i] : 1)));
        for (int k = 0; k < K; k++) {
            double s = sqrt(fmax(C[ix[k] * l + ix[k]], 1e-30)), x = 0;
            for (int a = 0; a < l; a++) x += X[(size_t)i * l + a] * W[a * l + ix[k]];
            fprintf(o, " %.5g", x / s);
        }
        fprintf(o, "\n");
    }
    return fclose(o) ? 2 : 0;
}
