/*
 * test_compare.c - compare and trend: per stage change, the regression tolerance,
 * gaps opened and closed, and date order.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "compare.h"
#include "score.h"
#include "strbuf.h"

struct side {
    struct assessment a;
    struct score s;
};

static struct side *side_new(const char *date, const char *answers)
{
    struct side *sd = calloc(1, sizeof(*sd));
    struct diags d;
    struct strbuf sb = STRBUF_INIT;
    diags_init(&d);
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: tiny\norganisation: Testshire\n"
                "date: %s\nanswers: {%s}\n",
                date, answers);
    assessment_init(&sd->a, &test_rules);
    if (assessment_add_buffer(&sd->a, "a.yaml", sb.buf, sb.len, false, &d) != 0) {
        print_diags(&d);
        fail();
    }
    score_compute(&sd->s, &test_rules, &sd->a);
    strbuf_release(&sb);
    diags_release(&d);
    return sd;
}

static void side_free(struct side *sd)
{
    score_release(&sd->s);
    assessment_release(&sd->a);
    free(sd);
}

static void test_compare_stage_change_and_regression(void **state)
{
    (void)state;
    struct side *b = side_new("2026-01-01", "start.plan: 6, start.training: 8, "
                                            "start.fatigue: 7, later.habit: 4");
    struct side *a = side_new("2026-04-01", "start.plan: 8, start.training: 8, "
                                            "start.fatigue: 7, later.habit: 3");
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    assert_true(c.stages[0].delta > 0);
    assert_false(c.stages[0].regressed);
    assert_near(c.stages[1].delta, -10.0);
    assert_true(c.stages[1].regressed);
    assert_true(c.regression);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void test_compare_rounding_is_not_a_regression(void **state)
{
    (void)state;
    /* 100 x (2 x 0.6 + 0.8 + 0.3) / 4 = 57.5 against the same with 0.001 less (57.4875):
     * both show as 57.5, so nothing fell that a reader could see. */
    struct side *b = side_new("2026-01-01", "start.plan: 6, start.training: 8, start.fatigue: 7");
    struct side *a = side_new("2026-04-01", "start.plan: 5.999, start.training: 8, "
                                            "start.fatigue: 7");
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    assert_true(a->s.stages[0].score < b->s.stages[0].score);
    assert_false(c.stages[0].regressed);
    assert_false(c.regression);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void test_compare_gaps_opened_and_closed(void **state)
{
    (void)state;
    /* acted-on is 0.7: training 5 -> 9 closes; fatigue (a barrier) 1 -> 6 opens. */
    struct side *b = side_new("2026-01-01", "start.training: 5, start.fatigue: 1, "
                                            "start.plan: 6");
    struct side *a = side_new("2026-04-01", "start.training: 9, start.fatigue: 6, "
                                            "start.plan: 6");
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    long training = rules_find_item(&test_rules, "start.training");
    long fatigue = rules_find_item(&test_rules, "start.fatigue");
    long plan = rules_find_item(&test_rules, "start.plan");
    assert_true(c.items[training].closed);
    assert_false(c.items[training].opened);
    assert_true(c.items[fatigue].opened);
    assert_false(c.items[plan].opened || c.items[plan].closed);
    assert_int_equal(c.n_opened, 1);
    assert_int_equal(c.n_closed, 1);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void test_trend_orders_by_date_not_arguments(void **state)
{
    (void)state;
    struct side *q3 = side_new("2026-07-01", "start.plan: 7");
    struct side *q1 = side_new("2026-01-01", "start.plan: 3");
    struct side *q2 = side_new("2026-04-01", "start.plan: 5");
    const struct score *given[] = {&q3->s, &q1->s, &q2->s};
    struct trend t;
    trend_compute(&t, given, 3);
    assert_int_equal(t.n, 3);
    assert_string_equal(t.points[0]->assessment->date, "2026-01-01");
    assert_string_equal(t.points[1]->assessment->date, "2026-04-01");
    assert_string_equal(t.points[2]->assessment->date, "2026-07-01");
    trend_release(&t);
    side_free(q1);
    side_free(q2);
    side_free(q3);
}

static void test_compare_json_has_its_format(void **state)
{
    (void)state;
    struct side *b = side_new("2026-01-01", "start.plan: 6, start.training: 5");
    struct side *a = side_new("2026-04-01", "start.plan: 2, start.training: 5");
    struct compare c;
    struct strbuf out = STRBUF_INIT;
    compare_compute(&c, &b->s, &a->s);
    compare_format_find("json")->render_compare(&c, "test", &out);
    assert_non_null(strstr(out.buf, "\"format\": \"stagegap-compare/1\""));
    assert_non_null(strstr(out.buf, "\"regression\": true"));
    assert_null(compare_format_find("pdf"));
    strbuf_release(&out);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare_stage_change_and_regression),
        cmocka_unit_test(test_compare_rounding_is_not_a_regression),
        cmocka_unit_test(test_compare_gaps_opened_and_closed),
        cmocka_unit_test(test_trend_orders_by_date_not_arguments),
        cmocka_unit_test(test_compare_json_has_its_format),
    };
    return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
