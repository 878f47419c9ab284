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
 * sources can repeat. Since Round 7 also bucketed and crossed terms (second,
 * third sentence; short and long sentences; hinges of the weight share,
 * density and sharing; first x weight, quote x length, ...), so that the
 * linear model can bend, fitted on a label that counts each reference bigram
 * a sentence holds as 1 / (candidates holding it): what choosing it adds that
 * the others cannot. That model (prior_table_long.inc, written by
 * tools/train_prior.py) is used for budgets of PS_PRIOR_LONG_WORDS words and
 * more: on Multi-News training clusters it gains at 150 and 250 words and
 * not at 100, and at 100 words it lowered DUC 2004 (docs/summarize.md, Round
 * 7); shorter budgets keep the linear model of 15 features fitted on bigrams
 * held (prior_table.inc, Round 2; its bucket coefficients are 0). */
#include "summarize/summarize.h"

#include "summarize/prior_table.inc"
#include "summarize/prior_table_long.inc"

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
    /* bucketed and crossed terms (Round 7): the linear terms above cannot bend */
    x[15] = f->index == 1;
    x[16] = f->index == 2;
    x[17] = f->index == 3 || f->index == 4;
    x[18] = f->n_words < 10;
    x[19] = f->n_words < 15;
    x[20] = f->n_words >= 35;
    x[21] = x[6] > 0.5 ? x[6] - 0.5 : 0;
    x[22] = x[6] > 0.8 ? x[6] - 0.8 : 0;
    x[23] = x[7] > 0.5 ? x[7] - 0.5 : 0;
    x[24] = x[8] > 0.3 ? x[8] - 0.3 : 0;
    x[25] = x[8] > 0.6 ? x[8] - 0.6 : 0;
    x[26] = x[1] * x[6];
    x[27] = x[1] * x[10];
    x[28] = x[10] * len;
    x[29] = x[11] * x[6];
    x[30] = x[6] * x[8];
    x[31] = len * x[6];
    x[32] = nd * x[1];
    x[33] = nd * len;
    x[34] = nd;
    x[35] = x[9] * x[1];
}

double ps_prior_value(const ps_sent_facts *f, bool long_budget)
{
    const double *coef = ps_prior_dev_hook && ps_prior_dev_hook->coef ? ps_prior_dev_hook->coef
                         : long_budget                              ? PS_PRIOR_LONG_COEF
                                                                    : PS_PRIOR_COEF;
    double x[PS_PRIOR_NF], v = 0;
    ps_prior_features(f, x);
    for (int k = 0; k < PS_PRIOR_NF; k++) v += coef[k] * x[k];
    return v > 0 ? v : 0;
}

bool ps_prior_long_budget(size_t max_words, size_t max_bytes)
{
    return max_bytes ? max_bytes >= 6 * (size_t)PS_PRIOR_LONG_WORDS : max_words >= PS_PRIOR_LONG_WORDS;
}

double ps_prior_position_share(bool long_budget) { return long_budget ? 0.5 : 1.0; }

double ps_prior_lambda(bool long_budget)
{
    if (ps_prior_dev_hook) return ps_prior_dev_hook->lambda;
    return long_budget ? PS_PRIOR_LONG_LAMBDA : PS_PRIOR_LAMBDA;
}
