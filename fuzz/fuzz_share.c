/*
 * fuzz_share.c - libFuzzer target for share files on the built-in model: the share
 * loader, then a share written from a made assessment and read back.
 *
 * Input: the share file. Promises checked beyond "no crash": the return value agrees
 * with the diagnostics; a loaded share names the built-in model, has K or more
 * respondents with K at least 3, every stage once with a score from 0 to 100 and no more
 * answered than answerable, and means only of items with a question, on the scale; a
 * share written from an assessment of K respondents reads back with the same stage
 * scores. The same input read as benchmark --allow-model-change reads it (another model's
 * stages and items left out) agrees with its diagnostics too, and five authorities made
 * of it are benchmarked and written in every format, with it as ours: no figure from
 * fewer than 5, none equal to an authority's value.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "benchmark.h"
#include "benchmark_report.h"
#include "diag.h"
#include "exact.h"
#include "fuzz_check.h"
#include "rules.h"
#include "score.h"
#include "share.h"
#include "share_write.h"
#include "strbuf.h"
#include "suppress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loaded(const struct rules *r, const struct share *s)
{
    if (strcmp(s->model_id, r->id) != 0 || strcmp(s->model_sha256, r->model_sha256) != 0)
        fuzz_fail("share_load_buffer", "a share of another model was loaded", 0);
    if (s->min_group < 3 || s->respondents < s->min_group)
        fuzz_fail("share_load_buffer", "a share under its threshold was loaded", 0);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct share_stage *ss = &s->stages[st];
        if ((ss->has_score && (ss->score_tenths < 0 || ss->score_tenths > 1000)) ||
            ss->answered > ss->answerable || !ss->band)
            fuzz_fail("share_load_buffer", "a stage out of range or missing", st);
    }
    for (size_t i = 0; i < r->n_items; i++)
        if (s->has_mean[i] && (!r->items[i].question || s->mean_tenths[i] < r->scale_min * 10 ||
                               s->mean_tenths[i] > r->scale_max * 10))
            fuzz_fail("share_load_buffer", "a mean of no question, or off the scale", i);
}

/* Five respondents answering (control + 7 * question + k) mod 11: written, read back. */
static void round_trip(const struct rules *r, unsigned control)
{
    struct assessment a;
    struct score s;
    struct diags d;
    diags_init(&d);
    assessment_init(&a, r);
    for (unsigned k = 0; k < SUPPRESS_MIN_GROUP_DEFAULT; k++) {
        struct strbuf yaml = STRBUF_INIT;
        strbuf_addf(&yaml, "format: stagegap-answers/1\nrules: signs-of-safety\n"
                           "organisation: Anytown\ndate: 2026-07-10\nanswers:\n");
        for (size_t i = 0; i < r->n_items; i++)
            if (r->items[i].question)
                strbuf_addf(&yaml, "  %s: %u\n", r->items[i].id,
                            (unsigned)((control + 7 * i + k) % 11));
        char name[16] = "r0.yaml";
        name[1] = (char)('0' + k);
        if (assessment_add_buffer(&a, name, yaml.buf, yaml.len, false, &d) != 0)
            fuzz_fail("assessment_add_buffer", "the made assessment does not load", k);
        strbuf_release(&yaml);
    }
    struct score_options o = {false, SUPPRESS_MIN_GROUP_DEFAULT, true, NULL};
    score_init(&s);
    score_compute_with(&s, r, &a, &o);
    struct strbuf out = STRBUF_INIT;
    share_write(&s, "0", &out);
    struct share back;
    if (share_load_buffer(&back, r, "written.yaml", out.buf, out.len, &d) != 0)
        fuzz_fail("share_write", "a written share does not read back", 0);
    for (size_t st = 0; st < r->n_stages; st++)
        if (back.stages[st].has_score != s.stages[st].has_score ||
            (s.stages[st].has_score &&
             back.stages[st].score_tenths != (int64_t)exact_round(&s.stages[st].score_exact, 1)))
            fuzz_fail("share_write", "a stage score read back differs", st);
    share_release(&back);
    strbuf_release(&out);
    score_release(&s);
    assessment_release(&a);
    diags_release(&d);
}

/* Five authorities: the share as ours, and four more with its scores moved. */
static void benchmark_of(const struct rules *r, const struct share *ours)
{
    static const char *const orgs[] = {"B", "C", "D", "E"};
    struct share others[4];
    struct share_stage stages[4][16];
    const struct share *picked[5] = {ours};
    if (r->n_stages > 16)
        return;
    for (size_t k = 0; k < 4; k++) {
        others[k] = *ours;
        others[k].organisation = orgs[k];
        others[k].stages = stages[k];
        for (size_t st = 0; st < r->n_stages; st++) {
            stages[k][st] = ours->stages[st];
            stages[k][st].score_tenths = (ours->stages[st].score_tenths + 97 * (int64_t)k) % 1001;
        }
        picked[k + 1] = &others[k];
    }
    struct benchmark b;
    benchmark_compute(&b, r, picked, 5, ours, NULL, picked, 5);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct benchmark_figure *f = &b.stages[st];
        if (f->median.shown && (f->authorities < BENCHMARK_MIN_AUTHORITIES || f->median.withheld))
            fuzz_fail("benchmark_compute", "a median from too few, or withheld and shown", st);
        for (size_t k = 0; k < 5 && f->median.shown; k++)
            if (picked[k]->stages[st].has_score &&
                picked[k]->stages[st].score_tenths == f->median.tenths)
                fuzz_fail("benchmark_compute", "a median equal to one authority's score", st);
    }
    static const char *const formats[] = {"text", "markdown", "html", "json", "csv"};
    for (size_t k = 0; k < 5; k++) {
        struct strbuf out = STRBUF_INIT;
        benchmark_render(&b, formats[k], "0", 80, &out);
        strbuf_release(&out);
    }
    benchmark_release(&b);
}

static void as_benchmark_reads(const struct rules *r, const uint8_t *data, size_t size)
{
    struct diags d;
    struct share s;
    diags_init(&d);
    int rc = share_load_for_benchmark(&s, r, true, "fuzz.yaml", (const char *)data, size, &d);
    fuzz_check_diags(&d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("share_load_for_benchmark", "return value and diagnostics disagree", 0);
    if (rc == 0)
        benchmark_of(r, &s);
    share_release(&s);
    diags_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct rules *r = fuzz_built_in_model();
    struct diags d;
    struct share s;
    diags_init(&d);
    int rc = share_load_buffer(&s, r, "fuzz.yaml", (const char *)data, size, &d);
    fuzz_check_diags(&d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("share_load_buffer", "return value and diagnostics disagree", 0);
    if (rc == 0)
        check_loaded(r, &s);
    share_release(&s);
    diags_release(&d);
    as_benchmark_reads(r, data, size);
    round_trip(r, size ? data[0] : 0);
    return 0;
}
