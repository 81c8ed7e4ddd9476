/*
 * test_cli.c - the command line end to end through cli_main, for what goes to standard
 * error beside a report: why a gate failed, and the warnings of compare and trend.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "cli.h"

#define EASTBROOK "data/examples/eastbrook-mid-implementation.yaml"
#define Q2 "data/examples/eastbrook-quarterly/2026-04.yaml"
#define Q3 "data/examples/eastbrook-quarterly/2026-07.yaml"

/* All of f from its start, malloc'd. */
static char *slurp(FILE *f)
{
    long n;
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    assert_true((n = ftell(f)) >= 0);
    rewind(f);
    char *buf = calloc((size_t)n + 1, 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    return buf;
}

/* Runs stagegap with the NULL-terminated arguments; checks the status and standard error. */
static void run(int want_rc, const char *want_err, const char *const *args)
{
    char *argv[16];
    int argc = 0;
    argv[argc++] = strdup("stagegap");
    for (const char *const *a = args; *a; a++)
        argv[argc++] = strdup(*a);
    FILE *out = tmpfile(), *err = tmpfile();
    assert_non_null(out);
    assert_non_null(err);
    int rc = cli_main(argc, argv, out, err);
    char *got = slurp(err);
    assert_string_equal(got, want_err);
    assert_int_equal(rc, want_rc);
    free(got);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    fclose(out);
    fclose(err);
}

static void test_cli_fail_under_says_which_stage_scored_what(void **state)
{
    (void)state;
    run(1, "stagegap: --fail-under 60: the focus stage, Implement, scored 44.8\n",
        (const char *[]){"assess", "--format", "json", "--fail-under", "60", EASTBROOK, NULL});
    /* 44.76 shows as 44.8: shown so, it would not read as under 44.8. */
    run(1, "stagegap: --fail-under 44.8: the focus stage, Implement, scored 44.76\n",
        (const char *[]){"assess", "--format", "json", "--fail-under", "44.8", EASTBROOK, NULL});
    run(0, "",
        (const char *[]){"assess", "--format", "json", "--fail-under", "40", EASTBROOK, NULL});
}

static void test_cli_fail_under_says_when_too_few_answers(void **state)
{
    (void)state;
    run(1,
        "stagegap: --fail-under 50: the focus stage, Launch, has too few answers to score (2 "
        "of 12 answered)\n",
        (const char *[]){"assess", "--format", "csv", "--fail-under", "50",
                         "tests/fixtures/launch-too-few-answers.yaml", NULL});
}

static void test_cli_fail_on_regression_names_the_stage(void **state)
{
    (void)state;
    run(1,
        "stagegap: --fail-on-regression: Regression: Sustain fell 6.7 points, from 66.7 to "
        "60.0.\n",
        (const char *[]){"compare", "--format", "csv", "--fail-on-regression", Q2, Q3, NULL});
    run(0, "", (const char *[]){"compare", "--format", "csv", Q2, Q3, NULL});
}

static void test_cli_compare_warns_but_exits_as_before(void **state)
{
    (void)state;
    run(0,
        Q3 ":13:7: warning: BEFORE is dated 2026-07-14, after AFTER's 2026-04-15 in '" Q2
           "'; the changes shown run backwards in time: give the earlier assessment first\n",
        (const char *[]){"compare", "--format", "csv", Q3, Q2, NULL});
    /* The warning leaves the gate as it was: backwards, Implement fell. */
    run(1,
        Q3 ":13:7: warning: BEFORE is dated 2026-07-14, after AFTER's 2026-04-15 in '" Q2
           "'; the changes shown run backwards in time: give the earlier assessment first\n"
           "stagegap: --fail-on-regression: Regression: Implement fell 4.7 points, from 49.5 "
           "to 44.8.\n",
        (const char *[]){"compare", "--format", "csv", "--fail-on-regression", Q3, Q2, NULL});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_fail_under_says_which_stage_scored_what),
        cmocka_unit_test(test_cli_fail_under_says_when_too_few_answers),
        cmocka_unit_test(test_cli_fail_on_regression_names_the_stage),
        cmocka_unit_test(test_cli_compare_warns_but_exits_as_before),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
