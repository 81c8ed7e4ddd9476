/*
 * test_model_change.c - compare's and trend's refusal of assessments that name
 * different models, what differs between them (a fake overlay: the tiny model with a
 * base and item origins set by hand, as the overlay loader sets them), and that an
 * overlay's base and retire reasons cannot act as control in any format.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "compare.h"
#include "diag.h"
#include "jsonw.h"
#include "model_change.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

static struct rules_provenance fake_base;

/* The tiny model as an overlay of "base-model": one item added, one retired, one changed. */
static void fake_overlay(struct rules *r, const char *base_version, const char *reason)
{
    struct diags d;
    diags_init(&d);
    assert_int_equal(load_rules_text(r, test_rules_yaml, &d), 0);
    diags_release(&d);
    fake_base = (struct rules_provenance){.id = "base-model", .version = base_version};
    memset(fake_base.sha256, 'b', 64);
    r->base = &fake_base;
    memset(r->model_sha256, 'c', 64);
    r->overlay_changes = OVERLAY_CHANGED_BANDS;
    for (size_t i = 0; i < r->n_items; i++) {
        struct rules_item *it = &r->items[i];
        if (!it->id)
            continue;
        if (strcmp(it->id, "start.training") == 0) {
            it->origin = ORIGIN_CHANGED;
            it->changes = CHANGED_QUESTION | CHANGED_WEIGHT;
        } else if (strcmp(it->id, "later.habit") == 0) {
            it->origin = ORIGIN_ADDED;
        } else if (strcmp(it->id, "later.context") == 0) {
            it->retired = reason;
        }
    }
}

/* One respondent in file naming model; 0 or -1. */
static int add_one(struct assessment *a, const char *file, const char *model)
{
    struct diags d;
    struct strbuf sb = STRBUF_INIT;
    diags_init(&d);
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: %s\norganisation: Testshire\n"
                "date: 2026-01-01\nanswers: {start.plan: 5}\n",
                model);
    int rc = assessment_add_buffer(a, file, sb.buf, sb.len, false, &d);
    if (rc)
        print_diags(&d);
    strbuf_release(&sb);
    diags_release(&d);
    return rc;
}

static void test_same_model_is_not_a_change(void **state)
{
    (void)state;
    struct rules r;
    fake_overlay(&r, "1", "n/a");
    struct assessment a[2];
    for (int i = 0; i < 2; i++) {
        assessment_init(&a[i], &r);
        assert_int_equal(add_one(&a[i], i ? "b.yaml" : "a.yaml", "tiny"), 0);
    }
    const struct assessment *read[] = {&a[0], &a[1]};
    struct diags d;
    diags_init(&d);
    bool changed = true;
    assert_int_equal(model_change_check(read, 2, false, &changed, &d), 0);
    assert_false(changed);
    assert_int_equal(d.n, 0);
    diags_release(&d);
    for (int i = 0; i < 2; i++)
        assessment_release(&a[i]);
    rules_release(&r);
}

static void test_different_models_refused_unless_allowed(void **state)
{
    (void)state;
    struct rules r;
    fake_overlay(&r, "1", "n/a");
    struct assessment a[2];
    assessment_init(&a[0], &r);
    assessment_init(&a[1], &r);
    assert_int_equal(add_one(&a[0], "before.yaml", "base-model"), 0);
    assert_int_equal(add_one(&a[1], "after.yaml", "tiny"), 0);
    const struct assessment *read[] = {&a[0], &a[1]};
    struct diags d;
    diags_init(&d);
    bool changed = false;
    assert_int_equal(model_change_check(read, 2, false, &changed, &d), -1);
    assert_true(changed);
    assert_string_equal(d.v[0].file, "after.yaml");
    assert_diag(&d, 2, 8,
                "these answers name the model 'tiny', but 'before.yaml' names 'base-model'; "
                "assessments of different models are not compared like for like: pass "
                "--allow-model-change to compare them and list what differs");
    diags_release(&d);
    diags_init(&d);
    assert_int_equal(model_change_check(read, 2, true, &changed, &d), 0);
    assert_true(changed);
    assert_int_equal(d.n, 0);
    diags_release(&d);

    struct model_change mc;
    model_change_compute(&mc, &r, read, 2);
    assert_string_equal(mc.from, "base-model");
    assert_string_equal(mc.to, "tiny");
    assert_int_equal(mc.overlay_changes, OVERLAY_CHANGED_BANDS);
    assert_int_equal(mc.n_items, 3);
    assert_string_equal(r.items[mc.items[0].item].id, "start.training");
    assert_int_equal(mc.items[0].kind, MODEL_ITEM_CHANGED);
    assert_int_equal(mc.items[0].changes, CHANGED_QUESTION | CHANGED_WEIGHT);
    assert_string_equal(r.items[mc.items[1].item].id, "later.habit");
    assert_int_equal(mc.items[1].kind, MODEL_ITEM_ADDED);
    assert_string_equal(r.items[mc.items[2].item].id, "later.context");
    assert_int_equal(mc.items[2].kind, MODEL_ITEM_RETIRED);
    struct strbuf sb = STRBUF_INIT;
    model_change_what(&sb, mc.items[0].changes);
    assert_string_equal(strbuf_str(&sb), "question, weight");
    strbuf_release(&sb);
    model_change_release(&mc);
    assessment_release(&a[0]);
    assessment_release(&a[1]);
    rules_release(&r);
}

static void test_mixed_within_one_assessment_refused(void **state)
{
    (void)state;
    struct rules r;
    fake_overlay(&r, "1", "n/a");
    struct assessment a;
    assessment_init(&a, &r);
    assert_int_equal(add_one(&a, "one.yaml", "tiny"), 0);
    assert_int_equal(add_one(&a, "two.yaml", "base-model"), 0);
    assert_true(a.models_mixed);
    const struct assessment *read[] = {&a};
    struct diags d;
    diags_init(&d);
    bool changed = false;
    assert_int_equal(model_change_check(read, 1, false, &changed, &d), -1);
    assert_string_equal(d.v[0].file, "two.yaml");
    assert_diag(&d, 2, 8,
                "these answers name the model 'base-model', but 'one.yaml' names 'tiny'; "
                "assessments of different models are not compared like for like: pass "
                "--allow-model-change to compare them and list what differs");
    diags_release(&d);
    assessment_release(&a);
    rules_release(&r);
}

/* A base version and a retire reason with markup and control characters stay text. */
static void test_hostile_base_and_reason_stay_text(void **state)
{
    (void)state;
    static const char *const formats[] = {"text", "markdown", "json", "html"};
    struct rules r;
    fake_overlay(&r, "<script>x</script>\x1b[31m", "<b>gone</b>\x1b]0;pwn\x07 | `x`");
    struct assessment a[2];
    struct score s[2];
    assessment_init(&a[0], &r);
    assessment_init(&a[1], &r);
    assert_int_equal(add_one(&a[0], "before.yaml", "base-model"), 0);
    assert_int_equal(add_one(&a[1], "after.yaml", "tiny"), 0);
    const struct assessment *read[] = {&a[0], &a[1]};
    for (int i = 0; i < 2; i++)
        score_compute(&s[i], &r, &a[i]);
    struct model_change mc;
    model_change_compute(&mc, &r, read, 2);
    struct compare c;
    compare_compute(&c, &s[0], &s[1]);
    c.model_change = &mc;
    for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
        struct strbuf out = STRBUF_INIT;
        if (strcmp(formats[f], "html") == 0)
            compare_render_html(&c, "0", &out);
        else
            compare_format_find(formats[f])->render_compare(&c, "0", 80, &out);
        const char *o = strbuf_str(&out);
        assert_null(strchr(o, '\x1b'));
        assert_null(strchr(o, '\x07'));
        if (strcmp(formats[f], "html") == 0 || strcmp(formats[f], "markdown") == 0) {
            assert_null(strstr(o, "<script>"));
            assert_null(strstr(o, "<b>gone"));
        }
        assert_non_null(strstr(o, "later.context"));
        assert_non_null(strstr(o, "start.training"));
        assert_non_null(strstr(o, "bbbbbbbbbbbb"));
        if (strcmp(formats[f], "json") == 0) {
            assert_non_null(strstr(o, "\"model_sha256\": \"cccc"));
            assert_non_null(strstr(o, "\"change\": \"retired\""));
            assert_non_null(strstr(o, "\"bands_changed\": true"));
        }
        strbuf_release(&out);
    }
    compare_release(&c);
    model_change_release(&mc);
    for (int i = 0; i < 2; i++) {
        score_release(&s[i]);
        assessment_release(&a[i]);
    }
    rules_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_model_is_not_a_change),
        cmocka_unit_test(test_different_models_refused_unless_allowed),
        cmocka_unit_test(test_mixed_within_one_assessment_refused),
        cmocka_unit_test(test_hostile_base_and_reason_stay_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
