/*
 * fuzz_answers.c - libFuzzer target for the whole "stagegap assess" path on the
 * built-in model: answers loader -> score -> every report format, plus compare and
 * trend of the result.
 *
 * Input: one control byte, then the answers file. Bit 0 of the control byte turns on
 * --strict; bit 1 adds the file a second time as another respondent (so spreads and
 * role tallies are scored); the rest varies the text report's width. The seed corpus
 * that fuzz/run.sh builds prefixes each fixture with 'l' (0x6c: lenient, once) and
 * 's' (0x73: strict, twice).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "answers.h"
#include "diag.h"
#include "fuzz_check.h"
#include "rules.h"
#include "schema.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const struct rules *r = fuzz_built_in_model();
    unsigned control = data[0];
    bool strict = control & 1, twice = control & 2;
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    struct assessment a;
    struct score s;
    struct diags d;
    diags_init(&d);
    assessment_init(&a, r);
    score_init(&s);

    /* What "validate" does first to tell rules from answers. */
    free(yaml_format_of(buf, len));

    int rc = assessment_add_buffer(&a, "fuzz.yaml", buf, len, strict, &d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("assessment_add_buffer", "return value disagrees with the diagnostics", 0);
    if (rc != 0 && a.respondents != 0)
        fuzz_fail("assessment_add_buffer", "an invalid file was folded in", 0);
    if (rc == 0 && twice) {
        /* The lenient check accepts whatever the strict one did. */
        if (assessment_add_buffer(&a, "fuzz-2.yaml", buf, len, false, &d) != 0)
            fuzz_fail("assessment_add_buffer", "the same file failed the second time", 0);
    }
    if (rc == 0) {
        if (a.respondents != (twice ? 2u : 1u) || !a.organisation || !a.date)
            fuzz_fail("assessment", "respondent count, organisation or date wrong", 0);
        score_compute(&s, r, &a);
        for (size_t st = 0; st < r->n_stages; st++) {
            const struct score_stage *ss = &s.stages[st];
            if (ss->has_score && !(ss->score >= 0 && ss->score <= 100))
                fuzz_fail("score", "a stage score outside 0..100", st);
            if (!(ss->coverage >= 0 && ss->coverage <= 1))
                fuzz_fail("score", "a coverage outside 0..1", st);
        }
        fuzz_render_all(&s, control >> 2);
    }
    fuzz_check_diags(&d);
    score_release(&s);
    assessment_release(&a);
    diags_release(&d);
    return 0;
}
