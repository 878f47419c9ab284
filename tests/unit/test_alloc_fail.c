/* Allocation failures are reported, not written through: a request too large
 * for any allocator must come back as PRECIS_ENOMEM. */
#include "test.h"
#include "cluster/cluster.h"

#include <stdint.h>

/* Under ASan a failed malloc returns NULL, as it does without ASan. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

/* pk_batch's postings array holds off[n] entries: with a count no memory can
 * hold (the articles' arrays are never read then), the batch fails cleanly. */
TEST(batch_postings_too_large)
{
    size_t off[2] = {0, SIZE_MAX / 64};
    uint64_t term[1] = {1};
    float w[1] = {1};
    uint32_t label[1];
    pk_batch_input in = {.n = 1, .off = off, .term = term, .w = w};
    CHECK(pk_batch(&in, NULL, label) == PRECIS_ENOMEM);
}

int main(void)
{
    RUN(batch_postings_too_large);
    return test_done();
}
