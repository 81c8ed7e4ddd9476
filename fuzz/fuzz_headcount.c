/*
 * fuzz_headcount.c - libFuzzer target for headcount files (headcount.h): the loader, then
 * participation (participation.h) of a fixed pooled assessment broken down by team,
 * rendered in every format.
 *
 * Input: the headcount file. The assessment is 14 respondents of the built-in model:
 * North 6, South 5, East 2 and West 1, so East and West are pooled at the default
 * threshold of 5.
 *
 * Promises checked beyond "no crash": the return value agrees with the diagnostics; a
 * loaded headcount has a total from 1 to HEADCOUNT_INVITED_MAX, groups in range, named
 * once per field (as groups are matched), no field's groups adding up to more than the
 * total; participation succeeds exactly when nobody answered more than were asked, and
 * then has rows only for groups shown apart, each with its row's respondents; every
 * format renders safely.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "fuzz_check.h"
#include "headcount.h"
#include "participation.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loaded(const struct headcount *h)
{
    if (h->invited < 1 || h->invited > HEADCOUNT_INVITED_MAX)
        fuzz_fail("headcount_load_buffer", "a total out of range was loaded", 0);
    for (size_t k = 0; k < h->n_groups; k++) {
        const struct headcount_group *g = &h->groups[k];
        if (g->invited < 1 || g->invited > HEADCOUNT_INVITED_MAX)
            fuzz_fail("headcount_load_buffer", "a group's count out of range", k);
        size_t sum = 0;
        for (size_t j = 0; j < h->n_groups; j++) {
            if (strcmp(h->groups[j].field, g->field) != 0)
                continue;
            sum += h->groups[j].invited;
            if (j != k && text_group_cmp(h->groups[j].value, g->value) == 0)
                fuzz_fail("headcount_load_buffer", "a group named twice", k);
        }
        if (sum > h->invited)
            fuzz_fail("headcount_load_buffer", "a field's groups add up to more than the total", k);
    }
}

static void make_assessment(const struct rules *r, struct assessment *a)
{
    static const char *const teams[] = {"North", "South", "East", "West"};
    static const size_t n[] = {6, 5, 2, 1};
    const char *by[] = {"team"};
    struct diags d;
    diags_init(&d);
    assessment_init(a, r);
    assessment_break_down_by(a, by, 1);
    size_t id = 0;
    for (size_t t = 0; t < 4; t++)
        for (size_t k = 0; k < n[t]; k++, id++) {
            struct strbuf yaml = STRBUF_INIT;
            strbuf_addf(&yaml,
                        "format: stagegap-answers/1\nrules: signs-of-safety\n"
                        "organisation: Anytown\ndate: 2026-07-01\n"
                        "respondent: {id: r%zu, groups: {team: %s}}\nanswers:\n",
                        id, teams[t]);
            for (size_t i = 0; i < r->n_items; i++)
                if (r->items[i].question)
                    strbuf_addf(&yaml, "  %s: %zu\n", r->items[i].id, (id + 3 * i) % 11);
            char file[32];
            snprintf(file, sizeof(file), "r%zu.yaml", id);
            if (assessment_add_buffer(a, file, yaml.buf, yaml.len, false, &d) != 0)
                fuzz_fail("assessment_add_buffer", "the made assessment does not load", id);
            strbuf_release(&yaml);
        }
    diags_release(&d);
}

static void check_participation(const struct rules *r, const struct headcount *h)
{
    struct assessment a;
    struct score s;
    struct participation p;
    struct diags d;
    diags_init(&d);
    make_assessment(r, &a);
    score_init(&s);
    struct score_options o = {false, SUPPRESS_MIN_GROUP_DEFAULT, false, NULL};
    score_compute_with(&s, r, &a, &o);
    int rc = participation_compute(&p, &s, h, &d);
    fuzz_check_diags(&d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("participation_compute", "return value and diagnostics disagree", 0);
    if (rc == 0 && p.answered > p.invited)
        fuzz_fail("participation_compute", "more answered than were asked", 0);
    for (size_t k = 0; rc == 0 && k < p.n_rows; k++) {
        const struct score_group *g = &s.breakdown.groups[p.rows[k].group];
        if (g->pooled || g->respondents < s.min_group || p.rows[k].answered != g->respondents ||
            p.rows[k].answered > p.rows[k].invited)
            fuzz_fail("participation_compute", "a row for a group not shown apart", k);
    }
    if (rc == 0) {
        s.participation = &p;
        fuzz_render_all(&s, (unsigned)h->invited);
        s.participation = NULL;
    }
    participation_release(&p);
    score_release(&s);
    assessment_release(&a);
    diags_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct rules *r = fuzz_built_in_model();
    struct diags d;
    struct headcount h;
    diags_init(&d);
    int rc = headcount_load_buffer(&h, "fuzz.yaml", (const char *)data, size, &d);
    fuzz_check_diags(&d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("headcount_load_buffer", "return value and diagnostics disagree", 0);
    if (rc == 0) {
        check_loaded(&h);
        check_participation(r, &h);
    }
    headcount_release(&h);
    diags_release(&d);
    return 0;
}
