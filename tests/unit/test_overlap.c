/*
 * test_overlap.c - what assessments read side by side share (overlap.h): the same
 * person by id or by the same answers, the leavers and joiners counted overall, per
 * item and per group row, a refusal located at the later path, and group rows withheld.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "breakdown.h"
#include "diag.h"
#include "overlap.h"
#include "score.h"
#include "strbuf.h"

/* One respondent: id (or NULL), team, and the answer to start.plan ("n/a", "7", ...). */
struct person {
    const char *id, *team, *plan;
};

struct wave {
    struct assessment a;
    struct score s;
};

static void wave_add(struct wave *w, const struct person *p, size_t n)
{
    struct diags d;
    diags_init(&d);
    for (size_t k = 0; k < n; k++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_adds(&sb, "format: stagegap-answers/1\nrules: tiny\norganisation: Testshire\n"
                         "date: 2026-01-01\nrespondent: {");
        if (p[k].id)
            strbuf_addf(&sb, "id: %s, ", p[k].id);
        strbuf_addf(&sb,
                    "groups: {team: %s}}\nanswers: {start.plan: %s, start.training: 6, "
                    "start.fatigue: 3, later.habit: 5}\n",
                    p[k].team, p[k].plan);
        char file[32];
        snprintf(file, sizeof(file), "r%zu.yaml", k);
        if (assessment_add_buffer(&w->a, file, sb.buf, sb.len, false, &d) != 0) {
            print_diags(&d);
            fail();
        }
        strbuf_release(&sb);
    }
    diags_release(&d);
}

/* Two waves broken down by team (or not), scored and aligned, and checked. */
static int check(struct wave w[2], const struct person *before, size_t n_before,
                 const struct person *after, size_t n_after, bool by_team, struct overlap *ov,
                 struct diags *d)
{
    static const char *const team[] = {"team"};
    const struct person *people[2] = {before, after};
    size_t n[2] = {n_before, n_after};
    struct score *scores[2];
    for (size_t k = 0; k < 2; k++) {
        assessment_init(&w[k].a, &test_rules);
        w[k].a.keep_respondents = true;
        if (by_team)
            assessment_break_down_by(&w[k].a, team, 1);
        wave_add(&w[k], people[k], n[k]);
        score_compute(&w[k].s, &test_rules, &w[k].a);
        scores[k] = &w[k].s;
    }
    score_align_breakdowns(scores, 2);
    static const char *const paths[] = {"q1", "q2"};
    return overlap_check(ov, scores, paths, 2, d);
}

static void release(struct wave w[2])
{
    for (size_t k = 0; k < 2; k++) {
        score_release(&w[k].s);
        assessment_release(&w[k].a);
    }
}

/* Five in team Aye and five in Bee, each answering start.plan 1 to 5. */
static const struct person ten[] = {
    {"a1", "Aye", "1"}, {"a2", "Aye", "2"}, {"a3", "Aye", "3"}, {"a4", "Aye", "4"},
    {"a5", "Aye", "5"}, {"b1", "Bee", "1"}, {"b2", "Bee", "2"}, {"b3", "Bee", "3"},
    {"b4", "Bee", "4"}, {"b5", "Bee", "5"},
};
#define TEN (sizeof(ten) / sizeof(ten[0]))

static void test_overlap_one_late_reply_is_refused(void **state)
{
    (void)state;
    struct person after[TEN + 1];
    memcpy(after, ten, sizeof(ten));
    after[TEN] = (struct person){"late", "Aye", "9"};
    struct wave w[2];
    struct overlap ov;
    struct diags d;
    diags_init(&d);
    assert_int_equal(check(w, ten, TEN, after, TEN + 1, false, &ov, &d), -1);
    assert_true(ov.shares);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.v[0].file, "q2");
    assert_int_equal(d.v[0].line, 0);
    assert_string_equal(d.v[0].message,
                        "q2 shares respondents with q1, and their respondents differ by fewer "
                        "than 5 people (0 in the first only, 1 in the second only): set side "
                        "by side, the two would show what those people answered");
    assert_non_null(strstr(d.v[0].note, "none or at least 5 joined"));
    diags_release(&d);
    release(w);
}

static void test_overlap_five_joiners_are_shown(void **state)
{
    (void)state;
    struct person after[TEN + 5];
    memcpy(after, ten, sizeof(ten));
    static const char *const ids[] = {"n1", "n2", "n3", "n4", "n5"};
    for (size_t k = 0; k < 5; k++)
        after[TEN + k] = (struct person){ids[k], k < 3 ? "Aye" : "Bee", "8"};
    struct wave w[2];
    struct overlap ov;
    struct diags d;
    diags_init(&d);
    assert_int_equal(check(w, ten, TEN, after, TEN + 5, false, &ov, &d), 0);
    assert_true(ov.shares);
    assert_false(ov.groups_withheld);
    assert_int_equal(d.n, 0);
    release(w);
    /* By team, Aye gains 3 and Bee 2: every group row is withheld, the whole is not. */
    assert_int_equal(check(w, ten, TEN, after, TEN + 5, true, &ov, &d), 0);
    assert_true(ov.groups_withheld);
    assert_int_equal(w[0].s.breakdown.state, BREAKDOWN_CHANGE_TOO_FEW);
    assert_int_equal(w[1].s.breakdown.state, BREAKDOWN_CHANGE_TOO_FEW);
    assert_int_equal(w[0].s.breakdown.n_groups, 0);
    assert_int_equal(d.n, 0);
    diags_release(&d);
    release(w);
}

/* Without ids, the same answers and groups are the same person: a leaver is found. */
static void test_overlap_same_answers_without_ids(void **state)
{
    (void)state;
    struct person before[TEN], after[TEN - 1];
    for (size_t k = 0; k < TEN; k++)
        before[k] = (struct person){NULL, ten[k].team, ten[k].plan};
    memcpy(after, before + 1, sizeof(after));
    struct wave w[2];
    struct overlap ov;
    struct diags d;
    diags_init(&d);
    assert_int_equal(check(w, before, TEN, after, TEN - 1, false, &ov, &d), -1);
    assert_non_null(strstr(d.v[0].message, "(1 in the first only, 0 in the second only)"));
    diags_release(&d);
    release(w);
}

/* One person who now says n/a left that item's answers: refused, naming the item. */
static void test_overlap_an_item_answered_by_one_fewer(void **state)
{
    (void)state;
    struct person after[TEN];
    memcpy(after, ten, sizeof(ten));
    after[3].plan = "n/a";
    struct wave w[2];
    struct overlap ov;
    struct diags d;
    diags_init(&d);
    assert_int_equal(check(w, ten, TEN, after, TEN, false, &ov, &d), -1);
    assert_non_null(strstr(d.v[0].message, "those answering 'start.plan' differ by fewer than "
                                           "5 people (1 in the first only, 0 in the second"));
    diags_release(&d);
    release(w);
}

/* A changed number is what a comparison shows; new ids and new answers share no one. */
static void test_overlap_changes_and_separate_surveys(void **state)
{
    (void)state;
    struct person after[TEN];
    memcpy(after, ten, sizeof(ten));
    after[3].plan = "10";
    struct wave w[2];
    struct overlap ov;
    struct diags d;
    diags_init(&d);
    assert_int_equal(check(w, ten, TEN, after, TEN, true, &ov, &d), 0);
    assert_true(ov.shares);
    assert_false(ov.groups_withheld);
    release(w);
    static const char *const ids[] = {"x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"};
    for (size_t k = 0; k < TEN - 1; k++)
        after[k] = (struct person){ids[k], ten[k].team, "0"};
    assert_int_equal(check(w, ten, TEN, after, TEN - 1, true, &ov, &d), 0);
    assert_false(ov.shares);
    assert_int_equal(d.n, 0);
    diags_release(&d);
    release(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overlap_one_late_reply_is_refused),
        cmocka_unit_test(test_overlap_five_joiners_are_shown),
        cmocka_unit_test(test_overlap_same_answers_without_ids),
        cmocka_unit_test(test_overlap_an_item_answered_by_one_fewer),
        cmocka_unit_test(test_overlap_changes_and_separate_surveys),
    };
    return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
