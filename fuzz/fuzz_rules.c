/*
 * fuzz_rules.c - libFuzzer target for the rules loader, and for everything a loaded
 * model then feeds (fuzz_model.c): lookups, "stagegap rules" in every format, "stagegap
 * init", and an assessment answered from that template, scored and rendered in every
 * format.
 *
 * Beyond "no crash, no leak, no sanitizer report" it checks the promises a model makes:
 * a load fails exactly when there are errors, every item is found by its id, the
 * template "init" writes is accepted by the answers loader as it is, and every output
 * is safe for a terminal (fuzz_check.h).
 */
#include <stdint.h>

#include "diag.h"
#include "fuzz_check.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rules r;
    struct diags d;
    diags_init(&d);
    int rc = rules_load_buffer(&r, "fuzz.yaml", (const char *)data, size, &d);
    if ((rc == 0) != (d.errors + d.io_errors == 0))
        fuzz_fail("rules_load_buffer", "return value disagrees with the diagnostics", 0);
    if (rc == 0) {
        fuzz_check_model(&r, data, size);
    } else if (r.n_items || r.items || r.id) {
        fuzz_fail("rules_load_buffer", "failed but left the model filled", 0);
    }
    fuzz_check_diags(&d);
    rules_release(&r);
    diags_release(&d);
    return 0;
}
