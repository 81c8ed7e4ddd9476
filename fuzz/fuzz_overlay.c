/*
 * fuzz_overlay.c - libFuzzer target for overlays (extends:) of the built-in model.
 *
 * The input is an overlay's body (add, change, retire, scoring, bands...) after a fixed
 * head that extends the built-in model, so every run reaches the merge rather than
 * stopping at the head. Beyond the checks every loaded model gets (fuzz_model.c), it
 * holds the merged model to the overlay's own promises: a load fails exactly when there
 * are errors; the base is named; every item's briefing text is the base's or the
 * overlay's own (an overlay never rewords the base); a retired item has no question;
 * nothing addresses a retired item; and the model hash is the same on a second load.
 */
#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "fuzz_check.h"
#include "rules.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char head[] = "format: stagegap-rules/1\nextends: signs-of-safety\nid: fuzz-local\n"
                           "version: \"1\"\n";

static void check_merged(const struct rules *r, const struct rules *base, const char *hash)
{
    if (!r->base || strcmp(r->base->id, base->id) != 0 ||
        strcmp(r->base->sha256, base->sha256) != 0)
        fuzz_fail("overlay", "the merged model does not name its base", 0);
    if (strcmp(r->model_sha256, hash) != 0)
        fuzz_fail("overlay", "the model hash differs between two loads", 0);
    for (size_t i = 0; i < r->n_items; i++) {
        const struct rules_item *it = &r->items[i];
        long b = rules_find_item(base, it->id);
        if ((b >= 0) != (it->origin != ORIGIN_ADDED))
            fuzz_fail("overlay", "an item's origin disagrees with the base", i);
        if (b >= 0 && strcmp(base->items[b].text, it->text) != 0)
            fuzz_fail("overlay", "a base item's briefing text was changed", i);
        if (it->retired && it->question)
            fuzz_fail("overlay", "a retired item still has a question", i);
        for (size_t k = 0; k < it->n_addresses; k++)
            if (r->items[it->addresses[k]].retired && !it->retired)
                fuzz_fail("overlay", "a suggestion addresses a retired item", i);
    }
    for (size_t b = 0; b < base->n_items; b++)
        if (rules_find_item(r, base->items[b].id) < 0)
            fuzz_fail("overlay", "a base item is gone from the merged model", b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct strbuf yaml = STRBUF_INIT;
    struct rules r, again;
    struct diags d;
    diags_init(&d);
    strbuf_adds(&yaml, head);
    strbuf_add(&yaml, (const char *)data, size);
    int rc = rules_load_buffer(&r, "fuzz.yaml", yaml.buf, yaml.len, &d);
    if ((rc == 0) != (d.errors + d.io_errors == 0))
        fuzz_fail("rules_load_buffer", "return value disagrees with the diagnostics", 0);
    if (rc == 0) {
        struct diags d2;
        diags_init(&d2);
        if (rules_load_buffer(&again, "fuzz.yaml", yaml.buf, yaml.len, &d2) != 0)
            fuzz_fail("overlay", "a second load of the same overlay fails", 0);
        check_merged(&r, fuzz_built_in_model(), again.model_sha256);
        fuzz_check_model(&r, data, size);
        rules_release(&again);
        diags_release(&d2);
    } else if (r.n_items || r.items || r.id) {
        fuzz_fail("rules_load_buffer", "failed but left the model filled", 0);
    }
    fuzz_check_diags(&d);
    rules_release(&r);
    diags_release(&d);
    strbuf_release(&yaml);
    return 0;
}
