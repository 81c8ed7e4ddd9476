/*
 * fuzz_check.h - what the fuzz targets hold every output to, beyond "no crash".
 *
 * PRODUCT.md promises that hostile input gets a located diagnostic and never a crash,
 * and STYLE.md that control characters never reach a terminal and every format is
 * escaped. These checks abort (which libFuzzer records as a crash) when an output breaks
 * such a promise, naming the output and the byte offset.
 */
#ifndef STAGEGAP_FUZZ_CHECK_H
#define STAGEGAP_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>

struct diags;
struct score;
struct strbuf;

enum fuzz_allow {
    FUZZ_ALLOW_TAB = 1, /* a tab may appear (CSV cells and HTML text keep them) */
    FUZZ_ALLOW_CR = 2,  /* a carriage return may appear (CSV cells keep them) */
};

/* Reports a broken promise and aborts. */
_Noreturn void fuzz_fail(const char *what, const char *problem, size_t offset);

/*
 * Checks bytes meant for a terminal, a file or a spreadsheet: valid UTF-8, and no
 * control character (C0, DEL, C1) except newline and what allow lets through.
 */
void fuzz_check_safe(const char *what, const char *s, size_t len, unsigned allow);
/*
 * Checks s is one well-formed JSON value (RFC 8259), with nothing after it but space.
 * Empty text passes: it is a renderer not written yet, which golden tests catch.
 */
void fuzz_check_json(const char *what, const char *s, size_t len);

/* Renders diagnostics as the command line would and checks the result. */
void fuzz_check_diags(const struct diags *d);

/*
 * Renders a score in every report format, compares it with itself and makes a trend of
 * it in every compare format, checking each output. knob varies the text report's
 * colour and width.
 */
void fuzz_render_all(const struct score *s, unsigned knob);

/*
 * Checks the promises a loaded model makes (fuzz_model.c): every item and stage found by
 * its id, "rules" in every format safe, the "init" template accepted as it is, and
 * complete answers picked from data scored and rendered in every format.
 */
struct rules;
void fuzz_check_model(const struct rules *r, const unsigned char *data, size_t size);

/* The built-in model, loaded on first use; a model that fails to load is a finding. */
struct rules;
const struct rules *fuzz_built_in_model(void);

#endif
