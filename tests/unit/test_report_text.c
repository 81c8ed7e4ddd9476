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
    (void)state;
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
    (void)state;
    score_release(&score);
    assessment_release(&assessment);
    rules_release(&rules);
    return 0;
}

static char *render(bool color, size_t width)
{
    struct strbuf out = STRBUF_INIT;
    struct report_ctx ctx = {&score, "test", color, width};
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_hostile_input_stays_text),
        cmocka_unit_test(test_text_colour_only_when_asked),
        cmocka_unit_test(test_text_wraps_to_width),
        cmocka_unit_test(test_text_names_what_a_reader_needs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
