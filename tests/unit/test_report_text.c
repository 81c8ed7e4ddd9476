/*
 * test_report_text.c - the terminal report: text from inputs never reaches the
 * terminal as control (no escape, bell, C1 or line separator), colour only when asked,
 * lines wrapped to the width, and the parts a reader needs are there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "report.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"

/* Terminal escapes (CSI, OSC with BEL), C1 CSI U+009B, NEL, U+2028, a tab, a newline. */
#define HOSTILE "\\e[2J\\e]0;pwned\\a \\u009b31m \\x85 \\u2028 tab\\there\\nline two"

static struct rules rules;
static struct assessment assessment;
static struct score score;

static int setup(void **state)
{
    if (test_rules_setup(state) != 0)
        return -1;
    struct diags d;
    char *yaml = rules_with("text: Fatigue", "text: \"Fatigue " HOSTILE "\"");
    diags_init(&d);
    int rc = load_rules_text(&rules, yaml, &d);
    free(yaml);
    const char *answers =
        "format: stagegap-answers/1\nrules: tiny\norganisation: \"Org " HOSTILE "\"\n"
        "date: 2026-09-30\nrespondent: {id: \"r" HOSTILE "\", role: \"lead " HOSTILE "\"}\n"
        "answers:\n"
        "  start.plan: {score: 4, note: \"" HOSTILE "\", evidence: \"" HOSTILE "\"}\n"
        "  start.training: 6\n  start.fatigue: 8\n  start.do-plan: 2\n  later.habit: 3\n";
    assessment_init(&assessment, &rules);
    if (rc == 0)
        rc = assessment_add_buffer(&assessment, "a.yaml", answers, strlen(answers), false, &d);
    if (rc)
        print_diags(&d);
    diags_release(&d);
    score_compute(&score, &rules, &assessment);
    return rc;
}

static int teardown(void **state)
{
    score_release(&score);
    assessment_release(&assessment);
    rules_release(&rules);
    return test_rules_teardown(state);
}

static char *render(bool color, size_t width)
{
    struct strbuf out = STRBUF_INIT;
    struct report_ctx ctx = {&score, "test", color, width, NULL, NULL, NULL};
    report_render_text(&ctx, &out);
    return strbuf_detach(&out, NULL);
}

/* Every byte is printable, a newline, or (with colour) part of our own SGR codes. */
static void assert_inert(const char *out, bool color)
{
    static const char *const ours[] = {"\033[1m", "\033[0m", "\033[33m"};
    const unsigned char *u = (const unsigned char *)out;
    for (size_t i = 0; u[i]; i++) {
        if (u[i] == 0x1B && color) {
            bool known = false;
            for (size_t k = 0; k < 3 && !known; k++)
                known = strncmp(out + i, ours[k], strlen(ours[k])) == 0;
            if (!known)
                fprintf(stderr, "unknown escape at %zu: %.20s\n", i, out + i);
            assert_true(known);
            continue;
        }
        if (u[i] < 0x20 && u[i] != '\n') {
            fprintf(stderr, "control byte 0x%02x at %zu in:\n%s\n", u[i], i, out);
            fail();
        }
        assert_true(u[i] != 0x7F);
        assert_false(u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] < 0xA0);
        assert_false(u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9));
    }
}

static void test_text_hostile_input_stays_text(void **state)
{
    (void)state;
    char *plain = render(false, 80), *coloured = render(true, 80);
    assert_inert(plain, false);
    assert_inert(coloured, true);
    assert_null(strchr(plain, 0x1B));
    /* The escapes are shown, visibly, for what they are. */
    assert_non_null(strstr(plain, "\\x1b[2J"));
    assert_non_null(strstr(plain, "\\x07"));
    assert_non_null(strstr(plain, "\\x9b31m"));
    /* Newlines inside a note never start a line of their own. */
    assert_null(strstr(plain, "\nline two"));
    free(plain);
    free(coloured);
}

static void test_text_colour_only_when_asked(void **state)
{
    (void)state;
    char *coloured = render(true, 80);
    assert_non_null(strstr(coloured, "\033[1mImplementation readiness: "));
    free(coloured);
}

static void test_text_wraps_to_width(void **state)
{
    (void)state;
    for (size_t width = 60; width <= 120; width += 20) {
        char *out = render(false, width);
        for (const char *line = out; *line;) {
            const char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line);
            size_t cols = utf8_width(line, len);
            /* Only a single word longer than the width may stand out past it. */
            size_t indent = strspn(line, " ");
            if (cols > width && memchr(line + indent, ' ', len - indent)) {
                fprintf(stderr, "line of %zu columns at width %zu: %.*s\n", cols, width, (int)len,
                        line);
                fail();
            }
            line = end ? end + 1 : line + len;
        }
        free(out);
    }
}

static void test_text_names_what_a_reader_needs(void **state)
{
    (void)state;
    char *out = render(false, 80);
    assert_non_null(strstr(out, "Focus: Start."));
    assert_non_null(strstr(out, "Actions to take first"));
    assert_non_null(strstr(out, "By level of change"));
    assert_non_null(strstr(out, "About the evidence"));
    assert_non_null(strstr(out, "\n  Caveat: No evidence at all.\n"));
    char prefix[13];
    memcpy(prefix, rules.sha256, 12);
    prefix[12] = '\0';
    assert_non_null(strstr(out, prefix));
    assert_non_null(strstr(out, "\nstagegap test\n"));
    free(out);
}

/* The text report of respondents (answers files) pooled, scored with test_rules. */
static char *render_pooled(const char *const *files, size_t n)
{
    struct assessment a;
    struct score s;
    struct diags d;
    diags_init(&d);
    assessment_init(&a, &test_rules);
    for (size_t k = 0; k < n; k++)
        if (assessment_add_buffer(&a, "a.yaml", files[k], strlen(files[k]), false, &d) != 0) {
            print_diags(&d);
            fail();
        }
    diags_release(&d);
    score_compute(&s, &test_rules, &a);
    struct strbuf out = STRBUF_INIT;
    struct report_ctx ctx = {&s, "test", false, 80, NULL, NULL, NULL};
    report_render_text(&ctx, &out);
    score_release(&s);
    assessment_release(&a);
    return strbuf_detach(&out, NULL);
}

#define HEAD "format: stagegap-answers/1\nrules: tiny\norganisation: O\ndate: 2026-09-30\n"

static void test_text_one_of_many_answered(void **state)
{
    (void)state;
    const char *const files[] = {
        HEAD "respondent: {id: r1, role: lead}\nanswers:\n  start.plan: 3\n"
             "  start.training: {score: n/a, note: no training here}\n"
             "comments:\n  - {about: Anything else?, text: More time}\n",
        HEAD "respondent: {id: r2}\nanswers:\n  start.plan: n/a\n  start.training: n/a\n"
             "  start.fatigue: 4\n",
        HEAD "answers:\n  start.plan: n/a\n  start.fatigue: 6\n"
             "comments:\n  - {about: Anything else?, text: Less paperwork}\n  - {text: Thanks}\n",
    };
    char *out = render_pooled(files, 3);
    /* One answer is not a mean. */
    assert_non_null(strstr(out, "answer 3.0 on 0-10, from 1 respondent; Systems\n"));
    /* No min or max, and no spread from fewer than K answers (docs/privacy.md). */
    assert_non_null(strstr(out, "answer 5.0 on 0-10, the mean of 2 respondents; People\n"));
    assert_null(strstr(out, "range"));
    assert_null(strstr(out, " low, "));
    assert_null(strstr(out, "mean of 1"));
    /* n/a items are listed with their notes, as markdown does; pooled, without the id,
       and without the role of a group of one. */
    assert_non_null(strstr(out, "  Not applicable - set aside\n    Training\n"
                                "      said: \"no training here\"\n"));
    /* Comments by question, sorted, without who wrote them. */
    assert_non_null(strstr(out, "\nComments\n"
                                "  Free text respondents wrote, not scored and shown without "
                                "names.\n"
                                "  Anything else?\n"
                                "    said: \"Less paperwork\"\n"
                                "    said: \"More time\"\n"
                                "  Other comments\n"
                                "    said: \"Thanks\"\n"));
    assert_null(strstr(out, "r1"));
    free(out);
}

/*
 * Six respondents at the default threshold of 5: no min or max anywhere, the spread as
 * counts in thirds of the scale, and an item only one of them answered withheld, with
 * its note, and left out of its stage's score.
 */
static void test_text_no_extremes_and_few_answers_withheld(void **state)
{
    (void)state;
    static const char *const plan[] = {"0", "2", "5", "5", "8", "10"};
    char files[6][512];
    const char *ptrs[6];
    for (size_t k = 0; k < 6; k++) {
        snprintf(files[k], sizeof(files[k]),
                 HEAD "answers:\n  start.plan: %s\n  start.training: %s\n", plan[k],
                 k == 0 ? "{score: 9, note: only I answered this}" : "unknown");
        ptrs[k] = files[k];
    }
    char *out = render_pooled(ptrs, 6);
    assert_non_null(strstr(out, "Anonymity threshold: 5."));
    assert_non_null(strstr(out, "the mean of 6 respondents (2 low, 2 middle, 2\n           high)"));
    assert_null(strstr(out, "range"));
    assert_null(strstr(out, "10.0"));
    assert_null(strstr(out, "only I answered"));
    assert_null(strstr(out, "9.0"));
    assert_non_null(strstr(out, "    Training\n      (fewer than 5 answers, not shown)\n"));
    free(out);
}

static void test_text_says_what_a_short_form_stands_for(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    char *yaml = rules_with("title: A tiny model", "title: \"Signs of Safety: a tiny model\"");
    struct strbuf both = STRBUF_INIT;
    const char *at = strstr(yaml, "text: A plan");
    strbuf_add(&both, yaml, (size_t)(at - yaml));
    strbuf_adds(&both, "text: A SoS plan");
    strbuf_adds(&both, at + strlen("text: A plan"));
    assert_int_equal(load_rules_text(&r, strbuf_str(&both), &d), 0);
    struct strbuf out = STRBUF_INIT;
    report_add_short_forms(&out, &r);
    assert_string_equal(strbuf_str(&out), "SoS stands for Signs of Safety.");
    rules_release(&r);
    strbuf_release(&out);
    strbuf_release(&both);
    free(yaml);
    diags_release(&d);
    /* The tiny model has none. */
    report_add_short_forms(&out, &test_rules);
    assert_int_equal(out.len, 0);
    strbuf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_hostile_input_stays_text),
        cmocka_unit_test(test_text_colour_only_when_asked),
        cmocka_unit_test(test_text_wraps_to_width),
        cmocka_unit_test(test_text_names_what_a_reader_needs),
        cmocka_unit_test(test_text_one_of_many_answered),
        cmocka_unit_test(test_text_says_what_a_short_form_stands_for),
        cmocka_unit_test(test_text_no_extremes_and_few_answers_withheld),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
