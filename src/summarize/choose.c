/* choose.c — a learned summary-level chooser among a few solver settings.
 *
 * The branch and bound finds the best summary for one objective; which
 * objective suits a cluster best varies (the learned prior's weight, how much
 * content words count). precis_summarize solves a few settings that share all
 * preprocessing, and a linear scorer over summary-level features, each
 * relative to the default setting's summary, picks one: candidate 0 (the
 * default) scores 0, another is taken only when its score is positive. The
 * coefficients are fitted by least squares on Multi-News training clusters
 * (ROUGE of each candidate minus the default's) by tools/train_choose.py,
 * which writes choose_table.inc. */
#include "summarize/summarize.h"

#include "summarize/choose_table.inc"

const ps_choose_dev *ps_choose_dev_hook = NULL;

const ps_setting PS_SETTINGS[PS_CHOOSE_K] = {
    {1, 1, 1},   /* the default objective */
    {0, 1, 1},   /* no learned prior */
    {2.5, 1, 1}, /* prior lambda 1.0 */
    {1, 0, 1},   /* bigrams only */
    {1, 2, 1},   /* content words as much as bigrams */
    {1, 1, 4},   /* four times the position prior */
    {0.5, 0.5, 1},
};

static double rel(double a, double b) { return b > 0 ? a / b - 1 : 0; }

void ps_choose_features(int k, const ps_cand_facts *f, const ps_cand_facts *f0, double budget,
                        size_t n_docs, double x[PS_CHOOSE_NF])
{
    for (int i = 0; i < PS_CHOOSE_NF; i++) x[i] = 0;
    double b = (budget < 300 ? budget : 300) / 100.0;
    double nd = (n_docs < 10 ? (double)n_docs : 10.0) / 10.0;
    if (k > 0) { /* which setting, also by budget and by number of sources */
        x[k - 1] = 1;
        x[PS_CHOOSE_K - 1 + k - 1] = b;
        x[2 * (PS_CHOOSE_K - 1) + k - 1] = nd;
    }
    double n0 = f0->n_sents > 1 ? f0->n_sents : 1;
    double *c = x + 3 * (PS_CHOOSE_K - 1);
    c[0] = rel(f->objective, f0->objective);
    c[1] = rel(f->bigrams, f0->bigrams);
    c[2] = rel(f->unigrams, f0->unigrams);
    c[3] = (f->prior - f0->prior) / n0;
    c[4] = (f->position - f0->position) / n0;
    c[5] = (f->n_sents - f0->n_sents) / n0;
    c[6] = budget > 0 ? (f->words - f0->words) / budget : 0;
    c[7] = (f->docs - f0->docs) / (nd * 10 > 1 ? nd * 10 : 1);
    c[8] = (f->firsts - f0->firsts) / n0;
    c[9] = (f->dangling - f0->dangling) / n0;
    c[10] = (f->quotes - f0->quotes) / n0;
}

double ps_choose_score(const double x[PS_CHOOSE_NF])
{
    const double *coef = ps_choose_dev_hook && ps_choose_dev_hook->coef ? ps_choose_dev_hook->coef : PS_CHOOSE_COEF;
    double v = 0;
    for (int i = 0; i < PS_CHOOSE_NF; i++) v += coef[i] * x[i];
    return v;
}

bool ps_choose_active(void) { return PS_CHOOSE_ACTIVE; }
