/*
 * test_ask.c - the questionnaire's file: what ask writes loads back exactly, whatever
 * a respondent typed, and the dialogue over plain streams.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "ask.h"
#include "strbuf.h"

static void load_back(const struct strbuf *yaml, struct assessment *a)
{
    struct diags d;
    diags_init(&d);
    assessment_init(a, &test_rules);
    if (assessment_add_buffer(a, "ask.yaml", yaml->buf, yaml->len, false, &d) != 0) {
        fprintf(stderr, "%s", yaml->buf);
        print_diags(&d);
        fail();
    }
    diags_release(&d);
}

static void test_ask_render_round_trips_hostile_text(void **state)
{
    (void)state;
    static const char *const hostile[] = {
        "quote \" and backslash \\ here",
        "line one\nline two",
        "\x1b[31mred\x1b[0m bell\a",
        "key: value # not a comment",
        "- [not, a, list]",
        "&anchor *alias !tag",
        "tab\there",
        "\xc2\x85next line \xe2\x80\xa8 separator",
        "caf\xc3\xa9 \xe2\x9c\x93",
    };
    for (size_t k = 0; k < sizeof(hostile) / sizeof(hostile[0]); k++) {
        struct ask_session s;
        struct strbuf yaml = STRBUF_INIT;
        struct assessment a;
        ask_init(&s, &test_rules);
        s.organisation = strdup(hostile[k]);
        s.date = strdup("2026-10-01");
        s.role = strdup(hostile[k]);
        long plan = rules_find_item(&test_rules, "start.plan");
        s.answers[plan].state = ANSWER_SCORE;
        s.answers[plan].score = 6.5;
        s.answers[plan].note = strdup(hostile[k]);
        ask_render(&s, &yaml);
        load_back(&yaml, &a);
        assert_string_equal(a.organisation, hostile[k]);
        assert_int_equal(a.items[plan].n, 1);
        assert_near(item_tally_mean(&a.items[plan]), 6.5);
        assert_string_equal(a.items[plan].notes[0].note, hostile[k]);
        assert_string_equal(a.roles[0].role, hostile[k]);
        assessment_release(&a);
        strbuf_release(&yaml);
        ask_release(&s);
    }
}

static int save_count;

static int count_saves(void *ctx, const struct strbuf *yaml)
{
    struct strbuf *last = ctx;
    strbuf_reset(last);
    strbuf_add(last, yaml->buf, yaml->len);
    save_count++;
    return 0;
}

static void test_ask_run_over_streams(void **state)
{
    (void)state;
    static const char input[] = "help\n9 done\nback\n\nn/a\n12\n3\n";
    FILE *in = fmemopen((void *)(uintptr_t)input, sizeof(input) - 1, "r");
    char *shown = NULL;
    size_t shown_len = 0;
    FILE *out = open_memstream(&shown, &shown_len);
    struct ask_session s;
    struct strbuf last = STRBUF_INIT;
    ask_init(&s, &test_rules);
    s.organisation = strdup("Testshire");
    s.date = strdup("2026-10-01");
    s.save = count_saves;
    s.save_ctx = &last;
    save_count = 0;
    assert_int_equal(ask_run(&s, in, out), 0);
    fclose(in);
    fclose(out);
    /* 9 with a note; back; Enter keeps it; n/a; 12 is refused; 3. Then input ends. */
    assert_non_null(strstr(shown, "Question 1 of 5"));
    assert_non_null(strstr(shown, "(answered: 9; Enter keeps it)"));
    /* Worded as validate words an answer off the scale. */
    assert_non_null(strstr(shown, "> "
                                  "  The answer must be from 0 to 10, not 12.\n"
                                  "  Type 'help' for how to answer.\n"));
    assert_non_null(strstr(last.buf, "start.plan: {score: 9, note: \"done\"}"));
    assert_non_null(strstr(last.buf, "start.training: n/a"));
    assert_non_null(strstr(last.buf, "start.fatigue: 3"));
    assert_null(strstr(last.buf, "start.do-plan"));
    assert_int_equal(save_count, 4); /* three answers, and once at the end */
    free(shown);
    strbuf_release(&last);
    ask_release(&s);
}

/* Runs ask_details on input; returns its result and what it showed in *shown. */
static int details(const char *input, struct ask_session *s, char **shown)
{
    FILE *in = fmemopen((void *)(uintptr_t)input, strlen(input), "r");
    size_t shown_len = 0;
    FILE *out = open_memstream(shown, &shown_len);
    int rc = ask_details(s, in, out, "2026-10-01");
    fclose(in);
    fclose(out);
    return rc;
}

static void test_ask_details_quit_stops(void **state)
{
    (void)state;
    static const char *const inputs[] = {"quit\n", "Testshire\nquit\n",
                                         "Testshire\n2026-09-30\nquit\n",
                                         "Testshire\n2026-09-30\nleader\nquit\n"};
    for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++) {
        struct ask_session s;
        char *shown = NULL;
        ask_init(&s, &test_rules);
        assert_int_equal(details(inputs[k], &s, &shown), -1);
        assert_null(strstr(shown, "not valid"));
        free(shown);
        ask_release(&s);
    }
}

static void test_ask_details_say_what_is_wrong(void **state)
{
    (void)state;
    struct ask_session s;
    char *shown = NULL;
    ask_init(&s, &test_rules);
    assert_int_equal(
        details("\nTestshire\n30/09/2026\n2026-02-30\n\nleader\n  Northside \n", &s, &shown), 0);
    /* Enter at the organisation is refused; the date in validate's words; Enter takes
     * today's date. */
    assert_non_null(strstr(shown, "Organisation:   This is needed; type 'quit' to stop.\n"));
    const char *bad = "  The date must be a calendar date written YYYY-MM-DD, like 2026-09-30.\n";
    const char *first = strstr(shown, bad);
    assert_non_null(first);
    assert_non_null(strstr(first + 1, bad));
    assert_string_equal(s.organisation, "Testshire");
    assert_string_equal(s.date, "2026-10-01");
    assert_string_equal(s.role, "leader");
    assert_int_equal(s.n_groups, 1);
    assert_string_equal(s.groups[0].field, "team");
    assert_string_equal(s.groups[0].value, "Northside");
    assert_non_null(strstr(shown, "Your team (Enter to skip): "));
    free(shown);
    ask_release(&s);

    /* Enter skips the team: no groups. */
    shown = NULL;
    ask_init(&s, &test_rules);
    assert_int_equal(details("Testshire\n\nleader\n\n", &s, &shown), 0);
    assert_int_equal(s.n_groups, 0);
    free(shown);
    ask_release(&s);
}

/* The team goes under respondent.groups, beside any other group read back, and loads. */
static void test_ask_render_groups(void **state)
{
    (void)state;
    struct ask_session s;
    struct strbuf yaml = STRBUF_INIT;
    struct assessment a;
    ask_init(&s, &test_rules);
    s.organisation = strdup("Testshire");
    s.date = strdup("2026-10-01");
    ask_set_group(&s, "locality", "North");
    ask_set_group(&s, "team", "old");
    ask_set_group(&s, "team", "North: #1 \"best\"\x1b[2J");
    ask_render(&s, &yaml);
    assert_non_null(strstr(yaml.buf, "respondent: {groups: {locality: \"North\", team: "
                                     "\"North: #1 \\\"best\\\"\\x1b[2J\"}}\n"));
    load_back(&yaml, &a);
    assessment_release(&a);
    strbuf_reset(&yaml);
    s.role = strdup("leader");
    ask_render(&s, &yaml);
    assert_non_null(strstr(yaml.buf, "respondent: {role: \"leader\", groups: {locality: "));
    load_back(&yaml, &a);
    assessment_release(&a);
    /* A field read back as "null" stays a name, not nothing. */
    strbuf_reset(&yaml);
    ask_set_group(&s, "null", "x");
    ask_render(&s, &yaml);
    assert_non_null(strstr(yaml.buf, ", \"null\": \"x\"}}\n"));
    load_back(&yaml, &a);
    assessment_release(&a);
    strbuf_release(&yaml);
    ask_release(&s);
}

static void test_ask_wraps_questions_to_the_width(void **state)
{
    (void)state;
    static const char input[] = "quit\n";
    FILE *in = fmemopen((void *)(uintptr_t)input, sizeof(input) - 1, "r");
    char *shown = NULL;
    size_t shown_len = 0;
    FILE *out = open_memstream(&shown, &shown_len);
    /* The built-in model's questions run past 40 columns. */
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_default(&r, &d), 0);
    diags_release(&d);
    struct ask_session s;
    ask_init(&s, &r);
    s.organisation = strdup("Testshire");
    s.date = strdup("2026-10-01");
    s.width = 40;
    assert_int_equal(ask_run(&s, in, out), 0);
    fclose(in);
    fclose(out);
    size_t longest = 0, col = 0;
    for (const char *p = shown; *p; p++) {
        col = *p == '\n' ? 0 : col + 1;
        longest = col > longest ? col : longest;
    }
    if (longest > 40)
        fputs(shown, stderr);
    assert_true(longest <= 40);
    assert_non_null(strstr(shown, "Question 1 of "));
    free(shown);
    ask_release(&s);
    rules_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ask_render_round_trips_hostile_text),
        cmocka_unit_test(test_ask_run_over_streams),
        cmocka_unit_test(test_ask_details_quit_stops),
        cmocka_unit_test(test_ask_details_say_what_is_wrong),
        cmocka_unit_test(test_ask_render_groups),
        cmocka_unit_test(test_ask_wraps_questions_to_the_width),
    };
    return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
