/*
 * test_evidence.c - evidence files (evidence.h): a file of every scale read to its
 * values, sorted by date, with what each indicator bears on (a stage named: each of its
 * questions); and every error, each at its place: a value off its scale, an unknown
 * item with a "did you mean", an item with no question, a date twice, a figure of fewer
 * people than the threshold, the wrong format.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "diag.h"
#include "evidence.h"
#include "exact.h"
#include "rules.h"
#include "strbuf.h"

/* Lines: 1 format, 2 rules, 3 organisation, 4 indicators, 5-11 audit, 12-19 trained,
   20-26 inspection, 27-34 turnover. */
static const char GOOD[] =
    "format: stagegap-evidence/1\n"
    "rules: tiny\n"
    "organisation: Anytown\n"
    "indicators:\n"
    "  - id: audit\n"
    "    title: Case audit\n"
    "    source: QA team\n"
    "    scale: {kind: rating, min: 0, max: 10}\n"
    "    better: higher\n"
    "    bears-on: [start.plan, later]\n"
    "    values: [{date: 2026-06-30, value: 4.5}, {date: 2026-03-31, value: 4}]\n"
    "  - id: trained\n"
    "    title: Trained\n"
    "    source: Records\n"
    "    scale: {kind: count, of: 40}\n"
    "    better: higher\n"
    "    target: 38\n"
    "    bears-on: [start.training]\n"
    "    values: [{date: 2026-06-30, value: 31}]\n"
    "  - id: inspection\n"
    "    title: Inspection\n"
    "    source: Inspectorate\n"
    "    scale: {kind: category, levels: [inadequate, requires-improvement, good, outstanding]}\n"
    "    better: higher\n"
    "    bears-on: [start.fatigue]\n"
    "    values: [{date: 2025-11-14, value: good}]\n"
    "  - id: turnover\n"
    "    title: Turnover\n"
    "    source: DfE\n"
    "    scale: {kind: percentage}\n"
    "    better: lower\n"
    "    base: 40\n"
    "    bears-on: [start.fatigue, start.fatigue]\n"
    "    values: []\n";

struct fixture {
    struct rules rules;
    struct evidence e;
    struct diags d;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    int rc = load_rules_text(&f->rules, test_rules_yaml, &f->d);
    evidence_init(&f->e);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    evidence_release(&f->e);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
    return 0;
}

static int load(struct fixture *f, const char *yaml)
{
    evidence_release(&f->e);
    diags_release(&f->d);
    diags_init(&f->d);
    return evidence_load_buffer(&f->e, &f->rules, 5, "e.yaml", yaml, strlen(yaml), &f->d);
}

static void test_evidence_read(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(load(f, GOOD), 0);
    const struct evidence *e = &f->e;
    assert_string_equal(e->organisation, "Anytown");
    assert_int_equal(e->n_indicators, 4);
    const struct evidence_indicator *audit = &e->indicators[0];
    assert_int_equal(audit->kind, EVIDENCE_RATING);
    assert_int_equal(audit->max, 10 * EXACT_SCALE);
    assert_true(audit->higher_better);
    /* start.plan, and "later": its one question, later.habit (later.context has none) */
    assert_int_equal(audit->n_items, 2);
    assert_int_equal(audit->items[0], 0);
    assert_int_equal(audit->items[1], 4);
    assert_int_equal(audit->n_values, 2); /* oldest first */
    assert_string_equal(audit->values[0].date, "2026-03-31");
    assert_int_equal(audit->values[0].value, 4 * EXACT_SCALE);
    assert_int_equal(audit->values[1].value, 4500);
    const struct evidence_indicator *trained = &e->indicators[1];
    assert_int_equal(trained->kind, EVIDENCE_COUNT);
    assert_true(trained->has_target);
    assert_int_equal(trained->target, 38 * EXACT_SCALE);
    assert_int_equal(trained->values[0].value, 31 * EXACT_SCALE);
    const struct evidence_indicator *insp = &e->indicators[2];
    assert_int_equal(insp->kind, EVIDENCE_CATEGORY);
    assert_int_equal(insp->n_levels, 4);
    assert_int_equal(insp->values[0].value, 2); /* good */
    const struct evidence_indicator *turnover = &e->indicators[3];
    assert_false(turnover->higher_better);
    assert_int_equal(turnover->base, 40);
    assert_int_equal(turnover->n_items, 1); /* named twice, counted once */
    assert_int_equal(turnover->n_values, 0);
}

static void expect_error(struct fixture *f, const char *from, const char *to, unsigned line,
                         unsigned column, const char *msg)
{
    const char *at = strstr(GOOD, from);
    assert_non_null(at);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, GOOD, (size_t)(at - GOOD));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    assert_int_equal(load(f, strbuf_str(&sb)), -1);
    assert_diag(&f->d, line, column, msg);
    assert_int_equal(f->e.n_indicators, 0); /* nothing kept of a file with an error */
    strbuf_release(&sb);
}

static void test_evidence_errors(void **state)
{
    struct fixture *f = *state;
    expect_error(f, "format: stagegap-evidence/1", "format: stagegap-share/1", 1, 9,
                 "this is a share file, not an evidence file");
    expect_error(f, "rules: tiny", "rules: other", 2, 8,
                 "this evidence is for the model 'other', but the rules loaded are 'tiny'; "
                 "pass the matching rules with --rules");
    expect_error(f, "value: 4.5}", "value: 10.5}", 11, 40,
                 "a value must be from 0 to 10, not 10.5");
    expect_error(f, "value: 31}", "value: 41}", 19, 40, "a value must be from 0 to 40, not 41");
    expect_error(f, "value: 31}", "value: 3.5}", 19, 40, "a value must be a whole number, not 3.5");
    expect_error(f, "value: good}", "value: goood}", 26, 40,
                 "a value 'goood' is not one of the scale's levels; did you mean 'good'?");
    expect_error(f, "target: 38", "target: 41", 17, 13, "a target must be from 0 to 40, not 41");
    expect_error(f, "[start.plan, later]", "[start.plann, later]", 10, 16,
                 "unknown item or stage 'start.plann' in model 'tiny'; did you mean "
                 "'start.plan'?");
    expect_error(f, "[start.plan, later]", "[later.context]", 10, 16,
                 "item 'later.context' has no question: evidence is set beside what staff rated");
    expect_error(f, "[start.plan, later]", "[]", 10, 15,
                 "bears-on names at least one item or stage");
    expect_error(f, "{date: 2026-03-31, value: 4}", "{date: 2026-06-30, value: 4}", 11, 53,
                 "indicator 'audit' has two values dated 2026-06-30");
    expect_error(f, "{date: 2026-03-31, value: 4}", "{date: 2026-02-30, value: 4}", 11, 53,
                 "a value's date must be a real date, YYYY-MM-DD");
    expect_error(f, "base: 40", "base: 4", 32, 11,
                 "indicator 'turnover' is a figure of 4 people, fewer than the anonymity "
                 "threshold of 5: it could tell what one of them did; give a figure of the "
                 "whole service, or of a group of 5 or more");
    expect_error(f, "better: lower", "better: less", 31, 13, "better is 'higher' or 'lower'");
    expect_error(f, "{kind: percentage}", "{kind: percent}", 30, 19,
                 "a scale's kind is percentage, count, rating or category");
    expect_error(f, "{kind: percentage}", "{kind: percentage, of: 10}", 30, 35,
                 "a percentage scale has no 'of'");
    expect_error(f, "{kind: count, of: 40}", "{kind: count}", 15, 12,
                 "a count scale says what it counts out of: 'of: N'");
    expect_error(f, "{kind: rating, min: 0, max: 10}", "{kind: rating, min: 10, max: 0}", 8, 41,
                 "a rating's max must be above its min");
    expect_error(f, "[inadequate, requires-improvement, good, outstanding]", "[good]", 23, 37,
                 "a category scale has 2 to 12 levels, worst first, not 1");
    expect_error(f, "[inadequate, requires-improvement, good, outstanding]", "[good, good]", 23, 44,
                 "level 'good' is given twice");
    expect_error(f, "  - id: trained\n", "  - id: audit\n", 12, 9,
                 "indicator 'audit' is given twice, first at line 5");
    expect_error(f, "    source: DfE\n", "", 27, 5,
                 "an indicator is missing the required key 'source'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_evidence_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_evidence_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
