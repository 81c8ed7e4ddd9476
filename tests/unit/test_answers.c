/*
 * test_answers.c - reading stagegap-answers/1 files against test_rules_yaml's model
 * ("tiny": start.plan, start.training, start.fatigue, start.do-plan, later.habit, and
 * later.context, which is context only): pooling respondents, and every problem an
 * answers file can have, each with its exact message, line and column.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "answers.h"
#include "exact.h"
#include "date.h"
#include "dirlist.h"
#include "strbuf.h"

/* Lines: 1 format, 2 rules, 3 organisation, 4 date, 5 respondent, 6 answers:, 7-11. */
static const char *const base_answers =
    "format: stagegap-answers/1\n"
    "rules: tiny\n"
    "organisation: Anytown\n"
    "date: 2026-09-30\n"
    "respondent: {id: r1, role: practitioner}\n"
    "answers:\n"
    "  start.plan: 7\n"
    "  start.training: {score: 4, note: pilot teams only, evidence: audit}\n"
    "  start.fatigue: n/a\n"
    "  start.do-plan: unknown\n"
    "  later.habit: 5\n";

struct fixture {
    struct rules rules;
    struct assessment a;
    struct diags d;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    if (load_rules_text(&f->rules, test_rules_yaml, &f->d) != 0)
        return -1;
    assessment_init(&f->a, &f->rules);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    assessment_release(&f->a);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
    return 0;
}

static int add(struct fixture *f, const char *file, const char *yaml, bool strict)
{
    return assessment_add_buffer(&f->a, file, yaml, strlen(yaml), strict, &f->d);
}

/* base_answers with the first from replaced by to (malloc'd). */
static char *answers_with(const char *from, const char *to)
{
    const char *at = strstr(base_answers, from);
    if (!at)
        fail_msg("'%s' is not in the base answers", from);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, base_answers, (size_t)(at - base_answers));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    return strbuf_detach(&sb, NULL);
}

/* Adds base_answers edited once; expects exactly this one problem, nothing folded in. */
static void expect_only(struct fixture *f, const char *from, const char *to, unsigned line,
                        unsigned column, const char *msg)
{
    char *yaml = answers_with(from, to);
    size_t respondents = f->a.respondents, n = f->a.items[0].n;
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(add(f, "a.yaml", yaml, false), -1);
    assert_diag(&f->d, line, column, msg);
    if (f->d.errors != 1) {
        print_diags(&f->d);
        fail_msg("expected one problem, got %zu", f->d.errors);
    }
    assert_int_equal(f->a.respondents, respondents);
    assert_int_equal(f->a.items[0].n, n);
    free(yaml);
}

static void expect_fails(struct fixture *f, const char *yaml, unsigned line, unsigned column,
                         const char *msg)
{
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(add(f, "a.yaml", yaml, false), -1);
    assert_diag(&f->d, line, column, msg);
    assert_int_equal(f->a.respondents, 0);
}

static void test_answers_valid_file_is_folded_in(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "a.yaml", base_answers, false), 0);
    assert_int_equal(f->d.n, 0);
    assert_int_equal(f->a.respondents, 1);
    assert_string_equal(f->a.organisation, "Anytown");
    assert_string_equal(f->a.date, "2026-09-30");
    assert_string_equal(f->a.first_file, "a.yaml");
    const struct item_tally *t = f->a.items;
    assert_int_equal(t[0].n, 1);
    assert_true(item_tally_mean(&t[0]) == 7);
    assert_int_equal(item_tally_state(&t[0]), ANSWER_SCORE);
    assert_true(t[1].sum == 4 * EXACT_SCALE);
    assert_int_equal(item_tally_state(&t[2]), ANSWER_NA);
    assert_int_equal(t[2].n_na, 1);
    assert_int_equal(item_tally_state(&t[3]), ANSWER_UNKNOWN);
    assert_int_equal(t[3].n_unknown, 1);
    assert_int_equal(item_tally_state(&t[5]), ANSWER_NONE);
    /* Notes and evidence are kept with who wrote them. */
    assert_int_equal(t[1].n_notes, 1);
    assert_string_equal(t[1].notes[0].note, "pilot teams only");
    assert_string_equal(t[1].notes[0].evidence, "audit");
    assert_string_equal(t[1].notes[0].respondent, "r1");
    assert_string_equal(t[1].notes[0].role, "practitioner");
    assert_int_equal(t[0].n_notes, 0);
    assert_int_equal(f->a.n_roles, 1);
    assert_string_equal(f->a.roles[0].role, "practitioner");
}

/* n/a and unknown in any case, quoted or not; an empty answer is no answer. */
static void test_answers_words_and_empty(void **state)
{
    struct fixture *f = *state;
    char *yaml = answers_with("start.fatigue: n/a\n  start.do-plan: unknown\n  later.habit: 5\n",
                              "start.fatigue: N/A\n  start.do-plan: \"Unknown\"\n  later.habit:\n");
    assert_int_equal(add(f, "a.yaml", yaml, false), 0);
    assert_int_equal(f->a.items[2].n_na, 1);
    assert_int_equal(f->a.items[3].n_unknown, 1);
    assert_int_equal(item_tally_state(&f->a.items[4]), ANSWER_NONE);
    free(yaml);
    /* A control character does not fold into a letter: "N\x0fA" is not n/a. */
    expect_only(f, "start.fatigue: n/a", "start.fatigue: \"N\\x0fA\"", 9, 18,
                "the answer to 'start.fatigue' must be a number from 0 to 10, n/a or "
                "unknown, not 'N\\x0fA'");
}

static void test_answers_unknown_items(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "start.plan: 7", "start.plam: 7", 7, 3,
                "unknown item 'start.plam' in model 'tiny'; did you mean 'start.plan'?");
    expect_only(f, "later.habit: 5", "later.habbit: 5", 11, 3,
                "unknown item 'later.habbit' in model 'tiny'; did you mean 'later.habit'?");
    expect_only(f, "later.habit: 5", "elsewhere.entirely: 5", 11, 3,
                "unknown item 'elsewhere.entirely' in model 'tiny'; 'stagegap init' writes "
                "every item's id");
    expect_only(f, "later.habit: 5", "\"later.\\e[31mhabit\": 5", 11, 3,
                "unknown item 'later.\\x1b[31mhabit' in model 'tiny'; did you mean "
                "'later.habit'?");
}

static void test_answers_off_the_scale(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "start.plan: 7", "start.plan: 11", 7, 15,
                "the answer to 'start.plan' must be from 0 to 10, not 11");
    expect_only(f, "start.plan: 7", "start.plan: -1", 7, 15,
                "the answer to 'start.plan' must be from 0 to 10, not -1");
    expect_only(f, "{score: 4,", "{score: 10.5,", 8, 27,
                "the answer to 'start.training' must be from 0 to 10, not 10.5");
    expect_only(
        f, "start.plan: 7", "start.plan: lots", 7, 15,
        "the answer to 'start.plan' must be a number from 0 to 10, n/a or unknown, not 'lots'");
    expect_only(f, "start.plan: 7", "start.plan: \"7\"", 7, 15,
                "the answer to 'start.plan' must be a number from 0 to 10, n/a or unknown, "
                "not '7' (numbers are written without quotes)");
    expect_only(f, "start.plan: 7", "start.plan: 'soon'", 7, 15,
                "the answer to 'start.plan' must be a number from 0 to 10, n/a or unknown, "
                "not 'soon'");
    expect_only(f, "start.plan: 7", "start.plan: [7]", 7, 15,
                "the answer to 'start.plan' must be a number from 0 to 10, n/a or unknown, "
                "not a list");
    expect_only(
        f, "start.plan: 7", "start.plan: .inf", 7, 15,
        "the answer to 'start.plan' must be a number from 0 to 10, n/a or unknown, not '.inf'");
    /* Answers are held exactly: three decimal places at most, trailing zeros free. */
    expect_only(f, "start.plan: 7", "start.plan: 6.6667", 7, 15,
                "the answer to 'start.plan' has more than 3 decimal places (6.6667); numbers "
                "are held exactly to 3 places, so round it");
    expect_only(f, "{score: 4,", "{score: 4.0001,", 8, 27,
                "the answer to 'start.training' has more than 3 decimal places (4.0001); "
                "numbers are held exactly to 3 places, so round it");
    /* A decimal on the scale is an answer. */
    char *yaml = answers_with("start.plan: 7", "start.plan: 6.5");
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(add(f, "a.yaml", yaml, false), 0);
    assert_true(f->a.items[0].sum == 6500);
    free(yaml);
    yaml = answers_with("start.plan: 7", "start.plan: 6.667000");
    assert_int_equal(add(f, "a.yaml", yaml, false), 0);
    assert_true(f->a.items[0].sum == 6500 + 6667);
    free(yaml);
}

static void test_answers_for_another_model(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "rules: tiny", "rules: signs-of-safety", 2, 8,
                "these answers are for the model 'signs-of-safety', but the rules loaded are "
                "'tiny'; pass the matching rules with --rules");
}

static void test_answers_bad_dates(void **state)
{
    struct fixture *f = *state;
    static const char *const bad[] = {"date: 2026-02-30", "date: 2026-13-01",
                                      "date: yesterday",  "date: 2026-9-30",
                                      "date: 1899-12-31", "date: \"2026-09-30 \""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        expect_only(f, "date: 2026-09-30", bad[i], 4, 7,
                    "date must be a calendar date written YYYY-MM-DD, like 2026-09-30");
    expect_only(f, "date: 2026-09-30", "date: [2026]", 4, 7, "date must be text, not a list");
}

static void test_answers_date_valid(void **state)
{
    (void)state;
    assert_true(date_valid("2026-09-30"));
    assert_true(date_valid("2024-02-29"));
    assert_true(date_valid("2000-02-29"));
    assert_false(date_valid("2100-02-29"));
    assert_false(date_valid("2026-02-29"));
    assert_false(date_valid("2026-04-31"));
    assert_false(date_valid("2026-00-10"));
    assert_false(date_valid("2026-01-00"));
    assert_false(date_valid("2026/01/01"));
    assert_false(date_valid("2026-01-01T00:00"));
    assert_false(date_valid("+026-01-01"));
    assert_false(date_valid(""));
    /* Each digit read in its place: the edges of the year, month and day. */
    assert_true(date_valid("1900-01-01"));
    assert_false(date_valid("1899-12-31"));
    assert_true(date_valid("9999-12-31"));
    assert_false(date_valid("2026-13-01"));
    assert_true(date_valid("2026-10-31"));
    assert_false(date_valid("2026-11-31"));
    assert_true(date_valid("2026-01-19"));
}

static void test_answers_given_twice(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "later.habit: 5", "later.habit: 5\n  start.plan: 3", 12, 3,
                "duplicate key 'start.plan', first given at line 7; keep only one");
}

static void test_answers_comments(void **state)
{
    struct fixture *f = *state;
    char *yaml = answers_with("answers:\n", "comments:\n  - {about: Anything else?, text: More "
                                            "time}\n  - {text: \"Two\\nlines\"}\nanswers:\n");
    assert_int_equal(add(f, "a.yaml", yaml, false), 0);
    assert_int_equal(f->a.n_comments, 2);
    assert_string_equal(f->a.comments[0].about, "Anything else?");
    assert_string_equal(f->a.comments[0].text, "More time");
    assert_null(f->a.comments[1].about);
    assert_string_equal(f->a.comments[1].text, "Two\nlines");
    free(yaml);
    /* Lines 6 and 7 hold the comments; answers: moves to line 8. */
    expect_only(f, "answers:\n", "comments: more time\nanswers:\n", 6, 11,
                "comments must be a list, not text");
    expect_only(f, "answers:\n", "comments:\n  - more time\nanswers:\n", 7, 5,
                "a comment must be a mapping, not text");
    expect_only(f, "answers:\n", "comments:\n  - {about: x}\nanswers:\n", 7, 5,
                "a comment is missing the required key 'text'");
    expect_only(f, "answers:\n", "comments:\n  - {text: x, by: r1}\nanswers:\n", 7, 15,
                "unknown key 'by' in a comment");
    expect_only(f, "answers:\n", "comments:\n  - {text: \"\"}\nanswers:\n", 7, 12,
                "a comment's text must be text, not empty text");
}

/* respondent.groups: field names, values, the refused keys, each error located. */
static void test_answers_groups(void **state)
{
    struct fixture *f = *state;
    const char *role = "{id: r1, role: practitioner}";
    expect_only(f, role, "{id: r1, groups: [team]}", 5, 30,
                "respondent groups must be a mapping, not a list");
    expect_only(f, role, "{id: r1, groups: {Team: North}}", 5, 31,
                "a group's field name 'Team' is not a valid id: use lowercase letters, digits, "
                "'-', '.' and '_', starting with a letter or digit, at most 128 characters");
    expect_only(f, role, "{id: r1, groups: {role: manager}}", 5, 31,
                "'role' is given as respondent.role, not in groups");
    expect_only(f, role, "{id: r1, groups: {id: r9}}", 5, 31,
                "'id' is given as respondent.id, not in groups");
    expect_only(f, role, "{id: r1, groups: {team: ~}}", 5, 37,
                "the group 'team' must be text, not nothing");
    expect_only(f, role, "{id: r1, groups: {team: {name: x}}}", 5, 37,
                "the group 'team' must be text, not a mapping");
    expect_only(f, role, "{id: r1, groups: {team: North}, grups: x}", 5, 45,
                "unknown key 'grups' in respondent; did you mean 'groups'?");
    /* 21 fields: the error is at the 21st. */
    struct strbuf many = STRBUF_INIT;
    strbuf_adds(&many, "{id: r1, groups: {");
    size_t column = 0;
    for (int k = 1; k <= ANSWERS_GROUP_FIELDS_MAX + 1; k++) {
        if (k == ANSWERS_GROUP_FIELDS_MAX + 1)
            column = many.len + 1; /* the ", " before the 21st, 1-based */
        strbuf_addf(&many, "%sf%d: v", k > 1 ? ", " : "", k);
    }
    strbuf_adds(&many, "}}");
    expect_only(f, role, strbuf_str(&many), 5, (unsigned)(column + 14),
                "more than 20 groups for one respondent; give the few the reports are broken "
                "down by");
    strbuf_release(&many);
    /* Valid: numbers are read as their text; null groups are none. */
    char *ok = answers_with(role, "{id: r1, groups: {team: North, years-in-post: 3}}");
    assert_int_equal(add(f, "ok.yaml", ok, false), 0);
    free(ok);
    ok = answers_with(role, "{id: r2, groups: ~}");
    assert_int_equal(add(f, "ok2.yaml", ok, false), 0);
    free(ok);
    assert_true(assessment_field_given(&f->a, "team"));
    assert_true(assessment_field_given(&f->a, "years-in-post"));
    assert_false(assessment_field_given(&f->a, "locality"));
    assert_false(assessment_field_given(&f->a, ANSWERS_FIELD_ROLE));
}

/* Groups of the fields broken down by: a tally each, a respondent giving none in one. */
static void test_answers_groups_tallied(void **state)
{
    struct fixture *f = *state;
    static const char *const by[] = {"team", ANSWERS_FIELD_ROLE};
    assessment_break_down_by(&f->a, by, 2);
    const char *role = "{id: r1, role: practitioner}";
    static const char *const who[] = {
        "{id: a, role: manager, groups: {team: North}}",
        "{id: b, role: manager, groups: {team: North, locality: x}}",
        "{id: c, groups: {team: North}}",
        "{id: d, role: manager}",
    };
    for (size_t k = 0; k < 4; k++) {
        char *yaml = answers_with(role, who[k]);
        assert_int_equal(add(f, who[k], yaml, false), 0);
        free(yaml);
    }
    assert_int_equal(f->a.n_groups, 3);
    assert_string_equal(f->a.groups[0].values[0], "North");
    assert_string_equal(f->a.groups[0].values[1], "manager");
    assert_int_equal(f->a.groups[0].respondents, 2);
    assert_int_equal(f->a.groups[0].items[0].n, 2);
    assert_null(f->a.groups[1].values[1]);
    assert_null(f->a.groups[2].values[0]);
    assert_string_equal(f->a.groups[2].values[1], "manager");
    /* The fields given, in order of first appearance, for messages. */
    assert_int_equal(f->a.n_fields_given, 3);
    assert_string_equal(f->a.fields_given[0], "team");
    assert_string_equal(f->a.fields_given[1], ANSWERS_FIELD_ROLE);
    assert_string_equal(f->a.fields_given[2], "locality");
}

/* More groups than ANSWERS_GROUPS_MAX: the respondent bringing one more is refused. */
static void test_answers_too_many_groups(void **state)
{
    struct fixture *f = *state;
    static const char *const by[] = {"team"};
    assessment_break_down_by(&f->a, by, 1);
    char who[64];
    for (int k = 0; k <= ANSWERS_GROUPS_MAX; k++) {
        snprintf(who, sizeof(who), "{id: r%d, groups: {team: t%d}}", k, k);
        char *yaml = answers_with("{id: r1, role: practitioner}", who);
        int rc = add(f, "a.yaml", yaml, false);
        free(yaml);
        assert_int_equal(rc, k < ANSWERS_GROUPS_MAX ? 0 : -1);
    }
    assert_diag(&f->d, 5, 40,
                "more than 1000 different groups of 'team' in one assessment; a group is "
                "several respondents (a team, a locality), not one each");
    assert_int_equal(f->a.respondents, ANSWERS_GROUPS_MAX);
}

static void test_answers_same_respondent_id_twice(void **state)
{
    struct fixture *f = *state;
    char *other = answers_with("{id: r1, role: practitioner}", "{id: r2}");
    assert_int_equal(add(f, "a.yaml", base_answers, false), 0);
    assert_int_equal(add(f, "b.yaml", other, false), 0);
    assert_int_equal(f->d.n, 0);
    /* Still pooled; the second file with id r1 is named, at its id, with the first. */
    assert_int_equal(add(f, "c.yaml", base_answers, false), 0);
    assert_int_equal(f->a.respondents, 3);
    assert_int_equal(f->d.errors, 0);
    assert_diag(&f->d, 5, 18,
                "respondent id 'r1' is also the id in 'a.yaml'; is one respondent counted "
                "twice, or two given one id?");
    free(other);
}

static void test_answers_note_not_text(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "note: pilot teams only", "note: [pilot, teams]", 8, 36,
                "a note must be text, not a list");
    expect_only(f, "note: pilot teams only", "note: {where: pilot}", 8, 36,
                "a note must be text, not a mapping");
    expect_only(f, "evidence: audit", "evidence: [a, b]", 8, 64,
                "evidence must be text, not a list");
    expect_only(f, "note: pilot teams only", "note: \"\"", 8, 36,
                "a note must be text, not empty text");
}

static void test_answers_score_missing_in_map(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "{score: 4, note", "{note", 8, 19,
                "the answer to 'start.training' is missing the required key 'score'");
    char *yaml = answers_with("{score: 4, note", "{scor: 4, note");
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(add(f, "a.yaml", yaml, false), -1);
    assert_int_equal(f->d.errors, 2);
    assert_diag(&f->d, 8, 20,
                "unknown key 'scor' in the answer to 'start.training'; did you mean 'score'?");
    assert_diag(&f->d, 8, 19, "the answer to 'start.training' is missing the required key 'score'");
    free(yaml);
}

static void test_answers_context_only_item(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "later.habit: 5", "later.habit: 5\n  later.context: 3", 12, 3,
                "item 'later.context' is context only and takes no answer");
}

static void test_answers_strict(void **state)
{
    struct fixture *f = *state;
    char *yaml = answers_with("  later.habit: 5\n", "");
    assert_int_equal(add(f, "a.yaml", yaml, true), -1);
    assert_int_equal(f->d.errors, 2);
    assert_diag(&f->d, 6, 1, "item 'later.habit' is not answered (--strict)");
    assert_diag(&f->d, 10, 18, "item 'start.do-plan' is answered 'unknown' (--strict)");
    assert_int_equal(f->a.respondents, 0);
    free(yaml);
    /* An unknown score inside a mapping is pointed at where it is written. */
    diags_release(&f->d);
    diags_init(&f->d);
    yaml = answers_with("{score: 4,", "{score: unknown,");
    assert_int_equal(add(f, "a.yaml", yaml, true), -1);
    assert_int_equal(f->d.errors, 2);
    assert_diag(&f->d, 8, 27, "item 'start.training' is answered 'unknown' (--strict)");
    free(yaml);
    /* The same file passes without strict; n/a passes with it. */
    diags_release(&f->d);
    diags_init(&f->d);
    yaml = answers_with("start.do-plan: unknown", "start.do-plan: n/a");
    assert_int_equal(add(f, "a.yaml", yaml, true), 0);
    assert_int_equal(add(f, "b.yaml", base_answers, false), 0);
    assert_int_equal(f->a.respondents, 2);
    free(yaml);
    /* Strict refuses unknown items as any run does. */
    diags_release(&f->d);
    diags_init(&f->d);
    yaml = answers_with("later.habit: 5", "later.habit: 5\n  later.extra: 2");
    assert_int_equal(add(f, "c.yaml", yaml, true), -1);
    assert_int_equal(f->d.errors, 2);
    assert_diag(&f->d, 12, 3,
                "unknown item 'later.extra' in model 'tiny'; 'stagegap init' "
                "writes every item's id");
    assert_diag(&f->d, 10, 18, "item 'start.do-plan' is answered 'unknown' (--strict)");
    free(yaml);
    /* An answer refused already is not also "not answered"; an empty one is. */
    static const struct {
        const char *to;
        bool not_answered;
    } cases[] = {
        {"start.plan: 11", false},                 /* off the scale */
        {"start.plan: {note: later}", false},      /* no score */
        {"start.plan: {score: 11}", false},        /* off the scale in a mapping */
        {"start.plan: {score: ~, note: x}", true}, /* empty */
        {"start.plan: ~", true},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        diags_release(&f->d);
        diags_init(&f->d);
        yaml = answers_with("start.plan: 7", cases[i].to);
        assert_int_equal(add(f, "d.yaml", yaml, true), -1);
        bool said = false;
        for (size_t k = 0; k < f->d.n; k++)
            said |= strcmp(f->d.v[k].message, "item 'start.plan' is not answered (--strict)") == 0;
        if (said != cases[i].not_answered || f->d.errors != 2) { /* and start.do-plan */
            print_diags(&f->d);
            fail_msg("%s: 'not answered' %s", cases[i].to, said ? "said" : "not said");
        }
        free(yaml);
    }
}

static void test_answers_organisation_mismatch(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "dir/a.yaml", base_answers, false), 0);
    char *yaml = answers_with("organisation: Anytown", "organisation: Anytown Council");
    assert_int_equal(add(f, "dir/b.yaml", yaml, false), -1);
    assert_int_equal(f->d.errors, 1);
    assert_diag(&f->d, 3, 15,
                "organisation 'Anytown Council' differs from 'Anytown' in "
                "'dir/a.yaml'; one assessment is one organisation's");
    assert_string_equal(f->d.v[0].file, "dir/b.yaml");
    assert_string_equal(f->d.v[0].source_line, "organisation: Anytown Council");
    assert_int_equal(f->d.v[0].caret, 14);
    assert_int_equal(f->a.respondents, 1);
    free(yaml);
}

/* Builds an answers file with one respondent's answer to start.plan. */
static char *respondent(const char *id, const char *role, const char *plan, const char *date)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: tiny\norganisation: Anytown\n"
                "date: %s\n",
                date);
    if (role)
        strbuf_addf(&sb, "respondent: {id: %s, role: %s}\n", id, role);
    else
        strbuf_addf(&sb, "respondent: {id: %s}\n", id);
    strbuf_addf(&sb, "answers:\n  start.plan: %s\n", plan);
    return strbuf_detach(&sb, NULL);
}

static void test_answers_many_respondents_tally(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *id, *role, *plan, *date;
    } people[] = {
        {"r1", "practitioner", "2", "2026-03-01"},
        {"r2", "manager", "9", "2026-03-04"},
        {"r3", "Practitioner", "4", "2026-03-02"},
        {"r4", NULL, "n/a", "2026-03-03"},
        {"r5", "\" PRACTITIONER \"", "unknown", "2026-02-28"},
        {"r6", "manager", "{score: 5, note: \"only in one team\"}", "2026-03-01"},
    };
    static const char *const by_role[] = {ANSWERS_FIELD_ROLE};
    assessment_break_down_by(&f->a, by_role, 1);
    for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++) {
        char *yaml = respondent(people[i].id, people[i].role, people[i].plan, people[i].date);
        assert_int_equal(add(f, people[i].id, yaml, false), 0);
        free(yaml);
    }
    assert_int_equal(f->d.n, 0);
    assert_int_equal(f->a.respondents, 6);
    assert_string_equal(f->a.date, "2026-03-04");
    const struct item_tally *t = &f->a.items[0];
    assert_int_equal(t->n, 4);
    assert_true(item_tally_mean(t) == 5);
    /* Held exactly, in thousandths: 2, 9, 4, 5. */
    assert_true(t->sum == 20 * EXACT_SCALE);
    assert_true(t->sumsq == (4 + 81 + 16 + 25) * (uint64_t)EXACT_SCALE * EXACT_SCALE);
    assert_true(t->min == 2 * EXACT_SCALE);
    assert_true(t->max == 9 * EXACT_SCALE);
    assert_int_equal(t->n_na, 1);
    assert_int_equal(t->n_unknown, 1);
    assert_int_equal(item_tally_state(t), ANSWER_SCORE);
    assert_int_equal(t->n_notes, 1);
    assert_string_equal(t->notes[0].respondent, "r6");
    assert_string_equal(t->notes[0].role, "manager");
    assert_null(t->notes[0].evidence);
    /* Roles counted in order of first appearance, one role whatever its case and the
       spaces around it, shown as the spelling first in byte order, trimmed. */
    assert_int_equal(f->a.n_roles, 2);
    assert_string_equal(f->a.roles[0].role, "PRACTITIONER");
    assert_int_equal(f->a.roles[0].respondents, 3);
    assert_string_equal(f->a.roles[1].role, "manager");
    assert_int_equal(f->a.roles[1].respondents, 2);
    /* Broken down by role: a group per role, and one for those who give none, each
       with its own tallies. */
    assert_int_equal(f->a.n_groups, 3);
    const struct group_tally *g = f->a.groups;
    assert_string_equal(g[0].values[0], "PRACTITIONER");
    assert_int_equal(g[0].respondents, 3);
    assert_int_equal(g[0].items[0].n, 2);
    assert_true(item_tally_mean(&g[0].items[0]) == 3);
    assert_int_equal(g[0].items[0].n_unknown, 1);
    assert_string_equal(g[1].values[0], "manager");
    assert_int_equal(g[1].respondents, 2);
    assert_true(g[1].items[0].sum == 14 * EXACT_SCALE);
    assert_int_equal(g[1].items[0].n_notes, 0);
    assert_null(g[2].values[0]);
    assert_int_equal(g[2].respondents, 1);
    assert_int_equal(g[2].items[0].n_na, 1);
}

static void test_answers_tally_edge_cases(void **state)
{
    (void)state;
    struct item_tally t;
    memset(&t, 0, sizeof(t));
    assert_true(item_tally_mean(&t) == 0);
    assert_int_equal(item_tally_state(&t), ANSWER_NONE);
    t.n = 2, t.sum = 3 * EXACT_SCALE;
    assert_true(item_tally_mean(&t) == 1.5);
    t.n = 0, t.n_na = 2, t.n_unknown = 1;
    assert_int_equal(item_tally_state(&t), ANSWER_UNKNOWN);
}

/* A file with any problem adds nothing, though its other answers are fine. */
static void test_answers_problem_file_not_folded(void **state)
{
    struct fixture *f = *state;
    char *yaml = answers_with("later.habit: 5", "later.habit: 50");
    assert_int_equal(add(f, "a.yaml", yaml, false), -1);
    assert_int_equal(f->a.respondents, 0);
    assert_int_equal(f->a.items[0].n, 0);
    assert_null(f->a.organisation);
    assert_int_equal(f->a.n_roles, 0);
    free(yaml);
}

static void test_answers_every_problem_reported(void **state)
{
    struct fixture *f = *state;
    const char *yaml = "format: stagegap-answers/1\n"
                       "rules: tiny\n"
                       "organisation: [Anytown]\n"
                       "date: 2026-02-30\n"
                       "respondent: {id: r1, rol: lead}\n"
                       "answers:\n"
                       "  start.plan: 11\n"
                       "  start.trainin: 4\n"
                       "  later.context: 1\n";
    assert_int_equal(add(f, "a.yaml", yaml, false), -1);
    assert_int_equal(f->d.errors, 6);
    assert_diag(&f->d, 3, 15, "organisation must be text, not a list");
    assert_diag(&f->d, 4, 7, "date must be a calendar date written YYYY-MM-DD, like 2026-09-30");
    assert_diag(&f->d, 5, 22, "unknown key 'rol' in respondent; did you mean 'role'?");
    assert_diag(&f->d, 7, 15, "the answer to 'start.plan' must be from 0 to 10, not 11");
    assert_diag(&f->d, 8, 3,
                "unknown item 'start.trainin' in model 'tiny'; did you mean "
                "'start.training'?");
    assert_diag(&f->d, 9, 3, "item 'later.context' is context only and takes no answer");
}

static void test_answers_not_an_answers_file(void **state)
{
    struct fixture *f = *state;
    expect_fails(f, "", 1, 1,
                 "empty file; an answers file starts with 'format: stagegap-answers/1'");
    expect_fails(f, "# only a comment\n", 1, 1,
                 "empty file; an answers file starts with 'format: stagegap-answers/1'");
    expect_fails(f, "[1, 2]\n", 1, 1, "an answers file must be a mapping, not a list");
    expect_fails(f, "rules: tiny\n", 1, 1,
                 "no 'format' key; an answers file starts with 'format: stagegap-answers/1'");
    expect_fails(f, test_rules_yaml, 1, 9,
                 "this is a rules file, not an answers file; pass it with --rules");
    expect_only(f, "format: stagegap-answers/1", "format: stagegap-answers/2", 1, 9,
                "format must be 'stagegap-answers/1'");
    expect_only(f, "later.habit: 5\n", "later.habit: 5\nextra: 1\n", 12, 1,
                "unknown key 'extra' in the answers file");
    expect_only(f, "organisation: Anytown\n", "", 1, 1,
                "the answers file is missing the required key 'organisation'");
    expect_fails(f,
                 "format: stagegap-answers/1\nrules: tiny\norganisation: A\n"
                 "date: 2026-09-30\nanswers: [1]\n",
                 5, 10, "answers must be a mapping, not a list");
    expect_only(f, "respondent: {id: r1, role: practitioner}", "respondent: r1", 5, 13,
                "respondent must be a mapping, not text");
}

static void test_answers_hostile_bytes(void **state)
{
    struct fixture *f = *state;
    expect_only(f, "organisation: Anytown", "organisation: Any\xC0\xAFtown", 3, 18,
                "invalid UTF-8 (byte 0xc0 at offset 56); save the file as UTF-8");
    expect_only(f, "organisation: Anytown", "organisation: &o Anytown", 3, 15,
                "anchors ('&') are not allowed in a stagegap file; write the value out");
    expect_only(f, "note: pilot teams only", "note: \"pilot\\0\"", 8, 36,
                "text holds a NUL character");
    static const char wide[] = "f\0o\0r\0m\0";
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(assessment_add_buffer(&f->a, "w.yaml", wide, sizeof(wide) - 1, false, &f->d),
                     -1);
    assert_diag(&f->d, 1, 1,
                "this looks like UTF-16 or UTF-32 text without a byte-order "
                "mark; save the file as UTF-8");
}

/* A UTF-8 mark and CRLF ends, or UTF-16 with a mark: read as any other file. */
static void test_answers_bom_crlf_and_utf16(void **state)
{
    struct fixture *f = *state;
    struct strbuf sb = STRBUF_INIT, wide = STRBUF_INIT;
    strbuf_adds(&sb, "\xEF\xBB\xBF");
    for (const char *p = base_answers; *p; p++) {
        if (*p == '\n')
            strbuf_addc(&sb, '\r');
        strbuf_addc(&sb, *p);
    }
    assert_int_equal(assessment_add_buffer(&f->a, "crlf.yaml", sb.buf, sb.len, false, &f->d), 0);
    strbuf_add(&wide, "\xFF\xFE", 2);
    for (const char *p = base_answers; *p; p++) {
        strbuf_addc(&wide, *p);
        strbuf_addc(&wide, '\0');
    }
    assert_int_equal(assessment_add_buffer(&f->a, "wide.yaml", wide.buf, wide.len, false, &f->d),
                     0);
    assert_int_equal(f->a.respondents, 2);
    assert_true(f->a.items[0].sum == 14 * EXACT_SCALE);
    assert_string_equal(f->a.items[1].notes[1].note, "pilot teams only");
    /* A mistake in either is located as usual. */
    char *bad = strstr(sb.buf, "start.plan: 7");
    bad[12] = 'x';
    assert_int_equal(assessment_add_buffer(&f->a, "crlf.yaml", sb.buf, sb.len, false, &f->d), -1);
    assert_diag(
        &f->d, 7, 15,
        "the answer to 'start.plan' must be a number from 0 to 10, n/a or unknown, not 'x'");
    assert_string_equal(f->d.v[f->d.n - 1].source_line, "  start.plan: x");
    strbuf_release(&sb);
    strbuf_release(&wide);
}

static void test_answers_directory_in_name_order(void **state)
{
    struct fixture *f = *state;
    char *dir = test_temp_dir("answers");
    char *b = respondent("rb", "manager", "8", "2026-01-02");
    char *a = respondent("ra", "practitioner", "{score: 2, note: first}", "2026-01-01");
    test_write_file(dir, "b.yaml", b);
    test_write_file(dir, "a.yml", a);
    test_write_file(dir, "notes.txt", "not yaml at all: [");
    test_write_file(dir, ".hidden.yaml", "broken: [");
    test_write_file(dir, "c.yaml.bak", "broken: [");
    assert_int_equal(assessment_add_path(&f->a, dir, false, &f->d), 0);
    assert_int_equal(f->d.n, 0);
    assert_int_equal(f->a.respondents, 2);
    struct strbuf first = STRBUF_INIT;
    strbuf_addf(&first, "%s/a.yml", dir);
    assert_string_equal(f->a.first_file, first.buf);
    assert_string_equal(f->a.roles[0].role, "practitioner");
    assert_string_equal(f->a.items[0].notes[0].note, "first");
    assert_true(f->a.items[0].sum == 10 * EXACT_SCALE);
    /* The same directory again would count everyone twice. */
    assert_int_equal(assessment_add_path(&f->a, dir, false, &f->d), -1);
    assert_diag(&f->d, 0, 0,
                "this directory is given twice; each respondent counts once, so name it once");
    /* A broken file in the directory fails the whole path, located in that file. */
    test_write_file(dir, "d.yaml", "format: stagegap-answers/1\nrules: tiny\n");
    assessment_release(&f->a);
    assessment_init(&f->a, &f->rules);
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(assessment_add_path(&f->a, dir, false, &f->d), -1);
    strbuf_reset(&first);
    strbuf_addf(&first, "%s/d.yaml", dir);
    assert_string_equal(f->d.v[0].file, first.buf);
    assert_diag(&f->d, 1, 1, "the answers file is missing the required key 'organisation'");
    test_remove_tree(dir);
    strbuf_release(&first);
    free(a);
    free(b);
    free(dir);
}

static void test_answers_empty_directory(void **state)
{
    struct fixture *f = *state;
    char *dir = test_temp_dir("answers");
    test_write_file(dir, "readme.txt", "nothing to see");
    assert_int_equal(assessment_add_path(&f->a, dir, false, &f->d), -1);
    assert_diag(&f->d, 0, 0, "no answers files (*.yaml, *.yml) in this directory");
    assert_int_equal(diags_exit_code(&f->d), 3);
    test_remove_tree(dir);
    free(dir);
}

static void test_answers_missing_path(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(assessment_add_path(&f->a, "no/such/answers.yaml", false, &f->d), -1);
    assert_diag(&f->d, 0, 0, "cannot open: No such file or directory");
    assert_int_equal(diags_exit_code(&f->d), 4);
}

/* Roles group respondents: a hundred different ones, not one per respondent. */
static void test_answers_roles_limit(void **state)
{
    struct fixture *f = *state;
    for (int i = 0; i <= ANSWERS_ROLES_MAX; i++) {
        char id[16], role[16];
        snprintf(id, sizeof(id), "r%d", i);
        snprintf(role, sizeof(role), "role%d", i % ANSWERS_ROLES_MAX);
        char *text = respondent(id, role, "5", "2026-01-01");
        assert_int_equal(add(f, "same.yaml", text, false), 0); /* the last role is not new */
        free(text);
    }
    assert_int_equal(f->a.n_roles, ANSWERS_ROLES_MAX);
    char *text = respondent("late", "another-role", "5", "2026-01-01");
    assert_int_equal(add(f, "late.yaml", text, false), -1);
    assert_diag(&f->d, 5, 30,
                "more than 100 different roles in one assessment; a role groups respondents "
                "(practitioner, manager, ...), so give several people the same one");
    assert_int_equal(f->a.respondents, ANSWERS_ROLES_MAX + 1); /* not folded in */
    free(text);
}

/* ---- one respondent never counts twice ---- */

/* A directory with one respondent file, a.yaml, whose plan answer is plan. */
static char *dir_with_one(const char *plan)
{
    char *dir = test_temp_dir("answers");
    char *text = respondent("r1", "practitioner", plan, "2026-01-01");
    test_write_file(dir, "a.yaml", text);
    free(text);
    return dir;
}

/* Adds the paths as one assessment; expects exactly one problem: msg, about file. */
static void expect_read_twice(struct fixture *f, const char *const *paths, size_t n,
                              const char *file, const char *msg)
{
    assessment_release(&f->a);
    assessment_init(&f->a, &f->rules);
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(assessment_add_paths(&f->a, paths, n, false, &f->d), -1);
    if (f->d.n != 1 || strcmp(f->d.v[0].file, file) != 0) {
        fprintf(stderr, "expected one problem, in %s\n", file);
        print_diags(&f->d);
        fail();
    }
    assert_diag(&f->d, 0, 0, msg);
    assert_int_equal(diags_exit_code(&f->d), 3);
}

static char *also_read_as(const char *what, const char *first)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "this %s is also read as '%s'; each respondent counts once, so name it once",
                what, first);
    return strbuf_detach(&sb, NULL);
}

static const char *const given_twice =
    "this file is given twice; each respondent counts once, so name it once";

static void test_answers_file_named_twice(void **state)
{
    struct fixture *f = *state;
    char *dir = dir_with_one("3");
    char *a = test_join(dir, "a.yaml");
    char *spelt = test_join(dir, "./a.yaml");
    const char *same[] = {a, a};
    expect_read_twice(f, same, 2, a, given_twice);
    const char *other[] = {a, spelt};
    char *msg = also_read_as("file", a);
    expect_read_twice(f, other, 2, spelt, msg);
    free(msg);
    free(spelt);
    free(a);
    test_remove_tree(dir);
    free(dir);
}

static void test_answers_file_also_in_named_dir(void **state)
{
    struct fixture *f = *state;
    char *dir = dir_with_one("3");
    char *a = test_join(dir, "a.yaml");
    /* Either order: the file inside the directory is the one refused. */
    const char *dir_first[] = {dir, a};
    expect_read_twice(f, dir_first, 2, a, given_twice);
    const char *file_first[] = {a, dir};
    expect_read_twice(f, file_first, 2, a, given_twice);
    /* Under another spelling, named through a link to it. */
    char *outside = test_temp_dir("answers");
    char *link = test_join(outside, "link.yaml");
    assert_int_equal(symlink(a, link), 0);
    const char *linked[] = {link, dir};
    char *msg = also_read_as("file", link);
    expect_read_twice(f, linked, 2, a, msg);
    free(msg);
    free(link);
    free(a);
    test_remove_tree(outside);
    free(outside);
    test_remove_tree(dir);
    free(dir);
}

static void test_answers_dir_named_twice(void **state)
{
    struct fixture *f = *state;
    char *dir = dir_with_one("3");
    char *outside = test_temp_dir("answers");
    char *link = test_join(outside, "same");
    assert_int_equal(symlink(dir, link), 0);
    const char *twice[] = {dir, link};
    char *msg = also_read_as("directory", dir);
    expect_read_twice(f, twice, 2, link, msg);
    free(msg);
    free(link);
    test_remove_tree(outside);
    free(outside);
    test_remove_tree(dir);
    free(dir);
}

static void test_answers_link_inside_dirs(void **state)
{
    struct fixture *f = *state;
    char *one = dir_with_one("3"), *two = test_temp_dir("answers");
    char *a = test_join(one, "a.yaml");
    char *near = test_join(one, "b.yaml"), *far = test_join(two, "c.yaml");
    char *msg = also_read_as("file", a);
    /* A link beside its target. */
    assert_int_equal(symlink("a.yaml", near), 0);
    const char *just_one[] = {one};
    expect_read_twice(f, just_one, 1, near, msg);
    assert_int_equal(unlink(near), 0);
    /* A link in another named directory, whichever is read first. */
    assert_int_equal(symlink(a, far), 0);
    const char *one_two[] = {one, two}, *two_one[] = {two, one};
    expect_read_twice(f, one_two, 2, far, msg);
    expect_read_twice(f, two_one, 2, far, msg);
    assert_int_equal(unlink(far), 0);
    /* Hard links have no first name: the later one read is refused. */
    assert_int_equal(link(a, far), 0);
    char *hard = also_read_as("file", a);
    expect_read_twice(f, one_two, 2, far, hard);
    char *hard_back = also_read_as("file", far);
    expect_read_twice(f, two_one, 2, a, hard_back);
    free(hard_back);
    free(hard);
    free(msg);
    free(near);
    free(far);
    free(a);
    test_remove_tree(one);
    test_remove_tree(two);
    free(one);
    free(two);
}

static void test_answers_links_outside_named_dirs(void **state)
{
    struct fixture *f = *state;
    char *target_dir = dir_with_one("3"), *dir = test_temp_dir("answers");
    char *a = test_join(target_dir, "a.yaml");
    char *x = test_join(dir, "x.yaml"), *y = test_join(dir, "y.yaml");
    assert_int_equal(symlink(a, x), 0);
    assert_int_equal(symlink(a, y), 0);
    /* Two links to one file that is not itself named: the second is refused. */
    const char *just_dir[] = {dir};
    char *msg = also_read_as("file", x);
    expect_read_twice(f, just_dir, 1, y, msg);
    free(msg);
    /* One link to a file that is also named. */
    assert_int_equal(unlink(y), 0);
    const char *named[] = {dir, a};
    msg = also_read_as("file", a);
    expect_read_twice(f, named, 2, x, msg);
    free(msg);
    /* One link alone is one respondent. */
    assessment_release(&f->a);
    assessment_init(&f->a, &f->rules);
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(assessment_add_paths(&f->a, just_dir, 1, false, &f->d), 0);
    assert_int_equal(f->a.respondents, 1);
    free(x);
    free(y);
    free(a);
    test_remove_tree(dir);
    test_remove_tree(target_dir);
    free(dir);
    free(target_dir);
}

/* A FIFO among a directory's files is refused at once, not waited on. */
static void test_answers_fifo_in_directory(void **state)
{
    struct fixture *f = *state;
    char *dir = dir_with_one("3");
    char *fifo = test_join(dir, "b.yaml");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(assessment_add_path(&f->a, dir, false, &f->d), -1);
    assert_diag(&f->d, 0, 0, "is not a regular file (a pipe, socket or device); not read");
    assert_string_equal(f->d.v[0].file, fifo);
    assert_int_equal(diags_exit_code(&f->d), 4);
    assert_int_equal(f->a.respondents, 1);
    free(fifo);
    test_remove_tree(dir);
    free(dir);
}

/* More files than one batch of names: read in several passes, still in name order. */
static void test_answers_directory_larger_than_a_batch(void **state)
{
    struct fixture *f = *state;
    char *dir = test_temp_dir("answers");
    enum { FILES = DIRLIST_BATCH + 123 };
    unsigned long expected_sum = 0;
    for (unsigned i = 0; i < FILES; i++) {
        unsigned k = (i * 7919u) % FILES; /* written out of order */
        char name[32], id[16], plan[8];
        snprintf(name, sizeof(name), "r%05u.yaml", k);
        snprintf(id, sizeof(id), "r%u", k);
        snprintf(plan, sizeof(plan), "%u", k % 11);
        expected_sum += k % 11;
        char *text =
            respondent(id, "practitioner", plan, k == FILES - 1 ? "2026-02-01" : "2026-01-01");
        test_write_file(dir, name, text);
        free(text);
    }
    assert_int_equal(assessment_add_path(&f->a, dir, false, &f->d), 0);
    assert_int_equal(f->a.respondents, FILES);
    assert_true(f->a.items[0].sum == (int64_t)expected_sum * EXACT_SCALE);
    assert_int_equal(f->a.items[0].n, FILES);
    char *first = test_join(dir, "r00000.yaml");
    assert_string_equal(f->a.first_file, first);
    assert_string_equal(f->a.date, "2026-02-01");
    free(first);
    test_remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_answers_valid_file_is_folded_in, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_words_and_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_unknown_items, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_off_the_scale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_for_another_model, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_bad_dates, setup, teardown),
        cmocka_unit_test(test_answers_date_valid),
        cmocka_unit_test_setup_teardown(test_answers_given_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_comments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_groups_tallied, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_too_many_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_same_respondent_id_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_note_not_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_score_missing_in_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_context_only_item, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_strict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_organisation_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_many_respondents_tally, setup, teardown),
        cmocka_unit_test(test_answers_tally_edge_cases),
        cmocka_unit_test_setup_teardown(test_answers_problem_file_not_folded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_every_problem_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_not_an_answers_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_hostile_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_bom_crlf_and_utf16, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_directory_in_name_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_empty_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_missing_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_roles_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_file_named_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_file_also_in_named_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_dir_named_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_link_inside_dirs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_links_outside_named_dirs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_fifo_in_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_directory_larger_than_a_batch, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
