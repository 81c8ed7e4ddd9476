/*
 * test_exact.c - exact rationals: comparisons cross-multiplied, sums of unlike
 * denominators, and the one rounding every report uses (half away from zero).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "exact.h"
#include "strbuf.h"

/* q formatted to places decimals, in a static buffer. */
static const char *shown(const struct exact *q, bool negative, int places)
{
    static char buf[64];
    struct strbuf sb = STRBUF_INIT;
    exact_format(&sb, q, negative, places);
    snprintf(buf, sizeof(buf), "%s", strbuf_str(&sb));
    strbuf_release(&sb);
    return buf;
}

static const char *ratio(int64_t num, uint64_t den, int places)
{
    static char buf[64];
    struct strbuf sb = STRBUF_INIT;
    exact_format_ratio(&sb, num, den, places);
    snprintf(buf, sizeof(buf), "%s", strbuf_str(&sb));
    strbuf_release(&sb);
    return buf;
}

/* Halves round away from zero on the exact value, where doubles fall either side. */
static void test_exact_format_rounds_halves_away_from_zero(void **state)
{
    (void)state;
    assert_string_equal(ratio(125, 100, 1), "1.3"); /* 1.25 is just under in a double */
    assert_string_equal(ratio(625, 100, 1), "6.3");
    assert_string_equal(ratio(-125, 100, 1), "-1.3");
    assert_string_equal(ratio(124999, 100000, 1), "1.2");
    assert_string_equal(ratio(1, 20, 1), "0.1");
    assert_string_equal(ratio(-1, 20, 1), "-0.1");
    assert_string_equal(ratio(-1, 21, 1), "0.0"); /* never "-0.0" */
    assert_string_equal(ratio(0, 1, 1), "0.0");
    assert_string_equal(ratio(2, 3, 3), "0.667");
    assert_string_equal(ratio(1, 16, 3), "0.063");
    assert_string_equal(ratio(100, 1, 1), "100.0");
    assert_string_equal(ratio(7, 1, 0), "7");
    assert_string_equal(ratio(1, 2, 0), "1");
    struct exact zero = {0};
    assert_string_equal(shown(&zero, true, 1), "0.0");
}

/* 100 x (2 x 0.6 + ...) style sums: a third and two thirds make exactly one. */
static void test_exact_add_unlike_denominators(void **state)
{
    (void)state;
    struct exact sum = {0}, third = {0}, two_thirds = {0};
    exact_set(&third, 1, 3);
    exact_set(&two_thirds, 4, 6);
    exact_add(&sum, &third);
    exact_add(&sum, &two_thirds);
    assert_int_equal(exact_cmp_ratio(&sum, 1, 1), 0);
    /* Eight sustain items at 0.8 of weight 1, scaled to a score: exactly 80. */
    struct exact score = {0}, item = {0};
    for (int i = 0; i < 10; i++) {
        exact_set(&item, 8, 10);
        exact_add(&score, &item);
    }
    exact_scale(&score, 100, 10);
    assert_int_equal(exact_cmp_ratio(&score, 80, 1), 0);
    assert_string_equal(shown(&score, false, 1), "80.0");
    exact_release(&sum);
    exact_release(&third);
    exact_release(&two_thirds);
    exact_release(&score);
    exact_release(&item);
}

/* 2 x (1 - 0.7) against 1 x (1 - 0.4): equal, where doubles put one above. */
static void test_exact_cmp_ties_are_ties(void **state)
{
    (void)state;
    struct exact a = {0}, b = {0};
    exact_set_products(&a, 2, 3, 10, 1);
    exact_set_products(&b, 1, 6, 10, 1);
    assert_int_equal(exact_cmp(&a, &b), 0);
    exact_set(&b, 599999, 1000000);
    assert_true(exact_cmp(&a, &b) > 0);
    assert_true(exact_cmp(&b, &a) < 0);
    assert_true(exact_cmp_ratio(&a, 3, 5) == 0);
    assert_true(exact_cmp_ratio(&a, 3, 4) < 0);
    exact_release(&a);
    exact_release(&b);
}

/* Denominators past 64 bits: a thousand unlike ones, compared and printed. */
static void test_exact_large_denominators(void **state)
{
    (void)state;
    struct exact sum = {0}, term = {0};
    for (uint64_t n = 1000000; n > 999000; n--) {
        exact_set(&term, n - 1, n); /* 1 - 1/n */
        exact_add(&sum, &term);
    }
    /* 1000 - the sum of 1/n for n in (999000, 1000000] = 999.9989995... */
    assert_true(exact_cmp_ratio(&sum, 999, 1) > 0);
    assert_true(exact_cmp_ratio(&sum, 1000, 1) < 0);
    assert_string_equal(shown(&sum, false, 3), "999.999");
    assert_string_equal(shown(&sum, false, 6), "999.999000");
    assert_string_equal(shown(&sum, false, 9), "999.998999500");
    double d = exact_to_double(&sum);
    assert_true(d > 999.9989 && d < 999.9990);
    exact_set_products_diff(&term, 4, 1000000000000ULL, 3, 1000000000000ULL, 7, 1);
    assert_int_equal(exact_cmp_ratio(&term, 1000000000000ULL, 7), 0);
    exact_release(&sum);
    exact_release(&term);
}

/*
 * Rounding divides by one limb, by two, or by more, each its own way: the same value
 * held in each shape shows the same digits.
 */
static void test_exact_round_every_shape(void **state)
{
    (void)state;
    struct exact q = {0};
    /* 7/3 * 10^15, shown to 3 places: a 2-limb quotient. */
    exact_set(&q, 7000000000000000ULL, 3); /* numerator of 2 limbs */
    assert_string_equal(shown(&q, false, 3), "2333333333333333.333");
    exact_set_products(&q, 7000000000000000ULL, 1000000, 3, 1000000); /* 3 limbs over 1 */
    assert_string_equal(shown(&q, false, 3), "2333333333333333.333");
    exact_set_products(&q, 7000000000000000ULL, 10000000000ULL, 3, 10000000000ULL); /* over 2 */
    assert_string_equal(shown(&q, false, 3), "2333333333333333.333");
    exact_set_products(&q, 7000000000000000ULL, 1ULL << 62, 3, 1ULL << 62); /* over 3 */
    assert_string_equal(shown(&q, false, 3), "2333333333333333.333");
    assert_true(exact_to_double(&q) == 7e15 / 3);
    exact_set_products(&q, 2, 1000000, 3, 1000000); /* 2/3 */
    assert_string_equal(shown(&q, true, 2), "-0.67");
    assert_true(exact_to_double(&q) == 2.0 / 3);
    exact_set(&q, 1, 3);
    assert_string_equal(shown(&q, false, 0), "0");
    exact_release(&q);
}

/*
 * Values whose parts fit 64 bits are rounded and compared in one 128-bit step where the
 * compiler has one; the same values held with parts past 64 bits take the general
 * code. Over a spread of fractions, halves among them, the two give the same digits, the
 * same order and the same double.
 */
static void test_exact_small_and_general_agree(void **state)
{
    (void)state;
    const uint64_t big = 1ULL << 40; /* both parts times 2^80: 3 limbs or more */
    uint64_t seed = 12345;
    struct exact small[64], wide[64];
    memset(small, 0, sizeof(small));
    memset(wide, 0, sizeof(wide));
    for (int i = 0; i < 64; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        uint64_t den = (seed >> 40) % 2000 + 1;
        uint64_t num = (seed >> 8) % (den * 1000);
        if (i % 8 == 0)
            num = den * (uint64_t)i + den / 2; /* halves, when den is even */
        exact_set(&small[i], num, den);
        exact_set_products(&wide[i], num, big, den, big);
        exact_scale(&wide[i], big, big); /* the denominator now past 2^80 */
        for (int places = 0; places <= 6; places++) {
            char a[64];
            snprintf(a, sizeof(a), "%s", shown(&small[i], i % 3 == 0, places));
            assert_string_equal(a, shown(&wide[i], i % 3 == 0, places));
            assert_string_equal(a, ratio(i % 3 == 0 ? -(int64_t)num : (int64_t)num, den, places));
            assert_true(exact_round(&small[i], places) == exact_round(&wide[i], places));
        }
        assert_true(exact_to_double(&small[i]) == exact_to_double(&wide[i]));
    }
    for (int i = 0; i < 64; i++)
        for (int j = 0; j < 64; j++) {
            int c = exact_cmp(&small[i], &small[j]);
            assert_int_equal(c, exact_cmp(&wide[i], &wide[j]));
            assert_int_equal(c, exact_cmp(&small[i], &wide[j]));
            assert_int_equal(c, -exact_cmp(&small[j], &small[i]));
        }
    for (int i = 0; i < 64; i++) {
        exact_release(&small[i]);
        exact_release(&wide[i]);
    }
}

static void test_exact_parse_decimal(void **state)
{
    (void)state;
    int64_t v = -1;
    assert_int_equal(exact_parse_decimal("7", &v), 0);
    assert_true(v == 7000);
    assert_int_equal(exact_parse_decimal("-2.5", &v), 0);
    assert_true(v == -2500);
    assert_int_equal(exact_parse_decimal("6.855", &v), 0);
    assert_true(v == 6855);
    assert_int_equal(exact_parse_decimal("7.50000", &v), 0); /* trailing zeros are free */
    assert_true(v == 7500);
    assert_int_equal(exact_parse_decimal("1e1", &v), 0);
    assert_true(v == 10000);
    assert_int_equal(exact_parse_decimal("1.5e-1", &v), 0);
    assert_true(v == 150);
    assert_int_equal(exact_parse_decimal(".5", &v), 0);
    assert_true(v == 500);
    assert_int_equal(exact_parse_decimal("0", &v), 0);
    assert_true(v == 0);
    assert_int_equal(exact_parse_decimal("6.8551", &v), -2);
    assert_int_equal(exact_parse_decimal("1e-4", &v), -2);
    assert_int_equal(exact_parse_decimal("0.12345678901234567890", &v), -2);
    assert_int_equal(exact_parse_decimal("1e30", &v), -3);
    assert_int_equal(exact_parse_decimal("", &v), -1);
    assert_int_equal(exact_parse_decimal("abc", &v), -1);
    assert_int_equal(exact_parse_decimal("5e", &v), -1);
    assert_int_equal(exact_parse_decimal("1.2.3", &v), -1);
    assert_int_equal(exact_parse_decimal("0x10", &v), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_format_rounds_halves_away_from_zero),
        cmocka_unit_test(test_exact_add_unlike_denominators),
        cmocka_unit_test(test_exact_cmp_ties_are_ties),
        cmocka_unit_test(test_exact_large_denominators),
        cmocka_unit_test(test_exact_round_every_shape),
        cmocka_unit_test(test_exact_small_and_general_agree),
        cmocka_unit_test(test_exact_parse_decimal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
