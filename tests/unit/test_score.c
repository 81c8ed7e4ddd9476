/*
 * test_score.c - the scoring engine: the worked example of docs/scoring.md number for
 * number, and the promises of PRODUCT.md (monotone, local to the stage, n/a leaves the
 * denominator, deterministic) over many generated answer sets.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "score.h"
#include "score_target.h"
#include "suppress.h"
#include "strbuf.h"

struct fixture {
    struct rules rules;
    struct assessment a;
    struct score s;
    struct diags d;
};

static const char *const tiny_ids[] = {"start.plan", "start.training", "start.fatigue",
                                       "start.do-plan", "later.habit"};
enum { TINY_ANSWERABLE = 5 };

static struct fixture *fixture_new(const char *rules_yaml)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    if (load_rules_text(&f->rules, rules_yaml, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    assessment_init(&f->a, &f->rules);
    return f;
}

static void fixture_free(struct fixture *f)
{
    score_release(&f->s);
    assessment_release(&f->a);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
}

/* Adds one respondent, naming model, whose answers are given as YAML map entries. */
static void add_respondent_to(struct fixture *f, const char *model, const char *role,
                              const char *answers)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: %s\norganisation: Testshire\n"
                "date: 2026-09-30\n",
                model);
    if (role)
        strbuf_addf(&sb, "respondent: {role: %s}\n", role);
    strbuf_addf(&sb, "answers: {%s}\n", answers);
    if (assessment_add_buffer(&f->a, "answers.yaml", sb.buf, sb.len, false, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    strbuf_release(&sb);
}

static void add_respondent(struct fixture *f, const char *role, const char *answers)
{
    add_respondent_to(f, "tiny", role, answers);
}

static void compute(struct fixture *f)
{
    score_release(&f->s);
    score_compute(&f->s, &f->rules, &f->a);
}

static long item(const struct fixture *f, const char *id)
{
    long i = rules_find_item(&f->rules, id);
    assert_true(i >= 0);
    return i;
}

/* The worked example of docs/scoring.md. */
static void test_score_worked_example(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: 6, start.training: 8, start.fatigue: 7, "
                   "start.do-plan: n/a, later.habit: unknown");
    compute(f);
    const struct score_stage *start = &f->s.stages[0], *later = &f->s.stages[1];
    assert_true(start->has_score);
    assert_near(start->score, 57.5);
    assert_string_equal(score_band_id(&f->s, 0), "fair");
    assert_int_equal(start->answerable, 3);
    assert_int_equal(start->answered, 3);
    assert_near(start->coverage, 1.0);
    assert_near(f->s.items[item(f, "start.plan")].impact, 20.0);
    assert_near(f->s.items[item(f, "start.fatigue")].impact, 17.5);
    assert_near(f->s.items[item(f, "start.training")].impact, 5.0);
    assert_int_equal(start->n_gaps, 3);
    assert_int_equal(start->gaps[0], item(f, "start.plan"));
    assert_int_equal(start->gaps[1], item(f, "start.fatigue"));
    assert_int_equal(start->gaps[2], item(f, "start.training"));
    /* Level matrix: systems holds the plan alone; people the training and fatigue. */
    assert_near(start->levels[1].score, 60.0);
    assert_near(start->levels[0].score, 55.0);
    /* Later: its one question is unknown, so there is no score to pretend with. */
    assert_false(later->has_score);
    assert_string_equal(score_band_id(&f->s, 1), "insufficient-data");
    assert_int_equal(later->n_unknown, 1);
    assert_int_equal(f->s.focus, 0);
    assert_false(later->rests_on_earlier);
    /* do-plan was answered n/a: the organisation says it does not apply, so it is no
     * action to take, whatever the gaps it addresses: not ranked, not offered. */
    assert_int_equal(f->s.n_suggestions, 1);
    assert_near(f->s.suggestions[0].points, 0.0);
    assert_int_equal(f->s.suggestions[0].priority, 0);
    assert_int_equal(f->s.n_ranked, 0);
    assert_false(f->s.items[item(f, "start.do-plan")].acted_on);
    size_t offered[2];
    assert_int_equal(score_suggestions_for(&f->s, (size_t)item(f, "start.plan"), offered), 0);
    fixture_free(f);
}

static void test_score_closing_a_gap_gains_its_impact(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: 10, start.training: 8, start.fatigue: 7, "
                   "start.do-plan: n/a");
    compute(f);
    assert_near(f->s.stages[0].score, 57.5 + 20.0);
    fixture_free(f);
}

static void test_score_acted_on_suggestion(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: 6, start.training: 8, start.fatigue: 7, "
                   "start.do-plan: 9");
    compute(f);
    assert_true(f->s.items[item(f, "start.do-plan")].acted_on);
    assert_near(f->s.stages[0].score, 64.0);
    /* Acted on, and still worth the plan gap it addresses: 100 x 2 x 0.4 / 5. */
    assert_near(f->s.suggestions[0].points, 16.0);
    fixture_free(f);
}

/* The tiny model with a suggestion in Later too, addressing later.habit. */
static struct fixture *two_stage_suggestions(void)
{
    char *yaml = rules_with("    notes: [Little is known.]\n",
                            "    suggestions:\n"
                            "      - {id: later.do, text: Do it, level: people, question: Done?, "
                            "addresses: [later.habit]}\n"
                            "    notes: [Little is known.]\n");
    struct fixture *f = fixture_new(yaml);
    free(yaml);
    return f;
}

/*
 * Points are shares of one stage's score and do not compare across stages: the focus
 * stage's suggestion comes first even when a later stage's would gain more of its own
 * stage's points (issue 12, bug 9).
 */
static void test_score_focus_stage_actions_come_first(void **state)
{
    (void)state;
    struct fixture *f = two_stage_suggestions();
    /* Start 68.0 (fair), the focus; do-plan closes 4 points of it. Later.do closes 50. */
    add_respondent(f, NULL,
                   "start.plan: 9, start.training: 5, start.fatigue: 1, start.do-plan: 2, "
                   "later.habit: 0, later.do: 1");
    compute(f);
    assert_int_equal(f->s.focus, 0);
    const struct score_suggestion *start = &f->s.suggestions[0], *later = &f->s.suggestions[1];
    assert_int_equal(exact_cmp_ratio(&start->points_exact, 4, 1), 0);
    assert_int_equal(exact_cmp_ratio(&later->points_exact, 50, 1), 0);
    assert_int_equal(start->priority, 1);
    assert_int_equal(later->priority, 2);
    assert_int_equal(score_suggestion_action(&f->s, start), SCORE_TAKE_ACTION);
    fixture_free(f);
}

/* One already acted on is to keep going with: it ranks after every one not yet acted on. */
static void test_score_acted_on_ranks_apart_to_keep_going(void **state)
{
    (void)state;
    struct fixture *f = two_stage_suggestions();
    /* do-plan acted on (9) closes 32 points of Start; later.do, not acted on, 10 of Later. */
    add_respondent(f, NULL,
                   "start.plan: 2, start.training: 5, start.fatigue: 1, start.do-plan: 9, "
                   "later.habit: 8, later.do: 1");
    compute(f);
    assert_int_equal(f->s.focus, 0);
    const struct score_suggestion *start = &f->s.suggestions[0], *later = &f->s.suggestions[1];
    assert_int_equal(exact_cmp_ratio(&start->points_exact, 32, 1), 0);
    assert_int_equal(exact_cmp_ratio(&later->points_exact, 10, 1), 0);
    assert_int_equal(later->priority, 1);
    assert_int_equal(start->priority, 2);
    assert_int_equal(score_suggestion_action(&f->s, later), SCORE_TAKE_ACTION);
    assert_int_equal(score_suggestion_action(&f->s, start), SCORE_KEEP_GOING);
    fixture_free(f);
}

/* The actions every report and the plan list are chosen once, in the engine: by kind, in
   priority order, at most as many as asked. */
static void test_score_actions_by_kind_in_priority_order(void **state)
{
    (void)state;
    struct fixture *f = two_stage_suggestions();
    add_respondent(f, NULL,
                   "start.plan: 2, start.training: 5, start.fatigue: 1, start.do-plan: 9, "
                   "later.habit: 8, later.do: 1");
    compute(f);
    size_t out[3] = {99, 99, 99};
    assert_int_equal(score_actions(&f->s, SCORE_TAKE_ACTION, 0, out), 1);
    assert_int_equal(out[0], 1); /* later.do, not acted on */
    assert_int_equal(score_actions(&f->s, SCORE_KEEP_GOING, 0, out), 1);
    assert_int_equal(out[0], 0); /* start.do-plan, acted on */
    assert_int_equal(out[1], 99);
    assert_int_equal(score_actions(&f->s, SCORE_NO_ACTION, 0, out), 0);
    fixture_free(f);

    f = two_stage_suggestions();
    add_respondent(f, NULL,
                   "start.plan: 9, start.training: 5, start.fatigue: 1, start.do-plan: 2, "
                   "later.habit: 0, later.do: 1");
    compute(f);
    assert_int_equal(score_actions(&f->s, SCORE_TAKE_ACTION, 0, out), 2);
    assert_int_equal(out[0], 0); /* the focus stage's first */
    assert_int_equal(out[1], 1);
    out[1] = 99;
    assert_int_equal(score_actions(&f->s, SCORE_TAKE_ACTION, 1, out), 1);
    assert_int_equal(out[0], 0);
    assert_int_equal(out[1], 99);
    fixture_free(f);
}

/* What every format lists under "Find out first" comes from the engine, in rules order. */
static void test_score_unranked_of_and_gaps(void **state)
{
    (void)state;
    struct fixture *f = two_stage_suggestions();
    add_respondent(f, NULL,
                   "start.plan: 2, start.training: 5, start.fatigue: 1, start.do-plan: unknown, "
                   "later.habit: unknown, later.do: unknown");
    compute(f);
    size_t v[4];
    assert_int_equal(f->s.n_suggestions, 2);
    assert_int_equal(f->s.suggestions[0].unranked, SCORE_UNRANKED_UNKNOWN);
    assert_int_equal(f->s.suggestions[1].unranked, SCORE_UNRANKED_STAGE);
    assert_int_equal(score_unranked_of(&f->s, SCORE_UNRANKED_UNKNOWN, SCORE_ANY_STAGE, v), 1);
    assert_int_equal(v[0], 0);
    assert_int_equal(score_unranked_of(&f->s, SCORE_UNRANKED_UNKNOWN, 1, v), 0);
    assert_int_equal(score_unranked_of(&f->s, SCORE_UNRANKED_STAGE, 0, v), 0);
    assert_int_equal(score_unranked_of(&f->s, SCORE_UNRANKED_STAGE, 1, v), 1);
    assert_int_equal(v[0], 1);
    assert_int_equal(score_unranked_of(&f->s, SCORE_UNRANKED_STAGE, SCORE_ANY_STAGE, v), 1);
    assert_true(score_item_is_gap(&f->s, (size_t)item(f, "start.plan")));
    assert_true(score_item_is_gap(&f->s, (size_t)item(f, "start.fatigue")));
    assert_false(score_item_is_gap(&f->s, (size_t)item(f, "later.habit")));
    fixture_free(f);
}

static void test_score_na_leaves_the_denominator(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: n/a, start.training: 8, start.fatigue: n/a, "
                   "start.do-plan: n/a");
    compute(f);
    assert_near(f->s.stages[0].score, 80.0);
    assert_int_equal(f->s.stages[0].answerable, 1);
    assert_near(f->s.stages[0].coverage, 1.0);
    fixture_free(f);
}

static void test_score_low_coverage_is_insufficient_data(void **state)
{
    (void)state;
    /* One answer of four is 25%, under the default minimum of 50%. */
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL, "start.plan: 9, start.training: unknown");
    compute(f);
    assert_false(f->s.stages[0].has_score);
    assert_int_equal(f->s.stages[0].band, SCORE_NO_BAND);
    assert_near(f->s.stages[0].coverage, 0.25);
    assert_int_equal(f->s.stages[0].n_unknown, 3);
    fixture_free(f);
}

static void test_score_min_coverage_is_configurable(void **state)
{
    (void)state;
    char *yaml = rules_with("levels:", "scoring: {min-coverage: 0.2}\nlevels:");
    struct fixture *f = fixture_new(yaml);
    add_respondent(f, NULL, "start.plan: 9, start.training: unknown");
    compute(f);
    assert_true(f->s.stages[0].has_score);
    assert_near(f->s.stages[0].score, 90.0);
    fixture_free(f);
    free(yaml);
}

static void test_score_focus_is_earliest_stage_not_in_top_band(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: 9, start.training: 9, start.fatigue: 1, "
                   "start.do-plan: 9, later.habit: 2");
    compute(f);
    assert_int_equal(f->s.stages[0].band, 0);
    assert_int_equal(f->s.focus, 1);
    fixture_free(f);

    f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: 9, start.training: 9, start.fatigue: 1, "
                   "start.do-plan: 9, later.habit: 9");
    compute(f);
    assert_int_equal(f->s.focus, -1);
    fixture_free(f);
}

static void test_score_flags_later_strength_on_weak_earlier_stage(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_respondent(f, NULL,
                   "start.plan: 2, start.training: 3, start.fatigue: 8, "
                   "start.do-plan: 1, later.habit: 9");
    compute(f);
    assert_int_equal(f->s.focus, 0);
    assert_true(f->s.stages[1].rests_on_earlier);
    assert_near(f->s.stages[1].score, 90.0);
    fixture_free(f);
}

static void test_score_many_respondents_and_roles(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    static const char *const by_role[] = {ANSWERS_FIELD_ROLE};
    assessment_break_down_by(&f->a, by_role, 1);
    add_respondent(f, "leader", "start.plan: 10, later.habit: 9");
    add_respondent(f, "practitioner", "start.plan: 2, later.habit: 9");
    add_respondent(f, "practitioner", "start.plan: 3, later.habit: 9");
    /* A threshold of 1, which the command line refuses, to see each role's scores. */
    struct score_options o = {false, 1, false, NULL};
    score_compute_with(&f->s, &f->rules, &f->a, &o);
    const struct score_item *plan = &f->s.items[item(f, "start.plan")];
    assert_near(plan->answer, 5.0);
    assert_true(plan->disagreement);
    /* Identical answers are never a disagreement. */
    assert_false(f->s.items[item(f, "later.habit")].disagreement);
    assert_near(f->s.items[item(f, "later.habit")].sd, 0.0);
    assert_int_equal(score_stage_disagreements(&f->s, 0), 1);
    assert_int_equal(score_stage_disagreements(&f->s, 1), 0);
    const struct score_breakdown *b = &f->s.breakdown;
    assert_int_equal(b->state, BREAKDOWN_SHOWN);
    assert_int_equal(b->n_groups, 2);
    assert_string_equal(b->groups[0].values[0], "leader");
    assert_int_equal(b->groups[1].respondents, 2);
    assert_near(b->groups[1].scores[1], 90.0);
    /* At the default threshold, three respondents are too few to show any role apart. */
    score_release(&f->s);
    compute(f);
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_TOO_SMALL);
    assert_int_equal(f->s.breakdown.n_groups, 0);
    fixture_free(f);
}

/* Adds n respondents giving "role, groups: {...}" (the text after "role: "). */
static void add_many(struct fixture *f, int n, const char *who, const char *answers)
{
    for (int i = 0; i < n; i++)
        add_respondent(f, who, answers);
}

static void break_down(struct fixture *f, const char *by0, const char *by1)
{
    const char *by[] = {by0, by1};
    assessment_break_down_by(&f->a, by, by1 ? 2 : 1);
}

/* The breakdown by role asked for by default: nothing said when no one gives a role. */
static void test_score_breakdown_by_default_quiet_without_roles(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    break_down(f, ANSWERS_FIELD_ROLE, NULL);
    add_many(f, 6, "manager, groups: {team: North}", "start.plan: 5");
    compute(f); /* score_compute asks as by default */
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_ONE_GROUP);
    fixture_free(f);
    f = fixture_new(test_rules_yaml);
    break_down(f, ANSWERS_FIELD_ROLE, NULL);
    add_respondent(f, NULL, "start.plan: 5");
    add_respondent(f, NULL, "start.plan: 6");
    compute(f);
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_OFF);
    assert_int_equal(f->s.breakdown.n_by, 1); /* still says what it would be by */
    /* Asked for, the same is said: everyone is in one group (of no role given). */
    struct score_options o = {false, SUPPRESS_MIN_GROUP_DEFAULT, false, NULL};
    score_release(&f->s);
    score_compute_with(&f->s, &f->rules, &f->a, &o);
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_ONE_GROUP);
    fixture_free(f);
}

/* Groups shown apart by value, those who gave none last, the pooled row after them. */
static void test_score_breakdown_rows(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    break_down(f, "team", NULL);
    add_many(f, 5, "x, groups: {team: South}", "start.plan: 2");
    add_many(f, 2, "x, groups: {team: East}",
             "start.plan: 10, start.training: 10, start.fatigue: 0, start.do-plan: 10");
    add_many(f, 6, "x", "start.plan: 4");
    add_many(f, 3, "x, groups: {team: West}",
             "start.plan: 0, start.training: 0, start.fatigue: 10, start.do-plan: 0");
    add_many(f, 7, "x, groups: {team: North}", "start.plan: 8");
    compute(f);
    const struct score_breakdown *b = &f->s.breakdown;
    assert_int_equal(b->state, BREAKDOWN_SHOWN);
    assert_int_equal(b->n_groups, 4);
    assert_string_equal(b->groups[0].values[0], "North");
    assert_string_equal(b->groups[1].values[0], "South");
    assert_null(b->groups[2].values[0]); /* no team given: 6, shown */
    assert_int_equal(b->groups[2].respondents, 6);
    assert_true(b->groups[3].pooled); /* East 2 + West 3 */
    assert_int_equal(b->groups[3].respondents, 5);
    /* The pooled row is scored over its own respondents: two at the best end of every
       Start item and three at the worst make 40. */
    assert_true(b->groups[3].has_score[0]);
    assert_near(b->groups[3].scores[0], 40.0);
    assert_int_equal(b->n_small, 2);
    assert_int_equal(b->n_cells, 5);
    fixture_free(f);
}

/*
 * Issue 25's first attack in small: team Central (12) is all of office Town Hall but for
 * one senior leader, whose team is a team of one. Each field cut on its own shows
 * Central and Town Hall, and 13 x Town Hall - 12 x Central is the leader's scores. The
 * partition under every figure pools office instead, whichever field is asked for, and
 * says so; team keeps its rows.
 */
static void add_offices(struct fixture *f)
{
    add_many(f, 12, "x, groups: {team: Central, office: Town Hall}", "start.plan: 5");
    add_many(f, 1, "x, groups: {team: Leadership, office: Town Hall}", "start.plan: 9");
    add_many(f, 5, "x, groups: {team: North, office: Depot}", "start.plan: 3");
    add_many(f, 4, "x, groups: {team: South, office: Depot}", "start.plan: 7");
}

static void test_score_one_partition_under_every_figure(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    break_down(f, "office", NULL);
    add_offices(f);
    compute(f);
    const struct score_breakdown *b = &f->s.breakdown;
    assert_int_equal(b->state, BREAKDOWN_TOO_SMALL);
    assert_int_equal(b->n_groups, 0);
    assert_int_equal(b->n_cross, 2);
    assert_int_equal(b->cross_protected, 5); /* the leader, and South's 4 in Depot */
    fixture_free(f);

    f = fixture_new(test_rules_yaml);
    break_down(f, "team", NULL);
    add_offices(f);
    compute(f);
    b = &f->s.breakdown;
    assert_int_equal(b->state, BREAKDOWN_SHOWN);
    assert_int_equal(b->n_cross, 0);
    assert_int_equal(b->n_groups, 3);
    assert_string_equal(b->groups[0].values[0], "Central");
    assert_int_equal(b->groups[0].respondents, 12);
    assert_string_equal(b->groups[1].values[0], "North");
    assert_true(b->groups[2].pooled); /* Leadership 1 + South 4 */
    assert_int_equal(b->groups[2].respondents, 5);
    fixture_free(f);

    /* Two fields at once: office pools everything, so no two-way view. */
    f = fixture_new(test_rules_yaml);
    break_down(f, "team", "office");
    add_offices(f);
    compute(f);
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_CELLS_TOO_SMALL);
    fixture_free(f);
}

static void test_score_breakdown_two_way(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    break_down(f, "team", ANSWERS_FIELD_ROLE);
    add_many(f, 5, "manager, groups: {team: North}", "start.plan: 2");
    add_many(f, 5, "practitioner, groups: {team: North}", "start.plan: 4");
    add_many(f, 6, "practitioner, groups: {team: South}", "start.plan: 6");
    compute(f);
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_SHOWN);
    assert_int_equal(f->s.breakdown.n_groups, 3);
    assert_string_equal(f->s.breakdown.groups[0].values[1], "manager");
    /* One manager in South: one cell under K, and the view is left out whole. */
    add_respondent(f, "manager, groups: {team: South}", "start.plan: 9");
    compute(f);
    assert_int_equal(f->s.breakdown.state, BREAKDOWN_CELLS_TOO_SMALL);
    assert_int_equal(f->s.breakdown.n_groups, 0);
    assert_int_equal(f->s.breakdown.n_small, 1);
    assert_int_equal(f->s.breakdown.n_cells, 4);
    fixture_free(f);
}

/* Side by side, a group under K in either is pooled in both, and so the others' rows
   line up. */
static void test_score_breakdowns_aligned(void **state)
{
    (void)state;
    struct fixture *before = fixture_new(test_rules_yaml), *after = fixture_new(test_rules_yaml);
    break_down(before, "team", NULL);
    break_down(after, "team", NULL);
    add_many(before, 9, "x, groups: {team: North}", "start.plan: 5");
    add_many(before, 6, "x, groups: {team: South}", "start.plan: 5");
    add_many(before, 5, "x, groups: {team: East}", "start.plan: 5");
    add_many(after, 9, "x, groups: {team: North}", "start.plan: 7");
    add_many(after, 4, "x, groups: {team: South}", "start.plan: 7");
    add_many(after, 8, "x, groups: {team: East}", "start.plan: 7");
    compute(before);
    compute(after);
    assert_int_equal(before->s.breakdown.n_groups, 3); /* alone, all shown */
    struct score *both[] = {&before->s, &after->s};
    score_align_breakdowns(both, 2);
    /* South is under K after, so pooled both times; after, the pooled row (South's 4)
       is itself under K, so East, the smaller shown there, joins it, both times. */
    for (int k = 0; k < 2; k++) {
        const struct score_breakdown *b = &both[k]->breakdown;
        assert_int_equal(b->state, BREAKDOWN_SHOWN);
        assert_int_equal(b->n_groups, 2);
        assert_string_equal(b->groups[0].values[0], "North");
        assert_true(b->groups[1].pooled);
        assert_int_equal(b->groups[1].respondents, k ? 4 + 8 : 6 + 5);
    }
    fixture_free(before);
    fixture_free(after);
}

/* ---- properties over generated answer sets ---- */

static unsigned long long rng_state;

static unsigned rng_next(unsigned bound)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % bound);
}

/* A random answer for each tiny item: a point 0-10, n/a or unknown. */
static void random_answers(int values[TINY_ANSWERABLE])
{
    for (int i = 0; i < TINY_ANSWERABLE; i++) {
        unsigned r = rng_next(14);
        values[i] = r <= 10 ? (int)r : r == 11 ? -1 : -2; /* -1 n/a, -2 unknown */
    }
}

static struct fixture *score_values(const int values[TINY_ANSWERABLE])
{
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < TINY_ANSWERABLE; i++) {
        if (i)
            strbuf_adds(&sb, ", ");
        if (values[i] >= 0)
            strbuf_addf(&sb, "%s: %d", tiny_ids[i], values[i]);
        else
            strbuf_addf(&sb, "%s: %s", tiny_ids[i], values[i] == -1 ? "n/a" : "unknown");
    }
    char *yaml = rules_with("levels:", "scoring: {min-coverage: 0}\nlevels:");
    struct fixture *f = fixture_new(yaml);
    free(yaml);
    add_respondent(f, NULL, sb.buf);
    strbuf_release(&sb);
    compute(f);
    return f;
}

static void test_score_is_monotone_and_local(void **state)
{
    (void)state;
    rng_state = 20261126;
    int checked = 0;
    for (int round = 0; round < 2000; round++) {
        int before[TINY_ANSWERABLE], after[TINY_ANSWERABLE];
        random_answers(before);
        int which = (int)rng_next(TINY_ANSWERABLE);
        if (before[which] < 0 || before[which] == 10)
            continue;
        memcpy(after, before, sizeof(before));
        after[which] = before[which] + 1 + (int)rng_next((unsigned)(10 - before[which]));
        struct fixture *a = score_values(before), *b = score_values(after);
        const struct rules_item *it = &a->rules.items[rules_find_item(&a->rules, tiny_ids[which])];
        for (size_t st = 0; st < a->rules.n_stages; st++) {
            const struct score_stage *sa = &a->s.stages[st], *sb = &b->s.stages[st];
            assert_int_equal(sa->has_score, sb->has_score);
            if (st != it->stage) {
                assert_true(sa->score == sb->score); /* an answer moves only its stage */
            } else if (it->kind == ITEM_BARRIER) {
                assert_true(sb->score <= sa->score + 1e-9);
            } else {
                assert_true(sb->score >= sa->score - 1e-9);
            }
        }
        fixture_free(a);
        fixture_free(b);
        checked++;
    }
    assert_true(checked > 1000);
}

/* Writes "[]" after key when nothing was listed under it. */
static void close_empty_list(struct strbuf *out, const char *key)
{
    size_t n = strlen(key);
    if (out->len >= n && strcmp(out->buf + out->len - n, key) == 0)
        strbuf_adds(out, "  []\n");
}

/*
 * A random overlay of the built-in model: items added to random stages (suggestions
 * addressing random base items), random items retired, weights and the acted-on mark
 * changed. It may be invalid (a retirement that leaves a suggestion addressing nothing);
 * the caller skips those.
 */
static void random_overlay(const struct rules *base, struct strbuf *out)
{
    static const char *const lists[] = {"challenges", "facilitators", "barriers"};
    strbuf_addf(out,
                "format: stagegap-rules/1\nextends: signs-of-safety\nid: generated\n"
                "version: \"1\"\nscoring: {min-coverage: 0, acted-on: 0.%u}\nadd:\n",
                1 + rng_next(9));
    unsigned n_add = 1 + rng_next(4);
    for (unsigned k = 0; k < n_add; k++) {
        const char *stage = base->stages[rng_next((unsigned)base->n_stages)].id;
        strbuf_addf(out,
                    "  - stage: %s\n    %s: [{id: gen.i%u, text: T, level: %s, question: Q?}]\n",
                    stage, lists[rng_next(3)], k, base->levels[0].id);
        const struct rules_item *to = &base->items[rng_next((unsigned)base->n_items)];
        if (to->kind != ITEM_SUGGESTION)
            strbuf_addf(out,
                        "    suggestions: [{id: gen.s%u, text: S, level: %s, question: Q?, "
                        "addresses: [%s, gen.i%u]}]\n",
                        k, base->levels[0].id, to->id, k);
    }
    strbuf_adds(out, "retire:\n");
    unsigned retired = (unsigned)-1;
    for (unsigned k = rng_next(3); k > 0; k--) {
        unsigned i = rng_next((unsigned)base->n_items);
        if (i != retired)
            strbuf_addf(out, "  - {item: %s, reason: generated}\n", base->items[i].id);
        retired = i;
    }
    close_empty_list(out, "retire:\n");
    strbuf_adds(out, "change:\n");
    for (size_t i = 0; i < base->n_items; i++)
        if ((unsigned)i != retired && rng_next(5) == 0)
            strbuf_addf(out, "  - {item: %s, weight: %u.5}\n", base->items[i].id, rng_next(5));
    close_empty_list(out, "change:\n");
}

/* One random answer (0-10, n/a, unknown) per answerable item of f's model, as YAML. */
static void random_overlay_answers(const struct rules *r, const int *values, struct strbuf *out)
{
    for (size_t i = 0; i < r->n_items; i++) {
        if (!r->items[i].question)
            continue;
        if (out->len)
            strbuf_adds(out, ", ");
        if (values[i] >= 0)
            strbuf_addf(out, "%s: %d", r->items[i].id, values[i]);
        else
            strbuf_addf(out, "%s: %s", r->items[i].id, values[i] == -1 ? "n/a" : "unknown");
    }
}

static struct fixture *score_overlay(const char *overlay, const int *values)
{
    struct fixture *f = fixture_new(overlay);
    struct strbuf sb = STRBUF_INIT;
    random_overlay_answers(&f->rules, values, &sb);
    add_respondent_to(f, "signs-of-safety", NULL, sb.buf);
    strbuf_release(&sb);
    compute(f);
    return f;
}

/* The same promises on merged models: an overlay changes the model, never the engine's. */
static void test_score_is_monotone_and_local_on_overlays(void **state)
{
    (void)state;
    struct rules base;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_default(&base, &d), 0);
    rng_state = 20261201;
    int checked = 0, overlays = 0;
    for (int round = 0; round < 300; round++) {
        struct strbuf overlay = STRBUF_INIT;
        struct rules r;
        random_overlay(&base, &overlay);
        if (load_rules_text(&r, overlay.buf, &d) != 0) { /* a generated overlay may be invalid */
            diags_release(&d);
            diags_init(&d);
            strbuf_release(&overlay);
            continue;
        }
        overlays++;
        int *before = calloc(r.n_items, sizeof(int)), *after = calloc(r.n_items, sizeof(int));
        for (size_t i = 0; i < r.n_items; i++) {
            unsigned v = rng_next(14);
            before[i] = v <= 10 ? (int)v : v == 11 ? -1 : -2;
        }
        size_t which = rng_next((unsigned)r.n_items);
        if (r.items[which].question && before[which] >= 0 && before[which] < 10) {
            memcpy(after, before, r.n_items * sizeof(int));
            after[which] = before[which] + 1 + (int)rng_next((unsigned)(10 - before[which]));
            struct fixture *a = score_overlay(overlay.buf, before);
            struct fixture *b = score_overlay(overlay.buf, after);
            const struct rules_item *it = &a->rules.items[which];
            for (size_t st = 0; st < a->rules.n_stages; st++) {
                const struct score_stage *sa = &a->s.stages[st], *sb = &b->s.stages[st];
                assert_int_equal(sa->has_score, sb->has_score);
                if (st != it->stage)
                    assert_true(sa->score == sb->score);
                else if (it->kind == ITEM_BARRIER)
                    assert_true(sb->score <= sa->score + 1e-9);
                else
                    assert_true(sb->score >= sa->score - 1e-9);
            }
            fixture_free(a);
            fixture_free(b);
            checked++;
        }
        free(before);
        free(after);
        rules_release(&r);
        strbuf_release(&overlay);
    }
    assert_true(overlays > 200);
    assert_true(checked > 100);
    rules_release(&base);
    diags_release(&d);
}

static void test_score_is_deterministic(void **state)
{
    (void)state;
    rng_state = 7;
    for (int round = 0; round < 200; round++) {
        int values[TINY_ANSWERABLE];
        random_answers(values);
        struct fixture *a = score_values(values), *b = score_values(values);
        for (size_t st = 0; st < a->rules.n_stages; st++) {
            assert_true(a->s.stages[st].score == b->s.stages[st].score);
            assert_int_equal(a->s.stages[st].n_gaps, b->s.stages[st].n_gaps);
            for (size_t k = 0; k < a->s.stages[st].n_gaps; k++)
                assert_int_equal(a->s.stages[st].gaps[k], b->s.stages[st].gaps[k]);
        }
        fixture_free(a);
        fixture_free(b);
    }
}

static void test_score_respondent_order_does_not_matter(void **state)
{
    (void)state;
    static const char *const people[] = {"start.plan: 3, later.habit: 7",
                                         "start.plan: 8, start.fatigue: 9",
                                         "start.plan: 5, later.habit: unknown"};
    struct fixture *f = fixture_new(test_rules_yaml), *g = fixture_new(test_rules_yaml);
    for (int i = 0; i < 3; i++) {
        add_respondent(f, "x", people[i]);
        add_respondent(g, "x", people[2 - i]);
    }
    compute(f);
    compute(g);
    for (size_t i = 0; i < f->rules.n_items; i++) {
        assert_true(f->s.items[i].answer == g->s.items[i].answer);
        assert_true(f->s.items[i].sd == g->s.items[i].sd);
    }
    for (size_t st = 0; st < f->rules.n_stages; st++)
        assert_true(f->s.stages[st].score == g->s.stages[st].score);
    fixture_free(f);
    fixture_free(g);
}

/* Adds a respondent with an id and a role who wrote note (and evidence) on start.plan. */
static void add_noted(struct fixture *f, const char *id, const char *role, const char *note,
                      const char *evidence)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "format: stagegap-answers/1\nrules: tiny\norganisation: Testshire\n"
                     "date: 2026-09-30\n");
    strbuf_addf(&sb, "respondent: {id: %s, role: %s}\n", id, role);
    strbuf_addf(&sb, "answers: {start.plan: {score: 5, note: \"%s\"", note);
    if (evidence)
        strbuf_addf(&sb, ", evidence: \"%s\"", evidence);
    strbuf_adds(&sb, "}}\n");
    if (assessment_add_buffer(&f->a, "answers.yaml", sb.buf, sb.len, false, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    strbuf_release(&sb);
}

/* The note on start.plan that says text, or fails. */
static const struct answer_note *note_saying(const struct fixture *f, const char *text)
{
    const struct score_item *it = &f->s.items[item(f, "start.plan")];
    for (size_t k = 0; k < it->n_notes; k++)
        if (strcmp(it->notes[k].note, text) == 0)
            return &it->notes[k];
    fail_msg("no note '%s'", text);
    return NULL;
}

/* Six practitioners (p1..p6) and one director (d1), each with a note. */
static struct fixture *six_and_one(void)
{
    struct fixture *f = fixture_new(test_rules_yaml);
    static const char *const said[] = {"f", "b", "e", "a", "d", "c"};
    char id[8];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof(id), "p%d", i + 1);
        add_noted(f, id, "practitioner", said[i], NULL);
    }
    add_noted(f, "d1", "director", "from the director", NULL);
    return f;
}

static void test_score_pooled_notes_have_no_ids_and_no_small_roles(void **state)
{
    (void)state;
    struct fixture *f = six_and_one();
    compute(f);
    const struct score_item *it = &f->s.items[item(f, "start.plan")];
    assert_int_equal(it->n_notes, 7);
    assert_false(f->s.attributed);
    for (size_t k = 0; k < it->n_notes; k++)
        assert_null(it->notes[k].respondent);
    /*
     * A group of one is not named; nor is the group of six, since the one note left
     * without a role would then be the director's.
     */
    assert_null(note_saying(f, "from the director")->role);
    assert_null(note_saying(f, "a")->role);
    assert_null(note_saying(f, "f")->role);
    fixture_free(f);
}

/*
 * A role is shown from SUPPRESS_MIN_GROUP_DEFAULT respondents: not at K - 1, at K and K + 1, when
 * the respondents in smaller groups number K too.
 */
static void test_score_role_shown_from_min_group(void **state)
{
    (void)state;
    assert_int_equal(SUPPRESS_MIN_GROUP_DEFAULT, 5);
    for (int n = SUPPRESS_MIN_GROUP_DEFAULT - 1; n <= SUPPRESS_MIN_GROUP_DEFAULT + 1; n++) {
        struct fixture *f = fixture_new(test_rules_yaml);
        char id[8], note[8];
        for (int i = 0; i < n; i++) {
            snprintf(id, sizeof(id), "m%d", i);
            snprintf(note, sizeof(note), "n%d", i);
            add_noted(f, id, "manager", note, NULL);
        }
        /* Five respondents in small groups: their notes, unlabelled, point at no one. */
        for (int i = 0; i < SUPPRESS_MIN_GROUP_DEFAULT; i++) {
            snprintf(id, sizeof(id), "x%d", i);
            snprintf(note, sizeof(note), "z%d", i);
            add_noted(f, id, i == 0 ? "other" : "another", i == 0 ? "odd one" : note, NULL);
        }
        compute(f);
        bool shown = n >= SUPPRESS_MIN_GROUP_DEFAULT;
        assert_int_equal(score_role_shown(&f->a, "manager", SUPPRESS_MIN_GROUP_DEFAULT), shown);
        const char *role = note_saying(f, "n0")->role;
        if (shown)
            assert_string_equal(role, "manager");
        else
            assert_null(role);
        assert_null(note_saying(f, "odd one")->role);
        assert_false(score_role_shown(&f->a, "other", SUPPRESS_MIN_GROUP_DEFAULT));
        assert_false(score_role_shown(&f->a, NULL, SUPPRESS_MIN_GROUP_DEFAULT));
        assert_false(score_role_shown(&f->a, "nobody", SUPPRESS_MIN_GROUP_DEFAULT));
        /* The threshold is the caller's: at 1, every role is shown. */
        assert_true(score_role_shown(&f->a, "other", 1));
        fixture_free(f);
    }
}

/*
 * Pooled notes come sorted by what they say, then evidence: not by respondent id (p1,
 * p2, ... wrote f, b, ...), not in the order read, and the same whatever that order.
 */
static void test_score_pooled_notes_sorted_by_text(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml), *g = fixture_new(test_rules_yaml);
    static const char *const who[][3] = {{"a1", "zebra", NULL},
                                         {"b2", "apple", "y.doc"},
                                         {"c3", "mango", NULL},
                                         {"d4", "apple", "x.doc"},
                                         {"e5", "kiwi", NULL}};
    for (int i = 0; i < 5; i++) {
        add_noted(f, who[i][0], "practitioner", who[i][1], who[i][2]);
        add_noted(g, who[4 - i][0], "practitioner", who[4 - i][1], who[4 - i][2]);
    }
    compute(f);
    compute(g);
    static const char *const want[][2] = {
        {"apple", "x.doc"}, {"apple", "y.doc"}, {"kiwi", NULL}, {"mango", NULL}, {"zebra", NULL}};
    const struct score_item *fi = &f->s.items[item(f, "start.plan")];
    const struct score_item *gi = &g->s.items[item(g, "start.plan")];
    assert_int_equal(fi->n_notes, 5);
    assert_int_equal(gi->n_notes, 5);
    for (size_t k = 0; k < 5; k++) {
        assert_string_equal(fi->notes[k].note, want[k][0]);
        assert_string_equal(gi->notes[k].note, want[k][0]);
        if (want[k][1]) {
            assert_string_equal(fi->notes[k].evidence, want[k][1]);
            assert_string_equal(gi->notes[k].evidence, want[k][1]);
        } else {
            assert_null(fi->notes[k].evidence);
            assert_null(gi->notes[k].evidence);
        }
        assert_null(fi->notes[k].respondent);
        /* Everyone is a practitioner: one group, which is no breakdown, so no role is
           shown apart, and none beside a note. */
        assert_null(fi->notes[k].role);
    }
    fixture_free(f);
    fixture_free(g);
}

/* --attribute: every note keeps its id and role, sorted by respondent as before. */
static void test_score_attribute_keeps_ids_and_roles(void **state)
{
    (void)state;
    struct fixture *f = six_and_one();
    struct score_options o = {true, SUPPRESS_MIN_GROUP_DEFAULT, false, NULL};
    score_release(&f->s);
    score_compute_with(&f->s, &f->rules, &f->a, &o);
    assert_true(f->s.attributed);
    assert_true(f->s.attribute);
    const struct score_item *it = &f->s.items[item(f, "start.plan")];
    static const char *const ids[] = {"d1", "p1", "p2", "p3", "p4", "p5", "p6"};
    assert_int_equal(it->n_notes, 7);
    for (size_t k = 0; k < 7; k++)
        assert_string_equal(it->notes[k].respondent, ids[k]);
    assert_string_equal(note_saying(f, "from the director")->role, "director");
    fixture_free(f);
}

/* One respondent is not anonymous and is not meant to be: the id and role stay. */
static void test_score_one_respondent_keeps_id(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_noted(f, "d1", "director", "alone", NULL);
    compute(f);
    assert_true(f->s.attributed);
    assert_false(f->s.attribute);
    assert_string_equal(note_saying(f, "alone")->respondent, "d1");
    assert_string_equal(note_saying(f, "alone")->role, "director");
    fixture_free(f);
}

/* yaml with its first from replaced by to (a new string; yaml is freed). */
static char *replace_once(char *yaml, const char *from, const char *to)
{
    const char *at = strstr(yaml, from);
    assert_non_null(at);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, yaml, (size_t)(at - yaml));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    free(yaml);
    return strbuf_detach(&sb, NULL);
}

/* The tiny model with targets; shifted, on a scale of -5 to 10 (to go below zero). */
static char *targets_yaml(bool shifted)
{
    static const char *const edits[][2] = {
        {"question: Is there a plan?, weight: 2}",
         "question: Is there a plan?, weight: 2, target: {score: 6, by: 2026-09-30}}"},
        {"question: Trained?}", "question: Trained?, target: {score: 9, by: 2026-09-30}}"},
        {"question: How tired?}", "question: How tired?, target: {score: 7, by: 2026-09-29}}"},
        {"question: Is it a habit?}",
         "question: Is it a habit?, target: {score: 5, by: 2026-01-01}}"},
        {"        addresses: [start.plan]\n",
         "        addresses: [start.plan]\n        target: {score: 8, by: 2027-01-01}\n"},
    };
    char *yaml = strdup(test_rules_yaml);
    for (size_t k = 0; k < sizeof(edits) / sizeof(edits[0]); k++)
        yaml = replace_once(yaml, edits[k][0], edits[k][1]);
    if (shifted)
        yaml = replace_once(yaml, "min: 0, max: 10", "min: -5, max: 10");
    return yaml;
}

static void expect_target(const struct fixture *f, const char *id, enum score_target_status status,
                          const char *distance)
{
    struct score_target t;
    size_t i = (size_t)item(f, id);
    assert_true(score_item_has_target(&f->s, i));
    score_target_of(&f->s, i, &t);
    struct strbuf sb = STRBUF_INIT;
    exact_format(&sb, &t.distance, false, 3);
    if (t.status != status || strcmp(sb.buf, distance) != 0)
        fail_msg("%s: %s, %s; expected %s, %s", id, score_target_status_id(t.status), sb.buf,
                 score_target_status_id(status), distance);
    strbuf_release(&sb);
    score_target_release(&t);
}

/* The answers are dated 2026-09-30 (add_respondent). */
static void test_score_target_status_edges(void **state)
{
    (void)state;
    char *yaml = targets_yaml(false);
    struct fixture *f = fixture_new(yaml);
    add_respondent(f, NULL,
                   "start.plan: 6, start.training: 8, start.fatigue: 7, "
                   "start.do-plan: n/a, later.habit: unknown");
    compute(f);
    assert_int_equal(score_targets_count(&f->s), 5);
    assert_false(score_item_has_target(&f->s, (size_t)item(f, "later.context")));
    /* Reached at equality; a barrier's ceiling too (and a day late does not matter). */
    expect_target(f, "start.plan", TARGET_MET, "0.000");
    expect_target(f, "start.fatigue", TARGET_MET, "0.000");
    /* Due on the assessment's own date: not yet overdue. */
    expect_target(f, "start.training", TARGET_NOT_MET, "1.000");
    /* n/a and unknown have no answer to measure. */
    expect_target(f, "start.do-plan", TARGET_NO_ANSWER, "0.000");
    expect_target(f, "later.habit", TARGET_NO_ANSWER, "0.000");
    fixture_free(f);

    /* The day after: overdue; a barrier above its ceiling is answer - target away. */
    f = fixture_new(yaml);
    add_respondent(f, NULL, "start.plan: 5.5, start.training: 10, start.fatigue: 8");
    add_respondent(f, NULL, "start.plan: 6, start.training: 9, start.fatigue: 8.5, later.habit: 3");
    compute(f);
    expect_target(f, "start.plan", TARGET_NOT_MET, "0.250");
    expect_target(f, "start.training", TARGET_MET, "0.000");
    expect_target(f, "start.fatigue", TARGET_OVERDUE, "1.250");
    expect_target(f, "later.habit", TARGET_OVERDUE, "2.000");
    expect_target(f, "start.do-plan", TARGET_NO_ANSWER, "0.000");
    fixture_free(f);
    free(yaml);

    /* A scale below zero: a target of 1 is 4 from an answer of -3, exactly. */
    yaml = targets_yaml(true);
    yaml = replace_once(yaml, "score: 6,", "score: 1,");
    f = fixture_new(yaml);
    add_respondent(f, NULL, "start.plan: -3, start.training: -5, start.fatigue: -5");
    add_respondent(f, NULL, "start.plan: -3, start.training: -4, start.fatigue: 5");
    compute(f);
    expect_target(f, "start.plan", TARGET_NOT_MET, "4.000");
    expect_target(f, "start.training", TARGET_NOT_MET, "13.500");
    expect_target(f, "start.fatigue", TARGET_MET, "0.000");
    fixture_free(f);
    free(yaml);
}

static void test_score_target_status_words(void **state)
{
    (void)state;
    assert_string_equal(score_target_status_id(TARGET_MET), "met");
    assert_string_equal(score_target_status_id(TARGET_NOT_MET), "not-met");
    assert_string_equal(score_target_status_id(TARGET_OVERDUE), "overdue");
    assert_string_equal(score_target_status_id(TARGET_NO_ANSWER), "no-answer");
    assert_string_equal(score_target_status_text(TARGET_NOT_MET), "not met");
    assert_string_equal(score_target_status_text(TARGET_NO_ANSWER), "no answer");
}

/* Targets are a second view: every number the score has is the same without them. */
static void test_score_targets_change_no_score(void **state)
{
    (void)state;
    char *yaml = targets_yaml(false);
    struct fixture *with = fixture_new(yaml), *without = fixture_new(test_rules_yaml);
    struct fixture *both[] = {with, without};
    for (size_t k = 0; k < 2; k++) {
        add_respondent(both[k], "lead",
                       "start.plan: 3, start.training: 8, start.fatigue: 9, "
                       "start.do-plan: 2, later.habit: 4");
        add_respondent(both[k], "worker",
                       "start.plan: 7, start.training: 2, start.fatigue: 1, "
                       "start.do-plan: 9, later.habit: unknown");
        compute(both[k]);
    }
    const struct score *a = &with->s, *b = &without->s;
    assert_int_equal(a->focus, b->focus);
    for (size_t st = 0; st < with->rules.n_stages; st++) {
        assert_int_equal(a->stages[st].has_score, b->stages[st].has_score);
        assert_int_equal(exact_cmp(&a->stages[st].score_exact, &b->stages[st].score_exact), 0);
        assert_int_equal(a->stages[st].band, b->stages[st].band);
        assert_int_equal(a->stages[st].n_gaps, b->stages[st].n_gaps);
        for (size_t g = 0; g < a->stages[st].n_gaps; g++)
            assert_int_equal(a->stages[st].gaps[g], b->stages[st].gaps[g]);
    }
    for (size_t i = 0; i < with->rules.n_items; i++) {
        assert_int_equal(a->items[i].state, b->items[i].state);
        assert_int_equal(exact_cmp(&a->items[i].impact_exact, &b->items[i].impact_exact), 0);
    }
    assert_int_equal(a->n_suggestions, b->n_suggestions);
    for (size_t k = 0; k < a->n_suggestions; k++) {
        assert_int_equal(
            exact_cmp(&a->suggestions[k].points_exact, &b->suggestions[k].points_exact), 0);
        assert_int_equal(a->suggestions[k].priority, b->suggestions[k].priority);
        assert_int_equal(a->by_priority[k], b->by_priority[k]);
    }
    fixture_free(with);
    fixture_free(without);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score_worked_example),
        cmocka_unit_test(test_score_closing_a_gap_gains_its_impact),
        cmocka_unit_test(test_score_acted_on_suggestion),
        cmocka_unit_test(test_score_focus_stage_actions_come_first),
        cmocka_unit_test(test_score_acted_on_ranks_apart_to_keep_going),
        cmocka_unit_test(test_score_actions_by_kind_in_priority_order),
        cmocka_unit_test(test_score_unranked_of_and_gaps),
        cmocka_unit_test(test_score_na_leaves_the_denominator),
        cmocka_unit_test(test_score_low_coverage_is_insufficient_data),
        cmocka_unit_test(test_score_min_coverage_is_configurable),
        cmocka_unit_test(test_score_focus_is_earliest_stage_not_in_top_band),
        cmocka_unit_test(test_score_flags_later_strength_on_weak_earlier_stage),
        cmocka_unit_test(test_score_many_respondents_and_roles),
        cmocka_unit_test(test_score_breakdown_by_default_quiet_without_roles),
        cmocka_unit_test(test_score_breakdown_rows),
        cmocka_unit_test(test_score_breakdown_two_way),
        cmocka_unit_test(test_score_one_partition_under_every_figure),
        cmocka_unit_test(test_score_breakdowns_aligned),
        cmocka_unit_test(test_score_is_monotone_and_local),
        cmocka_unit_test(test_score_is_monotone_and_local_on_overlays),
        cmocka_unit_test(test_score_is_deterministic),
        cmocka_unit_test(test_score_respondent_order_does_not_matter),
        cmocka_unit_test(test_score_pooled_notes_have_no_ids_and_no_small_roles),
        cmocka_unit_test(test_score_role_shown_from_min_group),
        cmocka_unit_test(test_score_pooled_notes_sorted_by_text),
        cmocka_unit_test(test_score_attribute_keeps_ids_and_roles),
        cmocka_unit_test(test_score_one_respondent_keeps_id),
        cmocka_unit_test(test_score_target_status_edges),
        cmocka_unit_test(test_score_target_status_words),
        cmocka_unit_test(test_score_targets_change_no_score),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
