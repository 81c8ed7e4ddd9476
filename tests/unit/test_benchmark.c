/*
 * test_benchmark.c - the benchmark engine (benchmark.h): the windows each figure is the
 * mean of, at every network size from 5 to 12; a figure equal to one authority's value
 * withheld; our rank in words; each authority's latest share picked, ours standing for
 * our own, --as-of, two shares of one date refused; the items furthest behind and ahead
 * read in each item's better direction; and our position at each of our dates.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "benchmark.h"
#include "diag.h"
#include "rules.h"
#include "share.h"

/* The tiny test model: stages start and later; items start.plan, start.training,
   start.fatigue (a barrier), start.do-plan, later.habit and later.context (no question). */
enum { STAGES = 2, ITEMS = 6 };

struct fake {
    struct share s;
    struct share_stage stages[STAGES];
    bool has[ITEMS];
    int64_t mean[ITEMS];
};

static struct rules rules;

static int setup(void **state)
{
    struct diags d;
    diags_init(&d);
    int rc = load_rules_text(&rules, test_rules_yaml, &d);
    diags_release(&d);
    (void)state;
    return rc;
}

static int teardown(void **state)
{
    rules_release(&rules);
    (void)state;
    return 0;
}

/* A share of org at date: stage scores in tenths (-1 for none), a mean on every item
   with a question, all means at item_mean. */
static void fake(struct fake *f, const char *org, const char *date, int64_t start, int64_t later,
                 int64_t item_mean)
{
    memset(f, 0, sizeof(*f));
    f->s.file = org;
    f->s.organisation = org;
    f->s.date = date;
    f->s.model_id = "tiny";
    f->s.model_version = "1.0";
    f->s.model_sha256 = "abc";
    f->s.stages = f->stages;
    f->s.has_mean = f->has;
    f->s.mean_tenths = f->mean;
    int64_t scores[STAGES] = {start, later};
    for (int st = 0; st < STAGES; st++) {
        f->stages[st].has_score = scores[st] >= 0;
        f->stages[st].score_tenths = scores[st];
    }
    for (size_t i = 0; i < ITEMS; i++)
        if (rules.items[i].question) {
            f->has[i] = true;
            f->mean[i] = item_mean;
        }
}

static const char *const ORGS[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"};

/* The network of n whose start scores are v (tenths), later scores 500 + k, and every
   item's mean 4.1 + 0.3 k. */
static void network(struct fake *f, const struct share **p, size_t n, const int64_t *v)
{
    for (size_t k = 0; k < n; k++) {
        fake(&f[k], ORGS[k], "2026-09-30", v[k], 500 + (int64_t)k, 41 + 3 * (int64_t)k);
        p[k] = &f[k].s;
    }
}

static void expect_mark(const struct benchmark_mark *m, bool shown, int64_t tenths)
{
    assert_int_equal(m->shown, shown);
    if (shown)
        assert_int_equal(m->tenths, tenths);
}

static void test_windows_at_five(void **state)
{
    (void)state;
    static const int64_t v[] = {600, 100, 470, 220, 300}; /* sorted 100 220 300 470 600 */
    struct fake f[5];
    const struct share *p[5];
    network(f, p, 5, v);
    struct benchmark b;
    benchmark_compute(&b, &rules, p, 5, NULL, NULL, p, 5);
    assert_true(b.stages[0].enough);
    expect_mark(&b.stages[0].median, true, 330); /* (220 + 300 + 470) / 3 */
    expect_mark(&b.stages[0].lower, false, 0);   /* quarter marks from 9 */
    assert_false(b.stages[0].lower.withheld);
    expect_mark(&b.stages[0].upper, false, 0);
    benchmark_release(&b);
}

static void test_windows_at_nine_and_ten(void **state)
{
    (void)state;
    static const int64_t v[] = {100, 120, 200, 310, 400, 520, 600, 710, 800, 905};
    struct fake f[10];
    const struct share *p[10];
    network(f, p, 10, v);
    struct benchmark b;
    benchmark_compute(&b, &rules, p, 9, NULL, NULL, p, 9);
    expect_mark(&b.stages[0].median, true, 410); /* ranks 4-6 */
    expect_mark(&b.stages[0].lower, true, 140);  /* ranks 1-3 */
    expect_mark(&b.stages[0].upper, true, 703);  /* ranks 7-9: 2110 / 3 */
    benchmark_release(&b);
    benchmark_compute(&b, &rules, p, 10, NULL, NULL, p, 10);
    expect_mark(&b.stages[0].median, true, 458); /* ranks 4-7: 1830 / 4 = 457.5, half up */
    expect_mark(&b.stages[0].lower, true, 140);
    expect_mark(&b.stages[0].upper, true, 805); /* ranks 8-10: 2415 / 3 */
    benchmark_release(&b);
}

/* At 8 the median takes four and no three lie wholly below it; at 12 they do. */
static void test_quarter_marks_need_room(void **state)
{
    (void)state;
    static const int64_t v[] = {101, 203, 306, 407, 509, 611, 713, 815, 917, 951, 973, 995};
    struct fake f[12];
    const struct share *p[12];
    network(f, p, 12, v);
    struct benchmark b;
    benchmark_compute(&b, &rules, p, 8, NULL, NULL, p, 8);
    assert_true(b.stages[0].median.shown);
    assert_false(b.stages[0].lower.shown);
    assert_false(b.stages[0].upper.shown);
    benchmark_release(&b);
    benchmark_compute(&b, &rules, p, 12, NULL, NULL, p, 12);
    expect_mark(&b.stages[0].median, true, 662); /* ranks 5-8: 2648 / 4 */
    expect_mark(&b.stages[0].lower, true, 305);  /* ranks 2-4: 916 / 3 */
    expect_mark(&b.stages[0].upper, true, 947);  /* ranks 9-11, mirroring: 2841 / 3 */
    benchmark_release(&b);
}

static void test_withheld_when_equal(void **state)
{
    (void)state;
    static const int64_t v[] = {100, 200, 300, 400, 500}; /* the middle three's mean is 300 */
    struct fake f[5];
    const struct share *p[5];
    network(f, p, 5, v);
    struct benchmark b;
    benchmark_compute(&b, &rules, p, 5, NULL, NULL, p, 5);
    assert_false(b.stages[0].median.shown);
    assert_true(b.stages[0].median.withheld);
    benchmark_release(&b);
}

static void test_too_few_for_a_stage(void **state)
{
    (void)state;
    static const int64_t v[] = {100, 200, -1, 400, 500};
    struct fake f[5];
    const struct share *p[5];
    network(f, p, 5, v);
    struct benchmark b;
    benchmark_compute(&b, &rules, p, 5, &f[0].s, NULL, p, 5);
    assert_int_equal(b.stages[0].authorities, 4);
    assert_false(b.stages[0].enough);
    assert_false(b.stages[0].median.shown);
    assert_int_equal(b.stages[0].position, BENCHMARK_NO_POSITION);
    assert_int_equal(b.whole.authorities, 4); /* the whole needs every stage */
    assert_true(b.stages[1].enough);
    benchmark_release(&b);
}

static enum benchmark_position position_of(size_t n, const int64_t *v, size_t self)
{
    struct fake f[12];
    const struct share *p[12];
    network(f, p, n, v);
    struct benchmark b;
    benchmark_compute(&b, &rules, p, n, &f[self].s, NULL, p, n);
    enum benchmark_position pos = b.stages[0].position;
    benchmark_release(&b);
    return pos;
}

static void test_positions(void **state)
{
    (void)state;
    static const int64_t v[] = {100, 200, 300, 400, 500, 600, 700, 800, 900};
    assert_int_equal(position_of(9, v, 8), BENCHMARK_TOP);
    assert_int_equal(position_of(9, v, 7), BENCHMARK_TOP); /* 2 of 9 at or above */
    assert_int_equal(position_of(9, v, 6), BENCHMARK_MIDDLE);
    assert_int_equal(position_of(9, v, 4), BENCHMARK_MIDDLE);
    assert_int_equal(position_of(9, v, 1), BENCHMARK_BOTTOM);
    assert_int_equal(position_of(9, v, 0), BENCHMARK_BOTTOM);
    assert_int_equal(position_of(5, v, 4), BENCHMARK_TOP);
    assert_int_equal(position_of(5, v, 3), BENCHMARK_MIDDLE);
    static const int64_t ties[] = {500, 500, 500, 500, 500, 500, 500, 500};
    assert_int_equal(position_of(8, ties, 3), BENCHMARK_LEVEL);
    assert_string_equal(benchmark_position_words(BENCHMARK_TOP), "in the top quarter");
    assert_null(benchmark_position_words(BENCHMARK_NO_POSITION));
    assert_string_equal(benchmark_position_id(BENCHMARK_MIDDLE), "middle-half");
}

static void test_pick(void **state)
{
    (void)state;
    struct fake f[5];
    fake(&f[0], "A", "2026-03-31", 100, 100, 50);
    fake(&f[1], "A", "2026-09-30", 200, 200, 50);
    fake(&f[2], "B", "2026-06-30", 300, 300, 50);
    fake(&f[3], "A", "2026-06-30", 400, 400, 50); /* --self: stands for A */
    fake(&f[4], "B", "2026-09-30", 500, 500, 50);
    const struct share *all[] = {&f[0].s, &f[1].s, &f[2].s, &f[4].s};
    const struct share *picked[6];
    struct diags d;
    diags_init(&d);
    assert_int_equal(benchmark_pick(all, 4, NULL, NULL, picked, &d), 2);
    assert_ptr_equal(picked[0], &f[1].s);
    assert_ptr_equal(picked[1], &f[4].s);
    assert_int_equal(benchmark_pick(all, 4, NULL, "2026-06-30", picked, &d), 2);
    assert_ptr_equal(picked[0], &f[0].s);
    assert_ptr_equal(picked[1], &f[2].s);
    assert_int_equal(benchmark_pick(all, 4, &f[3].s, NULL, picked, &d), 2);
    assert_ptr_equal(picked[0], &f[3].s);
    assert_ptr_equal(picked[1], &f[4].s);
    assert_int_equal(d.errors, 0);
    /* two shares of A dated 2026-09-30 */
    fake(&f[3], "A", "2026-09-30", 400, 400, 50);
    f[3].s.file = "copy.yaml";
    const struct share *twice[] = {&f[1].s, &f[2].s, &f[3].s};
    assert_int_equal(benchmark_pick(twice, 3, NULL, NULL, picked, &d), 0);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.v[0].file, "copy.yaml");
    assert_string_equal(d.v[0].message,
                        "a second share of one authority with one date (the first is A); "
                        "keep one");
    diags_release(&d);
}

/* Ours 2.0 on start.plan against a network about 4.9 is behind; ours 8.0 on
   start.fatigue, a barrier, is behind too, though higher; ours 9.0 on later.habit is
   ahead. */
static void test_items_read_each_way(void **state)
{
    (void)state;
    static const int64_t v[] = {100, 200, 300, 400, 500, 600};
    struct fake f[6];
    const struct share *p[6];
    network(f, p, 6, v);
    f[0].mean[0] = 20;   /* start.plan */
    f[0].mean[2] = 80;   /* start.fatigue, a barrier */
    f[0].mean[4] = 90;   /* later.habit: ahead */
    f[5].has[1] = false; /* start.training: not every share carries it */
    struct benchmark b;
    benchmark_compute(&b, &rules, p, 6, &f[0].s, NULL, p, 6);
    assert_int_equal(b.items_compared, 4); /* plan, fatigue, do-plan, habit */
    assert_int_equal(b.n_behind, 3);
    assert_int_equal(b.behind[0].item, 0); /* 2.0 against (4.4 + 4.7 + 5.0 + 5.3) / 4 */
    assert_int_equal(b.behind[0].ahead, -29);
    assert_int_equal(b.behind[1].item, 2); /* 8.0 against 5.2, a barrier */
    assert_int_equal(b.behind[1].ahead, -28);
    assert_int_equal(b.behind[2].item, 3); /* start.do-plan: ours 4.1 against 4.9 */
    assert_int_equal(b.behind[2].ahead, -8);
    assert_int_equal(b.n_ahead, 1);
    assert_int_equal(b.ahead[0].item, 4);
    assert_int_equal(b.ahead[0].ahead, 38);
    benchmark_release(&b);
}

static void test_position_over_time(void **state)
{
    (void)state;
    struct fake f[9];
    static const char *const orgs[] = {"B", "C", "D", "E"};
    for (size_t k = 0; k < 4; k++)
        fake(&f[k], orgs[k], "2026-03-31", 300 + 100 * (int64_t)k, 500, 50);
    fake(&f[4], "F", "2026-09-30", 800, 500, 50); /* joins after our first date */
    fake(&f[5], "A", "2026-03-31", 100, 500, 50);
    fake(&f[6], "A", "2026-06-30", 450, 500, 50);
    fake(&f[7], "A", "2026-09-30", 900, 500, 50); /* --self */
    const struct share *all[] = {&f[0].s, &f[1].s, &f[2].s, &f[3].s,
                                 &f[4].s, &f[5].s, &f[6].s, &f[7].s};
    const struct share *picked[9];
    struct diags d;
    diags_init(&d);
    size_t n = benchmark_pick(all, 8, &f[7].s, NULL, picked, &d);
    assert_int_equal(n, 6);
    struct benchmark b;
    benchmark_compute(&b, &rules, picked, n, &f[7].s, NULL, all, 8);
    assert_int_equal(b.n_points, 3);
    assert_string_equal(b.points[0].date, "2026-03-31");
    assert_int_equal(b.points[0].authorities, 5);
    assert_int_equal(b.points[0].stages[0].position, BENCHMARK_BOTTOM);
    assert_int_equal(b.points[1].stages[0].position, BENCHMARK_MIDDLE);
    assert_int_equal(b.points[2].authorities, 6);
    assert_int_equal(b.points[2].stages[0].position, BENCHMARK_TOP);
    assert_int_equal(b.points[2].stages[0].ours, 900);
    assert_false(b.points[2].stages[0].median.shown); /* no network figure over time */
    benchmark_release(&b);
    diags_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_at_five),
        cmocka_unit_test(test_windows_at_nine_and_ten),
        cmocka_unit_test(test_quarter_marks_need_room),
        cmocka_unit_test(test_withheld_when_equal),
        cmocka_unit_test(test_too_few_for_a_stage),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_pick),
        cmocka_unit_test(test_items_read_each_way),
        cmocka_unit_test(test_position_over_time),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
