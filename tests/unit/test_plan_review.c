/*
 * test_plan_review.c - a plan read against assessments: days at month, year and
 * leap-year edges; overdue on the assessment's date and the day after; done before and
 * after the assessment; which done actions compare counts (BEFORE < done <= AFTER);
 * dropped actions address nothing; the movement of gaps in answers and stage points;
 * hostile owner and note text through every format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "compare.h"
#include "date.h"
#include "plan.h"
#include "plan_review.h"
#include "report.h"
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

static size_t item(const char *id)
{
    for (size_t i = 0; i < test_rules.n_items; i++)
        if (strcmp(test_rules.items[i].id, id) == 0)
            return i;
    fail_msg("no item %s", id);
    return 0;
}

/* The tiny model's one suggestion, start.do-plan, which addresses start.plan. */
static struct plan_action action(enum plan_status status, const char *due, const char *done)
{
    struct plan_action a = {0};
    a.item = item("start.do-plan");
    a.priority = 1;
    a.status = status;
    a.due = due;
    a.done = done;
    return a;
}

static struct plan plan_of(struct plan_action *actions, size_t n)
{
    struct plan p = {0};
    p.file = "plan.yaml";
    p.rules_id = "tiny";
    p.assessed = "2026-01-15";
    p.actions = actions;
    p.n_actions = n;
    return p;
}

/* Days from a to b, as overdue counts them (date.h). */
static int64_t days(const char *a, const char *b)
{
    return date_days_between(a, b);
}

static void test_plan_review_days_at_month_and_leap_year_edges(void **state)
{
    (void)state;
    assert_true(days("2000-02-28", "2000-03-01") == 2); /* 2000: leap (by 400) */
    assert_true(days("1900-02-28", "1900-03-01") == 1); /* 1900: not (by 100) */
    assert_true(days("2024-02-28", "2024-03-01") == 2);
    assert_true(days("2026-02-28", "2026-03-01") == 1);
    assert_true(days("2026-12-31", "2027-01-01") == 1);
    assert_true(days("2026-04-30", "2026-05-01") == 1);
    assert_true(days("2024-01-01", "2025-01-01") == 366);
    assert_true(days("2025-01-01", "2026-01-01") == 365);
    assert_true(days("2026-04-15", "2026-07-15") == 91);
    assert_true(days("2026-04-15", "2026-04-15") == 0);
}

static void test_plan_review_due_on_the_date_is_not_overdue(void **state)
{
    (void)state;
    struct side *now = side_new("2026-04-15", "start.plan: 3");
    struct plan_action actions[] = {
        action(PLAN_PLANNED, "2026-04-15", NULL), action(PLAN_IN_PROGRESS, "2026-04-14", NULL),
        action(PLAN_PLANNED, "2026-04-16", NULL), action(PLAN_PLANNED, NULL, NULL),
        action(PLAN_DROPPED, "2026-01-01", NULL), action(PLAN_PLANNED, "2024-02-28", NULL),
    };
    struct plan p = plan_of(actions, 6);
    struct plan_review v;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(v.n_overdue, 2);
    assert_ptr_equal(v.overdue[0].action, &actions[1]);
    assert_true(v.overdue[0].days == 1);
    assert_ptr_equal(v.overdue[1].action, &actions[5]);
    /* 2024-02-28 to 2026-04-15: 2 (to 2024-03-01, over the leap day) + 775. */
    assert_true(v.overdue[1].days == 777);
    assert_int_equal(v.n_done, 0);
    plan_review_release(&v);
    side_free(now);
}

static void test_plan_review_done_with_its_gaps_now(void **state)
{
    (void)state;
    struct side *now = side_new("2026-04-15", "start.plan: 10, start.training: 2");
    struct plan_gap listed[] = {{item("start.plan"), "3.0"}, {item("start.training"), "2.0"}};
    struct plan_action actions[] = {
        action(PLAN_DONE, "2026-03-01", "2026-04-15"),
        action(PLAN_DONE, "2026-03-01", "2026-04-16"),
    };
    actions[0].gaps = listed;
    actions[0].n_gaps = 2;
    struct plan p = plan_of(actions, 2);
    struct plan_review v;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(v.n_overdue, 0);
    assert_int_equal(v.n_done, 2);
    /* Done on the date: shown as done, not after the assessment. */
    assert_false(v.done[0].after_assessment);
    assert_int_equal(v.done[0].n_gaps, 2);
    assert_int_equal(v.done[0].gaps[0].item, item("start.plan"));
    assert_false(v.done[0].gaps[0].open); /* 10 is the best end: closed */
    assert_int_equal(v.done[0].gaps[1].item, item("start.training"));
    assert_true(v.done[0].gaps[1].open);
    /* The day after: flagged; it lists no gaps, and none are made up for it. */
    assert_true(v.done[1].after_assessment);
    assert_int_equal(v.done[1].n_gaps, 0);
    plan_review_release(&v);
    side_free(now);
}

static void test_plan_review_dropped_actions_address_nothing(void **state)
{
    (void)state;
    struct side *now = side_new("2026-04-15", "start.plan: 3, start.training: 10, "
                                              "start.fatigue: 0");
    struct plan_action actions[] = {action(PLAN_DROPPED, NULL, NULL)};
    struct plan p = plan_of(actions, 1);
    struct plan_review v;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(now->s.focus, 0);
    assert_int_equal(v.n_unaddressed, 1);
    assert_int_equal(v.unaddressed[0], item("start.plan"));
    plan_review_release(&v);
    actions[0].status = PLAN_IN_PROGRESS;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(v.n_unaddressed, 0);
    plan_review_release(&v);
    side_free(now);
}

/* Doing a suggestion is what its own answer measures: its action addresses it. */
static void test_plan_review_an_action_addresses_its_own_item(void **state)
{
    (void)state;
    struct side *now = side_new("2026-04-15", "start.plan: 7, start.training: 10, "
                                              "start.fatigue: 0, start.do-plan: 0");
    struct plan_action actions[] = {action(PLAN_DROPPED, NULL, NULL)};
    struct plan p = plan_of(actions, 1);
    struct plan_review v;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(now->s.focus, 0); /* 64.0: Fair */
    /* Every answer below the best end is a gap: the plan (7) and do-plan (0) both. */
    assert_int_equal(v.n_unaddressed, 2);
    assert_int_equal(v.unaddressed[0], item("start.do-plan"));
    assert_int_equal(v.unaddressed[1], item("start.plan"));
    plan_review_release(&v);
    actions[0].status = PLAN_PLANNED;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(v.n_unaddressed, 0);
    plan_review_release(&v);
    side_free(now);
}

static void test_plan_review_empty_plan(void **state)
{
    (void)state;
    struct side *now = side_new("2026-04-15", "start.plan: 3");
    struct plan p = plan_of(NULL, 0);
    struct plan_review v;
    plan_review_assess(&v, &p, &now->s);
    assert_int_equal(v.n_overdue + v.n_done, 0);
    assert_int_equal(v.n_unaddressed, 1);
    plan_review_release(&v);
    plan_review_release(&v); /* safe twice: zeroed */
    side_free(now);
}

/* Compares BEFORE 2026-01-15 with AFTER 2026-04-15 over actions done on each date. */
static void test_plan_review_compare_counts_after_before_up_to_after(void **state)
{
    (void)state;
    struct side *b = side_new("2026-01-15", "start.plan: 3, start.training: 5");
    struct side *a = side_new("2026-04-15", "start.plan: 7.5, start.training: 4");
    struct plan_action actions[] = {
        action(PLAN_DONE, NULL, "2026-01-15"), /* on BEFORE: not counted */
        action(PLAN_DONE, NULL, "2026-01-16"), /* counted */
        action(PLAN_DONE, NULL, "2026-04-15"), /* on AFTER: counted */
        action(PLAN_DONE, NULL, "2026-04-16"), /* after AFTER: not counted */
        action(PLAN_IN_PROGRESS, NULL, NULL),  /* not done */
        action(PLAN_DROPPED, NULL, NULL),      /* dropped */
        action(PLAN_DONE, NULL, "2025-12-31"), /* before BEFORE */
    };
    struct plan p = plan_of(actions, 7);
    struct compare c;
    struct plan_compare_review v;
    compare_compute(&c, &b->s, &a->s);
    plan_review_compare(&v, &p, &c);
    assert_int_equal(v.n_counted, 2);
    assert_ptr_equal(v.counted[0].action, &actions[1]);
    assert_ptr_equal(v.counted[1].action, &actions[2]);
    assert_int_equal(v.n_not_counted, 5);
    assert_int_equal(v.not_counted[0].count, PLAN_DONE_BEFORE);
    assert_int_equal(v.not_counted[1].count, PLAN_DONE_AFTER);
    assert_int_equal(v.not_counted[2].count, PLAN_NOT_DONE);
    assert_int_equal(v.not_counted[3].count, PLAN_WAS_DROPPED);
    assert_int_equal(v.not_counted[4].count, PLAN_DONE_BEFORE);
    assert_string_equal(plan_count_id(PLAN_DONE_AFTER), "done-after");
    assert_null(plan_count_id(PLAN_COUNTED));

    /* start.plan moved 3.0 -> 7.5, still a gap (below the best end); its points are the stage's 2/3
       share (weight 2 of 4, the fatigue barrier unanswered) of what it lacked. */
    const struct plan_movement *m = &v.counted[0].gaps[0];
    assert_int_equal(v.counted[0].n_gaps, 1);
    assert_int_equal(m->item, item("start.plan"));
    assert_true(m->has_before && m->has_after);
    assert_true(m->answer_before == 30 && m->answer_after == 75 && m->answer_change == 45);
    /* Before: W = 2 + 1, impact 100 * 2 * 0.7 / 3 = 46.7; after: 100 * 2 * 0.25 / 3 = 16.7. */
    assert_true(m->points_before == 467 && m->points_after == 167);
    assert_true(m->points_change == -300);
    assert_true(m->open_after);
    /* start.training (5 -> 4) was open in BEFORE and no counted action addresses it. */
    assert_int_equal(v.n_unaddressed, 1);
    assert_int_equal(v.unaddressed[0].item, item("start.training"));
    assert_true(v.unaddressed[0].answer_change == -10);
    assert_true(v.unaddressed[0].points_before == 167 && v.unaddressed[0].points_after == 200);
    assert_true(v.unaddressed[0].open_after);
    plan_compare_review_release(&v);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void test_plan_review_compare_nothing_counted(void **state)
{
    (void)state;
    struct side *b = side_new("2024-02-28", "start.plan: 3");
    struct side *a = side_new("2024-02-29", "start.plan: 3");
    struct plan_action actions[] = {action(PLAN_DONE, NULL, "2024-03-01")};
    struct plan p = plan_of(actions, 1);
    struct compare c;
    struct plan_compare_review v;
    compare_compute(&c, &b->s, &a->s);
    plan_review_compare(&v, &p, &c);
    assert_int_equal(v.n_counted, 0);
    assert_int_equal(v.n_not_counted, 1);
    assert_int_equal(v.not_counted[0].count, PLAN_DONE_AFTER);
    assert_int_equal(v.n_unaddressed, 1);
    assert_true(v.unaddressed[0].answer_change == 0 && v.unaddressed[0].points_change == 0);
    plan_compare_review_release(&v);
    actions[0].done = "2024-02-29"; /* the leap day itself is AFTER's date: counted */
    plan_review_compare(&v, &p, &c);
    assert_int_equal(v.n_counted, 1);
    assert_int_equal(v.n_unaddressed, 0);
    plan_compare_review_release(&v);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

/* An owner and a note written to break every format. */
static const char HOSTILE_OWNER[] = "=HYPERLINK(\"http://x\")\x1b[31m| <script>alert(1)</script>";
static const char HOSTILE_NOTE[] = "line one\nline two | **bold** <img src=x onerror=alert(1)> "
                                   "@SUM(1) \x1b]0;title\x07 & done";

static void assert_inert(const char *format, const char *out)
{
    if (strchr(out, '\x1b') || strchr(out, '\x07')) {
        fprintf(stderr, "%s: a control character got through:\n%s\n", format, out);
        fail();
    }
    bool markup = strcmp(format, "html") == 0 || strcmp(format, "markdown") == 0;
    /* markdown shows them escaped, "\\<img": only an unescaped one would act */
    if (markup && (strstr(out, "<script>") || strstr(out, " <img"))) {
        fprintf(stderr, "%s: markup got through:\n%s\n", format, out);
        fail();
    }
    if (strcmp(format, "csv") == 0 && (strstr(out, ",\"=HYPERLINK") || strstr(out, ",=")))
        fail_msg("csv: a formula got through:\n%s", out);
    if (strcmp(format, "markdown") == 0 && strstr(out, "two | **bold**"))
        fail_msg("markdown: a pipe or emphasis got through:\n%s", out);
    if (strcmp(format, "text") == 0 && strstr(out, "one\nline"))
        fail_msg("text: a newline in the note broke the line:\n%s", out);
}

static void test_plan_review_hostile_text_in_every_format(void **state)
{
    (void)state;
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html"};
    struct side *b = side_new("2026-01-15", "start.plan: 3, start.training: 5");
    struct side *a = side_new("2026-04-15", "start.plan: 7.5, start.training: 4");
    struct plan_action actions[] = {
        action(PLAN_DONE, "2026-02-01", "2026-03-01"),
        action(PLAN_PLANNED, "2026-02-01", NULL),
    };
    for (size_t k = 0; k < 2; k++) {
        actions[k].owner = HOSTILE_OWNER;
        actions[k].note = HOSTILE_NOTE;
    }
    struct plan p = plan_of(actions, 2);
    p.file = "plan\x1b[2J<b>.yaml";
    struct plan_review v;
    struct compare c;
    struct plan_compare_review cv;
    plan_review_assess(&v, &p, &a->s);
    compare_compute(&c, &b->s, &a->s);
    plan_review_compare(&cv, &p, &c);
    c.plan = &cv;
    for (size_t f = 0; f < 5; f++) {
        struct strbuf out = STRBUF_INIT;
        struct report_ctx ctx = {&a->s, "test", false, 80, &v, NULL, NULL};
        report_format_find(formats[f])->render(&ctx, &out);
        assert_non_null(strstr(strbuf_str(&out), "overdue"));
        assert_inert(formats[f], strbuf_str(&out));
        strbuf_reset(&out);
        compare_format_find(formats[f])->render_compare(&c, "test", 80, &out);
        assert_non_null(strstr(strbuf_str(&out), "not that the actions moved it"));
        assert_inert(formats[f], strbuf_str(&out));
        strbuf_release(&out);
    }
    plan_compare_review_release(&cv);
    compare_release(&c);
    plan_review_release(&v);
    side_free(b);
    side_free(a);
}

/* The assessment's report with the plan v, in format. */
static char *render_with_plan(const struct score *s, const struct plan_review *v,
                              const char *format)
{
    struct strbuf out = STRBUF_INIT;
    struct report_ctx ctx = {s, "test", false, 200, v, NULL, NULL};
    report_format_find(format)->render(&ctx, &out);
    return strbuf_detach(&out, NULL);
}

/* The plan section is built once: what it says when a part has nothing in it, or there
   is no focus, is the same sentence in text, markdown and HTML. */
static void test_plan_review_empty_parts_agree_in_every_format(void **state)
{
    (void)state;
    static const char *const formats[] = {"text", "markdown", "html"};
    struct side *focus = side_new("2026-04-15", "start.plan: 3, start.training: 10, "
                                                "start.fatigue: 0");
    struct side *top = side_new("2026-04-15", "start.plan: 10, start.training: 10, "
                                              "start.fatigue: 0, start.do-plan: 10, "
                                              "later.habit: 10");
    struct plan_action actions[] = {action(PLAN_PLANNED, NULL, NULL)};
    struct plan p = plan_of(actions, 1);
    struct plan_review v, w;
    plan_review_assess(&v, &p, &focus->s);
    plan_review_assess(&w, &p, &top->s);
    assert_int_equal(v.n_overdue + v.n_done + v.n_unaddressed, 0);
    assert_int_equal(top->s.focus, -1);
    for (size_t f = 0; f < 3; f++) {
        char *out = render_with_plan(&focus->s, &v, formats[f]);
        assert_non_null(strstr(out, "Overdue on 2026-04-15"));
        assert_non_null(strstr(out, "None."));
        assert_non_null(strstr(out, "None: an action of the plan addresses every open gap in "
                                    "Start, the focus."));
        assert_null(strstr(out, "No focus stage, so no open gap"));
        free(out);
        out = render_with_plan(&top->s, &w, formats[f]);
        assert_non_null(strstr(out, "No focus stage, so no open gap in it to address."));
        free(out);
    }
    plan_review_release(&w);
    plan_review_release(&v);
    side_free(top);
    side_free(focus);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_review_days_at_month_and_leap_year_edges),
        cmocka_unit_test(test_plan_review_due_on_the_date_is_not_overdue),
        cmocka_unit_test(test_plan_review_done_with_its_gaps_now),
        cmocka_unit_test(test_plan_review_dropped_actions_address_nothing),
        cmocka_unit_test(test_plan_review_an_action_addresses_its_own_item),
        cmocka_unit_test(test_plan_review_empty_plan),
        cmocka_unit_test(test_plan_review_compare_counts_after_before_up_to_after),
        cmocka_unit_test(test_plan_review_compare_nothing_counted),
        cmocka_unit_test(test_plan_review_hostile_text_in_every_format),
        cmocka_unit_test(test_plan_review_empty_parts_agree_in_every_format),
    };
    return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
