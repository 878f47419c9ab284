/* test.h — a minimal test harness. Each TEST prints "ok - name" or
 * "not ok - name"; tests/run.sh tallies those lines across all programs.
 *
 *   TEST(my_case) { CHECK(x == 1); CHECK_STR(s, "abc"); }
 *   int main(void) { RUN(my_case); return test_done(); }
 */
#ifndef PRECIS_TEST_H
#define PRECIS_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int test_failures_, test_case_failed_, test_cases_failed_;

#define TEST(name) static void name(void)
#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            test_failures_++;                                                         \
            test_case_failed_ = 1;                                                    \
        }                                                                             \
    } while (0)
#define CHECK_STR(got, want)                                                             \
    do {                                                                                 \
        const char *g_ = (got), *w_ = (want);                                            \
        if (!g_ || strcmp(g_, w_) != 0) {                                                \
            fprintf(stderr, "  %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,   \
                    g_ ? g_ : "(null)", w_);                                             \
            test_failures_++;                                                            \
            test_case_failed_ = 1;                                                       \
        }                                                                                \
    } while (0)
#define CHECK_NEAR(got, want, eps)                                                        \
    do {                                                                                  \
        double g_ = (got), w_ = (want);                                                   \
        if (!(fabs(g_ - w_) <= (eps))) {                                                  \
            fprintf(stderr, "  %s:%d: got %.6f, want %.6f\n", __FILE__, __LINE__, g_, w_); \
            test_failures_++;                                                             \
            test_case_failed_ = 1;                                                        \
        }                                                                                 \
    } while (0)
#define RUN(name)                                                          \
    do {                                                                   \
        test_case_failed_ = 0;                                             \
        name();                                                            \
        printf("%s - %s\n", test_case_failed_ ? "not ok" : "ok", #name);  \
        test_cases_failed_ += test_case_failed_;                           \
        fflush(stdout);                                                    \
    } while (0)

static inline int test_done(void) { return test_cases_failed_ ? 1 : 0; }

#endif
