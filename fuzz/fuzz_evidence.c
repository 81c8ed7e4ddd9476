/*
 * fuzz_evidence.c - libFuzzer target for evidence files (evidence.h) on the built-in
 * model.
 *
 * Input: the evidence file. Promises checked beyond "no crash": the return value agrees
 * with the diagnostics; a loaded file's every indicator has an id, a title and a
 * source, bears on items with a question only, in rules order, once each, has a base of
 * none or at least the threshold, a target and values on its scale, and values in date
 * order, one per real date.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "evidence.h"
#include "fuzz_check.h"
#include "rules.h"
#include "suppress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_indicator(const struct rules *r, const struct evidence_indicator *ind, size_t k)
{
    if (!ind->id || !ind->title || !ind->source)
        fuzz_fail("evidence_load_buffer", "an indicator without id, title or source", k);
    for (size_t j = 0; j < ind->n_items; j++)
        if (ind->items[j] >= r->n_items || !r->items[ind->items[j]].question ||
            (j && ind->items[j] <= ind->items[j - 1]))
            fuzz_fail("evidence_load_buffer", "an item with no question, twice or out of order", k);
    if (ind->n_items == 0)
        fuzz_fail("evidence_load_buffer", "an indicator that bears on nothing", k);
    if (ind->base && ind->base < SUPPRESS_MIN_GROUP_DEFAULT)
        fuzz_fail("evidence_load_buffer", "a figure of fewer people than the threshold", k);
    if (ind->min >= ind->max ||
        (ind->kind == EVIDENCE_CATEGORY && (size_t)ind->max + 1 != ind->n_levels))
        fuzz_fail("evidence_load_buffer", "a scale with no room", k);
    if (ind->has_target && (ind->target < ind->min || ind->target > ind->max))
        fuzz_fail("evidence_load_buffer", "a target off its scale", k);
    for (size_t j = 0; j < ind->n_values; j++) {
        const struct evidence_value *v = &ind->values[j];
        if (!date_valid(v->date) || v->value < ind->min || v->value > ind->max)
            fuzz_fail("evidence_load_buffer", "a value off its scale, or on no real date", k);
        if (j && strcmp(ind->values[j - 1].date, v->date) >= 0)
            fuzz_fail("evidence_load_buffer", "values out of date order, or a date twice", k);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct rules *r = fuzz_built_in_model();
    struct diags d;
    struct evidence e;
    diags_init(&d);
    int rc = evidence_load_buffer(&e, r, SUPPRESS_MIN_GROUP_DEFAULT, "fuzz.yaml",
                                  (const char *)data, size, &d);
    fuzz_check_diags(&d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("evidence_load_buffer", "return value and diagnostics disagree", 0);
    if (rc == 0)
        for (size_t k = 0; k < e.n_indicators; k++)
            check_indicator(r, &e.indicators[k], k);
    evidence_release(&e);
    diags_release(&d);
    return 0;
}
