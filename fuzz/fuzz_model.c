/*
 * fuzz_model.c - the promises a loaded model makes, for every target that loads one
 * (fuzz_rules.c, fuzz_overlay.c): lookups, "stagegap rules" in every format, "stagegap
 * init", and an assessment answered from that template, scored and rendered in every
 * format.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "fuzz_check.h"
#include "rules.h"
#include "rules_render.h"
#include "score.h"
#include "strbuf.h"
#include "template.h"

static void check_lookups(const struct rules *r)
{
    for (size_t i = 0; i < r->n_items; i++) {
        if (!r->items[i].id)
            fuzz_fail("rules", "a loaded item has no id", i);
        if (rules_find_item(r, r->items[i].id) != (long)i)
            fuzz_fail("rules", "rules_find_item does not find an item by its id", i);
        if (r->items[i].stage >= r->n_stages || r->items[i].level >= r->n_levels)
            fuzz_fail("rules", "an item's stage or level is out of range", i);
        for (size_t k = 0; k < r->items[i].n_addresses; k++)
            if (r->items[i].addresses[k] >= r->n_items)
                fuzz_fail("rules", "a suggestion addresses an item out of range", i);
    }
    for (size_t s = 0; s < r->n_stages; s++)
        if (rules_find_stage(r, r->stages[s].id) != (long)s)
            fuzz_fail("rules", "rules_find_stage does not find a stage by its id", s);
    if (rules_find_item(r, "") != -1 || rules_find_item(r, "\xff") != -1 ||
        rules_find_stage(r, "no such stage") != -1)
        fuzz_fail("rules", "a lookup found an id that is not there", 0);
    if (rules_answerable(r) > r->n_items)
        fuzz_fail("rules", "more answerable items than items", 0);
}

static void check_model_renders(const struct rules *r)
{
    struct strbuf sb = STRBUF_INIT;
    rules_render_text(r, &sb);
    fuzz_check_safe("rules format 'text'", sb.buf, sb.len, 0);
    strbuf_reset(&sb);
    rules_render_markdown(r, &sb);
    fuzz_check_safe("rules format 'markdown'", sb.buf, sb.len, 0);
    strbuf_reset(&sb);
    rules_render_json(r, &sb);
    fuzz_check_json("rules format 'json'", sb.buf, sb.len);
    strbuf_release(&sb);
}

/*
 * A second respondent who answers every question, each answer picked from the input's
 * bytes: a number on the scale, or now and then n/a, so that scoring sees real numbers.
 */
static void synthetic_answers(const struct rules *r, const unsigned char *data, size_t size,
                              struct strbuf *out)
{
    long span = r->scale_max - r->scale_min;
    strbuf_addf(out,
                "format: %s\nrules: \"%s\"\norganisation: \"Your organisation\"\n"
                "date: 2026-01-02\nrespondent: {id: r2, role: fuzz}\nanswers:\n",
                ANSWERS_FORMAT, r->id);
    size_t answered = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        if (!r->items[i].question)
            continue;
        unsigned b = size ? data[(i * 7) % size] : 0;
        if (b % 11 == 0)
            strbuf_addf(out, "  %s: n/a\n", r->items[i].id);
        else
            strbuf_addf(out, "  %s: %ld\n", r->items[i].id, r->scale_min + (long)b % (span + 1));
        answered++;
    }
    if (!answered)
        strbuf_adds(out, "  {}\n");
}

/* "stagegap init", then "stagegap assess" on the template and on full answers. */
static void assess_template(const struct rules *r, const unsigned char *data, size_t size)
{
    struct strbuf tpl = STRBUF_INIT, full = STRBUF_INIT;
    struct assessment a;
    struct score s;
    struct diags d;
    diags_init(&d);
    assessment_init(&a, r);
    score_init(&s);
    template_render(r, &tpl);
    fuzz_check_safe("init template", tpl.buf, tpl.len, 0);
    if (assessment_add_buffer(&a, "template.yaml", tpl.buf, tpl.len, false, &d) != 0) {
        struct strbuf msg = STRBUF_INIT;
        diags_render(&d, &msg);
        fprintf(stderr, "%s\n--- template ---\n%s\n", strbuf_str(&msg), strbuf_str(&tpl));
        fuzz_fail("init template", "the answers loader refuses the template", 0);
    }
    synthetic_answers(r, data, size, &full);
    if (assessment_add_buffer(&a, "full.yaml", full.buf, full.len, true, &d) != 0) {
        struct strbuf msg = STRBUF_INIT;
        diags_render(&d, &msg);
        fprintf(stderr, "%s\n--- answers ---\n%s\n", strbuf_str(&msg), strbuf_str(&full));
        fuzz_fail("synthetic answers", "the answers loader refuses complete answers", 0);
    }
    score_compute(&s, r, &a);
    fuzz_render_all(&s, size ? data[size - 1] : 0);
    score_release(&s);
    assessment_release(&a);
    diags_release(&d);
    strbuf_release(&full);
    strbuf_release(&tpl);
}

void fuzz_check_model(const struct rules *r, const unsigned char *data, size_t size)
{
    check_lookups(r);
    check_model_renders(r);
    assess_template(r, data, size);
}
