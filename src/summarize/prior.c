/* prior.c — a learned sentence-level prior for the selector.
 *
 * A linear model estimates how many of the reference summary's bigrams a
 * candidate sentence holds, from features that do not depend on how long the
 * source articles are: the sentence's position (first, 1 / (1 + index), index
 * capped at 10), its length (capped), its share of the cluster's concept
 * weight and weight per word (relative to the cluster's best sentence), how
 * widely its content words are shared across the documents, and whether it
 * opens on a word pointing back, quotes someone or holds a figure; and the
 * weight share, the sharing and the position each times the number of
 * documents (capped at 10), since what repetition says depends on how many
 * sources can repeat. The coefficients are fitted by least squares on Multi-News training clusters by
 * tools/train_prior.py, which writes prior_table.inc. */
#include "summarize/summarize.h"

#include "summarize/prior_table.inc"

const ps_prior_dev *ps_prior_dev_hook = NULL;

void ps_prior_features(const ps_sent_facts *f, double x[PS_PRIOR_NF])
{
    double len = (f->n_words < 60 ? f->n_words : 60) / 20.0;
    x[0] = 1;
    x[1] = f->index == 0;
    x[2] = 1.0 / (1.0 + f->index);
    x[3] = (f->index < 10 ? f->index : 10) / 10.0;
    x[4] = len;
    x[5] = len * len;
    x[6] = f->max_weight > 0 ? f->weight / f->max_weight : 0;
    x[7] = f->max_density > 0 ? f->density / f->max_density : 0;
    x[8] = f->mean_df;
    x[9] = f->dangling;
    x[10] = f->quote;
    x[11] = f->digits;
    double nd = (f->n_docs < 10 ? f->n_docs : 10) / 10.0;
    x[12] = nd * x[6];
    x[13] = nd * x[8];
    x[14] = nd * x[2];
}

double ps_prior_value(const ps_sent_facts *f)
{
    const double *coef = ps_prior_dev_hook && ps_prior_dev_hook->coef ? ps_prior_dev_hook->coef : PS_PRIOR_COEF;
    double x[PS_PRIOR_NF], v = 0;
    ps_prior_features(f, x);
    for (int k = 0; k < PS_PRIOR_NF; k++) v += coef[k] * x[k];
    return v > 0 ? v : 0;
}

double ps_prior_lambda(void) { return ps_prior_dev_hook ? ps_prior_dev_hook->lambda : PS_PRIOR_LAMBDA; }
