/*
 * test_headcount.c - headcount files (headcount.h) and participation (participation.h):
 * a headcount read with its groups; every loader error at its place, hostile values
 * beside happy ones; respondents set beside it, with rows only for groups shown apart,
 * and more answered than asked refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "answers.h"
#include "headcount.h"
#include "participation.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"

static struct headcount h;
static struct diags d;

static int load(const char *yaml)
{
    headcount_release(&h);
    diags_release(&d);
    diags_init(&d);
    return headcount_load_buffer(&h, "h.yaml", yaml, strlen(yaml), &d);
}

static int setup(void **state)
{
    (void)state;
    headcount_init(&h);
    diags_init(&d);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    headcount_release(&h);
    diags_release(&d);
    return 0;
}

static void test_headcount_happy(void **state)
{
    (void)state;
    assert_int_equal(load("format: stagegap-headcount/1\n"
                          "organisation: Riverside\n"
                          "date: 2026-09-01\n"
                          "invited: 140\n"
                          "groups:\n"
                          "  team: {Northside: 9, Southside: 12}\n"
                          "  role:\n"
                          "    practitioner: 80\n"),
                     0);
    assert_int_equal(d.n, 0);
    assert_string_equal(h.file, "h.yaml");
    assert_string_equal(h.organisation, "Riverside");
    assert_string_equal(h.date, "2026-09-01");
    assert_int_equal(h.invited, 140);
    assert_int_equal(h.line, 4);
    assert_int_equal(h.column, 10);
    assert_int_equal(h.n_groups, 3);
    assert_string_equal(h.groups[0].field, "team");
    assert_string_equal(h.groups[0].value, "Northside");
    assert_int_equal(h.groups[0].invited, 9);
    assert_int_equal(h.groups[2].line, 8);
    assert_int_equal(h.groups[2].column, 5);
    /* Matched as respondents' groups are: case and the spaces around it aside. */
    assert_ptr_equal(headcount_find(&h, "team", " northside "), &h.groups[0]);
    assert_null(headcount_find(&h, "role", "Northside"));
    assert_null(headcount_find(&h, "team", NULL));
    assert_true(headcount_has_field(&h, "role"));
    assert_false(headcount_has_field(&h, "locality"));
    /* A total alone, and no groups. */
    assert_int_equal(load("format: stagegap-headcount/1\ninvited: 1\ngroups: {}\n"), 0);
    assert_int_equal(h.n_groups, 0);
    headcount_set_total(&h, 22);
    assert_int_equal(h.invited, 22);
    assert_string_equal(h.file, "--invited");
    assert_int_equal(h.n_groups, 0);
}

/* yaml must fail with msg at line:column, and leave h empty. */
static void expect(const char *yaml, unsigned line, unsigned column, const char *msg)
{
    assert_int_equal(load(yaml), -1);
    assert_diag(&d, line, column, msg);
    assert_int_equal(h.invited, 0);
    assert_int_equal(h.n_groups, 0);
    assert_null(h.file);
}

static void test_headcount_format_errors(void **state)
{
    (void)state;
    expect("", 1, 1, "empty file; a headcount file starts with 'format: stagegap-headcount/1'");
    expect("invited: 5\n", 1, 1,
           "no 'format' key; a headcount file starts with 'format: stagegap-headcount/1'");
    expect("format: stagegap-headcount/2\ninvited: 5\n", 1, 9,
           "format must be 'stagegap-headcount/1'");
    expect("format: stagegap-answers/1\ninvited: 5\n", 1, 9,
           "this is an answers file, not a headcount file");
    expect("format: stagegap-share/1\n", 1, 9, "this is a share file, not a headcount file");
    expect("format: stagegap-rules/1\n", 1, 9, "this is a rules file, not a headcount file");
    expect("- format: stagegap-headcount/1\n", 1, 1,
           "a headcount file must be a mapping, not a list");
    expect("format: stagegap-headcount/1\n", 1, 1,
           "the headcount file is missing the required key 'invited'");
    expect("format: stagegap-headcount/1\ninvited: 5\ninvitd: 5\n", 3, 1,
           "unknown key 'invitd' in the headcount file; did you mean 'invited'?");
    expect("format: stagegap-headcount/1\ninvited: 5\ndate: 2026-02-30\n", 3, 7,
           "date must be a real date, YYYY-MM-DD");
}

static void test_headcount_hostile_numbers(void **state)
{
    (void)state;
    expect("format: stagegap-headcount/1\ninvited: -4\n", 2, 10,
           "invited must be from 1 to 10000000, not -4");
    expect("format: stagegap-headcount/1\ninvited: 0\n", 2, 10,
           "invited must be from 1 to 10000000, not 0");
    expect("format: stagegap-headcount/1\ninvited: 99999999999999999999\n", 2, 10,
           "invited must be from 1 to 10000000, not 99999999999999999999");
    expect("format: stagegap-headcount/1\ninvited: 12.5\n", 2, 10,
           "invited must be a whole number, not 12.5");
    expect("format: stagegap-headcount/1\ninvited: many\n", 2, 10,
           "invited must be a number, not 'many'");
    expect("format: stagegap-headcount/1\ninvited: \"40\"\n", 2, 10,
           "invited must be a number, not '40' (numbers are written without quotes)");
    expect("format: stagegap-headcount/1\ninvited: .nan\n", 2, 10,
           "invited must be a number, not '.nan'");
    expect("format: stagegap-headcount/1\ninvited: 40\ngroups: {team: {North: -1}}\n", 3, 24,
           "a group's headcount must be from 1 to 10000000, not -1");
    expect("format: stagegap-headcount/1\ninvited: 40\ngroups: {team: {North: 1e300}}\n", 3, 24,
           "a group's headcount must be from 1 to 10000000, not 1e300");
}

static void test_headcount_group_errors(void **state)
{
    (void)state;
    expect("format: stagegap-headcount/1\ninvited: 40\ngroups:\n  team:\n    North: 9\n"
           "    north : 3\n",
           6, 5,
           "group 'north' of 'team' is given twice, first at line 5 (groups are matched "
           "whatever their case and the spaces around them); keep one");
    /* The same key twice is refused by the YAML reader itself. */
    assert_int_equal(load("format: stagegap-headcount/1\ninvited: 40\ngroups:\n  team:\n"
                          "    North: 9\n    North: 3\n"),
                     -1);
    expect("format: stagegap-headcount/1\ninvited: 10\ngroups:\n  team: {North: 6, South: 5}\n", 4,
           3,
           "the groups of 'team' add up to 11 staff, more than the 10 invited in total; a part "
           "cannot be larger than the whole");
    expect("format: stagegap-headcount/1\ninvited: 10\ngroups:\n  Team: {North: 6}\n", 4, 3,
           "a field of groups 'Team' is not a valid id: use lowercase letters, digits, '-', '.' "
           "and '_', starting with a letter or digit, at most 128 characters");
    expect("format: stagegap-headcount/1\ninvited: 10\ngroups:\n  team: [North, South]\n", 4, 9,
           "the groups of a field must be a mapping, not a list");
    expect("format: stagegap-headcount/1\ninvited: 10\ngroups: [team]\n", 3, 9,
           "groups must be a mapping, not a list");
    expect("format: stagegap-headcount/1\ninvited: 10\ngroups:\n  team: {\"\": 3}\n", 4, 10,
           "a group's name must be text, not empty text");
    /* Too many groups of one field. */
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "format: stagegap-headcount/1\ninvited: 10000000\ngroups:\n  team:\n");
    for (int k = 0; k <= HEADCOUNT_GROUPS_MAX; k++)
        strbuf_addf(&sb, "    t%d: 1\n", k);
    expect(strbuf_str(&sb), 4 + HEADCOUNT_GROUPS_MAX + 1, 5, "more than 1000 groups of 'team'");
    strbuf_release(&sb);
}

/* ---- participation ---- */

struct fixture {
    struct rules rules;
    struct assessment a;
    struct score s;
    struct participation p;
};

static int pop_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&d);
    headcount_init(&h);
    int rc = load_rules_text(&f->rules, test_rules_yaml, &d);
    assessment_init(&f->a, &f->rules);
    score_init(&f->s);
    participation_init(&f->p);
    *state = f;
    return rc;
}

static int pop_teardown(void **state)
{
    struct fixture *f = *state;
    participation_release(&f->p);
    score_release(&f->s);
    assessment_release(&f->a);
    rules_release(&f->rules);
    headcount_release(&h);
    diags_release(&d);
    free(f);
    return 0;
}

/* Respondents in teams: n[k] of team names[k], broken down by team. */
static void population(struct fixture *f, const char *const *names, const size_t *n, size_t teams)
{
    const char *by[] = {"team"};
    assessment_break_down_by(&f->a, by, 1);
    size_t id = 0;
    for (size_t t = 0; t < teams; t++)
        for (size_t k = 0; k < n[t]; k++) {
            struct strbuf sb = STRBUF_INIT;
            strbuf_addf(&sb,
                        "format: stagegap-answers/1\nrules: tiny\norganisation: Anytown\n"
                        "date: 2026-09-30\nrespondent: {id: p%zu, groups: {team: %s}}\n"
                        "answers:\n  start.plan: %zu\n  start.fatigue: 4\n",
                        id, names[t], 3 + id % 5);
            char file[32];
            snprintf(file, sizeof(file), "r%zu.yaml", id++);
            assert_int_equal(assessment_add_buffer(&f->a, file, sb.buf, sb.len, false, &d), 0);
            strbuf_release(&sb);
        }
    struct score_options o = {false, SUPPRESS_MIN_GROUP_DEFAULT, false, NULL};
    score_compute_with(&f->s, &f->rules, &f->a, &o);
}

static void test_participation_rows_only_for_groups_shown(void **state)
{
    struct fixture *f = *state;
    static const char *const names[] = {"North", "South", "East", "West"};
    static const size_t n[] = {6, 7, 3, 2};
    population(f, names, n, 4);
    assert_int_equal(load("format: stagegap-headcount/1\ninvited: 40\ngroups:\n"
                          "  team: {North: 9, south: 12, East: 4, West: 3}\n"),
                     0);
    assert_int_equal(participation_compute(&f->p, &f->s, &h, &d), 0);
    assert_int_equal(f->p.answered, 18);
    assert_int_equal(f->p.invited, 40);
    assert_true(f->p.low); /* 45% */
    assert_string_equal(f->p.field, "team");
    /* North and South are shown; East and West (3 and 2) are pooled into Other groups,
       which gets no row. */
    assert_int_equal(f->p.n_rows, 2);
    for (size_t k = 0; k < f->p.n_rows; k++) {
        const struct score_group *g = &f->s.breakdown.groups[f->p.rows[k].group];
        assert_false(g->pooled);
        assert_int_equal(f->p.rows[k].answered, g->respondents);
    }
    assert_int_equal(f->p.rows[0].invited, 9);
    assert_int_equal(f->p.rows[1].invited, 12);
}

static void test_participation_more_than_asked(void **state)
{
    struct fixture *f = *state;
    static const char *const names[] = {"North", "South"};
    static const size_t n[] = {6, 2};
    population(f, names, n, 2);
    /* The whole. */
    assert_int_equal(load("format: stagegap-headcount/1\ninvited: 7\n"), 0);
    assert_int_equal(participation_compute(&f->p, &f->s, &h, &d), -1);
    assert_diag(&d, 2, 10,
                "8 staff answered, more than the 7 invited; correct the headcount, or look for "
                "an answers file given twice");
    assert_int_equal(f->p.invited, 0);
    /* A group under the threshold: said to whoever runs the report, never printed in it. */
    assert_int_equal(load("format: stagegap-headcount/1\ninvited: 70\ngroups:\n"
                          "  team: {North: 9, South: 1, Nrth: 3}\n"),
                     0);
    assert_int_equal(participation_compute(&f->p, &f->s, &h, &d), -1);
    assert_diag(&d, 4, 20,
                "2 respondents give team 'South', more than the 1 invited; correct the "
                "headcount, or look for an answers file given twice");
    assert_diag(&d, 4, 30,
                "no respondent gives team 'Nrth': nobody in it answered, or the answers spell it "
                "otherwise (did you mean 'North'?)");
    /* --invited is located at no line. */
    headcount_set_total(&h, 5);
    assert_int_equal(participation_compute(&f->p, &f->s, &h, &d), -1);
    assert_diag(&d, 0, 0,
                "8 staff answered, more than the 5 invited; correct the headcount, or look for "
                "an answers file given twice");
}

/* A headcount taken long before the survey may count other staff: a warning, no more. */
static void test_participation_stale_headcount(void **state)
{
    struct fixture *f = *state;
    static const char *const names[] = {"North"};
    static const size_t n[] = {6};
    population(f, names, n, 1);
    assert_int_equal(load("format: stagegap-headcount/1\ndate: 2026-01-31\ninvited: 9\n"), 0);
    assert_int_equal(participation_compute(&f->p, &f->s, &h, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_diag(&d, 2, 7,
                "the headcount is dated 2026-01-31, 242 days before the assessment "
                "(2026-09-30); staff may have come and gone since, so check it counts the staff "
                "who were asked");
    participation_release(&f->p);
    /* Within a quarter: nothing to say. */
    assert_int_equal(load("format: stagegap-headcount/1\ndate: 2026-07-01\ninvited: 9\n"), 0);
    assert_int_equal(participation_compute(&f->p, &f->s, &h, &d), 0);
    assert_int_equal(d.n, 0);
}

static void test_participation_percent(void **state)
{
    (void)state;
    assert_int_equal(participation_percent(22, 140), 16); /* 15.71 */
    assert_int_equal(participation_percent(1, 8), 13);    /* 12.5 rounds up */
    assert_int_equal(participation_percent(5, 10), 50);
    assert_int_equal(participation_percent(10, 10), 100);
    assert_int_equal(participation_percent(1, 10000000), 0);
    assert_int_equal(participation_percent(0, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_headcount_happy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headcount_format_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headcount_hostile_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headcount_group_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_participation_rows_only_for_groups_shown, pop_setup,
                                        pop_teardown),
        cmocka_unit_test_setup_teardown(test_participation_more_than_asked, pop_setup,
                                        pop_teardown),
        cmocka_unit_test_setup_teardown(test_participation_stale_headcount, pop_setup,
                                        pop_teardown),
        cmocka_unit_test(test_participation_percent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
