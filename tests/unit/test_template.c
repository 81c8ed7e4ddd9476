#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "strbuf.h"
#include "template.h"
#include "text.h"

static void load(struct rules *r, const char *yaml)
{
    struct diags d;
    diags_init(&d);
    if (load_rules_text(r, yaml, &d) != 0) {
        print_diags(&d);
        fail_msg("the test rules do not load");
    }
    diags_release(&d);
}

static void render(const char *yaml, struct strbuf *out)
{
    struct rules r;
    load(&r, yaml);
    template_render(&r, out);
    rules_release(&r);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) {
        fprintf(stderr, "expected to find:\n%s\n--- in:\n%s\n", needle, hay);
        fail();
    }
}

/*
 * Reads the template back as answers to its own rules: it must be valid and leave
 * every question unknown; with strict set, it must fail with one error per question.
 */
static void assert_round_trip(const char *yaml, const char *template)
{
    struct rules r;
    struct assessment a;
    struct diags d;
    load(&r, yaml);
    assessment_init(&a, &r);
    diags_init(&d);
    if (assessment_add_buffer(&a, "template.yaml", template, strlen(template), false, &d) != 0) {
        print_diags(&d);
        fprintf(stderr, "in:\n%s\n", template);
        fail_msg("the template is not valid answers");
    }
    assert_string_equal(a.organisation, "Your organisation");
    assert_string_equal(a.date, "2026-01-01");
    for (size_t i = 0; i < r.n_items; i++)
        assert_int_equal(item_tally_state(&a.items[i]),
                         r.items[i].question ? ANSWER_UNKNOWN : ANSWER_NONE);
    assessment_release(&a);
    diags_release(&d);

    assessment_init(&a, &r);
    diags_init(&d);
    assert_int_equal(
        assessment_add_buffer(&a, "template.yaml", template, strlen(template), true, &d),
        rules_answerable(&r) ? -1 : 0);
    assert_int_equal(d.errors, rules_answerable(&r));
    assessment_release(&a);
    diags_release(&d);
    rules_release(&r);
}

/* Every line is blank, a comment, or one of the keys the template writes. */
static void assert_lines_inert(const char *s, const struct rules *r)
{
    static const char *const top[] = {
        "format: ", "rules: ", "organisation: ", "date: ", "answers:"};
    const char *line = s;
    while (*line) {
        size_t len = strcspn(line, "\n");
        const char *p = line + strspn(line, " ");
        bool ok = p == line + len || *p == '#';
        for (size_t i = 0; !ok && i < sizeof(top) / sizeof(top[0]); i++)
            ok = line == p && strncmp(line, top[i], strlen(top[i])) == 0;
        for (size_t i = 0; !ok && i < r->n_items; i++) {
            size_t n = strlen(r->items[i].id);
            ok = p == line + 2 && strncmp(p, r->items[i].id, n) == 0 &&
                 strncmp(p + n, ": unknown", 9) == 0 && len == 2 + n + 9;
        }
        if (!ok) {
            fprintf(stderr, "unexpected line: '%.*s'\n", (int)len, line);
            fail();
        }
        line += len + (line[len] == '\n');
    }
}

static void test_template_tiny(void **state)
{
    (void)state;
    static const char expected[] =
        "# stagegap answers to \"A tiny model\" (model tiny, version 1.0).\n"
        "#\n"
        "# Answer each question below by replacing its 'unknown' with a number from 0 to "
        "10; with\n"
        "# n/a when the question does not apply to your organisation; or leave it unknown "
        "when\n"
        "# nobody knows yet (it lowers the stage's coverage and is listed as something to "
        "find\n"
        "# out). To add a note or evidence, write a map instead, for example:\n"
        "#   {score: 5, note: \"pilot teams only\", evidence: \"supervision audit\"}\n"
        "#\n"
        "# The scale in general, from 0 to 10:\n"
        "#   0 = Not at all\n"
        "#   10 = Fully\n"
        "# Each question below says what its two ends mean. For a barrier, a higher number "
        "means\n"
        "# the barrier holds the service back more.\n"
        "#\n"
        "# Set organisation and date, then check and score the file:\n"
        "#   stagegap validate --rules test.yaml FILE\n"
        "#   stagegap assess --rules test.yaml FILE\n"
        "\n"
        "format: stagegap-answers/1\n"
        "rules: tiny\n"
        "organisation: \"Your organisation\"  # change to your organisation's name\n"
        "date: 2026-01-01  # the date of this assessment, YYYY-MM-DD: change it\n"
        "# respondent:  # optional: who answered; to say, remove '# ' from these lines\n"
        "#   id: r01\n"
        "#   role: practitioner\n"
        "#   groups: {team: Northside, locality: North}  # team, locality, any grouping used\n"
        "\n"
        "answers:\n"
        "\n"
        "  # ===================================================================================="
        "\n"
        "  # Stage 1 of 2: Start (start)\n"
        "  # ===================================================================================="
        "\n"
        "\n"
        "  # Facilitator (Systems): A plan\n"
        "  # Question: Is there a plan?\n"
        "  # 0 = Not at all\n"
        "  # 10 = Fully\n"
        "  start.plan: unknown\n"
        "\n"
        "  # Facilitator (People): Training\n"
        "  # Question: Trained?\n"
        "  # 0 = Not at all\n"
        "  # 10 = Fully\n"
        "  start.training: unknown\n"
        "\n"
        "  # Barrier (People): Fatigue\n"
        "  # Question: How tired?\n"
        "  # 0 = Not at all\n"
        "  # 10 = Fully\n"
        "  start.fatigue: unknown\n"
        "\n"
        "  # Suggestion (Systems): Make a plan\n"
        "  # Question: Have you made a plan?\n"
        "  # 0 = Not at all\n"
        "  # 10 = Fully\n"
        "  start.do-plan: unknown\n"
        "\n"
        "  # ===================================================================================="
        "\n"
        "  # Stage 2 of 2: Later (later)\n"
        "  # ===================================================================================="
        "\n"
        "\n"
        "  # Facilitator (People): Habit\n"
        "  # Question: Is it a habit?\n"
        "  # 0 = Not at all\n"
        "  # 10 = Fully\n"
        "  later.habit: unknown\n";
    struct strbuf out = STRBUF_INIT;
    render(test_rules_yaml, &out);
    assert_string_equal(strbuf_str(&out), expected);
    assert_round_trip(test_rules_yaml, strbuf_str(&out));
    strbuf_release(&out);
}

/* An item's own anchors and the stage description are shown; context-only items are not. */
static void test_template_anchors_and_description(void **state)
{
    (void)state;
    char *yaml =
        rules_with("question: How tired?}", "question: How tired?, low: Rested, high: Exhausted}");
    char *yaml2 = NULL;
    struct strbuf out = STRBUF_INIT;
    render(yaml, &out);
    assert_contains(strbuf_str(&out), "  # Question: How tired?\n"
                                      "  # 0 = Rested\n"
                                      "  # 10 = Exhausted\n"
                                      "  start.fatigue: unknown\n");
    assert_null(strstr(strbuf_str(&out), "later.context"));
    strbuf_release(&out);

    yaml2 = rules_with("    title: Later\n", "    title: Later\n    description: Much later.\n");
    render(yaml2, &out);
    assert_contains(strbuf_str(&out), "  # Stage 2 of 2: Later (later)\n"
                                      "  # Much later.\n"
                                      "  # ====");
    strbuf_release(&out);
    free(yaml);
    free(yaml2);
}

/* Long comments are filled to 88 columns, counted in code points, with "#   " below. */
static void test_template_wraps_comments(void **state)
{
    (void)state;
    struct strbuf q = STRBUF_INIT;
    strbuf_adds(&q, "question: \"");
    for (int i = 0; i < 40; i++)
        strbuf_adds(&q, "\xc3\xa9t\xc3\xa9 "); /* "été ": 4 columns, 6 bytes */
    strbuf_adds(&q, "?\"}");
    char *yaml = rules_with("question: Trained?}", strbuf_str(&q));
    struct strbuf out = STRBUF_INIT;
    render(yaml, &out);
    const char *s = strbuf_str(&out);
    /* "  # Question: " is 14 columns; 18 words of 3 and their spaces bring it to 85. */
    const char *at = strstr(s, "  # Question: \xc3\xa9t\xc3\xa9");
    assert_non_null(at);
    size_t len = strcspn(at, "\n");
    assert_int_equal(utf8_width(at, len), 14 + 18 * 4 - 1);
    assert_true(strncmp(at + len, "\n  #   \xc3\xa9t\xc3\xa9 ", 10) == 0);
    for (const char *line = s; *line;) {
        size_t n = strcspn(line, "\n");
        assert_true(utf8_width(line, n) <= 88);
        line += n + (line[n] == '\n');
    }
    assert_round_trip(yaml, s);
    strbuf_release(&out);
    strbuf_release(&q);
    free(yaml);
}

/*
 * Text from the rules cannot break out of its comment: no line break of any kind
 * (LF, CR, NEL, U+2028, U+2029), no control character, and no U+FFFE, which libyaml
 * refuses, reaches the file, and the result is still valid answers.
 */
static void test_template_hostile_text(void **state)
{
    (void)state;
    char *a = rules_with("text: Training",
                         "text: \"x\\nbad: 1\\rcr\\Nnel\\Lls\\Pps\\e[2J\\uFFFE\\t# y\"");
    char *b = NULL;
    {
        const char *at = strstr(a, "question: Trained?");
        struct strbuf sb = STRBUF_INIT;
        strbuf_add(&sb, a, (size_t)(at - a));
        strbuf_adds(&sb, "question: \"Why?\\n  start.plan: 3\\n#\\u0085\"");
        strbuf_adds(&sb, at + strlen("question: Trained?"));
        b = strbuf_detach(&sb, NULL);
    }
    char *yaml = NULL;
    {
        const char *at = strstr(b, "title: Start");
        struct strbuf sb = STRBUF_INIT;
        strbuf_add(&sb, b, (size_t)(at - b));
        strbuf_adds(&sb, "title: \"Start\\nanswers: {}\"");
        strbuf_adds(&sb, at + strlen("title: Start"));
        yaml = strbuf_detach(&sb, NULL);
    }
    struct strbuf out = STRBUF_INIT;
    struct rules r;
    load(&r, yaml);
    template_render(&r, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "  # Facilitator (People): x bad: 1\\x0dcr\\x85nel ls ps\\x1b[2J"
                       "\xef\xbf\xbd # y\n");
    assert_contains(s, "  # Question: Why? start.plan: 3 #\\x85\n");
    assert_contains(s, "  # Stage 1 of 2: Start answers: {} (start)\n");
    for (size_t i = 0; i < out.len; i++) {
        unsigned char c = (unsigned char)s[i];
        assert_true(c == '\n' || (c >= 0x20 && c != 0x7F));
    }
    assert_null(strstr(s, "\xc2\x85"));
    assert_null(strstr(s, "\xe2\x80\xa8"));
    assert_null(strstr(s, "\xe2\x80\xa9"));
    assert_null(strstr(s, "\xef\xbf\xbe"));
    assert_lines_inert(s, &r);
    assert_round_trip(yaml, s);
    rules_release(&r);
    strbuf_release(&out);
    free(a);
    free(b);
    free(yaml);
}

/* A model without questions still gets a valid file: answers is an empty map. */
static void test_template_no_questions(void **state)
{
    (void)state;
    static const char yaml[] =
        "format: stagegap-rules/1\n"
        "id: \"null\"\n"
        "version: \"1\"\n"
        "title: Nothing to ask\n"
        "source: {title: T, note: N}\n"
        "scale: {min: -2, max: 2, low: Worse, high: Better}\n"
        "levels: [{id: l, title: L}]\n"
        "bands: [{id: b, title: B, min: 0}]\n"
        "stages:\n"
        "  - {id: s, title: S, facilitators: [{id: s.a, text: A, level: l}]}\n";
    struct strbuf out = STRBUF_INIT;
    render(yaml, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "a number from -2 to 2;");
    assert_contains(s, "#   {score: 0, note:");
    assert_contains(s, "#   -2 = Worse\n#   2 = Better\n");
    /* The model id "null" is quoted, or YAML would read it as no value at all. */
    assert_contains(s, "\nrules: \"null\"\n");
    assert_contains(s, "\nanswers: {}  # this model has no questions to answer\n");
    assert_round_trip(yaml, s);
    strbuf_release(&out);
}

/* The commands to run next name the rules file, quoted for a shell when they must be. */
static void test_template_names_rules_file(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    struct strbuf out = STRBUF_INIT;
    diags_init(&d);
    assert_int_equal(
        rules_load_buffer(&r, "it's my rules.yaml", test_rules_yaml, strlen(test_rules_yaml), &d),
        0);
    template_render(&r, &out);
    assert_contains(strbuf_str(&out),
                    "#   stagegap validate --rules 'it'\\''s my rules.yaml' FILE\n"
                    "#   stagegap assess --rules 'it'\\''s my rules.yaml' FILE\n");
    rules_release(&r);
    diags_release(&d);
    strbuf_release(&out);
}

/* The built-in model's template is valid as it is. */
static void test_template_default_model(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    struct strbuf out = STRBUF_INIT;
    diags_init(&d);
    assert_int_equal(rules_load_default(&r, &d), 0);
    template_render(&r, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "#   stagegap validate FILE\n#   stagegap assess FILE\n");
    assert_contains(s, "\nrules: signs-of-safety\n");
    struct assessment a;
    assessment_init(&a, &r);
    assert_int_equal(assessment_add_buffer(&a, "t.yaml", s, out.len, false, &d), 0);
    for (size_t i = 0; i < r.n_items; i++)
        if (r.items[i].question)
            assert_int_equal(item_tally_state(&a.items[i]), ANSWER_UNKNOWN);
    assert_lines_inert(s, &r);
    assessment_release(&a);
    rules_release(&r);
    diags_release(&d);
    strbuf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template_tiny),
        cmocka_unit_test(test_template_anchors_and_description),
        cmocka_unit_test(test_template_wraps_comments),
        cmocka_unit_test(test_template_hostile_text),
        cmocka_unit_test(test_template_no_questions),
        cmocka_unit_test(test_template_names_rules_file),
        cmocka_unit_test(test_template_default_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
