/*
 * test_import.c - "stagegap import": survey CSV exports to answers files. Column
 * matching (ids, question text, a mapping file, Microsoft and Google Forms' own
 * columns), answers (numbers, scale words, n/a, unknown, empty), the awkward parts of
 * real files (BOM, CRLF, quoted fields, UTF-16, bad UTF-8), every error with its message,
 * row and column, deterministic file names, and writing all or nothing.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "answers.h"
#include "import.h"
#include "strbuf.h"
#include "xalloc.h"

struct fixture {
    struct rules rules;
    struct import_result res;
    struct diags d;
};

static struct fixture *fixture_new(void)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    if (load_rules_text(&f->rules, test_rules_yaml, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    import_result_init(&f->res);
    return f;
}

static void fixture_free(struct fixture *f)
{
    import_result_release(&f->res);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
}

/* --scale options for the next imports; none when NULL. */
static const char *const *test_scales;
static size_t test_n_scales;

/* Imports csv (and map, when not NULL) named survey.csv and map.yaml. */
static int import_with(struct fixture *f, const char *csv, size_t csv_len, const char *map,
                       const char *organisation, const char *date)
{
    struct import_options o = {.organisation = organisation,
                               .date = date,
                               .scales = test_scales,
                               .n_scales = test_n_scales};
    struct import_source c = {"survey.csv", csv, csv_len};
    struct import_source m = {"map.yaml", map, map ? strlen(map) : 0};
    import_result_release(&f->res);
    diags_release(&f->d);
    return import_csv_buffer(&f->rules, &o, &c, map ? &m : NULL, &f->res, &f->d);
}

static int import_text(struct fixture *f, const char *csv, const char *map)
{
    return import_with(f, csv, strlen(csv), map, "Testshire", "2026-09-30");
}

/* import_text with --scale options. */
static int import_scaled(struct fixture *f, const char *csv, const char *map,
                         const char *const *scales, size_t n)
{
    test_scales = scales;
    test_n_scales = n;
    int rc = import_text(f, csv, map);
    test_scales = NULL;
    test_n_scales = 0;
    return rc;
}

/* Imports and expects success; every file must load as answers. */
static void import_ok(struct fixture *f, const char *csv, const char *map)
{
    if (import_text(f, csv, map) != 0) {
        print_diags(&f->d);
        fail();
    }
}

static void assert_all_load(struct fixture *f)
{
    struct assessment a;
    struct diags d;
    assessment_init(&a, &f->rules);
    diags_init(&d);
    for (size_t i = 0; i < f->res.n; i++) {
        if (assessment_add_buffer(&a, f->res.files[i].name, f->res.files[i].text,
                                  f->res.files[i].len, false, &d) != 0) {
            fprintf(stderr, "%s", f->res.files[i].text);
            print_diags(&d);
            fail();
        }
    }
    assert_int_equal(a.respondents, f->res.n);
    diags_release(&d);
    assessment_release(&a);
}

static const char *file_named(struct fixture *f, const char *name)
{
    for (size_t i = 0; i < f->res.n; i++)
        if (strcmp(f->res.files[i].name, name) == 0)
            return f->res.files[i].text;
    fprintf(stderr, "no file %s among %zu\n", name, f->res.n);
    fail();
    return NULL;
}

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part)) {
        fprintf(stderr, "expected '%s' in:\n%s\n", part, text);
        fail();
    }
}

static void assert_lacks(const char *text, const char *part)
{
    if (strstr(text, part)) {
        fprintf(stderr, "did not expect '%s' in:\n%s\n", part, text);
        fail();
    }
}

/* The one error of d, asserted exactly. */
static void assert_only_error(struct fixture *f, unsigned row, unsigned column, const char *msg)
{
    assert_diag(&f->d, row, column, msg);
    if (f->d.errors != 1) {
        print_diags(&f->d);
        fail();
    }
}

/* ---- matching columns ---- */

static void test_import_item_ids(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,start.plan,start.training,start.fatigue,start.do-plan,later.habit\n"
              "r07,7,3,n/a,unknown,10\n",
              NULL);
    assert_int_equal(f->res.n, 1);
    assert_int_equal(f->res.questions, 5);
    assert_int_equal(f->res.unmatched, 0);
    assert_string_equal(f->res.files[0].name, "r07.yaml");
    const char *want = "# Imported by stagegap from \"survey.csv\", row 2.\n"
                       "format: stagegap-answers/1\n"
                       "rules: \"tiny\"\n"
                       "organisation: \"Testshire\"\n"
                       "date: 2026-09-30\n"
                       "respondent: {id: \"r07\"}\n"
                       "answers:\n"
                       "  start.plan: 7\n"
                       "  start.training: 3\n"
                       "  start.fatigue: n/a\n"
                       "  start.do-plan: unknown\n"
                       "  later.habit: 10\n";
    assert_string_equal(f->res.files[0].text, want);
    assert_int_equal(f->res.files[0].len, strlen(f->res.files[0].text));
    assert_int_equal(f->d.n, 0);
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_question_text(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    /* Case, spacing, a missing '?', a trailing '.', a no-break space: all the same question. */
    import_ok(f,
              "\"  IS there   a plan \",Trained.,\"How\xC2\xA0tired?\",Have you made a plan??\n"
              "1,2,3,4\n",
              NULL);
    const char *t = f->res.files[0].text;
    assert_contains(t, "  start.plan: 1\n  start.training: 2\n  start.fatigue: 3\n"
                       "  start.do-plan: 4\n");
    assert_int_equal(f->res.unmatched, 1);
    assert_diag(&f->d, 0, 0,
                "1 of the 5 questions of model 'tiny' have no column; they are "
                "left unanswered");
    assert_int_equal(f->d.errors, 0);
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_map_file(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *map = "format: stagegap-import-map/1\n"
                      "columns:\n"
                      "  Q1: start.plan\n"
                      "  \"What is your job?\": role\n"
                      "  Comments: ignore\n"
                      "  Not in the file: later.habit\n";
    import_ok(f, "Q1,what is your job,Comments,Trained?\n5,Team manager,\"Great, thanks\",6\n",
              map);
    const char *t = f->res.files[0].text;
    assert_contains(t, "respondent: {id: \"r001\", role: \"Team manager\"}\n");
    assert_contains(t, "  start.plan: 5\n  start.training: 6\n");
    assert_lacks(t, "Great");
    assert_string_equal(f->res.files[0].name, "respondent-001.yaml");
    assert_diag(&f->d, 6, 3, "no column of 'survey.csv' is headed 'Not in the file'");
    assert_int_equal(f->d.errors, 0);
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_map_errors(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *map = "format: stagegap-import-map/1\n"
                      "columns:\n"
                      "  Q1: start.plann\n"
                      "  Q2: later.context\n"
                      "  q1: ignore\n";
    assert_int_equal(import_text(f, "Q1,Q2,start.plan\n1,2,3\n", map), -1);
    assert_diag(&f->d, 3, 7,
                "unknown item 'start.plann' in model 'tiny'; did you mean "
                "'start.plan'?");
    assert_diag(&f->d, 4, 7, "item 'later.context' is context only and takes no answer");
    assert_diag(&f->d, 5, 3, "column 'q1' is mapped twice; the first is at line 3");
    assert_int_equal(f->res.n, 0);

    assert_int_equal(import_text(f, "start.plan\n1\n", "format: stagegap-answers/1\n"), -1);
    assert_only_error(f, 1, 9, "format must be 'stagegap-import-map/1'");
    assert_int_equal(import_text(f, "start.plan\n1\n",
                                 "format: stagegap-import-map/1\n"
                                 "colums: {}\n"),
                     -1);
    assert_diag(&f->d, 2, 1,
                "unknown key 'colums' in the mapping file; did you mean "
                "'columns'?");
    fixture_free(f);
}

static void test_import_ms_forms_columns(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "ID,Start time,Completion time,Email,Name,Last modified time,"
                      "Is there a plan?,Trained?\n"
                      "1,9/29/2026 10:00:01,9/30/2026 14:03:00,jo@example.org,Jo Smith,,4,5\n"
                      "2,10/1/2026 9:00:00,10/1/2026 9:12:45,anonymous,,,6,\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "Testshire", NULL), 0);
    assert_int_equal(f->res.n, 2);
    const char *t = file_named(f, "1.yaml");
    assert_contains(t, "date: 2026-09-30\nrespondent: {id: \"1\"}\n");
    assert_lacks(t, "jo@example.org");
    assert_lacks(t, "Jo Smith");
    assert_contains(file_named(f, "2.yaml"), "date: 2026-10-01\n");
    assert_all_load(f);

    /* --date wins over the export's own times. */
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "Testshire", "2026-12-01"), 0);
    assert_contains(file_named(f, "1.yaml"), "date: 2026-12-01\n");
    fixture_free(f);
}

static void test_import_google_forms_columns(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "Timestamp,Email Address,Role,Is there a plan?\n"
                      "2026/09/30 2:03:00 PM GMT+1,a@example.org,Practitioner,8\n"
                      "2026/10/02 11:40:10 AM GMT+1,b@example.org,,2\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "Testshire", NULL), 0);
    assert_string_equal(f->res.files[0].name, "respondent-001.yaml");
    assert_string_equal(f->res.files[1].name, "respondent-002.yaml");
    assert_contains(f->res.files[0].text, "date: 2026-09-30\nrespondent: {id: \"r001\", role: "
                                          "\"Practitioner\"}\n");
    assert_contains(f->res.files[1].text, "date: 2026-10-02\nrespondent: {id: \"r002\"}\n");
    assert_lacks(f->res.files[0].text, "example.org");
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_respondent_column_beats_ms_forms_id(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f, "ID,Respondent,start.plan\n1,Team A lead,3\n", NULL);
    assert_string_equal(f->res.files[0].name, "team-a-lead.yaml");
    assert_contains(f->res.files[0].text, "respondent: {id: \"Team A lead\"}\n");
    fixture_free(f);
}

static void test_import_organisation_column(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "Organisation,start.plan\nAnytown,1\nAnytown,2\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, NULL, "2026-09-30"), 0);
    assert_contains(f->res.files[1].text, "organisation: \"Anytown\"\n");

    csv = "organization,start.plan\nAnytown,1\nOthertown,2\n,3\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, NULL, "2026-09-30"), -1);
    assert_diag(&f->d, 3, 1,
                "organisation 'Othertown' differs from 'Anytown' in row 2; one "
                "import is one organisation's assessment: split the export, or "
                "give --organisation NAME");
    assert_diag(&f->d, 4, 1,
                "no organisation in this row; fill it in, or give --organisation "
                "NAME");

    csv = "start.plan\n1\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, NULL, "2026-09-30"), -1);
    assert_only_error(f, 0, 0,
                      "no organisation: give it with --organisation NAME (the export "
                      "has no 'organisation' column)");
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "Testshire", NULL), -1);
    assert_only_error(f, 0, 0,
                      "no date: give the assessment date with --date YYYY-MM-DD (the "
                      "export has no 'Completion time', 'Timestamp' or 'date' column)");
    fixture_free(f);
}

/* ---- answers ---- */

static void test_import_scale_words_and_numbers(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "start.plan,start.training,start.fatigue,start.do-plan,later.habit\n"
              "NOT AT ALL ,fully,7 - mostly,3: sometimes,2.50\n"
              "1) rarely,-0,0.5,10,+4\n",
              NULL);
    assert_contains(f->res.files[0].text, "  start.plan: 0\n  start.training: 10\n"
                                          "  start.fatigue: 7\n  start.do-plan: 3\n"
                                          "  later.habit: 2.5\n");
    assert_contains(f->res.files[1].text, "  start.plan: 1\n  start.training: 0\n"
                                          "  start.fatigue: 0.5\n  start.do-plan: 10\n"
                                          "  later.habit: 4\n");
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_na_and_unknown(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "start.plan,start.training,start.fatigue,start.do-plan,later.habit\n"
              "n/a,N/A,Not applicable,unknown,Don't know\n"
              "Don\xE2\x80\x99t know,DON'T KNOW.,not APPLICABLE,Unknown,na\n",
              NULL);
    assert_contains(f->res.files[0].text, "  start.plan: n/a\n  start.training: n/a\n"
                                          "  start.fatigue: n/a\n  start.do-plan: unknown\n"
                                          "  later.habit: unknown\n");
    assert_contains(f->res.files[1].text, "  start.plan: unknown\n  start.training: unknown\n"
                                          "  start.fatigue: n/a\n  start.do-plan: unknown\n"
                                          "  later.habit: n/a\n");
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_empty_cells_and_rows(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,start.plan,start.training,later.habit\n"
              "a,4,,6\n"
              ",,,\n"
              "\n"
              ",  ,\"\",\n"
              "b,,,\n"
              "c,1,2,3\n"
              ",,,\n\n\n",
              NULL);
    assert_int_equal(f->res.n, 3);
    assert_contains(f->res.files[0].text, "answers:\n  start.plan: 4\n  later.habit: 6\n");
    assert_contains(f->res.files[1].text, "row 6.");
    assert_contains(f->res.files[1].text, "answers: {}\n");
    assert_contains(f->res.files[2].text, "row 7.");
    assert_diag(&f->d, 6, 1, "this row answers no question");
    assert_int_equal(f->d.errors, 0);
    assert_all_load(f);
    fixture_free(f);
}

/* ---- real files ---- */

static void test_import_quoted_fields_stay_inert(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    /* A role with commas, a line break, doubled quotes, a backslash, YAML syntax, an
       escape character, a C1 control, a line separator and a BOM in the middle. */
    const char *role = "a, \"b\"\nc: [d] # e \\ \x1b[31m \xC2\x85 \xE2\x80\xA8 \xEF\xBB\xBF}";
    import_ok(f,
              "role,id,start.plan\n"
              "\"a, \"\"b\"\"\nc: [d] # e \\ \x1b[31m \xC2\x85 \xE2\x80\xA8 \xEF\xBB\xBF}\","
              "\"x\"\"y\",3\n",
              NULL);
    const char *t = f->res.files[0].text;
    assert_contains(t, "respondent: {id: \"x\\\"y\", role: \"a, \\\"b\\\"\\x0Ac: [d] # e \\\\ "
                       "\\x1B[31m \\u0085 \\u2028 \\uFEFF}\"}\n");
    struct assessment a;
    struct diags d;
    assessment_init(&a, &f->rules);
    diags_init(&d);
    assert_int_equal(assessment_add_buffer(&a, "x.yaml", t, f->res.files[0].len, false, &d), 0);
    assert_int_equal(a.n_roles, 1);
    assert_string_equal(a.roles[0].role, role);
    assessment_release(&a);
    diags_release(&d);
    fixture_free(f);
}

static void test_import_bom_and_crlf(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f, "id,start.plan\n\"two\nlines\",1\n", NULL);
    assert_string_equal(f->res.files[0].name, "two-lines.yaml");
    assert_contains(f->res.files[0].text, "respondent: {id: \"two\\x0Alines\"}\n");
    import_ok(f, "\xEF\xBB\xBFid,start.plan,Trained?\r\na,1,2\r\nb,3,4\r\n\r\n", NULL);
    assert_int_equal(f->res.n, 2);
    assert_contains(f->res.files[0].text, "respondent: {id: \"a\"}\nanswers:\n  start.plan: 1\n"
                                          "  start.training: 2\n");
    assert_contains(f->res.files[1].text, "row 3.");
    /* Rows are counted as a spreadsheet shows them: a CRLF is one line end, a quoted
       line break stays inside its row, and a blank line is a row. */
    assert_int_equal(import_text(f, "id,start.plan\r\na,\"1\r\n\"\r\n\r\nb,lots\r\n", NULL), -1);
    assert_only_error(f, 4, 2,
                      "the answer to 'start.plan' must be a number from 0 to 10, n/a "
                      "or unknown, not 'lots'");
    assert_int_equal(import_text(f, "id,start.plan\ra,1\rb,x\r", NULL), -1);
    assert_only_error(f, 3, 2,
                      "the answer to 'start.plan' must be a number from 0 to 10, n/a "
                      "or unknown, not 'x'");
    fixture_free(f);
}

/* Excel's "Unicode Text": UTF-16 with a byte-order mark, read and said so. */
static void test_import_utf16_read(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char text[] = "id,start.plan\na,1\n";
    char le[2 + 2 * sizeof(text)];
    le[0] = '\xFF', le[1] = '\xFE';
    for (size_t k = 0; k + 1 < sizeof(text); k++)
        le[2 + 2 * k] = text[k], le[3 + 2 * k] = '\0';
    assert_int_equal(import_with(f, le, 2 + 2 * (sizeof(text) - 1), NULL, "T", "2026-09-30"), 0);
    assert_int_equal(f->res.n, 1);
    assert_diag(&f->d, 0, 0,
                "read as UTF-16 (Excel's 'Unicode Text'), not UTF-8; save the export as 'CSV "
                "UTF-8 (Comma delimited)' to avoid this warning");
    /* Without a byte-order mark, NUL bytes are refused: nothing is guessed. */
    const char bare[] = "i\0d\0";
    assert_int_equal(import_with(f, bare, sizeof(bare) - 1, NULL, "T", "2026-09-30"), -1);
    assert_int_equal(f->d.errors, 1);
    fixture_free(f);
}

static void test_import_invalid_utf8_located(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    /* Excel's plain "CSV": Windows-1252, read as such and said so at the first byte. */
    assert_int_equal(import_text(f, "id,start.plan\nb,1\ncaf\xE9,2\n", NULL), 0);
    assert_int_equal(f->res.n, 2);
    assert_non_null(strstr(f->res.files[1].text, "caf\xC3\xA9"));
    assert_int_equal(f->d.errors, 0);
    assert_true(f->d.n >= 1 && f->d.v[0].line == 3 && f->d.v[0].column == 4);
    assert_non_null(strstr(f->d.v[0].message, "read as Windows-1252"));
    /* A byte Windows-1252 does not define is neither: refused where it is. */
    assert_int_equal(import_text(f, "id,start.plan\nb,1\nc\x81,2\n", NULL), -1);
    assert_int_equal(f->d.errors, 1);
    assert_true(f->d.v[0].line == 3 && f->d.v[0].column == 2);
    const char nul[] = "id,start.plan\na\0b,1\n";
    assert_int_equal(import_with(f, nul, sizeof(nul) - 1, NULL, "T", "2026-09-30"), -1);
    assert_only_error(f, 2, 2,
                      "a NUL byte, which a text file does not hold; is this a CSV file? save "
                      "the export as 'CSV UTF-8 (Comma delimited)'");
    fixture_free(f);
}

/* ---- errors ---- */

static void test_import_unknown_column_did_you_mean(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f,
                                 "id,start.plan,start.trainig,Is there a plann,"
                                 "Favourite colour,,later.habit\n"
                                 "a,1,2,3,5,,4\n",
                                 NULL),
                     -1);
    assert_diag(&f->d, 1, 3, "unknown column 'start.trainig'; did you mean 'start.training'?");
    assert_diag(&f->d, 1, 4,
                "unknown column 'Is there a plann'; did you mean 'Is there a "
                "plan?' (start.plan)?");
    assert_diag(&f->d, 1, 5,
                "unknown column 'Favourite colour': it is not an item id, a "
                "question of model 'tiny' or a survey tool's own column; map it "
                "with --map, to an item id or to 'ignore'");
    assert_int_equal(f->d.errors, 3); /* the empty-headed column 6 is fine */
    assert_int_equal(f->res.n, 0);
    fixture_free(f);
}

/* A column near no question that holds free text is kept as comments, with a warning. */
static void test_import_free_text_column_is_comments(void **state)
{
    (void)state;
    const char *csv = "id,start.plan,Anything else you would like to tell us?,Notes\n"
                      "a,1,\"More time, please\nand \"\"less\"\" paperwork\",\n"
                      "b,2,,\n"
                      "c,3,5 stars,\n";
    /* Not mapped: left out, with a warning saying how to keep it. */
    struct fixture *f = fixture_new();
    import_ok(f, csv, NULL);
    assert_int_equal(f->d.errors, 0);
    assert_diag(&f->d, 1, 3,
                "column 'Anything else you would like to tell us?' is not a question of model "
                "'tiny'; its 2 answers are left out (map it to 'comments' with --map to keep "
                "them as comments)");
    assert_diag(&f->d, 1, 4,
                "column 'Notes' is not a question of model 'tiny' and is empty; it "
                "is left out");
    assert_int_equal(f->res.n, 3);
    for (size_t k = 0; k < 3; k++)
        assert_null(strstr(f->res.files[k].text, "comments:"));
    fixture_free(f);
    /* Mapped to comments: kept. */
    f = fixture_new();
    import_ok(f, csv,
              "format: stagegap-import-map/1\ncolumns:\n"
              "  Anything else you would like to tell us?: comments\n");
    assert_non_null(strstr(f->res.files[0].text,
                           "\ncomments:\n  - {about: \"Anything else you would like to tell "
                           "us?\", text: \"More time, please\\x0Aand \\\"less\\\" "
                           "paperwork\"}\n"));
    assert_null(strstr(f->res.files[1].text, "comments:"));
    assert_non_null(strstr(f->res.files[2].text, "text: \"5 stars\"}"));
    fixture_free(f);
}

/*
 * Columns that name or identify people are left out even when mapped, with one warning
 * listing them; a comments column of distinct short words (staff numbers) too; a team's
 * name is not a person's.
 */
static void test_import_identifying_columns_left_out(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,start.plan,Your name (optional),Staff number,Team name,Badge,Email,"
              "Anything else?\n"
              "a,1,Jo Smith,E10234,North,K1,jo@example.org,More time\n"
              "b,2,Sam Lee,E10235,North,K2,,\n"
              "c,3,,E10236,South,K3,,Less paperwork\n",
              "format: stagegap-import-map/1\ncolumns:\n"
              "  Your name (optional): comments\n"
              "  Staff number: respondent\n"
              "  Team name: group:team\n"
              "  Badge: comments\n"
              "  Anything else?: comments\n");
    assert_int_equal(f->d.errors, 0);
    assert_diag(&f->d, 1, 3,
                "columns 'Your name (optional)', 'Staff number', 'Badge' name or identify "
                "people, so they are left out of the answers files, even where mapped "
                "(docs/privacy.md)");
    assert_int_equal(f->res.n, 3);
    for (size_t k = 0; k < 3; k++) {
        const char *t = f->res.files[k].text;
        assert_null(strstr(t, "Jo Smith"));
        assert_null(strstr(t, "Sam Lee"));
        assert_null(strstr(t, "E1023"));
        assert_null(strstr(t, "K1"));
        assert_null(strstr(t, "example.org"));
        assert_null(strstr(t, "Your name"));
    }
    assert_non_null(
        strstr(f->res.files[0].text, "respondent: {id: \"a\", groups: {team: \"North\"}}"));
    assert_non_null(strstr(f->res.files[0].text, "text: \"More time\"}"));
    assert_non_null(strstr(f->res.files[2].text, "text: \"Less paperwork\"}"));
    fixture_free(f);
}

/* A map may send any column to comments; no warning then. */
static void test_import_map_to_comments(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f, "id,start.plan,Q9\na,1,7\n",
              "format: stagegap-import-map/1\ncolumns:\n  Q9: comments\n");
    for (size_t k = 0; k < f->d.n; k++)
        assert_null(strstr(f->d.v[k].message, "Q9"));
    assert_non_null(strstr(f->res.files[0].text, "comments:\n  - {about: \"Q9\", text: \"7\"}"));
    fixture_free(f);
}

static void test_import_context_item_and_duplicate_columns(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f,
                                 "start.plan,Is there a plan?,role,Role,later.context\n"
                                 "1,2,a,b,3\n",
                                 NULL),
                     -1);
    assert_diag(&f->d, 1, 2,
                "column 'Is there a plan?' answers 'start.plan', as column 1 "
                "does; map one of them to 'ignore' with --map");
    assert_diag(&f->d, 1, 4,
                "column 'Role' is a role column, as column 3 is; map one of them "
                "to 'ignore' with --map");
    assert_diag(&f->d, 1, 5,
                "column 'later.context' names item 'later.context', which is "
                "context only and takes no answer; map it to 'ignore' with --map");
    assert_int_equal(f->d.errors, 3);
    fixture_free(f);
}

/* Team, locality and service area columns, by header, become respondent.groups. */
static void test_import_group_columns_by_header(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,Which locality do you work in?,start.plan,\"  which TEAM are you in \","
              "Service area,What is your role?\n"
              "a,  North ,1,Northside,Fostering,Practitioner\n"
              "b,,2,  ,Adoption,\n"
              "c,,3,,,\n",
              NULL);
    assert_contains(file_named(f, "a.yaml"),
                    "respondent: {id: \"a\", role: \"Practitioner\", groups: {locality: "
                    "\"North\", team: \"Northside\", service-area: \"Fostering\"}}\n");
    assert_contains(file_named(f, "b.yaml"),
                    "respondent: {id: \"b\", groups: {service-area: \"Adoption\"}}\n");
    assert_contains(file_named(f, "c.yaml"), "respondent: {id: \"c\"}\n");
    /* Only: the answers 1 to 3 could be a form's 1 to 3, and some questions have no
       column. */
    assert_int_equal(f->d.n, 2);
    assert_all_load(f);

    static const char *const headers[][2] = {
        {"Team", "team"},
        {"Your team", "team"},
        {"What team are you in?", "team"},
        {"Which team do you work in", "team"},
        {"locality", "locality"},
        {"Your locality", "locality"},
        {"Which locality are you in?", "locality"},
        {"Area", "service-area"},
        {"Your service area", "service-area"},
        {"Which service area do you work in?", "service-area"},
    };
    for (size_t k = 0; k < sizeof(headers) / sizeof(headers[0]); k++) {
        struct strbuf csv = STRBUF_INIT, want = STRBUF_INIT;
        strbuf_addf(&csv, "id,start.plan,\"%s\"\na,1,X\n", headers[k][0]);
        strbuf_addf(&want, "groups: {%s: \"X\"}}\n", headers[k][1]);
        import_ok(f, csv.buf, NULL);
        assert_contains(f->res.files[0].text, want.buf);
        strbuf_release(&want);
        strbuf_release(&csv);
    }
    fixture_free(f);
}

/* "group:FIELD" in a mapping file names any grouping; a map wins over the header table. */
static void test_import_group_columns_by_map(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *map = "format: stagegap-import-map/1\n"
                      "columns:\n"
                      "  Years in post: group:years-in-post\n"
                      "  Team: ignore\n"
                      "  Hub: group:team\n"
                      "  Q1: start.plan\n";
    import_ok(f, "Q1,Years in post,Team,Hub\n4,2-5,Blue,East hub\n5,,Red,\n", map);
    assert_contains(f->res.files[0].text,
                    "respondent: {id: \"r001\", groups: {years-in-post: \"2-5\", team: "
                    "\"East hub\"}}\n");
    assert_contains(f->res.files[1].text, "respondent: {id: \"r002\"}\n");
    assert_lacks(f->res.files[0].text, "Blue");
    assert_int_equal(f->d.errors, 0);
    assert_all_load(f);

    /* Field names that plain YAML would read as something else still load as names. */
    import_ok(f, "Q1,N,T,D\n4,x,y,z\n",
              "format: stagegap-import-map/1\ncolumns:\n  Q1: start.plan\n  N: group:null\n"
              "  T: group:true\n  D: group:1\n");
    assert_contains(f->res.files[0].text, "groups: {\"null\": \"x\", true: \"y\", 1: \"z\"}}\n");
    assert_all_load(f);
    fixture_free(f);
}

static void test_import_group_map_errors(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *map = "format: stagegap-import-map/1\n"
                      "columns:\n"
                      "  A: group:Years In Post\n"
                      "  B: group:role\n"
                      "  C: group:id\n"
                      "  D: \"group:\"\n"
                      "  E: team\n";
    assert_int_equal(import_text(f, "start.plan,A,B,C,D,E\n1,2,3,4,5,6\n", map), -1);
    assert_diag(&f->d, 3, 6,
                "group field 'Years In Post' is not a field name: use lowercase letters, "
                "digits, '-', '.' and '_', starting with a letter or digit, at most 128 "
                "characters, as in group:years-in-post");
    assert_diag(&f->d, 4, 6,
                "'role' is given as respondent.role, not in groups; map the column to 'role'");
    assert_diag(&f->d, 5, 6,
                "'id' is given as respondent.id, not in groups; map the column to "
                "'respondent'");
    assert_diag(&f->d, 6, 6,
                "group field '' is not a field name: use lowercase letters, digits, '-', "
                "'.' and '_', starting with a letter or digit, at most 128 characters, as in "
                "group:years-in-post");
    assert_diag(&f->d, 7, 6,
                "unknown item 'team' in model 'tiny'; a column maps to an item id, or to "
                "ignore, respondent, role, group:FIELD (such as group:team), organisation, "
                "date or comments");
    assert_int_equal(f->d.errors, 5);
    assert_int_equal(f->res.n, 0);
    fixture_free(f);
}

/* One column per field; at most ANSWERS_GROUP_FIELDS_MAX fields, the next located at its header. */
static void test_import_group_column_limits(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f, "start.plan,Team,Your team\n1,a,b\n", NULL), -1);
    assert_only_error(f, 1, 3,
                      "column 'Your team' gives group 'team', as column 2 does; map one of "
                      "them to 'ignore' with --map");

    struct strbuf csv = STRBUF_INIT, row = STRBUF_INIT, map = STRBUF_INIT;
    strbuf_adds(&map, "format: stagegap-import-map/1\ncolumns:\n");
    strbuf_adds(&csv, "start.plan");
    strbuf_adds(&row, "1");
    for (int k = 1; k <= ANSWERS_GROUP_FIELDS_MAX; k++) {
        strbuf_addf(&map, "  G%d: group:g%d\n", k, k);
        strbuf_addf(&csv, ",G%d", k);
        strbuf_addf(&row, ",v%d", k);
    }
    strbuf_addf(&csv, "\n%s\n", row.buf);
    import_ok(f, csv.buf, map.buf);
    assert_contains(f->res.files[0].text, "g19: \"v19\", g20: \"v20\"}}\n");
    assert_all_load(f);

    strbuf_reset(&csv);
    strbuf_addf(&csv,
                "start.plan,G1,G2,G3,G4,G5,G6,G7,G8,G9,G10,G11,G12,G13,G14,G15,G16,G17,"
                "G18,G19,Locality,G20\n1%s,x\n",
                row.buf + 1);
    assert_int_equal(import_text(f, csv.buf, map.buf), -1);
    assert_only_error(f, 1, 22,
                      "column 'G20' would be group column 21, and a respondent gives at most "
                      "20 groups; map the columns not needed to 'ignore' with --map");
    strbuf_release(&map);
    strbuf_release(&row);
    strbuf_release(&csv);
    fixture_free(f);
}

/* Whatever a team is called, it is written as a quoted string that reads back the same. */
static void test_import_group_values_stay_inert(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,start.plan,Team\n"
              "a,1,\"North: #1, \"\"best\"\" \\ {x}\"\n"
              "b,2,\"tab\there\x1b[2J\"\n"
              "c,3,\"- &a *a\"\n",
              NULL);
    assert_contains(file_named(f, "a.yaml"),
                    "groups: {team: \"North: #1, \\\"best\\\" \\\\ {x}\"}}\n");
    assert_contains(file_named(f, "b.yaml"), "groups: {team: \"tab\\x09here\\x1B[2J\"}}\n");
    assert_contains(file_named(f, "c.yaml"), "groups: {team: \"- &a *a\"}}\n");
    assert_all_load(f);

    struct strbuf csv = STRBUF_INIT;
    strbuf_adds(&csv, "id,start.plan,Team\na,1,");
    for (int k = 0; k < IMPORT_CELL_MAX; k++)
        strbuf_addc(&csv, (char)('a' + k % 26));
    strbuf_addc(&csv, '\n');
    import_ok(f, csv.buf, NULL);
    assert_int_equal(strlen(strstr(f->res.files[0].text, "groups: {team: \"")),
                     strlen("groups: {team: \"\"}}\nanswers:\n  start.plan: 1\n") +
                         IMPORT_CELL_MAX);
    assert_all_load(f);
    strbuf_release(&csv);
    fixture_free(f);
}

static void test_import_bad_cells_located(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f,
                                 "id,start.plan,start.training\n"
                                 "a,1,2\n"
                                 "b,lots,11\n"
                                 "c,7-8,-1\n",
                                 NULL),
                     -1);
    assert_diag(&f->d, 3, 2,
                "the answer to 'start.plan' must be a number from 0 to 10, n/a or "
                "unknown, not 'lots'");
    assert_diag(&f->d, 3, 3, "the answer to 'start.training' must be from 0 to 10, not '11'");
    assert_diag(&f->d, 4, 2,
                "the answer to 'start.plan' must be a number from 0 to 10, n/a or "
                "unknown, not '7-8'");
    assert_diag(&f->d, 4, 3, "the answer to 'start.training' must be from 0 to 10, not '-1'");
    assert_int_equal(f->d.errors, 4);
    assert_int_equal(f->res.n, 0);
    fixture_free(f);
}

static void test_import_row_shape(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f,
                                 "id,start.plan,start.training\n"
                                 "a,1\n"
                                 "b,1,2,3\n"
                                 "c,1,2\n",
                                 NULL),
                     -1);
    assert_diag(&f->d, 2, 3,
                "this row has 2 cells but the header has 3; is a line break "
                "inside a cell not quoted?");
    assert_diag(&f->d, 3, 4,
                "this row has 4 cells but the header has 3; is a comma inside a "
                "cell not quoted?");
    assert_int_equal(f->d.errors, 2);
    fixture_free(f);
}

static void test_import_quoting_errors(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f, "id,start.plan\na,1\nb,\"2\nc,3\n", NULL), -1);
    assert_only_error(f, 3, 2, "this cell's opening '\"' is never closed");
    assert_int_equal(import_text(f, "id,start.plan\na,1\nb\"c,3\n", NULL), -1);
    assert_only_error(f, 3, 1,
                      "a '\"' inside this cell must be doubled (\"\"), and the cell "
                      "quoted");
    /* Semicolons: found from the header row, and said; decimal commas then read. */
    assert_int_equal(import_text(f, "id;start.plan\na;1\nb;2,5\n", NULL), 0);
    assert_int_equal(f->res.n, 2);
    assert_non_null(strstr(f->res.files[1].text, "start.plan: 2.5"));
    assert_diag(&f->d, 1, 0,
                "columns separated by ';', as the header row has more of them than of any "
                "other separator (say --delimiter to choose)");
    assert_diag(&f->d, 3, 2,
                "'2,5' read as 2.5: a decimal comma, as the columns are not separated by commas "
                "(said once)");
    fixture_free(f);
}

static void test_import_empty_and_header_only(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f, "", NULL), -1);
    assert_only_error(f, 0, 0,
                      "empty file; a survey export starts with a header row naming "
                      "its columns");
    assert_int_equal(import_text(f, "id,start.plan\r\n,\r\n", NULL), -1);
    assert_only_error(f, 0, 0, "no respondents: the file has a header row but no answers");
    assert_int_equal(import_text(f, "id,Email\na,b\n", NULL), -1);
    assert_only_error(f, 1, 1,
                      "no column answers a question of model 'tiny'; is this the right "
                      "export, or does it need --map?");
    fixture_free(f);
}

static void test_import_dates(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "Completion time,start.plan\n3/4/2026 10:00,1\n5/6/2026,2\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", NULL), -1);
    assert_only_error(f, 2, 1,
                      "the date '3/4/2026' could be day/month/year or month/day/year, "
                      "and no date in the column tells which; give the assessment "
                      "date with --date YYYY-MM-DD");

    /* One day past 12 settles the order for the whole column. */
    csv = "Completion time,start.plan\n3/4/2026 10:00,1\n25/6/2026,2\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", NULL), 0);
    assert_contains(f->res.files[0].text, "date: 2026-04-03\n");
    assert_contains(f->res.files[1].text, "date: 2026-06-25\n");
    csv = "Date,start.plan\n2026-09-30T10:00:00Z,1\n30.09.2026,2\n7/7/2026,3\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", NULL), 0);
    assert_contains(f->res.files[0].text, "date: 2026-09-30\n");
    assert_contains(f->res.files[1].text, "date: 2026-09-30\n");
    assert_contains(f->res.files[2].text, "date: 2026-07-07\n");

    csv = "Timestamp,start.plan\n13/6/2026,1\n6/14/2026,2\n2/30/2026,3\n,4\n30/9/26,5\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", NULL), -1);
    assert_diag(&f->d, 5, 1,
                "no date in column 'Timestamp'; give the assessment date with "
                "--date YYYY-MM-DD");
    assert_diag(&f->d, 6, 1,
                "cannot read the date '30/9/26' in column 'Timestamp'; give the "
                "assessment date with --date YYYY-MM-DD");
    assert_diag(&f->d, 3, 1,
                "the date '6/14/2026' is written month first, but row 2's is day "
                "first; give the assessment date with --date YYYY-MM-DD");
    csv = "Date,start.plan\n2026-02-30,1\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", NULL), -1);
    assert_only_error(f, 2, 1,
                      "the date '2026-02-30' is not a calendar date; give the "
                      "assessment date with --date YYYY-MM-DD");
    /* An unreadable date in the first row: no date recorded, nothing written through
       an empty list (fuzz_import found that; tests/fuzz_regressions keeps its input). */
    csv = "Date,start.plan\nsoon,1\n2026-09-30,2\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", NULL), -1);
    assert_only_error(f, 2, 1,
                      "cannot read the date 'soon' in column 'Date'; give the "
                      "assessment date with --date YYYY-MM-DD");
    csv = "start.plan\n1\n";
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "T", "30/09/2026"), -1);
    assert_only_error(f, 0, 0,
                      "--date must be a calendar date written YYYY-MM-DD, like "
                      "2026-09-30, not '30/09/2026'");
    fixture_free(f);
}

static void test_import_limits(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "start.plan");
    for (int i = 0; i < IMPORT_COLUMNS_MAX; i++)
        strbuf_adds(&sb, ",");
    strbuf_adds(&sb, "\n1\n");
    assert_int_equal(import_text(f, sb.buf, NULL), -1);
    assert_only_error(f, 1, 2001, "more than 2000 columns");

    strbuf_reset(&sb);
    strbuf_adds(&sb, "id,start.plan\na,\"");
    strbuf_addchars(&sb, 'x', IMPORT_CELL_MAX + 10);
    strbuf_adds(&sb, "\"\n");
    assert_int_equal(import_text(f, sb.buf, NULL), -1);
    assert_only_error(f, 2, 2, "this cell is longer than the limit of 16384 bytes");

    strbuf_reset(&sb);
    strbuf_adds(&sb, "id,start.plan\na,");
    strbuf_addchars(&sb, '1', IMPORT_CELL_MAX + 1);
    strbuf_adds(&sb, "\n");
    assert_int_equal(import_text(f, sb.buf, NULL), -1);
    assert_diag(&f->d, 2, 2, "this cell is longer than the limit of 16384 bytes");
    strbuf_release(&sb);
    fixture_free(f);
}

static void test_import_deterministic_names(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "respondent,start.plan\n"
                      "Jo Smith,1\n"
                      "jo-smith,2\n"
                      "  JO   SMITH!  ,3\n"
                      ",4\n"
                      "***,0\n"
                      "jo-smith-2,6\n"
                      "respondent-004,7\n";
    import_ok(f, csv, NULL);
    static const char *const names[] = {
        "jo-smith.yaml",       "jo-smith-2.yaml",   "jo-smith-3.yaml",      "respondent-004.yaml",
        "respondent-005.yaml", "jo-smith-2-2.yaml", "respondent-004-2.yaml"};
    assert_int_equal(f->res.n, 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(f->res.files[i].name, names[i]);
    assert_contains(f->res.files[3].text, "respondent: {id: \"r004\"}\n");
    assert_contains(f->res.files[4].text, "respondent: {id: \"***\"}\n");

    struct fixture *g = fixture_new();
    import_ok(g, csv, NULL);
    for (size_t i = 0; i < f->res.n; i++) {
        assert_string_equal(f->res.files[i].name, g->res.files[i].name);
        assert_string_equal(f->res.files[i].text, g->res.files[i].text);
    }
    assert_all_load(f);
    fixture_free(g);
    fixture_free(f);
}

static unsigned next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7FFF;
}

/*
 * Any bytes at all: a result whose every file loads, or an error; never a crash. Rows are
 * built from cells that are mostly plausible, so both outcomes are exercised, and then a
 * byte here and there is overwritten with anything.
 */
static void test_import_hostile_bytes(void **state)
{
    (void)state;
    static const char *const cells[] = {
        "1",
        "10",
        "n/a",
        "Don't know",
        "",
        " ",
        "\"a,b\"",
        "\"q\"\"q\"",
        "\"x\ny\"",
        "\x1b[2J",
        "caf\xC3\xA9",
        "\xE2\x80\xA8",
        "\xC2\x85",
        "\\",
        "#",
        "- x",
        "{a: b}",
        "&a *a",
        "7 - ok",
        "Fully",
        "\xEF\xBB\xBF",
        "'",
        ": ",
        "%TAG",
        "\xF0\x9F\x98\x80",
        "\"",
    };
    static const char alphabet[] = "a1,\"\n\r ;\t\xC3\xA9\xFF\x1b\x00?";
    struct fixture *f = fixture_new();
    unsigned seed = 12345;
    size_t ok = 0, failed = 0;
    for (int round = 0; round < 3000; round++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_adds(&sb, "id,start.plan,role,Trained?,Team\n");
        size_t rows = 1 + next_random(&seed) % 4;
        for (size_t r = 0; r < rows; r++) {
            for (int c = 0; c < 5; c++) {
                if (c)
                    strbuf_addc(&sb, ',');
                size_t pick = next_random(&seed) % (sizeof(cells) / sizeof(cells[0]));
                bool answer = c == 1 || c == 3;
                strbuf_adds(&sb, answer && pick % 4 ? cells[pick % 4] : cells[pick]);
            }
            strbuf_adds(&sb, next_random(&seed) % 2 ? "\n" : "\r\n");
        }
        for (unsigned k = next_random(&seed) % 4; k < 3 && sb.len; k++)
            sb.buf[next_random(&seed) % sb.len] =
                alphabet[next_random(&seed) % (sizeof(alphabet) - 1)];
        if (import_with(f, sb.buf, sb.len, NULL, "Testshire", "2026-09-30") == 0) {
            assert_all_load(f);
            ok++;
        } else {
            assert_int_equal(f->res.n, 0);
            failed++;
        }
        strbuf_release(&sb);
    }
    assert_true(ok > 100 && failed > 100);
    fixture_free(f);
}

/* ---- writing ---- */

static size_t count_entries(const char *dir)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    return n;
}

static char *read_all(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    struct strbuf sb = STRBUF_INIT;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
        strbuf_add(&sb, chunk, got);
    fclose(fp);
    return strbuf_detach(&sb, NULL);
}

static void test_import_write_new_and_empty_dir(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    char *parent = test_temp_dir("import");
    char *out = test_join(parent, "out");
    import_ok(f, "id,start.plan\na,1\nb,2\n", NULL);
    assert_int_equal(import_write(&f->res, out, &f->d), 0);
    assert_int_equal(count_entries(parent), 1); /* no temporary left beside it */
    assert_int_equal(count_entries(out), 2);
    char *a = test_join(out, "a.yaml");
    char *text = read_all(a);
    assert_string_equal(text, f->res.files[0].text);
    free(text);
    struct stat st;
    mode_t mask = umask(022);
    umask(mask);
    assert_int_equal(stat(out, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0777 & ~mask); /* not mkdtemp's 0700 */

    /* Not again into a directory with files in it. */
    diags_release(&f->d);
    assert_int_equal(import_write(&f->res, out, &f->d), -1);
    assert_int_equal(diags_exit_code(&f->d), 4);
    assert_diag(&f->d, 0, 0,
                "already exists and is not empty; import writes a new or empty "
                "directory, never among other files");
    assert_int_equal(count_entries(out), 2);

    /* An empty directory is kept, with the files moved into it. */
    char *empty = test_join(parent, "empty");
    assert_int_equal(mkdir(empty, 0750), 0);
    diags_release(&f->d);
    assert_int_equal(import_write(&f->res, empty, &f->d), 0);
    assert_int_equal(count_entries(empty), 2);
    assert_int_equal(stat(empty, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0750 & ~mask);

    /* A file where the directory should be. */
    char *plain = test_join(parent, "a-file");
    FILE *fp = fopen(plain, "w");
    assert_non_null(fp);
    fclose(fp);
    diags_release(&f->d);
    assert_int_equal(import_write(&f->res, plain, &f->d), -1);
    assert_diag(&f->d, 0, 0, "exists and is not a directory; import writes a new directory");

    test_remove_tree(parent);
    free(plain);
    free(empty);
    free(a);
    free(out);
    free(parent);
    fixture_free(f);
}

static void test_import_write_nothing_on_error(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    char *parent = test_temp_dir("import");
    char *out = test_join(parent, "out");
    import_ok(f, "id,start.plan\na,1\nb,2\nc,3\n", NULL);
    /* A name the file system refuses, after two good files: the third write fails. */
    free(f->res.files[2].name);
    f->res.files[2].name = xstrdup("no-such-dir/c.yaml");
    assert_int_equal(import_write(&f->res, out, &f->d), -1);
    assert_int_equal(diags_exit_code(&f->d), 4);
    assert_int_equal(count_entries(parent), 0); /* no out, no temporary */
    char *shown = test_join(out, "no-such-dir/c.yaml");
    assert_diag(&f->d, 0, 0, "cannot write: No such file or directory");
    assert_string_equal(f->d.v[f->d.n - 1].file, shown);

    /* The same into an empty directory: it stays empty. */
    assert_int_equal(mkdir(out, 0755), 0);
    diags_release(&f->d);
    assert_int_equal(import_write(&f->res, out, &f->d), -1);
    assert_int_equal(count_entries(out), 0);

    /* A parent that does not exist. */
    char *deep = test_join(parent, "missing/out");
    diags_release(&f->d);
    assert_int_equal(import_write(&f->res, deep, &f->d), -1);
    assert_diag(&f->d, 0, 0, "cannot create directory: No such file or directory");
    test_remove_tree(parent);
    free(deep);
    free(shown);
    free(out);
    free(parent);
    fixture_free(f);
}

static void test_import_summary_line(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f, "id,start.plan\na,1\n", NULL);
    struct strbuf sb = STRBUF_INIT;
    import_summary(&f->res, "survey.csv", "out", &sb);
    assert_string_equal(sb.buf, "imported 1 respondent from survey.csv into out (1 question "
                                "column; 4 questions with no column)\n");
    strbuf_release(&sb);
    fixture_free(f);
}

/* ---- multi-row headers ---- */

/* Qualtrics' third header rows: each cell {"ImportId":"..."}, CSV-quoted. */
static const char ids_seven[] = "@startDate,@recordedDate,@_recordId,@recipientEmail,"
                                "@QID1,@QID2_1,@QID2_2\n";
static const char ids_two[] = "@_recordId,@QID1\n";
static const char ids_four[] = "@_recordId,@_recordId,@QID1,@QID2\n";

/* head, then ids (each @NAME written as Qualtrics' {"ImportId":"NAME"} cell), then data. */
static char *qualtrics(const char *head, const char *ids, const char *data)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, head);
    for (const char *p = ids; *p; p++) {
        if (*p != '@') {
            strbuf_addc(&sb, *p);
            continue;
        }
        size_t len = strcspn(p + 1, ",\n");
        strbuf_adds(&sb, "\"{\"\"ImportId\"\":\"\"");
        strbuf_add(&sb, p + 1, len);
        strbuf_adds(&sb, "\"\"}\"");
        p += len;
    }
    strbuf_adds(&sb, data);
    return strbuf_detach(&sb, NULL);
}

static void test_import_qualtrics_header(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    char *csv = qualtrics("StartDate,RecordedDate,ResponseId,RecipientEmail,Q1,Q2_1,Q2_2\n"
                          "Start Date,Recorded Date,Response ID,Recipient Email,Is there a "
                          "plan?,Rate these - Trained?,Rate these - How tired?\n",
                          ids_seven,
                          "2026-09-01 10:00:00,2026-09-02 10:00:00,R_abc,a@example.org,7,3,n/a\n");
    /* Numeric values carry no recode: refused until the scale is said. */
    assert_int_equal(import_with(f, csv, strlen(csv), NULL, "Testshire", NULL), -1);
    assert_only_error(f, 2, 5,
                      "this Qualtrics export holds numeric values in 2 question columns (the "
                      "first: column 'Is there a plan?'), which Qualtrics numbers from 1 unless "
                      "the survey recodes them (a 0 to 10 scale becomes 1 to 11); say the scale "
                      "they are on: --scale 1..11, or --scale 0..10 when the survey's recode "
                      "values are the model's (a column of its own with --scale "
                      "'COLUMN=LO..HI'), or export with 'Use choice text'");
    static const char *const model_scale[] = {"0..10"};
    test_scales = model_scale;
    test_n_scales = 1;
    int rc = import_with(f, csv, strlen(csv), NULL, "Testshire", NULL);
    test_scales = NULL;
    test_n_scales = 0;
    if (rc != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_int_equal(f->res.n, 1);
    assert_int_equal(f->res.questions, 3);
    const char *t = file_named(f, "r-abc.yaml");
    assert_contains(t, "# Imported by stagegap from \"survey.csv\", row 4.\n");
    assert_contains(t, "date: 2026-09-02\nrespondent: {id: \"R_abc\"}\n");
    assert_contains(t, "  start.plan: 7\n  start.training: 3\n  start.fatigue: n/a\n");
    assert_lacks(t, "example.org");
    assert_int_equal(f->d.errors, 0);
    assert_all_load(f);
    free(csv);
    fixture_free(f);
}

static void test_import_surveymonkey_header(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "Respondent ID,End Date,Email Address,Is there a plan?,Rate these,\n"
                      ",,,Response,Trained?,How tired?\n"
                      "118,09/30/2026 10:00:00 AM,a@example.org,7,3,n/a\n";
    if (import_with(f, csv, strlen(csv), NULL, "Testshire", NULL) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_int_equal(f->res.questions, 3);
    const char *t = file_named(f, "118.yaml");
    assert_contains(t, "# Imported by stagegap from \"survey.csv\", row 3.\n");
    assert_contains(t, "date: 2026-09-30\nrespondent: {id: \"118\"}\n");
    assert_contains(t, "  start.plan: 7\n  start.training: 3\n  start.fatigue: n/a\n");
    assert_lacks(t, "example.org");
    assert_all_load(f);
    fixture_free(f);
}

/* SurveyMonkey with no grid question: known by its own columns, not by a blank header. */
static void test_import_surveymonkey_no_grid(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "Respondent ID,Collector ID,Start Date,End Date,IP Address,"
                      "Is there a plan?,Trained?,Anything else?\n"
                      ",,,,,Response,Response,Open-Ended Response\n"
                      "118,431907362,09/29/2026 10:00:00 AM,09/30/2026 10:05:00 AM,192.0.2.1,"
                      "7,3,Fine\n";
    if (import_with(f, csv, strlen(csv), NULL, "Testshire", NULL) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_int_equal(f->res.n, 1);
    const char *t = file_named(f, "118.yaml");
    assert_contains(t, "# Imported by stagegap from \"survey.csv\", row 3.\n");
    assert_contains(t, "date: 2026-09-30\nrespondent: {id: \"118\"}\n");
    assert_contains(t, "  start.plan: 7\n  start.training: 3\n");
    assert_lacks(t, "192.0.2.1");
    /* Its own columns, but no "Response" under any question: one header row. */
    import_ok(f,
              "Respondent ID,Collector ID,Start Date,End Date,start.plan\n"
              "1,2,09/29/2026,09/30/2026,4\n",
              NULL);
    assert_contains(file_named(f, "1.yaml"), "  start.plan: 4\n");
    fixture_free(f);
}

/* Grids in one header row: Google Forms' "Question [Row]", and "Question.Row". */
static void test_import_grid_headers_one_row(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,How far do you agree? [Is there a plan?],How far do you agree? [Trained?],"
              "Rate these.How tired?,Rate these.Is it a habit?,Anything else? See e.g. this\n"
              "a,1,2,3,4,x\n",
              NULL);
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 1\n  start.training: 2\n"
                                             "  start.fatigue: 3\n  later.habit: 4\n");
    /* A row's statement mapped alone, and its scale said by it. */
    static const char *const by_row[] = {"Tired=1..5"};
    if (import_scaled(f, "id,Rate [Planned],Rate [Tired]\na,7,5\n",
                      "format: stagegap-import-map/1\n"
                      "columns:\n"
                      "  Planned: start.plan\n"
                      "  Tired: start.fatigue\n",
                      by_row, 1) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 7\n  start.fatigue: 10\n");
    /* A misspelt row: the error shows the row's own text, not the shared question. */
    assert_int_equal(import_text(f,
                                 "id,How far do you agree with each of these statements about "
                                 "the service? [Is there a plam?],How far do you agree with "
                                 "each of these statements about the service? [Trainde?]\n"
                                 "a,1,2\n",
                                 NULL),
                     -1);
    assert_diag(&f->d, 1, 2,
                "unknown column 'Is there a plam?'; did you mean 'Is there a plan?' "
                "(start.plan)?");
    assert_diag(&f->d, 1, 3,
                "unknown column 'Trainde?'; did you mean 'Trained?' (start.training)?");
    assert_diag(&f->d, 1, 1,
                "no column answers a question of model 'tiny'; is this the right export, or "
                "does it need --map?");
    assert_int_equal(f->d.errors, 3);
    fixture_free(f);
}

/* A grid column is mapped by its whole header or by its statement alone. */
static void test_import_grid_statement_mapped(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    import_ok(f,
              "id,Is it a habit?,Rate these,,\n"
              ",Response,Planned?,Skilled?,Tired?\n"
              "a,4,1,2,3\n",
              "format: stagegap-import-map/1\n"
              "columns:\n"
              "  \"Rate these - Planned?\": start.plan\n"
              "  \"Skilled?\": start.training\n"
              "  \"Tired?\": start.fatigue\n");
    assert_contains(file_named(f, "a.yaml"),
                    "  start.plan: 1\n  start.training: 2\n  start.fatigue: 3\n"
                    "  later.habit: 4\n");
    /* The answers 1 to 4 could be a form's 1 to 4; the model's one question with no
       column. */
    assert_int_equal(f->d.n, 2);
    fixture_free(f);
}

/* A second row that is data stays data, whatever it holds. */
static void test_import_two_rows_not_surveymonkey(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    /* "Response" in the second row, but no question merged across blank cells. */
    import_ok(f, "id,start.plan,Trained?\nResponse,3,4\n", NULL);
    assert_contains(file_named(f, "response.yaml"),
                    "# Imported by stagegap from \"survey.csv\", row 2.\n");
    /* A blank header cell after a question, but no "Response" under it. */
    import_ok(f, "id,start.plan,,Trained?\na,3,,4\n", NULL);
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 3\n  start.training: 4\n");
    /* One cell of three in the third row is an import id: not Qualtrics, so the third
       row is a respondent's and that cell a wrong answer. */
    char *csv = qualtrics("id,start.plan,Trained?\na,1,2\n", "b,@x,3\n", "");
    assert_int_equal(import_text(f, csv, NULL), -1);
    assert_only_error(f, 3, 2,
                      "the answer to 'start.plan' must be a number from 0 to 10, n/a or "
                      "unknown, not '{\"ImportId\":\"x\"}'");
    free(csv);
    fixture_free(f);
}

static void test_import_qualtrics_too_few_rows(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    /* Two of the three header rows: no import ids, so one header and a row of text. */
    assert_int_equal(import_text(f, "ResponseId,Q1\nResponse ID,Is there a plan?\n", NULL), -1);
    assert_only_error(f, 1, 1,
                      "no column answers a question of model 'tiny'; is this the right "
                      "export, or does it need --map?");
    /* All three header rows and no response. */
    char *csv = qualtrics("ResponseId,Q1\nResponse ID,Is there a plan?\n", ids_two, "");
    assert_int_equal(import_text(f, csv, NULL), -1);
    assert_only_error(f, 0, 0, "no respondents: the file has a header row but no answers");
    free(csv);
    fixture_free(f);
}

/* Errors at the spreadsheet's row: a header's at the row whose text was used. */
static void test_import_multirow_rows_in_errors(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    char *csv = qualtrics("ResponseId,ResponseId,Q1,Q2\n"
                          "Response ID,Response ID,Is there a plam?,Trained?\n",
                          ids_four, "a,a,1,2 - some\nb,b,1,lots\n");
    assert_int_equal(import_text(f, csv, NULL), -1);
    assert_diag(&f->d, 1, 2,
                "column 'ResponseId' is an id column, as column 1 is; map one of them to "
                "'ignore' with --map");
    assert_diag(&f->d, 2, 3,
                "unknown column 'Is there a plam?'; did you mean 'Is there a plan?' "
                "(start.plan)?");
    assert_diag(&f->d, 5, 4,
                "the answer to 'start.training' must be a number from 0 to 10, n/a or "
                "unknown, not 'lots'");
    assert_int_equal(f->d.errors, 3);
    assert_int_equal(import_text(f,
                                 "id,Is there a plam?,Rate these,\n"
                                 ",Response,Trained?,How tird?\n"
                                 "a,1,2,3\n",
                                 NULL),
                     -1);
    assert_diag(&f->d, 1, 2,
                "unknown column 'Is there a plam?'; did you mean 'Is there a plan?' "
                "(start.plan)?");
    assert_diag(&f->d, 2, 4,
                "unknown column 'How tird?'; did you mean 'How tired?' (start.fatigue)?");
    assert_int_equal(f->d.errors, 2);
    free(csv);
    fixture_free(f);
}

/* ---- scales and value maps ---- */

/* A 0-10 scale numbered 1-11 (Qualtrics' default recode) is refused, not read one high. */
static void test_import_scale_shifted(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "id,start.plan,start.training\n"
                      "a,1,5\nb,11,6\nc,6,7\nd,11,0\n";
    assert_int_equal(import_text(f, csv, NULL), -1);
    assert_only_error(f, 1, 2,
                      "column 'start.plan' has whole numbers from 1 to 11, one above the "
                      "model's 0 to 10: a scale numbered from 1, as Qualtrics' numeric values "
                      "are? Read them with --scale 'start.plan=1..11'");
    static const char *const shifted[] = {"start.plan=1..11"};
    if (import_scaled(f, csv, NULL, shifted, 1) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 0\n  start.training: 5\n");
    assert_contains(file_named(f, "b.yaml"), "  start.plan: 10\n  start.training: 6\n");
    assert_contains(file_named(f, "c.yaml"), "  start.plan: 5\n");
    /* An 11 beside a 0 is no shifted scale: each 11 is wrong where it is. */
    assert_int_equal(import_text(f, "id,start.plan\na,0\nb,11\nc,11\n", NULL), -1);
    assert_diag(&f->d, 3, 2, "the answer to 'start.plan' must be from 0 to 10, not '11'");
    assert_diag(&f->d, 4, 2, "the answer to 'start.plan' must be from 0 to 10, not '11'");
    assert_int_equal(f->d.errors, 2);
    /* On a stated scale, a number off it is refused with that scale. */
    assert_int_equal(import_scaled(f, "id,start.plan\na,0\n", NULL, shifted, 1), -1);
    assert_only_error(f, 2, 2,
                      "the answer to 'start.plan' must be from 1 to 11 (the column's scale as "
                      "stated), not '0'");
    fixture_free(f);
}

/* A 1-5 scale read onto 0-10: refused until said, then rescaled exactly. */
static void test_import_scale_shrunk(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "id,start.plan,start.training\n"
                      "a,1,2\nb,2,3\nc,3 - sometimes,1\nd,4,n/a\ne,5,\n";
    assert_int_equal(import_text(f, csv, NULL), -1);
    assert_diag(&f->d, 1, 2,
                "column 'start.plan' has only whole numbers from 1 to 5, as a scale from 1 to "
                "5 (or more) gives, not the model's 0 to 10; say which: --scale "
                "'start.plan=1..5' (with the form's top, if above 5; --scale 1..5 for every "
                "column) rescales them, --scale "
                "'start.plan=0..10' reads them as they are");
    /* Three numbers alone say little, but beside a column that fits, the same. */
    assert_diag(&f->d, 1, 3,
                "column 'start.training' has only whole numbers from 1 to 3, as a scale from "
                "1 to 3 (or more) gives, not the model's 0 to 10; say which: --scale "
                "'start.training=1..3' (with the form's top, if above 3; --scale 1..3 for "
                "every column) rescales them, "
                "--scale 'start.training=0..10' reads them as they are");
    assert_int_equal(f->d.errors, 2);
    static const char *const five[] = {"1..5"};
    if (import_scaled(f, csv, NULL, five, 1) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 0\n  start.training: 2.5\n");
    assert_contains(file_named(f, "b.yaml"), "  start.plan: 2.5\n  start.training: 5\n");
    assert_contains(file_named(f, "c.yaml"), "  start.plan: 5\n  start.training: 0\n");
    assert_contains(file_named(f, "d.yaml"), "  start.plan: 7.5\n  start.training: n/a\n");
    assert_contains(file_named(f, "e.yaml"), "  start.plan: 10\n");
    assert_all_load(f);
    /* The model's own scale said: read as they are. A column's own beats every column's. */
    static const char *const mixed[] = {"0..10", "start.training=1..7"};
    if (import_scaled(f, csv, NULL, mixed, 2) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_contains(file_named(f, "b.yaml"), "  start.plan: 2\n  start.training: 3.333\n");
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 1\n  start.training: 1.667\n");
    assert_all_load(f);
    /* Few numbers and nothing beside them: a small export is read as it is. */
    import_ok(f, "id,start.plan\na,3\nb,4\n", NULL);
    /* A zero, a fraction or a number above 7 shows the model's scale in use. */
    import_ok(f, "id,start.plan\na,1\nb,2\nc,3\nd,4\ne,0\n", NULL);
    import_ok(f, "id,start.plan\na,1\nb,2\nc,3\nd,4\ne,4.5\n", NULL);
    import_ok(f, "id,start.plan\na,1\nb,2\nc,3\nd,4\ne,8\n", NULL);
    fixture_free(f);
}

static void test_import_scale_option_errors(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    static const char *const bad[] = {"1-5", "x=5..1", "=1..5", "1..5", "2..6", "Nope=1..5"};
    assert_int_equal(import_scaled(f, "id,start.plan\na,1\n", NULL, bad, 6), -1);
    assert_diag(&f->d, 0, 0,
                "--scale takes LO..HI or 'COLUMN=LO..HI' (whole numbers, LO below HI, such as "
                "1..11), not '1-5'");
    assert_diag(&f->d, 0, 0,
                "--scale takes LO..HI or 'COLUMN=LO..HI' (whole numbers, LO below HI, such as "
                "1..11), not 'x=5..1'");
    assert_diag(&f->d, 0, 0,
                "--scale takes LO..HI or 'COLUMN=LO..HI' (whole numbers, LO below HI, such as "
                "1..11), not '=1..5'");
    assert_diag(&f->d, 0, 0,
                "--scale '2..6' is a second scale for every column; give one, and "
                "'COLUMN=LO..HI' for the columns that differ");
    assert_diag(&f->d, 0, 0,
                "--scale 'Nope=1..5' names a column this export does not have; name it as "
                "its header reads (or a grid column by its statement)");
    assert_int_equal(f->d.errors, 5);
    static const char *const not_item[] = {"ID=1..5", "id=1..3"};
    assert_int_equal(import_scaled(f, "id,start.plan\na,1\n", NULL, not_item, 2), -1);
    assert_diag(&f->d, 0, 0, "--scale 'id=1..3' names a column named before");
    assert_diag(&f->d, 1, 1, "--scale names column 'id', which answers no question");
    assert_int_equal(f->d.errors, 2);
    fixture_free(f);
}

/* Labels given numbers in the mapping file, for a column or for all. */
static void test_import_value_maps(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *map = "format: stagegap-import-map/1\n"
                      "values:\n"
                      "  Strongly agree: 10\n"
                      "  Agree: 7.5\n"
                      "  Not applicable: n/a\n"
                      "  Don't know: unknown\n"
                      "columns:\n"
                      "  Training: {item: start.training, values: {Mostly: 7, Agree: 6}}\n"
                      "  Planned: {item: start.plan, scale: 1..5}\n";
    import_ok(f,
              "id,Training,Planned,How tired?\n"
              "a,Mostly,5,strongly AGREE\n"
              "b,agree,1,Not applicable\n"
              "c,7,3,don't know\n",
              map);
    assert_contains(file_named(f, "a.yaml"),
                    "  start.plan: 10\n  start.training: 7\n  start.fatigue: 10\n");
    assert_contains(file_named(f, "b.yaml"),
                    "  start.plan: 0\n  start.training: 6\n  start.fatigue: n/a\n");
    assert_contains(file_named(f, "c.yaml"),
                    "  start.plan: 5\n  start.training: 7\n  start.fatigue: unknown\n");
    assert_all_load(f);
    /* Labels no map gives: one error, every label with its count, at the first met. */
    assert_int_equal(import_text(f,
                                 "id,Training,Planned,How tired?\n"
                                 "a,Mostly,5,Neutral\n"
                                 "b,Somewhat,1,neutral\n"
                                 "c,7,3,Disagree\n",
                                 map),
                     -1);
    assert_only_error(f, 2, 4,
                      "4 answers are labels the value maps do not give: 'Neutral' (2), "
                      "'Somewhat' (1), 'Disagree' (1); give each a number, n/a or unknown "
                      "under 'values:' in the mapping file");
    fixture_free(f);
}

/*
 * Too few answers to refuse a column as a shorter scale, but every number in the export
 * is a whole number from 1 to 7: read as it is, with one warning at the first column
 * (issue 27: never silently); none once a number shows the model's scale, or the scale
 * is said.
 */
static void test_import_small_shrunk_warned(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "id,Planned,Skilled?\n"
                      "a,5,2\n"
                      "b,3,\n"
                      "c,4,1\n";
    const char *map = "format: stagegap-import-map/1\n"
                      "columns:\n"
                      "  Planned: start.plan\n"
                      "  Skilled?: start.training\n";
    import_ok(f, csv, map);
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 5\n  start.training: 2\n");
    assert_diag(&f->d, 1, 2,
                "every answer in numbers is a whole number from 1 to 5: too few answers to "
                "tell a form's scale from 1 to 5 from the model's 0 to 10, so they are read "
                "as they are; if the form's scale starts at 1, say --scale 1..5 (or its "
                "top); --scale 0..10 says they are on the model's, without this warning");
    /* A 0 (or an 8) shows the model's scale: no warning. */
    import_ok(f, "id,Planned,Skilled?\na,5,0\nb,3,\nc,4,1\n", map);
    for (size_t i = 0; i < f->d.n; i++)
        assert_null(strstr(f->d.v[i].message, "every answer in numbers"));
    /* The scale said: no warning, the numbers rescaled or not as said. */
    static const char *const model[] = {"0..10"};
    assert_int_equal(import_scaled(f, csv, map, model, 1), 0);
    for (size_t i = 0; i < f->d.n; i++)
        assert_null(strstr(f->d.v[i].message, "every answer in numbers"));
    static const char *const five[] = {"1..5"};
    assert_int_equal(import_scaled(f, csv, map, five, 1), 0);
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 10\n  start.training: 2.5\n");
    fixture_free(f);
}

/* The mapping file's scale for every column; --scale beats it; a value map recodes numbers. */
static void test_import_map_scale_and_recode(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    const char *csv = "id,start.plan,start.training\na,1,1\nb,5,3\n";
    const char *map = "format: stagegap-import-map/1\n"
                      "scale: 1..5\n"
                      "columns:\n"
                      "  start.training: {item: start.training, values: {\"1\": 0, \"3\": 9}}\n";
    import_ok(f, csv, map);
    assert_contains(file_named(f, "a.yaml"), "  start.plan: 0\n  start.training: 0\n");
    assert_contains(file_named(f, "b.yaml"), "  start.plan: 10\n  start.training: 9\n");
    static const char *const model[] = {"start.plan=0..10"};
    if (import_scaled(f, csv, map, model, 1) != 0) {
        print_diags(&f->d);
        fail();
    }
    assert_contains(file_named(f, "b.yaml"), "  start.plan: 5\n  start.training: 9\n");
    fixture_free(f);
}

static void test_import_value_map_errors(void **state)
{
    (void)state;
    struct fixture *f = fixture_new();
    assert_int_equal(import_text(f, "id,start.plan\na,1\n",
                                 "format: stagegap-import-map/1\n"
                                 "scale: 5..1\n"
                                 "values:\n"
                                 "  Agree: 8\n"
                                 "  agree.: 3\n"
                                 "  Disagree: 11\n"
                                 "  Lots: [1]\n"
                                 "  Some: \"5\"\n"
                                 "columns:\n"
                                 "  id: {item: respondent, scale: 1..5}\n"
                                 "  start.plan: {item: start.plan, scales: 1..5}\n"),
                     -1);
    assert_diag(&f->d, 2, 8,
                "a scale is written LO..HI, whole numbers with LO below HI, such as 1..5, not "
                "'5..1'");
    assert_diag(&f->d, 5, 3, "label 'agree.' is given twice (labels are compared ignoring case)");
    assert_diag(&f->d, 6, 13, "a label's number must be from 0 to 10, not 11");
    assert_diag(&f->d, 7, 9,
                "a label's answer is a number from 0 to 10 (the model's scale), n/a or unknown");
    assert_diag(&f->d, 8, 9,
                "a label's answer is a number from 0 to 10 (the model's scale), n/a or unknown");
    assert_diag(&f->d, 10, 33,
                "a scale or values belong to a column that answers an item, not to respondent");
    assert_diag(&f->d, 11, 34, "unknown key 'scales' in a column; did you mean 'scale'?");
    assert_diag(&f->d, 1, 1,
                "no column answers a question of model 'tiny'; is this the right export, or "
                "does it need --map?");
    assert_int_equal(f->d.errors, 8);
    fixture_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_import_item_ids),
        cmocka_unit_test(test_import_question_text),
        cmocka_unit_test(test_import_map_file),
        cmocka_unit_test(test_import_map_errors),
        cmocka_unit_test(test_import_ms_forms_columns),
        cmocka_unit_test(test_import_google_forms_columns),
        cmocka_unit_test(test_import_respondent_column_beats_ms_forms_id),
        cmocka_unit_test(test_import_organisation_column),
        cmocka_unit_test(test_import_scale_words_and_numbers),
        cmocka_unit_test(test_import_na_and_unknown),
        cmocka_unit_test(test_import_empty_cells_and_rows),
        cmocka_unit_test(test_import_quoted_fields_stay_inert),
        cmocka_unit_test(test_import_bom_and_crlf),
        cmocka_unit_test(test_import_utf16_read),
        cmocka_unit_test(test_import_invalid_utf8_located),
        cmocka_unit_test(test_import_unknown_column_did_you_mean),
        cmocka_unit_test(test_import_free_text_column_is_comments),
        cmocka_unit_test(test_import_map_to_comments),
        cmocka_unit_test(test_import_identifying_columns_left_out),
        cmocka_unit_test(test_import_context_item_and_duplicate_columns),
        cmocka_unit_test(test_import_group_columns_by_header),
        cmocka_unit_test(test_import_group_columns_by_map),
        cmocka_unit_test(test_import_group_map_errors),
        cmocka_unit_test(test_import_group_column_limits),
        cmocka_unit_test(test_import_group_values_stay_inert),
        cmocka_unit_test(test_import_bad_cells_located),
        cmocka_unit_test(test_import_row_shape),
        cmocka_unit_test(test_import_quoting_errors),
        cmocka_unit_test(test_import_empty_and_header_only),
        cmocka_unit_test(test_import_dates),
        cmocka_unit_test(test_import_limits),
        cmocka_unit_test(test_import_deterministic_names),
        cmocka_unit_test(test_import_hostile_bytes),
        cmocka_unit_test(test_import_write_new_and_empty_dir),
        cmocka_unit_test(test_import_write_nothing_on_error),
        cmocka_unit_test(test_import_summary_line),
        cmocka_unit_test(test_import_qualtrics_header),
        cmocka_unit_test(test_import_surveymonkey_header),
        cmocka_unit_test(test_import_surveymonkey_no_grid),
        cmocka_unit_test(test_import_grid_statement_mapped),
        cmocka_unit_test(test_import_grid_headers_one_row),
        cmocka_unit_test(test_import_two_rows_not_surveymonkey),
        cmocka_unit_test(test_import_qualtrics_too_few_rows),
        cmocka_unit_test(test_import_multirow_rows_in_errors),
        cmocka_unit_test(test_import_scale_shifted),
        cmocka_unit_test(test_import_scale_shrunk),
        cmocka_unit_test(test_import_scale_option_errors),
        cmocka_unit_test(test_import_value_maps),
        cmocka_unit_test(test_import_value_map_errors),
        cmocka_unit_test(test_import_map_scale_and_recode),
        cmocka_unit_test(test_import_small_shrunk_warned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
