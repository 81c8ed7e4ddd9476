/*
 * fuzz_plan.c - libFuzzer target for action plans on the built-in model: the plan
 * loader, then "stagegap plan --update" of what loaded, and a new plan written from the
 * same assessment and read back.
 *
 * Input: one control byte, then the plan file. The control byte makes the assessment
 * the plan is updated from (every question answered (control + 7 * question) mod 11,
 * so it ranks different actions) and, in its top three bits, --top (0: all). The seed
 * corpus that fuzz/run.sh builds prefixes each file with 'p' (0x70).
 *
 * Promises checked beyond "no crash": the return value agrees with the diagnostics; a
 * loaded plan holds only suggestions, once each, real dates, and a date done exactly
 * when the status is done; an update keeps every old byte (the old file is the new one
 * with one run of bytes taken out) and reads back, or is refused with nothing written;
 * a new plan reads back with as many actions as it lists.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "fuzz_check.h"
#include "plan.h"
#include "plan_write.h"
#include "rules.h"
#include "schema.h"
#include "score.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loaded(const struct rules *r, const struct plan *p)
{
    bool *seen = calloc(r->n_items + 1, sizeof(*seen));
    for (size_t k = 0; k < p->n_actions; k++) {
        const struct plan_action *a = &p->actions[k];
        if (a->item >= r->n_items || r->items[a->item].kind != ITEM_SUGGESTION || seen[a->item])
            fuzz_fail("plan_load_buffer", "an action that is no suggestion, or twice", k);
        seen[a->item] = true;
        if (a->status >= PLAN_STATUSES || (a->status == PLAN_DONE) != (a->done != NULL))
            fuzz_fail("plan_load_buffer", "a status and its date done disagree", k);
        if ((a->due && !date_valid(a->due)) || (a->done && !date_valid(a->done)))
            fuzz_fail("plan_load_buffer", "an impossible date was accepted", k);
    }
    if (!p->assessed || !date_valid(p->assessed))
        fuzz_fail("plan_load_buffer", "no date assessed", 0);
    free(seen);
}

/* The assessment control makes: every question answered on the scale. */
static void make_assessment(const struct rules *r, unsigned control, struct assessment *a)
{
    struct strbuf yaml = STRBUF_INIT;
    struct diags d;
    diags_init(&d);
    strbuf_adds(&yaml, "format: stagegap-answers/1\nrules: signs-of-safety\n"
                       "organisation: Anytown\ndate: 2026-07-14\nanswers:\n");
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            strbuf_addf(&yaml, "  %s: %u\n", r->items[i].id, (unsigned)((control + 7 * i) % 11));
    assessment_init(a, r);
    if (assessment_add_buffer(a, "made.yaml", yaml.buf, yaml.len, false, &d) != 0)
        fuzz_fail("assessment_add_buffer", "the made assessment does not load", 0);
    diags_release(&d);
    strbuf_release(&yaml);
}

static void reload(const struct rules *r, const struct strbuf *out, const char *what)
{
    struct plan p;
    struct diags d;
    diags_init(&d);
    if (plan_load_buffer(&p, r, "again.yaml", out->buf ? out->buf : "", out->len, &d) != 0)
        fuzz_fail(what, "what was written does not read back", 0);
    plan_release(&p);
    diags_release(&d);
}

static void check_update(const struct rules *r, const struct plan *p, const char *buf, size_t len,
                         const struct score *s, size_t top)
{
    struct plan_source src = {p, buf, len};
    struct strbuf out = STRBUF_INIT, notes = STRBUF_INIT;
    struct diags d;
    diags_init(&d);
    int rc = plan_write_update(&src, s, top, &out, &notes, &d);
    if ((rc == 0) != (d.errors == 0) || (rc != 0 && out.len != 0))
        fuzz_fail("plan_write_update", "return value, diagnostics and output disagree", 0);
    if (rc == 0) {
        size_t k = 0;
        while (k < len && k < out.len && buf[k] == out.buf[k])
            k++;
        size_t added = out.len - len;
        if (out.len < len || memcmp(out.buf + k + added, buf + k, len - k) != 0)
            fuzz_fail("plan_write_update", "an old byte was changed", k);
        reload(r, &out, "plan_write_update");
        fuzz_check_safe("update notes", notes.buf ? notes.buf : "", notes.len, 0);
    }
    fuzz_check_diags(&d);
    diags_release(&d);
    strbuf_release(&notes);
    strbuf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const struct rules *r = fuzz_built_in_model();
    unsigned control = data[0];
    const char *buf = (const char *)data + 1;
    size_t len = size - 1, top = control >> 5;
    struct plan p;
    struct diags d;
    diags_init(&d);
    free(yaml_format_of(buf, len));
    int rc = plan_load_buffer(&p, r, "fuzz.yaml", buf, len, &d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("plan_load_buffer", "return value disagrees with the diagnostics", 0);
    if (rc != 0 && p.n_actions != 0)
        fuzz_fail("plan_load_buffer", "a refused plan was left filled", 0);
    fuzz_check_diags(&d);
    if (rc == 0) {
        struct assessment a;
        struct score s;
        struct strbuf fresh = STRBUF_INIT;
        check_loaded(r, &p);
        make_assessment(r, control, &a);
        score_init(&s);
        score_compute(&s, r, &a);
        check_update(r, &p, buf, len, &s, top);
        plan_write_new(&s, "fuzz", top, &fresh);
        fuzz_check_safe("new plan", fresh.buf, fresh.len, 0);
        reload(r, &fresh, "plan_write_new");
        strbuf_release(&fresh);
        score_release(&s);
        assessment_release(&a);
    }
    plan_release(&p);
    diags_release(&d);
    return 0;
}
