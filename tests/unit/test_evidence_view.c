/*
 * test_evidence_view.c - evidence beside the ratings (evidence_view.h): the rating
 * ahead of the evidence, behind it (a barrier's turned round), in line; the evidence on
 * the item's scale; the latest value by the assessment's date, a later one unused, an old
 * one stale; the items with evidence counted per stage; and the margin at its edges.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "answers.h"
#include "diag.h"
#include "evidence.h"
#include "evidence_view.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* The tiny model: start.plan (0), start.training (1), start.fatigue (2, a barrier),
   start.do-plan (3), later.habit (4), later.context (5, no question). */
static const char ANSWERS[] = "format: stagegap-answers/1\nrules: tiny\norganisation: Anytown\n"
                              "date: 2026-09-30\nanswers:\n"
                              "  start.plan: 9\n  start.fatigue: 8\n  later.habit: 5\n"
                              "  start.do-plan: %s\n";

static const char EVIDENCE[] =
    "format: stagegap-evidence/1\nrules: tiny\nindicators:\n"
    "  - {id: audit, title: Audit, source: QA, scale: {kind: rating, min: 0, max: 10},\n"
    "     better: higher, bears-on: [start.plan, start.do-plan],\n"
    "     values: [{date: 2026-06-30, value: %s}, {date: 2026-12-31, value: 10}]}\n"
    "  - {id: turnover, title: Turnover, source: HR, scale: {kind: percentage},\n"
    "     better: lower, bears-on: [start.fatigue], values: [{date: 2026-06-30, value: 30}]}\n"
    "  - {id: review, title: Review, source: Peer, scale: {kind: category,\n"
    "     levels: [poor, fair, good]}, better: higher, bears-on: [later],\n"
    "     values: [{date: 2025-01-01, value: fair}]}\n"
    "  - {id: trained, title: Trained, source: HR, scale: {kind: percentage},\n"
    "     better: higher, bears-on: [start.training], values: [{date: 2026-12-31, value: 80}]}\n";

struct fixture {
    struct rules rules;
    struct assessment a;
    struct score s;
    struct evidence e;
    struct evidence_view v;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct diags d;
    diags_init(&d);
    int rc = load_rules_text(&f->rules, test_rules_yaml, &d);
    diags_release(&d);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    evidence_view_release(&f->v);
    evidence_release(&f->e);
    score_release(&f->s);
    assessment_release(&f->a);
    rules_release(&f->rules);
    free(f);
    return 0;
}

/* The view of the answers (start.do-plan answered do_plan) beside the evidence (the
   audit's June value audit). */
static void view(struct fixture *f, const char *do_plan, const char *audit)
{
    struct diags d;
    diags_init(&d);
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, ANSWERS, do_plan);
    assessment_init(&f->a, &f->rules);
    assert_int_equal(assessment_add_buffer(&f->a, "a.yaml", sb.buf, sb.len, false, &d), 0);
    score_init(&f->s);
    score_compute(&f->s, &f->rules, &f->a);
    strbuf_reset(&sb);
    strbuf_addf(&sb, EVIDENCE, audit);
    assert_int_equal(evidence_load_buffer(&f->e, &f->rules, 5, "e.yaml", sb.buf, sb.len, &d), 0);
    evidence_view_compute(&f->v, &f->s, &f->e);
    strbuf_release(&sb);
    diags_release(&d);
}

static const struct evidence_pair *pair(const struct evidence_view *v, size_t item)
{
    size_t k = 0;
    while (k < v->n_pairs && v->pairs[k].item != item)
        k++;
    if (k == v->n_pairs)
        abort(); /* every item asked about has a pair */
    return &v->pairs[k];
}

static void test_verdicts(void **state)
{
    struct fixture *f = *state;
    view(f, "unknown", "4");
    const struct evidence_pair *plan = pair(&f->v, 0);
    assert_string_equal(plan->value->date, "2026-06-30"); /* not December's, after it */
    assert_true(plan->has_rating);
    assert_true(plan->rating == 9.0);
    assert_true(plan->on_scale == 4.0);
    assert_true(plan->gap > 4.99 && plan->gap < 5.01);
    assert_int_equal(plan->verdict, EVIDENCE_RATING_AHEAD);
    assert_false(plan->stale);
    /* fatigue, a barrier answered 8 (0.2 of the way to good); turnover 30%, lower
       better: 0.7 of the way, shown on the barrier's scale as 3.0 */
    const struct evidence_pair *fatigue = pair(&f->v, 2);
    assert_true(fatigue->on_scale > 2.99 && fatigue->on_scale < 3.01);
    assert_int_equal(fatigue->verdict, EVIDENCE_RATING_BEHIND);
    const struct evidence_pair *habit = pair(&f->v, 4); /* fair: half way, as is 5 */
    assert_int_equal(habit->verdict, EVIDENCE_IN_LINE);
    assert_true(habit->stale); /* 2025-01-01 is 637 days before */
    const struct evidence_pair *training = pair(&f->v, 1);
    assert_null(training->value); /* only a value after the assessment */
    assert_int_equal(training->verdict, EVIDENCE_NOT_COMPARED);
    const struct evidence_pair *do_plan = pair(&f->v, 3); /* unknown: no rating */
    assert_non_null(do_plan->value);
    assert_false(do_plan->has_rating);
    assert_int_equal(do_plan->verdict, EVIDENCE_NOT_COMPARED);
    assert_int_equal(f->v.ahead, 1);
    assert_int_equal(f->v.behind, 1);
    /* start: plan, fatigue and do-plan have a value by then, training none; later: habit */
    assert_int_equal(f->v.questions[0], 4);
    assert_int_equal(f->v.evidenced[0], 3);
    assert_int_equal(f->v.questions[1], 1);
    assert_int_equal(f->v.evidenced[1], 1);
    assert_string_equal(evidence_verdict_name(EVIDENCE_RATING_AHEAD), "rating ahead");
}

/* Ahead means more than 2 points of 10: the do-plan answer 6 against the audit's 4 is in
   line; 6.1 against 4 is not. */
static void test_margin_edges(void **state)
{
    struct fixture *f = *state;
    view(f, "6", "4");
    assert_int_equal(pair(&f->v, 3)->verdict, EVIDENCE_IN_LINE);
    evidence_view_release(&f->v);
    evidence_release(&f->e);
    score_release(&f->s);
    assessment_release(&f->a);
    view(f, "6", "3.9");
    assert_int_equal(pair(&f->v, 3)->verdict, EVIDENCE_RATING_AHEAD);
    evidence_view_release(&f->v);
    evidence_release(&f->e);
    score_release(&f->s);
    assessment_release(&f->a);
    view(f, "2", "4");
    assert_int_equal(pair(&f->v, 3)->verdict, EVIDENCE_IN_LINE);
    evidence_view_release(&f->v);
    evidence_release(&f->e);
    score_release(&f->s);
    assessment_release(&f->a);
    view(f, "1", "4");
    assert_int_equal(pair(&f->v, 3)->verdict, EVIDENCE_RATING_BEHIND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_verdicts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_margin_edges, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
