/*
 * test_share.c - share files (share.h, share_write.h): a pooled assessment written and
 * read back to the same figures; what is left out (items under K, everything about a
 * person); refused under the threshold; and the loader's errors, each at its place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "answers.h"
#include "participation.h"
#include "score.h"
#include "share.h"
#include "share_write.h"
#include "strbuf.h"
#include "suppress.h"

struct fixture {
    struct rules rules;
    struct assessment a;
    struct score s;
    struct share share;
    struct diags d;
    struct strbuf out;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    int rc = load_rules_text(&f->rules, test_rules_yaml, &f->d);
    assessment_init(&f->a, &f->rules);
    score_init(&f->s);
    share_init(&f->share);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    strbuf_release(&f->out);
    share_release(&f->share);
    score_release(&f->s);
    assessment_release(&f->a);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
    return 0;
}

/* n respondents: everyone answers start.plan and start.fatigue; only the first two
   answer start.training; each writes a note that names them. */
static void pool(struct fixture *f, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb,
                    "format: stagegap-answers/1\nrules: tiny\norganisation: Anytown\n"
                    "date: 2026-09-30\nrespondent: {id: person-%zu, role: lead}\n"
                    "answers:\n  start.plan: {score: %zu, note: \"said by person-%zu\"}\n"
                    "  start.fatigue: 4\n",
                    k, 4 + k % 3, k);
        if (k < 2)
            strbuf_adds(&sb, "  start.training: 9\n");
        char name[32];
        snprintf(name, sizeof(name), "r%zu.yaml", k);
        assert_int_equal(assessment_add_buffer(&f->a, name, sb.buf, sb.len, false, &f->d), 0);
        strbuf_release(&sb);
    }
    struct score_options o = {false, SUPPRESS_MIN_GROUP_DEFAULT, true, NULL};
    score_compute_with(&f->s, &f->rules, &f->a, &o);
}

static int load(struct fixture *f, const char *yaml)
{
    share_release(&f->share);
    diags_release(&f->d);
    diags_init(&f->d);
    return share_load_buffer(&f->share, &f->rules, "s.yaml", yaml, strlen(yaml), &f->d);
}

static void test_share_round_trip(void **state)
{
    struct fixture *f = *state;
    pool(f, 6);
    assert_true(share_allowed(&f->s));
    share_write(&f->s, "9.8.7", &f->out);
    const char *out = strbuf_str(&f->out);
    /* start.plan: 4,5,6,4,5,6 -> 5.0; fatigue 4.0; training answered by 2 of 6: left out. */
    assert_non_null(strstr(out, "\n  start.plan: 5.0\n"));
    assert_non_null(strstr(out, "\n  start.fatigue: 4.0\n"));
    assert_null(strstr(out, "start.training:"));
    assert_null(strstr(out, "person-"));
    assert_null(strstr(out, "lead"));
    assert_null(strstr(out, "r0.yaml"));
    assert_int_equal(load(f, out), 0);
    const struct share *s = &f->share;
    assert_string_equal(s->organisation, "Anytown");
    assert_string_equal(s->date, "2026-09-30");
    assert_string_equal(s->model_id, "tiny");
    assert_int_equal(s->respondents, 6);
    assert_int_equal(s->min_group, 5);
    assert_true(s->has_mean[0]);
    assert_int_equal(s->mean_tenths[0], 50);
    assert_false(s->has_mean[1]);
    assert_int_equal(s->stages[0].has_score, f->s.stages[0].has_score);
    assert_int_equal(s->stages[0].answerable, f->s.stages[0].answerable);
}

static void test_share_refused_under_threshold(void **state)
{
    struct fixture *f = *state;
    pool(f, 4);
    assert_false(share_allowed(&f->s));
}

/* The written share (f->out), with from replaced by to, must fail with msg at line:col. */
static void expect_error(struct fixture *f, const char *from, const char *to, unsigned line,
                         unsigned column, const char *msg)
{
    const char *out = strbuf_str(&f->out), *at = strstr(out, from);
    assert_non_null(at);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, out, (size_t)(at - out));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    assert_int_equal(load(f, strbuf_str(&sb)), -1);
    assert_diag(&f->d, line, column, msg);
    strbuf_release(&sb);
}

/* Lines of the written file: 1-7 comments, 8 format, 9 organisation, 10 date, 11 model,
   12 respondents, 13 min-group, 14 stages:, 15-16 the stages, 17 comment, 18 means:. */
static void test_share_errors(void **state)
{
    struct fixture *f = *state;
    pool(f, 6);
    share_write(&f->s, "9.8.7", &f->out);
    expect_error(f, "format: stagegap-share/1", "format: stagegap-answers/1", 8, 9,
                 "this is an answers file, not a share file; 'stagegap share' makes one");
    expect_error(f, "respondents: 6", "respondents: 3", 12, 14,
                 "a share of 3 respondents, fewer than its anonymity threshold of 5, would "
                 "give their answers away; stagegap share never writes one");
    expect_error(f, "start.plan: 5.0", "start.plan: 5.05", 19, 15,
                 "a mean answer has more than one decimal place; a share gives one");
    expect_error(f, "start.plan: 5.0", "start.plam: 5.0", 19, 3,
                 "unknown item 'start.plam' in model 'tiny'; did you mean 'start.plan'?");
    expect_error(f, "min-group: 5", "min-group: 2", 13, 12,
                 "min-group must be from 3 to 1000, not 2");
}

/* With a headcount, the share says how many were asked in all, and reads it back; a
   total under the respondents is refused. */
static void test_share_invited(void **state)
{
    struct fixture *f = *state;
    pool(f, 6);
    struct participation p = {.answered = 6, .invited = 40};
    f->s.participation = &p;
    share_write(&f->s, "9.8.7", &f->out);
    const char *out = strbuf_str(&f->out);
    assert_non_null(strstr(out, "\nrespondents: 6\ninvited: 40\nmin-group: 5\n"));
    assert_non_null(strstr(out, "# With its headcount it says how many staff were asked in all "
                                "(40), so\n"));
    assert_int_equal(load(f, out), 0);
    assert_int_equal(f->share.invited, 40);
    /* Lines: 1-9 comments, 10 format, ..., 14 respondents, 15 invited. */
    expect_error(f, "invited: 40", "invited: 5", 15, 10,
                 "invited must be from 6 to 10000000, not 5");
    expect_error(f, "invited: 40", "invited: 40.5", 15, 10,
                 "invited must be a whole number, not 40.5");
    f->s.participation = NULL;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_share_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_share_refused_under_threshold, setup, teardown),
        cmocka_unit_test_setup_teardown(test_share_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_share_invited, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
