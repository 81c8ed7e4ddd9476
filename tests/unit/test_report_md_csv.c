/*
 * test_report_md_csv.c - the markdown and CSV reports: what they say, in which order,
 * and that hostile text from rules and answers files stays text. The markdown is checked
 * line by line against the rules a markdown linter applies; the CSV is parsed with a
 * small RFC 4180 reader so every record and field can be checked exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "report.h"
#include "report_build_internal.h"
#include "score.h"
#include "suppress.h"
#include "strbuf.h"

struct fixture {
    struct rules rules;
    struct assessment a;
    struct score s;
    struct diags d;
    struct strbuf out;
    bool attribute;   /* render as with --attribute */
    size_t min_group; /* the threshold; 0 for the default */
};

/* Answers to the tiny model that score Start 64.0 and leave Later unknown. */
#define ANSWERS_64                                                                                 \
    "start.plan: 6, start.training: 8, start.fatigue: 7, start.do-plan: 9, "                       \
    "later.habit: unknown"

static struct fixture *fixture_new(const char *rules_yaml)
{
    struct fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    diags_init(&f->d);
    if (load_rules_text(&f->rules, rules_yaml, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    assessment_init(&f->a, &f->rules);
    /* As the command line does by default. */
    static const char *const by_role[] = {ANSWERS_FIELD_ROLE};
    assessment_break_down_by(&f->a, by_role, 1);
    score_init(&f->s);
    return f;
}

static void fixture_free(struct fixture *f)
{
    strbuf_release(&f->out);
    score_release(&f->s);
    assessment_release(&f->a);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
}

/* Adds one respondent: head holds the YAML keys before answers (organisation, ...). */
static void add_answers(struct fixture *f, const char *head, const char *answers)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "format: stagegap-answers/1\nrules: tiny\ndate: 2026-09-30\n");
    strbuf_adds(&sb, head);
    strbuf_addf(&sb, "answers: {%s}\n", answers);
    if (assessment_add_buffer(&f->a, "answers.yaml", sb.buf, sb.len, false, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    strbuf_release(&sb);
}

static const char *render(struct fixture *f, void (*fn)(const struct report_ctx *, struct strbuf *))
{
    score_release(&f->s);
    struct score_options o = {f->attribute,
                              f->min_group ? f->min_group : SUPPRESS_MIN_GROUP_DEFAULT, true, NULL};
    score_compute_with(&f->s, &f->rules, &f->a, &o);
    struct report_ctx ctx = {&f->s, "9.8.7", false, 80, NULL, NULL, NULL};
    strbuf_reset(&f->out);
    fn(&ctx, &f->out);
    return strbuf_str(&f->out);
}

static const char *markdown(struct fixture *f)
{
    return render(f, report_render_markdown);
}

static const char *csv(struct fixture *f)
{
    return render(f, report_render_csv);
}

/* Fails, showing the whole output, unless it holds this exact line. */
static void assert_line(const char *out, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = out; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
            return;
    fprintf(stderr, "no line\n  %s\nin\n%s\n", line, out);
    fail();
}

static void assert_contains(const char *out, const char *s)
{
    if (!strstr(out, s)) {
        fprintf(stderr, "no\n  %s\nin\n%s\n", s, out);
        fail();
    }
}

static void assert_lacks(const char *out, const char *s)
{
    if (strstr(out, s)) {
        fprintf(stderr, "unexpected\n  %s\nin\n%s\n", s, out);
        fail();
    }
}

/* Where s first occurs at or after from; fails when it does not. */
static size_t position(const char *out, const char *s, size_t from)
{
    const char *p = strstr(out + from, s);
    if (!p) {
        fprintf(stderr, "no\n  %s\nafter offset %zu in\n%s\n", s, from, out);
        fail();
    }
    return (size_t)(p - out);
}

/* ---- markdown structure, as a linter would check it ---- */

/* Pipes that delimit cells: those not escaped by an odd run of backslashes. */
static size_t cell_pipes(const char *line, size_t len)
{
    size_t pipes = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] != '|')
            continue;
        size_t slashes = 0;
        while (slashes < i && line[i - 1 - slashes] == '\\')
            slashes++;
        pipes += slashes % 2 == 0;
    }
    return pipes;
}

static bool starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && strncmp(s, prefix, n) == 0;
}

/* Every line opens with our own words or markup, never with input text. */
static bool line_start_is_ours(const char *s, size_t len)
{
    static const char *const ours[] = {"# Implementation readiness",
                                       "## ",
                                       "### ",
                                       "- Date: ",
                                       "- Respondents: ",
                                       "- Attribution is on: ",
                                       "- Not anonymous: ",
                                       "Groups of fewer than ",
                                       "Everyone gives the same ",
                                       "Left out: ",
                                       "- Model: ",
                                       "- Rules SHA-256: `",
                                       "- Work on **",
                                       "- No focus: ",
                                       "Respondents disagree on ",
                                       "- Nothing was scored: ",
                                       "- On ",
                                       "- Find out: ",
                                       "Not ranked until more is known",
                                       "- Not scored yet: ",
                                       "- Not known if acted on: ",
                                       "- Set aside: ",
                                       "| ",
                                       "> From the source: ",
                                       ">",
                                       "Scores run from 0 to 100.",
                                       "Read the score of **",
                                       "No gaps: ",
                                       "No gaps to show: ",
                                       "No suggestion addresses",
                                       "Every suggestion that addresses an open gap is ",
                                       "Already acted on, and the gaps they address",
                                       "- In **",
                                       "Notes and evidence on these gaps:",
                                       "Score: ",
                                       "Caveat: ",
                                       "Read the scores with [About the evidence]",
                                       "How the model was built: ",
                                       "Made by stagegap 9.8.7.",
                                       "- Anonymity threshold: ",
                                       "Each group's stage scores weigh every item alike",
                                       NULL};
    for (size_t k = 0; ours[k]; k++)
        if (starts_with(s, len, ours[k]))
            return true;
    /* "1. In **": an item of the numbered action list. */
    return len >= 8 && s[0] >= '1' && s[0] <= '5' && strncmp(s + 1, ". In **", 7) == 0;
}

/*
 * The markdown promises: ends with exactly one newline; no trailing spaces, tabs, raw
 * control characters or doubled blank lines; headings one level deeper at most and
 * never repeated; tables with a separator row and as many cells in every row; every
 * line opening with our own words.
 */
static void assert_markdown_well_formed(const char *out)
{
    size_t len = strlen(out);
    assert_true(len >= 2);
    assert_true(out[len - 1] == '\n' && out[len - 2] != '\n');
    assert_lacks(out, "\n\n\n");
    assert_lacks(out, "\t");
    assert_lacks(out, "\r");
    assert_lacks(out, "\x1b");
    int level = 0;
    size_t table_pipes = 0, table_row = 0;
    char headings[64][512];
    size_t n_headings = 0;
    for (const char *p = out; *p;) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        size_t n = (size_t)(nl - p);
        if (n) {
            if (!line_start_is_ours(p, n))
                fprintf(stderr, "line starts with input: %.*s\n", (int)n, p);
            assert_true(line_start_is_ours(p, n));
            assert_true(p[n - 1] != ' ');
        }
        if (n && p[0] == '#') {
            int h = 0;
            while (p[h] == '#')
                h++;
            assert_true(h <= level + 1);
            level = h;
            assert_true(n_headings < 64 && n < 512);
            memcpy(headings[n_headings], p, n);
            headings[n_headings][n] = '\0';
            for (size_t k = 0; k < n_headings; k++)
                assert_string_not_equal(headings[k], headings[n_headings]);
            n_headings++;
            assert_true(nl[1] == '\n');             /* a blank line after */
            assert_true(p == out || p[-2] == '\n'); /* and before */
        }
        if (n && p[0] == '|') {
            if (table_row == 0) {
                table_pipes = cell_pipes(p, n);
                assert_true(p == out || p[-2] == '\n');
            } else {
                assert_int_equal(cell_pipes(p, n), table_pipes);
            }
            if (table_row == 1)
                assert_true(starts_with(p, n, "| ---"));
            table_row++;
        } else {
            table_row = 0;
        }
        p = nl + 1;
    }
}

/* ---- a small RFC 4180 reader ---- */

struct csv_table {
    char *cells[64][32]; /* unquoted fields */
    size_t n_fields[64];
    size_t rows;
};

/* Reads every record, each ended by CRLF; fails on anything RFC 4180 does not allow. */
static void csv_parse(const char *s, struct csv_table *t)
{
    memset(t, 0, sizeof(*t));
    while (*s) {
        assert_true(t->rows < 64);
        size_t row = t->rows++;
        for (;;) {
            struct strbuf field = STRBUF_INIT;
            if (*s == '"') {
                for (s++;; s++) {
                    assert_true(*s != '\0'); /* an unterminated quote */
                    if (*s == '"' && s[1] == '"')
                        strbuf_addc(&field, *s++);
                    else if (*s == '"')
                        break;
                    else
                        strbuf_addc(&field, *s);
                }
                s++;
            } else {
                for (; *s && *s != ',' && *s != '\r' && *s != '\n'; s++) {
                    assert_true(*s != '"'); /* a quote inside an unquoted field */
                    strbuf_addc(&field, *s);
                }
            }
            assert_true(t->n_fields[row] < 32);
            t->cells[row][t->n_fields[row]++] = strbuf_detach(&field, NULL);
            if (*s == ',') {
                s++;
                continue;
            }
            assert_true(s[0] == '\r' && s[1] == '\n'); /* every record ends CRLF */
            s += 2;
            break;
        }
    }
}

static void csv_free(struct csv_table *t)
{
    for (size_t r = 0; r < t->rows; r++)
        for (size_t c = 0; c < t->n_fields[r]; c++)
            free(t->cells[r][c]);
}

enum { CSV_FIELDS = 30 };

/* The column called name, from the header row. */
static size_t csv_column(const struct csv_table *t, const char *name)
{
    for (size_t c = 0; c < t->n_fields[0]; c++)
        if (strcmp(t->cells[0][c], name) == 0)
            return c;
    fail_msg("no column %s", name);
    return 0;
}

/* The row of an item id. */
static size_t csv_row(const struct csv_table *t, const char *item)
{
    size_t col = csv_column(t, "item");
    for (size_t r = 1; r < t->rows; r++)
        if (strcmp(t->cells[r][col], item) == 0)
            return r;
    fail_msg("no row for %s", item);
    return 0;
}

static const char *cell(const struct csv_table *t, const char *item, const char *column)
{
    return t->cells[csv_row(t, item)][csv_column(t, column)];
}

/*
 * Asserts out holds a row for Testshire on 2026-09-30 with one respondent, the tiny
 * rules, the given middle cells, the caveat, and then the given tail (priority, points,
 * about; the label and hedge after them are checked by test_csv_label_and_hedge).
 */
static void assert_csv_row_tail(const char *out, const struct fixture *f, const char *middle,
                                const char *tail)
{
    struct strbuf row = STRBUF_INIT;
    strbuf_addf(&row,
                "\r\n\"Testshire\",\"2026-09-30\",1,\"tiny\",\"1.0\",\"%s\",%s,"
                "\"No evidence at all.\",%s",
                f->rules.sha256, middle, tail);
    assert_contains(out, row.buf);
    strbuf_release(&row);
}

/* The same for a row that is no suggestion's and no comment's: the tail is empty. */
static void assert_csv_row(const char *out, const struct fixture *f, const char *middle)
{
    assert_csv_row_tail(out, f, middle, ",,");
}

static void assert_csv_rectangular(const struct csv_table *t, size_t rows)
{
    assert_int_equal(t->rows, rows);
    for (size_t r = 0; r < t->rows; r++)
        assert_int_equal(t->n_fields[r], CSV_FIELDS);
}

/* ---- markdown ---- */

static void test_markdown_header_names_assessment_and_rules(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n", ANSWERS_64);
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_true(strncmp(out, "# Implementation readiness: Testshire\n\n", 39) == 0);
    assert_line(out, "- Date: 2026-09-30");
    assert_line(out, "- Respondents: 1");
    assert_line(out, "- Model: A tiny model (tiny, version 1.0)");
    char sha[100];
    snprintf(sha, sizeof(sha), "- Rules SHA-256: `%s`", f->rules.sha256);
    assert_int_equal(strlen(f->rules.sha256), 64);
    assert_line(out, sha);
    assert_line(out, "- Work on **Start** first");
    assert_line(out, "## About the evidence");
    assert_line(out, "Caveat: No evidence at all.");
    /* The closing line names the tool; nothing after it. */
    size_t len = strlen(out);
    assert_string_equal(out + len - strlen("Made by stagegap 9.8.7.\n"),
                        "Made by stagegap 9.8.7.\n");
    fixture_free(f);
}

static void test_markdown_summary_table_and_no_score_dash(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n", ANSWERS_64);
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "| Stage | Score | Band | Coverage |");
    assert_line(out, "| --- | ---: | --- | ---: |");
    assert_line(out, "| Start | 64.0 | Fair | 4/4 (100.0%) |");
    assert_line(out, "| Later | — | Not enough answers | 0/1 (0.0%) |");
    assert_line(out, "Score: 64.0 (Fair). Answered: 4/4 (100.0%) of the questions that apply.");
    assert_line(out, "Score: — (Not enough answers). Answered: 0/1 (0.0%) of the questions "
                     "that apply.");
    /* Single respondent: no answer counts, no role table. */
    assert_lacks(out, "(n=");
    assert_lacks(out, "## By role");
    fixture_free(f);
}

static void test_markdown_gaps_largest_impact_first(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n", ANSWERS_64);
    const char *out = markdown(f);
    size_t at = position(out, "### Gaps in Start\n", 0);
    assert_line(out, "| Gap | Kind | Level | Answer (0–10) | Impact | Suggestions |");
    at = position(out,
                  "\n| A plan | facilitator | Systems | 6.0 | 16.0 | Make a plan "
                  "(already acted on) |\n",
                  at);
    at = position(out, "\n| Fatigue | barrier | People | 7.0 | 14.0 | |\n", at);
    at = position(out, "\n| Training | facilitator | People | 8.0 | 4.0 | |\n", at);
    at = position(out, "\n| Make a plan | suggestion | Systems | 9.0 | 2.0 | |\n", at);
    position(out, "### Start by level of change\n", at);
    assert_line(out, "| People | 55.0 | 2/2 |");
    assert_line(out, "| Systems | 70.0 | 2/2 |");
    /* Later's one question is unknown: listed to find out, with its own level table. */
    assert_line(out, "### Not yet known in Later");
    position(out, "### Gaps in Later\n\nNo gaps to show: no question here was answered.\n", at);
    assert_line(out, "- Find out: Habit");
    assert_line(out, "| People | — | 0/1 |");
    assert_line(out, "| Systems | — | 0/0 |");
    assert_line(out, "> From the source: Little is known.");
    fixture_free(f);
}

static void test_markdown_actions_by_priority(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n", ANSWERS_64);
    const char *out = markdown(f);
    size_t at = position(out, "## Actions to take first\n\n", 0);
    /* Make a plan is already acted on (9 of 10): not an action, but one to keep going. */
    position(out,
             "Every suggestion that addresses an open gap is already acted on: keep going "
             "with those below.\n\n## Keep going\n\nAlready acted on, and the gaps they "
             "address are still open:\n\n- In **Start**: Make a plan — addresses A plan "
             "(16.0 points)\n\n## Start\n",
             at);
    fixture_free(f);
}

/* A suggestion answered n/a does not apply: no format offers it or ranks it (bug 8). */
static void test_na_suggestion_is_not_offered_in_any_format(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n",
                "start.plan: 6, start.training: 8, start.fatigue: 7, start.do-plan: n/a, "
                "later.habit: unknown");
    const char *out = render(f, report_render_text);
    assert_contains(out, "A plan");
    assert_lacks(out, "try: Make a plan");
    assert_contains(out, "Actions to take first\n  No suggestion addresses an open gap.\n");
    out = markdown(f);
    assert_line(out, "No suggestion addresses an open gap.");
    assert_line(out, "| A plan | facilitator | Systems | 6.0 | 20.0 | |");
    out = render(f, report_render_html);
    assert_lacks(out, "<ul class=\"cell\"><li>Make a plan</li>");
    assert_lacks(out, "Actions to take first</h2>\n<table>");
    out = render(f, report_render_json);
    assert_contains(out, "\"id\": \"start.do-plan\",");
    assert_contains(out, "\"priority\": null,");
    assert_lacks(out, "\"priority\": 1,");
    assert_contains(out, "\"suggestions\": [],");
    fixture_free(f);
}

/*
 * Actions across stages (bug 9): the focus stage's first, whatever another stage's
 * points; one already acted on listed apart, to keep going with, in every format.
 */
static void test_actions_focus_stage_first_and_keep_going_apart(void **state)
{
    (void)state;
    char *yaml = rules_with("    notes: [Little is known.]\n",
                            "    suggestions:\n"
                            "      - {id: later.do, text: Do it, level: people, question: Done?, "
                            "addresses: [later.habit]}\n"
                            "    notes: [Little is known.]\n");
    struct fixture *f = fixture_new(yaml);
    free(yaml);
    /* Start is the focus; Make a plan closes 4 of its points, Do it 50 of Later's. */
    add_answers(f, "organisation: Testshire\n",
                "start.plan: 9, start.training: 5, start.fatigue: 1, start.do-plan: 2, "
                "later.habit: 0, later.do: 1");
    const char *out = render(f, report_render_text);
    size_t at = position(out, "Actions to take first\n", 0);
    at = position(out, "1. Make a plan (Start;", at);
    position(out, "2. Do it (Later;", at);
    assert_lacks(out, "Keep going");
    fixture_free(f);

    yaml = rules_with("    notes: [Little is known.]\n",
                      "    suggestions:\n"
                      "      - {id: later.do, text: Do it, level: people, question: Done?, "
                      "addresses: [later.habit]}\n"
                      "    notes: [Little is known.]\n");
    f = fixture_new(yaml);
    free(yaml);
    /* Make a plan is acted on (9) and closes 32 points; Do it, not yet, 10 of Later's. */
    add_answers(f, "organisation: Testshire\n",
                "start.plan: 2, start.training: 5, start.fatigue: 1, start.do-plan: 9, "
                "later.habit: 8, later.do: 1");
    out = render(f, report_render_text);
    at = position(out, "Actions to take first\n  1. Do it (Later;", 0);
    position(out,
             "Keep going (already acted on; gaps they address are still open)\n  - Make a "
             "plan (Start;",
             at);
    out = markdown(f);
    at = position(out, "## Actions to take first\n\n1. In **Later**: Do it", 0);
    position(out, "## Keep going\n", at);
    position(out, "- In **Start**: Make a plan — addresses A plan (32.0 points)", at);
    assert_markdown_well_formed(out);
    out = render(f, report_render_html);
    at = position(out, "<h2 id=\"actions-h\">Actions to take first</h2>", 0);
    at = position(out, "Do it<span class=\"id\">later.do</span>", at);
    at = position(out, "<h3 id=\"keep-going-h\">Keep going</h3>", at);
    position(out, "Make a plan<span class=\"id\">start.do-plan</span>", at);
    out = render(f, report_render_json);
    position(out,
             "\"id\": \"later.do\",\n      \"text\": \"Do it\",\n      \"stage\": "
             "\"later\",\n      \"addresses\": [\n        \"later.habit\"\n      ],\n      "
             "\"priority\": 1,",
             0);
    position(out,
             "\"priority\": 2,\n      \"points\": 32.0,\n      \"acted_on\": true,\n"
             "      \"keep_going\": true",
             0);
    fixture_free(f);
}

/* Every answer n/a: nothing was scored, and no format says the stages are top band. */
static void test_all_na_says_nothing_was_scored(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n",
                "start.plan: n/a, start.training: n/a, start.fatigue: n/a, start.do-plan: n/a, "
                "later.habit: n/a");
    const char *out = render(f, report_render_text);
    assert_contains(out, "Nothing was scored: every question was answered n/a, so no stage applies "
                         "and\nthere is no focus.");
    assert_contains(out, "Does not apply (all n/a)");
    assert_lacks(out, "top band");
    out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "- No focus: no stage applies: every question was answered n/a");
    assert_line(out, "| Start | — | Does not apply (all n/a) | 0/0 |");
    assert_lacks(out, "top band");
    out = render(f, report_render_html);
    assert_contains(out, "Nothing was scored:</span> every question was answered n/a");
    assert_lacks(out, "top band (");
    out = render(f, report_render_json);
    assert_contains(out, "\"focus\": null,");
    assert_contains(out, "\"not_applicable\": true,");
    assert_lacks(out, "\"not_applicable\": false,");
    /* compare's focus before and after, and trend's per point, say it in these words. */
    struct strbuf focus = STRBUF_INIT;
    report_focus_words(&focus, &f->s);
    assert_string_equal(strbuf_str(&focus),
                        "none (no stage applies: every question was answered n/a)");
    strbuf_release(&focus);
    fixture_free(f);
    /* Start in the top band, Later all n/a: said so, not "every stage". */
    f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n",
                "start.plan: 10, start.training: 10, start.fatigue: 0, start.do-plan: 10, "
                "later.habit: n/a");
    out = render(f, report_render_text);
    assert_contains(out,
                    "No focus stage: every stage that applies is in the top band (Good); 1 stage "
                    "does\nnot apply (every question answered n/a).\n");
    /* The tiny model says nothing of its top band, and nothing is said for it: no
       sentence credits a source with a question it may not ask (issue 29). */
    assert_lacks(out, "briefing");
    out = markdown(f);
    assert_line(out, "- No focus: every stage that applies is in the top band");
    report_focus_words(&focus, &f->s);
    assert_string_equal(strbuf_str(&focus), "none (every stage that applies is in the top band)");
    strbuf_release(&focus);
    fixture_free(f);
}

static void test_markdown_all_top_band_and_no_gaps(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n",
                "start.plan: 10, start.training: 10, start.fatigue: 0, start.do-plan: 10, "
                "later.habit: 10");
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "- No focus: every stage is in the top band");
    assert_line(out, "No suggestion addresses an open gap.");
    assert_line(out, "No gaps: every answered question is at the best end of the scale.");
    assert_line(out, "| Later | 100.0 | Good | 1/1 (100.0%) |");
    assert_lacks(out, "The strengths of");
    fixture_free(f);
}

static void test_markdown_flags_strength_resting_on_earlier_stage(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n",
                "start.plan: 2, start.training: 2, start.fatigue: 8, start.do-plan: 2, "
                "later.habit: 10");
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "Read the score of **Later** with care: it scores better than **Start**, an "
                     "earlier stage not yet in place, and stagegap takes the stages in order.");
    fixture_free(f);
}

static void test_markdown_many_respondents_counts_disagreement_roles(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\nrespondent: {id: r1, role: practitioner}\n",
                "start.plan: {score: 0, note: \"not started\"}, start.training: 6, "
                "start.fatigue: 5, start.do-plan: 2, later.habit: 4");
    add_answers(f, "organisation: Testshire\nrespondent: {id: r2, role: manager}\n",
                "start.plan: {score: 10, evidence: plan.docx}, start.training: 6, "
                "start.fatigue: 5, start.do-plan: n/a, later.habit: unknown");
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "- Respondents: 2");
    assert_contains(out, "| A plan | facilitator | Systems | 5.0 (n=2; respondents disagree) |");
    assert_contains(out, "| Training | facilitator | People | 6.0 (n=2) |");
    assert_contains(out, "| Make a plan | suggestion | Systems | 2.0 (n=1) |");
    /* Pooled: no ids, and no role of fewer than SUPPRESS_MIN_GROUP_DEFAULT respondents. */
    assert_line(out, "- On A plan — a respondent: evidence: plan.docx; a respondent: not started");
    assert_null(strstr(out, "r1"));
    assert_null(strstr(out, "Attribution is on"));
    /* Two roles of one each: neither is shown apart, and the report says why. */
    size_t at = position(out, "## By role\n\n", 0);
    position(out, "Left out: 2 of the 2 groups have fewer than 5 respondents", at);
    assert_null(strstr(out, "| manager |"));
    assert_line(out, "- Not anonymous: 2 respondents, fewer than the anonymity threshold of 5.");
    /* At a threshold of 1 (the command line's floor is 3) each role is shown, by name,
       whatever order the respondents were read in. */
    f->min_group = 1;
    out = markdown(f);
    assert_markdown_well_formed(out);
    at = position(out, "## By role\n\n", 0);
    at = position(out, "| Group | Respondents | Start | Later |\n| --- | ---: | ---: | ---: |\n",
                  at);
    at = position(out, "| manager | 1 |", at);
    position(out, "| practitioner | 1 |", at);
    assert_line(out, "| manager | 1 | 70.0 | — |"); /* every item weighed alike */
    assert_null(strstr(out, "Not anonymous"));
    f->min_group = 0;
    /* --attribute: who wrote each, and the report says so. */
    f->attribute = true;
    out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "- Attribution is on: notes show who wrote them (--attribute).");
    assert_line(out, "- On A plan — r1 (practitioner): not started; r2 (manager): evidence: "
                     "plan.docx");
    fixture_free(f);
}

/* A group whose name is the pooled row's is told apart from it. */
static void test_markdown_group_named_like_the_pooled_row(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    for (int i = 0; i < 3; i++) {
        add_answers(f, "organisation: Testshire\nrespondent: {role: Other groups}\n", ANSWERS_64);
        add_answers(f, "organisation: Testshire\nrespondent: {role: manager}\n", ANSWERS_64);
    }
    add_answers(f, "organisation: Testshire\nrespondent: {role: director}\n", ANSWERS_64);
    add_answers(f, "organisation: Testshire\nrespondent: {role: leader}\n", ANSWERS_64);
    add_answers(f, "organisation: Testshire\nrespondent: {role: chair}\n", ANSWERS_64);
    f->min_group = 3;
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_line(out, "| Other groups (a role so named) | 3 | 65.0 | — |");
    assert_line(out, "| Other groups | 3 | 65.0 | — |");
    fixture_free(f);
}

/* Text that would be markup, HTML, control or formula if it were not escaped. */
#define HOSTILE                                                                                    \
    "A|B <script>alert(1)</script> # heading\\n## injected \\e[31mred =HYPERLINK(\\\"x\\\") "      \
    "*em* [link](http://x) `code` &amp; ~~del~~ \\\\"

static void test_markdown_hostile_input_stays_text(void **state)
{
    (void)state;
    char *rules = rules_with("title: Start", "title: \"" HOSTILE "\"");
    struct fixture *f = fixture_new(rules);
    free(rules);
    add_answers(f,
                "organisation: \"" HOSTILE "\"\n"
                "respondent: {id: \"- 1. |r\", role: \"# boss|\"}\n",
                "start.plan: {score: 3, note: \"\\n# note|\\n- item\", evidence: \"" HOSTILE
                "\"}, start.training: {score: unknown, note: \"  |x|\\ty  \"}, "
                "start.fatigue: {score: n/a, note: \"1. one\\n> quote\"}, "
                "later.habit: {score: 10, note: \"<b>\"}");
    const char *out = markdown(f);
    assert_markdown_well_formed(out);
    assert_lacks(out, "<script>");
    assert_lacks(out, "<b>");
    assert_lacks(out, "\n## injected");
    assert_lacks(out, "\n# note");
    assert_lacks(out, "\n- item");
    assert_lacks(out, "\n> quote");
    const char *escaped = "A\\|B \\<script\\>alert(1)\\</script\\> \\# heading \\#\\# injected "
                          "\\\\x1b\\[31mred =HYPERLINK(\"x\") \\*em\\* \\[link\\](http\\://x) "
                          "\\`code\\` \\&amp; \\~\\~del\\~\\~ \\\\";
    char line[512];
    snprintf(line, sizeof(line), "# Implementation readiness: %s", escaped);
    assert_line(out, line);
    snprintf(line, sizeof(line), "| %s | — | Not enough answers | 1/3 (33.3%%) |", escaped);
    assert_line(out, line);
    snprintf(line, sizeof(line),
             "- On A plan — - 1. \\|r (\\# boss\\|): \\# note\\| - item; "
             "evidence: %s",
             escaped);
    assert_line(out, line);
    assert_line(out, "- Find out: Training — - 1. \\|r (\\# boss\\|): \\|x\\| y");
    assert_line(out, "- Set aside: Fatigue — - 1. \\|r (\\# boss\\|): 1. one \\> quote");
    assert_line(out, "- On Habit — - 1. \\|r (\\# boss\\|): \\<b\\>");
    fixture_free(f);
}

/* ---- CSV ---- */

static void test_csv_header_and_rows_in_rules_order(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\n", ANSWERS_64);
    const char *out = csv(f);
    struct csv_table t;
    csv_parse(out, &t);
    /* The row saying one respondent is not anonymous, the one saying what a gap is, six
       items, the Later stage's note and its find-out row (nothing in Later is answered). */
    assert_csv_rectangular(&t, 1 + 1 + 1 + 6 + 1 + 1);
    assert_string_equal(t.cells[1][csv_column(&t, "kind")], "anonymity");
    assert_string_equal(t.cells[1][csv_column(&t, "text")],
                        "Not anonymous: one respondent, whose report this is.");
    static const char header[] =
        "organisation,date,respondents,rules,rules_version,rules_sha256,stage,kind,item,text,"
        "level,state,answer,value,impact,weight,n,sd,disagreement,acted_on,band,stage_score,"
        "note,evidence,caveat,priority,points,about,label,hedge\r\n";
    assert_true(strncmp(out, header, strlen(header)) == 0);
    static const char *const order[] = {"start.plan",    "start.training", "start.fatigue",
                                        "start.do-plan", "later.habit",    "later.context"};
    for (size_t r = 0; r < 6; r++)
        assert_string_equal(t.cells[r + 2][8], order[r]);
    assert_csv_row(out, f,
                   "\"start\","
                   "\"facilitator\",\"start.plan\",\"A plan\",\"systems\",\"scored\","
                   "6.0,60.0,16.0,2.0,1,,false,,\"fair\",64.0,,"); /* sd: never printed */
    assert_csv_row(out, f,
                   "\"start\","
                   "\"barrier\",\"start.fatigue\",\"Fatigue\",\"people\",\"scored\","
                   "7.0,30.0,14.0,1.0,1,,false,,\"fair\",64.0,,");
    /* A suggestion's priority and points, as JSON gives them. */
    assert_csv_row_tail(out, f,
                        "\"start\","
                        "\"suggestion\",\"start.do-plan\",\"Make a plan\",\"systems\",\"scored\","
                        "9.0,90.0,2.0,1.0,1,,false,true,\"fair\",64.0,,",
                        "1,16.0,");
    assert_csv_row(out, f,
                   "\"later\","
                   "\"facilitator\",\"later.habit\",\"Habit\",\"people\",\"unknown\","
                   ",,,1.0,0,,,,\"insufficient-data\",,,");
    assert_csv_row(out, f,
                   "\"later\","
                   "\"facilitator\",\"later.context\",\"Context only\",\"systems\","
                   "\"context\",,,,1.0,,,,,\"insufficient-data\",,,");
    size_t len = strlen(out);
    assert_true(len >= 2 && out[len - 2] == '\r' && out[len - 1] == '\n');
    csv_free(&t);
    fixture_free(f);
}

static void test_csv_many_respondents_notes_joined(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: Testshire\nrespondent: {id: r1, role: practitioner}\n",
                "start.plan: {score: 0, note: \"not started\"}, start.fatigue: n/a");
    add_answers(f, "organisation: Testshire\nrespondent: {id: r2}\n",
                "start.plan: {score: 10, note: ready, evidence: plan.docx}, "
                "start.fatigue: n/a");
    add_answers(f, "organisation: Testshire\n",
                "start.plan: {score: 5, note: anonymous}, start.fatigue: n/a");
    struct csv_table t;
    csv_parse(csv(f), &t);
    /* Not anonymous (3 < 5), the threshold; six items, a stage note; two rows of what to
       find out first (neither Start, 1 of 3 answered, nor Later is scored); the breakdown
       by role left out; what a gap is. */
    assert_csv_rectangular(&t, 1 + 2 + 6 + 1 + 2 + 1 + 1);
    assert_string_equal(t.cells[1][csv_column(&t, "kind")], "anonymity");
    assert_string_equal(t.cells[2][csv_column(&t, "kind")], "threshold");
    assert_string_equal(t.cells[2][csv_column(&t, "text")],
                        "Anonymity threshold: 5. No group of fewer respondents is shown apart, "
                        "and no item's figures or notes from fewer answers.");
    assert_string_equal(t.cells[7][csv_column(&t, "kind")], "find-out");
    assert_string_equal(t.cells[7][csv_column(&t, "text")],
                        "Start has too few answers for a score (1 of 3 answered); 1 more "
                        "answered would give it one. Its suggestions are not ranked until then: "
                        "start.do-plan.");
    assert_string_equal(t.cells[11][csv_column(&t, "kind")], "find-out");
    assert_string_equal(t.cells[11][csv_column(&t, "text")],
                        "Later has too few answers for a score (0 of 1 answered); 1 more "
                        "answered would give it one. Its suggestions are not ranked until then.");
    assert_string_equal(t.cells[12][csv_column(&t, "kind")], "breakdown");
    assert_non_null(strstr(t.cells[12][csv_column(&t, "text")], "Left out: 2 of the 2 groups"));
    assert_string_equal(t.cells[13][csv_column(&t, "kind")], "gap-definition");
    assert_string_equal(cell(&t, "start.plan", "answer"), "5.0");
    assert_string_equal(cell(&t, "start.plan", "n"), "3");
    assert_string_equal(cell(&t, "start.plan", "disagreement"), "true");
    /* Pooled: no ids, no role of fewer than SUPPRESS_MIN_GROUP_DEFAULT, sorted by what they say. */
    assert_string_equal(cell(&t, "start.plan", "note"), "anonymous | not started | ready");
    assert_string_equal(cell(&t, "start.plan", "evidence"), "plan.docx");
    assert_string_equal(cell(&t, "start.fatigue", "state"), "n/a");
    assert_string_equal(cell(&t, "start.fatigue", "n"), "0");
    assert_string_equal(cell(&t, "start.fatigue", "impact"), "");
    assert_string_equal(cell(&t, "start.training", "state"), "unknown");
    assert_string_equal(cell(&t, "start.do-plan", "acted_on"), "");
    csv_free(&t);
    /* --attribute: who wrote each, and a first context row that says so. */
    f->attribute = true;
    csv_parse(csv(f), &t);
    assert_csv_rectangular(&t, 1 + 2 + 6 + 1 + 2 + 1 + 1);
    assert_string_equal(t.cells[1][csv_column(&t, "kind")], "attribution");
    assert_string_equal(t.cells[2][csv_column(&t, "kind")], "threshold");
    assert_string_equal(t.cells[1][csv_column(&t, "stage")], "");
    assert_string_equal(t.cells[1][csv_column(&t, "state")], "context");
    assert_string_equal(t.cells[1][csv_column(&t, "text")],
                        "Attribution is on: notes show who wrote them (--attribute).");
    assert_string_equal(cell(&t, "start.plan", "note"),
                        "anonymous | practitioner/r1: not started | r2: ready");
    assert_string_equal(cell(&t, "start.plan", "evidence"), "r2: plan.docx");
    csv_free(&t);
    fixture_free(f);
}

static void test_csv_stage_notes_and_judgement_as_context_rows(void **state)
{
    (void)state;
    char *yaml = rules_with("note: \"No evidence at all.\"}",
                            "note: \"No evidence at all.\", judgement: \"Weights are ours.\"}");
    struct fixture *f = fixture_new(yaml);
    free(yaml);
    add_answers(f, "organisation: Testshire\n", ANSWERS_64);
    const char *out = csv(f);
    struct csv_table t;
    csv_parse(out, &t);
    /* Not anonymous; six items, the Later stage's note and find-out row after its items,
       what a gap is, the judgement last. */
    assert_csv_rectangular(&t, 1 + 1 + 6 + 4);
    assert_string_equal(t.cells[7][8], "later.context");
    assert_csv_row(out, f,
                   "\"later\",\"note\",,\"Little is known.\",,\"context\","
                   ",,,,,,,,\"insufficient-data\",,,");
    assert_csv_row(out, f, ",\"judgement\",,\"Weights are ours.\",,\"context\",,,,,,,,,,,,");
    assert_true(strstr(out, "\"Weights are ours.\"") > strstr(out, "\"Little is known.\""));
    csv_free(&t);
    fixture_free(f);
}

static void test_csv_hostile_cells_quoted_and_defused(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f, "organisation: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"\n",
                "start.plan: {score: 1, note: \"+1\", evidence: \"-1\"}, "
                "start.training: {score: 2, note: \"@SUM(A1)\", evidence: \"\\tTab\"}, "
                "start.fatigue: {score: 3, note: \"line1\\nline2, \\\"q\\\"\", "
                "evidence: \"\\rCR\"}, "
                "start.do-plan: {score: 4, note: \"a\\u001bb\"}");
    const char *out = csv(f);
    struct csv_table t;
    csv_parse(out, &t);
    assert_csv_rectangular(&t, 1 + 1 + 6 + 1 + 1 + 1);
    assert_contains(out, "\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
    assert_string_equal(cell(&t, "start.plan", "organisation"), "'=HYPERLINK(\"http://x\",\"y\")");
    assert_string_equal(cell(&t, "start.plan", "note"), "'+1");
    assert_string_equal(cell(&t, "start.plan", "evidence"), "'-1");
    assert_string_equal(cell(&t, "start.training", "note"), "'@SUM(A1)");
    assert_string_equal(cell(&t, "start.training", "evidence"), "'\tTab");
    /* The newline stays inside its quoted field; the record still ends CRLF. */
    assert_string_equal(cell(&t, "start.fatigue", "note"), "line1\nline2, \"q\"");
    assert_contains(
        out, ",\"line1\nline2, \"\"q\"\"\",\"'\rCR\",\"No evidence at all.\",,,,\"barrier\",\r\n");
    assert_string_equal(cell(&t, "start.do-plan", "note"), "a\\x1bb");
    assert_lacks(out, "\x1b");
    csv_free(&t);
    fixture_free(f);
}

/* Comments on the whole assessment: a row each, sorted, the question as about, nobody
   named, a formula in either cell defused. */
static void test_csv_comments_as_rows(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(test_rules_yaml);
    add_answers(f,
                "organisation: Testshire\nrespondent: {id: r1}\ncomments:\n"
                "  - {about: \"=Anything else?\", text: \"+more time\"}\n"
                "  - {text: \"Thanks\"}\n",
                "start.plan: 6");
    struct csv_table t;
    csv_parse(csv(f), &t);
    size_t kind = csv_column(&t, "kind"), text = csv_column(&t, "text");
    size_t about = csv_column(&t, "about"), rows = 0;
    for (size_t r = 1; r < t.rows; r++) {
        if (strcmp(t.cells[r][kind], "comment") != 0)
            continue;
        const char *want_text = rows == 0 ? "'+more time" : "Thanks";
        const char *want_about = rows == 0 ? "'=Anything else?" : "";
        assert_string_equal(t.cells[r][text], want_text);
        assert_string_equal(t.cells[r][about], want_about);
        assert_string_equal(t.cells[r][csv_column(&t, "item")], "");
        assert_string_equal(t.cells[r][csv_column(&t, "state")], "context");
        rows++;
    }
    assert_int_equal(rows, 2);
    for (size_t r = 0; r < t.rows; r++)
        assert_int_equal(t.n_fields[r], CSV_FIELDS);
    assert_lacks(csv(f), "r1");
    csv_free(&t);
    fixture_free(f);
}

/* An item's label and the source's hedge on it end its row; rows of other kinds leave
   the two cells empty. */
static void test_csv_label_and_hedge(void **state)
{
    (void)state;
    char *yaml = rules_with("{id: start.fatigue, text: Fatigue, level: people,",
                            "{id: start.fatigue, text: Fatigue, label: from lesson 2, hedge: "
                            "\"=Little is known\", level: people,");
    struct fixture *f = fixture_new(yaml);
    add_answers(f, "organisation: Testshire\nrespondent: {id: r1}\n",
                "start.plan: 6, start.fatigue: 7");
    struct csv_table t;
    csv_parse(csv(f), &t);
    size_t label = csv_column(&t, "label"), hedge = csv_column(&t, "hedge");
    assert_int_equal(label, CSV_FIELDS - 2);
    assert_int_equal(hedge, CSV_FIELDS - 1);
    assert_string_equal(cell(&t, "start.fatigue", "label"), "from lesson 2");
    /* the hedge is text from a file: a formula is defused as in every other cell */
    assert_string_equal(cell(&t, "start.fatigue", "hedge"), "'=Little is known");
    assert_string_equal(cell(&t, "start.plan", "label"), "facilitator");
    assert_string_equal(cell(&t, "start.plan", "hedge"), "");
    for (size_t r = 0; r < t.rows; r++)
        assert_int_equal(t.n_fields[r], CSV_FIELDS);
    csv_free(&t);
    fixture_free(f);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown_header_names_assessment_and_rules),
        cmocka_unit_test(test_markdown_summary_table_and_no_score_dash),
        cmocka_unit_test(test_markdown_gaps_largest_impact_first),
        cmocka_unit_test(test_markdown_actions_by_priority),
        cmocka_unit_test(test_na_suggestion_is_not_offered_in_any_format),
        cmocka_unit_test(test_actions_focus_stage_first_and_keep_going_apart),
        cmocka_unit_test(test_all_na_says_nothing_was_scored),
        cmocka_unit_test(test_markdown_all_top_band_and_no_gaps),
        cmocka_unit_test(test_markdown_flags_strength_resting_on_earlier_stage),
        cmocka_unit_test(test_markdown_many_respondents_counts_disagreement_roles),
        cmocka_unit_test(test_markdown_group_named_like_the_pooled_row),
        cmocka_unit_test(test_markdown_hostile_input_stays_text),
        cmocka_unit_test(test_csv_header_and_rows_in_rules_order),
        cmocka_unit_test(test_csv_many_respondents_notes_joined),
        cmocka_unit_test(test_csv_stage_notes_and_judgement_as_context_rows),
        cmocka_unit_test(test_csv_hostile_cells_quoted_and_defused),
        cmocka_unit_test(test_csv_comments_as_rows),
        cmocka_unit_test(test_csv_label_and_hedge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
