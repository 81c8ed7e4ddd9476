/* Unit tests for suppress.c: which groups a report may show apart. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "suppress.h"

enum { K = SUPPRESS_MIN_GROUP_DEFAULT, MAX_GROUPS = 16 };

/* Runs one report's counts through suppress_groups; pooled is filled. */
static size_t run(const size_t *counts, size_t n, size_t k, bool *pooled)
{
    return suppress_groups(counts, n, 1, k, pooled);
}

/* The respondents pooled, and the smallest group shown apart (or SIZE_MAX). */
static size_t pooled_total(const size_t *counts, size_t n, const bool *pooled, size_t *smallest)
{
    size_t total = 0;
    *smallest = SIZE_MAX;
    for (size_t g = 0; g < n; g++) {
        if (pooled[g])
            total += counts[g];
        else if (counts[g] < *smallest)
            *smallest = counts[g];
    }
    return total;
}

static void test_suppress_group_of_one_is_pooled_with_another(void **state)
{
    (void)state;
    /* Six practitioners and one director: the director alone would be a pooled row of
       one, so the practitioners are pooled too and nothing is shown apart. */
    size_t counts[] = {6, 1};
    bool pooled[2];
    assert_int_equal(run(counts, 2, K, pooled), 0);
    assert_true(pooled[0] && pooled[1]);
}

static void test_suppress_two_small_groups_that_together_clear(void **state)
{
    (void)state;
    size_t counts[] = {12, 3, 2};
    bool pooled[3];
    assert_int_equal(run(counts, 3, K, pooled), 1);
    assert_false(pooled[0]);
    assert_true(pooled[1] && pooled[2]); /* 3 + 2 = 5: the pooled row clears K */
}

static void test_suppress_hidden_group_not_recoverable(void **state)
{
    (void)state;
    /* A = 10, B = 10, C = 2: C pooled alone would be total - A - B. So the smaller of
       the shown groups (A, the first of equals) is pooled with it. */
    size_t counts[] = {10, 10, 2};
    bool pooled[3];
    assert_int_equal(run(counts, 3, K, pooled), 1);
    assert_true(pooled[0]);
    assert_false(pooled[1]);
    assert_true(pooled[2]);
    /* Secondary suppression picks the smallest shown group, not the first. */
    size_t uneven[] = {20, 7, 1};
    assert_int_equal(run(uneven, 3, K, pooled), 1);
    assert_false(pooled[0]);
    assert_true(pooled[1] && pooled[2]);
}

static void test_suppress_threshold_edges(void **state)
{
    (void)state;
    /* A group of K - 1, K and K + 1 beside a large one and a pooled row of exactly K. */
    for (size_t n = K - 1; n <= K + 1; n++) {
        size_t counts[] = {30, n, 3, 2};
        bool pooled[4];
        size_t shown = run(counts, 4, K, pooled);
        assert_int_equal(pooled[1], n < K);
        assert_int_equal(shown, n < K ? 1 : 2);
    }
    /* Everyone in groups of exactly K: all shown, nothing pooled. */
    size_t exact[] = {K, K, K};
    bool pooled[3];
    assert_int_equal(run(exact, 3, K, pooled), 3);
    /* Fewer respondents than K in all: nothing can be shown. */
    size_t few[] = {2, 1, 1};
    assert_int_equal(run(few, 3, K, pooled), 0);
}

static void test_suppress_across_reports(void **state)
{
    (void)state;
    /* Two reports side by side: B clears K before, not after, so it is pooled in both;
       then the pooled row of the first report (B = 8 alone) clears K, and that of the
       second (B = 4) does not: C, the smallest there, is pooled too. */
    size_t counts[] = {/* before */ 20, 8, 9, /* after */ 20, 4, 6};
    bool pooled[3];
    assert_int_equal(suppress_groups(counts, 3, 2, K, pooled), 1);
    assert_false(pooled[0]);
    assert_true(pooled[1] && pooled[2]);
    /* A group in one report and not the other (0) is never shown apart. */
    size_t appears[] = {10, 10, 0, /* after */ 10, 10, 9};
    assert_int_equal(suppress_groups(appears, 3, 2, K, pooled), 2);
    assert_true(pooled[2]);
}

/*
 * Over many generated reports: every group shown apart has at least K, the pooled row is
 * empty or at least K, and a group is pooled only when it must be (it is under K, or
 * pooling stopped at the first group that made the pooled row clear K).
 */
static void test_suppress_properties(void **state)
{
    (void)state;
    uint64_t seed = 88172645463325252u;
    for (int round = 0; round < 20000; round++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        size_t n = 1 + seed % MAX_GROUPS, k = 3 + (seed >> 8) % 8;
        size_t counts[MAX_GROUPS];
        bool pooled[MAX_GROUPS];
        uint64_t r = seed;
        for (size_t g = 0; g < n; g++) {
            r = r * 6364136223846793005u + 1442695040888963407u;
            counts[g] = 1 + (r >> 33) % (r >> 62 ? 3 * k : k); /* many small groups */
        }
        size_t shown = run(counts, n, k, pooled), smallest;
        size_t in_pool = pooled_total(counts, n, pooled, &smallest);
        size_t n_shown = 0, total = 0;
        for (size_t g = 0; g < n; g++) {
            n_shown += !pooled[g];
            total += counts[g];
            if (!pooled[g])
                assert_true(counts[g] >= k);
        }
        assert_int_equal(shown, n_shown);
        assert_true(in_pool == 0 || in_pool >= k || shown == 0);
        if (shown == 0)
            continue;
        /* Minimal: the pooled row minus its largest group that clears K alone would be
           under K, so no group of K or more was pooled needlessly. */
        size_t largest_big = 0;
        for (size_t g = 0; g < n; g++)
            if (pooled[g] && counts[g] >= k && counts[g] > largest_big)
                largest_big = counts[g];
        if (largest_big)
            assert_true(in_pool - largest_big < k);
        assert_true(total - in_pool >= k);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suppress_group_of_one_is_pooled_with_another),
        cmocka_unit_test(test_suppress_two_small_groups_that_together_clear),
        cmocka_unit_test(test_suppress_hidden_group_not_recoverable),
        cmocka_unit_test(test_suppress_threshold_edges),
        cmocka_unit_test(test_suppress_across_reports),
        cmocka_unit_test(test_suppress_properties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
