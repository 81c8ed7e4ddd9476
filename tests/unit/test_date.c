/*
 * test_date.c - days between calendar dates: the epoch, month and year ends, leap
 * years (every fourth, not every hundredth, every four-hundredth), and what is not a
 * date written YYYY-MM-DD.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "date.h"

static void test_date_days_from_civil_known_days(void **state)
{
    (void)state;
    assert_true(date_days_from_civil(1970, 1, 1) == 0);
    assert_true(date_days_from_civil(1969, 12, 31) == -1);
    assert_true(date_days_from_civil(2000, 3, 1) == 11017);
    assert_true(date_days_from_civil(2026, 4, 15) == 20558);
    assert_true(date_days_from_civil(0, 3, 1) == -719468);
}

static void test_date_days_between_month_and_year_ends(void **state)
{
    (void)state;
    assert_true(date_days_between("2026-04-15", "2026-04-15") == 0);
    assert_true(date_days_between("2026-04-30", "2026-05-01") == 1);
    assert_true(date_days_between("2026-01-31", "2026-02-01") == 1);
    assert_true(date_days_between("2025-12-31", "2026-01-01") == 1);
    assert_true(date_days_between("2026-01-01", "2025-12-31") == -1);
    assert_true(date_days_between("2026-04-15", "2026-07-14") == 90);
    assert_true(date_days_between("2025-01-01", "2026-01-01") == 365);
}

static void test_date_days_between_leap_years(void **state)
{
    (void)state;
    assert_true(date_days_between("2024-02-28", "2024-03-01") == 2); /* 2024-02-29 */
    assert_true(date_days_between("2023-02-28", "2023-03-01") == 1);
    assert_true(date_days_between("2024-01-01", "2025-01-01") == 366);
    assert_true(date_days_between("1900-02-28", "1900-03-01") == 1); /* not a leap year */
    assert_true(date_days_between("2000-02-28", "2000-03-01") == 2); /* but 2000 is */
    assert_true(date_days_between("2100-02-28", "2100-03-01") == 1);
    assert_true(date_days_between("2000-01-01", "2400-01-01") == 146097);
    assert_true(date_days_between("1999-12-31", "2000-01-01") == 1);
}

static void test_date_parse_days_refuses_what_is_not_a_date(void **state)
{
    (void)state;
    int64_t days = 7;
    assert_true(date_parse_days("2026-02-28", &days) && days == 20512);
    days = 7;
    assert_false(date_parse_days("", &days));
    assert_false(date_parse_days("2026-2-28", &days));
    assert_false(date_parse_days("2026-13-01", &days));
    assert_false(date_parse_days("2026-00-10", &days));
    assert_false(date_parse_days("2026-01-00", &days));
    assert_false(date_parse_days("2026-01-32", &days));
    assert_false(date_parse_days("2026-01-01x", &days));
    assert_false(date_parse_days("2026/01/01", &days));
    assert_true(days == 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_days_from_civil_known_days),
        cmocka_unit_test(test_date_days_between_month_and_year_ends),
        cmocka_unit_test(test_date_days_between_leap_years),
        cmocka_unit_test(test_date_parse_days_refuses_what_is_not_a_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
