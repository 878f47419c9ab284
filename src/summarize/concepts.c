/* concepts.c — features of a concept (a stemmed bigram or content word) for
 * a learned estimate of whether a reference summary uses it (Li, Qian & Liu
 * 2013's bigram regression, tried as a factor on the document-frequency
 * weight in Round 8: flat or lower on Multi-News training clusters, so
 * only tools/concept_dump.c sets the hook that uses it; docs/summarize.md). */
#include "summarize/summarize.h"

#include <math.h>

const ps_concept_dev *ps_concept_dev_hook = NULL;

void ps_concept_features(const ps_concept_facts *f, double x[PS_CONCEPT_NF])
{
    double df = f->df ? f->df : 1;
    double nd = f->n_docs ? f->n_docs : 1;
    x[0] = 1;
    x[1] = f->unigram;
    x[2] = f->df / nd;
    x[3] = f->early / df;
    x[4] = f->first / df;
    x[5] = 1.0 / (1.0 + f->min_index);
    double per = f->tf / df;
    x[6] = per < 3 ? per : 3;
    x[7] = f->stop_pair;
    x[8] = f->digits;
    x[9] = f->common;
    x[10] = (f->n_docs < 10 ? f->n_docs : 10) / 10.0;
    x[11] = log(df);
    x[12] = (f->min_index < 10 ? f->min_index : 10) / 10.0;
}

double ps_concept_logit(const ps_concept_facts *f, const double *coef)
{
    double x[PS_CONCEPT_NF], z = 0;
    ps_concept_features(f, x);
    for (int k = 0; k < PS_CONCEPT_NF; k++) z += coef[k] * x[k];
    return z;
}
