/*
 * test_compare.c - compare and trend: per stage change, the regression tolerance,
 * gaps opened and closed, which way answers moved, date order, the warnings for
 * assessments that do not read as one organisation over time, and the text's width.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "breakdown.h"
#include "compare.h"
#include "exact.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"

struct side {
    struct assessment a;
    struct score s;
};

/* An assessment of one respondent in file, for organisation, on date. */
static struct side *side_of(const char *file, const char *organisation, const char *date,
                            const char *answers)
{
    struct side *sd = calloc(1, sizeof(*sd));
    struct diags d;
    struct strbuf sb = STRBUF_INIT;
    diags_init(&d);
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: tiny\norganisation: %s\n"
                "date: %s\nanswers: {%s}\n",
                organisation, date, answers);
    assessment_init(&sd->a, &test_rules);
    if (assessment_add_buffer(&sd->a, file, sb.buf, sb.len, false, &d) != 0) {
        print_diags(&d);
        fail();
    }
    score_compute(&sd->s, &test_rules, &sd->a);
    strbuf_release(&sb);
    diags_release(&d);
    return sd;
}

static struct side *side_new(const char *date, const char *answers)
{
    return side_of("a.yaml", "Testshire", date, answers);
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
    /* A gap is an answer below the best end: training 5 -> 10 closes, 5 -> 9.9 would
       not; fatigue (a barrier) 0 -> 6 opens; the plan stays a gap at 6, then 9.9. */
    struct side *b = side_new("2026-01-01", "start.training: 5, start.fatigue: 0, "
                                            "start.plan: 6");
    struct side *a = side_new("2026-04-01", "start.training: 10, start.fatigue: 6, "
                                            "start.plan: 9.9");
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

/* Start answered all high (good), middling (fair) or low (poor); nothing for none. */
#define START_GOOD "start.plan: 9, start.training: 9, start.fatigue: 1, start.do-plan: 9"
#define START_FAIR "start.plan: 5, start.training: 5, start.fatigue: 5, start.do-plan: 5"
#define START_POOR "start.plan: 2, start.training: 2, start.fatigue: 8, start.do-plan: 2"
enum { GOOD, FAIR, POOR }; /* the tiny model's bands, highest first */

struct trend_fixture {
    struct side *sides[4];
    const struct score *scores[4];
    size_t n;
    struct trend t;
};

/* A trend of n points, each a date and its answers. */
static void trend_of(struct trend_fixture *f, size_t n, const char *const *dates,
                     const char *const *answers)
{
    f->n = n;
    for (size_t k = 0; k < n; k++) {
        f->sides[k] = side_new(dates[k], answers[k]);
        f->scores[k] = &f->sides[k]->s;
    }
    trend_compute(&f->t, f->scores, n);
}

static void trend_fixture_release(struct trend_fixture *f)
{
    trend_release(&f->t);
    for (size_t k = 0; k < f->n; k++)
        side_free(f->sides[k]);
}

static void test_trend_time_one_point(void **state)
{
    (void)state;
    struct trend_fixture f;
    trend_of(&f, 1, (const char *[]){"2026-04-15"},
             (const char *[]){START_POOR ", later.habit: 9"});
    const struct trend_stage_time *start = &f.t.times[0], *later = &f.t.times[1];
    assert_int_equal(start->focus_assessments, 1);
    assert_true(start->focus_days == 0);
    assert_true(start->focus_now);
    assert_int_equal(start->focus_since, 0);
    assert_int_equal(start->first_in_band[POOR], 0);
    assert_int_equal(start->first_in_band[FAIR], TREND_NEVER);
    assert_int_equal(trend_reached_top(&f.t, 0), TREND_NEVER);
    assert_false(start->top_now);
    /* Later is in the top band, but never the focus: that is start. */
    assert_int_equal(later->focus_assessments, 0);
    assert_false(later->focus_now);
    assert_int_equal(later->focus_since, TREND_NEVER);
    assert_int_equal(trend_reached_top(&f.t, 1), 0);
    assert_true(later->top_now);
    trend_fixture_release(&f);
}

static void test_trend_time_all_points_in_one_stage(void **state)
{
    (void)state;
    struct trend_fixture f;
    /* Given out of order: the days are counted in date order. */
    trend_of(&f, 3, (const char *[]){"2026-07-01", "2026-01-01", "2026-04-01"},
             (const char *[]){START_POOR, START_POOR, START_POOR});
    const struct trend_stage_time *start = &f.t.times[0];
    assert_int_equal(start->focus_assessments, 3);
    assert_true(start->focus_days == 90 + 91); /* to 2026-04-01, then to 2026-07-01 */
    assert_true(start->focus_now);
    assert_int_equal(start->focus_since, 0);
    assert_int_equal(start->first_in_band[POOR], 0);
    assert_true(trend_days_to_next(&f.t, 2) == 0);
    trend_fixture_release(&f);
}

static void test_trend_time_focus_moves_forward_and_back(void **state)
{
    (void)state;
    struct trend_fixture f;
    trend_of(&f, 4, (const char *[]){"2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"},
             (const char *[]){START_POOR ", later.habit: 1", START_GOOD ", later.habit: 1",
                              START_FAIR ", later.habit: 1", START_FAIR ", later.habit: 1"});
    const struct trend_stage_time *start = &f.t.times[0], *later = &f.t.times[1];
    /* Start: the focus at the first, then at the last two again, since 2026-04-01. */
    assert_int_equal(start->focus_assessments, 3);
    assert_true(start->focus_days == 92 + 91 + 0);
    assert_true(start->focus_now);
    assert_int_equal(start->focus_since, 2);
    /* It reached the top band, then fell out of it: the date it reached it stays. */
    assert_int_equal(start->first_in_band[POOR], 0);
    assert_int_equal(start->first_in_band[GOOD], 1);
    assert_int_equal(start->first_in_band[FAIR], 2);
    assert_int_equal(trend_reached_top(&f.t, 0), 1);
    assert_false(start->top_now);
    /* Later: the focus from 2026-01-01 to 2026-04-01 only. */
    assert_int_equal(later->focus_assessments, 1);
    assert_true(later->focus_days == 90);
    assert_false(later->focus_now);
    assert_int_equal(later->focus_since, TREND_NEVER);
    assert_int_equal(later->first_in_band[POOR], 0);
    trend_fixture_release(&f);
}

static void test_trend_time_insufficient_data_is_no_band(void **state)
{
    (void)state;
    struct trend_fixture f;
    /* Start unanswered at first: no band, but still the focus (the earliest stage
       not in the top band). */
    trend_of(&f, 2, (const char *[]){"2026-01-01", "2026-02-01"},
             (const char *[]){"later.habit: 5", START_FAIR ", later.habit: 5"});
    const struct trend_stage_time *start = &f.t.times[0];
    assert_string_equal(score_band_id(f.t.points[0], 0), SCORE_INSUFFICIENT);
    assert_int_equal(start->first_in_band[GOOD], TREND_NEVER);
    assert_int_equal(start->first_in_band[FAIR], 1);
    assert_int_equal(start->first_in_band[POOR], TREND_NEVER);
    assert_int_equal(start->focus_assessments, 2);
    assert_true(start->focus_days == 31);
    assert_int_equal(start->focus_since, 0);
    trend_fixture_release(&f);
}

static void test_trend_time_same_date_keeps_the_order_given(void **state)
{
    (void)state;
    struct trend_fixture f;
    trend_of(
        &f, 3, (const char *[]){"2026-04-01", "2026-04-01", "2026-05-01"},
        (const char *[]){START_POOR, START_GOOD ", later.habit: 2", START_GOOD ", later.habit: 2"});
    const struct trend_stage_time *start = &f.t.times[0], *later = &f.t.times[1];
    assert_ptr_equal(f.t.points[0], f.scores[0]);
    /* The first of the two on one day was the focus for no days. */
    assert_int_equal(start->focus_assessments, 1);
    assert_true(start->focus_days == 0);
    assert_int_equal(start->first_in_band[POOR], 0);
    assert_int_equal(trend_reached_top(&f.t, 0), 1);
    assert_true(start->top_now);
    assert_int_equal(later->focus_assessments, 2);
    assert_true(later->focus_days == 30);
    assert_int_equal(later->focus_since, 1);
    trend_fixture_release(&f);
}

static void test_compare_json_has_its_format(void **state)
{
    (void)state;
    struct side *b = side_new("2026-01-01", "start.plan: 6, start.training: 5");
    struct side *a = side_new("2026-04-01", "start.plan: 2, start.training: 5");
    struct compare c;
    struct strbuf out = STRBUF_INIT;
    compare_compute(&c, &b->s, &a->s);
    compare_format_find("json")->render_compare(&c, "test", 80, &out);
    assert_non_null(strstr(out.buf, "\"format\": \"stagegap-compare/1\""));
    assert_non_null(strstr(out.buf, "\"regression\": true"));
    assert_null(compare_format_find("pdf"));
    strbuf_release(&out);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void test_compare_direction_reads_barriers_backwards(void **state)
{
    (void)state;
    /* fatigue is a barrier: 2 -> 6 bites harder (worse), 7 -> 3 less (better). */
    struct side *b = side_new("2026-01-01", "start.plan: 4, start.training: 8, "
                                            "start.fatigue: 2, later.habit: 5");
    struct side *a = side_new("2026-04-01", "start.plan: 7, start.training: 6, "
                                            "start.fatigue: 6, later.habit: 5.04");
    struct side *a2 = side_new("2026-07-01", "start.fatigue: 1");
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    long plan = rules_find_item(&test_rules, "start.plan");
    long training = rules_find_item(&test_rules, "start.training");
    long fatigue = rules_find_item(&test_rules, "start.fatigue");
    long habit = rules_find_item(&test_rules, "later.habit");
    assert_int_equal(c.items[plan].direction, COMPARE_BETTER);
    assert_int_equal(c.items[training].direction, COMPARE_WORSE);
    assert_int_equal(c.items[fatigue].direction, COMPARE_WORSE);
    assert_true(c.items[fatigue].moved);
    /* 5.04 shows as 5.0: no change a reader could see. */
    assert_int_equal(c.items[habit].direction, COMPARE_UNCHANGED);
    assert_false(c.items[habit].moved);
    assert_string_equal(compare_direction_name(COMPARE_WORSE), "worse");
    assert_null(compare_direction_name(COMPARE_NOT_COMPARABLE));
    compare_release(&c);

    compare_compute(&c, &a->s, &a2->s);
    assert_int_equal(c.items[fatigue].direction, COMPARE_BETTER);
    assert_int_equal(c.items[plan].direction, COMPARE_NOT_COMPARABLE);
    assert_true(c.items[plan].moved);
    compare_release(&c);
    side_free(b);
    side_free(a);
    side_free(a2);
}

/* Renders c in format at width; the caller frees the text. */
static char *render(const struct compare *c, const char *format, size_t width)
{
    struct strbuf out = STRBUF_INIT;
    compare_format_find(format)->render_compare(c, "test", width, &out);
    return strbuf_detach(&out, NULL);
}

/*
 * An assessment of respondents by team: teams[k] is respondent k's team and plans[k]
 * their start.plan answer. Broken down by team at the threshold 3, not yet aligned.
 */
static struct side *side_teams(const char *date, const char *const *teams, const int *plans,
                               size_t n)
{
    struct side *sd = calloc(1, sizeof(*sd));
    struct diags d;
    diags_init(&d);
    assessment_init(&sd->a, &test_rules);
    const char *by[] = {"team"};
    assessment_break_down_by(&sd->a, by, 1);
    for (size_t k = 0; k < n; k++) {
        struct strbuf sb = STRBUF_INIT, file = STRBUF_INIT;
        strbuf_addf(&sb,
                    "format: stagegap-answers/1\nrules: tiny\norganisation: Testshire\n"
                    "date: %s\nrespondent: {id: r%zu, groups: {team: %s}}\n"
                    "answers: {start.plan: %d, start.training: 8, start.fatigue: 2}\n",
                    date, k, teams[k], plans[k]);
        strbuf_addf(&file, "r%zu.yaml", k);
        if (assessment_add_buffer(&sd->a, strbuf_str(&file), sb.buf, sb.len, false, &d) != 0) {
            print_diags(&d);
            fail();
        }
        strbuf_release(&sb);
        strbuf_release(&file);
    }
    struct score_options o = {.min_group = 3};
    score_compute_with(&sd->s, &test_rules, &sd->a, &o);
    diags_release(&d);
    return sd;
}

/*
 * Before: Aye 3, Bee 3, Cee 1, Dee 2; after: Aye 3, Bee 3. Cee and Dee are pooled (3
 * before, no one after), Aye and Bee shown apart; Aye's plan rose from 4 to 9.
 */
static void teams_before_after(struct side **b, struct side **a)
{
    static const char *const before[] = {"Aye", "Aye", "Aye", "Bee", "Bee",
                                         "Bee", "Cee", "Dee", "Dee"};
    static const char *const after[] = {"Aye", "Aye", "Aye", "Bee", "Bee", "Bee"};
    static const int plans_before[] = {4, 4, 4, 6, 6, 6, 6, 6, 6};
    static const int plans_after[] = {9, 9, 9, 6, 6, 6};
    *b = side_teams("2026-01-01", before, plans_before, 9);
    *a = side_teams("2026-04-01", after, plans_after, 6);
    struct score *scores[] = {&(*b)->s, &(*a)->s};
    score_align_breakdowns(scores, 2);
}

static void test_compare_groups_align_and_change(void **state)
{
    (void)state;
    struct side *b, *a;
    teams_before_after(&b, &a);
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    assert_int_equal(c.n_groups, 3);
    assert_string_equal(b->s.breakdown.groups[0].values[0], "Aye");
    assert_string_equal(a->s.breakdown.groups[1].values[0], "Bee");
    assert_true(b->s.breakdown.groups[2].pooled && a->s.breakdown.groups[2].pooled);
    assert_int_equal(b->s.breakdown.groups[2].respondents, 3);
    assert_int_equal(a->s.breakdown.groups[2].respondents, 0);
    const struct compare_stage *aye = compare_group_stage(&c, 0, 0);
    assert_true(aye->has_before && aye->has_after && aye->rose);
    assert_true(aye->delta > 0);
    const struct compare_stage *bee = compare_group_stage(&c, 1, 0);
    assert_near(bee->delta, 0.0);
    const struct compare_stage *pool = compare_group_stage(&c, 2, 0);
    assert_true(pool->has_before);
    assert_false(pool->has_after || pool->regressed || pool->rose);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

/* Every format shows the rows the engine gives and no name of a group pooled. */
static void test_compare_groups_in_every_format(void **state)
{
    (void)state;
    struct side *b, *a;
    teams_before_after(&b, &a);
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html"};
    for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
        char *out = render(&c, formats[f], 80);
        assert_non_null(strstr(out, "Aye"));
        assert_non_null(strstr(out, "Other groups"));
        assert_null(strstr(out, "Cee"));
        assert_null(strstr(out, "Dee"));
        assert_null(strstr(out, "r7"));
        free(out);
    }
    char *text = render(&c, "text", 80);
    assert_non_null(strstr(text, "  Other groups: 3 -> 0 respondents\n"));
    char *json = render(&c, "json", 80);
    assert_non_null(strstr(json, "\"respondents_before\": 3,\n      \"respondents_after\": 0,"));
    char *csv = render(&c, "csv", 80);
    assert_non_null(strstr(csv, ",,group,"));
    assert_non_null(strstr(csv, ",\"Other groups\",3,0\r\n"));
    free(text);
    free(json);
    free(csv);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

/* A group's name is input: each format escapes it as it escapes any text. */
static void test_compare_group_names_escaped(void **state)
{
    (void)state;
    static const char *const teams[] = {"\"=Aye|<b>\"", "\"=Aye|<b>\"", "\"=Aye|<b>\"",
                                        "Bee",          "Bee",          "Bee"};
    static const int plans[] = {4, 4, 4, 6, 6, 6};
    struct side *b = side_teams("2026-01-01", teams, plans, 6);
    struct side *a = side_teams("2026-04-01", teams, plans, 6);
    struct score *scores[] = {&b->s, &a->s};
    score_align_breakdowns(scores, 2);
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    char *md = render(&c, "markdown", 80);
    assert_non_null(strstr(md, "| =Aye\\|\\<b\\> | 3 → 3 |"));
    char *csv = render(&c, "csv", 80);
    assert_non_null(strstr(csv, ",\"'=Aye|<b>\",3,3\r\n"));
    char *html = render(&c, "html", 80);
    assert_non_null(strstr(html, ">=Aye|&lt;b&gt;</th>"));
    assert_null(strstr(html, "<b>"));
    free(md);
    free(csv);
    free(html);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static char *render_trend(const struct trend *t, const char *format)
{
    struct strbuf out = STRBUF_INIT;
    compare_format_find(format)->render_trend(t, "test", 80, &out);
    return strbuf_detach(&out, NULL);
}

/* A stage that reached the top band and left it, in words in every format. */
static void test_trend_time_in_every_format(void **state)
{
    (void)state;
    struct trend_fixture f;
    trend_of(&f, 3, (const char *[]){"2026-01-01", "2026-01-02", "2026-04-01"},
             (const char *[]){START_POOR ", later.habit: 1", START_GOOD ", later.habit: 1",
                              START_FAIR ", later.habit: 1"});
    char *text = render_trend(&f.t, "text");
    assert_non_null(strstr(text, "Time in stage"));
    assert_non_null(strstr(text, "  Start: the focus for 2 assessments and 1 day, and the focus "
                                 "now, since\n    2026-04-01. First in a band: Poor on "
                                 "2026-01-01, Good on 2026-01-02, Fair on\n    2026-04-01. "
                                 "Reached the top band, Good, on 2026-01-02; not in it now.\n"));
    assert_non_null(strstr(text, "  Later: the focus for 1 assessment and 89 days, not now."));
    free(text);
    char *md = render_trend(&f.t, "markdown");
    assert_non_null(strstr(md, "| Stage | Focus | Poor | Fair | Good (top band) |\n"));
    assert_non_null(strstr(md, "| Start | 2 assessments, 1 day; now, since 2026-04-01 | "
                               "2026-01-01 | 2026-04-01 | 2026-01-02 (not in it now) |\n"));
    assert_non_null(strstr(md, "| Later | 1 assessment, 89 days; not now | 2026-01-01 | — | "
                               "not yet |\n"));
    free(md);
    char *json = render_trend(&f.t, "json");
    assert_non_null(strstr(json, "\"time\": {\n        \"focus_assessments\": 2,\n"
                                 "        \"focus_days\": 1,\n        \"focus_now\": true,\n"
                                 "        \"focus_since\": \"2026-04-01\",\n"
                                 "        \"first_in_band\": {\n"
                                 "          \"good\": \"2026-01-02\",\n"
                                 "          \"fair\": \"2026-04-01\",\n"
                                 "          \"poor\": \"2026-01-01\"\n        },\n"
                                 "        \"reached_top\": \"2026-01-02\",\n"
                                 "        \"top_now\": false\n      }"));
    free(json);
    char *csv = render_trend(&f.t, "csv");
    assert_non_null(strstr(csv, "2026-01-02,\"Testshire\",1,\"start\","));
    assert_non_null(strstr(csv, ",\"good\",first-in-band,\r\n"));
    assert_non_null(strstr(csv, "2026-04-01,\"Testshire\",1,\"later\",,,time-in-stage,\"the "
                                "focus for 1 assessment and 89 days, not now."));
    free(csv);
    trend_fixture_release(&f);
}

static void test_trend_groups_in_every_format(void **state)
{
    (void)state;
    struct side *b, *a;
    teams_before_after(&b, &a);
    const struct score *scores[] = {&a->s, &b->s};
    struct trend t;
    trend_compute(&t, scores, 2);
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html"};
    for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
        char *out = render_trend(&t, formats[f]);
        assert_non_null(strstr(out, "Bee"));
        assert_non_null(strstr(out, "Other groups"));
        assert_null(strstr(out, "Cee"));
        assert_null(strstr(out, "Dee"));
        free(out);
    }
    char *text = render_trend(&t, "text");
    assert_non_null(strstr(text, "  Other groups: 3 -> 0 respondents\n"));
    char *md = render_trend(&t, "markdown");
    assert_non_null(strstr(md, "| Other groups | Respondents | 3 | 0 |\n"));
    char *json = render_trend(&t, "json");
    assert_non_null(strstr(json, "\"respondents\": [\n        3,\n        0\n      ]"));
    free(text);
    free(md);
    free(json);
    trend_release(&t);
    side_free(b);
    side_free(a);
}

/* A change is read from the scores as shown: 57.45 shows as 57.5, 57.4499 as 57.4. */
static void test_compare_stage_set_rounds_exactly(void **state)
{
    (void)state;
    struct exact before = {0}, after = {0};
    exact_set(&before, 5745, 100);
    exact_set(&after, 574499, 10000);
    struct compare_stage cs;
    compare_stage_set(&cs, true, &before, true, &after);
    assert_near(cs.before, 57.5);
    assert_near(cs.after, 57.4);
    assert_near(cs.delta, -0.1);
    assert_true(cs.regressed);
    compare_stage_set(&cs, true, &before, false, &after);
    assert_false(cs.regressed);
    assert_near(cs.delta, 0.0);
    exact_release(&before);
    exact_release(&after);
}

static void test_compare_every_format_says_better_or_worse(void **state)
{
    (void)state;
    struct side *b = side_new("2026-01-01", "start.plan: 8, start.fatigue: 0");
    struct side *a = side_new("2026-04-01", "start.plan: 9, start.fatigue: 6");
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    char *text = render(&c, "text", 80);
    assert_non_null(strstr(text, "0.0 -> 6.0   worse   Start barrier: Fatigue\n"));
    assert_non_null(strstr(text, "8.0 -> 9.0   better  Start facilitator: A plan\n"));
    assert_non_null(strstr(text, "  Start barrier: Fatigue (0.0 -> 6.0, worse)\n"));
    char *md = render(&c, "markdown", 80);
    assert_non_null(strstr(md, "## Answers that moved"));
    assert_non_null(strstr(md, "| Start | barrier | Fatigue | 0.0 | 6.0 | worse |\n"));
    assert_non_null(strstr(md, "| Start | facilitator | A plan | 8.0 | 9.0 | better |\n"));
    char *json = render(&c, "json", 80);
    assert_non_null(strstr(json, "\"after\": 6.0,\n      \"direction\": \"worse\""));
    assert_non_null(strstr(json, "\"delta\": 1.0,\n      \"direction\": \"better\""));
    char *csv = render(&c, "csv", 80);
    assert_non_null(strstr(csv, ",closed,direction,text,respondents_before,respondents_after\r\n"));
    assert_non_null(
        strstr(csv, "\"start\",\"start.fatigue\",barrier,0.0,6.0,6.0,true,false,worse,,,\r\n"));
    char *html = render(&c, "html", 80);
    assert_non_null(strstr(html, "<td>worse</td>"));
    free(text);
    free(md);
    free(json);
    free(csv);
    free(html);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void assert_lines_within(const char *text, size_t width)
{
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        if (utf8_width(p, len) > width) {
            fprintf(stderr, "line over %zu columns: %.*s\n", width, (int)len, p);
            fail();
        }
        p += len + (p[len] == '\n');
    }
}

static void test_compare_text_wraps_to_width(void **state)
{
    (void)state;
    const char *org = "Testshire County Council Children's Services and the Early Help "
                      "Partnership";
    struct side *b = side_of("a.yaml", org, "2026-01-01", "start.plan: 8, start.fatigue: 2");
    struct side *a = side_of("b.yaml", org, "2026-04-01", "start.plan: 9, start.fatigue: 6");
    struct compare c;
    compare_compute(&c, &b->s, &a->s);
    char *narrow = render(&c, "text", 40);
    assert_lines_within(narrow, 40);
    assert_non_null(strstr(narrow, "Before: 2026-01-01, 1 respondent,\n        Testshire"));
    char *wide = render(&c, "text", 200);
    assert_non_null(strstr(wide, "Before: 2026-01-01, 1 respondent, Testshire County Council "
                                 "Children's Services and the Early Help Partnership\n"));
    struct trend t;
    const struct score *points[] = {&b->s, &a->s};
    struct strbuf out = STRBUF_INIT;
    trend_compute(&t, points, 2);
    compare_format_find("text")->render_trend(&t, "test", 40, &out);
    assert_lines_within(out.buf, 40);
    strbuf_release(&out);
    trend_release(&t);
    free(narrow);
    free(wide);
    compare_release(&c);
    side_free(b);
    side_free(a);
}

static void test_compare_warns_when_before_is_later(void **state)
{
    (void)state;
    struct side *b = side_of("q3.yaml", "Testshire", "2026-07-01", "start.plan: 8");
    struct side *a = side_of("q2.yaml", "Testshire", "2026-04-01", "start.plan: 8");
    struct compare c;
    struct diags d;
    diags_init(&d);
    compare_compute(&c, &b->s, &a->s);
    compare_warn(&c, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].severity, DIAG_WARNING);
    assert_string_equal(d.v[0].file, "q3.yaml");
    assert_diag(&d, 4, 7,
                "BEFORE is dated 2026-07-01, after AFTER's 2026-04-01 in 'q2.yaml'; the changes "
                "shown run backwards in time: give the earlier assessment first");
    assert_false(diags_failed(&d));
    compare_release(&c);
    diags_release(&d);

    /* In date order, and the same organisation: nothing to say. */
    diags_init(&d);
    compare_compute(&c, &a->s, &b->s);
    compare_warn(&c, &d);
    assert_int_equal(d.n, 0);
    compare_release(&c);
    diags_release(&d);
    side_free(b);
    side_free(a);
}

static void test_compare_warns_when_organisations_differ(void **state)
{
    (void)state;
    struct side *b = side_of("east.yaml", "Eastbrook", "2026-01-01", "start.plan: 8");
    struct side *a = side_of("west.yaml", "Westvale", "2026-04-01", "start.plan: 8");
    struct compare c;
    struct diags d;
    diags_init(&d);
    compare_compute(&c, &b->s, &a->s);
    compare_warn(&c, &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].file, "west.yaml");
    assert_int_equal(d.v[0].severity, DIAG_WARNING);
    assert_diag(&d, 3, 15,
                "organisation 'Westvale' differs from 'Eastbrook' in 'east.yaml'; this compares "
                "two organisations, not one over time");
    compare_release(&c);
    diags_release(&d);
    side_free(b);
    side_free(a);
}

static void test_trend_warns_on_mixed_organisations_and_same_day(void **state)
{
    (void)state;
    struct side *e1 = side_of("e1.yaml", "Eastbrook", "2026-01-01", "start.plan: 3");
    struct side *w = side_of("w.yaml", "Westvale", "2026-02-01", "start.plan: 5");
    struct side *e2 = side_of("e2.yaml", "Eastbrook", "2026-04-01", "start.plan: 7");
    struct side *e3 = side_of("e3.yaml", "Eastbrook", "2026-04-01", "start.plan: 6");
    const struct score *given[] = {&e3->s, &e2->s, &w->s, &e1->s};
    struct trend t;
    struct diags d;
    diags_init(&d);
    trend_compute(&t, given, 4);
    trend_warn(&t, &d);
    assert_int_equal(d.n, 3);
    assert_string_equal(d.v[0].file, "w.yaml");
    assert_diag(&d, 3, 15,
                "organisation 'Westvale' differs from 'Eastbrook' in 'e1.yaml'; the trend "
                "mixes organisations");
    assert_string_equal(d.v[1].file, "e3.yaml");
    assert_diag(&d, 3, 15,
                "organisation 'Eastbrook' differs from 'Westvale' in 'w.yaml'; the trend "
                "mixes organisations");
    assert_string_equal(d.v[2].file, "e2.yaml");
    assert_diag(&d, 4, 7,
                "dated 2026-04-01, the same day as 'e3.yaml'; which came first cannot be told, "
                "so they keep the order given");
    assert_int_equal(d.errors, 0);
    trend_release(&t);
    diags_release(&d);
    side_free(e1);
    side_free(w);
    side_free(e2);
    side_free(e3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare_direction_reads_barriers_backwards),
        cmocka_unit_test(test_compare_every_format_says_better_or_worse),
        cmocka_unit_test(test_compare_text_wraps_to_width),
        cmocka_unit_test(test_compare_warns_when_before_is_later),
        cmocka_unit_test(test_compare_warns_when_organisations_differ),
        cmocka_unit_test(test_trend_warns_on_mixed_organisations_and_same_day),
        cmocka_unit_test(test_compare_stage_change_and_regression),
        cmocka_unit_test(test_compare_groups_align_and_change),
        cmocka_unit_test(test_compare_groups_in_every_format),
        cmocka_unit_test(test_compare_group_names_escaped),
        cmocka_unit_test(test_trend_groups_in_every_format),
        cmocka_unit_test(test_compare_stage_set_rounds_exactly),
        cmocka_unit_test(test_compare_rounding_is_not_a_regression),
        cmocka_unit_test(test_compare_gaps_opened_and_closed),
        cmocka_unit_test(test_trend_orders_by_date_not_arguments),
        cmocka_unit_test(test_trend_time_one_point),
        cmocka_unit_test(test_trend_time_all_points_in_one_stage),
        cmocka_unit_test(test_trend_time_focus_moves_forward_and_back),
        cmocka_unit_test(test_trend_time_insufficient_data_is_no_band),
        cmocka_unit_test(test_trend_time_same_date_keeps_the_order_given),
        cmocka_unit_test(test_trend_time_in_every_format),
        cmocka_unit_test(test_compare_json_has_its_format),
    };
    return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
