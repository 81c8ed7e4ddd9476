/*
 * test_accept.c - accepted gaps: the loader (every mistake a person can make, each with
 * its exact message, line and column; the limits; hostile text kept as it was written),
 * and what an acceptance does to a score: never its stage scores or coverage, but the
 * action ranking, at the edges of expiry, and compare's gaps opened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "accept.h"
#include "answers.h"
#include "compare.h"
#include "score.h"
#include "strbuf.h"

/* Lines: 1 format, 2 rules, 3 organisation, 4 accepted:, 5-8 the entry. */
static const char *const base_accept = "format: stagegap-accept/1\n"
                                       "rules: tiny\n"
                                       "organisation: Anytown\n"
                                       "accepted:\n"
                                       "  - item: start.plan\n"
                                       "    reason: No budget this year\n"
                                       "    accepted-by: The board\n"
                                       "    expires: 2026-09-30\n";

struct fixture {
    struct rules rules;
    struct accept accept;
    struct diags d;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    int rc = load_rules_text(&f->rules, test_rules_yaml, &f->d);
    accept_init(&f->accept);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    accept_release(&f->accept);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
    return 0;
}

static int load(struct fixture *f, const char *yaml)
{
    accept_release(&f->accept);
    diags_release(&f->d);
    diags_init(&f->d);
    return accept_load_buffer(&f->accept, &f->rules, "a.yaml", yaml, strlen(yaml), &f->d);
}

/* base with the first from replaced by to (malloc'd). */
static char *accept_with(const char *from, const char *to)
{
    const char *at = strstr(base_accept, from);
    if (!at)
        fail_msg("'%s' is not in the accept file", from);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, base_accept, (size_t)(at - base_accept));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    return strbuf_detach(&sb, NULL);
}

/* Loads base with from replaced by to; expects one error, exactly, at line:column. */
static void expect_error(struct fixture *f, const char *from, const char *to, unsigned line,
                         unsigned column, const char *msg)
{
    char *yaml = accept_with(from, to);
    assert_int_equal(load(f, yaml), -1);
    assert_diag(&f->d, line, column, msg);
    assert_int_equal(f->accept.n_entries, 0);
    free(yaml);
}

/* ---- the loader ---- */

static void test_accept_loads(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(load(f, base_accept), 0);
    assert_string_equal(f->accept.file, "a.yaml");
    assert_string_equal(f->accept.rules_id, "tiny");
    assert_string_equal(f->accept.organisation, "Anytown");
    assert_int_equal(f->accept.n_entries, 1);
    const struct accept_entry *e = &f->accept.entries[0];
    assert_int_equal(e->item, rules_find_item(&f->rules, "start.plan"));
    assert_string_equal(e->reason, "No budget this year");
    assert_string_equal(e->by, "The board");
    assert_string_equal(e->expires, "2026-09-30");
    assert_int_equal(e->line, 5);
    assert_int_equal(e->column, 5);
    assert_ptr_equal(accept_find(&f->accept, e->item), e);
    assert_null(accept_find(&f->accept, (size_t)rules_find_item(&f->rules, "start.training")));
    assert_null(accept_find(NULL, 0));
    /* The organisation is optional; so is having anything accepted. */
    char *yaml = accept_with("organisation: Anytown\n", "");
    assert_int_equal(load(f, yaml), 0);
    assert_null(f->accept.organisation);
    free(yaml);
    assert_int_equal(load(f, "format: stagegap-accept/1\nrules: tiny\naccepted: []\n"), 0);
    assert_int_equal(f->accept.n_entries, 0);
}

static void test_accept_header_errors(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(load(f, ""), -1);
    assert_diag(&f->d, 1, 1, "empty file; an accept file starts with 'format: stagegap-accept/1'");
    assert_int_equal(load(f, "- a\n"), -1);
    assert_diag(&f->d, 1, 1, "an accept file must be a mapping, not a list");
    assert_int_equal(load(f, "rules: tiny\naccepted: []\n"), -1);
    assert_diag(&f->d, 1, 1,
                "no 'format' key; an accept file starts with 'format: stagegap-accept/1'");
    expect_error(f, "stagegap-accept/1", "stagegap-plan/1", 1, 9,
                 "this is an action plan, not a file of accepted gaps");
    expect_error(f, "stagegap-accept/1", "stagegap-answers/1", 1, 9,
                 "this is an answers file, not a file of accepted gaps");
    expect_error(f, "stagegap-accept/1", "stagegap-rules/1", 1, 9,
                 "this is a rules file, not a file of accepted gaps");
    expect_error(f, "stagegap-accept/1", "stagegap-accept/2", 1, 9,
                 "format must be 'stagegap-accept/1'");
    expect_error(f, "rules: tiny", "rules: signs-of-safety", 2, 8,
                 "these accepted gaps are for the model 'signs-of-safety', but the rules "
                 "loaded are 'tiny'; pass the matching rules with --rules");
    expect_error(f, "rules: tiny\n", "", 1, 1,
                 "the accept file is missing the required key 'rules'");
    expect_error(f, "organisation: Anytown", "organisaton: Anytown", 3, 1,
                 "unknown key 'organisaton' in the accept file; did you mean 'organisation'?");
    assert_int_equal(load(f, "format: stagegap-accept/1\nrules: tiny\naccepted: {a: 1}\n"), -1);
    assert_diag(&f->d, 3, 11, "accepted must be a list, not a mapping");
}

/* An overlay's accept file may name the overlay's id or its base's. */
static void test_accept_names_the_base(void **state)
{
    struct fixture *f = *state;
    struct rules_provenance base = {.id = "signs-of-safety", .version = "1.1.0"};
    f->rules.base = &base;
    char *yaml = accept_with("rules: tiny", "rules: signs-of-safety");
    assert_int_equal(load(f, yaml), 0);
    assert_string_equal(f->accept.rules_id, "signs-of-safety");
    free(yaml);
    assert_int_equal(load(f, base_accept), 0);
    expect_error(f, "rules: tiny", "rules: other", 2, 8,
                 "these accepted gaps are for the model 'other', but the rules loaded are "
                 "'tiny'; pass the matching rules with --rules");
    f->rules.base = NULL;
}

static void test_accept_entry_errors(void **state)
{
    struct fixture *f = *state;
    expect_error(f, "item: start.plan", "item: start.pln", 5, 11,
                 "unknown item 'start.pln' in model 'tiny'; did you mean 'start.plan'?");
    expect_error(f, "item: start.plan", "item: nothing.like.it.at.all", 5, 11,
                 "unknown item 'nothing.like.it.at.all' in model 'tiny'; 'stagegap rules' "
                 "lists the model's ids");
    expect_error(f, "item: start.plan", "item: later.context", 5, 11,
                 "'later.context' is shown for context and has no question, so it is never "
                 "a gap; accept an item that is answered");
    /* An item an overlay retired has no question, and says why it is not a gap. */
    struct rules_item *habit = &f->rules.items[rules_find_item(&f->rules, "later.habit")];
    const char *question = habit->question;
    habit->retired = "We are a single-agency trust";
    habit->question = NULL;
    expect_error(f, "item: start.plan", "item: later.habit", 5, 11,
                 "'later.habit' is retired in model 'tiny', so it is never a gap; leave it out");
    habit->retired = NULL;
    habit->question = question;
    expect_error(f, "    reason: No budget this year\n", "", 5, 5,
                 "an accepted gap is missing the required key 'reason'");
    expect_error(f, "reason: No budget this year", "reason: \"\"", 6, 13,
                 "reason must be text, not empty text");
    expect_error(f, "reason: No budget this year", "reason: [a, b]", 6, 13,
                 "reason must be text, not a list");
    expect_error(f, "    accepted-by: The board\n", "", 5, 5,
                 "an accepted gap is missing the required key 'accepted-by'");
    expect_error(f, "accepted-by: The board", "accepted-by:", 7, 17,
                 "accepted-by must be text, not nothing");
    expect_error(f, "    expires: 2026-09-30\n", "", 5, 5,
                 "an accepted gap is missing the required key 'expires'");
    expect_error(f, "expires: 2026-09-30", "expires: 2026-02-30", 8, 14,
                 "expires must be a calendar date written YYYY-MM-DD, like 2026-09-30, not "
                 "'2026-02-30'");
    expect_error(f, "expires: 2026-09-30", "expires: next April", 8, 14,
                 "expires must be a calendar date written YYYY-MM-DD, like 2026-09-30, not "
                 "'next April'");
    expect_error(f, "    expires: 2026-09-30\n", "    expires: 2026-09-30\n    expiry: soon\n", 9,
                 5, "unknown key 'expiry' in an accepted gap; did you mean 'expires'?");
    assert_int_equal(load(f, "format: stagegap-accept/1\nrules: tiny\naccepted:\n  - start.plan\n"),
                     -1);
    assert_diag(&f->d, 4, 5, "an accepted gap must be a mapping, not text");
}

static void test_accept_twice(void **state)
{
    struct fixture *f = *state;
    char *yaml = accept_with("    expires: 2026-09-30\n",
                             "    expires: 2026-09-30\n"
                             "  - {item: start.plan, reason: Again, accepted-by: Jo, "
                             "expires: 2027-01-01}\n");
    assert_int_equal(load(f, yaml), -1);
    assert_diag(&f->d, 9, 12, "'start.plan' is accepted twice, first at line 5; keep one");
    free(yaml);
}

/* Every problem of a file in one run. */
static void test_accept_reports_every_problem(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(load(f,
                          "format: stagegap-accept/1\nrules: tiny\naccepted:\n"
                          "  - {item: start.pln, reason: a, accepted-by: b, expires: 2026-01-01}\n"
                          "  - {item: start.training, reason: a, accepted-by: b, "
                          "expires: 2026-13-01}\n"),
                     -1);
    assert_int_equal(f->d.errors, 2);
    assert_diag(&f->d, 4, 12,
                "unknown item 'start.pln' in model 'tiny'; did you mean 'start.plan'?");
}

/* Text from the file is kept as written: each report escapes it for its format. */
static void test_accept_hostile_text_kept(void **state)
{
    struct fixture *f = *state;
    char *yaml = accept_with("reason: No budget this year",
                             "reason: \"<script>alert(1)</script> | =cmd \\e[31m\\u202e\"");
    assert_int_equal(load(f, yaml), 0);
    assert_string_equal(f->accept.entries[0].reason,
                        "<script>alert(1)</script> | =cmd \033[31m\xE2\x80\xAE");
    free(yaml);
    /* YAML's guards hold here as in every stagegap file. */
    yaml = accept_with("organisation: Anytown", "organisation: &o Anytown");
    assert_int_equal(load(f, yaml), -1);
    assert_diag(&f->d, 3, 15,
                "anchors ('&') are not allowed in a stagegap file; write the value out");
    free(yaml);
}

static void test_accept_limits(void **state)
{
    struct fixture *f = *state;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "format: stagegap-accept/1\nrules: tiny\naccepted:\n");
    for (int k = 0; k <= ACCEPT_ENTRIES_MAX; k++)
        strbuf_adds(&sb, "- {item: start.plan, reason: a, accepted-by: b, expires: 2026-01-01}\n");
    assert_int_equal(load(f, strbuf_str(&sb)), -1);
    assert_diag(&f->d, 4 + ACCEPT_ENTRIES_MAX, 3, "more than 2000 accepted gaps in one file");
    strbuf_release(&sb);
    /* A file too big, a directory, a FIFO: refused before any parsing, without waiting. */
    char *dir = test_temp_dir("accept");
    char *big = test_join(dir, "big.yaml");
    FILE *fp = fopen(big, "w");
    for (size_t k = 0; k <= ACCEPT_FILE_MAX / 64; k++)
        fputs("# a comment line that is sixty-four bytes long, padding padding\n", fp);
    fclose(fp);
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(accept_load_file(&f->accept, &f->rules, big, &f->d), -1);
    assert_diag(&f->d, 0, 0, "file is larger than the limit of 1048576 bytes");
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(accept_load_file(&f->accept, &f->rules, dir, &f->d), -1);
    assert_diag(&f->d, 0, 0, "is a directory, not a file");
    char *fifo = test_join(dir, "fifo.yaml");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(accept_load_file(&f->accept, &f->rules, fifo, &f->d), -1);
    assert_diag(&f->d, 0, 0, "is not a regular file (a pipe, socket or device); not read");
    test_write_file(dir, "ok.yaml", base_accept);
    char *ok = test_join(dir, "ok.yaml");
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(accept_load_file(&f->accept, &f->rules, ok, &f->d), 0);
    assert_int_equal(f->accept.n_entries, 1);
    test_remove_tree(dir);
    free(ok);
    free(fifo);
    free(big);
    free(dir);
}

/* ---- what an acceptance does to a score ---- */

/*
 * One respondent of the tiny model, dated 2026-09-30: start.plan (weight 2) at 3 is the
 * gap that start.do-plan (answered 2) addresses.
 */
static void assess(struct fixture *f, struct assessment *a, const char *date, int plan_answer)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: tiny\norganisation: Anytown\ndate: %s\n"
                "answers: {start.plan: %d, start.training: 5, start.fatigue: 6, "
                "start.do-plan: 2, later.habit: 4}\n",
                date, plan_answer);
    assessment_init(a, &f->rules);
    if (assessment_add_buffer(a, "answers.yaml", sb.buf, sb.len, false, &f->d) != 0) {
        print_diags(&f->d);
        fail();
    }
    strbuf_release(&sb);
}

static void score_with(struct score *s, const struct fixture *f, const struct assessment *a,
                       const struct accept *accept)
{
    struct score_options o = {false, 5, true, accept};
    score_compute_with(s, &f->rules, a, &o);
}

static const struct score_suggestion *do_plan(const struct score *s)
{
    assert_int_equal(s->n_suggestions, 1);
    return &s->suggestions[0];
}

/* An acceptance of expires on an assessment of 2026-09-30. */
static void load_expiring(struct fixture *f, const char *item, const char *expires)
{
    char yaml[400];
    snprintf(yaml, sizeof(yaml),
             "format: stagegap-accept/1\nrules: tiny\naccepted:\n"
             "  - {item: %s, reason: r, accepted-by: b, expires: %s}\n",
             item, expires);
    assert_int_equal(load(f, yaml), 0);
}

static void test_accept_never_changes_a_score(void **state)
{
    struct fixture *f = *state;
    struct assessment a;
    struct score without, with;
    assess(f, &a, "2026-09-30", 3);
    load_expiring(f, "start.plan", "2026-09-30");
    score_with(&without, f, &a, NULL);
    score_with(&with, f, &a, &f->accept);
    for (size_t st = 0; st < f->rules.n_stages; st++) {
        assert_int_equal(with.stages[st].has_score, without.stages[st].has_score);
        assert_int_equal(exact_cmp(&with.stages[st].score_exact, &without.stages[st].score_exact),
                         0);
        assert_int_equal(with.stages[st].band, without.stages[st].band);
        assert_int_equal(with.stages[st].answered, without.stages[st].answered);
        assert_int_equal(with.stages[st].answerable, without.stages[st].answerable);
        assert_int_equal(with.stages[st].n_gaps, without.stages[st].n_gaps);
    }
    assert_int_equal(with.focus, without.focus);
    /* The gap is still listed, with its impact, and marked. */
    size_t plan = (size_t)rules_find_item(&f->rules, "start.plan");
    assert_int_equal(exact_cmp(&with.items[plan].impact_exact, &without.items[plan].impact_exact),
                     0);
    assert_int_equal(with.items[plan].accepted, SCORE_ACCEPTED);
    assert_ptr_equal(with.items[plan].acceptance, &f->accept.entries[0]);
    assert_int_equal(without.items[plan].accepted, SCORE_NOT_ACCEPTED);
    assert_null(without.items[plan].acceptance);
    score_release(&with);
    score_release(&without);
    assessment_release(&a);
}

/* An accepted gap adds no points; on the expiry day it still holds, the day after not. */
static void test_accept_expiry_edges(void **state)
{
    struct fixture *f = *state;
    struct assessment a;
    struct score s;
    assess(f, &a, "2026-09-30", 3);
    size_t plan = (size_t)rules_find_item(&f->rules, "start.plan");

    load_expiring(f, "start.plan", "2026-09-30"); /* expires on the assessment's date */
    score_with(&s, f, &a, &f->accept);
    assert_int_equal(s.items[plan].accepted, SCORE_ACCEPTED);
    assert_true(score_item_accepted(&s, plan));
    assert_true(exact_is_zero(&do_plan(&s)->points_exact));
    assert_int_equal(score_suggestion_action(&s, do_plan(&s)), SCORE_NO_ACTION);
    score_release(&s);

    load_expiring(f, "start.plan", "2026-09-29"); /* the day before: expired */
    score_with(&s, f, &a, &f->accept);
    assert_int_equal(s.items[plan].accepted, SCORE_ACCEPT_EXPIRED);
    assert_false(score_item_accepted(&s, plan));
    assert_near(do_plan(&s)->points, s.items[plan].impact);
    assert_false(exact_is_zero(&do_plan(&s)->points_exact));
    assert_int_equal(score_suggestion_action(&s, do_plan(&s)), SCORE_TAKE_ACTION);
    assert_int_equal(do_plan(&s)->priority, 1);
    score_release(&s);

    assert_false(accept_expired(&f->accept.entries[0], NULL));
    assert_true(accept_expired(&f->accept.entries[0], "2026-09-30"));
    assert_false(accept_expired(&f->accept.entries[0], "2026-09-29"));
    assert_true(accept_expired(&f->accept.entries[0], "2027-01-01"));
    assessment_release(&a);
}

/* An accepted suggestion is no action: unranked, like one answered n/a. */
static void test_accept_suggestion_leaves_ranking(void **state)
{
    struct fixture *f = *state;
    struct assessment a;
    struct score s;
    assess(f, &a, "2026-09-30", 3);
    load_expiring(f, "start.do-plan", "2027-03-31");
    score_with(&s, f, &a, &f->accept);
    assert_int_equal(s.n_ranked, 0);
    assert_int_equal(do_plan(&s)->priority, 0);
    assert_int_equal(score_suggestion_action(&s, do_plan(&s)), SCORE_NO_ACTION);
    size_t out[2];
    assert_int_equal(
        score_suggestions_for(&s, (size_t)rules_find_item(&f->rules, "start.plan"), out), 0);
    score_release(&s);
    /* Expired, it is ranked again. */
    load_expiring(f, "start.do-plan", "2026-01-01");
    score_with(&s, f, &a, &f->accept);
    assert_int_equal(s.n_ranked, 1);
    assert_int_equal(do_plan(&s)->priority, 1);
    assert_int_equal(score_suggestion_action(&s, do_plan(&s)), SCORE_TAKE_ACTION);
    score_release(&s);
    assessment_release(&a);
}

/* A gap that opened and is accepted in the later assessment is not news. */
static void test_accept_compare_opened(void **state)
{
    struct fixture *f = *state;
    struct assessment before, after;
    struct score sb, sa;
    struct compare c;
    size_t plan = (size_t)rules_find_item(&f->rules, "start.plan");
    assess(f, &before, "2026-03-31", 10);
    assess(f, &after, "2026-09-30", 3);

    score_with(&sb, f, &before, NULL);
    score_with(&sa, f, &after, NULL);
    compare_compute(&c, &sb, &sa);
    assert_true(c.items[plan].opened);
    size_t opened_without = c.n_opened;
    compare_release(&c);
    score_release(&sb);
    score_release(&sa);

    load_expiring(f, "start.plan", "2026-09-30");
    score_with(&sb, f, &before, &f->accept);
    score_with(&sa, f, &after, &f->accept);
    compare_compute(&c, &sb, &sa);
    assert_false(c.items[plan].opened);
    assert_int_equal(c.n_opened, opened_without - 1);
    assert_int_equal(c.stages[0].regressed, true); /* the score still fell */
    compare_release(&c);
    score_release(&sb);
    score_release(&sa);

    load_expiring(f, "start.plan", "2026-09-29"); /* expired by the later date */
    score_with(&sb, f, &before, &f->accept);
    score_with(&sa, f, &after, &f->accept);
    compare_compute(&c, &sb, &sa);
    assert_true(c.items[plan].opened);
    assert_int_equal(c.n_opened, opened_without);
    compare_release(&c);
    score_release(&sb);
    score_release(&sa);
    assessment_release(&before);
    assessment_release(&after);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_accept_loads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_header_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_names_the_base, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_entry_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_reports_every_problem, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_hostile_text_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_limits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_never_changes_a_score, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_expiry_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_suggestion_leaves_ranking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accept_compare_opened, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
