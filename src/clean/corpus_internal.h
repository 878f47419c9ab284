/* corpus_internal.h — line hashing shared by the corpus and the classifier. */
#ifndef PRECIS_CLEAN_CORPUS_INTERNAL_H
#define PRECIS_CLEAN_CORPUS_INTERNAL_H

#include "clean.h"

#include <stdint.h>

/* Hash of a line's lower-cased letters and digits; 0 when it has fewer than 2. */
uint64_t pcl_line_hash(const char *s, size_t len);
size_t pcl_corpus_count_hash(const pcl_corpus *c, uint64_t h);

#endif
