/*
 * fuzz_accept.c - libFuzzer target for accepted gaps on the built-in model: the accept
 * loader, then an assessment scored with and without what loaded, and every format
 * rendered with it.
 *
 * Input: one control byte, then the accept file. The control byte makes the assessment
 * (every question answered (control + 7 * question) mod 11) and, in its low three bits,
 * its date's day (2026-07-1N), so acceptances fall either side of their expiry. The
 * seed corpus that fuzz/run.sh builds prefixes each file with 'a' (0x61).
 *
 * Promises checked beyond "no crash": the return value agrees with the diagnostics; a
 * loaded file accepts only items with a question, once each, with a reason, who and a
 * real date; an acceptance never changes a stage's score, band or coverage, nor raises
 * a suggestion's points; an accepted (not expired) suggestion is never ranked; every
 * format renders safely.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "date.h"
#include "diag.h"
#include "fuzz_check.h"
#include "rules.h"
#include "schema.h"
#include "score.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loaded(const struct rules *r, const struct accept *a)
{
    bool *seen = calloc(r->n_items + 1, sizeof(*seen));
    for (size_t k = 0; k < a->n_entries; k++) {
        const struct accept_entry *e = &a->entries[k];
        if (e->item >= r->n_items || !r->items[e->item].question || seen[e->item])
            fuzz_fail("accept_load_buffer", "an item with no question, or twice", k);
        seen[e->item] = true;
        if (!e->reason || !*e->reason || !e->by || !*e->by)
            fuzz_fail("accept_load_buffer", "an acceptance without reason or who", k);
        if (!e->expires || !date_valid(e->expires))
            fuzz_fail("accept_load_buffer", "an impossible date was accepted", k);
    }
    free(seen);
}

static void make_assessment(const struct rules *r, unsigned control, struct assessment *a)
{
    struct strbuf yaml = STRBUF_INIT;
    struct diags d;
    diags_init(&d);
    strbuf_addf(&yaml,
                "format: stagegap-answers/1\nrules: signs-of-safety\n"
                "organisation: Anytown\ndate: 2026-07-1%u\nanswers:\n",
                control & 7u);
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            strbuf_addf(&yaml, "  %s: %u\n", r->items[i].id, (unsigned)((control + 7 * i) % 11));
    assessment_init(a, r);
    if (assessment_add_buffer(a, "made.yaml", yaml.buf, yaml.len, false, &d) != 0)
        fuzz_fail("assessment_add_buffer", "the made assessment does not load", 0);
    diags_release(&d);
    strbuf_release(&yaml);
}

static void check_scores(const struct rules *r, const struct score *without,
                         const struct score *with)
{
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *x = &without->stages[st], *y = &with->stages[st];
        if (x->has_score != y->has_score || exact_cmp(&x->score_exact, &y->score_exact) != 0 ||
            x->band != y->band || x->answered != y->answered || x->n_gaps != y->n_gaps)
            fuzz_fail("score_compute_with", "an acceptance changed a stage's score", st);
    }
    for (size_t k = 0; k < with->n_suggestions; k++) {
        const struct score_suggestion *sg = &with->suggestions[k];
        if (exact_cmp(&sg->points_exact, &without->suggestions[k].points_exact) > 0)
            fuzz_fail("score_compute_with", "an acceptance raised a suggestion's points", k);
        if (score_item_accepted(with, sg->item) && sg->priority != 0)
            fuzz_fail("score_compute_with", "an accepted suggestion was ranked", k);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const struct rules *r = fuzz_built_in_model();
    unsigned control = data[0];
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    struct accept acc;
    struct diags d;
    diags_init(&d);
    free(yaml_format_of(buf, len));
    int rc = accept_load_buffer(&acc, r, "fuzz.yaml", buf, len, &d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("accept_load_buffer", "return value disagrees with the diagnostics", 0);
    if (rc != 0 && acc.n_entries != 0)
        fuzz_fail("accept_load_buffer", "a refused file was left filled", 0);
    fuzz_check_diags(&d);
    if (rc == 0) {
        struct assessment a;
        struct score without, with;
        struct score_options o = {false, 5, true, NULL};
        check_loaded(r, &acc);
        make_assessment(r, control, &a);
        score_compute_with(&without, r, &a, &o);
        o.accept = &acc;
        score_compute_with(&with, r, &a, &o);
        check_scores(r, &without, &with);
        fuzz_render_all(&with, control);
        score_release(&with);
        score_release(&without);
        assessment_release(&a);
    }
    accept_release(&acc);
    diags_release(&d);
    return 0;
}
