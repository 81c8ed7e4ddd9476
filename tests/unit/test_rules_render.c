#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_render.h"
#include "strbuf.h"
#include "text.h"

/*
 * An item whose text and question hold an ESC sequence, a table pipe, an HTML tag, a
 * newline followed by a markdown heading, a quote and a backslash.
 */
static const char hostile_text[] = "text: \"bad \\e[2J | <b> \\n# x \\\" \\\\ end\"";
static const char hostile_question[] = "question: \"Why \\e]0;pwned\\a | <i>? \\r\\n## y\"";

enum format { TEXT, MARKDOWN, JSON, CSV };

static void render(const char *yaml, enum format f, struct strbuf *out)
{
    struct rules r;
    struct diags d;
    diags_init(&d);
    if (load_rules_text(&r, yaml, &d) != 0) {
        print_diags(&d);
        fail_msg("the test rules do not load");
    }
    if (f == TEXT)
        rules_render_text(&r, out);
    else if (f == MARKDOWN)
        rules_render_markdown(&r, out);
    else if (f == CSV)
        rules_render_csv(&r, out);
    else
        rules_render_json(&r, out);
    rules_release(&r);
    diags_release(&d);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) {
        fprintf(stderr, "expected to find:\n%s\n--- in:\n%s\n", needle, hay);
        fail();
    }
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (strstr(hay, needle)) {
        fprintf(stderr, "did not expect to find:\n%s\n--- in:\n%s\n", needle, hay);
        fail();
    }
}

static void assert_starts(const char *s, const char *prefix)
{
    if (strncmp(s, prefix, strlen(prefix)) != 0) {
        fprintf(stderr, "expected to start with:\n%s\n--- got:\n%s\n", prefix, s);
        fail();
    }
}

/* No line of s starts with prefix. */
static void assert_no_line_starts(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    for (const char *line = s; line; line = strchr(line, '\n')) {
        if (*line == '\n')
            line++;
        if (strncmp(line, prefix, n) == 0) {
            fprintf(stderr, "a line starts with '%s':\n%s\n", prefix, s);
            fail();
        }
    }
}

/* Every line is at most width code points, unless it is one unbreakable word. */
static void assert_width(const char *s, size_t width)
{
    const char *line = s;
    while (*line) {
        size_t len = strcspn(line, "\n");
        size_t w = utf8_width(line, len);
        const char *first = line + strspn(line, " ");
        bool one_word = memchr(first, ' ', len - (size_t)(first - line)) == NULL;
        if (w > width && !one_word) {
            fprintf(stderr, "line of %zu columns: '%.*s'\n", w, (int)len, line);
            fail();
        }
        line += len + (line[len] == '\n');
    }
}

static char *hostile_rules(void)
{
    char *a = rules_with("text: Training", hostile_text);
    char *tmp = a;
    const char *at = strstr(tmp, "question: Trained?");
    assert_non_null(at);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, tmp, (size_t)(at - tmp));
    strbuf_adds(&sb, hostile_question);
    strbuf_adds(&sb, at + strlen("question: Trained?"));
    free(a);
    return strbuf_detach(&sb, NULL);
}

/* ---- text ---- */

static void test_rules_render_text_outline(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    render(test_rules_yaml, TEXT, &out);
    const char *s = strbuf_str(&out);
    assert_starts(s, "A tiny model\n\n");
    assert_contains(s, "Model:      tiny\n"
                       "Version:    1.0\n"
                       "SHA-256:    ");
    assert_contains(s, "Source:     Tests\n"
                       "Caveat:     No evidence at all.\n"
                       "Scale:      answers from 0 to 10\n"
                       "Low end:    Not at all\n"
                       "High end:   Fully\n");
    assert_lacks(s, "Publisher:");
    assert_lacks(s, "Year:");
    assert_contains(s, "\nLevels of change\n"
                       "  People (people)\n"
                       "  Systems (systems)\n");
    assert_contains(s, "  Good (good), from 70\n"
                       "  Fair (fair), from 40\n"
                       "  Poor (poor), from 0\n");
    assert_contains(s, "\nStage 1: Start (start)\n"
                       "\n"
                       "  Facilitators\n"
                       "    start.plan (level systems, weight 2)\n"
                       "      A plan\n"
                       "      Question: Is there a plan?\n"
                       "      0 = Not at all\n"
                       "      10 = Fully\n"
                       "    start.training (level people)\n");
    assert_contains(s, "  Suggestions\n"
                       "    start.do-plan (level systems)\n"
                       "      Make a plan\n"
                       "      Question: Have you made a plan?\n"
                       "      0 = Not at all\n"
                       "      10 = Fully\n"
                       "      Addresses: start.plan\n");
    assert_contains(s, "    later.context (level systems)\n"
                       "      Context only\n"
                       "      (no question: shown for context, not scored)\n"
                       "\n"
                       "  Notes\n"
                       "    - Little is known.\n");
    assert_true(s[out.len - 1] == '\n');
    strbuf_release(&out);
}

static void test_rules_render_text_item_anchors(void **state)
{
    (void)state;
    char *yaml =
        rules_with("question: How tired?", "question: How tired?, low: Rested, high: Exhausted");
    struct strbuf out = STRBUF_INIT;
    render(yaml, TEXT, &out);
    assert_contains(strbuf_str(&out), "      Question: How tired?\n"
                                      "      0 = Rested\n"
                                      "      10 = Exhausted\n");
    strbuf_release(&out);
    free(yaml);
}

/* Long text wraps to 80 columns counted in code points, with a hanging indent. */
static void test_rules_render_text_wraps_utf8(void **state)
{
    (void)state;
    struct strbuf note = STRBUF_INIT;
    strbuf_adds(&note, "note: \"");
    for (int i = 0; i < 30; i++)
        strbuf_adds(&note, "d\xc3\xa9j\xc3\xa0 "); /* "déjà ": 5 columns, 7 bytes */
    strbuf_adds(&note, "\"");
    char *yaml = rules_with("note: \"No evidence at all.\"", strbuf_str(&note));
    struct strbuf out = STRBUF_INIT;
    render(yaml, TEXT, &out);
    const char *s = strbuf_str(&out);
    assert_width(s, 80);
    /* 12 columns of label, then 13 words of 4 and their spaces make 76. */
    assert_contains(s, "Caveat:     d\xc3\xa9j\xc3\xa0 ");
    assert_contains(s, "d\xc3\xa9j\xc3\xa0\n            d\xc3\xa9j\xc3\xa0 ");
    const char *caveat = strstr(s, "Caveat:");
    size_t first_line = strcspn(caveat, "\n");
    assert_int_equal(utf8_width(caveat, first_line), 12 + 13 * 5 - 1);
    strbuf_release(&out);
    strbuf_release(&note);
    free(yaml);
}

static void test_rules_render_text_hostile(void **state)
{
    (void)state;
    char *yaml = hostile_rules();
    struct strbuf out = STRBUF_INIT;
    render(yaml, TEXT, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "      bad \\x1b[2J | <b> # x \" \\ end\n");
    assert_contains(s, "      Question: Why \\x1b]0;pwned\\x07 | <i>? \\x0d ## y\n");
    assert_null(memchr(s, '\x1b', out.len));
    assert_null(memchr(s, '\a', out.len));
    assert_null(memchr(s, '\r', out.len));
    assert_no_line_starts(s, "# x");
    assert_no_line_starts(s, "## y");
    strbuf_release(&out);
    free(yaml);
}

/* ---- markdown ---- */

static void test_rules_render_markdown_page(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    render(test_rules_yaml, MARKDOWN, &out);
    const char *s = strbuf_str(&out);
    assert_starts(s, "# A tiny model\n\n- Model: `tiny`, version 1.0\n");
    assert_contains(s, "- Source: Tests\n"
                       "- Scale: answers from 0 to 10\n"
                       "- Low end of the scale: Not at all\n"
                       "- High end of the scale: Fully\n"
                       "- 2 stages, 6 items, 5 questions\n"
                       "\n"
                       "> **Caveat:** No evidence at all.\n\n");
    assert_contains(s, "## Levels of change\n\n"
                       "- **People** (`people`)\n"
                       "- **Systems** (`systems`)\n\n");
    assert_contains(s, "## Bands\n\n");
    assert_contains(s, "| Band | Id | Lowest score | What it means |\n"
                       "| --- | --- | --- | --- |\n"
                       "| Good | `good` | 70 | \xe2\x80\x94 |\n");
    assert_contains(s, "## Start\n\n"
                       "Stage 1 of 2, id `start`.\n\n"
                       "### Start: Facilitators\n\n"
                       "| Item | Question | Level | Weight |\n"
                       "| --- | --- | --- | --- |\n"
                       "| A plan (`start.plan`) | Is there a plan? (0: Not at all; 10: Fully) "
                       "| Systems | 2 |\n"
                       "| Training (`start.training`) | Trained? (0: Not at all; 10: Fully) "
                       "| People | 1 |\n\n");
    assert_contains(s, "### Start: Barriers\n\n");
    assert_contains(s, "### Start: Suggestions\n\n"
                       "| Item | Question | Level | Weight | Addresses |\n"
                       "| --- | --- | --- | --- | --- |\n"
                       "| Make a plan (`start.do-plan`) | Have you made a plan? (0: Not at all; "
                       "10: Fully) | Systems | 1 | `start.plan` |\n\n");
    assert_contains(s, "| Context only (`later.context`) | *Not asked: shown for context* "
                       "| Systems | 1 |\n");
    assert_contains(s, "### Later: Notes\n\n- Little is known.\n\n");
    assert_contains(s, "## Where this comes from\n\n- Source: Tests\n\n");
    assert_lacks(s, "Key challenges");
    assert_lacks(s, "\n\n\n");
    assert_true(s[out.len - 1] == '\n' && s[out.len - 2] != '\n');
    strbuf_release(&out);
}

static void test_rules_render_markdown_source(void **state)
{
    (void)state;
    char *yaml = rules_with("source: {title: Tests, note: \"No evidence at all.\"}",
                            "source: {title: Tests, publisher: \"A & B\", year: 2011, "
                            "url: \"https://example.org/a_b?x=1&y=2\", note: N, "
                            "judgement: \"All *ours*\"}");
    struct strbuf out = STRBUF_INIT;
    render(yaml, MARKDOWN, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "- Source: Tests, A \\& B, 2011\n");
    assert_contains(s, "## Where this comes from\n\n"
                       "- Source: Tests\n"
                       "- Publisher: A \\& B\n"
                       "- Year: 2011\n"
                       "- Link: <https://example.org/a_b?x=1&y=2>\n\n"
                       "**What is the rules author's judgement:** All \\*ours\\*\n");
    strbuf_release(&out);
    free(yaml);

    /* Anything but a plain http(s) URL is shown as text, never as a link. */
    yaml = rules_with("source: {title: Tests,",
                      "source: {url: \"javascript:alert(1)<x>\", title: Tests,");
    render(yaml, MARKDOWN, &out);
    assert_contains(strbuf_str(&out), "- Link: javascript:alert(1)\\<x\\>\n");
    strbuf_release(&out);
    free(yaml);
}

/* Two stages with one title get their ids in headings, so no heading repeats. */
static void test_rules_render_markdown_unique_headings(void **state)
{
    (void)state;
    char *yaml = rules_with("title: Later", "title: Start");
    struct strbuf out = STRBUF_INIT;
    render(yaml, MARKDOWN, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "## Start (`start`)\n");
    assert_contains(s, "### Start (`start`): Facilitators\n");
    assert_contains(s, "## Start (`later`)\n");
    assert_contains(s, "### Start (`later`): Facilitators\n");
    assert_contains(s, "### Start (`later`): Notes\n");
    strbuf_release(&out);
    free(yaml);
}

/* A cell with nothing to say holds a dash: markdownlint reads "|  |" as a stray pipe. */
static void test_rules_render_markdown_empty_cells(void **state)
{
    (void)state;
    char *yaml = rules_with("        addresses: [start.plan]\n", "");
    struct strbuf out = STRBUF_INIT;
    render(yaml, MARKDOWN, &out);
    assert_contains(strbuf_str(&out),
                    "| Make a plan (`start.do-plan`) | Have you made a plan? "
                    "(0: Not at all; 10: Fully) | Systems | 1 | \xe2\x80\x94 |\n");
    assert_contains(strbuf_str(&out), "| Poor | `poor` | 0 | \xe2\x80\x94 |\n");
    strbuf_release(&out);
    free(yaml);
}

static void test_rules_render_markdown_hostile(void **state)
{
    (void)state;
    char *yaml = hostile_rules();
    struct strbuf out = STRBUF_INIT;
    render(yaml, MARKDOWN, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "| bad \\\\x1b\\[2J \\| \\<b\\>  \\# x \" \\\\ end (`start.training`) "
                       "| Why \\\\x1b\\]0;pwned\\\\x07 \\| \\<i\\>?   \\#\\# y "
                       "(0: Not at all; 10: Fully) | People | 1 |\n");
    assert_null(memchr(s, '\x1b', out.len));
    assert_null(memchr(s, '\r', out.len));
    assert_no_line_starts(s, "# x");
    assert_no_line_starts(s, "## y");
    strbuf_release(&out);
    free(yaml);
}

/* ---- JSON ---- */

static void test_rules_render_json_model(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    render(test_rules_yaml, JSON, &out);
    const char *s = strbuf_str(&out);
    assert_starts(s, "{\n"
                     "  \"format\": \"stagegap-model/1\",\n"
                     "  \"id\": \"tiny\",\n"
                     "  \"version\": \"1.0\",\n"
                     "  \"title\": \"A tiny model\",\n"
                     "  \"description\": null,\n"
                     "  \"sha256\": \"");
    assert_contains(s, "\",\n"
                       "  \"base\": null,\n"
                       "  \"source\": {\n"
                       "    \"title\": \"Tests\",\n"
                       "    \"publisher\": null,\n"
                       "    \"year\": null,\n"
                       "    \"url\": null,\n"
                       "    \"note\": \"No evidence at all.\",\n"
                       "    \"judgement\": null\n"
                       "  },\n"
                       "  \"scale\": {\n"
                       "    \"min\": 0,\n"
                       "    \"max\": 10,\n"
                       "    \"low\": \"Not at all\",\n"
                       "    \"high\": \"Fully\"\n"
                       "  },\n"
                       "  \"scoring\": {\n"
                       "    \"min_coverage\": 0.5,\n"
                       "    \"acted_on\": 0.7\n"
                       "  },\n"
                       "  \"levels\": [\n"
                       "    {\n"
                       "      \"id\": \"people\",\n"
                       "      \"title\": \"People\",\n"
                       "      \"description\": null\n"
                       "    },\n");
    assert_contains(s, "  \"bands\": [\n"
                       "    {\n"
                       "      \"id\": \"good\",\n"
                       "      \"title\": \"Good\",\n"
                       "      \"min\": 70,\n"
                       "      \"description\": null\n"
                       "    },\n");
    assert_contains(s, "  \"stages\": [\n"
                       "    {\n"
                       "      \"id\": \"start\",\n"
                       "      \"title\": \"Start\",\n"
                       "      \"description\": null,\n"
                       "      \"notes\": [],\n"
                       "      \"items\": [\n"
                       "        {\n"
                       "          \"id\": \"start.plan\",\n"
                       "          \"kind\": \"facilitator\",\n"
                       "          \"text\": \"A plan\",\n"
                       "          \"level\": \"systems\",\n"
                       "          \"question\": \"Is there a plan?\",\n"
                       "          \"low\": null,\n"
                       "          \"high\": null,\n"
                       "          \"weight\": 2,\n"
                       "          \"source\": null,\n"
                       "          \"label\": \"facilitator\",\n"
                       "          \"hedge\": null,\n"
                       "          \"addresses\": [],\n"
                       "          \"target\": null,\n"
                       "          \"origin\": \"base\",\n"
                       "          \"changes\": [],\n"
                       "          \"retired\": null\n"
                       "        },\n");
    assert_contains(s, "          \"id\": \"start.do-plan\",\n"
                       "          \"kind\": \"suggestion\",\n");
    assert_contains(s, "          \"addresses\": [\n"
                       "            \"start.plan\"\n"
                       "          ],\n");
    assert_contains(s, "      \"notes\": [\n"
                       "        \"Little is known.\"\n"
                       "      ],\n");
    assert_contains(s, "          \"id\": \"later.context\",\n"
                       "          \"kind\": \"facilitator\",\n"
                       "          \"text\": \"Context only\",\n"
                       "          \"level\": \"systems\",\n"
                       "          \"question\": null,\n");
    const char *end = "        }\n      ]\n    }\n  ]\n}\n";
    assert_string_equal(s + out.len - strlen(end), end);
    strbuf_release(&out);
}

/* Stages and items come in file order; numbers keep their value. */
static void test_rules_render_json_order_and_numbers(void **state)
{
    (void)state;
    char *yaml = rules_with("question: Trained?}", "question: Trained?, weight: 0.1}");
    struct strbuf out = STRBUF_INIT;
    render(yaml, JSON, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "\"weight\": 0.1,");
    const char *order[] = {"\"start.plan\"",    "\"start.training\"", "\"start.fatigue\"",
                           "\"start.do-plan\"", "\"later\"",          "\"later.habit\"",
                           "\"later.context\""};
    const char *at = strstr(s, "\"stages\"");
    for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        const char *next = strstr(at, order[i]);
        if (!next)
            fail_msg("%s missing or out of order", order[i]);
        at = next;
    }
    strbuf_release(&out);
    free(yaml);
    /* Weights are held to three decimals, and written back as given. */
    yaml = rules_with("question: Trained?}", "question: Trained?, weight: 0.333}");
    strbuf_init(&out);
    render(yaml, JSON, &out);
    assert_contains(strbuf_str(&out), "\"weight\": 0.333,");
    strbuf_release(&out);
    free(yaml);
}

static void test_rules_render_json_hostile(void **state)
{
    (void)state;
    char *yaml = hostile_rules();
    struct strbuf out = STRBUF_INIT;
    render(yaml, JSON, &out);
    const char *s = strbuf_str(&out);
    assert_contains(s, "\"text\": \"bad \\u001b[2J | <b> \\n# x \\\" \\\\ end\",\n");
    assert_contains(s, "\"question\": \"Why \\u001b]0;pwned\\u0007 | <i>? \\r\\n## y\",\n");
    assert_null(memchr(s, '\x1b', out.len));
    assert_null(memchr(s, '\r', out.len));
    strbuf_release(&out);
    free(yaml);
}

static void test_rules_render_csv_questions(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    render(test_rules_yaml, CSV, &out);
    /* One row per question; the context-only item has none. */
    assert_string_equal(
        strbuf_str(&out),
        "id,stage,category,question,min,low,max,high\r\n"
        "\"start.plan\",\"Start\",\"facilitator\",\"Is there a plan?\",0,\"Not at all\",10,"
        "\"Fully\"\r\n"
        "\"start.training\",\"Start\",\"facilitator\",\"Trained?\",0,\"Not at all\",10,"
        "\"Fully\"\r\n"
        "\"start.fatigue\",\"Start\",\"barrier\",\"How tired?\",0,\"Not at all\",10,"
        "\"Fully\"\r\n"
        "\"start.do-plan\",\"Start\",\"suggestion\",\"Have you made a plan?\",0,\"Not at "
        "all\",10,\"Fully\"\r\n"
        "\"later.habit\",\"Later\",\"facilitator\",\"Is it a habit?\",0,\"Not at all\",10,"
        "\"Fully\"\r\n");
    strbuf_release(&out);
}

static void test_rules_render_csv_hostile(void **state)
{
    (void)state;
    char *yaml =
        rules_with("question: Trained?", "question: \"=HYPERLINK(\\\"x\\\"), \\\"q\\\"\\n2\"");
    struct strbuf out = STRBUF_INIT;
    render(yaml, CSV, &out);
    /* Quoted, '"' doubled, a formula guarded with an apostrophe, the line break kept. */
    assert_contains(strbuf_str(&out),
                    "\"start.training\",\"Start\",\"facilitator\",\"'=HYPERLINK(\"\"x\"\"), "
                    "\"\"q\"\"\n2\",0,");
    strbuf_release(&out);
    free(yaml);
}

static void test_rules_render_deterministic(void **state)
{
    (void)state;
    for (int f = TEXT; f <= JSON; f++) {
        struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
        render(test_rules_yaml, (enum format)f, &a);
        render(test_rules_yaml, (enum format)f, &b);
        assert_string_equal(strbuf_str(&a), strbuf_str(&b));
        strbuf_release(&a);
        strbuf_release(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_render_text_outline),
        cmocka_unit_test(test_rules_render_text_item_anchors),
        cmocka_unit_test(test_rules_render_text_wraps_utf8),
        cmocka_unit_test(test_rules_render_text_hostile),
        cmocka_unit_test(test_rules_render_markdown_page),
        cmocka_unit_test(test_rules_render_markdown_source),
        cmocka_unit_test(test_rules_render_markdown_unique_headings),
        cmocka_unit_test(test_rules_render_markdown_empty_cells),
        cmocka_unit_test(test_rules_render_markdown_hostile),
        cmocka_unit_test(test_rules_render_json_model),
        cmocka_unit_test(test_rules_render_json_order_and_numbers),
        cmocka_unit_test(test_rules_render_json_hostile),
        cmocka_unit_test(test_rules_render_csv_questions),
        cmocka_unit_test(test_rules_render_csv_hostile),
        cmocka_unit_test(test_rules_render_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
